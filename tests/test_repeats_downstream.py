"""Repeats through the rest of the pipeline: each child table is cleaned with its own row
accounting, weighted with its parent submission's design, tabulated at the child level with
the parent submission as PSU, and exported with its labels; checked end to end on kobocat's
real nested_repeats export and against R's survey package (tests/oracles/child_oracles.json,
made by tests/oracles/make_child_oracles.R; one live Rscript check)."""

from __future__ import annotations

import csv
import json
import subprocess
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from pipeline.cli.app import app
from pipeline.model.frame import Frame
from pipeline.model.questionnaire import parse_questionnaire
from pipeline.stages.tabulate import TabulateOptions
from pipeline.stages.tabulate_tables import tabulate_table
from pipeline.stages.weight import CHILD_PSU, WeightOptions, carry_down, child_design, weight
from tests.xlsform_roundtrip import CORPUS

ROOT = Path(__file__).resolve().parent.parent
FORM = CORPUS / "kobocat" / "nested_repeats.xls"
EXPORT = ROOT / "tests" / "corpus" / "kobo-exports" / "nested_repeats.csv"
ORACLES = json.loads((ROOT / "tests" / "oracles" / "child_oracles.json").read_text("utf-8"))
RTOL = 1e-9
FRAME = """\
name: {en: Households with kids, vi: Hộ có trẻ em}
strata:
  - code: 1
    label: {en: Has kids, vi: Có trẻ em}
    population: 40
"""


def run(args: list[str]) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def wave(tmp_path: Path) -> Path:
    """kobocat's nested_repeats form imported, with a design block (households stratified
    by has_kids, 40 in the frame), and its real export ingested to raw/w1*.csv."""
    run(["import-xlsform", str(FORM), "--out", str(tmp_path / "q.yaml")])
    with (tmp_path / "q.yaml").open("a", encoding="utf-8") as fh:
        fh.write("design:\n  stratum:\n    variable: has_kids\n    frame: frame.yaml\n")
    (tmp_path / "frame.yaml").write_text(FRAME, encoding="utf-8")
    (tmp_path / "raw").mkdir()
    run(["ingest", str(EXPORT), "--questionnaire", str(tmp_path / "q.yaml"),
         "--out", str(tmp_path / "raw" / "w1.csv")])  # fmt: skip
    return tmp_path


def clean_wave(root: Path) -> dict:
    run(["clean", str(root / "raw" / "w1.csv"), "--questionnaire", str(root / "q.yaml"),
         "--out", str(root / "processed" / "w1.parquet"),
         "--key-file", str(root / "k.key")])  # fmt: skip
    return json.loads((root / "processed" / "w1.cleaning-summary.json").read_text("utf-8"))


def test_a_real_export_with_nested_repeats_is_cleaned_table_by_table(wave):
    summary = clean_wave(wave)
    tables = summary["tables"]
    assert (tables["kids_details"]["rows_in"], tables["kids_details"]["rows_kept"]) == (5, 5)
    assert (tables["kids_immunization"]["rows_in"], tables["kids_immunization"]["rows_kept"]) == (
        11,
        11,
    )
    parents = pd.read_parquet(wave / "processed" / "w1.parquet")
    kids = pd.read_parquet(wave / "processed" / "w1.kids_details.parquet")
    # the link key is the parent's pseudonymised respondent id
    assert set(kids["_parent_id"]) == set(parents["respondent_id"])
    ages = sorted(sorted(int(a) for a in g) for _, g in kids.groupby("_parent_id")["kids_age"])
    assert ages == [[1, 2], [3, 5, 8]]
    shots = pd.read_parquet(wave / "processed" / "w1.kids_immunization.parquet")
    assert shots["_parent_index"].tolist()[:5] == ["1", "1", "1", "2", "2"]


