"""The data-entry workbook: one validated column per variable, codes and instructions."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.instruments.entry_template import write_entry_template

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.yaml"
VARIABLES = [
    "respondent_id", "category", "sex", "age", "phone", "aware", "trust", "eff_meet",
    "eff_train", "src_1", "src_2", "src_3", "last_meeting", "comment",
]  # fmt: skip


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("entry") / "mini.entry.xlsx"
    write_entry_template(load_questionnaire(MINI), path)
    return openpyxl.load_workbook(path)


def _validations(sheet) -> dict[str, tuple]:
    """Column header to (type, formula1, formula2, first cell) of its validation."""
    headers = {cell.column_letter: cell.value for cell in sheet[1]}
    out = {}
    for dv in sheet.data_validations.dataValidation:
        first = str(dv.sqref).split(":")[0]
        out[headers[first.rstrip("0123456789")]] = (dv.type, dv.formula1, dv.formula2, first)
    return out


def test_one_column_per_variable_id_first_with_labels(book):
    data = book["data"]
    assert [c.value for c in data[1]] == VARIABLES
    assert data.freeze_panes == "B2"
    comments = {c.value: c.comment.text for c in data[1]}
    assert "Đồng chí có biết Nghị quyết không?" in comments["aware"]
    assert "98 = Không trả lời (missing)" in comments["aware"]
    assert "Báo chí" in comments["src_1"]


def test_validation_of_codes_ranges_dichotomies_and_dates(book):
    v = _validations(book["data"])
    assert v["aware"] == ("list", '"1,2,98"', None, "F2")
    assert v["trust"][:2] == ("list", '"1,2,3,4,97"')
    assert v["eff_train"][:2] == ("list", '"1,2,3,4,97"')
    assert v["category"][:2] == ("list", '"1,2"')  # the frame's strata
    assert v["age"][:3] == ("whole", "18", "80")
    assert v["src_2"][:2] == ("list", '"0,1"')
    assert v["last_meeting"][0] == "date"
    assert v["respondent_id"][:2] == ("custom", "COUNTIF($A:$A,A2)=1")
    assert "phone" not in v and "comment" not in v


def test_codes_and_instructions_sheets(book):
    rows = list(book["codes"].values)
    assert rows[0][:5] == ("variable", "question", "label_vi", "label_en", "code")
    aware = [r for r in rows if r[0] == "aware"]
    assert [(r[4], r[5], r[7]) for r in aware] == [
        (1, "Có", None),
        (2, "Không", None),
        (98, "Không trả lời", "yes"),
    ]
    text = "\n".join(str(r[0]) for r in book["instructions"].values if r[0])
    assert "HƯỚNG DẪN NHẬP LIỆU" in text
    assert "DATA ENTRY INSTRUCTIONS" in text
    assert "form_id: mini · version: 1" in text


def test_a_long_code_list_validates_against_the_codes_sheet(tmp_path):
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["choice_lists"]["sex"]["options"] = [
        {"code": c, "label": {"vi": f"Nhóm {c}", "en": f"Group {c}"}} for c in range(1, 121)
    ]
    (tmp_path / "q.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil.copy(FIXTURES / "mini-frame.yaml", tmp_path / "mini-frame.yaml")
    path = write_entry_template(load_questionnaire(tmp_path / "q.yaml"), tmp_path / "e.xlsx")
    book = openpyxl.load_workbook(path)
    codes = list(book["codes"].values)
    sex_rows = [i for i, r in enumerate(codes, start=1) if r[0] == "sex"]
    expected = f"codes!$E${sex_rows[0]}:$E${sex_rows[-1]}"
    assert _validations(book["data"])["sex"][:2] == ("list", expected)
    assert len(sex_rows) == 120
