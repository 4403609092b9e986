"""Means, totals, proportions, deffs, CIs and svyby against R's survey package.

Oracles: tests/oracles/apistrat_oracles.json (shared, R 4.2.2 / survey 4.1.1) and
tests/oracles/oracles.json written by tests/oracles/make_oracles.R.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from pipeline.core.errors import InputError
from pipeline.statistics import estimate
from pipeline.statistics.survey import Survey

from .conftest import ORACLES, REL, close


def load(name: str) -> dict:
    return json.loads((ORACLES / name).read_text())


@pytest.fixture(scope="module")
def shared() -> dict:
    return load("apistrat_oracles.json")


@pytest.fixture(scope="module")
def api_na():
    df = pd.read_csv(ORACLES / "apistrat_na.csv")
    return df, Survey.from_weights(df, weight="pw", strata="stype", population="fpc")


# ---- apistrat, the shared oracle -----------------------------------------------------------


def test_mean_of_api00_matches_svymean(api, shared):
    df, design = api
    est = estimate.mean(design, df["api00"])
    close(est.estimate, shared["svymean_api00"]["mean"])
    close(est.se, shared["svymean_api00"]["se"])


def test_estimators_take_column_names_of_the_survey(api, shared):
    _, survey = api
    close(estimate.mean(survey, "api00").se, shared["svymean_api00"]["se"])
    close(estimate.total(survey, "enroll").estimate, shared["svytotal_enroll"]["total"])
    close(estimate.proportions(survey, "sch.wide").se, shared["svymean_sch_wide"]["se"])


def test_a_misaligned_series_is_refused_by_every_estimator(api):
    df, survey = api
    shuffled = df.sample(frac=1, random_state=1)
    for estimator in (estimate.mean, estimate.total):
        with pytest.raises(InputError, match="Series 'api00'"):
            estimator(survey, shuffled["api00"])
    with pytest.raises(InputError, match="domain"):
        estimate.mean(survey, "api00", shuffled["api00"] > 600)


def test_values_of_the_wrong_length_are_refused(api):
    _, survey = api
    with pytest.raises(InputError, match="expected 200 values"):
        estimate.mean(survey, np.ones(3))


def test_total_of_enrolment_matches_svytotal(api, shared):
    df, design = api
    est = estimate.total(design, df["enroll"])
    close(est.estimate, shared["svytotal_enroll"]["total"])
    close(est.se, shared["svytotal_enroll"]["se"])


def test_proportions_with_deff_match_svymean(api, shared):
    df, design = api
    est = estimate.proportions(design, df["sch.wide"])
    assert list(est.labels) == shared["svymean_sch_wide"]["levels"]
    close(est.estimate, shared["svymean_sch_wide"]["mean"])
    close(est.se, shared["svymean_sch_wide"]["se"])
    close(est.deff, shared["svymean_sch_wide"]["deff"])


def test_svyby_by_stratum(api, shared):
    df, design = api
    by = estimate.by(design, df["sch.wide"], df["stype"])
    o = shared["svyby_sch_wide_by_stype"]
    assert list(by) == o["stype"]
    close([by[g].estimate[0] for g in by], o["No"])
    close([by[g].estimate[1] for g in by], o["Yes"])
    close([by[g].se[0] for g in by], o["se_No"])
    close([by[g].se[1] for g in by], o["se_Yes"])


@pytest.mark.parametrize("method", ["logit", "beta", "asin", "mean", "likelihood"])
def test_every_svyciprop_method(api, shared, method):
    df, design = api
    est = estimate.proportions(design, df["sch.wide"], method=method)
    # R's likelihood interval profiles a glm whose IRLS stops ~1e-6 short of the exact
    # maximum on this data set; our profile starts at the exact maximum.
    close(est.ci[1], shared["svyciprop_yes"][method], rel=1e-5 if method == "likelihood" else REL)


# ---- missing values and domains ------------------------------------------------------------


def test_missing_values_are_a_domain_for_means_and_totals(api_na, oracle):
    df, design = api_na
    o = oracle["api_na"]
    for est, key in [
        (estimate.mean(design, df["api00"]), "mean_api00"),
        (estimate.total(design, df["api00"]), "total_api00"),
    ]:
        close(est.estimate, o[key]["estimate"])
        close(est.se, o[key]["se"])
        close(est.deff, o[key]["deff"])


def test_missing_values_are_a_domain_for_proportions(api_na, oracle):
    df, design = api_na
    est = estimate.proportions(design, df["sch.wide"])
    o = oracle["api_na"]["prop_sch_wide"]
    close(est.estimate, o["estimate"])
    close(est.se, o["se"])
    close(est.deff, o["deff"])


@pytest.mark.parametrize("method", ["logit", "beta", "asin", "mean", "likelihood"])
def test_ci_of_a_variable_with_missing_values_uses_domain_df(api_na, oracle, method):
    df, design = api_na
    est = estimate.proportions(design, df["sch.wide"], method=method)
    close(est.ci[1], oracle["api_na"]["ciprop_yes"][method]["ci"])


def test_domain_mean_keeps_the_whole_design(api_na, oracle):
    df, design = api_na
    est = estimate.mean(design, df["api00"], domain=(df["meals_hi"] == "high").to_numpy())
    o = oracle["api_na"]["domain_mean_api00_high"]
    close(est.estimate, o["estimate"])
    close(est.se, o["se"])
    close(est.deff, o["deff"])


def test_svyby_means_with_missing_values(api_na, oracle):
    df, design = api_na
    by = estimate.by(design, df["api00"], df["awards"], statistic="mean")
    o = oracle["api_na"]["by_api00_awards"]
    close([by[g].estimate[0] for g in ("No", "Yes")], o["estimate"])
    close([by[g].se[0] for g in ("No", "Yes")], o["se"])


def test_svyby_proportions_with_missing_values(api_na, oracle):
    df, design = api_na
    by = estimate.by(design, df["sch.wide"], df["meals_hi"])
    o = oracle["api_na"]["by_sch_wide_meals"]
    # R orders high:No, low:No, high:Yes, low:Yes
    close([by[g].estimate[k] for k in (0, 1) for g in ("high", "low")], o["estimate"])
    close([by[g].se[k] for k in (0, 1) for g in ("high", "low")], o["se"])


# ---- lonely PSU ----------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["adjust", "certainty"])
def test_lonely_psu_options_match_r(oracle, option):
    df = pd.read_csv(ORACLES / "apistrat_lonely.csv")
    o = oracle["lonely"][option]
    design = Survey.from_weights(
        df, weight="pw", strata="stype", population="fpc", lonely_psu=option
    )
    nofpc = Survey.from_weights(df, weight="pw", strata="stype", lonely_psu=option)
    for est, key in [
        (estimate.mean(design, df["api00"]), "mean_api00"),
        (estimate.total(design, df["enroll"]), "total_enroll"),
        (estimate.proportions(design, df["sch.wide"]), "prop_sch_wide"),
        (estimate.mean(nofpc, df["api00"]), "mean_api00_nofpc"),
    ]:
        close(est.estimate, o[key]["estimate"])
        close(est.se, o[key]["se"])


# ---- the 5-stratum simulated survey, with and without FPC ----------------------------------


def test_synth_proportions_and_deff(synth, oracle):
    kind, df, design = synth
    o = oracle["synth5"][kind]
    for var in ("q1", "q3"):
        est = estimate.proportions(design, df[var])
        close(est.estimate, o[f"prop_{var}"]["estimate"])
        close(est.se, o[f"prop_{var}"]["se"])
        close(est.deff, o[f"prop_{var}"]["deff"])


def test_synth_mean_and_total_with_missing(synth, oracle):
    kind, df, design = synth
    o = oracle["synth5"][kind]
    m = estimate.mean(design, df["score"])
    close(m.estimate, o["mean_score"]["estimate"])
    close(m.se, o["mean_score"]["se"])
    close(m.deff, o["mean_score"]["deff"])
    t = estimate.total(design, df["score"])
    close(t.estimate, o["total_score"]["estimate"])
    close(t.se, o["total_score"]["se"])


@pytest.mark.parametrize("method", ["logit", "beta", "asin", "mean", "likelihood"])
def test_synth_ciprop(synth, oracle, method):
    kind, df, design = synth
    est = estimate.proportions(design, df["q2"], method=method)
    o = oracle["synth5"][kind]["ciprop_q2"][method]
    close(est.estimate[0], o["estimate"])
    close(est.ci[0], o["ci"])


def test_synth_svyby(synth, oracle):
    kind, df, design = synth
    for var in ("q1", "q3"):
        by = estimate.by(design, df[var], df["age"])
        o = oracle["synth5"][kind][f"by_{var}_age"]
        k = len(by[1].labels)
        close([by[g].estimate[i] for i in range(k) for g in (1, 2, 3)], o["estimate"])
        close([by[g].se[i] for i in range(k) for g in (1, 2, 3)], o["se"])


# ---- intervals without an R equivalent, and errors -----------------------------------------


def test_wilson_interval_is_the_score_interval_on_the_effective_n():
    # With SE² = p(1-p)/n the effective n is n; hand check against the Wilson formula.
    p, n, df = 0.3, 50, 10_000_000
    se = np.sqrt(p * (1 - p) / n)
    z = 1.959963984540054
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    ci = estimate.ci_proportion(p, se, df, n, method="wilson")
    close(ci[0], [centre - half, centre + half], rel=1e-6)


def test_degenerate_proportion_has_a_point_interval():
    ci = estimate.ci_proportion(np.array([0.0, 1.0]), np.array([0.0, 0.0]), 30, 31)
    assert ci.tolist() == [[0.0, 0.0], [1.0, 1.0]]


def test_unknown_ci_method_is_an_input_error():
    with pytest.raises(InputError, match="CI method"):
        estimate.ci_proportion(0.5, 0.1, 10, 11, method="exact")


def test_text_in_a_numeric_variable_is_an_input_error(api):
    df, design = api
    with pytest.raises(InputError, match="expected numbers"):
        estimate.mean(design, df["stype"])
