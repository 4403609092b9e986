"""Delimited text files read in one columnar pass (pyarrow's CSV parser), with the hostile-input
checks made on the parsed columns and on the raw bytes rather than cell by cell in Python.

Encoding (see ``ingest/text.py``): a UTF-8 file (with or without BOM) is parsed straight from
disk; UTF-16/32, Windows-1258 and any ``--encoding`` are decoded strictly, re-encoded as UTF-8
in memory and parsed the same way. Invalid UTF-8 found by the parser sends the file to the
detector, which decodes it as Vietnamese Windows-1258 or refuses it with the byte offset.

Checks, and what each one prevents:

- a NUL byte: binary data or a damaged file (named by byte offset and line);
- a line longer than ``MAX_LINE_BYTES`` or a cell longer than ``MAX_CELL_CHARS``: a broken file;
- a duplicate header: pandas or arrow would rename or merge the second column;
- a row wider than the header with values in the extra cells: values with no column;
- a row shorter than the header is padded (spreadsheets drop trailing empty cells), unless a
  quoted cell in it holds the delimiter: then a stray quote has eaten cells;
- a quote that swallows following records: a quoted cell spanning lines is legal CSV, but one
  holding a line that parses as a complete row of the header's width is refused, naming the
  row where the quote opens; a quote left open at the end of the file likewise;
- the header row repeated below the first data row: two files pasted together.

Row accounting: every record after the header is a row of the result (``row_numbers``: its
1-based record number, header = 1), empty lines between rows included as blank rows; empty
lines after the last row are not records. Anything else is refused with its row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from pipeline.core.columns import column_letter
from pipeline.core.errors import InputError
from pipeline.readers.ingest.table import MAX_CELL_CHARS, check_unique_headers
from pipeline.readers.ingest.text import BOMS, decode_bytes, sniff_delimiter
from pipeline.readers.selection import select_columns

MAX_LINE_BYTES = 16 * 1024 * 1024
_SAMPLE_BYTES = 64_000
_CHUNK_BYTES = 2 * 1024 * 1024
_STREAM_BLOCK_BYTES = 1024 * 1024  # typed reading block by block (long lines: 4 MB blocks)
# Up to this size a file is read whole on every core and its integers narrowed afterwards
# (its int64 columns, briefly, are a few times this); a larger one block by block on one core,
# so that its memory stays within a few times its size
_WHOLE_READ_BYTES = 32 * 1024 * 1024
_NARROW = (pa.int8(), pa.int16(), pa.int32())  # integer types tried, smallest first
_NEVER = ["\x00never"]  # arrow's bool inference off: "true"/"1" stay what they are


@dataclass
class ParsedText:
    """A delimited file parsed: the arrow table (header names as given), each row's record
    number (header = 1), and how the file was read."""

    table: pa.Table
    headers: list[str]
    row_numbers: range
    encoding: str
    delimiter: str


def read_delimited(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    text: bool = True,
    columns: list[str] | None = None,
    optional: tuple[str, ...] = (),
) -> ParsedText:
    """Parse a delimited file. ``text``: every column as strings (None for empty), as
    ingestion needs; else numbers are typed (int64/float64) as analysis needs.
    ``columns``: read only these (typed reading of a few columns of a wide file), and those
    of ``optional`` the file has."""
    source = _source(path, encoding)
    header = _header(source, path, delimiter)
    delim = source.delimiter
    if columns is not None:
        columns = select_columns(columns, optional, header.names, path)
    parsed = _parse(source, path, header, text=text, columns=columns)
    if source.multiline:  # only a cell spanning lines can swallow records
        # ... and it may sit in a column not asked for: then check them all
        everything = parsed
        if columns is not None:
            everything = _parse(source, path, header, text=True, columns=None)
        _check_swallowed(everything, path, len(header.names), delim)
    if source.multiline or source.longest_line > MAX_CELL_CHARS:
        _check_cells(parsed, path)
    _check_repeated_header(parsed, path)
    if source.quotes % 2:
        _check_quote_closed(source, path)
    parsed.encoding = source.encoding
    parsed.delimiter = delim
    return parsed


# ---- the bytes: encoding, NUL, line lengths ----------------------------------------------


@dataclass
class _Source:
    """The file as the parser will see it: a path (UTF-8 on disk) or UTF-8 bytes in memory."""

    path: Path
    data: bytes | None
    encoding: str
    delimiter: str = ","
    lines: int = 0  # line breaks in the file, trailing empty lines excluded
    trailing_empty: int = 0
    quotes: int = 0  # double quotes in the file: odd when one is never closed
    longest_line: int = 0  # bytes
    multiline: bool = False  # set after parsing: some cell spans lines

    @property
    def size(self) -> int:
        """Bytes the parser reads."""
        return self.path.stat().st_size if self.data is None else len(self.data)

    def stream(self) -> pa.NativeFile:
        if self.data is None:
            return pa.OSFile(str(self.path))
        return pa.BufferReader(self.data)


def _source(path: Path, encoding: str | None) -> _Source:
    head = _read_head(path)
    if not head.strip():
        raise InputError("the file is empty: expected a header row and data rows", file=str(path))
    needs_decoding = encoding is not None or any(
        head.startswith(bom) for bom, codec in BOMS if codec != "utf-8"
    )
    if not needs_decoding and b"\x00" in head[:4096] and _looks_utf16(head[:4096]):
        needs_decoding = True
    if needs_decoding:
        return _decoded(path, path.read_bytes(), encoding)
    source = _Source(path, None, "utf-8-sig" if head.startswith(BOMS[2][0]) else "utf-8")
    _scan_bytes(source, path)
    return source


def _decoded(path: Path, data: bytes, encoding: str | None) -> _Source:
    """Decode strictly (detecting the encoding when None) and hold the text as UTF-8."""
    text = decode_bytes(data, str(path), encoding)
    detected = encoding or _detected_name(data)
    source = _Source(path, text.encode("utf-8"), detected)
    _scan_bytes(source, path)
    return source


def _detected_name(data: bytes) -> str:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    if b"\x00" in data[:4096]:
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1258"
    return "utf-8"


def _looks_utf16(sample: bytes) -> bool:
    """NULs on every other byte: UTF-16 without a byte-order mark."""
    arr = np.frombuffer(sample[: len(sample) // 2 * 2], dtype=np.uint8).reshape(-1, 2)
    odd, even = int((arr[:, 1] == 0).sum()), int((arr[:, 0] == 0).sum())
    enough = len(arr) / 4  # text in UTF-16 has a NUL in most pairs; a stray NUL is damage
    return (odd > 4 * even and odd >= enough) or (even > 4 * odd and even >= enough)


def _read_head(path: Path, size: int = _SAMPLE_BYTES) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", file=str(path)) from None


def _scan_bytes(source: _Source, path: Path) -> None:
    """NUL bytes and over-long lines, found in the raw bytes chunk by chunk (vectorised, low
    memory); also counts line breaks, for the row accounting."""
    offset, line, last_break, breaks = 0, 1, -1, 0
    tail = b""
    for chunk in _chunks(source):
        arr = np.frombuffer(chunk, dtype=np.uint8)
        newlines = np.flatnonzero(arr == 10)
        at = chunk.find(b"\x00")
        if at != -1:
            row = line + int(np.searchsorted(newlines, at))
            raise InputError(
                f"a NUL byte at byte offset {offset + at}: this is not a text file, or it is "
                "damaged (or its encoding is UTF-16/32 without a byte-order mark: give "
                "--encoding)",
                file=str(path),
                row=row,
            )
        ends = np.concatenate(([last_break - offset], newlines, [len(arr)]))
        longest = int(np.diff(ends).max()) - 1 if ends.size > 1 else 0
        source.longest_line = max(source.longest_line, longest)
        if longest > MAX_LINE_BYTES:
            k = int(np.argmax(np.diff(ends)))
            raise InputError(
                f"a line of more than {MAX_LINE_BYTES:,} bytes; is the file broken?",
                file=str(path),
                row=line + k,
            )
        if newlines.size:
            last_break = offset + int(newlines[-1])
        source.quotes += chunk.count(b'"')
        line += int(newlines.size)
        breaks += int(newlines.size)
        offset += len(arr)
        tail = (tail + chunk)[-4096:]
    if breaks == 0:
        breaks = tail.count(b"\r")  # old Mac line ends
    stripped = tail.rstrip(b"\r\n")
    ending = tail[len(stripped) :]
    empty_after = max(ending.count(b"\n") or ending.count(b"\r"), 1) - 1 if ending else 0
    source.trailing_empty = empty_after
    source.lines = breaks - empty_after + (0 if ending else 1)


def _chunks(source: _Source):
    if source.data is not None:
        for start in range(0, len(source.data), _CHUNK_BYTES):
            yield source.data[start : start + _CHUNK_BYTES]
        return
    with source.path.open("rb") as fh:
        while chunk := fh.read(_CHUNK_BYTES):
            yield chunk


# ---- the header --------------------------------------------------------------------------


@dataclass(frozen=True)
class _HeaderRow:
    raw: list[str]  # as arrow names the columns
    names: list[str]  # as the user reads them: trimmed, without byte-order marks


def _header(source: _Source, path: Path, delimiter: str | None) -> _HeaderRow:
    """The header row (from a sample, so that arrow can be told each column's type and
    duplicates are seen before arrow merges them); sniffs the delimiter when not given."""
    sample = _sample_text(source, path, _SAMPLE_BYTES)
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else sniff_delimiter(sample)
    source.delimiter = delimiter
    size = _SAMPLE_BYTES
    while True:
        records = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        first = next(records, [])
        if next(records, None) is not None or len(sample.encode("utf-8")) < size - 3:
            break  # the header record is complete: a record follows it, or the file ends
        size *= 4  # a header wider than the sample (thousands of columns)
        sample = _sample_text(source, path, size)
    headers = [h.replace("\ufeff", "").strip() for h in first]
    if not headers:
        raise InputError(
            "the first line is empty: expected a header row naming the columns",
            file=str(path),
            row=1,
        )
    check_unique_headers(str(path), headers)
    return _HeaderRow(first, headers)


def _sample_text(source: _Source, path: Path, size: int) -> str:
    raw = source.data[:size] if source.data is not None else _read_head(path, size)
    raw = raw.removeprefix(BOMS[2][0])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 3 and len(raw) >= size - 3:
            return raw[: exc.start].decode("utf-8")  # a character cut at the sample's end
    _to_memory(source, path)  # not UTF-8
    return _sample_text(source, path, size)


def _to_memory(source: _Source, path: Path) -> None:
    """Not UTF-8 after all: detect and decode the whole file (cp1258, or a clear refusal)."""
    decoded = _decoded(path, path.read_bytes(), None)
    source.data, source.encoding = decoded.data, decoded.encoding
    source.lines, source.trailing_empty = decoded.lines, decoded.trailing_empty
    source.quotes, source.longest_line = decoded.quotes, decoded.longest_line


# ---- parsing -----------------------------------------------------------------------------


@dataclass
class _Irregular:
    number: int | None
    width: int
    text: str


def _parse(
    source: _Source, path: Path, header: _HeaderRow, *, text: bool, columns: list[str] | None
) -> ParsedText:
    raw_columns = _raw_names(header, columns, path)
    irregular: list[_Irregular] = []
    table = _arrow_read(source, path, header, irregular, text=text, columns=raw_columns,
                        threads=True)  # fmt: skip
    if irregular:
        # only an irregular file pays a second, single-threaded parse: arrow numbers the
        # irregular rows only then
        irregular.clear()
        table = _arrow_read(source, path, header, irregular, text=text, columns=raw_columns,
                            threads=False)  # fmt: skip
    if any(pa.types.is_binary(t) for t in table.schema.types) and source.data is None:
        _to_memory(source, path)  # invalid UTF-8 where arrow typed a column as bytes
        return _parse(source, path, header, text=text, columns=columns)
    return _assemble(table, irregular, source, path, header, text=text, columns=columns)


def _raw_names(header: _HeaderRow, columns: list[str] | None, path: Path) -> list[str] | None:
    """The columns asked for (as the user names them), as arrow names them."""
    if columns is None:
        return None
    raw = dict(zip(header.names, header.raw, strict=True))
    return [raw[c] for c in columns]


def _arrow_read(source, path, header, irregular, *, text, columns, threads) -> pa.Table:
    def on_invalid(row: pacsv.InvalidRow) -> str:
        irregular.append(_Irregular(row.number, row.actual_columns, row.text))
        return "skip"

    types = {name: pa.string() for name in (columns or header.raw)} if text else None
    # For analysis an "NA" cell is missing, as R's write.csv and pandas mean it; raw text
    # keeps it as written, for the cleaning rules to judge.
    convert = pacsv.ConvertOptions(
        null_values=[""] if text else ["", "NA"],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
        true_values=_NEVER,
        false_values=_NEVER,
        column_types=types,
        include_columns=columns,
    )
    parse = pacsv.ParseOptions(
        delimiter=source.delimiter,
        newlines_in_values=source.quotes > 0,  # no quote: no cell can span lines
        ignore_empty_lines=False,
        invalid_row_handler=on_invalid,
    )
    read = pacsv.ReadOptions(use_threads=threads, block_size=1 << 22)
    try:
        if not text and threads and source.size > _WHOLE_READ_BYTES:
            table = _read_typed_blocks(source, read, parse, convert)
            if table is not None:
                return table
        with source.stream() as stream:
            table = pacsv.read_csv(stream, read_options=read, parse_options=parse,
                                   convert_options=convert)  # fmt: skip
        return table if text else narrow_integers(table)
    except pa.ArrowInvalid as exc:
        message = str(exc)
        if "UTF8" in message and source.data is None:
            _to_memory(source, path)
            return _arrow_read(source, path, header, irregular, text=text, columns=columns,
                               threads=threads)  # fmt: skip
        raise InputError(f"not a readable delimited file: {message}", file=str(path)) from None


def _read_typed_blocks(source, read, parse, convert) -> pa.Table | None:
    """Typed reading block by block, each block's integers narrowed as it comes, so that the
    file's numbers never all sit in memory as int64 at once. None when a later block does
    not fit the types arrow inferred from the first (the caller reads the file whole)."""
    batches = []
    # one thread: a threaded stream reads blocks ahead faster than they are narrowed; 1 MB
    # blocks: arrow's working memory grows with the block (a 5,000,000-row file: 40 MB at
    # 1 MB blocks, 124 MB at 4 MB), at the same speed
    long_lines = source.longest_line >= _STREAM_BLOCK_BYTES // 4
    block = read.block_size if long_lines else _STREAM_BLOCK_BYTES
    read = pacsv.ReadOptions(use_threads=False, block_size=block)
    try:
        with source.stream() as stream:
            reader = pacsv.open_csv(stream, read_options=read, parse_options=parse,
                                    convert_options=convert)  # fmt: skip
            for batch in reader:
                batches.append(_narrow_batch(batch))
            schema = reader.schema
    except pa.ArrowInvalid as exc:
        if "UTF8" in str(exc):
            raise
        return None  # e.g. text in a column whose first block held only numbers
    return narrow_integers(_same_types(batches, schema))


def _narrow_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    columns = [_narrowed(c, _NARROW) if pa.types.is_int64(c.type) else c
               for c in batch.columns]  # fmt: skip
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _same_types(batches: list[pa.RecordBatch], schema: pa.Schema) -> pa.Table:
    """One table of the blocks: a column narrowed in some blocks only is widened back."""
    if not batches:
        return schema.empty_table()
    target = []
    for j, field in enumerate(schema):
        types = {b.column(j).type for b in batches}
        if len(types) > 1 and all(pa.types.is_integer(t) for t in types):
            types = {max(types, key=lambda t: t.bit_width)}  # the widest the blocks needed
        target.append(types.pop() if len(types) == 1 else field.type)
    unified = pa.schema([pa.field(f.name, t) for f, t in zip(schema, target, strict=True)])
    return pa.Table.from_batches([b.cast(unified) for b in batches], schema=unified)


def narrow_integers(table: pa.Table) -> pa.Table:
    """Integer columns in the smallest integer type that holds their values (codes 1-5 take
    one byte a row, not eight): a 5,000,000-row file stays a few times its size in memory."""
    columns = [_narrowed(c, _NARROW) if pa.types.is_integer(c.type)
               else c for c in table.columns]  # fmt: skip
    return pa.table(columns, names=table.column_names)


def _narrowed(column, types):
    bounds = pc.min_max(column).as_py()
    if bounds["min"] is None:
        return column
    for target in types:
        info = np.iinfo(target.to_pandas_dtype())
        if info.min <= bounds["min"] and bounds["max"] <= info.max:
            return column.cast(target)
    return column


def _assemble(table, irregular, source, path, header, *, text, columns) -> ParsedText:
    """Put irregular rows (short or wide) back in place, or refuse them; number the rows."""
    width = len(header.names)
    positions = list(range(width)) if columns is None else [header.names.index(c) for c in columns]
    recovered: dict[int, list[str | None]] = {}
    for bad in irregular:
        number = bad.number if bad.number is not None else 0
        recovered[number] = _irregular_row(bad, width, source.delimiter, path)
    total = table.num_rows + len(recovered)
    if recovered:
        numbers = np.arange(2, total + 2)
        taken = np.array(sorted(recovered), dtype=np.int64)
        regular = numbers[~np.isin(numbers, taken)]
        extra = [pa.array([recovered[n][j] for n in taken], pa.string()) for j in positions]
        extra_table = pa.table(extra, schema=_string_schema(table.schema))
        combined = pa.concat_tables([table.cast(_string_schema(table.schema)), extra_table])
        order = np.argsort(np.concatenate([regular, taken]), kind="stable")
        table = combined.take(pa.array(order))
        if not text:
            table = narrow_integers(type_columns(table))
    # empty lines after the last row are no records: arrow makes them blank rows
    drop = source.trailing_empty if table.num_rows else 0
    if drop:
        table = table.slice(0, table.num_rows - drop)
    numbers = range(2, table.num_rows + 2)  # a range: no array of the rows' length
    if table.num_rows == 0:
        raise InputError("no data rows: the file has a header row only", file=str(path))
    source.multiline = _records_span_lines(source, table.num_rows)
    names = header.names if columns is None else columns
    return ParsedText(table.rename_columns(names), names, numbers, "", "")


def _records_span_lines(source: _Source, rows: int) -> bool:
    """More line breaks than records: some quoted cell spans lines."""
    return source.lines > rows + 1


def _string_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, pa.string()) for f in schema])


def _irregular_row(bad: _Irregular, width: int, delimiter: str, path: Path) -> list[str | None]:
    """An irregular row's cells, padded to the header's width; refused when it cannot be
    read as its own row (see module doc)."""
    row_number = bad.number
    if bad.text.count('"') % 2 == 1:
        raise InputError(
            "a quote opened in this row is never closed (a stray quote, or a truncated file?)",
            file=str(path),
            row=row_number,
        )
    cells = next(csv.reader(io.StringIO(bad.text, newline=""), delimiter=delimiter), [])
    if len(cells) > width:
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            raise InputError(
                f"the row has {len(cells)} values but the header has {width} columns "
                f"(extra value {extra[0]!r}); check the delimiter and quoting",
                file=str(path),
                row=row_number,
            )
        cells = cells[:width]
    elif cells and _quoted_cell_holds_delimiter(bad.text, delimiter):
        raise InputError(
            f"the row has {len(cells)} values but the header has {width} columns, and a "
            "quoted cell holds the delimiter: a stray quote?",
            file=str(path),
            row=row_number,
        )
    return [c if c != "" else None for c in cells] + [None] * (width - len(cells))


def _quoted_cell_holds_delimiter(line: str, delimiter: str) -> bool:
    cells = next(csv.reader(io.StringIO(line, newline=""), delimiter=delimiter), [])
    return any(delimiter in c or "\n" in c for c in cells)


def type_columns(table: pa.Table) -> pa.Table:
    """String columns that hold only integers (or only numbers) as int64 (float64): the
    typing arrow does itself when it reads a file, for tables assembled from strings."""
    out = []
    for column in table.columns:
        out.append(_typed(column) if pa.types.is_string(column.type) else column)
    return pa.table(out, names=table.column_names)


def _typed(column: pa.ChunkedArray) -> pa.ChunkedArray:
    for target in (pa.int64(), pa.float64()):
        try:
            return pc.cast(column, target)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue
    return column


def _check_quote_closed(source: _Source, path: Path) -> None:
    """An odd number of quotes: arrow takes a quote left open at the end of the file as a
    cell running to the end; refuse it, naming the row where it opens. (A quote inside an
    unquoted cell, 5" screen, is literal and makes the count odd too: such files pass.)"""
    if source.data is not None:
        text = source.data.decode("utf-8")
    else:
        text = source.path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=source.delimiter, strict=True)
    records = 0
    try:
        for _ in reader:
            records += 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise InputError(
                "a quote opened in this row is never closed (a stray quote, or a truncated "
                "file?); nothing was read",
                file=str(path),
                row=records + 1,
            ) from None


