"""The simulator's command options, apart from the simulator so that `survey --help` can show
them without importing numpy and pandas."""

from __future__ import annotations

from enum import StrEnum

DEFAULT_MEMBER_SEED = 20161030


class OutputFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    kobo = "kobo"
