"""A real public form, end to end through the command line as a user runs it: kobocat's
good_eats_multilang.xls (English and French labels, hints only in the plain ``hint`` column,
text choice names such as ``morning_food``, an ``or_other`` select, device-recorded ``today``
and ``imei`` fields) is imported, given a design block, answered by simulated respondents
(the form comes without a real export; every output says SIMULATED), cleaned, weighted,
tabulated, exported, written out as instruments and reported. The assertions are on what a
person reads: the report's labels in its language or marked with the language they fall back
to, the .sav's value labels, the paper form's text (pdftotext) and the data package.

Repeats on a real export (kobocat's nested_repeats) are followed the same way in
tests/test_repeats_downstream.py; the report's note on a repeat is checked at the end here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import warnings
from html import unescape
from pathlib import Path

import openpyxl
import pyreadstat
import pytest
from frictionless import Package, validate

from pipeline.cli.app import app
from tests.xlsform_roundtrip import CORPUS

FORM = CORPUS / "kobocat" / "good_eats_multilang.xls"
NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "wave_report.ipynb"
DESIGN = "design:\n  stratum:\n    variable: risk_factor\n    frame: frame.yaml\n"
FRAME = """\
name: {en: Food stalls, fr: Étals}
strata:
  - {code: 1, label: {en: Low risk, fr: Risque faible}, population: 400}
  - {code: 2, label: {en: Medium risk, fr: Risque moyen}, population: 300}
  - {code: 3, label: {en: High risk, fr: Risque élevé}, population: 200}
