"""Cleaning with nothing lost: raw responses in, typed clean data + log + quarantine out.

Every raw row ends in exactly one of the clean data or the quarantine (with a reason); every
check that fires is a row in the cleaning log. Rules come from the questionnaire (codes,
ranges, skip logic, required answers, constraints, dates) and from data quality (duplicates,
empty rows, straight-lining, implausible durations); the cleaning config picks each rule's
action (see pipeline/model/cleaning_rules.py).

Order: normalise every value; row rules that judge the submission as a whole (missing id,
empty row, duplicate id, duplicate content); value rules per variable in questionnaire
order, skip logic evaluated on the answers already cleaned; then straight-lining and
duration. PII variables are never checked, logged or written: they are dropped, and
respondent ids are replaced by keyed pseudonyms (pipeline/stages/pseudonymise.py).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.core.atomic import naming_the_path, staged_folder
from pipeline.core.errors import InputError
from pipeline.core.paths import child_table_path
from pipeline.core.simulated import SIMULATED_COLUMN, is_simulated
from pipeline.core.spreadsheet_safety import write_csv_for_people
from pipeline.model import expressions
from pipeline.model.cleaning_rules import Action, CleaningConfig, Rule
from pipeline.model.expressions import is_missing
from pipeline.model.questionnaire import Question, Questionnaire, QuestionType, Variable
from pipeline.readers.dataset import dataset_table
from pipeline.stages.pseudonymise import FINGERPRINT_FILE, pseudonymise

LOG_COLUMNS = [
    "respondent_id",
    "source_row",
    "variable",
    "rule",
    "old_value",
    "new_value",
    "action",
]
# Metadata columns a form tool writes with the form's version; checked against the questionnaire.
VERSION_COLUMNS = ("_version", "_form_version", "__version__")
FORM_ID_COLUMNS = ("_form_id", "_xform_id_string")
DURATION_COLUMN = "_duration_seconds"
FLAGS_COLUMN = "_flags"
FLAG_SEPARATOR = ";"

_INTEGER = re.compile(r"[+-]?\d+(?:\.0*)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class CleanResult:
    """``data``: typed clean rows (schema: docs/schemas.md); ``log``: one row per rule firing;
    ``quarantine``: raw rows set aside with ``_reason``; ``summary``: counts (JSON-ready);
    ``tables``: the cleaned child table of each repeat (pipeline/stages/clean_tables.py)."""

    data: pd.DataFrame
    log: pd.DataFrame
    quarantine: pd.DataFrame
    summary: dict[str, Any]
    tables: dict[str, CleanResult] = field(default_factory=dict)


# ---- values ---------------------------------------------------------------------------


def as_text(value: object) -> str:
    """A cell as the log shows it: '' for missing."""
    return "" if is_missing(value) else str(value)


def parse_int(text: str | None) -> int | None:
    """'3', '+3', '3.0' → 3; anything else (incl. missing) → None."""
    if text is None or not _INTEGER.fullmatch(text):
        return None
    return int(text.split(".")[0])


def parse_date(text: str | None) -> dt.date | None:
    if text is None or not _ISO_DATE.fullmatch(text):
        return None
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        return None
    # the clean data hold dates as datetime64[ns], which cannot go below 1677 or above 2262
    return date if pd.Timestamp.min.date() < date < pd.Timestamp.max.date() else None


def normalise_value(value: object, variable: Variable) -> str | None:
    """Canonical text of a raw cell: NFC, trimmed, '' → missing; integers without '+', '.0'
    or leading zeros for numeric variables."""
    if is_missing(value):
        return None
    text = unicodedata.normalize("NFC", str(value)).strip()
    if not text:
        return None
    if variable.is_numeric:
        number = parse_int(text)
        if number is not None:
            return str(number)
    return text


# ---- the cleaning run -------------------------------------------------------------------


@dataclass
class _Run:
    """Mutable state of one cleaning run over ``work``: normalised text cells by variable
    name, one list per column (plain lists: cell-by-cell rules are slow on a DataFrame)."""

    questionnaire: Questionnaire
    config: CleaningConfig
    work: dict[str, list[str | None]]
    ids: list[str | None]
    source_rows: list[int]
    log: list[dict[str, Any]] = field(default_factory=list)
    flags: list[list[str]] = field(default_factory=list)
    reasons: list[list[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.flags = [[] for _ in self.source_rows]
        self.reasons = [[] for _ in self.source_rows]

    def active(self) -> list[int]:
        """Row positions not (yet) quarantined."""
        return [i for i, r in enumerate(self.reasons) if not r]

    def record(self, i: int, variable: str, rule: Rule, old: object, new: object, action: Action):
        self.log.append(
            {
                "respondent_id": self.ids[i] or "",
                "source_row": self.source_rows[i],
                "variable": variable,
                "rule": rule.value,
                "old_value": as_text(old),
                "new_value": as_text(new),
                "action": action.value,
            }
        )

    def row_rule(self, i: int, rule: Rule, detail: str = "") -> None:
        action = self.config.action(rule)
        self.record(i, "", rule, "", "", action)
        if action is Action.quarantine:
            self.reasons[i].append(f"{rule.value}: {detail}" if detail else rule.value)
        else:
            self.flags[i].append(rule.value)

    def value_rule(self, i: int, variable: Variable, rule: Rule, typable: bool = True) -> None:
        """Apply ``rule``'s action to one cell. A flag on a value the typed data cannot hold
        (``typable`` False) empties it instead, and the log says so."""
        setting = self.config.setting(rule)
        old = self.work[variable.name][i]
        action = setting.action
        if action is Action.flag and not typable:
            action = Action.set_missing
        if action is Action.set_missing:
            code = setting.missing_code
            new = str(code) if code is not None and code in variable.missing_codes() else None
            self.work[variable.name][i] = new
            self.record(i, variable.name, rule, old, new, action)
        elif action is Action.flag:
            self.record(i, variable.name, rule, old, old, action)
            self.flags[i].append(f"{rule.value}:{variable.name}")
        else:
            self.record(i, variable.name, rule, old, "", action)
            self.reasons[i].append(f"{rule.value}: {variable.name}={as_text(old)!r}")


def clean(
    raw: Any, questionnaire: Questionnaire, config: CleaningConfig, key: bytes
) -> CleanResult:
    """Clean ``raw`` (a pipeline.readers.ingest.RawResponses) against ``questionnaire``.

    ``key`` is the pseudonym key (stages.pseudonymise.load_or_create_key). Raises InputError
    when the file does not fit the questionnaire (another version, a missing column).
    """
    absent = check_columns(raw, questionnaire)
    variables = checked_variables(questionnaire)
    id_column = questionnaire.respondent_id
    n = len(raw.data)
    work = {
        v.name: list(raw.data[v.name]) if v.name in raw.data.columns else [None] * n
        for v in variables
    }
    ids = [None if is_missing(x) or not str(x).strip() else str(x) for x in raw.data[id_column]]
    run = _Run(
        questionnaire=questionnaire,
        config=config,
        work=work,
        ids=[None if x is None else pseudonymise(x, key) for x in ids],
        source_rows=[int(r) for r in raw.source_rows],
    )
    normalise(run, variables)
    content_key = content_keys(raw, questionnaire, run)
    check_missing_ids(run)
    check_empty_rows(run, variables)
    check_duplicate_ids(run)
    check_duplicate_content(run, content_key)
    check_design_values(run)
    check_values(run, variables)
    check_skip_logic(run, variables)
    # a row whose every answer was set missing above is empty now, as it would be when
    # cleaned again: quarantined here, so that cleaning twice equals cleaning once
    check_empty_rows(run, variables)
    check_straight_lining(run)
    check_durations(run, raw.data)
    result = assemble(run, raw, questionnaire, variables)
    result.summary["missing_columns"] = absent
    return result


def checked_variables(questionnaire: Questionnaire) -> list[Variable]:
    """The variables cleaning looks at and writes: all but PII."""
    return [v for v in questionnaire.variables() if not v.pii]


# ---- input checks ---------------------------------------------------------------------


def check_columns(raw: Any, questionnaire: Questionnaire) -> list[str]:
    """The file must be for this questionnaire: same form and version where the file says,
    a column for the respondent id and for every required question. Returns the other
    variables the file lacks (read as unanswered, listed in the summary)."""
    source = str(raw.source)
    data = raw.data
    rows = list(raw.source_rows)
    for columns, expected, what in (
        (FORM_ID_COLUMNS, questionnaire.form_id, "form"),
        (VERSION_COLUMNS, questionnaire.version, "version"),
    ):
        for column in (c for c in columns if c in data.columns):
            for pos, value in enumerate(data[column]):
                if not is_missing(value) and str(value).strip() not in ("", expected):
                    raise InputError(
                        f"this row was collected with {what} {str(value).strip()!r}, but the "
                        f"questionnaire {questionnaire.source or questionnaire.form_id} is "
                        f"{what} {expected!r}; clean it with the matching questionnaire",
                        file=source,
                        row=rows[pos],
                        column=column,
                    )
    absent = set(getattr(raw, "missing", []) or []) | {
        c
        for c in [questionnaire.respondent_id, *(v.name for v in questionnaire.variables())]
        if c not in data.columns
    }
    checked = checked_variables(questionnaire)
    needed = [questionnaire.respondent_id] + [v.name for v in checked if v.question.required]
    lacking = [c for c in needed if c in absent]
    if lacking:
        extra = [str(c) for c in getattr(raw, "unmapped", []) or []]
        hint = f"; columns that match nothing: {', '.join(extra)}" if extra else ""
        raise InputError(
            f"no column for {', '.join(lacking)}, required by questionnaire "
            f"{questionnaire.form_id} version {questionnaire.version} (is the file for "
            f"another version?){hint}",
            file=source,
            row=1,
            column=lacking[0],
        )
    return sorted(c for c in absent if c in {v.name for v in checked})


# ---- rules ----------------------------------------------------------------------------


def normalise(run: _Run, variables: list[Variable]) -> None:
    """Canonical text for every cell; each real change (not '' → missing) is logged."""
    for variable in variables:
        column = run.work[variable.name]
        for i, old in enumerate(column):
            new = normalise_value(old, variable)
            if new != old and not (new is None and as_text(old) == ""):
                run.record(i, variable.name, Rule.normalise, old, new, Action.normalise)
            column[i] = new


def content_keys(raw: Any, questionnaire: Questionnaire, run: _Run) -> list[tuple]:
    """Each row's answers (all variables, PII included) after normalisation."""
    extra = [v for v in questionnaire.variables() if v.pii and v.name in raw.data.columns]
    pii = [[normalise_value(x, v) for x in raw.data[v.name]] for v in extra]
    return [
        tuple(col[i] for col in run.work.values()) + tuple(col[i] for col in pii)
        for i in range(len(run.source_rows))
    ]


