"""Saving Excel workbooks reproducibly: the same content gives the same bytes.

openpyxl stamps the document's created/modified times and every zip entry with the clock;
reruns of a stage would then differ for no reason. Here both are fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from pipeline.core.atomic import atomic_path
from pipeline.core.spreadsheet_safety import neutralise_workbook

FIXED_TIME = dt.datetime(2000, 1, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def save_workbook(workbook: Workbook, target: str | Path) -> Path:
    """Save ``workbook`` to ``target`` atomically, with fixed document and zip entry times.

    Every text cell is neutralised first (a person opens every workbook the pipeline
    writes): no caller can write a live formula by forgetting to.
    """
    neutralise_workbook(workbook)
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    with atomic_path(target) as tmp:
        tmp.write_bytes(fixed_zip_times(buffer.getvalue()))
    return Path(target)


def fixed_zip_times(data: bytes) -> bytes:
    """Rewrite an xlsx zip with every entry dated 1980-01-01 and the document's 'modified'
    time (which openpyxl sets to the clock on save) fixed, so equal data give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.isoformat().encode() + b"Z"
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(fixed, content)
    return target.getvalue()


def sheet_title(name: str) -> str:
    """``name`` as an Excel sheet title: without the characters Excel forbids, at most 31."""
    return "".join(ch for ch in name if ch not in "[]:*?/\\")[:31]
