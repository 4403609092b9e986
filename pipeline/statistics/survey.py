"""The survey: its data and its design (R: ``svydesign(id=~psu+ssu, strata=, weights=, fpc=,
nest=, data=)``), with the quantities every variance estimate needs computed once.

Variances are Taylor-linearised as in R's ``survey`` package (``svyrecvar``): an estimator's
influence values ``z_i`` are summed per first-stage PSU (each respondent is its own PSU when
there are no clusters), and within strata

    V = sum_h f_h n_h / (n_h - 1) * sum_{j in h} (z_j - zbar_h)(z_j - zbar_h)'

with ``n_h`` the stratum's PSUs in the sample and ``f_h = 1 - n_h / N_h`` (1 without FPC).
With the FPC given at every stage, R recurses within PSUs: each later stage adds the same
formula over its own units, its strata being the units of the stage above and its terms
multiplied by the sampling fractions n/N of the stages above. Rows outside a domain keep their
place in the design with ``z_i = 0``, so ``n_h`` is always the stratum's full sample size.
The sums are np.bincount / sparse indicator products, never loops over PSUs.

Weights can be post-stratified or raked to known margins and trimmed. Calibration is taken
into account as R's ``svyrecvar`` does it: before the stratified formula above, each column of
``z`` is replaced by its residual from the calibration, one step at a time in the order the
steps were applied (``Survey.calibration``):

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

import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Literal

import numpy as np

from pipeline.core.columnar import Columns, factorize_sorted, is_missing, is_series, to_float
from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError
from pipeline.statistics import pps as pps_designs
from pipeline.statistics import replicates as replicate_weights
from pipeline.statistics.replicates import Replicates

if TYPE_CHECKING:
    import pandas as pd
    from scipy import sparse

LonelyPSU = Literal["fail", "adjust", "certainty", "remove", "average"]
LONELY_PSU_OPTIONS: tuple[str, ...] = ("fail", "adjust", "certainty", "remove", "average")
RAKING_PASSES = 10  # R's svyrecvar: fixed number of residualisation passes for a raked design
# Larger weights are refused like inf: their squares (in every variance) would overflow.
MAX_WEIGHT = 1e150


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
        from scipy import sparse  # only calibrated designs need it

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


@dataclass(frozen=True, eq=False)
class Greg:
    """A calibration to totals of auxiliary variables (R's ``greg_calibration``, stage 0):
    influence values are replaced by ``scale · resid(Q, z / scale)``, Q an orthonormal basis
    of the model matrix times √w (the weights before calibration) and ``scale`` = g √w."""

    basis: np.ndarray
    scale: np.ndarray

    def residuals(self, z: np.ndarray) -> np.ndarray:
        u = z / self.scale[:, None]
        return (u - self.basis @ (self.basis.T @ u)) * self.scale[:, None]


CalibrationStep = PostStratum | Raking | Greg


@dataclass(frozen=True, eq=False)
class Stage:
    """One sampling stage as the variance needs it (one level of R's ``multistage``).

    Attributes:
        units: each row's sampling unit at this stage, 0..U-1, or None when every row is its
            own unit (a one-stage element sample: the sums below are then the rows).
        unit_stratum: each unit's stratum at this stage, 0..G-1 (at stage 2 and below the
            strata are the units of the stage above, as in R's ``svydesign``).
        stratum_scale: per stratum, m_g f_g n_g / (n_g - 1): the stratum's multiplier m_g (the
            sampling fractions of the stages above, R's nPSU/fpc factor, times R's
            nstrat/nokstrat rescaling for lonely_psu="average"), f_g = 1 - n_g / N_g (1 without
            FPC) and n_g the number of units of the stratum in the sample.
        centre: per stratum, stratum_scale / n_g (0 where the stratum is not centred: lonely
            units under "adjust").
        unit_factor: per unit, a further multiplier of its stratum's scale, or None: 1 − π_u
            under PPS sampling without replacement by Brewer's approximation (R's
            ``pps="brewer"``: the finite population correction of each PSU from its own
            sampling probability π_u); the units are then centred at their stratum's plain
            mean, as R's onestrat does.
    """

    units: np.ndarray | None
    unit_stratum: np.ndarray
    stratum_scale: np.ndarray
    centre: np.ndarray
    unit_factor: np.ndarray | None = None
    row_stratum: np.ndarray | None = field(init=False, repr=False)
    indicator: sparse.csr_matrix | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        rows = None if self.units is None else self.unit_stratum[self.units]
        object.__setattr__(self, "row_stratum", rows)
        indicator = None
        if self.units is not None:
            from scipy import sparse  # only clustered designs need it

            n_rows, n_units = self.units.size, self.unit_stratum.size
            indicator = sparse.csr_matrix(
                (np.ones(n_rows), (self.units, np.arange(n_rows))), shape=(n_units, n_rows)
            )
        object.__setattr__(self, "indicator", indicator)

    @property
    def n_strata(self) -> int:
        return int(self.centre.size)

    @cached_property
    def unit_scale(self) -> np.ndarray:
        """Each unit's stratum_scale (a float per row without clusters: made when a variance
        first needs it, not for a cross-tab, whose cells sum by stratum), times the unit's
        own factor where the design gives one (PPS)."""
        scale = self.stratum_scale[self.unit_stratum]
        return scale if self.unit_factor is None else scale * self.unit_factor

    def totals(self, z: np.ndarray) -> np.ndarray:
        """Unit totals of the columns of ``z`` (rows × k) → U × k."""
        return z if self.indicator is None else np.asarray(self.indicator @ z)

    def stratum_sums(self, t: np.ndarray) -> np.ndarray:
        """Per-stratum column sums of unit totals ``t`` (U × k) → G × k, with np.bincount."""
        return np.stack(
            [
                np.bincount(self.unit_stratum, weights=t[:, j], minlength=self.n_strata)
                for j in range(t.shape[1])
            ],
            axis=1,
        )

    def variance(self, t: np.ndarray) -> np.ndarray:
        """Σ_g scale_g Σ_{u in g} (t_u - t̄_g)(t_u - t̄_g)' from unit totals ``t`` (U × k);
        with ``unit_factor`` each unit's own scale s_u: Σ_u s_u t t' − Σ_g [a m' + m a' −
        σ m m'] over the centred strata, m the stratum's mean, a = Σ s_u t_u, σ = Σ s_u."""
        sums = self.stratum_sums(t)
        scaled = t * self.unit_scale[:, None]
        if self.unit_factor is None:
            return scaled.T @ t - sums.T @ (sums * self.centre[:, None])
        n_g = np.bincount(self.unit_stratum, minlength=self.n_strata).astype(float)
        centred = (self.centre > 0)[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            m = np.where(centred, sums / n_g[:, None], 0.0)
        a = self.stratum_sums(scaled)
        sigma = np.bincount(self.unit_stratum, weights=self.unit_scale, minlength=self.n_strata)
        return scaled.T @ t - a.T @ m - m.T @ a + m.T @ (m * sigma[:, None])


@dataclass(frozen=True, eq=False)
class Survey:
    """A survey: its data and its design, as R's ``svydesign`` holds both.

    Estimators take a column name of ``data`` or values checked against it (see
    :meth:`values`). The design is stratified (or not) with one or more sampling stages:

    Attributes:
        data: the respondents' variables, one row per respondent (the index is the one values
            passed as a pandas Series must carry).
        strata: integer stratum index per row, 0..H-1 (first stage).
        weights: sampling weight per row (people represented by the respondent).
        stratum_labels: the stratum code of each index, as found in the data.
        population: first-stage population size N_h per stratum (length H: the number of
            PSUs in the stratum's population, or of respondents without clusters), or None
            for sampling with replacement (no finite population correction).
        clusters: per stage, each row's sampling unit 0..U_s-1, nested in the stratum and
            the stage above (R's ``id=~psu+ssu`` after ``nest``); () when each respondent is
            its own PSU.
        subpopulation: for stages 2.. (only with ``population``): per unit of the stage
            above, the number of units of this stage in the population (N of the stage's
            stratum, R's ``fpc`` columns after the first).
        lonely_psu: a stratum with a single PSU (R's ``survey.lonely.psu``): "fail"
            (InputError), "adjust" (centred at the grand mean), "certainty" or "remove" (no
            variance contribution) or "average" (the other strata's average contribution).
        calibration: the post-stratification and raking steps applied to the weights, in
            order; the variance residualises influence values on them (see the module notes).
        pps_fractions: for a PPS sample without replacement (R's ``pps="brewer"``), per
            stage, each unit's sampling probability π_u (0-1); the variance then uses
            Brewer's approximation (each PSU's own 1 − π_u as its FPC), () otherwise.
        pps_joint: for the other PPS variances (R's ``ppsmat``, ``HR``, ``"overton"``): the
            PSUs' Ď matrix (U × U, see :mod:`pipeline.statistics.pps`), the variance then
            t' Ď t ("HT", ``pps_variance``) or its Yates-Grundy form ("YG").

    Build it with :meth:`stratified`, :meth:`from_weights`, :meth:`simple`, :meth:`design`
    or :func:`survey_for`, not directly.
    """

    data: pd.DataFrame | Columns
    strata: np.ndarray
    weights: np.ndarray
    stratum_labels: tuple
    population: np.ndarray | None = None
    lonely_psu: str = "fail"
    calibration: tuple[CalibrationStep, ...] = ()
    clusters: tuple[np.ndarray, ...] = ()
    subpopulation: tuple[np.ndarray, ...] = ()
    replicates: Replicates | None = None
    pps_fractions: tuple[np.ndarray, ...] = ()
    pps_joint: np.ndarray | None = None
    pps_variance: str = "HT"
    n_h: np.ndarray = field(init=False, repr=False)
    fpc_factor: np.ndarray = field(init=False, repr=False)
    stages: tuple[Stage, ...] = field(init=False, repr=False)
    weights_sq: np.ndarray = field(init=False, repr=False)
    replicate_df: int | None = field(init=False, repr=False)
    _cache: dict = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        strata = np.asarray(self.strata, dtype=np.int64)
        weights = np.asarray(self.weights, dtype=float)
        check_lonely_psu(self.lonely_psu)
        if strata.shape != weights.shape or len(self.data) != strata.size:
            raise InputError("data, strata and weights must have one value per row")
        if not np.all(np.isfinite(weights)) or np.any(weights <= 0) or np.any(weights > MAX_WEIGHT):
            raise InputError(f"weights must be positive finite numbers (at most {MAX_WEIGHT:g})")
        clusters = tuple(np.asarray(c, dtype=np.int64) for c in self.clusters)
        object.__setattr__(self, "strata", strata)
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "clusters", clusters)
        object.__setattr__(self, "weights_sq", weights * weights)
        first = self._first_stage()
        if self.pps_fractions:
            object.__setattr__(self, "stages", tuple(self._brewer_stages(first)))
        else:
            object.__setattr__(self, "stages", (first, *self._lower_stages(first)))
        rep_df = None if self.replicates is None else self.replicates.degf(weights)
        object.__setattr__(self, "replicate_df", rep_df)

    # ----- stages -------------------------------------------------------------------------

    def _first_stage(self) -> Stage:
        """Stage 1: the strata and their PSUs (the rows themselves without clusters)."""
        n_strata = len(self.stratum_labels)
        if self.clusters:
            units = self.clusters[0]
            n_units = int(units.max()) + 1
            unit_stratum = np.zeros(n_units, dtype=np.int64)
            unit_stratum[units] = self.strata
        else:
            units, unit_stratum = None, self.strata
        n_h = np.bincount(unit_stratum, minlength=n_strata).astype(float)
        if self.population is None:
            fpc = np.ones(n_strata)
        else:
            pop = np.asarray(self.population, dtype=float)
            object.__setattr__(self, "population", pop)
            if np.any(pop < n_h):
                bad = self.stratum_labels[int(np.argmax(pop < n_h))]
                raise InputError(f"stratum {bad}: population size is smaller than the sample")
            fpc = 1.0 - n_h / pop
        object.__setattr__(self, "n_h", n_h)
        object.__setattr__(self, "fpc_factor", fpc)
        labels = [str(lab) for lab in self.stratum_labels]
        single = "respondent" if units is None else "PSU"
        scale, centre = _stratum_scale(
            n_h, fpc, np.zeros(n_strata, np.int64), 1.0, self.lonely_psu, labels, single
        )
        return Stage(units, unit_stratum, scale, centre)

    def _lower_stages(self, first: Stage) -> list[Stage]:
        """Stages 2.. (R's recursion within PSUs, done only when the FPC is given: a stage's
        strata are the units of the stage above, its multiplier their sampling fraction)."""
        if self.population is None or len(self.clusters) < 2:
            return []
        stages = []
        parent_units = self.clusters[0]
        # The sampling fraction of each first-stage PSU's stratum: n_h / N_h.
        parent_mult = (self.n_h / self.population)[first.unit_stratum]
        for s, (units, pop) in enumerate(
            zip(self.clusters[1:], self.subpopulation, strict=True), start=2
        ):
            n_units = int(units.max()) + 1
            n_parents = int(parent_units.max()) + 1
            unit_stratum = np.zeros(n_units, dtype=np.int64)
            unit_stratum[units] = parent_units
            n_g = np.bincount(unit_stratum, minlength=n_parents).astype(float)
            pop = np.asarray(pop, dtype=float)
            fpc = 1.0 - n_g / pop
            # Each stage-s stratum is alone in R's onestage call (one parent unit each).
            labels = [f"(PSU {g + 1} of stage {s - 1})" for g in range(n_parents)]
            scale, centre = _stratum_scale(
                n_g,
                fpc,
                np.arange(n_parents),
                parent_mult,
                self.lonely_psu,
                labels,
                f"unit at stage {s}",
            )
            stages.append(Stage(units, unit_stratum, scale, centre))
            parent_mult = (parent_mult * n_g / pop)[unit_stratum]
            parent_units = units
        return stages

    def _brewer_stages(self, first: Stage) -> list[Stage]:
        """R's svyrecvar for pps="brewer": at each stage the stratum's n/(n − 1) (and R's
        lonely-unit rules) times each unit's 1 − π_u, the units centred at their stratum's
        mean; stage s + 1 within each unit u of stage s, multiplied by the π of the units
        above (R's nPSU/fpc factor, fpc being n/π)."""
        stages = []
        unit_stratum, units = first.unit_stratum, first.units
        n_groups = self.n_strata
        parent, mult = np.zeros(n_groups, np.int64), np.ones(n_groups)
        labels = [str(lab) for lab in self.stratum_labels]
        for s, pi in enumerate(self.pps_fractions, start=1):
            n_g = np.bincount(unit_stratum, minlength=n_groups).astype(float)
            single = "PSU" if s == 1 else f"unit at stage {s}"
            # R's onestrat: a stratum whose every unit has 1 − π < 1e-7 adds nothing.
            largest = np.zeros(n_groups)
            np.maximum.at(largest, unit_stratum, 1.0 - pi)
            sampled = np.where(largest < 1e-7, 0.0, 1.0)
            scale, centre = _stratum_scale(
                n_g, sampled, parent, mult, self.lonely_psu, labels, single
            )
            stages.append(Stage(units, unit_stratum, scale, centre, 1.0 - pi))
            if s == len(self.pps_fractions):
                break
            # The next stage's strata are this stage's units.
            mult = (mult[unit_stratum] * pi).copy()
            n_groups = unit_stratum.size
            parent = np.arange(n_groups)
            labels = [f"(PSU {g + 1} of stage {s})" for g in range(n_groups)]
            row_units = np.arange(self.n) if units is None else units
            units = self.clusters[s]
            unit_stratum = np.zeros(int(units.max()) + 1, dtype=np.int64)
            unit_stratum[units] = row_units
        return stages

    # ----- constructors -------------------------------------------------------------------

    @classmethod
    def stratified(
        cls,
        df: pd.DataFrame | Columns,
        *,
        strata: str,
        population: str | Mapping,
        fpc: bool = True,
        lonely_psu: str = "fail",
        file: str | None = None,
    ) -> Survey:
        """Survey of ``df`` with weights N_h / n_h from the realised sample.

        ``population`` is a column holding N_h for each respondent's stratum, or a mapping
        stratum code → N_h. With ``fpc=False`` the variance ignores the finite population
        correction (with-replacement sampling) while weights stay N_h / n_h.
        """
        codes, labels = _stratum_codes(df, strata, file)
        pop = _population_per_stratum(df, population, codes, labels, file)
        n_h = np.bincount(codes, minlength=len(labels))
        weights = (pop / n_h)[codes]
        return cls(df, codes, weights, labels, pop if fpc else None, lonely_psu)

    @classmethod
    def from_weights(
        cls,
        df: pd.DataFrame | Columns,
        *,
        weight: str,
        strata: str | None = None,
        population: str | Mapping | None = None,
        lonely_psu: str = "fail",
        file: str | None = None,
    ) -> Survey:
        """Survey of ``df`` with the user's weight column; optional strata and N_h (FPC).

        Without ``strata`` the sample is one stratum; without ``population`` there is no FPC.
        """
        w = _weight_column(df, weight, file)
        if strata is None:
            codes, labels = np.zeros(len(df), dtype=np.int64), ("all",)
        else:
            codes, labels = _stratum_codes(df, strata, file)
        pop = None
        if population is not None:
            pop = _population_per_stratum(df, population, codes, labels, file)
        return cls(df, codes, w, labels, pop, lonely_psu)

    @classmethod
    def simple(cls, df: pd.DataFrame | Columns) -> Survey:
        """Unweighted simple random sample with replacement of the rows of ``df``."""
        n = len(df)
        return cls(df, np.zeros(n, dtype=np.int64), np.ones(n), ("all",), None, "fail")

    @classmethod
    def design(
        cls,
        df: pd.DataFrame | Columns,
        *,
        clusters: Sequence[str] = (),
        strata: str | None = None,
        weight: str | None = None,
        fpc: Sequence[str] = (),
        nest: bool = False,
        lonely_psu: str = "fail",
        pps: str | None = None,
        joint_probabilities: np.ndarray | None = None,
        p2bar: float | None = None,
        pps_variance: str = "HT",
        file: str | None = None,
    ) -> Survey:
        """R's ``svydesign(id=~c1+c2.., strata=, weights=, fpc=~f1+f2.., nest=, pps=)``.

        ``clusters``: one column per stage (none: each respondent is its own PSU); stage-s
        units are nested in the stage above (R's interaction of the ids). With ``nest`` the
        first-stage ids are nested in the strata (ids may repeat across strata); without it
        a PSU found in two strata is an error. ``fpc``: none, or one column per stage (one
        with no clusters), each either population counts (all values ≥ 1, some > 1) or
        sampling fractions (all ≤ 1), as R tells them apart. Weights: the column, else the
        product of N/n over the stages when ``fpc`` is given, else 1.

        ``pps``: sampling with probability proportional to size without replacement; ``fpc``
        then gives each unit's own sampling probability at each stage (0-1, constant within
        the unit), and the weights default to 1 / the product of the probabilities. "brewer":
        Brewer's approximation (any number of stages); one stage only for "overton"
        (Overton's approximation), "hr" (Hartley-Rao's, with ``p2bar`` = Σπ²/n of the
        population, or without it the sample's mean π per stratum: R's ``HR()``) and
        "ppsmat" (the PSUs' ``joint_probabilities`` π_ij, U × U in the order the PSUs first
        appear in the data); ``pps_variance``: "HT" (Horvitz-Thompson) or "YG"
        (Yates-Grundy) for those three, as R's ``variance=``.
        """
        if pps is not None:
            spec = (pps, joint_probabilities, p2bar, pps_variance)
            return cls._pps(df, clusters, strata, weight, fpc, nest, lonely_psu, spec, file)
        clusters, fpc = list(clusters), list(fpc)
        require_columns(df, [*clusters, strata, weight, *fpc], file)
        n = len(df)
        if strata is None:
            codes, labels = np.zeros(n, dtype=np.int64), ("all",)
        else:
            codes, labels = _stratum_codes(df, strata, file)
        units = _stage_units(df, clusters, codes, labels, nest, strata, file)
        stages = max(len(clusters), 1)
        if fpc and len(fpc) != stages:
            raise InputError(
                f"give one fpc column per sampling stage ({stages}), got {len(fpc)}",
                file=file,
                column=fpc[0],
            )
        pops = _stage_populations(df, fpc, codes, units, labels, file) if fpc else []
        if weight is not None:
            w = _weight_column(df, weight, file)
        elif pops:
            w = _weights_from_populations(codes, units, pops, n)
        else:
            w = np.ones(n)
        population = pops[0] if pops else None
        return cls(
            df,
            codes,
            w,
            labels,
            population,
            lonely_psu,
            (),
            tuple(units[: len(clusters)]),
            tuple(pops[1:]),
        )

    @classmethod
    def _pps(cls, df, clusters, strata, weight, fpc, nest, lonely_psu, spec, file) -> Survey:
        """:meth:`design` with ``pps`` (``spec``: method, joint probabilities, p2bar, HT/YG)."""
        pps, joint_probabilities, p2bar, kind = spec
        if pps not in pps_designs.PPS_METHODS:
            raise InputError(
                f"pps must be one of {', '.join(pps_designs.PPS_METHODS)}, got {pps!r}"
            )
        if kind not in pps_designs.PPS_VARIANCES:
            raise InputError(f"pps_variance must be HT or YG, got {kind!r}")
        if pps != "brewer" and len(clusters) > 1:
            raise InputError(f"pps={pps!r} is for one sampling stage (as in R); use 'brewer'")
        if pps == "ppsmat" and joint_probabilities is None:
            raise InputError("pps='ppsmat' needs the joint inclusion probabilities")
        clusters, fpc = list(clusters), list(fpc)
        require_columns(df, [*clusters, strata, weight, *fpc], file)
        n = len(df)
        stages = max(len(clusters), 1)
        if len(fpc) != stages:
            raise InputError(
                f"pps='brewer' needs each unit's sampling probability: one fpc column per "
                f"sampling stage ({stages}), got {len(fpc)}",
                file=file,
            )
        if strata is None:
            codes, labels = np.zeros(n, dtype=np.int64), ("all",)
        else:
            codes, labels = _stratum_codes(df, strata, file)
        units = _stage_units(df, clusters, codes, labels, nest, strata, file)
        fractions = [
            _unit_probabilities(df, column, u, file) for column, u in zip(fpc, units, strict=True)
        ]
        if weight is not None:
            w = _weight_column(df, weight, file)
        else:
            w = 1.0 / np.prod([f[u] for f, u in zip(fractions, units, strict=True)], axis=0)
        joint = None
        if pps != "brewer":
            joint = _pps_dcheck(pps, fractions[0], units[0], codes, joint_probabilities, p2bar)
        return cls(
            df,
            codes,
            w,
            labels,
            None,
            lonely_psu,
            (),
            tuple(units[: len(clusters)]),
            (),
            pps_fractions=tuple(fractions) if pps == "brewer" else (),
            pps_joint=joint,
            pps_variance=kind,
        )

    def with_weights(self, weights: np.ndarray, step: CalibrationStep | None = None) -> Survey:
        """The same data, strata, clusters, FPC and calibration steps with new weights;
        ``step`` is the calibration that produced them, if any (trimming passes none)."""
        if self.replicates is not None:
            raise InputError("calibrating or trimming a replicate-weight design is not supported")
        steps = self.calibration if step is None else (*self.calibration, step)
        return replace(self, weights=weights, calibration=steps)

    # ----- replicate weights --------------------------------------------------------------

    @classmethod
    def replicate(
        cls,
        df: pd.DataFrame | Columns,
        *,
        repweights: str | Sequence[str],
        weight: str | None = None,
        type: str = "other",
        combined: bool = True,
        scale: float | None = None,
        rscales: Sequence[float] | None = None,
        rho: float | None = None,
        mse: bool = False,
        file: str | None = None,
    ) -> Survey:
        """R's ``svrepdesign(repweights=, weights=, type=, combined.weights=, scale=,
        rscales=, rho=, mse=)``: replicate weight columns (a list, or a regular expression
        matched against the column names as R's ``grep``) and the sampling weight column
        (without one, weights 1, as R assumes with a warning)."""
        if isinstance(repweights, str):
            columns = [c for c in df.columns if re.search(repweights, str(c))]
            if not columns:
                raise InputError(
                    f"no column matches the replicate weights pattern {repweights!r}", file=file
                )
        else:
            columns = list(repweights)
            require_columns(df, columns, file)
        values = np.column_stack([to_float(df[c]) for c in columns])
        bad = ~np.isfinite(values) | (values < 0)
        if bad.any():
            row, col = np.argwhere(bad)[0]
            raise InputError(
                "expected a replicate weight (a number ≥ 0)",
                file=file,
                row=int(row) + 2,
                column=columns[col],
            )
        if weight is None:
            warnings.warn(
                "no sampling weights given: equal probability assumed, as R does", stacklevel=2
            )
            w = np.ones(len(df))
        else:
            w = _weight_column(df, weight, file)
        reps = replicate_weights.supplied(
            values,
            type=type,
            combined=combined,
            scale=scale,
            rscales=None if rscales is None else np.asarray(rscales, dtype=float),
            rho=rho,
            mse=mse,
        )
        n = len(df)
        return cls(df, np.zeros(n, dtype=np.int64), w, ("all",), replicates=reps)

    def as_replicate(
        self,
        type: str = "auto",
        *,
        rho: float = 0.0,
        replicates: int = 50,
        seed: int | None = None,
        mse: bool = False,
        hadamard: np.ndarray | None = None,
    ) -> Survey:
        """R's ``as.svrepdesign(design, type=, fay.rho=, replicates=, mse=)`` on the first
        stage: "JK1" (unstratified), "JKn" (stratified), "BRR" or "Fay" (two PSUs per
        stratum; ``rho`` is Fay's factor; the FPC is dropped, as R drops it), "bootstrap"
        (``replicates`` draws, ``seed``); "auto" is JK1 without strata, else JKn. Later
        stages and their FPC are dropped, as R drops them."""
        if self.replicates is not None:
            raise InputError("the survey already has replicate weights")
        if self.calibration:
            raise InputError("replicate weights of a calibrated design are not supported")
        if self.pps:
            raise InputError("replicate weights of a PPS design are not supported")
        stratified = self.n_strata > 1
        if type == "auto":
            type = "JKn" if stratified else "JK1"
        if type == "JK1" and stratified:
            raise InputError("JK1 replicates are for an unstratified design; use JKn")
        if type in ("JKn", "BRR", "Fay") and not stratified:
            raise InputError(f"{type} replicates need strata; use JK1 or bootstrap")
        if len(self.stages) > 1 or (len(self.clusters) > 1 and self.population is not None):
            warnings.warn(
                "the FPC after the first stage is dropped in the conversion to "
                "replicate weights, as R does",
                stacklevel=2,
            )
        first = self.stages[0]
        unit_stratum = first.unit_stratum
        units = first.units if first.units is not None else np.arange(self.n)
        fpc = self.fpc_factor
        if type == "JK1":
            reps = replicate_weights.jackknife_one(unit_stratum.size, float(fpc[0]), mse)
        elif type == "JKn":
            factors, scale, rscales, groups = replicate_weights.jackknife_strata(
                unit_stratum, fpc, self.lonely_psu
            )
            reps = replicate_weights.Replicates(
                "JKn", factors, None, False, scale, rscales, mse, column_group=groups
            )
        elif type in ("BRR", "Fay"):
            if self.population is not None:
                warnings.warn(
                    "the finite population correction is dropped in the "
                    "conversion to BRR replicates, as R does",
                    stacklevel=2,
                )
            reps = replicate_weights.balanced_half_samples(
                unit_stratum,
                self.stratum_labels,
                rho if type == "Fay" else 0.0,
                hadamard,
                mse,
                _first_in_data(units, self.strata, unit_stratum.size),
            )
        elif type == "bootstrap":
            reps = replicate_weights.bootstrap(unit_stratum, self.population, replicates, seed, mse)
        else:
            raise InputError(
                f"replicate type must be auto, JK1, JKn, BRR, Fay or bootstrap, got {type!r}"
            )
        groups = reps.column_group
        per_unit = replicate_weights.Replicates(
            reps.type,
            reps.factors,
            units,
            False,
            reps.scale,
            reps.rscales,
            mse,
            unit_group=None if groups is None else unit_stratum,
            column_group=groups,
        )
        return replace(self, replicates=per_unit)

    # ----- the data -----------------------------------------------------------------------

    def values(self, values, what: str = "values") -> pd.Series:
        """A variable of the survey, positionally aligned with its rows (index 0..n-1).

        ``values`` is a column name of :attr:`data`, a pandas Series with the data's index
        (same labels in the same order, else InputError naming both), or a sequence/array of
        one value per row.
        """
        import pandas as pd

        frame = self.frame
        if isinstance(values, str):
            if values not in frame.columns:
                raise InputError(
                    f"{what}: the survey data have no column {values!r}", column=values
                )
            return frame[values].reset_index(drop=True)
        if isinstance(values, pd.Series):
            if not values.index.equals(frame.index):
                name = "a Series" if values.name is None else f"Series {values.name!r}"
                raise InputError(
                    f"{what}: the index of {name} ({_index_text(values.index)}) does not "
                    f"match the index of the survey's data ({_index_text(frame.index)}); "
                    "pass the column name, or align the values with the survey's data"
                )
            return values.reset_index(drop=True)
        s = pd.Series(np.asarray(values) if not isinstance(values, list) else values)
        if len(s) != self.n:
            raise InputError(f"{what}: expected {self.n} values (one per respondent), got {len(s)}")
        return s

    def variable(self, values, what: str = "values") -> np.ndarray | pd.Series:
        """A variable as :meth:`values` checks it, as the data hold it: a numpy array when
        the data are :class:`Columns` and ``values`` a column name or an array (no pandas:
        what ``survey crosstab`` needs), else the Series of :meth:`values`."""
        if isinstance(self.data, Columns):
            if isinstance(values, str):
                if values not in self.data:
                    raise InputError(
                        f"{what}: the survey data have no column {values!r}", column=values
                    )
                return self.data[values]
            if isinstance(values, np.ndarray) and values.ndim == 1:
                if values.size != self.n:
                    raise InputError(
                        f"{what}: expected {self.n} values (one per respondent), got "
                        f"{values.size}"
                    )
                return values
        return self.values(values, what)

    @property
    def frame(self) -> pd.DataFrame:
        """The data as a pandas DataFrame (:class:`Columns` converted once, when asked)."""
        if not isinstance(self.data, Columns):
            return self.data
        if "frame" not in self._cache:
            self._cache["frame"] = self.data.to_pandas()
        return self._cache["frame"]

    # ----- properties ---------------------------------------------------------------------

    @property
    def n(self) -> int:
        """Number of respondents (rows)."""
        return int(self.strata.size)

    @property
    def n_strata(self) -> int:
        return len(self.stratum_labels)

    @property
    def pps(self) -> bool:
        """Whether the sample was drawn with probability proportional to size (R's pps=)."""
        return bool(self.pps_fractions) or self.pps_joint is not None

    @property
    def clustered(self) -> bool:
        """Whether PSUs are clusters of respondents (else each respondent is its own PSU)."""
        return bool(self.clusters)

    @property
    def n_psu(self) -> int:
        """Number of first-stage sampling units in the sample."""
        return int(self.n_h.sum())

    @property
    def df(self) -> int:
        """Design degrees of freedom: first-stage PSUs minus strata (R's ``degf``); with
        replicate weights the rank of the replicate weights minus 1 (R's degf of a
        svyrep.design)."""
        if self.replicate_df is not None:
            return self.replicate_df
        return self.n_psu - self.n_strata

    def domain_df(self, inside: np.ndarray) -> int:
        """Degrees of freedom of a domain: the PSUs holding one of its respondents minus the
        strata they fall in (R's ``degf`` of ``subset(design, ...)``; with replicate weights,
        the rank of the domain rows' replicate weights minus 1)."""
        if self.replicates is not None:
            return self.replicates.degf(self.weights, inside)
        psu = self.clusters[0][inside] if self.clusters else np.flatnonzero(inside)
        strata = self.strata[inside]
        return int(np.unique(psu).size - np.unique(strata).size)

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
        ``z`` (rows × k, zero outside a domain): residualised on the calibration, then R's
        svyrecvar over the stages (see :class:`Stage`)."""
        if self.replicates is not None:
            raise InputError(
                "a linearised variance is not available for a replicate-weight design "
                "(its estimators re-estimate with each replicate's weights instead)"
            )
        z2 = np.asarray(z, dtype=float).reshape(self.n, -1)
        if self.calibration:
            z2 = self.calibration_residuals(z2)
        if self.pps_joint is not None:
            return pps_designs.pps_variance(
                self.stages[0].totals(z2), self.pps_joint, self.pps_variance
            )
        v = self.stages[0].variance(self.stages[0].totals(z2))
        for stage in self.stages[1:]:
            v = v + stage.variance(stage.totals(z2))
        return v

    def cell_variance(
        self, s1: np.ndarray, s2: np.ndarray, cells: np.ndarray | None = None
    ) -> np.ndarray:
        """Covariance (K × K) of K cell totals from per-stratum sums of w (``s1``, H × K) and of
        w² (``s2``, H × K); each row belongs to at most one cell.

        A calibrated or clustered design also needs ``cells``, each row's cell 0..K-1
        (negative for none): a calibrated one residualises the influence values w·[row in
        cell] and goes through :meth:`variance`; a clustered one sums the weights per unit
        and cell at each stage (one np.bincount per stage).
        """
        if self.calibration or self.clusters or self.pps:
            if cells is None:
                raise ValueError("a calibrated or clustered design needs each row's cell")
            inside = np.flatnonzero(cells >= 0)
            k = s1.shape[1]
            if self.calibration or self.pps:
                z = np.zeros((self.n, k))
                z[inside, cells[inside]] = self.weights[inside]
                return self.variance(z)
            v = np.zeros((k, k))
            # Rows in no cell go to slot k, dropped after the sums (no gathers over rows).
            slots = np.where(cells >= 0, cells, k)
            for stage in self.stages:
                v = v + self._stage_cell_variance(stage, slots, k)
            return v
        first = self.stages[0]
        diag = first.stratum_scale @ s2
        return np.diag(diag) - s1.T @ (s1 * first.centre[:, None])

    def _stage_cell_variance(self, stage: Stage, slots: np.ndarray, k: int) -> np.ndarray:
        """One stage's term of the covariance of K cell totals (``slots``: each row's cell,
        k for none).

        Units holding one row each (members, the last stage) have one non-zero cell: their
        Σ t t' is diagonal, Σ scale · w² per cell, so only the strata × cells sums are
        formed (one np.bincount each), never a units × cells matrix."""
        n_units = stage.unit_stratum.size
        width = k + 1
        if n_units == self.n:
            g = stage.row_stratum
            size = stage.n_strata * width
            sums = np.bincount(g * width + slots, weights=self.weights, minlength=size)
            sums = sums.reshape(-1, width)[:, :k]
            diag = np.bincount(slots, weights=self._scaled_weights_sq(stage), minlength=width)
            return np.diag(diag[:k]) - sums.T @ (sums * stage.centre[:, None])
        t = np.bincount(
            stage.units * width + slots, weights=self.weights, minlength=n_units * width
        )
        return stage.variance(t.reshape(n_units, width)[:, :k])

    def _scaled_weights_sq(self, stage: Stage) -> np.ndarray:
        """Per row, the stage's scale of its stratum times w² (kept: every table uses it)."""
        cache = self._cache
        key = ("scaled_w2", id(stage))
        if key not in cache:
            cache[key] = stage.stratum_scale[stage.row_stratum] * self.weights_sq
        return cache[key]

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


def _first_in_data(units: np.ndarray, strata: np.ndarray, n_units: int) -> np.ndarray:
    """Per unit, whether it holds the first row of its stratum in the data (R's brrweights
    keeps the strata's PSUs in the order the data show them)."""
    first = np.zeros(n_units, dtype=bool)
    first[units[np.unique(strata, return_index=True)[1]]] = True
    return first


def _stratum_scale(
    n_g: np.ndarray,
    fpc: np.ndarray,
    parent: np.ndarray,
    mult: np.ndarray | float,
    lonely_psu: str,
    labels: list[str],
    single: str,
) -> tuple[np.ndarray, np.ndarray]:
    """Per stratum: the variance scale m f n / (n - 1) and the centring weight scale / n, with
    R's onestrat rules for lonely units (``parent``: each stratum's group in R's onestage call,
    for the "average" rescaling)."""
    lonely = n_g == 1
    census = fpc < 1e-7  # R: a stratum sampled completely adds nothing, lonely or not
    if lonely_psu == "fail" and np.any(lonely & ~census):
        bad = [labels[i] for i in np.flatnonzero(lonely & ~census)]
        raise InputError(
            f"stratum {', '.join(bad)} has a single {single}; its variance cannot be "
            "estimated (choose lonely_psu='adjust', 'certainty', 'remove' or 'average')"
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(n_g > 1, fpc * n_g / (n_g - 1), 0.0)
        centre = np.where(n_g > 1, scale / n_g, 0.0)
    if lonely_psu == "adjust":
        # R centres a lonely stratum's influence at the grand mean: no stratum centring.
        scale = np.where(lonely, fpc, scale)
    scale = np.where(census, 0.0, scale)
    centre = np.where(census, 0.0, centre)
    mult = np.broadcast_to(np.asarray(mult, dtype=float), n_g.shape)
    if lonely_psu == "average":
        # R's onestage: the strata that can be estimated stand in for the lonely ones.
        bad = lonely & ~census
        n_all = np.bincount(parent, minlength=int(parent.max()) + 1)
        n_ok = np.bincount(parent, weights=~bad, minlength=n_all.size)
        with np.errstate(divide="ignore", invalid="ignore"):
            mult = mult * (n_all / n_ok)[parent]
        mult = np.where(np.isfinite(mult), mult, np.nan)
    return scale * mult, centre * mult


def survey_for(
    df: pd.DataFrame | Columns,
    *,
    strata: str | None = None,
    weight: str | None = None,
    fpc: str | Sequence[str] | None = None,
    clusters: Sequence[str] = (),
    nest: bool = False,
    lonely_psu: str = "fail",
    file: str | None = None,
) -> Survey:
    """The survey that a command's column options describe.

    Without clusters, ``fpc`` names a column with the population size N_h of the respondent's
    stratum: with a weight column the weights are used as given; without one but with strata
    and fpc they are N_h / n_h; with neither the sample is an unweighted simple random
    sample. With ``clusters`` (one column per stage) it is :meth:`Survey.design`, ``fpc``
    then one column per stage (population sizes or sampling fractions).
    """
    fpcs = [] if fpc is None else [fpc] if isinstance(fpc, str) else list(fpc)
    if clusters or len(fpcs) > 1:
        return Survey.design(
            df,
            clusters=clusters,
            strata=strata,
            weight=weight,
            fpc=fpcs,
            nest=nest,
            lonely_psu=lonely_psu,
            file=file,
        )
    fpc = fpcs[0] if fpcs else None
    if weight is not None:
        return Survey.from_weights(
            df, weight=weight, strata=strata, population=fpc, lonely_psu=lonely_psu, file=file
        )
    if strata is not None and fpc is not None:
        return Survey.stratified(
            df, strata=strata, population=fpc, lonely_psu=lonely_psu, file=file
        )
    if fpc is not None:
        raise InputError("--fpc needs --strata (or --weight)", file=file, column=fpc)
    if strata is None:
        return Survey.simple(df)
    codes, labels = _stratum_codes(df, strata, file)
    return Survey(df, codes, np.ones(len(df)), labels, None, lonely_psu)


# ----- calibration and trimming -----------------------------------------------------------


def post_stratify(design: Survey, groups: Sequence, totals: Mapping) -> Survey:
    """Post-stratify: scale weights so that each group's weighted total equals ``totals[g]``
    (R's ``postStratify``). Every group present in the data needs a total."""
    codes, levels = _factor(groups, "post-stratification variable")
    target = _targets(levels, totals, "post-stratification")
    current = np.bincount(codes, weights=design.weights, minlength=len(levels))
    w = design.weights * (target / current)[codes]
    return design.with_weights(w, PostStratum(codes, w))


def rake(
    design: Survey,
    margins: Mapping[str, Sequence],
    totals: Mapping[str, Mapping],
    *,
    tol: float = 1e-7,
    max_iter: int = 100,
) -> Survey:
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


def trim_weights(
    design: Survey,
    upper: float = np.inf,
    *,
    lower: float = -np.inf,
    strict: bool = True,
    max_iter: int = 100,
) -> Survey:
    """R's ``trimWeights(design, upper=, lower=, strict=)``: weights above ``upper`` are set
    to it and those below ``lower`` raised to it; the amount trimmed (the excess over the cap
    less what the floor added) is shared equally among the respondents left alone, so the
    weight total is kept. With ``strict`` (R's ``strict=TRUE``; R's default is FALSE, one
    pass) the pass is repeated until every weight is within the limits.

    As in R, the calibration steps are kept unchanged (their weights are the pre-trimming
    ones) and none is added.
    """
    w = design.weights.copy()
    if not lower < upper:
        raise InputError(f"trimming needs lower < upper, got lower={lower}, upper={upper}")
    if upper * w.size < w.sum():
        raise InputError(f"cannot trim weights to {upper}: the cap times n is below the total")
    if lower * w.size > w.sum():
        raise InputError(f"cannot trim weights to {lower}: the floor times n is above the total")
    for _ in range(max_iter):
        outside = (w < lower) | (w > upper)
        if not outside.any():
            return design.with_weights(w)
        trimmed = np.clip(w, lower, upper)
        excess = np.sum(w - trimmed)
        w = trimmed
        w[~outside] += excess / np.count_nonzero(~outside)
        if not strict:
            return design.with_weights(w)
    raise InputError(f"weight trimming to [{lower}, {upper}] did not converge in {max_iter} rounds")


# ----- helpers ----------------------------------------------------------------------------


def _stratum_codes(
    df: pd.DataFrame | Columns, strata: str, file: str | None
) -> tuple[np.ndarray, tuple]:
    require_columns(df, [strata], file)
    values = df[strata]
    missing = is_missing(values)
    if missing.any():
        row = int(np.flatnonzero(missing)[0])
        raise InputError(
            "expected a stratum code, found nothing", file=file, row=row + 2, column=strata
        )
    codes, uniques = factorize_sorted(values)
    return codes.astype(np.int64), tuple(uniques)


def _population_per_stratum(
    df: pd.DataFrame | Columns,
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
    pop = _positive_column(df, population, "a positive population size", file)
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
    import pandas as pd

    codes, uniques = pd.factorize(pd.Series(values), sort=True)
    if np.any(codes < 0):
        raise InputError(f"{what} has missing values")
    return codes.astype(np.int64), uniques.tolist()


def _targets(levels: list, totals: Mapping, what: str) -> np.ndarray:
    missing = [lev for lev in levels if lev not in totals]
    if missing:
        raise InputError(f"{what}: no population total for value {missing[0]!r}")
    return np.array([float(totals[lev]) for lev in levels])


def _index_text(index: pd.Index) -> str:
    """A short description of a pandas index for error messages."""
    head = ", ".join(map(str, index[:3].tolist()))
    more = ", ..." if len(index) > 3 else ""
    return f"{len(index)} rows: {head}{more}"


def _weight_column(df: pd.DataFrame | Columns, weight: str, file: str | None) -> np.ndarray:
    """The weight column as floats; InputError at the first value that is not a positive
    finite number (above :data:`MAX_WEIGHT`, e.g. 1e308, counts as overflowing, like inf)."""
    require_columns(df, [weight], file)
    return _positive_column(df, weight, "a positive number as weight", file, MAX_WEIGHT)


def _positive_column(
    df: pd.DataFrame | Columns,
    column: str,
    expected: str,
    file: str | None,
    largest: float = np.inf,
) -> np.ndarray:
    """The column as floats; InputError naming the first row (file row, header = 1) whose
    value is not a finite number in (0, ``largest``]."""
    x = to_float(df[column])
    bad = ~(np.isfinite(x) & (x > 0) & (x <= largest))
    if bad.any():
        row = int(np.flatnonzero(bad)[0]) + 2
        raise InputError(f"expected {expected}", file=file, row=row, column=column)
    return x


def _id_codes(df: pd.DataFrame | Columns, column: str, file: str | None) -> np.ndarray:
    """A cluster id column as integer codes; InputError at the first missing id."""
    values = df[column]
    missing = is_missing(values)
    if missing.any():
        row = int(np.flatnonzero(missing)[0])
        raise InputError(
            "expected a cluster id, found nothing", file=file, row=row + 2, column=column
        )
    codes, _ = factorize_sorted(values)
    return codes.astype(np.int64)


def _at(values: np.ndarray | pd.Series, row: int):
    """The value at position ``row`` (``.iloc`` of a Series)."""
    return values.iloc[row] if is_series(values) else values[row]


def _nested_codes(outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """Codes 0..U-1 of the (outer, inner) pairs, in sorted order (R's interaction)."""
    key = outer * (int(inner.max()) + 1) + inner
    codes, _ = factorize_sorted(key)
    return codes.astype(np.int64)


def _stage_units(
    df: pd.DataFrame | Columns,
    clusters: list[str],
    strata: np.ndarray,
    labels: tuple,
    nest: bool,
    strata_column: str | None,
    file: str | None,
) -> list[np.ndarray]:
    """Each row's unit per stage, nested as R's svydesign nests them; the rows themselves
    as the single stage without clusters."""
    if not clusters:
        return [np.arange(len(df), dtype=np.int64)]
    ids = [_id_codes(df, c, file) for c in clusters]
    if nest:
        first = _nested_codes(strata, ids[0])
    else:
        first = ids[0]
        n_units = int(first.max()) + 1
        lo = np.full(n_units, np.iinfo(np.int64).max)
        hi = np.full(n_units, -1)
        np.minimum.at(lo, first, strata)
        np.maximum.at(hi, first, strata)
        if np.any(lo != hi):
            u = int(np.argmax(lo != hi))
            row = int(np.flatnonzero(first == u)[0])
            raise InputError(
                f"PSU {_at(df[clusters[0]], row)!r} is in strata {labels[lo[u]]} and "
                f"{labels[hi[u]]}: clusters are not nested in strata (use nest=True / --nest "
                "when PSU ids repeat across strata)",
                file=file,
                column=clusters[0],
            )
    units = [first]
    for inner in ids[1:]:
        units.append(_nested_codes(units[-1], inner))
    return units


def _stage_populations(
    df: pd.DataFrame | Columns,
    fpc: list[str],
    strata: np.ndarray,
    units: list[np.ndarray],
    labels: tuple,
    file: str | None,
) -> list[np.ndarray]:
    """Population size per stratum of each stage from the fpc columns (R's ``as.fpc``).

    As R: the values are population counts if any exceeds 1 (then all must be ≥ 1), else
    sampling fractions n / N; a stage's strata are the units of the stage above; the size
    must not vary within a stratum nor be below the number of sampled units.
    """
    values = []
    for column in fpc:
        values.append(
            _positive_column(df, column, "a positive population size or sampling fraction", file)
        )
    counts = any(np.any(x > 1) for x in values)
    if counts != all(np.all(x >= 1) for x in values):
        column = next(c for c, x in zip(fpc, values, strict=True) if np.any(x < 1))
        raise InputError(
            "fpc values must be all population sizes (≥ 1) or all sampling fractions (≤ 1), "
            "as R's survey package requires",
            file=file,
            column=column,
        )
    out = []
    for s, (column, x) in enumerate(zip(fpc, values, strict=True)):
        group = strata if s == 0 else units[s - 1]
        n_groups = int(group.max()) + 1
        n_g = np.bincount(
            group[np.unique(units[s], return_index=True)[1]], minlength=n_groups
        ).astype(float)
        lo = np.full(n_groups, np.inf)
        hi = np.full(n_groups, -np.inf)
        np.minimum.at(lo, group, x)
        np.maximum.at(hi, group, x)
        where = _group_names(df, s, group, labels)
        if np.any(lo != hi):
            g = int(np.argmax(lo != hi))
            raise InputError(f"fpc varies within {where(g)}", file=file, column=column)
        pop = hi if counts else n_g / hi
        if np.any(pop < n_g * (1 - 1e-12)):
            g = int(np.argmax(pop < n_g * (1 - 1e-12)))
            unit = "PSUs" if s == 0 else f"stage-{s + 1} units"
            raise InputError(
                f"{where(g)}: fpc is smaller than the sample ({pop[g]:g} in the population, "
                f"{int(n_g[g])} {unit} sampled)",
                file=file,
                column=column,
            )
        out.append(pop)
    return out


def _pps_dcheck(
    method: str,
    prob: np.ndarray,
    units: np.ndarray,
    strata: np.ndarray,
    joint: np.ndarray | None,
    p2bar: float | None,
) -> np.ndarray:
    """The PSUs' Ď matrix (our unit order) for pps="overton", "hr" or "ppsmat"."""
    first_row = np.unique(units, return_index=True)[1]
    unit_strata = strata[first_row]
    if method == "overton":
        return pps_designs.overton_dcheck(prob, unit_strata)
    if method == "hr":
        if p2bar is None:  # R's HR(): the mean π of the stratum's sampled units
            sums = np.bincount(unit_strata, weights=prob)
            p2 = (sums / np.bincount(unit_strata))[unit_strata]
        else:
            p2 = np.full(prob.size, float(p2bar))
        return pps_designs.hartley_rao_dcheck(prob, unit_strata, p2)
    matrix = np.asarray(joint, dtype=float)
    if matrix.shape != (prob.size, prob.size):
        raise InputError(
            f"the joint inclusion probabilities are {matrix.shape[0]} × {matrix.shape[1]}; "
            f"the design has {prob.size} PSUs"
        )
    # R's matrix is in the order the PSUs first appear in the data.
    position = np.argsort(np.argsort(first_row, kind="stable"), kind="stable")
    return pps_designs.joint_dcheck(matrix[np.ix_(position, position)])


def _unit_probabilities(
    df: pd.DataFrame, column: str, units: np.ndarray, file: str | None
) -> np.ndarray:
    """Each unit's sampling probability (0-1] from a column constant within the unit (R:
    "fpc must be specified as sampling fraction for PPS sampling")."""
    x = _positive_column(df, column, "a sampling probability between 0 and 1", file, 1.0)
    n_units = int(units.max()) + 1
    lo = np.full(n_units, np.inf)
    hi = np.full(n_units, -np.inf)
    np.minimum.at(lo, units, x)
    np.maximum.at(hi, units, x)
    if np.any(lo != hi):
        row = int(np.flatnonzero(units == int(np.argmax(lo != hi)))[0]) + 2
        raise InputError(
            "the sampling probability varies within a sampling unit",
            file=file,
            row=row,
            column=column,
        )
    return hi


def _group_names(df: pd.DataFrame | Columns, stage: int, group: np.ndarray, labels: tuple):
    """A function naming group g of a stage for error messages (a stratum, or a unit of the
    stage above by its row)."""
    if stage == 0:
        return lambda g: f"stratum {labels[g]}"
    return lambda g: f"stage-{stage + 1} stratum (the unit of row {int(np.argmax(group == g)) + 2})"


def _weights_from_populations(
    strata: np.ndarray, units: list[np.ndarray], pops: list[np.ndarray], n: int
) -> np.ndarray:
    """Weights Π_s N_s / n_s over the stages, as R's svydesign computes them from fpc."""
    w = np.ones(n)
    for s, pop in enumerate(pops):
        group = strata if s == 0 else units[s - 1]
        n_g = np.bincount(
            group[np.unique(units[s], return_index=True)[1]], minlength=pop.size
        ).astype(float)
        w = w * (pop / n_g)[group]
    return w
