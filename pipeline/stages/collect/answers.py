"""Server-side validation of one submission against the questionnaire.

A submission arrives as ``fields``: the leaf name of each answered element (question or grid
item) mapped to its text, as ODK sends it (a multiple choice as codes separated by spaces),
and its repeat instances, each with fields of its own. A repeat instance is checked with the
rules of the repeat's questions, its expressions reading its own answers and those of its
parents (the submission's, and the enclosing instance's for a nested repeat).
Every answer is checked again here with the project's own expression engine, whatever the
client checked: type, codes, integer ranges, constraints, relevance and required answers.
The first problem refuses the whole submission, with its reason; nothing is stored. A
repeat with a ``repeat_count`` (jr:count) must have exactly that many instances under each
parent, the count evaluated on the parent's answers as ODK evaluates it.

Every rule is evaluated once when the server starts (:meth:`FormRules.checked`): a
rule the engine cannot evaluate (a function it lacks, a name not in the form) stops the
server there, naming the question and the expression; a rule that fails only on some
answers (a regex() pattern taken from an answer) refuses that submission with the reason.
PII answers inside a repeat are kept apart from the instance, as a submission's are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

import numpy as np
import pandas as pd

from pipeline.core.errors import InputError
from pipeline.model.expressions import (
    Expr,
    ExpressionError,
    Path,
    Ref,
    String,
    evaluate,
    evaluate_number,
    parse,
    references,
)
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
# A repeat_count above what any submission could carry is read as this (no overflow).
MAX_INSTANCES = 1_000_000
_INTEGER = re.compile(r"-?[0-9]{1,9}")
# Markup in a text answer is refused: no report, export or admin page should ever have to
# trust that it escapes every cell it shows.
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&#?[A-Za-z0-9]+;|javascript:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What evaluating a rule on some answers can raise: the engine's own error, and what pandas
# or numpy (or the engine, on a shape of expression it does not foresee) raise instead.
_EVALUATION_ERRORS = (
    ExpressionError, ValueError, TypeError, ArithmeticError, AttributeError, LookupError,
)  # fmt: skip


@dataclass(frozen=True)
class Refusal(Exception):
    """Why a submission is refused: the field (question or item name) and what is wrong."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}" if self.field else self.reason


@dataclass(frozen=True)
class Unevaluable(Refusal):
    """A rule (``kind``: relevant, constraint, choice_filter, repeat_count) that the
    expression engine cannot evaluate, at least on these answers: ``error`` says why."""

    kind: str = ""
    expression: str = ""
    error: str = ""