def check_missing_ids(run: _Run) -> None:
    for i in run.active():
        if run.ids[i] is None:
            run.row_rule(i, Rule.missing_id, "no respondent id")


def is_substantive(value: str | None, variable: Variable) -> bool:
    """An answer that says something: not empty, not a special missing code, not an unticked
    multiple-choice option."""
    if value is None:
        return False
    if variable.question.type is QuestionType.multiple:
        return value != "0"
    number = parse_int(value)
    return not (variable.is_numeric and number is not None and number in variable.missing_codes())


def check_empty_rows(run: _Run, variables: list[Variable]) -> None:
    for i in run.active():
        row = [run.work[v.name][i] for v in variables]
        if not any(is_substantive(x, v) for x, v in zip(row, variables, strict=True)):
            run.row_rule(i, Rule.empty_row, "no substantive answer")


def check_duplicate_ids(run: _Run) -> None:
    """The first row of an id is kept; later rows with the same id trip duplicate_id."""
    first: dict[str, int] = {}
    for i in run.active():
        rid = run.ids[i]
        if rid is None:
            continue
        if rid in first:
            run.row_rule(
                i,
                Rule.duplicate_id,
                f"same respondent id as source row {run.source_rows[first[rid]]}",
            )
        else:
            first[rid] = i


