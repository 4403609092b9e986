"""Read an XLSForm (.xlsx or .xls) into the questionnaire model, losing nothing.

Any form pyxform accepts comes in:

- every question type (pipeline.model.xlsform_vocabulary), the old ``select one from X``
  spelling, ``or_other``, select_one_from_file, select_one_external, rank;
- groups and repeats nested to any depth: top-level groups become sections, questions
  asked outside any group form sections with ``group: false``, inner groups and repeats
  are questions with ``children`` (a repeat is a child table);
- labels, hints, messages and media in any number of languages: ``label::English (en)``,
  ``label::English``, ``label:English`` and a plain ``label`` (the default language);
- every column: those the model has a field for, ``bind::`` columns in ``bind``, any other
  in ``extra`` under its header as written; the settings sheet; other sheets
  (external_choices, entities, osm) verbatim;
- text choice names: each option keeps its name and gets a numeric code, the name itself
  when it is a whole number, else the next free code in the order the options are listed
  (``codes_from`` keeps the codes a previous wave's questionnaire gave).

What only a form written by ``survey instruments`` carries (``pipeline_*`` columns and the
``pipeline`` sheet: wave, respondent id, design, banners, list labels, favourable ends of
scales, indices, missing codes, grids) makes the round trip questionnaire -> XLSForm ->
questionnaire exact.

The form is read in one pass and every problem found is reported together, each with its
sheet, row and column. A form pyxform itself rejects is refused with pyxform's reason.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings as py_warnings
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipeline.core.atomic import write_text
from pipeline.core.errors import InputError
from pipeline.core.labels import DEFAULT_LANGUAGE, Option, Text
from pipeline.core.paths import file_safe
from pipeline.core.spreadsheet_safety import check_xlsx_archive
from pipeline.model import expressions
from pipeline.model.questionnaire import (
    ChoiceList,
    GridItem,
    Question,
    Questionnaire,
    QuestionType,
    Section,
    parse_questionnaire,
)
from pipeline.model.xlsform_vocabulary import (
    FALSE_WORDS,
    FIELDS,
    MEDIA,
    META_TYPES,
    SELECT_WORDS,
    SIMPLE_TYPES,
    TRANSLATED,
    TRUE_WORDS,
    WRITTEN_TYPE,
    language_key,
    range_constraint,
    range_message,
    text_columns,
)

FAVOURABLE_ENDS = ("first", "last")
KNOWN_SHEETS = {"survey", "choices", "settings", "pipeline"}
_RANGE = re.compile(r"\.\s*>=\s*(-?\d+)\s+and\s+\.\s*<=\s*(-?\d+)")


class FormProblems(InputError):
    """Several problems of one form, reported together (one line, problems separated by ;)."""

    def __init__(self, source: str, problems: list[InputError]) -> None:
        self.problems = problems
        first = problems[0]
        if len(problems) == 1:
            super().__init__(first.message, file=source, row=first.row, column=first.column)
        else:
            listed = "; ".join(_located(p) for p in problems)
            super().__init__(f"{len(problems)} problems: {listed}", file=source)


def _located(problem: InputError) -> str:
    where = [
        w
        for w in (
            problem.row and f"row {problem.row}",
            problem.column and f"column {problem.column}",
        )
        if w
    ]
    return f"{problem.message} ({', '.join(where)})" if where else problem.message


# ---- reading the workbook -------------------------------------------------------------


@dataclass
class Row:
    """One spreadsheet row: cell text by header, and the row number a person sees."""

    number: int
    cells: dict[str, str]
    sheet: str = "survey"

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def flag(self, column: str) -> bool:
        return self.get(column).strip().lower() in TRUE_WORDS


@dataclass
class Sheet:
    name: str
    rows: list[Row]
    columns: list[str]
    duplicates: list[str] = field(default_factory=list)


def cell_text(value: object) -> str:
    """A cell as pyxform reads it: whole numbers without '.0', dates in ISO form, TRUE/FALSE."""
    if value is None:
        return ""
    if value is True or value is False:
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.time):
        return str(value)
    return str(value).replace("\u00a0", " ").strip()


def read_sheets(path: Path) -> dict[str, Sheet]:
    """Every sheet of an .xlsx or .xls workbook, rows keyed by header."""
    if path.suffix.lower() == ".xls":
        return _xls_sheets(path)
    try:
        check_xlsx_archive(path)
    except InputError as exc:
        raise InputError(f"not an XLSForm: {exc.message}", file=str(path)) from None
    from openpyxl import load_workbook

    try:
        with py_warnings.catch_warnings():
            py_warnings.simplefilter("ignore")  # openpyxl's notes on unknown extensions
            workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged archive raises zip, zlib and XML errors of all kinds
        raise InputError(
            f"not an XLSForm: cannot open it as an .xlsx workbook ({exc})", file=str(path)
        ) from None
    try:
        return {
            ws.title.strip().lower(): _sheet(ws.title, ws.iter_rows(values_only=True))
            for ws in workbook.worksheets
        }
    except Exception as exc:  # read-only sheets inflate and parse lazily: zlib, CRC, XML errors
        raise InputError(
            f"not an XLSForm: a damaged sheet ({type(exc).__name__}: {exc})", file=str(path)
        ) from None
    finally:
        workbook.close()


def _xls_sheets(path: Path) -> dict[str, Sheet]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # xlrd raises its own and struct errors for damaged files
        raise InputError(
            f"not an XLSForm: cannot open it as an .xls workbook ({exc})", file=str(path)
        ) from None
    sheets = {}
    for ws in book.sheets():
        rows = (
            tuple(_xls_cell(ws.cell(r, c), book.datemode) for c in range(ws.ncols))
            for r in range(ws.nrows)
        )
        sheets[ws.name.strip().lower()] = _sheet(ws.name, rows)
    return sheets


def _xls_cell(cell, datemode: int) -> object:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        parts = xlrd.xldate_as_tuple(cell.value, datemode)
        return dt.time(*parts[3:]) if parts[:3] == (0, 0, 0) else dt.datetime(*parts)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    return cell.value


# As pyxform reads a sheet: a run of this many empty header cells ends the columns, of
# this many empty rows the data (anything after is no part of the form).
EMPTY_COLUMNS_END = 20
EMPTY_ROWS_END = 60


def _sheet(title: str, rows) -> Sheet:
    header = _header(next(rows, ()))
    counts: dict[str, int] = {}
    for h in header:
        if h:
            counts[h] = counts.get(h, 0) + 1
    duplicates = [h for h, n in counts.items() if n > 1]
    body = []
    empty_run = 0
    for number, values in enumerate(rows, start=2):
        cells = {h: cell_text(v) for h, v in zip(header, values, strict=False) if h}
        if any(cells.values()):
            body.append(Row(number, cells, title.strip().lower()))
            empty_run = 0
        else:
            empty_run += 1
            if empty_run > EMPTY_ROWS_END:
                break
    return Sheet(title, body, [h for h in header if h], duplicates)


def _header(values) -> list[str]:
    header: list[str] = []
    empty_run = 0
    for value in values:
        text = " ".join(cell_text(value).split())
        header.append(text)
        empty_run = empty_run + 1 if not text else 0
        if empty_run > EMPTY_COLUMNS_END:
            break
    return header


# ---- columns --------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """What a header means: a field, a translated text (base + language), a bind:: column
    (``bind`` set), or a column kept verbatim (``extra``)."""

    header: str
    field: str | None = None
    base: str | None = None
    language: str | None = None  # the XLSForm language name as written ('' = none)
    bind: str | None = None


def parse_header(header: str, double_colon: bool) -> Column:
    """The meaning of one column header, as pyxform reads it (case and spaces ignored in the
    first part; ``::`` separates the language, or ``:`` in forms that use no ``::``)."""
    low = "_".join(header.split()).lower()
    if low in FIELDS:
        return Column(header, field=FIELDS[low])
    if low in TRANSLATED:
        return Column(header, base=TRANSLATED[low], language="")
    for prefix in ("bind", "control", "body"):
        for separator in ("::", ":"):
            if low.startswith(prefix + separator) and (separator == "::" or not double_colon):
                return _prefixed(header, prefix, header[len(prefix) + len(separator) :].strip())
    parts = _header_parts(header, double_colon)
    first = "_".join(parts[0].split()).lower()
    if first == "media" and len(parts) >= 2 and parts[1].strip().lower() in MEDIA:
        parts = [parts[1], *parts[2:]]
        first = parts[0].strip().lower()
    if len(parts) == 2 and first in TRANSLATED:
        return Column(header, base=TRANSLATED[first], language=parts[1].strip())
    return Column(header)


# bind:: and control:: (body::) columns that are another name of a column with a field.
_BIND_FIELDS = {
    "relevant": "relevant",
    "constraint": "constraint",
    "required": "required",
    "calculate": "calculation",
    "readonly": "read_only",
}
_BIND_TEXTS = {"jr:constraintmsg": "constraint_message", "jr:requiredmsg": "required_message"}
_CONTROL_FIELDS = {"appearance": "appearance", "jr:count": "repeat_count"}


def _prefixed(header: str, prefix: str, inner: str) -> Column:
    low = inner.lower()
    if prefix == "bind" and low in _BIND_FIELDS:
        return Column(header, field=_BIND_FIELDS[low])
    if prefix == "bind" and low.split("::")[0].split(":jr")[0] in _BIND_TEXTS:
        base, _, language = low.partition("::")
        return Column(
            header, base=_BIND_TEXTS[base], language=inner[len(base) + 2 :] if language else ""
        )
    if prefix != "bind" and low in _CONTROL_FIELDS:
        return Column(header, field=_CONTROL_FIELDS[low])
    if prefix == "bind":
        return Column(header, bind=inner)
    return Column(header)


def _header_parts(header: str, double_colon: bool) -> list[str]:
    if double_colon or "::" in header:
        return header.split("::")
    parts = header.split(":")
    if len(parts) == 3 and parts[0].strip().lower() == "jr":  # jr:constraintMsg:English
        return [f"jr:{parts[1]}", parts[2]]
    if len(parts) == 2 and parts[0].strip().lower() == "jr":
        return [header]
    return parts


def columns_of(sheet: Sheet) -> dict[str, Column]:
    double = any("::" in h for h in sheet.columns)
    return {h: parse_header(h, double) for h in sheet.columns}


def with_field_headers(sheet: Sheet) -> Sheet:
    """The sheet with each column that has a field renamed to the field's name (``Type``,
    ``bind::relevant``, ``relevance`` -> ``type``, ``relevant``, ``relevant``)."""
    columns = columns_of(sheet)
    rename = {h: c.field for h, c in columns.items() if c.field is not None}
    return _renamed(sheet, rename)


def _renamed(sheet: Sheet, rename: dict[str, str]) -> Sheet:
    rows = []
    for row in sheet.rows:
        cells: dict[str, str] = {}
        for header, value in row.cells.items():
            key = rename.get(header, header)
            if value or key not in cells:
                cells[key] = value if value or key not in cells else cells[key]
        rows.append(Row(row.number, cells, row.sheet))
    columns = list(dict.fromkeys(rename.get(h, h) for h in sheet.columns))
    return Sheet(sheet.name, rows, columns, sheet.duplicates)


CHOICE_HEADERS = {
    "list_name": "list_name",
    "list name": "list_name",
    "name": "name",
    "value": "name",
}
SETTINGS_HEADERS = {
    "title": "form_title",
    "set_form_title": "form_title",
    "id_string": "form_id",
    "set_form_id": "form_id",
}


def with_choice_headers(sheet: Sheet) -> Sheet:
    rename = {}
    for header in sheet.columns:
        key = " ".join(header.split()).lower()
        if key in CHOICE_HEADERS or key.replace(" ", "_") in CHOICE_HEADERS:
            rename[header] = CHOICE_HEADERS.get(key) or CHOICE_HEADERS[key.replace(" ", "_")]
    return _renamed(sheet, rename)


# ---- the reading context --------------------------------------------------------------


@dataclass
class Context:
    source: str
    default_language: str  # the key a column with no language is stored under
    choice_lists: dict[str, ChoiceList]
    survey_columns: dict[str, Column] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)  # key -> XLSForm name
    problems: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ours: bool = False  # written by survey instruments (it has the pipeline sheet)
    # a previous wave's code of each or_other question's "other" choice, kept (codes_from)
    other_codes: dict[str, int] = field(default_factory=dict)

    def problem(self, row: Row, column: str, message: str) -> None:
        self.problems.append(
            InputError(
                f"sheet {row.sheet}: {message}", file=self.source, row=row.number, column=column
            )
        )

    def key_of(self, language: str) -> str:
        """The storage key of an XLSForm language name, recording its spelling."""
        if not language:
            return self.default_language
        key = language_key(language)
        known = self.languages.setdefault(key, language)
        if known != language:  # two spellings of one language: keep them apart
            key = language
            self.languages.setdefault(key, language)
        return key


def row_texts(row: Row, columns: dict[str, Column], ctx: Context) -> dict[str, Text]:
    """Every translated text of a row, by base (label, hint, image, ...)."""
    values: dict[str, dict[str, str]] = {}
    for header, value in row.cells.items():
        column = columns.get(header)
        if value and column is not None and column.base is not None:
            key = ctx.key_of(column.language or "")
            values.setdefault(column.base, {}).setdefault(key, value)
    return {base: Text(**texts) for base, texts in values.items()}


def row_fields(row: Row, columns: dict[str, Column]) -> tuple[dict[str, str], dict, dict]:
    """(fields, bind columns, extra columns) of a row, by meaning."""
    fields: dict[str, str] = {}
    bind: dict[str, str] = {}
    extra: dict[str, str] = {}
    for header, value in row.cells.items():
        column = columns.get(header)
        if column is None or not value or column.base is not None:
            continue
        if column.field is not None:
            fields.setdefault(column.field, value)
        elif column.bind is not None:
            bind[column.bind] = value
        else:
            extra[header] = value
    return fields, bind, extra


# ---- choices --------------------------------------------------------------------------


def read_choices(
    sheet: Sheet | None, ctx: Context, codes_from: Questionnaire | None = None
) -> dict[str, ChoiceList]:
    """Choice lists in the order written; codes from whole-number names, else assigned."""
    if sheet is None:
        return {}
    columns = columns_of(sheet)
    for duplicate in sheet.duplicates:
        ctx.problems.append(
            InputError(
                f"sheet {sheet.name}: the column {duplicate!r} appears more than once",
                file=ctx.source,
                row=1,
                column=duplicate,
            )
        )
    options: dict[str, list[Option]] = {}
    from_frame: set[str] = set()
    for row in sheet.rows:
        list_name = row.get("list_name")
        if not list_name:
            ctx.warnings.append(
                f"sheet {sheet.name} row {row.number}: no list_name; the row "
                "is no option (as pyxform reads it)"
            )
            continue
        options.setdefault(list_name, [])
        if row.flag("pipeline_from_frame"):
            from_frame.add(list_name)
            continue
        option = _option(row, columns, ctx)
        if option is not None:
            options[list_name].append(option)
    lists = {}
    for name, opts in options.items():
        previous = codes_from.choice_lists.get(name) if codes_from else None
        if previous is not None:
            opts = _keep_codes(opts, previous, _other_codes_of(codes_from, name))
        lists[name] = ChoiceList(options=opts, from_frame=name in from_frame)
    return lists


def _option(row: Row, columns: dict[str, Column], ctx: Context) -> Option | None:
    value = row.get("name")
    if not value:
        ctx.problem(row, "name", f"the option of list {row.get('list_name')!r} has no name")
        return None
    texts = row_texts(row, columns, ctx)
    extra = {
        header: text
        for header, text in row.cells.items()
        if text
        and columns[header].base is None
        and header not in ("list_name", "name")
        and not header.startswith("pipeline_")
    }
    code, name = _code_and_name(value)
    if row.get("pipeline_code"):
        code = int(row.get("pipeline_code"))
    return Option(
        code=code,
        name=name,
        label=texts.pop("label", Text()),
        missing=row.flag("pipeline_missing"),
        media={kind: texts[kind] for kind in MEDIA if kind in texts},
        extra=extra,
    )


def _code_and_name(value: str) -> tuple[int | None, str | None]:
    """A whole-number name is the code (``01`` keeps its spelling as the name); any other
    name gets a code later."""
    try:
        code = int(value)
    except ValueError:
        return None, value
    return code, (None if str(code) == value else value)


def _keep_codes(options: list[Option], previous: ChoiceList, other: set[int]) -> list[Option]:
    """Codes a previous wave gave to the same names, so that a code keeps its meaning;
    ``other``: the previous wave's codes of or_other's "other" choice on this list, which a
    new option does not take (it gets the next code above them)."""
    known = {o.value: o.code for o in previous.options if o.code is not None}
    taken = {o.code for o in options if o.code is not None}
    kept = []
    for option in options:
        code = known.get(option.value)
        if option.code is None and code is not None and code not in taken:
            option = option.model_copy(update={"code": code})
            taken.add(code)
        kept.append(option)
    if not other:
        return kept
    next_code = max(taken | other, default=0) + 1
    out = []
    for option in kept:
        if option.code is None and option.name is not None:
            option = option.model_copy(update={"code": next_code})
            next_code += 1
        out.append(option)
    return out


def _other_codes_of(questionnaire: Questionnaire, list_name: str) -> set[int]:
    """The "other" codes of the or_other questions on ``list_name``."""
    return {
        q.other_code
        for q in questionnaire.all_questions()
        if q.choices == list_name and q.or_other and q.other_code is not None
    }


# ---- survey rows ----------------------------------------------------------------------


@dataclass
class Group:
    """A begin_group/begin_repeat ... end block while the survey sheet is read."""

    row: Row | None  # None for the top level
    repeat: bool = False
    children: list[Row | Group] = field(default_factory=list)


def type_words(row: Row) -> tuple[str, str]:
    """(kind, rest): ``begin group`` -> (begin_group, ''), ``select one from x`` ->
    (select_one, 'x'), ``integer`` -> (integer, '')."""
    text = " ".join(row.get("type").split())
    low = text.lower()
    for prefix in ("begin", "end"):
        for word in ("group", "repeat", "looped group", "lgroup", "loop"):
            spelled = (f"{prefix} {word}", f"{prefix}_{word.replace(' ', '_')}")
            for spelling in spelled:
                if low == spelling or low.startswith(spelling + " "):
                    kind = "repeat" if word in ("repeat", "looped group", "lgroup") else word
                    return f"{prefix}_{kind}", text[len(spelling) :].strip()
    for spelling, kind in SELECT_WORDS:
        if low.startswith(spelling + " "):
            return kind, text[len(spelling) :].strip()
    word, _, rest = text.partition(" ")
    return word.lower() if word.lower() in SIMPLE_TYPES else word, rest


def group_tree(sheet: Sheet, ctx: Context) -> Group:
    top = Group(None)
    stack = [top]
    for row in sheet.rows:
        if not row.get("type"):
            if _has_question_cells(row, ctx):
                ctx.problem(row, "type", "the type is empty")
                continue
            ctx.warnings.append(
                f"sheet survey row {row.number}: no type; the row is no "
                "question (a comment row, as pyxform reads it)"
            )
            continue
        kind, _ = type_words(row)
        if kind in ("begin_group", "begin_repeat", "begin_loop"):
            group = Group(row, repeat=kind != "begin_group")
            stack[-1].children.append(group)
            stack.append(group)
        elif kind in ("end_group", "end_repeat", "end_loop"):
            if len(stack) == 1:
                ctx.problem(row, "type", f"{kind} without a begin")
                continue
            stack.pop()
        else:
            stack[-1].children.append(row)
    if len(stack) > 1:
        ctx.problem(stack[-1].row, "type", "this group or repeat is never closed with an end")
    return top


def _has_question_cells(row: Row, ctx: Context) -> bool:
    """A row with a name, label or other column of a question (not only a comment)."""
    columns = ctx.survey_columns
    return any(
        value and (columns[h].field is not None or columns[h].base is not None)
        for h, value in row.cells.items()
        if h in columns
    )


def _required(value: str) -> bool | str:
    low = value.strip().lower()
    if low in TRUE_WORDS:
        return True
    if low in FALSE_WORDS:
        return False
    return value


def _split_range(constraint: str | None) -> tuple[tuple[int, int] | None, str | None]:
    """An integer range the writer made (exactly its spelling), else the constraint as is."""
    if not constraint:
        return None, constraint
    match = _RANGE.fullmatch(constraint)
    if match and constraint == range_constraint(*map(int, match.groups())):
        return (int(match.group(1)), int(match.group(2))), None
    both = re.fullmatch(r"\((.*?)\) and \((.*)\)", constraint, re.DOTALL)
    if both and (inner := _RANGE.fullmatch(both.group(1))):
        low, high = map(int, inner.groups())
        if both.group(1) == range_constraint(low, high) and _parses(both.group(2)):
            return (low, high), both.group(2)
    return None, constraint


def _parses(text: str) -> bool:
    try:
        expressions.parse(text)
    except expressions.ExpressionError:
        return False
    return True


def _common(row: Row, ctx: Context, texts: dict[str, Text] | None = None) -> dict:
    """Fields every question, group and repeat row carries."""
    fields, bind, extra = row_fields(row, ctx.survey_columns)
    texts = row_texts(row, ctx.survey_columns, ctx) if texts is None else texts
    pipeline = {k: extra.pop(k) for k in list(extra) if k.startswith("pipeline_")}
    required = _required(fields.get("required", ""))
    if isinstance(required, bool) and fields.get("required", "") not in ("", "yes"):
        extra["required"] = fields["required"]  # TRUE, no, true() ...: kept as written
    return {
        "name": fields.get("name", ""),
        "label": texts.get("label", Text()),
        "hint": texts.get("hint"),
        "guidance_hint": texts.get("guidance_hint"),
        "relevant": fields.get("relevant"),
        "required": required,
        "required_message": texts.get("required_message"),
        "calculation": fields.get("calculation"),
        "default": fields.get("default"),
        "appearance": fields.get("appearance"),
        "choice_filter": fields.get("choice_filter"),
        "parameters": fields.get("parameters"),
        "trigger": fields.get("trigger"),
        "repeat_count": fields.get("repeat_count"),
        "read_only": fields.get("read_only"),
        "media": {kind: texts[kind] for kind in MEDIA if kind in texts},
        "bind": bind,
        "extra": extra,
        "level": pipeline.get("pipeline_level") or None,
        "pii": pipeline.get("pipeline_pii", "").lower() in TRUE_WORDS,
        "_constraint": fields.get("constraint"),
        "_constraint_message": texts.get("constraint_message"),
        "_pipeline_type": pipeline.get("pipeline_type", ""),
    }


def _select(kind: str, rest: str, row: Row, ctx: Context) -> dict:
    """The choice fields of a select row."""
    words = rest.split()
    tail = " ".join(words[1:]).lower()
    or_other = tail in ("or_other", "or other", "or specify other")
    if or_other:
        words = words[:1]
    if len(words) != 1:
        ctx.problem(row, "type", f"type {row.get('type')!r} should be '{kind} <list name>'")
        return {}
    target = words[0]
    if kind.endswith("_from_file"):
        return {"choices_file": target}
    if kind.endswith("_external"):
        return {"choices": target, "external": True}
    if target not in ctx.choice_lists:
        ctx.problem(row, "type", f"choice list {target!r} is not on the choices sheet")
    if not or_other:
        return {"choices": target, "or_other": False}
    name = str(row.get("name") or "")
    return {"choices": target, "or_other": True, "other_code": _other_code(ctx, target, name)}


def _other_code(ctx: Context, target: str, question: str) -> int | None:
    """The code of or_other's "other" choice, recorded in the questionnaire so that a later
    wave keeps it: the previous wave's (``codes_from``), else the list's own ``other``
    choice if it has one, else one above the list's codes."""
    if question in ctx.other_codes:
        return ctx.other_codes[question]
    clist = ctx.choice_lists.get(target)
    if clist is None:
        return None
    for option in clist.options:
        if option.value == "other" and option.code is not None:
            return option.code
    return max((o.code for o in clist.options if o.code is not None), default=0) + 1


