"""The XLSForm converts with pyxform and carries labels, skip logic and types into the XForm."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from pyxform.xls2xform import convert

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.instruments.xlsform import write_xlsform

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
XF = "{http://www.w3.org/2002/xforms}"


@pytest.fixture(scope="module")
def xform(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("xlsform") / "mini.xlsx"
    write_xlsform(load_questionnaire(MINI), path)
    warnings: list[str] = []
    result = convert(str(path), warnings=warnings)
    assert warnings == []
    return result.xform


def _binds(xform: str) -> dict[str, dict[str, str]]:
    root = ET.fromstring(xform)
    return {b.get("nodeset"): b.attrib for b in root.iter(f"{XF}bind")}


def test_every_vietnamese_and_english_label_is_in_the_xform(xform):
    q = load_questionnaire(MINI)
    for v in q.variables():
        if v.option is None:  # dichotomies are options of one select_multiple
            assert v.label.vi in xform
            assert v.label.en in xform
    for question in q.questions():
        assert question.label.vi in xform
    for section in q.sections:
        assert section.title.vi in xform
    for option in q.choice_lists["yesno"].options:
        assert option.label.vi in xform
    assert 'lang="Vietnamese (vi)" default="true()"' in xform
    assert "Hành chính" in xform  # stratum labels come from the frame


def test_relevant_constraint_and_required_reach_the_binds(xform):
    binds = _binds(xform)
    assert binds["/data/B/trust"]["relevant"].split() == ["/data/B/aware", "=", "1"]
    assert binds["/data/B/eff"]["relevant"].split() == ["/data/B/aware", "=", "1"]
    assert binds["/data/A/age"]["constraint"] == ". >= 18 and . <= 80"
    assert binds["/data/A/age"]["type"] == "int"
    assert binds["/data/A/category"]["required"] == "true()"
    assert "required" not in binds["/data/A/phone"]
    assert binds["/data/B/last_meeting"]["type"] == "date"


def test_grid_is_a_field_list_group_with_one_select_per_item(xform):
    root = ET.fromstring(xform)
    group = next(g for g in root.iter(f"{XF}group") if g.get("ref") == "/data/B/eff")
    assert group.get("appearance") == "field-list"
    refs = [s.get("ref") for s in group.iter(f"{XF}select1")]
    assert refs == ["/data/B/eff/eff_meet", "/data/B/eff/eff_train"]
    multiple = [s.get("ref") for s in root.iter(f"{XF}select")]
    assert multiple == ["/data/B/src"]


def test_sheets_and_settings(tmp_path):
    path = write_xlsform(load_questionnaire(MINI), tmp_path / "mini.xlsx", lang="en")
    book = openpyxl.load_workbook(path)
    assert {"survey", "choices", "settings"} <= set(book.sheetnames)
    header, values = list(book["settings"].values)
    settings = dict(zip(header, values, strict=True))
    assert settings["form_id"] == "mini"
    assert settings["version"] == "1"
    assert settings["default_language"] == "English (en)"
    survey_header = next(book["survey"].values)
    assert "label::Vietnamese (vi)" in survey_header
    assert "hint::English (en)" in survey_header
    assert "constraint_message::Vietnamese (vi)" in survey_header


def test_a_frame_list_without_its_frame_is_refused(tmp_path):
    with pytest.raises(InputError, match="category"):
        write_xlsform(load_questionnaire(MINI, with_frame=False), tmp_path / "x.xlsx")


def test_instruments_command_lists_every_file_written(tmp_path, capsys):
    out = tmp_path / "instruments"
    assert run(["instruments", str(MINI), "--out", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out.split()
    expected = [
        "mini-2021.xlsform.xlsx",
        "mini-2021.paper.en.html",
        "mini-2021.paper.en.pdf",
        "mini-2021.codebook.en.html",
        "mini-2021.ddi.xml",
        "mini-2021.datapackage.json",
        "mini-2021.entry.xlsx",
    ]
    assert [Path(p).name for p in printed] == expected
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)  # no temporary files left


def test_instruments_command_refuses_an_unknown_language(tmp_path, capsys):
    assert run(["instruments", str(MINI), "--out", str(tmp_path), "--lang", "fr"]) == 2
    assert "unknown language 'fr'" in capsys.readouterr().err


@pytest.mark.parametrize("wave", ["2021", "2023"])
def test_default_questionnaires_convert(wave, tmp_path):
    path = Path(__file__).parent.parent / "questionnaires" / f"degradation-{wave}.yaml"
    q = load_questionnaire(path)
    warnings: list[str] = []
    xform = convert(str(write_xlsform(q, tmp_path / "f.xlsx")), warnings=warnings).xform
    assert warnings == []
    binds = _binds(xform)
    for question in q.questions():
        # pyxform turns typographic quotes into straight ones
        label = question.label.vi.replace("“", '"').replace("”", '"')
        assert label in xform
    relevant = [b for b in binds.values() if "relevant" in b]
    assert len(relevant) == sum(1 for x in q.questions() if x.relevant)


def _with_relevant(q, name: str, relevant: str):
    sections = [
        s.model_copy(
            update={
                "questions": [
                    x.model_copy(update={"relevant": relevant}) if x.name == name else x
                    for x in s.questions
                ]
            }
        )
        for s in q.sections
    ]
    return q.model_copy(update={"sections": sections})


def test_a_dangling_reference_is_refused_before_writing(tmp_path):
    q = _with_relevant(load_questionnaire(MINI), "trust", "${ghost} = 1")
    with pytest.raises(InputError, match=r"trust relevant: \$\{ghost\} is not a question"):
        write_xlsform(q, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_a_typographic_quote_in_an_expression_is_written_and_converts(tmp_path):
    q = _with_relevant(load_questionnaire(MINI), "trust", "${aware} = \u20181\u2019")
    path = write_xlsform(q, tmp_path / "q.xlsx")
    binds = _binds(convert(str(path), warnings=[]).xform)
    assert binds["/data/B/trust"]["relevant"].split() == ["/data/B/aware", "=", "'1'"]


def test_a_form_pyxform_would_reject_is_not_written(tmp_path):
    q = load_questionnaire(MINI)
    # a name pyxform refuses (XML names cannot start with a digit); lint has no rule for it
    sections = [
        s.model_copy(update={"name": "1st"}) if i == 0 else s for i, s in enumerate(q.sections)
    ]
    with pytest.raises(InputError, match="rejected by pyxform"):
        write_xlsform(q.model_copy(update={"sections": sections}), tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
