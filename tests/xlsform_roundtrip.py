"""One public XLSForm through import -> lint -> instruments -> pyxform -> comparison, and
through the questionnaire YAML (import-xlsform's output) and back.

Used by tests/test_xlsform_corpus.py (every form of tests/corpus/xlsforms) and by
bench/xlsform_corpus.py (the pass rate per step, as JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import InputError
from pipeline.model.lint import errors, lint_questionnaire
from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.import_xlsform import pyxform_refusal, questionnaire_yaml, read_xlsform
from pipeline.readers.xlsform_equivalence import differences, pyxform_definition
from pipeline.stages.instruments.xlsform import write_xlsform

CORPUS = Path(__file__).parent / "corpus" / "xlsforms"
STEPS = ("import", "lint", "instruments", "pyxform", "same_form", "same_model", "yaml")


def corpus_forms() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in (".xls", ".xlsx"))


@dataclass
class FormResult:
    """How far one form got. ``refused``: pyxform rejects the original and so did import
    (``refusal`` is the one-line error)."""

    form: str
    passed: dict[str, bool] = field(default_factory=dict)
    refused: bool = False
    refusal: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.refused or all(self.passed.get(step) for step in STEPS)


def run_form(path: Path, folder: Path) -> FormResult:
    result = FormResult(str(path.relative_to(CORPUS)))
    try:
        questionnaire = read_xlsform(path)  # converts the form with pyxform as it reads it
    except InputError as exc:
        result.passed["import"] = False
        result.refusal = str(exc)
        result.refused = pyxform_refusal(path) is not None
        if not result.refused:
            result.problems.append(f"import: {exc}")
        return result
    result.passed["import"] = True
    found = errors(lint_questionnaire(questionnaire, str(path), path.parent))
    result.passed["lint"] = not found
    result.problems += [f"lint: {p}" for p in found]
    out = folder / path.with_suffix(".xlsx").name
    try:
        write_xlsform(questionnaire, out)
    except InputError as exc:
        result.passed["instruments"] = False
        result.problems.append(f"instruments: {exc}")
        return result
    result.passed["instruments"] = True
    original, written = pyxform_definition(path), pyxform_definition(out)
    result.passed["pyxform"] = True
    found_differences = differences(original, written)
    result.passed["same_form"] = not found_differences
    result.problems += [f"same_form: {d}" for d in found_differences]
    again = read_xlsform(out)
    model_differences = differences(_dump(questionnaire), _dump(again))
    result.passed["same_model"] = not model_differences
    result.problems += [f"same_model: {d}" for d in model_differences]
    yaml_path = out.with_suffix(".yaml")
    yaml_path.write_text(questionnaire_yaml(questionnaire), encoding="utf-8")
    from_yaml = load_questionnaire(yaml_path, with_frame=False)
    yaml_differences = differences(_dump(questionnaire), _dump(from_yaml))
    result.passed["yaml"] = not yaml_differences
    result.problems += [f"yaml: {d}" for d in yaml_differences]
    return result


def _dump(questionnaire) -> dict:
    return questionnaire.model_dump(mode="json", exclude={"source"})


def pass_rates(results: list[FormResult]) -> dict:
    """Per step: forms that passed it out of the forms pyxform accepts; and the refusals."""
    accepted = [r for r in results if not r.refused]
    return {
        "forms": len(results),
        "rejected_by_pyxform_and_refused": sum(r.refused for r in results),
        "accepted_by_pyxform": len(accepted),
        "steps": {step: sum(bool(r.passed.get(step)) for r in accepted) for step in STEPS},
        "round_trip_without_loss": sum(r.ok for r in accepted),
    }
