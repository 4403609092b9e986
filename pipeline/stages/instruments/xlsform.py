"""The XLSForm for KoboToolbox/ODK: survey, choices and settings sheets, every language.

Besides the standard columns the form carries what the questionnaire model needs and
XLSForm has no place for, so that ``survey import-xlsform`` recovers the model exactly:

- ``pipeline_type`` on survey rows (the model's question type, and section, introduction,
  section_intro, grid_item),
- ``pipeline_level`` (only where the questionnaire sets a level) and ``pipeline_pii``,
- ``pipeline_missing``, ``pipeline_from_frame`` and ``pipeline_code`` (the numeric code of an
  option whose name is text) on choices,
- a ``pipeline`` sheet (kind, name, value, items, labels) with the wave, respondent id,
  design, banners, the form title and organisation, choice-list labels, the favourable
  end of attitude scales (``list_favourable``, value first or last) and indices.

ODK tools ignore columns and sheets they do not know. Before anything is written the form is
converted with pyxform and refused, with pyxform's reason, if pyxform rejects it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from pipeline.core.errors import InputError
from pipeline.core.labels import LANGUAGES, Text
from pipeline.core.xlsx import save_workbook
from pipeline.model.lint import errors, lint_questionnaire
from pipeline.model.questionnaire import Question, Questionnaire, QuestionType, Section
from pipeline.model.xlsform_vocabulary import (
    LANGUAGE_NAMES,
    WRITTEN_TYPE,
    language_name,
    range_constraint,
    range_message,
    text_columns,
)
from pipeline.stages.instruments.layout import frame_codes, require_filled_lists

__all__ = ["range_constraint", "range_message", "write_xlsform", "xlsform_workbook"]


def language_column(column: str, lang: str) -> str:
    """``label`` + ``vi`` -> ``label::Vietnamese (vi)``, the form Kobo/ODK expect."""
    return f"{column}::{LANGUAGE_NAMES[lang]} ({lang})"


def _languages(questionnaire: Questionnaire) -> list[str]:
    return list(questionnaire.languages) or list(LANGUAGES)


def _translated(column: str, q: Questionnaire) -> list[str]:
    # The column with no language first: pyxform merges a plain column into the translated
    # ones only when it comes before them.
    names = sorted((language_name(lang, q.languages) for lang in _languages(q)), key=bool)
    return [f"{column}::{name}" if name else column for name in names]


def survey_columns(q: Questionnaire) -> list[str]:
    """The columns always written, in order; any other column a form uses follows them."""
    return [
        "type",
        "name",
        *_translated("label", q),
        *_translated("hint", q),
        "relevant",
        "constraint",
        *_translated("constraint_message", q),
        "required",
        "appearance",
        "pipeline_type",
        "pipeline_level",
        "pipeline_pii",
    ]


def choices_columns(q: Questionnaire) -> list[str]:
    return [
        "list_name",
        "name",
        *_translated("label", q),
        "pipeline_missing",
        "pipeline_from_frame",
    ]


SETTINGS_COLUMNS = ["form_title", "form_id", "version", "default_language"]
PIPELINE_COLUMNS = ["kind", "name", "value", "items"]


class _Writer:
    """The rows of one questionnaire's XLSForm."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.q = questionnaire
        self.names = questionnaire.languages

    def text(self, column: str, text: Text | None) -> dict[str, str]:
        return text_columns(column, text, self.names)

    # survey

    def constraint_cells(self, q: Question) -> dict[str, str]:
        """The constraint and its message; an integer range becomes part of the constraint."""
        if q.range is None:
            cells = {"constraint": q.constraint} if q.constraint else {}
            return cells | self.text("constraint_message", q.constraint_message)
        low, high = q.range
        constraint = range_constraint(low, high)
        if q.constraint:
            constraint = f"({constraint}) and ({q.constraint})"
        message = q.constraint_message or range_message(low, high)
        return {"constraint": constraint} | self.text("constraint_message", message)

    def common_cells(self, q: Question) -> dict[str, str]:
        """Every column of a question row except type, constraint and the pipeline marks."""
        cells = {"name": q.name}
        cells |= self.text("label", q.label) | self.text("hint", q.hint)
        cells |= self.text("guidance_hint", q.guidance_hint)
        cells |= self.text("required_message", q.required_message)
        for kind, text in q.media.items():
            cells |= self.text(kind, text)
        if q.relevant:
            cells["relevant"] = q.relevant
        if q.required is True:
            cells["required"] = "yes"
        elif q.required:
            cells["required"] = str(q.required)
        for name in (
            "calculation",
            "default",
            "appearance",
            "choice_filter",
            "parameters",
            "trigger",
            "repeat_count",
            "read_only",
        ):
            value = getattr(q, name)
            if value:
                cells[name] = value
        cells |= {f"bind::{key}": value for key, value in q.bind.items()}
        return cells | {k: v for k, v in q.extra.items() if k != "type_suffix"}

    def meta_cells(self, q: Question) -> dict[str, str]:
        cells = {"pipeline_type": q.type.value}
        if q.level is not None:
            cells["pipeline_level"] = q.level.value
        if q.pii:
            cells["pipeline_pii"] = "yes"
        return cells

    def type_text(self, q: Question) -> str:
        if q.xlsform_type and not q.choices and not q.choices_file:
            word = q.xlsform_type  # meta, other and aliases (gps, string, photo ...) as written
        elif q.type in (QuestionType.meta, QuestionType.other):
            word = q.type.value
        elif q.choices_file:
            word = f"{WRITTEN_TYPE[q.type]}_from_file {q.choices_file}"
        elif q.external:
            word = f"{WRITTEN_TYPE[q.type]}_external {q.choices}"
        elif q.choices:
            word = f"{WRITTEN_TYPE[q.type]} {q.choices}" + (" or_other" if q.or_other else "")
        else:
            word = WRITTEN_TYPE[q.type]
        suffix = q.extra.get("type_suffix")
        return f"{word} {suffix}" if suffix else word

    def question_rows(self, q: Question) -> list[dict[str, str]]:
        """Survey rows of one question: one row, or a block for a grid, group or repeat."""
        if q.type is QuestionType.likert_grid:
            return self.grid_rows(q)
        if q.is_container:
            return self.container_rows(q)
        row = {"type": self.type_text(q)} | self.common_cells(q) | self.constraint_cells(q)
        if q.type is QuestionType.likert:
            row["appearance"] = q.appearance or "likert"
        return [row | self.meta_cells(q)]

    def container_rows(self, q: Question) -> list[dict[str, str]]:
        kind = "repeat" if q.type is QuestionType.repeat else "group"
        begin = q.xlsform_type or f"begin_{kind}"
        suffix = q.extra.get("type_suffix")
        head = {"type": f"{begin} {suffix}" if suffix else begin}
        head |= self.common_cells(q) | self.constraint_cells(q) | self.meta_cells(q)
        rows = [head]
        for child in q.children:
            rows.extend(self.question_rows(child))
        end = "end_loop" if begin == "begin_loop" else f"end_{kind}"
        return [*rows, {"type": end, "name": q.name}]

    def grid_rows(self, q: Question) -> list[dict[str, str]]:
        required = {"required": "yes"} if q.required else {}
        group = {"type": "begin_group", "name": q.name, "appearance": "field-list"}
        labels = self.text("label", q.label) | self.text("hint", q.hint)
        relevant = {"relevant": q.relevant} if q.relevant else {}
        items = [
            {
                "type": f"select_one {q.choices}",
                "name": item.name,
                "appearance": "likert",
                "pipeline_type": "grid_item",
                **self.text("label", item.label),
                **self.constraint_cells(q),
                **required,
            }
            for item in q.items
        ]
        head = group | labels | relevant | self.meta_cells(q)
        return [head, *items, {"type": "end_group", "name": q.name}]

    def section_rows(self, section: Section) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = []
        if section.group:
            head = {"type": "begin_group", "name": section.name, "pipeline_type": "section"}
            head |= self.text("label", section.title)
            if section.relevant:
                head["relevant"] = section.relevant
            if section.appearance:
                head["appearance"] = section.appearance
            head |= {f"bind::{key}": value for key, value in section.bind.items()}
            rows.append(head | section.extra)
        if section.intro is not None:
            rows.append(
                {"type": "note", "name": f"{section.name}_intro", "pipeline_type": "section_intro"}
                | self.text("label", section.intro)
            )
        for q in section.questions:
            rows.extend(self.question_rows(q))
        if section.group:
            rows.append({"type": "end_group", "name": section.name})
        return rows

    def survey_rows(self) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = []
        if self.q.introduction is not None:
            rows.append(
                {"type": "note", "name": "form_intro", "pipeline_type": "introduction"}
                | self.text("label", self.q.introduction)
            )
        for section in self.q.sections:
            rows.extend(self.section_rows(section))
        return rows

    # choices

    def choices_rows(self) -> list[dict[str, str]]:
        rows = []
        for list_name, clist in self.q.choice_lists.items():
            from_frame = frame_codes(self.q, clist)
            for option in clist.options:
                row = {"list_name": list_name, "name": option.value}
                row |= self.text("label", option.label)
                for kind, text in option.media.items():
                    row |= self.text(kind, text)
                row |= option.extra
                if option.name is not None and option.code is not None:
                    row["pipeline_code"] = str(option.code)
                if option.missing:
                    row["pipeline_missing"] = "yes"
                if option.code in from_frame:
                    row["pipeline_from_frame"] = "yes"
                rows.append(row)
        return rows

    # settings and the pipeline sheet

    def settings_rows(self, lang: str) -> list[dict[str, str]]:
        q = self.q
        default = _default_key(q, lang)
        row = {"form_title": q.title.get(default), "form_id": q.form_id}
        if q.version:
            row["version"] = q.version
        if q.default_language:
            row["default_language"] = q.default_language
        elif not q.languages:
            row["default_language"] = f"{LANGUAGE_NAMES[lang]} ({lang})"
        return [row | q.settings]

    def pipeline_rows(self) -> list[dict[str, str]]:
        """What the model holds beyond XLSForm's vocabulary, one row per fact."""
        q = self.q
        rows = [
            {"kind": "setting", "name": "wave", "value": q.wave},
            {"kind": "setting", "name": "respondent_id", "value": q.respondent_id},
        ]
        if q.stratum is not None:
            rows += [
                {"kind": "setting", "name": "stratum_variable", "value": q.stratum.variable},
                {"kind": "setting", "name": "stratum_frame", "value": q.stratum.frame},
            ]
        if q.design.clusters:
            rows.append(
                {"kind": "setting", "name": "clusters", "items": " ".join(q.design.clusters)}
            )
        if q.design.fpc:
            rows.append({"kind": "setting", "name": "fpc", "items": " ".join(q.design.fpc)})
        if q.design.nest:
            rows.append({"kind": "setting", "name": "nest", "value": "true"})
        if q.design.weight:
            rows.append({"kind": "setting", "name": "weight", "value": q.design.weight})
        rows += [
            {"kind": "language", "name": key, "value": name} for key, name in q.languages.items()
        ]
        rows += [
            {"kind": "setting", "name": "banners", "items": " ".join(q.banners)},
            {"kind": "title"} | self.text("label", q.title),
        ]
        if q.organisation is not None:
            rows.append({"kind": "organisation"} | self.text("label", q.organisation))
        for name, clist in q.choice_lists.items():
            if clist.label is not None:
                rows.append({"kind": "list_label", "name": name} | self.text("label", clist.label))
            if clist.favourable is not None:
                rows.append({"kind": "list_favourable", "name": name, "value": clist.favourable})
        for index in q.indices:
            rows.append(
                {"kind": "index", "name": index.name, "value": index.method}
                | {"items": " ".join(index.items)}
                | self.text("label", index.label)
            )
        return rows


