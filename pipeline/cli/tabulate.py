"""`survey tabulate`: the banner-table battery of a weighted wave."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.core.errors import naming_the_file


def tabulate_command(
    data: Path = typer.Argument(..., help="Weighted data, processed/<wave>.weighted.parquet."),
    questionnaire: Path = typer.Option(..., "--questionnaire", help="Questionnaire YAML."),
    out: Path = typer.Option(..., "--out", help="Output folder, e.g. outputs/tables."),
    lang: str = typer.Option("vi", "--lang", help="Workbook language: vi or en."),
    min_base: int = typer.Option(30, "--min-base", help="Flag columns with a smaller base."),
    suppress_below: int = typer.Option(
        10, "--suppress-below", help="Suppress columns whose base is smaller."
    ),
    ci_method: str = typer.Option("logit", "--ci-method", help="logit, beta or wilson."),
) -> None:
    """Every question by every banner, with tests.

    Example: survey tabulate processed/2021.weighted.parquet --questionnaire
    questionnaires/degradation-2021.yaml --out outputs/tables
    """
    from pipeline.core.paths import check_name
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.readers.dataset import read_dataset
    from pipeline.stages.tabulate import TabulateOptions, battery_metrics, tabulate, write_battery
    from pipeline.stages.weight import design_of

    q = load_questionnaire(questionnaire)
    df, meta = read_dataset(data)
    options = TabulateOptions(min_base, suppress_below, ci_method)
    info = {
        key: meta.get(key) for key in ("form_id", "version", "wave", "simulated", "questionnaire")
    }
    with naming_the_file(data):
        design = design_of(df, meta)
        battery = tabulate(df, design, q, options, info)
    stem = check_name(str(meta.get("wave") or q.wave), "the wave", file=str(data), column="wave")
    # the child tables are estimated before anything is written, so a failure writes nothing
    children = child_table_cells(data, q, options)
    paths = write_battery(battery, q, out, stem, lang)
    metrics = battery_metrics(battery)
    typer.echo(
        f"{metrics['tables']} tables, {metrics['significant_after_bh']} significant after BH "
        "adjustment" + (" (SIMULATED DATA)" if meta.get("simulated") else "")
    )
    for path in paths.values():
        typer.echo(f"  {path}")
    write_child_tables(children, out, stem)


def child_table_cells(data: Path, q, options) -> dict[str, tuple]:
    """The estimates of each repeat whose weighted child table sits beside ``data``
    (processed/<wave>.<repeat>.weighted.parquet): repeat → (cells, design metadata)."""
    from pipeline.core.paths import child_table_path
    from pipeline.readers.dataset import read_dataset
    from pipeline.stages.tabulate_tables import tabulate_table
    from pipeline.stages.weight import design_of

    out = {}
    for repeat in q.tables():
        source = child_table_path(data, repeat)
        if not source.exists():
            continue
        child, meta = read_dataset(source)
        with naming_the_file(source):
            cells = tabulate_table(child, design_of(child, meta), q, repeat, options)
        out[repeat] = (cells, meta.get("design", {}))
    return out


def write_child_tables(children: dict[str, tuple], out: Path, stem: str) -> None:
    """outputs/tables/<wave>.<repeat>.cells.parquet and .tables.csv of each repeat."""
    from pipeline.stages.tabulate_tables import write_table_cells

    for repeat, (cells, design) in children.items():
        written = write_table_cells(cells, out, stem, repeat)
        psu = design.get("parent_psu", "parent submission")
        typer.echo(f"{len(cells)} estimates of repeat {repeat} (PSU: the {psu})")
        for path in written.values():
            typer.echo(f"  {path}")


def register(app: typer.Typer) -> None:
    app.command("tabulate")(tabulate_command)
