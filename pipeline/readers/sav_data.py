"""The data of an SPSS .sav file decoded straight into numpy arrays, for the columns asked.

pyreadstat hands every value of every case through Python (a list per column): on a
500,000-case file that costs more than a whole cross-tab from CSV. This module reads the
dictionary's record layout itself (GNU PSPP's "System File Format" appendix) and decodes the
data section vectorised: an uncompressed file is a strided view of its 8-byte segments; a
bytecode-compressed one (compression 1, SPSS's default) has its chain of command blocks
walked 32 blocks a Python step and everything else done by numpy, column by column.

It gives exactly what pyreadstat gives (``user_missing=True``): numbers as float64 with
system missing (and ReadStat's other missing patterns: HIGHEST, LOWEST, NaN) as NaN, text
with its trailing spaces and NULs stripped, decoded with the file's encoding. What it does
not cover it says, by raising :class:`NotCovered` with the reason, decided from the
dictionary before any data is decoded: .zsav, very long strings, big-endian files, dates
and other formats pyreadstat converts, an encoding whose decoding could differ from iconv's,
anything inconsistent. The caller then reads the file with pyreadstat. A data section that
is truncated or holds another number of cases than the header says is an
:class:`InputError`.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.core.errors import InputError

_HEADER_SIZE = 176
_SPACES = 0x2020202020202020  # eight ASCII spaces as one little-endian 8-byte word
# ReadStat's defaults for system missing, HIGHEST and LOWEST (bit patterns), used when the
# file has no machine floating-point record (7.4)
_SYSMIS, _HIGHEST, _LOWEST = 0xFFEFFFFFFFFFFFFF, 0x7FEFFFFFFFFFFFFF, 0xFFEFFFFFFFFFFFFE
# display formats whose values pyreadstat hands over as stored (dates, times ... it converts)
_NUMBER_FORMAT = re.compile(r"(F|COMMA|DOT|DOLLAR|PCT|E|N|Z|CC[A-E])\d*(\.\d+)?")
_TEXT_FORMAT = re.compile(r"A\d*")
# encodings whose Python codec decodes as glibc's iconv (which pyreadstat uses) does, by the
# spellings both accept (upper case; iconv refuses "latin-1", Python takes it): a name iconv
# would refuse must go to pyreadstat, which then refuses the file. CP1258 is not among them:
# iconv composes its combining tone marks, Python's codec does not
_SAME_AS_ICONV = {
    "UTF-8": "utf-8", "UTF8": "utf-8", "US-ASCII": "ascii", "ASCII": "ascii",
    "LATIN1": "iso8859-1",
    **{f"{prefix}{n}": f"cp{n}" for n in range(1250, 1258) for prefix in ("WINDOWS-", "CP")},
    **{f"ISO{sep}8859-{n}": f"iso8859-{n}" for n in (*range(1, 11), 13, 14, 15, 16)
       for sep in ("-", "")},
}  # fmt: skip


class NotCovered(Exception):
    """The file (or a column asked) needs what only pyreadstat does; the message says what."""


@dataclass(frozen=True)
class SavVariable:
    """One variable of the dictionary: ``width`` 0 for a number, else the string's bytes;
    ``offset`` its first 8-byte segment in a case, ``segments`` how many it spans."""

    width: int
    offset: int
    segments: int


@dataclass
class RawVariable:
    """A variable record's fields as stored (bytes undecoded): what the metadata is made of."""

    name: bytes
    print_format: int  # type << 16 | width << 8 | decimals
    write_format: int
    label: bytes | None
    n_missing: int  # 1-3 discrete values, -2 a range, -3 a range and a value
    missing: bytes  # abs(n_missing) 8-byte values


@dataclass
class RawDictionary:
    """The dictionary's metadata records as stored, for :mod:`pipeline.readers.sav_meta`."""

    file_label: bytes
    variables: list[RawVariable]
    # value label records (3) with the variable records (4) they apply to: (values, labels,
    # 1-based indexes of the variables' first segments)
    label_sets: list[tuple[list[bytes], list[bytes], list[int]]]
    character_code: int | None  # record 7.3
    encoding_name: bytes | None  # record 7.20 (pyreadstat's ReadStat prefers it to 7.3)
    long_names: bytes | None  # record 7.13
    subtypes: set[int]  # every extension record (7.x) present


