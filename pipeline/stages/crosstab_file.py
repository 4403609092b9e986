"""The ad hoc cross-tab of a data file (`survey crosstab`): read it, build its design from the
named columns, cross-tabulate, and find the value labels of the two variables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from pipeline.core.columnar import Columns
from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError
from pipeline.core.simulated import SIMULATED_COLUMN, is_simulated
from pipeline.readers.datafile import read_file
from pipeline.readers.filemeta import FileMeta
from pipeline.statistics.crosstab import CrossTab, crosstab, value_text
from pipeline.statistics.replicate_design import ReplicateOptions
from pipeline.statistics.survey import survey_for

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.model import expressions
    from pipeline.model.questionnaire import Questionnaire


@dataclass(frozen=True)
class FileCrossTab:
    """The table, whether the data are simulated (``_simulated`` = 1), and the value labels
    of the row and column variables (code as text → label; empty when none is known)."""

    table: CrossTab
    simulated: bool
    row_labels: dict[str, str] = field(default_factory=dict)
    col_labels: dict[str, str] = field(default_factory=dict)


def check_replicate_options(
    replicates: ReplicateOptions | None, strata: str | None, fpc, clusters: Sequence[str]
) -> None:
    """Replicate weights carry the design: strata, clusters and fpc would be ignored."""
    if replicates is not None and (strata or fpc or clusters):
        raise InputError(
            "--repweights carries the design: give it without --strata, --cluster and --fpc "
            "(R's svrepdesign takes none of them)",
            column="--repweights",
        )


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
    encoding: str | None = None,
    questionnaire: Questionnaire | None = None,
    lang: str = "vi",
    domain: str | None = None,
    replicates: ReplicateOptions | None = None,
) -> FileCrossTab:
    """Read a data file (only the named columns), build its survey from the named columns
    (strata, weight, cluster columns per stage, fpc per stage) and cross-tabulate ``row`` by
    ``col``. Labels come from ``questionnaire`` (in ``lang``) when
    given, else from the file's own value labels (.sav, .dta ...). ``domain`` is an
    XLSForm-style expression over the file's columns (``${stype} != 'E'``): the table of that
    subset, as R's ``svychisq(..., subset(design, ...))``. ``replicates``: the design is the
    file's replicate weights instead (R's ``svrepdesign``), ``weight`` the sampling weight."""
    check_replicate_options(replicates, strata, fpc, clusters)
    if row == col:
        # a variable against itself has a singular covariance (R's svychisq fails too)
        raise InputError(f"--row and --col both name {row!r}; give two variables", column="--col")
    parsed = None if domain is None else parse_domain(domain, str(path))
    if questionnaire is not None:
        from pipeline.core.labels import LANGUAGES  # pydantic: only with a questionnaire

        if lang not in LANGUAGES:
            raise InputError(f"unknown language {lang!r}; expected vi or en", column="--lang")
    fpcs = [fpc] if isinstance(fpc, str) else list(fpc or [])
    wanted = [row, col, strata, weight, *fpcs, *clusters]
    if parsed is not None:
        from pipeline.model import expressions

        wanted += sorted(expressions.references(parsed))
    named = [c for c in dict.fromkeys(wanted) if c is not None]
    # the replicate weights are found by matching the pattern against every column name;
    # without them, columnar: numpy arrays, no pandas (its import would cost more than the
    # whole table)
    data = read_file(
        path,
        encoding=encoding,
        columns=None if replicates else named,
        optional=() if replicates else (SIMULATED_COLUMN,),
        columnar=replicates is None,
    )
    df = data.frame
    require_columns(df, wanted, path)
    try:
        if replicates is not None:
            survey = replicates.survey(df, weight, str(path))
        else:
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
        mask = None if parsed is None else domain_mask(df, parsed, domain, str(path))
        table = crosstab(survey, row, col, domain=mask)
    except InputError as exc:
        exc.file = exc.file or str(path)  # the data file is what the user can fix
        raise
    return FileCrossTab(
        table,
        is_simulated(df),
        value_labels(row, data.meta, questionnaire, lang),
        value_labels(col, data.meta, questionnaire, lang),
    )


def value_labels(
    column: str, meta: FileMeta, questionnaire: Questionnaire | None, lang: str
) -> dict[str, str]:
    """A column's value labels, code as text (as the table prints codes) → label."""
    if questionnaire is not None:
        try:
            labels = questionnaire.variable(column).value_labels(lang)
        except KeyError:
            labels = {}
    else:
        labels = meta.value_labels.get(column, {})
    return {value_text(code): str(label) for code, label in labels.items()}


def parse_domain(domain: str, file: str | None) -> expressions.Expr:
    """The ``--domain`` expression parsed; InputError for bad syntax."""
    from pipeline.model import expressions

    try:
        return expressions.parse(domain)
    except expressions.ExpressionError as exc:
        raise InputError(f"--domain: {exc}", file=file) from None


def domain_mask(
    df: pd.DataFrame | Columns, expr: expressions.Expr, domain: str, file: str | None
) -> np.ndarray:
    """The rows of ``df`` where the parsed expression ``domain`` holds (its columns as
    ``${name}``); InputError for an unknown column or an empty domain."""
    from pipeline.model import expressions  # pandas: only with --domain

    unknown = sorted(name for name in expressions.references(expr) if name not in df.columns)
    if unknown:
        raise InputError(
            f"--domain refers to {unknown[0]!r}, which is not a column",
            file=file,
            column=unknown[0],
        )
    frame = df.to_pandas() if isinstance(df, Columns) else df
    mask = expressions.evaluate(expr, frame, None).to_numpy(dtype=bool)
    if not mask.any():
        raise InputError(f"--domain {domain!r} holds for no row", file=file)
    return mask
