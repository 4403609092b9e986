"""Delimited text files (CSV, TSV, Excel's "Unicode text"): encoding and delimiter detection
(the parsing and its checks are ``pipeline/readers/csvfile.py``).

Encoding detection, when no encoding is given:

1. A byte-order mark decides: UTF-8 (with BOM), UTF-16 LE/BE (Excel's "Unicode text"),
   UTF-32.
2. No BOM but NUL bytes: UTF-16 without a BOM, little- or big-endian by where the NULs sit
   (ASCII delimiters and line breaks are ``xx 00`` in UTF-16LE).
3. Strict UTF-8.
4. Windows-1258 (Vietnamese legacy), accepted only if the decoded text then reads as
   Vietnamese: at least 90% of its non-ASCII characters (typographic punctuation aside)
   are letters of the Vietnamese alphabet, and no tone mark is left uncomposed after NFC.
   Otherwise the file is refused with the byte offset and row of the first byte that is
   not UTF-8, and the user is asked for ``--encoding``.

Decoding is always strict: a wrong encoding is an error naming the byte offset and row,
never mojibake. An explicit single-byte encoding (cp1258, latin-1 ...) given for a file
that is valid UTF-8 with non-ASCII text is refused for the same reason.

Values are kept as typed (cleaning normalises and logs). The one exception: text decoded
from Windows-1258 is NFC-normalised, because cp1258 writes Vietnamese tone marks as
separate combining characters; NFC is what makes that text the same letters as UTF-8 text.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata

from pipeline.core.errors import InputError

DELIMITERS = (",", ";", "\t", "|")

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_TONE_MARKS = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_VOWELS = "aăâeêioôơuưy"
VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + mark)
    for v in _VOWELS
    for base in (v, v.upper())
    for mark in _TONE_MARKS
) | frozenset("đĐ")
_PUNCTUATION = frozenset("“”‘’–—…•°«»·€\u00a0")


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: among those that split the header, the one whose rows mostly
    (80%) have the header's width, then the one giving the most columns."""
    sample = text[:64_000]
    best, best_score = ",", (-1, -1)
    for delim in DELIMITERS:
        records = []
        try:
            for rec in csv.reader(io.StringIO(sample, newline=""), delimiter=delim):
                records.append(rec)
                if len(records) >= 50:
                    break
        except csv.Error:
            continue
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        # the last sampled record may be cut short by the sample boundary
        body = records[1:-1] if len(sample) < len(text) else records[1:]
        body = [r for r in body if any(c.strip() for c in r)]
        fitting = sum(1 for r in body if len(r) == width)
        score = (int(fitting >= 0.8 * len(body)), width)
        if score > best_score:
            best, best_score = delim, score
    return best


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a file's bytes strictly; with ``encoding`` None, detect it (see module doc)."""
    if encoding is not None:
        return _decode_explicit(data, path, encoding)
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, path, skipped=len(bom))
    if b"\x00" in data[:4096]:
        return _strict(data, _utf16_without_bom(data, path), path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = _try_cp1258(data)
    if text is not None and reads_as_vietnamese(text):
        return text
    raise InputError(
        f"cannot tell the encoding: not UTF-8 (byte 0x{data[first_bad]:02X} at byte offset "
        f"{first_bad}), and read as Windows-1258 it is not Vietnamese text; give the encoding "
        "with --encoding (e.g. cp1258, utf-16, latin-1)",
        file=path,
        row=_line_of(data, first_bad, "latin-1"),
    )


def _decode_explicit(data: bytes, path: str, encoding: str) -> str:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r}; expected a Python codec name such as "
            "utf-8, utf-8-sig, utf-16, cp1258",
            file=path,
        ) from None
    family = codec.replace("-sig", "")
    for bom, bom_codec in BOMS:
        if data.startswith(bom):
            if not family.startswith(bom_codec[:6]):
                raise InputError(
                    f"the file starts with a {bom_codec.upper()} byte-order mark but the "
                    f"encoding given is {encoding!r}",
                    file=path,
                    row=1,
                )
            if family in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
                data = data[len(bom) :]
                return _strict(data, family, path, skipped=len(bom))
            return _strict(data, codec, path)
    if family.startswith(("utf-16", "utf-32")) and b"\x00" not in data:
        raise InputError(
            f"the file has no NUL bytes, so it is not {encoding!r} text; "
            "try --encoding utf-8 or cp1258",
            file=path,
        )
    if not family.startswith("utf"):
        _refuse_utf8_as_legacy(data, path, encoding)
    text = _strict(data, codec, path)
    return unicodedata.normalize("NFC", text) if codec == "cp1258" else text


def _refuse_utf8_as_legacy(data: bytes, path: str, encoding: str) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    non_ascii = next((i for i, ch in enumerate(text) if ord(ch) > 127), None)
    if non_ascii is None:
        return
    ch = text[non_ascii]
    offset = len(text[:non_ascii].encode("utf-8"))
    garbled = ch.encode("utf-8").decode(encoding, errors="replace")
    raise InputError(
        f"the file is UTF-8 but the encoding given is {encoding!r}: reading it so would turn "
        f"{ch!r} (byte offset {offset}) into {garbled!r}; use --encoding utf-8",
        file=path,
        row=text[:non_ascii].count("\n") + 1,
    )


def _strict(data: bytes, codec: str, path: str, skipped: int = 0) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {codec} text: byte 0x{data[exc.start]:02X} at byte offset "
            f"{exc.start + skipped} ({exc.reason}); give the right encoding with --encoding",
            file=path,
            row=_line_of(data, exc.start, codec),
        ) from None


def _utf16_without_bom(data: bytes, path: str) -> str:
    sample = data[:4096]
    odd_nuls = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    even_nuls = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0)
    if odd_nuls > 4 * even_nuls:
        return "utf-16-le"
    if even_nuls > 4 * odd_nuls:
        return "utf-16-be"
    raise InputError(
        "the file contains NUL bytes but is not UTF-16 text; is it a binary file?", file=path
    )


def _try_cp1258(data: bytes) -> str | None:
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


def reads_as_vietnamese(text: str) -> bool:
    """True when the non-ASCII characters of ``text`` (NFC) are Vietnamese letters (≥ 90%)."""
    non_ascii = [c for c in text if ord(c) > 127 and c not in _PUNCTUATION]
    if not non_ascii:
        return True
    if any(unicodedata.combining(c) for c in non_ascii):
        return False
    letters = sum(1 for c in non_ascii if c in VIETNAMESE_LETTERS)
    return letters >= 0.9 * len(non_ascii)


def _line_of(data: bytes, offset: int, codec: str) -> int:
    return data[:offset].decode(codec, errors="replace").count("\n") + 1


def encode_cp1258(text: str) -> bytes:
    """Encode Vietnamese text as Windows-1258 the way legacy software writes it.

    cp1258 has the letters â ê ô ă ơ ư đ (and some toned letters) precomposed but writes the
    other tone marks as combining characters, so neither NFC nor NFD encodes as a whole:
    each letter not in the code page is split into its base letter (composed) + tone mark.
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in _TONE_MARKS[1:])
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (base + tones).encode("cp1258")
    return bytes(out)
