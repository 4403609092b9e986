"""`survey simulate`: simulated raw responses (with injected faults) for a questionnaire."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from pipeline.core.errors import InputError
from pipeline.demo.options import DEFAULT_MEMBER_SEED, OutputFormat


def simulate_command(
    questionnaire: Path = typer.Argument(..., help="Questionnaire YAML."),
    frame: Path | None = typer.Option(
        None, "--frame", help="Frame YAML (default: the questionnaire's stratum.frame)."
    ),
    n: int = typer.Option(..., "--n", help="Number of respondents (before duplicates)."),
    seed: int = typer.Option(..., "--seed", help="Wave seed: who is sampled and their answers."),
    out: Path = typer.Option(..., "--out", help="Output file, e.g. raw/2021.csv."),
    format: OutputFormat | None = typer.Option(
        None, "--format", help="csv, xlsx or kobo (default: from the file suffix, else csv)."
    ),
    fault_rate: float = typer.Option(
        0.02, "--fault-rate", help="Proportion of rows (0-1) given a fault; 0 turns them off."
    ),
    wave_effect: float = typer.Option(
        0.0, "--wave-effect", help="Shift of the mean latent attitude, in standard deviations."
    ),
    member_seed: int = typer.Option(
        DEFAULT_MEMBER_SEED, "--member-seed", help="Seed of the member pool shared by waves."
    ),
    fieldwork_start: str | None = typer.Option(
        None, "--fieldwork-start", help="First fieldwork day YYYY-MM-DD (default: 1 Oct of wave)."
    ),
    harmonization: Path | None = typer.Option(
        None,
        "--harmonization",
        help="Harmonization map YAML: linked items share their model across waves and are "
        "drawn on the reference wave's scale.",
    ),
    organisation_size: int | None = typer.Option(
        None,
        "--organisation-size",
        help="Draw a two-stage sample: organisations of about this many members within "
        "strata, then members within them (writes the org_id, n_orgs and org_members "
        "questions). Default: a stratified sample of members.",
    ),
    members_per_organisation: int = typer.Option(
        8, "--members-per-organisation", help="Two-stage: members drawn per organisation."
    ),
    icc: float = typer.Option(
        0.15, "--icc", help="Two-stage: intra-cluster correlation (0-1) of the latent attitude."
    ),
) -> None:
    """Simulate responses, with the injected faults listed.

    Example: survey simulate tests/fixtures/mini.yaml --n 300 --seed 1 --out /tmp/mini.csv
    """
    from pipeline.demo.simulate import TwoStage, simulate, write_simulated
    from pipeline.model.frame import load_frame
    from pipeline.model.harmonize import load_harmonization
    from pipeline.model.questionnaire import load_questionnaire

    q = load_questionnaire(questionnaire)
    population = load_frame(frame) if frame is not None else q.frame_model
    start = parse_date(fieldwork_start) if fieldwork_start else None
    if format is None:
        format = OutputFormat.xlsx if out.suffix.lower() == ".xlsx" else OutputFormat.csv
    links = load_harmonization(harmonization) if harmonization is not None else None
    two_stage = (
        TwoStage(organisation_size, members_per_organisation, icc)
        if organisation_size is not None
        else None
    )
    sim = simulate(
        q, population, n, seed, fault_rate, wave_effect, member_seed, start, links, two_stage
    )
    written = write_simulated(sim, out, format)
    typer.echo(
        f"SIMULATED DATA: {len(sim.responses)} rows, {len(sim.faults)} injected faults → "
        + ", ".join(str(p) for p in written)
    )


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"expected a date YYYY-MM-DD, got {text!r}", column="--fieldwork-start"
        ) from None


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate_command)
