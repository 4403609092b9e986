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
    form: Path = typer.Argument(..., help="XLSForm .xlsx (survey, choices, settings sheets)."),
    out: Path = typer.Option(..., "--out", help="Questionnaire YAML to write."),
    stratum: str | None = typer.Option(
        None, "--stratum", help="Stratum question, if the form does not name one."
    ),
    frame: str = typer.Option(
        "frame.yaml", "--frame", help="Frame file for stratum.frame, if the form names none."
    ),
) -> None:
    """Read an XLSForm into a questionnaire YAML.

    Example: survey import-xlsform outputs/instruments/mini.xlsform.xlsx --out questionnaires/q.yaml
    """
    from pipeline.readers.import_xlsform import import_xlsform

    typer.echo(str(import_xlsform(form, out, stratum=stratum, frame=frame)))


def register(app: typer.Typer) -> None:
    app.command("instruments")(instruments_command)
    app.command("import-xlsform")(import_xlsform_command)
