"""The questionnaire as code: a typed model loaded from YAML.

Every later stage (instruments, simulation, cleaning, weighting, tabulation, export,
reports) reads codes, labels, skip logic, missing codes, measurement levels, scales and
PII flags from here; nothing is restated by hand.

Variables versus questions: most questions are one variable. A Likert grid is one
variable per item; a multiple-choice question is one 0/1 variable per option, named
``<question>_<code>`` (the SPSS multiple-dichotomy convention).

The model holds what an XLSForm can say (see pipeline.readers.import_xlsform): every
question type, nested groups and repeats (``children``), notes and calculates in their
place, the form's columns that have no field of their own (``bind``, ``extra``), any
number of languages, and the settings. A repeat is a child table: its variables are not
columns of the respondent table but of the table named after the repeat, keyed to the
parent row (``Questionnaire.tables()``). The sampling design (stratum, clusters, weight) is
an optional ``design`` block; the older top-level ``stratum:`` spelling is read into it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from pipeline.core.errors import InputError
from pipeline.core.labels import DEFAULT_LANGUAGE, Model, Option, Text
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
    # XLSForm's other question types
    decimal = "decimal"
    time = "time"
    datetime = "datetime"
    geopoint = "geopoint"
    geotrace = "geotrace"
    geoshape = "geoshape"
    image = "image"
    audio = "audio"
    video = "video"
    file = "file"
    barcode = "barcode"
    acknowledge = "acknowledge"
    range = "range"
    rank = "rank"
    note = "note"
    calculate = "calculate"
    hidden = "hidden"
    meta = "meta"  # start, end, today, deviceid, username, audit ...: ``xlsform_type`` names it
    other = "other"  # any type pyxform accepts that has no name here: ``xlsform_type`` holds it
    group = "group"
    repeat = "repeat"


# Question types whose answers are codes from a choice list.
CHOICE_TYPES = (
    QuestionType.single,
    QuestionType.multiple,
    QuestionType.likert,
    QuestionType.likert_grid,
)
# Containers: they hold questions and are no column themselves.
CONTAINER_TYPES = (QuestionType.group, QuestionType.repeat)
# Rows that are no data at all.
NO_DATA_TYPES = (*CONTAINER_TYPES, QuestionType.note)
NUMERIC_TYPES = (QuestionType.integer, QuestionType.decimal, QuestionType.range)


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

    def values(self) -> list[str]:
        """What a form stores for each option (its name, else its code)."""
        return [o.value for o in self.options]

    def by_value(self) -> dict[str, Option]:
        return {o.value: o for o in self.options}

    @model_validator(mode="after")
    def _codes_for_named_options(self) -> ChoiceList:
        """Options given only a text name get the next free codes, in the order written, so
        a hand-written list of names is as usable as an imported one."""
        if all(o.code is not None or o.name is None for o in self.options):
            return self
        next_code = max((o.code for o in self.options if o.code is not None), default=0) + 1
        options = []
        for option in self.options:
            if option.code is None and option.name is not None:
                option = option.model_copy(update={"code": next_code})
                next_code += 1
            options.append(option)
        object.__setattr__(self, "options", options)
        return self


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
    """One survey row (or a grid, group or repeat with its ``children``).

    ``required`` is True/False or an XLSForm expression. ``choices_file`` is the CSV/XML
    file of select_one_from_file; ``external`` marks select_one_external (options on the
    external_choices sheet). ``xlsform_type`` is the XLSForm type word for meta and other
    types. ``bind`` holds the ``bind::`` columns, ``extra`` every other column the model has
    no field for, by its header as written, so that nothing of a form is lost.
    """

    name: str
    type: QuestionType
    label: Text = Field(default_factory=Text)
    hint: Text | None = None
    guidance_hint: Text | None = None
    choices: str | None = None
    choices_file: str | None = None
    external: bool = False
    or_other: bool = False
    # the code of or_other's "other" choice (pyxform adds the choice; the list has none)
    other_code: int | None = None
    items: list[GridItem] = Field(default_factory=list)
    range: tuple[int, int] | None = None
    relevant: str | None = None
    constraint: str | None = None
    constraint_message: Text | None = None
    required: bool | str = False
    required_message: Text | None = None
    calculation: str | None = None
    default: str | None = None
    appearance: str | None = None
    choice_filter: str | None = None
    parameters: str | None = None
    trigger: str | None = None
    repeat_count: str | None = None
    read_only: str | None = None
    media: dict[str, Text] = Field(default_factory=dict)
    bind: dict[str, str] = Field(default_factory=dict)
    extra: dict[str, str] = Field(default_factory=dict)
    xlsform_type: str | None = None
    children: list[Question] = Field(default_factory=list)
    level: Level | None = None
    pii: bool = False

    _check_name = field_validator("name")(_usable_name)

    def measurement_level(self) -> Level:
        if self.level is not None:
            return self.level
        if self.type in (QuestionType.likert, QuestionType.likert_grid):
            return Level.ordinal
        if self.type in NUMERIC_TYPES:
            return Level.scale
        return Level.nominal

    @property
    def is_container(self) -> bool:
        return self.type in CONTAINER_TYPES

    @property
    def has_data(self) -> bool:
        """True when the question is a column of the data (not a note, group or repeat)."""
        return self.type not in NO_DATA_TYPES

    def walk(self, into_repeats: bool = True) -> Iterator[Question]:
        """This question and every question inside it, in form order."""
        yield self
        if self.type is QuestionType.repeat and not into_repeats:
            return
        for child in self.children:
            yield from child.walk(into_repeats)


class Section(Model):
    """A top-level group of the form. ``group: false`` marks questions an XLSForm asks
    outside any group (written back without begin_group/end_group); ``relevant``,
    ``appearance``, ``bind`` and ``extra`` are the begin_group row's columns."""

    name: str
    title: Text = Field(default_factory=Text)
    intro: Text | None = None
    questions: list[Question]
    group: bool = True
    relevant: str | None = None
    appearance: str | None = None
    bind: dict[str, str] = Field(default_factory=dict)
    extra: dict[str, str] = Field(default_factory=dict)