def check_duplicate_content(run: _Run, keys: list[tuple]) -> None:
    """Later rows with exactly the answers of an earlier row under another id."""
    first: dict[tuple, int] = {}
    for i in run.active():
        if keys[i] in first and run.ids[first[keys[i]]] != run.ids[i]:
            run.row_rule(
                i,
                Rule.duplicate_content,
                f"same answers as source row {run.source_rows[first[keys[i]]]}",
            )
        else:
            first.setdefault(keys[i], i)


def check_design_values(run: _Run) -> None:
    """Rows whose stratum is missing or not a stratum of the frame are quarantined, with the
    value and the frame file in the reason: weighting (and every later stage) needs a stratum
    for every row, so such a row is never kept with a blank."""
    q = run.questionnaire
    if q.stratum is None or q.frame_model is None or q.stratum.variable not in run.work:
        return  # a form without strata (an imported XLSForm) has no design value to check
    name = q.stratum.variable
    codes = sorted(q.frame_model.sizes())
    action = run.config.action(Rule.invalid_design_value)
    for i in run.active():
        value = run.work[name][i]
        if parse_int(value) in codes:
            continue
        if value is None:
            why = f"{name} is missing (the stratum is needed for the weights)"
        else:
            why = (
                f"{name}={value!r} is not a stratum code of the frame {q.stratum.frame} "
                f"({', '.join(map(str, codes))})"
            )
        run.record(i, name, Rule.invalid_design_value, value, "", action)
        run.reasons[i].append(f"{Rule.invalid_design_value.value}: {why}")


