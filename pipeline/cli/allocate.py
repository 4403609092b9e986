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
    n: int = typer.Option(..., "--n", help="Total sample size."),
    method: AllocationMethod = typer.Option(
        AllocationMethod.proportional, "--method", help="Allocation method."
    ),
    min_per_stratum: int = typer.Option(0, "--min-per-stratum", help="At least K per stratum."),
    lang: str = typer.Option("vi", "--lang", help="Label language: vi or en."),
) -> None:
    """Allocate a sample to strata (n_h, weights, fractions).

    Example: survey allocate --frame questionnaires/frame.yaml --n 1375 --method proportional
    """
    from rich.console import Console
    from rich.table import Table

    from pipeline.model.frame import load_frame
    from pipeline.statistics.allocate import Method, allocate

    strata = load_frame(frame)
    labels = {s.code: s.label.get(lang) for s in strata.strata}
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


def register(app: typer.Typer) -> None:
    app.command("allocate")(allocate_command)
