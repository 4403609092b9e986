"""Third-party files (tests/corpus/, see each SOURCE.md) and R's apistrat in every format,
through every reading command: the same numbers whatever the format, and R's numbers."""

from __future__ import annotations

import codecs
import json
import subprocess
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest
import yaml

from pipeline.cli.app import run
from pipeline.readers.datafile import BY_EXTENSION

CORPUS = Path(__file__).parent / "corpus"
ORACLES = Path(__file__).parent / "oracles"
SAMPLE = CORPUS / "pyreadstat"

# pyreadstat's one dataset in every format it reads; SPSS portable and SAS transport files
# name the variables in capitals
SAMPLE_FILES = {
    "csv": ("mylabl", "myord"),
    "dta": ("mylabl", "myord"),
    "por": ("MYLABL", "MYORD"),
    "sas7bdat": ("mylabl", "myord"),
    "sav": ("mylabl", "myord"),
    "xpt": ("MYLABL", "MYORD"),
    "zsav": ("mylabl", "myord"),
}


def cli_json(argv: list[str], capsys) -> dict:
    code = run(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def cells(result: dict) -> list[tuple[str, str, int]]:
    return [(c["row_value"], c["col_value"], c["n"]) for c in result["cells"]]


@pytest.mark.parametrize("fmt", list(SAMPLE_FILES))
def test_pyreadstat_sample_cross_tab_is_the_same_from_every_format(fmt, capsys):
    row, col = SAMPLE_FILES[fmt]
    result = cli_json(["crosstab", str(SAMPLE / f"sample.{fmt}"), "--row", row, "--col", col,
                       "--json"], capsys)  # fmt: skip
    # mylabl (1 Male, 2 Female) by myord (1 low, 2 medium, 3 high), counted by hand from
    # pyreadstat's sample.csv
    assert cells(result) == [("1", "1", 2), ("1", "2", 0), ("1", "3", 1),
                             ("2", "1", 1), ("2", "2", 1), ("2", "3", 0)]  # fmt: skip
    if fmt in ("sav", "zsav", "dta", "por"):
        assert [x.casefold() for x in result["row_labels"]] == ["male", "female"]
        assert [x.casefold() for x in result["col_labels"]] == ["low", "medium", "high"]


@pytest.mark.parametrize("fmt", list(SAMPLE_FILES))
def test_pyreadstat_sample_compares_with_itself_and_with_the_csv(fmt, capsys):
    row, _ = SAMPLE_FILES[fmt]
    path = SAMPLE / f"sample.{fmt}"
    result = cli_json(["compare-waves", str(path), str(path), "--var", row, "--json"], capsys)
    assert [lev["diff"] for lev in result["levels"]] == [0, 0]
    assert run(["compare-entry", str(path), str(path), "--key", row.replace("LABL", "CHAR")
                .replace("labl", "char")]) == 0  # fmt: skip
    capsys.readouterr()


@pytest.fixture(scope="module")
def sample_questionnaire(tmp_path_factory) -> Path:
    """`survey import-sav` on pyreadstat's sample.sav, with a frame for its stratum mylabl."""
    folder = tmp_path_factory.mktemp("sample-q")
    out = folder / "sample.yaml"
    assert run(["import-sav", str(SAMPLE / "sample.sav"), "--out", str(out),
                "--stratum", "mylabl", "--lang", "en"]) == 0  # fmt: skip
    strata = [
        {"code": 1, "label": {"vi": "Nam", "en": "Male"}, "population": 30},
        {"code": 2, "label": {"vi": "Nữ", "en": "Female"}, "population": 20},
    ]
    frame = {"name": {"vi": "Khung mẫu", "en": "Frame"}, "strata": strata}
    (folder / "frame.yaml").write_text(yaml.safe_dump(frame, allow_unicode=True), "utf-8")
    data = yaml.safe_load(out.read_text("utf-8"))
    data["respondent_id"] = "mychar"
    out.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return out


@pytest.mark.parametrize("fmt", ["csv", "dta", "sas7bdat", "sav", "zsav"])
def test_ingest_reads_every_format_onto_the_imported_questionnaire(
    fmt, sample_questionnaire, tmp_path, capsys
):
    out = tmp_path / "raw.csv"
    code = run(["ingest", str(SAMPLE / f"sample.{fmt}"), "--questionnaire",
                str(sample_questionnaire), "--out", str(out)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    raw = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert raw["mychar"].tolist() == ["a", "b", "c", "d", "e"]
    assert raw["mylabl"].tolist() == ["1", "2", "1", "2", "1"]
    assert raw["myord"].tolist() == ["1", "2", "3", "1", "1"]


def test_crosstab_shows_questionnaire_labels_in_the_chosen_language(
    sample_questionnaire, capsys
):
    argv = ["crosstab", str(SAMPLE / "sample.csv"), "--row", "mylabl", "--col", "myord",
            "--questionnaire", str(sample_questionnaire)]  # fmt: skip
    result = cli_json([*argv, "--lang", "en", "--json"], capsys)
    assert result["row_labels"] == ["Male", "Female"]
    assert run([*argv, "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "1 Male" in printed and "3 high (C)" in printed


def test_crosstab_shows_vietnamese_labels_from_the_questionnaire(tmp_path, capsys):
    mini = Path(__file__).parent / "fixtures" / "mini.yaml"
    data = tmp_path / "d.csv"
    data.write_text("category,sex\n1,1\n1,2\n2,2\n2,1\n", "utf-8")
    argv = ["crosstab", str(data), "--row", "sex", "--col", "category", "--questionnaire",
            str(mini)]  # fmt: skip
    assert cli_json([*argv, "--json"], capsys)["row_labels"] == ["Nam", "Nữ"]
    assert cli_json([*argv, "--json", "--lang", "en"], capsys)["row_labels"] == ["Male", "Female"]


# ---- haven's and readxl's files ----------------------------------------------------------


def test_haven_iris_reads_alike_from_stata_spss_and_sas(capsys):
    counts = []
    # Stata names are lower case
    for name, species, width in (("iris.dta", "species", "petalwidth"),
                                 ("iris.sav", "Species", "Petal.Width"),
                                 ("iris.sas7bdat", "Species", "Petal_Width")):  # fmt: skip
        path = CORPUS / "haven" / name
        result = cli_json(["crosstab", str(path), "--row", species, "--col", width,
                           "--json"], capsys)  # fmt: skip
        per_species: dict[str, int] = {}
        for value, _, n in cells(result):
            per_species[value] = per_species.get(value, 0) + n
        counts.append(sorted(per_species.values()))
    assert counts == [[50, 50, 50]] * 3


def test_haven_tagged_missing_values_reach_ingestion_distinct(tmp_path, capsys):
    for name in ("tagged-na-int.dta", "tagged-na-double.dta", "tagged-na.sas7bdat"):
        a = CORPUS / "haven" / name
        assert run(["compare-entry", str(a), str(a), "--key", "x"]) == 0
        capsys.readouterr()


def test_haven_dates_beyond_year_9999_do_not_stop_the_reading(capsys):
    path = CORPUS / "haven" / "datetime.sav"
    assert run(["compare-entry", str(path), str(path), "--key", "time"]) == 0
    capsys.readouterr()


def test_readxl_legacy_xls_and_xlsx_give_the_same_cross_tab(capsys):
    results = [
        cells(cli_json(["crosstab", str(CORPUS / "readxl" / name), "--row", "cyl", "--col",
                        "gear", "--json"], capsys))  # fmt: skip
        for name in ("datasets.xls", "datasets.xlsx")
    ]
    assert results[0] == results[1]
    assert sum(n for _, _, n in results[0]) == 32  # mtcars has 32 cars


# ---- R's apistrat in every format: R's Rao-Scott F from each -----------------------------


def apistrat_files(folder: Path) -> dict[str, Path]:
    """apistrat (R's survey package) written in every format the reader takes."""
    df = pd.read_csv(ORACLES / "apistrat.csv").rename(columns=lambda c: c.replace(".", "_"))
    df = df[["stype", "sch_wide", "pw", "fpc", "cds"]]
    text = df.to_csv(index=False)
    files = {
        "csv": ("csv", text.encode("utf-8")),
        "semicolon cp1252": ("csv", df.to_csv(index=False, sep=";").encode("cp1252")),
        "tsv": ("tsv", df.to_csv(index=False, sep="\t").encode("utf-8")),
        "utf-16": ("csv", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
    }
    paths = {}
    for name, (suffix, data) in files.items():
        paths[name] = folder / f"{name.replace(' ', '-')}.{suffix}"
        paths[name].write_bytes(data)
    paths["parquet"] = folder / "api.parquet"
    df.to_parquet(paths["parquet"])
    paths["xlsx"] = folder / "api.xlsx"
    df.to_excel(paths["xlsx"], index=False)
    for fmt, write in (("sav", pyreadstat.write_sav), ("dta", pyreadstat.write_dta),
                       ("por", pyreadstat.write_por), ("xpt", pyreadstat.write_xport)):  # fmt: skip
        paths[fmt] = folder / f"api.{fmt}"
        write(df, paths[fmt])
    paths["zsav"] = folder / "api.zsav"
    pyreadstat.write_sav(df, paths["zsav"], compress=True)
    return paths


@pytest.fixture(scope="module")
def api_files(tmp_path_factory) -> dict[str, Path]:
    return apistrat_files(tmp_path_factory.mktemp("api"))


R_FORMATS = ["csv", "semicolon cp1252", "tsv", "utf-16", "parquet", "xlsx", "sav", "zsav",
             "dta", "por", "xpt"]  # fmt: skip


@pytest.mark.parametrize("fmt", R_FORMATS)
def test_apistrat_rao_scott_matches_r_from_every_format(fmt, api_files, capsys):
    oracle = json.loads((ORACLES / "apistrat_oracles.json").read_text())["svychisq_sch_wide_stype"]
    names = ("STYPE", "SCH_WIDE", "PW", "FPC") if fmt == "por" else (
        "stype", "sch_wide", "pw", "fpc")  # fmt: skip
    stype, sch_wide, pw, fpc = names
    extra = ["--encoding", "cp1252"] if fmt == "semicolon cp1252" else []
    result = cli_json(["crosstab", str(api_files[fmt]), "--row", sch_wide, "--col", stype,
                       "--strata", stype, "--weight", pw, "--fpc", fpc, "--json", *extra],
                      capsys)  # fmt: skip
    assert result["n"] == 200
    rao_scott = result["tests"]["rao_scott"]
    assert rao_scott["F"] == pytest.approx(oracle["F"]["statistic"], rel=1e-6)
    assert rao_scott["p"] == pytest.approx(oracle["F"]["p"], rel=1e-6)


def test_crosstab_refuses_a_language_it_has_no_labels_in(tmp_path, capsys):
    mini = Path(__file__).parent / "fixtures" / "mini.yaml"
    data = tmp_path / "d.csv"
    data.write_text("category,sex\n1,1\n2,2\n", "utf-8")
    argv = ["crosstab", str(data), "--row", "sex", "--col", "category", "--questionnaire",
            str(mini), "--lang", "fr"]  # fmt: skip
    assert run(argv) == 2
    assert "unknown language 'fr'" in capsys.readouterr().err


def test_files_r_writes_give_r_own_rao_scott_live(tmp_path, capsys):
    """R writes apistrat as Stata (labelled factors), CSV and TSV, and computes svychisq."""
    script = ORACLES / "readers" / "apistrat_files.R"
    done = subprocess.run(["Rscript", str(script), str(tmp_path)], capture_output=True,
                          text=True, check=True)  # fmt: skip
    r_f, r_p = map(float, done.stdout.split())
    for name in ("apistrat_r.dta", "apistrat_r.csv", "apistrat_r.tsv"):
        result = cli_json(["crosstab", str(tmp_path / name), "--row", "sch_wide", "--col",
                           "stype", "--strata", "stype", "--weight", "pw", "--fpc", "fpc",
                           "--json"], capsys)  # fmt: skip
        assert result["tests"]["rao_scott"]["F"] == pytest.approx(r_f, rel=1e-8)
        assert result["tests"]["rao_scott"]["p"] == pytest.approx(r_p, rel=1e-6)
        if name.endswith(".dta"):  # R's factors arrive as Stata value labels
            assert result["row_labels"] == ["No", "Yes"]
            assert result["col_labels"] == ["E", "H", "M"]


# every data file of the statistical-package and R corpora (the XLSForms and the Kobo exports
# have tests of their own; scripts that came with a file, such as a .do file, are not data)
DATA_CORPORA = ("haven", "pyreadstat", "readstata13", "readxl", "r-survey")
CORPUS_FILES = sorted(
    p
    for folder in DATA_CORPORA
    for p in (CORPUS / folder).rglob("*")
    if p.is_file() and p.suffix.lower() in BY_EXTENSION
)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_every_corpus_file_is_read_whole_for_analysis_and_for_ingestion(path):
    from pipeline.readers.datafile import read_file, read_source_table

    data = read_file(path)
    table, _ = read_source_table(path)
    assert len(table.rows) == len(data.frame) == len(data.row_numbers)
    assert len(table.headers) == data.frame.shape[1]
    if path.suffix in (".sav", ".zsav", ".por", ".dta", ".sas7bdat", ".xpt", ".xpt8"):
        reader = {".sav": pyreadstat.read_sav, ".zsav": pyreadstat.read_sav,
                  ".por": pyreadstat.read_por, ".dta": pyreadstat.read_dta,
                  ".sas7bdat": pyreadstat.read_sas7bdat}.get(path.suffix, pyreadstat.read_xport)
        _, meta = reader(str(path), metadataonly=True)
        cases = meta.number_rows  # .por and .xpt do not record it: count pyreadstat's reading
        if cases is None:
            cases = len(reader(str(path))[0])
        assert len(table.rows) == cases  # every case the file holds
