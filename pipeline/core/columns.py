"""Checks and names for the columns of a table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.errors import InputError

if TYPE_CHECKING:
    import pandas as pd


def require_columns(
    df: pd.DataFrame, columns: Sequence[str | None], file: str | Path | None
) -> None:
    """InputError naming the file and the first requested column that is not in ``df``;
    None entries (options not given) are skipped."""
    for col in columns:
        if col is not None and col not in df.columns:
            raise InputError(
                f"column not found (columns are: {', '.join(map(str, df.columns))})",
                file=None if file is None else str(file),
                column=col,
            )


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
