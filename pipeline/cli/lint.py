"""`survey lint`: every problem in a questionnaire, one per line."""

from __future__ import annotations

from pathlib import Path

import typer


def lint_command(
    questionnaire: Path = typer.Argument(..., help="Questionnaire YAML to check."),
) -> None:
    """Check a questionnaire and name every problem.

    Example: survey lint questionnaires/degradation-2021.yaml
    """
    from pipeline.model.lint import lint

    problems = lint(questionnaire)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        typer.echo(f"{len(problems)} {noun} in {questionnaire}")
        raise typer.Exit(code=1)
    typer.echo(f"no problems in {questionnaire}")


def register(app: typer.Typer) -> None:
    app.command("lint")(lint_command)
