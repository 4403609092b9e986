"""Tail probabilities of linear combinations of chi-squares, as R's survey package computes
them for ``svychisq(statistic="saddlepoint")``: ``pchisqsum`` (Σ a_i χ²_1 > x) and ``pFsum``
(Σ a_i χ²_1 − (x/ddf) χ²_ddf > 0, the design's denominator degrees of freedom), each by
Kuonen's saddlepoint approximation (R's ``saddle``), falling back to Satterthwaite's scaled
chi-square or F where the saddlepoint is too close to 0, as R does.

The saddlepoint equation is solved by a port of R's ``uniroot`` (Brent's ``zeroin`` as in R's
``R_zeroin2``, tolerance 1e-8), so that the iterates, and the p value, are R's.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from pipeline.statistics.distributions import chi2_sf, f_sf

ZEROIN_TOL = 1e-8  # saddle(): uniroot(..., tol = 1e-8)
ZEROIN_MAXIT = 1000  # uniroot's default maxiter
_EPSILON = np.finfo(float).eps


def zeroin(f: Callable[[float], float], lower: float, upper: float, tol: float = ZEROIN_TOL):
    """R's uniroot(f, lower, upper, tol): Brent's method step by step as R's R_zeroin2."""
    a, b = lower, upper
    fa, fb = f(a), f(b)
    if fa == 0.0:
        return a
    if fb == 0.0:
        return b
    if fa * fb > 0:
        raise ValueError("f() values at the end points are not of opposite sign")
    c, fc = a, fa
    for _ in range(ZEROIN_MAXIT + 1):
        prev_step = b - a
        if abs(fc) < abs(fb):
            a, b, c = b, c, b
            fa, fb, fc = fb, fc, fb
        tol_act = 2 * _EPSILON * abs(b) + tol / 2
        new_step = (c - b) / 2
        if abs(new_step) <= tol_act or fb == 0.0:
            return b
        if abs(prev_step) >= tol_act and abs(fa) > abs(fb):
            cb = c - b
            if a == c:  # two distinct points: linear interpolation
                t1 = fb / fa
                p = cb * t1
                q = 1.0 - t1
            else:  # inverse quadratic interpolation
                q = fa / fc
                t1 = fb / fc
                t2 = fb / fa
                p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0))
                q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0)
            if p > 0:
                q = -q
            else:
                p = -p
            if p < (0.75 * cb * q - abs(tol_act * q) / 2) and p < abs(prev_step * q / 2):
                new_step = p / q
        if abs(new_step) < tol_act:
            new_step = tol_act if new_step > 0 else -tol_act
        a, fa = b, fb
        b += new_step
        fb = f(b)
        if (fb > 0 and fc > 0) or (fb < 0 and fc < 0):
            c, fc = a, fa
    return b


def saddle(x: float, lam: np.ndarray, counts: np.ndarray | None = None) -> float:
    """R's survey:::saddle: P(Σ λ_i χ²_1 > x) by the saddlepoint approximation; NaN where
    the saddlepoint is within 1e-4 of 0 (R's NA: the caller falls back). ``counts``: how
    many times each λ_i is repeated (R repeats them in a vector; the sums are the same)."""
    lam = np.asarray(lam, dtype=float)
    counts = np.ones(lam.size) if counts is None else np.asarray(counts, dtype=float)
    d = float(np.max(lam))
    lam = lam / d
    x = x / d
    n_terms = float(counts.sum())

    def k0(z):
        return -float(np.sum(counts * np.log(1 - 2 * z * lam))) / 2

    def k1(z):
        return float(np.sum(counts * lam / (1 - 2 * z * lam)))

    def k2(z):
        return 2 * float(np.sum(counts * lam**2 / (1 - 2 * z * lam) ** 2))

    if np.any(lam < 0):
        lmin = float(np.max(1 / (2 * lam[lam < 0]))) * 0.99999
    elif x > float(np.sum(counts * lam)):
        lmin = -0.01
    else:
        lmin = -n_terms / (2 * x)
    lmax = float(np.min(1 / (2 * lam[lam > 0]))) * 0.99999
    zeta = zeroin(lambda z: k1(z) - x, lmin, lmax)
    if abs(zeta) < 1e-4:
        return float("nan")
    w = math.copysign(1.0, zeta) * math.sqrt(2 * (zeta * x - k0(zeta)))
    v = zeta * math.sqrt(k2(zeta))
    # Φ(−y) through erfc, accurate in the far tail
    return 0.5 * math.erfc((w + math.log(v / w) / w) / math.sqrt(2))


def _satterthwaite(a: np.ndarray) -> tuple[float, float]:
    """Scale and degrees of freedom of the scaled chi-square matching Σ a_i χ²_1's first two
    moments (R's satterthwaite)."""
    tr = float(np.mean(a))
    tr2 = float(np.mean(a**2)) / tr**2
    return tr * tr2, a.size / tr2


