"""``or_other``: the "other" choice pyxform adds to a select is an option like every other.

A select_multiple with or_other gets a 0/1 column for "other" beside its other choices, plus
its ``_other`` text column; a select_one with or_other codes "other" and keeps the text.
Tested on corpus forms that use it: kobocat's transportation form with its real Kobo exports
(CSV and XLSX), and kobocat's good_eats_multilang form.
"""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pyreadstat
import pytest

from pipeline.core.yamlio import load_yaml_mapping
from pipeline.model.cleaning_rules import CleaningConfig
from pipeline.readers.import_xlsform import import_xlsform, read_xlsform
from pipeline.readers.ingest import read_responses
from pipeline.stages.clean import clean
from pipeline.stages.export.write import export
from tests.xlsform_roundtrip import CORPUS

EXPORTS = CORPUS.parent / "kobo-exports"
TRANSPORT = "available_transportation_types_to_referral_facility"


@pytest.fixture(scope="module")
def transportation():
    return read_xlsform(CORPUS / "kobocat" / "transportation.xls")


def test_select_multiple_or_other_has_a_dichotomy_for_other(transportation):
    names = [v.name for v in transportation.variables() if v.name.startswith(TRANSPORT)]
    # nine listed choices, pyxform's "other" after them, then the specify-other text
    assert names[-3:] == [f"{TRANSPORT}_9", f"{TRANSPORT}_10", f"{TRANSPORT}_other"]
    other = transportation.variable(f"{TRANSPORT}_10")
    assert (other.option.name, other.option.label.get("en")) == ("other", "Other")


@pytest.mark.parametrize("export_file", ["transportation.csv", "transportation_export.xlsx"])
def test_kobos_other_column_and_text_are_kept(transportation, export_file):
    raw = read_responses(EXPORTS / export_file, transportation, format="kobo")
    assert not [u for u in raw.unmapped if u.endswith(f"{TRANSPORT}/other")]
    rows = raw.data[[f"{TRANSPORT}_9", f"{TRANSPORT}_10", f"{TRANSPORT}_other"]]
    assert rows.values.tolist()[-1] == ["1", "1", "camel"]
    assert rows[f"{TRANSPORT}_10"].tolist() == ["0", "0", "0", "1"]


def test_the_other_dichotomy_is_cleaned_and_exported_like_every_choice(transportation, tmp_path):
    raw = read_responses(EXPORTS / "transportation.csv", transportation, format="kobo")
    cleaned = clean(raw, transportation, CleaningConfig(), b"k" * 32)
    assert not (cleaned.log["variable"] == f"{TRANSPORT}_10").any()
    assert cleaned.data[f"{TRANSPORT}_10"].tolist()[-1] == 1
    assert cleaned.data[f"{TRANSPORT}_other"].tolist()[-1] == "camel"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = export(cleaned.data, transportation, tmp_path, "en", ("sav",), simulated=False)
    data, meta = pyreadstat.read_sav(str(files[0]))
    assert data[f"{TRANSPORT}_10"].tolist()[-1] == 1
    assert meta.column_names_to_labels[f"{TRANSPORT}_10"].endswith("Other")


def test_a_space_separated_list_with_other_sets_its_dichotomy(transportation, tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["_uuid", f"transport/{TRANSPORT}", f"transport/{TRANSPORT}_other"])
        writer.writerow(["a1", "taxi other", "camel"])
        writer.writerow(["a2", "bus", ""])
    raw = read_responses(path, transportation, format="kobo")
    assert raw.data[f"{TRANSPORT}_10"].tolist() == ["1", "0"]
    assert raw.data[f"{TRANSPORT}_9"].tolist() == ["1", "0"]


def test_select_one_or_other_codes_other_and_keeps_the_text(tmp_path):
    q = read_xlsform(CORPUS / "kobocat" / "good_eats_multilang.xls")
    food = q.variable("food_type")
    assert [(o.code, o.value) for o in food.options][-2:] == [(12, "not_sure"), (13, "other")]
    path = tmp_path / "export.csv"
    names = [v.name for v in q.variables()]
    answers = [
        {"food_type": "other", "food_type_other": "grasshoppers", "description": "crunchy"},
        {"food_type": "not_sure", "description": "soft"},
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["_uuid", *names])
        for i, row in enumerate(answers):
            writer.writerow([f"a{i}", *(row.get(n, "") for n in names)])
    raw = read_responses(path, q, format="kobo")
    cleaned = clean(raw, q, CleaningConfig(), b"k" * 32)
    assert cleaned.data["food_type"].tolist() == [13, 12]
    assert cleaned.data["food_type_other"].tolist()[0] == "grasshoppers"
    assert not (cleaned.log["rule"] == "invalid_code").any()


def test_the_other_code_is_recorded_so_a_later_wave_keeps_it(tmp_path: Path):
    import_xlsform(CORPUS / "kobocat" / "transportation.xls", tmp_path / "q.yaml")
    text = load_yaml_mapping(tmp_path / "q.yaml")
    questions = [q for s in text["sections"] for q in _walk(s["questions"])]
    transport = next(q for q in questions if q["name"] == TRANSPORT)
    assert (transport["or_other"], transport["other_code"]) == (True, 10)


def _walk(questions: list[dict]):
    for q in questions:
        yield q
        yield from _walk(q.get("children", []))


def test_a_later_wave_with_a_longer_list_keeps_the_other_code(tmp_path: Path):
    import openpyxl

    def form(path: Path, choices: list[str]) -> Path:
        book = openpyxl.Workbook()
        survey = book.active
        survey.title = "survey"
        survey.append(["type", "name", "label"])
        survey.append(["select_multiple transport or_other", "transport", "Transport?"])
        sheet = book.create_sheet("choices")
        sheet.append(["list_name", "name", "label"])
        for choice in choices:
            sheet.append(["transport", choice, choice.title()])
        book.save(path)
        return path

    first = read_xlsform(form(tmp_path / "w1.xlsx", ["bus", "taxi"]))
    assert first.question("transport").other_code == 3
    later = read_xlsform(form(tmp_path / "w2.xlsx", ["bus", "taxi", "boat"]), codes_from=first)
    assert [v.name for v in later.variables()] == [
        "transport_1", "transport_2", "transport_4", "transport_3", "transport_other"
    ]  # fmt: skip
    assert later.variable("transport_3").option.name == "other"