class Index(Model):
    """A scale or index formed from items (for Cronbach's alpha and scale scores)."""

    name: str
    label: Text
    items: list[str]
    method: Literal["mean", "sum"] = "mean"


class StratumSpec(Model):
    variable: str
    frame: str


class ReplicateWeights(Model):
    """Replicate weight columns the data bring (R's ``svrepdesign``): ``columns`` a regular
    expression matched against the column names (R's ``grep``: ``repw[0-9]+``), ``type``,
    ``scale``, ``rscales``, ``rho`` (Fay), ``mse`` and ``combined`` (the columns already
    include the sampling weight) as R's arguments; the sampling weight is ``design.weight``."""

    columns: str
    type: Literal["JK1", "JKn", "BRR", "Fay", "bootstrap", "other"] = "other"
    scale: float | None = None
    rscales: list[float] = Field(default_factory=list)
    rho: float | None = None
    mse: bool = False
    combined: bool = True


class Design(Model):
    """The sampling design the data carry: the stratum question and its frame, the cluster
    (PSU) variables, stage by stage, and a weight variable the data bring with them.

    ``fpc``: per cluster stage, the variable with the population count of units (or the
    sampling fraction) of the respondent's stratum (first stage) or unit (later stages);
    ``nest``: first-stage cluster ids repeat across strata; ``replicate_weights``: the data's
    replicate weight columns (then ``weight`` names the sampling weight, and neither clusters
    nor fpc are given). `survey weight` uses the block unless its options (from params.yaml
    or the command line) say otherwise, option by option.
    """

    stratum: StratumSpec | None = None
    clusters: list[str] = Field(default_factory=list)
    fpc: list[str] = Field(default_factory=list)
    nest: bool = False
    weight: str | None = None
    replicate_weights: ReplicateWeights | None = None

    @model_validator(mode="after")
    def _one_fpc_per_stage(self) -> Design:
        if self.fpc and len(self.fpc) != len(self.clusters):
            raise ValueError(
                f"design.fpc names {len(self.fpc)} column(s) for {len(self.clusters)} cluster "
                "stage(s); give one per stage"
            )
        if self.replicate_weights is not None and (self.clusters or self.fpc):
            raise ValueError(
                "design.replicate_weights carry the design: give them without clusters and fpc"
            )
        if self.replicate_weights is not None and self.weight is None:
            raise ValueError("design.replicate_weights need the sampling weight: design.weight")
        return self


