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
