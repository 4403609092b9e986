"""Ingestion: read responses however they were collected, renamed onto the questionnaire.

``read_responses`` reads every format the one reader reads (``pipeline/readers/datafile.py``:
delimited text in any encoding, Excel .xlsx/.xls including the project's data-entry
template, SPSS .sav/.zsav/.por, Stata .dta, SAS .sas7bdat/.xpt, parquet), and KoboToolbox
and ODK Central exports (detected from their headers; Central's zip of the submissions' CSV
and one CSV per repeat, or those CSVs side by side: pipeline/readers/ingest/central.py), and
returns
``RawResponses`` (docs/schemas.md): every cell text or None, nothing typed, no row dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.atomic import atomic_path
from pipeline.core.errors import InputError
from pipeline.core.paths import child_table_path
from pipeline.readers.datafile import FORMATS, detect_format, read_source_table
from pipeline.readers.ingest import central
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
    "read_child_tables",
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
    from pipeline.readers.ingest.mapping import detect_flavour, map_table, unmapped_table

    path = Path(path)
    if questionnaire is not None and _is_central_export(path, format):
        return _read_central(path, questionnaire, encoding)
    table, fmt = read_source_table(path, format, encoding)
    if questionnaire is None:
        return unmapped_table(table, fmt)
    flavour = fmt if fmt in ("kobo", "odk") else None
    if questionnaire.tables() and detect_flavour(table.headers) == "odk":
        # ODK Central's repeat CSVs unpacked beside the submissions' CSV
        siblings = central.sibling_repeat_files(path, questionnaire.tables())
        children = {r: read_source_table(p, "csv", encoding)[0] for r, p in siblings.items()}
        return map_table(table, questionnaire, fmt, "odk", central_tables=children)
    sheets = {}
    if fmt == "kobo" and _is_xlsx(path) and questionnaire.tables():
        sheets = kobo.repeat_sheets(path, questionnaire.tables())
    return map_table(table, questionnaire, fmt, flavour, sheets)


def _is_central_export(path: Path, format: str | None) -> bool:
    """ODK Central's zip of CSVs (the submissions and one per repeat)."""
    return path.suffix.lower() == ".zip" and format in (None, "odk") and central.is_zip(path)


def _read_central(path: Path, questionnaire: Questionnaire, encoding: str | None) -> RawResponses:
    """An ODK Central export zip: the submissions' CSV and its repeat CSVs."""
    from pipeline.readers.ingest.mapping import map_table

    table, fmt, children = central.read_zip(
        path, questionnaire.tables(), lambda p: read_source_table(p, "csv", encoding)
    )
    return map_table(table, questionnaire, fmt, "odk", central_tables=children)


CHILD_KEYS = ("_parent_id", "_parent_index", "_index")


def read_child_tables(path: str | Path, questionnaire: Questionnaire) -> dict[str, pd.DataFrame]:
    """The child tables ``survey ingest`` wrote beside a raw file (``raw/<wave>.<repeat>.csv``
    beside ``raw/<wave>.csv``), for each of the form's repeats that has one; cells as text."""
    import pandas as pd

    out: dict[str, pd.DataFrame] = {}
    for repeat in questionnaire.tables():
        child = child_table_path(path, repeat)
        if not child.exists():
            continue
        table, _ = read_source_table(child, "csv")
        lacking = [k for k in CHILD_KEYS if k not in table.headers]
        if lacking:
            raise InputError(
                f"a child table needs the key columns {', '.join(CHILD_KEYS)}; "
                f"{', '.join(lacking)} missing",
                file=str(child),
                row=1,
                column=lacking[0],
            )
        out[repeat] = pd.DataFrame(table.rows, columns=table.headers, dtype=object)
    return out


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
