"""Every estimator on replicate-weight designs as well as linearised ones, against R's survey
package: svyratio, svyvar, svycontrast, svyquantile (Woodruff and R's replicate interval),
svyglm gaussian / quasibinomial / quasipoisson with regTermTest, svyttest, svyranktest, svyby
with covmat=TRUE and svycontrast on it, svychisq in a domain, deff TRUE and "replace".

Designs: apiclus1 JK1, apistrat JKn, apiclus1 with R's bootstrap weights (supplied), nhanes
BRR (its 14 strata with two PSUs) and JKn; linearised apistrat, apiclus1, apiclus2, nhanes.
Oracles: tests/oracles/estimator_oracles.json from tests/oracles/make_estimator_oracles.R;
relative 1e-9 except where R's glm.fit stops short (said at the check).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.core.errors import InputError
from pipeline.statistics import crosstab as xt
from pipeline.statistics import estimate, models
from pipeline.statistics.scales import rank_test
from pipeline.statistics.survey import Survey, trim_weights

from .conftest import ORACLES, close

CORPUS = Path(__file__).parent / "corpus" / "r-survey"
RTOL = 1e-9
STATISTICS = {"F": "rao_scott", "Chisq": "first_order", "Wald": "wald", "adjWald": "adj_wald"}


@pytest.fixture(scope="module")
def oracle() -> dict:
    return json.loads((ORACLES / "estimator_oracles.json").read_text())


def data(name: str) -> pd.DataFrame:
    if name == "apistrat":
        return pd.read_csv(ORACLES / "apistrat.csv")
    return pd.read_csv(CORPUS / f"{name}.csv")


def nhanes_design(df: pd.DataFrame) -> Survey:
    return Survey.design(df, clusters=["SDMVPSU"], strata="SDMVSTRA", nest=True, weight="WTMEC2YR")


def design(name: str) -> Survey:
    """The design the R script builds under the same name."""
    if name == "apistrat":
        return Survey.from_weights(data(name), weight="pw", strata="stype", population="fpc")
    if name == "apiclus1":
        return Survey.design(data(name), clusters=["dnum"], weight="pw", fpc=["fpc"])
    if name == "apiclus2":
        return Survey.design(data(name), clusters=["dnum", "snum"], fpc=["fpc1", "fpc2"])
    if name == "nhanes":
        return nhanes_design(data("nhanes"))
    if name == "apiclus1_jk1":
        return design("apiclus1").as_replicate()
    if name == "apistrat_jkn":
        return design("apistrat").as_replicate("JKn")
    if name == "apiclus1_boot":
        scale = json.loads((ORACLES / "replicate_oracles.json").read_text())["apiclus1_boot"]
        return Survey.replicate(
            data("apiclus1_boot"),
            repweights="^repw",
            weight="pw",
            type="bootstrap",
            scale=scale["scale"],
        )
    if name == "nhanes_brr":
        df = data("nhanes")
        return nhanes_design(df[df["SDMVSTRA"] != 86].reset_index(drop=True)).as_replicate("BRR")
    if name == "nhanes_jkn":
        return design("nhanes").as_replicate("JKn")
    raise KeyError(name)


API_REPLICATES = ["apiclus1_jk1", "apistrat_jkn", "apiclus1_boot"]
API = [*API_REPLICATES, "apistrat", "apiclus1", "apiclus2"]
NHANES = ["nhanes_brr", "nhanes_jkn", "nhanes"]
NA_VARIABLE = {
    "apiclus1_jk1": "avg.ed",
    "apiclus1_boot": "avg.ed",
    "apiclus1": "avg.ed",
    "apiclus2": "enroll",
}


@pytest.fixture(scope="module")
def designs() -> dict:
    return {}


def get(designs: dict, name: str) -> Survey:
    if name not in designs:
        designs[name] = design(name)
    return designs[name]


def check(actual, expected: dict, keys=("estimate", "se"), rtol=RTOL) -> None:
    for key in keys:
        close(getattr(actual, key), expected[key], rtol)


def check_model(m: models.Model, o: dict, rtol=RTOL) -> None:
    assert list(m.names) == [n.replace("factor(race)", "race") for n in o["names"]]
    close(m.coef, o["coef"], rtol)
    close(m.se, o["se"], rtol)
    assert m.df == o["df"]


def check_term(t: models.WaldTest, o: dict, rtol=RTOL) -> None:
    close([t.statistic, t.df1, t.df2, t.p], [o["F"], o["df"], o["ddf"], o["p"]], rtol)


def check_quantiles(qs: list[models.Quantile], o: dict) -> None:
    """R writes an interval end beyond the data as "NaN"; so do we (as NaN)."""

    def r(key):
        return np.array(o[key], dtype=float)

    close([q.quantile for q in qs], r("quantile"), RTOL)
    close([q.ci[0] for q in qs], r("lower"), RTOL)
    close([q.ci[1] for q in qs], r("upper"), RTOL)
    close([q.se for q in qs], r("se"), RTOL)


def check_chisq(ct: xt.CrossTab, expected: dict) -> None:
    saddle, o = ct.saddlepoint, expected["saddlepoint"]
    close([saddle.statistic, saddle.p], [o["statistic"], o["p"]], RTOL)
    for r_name, ours in STATISTICS.items():
        test, o = getattr(ct, ours), expected[r_name]
        close([test.statistic, test.p], [o["statistic"], o["p"]], RTOL)
        close([test.df1] if test.df2 is None else [test.df1, test.df2], o["parameter"], RTOL)


# ---- ratio, variance, contrast, quantiles ---------------------------------------------------


@pytest.mark.parametrize("name", API)
def test_ratio_variance_and_contrast(designs, oracle, name):
    s, o = get(designs, name), oracle[name]
    assert s.df == o["degf"]
    not_elementary = s.values("stype") != "E"
    check(models.ratio(s, "api00", "api99"), o["ratio_api00_api99"])
    check(models.ratio(s, "api00", "api99", not_elementary), o["domain_ratio_api00_api99"])
    check(models.variance(s, "api00"), o["var_api00"])
    check(models.variance(s, "api00", not_elementary), o["domain_var_api00"])
    if name in NA_VARIABLE:
        check(models.variance(s, NA_VARIABLE[name]), o["var_na"])
    both = np.column_stack([s.values("api00"), s.values("api99")])
    means = _means(s, both)
    check(models.contrast(means, [1, -1]), o["contrast_api00_api99"])


def _means(s: Survey, x: np.ndarray) -> estimate.Estimate:
    """svymean(~api00 + api99) with the covariance of the two means, on either design."""
    parts = [estimate.mean(s, x[:, j]) for j in range(x.shape[1])]
    est = np.array([p.estimate[0] for p in parts])
    w = s.weights
    if s.replicates is not None:
        reps = s.replicates
        v = reps.variance(est, reps.totals(w, x) / reps.totals(w, np.ones((s.n, 1))))
    else:
        v = s.variance((x - est) * (w / w.sum())[:, None])
    return estimate.Estimate(
        ("api00", "api99"),
        est,
        np.sqrt(np.diag(v)),
        np.zeros((2, 2)),
        np.full(2, np.nan),
        v,
        np.full(2, s.n),
        s.df,
    )


@pytest.mark.parametrize("name", API)
def test_quantiles_with_woodruff_intervals(designs, oracle, name):
    s, o = get(designs, name), oracle[name]
    check_quantiles(models.quantiles(s, "api00", [0.1, 0.25, 0.5, 0.9]), o["quantiles_api00"])
    check_quantiles(
        models.quantiles(s, "enroll", [0.5, 0.75], domain=s.values("stype") != "E"),
        o["quantiles_enroll_domain"],
    )
    if name in NA_VARIABLE:
        check_quantiles(models.quantiles(s, NA_VARIABLE[name], [0.25, 0.5]), o["quantiles_na"])


@pytest.mark.parametrize("name", API_REPLICATES)
def test_quantiles_with_rs_replicate_interval(designs, oracle, name):
    qs = models.quantiles(get(designs, name), "api00", [0.25, 0.5, 0.9], interval="quantile")
    check_quantiles(qs, oracle[name]["quantiles_api00_replicates"])


def test_the_replicate_interval_needs_replicates(designs):
    with pytest.raises(InputError, match="needs a replicate-weight design"):
        models.quantiles(get(designs, "apistrat"), "api00", [0.5], interval="quantile")


# ---- regression ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", API)
def test_linear_logistic_and_poisson_regression(designs, oracle, name):
    s, o = get(designs, name), oracle[name]
    m = models.glm(s, "api00", ["ell", "meals", "stype"])
    check_model(m, o["glm_gaussian"])
    check_term(models.term_test(m, "stype"), o["term_stype"])
    check_term(models.term_test(m, ["ell", "meals"]), o["term_ell_meals"])
    yes = (s.values("sch.wide") == "Yes").astype(float)
    logit = models.glm(s, yes, ["ell", "stype"], family="quasibinomial")
    check_model(logit, o["glm_logit"])
    check_term(models.term_test(logit, "stype"), o["term_logit_stype"])
    pois = models.glm(s, "enroll", ["ell", "stype"], family="quasipoisson")
    check_model(pois, o["glm_poisson"])
    check_term(models.term_test(pois, "stype"), o["term_poisson_stype"])
    domain = models.glm(s, "api00", ["ell"], domain=s.values("stype") != "E")
    check_model(domain, o["domain_glm_gaussian"])


@pytest.mark.parametrize("name", NHANES)
def test_nhanes_models_with_missing_values(designs, oracle, name):
    s, o = get(designs, name), oracle[name]
    assert s.df == o["degf"]
    for family, key, term in [
        ("quasibinomial", "glm_logit", "term_race"),
        ("quasipoisson", "glm_poisson", "term_poisson_race"),
    ]:
        m = models.glm(s, "HI_CHOL", ["race", "RIAGENDR"], factors=["race"], family=family)
        check_model(m, o[key])
        check_term(models.term_test(m, "race"), o[term])
    adults = s.values("agecat") != "(0,19]"
    m = models.glm(s, "HI_CHOL", ["RIAGENDR"], family="quasibinomial", domain=adults)
    check_model(m, o["domain_glm_logit"])
    t = models.ttest(s, "HI_CHOL", "RIAGENDR")
    e = o["ttest_hi_chol_sex"]
    close([t.t, t.df, t.p, t.difference], [e["t"], e["df"], e["p"], e["estimate"]], RTOL)
    check(models.variance(s, "HI_CHOL"), o["var_hi_chol"])
    check(models.ratio(s, "HI_CHOL", "RIAGENDR"), o["ratio_hi_chol_sex"])
    check_quantiles(models.quantiles(s, "WTMEC2YR", [0.05, 0.5, 0.95]), o["quantiles_weight"])
    check_chisq(xt.crosstab(s, "race", "HI_CHOL", domain=adults), o["domain_chisq_race_hi_chol"])
    check_chisq(xt.crosstab(s, "race", "agecat"), o["chisq_race_agecat"])


@pytest.mark.parametrize("name", API)
def test_t_test_rank_test_and_domain_chisq(designs, oracle, name):
    s, o = get(designs, name), oracle[name]
    t = models.ttest(s, "api00", "sch.wide")
    e = o["ttest_api00_sch_wide"]
    close([t.t, t.df, t.p, t.difference], [e["t"], e["df"], e["p"], e["estimate"]], RTOL)
    for test, key in [
        ("wilcoxon", "ranktest_api00_sch_wide"),
        ("vanderWaerden", "ranktest_vdw_api00_sch_wide"),
        ("median", "ranktest_median_api00_sch_wide"),
    ]:
        r = rank_test(s, "api00", "sch.wide", test=test)
        e = o[key]
        close([r.t, r.df2, r.p, r.estimate[0]], [e["t"], e["df"], e["p"], e["estimate"]], RTOL)
    ct = xt.crosstab(s, "sch.wide", "awards", domain=s.values("stype") != "E")
    check_chisq(ct, o["domain_chisq_sch_wide_awards"])


@pytest.mark.parametrize("name", API)
def test_svychisq_every_statistic_including_the_saddlepoint(designs, oracle, name):
    s, o = get(designs, name), oracle[name]
    check_chisq(xt.crosstab(s, "stype", "awards"), o["chisq_stype_awards"])
    check_chisq(xt.crosstab(s, "sch.wide", "stype"), o["chisq_sch_wide_stype"])


@pytest.mark.parametrize("name", ["apistrat", "apiclus1", "apiclus2"])
@pytest.mark.parametrize("test", ["KruskalWallis", "vanderWaerden", "median"])
def test_k_group_rank_tests(designs, oracle, name, test):
    r = rank_test(get(designs, name), "api00", "stype", test=test)
    e = oracle[name]["ranktest_stype"][test]
    close([r.chisq, r.df1, r.df2, r.p], [e["chisq"], e["df"], e["ddf"], e["p"]], RTOL)


def test_poisson_needs_a_response_of_at_least_zero(designs):
    s = get(designs, "apistrat")
    with pytest.raises(InputError, match="at least 0"):
        models.glm(s, s.values("api00") - 700, ["ell"], family="quasipoisson")


# ---- design effects --------------------------------------------------------------------------


@pytest.mark.parametrize("name", API)
def test_design_effects_without_and_with_replacement(designs, oracle, name):
    s, o = get(designs, name), oracle[name]
    keys = ("estimate", "se", "deff")
    check(estimate.mean(s, "api00"), o["deff_mean_api00"], keys)
    check(estimate.mean(s, "api00", deff="replace"), o["deff_replace_mean_api00"], keys)
    check(estimate.total(s, "enroll"), o["deff_total_enroll"], keys)
    check(estimate.total(s, "enroll", deff="replace"), o["deff_replace_total_enroll"], keys)
    check(estimate.proportions(s, "awards"), o["deff_prop_awards"], keys)
    check(estimate.proportions(s, "awards", deff="replace"), o["deff_replace_prop_awards"], keys)
    domain = estimate.mean(s, "api00", s.values("stype") != "E", deff="replace")
    check(domain, o["domain_deff_replace_mean_api00"], keys)


@pytest.mark.parametrize("name", NHANES)
def test_nhanes_design_effects(designs, oracle, name):
    s, o = get(designs, name), oracle[name]
    keys = ("estimate", "se", "deff")
    check(estimate.mean(s, "HI_CHOL"), o["deff_mean_hi_chol"], keys)
    check(estimate.mean(s, "HI_CHOL", deff="replace"), o["deff_replace_mean_hi_chol"], keys)


def test_deff_is_true_or_replace(designs):
    with pytest.raises(InputError, match="deff must be True or 'replace'"):
        estimate.mean(get(designs, "apistrat"), "api00", deff="srs")


# ---- svyby with covmat=TRUE --------------------------------------------------------------------


@pytest.mark.parametrize("name", API)
def test_svyby_covariance_and_a_contrast_between_groups(designs, oracle, name):
    s, o = get(designs, name), oracle[name]
    for statistic, values, key in [
        ("mean", "api00", "by_mean_api00_stype"),
        ("total", "api99", "by_total_api99_stype"),
        ("proportions", "sch.wide", "by_prop_sch_wide_stype"),
    ]:
        by = estimate.by_covariance(s, values, "stype", statistic=statistic)
        close(by.estimate, o[key]["estimate"], RTOL)
        expected = np.array(o[key]["vcov"], dtype=float)
        # Groups that are strata have no covariance: R's zeros are ours to rounding.
        scale = np.abs(expected).max()
        np.testing.assert_allclose(by.vcov, expected, rtol=RTOL, atol=1e-15 * scale)
    means = estimate.by_covariance(s, "api00", "stype")
    assert means.labels == (("E", "mean"), ("H", "mean"), ("M", "mean"))
    check(models.contrast(means, [1, -1, 0]), o["contrast_by_E_minus_H"])


# ---- calibrate(calfun="logit") and trimWeights(lower=, upper=) ---------------------------------

POPULATION = {"(Intercept)": 6194, "stypeH": 755, "stypeM": 1018}


def calibrated(name: str) -> Survey:
    clus1 = design("apiclus1")
    api99 = {**POPULATION, "api99": 3914069}
    if name == "logit_stype_api99":
        return models.calibrate(clus1, ["stype", "api99"], api99, calfun="logit", bounds=(0.7, 1.7))
    if name == "logit_stype_wide":
        return models.calibrate(clus1, ["stype"], POPULATION, calfun="logit", bounds=(0.2, 5))
    strict = name.endswith("strict")
    if name.startswith("trim_strat"):
        return trim_weights(design("apistrat"), 40, lower=18, strict=strict)
    greg = models.calibrate(clus1, ["stype", "api99"], api99)
    return trim_weights(greg, 40, lower=30, strict=strict)


@pytest.mark.parametrize(
    "name",
    [
        "logit_stype_api99",
        "logit_stype_wide",
        "trim_strat",
        "trim_strat_strict",
        "trim_greg",
        "trim_greg_strict",
    ],
)
def test_logit_calibration_and_trimming_between_bounds(oracle, name):
    s, o = calibrated(name), oracle["calibrate"][name]
    close(s.weights, o["weights"], RTOL)
    check(estimate.mean(s, "api00"), o["mean_api00"])
    check(estimate.total(s, "enroll"), o["total_enroll"])
    check_chisq(xt.crosstab(s, "sch.wide", "awards"), o["chisq_sch_wide_awards"])


def test_logit_calibration_needs_finite_bounds_around_one():
    with pytest.raises(InputError, match="needs finite bounds"):
        models.calibrate(design("apiclus1"), ["stype"], POPULATION, calfun="logit")
    with pytest.raises(InputError, match="bounds around 1"):
        models.calibrate(design("apiclus1"), ["stype"], POPULATION, calfun="logit", bounds=(1.2, 3))


def test_trimming_limits_must_leave_room_for_the_total():
    with pytest.raises(InputError, match="floor times n is above the total"):
        trim_weights(design("apistrat"), lower=40)
    with pytest.raises(InputError, match="lower < upper"):
        trim_weights(design("apistrat"), 20, lower=30)


# ---- PPS without replacement: Brewer's approximation (R's pps="brewer") -------------------------


def election_data() -> pd.DataFrame:
    df = data("election_pps")
    df["bush_ahead"] = np.where(df["Bush"] > df["Kerry"], "Bush", "Kerry")
    df["nader"] = np.where(df["Nader"] > 0, "some", "none")
    return df


def election_design(name: str, oracle: dict) -> Survey:
    joint = pd.read_csv(CORPUS / "election_jointprob.csv").to_numpy()
    options = {
        "election_brewer": {"pps": "brewer"},
        "election_ppsmat": {"pps": "ppsmat", "joint_probabilities": joint},
        "election_ppsmat_yg": {"pps": "ppsmat", "joint_probabilities": joint, "pps_variance": "YG"},
        "election_overton": {"pps": "overton"},
        "election_hr": {"pps": "hr", "p2bar": oracle["election_p2bar"]},
        "election_hr_sample": {"pps": "hr"},
    }[name]
    return Survey.design(election_data(), fpc=["p"], **options)


ELECTION = [
    "election_brewer",
    "election_ppsmat",
    "election_ppsmat_yg",
    "election_overton",
    "election_hr",
    "election_hr_sample",
]


@pytest.mark.parametrize("name", ELECTION)
def test_election_pps_sample_by_every_pps_variance(oracle, name):
    election, o = election_design(name, oracle), oracle[name]
    check(estimate.total(election, "Bush"), o["total_bush"])
    check(estimate.mean(election, "Kerry"), o["mean_kerry"], ("estimate", "se", "deff"))
    check(models.ratio(election, "Bush", "Kerry"), o["ratio_bush_kerry"])
    check_model(models.glm(election, "Kerry", ["Bush"]), o["glm_kerry_bush"])
    check_chisq(xt.crosstab(election, "bush_ahead", "nader"), o["chisq_ahead_nader"])
    some_nader = election.values("nader") == "some"
    check(estimate.mean(election, "Kerry", some_nader), o["domain_mean_kerry"])


def test_two_stage_brewer_design(oracle):
    s = Survey.design(
        data("apiclus2_pps"), clusters=["dnum", "snum"], fpc=["p1", "p2"], pps="brewer"
    )
    o = oracle["apiclus2_brewer"]
    close(s.weights, o["weights"], RTOL)
    check(estimate.mean(s, "api00"), o["mean_api00"])
    check(estimate.total(s, "enroll"), o["total_enroll"])
    check_chisq(xt.crosstab(s, "sch.wide", "stype"), o["chisq_sch_wide_stype"])
    check_model(models.glm(s, "api00", ["ell", "stype"]), o["glm_gaussian"])


def test_brewer_needs_probabilities_constant_within_units():
    df = data("apiclus2_pps")
    with pytest.raises(InputError, match="between 0 and 1") as err:
        Survey.design(
            df.assign(p1=df["fpc1"]), clusters=["dnum", "snum"], fpc=["p1", "p2"], pps="brewer"
        )
    assert err.value.column == "p1"
    varying = df.assign(p1=df["p1"] * (1 + 0.01 * (df.index % 2)))
    with pytest.raises(InputError, match="varies within a sampling unit"):
        Survey.design(varying, clusters=["dnum", "snum"], fpc=["p1", "p2"], pps="brewer")
    with pytest.raises(InputError, match="pps must be one of"):
        Survey.design(df, clusters=["dnum"], fpc=["p1"], pps="sampford")
    with pytest.raises(InputError, match="one sampling stage"):
        Survey.design(df, clusters=["dnum", "snum"], fpc=["p1", "p2"], pps="overton")
    with pytest.raises(InputError, match="needs the joint inclusion probabilities"):
        Survey.design(df, clusters=["dnum"], fpc=["p1"], pps="ppsmat")


# ---- live R, so the fixtures cannot drift ----------------------------------------------------


def test_live_r_replicate_regression_agrees():
    path = CORPUS / "apiclus1.csv"
    script = f"""
