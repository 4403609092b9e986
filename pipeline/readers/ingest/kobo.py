"""KoboToolbox exports (CSV or XLSX, "XML values" or "labels").

Headers are group paths ``group/question`` (nested ``g1/g2/q``); a select-multiple question
is a space-separated column ``q`` and/or 0/1 columns ``q/option``. Kobo's own columns start
with ``_`` (``_uuid``, ``_submission_time``, ``_index``, ``_id``, ``_status`` ...) and are kept
as metadata; the form's metadata questions (``start``, ``end``, ``today``, ``deviceid`` ...)
become ``_start``, ``_end`` ...
"""

from __future__ import annotations

import re

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
