"""Properties of the writers people open and of the name rule, on generated text (hypothesis).

- any text written through save_workbook or write_csv_for_people reads back either as it was
  or behind one leading quote, and never as a formula or a cell that begins with a trigger
  (checked with the independent rule of test_cells_people_open);
- a name the rule accepts is joined inside the output folder; a name with a separator is not;
- random 32-byte keys always pass the key strength check.
"""

from __future__ import annotations

import csv
import io
import secrets
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core.errors import InputError
from pipeline.core.paths import name_problem, output_file
from pipeline.core.spreadsheet_safety import write_csv_for_people
from pipeline.core.xlsx import save_workbook
from pipeline.stages.pseudonymise import check_key_strength

from .test_cells_people_open import risky

SETTINGS = settings(max_examples=50, deadline=None, database=None)
# Text as people type it, with the characters of formula attacks made frequent; XML cannot
# hold the other control characters, so an .xlsx never carries them.
TRIGGERS = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", " ", "\u00a0", "'", "1", "."])
text = st.lists(
    st.one_of(TRIGGERS, st.characters(blacklist_categories=("Cs", "Cc"))), max_size=12
).map("".join)


def xml_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def as_written(original: str, read: str) -> bool:
    return read in (original, "'" + original)


@SETTINGS
@given(st.lists(text, min_size=1, max_size=10))
def test_no_workbook_cell_reads_back_as_a_formula(texts):
    workbook = openpyxl.Workbook()
    for t in texts:
        workbook.active.append([t])
    with tempfile.TemporaryDirectory() as folder:
        path = save_workbook(workbook, Path(folder) / "w.xlsx")
        cells = [row[0] for row in openpyxl.load_workbook(path).active.iter_rows()]
    for original, cell in zip(texts, cells, strict=True):
        read = cell.value if cell.value is not None else ""  # "" is written as no cell
        assert cell.data_type != "f"
        # formula-like text stays as written, marked as text by Excel's quote prefix
        assert not risky(read) or (cell.data_type == "s" and cell.quotePrefix), read
        # XML reads CR LF and a lone CR back as LF
        assert xml_line_ends(read) == xml_line_ends(original)


@SETTINGS
@given(st.lists(text, min_size=1, max_size=20), st.lists(st.integers(-10**6, 10**6), max_size=5))
def test_no_csv_cell_reads_back_as_a_formula_and_numbers_stay_numbers(texts, numbers):
    frame = pd.DataFrame({"text": texts})
    frame_numbers = pd.DataFrame({"n": pd.array(numbers, dtype="Int64")})
    rows = list(csv.reader(io.StringIO(write_csv_for_people(frame), newline="")))[1:]
    assert all(as_written(o, r[0]) and not risky(r[0]) for o, r in zip(texts, rows, strict=True))
    number_rows = list(csv.reader(io.StringIO(write_csv_for_people(frame_numbers))))[1:]
    assert [int(r[0]) for r in number_rows] == numbers


@SETTINGS
@given(text)
def test_an_accepted_name_stays_inside_the_folder(name):
    with tempfile.TemporaryDirectory() as folder:
        if name_problem(name) is None:
            assert output_file(folder, name).resolve().parent == Path(folder).resolve()
        else:
            with pytest.raises(InputError):
                output_file(folder, name)


@SETTINGS
@given(text, text)
def test_a_name_with_a_separator_is_refused(before, after):
    for separator in ("/", "\\"):
        assert name_problem(before + separator + after) is not None


def test_random_keys_are_strong_enough():
    for _ in range(2000):
        check_key_strength(secrets.token_bytes(32), "random")
