"""Map a source table's columns onto the questionnaire's variable names.

A header is matched, in order: by exact variable name; case-insensitively; as Kobo/ODK
metadata; through its group path (``g1/g2/q``, ``g1-g2-q``, a select-multiple option column
``q/option``); by label (a variable's or question's label in vi or en, compared after NFC,
case folding and collapsing whitespace; Kobo "labels" exports). A label that fits more than
one variable maps to none. What matches nothing is listed in ``unmapped``.

A select-multiple question becomes its 0/1 dichotomies ``<question>_<code>``, taken from
option columns where the source has them (``q/<name>``, ``q/<code>`` or ``q/<label>``; Kobo's
``True``/``False`` read as 1/0), else derived from the space-separated column (names, codes or
labels). An option's XLSForm name (``yes``, ``dont_know``) is replaced by its numeric code in
every source, since the form defines it; in Kobo/ODK exports option labels in place of codes
("labels" export) are translated back to codes too, and Kobo's ``n/a`` (not asked) is an
empty answer; elsewhere values are kept as typed (cleaning decides). Kobo's HXL hashtag row
(``#date``, ``#adm1`` ... under the header) is a second header row, not a respondent.

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
from pipeline.readers.ingest import central, kobo, odk
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
                vocab._add_labels(tuple(v.label.as_dict().values()), target)
        for question in q.questions():
            vocab._add_question(q, question)
        return vocab

    def _add_question(self, q: Questionnaire, question: Question) -> None:
        parents = {fold(question.name)} | _label_keys(*question.label.as_dict().values())
        children: list[tuple[set[str], Target]] = []
        if question.type is QuestionType.multiple:
            target = Target("multiple", question.name)
            self._add_name(question.name, target)
            self._add_labels(tuple(question.label.as_dict().values()), target)
            for opt in [o for o in q.answer_options(question) if not o.missing]:
                keys = {fold(str(opt.code)), fold(opt.value)} | _option_label_keys(opt)
                children.append((keys, Target("variable", f"{question.name}_{opt.code}")))
        elif question.type is QuestionType.likert_grid:
            for item in question.items:
                keys = {fold(item.name)} | _label_keys(*item.label.as_dict().values())
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


def _option_label_keys(option: Option) -> set[str]:
    """The option's label in every language it has."""
    return _label_keys(*option.label.as_dict().values())


def _codes_by_label(options: Iterable[Option]) -> dict[str, str]:
    """Each option label's comparison key (every language) → the option's code as text."""
    return {
        key: str(o.code) for o in options if o.code is not None for key in _option_label_keys(o)
    }


def _codes_by_name(options: Iterable[Option]) -> dict[str, str]:
    """Each option's XLSForm name (when it is not the code itself) → its code as text."""
    return {o.name: str(o.code) for o in options if o.name is not None and o.code is not None}


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
    table: SourceTable,
    q: Questionnaire,
    fmt: str,
    flavour: Flavour | None = None,
    repeat_sheets: dict[str, SourceTable] | None = None,
    central_tables: dict[str, SourceTable] | None = None,
) -> RawResponses:
    """Rename a source table onto the questionnaire's variables (see module doc);
    ``repeat_sheets``: a Kobo XLSX export's sheet of each repeat, by repeat name;
    ``central_tables``: an ODK Central export's CSV of each repeat, by repeat name."""
    check_headers(table)
    flavour = flavour or detect_flavour(table.headers)
    vocab = Vocabulary.of(q)
    repeat_columns = _repeat_columns(table, q)
    targets, unmapped = _targets(table, vocab, flavour, skip=set(repeat_columns))
    id_from = _submission_id_column(targets, q, flavour)
    if id_from is not None:
        table.headers.append(table.headers[id_from])
        for row in table.rows:
            row.append(row[id_from])
        targets[len(table.headers) - 1] = Target("variable", q.respondent_id)
    variables = q.variables()
    _check_coverage(table, q, variables, targets)
    _drop_hxl_row(table)
    if flavour == "plain":
        _drop_label_row(table, q, targets)
    columns: dict[str, list[str | None]] = {}
    lists: dict[str, int] = {}
    by_name = {v.name: v for v in variables}
    for j, target in targets.items():
        values = [row[j] for row in table.rows]
        if flavour == "kobo":
            values = [None if v is not None and v.strip() == KOBO_NOT_ASKED else v for v in values]
        if target.kind == "multiple":
            lists[target.name] = j
        elif target.kind == "variable" and target.name in by_name:
            columns[target.name] = _codes_for_labels(
                values, by_name[target.name], labels=flavour != "plain"
            )
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
    tables = _child_tables(table, q, repeat_columns, ordered[q.respondent_id], flavour)
    if repeat_sheets:
        main_ids = dict(
            zip(ordered.get(kobo.ROW_INDEX, []), ordered[q.respondent_id], strict=False)
        )
        sheet_tables, sheet_unmapped = _sheet_child_tables(repeat_sheets, q, main_ids, flavour)
        tables.update(sheet_tables)
        unmapped = [*unmapped, *sheet_unmapped]
    if central_tables:
        main_ids = dict(zip(ordered.get("_key", []), ordered[q.respondent_id], strict=False))
        found, central_unmapped = _central_child_tables(central_tables, q, main_ids)
        tables.update(found)
        unmapped = [*unmapped, *central_unmapped]
    return RawResponses(
        data=data,
        source_rows=list(table.row_numbers),
        source=table.path,
        unmapped=unmapped,
        simulated=is_simulated(data),
        missing=missing,
        format=fmt if flavour == "plain" else f"{flavour} {fmt}",
        tables=tables,
    )