def known_type(text: str) -> QuestionType | None:
    """The model's type for a non-select type word, with every alias pyxform knows
    (``gps``, ``add text prompt``, ``phone number``, ``q picture`` ...); None if unknown."""
    from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

    word = " ".join(text.split())
    if word.lower() in SIMPLE_TYPES:
        return SIMPLE_TYPES[word.lower()]
    if word.lower() in META_TYPES:
        return QuestionType.meta
    spec = QUESTION_TYPE_DICT.get(word) or QUESTION_TYPE_DICT.get(word.lower())
    if spec is None:
        return None
    return _type_of_spec(word.lower(), spec)


_BIND_TYPES = {
    "int": QuestionType.integer,
    "decimal": QuestionType.decimal,
    "date": QuestionType.date,
    "dateTime": QuestionType.datetime,
    "time": QuestionType.time,
    "geopoint": QuestionType.geopoint,
    "geotrace": QuestionType.geotrace,
    "geoshape": QuestionType.geoshape,
    "barcode": QuestionType.barcode,
}
_MEDIA_TYPES = {
    "image": QuestionType.image,
    "audio": QuestionType.audio,
    "video": QuestionType.video,
    "application": QuestionType.file,
}


def _type_of_spec(word: str, spec: dict) -> QuestionType:
    control = spec.get("control") or {}
    bind_type = (spec.get("bind") or {}).get("type")
    if "note" in word:
        return QuestionType.note
    if "tag" not in control:
        return QuestionType.calculate if "calculate" in word else QuestionType.meta
    if control.get("tag") == "trigger":
        return QuestionType.acknowledge
    if bind_type == "binary":
        kind = (control.get("mediatype") or "").split("/")[0]
        return _MEDIA_TYPES.get(kind, QuestionType.other)
    if bind_type in _BIND_TYPES:
        return _BIND_TYPES[bind_type]
    return QuestionType.text if bind_type == "string" else QuestionType.other


