"""What every instrument shares: question numbers, skip logic in words, frame-filled lists,
the HTML templates.

Numbers: questions are numbered 1, 2, ... through the whole form; grid items are
``<question>.<item>`` (7.1, 7.2) and multiple-choice dichotomies take their question's
number. The same numbering feeds the paper form, the codebook and the conditions in words.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from pipeline.core.errors import InputError
from pipeline.core.paths import check_name
from pipeline.core.spreadsheet_safety import neutralise
from pipeline.core.wording import SKIP_WORDS
from pipeline.model import expressions as ex
from pipeline.model.questionnaire import ChoiceList, Question, Questionnaire, QuestionType


def instrument_stem(questionnaire: Questionnaire) -> str:
    """File names of a form's instruments start with this: ``<form_id>-<wave>``."""
    stem = f"{questionnaire.form_id}-{questionnaire.wave}"
    return check_name(stem, "the form id and wave", file=questionnaire.source or None)


def render_template(name: str, spreadsheet_cells: bool = False, **context: object) -> str:
    """Render the HTML template ``name`` from pipeline/templates, with values escaped.

    ``spreadsheet_cells``: the page is a table people open in a spreadsheet too (the
    codebook), so every value gets the formula neutralisation of the other outputs.
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.stages.instruments", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=neutralise if spreadsheet_cells else None,
    )
    return env.get_template(name).render(**context)


# recorded by the device (start, today, deviceid) or computed by the form: never asked
NOT_ASKED = (QuestionType.meta, QuestionType.calculate, QuestionType.hidden)


def is_asked(question: Question) -> bool:
    """True when an interviewer or respondent answers the question (it is printed)."""
    return question.type not in NOT_ASKED


def numbering(questionnaire: Questionnaire) -> dict[str, str]:
    """Question, grid-item and variable names to the number printed on the paper form."""
    out: dict[str, str] = {}
    n = 0
    for q in questionnaire.questions(into_repeats=True):
        if not is_asked(q):
            out[q.name] = ""  # recorded by the device or computed: no number on paper
            continue
        n += 1
        out[q.name] = str(n)
        for i, item in enumerate(q.items, start=1):
            out[item.name] = f"{n}.{i}"
    for table in (None, *questionnaire.tables()):
        for v in questionnaire.variables(table=table):
            # or_other's text variable takes the number of its select question
            asked = v.question.name if v.question.name in out else v.name.removesuffix("_other")
            out.setdefault(v.name, out.get(asked, ""))
    return out


def condition_in_words(
    questionnaire: Questionnaire, expression: str, lang: str, numbers: dict[str, str]
) -> str:
    """A relevant/constraint expression in words, e.g. "câu 5 = 1 (Có)"."""
    return ex.describe(ex.parse(expression), questionnaire, lang, numbers)


def only_if_text(
    questionnaire: Questionnaire, question: Question, lang: str, numbers: dict[str, str]
) -> str | None:
    """ "Chỉ trả lời nếu ..." for a conditional question, None otherwise."""
    if not question.relevant:
        return None
    condition = condition_in_words(questionnaire, question.relevant, lang, numbers)
    return SKIP_WORDS[lang]["only_if"].format(condition=condition)


@dataclass(frozen=True)
class Jump:
    """On question ``source``, the codes that skip the block of questions following it."""

    source: str
    codes: tuple[int, ...]
    target: str | None  # the question number to go to; None when the form ends

    def words(self, lang: str) -> str:
        words = SKIP_WORDS[lang]
        codes = words["or"].join(str(c) for c in self.codes)
        if self.target is None:
            return words["jump_end"].format(codes=codes)
        return words["jump"].format(codes=codes, target=self.target)


def jumps(questionnaire: Questionnaire) -> dict[str, Jump]:
    """Jump instructions by source question.

    A jump exists where the questions directly after a single-choice question are all
    relevant only on one of its answers (``${q} = c``): every other code skips them.
    Conditions of other shapes get only the "answer only if" note.
    """
    questions = questionnaire.questions()
    numbers = numbering(questionnaire)
    out: dict[str, Jump] = {}
    for i, q in enumerate(questions):
        if q.type not in (QuestionType.single, QuestionType.likert):
            continue
        end = i + 1
        kept_code: int | None = None
        while end < len(questions):
            match = _simple_condition(questions[end].relevant)
            if match is None or match[0] != q.name or (kept_code not in (None, match[1])):
                break
            kept_code = match[1]
            end += 1
        clist = questionnaire.choice_list(q)
        if kept_code is None or clist is None:
            continue
        codes = tuple(c for c in clist.codes() if c != kept_code)
        if codes:
            target = numbers[questions[end].name] if end < len(questions) else None
            out[q.name] = Jump(q.name, codes, target)
    return out


def _simple_condition(relevant: str | None) -> tuple[str, int] | None:
    """``(q, c)`` for a relevant of the form ``${q} = c``: what a jump instruction can say."""
    if not relevant:
        return None
    expr = ex.parse(relevant)
    if not (isinstance(expr, ex.Compare) and expr.op == "=" and isinstance(expr.left, ex.Ref)):
        return None
    right = expr.right
    if isinstance(right, ex.Number) and right.value == int(right.value):
        return expr.left.name, int(right.value)
    if isinstance(right, ex.String) and right.value.lstrip("-").isdigit():
        return expr.left.name, int(right.value)
    return None


def frame_codes(questionnaire: Questionnaire, clist: ChoiceList) -> set[int]:
    """Codes of ``clist`` that load_questionnaire filled in from the frame.

    load_questionnaire puts the frame's strata first in a ``from_frame`` list; a list that
    starts with exactly the frame's options is taken to be such a list.
    """
    frame = questionnaire.frame_model
    if frame is None:
        return set()
    strata = frame.as_options()
    if clist.options[: len(strata)] == strata:
        return {o.code for o in strata if o.code is not None}
    return set()


def require_filled_lists(questionnaire: Questionnaire) -> None:
    """Instruments print every option: a frame list must have been filled from the frame."""
    for name, clist in questionnaire.choice_lists.items():
        if clist.from_frame and not clist.options:
            raise InputError(
                f"choice list {name!r} takes its options from the frame; load the "
                "questionnaire with its frame (load_questionnaire(path, with_frame=True))",
                file=questionnaire.source or None,
                column=f"choice_lists.{name}",
            )
