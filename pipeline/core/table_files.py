"""The long tables a stage hands on: parquet files and one JSON document, written atomically."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from pipeline.core.atomic import atomic_path, write_text


def json_records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-safe dicts (NaN → null), for the JSON files the reports read."""
    return json.loads(frame.to_json(orient="records", force_ascii=False))


def write_parquet_tables(tables: Mapping[Path, pd.DataFrame]) -> None:
    """Each frame to its parquet file (no index), atomically."""
    for target, frame in tables.items():
        with atomic_path(target) as tmp:
            frame.to_parquet(tmp, index=False)


def write_json_document(target: Path, document: dict, indent: int = 1) -> None:
    """``document`` as UTF-8 JSON (non-ASCII kept as is) with a final newline, atomically."""
    write_text(target, json.dumps(document, ensure_ascii=False, indent=indent) + "\n")
