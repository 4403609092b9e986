"""PII inside a repeat (each household member's phone number), collected the way the
respondent's own PII is: the server stores it apart from the instance, under a random id in
``child_contacts``, with no link to the instance, its place or its response (in every access
mode, as ``contacts`` for the respondent table); the export writes it to
raw/<wave>.<repeat>.contacts.csv and never into raw/<wave>.<repeat>.csv; ``survey clean``
drops a child table's PII columns exactly as the respondent table's, so that no PII reaches
processed/. On SQLite and PostgreSQL, and end to end through `survey collect serve`,
`survey collect export` and `survey clean`."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pandas as pd
import pytest
from sqlalchemy import text

from pipeline.model.cleaning_rules import CleaningConfig
from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.ingest import read_child_tables, read_responses
from pipeline.stages.clean import write_outputs
from pipeline.stages.clean_tables import clean_with_tables
from pipeline.stages.collect.cards import new_codes
from pipeline.stages.collect.export import export_wave
from pipeline.stages.collect.store import TABLES
from tests.collect_support import ServerProcess, client_for, post_xml

HOUSEHOLD = """\
form_id: phones
version: "1"
wave: "2024"
title: {vi: Hộ gia đình, en: Household}
languages: {vi: Tiếng Việt (vi), en: English (en)}
sections:
  - name: A
    title: {vi: A, en: A}
    questions:
      - {name: size, type: integer, range: [0, 20], label: {vi: Số người, en: People}}
      - {name: contact, type: text, pii: true, label: {vi: Liên hệ, en: Contact}}
      - name: member
        type: repeat
        label: {vi: Thành viên, en: Member}
        children:
          - {name: age, type: integer, range: [0, 120], label: {vi: Tuổi, en: Age}}
          - name: member_phone
            type: text
            pii: true
            label: {vi: Số điện thoại, en: Phone}
"""
KEY = "053da798793e907a69d117b3411bce4bfea84a48daad5e1d8f6904e54864e123"  # a random test key


@pytest.fixture(scope="module")
def form_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / "phones.yaml"
    path.write_text(HOUSEHOLD, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def questionnaire(form_path):
    return load_questionnaire(form_path, with_frame=False)


def household(contact: str | None, *members: tuple[int, str | None]) -> bytes:
    contact_xml = "" if contact is None else f"<contact>{contact}</contact>"
    member_xml = "".join(
        f"<member><age>{age}</age>"
        + ("" if phone is None else f"<member_phone>{phone}</member_phone>")
        + "</member>"
        for age, phone in members
    )
    return (
        f'<data id="phones" version="1"><A><size>{len(members)}</size>{contact_xml}'
        f"{member_xml}</A><meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta></data>"
    ).encode()


HOUSEHOLDS = [
    household("lan@example.org", (40, "0901 111 222"), (38, "0901 333 444"), (8, None)),
    household(None, (70, "0912 555 666")),
    household(None, (25, None)),
]
PHONES = ["0901 111 222", "0901 333 444", "0912 555 666"]


def dump(store, table: str) -> str:
    with store.engine.connect() as conn:
        return " ".join(str(r) for r in conn.execute(text(f"SELECT * FROM {table}")))


def test_pii_in_a_repeat_is_stored_apart_from_the_instance(questionnaire, collect_db):
    client, store = client_for(questionnaire, collect_db)
    for xml in HOUSEHOLDS:
        assert post_xml(client, xml).status_code == 201
    members = store.child_answers("member")
    assert len(members) == 5 and not any("member_phone" in a for _, a in members)
    contacts = store.child_contact_rows("member")
    assert sorted(a["member_phone"] for _, a in contacts) == PHONES
    # a contact row says nothing of the member or the household it came with
    assert all(set(a) == {"member_phone"} for _, a in contacts)
    with store.engine.connect() as conn:
        columns = list(conn.execute(text("SELECT * FROM child_contacts")).keys())
    assert columns == ["contact_id", "wave", "repeat", "answers"]
    response_ids = {rid for rid, _ in members}
    assert not response_ids & {cid for cid, _ in contacts}
    # the numbers are in child_contacts and nowhere else
    for table in TABLES:
        held = dump(store, table.name)
        assert all((phone in held) == (table.name == "child_contacts") for phone in PHONES)


def test_export_writes_the_repeat_pii_to_its_own_contacts_file(questionnaire, collect_db, tmp_path):
    client, store = client_for(questionnaire, collect_db)
    for xml in HOUSEHOLDS:
        assert post_xml(client, xml).status_code == 201
    out = tmp_path / "raw" / "2024.csv"
    written = export_wave(store, questionnaire, out)
    raw = tmp_path / "raw"
    assert [p.name for p in written] == [
        "2024.csv", "2024.member.csv", "2024.contacts.csv", "2024.member.contacts.csv",
    ]  # fmt: skip
    members = pd.read_csv(raw / "2024.member.csv", dtype=str, keep_default_na=False)
    assert list(members.columns) == ["_parent_id", "_parent_index", "_index", "age"]
    phones = pd.read_csv(raw / "2024.member.contacts.csv", dtype=str, keep_default_na=False)
    assert list(phones.columns) == ["contact_id", "member_phone"]
    assert sorted(phones["member_phone"]) == PHONES
    assert not set(phones["contact_id"]) & set(members["_parent_id"])
    for name in ("2024.csv", "2024.member.csv", "2024.contacts.csv"):
        held = (raw / name).read_text(encoding="utf-8")
        assert not any(phone in held for phone in PHONES)


def test_one_time_codes_child_contacts_carry_no_order_or_transaction_link(
    questionnaire, collect_db
):
    """As for the respondents' contacts: rows in random-key order, and on PostgreSQL every
    contact row carries the last writer's transaction id, so none points at its response."""
    client, store = client_for(questionnaire, collect_db, access="one-time")
    codes = new_codes(8)
    store.add_codes(codes, "box")
    for i, code in enumerate(codes):
        xml = household(None, (30 + i, f"0988 000 {i:03d}"), (5, f"0977 000 {i:03d}"))
        assert post_xml(client, xml, f"/key/{code}/submission").status_code == 201
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT contact_id FROM child_contacts"))]
        assert len(ids) == 16
        if store.is_sqlite:  # WITHOUT ROWID: rows sit in the order of their random key
            assert ids == sorted(ids)
        else:
            xmins = {r[0] for r in conn.execute(text("SELECT xmin::text FROM child_contacts"))}
            responses = {r[0] for r in conn.execute(text("SELECT xmin::text FROM responses"))}
            assert len(xmins) == 1 and len(responses) == 8


