"""An arrow table as :class:`~pipeline.core.columnar.Columns` (numpy arrays) without pandas.

pyarrow's own ``to_numpy`` goes through its pandas conversion, which imports pandas (0.4 s,
more than a whole cross-tab): the arrays are taken from arrow's buffers here instead. The
arrays are what ``Table.to_pandas`` gives a column (integers with nulls as float64 with
NaN, text as str with None for missing), so the statistics see the same values either way.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.core.columnar import Columns


def arrow_columns(table: pa.Table) -> Columns | None:
    """The table's columns as numpy arrays; None when a column is of a type this does not
    convert (dates, timestamps, dictionaries ...: the caller then goes through pandas)."""
    arrays = {}
    for name, column in zip(table.column_names, table.columns, strict=True):
        array = _numpy(column)
        if array is None:
            return None
        arrays[name] = array
    return Columns(arrays, table.num_rows)


def _numpy(column: pa.ChunkedArray) -> np.ndarray | None:
    kind = column.type
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        return _numbers(column)
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return _text(column)
    if pa.types.is_boolean(kind) and column.null_count == 0:
        return _bits(column)
    if pa.types.is_null(kind):  # a column with no value at all
        return np.full(len(column), None, dtype=object)
    return None


def _numbers(column: pa.ChunkedArray) -> np.ndarray:
    """Integers (float64 with NaN where null, as pandas converts them) or floats."""
    dtype = np.dtype(column.type.to_pandas_dtype())
    parts = []
    for chunk in column.chunks:
        values = np.frombuffer(chunk.buffers()[1], dtype=dtype, count=len(chunk),
                               offset=chunk.offset * dtype.itemsize)  # fmt: skip
        if chunk.null_count:
            values = values.astype(float)
            values[_null_mask(chunk)] = np.nan
        parts.append(values)
    if not parts:
        return np.empty(0, dtype=dtype)
    if any(p.dtype.kind == "f" for p in parts):
        parts = [p.astype(float, copy=False) for p in parts]
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _null_mask(chunk: pa.Array) -> np.ndarray:
    return _bits(pc.is_null(chunk))


def _bits(array: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """A boolean arrow array (no nulls) as a numpy bool array (arrow packs 8 a byte)."""
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    parts = []
    for chunk in chunks:
        packed = np.frombuffer(chunk.buffers()[1], dtype=np.uint8)
        bits = np.unpackbits(packed, bitorder="little")
        parts.append(bits[chunk.offset : chunk.offset + len(chunk)].astype(bool))
    return np.concatenate(parts) if parts else np.empty(0, dtype=bool)


def _text(column: pa.ChunkedArray) -> np.ndarray:
    """Text as an object array of str, None where missing: through a dictionary of the
    distinct values, so that each distinct text is one Python object."""
    encoded = pc.dictionary_encode(column).combine_chunks()
    labels = np.array(encoded.dictionary.to_pylist() + [None], dtype=object)
    indices = encoded.indices
    dtype = np.dtype(indices.type.to_pandas_dtype())
    codes = np.frombuffer(indices.buffers()[1], dtype=dtype, count=len(indices),
                          offset=indices.offset * dtype.itemsize)  # fmt: skip
    if indices.null_count:
        codes = np.where(_null_mask(indices), len(labels) - 1, codes)
    return labels[codes]
