"""Cleaning the child tables of a form's repeats, with nothing lost at that level either.

A repeat's child table (one row per repeat instance: a household member, a child, a plot)
is cleaned with the value rules of the repeat's own questions (codes, ranges, dates, skip
logic that may read the parent's answers, required answers, constraints) and its own row
accounting: every child row ends in the child's clean table or in its quarantine, with a
reason. A child row whose parent was refused (the submission quarantined, or the enclosing
repeat instance of a nested repeat quarantined), or whose parent is not in the data at all,
is quarantined with that reason: it cannot be weighted or analysed without its parent.

The clean child table is linked to its parent: ``_parent_id`` holds the parent submission's
pseudonymised respondent id (the ``respondent_id`` of the clean respondent table),
``_parent_index`` the position in each enclosing repeat (joined by ``.``, '' at the top),
``_index`` the 1-based position within the parent. ``_source_row`` is the row of the child
table's raw file (``raw/<wave>.<repeat>.csv`` as ``survey ingest`` writes it: header row 1).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import pandas as pd

from pipeline.core.errors import InputError
from pipeline.model.cleaning_rules import Action, CleaningConfig, Rule
from pipeline.model.expressions import is_missing
from pipeline.model.questionnaire import Question, Questionnaire, Variable
from pipeline.stages.clean import (
    FLAG_SEPARATOR,
    FLAGS_COLUMN,
    LOG_COLUMNS,
    CleanResult,
    _Run,
    check_empty_rows,
    check_skip_logic,
    check_values,
    clean,
    condition,
    normalise,
    typed_column,
)
from pipeline.stages.pseudonymise import pseudonymise

PARENT_ID, PARENT_INDEX, INDEX = "_parent_id", "_parent_index", "_index"
KEY_COLUMNS = (PARENT_ID, PARENT_INDEX, INDEX)
# Not rules of the cleaning config: a child row without a kept parent is always set aside,
# since nothing later (weights, design, tables) can place it.
PARENT_REFUSED = "parent_quarantined"
NO_PARENT = "no_parent"


@dataclass(frozen=True)
class ParentRows:
    """What the children of one table need to know of their parents: for each parent key
    (the submission's raw id, and for a nested repeat the enclosing instance's path), the
    reason it was refused ('' when kept) and its source row."""

    status: dict[tuple[str, str], tuple[str, int]]
    typed: dict[tuple[str, str], dict[str, object]]


def repeat_questions(questionnaire: Questionnaire, repeat: str) -> list[Question]:
    """The questions asked directly in ``repeat`` (not in a repeat nested inside it)."""
    return [
        q
        for q in questionnaire.questions(into_repeats=True)
        if questionnaire.repeat_of(q.name) == repeat
    ]


def clean_tables(
    raw_tables: dict[str, pd.DataFrame],
    questionnaire: Questionnaire,
    config: CleaningConfig,
    key: bytes,
    parent: ParentRows,
) -> dict[str, CleanResult]:
    """Clean every child table (parents before children, as the form lists them).

    ``parent`` describes the cleaned respondent table (:func:`respondent_parents`); the
    status of each cleaned child table becomes the parent status of the repeats nested in it.
    """
    out: dict[str, CleanResult] = {}
    parents = {None: parent}
    for repeat in questionnaire.tables():
        if repeat not in raw_tables:
            continue
        # a nested repeat whose enclosing repeat's table is absent has no parent rows
        enclosing = parents.get(questionnaire.repeat_of(repeat), ParentRows({}, {}))
        result, own = clean_table(raw_tables[repeat], questionnaire, repeat, config, key, enclosing)
        parents[repeat] = own
        out[repeat] = result
    return out


def respondent_parents(result: CleanResult, questionnaire: Questionnaire) -> ParentRows:
    """The cleaned respondent table as parent, keyed by the pseudonymised respondent id (the
    children's parent ids are pseudonymised with the same key). A kept row decides over a
    quarantined one of the same id (the duplicate cleaning set aside)."""
    status: dict[tuple[str, str], tuple[str, int]] = {}
    values: dict[tuple[str, str], dict[str, object]] = {}
    id_column = questionnaire.respondent_id
    for rid, row, why in zip(
        result.quarantine[id_column], result.quarantine["_source_row"],
        result.quarantine["_reason"], strict=True,
    ):  # fmt: skip
        if not is_missing(rid):
            status.setdefault((str(rid), ""), (str(why), int(row)))
    answers = _for_expressions(result.data, questionnaire.variables())
    records = answers.to_dict("records")
    for i, (rid, row) in enumerate(
        zip(result.data["respondent_id"], result.data["_source_row"], strict=True)
    ):
        status[(str(rid), "")] = ("", int(row))
        values[(str(rid), "")] = records[i]
    return ParentRows(status, values)


def _for_expressions(data: pd.DataFrame, variables: list[Variable]) -> pd.DataFrame:
    """Clean answers as expressions read them: numbers as floats (NaN missing)."""
    return pd.DataFrame(
        {
            v.name: pd.to_numeric(data[v.name], errors="coerce").astype(float)
            if v.is_numeric
            else data[v.name]
            for v in variables
            if v.name in data.columns
        },
        index=data.index,
    )


def clean_with_tables(
    raw: Any, questionnaire: Questionnaire, config: CleaningConfig, key: bytes
) -> CleanResult:
    """Clean the respondent table, then every child table the source holds
    (``raw.tables``); the children's results are ``result.tables`` and their counts
    ``result.summary["tables"]`` (only for a form with repeats)."""
    result = clean(raw, questionnaire, config, key)
    tables = getattr(raw, "tables", {}) or {}
    if questionnaire.tables():
        parent = respondent_parents(result, questionnaire)
        result.tables = clean_tables(tables, questionnaire, config, key, parent)
        result.summary["tables"] = {
            repeat: child.summary for repeat, child in result.tables.items()
        }
    return result


def clean_table(
    raw: pd.DataFrame,
    questionnaire: Questionnaire,
    repeat: str,
    config: CleaningConfig,
    key: bytes,
    parent: ParentRows,
) -> tuple[CleanResult, ParentRows]:
    """Clean one child table; returns its result and its rows as parents of nested repeats."""
    variables = [v for v in questionnaire.variables(table=repeat) if not v.pii]
    n = len(raw)
    raw_parent_ids = [_text(x) for x in _column(raw, PARENT_ID, n)]
    paths = [_text(x) or "" for x in _column(raw, PARENT_INDEX, n)]
    indices = [_text(x) or "" for x in _column(raw, INDEX, n)]
    run = _Run(
        questionnaire=questionnaire,
        config=config,
        work={v.name: [_raw_cell(x) for x in _column(raw, v.name, n)] for v in variables},
        ids=[None if x is None else pseudonymise(x, key) for x in raw_parent_ids],
        source_rows=list(range(2, n + 2)),
    )
    normalise(run, variables)
    check_parents(run, paths, parent, repeat)
    check_duplicate_instances(run, paths, indices)
    check_empty_rows(run, variables)
    check_values(run, variables)
    context = _parent_context(run.ids, paths, parent)
    unchecked = check_repeat_relevance(run, questionnaire, repeat, variables, context)
    check_skip_logic(run, variables, repeat_questions(questionnaire, repeat), context)
    check_empty_rows(run, variables)
    result = assemble_table(run, raw, questionnaire, repeat, variables, paths, indices)
    if unchecked:
        result.summary["unchecked_relevance"] = unchecked
    return result, _own_parent_rows(run, paths, indices, variables, parent)


def _column(raw: pd.DataFrame, name: str, n: int) -> list[Any]:
    return list(raw[name]) if name in raw.columns else [None] * n


def _raw_cell(value: object) -> str | None:
    return None if is_missing(value) else str(value)


def _text(value: object) -> str | None:
    return None if is_missing(value) or not str(value).strip() else str(value).strip()


def check_parents(run: _Run, paths: list[str], parent: ParentRows, repeat: str) -> None:
    """Set aside each child row whose parent was refused or is not in the data."""
    for i in run.active():
        rid = run.ids[i]
        if rid is None:
            _refuse(run, i, NO_PARENT, f"the {repeat} row names no parent submission")
            continue
        found = parent.status.get((rid, paths[i]))
        if found is None:
            where = f" (enclosing instance {paths[i]})" if paths[i] else ""
            _refuse(run, i, NO_PARENT, f"its parent submission{where} is not in the data")
        elif found[0]:
            _refuse(
                run,
                i,
                PARENT_REFUSED,
                f"its parent (source row {found[1]}) was quarantined ({found[0]})",
            )


def _refuse(run: _Run, i: int, rule: str, why: str) -> None:
    run.log.append(
        {
            "respondent_id": run.ids[i] or "",
            "source_row": run.source_rows[i],
            "variable": "",
            "rule": rule,
            "old_value": "",
            "new_value": "",
            "action": Action.quarantine.value,
        }
    )
    run.reasons[i].append(f"{rule}: {why}")


def check_repeat_relevance(
    run: _Run,
    questionnaire: Questionnaire,
    repeat: str,
    variables: list[Variable],
    context: pd.DataFrame,
) -> str:
    """Instances of a repeat whose ``relevant`` is False for their parent (the roster of a
    household that said it has no members) break the skip logic: each answer gets the
    skip_violation action (an instance emptied so is then an empty row). Returns why the
    rule could not be evaluated ('' when it was, or there is none): a rule on what the data
    do not hold (``position()``, a calculate) leaves the instances as they are, said so in
    the summary."""
    question = questionnaire.question(repeat)
    if not question.relevant:
        return ""
    try:
        relevant = condition(question.relevant, context, questionnaire, question, "relevant")
    except InputError as exc:
        return exc.message
    quarantine = run.config.action(Rule.skip_violation) is Action.quarantine
    for i in run.active():
        if relevant[i]:
            continue
        for variable in variables:
            if run.work[variable.name][i] is not None:
                run.value_rule(i, variable, Rule.skip_violation)
                if quarantine:
                    break
    return ""


def check_duplicate_instances(run: _Run, paths: list[str], indices: list[str]) -> None:
    """Two rows for the same instance (same parent, same position) cannot both be kept."""
    first: dict[tuple, int] = {}
    for i in run.active():
        instance = (run.ids[i], paths[i], indices[i])
        if instance in first:
            run.row_rule(
                i,
                Rule.duplicate_id,
                f"same parent and position as source row {run.source_rows[first[instance]]}",
            )
        else:
            first[instance] = i


def _parent_context(ids: list[str | None], paths: list[str], parent: ParentRows) -> pd.DataFrame:
    """The parent's answers beside each child row, for skip logic that reads them."""
    rows = [parent.typed.get((rid or "", path), {}) for rid, path in zip(ids, paths, strict=True)]
    return pd.DataFrame(rows, index=range(len(rows)))


def _own_parent_rows(
    run: _Run,
    paths: list[str],
    indices: list[str],
    variables: list[Variable],
    parent: ParentRows,
) -> ParentRows:
    """This table's rows as parents of a repeat nested in it: keyed by the submission id
    and the instance's own path (``<parent path>.<index>``), with the answers a nested
    repeat's skip logic may read (its ancestors' too)."""
    status: dict[tuple[str, str], tuple[str, int]] = {}
    typed: dict[tuple[str, str], dict[str, object]] = {}
    columns = {v.name: typed_column(run.work[v.name], v, for_expressions=True) for v in variables}
    for i, rid in enumerate(run.ids):
        if rid is None:
            continue
        own = f"{paths[i]}.{indices[i]}" if paths[i] else indices[i]
        status.setdefault((rid, own), ("; ".join(run.reasons[i]), run.source_rows[i]))
        above = parent.typed.get((rid, paths[i]), {})
        typed.setdefault((rid, own), {**above, **{k: c.iat[i] for k, c in columns.items()}})
    return ParentRows(status, typed)


def assemble_table(
    run: _Run,
    raw: pd.DataFrame,
    questionnaire: Questionnaire,
    repeat: str,
    variables: list[Variable],
    paths: list[str],
    indices: list[str],
) -> CleanResult:
    """The clean child table, its log, its quarantine and its counts."""
    kept = run.active()
    refused = [i for i in range(len(run.reasons)) if run.reasons[i]]
    data = pd.DataFrame(index=range(len(kept)))
    data[PARENT_ID] = pd.array([run.ids[i] for i in kept], dtype="string")
    data[PARENT_INDEX] = pd.array([paths[i] for i in kept], dtype="string")
    data[INDEX] = pd.array([int(indices[i]) if indices[i].isdigit() else None for i in kept],
                           dtype="Int64")  # fmt: skip
    for variable in variables:
        column = run.work[variable.name]
        data[variable.name] = typed_column([column[i] for i in kept], variable)
    data["_source_row"] = pd.array([run.source_rows[i] for i in kept], dtype="Int64")
    data[FLAGS_COLUMN] = pd.array(
        [FLAG_SEPARATOR.join(run.flags[i]) or None for i in kept], dtype="string"
    )
    pii = {v.name for v in questionnaire.variables(table=repeat) if v.pii}
    quarantine = pd.DataFrame(
        {
            c: [None if is_missing(x) else x for x in raw[c].iloc[refused]]
            for c in raw.columns
            if c not in pii
        },
        index=range(len(refused)),
        dtype=object,
    )
    quarantine[PARENT_ID] = [run.ids[i] for i in refused]
    quarantine["_source_row"] = pd.array([run.source_rows[i] for i in refused], dtype="Int64")
    quarantine["_reason"] = ["; ".join(run.reasons[i]) for i in refused]
    log = pd.DataFrame(run.log, columns=LOG_COLUMNS)
    log = log.sort_values("source_row", kind="stable").reset_index(drop=True)
    return CleanResult(data, log, quarantine, table_summary(run, repeat, questionnaire))


def table_summary(run: _Run, repeat: str, questionnaire: Questionnaire) -> dict[str, Any]:
    """Counts of one child table: rows in, kept, quarantined, and why."""
    refused = sum(1 for r in run.reasons if r)
    by_rule = Counter(row["rule"] for row in run.log)
    return {
        "table": repeat,
        "parent": questionnaire.repeat_of(repeat),
        "rows_in": len(run.source_rows),
        "rows_kept": len(run.source_rows) - refused,
        "rows_quarantined": refused,
        "parent_quarantined": by_rule.get(PARENT_REFUSED, 0),
        "no_parent": by_rule.get(NO_PARENT, 0),
        "rules": dict(sorted(by_rule.items())),
    }


def describe_counts(summary: dict[str, Any]) -> str:
    """One line for the command's output."""
    return (
        f"{summary['rows_in']} rows of repeat {summary['table']}: {summary['rows_kept']} kept, "
        f"{summary['rows_quarantined']} quarantined ({summary['parent_quarantined']} with "
        f"their parent, {summary['no_parent']} without a parent in the data)"
    )