def _edit_csv(path: Path, edit) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def test_children_of_a_refused_parent_and_orphans_are_reported_not_dropped(wave):
    raw = wave / "raw"
    # the first household loses its answers (an empty row: quarantined) ...
    def empty_first_household(rows):
        header = rows[0]
        for j, name in enumerate(header):
            if name not in ("respondent_id", "_uuid", "_instance_id"):
                rows[1][j] = ""

    _edit_csv(raw / "w1.csv", empty_first_household)
    # ... and a kid names a household that is not in the data
    _edit_csv(raw / "w1.kids_details.csv", lambda rows: rows.append(["nobody", "", "1", "Al", "4"]))
    summary = clean_wave(wave)
    kids = summary["tables"]["kids_details"]
    assert kids["rows_in"] == 6
    assert (kids["rows_kept"], kids["parent_quarantined"], kids["no_parent"]) == (3, 2, 1)
    assert kids["rows_kept"] + kids["rows_quarantined"] == kids["rows_in"]
    # the refused kids' own repeat follows them
    shots = summary["tables"]["kids_immunization"]
    assert (shots["rows_kept"], shots["parent_quarantined"]) == (6, 5)
    quarantine = pd.read_csv(wave / "processed" / "w1.kids_details.quarantine.csv")
    reasons = quarantine["_reason"].tolist()
    assert sum(r.startswith("parent_quarantined: its parent (source row 2)") for r in reasons) == 2
    assert any(r.startswith("no_parent:") for r in reasons)
    assert sorted(quarantine["kids_name"]) == ["Al", "Gretel", "Hansel"]


def test_weights_and_design_carry_down_and_the_child_estimate_matches_r(wave, tmp_path):
    clean_wave(wave)
    processed = wave / "processed"
    run(["weight", str(processed / "w1.parquet"), "--questionnaire", str(wave / "q.yaml"),
         "--out", str(processed / "w1.weighted.parquet")])  # fmt: skip
    kids = pd.read_parquet(processed / "w1.kids_details.weighted.parquet")
    parents = pd.read_parquet(processed / "w1.weighted.parquet").set_index("respondent_id")
    for column in ("_stratum", "_weight", "_fpc"):
        expected = parents.loc[kids["_parent_id"], column].to_numpy()
        np.testing.assert_array_equal(kids[column].to_numpy(), expected)
    assert (kids[CHILD_PSU] == kids["_parent_id"]).all()
    run(["tabulate", str(processed / "w1.weighted.parquet"), "--questionnaire",
         str(wave / "q.yaml"), "--out", str(wave / "tables")])  # fmt: skip
    cells = pd.read_parquet(wave / "tables" / "1.kids_details.cells.parquet")
    age = cells.set_index("variable").loc["kids_age"]
    oracle = ORACLES["kobocat_nested_repeats"]
    assert (age["measure"], age["n"], age["psu"]) == ("mean", oracle["n"], oracle["psu"])
    np.testing.assert_allclose(
        [age["estimate"], age["se"]],
        [oracle["kids_age_mean"]["estimate"], oracle["kids_age_mean"]["se"]],
        rtol=RTOL,
    )
    assert age["suppressed"]  # 5 kids: below the default threshold of 10


def test_each_child_table_is_exported_with_its_labels(wave):
    clean_wave(wave)
    processed = wave / "processed"
    run(["weight", str(processed / "w1.parquet"), "--questionnaire", str(wave / "q.yaml"),
         "--out", str(processed / "w1.weighted.parquet")])  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run(["export", str(processed / "w1.weighted.parquet"), "--questionnaire",
             str(wave / "q.yaml"), "--out", str(wave / "out"), "--lang", "en"])  # fmt: skip
    stem = wave / "out" / "nested_repeats_1_kids_details_en"
    data, meta = pyreadstat.read_sav(str(stem.with_suffix(".sav")))
    assert len(data) == 5
    assert meta.column_names_to_labels["kids_age"] == "4.1.2 Child's Age"
    assert meta.column_names_to_labels["parent_id"] == "Parent submission id (link key)"
    dta, dta_meta = pyreadstat.read_dta(str(stem.with_suffix(".dta")))
    assert dta["kids_age"].tolist() == data["kids_age"].tolist()
    assert "svyset parent_psu [pweight=weight], strata(stratum) fpc(fpc)" in stem.with_suffix(
        ".do"
    ).read_text("utf-8")
    assert "svydesign(ids = ~parent_psu" in stem.with_suffix(".R").read_text("utf-8")
    assert len(pd.read_csv(stem.with_suffix(".csv"))) == 5
    assert (wave / "out" / "nested_repeats_1_kids_immunization_en.sav").exists()


