"""The XLSForm for KoboToolbox/ODK: survey, choices and settings sheets, both languages.

Besides the standard columns the form carries what the questionnaire model needs and
XLSForm has no place for, so that ``survey import-xlsform`` recovers the model exactly:

- ``pipeline_type`` on survey rows (single, likert, likert_grid, grid_item, multiple,
  integer, text, date, section, introduction, section_intro),
- ``pipeline_level`` (only where the questionnaire sets a level) and ``pipeline_pii``,
- ``pipeline_missing`` and ``pipeline_from_frame`` on choices,
- a ``pipeline`` sheet (kind, name, value, items, labels) with the wave, respondent id,
  stratum, banners, the form title and organisation, choice-list labels, the favourable
  end of attitude scales (``list_favourable``, value first or last) and indices.

ODK tools ignore columns and sheets they do not know.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from pipeline.core.labels import LANGUAGES, Text
from pipeline.core.wording import range_message
from pipeline.core.xlsx import save_workbook
from pipeline.model.questionnaire import Question, Questionnaire, QuestionType, Section
from pipeline.stages.instruments.layout import frame_codes, require_filled_lists

LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}
XLSFORM_TYPE = {
    QuestionType.single: "select_one",
    QuestionType.likert: "select_one",
    QuestionType.multiple: "select_multiple",
    QuestionType.integer: "integer",
    QuestionType.text: "text",
    QuestionType.date: "date",
}


def language_column(column: str, lang: str) -> str:
    """``label`` + ``vi`` -> ``label::Vietnamese (vi)``, the form Kobo/ODK expect."""
    return f"{column}::{LANGUAGE_NAMES[lang]} ({lang})"


def _translated(column: str) -> list[str]:
    return [language_column(column, lang) for lang in LANGUAGES]


SURVEY_COLUMNS = [
    "type",
    "name",
    *_translated("label"),
    *_translated("hint"),
    "relevant",
    "constraint",
    *_translated("constraint_message"),
    "required",
    "appearance",
    "pipeline_type",
    "pipeline_level",
    "pipeline_pii",
]
CHOICES_COLUMNS = [
    "list_name",
    "name",
    *_translated("label"),
    "pipeline_missing",
    "pipeline_from_frame",
]
SETTINGS_COLUMNS = ["form_title", "form_id", "version", "default_language"]
PIPELINE_COLUMNS = ["kind", "name", "value", "items", *_translated("label")]


def range_constraint(low: int, high: int) -> str:
    return f". >= {low} and . <= {high}"


def _text_cells(column: str, text: Text | None) -> dict[str, str]:
    if text is None:
        return {}
    return {
        language_column(column, lang): getattr(text, lang)
        for lang in LANGUAGES
        if getattr(text, lang)
    }


def _constraint_cells(q: Question) -> dict[str, str]:
    """The constraint and its message; an integer range becomes part of the constraint."""
    if q.range is None:
        cells = {"constraint": q.constraint} if q.constraint else {}
        return cells | _text_cells("constraint_message", q.constraint_message)
    low, high = q.range
    constraint = range_constraint(low, high)
    if q.constraint:
        constraint = f"({constraint}) and ({q.constraint})"
    message = q.constraint_message or range_message(low, high)
    return {"constraint": constraint} | _text_cells("constraint_message", message)


def _meta_cells(q: Question) -> dict[str, str]:
    cells = {"pipeline_type": q.type.value}
    if q.level is not None:
        cells["pipeline_level"] = q.level.value
    if q.pii:
        cells["pipeline_pii"] = "yes"
    return cells


def question_rows(q: Question) -> list[dict[str, str]]:
    """Survey rows of one question: one row, or a field-list group for a grid."""
    labels = _text_cells("label", q.label) | _text_cells("hint", q.hint)
    required = {"required": "yes"} if q.required else {}
    relevant = {"relevant": q.relevant} if q.relevant else {}
    if q.type is QuestionType.likert_grid:
        group = {"type": "begin_group", "name": q.name, "appearance": "field-list"}
        items = [
            {
                "type": f"select_one {q.choices}",
                "name": item.name,
                "appearance": "likert",
                "pipeline_type": "grid_item",
                **_text_cells("label", item.label),
                **_constraint_cells(q),
                **required,
            }
            for item in q.items
        ]
        head = group | labels | relevant | _meta_cells(q)
        return [head, *items, {"type": "end_group", "name": q.name}]
    xls_type = XLSFORM_TYPE[q.type]
    if q.choices:
        xls_type = f"{xls_type} {q.choices}"
    row = {"type": xls_type, "name": q.name} | labels | relevant | _constraint_cells(q)
    appearance = {"appearance": "likert"} if q.type is QuestionType.likert else {}
    return [row | required | appearance | _meta_cells(q)]


def section_rows(section: Section) -> list[dict[str, str]]:
    rows = [
        {"type": "begin_group", "name": section.name, "pipeline_type": "section"}
        | _text_cells("label", section.title)
    ]
    if section.intro is not None:
        rows.append(
            {"type": "note", "name": f"{section.name}_intro", "pipeline_type": "section_intro"}
            | _text_cells("label", section.intro)
        )
    for q in section.questions:
        rows.extend(question_rows(q))
    rows.append({"type": "end_group", "name": section.name})
    return rows


def survey_rows(questionnaire: Questionnaire) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    if questionnaire.introduction is not None:
        rows.append(
            {"type": "note", "name": "form_intro", "pipeline_type": "introduction"}
            | _text_cells("label", questionnaire.introduction)
        )
    for section in questionnaire.sections:
        rows.extend(section_rows(section))
    return rows


def choices_rows(questionnaire: Questionnaire) -> list[dict[str, str]]:
    rows = []
    for list_name, clist in questionnaire.choice_lists.items():
        from_frame = frame_codes(questionnaire, clist)
        for option in clist.options:
            row = {"list_name": list_name, "name": str(option.code)}
            row |= _text_cells("label", option.label)
            if option.missing:
                row["pipeline_missing"] = "yes"
            if option.code in from_frame:
                row["pipeline_from_frame"] = "yes"
            rows.append(row)
    return rows


def settings_rows(questionnaire: Questionnaire, lang: str) -> list[dict[str, str]]:
    return [
        {
            "form_title": questionnaire.title.get(lang),
            "form_id": questionnaire.form_id,
            "version": questionnaire.version,
            "default_language": f"{LANGUAGE_NAMES[lang]} ({lang})",
        }
    ]


def pipeline_rows(questionnaire: Questionnaire) -> list[dict[str, str]]:
    """What the model holds beyond XLSForm's vocabulary, one row per fact."""
    q = questionnaire
    rows = [
        {"kind": "setting", "name": "wave", "value": q.wave},
        {"kind": "setting", "name": "respondent_id", "value": q.respondent_id},
        {"kind": "setting", "name": "stratum_variable", "value": q.stratum.variable},
        {"kind": "setting", "name": "stratum_frame", "value": q.stratum.frame},
        {"kind": "setting", "name": "banners", "items": " ".join(q.banners)},
        {"kind": "title"} | _text_cells("label", q.title),
    ]
    if q.organisation is not None:
        rows.append({"kind": "organisation"} | _text_cells("label", q.organisation))
    for name, clist in q.choice_lists.items():
        if clist.label is not None:
            rows.append({"kind": "list_label", "name": name} | _text_cells("label", clist.label))
        if clist.favourable is not None:
            rows.append({"kind": "list_favourable", "name": name, "value": clist.favourable})
    for index in q.indices:
        rows.append(
            {"kind": "index", "name": index.name, "value": index.method}
            | {"items": " ".join(index.items)}
            | _text_cells("label", index.label)
        )
    return rows


def _write_sheet(workbook: Workbook, title: str, columns: list[str], rows: list[dict]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(column) for column in columns])
    sheet.freeze_panes = "A2"


def write_xlsform(questionnaire: Questionnaire, path: Path, lang: str = "vi") -> Path:
    """Write the XLSForm; ``lang`` is the form's default language."""
    require_filled_lists(questionnaire)
    workbook = Workbook()
    workbook.remove(workbook.active)
    _write_sheet(workbook, "survey", SURVEY_COLUMNS, survey_rows(questionnaire))
    _write_sheet(workbook, "choices", CHOICES_COLUMNS, choices_rows(questionnaire))
    _write_sheet(workbook, "settings", SETTINGS_COLUMNS, settings_rows(questionnaire, lang))
    _write_sheet(workbook, "pipeline", PIPELINE_COLUMNS, pipeline_rows(questionnaire))
    save_workbook(workbook, path)
    return path