# ---- checks on the parsed columns --------------------------------------------------------


def _string_columns(parsed: ParsedText):
    """(position, name, column) of the text columns that hold any value."""
    table = parsed.table
    for j, (name, column) in enumerate(zip(table.column_names, table.columns, strict=True)):
        if column.null_count < len(column) and pa.types.is_string(column.type):
            yield j, name, column


def _check_swallowed(parsed: ParsedText, path: Path, width: int, delimiter: str) -> None:
    """A quoted cell holding a line that is a complete row of the header's width: a stray
    quote has swallowed records. Only cells containing a line break are looked at. In a
    one-column file every line is such a row, so the check cannot tell and is not made."""
    if width < 2:
        return
    for j, name, column in _string_columns(parsed):
        spans = pc.fill_null(pc.match_substring(column, "\n"), False)
        if not pc.any(spans).as_py():
            continue
        for i in np.flatnonzero(spans.to_numpy(zero_copy_only=False)):
            cell = column[int(i)].as_py()
            for line in cell.split("\n")[1:-1]:
                fields = next(csv.reader([line.rstrip("\r")], delimiter=delimiter), [])
                if len(fields) == width:
                    raise InputError(
                        "a quote opens a cell here that swallows the following lines as if "
                        f"they were one value (one of them, {line[:60]!r}, is a whole row): a "
                        "stray quote? Nothing was read",
                        file=str(path),
                        row=int(parsed.row_numbers[i]),
                        column=name or column_letter(j),
                    )


