"""Server-side validation of one submission against the questionnaire.

A submission arrives as ``fields``: the leaf name of each answered element (question or grid
item) mapped to its text, as ODK sends it (a multiple choice as codes separated by spaces),
and its repeat instances, each with fields of its own. A repeat instance is checked with the
rules of the repeat's questions, its expressions reading its own answers and those of its
parents (the submission's, and the enclosing instance's for a nested repeat).
Every answer is checked again here with the project's own expression engine, whatever the
client checked: type, codes, integer ranges, constraints, relevance and required answers.
The first problem refuses the whole submission, with its reason; nothing is stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

import numpy as np
import pandas as pd

from pipeline.model.expressions import Expr, Path, String, evaluate, parse, references
from pipeline.model.questionnaire import Question, Questionnaire, QuestionType

# The OpenRosa meta block: instanceID identifies the submission; the others carry nothing.
META_FIELDS = frozenset({"instanceID", "instanceName", "deprecatedID"})
# XLSForm metadata that identifies a respondent or times a response (dropped unless kept).
IDENTIFYING_METADATA = frozenset(
    {
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
        "username", "email", "audit", "start-geopoint", "background-audio", "userID",
    }
)  # fmt: skip
MAX_TEXT_CHARS = 5000
_INTEGER = re.compile(r"-?[0-9]{1,9}")
# Markup in a text answer is refused: no report, export or admin page should ever have to
# trust that it escapes every cell it shows.
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&#?[A-Za-z0-9]+;|javascript:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Refusal(Exception):
    """Why a submission is refused: the field (question or item name) and what is wrong."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}" if self.field else self.reason


@dataclass(frozen=True)
class ChildRow:
    """One valid repeat instance as a row of ``raw/<wave>.<repeat>.csv``: its place
    (``parent_index``, ``index``: see xform.Instance) and its answers (variable -> text)."""

    repeat: str
    parent_index: str
    index: int
    answers: dict[str, str | None]


class RepeatInstance(Protocol):
    repeat: str
    parent_index: str
    index: int
    fields: dict[str, str]

    @property
    def path(self) -> str: ...


@dataclass(frozen=True)
class Checked:
    """A valid submission as raw-file text: ``answers`` for raw/<wave>.csv (variable name ->
    text, every variable present, None for unanswered) and ``contact`` for the PII answers,
    which are stored apart from the answers."""

    answers: dict[str, str | None]
    contact: dict[str, str | None]
    metadata: dict[str, str] = field(default_factory=dict)  # kept metadata, as ``_<name>``
    rows: tuple[ChildRow, ...] = ()  # the repeat instances, as child-table rows