def _repeat_columns(table: SourceTable, q: Questionnaire) -> dict[int, tuple]:
    """Columns of a wide export that hold a repeat's answers (``children[2]/childs_age``),
    when the repeat and the question are the questionnaire's: index -> (repeat, indices,
    variable)."""
    tables = set(q.tables())
    names = {t: {v.name for v in q.variables(table=t)} for t in tables}
    out = {}
    for j, header in enumerate(table.headers):
        found = kobo.repeat_path(header) if header else None
        if found and found[0] in tables and found[2] in names[found[0]]:
            out[j] = found
    return out


def _sheet_child_tables(
    sheets: dict[str, SourceTable],
    q: Questionnaire,
    main_ids: dict[str | None, str | None],
    flavour: Flavour,
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Kobo XLSX repeat sheets as child tables. A row's parent is the row of the sheet named
    in ``_parent_table_name`` whose ``_index`` is its ``_parent_index``: the main sheet (the
    submission) or another repeat's sheet (a repeat in a repeat), whose own parent is looked
    up the same way."""
    parents: dict[tuple[str, str | None], tuple[str | None, str]] = {}
    out: dict[str, pd.DataFrame] = {}
    unmapped: list[str] = []
    for repeat in q.tables():  # parents before children, as in the form
        sheet = sheets.get(repeat)
        if sheet is None:
            continue
        check_headers(sheet)
        variables = q.variables(table=repeat)
        columns = _sheet_columns(sheet, variables)
        unmapped += [
            f"{repeat}: {h}"
            for j, h in enumerate(sheet.headers)
            if h and j not in columns and not h.startswith("_")
        ]
        position = {h: j for j, h in enumerate(sheet.headers)}
        counts: dict[tuple[str | None, str | None], int] = {}
        rows = []
        for row in sheet.rows:
            cell = {k: row[j] if k in position else None for k, j in position.items()}
            parent_key = (cell.get(kobo.PARENT_TABLE), cell.get(kobo.PARENT_INDEX))
            parent_id, parent_path = parents.get(
                (str(parent_key[0] or "")[: kobo.EXCEL_SHEET_NAME_CHARS], parent_key[1]),
                (main_ids.get(parent_key[1]), ""),
            )
            counts[parent_key] = counts.get(parent_key, 0) + 1
            index = str(counts[parent_key])
            own_path = f"{parent_path}.{index}" if parent_path else index
            parents[(repeat[: kobo.EXCEL_SHEET_NAME_CHARS], cell.get(kobo.ROW_INDEX))] = (
                parent_id,
                own_path,
            )
            rows.append({"_parent_id": parent_id, "_parent_index": parent_path, "_index": index})
        for j, variable in columns.items():
            values = [row[j] for row in sheet.rows]
            values = _codes_for_labels(values, variable, labels=flavour != "plain")
            for record, value in zip(rows, values, strict=True):
                record[variable.name] = value
        names = ["_parent_id", "_parent_index", "_index", *(v.name for v in variables)]
        out[repeat] = pd.DataFrame([{n: r.get(n) for n in names} for r in rows], dtype=object)
    return out, unmapped


def _central_child_tables(
    files: dict[str, SourceTable], q: Questionnaire, main_ids: dict[str | None, str | None]
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """ODK Central repeat CSVs as child tables: a row's ``KEY`` (``uuid:…/child[2]/toy[1]``)
    names its submission and its position in each repeat on the way; the submission's
    respondent id is looked up by the main table's ``KEY`` (unknown keys are kept as they
    are, for cleaning to report)."""
    out: dict[str, pd.DataFrame] = {}
    unmapped: list[str] = []
    for repeat in q.tables():
        sheet = files.get(repeat)
        if sheet is None:
            continue
        check_headers(sheet)
        if central.KEY not in sheet.headers:
            raise InputError(
                f"an ODK Central repeat CSV needs its {central.KEY} column (and "
                f"{central.PARENT_KEY}); the columns are {', '.join(sheet.headers)}",
                file=sheet.path,
                row=1,
                column=central.KEY,
            )
        variables = q.variables(table=repeat)
        columns = _sheet_columns(sheet, variables, "odk")
        known = {central.KEY, central.PARENT_KEY}
        unmapped += [
            f"{repeat}: {h}" for j, h in enumerate(sheet.headers)
            if h and j not in columns and h not in known
        ]  # fmt: skip
        key_at = sheet.headers.index(central.KEY)
        rows = []
        for row, number in zip(sheet.rows, sheet.row_numbers, strict=True):
            key = (row[key_at] or "").strip()
            root, steps = central.key_position(key)
            if not steps:
                raise InputError(
                    f"{key!r} is not a repeat instance's key (expected "
                    "<submission key>/<path>/<repeat>[<position>])",
                    file=sheet.path,
                    row=number,
                    column=central.KEY,
                )
            rows.append(
                {
                    "_parent_id": main_ids.get(root, root),
                    "_parent_index": ".".join(str(k) for k in steps[:-1]),
                    "_index": str(steps[-1]),
                }
            )
        for j, variable in columns.items():
            values = _codes_for_labels([row[j] for row in sheet.rows], variable)
            for record, value in zip(rows, values, strict=True):
                record[variable.name] = value
        names = ["_parent_id", "_parent_index", "_index", *(v.name for v in variables)]
        out[repeat] = pd.DataFrame([{n: r.get(n) for n in names} for r in rows], dtype=object)
    return out, unmapped


def _sheet_columns(
    sheet: SourceTable, variables: list[Variable], flavour: Flavour = "kobo"
) -> dict[int, Variable]:
    """A repeat sheet's columns by the repeat's variable they hold: the header's last part is
    the variable's name, or its question and option (``q/option``) for a dichotomy."""
    by_name = {v.name: v for v in variables}
    by_option = {
        (v.question.name, key): v
        for v in variables
        if v.option is not None
        for key in (v.option.value, str(v.option.code))
    }
    out = {}
    split = odk.segments if flavour == "odk" else kobo.segments
    for j, header in enumerate(sheet.headers):
        parts = split(header or "")
        if not parts:
            continue
        found = by_name.get(parts[-1])
        if found is None and len(parts) >= 2:
            found = by_option.get((parts[-2], parts[-1]))
        if found is not None:
            out[j] = found
    return out


