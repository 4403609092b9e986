"""A .sav file's metadata (names, labels, value labels, user-missing values, encoding) from
its dictionary records, as pyreadstat reports them, without importing pyreadstat.

Importing pyreadstat costs about 60 ms of CPU (it imports narwhals), more than decoding a
500,000-case file's columns; ``survey crosstab`` needs only the metadata below. Every value
follows ReadStat's reading (src/spss/readstat_sav_read.c, as pyreadstat 1.3.8 builds it):
text decoded with the user's encoding, else the encoding record's (7.20), else that of the
integer info record's character code (7.3), trailing spaces and NULs stripped; names from the
long names record (7.13); value label sets applied to the variables their record 4 lists;
user-missing values as pyreadstat's ranges. Whatever this module does not reproduce exactly
raises :class:`NotCovered` and the caller asks pyreadstat: long string value labels or
missing values (7.21, 7.22), very long strings, labels or missing values on a variable whose
format pyreadstat converts (dates), a label for a missing value, duplicate names, an
encoding outside the decoder's list.
"""

from __future__ import annotations

import math
import re
import struct
from dataclasses import dataclass, field

from pipeline.readers.sav_data import (
    ColumnSpec,
    NotCovered,
    RawVariable,
    SavLayout,
    python_codec,
)

# ReadStat's names for the character codes of record 7.3 (the codes the decoder handles)
_CHARSETS = {
    2: "WINDOWS-1252", 3: "WINDOWS-1252", 20127: "US-ASCII", 65001: "UTF-8",
    **{code: f"WINDOWS-{code}" for code in range(1250, 1258)},
    **{28590 + n: f"ISO-8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9)},
    28603: "ISO-8859-13", 28605: "ISO-8859-15",
}  # fmt: skip
# one SHORT=Long pair of record 7.13, as ReadStat's grammar reads it
_LONG_NAME = re.compile(
    rb"(?P<key>[A-Z@\x80-\xfe][A-Za-z0-9@#$_.\x80-\xfe]{0,7})=(?P<value>[\x20-\x7e\x80-\xfe]{1,64})"
)
# SPSS format type codes → the names ReadStat gives them (those the decoder hands over)
_FORMATS = {
    1: "A", 5: "F", 3: "COMMA", 32: "DOT", 4: "DOLLAR", 31: "PCT", 17: "E", 16: "N", 15: "Z",
    **{33 + i: f"CC{letter}" for i, letter in enumerate("ABCDE")},
}  # fmt: skip


@dataclass
class SavMeta:
    """What the columnar reader needs of a .sav's metadata, as pyreadstat gives it."""

    names: list[str]
    specs: dict[str, ColumnSpec]
    column_labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[object, str]] = field(default_factory=dict)
    missing_ranges: dict[str, list[dict]] = field(default_factory=dict)
    file_label: str | None = None
    encoding: str | None = None


def sav_meta(layout: SavLayout, encoding: str | None) -> SavMeta:
    """The metadata of the dictionary ``layout`` was read from; ``encoding`` the user's (None:
    the file's own, from record 7.3)."""
    raw = layout.raw
    if {14, 21, 22} & raw.subtypes:
        raise NotCovered("long string value labels, missing values or very long strings")
    encoding = encoding or _file_encoding(raw.encoding_name, raw.character_code)
    codec = python_codec(encoding)
    names = _names(raw.variables, raw.long_names, codec)
    text = [layout.variables[i].width > 0 for i in range(len(names))]
    specs = {}
    for i, (name, variable) in enumerate(zip(names, raw.variables, strict=True)):
        specs[name] = ColumnSpec(i, _format_name(variable.print_format), text[i])
        formats = {_format_code(variable.print_format), _format_code(variable.write_format)}
        if 1 in formats and not text[i]:
            raise NotCovered(f"{name}: a number with a text format (pyreadstat reads text)")
    meta = SavMeta(names, specs, encoding=encoding)
    meta.file_label = _text(raw.file_label, codec) or None
    for name, variable in zip(names, raw.variables, strict=True):
        label = _text(variable.label, codec) if variable.label else None
        if label:  # an empty label is no label, as for pyreadstat's metadata
            meta.column_labels[name] = label
        if variable.n_missing:
            meta.missing_ranges[name] = _missing_ranges(name, variable, specs[name], layout)
    meta.value_labels = _value_labels(layout, names, specs, codec)
    return meta


def _file_encoding(name: bytes | None, code: int | None) -> str | None:
    """The encoding record's name (7.20) as written, else ReadStat's name for the integer
    info record's character code (7.3): what pyreadstat reports and decodes with."""
    if name is not None:
        try:
            return name.decode("ascii").strip(" \x00") or None
        except UnicodeDecodeError:
            raise NotCovered("an encoding record that is not ASCII") from None
    return _CHARSETS.get(code) if code is not None else None


