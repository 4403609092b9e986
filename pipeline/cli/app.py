"""The `survey` command. Each stage's commands live in pipeline/cli/<stage>.py as thin
shells around plain functions; this module only assembles them and turns InputError into a
clear message and exit code 2 (no traceback for expected errors)."""

from __future__ import annotations

import sys

import typer

from pipeline.cli import (
    allocate,
    clean,
    collect,
    compare,
    crosstab,
    export,
    ingest,
    instruments,
    lint,
    report,
    repro,
    simulate,
    tabulate,
    weight,
)
from pipeline.core.errors import InputError

app = typer.Typer(
    name="survey",
    help="Survey pipeline: questionnaire → instruments → responses → weights → tables → reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _survey() -> None:
    """Survey pipeline: questionnaire → instruments → responses → weights → tables → reports."""


# One entry per stage module, in pipeline order; each module's register() adds its commands.
STAGES = (
    lint,
    instruments,
    allocate,
    simulate,
    collect,
    ingest,
    clean,
    weight,
    crosstab,
    tabulate,
    compare,
    export,
    report,
    repro,
)
for module in STAGES:
    module.register(app)


def run(argv: list[str]) -> int:
    """Run the app on ``argv`` and return the exit code; input errors print as one line."""
    try:
        app(args=argv, prog_name="survey")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:]))
