"""The test behind a claim: "group X differs from the total (or from group Y) by d points".

A report sentence that compares two percentages must carry the test of that very difference,
not the test of the whole table. The difference of two domain proportions is a smooth
function of the design's totals, so its linearised influence values are the difference of
the two estimators' influence values on the same design:

    z_a = d_a · w · (y − p_a) / W_a        (d_a: in domain a and answered, W_a = Σ w d_a)
    z   = z_a − z_b                        (z_b the total's, or another group's)

and its variance is the design variance of z. This accounts for the overlap of a group with
the total it is part of (and is zero covariance for two disjoint groups only if the design
says so). R's equivalent: ``svytotal`` of the domain indicators and products, then
``svycontrast`` of the ratio difference (tests/oracles/claims/make_claims_oracles.R).

On a replicate-weight design the difference is re-estimated with each replicate's weights
and its variance is R's svrVar of those replicate differences, which is what R's svycontrast
gives on a svyby (covmat=TRUE) or a svytotal (return.replicates=TRUE) of a svrepdesign.

Uses only the design's public interface (``weights``, ``variance(z)`` or ``replicates``,
``df``, ``n``).
Proportions are 0-1; the difference is in proportion units (0.05 = 5 points).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special


@dataclass(frozen=True)
class Contrast:
    """Differences ``estimate_a − estimate_b`` (proportions 0-1) with their own SE, CI (t with
    the design's degrees of freedom), two-sided p, and the respondents behind each side."""

    estimate_a: np.ndarray
    estimate_b: np.ndarray
    diff: np.ndarray
    se: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    p: np.ndarray
    n_a: np.ndarray
    n_b: np.ndarray
    df: int


def domain_contrasts(
    design,
    y: np.ndarray,
    domains_a: np.ndarray,
    domains_b: np.ndarray | None = None,
    *,
    level: float = 0.95,
) -> Contrast:
    """Difference of the weighted mean of ``y`` between domains, one contrast per column.

    ``y``: values per respondent (rows × k, a 0/1 indicator for a proportion; NaN = not
    answered, outside both domains). ``domains_a``: boolean rows × k, the group of each
    contrast. ``domains_b``: the comparison group per contrast, or None for the whole sample
    (the total, which contains the group). CI: diff ± t(df)·SE; p from the same t, so a CI
    excludes 0 exactly when p < 1 − level.
    """
    y = _columns(np.asarray(y, dtype=float), design.n)
    answered = ~np.isnan(y)
    a = _columns(np.asarray(domains_a, dtype=bool), design.n) & answered
    b = answered if domains_b is None else _columns(np.asarray(domains_b, dtype=bool), design.n)
    b = b & answered
    y0 = np.where(answered, y, 0.0)
    est_a, z_a = _mean_influence(design.weights, y0, a)
    est_b, z_b = _mean_influence(design.weights, y0, b)
    diff = est_a - est_b
    if design.replicates is not None:
        variance = _replicate_variance(design, y0, a, b, diff)
    else:
        variance = np.diag(design.variance(z_a - z_b))
    se = np.sqrt(np.clip(variance, 0.0, None))
    t = special.stdtrit(design.df, 0.5 + level / 2.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = np.where(se > 0, np.abs(diff) / se, np.nan)
    p = 2.0 * special.stdtr(design.df, -statistic)
    return Contrast(
        est_a,
        est_b,
        diff,
        se,
        diff - t * se,
        diff + t * se,
        p,
        a.sum(axis=0),
        b.sum(axis=0),
        int(design.df),
    )


def _replicate_variance(
    design, y: np.ndarray, a: np.ndarray, b: np.ndarray, diff: np.ndarray
) -> np.ndarray:
    """Variances (k) of the differences from their replicate estimates (R × k): each side's
    mean re-estimated with every replicate's weights, then svrVar of the differences."""
    reps = design.replicates
    diff_reps = _replicate_mean(design, y, a) - _replicate_mean(design, y, b)
    # Empty sides give NaN replicates; their differences are NaN and need no variance.
    finite = np.isfinite(diff) & np.all(np.isfinite(diff_reps), axis=0)
    variance = np.full(diff.shape, np.nan)
    if finite.any():
        cov = reps.variance(diff[finite], diff_reps[:, finite])
        variance[finite] = np.diag(cov)
    return variance


def _replicate_mean(design, y: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """Means (R × k) of the columns of ``y`` over the ``inside`` rows of each column, with
    each replicate's weights (R's svymean on a svyrep.design's domain)."""
    reps = design.replicates
    num = reps.totals(design.weights, np.where(inside, y, 0.0))
    den = reps.totals(design.weights, inside.astype(float))
    with np.errstate(divide="ignore", invalid="ignore"):
        return num / den


def _columns(values: np.ndarray, n: int) -> np.ndarray:
    values = values.reshape(n, -1) if values.ndim == 1 else values
    if values.shape[0] != n:
        raise ValueError(f"expected one row per respondent ({n}), got {values.shape[0]}")
    return values


def _mean_influence(weights: np.ndarray, y: np.ndarray, inside: np.ndarray):
    """Weighted means of the columns of ``y`` over ``inside`` and their influence values
    (w · (y − mean) / W inside the domain, 0 outside); NaN means for empty domains."""
    w = np.where(inside, weights[:, None], 0.0)
    total = w.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        est = (w * y).sum(axis=0) / total
        z = np.where(inside, w * (y - est) / total, 0.0)
    return est, np.nan_to_num(z)
