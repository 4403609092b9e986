"""`survey import-xlsform`: an XLSForm back into the questionnaire model.

The round trip questionnaire -> XLSForm -> questionnaire is exact for forms the pipeline
wrote; forms from elsewhere give sections, types, ranges and grids.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.model.questionnaire import QuestionType, load_questionnaire
from pipeline.readers.import_xlsform import import_xlsform, read_xlsform
from pipeline.stages.instruments.xlsform import write_xlsform

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.yaml"
DEFAULTS = [
    ROOT / "questionnaires" / "degradation-2021.yaml",
    ROOT / "questionnaires" / "degradation-2023.yaml",
]


def _dump(questionnaire) -> dict:
    return questionnaire.model_dump(exclude={"source"})


@pytest.mark.parametrize("path", [MINI, *DEFAULTS], ids=lambda p: p.stem)
def test_round_trip_gives_the_same_model(path, tmp_path):
    form = write_xlsform(load_questionnaire(path), tmp_path / "form.xlsx")
    assert _dump(read_xlsform(form)) == _dump(load_questionnaire(path, with_frame=False))


def test_round_trip_through_yaml_and_the_frame(tmp_path):
    form = write_xlsform(load_questionnaire(MINI), tmp_path / "form.xlsx")
    shutil.copy(FIXTURES / "mini-frame.yaml", tmp_path / "mini-frame.yaml")
    code = run(["import-xlsform", str(form), "--out", str(tmp_path / "q.yaml")])
    assert code == 0
    again = load_questionnaire(tmp_path / "q.yaml")
    assert _dump(again) == _dump(load_questionnaire(MINI))
    assert again.choice_lists["category"].codes() == [1, 2]  # filled from the frame again


def _foreign_form(path: Path, survey: list[list], choices: list[list] | None = None) -> Path:
    """An XLSForm as another tool writes it: plain label column, no pipeline columns."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    if choices is not None:
        sheet = book.create_sheet("choices")
        for row in choices:
            sheet.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Khảo sát", "foreign", "3"])
    book.save(path)
    return path


FOREIGN_SURVEY = [
    ["type", "name", "label", "relevant", "constraint", "appearance", "required"],
    ["start", "start", None, None, None, None, None],
    ["select_one unit", "unit", "Đơn vị", None, None, None, "yes"],
    ["integer", "years", "Số năm công tác", None, ". >= 0 and . <= 45", None, None],
    ["begin group", "opinions", "Ý kiến", "${unit} = 1", None, None, None],
    ["note", "n1", "Ghi chú", None, None, None, None],
    ["begin_group", "grid", "Mức độ đồng ý", None, None, "field-list", None],
    ["select_one agree", "g1", "Ý 1", None, None, None, None],
    ["select_one agree", "g2", "Ý 2", None, None, None, None],
    ["end_group", None, None, None, None, None, None],
    ["select_multiple unit", "other_units", "Đơn vị khác", "${years} > 2", None, None, None],
    ["end group", None, None, None, None, None, None],
    ["date", "when", "Ngày", None, None, None, None],
]
FOREIGN_CHOICES = [
    ["list_name", "name", "label"],
    ["unit", 1, "Phòng A"],
    ["unit", 2, "Phòng B"],
    ["agree", 1, "Đồng ý"],
    ["agree", 2, "Không đồng ý"],
]


def test_a_form_from_elsewhere(tmp_path):
    form = _foreign_form(tmp_path / "f.xlsx", FOREIGN_SURVEY, FOREIGN_CHOICES)
    q = read_xlsform(form, stratum="unit", frame="units.yaml")
    assert (q.form_id, q.version, q.wave, q.title.get("vi")) == ("foreign", "3", "3", "Khảo sát")
    assert q.languages == {"default": ""}  # a plain label column: the form's one language
    assert (q.stratum.variable, q.stratum.frame) == ("unit", "units.yaml")
    # Questions outside any group are sections written without a group, as in the form.
    assert [(s.name, s.group) for s in q.sections] == [
        ("S1", False),
        ("opinions", True),
        ("S3", False),
    ]
    assert [x.name for x in q.sections[0].questions] == ["start", "unit", "years"]
    assert q.question("start").type is QuestionType.meta
    assert q.question("unit").required
    assert q.question("years").range is None  # written '. >= 0 and . <= 45': kept as is
    assert q.question("years").constraint == ". >= 0 and . <= 45"
    opinions = q.sections[1]
    assert opinions.relevant == "${unit} = 1"
    # The inner group stays a group (no grid is guessed), its rows its children.
    grid = q.question("grid")
    assert grid.type is QuestionType.group and grid.appearance == "field-list"
    assert [i.name for i in grid.children] == ["g1", "g2"]
    assert q.question("n1").type is QuestionType.note
    assert q.question("other_units").relevant == "${years} > 2"
    assert q.question("other_units").type is QuestionType.multiple
    assert q.question("when").type is QuestionType.date
    assert q.choice_lists["unit"].codes() == [1, 2]  # no frame known: an ordinary list
    assert not q.choice_lists["unit"].from_frame


