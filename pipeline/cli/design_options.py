"""The design options that `survey crosstab` and `survey compare-waves` share: clusters per
stage, FPC per stage, lonely PSUs and a file's own replicate weights (R's svydesign and
svrepdesign arguments)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from pipeline.statistics.replicate_design import ReplicateOptions

FPC = typer.Option(
    None,
    "--fpc",
    help="Column with N_h of the respondent's stratum; with clusters one per stage "
    "(repeat): population counts of units or sampling fractions.",
)
CLUSTER = typer.Option(
    None, "--cluster", help="Cluster (PSU) column; repeat, one per sampling stage."
)
NEST = typer.Option(False, "--nest", help="Cluster ids repeat across strata.")
LONELY_PSU = typer.Option(
    "fail",
    "--lonely-psu",
    help="Single-PSU strata: fail, adjust, certainty, remove or average.",
)
REPTYPE = typer.Option(
    "other", "--reptype", help="Replicate type: JK1, JKn, BRR, Fay, bootstrap or other."
)
SCALE = typer.Option(None, "--scale", help="Replicate variance scale (R's scale).")
RSCALES = typer.Option(
    None, "--rscales", help="Per-replicate scales (repeat; one value: all replicates)."
)
RHO = typer.Option(None, "--rho", help="Fay's factor (with --reptype Fay).")
MSE = typer.Option(False, "--mse", help="Deviations from the full-sample estimate (R's mse=TRUE).")
COMBINED_WEIGHTS = typer.Option(
    True,
    "--combined-weights/--no-combined-weights",
    help="The replicate columns include the sampling weight (R's combined.weights).",
)


def replicate_options(
    repweights: str | None,
    reptype: str,
    scale: float | None,
    rscales: list[float] | None,
    rho: float | None,
    mse: bool,
    combined_weights: bool,
) -> ReplicateOptions | None:
    """The file's own replicate weights as the options above give them; None without
    ``--repweights``, which --scale, --rscales and --rho need."""
    if not repweights:
        if scale is not None or rscales or rho is not None:
            from pipeline.core.errors import InputError

            raise InputError("--scale, --rscales and --rho go with --repweights", column="--scale")
        return None
    from pipeline.statistics.replicate_design import ReplicateOptions

    return ReplicateOptions(
        repweights, reptype, scale, tuple(rscales or ()), rho, mse, combined_weights
    )
