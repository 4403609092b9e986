"""Which columns a reading asks for, checked against the file's (every format's reader)."""

from __future__ import annotations

from pathlib import Path

from pipeline.core.errors import InputError


def select_columns(
    columns: list[str], optional: tuple[str, ...], present: list[str], path: Path
) -> list[str]:
    """``columns`` (each required: InputError naming the first absent one) and those of
    ``optional`` that are ``present``; each once, in that order."""
    for name in columns:
        if name not in present:
            raise InputError(
                f"column not found (columns are: {', '.join(map(str, present))})",
                file=str(path),
                column=name,
            )
    return list(dict.fromkeys([*columns, *(c for c in optional if c in present)]))