@dataclass(frozen=True)
class SavLayout:
    """What decoding the data needs from the dictionary. ``ncases`` -1: not recorded."""

    compression: int
    bias: float
    ncases: int
    case_size: int  # 8-byte segments per case
    variables: tuple[SavVariable, ...]
    missing_bits: tuple[int, int, int]  # system missing, HIGHEST, LOWEST
    very_long_strings: bool
    data_offset: int
    raw: RawDictionary


class _Reader:
    """Little-endian fields read from ``buffer`` in order; running past its end means the
    dictionary is not what this module understands (pyreadstat then says what is wrong)."""

    def __init__(self, buffer: bytes, position: int) -> None:
        self.buffer, self.position = buffer, position

    def take(self, size: int) -> bytes:
        if size < 0 or self.position + size > len(self.buffer):
            raise NotCovered("the dictionary ends early or has an impossible size")
        chunk = self.buffer[self.position : self.position + size]
        self.position += size
        return chunk

    def ints(self, count: int) -> tuple[int, ...]:
        return struct.unpack(f"<{count}i", self.take(4 * count))


def read_layout(buffer: bytes) -> SavLayout:
    """The record layout of a .sav file's dictionary (header, variable records, records 3,
    4, 6, 7 skipped by their sizes, up to record 999)."""
    if buffer[:4] == b"$FL3":
        raise NotCovered("a .zsav file (zlib-compressed data)")
    if buffer[:4] != b"$FL2" or len(buffer) < _HEADER_SIZE:
        raise NotCovered("not an SPSS system file header")
    layout_code, nominal_size, compression, _, ncases = struct.unpack_from("<5i", buffer, 64)
    if layout_code not in (2, 3):
        raise NotCovered("a big-endian file (or an unknown layout code)")
    if compression not in (0, 1):
        raise NotCovered(f"compression {compression}")
    (bias,) = struct.unpack_from("<d", buffer, 84)
    reader = _Reader(buffer, _HEADER_SIZE)
    variables: list[SavVariable] = []
    raw = RawDictionary(buffer[109:173], [], [], None, None, None, set())
    case_size = 0
    missing_bits = (_SYSMIS, _HIGHEST, _LOWEST)
    while True:
        (record,) = reader.ints(1)
        if record == 2:
            case_size = _variable_record(reader, variables, raw.variables, case_size)
        elif record == 3:
            raw.label_sets.append(_value_labels(reader))
        elif record == 4:
            raise NotCovered("a value labels' variables record (4) without its labels (3)")
        elif record == 6:
            (lines,) = reader.ints(1)
            reader.take(80 * lines)
        elif record == 7:
            subtype, size, count = reader.ints(3)
            body = reader.take(size * count)
            raw.subtypes.add(subtype)
            if subtype == 4 and size == 8 and count == 3:
                missing_bits = struct.unpack("<3Q", body)
            elif subtype == 3 and size * count == 32:
                raw.character_code = struct.unpack("<8i", body)[7]
            elif subtype == 13:
                raw.long_names = body
            elif subtype == 20:
                raw.encoding_name = body
        elif record == 999:
            reader.ints(1)
            break
        else:
            raise NotCovered(f"an unknown dictionary record type {record}")
    _check_segments(variables, case_size, nominal_size)
    return SavLayout(compression, bias, ncases, case_size, tuple(variables), missing_bits,
                     14 in raw.subtypes, reader.position, raw)  # fmt: skip


