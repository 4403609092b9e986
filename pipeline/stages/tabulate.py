"""The table battery: every question of the questionnaire by every banner variable.

For each categorical variable (single choice, Likert items, multiple-choice dichotomies)
and each banner (the stratum first): design-based column proportions with SE, CI and
column letters, the overall ("Total") proportions, and the tests of independence with
Benjamini-Hochberg adjusted p values across the whole battery. Likert items also get their
mean score and top-2-box share by banner category; declared indices get Cronbach's alpha.

Special missing codes (don't know, refused) are missing for the analysis: those
respondents form a domain outside the table (they stay in the design).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from pipeline.core.atomic import staged_folder, write_text
from pipeline.core.columns import column_letter
from pipeline.core.errors import InputError
from pipeline.core.paths import output_file
from pipeline.core.table_files import json_records, write_json_document, write_parquet_tables
from pipeline.core.wording import TABLE_WORDS
from pipeline.core.xlsx import save_workbook, sheet_title
from pipeline.model.questionnaire import Index, Questionnaire, QuestionType, Variable
from pipeline.statistics import estimate
from pipeline.statistics.claims import domain_contrasts
from pipeline.statistics.crosstab import CrossTab, bh_adjust, code, crosstab
from pipeline.statistics.scales import cronbach_alpha, rank_test
from pipeline.statistics.survey import Survey

TOTAL = "total"
LIKERT_TYPES = (QuestionType.likert, QuestionType.likert_grid)


@dataclass(frozen=True)
class TabulateOptions:
    """Thresholds and methods. Bases are unweighted respondent counts."""

    min_base: int = 30
    suppress_below: int = 10
    ci_method: str = "logit"
    alpha: float = 0.05
    level: float = 0.95


@dataclass(frozen=True)
class Battery:
    """The tables in long form (proportions 0-1), ready for the workbook and the reports.

    ``cells``: one row per banner × variable × row code × column (``col_code`` is the
    banner's code, or "total"). ``tests``: one row per banner × variable. ``scales``: Likert
    mean scores and top-2-box by banner column. ``reliability``: Cronbach's alpha per index.
    ``claims``: each banner column's difference from the total, per row code, with the test
    of that very difference (:func:`claim_battery`).
    """

    cells: pd.DataFrame
    tests: pd.DataFrame
    scales: pd.DataFrame
    reliability: pd.DataFrame
    info: dict
    claims: pd.DataFrame


def row_variables(questionnaire: Questionnaire) -> list[Variable]:
    """The variables tabulated as rows: categorical and not personal data."""
    return [v for v in questionnaire.variables() if v.is_categorical and not v.pii]


def banner_variables(questionnaire: Questionnaire) -> list[Variable]:
    return [questionnaire.variable(name) for name in questionnaire.banners]


def composition_variables(questionnaire: Questionnaire) -> set[str]:
    """Variables that describe who answered (the stratum, the banners and every question of
    a section holding one of them: the demographics), not what they think: the sample's
    composition is reported in the methodology, never as a finding."""
    anchors = {questionnaire.stratum.variable, *questionnaire.banners}
    sections = {v.section.name for v in questionnaire.variables() if v.name in anchors}
    return {v.name for v in questionnaire.variables() if v.section.name in sections} | anchors


def analysis_values(data: pd.DataFrame, variable: Variable) -> pd.Series:
    """The variable's codes as floats, with special missing codes and invalid codes as NaN."""
    if variable.name not in data.columns:
        raise InputError(
            "the variable is in the questionnaire but not in the data", column=variable.name
        )
    values = pd.to_numeric(data[variable.name], errors="coerce").astype(float)
    return values.where(values.isin(variable.substantive_codes()))


def top_codes(variable: Variable, k: int = 2) -> list[int]:
    """The first ``k`` substantive codes: the top boxes, as the scale is listed."""
    return variable.substantive_codes()[:k]


def tabulate(
    data: pd.DataFrame,
    design: Survey,
    questionnaire: Questionnaire,
    options: TabulateOptions,
    info: dict | None = None,
) -> Battery:
    """Every row variable by every banner, with all tests; see :class:`Battery`."""
    rows = row_variables(questionnaire)
    banners = banner_variables(questionnaire)
    # Read and code each variable once: banners are usually row variables too.
    values = {v.name: analysis_values(data, v) for v in [*rows, *banners]}
    coded = {v.name: code(values[v.name], levels=v.substantive_codes()) for v in [*rows, *banners]}
    cells: list[dict] = []
    tests: list[dict] = []
    claims: list[pd.DataFrame] = []
    composition = composition_variables(questionnaire)
    for variable in rows:
        cells.extend(_total_cells(design, variable, values[variable.name], options))
        for banner in banners:
            if banner.name == variable.name:
                continue
            table = crosstab(
                design,
                coded[variable.name],
                coded[banner.name],
                ci_method=options.ci_method,
                level=options.level,
                alpha=options.alpha,
                min_base=options.min_base,
            )
            cells.extend(_banner_cells(table, banner.name, variable.name))
            row = _test_row(table, banner.name, variable.name)
            if variable.question.type in LIKERT_TYPES:
                row.update(_rank_test_columns(design, values[variable.name], values[banner.name]))
            tests.append(row)
            if variable.name not in composition:
                claims.append(
                    _claims_against_total(
                        design,
                        variable,
                        values[variable.name],
                        values[banner.name],
                        banner,
                        options,
                    )
                )
    tests_df = pd.DataFrame(tests)
    if not tests_df.empty:
        tests_df["p_bh"] = bh_adjust(tests_df["p"].to_numpy())
    cells_df = pd.DataFrame(cells)
    cells_df = mark_suppressed(cells_df, "base", options.suppress_below)
    scales = mark_suppressed(
        _likert_scores(values, design, questionnaire, banners, options), "n", options.suppress_below
    )
    reliability = _reliability(data, design, questionnaire)
    claims_df = claim_battery(claims, cells_df, options)
    full_info = {
        **(info or {}),
        "n": design.n,
        "n_by_stratum": {
            str(label): int(count)
            for label, count in zip(design.stratum_labels, design.n_h, strict=True)
        },
        "banners": [b.name for b in banners],
        "options": options.__dict__,
    }
    return Battery(cells_df, tests_df, scales, reliability, full_info, claims_df)


CLAIM_COLUMNS = [
    "banner", "variable", "measure", "row_code", "col_code", "prop", "total", "diff", "se",
    "ci_low", "ci_high", "p", "df", "n", "base", "in_battery", "p_bh",
]  # fmt: skip


def _claims_against_total(
    design: Survey,
    variable: Variable,
    values: pd.Series,
    banner_values: pd.Series,
    banner: Variable,
    options: TabulateOptions,
) -> pd.DataFrame:
    """Every banner column against the total: per row code (``measure`` "option") the
    difference of the column % and the total % with its own design-based test (a group
    against the total it belongs to), and for Likert items the same for the top-2-box share
    (``measure`` "top2", row code 0). Multiple-choice dichotomies keep the "selected" row
    only (the other is its mirror)."""
    codes = [1] if variable.option is not None else variable.substantive_codes()
    x = values.to_numpy(dtype=float)
    indicators = {("option", int(c)): x == c for c in codes}
    if variable.question.type in LIKERT_TYPES:
        indicators[("top2", 0)] = np.isin(x, top_codes(variable))
    columns = banner.substantive_codes()
    b = banner_values.to_numpy(dtype=float)
    keys = [(key, col) for key in indicators for col in columns]
    y = np.column_stack([np.where(np.isnan(x), np.nan, indicators[key]) for key, _ in keys])
    domains = np.column_stack([b == col for _, col in keys])
    result = domain_contrasts(design, y, domains, level=options.level)
    answered = ~np.isnan(x)
    bases = {col: int((answered & (b == col)).sum()) for col in columns}
    return pd.DataFrame(
        {
            "banner": banner.name,
            "variable": variable.name,
            "measure": [key[0] for key, _ in keys],
            "row_code": [key[1] for key, _ in keys],
            "col_code": [str(int(col)) for _, col in keys],
            "prop": result.estimate_a,
            "total": result.estimate_b,
            "diff": result.diff,
            "se": result.se,
            "ci_low": result.ci_low,
            "ci_high": result.ci_high,
            "p": result.p,
            "df": result.df,
            "n": result.n_a,
            "base": [bases[col] for _, col in keys],
        }
    )


def claim_battery(
    claims: list[pd.DataFrame], cells: pd.DataFrame, options: TabulateOptions
) -> pd.DataFrame:
    """The claims a report may print and their BH-adjusted p across that battery: columns that
    are shown (not suppressed) and not marked "read with care" (base at least ``min_base``),
    with a test. Claims outside the battery keep p_bh = NaN and are never printed."""
    if not claims:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    frame = pd.concat(claims, ignore_index=True)
    shown = cells[(cells["col_code"] != TOTAL) & ~cells["suppressed"]]
    shown_keys = set(zip(shown["banner"], shown["variable"], shown["col_code"], strict=True))
    keys = zip(frame["banner"], frame["variable"], frame["col_code"], strict=True)
    eligible = (
        np.array([k in shown_keys for k in keys], dtype=bool)
        & (frame["base"].to_numpy() >= max(options.min_base, options.suppress_below))
        & np.isfinite(frame["p"].to_numpy())
    )
    p_bh = np.full(len(frame), np.nan)
    if eligible.any():
        p_bh[eligible] = bh_adjust(frame["p"].to_numpy()[eligible])
    return frame.assign(in_battery=eligible, p_bh=p_bh)[CLAIM_COLUMNS]


def _total_cells(
    design: Survey, variable: Variable, values: pd.Series, options: TabulateOptions
) -> list[dict]:
    est = estimate.proportions(
        design,
        values,
        method=options.ci_method,
        level=options.level,
        levels=variable.substantive_codes(),
    )
    base = int(est.n.sum())
    return [
        {
            "banner": TOTAL,
            "variable": variable.name,
            "row_code": int(level),
            "col_code": TOTAL,
            "n": int(est.n[i]),
            "weighted_n": float(np.nan),
            "prop": float(est.estimate[i]),
            "se": float(est.se[i]),
            "ci_low": float(est.ci[i, 0]),
            "ci_high": float(est.ci[i, 1]),
            "deff": float(est.deff[i]),
            "letters": "",
            "base": base,
        }
        for i, level in enumerate(est.labels)
    ]


def _banner_cells(table: CrossTab, banner: str, variable: str) -> list[dict]:
    out = []
    for i, row_code in enumerate(table.row_levels):
        for j, col_code in enumerate(table.col_levels):
            out.append(
                {
                    "banner": banner,
                    "variable": variable,
                    "row_code": int(row_code),
                    "col_code": str(int(col_code)),
                    "n": int(table.n[i, j]),
                    "weighted_n": float(table.weighted[i, j]),
                    "prop": float(table.col_prop[i, j]),
                    "se": float(table.col_prop_se[i, j]),
                    "ci_low": float(table.col_prop_ci[i, j, 0]),
                    "ci_high": float(table.col_prop_ci[i, j, 1]),
                    "deff": float("nan"),
                    "letters": table.letters[i][j],
                    "base": int(table.col_base[j]),
                }
            )
    return out


def _test_row(table: CrossTab, banner: str, variable: str) -> dict:
    rs, fo, wd, aw, pe = (
        table.rao_scott,
        table.first_order,
        table.wald,
        table.adj_wald,
        table.pearson,
    )
    return {
        "banner": banner,
        "variable": variable,
        "n": table.total_n,
        "F": rs.statistic,
        "df1": rs.df1,
        "df2": rs.df2,
        "p": rs.p,
        "chisq_first_order": fo.statistic,
        "p_first_order": fo.p,
        "wald_F": wd.statistic,
        "p_wald": wd.p,
        "adj_wald_F": aw.statistic,
        "p_adj_wald": aw.p,
        "pearson_chisq": pe.statistic,
        "pearson_df": pe.df1,
        "p_pearson": pe.p,
        "p_fisher": table.fisher.p if table.fisher is not None else float("nan"),
        "fisher_advised": table.fisher_advised,
        "cramers_v": table.cramers_v,
        "small_base_columns": int(np.count_nonzero(table.small_base)),
    }


def _rank_test_columns(design: Survey, item: pd.Series, banner: pd.Series) -> dict:
    """R's svyranktest (Kruskal-Wallis form) of the Likert item's analysis values across the
    banner's groups."""
    try:
        result = rank_test(design, item, banner)
    except InputError:  # fewer than two groups with answers
        return {"rank_F": float("nan"), "rank_df1": float("nan"), "p_rank": float("nan")}
    return {"rank_F": result.chisq / result.df1, "rank_df1": result.df1, "p_rank": result.p}


SUPPRESSION_RULE = """\
One rule hides small groups, in the tables, the reports and the exported workbook: a banner
column (a group of respondents) whose unweighted base is below ``suppress_below`` shows no
percentage, CI, letter or weighted base. When that leaves exactly one column of a table
hidden, the next smallest column is hidden too: the Total is published, and a single hidden
column could be worked out from the Total and the columns shown. Letters in shown columns
never name a hidden column. The Total is never hidden; columns with a base below
``min_base`` are shown, marked "read with care", and never make a finding."""


def suppressed_columns(bases: dict[str, int], threshold: int) -> set[str]:
    """Banner columns whose estimates are not shown (see :data:`SUPPRESSION_RULE`): those
    with 0 < n < ``threshold``, plus, when that leaves exactly one hidden, the smallest other
    non-empty column (complementary suppression)."""
    hidden = {col for col, n in bases.items() if 0 < n < threshold}
    if len(hidden) == 1:
        others = sorted((n, col) for col, n in bases.items() if n > 0 and col not in hidden)
        if others:
            hidden.add(others[0][1])
    return hidden


def mark_suppressed(frame: pd.DataFrame, base_column: str, threshold: int) -> pd.DataFrame:
    """Mark the rows of ``frame`` (cells or Likert scores) that belong to a suppressed banner
    column, and strip from the shown columns' letters every letter of a suppressed column;
    the Total column is never suppressed. Column letters follow the order of the banner's
    columns in ``frame`` (A = first), as the tabulate stage assigns them."""
    if frame.empty:
        return frame.assign(suppressed=pd.Series(dtype=bool))
    suppressed = pd.Series(False, index=frame.index)
    letters = frame["letters"].copy() if "letters" in frame.columns else None
    for (banner, _variable), group in frame.groupby(["banner", "variable"], sort=False):
        if banner == TOTAL:
            continue
        bases = group.groupby("col_code", sort=False)[base_column].max().astype(int).to_dict()
        hidden = suppressed_columns(bases, threshold)
        if not hidden:
            continue
        suppressed[group.index[group["col_code"].isin(hidden)]] = True
        if letters is not None:
            order = [c for c in dict.fromkeys(group["col_code"]) if c != TOTAL]
            gone = {column_letter(order.index(c)) for c in hidden}
            letters[group.index] = [_without(text, gone) for text in group["letters"]]
    out = frame.assign(suppressed=suppressed)
    return out if letters is None else out.assign(letters=letters)


def _without(letters: str, gone: set[str]) -> str:
    return "".join(ch for ch in str(letters) if ch not in gone)


def read_with_care(base: int, min_base: int) -> bool:
    """A shown column whose base is below ``min_base``: printed with a mark, never a
    finding."""
    return 0 < base < min_base


def _likert_scores(
    values: dict[str, pd.Series],
    design: Survey,
    questionnaire: Questionnaire,
    banners: list[Variable],
    options: TabulateOptions,
) -> pd.DataFrame:
    """Mean score (the codes as numbers) and top-2-box share for every Likert item, overall
    and within each banner category (domains of the full design). ``values``: the analysis
    values of every row variable and banner, by name."""
    out: list[dict] = []
    likert = [v for v in questionnaire.variables() if v.question.type in LIKERT_TYPES and not v.pii]
    for variable in likert:
        answers = values[variable.name]
        top = answers.isin(top_codes(variable)).astype(float).where(answers.notna())
        columns: list[tuple[str, str, np.ndarray | None]] = [(TOTAL, TOTAL, None)]
        for banner in banners:
            for c in banner.substantive_codes():
                columns.append((banner.name, str(c), (values[banner.name] == c).to_numpy()))
        for banner_name, col_code, domain in columns:
            m = estimate.mean(design, answers, domain, level=options.level)
            t = estimate.mean(design, top, domain, level=options.level)
            out.append(
                {
                    "banner": banner_name,
                    "variable": variable.name,
                    "col_code": col_code,
                    "n": int(m.n[0]),
                    "mean": float(m.estimate[0]),
                    "mean_se": float(m.se[0]),
                    "top2": float(t.estimate[0]),
                    "top2_se": float(t.se[0]),
                }
            )
    return pd.DataFrame(out)


def _index_items(data: pd.DataFrame, questionnaire: Questionnaire, index: Index) -> pd.DataFrame:
    """The analysis values of the index's items, one column per item."""
    return pd.DataFrame(
        {name: analysis_values(data, questionnaire.variable(name)) for name in index.items}
    )


def _index_score(items: pd.DataFrame, method: str) -> pd.Series:
    """The index score per respondent: the mean (or sum) of the items' codes over
    respondents who answered every item; NaN otherwise."""
    combined = items.mean(axis=1) if method == "mean" else items.sum(axis=1)
    return combined.where(items.notna().all(axis=1))


def _reliability(data: pd.DataFrame, design: Survey, questionnaire: Questionnaire) -> pd.DataFrame:
    """Cronbach's alpha of each declared index (complete answers only), unweighted and
    design-weighted, with the index score's weighted mean and SE."""
    out = []
    for index in questionnaire.indices:
        items = _index_items(data, questionnaire, index)
        complete = int(items.notna().all(axis=1).sum())
        score = estimate.mean(design, _index_score(items, index.method))
        out.append(
            {
                "index": index.name,
                "items": len(index.items),
                "n_complete": complete,
                "alpha": cronbach_alpha(items) if complete >= 2 else float("nan"),
                "alpha_weighted": (
                    cronbach_alpha(items, design.weights) if complete >= 2 else float("nan")
                ),
                "score_mean": float(score.estimate[0]),
                "score_se": float(score.se[0]),
            }
        )
    return pd.DataFrame(out)


# ----- writing ----------------------------------------------------------------------------


def battery_paths(out_dir: Path, stem: str) -> dict[str, Path]:
    """Where :func:`write_battery` puts each file."""
    return {
        "workbook": output_file(out_dir, f"{stem}.tables.xlsx"),
        "cells": output_file(out_dir, f"{stem}.cells.parquet"),
        "tests": output_file(out_dir, f"{stem}.tests.parquet"),
        "scales": output_file(out_dir, f"{stem}.scales.parquet"),
        "claims": output_file(out_dir, f"{stem}.claims.parquet"),
        "json": output_file(out_dir, f"{stem}.tables.json"),
        "metrics": output_file(out_dir, f"{stem}.metrics.json"),
    }


def write_battery(
    battery: Battery, questionnaire: Questionnaire, out_dir: str | Path, stem: str, lang: str
) -> dict[str, Path]:
    """Write the banner workbook (one sheet per banner), the long tables as parquet, and
    everything as one JSON document for the reports; the files are swapped in together."""
    final = battery_paths(Path(out_dir), stem)
    with staged_folder(out_dir) as staging:
        paths = battery_paths(staging, stem)
        save_workbook(banner_workbook(battery, questionnaire, lang), paths["workbook"])
        write_parquet_tables(
            {paths[name]: getattr(battery, name) for name in ("cells", "tests", "scales", "claims")}
        )
        document = {
            "info": battery.info,
            "cells": json_records(battery.cells),
            "tests": json_records(battery.tests),
            "scales": json_records(battery.scales),
            "reliability": json_records(battery.reliability),
        }
        write_json_document(paths["json"], document)
        metrics = battery_metrics(battery)
        text = json.dumps(metrics, ensure_ascii=False, indent=2, sort_keys=True)
        write_text(paths["metrics"], text + "\n")
    return final


def battery_metrics(battery: Battery) -> dict:
    """The figures `dvc metrics show` lists: respondents per stratum, how many tables are
    significant after BH adjustment, and each index's weighted mean score and alpha."""
    tests = battery.tests
    significant = int((tests["p_bh"] < battery.info["options"]["alpha"]).sum())
    indices = {
        row["index"]: {"mean": round(row["score_mean"], 6), "alpha": round(row["alpha"], 6)}
        for row in battery.reliability.to_dict("records")
    }
    return {
        "respondents": battery.info["n"],
        "respondents_by_stratum": battery.info.get("n_by_stratum", {}),
        "tables": len(tests),
        "significant_after_bh": significant,
        "indices": indices,
    }


# ----- the banner workbook ----------------------------------------------------------------


def banner_workbook(battery: Battery, questionnaire: Questionnaire, lang: str) -> Workbook:
    """One sheet per banner: for each question a block of category rows with the Total
    column and each banner column (percentage, then its significance letters), the bases
    and the test row."""
    words = TABLE_WORDS[lang]
    workbook = Workbook()
    workbook.remove(workbook.active)
    options = battery.info["options"]
    for banner_name in battery.info["banners"]:
        banner = questionnaire.variable(banner_name)
        sheet = workbook.create_sheet(sheet_title(banner_name))
        _write_banner_sheet(sheet, battery, questionnaire, banner, lang, words, options)
    return workbook


class _Rows:
    """Appends rows to a sheet and remembers the last row's cells (openpyxl's max_row scans
    every cell, which is slow on a long sheet)."""

    def __init__(self, sheet) -> None:
        self.sheet = sheet
        self.count = 0

    def append(self, values: list) -> tuple:
        self.sheet.append(values)
        self.count += 1
        return tuple(self.sheet.cell(self.count, j + 1) for j in range(max(len(values), 1)))


def _write_banner_sheet(sheet_, battery, questionnaire, banner, lang, words, options) -> None:
    sheet = _Rows(sheet_)
    bold = Font(bold=True)
    title = f"{questionnaire.title.get(lang)} ({questionnaire.wave})"
    sheet.append([title])[0].font = Font(bold=True, size=13)
    if battery.info.get("simulated"):
        sheet.append([words["simulated"]])[0].font = Font(bold=True, color="C00000")
    sheet.append([f"{banner.label.get(lang)} — {words['percent']}"])
    sheet.append([words["letters"]])
    sheet.append(
        [words["small"].format(min_base=options["min_base"], suppress=options["suppress_below"])]
    )
    sheet.append([])
    columns = [TOTAL] + [str(c) for c in banner.substantive_codes()]
    cells = _cell_lookup(battery.cells, banner.name)
    tests = _test_lookup(battery.tests, banner.name)
    banner_labels = banner.value_labels(lang)
    for variable in row_variables(questionnaire):
        if variable.name == banner.name:
            continue
        header = [f"{variable.name}: {variable.label.get(lang)}", words["total"], ""]
        for i, code_value in enumerate(banner.substantive_codes()):
            label = banner_labels.get(code_value, str(code_value))
            header += [f"({column_letter(i)}) {label}", ""]
        for cell in sheet.append(header):
            cell.font = bold
        labels = variable.value_labels(lang)
        for row_code in variable.substantive_codes():
            line: list = [f"{labels.get(row_code, row_code)} [{row_code}]"]
            for col in columns:
                record = cells.get((variable.name, col, row_code))
                line += _percent_pair(record, None if col == TOTAL else options["min_base"])
            for cell in sheet.append(line)[1::2]:
                cell.number_format = "0.0%"
        bases: list = [words["base"]]
        weighted: list = [words["weighted_base"]]
        for col in columns:
            first = cells.get((variable.name, col, variable.substantive_codes()[0]))
            column_cells = [
                cells.get((variable.name, col, r)) for r in variable.substantive_codes()
            ]
            bases += [first["base"] if first else 0, ""]
            hidden_column = bool(first is not None and first["suppressed"])
            weighted += [
                "—"
                if hidden_column
                else (sum(c["weighted_n"] for c in column_cells if c) if col != TOTAL else ""),
                "",
            ]
        sheet.append(bases)
        for cell in sheet.append(weighted)[1:]:
            cell.number_format = "#,##0"
        if variable.name in tests:
            sheet.append([_test_text(tests[variable.name], words)])
        sheet.append([])
    sheet_.column_dimensions["A"].width = 60
    sheet_.freeze_panes = "B1"


def _cell_lookup(cells: pd.DataFrame, banner: str) -> dict[tuple, dict]:
    """(variable, column code, row code) → cell record, for the banner and the Total."""
    chosen = cells[cells["banner"].isin([banner, TOTAL])]
    return {(r["variable"], r["col_code"], r["row_code"]): r for r in chosen.to_dict("records")}


def _test_lookup(tests: pd.DataFrame, banner: str) -> dict[str, dict]:
    if tests.empty:
        return {}
    return {r["variable"]: r for r in tests[tests["banner"] == banner].to_dict("records")}


def _percent_pair(cell: dict | None, min_base: int | None) -> list:
    """The percentage cell (a proportion shown as %) and its letters/flags cell."""
    if cell is None:
        return [None, ""]
    if cell["suppressed"]:
        return ["—", ""]
    flag = "*" if min_base is not None and read_with_care(cell["base"], min_base) else ""
    return [float(cell["prop"]), f"{cell['letters']}{flag}"]


def _test_text(t: dict, words: dict) -> str:
    if np.isnan(t["F"]):
        return f"{words['test']}: —"
    return (
        f"{words['test']}: F({t['df1']:.2f}; {t['df2']:.1f}) = {t['F']:.2f}, "
        f"p = {t['p']:.3g}, p (BH) = {t['p_bh']:.3g}; Cramér's V = {t['cramers_v']:.3f}"
    )
