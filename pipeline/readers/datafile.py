"""The one reader: any data file, in any format and encoding, read once, strictly.

``read_file`` gives a ``DataFile``: the data typed for analysis (numbers as numbers, missing
values as NaN) with its metadata beside it, pyreadstat-style (``FileMeta``: variable labels,
value labels, user-missing codes, Stata/SAS tagged missing values, file label, encoding,
delimiter). ``read_source_table`` gives the same file as text, cell by cell as typed, for
ingestion (``SourceTable``). Both go through the same format readers and the same checks.

Formats (by content, then by extension; ``format`` overrides):

- delimited text (.csv .tsv .tab .txt, any delimiter, sniffed): ``csvfile.read_delimited``;
- Excel .xlsx/.xlsm (openpyxl) and legacy .xls (xlrd): ``ingest/excel.py``;
- SPSS .sav/.zsav/.por, Stata .dta (every version pyreadstat reads), SAS .sas7bdat/.xpt,
  parquet: ``statfile.py``;
- KoboToolbox and ODK Central exports are CSV or XLSX files (their headers are mapped by
  ``ingest/mapping.py``).

Missing values. SPSS user-missing codes and Stata/SAS tagged missing values (.a-.z) are
never dropped nor merged with system missing: in the text (ingestion) they stay visible
(the code as typed; ``.a`` for a tagged value), in the analysis frame they are NaN (as SPSS,
Stata and R's haven treat them in analysis) and ``FileMeta.missing_values`` lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.errors import InputError
from pipeline.readers.filemeta import FileMeta

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from pipeline.core.columnar import Columns
    from pipeline.readers.ingest.table import SourceTable

FORMATS = (
    "csv", "tsv", "txt", "xlsx", "xls", "sav", "zsav", "por", "dta", "sas7bdat", "xpt",
    "parquet", "kobo", "odk",
)  # fmt: skip
TEXT_FORMATS = ("csv", "tsv", "txt")
ENCODED_STAT_FORMATS = ("sav", "zsav", "dta", "sas7bdat", "xpt")  # pyreadstat takes encoding=
BY_EXTENSION = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".txt": "txt", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".xls": "xls", ".sav": "sav", ".zsav": "zsav", ".por": "por", ".dta": "dta",
    ".sas7bdat": "sas7bdat", ".xpt": "xpt", ".xport": "xpt", ".parquet": "parquet",
    ".pq": "parquet",
}  # fmt: skip
_MAGIC = (
    (b"PK\x03\x04", "xlsx"), (b"\xd0\xcf\x11\xe0", "xls"), (b"$FL2", "sav"), (b"$FL3", "zsav"),
    (b"PAR1", "parquet"), (b"<stata_dta>", "dta"),
    (b"HEADER RECORD*******LIB", "xpt"),
)  # fmt: skip


@dataclass
class DataFile:
    """A file's data for analysis, its metadata, and each row's place in the source
    (``row_numbers``: 1-based, header = row 1, as a spreadsheet counts; no row is ever left
    out, so they run on from 2). ``frame`` is a pandas DataFrame, or :class:`Columns`
    (numpy arrays) when read with ``columnar=True`` (see :func:`read_file`)."""

    path: str
    frame: pd.DataFrame | Columns
    meta: FileMeta
    row_numbers: range


def read_file(
    path: str | Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    columns: list[str] | None = None,
    optional: tuple[str, ...] = (),
    columnar: bool = False,
) -> DataFile:
    """Read ``path`` for analysis. ``columns``: only these (all when None; a name the file
    does not have is an InputError) and those of ``optional`` the file has. ``encoding``:
    text files (and statistical files written without an encoding record); detected when
    None. ``columnar``: the data as :class:`Columns` without importing pandas (the same
    values; for a command that needs no pandas, ``survey crosstab``) where the format and
    the columns' types allow it (text, parquet, SPSS/Stata/SAS numbers and text), else the
    DataFrame as without it (Excel files, dates, Stata's tagged missing values ...)."""
    path = Path(path)
    fmt = container(path, detect_format(path, format))
    _check_encoding_applies(path, fmt, encoding)
    if fmt in TEXT_FORMATS:
        from pipeline.readers.csvfile import read_delimited

        parsed = read_delimited(path, encoding=encoding, delimiter=_delimiter(fmt), text=False,
                                columns=columns, optional=optional)  # fmt: skip
        meta = FileMeta(fmt, encoding=parsed.encoding, delimiter=parsed.delimiter)
        table = _arrow_table(parsed.table, columnar)
        parsed.table = None  # freed as soon as converted ...
        _release_arrow_memory()  # ... and arrow's reading memory given back to the OS
        return DataFile(str(path), table, meta, range(2, len(table) + 2))
    if fmt in ("xlsx", "xls"):
        from pipeline.readers.ingest.excel import read_excel_frame

        frame = _select(read_excel_frame(path, fmt), columns, optional, path)
        return DataFile(str(path), frame, FileMeta(fmt), range(2, len(frame) + 2))
    from pipeline.readers import statfile

    if columnar and fmt == "parquet":
        table = _arrow_table(statfile.read_parquet_table(path, columns, optional), columnar)
        return DataFile(str(path), table, FileMeta(fmt), range(2, len(table) + 2))
    if columnar:
        read = statfile.read_stat_columns(path, fmt, encoding=encoding, columns=columns,
                                          optional=optional)  # fmt: skip
        if read is not None:
            table, meta = read
            return DataFile(str(path), table, meta, range(2, len(table) + 2))
    frame, meta = statfile.read_stat_file(path, fmt, encoding=encoding, columns=columns,
                                          optional=optional)  # fmt: skip
    analysis = statfile.analysis_frame(frame, meta)
    return DataFile(str(path), analysis, meta, range(2, len(frame) + 2))


def _release_arrow_memory() -> None:
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


def _arrow_table(table: pa.Table, columnar: bool) -> pd.DataFrame | Columns:
    """An arrow table as Columns (``columnar``, when its types allow) or as a DataFrame."""
    if columnar:
        from pipeline.readers.arrow_columns import arrow_columns

        converted = arrow_columns(table)
        if converted is not None:
            return converted
    return table.to_pandas(split_blocks=True, self_destruct=True)


def read_source_table(
    path: str | Path, format: str | None = None, encoding: str | None = None
) -> tuple[SourceTable, str]:
    """Read ``path`` as text for ingestion: every cell as typed (str or None), no row dropped.
    Returns the table and the format (``format`` given, or detected)."""
    from pipeline.readers.ingest.table import SourceTable, build_table

    path = Path(path)
    fmt = detect_format(path, format)
    kind = container(path, fmt)
    _check_encoding_applies(path, kind, encoding)
    if kind in TEXT_FORMATS:
        from pipeline.readers.csvfile import read_delimited

        parsed = read_delimited(path, encoding=encoding, delimiter=_delimiter(kind), text=True)
        cells = [column.to_pylist() for column in parsed.table.columns]
        rows = [list(r) for r in zip(*cells, strict=True)]
        table = SourceTable(str(path), list(parsed.headers), rows, list(parsed.row_numbers))
        return table, fmt
    if kind in ("xlsx", "xls"):
        from pipeline.readers.ingest.excel import read_excel_table

        return read_excel_table(path, kind), fmt
    from pipeline.readers.statfile import read_stat_file, text_grid

    frame, meta = read_stat_file(path, kind, encoding=encoding)
    return build_table(str(path), text_grid(frame, meta, path), trim_blank_tail=False), fmt


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
    if suffix in BY_EXTENSION:
        return BY_EXTENSION[suffix]
    raise InputError(
        f"unknown file type {suffix or '(no extension)'!r}; expected one of "
        + ", ".join(sorted(BY_EXTENSION))
        + " (or give --format)",
        file=str(path),
    )


def container(path: Path, fmt: str) -> str:
    """Kobo/ODK exports are CSV or XLSX files; which one, from the content."""
    if fmt not in ("kobo", "odk"):
        return fmt
    return "xlsx" if _head(path).startswith(b"PK\x03\x04") else "csv"


def _delimiter(fmt: str) -> str | None:
    return "\t" if fmt == "tsv" else None


def _check_encoding_applies(path: Path, fmt: str, encoding: str | None) -> None:
    if encoding is not None and fmt not in (*TEXT_FORMATS, *ENCODED_STAT_FORMATS):
        raise InputError(
            f"--encoding applies to text and statistical files, not to a {fmt} file",
            file=str(path),
        )


def _select(
    frame: pd.DataFrame, columns: list[str] | None, optional: tuple[str, ...], path: Path
) -> pd.DataFrame:
    if columns is None:
        return frame
    from pipeline.readers.selection import select_columns

    return frame[select_columns(columns, optional, [str(c) for c in frame.columns], path)]


def _head(path: Path) -> bytes:
    if not path.exists():
        raise InputError("no such file", file=str(path))
    if path.is_dir():
        raise InputError("is a folder, expected a data file", file=str(path))
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", file=str(path)) from None
    if not head:
        raise InputError("the file is empty: expected a header row and data rows", file=str(path))
    return head