_SELECT_TYPES = {
    "select_one": QuestionType.single,
    "select_one_from_file": QuestionType.single,
    "select_one_external": QuestionType.single,
    "select_multiple": QuestionType.multiple,
    "select_multiple_from_file": QuestionType.multiple,
    "select_multiple_external": QuestionType.multiple,
    "rank": QuestionType.rank,
}


def question_from_row(row: Row, ctx: Context) -> Question | None:
    """One survey row as a question; None (with a problem recorded) when it cannot be."""
    kind, rest = type_words(row)
    fields = _common(row, ctx)
    pipeline_type = fields.pop("_pipeline_type")
    constraint = fields.pop("_constraint")
    message = fields.pop("_constraint_message")
    if not fields["name"] and kind == "note":
        fields["name"] = f"generated_note_name_{row.number}"  # as pyxform names it
    if not fields["name"]:
        ctx.problem(row, "name", f"a {row.get('type')} row needs a name")
        return None
    extra_fields: dict = {}
    if kind in _SELECT_TYPES:
        qtype = _SELECT_TYPES[kind]
        extra_fields = _select(kind, rest, row, ctx)
        likert = pipeline_type == "likert" or (
            not pipeline_type and "likert" in (fields["appearance"] or "").split()
        )
        if qtype is QuestionType.single and likert and "choices_file" not in extra_fields:
            qtype = QuestionType.likert
            if fields["appearance"] == "likert":
                fields["appearance"] = None  # the writer adds it back for a likert question
    elif (known := known_type(row.get("type"))) is not None:
        qtype = known
        written = " ".join(row.get("type").split())
        if qtype is QuestionType.meta or written != WRITTEN_TYPE.get(qtype):
            extra_fields = {"xlsform_type": written}
    elif kind.lower() == "osm" and rest:
        qtype = QuestionType.other
        extra_fields = {"xlsform_type": " ".join(row.get("type").split())}
    else:
        ctx.problem(row, "type", f"unknown type {row.get('type')!r}; see https://xlsform.org")
        return None
    if qtype is QuestionType.calculate and not fields["calculation"]:
        ctx.problem(row, "calculation", "a calculate row needs a calculation")
    value_range = None
    if qtype is QuestionType.integer and ctx.ours:
        value_range, constraint = _split_range(constraint)
        if value_range is not None and message == range_message(*value_range):
            message = None
    return Question(
        **fields,
        **extra_fields,
        type=qtype,
        range=value_range,
        constraint=constraint,
        constraint_message=message,
    )


