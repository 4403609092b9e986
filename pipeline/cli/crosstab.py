"""`survey crosstab`: a design-based two-way table of any data file."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from pipeline.core.columns import column_letter
from pipeline.core.errors import naming_the_file
from pipeline.stages.crosstab_file import crosstab_file
from pipeline.statistics.crosstab import MIN_BASE, CrossTab, as_json, value_text


def crosstab_command(
    data: Path = typer.Argument(..., help="CSV, xlsx, sav or parquet file."),
    row: str = typer.Option(..., "--row", help="Row variable (column name)."),
    col: str = typer.Option(..., "--col", help="Column variable (column name)."),
    strata: str = typer.Option(None, "--strata", help="Stratum column."),
    weight: str = typer.Option(None, "--weight", help="Weight column (else N_h/n_h or 1)."),
    fpc: str = typer.Option(None, "--fpc", help="Column with N_h of the respondent's stratum."),
    lonely_psu: str = typer.Option(
        "fail", "--lonely-psu", help="Single-respondent strata: fail, adjust or certainty."
    ),
    as_json_flag: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Design-based cross-tab of two variables, with tests.

    Example: survey crosstab data.csv --row q5 --col region --strata stratum --fpc N_h
    """
    with naming_the_file(data):
        ct, simulated = crosstab_file(
            str(data), row, col, strata=strata, weight=weight, fpc=fpc, lonely_psu=lonely_psu
        )
    if as_json_flag:
        typer.echo(json.dumps(as_json(ct, row, col)))
        return
    _print_table(ct, row, col, simulated)


def _print_table(ct: CrossTab, row: str, col: str, simulated: bool) -> None:
    title = f"{row} by {col}: column % (n)"
    if simulated:
        title = "SIMULATED DATA: " + title
    table = Table(title=title)
    table.add_column(row)
    for j, cv in enumerate(ct.col_levels):
        flag = " *" if ct.small_base[j] else ""
        table.add_column(f"{value_text(cv)} ({column_letter(j)}){flag}", justify="right")
    for i, rv in enumerate(ct.row_levels):
        cells = [
            f"{100 * ct.col_prop[i, j]:.1f} ({ct.n[i, j]}) {ct.letters[i][j]}".rstrip()
            for j in range(len(ct.col_levels))
        ]
        table.add_row(value_text(rv), *cells)
    table.add_row("base n", *[str(b) for b in ct.col_base])
    console = Console(width=120)
    console.print(table)
    rs, pe = ct.rao_scott, ct.pearson
    console.print(
        f"Rao-Scott F = {rs.statistic:.3f} on ({rs.df1:.2f}, {rs.df2:.1f}) df, p = {rs.p:.4g}; "
        f"unweighted Pearson X² = {pe.statistic:.3f} on {pe.df1:.0f} df, p = {pe.p:.4g}; "
        f"Cramér's V = {ct.cramers_v:.3f}"
    )
    console.print(
        "Letters: column proportion significantly larger than the lettered column "
        f"(design-based, Bonferroni, 5%). * base below {MIN_BASE}: read with care."
    )


def register(app: typer.Typer) -> None:
    app.command("crosstab")(crosstab_command)
