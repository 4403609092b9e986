"""`survey allocate`: the sample allocation table for a frame."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer


class AllocationMethod(StrEnum):
    """pipeline.statistics.allocate.Method's values, named here so that `survey allocate
    --help` need not import numpy (tests/test_cli_startup.py checks that they agree)."""

    proportional = "proportional"
    equal = "equal"
    neyman = "neyman"



def allocate_command(
    frame: Path = typer.Option(..., "--frame", help="Frame YAML with strata and N_h."),
    n: int | None = typer.Option(None, "--n", help="Total sample size (or give --margin)."),
    method: AllocationMethod = typer.Option(
        AllocationMethod.proportional, "--method", help="Allocation method."
    ),
    min_per_stratum: int = typer.Option(0, "--min-per-stratum", help="At least K per stratum."),
    lang: str = typer.Option("vi", "--lang", help="Label language: vi or en."),
    margin: float | None = typer.Option(
        None,
        "--margin",
        help="Instead of --n: the target margin of error, a proportion (0.03 = ±3 points); "
        "prints the sample it needs overall and per stratum.",
    ),
    level: float = typer.Option(0.95, "--level", help="With --margin: confidence level (0-1)."),
    p: float = typer.Option(0.5, "--p", help="With --margin: expected proportion (0-1)."),
    deff: float = typer.Option(1.0, "--deff", help="With --margin: design effect."),
    response_rate: float = typer.Option(
        1.0, "--response-rate", help="With --margin: expected response rate (0-1)."
    ),
) -> None:
    """Allocate a sample to strata or size it for a margin.

    Without --margin: n_h, weights and sampling fractions of --n. With --margin: the sample
    a target margin of error needs before fieldwork, overall and per stratum.

    Example: survey allocate --frame questionnaires/frame.yaml --n 1375 --method proportional

    Example: survey allocate --frame questionnaires/frame.yaml --margin 0.03 --deff 1.5
    --response-rate 0.8
    """
    from rich.console import Console
    from rich.table import Table

    from pipeline.core.errors import InputError
    from pipeline.model.frame import load_frame
    from pipeline.statistics.allocate import Method, allocate, plan_for_margin

    if (n is None) == (margin is None):
        raise InputError("give either --n (the sample size) or --margin (a target)", column="--n")
    strata = load_frame(frame)
    labels = {s.code: s.label.get(lang) for s in strata.strata}
    if margin is not None:
        plan = plan_for_margin(
            strata.sizes(), margin, level=level, p=p, deff=deff, response_rate=response_rate
        )
        print_margin_plan(plan, labels, margin, level, p, deff, response_rate)
        return
    rows = allocate(strata.sizes(), n, Method(method.value), min_per_stratum)
    table = Table(title=f"{method.value} allocation of n = {n}")
    for col in ("code", "stratum", "N_h", "n_h", "weight N_h/n_h", "fraction %"):
        table.add_column(col, justify="left" if col == "stratum" else "right")
    for r in rows:
        table.add_row(
            str(r.code),
            labels[r.code],
            f"{r.population:,}",
            f"{r.n:,}",
            f"{r.weight:.3f}",
            f"{100 * r.sampling_fraction:.2f}",
        )
    total_pop = sum(r.population for r in rows)
    table.add_row(
        "",
        "Total",
        f"{total_pop:,}",
        f"{n:,}",
        f"{total_pop / n:.3f}",
        f"{100 * n / total_pop:.2f}",
    )
    Console(width=120).print(table)


def print_margin_plan(plan, labels, margin, level, p, deff, response_rate) -> None:
    """The sample for ±margin: the whole population's, allocated proportionally, and what
    each stratum needs for the same margin on its own; completed and issued."""
    from rich.console import Console
    from rich.table import Table

    from pipeline.statistics.allocate import issued_for

    title = (
        f"Sample for a margin of ±{100 * margin:g} points ({100 * level:g}% confidence, "
        f"p = {p:g}, design effect {deff:g}, response rate {100 * response_rate:g}%)"
    )
    table = Table(title=title)
    columns = ("code", "stratum", "N_h", "overall: n_h", "issued", "own margin: n_h", "issued")
    for col in columns:
        table.add_column(col, justify="left" if col == "stratum" else "right")
    for row in plan.allocation:
        own = plan.per_stratum[row.code]
        table.add_row(
            str(row.code),
            labels[row.code],
            f"{row.population:,}",
            f"{row.n:,}",
            f"{issued_for(row.n, response_rate):,}",
            f"{own.completed:,}",
            f"{own.issued:,}" + (" (more than N_h)" if own.issued_exceeds_population else ""),
        )
    total = plan.total
    table.add_row(
        "",
        "Total",
        f"{total.population:,}",
        f"{total.completed:,}",
        f"{total.issued:,}" + (" (more than N)" if total.issued_exceeds_population else ""),
        f"{sum(s.completed for s in plan.per_stratum.values()):,}",
        f"{sum(s.issued for s in plan.per_stratum.values()):,}",
    )
    console = Console(width=140)
    console.print(table)
    console.print(
        "overall: the sample for the margin on the whole population, allocated "
        "proportionally; own margin: what each stratum needs for the margin on its own "
        "estimates (with its N_h in the finite population correction). Issued = completed / "
        "response rate, rounded up."
    )


def register(app: typer.Typer) -> None:
    app.command("allocate")(allocate_command)
