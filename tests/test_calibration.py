"""Standard errors and tests after post-stratification, raking and trimming, against R's
survey package (tests/oracles/calibration.json, made by make_oracles.R): svymean, svytotal,
svyciprop, svyby and svychisq on postStratify, rake and trimWeights designs with FPC."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.statistics import crosstab as xt
from pipeline.statistics import estimate
from pipeline.statistics.survey import (
    PostStratum,
    Raking,
    Survey,
    post_stratify,
    rake,
    trim_weights,
)

ORACLES = Path(__file__).parent / "oracles"
REL = 1e-6
STATISTICS = {"F": "rao_scott", "Chisq": "first_order", "Wald": "wald", "adjWald": "adj_wald"}


def close(actual, expected, rel=REL):
    np.testing.assert_allclose(np.ravel(actual), np.ravel(expected), rtol=rel, atol=0)


def check_estimate(est: estimate.Estimate, expected: dict, deff: bool = True) -> None:
    close(est.estimate, expected["estimate"])
    close(est.se, expected["se"])
    if deff:
        close(est.deff, expected["deff"])


def check_svychisq(ct: xt.CrossTab, expected: dict) -> None:
    for r_name, ours in STATISTICS.items():
        test = getattr(ct, ours)
        o = expected[r_name]
        close(test.statistic, o["statistic"])
        close([test.df1] if test.df2 is None else [test.df1, test.df2], o["parameter"])
        close(test.p, o["p"])


def totals(table: dict) -> dict:
    """R's population data frame (levels, Freq) as {level: total}."""
    return dict(zip(table["levels"], table["totals"], strict=True))


@pytest.fixture(scope="module")
def oracle() -> dict:
    return json.loads((ORACLES / "calibration.json").read_text())


def api_design(name: str, oracle: dict):
    df = pd.read_csv(ORACLES / name)
    design = Survey.from_weights(df, weight="pw", strata="stype", population="fpc")
    pop = totals(oracle["poststrat_api"]["population"])
    return df, design, post_stratify(design, df["awards"], pop)


@pytest.fixture(scope="module")
def api(oracle):
    return api_design("apistrat.csv", oracle)


@pytest.fixture(scope="module")
def api_na(oracle):
    return api_design("apistrat_na.csv", oracle)


@pytest.fixture(scope="module")
def raked(oracle):
    df = pd.read_csv(ORACLES / "synth5.csv")
    design = Survey.stratified(df, strata="stratum", population="N_h")
    o = oracle["rake_synth5"]
    margins = {"gender": df["gender"], "age": df["age"]}
    pop = {"gender": totals(o["gender"]), "age": totals(o["age"])}
    return df, rake(design, margins, pop, tol=1e-12)


# ---- the design keeps what the variance needs ----------------------------------------------


def test_post_stratification_and_raking_record_their_steps(api, raked):
    _, design, ps = api
    assert not design.calibrated
    assert ps.calibrated and isinstance(ps.calibration[0], PostStratum)
    close(ps.calibration[0].weights, ps.weights)
    step = raked[1].calibration[0]
    assert isinstance(step, Raking) and len(step.margins) == 2
    # The last margin's weights are the final weights; the first margin's differ by less
    # than the convergence tolerance.
    close(step.margins[1].weights, raked[1].weights)
    close(step.margins[0].weights, raked[1].weights, rel=1e-10)


def test_a_calibrated_total_of_a_post_stratum_has_no_variance(api):
    # Hand calculation: the influence values w·[awards = g] are w times a constant within
    # each post-stratum, so their residuals vanish and the calibrated total is exact.
    df, design, ps = api
    for level in ("No", "Yes"):
        est = estimate.total(ps, (df["awards"] == level).astype(float))
        assert est.estimate[0] == pytest.approx(2300 if level == "No" else 3894)
        assert est.se[0] == pytest.approx(0, abs=1e-9)
        assert estimate.total(design, (df["awards"] == level).astype(float)).se[0] > 1


def test_raked_margin_totals_have_next_to_no_variance(raked):
    # R's ten residualisation passes leave a margin total's SE far below one person.
    df, design = raked
    for margin in ("gender", "age"):
        for level in sorted(df[margin].unique()):
            est = estimate.total(design, (df[margin] == level).astype(float))
            assert est.se[0] < 1e-6


def test_cell_variance_of_a_calibrated_design_needs_the_cells(api):
    _, _, ps = api
    h = ps.n_strata
    with pytest.raises(ValueError, match="needs each row's cell"):
        ps.cell_variance(np.ones((h, 2)), np.ones((h, 2)))


# ---- post-stratification (apistrat, on awards) ---------------------------------------------


def test_post_stratified_mean_total_and_proportions_match_r(api, oracle):
    df, _, ps = api
    o = oracle["poststrat_api"]
    close(ps.weights, o["weights"])
    check_estimate(estimate.mean(ps, df["api00"]), o["mean_api00"])
    check_estimate(estimate.total(ps, df["enroll"]), o["total_enroll"])
    check_estimate(estimate.proportions(ps, df["sch.wide"]), o["prop_sch_wide"])


@pytest.mark.parametrize("method", ["logit", "beta", "mean"])
def test_post_stratified_svyciprop(api, oracle, method):
    df, _, ps = api
    est = estimate.proportions(ps, df["sch.wide"], method=method)
    close(est.ci[1], oracle["poststrat_api"]["ciprop_yes"][method]["ci"])


