"""The one test of whether data are simulated: the mark every person-facing output carries."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.core.columnar import Columns

SIMULATED_COLUMN = "_simulated"


def is_simulated(data: pd.DataFrame | Columns) -> bool:
    """Whether any row is marked simulated: a ``_simulated`` column holding 1 (as a number or
    as the text "1"). One simulated row is enough for the whole output to say so."""
    if SIMULATED_COLUMN not in data.columns:
        return False
    values = data[SIMULATED_COLUMN]
    if isinstance(values, np.ndarray) and values.dtype.kind in "biuf":
        return bool(np.any(values == 1))  # numbers (numpy arrays): no pandas needed
    import pandas as pd

    if isinstance(values, np.ndarray):
        values = pd.Series(values)
    if values.dtype == object:
        values = values.map(lambda v: v.strip() if isinstance(v, str) else v)
    return bool((pd.to_numeric(values, errors="coerce") == 1).any())