class FormRules:
    """The questionnaire's rules, parsed once, applied to each submission: those of the
    respondent table (``table=None``) or of one repeat's child table."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        keep_metadata: frozenset[str] = frozenset(),
        table: str | None = None,
    ):
        self.questionnaire = questionnaire
        self.keep_metadata = keep_metadata
        self.table = table
        self.questions = (
            questionnaire.questions()
            if table is None
            else [
                q for q in questionnaire.questions(into_repeats=True)
                if questionnaire.repeat_of(q.name) == table
            ]
        )  # fmt: skip
        self.relevant: dict[str, Expr] = {
            q.name: parse(q.relevant) for q in self.questions if q.relevant
        }
        self.constraint: dict[str, Expr] = {
            q.name: parse(q.constraint) for q in self.questions if q.constraint
        }
        self._results: dict[tuple, bool] = {}
        # Worked out once per form rather than once per submission.
        self.variables = questionnaire.variables(table=table)
        self._leaves = {q.name: self._leaves_of(q) for q in self.questions}
        self._columns_read: dict[int, list[str]] = {}
        self._codes: dict[tuple[str, bool], tuple[frozenset[int], str]] = {}
        self._option_filters: dict[tuple[str, object], Expr] = {}

    @cached_property
    def referenced_variables(self) -> list:
        """The variables some relevant or constraint expression reads: the only columns the
        expression frame needs (building all of them costs more than the evaluation)."""
        names: set[str] = set()
        exprs = [*self.relevant.values(), *self.constraint.values()]
        exprs += self.choice_filters.values()
        if self.repeat_relevant is not None:
            exprs.append(self.repeat_relevant)
        for expr in exprs:
            names |= references(expr)
        readable = [
            v for table in self.readable_tables for v in self.questionnaire.variables(table)
        ]
        return [v for v in readable if v.name in names or v.question.name in names]

    @cached_property
    def choice_filters(self) -> dict[str, Expr]:
        """Each cascading select's ``choice_filter``, as parsed."""
        return {q.name: parse(q.choice_filter) for q in self.questions if q.choice_filter}

    @cached_property
    def readable_tables(self) -> list[str | None]:
        """The tables an expression of this table reads: its own and its parents'."""
        out: list[str | None] = [self.table]
        while out[-1] is not None:
            out.append(self.questionnaire.repeat_of(out[-1]))
        return out

    @cached_property
    def repeats(self) -> dict[str, FormRules]:
        """The rules of each repeat's child table (only the respondent table has them)."""
        if self.table is not None:
            return {}
        return {r: FormRules(self.questionnaire, table=r) for r in self.questionnaire.tables()}

    @cached_property
    def repeat_relevant(self) -> Expr | None:
        """When this repeat applies at all (its own ``relevant``), in its parent's context."""
        if self.table is None:
            return None
        text = self.questionnaire.question(self.table).relevant
        return parse(text) if text else None

    @cached_property
    def field_question(self) -> dict[str, Question]:
        """Each answerable leaf name -> its question (a grid item -> the grid)."""
        out: dict[str, Question] = {}
        for q in self.questions:
            names = (
                [item.name for item in q.items] if q.type is QuestionType.likert_grid else [q.name]
            )
            for name in names:
                out[name] = q
        return out

    @cached_property
    def note_fields(self) -> frozenset[str]:
        """Leaves of the XForm that hold no answer (intros are notes)."""
        names = {"form_intro"}
        names |= {f"{s.name}_intro" for s in self.questionnaire.sections if s.intro}
        return frozenset(names)

    def check(
        self,
        fields: dict[str, str],
        clear_irrelevant: bool = False,
        instances: Sequence[RepeatInstance] = (),
    ) -> Checked:
        """Validate ``fields`` and the repeat ``instances``; raise Refusal at the first
        problem.

        ``clear_irrelevant``: answers to questions that are not relevant are dropped (what an
        ODK client does as the respondent changes an earlier answer; used for the plain HTML
        form, which cannot hide them); otherwise they refuse the submission.
        """
        values = self.typed_values(self.known_fields(fields))
        if clear_irrelevant:
            values = self.without_irrelevant(values)
        self.check_values(values)
        checked = self.as_raw(values)
        checked.metadata.update(self.kept_metadata(fields))
        rows = self.check_instances(instances, values, clear_irrelevant)
        return Checked(checked.answers, checked.contact, checked.metadata, rows)

    def check_values(self, values: dict[str, object]) -> None:
        frame = self.expression_frame(values)
        for q in self.questions:
            self.check_question(q, values, frame)

    def check_instances(
        self,
        instances: Sequence[RepeatInstance],
        values: dict[str, object],
        clear_irrelevant: bool = False,
    ) -> tuple[ChildRow, ...]:
        """Each repeat instance checked in its parents' context (parents come first).
        ``clear_irrelevant`` (the plain HTML form): answers that do not apply are dropped
        inside instances too, and so are the instances of a repeat that does not apply
        (with those nested in them)."""
        context: dict[tuple[str | None, str], dict[str, object]] = {(None, ""): values}
        cleared: set[tuple[str | None, str]] = set()
        rows = []
        for instance in instances:
            rules = self.repeats.get(instance.repeat)
            if rules is None:
                raise Refusal(instance.repeat, "no such repeat in this form")
            place = f"{instance.repeat}[{instance.path}]"
            parent_key = (self.questionnaire.repeat_of(instance.repeat), instance.parent_index)
            parent = context.get(parent_key)
            if clear_irrelevant and parent_key in cleared:
                cleared.add((instance.repeat, instance.path))
                continue
            if parent is None:
                raise Refusal(place, "this repeat is not inside the repeat it belongs to")
            if clear_irrelevant and not rules.applies(parent):
                cleared.add((instance.repeat, instance.path))
                continue
            try:
                own = rules.check_instance(instance.fields, parent, clear_irrelevant)
            except Refusal as exc:
                raise Refusal(f"{place} {exc.field}".strip(), exc.reason) from None
            context[(instance.repeat, instance.path)] = {**parent, **own}
            raw = rules.as_raw(own)
            if any(v is not None for v in raw.contact.values()):
                raise Refusal(place, "personal details inside a repeat are not collected")
            rows.append(ChildRow(instance.repeat, instance.parent_index, instance.index,
                                 raw.answers))  # fmt: skip
        return tuple(rows)

    def check_instance(
        self, fields: dict[str, str], parent: dict[str, object], clear_irrelevant: bool = False
    ) -> dict[str, object]:
        """One instance of this repeat: its typed answers, checked with the parent's
        answers in reach of its expressions (names are unique across a form)."""
        if not self.applies(parent):
            raise Refusal("", "answered, but the repeat does not apply here")
        own = self.typed_values(self.known_fields(fields))
        if clear_irrelevant:
            kept = self.without_irrelevant({**parent, **own})
            own = {name: value for name, value in own.items() if name in kept}
        self.check_values({**parent, **own})
        return own

    def applies(self, parent: dict[str, object]) -> bool:
        """Whether this repeat is asked at all, by its own ``relevant`` on the parent's
        answers."""
        expr = self.repeat_relevant
        return expr is None or self.holds(expr, self.expression_frame(parent))

    def kept_metadata(self, fields: dict[str, str]) -> dict[str, str]:
        """The identifying metadata this wave opted into, as raw-file columns ``_<name>``."""
        out = {}
        for name in sorted(fields):
            kind = self.metadata_kind(name)
            if kind in self.keep_metadata:
                out[f"_{kind}"] = self.free_text(name, fields[name].strip())[:200]
        return out

    def metadata_kind(self, name: str) -> str | None:
        """The identifying XLSForm metadata field ``name`` carries (``start``, ``deviceid``,
        ...), or None: a field of that name outside the form, or the form's own metadata
        question (a form imported from Kobo or ODK often has ``start`` and ``end`` rows),
        whatever it is called."""
        q = self.field_question.get(name)
        if q is None:
            kind = name
        elif q.type is QuestionType.meta:
            kind = q.xlsform_type or q.name
        else:
            return None
        return kind if kind in IDENTIFYING_METADATA else None

    # ---- fields ------------------------------------------------------------------------

    def known_fields(self, fields: dict[str, str]) -> dict[str, str]:
        """The answer fields; meta and identifying metadata dropped, anything else refused."""
        out = {}
        for name, text in fields.items():
            if name in META_FIELDS or self.metadata_kind(name):
                continue  # identifying metadata is kept only as kept_metadata says
            if name in self.field_question:
                out[name] = text
            elif name in self.note_fields:
                if text.strip():
                    raise Refusal(name, "this is a note and takes no answer")
            else:
                raise Refusal(name, "no such question in this form")
        return out

    def typed_values(self, fields: dict[str, str]) -> dict[str, object]:
        """Each answered field as a typed value (code, set of codes, int, date, text)."""
        values: dict[str, object] = {}
        for name, text in fields.items():
            text = unicodedata.normalize("NFC", text).strip()
            if text == "":
                continue
            values[name] = self.typed(name, self.field_question[name], text)
        return values

    def typed(self, name: str, q: Question, text: str) -> object:
        if q.type in (QuestionType.single, QuestionType.likert, QuestionType.likert_grid):
            return self.code(name, q, text)
        if q.type is QuestionType.multiple:
            codes = [self.code(name, q, part, substantive=True) for part in text.split()]
            if len(set(codes)) != len(codes):
                raise Refusal(name, "the same option is selected twice")
            return frozenset(codes)
        if q.type is QuestionType.integer:
            if not _INTEGER.fullmatch(text):
                raise Refusal(name, f"expected a whole number, got {text[:40]!r}")
            return int(text)
        if q.type is QuestionType.date:
            try:
                return dt.date.fromisoformat(text) if len(text) == 10 else _bad_date(name, text)
            except ValueError:
                return _bad_date(name, text)
        return self.free_text(name, text)

    def code(self, name: str, q: Question, text: str, substantive: bool = False) -> int:
        codes, allowed = self.allowed_codes(q, substantive)
        if not _INTEGER.fullmatch(text) or int(text) not in codes:
            raise Refusal(name, f"{text[:40]!r} is not one of the codes {allowed}")
        return int(text)

    def allowed_codes(self, q: Question, substantive: bool) -> tuple[frozenset[int], str]:
        """The codes a question accepts (``substantive``: without the missing-value codes)
        and the same as text for a refusal."""
        key = (q.name, substantive)
        if key not in self._codes:
            clist = self.questionnaire.choice_list(q)
            options = clist.options if clist else []
            codes = [o.code for o in options if not (substantive and o.missing)]
            self._codes[key] = (frozenset(codes), ", ".join(str(c) for c in codes))
        return self._codes[key]

    @staticmethod
    def free_text(name: str, text: str) -> str:
        if len(text) > MAX_TEXT_CHARS:
            raise Refusal(name, f"the text is longer than {MAX_TEXT_CHARS} characters")
        if _CONTROL.search(text):
            raise Refusal(name, "the text holds control characters")
        if _MARKUP.search(text):
            raise Refusal(name, "the text holds markup (<...> or &...;), which is not accepted")
        return text

    # ---- rules -------------------------------------------------------------------------

    def leaves(self, q: Question) -> list[str]:
        return self._leaves[q.name]

    @staticmethod
    def _leaves_of(q: Question) -> list[str]:
        return [i.name for i in q.items] if q.type is QuestionType.likert_grid else [q.name]

    def is_relevant(self, q: Question, frame: dict) -> bool:
        expr = self.relevant.get(q.name)
        return True if expr is None else self.holds(expr, frame)

    def holds(self, expr: Expr, frame: dict, own: object = None) -> bool:
        """``expr`` on the one-row ``frame`` (``own``: what ``.`` stands for), by the
        expression engine. Results are remembered by the values the expression reads: a
        form has few distinct combinations, and the engine's pandas evaluation costs
        milliseconds."""
        columns = self.columns_read(expr)
        key = (id(expr), own, *(_hashable(frame[c]) for c in columns))
        known = self._results.get(key)
        if known is None:
            data = pd.DataFrame([frame])
            selves = None if own is None else pd.Series([own], index=data.index, dtype=object)
            known = bool(evaluate(expr, data, self.questionnaire, self_values=selves).iloc[0])
            if len(self._results) > 50_000:
                self._results.clear()
            self._results[key] = known
        return known

    def columns_read(self, expr: Expr) -> list[str]:
        known = self._columns_read.get(id(expr))
        if known is None:
            names = references(expr)
            known = [
                v.name for v in self.referenced_variables
                if v.name in names or v.question.name in names
            ]  # fmt: skip
            self._columns_read[id(expr)] = known
        return known

    def without_irrelevant(self, values: dict[str, object]) -> dict[str, object]:
        # A cleared answer can make a later question irrelevant in turn: repeat until stable.
        for _ in range(len(self.questions) + 1):
            frame = self.expression_frame(values)
            drop = {
                leaf
                for q in self.questions
                if q.name in self.relevant and not self.is_relevant(q, frame)
                for leaf in self.leaves(q)
                if leaf in values
            }
            if not drop:
                return values
            values = {k: v for k, v in values.items() if k not in drop}
        return values

    def check_question(self, q: Question, values: dict[str, object], frame) -> None:
        answered = [leaf for leaf in self.leaves(q) if leaf in values]
        relevant = self.is_relevant(q, frame)
        if not relevant:
            if answered:
                raise Refusal(answered[0], "answered, but the question does not apply here")
            return
        unanswered = [leaf for leaf in self.leaves(q) if leaf not in values]
        if q.required and unanswered:
            raise Refusal(unanswered[0], "an answer is required")
        for leaf in answered:
            self.check_value(q, leaf, values[leaf], frame)

    def check_value(self, q: Question, leaf: str, value: object, frame: dict) -> None:
        message = q.constraint_message.get("en") if q.constraint_message else None
        if q.range is not None and isinstance(value, int):
            low, high = q.range
            if not low <= value <= high:
                raise Refusal(leaf, message or f"expected a number from {low} to {high}")
        expr = self.constraint.get(q.name)
        if expr is not None and not self.holds(expr, frame, _expression_value(value)):
            raise Refusal(leaf, message or f"the answer breaks the rule {q.constraint}")
        if q.name in self.choice_filters:
            self.check_choice_filter(q, leaf, value, frame)

    def check_choice_filter(self, q: Question, leaf: str, value: object, frame: dict) -> None:
        """Each chosen code must be one the form offered after the earlier answers: the
        filter holds with its bare names read from the option's choices-sheet columns."""
        for code in sorted(value) if isinstance(value, frozenset) else [value]:
            if not self.holds(self.option_filter(q, code), frame):
                raise Refusal(
                    leaf,
                    f"{code} is not offered after the earlier answers "
                    f"(choice filter {q.choice_filter})",
                )

    def option_filter(self, q: Question, code: object) -> Expr:
        """The question's choice filter for one option: each bare name (a column of the
        choices sheet; ``name`` is the option's value) replaced by that option's text, ''
        where the option has no such column, as ODK reads a missing column. Remembered, so
        that the expression keeps its identity for :meth:`holds`."""
        key = (q.name, code)
        known = self._option_filters.get(key)
        if known is None:
            clist = self.questionnaire.choice_list(q)
            option = next(o for o in clist.options if o.code == code)  # codes were checked
            columns = {**option.extra, "name": option.value}
            known = _with_columns(self.choice_filters[q.name], columns)
            self._option_filters[key] = known
        return known

    # ---- shapes ------------------------------------------------------------------------

    def expression_frame(self, values: dict[str, object]) -> dict[str, object]:
        """One row of typed values as the expression engine reads them (numbers as float,
        a multiple choice as its 0/1 columns, missing as NaN/None), as a mapping: the
        engine gets it as a one-row DataFrame when it has to evaluate."""
        row: dict[str, object] = {}
        for v in self.referenced_variables:
            q = v.question
            if q.type is QuestionType.multiple:
                chosen = values.get(q.name)
                row[v.name] = np.nan if chosen is None else float(v.option.code in chosen)
            elif v.is_numeric:
                value = values.get(v.name)
                row[v.name] = np.nan if value is None else float(value)
            else:
                value = values.get(v.name)
                row[v.name] = None if value is None else _expression_value(value)
        return row

    def as_raw(self, values: dict[str, object]) -> Checked:
        answers: dict[str, str | None] = {}
        contact: dict[str, str | None] = {}
        for v in self.variables:
            q = v.question
            if q.type is QuestionType.multiple:
                chosen = values.get(q.name)
                text = None if chosen is None else str(int(v.option.code in chosen))
            else:
                value = values.get(v.name)
                text = None if value is None else _raw_text(value)
            (contact if v.pii else answers)[v.name] = text
        return Checked(answers, contact)


