"""Read an XLSForm (survey, choices, settings sheets) into the questionnaire model.

What comes back from any XLSForm:

- sections from top-level groups (questions outside any group form sections of their own);
  groups nested inside a section are flattened into it, their ``relevant`` joined with
  ``and`` to each question's;
- question types: select_one (single; ``likert`` with the likert appearance),
  select_multiple, integer, text, date; a field-list group whose rows are all select_one
  on one list is a likert grid; note rows and metadata (start, end, calculate, ...) are not
  data and are skipped; any other type is an error;
- an integer range from a constraint ``. >= a and . <= b`` (optionally
  ``(. >= a and . <= b) and (...)``);
- labels from ``label::<Language> (code)``, ``label::<code>`` or a plain ``label`` (which
  is taken to be in the form's default language, Vietnamese if none is set).

What only a form written by ``survey instruments`` carries (see
pipeline.stages.instruments.xlsform): ``pipeline_type``, ``pipeline_level``, ``pipeline_pii``,
``pipeline_missing`` and ``pipeline_from_frame`` columns and the ``pipeline`` sheet (wave,
respondent id, stratum, banners, title, organisation, list labels, favourable ends of
scales, indices). With them the
round trip questionnaire -> XLSForm -> questionnaire is exact.

The stratum list: options marked ``pipeline_from_frame`` are dropped and the list is
written as ``from_frame: true`` (its options live in the frame file). A form without the
marks has no known frame: its stratum list stays an ordinary list of options, the stratum
question must be named (``stratum``) and ``stratum.frame`` is set to ``frame``, a file the
user still has to provide. Missing codes are recognised only from ``pipeline_missing``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openpyxl import load_workbook

from pipeline.core.atomic import write_text
from pipeline.core.errors import InputError
from pipeline.core.labels import LANGUAGES, Text
from pipeline.core.spreadsheet_safety import check_xlsx_archive
from pipeline.core.wording import range_message
from pipeline.model import expressions
from pipeline.model.questionnaire import (
    ChoiceList,
    GridItem,
    Option,
    Question,
    Questionnaire,
    QuestionType,
    Section,
    parse_questionnaire,
)

TRUE_WORDS = {"yes", "true", "true()", "1", "y"}
SKIPPED_TYPES = {
    "note", "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "calculate", "hidden", "start-geopoint",
}  # fmt: skip
LANGUAGE_WORDS = {"vietnamese": "vi", "tiếng việt": "vi", "english": "en", "vi": "vi", "en": "en"}
_LANGUAGE_CODE = re.compile(r"\(\s*([A-Za-z-]+)\s*\)\s*$")
_RANGE = re.compile(r"\s*\.\s*>=\s*(-?\d+)\s+and\s+\.\s*<=\s*(-?\d+)\s*")
FAVOURABLE_ENDS = ("first", "last")
_RANGE_AND = re.compile(r"\s*\((.*?)\)\s+and\s+\((.*)\)\s*", re.DOTALL)


@dataclass
class Row:
    """One spreadsheet row: cell values by header, and the row number a person sees."""

    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def flag(self, column: str) -> bool:
        return self.get(column).strip().lower() in TRUE_WORDS


@dataclass
class Sheet:
    name: str
    rows: list[Row]
    columns: list[str]


@dataclass
class Context:
    source: str
    default_language: str
    choice_lists: dict[str, ChoiceList]


# ---- reading the workbook -------------------------------------------------------------


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheets(path: Path) -> dict[str, Sheet]:
    """Every sheet as rows keyed by header; an unreadable file is not an XLSForm."""
    try:
        check_xlsx_archive(path)
    except InputError as exc:
        raise InputError(f"not an XLSForm: {exc.message}", file=str(path)) from None
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged archive raises zip, zlib and XML errors of all kinds
        raise InputError(
            f"not an XLSForm: cannot open it as an .xlsx workbook ({exc})", file=str(path)
        ) from None
    try:
        return _sheets(workbook)
    except Exception as exc:  # read-only sheets inflate and parse lazily: zlib, CRC, XML errors
        raise InputError(
            f"not an XLSForm: a damaged sheet ({type(exc).__name__}: {exc})", file=str(path)
        ) from None
    finally:
        workbook.close()


def _sheets(workbook) -> dict[str, Sheet]:
    sheets = {}
    for ws in workbook.worksheets:
        rows = ws.iter_rows(values_only=True)
        header = [_cell_text(v) for v in next(rows, ())]
        body = []
        for number, values in enumerate(rows, start=2):
            cells = {h: _cell_text(v) for h, v in zip(header, values, strict=False) if h}
            if any(cells.values()):
                body.append(Row(number, cells))
        sheets[ws.title.strip().lower()] = Sheet(ws.title, body, [h for h in header if h])
    return sheets


def column_language(column: str, base: str, default: str) -> str | None:
    """``label::Vietnamese (vi)`` -> vi; plain ``label`` -> ``default``; other columns None."""
    if column == base:
        return default
    if not column.startswith(f"{base}::"):
        return None
    return _language_code(column[len(base) + 2 :])


def _language_code(text: str) -> str | None:
    """``Vietnamese (vi)`` or ``vietnamese`` -> vi; None for a language it does not know."""
    match = _LANGUAGE_CODE.search(text)
    if match:
        return match.group(1).lower()
    return LANGUAGE_WORDS.get(text.strip().lower())


def row_text(row: Row, base: str, default: str) -> Text | None:
    """The bilingual text of ``base`` (label, hint, ...) in a row; languages beyond vi/en
    are not part of the model and are dropped."""
    values: dict[str, str] = {}
    for column, value in row.cells.items():
        lang = column_language(column, base, default)
        if value and lang in LANGUAGES:
            values.setdefault(lang, value)
    return Text(**values) if values else None


# ---- choices --------------------------------------------------------------------------


def read_choices(sheet: Sheet | None, source: str, default: str) -> dict[str, ChoiceList]:
    if sheet is None:
        return {}
    options: dict[str, list[Option]] = {}
    from_frame: set[str] = set()
    for row in sheet.rows:
        list_name = row.get("list_name") or row.get("list name")
        code_text = row.get("name")
        if not list_name:
            raise InputError("sheet choices: list_name is empty", file=source, row=row.number,
                             column="list_name")  # fmt: skip
        try:
            code = int(code_text)
        except ValueError:
            raise InputError(
                f"sheet choices: option name {code_text!r} of list {list_name!r} is not a "
                "whole number; the pipeline needs numeric option codes",
                file=source,
                row=row.number,
                column="name",
            ) from None
        label = row_text(row, "label", default) or Text(vi=code_text)
        options.setdefault(list_name, [])
        if row.flag("pipeline_from_frame"):
            from_frame.add(list_name)
            continue
        options[list_name].append(
            Option(code=code, label=label, missing=row.flag("pipeline_missing"))
        )
    return {
        name: ChoiceList(options=opts, from_frame=name in from_frame)
        for name, opts in options.items()
    }


# ---- survey ---------------------------------------------------------------------------


@dataclass
class Group:
    """A begin_group ... end_group block while the survey sheet is read."""

    row: Row | None  # None for the top level
    children: list[Row | Group] = field(default_factory=list)


def _type_words(row: Row, source: str) -> list[str]:
    words = row.get("type").split()
    if not words:
        raise InputError("sheet survey: the type is empty", file=source, row=row.number,
                         column="type")  # fmt: skip
    if len(words) >= 2 and words[0] in ("begin", "end"):
        words = [f"{words[0]}_{words[1]}", *words[2:]]
    return words


def group_tree(sheet: Sheet, source: str) -> Group:
    top = Group(None)
    stack = [top]
    for row in sheet.rows:
        kind = _type_words(row, source)[0]
        if kind == "begin_group":
            group = Group(row)
            stack[-1].children.append(group)
            stack.append(group)
        elif kind == "end_group":
            if len(stack) == 1:
                raise InputError("sheet survey: end_group without a begin_group",
                                 file=source, row=row.number, column="type")  # fmt: skip
            stack.pop()
        elif kind in ("begin_repeat", "end_repeat"):
            raise InputError(
                "sheet survey: repeats are not supported (one row of data per respondent)",
                file=source,
                row=row.number,
                column="type",
            )
        else:
            stack[-1].children.append(row)
    if len(stack) > 1:
        raise InputError(
            "sheet survey: begin_group is never closed with end_group",
            file=source,
            row=stack[-1].row.number,
            column="type",
        )
    return top


def _is_grid(group: Group, source: str) -> bool:
    meta = group.row.get("pipeline_type")
    if meta:
        return meta == "likert_grid"
    rows = [c for c in group.children if isinstance(c, Row)]
    if len(rows) < 2 or len(rows) != len(group.children):
        return False
    types = {tuple(_type_words(r, source)) for r in rows}
    appearance = group.row.get("appearance")
    return "field-list" in appearance and len(types) == 1 and next(iter(types))[0] == "select_one"


def _join_relevant(outer: str | None, inner: str | None) -> str | None:
    if outer and inner:
        return f"({outer}) and ({inner})"
    return outer or inner


def _range_and_constraint(constraint: str) -> tuple[tuple[int, int] | None, str | None]:
    match = _RANGE.fullmatch(constraint)
    if match:
        return (int(match.group(1)), int(match.group(2))), None
    both = _RANGE_AND.fullmatch(constraint)
    if both and _RANGE.fullmatch(both.group(1)):
        rest = both.group(2)
        try:
            expressions.parse(rest)
        except expressions.ExpressionError:
            return None, constraint
        low, high = _RANGE.fullmatch(both.group(1)).groups()
        return (int(low), int(high)), rest
    return None, constraint


def _constraint_message(row: Row, ctx: Context, value_range: tuple[int, int] | None) -> Text | None:
    """The row's constraint message, unless it is the one the writer made for the range."""
    message = row_text(row, "constraint_message", ctx.default_language)
    if value_range is not None and message == range_message(*value_range):
        return None
    return message


