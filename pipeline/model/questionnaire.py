"""The questionnaire as code: a typed model loaded from YAML.

Every later stage (instruments, simulation, cleaning, weighting, tabulation, export,
reports) reads codes, labels, skip logic, missing codes, measurement levels, scales and
PII flags from here; nothing is restated by hand.

Variables versus questions: most questions are one variable. A Likert grid is one
variable per item; a multiple-choice question is one 0/1 variable per option, named
``<question>_<code>`` (the SPSS multiple-dichotomy convention).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from pipeline.core.errors import InputError
from pipeline.core.labels import Model, Option, Text
from pipeline.core.paths import name_problem
from pipeline.core.yamlio import load_yaml_mapping, validation_error_to_input_error
from pipeline.model.frame import Frame, load_frame


class Level(StrEnum):
    nominal = "nominal"
    ordinal = "ordinal"
    scale = "scale"


class QuestionType(StrEnum):
    single = "single"
    multiple = "multiple"
    likert = "likert"
    likert_grid = "likert_grid"
    integer = "integer"
    text = "text"
    date = "date"


# Question types whose answers are codes from a choice list.
CHOICE_TYPES = (
    QuestionType.single,
    QuestionType.multiple,
    QuestionType.likert,
    QuestionType.likert_grid,
)


class ChoiceList(Model):
    """A named set of options shared by questions (a scale is a choice list too).

    ``from_frame``: the options are the strata of the questionnaire's frame, so codes and
    labels of the member categories live in one file only.

    ``favourable``: which end of the listed substantive options expresses the favourable
    view (used by the simulation; None = not an attitude scale).
    """

    label: Text | None = None
    options: list[Option] = Field(default_factory=list)
    from_frame: bool = False
    favourable: Literal["first", "last"] | None = None

    def substantive(self) -> list[Option]:
        return [o for o in self.options if not o.missing]

    def missing_codes(self) -> list[int]:
        return [o.code for o in self.options if o.missing and o.code is not None]

    def codes(self) -> list[int]:
        return [o.code for o in self.options if o.code is not None]


def _usable_name(value: str) -> str:
    """Names end up in sheet, chart and file names: they must not be paths."""
    problem = name_problem(value)
    if problem:
        raise ValueError(f"{value!r} becomes part of file and sheet names, but {problem}")
    return value


class GridItem(Model):
    name: str
    label: Text

    _check_name = field_validator("name")(_usable_name)


class Question(Model):
    name: str
    type: QuestionType
    label: Text
    hint: Text | None = None
    choices: str | None = None
    items: list[GridItem] = Field(default_factory=list)
    range: tuple[int, int] | None = None
    relevant: str | None = None
    constraint: str | None = None
    constraint_message: Text | None = None
    required: bool = False
    level: Level | None = None
    pii: bool = False

    _check_name = field_validator("name")(_usable_name)

    def measurement_level(self) -> Level:
        if self.level is not None:
            return self.level
        if self.type in (QuestionType.likert, QuestionType.likert_grid):
            return Level.ordinal
        if self.type is QuestionType.integer:
            return Level.scale
        return Level.nominal


class Section(Model):
    name: str
    title: Text
    intro: Text | None = None
    questions: list[Question]


class Index(Model):
    """A scale or index formed from items (for Cronbach's alpha and scale scores)."""

    name: str
    label: Text
    items: list[str]
    method: Literal["mean", "sum"] = "mean"


class StratumSpec(Model):
    variable: str
    frame: str


class Questionnaire(Model):
    form_id: str
    version: str
    wave: str
    title: Text
    organisation: Text | None = None
    introduction: Text | None = None
    respondent_id: str = "respondent_id"
    stratum: StratumSpec
    banners: list[str] = Field(default_factory=list)
    choice_lists: dict[str, ChoiceList] = Field(default_factory=dict)
    sections: list[Section]
    indices: list[Index] = Field(default_factory=list)

    # Filled by load_questionnaire; not part of the YAML.
    source: str = ""
    frame_model: Frame | None = Field(default=None, exclude=True)

    # the instruments, tables and exports are named after the form and the wave
    _check_names = field_validator("form_id", "wave")(_usable_name)

    @field_validator("choice_lists")
    @classmethod
    def _usable_list_names(cls, lists: dict[str, ChoiceList]) -> dict[str, ChoiceList]:
        for name in lists:
            _usable_name(name)
        return lists

    @model_validator(mode="after")
    def _banners_default_to_stratum(self) -> Questionnaire:
        if not self.banners:
            object.__setattr__(self, "banners", [self.stratum.variable])
        return self

    # ---- navigation -------------------------------------------------------------

    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    def question(self, name: str) -> Question:
        for q in self.questions():
            if q.name == name:
                return q
        raise KeyError(name)

    def choice_list(self, question: Question) -> ChoiceList | None:
        if question.choices is None:
            return None
        return self.choice_lists.get(question.choices)

    def variables(self) -> list[Variable]:
        """Every data variable, in questionnaire order, with what analysis and export need."""
        out: list[Variable] = []
        for section in self.sections:
            for q in section.questions:
                out.extend(self._variables_of(section, q))
        return out

    def variable(self, name: str) -> Variable:
        for v in self.variables():
            if v.name == name:
                return v
        raise KeyError(name)

    def _variables_of(self, section: Section, q: Question) -> list[Variable]:
        clist = self.choice_list(q)
        options = tuple(clist.options) if clist else ()
        level = q.measurement_level()
        if q.type is QuestionType.likert_grid:
            return [
                Variable(item.name, item.label, q, section, options, level, grid_item=item)
                for item in q.items
            ]
        if q.type is QuestionType.multiple:
            return [
                Variable(
                    f"{q.name}_{opt.code}",
                    opt.label,
                    q,
                    section,
                    DICHOTOMY,
                    Level.nominal,
                    option=opt,
                )
                for opt in options
                if not opt.missing
            ]
        return [Variable(q.name, q.label, q, section, options, level)]


@dataclass(frozen=True)
class Variable:
    """One column of the response data, with the metadata every stage needs."""

    name: str
    label: Text
    question: Question
    section: Section
    options: tuple[Option, ...]
    level: Level
    grid_item: GridItem | None = None
    option: Option | None = None  # the option a multiple-choice dichotomy stands for

    @property
    def is_categorical(self) -> bool:
        return self.question.type in CHOICE_TYPES

    @property
    def is_numeric(self) -> bool:
        return self.is_categorical or self.question.type is QuestionType.integer

    @property
    def pii(self) -> bool:
        return self.question.pii

    def value_labels(self, lang: str = "vi") -> dict[int, str]:
        return {o.code: o.label.get(lang) for o in self.options if o.code is not None}

    def valid_codes(self) -> list[int]:
        return [o.code for o in self.options if o.code is not None]

    def substantive_codes(self) -> list[int]:
        return [o.code for o in self.options if o.code is not None and not o.missing]

    def missing_codes(self) -> list[int]:
        return [o.code for o in self.options if o.code is not None and o.missing]


DICHOTOMY: tuple[Option, ...] = (
    Option(code=0, label=Text(vi="Không chọn", en="Not selected")),
    Option(code=1, label=Text(vi="Có chọn", en="Selected")),
)


def parse_questionnaire(data: dict, source: str) -> Questionnaire:
    """Validate a mapping as a questionnaire; errors name the source file and field path."""
    try:
        return Questionnaire.model_validate({**data, "source": source})
    except ValidationError as exc:
        raise validation_error_to_input_error(exc, source) from None


def load_questionnaire(path: str | Path, with_frame: bool = True) -> Questionnaire:
    """Load a questionnaire YAML; choice lists marked ``from_frame`` are filled from the frame.

    The frame path is resolved relative to the questionnaire file.
    """
    path = Path(path)
    data = load_yaml_mapping(path)
    q = parse_questionnaire(data, str(path))
    if not with_frame:
        return q
    frame_path = (path.parent / q.stratum.frame).resolve()
    if not frame_path.exists():
        raise InputError(
            f"the frame file {q.stratum.frame!r} named in stratum.frame does not exist "
            f"(looked for {frame_path})",
            file=str(path),
            column="stratum.frame",
        )
    return attach_frame(q, load_frame(frame_path))


def attach_frame(q: Questionnaire, frame: Frame) -> Questionnaire:
    """The questionnaire with its frame: ``from_frame`` choice lists get the strata as options."""
    lists = {
        name: (
            ChoiceList(
                label=cl.label,
                options=frame.as_options() + cl.options,
                favourable=cl.favourable,
            )
            if cl.from_frame
            else cl
        )
        for name, cl in q.choice_lists.items()
    }
    return q.model_copy(update={"choice_lists": lists, "frame_model": frame})
