"""The XLSForm expression language (XPath 1.0 with ``${name}`` references), as pyxform and
ODK accept it in relevant, constraint, calculation, required, repeat_count and
choice_filter.

Grammar (XPath 1.0 precedence, lowest first)::

    or_expr    := and_expr ('or' and_expr)*
    and_expr   := equality ('and' equality)*
    equality   := relational (('=' | '!=') relational)*
    relational := additive (('<' | '<=' | '>' | '>=') additive)*
    additive   := multiplicative (('+' | '-') multiplicative)*
    multiplicative := unary (('*' | 'div' | 'mod') unary)*
    unary      := '-'* union
    union      := path ('|' path)*
    path       := filter (('/' | '//') step)* | location
    filter     := primary predicate*
    primary    := NUMBER | STRING | '${' name '}' | '(' or_expr ')' | name '(' args ')'
    location   := ('/' | '//')? step (('/' | '//') step)*
    step       := ('.' | '..' | '@'? name | '*') predicate*
    predicate  := '[' or_expr ']'

``not()``, ``selected()`` and ``count-selected()`` get nodes of their own; any other function
(``if``, ``coalesce``, ``concat``, ``selected-at``, ``jr:choice-name``, ``today``, ``once``,
``position`` ...) is a ``Call``. Strings take straight or typographic quotes (‘…’, “…”), as
pyxform does. Nesting is bounded (``MAX_NESTING`` brackets, ``MAX_DEPTH`` tree levels): a
deeper expression is an ExpressionError, never a RecursionError.

Text is parsed into frozen dataclasses; nothing is ever passed to ``eval``.

Evaluation follows ODK's treatment of an unanswered question as the empty string ``''``:
compared with a number it becomes NaN, so ``=``, ``<``, ``<=``, ``>``, ``>=`` are False and
``!=`` is True (``${aware} != 1`` shows the question when aware was left empty, as ODK
does); compared with a string it is ``''``, so ``${x} = ''`` tests for an empty answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
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


@dataclass(frozen=True)
class Call:
    """Any other function: ``if(...)``, ``concat(...)``, ``jr:choice-name(...)`` ..."""

    name: str
    args: tuple[Expr, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Path:
    """An XPath location path or filtered path (``/data/x``, ``../y``, ``name``,
    ``instance('c')/root/item[state = ${s}]/label``), kept as written. ``base`` is the
    filtered expression it starts from, ``predicates`` the bracketed conditions in it."""

    text: str
    base: Expr | None = None
    predicates: tuple[Expr, ...] = ()
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Union:
    left: Expr
    right: Expr
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
    | Call
    | Path
    | Union
)

MAX_NESTING = 60  # brackets inside brackets
MAX_DEPTH = 150  # levels of the syntax tree

COMPARISONS = ("=", "!=", "<", "<=", ">", ">=")


# ---- tokenizer ------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # number, string, ref, name, op, end
    text: str
    pos: int


_INSTEAD = {"=": "write = to compare", "&": "write and", "|": "write or"}
_SYMBOLS = (
    "!=",
    "<=",
    ">=",
    "//",
    "..",
    "=",
    "<",
    ">",
    "+",
    "-",
    "*",
    "(",
    ")",
    ",",
    ".",
    "/",
    "[",
    "]",
    "@",
    "|",
)
# A string closes with the quote that matches the one it opens with.
_CLOSING = {
    "'": "'",
    '"': '"',
    "\u2018": "\u2019\u2018",
    "\u2019": "\u2019",
    "\u201c": "\u201d\u201c",
    "\u201d": "\u201d",
}


def _is_name_start(ch: str) -> bool:
    return ch.isalpha() or ch == "_"


def _is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_."


def check_nesting(text: str) -> None:
    """Brackets nested deeper than MAX_NESTING are an error (before any recursion)."""
    depth = 0
    quote = None
    for i, ch in enumerate(text):
        if quote is not None:
            if ch in _CLOSING[quote]:
                quote = None
        elif ch in _CLOSING:
            quote = ch
        elif ch in "([":
            depth += 1
            if depth > MAX_NESTING:
                raise ExpressionError(
                    f"brackets nested more than {MAX_NESTING} deep; split the expression "
                    "(a calculate per part)",
                    i,
                )
        elif ch in ")]":
            depth -= 1


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
        elif ch in _CLOSING:
            ends = [e for e in (text.find(c, i + 1) for c in _CLOSING[ch]) if e >= 0]
            if not ends:
                raise ExpressionError(f"string opened with {ch} is never closed", i)
            end = min(ends)
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
    # 'a-1' still reads as subtraction, and one ':' for a namespace (jr:choice-name).
    i = start
    while i < len(text) and (
        _is_name_char(text[i])
        or (text[i] in "-:" and i + 1 < len(text) and _is_name_start(text[i + 1]))
    ):
        i += 1
    name = text[start:i]
    if name.endswith("."):  # 'a.' before ')' : the dot is no part of the name
        name = name.rstrip(".")
        i = start + len(name)
    tokens.append(Token("name", name, start))
    return i


# ---- parser ---------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
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
        operands = [self.and_expr()]
        positions = []
        while self.at("name", "or"):
            positions.append(self.advance().pos)
            operands.append(self.and_expr())
        return _balanced("or", operands, positions)

    def and_expr(self) -> Expr:
        operands = [self.equality()]
        positions = []
        while self.at("name", "and"):
            positions.append(self.advance().pos)
            operands.append(self.equality())
        return _balanced("and", operands, positions)

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
        while self.at("op", "*") or (self.at("name", "div", "mod") and self.i > 0):
            op = self.advance()
            left = Arith(op.text, left, self.unary(), op.pos)
        return left

    def unary(self) -> Expr:
        # A loop, not recursion: '- - - - 1' nests no deeper than '-1'.
        signs = []
        while self.at("op", "-"):
            signs.append(self.advance().pos)
        expr = self.union()
        for pos in reversed(signs):
            expr = Negate(expr, pos)
        return expr

    def union(self) -> Expr:
        left = self.path()
        while self.at("op", "|"):
            pos = self.advance().pos
            left = Union(left, self.path(), pos)
        return left

    # paths

    def path(self) -> Expr:
        start = self.tok.pos
        if self.at("op", "/", "//") or self.at_step():
            return self.location(start, None, [])
        expr = self.primary()
        predicates = self.predicates()
        if predicates or self.at("op", "/", "//"):
            return self.location(start, expr, predicates)
        return expr

    def at_step(self) -> bool:
        if self.at("op", ".", "..", "@", "*"):
            # '*' is a step only where a value is expected (here), never multiplication.
            return True
        if self.at("name"):
            following = self.tokens[self.i + 1]
            return not (following.kind == "op" and following.text == "(")
        return False

    def location(self, start: int, base: Expr | None, predicates: list[Expr]) -> Path:
        if base is None and self.at("op", "/", "//"):
            self.advance()
            if not self.at_step():
                return Path(self.text[start : self.tok.pos].strip(), None, (), start)
        if base is None:
            predicates += self.step()
        while self.at("op", "/", "//"):
            self.advance()
            if not self.at_step():
                raise ExpressionError(
                    f"expected a path step after '/', found {_describe_token(self.tok)}",
                    self.tok.pos,
                )
            predicates += self.step()
        end = self.tok.pos
        text = self.text[start:end].strip()
        if text == "." and base is None:
            return Current(start)
        return Path(text, base, tuple(predicates), start)

    def step(self) -> list[Expr]:
        tok = self.advance()
        if tok.text == "@" and tok.kind == "op":
            if not self.at("name") and not self.at("op", "*"):
                raise ExpressionError("expected an attribute name after '@'", self.tok.pos)
            self.advance()
        return self.predicates()

    def predicates(self) -> list[Expr]:
        out = []
        while self.at("op", "["):
            self.advance()
            out.append(self.or_expr())
            self.expect("op", "]", "']' to close the predicate")
        return out

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
        self.expect("op", "(", f"'(' after {name.text}")
        args: list[Expr] = []
        if not self.at("op", ")"):
            args.append(self.or_expr())
            while self.at("op", ","):
                self.advance()
                args.append(self.or_expr())
        self.expect("op", ")", f"')' to close {name.text}(")
        return _special(name, args)


def _special(name: Token, args: list[Expr]) -> Expr:
    """not/selected/count-selected get their own nodes (the checks and the paper form read
    them); every other function is a Call."""

    def ref_or_current(expr: Expr) -> bool:
        return isinstance(expr, Ref | Current)

    if name.text == "not" and len(args) == 1:
        return Not(args[0], name.pos)
    if name.text == "count-selected" and len(args) == 1 and ref_or_current(args[0]):
        return CountSelected(args[0], name.pos)
    if name.text == "selected" and len(args) == 2 and ref_or_current(args[0]):
        code = args[1]
        if isinstance(code, Number):
            return Selected(args[0], _format_number(code.value), name.pos)
        if isinstance(code, String):
            return Selected(args[0], code.value.strip(), name.pos)
    if name.text in ("not", "count-selected", "selected") and not args:
        raise ExpressionError(f"{name.text}() needs an argument", name.pos)
    return Call(name.text, tuple(args), name.pos)


def _balanced(op: str, operands: list[Expr], positions: list[int]) -> Expr:
    """``a and b and c ...`` as a balanced tree: and/or are associative, and a long chain
    then nests log2(n) deep instead of n."""
    if len(operands) == 1:
        return operands[0]
    middle = len(operands) // 2
    left = _balanced(op, operands[:middle], positions[: middle - 1])
    right = _balanced(op, operands[middle:], positions[middle:])
    return BoolOp(op, left, right, positions[middle - 1])


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
    check_nesting(text)
    expr = _Parser(text).parse()
    if depth(expr) > MAX_DEPTH:
        raise ExpressionError(
            f"the expression nests more than {MAX_DEPTH} levels deep; split it", 0
        )
    return expr


def depth(expr: Expr) -> int:
    """Levels of the syntax tree (counted without recursion)."""
    deepest = 0
    stack = [(expr, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children(node))
    return deepest


# ---- inspection -----------------------------------------------------------------------


def children(expr: Expr) -> tuple[Expr, ...]:
    if isinstance(expr, Compare | Arith | BoolOp | Union):
        return (expr.left, expr.right)
    if isinstance(expr, Negate | Not):
        return (expr.operand,)
    if isinstance(expr, Selected | CountSelected):
        return (expr.target,)
    if isinstance(expr, Call):
        return expr.args
    if isinstance(expr, Path):
        return ((expr.base,) if expr.base is not None else ()) + expr.predicates
    return ()


def walk(expr: Expr) -> Iterator[Expr]:
    """Every node of the tree, parents before children, left to right (no recursion)."""
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


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
    questionnaire: Questionnaire | None,
    self_values: pd.Series | None = None,
) -> pd.Series:
    """Evaluate ``expr`` on every row of ``data``; a boolean Series aligned with data.index.

    ``data`` holds typed values (codes as numbers, NaN/None for missing); a multiple-choice
    question is read from its 0/1 columns ``<question>_<code>``. ``self_values`` is what
    ``.`` stands for (the answer a constraint checks).
    """
    ev = _Evaluator(data, questionnaire, self_values)
    return ev.boolean(expr).astype(bool).rename(None)


def evaluate_number(
    expr: Expr, data: pd.DataFrame, questionnaire: Questionnaire | None
) -> pd.Series:
    """Evaluate ``expr`` as XPath ``number()`` on every row of ``data`` (a repeat_count, a
    calculation): a float Series aligned with data.index, NaN where the value is missing or
    not a number."""
    return _Evaluator(data, questionnaire, None).value(expr).number.rename(None)


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
        expr = self.with_codes(expr)
        a, b = self.value(expr.left), self.value(expr.right)
        if expr.op in ("=", "!="):
            numeric = a.is_number | b.is_number
            equal = (a.number == b.number).where(numeric, a.text == b.text)
            return equal if expr.op == "=" else ~equal
        # Relational operators compare numbers; NaN (missing, or not a number) gives False.
        ops = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}
        return pd.Series(ops[expr.op](a.number, b.number), index=self.data.index, dtype=bool)

    def with_codes(self, expr: Compare) -> Compare:
        """``${q} = 'yes'`` compares the code the data hold for option ``yes`` of q."""
        left, right = expr.left, expr.right
        if isinstance(left, Ref) and isinstance(right, String | Number):
            return replace(expr, right=self.code_of(left, right))
        if isinstance(right, Ref) and isinstance(left, String | Number):
            return replace(expr, left=self.code_of(right, left))
        return expr

    def code_of(self, target: Ref, literal: String | Number) -> Expr:
        question = self.question_of(target)
        options = self._options_by_value(question)
        if options is None:
            return literal
        text = _literal_code(literal)
        option = options.get(text)
        if option is None or option.code is None or option.name is None:
            return literal
        return Number(float(option.code), literal.pos)

    def _options_by_value(self, question) -> dict | None:
        """A select question's options by the value a form stores (name, else code), the
        or_other "other" choice included; None for a question without a choice list."""
        if question is None or self.questionnaire.choice_list(question) is None:
            return None
        return {o.value: o for o in self.questionnaire.answer_options(question)}

    def selected(self, expr: Selected) -> pd.Series:
        question = self.question_of(expr.target)
        options = self._options_by_value(question)
        option = options.get(expr.code) if options is not None else None
        if option is not None and option.code is not None:
            expr = replace(expr, code=str(option.code))
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
        if isinstance(expr, Call):
            return self.call(expr)
        if isinstance(expr, Path | Union):
            raise ExpressionError(
                f"the path {getattr(expr, 'text', '|')!r} cannot be evaluated on the collected "
                "data (only ${name} references can)",
                expr.pos,
            )
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

    # functions

    def text_value(self, text: pd.Series) -> _Value:
        text = text.astype(object)
        number = pd.to_numeric(text.where(text != "", None), errors="coerce").astype(float)
        return _Value(number, pd.Series(False, index=self.data.index), text)

    def call(self, expr: Call) -> _Value:
        handler = _FUNCTIONS.get(expr.name)
        if handler is None:
            raise ExpressionError(
                f"{expr.name}() cannot be evaluated on the collected data", expr.pos
            )
        low, high = _ARITY[expr.name]
        if not low <= len(expr.args) <= high:
            expected = str(low) if low == high else f"{low} to {high}"
            raise ExpressionError(
                f"{expr.name}() takes {expected} argument(s), got {len(expr.args)}", expr.pos
            )
        return handler(self, expr)

    def fn_if(self, expr: Call) -> _Value:
        condition = self.boolean(expr.args[0])
        a, b = self.value(expr.args[1]), self.value(expr.args[2])
        return _Value(
            a.number.where(condition, b.number),
            a.is_number.where(condition, b.is_number),
            a.text.where(condition, b.text),
        )

    def fn_coalesce(self, expr: Call) -> _Value:
        a, b = self.value(expr.args[0]), self.value(expr.args[1])
        present = a.text != ""
        return _Value(
            a.number.where(present, b.number),
            a.is_number.where(present, b.is_number),
            a.text.where(present, b.text),
        )

    def fn_concat(self, expr: Call) -> _Value:
        text = pd.Series("", index=self.data.index, dtype=object)
        for arg in expr.args:
            text = text + self.value(arg).text
        return self.text_value(text)

    def fn_string(self, expr: Call) -> _Value:
        return self.text_value(self.value(expr.args[0]).text)

    def fn_number(self, expr: Call) -> _Value:
        return self.numeric(self.value(expr.args[0]).number)

    def fn_int(self, expr: Call) -> _Value:
        return self.numeric(np.trunc(self.value(expr.args[0]).number))

    def fn_round(self, expr: Call) -> _Value:
        digits = self.value(expr.args[1]).number if len(expr.args) == 2 else 0
        scale = 10.0**digits
        return self.numeric(np.floor(self.value(expr.args[0]).number * scale + 0.5) / scale)

    def fn_math(self, expr: Call) -> _Value:
        ops = {
            "abs": np.abs,
            "floor": np.floor,
            "ceiling": np.ceil,
            "sqrt": np.sqrt,
            "exp": np.exp,
            "log": np.log,
            "log10": np.log10,
        }
        with np.errstate(all="ignore"):
            return self.numeric(pd.Series(ops[expr.name](self.value(expr.args[0]).number)))

    def fn_pow(self, expr: Call) -> _Value:
        a, b = self.value(expr.args[0]).number, self.value(expr.args[1]).number
        return self.numeric(a**b)

    def fn_extreme(self, expr: Call) -> _Value:
        numbers = pd.concat([self.value(a).number for a in expr.args], axis=1)
        extreme = (
            numbers.max(axis=1, skipna=False)
            if expr.name == "max"
            else numbers.min(axis=1, skipna=False)
        )
        return self.numeric(extreme)

    def fn_string_length(self, expr: Call) -> _Value:
        return self.numeric(self.value(expr.args[0]).text.map(len).astype(float))

    def fn_text_test(self, expr: Call) -> _Value:
        a, b = self.value(expr.args[0]).text, self.value(expr.args[1]).text
        tests = {
            "contains": lambda x, y: y in x,
            "starts-with": str.startswith,
            "ends-with": str.endswith,
        }
        test = tests[expr.name]
        result = pd.Series([test(x, y) for x, y in zip(a, b, strict=True)], index=a.index)
        return self.numeric(result.astype(float))

    def fn_regex(self, expr: Call) -> _Value:
        text = self.value(expr.args[0]).text
        patterns = self.value(expr.args[1]).text
        try:
            found = [bool(re.search(p, t)) for t, p in zip(text, patterns, strict=True)]
        except re.error as exc:
            raise ExpressionError(f"regex(): a bad pattern ({exc})", expr.pos) from None
        return self.numeric(pd.Series(found, index=text.index, dtype=float))

    def fn_substr(self, expr: Call) -> _Value:
        # ODK's substr(string, start[, end]): 0-based, end excluded.
        text = self.value(expr.args[0]).text
        start = self.value(expr.args[1]).number.fillna(0).astype(int)
        end = self.value(expr.args[2]).number if len(expr.args) == 3 else None
        parts = [
            t[s:] if end is None or np.isnan(end.iloc[i]) else t[s : int(end.iloc[i])]
            for i, (t, s) in enumerate(zip(text, start, strict=True))
        ]
        return self.text_value(pd.Series(parts, index=text.index, dtype=object))

    def fn_selected_at(self, expr: Call) -> _Value:
        words = self.value(expr.args[0]).text.map(str.split)
        index = self.value(expr.args[1]).number
        picked = [
            w[int(i)] if not np.isnan(i) and 0 <= int(i) < len(w) else ""
            for w, i in zip(words, index, strict=True)
        ]
        return self.text_value(pd.Series(picked, index=words.index, dtype=object))

    def fn_count_selected(self, expr: Call) -> _Value:
        text = self.value(expr.args[0]).text
        return self.numeric(text.map(lambda t: float(len(t.split()))))

    def fn_selected(self, expr: Call) -> _Value:
        text = self.value(expr.args[0]).text.map(str.split)
        code = self.value(expr.args[1]).text
        chosen = [c.strip() in words for words, c in zip(text, code, strict=True)]
        return self.numeric(pd.Series(chosen, index=code.index, dtype=float))

    def fn_choice_name(self, expr: Call) -> _Value:
        """jr:choice-name(value, '${q}'): the label of the option, in the first language."""
        target = expr.args[1]
        name = target.value.strip() if isinstance(target, String) else ""
        name = name[2:-1] if name.startswith("${") and name.endswith("}") else name
        try:
            question = self.questionnaire.question(name)
        except KeyError:
            raise ExpressionError(
                f"jr:choice-name(): {name!r} is not a question of the form", expr.pos
            ) from None
        clist = self.questionnaire.choice_list(question)
        labels = {}
        for option in clist.options if clist else []:
            labels[option.value] = option.label.get("vi")
            if option.code is not None:
                labels[str(option.code)] = option.label.get("vi")
        values = self.value(expr.args[0]).text
        return self.text_value(values.map(lambda v: labels.get(v, "")))

    def fn_once(self, expr: Call) -> _Value:
        return self.value(expr.args[0])

    def fn_constant(self, expr: Call) -> _Value:
        return self.constant_number(1.0 if expr.name == "true" else 0.0)

    def fn_boolean(self, expr: Call) -> _Value:
        return self.numeric(self.boolean(expr.args[0]).astype(float))

    def fn_today(self, expr: Call) -> _Value:
        today = pd.Timestamp.today().normalize()
        days = float((today - pd.Timestamp("1970-01-01")).days)
        return _Value(
            pd.Series(days, index=self.data.index, dtype=float),
            pd.Series(True, index=self.data.index),
            pd.Series(today.date().isoformat(), index=self.data.index, dtype=object),
        )

    def fn_join(self, expr: Call) -> _Value:
        separator = self.value(expr.args[0]).text
        values = self.value(expr.args[1]).text.map(str.split)
        joined = [s.join(v) for s, v in zip(separator, values, strict=True)]
        return self.text_value(pd.Series(joined, index=values.index, dtype=object))

    def fn_normalize_space(self, expr: Call) -> _Value:
        return self.text_value(self.value(expr.args[0]).text.map(lambda t: " ".join(t.split())))

    def question_of(self, target: Ref | Current) -> Question | None:
        # Without a questionnaire (an ad hoc file's --domain) names are plain columns.
        if isinstance(target, Current) or self.questionnaire is None:
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


_FUNCTIONS = {
    "if": _Evaluator.fn_if,
    "coalesce": _Evaluator.fn_coalesce,
    "concat": _Evaluator.fn_concat,
    "string": _Evaluator.fn_string,
    "number": _Evaluator.fn_number,
    "int": _Evaluator.fn_int,
    "round": _Evaluator.fn_round,
    "abs": _Evaluator.fn_math,
    "floor": _Evaluator.fn_math,
    "ceiling": _Evaluator.fn_math,
    "sqrt": _Evaluator.fn_math,
    "exp": _Evaluator.fn_math,
    "log": _Evaluator.fn_math,
    "log10": _Evaluator.fn_math,
    "pow": _Evaluator.fn_pow,
    "max": _Evaluator.fn_extreme,
    "min": _Evaluator.fn_extreme,
    "string-length": _Evaluator.fn_string_length,
    "contains": _Evaluator.fn_text_test,
    "starts-with": _Evaluator.fn_text_test,
    "ends-with": _Evaluator.fn_text_test,
    "regex": _Evaluator.fn_regex,
    "substr": _Evaluator.fn_substr,
    "selected-at": _Evaluator.fn_selected_at,
    "count-selected": _Evaluator.fn_count_selected,
    "selected": _Evaluator.fn_selected,
    "jr:choice-name": _Evaluator.fn_choice_name,
    "once": _Evaluator.fn_once,
    "true": _Evaluator.fn_constant,
    "false": _Evaluator.fn_constant,
    "boolean": _Evaluator.fn_boolean,
    "today": _Evaluator.fn_today,
    "join": _Evaluator.fn_join,
    "normalize-space": _Evaluator.fn_normalize_space,
}
_ARITY = {
    "if": (3, 3),
    "coalesce": (2, 2),
    "concat": (1, 99),
    "string": (1, 1),
    "number": (1, 1),
    "int": (1, 1),
    "round": (1, 2),
    "abs": (1, 1),
    "floor": (1, 1),
    "ceiling": (1, 1),
    "sqrt": (1, 1),
    "exp": (1, 1),
    "log": (1, 1),
    "log10": (1, 1),
    "pow": (2, 2),
    "max": (1, 99),
    "min": (1, 99),
    "string-length": (1, 1),
    "contains": (2, 2),
    "starts-with": (2, 2),
    "ends-with": (2, 2),
    "regex": (2, 2),
    "substr": (2, 3),
    "selected-at": (2, 2),
    "count-selected": (1, 1),
    "selected": (2, 2),
    "jr:choice-name": (2, 2),
    "once": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
    "boolean": (1, 1),
    "today": (0, 0),
    "join": (2, 2),
    "normalize-space": (1, 1),
}


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
        if isinstance(expr, Call):
            return f"{expr.name}({', '.join(self.text(a) for a in expr.args)})"
        if isinstance(expr, Path):
            return expr.text
        if isinstance(expr, Union):
            return f"{self.wrapped(expr.left)} | {self.wrapped(expr.right)}"
        symbol = {"div": "/", "mod": "mod"}.get(expr.op, expr.op)
        return f"{self.wrapped(expr.left)} {symbol} {self.wrapped(expr.right)}"

    def operand(self, expr: Expr, parent_op: str) -> str:
        # Parentheses only where and/or mix, so the reader never has to know precedence.
        if isinstance(expr, BoolOp) and expr.op != parent_op:
            return f"({self.text(expr)})"
        return self.text(expr)

    def wrapped(self, expr: Expr) -> str:
        simple = isinstance(expr, Number | String | Ref | Current | CountSelected | Call | Path)
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
