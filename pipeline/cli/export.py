"""`survey export` and `survey import-sav`: SPSS/Stata/CSV files out, an SPSS dictionary in."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import typer

from pipeline.core.errors import InputError, naming_the_file


def export_command(
    data: Path = typer.Argument(..., help="processed/<wave>.parquet or .weighted.parquet."),
    questionnaire: Path = typer.Option(..., "--questionnaire", help="Questionnaire YAML."),
    out: Path = typer.Option(..., "--out", help="Output folder."),
    langs: list[str] = typer.Option(
        ["vi"],
        "--lang",
        help="Label language(s), vi or en: repeatable or comma-separated (vi,en); one set of "
        "files each, and every .dta holds them all as label languages.",
    ),
    zsav: bool = typer.Option(False, "--zsav", help="Also write a compressed .zsav."),
    formats: list[str] | None = typer.Option(
        None,
        "--format",
        help="Formats to write (repeatable): sav, sps, dta, csv, r (default: all).",
    ),
) -> None:
    """Export to SPSS, Stata, R and CSV with full metadata.

    Example: survey export processed/2021.weighted.parquet --questionnaire q.yaml --out outputs/spss
    """
    from pipeline.core.paths import check_name
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.readers.dataset import read_dataset
    from pipeline.stages.export.plan import ExportWarning
    from pipeline.stages.export.write import FORMATS, data_version, export

    q = load_questionnaire(questionnaire)
    frame, meta = read_dataset(data)
    if meta.get("form_id") not in (None, q.form_id):
        raise InputError(
            f"the data come from form {meta['form_id']!r} but the questionnaire is {q.form_id!r}",
            file=str(data),
        )
    if meta.get("wave") is not None:
        check_name(str(meta["wave"]), "the wave", file=str(data), column="wave")
    langs = [lang.strip() for option in langs for lang in option.split(",") if lang.strip()]
    version = data_version(data)
    written = []
    with warnings.catch_warnings(record=True) as caught, naming_the_file(data):
        warnings.simplefilter("always", ExportWarning)
        for lang in langs:
            written += export(
                frame,
                q,
                out,
                lang,
                tuple(formats or FORMATS),
                simulated=bool(meta.get("simulated", False)),
                zsav=zsav,
                wave=meta.get("wave"),
                other_langs=tuple(other for other in langs if other != lang),
                design=meta.get("design"),
                data_version=version,
            )
        written += export_child_tables(data, q, out, langs, tuple(formats or FORMATS), zsav, meta)
    # each language's plan is built for every file set, so a warning may come more than once
    for message in dict.fromkeys(str(w.message) for w in caught):
        print(f"warning: {message}", file=sys.stderr)
    for path in written:
        print(path)


def export_child_tables(
    data: Path, q, out: Path, langs: list[str], formats: tuple[str, ...], zsav: bool, meta: dict
) -> list[Path]:
    """The files of each repeat's child table beside ``data`` (processed/<wave>.<repeat>
    .parquet or .weighted.parquet): <form>_<wave>_<repeat>_<lang>.sav/.dta/.csv ..."""
    from pipeline.core.paths import child_table_path
    from pipeline.readers.dataset import read_dataset
    from pipeline.stages.export.write import data_version, export

    written: list[Path] = []
    for repeat in q.tables():
        source = child_table_path(data, repeat)
        if not source.exists():
            continue
        child, child_meta = read_dataset(source)
        with naming_the_file(source):
            for lang in langs:
                written += export(
                    child,
                    q,
                    out,
                    lang,
                    formats,
                    simulated=bool(meta.get("simulated", False)),
                    zsav=zsav,
                    wave=meta.get("wave"),
                    other_langs=tuple(other for other in langs if other != lang),
                    design=child_meta.get("design"),
                    data_version=data_version(source),
                    table=repeat,
                )
    return written


def import_sav_command(
    sav: Path = typer.Argument(..., help="An SPSS .sav, .zsav or .por file."),
    out: Path = typer.Option(..., "--out", help="Questionnaire YAML to write."),
    stratum: str = typer.Option(..., "--stratum", help="The variable that holds the strata."),
    frame: str = typer.Option(
        "frame.yaml", "--frame", help="Frame file name to record in stratum.frame."
    ),
    lang: str = typer.Option("vi", "--lang", help="Language of the file's labels: vi or en."),
    wave: str = typer.Option("1", "--wave", help="Wave to record in the questionnaire."),
    skip: list[str] = typer.Option([], "--skip", help="Variable to leave out (repeatable)."),
    encoding: str = typer.Option(
        None, "--encoding", help="Text encoding, for files that do not record it (e.g. cp1258)."
    ),
) -> None:
    """Read an SPSS file's dictionary into a questionnaire YAML.

    Example: survey import-sav old/2016.sav --out questionnaires/2016.yaml --stratum khoi
    """
    from pipeline.readers.import_sav import import_sav

    notes = import_sav(
        sav,
        out,
        stratum=stratum,
        frame=frame,
        lang=lang,
        wave=wave,
        skip=tuple(skip),
        encoding=encoding,
    )
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    print(out)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
    app.command("import-sav")(import_sav_command)
