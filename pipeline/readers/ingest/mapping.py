"""Map a source table's columns onto the questionnaire's variable names.

A header is matched, in order: by exact variable name; case-insensitively; as Kobo/ODK
metadata; through its group path (``g1/g2/q``, ``g1-g2-q``, a select-multiple option column
``q/option``); by label (a variable's or question's label in vi or en, compared after NFC,
case folding and collapsing whitespace; Kobo "labels" exports). A label that fits more than
one variable maps to none. What matches nothing is listed in ``unmapped``.

A select-multiple question becomes its 0/1 dichotomies ``<question>_<code>``, taken from
option columns where the source has them, else derived from the space-separated column.
In Kobo/ODK exports, option labels in place of codes ("labels" export) are translated back
to codes; elsewhere values are kept as typed (cleaning decides).

The project's XLSForm has no respondent-id question, so a Kobo/ODK export without a
respondent-id column takes the submission's own id as respondent id: Kobo ``_uuid``,
else ``meta/instanceID``, else ODK Central's ``KEY`` (the metadata column is kept too).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from pipeline.core.columns import column_letter
from pipeline.core.errors import InputError
from pipeline.core.labels import Option
from pipeline.core.simulated import is_simulated
from pipeline.model.questionnaire import Question, Questionnaire, QuestionType, Variable
from pipeline.readers.ingest import kobo, odk
from pipeline.readers.ingest.responses import RawResponses
from pipeline.readers.ingest.table import SourceTable, check_unique_headers

Flavour = Literal["plain", "kobo", "odk"]
MISSING_SHARE_FOR_OTHER_VERSION = 0.5
SUBMISSION_IDS = ("_uuid", "_instance_id", "_key")


@dataclass(frozen=True)
class Target:
    """What a source column becomes: a variable, a select-multiple's list column, metadata."""

    kind: Literal["variable", "multiple", "metadata"]
    name: str


def fold(text: str) -> str:
    """Comparison key for names and labels: NFC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def detect_flavour(headers: list[str]) -> Flavour:
    if odk.is_odk(headers):
        return "odk"
    if kobo.is_kobo(headers):
        return "kobo"
    return "plain"


@dataclass
class Vocabulary:
    """The questionnaire's names and labels, indexed for header matching."""

    by_name: dict[str, Target] = field(default_factory=dict)
    by_fold: dict[str, Target] = field(default_factory=dict)
    by_label: dict[str, set[Target]] = field(default_factory=dict)
    # (parent key, child key) → variable: select-multiple options and grid items
    by_pair: dict[tuple[str, str], set[Target]] = field(default_factory=dict)

    @classmethod
    def of(cls, q: Questionnaire) -> Vocabulary:
        vocab = cls()
        vocab._add_name(q.respondent_id, Target("variable", q.respondent_id))
        for v in q.variables():
            target = Target("variable", v.name)
            vocab._add_name(v.name, target)
            if v.option is None:
                vocab._add_labels((v.label.vi, v.label.en), target)
        for question in q.questions():
            vocab._add_question(q, question)
        return vocab

    def _add_question(self, q: Questionnaire, question: Question) -> None:
        parents = {fold(question.name)} | _label_keys(question.label.vi, question.label.en)
        children: list[tuple[set[str], Target]] = []
        if question.type is QuestionType.multiple:
            target = Target("multiple", question.name)
            self._add_name(question.name, target)
            self._add_labels((question.label.vi, question.label.en), target)
            clist = q.choice_list(question)
            for opt in clist.substantive() if clist else []:
                keys = {fold(str(opt.code))} | _label_keys(opt.label.vi, opt.label.en)
                children.append((keys, Target("variable", f"{question.name}_{opt.code}")))
        elif question.type is QuestionType.likert_grid:
            for item in question.items:
                keys = {fold(item.name)} | _label_keys(item.label.vi, item.label.en)
                children.append((keys, Target("variable", item.name)))
        for parent in parents:
            for keys, target in children:
                for child in keys:
                    self.by_pair.setdefault((parent, child), set()).add(target)

    def _add_name(self, name: str, target: Target) -> None:
        self.by_name[name] = target
        self.by_fold.setdefault(fold(name), target)

    def _add_labels(self, labels: tuple[str | None, ...], target: Target) -> None:
        for key in _label_keys(*labels):
            self.by_label.setdefault(key, set()).add(target)

    def by_any_name(self, name: str) -> Target | None:
        return self.by_name.get(name) or self.by_fold.get(fold(name))

    def by_unique_label(self, label: str) -> Target | None:
        found = self.by_label.get(fold(label), set())
        return next(iter(found)) if len(found) == 1 else None

    def by_unique_pair(self, parent: str, child: str) -> Target | None:
        found = self.by_pair.get((fold(parent), fold(child)), set())
        return next(iter(found)) if len(found) == 1 else None


