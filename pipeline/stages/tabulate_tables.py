"""Tables of a repeat's child table (persons in households, plots of a farm ...).

Every categorical variable of the repeat gets its design-based proportions (0-1) and every
numeric one its mean, estimated at the child level on the child design weight.py carries
down: the parent's strata, weights and FPC, the parent submission (or the parent's
clusters) as PSU. Rows of an estimate with fewer than ``suppress_below`` child rows behind
it are marked suppressed, as the respondent tables' small cells are.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.core.atomic import atomic_path
from pipeline.core.paths import output_file
from pipeline.core.spreadsheet_safety import write_csv_for_people
from pipeline.core.table_files import write_parquet_tables
from pipeline.model.questionnaire import NUMERIC_TYPES, Questionnaire, Variable
from pipeline.stages.tabulate import TabulateOptions, analysis_values
from pipeline.statistics import estimate
from pipeline.statistics.survey import Survey

TABLE_COLUMNS = [
    "table", "variable", "measure", "row_code", "n", "estimate", "se", "ci_low", "ci_high",
    "deff", "base", "psu", "suppressed",
]  # fmt: skip


def table_variables(questionnaire: Questionnaire, table: str) -> list[Variable]:
    """The child table's variables that are estimated: categorical (proportions) and
    numeric (means), not personal data."""
    return [
        v
        for v in questionnaire.variables(table=table)
        if not v.pii and (v.is_categorical or v.question.type in NUMERIC_TYPES)
    ]


def tabulate_table(
    data: pd.DataFrame,
    design: Survey,
    questionnaire: Questionnaire,
    table: str,
    options: TabulateOptions,
) -> pd.DataFrame:
    """One row per estimate of the child table (see module doc); columns TABLE_COLUMNS."""
    rows: list[dict] = []
    for variable in table_variables(questionnaire, table):
        if variable.is_categorical:
            rows.extend(_proportion_rows(design, data, variable, options))
        else:
            rows.extend(_mean_rows(design, data, variable, options))
    cells = pd.DataFrame(rows, columns=[c for c in TABLE_COLUMNS if c not in ("table", "psu")])
    cells.insert(0, "table", table)
    cells["psu"] = design.n_psu if cells.shape[0] else pd.Series(dtype=int)
    cells["suppressed"] = cells["base"] < options.suppress_below
    return cells[TABLE_COLUMNS]


def _proportion_rows(
    design: Survey, data: pd.DataFrame, variable: Variable, options: TabulateOptions
) -> list[dict]:
    values = analysis_values(data, variable)
    if values.notna().sum() == 0:
        return []
    est = estimate.proportions(
        design, values, method=options.ci_method, level=options.level,
        levels=variable.substantive_codes(),
    )  # fmt: skip
    base = int(est.n.sum())
    return [
        _row(variable, "proportion", int(level), est, i, base)
        for i, level in enumerate(est.labels)
    ]


def _mean_rows(
    design: Survey, data: pd.DataFrame, variable: Variable, options: TabulateOptions
) -> list[dict]:
    values = pd.to_numeric(data[variable.name], errors="coerce").astype(float)
    values = values.where(~values.isin(variable.missing_codes()))
    if values.notna().sum() == 0:
        return []
    est = estimate.mean(design, values, level=options.level)
    return [_row(variable, "mean", None, est, 0, int(est.n[0]))]


def _row(variable: Variable, measure: str, code, est, i: int, base: int) -> dict:
    return {
        "variable": variable.name,
        "measure": measure,
        "row_code": code,
        "n": int(est.n[i]),
        "estimate": float(est.estimate[i]),
        "se": float(est.se[i]),
        "ci_low": float(est.ci[i, 0]),
        "ci_high": float(est.ci[i, 1]),
        "deff": float(est.deff[i]),
        "base": base,
    }


def table_paths(out_dir: Path, stem: str, table: str) -> dict[str, Path]:
    """``<stem>.<table>.cells.parquet`` (for the reports) and ``.tables.csv`` (for people)."""
    return {
        "cells": output_file(out_dir, f"{stem}.{table}.cells.parquet"),
        "csv": output_file(out_dir, f"{stem}.{table}.tables.csv"),
    }


def write_table_cells(
    cells: pd.DataFrame, out_dir: str | Path, stem: str, table: str
) -> dict[str, Path]:
    """Write both files of one child table, each atomically."""
    paths = table_paths(Path(out_dir), stem, table)
    write_parquet_tables({paths["cells"]: cells})
    with atomic_path(paths["csv"]) as tmp:
        write_csv_for_people(cells, tmp)
    return paths
