"""A hostile battery against the collect server: each attack is refused with a plain
message (never a traceback, never a 500), nothing is stored, and every page keeps its
security headers."""

from __future__ import annotations

import uuid

import numpy as np
import pytest

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect.answers import FormRules
from pipeline.stages.collect.security import CSP
from pipeline.stages.collect.xform import MAX_ELEMENTS, MAX_XML_BYTES
from tests.collect_support import (
    DEFAULT_QUESTIONNAIRE,
    client_for,
    post_xml,
    random_fields,
    submission_xml,
)


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(DEFAULT_QUESTIONNAIRE)


@pytest.fixture(scope="module")
def fields(questionnaire):
    return random_fields(questionnaire, FormRules(questionnaire), np.random.default_rng(11))


@pytest.fixture
def server(questionnaire, collect_db):
    return client_for(questionnaire, collect_db)


def refused(response, status: int | tuple = 400) -> None:
    statuses = status if isinstance(status, tuple) else (status,)
    assert response.status_code in statuses, (response.status_code, response.text[:200])
    assert "Traceback" not in response.text and 'File "' not in response.text
    assert response.headers["content-security-policy"] == CSP


def envelope(questionnaire, inner: str) -> bytes:
    return (
        f'<data id="{questionnaire.form_id}" version="{questionnaire.version}">{inner}'
        f"<meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta></data>"
    ).encode()


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<data id="degradation_survey"><comment>&lol3;</comment>'
    "<meta><instanceID>uuid:1</instanceID></meta></data>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE data [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<data id="degradation_survey"><comment>&xxe;</comment>'
    "<meta><instanceID>uuid:2</instanceID></meta></data>"
)


@pytest.mark.parametrize(
    ("name", "xml", "reason"),
    [
        ("billion laughs", BILLION_LAUGHS.encode(), "DTD or entities"),
        ("external entity", EXTERNAL_ENTITY.encode(), "DTD or entities"),
        ("not XML", b"\x00\xff\xfe garbage", "not well-formed"),
        ("unclosed", b'<data id="degradation_survey"><category>1</category>', "not well-formed"),
        ("no instanceID", b'<data id="degradation_survey"><category>1</category></data>',
         "instanceID"),
        ("deep", b'<data id="degradation_survey">' + b"<a>" * 50 + b"</a>" * 50 + b"</data>",
         "nested too deeply"),
        ("oversized", b"<data>" + b" " * (MAX_XML_BYTES + 10) + b"</data>", "larger than"),
        ("quadratic blow-up", b'<!DOCTYPE d [<!ENTITY a "' + b"a" * 50_000 + b'">]>'
         b'<data id="degradation_survey"><comment>' + b"&a;" * 3000 + b"</comment></data>",
         "DTD or entities"),
        ("parameter entity", b'<!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>'
         b'<data id="degradation_survey"/>', "DTD or entities"),
        ("external DTD", b'<!DOCTYPE data SYSTEM "file:///etc/passwd"><data/>', "DTD or entities"),
        ("undeclared entity", b'<data id="degradation_survey"><comment>&xxe;</comment></data>',
         "not well-formed"),
        ("too many elements", b'<data id="degradation_survey">' + b"<c/>" * (MAX_ELEMENTS + 1)
         + b"</data>", "too many elements"),
        ("unbound prefix", b'<data id="degradation_survey"><orx:meta><orx:instanceID>uuid:3'
         b"</orx:instanceID></orx:meta></data>", "unbound prefix"),
    ],
)  # fmt: skip
def test_unsafe_or_malformed_xml_is_refused(server, name, xml, reason):
    client, store = server
    response = post_xml(client, xml)
    refused(response, (400, 413))
    if response.status_code == 400:
        assert reason in response.text
    assert store.count() == 0


def test_a_body_over_the_request_limit_is_refused_before_it_is_read(server):
    client, store = server
    response = client.post("/submission", content=b"x" * (2 * 1024 * 1024),
                           headers={"content-type": "multipart/form-data; boundary=x"})  # fmt: skip
    refused(response, 413)
    assert store.count() == 0


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "&lt;script&gt;",
        "bell\x07",
    ],
)
def test_markup_or_control_characters_in_answers_are_refused(server, questionnaire, fields, text):
    client, store = server
    response = post_xml(client, submission_xml(questionnaire, {**fields, "comment": text}))
    refused(response)
    # a control character is not even legal XML; the others are refused by the answer check
    assert ("not well-formed" if "\x07" in text else "comment") in response.text
    assert store.count() == 0


def test_script_typed_into_the_html_form_comes_back_escaped(server, questionnaire, fields):
    client, store = server
    page = client.get("/form")
    assert "<script" not in page.text and "style=" not in page.text
    data = {**fields, "comment": "<script>alert('x')</script>", "instance_id": "uuid:1234abcd"}
    data["sources"] = data.get("sources", "").split()
    response = client.post("/respond", data=data)
    refused(response, 422)
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in response.text
    assert store.count() == 0