def _check_cells(parsed: ParsedText, path: Path) -> None:
    """Refuse a cell longer than any answer: it is a broken file, not a response."""
    for j, name, column in _string_columns(parsed):
        lengths = pc.utf8_length(column)
        longest = pc.max(lengths).as_py()
        if longest is not None and longest > MAX_CELL_CHARS:
            i = int(np.argmax(pc.fill_null(lengths, 0).to_numpy()))
            raise InputError(
                f"a cell of {longest:,} characters (limit {MAX_CELL_CHARS:,}); is the file broken?",
                file=str(path),
                row=int(parsed.row_numbers[i]),
                column=name or column_letter(j),
            )


def _check_repeated_header(parsed: ParsedText, path: Path) -> None:
    """A data row after the first that repeats the header: a second file pasted after the first.
    The first data row is left to mapping, which reads a second header row of names or labels
    (the data-entry template's) as such."""
    named = [(name, column) for _, name, column in _string_columns(parsed) if name]
    if not named or len(named) < len([n for n in parsed.table.column_names if n]):
        return  # a numeric column cannot hold its own (non-numeric) header
    match = None
    for name, column in named:
        equal = pc.equal(pc.utf8_trim(column, " \ufeff"), name)
        equal = pc.fill_null(equal, False)
        match = equal if match is None else pc.and_(match, equal)
    hits = np.flatnonzero(match.to_numpy(zero_copy_only=False))
    hits = hits[hits > 0]
    if hits.size:
        raise InputError(
            "the header row appears again here: two files pasted together? Remove the "
            "second header (and check both parts are the same questionnaire version)",
            file=str(path),
            row=int(parsed.row_numbers[hits[0]]),
        )