def test_a_live_r_run_on_the_weighted_child_table(wave, tmp_path):
    clean_wave(wave)
    processed = wave / "processed"
    run(["weight", str(processed / "w1.parquet"), "--questionnaire", str(wave / "q.yaml"),
         "--out", str(processed / "w1.weighted.parquet")])  # fmt: skip
    kids = pd.read_parquet(processed / "w1.kids_details.weighted.parquet")
    kids.to_csv(tmp_path / "kids.csv", index=False)
    script = f"""suppressMessages(library(survey))
d <- read.csv("{tmp_path / 'kids.csv'}", check.names = FALSE)
des <- svydesign(id = ~`_parent_id`, strata = ~`_stratum`, fpc = ~`_fpc`,
                 weights = ~`_weight`, data = d)
m <- svymean(~kids_age, des)
cat(format(c(coef(m), SE(m)), digits = 17), sep = "\\n")
"""
    res = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    r = [float(x) for x in res.stdout.split()]
    meta = {"design": json.loads(_design_meta(processed / "w1.kids_details.weighted.parquet"))}
    est = _mean(kids, meta, "kids_age")
    np.testing.assert_allclose(est, r, rtol=RTOL)


def _design_meta(path: Path) -> str:
    from pipeline.readers.dataset import read_dataset

    return json.dumps(read_dataset(path)[1]["design"])


def _mean(data: pd.DataFrame, meta: dict, variable: str) -> list[float]:
    from pipeline.stages.weight import design_of
    from pipeline.statistics import estimate

    m = estimate.mean(design_of(data, meta), data[variable].astype(float))
    return [float(m.estimate[0]), float(m.se[0])]


# ---- R's apiclus2 read as schools (children) in districts (parent submissions) ------------


def schools_questionnaire():
    stypes = [{"code": i, "name": s, "label": {"en": s}} for i, s in enumerate("EHM", start=1)]
    yes_no = [{"code": 0, "name": "No", "label": {"en": "No"}},
              {"code": 1, "name": "Yes", "label": {"en": "Yes"}}]  # fmt: skip
    school = {
        "name": "school",
        "type": "repeat",
        "label": {"en": "Schools"},
        "children": [
            {"name": "api00", "type": "integer", "label": {"en": "API 2000"}},
            {"name": "stype", "type": "single", "label": {"en": "Type"}, "choices": "stype"},
            {"name": "sch_wide", "type": "single", "label": {"en": "Met target"},
             "choices": "yes_no"},
        ],
    }  # fmt: skip
    one = [{"code": 1, "label": {"en": "All"}}]
    everyone = {"name": "all", "type": "single", "label": {"en": "All"}, "choices": "one"}
    return parse_questionnaire(
        {
            "form_id": "districts",
            "wave": "1",
            "title": {"en": "Districts"},
            "choice_lists": {
                "stype": {"options": stypes},
                "yes_no": {"options": yes_no},
                "one": {"options": one},
            },
            "sections": [
                {"name": "district", "title": {"en": "District"}, "questions": [everyone, school]}
            ],
            "languages": {"en": "English"},
            "design": {"stratum": {"variable": "all", "frame": "frame.yaml"}},
        },
        "districts.yaml",
    )


def schools_in_districts():
    schools = pd.read_csv(ROOT / "tests" / "corpus" / "r-survey" / "apiclus2.csv")
    districts = pd.DataFrame({"respondent_id": sorted(schools["dnum"].astype(str).unique())})
    districts["all"] = 1
    districts["_source_row"] = range(2, len(districts) + 2)
    child = pd.DataFrame(
        {
            "_parent_id": schools["dnum"].astype(str),
            "api00": schools["api00"],
            "stype": schools["stype"].map({"E": 1, "H": 2, "M": 3}),
            "sch_wide": schools["sch.wide"].map({"No": 0, "Yes": 1}),
            "_source_row": range(2, len(schools) + 2),
        }
    )
    return districts, child


def test_child_level_estimates_match_r_on_schools_in_districts():
    q = schools_questionnaire()
    districts, schools = schools_in_districts()
    frame = Frame.model_validate(
        {"name": {"en": "Districts"},
         "strata": [{"code": 1, "label": {"en": "All"}, "population": 757}]}
    )  # fmt: skip
    weighted, description = weight(districts, q, frame, WeightOptions())
    child, child_description = carry_down(schools, weighted, description, "school")
    cells = tabulate_table(child, child_design(child, child_description), q, "school",
                           TabulateOptions())  # fmt: skip
    oracle = ORACLES["apiclus2_schools_in_districts"]
    assert set(cells["psu"]) == {oracle["psu"]}
    api = cells[cells["variable"] == "api00"].iloc[0]
    np.testing.assert_allclose(
        [api["estimate"], api["se"]],
        [oracle["api00_mean"]["estimate"], oracle["api00_mean"]["se"]],
        rtol=RTOL,
    )
    for variable, key in (("stype", "stype"), ("sch_wide", "sch_wide")):
        rows = cells[cells["variable"] == variable].sort_values("row_code")
        np.testing.assert_allclose(rows["estimate"], oracle[key]["estimate"], rtol=RTOL)
        np.testing.assert_allclose(rows["se"], oracle[key]["se"], rtol=RTOL)