_BARE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def _with_columns(expr: object, columns: dict[str, str]) -> object:
    """``expr`` with every bare-name path (``state`` in ``state = ${s}``) replaced by the
    string ``columns`` holds for it."""
    if isinstance(expr, Path) and expr.base is None and not expr.predicates:
        if _BARE_NAME.fullmatch(expr.text):
            return String(columns.get(expr.text, ""), expr.pos)
        return expr
    if not dataclasses.is_dataclass(expr) or isinstance(expr, type):
        return expr
    changes = {}
    for f in dataclasses.fields(expr):
        value = getattr(expr, f.name)
        if isinstance(value, tuple):
            new = tuple(_with_columns(v, columns) for v in value)
        else:
            new = _with_columns(value, columns)
        if new is not value:
            changes[f.name] = new
    return dataclasses.replace(expr, **changes) if changes else expr


def _hashable(value: object) -> object:
    # NaN is never equal to itself: as a key it would never be found again.
    return None if isinstance(value, float) and np.isnan(value) else value


def _bad_date(name: str, text: str) -> dt.date:
    raise Refusal(name, f"expected a date as YYYY-MM-DD, got {text[:40]!r}")


def _expression_value(value: object) -> object:
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    if isinstance(value, int):
        return float(value)
    return value


def _raw_text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
