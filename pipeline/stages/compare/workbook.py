"""The comparison workbook: one sheet per table (overall, each member category) and the lists
of items asked in one wave only or not compared."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from pipeline.core.wording import COMPARISON_WORDS
from pipeline.core.xlsx import sheet_title
from pipeline.stages.compare.comparison import OVERALL, Comparison, ComparisonLabels, method_text
from pipeline.statistics.crosstab import json_number


def comparison_workbook(comparison: Comparison, labels: ComparisonLabels, lang: str) -> Workbook:
    words = COMPARISON_WORDS[lang]
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
    title = f"{words['title']}: {labels.scope(scope)}"
    _append_styled(sheet, [title], Font(bold=True, size=13))
    if comparison.info.get("simulated"):
        _append_styled(sheet, [words["simulated"]], SIMULATED_FONT)
    sheet.append([words["legend"]])
    for pair in comparison.info["comparisons"]:
        a, b = pair["wave_a"], pair["wave_b"]
        sheet.append([])
        method = f"{a} → {b}: {words['method']}: {method_text(pair, labels.lang)}"
        _append_styled(sheet, [method], BOLD)
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


def _append_row(sheet, r: dict, labels: ComparisonLabels, first: bool) -> None:
    is_mean = r["kind"] == "mean"
    scale = 1.0 if is_mean else 100.0
    line = [
        f"{r['item']}: {labels.item(r['item'])}" if first else None,
        labels.level(r["item"], r["level"]),
        r["est_a"],
        r["est_b"],
        scale * r["diff"],
        scale * r["ci_low"],
        scale * r["ci_high"],
        json_number(r["p"]) if first else None,
        json_number(r["p_bh"]) if first else None,
        r["mark"],
        labels.note(r["item"]) if first else None,
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
            sheet.append([wave, name])
    sheet.append([])
    _append_styled(sheet, [words["not_compared"]], BOLD)
    sheet.append([words["variable"], words["reason"]])
    for entry in comparison.not_compared:
        sheet.append([entry["item"], entry["reason"]])
    sheet.column_dimensions["A"].width = 30