def _names(variables: list[RawVariable], long_names: bytes | None, codec: str) -> list[str]:
    """Long names (record 7.13: SHORT=Long pairs, tab-separated, the short names matched
    without regard to case) where given, else the short names."""
    names = [_text(v.name, codec) for v in variables]
    if long_names:
        # ReadStat compares the short names with strcasecmp: bytes, ASCII case only
        short = {v.name.rstrip(b" \x00").upper(): i for i, v in enumerate(variables)}
        pairs = long_names.split(b"\t")
        if len(pairs) > 1 and pairs[-1] == b"":
            pairs.pop()  # the grammar allows one tab at the end
        for pair in pairs:
            match = _LONG_NAME.fullmatch(pair)
            if match is None:
                raise NotCovered("a long names record ReadStat would not parse")
            found = short.get(match["key"].upper())
            if found is not None:
                names[found] = _text(match["value"], codec)
    if len(set(names)) < len(names) or not all(names):
        raise NotCovered("duplicate or empty variable names (pyreadstat renames them)")
    return names


def _text(raw: bytes, codec: str) -> str:
    """ReadStat's conversion: trailing spaces and NULs stripped, decoded; a NUL inside ends
    the text (pyreadstat reads a C string)."""
    raw = raw.rstrip(b" \x00")
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data":
            raise NotCovered(f"metadata that is not valid {codec}") from None
        # a character cut off at the end (SPSS truncates labels by bytes): iconv, so
        # ReadStat, converts what comes before it
        text = raw[: exc.start].decode(codec)
    return text.split("\x00", 1)[0]


def _format_code(packed: int) -> int:
    return (packed >> 16) & 0xFF


def _format_name(packed: int) -> str:
    """The print format as ReadStat writes it (F8.2, A10 ...); the decoder checks it. Types
    outside the decoder's list get a name it refuses."""
    code, width, decimals = _format_code(packed), (packed >> 8) & 0xFF, packed & 0xFF
    name = _FORMATS.get(code)
    if name is None:
        return f"type {code}"
    if decimals or name == "F":  # as ReadStat's spss_format writes them
        return f"{name}{width}.{decimals}"
    return f"{name}{width}" if width else name


def _missing_ranges(name: str, variable: RawVariable, spec: ColumnSpec, layout: SavLayout):
    """pyreadstat's ranges ({"lo", "hi"}) of a numeric variable's user-missing values: each
    discrete value as lo = hi; LOWEST and HIGHEST as -inf and inf."""
    if spec.text:
        raise NotCovered(f"{name}: user-missing values of a text variable")
    _check_converted(name, spec)
    sysmis, highest, lowest = layout.missing_bits
    bits = [b for (b,) in struct.iter_unpack("<Q", variable.missing)]
    values = [v for (v,) in struct.iter_unpack("<d", variable.missing)]
    if sysmis in bits or any(v != v for v in values):
        raise NotCovered(f"{name}: system missing or NaN as a user-missing value")
    values = [-math.inf if b == lowest else math.inf if b == highest else v
              for b, v in zip(bits, values, strict=True)]  # fmt: skip
    if variable.n_missing < 0:
        ranges = [{"lo": values[0], "hi": values[1]}]
        return ranges + [{"lo": v, "hi": v} for v in values[2:]]
    return [{"lo": v, "hi": v} for v in values]


def _check_converted(name: str, spec: ColumnSpec) -> None:
    """Dates and the like: pyreadstat converts their values, labels and missing values."""
    if spec.format.startswith("type "):
        raise NotCovered(f"{name}: metadata on a variable of {spec.format}")


def _value_labels(layout: SavLayout, names: list[str], specs: dict[str, ColumnSpec],
                  codec: str) -> dict[str, dict[object, str]]:  # fmt: skip
    """Each variable's value labels: the last label set whose record 4 names it (by the
    1-based index of its first segment), as ReadStat assigns them; numbers as float keys,
    text keys decoded."""
    by_segment = {v.offset + 1: i for i, v in enumerate(layout.variables)}
    sets: list[dict[object, str]] = []
    assigned: dict[int, int] = {}
    for values, labels, segments in layout.raw.label_sets:
        members = [by_segment[s] for s in segments if s in by_segment]
        if not members:  # a set no variable uses: pyreadstat reports none
            sets.append({})
            continue
        kinds = {specs[names[i]].text for i in members}
        if len(kinds) > 1:
            raise NotCovered("one label set on text and numeric variables")
        for i in members:
            _check_converted(names[i], specs[names[i]])
            assigned[i] = len(sets)
        text = kinds == {True}
        sets.append({_label_value(v, text, codec, layout): _text(label, codec)
                     for v, label in zip(values, labels, strict=True)})  # fmt: skip
    return {names[i]: sets[s] for i, s in assigned.items() if sets[s]}


def _label_value(raw: bytes, text: bool, codec: str, layout: SavLayout) -> object:
    if text:
        return _text(raw, codec)
    (bits,) = struct.unpack("<Q", raw)
    (value,) = struct.unpack("<d", raw)
    if bits in layout.missing_bits or value != value:
        raise NotCovered("a value label on a missing value")
    return value
