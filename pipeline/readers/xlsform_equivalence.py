"""Are two XLSForms the same form? pyxform, the reference reader, decides.

Each form is read by pyxform into its JSON form definition (names, types, labels in every
language, choices, binds, controls, media, settings); the two definitions are compared field
by field. The ``pipeline_*`` columns the pipeline adds for its own round trip, which pyxform
carries through as unknown columns, are left out of the comparison.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PIPELINE_PREFIX = "pipeline_"


def pyxform_definition(path: str | Path) -> dict[str, Any]:
    """pyxform's JSON definition of the form at ``path`` (raises pyxform's error)."""
    from pyxform.xls2json import parse_file_to_json

    return _without_pipeline(parse_file_to_json(str(path), warnings=[]))


def _without_pipeline(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _without_pipeline(v)
            for k, v in value.items()
            if not (isinstance(k, str) and k.startswith(PIPELINE_PREFIX)) and k != "__row"
        }
    if isinstance(value, list):
        return [_without_pipeline(v) for v in value]
    return value


def differences(original: Any, other: Any, where: str = "") -> list[str]:
    """Every place the two definitions differ, as ``path: original != other``."""
    if isinstance(original, dict) and isinstance(other, dict):
        out = []
        for key in dict.fromkeys([*original, *other]):
            here = f"{where}.{key}" if where else str(key)
            if key not in other:
                out.append(f"{here}: lost ({_short(original[key])})")
            elif key not in original:
                out.append(f"{here}: added ({_short(other[key])})")
            else:
                out.extend(differences(original[key], other[key], here))
        return out
    if isinstance(original, list) and isinstance(other, list):
        out = [f"{where}: {len(original)} entries != {len(other)}"] if len(original) != len(
            other) else []  # fmt: skip
        for i, (a, b) in enumerate(zip(original, other, strict=False)):
            label = a.get("name", i) if isinstance(a, dict) else i
            out.extend(differences(a, b, f"{where}[{label}]"))
        return out
    if original != other:
        return [f"{where}: {_short(original)} != {_short(other)}"]
    return []


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."
