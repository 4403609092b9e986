"""Replicate-weight designs against R's survey package: as.svrepdesign (JK1 with and without
FPC, JKn with every lonely_psu option, BRR and Fay on R's scd example, R's bootstrap weights)
and svrepdesign with supplied columns (Levy & Lemeshow's BRR weights, mse); every estimator
that works on replicates: mean, total, proportions, svyciprop, svyby, svychisq.

Oracles: tests/oracles/replicate_oracles.json from tests/oracles/make_replicate_oracles.R.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.core.errors import InputError
from pipeline.statistics import crosstab as xt
from pipeline.statistics import estimate
from pipeline.statistics.replicates import sylvester
from pipeline.statistics.survey import Survey

from .conftest import ORACLES, close

CORPUS = Path(__file__).parent / "corpus" / "r-survey"
RTOL = 1e-9
STATISTICS = {"F": "rao_scott", "Chisq": "first_order", "Wald": "wald", "adjWald": "adj_wald"}


@pytest.fixture(scope="module")
def oracle() -> dict:
    return json.loads((ORACLES / "replicate_oracles.json").read_text())


def data(name: str) -> pd.DataFrame:
    return pd.read_csv(CORPUS / f"{name}.csv")


def check_stat(est: estimate.Estimate, o: dict) -> None:
    close(est.estimate, o["estimate"], RTOL)
    close(est.se, o["se"], RTOL)


def check_svychisq(ct: xt.CrossTab, expected: dict) -> None:
    for r_name, ours in STATISTICS.items():
        if r_name not in expected:
            continue
        test = getattr(ct, ours)
        o = expected[r_name]
        close(test.statistic, o["statistic"], RTOL)
        close([test.df1] if test.df2 is None else [test.df1, test.df2], o["parameter"], RTOL)
        close(test.p, o["p"], RTOL)


# ---- scd: R's BRR example ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def scd() -> Survey:
    df = data("scd").assign(one=1.0)
    return Survey.design(df, clusters=["ambulance"], strata="ESA", nest=True, weight="one")


@pytest.mark.parametrize(
    "name, kind, rho", [("scd_brr", "BRR", 0.0), ("scd_fay", "Fay", 0.3), ("scd_jkn", "JKn", 0.0)]
)
def test_replicates_of_scd_are_rs(scd, oracle, name, kind, rho):
    survey = scd.as_replicate(kind, rho=rho)
    o = oracle[name]
    close(survey.replicates.analysis_weights(survey.weights), o["weights"], RTOL)
    assert survey.df == o["degf"]
    check_stat(estimate.mean(survey, "alive"), o["mean_alive"])
    check_stat(estimate.total(survey, "arrests"), o["total_arrests"])


def test_supplied_brr_weights_of_levy_and_lemeshow(oracle):
    df = data("scd")
    halves = 2 * np.array(
        [[1, 0, 1, 0, 1, 0], [1, 0, 0, 1, 0, 1], [0, 1, 1, 0, 0, 1], [0, 1, 0, 1, 1, 0]]
    )
    for j, column in enumerate(halves):
        df[f"rep{j + 1}"] = column
    with pytest.warns(UserWarning, match="equal probability"):
        survey = Survey.replicate(df, repweights="^rep", type="BRR", combined=False)
    o = oracle["scd_supplied"]
    assert survey.df == o["degf"]
    check_stat(estimate.mean(survey, "alive"), o["mean_alive"])
    check_stat(estimate.total(survey, "arrests"), o["total_arrests"])


def test_brr_needs_two_psus_per_stratum():
    nh = Survey.design(
        data("nhanes"), clusters=["SDMVPSU"], strata="SDMVSTRA", nest=True, weight="WTMEC2YR"
    )
    with pytest.raises(InputError, match="two PSUs in every stratum; stratum 86 has 3"):
        nh.as_replicate("BRR")


def test_r_uses_sylvester_hadamard_matrices_of_order_4_and_8():
    # survey:::hadamard(3) and hadamard(7), printed by R 4.1.1's survey package.
    assert sylvester(4).tolist() == [[1, 1, 1, 1], [1, 0, 1, 0], [1, 1, 0, 0], [1, 0, 0, 1]]
    h = sylvester(8)
    assert h[4].tolist() == [1, 1, 1, 1, 0, 0, 0, 0] and h[7].tolist() == [1, 0, 0, 1, 0, 1, 1, 0]


def test_a_user_hadamard_matrix_is_checked(scd):
    with pytest.raises(InputError, match="not a Hadamard matrix"):
        scd.as_replicate(
            "BRR", hadamard=np.array([[1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 1, 0], [1, 1, 1, 0]])
        )
    same = scd.as_replicate("BRR", hadamard=2 * sylvester(4) - 1)
    assert same.replicates.factors.tolist() == scd.as_replicate("BRR").replicates.factors.tolist()


# ---- apiclus1: jackknife and R's own bootstrap replicates -------------------------------------


def api_replicates(name: str, oracle: dict) -> Survey:
    df = data("apiclus1")
    if name == "apiclus1_jk1":
        return Survey.design(df, clusters=["dnum"], weight="pw", fpc=["fpc"]).as_replicate()
    if name == "apiclus1_jk1_nofpc":
        return Survey.design(df, clusters=["dnum"], weight="pw").as_replicate("JK1")
    if name == "apiclus1_jk1_mse":
        return Survey.design(df, clusters=["dnum"], weight="pw", fpc=["fpc"]).as_replicate(mse=True)
    boot = data("apiclus1_boot")
    scale = oracle["apiclus1_boot"]["scale"]
    return Survey.replicate(
        boot,
        repweights="^repw",
        weight="pw",
        type="bootstrap",
        scale=scale,
        mse=name.endswith("mse"),
    )


API = [
    "apiclus1_jk1",
    "apiclus1_jk1_nofpc",
    "apiclus1_jk1_mse",
    "apiclus1_boot",
    "apiclus1_boot_mse",
]


@pytest.mark.parametrize("name", API)
def test_estimates_on_replicates_match_r(oracle, name):
    survey, o = api_replicates(name, oracle), oracle[name]
    assert survey.df == o["degf"]
    close(survey.replicates.scale, o["scale"], RTOL)
    check_stat(estimate.mean(survey, "api00"), o["mean_api00"])
    check_stat(estimate.total(survey, "enroll"), o["total_enroll"])
    check_stat(estimate.proportions(survey, "stype"), o["prop_stype"])
    check_stat(
        estimate.mean(survey, "api00", survey.values("meals") > 50), o["domain_mean_api00_high"]
    )
    by = estimate.by(survey, "sch.wide", "stype")
    b = o["by_sch_wide_stype"]
    close([by[g].se[j] for j in range(2) for g in by], b["se"], RTOL)


@pytest.mark.parametrize("name", API)
def test_svychisq_on_replicates(oracle, name):
    survey = api_replicates(name, oracle)
    check_svychisq(xt.crosstab(survey, "sch.wide", "stype"), oracle[name]["chisq_sch_wide_stype"])


@pytest.mark.parametrize("name", API)
@pytest.mark.parametrize("method", ["logit", "beta", "asin", "mean", "xlogit"])
def test_svyciprop_on_replicates(oracle, name, method):
    est = estimate.proportions(api_replicates(name, oracle), "sch.wide", method=method)
    # R refits a glm per replicate for the logit interval; its IRLS stops ~1e-9 short.
    close(est.ci[1], oracle[name]["ciprop_yes"][method]["ci"], 1e-7 if method == "logit" else RTOL)


# ---- nhanes: JKn, lonely PSUs ------------------------------------------------------------------


def nhanes(file: str = "nhanes", lonely_psu: str = "fail") -> Survey:
    return Survey.design(
        data(file),
        clusters=["SDMVPSU"],
        strata="SDMVSTRA",
        nest=True,
        weight="WTMEC2YR",
        lonely_psu=lonely_psu,
    )


def test_nhanes_jackknife(oracle):
    survey = nhanes().as_replicate("JKn")
    o = oracle["nhanes_jkn"]
    assert survey.df == o["degf"]
    check_stat(estimate.mean(survey, "HI_CHOL"), o["mean_hi_chol"])
    check_stat(estimate.proportions(survey, "race"), o["prop_race"])
    check_svychisq(xt.crosstab(survey, "race", "HI_CHOL"), o["chisq_race_hi_chol"])


@pytest.mark.parametrize("option", ["adjust", "certainty", "remove", "average"])
def test_jackknife_with_a_lonely_psu(oracle, option):
    survey = nhanes("nhanes_lonely", option).as_replicate("JKn")
    o = oracle["nhanes_lonely_jkn"][option]
    assert survey.df == o["degf"]
    close(survey.replicates.scale, o["scale"], RTOL)
    check_stat(estimate.mean(survey, "HI_CHOL"), o["mean_hi_chol"])


# ---- our bootstrap draws: R's law, numpy's random numbers -------------------------------------


def test_bootstrap_replicates_resample_each_stratums_psus():
    survey = nhanes().as_replicate("bootstrap", replicates=200, seed=1)
    reps = survey.replicates
    first = survey.stages[0]
    per_stratum = np.stack(
        [np.bincount(first.unit_stratum, weights=reps.factors[:, r]) for r in range(200)]
    )
    assert (per_stratum == survey.n_h).all()
    nbar = 1 / np.mean(1 / survey.n_h)
    close(reps.scale, nbar / ((nbar - 1) * 199), RTOL)


def test_bootstrap_variance_of_a_total_approaches_the_linearised_one():
    # E[bootstrap variance] of a total = n̄/(n̄-1) Σ_h (n_h-1)/n_h · linearised stratum term;
    # with 2 PSUs per stratum (nhanes minus its one 3-PSU stratum) that is the linearised one.
    df = data("nhanes")
    df = df[df["SDMVSTRA"] != 86]
    survey = Survey.design(
        df, clusters=["SDMVPSU"], strata="SDMVSTRA", nest=True, weight="WTMEC2YR"
    )
    linear = estimate.total(survey, "RIAGENDR").se[0]
    boot = estimate.total(
        survey.as_replicate("bootstrap", replicates=20000, seed=7), "RIAGENDR"
    ).se[0]
    assert boot == pytest.approx(linear, rel=0.02)


def test_estimators_without_replicate_support_say_so():
    survey = nhanes().as_replicate("JKn")
    with pytest.raises(InputError, match="not available for a replicate-weight design"):
        survey.variance(np.ones(survey.n))


def test_replicate_weight_columns_are_checked():
    df = data("apiclus1_boot")
    df.loc[3, "repw002"] = -1.0
    with pytest.raises(InputError) as err:
        Survey.replicate(df, repweights="^repw", weight="pw", type="bootstrap")
    assert (err.value.row, err.value.column) == (5, "repw002")
    with pytest.raises(InputError, match="no column matches"):
        Survey.replicate(df, repweights="^nothing", weight="pw")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(InputError, match="Fay needs its rho"):
            Survey.replicate(data("apiclus1_boot"), repweights="^repw", weight="pw", type="Fay")


def test_jackknife_degrees_of_freedom_of_domains_are_the_rank_of_their_weights():
    # R: degf(subset(design, ...)) = rank of the domain's replicate weights − 1. Ours is
    # found stratum by stratum; check it against a plain QR of the same rows.
    from pipeline.statistics.replicates import _rank

    survey = nhanes("nhanes_lonely", "remove").as_replicate("JKn")
    reps = survey.replicates
    rng = np.random.default_rng(3)
    units = reps.units
    for share in (0.3, 0.6, 0.9):
        keep_units = rng.random(reps.factors.shape[0]) < share
        inside = keep_units[units]
        dense = _rank(survey.replicates.analysis_weights(survey.weights)[inside]) - 1
        assert survey.domain_df(inside) == dense