def value_problem(value: str, variable: Variable) -> tuple[Rule, bool] | None:
    """The rule a present value breaks (and whether the typed data could hold it), or None."""
    qtype = variable.question.type
    if qtype is QuestionType.date:
        return None if parse_date(value) else (Rule.invalid_date, False)
    if not variable.is_numeric:
        return None
    number = parse_int(value)
    if number is None:
        return Rule.not_a_number, False
    if qtype is QuestionType.multiple:
        return None if number in (0, 1) else (Rule.invalid_dichotomy, True)
    if qtype is QuestionType.integer:
        low, high = variable.question.range or (-math.inf, math.inf)
        ok = low <= number <= high or number in variable.missing_codes()
        return None if ok else (Rule.out_of_range, True)
    return None if number in variable.valid_codes() else (Rule.invalid_code, True)


def check_values(run: _Run, variables: list[Variable]) -> None:
    for variable in variables:
        column = run.work[variable.name]
        for i in run.active():
            value = column[i]
            if value is None:
                continue
            problem = value_problem(value, variable)
            if problem:
                run.value_rule(i, variable, problem[0], typable=problem[1])


def typed_for_expressions(run: _Run, variables: list[Variable]) -> pd.DataFrame:
    """Numbers as float (NaN missing), dates as datetimes, text as text — what expressions
    evaluate on."""
    return pd.DataFrame(
        {v.name: typed_column(run.work[v.name], v, for_expressions=True) for v in variables},
        index=range(len(run.source_rows)),
    )


def typed_column(values: list, variable: Variable, for_expressions: bool = False) -> pd.Series:
    """One variable's cells typed as the parquet holds them (or as floats for expressions)."""
    qtype = variable.question.type
    if variable.is_numeric:
        numbers = [parse_int(x) for x in values]
        if for_expressions:
            return pd.Series([math.nan if n is None else float(n) for n in numbers], dtype=float)
        return pd.Series(pd.array(numbers, dtype="Int64"))
    if qtype is QuestionType.date:
        dates = [parse_date(x) for x in values]
        stamps = pd.to_datetime([pd.NaT if d is None else pd.Timestamp(d) for d in dates])
        return pd.Series(stamps).astype("datetime64[ns]")
    return pd.Series(pd.array([None if x is None else str(x) for x in values], dtype="string"))