def _label(row: Row, ctx: Context) -> Text:
    return row_text(row, "label", ctx.default_language) or Text(vi=row.get("name"))


def _common(row: Row, ctx: Context) -> dict:
    """Fields every question row carries."""
    level = row.get("pipeline_level") or None
    return {
        "name": row.get("name"),
        "label": _label(row, ctx),
        "hint": row_text(row, "hint", ctx.default_language),
        "relevant": row.get("relevant") or None,
        "required": row.flag("required"),
        "level": level,
        "pii": row.flag("pipeline_pii"),
    }


def _check_list(row: Row, list_name: str, ctx: Context) -> str:
    if list_name not in ctx.choice_lists:
        raise InputError(
            f"sheet survey: choice list {list_name!r} is not on the choices sheet",
            file=ctx.source,
            row=row.number,
            column="type",
        )
    return list_name


def question_from_row(row: Row, ctx: Context) -> Question | None:
    """One question row; None for rows that are not data (notes, metadata)."""
    words = _type_words(row, ctx.source)
    kind = words[0]
    if kind in SKIPPED_TYPES:
        return None
    if not row.get("name"):
        raise InputError("sheet survey: the name is empty", file=ctx.source, row=row.number,
                         column="name")  # fmt: skip
    fields = _common(row, ctx)
    constraint = row.get("constraint") or None
    value_range = None
    if kind in ("select_one", "select_multiple"):
        if len(words) != 2:
            raise InputError(
                f"sheet survey: type {row.get('type')!r} should be '{kind} <list name>'",
                file=ctx.source,
                row=row.number,
                column="type",
            )
        fields["choices"] = _check_list(row, words[1], ctx)
        if kind == "select_multiple":
            qtype = QuestionType.multiple
        elif row.get("pipeline_type") == "likert" or (
            not row.get("pipeline_type") and "likert" in row.get("appearance")
        ):
            qtype = QuestionType.likert
        else:
            qtype = QuestionType.single
    elif kind in ("integer", "text", "date"):
        qtype = QuestionType(kind)
        if kind == "integer" and constraint:
            value_range, constraint = _range_and_constraint(constraint)
    else:
        raise InputError(
            f"sheet survey: unknown type {row.get('type')!r}; expected select_one <list>, "
            "select_multiple <list>, integer, text, date, begin_group, end_group or note",
            file=ctx.source,
            row=row.number,
            column="type",
        )
    return Question(
        **fields,
        type=qtype,
        range=value_range,
        constraint=constraint,
        constraint_message=_constraint_message(row, ctx, value_range),
    )


