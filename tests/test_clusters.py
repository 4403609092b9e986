"""Cluster and multi-stage designs against R's survey package on its own data sets:
apiclus1 (districts), apiclus2 (districts, then schools, FPC at both stages) and nhanes
(PSUs repeated across strata, nest=TRUE); lonely PSUs at stage 1 and 2 under every option.

Oracles: tests/oracles/cluster_oracles.json, written by tests/oracles/make_cluster_oracles.R
(the data sets are in tests/corpus/r-survey/). R is deterministic here: relative 1e-9.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.statistics import crosstab as xt
from pipeline.statistics import estimate
from pipeline.statistics.survey import Survey, survey_for

from .conftest import ORACLES, close

CORPUS = Path(__file__).parent / "corpus" / "r-survey"
RTOL = 1e-9
STATISTICS = {"F": "rao_scott", "Chisq": "first_order", "Wald": "wald", "adjWald": "adj_wald"}
CI_METHODS = ["logit", "beta", "likelihood", "asin", "mean", "xlogit"]


@pytest.fixture(scope="module")
def oracle() -> dict:
    return json.loads((ORACLES / "cluster_oracles.json").read_text())


def data(name: str) -> pd.DataFrame:
    return pd.read_csv(CORPUS / f"{name}.csv")


# The R call each oracle entry comes from, as Survey.design arguments.
API_DESIGNS = {
    "apiclus1": ("apiclus1", dict(clusters=["dnum"], weight="pw", fpc=["fpc"])),
    "apiclus1_nofpc": ("apiclus1", dict(clusters=["dnum"], weight="pw")),
    "apiclus1_fraction": ("apiclus1", dict(clusters=["dnum"], weight="pw", fpc=["fraction"])),
    "apiclus2": ("apiclus2", dict(clusters=["dnum", "snum"], fpc=["fpc1", "fpc2"])),
    "apiclus2_weights": (
        "apiclus2",
        dict(clusters=["dnum", "snum"], fpc=["fpc1", "fpc2"], weight="pw"),
    ),
    "apiclus2_nofpc": ("apiclus2", dict(clusters=["dnum", "snum"], weight="pw")),
}


def api_survey(name: str) -> Survey:
    source, kwargs = API_DESIGNS[name]
    df = data(source)
    df["fraction"] = 15 / df["fpc"] if "fpc" in df else np.nan
    return Survey.design(df, **kwargs)


def check_stat(est: estimate.Estimate, o: dict, deff: bool = False) -> None:
    close(est.estimate, o["estimate"], RTOL)
    close(est.se, o["se"], RTOL)
    if deff:
        close(est.deff, o["deff"], RTOL)


def check_svychisq(ct: xt.CrossTab, expected: dict) -> None:
    for r_name, ours in STATISTICS.items():
        if r_name not in expected:  # R could not invert a singular Wald variance
            continue
        test = getattr(ct, ours)
        o = expected[r_name]
        close(test.statistic, o["statistic"], RTOL)
        close([test.df1] if test.df2 is None else [test.df1, test.df2], o["parameter"], RTOL)
        close(test.p, o["p"], RTOL)


def check_by(by: dict, o: dict, k: int) -> None:
    """R's svyby coefficients run level-major: all groups for level 1, then level 2..."""
    groups = list(by)
    close([by[g].estimate[j] for j in range(k) for g in groups], o["estimate"], RTOL)
    close([by[g].se[j] for j in range(k) for g in groups], o["se"], RTOL)


# ---- the api cluster samples -----------------------------------------------------------------


@pytest.mark.parametrize("name", list(API_DESIGNS))
def test_degrees_of_freedom_and_weights_are_rs(oracle, name):
    survey = api_survey(name)
    assert survey.df == oracle[name]["degf"]
    close(survey.weights, oracle[name]["weights"], RTOL)


@pytest.mark.parametrize("name", list(API_DESIGNS))
def test_means_and_totals_match_svymean_and_svytotal(oracle, name):
    survey, o = api_survey(name), oracle[name]
    check_stat(estimate.mean(survey, "api00"), o["mean_api00"], deff=True)
    check_stat(estimate.total(survey, "enroll"), o["total_enroll"], deff=True)
    check_stat(
        estimate.mean(survey, "api00", survey.values("meals") > 50), o["domain_mean_api00_high"]
    )


@pytest.mark.parametrize("name", list(API_DESIGNS))
def test_proportions_match_svymean_of_a_factor(oracle, name):
    check_stat(estimate.proportions(api_survey(name), "stype"), oracle[name]["prop_stype"], True)


