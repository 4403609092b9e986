"""`survey instruments` and `survey import-xlsform`: the questionnaire to and from forms."""

from __future__ import annotations

from pathlib import Path

import typer


def instruments_command(
    questionnaire: Path = typer.Argument(..., help="Questionnaire YAML."),
    out: Path = typer.Option(..., "--out", help="Folder for the instruments."),
    lang: str = typer.Option("vi", "--lang", help="Language of the paper form: vi or en."),
) -> None:
    """Write XLSForm, paper form, codebook and entry template.

    Example: survey instruments questionnaires/degradation-2021.yaml --out outputs/instruments
    """
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.stages.instruments import write_instruments

    for path in write_instruments(load_questionnaire(questionnaire), out, lang):
        typer.echo(str(path))


def import_xlsform_command(
    form: Path = typer.Argument(..., help="XLSForm .xlsx or .xls (survey, choices, settings)."),
    out: Path = typer.Option(..., "--out", help="Questionnaire YAML to write."),
    stratum: str | None = typer.Option(
        None, "--stratum", help="Stratum question of the design, if the form names none."
    ),
    frame: str = typer.Option(
        "frame.yaml", "--frame", help="Frame file for the stratum, if the form names none."
    ),
    codes_from: Path | None = typer.Option(
        None,
        "--codes-from",
        help="Questionnaire YAML of an earlier wave: its option codes are kept for the same names.",
    ),
) -> None:
    """Read an XLSForm (.xlsx or .xls) into a questionnaire YAML.

    What the questionnaire keeps only partly is listed as a warning.

    Example: survey import-xlsform outputs/instruments/mini.xlsform.xlsx --out questionnaires/q.yaml
    """
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.readers.import_xlsform import import_xlsform

    previous = load_questionnaire(codes_from, with_frame=False) if codes_from else None
    warnings: list[str] = []
    path = import_xlsform(form, out, stratum, frame, previous, warnings)
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    typer.echo(str(path))


def register(app: typer.Typer) -> None:
    app.command("instruments")(instruments_command)
    app.command("import-xlsform")(import_xlsform_command)
