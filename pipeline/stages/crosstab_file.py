"""The ad hoc cross-tab of a data file (`survey crosstab`): read it, build its design from the
named columns, cross-tabulate."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError
from pipeline.core.simulated import is_simulated
from pipeline.model import expressions
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
    domain: str | None = None,
) -> tuple[CrossTab, bool]:
    """Read a data file, build its survey from the named columns (strata, weight, cluster
    columns per stage, fpc per stage) and cross-tabulate ``row`` by ``col``. Returns the table
    and whether the data are simulated (``_simulated`` = 1). ``domain`` is an XLSForm-style
    expression over the file's columns (``${stype} != 'E'``): the table of that subset, as
    R's ``svychisq(..., subset(design, ...))``."""
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
        mask = None if domain is None else domain_mask(df, domain, str(path))
        return crosstab(survey, row, col, domain=mask), simulated
    except InputError as exc:
        exc.file = exc.file or str(path)  # the data file is what the user can fix
        raise


def domain_mask(df: pd.DataFrame, domain: str, file: str | None) -> np.ndarray:
    """The rows of ``df`` where the expression ``domain`` holds (its columns as ``${name}``);
    InputError for bad syntax, an unknown column or an empty domain."""
    try:
        expr = expressions.parse(domain)
    except expressions.ExpressionError as exc:
        raise InputError(f"--domain: {exc}", file=file) from None
    unknown = sorted(name for name in expressions.references(expr) if name not in df.columns)
    if unknown:
        raise InputError(
            f"--domain refers to {unknown[0]!r}, which is not a column",
            file=file,
            column=unknown[0],
        )
    mask = expressions.evaluate(expr, df, None).to_numpy(dtype=bool)
    if not mask.any():
        raise InputError(f"--domain {domain!r} holds for no row", file=file)
    return mask
