"""The default pipeline's stages run by hand on a small simulated wave, in a temporary folder.

Not the dvc pipeline: each stage is its `survey` command, in dvc.yaml's order, on the
questionnaire given (the default 2021 questionnaire unless told), with a few hundred
respondents so that a test can afford it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.cli.app import run

REPO = Path(__file__).parent.parent
DEFAULT = REPO / "questionnaires"


def survey(*args: object) -> None:
    argv = [str(a) for a in args]
    assert run(argv) == 0, argv


def copy_questionnaires(root: Path) -> Path:
    """The default questionnaires, frame, cleaning config and harmonisation map under
    ``root/questionnaires``; returns that folder."""
    folder = root / "questionnaires"
    shutil.copytree(DEFAULT, folder)
    return folder


def run_wave(root: Path, questionnaire: Path, wave: str, n: int = 150, seed: int = 1) -> None:
    """instruments, simulate, clean, weight, tabulate and export of one wave under ``root``."""
    raw = root / "raw" / f"{wave}.csv"
    data = root / "processed" / f"{wave}.parquet"
    weighted = root / "processed" / f"{wave}.weighted.parquet"
    key = ["--key-file", root / "key"]
    survey("instruments", questionnaire, "--out", root / "outputs" / "instruments" / wave)
    survey("simulate", questionnaire, "--n", n, "--seed", seed, "--out", raw)
    survey("clean", raw, "--questionnaire", questionnaire, "--out", data, *key)
    survey("weight", data, "--questionnaire", questionnaire, "--out", weighted)
    outputs = root / "outputs"
    survey("tabulate", weighted, "--questionnaire", questionnaire, "--out", outputs / "tables")
    survey("export", weighted, "--questionnaire", questionnaire, "--out", outputs / "spss")
