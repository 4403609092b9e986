"""Keying mode for paper forms: two operators key the same numbered form; agreement stores
the response once, a mismatch is queued on the admin page for a third look, and a third
keying that matches one of the first two settles it."""

from __future__ import annotations

import re

import numpy as np
import pytest

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect import set_admin_password
from pipeline.stages.collect.answers import FormRules
from tests.collect_support import DEFAULT_QUESTIONNAIRE, client_for, random_fields

PASSWORD = "keying admin passphrase"


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(DEFAULT_QUESTIONNAIRE)


@pytest.fixture
def keying(questionnaire, collect_db):
    client, store = client_for(questionnaire, collect_db, access="one-time")
    operators = [store.add_app_user(name) for name in ("Lan", "Minh", "Hoa")]
    return client, store, operators


def paper_form(questionnaire, seed=4) -> dict:
    fields = random_fields(questionnaire, FormRules(questionnaire), np.random.default_rng(seed))
    return {**fields, "sources": fields.get("sources", "").split()}


def key(client, token, number, fields):
    return client.post(f"/key/{token}/keying", data={**fields, "form_number": number})


def test_two_agreeing_keyings_store_the_form_once(keying, questionnaire):
    client, store, (lan, minh, hoa) = keying
    page = client.get(f"/key/{lan}/keying")
    assert page.status_code == 200 and 'name="form_number"' in page.text
    fields = paper_form(questionnaire)
    first = key(client, lan, "0001", fields)
    assert first.status_code == 201 and "người nhập thứ hai" in first.text
    assert store.count() == 0
    assert key(client, lan, "0001", fields).status_code == 409  # the same operator again
    assert key(client, minh, "0001", fields).status_code == 201
    assert store.count() == 1
    assert key(client, hoa, "0001", fields).status_code == 409  # settled
    assert store.count() == 1 and store.mismatches() == []


def test_a_mismatch_is_queued_and_a_third_keying_settles_it(keying, questionnaire):
    client, store, (lan, minh, hoa) = keying
    fields = paper_form(questionnaire)
    typo = {**fields, "sex": "1" if fields["sex"] == "2" else "2"}
    assert key(client, lan, "0042", fields).status_code == 201
    assert key(client, minh, "0042", typo).status_code == 202
    assert store.count() == 0
    (mismatch,) = store.mismatches()
    assert mismatch.form_number == "0042" and list(mismatch.differences) == ["sex"]
    set_admin_password(store, PASSWORD)
    login = client.get("/admin/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)
    client.post("/admin/login", data={"csrf": csrf, "password": PASSWORD})
    admin = client.get("/admin").text
    assert "<td>0042</td><td>sex</td>" in admin
    assert key(client, hoa, "0042", fields).status_code == 201
    assert store.count() == 1 and store.mismatches() == []
    ((_, _, answers),) = store.answers()
    assert answers["sex"] == fields["sex"]


def test_keying_needs_an_operator_token_and_a_form_number(keying, questionnaire):
    client, store, (lan, _, _) = keying
    fields = paper_form(questionnaire)
    assert key(client, "not-an-operator", "0001", fields).status_code == 403
    assert client.get("/key/not-an-operator/keying").status_code == 403
    assert key(client, lan, "../etc", fields).status_code == 422
    assert key(client, lan, "0001", {**fields, "category": "9"}).status_code == 422
    assert store.count() == 0 and store.mismatches() == []
