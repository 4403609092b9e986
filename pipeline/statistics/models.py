"""More of R's survey estimators: ``svyratio``, ``svyvar``, ``svycontrast``, ``svyglm``
(gaussian, quasibinomial and quasipoisson: linear, logistic and log-linear regression) with
``regTermTest``, ``svyolr`` (proportional odds), ``svyttest``, ``svyquantile`` and
``calibrate`` (GREG linear, raking, logit, bounds).

On a linearised design every variance is the design's (:meth:`Survey.variance`) of the
estimator's influence values, as R's ``svyrecvar`` computes it; rows missing a variable or
outside ``domain`` keep their place in the design with zero influence (R's ``na.rm=TRUE`` /
``subset``). On a replicate-weight design each estimator is re-computed with every
replicate's weights over the same rows and the replicates combined by R's ``svrVar``, as the
``svyrep.design`` methods of R's survey package do (``svyglm`` refits the model per
replicate from the full-sample coefficients, as R's ``glm.fit(start=)`` does).
"""

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
    _normal_ci,
    _numeric,
    domain_df,
    domain_mask,
    levels_of,
    mean,
)
from pipeline.statistics.survey import Greg, Survey

FAMILIES: tuple[str, ...] = ("gaussian", "quasibinomial", "quasipoisson")
R_GLM_EPSILON = 1e-8  # glm.control(): |dev - dev_old| / (|dev| + 0.1) < epsilon
R_GLM_MAXIT = 25


def ratio(
    design: Survey, numerator: Values, denominator: Values, domain: Values | None = None
) -> Estimate:
    """R's ``svyratio(~y, ~x, design, na.rm=TRUE)``: Σwy / Σwx over rows with both values,
    influence (y − R x) / Σwx."""
    y = _numeric(_as_series(numerator, design, "numerator"))
    x = _numeric(_as_series(denominator, design, "denominator"))
    inside = domain_mask(design, domain) & ~np.isnan(y) & ~np.isnan(x)
    w = np.where(inside, design.weights, 0.0)
    yz, xz = np.where(inside, y, 0.0), np.where(inside, x, 0.0)
    x_total = w @ xz
    if x_total == 0:
        raise InputError("the denominator's weighted total is zero: the ratio is undefined")
    r = np.array([(w @ yz) / x_total])
    if design.replicates is not None:
        # R's svyratio.svyrep.design: the ratio of each replicate's totals.
        t = design.replicates.totals(design.weights, np.column_stack([yz, xz]))
        with np.errstate(divide="ignore", invalid="ignore"):
            vcov = design.replicates.variance(r, t[:, 0] / t[:, 1])
    else:
        vcov = design.variance((w * (yz - r[0] * xz) / x_total)[:, None])
    se = np.sqrt(np.diag(vcov))
    n_in = np.array([int(inside.sum())])
    return Estimate(
        ("ratio",), r, se, _normal_ci(r, se, 0.95), np.full(1, np.nan), vcov, n_in, design.df
    )


def variance(design: Survey, values: Values, domain: Values | None = None) -> Estimate:
    """R's ``svyvar(~x, design, na.rm=TRUE)``: the weighted mean of n/(n−1) (x − x̄)².

    Linearised: its SE is that mean's (x̄ held fixed, as R does) and, as in R, n counts the
    respondents of the domain, those missing x included. Replicate weights: R's
    ``svyvar.svyrep.design`` drops the rows missing x (n counts those with a value) and
    re-estimates x̄ and the variance with each replicate's weights."""
    x = _numeric(_as_series(values, design))
    in_domain = domain_mask(design, domain)
    inside = in_domain & ~np.isnan(x)
    if inside.sum() < 2:
        raise InputError("a variance needs at least two respondents with a value")
    centre = mean(design, x, inside).estimate[0]
    if design.replicates is not None:
        return _replicate_variance(design, x, inside, centre)
    n_in = int(in_domain.sum())
    squares = np.where(inside, (x - centre) ** 2 * n_in / (n_in - 1), np.nan)
    est = mean(design, squares, inside)
    return Estimate(
        ("variance",), est.estimate, est.se, est.ci, np.full(1, np.nan), est.vcov, est.n, design.df
    )


