"""Lint a questionnaire: every problem at once, each naming the file, question and field.

A questionnaire that loads can still be wrong in ways that only show later: skip logic that
points at a later question, two variables with one name, a label SPSS will cut short, a
missing English translation. ``lint`` finds them all before any instrument is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from pipeline.core.errors import InputError
from pipeline.core.labels import LANGUAGES, Text
from pipeline.core.spss_limits import (
    SPSS_VALUE_LABEL_BYTES,
    SPSS_VARIABLE_LABEL_BYTES,
    spss_name_problems,
)
from pipeline.core.yamlio import load_yaml_mapping
from pipeline.model.expressions import (
    Call,
    CountSelected,
    Current,
    ExpressionError,
    Ref,
    Selected,
    parse,
    walk,
)
from pipeline.model.frame import Frame, load_frame
from pipeline.model.questionnaire import (
    CHOICE_TYPES,
    Question,
    Questionnaire,
    QuestionType,
    attach_frame,
)
from pipeline.model.xlsform_vocabulary import report_languages


@dataclass(frozen=True)
class Problem:
    """One thing wrong. ``question`` is None for problems outside any question.

    ``severity``: ``error`` for what makes the form or the analysis wrong (bad syntax, a
    dangling reference, a duplicate name); ``warning`` for what a person should look at but
    that ODK and the pipeline can work with (a missing translation, a name SPSS cannot take
    as it is, a label SPSS will cut short, a condition on a later question).
    """

    file: str
    question: str | None
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"field {self.field}"
        if self.question is not None:
            where = f"question {self.question}, {where}"
        return f"{self.file}: {where}: {self.message}"


@dataclass(frozen=True)
class _Context:
    """What the checks read: the questionnaire as written and, when the frame loads, filled."""

    file: str
    written: Questionnaire  # choice lists as in the YAML
    full: Questionnaire  # from_frame lists filled with the strata (= written without a frame)
    frame: Frame | None
    frame_file: str


def lint(path: str | Path) -> list[Problem]:
    """Every problem in the questionnaire at ``path`` (and its frame); [] when it is clean.

    Raises InputError only when the file cannot be read as a YAML mapping.
    """
    path = Path(path)
    data = load_yaml_mapping(path)
    try:
        written = Questionnaire.model_validate({**data, "source": str(path)})
    except ValidationError as exc:
        return _validation_problems(exc, data, str(path))
    return lint_questionnaire(written, str(path), path.parent)


def lint_questionnaire(written: Questionnaire, file: str, folder: Path) -> list[Problem]:
    """Every problem of a questionnaire model (as written, ``from_frame`` lists unfilled);
    the frame is looked for in ``folder``."""
    problems: list[Problem] = []
    frame = written.frame_model
    frame_file = ""
    if frame is not None:
        # Already loaded with its frame: the from_frame lists are filled.
        ctx = _Context(file, written, written, frame, frame_file)
        return [p for check in CHECKS for p in check(ctx)]
    if written.stratum is not None:
        frame_path = folder / written.stratum.frame
        frame_file = str(frame_path)
        problems, frame = _load_frame(file, written, frame_path)
    full = attach_frame(written, frame) if frame is not None else written
    ctx = _Context(file, written, full, frame, frame_file)
    for check in CHECKS:
        problems.extend(check(ctx))
    return problems


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


# ---- loading --------------------------------------------------------------------------


def _validation_problems(exc: ValidationError, data: dict, file: str) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = list(err["loc"])
        question = None
        if len(loc) >= 4 and loc[0] == "sections" and loc[2] == "questions":
            question = _raw_question_name(data, loc[1], loc[3])
            loc = loc[4:] if question is not None else loc
        field = ".".join(str(part) for part in loc) or "(top level)"
        problems.append(Problem(file, question, field, err["msg"]))
    return problems


def _raw_question_name(data: dict, section: object, question: object) -> str | None:
    try:
        name = data["sections"][section]["questions"][question]["name"]
    except (KeyError, IndexError, TypeError):
        return None
    return name if isinstance(name, str) else None


def _load_frame(
    file: str, q: Questionnaire, frame_file: Path
) -> tuple[list[Problem], Frame | None]:
    if not frame_file.exists():
        message = (
            f"the frame file {q.stratum.frame!r} does not exist (looked for {frame_file.resolve()})"
        )
        return [Problem(file, None, "stratum.frame", message)], None
    try:
        return [], load_frame(frame_file)
    except InputError as exc:
        return [Problem(str(frame_file), None, exc.column or "(file)", exc.message)], None


# ---- translations ---------------------------------------------------------------------


def _missing(
    file: str,
    question: str | None,
    field: str,
    text: Text | None,
    languages: tuple[str, ...] = LANGUAGES,
) -> list[Problem]:
    if not text:
        return []
    return [
        Problem(
            file, question, f"{field}.{lang}", f"no {lang} text{_other_text(text, lang)}", "warning"
        )
        for lang in text.missing_languages(languages)
    ]


def _other_text(text: Text, lang: str) -> str:
    present = [value for other, value in text.as_dict().items() if other != lang]
    return f" (the other language reads {present[0]!r})" if present else ""


def check_translations(ctx: _Context) -> Iterator[Problem]:
    """Every label a person reads, in every language of the questionnaire (vi and en for
    one that names none)."""
    q, f = ctx.written, ctx.file
    langs = report_languages(q.languages)
    for name in ("title", "organisation", "introduction"):
        yield from _missing(f, None, name, getattr(q, name), langs)
    for i, section in enumerate(q.sections):
        if section.group:
            yield from _missing(f, None, f"sections.{i}.title", section.title, langs)
        yield from _missing(f, None, f"sections.{i}.intro", section.intro, langs)
    for question in q.all_questions():
        for name in ("label", "hint", "constraint_message"):
            yield from _missing(f, question.name, name, getattr(question, name), langs)
        for j, item in enumerate(question.items):
            yield from _missing(f, question.name, f"items.{j}.label", item.label, langs)
    for name, clist in q.choice_lists.items():
        yield from _missing(f, None, f"choice_lists.{name}.label", clist.label, langs)
        for j, option in enumerate(clist.options):
            field = f"choice_lists.{name}.options.{j}.label"
            yield from _missing(f, None, field, option.label, langs)
    for i, index in enumerate(q.indices):
        yield from _missing(f, None, f"indices.{i}.label", index.label, langs)
    if ctx.frame is not None:
        yield from _missing(ctx.frame_file, None, "name", ctx.frame.name)
        yield from _missing(ctx.frame_file, None, "source", ctx.frame.source)
        for i, stratum in enumerate(ctx.frame.strata):
            yield from _missing(ctx.frame_file, None, f"strata.{i}.label", stratum.label)


# ---- skip logic and constraints -------------------------------------------------------


def _answer_positions(q: Questionnaire) -> dict[str, int]:
    """Where each referable answer is asked: questions, and grid items at their grid's place.

    A grid itself holds no answer, so ${grid} is not referable.
    """
    positions: dict[str, int] = {}
    for i, question in enumerate(q.all_questions()):
        if question.type is QuestionType.likert_grid:
            positions.update({item.name: i for item in question.items})
        else:
            positions[question.name] = i
    return positions


WARNING = "warning: "  # marks a message of _function_messages that is only a warning
EXPRESSION_FIELDS = ("relevant", "constraint", "calculation", "required", "repeat_count")
# The functions of XPath 1.0 and of ODK XForms (https://getodk.github.io/xforms-spec/).
KNOWN_FUNCTIONS = {
    "if",
    "coalesce",
    "concat",
    "count-selected",
    "selected",
    "selected-at",
    "jr:choice-name",
    "today",
    "now",
    "once",
    "position",
    "not",
    "true",
    "false",
    "boolean",
    "number",
    "string",
    "int",
    "round",
    "floor",
    "ceiling",
    "abs",
    "pow",
    "sqrt",
    "exp",
    "exp10",
    "log",
    "log10",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "atan2",
    "pi",
    "max",
    "min",
    "sum",
    "count",
    "count-non-empty",
    "string-length",
    "contains",
    "starts-with",
    "ends-with",
    "substr",
    "substring",
    "substring-before",
    "substring-after",
    "translate",
    "normalize-space",
    "regex",
    "join",
    "uuid",
    "random",
    "randomize",
    "date",
    "date-time",
    "decimal-date-time",
    "decimal-time",
    "format-date",
    "format-date-time",
    "indexed-repeat",
    "instance",
    "pulldata",
    "checklist",
    "weighted-checklist",
    "boolean-from-string",
    "area",
    "distance",
    "digest",
    "base64-decode",
    "last",
    "local-name",
    "name",
    "namespace-uri",
    "lang",
    "current",
    "id",
    "version",
    "property",
    "jr:itext",
    "upper-case",
    "lower-case",
    "geofence",
    "choice-name",
    "format-number",
    "uri-encode",
}


def _expressions_of(question: Question) -> Iterator[tuple[str, str]]:
    for field in EXPRESSION_FIELDS:
        text = getattr(question, field)
        if isinstance(text, str) and text:
            yield field, text


def check_expressions(ctx: _Context) -> Iterator[Problem]:
    """Syntax, unknown names and functions, and relevant conditions that look at the future
    or at themselves."""
    positions = _answer_positions(ctx.full)
    for i, question in enumerate(ctx.full.all_questions()):
        for field, text in _expressions_of(question):
            try:
                expr = parse(text)
            except ExpressionError as exc:
                yield Problem(ctx.file, question.name, field, f"syntax error: {exc} in {text!r}")
                continue
            for severity, message in _expression_messages(ctx.full, expr, field, i, positions):
                yield Problem(ctx.file, question.name, field, message, severity)


def _expression_messages(
    q: Questionnaire, expr, field: str, own: int, positions: dict[str, int]
) -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    for node in walk(expr):
        if isinstance(node, Current) and field == "relevant":
            yield "error", "'.' (the answer being checked) belongs in a constraint, not in relevant"
        if isinstance(node, Selected | CountSelected):
            for message in _function_messages(q, node):
                if message.startswith(WARNING):
                    yield "warning", message[len(WARNING) :]
                else:
                    yield "error", message
        if isinstance(node, Call) and node.name not in KNOWN_FUNCTIONS:
            yield "error", f"{node.name}() is not an XLSForm function"
        if not isinstance(node, Ref) or node.name in seen:
            continue
        seen.add(node.name)
        if node.name not in positions:
            yield "error", _unknown_reference(q, node.name)
        elif field == "relevant" and positions[node.name] == own:
            yield "error", f"${{{node.name}}} refers to this question itself (circular skip logic)"
        elif field == "relevant" and positions[node.name] > own:
            later = (
                f"${{{node.name}}} is asked later in the questionnaire, so it has no answer "
                "yet when this condition is decided (circular skip logic)"
            )
            yield "warning", later


def _question_or_none(q: Questionnaire, name: str) -> Question | None:
    return next((x for x in q.all_questions() if x.name == name), None)


def _unknown_reference(q: Questionnaire, name: str) -> str:
    grid = _question_or_none(q, name)
    if grid is not None and grid.type is QuestionType.likert_grid:
        items = ", ".join(item.name for item in grid.items)
        return f"${{{name}}} is a grid, which has no single answer; refer to an item ({items})"
    return f"${{{name}}} is not a question in this questionnaire"


def _function_messages(q: Questionnaire, node: Selected | CountSelected) -> Iterator[str]:
    if not isinstance(node.target, Ref):
        return
    question = _question_or_none(q, node.target.name)
    if question is None:
        return  # reported as an unknown reference
    if isinstance(node, CountSelected):
        if question.type is not QuestionType.multiple:
            yield f"count-selected() needs a multiple-choice question; {question.name} is " + (
                question.type.value
            )
        return
    clist = q.choice_list(question)
    if question.choices_file or question.external or question.type is QuestionType.rank:
        return  # options in a file or on the external_choices sheet
    if question.type not in CHOICE_TYPES or clist is None:
        yield f"selected() needs a question with options; {question.name} has none"
    elif node.code not in set(clist.values()) | {str(c) for c in clist.codes()}:
        yield WARNING + (
            f"selected(${{{question.name}}}, '{node.code}'): {node.code} is not an option of "
            f"choice list {question.choices} ({', '.join(clist.values())})"
        )


# ---- names ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Name:
    """A name that becomes a form field or a data column, and where it is written."""

    name: str
    question: str | None
    field: str
    what: str
    column: bool = True  # False for a multiple or grid question: its parts are the columns
    table: str | None = None  # the repeat (child table) it belongs to; None: respondents


def _tables(q: Questionnaire) -> dict[int, str | None]:
    """id(question) -> the repeat whose table holds it (a repeat belongs to its parent's)."""
    out: dict[int, str | None] = {}

    def visit(questions: list[Question], table: str | None) -> None:
        for question in questions:
            out[id(question)] = table
            inner = question.name if question.type is QuestionType.repeat else table
            visit(question.children, inner)

    for section in q.sections:
        visit(section.questions, None)
    return out


def _names(q: Questionnaire) -> list[_Name]:
    names = [_Name(q.respondent_id, None, "respondent_id", "the respondent id")]
    tables = _tables(q)
    for question in q.all_questions():
        column = question.has_data and question.type not in (
            QuestionType.multiple,
            QuestionType.likert_grid,
        )
        table = tables.get(id(question))
        names.append(
            _Name(question.name, question.name, "name", f"question {question.name}", column, table)
        )
        for j, item in enumerate(question.items):
            names.append(
                _Name(
                    item.name,
                    question.name,
                    f"items.{j}.name",
                    f"item {j + 1} of grid {question.name}",
                )
            )
        if question.type is QuestionType.multiple:
            clist = q.choice_list(question)
            for option in clist.substantive() if clist else []:
                names.append(
                    _Name(
                        f"{question.name}_{option.code}",
                        question.name,
                        "choices",
                        f"the 0/1 variable for option {option.code} of {question.name}",
                    )
                )
    for i, index in enumerate(q.indices):
        names.append(_Name(index.name, None, f"indices.{i}.name", f"index {index.name}"))
    return names


def check_duplicate_names(ctx: _Context) -> Iterator[Problem]:
    """One name, one variable in a table (the respondents' or a repeat's); SPSS and ODK ignore
    case, so 'Age' and 'age' collide. A repeat's question may share a name with one of
    another table: they are columns of different tables."""
    first: dict[tuple[str | None, str], _Name] = {}
    for entry in _names(ctx.full):
        key = (entry.table, entry.name.lower())
        if key in first:
            other = first[key]
            case = "" if other.name == entry.name else f" (as {other.name!r}; case is ignored)"
            yield Problem(
                ctx.file,
                entry.question,
                entry.field,
                f"{entry.name!r} ({entry.what}) is already the name of {other.what}{case}",
            )
        else:
            first[key] = entry


def check_spss_names(ctx: _Context) -> Iterator[Problem]:
    """Every data column must be a valid SPSS variable name."""
    for entry in _names(ctx.full):
        if not entry.column:
            continue
        for reason in spss_name_problems(entry.name):
            yield Problem(
                ctx.file,
                entry.question,
                entry.field,
                f"{entry.name!r}{'' if entry.field == 'name' else f' ({entry.what})'} "
                f"is not a valid SPSS variable name: it {reason}",
                "warning",
            )


# ---- choice lists ---------------------------------------------------------------------


def _option_origin(ctx: _Context, list_name: str, index: int) -> tuple[str, str]:
    """The file and field where option ``index`` of a (filled) choice list is written."""
    written = ctx.written.choice_lists[list_name]
    if written.from_frame and ctx.frame is not None:
        strata = len(ctx.frame.strata)
        if index < strata:
            return ctx.frame_file, f"strata.{index}"
        index -= strata
    return ctx.file, f"choice_lists.{list_name}.options.{index}"


def check_choice_lists(ctx: _Context) -> Iterator[Problem]:
    """Every option has a code, and no code appears twice in one list (frame strata included)."""
    for name, clist in ctx.full.choice_lists.items():
        seen: dict[int, int] = {}
        for j, option in enumerate(clist.options):
            file, field = _option_origin(ctx, name, j)
            if option.code is None:
                label = option.label.get("vi")
                yield Problem(file, None, f"{field}.code", f"option {label!r} has no code")
            elif option.code in seen:
                first_file, first = _option_origin(ctx, name, seen[option.code])
                where = first if first_file == file else f"{first} of {first_file}"
                yield Problem(
                    file,
                    None,
                    f"{field}.code",
                    f"code {option.code} appears twice in choice list {name} (also at {where})",
                )
            else:
                seen[option.code] = j


def check_questions(ctx: _Context) -> Iterator[Problem]:
    """Choices that exist where needed, grids with items, sensible integer ranges."""
    for question in ctx.full.all_questions():
        if question.external:
            continue  # the options are on the external_choices sheet
        if question.choices is not None and question.choices not in ctx.full.choice_lists:
            known = ", ".join(ctx.full.choice_lists) or "none"
            yield Problem(
                ctx.file,
                question.name,
                "choices",
                f"no choice list named {question.choices!r} (choice lists: {known})",
            )
        if (
            question.type in CHOICE_TYPES
            and question.choices is None
            and not (question.choices_file)
        ):
            yield Problem(
                ctx.file,
                question.name,
                "choices",
                f"a {question.type.value} question needs choices (the name of a choice list)",
            )
        shown = question.label or question.hint or question.media
        if _needs_label(question) and not shown:
            yield Problem(
                ctx.file,
                question.name,
                "label",
                f"a {question.type.value} question needs a label (or a hint) to be shown",
            )
        if question.type is QuestionType.likert_grid and not question.items:
            yield Problem(ctx.file, question.name, "items", "a likert_grid needs items")
        if question.range is not None and question.range[0] > question.range[1]:
            low, high = question.range
            yield Problem(
                ctx.file, question.name, "range", f"low end {low} is above high end {high}"
            )


# Shown to the person answering, so pyxform demands a label or a hint.
_UNLABELLED_TYPES = (
    QuestionType.calculate,
    QuestionType.hidden,
    QuestionType.meta,
    QuestionType.other,
    QuestionType.group,
    QuestionType.repeat,
)


def _needs_label(question: Question) -> bool:
    return question.type not in _UNLABELLED_TYPES


# ---- SPSS label lengths ---------------------------------------------------------------


def _too_long(text: Text, limit: int) -> Iterator[tuple[str, int]]:
    for lang, value in text.as_dict().items():
        size = len(value.encode("utf-8"))
        if size > limit:
            yield lang, size


def check_label_bytes(ctx: _Context) -> Iterator[Problem]:
    """SPSS files keep variable labels up to 255 bytes (the export's PSPP pass keeps 255) and
    value labels up to 120 bytes of UTF-8.

    Vietnamese letters take 2-3 bytes each, so a label that looks short may not be.
    """
    for variable in ctx.full.variables():
        question = variable.question
        file, field = ctx.file, "label"
        if variable.grid_item is not None:
            field = f"items.{question.items.index(variable.grid_item)}.label"
        elif variable.option is not None:
            options = ctx.full.choice_lists[question.choices].options
            if variable.option in options:  # not or_other's "other", which pyxform adds
                file, field = _option_origin(ctx, question.choices, options.index(variable.option))
                field += ".label"
        for lang, size in _too_long(variable.label, SPSS_VARIABLE_LABEL_BYTES):
            yield Problem(
                file,
                question.name,
                f"{field}.{lang}",
                f"the label of variable {variable.name} is {size} bytes in UTF-8; "
                f"SPSS keeps {SPSS_VARIABLE_LABEL_BYTES}",
                "warning",
            )
    yield from _value_label_problems(ctx)


def _value_label_problems(ctx: _Context) -> Iterator[Problem]:
    # Options of a list used only by multiple-choice questions become variable labels (above).
    value_lists = {q.choices for q in ctx.full.questions() if q.type is not QuestionType.multiple}
    for name, clist in ctx.full.choice_lists.items():
        if name not in value_lists:
            continue
        for j, option in enumerate(clist.options):
            file, field = _option_origin(ctx, name, j)
            for lang, size in _too_long(option.label, SPSS_VALUE_LABEL_BYTES):
                yield Problem(
                    file,
                    None,
                    f"{field}.label.{lang}",
                    f"value label of code {option.code} in choice list {name} is {size} bytes "
                    f"in UTF-8; SPSS keeps {SPSS_VALUE_LABEL_BYTES}",
                    "warning",
                )


# ---- stratum, banners, indices --------------------------------------------------------


def check_stratum(ctx: _Context) -> Iterator[Problem]:
    """The stratum variable is a question whose options are the frame's strata."""
    if ctx.full.stratum is None:
        return
    name = ctx.full.stratum.variable
    question = _question_or_none(ctx.full, name)
    if question is None:
        yield Problem(ctx.file, None, "stratum.variable", f"{name!r} is not a question")
        return
    written = ctx.written.choice_list(question)
    if written is None:
        yield Problem(
            ctx.file,
            None,
            "stratum.variable",
            f"question {name} has no choice list, so its answers cannot name a stratum",
        )
        return
    if written.from_frame or ctx.frame is None:
        return  # filled from the frame, or no frame to compare with (reported elsewhere)
    codes = set(written.codes()) - set(written.missing_codes())
    strata = {s.code for s in ctx.frame.strata}
    if codes != strata:
        yield Problem(
            ctx.file,
            None,
            "stratum.variable",
            f"question {name} uses choice list {question.choices} with codes {sorted(codes)}, "
            f"which are not the frame's strata {sorted(strata)}; use from_frame: true",
        )


def check_banners_and_indices(ctx: _Context) -> Iterator[Problem]:
    """Banners and index items name variables (a grid item, not the grid)."""
    variables = {v.name for v in ctx.full.variables()}
    for i, banner in enumerate(ctx.full.banners):
        if banner not in variables:
            yield Problem(ctx.file, None, f"banners.{i}", f"{banner!r} is not a variable")
    for i, index in enumerate(ctx.full.indices):
        for j, item in enumerate(index.items):
            if item not in variables:
                yield Problem(
                    ctx.file,
                    None,
                    f"indices.{i}.items.{j}",
                    f"{item!r} in index {index.name} is not a variable",
                )


CHECKS = (
    check_translations,
    check_questions,
    check_choice_lists,
    check_expressions,
    check_duplicate_names,
    check_spss_names,
    check_label_bytes,
    check_stratum,
    check_banners_and_indices,
)
