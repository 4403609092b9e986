"""svyratio, svyvar, svycontrast, svyglm (gaussian, quasibinomial), regTermTest, svyttest and
domains (R's subset) in cross-tabs, against R's survey package on apistrat, apiclus1,
apiclus2 and nhanes. Oracles: tests/oracles/model_oracles.json from
tests/oracles/make_model_oracles.R; relative 1e-9."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.core.errors import InputError
from pipeline.statistics import crosstab as xt
from pipeline.statistics import estimate, models
from pipeline.statistics.survey import Survey

from .conftest import ORACLES, close

CORPUS = Path(__file__).parent / "corpus" / "r-survey"
RTOL = 1e-9
STATISTICS = {"F": "rao_scott", "Chisq": "first_order", "Wald": "wald", "adjWald": "adj_wald"}


@pytest.fixture(scope="module")
def oracle() -> dict:
    return json.loads((ORACLES / "model_oracles.json").read_text())


def survey(name: str) -> Survey:
    if name == "apistrat":
        df = pd.read_csv(ORACLES / "apistrat.csv")
        return Survey.from_weights(df, weight="pw", strata="stype", population="fpc")
    df = pd.read_csv(CORPUS / f"{name}.csv")
    if name == "apiclus1":
        return Survey.design(df, clusters=["dnum"], weight="pw", fpc=["fpc"])
    if name == "apiclus2":
        return Survey.design(df, clusters=["dnum", "snum"], fpc=["fpc1", "fpc2"])
    return Survey.design(df, clusters=["SDMVPSU"], strata="SDMVSTRA", nest=True, weight="WTMEC2YR")


API = ["apistrat", "apiclus1", "apiclus2"]


def check(actual, expected: dict, keys=("estimate", "se")) -> None:
    for key in keys:
        close(getattr(actual, key), expected[key], RTOL)


def check_model(m: models.Model, o: dict) -> None:
    close(m.coef, o["coef"], RTOL)
    close(m.se, o["se"], RTOL)
    assert m.df == o["df"]


def check_term(t: models.WaldTest, o: dict) -> None:
    close([t.statistic, t.df1, t.df2, t.p], [o["F"], o["df"], o["ddf"], o["p"]], RTOL)


@pytest.mark.parametrize("name", API)
def test_ratio_variance_and_contrast(oracle, name):
    s, o = survey(name), oracle[name]
    check(models.ratio(s, "api00", "api99"), o["ratio_api00_api99"])
    check(models.variance(s, "api00"), o["var_api00"])
    means = estimate.Estimate(("api00", "api99"), *_stack(s))
    check(models.contrast(means, [1, -1]), o["contrast_api00_api99"])


def _stack(s: Survey):
    """svymean(~api00 + api99): both means and the design's covariance of their influence
    values, as an Estimate's fields."""
    x = s.data[["api00", "api99"]].to_numpy(dtype=float)
    w = s.weights
    est = w @ x / w.sum()
    z = (x - est) * (w / w.sum())[:, None]
    v = s.variance(z)
    se = np.sqrt(np.diag(v))
    return est, se, np.column_stack([est, est]), np.full(2, np.nan), v, np.full(2, s.n), s.df


@pytest.mark.parametrize("name", API)
def test_linear_regression_and_its_term_tests(oracle, name):
    s, o = survey(name), oracle[name]
    m = models.glm(s, "api00", ["ell", "meals", "stype"])
    check_model(m, o["glm_gaussian"])
    assert m.names == ("(Intercept)", "ell", "meals", "stypeH", "stypeM")
    check_term(models.term_test(m, "stype"), o["term_stype"])
    check_term(models.term_test(m, ["ell", "meals"]), o["term_ell_meals"])


@pytest.mark.parametrize("name", API)
def test_logistic_regression_follows_rs_glm_fit(oracle, name):
    s, o = survey(name), oracle[name]
    yes = (s.values("sch.wide") == "Yes").astype(float)
    m = models.glm(s, yes, ["ell", "stype"], family="quasibinomial")
    check_model(m, o["glm_logit"])
    check_term(models.term_test(m, "stype"), o["term_logit_stype"])


@pytest.mark.parametrize("name", API)
def test_two_group_t_test(oracle, name):
    t = models.ttest(survey(name), "api00", "sch.wide")
    o = oracle[name]["ttest_api00_sch_wide"]
    close([t.t, t.df, t.p, t.difference], [o["t"], o["df"], o["p"], o["estimate"]], RTOL)


@pytest.mark.parametrize("name", API)
def test_a_domain_is_rs_subset_in_crosstabs_and_models(oracle, name):
    s, o = survey(name), oracle[name]
    middle_and_high = s.values("stype") != "E"
    ct = xt.crosstab(s, "sch.wide", "awards", domain=middle_and_high)
    for r_name, ours in STATISTICS.items():
        test, expected = getattr(ct, ours), o["domain_chisq_sch_wide_awards"][r_name]
        close([test.statistic, test.p], [expected["statistic"], expected["p"]], RTOL)
        close([test.df1] if test.df2 is None else [test.df1, test.df2], expected["parameter"], RTOL)
    check(estimate.proportions(s, "sch.wide", middle_and_high), o["domain_prop_yes"])
    check_model(models.glm(s, "api00", ["ell"], domain=middle_and_high), o["domain_glm_gaussian"])