suppressMessages(library(survey))
d <- read.csv("{path}")
des <- as.svrepdesign(svydesign(id=~dnum, weights=~pw, fpc=~fpc, data=d))
m <- svyglm(enroll ~ ell + stype, des, family=quasipoisson())
t <- regTermTest(m, ~stype)
q <- svyquantile(~api00, des, 0.5)[[1]]
cat(format(c(coef(m), SE(m), t$Ftest, t$p, q[1, ], coef(svyvar(~api00, des)),
             SE(svyvar(~api00, des))), digits=17), sep="\\n")
"""
    res = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    r = np.array([float(x) for x in res.stdout.split()])
    s = design("apiclus1_jk1")
    m = models.glm(s, "enroll", ["ell", "stype"], family="quasipoisson")
    t = models.term_test(m, "stype")
    q = models.quantiles(s, "api00", [0.5])[0]
    v = models.variance(s, "api00")
    ours = [*m.coef, *m.se, t.statistic, t.p, q.quantile, *q.ci, q.se, v.estimate[0], v.se[0]]
    close(ours, r, RTOL)


# ---- svyolr --------------------------------------------------------------------------------


def meal_category(s: Survey) -> np.ndarray:
    """R's cut(meals, c(0, 25, 50, 75, 100)) as 1..4 (0 is outside: NA)."""
    return pd.cut(s.values("meals"), [0, 25, 50, 75, 100], labels=False).to_numpy() + 1


