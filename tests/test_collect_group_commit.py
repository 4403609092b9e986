"""Group commit: the writer stores the submissions that queued during the previous commit in
one transaction. Nothing of a batch may be acknowledged before that transaction is on disk:
neither while the batch is being written, nor ever, when the server dies before the commit."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import uuid

import httpx
import numpy as np

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect import open_store
from pipeline.stages.collect.answers import FormRules
from pipeline.stages.collect.store import Entry, Outcome, Store
from tests.collect_support import (
    DEFAULT_QUESTIONNAIRE,
    free_port,
    random_fields,
    submission_xml,
    wait_for_port,
)


def entry(n: int) -> Entry:
    return Entry(f"uuid:{uuid.uuid4()}", f"content {n}", {"comment": f"entry {n}"}, {})


def test_a_batch_is_answered_only_after_its_commit(collect_db, monkeypatch):
    store = open_store(collect_db, "2024")
    written = [threading.Event(), threading.Event()]
    release = [threading.Event(), threading.Event()]
    batches: list[int] = []
    original = Store._write

    def write_then_hold(self, conn, batch):
        original(self, conn, batch)
        batches.append(len(batch))
        if len(batches) <= 2:  # written, its transaction not committed yet
            written[len(batches) - 1].set()
            assert release[len(batches) - 1].wait(30)

    monkeypatch.setattr(Store, "_write", write_then_hold)
    first = store.submit_later(entry(0))
    assert written[0].wait(30)
    waiting = [store.submit_later(entry(n)) for n in range(1, 11)]  # queue behind the first
    release[0].set()
    assert first.result(timeout=30) is Outcome.stored
    assert written[1].wait(30)
    assert batches == [1, 10]  # the ten that queued share one transaction
    assert not any(f.done() for f in waiting)  # written, not committed: nobody is told
    assert store.count() == 1  # nor can anybody see them (a reader on another connection)
    release[1].set()
    assert [f.result(timeout=30) for f in waiting] == [Outcome.stored] * 10
    assert open_store(collect_db, "2024").count() == 11


def test_a_submission_whose_client_gave_up_is_stored_and_the_writer_goes_on(
    collect_db, monkeypatch
):
    store = open_store(collect_db, "2024")
    holding, release = threading.Event(), threading.Event()
    original = Store._write

    def write_then_hold(self, conn, batch):
        original(self, conn, batch)
        if not holding.is_set():
            holding.set()
            assert release.wait(30)

    monkeypatch.setattr(Store, "_write", write_then_hold)
    first = store.submit_later(entry(0))
    assert holding.wait(30)
    abandoned = store.submit_later(entry(1))
    assert abandoned.cancel()  # what a cancelled request does to the future it awaits
    release.set()
    assert first.result(timeout=30) is Outcome.stored
    assert store.submit_later(entry(2)).result(timeout=30) is Outcome.stored
    assert open_store(collect_db, "2024").count() == 3  # the abandoned one is kept too


# The server, with its writer patched to SIGKILL the process once a batch of several
# submissions is written and before it is committed; the batch's instanceIDs are noted first.
KILL_BEFORE_COMMIT = """
import json, os, signal, sys, time
from pipeline.stages.collect.store import Store

original = Store._write
seen = []

def write_then_die(self, conn, batch):
    original(self, conn, batch)
    if len(batch) >= 2:
        seen.append(batch)
    if len(seen) == 8:
        # hold the open transaction a moment, so the event loop sends the 201s of the batches
        # already committed (else a fast machine may kill before any answer is on the wire)
        time.sleep(1.0)
        with open(os.environ["KILLED_BATCH"], "w") as out:
            json.dump([p.entry.instance_id for p in batch], out)
            out.flush()
            os.fsync(out.fileno())
        os.kill(os.getpid(), signal.SIGKILL)

Store._write = write_then_die
from pipeline.cli.app import main
sys.argv = ["survey", *sys.argv[1:]]
main()
"""


def test_sigkill_between_a_batch_and_its_commit_loses_only_unacknowledged(collect_db, tmp_path):
    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    rules = FormRules(q)
    rng = np.random.default_rng(3)
    sent = {}
    for n in range(300):
        iid = f"uuid:{uuid.uuid4()}"
        sent[iid] = submission_xml(q, {**random_fields(q, rules, rng), "comment": str(n)}, iid)
    port = free_port()
    killed_file = tmp_path / "killed.json"
    command = [sys.executable, "-c", KILL_BEFORE_COMMIT, "collect", "serve",
               str(DEFAULT_QUESTIONNAIRE), "--wave", "2024", "--db", collect_db,
               "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    env = {**os.environ, "KILLED_BATCH": str(killed_file)}
    with (tmp_path / "server.log").open("wb") as log:
        server = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=log, stderr=log)
    try:
        wait_for_port(port, timeout=60)
        answers = asyncio.run(send_once_each(f"http://127.0.0.1:{port}", sent, 30))
        assert server.wait(timeout=60) == -signal.SIGKILL
    finally:
        if server.poll() is None:
            server.kill()
    killed = json.loads(killed_file.read_text())
    assert len(killed) >= 2  # a real group: several submissions in the lost transaction
    acknowledged = {iid for iid, status in answers.items() if status == 201}
    assert acknowledged, f"some batches were acknowledged before the kill: {answers}"
    assert not acknowledged & set(killed)  # no 201 went out for the lost batch
    store = open_store(collect_db, "2024")
    stored = {row["comment"] for _, _, row in store.answers()}
    comments = {iid: str(n) for n, iid in enumerate(sent)}
    assert {comments[iid] for iid in acknowledged} <= stored  # every 201 survived
    assert not {comments[iid] for iid in killed} & stored  # the lost batch is not there


async def send_once_each(url: str, work: dict[str, bytes], concurrency: int) -> dict:
    """POST each submission once, ``concurrency`` at a time; instanceID -> status, or None
    when the connection broke before an answer."""
    answers: dict[str, int | None] = {}
    todo = list(work.items())
    limits = httpx.Limits(max_connections=concurrency)

    async def client_loop(client: httpx.AsyncClient) -> None:
        while todo:
            iid, xml = todo.pop()
            try:
                response = await client.post(
                    "/submission",
                    files={"xml_submission_file": ("submission.xml", xml, "text/xml")},
                    headers={"X-OpenRosa-Version": "1.0"},
                )
                answers[iid] = response.status_code
            except httpx.TransportError:
                answers[iid] = None

    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(concurrency)))
    return answers