def grid_from_group(group: Group, ctx: Context) -> Question:
    items = [c for c in group.children if isinstance(c, Row)]
    first = items[0]
    words = _type_words(first, ctx.source)
    if words[0] != "select_one" or len(words) != 2:
        raise InputError(
            "sheet survey: a likert grid group holds select_one rows on one list",
            file=ctx.source,
            row=first.number,
            column="type",
        )
    fields = _common(group.row, ctx)
    fields["required"] = any(r.flag("required") for r in items)
    return Question(
        **fields,
        type=QuestionType.likert_grid,
        choices=_check_list(first, words[1], ctx),
        items=[GridItem(name=r.get("name"), label=_label(r, ctx)) for r in items],
        constraint=first.get("constraint") or None,
        constraint_message=row_text(first, "constraint_message", ctx.default_language),
    )


def questions_of(group: Group, ctx: Context, relevant: str | None = None) -> list[Question]:
    """The questions in a group, flattening nested non-grid groups."""
    out: list[Question] = []
    for child in group.children:
        if isinstance(child, Row):
            q = question_from_row(child, ctx)
        elif _is_grid(child, ctx.source):
            q = grid_from_group(child, ctx)
        else:
            inner = _join_relevant(relevant, child.row.get("relevant") or None)
            out.extend(questions_of(child, ctx, inner))
            continue
        if q is not None:
            if relevant:
                q = q.model_copy(update={"relevant": _join_relevant(relevant, q.relevant)})
            out.append(q)
    return out


