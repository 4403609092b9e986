"""The F, chi-square, Student t and normal distribution functions a cross-tab needs, in numpy
as well as scipy's.

``scipy.special`` costs about 0.25 s to import, more than a 500,000-row cross-tab computes:
``survey crosstab``, which computes one table, calls :func:`prefer_numpy` and gets the numpy
functions here; everything else gets scipy's (C, faster per call: a battery of 300 tables on
a million rows needs that; and the numbers the pipeline always gave). The numpy ones
follow the classical constructions (Numerical Recipes §6.2 and §6.4): the regularised
incomplete beta function by its continued fraction (modified Lentz), the regularised
incomplete gamma function by its series or continued fraction, with the log prefactors
computed without cancellation for the large degrees of freedom of a survey (Stirling's series
for the difference of log-gammas). Relative accuracy against R: about 1e-14
up to 10,000 degrees of freedom, 1e-11 at 500,000, a few 1e-10 at 5,000,000 (the continued
fraction's rounding near x = 1); tests/test_distributions.py checks it against R.

Missing or meaningless arguments (NaN, degrees of freedom ≤ 0) give NaN, as scipy does.
"""

from __future__ import annotations

import math
import sys

import numpy as np

_NUMPY_ONLY = False  # set by prefer_numpy(): a process that computes one table

_EPS = 1e-16
_TINY = 1e-300
_MAX_ITER = 100_000  # the beta fraction needs O(sqrt(a)) terms near its switch point
_SCALAR_SIZE = 12  # up to this many values, the fraction runs one value at a time
_STIRLING = (  # ω(x) = lgamma(x) - ((x - ½) ln x - x + ½ ln 2π): 1/12x - 1/360x³ + ...
    1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156,
)  # fmt: skip
_LGAMMA = np.frompyfunc(math.lgamma, 1, 1)


def _lgamma(x: np.ndarray) -> np.ndarray:
    """ln Γ(x) for x > 0 (NaN elsewhere: the callers refuse those arguments)."""
    x = np.asarray(x, dtype=float)
    positive = x > 0
    return np.where(positive, np.asarray(_LGAMMA(np.where(positive, x, 1.0)), dtype=float), np.nan)


def _stirling_rest(x: np.ndarray) -> np.ndarray:
    """ω(x) for x ≥ 10 (terms to x⁻¹³: below 1e-16 there)."""
    inv, inv2 = 1 / x, 1 / (x * x)
    total = np.zeros_like(x)
    for coef in reversed(_STIRLING):
        total = total * inv2 + coef
    return total * inv


def _lbeta(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """ln B(a, b), without the cancellation of lgamma(a) + lgamma(b) - lgamma(a + b) when
    the larger argument is large (a survey's degrees of freedom)."""
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    small = _lgamma(a) + _lgamma(b) - _lgamma(a + b)
    big = np.maximum(hi, 10.0)
    # lgamma(hi) - lgamma(hi + lo) by Stirling's series, the large terms cancelled by hand
    diff = (
        -(big + lo - 0.5) * np.log1p(lo / big)
        - lo * np.log(big)
        + lo
        + _stirling_rest(big)
        - _stirling_rest(big + lo)
    )
    return np.where(hi >= 10, _lgamma(lo) + diff, small)


def _beta_fraction(a: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The continued fraction of I_x(a, b) (modified Lentz), elementwise: a few values one by
    one in Python floats (numpy's per-call cost dominates tiny arrays), many vectorised."""
    if x.size <= _SCALAR_SIZE:
        values = [_beta_fraction_one(*v) for v in zip(a.flat, b.flat, x.flat, strict=True)]
        return np.array(values, dtype=float).reshape(x.shape)
    return _beta_fraction_array(a, b, x)


def _beta_fraction_one(a: float, b: float, x: float) -> float:
    qab, qap, qam = a + b, a + 1, a - 1
    c = 1.0
    d = 1 - qab * x / qap
    d = 1 / (d if abs(d) >= _TINY else _TINY)
    h = d
    for m in range(1, _MAX_ITER + 1):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) >= _TINY else _TINY)
        c = 1 + aa / c
        c = c if abs(c) >= _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) >= _TINY else _TINY)
        c = 1 + aa / c
        c = c if abs(c) >= _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1) <= _EPS:
            break
    return h


