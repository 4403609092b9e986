"""ODK Central CSV exports.

Headers are hyphen-joined group paths (``group-question``); Central's own columns are
``SubmissionDate``, ``KEY``, ``ReviewState``, ``SubmitterID`` ...; ``meta-instanceID`` is the
form's instance id. A select-multiple question is one space-separated column of codes.
"""

from __future__ import annotations

import re

from pipeline.readers.ingest.kobo import META_QUESTIONS, snake_case

MARKERS = frozenset({"KEY", "SubmissionDate", "meta-instanceID", "ReviewState", "SubmitterID"})
CENTRAL_COLUMNS = {
    "SubmissionDate": "_submission_time",
    "KEY": "_key",
    "ReviewState": "_review_state",
    "SubmitterID": "_submitter_id",
    "SubmitterName": "_submitter_name",
    "AttachmentsPresent": "_attachments_present",
    "AttachmentsExpected": "_attachments_expected",
    "Status": "_status",
    "DeviceID": "_device_id",
    "Edits": "_edits",
    "FormVersion": "_form_version",
}


def is_odk(headers: list[str]) -> bool:
    return sum(1 for h in headers if h in MARKERS) >= 2


def segments(header: str) -> list[str]:
    """The group path of a header: ``g1-g2-q`` → ['g1', 'g2', 'q'] (``q/opt`` split too)."""
    return [s for s in re.split(r"[-/]", header) if s]


def metadata_name(header: str) -> str | None:
    """The ``_``-prefixed metadata name of an ODK Central header, or None."""
    if header in CENTRAL_COLUMNS:
        return CENTRAL_COLUMNS[header]
    if header.startswith("_"):
        return header
    parts = segments(header)
    if parts and parts[-1] in META_QUESTIONS:
        return "_" + parts[-1]
    if parts and parts[0] == "meta" and len(parts) > 1:
        return "_" + snake_case("_".join(parts[1:]))
    return None