@pytest.mark.parametrize(
    "parts",
    [
        {"photo": ("../../../../tmp/evil.jpg", b"\xff\xd8\xff", "image/jpeg")},
        {"photo": ("..\\..\\windows\\evil.jpg", b"\xff\xd8\xff", "image/jpeg")},
        {"xml_submission_file": ("/etc/cron.d/evil", b"<x/>", "text/xml"),
         "extra": ("a/../../b.xml", b"<x/>", "text/xml")},
    ],
)  # fmt: skip
def test_attachments_and_path_tricks_in_their_names_are_refused(
    server, questionnaire, fields, parts, tmp_path
):
    client, store = server
    xml = submission_xml(questionnaire, fields)
    files = {"xml_submission_file": ("submission.xml", xml, "text/xml"), **parts}
    response = client.post("/submission", files=files)
    refused(response)
    assert store.count() == 0


def test_a_form_field_posted_as_text_instead_of_a_file_is_refused(server, questionnaire, fields):
    client, store = server
    xml = submission_xml(questionnaire, fields).decode()
    response = client.post("/submission", data={"xml_submission_file": xml},
                           files={"dummy": ("", b"", "text/plain")})  # fmt: skip
    refused(response)
    assert store.count() == 0


def multipart_body(*parts: tuple[str, str | None, bytes], close: bool = True) -> bytes:
    """A multipart body of (name, file name or None, data) parts, boundary ``b``."""
    out = b""
    for name, filename, data in parts:
        file = f'; filename="{filename}"' if filename is not None else ""
        out += f'--b\r\nContent-Disposition: form-data; name="{name}"{file}\r\n\r\n'.encode()
        out += data + b"\r\n"
    return out + (b"--b--\r\n" if close else b"")


@pytest.mark.parametrize(
    ("content_type", "parts", "close", "reason"),
    [
        ("multipart/form-data; boundary=b", [("xml_submission_file", "a.xml", b"X"),
                                             ("xml_submission_file", "b.xml", b"X")], True,
         "more than one xml_submission_file"),
        ("multipart/form-data; boundary=b", [("xml_submission_file", "a.xml", b"X")], False,
         "ends before its closing boundary"),
        ("multipart/form-data; boundary=b", [("xml_submission_file", None, b"X")], True,
         "takes no attachments"),
        ("multipart/form-data; boundary=b", [], True, "no xml_submission_file"),
        ("multipart/form-data", [("xml_submission_file", "a.xml", b"X")], True,
         "no valid boundary"),
        ("text/xml", [("xml_submission_file", "a.xml", b"X")], True, "not multipart/form-data"),
    ],
)  # fmt: skip
def test_a_body_that_is_not_one_whole_xml_file_part_is_refused(
    server, questionnaire, fields, content_type, parts, close, reason
):
    client, store = server
    xml = submission_xml(questionnaire, fields)
    body = multipart_body(*[(n, f, xml if d == b"X" else d) for n, f, d in parts], close=close)
    response = client.post("/submission", content=body, headers={"content-type": content_type})
    refused(response)
    assert reason in response.text
    assert store.count() == 0


def test_forged_and_reused_codes_are_refused(questionnaire, fields, collect_db):
    client, store = client_for(questionnaire, collect_db, access="one-time")
    store.add_codes(["0000000001"], "b")
    for forged in ("0000000002", "' OR 1=1 --", "%2e%2e%2fadmin", "A" * 500):
        refused(post_xml(client, submission_xml(questionnaire, fields),
                         f"/key/{forged}/submission"), (403, 404))  # fmt: skip
        refused(client.post("/start", data={"code": forged}), 403)
    assert post_xml(client, submission_xml(questionnaire, fields),
                    "/key/0000000001/submission").status_code == 201  # fmt: skip
    again = post_xml(client, submission_xml(questionnaire, fields), "/key/0000000001/submission")
    refused(again, 403)
    assert store.count() == 1


def test_every_page_carries_the_security_headers(server):
    client, _ = server
    for path in ("/", "/form", "/formList", "/admin/login", "/static/style.css", "/nowhere"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert client.get("/nowhere").status_code == 404


def test_labels_reach_the_page_escaped(collect_db):
    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    hostile = q.model_copy(
        update={"title": q.title.model_copy(update={"vi": "<b onmouseover=x>Phiếu</b>"}),
                "source": "hostile-title"}
    )  # fmt: skip
    client, _ = client_for(hostile, collect_db)
    page = client.get("/form").text
    assert "<b onmouseover" not in page and "&lt;b onmouseover=x&gt;Phiếu&lt;/b&gt;" in page