OLR_CASES = {
    "apiclus1": ("apiclus1", ["avg.ed", "mobility", "stype"], {}, None),
    "apistrat": ("apistrat", ["ell", "stype"], {}, None),
    "apiclus2": ("apiclus2", ["ell", "stype"], {}, None),
    "apiclus1_domain": ("apiclus1", ["ell"], {}, "E"),
}


@pytest.mark.parametrize("case", [*OLR_CASES, "nhanes"])
def test_proportional_odds_model_matches_r(designs, oracle, case):
    o = oracle["svyolr"][case]
    if case == "nhanes":
        s = get(designs, "nhanes")
        m = models.olr(s, "agecat", ["race", "RIAGENDR"], factors=["race"])
    else:
        name, predictors, _, stype = OLR_CASES[case]
        s = get(designs, name)
        domain = None if stype is None else s.values("stype") == stype
        m = models.olr(s, meal_category(s), predictors, domain=domain)
    tight, default = o["tight"], o["default"]
    assert m.df == tight["df"]
    assert len(m.names) == len(tight["names"])
    # R's optim(BFGS, reltol=1e-15) gets within 2e-8 of the optimum (ours: Newton until the
    # gradient is below 1e-10); at R's default reltol BFGS stops short, by up to ~1e-3
    # relative in these fits: R's optimiser's tolerance, not ours.
    close(m.coef, tight["coef"], 5e-8)
    close(m.se, tight["se"], 1e-7)
    close(m.coef, default["coef"], 2e-3)
    close(m.se, default["se"], 2e-3)