def _beta_fraction_array(a: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    qab, qap, qam = a + b, a + 1, a - 1
    c = np.ones_like(x)
    d = 1 - qab * x / qap
    d = 1 / np.where(np.abs(d) < _TINY, _TINY, d)
    h = d.copy()
    active = np.ones(x.shape, dtype=bool)
    for m in range(1, _MAX_ITER + 1):
        m2 = 2 * m
        for aa in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1 + aa * d
            d = 1 / np.where(np.abs(d) < _TINY, _TINY, d)
            c = 1 + aa / c
            c = np.where(np.abs(c) < _TINY, _TINY, c)
            delta = d * c
            h = np.where(active, h * delta, h)
        active &= np.abs(delta - 1) > _EPS
        if not active.any():
            break
    return h


def _betainc(a, b, x, y) -> np.ndarray:
    """Regularised incomplete beta I_x(a, b), given x and y = 1 - x (each computed without
    cancellation by the caller)."""
    a, b, x, y = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (a, b, x, y)))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        log_x = np.where(y < 0.5, np.log1p(-y), np.log(x))
        log_y = np.where(x < 0.5, np.log1p(-x), np.log(y))
        front = np.exp(a * log_x + b * log_y - _lbeta(a, b))
        direct = x < (a + 1) / (a + b + 2)
        # The fraction converges on the side below the mean; the other tail by symmetry.
        aa, bb, xx = np.where(direct, a, b), np.where(direct, b, a), np.where(direct, x, y)
        ok = np.isfinite(aa) & np.isfinite(bb) & (xx > 0) & (xx < 1)
        fraction = _beta_fraction(
            np.where(ok, aa, 1.0), np.where(ok, bb, 1.0), np.where(ok, xx, 0.5)
        )
        tail = front * fraction / aa
        value = np.where(direct, tail, 1 - tail)
    value = np.where(x <= 0, 0.0, np.where(y <= 0, 1.0, value))
    bad = ~((a > 0) & (b > 0)) | np.isnan(x) | np.isnan(y)
    return np.where(bad, np.nan, value)


def _f_sf_numpy(f, d1, d2) -> np.ndarray:
    """P(F > f) of the F distribution on (d1, d2) degrees of freedom (scipy's fdtrc)."""
    f, d1, d2 = (np.asarray(v, dtype=float) for v in (f, d1, d2))
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = d1 * np.maximum(f, 0.0)
        x = d2 / (d2 + scaled)
        y = scaled / (d2 + scaled)
        p = _betainc(d2 / 2, d1 / 2, x, y)
    p = np.where(f <= 0, 1.0, np.where(np.isposinf(f), 0.0, p))
    return np.where(np.isnan(f) | ~(d1 > 0) | ~(d2 > 0), np.nan, p)


def _t_cdf_numpy(t, df) -> np.ndarray:
    """P(T ≤ t) of Student's t on ``df`` degrees of freedom (scipy's stdtr)."""
    t, df = np.broadcast_arrays(np.asarray(t, dtype=float), np.asarray(df, dtype=float))
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        t2 = t * t
        x = df / (df + t2)
        y = t2 / (df + t2)
        tail = 0.5 * _betainc(df / 2, np.full(df.shape, 0.5), x, y)  # P(T < -|t|)
    p = np.where(t < 0, tail, 1 - tail)
    p = np.where(np.isinf(t), np.where(t > 0, 1.0, 0.0), p)
    return np.where(np.isnan(t) | ~(df > 0), np.nan, p)


