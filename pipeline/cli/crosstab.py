"""`survey crosstab`: a design-based two-way table of any data file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from pipeline.cli import design_options as options

if TYPE_CHECKING:
    from pipeline.stages.crosstab_file import FileCrossTab


def crosstab_command(
    data: Path = typer.Argument(
        ..., help="Any data file: csv/tsv, xlsx/xls, sav/zsav/por, dta, sas7bdat/xpt, parquet."
    ),
    row: str = typer.Option(..., "--row", help="Row variable (column name)."),
    col: str = typer.Option(..., "--col", help="Column variable (column name)."),
    strata: str = typer.Option(None, "--strata", help="Stratum column."),
    weight: str = typer.Option(None, "--weight", help="Weight column (else N_h/n_h or 1)."),
    fpc: list[str] | None = options.FPC,
    cluster: list[str] | None = options.CLUSTER,
    nest: bool = options.NEST,
    lonely_psu: str = options.LONELY_PSU,
    domain: str = typer.Option(
        None, "--domain", help="""Only rows where this expression holds, e.g. '${stype} != "E"'."""
    ),
    as_json_flag: bool = typer.Option(False, "--json", help="Print one JSON object."),
    encoding: str = typer.Option(
        None, "--encoding", help="Text encoding of the file, e.g. cp1258, cp1252 (default: detect)."
    ),
    questionnaire: Path = typer.Option(
        None, "--questionnaire", help="Questionnaire YAML whose value labels to show."
    ),
    lang: str = typer.Option("vi", "--lang", help="Label language (with --questionnaire)."),
    repweights: str = typer.Option(
        None,
        "--repweights",
        help="Replicate weight columns: a regular expression matched against the column "
        "names, e.g. 'repw[0-9]+' (the design is then R's svrepdesign; --weight is the "
        "sampling weight).",
    ),
    reptype: str = options.REPTYPE,
    scale: float = options.SCALE,
    rscales: list[float] | None = options.RSCALES,
    rho: float = options.RHO,
    mse: bool = options.MSE,
    combined_weights: bool = options.COMBINED_WEIGHTS,
) -> None:
    """Design-based cross-tab of two variables, with tests.

    Codes are shown with their value labels: the file's own (.sav, .dta ...), or those of
    --questionnaire in --lang.

    Example: survey crosstab data.csv --row q5 --col region --strata stratum --fpc N_h

    A cluster sample: survey crosstab apiclus2.csv --row sch.wide --col stype --cluster dnum
    --cluster snum --fpc fpc1 --fpc fpc2

    Replicate weights: survey crosstab apiclus1_boot.csv --row sch.wide --col stype
    --weight pw --repweights 'repw[0-9]+' --reptype bootstrap
    """
    from pipeline.core.errors import naming_the_file
    from pipeline.stages.crosstab_file import crosstab_file
    from pipeline.statistics import distributions
    from pipeline.statistics.crosstab import as_json, value_text

    distributions.prefer_numpy()  # one table: scipy's import would cost more than the table

    with naming_the_file(data):
        labels_from = None
        if questionnaire:
            from pipeline.model.questionnaire import load_questionnaire  # pydantic: only then

            labels_from = load_questionnaire(questionnaire)
        result = crosstab_file(
            str(data),
            row,
            col,
            strata=strata,
            weight=weight,
            fpc=fpc or None,
            clusters=cluster or (),
            nest=nest,
            lonely_psu=lonely_psu,
            encoding=encoding,
            questionnaire=labels_from,
            lang=lang,
            domain=domain,
            replicates=options.replicate_options(
                repweights, reptype, scale, rscales, rho, mse, combined_weights
            ),
        )
    ct = result.table
    if as_json_flag:
        out = as_json(ct, row, col)
        out["row_labels"] = [result.row_labels.get(value_text(v)) for v in ct.row_levels]
        out["col_labels"] = [result.col_labels.get(value_text(v)) for v in ct.col_levels]
        typer.echo(json.dumps(out))
        return
    _print_table(result, row, col)


def _print_table(result: FileCrossTab, row: str, col: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from pipeline.core.columns import column_letter
    from pipeline.statistics.crosstab import MIN_BASE

    ct = result.table
    title = f"{row} by {col}: column % (n)"
    if result.simulated:
        title = "SIMULATED DATA: " + title
    table = Table(title=title)
    table.add_column(row)
    for j, cv in enumerate(ct.col_levels):
        flag = " *" if ct.small_base[j] else ""
        heading = labelled(cv, result.col_labels)
        table.add_column(f"{heading} ({column_letter(j)}){flag}", justify="right")
    for i, rv in enumerate(ct.row_levels):
        cells = [
            f"{100 * ct.col_prop[i, j]:.1f} ({ct.n[i, j]}) {ct.letters[i][j]}".rstrip()
            for j in range(len(ct.col_levels))
        ]
        table.add_row(labelled(rv, result.row_labels), *cells)
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


def labelled(value: object, labels: dict[str, str]) -> str:
    """A code with its label beside it ("1 Nam"), or the code alone when it has none."""
    from pipeline.statistics.crosstab import value_text

    code = value_text(value)
    label = labels.get(code)
    return f"{code} {label}" if label and label != code else code


def register(app: typer.Typer) -> None:
    app.command("crosstab")(crosstab_command)