def container_from_group(group: Group, ctx: Context) -> Question | None:
    fields = _common(group.row, ctx)
    pipeline_type = fields.pop("_pipeline_type")
    constraint = fields.pop("_constraint")
    message = fields.pop("_constraint_message")
    if not fields["name"]:
        ctx.problem(group.row, "name", "a group or repeat needs a name")
        return None
    if pipeline_type == "likert_grid":
        return grid_from_group(group, fields, ctx)
    kind, rest = type_words(group.row)
    if rest:
        fields["extra"]["type_suffix"] = rest  # begin loop over <list>
    return Question(
        **fields,
        type=QuestionType.repeat if group.repeat else QuestionType.group,
        constraint=constraint,
        constraint_message=message,
        xlsform_type=None if kind in ("begin_group", "begin_repeat") else kind,
        children=questions_of(group, ctx),
    )


def grid_from_group(group: Group, fields: dict, ctx: Context) -> Question | None:
    items = [c for c in group.children if isinstance(c, Row)]
    if not items or len(items) != len(group.children):
        ctx.problem(group.row, "type", "a likert grid group holds select_one rows only")
        return None
    kind, rest = type_words(items[0])
    if kind != "select_one" or len(rest.split()) != 1:
        ctx.problem(items[0], "type", "a likert grid group holds select_one rows on one list")
        return None
    first = _common(items[0], ctx)
    fields.update(
        required=any(_required(r.get("required")) is True for r in items),
        appearance=None,
    )
    return Question(
        **fields,
        type=QuestionType.likert_grid,
        choices=rest.strip(),
        items=[GridItem(name=r.get("name"), label=_common(r, ctx)["label"]) for r in items],
        constraint=first["_constraint"],
        constraint_message=first["_constraint_message"],
    )