def variables_of(question: Question, variables: list[Variable]) -> list[Variable]:
    return [v for v in variables if v.question.name == question.name]


def check_skip_logic(
    run: _Run,
    variables: list[Variable],
    questions: list[Question] | None = None,
    context: pd.DataFrame | None = None,
) -> None:
    """Per question in order: answers where not relevant, required answers missing where
    relevant, constraints. Relevance is evaluated on the answers cleaned so far.
    ``questions``: those to check (default: the respondent table's); ``context``: other
    answers expressions may read, row-aligned (a repeat's parent answers)."""
    q = run.questionnaire
    typed = typed_for_expressions(run, variables)
    if context is not None:
        typed = pd.concat([context.drop(columns=list(typed.columns), errors="ignore"), typed],
                          axis=1)  # fmt: skip
    for question in q.questions() if questions is None else questions:
        own = variables_of(question, variables)
        if not own:
            continue
        relevant = condition(question.relevant, typed, q, question, "relevant")
        for variable in own:
            column = run.work[variable.name]
            for i in run.active():
                if column[i] is not None and not relevant[i]:
                    run.value_rule(i, variable, Rule.skip_violation)
            typed[variable.name] = typed_column(run.work[variable.name], variable, True)
        if question.required:
            check_required(run, question, own, relevant)
        if question.constraint and question.type is not QuestionType.multiple:
            for variable in own:
                check_constraint(run, question, variable, typed)
                typed[variable.name] = typed_column(run.work[variable.name], variable, True)


def condition(
    text: str | None,
    typed: pd.DataFrame,
    questionnaire: Questionnaire,
    question: Question,
    what: str,
    self_values: pd.Series | None = None,
) -> list[bool]:
    """A question's relevant/constraint (``what``) per row; no expression means True.
    ``self_values``: the answers ``.`` stands for in a constraint."""
    if not text:
        return [True] * len(typed)
    try:
        expr = expressions.parse(text)
    except expressions.ExpressionError as exc:
        raise InputError(
            f"cannot read the expression {text!r}: {exc}",
            file=questionnaire.source,
            column=f"{question.name}.{what}",
        ) from None
    try:
        ok = expressions.evaluate(expr, typed, questionnaire, self_values=self_values)
    except expressions.ExpressionError as exc:
        raise InputError(
            f"cannot evaluate the expression {text!r} on the data: {exc}",
            file=questionnaire.source,
            column=f"{question.name}.{what}",
        ) from None
    return ok.fillna(False).astype(bool).tolist()


def check_required(run: _Run, question: Question, own: list[Variable], relevant) -> None:
    """Relevant and required but unanswered. A multiple-choice question is one answer: it is
    unanswered when none of its 0/1 columns holds a value (logged under the question name)."""
    setting_action = run.config.action(Rule.required_missing)
    groups = [own] if question.type is QuestionType.multiple else [[v] for v in own]
    for group in groups:
        name = question.name if question.type is QuestionType.multiple else group[0].name
        columns = [run.work[v.name] for v in group]
        for i in run.active():
            if relevant[i] and all(column[i] is None for column in columns):
                run.record(i, name, Rule.required_missing, None, None, setting_action)
                if setting_action is Action.quarantine:
                    run.reasons[i].append(f"{Rule.required_missing.value}: {name}")
                else:
                    run.flags[i].append(f"{Rule.required_missing.value}:{name}")


def check_constraint(
    run: _Run, question: Question, variable: Variable, typed: pd.DataFrame
) -> None:
    ok = condition(
        question.constraint,
        typed,
        run.questionnaire,
        question,
        "constraint",
        self_values=typed[variable.name],
    )
    column = run.work[variable.name]
    for i in run.active():
        if column[i] is not None and not ok[i]:
            run.value_rule(i, variable, Rule.constraint)


