"""The test behind one claim (pipeline/statistics/claims.py) against R's survey package:
a group against the total it belongs to (svytotal + svycontrast of the ratio difference)
and a group against another group (svyby with covmat + svycontrast), on apistrat with
unanswered rows. The stored numbers come from tests/oracles/claims/make_claims_oracles.R."""

from __future__ import annotations

import json
import subprocess

import numpy as np
import pandas as pd
import pytest

from pipeline.statistics.claims import domain_contrasts
from pipeline.statistics.survey import Survey

from .conftest import ORACLES, close

CLAIMS = ORACLES / "claims"


@pytest.fixture(scope="module")
def api_claim():
    """apistrat's design, the item (comp.imp = Yes, every 7th school unanswered) and the
    group (schools with more than 20% English learners), as the R script builds them."""
    df = pd.read_csv(ORACLES / "apistrat.csv")
    design = Survey.from_weights(df, weight="pw", strata="stype", population="fpc")
    y = (df["comp.imp"] == "Yes").to_numpy(dtype=float, copy=True)
    y[::7] = np.nan
    group = (df["ell"] > 20).to_numpy()
    return design, y, group


@pytest.fixture(scope="module")
def r_numbers() -> dict:
    return json.loads((CLAIMS / "claims_oracles.json").read_text())


def test_group_against_the_total_it_belongs_to_matches_svycontrast(api_claim, r_numbers):
    design, y, group = api_claim
    result = domain_contrasts(design, y, group)
    r = r_numbers["group_vs_total"]
    close(result.estimate_a, r["group"])
    close(result.estimate_b, r["total"])
    close(result.diff, r["diff"])
    close(result.se, r["se"])
    assert result.df == r_numbers["df"]


def test_group_against_another_group_matches_svyby_contrast(api_claim, r_numbers):
    design, y, group = api_claim
    result = domain_contrasts(design, y, group, ~group)
    r = r_numbers["group_vs_group"]
    close(result.diff, r["diff"])
    close(result.se, r["se"])
    close([result.estimate_b[0], result.estimate_a[0]], r["means"])


def test_the_overlap_with_the_total_shrinks_the_variance(api_claim):
    """Treating the group and the total as independent samples overstates the SE."""
    design, y, group = api_claim
    both = domain_contrasts(design, y, group)
    alone = domain_contrasts(design, y, group, np.zeros_like(group))  # empty side: NaN
    assert np.isnan(alone.diff).all()
    g = domain_contrasts(design, y, group, group)  # a group against itself: no difference
    assert g.diff[0] == 0 and g.se[0] == pytest.approx(0, abs=1e-15)
    # independent-samples SE from the two estimates' own SEs
    from pipeline.statistics import estimate

    se_g = estimate.mean(design, y, group).se[0]
    se_t = estimate.mean(design, y).se[0]
    assert both.se[0] < np.hypot(se_g, se_t)


def test_ci_excludes_zero_exactly_when_p_is_below_alpha():
    rng = np.random.default_rng(7)
    n = 400
    df = pd.DataFrame({"s": rng.integers(0, 3, n), "w": rng.uniform(1, 5, n)})
    design = Survey.from_weights(df, weight="w", strata="s")
    groups = rng.integers(0, 4, n)
    y = (rng.random((n, 1)) < 0.3 + 0.1 * groups[:, None]).astype(float).repeat(4, axis=1)
    domains = np.stack([groups == k for k in range(4)], axis=1)
    result = domain_contrasts(design, y, domains)
    excludes = (result.ci_low > 0) | (result.ci_high < 0)
    assert (excludes == (result.p < 0.05)).all()
    assert excludes.any() and not excludes.all()


def test_live_r_agrees_on_group_against_total(api_claim):
    """One live run of R (CI installs it): the same contrast by svytotal + svycontrast."""
    script = """
suppressMessages(library(survey))
api <- read.csv("tests/oracles/apistrat.csv")
api$y <- as.numeric(api$comp.imp == "Yes"); api$y[seq(1, nrow(api), by = 7)] <- NA
api$a <- as.numeric(!is.na(api$y)); api$y0 <- ifelse(is.na(api$y), 0, api$y)
api$g <- as.numeric(api$ell > 20); api$yg <- api$y0 * api$g; api$ag <- api$a * api$g
des <- svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=api)
con <- svycontrast(svytotal(~yg + ag + y0 + a, des), quote(yg / ag - y0 / a))
cat(format(c(coef(con), SE(con)), digits=17), sep="\\n")
"""
    from .conftest import REPO

    out = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True,
        cwd=REPO,
    )  # fmt: skip
    diff, se = (float(x) for x in out.stdout.split())
    design, y, group = api_claim
    result = domain_contrasts(design, y, group)
    close(result.diff, diff)
    close(result.se, se)