"""
# the form's choices sheet, English column: text choice name -> label
FOOD_TYPES = {
    "morning_food": "Morning Food",
    "lunch": "Lunch Time",
    "street_meat": "Street Meat",
    "drunk_food": "Best consumed when drunk",
    "not_sure": "Not Sure What I Just Ate",
}


def run(args: list[str]) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


def reader_text(html_file: Path) -> str:
    """The report's text as a reader sees it: no markup, styles or images; spaces folded."""
    text = html_file.read_text("utf-8")
    text = re.sub(r"<style.*?</style>|<script.*?</script>", " ", text, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("good_eats")
    run(["import-xlsform", str(FORM), "--out", str(root / "q.yaml")])
    with (root / "q.yaml").open("a", encoding="utf-8") as fh:
        fh.write(DESIGN)
    (root / "frame.yaml").write_text(FRAME, encoding="utf-8")
    q, raw, processed = str(root / "q.yaml"), root / "raw", root / "processed"
    run(["simulate", q, "--n", "150", "--seed", "3", "--fieldwork-start", "2014-01-20",
         "--out", str(raw / "1.csv")])  # fmt: skip
    run(["clean", str(raw / "1.csv"), "--questionnaire", q,
         "--out", str(processed / "1.parquet"), "--key-file", str(root / "k.key")])  # fmt: skip
    run(["weight", str(processed / "1.parquet"), "--questionnaire", q,
         "--out", str(processed / "1.weighted.parquet")])  # fmt: skip
    run(["tabulate", str(processed / "1.weighted.parquet"), "--questionnaire", q,
         "--out", str(root / "outputs" / "tables")])  # fmt: skip
    run(["instruments", q, "--out", str(root / "outputs" / "instruments" / "1"), "--lang", "en"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for lang in ("en", "vi"):
            run(["export", str(processed / "1.weighted.parquet"), "--questionnaire", q,
                 "--out", str(root / "outputs" / "spss"), "--lang", lang])  # fmt: skip
    # the report reads the stage outputs relative to the project root: run it from there
    here = Path.cwd()
    os.chdir(root)
    try:
        for lang in ("en", "vi"):
            run(["report", str(NOTEBOOK), "-p", "wave=1", "-p", f"lang={lang}",
                 "-p", "questionnaire=q.yaml", "--to", "html",
                 "--out", "outputs/reports"])  # fmt: skip
    finally:
        os.chdir(here)
    return root


def test_the_english_report_shows_the_forms_english_labels_unmarked(project):
    text = reader_text(project / "outputs" / "reports" / "1.en.html")
    assert "SIMULATED DATA" in text
    for label in ("Type of Eat", "Rating", "Risk Factor", *FOOD_TYPES.values(), "Epic Eat"):
        assert label in text
    assert "[en]" not in text
    assert "Other" in text  # or_other's choice, which pyxform adds to the list


def test_the_vietnamese_report_falls_back_to_the_default_language_marked(project):
    """The form has no Vietnamese: its labels are shown in English, each marked [en]."""
    text = reader_text(project / "outputs" / "reports" / "1.vi.html")
    assert "Kết quả theo phần của phiếu hỏi" in text  # the report's own words: Vietnamese
    for label in ("Type of Eat", "Rating", *FOOD_TYPES.values(), "Epic Eat"):
        assert f"{label} [en]" in text
    assert "Morning Food 3" not in text.replace("Morning Food [en]", "")  # never unmarked


def test_the_sav_carries_the_forms_labels_for_its_text_codes(project):
    q_codes = {}
    import yaml

    form = yaml.safe_load((project / "q.yaml").read_text("utf-8"))
    for option in form["choice_lists"]["food_type"]["options"]:
        q_codes[option["name"]] = option["code"]
    data, meta = pyreadstat.read_sav(str(project / "outputs" / "spss" /
                                         "good_eats_multilang_1_en.sav"))  # fmt: skip
    labels = meta.variable_value_labels["food_type"]
    for name, label in FOOD_TYPES.items():
        assert labels[float(q_codes[name])] == label
    assert labels[13.0] == "Other"
    assert meta.column_names_to_labels["food_type"] == "Type of Eat"
    assert meta.variable_value_labels["rating"][1.0] == "Epic Eat"
    assert set(data["food_type"].dropna()) <= set(labels)
    stem = project / "outputs" / "spss" / "good_eats_multilang_1_en"
    dta, _ = pyreadstat.read_dta(str(stem.with_suffix(".dta")))
    assert len(dta) == len(data)
    assert "good_eats_multilang_1_en.sav" in stem.with_suffix(".R").read_text("utf-8")


def test_a_vietnamese_sav_of_a_form_without_vietnamese_marks_its_english_labels(project):
    _, meta = pyreadstat.read_sav(str(project / "outputs" / "spss" /
                                      "good_eats_multilang_1_vi.sav"))  # fmt: skip
    assert meta.column_names_to_labels["food_type"] == "Type of Eat [en]"
    assert meta.variable_value_labels["food_type"][1.0] == "Morning Food [en]"
    assert meta.variable_value_labels["food_type"][13.0] == "Khác"  # the pipeline's own word


def test_the_data_package_is_valid_frictionless_in_the_forms_language(project, tmp_path):
    folder = project / "outputs" / "instruments" / "1"
    package = json.loads((folder / "good_eats_multilang-1.datapackage.json").read_text("utf-8"))
    assert list(Package.metadata_validate(package)) == []
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["food_type"]["title"] == "Type of Eat"
    categories = {c["value"]: c["label"] for c in fields["food_type"]["categories"]}
    assert categories[13] == "Other"  # not the Vietnamese "Khác" in an English-French form
    # the simulated raw responses validate against it (the resource's columns, in order)
    raw = (project / "raw" / "1.csv").read_text("utf-8").splitlines()
    names = raw[0].split(",")
    keep = [names.index(f) for f in fields]
    import csv

    rows = list(csv.reader(raw))
    with (tmp_path / package["resources"][0]["path"]).open("w", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        for row in rows:
            if row[names.index("_simulated")] == "1" or row is rows[0]:
                writer.writerow([row[i] for i in keep])
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"), type="package")
    errors = report.flatten(["type", "fieldName"])
    # the simulation injects wrong codes and text in number columns on purpose; nothing else
    assert {tuple(e) for e in errors} <= {
        ("constraint-error", "food_type"), ("constraint-error", "rating"),
        ("constraint-error", "risk_factor"), ("type-error", "food_type"),
        ("type-error", "rating"), ("type-error", "risk_factor"), ("type-error", "amount"),
        ("primary-key", None), ("unique-error", "respondent_id"),
    }  # fmt: skip


def test_the_paper_form_prints_the_questions_the_respondent_answers(project):
    pdf = project / "outputs" / "instruments" / "1" / "good_eats_multilang-1.paper.en.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for label in ("Type of Eat", "Description", "Rating", "Risk Factor", "Food Pic", "Served At"):
        assert label in text
    assert "Morning Food" in text and "Other" in text  # or_other's choice is on paper
    assert "In local currency [default]" in text  # a hint only in the plain column, marked
    # the form has no settings sheet: the running head names no empty version
    assert "Form good_eats_multilang" in text and "version" not in text
    # today and imei are recorded by the device: not printed as questions without a label
    numbers = [int(n) for n in re.findall(r"Question (\d+)\.", text)]
    assert numbers == list(range(1, 10))
    assert re.search(r"Question \d+\.\s*\n", text) is None  # every printed question has a label


def test_the_entry_template_has_a_column_for_every_answered_field(project):
    book = openpyxl.load_workbook(
        project / "outputs" / "instruments" / "1" / "good_eats_multilang-1.entry.xlsx"
    )
    headers = {cell.value for row in book.worksheets[0].iter_rows(max_row=3) for cell in row}
    assert {"food_type", "food_type_other", "rating", "risk_factor"} <= headers


def test_the_report_names_no_recorded_field_and_says_why_a_photo_has_no_table(project):
    text = reader_text(project / "outputs" / "reports" / "1.en.html")
    results = text[text.rindex("Results by section") :]
    assert "Food Pic Photo, location, file or other recorded answer: not tabulated" in results
    assert "Amount Numeric or date question: not tabulated" in results
    assert "imei" not in results.lower() and "Submit" not in results


# ---- a real export with repeats and a group: kobocat's nested_repeats -----------------------

NESTED = CORPUS / "kobocat" / "nested_repeats.xls"
NESTED_EXPORT = CORPUS.parent / "kobo-exports" / "nested_repeats.csv"
NESTED_FRAME = (
    "name: {en: Households}\nstrata:\n  - {code: 1, label: {en: Has kids}, population: 40}\n"
)


@pytest.fixture(scope="module")
def nested_report(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("nested")
    q = str(root / "q.yaml")
    run(["import-xlsform", str(NESTED), "--out", q])
    with (root / "q.yaml").open("a", encoding="utf-8") as fh:
        fh.write("design:\n  stratum:\n    variable: has_kids\n    frame: frame.yaml\n")
    (root / "frame.yaml").write_text(NESTED_FRAME, encoding="utf-8")
    processed = root / "processed"
    run(["ingest", str(NESTED_EXPORT), "--questionnaire", q, "--out", str(root / "raw" / "1.csv")])
    run(["clean", str(root / "raw" / "1.csv"), "--questionnaire", q,
         "--out", str(processed / "1.parquet"), "--key-file", str(root / "k.key")])  # fmt: skip
    run(["weight", str(processed / "1.parquet"), "--questionnaire", q,
         "--out", str(processed / "1.weighted.parquet")])  # fmt: skip
    run(["tabulate", str(processed / "1.weighted.parquet"), "--questionnaire", q,
         "--out", str(root / "outputs" / "tables")])  # fmt: skip
    here = Path.cwd()
    os.chdir(root)
    try:
        run(["report", str(NOTEBOOK), "-p", "wave=1", "-p", "lang=en", "-p", "questionnaire=q.yaml",
             "--to", "html", "--out", "outputs/reports"])  # fmt: skip
    finally:
        os.chdir(here)
    return reader_text(root / "outputs" / "reports" / "1.en.html")


def test_the_report_of_a_real_export_points_to_each_repeats_own_tables(nested_report):
    results = nested_report[nested_report.rindex("Results by section") :]
    assert (
        "4.1 Kids Details Asked once for each entry (5 entries kept): the questions of this "
        "repeat are tabulated on their own, one row per entry, in the file "
        "1.kids_details.tables.csv." in results
    )
    # a group is no question: its questions are listed in its place
    assert "4.3 A Nested Name" in results and "4.4 A Nested Age" in results
    assert "4.2 A Nested Group" not in results
    # a form in one unnamed language (a plain label column) has nothing to mark
    assert "[default]" not in nested_report
    assert "4. Do you have any kids?" in results


def test_the_report_of_another_form_speaks_of_its_own_population(project):
    """The fixed wording names what the frame and the form name, never the default survey's
    party members and member categories; a frame without ``members`` gives "population
    units"."""
    english = reader_text(project / "outputs" / "reports" / "1.en.html")
    vietnamese = reader_text(project / "outputs" / "reports" / "1.vi.html")
    for word in ("party member", "member categor", "membership"):
        assert word not in english.lower()
    for word in ("đảng viên", "khối"):
        assert word not in vietnamese.lower()
    assert "the stratum’s population units divided by its respondents" in english
    assert "Population: Food stalls (900 population units)" in english
    assert "số đơn vị tổng thể của tầng chia cho số người trả lời" in vietnamese
    assert "Tổng thể: Food stalls [en] (900 đơn vị tổng thể)" in vietnamese
