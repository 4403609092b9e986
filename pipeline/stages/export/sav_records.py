"""The SPSS variable sets record (type 7, subtype 5), added to a finished .sav/.zsav.

SPSS shows variable sets in its data editor and dialogs; syntax has no command for them and
neither pyreadstat nor PSPP 1.6 writes them, so the record is inserted here, just before
the dictionary's end (record type 999). Layout (PSPP's documentation of the system file
format, "Variable Sets Record"): int32 7, int32 5, int32 1, int32 count, then ``count``
bytes of text, one line per set: ``<name>= <variable> <variable>...`` ending in a line feed,
written in UTF-8 (the export's files are UTF-8; a file in another code page needs ASCII names).
A .zsav's offsets after the dictionary (zlib header and trailer) move by the inserted length.
"""

from __future__ import annotations

import struct
from pathlib import Path

HEADER_BYTES = 176
VARIABLE_SETS_SUBTYPE = 5


def _record_end(raw: bytes, at: int) -> int:
    """Offset just past the dictionary record that starts at ``at``."""
    (kind,) = struct.unpack_from("<i", raw, at)
    if kind == 2:
        _, _, has_label, n_missing = struct.unpack_from("<4i", raw, at)
        at += 32
        if has_label:
            (length,) = struct.unpack_from("<i", raw, at)
            at += 4 + (length + 3) // 4 * 4
        return at + abs(n_missing) * 8
    if kind == 3:  # value labels, followed by their type 4 list of variables
        (count,) = struct.unpack_from("<i", raw, at + 4)
        at += 8
        for _ in range(count):
            length = raw[at + 8]
            at += 8 + (length + 8) // 8 * 8
        (_, n_vars) = struct.unpack_from("<2i", raw, at)
        return at + 8 + 4 * n_vars
    if kind == 6:
        (lines,) = struct.unpack_from("<i", raw, at + 4)
        return at + 8 + 80 * lines
    if kind == 7:
        _, _, size, count = struct.unpack_from("<4i", raw, at)
        return at + 16 + size * count
    raise ValueError(f"unexpected record type {kind} at byte {at}")


def _records(raw: bytes) -> list[int]:
    """Offsets of the dictionary's records, the type 999 end record last."""
    offsets, at = [], HEADER_BYTES
    while struct.unpack_from("<i", raw, at)[0] != 999:
        offsets.append(at)
        at = _record_end(raw, at)
    return [*offsets, at]


def variable_sets_text(sets: dict[str, list[str]]) -> bytes:
    return "".join(f"{name}= {' '.join(members)}\n" for name, members in sets.items()).encode()


def add_variable_sets(path: Path, sets: dict[str, list[str]]) -> None:
    """Insert the variable sets record into the .sav/.zsav at ``path`` (in place)."""
    if not sets:
        return
    raw = path.read_bytes()
    if raw[:4] not in (b"$FL2", b"$FL3"):
        raise ValueError(f"{path.name} is not an SPSS system file")
    (layout,) = struct.unpack_from("<i", raw, 64)
    if layout not in (2, 3):
        raise ValueError(f"{path.name} is big-endian; only little-endian files are extended")
    at = _records(raw)[-1]
    text = variable_sets_text(sets)
    record = struct.pack("<4i", 7, VARIABLE_SETS_SUBTYPE, 1, len(text)) + text
    out = bytearray(raw[:at] + record + raw[at:])
    if raw[:4] == b"$FL3":
        _shift_zlib_offsets(out, at + len(record) + 8, len(record))
    path.write_bytes(bytes(out))


def _shift_zlib_offsets(out: bytearray, zheader: int, delta: int) -> None:
    """Move the .zsav's absolute offsets (zlib header and trailer blocks) by ``delta``."""
    zheader_ofs, ztrailer_ofs, ztrailer_len = struct.unpack_from("<3q", out, zheader)
    struct.pack_into("<3q", out, zheader, zheader_ofs + delta, ztrailer_ofs + delta, ztrailer_len)
    trailer = ztrailer_ofs + delta
    (n_blocks,) = struct.unpack_from("<i", out, trailer + 20)
    for i in range(n_blocks):
        block = trailer + 24 + 24 * i
        uncompressed, compressed = struct.unpack_from("<2q", out, block)
        struct.pack_into("<2q", out, block, uncompressed + delta, compressed + delta)


def read_variable_sets(path: Path) -> dict[str, list[str]]:
    """The variable sets stored in a .sav/.zsav ({} when there are none)."""
    raw = path.read_bytes()
    sets: dict[str, list[str]] = {}
    for at in _records(raw)[:-1]:
        kind, subtype, _, count = struct.unpack_from("<4i", raw, at)
        if kind == 7 and subtype == VARIABLE_SETS_SUBTYPE:
            for line in raw[at + 16 : at + 16 + count].decode("utf-8").splitlines():
                name, _, members = line.partition("= ")
                sets[name] = members.split()
    return sets
