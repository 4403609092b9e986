"""Design-based estimates: means, totals and proportions with Taylor-linearised standard
errors, design effects and confidence intervals, as R's ``survey`` package computes them.

Domains: a subpopulation keeps the whole design; respondents outside it (and those missing
the variable) get zero influence, as R's ``svymean(..., na.rm=TRUE)`` on a design does.
Proportions are 0-1, never percentages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from pipeline.core.columnar import is_series
from pipeline.core.errors import InputError
from pipeline.statistics.distributions import expit, logit, norm_ppf, t_ppf
from pipeline.statistics.survey import Survey

if TYPE_CHECKING:
    import pandas as pd

CI_METHODS: tuple[str, ...] = ("logit", "beta", "wilson", "likelihood", "asin", "mean", "xlogit")


@dataclass(frozen=True)
class Estimate:
    """Estimates for one or more quantities (levels of a categorical, or one variable).

    ``estimate``, ``se``, ``deff``: arrays of length k; ``ci``: k × 2 (lower, upper);
    ``vcov``: k × k covariance; ``n``: unweighted respondents behind each estimate;
    ``df``: design degrees of freedom used for t quantiles.
    """

    labels: tuple
    estimate: np.ndarray
    se: np.ndarray
    ci: np.ndarray
    deff: np.ndarray
    vcov: np.ndarray
    n: np.ndarray
    df: int


# a column name or one value per row (a string: pandas is imported only where it is needed)
Values = "str | Sequence | np.ndarray | pd.Series"
# R's deff=TRUE (against SRS without replacement) or deff="replace" (with replacement).
DeffType = bool | str
DEFF_TYPES: tuple = (True, "replace")


def _as_series(values: Values, design: Survey, what: str = "values") -> pd.Series:
    """The variable as a Series aligned with the survey's rows (see :meth:`Survey.values`)."""
    return design.values(values, what)


def domain_mask(design: Survey, domain: Values | None) -> np.ndarray:
    """The domain as a boolean mask over the survey's rows (all rows for None); a column
    name or Series is read as R's ``subset`` reads it: a missing value is outside."""
    if domain is None:
        return np.ones(design.n, dtype=bool)
    if isinstance(domain, str) or is_series(domain):
        values = design.values(domain, "domain")
        domain = values.where(values.notna(), False)  # R's subset: NA is outside
    mask = np.asarray(domain, dtype=bool)
    if mask.shape != (design.n,):
        raise InputError(f"domain must have {design.n} true/false values")
    return mask


def _numeric(values: pd.Series) -> np.ndarray:
    import pandas as pd

    x = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    bad = values.notna().to_numpy() & np.isnan(x)
    if bad.any():
        raise InputError(f"expected numbers, found {values[bad].iloc[0]!r}")
    return x


def _mean_parts(design: Survey, x: np.ndarray, inside: np.ndarray, deff: DeffType = True):
    """Weighted mean of columns of ``x`` over ``inside`` rows, its covariance and deff."""
    w = np.where(inside, design.weights, 0.0)
    total_w = w.sum()
    if total_w == 0:
        raise InputError("the domain is empty: no respondent has a value")
    xz = np.where(inside[:, None], x, 0.0)
    est = (w @ xz) / total_w
    centred = np.where(inside[:, None], xz - est, 0.0)
    n_in = int(inside.sum())
    if design.replicates is not None:
        vcov = design.replicates.variance(est, replicate_means(design, xz, inside))
    else:
        vcov = design.variance(centred * (w / total_w)[:, None])
    with np.errstate(divide="ignore", invalid="ignore"):
        effect = np.diag(vcov) / _srs_mean_variance(w, centred, total_w, n_in, deff)
    return est, vcov, effect, total_w, n_in


