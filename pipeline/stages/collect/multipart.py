"""A strict reader of multipart/form-data bodies (RFC 7578), for the OpenRosa submission.

ODK Collect and the form engine post one part, ``xml_submission_file``, holding the XML. The
body is already whole in memory (the security middleware bounds its size), so it is split
where its boundary delimiters are, in C (``bytes.find``), instead of streamed through a
general parser: the submission endpoint spends most of its web-stack time there otherwise.

The reading is strict: the body starts with its first delimiter (after blank lines, if any),
every part has headers ending in an empty line and a ``Content-Disposition: form-data`` with a
name, and the body ends with the closing delimiter. Anything else is refused as unreadable;
nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from python_multipart.multipart import parse_options_header

MAX_HEADER_BYTES = 8 * 1024  # a part's header block; a real one is ~150 bytes
# RFC 2046 §5.1.1 allows 1-70 of [0-9A-Za-z'()+_,-./:=? ], never ending in a space; some
# clients use other visible characters (a boundary of \/\/\/...), which python-multipart
# (Starlette's reader) takes too: any visible ASCII but the quote.
_BOUNDARY = re.compile(rb"[\x21\x23-\x7e ]{0,69}[\x21\x23-\x7e]")
_CRLF = b"\r\n"


class Unreadable(Exception):
    """The body is not well-formed multipart/form-data; the message says where."""


@dataclass(frozen=True)
class Part:
    """One part of the body: its form field ``name``, its ``filename`` when it is a file
    (None for a plain field; possibly empty), its declared content type and its bytes."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def boundary_of(content_type: str | None) -> bytes:
    """The boundary of a ``multipart/form-data`` Content-Type header."""
    kind, options = parse_options_header(content_type or "")
    if kind != b"multipart/form-data":
        raise Unreadable("the request is not multipart/form-data")
    boundary = options.get(b"boundary", b"")
    if not _BOUNDARY.fullmatch(boundary):
        raise Unreadable("the Content-Type has no valid boundary")
    return boundary


def read_parts(content_type: str | None, body: bytes) -> Iterator[Part]:
    """The parts of ``body`` in order, each read only when asked for (a caller that refuses a
    part reads no further). Raises Unreadable as soon as the body goes wrong."""
    delimiter = b"--" + boundary_of(content_type)
    at = 0
    while body.startswith(_CRLF, at):  # blank lines before the first delimiter, as Starlette
        at += 2
    if at == len(body):  # an empty form
        return
    if not body.startswith(delimiter, at):
        raise Unreadable("the body does not start with its boundary")
    between = _CRLF + delimiter  # what ends a part's data
    at += len(delimiter)
    while True:
        if body.startswith(b"--", at):  # the closing delimiter; an epilogue is ignored
            return
        if not body.startswith(_CRLF, at):
            raise Unreadable("a boundary is not followed by a line break")
        end = body.find(between, at + 2)
        if end < 0:
            raise Unreadable("the body ends before its closing boundary")
        yield _part(body[at + 2 : end])
        at = end + len(between)


def _part(raw: bytes) -> Part:
    """One part: its header lines, an empty line, its data."""
    if raw.startswith(_CRLF):
        raise Unreadable("a part has no Content-Disposition")
    head_end = raw.find(_CRLF + _CRLF)
    if head_end == -1 or head_end > MAX_HEADER_BYTES:
        raise Unreadable("a part's headers do not end in an empty line")
    headers = _headers(raw[:head_end])
    data = raw[head_end + 4 :]
    disposition = headers.get(b"content-disposition")
    if disposition is None:
        raise Unreadable("a part has no Content-Disposition")
    kind, options = parse_options_header(disposition)
    if kind != b"form-data" or b"name" not in options:
        raise Unreadable("a part's Content-Disposition is not form-data with a name")
    filename = options.get(b"filename")
    content_type = headers.get(b"content-type")
    return Part(
        name=_text(options[b"name"]),
        filename=None if filename is None else _text(filename),
        content_type=None if content_type is None else _text(content_type),
        data=data,
    )


def _headers(block: bytes) -> dict[bytes, bytes]:
    headers: dict[bytes, bytes] = {}
    for line in block.split(_CRLF):
        name, colon, value = line.partition(b":")
        name = name.strip()
        if not colon or not name:
            raise Unreadable("a part's header line is not 'Name: value'")
        headers[name.lower()] = value.strip()
    return headers


def _text(value: bytes) -> str:
    """A header value as text: UTF-8 as browsers send it, else Latin-1 (as HTTP defines)."""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")
