"""The collect server as a real process on 127.0.0.1: many respondents at once, repeats
and network retries of the same instanceID, and SIGKILL. Nothing acknowledged is lost,
nothing is stored twice."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import numpy as np
import pytest

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect import open_store
from pipeline.stages.collect.answers import FormRules
from tests.collect_support import (
    DEFAULT_QUESTIONNAIRE,
    ServerProcess,
    random_fields,
    submission_xml,
)

FORMS = 1375
RESPONDENTS = 200


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(DEFAULT_QUESTIONNAIRE)


def forms(questionnaire, n: int, seed: int = 7) -> list[tuple[str, bytes, str]]:
    """``n`` distinct valid submissions: (instanceID, XML, the marker in its comment)."""
    rules = FormRules(questionnaire)
    rng = np.random.default_rng(seed)
    pool = [random_fields(questionnaire, rules, rng) for _ in range(40)]
    out = []
    for i in range(n):
        marker = f"form {i:05d}"
        fields = {**pool[i % len(pool)], "comment": marker}
        iid = f"uuid:{uuid.uuid4()}"
        out.append((iid, submission_xml(questionnaire, fields, iid), marker))
    return out


BOUNDARY = "----collect-load-test"
HEADERS = {"content-type": f"multipart/form-data; boundary={BOUNDARY}", "X-OpenRosa-Version": "1.0"}


def multipart(xml: bytes) -> bytes:
    """The multipart body ODK Collect sends, encoded once (the clients share the server's
    two cores: encoding each attempt anew would slow the server under test)."""
    head = (
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; "
        'filename="submission.xml"\r\nContent-Type: text/xml\r\n\r\n'
    )
    return head.encode() + xml + f"\r\n--{BOUNDARY}--\r\n".encode()


async def send(client: httpx.AsyncClient, xml: bytes, attempts: int = 60) -> int:
    """POST until the server answers (a refused connection or a timeout is retried, as ODK
    Collect retries); the final status."""
    body = multipart(xml)
    for _ in range(attempts):
        try:
            response = await client.post("/submission", content=body, headers=HEADERS)
            return response.status_code
        except (httpx.TransportError, httpx.TimeoutException):
            await asyncio.sleep(0.25)
    return -1


async def respondents(url: str, work: list, concurrency: int, on_ack) -> None:
    """``concurrency`` respondents take forms from ``work``; each form is sent, then sent
    again (a repeat after the receipt) for every third form, and sent twice at once (a
    retry racing the first attempt) for every fifth."""
    queue: asyncio.Queue = asyncio.Queue()
    for item in work:
        queue.put_nowait(item)
    limits = httpx.Limits(max_connections=concurrency)

    async def respondent(client):
        while not queue.empty():
            index, (iid, xml, marker) = queue.get_nowait()
            if index % 5 == 0:
                statuses = await asyncio.gather(send(client, xml), send(client, xml))
            else:
                statuses = [await send(client, xml)]
            if index % 3 == 0:
                statuses.append(await send(client, xml))
            on_ack(marker, statuses)

    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        await asyncio.gather(*(respondent(client) for _ in range(concurrency)))


def stored_markers(db: str) -> list[str]:
    store = open_store(db, "2024")
    return [answers["comment"] for _, _, answers in store.answers()]


def test_200_respondents_1375_forms_with_repeats_and_retries(questionnaire, collect_db, tmp_path):
    server = ServerProcess(DEFAULT_QUESTIONNAIRE, collect_db, tmp_path).start()
    statuses: dict[str, list[int]] = {}
    try:
        work = list(enumerate(forms(questionnaire, FORMS)))
        asyncio.run(respondents(server.url, work, RESPONDENTS, statuses.__setitem__))
    finally:
        server.stop()
    assert len(statuses) == FORMS
    assert all(set(s) == {201} for s in statuses.values()), "every send acknowledged"
    markers = stored_markers(collect_db)
    assert len(markers) == FORMS  # 0 duplicated
    assert set(markers) == set(statuses)  # 0 lost


def test_acknowledged_submissions_survive_sigkill_mid_run(questionnaire, collect_db, tmp_path):
    server = ServerProcess(DEFAULT_QUESTIONNAIRE, collect_db, tmp_path).start()
    acknowledged: set[str] = set()

    def on_ack(marker, statuses):
        if 201 in statuses:
            acknowledged.add(marker)

    async def run_and_kill():
        work = list(enumerate(forms(questionnaire, 300, seed=8)))
        sending = asyncio.create_task(respondents(server.url, work, 50, on_ack))
        while len(acknowledged) < 60:
            await asyncio.sleep(0.01)
        server.kill()  # mid-run: requests in flight fail and are retried by the respondents
        await asyncio.sleep(0.5)
        await asyncio.to_thread(server.start)
        await sending

    try:
        asyncio.run(run_and_kill())
    finally:
        server.stop()
    markers = stored_markers(collect_db)
    assert len(markers) == len(set(markers)) == 300
    assert acknowledged <= set(markers)


def test_a_receipt_survives_sigkill_straight_after_it(questionnaire, collect_db, tmp_path):
    server = ServerProcess(DEFAULT_QUESTIONNAIRE, collect_db, tmp_path).start()
    try:
        (iid, xml, marker), = forms(questionnaire, 1, seed=9)
        response = httpx.post(
            server.url + "/submission",
            files={"xml_submission_file": ("submission.xml", xml, "text/xml")},
        )
        assert response.status_code == 201
        server.kill()
        assert stored_markers(collect_db) == [marker]
        server.start()
        again = httpx.post(
            server.url + "/submission",
            files={"xml_submission_file": ("submission.xml", xml, "text/xml")},
        )
        assert again.status_code == 201  # the repeat is recognised after the restart
    finally:
        server.stop()
    assert stored_markers(collect_db) == [marker]
