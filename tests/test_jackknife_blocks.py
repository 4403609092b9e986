"""The jackknife's replicate totals by strata blocks (Replicates.unit_product) are the dense
product factors' × totals, whatever the design: JKn with unequal strata, a stratum sampled
completely, a lonely PSU adjusted (a column spanning every stratum: the dense product), and
factors that are not 1 outside their stratum (refused as blocks)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from pipeline.statistics.replicates import Replicates
from pipeline.statistics.survey import Survey


def two_stage(lonely: bool = False, census_stratum: bool = False) -> Survey:
    rng = np.random.default_rng(3)
    strata = np.repeat([1, 2, 3, 4], [5, 9, 3, 7])
    psu = np.arange(strata.size)
    if lonely:
        strata = np.append(strata, 5)
        psu = np.append(psu, psu.size)
    rows = np.repeat(np.arange(psu.size), rng.integers(2, 6, psu.size))
    df = pd.DataFrame({"h": strata[rows], "psu": psu[rows], "w": rng.uniform(1, 9, rows.size)})
    population = {1: 40.0, 2: 50.0, 3: 3.0 if census_stratum else 30.0, 4: 60.0, 5: 10.0}
    df["fpc"] = df["h"].map(population)
    return Survey.design(
        df, clusters=["psu"], strata="h", weight="w", fpc=["fpc"], lonely_psu="adjust"
    )


@pytest.mark.parametrize(
    "case", [{}, {"census_stratum": True}, {"lonely": True}], ids=["jkn", "census", "lonely"]
)
def test_block_totals_are_the_dense_product(case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reps = two_stage(**case).as_replicate("JKn").replicates
    t = np.random.default_rng(1).normal(size=(reps.factors.shape[0], 4))
    assert reps.unit_product(t) == pytest.approx(reps.factors.T @ t, rel=1e-12, abs=1e-12)
    assert (reps._jackknife_blocks() is None) == ("lonely" in case)


def test_factors_not_1_outside_their_stratum_use_the_dense_product():
    factors = np.array([[0.0, 2.0, 1.0], [2.0, 0.0, 1.0], [1.0, 1.5, 0.0]])
    reps = Replicates(
        "JKn", factors, np.arange(3), False, 1.0, np.ones(3),
        unit_group=np.array([0, 0, 1]), column_group=np.array([0, 0, 1]),
    )  # fmt: skip
    t = np.arange(6.0).reshape(3, 2)
    assert reps._jackknife_blocks() is None
    assert reps.unit_product(t) == pytest.approx(factors.T @ t)
