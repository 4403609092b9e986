"""dvc.yaml follows the code: every stage depends on every module its command imports (lazy
imports included), on the notebooks it executes and on the templates they render, so that
any code change reruns the stages it touches."""

from __future__ import annotations

from pathlib import Path

import pytest

from .dvc_stages import REPO, Stage, code_of, command_modules, covered, package_data, stages

STAGES = stages()


def missing_dependencies(stage: Stage) -> list[str]:
    needed = code_of(stage) | package_data(stage)
    return sorted(str(p.relative_to(REPO)) for p in needed if not covered(p, stage.deps))


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.name)
def test_each_stage_depends_on_all_the_code_it_runs(stage):
    assert missing_dependencies(stage) == []


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.name)
def test_each_declared_code_dependency_exists(stage):
    code = [d for d in stage.deps if d.startswith(("pipeline/", "notebooks/"))]
    assert [d for d in code if not (REPO / d).exists()] == []


def test_every_stage_runs_a_known_survey_command():
    known = command_modules()
    assert [s.name for s in STAGES if s.command[1] not in known] == []


def test_the_statistics_reach_tabulate_compare_and_every_report():
    statistics = REPO / "pipeline" / "statistics" / "survey.py"
    reached = {s.name for s in STAGES if statistics in code_of(s)}
    assert {"tabulate", "compare", "report-wave", "report-brief", "report-comparison"} <= reached


# The check itself catches a missing module.


def test_a_stage_that_lists_only_its_own_module_is_incomplete():
    tabulate = next(s for s in STAGES if s.name == "tabulate")
    narrow = Stage("tabulate", tabulate.command, ("pipeline/stages/tabulate.py",))
    missing = missing_dependencies(narrow)
    assert "pipeline/statistics/survey.py" in missing
    assert "pipeline/model/questionnaire.py" in missing


def test_a_folder_dependency_covers_the_files_below_it():
    assert covered(REPO / "pipeline" / "core" / "errors.py", ("pipeline/core",))
    assert not covered(REPO / "pipeline" / "core" / "errors.py", ("pipeline/co",))
    assert not covered(Path(REPO / "pipeline" / "model" / "lint.py"), ("pipeline/core",))
