"""`survey export` and `survey import-sav`: SPSS/Stata/CSV files out, an SPSS dictionary in."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import typer

from pipeline.core.errors import InputError, naming_the_file
from pipeline.core.paths import check_name
from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.dataset import read_dataset
from pipeline.readers.import_sav import import_sav
from pipeline.stages.export.plan import ExportWarning
from pipeline.stages.export.write import FORMATS, export


def export_command(
    data: Path = typer.Argument(..., help="processed/<wave>.parquet or .weighted.parquet."),
    questionnaire: Path = typer.Option(..., "--questionnaire", help="Questionnaire YAML."),
    out: Path = typer.Option(..., "--out", help="Output folder."),
    lang: str = typer.Option("vi", "--lang", help="Label language: vi or en."),
    zsav: bool = typer.Option(False, "--zsav", help="Also write a compressed .zsav."),
    formats: list[str] = typer.Option(
        list(FORMATS), "--format", help="Formats to write (repeatable): sav, sps, dta, csv."
    ),
) -> None:
    """Export to SPSS (.sav, .sps), Stata and CSV with metadata.

    Example: survey export processed/2021.weighted.parquet --questionnaire q.yaml --out outputs/spss
    """
    q = load_questionnaire(questionnaire)
    frame, meta = read_dataset(data)
    if meta.get("form_id") not in (None, q.form_id):
        raise InputError(
            f"the data come from form {meta['form_id']!r} but the questionnaire is {q.form_id!r}",
            file=str(data),
        )
    if meta.get("wave") is not None:
        check_name(str(meta["wave"]), "the wave", file=str(data), column="wave")
    with warnings.catch_warnings(record=True) as caught, naming_the_file(data):
        warnings.simplefilter("always", ExportWarning)
        written = export(
            frame,
            q,
            out,
            lang,
            tuple(formats),
            simulated=bool(meta.get("simulated", False)),
            zsav=zsav,
            wave=meta.get("wave"),
        )
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    for path in written:
        print(path)


def import_sav_command(
    sav: Path = typer.Argument(..., help="An SPSS .sav or .zsav file."),
    out: Path = typer.Option(..., "--out", help="Questionnaire YAML to write."),
    stratum: str = typer.Option(..., "--stratum", help="The variable that holds the strata."),
    frame: str = typer.Option(
        "frame.yaml", "--frame", help="Frame file name to record in stratum.frame."
    ),
    lang: str = typer.Option("vi", "--lang", help="Language of the file's labels: vi or en."),
    wave: str = typer.Option("1", "--wave", help="Wave to record in the questionnaire."),
    skip: list[str] = typer.Option([], "--skip", help="Variable to leave out (repeatable)."),
) -> None:
    """Read an SPSS file's dictionary into a questionnaire YAML.

    Example: survey import-sav old/2016.sav --out questionnaires/2016.yaml --stratum khoi
    """
    notes = import_sav(
        sav, out, stratum=stratum, frame=frame, lang=lang, wave=wave, skip=tuple(skip)
    )
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    print(out)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
    app.command("import-sav")(import_sav_command)
