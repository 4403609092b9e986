"""`survey ingest` and `survey compare-entry`: read responses from any collection format."""

from __future__ import annotations

import sys
from pathlib import Path

import typer


def ingest_command(
    file: Path = typer.Argument(
        ..., help="Responses: csv/tsv/txt, xlsx, sav, zsav, dta, parquet, ODK Central's zip."
    ),
    questionnaire: Path = typer.Option(..., "--questionnaire", help="Questionnaire YAML."),
    out: Path = typer.Option(..., "--out", help="The raw CSV to write (UTF-8)."),
    format: str = typer.Option(None, "--format", help="csv, xlsx, kobo, odk ... (default: detect)"),
    encoding: str = typer.Option(None, "--encoding", help="Text encoding, e.g. utf-16, cp1258."),
) -> None:
    """Read any response file into a questionnaire's raw CSV.

    A form's repeats go to child tables beside it: <out>.<repeat>.csv (from Kobo's wide
    columns or repeat sheets, or ODK Central's <form>-<repeat>.csv files).

    Example: survey ingest kobo-export.csv --questionnaire questionnaires/q.yaml --out raw/2021.csv
    """
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.readers.ingest import read_responses, write_csv, write_raw_csv

    q = load_questionnaire(questionnaire)
    responses = read_responses(file, q, format=format, encoding=encoding)
    write_raw_csv(responses, out)
    print(f"{len(responses.data)} rows from {file} ({responses.format}) → {out}")
    for repeat, table in responses.tables.items():
        # a repeat's child table beside the respondents' file: raw/<wave>.<repeat>.csv
        child = out.with_name(f"{out.stem}.{repeat}{out.suffix}")
        write_csv(table, child)
        print(f"{len(table)} rows of repeat {repeat} → {child}")
    if responses.simulated:
        print("SIMULATED DATA: every row is marked _simulated = 1")
    if responses.unmapped:
        print("unmapped source columns: " + ", ".join(responses.unmapped), file=sys.stderr)
    if responses.missing:
        missing = ", ".join(responses.missing)
        print(f"variables not in the source (left empty): {missing}", file=sys.stderr)


def compare_entry_command(
    file_a: Path = typer.Argument(..., help="First keying."),
    file_b: Path = typer.Argument(..., help="Second keying."),
    key: str = typer.Option(None, "--key", help="Key column (default: the respondent id)."),
    questionnaire: Path = typer.Option(
        None, "--questionnaire", help="Map both files onto this questionnaire first."
    ),
    encoding: str = typer.Option(None, "--encoding", help="Text encoding of both files."),
) -> None:
    """List where two keyings of the same forms disagree.

    Every record and field that differs, EpiData style; exit 1 if any differ, 0 if the two
    keyings are identical.

    Example: survey compare-entry entry-a.xlsx entry-b.xlsx --key respondent_id
    """
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.readers.ingest import read_responses
    from pipeline.stages.compare_entry import compare_entries, format_disagreements

    q = load_questionnaire(questionnaire) if questionnaire else None
    if key is None:
        if q is None:
            raise typer.BadParameter("give --key, or --questionnaire to use its respondent id")
        key = q.respondent_id
    a = read_responses(file_a, q, encoding=encoding)
    b = read_responses(file_b, q, encoding=encoding)
    diffs = compare_entries(a, b, key)
    print(format_disagreements(diffs, key, str(file_a), str(file_b)), end="")
    if diffs:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("compare-entry")(compare_entry_command)
