"""The one reader on crafted files: every data line is a row read or the file is refused naming
the row, whatever the encoding, delimiter or damage; statistical files keep their missing
values and metadata."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.readers.datafile import read_file, read_source_table
from pipeline.readers.ingest import encode_cp1258


def csv_text(rows: list[list[str]], delimiter: str = ",", newline: str = "\n") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


HEADER = ["respondent_id", "stratum", "q1", "phone"]


def survey_rows(n: int) -> list[list[str]]:
    """``n`` respondents: ids R001..., strata 1-2, q1 1-3, phone numbers."""
    return [[f"R{i:03d}", str(1 + i % 2), str(1 + i % 3), f"090{i:07d}"] for i in range(1, n + 1)]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path) -> InputError:
    with pytest.raises(InputError) as err:
        read_source_table(path)
    return err.value


# ---- row accounting ----------------------------------------------------------------------


def test_a_stray_quote_in_a_201_row_file_is_refused_naming_the_row_where_it_opens(tmp_path):
    rows = survey_rows(201)
    lines = csv_text([HEADER, *rows]).splitlines()
    fields = lines[101].split(",")
    lines[101] = ",".join([*fields[:2], '"' + fields[2], fields[3]])  # row 102: a quote opens
    fields = lines[130].split(",")
    lines[130] = ",".join([*fields[:2], fields[2] + '"', fields[3]])  # ... 29 lines further down
    path = write(tmp_path, "stray.csv", ("\n".join(lines) + "\n").encode())
    err = refusal(path)
    assert err.row == 102
    assert "swallows" in err.message
    code = run(["crosstab", str(path), "--row", "q1", "--col", "stratum"])
    assert code == 2


def test_a_stray_quote_in_a_column_not_tabulated_still_refuses_the_cross_tab(tmp_path, capsys):
    rows = survey_rows(60)
    lines = csv_text([HEADER, *rows]).splitlines()
    lines[10] = lines[10][: lines[10].rindex(",") + 1] + '"0901'  # phone opens a quote
    lines[30] = lines[30] + '"'
    path = write(tmp_path, "stray.csv", ("\n".join(lines) + "\n").encode())
    code = run(["crosstab", str(path), "--row", "q1", "--col", "stratum"])
    assert code == 2
    assert "row 11" in capsys.readouterr().err


def test_legal_quoted_cells_spanning_lines_and_holding_delimiters_are_one_row_each(tmp_path):
    rows = survey_rows(5)
    rows[1][3] = "line one, with a comma\nline two"
    rows[3][3] = 'a "quoted" word, and a comma'
    path = write(tmp_path, "legal.csv", csv_text([HEADER, *rows]).encode())
    table, _ = read_source_table(path)
    assert [r[0] for r in table.rows] == [r[0] for r in rows]
    assert table.rows[1][3] == "line one, with a comma\nline two"
    assert table.row_numbers == [2, 3, 4, 5, 6]
    assert len(read_file(path).frame) == 5


def test_every_line_is_a_row_blank_short_and_padded_rows_included(tmp_path):
    text = "a,b,c\n1,2,3\n\n4,5\n6,7,8,,\n,,\n9,10,11\n\n\n"
    table, _ = read_source_table(write(tmp_path, "ragged.csv", text.encode()))
    assert table.rows == [
        ["1", "2", "3"],
        [None, None, None],  # the empty line: a blank row (cleaning decides)
        ["4", "5", None],  # short: padded as spreadsheets drop trailing empty cells
        ["6", "7", "8"],  # trailing empty cells beyond the header carry nothing
        [None, None, None],
        ["9", "10", "11"],
    ]  # the two empty lines at the end are no rows
    assert table.row_numbers == [2, 3, 4, 5, 6, 7]


def test_a_short_row_whose_quoted_cell_holds_delimiters_is_refused(tmp_path):
    text = 'a,b,c,d\n1,2,3,4\n5,"6,7,8"\n9,10,11,12\n'
    err = refusal(write(tmp_path, "eaten.csv", text.encode()))
    assert err.row == 3
    assert "stray quote" in err.message


def test_a_quote_left_open_at_the_end_is_refused_naming_its_row(tmp_path):
    text = 'a,b\n1,2\n3,"unfinished\n'
    assert refusal(write(tmp_path, "open.csv", text.encode())).row == 3


def test_a_wide_row_with_values_beyond_the_header_is_refused(tmp_path):
    err = refusal(write(tmp_path, "wide.csv", b"a,b\n1,2\n3,4,5\n"))
    assert err.row == 3
    assert "extra value '5'" in err.message


def test_a_nul_byte_is_named_by_row_and_byte_offset(tmp_path):
    data = b"a,b\n1,2\n3,4\n5,\x006\n"
    err = refusal(write(tmp_path, "nul.csv", data))
    assert err.row == 4
    offset = data.index(0)
    assert f"byte offset {offset}" in err.message
    assert "header row only" not in err.message


def test_a_repeated_header_below_the_data_is_refused(tmp_path):
    text = csv_text([HEADER, *survey_rows(3), HEADER, *survey_rows(2)])
    assert refusal(write(tmp_path, "pasted.csv", text.encode())).row == 5


def test_a_line_beyond_the_size_limit_is_refused(tmp_path, monkeypatch):
    from pipeline.readers import csvfile

    monkeypatch.setattr(csvfile, "MAX_LINE_BYTES", 1_000)
    text = "a,b\n1,2\n3," + "x" * 2_000 + "\n"
    err = refusal(write(tmp_path, "long.csv", text.encode()))
    assert err.row == 3


def test_mixed_encodings_are_refused_with_the_offset_of_the_first_bad_byte(tmp_path):
    utf8 = "a,b\n1,Đảng\n".encode()
    latin = "2,Grüße\n".encode("latin-1")
    err = refusal(write(tmp_path, "mixed.csv", utf8 + latin))
    assert f"byte offset {len(utf8) + 4}" in err.message


def test_a_thousand_columns_and_long_strings_are_read(tmp_path):
    header = [f"v{j}" for j in range(1_200)]
    rows = [[str(i * j % 7) for j in range(1_200)] for i in range(3)]
    rows[2][5] = "y" * 100_000
    path = write(tmp_path, "wide.csv", csv_text([header, *rows]).encode())
    frame = read_file(path).frame
    assert frame.shape == (3, 1_200)
    assert frame.loc[2, "v5"] == "y" * 100_000


# ---- encodings and delimiters, through every reading command -----------------------------

ROWS = survey_rows(12)
VIET = [[*r[:3], "Nguyễn Thị Đào"] for r in ROWS]
WEST = [[*r[:3], "Grüße, ça va"] for r in ROWS]

ENCODED = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16 (Excel's Unicode text)": lambda t: t.encode("utf-16"),
    "utf-16-be with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32 with BOM": lambda t: t.encode("utf-32"),
}


@pytest.mark.parametrize("encoding", list(ENCODED))
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_encodings_with_a_byte_order_mark_and_any_delimiter_are_detected(
    tmp_path, encoding, delimiter
):
    text = csv_text([HEADER, *VIET], delimiter=delimiter, newline="\r\n")
    path = write(tmp_path, "enc.csv", ENCODED[encoding](text))
    table, _ = read_source_table(path)
    assert table.headers == HEADER
    assert [r[3] for r in table.rows] == ["Nguyễn Thị Đào"] * 12
    assert list(read_file(path).frame["q1"]) == [int(r[2]) for r in ROWS]


def crosstab_counts(argv: list[str], capsys) -> list[tuple[str, str, int]]:
    """The cells of `survey crosstab --json`: (row value, column value, n)."""
    assert run(argv) == 0
    cells = json.loads(capsys.readouterr().out)["cells"]
    return [(c["row_value"], c["col_value"], c["n"]) for c in cells]


def test_legacy_code_pages_read_alike_through_every_reading_command(tmp_path, capsys):
    reference = write(tmp_path, "utf8.csv", csv_text([HEADER, *VIET]).encode())
    cp1258 = write(tmp_path, "vn.csv", encode_cp1258(csv_text([HEADER, *VIET])))
    semicolons = csv_text([HEADER, *WEST], delimiter=";")
    cp1252 = write(tmp_path, "west.csv", semicolons.encode("cp1252"))
    tabs = csv_text([HEADER, *WEST], delimiter="\t")
    latin1 = write(tmp_path, "latin.tsv", tabs.encode("latin-1"))
    tab = ["--row", "q1", "--col", "stratum", "--json"]
    expected = crosstab_counts(["crosstab", str(reference), *tab], capsys)
    assert crosstab_counts(["crosstab", str(cp1258), *tab], capsys) == expected
    for path, enc in ((cp1252, "cp1252"), (latin1, "latin-1")):
        assert crosstab_counts(["crosstab", str(path), *tab, "--encoding", enc], capsys) == expected
        assert run(["compare-waves", str(reference), str(path), "--var", "q1", "--json",
                    "--encoding", enc]) == 2  # fmt: skip  (one encoding for both: utf-8 refused)
        capsys.readouterr()
        assert run(["compare-waves", str(path), str(path), "--var", "q1", "--json",
                    "--encoding", enc]) == 0  # fmt: skip
        levels = json.loads(capsys.readouterr().out)["levels"]
        assert [lev["diff"] for lev in levels] == [0, 0, 0]
        assert run(["compare-entry", str(path), str(path), "--key", "respondent_id",
                    "--encoding", enc]) == 0  # fmt: skip
        capsys.readouterr()
    table, _ = read_source_table(cp1252, encoding="cp1252")
    assert table.rows[0][3] == "Grüße, ça va"


def test_an_unknown_encoding_is_one_clear_error(tmp_path, capsys):
    path = write(tmp_path, "x.csv", csv_text([HEADER, *ROWS]).encode())
    code = run(["crosstab", str(path), "--row", "q1", "--col", "stratum", "--encoding", "nope"])
    assert code == 2
    assert "unknown encoding 'nope'" in capsys.readouterr().err


# ---- statistical files -------------------------------------------------------------------


def test_stata_tagged_missing_values_stay_apart_and_no_row_is_dropped(tmp_path):
    """haven's tagged-na file: .a, .h, .z distinct from each other and from the codes."""
    path = Path(__file__).parent / "corpus" / "haven" / "tagged-na-int.dta"
    table, _ = read_source_table(path)
    assert [r[0] for r in table.rows] == ["1", "2", "3", "4", "5", ".a", ".h", ".z"]
    data = read_file(path)
    assert len(data.frame) == 8
    assert data.frame["x"].isna().sum() == 3  # missing in analysis ...
    assert data.meta.missing_values["x"] == ["a", "h", "z"]  # ... and listed
    assert data.meta.value_labels["x"]["a"] == "apple"