def _label_keys(*labels: str | None) -> set[str]:
    return {fold(label) for label in labels if label}


def _codes_by_label(options: Iterable[Option]) -> dict[str, str]:
    """Each option label's comparison key (vi and en) → the option's code as text."""
    return {
        key: str(o.code)
        for o in options
        if o.code is not None
        for key in _label_keys(o.label.vi, o.label.en)
    }


def resolve(header: str, vocab: Vocabulary, flavour: Flavour) -> Target | None:
    """The target of one source header, or None (see module doc for the order)."""
    target = vocab.by_any_name(header)
    if target:
        return target
    meta = metadata_name(header, flavour)
    if meta:
        return Target("metadata", meta)
    parts = odk.segments(header) if flavour == "odk" else kobo.segments(header)
    if len(parts) >= 2:
        target = vocab.by_unique_pair(parts[-2], parts[-1])
        if target:
            return target
        joiner = "-" if flavour == "odk" else "/"
        for k in range(len(parts) - 1, 0, -1):
            target = vocab.by_any_name(joiner.join(parts[-k:]))
            if target:
                return target
    target = vocab.by_unique_label(header)
    if target:
        return target
    labels = kobo.segments(header)
    if len(labels) >= 2:
        return vocab.by_unique_pair(labels[-2], labels[-1]) or vocab.by_unique_label(labels[-1])
    return None


def metadata_name(header: str, flavour: Flavour) -> str | None:
    if flavour == "kobo":
        return kobo.metadata_name(header)
    if flavour == "odk":
        return odk.metadata_name(header)
    return header if header.startswith("_") else None


# ---- the table as it is, for sources without a questionnaire ----------------------------


def check_headers(table: SourceTable) -> None:
    """Refuse duplicate headers, naming both column positions."""
    check_unique_headers(table.path, table.headers)


def unmapped_table(table: SourceTable, fmt: str) -> RawResponses:
    """The source's own columns, unrenamed (for comparing files without a questionnaire)."""
    check_headers(table)
    columns = {
        h or _blank_name(j): [row[j] for row in table.rows]
        for j, h in enumerate(table.headers)
        if h or _has_values(table, j)
    }
    data = pd.DataFrame(columns, dtype=object)
    return RawResponses(data, list(table.row_numbers), table.path, [], is_simulated(data), [], fmt)


def _blank_name(j: int) -> str:
    return f"(blank header, column {column_letter(j)})"


def _has_values(table: SourceTable, j: int) -> bool:
    return any(row[j] is not None and row[j].strip() for row in table.rows)


# ---- mapping onto the questionnaire ------------------------------------------------------


