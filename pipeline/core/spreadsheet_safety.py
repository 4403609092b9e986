"""Spreadsheets from and for people: formula injection out, zip bombs in.

Out: a CSV or workbook cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab, a
carriage return or a line feed, or with one of ``= + - @`` after leading whitespace, is run
as a formula by Excel and LibreOffice when a person opens the file (OWASP "CSV injection"):
``=HYPERLINK("http://x","y")`` typed into a free-text answer would become a link in the
analyst's spreadsheet. ``neutralise`` prefixes such text with a single quote, which
spreadsheets show as text. Genuine numbers ("-3", "-0.5", "+1") are left alone.

The rule is applied where cells are written, not by each caller: ``neutralise_workbook``
runs over every cell of a workbook (``pipeline.core.xlsx.save_workbook`` calls it on every
save) and ``write_csv_for_people`` writes every CSV a person opens. Only files a person
opens get this; .sav, .dta, parquet and the raw CSV the pipeline itself reads keep values
exactly.

In: an .xlsx is a zip archive, and a small one can declare a sheet of gigabytes.
``check_xlsx_archive`` refuses, from the sizes the archive declares and before anything is
inflated, an archive that would expand beyond sane limits (Python's zipfile never inflates a
member beyond its declared size, so the declared size is a bound).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook

from pipeline.core.errors import InputError

# A cell starting with one of these runs as a formula (or splits into a new one: tab, CR, LF).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# a decimal point or comma (Vietnamese writes "-2,5"), an exponent, a percent sign
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?")

# An .xlsx sheet of a large survey (10,000 rows x 300 columns) inflates to a few hundred MB.
MAX_XLSX_UNCOMPRESSED_BYTES = 1 << 30
# Spreadsheet XML compresses 5-50 times; a member that is both large and compressed far
# beyond that is a bomb, not a sheet.
MAX_XLSX_MEMBER_RATIO = 200
RATIO_CHECKED_ABOVE_BYTES = 20 << 20
MAX_XLSX_MEMBERS = 10_000


def is_number_text(text: str) -> bool:
    """True for a plain decimal number as text: "-3", "-0.5", "-2,5", "+1e3", "-4%" (no spaces
    around)."""
    return _NUMBER.fullmatch(text) is not None


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could run ``text``: it starts with = + - @ tab CR or LF, or
    with = + - @ after leading whitespace (" =1+1" is a formula to Excel), and it is not a
    plain number ("-3", " -0.5")."""
    if not text.startswith(FORMULA_TRIGGERS) and not text.lstrip().startswith(FORMULA_TRIGGERS):
        return False
    return not is_number_text(text.strip())


def neutralise(value: object) -> object:
    """The value made safe to open in a spreadsheet; anything but risky text is unchanged.

    Formula-like text (``is_formula_like``) gets a leading single quote; a plain number
    ("-3", "-0.5") stays as it is.
    """
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell and column name passed through ``neutralise``.

    Numeric columns (ints, floats, nullable Int64) are untouched; only object and string
    columns can hold text. Index labels are not changed.
    """
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            out[column] = series.map(neutralise, na_action="ignore").astype(series.dtype)
    out.columns = [neutralise(c) for c in out.columns]
    return out


def neutralise_workbook(workbook: Workbook) -> Workbook:
    """Make, in place, every formula-like text cell of every sheet of ``workbook`` plain text
    that a spreadsheet never evaluates; return it.

    In a workbook the cell's type and style carry that, not its content: the cell is stored
    as a string (openpyxl would store a string starting with "=" as a formula) with Excel's
    quote prefix, the mark a typed leading ' leaves. The text itself stays as written, so a
    program reading the workbook (pyxform reading an XLSForm) gets the label unchanged.
    Numbers, dates and booleans are untouched.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and is_formula_like(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    return workbook


def write_csv_for_people(frame: pd.DataFrame, target: Any = None, **options: Any) -> str | None:
    """``frame`` as UTF-8 CSV (no index) with every text cell and name neutralised.

    ``target``: a path or buffer, or None to get the text back (as pandas' ``to_csv``);
    ``options`` go to ``to_csv``. The one way the stages write a CSV a person opens.
    Lines end in CRLF (RFC 4180, as spreadsheets write CSV): Python's csv writer quotes a
    cell holding a character of the line ending only, so with LF endings a cell with a lone
    CR would be written bare and split its row in two when read back.
    """
    options.setdefault("index", False)
    options.setdefault("lineterminator", "\r\n")
    if target is not None:
        options.setdefault("encoding", "utf-8")
    return neutralise_frame(frame).to_csv(target, **options)


def check_xlsx_archive(path: str | Path) -> None:
    """Refuse an .xlsx that is not a zip archive or would inflate beyond the limits.

    Reads only the archive's central directory (declared sizes); nothing is decompressed.
    """
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except Exception as exc:  # zipfile raises BadZipFile, NotImplementedError, EOFError ...
        raise InputError(
            f"not a readable Excel .xlsx workbook: not a zip archive ({exc})", file=str(path)
        ) from None
    if len(members) > MAX_XLSX_MEMBERS:
        raise InputError(
            f"the workbook archive has {len(members):,} parts (limit {MAX_XLSX_MEMBERS:,}); "
            "refused",
            file=str(path),
        )
    total = sum(m.file_size for m in members)
    if total > MAX_XLSX_UNCOMPRESSED_BYTES:
        raise InputError(
            f"the workbook would inflate to {total:,} bytes (limit "
            f"{MAX_XLSX_UNCOMPRESSED_BYTES:,}); refused (a zip bomb?)",
            file=str(path),
        )
    for m in members:
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > RATIO_CHECKED_ABOVE_BYTES and ratio > MAX_XLSX_MEMBER_RATIO:
            raise InputError(
                f"the workbook part {m.filename} inflates {ratio:,.0f} times to "
                f"{m.file_size:,} bytes (limit {MAX_XLSX_MEMBER_RATIO} times); refused "
                "(a zip bomb?)",
                file=str(path),
            )
