"""The codebook in three forms: HTML for people, DDI Codebook 2.5 XML and a data package."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.instruments.codebook import write_codebook

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
DDI = "{ddi:codebook:2_5}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# respondent id, then mini's variables: grid items and the src dichotomies are their own
VARIABLES = [
    "respondent_id", "category", "sex", "age", "phone", "aware", "trust", "eff_meet",
    "eff_train", "src_1", "src_2", "src_3", "last_meeting", "comment",
]  # fmt: skip


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("codebook")
    paths = write_codebook(load_questionnaire(MINI), out, "vi")
    return {p.name: p for p in paths}


@pytest.fixture(scope="module")
def ddi(files) -> ET.Element:
    return ET.parse(files["mini-2021.ddi.xml"]).getroot()


def _var(ddi: ET.Element, name: str) -> ET.Element:
    return next(v for v in ddi.iter(f"{DDI}var") if v.get("name") == name)


def _labl(element: ET.Element, lang: str) -> str:
    return next(x.text for x in element.findall(f"{DDI}labl") if x.get(LANG) == lang)


def test_ddi_has_study_file_and_one_var_per_variable(ddi):
    assert ddi.tag == f"{DDI}codeBook"
    assert ddi.get("version") == "2.5"
    titl = ddi.find(f"{DDI}stdyDscr/{DDI}citation/{DDI}titlStmt/{DDI}titl")
    assert titl.text == "Phiếu khảo sát thử"
    assert ddi.find(f"{DDI}fileDscr/{DDI}fileTxt/{DDI}fileName").text == "mini-2021.csv"
    assert [v.get("name") for v in ddi.iter(f"{DDI}var")] == VARIABLES
    groups = {g.get("ID"): g.get("var").split() for g in ddi.iter(f"{DDI}varGrp")}
    assert groups["G_A"] == ["V_category", "V_sex", "V_age", "V_phone"]


def test_ddi_categories_with_missing_flags(ddi):
    aware = _var(ddi, "aware")
    assert _labl(aware, "vi") == "Đồng chí có biết Nghị quyết không?"
    categories = [
        (c.find(f"{DDI}catValu").text, _labl(c, "vi"), c.get("missing"))
        for c in aware.findall(f"{DDI}catgry")
    ]
    assert categories == [("1", "Có", None), ("2", "Không", None), ("98", "Không trả lời", "Y")]
    assert aware.find(f"{DDI}varFormat").get("type") == "numeric"
    assert [c.find(f"{DDI}catValu").text for c in _var(ddi, "src_2").findall(f"{DDI}catgry")] == [
        "0",
        "1",
    ]


def test_ddi_range_universe_format_and_pii(ddi):
    age = _var(ddi, "age")
    assert age.find(f"{DDI}valrng/{DDI}range").attrib == {"min": "18", "max": "80"}
    assert age.get("intrvl") == "contin"
    universe = {u.get(LANG): u.text for u in _var(ddi, "trust").findall(f"{DDI}universe")}
    assert universe["vi"] == "câu 5 = 1 (Có) (${aware} = 1)"
    assert _var(ddi, "phone").find(f"{DDI}varFormat").get("type") == "character"
    assert _var(ddi, "phone").find(f"{DDI}security") is not None
    assert _var(ddi, "age").find(f"{DDI}security") is None


def test_data_package_schema(files):
    package = json.loads(files["mini-2021.datapackage.json"].read_text(encoding="utf-8"))
    resource = package["resources"][0]
    assert resource["profile"] == "tabular-data-resource"
    schema = resource["schema"]
    fields = {f["name"]: f for f in schema["fields"]}
    assert [f["name"] for f in schema["fields"]] == VARIABLES
    assert schema["primaryKey"] == ["respondent_id"]
    assert fields["aware"]["type"] == "integer"
    assert fields["aware"]["constraints"]["enum"] == [1, 2]
    assert fields["aware"]["missingValues"] == ["", "98"]
    assert fields["trust"]["missingValues"] == ["", "97"]
    assert fields["src_3"]["constraints"]["enum"] == [0, 1]
    assert fields["age"]["constraints"] == {"minimum": 18, "maximum": 80}
    assert fields["last_meeting"]["type"] == "date"
    assert fields["phone"]["type"] == "string"
    assert fields["phone"]["pipeline"]["pii"] is True
    assert fields["sex"]["title"] == "Giới tính"
    assert fields["sex"]["description"] == "Sex"


def test_html_codebook_lists_every_variable(files):
    html = files["mini-2021.codebook.vi.html"].read_text(encoding="utf-8")
    q = load_questionnaire(MINI)
    for name in VARIABLES:
        assert f'id="var-{name}"' in html
    for v in q.variables():
        assert v.label.vi in html
        assert v.label.en in html
    assert "<b>98</b> = Không trả lời" in html
    assert "câu 5 = 1 (Có)" in html
    assert "Thông tin định danh cá nhân" in html


def test_html_codebook_marks_the_favourable_end_of_a_scale(tmp_path):
    default = Path(__file__).parent.parent / "questionnaires" / "degradation-2021.yaml"
    (html,) = (
        p
        for p in write_codebook(load_questionnaire(default), tmp_path, "en")
        if p.suffix == ".html"
    )
    text = html.read_text(encoding="utf-8")
    mark = "(favourable end of the scale)"
    # Once per variable on a directed scale: prevalence ends at 'not present', listed last.
    assert '<b>4</b> = Không có <span class="en">/ Not present</span> ' + mark in text
    assert '<b>1</b> = Rất phổ biến <span class="en">/ Very common</span></li>' in text
    assert '<b>1</b> = Rất hiệu quả <span class="en">/ Very effective</span> ' + mark in text
    assert text.count(mark) == 3 + 10 + 5 + 10 + 1 + 1  # aware, prev, part, eff, useful, change


def test_the_mini_codebook_marks_nothing_without_a_declared_end(files):
    html = files["mini-2021.codebook.vi.html"].read_text(encoding="utf-8")
    assert "đầu thuận lợi" not in html


def test_html_codebook_headers_are_words_not_python_objects(files):
    html = files["mini-2021.codebook.vi.html"].read_text(encoding="utf-8")
    assert "<th>Mã và nhãn giá trị</th>" in html
    assert "built-in method" not in html
