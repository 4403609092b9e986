"""The numpy distribution functions of the cross-tab's tests and intervals against R's pf, pt,
pchisq, qt and qnorm (tests/oracles/make_distribution_oracles.R → distributions.json; one
test runs the script live) and against scipy at the edges (NaN, zero, no degrees of
freedom)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from scipy import special

from pipeline.statistics import distributions
from pipeline.statistics.distributions import chi2_sf, f_sf, norm_ppf, t_cdf, t_ppf

ORACLES = Path(__file__).parent / "oracles"
CHOOSE = distributions._special  # before the fixture below replaces it


@pytest.fixture(autouse=True)
def numpy_functions(monkeypatch):
    """The numpy functions (what `survey crosstab` uses), whether or not scipy is imported."""
    monkeypatch.setattr(distributions, "_special", lambda: None)
SCRIPT = ORACLES / "make_distribution_oracles.R"


def tolerance(df: float) -> float:
    """Relative accuracy: 1e-13 up to 1,000 degrees of freedom; at a 5,000,000-row design's,
    the continued fraction's rounding near x = 1 leaves a few 1e-10 (tests are to 1e-9)."""
    return 1e-13 if df <= 1000 else 1e-9


def ours(name: str, row: list[float]) -> tuple[float, float, float]:
    """(our value, R's, the degrees of freedom that set the tolerance)."""
    if name.startswith("f_sf"):
        f, d1, d2, p = row
        return float(f_sf(f, d1, d2)), p, d2
    if name.startswith("t_cdf"):
        t, df, p = row
        return float(t_cdf(t, df)), p, df
    if name.startswith("chi2_sf"):
        x, k, p = row
        return chi2_sf(x, k), p, k
    if name.startswith("t_ppf"):
        p, df, q = row
        return float(t_ppf(p, df)), q, df
    p, q = row
    return float(norm_ppf(p)), q, 1


def check(oracles: dict) -> None:
    for name, rows in oracles.items():
        for row in rows:
            got, expected, df = ours(name, row)
            assert got == pytest.approx(expected, rel=tolerance(df), abs=1e-300), (name, row)


def test_the_distributions_match_r():
    check(json.loads((ORACLES / "distributions.json").read_text(encoding="utf-8")))


def test_the_distributions_match_r_live():
    done = subprocess.run(["Rscript", str(SCRIPT)], capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    check(json.loads(done.stdout))


def test_the_edges_are_scipy_s():
    nan = np.nan
    assert np.isnan(f_sf(nan, 2, 10)) and np.isnan(f_sf(1.0, 0, 10))
    assert float(f_sf(0.0, 2, 10)) == special.fdtrc(2, 10, 0.0) == 1.0
    assert float(f_sf(np.inf, 2, 10)) == special.fdtrc(2, 10, np.inf) == 0.0
    assert np.isnan(t_cdf(1.0, 0)) and np.isnan(t_cdf(nan, 5))
    assert float(t_cdf(np.inf, 5)) == 1.0 and float(t_cdf(-np.inf, 5)) == 0.0
    assert float(t_cdf(0.0, 5)) == special.stdtr(5, 0.0) == 0.5
    assert np.isnan(chi2_sf(nan, 3)) and np.isnan(chi2_sf(1.0, 0))
    assert chi2_sf(0.0, 3) == special.chdtrc(3, 0.0) == 1.0
    np.testing.assert_array_equal(np.isnan(t_ppf(0.975, [0, -1, 5])), [True, True, False])
    assert float(t_ppf(0.5, 7)) == 0.0


def test_elsewhere_the_functions_are_scipy_s(monkeypatch):
    monkeypatch.setattr(distributions, "_special", CHOOSE)
    monkeypatch.setattr(distributions, "_NUMPY_ONLY", False)
    assert float(f_sf(3.0, 2, 50)) == special.fdtrc(2, 50, 3.0)
    assert float(t_ppf(0.975, 1370)) == special.stdtrit(1370, 0.975)
    assert chi2_sf(7.5, 4) == special.chdtrc(4, 7.5)


def test_quantiles_are_solved_elementwise_with_shared_degrees_of_freedom():
    df = np.array([[3, 30, 3], [1e6, 30, 3]])
    expected = special.stdtrit(df, 0.975)
    np.testing.assert_allclose(t_ppf(0.975, df), expected, rtol=1e-11)
