"""Public XLSForms with text choice names, several languages and repeats, through the rest
of the pipeline: instruments (paper form, codebook, DDI, Frictionless data package, entry
template), cleaning of a real Kobo export, and the SPSS export."""

from __future__ import annotations

import csv
import json
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pyreadstat
import pytest
from frictionless import Package, validate

from pipeline.model.cleaning_rules import CleaningConfig
from pipeline.readers.import_xlsform import read_xlsform
from pipeline.readers.ingest import read_responses
from pipeline.stages.clean import clean
from pipeline.stages.export.write import export
from pipeline.stages.instruments import write_instruments
from pipeline.stages.instruments.codebook import child_file_name, data_file_name, data_package
from tests.xlsform_roundtrip import CORPUS, corpus_forms

KOBOCAT = CORPUS / "kobocat"
EXPORTS = CORPUS.parent / "kobo-exports"
VARIED = [
    "kobocat/tutorial_w_repeats.xls",  # a repeat
    "kobocat/household.xls",  # a household roster
    "kobocat/good_eats_multilang.xls",  # several languages
    "kobocat/nested_repeats.xls",  # repeats in repeats
    "pyxform/example_xls/widgets.xls",  # every widget type
    "pyxform/example_xls/cascading_select_test_equivalent.xls",  # choice_filter
]


@pytest.mark.parametrize("name", VARIED)
def test_every_instrument_is_written_for_a_public_form(name, tmp_path):
    q = read_xlsform(CORPUS / name)
    files = write_instruments(q, tmp_path, "en")
    assert {f.suffix for f in files} == {".xlsx", ".html", ".pdf", ".xml", ".json"}
    paper = next(f for f in files if f.name.endswith(".paper.en.html")).read_text("utf-8")
    for question in q.questions(into_repeats=True):
        if question.has_data and question.label:
            assert _html(question.label.get("en")) in paper  # inside repeats too
    package = json.loads(next(f for f in files if f.suffix == ".json").read_text("utf-8"))
    assert [r["name"] for r in package["resources"]][1:] == [
        f"responses-{t}".lower() for t in q.tables()
    ]


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&#34;").replace("'", "&#39;")  # fmt: skip


def test_every_data_package_of_the_corpus_is_valid_frictionless():
    checked = 0
    for form in corpus_forms():
        try:
            q = read_xlsform(form)
        except Exception:  # refused forms are covered by test_xlsform_corpus
            continue
        errors = list(Package.metadata_validate(data_package(q, data_file_name(q))))
        assert errors == [], f"{form}: {errors[0].message}"
        checked += 1
    assert checked >= 70


def test_the_ddi_carries_every_language_of_the_form(tmp_path):
    q = read_xlsform(KOBOCAT / "good_eats_multilang.xls")
    languages = set(q.languages) - {"default"}
    assert len(languages) >= 2
    write_instruments(q, tmp_path, "en")
    root = ET.parse(next(tmp_path.glob("*.ddi.xml"))).getroot()
    tagged = {e.get("{http://www.w3.org/XML/1998/namespace}lang") for e in root.iter()}
    assert languages <= tagged


def _write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row[c] for c in columns])


def test_a_real_kobo_export_validates_against_its_data_package(tmp_path):
    q = read_xlsform(KOBOCAT / "tutorial_w_repeats.xls")
    raw = read_responses(EXPORTS / "tutorial_w_repeats.csv", q, format="kobo")
    package = data_package(q, data_file_name(q))
    main, children = package["resources"]
    _write_csv(
        tmp_path / main["path"],
        [f["name"] for f in main["schema"]["fields"]],
        raw.data.to_dict("records"),
    )
    _write_csv(
        tmp_path / child_file_name(data_file_name(q), "children"),
        [f["name"] for f in children["schema"]["fields"]],
        raw.tables["children"].to_dict("records"),
    )
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"), type="package")
    assert report.valid, report.flatten(["type", "message"])[:5]


def test_a_cleaned_kobo_export_goes_to_spss_with_its_labels(tmp_path):
    q = read_xlsform(KOBOCAT / "tutorial_w_repeats.xls")
    raw = read_responses(EXPORTS / "tutorial_w_repeats.csv", q, format="kobo")
    cleaned = clean(raw, q, CleaningConfig(), b"k" * 32)
    assert cleaned.summary["rows_kept"] == 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = export(cleaned.data, q, tmp_path, "en", ("sav",), simulated=False)
    _, meta = pyreadstat.read_sav(str(files[0]))
    assert meta.column_names_to_labels["age"].endswith("How old are you?")
    yes_no = q.choice_list(q.question("has_children"))
    assert meta.variable_value_labels["has_children"] == {
        float(o.code): o.label.get("en") for o in yes_no.options
    }


def test_labels_fall_back_to_the_default_language_marked(tmp_path):
    import openpyxl

    from pipeline.stages.instruments.paper import build_paper_form

    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::English (en)", "label::Français (fr)"])
    survey.append(["select_one yn", "water", "Piped water?", "Eau courante ?"])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)", "label::Français (fr)"])
    choices.append(["yn", "yes", "Yes", "Oui"])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "default_language"])
    settings.append(["Water", "Français (fr)"])
    book.save(tmp_path / "form.xlsx")
    q = read_xlsform(tmp_path / "form.xlsx")
    assert q.default_language_key == "fr"
    english = build_paper_form(q, "en").sections[0].questions[0]
    assert (english.label, english.options[0].label) == ("Piped water?", "Yes")
    vietnamese = build_paper_form(q, "vi").sections[0].questions[0]
    assert (vietnamese.label, vietnamese.options[0].label) == ("Eau courante ? [fr]", "Oui [fr]")