def test_a_clustered_parent_design_carries_its_clusters_down():
    """With clusters in the design the parent's PSU, not the submission, is the child's PSU."""
    q = schools_questionnaire()
    districts, schools = schools_in_districts()
    # households in villages: group the districts into 10 clusters of 4
    districts["village"] = [f"v{i // 4}" for i in range(len(districts))]
    frame = Frame.model_validate(
        {"name": {"en": "Districts"},
         "strata": [{"code": 1, "label": {"en": "All"}, "population": 757}]}
    )  # fmt: skip
    options = WeightOptions(fpc=False, clusters=("village",))
    weighted, description = weight(districts, q, frame, options)
    child, child_description = carry_down(schools, weighted, description, "school")
    assert CHILD_PSU not in child.columns
    assert child_description["psu"] == ["village"]
    design = child_design(child, child_description)
    assert design.n_psu == 10


def test_a_child_row_without_a_weighted_parent_is_refused():
    from pipeline.core.errors import InputError

    q = schools_questionnaire()
    districts, schools = schools_in_districts()
    frame = Frame.model_validate(
        {"name": {"en": "Districts"},
         "strata": [{"code": 1, "label": {"en": "All"}, "population": 757}]}
    )  # fmt: skip
    weighted, description = weight(districts.iloc[1:], q, frame, WeightOptions())
    with pytest.raises(InputError, match="have no weighted parent submission"):
        carry_down(schools, weighted, description, "school")


# ---- ODK Central's export: the submissions' CSV and a CSV per repeat ------------------------

CENTRAL = ROOT / "tests" / "corpus" / "odk-central-exports"
MULTIREPEAT = [
    ["type", "name", "label"],
    ["text", "name", "What is your name?"],
    ["integer", "age", "What is your age?"],
    ["begin group", "children", "Child"],
    ["begin repeat", "child", "Child"],
    ["text", "name", "What is the child's name?"],
    ["integer", "age", "What is the child's age?"],
    ["begin repeat", "toy", "Toy"],
    ["text", "name", "What is the toy's name?"],
    ["end repeat", "", ""],
    ["end repeat", "", ""],
    ["end group", "", ""],
]


def central_form(path: Path, rows: list[list[str]], form_id: str) -> Path:
    """The XLSForm equivalent of a Central test's XForm (tests/corpus/odk-central-exports/)."""
    import openpyxl

    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    for row in rows:
        survey.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_id", "version"])
    settings.append([form_id, "version"])
    book.save(path)
    return path


def central_zip(path: Path, form: str) -> Path:
    """The zip Central gives: the export's CSV files as they are."""
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for member in sorted(CENTRAL.glob(f"{form}*.csv")):
            archive.write(member, member.name)
    return path


@pytest.fixture
def multirepeat(tmp_path):
    from pipeline.readers.import_xlsform import read_xlsform

    return read_xlsform(central_form(tmp_path / "multirepeat.xlsx", MULTIREPEAT, "multirepeat"))


def test_odk_centrals_zip_reads_into_parent_and_child_tables(multirepeat, tmp_path):
    from pipeline.readers.ingest import read_responses

    raw = read_responses(central_zip(tmp_path / "multirepeat.zip", "multirepeat"), multirepeat)
    assert raw.data["name"].tolist() == ["Alice", "Bob", "Chelsea"]
    assert raw.data[multirepeat.respondent_id].tolist() == ["one", "two", "three"]
    child = raw.tables["child"]
    assert child[["_parent_id", "_parent_index", "_index", "name", "age"]].values.tolist() == [
        ["two", "", "1", "Billy", "4"],
        ["two", "", "2", "Blaine", "6"],
        ["two", "", "3", "Baker", "7"],
        ["three", "", "1", "Candace", "2"],
    ]
    toy = raw.tables["toy"]
    assert toy[["_parent_id", "_parent_index", "_index"]].values.tolist() == [
        ["two", "1", "1"], ["two", "2", "1"], ["two", "2", "2"],
        ["three", "1", "1"], ["three", "1", "2"], ["three", "1", "3"],
    ]  # fmt: skip
    assert toy["name"].tolist()[:2] == ["R2-D2", "BB-8"]
    assert (raw.unmapped, raw.missing, raw.format) == ([], [], "odk csv")