def _value_labels(reader: _Reader) -> tuple[list[bytes], list[bytes], list[int]]:
    """A value label record (3) and the variable record (4) that must follow it."""
    (count,) = reader.ints(1)
    values, labels = [], []
    for _ in range(count):
        values.append(reader.take(8))
        (length,) = reader.take(1)
        labels.append(reader.take((length + 8) // 8 * 8 - 1))  # padded as ReadStat reads it
    record, n_variables = reader.ints(2)
    if record != 4:
        raise NotCovered("value labels (3) not followed by their variables (4)")
    return values, labels, list(reader.ints(n_variables))


def _variable_record(
    reader: _Reader, variables: list[SavVariable], raw: list[RawVariable], case_size: int
) -> int:
    """Reads one variable record (type 2): a new variable, or a continuation segment of the
    string before it. Returns the case size in segments so far."""
    kind, has_label, n_missing, print_format, write_format = reader.ints(5)
    name = reader.take(8)
    label = None
    if has_label:
        (length,) = reader.ints(1)
        label = reader.take((length + 3) // 4 * 4)[:length]
    if not -3 <= n_missing <= 3:
        raise NotCovered(f"a variable record with {n_missing} missing values")
    missing = reader.take(8 * abs(n_missing))
    if kind == -1:
        if not variables or variables[-1].width == 0:
            raise NotCovered("a continuation record without a string before it")
        last = variables[-1]
        variables[-1] = SavVariable(last.width, last.offset, last.segments + 1)
    elif 0 <= kind <= 255:
        variables.append(SavVariable(kind, case_size, 1))
        raw.append(RawVariable(name, print_format, write_format, label, n_missing, missing))
    else:
        raise NotCovered(f"a variable record of type {kind}")
    return case_size + 1


def _check_segments(variables: list[SavVariable], case_size: int, nominal: int) -> None:
    for variable in variables:
        if variable.segments != max(1, (variable.width + 7) // 8):
            raise NotCovered("a string's continuation records do not match its width")
    if nominal not in (-1, 0, case_size):  # haven writes 0; ReadStat does not use it
        raise NotCovered("the header's case size is not that of the variable records")


def python_codec(encoding: str | None) -> str:
    """The Python codec of the file's encoding (as pyreadstat names it), where it decodes
    exactly as iconv does."""
    if not encoding:
        raise NotCovered("no encoding recorded in the file")
    codec = _SAME_AS_ICONV.get(encoding.upper())
    if codec is None:
        raise NotCovered(f"the encoding {encoding} (iconv and Python may decode it apart)")
    return codec


@dataclass(frozen=True)
class ColumnSpec:
    """A column asked of the file: its index among the variables, its display format (as
    pyreadstat gives it: F8.2, A10, DATE11 ...) and whether pyreadstat calls it text."""

    index: int
    format: str
    text: bool


def check_case_count(path: Path) -> None:
    """InputError when the .sav's data section holds another number of cases than its
    header says, or ends inside a case (pyreadstat reads as many as the header says and
    drops the rest without a word); nothing for a file this module does not decode."""
    buffer = path.read_bytes()
    try:
        _case_segments(buffer, read_layout(buffer), path)
    except NotCovered:
        return


def decode_columns(
    path: Path,
    buffer: bytes,
    layout: SavLayout,
    n_variables: int,
    specs: dict[str, ColumnSpec],
    encoding: str | None,
) -> tuple[dict[str, np.ndarray], int]:
    """The columns ``specs`` of the .sav ``path`` (read: ``buffer``; its ``layout``; its
    ``n_variables`` as pyreadstat counts them) as numpy arrays, and the number of cases:
    numbers float64 (missing = NaN), text object arrays of str. Raises NotCovered before
    decoding anything it cannot decode as pyreadstat does, InputError for a data section
    that is truncated or too long."""
    if layout.very_long_strings:
        raise NotCovered("very long strings (record 7.14)")
    if len(layout.variables) != n_variables:
        raise NotCovered("the variable records do not match pyreadstat's variables")
    codec = _check_columns(layout, specs, encoding)
    segments = _case_segments(buffer, layout, path)
    arrays = {}
    for name, spec in specs.items():
        variable = layout.variables[spec.index]
        part = segments.take(variable.offset, variable.segments)
        arrays[name] = (
            _texts(part, codec, encoding == "UTF-8", name)
            if spec.text
            else _numbers(part[:, 0], layout.missing_bits)
        )
    return arrays, segments.cases


def _check_columns(layout: SavLayout, specs: dict[str, ColumnSpec], encoding: str | None):
    """The codec the asked text columns need (None when none is asked); NotCovered for a
    column whose format pyreadstat converts or whose kind disagrees with the dictionary."""
    for name, spec in specs.items():
        variable = layout.variables[spec.index]
        if spec.text != (variable.width > 0):
            raise NotCovered(f"{name}: text in one reading, a number in the other")
        pattern = _TEXT_FORMAT if spec.text else _NUMBER_FORMAT
        if not pattern.fullmatch(spec.format):
            raise NotCovered(f"{name}: the format {spec.format} (pyreadstat converts it)")
    return python_codec(encoding) if any(s.text for s in specs.values()) else None


class _Uncompressed:
    """The segments of an uncompressed data section: a view of the file's bytes."""

    def __init__(self, words: np.ndarray, case_size: int) -> None:
        self.cases = len(words) // case_size
        self._cases = words.reshape(self.cases, case_size)

    def take(self, first: int, count: int) -> np.ndarray:
        """Segments ``first`` to ``first + count - 1`` of every case, (cases, count) uint64."""
        return self._cases[:, first : first + count]


class _Compressed:
    """The segments of a bytecode-compressed data section, expanded column by column: the
    commands (zeros and the end code removed), one per segment, and the literals in order."""

    def __init__(self, commands: np.ndarray, literals: np.ndarray, layout: SavLayout) -> None:
        self.cases = len(commands) // layout.case_size
        self._commands = commands.reshape(self.cases, layout.case_size)
        # how many literals come before each segment: the index of its literal if a 253
        index = np.int32 if len(literals) < 2**31 else np.int64
        self._literal_rank = np.cumsum(commands == 253, dtype=index) - 1
        self._literals = literals
        self._table = _command_table(layout)

    def take(self, first: int, count: int) -> np.ndarray:
        """Segments ``first`` to ``first + count - 1`` of every case, (cases, count) uint64."""
        commands = self._commands[:, first : first + count]
        segments = self._table[commands]
        literal = commands == 253
        if literal.any():
            rank = self._literal_rank.reshape(self._commands.shape)[:, first : first + count]
            segments[literal] = self._literals[rank[literal]]
        return segments


def _case_segments(buffer: bytes, layout: SavLayout, path: Path) -> _Uncompressed | _Compressed:
    """The data section's 8-byte segments (little-endian uint64), case by case; InputError
    when it ends inside a case or holds another number of cases than the header says."""
    if layout.case_size == 0:
        raise NotCovered("a file without variables")
    size = len(buffer) - layout.data_offset
    words = np.frombuffer(buffer, dtype="<u8", offset=layout.data_offset, count=size // 8)
    if layout.compression == 0:
        if size % 8:
            raise _truncated(path, len(words) // layout.case_size + 1)
        stream, literals = words, None
    else:
        stream, literals = _commands_and_literals(words, size % 8 != 0, layout, path)
    cases, partial = divmod(len(stream), layout.case_size)
    if partial:
        raise _truncated(path, cases + 1)
    if layout.ncases >= 0 and cases != layout.ncases:
        raise InputError(f"the header says {layout.ncases} cases, the data section holds "
                         f"{cases}", file=str(path))  # fmt: skip
    if literals is None:
        return _Uncompressed(stream, layout.case_size)
    return _Compressed(stream, literals, layout)


def _commands_and_literals(
    words: np.ndarray, partial_word: bool, layout: SavLayout, path: Path
) -> tuple[np.ndarray, np.ndarray]:
    """A bytecode-compressed data section as its commands, one per segment (0s and what
    follows the end code removed), and its literals in order.

    The section is a chain of blocks: 8 command bytes, then one 8-byte literal for each
    command 253 in them. Commands: 0 nothing, 1-251 the number code - bias, 252 end of data,
    253 a literal, 254 eight spaces, 255 system missing."""
    starts = _block_starts(_literal_counts(words))
    commands = words[starts].view(np.uint8)  # each block's 8 commands, in order
    end = np.flatnonzero(commands == 252)
    if end.size:  # what follows the end code (padding) is not data
        commands = commands[: end[0]]
    commands = commands[commands != 0]
    # every word that does not start a block is a literal, in the order of the 253s
    is_start = np.zeros(len(words), dtype=bool)
    is_start[starts] = True
    literals = words[~is_start]
    literal = np.flatnonzero(commands == 253)
    if len(literal) > len(literals):
        raise _truncated(path, int(literal[len(literals)]) // layout.case_size + 1)
    if partial_word and not end.size:
        raise _truncated(path, len(commands) // layout.case_size + 1)
    return commands, literals


def _truncated(path: Path, case: int) -> InputError:
    """Case ``case`` (1-based) cut short; its row is ``case + 1`` as the reader numbers rows
    (row 1 being the header of a table)."""
    return InputError(f"the data section is truncated: case {case} is incomplete",
                      file=str(path), row=case + 1)  # fmt: skip


def _literal_counts(words: np.ndarray) -> np.ndarray:
    """How many bytes of each 8-byte word are 253 (the literals it announces, were it a
    command block): the 8 booleans of a word's bytes, read as one integer and multiplied,
    sum into its top byte."""
    is_253 = (words.view(np.uint8) == 253).view("<u8")
    return (is_253 * np.uint64(0x0101010101010101)) >> np.uint64(56)


_JUMP_ROUNDS = 5  # the Python walk takes 2**5 = 32 blocks a step


def _block_starts(literal_counts: np.ndarray) -> np.ndarray:
    """The word index of every command block, in order: the next block starts after this
    one's literals. The chain is sequential by nature; it is walked 32 blocks a step, on a
    table of 32-block jumps built by doubling, then the 32 blocks between steps are filled
    in vectorised for all steps at once."""
    n = len(literal_counts)
    index = np.int32 if n < 2**31 - 16 else np.int64  # half the memory traffic when it can
    following = np.empty(n + 1, dtype=index)  # the block after one at each word; n: none
    following[:n] = np.arange(1, n + 1, dtype=index)
    following[:n] += literal_counts.astype(index)
    following[n] = n
    np.minimum(following, n, out=following)
    jump = following
    for _ in range(_JUMP_ROUNDS):
        jump = jump[jump]
    steps, position, table = [], 0, memoryview(jump)
    while position < n:
        steps.append(position)
        position = table[position]
    current = np.array(steps, dtype=index)
    chain = np.empty((2**_JUMP_ROUNDS, len(current)), dtype=index)
    for offset in range(2**_JUMP_ROUNDS):
        chain[offset] = current
        current = following[current]
    starts = chain.T.ravel()
    return starts[starts < n]


def _command_table(layout: SavLayout) -> np.ndarray:
    """The 8-byte segment each command byte stands for (253's is filled in per literal)."""
    table = np.zeros(256, dtype="<u8")
    table[1:252] = (np.arange(1, 252, dtype=np.float64) - layout.bias).view("<u8")
    table[254] = _SPACES
    table[255] = layout.missing_bits[0]
    return table


def _numbers(segments: np.ndarray, missing_bits: tuple[int, int, int]) -> np.ndarray:
    """One numeric column: float64 with system missing, HIGHEST, LOWEST and NaN as NaN (as
    ReadStat tags them)."""
    values = segments.view("<f8").astype(np.float64)
    missing = np.isnan(values)
    for bits in missing_bits:
        missing |= segments == np.uint64(bits)
    values[missing] = np.nan
    return values


def _texts(segments: np.ndarray, codec: str, utf8: bool, name: str) -> np.ndarray:
    """One string column from its segments: all its bytes joined (NULs dropped when the file
    is UTF-8, as ReadStat does), trailing spaces and NULs stripped, decoded. (numpy's char
    functions treat NUL as the end of a value, hence the byte arithmetic.)"""
    width = segments.shape[1] * 8
    data = np.ascontiguousarray(segments).view(np.uint8).reshape(len(segments), width).copy()
    if utf8 and not data.all():
        # a stable sort moves every NUL to the end of its value, the other bytes in order
        data = np.take_along_axis(data, np.argsort(data == 0, axis=1, kind="stable"), axis=1)
    content = (data != 0x20) & (data != 0)
    length = np.where(content.any(axis=1), width - np.argmax(content[:, ::-1], axis=1), 0)
    inside = np.arange(width) < length[:, None]
    if not utf8 and (inside & (data == 0)).any():
        raise NotCovered(f"{name}: a NUL byte inside a text value")
    data[~inside] = 0  # 'S' values end at their first trailing NUL
    try:
        texts = np.char.decode(data.view(f"S{width}").ravel(), codec)
    except UnicodeDecodeError:
        raise NotCovered(f"{name}: text that is not valid {codec}") from None
    return texts.astype(object)