def _replicate_variance(design: Survey, x: np.ndarray, inside: np.ndarray, centre: float):
    """svyvar on replicate weights from each replicate's Σw, Σw d, Σw d² (d = x − the
    full-sample mean, which leaves the variance unchanged and keeps the sums small)."""
    n = int(inside.sum())
    d = np.where(inside, x - centre, 0.0)
    w = np.where(inside, design.weights, 0.0)
    est = np.array([n / (n - 1) * (w @ d**2) / w.sum()])
    sums = design.replicates.totals(design.weights, np.column_stack([inside, d, d**2]))
    with np.errstate(divide="ignore", invalid="ignore"):
        reps = n / (n - 1) * (sums[:, 2] / sums[:, 0] - (sums[:, 1] / sums[:, 0]) ** 2)
    vcov = design.replicates.variance(est, reps)
    se = np.sqrt(np.diag(vcov))
    return Estimate(
        ("variance",),
        est,
        se,
        _normal_ci(est, se, 0.95),
        np.full(1, np.nan),
        vcov,
        np.array([n]),
        design.df,
    )


@dataclass(frozen=True)
class Contrast:
    """Linear combinations L·θ of estimates: ``estimate``, ``se`` (length m), ``vcov``."""

    estimate: np.ndarray
    se: np.ndarray
    vcov: np.ndarray


def contrast(est: Estimate, coefficients: Sequence[float] | np.ndarray) -> Contrast:
    """R's ``svycontrast(stat, contrasts)`` for linear contrasts: ``coefficients`` is one
    row (length k) or m × k."""
    lmat = np.atleast_2d(np.asarray(coefficients, dtype=float))
    if lmat.shape[1] != est.estimate.size:
        raise InputError(
            f"a contrast needs {est.estimate.size} coefficients, one per "
            f"estimate ({', '.join(map(str, est.labels))})"
        )
    value = lmat @ est.estimate
    v = lmat @ est.vcov @ lmat.T
    return Contrast(value, np.sqrt(np.clip(np.diag(v), 0, None)), v)