def test_text_choice_names_get_stable_codes(tmp_path):
    survey = [["type", "name", "label"], ["select_one yn", "q", "Q"], ["select_one mix", "m", "M"]]
    choices = [
        ["list_name", "name", "label"],
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
        ["yn", "dont_know", "Don't know"],
        ["mix", "1", "One"],
        ["mix", "01", "Zero one"],
        ["mix", "other", "Other"],
    ]
    q = read_xlsform(_foreign_form(tmp_path / "f.xlsx", survey, choices))
    assert [(o.name, o.code) for o in q.choice_lists["yn"].options] == [
        ("yes", 1),
        ("no", 2),
        ("dont_know", 3),
    ]
    # A whole-number name is the code; '01' keeps its spelling; text follows the largest code.
    assert [(o.value, o.code) for o in q.choice_lists["mix"].options] == [
        ("1", 1),
        ("01", 1),
        ("other", 2),
    ]


def test_a_later_wave_keeps_the_codes_of_an_earlier_one(tmp_path):
    survey = [["type", "name", "label"], ["select_one yn", "q", "Q"]]
    first = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]]
    wave1 = read_xlsform(_foreign_form(tmp_path / "a.xlsx", survey, first))
    # The next wave lists 'no' first and adds 'refused'.
    second = [
        ["list_name", "name", "label"],
        ["yn", "no", "No"],
        ["yn", "yes", "Yes"],
        ["yn", "refused", "Refused"],
    ]
    wave2 = read_xlsform(_foreign_form(tmp_path / "b.xlsx", survey, second), codes_from=wave1)
    assert {o.name: o.code for o in wave2.choice_lists["yn"].options} == {
        "no": 2,
        "yes": 1,
        "refused": 3,
    }


def test_range_with_a_further_constraint(tmp_path):
    survey = [
        ["type", "name", "label", "constraint"],
        ["select_one unit", "unit", "Đơn vị", None],
        ["integer", "n", "Số", "(. >= 1 and . <= 9) and (. != ${m})"],
        ["integer", "m", "Số", ". > 3"],
    ]
    q = read_xlsform(_foreign_form(tmp_path / "f.xlsx", survey, FOREIGN_CHOICES))
    # A form from elsewhere keeps its constraints as written (nothing is added on export).
    assert (q.question("n").range, q.question("n").constraint) == (
        None,
        "(. >= 1 and . <= 9) and (. != ${m})",
    )
    # A form the pipeline wrote gives its range back.
    ranged = q.model_copy(
        update={
            "sections": [
                s.model_copy(
                    update={
                        "questions": [
                            x.model_copy(update={"range": (1, 9), "constraint": ". != ${m}"})
                            if x.name == "n"
                            else x
                            for x in s.questions
                        ]
                    }
                )
                for s in q.sections
            ]
        }
    )
    back = read_xlsform(write_xlsform(ranged, tmp_path / "ours.xlsx"))
    assert (back.question("n").range, back.question("n").constraint) == ((1, 9), ". != ${m}")
    assert (back.question("m").range, back.question("m").constraint) == (None, ". > 3")


def test_unknown_type_names_sheet_row_and_column(tmp_path):
    survey = [["type", "name", "label"], ["select_one unit", "unit", "A"], ["gizmo", "g", "B"]]
    form = _foreign_form(tmp_path / "f.xlsx", survey, FOREIGN_CHOICES)
    with pytest.raises(InputError) as err:
        read_xlsform(form, stratum="unit")
    assert (err.value.row, err.value.column) == (3, "type")
    assert "sheet survey" in err.value.message and "gizmo" in err.value.message


def test_every_problem_is_reported_in_one_pass(tmp_path):
    survey = [
        ["type", "name", "label"],
        ["gizmo", "g", "A"],
        ["select_one nolist", "s", "B"],
        ["calculate", "c", None],
        ["integer", None, "D"],
    ]
    form = _foreign_form(tmp_path / "f.xlsx", survey, FOREIGN_CHOICES)
    with pytest.raises(InputError) as err:
        read_xlsform(form)
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(form))
    assert message.count("(row ") == 4
    for fragment in (
        "row 2, column type",
        "row 3, column type",
        "row 4, column calculation",
        "row 5, column name",
    ):
        assert fragment in message


def test_xls_files_are_read(tmp_path):
    form = ROOT / "tests" / "corpus" / "xlsforms" / "kobocat" / "tutorial_w_repeats.xls"
    q = read_xlsform(form)
    repeat = next(x for x in q.all_questions() if x.type is QuestionType.repeat)
    assert repeat.children and q.tables() == [repeat.name]
    assert all(v.table == repeat.name for v in q.variables(table=repeat.name))