def test_spss_user_missing_codes_are_kept_as_codes_for_ingestion_and_missing_for_analysis(
    tmp_path,
):
    frame = pd.DataFrame({"q": [1.0, 2.0, 9.0, 8.0, 1.0]})
    path = tmp_path / "um.sav"
    labels = {"q": {1: "yes", 2: "no", 9: "refused"}}
    pyreadstat.write_sav(frame, path, missing_ranges={"q": [8, 9]}, variable_value_labels=labels)
    table, _ = read_source_table(path)
    assert [r[0] for r in table.rows] == ["1", "2", "9", "8", "1"]
    data = read_file(path)
    assert data.frame["q"].tolist()[:2] == [1.0, 2.0]
    assert data.frame["q"].isna().tolist() == [False, False, True, True, False]
    assert data.meta.value_labels["q"][9.0] == "refused"


def test_empty_date_cells_and_cases_with_nothing_but_missing_values_are_rows(tmp_path):
    frame = pd.DataFrame({
        "when": [dt.datetime(2021, 3, 4, 10, 30), pd.NaT, pd.NaT],
        "day": [dt.date(2021, 3, 4), None, None],
        "q": [1.0, 2.0, np.nan],
    })  # fmt: skip
    for suffix, write_file in ((".sav", pyreadstat.write_sav), (".dta", pyreadstat.write_dta)):
        path = tmp_path / f"dates{suffix}"
        write_file(frame, path)
        table, _ = read_source_table(path)
        assert table.rows == [["2021-03-04T10:30:00", "2021-03-04", "1"],
                              [None, None, "2"], [None, None, None]]  # fmt: skip
        assert table.row_numbers == [2, 3, 4]


@pytest.mark.parametrize("version", [8, 10, 11, 12, 13, 14, 15])
def test_every_stata_version_pyreadstat_writes_is_read(tmp_path, version):
    frame = pd.DataFrame({"stratum": [1, 2, 2], "q1": [1, 3, 2]})
    path = tmp_path / f"v{version}.dta"
    pyreadstat.write_dta(frame, path, version=version)
    assert read_file(path).frame["q1"].tolist() == [1, 3, 2]
