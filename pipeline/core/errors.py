"""The one error type for bad input: it names the file, row and column and what was expected."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


class InputError(Exception):
    """Bad input that the user can fix. The CLI prints it without a traceback, exit code 2.

    ``row`` is 1-based as a person counts lines in a spreadsheet (the header is row 1 for
    tabular files); ``column`` is a column name or a dotted field path in YAML.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


@contextlib.contextmanager
def naming_the_file(path: object) -> Iterator[None]:
    """An InputError raised inside without a file (the statistics and the stages' checks see
    data frames, not files) gets ``path``, the file the data came from."""
    try:
        yield
    except InputError as exc:
        if exc.file is None:
            exc.file = str(path)
        raise
