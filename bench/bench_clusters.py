"""Benchmark of a two-stage cluster design (a script, not a test).

A simulated 1,000,000-respondent sample: 20 strata, 100 PSUs (organisations) each, members
within them (intra-cluster correlation ~0.1), FPC at both stages. Prints the time for the
battery of 60 questions x 5 banners with every test (Rao-Scott F, Chisq, Wald, adjusted
Wald, column proportions with CIs and letters); the same battery on a jackknife (JKn) with
one replicate per PSU (2,000 replicates); and R's survey package on a subset of the
respondents (``--r-rows``, default 20,000, every PSU kept) for ``--r-questions`` x 5 tables,
scaled to the full battery in tables only: R's time goes into its recursion over the 2,000
PSUs (``multistage``), so R on fewer rows is a lower bound of R on all of them. If R does
not finish within ``--r-timeout`` seconds, the ratio printed is a lower bound.

Run: python bench/bench_clusters.py [--skip-jackknife] [--skip-r] [--r-rows N] [--r-questions K]
     [--r-timeout S]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.statistics.crosstab import code, crosstab
from pipeline.statistics.survey import Survey

N_ROWS = 1_000_000
N_STRATA = 20
PSU_PER_STRATUM = 100
BANNER_LEVELS = (2, 3, 4, 5, 6)


def simulate(n: int, n_questions: int, seed: int) -> pd.DataFrame:
    """Simulated two-stage sample: stratum, psu, member, fpc columns, questions q1.. (2-7
    codes, ~5% missing, with a PSU effect), banners b1..b5."""
    rng = np.random.default_rng(seed)
    n_psu = N_STRATA * PSU_PER_STRATUM
    psu = np.sort(rng.integers(0, n_psu, n))
    stratum = psu // PSU_PER_STRATUM
    size = np.bincount(psu, minlength=n_psu)
    cols: dict[str, np.ndarray] = {
        "stratum": stratum + 1,
        "psu": psu + 1,
        "member": np.arange(1, n + 1),
        "psu_pop": np.full(n, 4 * PSU_PER_STRATUM, dtype=float),
        "member_pop": 5.0 * size[psu],
    }
    effect = rng.normal(0, 0.35, n_psu)[psu]
    for b, k in enumerate(BANNER_LEVELS, start=1):
        cols[f"b{b}"] = rng.integers(1, k + 1, n)
    for q in range(1, n_questions + 1):
        k = 2 + q % 6
        latent = effect + rng.normal(0, 1, n) + 0.15 * (cols["b1"] == 2)
        values = np.clip(np.floor((latent + 2) / 4 * k), 0, k - 1) + 1
        values[rng.random(n) < 0.05] = np.nan
        cols[f"q{q}"] = values
    cols["_simulated"] = np.ones(n, dtype=int)
    return pd.DataFrame(cols)


def design(df: pd.DataFrame) -> Survey:
    return Survey.design(
        df,
        clusters=["psu", "member"],
        strata="stratum",
        fpc=["psu_pop", "member_pop"],
    )


def battery(survey: Survey, n_questions: int) -> float:
    """Seconds for every table (question x banner) with every test."""
    start = time.perf_counter()
    banners = [code(survey.values(f"b{b}")) for b in range(1, len(BANNER_LEVELS) + 1)]
    for q in range(1, n_questions + 1):
        row = code(survey.values(f"q{q}"))
        for banner in banners:
            crosstab(survey, row, banner)
    return time.perf_counter() - start


R_SCRIPT = """
suppressMessages(library(survey))
d <- read.csv("{path}")
des <- svydesign(id=~psu+member, strata=~stratum, fpc=~psu_pop+member_pop, data=d)
t0 <- proc.time()[["elapsed"]]
for (q in 1:{nq}) for (b in 1:5) {{
  f <- as.formula(paste0("~q", q, "+b", b))
  for (s in c("F", "Chisq", "Wald", "adjWald")) svychisq(f, des, statistic=s)
  svyby(as.formula(paste0("~factor(q", q, ")")), as.formula(paste0("~b", b)), des, svymean,
        na.rm=TRUE)
}}
cat(proc.time()[["elapsed"]] - t0, "\\n")
"""


def r_battery(df: pd.DataFrame, n_questions: int, timeout: float) -> float | None:
    """Seconds R's survey package takes for ``n_questions`` x 5 tables (None without R;
    inf when it does not finish within ``timeout`` seconds)."""
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clusters.csv"
        df.to_csv(path, index=False)
        try:
            out = subprocess.run(
                ["Rscript", "-e", R_SCRIPT.format(path=path, nq=n_questions)],
                capture_output=True,
                text=True,
                check=True,
                timeout=timeout,
            ).stdout
        except subprocess.TimeoutExpired:
            return float("inf")
    return float(out.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=60)
    parser.add_argument("--skip-jackknife", action="store_true")
    parser.add_argument("--skip-r", action="store_true")
    parser.add_argument("--r-rows", type=int, default=20_000)
    parser.add_argument("--r-questions", type=int, default=1)
    parser.add_argument("--r-timeout", type=float, default=900)
    args = parser.parse_args()
    nq = args.questions
    print(
        f"SIMULATED DATA (fixed seed): {N_ROWS:,} respondents, {N_STRATA} strata x "
        f"{PSU_PER_STRATUM} PSUs, two stages with FPC"
    )
    df = simulate(N_ROWS, nq, seed=14)
    start = time.perf_counter()
    survey = design(df)
    print(f"design (clusters, nesting, FPC per stage): {time.perf_counter() - start:.2f} s")
    battery(survey, 1)  # warm-up: scipy's first calls
    t_ours = battery(survey, nq)
    tables = nq * len(BANNER_LEVELS)
    print(
        f"linearised battery: {tables} tables, every test: {t_ours:.2f} s "
        f"({1000 * t_ours / tables:.0f} ms a table)"
    )

    if not args.skip_jackknife:
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # R drops the second stage's FPC too
            jk = survey.as_replicate("JKn")
        t_make = time.perf_counter() - start
        t_jk = battery(jk, nq)
        print(
            f"jackknife JKn, {jk.replicates.n_replicates:,} replicates: made in "
            f"{t_make:.2f} s, battery {t_jk:.2f} s (total {t_make + t_jk:.1f} s)"
        )

    if not args.skip_r:
        # R on a subset: every PSU kept, members sampled, the FPC columns unchanged.
        sub = df.sample(n=args.r_rows, random_state=1).sort_values("member")
        sub = sub.assign(member_pop=5.0 * sub.groupby("psu")["psu"].transform("size"))
        r_q = args.r_questions
        t_r = r_battery(sub, r_q, args.r_timeout)
        if t_r is None:
            print("R: Rscript not found, skipped")
            return
        ours_sub = battery(design(sub), r_q)
        if np.isinf(t_r):
            bound = args.r_timeout * (nq / r_q)
            print(
                f"R survey on {args.r_rows:,} rows did not finish {r_q * 5} tables in "
                f"{args.r_timeout:.0f} s (ours: {ours_sub:.3f} s); scaled to {tables} tables "
                f"R needs over {bound:,.0f} s: ours is over {bound / t_ours:.0f}x faster"
            )
            return
        scaled = t_r * (nq / r_q)
        print(
            f"R survey on {args.r_rows:,} rows, {r_q * 5} tables (svychisq x4 + svyby): "
            f"{t_r:.2f} s; ours on the same: {ours_sub:.3f} s ({t_r / ours_sub:.0f}x)"
        )
        print(
            f"R scaled to {tables} tables (rows not scaled: a lower bound): {scaled:,.0f} s; "
            f"ours on {N_ROWS:,} rows {t_ours:.1f} s: at least {scaled / t_ours:.0f}x faster"
        )


if __name__ == "__main__":
    main()
