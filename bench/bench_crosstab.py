"""Benchmark of a cross-tab battery (a script, not a test).

Prints the time for: a 1,375-respondent 5-stratum survey (50 questions x 5 banners, every
test); a 1,000,000-respondent survey (60 questions x 5 banners); and the small battery in R's
survey package (svychisq with its four statistics and svyby column proportions), with the
ratio. Data are simulated with a fixed seed.

Run: python bench/bench_crosstab.py [--skip-large] [--skip-r]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.statistics.crosstab import code, crosstab
from pipeline.statistics.survey import Survey

N_H = np.array([5421, 1418, 1944, 521, 210])
N_SMALL = np.array([784, 205, 281, 75, 30])
BANNER_LEVELS = (2, 3, 4, 5, 6)


def simulate(n_h: np.ndarray, n_questions: int, seed: int) -> pd.DataFrame:
    """Simulated survey: stratum, N_h, questions q1.. (2-7 codes, ~5% missing), banners."""
    rng = np.random.default_rng(seed)
    stratum = np.repeat(np.arange(1, n_h.size + 1), n_h)
    n = stratum.size
    pop = (N_H * (n_h.sum() / N_SMALL.sum()))[stratum - 1].round()
    cols = {"stratum": stratum, "N_h": pop}
    for b, k in enumerate(BANNER_LEVELS, start=1):
        cols[f"b{b}"] = rng.integers(1, k + 1, n)
    for q in range(1, n_questions + 1):
        k = 2 + q % 6
        shift = (stratum + cols["b1"]) % k
        values = ((rng.integers(0, k, n) + (rng.random(n) < 0.3) * shift) % k + 1).astype(float)
        values[rng.random(n) < 0.05] = np.nan
        cols[f"q{q}"] = values
    cols["_simulated"] = np.ones(n, dtype=int)
    return pd.DataFrame(cols)


def battery(df: pd.DataFrame, n_questions: int) -> float:
    """Seconds to build the design and every table with every test."""
    start = time.perf_counter()
    survey = Survey.stratified(df, strata="stratum", population="N_h")
    banners = [code(survey.values(f"b{b}")) for b in range(1, len(BANNER_LEVELS) + 1)]
    for q in range(1, n_questions + 1):
        row = code(survey.values(f"q{q}"))
        for banner in banners:
            crosstab(survey, row, banner)
    return time.perf_counter() - start


R_SCRIPT = """
suppressMessages(library(survey))
d <- read.csv("{path}")
des <- svydesign(id=~1, strata=~stratum, fpc=~N_h, data=d)
t0 <- proc.time()[["elapsed"]]
for (q in 1:{nq}) for (b in 1:5) {{
  f <- as.formula(paste0("~q", q, "+b", b))
  for (s in c("F", "Chisq", "Wald", "adjWald")) svychisq(f, des, statistic=s)
  svyby(as.formula(paste0("~factor(q", q, ")")), as.formula(paste0("~b", b)), des, svymean,
        na.rm=TRUE)
}}
cat(proc.time()[["elapsed"]] - t0, "\\n")
"""


def r_battery(df: pd.DataFrame, n_questions: int) -> float | None:
    """Seconds R's survey package takes for the same battery (None without Rscript)."""
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "battery.csv"
        df.to_csv(path, index=False)
        script = R_SCRIPT.format(path=path, nq=n_questions)
        out = subprocess.run(
            ["Rscript", "-e", script], capture_output=True, text=True, check=True
        ).stdout
    return float(out.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-r", action="store_true")
    args = parser.parse_args()
    print("SIMULATED DATA (fixed seed); 5 strata N_h = 5421/1418/1944/521/210")

    small = simulate(N_SMALL, 50, seed=1)
    battery(small, 5)  # warm-up: imports and scipy's first calls
    t_small = battery(small, 50)
    print(f"default battery: {len(small):,} rows, 50 x 5 = 250 tables: {t_small:.3f} s")

    if not args.skip_large:
        n_large = np.round(N_SMALL * 1_000_000 / N_SMALL.sum()).astype(int)
        large = simulate(n_large, 60, seed=2)
        t_large = battery(large, 60)
        print(f"large battery: {len(large):,} rows, 60 x 5 = 300 tables: {t_large:.2f} s")

    if not args.skip_r:
        t_r = r_battery(small, 50)
        if t_r is None:
            print("R: Rscript not found, skipped")
        else:
            print(
                f"R survey, same 250 tables (svychisq x4 + svyby): {t_r:.2f} s; "
                f"Python is {t_r / t_small:.0f}x faster"
            )


if __name__ == "__main__":
    main()
