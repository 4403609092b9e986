"""`survey clean`: raw responses → typed clean data, cleaning log, quarantine, summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from pipeline.model.cleaning_rules import CleaningConfig

from pipeline.core.errors import InputError

DEFAULT_CONFIG = Path("questionnaires/cleaning.yaml")


def clean_command(
    raw: Path = typer.Argument(..., help="Raw responses (CSV, Excel, Kobo/ODK export)."),
    questionnaire: Path = typer.Option(..., "--questionnaire", help="Questionnaire YAML."),
    out: Path = typer.Option(..., "--out", help="Clean data, e.g. processed/<wave>.parquet."),
    config: Path | None = typer.Option(
        None, "--config", help=f"Cleaning config YAML (default {DEFAULT_CONFIG} if present)."
    ),
    key_file: Path | None = typer.Option(
        None,
        "--key-file",
        help="Pseudonym key file (default: $SURVEY_PSEUDONYM_KEY or "
        "./.pseudonym-key, created when absent).",
    ),
    new_key: bool = typer.Option(
        False,
        "--new-key",
        help="Accept a pseudonym key other than the earlier waves' (their pseudonyms will not "
        "match this wave's).",
    ),
    format: str | None = typer.Option(None, "--format", help="Input format if not from suffix."),
    encoding: str | None = typer.Option(None, "--encoding", help="Text encoding of the input."),
) -> None:
    """Clean raw responses: typed data, log, quarantine, summary.

    Example: survey clean raw/2021.csv --questionnaire q.yaml --out processed/2021.parquet
    """
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.readers.ingest import read_child_tables, read_responses
    from pipeline.stages.clean import check_columns, write_outputs
    from pipeline.stages.clean_tables import clean_with_tables, describe_counts
    from pipeline.stages.pseudonymise import key_fingerprint

    if out.suffix != ".parquet":
        raise InputError("expected an output file ending in .parquet", file=str(out))
    if out.resolve().parent.name == "raw":
        raise InputError("cleaning never writes into raw/; choose processed/", file=str(out))
    q = load_questionnaire(questionnaire)
    settings = load_config(config)
    data = read_responses(raw, q, format=format, encoding=encoding)
    # a raw CSV written by `survey ingest` has its repeats beside it: raw/<wave>.<repeat>.csv
    data.tables = {**read_child_tables(raw, q), **data.tables}
    check_columns(data, q)  # before a key file may be created for a run that cannot succeed
    key, created = pseudonym_key(out.parent, key_file, new_key)
    if created is not None:
        typer.echo(
            f"created a new pseudonym key in {created}; keep it safe: without it the next "
            "wave gets different pseudonyms",
            err=True,
        )
    result = clean_with_tables(data, q, settings, key)
    paths = write_outputs(result, out, str(questionnaire), key_fingerprint(key))
    s = result.summary
    sim = " (SIMULATED data)" if s["simulated"] else ""
    typer.echo(
        f"{s['rows_in']} rows in{sim}: {s['rows_kept']} kept → {paths['data']}, "
        f"{s['rows_quarantined']} quarantined → {paths['quarantine']}; "
        f"{len(result.log)} log rows → {paths['log']}"
    )
    for repeat, child in result.tables.items():
        typer.echo(f"{describe_counts(child.summary)} → {paths[f'{repeat}.data']}")


def pseudonym_key(
    processed: Path, key_file: Path | None, new_key: bool
) -> tuple[bytes, Path | None]:
    """The key, checked against the fingerprint the earlier waves in ``processed`` recorded.

    A missing key is created only when no earlier wave recorded one, or with ``new_key``.
    """
    from pipeline.stages.pseudonymise import (
        check_same_key,
        key_source,
        load_or_create_key,
        load_or_create_key_file,
        recorded_fingerprint,
    )

    create = new_key or recorded_fingerprint(processed) is None
    if key_file is not None:
        key, created = load_or_create_key_file(key_file, create)
    else:
        key, created = load_or_create_key(Path.cwd(), create)
    if not new_key:
        check_same_key(processed, key, key_source(Path.cwd(), key_file))
    return key, created


def load_config(path: Path | None) -> CleaningConfig:
    from pipeline.model.cleaning_rules import CleaningConfig, load_cleaning_config  # noqa: F811

    if path is not None:
        return load_cleaning_config(path)
    if DEFAULT_CONFIG.exists():
        return load_cleaning_config(DEFAULT_CONFIG)
    return CleaningConfig()


def register(app: typer.Typer) -> None:
    app.command("clean")(clean_command)
