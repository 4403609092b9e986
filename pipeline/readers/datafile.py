"""Read any tabular data file (CSV, Excel, SPSS .sav, Parquet) into a DataFrame for ad hoc
commands. Unreadable or unknown files raise InputError naming the file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyreadstat

from pipeline.core.errors import InputError
from pipeline.core.spreadsheet_safety import check_xlsx_archive
from pipeline.readers.ingest.text import read_text_table

READERS = {
    ".csv": "csv",
    ".txt": "csv",
    ".xlsx": "excel",
    ".xls": "excel",
    ".sav": "sav",
    ".zsav": "sav",
    ".parquet": "parquet",
    ".pq": "parquet",
}


def read_data(path: str | Path) -> pd.DataFrame:
    """The file's table; the reader is chosen by extension. SPSS value labels are not
    applied (codes stay codes)."""
    path = Path(path)
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"unknown data file type {path.suffix!r}; expected one of {', '.join(READERS)}",
            file=str(path),
        )
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    if kind == "csv":
        _check_text_table(path)
    elif path.suffix.lower() == ".xlsx":
        check_xlsx_archive(path)
    try:
        if kind == "csv":
            # index_col=False: rows one value wider than the header must not shift every column
            return pd.read_csv(path, encoding="utf-8-sig", index_col=False)
        if kind == "excel":
            _check_unique(list(pd.read_excel(path, header=None, nrows=1).iloc[0]), path)
            return pd.read_excel(path)
        if kind == "parquet":
            return pd.read_parquet(path)
        df, _ = pyreadstat.read_sav(str(path))
        return df
    except InputError:
        raise
    except Exception as exc:  # any reader failure is the file's problem, reported as such
        raise InputError(f"cannot read the file as {kind}: {exc}", file=str(path)) from exc


def _check_text_table(path: Path) -> None:
    """The ingest reader's checks (encoding, quoting, row widths, a pasted second header),
    which pandas does not make, and unique headers (pandas would rename a duplicate)."""
    _check_unique(read_text_table(path).headers, path)


def _check_unique(headers: list, path: Path) -> None:
    seen: set[str] = set()
    for header in headers:
        name = "" if pd.isna(header) else str(header).strip()
        if name and name in seen:
            raise InputError(
                f"duplicate column header {name!r}; every column needs its own name",
                file=str(path),
                row=1,
                column=name,
            )
        seen.add(name)

