"""`survey weight`: add the design columns to clean data."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli import design_options
from pipeline.core.errors import naming_the_file
from pipeline.core.paths import child_table_path


def weight_command(
    data: Path = typer.Argument(..., help="Clean data, processed/<wave>.parquet."),
    questionnaire: Path = typer.Option(..., "--questionnaire", help="Questionnaire YAML."),
    out: Path = typer.Option(..., "--out", help="processed/<wave>.weighted.parquet."),
    frame: Path | None = typer.Option(
        None, "--frame", help="Frame YAML (default: the questionnaire's stratum.frame)."
    ),
    fpc: bool = typer.Option(True, "--fpc/--no-fpc", help="Finite population correction."),
    lonely_psu: str = typer.Option(
        "fail",
        "--lonely-psu",
        help="A stratum with one PSU: fail, adjust, certainty, remove or average.",
    ),
    calibrate: bool = typer.Option(
        True, "--calibrate/--no-calibrate", help="Rake to the frame's margins, if it has any."
    ),
    trim_upper: float | None = typer.Option(None, "--trim-upper", help="Cap on the weights."),
    cluster: list[str] | None = typer.Option(
        None,
        "--cluster",
        help="Cluster (PSU) column; repeat, one per sampling stage (default: the "
        "questionnaire's design.clusters; `--cluster ''` for none).",
    ),
    nest: bool | None = typer.Option(
        None,
        "--nest/--no-nest",
        help="Cluster ids repeat across strata (default: the questionnaire's design.nest).",
    ),
    cluster_fpc: list[str] | None = typer.Option(
        None,
        "--cluster-fpc",
        help="Per stage (repeat): column with the population count of units, or fraction "
        "(default: the questionnaire's design.fpc).",
    ),
    repweights: str = typer.Option(
        None,
        "--repweights",
        help="The data's replicate weight columns, a regular expression (default: the "
        "questionnaire's design.replicate_weights); with --sampling-weight.",
    ),
    sampling_weight: str = typer.Option(
        None,
        "--sampling-weight",
        help="With replicate weights: the data's sampling weight column (default: "
        "design.weight).",
    ),
    reptype: str = design_options.REPTYPE,
    scale: float = design_options.SCALE,
    rscales: list[float] | None = design_options.RSCALES,
    rho: float = design_options.RHO,
    mse: bool = design_options.MSE,
    combined_weights: bool = design_options.COMBINED_WEIGHTS,
) -> None:
    """Add weights, strata, FPC and clusters to clean data.

    For a cluster sample give --cluster per stage, --nest and --cluster-fpc per stage, or a
    design: block in the questionnaire (clusters, nest, fpc); options given here win.
    Data that bring replicate weights: --repweights PATTERN --reptype TYPE --sampling-weight
    COL, or design.replicate_weights and design.weight in the questionnaire.

    Example: survey weight processed/2021.parquet --questionnaire
    questionnaires/degradation-2021.yaml --out processed/2021.weighted.parquet
    """
    from pipeline.model.frame import load_frame
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.readers.dataset import read_dataset, write_dataset
    from pipeline.stages.weight import WeightOptions, design_block, replicate_block, weight

    q = load_questionnaire(questionnaire)
    frame_model = load_frame(frame) if frame else q.frame_model
    frame_file = frame or (questionnaire.parent / q.stratum.frame)
    df, meta = read_dataset(data)
    block = design_block(q, given(cluster), nest, given(cluster_fpc))
    replicates = design_options.replicate_options(
        repweights, reptype, scale, rscales, rho, mse, combined_weights
    )
    block |= replicate_block(q, replicates, sampling_weight)
    options = WeightOptions(fpc, lonely_psu, calibrate, trim_upper, **block)
    with naming_the_file(data):
        weighted, design = weight(df, q, frame_model, options, str(frame_file))
    # every child table is weighted before anything is written: a child that cannot be
    # weighted leaves the wave's weighted files as they were
    children = weighted_child_tables(data, q, weighted, design)
    write_dataset(weighted, {**meta, "design": design}, out)
    typer.echo(
        f"{len(weighted)} respondents weighted to {frame_model.population():,} "
        f"(Kish deff {design['kish_deff']:.3f}, effective n {design['effective_n']:.0f}) → {out}"
    )
    for repeat, (carried, child_meta) in children.items():
        target = write_dataset(carried, child_meta, child_table_path(out, repeat))
        typer.echo(
            f"{len(carried)} rows of repeat {repeat} carry the weights of their "
            f"{child_meta['design']['n_parents']} parent submissions → {target}"
        )


def weighted_child_tables(data: Path, q, weighted, design: dict) -> dict[str, tuple]:
    """Each repeat's clean child table beside ``data`` (processed/<wave>.<repeat>.parquet)
    with its parent's design columns, and its metadata: repeat → (table, metadata)."""
    from pipeline.readers.dataset import read_dataset
    from pipeline.stages.weight import carry_down

    out = {}
    for repeat in q.tables():
        source = child_table_path(data, repeat)
        if not source.exists():
            continue
        child, child_meta = read_dataset(source)
        with naming_the_file(source):
            carried, child_design = carry_down(child, weighted, design, repeat)
        out[repeat] = (carried, {**child_meta, "design": child_design})
    return out


def given(columns: list[str] | None) -> tuple[str, ...] | None:
    """Repeated column options as given: None when absent (the questionnaire decides); a
    single empty value (``--cluster ''``) means none."""
    if not columns:
        return None
    return tuple(c for c in columns if c)


def register(app: typer.Typer) -> None:
    app.command("weight")(weight_command)