def check_straight_lining(run: _Run) -> None:
    """Every item of a grid with at least ``straight_lining_min_items`` items answered with
    the same code."""
    minimum = run.config.straight_lining_min_items
    for question in run.questionnaire.questions():
        if question.type is not QuestionType.likert_grid or len(question.items) < minimum:
            continue
        columns = [run.work[item.name] for item in question.items]
        for i in run.active():
            values = [column[i] for column in columns]
            if values[0] is not None and all(x == values[0] for x in values):
                run.row_rule(i, Rule.straight_lining, f"{question.name} all {values[0]}")


def check_durations(run: _Run, data: pd.DataFrame) -> None:
    """Interviews shorter than ``min_duration_seconds`` (when the data has durations)."""
    if DURATION_COLUMN not in data.columns:
        return
    threshold = run.config.min_duration_seconds
    durations = pd.to_numeric(
        data[DURATION_COLUMN].map(lambda x: None if is_missing(x) else str(x).strip()),
        errors="coerce",
    ).tolist()
    for i in run.active():
        if not math.isnan(durations[i]) and durations[i] < threshold:
            run.row_rule(i, Rule.short_duration, f"{durations[i]:g} s")


# ---- outputs ---------------------------------------------------------------------------



def assemble(run: _Run, raw: Any, questionnaire: Questionnaire, variables: list[Variable]):
    kept = run.active()
    quarantined = [i for i in range(len(run.reasons)) if run.reasons[i]]
    simulated = bool(getattr(raw, "simulated", False)) or is_simulated(raw.data)

    data = pd.DataFrame(index=range(len(kept)))
    data["respondent_id"] = pd.array([run.ids[i] for i in kept], dtype="string")
    for variable in variables:
        column = run.work[variable.name]
        data[variable.name] = typed_column([column[i] for i in kept], variable)
    data["_source_row"] = pd.array([run.source_rows[i] for i in kept], dtype="Int64")
    if SIMULATED_COLUMN in raw.data.columns:
        sim = [1 if as_text(raw.data[SIMULATED_COLUMN].iat[i]).strip() == "1" else 0 for i in kept]
    else:
        sim = [int(simulated)] * len(kept)
    data["_simulated"] = pd.array(sim, dtype="Int64")
    data[FLAGS_COLUMN] = pd.array(
        [FLAG_SEPARATOR.join(run.flags[i]) or None for i in kept], dtype="string"
    )

    quarantine = quarantine_frame(run, raw, questionnaire, quarantined)
    # Rows in file order; within a row, in the order the rules ran.
    log = pd.DataFrame(run.log, columns=LOG_COLUMNS)
    log = log.sort_values("source_row", kind="stable").reset_index(drop=True)
    return CleanResult(data, log, quarantine, summarise(run, raw, questionnaire, simulated))


def quarantine_frame(run: _Run, raw: Any, questionnaire: Questionnaire, rows: list[int]):
    """The raw rows as read (PII columns dropped, id pseudonymised), with row and reason."""
    pii = {v.name for v in questionnaire.variables() if v.pii}
    columns = [c for c in raw.data.columns if c not in pii]
    frame = pd.DataFrame(
        {c: [None if is_missing(x) else x for x in raw.data[c].iloc[rows]] for c in columns},
        index=range(len(rows)),
        dtype=object,
    )
    frame[questionnaire.respondent_id] = [run.ids[i] for i in rows]
    frame["_source_row"] = pd.array([run.source_rows[i] for i in rows], dtype="Int64")
    frame["_reason"] = ["; ".join(run.reasons[i]) for i in rows]
    return frame