@pytest.mark.parametrize("name", list(API_DESIGNS))
@pytest.mark.parametrize("method", CI_METHODS)
def test_every_svyciprop_method(oracle, name, method):
    est = estimate.proportions(api_survey(name), "sch.wide", method=method)
    o = oracle[name]["ciprop_yes"][method]
    # R's likelihood interval profiles a glm whose IRLS stops short of the exact maximum.
    close(est.ci[1], o["ci"], 1e-5 if method == "likelihood" else RTOL)


@pytest.mark.parametrize("name", list(API_DESIGNS))
def test_svychisq_every_statistic(oracle, name):
    survey = api_survey(name)
    check_svychisq(xt.crosstab(survey, "sch.wide", "stype"), oracle[name]["chisq_sch_wide_stype"])
    check_svychisq(xt.crosstab(survey, "awards", "stype"), oracle[name]["chisq_awards_stype"])


@pytest.mark.parametrize("name", list(API_DESIGNS))
def test_svyby_within_school_types(oracle, name):
    by = estimate.by(api_survey(name), "sch.wide", "stype")
    check_by(by, oracle[name]["by_sch_wide_stype"], 2)


def test_crosstab_column_proportions_are_svyby(oracle):
    survey = api_survey("apiclus1")
    ct = xt.crosstab(survey, "sch.wide", "stype")
    o = oracle["apiclus1"]["by_sch_wide_stype"]
    close(ct.col_prop.ravel(), o["estimate"], RTOL)
    close(ct.col_prop_se.ravel(), o["se"], RTOL)


# ---- nhanes: strata with PSU ids repeated across them ----------------------------------------


@pytest.fixture(scope="module")
def nhanes() -> Survey:
    return Survey.design(
        data("nhanes"), clusters=["SDMVPSU"], strata="SDMVSTRA", nest=True, weight="WTMEC2YR"
    )


def test_nhanes_race_by_high_cholesterol_is_not_significant_at_5_percent(nhanes, oracle):
    # The example: without the PSUs p = 0.0036; R's full design gives p = 0.0587.
    o = oracle["nhanes"]
    ct = xt.crosstab(nhanes, "race", "HI_CHOL")
    check_svychisq(ct, o["chisq_race_hi_chol"])
    assert ct.rao_scott.p > 0.05
    check_svychisq(xt.crosstab(nhanes, "agecat", "HI_CHOL"), o["chisq_agecat_hi_chol"])


def test_nhanes_estimates(nhanes, oracle):
    o = oracle["nhanes"]
    assert nhanes.df == o["degf"]
    check_stat(estimate.mean(nhanes, "HI_CHOL"), o["mean_hi_chol"], deff=True)
    check_stat(estimate.proportions(nhanes, "HI_CHOL"), o["prop_hi_chol"], deff=True)
    check_stat(estimate.total(nhanes, "HI_CHOL"), o["total_hi_chol"])
    check_by(estimate.by(nhanes, "HI_CHOL", "race"), o["by_hi_chol_race"], 2)


@pytest.mark.parametrize("method", CI_METHODS)
def test_nhanes_svyciprop(nhanes, oracle, method):
    est = estimate.proportions(nhanes, "HI_CHOL", method=method)
    o = oracle["nhanes"]["ciprop_hi_chol"][method]
    close(est.ci[1], o["ci"], 1e-5 if method == "likelihood" else RTOL)


def test_psu_ids_repeated_across_strata_need_nest():
    with pytest.raises(InputError, match="not nested in strata.*nest"):
        Survey.design(data("nhanes"), clusters=["SDMVPSU"], strata="SDMVSTRA", weight="WTMEC2YR")


# ---- lonely PSUs -----------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["adjust", "certainty", "remove", "average"])
def test_lonely_psu_at_stage_one(oracle, option):
    survey = Survey.design(
        data("nhanes_lonely"),
        clusters=["SDMVPSU"],
        strata="SDMVSTRA",
        nest=True,
        weight="WTMEC2YR",
        lonely_psu=option,
    )
    o = oracle["nhanes_lonely"][option]
    check_stat(estimate.mean(survey, "HI_CHOL"), o["mean_hi_chol"])
    check_svychisq(xt.crosstab(survey, "race", "HI_CHOL"), o["chisq_race_hi_chol"])


@pytest.mark.parametrize("option", ["adjust", "certainty", "remove"])
def test_lonely_unit_at_stage_two(oracle, option):
    survey = Survey.design(
        data("apiclus2_lonely"),
        clusters=["dnum", "snum"],
        fpc=["fpc1", "fpc2"],
        lonely_psu=option,
    )
    o = oracle["apiclus2_lonely"][option]
    check_stat(estimate.mean(survey, "api00"), o["mean_api00"])
    check_svychisq(xt.crosstab(survey, "sch.wide", "stype"), o["chisq_sch_wide_stype"])


