"""The admin side of the collect server: login (argon2 hash, Secure cookies, rate limit),
CSRF on every form, progress per stratum with small cells suppressed as in the reports,
code batches printed as cards, closing the wave, and the export."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect import set_admin_password, suppress_threshold
from pipeline.stages.collect.answers import FormRules
from pipeline.stages.collect.store import TokenState
from tests.collect_support import (
    DEFAULT_QUESTIONNAIRE,
    REPO,
    client_for,
    post_xml,
    random_fields,
    submission_xml,
)

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(DEFAULT_QUESTIONNAIRE)


@pytest.fixture
def admin(questionnaire, collect_db, tmp_path):
    client, store = client_for(
        questionnaire, collect_db, access="one-time", export_path=tmp_path / "raw" / "2024.csv",
        suppress_below=suppress_threshold(REPO / "params.yaml"),
    )  # fmt: skip
    set_admin_password(store, PASSWORD)
    return client, store


def log_in(client, password=PASSWORD):
    page = client.get("/admin/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post("/admin/login", data={"csrf": csrf, "password": password},
                       follow_redirects=False)  # fmt: skip


def csrf_of(client) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/admin").text).group(1)


def test_the_password_is_kept_as_an_argon2_hash(admin):
    _client, store = admin
    stored = store.setting("admin_hash")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_login_sets_a_secure_strict_session_cookie(admin):
    client, _ = admin
    assert client.get("/admin", follow_redirects=False).status_code == 303
    response = log_in(client)
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "survey_admin=" in cookie
    for attribute in ("Secure", "HttpOnly", "SameSite=strict", "Path=/admin"):
        assert attribute.lower() in cookie.lower()
    assert client.get("/admin").status_code == 200


def test_failed_logins_are_rate_limited(admin):
    client, _ = admin
    for _ in range(5):
        assert log_in(client, "wrong password!!").status_code == 401
    assert log_in(client).status_code == 429  # even the right one, for a minute


def test_login_without_its_csrf_cookie_is_refused(admin, questionnaire):
    client, _ = admin
    client.get("/admin/login")
    client.cookies.clear()
    response = client.post("/admin/login", data={"csrf": "x", "password": PASSWORD})
    assert response.status_code == 403


def test_admin_forms_without_the_csrf_token_change_nothing(admin, questionnaire):
    client, store = admin
    log_in(client)
    for path, data in [
        ("/admin/tokens", {"count": "5"}),
        ("/admin/app-users", {"name": "mallory"}),
        ("/admin/close", {}),
        ("/admin/export", {}),
    ]:
        assert client.post(path, data=data).status_code == 403
        assert client.post(path, data={**data, "csrf": "forged"}).status_code == 403
    assert store.batches() == [] and store.app_user_names() == [] and not store.closed


def test_code_batches_come_as_cards_whose_codes_the_server_accepts(admin, tmp_path):
    client, store = admin
    log_in(client)
    response = client.post("/admin/tokens", data={"csrf": csrf_of(client), "count": "12",
                                                   "batch": "box-1"})  # fmt: skip
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    codes = re.findall(r"\b[0-9A-Z]{5}-[0-9A-Z]{5}\b", text)
    assert len(set(codes)) == 12
    assert all(store.code_state(c.replace("-", "")) is TokenState.unused for c in codes)
    assert "Mã truy cập dùng một lần" in text  # Vietnamese survives typst's fonts
    assert store.batches() == [("box-1", 12, 0)]


def submit_strata(client, store, questionnaire, strata: list[int]) -> None:
    rules = FormRules(questionnaire)
    rng = np.random.default_rng(5)
    codes = [f"{i:010d}" for i in range(len(strata))]
    store.add_codes(codes, "test")
    for code, stratum in zip(codes, strata, strict=True):
        fields = {**random_fields(questionnaire, rules, rng), "category": str(stratum)}
        xml = submission_xml(questionnaire, fields)
        assert post_xml(client, xml, f"/key/{code}/submission").status_code == 201


def test_progress_suppresses_small_strata_and_what_gives_them_away(admin, questionnaire):
    client, store = admin
    submit_strata(client, store, questionnaire, [1] * 12 + [2] * 3 + [3] * 15 + [4] * 11)
    log_in(client)
    page = client.get("/admin").text
    cells = dict(re.findall(r"<tr><td>(\d)</td><td>[^<]*</td><td>([^<]*)</td></tr>", page))
    assert cells["2"] == "·"  # 3 < 10 (params.yaml tabulate.suppress_below)
    assert (cells["1"], cells["3"]) == ("12", "15")
    # with the total shown, one more cell is hidden (the reports' complementary
    # suppression) so that the 3 cannot be worked out from the total
    assert sum(v == "·" for v in cells.values()) == 2
    assert "<td>Total</td><td>41</td>" in page


def test_closing_the_wave_refuses_new_forms_but_acknowledges_repeats(admin, questionnaire):
    client, store = admin
    store.add_codes(["0000000001", "0000000002"], "b")
    rules = FormRules(questionnaire)
    fields = random_fields(questionnaire, rules, np.random.default_rng(1))
    first = submission_xml(questionnaire, fields)
    assert post_xml(client, first, "/key/0000000001/submission").status_code == 201
    log_in(client)
    assert client.post("/admin/close", data={"csrf": csrf_of(client)}).status_code == 200
    assert store.closed
    later = submission_xml(questionnaire, fields)
    refused = post_xml(client, later, "/key/0000000002/submission")
    assert refused.status_code == 403 and "closed" in refused.text
    assert post_xml(client, first, "/key/0000000001/submission").status_code == 201
    assert store.count() == 1
    assert store.code_state("0000000002") is TokenState.unused


def test_export_from_the_admin_page_writes_the_raw_file(admin, questionnaire, tmp_path):
    client, store = admin
    submit_strata(client, store, questionnaire, [1, 2, 3])
    log_in(client)
    page = client.post("/admin/export", data={"csrf": csrf_of(client)})
    assert page.status_code == 200 and "2024.csv" in page.text
    raw = pd.read_csv(tmp_path / "raw" / "2024.csv", dtype=str)
    assert sorted(raw["category"]) == ["1", "2", "3"]
    assert list(raw["respondent_id"]) == sorted(raw["respondent_id"])


def test_admin_password_command_refuses_a_short_password(tmp_path):
    db = str(tmp_path / "c.sqlite")
    command = [sys.executable, "-m", "pipeline", "collect", "admin-password", "--wave", "2024",
               "--db", db]  # fmt: skip
    short = subprocess.run(command, input="short\n", capture_output=True, text=True)
    assert short.returncode == 2
    assert short.stderr.startswith("error: ") and "Traceback" not in short.stderr
    good = subprocess.run(command, input=PASSWORD + "\n", capture_output=True, text=True)
    assert good.returncode == 0