def map_table(
    table: SourceTable, q: Questionnaire, fmt: str, flavour: Flavour | None = None
) -> RawResponses:
    """Rename a source table onto the questionnaire's variables (see module doc)."""
    check_headers(table)
    flavour = flavour or detect_flavour(table.headers)
    vocab = Vocabulary.of(q)
    targets, unmapped = _targets(table, vocab, flavour)
    id_from = _submission_id_column(targets, q, flavour)
    if id_from is not None:
        table.headers.append(table.headers[id_from])
        for row in table.rows:
            row.append(row[id_from])
        targets[len(table.headers) - 1] = Target("variable", q.respondent_id)
    variables = q.variables()
    _check_coverage(table, q, variables, targets)
    if flavour == "plain":
        _drop_label_row(table, q, targets)
    columns: dict[str, list[str | None]] = {}
    lists: dict[str, int] = {}
    by_name = {v.name: v for v in variables}
    for j, target in targets.items():
        values = [row[j] for row in table.rows]
        if target.kind == "multiple":
            lists[target.name] = j
        elif target.kind == "variable" and target.name in by_name and flavour != "plain":
            columns[target.name] = _codes_for_labels(values, by_name[target.name])
        else:
            columns[target.name] = values
    for question in q.questions():
        if question.type is QuestionType.multiple and question.name in lists:
            names = [v.name for v in variables if v.question.name == question.name]
            if not any(n in columns for n in names):
                columns.update(_dichotomies(table, lists[question.name], q, question, flavour))
    missing = [v.name for v in variables if v.name not in columns]
    n = len(table.rows)
    ordered = {q.respondent_id: columns[q.respondent_id]}
    ordered.update({v.name: columns.get(v.name, [None] * n) for v in variables})
    ordered.update({k: v for k, v in columns.items() if k not in ordered})
    _add_duration(ordered, n)
    data = pd.DataFrame(ordered, dtype=object)
    return RawResponses(
        data=data,
        source_rows=list(table.row_numbers),
        source=table.path,
        unmapped=unmapped,
        simulated=is_simulated(data),
        missing=missing,
        format=fmt if flavour == "plain" else f"{flavour} {fmt}",
    )


def _targets(
    table: SourceTable, vocab: Vocabulary, flavour: Flavour
) -> tuple[dict[int, Target], list[str]]:
    targets: dict[int, Target] = {}
    claimed: dict[Target, int] = {}
    unmapped: list[str] = []
    for j, header in enumerate(table.headers):
        if not header:
            if _has_values(table, j):
                unmapped.append(_blank_name(j))
            continue
        target = resolve(header, vocab, flavour)
        if target is None:
            unmapped.append(header)
            continue
        if target in claimed:
            other = claimed[target]
            raise InputError(
                f"columns {table.headers[other]!r} ({column_letter(other)}) and {header!r} "
                f"({column_letter(j)}) both map to {target.kind} {target.name!r}; keep one",
                file=table.path,
                row=1,
                column=header,
            )
        claimed[target] = j
        targets[j] = target
    return targets, unmapped


def _submission_id_column(
    targets: dict[int, Target], q: Questionnaire, flavour: Flavour
) -> int | None:
    """Kobo/ODK without a respondent-id column: the column of the submission id, if any."""
    if flavour == "plain" or any(t.name == q.respondent_id for t in targets.values()):
        return None
    by_meta = {t.name: j for j, t in targets.items() if t.kind == "metadata"}
    return next((by_meta[m] for m in SUBMISSION_IDS if m in by_meta), None)


def _check_coverage(
    table: SourceTable, q: Questionnaire, variables: list[Variable], targets: dict[int, Target]
) -> None:
    """Another questionnaire version, or a required column missing: refuse the file."""
    present = {t.name for t in targets.values()}
    multiple = {t.name for t in targets.values() if t.kind == "multiple"}
    missing = [
        v.name for v in variables if v.name not in present and v.question.name not in multiple
    ]
    if len(missing) > MISSING_SHARE_FOR_OTHER_VERSION * len(variables):
        shown = ", ".join(missing[:12]) + (" ..." if len(missing) > 12 else "")
        raise InputError(
            f"{len(missing)} of the {len(variables)} variables of questionnaire "
            f"{q.form_id!r} version {q.version!r} are missing ({shown}); the file looks like "
            "another version of the questionnaire, or another survey",
            file=table.path,
        )
    for name, role in ((q.respondent_id, "respondent id"), (q.stratum.variable, "stratum")):
        if name not in present:
            raise InputError(
                f"no column for the {role} variable {name!r} (matched by name, case, group "
                "path and label); the file's columns are "
                + ", ".join(repr(h) for h in table.headers if h),
                file=table.path,
                column=name,
            )


def _codes_for_labels(values: list[str | None], variable: Variable) -> list[str | None]:
    """Kobo/ODK "labels" exports: an option label in place of a code becomes the code."""
    if variable.option is not None or not variable.options:
        return values
    codes = {str(o.code) for o in variable.options}
    by_label = _codes_by_label(variable.options)
    return [
        by_label.get(fold(v), v) if v is not None and v.strip() not in codes else v for v in values
    ]


