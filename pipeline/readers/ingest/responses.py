"""The ingested responses: what every reader hands to cleaning (docs/schemas.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class RawResponses:
    """Responses as collected, renamed onto the questionnaire, nothing typed yet.

    ``data``: every cell a ``str`` or ``None``; columns = respondent id, the questionnaire's
    variables in questionnaire order, then ``_``-prefixed metadata. ``source_rows``: 1-based
    row of each data row in the source (header = row 1), aligned with ``data``.
    ``unmapped``: source columns that matched nothing. ``missing``: questionnaire variables
    the source did not have (present in ``data`` as all-None columns). ``simulated``: the
    ``_simulated`` column is present and 1 in every row. ``tables``: the child table of each
    repeat the source holds, one row per repeat instance: ``_parent_id`` (the respondent id
    of its submission), ``_parent_index`` (its position in each enclosing repeat, joined by
    ``.``, '' at the top), ``_index`` (1-based position), then the repeat's variables.
    """

    data: pd.DataFrame
    source_rows: list[int]
    source: str
    unmapped: list[str] = field(default_factory=list)
    simulated: bool = False
    missing: list[str] = field(default_factory=list)
    format: str = ""
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
