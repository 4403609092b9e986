"""`survey run`: the whole pipeline, from questionnaire to reports."""

from __future__ import annotations

from pathlib import Path

import typer


def run_command(
    repo: Path = typer.Option(Path("."), "--repo", help="Project folder holding dvc.yaml."),
    force: bool = typer.Option(False, "--force", help="Rerun every stage, even if up to date."),
) -> None:
    """Run every out-of-date stage of dvc.yaml; list the reports.

    Example: survey run
    """
    from rich.console import Console

    from pipeline.stages.run import report_files, run_pipeline

    console = Console()
    code = run_pipeline(repo.resolve(), force=force)
    if code != 0:
        raise typer.Exit(code)
    reports = report_files(repo)
    if reports:
        console.print("Reports:")
        for path in reports:
            console.print(f"  {path}")
    console.print(f"Outputs are in {repo / 'outputs'}.")


def register(app: typer.Typer) -> None:
    app.command("run")(run_command)