def _intro(group: Group, kind: str, ctx: Context) -> Text | None:
    for child in group.children:
        if isinstance(child, Row) and child.get("pipeline_type") == kind:
            return _label(child, ctx)
    return None


def read_sections(tree: Group, ctx: Context, title: Text) -> list[Section]:
    """Top-level groups are sections; loose questions between them form sections too."""
    sections: list[Section] = []
    loose = Group(None)

    def flush_loose() -> None:
        questions = questions_of(loose, ctx)
        if questions:
            name = f"S{len(sections) + 1}"
            sections.append(Section(name=name, title=title, questions=questions))
        loose.children.clear()

    for child in tree.children:
        if isinstance(child, Group) and not _is_grid(child, ctx.source):
            flush_loose()
            sections.append(
                Section(
                    name=child.row.get("name"),
                    title=_label(child.row, ctx),
                    intro=_intro(child, "section_intro", ctx),
                    questions=questions_of(child, ctx, child.row.get("relevant") or None),
                )
            )
        else:
            loose.children.append(child)
    flush_loose()
    return sections


# ---- settings and the pipeline sheet --------------------------------------------------


def _settings(sheets: dict[str, Sheet]) -> dict[str, str]:
    sheet = sheets.get("settings")
    return sheet.rows[0].cells if sheet and sheet.rows else {}


def _default_language(settings: dict[str, str]) -> str:
    code = _language_code(settings.get("default_language", ""))
    return code if code in LANGUAGES else "vi"


def pipeline_facts(sheet: Sheet | None, default: str, source: str = "") -> dict:
    """The ``pipeline`` sheet as keyword values for Questionnaire (empty if absent)."""
    facts: dict = {"list_labels": {}, "list_favourable": {}, "indices": []}
    if sheet is None:
        return facts
    for row in sheet.rows:
        kind, name = row.get("kind"), row.get("name")
        if kind == "setting":
            value = row.get("items").split() if name == "banners" else row.get("value")
            facts[name] = value
        elif kind in ("title", "organisation"):
            facts[kind] = row_text(row, "label", default)
        elif kind == "list_label":
            facts["list_labels"][name] = row_text(row, "label", default)
        elif kind == "list_favourable":
            facts["list_favourable"][name] = _favourable(row, source)
        elif kind == "index":
            facts["indices"].append(
                {
                    "name": name,
                    "label": row_text(row, "label", default),
                    "items": row.get("items").split(),
                    "method": row.get("value") or "mean",
                }
            )
    return facts


