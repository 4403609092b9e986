"""Routing made visible: which empty answers were skipped by a question's ``relevant`` rule.

An empty answer is either *skipped* (the questionnaire's skip logic did not ask the question)
or *unanswered* (asked, left empty). The processed data hold both as empty cells; the export
gives the skipped ones a distinct missing code (:func:`skip_code`), declared user-missing in
SPSS and written as ``.s`` in Stata, so an analyst can tell them apart.

Relevance is evaluated on the exported data as the form would have evaluated it
(pipeline/model/expressions.py); a relevant rule that refers to a skipped question is False,
so a chain of conditions skips every question below it.
"""

from __future__ import annotations

import pandas as pd

from pipeline.core.errors import InputError
from pipeline.model.expressions import ExpressionError, evaluate, parse
from pipeline.model.questionnaire import Questionnaire, QuestionType, Variable

# The code of "skipped by routing" when the variable does not use it; otherwise the next
# negative integer down (see skip_code). Negative codes are outside every choice list and
# outside the ranges of the shipped integer questions.
PREFERRED_SKIP_CODE = -1
SKIPPABLE_TYPES = (
    QuestionType.single,
    QuestionType.multiple,
    QuestionType.likert,
    QuestionType.likert_grid,
    QuestionType.integer,
)


def skip_code(variable: Variable) -> int:
    """The skipped-by-routing code of ``variable``: -1, or lower when -1 is a valid answer."""
    taken = set(variable.valid_codes())
    low, high = variable.question.range or (0, 0)
    code = PREFERRED_SKIP_CODE
    while code in taken or low <= code <= high:
        code -= 1
    return code


def expression_values(data: pd.DataFrame) -> pd.DataFrame:
    """The data as expressions.evaluate reads them: numbers as floats with NaN for missing,
    other values as objects with None (nullable Int64's pd.NA has no truth value)."""
    out = {}
    for name, column in data.items():
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            out[name] = column.astype("float64")
        else:
            out[name] = column.astype(object).where(column.notna(), None)
    return pd.DataFrame(out, index=data.index)


def not_relevant(
    data: pd.DataFrame, questionnaire: Questionnaire, table: str | None = None
) -> tuple[dict[str, pd.Series], dict[str, str]]:
    """Question name → rows where its ``relevant`` rule is False (questions with a rule whose
    own columns are in the data), and question name → why the rule could not be evaluated
    (it refers to a column the data do not have).

    Raises InputError naming the question when a rule cannot be parsed.
    """
    values = expression_values(data)
    variables = questionnaire.variables(table=table)
    present = {v.question.name for v in variables if v.name in data.columns}
    out: dict[str, pd.Series] = {}
    unknown: dict[str, str] = {}
    for question in questionnaire.questions(into_repeats=table is not None):
        if not question.relevant or question.name not in present:
            continue
        try:
            expr = parse(question.relevant)
        except ExpressionError as exc:
            raise InputError(
                f"relevant of {question.name!r} cannot be read: {exc}",
                file=questionnaire.source or None,
                column=question.name,
            ) from None
        try:
            mask = ~evaluate(expr, values, questionnaire).to_numpy()
        except ExpressionError as exc:
            unknown[question.name] = exc.message
            continue
        out[question.name] = pd.Series(mask, index=data.index)
    return out, unknown


def skipped_rows(
    data: pd.DataFrame, questionnaire: Questionnaire, table: str | None = None
) -> tuple[dict[str, pd.Series], dict[str, str]]:
    """Variable name → rows whose empty answer was skipped by routing; and the questions
    whose routing could not be evaluated, with the reason (see not_relevant). ``table``:
    the repeat whose child table ``data`` is (None: the respondent table).

    Only numeric (coded or integer) variables are marked: text and dates have no code to
    spare and stay empty (the codebook says so). A value present where the rule says
    "not asked" is left as it is: the clean stage reports those as skip violations.
    """
    hidden, unknown = not_relevant(data, questionnaire, table)
    out: dict[str, pd.Series] = {}
    for v in questionnaire.variables(table=table):
        if v.question.name not in hidden or v.name not in data.columns:
            continue
        if v.question.type not in SKIPPABLE_TYPES:
            continue
        out[v.name] = hidden[v.question.name] & data[v.name].isna()
    return out, unknown
