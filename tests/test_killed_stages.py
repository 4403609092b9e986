"""Stages that write several files (simulate, clean, export, tabulate, instruments, report)
leave them all old or all new when SIGKILLed at any point, and no leftovers once the next
run has started (it finishes or discards what the killed one staged:
finish_interrupted_swaps).

Each trial runs the stage's command in a child forked by tests/kill_driver.py; the child is
killed either by itself just before its k-th file rename (the first, the last and random
steps of the swap: the renames inside the staging folder, the commit marker, each file
moved in) or by the driver after a random delay. The report's notebook is executed once
beforehand and reused (it writes nothing into --out), so the trials spend their time in
rendering and swapping.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import pipeline.stages.report.render as render
from pipeline.core.atomic import finish_interrupted_swaps

from .small_wave import REPO, survey

FIXTURES = Path(__file__).parent / "fixtures"
NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
SAV_CREATED = slice(92, 109)  # the .sav/.zsav header's creation date and time


# typst stamps a PDF with the clock, and derives the document's ids from it
_PDF_STAMPS = re.compile(
    rb"D:\d{14}Z?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"
    rb"|(?<=InstanceID>)[^<]*|(?<=DocumentID>)[^<]*|/ID\[\([^)]*\)\([^)]*\)\]"
)


def comparable(name: str, data: bytes) -> bytes:
    """File bytes without the creation stamps SPSS, Stata and typst's PDFs carry from the
    clock."""
    if name.endswith(".pdf"):
        return _PDF_STAMPS.sub(b"STAMP", data)
    if name.endswith((".sav", ".zsav")):
        return data[: SAV_CREATED.start] + data[SAV_CREATED.stop :]
    if name.endswith(".dta") and b"<timestamp>" in data:
        start = data.index(b"<timestamp>")
        return data[:start] + data[data.index(b"</timestamp>") :]
    return data


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones, staging folders and temporaries included)."""
    return {
        str(p.relative_to(folder)): comparable(p.name, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def restore(folder: Path, state: dict[str, bytes], originals: Path) -> None:
    shutil.rmtree(folder)
    shutil.copytree(originals, folder)
    assert snapshot(folder) == state


@dataclass
class Stage:
    name: str
    old: list[str]
    new: list[str]
    out: Path  # the folder the stage writes into
    executed_notebook: str | None = None  # the report's notebook, executed beforehand


class Driver:
    """tests/kill_driver.py in a subprocess: runs commands in forked children, kills them."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.kill_driver"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def trial(self, argv: list[str], **request: object) -> dict:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"argv": argv, **request}) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def driver():
    d = Driver()
    yield d
    d.close()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> dict[str, Stage]:
    root = tmp_path_factory.mktemp("killed")
    q = root / "q" / "mini.yaml"
    q.parent.mkdir()
    shutil.copy(FIXTURES / "mini.yaml", q)
    shutil.copy(FIXTURES / "mini-frame.yaml", q.parent / "mini-frame.yaml")
    retitled = yaml.safe_load(q.read_text(encoding="utf-8"))
    retitled["title"] = {"vi": "Phiếu mới", "en": "New form"}
    q2 = q.parent / "retitled.yaml"
    q2.write_text(yaml.safe_dump(retitled, allow_unicode=True), encoding="utf-8")
    key = ["--key-file", root / "key"]
    for seed, stem in ((1, "2021"), (2, "s2")):  # 2021: the wave the report reads
        raw = root / "raw" / f"s{seed}.csv"
        survey("simulate", q, "--n", 120, "--seed", seed, "--out", raw)
        clean = root / "processed" / f"{stem}.parquet"
        survey("clean", raw, "--questionnaire", q, "--out", clean, *key)
        survey("weight", clean, "--questionnaire", q, "--out", root / "w" / f"s{seed}.parquet")
    weighted = root / "processed" / "2021.weighted.parquet"
    shutil.copy(root / "w" / "s1.parquet", weighted)
    survey("tabulate", weighted, "--questionnaire", q, "--out", root / "outputs" / "tables")
    survey("instruments", q, "--out", root / "outputs" / "instruments" / "2021")
    # the report's notebook, executed once for both versions of the report
    executed = root / "executed.ipynb"
    report_params = {"wave": "2021", "root": str(root), "questionnaire": str(q)}
    render.execute_notebook(
        NOTEBOOKS / "wave_report.ipynb",
        render.typed_parameters(NOTEBOOKS / "wave_report.ipynb", report_params),
        executed,
        root,
    )
    sim, cleaned = root / "sim" / "w.csv", root / "cleaned" / "w.parquet"
    report = ["report", str(NOTEBOOKS / "wave_report.ipynb"), "--out", str(root / "reports")]
    stages = [
        Stage("simulate", ["simulate", q, "--n", 80, "--seed", 3, "--out", sim],
              ["simulate", q, "--n", 90, "--seed", 4, "--out", sim], sim.parent),
        Stage("clean", ["clean", root / "raw" / "s1.csv", "--questionnaire", q, "--out", cleaned,
                        *key],
              ["clean", root / "raw" / "s2.csv", "--questionnaire", q, "--out", cleaned, *key],
              cleaned.parent),
        Stage("export", ["export", root / "w" / "s1.parquet", "--questionnaire", q, "--zsav",
                         "--out", root / "spss"],
              ["export", root / "w" / "s2.parquet", "--questionnaire", q, "--zsav",
               "--out", root / "spss"], root / "spss"),
        Stage("tabulate", ["tabulate", root / "w" / "s1.parquet", "--questionnaire", q,
                           "--out", root / "tables"],
              ["tabulate", root / "w" / "s2.parquet", "--questionnaire", q,
               "--out", root / "tables"], root / "tables"),
        Stage("instruments", ["instruments", q, "--out", root / "instruments"],
              ["instruments", q2, "--out", root / "instruments"], root / "instruments"),
        Stage("report", [*report, "--to", "html,pdf", "-p", "wave=2021", "--keep-notebook"],
              [*report, "--to", "html,pdf", "-p", "wave=2021", "--keep-notebook", "--name",
               "final"], root / "reports"),
    ]  # fmt: skip
    return {
        s.name: Stage(s.name, [str(a) for a in s.old], [str(a) for a in s.new], s.out,
                      str(executed) if s.name == "report" else None)
        for s in stages
    }  # fmt: skip


TRIALS = {"simulate": 4, "clean": 4, "export": 4, "tabulate": 3, "instruments": 3, "report": 3}


@pytest.mark.parametrize("name", list(TRIALS))
def test_a_killed_stage_leaves_all_old_or_all_new_files(name, project, driver, tmp_path):
    stage = project[name]
    extra = {"executed_notebook": stage.executed_notebook}
    assert driver.trial(stage.old, **extra)["code"] == 0
    old = snapshot(stage.out)
    originals = tmp_path / "old"
    shutil.copytree(stage.out, originals)
    full = driver.trial(stage.new, **extra)
    assert full["code"] == 0, full
    renames, new = full["renames"], snapshot(stage.out)
    changed = [k for k, v in new.items() if old.get(k) != v]
    assert len(changed) >= 2, changed  # a set of files, so that half a swap would show
    rng = random.Random(name)
    # the first rename (nothing committed yet), the last (all but one file moved in), others
    others = rng.sample(range(2, renames), min(TRIALS[name] - 2, renames - 2))
    points = sorted({1, renames, *others})
    outcomes = []
    for k in [*points, None]:
        restore(stage.out, old, originals)
        if k is None:  # killed by the test at a random moment instead
            driver.trial(stage.new, kill_after=rng.uniform(0, full["seconds"]), **extra)
        else:
            result = driver.trial(stage.new, kill_before_rename=k, **extra)
            assert result["signaled"], f"the run did not reach rename {k} of {renames}"
        finish_interrupted_swaps(stage.out)  # what the next run does first
        after = snapshot(stage.out)
        assert after in (old, new), (
            k,
            [f for f in sorted(set(after) | set(old)) if after.get(f) != old.get(f)],
            [f for f in sorted(set(after) | set(new)) if after.get(f) != new.get(f)],
        )
        outcomes.append("old" if after == old else "new")
    restore(stage.out, old, originals)
    assert outcomes[0] == "old" and outcomes[len(points) - 1] == "new", outcomes