def test_average_at_stage_two_has_no_variance_as_in_r(oracle):
    # R's onestage call within the district has no other stratum to average over: NaN.
    survey = Survey.design(
        data("apiclus2_lonely"),
        clusters=["dnum", "snum"],
        fpc=["fpc1", "fpc2"],
        lonely_psu="average",
    )
    assert oracle["apiclus2_lonely"]["average"]["mean_api00"]["se"] == "NaN"
    assert np.isnan(estimate.mean(survey, "api00").se[0])


def test_lonely_psu_fails_by_default_naming_the_stratum():
    with pytest.raises(InputError, match="stratum 83 has a single PSU"):
        Survey.design(
            data("nhanes_lonely"),
            clusters=["SDMVPSU"],
            strata="SDMVSTRA",
            nest=True,
            weight="WTMEC2YR",
        )
    with pytest.raises(InputError, match="single unit at stage 2"):
        Survey.design(data("apiclus2_lonely"), clusters=["dnum", "snum"], fpc=["fpc1", "fpc2"])


# ---- R's checks of the fpc -------------------------------------------------------------------


def test_fpc_smaller_than_the_sample_names_stratum_and_column():
    df = data("apiclus1").assign(fpc=10)
    with pytest.raises(InputError) as err:
        Survey.design(df, clusters=["dnum"], weight="pw", fpc=["fpc"])
    assert "stratum all: fpc is smaller than the sample (10 in the population, 15 PSUs" in str(
        err.value
    )
    assert err.value.column == "fpc"


def test_fpc_mixing_counts_and_fractions_is_refused():
    df = data("apiclus2")
    df["fpc2"] = df["fpc2"].astype(float)
    df.loc[0, "fpc2"] = 0.5
    with pytest.raises(InputError, match="all population sizes .* or all sampling fractions"):
        Survey.design(df, clusters=["dnum", "snum"], fpc=["fpc1", "fpc2"])


def test_one_fpc_per_stage():
    with pytest.raises(InputError, match="one fpc column per sampling stage"):
        Survey.design(data("apiclus2"), clusters=["dnum", "snum"], fpc=["fpc1"])


def test_a_missing_cluster_id_names_its_row():
    df = data("apiclus1")
    df["dnum"] = df["dnum"].astype(float)
    df.loc[4, "dnum"] = np.nan
    with pytest.raises(InputError) as err:
        Survey.design(df, clusters=["dnum"], weight="pw")
    assert (err.value.row, err.value.column) == (6, "dnum")


def test_weights_of_inf_or_1e308_are_refused():
    for bad in (np.inf, 1e308):
        df = data("apiclus1")
        df.loc[2, "pw"] = bad
        with pytest.raises(InputError) as err:
            Survey.design(df, clusters=["dnum"], weight="pw")
        assert (err.value.row, err.value.column) == (4, "pw")


def test_survey_for_with_clusters_is_the_design(oracle):
    survey = survey_for(data("apiclus1"), clusters=["dnum"], weight="pw", fpc="fpc")
    check_stat(estimate.mean(survey, "api00"), oracle["apiclus1"]["mean_api00"])


# ---- live R, so the fixtures cannot drift ----------------------------------------------------


def test_live_r_two_stage_design_agrees():
    path = CORPUS / "apiclus2.csv"
    script = f"""
suppressMessages(library(survey))
d <- read.csv("{path}")
des <- svydesign(id=~dnum+snum, fpc=~fpc1+fpc2, data=d)
t <- svychisq(~sch.wide+stype, des)
m <- svymean(~api00, des)
cat(format(c(t$statistic, t$parameter, t$p.value, coef(m), SE(m)), digits=17), sep="\\n")
"""
    res = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    r = np.array([float(x) for x in res.stdout.split()])
    survey = Survey.design(data("apiclus2"), clusters=["dnum", "snum"], fpc=["fpc1", "fpc2"])
    rs = xt.crosstab(survey, "sch.wide", "stype").rao_scott
    m = estimate.mean(survey, "api00")
    close([rs.statistic, rs.df1, rs.df2, rs.p, m.estimate[0], m.se[0]], r, RTOL)


# ---- the commands ----------------------------------------------------------------------------


def test_crosstab_command_takes_clusters_and_fpc_per_stage(oracle, capsys):
    args = [
        "crosstab",
        str(CORPUS / "apiclus2.csv"),
        "--row",
        "sch.wide",
        "--col",
        "stype",
        "--cluster",
        "dnum",
        "--cluster",
        "snum",
        "--fpc",
        "fpc1",
        "--fpc",
        "fpc2",
        "--json",
    ]
    assert run(args) == 0
    rs = json.loads(capsys.readouterr().out)["tests"]["rao_scott"]
    o = oracle["apiclus2"]["chisq_sch_wide_stype"]["F"]
    close([rs["F"], rs["df1"], rs["df2"], rs["p"]], [o["statistic"], *o["parameter"], o["p"]], RTOL)