def summarise(run: _Run, raw: Any, questionnaire: Questionnaire, simulated: bool) -> dict:
    by_rule = Counter(row["rule"] for row in run.log)
    by_action = Counter(row["action"] for row in run.log)
    rows_quarantined = sum(1 for r in run.reasons if r)
    return {
        "form_id": questionnaire.form_id,
        "version": questionnaire.version,
        "wave": questionnaire.wave,
        "simulated": simulated,
        "source": str(raw.source),
        "rows_in": len(run.source_rows),
        "rows_kept": len(run.source_rows) - rows_quarantined,
        "rows_quarantined": rows_quarantined,
        "rules": {rule.value: by_rule.get(rule.value, 0) for rule in Rule},
        "actions": {action.value: by_action.get(action.value, 0) for action in Action},
    }


def output_paths(out: Path) -> dict[str, Path]:
    """processed/<wave>.parquet and its companions beside it."""
    stem = out.name.removesuffix(".parquet")
    return {
        "data": out,
        "log": out.with_name(f"{stem}.cleaning-log.csv"),
        "quarantine": out.with_name(f"{stem}.quarantine.csv"),
        "summary": out.with_name(f"{stem}.cleaning-summary.json"),
    }


def parquet_table(result: CleanResult, questionnaire_path: str) -> pa.Table:
    meta = {
        "form_id": result.summary["form_id"],
        "version": result.summary["version"],
        "wave": result.summary["wave"],
        "simulated": result.summary["simulated"],
        "questionnaire": questionnaire_path,
    }
    return dataset_table(result.data, meta)


def write_outputs(
    result: CleanResult,
    out: str | Path,
    questionnaire_path: str,
    key_fingerprint: str | None = None,
) -> dict[str, Path]:
    """Write the parquet, log, quarantine and summary into a staging folder, then swap them
    in together, so a failure or a kill leaves all of them old or all new.

    ``key_fingerprint`` (stages.pseudonymise.key_fingerprint of the key used) is recorded
    beside them, so that a later wave cleaned with another key is noticed.
    """
    paths = output_paths(Path(out))
    summary = json.dumps(result.summary, ensure_ascii=False, indent=2) + "\n"
    writers = {
        "data": lambda path: pq.write_table(parquet_table(result, questionnaire_path), path),
        # people open these in a spreadsheet: raw answers must not run as formulas there
        "log": lambda path: write_csv_for_people(result.log, path),
        "quarantine": lambda path: write_csv_for_people(result.quarantine, path),
        "summary": lambda path: path.write_text(summary, encoding="utf-8"),
    }
    if key_fingerprint is not None:
        paths["key_fingerprint"] = paths["data"].with_name(FINGERPRINT_FILE)
        writers["key_fingerprint"] = lambda path: path.write_text(key_fingerprint + "\n")
    for repeat, child in result.tables.items():
        parent_meta = {
            key: result.summary[key] for key in ("form_id", "version", "wave", "simulated")
        }
        meta = {**parent_meta, "questionnaire": questionnaire_path, "table": repeat}
        if child.summary.get("parent"):
            meta["parent_table"] = child.summary["parent"]
        _add_table_writers(paths, writers, child, repeat, meta)
    with staged_folder(paths["data"].parent) as staging:
        for name, write in writers.items():
            with naming_the_path(staging / paths[name].name):
                write(staging / paths[name].name)
    return paths


def _add_table_writers(
    paths: dict[str, Path], writers: dict, child: CleanResult, repeat: str, meta: dict
) -> None:
    """A child table's parquet, log and quarantine beside the respondents' files:
    processed/<wave>.<repeat>.parquet, .<repeat>.cleaning-log.csv, .<repeat>.quarantine.csv
    (its counts are in the wave's cleaning summary); ``meta``: the parquet's metadata."""
    own = output_paths(child_table_path(paths["data"], repeat))

    def write_data(path: Path) -> None:
        pq.write_table(dataset_table(child.data, meta), path)

    paths[f"{repeat}.data"], writers[f"{repeat}.data"] = own["data"], write_data
    paths[f"{repeat}.log"] = own["log"]
    writers[f"{repeat}.log"] = lambda path: write_csv_for_people(child.log, path)
    paths[f"{repeat}.quarantine"] = own["quarantine"]
    writers[f"{repeat}.quarantine"] = lambda path: write_csv_for_people(child.quarantine, path)