# ----- regression -------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """A design-based generalised linear model (R's ``svyglm``).

    ``names``: the coefficients, R's names ("(Intercept)", "x", "gM" for level M of g);
    ``terms``: each predictor's coefficient positions; ``vcov``: the sandwich covariance;
    ``df``: residual degrees of freedom, degf + 1 − p (R's ``df.residual``); ``t``, ``p``:
    each coefficient's t test on ``df``.
    """

    names: tuple[str, ...]
    terms: dict[str, list[int]]
    coef: np.ndarray
    se: np.ndarray
    vcov: np.ndarray
    df: int
    t: np.ndarray
    p: np.ndarray
    family: str
    n: int


def glm(
    design: Survey,
    response: Values,
    predictors: Sequence[str],
    *,
    family: str = "gaussian",
    factors: Sequence[str] = (),
    domain: Values | None = None,
) -> Model:
    """R's ``svyglm(y ~ x1 + x2 + ..., design, family=gaussian() | quasibinomial() |
    quasipoisson())``.

    ``predictors`` are column names of the survey's data; text columns and those listed in
    ``factors`` enter as R's treatment contrasts (first sorted level as reference). Rows
    missing any variable, and rows outside ``domain``, have zero influence but stay in the
    design (R's na.omit on a survey.design2). Weights are rescaled to mean 1 as svyglm does.
    A singular model matrix (a predictor fully determined by others) is an InputError
    naming the predictors. On a replicate design the covariance is R's
    ``svyglm.svyrep.design``'s: the model refitted with each replicate's weights (normalised
    to sum 1) from the full-sample coefficients, the fits combined by svrVar; the residual df
    is then degf of the domain (its rows missing a variable included, as R counts them) + 1 − p.
    """
    if family not in FAMILIES:
        raise InputError(f"family must be one of {', '.join(FAMILIES)}, got {family!r}")
    y = _numeric(_as_series(response, design, "response"))
    x, names, terms, complete = _model_matrix(design, predictors, set(factors))
    in_domain = domain_mask(design, domain)
    inside = in_domain & complete & ~np.isnan(y)
    _check_response(y[inside], family)
    # svyglm rescales the weights to mean 1 over the design's (domain's) rows.
    w = np.where(inside, design.weights, 0.0) / design.weights[in_domain].mean()
    xi, yi = np.where(inside[:, None], x, 0.0), np.where(inside, y, 0.0)
    _check_rank(xi[inside], names, predictors)
    coef, work, score = _irls(xi, yi, w, family)
    if design.replicates is not None:
        vcov = _replicate_coef_vcov(design, xi[inside], yi[inside], inside, coef, family)
        df = design.domain_df(in_domain) + 1 - len(names)
    else:
        a_inv = np.linalg.inv(xi.T @ (xi * work[:, None]))
        vcov = design.variance((xi * score[:, None]) @ a_inv)
        # R: degf of the design after na.omit / subset (the rows with zero weight left out).
        df = domain_df(design, inside) + 1 - len(names)
    se = np.sqrt(np.diag(vcov))
    t = coef / se
    p = 2 * special.stdtr(df, -np.abs(t))
    return Model(tuple(names), terms, coef, se, vcov, int(df), t, p, family, int(inside.sum()))


def _check_response(y: np.ndarray, family: str) -> None:
    if family == "quasibinomial" and np.any((y < 0) | (y > 1)):
        raise InputError("a logistic model needs a response between 0 and 1")
    if family == "quasipoisson" and np.any(y < 0):
        raise InputError("a log-linear (quasipoisson) model needs a response of at least 0")


def _replicate_coef_vcov(
    design: Survey, x: np.ndarray, y: np.ndarray, inside: np.ndarray, coef: np.ndarray, family
) -> np.ndarray:
    """R's svyglm.svyrep.design: one fit per replicate (weights of the model's rows, scaled
    to sum 1, started at ``coef``), combined by svrVar."""
    reps = design.replicates
    rows = np.flatnonzero(inside)
    betas = np.empty((reps.n_replicates, coef.size))
    for r in range(reps.n_replicates):  # one weighted fit per replicate, as R
        wr = reps.replicate_weights(design.weights, r)[rows]
        betas[r] = _irls(x, y, wr / wr.sum(), family, start=coef)[0]
    return reps.variance(coef, betas)


def _model_matrix(design: Survey, predictors: Sequence[str], factors: set[str]):
    """Intercept, numeric columns as they are, categorical ones as treatment dummies; and
    which rows have every predictor."""
    columns, names = [np.ones(design.n)], ["(Intercept)"]
    terms: dict[str, list[int]] = {}
    complete = np.ones(design.n, dtype=bool)
    for name in predictors:
        values = design.values(name, "predictor")
        start = len(names)
        if name in factors or not pd.api.types.is_numeric_dtype(values):
            levels = levels_of(values)
            present = values.notna().to_numpy()
            for level in levels[1:]:
                columns.append((values == level).to_numpy(dtype=float))
                names.append(f"{name}{level}")
        else:
            x = _numeric(values)
            present = ~np.isnan(x)
            columns.append(np.where(present, x, 0.0))
            names.append(name)
        complete &= present
        terms[name] = list(range(start, len(names)))
    return np.column_stack(columns), names, terms, complete


def _check_rank(x: np.ndarray, names: list[str], predictors: Sequence[str]) -> None:
    if np.linalg.matrix_rank(x) < x.shape[1]:
        raise InputError(
            f"the model matrix is singular: the predictors {', '.join(predictors)} (columns "
            f"{', '.join(names[1:])}) are perfectly collinear or a level has no respondent"
        )


@dataclass(frozen=True)
class _Family:
    """A GLM family as R's glm.fit uses it: inverse link, dμ/dη, variance, deviance
    residuals and the starting μ (R's ``initialize``)."""

    linkinv: object
    linkfun: object
    mu_eta: object
    variance: object
    deviance: object
    start: object


def _binomial_deviance(y: np.ndarray, mu: np.ndarray, w: np.ndarray) -> float:
    return float(
        2
        * np.sum(
            w
            * (
                special.xlogy(y, y)
                - special.xlogy(y, mu)
                + special.xlogy(1 - y, 1 - y)
                - special.xlogy(1 - y, 1 - mu)
            )
        )
    )


def _poisson_deviance(y: np.ndarray, mu: np.ndarray, w: np.ndarray) -> float:
    return float(2 * np.sum(w * (special.xlogy(y, y) - special.xlogy(y, mu) - (y - mu))))


_EPS = np.finfo(float).eps
_LOGIT = _Family(
    linkinv=special.expit,
    linkfun=special.logit,
    mu_eta=lambda eta, mu: np.maximum(mu * (1 - mu), _EPS),
    variance=lambda mu: mu * (1 - mu),
    deviance=_binomial_deviance,
    start=lambda y, w: np.where(w > 0, (w * y + 0.5) / (w + 1), 0.5),
)
_LOG = _Family(
    linkinv=lambda eta: np.maximum(np.exp(eta), _EPS),
    linkfun=np.log,
    mu_eta=lambda eta, mu: np.maximum(np.exp(eta), _EPS),
    variance=lambda mu: mu,
    deviance=_poisson_deviance,
    start=lambda y, w: y + 0.1,
)
_FAMILY = {"quasibinomial": _LOGIT, "quasipoisson": _LOG}


def _irls(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, family: str, start: np.ndarray | None = None
):
    """Weighted least squares (gaussian), or R's glm.fit for the logit and log links step by
    step (R's starting μ, or η = x·``start``; deviance criterion 1e-8), since svyglm's
    sandwich takes R's last iteration as it is: returns the coefficients, the information's
    working weights (from the last iteration's start, as R's cov.unscaled) and each row's
    estimating-equation factor (R's working residual × working weight)."""
    if family == "gaussian":
        coef = np.linalg.solve(x.T @ (x * w[:, None]), x.T @ (w * y))
        return coef, w, w * (y - x @ coef)
    fam = _FAMILY[family]
    if start is None:
        mu = fam.start(y, w)
        eta = fam.linkfun(mu)
    else:
        eta = x @ start
        mu = fam.linkinv(eta)
    dev_old = fam.deviance(y, mu, w)
    good = w > 0
    for _ in range(R_GLM_MAXIT):
        d_mu = fam.mu_eta(eta, mu)
        zwork = eta + (y - mu) / d_mu
        work = np.where(good, w * d_mu**2 / fam.variance(mu), 0.0)
        coef = np.linalg.solve(x.T @ (x * work[:, None]), x.T @ (work * zwork))
        eta = x @ coef
        mu = fam.linkinv(eta)
        dev = fam.deviance(y, mu, w)
        if abs(dev - dev_old) / (abs(dev) + 0.1) < R_GLM_EPSILON:
            break
        dev_old = dev
    else:
        raise InputError(f"the {family} regression did not converge (separation?)")
    return coef, work, work * (y - mu) / fam.mu_eta(eta, mu)


@dataclass(frozen=True)
class WaldTest:
    """R's ``regTermTest`` (method "Wald"): F = β'V⁻¹β / df1 on (df1, df2)."""

    statistic: float
    df1: int
    df2: int
    p: float


def term_test(model: Model, term: str | Sequence[str]) -> WaldTest:
    """R's ``regTermTest(model, ~term)``: Wald F test that the term's coefficients are 0,
    denominator df the model's residual df."""
    names = [term] if isinstance(term, str) else list(term)
    unknown = [t for t in names if t not in model.terms]
    if unknown:
        raise InputError(f"the model has no term {unknown[0]!r} (terms: {', '.join(model.terms)})")
    index = [i for t in names for i in model.terms[t]]
    beta = model.coef[index]
    v = model.vcov[np.ix_(index, index)]
    if np.linalg.matrix_rank(v) < len(index):
        raise InputError(
            f"the variance of the coefficients of {', '.join(names)} is singular: "
            "the Wald test cannot be formed (perfect prediction?)"
        )
    chisq = float(beta @ np.linalg.solve(v, beta))
    df1 = len(index)
    f = chisq / df1
    return WaldTest(f, df1, model.df, float(special.fdtrc(df1, model.df, f)))


@dataclass(frozen=True)
class TTest:
    """R's ``svyttest(y ~ g, design)``: the difference in means (second group minus first),
    its t statistic on ``df`` and two-sided p."""

    difference: float
    se: float
    t: float
    df: int
    p: float


def ttest(design: Survey, values: Values, groups: Values, domain: Values | None = None) -> TTest:
    """R's ``svyttest(y ~ g, design)`` for a two-level ``groups``: the group coefficient of
    the gaussian svyglm, t on its residual df."""
    g = _as_series(groups, design, "groups")
    levels = levels_of(g)
    if len(levels) != 2:
        raise InputError(f"a t test needs exactly two groups, found {len(levels)}")
    data = pd.DataFrame(
        {"_y": _as_series(values, design).to_numpy(), "_g": g.to_numpy()}, index=design.data.index
    )
    local = _with_data(design, data)
    model = glm(local, "_y", ["_g"], factors=["_g"], domain=domain)
    return TTest(
        float(model.coef[1]), float(model.se[1]), float(model.t[1]), model.df, float(model.p[1])
    )


def _with_data(design: Survey, data: pd.DataFrame) -> Survey:
    """The same design over other variables (same rows)."""
    from dataclasses import replace

    return replace(design, data=data)


# ----- proportional odds (svyolr) ------------------------------------------------------------

OLR_HESSIAN_STEP = 1e-3  # R's optimhess: central differences of the gradient, ndeps = 1e-3
OLR_GRADIENT_TOL = 1e-10  # Newton until |gradient| < this × (1 + |log-likelihood|)
OLR_MAXIT = 100


@dataclass(frozen=True)
class OrdinalModel:
    """R's ``svyolr``: a proportional-odds (cumulative logit) model.

    ``names``: the predictors' coefficients (R's names) then the cut-points "a|b";
    ``coef``, ``se``, ``vcov`` over them in that order; ``df``: degf − the number of
    predictor coefficients (R's ``df.residual``); ``levels``: the response's ordered levels.
    """

    names: tuple[str, ...]
    coef: np.ndarray
    se: np.ndarray
    vcov: np.ndarray
    df: int
    levels: tuple
    n: int


def olr(
    design: Survey,
    response: Values,
    predictors: Sequence[str],
    *,
    factors: Sequence[str] = (),
    levels: Sequence | None = None,
    domain: Values | None = None,
) -> OrdinalModel:
    """R's ``svyolr(y ~ x1 + x2, design)`` (logistic): P(y ≤ k) = expit(ζ_k − x'β).

    ``response``: an ordinal item, its levels in ``levels`` order (default: sorted). The
    coefficients maximise the weighted likelihood exactly (Newton steps on R's analytic
    gradient, from R's starting values); R's optim(BFGS) stops about 1e-5 short of that
    optimum at its default tolerance (with ``control=list(reltol=1e-15)`` it agrees to 2e-8,
    the SEs to 1e-7). The variance is R's: the influence values (R's score per row times the inverse
    of R's Hessian, which R's optimhess takes by central differences of the gradient with
    step 1e-3) through the design. Rows missing a variable and rows outside ``domain`` have
    zero influence. On a replicate design (R's svyolr.svyrep.design) the model is refitted
    with each replicate's weights from the full-sample fit and the fits combined by svrVar
    (R refits with MASS::polr at optim's default tolerance, so R's SEs carry its ~1e-3
    relative error there); df is then degf of the domain, its rows missing a variable
    included (as R counts them), minus the predictors' coefficients.
    """
    y_values = _as_series(response, design, "response")
    lev = list(levels) if levels is not None else levels_of(y_values)
    codes = pd.Categorical(y_values, categories=lev).codes
    if len(lev) < 3:
        raise InputError(f"an ordinal model needs a response with 3 or more levels, got {lev}")
    x, names, _, complete = _model_matrix(design, predictors, set(factors))
    inside = domain_mask(design, domain) & complete & (codes >= 0)
    rows = np.flatnonzero(inside)
    xr, y, wt = x[rows, 1:], codes[rows] + 1, design.weights[rows]
    _check_rank(x[rows], names, predictors)
    q = len(lev) - 1
    fit = _OrdinalFit(xr, y, wt, q)
    par = fit.newton(fit.start())
    pc = xr.shape[1]
    coef = _olr_coefficients(par, pc)
    df = domain_df(design, inside) - pc
    if design.replicates is not None:
        reps = design.replicates
        betas = np.empty((reps.n_replicates, coef.size))
        for r in range(reps.n_replicates):  # one fit per replicate, as R
            wr = reps.replicate_weights(design.weights, r)[rows]
            betas[r] = _olr_coefficients(_OrdinalFit(xr, y, wr, q).newton(par), pc)
        vcov = reps.variance(coef, betas)
        df = design.domain_df(domain_mask(design, domain)) - pc
    else:
        a = np.eye(pc + q)
        a[pc:, pc:] = _olr_jacobian(par[pc:])
        vm = a @ np.linalg.pinv(fit.r_hessian(par)) @ a.T
        influence = np.zeros((design.n, pc + q))
        influence[rows] = fit.scores(par, logdiff=False) @ vm
        vcov = design.variance(influence)
    cuts = [
        f"{value_label(lo)}|{value_label(hi)}" for lo, hi in zip(lev[:-1], lev[1:], strict=True)
    ]
    return OrdinalModel(
        (*names[1:], *cuts),
        coef,
        np.sqrt(np.diag(vcov)),
        vcov,
        int(df),
        tuple(lev),
        int(rows.size),
    )


def _olr_coefficients(par: np.ndarray, pc: int) -> np.ndarray:
    """β then the cut-points ζ = cumsum(θ_1, exp(θ_2), ...)."""
    theta = par[pc:]
    return np.concatenate([par[:pc], np.cumsum(np.concatenate([theta[:1], np.exp(theta[1:])]))])


def value_label(value) -> str:
    """A level as text for a cut-point name ("1", not "1.0")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _olr_jacobian(theta: np.ndarray) -> np.ndarray:
    """dζ/dθ for ζ = cumsum(θ_1, exp(θ_2), ...) (R's jacobian in svyolr)."""
    k = theta.size
    mat = np.zeros((k, k))
    mat[:, 0] = 1.0
    for i in range(1, k):
        mat[i:, i] = np.exp(theta[i])
    return mat


class _OrdinalFit:
    """R's svyolr internals on the model's rows: the parameters are β then θ (ζ_1 = θ_1,
    ζ_k − ζ_{k−1} = exp(θ_k)), the objective −Σ w log P(y)."""

    def __init__(self, x: np.ndarray, y: np.ndarray, wt: np.ndarray, q: int) -> None:
        self.x, self.y, self.wt, self.q = x, y, wt, q
        self.pc = x.shape[1]
        cols = np.arange(1, q + 1)
        self.y1 = (cols[None, :] == y[:, None]).astype(float)
        self.y2 = (cols[None, :] == (y - 1)[:, None]).astype(float)

    def start(self) -> np.ndarray:
        """R's starting values: a logistic fit of y > q/2, cut-points spread around it."""
        q1 = (self.q + 1) // 2
        design = np.column_stack([np.ones(self.y.size), self.x])
        y1 = (self.y > q1).astype(float)
        coefs = _irls(design, y1, self.wt / self.wt.mean(), "quasibinomial")[0]
        spacing = special.logit(np.arange(1, self.q + 1) / (self.q + 1))
        spacing = spacing / 1.7  # R: method != "logit" is always true for "logistic"
        gammas = -coefs[0] + spacing - spacing[q1 - 1]
        return np.concatenate([coefs[1:], gammas[:1], np.log(np.diff(gammas))])

    def _parts(self, par: np.ndarray):
        beta, theta = par[: self.pc], par[self.pc :]
        gamm = np.concatenate([[-100.0], np.cumsum(np.concatenate([theta[:1], np.exp(theta[1:])]))])
        gamm = np.append(gamm, 100.0)
        eta = self.x @ beta
        upper, lower = gamm[self.y] - eta, gamm[self.y - 1] - eta
        pr = special.expit(upper) - special.expit(lower)
        return theta, pr, _dlogis(upper), _dlogis(lower)

    def objective(self, par: np.ndarray) -> float:
        _, pr, _, _ = self._parts(par)
        return float(-np.sum(self.wt * np.log(pr))) if np.all(pr > 0) else np.inf

    def scores(self, par: np.ndarray, logdiff: bool) -> np.ndarray:
        """R's gmini: each row's gradient of −w log P(y) (in ζ, or in θ with ``logdiff``)."""
        theta, pr, p1, p2 = self._parts(par)
        g1 = self.x * (self.wt * (p1 - p2) / pr)[:, None]
        g2 = -(self.y1 * p1[:, None] - self.y2 * p2[:, None]) * (self.wt / pr)[:, None]
        if logdiff:
            g2 = g2 @ _olr_jacobian(theta)
        return np.column_stack([g1, g2])

    def gradient(self, par: np.ndarray) -> np.ndarray:
        return self.scores(par, logdiff=True).sum(axis=0)

    def r_hessian(self, par: np.ndarray, step: float = OLR_HESSIAN_STEP) -> np.ndarray:
        """R's optimhess: row i = (g(par + h e_i) − g(par − h e_i)) / 2h, symmetrised."""
        k = par.size
        h = np.empty((k, k))
        for i in range(k):
            up, down = par.copy(), par.copy()
            up[i] += step
            down[i] -= step
            h[i] = (self.gradient(up) - self.gradient(down)) / (2 * step)
        return (h + h.T) / 2

    def newton(self, par: np.ndarray) -> np.ndarray:
        """Newton steps (Hessian by fine central differences), halved while they raise the
        objective beyond its rounding, until the gradient vanishes."""
        value = self.objective(par)
        for _ in range(OLR_MAXIT):
            g = self.gradient(par)
            if np.max(np.abs(g)) < OLR_GRADIENT_TOL * (1 + abs(value)):
                return par
            step = np.linalg.solve(self.r_hessian(par, 1e-6), g)
            for _ in range(60):
                trial = par - step
                trial_value = self.objective(trial)
                # Near the optimum a step changes the objective by less than its rounding.
                if trial_value <= value + 64 * np.finfo(float).eps * abs(value):
                    break
                step = step / 2
            else:  # no lower point: the optimum to rounding, unless the gradient says not
                if np.max(np.abs(g)) > 1e-6 * (1 + abs(value)):
                    break
                return par
            par, value = trial, trial_value
        raise InputError("the ordinal model did not converge (a level predicted perfectly?)")


def _dlogis(u: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(u))
    return e / (1 + e) ** 2


# ----- quantiles ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantile:
    """R's ``svyquantile`` (survey ≥ 4.1 defaults): ``quantile``, its Woodruff interval
    ``ci`` (lower, upper) and ``se`` = (upper − lower) / (2 t), t on ``df``."""

    probability: float
    quantile: float
    ci: tuple[float, float]
    se: float
    df: int


def quantiles(
    design: Survey,
    values: Values,
    probabilities: Sequence[float],
    *,
    alpha: float = 0.05,
    domain: Values | None = None,
    interval: str = "mean",
) -> list[Quantile]:
    """R's ``svyquantile(~x, design, quantiles, na.rm=TRUE)`` with its defaults
    ``qrule="math"`` (the smallest x whose weighted share reaches p, the lower one on a tie)
    and ``interval.type="mean"`` (Woodruff: the quantiles at the ends of the t interval of
    the weighted share below the estimate, on the design's degrees of freedom; on a
    replicate design the share's SE is the replicates').

    ``interval="quantile"`` (replicate designs only, R's ``interval.type="quantile"``): the
    quantile re-estimated with each replicate's weights, its svrVar SE, and the interval
    quantile ± t·SE."""
    if interval not in ("mean", "quantile"):
        raise InputError(f"interval must be mean or quantile, got {interval!r}")
    if interval == "quantile" and design.replicates is None:
        raise InputError("interval='quantile' needs a replicate-weight design")
    x = _numeric(_as_series(values, design))
    inside = domain_mask(design, domain) & ~np.isnan(x)
    if not inside.any():
        raise InputError("no respondent has a value: no quantile")
    df = domain_df(design, inside)
    t = float(special.stdtrit(df, 1 - alpha / 2))
    xs, ws = x[inside], design.weights[inside]
    order = np.argsort(xs, kind="stable")
    xs, cum, whole = xs[order], r_cumsum(ws[order]), r_sum(ws)
    out = []
    for p in probabilities:
        if not 0 <= p <= 1:
            raise InputError(f"a quantile's probability must be between 0 and 1, got {p}")
        q = _math_rule(xs, cum, whole, p)
        if interval == "quantile":
            se = _replicate_quantile_se(design, x, inside, p, q)
            out.append(Quantile(float(p), q, (q - t * se, q + t * se), se, df))
            continue
        share = mean(design, (x <= q).astype(float), inside)
        low, high = share.estimate[0] - t * share.se[0], share.estimate[0] + t * share.se[0]
        lower = _math_rule(xs, cum, whole, low) if 0 <= low <= 1 else float("nan")
        upper = _math_rule(xs, cum, whole, high) if 0 <= high <= 1 else float("nan")
        out.append(Quantile(float(p), q, (lower, upper), (upper - lower) / (2 * t), df))
    return out


def _replicate_quantile_se(
    design: Survey, x: np.ndarray, inside: np.ndarray, p: float, q: float
) -> float:
    """R's repCI: svrVar of the quantiles by each replicate's weights (rows of zero weight
    left out, as R's qrule does), centred at the full-sample ``q`` under mse."""
    reps = design.replicates
    rows = np.flatnonzero(inside)
    qs = np.empty(reps.n_replicates)
    for r in range(reps.n_replicates):
        wr = reps.replicate_weights(design.weights, r)[rows]
        keep = wr != 0
        xr, wr = x[rows][keep], wr[keep]
        order = np.argsort(xr, kind="stable")
        qs[r] = _math_rule(xr[order], r_cumsum(wr[order]), r_sum(wr), p)
    return float(np.sqrt(reps.variance(np.array([q]), qs)[0, 0]))


def r_cumsum(w: np.ndarray) -> np.ndarray:
    """R's cumsum: accumulated in long double, each sum rounded to double. With equal
    weights p × total often ties a cumulative sum exactly, and which side of it R's rule
    falls on depends on these roundings."""
    return np.cumsum(w.astype(np.longdouble)).astype(float)


def r_sum(w: np.ndarray) -> float:
    """R's sum(): one long double accumulation in the given order, rounded to double."""
    return float(np.cumsum(w.astype(np.longdouble))[-1]) if w.size else 0.0


def _math_rule(xs: np.ndarray, cum: np.ndarray, whole: float, p: float) -> float:
    """R's qrule_math on sorted values ``xs`` with cumulative weights ``cum`` (R's qs(): the
    last position with cum ≤ p × ``whole``, the weights' sum; the next value unless it ties)."""
    below = np.flatnonzero(cum <= p * whole)
    if below.size == 0:
        return float(xs[0])
    pos = int(below[-1])
    if p - cum[pos] / whole == 0:
        return float(xs[pos])
    return float(xs[min(pos + 1, xs.size - 1)])


# ----- calibration ------------------------------------------------------------------------

CALFUNS: tuple[str, ...] = ("linear", "raking", "logit")
RESCALE_THRESHOLD = 20  # R's grake: rescale the weights when every total is 20× the sample's


def calibrate(
    design: Survey,
    auxiliaries: Sequence[str],
    totals: dict[str, float],
    *,
    calfun: str = "linear",
    factors: Sequence[str] = (),
    bounds: tuple[float, float] = (-np.inf, np.inf),
    epsilon: float = 1e-7,
    maxit: int = 50,
) -> Survey:
    """R's ``calibrate(design, ~x1 + x2, population, calfun=, bounds=)``: weights w·g with
    the weighted totals of the model matrix (intercept, numeric auxiliaries, treatment
    dummies of categorical ones, R's names: "(Intercept)", "stypeH", "api99") equal to
    ``totals``; g from R's grake (Newton steps until every |misfit| / (1 + |total|) <
    ``epsilon``); the variance residualises on the calibration as R's svyrecvar does.
    ``calfun``: "linear" (GREG), "raking" or "logit" (R's cal.logit: g = F(x'η) runs
    smoothly between the ``bounds`` L < 1 < U, which it needs); ``bounds`` on g."""
    if calfun not in CALFUNS:
        raise InputError(f"calfun must be one of {', '.join(CALFUNS)}, got {calfun!r}")
    x, names, _, complete = _model_matrix(design, auxiliaries, set(factors))
    if not complete.all():
        row = int(np.flatnonzero(~complete)[0]) + 2
        raise InputError("calibration needs every auxiliary variable for every respondent", row=row)
    missing = [name for name in names if name not in totals]
    if missing:
        raise InputError(
            f"no population total for {missing[0]!r} (the model matrix has {', '.join(names)})"
        )
    population = np.array([float(totals[name]) for name in names])
    w = design.weights
    g = _grake(x, w, population, calfun, bounds, epsilon, maxit)
    whalf = np.sqrt(w)
    basis, _ = np.linalg.qr(x * whalf[:, None])
    return design.with_weights(w * g, Greg(basis, g * whalf))


def _calfun(calfun: str, bounds: tuple[float, float]):
    """R's calibration functions as (F − 1, dF): cal.linear, cal.raking (both truncated at
    the bounds) and cal.logit (bounded by construction: g runs from L to U)."""
    lower, upper = bounds
    if calfun == "logit":
        if not (np.isfinite(lower) and np.isfinite(upper)):
            raise InputError("logit calibration needs finite bounds, e.g. bounds=(0.5, 2)")
        if not lower < 1 < upper:
            raise InputError(f"logit calibration needs bounds around 1, got {bounds}")
        a = (upper - lower) / ((upper - 1) * (1 - lower))

        def fm1(u):
            e = np.exp(a * u)
            return (lower * (upper - 1) + upper * (1 - lower) * e) / (
                upper - 1 + (1 - lower) * e
            ) - 1

        def deriv(u):
            e = np.exp(a * u)
            den = upper - 1 + (1 - lower) * e
            num = lower * (upper - 1) + upper * (1 - lower) * e
            return upper * (1 - lower) * e * a / den - num * ((1 - lower) * e * a) / den**2

        return fm1, deriv
    linear = calfun == "linear"

    def fm1(u):
        core = u + 1 if linear else np.exp(u)
        return np.clip(core, lower, upper) - 1

    def deriv(u):
        # R's dF for both: the same test on u against the bounds − 1.
        inside = (u < upper - 1) & (u > lower - 1)
        return np.where(inside, 1.0 if linear else np.exp(u), 0.0)

    return fm1, deriv


def _grake(x, w, population, calfun, bounds, epsilon, maxit) -> np.ndarray:
    """R's grake: Newton iterations on the calibration equations, halving a step whose g or
    dF is not finite (the logit's exponentials can overflow), as R does."""
    fm1, deriv = _calfun(calfun, bounds)
    sample_total = x.T @ w
    scales = population / sample_total
    scale = None
    if np.min(scales) > RESCALE_THRESHOLD:
        scale = float(np.mean(scales))
        w = w * scale
        sample_total = sample_total * scale
    eta = np.zeros(x.shape[1])
    xeta = x @ eta
    iteration = 1
    with np.errstate(over="ignore", invalid="ignore"):
        while True:
            tmat = (x * (w * deriv(xeta))[:, None]).T @ x
            misfit = population - sample_total - x.T @ (w * fm1(xeta))
            step = np.linalg.pinv(tmat, rcond=256 * np.finfo(float).eps) @ misfit
            eta = eta + step
            xeta = x @ eta
            while iteration < maxit and not (
                np.all(np.isfinite(fm1(xeta))) and np.all(np.isfinite(deriv(xeta)))
            ):
                iteration += 1
                step = step / 2
                eta = eta - step
                xeta = x @ eta
            misfit = population - sample_total - x.T @ (w * fm1(xeta))
            if np.all(np.abs(misfit) / (1 + np.abs(population)) < epsilon):
                break
            iteration += 1
            if iteration > maxit:
                raise InputError(
                    f"calibration did not converge in {maxit} iterations; check that "
                    "the totals are consistent with each other and with the bounds"
                )
    g = 1 + fm1(xeta)
    return g * scale if scale is not None else g
