"""The data-entry workbook: one column per variable with validation of the codes.

Sheets: ``data`` (respondent id first, then every variable in questionnaire order; the
header is the variable name, its label and codes are in the header cell's comment),
``instructions`` (Vietnamese and English) and ``codes`` (every variable's codes and labels).
The header is one row so the keyed sheet reads back as a plain table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.core.wording import ENTRY_INSTRUCTIONS
from pipeline.core.xlsx import save_workbook
from pipeline.model.questionnaire import Questionnaire
from pipeline.stages.instruments.codebook import CodebookEntry, codebook_entries

DATA_ROWS = 5000  # rows that carry validation; a survey of 1,375 forms fits with room to spare
INLINE_LIST_LIMIT = 250  # Excel refuses inline validation lists longer than 255 characters
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)

CODES_COLUMNS = [
    "variable",
    "question",
    "label_vi",
    "label_en",
    "code",
    "value_label_vi",
    "value_label_en",
    "missing",
]
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _comment(entry: CodebookEntry) -> Comment:
    lines = [entry.label.vi or "", entry.label.en or ""]
    lines += [
        f"{v.code} = {v.label.vi}" + (" (missing)" if v.missing else "") for v in entry.values
    ]
    if entry.range is not None:
        lines.append(f"{entry.range[0]}–{entry.range[1]}")
    comment = Comment("\n".join(lines), "survey-pipeline")
    comment.width = 320
    comment.height = 40 + 16 * len(lines)
    return comment


def _validation(entry: CodebookEntry, codes_range: str | None) -> DataValidation | None:
    """The validation of one column; ``codes_range`` is used for lists too long to inline."""
    if entry.values:
        codes = ",".join(str(v.code) for v in entry.values)
        formula = f'"{codes}"' if len(codes) <= INLINE_LIST_LIMIT else codes_range
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.error = f"Chỉ nhập một trong các mã / Key one of the codes: {codes}"
    elif entry.storage == "integer":
        low, high = entry.range if entry.range else (-(10**9), 10**9)
        validation = DataValidation(
            type="whole", operator="between", formula1=str(low), formula2=str(high),
            allow_blank=True,
        )  # fmt: skip
        validation.error = f"Số nguyên từ {low} đến {high} / A whole number from {low} to {high}"
    elif entry.storage == "date":
        validation = DataValidation(
            type="date",
            operator="between",
            formula1=f"DATE({FIRST_DATE.year},{FIRST_DATE.month},{FIRST_DATE.day})",
            formula2=f"DATE({LAST_DATE.year},{LAST_DATE.month},{LAST_DATE.day})",
            allow_blank=True,
        )
        validation.error = "Ngày không hợp lệ / Not a valid date (YYYY-MM-DD)"
    elif entry.question_type == "id":
        validation = DataValidation(type="custom", formula1="COUNTIF($A:$A,A2)=1")
        validation.error = "Số phiếu bị trùng / Duplicate questionnaire number"
    else:
        return None
    validation.errorTitle = entry.name
    validation.showErrorMessage = True
    return validation


def _data_sheet(sheet: Worksheet, entries: list[CodebookEntry], code_rows: dict) -> None:
    sheet.append([e.name for e in entries])
    for col, entry in enumerate(entries, start=1):
        letter = get_column_letter(col)
        header = sheet.cell(row=1, column=col)
        header.font = Font(bold=True)
        header.fill = HEADER_FILL
        header.comment = _comment(entry)
        sheet.column_dimensions[letter].width = max(10, len(entry.name) + 2)
        first, last = code_rows.get(entry.name, (0, 0))
        validation = _validation(entry, f"codes!$E${first}:$E${last}")
        if validation is not None:
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{DATA_ROWS + 1}")
        # Column formats: dates show as dates; text columns keep leading zeros (phone numbers).
        if entry.storage == "date":
            sheet.column_dimensions[letter].number_format = "yyyy-mm-dd"
        elif entry.storage == "string":
            sheet.column_dimensions[letter].number_format = "@"
    sheet.freeze_panes = "B2"


def _codes_sheet(sheet: Worksheet, entries: list[CodebookEntry]) -> dict[str, tuple[int, int]]:
    """Write the codes table; returns each variable's first and last row there."""
    sheet.append(CODES_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rows: dict[str, tuple[int, int]] = {}
    for e in entries:
        first = sheet.max_row + 1
        for v in e.values:
            sheet.append(
                [e.name, e.number, e.label.vi, e.label.en, v.code]
                + [v.label.vi, v.label.en, "yes" if v.missing else ""]
            )
        if e.values:
            rows[e.name] = (first, sheet.max_row)
        else:
            sheet.append([e.name, e.number, e.label.vi, e.label.en])
    sheet.freeze_panes = "A2"
    return rows


def _instructions_sheet(sheet: Worksheet, questionnaire: Questionnaire) -> None:
    q = questionnaire
    sheet.append([f"{q.title.vi or ''} / {q.title.en or ''}"])
    sheet.append([f"form_id: {q.form_id} · version: {q.version} · wave: {q.wave}"])
    sheet.append([])
    for lang in ("vi", "en"):
        for i, line in enumerate(ENTRY_INSTRUCTIONS[lang]):
            sheet.append([line if i == 0 else f"{i}. {line}"])
            if i == 0:
                sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        sheet.append([])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 120


def write_entry_template(questionnaire: Questionnaire, path: Path) -> Path:
    """Write the data-entry workbook to ``path``."""
    entries = codebook_entries(questionnaire)
    workbook = Workbook()
    data = workbook.active
    data.title = "data"
    instructions = workbook.create_sheet("instructions")
    codes = workbook.create_sheet("codes")
    code_rows = _codes_sheet(codes, entries)
    _data_sheet(data, entries, code_rows)
    _instructions_sheet(instructions, questionnaire)
    save_workbook(workbook, path)
    return path
