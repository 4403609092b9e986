"""Formula injection: text a person opens in a spreadsheet never runs as a formula, while
.sav and parquet keep every value exactly; and .xlsx archives that would inflate too far are
refused before anything is inflated."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pyreadstat
import pytest
import yaml

from pipeline.core.errors import InputError
from pipeline.core.spreadsheet_safety import (
    check_xlsx_archive,
    is_number_text,
    neutralise,
    neutralise_frame,
)
from pipeline.model.cleaning_rules import CleaningConfig
from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.ingest import RawResponses
from pipeline.stages.clean import clean, write_outputs
from pipeline.stages.export.write import export
from pipeline.stages.instruments.entry_template import write_entry_template

FIXTURES = Path(__file__).parent / "fixtures"
KEY = bytes(range(32))
HYPERLINK = '=HYPERLINK("http://x","y")'
VALID = {
    "respondent_id": "R1", "category": "1", "sex": "2", "age": "35", "phone": "0909123456",
    "aware": "1", "trust": "2", "eff_meet": "1", "eff_train": "2", "src_1": "1", "src_2": "0",
    "src_3": "1", "last_meeting": "2021-03-05", "comment": "Tốt",
}  # fmt: skip


# ---- neutralise ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("- không ý kiến", "'- không ý kiến"),
        (" =1+1", "' =1+1"),  # Excel skips leading spaces before a formula
        ("\n=1", "'\n=1"),
        ("  @SUM(A1)", "'  @SUM(A1)"),
        ("\u00a0+cmd", "'\u00a0+cmd"),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ],
)
def test_text_that_a_spreadsheet_would_run_gets_a_leading_quote(text, safe):
    assert neutralise(text) == safe


@pytest.mark.parametrize("number", ["-3", "-0.5", "+1", "-.5", "-1e3", "+2.5E-4", "-10"])
def test_genuine_numbers_stay_numbers(number):
    assert is_number_text(number)
    assert neutralise(number) == number
    assert neutralise(" " + number) == " " + number


@pytest.mark.parametrize(
    "value", ["Tốt", "1=1", "a+b", "", " ", "0901234567", "2021-03-05", "'=1", 3, -3, -0.5, None]
)
def test_everything_else_is_unchanged(value):
    assert neutralise(value) == value


def test_a_frame_keeps_numbers_and_neutralises_text_and_names():
    frame = pd.DataFrame(
        {
            "code": pd.array([-3, 1, None], dtype="Int64"),
            "share": [-0.5, 0.25, 1.0],
            "text": pd.array([HYPERLINK, "-4", None], dtype="string"),
            "=label": ["@x", "ok", "+1"],
        }
    )
    safe = neutralise_frame(frame)
    assert list(safe.columns) == ["code", "share", "text", "'=label"]
    assert safe["code"].tolist() == frame["code"].tolist()
    assert safe["code"].dtype == "Int64" and safe["text"].dtype == "string"
    assert safe["share"].tolist() == [-0.5, 0.25, 1.0]
    assert safe["text"].tolist()[:2] == ["'" + HYPERLINK, "-4"]
    assert pd.isna(safe["text"].iloc[2])
    assert safe["'=label"].tolist() == ["'@x", "ok", "+1"]
    assert frame["text"].iloc[0] == HYPERLINK  # the input is not modified


# ---- where text is written for people -----------------------------------------------------


@pytest.fixture
def cleaned(mini):
    rows = [
        {**VALID, "comment": HYPERLINK},
        {**VALID, "respondent_id": "R2", "sex": "@evil", "comment": "-3"},
        {**VALID, "comment": "+cmd"},  # duplicate id R1: quarantined as read
    ]
    data = pd.DataFrame(rows, dtype=object)
    raw = RawResponses(data=data, source_rows=[2, 3, 4], source="raw/2021.csv")
    return clean(raw, mini, CleaningConfig(), KEY)


def read_csv_cells(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_cleaning_log_and_quarantine_csvs_are_safe_and_parquet_is_exact(cleaned, tmp_path):
    paths = write_outputs(cleaned, tmp_path / "2021.parquet", "q.yaml")
    log = read_csv_cells(paths["log"])
    assert {r["old_value"] for r in log if r["variable"] == "sex" and r["old_value"]} == {"'@evil"}
    quarantine = read_csv_cells(paths["quarantine"])
    assert [r["comment"] for r in quarantine] == ["'+cmd"]
    data = pd.read_parquet(paths["data"])
    assert data["comment"].tolist() == [HYPERLINK, "-3"]


def test_export_csv_and_codebook_are_safe_and_sav_is_exact(cleaned, tmp_path, mini):
    data = cleaned.data.drop(columns="_flags")
    written = export(data, mini, tmp_path, "vi", ("sav", "csv"), simulated=False)
    csv_path = next(p for p in written if p.suffix == ".csv" and "codebook" not in p.name)
    rows = read_csv_cells(csv_path)
    assert [r["comment"] for r in rows] == ["'" + HYPERLINK, "-3"]
    sav_path = next(p for p in written if p.suffix == ".sav")
    sav, _ = pyreadstat.read_sav(str(sav_path))
    assert sav["comment"].tolist() == [HYPERLINK, "-3"]


def test_codebook_csv_labels_are_safe(tmp_path):
    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    data["sections"][1]["questions"][-1]["label"] = {"vi": "=1+1 ý kiến", "en": "@comment"}
    (tmp_path / "q.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "mini-frame.yaml").write_bytes((FIXTURES / "mini-frame.yaml").read_bytes())
    q = load_questionnaire(tmp_path / "q.yaml")
    frame = pd.DataFrame(
        {
            "respondent_id": pd.array(["p1"], dtype="string"),
            "category": pd.array([1], dtype="Int64"),
            "comment": pd.array(["x"], dtype="string"),
        }
    )
    written = export(frame, q, tmp_path / "out", "vi", ("csv",), simulated=False)
    codebook = next(p for p in written if p.suffix == ".csv" and "codebook" in p.name)
    labels = {r["variable"]: r["label"] for r in read_csv_cells(codebook)}
    assert labels["comment"].startswith("'=1+1")
    book = write_entry_template(q, tmp_path / "entry.xlsx")
    sheet = openpyxl.load_workbook(book)["codes"]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(c.value == "'=1+1 ý kiến" for c in cells)
    assert all(c.data_type != "f" for c in cells)


# ---- zip bombs ------------------------------------------------------------------------------


def workbook_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["a", "b"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_ordinary_workbook_passes(tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(workbook_bytes())
    check_xlsx_archive(path)


def test_declared_size_above_the_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.xlsx"
    path.write_bytes(workbook_bytes())
    total = sum(m.file_size for m in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr("pipeline.core.spreadsheet_safety.MAX_XLSX_UNCOMPRESSED_BYTES", total - 1)
    with pytest.raises(InputError, match=f"inflate to {total:,} bytes") as err:
        check_xlsx_archive(path)
    assert err.value.file == str(path)


def test_a_highly_compressed_part_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 30_000_000)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="sheet1.xml inflates"):
        check_xlsx_archive(path)


def test_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "text.xlsx"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a zip archive"):
        check_xlsx_archive(path)
