"""The `survey` command: every stage is listed with a one-line summary, and every command's
help shows an example."""

import pytest
import typer.main

from pipeline.cli.app import app, run

COMMANDS = [
    "lint", "instruments", "import-xlsform", "allocate", "simulate", "ingest", "compare-entry",
    "clean", "weight", "crosstab", "tabulate", "compare", "compare-waves", "export",
    "import-sav", "report", "run", "collect",  # typer lists command groups last
]  # fmt: skip


def test_help_lists_every_command_on_one_line(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert run(["--help"]) == 0
    out = capsys.readouterr().out
    listed = [line.split()[1] for line in out.splitlines() if line.startswith("│ ") and
              len(line.split()) > 2 and line.split()[1] in COMMANDS]  # fmt: skip
    assert listed == COMMANDS
    # A summary that wraps would leave a line holding only the rest of the text.
    lines = out[out.index("Commands") :].splitlines()[1:-1]
    assert all(line.split()[1] in COMMANDS for line in lines if len(line.split()) > 2)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command, capsys):
    assert run([command, "--help"]) == 0
    assert "Example:" in capsys.readouterr().out


def test_the_app_registers_exactly_these_commands():
    group = typer.main.get_command(app)
    assert sorted(group.commands) == sorted(COMMANDS)
