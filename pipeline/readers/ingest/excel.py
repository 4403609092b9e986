"""Excel .xlsx workbooks: Kobo/ODK exports saved as Excel and the project's data-entry template.

The data sheet is the only sheet, else a sheet named like data ("data", "dữ liệu",
"responses", "nhập liệu"), else the first sheet that is not instructions, codes or an
XLSForm sheet. Header = row 1. Cells become text as typed: integers without ".0", dates as
ISO (YYYY-MM-DD when there is no time of day).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl

from pipeline.core.errors import InputError
from pipeline.core.spreadsheet_safety import check_xlsx_archive
from pipeline.readers.ingest.table import SourceTable, build_table, cell_text

DATA_SHEET_NAMES = ("data", "dữ liệu", "du lieu", "responses", "nhập liệu", "nhap lieu", "số liệu")
NON_DATA_SHEET_NAMES = (
    "instructions", "hướng dẫn", "huong dan", "codes", "mã", "ma", "codebook",
    "survey", "choices", "settings", "readme",
)  # fmt: skip


def read_excel_table(path: Path) -> SourceTable:
    """Read the data sheet of an .xlsx workbook into a SourceTable of strings."""
    check_xlsx_archive(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged archive raises zip, zlib and XML errors of all kinds
        raise InputError(f"not a readable Excel .xlsx workbook ({exc})", file=str(path)) from None
    try:
        sheet = workbook[choose_sheet(workbook.sheetnames, str(path))]
        grid = [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except InputError:
        raise
    except Exception as exc:  # read-only sheets inflate and parse lazily: zlib, CRC, XML errors
        raise InputError(
            f"not a readable Excel .xlsx workbook: a damaged sheet ({type(exc).__name__}: {exc})",
            file=str(path),
        ) from None
    finally:
        workbook.close()
    return build_table(str(path), grid)


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