def pchisqsum_saddlepoint(x: float, a: np.ndarray) -> float:
    """R's pchisqsum(x, df=1, a, lower.tail=FALSE, method="saddlepoint")."""
    scale, df = _satterthwaite(a)
    sad = saddle(x, a)
    return chi2_sf(x / scale, df) if math.isnan(sad) else sad


def pfsum_saddlepoint(x: float, a: np.ndarray, ddf: float) -> float:
    """R's pFsum(x, df=1, a, ddf, lower.tail=FALSE, method="saddlepoint"): the saddlepoint of
    Σ a_i χ²_1 − (x/ddf) χ²_ddf at 0, the χ²_ddf spread over floor(ddf) terms as R's
    rep(a, df) truncates it; Satterthwaite's F where the saddlepoint fails."""
    if math.isinf(ddf):
        return pchisqsum_saddlepoint(x, a)
    scale, ndf = _satterthwaite(a)
    guess = float(f_sf(x / ndf / scale, ndf, ddf))
    lam = np.append(a, -x / ddf)
    sad = saddle(0.0, lam, np.append(np.ones(a.size), float(int(ddf))))
    return guess if math.isnan(sad) else sad


# ----- the exact distribution (R's statistic="lincom") ----------------------------------------


def imhof_upper(x: float, a: np.ndarray, dof: np.ndarray) -> float:
    """P(Σ a_j χ²_{dof_j} > x) by Imhof's inversion formula (1961), integrated numerically:

        1/2 + 1/π ∫_0^∞ sin θ(u) / (u ρ(u)) du,
        θ(u) = ½ Σ dof_j arctan(a_j u) − ½ x u,  ρ(u) = Π (1 + a_j² u²)^(dof_j / 4).

    Accurate to about 1e-10 here (R's CompQuadForm::davies, which R's survey package calls
    for "lincom", asks for 1e-7)."""
    from scipy import integrate  # only the exact tests need it

    a = np.asarray(a, dtype=float)
    dof = np.asarray(dof, dtype=float)
    scale = float(np.max(np.abs(a)))
    a, x = a / scale, x / scale  # the probability is scale-free

    def parts(u: float) -> tuple[float, float]:
        """Σ ½ dof arctan(a u) and u ρ(u)."""
        angle = 0.5 * np.sum(dof * np.arctan(a * u))
        with np.errstate(over="ignore"):  # ρ beyond 1e308: the integrand is 0 there
            return float(angle), float(u * np.exp(0.25 * np.sum(dof * np.log1p((a * u) ** 2))))

    def integrand(u: float) -> float:
        if u == 0.0:
            return float(0.5 * (np.sum(dof * a) - x))
        angle, denom = parts(u)
        return float(np.sin(angle - 0.5 * x * u) / denom)

    if x == 0.0:
        total = integrate.quad(integrand, 0.0, np.inf, limit=1000, epsabs=1e-13, epsrel=1e-11)[0]
    else:
        # sin(A − ωu) = sin A cos ωu − cos A sin ωu: the tail as two Fourier integrals (QUADPACK's
        # QAWF), which converge where the slowly decaying oscillation defeats plain quadrature.
        omega, cut = 0.5 * x, 1.0
        head = integrate.quad(integrand, 0.0, cut, limit=1000, epsabs=1e-13, epsrel=1e-11)[0]
        tail_cos = integrate.quad(
            lambda u: np.sin(parts(u)[0]) / parts(u)[1],
            cut,
            np.inf,
            weight="cos",
            wvar=omega,
            epsabs=1e-13,
            limlst=200,
        )[0]
        tail_sin = integrate.quad(
            lambda u: np.cos(parts(u)[0]) / parts(u)[1],
            cut,
            np.inf,
            weight="sin",
            wvar=omega,
            epsabs=1e-13,
            limlst=200,
        )[0]
        total = head + tail_cos - tail_sin
    return float(min(max(0.5 + total / np.pi, 0.0), 1.0))


def pchisqsum_exact(x: float, a: np.ndarray) -> float:
    """P(Σ a_i χ²_1 > x): R's pchisqsum(method="integration")."""
    return imhof_upper(x, a, np.ones(np.size(a)))


def pfsum_exact(x: float, a: np.ndarray, ddf: float) -> float:
    """P(Σ a_i χ²_1 − (x/ddf) χ²_m > 0), m = floor(ddf) as R's integer degrees of freedom
    for CompQuadForm::davies and its rep() in the saddlepoint (R's pFsum(method=
    "integration")); ddf = inf is :func:`pchisqsum_exact`."""
    if math.isinf(ddf):
        return pchisqsum_exact(x, a)
    a = np.asarray(a, dtype=float)
    m = float(int(ddf))
    return imhof_upper(0.0, np.append(a, -x / ddf), np.append(np.ones(a.size), m))
