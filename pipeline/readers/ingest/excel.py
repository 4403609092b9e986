"""Excel workbooks (.xlsx with openpyxl, legacy .xls with xlrd): Kobo/ODK exports saved as
Excel and the project's data-entry template.

The data sheet is the only sheet, else a sheet named like data ("data", "dữ liệu",
"responses", "nhập liệu"), else the first sheet that is not instructions, codes or an
XLSForm sheet. Header = row 1. Cells become text as typed: integers without ".0", dates as
ISO (YYYY-MM-DD when there is no time of day).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pandas as pd

from pipeline.core.errors import InputError
from pipeline.core.spreadsheet_safety import check_xlsx_archive
from pipeline.readers.ingest.table import SourceTable, build_table, cell_text, check_unique_headers

DATA_SHEET_NAMES = ("data", "dữ liệu", "du lieu", "responses", "nhập liệu", "nhap lieu", "số liệu")
NON_DATA_SHEET_NAMES = (
    "instructions", "hướng dẫn", "huong dan", "codes", "mã", "ma", "codebook",
    "survey", "choices", "settings", "readme",
)  # fmt: skip


def read_excel_table(path: Path, fmt: str = "xlsx") -> SourceTable:
    """Read the data sheet of an .xlsx (``fmt`` 'xlsx') or .xls ('xls') workbook into a
    SourceTable of strings."""
    grid = _xls_grid(path) if fmt == "xls" else _xlsx_grid(path)
    return build_table(str(path), [[cell_text(v) for v in row] for row in grid])


def read_excel_frame(path: Path, fmt: str = "xlsx") -> pd.DataFrame:
    """The data sheet for analysis: header row 1, cells as Excel typed them (numbers as
    numbers), a column of numbers only numeric. Duplicate headers are refused."""
    grid = _xls_grid(path) if fmt == "xls" else _xlsx_grid(path)
    table = build_table(str(path), [[_value(v) for v in row] for row in grid])
    check_unique_headers(table.path, table.headers)
    frame = pd.DataFrame(table.rows, columns=table.headers, dtype=object)
    for name in frame.columns:
        numeric = pd.to_numeric(frame[name], errors="coerce")
        if numeric.notna().sum() == frame[name].notna().sum():
            frame[name] = numeric
    return frame


def _value(value: object) -> object:
    """A cell for analysis: numbers stay numbers, the rest as text (cell_text)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    return cell_text(value)


def _xls_grid(path: Path) -> list[list[object]]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path))
        sheet = book.sheet_by_name(choose_sheet(book.sheet_names(), str(path)))
        return [[_xls_cell(cell, book.datemode) for cell in sheet.row(i)]
                for i in range(sheet.nrows)]  # fmt: skip
    except InputError:
        raise
    except Exception as exc:  # xlrd raises its own and struct/zlib errors for a damaged file
        raise InputError(f"not a readable Excel .xls workbook ({exc})", file=str(path)) from None


def _xls_cell(cell, datemode: int) -> object:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(cell.value, datemode)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return None
    return cell.value


def _xlsx_grid(path: Path) -> list[list[object]]:
    check_xlsx_archive(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged archive raises zip, zlib and XML errors of all kinds
        raise InputError(f"not a readable Excel .xlsx workbook ({exc})", file=str(path)) from None
    try:
        sheet = workbook[choose_sheet(workbook.sheetnames, str(path))]
        grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    except InputError:
        raise
    except Exception as exc:  # read-only sheets inflate and parse lazily: zlib, CRC, XML errors
        raise InputError(
            f"not a readable Excel .xlsx workbook: a damaged sheet ({type(exc).__name__}: {exc})",
            file=str(path),
        ) from None
    finally:
        workbook.close()
    return grid


def choose_sheet(names: list[str], path: str) -> str:
    """The data sheet's name (see module doc)."""
    if len(names) == 1:
        return names[0]
    key = {name: unicodedata.normalize("NFC", name).strip().casefold() for name in names}
    for name in names:
        if key[name] in DATA_SHEET_NAMES:
            return name
    for name in names:
        if key[name] not in NON_DATA_SHEET_NAMES:
            return name
    raise InputError(
        f"no data sheet: the workbook's sheets are {', '.join(names)}; expected a sheet "
        "named 'data'",
        file=path,
    )