def _favourable(row: Row, source: str) -> str:
    value = row.get("value").strip().lower()
    if value not in FAVOURABLE_ENDS:
        raise InputError(
            f"sheet pipeline: the favourable end of list {row.get('name')!r} must be "
            f"{' or '.join(FAVOURABLE_ENDS)}, got {row.get('value')!r}",
            file=source,
            row=row.number,
            column="value",
        )
    return value


def read_xlsform(
    path: str | Path, stratum: str | None = None, frame: str = "frame.yaml"
) -> Questionnaire:
    """The questionnaire an XLSForm describes (``source`` is the form's path).

    ``stratum`` and ``frame`` are used only when the form has no ``pipeline`` sheet naming
    them.
    """
    path = Path(path)
    source = str(path)
    sheets = read_sheets(path)
    if "survey" not in sheets:
        found = ", ".join(s.name for s in sheets.values())
        raise InputError(f"not an XLSForm: no 'survey' sheet (sheets: {found})", file=source)
    settings = _settings(sheets)
    default = _default_language(settings)
    facts = pipeline_facts(sheets.get("pipeline"), default, source)
    lists = read_choices(sheets.get("choices"), source, default)
    lists = {
        name: clist.model_copy(
            update={
                "label": facts["list_labels"].get(name),
                "favourable": facts["list_favourable"].get(name),
            }
        )
        for name, clist in lists.items()
    }
    ctx = Context(source, default, lists)
    form_id = settings.get("form_id") or path.stem
    title = facts.get("title") or Text(**{default: settings.get("form_title") or form_id})
    tree = group_tree(sheets["survey"], source)
    stratum_variable = facts.get("stratum_variable") or stratum
    if not stratum_variable:
        raise InputError(
            "the form names no stratum question (no 'pipeline' sheet); name it with --stratum",
            file=source,
        )
    data = {
        "form_id": form_id,
        "version": settings.get("version") or "1",
        "wave": facts.get("wave") or settings.get("version") or "1",
        "title": title,
        "organisation": facts.get("organisation"),
        "introduction": _intro(tree, "introduction", ctx),
        "respondent_id": facts.get("respondent_id") or "respondent_id",
        "stratum": {"variable": stratum_variable, "frame": facts.get("stratum_frame") or frame},
        "banners": facts.get("banners") or [],
        "choice_lists": lists,
        "sections": read_sections(tree, ctx, title),
        "indices": facts["indices"],
    }
    questionnaire = parse_questionnaire(data, source)
    _check_stratum(questionnaire, source)
    return questionnaire


def _check_stratum(questionnaire: Questionnaire, source: str) -> None:
    name = questionnaire.stratum.variable
    try:
        question = questionnaire.question(name)
    except KeyError:
        raise InputError(
            f"the stratum question {name!r} is not a question of the form", file=source
        ) from None
    if question.type is not QuestionType.single:
        raise InputError(
            f"the stratum question {name!r} must be select_one (a single choice)", file=source
        )


# ---- YAML -----------------------------------------------------------------------------


def questionnaire_yaml(questionnaire: Questionnaire) -> str:
    """The questionnaire as YAML in the shape load_questionnaire reads."""
    data = questionnaire.model_dump(
        mode="json", exclude={"source", "frame_model"}, exclude_none=True, exclude_defaults=True
    )
    header = f"# Imported from an XLSForm ({Path(questionnaire.source).name}).\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def import_xlsform(
    form: str | Path, out: str | Path, stratum: str | None = None, frame: str = "frame.yaml"
) -> Path:
    """Read ``form`` and write the questionnaire YAML to ``out`` (atomically)."""
    questionnaire = read_xlsform(form, stratum=stratum, frame=frame)
    write_text(out, questionnaire_yaml(questionnaire))
    return Path(out)
