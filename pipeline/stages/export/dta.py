"""A Stata .dta writer, format 118 (Stata 14+, UTF-8), for what pyreadstat cannot write.

pyreadstat stores every code as a double (or long) and has no characteristics, so Stata
users got 4-byte-per-value codes and no label languages. This writer stores each column in
the smallest type that holds it (byte, int, long, double, str#), writes Stata's extended
missing values (``.a`` ... ``.z``) and their value labels, and the characteristics that
Stata's ``label language`` reads (``_dta[_lang_list]``, ``_dta[_lang_c]``,
``<var>[_lang_v_<lang>]`` the variable label, ``<var>[_lang_l_<lang>]`` the value label
set, as readstata13 reads and writes them).

The layout follows Stata's documentation of the format ("dta file format 118"): a header,
a map of section offsets, then the sections, each between its <tag> and </tag>; integers
little-endian. Missing values: byte . = 101 and .a-.z = 102-127; int . = 32741; long
. = 2147483621; double . = 0x7fe0000000000000 with .a-.z in steps of 2**40. Value labels
of extended missing values use the long codes (.a = 2147483622).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pandas as pd

from pipeline.core.errors import InputError

RELEASE = 118
STR_MAX_BYTES = 2045  # longest str#; a column with longer text is a strL
STRL = 32768
NAME_BYTES = 129  # 32 characters of up to 4 bytes, plus the terminating NUL
FORMAT_BYTES = 57
LABEL_BYTES = 321  # 80 characters of up to 4 bytes, plus NUL
DATA_LABEL_MAX_BYTES = 320

BYTE, INT, LONG, DOUBLE = 65530, 65529, 65528, 65526
# (smallest valid, largest valid, code of ".") of the integer types
INTEGER_RANGES = {
    BYTE: (-127, 100, 101),
    INT: (-32767, 32740, 32741),
    LONG: (-2147483647, 2147483620, 2147483621),
}
NUMPY_TYPES = {BYTE: "<i1", INT: "<i2", LONG: "<i4", DOUBLE: "<f8"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DOUBLE_MISSING = 0x7FE0000000000000
DOUBLE_MISSING_STEP = 0x0000010000000000


def missing_index(letter: str | None) -> int:
    """0 for system missing ``.``, 1-26 for ``.a``-``.z``."""
    return 0 if letter is None else ord(letter) - ord("a") + 1


def long_missing(letter: str | None) -> int:
    """The long code of ``.`` / ``.a``... as value labels store it."""
    return INTEGER_RANGES[LONG][2] + missing_index(letter)


@dataclass(frozen=True)
class DtaColumn:
    """One variable as the .dta stores it.

    ``values``: numbers (float, NaN = missing) or text (None = empty); ``extended``: the
    extended missing letter per row ('' where the value is not an extended missing value);
    ``value_label``: the name of the value label set ('' for none).
    """

    name: str
    values: pd.Series
    label: str = ""
    display_format: str = ""
    value_label: str = ""
    extended: pd.Series | None = None
    text: bool = False


@dataclass(frozen=True)
class DtaFile:
    columns: list[DtaColumn]
    data_label: str = ""
    value_labels: dict[str, dict[int, str]] = field(default_factory=dict)  # keys: long codes
    characteristics: list[tuple[str, str, str]] = field(default_factory=list)  # var, name, text


def storage_type(column: DtaColumn) -> int:
    """The smallest Stata type that holds the column: str#, byte, int, long or double."""
    if column.text:
        lengths = column.values.dropna().map(lambda s: len(str(s).encode("utf-8")))
        width = max(int(lengths.max()) if len(lengths) else 1, 1)
        return width if width <= STR_MAX_BYTES else STRL
    numbers = pd.to_numeric(column.values, errors="raise").astype(float).dropna()
    if len(numbers) and not (numbers % 1 == 0).all():
        return DOUBLE
    low, high = (float(numbers.min()), float(numbers.max())) if len(numbers) else (0.0, 0.0)
    for kind in (BYTE, INT, LONG):
        lo, hi, _ = INTEGER_RANGES[kind]
        if lo <= low and high <= hi:
            return kind
    return DOUBLE


def _encoded_numbers(column: DtaColumn, kind: int) -> np.ndarray:
    values = pd.to_numeric(column.values, errors="raise").astype(float).to_numpy()
    letters = (
        column.extended.fillna("").to_numpy()
        if column.extended is not None
        else np.array([""] * len(values), dtype=object)
    )
    index = np.array([missing_index(x or None) for x in letters])
    missing = np.isnan(values) | (letters != "")
    if kind == DOUBLE:
        codes = np.uint64(DOUBLE_MISSING) + index.astype(np.uint64) * np.uint64(DOUBLE_MISSING_STEP)
        out = values.astype("<f8")
        out[missing] = codes.astype("<u8").view("<f8")[missing]
        return out
    dot = INTEGER_RANGES[kind][2]
    filled = np.where(missing, dot + index, np.nan_to_num(values))
    return filled.astype(NUMPY_TYPES[kind])


def _fixed(text: str, size: int, what: str) -> bytes:
    raw = text.encode("utf-8")
    if len(raw) >= size:
        raise InputError(f"{what} {text!r} is {len(raw)} bytes; Stata holds {size - 1}")
    return raw + b"\0" * (size - len(raw))


def _texts(column: DtaColumn) -> list[bytes]:
    """The column's text as UTF-8, b"" for an empty cell."""
    return [
        str(v).encode("utf-8") if isinstance(v, str) or not pd.isna(v) else b""
        for v in column.values
    ]


