"""Anonymity a respondent can rely on, proved against what an insider holds: the database
(the SQLite file itself, or PostgreSQL's system columns), the server's log and the list of
one-time codes. No response can be joined to a code or ordered in time; access modes
behave as promised (open link, named app-users, one-time codes)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

import httpx
import numpy as np
import pytest
from scipy.stats import kendalltau
from sqlalchemy import text

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect import open_store
from pipeline.stages.collect.answers import FormRules
from pipeline.stages.collect.cards import cards_typst, display_code, new_codes
from tests.collect_support import (
    DEFAULT_QUESTIONNAIRE,
    ServerProcess,
    client_for,
    post_xml,
    random_fields,
    submission_xml,
)

N = 40


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(DEFAULT_QUESTIONNAIRE)


@pytest.fixture(scope="module")
def pool(questionnaire):
    rules = FormRules(questionnaire)
    rng = np.random.default_rng(3)
    return [random_fields(questionnaire, rules, rng) for _ in range(10)]


def marked(pool, i: int) -> dict:
    """Answers with a unique comment; every fourth respondent leaves contact details."""
    contact = {"contact": f"phone 09{i:08d}"} if i % 4 == 0 else {}
    return {**pool[i % len(pool)], "comment": f"marker {i:04d}", **contact}


# ---- access modes ---------------------------------------------------------------------


def test_one_time_code_submits_once_and_a_forged_code_nothing(questionnaire, pool, collect_db):
    client, store = client_for(questionnaire, collect_db, access="one-time")
    codes = new_codes(3)
    store.add_codes(codes, "b1")
    xml = submission_xml(questionnaire, marked(pool, 1))
    assert post_xml(client, xml, f"/key/{'X' * 10}/submission").status_code == 403
    assert post_xml(client, xml, "/submission").status_code == 401
    assert post_xml(client, xml, f"/key/{codes[0]}/submission").status_code == 201
    assert post_xml(client, xml, f"/key/{codes[0]}/submission").status_code == 201  # repeat
    other = submission_xml(questionnaire, marked(pool, 2))
    reused = post_xml(client, other, f"/key/{codes[0]}/submission")
    assert reused.status_code == 403 and "already been used" in reused.text
    # the code as printed on the card (with its dash, in lower case) is the same code
    typed = display_code(codes[1]).lower()
    assert post_xml(client, other, f"/key/{typed}/submission").status_code == 201
    assert store.count() == 2


def test_one_time_code_in_the_browser_flow(questionnaire, pool, collect_db):
    client, store = client_for(questionnaire, collect_db, access="one-time")
    (code,) = new_codes(1)
    store.add_codes([code], "b1")
    start = client.get("/")
    assert 'name="code"' in start.text and code not in start.text
    assert client.post("/start", data={"code": "WRONG12345"}).status_code == 403
    form = client.post("/start", data={"code": display_code(code), "lang": "en"})
    assert form.status_code == 200 and "Submit" in form.text
    instance_id = re.search(r'name="instance_id" value="([^"]+)"', form.text).group(1)
    answers = {**marked(pool, 3), "instance_id": instance_id, "access": code, "lang": "en"}
    answers["sources"] = answers.get("sources", "").split()
    done = client.post("/respond", data=answers)
    assert done.status_code == 201 and "Thank you" in done.text
    assert client.post("/respond", data=answers).status_code == 201  # a double click
    answers["instance_id"] = f"uuid:{uuid.uuid4()}"
    again = client.post("/respond", data=answers)
    assert again.status_code == 403 and "already been used" in again.text
    assert client.post("/start", data={"code": code}).status_code == 403
    assert store.count() == 1


def test_app_users_submit_under_their_name(questionnaire, pool, collect_db):
    client, store = client_for(questionnaire, collect_db, access="app-user")
    token = store.add_app_user("Interviewer Lan")
    xml = submission_xml(questionnaire, marked(pool, 4))
    assert post_xml(client, xml, "/key/not-a-token/submission").status_code == 403
    assert client.get("/key/not-a-token/formList").status_code == 403
    assert client.get(f"/key/{token}/formList").status_code == 200
    assert post_xml(client, xml, f"/key/{token}/submission").status_code == 201
    bearer = submission_xml(questionnaire, marked(pool, 5))
    sent = post_xml(client, bearer, "/submission", headers={"Authorization": f"Bearer {token}"})
    assert sent.status_code == 201
    assert [c for _, c, _ in store.answers()] == ["Interviewer Lan"] * 2


def test_the_open_link_needs_no_token(questionnaire, pool, collect_db):
    client, store = client_for(questionnaire, collect_db, access="open")
    assert client.get("/form").status_code == 200
    assert post_xml(client, submission_xml(questionnaire, marked(pool, 6))).status_code == 201
    assert [c for _, c, _ in store.answers()] == [None]


def test_cards_hold_the_codes_and_the_server_only_their_hashes(questionnaire, collect_db):
    _client, store = client_for(questionnaire, collect_db, access="one-time")
    codes = new_codes(12)
    store.add_codes(codes, "b1")
    source = cards_typst(codes, questionnaire.title, "https://survey.example/")
    assert all(display_code(c) in source for c in codes)
    with store.engine.connect() as conn:
        dumped = " ".join(str(r) for r in conn.execute(text("SELECT * FROM tokens")))
    assert not any(c in dumped or display_code(c) in dumped for c in codes)
    assert store.batches() == [("b1", 12, 0)]


# ---- what an insider holds ------------------------------------------------------------


def run_one_time_wave(questionnaire, pool, db: str, workdir: Path):
    """A wave of N one-time respondents through a real server process; returns the codes,
    the instance ids, the markers in arrival order and the server's log."""
    store = open_store(db, "2024")
    codes = new_codes(N + 5)
    store.add_codes(codes, "box-1")
    store.engine.dispose()
    server = ServerProcess(DEFAULT_QUESTIONNAIRE, db, workdir, access="one-time").start()
    instance_ids, markers = [], []
    try:
        for i in range(N):
            iid = f"uuid:{uuid.uuid4()}"
            xml = submission_xml(questionnaire, marked(pool, i), iid)
            response = httpx.post(
                f"{server.url}/key/{codes[i]}/submission",
                files={"xml_submission_file": ("s.xml", xml, "text/xml")},
            )
            assert response.status_code == 201
            instance_ids.append(iid)
            markers.append(f"marker {i:04d}")
    finally:
        server.stop()
    return codes, instance_ids, markers, server.log.read_text(errors="replace")


