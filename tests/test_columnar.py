"""The pandas-free path of `survey crosstab`: the one reader's ``columnar=True`` gives the same
values as its DataFrame, on every file of the third-party corpus and on crafted ones; a
survey built on those arrays gives the same table; and a cross-tab from CSV, parquet and
.sav imports neither pandas nor scipy (their imports cost more than the table)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from pipeline.cli.app import run
from pipeline.core.columnar import Columns, factorize_sorted, is_missing
from pipeline.readers.datafile import read_file
from pipeline.statistics.crosstab import crosstab
from pipeline.statistics.survey import survey_for

CORPUS = Path(__file__).parent / "corpus"
DATA_FILES = sorted(
    p for p in CORPUS.rglob("*")
    if p.suffix.lower() in (".csv", ".sav", ".zsav", ".por", ".dta", ".sas7bdat", ".xpt", ".xpt8")
)  # fmt: skip


def same_values(arrays: np.ndarray, series: pd.Series) -> bool:
    """Equal missing positions and equal values elsewhere (pandas' str dtype marks missing
    text as NaN where the arrays hold None)."""
    missing = is_missing(arrays)
    if not np.array_equal(missing, series.isna().to_numpy()):
        return False
    if series.dtype.kind in "biuf" and arrays.dtype.kind != series.dtype.kind:
        return False  # 1 and 1.0 print differently as codes
    present = series.to_numpy(dtype=object)[~missing]
    return bool(np.all(arrays[~missing].astype(object) == present))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_columnar_reading_holds_the_values_of_the_frame(path):
    frame = read_file(path, format="xpt" if path.suffix == ".xpt8" else None).frame
    columnar = read_file(path, format="xpt" if path.suffix == ".xpt8" else None,
                         columnar=True).frame  # fmt: skip
    if isinstance(columnar, pd.DataFrame):  # dates, tagged missing values: the frame itself
        pd.testing.assert_frame_equal(columnar, frame)
        return
    assert columnar.columns == [str(c) for c in frame.columns]
    assert len(columnar) == len(frame)
    for name in columnar.columns:
        assert same_values(columnar[name], frame[name]), name


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_numbers_and_text_are_read_without_pandas(path):
    """Not a fallback for everything: numbers and text (what a cross-tab reads) go the numpy
    way; only dates and the like, and Stata/SAS tagged missing values, go through pandas."""
    fmt = "xpt" if path.suffix == ".xpt8" else None
    data = read_file(path, format=fmt)
    frame = data.frame
    plain = [str(c) for c in frame.columns
             if frame[c].dtype.kind in "biuf" or pd.api.types.is_string_dtype(frame[c])]
    tagged = data.meta.format in ("dta", "sas7bdat") and any(
        c in data.meta.missing_values for c in plain
    )
    columnar = read_file(path, format=fmt, columns=plain, columnar=True).frame
    assert isinstance(columnar, Columns) == (not tagged)


def test_user_missing_codes_of_a_sav_are_missing_in_the_arrays_too(tmp_path):
    path = tmp_path / "m.sav"
    frame = pd.DataFrame({"q1": [1.0, 2.0, 9.0, 98.0, np.nan], "name": ["a", "b", "", "d", "e"]})
    pyreadstat.write_sav(frame, path, missing_ranges={"q1": [9.0, {"lo": 97.0, "hi": 99.0}]})
    columnar = read_file(path, columnar=True).frame
    assert isinstance(columnar, Columns)
    np.testing.assert_array_equal(columnar["q1"], [1.0, 2.0, np.nan, np.nan, np.nan])
    assert same_values(columnar["q1"], read_file(path).frame["q1"])


def test_a_csv_with_text_gaps_and_integer_gaps_reads_the_same(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,region,q1,w\nA,Bắc,1,1.5\nB,,2,\nC,Nam,,2.5\nD,Bắc,3,1\n", encoding="utf-8")
    columnar, frame = read_file(path, columnar=True).frame, read_file(path).frame
    assert isinstance(columnar, Columns)
    for name in frame.columns:
        assert same_values(columnar[name], frame[name]), name
    assert columnar["q1"].dtype == np.float64  # integers with a gap: float with NaN, as pandas


def test_codes_are_those_of_pandas_factorize():
    for values in (np.array([3, 1, 2, 3]), np.array([2.5, np.nan, 1.0]),
                   np.array(["b", None, "a", "b"], dtype=object)):  # fmt: skip
        codes, uniques = factorize_sorted(values)
        expected_codes, expected = pd.factorize(pd.Series(values), sort=True)
        assert codes.tolist() == expected_codes.tolist()
        assert uniques == expected.tolist()


def test_a_survey_on_arrays_gives_the_table_of_a_survey_on_a_frame():
    rng = np.random.default_rng(3)
    n = 400
    frame = pd.DataFrame({
        "stratum": rng.choice(["Bắc", "Trung", "Nam"], n),
        "q1": rng.integers(1, 4, n).astype(float),
        "q2": rng.choice(["có", "không", None], n),
    })  # fmt: skip
    frame.loc[::17, "q1"] = np.nan
    frame["N_h"] = frame["stratum"].map({"Bắc": 5000, "Trung": 3000, "Nam": 4000})
    arrays = Columns({c: frame[c].to_numpy(dtype=object if c in ("stratum", "q2") else None)
                      for c in frame.columns})  # fmt: skip
    tables = [crosstab(survey_for(data, strata="stratum", fpc="N_h"), "q1", "q2")
              for data in (frame, arrays)]  # fmt: skip
    a, b = tables
    assert a.row_levels == b.row_levels and a.col_levels == b.col_levels
    np.testing.assert_array_equal(a.n, b.n)
    np.testing.assert_allclose(a.col_prop_ci, b.col_prop_ci, rtol=1e-13)
    assert a.rao_scott == b.rao_scott and a.letters == b.letters


PROBE = """
import json, sys
from pipeline.cli.app import run
code = run(sys.argv[1:])
print(json.dumps([code, sorted({m.split(".")[0] for m in sys.modules} & {"pandas", "scipy"})]))
"""


def write_survey(tmp_path: Path, kind: str) -> Path:
    """A 3 × 3 table (a 2 × 2 one would import scipy for Fisher's test), stratified with FPC;
    the .sav with value labels, which the table shows."""
    rng = np.random.default_rng(5)
    n = 300
    stratum = rng.integers(1, 4, n)
    frame = pd.DataFrame({
        "id": [f"R{i:04d}" for i in range(n)], "stratum": stratum,
        "N_h": np.array([900, 1200, 1500])[stratum - 1],
        "q1": rng.integers(1, 4, n), "q2": rng.integers(1, 4, n),
    })  # fmt: skip
    path = tmp_path / f"survey.{kind}".replace(".compressed-sav", "-compressed.sav")
    if kind == "csv":
        frame.to_csv(path, index=False)
    elif kind == "parquet":
        frame.to_parquet(path)
    else:
        labels = {"q1": {1.0: "Nam", 2.0: "Nữ", 3.0: "Khác"}}
        pyreadstat.write_sav(frame, path, variable_value_labels=labels,
                             row_compress=kind == "compressed-sav")  # fmt: skip
    return path


@pytest.mark.parametrize("kind", ["csv", "parquet", "sav", "compressed-sav"])
def test_a_crosstab_imports_neither_pandas_nor_scipy(tmp_path, kind):
    path = write_survey(tmp_path, kind)
    argv = ["crosstab", str(path), "--row", "q1", "--col", "q2", "--strata", "stratum",
            "--fpc", "N_h"]  # fmt: skip
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True,
                          check=True)  # fmt: skip
    code, heavy = json.loads(done.stdout.strip().splitlines()[-1])
    assert (code, heavy) == (0, [])
    assert "Rao-Scott F" in done.stdout
    if kind.endswith("sav"):
        assert "1 Nam" in done.stdout  # the value labels beside the codes


def test_the_crosstab_is_the_same_from_csv_parquet_and_sav(tmp_path, capsys):
    tables = []
    for kind in ("csv", "parquet", "sav", "compressed-sav"):
        path = write_survey(tmp_path, kind)
        argv = ["crosstab", str(path), "--row", "q1", "--col", "q2", "--strata", "stratum",
                "--fpc", "N_h", "--json"]  # fmt: skip
        assert run(argv) == 0
        out = json.loads(capsys.readouterr().out)
        out.pop("row_labels")
        out.pop("col_labels")
        tables.append(out)
    assert tables[0] == tables[1] == tables[2] == tables[3]