def _data_section(file: DtaFile, kinds: list[int]) -> bytes:
    """The rows. A strL cell holds (v, o): the variable's and the observation's 1-based
    numbers, 2 and 6 bytes in format 118 (0 for an empty cell); its text is in <strls>."""
    n = len(file.columns[0].values) if file.columns else 0
    dtype = [
        (
            f"c{i}",
            f"S{kind}" if kind <= STR_MAX_BYTES else "<u8" if kind == STRL else NUMPY_TYPES[kind],
        )
        for i, kind in enumerate(kinds)
    ]
    rows = np.zeros(n, dtype=dtype)
    for i, (column, kind) in enumerate(zip(file.columns, kinds, strict=True)):
        if kind <= STR_MAX_BYTES:
            rows[f"c{i}"] = _texts(column)
        elif kind == STRL:
            filled = np.array([bool(t) for t in _texts(column)], dtype=bool)
            refs = (i + 1) + (np.arange(1, n + 1, dtype=np.uint64) << np.uint64(16))
            rows[f"c{i}"] = np.where(filled, refs, np.uint64(0))
        else:
            rows[f"c{i}"] = _encoded_numbers(column, kind)
    return rows.tobytes()


def _strls_section(file: DtaFile, kinds: list[int]) -> bytes:
    """One GSO per non-empty strL cell: "GSO", v (4 bytes), o (8 bytes), type 130 (text,
    NUL-terminated), length, the text."""
    out = []
    for i, (column, kind) in enumerate(zip(file.columns, kinds, strict=True)):
        if kind != STRL:
            continue
        for row, text in enumerate(_texts(column), start=1):
            if text:
                out.append(b"GSO" + struct.pack("<IQBI", i + 1, row, 130, len(text) + 1))
                out.append(text + b"\0")
    return b"".join(out)


def _characteristic(var: str, name: str, text: str) -> bytes:
    body = _fixed(var, NAME_BYTES, "name") + _fixed(name, NAME_BYTES, "characteristic")
    body += text.encode("utf-8") + b"\0"
    return b"<ch>" + struct.pack("<I", len(body)) + body + b"</ch>"


def _value_label_table(name: str, labels: dict[int, str]) -> bytes:
    items = sorted(labels.items())
    texts = [t.encode("utf-8") + b"\0" for _, t in items]
    offsets, at = [], 0
    for t in texts:
        offsets.append(at)
        at += len(t)
    table = struct.pack("<ii", len(items), at)
    table += struct.pack(f"<{len(items)}i", *offsets)
    table += struct.pack(f"<{len(items)}i", *[code for code, _ in items])
    table += b"".join(texts)
    head = struct.pack("<i", len(table)) + _fixed(name, NAME_BYTES, "value label name")
    return b"<lbl>" + head + b"\0\0\0" + table + b"</lbl>"


def _header(file: DtaFile) -> bytes:
    label = file.data_label.encode("utf-8")
    if len(label) > DATA_LABEL_MAX_BYTES:
        raise InputError(f"the data label is {len(label)} bytes; Stata holds 320")
    now = datetime.now()
    # "dd Mon yyyy hh:mm" with English month names whatever the locale
    stamp = f"{now:%d} {MONTHS[now.month - 1]} {now:%Y %H:%M}".encode("ascii")
    return (
        f"<header><release>{RELEASE}</release><byteorder>LSF</byteorder>".encode()
        + b"<K>"
        + struct.pack("<H", len(file.columns))
        + b"</K><N>"
        + struct.pack("<Q", len(file.columns[0].values) if file.columns else 0)
        + b"</N><label>"
        + struct.pack("<H", len(label))
        + label
        + b"</label><timestamp>"
        + struct.pack("<B", len(stamp))
        + stamp
        + b"</timestamp></header>"
    )


def dta_bytes(file: DtaFile) -> bytes:
    """The whole .dta file."""
    kinds = [storage_type(c) for c in file.columns]
    sections = [
        (
            "variable_types",
            b"".join(struct.pack("<H", k) for k in kinds),
        ),
        ("varnames", b"".join(_fixed(c.name, NAME_BYTES, "name") for c in file.columns)),
        ("sortlist", b"\0\0" * (len(file.columns) + 1)),
        (
            "formats",
            b"".join(
                _fixed(c.display_format or _default_format(k), FORMAT_BYTES, "format")
                for c, k in zip(file.columns, kinds, strict=True)
            ),
        ),
        (
            "value_label_names",
            b"".join(_fixed(c.value_label, NAME_BYTES, "label name") for c in file.columns),
        ),
        (
            "variable_labels",
            b"".join(_fixed(c.label, LABEL_BYTES, "variable label") for c in file.columns),
        ),
        ("characteristics", b"".join(_characteristic(*ch) for ch in file.characteristics)),
        ("data", _data_section(file, kinds)),
        ("strls", _strls_section(file, kinds)),
        (
            "value_labels",
            b"".join(_value_label_table(n, t) for n, t in file.value_labels.items()),
        ),
    ]
    start = b"<stata_dta>" + _header(file)
    map_size = len(b"<map>") + 14 * 8 + len(b"</map>")
    offsets = [0, len(start)]
    at = len(start) + map_size
    body = b""
    for tag, content in sections:
        offsets.append(at)
        chunk = f"<{tag}>".encode() + content + f"</{tag}>".encode()
        body += chunk
        at += len(chunk)
    offsets.append(at)  # </stata_dta>
    offsets.append(at + len(b"</stata_dta>"))  # end of file
    map_section = b"<map>" + struct.pack("<14Q", *offsets) + b"</map>"
    return start + map_section + body + b"</stata_dta>"


def _default_format(kind: int) -> str:
    if kind == STRL:
        return "%9s"
    if kind <= STR_MAX_BYTES:
        return f"%-{min(kind, 244)}s"
    return "%9.0g" if kind != DOUBLE else "%10.0g"
