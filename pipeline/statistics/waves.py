"""The statistics of a wave comparison: waves stacked into one design, differences between
waves with their SEs (panel overlap included) and the item × wave test.

Stacking. The waves are stacked into one design (R: ``svydesign(id=~1, strata=
~interaction(wave, stratum), weights=~w, fpc=~fpc, data=stacked)``): strata are wave ×
stratum, each wave keeps its own weights and its own frame sizes N_h (the frame may change
between waves). A wave's estimate is a domain estimate of the stacked design; because no
stratum spans two waves, the stacked variance of a wave's estimate equals that of the wave
alone, and independent samples have zero covariance between waves.

Harmonisation. Items come from the harmonisation map (pipeline/model/harmonize.py): each wave's
variable is read with its special missing codes as missing (``tabulate.analysis_values``) and
recoded onto the codes of the item's ``codes_from`` wave. Items asked in one wave only are
listed, PII items and non-categorical items are listed as not compared.

For each categorical item and each pair of consecutive waves (a, b): the proportion (0-1) of
each level in each wave with its SE, the difference b − a with its SE, a t interval and a t
test with the design's degrees of freedom (R: ``svyby(~factor(x), ~wave, svymean,
covmat=TRUE)`` and ``svycontrast``); Likert items also get the mean score difference (the
harmonised codes as numbers). The item × wave test is R's ``svychisq(~x + wave)`` (Rao-Scott
F) on the stacked design; p values are Benjamini-Hochberg adjusted across the items of one
table (overall, or one member category). Within a member category every estimate is a domain
of the full stacked design; its degrees of freedom are the domain's (respondents of the
category minus the strata they fall in), as R's ``subset(design, ...)`` has them.

Panel overlap. When members answer both waves (linked through the pseudonymised respondent
id), the two wave estimates are correlated and the SE of the difference is

    SE² = V_a + V_b − 2 Cov(θ_a, θ_b).

Cov is estimated from the linked pairs, stratum by stratum, with the covariance of two
overlapping stratified simple random samples (Tam 1984, "On covariances from overlapping
samples", Am. Stat. 38:288-289): for samples of n_a and n_b from the same N_h units sharing
m_h units, Cov(ȳ_a, ȳ_b) = (m_h / (n_a n_b) − 1 / N_h) S_ab,h. With the influence values z_a
(of wave a's estimate, on wave-a rows) and z_b (on wave-b rows) this is estimated by

    Cov = Σ_h c_h Σ_{i in L_h} (z_ai − z̄_a,h)(z_bi − z̄_b,h),
    c_h = (m_h − n_ah n_bh / N_h) / (m_h − 1),

where L_h are the m_h linked members of stratum h (the same stratum code in both waves), the
means z̄ are over L_h, n_ah and n_bh are the stratum's full sample sizes in each wave, and
N_h is the smaller of the two waves' frame sizes (only members present in both frames can be
linked; the smaller N gives the smaller covariance when answers are positively correlated,
so the SE of the difference is not understated). Without FPC the term n_ah n_bh / N_h is
dropped. For a complete panel (m_h = n_ah = n_bh) c_h is the variance's f_h n_h / (n_h − 1),
so the formula reduces to the usual stratified variance. Assumptions: within a stratum the
linked members are a simple random subsample of each wave's sample (Tam's model), the
sampling is one-stage stratified, and weights are treated as design weights (as for the
variances). An overlap no larger than chance (m_h ≈ n_ah n_bh / N_h, as when two waves are
sampled independently from one frame) gives c_h ≈ 0: it carries no panel information.
Members who changed stratum between waves, and strata with a single linked member, add
nothing (they are treated as independent) and are counted in the output. The Rao-Scott item
test always treats the waves as independent samples (R's svychisq does).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special

from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError
from pipeline.statistics.crosstab import Test, code, crosstab, value_text
from pipeline.statistics.estimate import domain_df, replicate_means
from pipeline.statistics.survey import Survey, survey_for

WAVE = "_wave"
STRATUM = "_cmp_stratum"
ID = "_cmp_id"
REPLICATE = "_cmp_rep"  # the stacked replicate weight columns, _cmp_rep1 ..
STACKED_WEIGHT = "_cmp_weight"
PSU = "_cmp_psu"  # + stage number: the wave-keyed cluster ids


# ----- stacking ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Stacked:
    """Two or more waves as one design.

    ``data`` has one row per respondent of every wave (waves in order) with ``_wave`` (wave
    name), ``_cmp_stratum`` (wave × stratum key), the original stratum column, and ``_cmp_id``
    (the linking id, or missing) besides the wave's own columns; ``design`` is the stacked
    design; ``waves`` the wave names in order; ``stratum`` the name of the stratum column.
    """

    data: pd.DataFrame
    design: Survey
    waves: tuple[str, ...]
    stratum: str | None

    def wave_mask(self, wave: str) -> np.ndarray:
        return (self.data[WAVE] == wave).to_numpy()


def stack_waves(
    frames: Mapping[str, pd.DataFrame],
    *,
    strata: str | None,
    weight: str | None,
    fpc: str | Sequence[str] | None,
    id_column: str | None = None,
    lonely_psu: str = "fail",
    files: Mapping[str, str] | None = None,
    clusters: Sequence[str] = (),
    nest: bool = False,
) -> Stacked:
    """Stack the waves' data (``frames``: wave name → data, in wave order) into one design
    with strata wave × ``strata``, weights ``weight`` and population sizes ``fpc`` (columns
    of every wave; see :func:`statistics.survey.survey_for` for what their absence means).
    ``clusters``: cluster columns per stage; each wave's PSUs are its own (ids are keyed by
    wave). Panel links (``id_column``) cannot be combined with clusters."""
    if len(frames) < 2:
        raise InputError("a comparison needs two or more waves")
    if clusters and id_column is not None:
        raise InputError(
            "panel links (--id) are not supported with a cluster design: the panel "
            "covariance is estimated for element samples only",
            column=id_column,
        )
    fpcs = [] if fpc is None else [fpc] if isinstance(fpc, str) else list(fpc)
    parts = []
    for wave, df in frames.items():
        file = (files or {}).get(wave)
        require_columns(df, [strata, weight, *fpcs, *clusters, id_column], file)
        part = df.reset_index(drop=True).copy()
        part[WAVE] = wave
        if strata is None:
            part[STRATUM] = wave
        else:
            if part[strata].isna().any():
                row = int(np.flatnonzero(part[strata].isna().to_numpy())[0]) + 2
                raise InputError(
                    "expected a stratum code, found nothing", file=file, row=row, column=strata
                )
            part[STRATUM] = [f"{wave}\x1f{value_text(v)}" for v in part[strata]]
        part[ID] = _linking_ids(part, id_column, file)
        for stage, column in enumerate(clusters):
            part[f"{PSU}{stage + 1}"] = [f"{wave}\x1f{value_text(v)}" for v in part[column]]
        parts.append(part)
    data = pd.concat(parts, ignore_index=True)
    design = survey_for(
        data,
        strata=STRATUM,
        weight=weight,
        fpc=fpcs or None,
        clusters=[f"{PSU}{stage + 1}" for stage in range(len(clusters))],
        nest=nest,
        lonely_psu=lonely_psu,
        file=None,
    )
    return Stacked(data, design, tuple(frames), strata)


def stack_replicate_waves(frames: Mapping[str, pd.DataFrame], designs: Mapping[str, Survey]):
    """Stack waves whose data bring replicate weights (``designs``: wave name → its
    replicate design, as R's svrepdesign of that file) into one replicate design, as R's
    svrepdesign of the files stacked with block replicate weights: wave w's replicates are
    its own replicate weights on its rows and the full-sample weights on the other waves'
    rows; each replicate keeps its wave's scale × rscale (overall scale 1). Waves must agree
    on ``mse`` (one centring for all)."""
    if len(frames) < 2:
        raise InputError("a comparison needs two or more waves")
    if len({designs[w].replicates.mse for w in frames}) > 1:
        raise InputError("the waves' replicate weights differ in --mse; give both the same")
    parts = []
    for wave, df in frames.items():
        part = df.reset_index(drop=True).copy()
        part[WAVE], part[STRATUM], part[ID] = wave, wave, None
        parts.append(part)
    data = pd.concat(parts, ignore_index=True)
    weights = np.concatenate([designs[w].weights for w in frames])
    blocks, rscales, first = [], [], 0
    for wave in frames:
        design = designs[wave]
        own = design.replicates.analysis_weights(design.weights)
        block = np.repeat(weights[:, None], own.shape[1], axis=1)
        block[first : first + design.n] = own
        blocks.append(block)
        rscales.append(design.replicates.scale * design.replicates.rscales)
        first += design.n
    columns = np.hstack(blocks)
    names = [f"{REPLICATE}{r + 1}" for r in range(columns.shape[1])]
    data = pd.concat([data, pd.DataFrame(columns, columns=names)], axis=1)
    data[STACKED_WEIGHT] = weights
    design = Survey.replicate(
        data,
        repweights=names,
        weight=STACKED_WEIGHT,
        type="other",
        combined=True,
        scale=1.0,
        rscales=np.concatenate(rscales),
        mse=designs[next(iter(frames))].replicates.mse,
    )
    return Stacked(data, design, tuple(frames), None)


def _linking_ids(part: pd.DataFrame, id_column: str | None, file: str | None) -> pd.Series:
    if id_column is None:
        return pd.Series([None] * len(part), dtype=object)
    ids = part[id_column].map(lambda v: None if pd.isna(v) else value_text(v))
    dup = ids.notna() & ids.duplicated(keep=False)
    if dup.any():
        row = int(np.flatnonzero(dup.to_numpy())[0]) + 2
        raise InputError(
            f"respondent id {ids[dup].iloc[0]!r} occurs more than once in one wave; "
            "a linking id must be unique within a wave",
            file=file,
            row=row,
            column=id_column,
        )
    return ids


# ----- panel links and covariance ---------------------------------------------------------


@dataclass(frozen=True)
class PanelLinks:
    """Members answering both waves a and b: their row in the stacked data in each wave and
    the index of their common stratum group. ``moved``: linked members whose stratum differs
    between the waves; ``single``: linked members alone in their stratum (both add nothing).
    ``factor``: c_h per group (see the module docstring)."""

    rows_a: np.ndarray
    rows_b: np.ndarray
    group: np.ndarray
    factor: np.ndarray
    moved: int = 0
    single: int = 0

    @property
    def n_linked(self) -> int:
        return int(self.rows_a.size)

    def method(self) -> str:
        if self.n_linked == 0:
            return "independent samples"
        noun = "member" if self.n_linked == 1 else "members"
        return f"panel overlap: {self.n_linked} linked {noun}"


NO_LINKS = PanelLinks(np.array([], int), np.array([], int), np.array([], int), np.array([]))


def find_links(stacked: Stacked, wave_a: str, wave_b: str) -> PanelLinks:
    """The linked members of waves a and b and their stratum factors c_h."""
    data = stacked.data
    ids = data[ID]
    a = pd.DataFrame({"id": ids[stacked.wave_mask(wave_a)]}).dropna()
    b = pd.DataFrame({"id": ids[stacked.wave_mask(wave_b)]}).dropna()
    pairs = a.reset_index().merge(b.reset_index(), on="id", suffixes=("_a", "_b"))
    if pairs.empty:
        return NO_LINKS
    rows_a = pairs["index_a"].to_numpy()
    rows_b = pairs["index_b"].to_numpy()
    design = stacked.design
    if stacked.stratum is None:
        same = np.ones(rows_a.size, dtype=bool)
    else:
        col = data[stacked.stratum].map(value_text).to_numpy()
        same = col[rows_a] == col[rows_b]
    moved = int((~same).sum())
    rows_a, rows_b = rows_a[same], rows_b[same]
    h_a, h_b = design.strata[rows_a], design.strata[rows_b]
    pair_key = h_a * design.n_strata + h_b
    keys, group, m = np.unique(pair_key, return_inverse=True, return_counts=True)
    ha, hb = keys // design.n_strata, keys % design.n_strata
    n_a, n_b = design.n_h[ha], design.n_h[hb]
    if design.population is None:
        chance = np.zeros(keys.size)
    else:
        chance = n_a * n_b / np.minimum(design.population[ha], design.population[hb])
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(m > 1, (m - chance) / (m - 1), 0.0)
    single = int(m[m == 1].sum())
    return PanelLinks(rows_a, rows_b, group.astype(np.int64), factor, moved, single)


def panel_covariance(links: PanelLinks, z_a: np.ndarray, z_b: np.ndarray) -> np.ndarray:
    """Cross-covariance (k_a × k_b) of wave a's and wave b's estimators from their influence
    values (rows × k, zero outside each wave's domain), estimated from the linked pairs."""
    z_a = np.asarray(z_a, dtype=float).reshape(z_a.shape[0], -1)
    z_b = np.asarray(z_b, dtype=float).reshape(z_b.shape[0], -1)
    out = np.zeros((z_a.shape[1], z_b.shape[1]))
    if links.n_linked == 0:
        return out
    za, zb = z_a[links.rows_a], z_b[links.rows_b]
    g = links.group
    n_groups = links.factor.size
    counts = np.bincount(g, minlength=n_groups).astype(float)
    mean_a = _group_sums(g, za, n_groups) / counts[:, None]
    mean_b = _group_sums(g, zb, n_groups) / counts[:, None]
    ca, cb = za - mean_a[g], zb - mean_b[g]
    return (ca * links.factor[g][:, None]).T @ cb


def _group_sums(group: np.ndarray, z: np.ndarray, n_groups: int) -> np.ndarray:
    return np.stack(
        [np.bincount(group, weights=z[:, j], minlength=n_groups) for j in range(z.shape[1])],
        axis=1,
    )


# ----- one comparison ---------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """Estimates of one quantity per level in waves a and b and their difference (b − a).

    ``kind``: "proportion" (0-1 per level) or "mean" (one mean score). Arrays have one entry
    per level: ``est_a``/``est_b`` with SEs ``se_a``/``se_b``, bases ``n_a``/``n_b``
    (unweighted respondents with a value), ``diff``, ``diff_se``, ``diff_ci`` (k × 2, t with
    ``df``), ``p`` (two-sided t test of no difference), ``cov`` (the panel covariance that
    entered diff_se; 0 for independent samples).
    """

    kind: str
    levels: tuple
    est_a: np.ndarray
    est_b: np.ndarray
    se_a: np.ndarray
    se_b: np.ndarray
    n_a: np.ndarray
    n_b: np.ndarray
    diff: np.ndarray
    diff_se: np.ndarray
    diff_ci: np.ndarray
    p: np.ndarray
    cov: np.ndarray
    df: int


def _ratio_influence(design: Survey, x: np.ndarray, inside: np.ndarray):
    """Weighted means of the columns of ``x`` over ``inside`` rows and their influence
    values w_i (x_i − mean) / Σw (zero outside), as in R's svymean."""
    w = np.where(inside, design.weights, 0.0)
    total_w = w.sum()
    if total_w == 0:
        return np.full(x.shape[1], np.nan), np.zeros_like(x)
    xz = np.where(inside[:, None], x, 0.0)
    est = (w @ xz) / total_w
    z = np.where(inside[:, None], xz - est, 0.0) * (w / total_w)[:, None]
    return est, z


def compare_quantity(
    design: Survey,
    x: np.ndarray,
    in_a: np.ndarray,
    in_b: np.ndarray,
    links: PanelLinks = NO_LINKS,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Means of the columns of ``x`` (rows × k) over the rows ``in_a`` (wave a's rows with a
    value, in the domain) and ``in_b`` (wave b's); returns est_a, est_b, se_a, se_b, diff_se,
    cov (each length k)."""
    est_a, z_a = _ratio_influence(design, x, in_a)
    est_b, z_b = _ratio_influence(design, x, in_b)
    k = x.shape[1]
    if design.replicates is not None:
        # R's svyby(..., covmat = TRUE) on a svyrep.design: the means re-estimated per replicate
        reps = np.hstack([replicate_means(design, np.where(m[:, None], x, 0.0), m)
                          for m in (in_a, in_b)])  # fmt: skip
        v = design.replicates.variance(np.concatenate([est_a, est_b]), reps)
    else:
        v = design.variance(np.hstack([z_a, z_b]))
    v_a, v_b, v_ab = np.diag(v)[:k], np.diag(v)[k:], np.diag(v[:k, k:])
    cov = np.diag(panel_covariance(links, z_a, z_b))
    var_diff = v_a + v_b - 2 * (v_ab + cov)
    return (
        est_a,
        est_b,
        np.sqrt(np.clip(v_a, 0, None)),
        np.sqrt(np.clip(v_b, 0, None)),
        np.sqrt(np.clip(var_diff, 0, None)),
        cov,
    )


def compare_proportions(
    stacked: Stacked,
    values: pd.Series | np.ndarray,
    levels: Sequence,
    wave_a: str,
    wave_b: str,
    *,
    domain: np.ndarray | None = None,
    links: PanelLinks = NO_LINKS,
    level: float = 0.95,
) -> Difference:
    """Proportion (0-1) of each of ``levels`` among the respondents with a value, in waves
    a and b, and the difference b − a (see the module docstring for the method)."""
    s = pd.Series(values).reset_index(drop=True)
    codes = pd.Categorical(s, categories=list(levels)).codes
    has = codes >= 0
    onehot = np.zeros((s.size, len(levels)))
    onehot[np.flatnonzero(has), codes[has]] = 1.0
    return _difference(
        stacked, "proportion", tuple(levels), onehot, has, wave_a, wave_b, domain, links, level
    )


def compare_means(
    stacked: Stacked,
    values: pd.Series | np.ndarray,
    wave_a: str,
    wave_b: str,
    *,
    domain: np.ndarray | None = None,
    links: PanelLinks = NO_LINKS,
    level: float = 0.95,
) -> Difference:
    """Mean of a numeric variable in waves a and b and the difference b − a."""
    x = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)
    has = ~np.isnan(x)
    return _difference(
        stacked, "mean", ("mean",), np.nan_to_num(x)[:, None], has, wave_a, wave_b, domain,
        links, level,
    )  # fmt: skip


def _difference(stacked, kind, levels, x, has, wave_a, wave_b, domain, links, level):
    design = stacked.design
    dom = np.ones(design.n, dtype=bool) if domain is None else np.asarray(domain, dtype=bool)
    in_a = stacked.wave_mask(wave_a) & has & dom
    in_b = stacked.wave_mask(wave_b) & has & dom
    est_a, est_b, se_a, se_b, diff_se, cov = compare_quantity(design, x, in_a, in_b, links)
    df = design.df if domain is None else domain_df(design, dom)
    diff = est_b - est_a
    t = special.stdtrit(df, 0.5 + level / 2)
    ci = np.column_stack([diff - t * diff_se, diff + t * diff_se])
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(diff_se > 0, 2 * special.stdtr(df, -np.abs(diff) / diff_se), np.nan)
    n_a = (x[in_a] != 0).sum(axis=0) if kind == "proportion" else np.array([in_a.sum()])
    n_b = (x[in_b] != 0).sum(axis=0) if kind == "proportion" else np.array([in_b.sum()])
    return Difference(
        kind, levels, est_a, est_b, se_a, se_b, n_a, n_b, diff, diff_se, ci, p, cov, int(df)
    )


def wave_test(
    stacked: Stacked, values: pd.Series | np.ndarray, levels: Sequence, domain=None
) -> Test:
    """Rao-Scott F test of item × wave on the stacked design (R ``svychisq(~x + wave)``;
    within a domain, on ``subset(design, domain)``: the domain's degrees of freedom)."""
    s = pd.Series(values).reset_index(drop=True)
    if domain is not None:
        s = s.where(np.asarray(domain, dtype=bool))
    if s.notna().sum() == 0:
        return Test(float("nan"), float("nan"), float("nan"), float("nan"))
    row = code(s, levels=list(levels))
    col = code(stacked.data[WAVE], levels=list(stacked.waves))
    try:
        rs = crosstab(stacked.design, row, col).rao_scott
    except InputError:
        return Test(float("nan"), float("nan"), float("nan"), float("nan"))
    if domain is None or np.isnan(rs.statistic):
        return rs
    df = domain_df(stacked.design, np.asarray(domain, dtype=bool))
    df2 = rs.df1 * df
    return Test(rs.statistic, rs.df1, df2, float(special.fdtrc(rs.df1, df2, rs.statistic)))
