"""A light columnar table (named numpy arrays of one length) and the few column operations
the design-based statistics need on it, without pandas.

``survey crosstab`` reads a file, builds its design and tabulates; pandas costs more to
import (about 0.4 s) than that whole cross-tab computes, so that path reads into
:class:`Columns` and works on numpy arrays. The helpers take a pandas Series as well and
then do exactly what pandas does (pandas is imported only when one is given, or for
columns that are neither numbers nor plain text).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd


class Columns(Mapping):
    """Named 1-D numpy arrays of one length, in the file's column order: numbers as int,
    float (missing = NaN) or bool arrays, text as object arrays of str (missing = None)."""

    def __init__(self, arrays: Mapping[str, np.ndarray], n_rows: int | None = None) -> None:
        self._arrays = dict(arrays)
        lengths = {len(a) for a in self._arrays.values()}
        if len(lengths) > 1:
            raise ValueError("every column of a table must have the same length")
        self._n = lengths.pop() if lengths else int(n_rows or 0)

    def __getitem__(self, name: str) -> np.ndarray:
        return self._arrays[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._arrays)

    def __len__(self) -> int:
        """The number of rows (as ``len`` of a DataFrame), not of columns."""
        return self._n

    def __contains__(self, name: object) -> bool:
        return name in self._arrays

    @property
    def columns(self) -> list[str]:
        return list(self._arrays)

    def to_pandas(self) -> pd.DataFrame:
        """The same table as a pandas DataFrame (index 0..n-1)."""
        import pandas as pd

        return pd.DataFrame(self._arrays, index=pd.RangeIndex(self._n))


def is_series(values: object) -> bool:
    """Whether ``values`` is a pandas Series (without importing pandas: none can exist
    before pandas is imported)."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(values, pd.Series)


def _plain_text(values: np.ndarray) -> bool:
    """An object array holding only str and None (text as the reader gives it)."""
    return all(v is None or type(v) is str for v in values.tolist())


def is_missing(values: np.ndarray | pd.Series) -> np.ndarray:
    """Per row, whether the value is missing (NaN, None, NaT), as pandas' ``isna``."""
    if is_series(values):
        return values.isna().to_numpy()
    kind = values.dtype.kind
    if kind in "biu":
        return np.zeros(values.shape, dtype=bool)
    if kind == "f":
        return np.isnan(values)
    if kind in "mM":
        return np.isnat(values)
    if kind == "O" and _plain_text(values):
        return np.equal(values, None)
    import pandas as pd

    return pd.isna(values)


def factorize_sorted(values: np.ndarray | pd.Series) -> tuple[np.ndarray, list]:
    """Codes 0..k-1 of the sorted distinct values (-1 for missing) and those values, as
    ``pandas.factorize(values, sort=True)`` gives them."""
    if not is_series(values) and values.dtype.kind in "iuf":
        coded = _factorize_small_integers(values)
        if coded is not None:
            return coded
    if not is_series(values) and (
        values.dtype.kind in "biuf" or (values.dtype.kind == "O" and _plain_text(values))
    ):
        missing = is_missing(values)
        if not missing.any():
            uniques, codes = np.unique(values, return_inverse=True)
            return codes.astype(np.int64).reshape(-1), uniques.tolist()
        uniques, inner = np.unique(values[~missing], return_inverse=True)
        codes = np.full(values.shape, -1, dtype=np.int64)
        codes[~missing] = inner.reshape(-1)
        return codes, uniques.tolist()
    import pandas as pd

    codes, uniques = pd.factorize(values, sort=True)
    return np.asarray(codes, dtype=np.int64), uniques.tolist()


def _factorize_small_integers(values: np.ndarray) -> tuple[np.ndarray, list] | None:
    """``factorize_sorted`` of whole numbers spanning no more values than there are rows
    (codes, strata, ids), by a lookup table instead of a sort: one pass, and no copy beyond
    the codes. None for anything else (the caller sorts)."""
    floats = values.dtype.kind == "f"
    missing = np.isnan(values) if floats else np.zeros(0, dtype=bool)
    present = values[~missing] if missing.any() else values
    if present.size == 0:
        return None
    lo, hi = present.min(), present.max()
    if floats and not (np.isfinite(lo) and np.isfinite(hi)):
        return None
    span = float(hi) - float(lo) + 1
    if span > max(values.size, 1 << 16):
        return None
    if floats and not np.array_equal(present, np.floor(present)):
        return None  # fractions: sorted by the caller
    base = int(lo)
    if floats:  # the missing rows put on the smallest value (present), then marked -1
        offsets = np.where(missing, lo, values).astype(np.int64) - base
    else:
        offsets = np.subtract(values, base, dtype=np.int64)
    seen = np.zeros(int(span), dtype=bool)
    seen[offsets] = True
    lookup = (np.cumsum(seen) - 1).astype(smallest_code_type(int(span)))
    codes = lookup[offsets]  # in the smallest integer type: 5,000,000 codes 1-5 take 5 MB
    del offsets
    if missing.any():
        codes[missing] = -1
    uniques = np.flatnonzero(seen) + base
    return codes, (uniques.astype(float) if floats else uniques).tolist()


def smallest_code_type(k: int) -> type[np.signedinteger]:
    """The smallest signed integer type holding the codes -1..k (k: a missing slot)."""
    for kind in (np.int8, np.int16, np.int32):
        if k < np.iinfo(kind).max:
            return kind
    return np.int64


def to_float(values: np.ndarray | pd.Series) -> np.ndarray:
    """The values as floats, what is not a number as NaN (``pandas.to_numeric(values,
    errors="coerce")``)."""
    if not is_series(values) and values.dtype.kind in "biuf":
        return values.astype(float)
    import pandas as pd

    return pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
