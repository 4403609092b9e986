"""The wave's responses as raw/<wave>.csv (docs/schemas.md), which the clean stage reads.

Rows are sorted by the random response id: the file carries no submission order. PII
answers go to raw/<wave>.contacts.csv under their own random ids, with no column that links
them to a response. Each repeat's instances go to raw/<wave>.<repeat>.csv, the child table
``survey clean`` reads beside the raw file: ``_parent_id`` (the response id),
``_parent_index``, ``_index`` and the repeat's non-PII variables, sorted by response id and
place; its PII answers go to raw/<wave>.<repeat>.contacts.csv, as the respondents' do: under
random ids, with no column that links them to an instance or a response.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.core.errors import InputError
from pipeline.core.paths import child_table_path
from pipeline.model.questionnaire import Questionnaire
from pipeline.readers.ingest import write_csv
from pipeline.stages.collect.store import Store


def responses_table(store: Store, questionnaire: Questionnaire) -> pd.DataFrame:
    """One row per response: the respondent id, every non-PII variable, ``_collector`` (the
    app-user's name) when any response came through a named app-user, and the identifying
    metadata the wave opted into (``_start``, ...)."""
    names = [v.name for v in questionnaire.variables() if not v.pii]
    rows = store.answers()
    data = {questionnaire.respondent_id: [rid for rid, _, _ in rows]}
    for name in names:
        data[name] = [answers.get(name) for _, _, answers in rows]
    if any(collector for _, collector, _ in rows):
        data["_collector"] = [collector for _, collector, _ in rows]
    kept = sorted({k for _, _, answers in rows for k in answers if k.startswith("_")})
    for name in kept:  # identifying metadata the questionnaire opts into (collect.keep_metadata)
        data[name] = [answers.get(name) for _, _, answers in rows]
    return pd.DataFrame(data, dtype=object)


def child_table(store: Store, questionnaire: Questionnaire, repeat: str) -> pd.DataFrame:
    """One row per instance of ``repeat``, keyed to its response as ``survey ingest`` keys
    child tables (``_parent_id``, ``_parent_index``, ``_index``)."""
    names = [v.name for v in questionnaire.variables(table=repeat) if not v.pii]
    rows = store.child_answers(repeat)
    data = {
        "_parent_id": [rid for rid, _ in rows],
        "_parent_index": [answers["_parent_index"] for _, answers in rows],
        "_index": [answers["_index"] for _, answers in rows],
    }
    for name in names:
        data[name] = [answers.get(name) for _, answers in rows]
    return pd.DataFrame(data, dtype=object)


def contacts_table(
    store: Store, questionnaire: Questionnaire, repeat: str | None = None
) -> pd.DataFrame:
    """The PII answers of the respondents (``repeat`` None) or of one repeat's instances:
    ``contact_id`` (random) and the table's PII variables, one row per row that gave any."""
    names = [v.name for v in questionnaire.variables(table=repeat) if v.pii]
    rows = store.contact_rows() if repeat is None else store.child_contact_rows(repeat)
    data = {"contact_id": [cid for cid, _ in rows]}
    for name in names:
        data[name] = [answers.get(name) for _, answers in rows]
    return pd.DataFrame(data, dtype=object)


CONTACTS = "contacts"  # the respondents' contact details: raw/<wave>.contacts.csv


def check_repeat_names(questionnaire: Questionnaire) -> None:
    """A repeat named ``contacts`` would be written where the contact details are."""
    if CONTACTS in questionnaire.tables():
        raise InputError(
            f"a repeat named {CONTACTS!r} would share raw/<wave>.{CONTACTS}.csv with the "
            "respondents' contact details; rename the repeat",
            column=CONTACTS,
        )


def export_wave(store: Store, questionnaire: Questionnaire, out: Path) -> list[Path]:
    """Write ``out`` (raw/<wave>.csv), a child table ``<stem>.<repeat>.csv`` for each repeat
    of the form, and, when PII was collected, ``<stem>.contacts.csv`` (the respondents') and
    ``<stem>.<repeat>.contacts.csv`` (a repeat's)."""
    check_repeat_names(questionnaire)
    written = [out]
    write_csv(responses_table(store, questionnaire), out)
    for repeat in questionnaire.tables():
        target = child_table_path(out, repeat)
        write_csv(child_table(store, questionnaire, repeat), target)
        written.append(target)
    for repeat in [None, *questionnaire.tables()]:
        contacts = contacts_table(store, questionnaire, repeat)
        if len(contacts.columns) > 1 and len(contacts):
            table = out if repeat is None else child_table_path(out, repeat)
            target = table.with_name(f"{table.stem}.{CONTACTS}.csv")
            write_csv(contacts, target)
            written.append(target)
    return written