def _t_density(t: np.ndarray, df: np.ndarray) -> np.ndarray:
    log_norm = -_lbeta(df / 2, np.full(df.shape, 0.5)) - 0.5 * np.log(df)
    return np.exp(log_norm - (df + 1) / 2 * np.log1p(t * t / df))


def _t_ppf_numpy(p, df) -> np.ndarray:
    """The ``p`` quantile of Student's t on ``df`` degrees of freedom (scipy's stdtrit), by
    Newton's method on :func:`t_cdf` from the Cornish-Fisher start; each distinct (p, df)
    pair is solved once (a table's cells share a few degrees of freedom)."""
    p, df = np.broadcast_arrays(np.asarray(p, dtype=float), np.asarray(df, dtype=float))
    pairs, where = np.unique(np.stack([p.reshape(-1), df.reshape(-1)]), axis=1,
                             return_inverse=True)  # fmt: skip
    return _t_ppf(pairs[0], pairs[1])[where.reshape(-1)].reshape(p.shape)


def _t_ppf(p: np.ndarray, df: np.ndarray) -> np.ndarray:
    ok = (df > 0) & (p > 0) & (p < 1)
    dfs, ps = np.where(ok, df, 1.0), np.where(ok, p, 0.5)
    z = _norm_ppf_numpy(ps)
    # Abramowitz & Stegun 26.7.5: a start within 1e-12 from a few hundred degrees of freedom
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    t = z + g1 / dfs + g2 / dfs**2 + g3 / dfs**3 + g4 / dfs**4
    t = np.where(dfs == 1, np.tan(np.pi * (ps - 0.5)), t)
    t = np.where(dfs == 2, (2 * ps - 1) / np.sqrt(2 * ps * (1 - ps)), t)
    for _ in range(50):
        step = (_t_cdf_numpy(t, dfs) - ps) / _t_density(t, dfs)
        step = np.where(np.isfinite(step), step, 0.0)
        t = t - step
        # 1e-12: the CDF's own accuracy at a survey's large degrees of freedom is ~1e-13
        if np.all(np.abs(step) <= 1e-12 * np.maximum(np.abs(t), 1e-300)):
            break
    out = np.where(ok, t, np.nan)
    out = np.where((df > 0) & (p == 0), -np.inf, out)
    return np.where((df > 0) & (p == 1), np.inf, out)


def _norm_ppf_numpy(p) -> np.ndarray:
    """The ``p`` quantile of the standard normal (scipy's ndtri): Acklam's rational
    approximation refined by two Halley steps on math.erfc (full double precision)."""
    p = np.asarray(p, dtype=float)
    flat = np.array([_norm_ppf(float(v)) for v in p.reshape(-1)])
    return flat.reshape(p.shape)


_A = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02,
      1.383577518672690e02, -3.066479806614716e01, 2.506628277459239e00)  # fmt: skip
_B = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02,
      6.680131188771972e01, -1.328068155288572e01)  # fmt: skip
_C = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00,
      -2.549732539343734e00, 4.374664141464968e00, 2.938163982698783e00)  # fmt: skip
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00,
      3.754408661907416e00)  # fmt: skip


def _norm_ppf(p: float) -> float:
    if math.isnan(p) or p < 0 or p > 1:
        return math.nan
    if p in (0.0, 1.0):
        return -math.inf if p == 0 else math.inf
    q = min(p, 1 - p)
    if q < 0.02425:
        r = math.sqrt(-2 * math.log(q))
        x = (((((_C[0] * r + _C[1]) * r + _C[2]) * r + _C[3]) * r + _C[4]) * r + _C[5]) / (
            (((_D[0] * r + _D[1]) * r + _D[2]) * r + _D[3]) * r + 1
        )
        x = x if p < 0.5 else -x
    else:
        r = (p - 0.5) ** 2
        x = (
            (((((_A[0] * r + _A[1]) * r + _A[2]) * r + _A[3]) * r + _A[4]) * r + _A[5])
            * (p - 0.5)
            / (((((_B[0] * r + _B[1]) * r + _B[2]) * r + _B[3]) * r + _B[4]) * r + 1)
        )
    for _ in range(2):  # Halley on Φ(x) - p, Φ from erfc in the tail it is accurate in
        if x < 0:
            err = 0.5 * math.erfc(-x / math.sqrt(2)) - p
        else:
            err = (1 - p) - 0.5 * math.erfc(x / math.sqrt(2))
        u = err * math.sqrt(2 * math.pi) * math.exp(x * x / 2)
        x = x - u / (1 + x * u / 2)
    return x


