"""Stata output: a .dta (format 118, Stata 14+, UTF-8) with variable and value labels.

Stata limits labels to 80 characters (variable and data labels); value-label text may be
long. Special missing codes stay codes with their value labels (as in the .sav); the
codebook says which codes are missing. Dates are %td.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyreadstat

from pipeline.core.atomic import atomic_path
from pipeline.stages.export.plan import ExportPlan, fit, fit_label

STATA_LABEL_CHARS = 80
STATA_VERSION = 14  # dta 118: UTF-8 labels


def _stata_dates(plan: ExportPlan) -> pd.DataFrame:
    """Dates as datetime.date objects: pyreadstat writes those as %td (datetime64 it cannot)."""
    data = plan.data.copy()
    for v in plan.variables:
        if v.kind == "date":
            column = data[v.name]
            data[v.name] = pd.Series(
                [d.date() if pd.notna(d) else None for d in column],
                index=column.index,
                dtype=object,
            )
    return data


def write_dta(plan: ExportPlan, target: Path) -> Path:
    names = {v.name: v.stata_name for v in plan.variables}
    data = _stata_dates(plan).rename(columns=names)
    labels = {
        v.stata_name: fit_label(
            v.label_parts, f"Stata variable label of {v.stata_name}", max_chars=STATA_LABEL_CHARS
        )
        for v in plan.variables
        if v.label
    }
    with atomic_path(target) as tmp:
        pyreadstat.write_dta(
            data,
            str(tmp),
            file_label=fit(plan.file_label, "the Stata data label", max_chars=STATA_LABEL_CHARS),
            column_labels=labels,
            version=STATA_VERSION,
            variable_value_labels={
                v.stata_name: v.value_labels for v in plan.variables if v.value_labels
            },
            variable_format={v.stata_name: "%td" for v in plan.variables if v.kind == "date"},
        )
    return target