def test_an_ordinal_model_needs_three_levels(designs):
    s = get(designs, "apistrat")
    with pytest.raises(InputError, match="3 or more levels"):
        models.olr(s, "sch.wide", ["ell"])


def test_a_level_without_a_partner_is_left_out_with_a_warning(designs):
    # High schools all miss the column variable: R's svychisq would still count the level
    # (F on 1.75 and 345 df, p = 0.029) and fail its Wald tests; we leave it out and say so.
    s = get(designs, "apistrat")
    awards = s.values("awards").where(s.values("stype") != "H")
    with pytest.warns(UserWarning, match="row level.s. H: no respondent with a value"):
        ct = xt.crosstab(s, "stype", awards)
    assert ct.row_levels == ("E", "M")
    assert ct.rao_scott.df2 == s.df
    with pytest.warns(UserWarning, match="column level.s. H: no respondent"):
        assert xt.crosstab(s, awards, "stype").col_levels == ("E", "M")


# ---- svychisq statistic="lincom": the exact distribution -------------------------------------
# R's survey package computes it with CompQuadForm::davies, which Debian does not package (R
# here falls back to the saddlepoint with a warning), so the checks are exact identities: a
# 2 × 2 table has one eigenvalue δ, and then P(δ χ²_1 − (X²/ν) χ²_ν > 0) is R's own F p value
# (integer ν) on a linearised design and P(δ χ²_1 > X²) R's Chisq p value on a replicate one.


