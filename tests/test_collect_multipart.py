"""The strict multipart/form-data reader of the submission endpoint, against python-multipart
(the reader Starlette's ``request.form()`` uses, which the endpoint used before) as the
oracle: on requests real browsers sent (formidable's captures), on bodies written by
independent encoders (httpx, urllib3, the benchmark's client) with awkward names and data,
and on malformed bodies, which it refuses with the place that is wrong."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx
import numpy as np
import pytest
from starlette.requests import Request
from urllib3 import encode_multipart_formdata

from pipeline.stages.collect.multipart import MAX_HEADER_BYTES, Unreadable, read_parts
from tests.collect_support import REPO

CAPTURES = REPO / "tests" / "corpus" / "formidable-http"


def oracle(content_type: str | None, body: bytes) -> tuple[str, object]:
    """What python-multipart (through Starlette) reads: [(name, filename, bytes)] or error."""

    async def read() -> tuple[str, object]:
        sent = False

        async def receive():
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        headers = [] if content_type is None else [(b"content-type", content_type.encode())]
        scope = {"type": "http", "method": "POST", "path": "/", "headers": headers,
                 "query_string": b""}  # fmt: skip
        try:
            form = await Request(scope, receive).form(max_files=1000, max_fields=1000)
        except Exception as exc:  # the oracle's own errors: it refuses the body
            return ("refused", str(exc))
        parts = []
        for name, value in form.multi_items():
            if isinstance(value, str):
                parts.append((name, None, value.encode()))
            else:
                parts.append((name, value.filename, await value.read()))
        await form.close()
        return ("read", parts)

    return asyncio.run(read())


def strict(content_type: str | None, body: bytes) -> tuple[str, object]:
    try:
        return ("read", [(p.name, p.filename, p.data) for p in read_parts(content_type, body)])
    except Unreadable as exc:
        return ("refused", str(exc))


def capture(path: Path) -> tuple[str | None, bytes]:
    """A captured request's Content-Type and body."""
    raw = path.read_bytes()
    end = raw.find(b"\r\n\r\n")
    head, body = (raw[:end], raw[end + 4 :]) if end >= 0 else raw.split(b"\n\n", 1)
    content_type = None
    for line in head.splitlines()[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-type":
            content_type = value.strip().decode("latin-1")
    return content_type, body


# the captures the strict reader reads differently from python-multipart, and why
NOT_MULTIPART = {"misc_empty.http", "misc_empty-urlencoded.http", "misc_minimal.http"}
NO_CLOSING_DELIMITER = {"workarounds_missing-hyphens1.http", "workarounds_missing-hyphens2.http"}
BARE_LINE_FEEDS = {"special-chars-in-filename_line-separator.http"}


def test_requests_real_browsers_sent_are_read_as_python_multipart_reads_them():
    files = sorted(CAPTURES.glob("*.http"))
    assert len(files) == 25
    read = 0
    for path in files:
        content_type, body = capture(path)
        mine, theirs = strict(content_type, body), oracle(content_type, body)
        if path.name in NOT_MULTIPART:  # an empty form to Starlette; refused here
            assert mine == ("refused", "the request is not multipart/form-data"), path.name
            assert theirs == ("read", [])
        elif path.name in NO_CLOSING_DELIMITER:  # a body cut short is never taken as whole
            assert mine == ("refused", "the body ends before its closing boundary"), path.name
        elif path.name in BARE_LINE_FEEDS:  # lines must end in CRLF (RFC 2046)
            assert mine[0] == "refused" and theirs[0] == "refused", path.name
        elif theirs[0] == "refused":  # a preamble: refused by both
            assert mine[0] == "refused", path.name
        else:
            assert mine == theirs, path.name
            read += 1
    assert read == 18


def test_a_real_browser_upload_keeps_its_odd_file_name_and_binary_bytes():
    content_type, body = capture(CAPTURES / "special-chars-in-filename_osx-firefox-3.6.http")
    title, upload = read_parts(content_type, body)
    assert (title.name, title.filename, title.data) == ("title", None, b"Weird filename")
    assert upload.name == "upload" and upload.content_type == "text/plain"
    assert upload.data == b"I am a text file with a funky name!\n"
    content_type, body = capture(CAPTURES / "encoding_beta-sticker-1.png.http")
    assert content_type.endswith("boundary=" + "\\/" * 29)
    (sticker,) = read_parts(content_type, body)
    assert sticker.filename == "beta-sticker-1.png" and sticker.data.startswith(b"iVBORw0KGgo")


# ---- bodies written by independent encoders ---------------------------------------------

NAMES = ("xml_submission_file", "photo", "ý kiến", 'quote"d', "semi;colon", "a b")
FILENAMES = (None, "", "submission.xml", "../../etc/passwd", "C:\\x\\y.xml", "tệp.xml", "a;b.xml")
DATA = (b"", b"<data/>", b"line\r\nbreak", b"--", b"\r\n--not-the-boundary\r\n", b"\x00\xff" * 50,
        "Việt Nam".encode(), b"\r\n\r\n", b"-" * 80)  # fmt: skip


def random_fields(rng: np.random.Generator) -> list[tuple[str, str | None, bytes]]:
    fields = []
    for _ in range(int(rng.integers(1, 5))):
        filename = FILENAMES[int(rng.integers(len(FILENAMES)))]
        data = DATA[int(rng.integers(len(DATA)))]
        if not filename and data.startswith(b"\x00"):
            # Starlette hands a plain field over as text (urllib3 writes an empty file name as
            # none): keep it UTF-8, so that its bytes can be compared
            data = b"text"
        fields.append((str(rng.choice(NAMES)), filename, data))
    return fields


def what_the_endpoint_sees(reading: tuple[str, object]) -> tuple[str, object]:
    """Name, whether a file, bytes: the file name itself is never used (python-multipart
    also cuts a Windows path off it)."""
    kind, parts = reading
    if kind != "read":
        return reading
    return kind, [(name, filename is not None, data) for name, filename, data in parts]


def httpx_body(fields) -> tuple[str, bytes]:
    # with no file httpx would write a urlencoded body: one empty file keeps it multipart
    files = [(n, (f, d, "text/xml")) for n, f, d in fields if f is not None] or [
        ("photo", ("e.txt", b"", "text/plain"))
    ]
    data = {n: d.decode("utf-8", "replace") for n, f, d in fields if f is None}
    request = httpx.Request("POST", "http://x/submission", files=files, data=data or None)
    return request.headers["content-type"], request.read()


def urllib3_body(fields) -> tuple[str, bytes]:
    encoded = [(n, (f, d, "text/xml") if f is not None else d) for n, f, d in fields]
    body, content_type = encode_multipart_formdata(encoded, boundary=uuid.uuid4().hex)
    return content_type, body


@pytest.mark.parametrize("encoder", [httpx_body, urllib3_body])
def test_bodies_from_other_encoders_are_read_as_python_multipart_reads_them(encoder):
    rng = np.random.default_rng(3)
    compared = 0
    for _ in range(300):
        content_type, body = encoder(random_fields(rng))
        theirs = oracle(content_type, body)
        if theirs[0] == "read":  # the oracle reads what the encoder wrote: compare
            mine = what_the_endpoint_sees(strict(content_type, body))
            assert mine == what_the_endpoint_sees(theirs), body[:300]
            compared += 1
    assert compared > 250


def test_the_benchmark_clients_body_is_read():
    import bench.bench_collect as bench

    xml = b'<data id="f"><meta><instanceID>uuid:1</instanceID></meta></data>'
    (part,) = read_parts(f"multipart/form-data; boundary={bench.BOUNDARY}", bench.multipart(xml))
    assert (part.name, part.filename, part.data) == ("xml_submission_file", "submission.xml", xml)


# ---- malformed bodies -------------------------------------------------------------------

TYPE = "multipart/form-data; boundary=b"
PART = b'--b\r\nContent-Disposition: form-data; name="xml_submission_file"; filename="s.xml"'
MALFORMED = {
    "no content type": (None, PART + b"\r\n\r\n<x/>\r\n--b--\r\n", "not multipart/form-data"),
    "another content type": ("text/xml", b"<x/>", "not multipart/form-data"),
    "no boundary": ("multipart/form-data", PART, "no valid boundary"),
    "empty boundary": ("multipart/form-data; boundary=", PART, "no valid boundary"),
    "boundary too long": ("multipart/form-data; boundary=" + "b" * 71, PART, "no valid boundary"),
    "another boundary": (TYPE, PART.replace(b"--b", b"--c") + b"\r\n\r\nx\r\n--c--",
                         "does not start with its boundary"),
    "a preamble": (TYPE, b"hello\r\n" + PART + b"\r\n\r\nx\r\n--b--", "does not start"),
    "no closing delimiter": (TYPE, PART + b"\r\n\r\n<x/>", "ends before its closing boundary"),
    "cut in the headers": (TYPE, PART, "ends before its closing boundary"),
    "junk after a delimiter": (TYPE, b"--bjunk\r\n", "not followed by a line break"),
    "headers never end": (TYPE, PART + b"\r\n--b--", "headers do not end"),
    "huge headers": (TYPE, PART + b"; x=" + b"y" * MAX_HEADER_BYTES + b"\r\n\r\nx\r\n--b--",
                     "headers do not end"),
    "no headers": (TYPE, b"--b\r\n\r\nx\r\n--b--", "no Content-Disposition"),
    "header without a colon": (TYPE, b"--b\r\nContent-Disposition form-data\r\n\r\nx\r\n--b--",
                               "not 'Name: value'"),
    "no disposition": (TYPE, b"--b\r\nContent-Type: text/xml\r\n\r\nx\r\n--b--",
                       "no Content-Disposition"),
    "not form-data": (TYPE, b'--b\r\nContent-Disposition: attachment; name="x"\r\n\r\nx\r\n--b--',
                      "not form-data with a name"),
    "no name": (TYPE, b'--b\r\nContent-Disposition: form-data; filename="x"\r\n\r\nx\r\n--b--',
                "not form-data with a name"),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_body_is_refused_with_where_it_is_wrong(case):
    content_type, body, reason = MALFORMED[case]
    kind, message = strict(content_type, body)
    assert kind == "refused" and reason in message, message


def test_parts_are_read_one_at_a_time_so_a_refused_part_ends_the_reading():
    body = PART + b"\r\n\r\n<x/>\r\n--b\r\ngarbage"
    parts = read_parts(TYPE, body)
    assert next(parts).data == b"<x/>"
    with pytest.raises(Unreadable, match="ends before its closing boundary"):
        next(parts)
