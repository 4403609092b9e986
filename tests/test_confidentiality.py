"""PII never leaves raw/: every file the pipeline writes under processed/ and outputs/ is read
back (parquet, Excel, SPSS, Stata, PDF text, and everything else as text) and searched for
the raw values of the PII columns and for the raw respondent ids."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest
from openpyxl import load_workbook

from pipeline.cli.app import run
from pipeline.stages.report.render import render_report

from .conftest import FIXTURES, REPO
from .test_report import WAVE, build_stage_outputs


def file_text(path: Path) -> str:
    """Everything a reader of ``path`` could see, as one string."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return pd.read_parquet(path).astype(str).to_csv()
    if suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return "\n".join(
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    if suffix in (".sav", ".zsav", ".dta"):
        reader = pyreadstat.read_dta if suffix == ".dta" else pyreadstat.read_sav
        data, meta = reader(str(path))
        return data.astype(str).to_csv() + str(meta.column_names_to_labels)
    if suffix == ".pdf":
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True).stdout.decode()
    if suffix == ".png":
        return ""
    return path.read_bytes().decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The mini survey through every stage, a report included."""
    root = build_stage_outputs(tmp_path_factory.mktemp("confidential"))
    weighted = root / "processed" / f"{WAVE}.weighted.parquet"
    q = str(FIXTURES / "mini.yaml")
    assert run(["export", str(weighted), "--questionnaire", q, "--out",
                str(root / "outputs" / "spss")]) == 0  # fmt: skip
    assert run(["instruments", q, "--out", str(root / "outputs" / "instruments" / WAVE)]) == 0
    render_report(
        REPO / "notebooks" / "wave_report.ipynb",
        {"wave": WAVE, "lang": "en", "root": str(root), "show_free_text": "True"},
        root / "outputs" / "reports",
        cwd=root,
    )
    return root


def written_files(root: Path) -> list[Path]:
    return sorted(p for d in ("processed", "outputs") for p in (root / d).rglob("*") if p.is_file())


def test_the_scan_covers_every_kind_of_output(project):
    suffixes = {p.suffix for p in written_files(project)}
    assert {".parquet", ".csv", ".json", ".xlsx", ".sav", ".dta", ".pdf", ".html"} <= suffixes


def test_no_pii_value_or_raw_respondent_id_leaves_raw(project):
    raw = pd.read_csv(project / "raw" / f"{WAVE}.csv", dtype=str, keep_default_na=False)
    phones = {v.strip() for v in raw["phone"] if len(v.strip()) >= 8}
    ids = {v.strip() for v in raw["respondent_id"] if v.strip()}
    assert phones and ids
    leaks = []
    for path in written_files(project):
        text = file_text(path)
        leaks += [(path.name, value) for value in phones | ids if value in text]
    assert leaks == []


def test_the_scan_would_see_a_leak(project, tmp_path):
    raw = pd.read_csv(project / "raw" / f"{WAVE}.csv", dtype=str, keep_default_na=False)
    phone = next(v for v in raw["phone"] if len(v.strip()) >= 8)
    leaked = tmp_path / "leak.xlsx"
    pd.DataFrame({"note": [f"call {phone}"]}).to_excel(leaked, index=False)
    assert phone in file_text(leaked)
