"""The intermediate shape every reader produces: a header and rows of text, as in the source."""

from __future__ import annotations

import datetime as dt
import math
import sys
from dataclasses import dataclass

import numpy as np

from pipeline.core.columns import column_letter
from pipeline.core.errors import InputError

# Python's csv module refuses fields above 131,072 characters; the same limit for every reader.
MAX_CELL_CHARS = 131_072


@dataclass
class SourceTable:
    """A source file read as text, before mapping onto the questionnaire.

    ``row_numbers`` are 1-based rows of the source (header = row 1 for tabular files),
    aligned with ``rows``; every row is as long as ``headers``.
    """

    path: str
    headers: list[str]
    rows: list[list[str | None]]
    row_numbers: list[int]


def cell_text(value: object) -> str | None:
    """A cell as text as typed: integers without '.0', dates as ISO, '' and NaN/NaT as None."""
    if value is None or _is_nat(value):
        return None
    if isinstance(value, str):
        return value if value != "" else None
    if isinstance(value, bool | np.bool_):
        return "1" if value else "0"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        value = float(value)
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    if _is_missing(value):
        return None
    return str(value)


def _is_nat(value: object) -> bool:
    pd = sys.modules.get("pandas")  # without pandas imported there is no NaT
    return pd is not None and value is pd.NaT


def _is_missing(value: object) -> bool:
    pd = sys.modules.get("pandas")  # pandas' missing markers exist only once it is imported
    if pd is None:
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def build_table(
    path: str, grid: list[list[str | None]], trim_blank_tail: bool = True
) -> SourceTable:
    """Split a grid of cells (header first) into a SourceTable.

    Rows are padded to the header's width. Blank rows between data rows are kept (cleaning
    decides about them). With ``trim_blank_tail``, blank rows after the last data row are
    not returned: in a workbook they are formatted-but-empty rows, not rows anyone typed.
    Text readers pass False and drop only trailing empty lines themselves, so that a row
    of bare delimiters (",,,,") at the end is kept as the blank row it is.
    """
    if not grid or all(_blank(row) for row in grid):
        raise InputError("the file is empty: expected a header row and data rows", file=path)
    headers = [header_text(h) for h in grid[0]]
    body = list(grid[1:])
    while trim_blank_tail and body and _blank(body[-1]):
        body.pop()
    if not body:
        raise InputError("no data rows: the file has a header row only", file=path)
    _check_cell_sizes(path, body)
    width = max(len(headers), *(len(r) for r in body))
    headers = headers + [""] * (width - len(headers))
    rows = [list(r) + [None] * (width - len(r)) for r in body]
    numbers = list(range(2, 2 + len(rows)))
    return SourceTable(path=path, headers=headers, rows=rows, row_numbers=numbers)


def header_text(value: object) -> str:
    """A header cell as a column name: text, trimmed, without byte-order marks."""
    # a byte-order mark inside a header (files pasted together, exports from some tools) is
    # invisible to the person reading it, and is no part of the name
    text = value if isinstance(value, str) else (cell_text(value) or "")
    return text.replace("\ufeff", "").strip()


def _check_cell_sizes(path: str, body: list[list[str | None]]) -> None:
    """Refuse a cell longer than any answer: it is a broken file, not a response."""
    for i, row in enumerate(body):
        for j, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise InputError(
                    f"a cell of {len(cell):,} characters (limit {MAX_CELL_CHARS:,}); "
                    "is the file broken?",
                    file=path,
                    row=i + 2,
                    column=column_letter(j),
                )


def _blank(row: list[str | None]) -> bool:
    return all(c is None or (isinstance(c, str) and c.strip() == "") for c in row)



def check_unique_headers(path: str, headers: list[str]) -> None:
    """Refuse duplicate headers, naming both column positions (blank headers may repeat)."""
    seen: dict[str, int] = {}
    for j, header in enumerate(headers):
        if not header:
            continue
        if header in seen:
            first = seen[header]
            raise InputError(
                f"duplicate column header {header!r} in columns {column_letter(first)} and "
                f"{column_letter(j)} (positions {first + 1} and {j + 1}); every column needs "
                "its own name",
                file=path,
                row=1,
                column=header,
            )
        seen[header] = j