def test_crosstab_command_nests_psus_in_strata(oracle, capsys):
    args = [
        "crosstab",
        str(CORPUS / "nhanes.csv"),
        "--row",
        "race",
        "--col",
        "HI_CHOL",
        "--strata",
        "SDMVSTRA",
        "--cluster",
        "SDMVPSU",
        "--nest",
        "--weight",
        "WTMEC2YR",
        "--json",
    ]
    assert run(args) == 0
    rs = json.loads(capsys.readouterr().out)["tests"]["rao_scott"]
    close(rs["p"], oracle["nhanes"]["chisq_race_hi_chol"]["F"]["p"], RTOL)


def test_crosstab_command_reports_a_bad_fpc_in_one_line(capsys):
    args = [
        "crosstab",
        str(CORPUS / "apiclus1.csv"),
        "--row",
        "sch.wide",
        "--col",
        "stype",
        "--cluster",
        "dnum",
        "--weight",
        "pw",
        "--fpc",
        "enroll",
    ]
    assert run(args) == 2
    err = capsys.readouterr().err
    assert "apiclus1.csv" in err and "column enroll" in err and "Traceback" not in err


def test_compare_waves_command_takes_clusters(oracle, capsys):
    args = [
        "compare-waves",
        str(CORPUS / "apiclus1.csv"),
        str(CORPUS / "apiclus2.csv"),
        "--var",
        "sch.wide",
        "--cluster",
        "dnum",
        "--weight",
        "pw",
        "--json",
    ]
    assert run(args) == 0, capsys.readouterr().err
    out = json.loads(capsys.readouterr().out)
    o = oracle["waves"]
    rs, f = out["rao_scott"], o["chisq_sch_wide_wave"]["F"]
    close([rs["F"], rs["df1"], rs["df2"], rs["p"]], [f["statistic"], *f["parameter"], f["p"]], RTOL)
    by = o["by_sch_wide_wave"]  # a:No, b:No, a:Yes, b:Yes
    yes = next(level for level in out["levels"] if level["level"] == "Yes")
    close([yes["wave_a"], yes["wave_b"]], by["estimate"][2:], RTOL)


def test_compare_waves_refuses_panel_links_with_clusters(capsys):
    args = [
        "compare-waves",
        str(CORPUS / "apiclus1.csv"),
        str(CORPUS / "apiclus2.csv"),
        "--var",
        "sch.wide",
        "--cluster",
        "dnum",
        "--weight",
        "pw",
        "--id",
        "snum",
    ]
    assert run(args) == 2
    assert "not supported with a cluster design" in capsys.readouterr().err


def test_crosstab_command_within_a_domain(capsys):
    # R: svychisq(~sch.wide + awards, subset(dclus1, stype != "E")), in model_oracles.json.
    o = json.loads((ORACLES / "model_oracles.json").read_text())["apiclus1"]
    args = [
        "crosstab",
        str(CORPUS / "apiclus1.csv"),
        "--row",
        "sch.wide",
        "--col",
        "awards",
        "--cluster",
        "dnum",
        "--weight",
        "pw",
        "--fpc",
        "fpc",
        "--domain",
        "${stype} != 'E'",
        "--json",
    ]
    assert run(args) == 0, capsys.readouterr().err
    rs = json.loads(capsys.readouterr().out)["tests"]["rao_scott"]
    f = o["domain_chisq_sch_wide_awards"]["F"]
    close([rs["F"], rs["df1"], rs["df2"], rs["p"]], [f["statistic"], *f["parameter"], f["p"]], RTOL)


def test_a_domain_naming_an_unknown_column_is_one_line(capsys):
    args = [
        "crosstab",
        str(CORPUS / "apiclus1.csv"),
        "--row",
        "sch.wide",
        "--col",
        "awards",
        "--domain",
        "${nope} = 1",
    ]
    assert run(args) == 2
    err = capsys.readouterr().err
    # the reader, which reads only the columns a command names, refuses it first
    assert "column nope: column not found" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_compare_waves_within_a_domain(capsys):
    args = [
        "compare-waves",
        str(CORPUS / "apiclus1.csv"),
        str(CORPUS / "apiclus2.csv"),
        "--var",
        "sch.wide",
        "--cluster",
        "dnum",
        "--weight",
        "pw",
        "--domain",
        "${stype} = 'E'",
        "--json",
    ]
    assert run(args) == 0, capsys.readouterr().err
    out = json.loads(capsys.readouterr().out)
    # The domain's proportions are the elementary schools' (R: svyby in each file).
    d1 = Survey.design(data("apiclus1"), clusters=["dnum"], weight="pw")
    e = estimate.proportions(d1, "sch.wide", d1.values("stype") == "E")
    yes = next(level for level in out["levels"] if level["level"] == "Yes")
    close(yes["wave_a"], e.estimate[1], RTOL)