def test_odk_centrals_csvs_side_by_side_read_the_same_as_the_zip(multirepeat, tmp_path):
    from pipeline.readers.ingest import read_responses

    zipped = read_responses(central_zip(tmp_path / "multirepeat.zip", "multirepeat"), multirepeat)
    unpacked = read_responses(CENTRAL / "multirepeat.csv", multirepeat)
    assert unpacked.data.equals(zipped.data)
    for repeat in ("child", "toy"):
        assert unpacked.tables[repeat].equals(zipped.tables[repeat])


def test_a_central_export_is_cleaned_with_its_nested_repeats(multirepeat, tmp_path):
    from pipeline.model.cleaning_rules import CleaningConfig
    from pipeline.readers.ingest import read_responses
    from pipeline.stages.clean_tables import clean_with_tables

    raw = read_responses(central_zip(tmp_path / "multirepeat.zip", "multirepeat"), multirepeat)
    result = clean_with_tables(raw, multirepeat, CleaningConfig(), b"k" * 32)
    counts = {t: (s["rows_in"], s["rows_kept"]) for t, s in result.summary["tables"].items()}
    assert counts == {"child": (4, 4), "toy": (6, 6)}
    ids = dict(zip(raw.data[multirepeat.respondent_id], result.data["respondent_id"], strict=True))
    assert result.tables["toy"].data["_parent_id"].tolist() == [ids["two"]] * 3 + [ids["three"]] * 3


def test_a_zip_without_the_submissions_csv_is_refused(multirepeat, tmp_path):
    import zipfile

    from pipeline.core.errors import InputError
    from pipeline.readers.ingest import read_responses

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for member in ("multirepeat-child.csv", "multirepeat-toy.csv"):
            archive.write(CENTRAL / member, member)
    with pytest.raises(InputError, match="cannot tell the submissions' CSV"):
        read_responses(path, multirepeat)


def test_instances_of_a_repeat_that_was_not_relevant_break_the_skip_logic(wave):
    """nested_repeats asks for kids only when has_kids = 1 (the repeat's relevant)."""
    def no_kids_in_first_household(rows):
        rows[1][rows[0].index("has_kids")] = "0"

    _edit_csv(wave / "raw" / "w1.csv", no_kids_in_first_household)
    frame = wave / "frame.yaml"
    frame.write_text(
        frame.read_text("utf-8") + "  - code: 0\n    label: {en: No kids, vi: Không}\n"
        "    population: 10\n",
        encoding="utf-8",
    )
    summary = clean_wave(wave)
    kids = summary["tables"]["kids_details"]
    # the default action empties the answers; the emptied instances are then empty rows
    assert kids["rules"]["skip_violation"] == 4  # 2 kids x (name, age)
    assert (kids["rows_kept"], kids["rows_quarantined"]) == (3, 2)
    log = pd.read_csv(wave / "processed" / "w1.kids_details.cleaning-log.csv")
    assert set(log.loc[log["rule"] == "skip_violation", "variable"]) == {"kids_name", "kids_age"}


def test_a_nested_repeat_without_its_enclosing_table_is_reported_as_orphans(wave):
    (wave / "raw" / "w1.kids_details.csv").unlink()
    summary = clean_wave(wave)
    shots = summary["tables"]["kids_immunization"]
    assert "kids_details" not in summary["tables"]
    assert (shots["rows_in"], shots["rows_kept"], shots["no_parent"]) == (11, 0, 11)


def test_odk_centrals_single_repeat_export_reads_with_its_keys(tmp_path):
    from pipeline.readers.import_xlsform import read_xlsform
    from pipeline.readers.ingest import read_responses

    single = [*MULTIREPEAT[:7], ["end repeat", "", ""], ["end group", "", ""]]  # no toys
    q = read_xlsform(central_form(tmp_path / "singlerepeat.xlsx", single, "singlerepeat"))
    assert q.tables() == ["child"]
    raw = read_responses(central_zip(tmp_path / "singlerepeat.zip", "singlerepeat"), q)
    assert raw.tables["child"][["_parent_id", "_index", "name", "age"]].values.tolist() == [
        ["two", "1", "Billy", "4"],
        ["two", "2", "Blaine", "6"],
        ["three", "1", "Candace", "2"],
    ]
