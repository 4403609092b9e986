"""Likert helpers against R: svymean of a score, top-2-box share and interval, svyranktest
(two groups and Kruskal-Wallis form); Cronbach's alpha by its definitions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pipeline.core.errors import InputError
from pipeline.statistics import scales
from pipeline.statistics.survey import Survey

from .conftest import ORACLES, close


@pytest.fixture(scope="module")
def synth():
    df = pd.read_csv(ORACLES / "synth5.csv")
    return df, Survey.stratified(df, strata="stratum", population="N_h")


def test_mean_score_ignores_missing_codes(synth, oracle):
    df, design = synth
    q1 = df["q1"].copy()
    q1[df["id"] % 11 == 0] = 98  # "don't know" must not move the mean of the others
    plain = scales.mean_score(design, df["q1"])
    close(plain.estimate, oracle["likert"]["mean_q1"]["estimate"])
    close(plain.se, oracle["likert"]["mean_q1"]["se"])
    coded = scales.mean_score(design, q1, missing_codes=[98])
    dropped = scales.mean_score(design, q1.mask(q1 == 98))
    close(coded.estimate, dropped.estimate)


def test_top_two_box_matches_r(synth, oracle):
    df, design = synth
    top = scales.top_box(design, df["q1"], scale_max=5)
    o = oracle["likert"]["top2_q1"]
    close(top.estimate, o["estimate"])
    close(top.se, o["se"])
    close(top.ci[0], o["ci"])


def test_two_group_rank_test_matches_svyranktest(synth, oracle):
    df, design = synth
    res = scales.rank_test(design, df["q1"], df["gender"])
    o = oracle["ranktest"]["q1_gender"]
    close(
        [res.t, res.df2, res.p, res.estimate[0]],
        [o["statistic"], o["parameter"], o["p"], o["estimate"]],
    )


def test_kruskal_wallis_rank_test_matches_svyranktest(synth, oracle):
    df, design = synth
    res = scales.rank_test(design, df["q1"], df["age"])
    o = oracle["ranktest"]["q1_age"]
    # R's multiranktest stores the chi-square as "parameter" and ndf as "statistic".
    close([res.chisq, res.df1, res.p], [o["parameter"], o["statistic"], np.ravel(o["p"])[0]])


def test_cronbach_alpha_equals_the_covariance_form():
    rng = np.random.default_rng(3)
    latent = rng.normal(size=200)
    items = pd.DataFrame({f"i{k}": np.round(3 + latent + rng.normal(size=200)) for k in range(4)})
    c = items.cov().to_numpy()
    k = c.shape[0]
    expected = k / (k - 1) * (1 - np.trace(c) / c.sum())
    assert scales.cronbach_alpha(items) == pytest.approx(expected, rel=1e-12)


def test_weighted_alpha_equals_alpha_of_replicated_rows():
    items = pd.DataFrame(
        {"a": [1, 2, 3, 4, 5, 2], "b": [2, 2, 3, 5, 4, 1], "c": [1, 3, 3, 4, 5, 2]}
    )
    weights = np.array([1, 3, 2, 1, 2, 4])
    replicated = items.loc[items.index.repeat(weights)].reset_index(drop=True)
    assert scales.cronbach_alpha(items, weights) == pytest.approx(
        scales.cronbach_alpha(replicated), rel=1e-12
    )


def test_alpha_needs_two_items():
    with pytest.raises(InputError, match="two items"):
        scales.cronbach_alpha(pd.DataFrame({"a": [1, 2, 3]}))
