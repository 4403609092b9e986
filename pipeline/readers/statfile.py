"""Statistical and columnar files: SPSS .sav/.zsav/.por, Stata .dta, SAS .sas7bdat/.xpt
(pyreadstat), parquet (pyarrow).

pyreadstat reads with ``user_missing=True`` where the format has user-missing values, so that
SPSS user-missing codes stay codes and Stata/SAS tagged missing values (.a-.z) come back as
their letters instead of merging with system missing. Values are codes, never value labels;
the labels travel in ``FileMeta``. No row is ever dropped: a case whose every value is
missing is a row like any other.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from pipeline.core.columnar import Columns
from pipeline.core.errors import InputError
from pipeline.readers.filemeta import FileMeta
from pipeline.readers.ingest.table import cell_text

if TYPE_CHECKING:
    import pandas as pd

_TAGGED_FORMATS = ("dta", "sas7bdat")


def read_stat_file(
    path: Path,
    fmt: str,
    *,
    encoding: str | None = None,
    columns: list[str] | None = None,
    optional: tuple[str, ...] = (),
) -> tuple[pd.DataFrame, FileMeta]:
    """The file's data (codes, user-missing and tagged values kept) and its metadata.
    ``columns``: only these (each required) and those of ``optional`` the file has."""
    if fmt == "parquet":
        return read_parquet_table(path, columns, optional).to_pandas(), FileMeta("parquet")
    return _read_readstat(path, fmt, encoding, columns, optional, "pandas")


def read_stat_columns(
    path: Path,
    fmt: str,
    *,
    encoding: str | None = None,
    columns: list[str] | None = None,
    optional: tuple[str, ...] = (),
) -> tuple[Columns, FileMeta] | None:
    """An SPSS/Stata/SAS file for analysis as :class:`Columns`, without pandas (pyreadstat's
    dict output): the values :func:`analysis_frame` gives, user-missing values as NaN.
    None when a column needs what only the DataFrame path does (dates, Stata/SAS tagged
    missing values, user-missing codes of a text column): the caller reads it that way.
    A .sav is decoded by :mod:`pipeline.readers.sav_data` (its metadata read by
    :mod:`pipeline.readers.sav_meta`) where they cover the file and the columns, else (and
    for the other formats) from pyreadstat's lists."""
    if fmt == "sav":
        decoded = _read_sav_decoded(path, encoding, columns, optional)
        if decoded is not None:
            return decoded
    return _columns_from_lists(path, fmt, encoding, columns, optional)


def _columns_from_lists(path, fmt, encoding, columns, optional) -> tuple[Columns, FileMeta] | None:
    """:func:`read_stat_columns` from pyreadstat's dict output (every format)."""
    data, meta = _read_readstat(path, fmt, encoding, columns, optional, "dict")
    types = getattr(meta.readstat, "readstat_variable_types", None) or {}
    if set(types) < set(data):
        return None  # which columns are text is not known
    arrays = {}
    for name, values in data.items():
        text = types.get(name) == "string"
        array = _text_array(values) if text else _number_array(values, types[name])
        if array is None or (text and meta.missing_ranges.get(name)):
            return None
        if meta.format in _TAGGED_FORMATS and name in meta.missing_values:
            return None
        arrays[name] = _without_user_missing(array, meta.missing_ranges.get(name, []))
        if arrays[name] is None:
            return None
    n_rows = getattr(meta.readstat, "number_rows", None)
    return Columns(arrays, n_rows), meta


def _read_sav_decoded(path, encoding, columns, optional) -> tuple[Columns, FileMeta] | None:
    """The .sav's columns decoded from its bytes, the metadata from its dictionary records
    (:mod:`pipeline.readers.sav_meta`) or, where that module does not cover them, from
    pyreadstat's reading of the dictionary (no data); None where the decoder does not cover
    the file or a column (the reason is that of :class:`NotCovered`) or a text column has
    user-missing values."""
    from pipeline.readers.sav_data import NotCovered, decode_columns, read_layout
    from pipeline.readers.sav_meta import sav_meta

    try:
        buffer = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", file=str(path)) from None
    try:
        layout = read_layout(buffer)
    except NotCovered:
        return None
    try:
        own = sav_meta(layout, encoding)
        names, specs = own.names, own.specs
        meta = FileMeta("sav", own.column_labels, own.value_labels, {}, own.missing_ranges,
                        own.file_label, own.encoding)  # fmt: skip
    except NotCovered:
        names, specs, meta = _pyreadstat_sav_meta(path, encoding)
    if columns is not None:
        from pipeline.readers.selection import select_columns

        wanted = set(select_columns(columns, optional, names, path))
        specs = {n: spec for n, spec in specs.items() if n in wanted}  # in the file's order
    if any(spec.text and meta.missing_ranges.get(n) for n, spec in specs.items()):
        return None
    try:
        arrays, n_rows = decode_columns(path, buffer, layout, len(names), specs, meta.encoding)
    except NotCovered:
        return None
    for name in arrays:
        arrays[name] = _without_user_missing(arrays[name], meta.missing_ranges.get(name, []))
    return Columns(arrays, n_rows), meta


