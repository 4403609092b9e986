"""The ad hoc cross-tab of a data file (`survey crosstab`): read it, build its design from the
named columns, cross-tabulate."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError
from pipeline.core.simulated import is_simulated
from pipeline.readers.datafile import read_data
from pipeline.statistics.crosstab import CrossTab, crosstab
from pipeline.statistics.survey import survey_for


def crosstab_file(
    path: str,
    row: str,
    col: str,
    *,
    strata: str | None = None,
    weight: str | None = None,
    fpc: str | Sequence[str] | None = None,
    clusters: Sequence[str] = (),
    nest: bool = False,
    lonely_psu: str = "fail",
) -> tuple[CrossTab, bool]:
    """Read a data file, build its survey from the named columns (strata, weight, cluster
    columns per stage, fpc per stage) and cross-tabulate ``row`` by ``col``. Returns the table
    and whether the data are simulated (``_simulated`` = 1)."""
    df = read_data(path)
    fpcs = [fpc] if isinstance(fpc, str) else list(fpc or [])
    require_columns(df, [row, col, strata, weight, *fpcs, *clusters], path)
    try:
        survey = survey_for(
            df,
            strata=strata,
            weight=weight,
            fpc=fpcs or None,
            clusters=clusters,
            nest=nest,
            lonely_psu=lonely_psu,
            file=str(path),
        )
        simulated = is_simulated(df)
        return crosstab(survey, row, col), simulated
    except InputError as exc:
        exc.file = exc.file or str(path)  # the data file is what the user can fix
        raise