def _chi2_sf_numpy(x: float, k: float) -> float:
    """P(X > x) of the chi-square distribution on ``k`` degrees of freedom (scipy's
    chdtrc): the regularised upper incomplete gamma Q(k/2, x/2)."""
    if math.isnan(x) or math.isnan(k) or k <= 0:
        return math.nan
    if x <= 0:
        return 1.0
    a, z = k / 2, x / 2
    if math.isinf(z):
        return 0.0
    log_front = -z + a * math.log(z) - math.lgamma(a)
    if z < a + 1:  # the series of P converges here
        term = total = 1 / a
        ap = a
        for _ in range(_MAX_ITER):
            ap += 1
            term *= z / ap
            total += term
            if abs(term) < abs(total) * _EPS:
                break
        return 1 - total * math.exp(log_front)
    b = z + 1 - a  # the continued fraction of Q (modified Lentz)
    c, d = 1 / _TINY, 1 / b
    h = d
    for i in range(1, _MAX_ITER):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = _TINY if abs(d) < _TINY else d
        c = b + an / c
        c = _TINY if abs(c) < _TINY else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < _EPS:
            break
    return math.exp(log_front) * h


def _logit_numpy(p: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(p / (1 - p))


def _expit_numpy(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


# ---- which implementation ----------------------------------------------------------------


def prefer_numpy() -> None:
    """Use the numpy functions above from now on (unless scipy is imported anyway): for a
    process that computes one table (``survey crosstab``), where importing scipy.special
    costs more than the table. Elsewhere scipy's C functions serve: faster per call (a
    battery of hundreds of tables on a million rows) and the numbers the pipeline always
    gave; the two agree to the relative accuracy above."""
    global _NUMPY_ONLY
    _NUMPY_ONLY = True


def _special():
    """scipy.special, or None when the numpy functions are to be used."""
    if _NUMPY_ONLY and "scipy.special" not in sys.modules:
        return None
    from scipy import special

    return special


def f_sf(f, d1, d2) -> np.ndarray:
    """P(F > f) on (d1, d2) degrees of freedom."""
    special = _special()
    return _f_sf_numpy(f, d1, d2) if special is None else special.fdtrc(d1, d2, f)


def t_cdf(t, df) -> np.ndarray:
    """P(T ≤ t) of Student's t on ``df`` degrees of freedom."""
    special = _special()
    return _t_cdf_numpy(t, df) if special is None else special.stdtr(df, t)


def t_ppf(p, df) -> np.ndarray:
    """The ``p`` quantile of Student's t on ``df`` degrees of freedom."""
    special = _special()
    return _t_ppf_numpy(p, df) if special is None else special.stdtrit(df, p)


def norm_ppf(p) -> np.ndarray:
    """The ``p`` quantile of the standard normal."""
    special = _special()
    return _norm_ppf_numpy(p) if special is None else special.ndtri(p)


def chi2_sf(x: float, k: float) -> float:
    """P(X > x) of the chi-square distribution on ``k`` degrees of freedom."""
    special = _special()
    return _chi2_sf_numpy(x, k) if special is None else float(special.chdtrc(k, x))


def logit(p: np.ndarray) -> np.ndarray:
    special = _special()
    return _logit_numpy(p) if special is None else special.logit(p)


def expit(x: np.ndarray) -> np.ndarray:
    special = _special()
    return _expit_numpy(x) if special is None else special.expit(x)
