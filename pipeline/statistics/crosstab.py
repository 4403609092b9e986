"""Design-based cross-tabulation: weighted and unweighted counts, row/column/total proportions
with SE and CI, tests of association (R's ``svychisq``: Rao-Scott F and first-order chi-square,
Wald, adjusted Wald), the unweighted Pearson chi-square, Fisher's exact test (2x2), Cramér's V,
design-based column-proportion letters and Benjamini-Hochberg adjustment.

Everything comes from three per-stratum × cell sums computed with one np.bincount each
(count, Σw, Σw²); a linearised estimator's covariance is then G V G' with V the K × K
covariance of the cell totals (for a post-stratified or raked design, V comes instead from
the residualised influence values, and for a cluster design from the cell totals of each
sampling unit: ``Survey.cell_variance`` with each row's cell). Rows missing
either variable are a domain: they stay in the design (n_h and the degrees of freedom do not
shrink).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from pipeline.core.columnar import factorize_sorted, is_series, smallest_code_type
from pipeline.core.columns import column_letter
from pipeline.core.errors import InputError
from pipeline.statistics import chisqsum
from pipeline.statistics.distributions import chi2_sf, f_sf, t_cdf
from pipeline.statistics.estimate import ci_proportion, domain_df, domain_mask, replicate_logit_se
from pipeline.statistics.survey import Survey

if TYPE_CHECKING:
    import pandas as pd

MIN_BASE = 30


@dataclass(frozen=True)
class Coded:
    """A categorical variable as integer codes: ``codes`` 0..k-1 per row, k for missing, in
    the smallest signed integer type that holds k (a byte a row for up to 126 levels);
    ``levels`` the k values in sorted order. Build once with :func:`code` and reuse."""

    codes: np.ndarray
    levels: tuple

    @property
    def missing(self) -> int:
        return len(self.levels)


def code(values: Sequence | np.ndarray | pd.Series, levels: Sequence | None = None) -> Coded:
    """Code a variable: sorted distinct non-missing values (or ``levels``), missing → k."""
    if levels is None and (is_series(values) or isinstance(values, np.ndarray)):
        codes, uniques = factorize_sorted(values)  # no pandas for numbers and text
        lev = tuple(uniques)
    else:
        import pandas as pd

        s = values if isinstance(values, pd.Series) else pd.Series(values)
        if levels is None:
            codes, uniques = pd.factorize(s, sort=True)
            lev = tuple(uniques.tolist())
        else:
            lev = tuple(levels)
            codes = pd.Categorical(s, categories=list(lev)).codes
    codes = np.asarray(codes).astype(smallest_code_type(len(lev)), copy=False)
    if codes.base is not None or not codes.flags.writeable:
        codes = codes.copy()  # never write into the caller's array
    codes[codes < 0] = len(lev)
    return Coded(codes, lev)


@dataclass(frozen=True)
class Test:
    """A test result: statistic, degrees of freedom (df2 None for chi-square) and p value."""

    statistic: float
    df1: float
    df2: float | None
    p: float


@dataclass(frozen=True)
class CrossTab:
    """A design-based two-way table. Arrays are rows × columns; proportions are 0-1.

    ``col_prop`` is the proportion of the row category within the column category (column
    percentages / 100), ``row_prop`` within the row category, ``total_prop`` of the table;
    ``col_prop_vcov`` is the covariance of the column proportions, cells in row-major order.
    CIs (``*_ci``, rows × columns × 2) use ``ci_method`` with the degrees of freedom of the
    column, row or table domain (R's ``svyciprop`` on the subset).
    ``letters[r][c]`` holds the letters (A = first column) of the columns whose proportion
    in row r is significantly smaller than column c's (design-based t tests of the difference
    with its covariance, Bonferroni-adjusted within the row). ``small_base`` flags columns
    whose unweighted base is below ``min_base``. Tests: ``rao_scott`` (F, R's default),
    ``first_order`` (chi-square with R's "Chisq" p value), ``wald``, ``adj_wald``, ``pearson``
    (unweighted), ``fisher`` (2x2 only, else None; ``fisher_advised`` if an expected count
    is below 5), ``saddlepoint`` (R's statistic="saddlepoint": X² with the saddlepoint p of
    its design-based distribution, a sum of eigenvalue-weighted chi-squares), ``mixture``
    (that distribution, for :func:`lincom`: R's statistic="lincom", its exact p).
    """

    row_levels: tuple
    col_levels: tuple
    n: np.ndarray
    weighted: np.ndarray
    total_n: int
    col_prop: np.ndarray
    col_prop_se: np.ndarray
    col_prop_ci: np.ndarray
    col_prop_vcov: np.ndarray
    row_prop: np.ndarray
    row_prop_se: np.ndarray
    row_prop_ci: np.ndarray
    total_prop: np.ndarray
    total_prop_se: np.ndarray
    total_prop_ci: np.ndarray
    col_base: np.ndarray
    small_base: np.ndarray
    letters: list
    rao_scott: Test
    first_order: Test
    wald: Test
    adj_wald: Test
    pearson: Test
    fisher: Test | None
    fisher_advised: bool
    cramers_v: float
    saddlepoint: Test | None = None
    mixture: Mixture | None = None


def crosstab(
    design: Survey,
    row_values: str | Sequence | np.ndarray | pd.Series | Coded,
    col_values: str | Sequence | np.ndarray | pd.Series | Coded,
    *,
    ci_method: str = "logit",
    level: float = 0.95,
    alpha: float = 0.05,
    min_base: int = MIN_BASE,
    domain: str | Sequence | np.ndarray | pd.Series | None = None,
) -> CrossTab:
    """Cross-tabulate ``row_values`` by ``col_values`` on ``design`` with every test.

    ``domain`` (a boolean column name, mask or aligned Series) is R's ``subset(design, ...)``:
    rows outside have no influence but keep the design's PSUs and strata; as R's svychisq
    on the subset, the tests then count the domain's rows and take its degrees of freedom
    (a calibrated design keeps every row in R's subset: its tests keep the design's).

    Each variable is a column name of the survey's data, values (NaN/None = missing; a
    pandas Series must carry the data's index, see :meth:`Survey.values`) or
    :class:`Coded`. Levels without any respondent
    in the table (both variables present) are dropped. Matches R's ``svytable``,
    ``svymean(~interaction(r, c))``, ``svyby(..., svymean)`` and ``svychisq(statistic=
    "F"|"Chisq"|"Wald"|"adjWald")``.
    """
    row = _coded(design, row_values, "row variable")
    col = _coded(design, col_values, "column variable")
    n_rows, df = design.n, design.df
    if domain is not None:
        inside = domain_mask(design, domain)
        row = Coded(np.where(inside, row.codes, row.missing), row.levels)
        if not design.calibrated:
            n_rows, df = int(inside.sum()), domain_df(design, inside)
    counts, s1, s2, present = _cell_sums(design, row, col)
    keep_r = counts.sum(axis=(0, 2)) > 0
    keep_c = counts.sum(axis=(0, 1)) > 0
    _warn_about_empty_levels(design, domain, row, col, present, (keep_r, keep_c))
    counts = counts[:, keep_r][:, :, keep_c]
    s1 = s1[:, keep_r][:, :, keep_c]
    s2 = s2[:, keep_r][:, :, keep_c]
    row_levels = tuple(lv for lv, k in zip(row.levels, keep_r, strict=True) if k)
    col_levels = tuple(lv for lv, k in zip(col.levels, keep_c, strict=True) if k)
    nr, nc = len(row_levels), len(col_levels)
    if nr == 0 or nc == 0:
        raise InputError("no respondent has values for both variables")
    h = design.n_strata
    s1f, s2f = s1.reshape(h, -1), s2.reshape(h, -1)
    replicated = design.replicates is not None
    needs_cells = design.calibrated or design.clustered or replicated or design.pps
    cells = _cell_index(row, col, keep_r, keep_c) if needs_cells else None
    n_tab = counts.sum(axis=0)
    t = s1f.sum(axis=0)
    t_reps = None
    if replicated:
        # R's svychisq/svyby on a svyrep.design: every statistic re-estimated per replicate.
        t_reps = design.replicates.unit_totals(design.weights, cells, nr * nc)
        vtot = design.replicates.variance(t, t_reps)
    else:
        vtot = design.cell_variance(s1f, s2f, cells)
    grand = t.sum()
    tab = t.reshape(nr, nc)

    col_tot = tab.sum(axis=0)
    row_tot = tab.sum(axis=1)
    ri, ci_ = np.divmod(np.arange(nr * nc), nc)
    same_col = ci_[:, None] == ci_[None, :]
    same_row = ri[:, None] == ri[None, :]
    everything = np.ones((nr * nc, nr * nc), bool)
    col_p, col_v, col_sl = _ratio(t, vtot, col_tot[ci_], same_col, design, t_reps)
    row_p, row_v, row_sl = _ratio(t, vtot, row_tot[ri], same_row, design, t_reps)
    tot_p, tot_v, tot_sl = _ratio(t, vtot, np.full(nr * nc, grand), everything, design, t_reps)

    # CIs use each domain's own n and degrees of freedom, as svyciprop on a subset does.
    per_col = counts.sum(axis=1)
    per_row = counts.sum(axis=2)
    col_n = per_col.sum(axis=0)
    row_n = per_row.sum(axis=0)
    all_n = counts.sum()
    if replicated:
        col_df, row_df, all_df = _replicate_domain_dfs(design, cells, nr, nc)
    elif design.clustered:
        col_df, row_df, all_df = _cluster_domain_dfs(design, cells, nr, nc)
    else:
        col_df = col_n - (per_col > 0).sum(axis=0)
        row_df = row_n - (per_row > 0).sum(axis=0)
        all_df = all_n - np.count_nonzero(counts.sum(axis=(1, 2)))

    def finish(p, v, dfs, ns, se_logit):
        se = np.sqrt(np.clip(np.diag(v), 0, None))
        ci = ci_proportion(p, se, dfs, ns, method=ci_method, level=level, se_logit=se_logit)
        return p.reshape(nr, nc), se.reshape(nr, nc), ci.reshape(nr, nc, 2)

    cp, cse, cci = finish(col_p, col_v, col_df[ci_], col_n[ci_], col_sl)
    rp, rse, rci = finish(row_p, row_v, row_df[ri], row_n[ri], row_sl)
    tp, tse, tci = finish(tot_p, tot_v, all_df, all_n, tot_sl)
    col_base = n_tab.sum(axis=0)
    letters = _column_letters(cp, col_v, col_base, df, alpha)

    rao_scott, first_order, saddlepoint, mixture = _rao_scott(
        tot_p, tot_v, nr, nc, n_rows, df, replicated
    )
    wald, adj_wald = _wald(t, vtot, nr, nc, df)
    pearson, fisher, fisher_advised = _unweighted_tests(n_tab)
    return CrossTab(
        row_levels=row_levels,
        col_levels=col_levels,
        n=n_tab,
        weighted=tab,
        total_n=int(n_tab.sum()),
        col_prop=cp,
        col_prop_se=cse,
        col_prop_ci=cci,
        col_prop_vcov=col_v,
        row_prop=rp,
        row_prop_se=rse,
        row_prop_ci=rci,
        total_prop=tp,
        total_prop_se=tse,
        total_prop_ci=tci,
        col_base=col_base,
        small_base=col_base < min_base,
        letters=letters,
        rao_scott=rao_scott,
        first_order=first_order,
        saddlepoint=saddlepoint,
        mixture=mixture,
        wald=wald,
        adj_wald=adj_wald,
        pearson=pearson,
        fisher=fisher,
        fisher_advised=fisher_advised,
        cramers_v=_cramers_v(tab),
    )


def _warn_about_empty_levels(design, domain, row: Coded, col: Coded, present, kept) -> None:
    """Warn about a level some respondents have but none with a value for the other variable.

    Such a level is left out of the table, as if absent. R's methods disagree about it:
    svychisq counts it (its F and Chisq tests then take it into their degrees of freedom)
    while its Wald tests stop on a singular variance; svytable and svyby leave it out.
    ``present``: the levels with a respondent (the row's within the domain already).
    """
    row_present, col_present = present
    if domain is not None:  # the column's codes are not restricted to the domain
        inside = domain_mask(design, domain)
        col_present = np.bincount(col.codes[inside], minlength=col.missing + 1)[:-1] > 0
    for name, coded, has, keep in (
        ("row", row, row_present, kept[0]),
        ("column", col, col_present, kept[1]),
    ):
        empty = has & ~keep
        if empty.any():
            levels = ", ".join(str(coded.levels[i]) for i in np.flatnonzero(empty))
            warnings.warn(
                f"{name} level(s) {levels}: no respondent with a value for the other "
                "variable; left out of the table and its tests (R's svychisq F/Chisq would "
                "count the level, its Wald tests would fail)",
                stacklevel=3,
            )


def _coded(design: Survey, values, what: str) -> Coded:
    """A table variable as :class:`Coded`, checked against the survey's rows."""
    if isinstance(values, Coded):
        if values.codes.size != design.n:
            raise InputError(
                f"{what}: expected {design.n} values (one per respondent), got {values.codes.size}"
            )
        return values
    return code(design.variable(values, what))


def _cluster_domain_dfs(design: Survey, cells: np.ndarray, nr: int, nc: int):
    """Degrees of freedom of each column, each row and the whole table as domains of a
    clustered design: first-stage PSUs with a respondent in it minus their strata."""
    inside = cells >= 0
    psu = design.clusters[0][inside]
    n_psu = int(design.clusters[0].max()) + 1
    psu_stratum = np.zeros(n_psu, dtype=np.int64)
    psu_stratum[design.clusters[0]] = design.strata
    present = np.zeros((n_psu, nr * nc), dtype=bool)
    present[psu, cells[inside]] = True
    present = present.reshape(n_psu, nr, nc)

    def dfs(has: np.ndarray) -> np.ndarray:
        """has: PSU × domains → PSUs minus strata per domain."""
        strata = np.zeros((design.n_strata, has.shape[1]), dtype=bool)
        np.logical_or.at(strata, psu_stratum, has)
        return has.sum(axis=0) - strata.sum(axis=0)

    col_df = dfs(present.any(axis=1))
    row_df = dfs(present.any(axis=2))
    all_df = int(dfs(present.reshape(n_psu, -1).any(axis=1, keepdims=True))[0])
    return col_df, row_df, all_df


def _replicate_domain_dfs(design: Survey, cells: np.ndarray, nr: int, nc: int):
    """Degrees of freedom of each column, each row and the table as domains of a replicate
    design: the rank of the domain rows' replicate weights minus 1 (R's subset + degf)."""
    reps = design.replicates
    inside = cells >= 0
    if reps.units is None:
        r, c = np.divmod(np.where(inside, cells, -1), nc)
        col_df = np.array([design.domain_df(inside & (c == j)) for j in range(nc)])
        row_df = np.array([design.domain_df(inside & (r == i)) for i in range(nr)])
        return col_df, row_df, design.domain_df(inside)
    # Which units hold a respondent of each cell: one np.bincount, not a pass per domain.
    n_units = reps.factors.shape[0]
    idx = reps.units[inside] * (nr * nc) + cells[inside]
    has = np.bincount(idx, minlength=n_units * nr * nc).reshape(n_units, nr, nc) > 0

    def dfs(present: np.ndarray) -> int:
        return reps.degf_of_units(np.flatnonzero(present))

    col_df = np.array([dfs(has[:, :, j].any(axis=1)) for j in range(nc)])
    row_df = np.array([dfs(has[:, i, :].any(axis=1)) for i in range(nr)])
    return col_df, row_df, dfs(has.any(axis=(1, 2)))


def _cell_sums(design: Survey, row: Coded, col: Coded):
    """Per stratum × row × column: count, Σw, Σw² (missing slots dropped); and which row
    and which column levels have a respondent at all (the other variable missing or not)."""
    h, kr, kc = design.n_strata, row.missing + 1, col.missing + 1
    idx = design.strata * kr  # built in place: one array of the rows' length, not four
    idx += row.codes
    idx *= kc
    idx += col.codes
    size = h * kr * kc
    shape = (h, kr, kc)
    full = np.bincount(idx, minlength=size).reshape(shape)
    counts = full[:, :-1, :-1]
    s1 = np.bincount(idx, weights=design.weights, minlength=size).reshape(shape)[:, :-1, :-1]
    s2 = np.bincount(idx, weights=design.weights_sq, minlength=size).reshape(shape)[:, :-1, :-1]
    present = (full[:, :-1, :].sum(axis=(0, 2)) > 0, full[:, :, :-1].sum(axis=(0, 1)) > 0)
    return counts, s1, s2, present


def _cell_index(row: Coded, col: Coded, keep_r: np.ndarray, keep_c: np.ndarray) -> np.ndarray:
    """Each row's cell among the kept levels (row-major), -1 if missing either variable."""
    r_map = np.full(row.missing + 1, -1)
    r_map[np.flatnonzero(keep_r)] = np.arange(np.count_nonzero(keep_r))
    c_map = np.full(col.missing + 1, -1)
    c_map[np.flatnonzero(keep_c)] = np.arange(np.count_nonzero(keep_c))
    r, c = r_map[row.codes], c_map[col.codes]
    return np.where((r >= 0) & (c >= 0), r * np.count_nonzero(keep_c) + c, -1)


def _ratio(
    t: np.ndarray,
    vtot: np.ndarray,
    denom: np.ndarray,
    same: np.ndarray,
    design: Survey,
    t_reps: np.ndarray | None = None,
):
    """Ratios t_k / denom_k where denom_k sums the cells j with same[k, j]; returns the
    ratios and their linearised covariance G V G' (with replicate cell totals ``t_reps``,
    R × K: the replicate covariance of the replicates' ratios)."""
    if t_reps is not None:
        with np.errstate(divide="ignore", invalid="ignore"):
            p = t / denom
            p_reps = t_reps / (t_reps @ same.T)
        return p, design.replicates.variance(p, p_reps), replicate_logit_se(design, p, p_reps)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = t / denom
        g = (np.eye(t.size) - same * p[:, None]) / denom[:, None]
    g = np.nan_to_num(g)
    return p, g @ vtot @ g.T, None


def _rao_scott(p: np.ndarray, v: np.ndarray, nr: int, nc: int, n: int, nu: int, replicated: bool):
    """R's svychisq "F" (second-order Rao-Scott), "Chisq" (first-order), "saddlepoint" and
    "lincom" from the cell proportions ``p`` (row-major) and their covariance ``v``; ``n``
    all design rows."""
    dfree = (nr - 1) * (nc - 1)
    if dfree == 0:
        nan = Test(float("nan"), 0.0, None, float("nan"))
        return nan, nan, nan, None
    contrasts = np.kron(_complement(nr), _complement(nc))
    inv_p = np.where(p > 0, 1 / np.where(p > 0, p, 1), 0.0)
    denom = contrasts.T @ (inv_p[:, None] * contrasts) / n
    numr = contrasts.T @ (inv_p[:, None] * v * inv_p[None, :]) @ contrasts
    delta = np.linalg.solve(denom, numr)
    tr = np.trace(delta)
    tr2 = np.trace(delta @ delta)
    d0 = tr**2 / tr2
    table = (p * n).reshape(nr, nc)
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / n
    x2 = float(np.sum((table - expected) ** 2 / expected))
    f = x2 / tr
    rao = Test(f, d0, d0 * nu, float(f_sf(f, d0, d0 * nu)))
    first = Test(x2, float(dfree), None, chi2_sf(x2 / (tr / dfree), dfree))
    # R: the saddlepoint p of X² against Σ δ_i χ²_1 (δ the eigenvalues of Delta), against
    # the design's F-like denominator d0 ν on a linearised design, plain on a replicate one.
    eigen = np.real(np.linalg.eigvals(delta))
    ddf = float("inf") if replicated else d0 * nu
    saddle = Test(x2, float(dfree), None, _saddlepoint_p(x2, eigen, ddf))
    return rao, first, saddle, Mixture(x2, eigen, ddf)


@dataclass(frozen=True)
class Mixture:
    """X² and its design-based distribution Σ δ_i χ²_1 (δ the eigenvalues of Rao and Scott's
    design-effect matrix), against (X²/ddf) χ²_ddf for a linearised design (ddf = d0 ν)."""

    statistic: float
    eigenvalues: np.ndarray
    ddf: float


def lincom(ct: CrossTab) -> Test:
    """R's svychisq(statistic="lincom"): X² with the exact p of its distribution (R's
    pFsum / pchisqsum by integration; here Imhof's formula, about 1e-10 absolute). Computed
    on request: it takes a numerical integral (~0.1 s), the other tests none."""
    m = ct.mixture
    dfree = (len(ct.row_levels) - 1) * (len(ct.col_levels) - 1)
    if m is None or dfree == 0:
        return Test(float("nan"), float(dfree), None, float("nan"))
    x2, eigen = m.statistic, m.eigenvalues
    if not (np.isfinite(x2) and np.all(np.isfinite(eigen)) and np.max(eigen) > 0):
        return Test(x2, float(dfree), None, float("nan"))
    return Test(x2, float(dfree), None, chisqsum.pfsum_exact(x2, eigen, m.ddf))


def _saddlepoint_p(x2: float, eigen: np.ndarray, ddf: float) -> float:
    """R's pFsum / pchisqsum saddlepoint p value; NaN where it cannot be formed."""
    if not (np.isfinite(x2) and np.all(np.isfinite(eigen)) and np.max(eigen) > 0):
        return float("nan")
    try:
        return chisqsum.pfsum_saddlepoint(x2, eigen, ddf)
    except (ValueError, ZeroDivisionError, OverflowError):
        return float("nan")


def _complement(k: int) -> np.ndarray:
    """Orthonormal basis (k × k-1) of the contrasts orthogonal to the constant."""
    # scipy.linalg.null_space's construction (the right singular vectors beyond the rank),
    # in numpy: importing scipy.linalg costs more than the whole table.
    a = np.ones((1, k))
    _, sv, vh = np.linalg.svd(a, full_matrices=True)
    rank = int(np.sum(sv > sv.max() * np.finfo(float).eps * max(a.shape)))
    return vh[rank:, :].T


def _wald(t: np.ndarray, vtot: np.ndarray, nr: int, nc: int, nu: int):
    """R's svychisq "Wald" and "adjWald": cell totals minus their independence fit."""
    dfree = (nr - 1) * (nc - 1)
    if dfree == 0:
        nan = Test(float("nan"), 0.0, 0.0, float("nan"))
        return nan, nan
    tab = t.reshape(nr, nc)
    grand = tab.sum()
    rt, ct = tab.sum(axis=1), tab.sum(axis=0)
    ri, ci_ = np.divmod(np.arange(nr * nc), nc)
    y = t - rt[ri] * ct[ci_] / grand
    same_r = ri[:, None] == ri[None, :]
    same_c = ci_[:, None] == ci_[None, :]
    g = (
        np.eye(nr * nc)
        - (same_r * ct[ci_][:, None] + same_c * rt[ri][:, None]) / grand
        + (rt[ri] * ct[ci_] / grand**2)[:, None]
    )
    use = (ri > 0) & (ci_ > 0)
    vy = (g @ vtot @ g.T)[np.ix_(use, use)]
    if _singular(vy):
        # R's solve() stops ("computationally singular"); the table's other tests stand.
        nan = float("nan")
        ddf = nu - dfree + 1
        return Test(nan, float(dfree), float(nu), nan), Test(nan, float(dfree), float(ddf), nan)
    stat = float(y[use] @ np.linalg.solve(vy, y[use]))
    wald_f = stat / dfree
    wald = Test(wald_f, float(dfree), float(nu), float(f_sf(wald_f, dfree, nu)))
    ddf = nu - dfree + 1
    adj_f = stat * ddf / (dfree * nu)
    adj = Test(adj_f, float(dfree), float(ddf), float(f_sf(adj_f, dfree, ddf)))
    return wald, adj


def _singular(v: np.ndarray) -> bool:
    """As R's solve(): singular when the reciprocal 1-norm condition number is below the
    machine epsilon."""
    if not np.all(np.isfinite(v)):
        return True
    with np.errstate(divide="ignore", invalid="ignore"):
        cond = np.linalg.cond(v, 1)
    return not np.isfinite(cond) or 1 / cond < np.finfo(float).eps


def _unweighted_tests(n_tab: np.ndarray):
    """Pearson chi-square (no continuity correction) and, for 2x2, Fisher's exact test."""
    nr, nc = n_tab.shape
    dfree = (nr - 1) * (nc - 1)
    expected = np.outer(n_tab.sum(axis=1), n_tab.sum(axis=0)) / n_tab.sum()
    if dfree == 0:
        pearson = Test(float("nan"), 0.0, None, float("nan"))
    else:
        x2 = float(np.sum((n_tab - expected) ** 2 / expected))
        pearson = Test(x2, float(dfree), None, chi2_sf(x2, dfree))
    fisher = None
    if n_tab.shape == (2, 2):
        from scipy.stats import fisher_exact  # 0.7 s to import: only 2 × 2 tables need it

        odds, p = fisher_exact(n_tab)
        fisher = Test(float(odds), 1.0, None, float(p))
    return pearson, fisher, bool(np.any(expected < 5))


def _cramers_v(tab: np.ndarray) -> float:
    """Cramér's V of the weighted table: sqrt(phi² / (min(r, c) - 1)), weights' scale-free."""
    nr, nc = tab.shape
    if min(nr, nc) < 2:
        return float("nan")
    p = tab / tab.sum()
    e = np.outer(p.sum(axis=1), p.sum(axis=0))
    phi2 = float(np.sum((p - e) ** 2 / e))
    return float(np.sqrt(phi2 / (min(nr, nc) - 1)))


def _column_letters(cp: np.ndarray, v: np.ndarray, base: np.ndarray, df: int, alpha: float):
    """Letters per cell: columns whose proportion is significantly smaller (Bonferroni)."""
    nr, nc = cp.shape
    names = [column_letter(j) for j in range(nc)]
    letters = [["" for _ in range(nc)] for _ in range(nr)]
    usable = [j for j in range(nc) if base[j] >= 2]
    pairs = [(a, b) for i, a in enumerate(usable) for b in usable[i + 1 :]]
    if not pairs:
        return letters
    idx = np.arange(nr * nc).reshape(nr, nc)
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    ia, ib = idx[:, a], idx[:, b]
    vd = np.diag(v)
    diff = cp[:, a] - cp[:, b]
    var = vd[ia] + vd[ib] - 2 * v[ia, ib]
    with np.errstate(divide="ignore", invalid="ignore"):
        tstat = np.abs(diff) / np.sqrt(var)
    pval = np.minimum(2 * t_cdf(-tstat, df) * len(pairs), 1.0)
    sig = (pval < alpha) & (var > 0)
    for r, k in zip(*np.nonzero(sig), strict=True):
        big, small = (a[k], b[k]) if diff[r, k] > 0 else (b[k], a[k])
        letters[r][big] += names[small]
    return [["".join(sorted(cell)) for cell in row] for row in letters]


def bh_adjust(pvalues: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p values (R ``p.adjust(p, "BH")``); NaN stays NaN and is
    not counted."""
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    q = p[ok]
    m = q.size
    if m == 0:
        return out
    order = np.argsort(q)[::-1]
    ranked = q[order] * m / np.arange(m, 0, -1)
    adj = np.minimum(np.minimum.accumulate(ranked), 1.0)
    res = np.empty(m)
    res[order] = adj
    out[ok] = res
    return out


def value_text(value) -> str:
    """A code as text: integer-valued numbers without a decimal point ("1", not "1.0")."""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return str(value)


def as_json(ct: CrossTab, row: str, col: str) -> dict:
    """The table as the ``survey crosstab --json`` object: cells with n, weighted n, column
    proportion (0-1) with SE and CI; Rao-Scott F and unweighted Pearson tests."""
    cells = []
    for i, rv in enumerate(ct.row_levels):
        for j, cv in enumerate(ct.col_levels):
            cells.append(
                {
                    "row_value": value_text(rv),
                    "col_value": value_text(cv),
                    "n": int(ct.n[i, j]),
                    "weighted_n": float(ct.weighted[i, j]),
                    "col_pct": json_number(ct.col_prop[i, j]),
                    "col_pct_se": json_number(ct.col_prop_se[i, j]),
                    "col_pct_ci": [
                        json_number(ct.col_prop_ci[i, j, 0]),
                        json_number(ct.col_prop_ci[i, j, 1]),
                    ],
                }
            )
    rs, pe = ct.rao_scott, ct.pearson
    return {
        "row": row,
        "col": col,
        "n": ct.total_n,
        "cells": cells,
        "tests": {
            "rao_scott": {
                "F": json_number(rs.statistic),
                "df1": json_number(rs.df1),
                "df2": json_number(rs.df2),
                "p": json_number(rs.p),
            },
            "pearson": {
                "chisq": json_number(pe.statistic),
                "df": int(pe.df1),
                "p": json_number(pe.p),
            },
        },
    }


def json_number(x) -> float | None:
    """A JSON number; NaN (or None) becomes null."""
    x = float("nan") if x is None else float(x)
    return None if np.isnan(x) else x