def questions_of(group: Group, ctx: Context) -> list[Question]:
    out: list[Question] = []
    for child in group.children:
        if isinstance(child, Row):
            question = question_from_row(child, ctx)
        else:
            question = container_from_group(child, ctx)
        if question is not None:
            out.append(question)
    return out


def _intro(group: Group, kind: str, ctx: Context) -> Text | None:
    """The note the writer made for an introduction (removed from the group's rows)."""
    for child in list(group.children):
        if isinstance(child, Row) and child.get("pipeline_type") == kind:
            group.children.remove(child)
            return row_texts(child, ctx.survey_columns, ctx).get("label", Text())
    return None


def read_sections(tree: Group, ctx: Context) -> list[Section]:
    """Top-level groups are sections; questions between them form sections with
    ``group: false``."""
    sections: list[Section] = []
    loose = Group(None)

    def flush_loose() -> None:
        questions = questions_of(loose, ctx)
        if questions:
            name = f"S{len(sections) + 1}"
            sections.append(Section(name=name, questions=questions, group=False))
        loose.children.clear()

    for child in tree.children:
        if isinstance(child, Group) and not child.repeat and not _is_grid(child):
            flush_loose()
            section = _section(child, ctx)
            if section is not None:
                sections.append(section)
        else:
            loose.children.append(child)
    flush_loose()
    return sections