def test_nhanes_logistic_model_with_missing_values(oracle):
    s, o = survey("nhanes"), oracle["nhanes"]
    m = models.glm(s, "HI_CHOL", ["race", "RIAGENDR"], factors=["race"], family="quasibinomial")
    check_model(m, o["glm_logit"])
    check_term(models.term_test(m, "race"), o["term_race"])
    t = models.ttest(s, "HI_CHOL", "RIAGENDR")
    e = o["ttest_hi_chol_sex"]
    close([t.t, t.df, t.p, t.difference], [e["t"], e["df"], e["p"], e["estimate"]], RTOL)
    check(models.variance(s, "HI_CHOL"), o["var_hi_chol"])


def test_nhanes_crosstab_within_a_domain(oracle):
    s = survey("nhanes")
    adults = s.values("agecat") != "(0,19]"
    ct = xt.crosstab(s, "race", "HI_CHOL", domain=adults)
    expected = oracle["nhanes"]["domain_chisq_race_hi_chol"]
    for r_name, ours in STATISTICS.items():
        close(getattr(ct, ours).p, expected[r_name]["p"], RTOL)


def test_a_singular_model_names_its_predictors():
    s = survey("apistrat")
    data = s.data.assign(ell2=s.data["ell"] * 2)
    from dataclasses import replace

    with pytest.raises(InputError, match="singular: the predictors ell, ell2"):
        models.glm(replace(s, data=data), "api00", ["ell", "ell2"])


def test_a_t_test_needs_two_groups():
    with pytest.raises(InputError, match="exactly two groups, found 3"):
        models.ttest(survey("apistrat"), "api00", "stype")


def test_a_singular_wald_variance_gives_no_statistic_not_a_traceback():
    # Both cells of the contrast are certain: V is zero, R's solve() would stop.
    df = pd.DataFrame({"a": [1, 1, 2, 2] * 5, "b": [1, 1, 2, 2] * 5, "w": 1.0})
    ct = xt.crosstab(Survey.from_weights(df, weight="w"), "a", "b")
    assert np.isnan(ct.wald.statistic) and np.isnan(ct.adj_wald.p)


def check_quantiles(qs: list[models.Quantile], o: dict) -> None:
    close([q.quantile for q in qs], o["quantile"], RTOL)
    close([q.ci[0] for q in qs], o["lower"], RTOL)
    close([q.ci[1] for q in qs], o["upper"], RTOL)
    close([q.se for q in qs], o["se"], RTOL)


@pytest.mark.parametrize("name", API)
def test_quantiles_with_rs_default_rule_and_woodruff_interval(oracle, name):
    s, o = survey(name), oracle[name]
    check_quantiles(models.quantiles(s, "api00", [0.1, 0.25, 0.5, 0.9]), o["quantiles_api00"])
    check_quantiles(
        models.quantiles(s, "enroll", [0.5, 0.75], domain=s.values("stype") != "E"),
        o["quantiles_enroll_domain"],
    )


def test_nhanes_quantiles(oracle):
    qs = models.quantiles(survey("nhanes"), "WTMEC2YR", [0.05, 0.5, 0.95])
    check_quantiles(qs, oracle["nhanes"]["quantiles_weight"])


# ---- calibrate --------------------------------------------------------------------------------

POPULATION = {"(Intercept)": 6194, "stypeH": 755, "stypeM": 1018}
CALIBRATIONS = {
    "linear_stype": (["stype"], {}, {}),
    "linear_stype_api99": (["stype", "api99"], {"api99": 3914069}, {}),
    "raking_stype_api99": (["stype", "api99"], {"api99": 3914069}, {"calfun": "raking"}),
    "bounded_stype_api99": (["stype", "api99"], {"api99": 3914069}, {"bounds": (0.7, 1.7)}),
}


@pytest.mark.parametrize("name", list(CALIBRATIONS))
def test_calibrate_matches_r(oracle, name):
    auxiliaries, extra, options = CALIBRATIONS[name]
    s = models.calibrate(survey("apiclus1"), auxiliaries, {**POPULATION, **extra}, **options)
    o = oracle["calibrate"][name]
    close(s.weights, o["weights"], RTOL)
    check(estimate.mean(s, "api00"), o["mean_api00"])
    check(estimate.total(s, "enroll"), o["total_enroll"])
    ct = xt.crosstab(s, "sch.wide", "awards")
    for r_name, ours in STATISTICS.items():
        test, expected = getattr(ct, ours), o["chisq_sch_wide_awards"][r_name]
        close([test.statistic, test.p], [expected["statistic"], expected["p"]], RTOL)


def test_calibration_needs_a_total_for_every_column():
    with pytest.raises(InputError, match="no population total for 'stypeM'"):
        models.calibrate(survey("apiclus1"), ["stype"], {"(Intercept)": 6194, "stypeH": 755})


def test_calibration_that_cannot_meet_its_bounds_is_an_input_error():
    with pytest.raises(InputError, match="did not converge"):
        models.calibrate(
            survey("apiclus1"), ["stype"], {**POPULATION, "stypeH": 3000}, bounds=(0.9, 1.1)
        )
