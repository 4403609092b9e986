"""Ingestion: read responses however they were collected, renamed onto the questionnaire.

``read_responses`` reads CSV/TSV/TXT (UTF-8, UTF-8 BOM, UTF-16, Windows-1258), Excel .xlsx
(including the project's data-entry template), SPSS .sav/.zsav, Stata .dta, parquet, and
KoboToolbox and ODK Central exports (detected from their headers), and returns
``RawResponses`` (docs/schemas.md): every cell text or None, nothing typed, no row dropped.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.core.atomic import atomic_path
from pipeline.core.errors import InputError
from pipeline.model.questionnaire import Questionnaire
from pipeline.readers.ingest.excel import read_excel_table
from pipeline.readers.ingest.mapping import map_table, unmapped_table
from pipeline.readers.ingest.responses import RawResponses
from pipeline.readers.ingest.stats import read_stats_table
from pipeline.readers.ingest.table import SourceTable
from pipeline.readers.ingest.text import decode_bytes, encode_cp1258, read_text_table

__all__ = [
    "FORMATS",
    "RawResponses",
    "decode_bytes",
    "detect_format",
    "encode_cp1258",
    "read_responses",
    "read_table",
    "write_csv",
    "write_raw_csv",
]

FORMATS = ("csv", "tsv", "txt", "xlsx", "sav", "zsav", "dta", "parquet", "kobo", "odk")
_BY_EXTENSION = {
    ".csv": "csv", ".tsv": "tsv", ".txt": "txt", ".tab": "tsv", ".xlsx": "xlsx",
    ".xlsm": "xlsx", ".sav": "sav", ".zsav": "zsav", ".dta": "dta", ".parquet": "parquet",
    ".pq": "parquet",
}  # fmt: skip
_MAGIC = ((b"PK\x03\x04", "xlsx"), (b"$FL2", "sav"), (b"$FL3", "zsav"), (b"PAR1", "parquet"),
          (b"<stata_dta>", "dta"))  # fmt: skip


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
    path = Path(path)
    fmt = detect_format(path, format)
    table = read_table(path, fmt, encoding)
    if questionnaire is None:
        return unmapped_table(table, fmt)
    flavour = fmt if fmt in ("kobo", "odk") else None
    return map_table(table, questionnaire, fmt, flavour)


def read_table(path: Path, fmt: str, encoding: str | None = None) -> SourceTable:
    """The source as a table of text in its own column names (no mapping)."""
    container = _container(path, fmt)
    if encoding is not None and container not in ("csv", "tsv", "txt"):
        raise InputError(
            f"--encoding applies to text files only, not to a {container} file", file=str(path)
        )
    if container in ("csv", "txt"):
        return read_text_table(path, encoding)
    if container == "tsv":
        return read_text_table(path, encoding, delimiter="\t")
    if container == "xlsx":
        return read_excel_table(path)
    return read_stats_table(path, "sav" if container == "zsav" else container)


def detect_format(path: Path, given: str | None = None) -> str:
    """The format of ``path``: ``given`` if any (checked), else by content, then extension."""
    head = _head(path)
    if given is not None:
        given = given.lower().lstrip(".")
        if given not in FORMATS:
            raise InputError(
                f"unknown format {given!r}; expected one of {', '.join(FORMATS)}", file=str(path)
            )
        return given
    for magic, fmt in _MAGIC:
        if head.startswith(magic):
            return fmt
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(
            "legacy Excel .xls files are not read; open the file in Excel or LibreOffice "
            "and save it as .xlsx",
            file=str(path),
        )
    if suffix in _BY_EXTENSION:
        return _BY_EXTENSION[suffix]
    raise InputError(
        f"unknown file type {suffix or '(no extension)'!r}; expected one of "
        + ", ".join(sorted(_BY_EXTENSION))
        + " (or give --format)",
        file=str(path),
    )


def _container(path: Path, fmt: str) -> str:
    """Kobo/ODK exports are CSV or XLSX files; which one, from the content."""
    if fmt not in ("kobo", "odk"):
        return fmt
    return "xlsx" if _head(path).startswith(b"PK\x03\x04") else "csv"


def _head(path: Path) -> bytes:
    if not path.exists():
        raise InputError("no such file", file=str(path))
    if path.is_dir():
        raise InputError("is a folder, expected a response file", file=str(path))
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", file=str(path)) from None
    if not head:
        raise InputError("the file is empty: expected a header row and data rows", file=str(path))
    return head


def write_raw_csv(responses: RawResponses, target: str | Path) -> None:
    """Write responses as raw/<wave>.csv (docs/schemas.md): UTF-8, None as empty, atomic."""
    write_csv(responses.data, target)


def write_csv(table: pd.DataFrame, target: str | Path) -> None:
    """Write ``table`` as raw CSV, atomically: UTF-8, LF line ends, no index, None as empty."""
    with atomic_path(target) as tmp:
        table.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