def _is_grid(group: Group) -> bool:
    return group.row.get("pipeline_type") == "likert_grid"


def _section(group: Group, ctx: Context) -> Section | None:
    fields = _common(group.row, ctx)
    if not fields["name"]:
        ctx.problem(group.row, "name", "a group needs a name")
        return None
    kind, _ = type_words(group.row)
    intro = _intro(group, "section_intro", ctx)
    extra = fields["extra"]
    for name in ("hint", "guidance_hint", "required_message", "_constraint_message"):
        extra.update(text_columns(name.strip("_"), fields[name], ctx.languages))
    for name in (
        "required",
        "calculation",
        "default",
        "choice_filter",
        "parameters",
        "trigger",
        "repeat_count",
        "read_only",
        "_constraint",
    ):
        if fields[name]:
            extra[name.strip("_")] = str(fields[name])
    if fields["media"] or fields["level"] or fields["pii"]:
        ctx.warnings.append(
            f"sheet survey row {group.row.number}: media, level and pii of "
            f"group {fields['name']} are not kept"
        )
    return Section(
        name=fields["name"],
        title=fields["label"],
        intro=intro,
        questions=questions_of(group, ctx),
        relevant=fields["relevant"],
        appearance=fields["appearance"],
        bind=fields["bind"],
        extra=extra,
    )