def _dichotomies(
    table: SourceTable, j: int, q: Questionnaire, question: Question, flavour: Flavour
) -> dict[str, list[str | None]]:
    """0/1 columns from a space-separated select-multiple column (codes, or labels)."""
    clist = q.choice_list(question)
    options = clist.options if clist else []
    substantive = [o for o in options if not o.missing]
    missing_codes = {str(o.code) for o in options if o.missing}
    out: dict[str, list[str | None]] = {f"{question.name}_{o.code}": [] for o in substantive}
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        cell = row[j]
        chosen = _selected_codes(cell, options, labels=flavour != "plain")
        if chosen is None:
            raise InputError(
                f"{cell!r} is not a space-separated list of the codes "
                f"{' '.join(str(o.code) for o in options)} of {question.name!r}; the form "
                "that collected it may be another version of the questionnaire",
                file=table.path,
                row=number,
                column=table.headers[j],
            )
        flagged = [c for c in chosen if c in missing_codes]
        for o in substantive:
            name = f"{question.name}_{o.code}"
            if not chosen:
                out[name].append(None)
            elif flagged:
                # a special-missing answer (refused ...) applies to every dichotomy of the set
                out[name].append(flagged[0])
            else:
                out[name].append("1" if str(o.code) in chosen else "0")
    return out


def _selected_codes(cell: str | None, options: list[Option], labels: bool) -> list[str] | None:
    """The codes in a select-multiple cell, [] for blank, None when it cannot be read."""
    if cell is None or not cell.strip():
        return []
    codes = {str(o.code) for o in options if o.code is not None}
    tokens = cell.split()
    if all(t in codes for t in tokens):
        return tokens
    if not labels:
        return None
    by_label = {tuple(key.split()): code for key, code in _codes_by_label(options).items()}
    return _split_labels(tuple(fold(cell).split()), by_label)


def _split_labels(words: tuple[str, ...], by_label: dict[tuple[str, ...], str]) -> list[str] | None:
    """Read words as a sequence of option labels (labels contain spaces), longest first."""
    if not words:
        return []
    for k in range(len(words), 0, -1):
        code = by_label.get(words[:k])
        if code is not None:
            rest = _split_labels(words[k:], by_label)
            if rest is not None:
                return [code, *rest]
    return None


def _drop_label_row(table: SourceTable, q: Questionnaire, targets: dict[int, Target]) -> None:
    """The data-entry template's optional second header row of labels is not data."""
    if not table.rows:
        return
    first = table.rows[0]
    id_columns = [j for j, t in targets.items() if t.name == q.respondent_id] or [0]
    id_cell = first[id_columns[0]]
    if id_cell and any(ch.isdigit() for ch in id_cell):
        return
    verdicts = [
        _looks_like_label(first[j], q.variable(t.name))
        for j, t in targets.items()
        if t.kind == "variable" and t.name != q.respondent_id and first[j]
    ]
    if verdicts and sum(verdicts) * 2 > len(verdicts):
        del table.rows[0]
        del table.row_numbers[0]
        if not table.rows:
            raise InputError("no data rows: the file has header rows only", file=table.path)


def _looks_like_label(cell: str, variable: Variable) -> bool:
    key = fold(cell)
    if key in {fold(variable.name)} | _label_keys(variable.label.vi, variable.label.en):
        return True
    if variable.question.label and key in _label_keys(
        variable.question.label.vi, variable.question.label.en
    ):
        return True
    if variable.is_numeric:
        option_labels = set()
        for o in variable.options:
            option_labels |= _label_keys(o.label.vi, o.label.en)
        # words where a code or number belongs; a mistyped code ("1.0") is not a label
        return any(ch.isalpha() for ch in cell) and key not in option_labels
    return False


def _add_duration(columns: dict[str, list[str | None]], n: int) -> None:
    """``_duration_seconds`` from Kobo/ODK ``_start`` and ``_end`` when the source has them."""
    if "_duration_seconds" in columns or "_start" not in columns or "_end" not in columns:
        return
    columns["_duration_seconds"] = [
        _seconds_between(a, b) for a, b in zip(columns["_start"], columns["_end"], strict=True)
    ]


def _seconds_between(start: str | None, end: str | None) -> str | None:
    try:
        a = dt.datetime.fromisoformat((start or "").strip())
        b = dt.datetime.fromisoformat((end or "").strip())
        return str(round((b - a).total_seconds()))
    except (ValueError, TypeError):
        return None
