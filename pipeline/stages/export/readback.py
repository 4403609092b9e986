"""The written file read back and compared with what was meant: nothing cut, nothing changed.

Limits are checked before writing (plan.fit), but a writer in the chain may enforce its own
(readstat keeps 64 bytes of file label, PSPP 60) and readers drop bytes that are not valid
UTF-8 without a word. Reading the final file back with pyreadstat and comparing every label
with the plan catches both: a difference is an error that names the label.
"""

from __future__ import annotations

from pathlib import Path

import pyreadstat

from pipeline.stages.export.plan import ExportPlan


class ExportCheckError(RuntimeError):
    """A written file does not hold what the export plan meant (a label cut or changed)."""


def sav_differences(plan: ExportPlan, path: Path, with_mr_sets: bool = True) -> list[str]:
    """Every label of the .sav at ``path`` that differs from the plan, described."""
    _, meta = pyreadstat.read_sav(str(path), metadataonly=True)
    found: list[str] = []

    def compare(what: str, written: object, meant: object) -> None:
        if written != meant:
            found.append(f"{what} is {written!r} in the file, meant {meant!r}")

    compare("the file label", meta.file_label or "", plan.file_label)
    compare("the documents", list(meta.notes or []), plan.notes)
    labels = meta.column_names_to_labels
    value_labels = meta.variable_value_labels
    for v in plan.variables:
        compare(f"the variable label of {v.name}", labels.get(v.name) or "", v.label)
        meant = {float(code): text for code, text in v.value_labels.items()}
        compare(f"the value labels of {v.name}", value_labels.get(v.name, {}), meant)
    if with_mr_sets:
        sets = meta.mr_sets or {}
        for s in plan.mr_sets:
            compare(f"the label of set ${s.name}", sets.get(s.name, {}).get("label"), s.label)
    return found


def check_sav(plan: ExportPlan, path: Path, with_mr_sets: bool = True) -> None:
    """Raise ExportCheckError when the written .sav differs from the plan."""
    found = sav_differences(plan, path, with_mr_sets)
    if found:
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        raise ExportCheckError(f"{path.name}: " + "; ".join(found[:3]) + more)


def dta_differences(
    path: Path,
    data_label: str,
    variable_labels: dict[str, str],
    value_labels: dict[str, dict[int | str, str]],
) -> list[str]:
    """Every label of the .dta at ``path`` that differs from what was meant, described.

    ``value_labels`` keys are codes, or the letter of an extended missing value ("a").
    """
    _, meta = pyreadstat.read_dta(str(path), metadataonly=True, user_missing=True)
    found: list[str] = []
    if (meta.file_label or "") != data_label:
        found.append(f"the data label is {meta.file_label!r} in the file, meant {data_label!r}")
    labels = meta.column_names_to_labels
    for name, meant in variable_labels.items():
        if (labels.get(name) or "") != meant:
            found.append(
                f"the label of {name} is {labels.get(name)!r} in the file, meant {meant!r}"
            )
    written = meta.variable_value_labels
    for name, meant in value_labels.items():
        if written.get(name, {}) != meant:
            found.append(f"the value labels of {name} are {written.get(name)!r}, meant {meant!r}")
    return found


def check_dta(
    path: Path,
    data_label: str,
    variable_labels: dict[str, str],
    value_labels: dict[str, dict[int | str, str]],
) -> None:
    """Raise ExportCheckError when the written .dta differs from what was meant."""
    found = dta_differences(path, data_label, variable_labels, value_labels)
    if found:
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        raise ExportCheckError(f"{path.name}: " + "; ".join(found[:3]) + more)