def test_clean_drops_pii_columns_of_a_child_table_as_of_the_respondent_table(
    questionnaire, tmp_path
):
    """A child table that does carry a PII column (as `survey ingest` writes a Kobo export's
    repeat sheet): neither the clean table nor its quarantine nor the log holds it."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "2024.csv").write_text(
        "respondent_id,size,contact\nR1,2,lan@example.org\nR2,1,\n", encoding="utf-8"
    )
    (raw / "2024.member.csv").write_text(
        "_parent_id,_parent_index,_index,age,member_phone\n"
        "R1,,1,40,0901 111 222\nR1,,2,38.0,0901 333 444\nR9,,1,20,0912 555 666\n",
        encoding="utf-8",
    )  # an age written 38.0 (normalised, logged) and a member of no household (quarantined)
    data = read_responses(raw / "2024.csv", questionnaire)
    data.tables = {**read_child_tables(raw / "2024.csv", questionnaire), **data.tables}
    result = clean_with_tables(data, questionnaire, CleaningConfig(), bytes.fromhex(KEY))
    child = result.tables["member"]
    assert child.summary["rows_kept"] == 2 and child.summary["rows_quarantined"] == 1
    assert "member_phone" not in child.data.columns
    assert "member_phone" not in child.quarantine.columns
    paths = write_outputs(result, tmp_path / "processed" / "2024.parquet", "phones.yaml")
    assert_no_pii_in(paths.values(), [*PHONES, "lan@example.org"])


def assert_no_pii_in(paths, secrets: list[str]) -> None:
    """No file holds any of ``secrets``: text files as written, parquet files cell by cell
    (their pages may be compressed)."""
    for path in paths:
        path = Path(path)
        if path.suffix == ".parquet":
            held = pd.read_parquet(path).astype(str).to_csv()
        else:
            held = path.read_text(encoding="utf-8")
        assert not any(s in held for s in secrets), path


def test_serve_export_clean_no_repeat_pii_reaches_processed(form_path, collect_db, tmp_path):
    db = collect_db
    server = ServerProcess(form_path, db, tmp_path).start()
    try:
        for xml in HOUSEHOLDS:
            response = httpx.post(
                f"{server.url}/submission",
                files={"xml_submission_file": ("s.xml", xml, "text/xml")},
                headers={"X-OpenRosa-Version": "1.0"},
            )
            assert response.status_code == 201, response.text
    finally:
        server.stop()
    env = {**os.environ, "SURVEY_PSEUDONYM_KEY": KEY}

    def survey(*args: str) -> None:
        done = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=tmp_path,
                              capture_output=True, text=True, env=env)  # fmt: skip
        assert done.returncode == 0, done.stderr

    survey("collect", "export", str(form_path), "--wave", "2024", "--db", db,
           "--out", "raw/2024.csv")  # fmt: skip
    phones = pd.read_csv(tmp_path / "raw/2024.member.contacts.csv", dtype=str)
    assert sorted(phones["member_phone"]) == PHONES
    survey("clean", "raw/2024.csv", "--questionnaire", str(form_path),
           "--out", "processed/2024.parquet")  # fmt: skip
    members = pd.read_parquet(tmp_path / "processed/2024.member.parquet")
    assert len(members) == 5 and "member_phone" not in members.columns
    assert members["_parent_id"].str.startswith("P-").all()  # pseudonymised, as respondents
    people = pd.read_parquet(tmp_path / "processed/2024.parquet")
    assert set(members["_parent_id"]) <= set(people["respondent_id"])
    processed = sorted((tmp_path / "processed").iterdir())
    assert "2024.member.parquet" in {p.name for p in processed}
    assert_no_pii_in(processed, [*PHONES, "lan@example.org"])
