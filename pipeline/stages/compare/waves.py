"""Wave comparison: what changed between survey waves, and is the change real.

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

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from scipy import special

from pipeline.core.atomic import atomic_path, write_text
from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError
from pipeline.core.simulated import is_simulated
from pipeline.core.spreadsheet_safety import neutralise, neutralise_frame
from pipeline.core.xlsx import save_workbook, sheet_title
from pipeline.model.harmonize import Harmonization, HarmonizedItem, harmonized_items, one_wave_only
from pipeline.model.questionnaire import QuestionType
from pipeline.readers.datafile import read_data
from pipeline.readers.dataset import json_records
from pipeline.stages.crosstab_file import domain_mask
from pipeline.stages.tabulate import analysis_values
from pipeline.statistics.crosstab import Test, bh_adjust, code, crosstab, json_number, value_text
from pipeline.statistics.estimate import domain_df
from pipeline.statistics.survey import Survey, survey_for

WAVE = "_wave"
STRATUM = "_cmp_stratum"
ID = "_cmp_id"
PSU = "_cmp_psu"  # + stage number: the wave-keyed cluster ids
LIKERT_TYPES = (QuestionType.likert, QuestionType.likert_grid)
OVERALL = "overall"


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


# ----- the ad hoc comparison of two files -------------------------------------------------


@dataclass(frozen=True)
class FileComparison:
    var: str
    difference: Difference
    test: Test
    links: PanelLinks
    simulated: bool


def compare_files(
    path_a: str | Path,
    path_b: str | Path,
    var: str,
    *,
    strata: str | None = None,
    weight: str | None = None,
    fpc: str | Sequence[str] | None = None,
    id_column: str | None = None,
    lonely_psu: str = "fail",
    clusters: Sequence[str] = (),
    nest: bool = False,
    domain: str | None = None,
) -> FileComparison:
    """Compare the distribution of ``var`` between two data files (file a, then b) as two
    waves of one stacked design (strata file × ``strata``). Levels are the values found in
    either file, as text; with ``id_column`` the panel overlap enters the SEs; ``domain`` (an
    expression over the files' columns) restricts both waves to a subset."""
    frames, files = {}, {}
    for name, path in (("a", path_a), ("b", path_b)):
        df = read_data(path)
        fpcs = [fpc] if isinstance(fpc, str) else list(fpc or [])
        require_columns(df, [var, strata, weight, *fpcs, *clusters, id_column], path)
        frames[name], files[name] = df, str(path)
    stacked = stack_waves(
        frames,
        strata=strata,
        weight=weight,
        fpc=fpc,
        id_column=id_column,
        lonely_psu=lonely_psu,
        files=files,
        clusters=clusters,
        nest=nest,
    )
    values = stacked.data[var].map(lambda v: None if pd.isna(v) else value_text(v))
    levels = _sorted_levels(values.dropna().unique().tolist())
    if not levels:
        raise InputError("the variable has no values in either file", column=var)
    links = find_links(stacked, "a", "b") if id_column else NO_LINKS
    mask = None if domain is None else domain_mask(stacked.data, domain, None)
    diff = compare_proportions(stacked, values, levels, "a", "b", links=links, domain=mask)
    test = wave_test(stacked, values, levels, domain=mask)
    simulated = any(is_simulated(df) for df in frames.values())
    return FileComparison(var, diff, test, links, simulated)


def _sorted_levels(levels: list[str]) -> list[str]:
    """Numeric codes in numeric order, else text order."""
    try:
        return sorted(levels, key=float)
    except ValueError:
        return sorted(levels)


def file_comparison_json(result: FileComparison) -> dict:
    """The ``survey compare-waves --json`` object."""
    d = result.difference
    out = {
        "var": result.var,
        "levels": [
            {
                "level": str(lev),
                "wave_a": json_number(d.est_a[i]),
                "wave_b": json_number(d.est_b[i]),
                "diff": json_number(d.diff[i]),
                "diff_se": json_number(d.diff_se[i]),
                "diff_ci": [json_number(d.diff_ci[i, 0]), json_number(d.diff_ci[i, 1])],
            }
            for i, lev in enumerate(d.levels)
        ],
        "rao_scott": {
            "F": json_number(result.test.statistic),
            "df1": json_number(result.test.df1),
            "df2": json_number(result.test.df2),
            "p": json_number(result.test.p),
        },
    }
    if result.links.n_linked:
        out["method"] = result.links.method()
    return out


# ----- the wave comparison of harmonised waves --------------------------------------------


@dataclass(frozen=True)
class WaveInput:
    """A weighted wave: its data (``processed/<wave>.weighted.parquet``) and metadata."""

    name: str
    data: pd.DataFrame
    meta: dict
    source: str = ""

    @property
    def simulated(self) -> bool:
        return bool(self.meta.get("simulated")) or is_simulated(self.data)


@dataclass(frozen=True)
class Comparison:
    """The comparison in long form (proportions 0-1, differences b − a in the same units).

    ``rows``: one row per table (``scope``: "overall" or a member category code) × wave pair
    × item × level (``kind`` "proportion") or mean score (``kind`` "mean"), with the item's
    test and significance mark. ``tests``: one row per table × item (Rao-Scott F across all
    waves, p and BH-adjusted p). ``one_wave_only``: wave → variable names asked only then.
    ``not_compared``: items skipped, with the reason. ``info``: waves, methods, sizes.
    """

    rows: pd.DataFrame
    tests: pd.DataFrame
    one_wave_only: dict[str, list[str]]
    not_compared: list[dict]
    info: dict = field(default_factory=dict)


def harmonised_values(wave: WaveInput, item: HarmonizedItem) -> pd.Series:
    """The item's values in one wave on the common codes (missing codes → NaN)."""
    variable = item.variables[wave.name]
    try:
        values = analysis_values(wave.data, variable)
    except InputError as exc:
        exc.file = exc.file or wave.source
        raise
    recode = {float(k): float(v) for k, v in item.recodes[wave.name].items()}
    return values.map(recode)


def stack_weighted(waves: Sequence[WaveInput]) -> Stacked:
    """The stacked design of weighted waves (design columns ``_stratum``, ``_weight``,
    ``_fpc``; FPC when every wave was weighted with it; linked by ``respondent_id``)."""
    frames, files = {}, {}
    fpc_all, lonely = True, "fail"
    designs: set[tuple] = set()
    for wave in waves:
        missing = [c for c in ("_stratum", "_weight", "_fpc") if c not in wave.data.columns]
        if missing:
            raise InputError(
                f"the data have no design columns {missing}; run `survey weight` first",
                file=wave.source,
                column=missing[0],
            )
        options = wave.meta.get("design", {}).get("options", {})
        fpc_all = fpc_all and options.get("fpc", True)
        if options.get("lonely_psu", "fail") != "fail":
            lonely = options["lonely_psu"]
        designs.add(
            (
                tuple(options.get("clusters", ())),
                options.get("nest", False),
                tuple(options.get("cluster_fpc", ())),
            )
        )
        frames[wave.name], files[wave.name] = wave.data, wave.source
    if len(designs) > 1:
        raise InputError(
            "the waves were weighted with different cluster designs; weight them with the "
            "same --cluster, --nest and --cluster-fpc options to compare them"
        )
    clusters, nest, cluster_fpc = designs.pop()
    if clusters:
        # A cluster design's panel covariance is not estimated: the waves are independent.
        return stack_waves(
            frames,
            strata="_stratum",
            weight="_weight",
            fpc=list(cluster_fpc) if fpc_all and cluster_fpc else None,
            lonely_psu=lonely,
            files=files,
            clusters=clusters,
            nest=nest,
        )
    id_column = "respondent_id" if all("respondent_id" in w.data.columns for w in waves) else None
    return stack_waves(
        frames,
        strata="_stratum",
        weight="_weight",
        fpc="_fpc" if fpc_all else None,
        id_column=id_column,
        lonely_psu=lonely,
        files=files,
    )


def compare_waves(
    harmonization: Harmonization,
    waves: Sequence[WaveInput],
    *,
    alpha: float = 0.05,
    level: float = 0.95,
    by_category: bool = True,
) -> Comparison:
    """Compare every harmonised categorical item between consecutive waves, overall and
    within each member category (the stratum); see the module docstring."""
    names = [w.name for w in waves]
    _check_waves(harmonization, waves)
    stacked = stack_weighted(waves)
    pairs = list(zip(names[:-1], names[1:], strict=True))
    links = {pair: find_links(stacked, *pair) for pair in pairs}
    items, not_compared = _comparable_items(harmonization)
    by_wave = {w.name: w for w in waves}
    values = {
        it.name: pd.concat(
            [harmonised_values(by_wave[n], it) for n in names], ignore_index=True
        ).to_numpy()
        for it in items
    }
    ref_q = harmonization.questionnaire(names[0])
    stratum_var = ref_q.stratum.variable
    scopes: list[tuple[str, np.ndarray | None]] = [(OVERALL, None)]
    if by_category:
        strata = stacked.data["_stratum"].map(value_text)
        for c in _sorted_levels(strata.unique().tolist()):
            scopes.append((c, (strata == c).to_numpy()))
    rows, tests = [], []
    for scope, domain in scopes:
        scope_tests = []
        for it in items:
            if scope != OVERALL and stratum_var in {v.name for v in it.variables.values()}:
                continue
            lev = [float(c) for c in it.variables[it.codes_from].substantive_codes()]
            test = wave_test(stacked, values[it.name], lev, domain)
            scope_tests.append(_test_row(scope, it, test))
            for wa, wb in pairs:
                d = compare_proportions(
                    stacked, values[it.name], lev, wa, wb, domain=domain,
                    links=links[(wa, wb)], level=level,
                )  # fmt: skip
                rows.extend(_rows(scope, it, wa, wb, d))
                if it.variables[it.codes_from].question.type in LIKERT_TYPES:
                    m = compare_means(
                        stacked, values[it.name], wa, wb, domain=domain,
                        links=links[(wa, wb)], level=level,
                    )  # fmt: skip
                    rows.extend(_rows(scope, it, wa, wb, m))
        if scope_tests:
            p_bh = bh_adjust([t["p"] for t in scope_tests])
            for t, q in zip(scope_tests, p_bh, strict=True):
                t["p_bh"] = float(q)
                t["significant"] = bool(q < alpha)
        tests.extend(scope_tests)
    tests_df = pd.DataFrame(tests)
    rows_df = _mark(pd.DataFrame(rows), tests_df, alpha)
    info = {
        "waves": names,
        "simulated": any(w.simulated for w in waves),
        "n": {w.name: len(w.data) for w in waves},
        "degrees_of_freedom": stacked.design.df,
        "fpc": stacked.design.population is not None,
        "alpha": alpha,
        "level": level,
        "stratum_variable": stratum_var,
        "comparisons": [
            {
                "wave_a": wa,
                "wave_b": wb,
                "method": links[(wa, wb)].method(),
                "linked": links[(wa, wb)].n_linked,
                "linked_moved_stratum": links[(wa, wb)].moved,
                "linked_alone_in_stratum": links[(wa, wb)].single,
            }
            for wa, wb in pairs
        ],
        "map": harmonization.source,
        "sources": {w.name: w.source for w in waves},
    }
    only = {w: [v.name for v in vs] for w, vs in one_wave_only(harmonization).items()}
    return Comparison(rows_df, tests_df, {w: only.get(w, []) for w in names}, not_compared, info)


def _check_waves(h: Harmonization, waves: Sequence[WaveInput]) -> None:
    names = [w.name for w in waves]
    unknown = [n for n in names if n not in h.waves]
    if unknown:
        raise InputError(
            f"wave {unknown[0]!r} is not a wave of the harmonisation map ({h.waves})",
            file=h.source,
        )
    if len(names) < 2 or len(set(names)) != len(names):
        raise InputError(f"expected two or more distinct waves, got {names}")
    if [n for n in h.waves if n in names] != names:
        raise InputError(f"give the waves in the map's order ({h.waves}), got {names}")
    for w in waves:
        wave_in_file = w.meta.get("wave")
        if wave_in_file is not None and str(wave_in_file) != w.name:
            raise InputError(f"the data are wave {wave_in_file!r}, not {w.name!r}", file=w.source)


def _comparable_items(h: Harmonization) -> tuple[list[HarmonizedItem], list[dict]]:
    items, skipped = [], []
    for it in harmonized_items(h):
        stratum = h.questionnaire(it.codes_from).stratum.variable
        if it.pii:
            skipped.append({"item": it.name, "reason": "pii"})
        elif it.variables[it.codes_from].name == stratum:
            # its weighted shares are the frame's N_h by construction: nothing to estimate
            skipped.append({"item": it.name, "reason": "stratum (fixed by the frame)"})
        elif not it.is_categorical:
            kind = it.variables[it.codes_from].question.type.value
            skipped.append({"item": it.name, "reason": f"not categorical ({kind})"})
        else:
            items.append(it)
    return items, skipped


def _test_row(scope: str, it: HarmonizedItem, test: Test) -> dict:
    return {
        "scope": scope,
        "item": it.name,
        "F": float(test.statistic),
        "df1": float(test.df1),
        "df2": float(test.df2) if test.df2 is not None else float("nan"),
        "p": float(test.p),
    }


def _rows(scope: str, it: HarmonizedItem, wave_a: str, wave_b: str, d: Difference) -> list:
    return [
        {
            "scope": scope,
            "wave_a": wave_a,
            "wave_b": wave_b,
            "item": it.name,
            "kind": d.kind,
            "level": "mean" if d.kind == "mean" else int(lev),
            "n_a": int(d.n_a[i]),
            "n_b": int(d.n_b[i]),
            "est_a": float(d.est_a[i]),
            "se_a": float(d.se_a[i]),
            "est_b": float(d.est_b[i]),
            "se_b": float(d.se_b[i]),
            "diff": float(d.diff[i]),
            "diff_se": float(d.diff_se[i]),
            "ci_low": float(d.diff_ci[i, 0]),
            "ci_high": float(d.diff_ci[i, 1]),
            "p_diff": float(d.p[i]),
            "panel_cov": float(d.cov[i]),
            "df": d.df,
        }
        for i, lev in enumerate(d.levels)
    ]


def _mark(rows: pd.DataFrame, tests: pd.DataFrame, alpha: float) -> pd.DataFrame:
    """Attach the item test to each row and the mark: ▲/▼ when the item's distribution
    changed (BH-adjusted Rao-Scott p < alpha) and the row's CI for the difference excludes 0."""
    if rows.empty:
        return rows
    merged = rows.merge(
        tests[["scope", "item", "F", "df1", "df2", "p", "p_bh"]], on=["scope", "item"], how="left"
    )
    moved = (merged["ci_low"] > 0) | (merged["ci_high"] < 0)
    real = (merged["p_bh"] < alpha) & moved
    merged["mark"] = np.where(real, np.where(merged["diff"] > 0, "▲", "▼"), "")
    merged["level"] = merged["level"].astype(str)
    return merged


# ----- writing ----------------------------------------------------------------------------

WORDS = {
    "vi": {
        "title": "So sánh giữa các đợt khảo sát",
        "simulated": "DỮ LIỆU MÔ PHỎNG: không phải kết quả khảo sát thật",
        "overall": "Chung",
        "category": "Loại hình",
        "item": "Câu hỏi",
        "level": "Phương án",
        "mean": "Điểm trung bình (theo mã)",
        "diff": "Chênh lệch (điểm %)",
        "diff_mean": "Chênh lệch điểm TB",
        "ci_low": "KTC 95% dưới",
        "ci_high": "KTC 95% trên",
        "p": "p (Rao-Scott)",
        "p_bh": "p (BH)",
        "mark": "Thay đổi có ý nghĩa",
        "note": "Ghi chú",
        "method": "Phương pháp sai số chuẩn của chênh lệch",
        "independent samples": "hai mẫu độc lập",
        "panel overlap": "có {n} đảng viên trả lời cả hai đợt (hiệp phương sai ước lượng từ họ)",
        "legend": (
            "▲/▼: phân bố của câu hỏi thay đổi có ý nghĩa (Rao-Scott, hiệu chỉnh BH, mức 5%) "
            "và khoảng tin cậy 95% của chênh lệch không chứa 0. Tỷ lệ có trọng số; "
            "chênh lệch = đợt sau − đợt trước."
        ),
        "one_wave": "Câu hỏi chỉ có trong một đợt",
        "not_compared": "Không so sánh",
        "wave": "Đợt",
        "variable": "Biến",
        "label": "Nội dung",
        "reason": "Lý do",
        "chart_diff": "Chênh lệch {a} → {b} (điểm %), khoảng tin cậy 95%",
        "chart_slope": "Điểm trung bình {a} → {b}: {category}",
        "significant": "thay đổi có ý nghĩa",
        "not_significant": "không có ý nghĩa",
    },
    "en": {
        "title": "Comparison between survey waves",
        "simulated": "SIMULATED DATA: not real survey results",
        "overall": "Overall",
        "category": "Member category",
        "item": "Question",
        "level": "Answer",
        "mean": "Mean score (codes)",
        "diff": "Difference (points)",
        "diff_mean": "Mean score difference",
        "ci_low": "95% CI low",
        "ci_high": "95% CI high",
        "p": "p (Rao-Scott)",
        "p_bh": "p (BH)",
        "mark": "Significant change",
        "note": "Note",
        "method": "Standard error of the difference",
        "independent samples": "independent samples",
        "panel overlap": "{n} members answered both waves (covariance estimated from them)",
        "legend": (
            "▲/▼: the question's distribution changed significantly (Rao-Scott, BH-adjusted, "
            "5% level) and the 95% CI of the difference excludes 0. Weighted proportions; "
            "difference = later wave − earlier wave."
        ),
        "one_wave": "Questions asked in one wave only",
        "not_compared": "Not compared",
        "wave": "Wave",
        "variable": "Variable",
        "label": "Label",
        "reason": "Reason",
        "chart_diff": "Difference {a} → {b} (percentage points), 95% CI",
        "chart_slope": "Mean score {a} → {b}: {category}",
        "significant": "significant change",
        "not_significant": "not significant",
    },
}
SIMULATED_TITLE = "DỮ LIỆU MÔ PHỎNG / SIMULATED DATA"


def output_paths(out_dir: str | Path) -> dict[str, Path]:
    """Where :func:`write_comparison` puts each file (charts go under ``charts/``)."""
    out = Path(out_dir)
    return {
        "workbook": out / "comparison.xlsx",
        "rows": out / "differences.parquet",
        "tests": out / "tests.parquet",
        "json": out / "comparison.json",
        "one_wave_only": out / "one-wave-only.csv",
        "charts": out / "charts",
    }


def method_text(comparison: dict, lang: str) -> str:
    words = WORDS[lang]
    if comparison["linked"] == 0:
        return words["independent samples"]
    return words["panel overlap"].format(n=comparison["linked"])


def write_comparison(
    comparison: Comparison, harmonization: Harmonization, out_dir: str | Path, lang: str = "vi"
) -> dict[str, Path]:
    """Write the workbook, the long tables (parquet), the JSON document for the reports, the
    list of one-wave-only items and the charts, all atomically."""
    # matplotlib is loaded only when charts are drawn, not on every CLI start
    from pipeline.stages.compare.charts import write_charts

    if lang not in WORDS:
        raise InputError(f"language must be one of {', '.join(WORDS)}, got {lang!r}")
    paths = output_paths(out_dir)
    labels = _Labels(harmonization, comparison, lang)
    save_workbook(_workbook(comparison, labels, lang), paths["workbook"])
    for name in ("rows", "tests"):
        with atomic_path(paths[name]) as tmp:
            getattr(comparison, name).to_parquet(tmp, index=False)
    document = {
        "info": comparison.info,
        "rows": json_records(comparison.rows),
        "tests": json_records(comparison.tests),
        "one_wave_only": comparison.one_wave_only,
        "not_compared": comparison.not_compared,
    }
    write_text(paths["json"], json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    write_text(paths["one_wave_only"], _one_wave_csv(comparison, harmonization))
    charts = write_charts(comparison, labels, paths["charts"], lang)
    return {**paths, **{f"chart:{p.name}": p for p in charts}}


def _one_wave_csv(comparison: Comparison, h: Harmonization) -> str:
    only = one_wave_only(h)
    lines = [["wave", "variable", "label_vi", "label_en"]]
    for wave, names in comparison.one_wave_only.items():
        by_name = {v.name: v for v in only.get(wave, [])}
        for name in names:
            v = by_name[name]
            lines.append([wave, name, v.label.vi, v.label.en])
    frame = neutralise_frame(pd.DataFrame(lines[1:], columns=lines[0]))
    return frame.to_csv(index=False, lineterminator="\n")


class _Labels:
    """Labels a person reads: items, levels, categories, sections, in one language."""

    def __init__(self, h: Harmonization, comparison: Comparison, lang: str) -> None:
        self.lang = lang
        self.items = {it.name: it for it in harmonized_items(h)}
        ref = h.questionnaire(comparison.info["waves"][0])
        self.category_labels = ref.variable(ref.stratum.variable).value_labels(lang)

    def item(self, name: str) -> str:
        return self.items[name].label.get(self.lang)

    def level(self, item: str, level: str) -> str:
        if level == "mean":
            return WORDS[self.lang]["mean"]
        it = self.items[item]
        label = it.variables[it.codes_from].value_labels(self.lang).get(int(level), level)
        return f"{label} [{level}]"

    def note(self, item: str) -> str:
        note = self.items[item].note
        return note.get(self.lang) if note is not None else ""

    def scope(self, scope: str) -> str:
        if scope == OVERALL:
            return WORDS[self.lang]["overall"]
        return f"{scope}. {self.category_labels.get(int(scope), scope)}"

    def section(self, item: str) -> tuple[str, str]:
        it = self.items[item]
        section = it.variables[it.codes_from].section
        return section.name, section.title.get(self.lang)


def _workbook(comparison: Comparison, labels: _Labels, lang: str) -> Workbook:
    words = WORDS[lang]
    workbook = Workbook()
    workbook.remove(workbook.active)
    rows = comparison.rows
    scopes = list(dict.fromkeys(rows["scope"])) if not rows.empty else [OVERALL]
    for scope in scopes:
        title = sheet_title(labels.scope(scope))
        sheet = workbook.create_sheet(title)
        _write_scope_sheet(sheet, comparison, rows[rows["scope"] == scope], labels, scope, words)
    sheet = workbook.create_sheet(words["one_wave"][:31])
    _write_lists(sheet, comparison, words)
    return workbook


BOLD = Font(bold=True)
SIMULATED_FONT = Font(bold=True, color="C00000")


def _append_styled(sheet, values: list, font: Font) -> None:
    """Append a row and set ``font`` on each of its cells."""
    sheet.append(values)
    for j in range(len(values)):
        sheet.cell(sheet.max_row, j + 1).font = font


def _write_scope_sheet(sheet, comparison, rows, labels, scope, words) -> None:
    title = neutralise(f"{words['title']}: {labels.scope(scope)}")
    _append_styled(sheet, [title], Font(bold=True, size=13))
    if comparison.info.get("simulated"):
        _append_styled(sheet, [words["simulated"]], SIMULATED_FONT)
    sheet.append([words["legend"]])
    for pair in comparison.info["comparisons"]:
        a, b = pair["wave_a"], pair["wave_b"]
        sheet.append([])
        method = f"{a} → {b}: {words['method']}: {method_text(pair, labels.lang)}"
        _append_styled(sheet, [neutralise(method)], BOLD)
        header = [
            words["item"], words["level"], f"{a}", f"{b}", words["diff"], words["ci_low"],
            words["ci_high"], words["p"], words["p_bh"], words["mark"], words["note"],
        ]  # fmt: skip
        _append_styled(sheet, header, BOLD)
        part = rows[(rows["wave_a"] == a) & (rows["wave_b"] == b)]
        for _item, block in part.groupby("item", sort=False):
            first = True
            for r in block.to_dict("records"):
                _append_row(sheet, r, labels, first)
                first = False
    sheet.column_dimensions["A"].width = 50
    sheet.column_dimensions["B"].width = 32
    sheet.freeze_panes = "C1"


def _append_row(sheet, r: dict, labels: _Labels, first: bool) -> None:
    is_mean = r["kind"] == "mean"
    scale = 1.0 if is_mean else 100.0
    line = [
        neutralise(f"{r['item']}: {labels.item(r['item'])}") if first else None,
        neutralise(labels.level(r["item"], r["level"])),
        r["est_a"],
        r["est_b"],
        scale * r["diff"],
        scale * r["ci_low"],
        scale * r["ci_high"],
        json_number(r["p"]) if first else None,
        json_number(r["p_bh"]) if first else None,
        r["mark"],
        neutralise(labels.note(r["item"])) if first else None,
    ]
    sheet.append(line)
    row = sheet.max_row
    share = "0.00" if is_mean else "0.0%"
    for col in (3, 4):
        sheet.cell(row, col).number_format = share
    for col in (5, 6, 7):
        sheet.cell(row, col).number_format = "+0.00;-0.00;0.00" if is_mean else "+0.0;-0.0;0.0"
    for col in (8, 9):
        sheet.cell(row, col).number_format = "0.0000"


def _write_lists(sheet, comparison: Comparison, words: dict) -> None:
    if comparison.info.get("simulated"):
        _append_styled(sheet, [words["simulated"]], SIMULATED_FONT)
    _append_styled(sheet, [words["one_wave"]], BOLD)
    sheet.append([words["wave"], words["variable"]])
    for wave, names in comparison.one_wave_only.items():
        for name in names:
            sheet.append([neutralise(wave), neutralise(name)])
    sheet.append([])
    _append_styled(sheet, [words["not_compared"]], BOLD)
    sheet.append([words["variable"], words["reason"]])
    for entry in comparison.not_compared:
        sheet.append([neutralise(entry["item"]), neutralise(entry["reason"])])
    sheet.column_dimensions["A"].width = 30
