"""Replicate weights as R's ``svyrep.design`` holds them, and their construction from a design
as R's ``as.svrepdesign`` does it: JK1, JKn, BRR (Hadamard half-samples, Fay's factor) and
the bootstrap (Canty & Davison's, R's ``bootweights``).

A replicate variance (R's ``svrVar``) of estimates θ (length k) with replicate estimates θ_r:

    V = scale · Σ_r rscales_r (θ_r − θ̄)(θ_r − θ̄)'

θ̄ the mean of the replicates with rscales_r > 0, or θ itself with ``mse=True``.

Replicates built from a design are stored compressed, as R does: a multiplier of the sampling
weight per first-stage PSU and replicate (U × R); replicate totals are then the PSUs' totals
times that matrix, never an n × R matrix. Supplied replicate columns are kept as given.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from pipeline.core.errors import InputError

if TYPE_CHECKING:
    from scipy import sparse

REPLICATE_TYPES: tuple[str, ...] = ("JK1", "JKn", "BRR", "Fay", "bootstrap", "other")
RANK_TOL = 1e-5  # R's degf: qr(weights(design, "analysis"), tol = 1e-5)$rank - 1


@dataclass(frozen=True, eq=False)
class Replicates:
    """Replicate weights of a survey.

    Attributes:
        type: one of :data:`REPLICATE_TYPES` (R's ``type``).
        factors: per unit (``units`` given: U × R multipliers of the sampling weights) or per
            row (n × R: replicate weights, or multipliers when ``combined`` is False).
        units: each row's unit 0..U-1 for per-unit factors, else None.
        combined: per-row ``factors`` are the analysis weights themselves (R's
            ``combined.weights=TRUE``) rather than multipliers of the sampling weights.
        scale, rscales: the variance's overall and per-replicate multipliers.
        mse: centre the replicates at the full-sample estimate instead of their mean.
        unit_group, column_group: for jackknife factors (per unit), each unit's and each
            replicate's stratum: the factors are 1 outside the replicate's stratum, which
            lets the rank (the degrees of freedom) be found stratum by stratum.
    """

    type: str
    factors: np.ndarray
    units: np.ndarray | None
    combined: bool
    scale: float
    rscales: np.ndarray
    mse: bool = False
    unit_group: np.ndarray | None = None
    column_group: np.ndarray | None = None
    indicator: sparse.csr_matrix | None = field(init=False, repr=False)
    _degf: int | None = field(init=False, repr=False, default=None)
    _blocks: dict = field(init=False, repr=False, default_factory=dict)
    _stratum_blocks: list | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        factors = np.asarray(self.factors, dtype=float)
        rscales = np.broadcast_to(np.asarray(self.rscales, dtype=float), (factors.shape[1],))
        if not np.all(np.isfinite(factors)) or np.any(factors < 0):
            raise InputError("replicate weights must be finite numbers ≥ 0")
        object.__setattr__(self, "factors", factors)
        object.__setattr__(self, "rscales", rscales.copy())
        indicator = None
        if self.units is not None:
            from scipy import sparse  # replicate designs only: kept off other imports

            units = np.asarray(self.units, dtype=np.int64)
            object.__setattr__(self, "units", units)
            indicator = sparse.csr_matrix(
                (np.ones(units.size), (units, np.arange(units.size))),
                shape=(factors.shape[0], units.size),
            )
        object.__setattr__(self, "indicator", indicator)

    @property
    def n_replicates(self) -> int:
        return int(self.factors.shape[1])

    def analysis_weights(self, weights: np.ndarray) -> np.ndarray:
        """The n × R replicate weights (R's ``weights(design, "analysis")``)."""
        if self.units is not None:
            return weights[:, None] * self.factors[self.units]
        return self.factors if self.combined else weights[:, None] * self.factors

    def replicate_weights(self, weights: np.ndarray, r: int) -> np.ndarray:
        """Replicate ``r``'s analysis weights (length n), without forming all n × R."""
        if self.units is not None:
            return weights * self.factors[self.units, r]
        return self.factors[:, r] if self.combined else weights * self.factors[:, r]

    def totals(self, weights: np.ndarray, x: np.ndarray) -> np.ndarray:
        """Replicate totals (R × k) of the columns of ``x`` (rows × k)."""
        x = np.asarray(x, dtype=float).reshape(weights.size, -1)
        if self.indicator is not None:
            return self.unit_product(np.asarray(self.indicator @ (weights[:, None] * x)))
        if self.combined:
            return self.factors.T @ x
        return self.factors.T @ (weights[:, None] * x)

    def unit_totals(self, weights: np.ndarray, index: np.ndarray, size: int) -> np.ndarray:
        """Replicate totals (R × size) of 0/1 indicators: row i counts in slot ``index[i]``
        (negative: in none), with one np.bincount per unit or a sparse product."""
        inside = np.flatnonzero(index >= 0)
        if self.units is not None:
            idx = self.units[inside] * size + index[inside]
            t = np.bincount(idx, weights=weights[inside], minlength=self.factors.shape[0] * size)
            return self.unit_product(t.reshape(self.factors.shape[0], size))
        from scipy import sparse

        onehot = sparse.csr_matrix(
            (np.ones(inside.size), (inside, index[inside])), shape=(weights.size, size)
        )
        w = self.factors if self.combined else weights[:, None] * self.factors
        return np.asarray((onehot.T @ w).T)

    def unit_product(self, t: np.ndarray) -> np.ndarray:
        """``factors.T @ t``: replicate totals (R × k) from per-unit totals ``t`` (U × k).

        Jackknife factors are 1 outside each replicate's own stratum, so the product is the
        column sums of ``t`` plus one small block per stratum (U_h × R_h): O(U k) work
        instead of O(U R k), the whole cost of a 2,000-replicate JKn table otherwise."""
        blocks = self._jackknife_blocks()
        if blocks is None:
            return self.factors.T @ t
        out = np.repeat(t.sum(axis=0, keepdims=True), self.n_replicates, axis=0)
        for rows, cols, block in blocks:
            out[cols] += block.T @ t[rows]
        return out

    def _jackknife_blocks(self) -> list | None:
        """(units, replicates, factors − 1) of each stratum, when the factors are exactly 1
        outside them (checked once); None otherwise."""
        if self.unit_group is None or self.column_group is None:
            return None
        if self._stratum_blocks is None:
            same = self.unit_group[:, None] == self.column_group[None, :]
            blocks: list = []
            if np.all(self.factors[~same] == 1.0):
                for g in np.unique(self.column_group):
                    rows = np.flatnonzero(self.unit_group == g)
                    cols = np.flatnonzero(self.column_group == g)
                    blocks.append((rows, cols, self.factors[np.ix_(rows, cols)] - 1.0))
            object.__setattr__(self, "_stratum_blocks", blocks)
        return self._stratum_blocks or None

    def variance(self, estimate: np.ndarray, replicates: np.ndarray) -> np.ndarray:
        """R's svrVar: covariance (k × k) from the full-sample ``estimate`` (k) and the
        replicate estimates (R × k)."""
        reps = np.asarray(replicates, dtype=float).reshape(self.n_replicates, -1)
        if self.mse:
            centre = np.asarray(estimate, dtype=float).reshape(-1)
        else:
            centre = reps[self.rscales > 0].mean(axis=0)
        d = (reps - centre) * np.sqrt(self.rscales)[:, None]
        return self.scale * (d.T @ d)

    def degf(self, weights: np.ndarray, inside: np.ndarray | None = None) -> int:
        """R's degf: the rank of the analysis weights of the rows (``inside``) minus 1 (a
        pivoted QR with R's tolerance; a domain touching every unit has the full rank)."""
        if self.units is not None:
            present = np.unique(self.units if inside is None else self.units[inside])
            return self.degf_of_units(present)
        if inside is None or np.all(inside):
            return self._full_degf()
        # Scaling rows by the sampling weights does not change the rank.
        return _rank(self.factors[inside]) - 1

    def degf_of_units(self, present: np.ndarray) -> int:
        """R's degf of a domain whose respondents are in the units ``present`` (sorted)."""
        if present.size == self.factors.shape[0]:
            return self._full_degf()
        return self._rank_of_units(present) - 1

    def _full_degf(self) -> int:
        if self._degf is None:
            if self.units is not None:
                rank = self._rank_of_units(np.arange(self.factors.shape[0]))
            else:
                rank = _rank(self.factors)
            object.__setattr__(self, "_degf", rank - 1)
        return self._degf

    def _block(self, group: int, rows: np.ndarray):
        """:func:`_block_parts` of one stratum's block, remembered: the same strata come
        back in every table of a battery."""
        key = (group, rows.tobytes())
        cache = self._blocks
        if key not in cache:
            if len(cache) > 10_000:
                cache.clear()
            cols = np.flatnonzero(self.column_group == group)
            cache[key] = _block_parts(self.factors, rows, cols)
        return cache[key]

    def _rank_of_units(self, present: np.ndarray) -> int:
        """Rank of the factors of the ``present`` units: for jackknife factors 1 1' + D with
        D block-diagonal by stratum, the blocks' ranks and the rank-one update rule
        (Meyer 1973), so no U × R factorisation; else a pivoted QR."""
        if self.unit_group is None or self.column_group is None:
            return _rank(self.factors[present])
        groups = np.union1d(self.unit_group[present], self.column_group)
        rank = 0
        u_in_col = v_in_row = True
        cross = 0.0
        for g in groups:  # one small block per stratum, not per PSU
            rows = present[self.unit_group[present] == g]
            k, u_in, v_in, c = self._block(int(g), rows)
            rank += k
            u_in_col &= u_in
            v_in_row &= v_in
            cross += c
        if not u_in_col and not v_in_row:
            return rank + 1
        if u_in_col and v_in_row and abs(1.0 + cross) < 1e-9:
            return rank - 1
        return rank


def _block_parts(factors: np.ndarray, rows: np.ndarray, cols: np.ndarray):
    """For the block D = factors[rows, cols] − 1: its rank, whether 1 lies in its column
    and in its row space, and 1' D⁺ 1."""
    if rows.size == 0 or cols.size == 0:
        return 0, rows.size == 0, cols.size == 0, 0.0
    block = factors[np.ix_(rows, cols)] - 1.0
    u, v = np.ones(rows.size), np.ones(cols.size)
    left, sv, right = np.linalg.svd(block, full_matrices=False)
    k = int(np.count_nonzero(sv > 1e-9 * sv.max())) if sv.max() > 0 else 0
    left, sv, right = left[:, :k], sv[:k], right[:k]
    u_in = bool(np.linalg.norm(u - left @ (left.T @ u)) < 1e-9 * np.sqrt(u.size))
    v_in = bool(np.linalg.norm(v - right.T @ (right @ v)) < 1e-9 * np.sqrt(v.size))
    return k, u_in, v_in, float((v @ right.T) @ ((left.T @ u) / sv))


def _rank(matrix: np.ndarray) -> int:
    """Numerical rank as R's qr(tol = 1e-5): pivoted QR, |R_jj| > 1e-5 |R_11|."""
    if matrix.size == 0:
        return 0
    from scipy import linalg

    r = linalg.qr(matrix, mode="r", pivoting=True)[0]
    d = np.abs(np.diag(r))
    return int(np.count_nonzero(d > RANK_TOL * d[0])) if d[0] > 0 else 0


# ----- from a design (R's as.svrepdesign) -------------------------------------------------


def jackknife_one(n_units: int, fpc: float, mse: bool) -> Replicates:
    """R's jk1weights: replicate r drops PSU r, the others × n/(n−1); scale f (n−1)/n with
    f = 1 − n/N (1 without FPC)."""
    factors = np.full((n_units, n_units), n_units / (n_units - 1))
    np.fill_diagonal(factors, 0.0)
    return Replicates(
        "JK1", factors, None, False, fpc * (n_units - 1) / n_units, np.ones(n_units), mse
    )


def jackknife_strata(
    unit_stratum: np.ndarray,
    fpc: np.ndarray,
    lonely_psu: str,
) -> tuple[np.ndarray, float, np.ndarray, np.ndarray | None]:
    """R's jknweights: per PSU u of stratum h a replicate with u dropped and the other PSUs of
    h × n_h/(n_h−1); rscales f_h (n_h−1)/n_h. Strata sampled completely add no replicate;
    a lonely PSU follows ``lonely_psu`` as R does. Returns factors, scale, rscales and each
    replicate's stratum (None when a column spans strata)."""
    n_units = unit_stratum.size
    n_strata = fpc.size
    n_h = np.bincount(unit_stratum, minlength=n_strata).astype(float)
    # A lonely PSU under "fail" never gets here: the design itself refused it.
    lonely = (n_h == 1) & (fpc > 0)
    same = unit_stratum[:, None] == unit_stratum[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        inflate = np.where(n_h > 1, n_h / (n_h - 1), 0.0)[unit_stratum]
    factors = np.where(same, inflate[None, :], 1.0)
    np.fill_diagonal(factors, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        rscales = (fpc * (n_h - 1) / n_h)[unit_stratum]
    keep = (fpc[unit_stratum] > 0) & (n_h[unit_stratum] > 1)
    if lonely.any() and lonely_psu == "adjust":
        # R: the lonely PSU drops out and every other PSU is scaled by H/(H−1).
        columns = np.flatnonzero(lonely[unit_stratum])
        factors[:, columns] = n_strata / (n_strata - 1)
        factors[columns, columns] = 0.0
        rscales[columns] = (n_strata - 1) / n_strata
        keep[columns] = True
    if not keep.any():
        raise InputError("every stratum was sampled completely: the variance is zero")
    scale = 1.0
    if lonely_psu == "average" and not keep.all():
        scale = n_units / np.count_nonzero(keep)
    # An "adjust" column spans every stratum: the rank is then found in one piece.
    groups = None if lonely.any() and lonely_psu == "adjust" else unit_stratum[keep]
    return factors[:, keep], scale, rscales[keep], groups


def sylvester(size: int) -> np.ndarray:
    """Sylvester's Hadamard matrix of order ``size`` (a power of 2) as 0/1, R's coding."""
    h = np.ones((1, 1))
    while h.shape[0] < size:
        h = np.block([[h, h], [h, -h]])
    return (h + 1) / 2


def balanced_half_samples(
    unit_stratum: np.ndarray,
    labels: tuple,
    rho: float,
    hadamard: np.ndarray | None,
    mse: bool,
    first: np.ndarray | None = None,
) -> Replicates:
    """R's brrweights for strata of exactly two PSUs: stratum k (in R's order, the labels
    sorted as text) keeps its first PSU (``first``: per unit, whether it is its stratum's PSU
    seen first in the data; default the lower-numbered one) in replicate i when row k+1 of
    the Hadamard matrix is 1 in column i; the kept PSU × (2−ρ), the other × ρ (Fay's
    factor; BRR is ρ = 0). Without ``hadamard``: Sylvester's of the first power of 2 above
    the number of strata (R's own choice at those sizes; R's precooked matrices of other
    orders can be passed)."""
    n_strata = len(labels)
    n_h = np.bincount(unit_stratum, minlength=n_strata)
    if np.any(n_h != 2):
        bad = labels[int(np.flatnonzero(n_h != 2)[0])]
        raise InputError(
            f"balanced repeated replication needs two PSUs in every stratum; "
            f"stratum {bad} has {int(n_h[n_h != 2][0])}"
        )
    if hadamard is None:
        size = 1 << int(np.ceil(np.log2(n_strata + 1)))
        h01 = sylvester(size)
    else:
        h01 = _hadamard01(hadamard, n_strata)
    order = sorted(range(n_strata), key=lambda k: str(labels[k]))
    row_of = np.empty(n_strata, dtype=np.int64)
    row_of[order] = np.arange(1, n_strata + 1)
    if first is None:
        first = np.zeros(unit_stratum.size, dtype=bool)
        first[np.unique(unit_stratum, return_index=True)[1]] = True
    keep_first = h01[row_of[unit_stratum]] == 1  # U × R
    kept = np.where(first[:, None], keep_first, ~keep_first)
    factors = np.where(kept, 2 - rho, rho)
    n_reps = factors.shape[1]
    kind = "BRR" if rho == 0 else "Fay"
    return Replicates(
        kind, factors, None, False, 1 / (n_reps * (1 - rho) ** 2), np.ones(n_reps), mse
    )


def _hadamard01(matrix: np.ndarray, n_strata: int) -> np.ndarray:
    """A user's Hadamard matrix (any two values) as R's 0/1 coding, checked."""
    h = np.asarray(matrix, dtype=float)
    values = np.unique(h)
    if h.ndim != 2 or h.shape[0] < n_strata + 1 or values.size != 2:
        raise InputError(
            f"the Hadamard matrix must be a two-valued matrix with at least {n_strata + 1} rows"
        )
    h01 = (h != values[0]).astype(float)
    pm = 2 * h01 - 1
    if not np.allclose(pm.T @ pm, h.shape[0] * np.eye(h.shape[1])):
        raise InputError("the matrix given is not a Hadamard matrix")
    return h01


def bootstrap(
    unit_stratum: np.ndarray,
    population: np.ndarray | None,
    replicates: int,
    seed: int | None,
    mse: bool,
) -> Replicates:
    """R's bootweights (Canty & Davison): in each stratum n_h PSUs drawn with replacement
    (without FPC) or without replacement from the PSUs repeated to N_h (with it); a PSU's
    multiplier is its number of draws; scale n̄ / ((n̄−1)(R−1)), n̄ the harmonic mean of
    the n_h. The draws are numpy's, not R's: the replicates differ, their law is the same."""
    rng = np.random.default_rng(seed)
    n_strata = int(unit_stratum.max()) + 1
    factors = np.zeros((unit_stratum.size, replicates))
    n_h = np.bincount(unit_stratum, minlength=n_strata)
    for h in range(n_strata):  # one draw per stratum for all replicates (not per PSU)
        members = np.flatnonzero(unit_stratum == h)
        n = members.size
        if population is None:
            draws = rng.multinomial(n, np.full(n, 1 / n), size=replicates)
        else:
            copies = np.full(n, int(population[h]) // n)
            copies[rng.permutation(n)[: int(population[h]) % n]] += 1
            draws = rng.multivariate_hypergeometric(copies, n, size=replicates)
        factors[members] = draws.T
    nbar = 1 / np.mean(1 / n_h)
    return Replicates(
        "bootstrap",
        factors,
        None,
        False,
        nbar / ((nbar - 1) * (replicates - 1)),
        np.ones(replicates),
        mse,
    )


def supplied(
    columns: np.ndarray,
    *,
    type: str,
    combined: bool,
    scale: float | None,
    rscales: np.ndarray | None,
    rho: float | None,
    mse: bool,
) -> Replicates:
    """Replicate weight columns given by the user, with R's svrepdesign defaults for
    ``scale`` and ``rscales`` by type (BRR 1/R, Fay 1/(R(1−ρ)²), bootstrap 1/(R−1), JK1
    (R−1)/R; JKn needs ``rscales`` for combined weights)."""
    if type not in REPLICATE_TYPES:
        raise InputError(
            f"replicate type must be one of {', '.join(REPLICATE_TYPES)}, got {type!r}"
        )
    n_reps = columns.shape[1]
    if rscales is not None and np.size(rscales) not in (1, n_reps):
        raise InputError(f"rscales has {np.size(rscales)} values; expected {n_reps}")
    if type == "BRR":
        scale = 1 / n_reps
    elif type == "Fay":
        if rho is None:
            raise InputError("replicate type Fay needs its rho")
        scale = 1 / (n_reps * (1 - rho) ** 2)
    elif type == "bootstrap" and scale is None:
        scale = 1 / (n_reps - 1)
    elif type == "JK1" and scale is None:
        warnings.warn(
            "JK1 scale not given: taking (R-1)/R, R the number of replicates, as R does",
            stacklevel=3,
        )
        scale = (n_reps - 1) / n_reps if combined else 1 / columns[:, 0].max()
    if type == "JKn" and rscales is None:
        if combined:
            raise InputError("JKn replicate weights given as combined weights need rscales")
        rscales = 1 / columns.max(axis=0)
    return Replicates(
        type,
        columns,
        None,
        combined,
        1.0 if scale is None else float(scale),
        np.ones(n_reps) if rscales is None else np.asarray(rscales, dtype=float),
        mse,
    )