def assert_rows_hold_no_link(store, codes, instance_ids):
    secrets_held = [*codes, *(display_code(c) for c in codes), *instance_ids]
    secrets_held += [store.keyed("code", c) for c in codes]
    with store.engine.connect() as conn:
        columns = list(conn.execute(text("SELECT * FROM responses")).keys())
        rows = [" ".join(map(str, r)) for r in conn.execute(text("SELECT * FROM responses"))]
    assert columns == ["response_id", "wave", "collector", "answers"]
    today = dt.date.today().isoformat()
    for row in rows:
        assert not any(s in row for s in secrets_held)
        assert today not in row and "127.0.0.1" not in row
        assert not re.search(r"\d{2}:\d{2}:\d{2}", row)  # no time of day anywhere


def assert_log_holds_nothing(log: str, codes, instance_ids, markers):
    for secret in [*codes, *instance_ids, *markers]:
        assert secret not in log
    # nothing per request at all: only what the server says when it starts
    assert [line.split(" ")[0] for line in log.splitlines()] == ["no", "collecting"]


def test_sqlite_file_and_log_cannot_join_or_order_responses(questionnaire, pool, tmp_path):
    db = str(tmp_path / "wave.sqlite")
    codes, instance_ids, markers, log = run_one_time_wave(questionnaire, pool, db, tmp_path)
    store = open_store(db, "2024")
    assert store.count() == N
    assert_log_holds_nothing(log, codes, instance_ids, markers)
    assert_rows_hold_no_link(store, codes, instance_ids)
    # rows come back in random-id order, not in arrival order
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT response_id FROM responses"))]
    assert ids == sorted(ids)
    store.checkpoint()
    before = physical_positions(Path(db), markers)
    store.close_wave()
    store.engine.dispose()
    after = physical_positions(Path(db), markers)
    # Random keys scatter rows over the B-tree's pages even during the wave; |tau| < 0.5
    # is more than 4 standard errors from 0 for 40 independent ranks.
    assert abs(kendalltau(range(N), before).statistic) < 0.5
    assert abs(kendalltau(range(N), after).statistic) < 0.5
    wal = Path(db + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def physical_positions(path: Path, markers: list[str]) -> list[int]:
    """Where each response's marker sits in the database file (exactly one copy each:
    secure_delete leaves no stale copy in freed pages)."""
    data = path.read_bytes()
    positions = []
    for marker in markers:
        needle = marker.encode()
        assert data.count(needle) == 1, marker
        positions.append(data.find(needle))
    return positions


def test_postgres_system_columns_cannot_join_or_order_responses(
    questionnaire, pool, postgres, tmp_path
):
    db = postgres.new_database()
    codes, instance_ids, markers, log = run_one_time_wave(questionnaire, pool, db, tmp_path)
    store = open_store(db, "2024")
    assert_log_holds_nothing(log, codes, instance_ids, markers)
    assert_rows_hold_no_link(store, codes, instance_ids)
    with store.engine.connect() as conn:
        token_xmins = {r[0] for r in conn.execute(text("SELECT xmin::text FROM tokens"))}
        contact_xmins = {r[0] for r in conn.execute(text("SELECT xmin::text FROM contacts"))}
        response_xmins = {r[0] for r in conn.execute(text("SELECT xmin::text FROM responses"))}
    # during the wave every token row carries the last writer's transaction id
    assert len(token_xmins) == 1 and len(contact_xmins) == 1
    assert len(response_xmins) > 1  # arrival order is visible until the wave is closed ...
    store.close_wave()
    with store.engine.connect() as conn:
        xmins = {
            table: {r[0] for r in conn.execute(text(f"SELECT xmin::text FROM {table}"))}
            for table in ("responses", "tokens", "receipts")
        }
        order = [
            r[0]
            for r in conn.execute(text("SELECT answers FROM responses ORDER BY ctid"))
        ]
    assert all(len(x) == 1 for x in xmins.values())  # ... and not after
    arrival = [next(i for i, m in enumerate(markers) if m in a) for a in order]
    assert abs(kendalltau(range(N), arrival).statistic) < 0.5