# ---- settings and the pipeline sheet --------------------------------------------------


def _settings(sheets: dict[str, Sheet]) -> dict[str, str]:
    sheet = sheets.get("settings")
    if not sheet or not sheet.rows:
        return {}
    settings = {}
    for header, value in sheet.rows[0].cells.items():
        key = "_".join(header.split()).lower()
        if value:
            settings[SETTINGS_HEADERS.get(key, key if key in SETTINGS_FIELDS else header)] = value
    return settings


def pipeline_facts(sheet: Sheet | None, ctx: Context) -> dict:
    """The ``pipeline`` sheet as keyword values for Questionnaire (empty if absent)."""
    facts: dict = {"list_labels": {}, "list_favourable": {}, "indices": [], "design": {}}
    if sheet is None:
        return facts
    columns = columns_of(sheet)
    for row in sheet.rows:
        kind, name = row.get("kind"), row.get("name")
        label = row_texts(row, columns, ctx).get("label")
        if kind == "setting":
            facts[name] = (
                row.get("items").split()
                if name in ("banners", "clusters", "fpc")
                else (row.get("value"))
            )
        elif kind in ("title", "organisation"):
            facts[kind] = label
        elif kind == "language":
            facts.setdefault("languages", {})[name] = row.get("value")
        elif kind == "list_label":
            facts["list_labels"][name] = label
        elif kind == "list_favourable":
            facts["list_favourable"][name] = _favourable(row, ctx)
        elif kind == "index":
            facts["indices"].append(
                {
                    "name": name,
                    "label": label,
                    "items": row.get("items").split(),
                    "method": row.get("value") or "mean",
                }
            )
    return facts


def _favourable(row: Row, ctx: Context) -> str | None:
    value = row.get("value").strip().lower()
    if value not in FAVOURABLE_ENDS:
        ctx.problem(
            row,
            "value",
            f"the favourable end of list {row.get('name')!r} must be "
            f"{' or '.join(FAVOURABLE_ENDS)}, got {row.get('value')!r}",
        )
        return None
    return value


def _design(facts: dict, stratum: str | None, frame: str) -> dict:
    design: dict = {}
    variable = facts.get("stratum_variable") or stratum
    if variable:
        design["stratum"] = {"variable": variable, "frame": facts.get("stratum_frame") or frame}
    if facts.get("clusters"):
        design["clusters"] = facts["clusters"]
    if facts.get("fpc"):
        design["fpc"] = facts["fpc"]
    if str(facts.get("nest") or "").strip().lower() in ("true", "yes", "1"):
        design["nest"] = True
    if facts.get("weight"):
        design["weight"] = facts["weight"]
    return design


SETTINGS_FIELDS = ("form_title", "form_id", "version", "default_language")


def read_xlsform(
    path: str | Path,
    stratum: str | None = None,
    frame: str = "frame.yaml",
    codes_from: Questionnaire | None = None,
    warnings: list[str] | None = None,
) -> Questionnaire:
    """The questionnaire an XLSForm describes (``source`` is the form's path).

    ``stratum`` and ``frame`` declare the design's stratum when the form has no ``pipeline``
    sheet naming one (a form needs none). ``codes_from``: a previous questionnaire whose
    option codes are kept for the same choice names. What is kept only partly is appended
    to ``warnings``. Raises FormProblems naming every problem found.
    """
    path = Path(path)
    source = str(path)
    sheets = read_sheets(path)
    only = next(iter(sheets.values()), None)
    if "survey" not in sheets and len(sheets) == 1 and "type" in only.columns:
        sheets = {"survey": only}  # a one-sheet workbook is its survey, as for pyxform
    if "survey" not in sheets:
        found = ", ".join(s.name for s in sheets.values())
        raise InputError(f"not an XLSForm: no 'survey' sheet (sheets: {found})", file=source)
    settings = _settings(sheets)
    default_name = settings.get("default_language", "")
    ctx = Context(source, language_key(default_name) if default_name else DEFAULT_LANGUAGE, {})
    if default_name:
        ctx.languages[ctx.default_language] = default_name
    ctx.ours = "pipeline" in sheets
    survey = with_field_headers(sheets["survey"])
    ctx.survey_columns = columns_of(survey)
    for duplicate in survey.duplicates:
        ctx.problems.append(
            InputError(
                f"sheet survey: the column {duplicate!r} appears more than once",
                file=source,
                row=1,
                column=duplicate,
            )
        )
    if "type" not in {c.field for c in ctx.survey_columns.values()}:
        raise FormProblems(
            source,
            [
                *ctx.problems,
                InputError(
                    "sheet survey: there is no 'type' column", file=source, row=1, column="type"
                ),
            ],
        )
    facts = pipeline_facts(sheets.get("pipeline"), ctx)
    ctx.choice_lists = read_choices(_choices_sheet(sheets), ctx, codes_from)
    if codes_from is not None:
        ctx.other_codes = {
            q.name: q.other_code for q in codes_from.all_questions() if q.other_code is not None
        }
    lists = {
        name: clist.model_copy(
            update={
                "label": facts["list_labels"].get(name),
                "favourable": facts["list_favourable"].get(name),
            }
        )
        for name, clist in ctx.choice_lists.items()
    }
    tree = group_tree(survey, ctx)
    introduction = _intro(tree, "introduction", ctx)
    sections = read_sections(tree, ctx)
    if ctx.problems:
        raise FormProblems(source, ctx.problems)
    form_id = file_safe(str(settings.get("form_id") or path.stem), "form")
    # pyxform's title: form_title, else form_id, else the file name
    title = facts.get("title") or Text(
        **{ctx.default_language: settings.get("form_title") or form_id}
    )
    data = {
        "form_id": form_id,
        "version": settings.get("version", ""),
        "wave": facts.get("wave") or file_safe(str(settings.get("version") or ""), "1"),
        "title": title,
        "organisation": facts.get("organisation"),
        "introduction": introduction,
        "respondent_id": facts.get("respondent_id") or "respondent_id",
        "design": _design(facts, stratum, frame),
        "banners": facts.get("banners") or [],
        "choice_lists": lists,
        "sections": sections,
        "indices": facts["indices"],
        "languages": facts.get("languages") or _written_languages(ctx, "pipeline" in sheets),
        "default_language": _default_language(ctx, default_name, "pipeline" in sheets),
        "settings": {k: v for k, v in settings.items() if k not in SETTINGS_FIELDS},
        "sheets": _other_sheets(sheets),
    }
    refusal = pyxform_refusal(path, survey)
    if refusal is not None:
        raise refusal
    questionnaire = parse_questionnaire(data, source)
    if questionnaire.stratum is not None:
        _check_stratum(questionnaire, source)
    if warnings is not None:
        warnings.extend(ctx.warnings)
    return questionnaire


