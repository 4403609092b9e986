"""Ingestion: read responses however they were collected, renamed onto the questionnaire.

``read_responses`` reads every format the one reader reads (``pipeline/readers/datafile.py``:
delimited text in any encoding, Excel .xlsx/.xls including the project's data-entry
template, SPSS .sav/.zsav/.por, Stata .dta, SAS .sas7bdat/.xpt, parquet), and KoboToolbox
and ODK Central exports (detected from their headers), and returns
``RawResponses`` (docs/schemas.md): every cell text or None, nothing typed, no row dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.atomic import atomic_path
from pipeline.readers.datafile import FORMATS, detect_format, read_source_table
from pipeline.readers.ingest.text import decode_bytes, encode_cp1258

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.model.questionnaire import Questionnaire
    from pipeline.readers.ingest.responses import RawResponses

__all__ = [
    "FORMATS",
    "RawResponses",
    "decode_bytes",
    "detect_format",
    "encode_cp1258",
    "read_responses",
    "write_csv",
    "write_raw_csv",
]

def read_responses(
    path: str | Path,
    questionnaire: Questionnaire | None,
    format: str | None = None,
    encoding: str | None = None,
) -> RawResponses:
    """Read a response file and rename its columns onto ``questionnaire``'s variables.

    ``format``: one of FORMATS, else detected from the extension and the content (Kobo and
    ODK exports from their headers). ``encoding``: text files only; detected when None.
    With ``questionnaire`` None the source's own columns are kept (for compare-entry).
    Raises InputError naming the file (and row/column) for anything it cannot read.
    """
    # pandas and the questionnaire model only here: the readers beside this package (the
    # CSV reader of ``survey crosstab``) import its text helpers without them
    from pipeline.readers.ingest import kobo
    from pipeline.readers.ingest.mapping import map_table, unmapped_table

    table, fmt = read_source_table(Path(path), format, encoding)
    if questionnaire is None:
        return unmapped_table(table, fmt)
    flavour = fmt if fmt in ("kobo", "odk") else None
    sheets = {}
    if fmt == "kobo" and _is_xlsx(Path(path)) and questionnaire.tables():
        sheets = kobo.repeat_sheets(Path(path), questionnaire.tables())
    return map_table(table, questionnaire, fmt, flavour, sheets)


def _is_xlsx(path: Path) -> bool:
    """A Kobo export saved as Excel (a zip archive), which has a sheet per repeat."""
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def __getattr__(name: str):
    """``RawResponses`` on first use (PEP 562): its module imports pandas."""
    if name == "RawResponses":
        from pipeline.readers.ingest.responses import RawResponses

        return RawResponses
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def write_raw_csv(responses: RawResponses, target: str | Path) -> None:
    """Write responses as raw/<wave>.csv (docs/schemas.md): UTF-8, None as empty, atomic."""
    write_csv(responses.data, target)


def write_csv(table: pd.DataFrame, target: str | Path) -> None:
    """Write ``table`` as raw CSV, atomically: UTF-8, LF line ends, no index, None as empty."""
    with atomic_path(target) as tmp:
        table.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