def test_other_errors(tmp_path):
    not_xlsx = tmp_path / "f.xlsx"
    not_xlsx.write_text("type,name\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an XLSForm"):
        read_xlsform(not_xlsx)
    book = openpyxl.Workbook()
    book.active.title = "questions"
    book.save(tmp_path / "g.xlsx")
    with pytest.raises(InputError, match="no 'survey' sheet"):
        read_xlsform(tmp_path / "g.xlsx")
    survey = [["type", "name", "label"], ["select_one nolist", "unit", "A"]]
    with pytest.raises(InputError, match="'nolist' is not on the choices sheet"):
        read_xlsform(_foreign_form(tmp_path / "h.xlsx", survey, FOREIGN_CHOICES), stratum="unit")
    choices = [["list_name", "name", "label"], ["unit", None, "Phòng A"]]
    survey = [["type", "name", "label"], ["select_one unit", "unit", "A"]]
    with pytest.raises(InputError, match="has no name") as err:
        read_xlsform(_foreign_form(tmp_path / "i.xlsx", survey, choices))
    assert (err.value.row, err.value.column) == (2, "name")
    # A form needs no stratum; one named that is not a question is refused.
    assert read_xlsform(_foreign_form(tmp_path / "j.xlsx", survey, FOREIGN_CHOICES)).stratum is None
    with pytest.raises(InputError, match="'nope' is not a question"):
        read_xlsform(_foreign_form(tmp_path / "k.xlsx", survey, FOREIGN_CHOICES), stratum="nope")


def test_cli_reports_bad_input_without_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    assert run(["import-xlsform", str(bad), "--out", str(tmp_path / "q.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert not (tmp_path / "q.yaml").exists()


def test_import_writes_yaml_atomically_and_returns_its_path(tmp_path):
    form = write_xlsform(load_questionnaire(MINI), tmp_path / "form.xlsx")
    out = import_xlsform(form, tmp_path / "sub" / "q.yaml")
    assert out.read_text(encoding="utf-8").startswith("# Imported from an XLSForm")
    assert [p.name for p in out.parent.iterdir()] == ["q.yaml"]


def test_the_favourable_end_of_a_scale_survives_the_round_trip(tmp_path):
    q = load_questionnaire(DEFAULTS[1])
    form = write_xlsform(q, tmp_path / "form.xlsx")
    back = read_xlsform(form)
    assert back.choice_lists["prevalence"].favourable == "last"
    assert back.choice_lists["effectiveness"].favourable == "first"
    assert back.choice_lists["sex"].favourable is None


def test_an_unknown_favourable_end_names_sheet_row_and_column(tmp_path):
    form = write_xlsform(load_questionnaire(MINI), tmp_path / "form.xlsx")
    book = openpyxl.load_workbook(form)
    sheet = book["pipeline"]
    sheet.append(["list_favourable", "effect", "middle"])
    book.save(form)
    with pytest.raises(InputError, match="must be first or last, got 'middle'") as err:
        read_xlsform(form)
    assert (err.value.row, err.value.column) == (sheet.max_row, "value")


def test_cli_keeps_earlier_codes_and_warns_of_what_it_skips(tmp_path, capsys):
    survey = [
        ["type", "name", "label", "_comment"],
        ["select_one yn", "q", "Q", None],
        [None, None, None, "a comment"],
    ]
    first = [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]]
    assert (
        run(
            [
                "import-xlsform",
                str(_foreign_form(tmp_path / "a.xlsx", survey, first)),
                "--out",
                str(tmp_path / "a.yaml"),
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "warning: sheet survey row 3: no type" in err
    second = [["list_name", "name", "label"], ["yn", "no", "No"], ["yn", "yes", "Yes"]]
    code = run(
        [
            "import-xlsform",
            str(_foreign_form(tmp_path / "b.xlsx", survey, second)),
            "--out",
            str(tmp_path / "b.yaml"),
            "--codes-from",
            str(tmp_path / "a.yaml"),
        ]
    )
    assert code == 0
    again = load_questionnaire(tmp_path / "b.yaml", with_frame=False)
    assert {o.name: o.code for o in again.choice_lists["yn"].options} == {"no": 2, "yes": 1}


def test_round_trip_keeps_a_two_stage_design_block(tmp_path):
    from .two_stage import write_two_stage_questionnaire

    path = write_two_stage_questionnaire(tmp_path / "q", (600, 400))
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["design"] = {
        "stratum": spec.pop("stratum"),
        "clusters": ["org_id", "respondent_id"],
        "fpc": ["n_orgs", "org_members"],
        "nest": True,
    }
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    original = load_questionnaire(path)
    form = write_xlsform(original, tmp_path / "form.xlsx")
    again = read_xlsform(form)
    assert again.design == original.design
    assert _dump(again) == _dump(load_questionnaire(path, with_frame=False))
