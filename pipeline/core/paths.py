"""Names are not paths: a form id, a wave or a question name that becomes part of a file name
must not climb out of the output folder.

``name_problem`` is the rule (the questionnaire model and lint apply it to ``form_id`` and
``wave``); ``output_file`` is the one way a stage joins such a name onto its ``--out``
folder, and it refuses anything that would resolve outside that folder, whatever the name's
origin (a questionnaire, a parquet file's metadata, a command-line option).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pipeline.core.errors import InputError

MAX_NAME_CHARS = 120
# Path separators on any system, the drive separator, and characters Windows forbids.
_FORBIDDEN = frozenset('/\\:*?"<>|')


def file_safe(text: str, fallback: str) -> str:
    """``text`` made usable as part of a file name: each run of forbidden or control
    characters becomes "-", leading dots, hyphens and spaces are dropped; ``fallback`` when
    nothing is left (an XLSForm's version "2022-04-11 16:26:28" becomes a wave name)."""
    kept = "".join(
        "-" if ch in _FORBIDDEN or unicodedata.category(ch)[0] == "C" else ch for ch in text
    )
    kept = re.sub(r"-{2,}", "-", kept).strip().lstrip(".- ")[:MAX_NAME_CHARS].rstrip()
    return kept if kept and name_problem(kept) is None else fallback


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be part of a file name, or None when it can.

    Refused: empty, longer than MAX_NAME_CHARS, "." or "..", a leading dot (hidden file) or
    hyphen (read as an option), leading or trailing whitespace, path separators and the
    characters Windows forbids, and control characters (NUL, newline ...).
    """
    if not name:
        return "it is empty"
    if len(name) > MAX_NAME_CHARS:
        return f"it is longer than {MAX_NAME_CHARS} characters"
    bad = sorted({ch for ch in name if ch in _FORBIDDEN or unicodedata.category(ch)[0] == "C"})
    if bad:
        shown = ", ".join(repr(ch) for ch in bad)
        climbs = " and '..'" if ".." in name else ""
        return (
            f"it contains {shown}{climbs} (path separators and control characters are not "
            "allowed)"
        )
    if name in (".", ".."):
        return "it is '.' or '..', which name folders"
    if name[0] in ".-":
        return f"it starts with {name[0]!r}"
    if name != name.strip():
        return "it starts or ends with whitespace"
    return None


def check_name(name: str, what: str, *, file: str | None = None, column: str | None = None) -> str:
    """``name`` unchanged if it can be part of a file name; else an InputError naming ``what``."""
    problem = name_problem(name)
    if problem:
        raise InputError(
            f"{what} {name!r} cannot be used in a file name: {problem}; use letters, digits, "
            "'_', '-' and '.'",
            file=file,
            column=column,
        )
    return name


def output_file(out_dir: str | Path, name: str) -> Path:
    """``out_dir / name``, refused (InputError) unless ``name`` is one plain file name that
    stays inside ``out_dir`` once resolved (symbolic links included)."""
    check_name(name, "the output file name")
    folder = Path(out_dir)
    target = folder / name
    root = folder.resolve()
    resolved = target.resolve()
    if resolved.parent != root:
        raise InputError(
            f"the output file {name!r} would be written outside the output folder "
            f"(to {resolved}); refused",
            file=str(folder),
        )
    return target


# The suffixes of the pipeline's data files, longest first: a child table's file keeps them.
DATA_SUFFIXES = (".weighted.parquet", ".parquet", ".csv", ".xlsx")


def child_table_path(path: str | Path, table: str) -> Path:
    """The file of a repeat's child table beside its respondent file: ``raw/2021.csv`` →
    ``raw/2021.<table>.csv``, ``processed/2021.weighted.parquet`` →
    ``processed/2021.<table>.weighted.parquet``."""
    path = Path(path)
    name = path.name
    suffix = next((s for s in DATA_SUFFIXES if name.endswith(s)), path.suffix)
    return path.with_name(f"{name[: len(name) - len(suffix)]}.{table}{suffix}")