def _default_key(q: Questionnaire, lang: str) -> str:
    """The language key of the form title: the form's default language, else ``lang``."""
    if q.default_language:
        for key, name in q.languages.items():
            if name == q.default_language:
                return key
    return lang


def _columns(fixed: list[str], rows: list[dict[str, str]]) -> list[str]:
    """The fixed columns, then every other column the rows use, in first-use order."""
    columns = dict.fromkeys(fixed)
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns)


def _write_sheet(workbook: Workbook, title: str, columns: list[str], rows: list[dict]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(column) for column in columns])
    sheet.freeze_panes = "A2"


def xlsform_workbook(questionnaire: Questionnaire, lang: str = "vi") -> Workbook:
    """The XLSForm as an openpyxl workbook; ``lang`` is the default language of a form that
    names none."""
    require_filled_lists(questionnaire)
    writer = _Writer(questionnaire)
    workbook = Workbook()
    workbook.remove(workbook.active)
    survey = writer.survey_rows()
    _write_sheet(workbook, "survey", _columns(survey_columns(questionnaire), survey), survey)
    choices = writer.choices_rows()
    _write_sheet(workbook, "choices", _columns(choices_columns(questionnaire), choices), choices)
    settings = writer.settings_rows(lang)
    _write_sheet(workbook, "settings", _columns(SETTINGS_COLUMNS, settings), settings)
    for name, rows in questionnaire.sheets.items():
        _write_sheet(workbook, name, _columns([], rows), rows)
    pipeline = writer.pipeline_rows()
    fixed = PIPELINE_COLUMNS + _translated("label", questionnaire)
    _write_sheet(workbook, "pipeline", _columns(fixed, pipeline), pipeline)
    return workbook


