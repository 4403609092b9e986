"""Sampling with probability proportional to size without replacement, by the
Horvitz-Thompson (or Yates-Grundy) variance with joint inclusion probabilities, exact or
approximated, as R's survey package's ``svydesign(pps=)`` holds them ("Dcheck" matrices):

- ``ppsmat(pij)``: the joint inclusion probabilities π_ij given; Ď_ij = (π_ij − π_i π_j) / π_ij,
  entries below R's tolerance (1e-4 by default) set to 0;
- ``overton``: Overton's approximation, π_ij from f̄ = (π_i + π_j) / 2 within a stratum;
- ``HR``: Hartley and Rao's approximation, with Σπ²/n of the population (``p2bar``) or, as
  R's ``HR()`` without it, the mean of the sample's π in the stratum.

The variance of estimators with influence values z is then t' Ď t (HT) or t' Ď t − Σ_j
(Σ_i Ď_ij) t_j t_j' (YG), t the PSUs' totals of z. One sampling stage, as in R.
(Brewer's approximation, R's ``pps="brewer"``, needs no matrix: :class:`Survey` takes it as
each PSU's own finite population correction.)
"""

from __future__ import annotations

import numpy as np

from pipeline.core.errors import InputError

PPS_METHODS: tuple[str, ...] = ("brewer", "overton", "hr", "ppsmat")
PPS_VARIANCES: tuple[str, ...] = ("HT", "YG")
PPSMAT_TOLERANCE = 1e-4  # R's ppsmat(jointprob, tolerance = 1e-4)


def _stratum_sizes(strata: np.ndarray) -> np.ndarray:
    return np.bincount(strata)[strata].astype(float)


def overton_dcheck(prob: np.ndarray, strata: np.ndarray) -> np.ndarray:
    """R's overton2Dcheck: 1 − (n − f̄)/(n − 1) off the diagonal within a stratum (0 across
    strata and where f̄ = 1), 1 − π_i on it."""
    fbar = (prob[:, None] + prob[None, :]) / 2
    n = _stratum_sizes(strata)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        d = 1 - (n - fbar) / (n - 1)
    d[(strata[:, None] != strata[None, :]) | (fbar == 1)] = 0.0
    np.fill_diagonal(d, 1 - prob)
    return d


def hartley_rao_dcheck(prob: np.ndarray, strata: np.ndarray, p2bar: np.ndarray) -> np.ndarray:
    """R's HRDcheck: 1 − (n − (π_i + π_j) + p2bar)/(n − 1) within a stratum (0 across strata
    and where π_i + π_j = 1), 1 − π_i on the diagonal; ``p2bar`` per unit."""
    fbar = prob[:, None] + prob[None, :]
    n = _stratum_sizes(strata)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        d = 1 - (n - fbar + p2bar[:, None]) / (n - 1)
    d[(strata[:, None] != strata[None, :]) | (fbar == 1)] = 0.0
    np.fill_diagonal(d, 1 - prob)
    return d


def joint_dcheck(pij: np.ndarray, tolerance: float = PPSMAT_TOLERANCE) -> np.ndarray:
    """R's pi2Dcheck: (π_ij − π_i π_j) / π_ij, entries smaller than ``tolerance`` in size
    set to 0 (the π_i the diagonal)."""
    pij = np.asarray(pij, dtype=float)
    if pij.ndim != 2 or pij.shape[0] != pij.shape[1]:
        raise InputError("the joint inclusion probabilities must be a square matrix")
    if not np.allclose(pij, pij.T) or np.any(pij <= 0) or np.any(pij > 1):
        raise InputError(
            "the joint inclusion probabilities must be a symmetric matrix of numbers in (0, 1]"
        )
    pi = np.diag(pij)
    d = (pij - np.outer(pi, pi)) / pij
    d[np.abs(d) < tolerance] = 0.0
    return d


def pps_variance(t: np.ndarray, dcheck: np.ndarray, kind: str) -> np.ndarray:
    """R's htvar.matrix / ygvar.matrix of PSU totals ``t`` (U × k)."""
    v = t.T @ (dcheck @ t)
    if kind == "YG":
        v = v - t.T @ (dcheck.sum(axis=0)[:, None] * t)
    return v
