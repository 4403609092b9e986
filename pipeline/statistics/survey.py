"""The survey design: a stratified one-stage sample (R: ``svydesign(id=~1, strata=, weights=,
fpc=)``), with the quantities every variance estimate needs computed once.

Variances are Taylor-linearised as in R's ``survey`` package: an estimator's influence values
``z_i`` are summed within strata and

    V = sum_h f_h n_h / (n_h - 1) * sum_{i in h} (z_i - zbar_h)(z_i - zbar_h)'

with ``f_h = 1 - n_h / N_h`` (1 without FPC). Rows outside a domain keep their place in the
design with ``z_i = 0``, so ``n_h`` is always the stratum's full sample size.

Weights can be post-stratified or raked to known margins and trimmed. Calibration is taken
into account as R's ``svyrecvar`` does it: before the stratified formula above, each column of
``z`` is replaced by its residual from the calibration, one step at a time in the order the
steps were applied (``Design.calibration``):

- post-stratification on groups g, with ``w*`` the weights right after the step:
  ``z_i - w*_i (sum_{j in g(i)} z_j) / (sum_{j in g(i)} w*_j)`` (R's ``postStratify``);
- raking on margins m = 1..M, with ``w*_m`` the weights right after margin m's adjustment in
  the last sweep: ten passes of ``z_i <- z_i - w*_{m,i} mean_{j in g_m(i)}(z_j / w*_{m,j})``
  over m = 1..M, the means unweighted (R's ``rake``; R fixes the ten passes, it does not
  iterate to convergence).

Rows outside a domain (z = 0) are residualised too, as in R, where a subset of a calibrated
design keeps every row. Trimming changes the weights but not the calibration steps: a trimmed
calibrated design is residualised with the pre-trimming weights of its steps, and trimming an
uncalibrated design adds none, as R's ``trimWeights`` does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse

from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError

LonelyPSU = Literal["fail", "adjust", "certainty"]
LONELY_PSU_OPTIONS: tuple[str, ...] = ("fail", "adjust", "certainty")
RAKING_PASSES = 10  # R's svyrecvar: fixed number of residualisation passes for a raked design


def check_lonely_psu(option: str, column: str | None = None) -> None:
    """InputError unless ``option`` is one of :data:`LONELY_PSU_OPTIONS`."""
    if option not in LONELY_PSU_OPTIONS:
        raise InputError(
            f"lonely_psu must be one of {', '.join(LONELY_PSU_OPTIONS)}, got {option!r}",
            column=column,
        )


@dataclass(frozen=True, eq=False)
class PostStratum:
    """One post-stratification as the variance needs it (an entry of R's ``postStrata``).

    Attributes:
        codes: group index per row, 0..G-1.
        weights: the weights right after the step (R's ``attr(index, "weights")``).
    """

    codes: np.ndarray
    weights: np.ndarray
    indicator: sparse.csr_matrix = field(init=False, repr=False)

    def __post_init__(self) -> None:
        codes = np.asarray(self.codes, dtype=np.int64)
        n = codes.size
        # Group sums of many columns at once: a G × n 0/1 matrix times z.
        indicator = sparse.csr_matrix(
            (np.ones(n), (codes, np.arange(n))), shape=(int(codes.max()) + 1, n)
        )
        object.__setattr__(self, "codes", codes)
        object.__setattr__(self, "weights", np.asarray(self.weights, dtype=float))
        object.__setattr__(self, "indicator", indicator)

    def group_sums(self, z: np.ndarray) -> np.ndarray:
        """Column sums of ``z`` (rows × k) within each group → G × k."""
        return np.asarray(self.indicator @ z)

    def residuals(self, z: np.ndarray) -> np.ndarray:
        """``z`` minus the weights times each group's ratio Σz / Σw* (R's svyrecvar)."""
        ratio = self.group_sums(z) / self.group_sums(self.weights[:, None])
        return z - self.weights[:, None] * ratio[self.codes]


@dataclass(frozen=True, eq=False)
class Raking:
    """A raking (R's ``postStrata`` entry of class "raking"): the last sweep's
    post-stratification of each margin, in the order they were applied."""

    margins: tuple[PostStratum, ...]

    def residuals(self, z: np.ndarray) -> np.ndarray:
        """R's svyrecvar: ten passes of z - w* · (unweighted group mean of z / w*) per margin."""
        counts = [np.bincount(m.codes).astype(float)[:, None] for m in self.margins]
        for _ in range(RAKING_PASSES):
            for m, n_g in zip(self.margins, counts, strict=True):
                means = m.group_sums(z / m.weights[:, None]) / n_g
                z = z - m.weights[:, None] * means[m.codes]
        return z


CalibrationStep = PostStratum | Raking


@dataclass(frozen=True, eq=False)
class Design:
    """A stratified one-stage design (each respondent is its own PSU).

    Attributes:
        strata: integer stratum index per row, 0..H-1.
        weights: sampling weight per row (people represented by the respondent).
        stratum_labels: the stratum code of each index, as found in the data.
        population: population size N_h per stratum (length H), or None for a design without
            finite population correction (sampling with replacement).
        lonely_psu: what to do with a stratum holding a single respondent: "fail" (InputError),
            "adjust" (centre at the grand mean, R's ``survey.lonely.psu="adjust"``) or
            "certainty" (zero variance contribution).
        calibration: the post-stratification and raking steps applied to the weights, in
            order; the variance residualises influence values on them (see the module notes).

    Build it with :meth:`stratified` or :meth:`from_weights`, not directly.
    """

    strata: np.ndarray
    weights: np.ndarray
    stratum_labels: tuple
    population: np.ndarray | None = None
    lonely_psu: str = "fail"
    calibration: tuple[CalibrationStep, ...] = ()
    n_h: np.ndarray = field(init=False, repr=False)
    fpc_factor: np.ndarray = field(init=False, repr=False)
    scale_h: np.ndarray = field(init=False, repr=False)
    centre_h: np.ndarray = field(init=False, repr=False)
    row_scale: np.ndarray = field(init=False, repr=False)
    weights_sq: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        strata = np.asarray(self.strata, dtype=np.int64)
        weights = np.asarray(self.weights, dtype=float)
        n_strata = len(self.stratum_labels)
        check_lonely_psu(self.lonely_psu)
        if strata.shape != weights.shape:
            raise InputError("strata and weights must have one value per row")
        if not np.all(np.isfinite(weights)) or np.any(weights <= 0):
            raise InputError("weights must be positive finite numbers")
        n_h = np.bincount(strata, minlength=n_strata).astype(float)
        if self.population is None:
            fpc = np.ones(n_strata)
        else:
            pop = np.asarray(self.population, dtype=float)
            if np.any(pop < n_h):
                bad = self.stratum_labels[int(np.argmax(pop < n_h))]
                raise InputError(f"stratum {bad}: population size is smaller than the sample")
            fpc = 1.0 - n_h / pop
            object.__setattr__(self, "population", pop)
        lonely = n_h == 1
        if lonely.any() and self.lonely_psu == "fail":
            bad = [str(self.stratum_labels[i]) for i in np.flatnonzero(lonely)]
            raise InputError(
                f"stratum {', '.join(bad)} has a single respondent; its variance cannot be "
                "estimated (choose lonely_psu='adjust' or 'certainty')"
            )
        with np.errstate(divide="ignore", invalid="ignore"):
            scale = np.where(n_h > 1, fpc * n_h / (n_h - 1), 0.0)
            centre = np.where(n_h > 1, scale / n_h, 0.0)
        if self.lonely_psu == "adjust":
            # R centres a lonely stratum's influence at the grand mean: no stratum centring.
            scale = np.where(lonely, fpc, scale)
        object.__setattr__(self, "strata", strata)
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "n_h", n_h)
        object.__setattr__(self, "fpc_factor", fpc)
        object.__setattr__(self, "scale_h", scale)
        object.__setattr__(self, "centre_h", centre)
        object.__setattr__(self, "row_scale", scale[strata])
        object.__setattr__(self, "weights_sq", weights * weights)

    # ----- constructors -------------------------------------------------------------------

    @classmethod
    def stratified(
        cls,
        df: pd.DataFrame,
        *,
        strata: str,
        population: str | Mapping,
        fpc: bool = True,
        lonely_psu: str = "fail",
        file: str | None = None,
    ) -> Design:
        """Design with weights N_h / n_h from the realised sample.

        ``population`` is a column holding N_h for each respondent's stratum, or a mapping
        stratum code → N_h. With ``fpc=False`` the variance ignores the finite population
        correction (with-replacement sampling) while weights stay N_h / n_h.
        """
        codes, labels = _stratum_codes(df, strata, file)
        pop = _population_per_stratum(df, population, codes, labels, file)
        n_h = np.bincount(codes, minlength=len(labels))
        weights = (pop / n_h)[codes]
        return cls(codes, weights, labels, pop if fpc else None, lonely_psu)

    @classmethod
    def from_weights(
        cls,
        df: pd.DataFrame,
        *,
        weight: str,
        strata: str | None = None,
        population: str | Mapping | None = None,
        lonely_psu: str = "fail",
        file: str | None = None,
    ) -> Design:
        """Design with the user's weight column; optional strata and N_h (for the FPC).

        Without ``strata`` the sample is one stratum; without ``population`` there is no FPC.
        """
        require_columns(df, [weight], file)
        w = pd.to_numeric(df[weight], errors="coerce").to_numpy(dtype=float)
        if not np.all(np.isfinite(w)) or np.any(w <= 0):
            row = int(np.flatnonzero(~(np.isfinite(w) & (w > 0)))[0])
            raise InputError(
                "expected a positive number as weight", file=file, row=row + 2, column=weight
            )
        if strata is None:
            codes, labels = np.zeros(len(df), dtype=np.int64), ("all",)
        else:
            codes, labels = _stratum_codes(df, strata, file)
        pop = None
        if population is not None:
            pop = _population_per_stratum(df, population, codes, labels, file)
        return cls(codes, w, labels, pop, lonely_psu)

    @classmethod
    def simple(cls, n: int) -> Design:
        """Unweighted simple random sample with replacement of ``n`` rows (weights 1)."""
        return cls(np.zeros(n, dtype=np.int64), np.ones(n), ("all",), None, "fail")

    def with_weights(self, weights: np.ndarray, step: CalibrationStep | None = None) -> Design:
        """The same strata, FPC and calibration steps with new weights; ``step`` is the
        calibration that produced them, if any (trimming passes none)."""
        steps = self.calibration if step is None else (*self.calibration, step)
        return Design(
            self.strata, weights, self.stratum_labels, self.population, self.lonely_psu, steps
        )

    # ----- properties ---------------------------------------------------------------------

    @property
    def n(self) -> int:
        """Number of respondents (rows)."""
        return int(self.strata.size)

    @property
    def n_strata(self) -> int:
        return len(self.stratum_labels)

    @property
    def df(self) -> int:
        """Design degrees of freedom: respondents minus strata (R's ``degf``)."""
        return self.n - self.n_strata

    def stratum_sums(self, z: np.ndarray) -> np.ndarray:
        """Per-stratum column sums of ``z`` (rows × k) → H × k, with np.bincount."""
        z2 = z.reshape(z.shape[0], -1)
        return np.stack(
            [
                np.bincount(self.strata, weights=z2[:, j], minlength=self.n_strata)
                for j in range(z2.shape[1])
            ],
            axis=1,
        )

    @property
    def calibrated(self) -> bool:
        """Whether the weights were post-stratified or raked (the variance then residualises)."""
        return bool(self.calibration)

    def calibration_residuals(self, z: np.ndarray) -> np.ndarray:
        """Influence values ``z`` (rows × k) residualised on each calibration step in turn, as
        R's svyrecvar does before the stratified variance; ``z`` itself if uncalibrated."""
        for step in self.calibration:
            z = step.residuals(z)
        return z

    def variance(self, z: np.ndarray) -> np.ndarray:
        """Covariance matrix (k × k) of estimators whose influence values are the columns of
        ``z`` (rows × k, zero outside a domain), stratified with FPC and residualised on the
        calibration as in R's svyrecvar."""
        z2 = np.asarray(z, dtype=float).reshape(self.n, -1)
        if self.calibration:
            z2 = self.calibration_residuals(z2)
        sums = self.stratum_sums(z2)
        return (z2 * self.row_scale[:, None]).T @ z2 - sums.T @ (sums * self.centre_h[:, None])

    def cell_variance(
        self, s1: np.ndarray, s2: np.ndarray, cells: np.ndarray | None = None
    ) -> np.ndarray:
        """Covariance (K × K) of K cell totals from per-stratum sums of w (``s1``, H × K) and of
        w² (``s2``, H × K); each row belongs to at most one cell.

        A calibrated design also needs ``cells``, each row's cell 0..K-1 (negative for none):
        the influence values w·[row in cell] are then residualised and go through
        :meth:`variance`, since the residuals no longer fall in one cell per row.
        """
        if self.calibration:
            if cells is None:
                raise ValueError("a calibrated design needs each row's cell for cell variances")
            inside = np.flatnonzero(cells >= 0)
            z = np.zeros((self.n, s1.shape[1]))
            z[inside, cells[inside]] = self.weights[inside]
            return self.variance(z)
        diag = self.scale_h @ s2
        return np.diag(diag) - s1.T @ (s1 * self.centre_h[:, None])

    # ----- weighting diagnostics ----------------------------------------------------------

    @property
    def kish_deff(self) -> float:
        """Kish design effect of unequal weighting, 1 + CV² of the weights = n Σw² / (Σw)²."""
        w = self.weights
        return float(w.size * np.sum(w * w) / np.sum(w) ** 2)

    @property
    def effective_n(self) -> float:
        """Kish effective sample size (Σw)² / Σw²."""
        w = self.weights
        return float(np.sum(w) ** 2 / np.sum(w * w))


def design_for(
    df: pd.DataFrame,
    *,
    strata: str | None = None,
    weight: str | None = None,
    fpc: str | None = None,
    lonely_psu: str = "fail",
    file: str | None = None,
) -> Design:
    """The design that a command's column options describe.

    ``fpc`` names a column with the population size N_h of the respondent's stratum. With a
    weight column the weights are used as given; without one but with strata and fpc they are
    N_h / n_h; with neither the sample is an unweighted simple random sample.
    """
    if weight is not None:
        return Design.from_weights(
            df, weight=weight, strata=strata, population=fpc, lonely_psu=lonely_psu, file=file
        )
    if strata is not None and fpc is not None:
        return Design.stratified(
            df, strata=strata, population=fpc, lonely_psu=lonely_psu, file=file
        )
    if fpc is not None:
        raise InputError("--fpc needs --strata (or --weight)", file=file, column=fpc)
    n = len(df)
    if strata is None:
        return Design.simple(n)
    codes, labels = _stratum_codes(df, strata, file)
    return Design(codes, np.ones(n), labels, None, lonely_psu)


# ----- calibration and trimming -----------------------------------------------------------


def post_stratify(design: Design, groups: Sequence, totals: Mapping) -> Design:
    """Post-stratify: scale weights so that each group's weighted total equals ``totals[g]``
    (R's ``postStratify``). Every group present in the data needs a total."""
    codes, levels = _factor(groups, "post-stratification variable")
    target = _targets(levels, totals, "post-stratification")
    current = np.bincount(codes, weights=design.weights, minlength=len(levels))
    w = design.weights * (target / current)[codes]
    return design.with_weights(w, PostStratum(codes, w))


def rake(
    design: Design,
    margins: Mapping[str, Sequence],
    totals: Mapping[str, Mapping],
    *,
    tol: float = 1e-7,
    max_iter: int = 100,
) -> Design:
    """Rake the weights to known margins by iterative proportional fitting (R's ``rake``).

    ``margins`` maps a margin name to the respondents' values; ``totals`` maps the same name to
    {value: population total}. Converged when no margin total is off by more than ``tol``
    relative; otherwise InputError after ``max_iter`` sweeps.
    """
    coded = {}
    for name, values in margins.items():
        if name not in totals:
            raise InputError(f"no population totals for raking margin {name!r}")
        codes, levels = _factor(values, f"raking margin {name}")
        coded[name] = (codes, _targets(levels, totals[name], f"raking margin {name}"))
    w = design.weights.copy()
    for _ in range(max_iter):
        sweep = []
        for codes, target in coded.values():
            current = np.bincount(codes, weights=w, minlength=target.size)
            w = w * (target / current)[codes]
            sweep.append((codes, w))
        worst = max(
            np.max(np.abs(np.bincount(c, weights=w, minlength=t.size) / t - 1))
            for c, t in coded.values()
        )
        if worst <= tol:
            return design.with_weights(w, Raking(tuple(PostStratum(c, ws) for c, ws in sweep)))
    raise InputError(
        f"raking did not converge in {max_iter} iterations (largest relative margin error "
        f"{worst:.3g} > {tol:g}); check that the margins' totals agree with each other"
    )


def trim_weights(design: Design, upper: float, *, max_iter: int = 100) -> Design:
    """Cap weights at ``upper`` and share the trimmed excess equally among the untrimmed
    respondents, repeating until none exceeds the cap; the weight total is kept.

    This is R's ``trimWeights(design, upper=, strict=TRUE)``. As there, the calibration steps
    are kept unchanged (their weights are the pre-trimming ones) and none is added.
    """
    w = design.weights.copy()
    if upper * w.size < w.sum():
        raise InputError(f"cannot trim weights to {upper}: the cap times n is below the total")
    for _ in range(max_iter):
        over = w > upper
        if not over.any():
            return design.with_weights(w)
        excess = np.sum(w[over] - upper)
        w[over] = upper
        w[~over] += excess / np.count_nonzero(~over)
    raise InputError(f"weight trimming to {upper} did not converge in {max_iter} rounds")


# ----- helpers ----------------------------------------------------------------------------


def _stratum_codes(df: pd.DataFrame, strata: str, file: str | None) -> tuple[np.ndarray, tuple]:
    require_columns(df, [strata], file)
    values = df[strata]
    if values.isna().any():
        row = int(np.flatnonzero(values.isna().to_numpy())[0])
        raise InputError(
            "expected a stratum code, found nothing", file=file, row=row + 2, column=strata
        )
    codes, uniques = pd.factorize(values, sort=True)
    return codes.astype(np.int64), tuple(uniques.tolist())


def _population_per_stratum(
    df: pd.DataFrame,
    population: str | Mapping,
    codes: np.ndarray,
    labels: tuple,
    file: str | None,
) -> np.ndarray:
    """N_h per stratum index, from a column (constant within stratum) or a mapping."""
    if isinstance(population, Mapping):
        missing = [lab for lab in labels if lab not in population]
        if missing:
            raise InputError(f"no population size for stratum {missing[0]}", file=file)
        return np.array([float(population[lab]) for lab in labels])
    require_columns(df, [population], file)
    pop = pd.to_numeric(df[population], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(pop) | (pop <= 0)
    if bad.any():
        raise InputError(
            "expected a positive population size",
            file=file,
            row=int(np.flatnonzero(bad)[0]) + 2,
            column=population,
        )
    h = len(labels)
    lo = np.full(h, np.inf)
    hi = np.full(h, -np.inf)
    np.minimum.at(lo, codes, pop)
    np.maximum.at(hi, codes, pop)
    if np.any(lo != hi):
        bad_h = labels[int(np.argmax(lo != hi))]
        raise InputError(
            f"population size varies within stratum {bad_h}", file=file, column=population
        )
    return hi


def _factor(values: Sequence, what: str) -> tuple[np.ndarray, list]:
    codes, uniques = pd.factorize(pd.Series(values), sort=True)
    if np.any(codes < 0):
        raise InputError(f"{what} has missing values")
    return codes.astype(np.int64), uniques.tolist()


def _targets(levels: list, totals: Mapping, what: str) -> np.ndarray:
    missing = [lev for lev in levels if lev not in totals]
    if missing:
        raise InputError(f"{what}: no population total for value {missing[0]!r}")
    return np.array([float(totals[lev]) for lev in levels])
