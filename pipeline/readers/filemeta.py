"""What a data file says about its values, kept beside the data frame (as pyreadstat does)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FileMeta:
    """What a file says about its data besides the values (empty for a plain CSV)."""

    format: str
    column_labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[object, str]] = field(default_factory=dict)
    missing_values: dict[str, list] = field(default_factory=dict)
    missing_ranges: dict[str, list[dict]] = field(default_factory=dict)
    file_label: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    readstat: object | None = None  # pyreadstat's own metadata object, for importers
    notes: list[str] = field(default_factory=list)  # how the reading departed from the file