def write_xlsform(questionnaire: Questionnaire, path: Path, lang: str = "vi") -> Path:
    """Write the XLSForm, after checking it with lint and with pyxform; refuses (InputError
    with the reason) a questionnaire lint finds errors in or a form pyxform would reject, and
    then writes nothing."""
    found = errors(
        lint_questionnaire(
            questionnaire,
            questionnaire.source or str(path),
            Path(questionnaire.source or path).parent,
        )
    )
    if found:
        listed = "; ".join(f"{p.question or '(form)'} {p.field}: {p.message}" for p in found)
        raise InputError(
            f"the questionnaire has {len(found)} error(s), so no XLSForm is written: {listed}",
            file=questionnaire.source or None,
        )
    workbook = xlsform_workbook(questionnaire, lang)
    path = Path(path)
    with tempfile.TemporaryDirectory() as folder:
        try:
            trial = save_workbook(workbook, Path(folder) / path.name)
        except OSError as exc:  # the user can act on the output's path, not on the trial's
            raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
        reason = pyxform_rejection(trial)
    if reason is not None:
        raise InputError(
            f"the XLSForm would be rejected by pyxform, so it is not written: {reason}",
            file=questionnaire.source or None,
        )
    return save_workbook(workbook, path)


def pyxform_rejection(path: Path) -> str | None:
    """pyxform's reason for rejecting the XLSForm at ``path``; None when it converts."""
    from pyxform.errors import PyXFormError
    from pyxform.xls2xform import convert

    try:
        convert(xlsform=str(path), warnings=[])
    except PyXFormError as exc:
        return " ".join(str(exc).split())
    return None
