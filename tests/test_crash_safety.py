"""Crash safety and idempotence of the stages' outputs.

A stage that dies mid-write (an exception halfway through a file, or SIGKILL) leaves the
previous outputs byte for byte, and a rerun completes and removes what the killed run left.
The same inputs give byte-identical outputs; the one exception is the creation date and
time that SPSS and Stata files carry in their headers (see test_export_is_idempotent).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

import pipeline.stages.export.spss
from pipeline.cli.app import run
from pipeline.core.atomic import atomic_path, remove_stale_temporaries

FIXTURES = Path(__file__).parent / "fixtures"
BIG_FRAME = """\
name: {vi: Khung lớn, en: Large frame}
strata:
  - {code: 1, label: {vi: Hành chính, en: Administrative}, population: 600000}
  - {code: 2, label: {vi: Đoàn thể, en: Mass organisations}, population: 400000}
"""
# .sav header: "$FL2", product (60), layout, case size, compression, weight, cases (4 each),
# bias (8), then creation date "dd mmm yy" and time "hh:mm:ss" (17 bytes), from the clock.
SAV_CREATED = slice(92, 109)


@pytest.fixture
def questionnaire(tmp_path) -> Path:
    """mini.yaml beside a frame large enough to simulate thousands of respondents."""
    folder = tmp_path / "q"
    folder.mkdir()
    shutil.copy(FIXTURES / "mini.yaml", folder / "mini.yaml")
    (folder / "mini-frame.yaml").write_text(BIG_FRAME, encoding="utf-8")
    return folder / "mini.yaml"


def survey(*args: object) -> None:
    assert run([str(a) for a in args]) == 0


def files(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder``, hidden temporaries included."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".tmp" in p.name]


def simulate(q: Path, out: Path, n: int, seed: int) -> None:
    survey("simulate", q, "--n", n, "--seed", seed, "--out", out)


def clean(q: Path, raw: Path, out: Path) -> None:
    survey("clean", raw, "--questionnaire", q, "--out", out, "--key-file", out.parent / "key")


def half_then_fail(real):
    """A writer that writes half of its output, then fails as a full disk would."""

    def writer(*args, **kwargs):
        real(*args, **kwargs)
        path = Path(next(a for a in args if isinstance(a, (str, Path))))
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    return writer


# ---- dying mid-write -----------------------------------------------------------------------


def test_clean_failing_mid_write_leaves_the_previous_outputs(
    questionnaire, tmp_path, monkeypatch, capsys
):
    raw, out = tmp_path / "raw" / "w.csv", tmp_path / "processed" / "w.parquet"
    simulate(questionnaire, raw, 80, 1)
    clean(questionnaire, raw, out)
    before = files(out.parent)
    simulate(questionnaire, raw, 90, 2)

    def to_csv(frame, path=None, *args, **kwargs):
        return real_to_csv(frame, path, *args, **kwargs)

    real_to_csv = pd.DataFrame.to_csv
    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail(to_csv))
    code = run(["clean", str(raw), "--questionnaire", str(questionnaire), "--out", str(out),
                "--key-file", str(out.parent / "key")])  # fmt: skip
    monkeypatch.undo()
    assert code == 3
    error = capsys.readouterr().err.splitlines()[-1]
    assert error == f"error: {out.parent / 'w.cleaning-log.csv'}: no space left on the disk"
    assert files(out.parent) == before
    clean(questionnaire, raw, out)
    assert temporaries(out.parent) == []
    assert files(out.parent)["w.cleaning-summary.json"] != before["w.cleaning-summary.json"]


def test_export_failing_mid_write_leaves_the_previous_files(
    questionnaire, tmp_path, monkeypatch, capsys
):
    raw, data = tmp_path / "raw" / "w.csv", tmp_path / "processed" / "w.parquet"
    out = tmp_path / "spss"
    simulate(questionnaire, raw, 60, 1)
    clean(questionnaire, raw, data)
    export = ["export", data, "--questionnaire", questionnaire, "--out", out, "--format", "sav"]
    survey(*export)
    before = files(out)
    simulate(questionnaire, raw, 70, 2)
    clean(questionnaire, raw, data)
    monkeypatch.setattr(
        pipeline.stages.export.spss.pyreadstat, "write_sav", half_then_fail(pyreadstat.write_sav)
    )
    code = run([str(a) for a in export])
    monkeypatch.undo()
    assert code == 3
    error = capsys.readouterr().err.splitlines()[-1]
    assert error == f"error: {out / 'mini_2021_vi.sav'}: no space left on the disk"
    assert files(out) == before
    survey(*export)
    assert temporaries(out) == []
    assert files(out) != before


def test_only_temporaries_of_dead_processes_are_removed(tmp_path):
    target = tmp_path / "out.csv"
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    dead = tmp_path / f".out.csv.{child.pid}.abc.tmp.csv"
    alive = tmp_path / f".out.csv.{os.getpid()}.def.tmp.csv"
    other = tmp_path / f".other.csv.{child.pid}.ghi.tmp.csv"
    for path in (dead, alive, other):
        path.write_text("half", encoding="utf-8")
    assert remove_stale_temporaries(target) == [dead]
    assert alive.exists() and other.exists()
    with atomic_path(target) as tmp:
        tmp.write_text("x", encoding="utf-8")
        assert str(os.getpid()) in tmp.name
    assert target.read_text(encoding="utf-8") == "x"


# ---- idempotence ----------------------------------------------------------------------------


def test_simulate_and_clean_are_byte_identical_on_the_same_inputs(questionnaire, tmp_path):
    raw, out = tmp_path / "raw" / "w.csv", tmp_path / "processed" / "w.parquet"
    out.parent.mkdir()
    (out.parent / "key").write_text(bytes(range(32)).hex())
    outputs = []
    for _ in range(2):
        simulate(questionnaire, raw, 120, 7)
        clean(questionnaire, raw, out)
        outputs.append({**files(raw.parent), **files(out.parent)})
        for path in [*raw.parent.iterdir(), *out.parent.iterdir()]:
            if path.name != "key":
                path.unlink()
    a, b = outputs
    assert set(a) == {"w.csv", "w.faults.csv", "w.parquet", "w.cleaning-log.csv", "key",
                      "w.quarantine.csv", "w.cleaning-summary.json",
                      "pseudonym-key.fingerprint"}  # fmt: skip
    assert a == b


def test_export_is_idempotent_but_for_the_sav_and_dta_creation_time(questionnaire, tmp_path):
    """pyreadstat (1.3: write_sav and write_dta take no timestamp) and PSPP stamp SPSS and
    Stata files with the clock's date and time, so those header bytes differ between runs;
    everything else, and the data and dictionary read back, are identical."""
    raw, data = tmp_path / "raw" / "w.csv", tmp_path / "processed" / "w.parquet"
    simulate(questionnaire, raw, 80, 3)
    clean(questionnaire, raw, data)
    runs = []
    for name in ("a", "b"):
        survey("export", data, "--questionnaire", questionnaire, "--out", tmp_path / name)
        runs.append(files(tmp_path / name))
        time.sleep(1.05 if name == "a" else 0)  # a second apart: the stamps differ
    a, b = runs
    assert sorted(a) == sorted(b)
    sav = next(k for k in a if k.endswith(".sav"))
    dta = next(k for k in a if k.endswith(".dta"))
    assert a[sav][SAV_CREATED] != b[sav][SAV_CREATED]
    assert without(a[sav], SAV_CREATED) == without(b[sav], SAV_CREATED)
    assert without(a[dta], dta_timestamp(a[dta])) == without(b[dta], dta_timestamp(b[dta]))
    assert {k: v for k, v in a.items() if k not in (sav, dta)} == {
        k: v for k, v in b.items() if k not in (sav, dta)
    }
    read = [pyreadstat.read_sav(str(tmp_path / name / sav), user_missing=True) for name in "ab"]
    pd.testing.assert_frame_equal(read[0][0], read[1][0])
    assert read[0][1].variable_value_labels == read[1][1].variable_value_labels
    assert read[0][1].column_names_to_labels == read[1][1].column_names_to_labels


def without(data: bytes, part: slice) -> bytes:
    return data[: part.start] + data[part.stop :]


def dta_timestamp(data: bytes) -> slice:
    start = data.index(b"<timestamp>") + len(b"<timestamp>")
    return slice(start, data.index(b"</timestamp>", start))