@pytest.mark.parametrize("name", API)
def test_lincom_of_a_two_by_two_table_is_rs_f_or_chisq_p(designs, oracle, name):
    s, o = get(designs, name), oracle[name]["domain_chisq_sch_wide_awards"]
    ct = xt.crosstab(s, "sch.wide", "awards", domain=s.values("stype") != "E")
    expected = o["Chisq"]["p"] if s.replicates is not None else o["F"]["p"]
    exact = xt.lincom(ct)
    # Imhof's formula is 1/2 + an integral: about 1e-15 absolute, so tiny p lose digits.
    np.testing.assert_allclose(exact.p, expected, rtol=RTOL, atol=1e-15)
    close(exact.statistic, o["Chisq"]["statistic"], RTOL)


def test_imhof_against_independent_calculations():
    from scipy import integrate, stats

    from pipeline.statistics import chisqsum

    close(chisqsum.pchisqsum_exact(9.5, np.array([1.3])), stats.chi2.sf(9.5 / 1.3, 1), RTOL)
    close(chisqsum.pchisqsum_exact(9.5, np.full(3, 1.3)), stats.chi2.sf(9.5 / 1.3, 3), RTOL)
    close(chisqsum.pchisqsum_exact(40.0, np.full(3, 1.3)), stats.chi2.sf(40 / 1.3, 3), RTOL)
    f = chisqsum.pfsum_exact(9.5, np.array([1.3]), 197.4)
    close(f, stats.f.sf(9.5 * 197 / (197.4 * 1.3), 1, 197), RTOL)
    # Two eigenvalues: P(a X + b Y > x) as one integral over X's density.
    a, b, x = 1.7, 0.4, 5.0
    convolution = integrate.quad(
        lambda t: stats.chi2.pdf(t, 1) * stats.chi2.sf((x - a * t) / b, 1),
        0,
        x / a,
        epsabs=1e-14,
        limit=500,
    )[0] + stats.chi2.sf(x / a, 1)
    close(chisqsum.pchisqsum_exact(x, np.array([a, b])), convolution, RTOL)
    # ... and close to the saddlepoint, which approximates it.
    assert chisqsum.pchisqsum_saddlepoint(x, np.array([a, b])) == pytest.approx(convolution, 0.03)


@pytest.mark.parametrize("name", ["apiclus1_jk1", "apistrat_jkn"])
def test_proportional_odds_model_on_replicates(designs, oracle, name):
    # R refits MASS::polr per replicate at optim's default tolerance (BFGS stops ~1e-5 short
    # in each fit, and the SE is of their differences): R's numbers are good to ~1e-3.
    s, o = get(designs, name), oracle["svyolr_replicates"][name]
    m = models.olr(s, meal_category(s), ["ell", "stype"])
    assert m.df == o["df"]
    close(m.coef, o["coef"], 2e-3)
    close(m.se, o["se"], 5e-3)