def replicate_means(design: Survey, xz: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """R's svymean on a svyrep.design: the means (R × k) of the columns of ``xz`` (0 outside
    the ``inside`` rows) re-estimated with each replicate's weights."""
    reps = design.replicates
    num = reps.totals(design.weights, xz)
    den = reps.totals(design.weights, inside.astype(float)[:, None])
    with np.errstate(divide="ignore", invalid="ignore"):
        return num / den


def replicate_logit_se(design: Survey, p: np.ndarray, p_reps: np.ndarray) -> np.ndarray:
    """SE of logit(p) from the replicates' logit(p_r), as R's svyciprop(method="logit") gets
    it on a replicate design (the intercept of a quasibinomial svyglm refitted per replicate)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        v = design.replicates.variance(logit(p), logit(p_reps))
    return np.sqrt(np.clip(np.diag(v), 0, None))


def _srs_mean_variance(
    w: np.ndarray, centred: np.ndarray, total_w: float, n_in: int, deff: DeffType = True
):
    """R's deff denominator for a mean: svyvar(x) (N - n) / (N n) (``deff=TRUE``, simple
    random sampling without replacement) or svyvar(x) / n (``deff="replace"``), svyvar with
    the n / (n - 1) factor; ``centred`` is x minus its weighted mean, 0 outside the domain.
    The same on linearised and replicate designs (R's svymean.svyrep.design uses it too)."""
    if deff not in DEFF_TYPES:
        raise InputError(f"deff must be True or 'replace', got {deff!r}")
    with np.errstate(divide="ignore", invalid="ignore"):
        svyvar = (w @ centred**2) / total_w * n_in / (n_in - 1)
        if deff == "replace":
            return svyvar / n_in
        return svyvar * (total_w - n_in) / (total_w * n_in)


def _normal_ci(est: np.ndarray, se: np.ndarray, level: float) -> np.ndarray:
    """est ± z·SE (k × 2), z the normal quantile (R's ``confint`` default)."""
    z = norm_ppf(0.5 + level / 2)
    return np.column_stack([est - z * se, est + z * se])


def mean(
    design: Survey,
    values: Values,
    domain: Values | None = None,
    *,
    level: float = 0.95,
    deff: DeffType = True,
) -> Estimate:
    """Weighted mean of a numeric variable (R ``svymean(~x, design, na.rm=TRUE, deff=)``).

    Missing values and rows outside ``domain`` (boolean mask) are a domain, not dropped.
    CI: mean ± z·SE (R's ``confint`` default). ``deff``: True (against simple random
    sampling without replacement, R's ``deff=TRUE``) or "replace" (with replacement).
    """
    x = _numeric(_as_series(values, design))
    inside = domain_mask(design, domain) & ~np.isnan(x)
    est, vcov, effect, _, n_in = _mean_parts(design, x[:, None], inside, deff)
    se = np.sqrt(np.diag(vcov))
    ci = _normal_ci(est, se, level)
    return Estimate(("mean",), est, se, ci, effect, vcov, np.array([n_in]), design.df)


def total(
    design: Survey,
    values: Values,
    domain: Values | None = None,
    *,
    level: float = 0.95,
    deff: DeffType = True,
) -> Estimate:
    """Weighted total of a numeric variable (R ``svytotal(~x, design, na.rm=TRUE, deff=)``).

    The deff is R's: the variance over W² times the SRS variance of the mean (W the domain's
    weight total; without replacement for ``deff=True``, with it for ``deff="replace"``).
    """
    x = _numeric(_as_series(values, design))
    inside = domain_mask(design, domain) & ~np.isnan(x)
    w = np.where(inside, design.weights, 0.0)
    xz = np.where(inside, x, 0.0)
    est = np.array([w @ xz])
    if design.replicates is not None:
        vcov = design.replicates.variance(est, design.replicates.totals(design.weights, xz))
    else:
        vcov = design.variance((w * xz)[:, None])
    total_w = w.sum()
    n_in = int(inside.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        centred = np.where(inside, x - est[0] / total_w, 0.0)
        srs = _srs_mean_variance(w, centred, total_w, n_in, deff)
        effect = np.diag(vcov) / (total_w**2 * srs)
    se = np.sqrt(np.diag(vcov))
    ci = _normal_ci(est, se, level)
    return Estimate(("total",), est, se, ci, effect, vcov, np.array([n_in]), design.df)


def levels_of(values: pd.Series) -> list:
    """The distinct non-missing values, sorted (numbers numerically, text alphabetically)."""
    import pandas as pd

    return sorted(pd.unique(values.dropna()).tolist())


def proportions(
    design: Survey,
    values: Values,
    domain: Values | None = None,
    *,
    method: str = "logit",
    level: float = 0.95,
    levels: Sequence | None = None,
    deff: DeffType = True,
) -> Estimate:
    """Proportion (0-1) of each level of a categorical variable, with SE, deff and CI.

    R: ``svymean(~factor(x), design, na.rm=TRUE, deff=TRUE)`` and ``svyciprop`` per level.
    ``method`` is one of logit (R default), beta (Korn-Graubard), wilson, likelihood, asin,
    mean. ``levels`` fixes the order and includes levels with no respondent. ``deff`` as in
    :func:`mean`.
    """
    import pandas as pd

    s = _as_series(values, design)
    lev = list(levels) if levels is not None else levels_of(s)
    codes = pd.Categorical(s, categories=lev).codes
    inside = domain_mask(design, domain) & (codes >= 0)
    onehot = np.zeros((design.n, len(lev)))
    onehot[np.flatnonzero(inside), codes[inside]] = 1.0
    est, vcov, effect, _, n_in = _mean_parts(design, onehot, inside, deff)
    se = np.sqrt(np.clip(np.diag(vcov), 0, None))
    df = domain_df(design, inside)
    se_logit = None
    if design.replicates is not None:
        se_logit = replicate_logit_se(design, est, replicate_means(design, onehot, inside))
    ci = ci_proportion(est, se, df, n_in, method=method, level=level, se_logit=se_logit)
    n_level = np.bincount(codes[inside], minlength=len(lev))
    return Estimate(tuple(lev), est, se, ci, effect, vcov, n_level, df)


def domain_df(design: Survey, inside: np.ndarray) -> int:
    """Degrees of freedom of a domain: its PSUs (respondents without clusters) minus the
    strata they fall in (R's ``degf`` of ``subset(design, ...)``, which ``svyciprop`` uses)."""
    if design.clustered or design.replicates is not None:
        return design.domain_df(inside)
    per_stratum = np.bincount(design.strata[inside], minlength=design.n_strata)
    return int(per_stratum.sum() - np.count_nonzero(per_stratum))


def ci_proportion(
    p: np.ndarray,
    se: np.ndarray,
    df: float,
    n_rows: int,
    *,
    method: str = "logit",
    level: float = 0.95,
    se_logit: np.ndarray | None = None,
) -> np.ndarray:
    """Confidence intervals (k × 2) for proportions from their estimate and design SE.

    ``se_logit``: the SE of logit(p) from replicate weights (R's logit interval on a
    replicate design); else the logit interval uses the delta method SE / (p (1 − p)). The
    likelihood interval is not available with ``se_logit`` (R profiles a replicate svyglm).

    ``df`` (degrees of freedom) and ``n_rows`` (respondents behind the estimate) are scalars
    or one per proportion; a domain estimate uses the domain's, as R's ``svyciprop`` on
    ``subset(design, ...)`` does (see :func:`domain_df`).
    As R's ``svyciprop``: logit (Wald interval on the logit scale with t_df), xlogit (the
    same from svymean's SE by the delta method; differs from logit on replicate designs), beta
    (Korn-Graubard, effective n with R's df correction), asin, mean (p ± t·SE), likelihood
    (R's profile of the quasibinomial svyglm, reproduced step by step). wilson:
    Wilson score interval on the effective sample size p(1-p)/SE² with t_df quantile
    (no R equivalent).
    """
    p = np.atleast_1d(np.asarray(p, dtype=float))
    se = np.atleast_1d(np.asarray(se, dtype=float))
    df = np.broadcast_to(np.asarray(df, dtype=float), p.shape)
    n_rows = np.broadcast_to(np.asarray(n_rows, dtype=float), p.shape)
    alpha = 1 - level
    t = t_ppf(1 - alpha / 2, df)
    if method not in CI_METHODS:
        raise InputError(f"CI method must be one of {', '.join(CI_METHODS)}, got {method!r}")
    degenerate = ~((p > 0) & (p < 1) & (se > 0))
    ps = np.where(degenerate, 0.5, p)
    ses = np.where(degenerate, 0.1, se)
    if se_logit is not None and method == "likelihood":
        raise InputError(
            "the likelihood interval is not available for replicate weights; "
            "choose logit, beta, asin or mean"
        )
    if method == "xlogit":
        # R: the delta method on logit(p) from svymean's SE (also on replicate designs).
        eta = logit(ps)
        se_eta = ses / (ps * (1 - ps))
        lo, hi = expit(eta - t * se_eta), expit(eta + t * se_eta)
    elif method == "logit":
        eta = logit(ps)
        if se_logit is None:
            se_eta = ses / (ps * (1 - ps))
        else:
            se_eta = np.where(degenerate, 1.0, np.broadcast_to(se_logit, ps.shape))
        lo, hi = expit(eta - t * se_eta), expit(eta + t * se_eta)
    elif method == "mean":
        lo, hi = ps - t * ses, ps + t * ses
    elif method == "asin":
        eta = np.arcsin(np.sqrt(ps))
        se_eta = ses / (2 * np.sqrt(ps * (1 - ps)))
        lo = np.sin(np.clip(eta - t * se_eta, 0, np.pi / 2)) ** 2
        hi = np.sin(np.clip(eta + t * se_eta, 0, np.pi / 2)) ** 2
    elif method == "beta":
        n_eff = ps * (1 - ps) / ses**2
        from scipy import special  # the Korn-Graubard interval only

        ratio = special.stdtrit(n_rows - 1, alpha / 2) / special.stdtrit(df, alpha / 2)
        n_eff = n_eff * ratio**2
        lo = special.betaincinv(n_eff * ps, n_eff * (1 - ps) + 1, alpha / 2)
        hi = special.betaincinv(n_eff * ps + 1, n_eff * (1 - ps), 1 - alpha / 2)
    elif method == "wilson":
        n_eff = ps * (1 - ps) / ses**2
        centre = (ps + t**2 / (2 * n_eff)) / (1 + t**2 / n_eff)
        half = t / (1 + t**2 / n_eff) * np.sqrt(ps * (1 - ps) / n_eff + t**2 / (4 * n_eff**2))
        lo, hi = centre - half, centre + half
    else:
        lo, hi = _likelihood_ci(ps, ses, df, n_rows, alpha)
    out = np.column_stack([lo, hi])
    out[degenerate] = np.column_stack([p, p])[degenerate]
    return out


def _likelihood_ci(p, se, df, n_rows, alpha):
    """R's svyciprop(method="likelihood"): the profile of the intercept-only quasibinomial
    svyglm, computed as R's profiler does it (9 steps each way, an FMM spline through the
    signed root deviances, then linear inverse interpolation at the design-adjusted cut-off).

    With weights scaled to mean 1 the deviance is 2 n KL(p, q) and R's dispersion (svyvar of
    the Pearson residuals) is n / (n - 1), so the profiled statistic is 2 (n - 1) KL(p, q).
    """
    from scipy import special, stats  # 0.7 s to import: only these intervals need it

    lo = np.empty_like(p)
    hi = np.empty_like(p)
    for i in range(p.size):
        pi, n = p[i], n_rows[i]
        eta0 = special.logit(pi)
        sigma = se[i] / (pi * (1 - pi))
        t = stats.t.ppf(alpha / 2, df[i])
        lam = sigma**2 * n * pi * (1 - pi)
        alpha_p = stats.norm.cdf(t * np.sqrt(lam)) / 2
        zmax = np.sqrt(stats.f.isf(alpha_p, 1, n - 1))
        step_size = zmax / 5
        pars, zs = [eta0], [0.0]
        for sgn in (-1.0, 1.0):
            z = 0.0
            step = 1
            while step < 10 and abs(z) < zmax:
                b = eta0 + sgn * step * step_size * sigma
                q = special.expit(b)
                kl = pi * np.log(pi / q) + (1 - pi) * np.log((1 - pi) / (1 - q))
                z = sgn * np.sqrt(max(2 * (n - 1) * kl, 0.0))
                pars.append(b)
                zs.append(z)
                step += 1
        order = np.argsort(zs, kind="stable")
        x = np.asarray(pars)[order]
        y = np.asarray(zs)[order]
        grid = np.linspace(x.min(), x.max(), 3 * x.size)
        xs = np.argsort(x, kind="stable")
        sy = _fmm_spline(x[xs], y[xs], grid)
        zo = np.argsort(sy, kind="stable")
        cut = t * np.sqrt(lam)
        lo[i], hi[i] = special.expit(np.interp([cut, -cut], sy[zo], grid[zo]))
    return lo, hi


def _fmm_spline(x: np.ndarray, y: np.ndarray, out: np.ndarray) -> np.ndarray:
    """R's ``spline(method="fmm")``: cubic spline whose end third derivatives match those of
    the cubics through the four end points (Forsythe, Malcolm & Moler)."""
    n = x.size
    b = np.zeros(n)
    c = np.zeros(n)
    d = np.zeros(n)
    nm1 = n - 1
    d[0] = x[1] - x[0]
    c[1] = (y[1] - y[0]) / d[0]
    for i in range(1, nm1):
        d[i] = x[i + 1] - x[i]
        b[i] = 2.0 * (d[i - 1] + d[i])
        c[i + 1] = (y[i + 1] - y[i]) / d[i]
        c[i] = c[i + 1] - c[i]
    b[0] = -d[0]
    b[nm1] = -d[n - 2]
    c[0] = c[nm1] = 0.0
    if n > 3:
        c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0])
        c[nm1] = c[n - 2] / (x[nm1] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4])
        c[0] = c[0] * d[0] * d[0] / (x[3] - x[0])
        c[nm1] = -c[nm1] * d[n - 2] * d[n - 2] / (x[nm1] - x[n - 4])
    for i in range(1, n):
        t = d[i - 1] / b[i - 1]
        b[i] = b[i] - t * d[i - 1]
        c[i] = c[i] - t * c[i - 1]
    c[nm1] = c[nm1] / b[nm1]
    for i in range(n - 2, -1, -1):
        c[i] = (c[i] - d[i] * c[i + 1]) / b[i]
    b[nm1] = (y[n - 1] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2.0 * c[nm1])
    for i in range(nm1):
        b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2.0 * c[i])
        d[i] = (c[i + 1] - c[i]) / d[i]
        c[i] = 3.0 * c[i]
    c[nm1] = 3.0 * c[nm1]
    d[nm1] = d[n - 2]
    seg = np.clip(np.searchsorted(x, out, side="right") - 1, 0, nm1)
    dx = out - x[seg]
    return y[seg] + dx * (b[seg] + dx * (c[seg] + dx * d[seg]))


