"""The design: constructors, degrees of freedom, lonely PSUs, calibration and trimming
(against R's rake, postStratify and trimWeights), Kish's weighting effect."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pipeline.core.errors import InputError
from pipeline.statistics import estimate
from pipeline.statistics.survey import Survey, post_stratify, rake, survey_for, trim_weights

from .conftest import ORACLES, close


def test_stratified_design_weights_are_population_over_sample():
    df = pd.DataFrame({"s": ["a"] * 3 + ["b"] * 2, "N": [30] * 3 + [10] * 2})
    design = Survey.stratified(df, strata="s", population="N")
    assert design.weights.tolist() == [10, 10, 10, 5, 5]
    assert design.stratum_labels == ("a", "b")
    assert design.population.tolist() == [30, 10]
    assert design.df == 3


def test_population_can_be_a_mapping_and_fpc_can_be_left_out():
    df = pd.DataFrame({"s": [1, 1, 2, 2]})
    design = Survey.stratified(df, strata="s", population={1: 100, 2: 4}, fpc=False)
    assert design.weights.tolist() == [50, 50, 2, 2]
    assert design.population is None


def test_five_stratum_design_matches_the_default_survey():
    df = pd.read_csv(ORACLES / "synth5.csv")
    design = Survey.stratified(df, strata="stratum", population="N_h")
    assert design.n_h.tolist() == [784, 205, 281, 75, 30]
    assert design.population.tolist() == [5421, 1418, 1944, 521, 210]
    assert design.df == 1375 - 5
    close(design.weights, df["weight"])


def test_lonely_psu_fails_by_default_naming_the_stratum():
    df = pd.read_csv(ORACLES / "apistrat_lonely.csv")
    with pytest.raises(InputError, match="stratum X has a single respondent"):
        Survey.from_weights(df, weight="pw", strata="stype", population="fpc")


def test_unknown_lonely_psu_option_is_an_input_error(api):
    df, _ = api
    with pytest.raises(InputError, match="lonely_psu"):
        Survey.from_weights(df, weight="pw", strata="stype", lonely_psu="drop")


def test_population_varying_within_a_stratum_is_an_input_error():
    df = pd.DataFrame({"s": [1, 1, 2, 2], "N": [10, 11, 5, 5]})
    with pytest.raises(InputError, match="varies within stratum 1"):
        Survey.stratified(df, strata="s", population="N")


def test_population_below_the_sample_is_an_input_error():
    df = pd.DataFrame({"s": [1, 1, 1, 2, 2], "N": [2, 2, 2, 5, 5]})
    with pytest.raises(InputError, match="smaller than the sample"):
        Survey.stratified(df, strata="s", population="N")


def test_bad_weight_names_row_and_column():
    df = pd.DataFrame({"w": [1.0, -2.0]})
    with pytest.raises(InputError) as err:
        Survey.from_weights(df, weight="w", file="d.csv")
    assert (err.value.row, err.value.column, err.value.file) == (3, "w", "d.csv")


def test_missing_strata_column_is_named():
    with pytest.raises(InputError) as err:
        Survey.stratified(pd.DataFrame({"a": [1]}), strata="s", population="N", file="d.csv")
    assert err.value.column == "s"


def test_survey_for_without_weight_uses_population_over_sample():
    df = pd.DataFrame({"s": [1, 1, 2, 2], "N": [4, 4, 3, 3]})
    assert survey_for(df, strata="s", fpc="N").weights.tolist() == [2, 2, 1.5, 1.5]
    assert survey_for(df).weights.tolist() == [1, 1, 1, 1]
    with pytest.raises(InputError, match="--fpc needs --strata"):
        survey_for(df, fpc="N")


def test_stratum_sums_and_variance_by_hand():
    # Two strata of 2, no FPC: V = sum_h n_h/(n_h-1) sum (z - zbar_h)^2.
    df = pd.DataFrame({"s": ["a", "a", "b", "b"], "w": 1.0})
    design = Survey.from_weights(df, weight="w", strata="s")
    z = np.array([1.0, 3.0, 2.0, 6.0])
    assert design.stratum_sums(z).ravel().tolist() == [4.0, 8.0]
    assert design.variance(z)[0, 0] == pytest.approx(2 * (1 + 1) + 2 * (4 + 4))


# ---- calibration and trimming against R ----------------------------------------------------


def test_raking_matches_r_rake(api, oracle):
    df, design = api
    o = oracle["calibration"]
    raked = rake(
        design,
        {"stype": df["stype"], "awards": df["awards"]},
        {"stype": {"E": 4421, "H": 755, "M": 1018}, "awards": o["pop_awards"]},
        tol=1e-12,
    )
    close(raked.weights, o["rake_weights"])
    close(estimate.mean(raked, df["api00"]).estimate, o["rake_mean_api00"])


def test_raking_that_cannot_converge_is_an_input_error(api):
    df, design = api
    with pytest.raises(InputError, match="did not converge"):
        rake(
            design,
            {"stype": df["stype"], "awards": df["awards"]},
            {"stype": {"E": 4421, "H": 755, "M": 1018}, "awards": {"No": 10, "Yes": 20}},
            max_iter=20,
        )


def test_post_stratification_matches_r(api, oracle):
    df, design = api
    o = oracle["calibration"]
    ps = post_stratify(design, df["awards"], o["pop_awards"])
    close(ps.weights, o["poststrat_weights"])
    close(estimate.mean(ps, df["api00"]).estimate, o["poststrat_mean_api00"])


def test_post_stratification_needs_every_total(api):
    df, design = api
    with pytest.raises(InputError, match="no population total for value 'Yes'"):
        post_stratify(design, df["awards"], {"No": 100})


def test_trimming_matches_r_trimweights(api, oracle):
    df, design = api
    o = oracle["calibration"]
    trimmed = trim_weights(design, o["trim_upper"])
    close(trimmed.weights, o["trim_weights"])
    assert trimmed.weights.sum() == pytest.approx(design.weights.sum(), rel=1e-12)


def test_kish_design_effect_and_effective_n_by_hand():
    design = Survey.from_weights(pd.DataFrame({"w": [1.0, 1, 2, 4]}), weight="w")
    # sum w = 8, sum w^2 = 22: deff = 4 * 22 / 64, n_eff = 64 / 22
    assert design.kish_deff == pytest.approx(88 / 64)
    assert design.effective_n == pytest.approx(64 / 22)