# ---- replicate-weight designs -----------------------------------------------------------------

CORPUS = ORACLES.parent / "corpus" / "r-survey"


@pytest.fixture(scope="module")
def replicate_numbers() -> dict:
    return json.loads((CLAIMS / "replicate_claims_oracles.json").read_text())


def jk1_claim(r: dict, mse: bool):
    """apiclus1 with R's JK1 replicate weights as a file brings them (svrepdesign with R's
    scale), the same item and group as on apistrat."""
    df = pd.read_csv(CORPUS / "apiclus1_jk1.csv")
    design = Survey.replicate(
        df, repweights="jk[0-9]+", weight="pw", type="JK1", scale=r["scale"],
        rscales=r["rscales"], combined=True, mse=mse,
    )  # fmt: skip
    y = (df["comp.imp"] == "Yes").to_numpy(dtype=float, copy=True)
    y[::7] = np.nan
    return design, y, (df["ell"] > 20).to_numpy()


@pytest.mark.parametrize("centring", ["centred", "mse"])
def test_replicate_group_against_the_total_matches_svycontrast_of_replicates(
    replicate_numbers, centring
):
    design, y, group = jk1_claim(replicate_numbers, centring == "mse")
    result = domain_contrasts(design, y, group)
    r = replicate_numbers[centring]
    close(result.estimate_a, r["group_vs_total"]["group"])
    close(result.estimate_b, r["group_vs_total"]["total"])
    close(result.diff, r["group_vs_total"]["diff"])
    close(result.se, r["group_vs_total"]["se"])
    assert result.df == r["df"]


@pytest.mark.parametrize("centring", ["centred", "mse"])
def test_replicate_group_against_another_group_matches_svyby_contrast(replicate_numbers, centring):
    design, y, group = jk1_claim(replicate_numbers, centring == "mse")
    result = domain_contrasts(design, y, group, ~group)
    r = replicate_numbers[centring]["group_vs_group"]
    close(result.diff, r["diff"])
    close(result.se, r["se"])
    close([result.estimate_b[0], result.estimate_a[0]], r["means"])


def test_replicate_contrast_of_an_empty_side_is_missing_not_an_error(replicate_numbers):
    design, y, group = jk1_claim(replicate_numbers, False)
    result = domain_contrasts(design, y, group, np.zeros_like(group))
    assert np.isnan(result.diff).all() and np.isnan(result.se).all()
    same = domain_contrasts(design, y, group, group)
    assert same.diff[0] == 0 and same.se[0] == pytest.approx(0, abs=1e-15)


def test_live_r_agrees_on_a_replicate_group_against_total(replicate_numbers):
    """One live run of R on the replicate design: svytotal with its replicates, then
    svycontrast of the ratio difference."""
    script = f"""
suppressMessages(library(survey))
api <- read.csv("tests/corpus/r-survey/apiclus1_jk1.csv")
api$y <- as.numeric(api$comp.imp == "Yes"); api$y[seq(1, nrow(api), by = 7)] <- NA
api$a <- as.numeric(!is.na(api$y)); api$y0 <- ifelse(is.na(api$y), 0, api$y)
api$g <- as.numeric(api$ell > 20); api$yg <- api$y0 * api$g; api$ag <- api$a * api$g
des <- svrepdesign(data = api, repweights = "jk[0-9]+", weights = ~pw, type = "JK1",
                   scale = {replicate_numbers["scale"]!r}, combined.weights = TRUE)
tot <- svytotal(~yg + ag + y0 + a, des, return.replicates = TRUE)
con <- svycontrast(tot, quote(yg / ag - y0 / a))
cat(format(c(coef(con), SE(con)), digits=17), sep="\\n")
"""
    from .conftest import REPO

    out = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True,
        cwd=REPO,
    )  # fmt: skip
    diff, se = (float(x) for x in out.stdout.split())
    design, y, group = jk1_claim(replicate_numbers, False)
    result = domain_contrasts(design, y, group)
    close(result.diff, diff)
    close(result.se, se)
