"""The XLSForm expression subset used in a questionnaire's ``relevant`` and ``constraint``.

Grammar (XPath 1.0 precedence, lowest first)::

    or_expr    := and_expr ('or' and_expr)*
    and_expr   := equality ('and' equality)*
    equality   := relational (('=' | '!=') relational)*
    relational := additive (('<' | '<=' | '>' | '>=') additive)*
    additive   := multiplicative (('+' | '-') multiplicative)*
    multiplicative := unary (('*' | 'div' | 'mod') unary)*
    unary      := '-' unary | primary
    primary    := NUMBER | STRING | '${' name '}' | '.' | '(' or_expr ')'
                | 'not' '(' or_expr ')'
                | 'selected' '(' ref ',' (STRING | NUMBER) ')'
                | 'count-selected' '(' ref ')'

Text is parsed into frozen dataclasses; nothing is ever passed to ``eval``.

Evaluation follows ODK's treatment of an unanswered question as the empty string ``''``:
compared with a number it becomes NaN, so ``=``, ``<``, ``<=``, ``>``, ``>=`` are False and
``!=`` is True (``${aware} != 1`` shows the question when aware was left empty, as ODK
does); compared with a string it is ``''``, so ``${x} = ''`` tests for an empty answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pipeline.core.wording import CONDITION_WORDS

if TYPE_CHECKING:
    from pipeline.core.labels import Option
    from pipeline.model.questionnaire import Question, Questionnaire


class ExpressionError(ValueError):
    """A bad expression. ``position`` is the 0-based character offset of the problem."""

    def __init__(self, message: str, position: int) -> None:
        self.message = message
        self.position = position
        super().__init__(f"{message} (at character {position + 1})")


# ---- the syntax tree ------------------------------------------------------------------
# ``pos`` (0-based offset in the source text) is kept for messages but ignored by ==.


@dataclass(frozen=True)
class Number:
    value: float
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class String:
    value: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Ref:
    """``${name}``: the answer to another question (or grid item)."""

    name: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Current:
    """``.``: the answer being checked (in constraints)."""

    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Compare:
    op: str  # one of = != < <= > >=
    left: Expr
    right: Expr
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Arith:
    op: str  # one of + - * div mod
    left: Expr
    right: Expr
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Negate:
    operand: Expr
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class BoolOp:
    op: str  # 'and' or 'or'
    left: Expr
    right: Expr
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Not:
    operand: Expr
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Selected:
    """``selected(${question}, 'code')``."""

    target: Ref | Current
    code: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class CountSelected:
    target: Ref | Current
    pos: int = field(default=0, compare=False)


Expr = (
    Number
    | String
    | Ref
    | Current
    | Compare
    | Arith
    | Negate
    | BoolOp
    | Not
    | Selected
    | CountSelected
)

COMPARISONS = ("=", "!=", "<", "<=", ">", ">=")


# ---- tokenizer ------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # number, string, ref, name, op, end
    text: str
    pos: int


_INSTEAD = {"=": "write = to compare", "&": "write and", "|": "write or"}
_SYMBOLS = ("!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "(", ")", ",", ".")


def _is_name_start(ch: str) -> bool:
    return ch.isascii() and (ch.isalpha() or ch == "_")


def _is_name_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "_.")


def tokenize(text: str) -> list[Token]:
    """Split an expression into tokens; the last token has kind ``end``."""
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(text) and text[i + 1].isdigit()):
            i = _number(text, i, tokens)
        elif text.startswith(("==", "&&", "||"), i):
            raise ExpressionError(f"{text[i : i + 2]!r} is not XLSForm; {_INSTEAD[ch]}", i)
        elif ch in "'\"":
            end = text.find(ch, i + 1)
            if end < 0:
                raise ExpressionError(f"string opened with {ch} is never closed", i)
            tokens.append(Token("string", text[i + 1 : end], i))
            i = end + 1
        elif text.startswith("${", i):
            i = _ref(text, i, tokens)
        elif _is_name_start(ch):
            i = _name(text, i, tokens)
        else:
            symbol = next((s for s in _SYMBOLS if text.startswith(s, i)), None)
            if symbol is None:
                raise ExpressionError(f"unexpected character {ch!r}", i)
            tokens.append(Token("op", symbol, i))
            i += len(symbol)
    tokens.append(Token("end", "", len(text)))
    return tokens


def _number(text: str, start: int, tokens: list[Token]) -> int:
    i = start
    while i < len(text) and text[i].isdigit():
        i += 1
    if i < len(text) and text[i] == ".":
        i += 1
        while i < len(text) and text[i].isdigit():
            i += 1
    tokens.append(Token("number", text[start:i], start))
    return i


def _ref(text: str, start: int, tokens: list[Token]) -> int:
    end = text.find("}", start + 2)
    if end < 0:
        raise ExpressionError("${ is never closed with }", start)
    name = text[start + 2 : end]
    if not name or not _is_name_start(name[0]) or not all(_is_name_char(c) for c in name):
        raise ExpressionError(
            f"${{{name}}} is not a question name (letters, digits, _ and ., "
            "starting with a letter)",
            start,
        )
    tokens.append(Token("ref", name, start))
    return end + 1


def _name(text: str, start: int, tokens: list[Token]) -> int:
    # XPath names may contain '-' (count-selected), but only between letters so that
    # 'a-1' still reads as subtraction.
    i = start
    while i < len(text) and (
        _is_name_char(text[i])
        or (text[i] == "-" and i + 1 < len(text) and _is_name_start(text[i + 1]))
    ):
        i += 1
    tokens.append(Token("name", text[start:i], start))
    return i


# ---- parser ---------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.i = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def at(self, kind: str, *texts: str) -> bool:
        return self.tok.kind == kind and (not texts or self.tok.text in texts)

    def expect(self, kind: str, text: str, what: str) -> Token:
        if not self.at(kind, text):
            raise ExpressionError(
                f"expected {what}, found {_describe_token(self.tok)}", self.tok.pos
            )
        return self.advance()

    def parse(self) -> Expr:
        expr = self.or_expr()
        if not self.at("end"):
            raise ExpressionError(
                f"unexpected {_describe_token(self.tok)} after a complete expression",
                self.tok.pos,
            )
        return expr

    def or_expr(self) -> Expr:
        left = self.and_expr()
        while self.at("name", "or"):
            pos = self.advance().pos
            left = BoolOp("or", left, self.and_expr(), pos)
        return left

    def and_expr(self) -> Expr:
        left = self.equality()
        while self.at("name", "and"):
            pos = self.advance().pos
            left = BoolOp("and", left, self.equality(), pos)
        return left

    def equality(self) -> Expr:
        left = self.relational()
        while self.at("op", "=", "!="):
            op = self.advance()
            left = Compare(op.text, left, self.relational(), op.pos)
        return left

    def relational(self) -> Expr:
        left = self.additive()
        while self.at("op", "<", "<=", ">", ">="):
            op = self.advance()
            left = Compare(op.text, left, self.additive(), op.pos)
        return left

    def additive(self) -> Expr:
        left = self.multiplicative()
        while self.at("op", "+", "-"):
            op = self.advance()
            left = Arith(op.text, left, self.multiplicative(), op.pos)
        return left

    def multiplicative(self) -> Expr:
        left = self.unary()
        while self.at("op", "*") or self.at("name", "div", "mod"):
            op = self.advance()
            left = Arith(op.text, left, self.unary(), op.pos)
        return left

    def unary(self) -> Expr:
        if self.at("op", "-"):
            pos = self.advance().pos
            return Negate(self.unary(), pos)
        return self.primary()

    def primary(self) -> Expr:
        tok = self.tok
        if tok.kind == "number":
            self.advance()
            return Number(float(tok.text), tok.pos)
        if tok.kind == "string":
            self.advance()
            return String(tok.text, tok.pos)
        if tok.kind == "ref":
            self.advance()
            return Ref(tok.text, tok.pos)
        if self.at("op", "."):
            self.advance()
            return Current(tok.pos)
        if self.at("op", "("):
            self.advance()
            inner = self.or_expr()
            self.expect("op", ")", "')' to close the '(' at character " + str(tok.pos + 1))
            return inner
        if tok.kind == "name":
            return self.function()
        raise ExpressionError(f"expected a value, found {_describe_token(tok)}", tok.pos)

    def function(self) -> Expr:
        name = self.advance()
        if name.text not in ("not", "selected", "count-selected"):
            raise ExpressionError(
                f"unknown word {name.text!r}; expected ${{name}}, a number, a quoted string, "
                "not(...), selected(...) or count-selected(...)",
                name.pos,
            )
        self.expect("op", "(", f"'(' after {name.text}")
        if name.text == "not":
            result: Expr = Not(self.or_expr(), name.pos)
        elif name.text == "count-selected":
            result = CountSelected(self.target(name.text), name.pos)
        else:
            target = self.target(name.text)
            self.expect("op", ",", "',' between the question and the option code in selected()")
            code = self.tok
            if code.kind not in ("string", "number"):
                raise ExpressionError(
                    f"expected an option code such as '1', found {_describe_token(code)}",
                    code.pos,
                )
            self.advance()
            result = Selected(target, _code_text(code), name.pos)
        self.expect("op", ")", f"')' to close {name.text}(")
        return result

    def target(self, function: str) -> Ref | Current:
        tok = self.tok
        if tok.kind == "ref":
            self.advance()
            return Ref(tok.text, tok.pos)
        if self.at("op", "."):
            self.advance()
            return Current(tok.pos)
        raise ExpressionError(
            f"{function}() takes a question as ${{name}}, found {_describe_token(tok)}", tok.pos
        )


def _code_text(token: Token) -> str:
    """An option code as ODK compares it: text, with a number written as 1 not 1.0."""
    if token.kind == "number":
        return _format_number(float(token.text))
    return token.text.strip()


def _describe_token(tok: Token) -> str:
    if tok.kind == "end":
        return "the end of the expression"
    if tok.kind == "string":
        return f"the string {tok.text!r}"
    if tok.kind == "ref":
        return f"${{{tok.text}}}"
    return repr(tok.text)


def parse(text: str) -> Expr:
    """Parse an expression; raises ExpressionError(message, position) on bad syntax."""
    if not text.strip():
        raise ExpressionError("the expression is empty", 0)
    return _Parser(text).parse()


# ---- inspection -----------------------------------------------------------------------


def walk(expr: Expr) -> Iterator[Expr]:
    """Every node of the tree, parents before children, left to right."""
    yield expr
    if isinstance(expr, Compare | Arith | BoolOp):
        yield from walk(expr.left)
        yield from walk(expr.right)
    elif isinstance(expr, Negate | Not):
        yield from walk(expr.operand)
    elif isinstance(expr, Selected | CountSelected):
        yield from walk(expr.target)


def references(expr: Expr) -> set[str]:
    """The names the expression refers to as ${name}."""
    return {node.name for node in walk(expr) if isinstance(node, Ref)}


# ---- evaluation -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    """One operand per row, in the two readings XPath needs.

    ``number``: the value as a number (NaN when missing or not numeric); ``is_number``: the
    row holds a number (comparisons then go numeric); ``text``: the value as a string, ''
    when missing.
    """

    number: pd.Series
    is_number: pd.Series
    text: pd.Series


def evaluate(
    expr: Expr,
    data: pd.DataFrame,
    questionnaire: Questionnaire,
    self_values: pd.Series | None = None,
) -> pd.Series:
    """Evaluate ``expr`` on every row of ``data``; a boolean Series aligned with data.index.

    ``data`` holds typed values (codes as numbers, NaN/None for missing); a multiple-choice
    question is read from its 0/1 columns ``<question>_<code>``. ``self_values`` is what
    ``.`` stands for (the answer a constraint checks).
    """
    ev = _Evaluator(data, questionnaire, self_values)
    return ev.boolean(expr).astype(bool).rename(None)


class _Evaluator:
    def __init__(
        self, data: pd.DataFrame, questionnaire: Questionnaire, self_values: pd.Series | None
    ) -> None:
        self.data = data
        self.questionnaire = questionnaire
        self.self_values = self_values

    # booleans

    def boolean(self, expr: Expr) -> pd.Series:
        if isinstance(expr, BoolOp):
            left, right = self.boolean(expr.left), self.boolean(expr.right)
            return (left & right) if expr.op == "and" else (left | right)
        if isinstance(expr, Not):
            return ~self.boolean(expr.operand)
        if isinstance(expr, Compare):
            return self.compare(expr)
        if isinstance(expr, Selected):
            return self.selected(expr)
        # XPath boolean(): a number is true when non-zero, a string when non-empty.
        value = self.value(expr)
        as_number = value.number.notna() & (value.number != 0)
        return as_number.where(value.is_number, value.text != "")

    def compare(self, expr: Compare) -> pd.Series:
        a, b = self.value(expr.left), self.value(expr.right)
        if expr.op in ("=", "!="):
            numeric = a.is_number | b.is_number
            equal = (a.number == b.number).where(numeric, a.text == b.text)
            return equal if expr.op == "=" else ~equal
        # Relational operators compare numbers; NaN (missing, or not a number) gives False.
        ops = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}
        return pd.Series(ops[expr.op](a.number, b.number), index=self.data.index, dtype=bool)

    def selected(self, expr: Selected) -> pd.Series:
        question = self.question_of(expr.target)
        if question is not None and question.type == "multiple":
            column = f"{question.name}_{expr.code}"
            if column not in self.data.columns:
                raise ExpressionError(
                    f"no column {column!r}: {expr.code!r} is not an option of {question.name}",
                    expr.pos,
                )
            return pd.to_numeric(self.data[column], errors="coerce") == 1
        # A single answer is selected when it equals the code (ODK compares it as text).
        return self.compare(Compare("=", expr.target, String(expr.code)))

    # values

    def value(self, expr: Expr) -> _Value:
        index = self.data.index
        if isinstance(expr, Number):
            return self.constant_number(expr.value)
        if isinstance(expr, String):
            number = pd.to_numeric(pd.Series(expr.value), errors="coerce").iloc[0]
            return _Value(
                pd.Series(number, index=index, dtype=float),
                pd.Series(False, index=index),
                pd.Series(expr.value, index=index, dtype=object),
            )
        if isinstance(expr, Ref | Current):
            return self.answer(expr)
        if isinstance(expr, Arith):
            return self.arithmetic(expr)
        if isinstance(expr, Negate):
            return self.numeric(-self.value(expr.operand).number)
        if isinstance(expr, CountSelected):
            return self.numeric(self.count_selected(expr))
        # A boolean used as a value counts as 1 or 0.
        return self.numeric(self.boolean(expr).astype(float))

    def constant_number(self, value: float) -> _Value:
        return self.numeric(pd.Series(value, index=self.data.index, dtype=float))

    def numeric(self, number: pd.Series) -> _Value:
        # NaN from arithmetic on a missing value is still a number in XPath.
        return _Value(
            number.astype(float),
            pd.Series(True, index=self.data.index),
            number.map(_format_number),
        )

    def arithmetic(self, expr: Arith) -> _Value:
        a = self.value(expr.left).number
        b = self.value(expr.right).number
        if expr.op == "+":
            result = a + b
        elif expr.op == "-":
            result = a - b
        elif expr.op == "*":
            result = a * b
        elif expr.op == "div":
            result = a / b  # XPath: 1 div 0 is Infinity, 0 div 0 is NaN
        else:
            # XPath mod keeps the sign of the dividend (like C's fmod).
            result = pd.Series(np.fmod(a, b), index=self.data.index)
        return self.numeric(result)

    def question_of(self, target: Ref | Current) -> Question | None:
        if isinstance(target, Current):
            return None
        try:
            return self.questionnaire.question(target.name)
        except KeyError:
            return None

    def count_selected(self, expr: CountSelected) -> pd.Series:
        question = self.question_of(expr.target)
        if question is None or question.type != "multiple":
            # A single answer counts as one selection when present (ODK counts space-
            # separated values).
            text = self.answer(expr.target).text
            return text.map(lambda t: float(len(t.split())))
        columns = self.dichotomy_columns(question, expr.target.pos)
        selected = self.data[columns].apply(pd.to_numeric, errors="coerce") == 1
        return selected.sum(axis=1).astype(float)

    def dichotomy_columns(self, question: Question, pos: int) -> list[str]:
        columns = [
            v.name for v in self.questionnaire.variables() if v.question.name == question.name
        ]
        absent = [c for c in columns if c not in self.data.columns]
        if absent:
            raise ExpressionError(f"the data has no column(s) {', '.join(absent)}", pos)
        return columns

    def answer(self, target: Ref | Current) -> _Value:
        if isinstance(target, Current):
            if self.self_values is None:
                raise ExpressionError(
                    "'.' needs the answer being checked (self_values)", target.pos
                )
            return _column_value(self.self_values.reindex(self.data.index))
        if target.name in self.data.columns:
            return _column_value(self.data[target.name])
        question = self.question_of(target)
        if question is not None and question.type == "multiple":
            return self.multiple_as_text(question, target.pos)
        raise ExpressionError(f"the data has no column {target.name!r}", target.pos)

    def multiple_as_text(self, question: Question, pos: int) -> _Value:
        # ODK stores a multiple-choice answer as the selected codes separated by spaces.
        columns = self.dichotomy_columns(question, pos)
        text = pd.Series("", index=self.data.index, dtype=object)
        for column in columns:
            code = column[len(question.name) + 1 :]
            chosen = pd.to_numeric(self.data[column], errors="coerce") == 1
            text = text.where(~chosen, (text + " " + code).str.strip())
        return _Value(
            pd.to_numeric(text.where(text != "", None), errors="coerce").astype(float),
            pd.Series(False, index=self.data.index),
            text,
        )


def _column_value(column: pd.Series) -> _Value:
    missing = column.isna()
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        number = column.astype(float)
        return _Value(number, ~missing, number.map(_format_number).where(~missing, ""))
    text = column.map(lambda v: "" if is_missing(v) else _as_text(v)).astype(object)
    is_number = column.map(lambda v: isinstance(v, int | float | np.number) and not is_missing(v))
    number = pd.to_numeric(text.where(text != "", None), errors="coerce").astype(float)
    return _Value(number, is_number.astype(bool), text)


def _as_text(value: object) -> str:
    if isinstance(value, bool | np.bool_):
        return "1" if value else "0"
    if isinstance(value, int | float | np.number):
        return _format_number(float(value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def _format_number(value: float) -> str:
    if value is None or np.isnan(value):
        return "NaN"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# ---- description in words (paper form) ------------------------------------------------

_SYMBOL_OF = {"=": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}


def describe(expr: Expr, questionnaire: Questionnaire, lang: str, numbering: dict[str, str]) -> str:
    """The condition in words for the paper form.

    ``numbering`` maps a question (or grid item) name to its printed number. A code compared
    with a question that has options is followed by its label: ``${aware} = 1`` reads
    "câu 5 = 1 (Có)" in vi and "Q5 = 1 (Yes)" in en.
    """
    if lang not in CONDITION_WORDS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(CONDITION_WORDS)}")
    return _Describer(questionnaire, lang, numbering).text(expr)


class _Describer:
    def __init__(self, questionnaire: Questionnaire, lang: str, numbering: dict[str, str]):
        self.questionnaire = questionnaire
        self.lang = lang
        self.words = CONDITION_WORDS[lang]
        self.numbering = numbering

    def text(self, expr: Expr) -> str:
        if isinstance(expr, BoolOp):
            parts = [self.operand(expr.left, expr.op), self.operand(expr.right, expr.op)]
            return f" {self.words[expr.op]} ".join(parts)
        if isinstance(expr, Not):
            return f"{self.words['not']} ({self.text(expr.operand)})"
        if isinstance(expr, Compare):
            return self.comparison(expr)
        if isinstance(expr, Selected):
            code = self.code_with_label(expr.target, expr.code)
            return self.words["selected"].format(self.text(expr.target), code)
        if isinstance(expr, CountSelected):
            return self.words["count"].format(self.text(expr.target))
        if isinstance(expr, Ref):
            number = self.numbering.get(expr.name)
            return self.words["question"].format(number) if number else expr.name
        if isinstance(expr, Current):
            return self.words["current"]
        if isinstance(expr, Number):
            return _format_number(expr.value)
        if isinstance(expr, String):
            return f"'{expr.value}'"
        if isinstance(expr, Negate):
            return f"-{self.wrapped(expr.operand)}"
        symbol = {"div": "/", "mod": "mod"}.get(expr.op, expr.op)
        return f"{self.wrapped(expr.left)} {symbol} {self.wrapped(expr.right)}"

    def operand(self, expr: Expr, parent_op: str) -> str:
        # Parentheses only where and/or mix, so the reader never has to know precedence.
        if isinstance(expr, BoolOp) and expr.op != parent_op:
            return f"({self.text(expr)})"
        return self.text(expr)

    def wrapped(self, expr: Expr) -> str:
        simple = isinstance(expr, Number | String | Ref | Current | CountSelected)
        return self.text(expr) if simple else f"({self.text(expr)})"

    def comparison(self, expr: Compare) -> str:
        left, right = self.text(expr.left), self.text(expr.right)
        if isinstance(expr.right, Number | String) and isinstance(expr.left, Ref | Current):
            right = self.code_with_label(expr.left, _literal_code(expr.right))
        elif isinstance(expr.left, Number | String) and isinstance(expr.right, Ref | Current):
            left = self.code_with_label(expr.right, _literal_code(expr.left))
        return f"{left} {_SYMBOL_OF[expr.op]} {right}"

    def code_with_label(self, target: Ref | Current, code: str) -> str:
        label = self.option_label(target, code)
        return f"{code} ({label})" if label else code

    def option_label(self, target: Ref | Current, code: str) -> str | None:
        if not isinstance(target, Ref):
            return None
        for option in self.options_of(target.name):
            if option.code is not None and str(option.code) == code:
                return option.label.get(self.lang)
        return None

    def options_of(self, name: str) -> list[Option]:
        """The answer options of a question, or of the grid a grid item belongs to."""
        for question in self.questionnaire.questions():
            if question.name == name or any(item.name == name for item in question.items):
                clist = self.questionnaire.choice_list(question)
                return list(clist.options) if clist else []
        return []


def _literal_code(expr: Number | String) -> str:
    return _format_number(expr.value) if isinstance(expr, Number) else expr.value


def is_missing(value: object) -> bool:
    """An empty answer: None, pandas' NA or NaT, or a float NaN."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and np.isnan(value)