class CollectSettings(Model):
    """How ``survey collect`` treats the form's submissions. ``keep_metadata``: identifying
    XLSForm metadata (``start``, ``end``, ``deviceid``, ``audit``, ``phonenumber``,
    ``username``, ...) the survey opts into keeping with the responses; every other one is
    dropped on receipt. The opt-in lives in the questionnaire so that it is reviewed with it."""

    keep_metadata: list[str] = Field(default_factory=list)


class Questionnaire(Model):
    """``languages`` maps a language code used in the labels to the XLSForm language name it
    was written with (``en`` -> ``English (en)``, ``default`` -> '' for plain ``label``);
    ``default_language`` and ``settings`` (instance_name, style, ...) are the settings
    sheet's; ``sheets`` keeps other sheets verbatim (external_choices, entities, osm);
    ``collect``: how the collection server treats submissions (CollectSettings)."""

    form_id: str
    version: str = ""
    wave: str
    title: Text
    organisation: Text | None = None
    introduction: Text | None = None
    respondent_id: str = "respondent_id"
    design: Design = Field(default_factory=Design)
    banners: list[str] = Field(default_factory=list)
    choice_lists: dict[str, ChoiceList] = Field(default_factory=dict)
    sections: list[Section]
    indices: list[Index] = Field(default_factory=list)
    languages: dict[str, str] = Field(default_factory=dict)
    default_language: str | None = None
    settings: dict[str, str] = Field(default_factory=dict)
    sheets: dict[str, list[dict[str, str]]] = Field(default_factory=dict)
    collect: CollectSettings = Field(default_factory=CollectSettings)

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

    @model_validator(mode="before")
    @classmethod
    def _stratum_into_design(cls, data: Any) -> Any:
        """The older spelling ``stratum:`` at the top level is the design's stratum."""
        if not isinstance(data, dict) or "stratum" not in data:
            return data
        data = dict(data)
        stratum = data.pop("stratum")
        design = dict(data.get("design") or {})
        if "stratum" in design:
            raise ValueError("the stratum is given twice: at the top level and in design")
        data["design"] = {**design, "stratum": stratum}
        return data

    @model_validator(mode="after")
    def _banners_default_to_stratum(self) -> Questionnaire:
        if not self.banners and self.stratum is not None:
            object.__setattr__(self, "banners", [self.stratum.variable])
        return self

    @property
    def stratum(self) -> StratumSpec | None:
        return self.design.stratum

    @property
    def default_language_key(self) -> str | None:
        """The language key of the form's default language (labels fall back to it)."""
        for key, name in self.languages.items():
            if name == self.default_language:
                return key
        return next(iter(self.languages), None)

    def in_language(self, text: Text | None, lang: str) -> str:
        """A label as a reader of ``lang`` sees it: in ``lang``, else in the form's default
        language marked with it (``Oui [fr]``); '' for no text. A form written in one unnamed
        language (a plain ``label`` column only) has nothing to mark: its text is shown as is."""
        if not text:
            return ""
        if set(self.languages) == {DEFAULT_LANGUAGE}:
            return text.get(lang)
        return text.get_marked(lang, self.default_language_key)

    def require_stratum(self) -> StratumSpec:
        """The stratum, or a clear error for a questionnaire whose design names none."""
        if self.design.stratum is None:
            raise InputError(
                "the questionnaire declares no stratum (add design: stratum: {variable, frame})",
                file=self.source or None,
                column="design.stratum",
            )
        return self.design.stratum

    # ---- navigation -------------------------------------------------------------

    def questions(self, into_repeats: bool = False) -> list[Question]:
        """Every question in form order, inside groups too (groups themselves excluded);
        questions inside repeats only with ``into_repeats``."""
        return [q for q in self.all_questions(into_repeats) if not q.is_container]

    def all_questions(self, into_repeats: bool = True) -> list[Question]:
        """Every row of the form: questions, groups and repeats, in form order."""
        out: list[Question] = []
        for section in self.sections:
            for question in section.questions:
                out.extend(question.walk(into_repeats))
        return out

    def question(self, name: str) -> Question:
        for q in self.all_questions():
            if q.name == name:
                return q
        raise KeyError(name)

    def repeat_of(self, name: str) -> str | None:
        """The innermost repeat a question is asked in; None at the respondent level."""

        def search(questions: list[Question], repeat: str | None) -> str | None | bool:
            for q in questions:
                if q.name == name:
                    return repeat
                inner = repeat if q.type is not QuestionType.repeat else q.name
                found = search(q.children, inner)
                if found is not False:
                    return found
            return False

        for section in self.sections:
            found = search(section.questions, None)
            if found is not False:
                return found  # type: ignore[return-value]
        raise KeyError(name)

    def choice_list(self, question: Question) -> ChoiceList | None:
        if question.choices is None:
            return None
        return self.choice_lists.get(question.choices)

    def other_option(self, question: Question) -> Option | None:
        """The "other" choice of an ``or_other`` select, which pyxform adds to the form: name
        ``other``, code ``other_code`` (recorded at import; else one above the list's
        highest code)."""
        if not question.or_other:
            return None
        code = question.other_code
        if code is None:
            clist = self.choice_list(question)
            codes = [o.code for o in clist.options if o.code is not None] if clist else []
            code = max(codes, default=0) + 1
        return Option(code=code, name=OTHER_CHOICE, label=OTHER_LABEL)

    def answer_options(self, question: Question) -> list[Option]:
        """The options an answer may hold: the choice list's, and "other" for or_other."""
        clist = self.choice_list(question)
        options = list(clist.options) if clist else []
        other = self.other_option(question)
        if other is not None and not any(o.value == OTHER_CHOICE for o in options):
            options.append(other)
        return options

    def variables(self, table: str | None = None) -> list[Variable]:
        """Every data variable of one table, in questionnaire order, with what analysis and
        export need: the respondent table (``table=None``) or the child table of a repeat."""
        out: list[Variable] = []
        for section in self.sections:
            out.extend(self._variables_in(section, section.questions, None, table))
        return out

    def tables(self) -> list[str]:
        """The child tables: one per repeat, in form order."""
        return [q.name for q in self.all_questions() if q.type is QuestionType.repeat]

    def _variables_in(
        self, section: Section, questions: list[Question], here: str | None, table: str | None
    ) -> list[Variable]:
        out: list[Variable] = []
        for q in questions:
            if q.type is QuestionType.repeat:
                out.extend(self._variables_in(section, q.children, q.name, table))
            elif q.type is QuestionType.group:
                out.extend(self._variables_in(section, q.children, here, table))
            elif here == table and q.has_data:
                out.extend(self._variables_of(section, q, here))
        return out

    def variable(self, name: str) -> Variable:
        for v in self.variables():
            if v.name == name:
                return v
        raise KeyError(name)

    def _variables_of(self, section: Section, q: Question, table: str | None) -> list[Variable]:
        options = tuple(self.answer_options(q))
        level = q.measurement_level()
        if table is not None:
            return [replace(v, table=table) for v in self._variables_of(section, q, None)]
        if q.type is QuestionType.likert_grid:
            return [
                Variable(item.name, item.label, q, section, options, level, grid_item=item)
                for item in q.items
            ]
        if q.type is QuestionType.multiple and not (q.choices_file or q.external):
            variables = [
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
        else:
            # Options in a file or on the external_choices sheet: the answer as stored (names
            # separated by spaces for a multiple choice), a nominal text column.
            variables = [Variable(q.name, q.label, q, section, options, level)]
        if q.or_other:
            other = Question(name=f"{q.name}_other", type=QuestionType.text, label=q.label)
            variables.append(Variable(other.name, q.label, other, section, (), Level.nominal))
        return variables


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
    table: str | None = None  # the repeat whose child table holds it; None: respondents

    @property
    def is_categorical(self) -> bool:
        q = self.question
        return q.type in CHOICE_TYPES and not (q.choices_file or q.external)

    @property
    def is_numeric(self) -> bool:
        return self.is_categorical or self.question.type in NUMERIC_TYPES

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


OTHER_CHOICE = "other"
OTHER_LABEL = Text(vi="Khác", en="Other", default="Other")
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
    if not with_frame or q.stratum is None:
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
