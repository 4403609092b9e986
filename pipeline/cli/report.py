"""`survey report`: execute a report notebook and render it to HTML and PDF."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.core.errors import InputError


def parse_parameters(items: list[str]) -> dict[str, str]:
    """``key=value`` texts as a dict; a missing ``=`` is an input error."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(f"expected a parameter as key=value, got {item!r}", column="-p")
        out[key.strip()] = value
    return out


def report_command(
    notebook: Path = typer.Argument(..., help="Report notebook, e.g. notebooks/wave_report.ipynb."),
    parameter: list[str] = typer.Option(
        [], "-p", "--parameter", help="Notebook parameter as key=value (repeatable)."
    ),
    to: str = typer.Option("html,pdf", "--to", help="Formats, comma-separated: html, pdf."),
    out: Path = typer.Option(Path("outputs/reports"), "--out", help="Output folder."),
    name: str | None = typer.Option(None, "--name", help="File stem (default: the notebook's)."),
    keep_notebook: bool = typer.Option(
        False, "--keep-notebook", help="Also write the executed notebook beside the reports."
    ),
) -> None:
    """Run a report notebook and render it to HTML and PDF.

    Example: survey report notebooks/wave_report.ipynb -p wave=2021 -p lang=vi --to html,pdf
    --out outputs/reports
    """
    from pipeline.stages.report.render import FORMATS, render_report

    formats = [f.strip() for f in to.split(",") if f.strip()]
    result = render_report(
        notebook,
        parse_parameters(parameter),
        out,
        formats=formats or list(FORMATS),
        name=name,
        keep_notebook=keep_notebook,
    )
    timing = ", ".join(f"{step} {sec:.1f} s" for step, sec in result.seconds.items())
    simulated = " (SIMULATED DATA)" if result.meta.get("simulated") else ""
    typer.echo(f"report rendered{simulated}: {timing}")
    for path in result.outputs.values():
        typer.echo(f"  {path}")


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