def _pyreadstat_sav_meta(path: Path, encoding: str | None):
    """The .sav's names, column specs and metadata from pyreadstat's dictionary reading."""
    from pipeline.readers.sav_data import ColumnSpec

    raw = _sav_dictionary(path, encoding)
    types, formats = raw.readstat_variable_types, raw.original_variable_types
    names = list(raw.column_names)
    specs = {n: ColumnSpec(i, formats[n], types[n] == "string") for i, n in enumerate(names)}
    return names, specs, _meta(raw, "sav", encoding)


def _sav_dictionary(path: Path, encoding: str | None):
    """pyreadstat's metadata of a .sav (its dictionary only, no data)."""
    import pyreadstat

    extra = {"encoding": encoding} if encoding is not None else {}
    try:
        _, raw = pyreadstat.read_sav(str(path), metadataonly=True, user_missing=True,
                                     output_format="dict", **extra)  # fmt: skip
    except Exception as exc:  # pyreadstat raises its own error types (and others) for bad files
        raise InputError(f"not a readable sav file ({exc})", file=str(path)) from None
    return raw


def _number_array(values: list, kind: str) -> np.ndarray | None:
    """Numbers (None = system missing → NaN); None for anything else (dates, letters).
    A Stata integer column without missing values stays integer, as in pyreadstat's frame."""
    try:
        if kind.startswith("int") and None not in values:
            return np.array(values, dtype=np.int64)
        return np.array(values, dtype=float)
    except (TypeError, ValueError):
        return None


def _text_array(values: list) -> np.ndarray | None:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array if all(type(v) is str for v in values) else None


def _without_user_missing(array: np.ndarray, ranges: list[dict]) -> np.ndarray | None:
    """SPSS user-missing ranges (lo..hi, numbers) as NaN, as :func:`analysis_frame` sets
    them; None for a text bound (that path only)."""
    if not ranges:
        return array
    missing = np.zeros(array.shape, dtype=bool)
    for entry in ranges:
        lo, hi = entry["lo"], entry["hi"]
        if isinstance(lo, str) or isinstance(hi, str):
            return None
        missing |= (array >= lo) & (array <= hi)
    return np.where(missing, np.nan, array)


def _read_readstat(path, fmt, encoding, columns, optional, output_format: str):
    """pyreadstat's reading of the file (``output_format`` "pandas" or "dict")."""
    import pyreadstat

    readers = {
        "sav": pyreadstat.read_sav, "zsav": pyreadstat.read_sav, "por": pyreadstat.read_por,
        "dta": pyreadstat.read_dta, "sas7bdat": pyreadstat.read_sas7bdat,
        "xpt": pyreadstat.read_xport,
    }  # fmt: skip
    options: dict = {"output_format": output_format}
    if columns is not None:
        options["usecols"] = _wanted(path, fmt, readers[fmt], columns, optional, encoding)
    if fmt in ("sav", "zsav", "dta", "sas7bdat"):
        options["user_missing"] = True
    if encoding is not None:
        options["encoding"] = encoding
    notes = []
    try:
        try:
            frame, raw = readers[fmt](str(path), **options)
        except OverflowError:
            # a date beyond what Python's datetime holds (year > 9999): the dates are kept as
            # the numbers the file stores rather than refusing the file or dropping them
            frame, raw = readers[fmt](str(path), disable_datetime_conversion=True, **options)
            notes.append("dates out of range: date variables kept as the file's numbers")
    except Exception as exc:  # pyreadstat raises its own error types (and others) for bad files
        raise InputError(f"not a readable {fmt} file ({exc})", file=str(path)) from None
    if fmt == "sav":
        from pipeline.readers.sav_data import check_case_count

        check_case_count(path)
    meta = _meta(raw, fmt, encoding)
    meta.notes.extend(notes)
    return frame, meta


