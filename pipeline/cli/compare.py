"""`survey compare` (the wave comparison stage) and `survey compare-waves` (ad hoc, any two
data files)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from pipeline.cli import design_options as options
from pipeline.core.errors import InputError


def parse_data_option(text: str) -> tuple[str, Path]:
    """``WAVE=PATH`` → (wave, path)."""
    wave, sep, path = text.partition("=")
    if not sep or not wave.strip() or not path.strip():
        raise InputError(f"expected --data WAVE=PATH (e.g. 2021=processed/2021.weighted.parquet), "
                         f"got {text!r}")  # fmt: skip
    return wave.strip(), Path(path.strip())


def compare_command(
    map_path: Path = typer.Option(..., "--map", help="Harmonisation map YAML."),
    data: list[str] = typer.Option(
        ..., "--data", help="WAVE=PATH of a weighted parquet; repeat, in wave order."
    ),
    out: Path = typer.Option(..., "--out", help="Output folder, e.g. outputs/waves."),
    lang: str = typer.Option("vi", "--lang", help="Workbook and chart language: vi or en."),
    no_categories: bool = typer.Option(
        False, "--no-categories", help="Only the overall comparison, not by member category."
    ),
) -> None:
    """Compare harmonised items between survey waves.

    Example: survey compare --map questionnaires/harmonization-2021-2023.yaml --data
    2021=processed/2021.weighted.parquet --data 2023=processed/2023.weighted.parquet
    --out outputs/waves
    """
    from pipeline.model.harmonize import load_harmonization
    from pipeline.readers.dataset import read_dataset
    from pipeline.stages.compare.comparison import OVERALL, WaveInput
    from pipeline.stages.compare.waves import compare_waves, write_comparison

    start = time.perf_counter()
    h = load_harmonization(map_path)
    waves = []
    for text in data:
        wave, path = parse_data_option(text)
        df, meta = read_dataset(path)
        waves.append(WaveInput(wave, df, meta, str(path)))
    comparison = compare_waves(h, waves, by_category=not no_categories)
    paths = write_comparison(comparison, h, out, lang)
    tests = comparison.tests
    overall = tests[tests["scope"] == OVERALL]
    significant = int(overall["significant"].sum())
    typer.echo(
        f"{len(overall)} items compared, {significant} with a significant change after BH "
        f"adjustment (overall); {len(tests) - len(overall)} tests by member category"
        + (" (SIMULATED DATA)" if comparison.info["simulated"] else "")
    )
    for pair in comparison.info["comparisons"]:
        typer.echo(f"  {pair['wave_a']} → {pair['wave_b']}: {pair['method']}")
    only = sum(len(v) for v in comparison.one_wave_only.values())
    typer.echo(
        f"  {only} items asked in one wave only; {len(comparison.not_compared)} not compared"
    )
    typer.echo(f"  {paths['workbook'].parent} ({time.perf_counter() - start:.1f} s)")


def compare_waves_command(
    file_a: Path = typer.Argument(..., help="First wave: any data file (csv, xlsx, sav, dta ...)."),
    file_b: Path = typer.Argument(..., help="Second wave, with the same variable."),
    var: str = typer.Option(..., "--var", help="The categorical variable to compare."),
    strata: str = typer.Option(None, "--strata", help="Stratum column (strata: file × it)."),
    weight: str = typer.Option(None, "--weight", help="Weight column (else N_h/n_h or 1)."),
    fpc: list[str] | None = options.FPC,
    cluster: list[str] | None = options.CLUSTER,
    nest: bool = options.NEST,
    id_column: str = typer.Option(
        None, "--id", help="Respondent id column linking panel members across the files."
    ),
    lonely_psu: str = options.LONELY_PSU,
    domain: str = typer.Option(
        None, "--domain", help="Only rows where this expression holds, e.g. '${sex} = 2'."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    encoding: str = typer.Option(
        None, "--encoding", help="Text encoding of both files, e.g. cp1258 (default: detect)."
    ),
    repweights: str = typer.Option(
        None,
        "--repweights",
        help="Each file's replicate weight columns, a regular expression (R's svrepdesign; "
        "--weight is the sampling weight); the waves are stacked with block replicates.",
    ),
    reptype: str = options.REPTYPE,
    scale: float = options.SCALE,
    rscales: list[float] | None = options.RSCALES,
    rho: float = options.RHO,
    mse: bool = options.MSE,
    combined_weights: bool = options.COMBINED_WEIGHTS,
) -> None:
    """Compare one variable between two data files.

    Example: survey compare-waves 2021.csv 2023.csv --var q5 --strata stratum --fpc N_h
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from pipeline.stages.compare.waves import compare_files, file_comparison_json

    result = compare_files(
        file_a,
        file_b,
        var,
        strata=strata,
        weight=weight,
        fpc=fpc or None,
        clusters=cluster or (),
        nest=nest,
        id_column=id_column,
        lonely_psu=lonely_psu,
        encoding=encoding,
        domain=domain,
        replicates=options.replicate_options(
            repweights, reptype, scale, rscales, rho, mse, combined_weights
        ),
    )
    if as_json:
        typer.echo(json.dumps(file_comparison_json(result)))
        return
    d, t = result.difference, result.test
    title = f"{var}: {file_a.name} → {file_b.name} (%)"
    if result.simulated:
        title = "SIMULATED DATA: " + title
    table = Table(title=title)
    for name in ("level", "a %", "b %", "diff (points)", "95% CI", "p"):
        table.add_column(name, justify="left" if name == "level" else "right")
    for i, level in enumerate(d.levels):
        table.add_row(
            str(level),
            number(d.est_a[i], ".1f", 100),
            number(d.est_b[i], ".1f", 100),
            number(d.diff[i], "+.1f", 100),
            escape(
                f"[{number(d.diff_ci[i, 0], '+.1f', 100)}, {number(d.diff_ci[i, 1], '+.1f', 100)}]"
            ),
            number(d.p[i], ".3g"),
        )
    console = Console(width=120)
    console.print(table)
    console.print(
        f"Rao-Scott F = {number(t.statistic, '.3f')} on ({number(t.df1, '.2f')}, "
        f"{number(t.df2, '.1f')}) df, p = {number(t.p, '.4g')}; "
        f"SE of the difference: {result.links.method()}"
    )


def number(value: float | None, spec: str, scale: float = 1.0) -> str:
    """``value`` × ``scale`` formatted by ``spec``; "n/a" for a value that is not computed."""
    if value is None or value != value:  # None or NaN
        return "n/a"
    return format(scale * value, spec)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
    app.command("compare-waves")(compare_waves_command)
