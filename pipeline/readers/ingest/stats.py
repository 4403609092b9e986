"""Statistical and columnar files: SPSS .sav/.zsav, Stata .dta (pyreadstat), parquet.

Values are read as codes, never as value labels (SPSS user-missing codes stay codes).
These files have no header row, but ``source_rows`` count as in a spreadsheet all the same
(case 1 is row 2) so that every stage speaks of rows one way.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyreadstat

from pipeline.core.errors import InputError
from pipeline.readers.ingest.table import SourceTable, build_table, cell_text


def read_stats_table(path: Path, kind: str) -> SourceTable:
    """Read a .sav/.zsav (kind 'sav'), .dta ('dta') or .parquet ('parquet') file."""
    frame = _read_frame(path, kind)
    grid: list[list[str | None]] = [[str(c) for c in frame.columns]]
    grid += [[cell_text(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    if len(grid) == 1:
        raise InputError("no data rows: the file has variables but no cases", file=str(path))
    return build_table(str(path), grid)


def _read_frame(path: Path, kind: str) -> pd.DataFrame:
    try:
        if kind == "sav":
            frame, _ = pyreadstat.read_sav(str(path), apply_value_formats=False, user_missing=True)
        elif kind == "dta":
            frame, _ = pyreadstat.read_dta(str(path), apply_value_formats=False)
        else:
            frame = pd.read_parquet(path)
    except Exception as exc:  # the readers raise many exception types for a bad file
        raise InputError(f"not a readable {kind} file ({exc})", file=str(path)) from None
    return frame
