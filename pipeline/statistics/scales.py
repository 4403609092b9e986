"""Likert-scale helpers: mean score and top-box share with design-based SEs, Cronbach's alpha
(unweighted and weighted) and the design-based rank test (R's ``svyranktest``, Kruskal-Wallis
form for more than two groups)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special

from pipeline.core.errors import InputError
from pipeline.statistics.estimate import (
    Estimate,
    Values,
    _as_series,
    _numeric,
    domain_df,
    domain_mask,
    mean,
    proportions,
)
from pipeline.statistics.survey import Survey


def _scores(values: pd.Series, missing_codes: Sequence[float]) -> pd.Series:
    s = pd.Series(_numeric(values))
    return s.mask(s.isin(list(missing_codes)))


def mean_score(
    design: Survey,
    values: Values,
    *,
    missing_codes: Sequence[float] = (),
    domain: Values | None = None,
) -> Estimate:
    """Mean of a numeric scale, with codes such as 98 "don't know" treated as missing."""
    return mean(design, _scores(_as_series(values, design), missing_codes), domain)


def top_box(
    design: Survey,
    values: Values,
    *,
    scale_max: int,
    boxes: int = 2,
    missing_codes: Sequence[float] = (),
    domain: Values | None = None,
    method: str = "logit",
) -> Estimate:
    """Share (0-1) answering one of the top ``boxes`` points of a 1..``scale_max`` scale, among
    those with an answer; an Estimate with the single label "top"."""
    s = _scores(_as_series(values, design), missing_codes)
    flag = pd.Series(np.where(s >= scale_max - boxes + 1, "top", "rest"), dtype=object)
    flag[s.isna()] = None
    est = proportions(design, flag, domain, method=method, levels=["top", "rest"])
    return Estimate(
        ("top",),
        est.estimate[:1],
        est.se[:1],
        est.ci[:1],
        est.deff[:1],
        est.vcov[:1, :1],
        est.n[:1],
        est.df,
    )


def cronbach_alpha(items: pd.DataFrame, weights: Sequence | np.ndarray | None = None) -> float:
    """Cronbach's alpha of the item columns over complete cases, k/(k-1) (1 - Σ var_i /
    var_total); with ``weights``, variances are weighted (frequency-weight style)."""
    x = items.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    k = x.shape[1]
    if k < 2:
        raise InputError("Cronbach's alpha needs at least two items")
    w = np.ones(x.shape[0]) if weights is None else np.asarray(weights, dtype=float)
    keep = ~np.isnan(x).any(axis=1)
    x, w = x[keep], w[keep]
    if x.shape[0] < 2:
        raise InputError("Cronbach's alpha needs at least two complete answers")
    w = w / w.sum()
    item_var = w @ (x - w @ x) ** 2
    total = x.sum(axis=1)
    total_var = w @ (total - w @ total) ** 2
    return float(k / (k - 1) * (1 - item_var.sum() / total_var))


@dataclass(frozen=True)
class RankTest:
    """Design-based rank test. ``chisq`` = β'V⁻¹β for the group differences in mean rank
    score, referred to F(``df1``, ``df2``) after division by df1; for two groups ``t`` is the
    t statistic (t² = chisq) and ``estimate`` the difference in mean rank score."""

    chisq: float
    df1: int
    df2: int
    p: float
    t: float | None
    estimate: np.ndarray


RANK_TESTS: tuple[str, ...] = ("wilcoxon", "vanderWaerden", "median", "KruskalWallis")


def _rank_scores(rank: np.ndarray, total: float, test: str) -> np.ndarray:
    """R's svyranktest score of each weighted mid-rank r out of N: r/N (Wilcoxon and
    Kruskal-Wallis), Φ⁻¹(r/N) (van der Waerden), 1 if r > N/2 (median)."""
    if test in ("wilcoxon", "KruskalWallis"):
        return rank / total
    if test == "vanderWaerden":
        return special.ndtri(rank / total)
    return (rank > total / 2).astype(float)


def rank_test(
    design: Survey,
    values: Values,
    groups: Values,
    domain: Values | None = None,
    *,
    test: str = "wilcoxon",
) -> RankTest:
    """R's ``svyranktest(y ~ g, design, test=)``: weighted mid-ranks, their score (``test``:
    wilcoxon, vanderWaerden, median or KruskalWallis, see :func:`_rank_scores`), weighted
    least squares of the score on the groups, design-based covariance of the coefficients
    (on a replicate design, R's svytotal of the full-sample influence values). Rows missing
    either variable are a domain."""
    if test not in RANK_TESTS:
        raise InputError(f"test must be one of {', '.join(RANK_TESTS)}, got {test!r}")
    y = _numeric(_as_series(values, design))
    g = _as_series(groups, design)
    inside = domain_mask(design, domain) & ~np.isnan(y) & g.notna().to_numpy()
    codes, _ = pd.factorize(g[inside], sort=True)
    n_groups = int(codes.max()) + 1
    if n_groups < 2:
        raise InputError("the rank test needs at least two groups")
    yi = y[inside]
    w = design.weights[inside]
    order = np.argsort(yi, kind="stable")
    mid = np.cumsum(w[order]) - w[order] / 2
    # Tied values share the plain average of their mid-ranks, as R's ave() does.
    _, tie_id = np.unique(yi[order], return_inverse=True)
    tie_mean = np.bincount(tie_id, weights=mid) / np.bincount(tie_id)
    rank = np.empty_like(mid)
    rank[order] = tie_mean[tie_id]
    score = _rank_scores(rank, w.sum(), test)
    x = np.zeros((yi.size, n_groups))
    x[:, 0] = 1.0
    x[np.arange(yi.size), codes] = 1.0
    xtwx = x.T @ (x * w[:, None])
    ainv = np.linalg.inv(xtwx)
    coef = ainv @ (x.T @ (w * score))
    resid = score - x @ coef
    z = np.zeros((design.n, n_groups))
    z[inside] = (x * (resid * w)[:, None]) @ ainv
    if design.replicates is not None:
        # R's svyranktest.svyrep.design: svytotal of the full-sample influence values.
        reps = design.replicates
        infn = z / design.weights[:, None]
        v = reps.variance(z.sum(axis=0), reps.totals(design.weights, infn))
    else:
        v = design.variance(z)
    beta = coef[1:]
    vb = v[1:, 1:]
    chisq = float(beta @ np.linalg.solve(vb, beta))
    ndf = n_groups - 1
    ddf = domain_df(design, inside) - ndf
    p = float(special.fdtrc(ndf, ddf, chisq / ndf))
    t = float(beta[0] / np.sqrt(vb[0, 0])) if ndf == 1 else None
    return RankTest(chisq, ndf, ddf, p, t, beta)
