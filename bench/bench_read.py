"""Benchmark of reading data files and of `survey crosstab` as a whole process (a script, not a
test). Every figure is a ratio against a peer measured in the same run:

1. `survey crosstab` on a 500,000-row stratified CSV with FPC (strata, N_h, a 5-code row
   variable by a 4-code column variable) against R's survey package doing read.csv +
   svydesign + svychisq + svyby on the same CSV (target: at least 15x faster);
2. the same on 5,000,000 rows (target: at least 30x; peak memory below 3x the file's size,
   from /usr/bin/time -v);
3. the 500,000-row cross-tab from parquet, from an uncompressed .sav and from a
   bytecode-compressed .sav (SPSS's default) against the CSV (target: as fast);
4. reading alone (pipeline.readers.datafile.read_file) against pyarrow.csv.read_csv on the
   same file, in one process (target: within 2x);
5. `survey --help` against a minimal two-command Typer app's --help, and `survey crosstab
   --help` against that app's `one --help` (target: within 1.5x);
6. what the start-up of a cross-tab process costs, import by import (no target: where the
   whole-process time goes).

Data are simulated with a fixed seed. Whole-process times are the best of ``--repeat`` runs.

Run: python bench/bench_read.py [--rows 500000] [--large-rows 5000000] [--skip-large]
     [--skip-r-large] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

N_H = np.array([5421, 1418, 1944, 521, 210])
SURVEY = [str(Path(sys.executable).with_name("survey"))]

R_SCRIPT = """
suppressMessages(library(survey))
d <- read.csv(commandArgs(TRUE)[1])
des <- svydesign(id = ~1, strata = ~stratum, fpc = ~N_h, data = d)
t <- svychisq(~q1 + q2, des)
b <- svyby(~factor(q1), ~q2, des, svymean)
cat(sprintf("%.6f\\n", t$statistic))
"""

TYPER_APP = """
import typer
app = typer.Typer(add_completion=False)

@app.command()
def one(x: int = 1) -> None:
    "The first command."

@app.command()
def two(y: str = "a") -> None:
    "The second command."

app()
"""


def simulate_csv(path: Path, rows: int, seed: int = 7) -> None:
    """A stratified sample: respondent_id, stratum (1-5, proportional), N_h (the frame scaled
    to a 14.5% sampling fraction), q1 (1-5, related to the stratum), q2 (1-4)."""
    rng = np.random.default_rng(seed)
    share = N_H / N_H.sum()
    n_h = np.floor(share * rows).astype(int)
    n_h[0] += rows - n_h.sum()
    stratum = np.repeat(np.arange(1, 6), n_h)
    population = np.round(n_h / 0.145).astype(int)[stratum - 1]
    q1 = (rng.integers(0, 5, rows) + (rng.random(rows) < 0.2) * stratum) % 5 + 1
    q2 = rng.integers(1, 5, rows)
    frame = pd.DataFrame({
        "respondent_id": [f"R{i:07d}" for i in range(1, rows + 1)],
        "stratum": stratum, "N_h": population, "q1": q1, "q2": q2,
    })  # fmt: skip
    frame.to_csv(path, index=False)


CPU: dict[tuple[str, ...], float] = {}  # argv → best CPU seconds (user + system) of a run


def best_of(argv: list[str], repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` runs; the best CPU seconds go to ``CPU``: on a
    shared machine CPU time is the steadier figure (waiting for a core is not counted)."""
    times, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    CPU[tuple(argv)] = min(cpu)
    return min(times)


def peak_memory_mb(argv: list[str]) -> float:
    done = subprocess.run(["/usr/bin/time", "-v", *argv], check=True, capture_output=True,
                          text=True)  # fmt: skip
    kb = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return int(kb.group(1)) / 1024 if kb else float("nan")


def crosstab_argv(path: Path) -> list[str]:
    return [*SURVEY, "crosstab", str(path), "--row", "q1", "--col", "q2", "--strata", "stratum",
            "--fpc", "N_h", "--json"]  # fmt: skip


def r_argv(script: Path, path: Path) -> list[str]:
    return ["Rscript", str(script), str(path)]


def reading_alone(path: Path, repeat: int) -> tuple[float, float]:
    """Seconds for read_file and for pyarrow.csv.read_csv on ``path`` (best of ``repeat``)."""
    import pyarrow.csv as pacsv

    from pipeline.readers.datafile import read_file

    ours, floor = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        read_file(path)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        pacsv.read_csv(path).to_pandas()
        floor.append(time.perf_counter() - start)
    return min(ours), min(floor)


def import_floor(repeat: int) -> None:
    """Where a whole-process cross-tab's start-up goes: each import, best of ``repeat``."""
    python = [sys.executable, "-c"]
    bare = best_of([*python, "pass"], repeat)
    bare_cpu = CPU[(*python, "pass")]
    print(f"{'python start-up':<46} {bare:8.3f} s   CPU {bare_cpu:.3f} s")
    for module in ("typer", "pandas", "scipy.stats", "pipeline.statistics.crosstab",
                   "pipeline.stages.crosstab_file"):  # fmt: skip
        argv = [*python, f"import {module}"]
        seconds = best_of(argv, repeat) - bare
        cpu = CPU[tuple(argv)] - bare_cpu
        print(f"{'import ' + module:<46} {seconds:8.3f} s   CPU {cpu:.3f} s (beyond start-up)")


