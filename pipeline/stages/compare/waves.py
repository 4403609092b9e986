"""The wave comparison stage: what changed between survey waves, and is the change real.

The method (stacking, differences with panel overlap, the item × wave test) is described in
:mod:`pipeline.statistics.waves`. Items come from the harmonisation map
(pipeline/model/harmonize.py): each wave's variable is read with its special missing codes as
missing (``tabulate.analysis_values``) and recoded onto the codes of the item's ``codes_from``
wave. Items asked in one wave only are listed, PII items and non-categorical items are listed
as not compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.core.atomic import staged_folder, write_text
from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError
from pipeline.core.simulated import SIMULATED_COLUMN, is_simulated
from pipeline.core.spreadsheet_safety import write_csv_for_people
from pipeline.core.table_files import json_records, write_json_document, write_parquet_tables
from pipeline.core.wording import COMPARISON_WORDS
from pipeline.core.xlsx import save_workbook
from pipeline.model import expressions
from pipeline.model.harmonize import Harmonization, HarmonizedItem, harmonized_items, one_wave_only
from pipeline.model.questionnaire import QuestionType
from pipeline.readers.datafile import read_file
from pipeline.stages.compare.comparison import OVERALL, Comparison, ComparisonLabels, WaveInput
from pipeline.stages.compare.workbook import comparison_workbook
from pipeline.stages.crosstab_file import check_replicate_options, domain_mask, parse_domain
from pipeline.stages.tabulate import analysis_values
from pipeline.statistics.crosstab import Test, bh_adjust, json_number, value_text
from pipeline.statistics.replicate_design import ReplicateOptions
from pipeline.statistics.waves import (
    NO_LINKS,
    Difference,
    PanelLinks,
    Stacked,
    compare_means,
    compare_proportions,
    find_links,
    stack_replicate_waves,
    stack_waves,
    wave_test,
)

LIKERT_TYPES = (QuestionType.likert, QuestionType.likert_grid)


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
    encoding: str | None = None,
    domain: str | None = None,
    replicates: ReplicateOptions | None = None,
) -> FileComparison:
    """Compare the distribution of ``var`` between two data files (file a, then b) as two
    waves of one stacked design (strata file × ``strata``). Levels are the values found in
    either file, as text; with ``id_column`` the panel overlap enters the SEs; ``domain`` (an
    expression over the files' columns) restricts both waves to a subset. ``replicates``:
    each file brings replicate weights (the same options for both; ``weight`` is their
    sampling weight), stacked as :func:`stack_replicate_waves` says."""
    check_replicate_options(replicates, strata, fpc, clusters)
    if replicates is not None and id_column:
        raise InputError("--id (panel links) cannot be combined with --repweights", column="--id")
    frames, files = {}, {}
    parsed = None if domain is None else parse_domain(domain, None)
    for name, path in (("a", path_a), ("b", path_b)):
        fpcs = [fpc] if isinstance(fpc, str) else list(fpc or [])
        wanted = [var, strata, weight, *fpcs, *clusters, id_column]
        if parsed is not None:
            wanted += sorted(expressions.references(parsed))
        named = [c for c in dict.fromkeys(wanted) if c]
        df = read_file(path, encoding=encoding, columns=None if replicates else named,
                       optional=() if replicates else (SIMULATED_COLUMN,)).frame  # fmt: skip
        require_columns(df, wanted, path)
        frames[name], files[name] = df, str(path)
    if replicates is not None:
        designs = {name: replicates.survey(df, weight, files[name]) for name, df in frames.items()}
        stacked = stack_replicate_waves(frames, designs)
    else:
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
    check_comparable(values, stacked, files, var)
    links = find_links(stacked, "a", "b") if id_column else NO_LINKS
    mask = None if parsed is None else domain_mask(stacked.data, parsed, domain, None)
    diff = compare_proportions(stacked, values, levels, "a", "b", links=links, domain=mask)
    test = wave_test(stacked, values, levels, domain=mask)
    simulated = any(is_simulated(df) for df in frames.values())
    return FileComparison(var, diff, test, links, simulated)


def check_comparable(
    values: pd.Series, stacked: Stacked, files: dict[str, str], var: str
) -> None:
    """InputError when one file has no answer to ``var``, or when the two files share no
    value of it (codes in one, labels in the other): a comparison would be nonsense."""
    found = {w: set(values[stacked.wave_mask(w)].dropna()) for w in ("a", "b")}
    for wave, seen in found.items():
        if not seen:
            raise InputError("the variable has no answer in this file", file=files[wave],
                             column=var)  # fmt: skip
    if not found["a"] & found["b"]:
        shown = {w: ", ".join(_sorted_levels(list(s))[:5]) for w, s in found.items()}
        raise InputError(
            f"the two files share no value of the variable ({files['a']}: {shown['a']}; "
            f"{files['b']}: {shown['b']}): are they coded alike?",
            column=var,
        )


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
    ``_fpc``; FPC when every wave was weighted with it; linked by ``respondent_id``). Waves
    weighted with replicate weights the data bring are stacked with block replicate weights
    (:func:`stack_replicate_waves`); every wave must then have them."""
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
    replicated = [w for w in waves if _replicate_options(w) is not None]
    if replicated:
        return _stack_replicate_weighted(waves, replicated)
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


def _replicate_options(wave: WaveInput) -> dict | None:
    return wave.meta.get("design", {}).get("options", {}).get("replicates") or None


def _stack_replicate_weighted(
    waves: Sequence[WaveInput], replicated: Sequence[WaveInput]
) -> Stacked:
    """Waves weighted with replicate weights, each rebuilt as the svrepdesign its record
    describes (sampling weight, replicate columns and options), stacked with block replicate
    weights. Panel links do not enter: replicate waves are independent samples here."""
    if len(replicated) < len(waves):
        plain = next(w for w in waves if _replicate_options(w) is None)
        raise InputError(
            "some waves were weighted with replicate weights and this one without; weight "
            "every wave the same way to compare them",
            file=plain.source,
        )
    frames, designs = {}, {}
    for wave in waves:
        options = wave.meta["design"]["options"]
        recorded = ReplicateOptions(**options["replicates"])
        frames[wave.name] = wave.data
        designs[wave.name] = recorded.survey(
            wave.data, options.get("sampling_weight") or "_weight", wave.source
        )
    return stack_replicate_waves(frames, designs)


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
                    top = top_two_box(values[it.name], lev)
                    t = compare_means(
                        stacked, top, wa, wb, domain=domain, links=links[(wa, wb)], level=level
                    )
                    rows.extend(_rows(scope, it, wa, wb, replace(t, kind=TOP2, levels=(TOP2,))))
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


TOP2 = "top2"  # the share choosing either of a scale's first two options (kind and level)


def top_two_box(values: np.ndarray, levels: list[float]) -> np.ndarray:
    """1 where the answer is one of the first two substantive codes, 0 for another answer,
    NaN where there is none (the top-2-box share as a mean, compared like a mean score)."""
    x = np.asarray(values, dtype=float)
    return np.where(np.isnan(x), np.nan, np.isin(x, levels[:2]).astype(float))


def _rows(scope: str, it: HarmonizedItem, wave_a: str, wave_b: str, d: Difference) -> list:
    return [
        {
            "scope": scope,
            "wave_a": wave_a,
            "wave_b": wave_b,
            "item": it.name,
            "kind": d.kind,
            "level": d.kind if d.kind in ("mean", TOP2) else int(lev),
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


def write_comparison(
    comparison: Comparison, harmonization: Harmonization, out_dir: str | Path, lang: str = "vi"
) -> dict[str, Path]:
    """Write the workbook, the long tables (parquet), the JSON document for the reports, the
    list of one-wave-only items and the charts, swapped in together."""
    # matplotlib is loaded only when charts are drawn, not on every CLI start
    from pipeline.stages.compare.charts import write_charts

    if lang not in COMPARISON_WORDS:
        raise InputError(f"language must be one of {', '.join(COMPARISON_WORDS)}, got {lang!r}")
    final = output_paths(out_dir)
    labels = ComparisonLabels(harmonization, comparison, lang)
    with staged_folder(out_dir) as staging:
        paths = output_paths(staging)
        save_workbook(comparison_workbook(comparison, labels, lang), paths["workbook"])
        tables = {paths[name]: getattr(comparison, name) for name in ("rows", "tests")}
        write_parquet_tables(tables)
        document = {
            "info": comparison.info,
            "rows": json_records(comparison.rows),
            "tests": json_records(comparison.tests),
            "one_wave_only": comparison.one_wave_only,
            "not_compared": comparison.not_compared,
        }
        write_json_document(paths["json"], document)
        write_text(paths["one_wave_only"], _one_wave_csv(comparison, harmonization))
        charts = write_charts(comparison, labels, paths["charts"], lang)
    return {**final, **{f"chart:{p.name}": final["charts"] / p.name for p in charts}}


def _one_wave_csv(comparison: Comparison, h: Harmonization) -> str:
    only = one_wave_only(h)
    lines = [["wave", "variable", "label_vi", "label_en"]]
    for wave, names in comparison.one_wave_only.items():
        by_name = {v.name: v for v in only.get(wave, [])}
        for name in names:
            v = by_name[name]
            lines.append([wave, name, v.label.vi, v.label.en])
    frame = pd.DataFrame(lines[1:], columns=lines[0])
    return write_csv_for_people(frame)
