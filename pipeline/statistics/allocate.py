"""Sample allocation across strata: proportional, equal or Neyman, with largest-remainder
rounding so that the stratum sample sizes sum exactly to n."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from pipeline.core.errors import InputError


class Method(StrEnum):
    proportional = "proportional"
    equal = "equal"
    neyman = "neyman"


@dataclass(frozen=True)
class StratumAllocation:
    code: int
    population: int
    n: int

    @property
    def weight(self) -> float:
        """Design weight N_h / n_h (members represented by one respondent)."""
        return self.population / self.n

    @property
    def sampling_fraction(self) -> float:
        """n_h / N_h as a proportion (0-1)."""
        return self.n / self.population


def largest_remainder(quotas: np.ndarray, n: int) -> np.ndarray:
    """Round non-negative quotas summing to n into integers summing exactly to n.

    Floors first, then gives the remaining units to the largest fractional parts (ties go
    to the earlier stratum, so the result is deterministic).
    """
    floors = np.floor(quotas).astype(int)
    short = n - int(floors.sum())
    order = np.argsort(-(quotas - floors), kind="stable")
    floors[order[:short]] += 1
    return floors


def allocate(
    populations: Mapping[int, int],
    n: int,
    method: Method = Method.proportional,
    min_per_stratum: int = 0,
    sd: Mapping[int, float] | None = None,
) -> list[StratumAllocation]:
    """Allocate ``n`` respondents to strata of the given population sizes (stratum code →
    N_h, in frame order).

    Neyman allocation uses the stratum standard deviations ``sd`` (by stratum code); without
    them it assumes equal SDs (then it equals proportional allocation). ``min_per_stratum``
    raises small strata to K and takes the units proportionally from the others; no stratum
    gets more than its population.
    """
    codes = list(populations)
    sizes = np.array([populations[c] for c in codes], dtype=float)
    if n <= 0:
        raise InputError(f"sample size must be positive, got {n}", column="n")
    if n > sizes.sum():
        raise InputError(f"sample size {n} exceeds the population {int(sizes.sum())}", column="n")
    if min_per_stratum * len(sizes) > n:
        raise InputError(
            f"--min-per-stratum {min_per_stratum} × {len(sizes)} strata exceeds n = {n}",
            column="min_per_stratum",
        )
    if method is Method.proportional:
        shares = sizes
    elif method is Method.equal:
        shares = np.ones_like(sizes)
    else:
        sds = np.array([(sd or {}).get(c, 1.0) for c in codes], dtype=float)
        shares = sizes * sds
    counts = _allocate_with_bounds(shares, sizes, n, min_per_stratum)
    return [
        StratumAllocation(code, int(populations[code]), int(count))
        for code, count in zip(codes, counts, strict=True)
    ]


def _allocate_with_bounds(
    shares: np.ndarray, sizes: np.ndarray, n: int, minimum: int
) -> np.ndarray:
    """Proportional-to-shares allocation, with strata fixed at their bounds when they hit one."""
    lower = np.minimum(minimum, sizes)
    fixed = np.zeros(len(shares), dtype=bool)
    counts = np.zeros(len(shares), dtype=float)
    for _ in range(len(shares) + 1):
        free = ~fixed
        remaining = n - counts[fixed].sum()
        quotas = shares[free] / shares[free].sum() * remaining
        counts[free] = quotas
        below = free & (counts < lower)
        above = free & (counts > sizes)
        if not below.any() and not above.any():
            break
        counts[below] = lower[below]
        counts[above] = sizes[above]
        fixed |= below | above
    return largest_remainder(counts, n)
