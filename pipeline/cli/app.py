"""The `survey` command. Each stage's commands live in pipeline/cli/<stage>.py as thin
shells around plain functions; this module only assembles them and turns every expected
failure into one line on stderr, never a traceback: bad input (InputError, or input nested
too deeply to read) exits 2; the system refusing a read or write (permission, a full disk,
a read-only file system, a missing folder) exits 3, naming the path."""

from __future__ import annotations

import errno
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


EXIT_INPUT = 2
EXIT_SYSTEM = 3

# What a person can do something about, in plain words; others keep the system's wording.
OS_REASONS = {
    errno.ENOSPC: "no space left on the disk",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.EEXIST: "a file of that name is in the way",
    errno.ENAMETOOLONG: "the file name is too long",
}


def os_error_line(exc: OSError) -> str:
    """One line for an OS error: the path(s) involved and the reason."""
    paths = [str(p) for p in (exc.filename, exc.filename2) if p is not None]
    reason = OS_REASONS.get(exc.errno) or exc.strerror or str(exc)
    return f"{' → '.join(paths)}: {reason}" if paths else reason


def run(argv: list[str]) -> int:
    """Run the app on ``argv`` and return the exit code; expected failures print one line."""
    try:
        app(args=argv, prog_name="survey")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except RecursionError:
        print("error: the input is nested too deeply to read; refused", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:
        print(f"error: {os_error_line(exc)}", file=sys.stderr)
        return EXIT_SYSTEM
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:]))
