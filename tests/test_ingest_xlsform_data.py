"""Data collected with a real XLSForm follows the form: Kobo exports (CSV and XLSX) of
kobocat's own test submissions map onto the imported form's variables and child tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.readers.import_xlsform import read_xlsform
from pipeline.readers.ingest import read_responses

CORPUS = Path(__file__).parent / "corpus"
FORMS = CORPUS / "xlsforms" / "kobocat"
EXPORTS = CORPUS / "kobo-exports"
TRANSPORT = "available_transportation_types_to_referral_facility"


@pytest.fixture(scope="module")
def transportation():
    return read_xlsform(FORMS / "transportation.xls")


def _codes(q, list_name: str) -> dict[str, int]:
    return {o.value: o.code for o in q.choice_lists[list_name].options}


@pytest.mark.parametrize("export", ["transportation.csv", "transportation_export.xlsx"])
def test_a_kobo_export_maps_onto_the_form(export, transportation):
    raw = read_responses(EXPORTS / export, transportation, format="kobo")
    codes = _codes(transportation, "transport_types")
    ambulance, bicycle = codes["ambulance"], codes["bicycle"]
    # Row 2 chose ambulance and bicycle: True/False columns (CSV) or names (XLSX list column).
    assert raw.data[f"{TRANSPORT}_{ambulance}"].tolist() == ["0", "1", "1", "0"]
    assert raw.data[f"{TRANSPORT}_{bicycle}"].tolist() == ["0", "1", "0", "0"]
    assert raw.data["respondent_id"][0] == "5b2cc313-fc09-437e-8149-fcd32f695d41"
    # Nothing is dropped without a word: the columns of the loop are listed as unmapped.
    assert any("loop_over_transport_types_frequency" in c for c in raw.unmapped)
    assert raw.missing == []


def test_a_repeat_exported_wide_becomes_a_child_table():
    q = read_xlsform(FORMS / "tutorial_w_repeats.xls")
    raw = read_responses(EXPORTS / "tutorial_w_repeats.csv", q, format="kobo")
    assert list(raw.data["name"]) == ["Bob"]
    children = raw.tables["children"]
    assert children[["_index", "childs_name", "childs_age"]].values.tolist() == [
        ["1", "Tom", "12"],
        ["2", "Dick", "5"],
    ]
    assert set(children["_parent_id"]) == {raw.data["respondent_id"][0]}
    assert raw.data["picture"][0] is None  # Kobo's n/a: not asked
    assert not any("children[" in c for c in raw.unmapped)


def _kobo_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_text_names_become_codes_and_the_hxl_row_is_a_header(tmp_path):
    q = read_xlsform(FORMS / "tutorial_w_repeats.xls")
    browsers = _codes(q, "browsers")
    source = _kobo_csv(
        tmp_path / "export.csv",
        [
            "name,age,has_children,web_browsers,_uuid",
            "#name,#age,#indicator +children,#indicator +browser,#meta +id",
            "Ana,30,0,firefox chrome,u1",
            "Binh,41,1,safari,u2",
        ],
    )
    raw = read_responses(source, q, format="kobo")
    assert raw.data["name"].tolist() == ["Ana", "Binh"]  # the hashtag row is no respondent
    assert raw.source_rows == [3, 4]
    firefox, safari = browsers["firefox"], browsers["safari"]
    assert raw.data[f"web_browsers_{firefox}"].tolist() == ["1", "0"]
    assert raw.data[f"web_browsers_{safari}"].tolist() == ["0", "1"]


def test_a_single_choice_given_by_name_under_its_group_path(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    for row in (
        ["type", "name", "label::English (en)", "label::Français (fr)"],
        ["begin_group", "hh", "Household", "Ménage"],
        ["select_one yn", "water", "Piped water?", "Eau courante ?"],
        ["end_group", None, None, None],
    ):
        survey.append(row)
    choices = book.create_sheet("choices")
    for row in (
        ["list_name", "name", "label::English (en)", "label::Français (fr)"],
        ["yn", "yes", "Yes", "Oui"],
        ["yn", "no", "No", "Non"],
        ["yn", "dont_know", "Don't know", "Ne sait pas"],
    ):
        choices.append(row)
    book.save(tmp_path / "form.xlsx")
    q = read_xlsform(tmp_path / "form.xlsx")
    assert q.languages == {"en": "English (en)", "fr": "Français (fr)"}
    source = _kobo_csv(
        tmp_path / "export.csv", ["hh/water,_uuid", "yes,u1", "dont_know,u2", "Non,u3", ",u4"]
    )
    raw = read_responses(source, q, format="kobo")
    # names and (Kobo "labels" exports) labels in any language become the codes
    assert raw.data["water"].tolist() == ["1", "3", "2", None]


def test_kobo_xlsx_repeat_sheets_become_linked_child_tables(tmp_path):
    import openpyxl

    q = read_xlsform(FORMS / "nested_repeats.xls")
    book = openpyxl.Workbook()
    main = book.active
    main.title = "nested_repeats"
    main.append(
        [
            "has_kids",
            "nested_group/nested_name",
            "nested_group/nested_age",
            "address",
            "gps",
            "web_browsers",
            "_uuid",
            "_index",
        ]
    )
    main.append(["1", "Amina", 30, "Hanoi", None, "firefox", "u1", 1])
    main.append(["1", "Binh", 41, "Hue", None, "chrome safari", "u2", 2])
    kids = book.create_sheet("kids_details")
    kids.append(
        [
            "kids/kids_details/kids_name",
            "kids/kids_details/kids_age",
            "_index",
            "_parent_table_name",
            "_parent_index",
        ]
    )
    for row in (
        ["Ada", 3, 1, "nested_repeats", 1],
        ["Bo", 5, 2, "nested_repeats", 1],
        ["Cy", 1, 3, "nested_repeats", 2],
    ):
        kids.append(row)
    shots = book.create_sheet("kids_immunization")
    shots.append(
        [
            "kids/kids_details/kids_immunization/immunization_info",
            "_index",
            "_parent_table_name",
            "_parent_index",
            "extra_note",
        ]
    )
    for row in (
        ["polio", 1, "kids_details", 2, None],
        ["measles", 2, "kids_details", 2, None],
        ["bcg", 3, "kids_details", 3, "x"],
    ):
        shots.append(row)
    book.save(tmp_path / "export.xlsx")
    raw = read_responses(tmp_path / "export.xlsx", q, format="kobo")
    assert raw.data["nested_name"].tolist() == ["Amina", "Binh"]
    details = raw.tables["kids_details"]
    assert details[["_parent_id", "_index", "kids_name", "kids_age"]].values.tolist() == [
        ["u1", "1", "Ada", "3"],
        ["u1", "2", "Bo", "5"],
        ["u2", "1", "Cy", "1"],
    ]
    shots_table = raw.tables["kids_immunization"]
    # Bo (Amina's 2nd child) had two shots, Cy (Binh's 1st) one: parents carried down.
    assert shots_table[
        ["_parent_id", "_parent_index", "_index", "immunization_info"]
    ].values.tolist() == [
        ["u1", "2", "1", "polio"],
        ["u1", "2", "2", "measles"],
        ["u2", "1", "1", "bcg"],
    ]
    assert "kids_immunization: extra_note" in raw.unmapped


def test_ingest_writes_each_repeat_beside_the_raw_csv(tmp_path, capsys):
    from pipeline.cli.app import run
    from pipeline.readers.import_xlsform import import_xlsform

    questionnaire = import_xlsform(FORMS / "tutorial_w_repeats.xls", tmp_path / "q.yaml")
    out = tmp_path / "raw" / "1.csv"
    code = run(
        [
            "ingest",
            str(EXPORTS / "tutorial_w_repeats.csv"),
            "--questionnaire",
            str(questionnaire),
            "--out",
            str(out),
            "--format",
            "kobo",
        ]
    )
    assert code == 0
    child = (tmp_path / "raw" / "1.children.csv").read_text(encoding="utf-8").splitlines()
    assert child[0] == "_parent_id,_parent_index,_index,childs_name,childs_age"
    assert [line.split(",")[3:] for line in child[1:]] == [["Tom", "12"], ["Dick", "5"]]
    assert "2 rows of repeat children" in capsys.readouterr().out
