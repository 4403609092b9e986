"""Double data entry: every record and field where two keyings of the same forms disagree.

Values are compared exactly as typed ("01" and "1" disagree): the point of double entry is
to catch keying differences, and cleaning has not run yet. Records are matched by a key
column; a record keyed in one file only is reported too.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.core.errors import InputError
from pipeline.readers.ingest import RawResponses


@dataclass(frozen=True)
class Disagreement:
    """One difference between keying A and keying B.

    ``variable`` None: the record with ``key_value`` is in one file only (``row_a`` or
    ``row_b`` is None). ``row_a``/``row_b``: 1-based source rows (header = row 1).
    """

    key_value: str
    variable: str | None
    value_a: str | None
    value_b: str | None
    row_a: int | None = None
    row_b: int | None = None

    @property
    def only_in(self) -> str | None:
        """'A' or 'B' for a record keyed in one file only, else None."""
        if self.variable is not None:
            return None
        return "A" if self.row_b is None else "B"


def compare_entries(a: RawResponses, b: RawResponses, key: str) -> list[Disagreement]:
    """Disagreements between two keyings, in the order of A's records, then B-only records.

    A column present in one file only counts as empty in the other.
    """
    rows_a = _records(a, key)
    rows_b = _records(b, key)
    columns = [c for c in a.data.columns if c != key]
    columns += [c for c in b.data.columns if c != key and c not in columns]
    out: list[Disagreement] = []
    for value, (row_a, rec_a) in rows_a.items():
        if value not in rows_b:
            out.append(Disagreement(value, None, None, None, row_a, None))
            continue
        row_b, rec_b = rows_b[value]
        for column in columns:
            va, vb = rec_a.get(column), rec_b.get(column)
            if va != vb:
                out.append(Disagreement(value, column, va, vb, row_a, row_b))
    for value, (row_b, _) in rows_b.items():
        if value not in rows_a:
            out.append(Disagreement(value, None, None, None, None, row_b))
    return out


def _records(responses: RawResponses, key: str) -> dict[str, tuple[int, dict]]:
    if key not in responses.data.columns:
        raise InputError(
            f"no key column {key!r}; the columns are "
            + ", ".join(map(str, responses.data.columns)),
            file=responses.source,
            column=key,
        )
    out: dict[str, tuple[int, dict]] = {}
    for row_number, record in zip(
        responses.source_rows, responses.data.to_dict("records"), strict=True
    ):
        value = record[key]
        if value is None or not value.strip():
            if all(v is None or not str(v).strip() for v in record.values()):
                continue  # a blank row has nothing to compare
            raise InputError(
                f"the key {key!r} is empty; every keyed record needs its key",
                file=responses.source,
                row=row_number,
                column=key,
            )
        if value in out:
            raise InputError(
                f"the key {key!r} value {value!r} is on rows {out[value][0]} and {row_number}; "
                "keys must be unique to compare two keyings",
                file=responses.source,
                row=row_number,
                column=key,
            )
        out[value] = (row_number, record)
    return out


def format_disagreements(diffs: list[Disagreement], key: str, a: str, b: str) -> str:
    """An EpiData-style listing: one block per record, one line per differing field."""
    if not diffs:
        return f"A = {a}\nB = {b}\nno differences: the two keyings are identical\n"
    lines = [f"A = {a}", f"B = {b}"]
    current: str | None = None
    for d in diffs:
        if d.only_in:
            row = d.row_a if d.only_in == "A" else d.row_b
            lines.append(f"{key} = {d.key_value}: only in {d.only_in} (row {row})")
            current = None
            continue
        if d.key_value != current:
            lines.append(f"{key} = {d.key_value} (A row {d.row_a}, B row {d.row_b})")
            current = d.key_value
        lines.append(f"    {d.variable}: A = {_show(d.value_a)}   B = {_show(d.value_b)}")
    records = len({d.key_value for d in diffs})
    fields = sum(1 for d in diffs if d.variable is not None)
    lines.append(f"{fields} field(s) differ; {records} record(s) with differences")
    return "\n".join(lines) + "\n"


def _show(value: str | None) -> str:
    return "(empty)" if value is None else repr(value)