def _wanted(path, fmt, reader, columns, optional, encoding) -> list[str]:
    """The columns to read, checked against the file's dictionary (read alone: no data)."""
    from pipeline.readers.selection import select_columns

    extra = {"encoding": encoding} if encoding is not None else {}
    try:
        _, raw = reader(str(path), metadataonly=True, output_format="dict", **extra)
    except Exception as exc:  # pyreadstat raises its own error types (and others) for bad files
        raise InputError(f"not a readable {fmt} file ({exc})", file=str(path)) from None
    return select_columns(columns, optional, list(raw.column_names), path)


def read_parquet_table(path: Path, columns: list[str] | None, optional: tuple[str, ...]):
    """The parquet file (only ``columns``, each required, and those of ``optional`` it has)
    as an arrow table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.readers.selection import select_columns

    try:
        # ParquetFile, not read_table: its dataset layer imports pandas
        with pq.ParquetFile(path) as parquet:
            if columns is not None:
                columns = select_columns(columns, optional, parquet.schema_arrow.names, path)
            return parquet.read(columns=columns)
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise InputError(f"not a readable parquet file ({exc})", file=str(path)) from None


def _meta(raw, fmt: str, encoding: str | None) -> FileMeta:
    labels = {k: v for k, v in (raw.column_names_to_labels or {}).items() if v}
    return FileMeta(
        format=fmt,
        column_labels=labels,
        value_labels=dict(getattr(raw, "variable_value_labels", None) or {}),
        missing_values={
            k: list(v) for k, v in (getattr(raw, "missing_user_values", None) or {}).items()
        },  # fmt: skip
        missing_ranges=dict(getattr(raw, "missing_ranges", None) or {}),
        file_label=getattr(raw, "file_label", None) or None,
        encoding=encoding or getattr(raw, "file_encoding", None),
        readstat=raw,
    )


# ---- for analysis ------------------------------------------------------------------------


def analysis_frame(frame: pd.DataFrame, meta: FileMeta) -> pd.DataFrame:
    """User-missing and tagged missing values as NaN, as SPSS, Stata and R analyse them; a
    column left with numbers only becomes numeric. Nothing else changes."""
    import pandas as pd

    out = frame
    for name in frame.columns:
        missing = _missing_mask(frame[name], name, meta)
        if missing is None or not missing.any():
            continue
        if out is frame:
            out = frame.copy()  # the file's own frame is left as read
        column = frame[name].astype(object).where(~missing, None)
        numeric = pd.to_numeric(column, errors="coerce")
        out[name] = numeric if numeric.notna().sum() == column.notna().sum() else column
    return out


def _missing_mask(column: pd.Series, name: str, meta: FileMeta) -> pd.Series | None:
    import pandas as pd

    mask = None
    if meta.format in _TAGGED_FORMATS and name in meta.missing_values:
        mask = column.isin(meta.missing_values[name]) & column.map(type).eq(str)
    for entry in meta.missing_ranges.get(name, []):
        lo, hi = entry["lo"], entry["hi"]
        values = pd.to_numeric(column, errors="coerce") if not isinstance(lo, str) else column
        inside = (values >= lo) & (values <= hi) if not isinstance(lo, str) else values.eq(lo)
        inside = inside.fillna(False).astype(bool)
        mask = inside if mask is None else (mask | inside)
    return mask


# ---- for ingestion -----------------------------------------------------------------------


def text_grid(frame: pd.DataFrame, meta: FileMeta, path: Path) -> list[list[str | None]]:
    """Header and rows as text as typed: codes without '.0', dates ISO, a Stata/SAS tagged
    missing value as ``.a`` (so it stays apart from the code 'a' and from system missing)."""
    if frame.empty:
        raise InputError("no data rows: the file has variables but no cases", file=str(path))
    tagged = {
        name: set(values)
        for name, values in meta.missing_values.items()
        if meta.format in _TAGGED_FORMATS
    }
    columns = []
    for name in frame.columns:
        values = frame[name].tolist()
        letters = tagged.get(name, ())
        columns.append([_tagged(v) if v in letters and isinstance(v, str) else cell_text(v)
                        for v in values])  # fmt: skip
    return [[str(c) for c in frame.columns], *[list(r) for r in zip(*columns, strict=True)]]


def _tagged(letter: str) -> str:
    return "." + letter  # Stata writes .a, SAS .A: as the file has it
