"""KoboToolbox exports (CSV or XLSX, "XML values" or "labels").

Headers are group paths ``group/question`` (nested ``g1/g2/q``); a select-multiple question
is a space-separated column ``q`` and/or 0/1 columns ``q/option``. A repeat comes wide in a CSV
(``children[2]/childs_name``) or, in an XLSX export, as a sheet of its own keyed to its parent
by ``_parent_table_name`` and ``_parent_index``. Kobo's own columns start
with ``_`` (``_uuid``, ``_submission_time``, ``_index``, ``_id``, ``_status`` ...) and are kept
as metadata; the form's metadata questions (``start``, ``end``, ``today``, ``deviceid`` ...)
become ``_start``, ``_end`` ...
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.readers.ingest.table import SourceTable, build_table, cell_text

MARKERS = frozenset(
    {"_uuid", "_submission_time", "_index", "__version__", "_xform_id_string",
     "_validation_status", "_submitted_by", "formhub/uuid", "meta/instanceID"}
)  # fmt: skip
META_QUESTIONS = frozenset(
    {"start", "end", "today", "deviceid", "username", "simserial", "subscriberid",
     "phonenumber", "audit", "email"}
)  # fmt: skip
META_GROUPS = frozenset({"meta", "formhub"})
SEPARATOR = "/"
# A repeat in a wide export: ``children[2]/childs_name`` (the 2nd child's name).
_REPEAT_SEGMENT = re.compile(r"^(?P<name>[^\[\]/]+)\[(?P<index>\d+)\]$")


def repeat_path(header: str) -> tuple[str, tuple[int, ...], str] | None:
    """``hh/member[2]/age`` -> ('member', (2,), 'age'); ``a[1]/b[3]/x`` -> ('b', (1, 3), 'x'):
    the innermost repeat, the position in each enclosing repeat, the question. None for a
    column of no repeat."""
    parts = segments(header)
    found = [(i, _REPEAT_SEGMENT.match(p)) for i, p in enumerate(parts)]
    repeats = [(i, m) for i, m in found if m]
    if not repeats or repeats[-1][0] == len(parts) - 1:
        return None
    match = repeats[-1][1]
    indices = tuple(int(m.group("index")) for _, m in repeats)
    return match.group("name"), indices, parts[-1]


def is_kobo(headers: list[str]) -> bool:
    return any(h in MARKERS for h in headers)


def segments(header: str) -> list[str]:
    """The group path of a header: ``g1/g2/q`` → ['g1', 'g2', 'q']."""
    return [s for s in header.split(SEPARATOR) if s]


def metadata_name(header: str) -> str | None:
    """The ``_``-prefixed metadata name of a Kobo header, or None if it is not metadata."""
    if header.startswith("_"):
        return header
    parts = segments(header)
    if not parts:
        return None
    if parts[-1] in META_QUESTIONS:
        return "_" + parts[-1]
    if parts[0] in META_GROUPS and len(parts) > 1:
        # meta/instanceID → _instance_id (as ODK); formhub/uuid → _formhub_uuid (Kobo has _uuid)
        kept = parts[1:] if parts[0] == "meta" else parts
        return "_" + "_".join(snake_case(p) for p in kept)
    return None


def snake_case(name: str) -> str:
    """``instanceID`` → ``instance_id``; ``SubmissionDate`` → ``submission_date``."""
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_").lower()


# ---- Kobo XLSX: one sheet per repeat ------------------------------------------------------

# Kobo's keys on a repeat's sheet: its row number, the sheet of the parent, the parent's row.
ROW_INDEX, PARENT_TABLE, PARENT_INDEX = "_index", "_parent_table_name", "_parent_index"
EXCEL_SHEET_NAME_CHARS = 31


def repeat_sheets(path: Path, repeats: list[str]) -> dict[str, SourceTable]:
    """The sheet of each repeat in a Kobo XLSX export (named after the repeat, cut to Excel's
    31 characters), read as text like the main sheet."""
    import openpyxl

    wanted = {name[:EXCEL_SHEET_NAME_CHARS]: name for name in repeats}
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return {
            wanted[sheet.title]: build_table(
                str(path),
                [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)],
            )
            for sheet in workbook.worksheets
            if sheet.title in wanted
        }
    finally:
        workbook.close()