@dataclass(frozen=True)
class ChildRow:
    """One valid repeat instance as a row of ``raw/<wave>.<repeat>.csv``: its place
    (``parent_index``, ``index``: see xform.Instance) and its answers (variable -> text);
    ``contact``: its PII answers, stored apart from it with no link (as a submission's)."""

    repeat: str
    parent_index: str
    index: int
    answers: dict[str, str | None]
    contact: dict[str, str | None] = field(default_factory=dict)


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
        # id of each parsed rule -> (question, field, text), to name a rule that fails
        self._rule_of: dict[int, tuple[str, str, str]] = {}
        self.relevant: dict[str, Expr] = {
            q.name: self._rule(q.name, "relevant", q.relevant) for q in self.questions
            if q.relevant
        }  # fmt: skip
        self.constraint: dict[str, Expr] = {
            q.name: self._rule(q.name, "constraint", q.constraint) for q in self.questions
            if q.constraint
        }  # fmt: skip
        self._results: dict[tuple, bool | float] = {}
        # Worked out once per form rather than once per submission.
        self.variables = questionnaire.variables(table=table)
        self._leaves = {q.name: self._leaves_of(q) for q in self.questions}
        self._columns_read: dict[int, list[str]] = {}
        self._codes: dict[tuple[str, bool], tuple[frozenset[int], str, dict[str, int]]] = {}
        self._option_filters: dict[tuple[str, object], Expr] = {}

    def _rule(self, question: str, kind: str, text: str) -> Expr:
        """``text`` parsed, remembered as the ``kind`` rule of ``question`` for messages."""
        try:
            expr = parse(text)
        except ExpressionError as exc:
            reason = f"the {kind} {text} is not an expression the server reads ({exc})"
            raise Unevaluable(question, reason, kind, text, str(exc)) from None
        self._rule_of[id(expr)] = (question, kind, text)
        return expr

    @cached_property
    def referenced_variables(self) -> list:
        """The variables some relevant or constraint expression reads: the only columns the
        expression frame needs (building all of them costs more than the evaluation)."""
        names: set[str] = set()
        exprs = [*self.relevant.values(), *self.constraint.values()]
        exprs += self.choice_filters.values()
        exprs += [e for e in (self.repeat_relevant, self.repeat_count) if e is not None]
        for expr in exprs:
            names |= references(expr)
        readable = [
            v for table in self.readable_tables for v in self.questionnaire.variables(table)
        ]
        return [v for v in readable if v.name in names or v.question.name in names]

    @cached_property
    def choice_filters(self) -> dict[str, Expr]:
        """Each cascading select's ``choice_filter``, as parsed."""
        return {
            q.name: self._rule(q.name, "choice_filter", q.choice_filter) for q in self.questions
            if q.choice_filter
        }  # fmt: skip

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
        return self._rule(self.table, "relevant", text) if text else None

    @cached_property
    def repeat_count(self) -> Expr | None:
        """How many instances this repeat has (its ``repeat_count``, jr:count), in its
        parent's context; None when the respondent decides."""
        if self.table is None:
            return None
        text = self.questionnaire.question(self.table).repeat_count
        return self._rule(self.table, "repeat_count", text) if text else None

    @cached_property
    def repeats_in(self) -> dict[str | None, list[str]]:
        """The repeats directly inside each table (None: the respondent table)."""
        out: dict[str | None, list[str]] = {}
        for repeat in self.questionnaire.tables():
            out.setdefault(self.questionnaire.repeat_of(repeat), []).append(repeat)
        return out

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
            rows.append(ChildRow(instance.repeat, instance.parent_index, instance.index,
                                 raw.answers, raw.contact))  # fmt: skip
        self.check_repeat_counts(instances, context)
        return tuple(rows)

    def check_repeat_counts(
        self,
        instances: Sequence[RepeatInstance],
        context: dict[tuple[str | None, str], dict[str, object]],
    ) -> None:
        """Under each parent (the submission, each instance of an enclosing repeat) a repeat
        with a ``repeat_count`` has exactly that many instances, the count evaluated on the
        parent's answers. Where the repeat does not apply, it has none (checked with each
        instance)."""
        found = Counter((i.repeat, i.parent_index) for i in instances)
        for (table, path), values in context.items():
            for repeat in self.repeats_in.get(table, []):
                rules = self.repeats[repeat]
                if rules.repeat_count is None or not rules.applies(values):
                    continue
                expected = rules.instances_expected(rules.expression_frame(values))
                got = found[(repeat, path)]
                if got != expected:
                    where = f"{repeat} in {table}[{path}]" if table else repeat
                    text = self.questionnaire.question(repeat).repeat_count
                    raise Refusal(
                        where,
                        f"{got} instance(s), but the form asks for {expected} "
                        f"(repeat_count {text})",
                    )

    def instances_expected(self, frame: dict) -> int:
        """This repeat's ``repeat_count`` on its parent's ``frame``, as ODK counts: the
        number cut to a whole number; missing, not a number or below 0 counts as none."""
        number = self.number(self.repeat_count, frame)
        return 0 if np.isnan(number) or number < 0 else min(int(number), MAX_INSTANCES)

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

    # ---- when the server starts --------------------------------------------------------

    @classmethod
    def checked(
        cls, questionnaire: Questionnaire, keep_metadata: frozenset[str] = frozenset()
    ) -> FormRules:
        """The form's rules, each evaluated once (:meth:`evaluate_every_table`); a rule the
        server cannot read or evaluate is an InputError naming the question and the
        expression, so that the server refuses to start rather than fail on submissions."""
        try:
            rules = cls(questionnaire, keep_metadata)
            rules.evaluate_every_table()
        except Unevaluable as exc:
            raise InputError(
                f"question {exc.field}, field {exc.kind}: the server cannot evaluate "
                f"{exc.expression!r} ({exc.error}), so it could not check the answers "
                "to it; change the expression",
                file=questionnaire.source or None,
            ) from None
        return rules

    def evaluate_every_table(self) -> None:
        """Every rule of this table and of each repeat, evaluated on a submission with
        nothing answered. The engine evaluates every part of an expression whatever the
        answers, so a rule it cannot evaluate at all (a function it lacks, a name that is
        no question of the form, a path) raises Unevaluable here."""
        for rules in (self, *self.repeats.values()):
            rules.evaluate_every_rule()

    def evaluate_every_rule(self) -> None:
        """Each relevant, constraint, choice filter (for each option) and the repeat's own
        relevant and repeat_count, evaluated once on empty answers."""
        frame = self.expression_frame({})
        for expr in self.relevant.values():
            self.holds(expr, frame)
        for expr in self.constraint.values():
            self.holds(expr, frame, own="")
        for q in self.questions:
            if q.name in self.choice_filters:
                self.evaluate_choice_filter(q, frame)
        if self.repeat_relevant is not None:
            self.holds(self.repeat_relevant, frame)
        if self.repeat_count is not None:
            self.number(self.repeat_count, frame)

    def evaluate_choice_filter(self, q: Question, frame: dict) -> None:
        """``q``'s choice filter on every option at once (one evaluation, not one per option:
        a list of communes has thousands), each bare name read from a column that holds
        the option's choices-sheet column, as :meth:`option_filter` reads it per option."""
        clist = self.questionnaire.choice_list(q)
        options = clist.options if clist else []
        if not options:
            return
        expr = self.choice_filters[q.name]
        data = pd.DataFrame([frame] * len(options))
        sheet = [{**o.extra, "name": o.value} for o in options]
        for name in {n for o in sheet for n in o}:
            data[_CHOICES_COLUMN + name] = pd.Series([o.get(name, "") for o in sheet],
                                                     dtype=object)  # fmt: skip
        try:
            evaluate(_with_column_refs(expr), data, self.questionnaire)
        except _EVALUATION_ERRORS as exc:
            raise self.unevaluable(expr, exc) from None

    def unevaluable(self, expr: Expr, exc: Exception) -> Unevaluable:
        question, kind, text = self._rule_of.get(id(expr), ("", "rule", "?"))
        reason = f"the {kind} {text} cannot be evaluated on these answers ({exc})"
        return Unevaluable(question, reason, kind, text, str(exc))

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
        """The code of the option answered: ``text`` is the option's value as the XForm
        offers it (an imported form's choice name, ``yes``), or its numeric code."""
        codes, allowed, by_value = self.allowed_codes(q, substantive)
        code = by_value.get(text)
        if code is None and _INTEGER.fullmatch(text) and int(text) in codes:
            code = int(text)
        if code is None:
            raise Refusal(name, f"{text[:40]!r} is not one of the codes {allowed}")
        return code

    def allowed_codes(
        self, q: Question, substantive: bool
    ) -> tuple[frozenset[int], str, dict[str, int]]:
        """The codes a question accepts (``substantive``: without the missing-value codes),
        the same as text for a refusal, and each option's value -> its code."""
        key = (q.name, substantive)
        if key not in self._codes:
            clist = self.questionnaire.choice_list(q)
            options = [
                o for o in (clist.options if clist else []) if not (substantive and o.missing)
            ]
            shown = [f"{o.code} ({o.value})" if o.value != str(o.code) else str(o.code)
                     for o in options]  # fmt: skip
            self._codes[key] = (
                frozenset(o.code for o in options),
                ", ".join(shown),
                {o.value: o.code for o in options},
            )
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
        expression engine."""
        return bool(self.evaluated(expr, frame, own, as_number=False))

    def number(self, expr: Expr, frame: dict) -> float:
        """``expr`` as a number (XPath ``number()``) on the one-row ``frame``; NaN when
        missing."""
        return float(self.evaluated(expr, frame, None, as_number=True))

    def evaluated(self, expr: Expr, frame: dict, own: object, as_number: bool) -> bool | float:
        """Results are remembered by the values the expression reads: a form has few
        distinct combinations, and the engine's pandas evaluation costs milliseconds. A rule
        the engine cannot evaluate on these answers refuses the submission, naming it."""
        columns = self.columns_read(expr)
        key = (id(expr), as_number, own, *(_hashable(frame[c]) for c in columns))
        known = self._results.get(key)
        if known is None:
            try:
                known = self._evaluate(expr, pd.DataFrame([frame]), own, as_number)
            except _EVALUATION_ERRORS as exc:
                raise self.unevaluable(expr, exc) from None
            if len(self._results) > 50_000:
                self._results.clear()
            self._results[key] = known
        return known

    def _evaluate(
        self, expr: Expr, data: pd.DataFrame, own: object, as_number: bool
    ) -> bool | float:
        if as_number:
            return float(evaluate_number(expr, data, self.questionnaire).iloc[0])
        selves = None if own is None else pd.Series([own], index=data.index, dtype=object)
        return bool(evaluate(expr, data, self.questionnaire, self_values=selves).iloc[0])

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
            self._rule_of[id(known)] = (q.name, "choice_filter", q.choice_filter or "")
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


# Where the one evaluation of a choice filter over all options reads a choices-sheet column
# (a question's name cannot hold ':', so no question's column is shadowed).
_CHOICES_COLUMN = "choices:"


def _with_columns(expr: object, columns: dict[str, str]) -> object:
    """``expr`` with every bare-name path (``state`` in ``state = ${s}``) replaced by the
    string ``columns`` holds for it."""
    return _with_bare_names(expr, lambda name, pos: String(columns.get(name, ""), pos))


def _with_column_refs(expr: object) -> object:
    """``expr`` with every bare-name path read from the data column ``choices:<name>``."""
    return _with_bare_names(expr, lambda name, pos: Ref(_CHOICES_COLUMN + name, pos))


def _with_bare_names(expr: object, replace: Callable[[str, int], object]) -> object:
    if isinstance(expr, Path) and expr.base is None and not expr.predicates:
        if _BARE_NAME.fullmatch(expr.text):
            return replace(expr.text, expr.pos)
        return expr
    if not dataclasses.is_dataclass(expr) or isinstance(expr, type):
        return expr
    changes = {}
    for f in dataclasses.fields(expr):
        value = getattr(expr, f.name)
        if isinstance(value, tuple):
            new = tuple(_with_bare_names(v, replace) for v in value)
        else:
            new = _with_bare_names(value, replace)
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