def line(name: str, ours: float, peer: float, peer_name: str, target: str,
         cpu: tuple[list[str], list[str]] | None = None) -> None:  # fmt: skip
    text = (f"{name:<46} {ours:8.3f} s   {peer_name} {peer:8.3f} s   ratio {peer / ours:6.2f}x"
            f"   (target {target})")  # fmt: skip
    if cpu is not None:
        ours_cpu, peer_cpu = CPU[tuple(cpu[0])], CPU[tuple(cpu[1])]
        text += f"; CPU {ours_cpu:.3f} s vs {peer_cpu:.3f} s, ratio {peer_cpu / ours_cpu:.2f}x"
    print(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--large-rows", type=int, default=5_000_000)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-r-large", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("Rscript") is None:
        sys.exit("Rscript is not on PATH (Debian packages r-base-core and r-cran-survey)")
    work = Path(tempfile.mkdtemp(prefix="bench-read-"))
    try:
        run_all(work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_all(work: Path, args: argparse.Namespace) -> None:
    script = work / "svy.R"
    script.write_text(R_SCRIPT, encoding="utf-8")
    typer_app = work / "typer_app.py"
    typer_app.write_text(TYPER_APP, encoding="utf-8")
    csv_path = work / "survey.csv"
    simulate_csv(csv_path, args.rows)
    size_mb = os.path.getsize(csv_path) / 2**20
    print(f"{args.rows:,}-row CSV: {size_mb:.1f} MB; {os.cpu_count()} cores\n")

    ours = best_of(crosstab_argv(csv_path), args.repeat)
    r = best_of(r_argv(script, csv_path), 1)
    line(f"survey crosstab, {args.rows:,} rows (CSV)", ours, r, "R", ">= 15x",
         (crosstab_argv(csv_path), r_argv(script, csv_path)))  # fmt: skip

    frame = pd.read_csv(csv_path)
    parquet, sav = work / "survey.parquet", work / "survey.sav"
    compressed = work / "survey-compressed.sav"
    frame.to_parquet(parquet)
    import pyreadstat

    pyreadstat.write_sav(frame, sav)
    pyreadstat.write_sav(frame, compressed, row_compress=True)  # SPSS's default compression
    kinds = ((parquet, "parquet"), (sav, ".sav"), (compressed, "compressed .sav"))
    for path, kind in kinds:
        t = best_of(crosstab_argv(path), args.repeat)
        line(f"survey crosstab from {kind} vs CSV", t, ours, "CSV", ">= 1x",
             (crosstab_argv(path), crosstab_argv(csv_path)))  # fmt: skip

    read, floor = reading_alone(csv_path, args.repeat)
    line("read_file (CSV, all columns) vs pyarrow", read, floor, "pyarrow", ">= 0.5x")

    peer = [sys.executable, str(typer_app), "--help"]
    help_ours = best_of([*SURVEY, "--help"], max(args.repeat, 10))
    help_floor = best_of(peer, max(args.repeat, 10))
    line("survey --help vs a two-command Typer app", help_ours, help_floor, "Typer", ">= 0.67x",
         ([*SURVEY, "--help"], peer))  # fmt: skip
    peer_sub = [sys.executable, str(typer_app), "one", "--help"]
    sub_floor = best_of(peer_sub, max(args.repeat, 10))
    sub = best_of([*SURVEY, "crosstab", "--help"], max(args.repeat, 10))
    line("survey crosstab --help vs the app's one --help", sub, sub_floor, "Typer", ">= 0.67x",
         ([*SURVEY, "crosstab", "--help"], peer_sub))  # fmt: skip
    print()
    import_floor(max(args.repeat, 3))
    if args.skip_large:
        return
    large = work / "large.csv"
    simulate_csv(large, args.large_rows)
    large_mb = os.path.getsize(large) / 2**20
    print(f"\n{args.large_rows:,}-row CSV: {large_mb:.1f} MB")
    ours_large = best_of(crosstab_argv(large), 1)
    peak = peak_memory_mb(crosstab_argv(large))
    print(f"peak memory of survey crosstab: {peak:.0f} MB = {peak / large_mb:.2f}x the file's "
          "size (target < 3x)")  # fmt: skip
    if args.skip_r_large:
        print(f"survey crosstab, {args.large_rows:,} rows: {ours_large:.3f} s (R skipped)")
        return
    r_large = best_of(r_argv(script, large), 1)
    line(f"survey crosstab, {args.large_rows:,} rows (CSV)", ours_large, r_large, "R", ">= 30x",
         (crosstab_argv(large), r_argv(script, large)))  # fmt: skip


if __name__ == "__main__":
    main()
