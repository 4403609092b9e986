"""Sample allocation across strata: proportional, equal or Neyman, with largest-remainder
rounding so that the stratum sample sizes sum exactly to n; and the sample size a target
margin of error needs, before fieldwork."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from scipy import stats

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


# ---- the sample size for a target margin of error -------------------------------------------


@dataclass(frozen=True)
class SampleSize:
    """Completed interviews a margin of error needs, and questionnaires to issue for them.

    ``unrounded``: the exact solution (before rounding up); ``completed``: it rounded up;
    ``issued``: completed / response rate, rounded up; ``population``: N (None: infinite).
    """

    unrounded: float
    completed: int
    issued: int
    population: int | None

    @property
    def issued_exceeds_population(self) -> bool:
        return self.population is not None and self.issued > self.population


def sample_size_for_margin(
    margin: float,
    population: int | None = None,
    *,
    level: float = 0.95,
    p: float = 0.5,
    deff: float = 1.0,
    response_rate: float = 1.0,
) -> SampleSize:
    """The smallest n whose margin of error (half-width of the normal confidence interval of
    a proportion ``p``, at confidence ``level``) is at most ``margin``, for a design effect
    ``deff`` and, with ``population`` N, the finite population correction 1 - n/N (as the
    reports' margin of error). All of ``margin``, ``level``, ``p``, ``response_rate`` are
    proportions 0-1 (a margin of 0.03 is ±3 percentage points).

    margin² = deff · z² p(1-p) (1/n - 1/N), so n = n0 / (1 + n0/N) with n0 = deff · z² p(1-p)
    / margin² (n0 itself without N). Issued = ⌈completed / response_rate⌉.
    """
    _check_proportion(margin, "margin", open_low=True, open_high=True)
    _check_proportion(level, "level", open_low=True, open_high=True)
    _check_proportion(p, "p", open_low=True, open_high=True)
    _check_proportion(response_rate, "response_rate", open_low=True)
    if not deff > 0 or not math.isfinite(deff):
        raise InputError(f"the design effect must be a positive number, got {deff}", column="deff")
    if population is not None and population < 1:
        raise InputError(f"the population must be positive, got {population}", column="N")
    z = float(stats.norm.ppf(0.5 + level / 2))
    n0 = deff * z**2 * p * (1 - p) / margin**2
    n = n0 if population is None else n0 / (1 + n0 / population)
    # 1e-9: an n that solves the equation exactly is not pushed up by rounding error
    completed = max(1, math.ceil(n - 1e-9))
    return SampleSize(n, completed, issued_for(completed, response_rate), population)


def issued_for(completed: int, response_rate: float) -> int:
    """Questionnaires to issue for ``completed`` interviews at ``response_rate`` (0-1)."""
    return math.ceil(completed / response_rate - 1e-9)


@dataclass(frozen=True)
class MarginPlan:
    """Sample sizes for a target margin: ``total`` for an estimate over the whole population,
    ``allocation`` that total allocated proportionally to the strata, and ``per_stratum``
    what each stratum needs for the same margin on its own (stratum code → size)."""

    total: SampleSize
    allocation: list[StratumAllocation]
    per_stratum: dict[int, SampleSize]


def plan_for_margin(
    populations: Mapping[int, int],
    margin: float,
    *,
    level: float = 0.95,
    p: float = 0.5,
    deff: float = 1.0,
    response_rate: float = 1.0,
) -> MarginPlan:
    """The sample a margin of error needs, overall and stratum by stratum (each with its
    own N_h in the FPC); see :func:`sample_size_for_margin`."""
    options = {"level": level, "p": p, "deff": deff, "response_rate": response_rate}
    total = sample_size_for_margin(margin, sum(populations.values()), **options)
    per_stratum = {
        code: sample_size_for_margin(margin, size, **options)
        for code, size in populations.items()
    }
    return MarginPlan(total, allocate(populations, total.completed), per_stratum)


def _check_proportion(
    value: float, name: str, *, open_low: bool = False, open_high: bool = False
) -> None:
    low_ok = value > 0 if open_low else value >= 0
    high_ok = value < 1 if open_high else value <= 1
    if not (low_ok and high_ok):
        bounds = f"{'(' if open_low else '['}0, 1{')' if open_high else ']'}"
        raise InputError(f"{name} must be a proportion in {bounds}, got {value}", column=name)