_PYXFORM_ROW = re.compile(r"\[row\s*:\s*(\d+)\]")
_PYXFORM_SHEET = re.compile(r"sheet(?: named)?:?\s*'([^']+)'", re.IGNORECASE)


def pyxform_refusal(path: Path, survey: Sheet | None = None) -> InputError | None:
    """pyxform's reason for rejecting the form as one InputError, or None when pyxform
    converts it. The row and column are pyxform's when it names them, else those of the
    survey row holding the name or type pyxform quotes."""
    from pyxform.errors import PyXFormError
    from pyxform.xls2xform import convert

    try:
        convert(xlsform=str(path), warnings=[])
    except PyXFormError as exc:
        return pyxform_error(exc, str(path), survey)
    return None


_QUOTED = re.compile(r"'([^']+)'")


def pyxform_error(exc: Exception, source: str, survey: Sheet | None = None) -> InputError:
    text = " ".join(str(exc).split())
    row = _PYXFORM_ROW.search(text)
    sheet = _PYXFORM_SHEET.search(text)
    message = _PYXFORM_ROW.sub("", text).strip()
    number, column = (int(row.group(1)), None) if row else (None, None)
    if number is None and survey is not None:
        number, column = _quoted_cell(message, survey)
    where = f"sheet {sheet.group(1)}" if sheet else "sheet survey"
    return InputError(
        f"{where}: pyxform rejects the form: {message}", file=source, row=number, column=column
    )


def _quoted_cell(message: str, survey: Sheet) -> tuple[int | None, str | None]:
    """The first survey row whose type or name is quoted in pyxform's message."""
    for quoted in _QUOTED.findall(message):
        for row in survey.rows:
            for column in ("type", "name"):
                if row.get(column) == quoted:
                    return row.number, column
    return None, None


def _choices_sheet(sheets: dict[str, Sheet]) -> Sheet | None:
    sheet = sheets.get("choices")
    return with_choice_headers(sheet) if sheet is not None else None


def _written_languages(ctx: Context, ours: bool) -> dict[str, str]:
    """The language names as written (a column with no language first), omitted for a form
    the pipeline wrote in vi and en (so the default questionnaires' YAML stays as it was)."""
    names = dict(ctx.languages)
    if ctx.default_language == DEFAULT_LANGUAGE and _uses_plain_columns(ctx):
        names = {DEFAULT_LANGUAGE: "", **names}
    plain = {"vi": "Vietnamese (vi)", "en": "English (en)"}
    if ours and names and all(plain.get(k) == v for k, v in names.items()):
        return {}
    return names


def _default_language(ctx: Context, name: str, ours: bool) -> str | None:
    """The settings' default language; None when it is the one the writer puts in a vi/en
    form (it writes the paper form's language there, which is no fact of the form)."""
    if ours and not _written_languages(ctx, ours) and name in ("Vietnamese (vi)", "English (en)"):
        return None
    return name or None


def _uses_plain_columns(ctx: Context) -> bool:
    return any(c.base is not None and not c.language for c in ctx.survey_columns.values())


def _other_sheets(sheets: dict[str, Sheet]) -> dict[str, list[dict[str, str]]]:
    return {
        sheet.name: [row.cells for row in sheet.rows]
        for key, sheet in sheets.items()
        if key not in KNOWN_SHEETS
    }


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
    form: str | Path,
    out: str | Path,
    stratum: str | None = None,
    frame: str = "frame.yaml",
    codes_from: Questionnaire | None = None,
    warnings: list[str] | None = None,
) -> Path:
    """Read ``form`` and write the questionnaire YAML to ``out`` (atomically)."""
    questionnaire = read_xlsform(form, stratum, frame, codes_from, warnings)
    write_text(out, questionnaire_yaml(questionnaire))
    return Path(out)