@pytest.mark.parametrize(
    "pair, key", [(("sch.wide", "both"), "sch_wide_both"), (("awards", "stype"), "awards_stype")]
)
def test_post_stratified_svychisq(api, oracle, pair, key):
    df, _, ps = api
    row, col = pair
    check_svychisq(xt.crosstab(ps, df[row], df[col]), oracle["poststrat_api"][f"chisq_{key}"])


def test_post_stratified_column_and_cell_proportions(api, oracle):
    df, _, ps = api
    ct = xt.crosstab(ps, df["sch.wide"], df["stype"])
    o = oracle["poststrat_api"]
    close(ct.col_prop, o["by_sch_wide_stype"]["estimate"])
    close(ct.col_prop_se, o["by_sch_wide_stype"]["se"])
    close(ct.total_prop.T, o["cells_sch_wide_stype"]["estimate"])
    close(ct.total_prop_se.T, o["cells_sch_wide_stype"]["se"])
    by = estimate.by(ps, df["sch.wide"], df["stype"])
    close([by[g].se[k] for k in (0, 1) for g in ("E", "H", "M")], o["by_sch_wide_stype"]["se"])


def test_post_stratified_domains_and_missing_values(api_na, oracle):
    df, _, ps = api_na
    o = oracle["poststrat_api_na"]
    check_estimate(estimate.mean(ps, df["api00"]), o["mean_api00"])
    check_estimate(estimate.total(ps, df["api00"]), o["total_api00"])
    check_estimate(estimate.proportions(ps, df["sch.wide"]), o["prop_sch_wide"])
    high = (df["meals_hi"] == "high").to_numpy()
    check_estimate(estimate.mean(ps, df["api00"], domain=high), o["domain_mean_api00_high"], False)
    ct = xt.crosstab(ps, df["sch.wide"], df["meals_hi"])
    check_svychisq(ct, o["chisq_sch_wide_meals"])
    close(ct.col_prop_se, o["by_sch_wide_meals"]["se"])


# ---- raking (synth5, on gender and age) ----------------------------------------------------


def test_raked_means_totals_and_proportions_match_r(raked, oracle):
    df, design = raked
    o = oracle["rake_synth5"]
    close(design.weights, o["weights"])
    check_estimate(estimate.proportions(design, df["q1"]), o["prop_q1"])
    check_estimate(estimate.proportions(design, df["q3"]), o["prop_q3"])
    check_estimate(estimate.mean(design, df["score"]), o["mean_score"])
    check_estimate(estimate.total(design, df["score"]), o["total_score"])


@pytest.mark.parametrize("method", ["logit", "beta", "mean"])
def test_raked_svyciprop(raked, oracle, method):
    df, design = raked
    est = estimate.proportions(design, df["q2"], method=method)
    o = oracle["rake_synth5"]["ciprop_q2"][method]
    close(est.estimate[0], o["estimate"])
    close(est.ci[0], o["ci"])


@pytest.mark.parametrize("pair", [("q1", "age"), ("q3", "gender"), ("q2", "stratum")])
def test_raked_svychisq(raked, oracle, pair):
    df, design = raked
    row, col = pair
    ct = xt.crosstab(design, df[row], df[col])
    check_svychisq(ct, oracle["rake_synth5"][f"chisq_{row}_{col}"])


def test_raked_column_proportions_and_cell_covariance(raked, oracle):
    df, design = raked
    o = oracle["rake_synth5"]
    for row in ("q1", "q3"):
        ct = xt.crosstab(design, df[row], df["age"])
        close(ct.col_prop, o[f"by_{row}_age"]["estimate"])
        close(ct.col_prop_se, o[f"by_{row}_age"]["se"])
    # R's interaction(q1, age) runs q1 fastest: the age × q1 table in row-major order.
    ct = xt.crosstab(design, df["age"], df["q1"])
    cells = o["cells_q1_age"]
    close(ct.total_prop, cells["estimate"])
    close(ct.total_prop_se, cells["se"])
    k = ct.total_prop.size
    est = estimate.proportions(design, df["age"].astype(str) + "." + df["q1"].astype(str))
    np.testing.assert_allclose(est.vcov, np.array(cells["vcov"]).reshape(k, k), rtol=REL)
    by = estimate.by(design, df["q1"], df["age"])
    close([by[g].se[i] for i in range(5) for g in (1, 2, 3)], o["by_q1_age"]["se"])


# ---- trimming ------------------------------------------------------------------------------


def test_trimming_a_raked_design_keeps_its_calibration(raked, oracle):
    # R's trimWeights changes the weights only: svyrecvar still residualises on the
    # raking's own (untrimmed) weights.
    df, design = raked
    o = oracle["trim_raked_synth5"]
    trimmed = trim_weights(design, o["upper"])
    assert trimmed.calibration == design.calibration
    close(trimmed.weights, o["weights"])
    check_estimate(estimate.mean(trimmed, df["score"]), o["mean_score"], deff=False)
    check_estimate(estimate.proportions(trimmed, df["q1"]), o["prop_q1"], deff=False)
    check_svychisq(xt.crosstab(trimmed, df["q1"], df["age"]), o["chisq_q1_age"])


def test_trimming_an_uncalibrated_design_adds_no_calibration(api, oracle):
    df, design, _ = api
    o = oracle["trim_api"]
    trimmed = trim_weights(design, o["upper"])
    assert not trimmed.calibrated
    check_estimate(estimate.mean(trimmed, df["api00"]), o["mean_api00"], deff=False)
    check_estimate(estimate.proportions(trimmed, df["sch.wide"]), o["prop_sch_wide"], deff=False)
    check_svychisq(xt.crosstab(trimmed, df["sch.wide"], df["both"]), o["chisq_sch_wide_both"])
