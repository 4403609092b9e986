"""Internal consistency of the scales the questionnaire declares (its ``indices``)."""

from __future__ import annotations

import numpy as np


def cronbach_alpha(items: np.ndarray, weights: np.ndarray | None = None) -> float:
    """Cronbach's alpha of the columns of ``items`` (respondents × k, complete rows only).

    alpha = k / (k − 1) · (1 − Σ var(item) / var(sum of items)). With ``weights`` the
    variances are weighted (Σw(x − x̄)² / Σw), so a respondent of weight 2 counts as two
    identical respondents. NaN when there are fewer than 2 items or 2 respondents, or the
    total has no variance.
    """
    x = np.asarray(items, dtype=float)
    if x.ndim != 2 or x.shape[1] < 2 or x.shape[0] < 2:
        return float("nan")
    w = np.ones(x.shape[0]) if weights is None else np.asarray(weights, dtype=float)
    item_var = _weighted_var(x, w)
    total_var = _weighted_var(x.sum(axis=1, keepdims=True), w)[0]
    if total_var <= 0:
        return float("nan")
    k = x.shape[1]
    return float(k / (k - 1) * (1 - item_var.sum() / total_var))


def _weighted_var(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    mean = w @ x / w.sum()
    return w @ (x - mean) ** 2 / w.sum()
