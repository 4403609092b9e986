"""Reading and writing the pipeline's parquet data files with their metadata.

The metadata travels in the parquet schema under the key ``survey_pipeline`` as JSON
(form_id, version, wave, simulated, questionnaire, and after weighting the design).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.core.atomic import atomic_path
from pipeline.core.errors import InputError
from pipeline.readers.datafile import read_file

METADATA_KEY = b"survey_pipeline"


def read_dataset(path: str | Path) -> tuple[pd.DataFrame, dict]:
    """The data (read by the one reader) and its ``survey_pipeline`` metadata ({} when the
    file has none)."""
    path = Path(path)
    data = read_file(path, format="parquet").frame
    try:
        schema_meta = pq.read_schema(path).metadata or {}
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise InputError(f"cannot read the parquet file: {exc}", file=str(path)) from None
    raw = schema_meta.get(METADATA_KEY)
    try:
        meta = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        raise InputError("the survey_pipeline metadata is not JSON", file=str(path)) from None
    return data, meta


def dataset_table(data: pd.DataFrame, meta: dict) -> pa.Table:
    """An arrow table of ``data`` carrying ``meta`` as the ``survey_pipeline`` metadata."""
    table = pa.Table.from_pandas(data, preserve_index=False)
    merged = dict(table.schema.metadata or {})
    merged[METADATA_KEY] = json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return table.replace_schema_metadata(merged)


def write_dataset(data: pd.DataFrame, meta: dict, target: str | Path) -> Path:
    """Write ``data`` with ``meta`` atomically as parquet."""
    with atomic_path(target) as tmp:
        pq.write_table(dataset_table(data, meta), tmp)
    return Path(target)