def by(
    design: Survey,
    values: Values,
    groups: Values,
    *,
    statistic: str = "proportions",
    method: str = "logit",
    level: float = 0.95,
    domain: Values | None = None,
) -> dict:
    """Estimates within each group, each a domain of the whole design (R ``svyby``).

    ``statistic``: "proportions", "mean" or "total". Returns {group value: Estimate}, groups
    sorted; respondents missing the group are in no group; ``domain`` restricts every
    group to it (R's svyby on ``subset(design, ...)``).
    """
    g = _as_series(groups, design, "groups")
    s = _as_series(values, design)
    lev = levels_of(s) if statistic == "proportions" else None
    out = {}
    within = domain_mask(design, domain)
    for grp in levels_of(g[within]):
        mask = (g == grp).to_numpy() & within
        if statistic == "proportions":
            out[grp] = proportions(design, s, mask, method=method, level=level, levels=lev)
        elif statistic == "mean":
            out[grp] = mean(design, s, mask, level=level)
        elif statistic == "total":
            out[grp] = total(design, s, mask, level=level)
        else:
            raise InputError(f"statistic must be proportions, mean or total, got {statistic!r}")
    return out


def by_covariance(
    design: Survey,
    values: Values,
    groups: Values,
    *,
    statistic: str = "mean",
    level: float = 0.95,
    domain: Values | None = None,
) -> Estimate:
    """R's ``svyby(~x, ~g, design, svymean | svytotal, covmat=TRUE)``: the estimates of every
    group in one :class:`Estimate` with their full covariance, for :func:`contrast` between
    groups.

    ``statistic``: "mean", "total" or "proportions" (each level of ``values``). Labels are
    (group, level) pairs, levels outer and groups within them, as R orders its estimates.
    Replicate weights: every group's replicate estimates together through svrVar, as R
    does. Linearised: the design variance of the groups' stacked influence values (R's
    svyby.survey.design2 with covmat=TRUE: svyrecvar of the influence functions), so groups
    sharing PSUs have their covariance.
    """
    import pandas as pd

    if statistic not in ("mean", "total", "proportions"):
        raise InputError(f"statistic must be proportions, mean or total, got {statistic!r}")
    g = _as_series(groups, design, "groups")
    s = _as_series(values, design)
    within = domain_mask(design, domain)
    if statistic == "proportions":
        lev = levels_of(s)
        codes = pd.Categorical(s, categories=lev).codes
        x = np.zeros((design.n, len(lev)))
        x[np.flatnonzero(codes >= 0), codes[codes >= 0]] = 1.0
        present = codes >= 0
    else:
        lev = [statistic]
        x = _numeric(s)[:, None]
        present = ~np.isnan(x[:, 0])
    labels, estimates, columns, counts = [], [], [], []
    for grp in levels_of(g[within]):
        inside = (g == grp).to_numpy() & within & present
        w = np.where(inside, design.weights, 0.0)
        xz = np.where(inside[:, None], x, 0.0)
        if statistic == "total":
            est = w @ xz
            if design.replicates is not None:
                column = design.replicates.totals(design.weights, xz)
            else:
                column = w[:, None] * xz
        else:
            est = (w @ xz) / w.sum()
            if design.replicates is not None:
                column = replicate_means(design, xz, inside)
            else:
                column = np.where(inside[:, None], xz - est, 0.0) * (w / w.sum())[:, None]
        labels.extend((grp, lv) for lv in lev)
        estimates.append(est)
        columns.append(column)
        counts.extend([int(inside.sum())] * len(lev))
    est = np.concatenate(estimates)
    if design.replicates is not None:
        vcov = design.replicates.variance(est, np.hstack(columns))
    else:
        vcov = design.variance(np.hstack(columns))
    # R orders svyby's estimates level by level, the groups within each.
    order = np.arange(est.size).reshape(-1, len(lev)).T.ravel()
    est, vcov = est[order], vcov[np.ix_(order, order)]
    labels, counts = [labels[i] for i in order], [counts[i] for i in order]
    se = np.sqrt(np.clip(np.diag(vcov), 0, None))
    ci = _normal_ci(est, se, level)
    return Estimate(
        tuple(labels), est, se, ci, np.full(est.shape, np.nan), vcov, np.array(counts), design.df
    )
