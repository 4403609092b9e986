"""Double data entry: every record and field where two keyings disagree."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.readers.ingest import read_responses
from pipeline.stages.compare_entry import Disagreement, compare_entries

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
HEADER = ["respondent_id", "category", "sex", "age", "aware", "trust", "eff_meet", "eff_train",
          "comment"]  # fmt: skip
FIRST = [
    ["R1", "1", "2", "45", "1", "2", "1", "1", "tốt"],
    ["R2", "2", "1", "38", "2", "", "", "", ""],
    ["R3", "1", "1", "51", "1", "3", "2", "2", ""],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([HEADER, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def second_keying() -> list[list[str]]:
    """R1 with age and comment keyed differently, R2 identical, R3 missing, R4 extra."""
    return [
        ["R2", "2", "1", "38", "2", "", "", "", ""],
        ["R1", "1", "2", "54", "1", "2", "1", "1", "tôt"],
        ["R4", "2", "2", "29", "1", "1", "1", "1", ""],
    ]


def test_identical_keyings_agree(tmp_path, capsys):
    a = write_csv(tmp_path / "a.csv", FIRST)
    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    for row in FIRST:  # the same forms keyed into Excel, numbers as numbers
        wb.active.append([int(v) if v.isdigit() else (v or None) for v in row])
    wb.save(tmp_path / "b.xlsx")
    assert run(["compare-entry", str(a), str(tmp_path / "b.xlsx"), "--key", "respondent_id"]) == 0
    assert "identical" in capsys.readouterr().out


def test_every_differing_field_and_unmatched_record_is_listed(tmp_path):
    a = read_responses(write_csv(tmp_path / "a.csv", FIRST), None)
    b = read_responses(write_csv(tmp_path / "b.csv", second_keying()), None)
    assert compare_entries(a, b, "respondent_id") == [
        Disagreement("R1", "age", "45", "54", row_a=2, row_b=3),
        Disagreement("R1", "comment", "tốt", "tôt", row_a=2, row_b=3),
        Disagreement("R3", None, None, None, row_a=4, row_b=None),
        Disagreement("R4", None, None, None, row_a=None, row_b=4),
    ]


def test_command_prints_records_and_fields_and_exits_1(tmp_path, capsys):
    a = write_csv(tmp_path / "a.csv", FIRST)
    b = write_csv(tmp_path / "b.csv", second_keying())
    assert run(["compare-entry", str(a), str(b), "--questionnaire", str(MINI)]) == 1
    out = capsys.readouterr().out
    assert "respondent_id = R1 (A row 2, B row 3)" in out
    assert "age: A = '45'   B = '54'" in out
    assert "respondent_id = R3: only in A (row 4)" in out
    assert "respondent_id = R4: only in B (row 4)" in out
    assert "2 field(s) differ; 3 record(s) with differences" in out


def test_duplicate_key_is_an_input_error(tmp_path, capsys):
    a = write_csv(tmp_path / "a.csv", [*FIRST, FIRST[0]])
    b = write_csv(tmp_path / "b.csv", FIRST)
    with pytest.raises(InputError, match="rows 2 and 5") as err:
        compare_entries(read_responses(a, None), read_responses(b, None), "respondent_id")
    assert (err.value.file, err.value.row) == (str(a), 5)
    assert run(["compare-entry", str(a), str(b), "--key", "respondent_id"]) == 2
    assert "error:" in capsys.readouterr().err


def test_unknown_key_column(tmp_path, capsys):
    a = write_csv(tmp_path / "a.csv", FIRST)
    assert run(["compare-entry", str(a), str(a), "--key", "ID"]) == 2
    assert "no key column 'ID'" in capsys.readouterr().err
