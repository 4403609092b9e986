"""`survey collect`: the self-hosted collection server and its admin commands."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

collect_app = typer.Typer(
    help="Self-hosted collection: serve the form, one-time codes, export raw/<wave>.csv.\n\n"
    "Example: survey collect serve questionnaires/degradation-2023.yaml --wave 2024",
    short_help="Collect a wave with a self-hosted server.",
    no_args_is_help=True,
)

DB_HELP = "Database: postgresql://... or an SQLite file (default collect/<wave>.sqlite)."


@collect_app.command("serve")
def serve_command(
    questionnaire: Path = typer.Argument(..., help="Questionnaire YAML."),
    wave: str = typer.Option(..., "--wave", help="The wave being collected, e.g. 2024."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8080, "--port", help="Port to listen on."),
    access: str = typer.Option("open", "--access", help="open, app-user or one-time."),
    out: Path | None = typer.Option(None, "--out", help="Export target (raw/<wave>.csv)."),
) -> None:
    """Serve the questionnaire for one wave (web form and OpenRosa for ODK Collect).
    Identifying metadata (start, end, deviceid, ...) is dropped unless the questionnaire
    opts in with ``collect: {keep_metadata: [start, end]}``.

    Example: survey collect serve questionnaires/degradation-2023.yaml --wave 2024
    """
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.stages.collect import make_app, open_store, serve, suppress_threshold

    q = load_questionnaire(questionnaire)
    store = open_store(db, wave)
    app = make_app(q, store, access, out, suppress_threshold())
    if store.setting("admin_hash") is None:
        typer.echo("no admin password yet: run `survey collect admin-password`", err=True)
    typer.echo(f"collecting {q.form_id} wave {wave} on http://{host}:{port}/ ({access})", err=True)
    serve(app, host, port)


@collect_app.command("admin-password")
def admin_password_command(
    wave: str = typer.Option(..., "--wave", help="The wave."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Set the admin password (read from the terminal, or one line of standard input)."""
    from pipeline.stages.collect import open_store, set_admin_password

    if sys.stdin.isatty():
        password = typer.prompt("admin password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    set_admin_password(open_store(db, wave), password)
    typer.echo("admin password set", err=True)


@collect_app.command("cards")
def cards_command(
    questionnaire: Path = typer.Argument(..., help="Questionnaire YAML."),
    wave: str = typer.Option(..., "--wave", help="The wave."),
    count: int = typer.Option(..., "--count", min=1, max=20000, help="Codes to make."),
    batch: str = typer.Option("batch", "--batch", help="Batch name."),
    url: str = typer.Option(..., "--url", help="The address printed on the cards."),
    out: Path = typer.Option(..., "--out", help="The cards PDF to write."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Make one-time codes and write them as cards (PDF); the server keeps only hashes."""
    from pipeline.core.atomic import atomic_path
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.stages.collect import open_store
    from pipeline.stages.collect.cards import cards_pdf, new_codes

    q = load_questionnaire(questionnaire)
    codes = new_codes(count)
    pdf = cards_pdf(codes, q.title, url)
    with atomic_path(out, mode=0o600) as tmp:
        tmp.write_bytes(pdf)
    open_store(db, wave).add_codes(codes, batch)
    typer.echo(str(out))


@collect_app.command("export")
def export_command(
    questionnaire: Path = typer.Argument(..., help="Questionnaire YAML."),
    wave: str = typer.Option(..., "--wave", help="The wave."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    out: Path | None = typer.Option(None, "--out", help="Default raw/<wave>.csv."),
) -> None:
    """Export the wave's responses to raw/<wave>.csv (then `dvc add` it)."""
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.stages.collect import open_store
    from pipeline.stages.collect.export import export_wave

    q = load_questionnaire(questionnaire)
    for path in export_wave(open_store(db, wave), q, out or Path("raw") / f"{wave}.csv"):
        typer.echo(str(path))


@collect_app.command("close")
def close_command(
    wave: str = typer.Option(..., "--wave", help="The wave."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Close the wave: refuse further submissions and scrub the storage of arrival order."""
    from pipeline.stages.collect import open_store

    open_store(db, wave).close_wave()
    typer.echo(f"wave {wave} closed", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(collect_app, name="collect")
