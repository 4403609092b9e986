"""The ad hoc cross-tab of a data file (`survey crosstab`): read it, build its design from the
named columns, cross-tabulate."""

from __future__ import annotations

from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError
from pipeline.core.simulated import SIMULATED_COLUMN, is_simulated
from pipeline.readers.datafile import read_file
from pipeline.statistics.crosstab import CrossTab, crosstab
from pipeline.statistics.survey import design_for


def crosstab_file(
    path: str,
    row: str,
    col: str,
    *,
    strata: str | None = None,
    weight: str | None = None,
    fpc: str | None = None,
    lonely_psu: str = "fail",
    encoding: str | None = None,
) -> tuple[CrossTab, bool]:
    """Read a data file, build its design from the named columns and cross-tabulate ``row``
    by ``col``. Returns the table and whether the data are simulated (``_simulated`` = 1)."""
    named = [c for c in dict.fromkeys([row, col, strata, weight, fpc]) if c is not None]
    df = read_file(path, encoding=encoding, columns=named, optional=(SIMULATED_COLUMN,)).frame
    require_columns(df, [row, col, strata, weight, fpc], path)
    try:
        design = design_for(
            df, strata=strata, weight=weight, fpc=fpc, lonely_psu=lonely_psu, file=str(path)
        )
        simulated = is_simulated(df)
        return crosstab(design, df[row], df[col]), simulated
    except InputError as exc:
        exc.file = exc.file or str(path)  # the data file is what the user can fix
        raise