def _child_tables(
    table: SourceTable,
    q: Questionnaire,
    repeat_columns: dict[int, tuple],
    parent_ids: list[str | None],
    flavour: Flavour,
) -> dict[str, pd.DataFrame]:
    """One long table per repeat from the wide columns: a row per instance that has any
    answer (an instance with every answer empty was not asked)."""
    out: dict[str, pd.DataFrame] = {}
    for repeat in q.tables():
        variables = q.variables(table=repeat)
        by_name = {v.name: v for v in variables}
        instances: dict[tuple[int, tuple[int, ...]], dict[str, str | None]] = {}
        for j, (name, indices, variable) in repeat_columns.items():
            if name != repeat:
                continue
            values = [row[j] for row in table.rows]
            values = _codes_for_labels(values, by_name[variable], labels=flavour != "plain")
            for i, value in enumerate(values):
                if flavour == "kobo" and value is not None and value.strip() == KOBO_NOT_ASKED:
                    value = None
                instances.setdefault((i, indices), {})[variable] = value
        rows = [
            {
                "_parent_id": parent_ids[i],
                "_parent_index": ".".join(str(k) for k in indices[:-1]),
                "_index": str(indices[-1]),
                **{v.name: answers.get(v.name) for v in variables},
            }
            for (i, indices), answers in sorted(instances.items())
            if any(a is not None and a.strip() for a in answers.values())
        ]
        if rows:
            out[repeat] = pd.DataFrame(rows, dtype=object)
    return out


def _targets(
    table: SourceTable, vocab: Vocabulary, flavour: Flavour, skip: set[int] | None = None
) -> tuple[dict[int, Target], list[str]]:
    targets: dict[int, Target] = {}
    claimed: dict[Target, int] = {}
    unmapped: list[str] = []
    for j, header in enumerate(table.headers):
        if skip and j in skip:
            continue  # a repeat's column: it goes to the repeat's child table
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
    roles = [(q.respondent_id, "respondent id")]
    if q.stratum is not None:
        roles.append((q.stratum.variable, "stratum"))
    for name, role in roles:
        if name not in present:
            raise InputError(
                f"no column for the {role} variable {name!r} (matched by name, case, group "
                "path and label); the file's columns are "
                + ", ".join(repr(h) for h in table.headers if h),
                file=table.path,
                column=name,
            )


KOBO_NOT_ASKED = "n/a"
KOBO_BOOLEANS = {"True": "1", "False": "0", "TRUE": "1", "FALSE": "0"}


def _codes_for_labels(
    values: list[str | None], variable: Variable, labels: bool = True
) -> list[str | None]:
    """An option's name in place of its code becomes the code; with ``labels`` (Kobo/ODK
    "labels" exports) an option label too. A 0/1 dichotomy column reads True/False as 1/0."""
    if variable.option is not None:
        return [KOBO_BOOLEANS.get(v.strip(), v) if v is not None else v for v in values]
    if not variable.options:
        return values
    codes = {str(o.code) for o in variable.options}
    by_name = _codes_by_name(variable.options)
    by_label = _codes_by_label(variable.options) if labels else {}
    out = []
    for v in values:
        if v is None or v.strip() in codes:
            out.append(v)
        elif v.strip() in by_name:
            out.append(by_name[v.strip()])
        else:
            out.append(by_label.get(fold(v), v))
    return out


def _dichotomies(
    table: SourceTable, j: int, q: Questionnaire, question: Question, flavour: Flavour
) -> dict[str, list[str | None]]:
    """0/1 columns from a space-separated select-multiple column (codes, or labels)."""
    options = q.answer_options(question)
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
    by_name = _codes_by_name(options)
    tokens = [by_name.get(t, t) for t in cell.split()]
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


def _drop_hxl_row(table: SourceTable) -> None:
    """Kobo's HXL row: every filled cell of the first data row is a hashtag (#date, #adm1)."""
    if not table.rows:
        return
    filled = [cell.strip() for cell in table.rows[0] if cell is not None and cell.strip()]
    if filled and all(_is_hxl_tag(cell) for cell in filled):
        del table.rows[0]
        del table.row_numbers[0]


def _is_hxl_tag(cell: str) -> bool:
    """``#adm1``, ``#affected +f +children``: a hashtag with optional +attributes."""
    words = cell.split()
    return (
        words[0].startswith("#")
        and len(words[0]) > 1
        and words[0][1:].replace("_", "").isalnum()
        and all(w.startswith("+") for w in words[1:])
    )


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
    if key in {fold(variable.name)} | _label_keys(*variable.label.as_dict().values()):
        return True
    if variable.question.label and key in _label_keys(*variable.question.label.as_dict().values()):
        return True
    if variable.is_numeric:
        option_labels = set()
        for o in variable.options:
            option_labels |= _option_label_keys(o) | {fold(o.value)}
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
