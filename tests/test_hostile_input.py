"""Hostile input: every reader and command refuses a malformed file with one clear line.

Each refused case runs through `survey ...` (pipeline.cli.app.run) and must exit non-zero, name
the offending file, and print no traceback (`error: <file>, row N, column C: ...` for input
errors; lint lists problems on stdout and exits 1). A few files that look malformed are
valid and must be read exactly: mixed line endings, formula text, a BOM inside a header,
thousands of empty columns.
"""

from __future__ import annotations

import codecs
import csv
import errno
import functools
import io
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pyreadstat
import pytest
import yaml

from pipeline.cli.app import run
from pipeline.readers.ingest import read_responses

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.yaml"
NAMES = [
    "respondent_id", "category", "sex", "age", "phone", "aware", "trust",
    "eff_meet", "eff_train", "src_1", "src_2", "src_3", "last_meeting", "comment",
]  # fmt: skip
ROW_1 = ["R001", "1", "2", "45", "0901234567", "1", "2", "1", "3", "1", "0", "1", "2021-03-04",
         "Đảng, nữ, ở"]  # fmt: skip
ROW_2 = ["R002", "2", "1", "38", "", "2", "", "", "", "0", "1", "0", "", ""]
ROW_3 = ["R003", "1", "1", "52", "", "1", "1", "2", "2", "0", "0", "1", "", "ok"]


def csv_bytes(rows: list[list[str]], newline: str = "\r\n") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    return buffer.getvalue().encode("utf-8")


GOOD_CSV = csv_bytes([NAMES, ROW_1, ROW_2])


def csv_line(row: list[str]) -> str:
    return csv_bytes([row], newline="").decode("utf-8")


@functools.cache
def big_cell_xlsx() -> bytes:
    """A 10 MB cell written into the sheet XML (openpyxl itself stops at Excel's 32,767)."""
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes([NAMES, [*ROW_1[:-1], "PLACEHOLDER"]]))) as good:
        parts = {name: good.read(name) for name in good.namelist()}
    return rezip({k: v.replace(b"PLACEHOLDER", b"x" * 10_000_000) for k, v in parts.items()})


def rezip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def xlsx_bytes(rows: list[list[object]], title: str = "data") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for r in rows:
        sheet.append(r)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@functools.cache
def zip_bomb() -> bytes:
    """A valid-looking .xlsx whose sheet is 40 MB of one repeated row, deflated ~340 times."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    sheet = b"<worksheet><sheetData>" + row * (40_000_000 // len(row)) + b"</sheetData></worksheet>"
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes([NAMES, ROW_1]))) as good:
        parts = {name: good.read(name) for name in good.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet
    return rezip(parts)


def damaged_xlsx(kind: str, good: bytes | None = None) -> bytes:
    """Damage the fuzzer found readers tripping over (zlib, zipfile and XML errors)."""
    good = good or xlsx_bytes([NAMES, ROW_1])
    if kind == "unsupported zip version":
        data = bytearray(good)
        at = data.find(b"PK\x01\x02")
        while at != -1:
            data[at + 6 : at + 8] = (93).to_bytes(2, "little")  # "version needed": 9.3
            at = data.find(b"PK\x01\x02", at + 4)
        return bytes(data)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    if kind == "sheet XML not well-formed":
        parts["xl/worksheets/sheet1.xml"] = b'<worksheet><sheetData><row><c r="A1" t="s'
        return rezip(parts)
    data = bytearray(rezip(parts))  # "corrupt deflate stream": bytes flipped inside a part
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/workbook.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 20, start + min(info.compress_size, 60)):
        data[k] ^= 0x5A
    return bytes(data)


def zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


def stats_bytes(tmp_path: Path, kind: str, rows: int = 2) -> bytes:
    frame = pd.DataFrame({"respondent_id": ["R001", "R002"][:rows], "category": [1.0, 2.0][:rows]})
    path = tmp_path / f"valid.{kind}"
    if kind == "sav":
        pyreadstat.write_sav(frame, path)
    elif kind == "dta":
        pyreadstat.write_dta(frame, path)
    else:
        frame.to_parquet(path)
    return path.read_bytes()


def yaml_text(data: object) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True).encode("utf-8")


def mini_with(change: Callable[[dict], None]) -> bytes:
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    change(data)
    return yaml_text(data)


BILLION_LAUGHS = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + b"".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode()
    for i in range(8)
)


# ---- payloads: (suffix, content) for a file of each kind --------------------------------

Payload = Callable[[Path], tuple[str, bytes]]

CSV_REFUSED: dict[str, Payload] = {
    "empty file": lambda t: (".csv", b""),
    "blank lines only": lambda t: (".csv", b"\r\n  \r\n\n"),
    # found by the fuzzer: an empty first line, then rows
    "an empty line where the header belongs": lambda t: (".csv", b'\nR001;2;;;;001;2b"'),
    "header row only": lambda t: (".csv", csv_bytes([NAMES])),
    "truncated inside a quoted cell": lambda t: (
        ".csv", GOOD_CSV + b'R003,1,2,40,,1,2,1,1,0,0,1,,"Tr'),
    "neither UTF-8 nor Vietnamese": lambda t: (
        ".csv", csv_bytes([NAMES]) + ",".join([*ROW_2[:-1], "Grüße ß ÿ"]).encode("latin-1")),
    "binary noise": lambda t: (".csv", bytes(range(256)) * 8),
    "UTF-16 with an odd byte count": lambda t: (
        ".csv", codecs.BOM_UTF16_LE + GOOD_CSV.decode().encode("utf-16-le") + b"\x00"),
    "duplicate headers": lambda t: (".csv", csv_bytes([[*NAMES, "sex"], [*ROW_1, "1"]])),
    "respondent-id header missing": lambda t: (".csv", csv_bytes([["", *NAMES[1:]], ROW_1])),
    "no header row": lambda t: (".csv", csv_bytes([ROW_1, ROW_2, ROW_3])),
    "row wider than the header": lambda t: (".csv", csv_bytes([NAMES, [*ROW_1, "extra"]])),
    "10 MB cell": lambda t: (".csv", csv_bytes([NAMES, [*ROW_1[:-1], "x" * 10_000_000]])),
    "second file pasted after the first, BOM and all": lambda t: (
        ".csv", GOOD_CSV + codecs.BOM_UTF8 + csv_bytes([NAMES, ROW_3])),
}  # fmt: skip

XLSX_REFUSED: dict[str, Payload] = {
    "not a zip at all": lambda t: (".xlsx", b"this is a text file called .xlsx\n"),
    "truncated workbook": lambda t: (".xlsx", xlsx_bytes([NAMES, ROW_1])[:1500]),
    "zip without a workbook": lambda t: (".xlsx", zip_without_workbook()),
    "zip bomb": lambda t: (".xlsx", zip_bomb()),
    "empty sheet": lambda t: (".xlsx", xlsx_bytes([])),
    "duplicate headers": lambda t: (".xlsx", xlsx_bytes([[*NAMES, "age"], [*ROW_1, "3"]])),
    "10 MB cell": lambda t: (".xlsx", big_cell_xlsx()),
    "corrupt deflate stream": lambda t: (".xlsx", damaged_xlsx("corrupt deflate stream")),
    "unsupported zip version": lambda t: (".xlsx", damaged_xlsx("unsupported zip version")),
    "sheet XML not well-formed": lambda t: (".xlsx", damaged_xlsx("sheet XML not well-formed")),
}  # fmt: skip

SAV_REFUSED: dict[str, Payload] = {
    "corrupt header": lambda t: (".sav", b"$FL2" + b"\xff\x00garbage" * 60),
    "truncated file": lambda t: (".sav", stats_bytes(t, "sav")[:300]),
    "empty file": lambda t: (".sav", b""),
    "text file called .sav": lambda t: (".sav", GOOD_CSV),
}
DTA_REFUSED: dict[str, Payload] = {
    "corrupt header": lambda t: (".dta", b"<stata_dta><header>garbage" * 20),
    "truncated file": lambda t: (".dta", stats_bytes(t, "dta")[:200]),
    "empty file": lambda t: (".dta", b""),
}
PARQUET_REFUSED: dict[str, Payload] = {
    "corrupt body": lambda t: (".parquet", b"PAR1" + b"garbage" * 30 + b"PAR1"),
    "truncated file": lambda t: (".parquet", stats_bytes(t, "parquet")[:300]),
    "empty file": lambda t: (".parquet", b""),
}

KOBO_HEADER = ["start", "end", "A/category", "A/sex", "A/age", "B/aware", "B/src", "_uuid"]
KOBO_ROW = ["2021-03-01T10:00:00", "2021-03-01T10:20:00", "1", "2", "40", "1", "1 3", "u-1"]
KOBO_REFUSED: dict[str, Payload] = {
    "select-multiple cell of unknown labels": lambda t: (
        ".csv", csv_bytes([KOBO_HEADER, [*KOBO_ROW[:6], "Radio Television", "u-1"]])),
    "two columns for one question": lambda t: (
        ".csv", csv_bytes([[*KOBO_HEADER, "C/sex"], [*KOBO_ROW, "1"]])),
    "empty file": lambda t: (".csv", b""),
    "truncated inside a quoted cell": lambda t: (
        ".csv", csv_bytes([KOBO_HEADER, KOBO_ROW]) + b'2021-03-01,"2021'),
    "zip bomb": lambda t: (".xlsx", zip_bomb()),
}  # fmt: skip
ODK_HEADER = ["SubmissionDate", "A-category", "A-sex", "A-age", "B-aware", "B-src", "KEY"]
ODK_ROW = ["2021-03-01T10:00:00Z", "1", "2", "40", "1", "1 3", "uuid:1"]
ODK_REFUSED: dict[str, Payload] = {
    "select-multiple cell of unknown codes": lambda t: (
        ".csv",
        csv_bytes([ODK_HEADER, [*ODK_ROW[:5], "1 9", "uuid:1"]]),
    ),
    "duplicate headers": lambda t: (".csv", csv_bytes([[*ODK_HEADER, "KEY"], [*ODK_ROW, "k"]])),
    "empty file": lambda t: (".csv", b""),
    "row wider than the header": lambda t: (".csv", csv_bytes([ODK_HEADER, [*ODK_ROW, "x"]])),
}

QUESTIONNAIRE_REFUSED: dict[str, Payload] = {
    "anchors expanding exponentially": lambda t: (".yaml", BILLION_LAUGHS),
    "unknown key": lambda t: (".yaml", mini_with(lambda d: d.update(colour="red"))),
    "wrong type": lambda t: (
        ".yaml", mini_with(lambda d: d["sections"][0]["questions"][2].update(range="old"))),
    "unknown question type": lambda t: (
        ".yaml", mini_with(lambda d: d["sections"][0]["questions"][1].update(type="slider"))),
    "not UTF-8": lambda t: (".yaml", MINI.read_text(encoding="utf-8").encode("utf-16")),
    "empty file": lambda t: (".yaml", b""),
    "a list, not a mapping": lambda t: (".yaml", b"- form_id: mini\n- version: 1\n"),
    "invalid YAML": lambda t: (".yaml", b"form_id: mini\n  version: [1\n"),
    "larger than 5 MB": lambda t: (".yaml", b"# " + b"x" * 5_100_000 + b"\nform_id: mini\n"),
    "frame file missing": lambda t: (
        ".yaml", mini_with(lambda d: d["stratum"].update(frame="no-such-frame.yaml"))),
}  # fmt: skip


def circular_skip_logic(t: Path) -> tuple[str, bytes]:
    def change(d: dict) -> None:
        questions = d["sections"][1]["questions"]
        questions[0]["relevant"] = "${trust} = 1"  # aware depends on trust, trust on aware

    return ".yaml", mini_with(change)


LINT_REFUSED: dict[str, Payload] = {
    **QUESTIONNAIRE_REFUSED,
    "circular skip logic": circular_skip_logic,
}

FRAME = yaml.safe_load((FIXTURES / "mini-frame.yaml").read_text(encoding="utf-8"))


def frame_with(change: Callable[[dict], None]) -> bytes:
    data = yaml.safe_load(yaml.safe_dump(FRAME))
    change(data)
    return yaml_text(data)


FRAME_REFUSED: dict[str, Payload] = {
    "anchors expanding exponentially": lambda t: (".yaml", BILLION_LAUGHS),
    "negative population": lambda t: (
        ".yaml", frame_with(lambda d: d["strata"][0].update(population=-5))),
    "duplicate stratum codes": lambda t: (
        ".yaml", frame_with(lambda d: d["strata"][1].update(code=1))),
    "wrong type": lambda t: (".yaml", frame_with(lambda d: d["strata"][0].update(code="one"))),
    "unknown key": lambda t: (".yaml", frame_with(lambda d: d.update(weights=[1, 2]))),
    "total differs from the strata": lambda t: (".yaml", frame_with(lambda d: d.update(total=7))),
    "empty file": lambda t: (".yaml", b""),
    "a list, not a mapping": lambda t: (".yaml", b"- 1\n- 2\n"),
}  # fmt: skip


def xlsform_bytes(survey: list[list[str]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.title = "survey"
    for r in [["type", "name", "label"], *survey]:
        workbook.active.append(r)
    choices = workbook.create_sheet("choices")
    for r in [["list_name", "name", "label"], ["cat", "1", "A"], ["cat", "2", "B"]]:
        choices.append(r)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSFORM_REFUSED: dict[str, Payload] = {
    "not a zip at all": lambda t: (".xlsx", b"type,name,label\ntext,q1,Q1\n"),
    "truncated workbook": lambda t: (".xlsx", xlsform_bytes([["text", "q", "Q"]])[:1500]),
    "zip without a workbook": lambda t: (".xlsx", zip_without_workbook()),
    "zip bomb": lambda t: (".xlsx", zip_bomb()),
    "no survey sheet": lambda t: (".xlsx", xlsx_bytes([["a", "b"]], title="data")),
    "corrupt deflate stream": lambda t: (
        ".xlsx", damaged_xlsx("corrupt deflate stream", xlsform_bytes([]))),
    "unsupported zip version": lambda t: (
        ".xlsx", damaged_xlsx("unsupported zip version", xlsform_bytes([]))),
    "sheet XML not well-formed": lambda t: (
        ".xlsx", damaged_xlsx("sheet XML not well-formed", xlsform_bytes([]))),
    "unknown question type": lambda t: (
        ".xlsx", xlsform_bytes([["select_one cat", "category", "Cat"], ["slider", "q", "Q"]])),
    "end_group without begin_group": lambda t: (
        ".xlsx", xlsform_bytes([["select_one cat", "category", "Cat"], ["end_group", "", ""]])),
    "select_one on a list that does not exist": lambda t: (
        ".xlsx",
        xlsform_bytes([["select_one cat", "category", "Cat"], ["select_one x", "q", "Q"]])),
}  # fmt: skip


# ---- how each reader is run --------------------------------------------------------------


def write(tmp_path: Path, payload: Payload, stem: str = "bad") -> Path:
    suffix, content = payload(tmp_path)
    path = tmp_path / f"{stem}{suffix}"
    path.write_bytes(content)
    return path


def good_csv(tmp_path: Path) -> Path:
    path = tmp_path / "good.csv"
    path.write_bytes(GOOD_CSV)
    return path


def ingest(fmt: str | None = None) -> Callable[[Path, Path], list[str]]:
    def argv(bad: Path, tmp: Path) -> list[str]:
        extra = ["--format", fmt] if fmt else []
        out = str(tmp / "out" / "raw.csv")
        return ["ingest", str(bad), "--questionnaire", str(MINI), "--out", out, *extra]

    return argv


def clean_argv(bad: Path, tmp: Path) -> list[str]:
    out = str(tmp / "processed" / "w.parquet")
    key = str(tmp / "key")
    return ["clean", str(bad), "--questionnaire", str(MINI), "--out", out, "--key-file", key]


def compare_argv(bad: Path, tmp: Path) -> list[str]:
    return ["compare-entry", str(good_csv(tmp)), str(bad), "--key", "respondent_id"]


def crosstab_argv(bad: Path, tmp: Path) -> list[str]:
    return ["crosstab", str(bad), "--row", "sex", "--col", "category"]


def questionnaire_argv(bad: Path, tmp: Path) -> list[str]:
    # the questionnaire sits beside a copy of its frame so that only the named fault differs
    (tmp / "mini-frame.yaml").write_bytes((FIXTURES / "mini-frame.yaml").read_bytes())
    out = str(tmp / "out.csv")
    return ["ingest", str(good_csv(tmp)), "--questionnaire", str(bad), "--out", out]


def lint_argv(bad: Path, tmp: Path) -> list[str]:
    (tmp / "mini-frame.yaml").write_bytes((FIXTURES / "mini-frame.yaml").read_bytes())
    return ["lint", str(bad)]


def frame_argv(bad: Path, tmp: Path) -> list[str]:
    return ["allocate", "--frame", str(bad), "--n", "10"]


def import_xlsform_argv(bad: Path, tmp: Path) -> list[str]:
    return ["import-xlsform", str(bad), "--out", str(tmp / "q.yaml"), "--stratum", "category"]


def import_sav_argv(bad: Path, tmp: Path) -> list[str]:
    return ["import-sav", str(bad), "--out", str(tmp / "q.yaml"), "--stratum", "category"]


@dataclass(frozen=True)
class Case:
    reader: str
    fault: str
    payload: Payload
    argv: Callable[[Path, Path], list[str]]

    @property
    def id(self) -> str:
        return f"{self.reader}: {self.fault}"


def cases(reader, payloads: dict[str, Payload], argv, skip: tuple[str, ...] = (), kind=""):
    return [
        Case(reader, f"{kind}{fault}", p, argv)
        for fault, p in payloads.items()
        if fault not in skip
    ]


# crosstab reads with pandas, which takes a 10 MB cell in its stride (the cell is in a column
# that is not tabulated), so that case is not an error there.
CASES = [
    *cases("read_responses csv (survey ingest)", CSV_REFUSED, ingest()),
    *cases(
        "read_responses tsv (survey ingest)",
        {
            "empty file": lambda t: (".tsv", b""),
            "duplicate headers": lambda t: (".tsv", b"respondent_id\tsex\tsex\nR1\t1\t2\n"),
        },
        ingest(),
    ),  # fmt: skip
    *cases("read_responses xlsx (survey ingest)", XLSX_REFUSED, ingest()),
    *cases("read_responses sav (survey ingest)", SAV_REFUSED, ingest()),
    *cases("read_responses dta (survey ingest)", DTA_REFUSED, ingest()),
    *cases("read_responses parquet (survey ingest)", PARQUET_REFUSED, ingest()),
    *cases("read_responses kobo (survey ingest)", KOBO_REFUSED, ingest("kobo")),
    *cases("read_responses odk (survey ingest)", ODK_REFUSED, ingest("odk")),
    *cases("survey clean", CSV_REFUSED, clean_argv, kind="csv: "),
    *cases("survey clean", XLSX_REFUSED, clean_argv, kind="xlsx: "),
    *cases("survey compare-entry", CSV_REFUSED, compare_argv, kind="csv: "),
    *cases("survey compare-entry", XLSX_REFUSED, compare_argv, kind="xlsx: "),
    *cases("survey crosstab", CSV_REFUSED, crosstab_argv, kind="csv: ", skip=("10 MB cell",)),
    *cases("survey crosstab", XLSX_REFUSED, crosstab_argv, kind="xlsx: ", skip=("10 MB cell",)),
    *cases("survey crosstab", SAV_REFUSED, crosstab_argv, kind="sav: "),
    *cases("survey crosstab", PARQUET_REFUSED, crosstab_argv, kind="parquet: "),
    *cases("load_questionnaire", QUESTIONNAIRE_REFUSED, questionnaire_argv),
    *cases("survey lint", LINT_REFUSED, lint_argv),
    *cases("load_frame (survey allocate)", FRAME_REFUSED, frame_argv),
    *cases("survey import-xlsform", XLSFORM_REFUSED, import_xlsform_argv),
    *cases("survey import-sav", SAV_REFUSED, import_sav_argv),
]
COUNTS = Counter(case.reader for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_refused_with_one_clear_line(case, tmp_path, capsys):
    bad = write(tmp_path, case.payload)
    argv = case.argv(bad, tmp_path)
    started = time.monotonic()
    code = run(argv)
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert code != 0, out
    assert "Traceback" not in out + err
    if code == 2:  # an input error: one line on stderr naming the file
        assert err.startswith("error: "), err
        assert str(bad) in err.splitlines()[0], err
        assert len(err.strip().splitlines()) == 1, err
    else:  # lint's problem list (exit 1) names the file on every line
        assert case.reader == "survey lint", (code, out, err)
        assert str(bad) in out
    assert elapsed < 10, f"took {elapsed:.1f} s"
    assert not (tmp_path / "out" / "raw.csv").exists()
    assert not (tmp_path / "processed" / "w.parquet").exists()


def test_every_reader_has_a_battery():
    assert all(COUNTS[reader] >= 2 for reader in COUNTS), COUNTS
    assert len(COUNTS) == 16


# ---- malformed-looking files that are valid ---------------------------------------------


def typed(row: list[str]) -> list[str | None]:
    return [v if v != "" else None for v in row]


def test_mixed_line_endings_in_one_file_read_as_rows(tmp_path, mini):
    path = tmp_path / "mixed.csv"
    lines = [csv_line(r) for r in (NAMES, ROW_1, ROW_2, ROW_3)]
    path.write_bytes((lines[0] + "\r\n" + lines[1] + "\n" + lines[2] + "\r" + lines[3]).encode())
    raw = read_responses(path, mini)
    assert raw.data[NAMES].values.tolist() == [typed(ROW_1), typed(ROW_2), typed(ROW_3)]
    assert raw.source_rows == [2, 3, 4]


def test_formula_text_is_read_verbatim(tmp_path, mini):
    formula = '=HYPERLINK("http://x","y")'
    path = tmp_path / "formula.csv"
    path.write_bytes(csv_bytes([NAMES, [*ROW_1[:-1], formula], [*ROW_2[:-1], "@SUM(1+1)"]]))
    assert list(read_responses(path, mini).data["comment"]) == [formula, "@SUM(1+1)"]
    book = tmp_path / "formula.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(NAMES)
    workbook.active.append(ROW_1[:-1])
    workbook.active.cell(row=2, column=len(NAMES)).value = formula
    workbook.active.cell(row=2, column=len(NAMES)).data_type = "s"  # typed text, not a formula
    workbook.save(book)
    assert list(read_responses(book, mini).data["comment"]) == [formula]


def test_a_bom_inside_a_header_name_still_matches(tmp_path, mini):
    path = tmp_path / "bom.csv"
    header = [*NAMES[:3], "\ufeff" + NAMES[3], *NAMES[4:]]
    path.write_bytes(codecs.BOM_UTF8 + csv_bytes([header, ROW_1]))
    raw = read_responses(path, mini)
    assert raw.unmapped == []
    assert raw.data.loc[0, "age"] == "45"


def test_100000_empty_columns_are_read_quickly(tmp_path, mini):
    path = tmp_path / "wide.csv"
    padding = "," * 100_000
    text = "\r\n".join(csv_line(r) + padding for r in (NAMES, ROW_1, ROW_2))
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    raw = read_responses(path, mini)
    assert time.monotonic() - started < 10
    assert raw.data[NAMES].values.tolist() == [typed(ROW_1), typed(ROW_2)]
    assert raw.unmapped == []


# ==== round two: names that are paths, the system refusing, deep nesting, weak or changed
# keys, design values; every command, never a traceback (issue 17) ===========================

DEEP = b"form_id: mini\nsections: " + b"[" * 20_000 + b"]" * 20_000 + b"\n"


@dataclass(frozen=True)
class Hostile:
    """One hostile situation: ``prepare(tmp, wave)`` writes what it needs under ``tmp`` and
    returns the argv and the path the one-line error must name. ``codes``: the exit codes
    that count as a clean refusal (2 input error, 3 the system refused)."""

    klass: str
    fault: str
    prepare: Callable[[Path, dict[str, Path]], tuple[list[str], Path]]
    codes: tuple[int, ...] = (2,)

    @property
    def id(self) -> str:
        return f"{self.klass}: {self.fault}"


@pytest.fixture(scope="module")
def wave(tmp_path_factory) -> dict[str, Path]:
    """A small weighted wave of the mini questionnaire, its instruments and raw files."""
    from .small_wave import run_wave

    root = tmp_path_factory.mktemp("wave")
    (root / "q").mkdir()
    for name in ("mini.yaml", "mini-frame.yaml"):
        (root / "q" / name).write_bytes((FIXTURES / name).read_bytes())
    run_wave(root, root / "q" / "mini.yaml", "2021", n=120)
    sav = root / "w.sav"
    frame = pd.DataFrame({"respondent_id": ["R001", "R002"], "category": [1.0, 2.0]})
    pyreadstat.write_sav(frame, sav, variable_value_labels={"category": {1: "A", 2: "B"}})
    return {
        "root": root,
        "q": root / "q" / "mini.yaml",
        "raw": root / "raw" / "2021.csv",
        "clean": root / "processed" / "2021.parquet",
        "weighted": root / "processed" / "2021.weighted.parquet",
        "xlsform": next((root / "outputs" / "instruments").rglob("*.xlsform.xlsx")),
        "sav": sav,
    }


def q_copy(t: Path, w: dict[str, Path], **fields: object) -> Path:
    """The mini questionnaire and its frame copied under ``t``, with ``fields`` changed."""
    folder = t / "q"
    folder.mkdir(exist_ok=True)
    data = yaml.safe_load(w["q"].read_text(encoding="utf-8"))
    data.update(fields)
    (folder / "mini-frame.yaml").write_bytes((FIXTURES / "mini-frame.yaml").read_bytes())
    path = folder / "mini.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def tampered_wave(t: Path, w: dict[str, Path]) -> Path:
    from pipeline.readers.dataset import read_dataset, write_dataset

    data, meta = read_dataset(w["weighted"])
    return write_dataset(data, {**meta, "wave": "../../../w"}, t / "tampered.parquet")


# Every command that writes, with the output it is told to write (``out``) and its inputs.
def writers(t: Path, w: dict[str, Path], out: Path) -> dict[str, list[str]]:
    q = str(w["q"])
    if t.is_dir():  # a key of its own, so that only the outputs meet the fault
        (t / "k.key").write_text(bytes(range(32)).hex())
    return {
        "instruments": ["instruments", q, "--out", str(out)],
        "simulate": ["simulate", q, "--n", "30", "--seed", "1", "--out", str(out / "s.csv")],
        "ingest": ["ingest", str(w["raw"]), "--questionnaire", q, "--out", str(out / "r.csv")],
        "clean": ["clean", str(w["raw"]), "--questionnaire", q, "--out",
                  str(out / "w.parquet"), "--key-file", str(t / "k.key")],
        "weight": ["weight", str(w["clean"]), "--questionnaire", q, "--out",
                   str(out / "w.parquet")],
        "tabulate": ["tabulate", str(w["weighted"]), "--questionnaire", q, "--out", str(out)],
        "export": ["export", str(w["weighted"]), "--questionnaire", q, "--out", str(out)],
        "import-xlsform": ["import-xlsform", str(w["xlsform"]), "--out", str(out / "q.yaml")],
        "import-sav": ["import-sav", str(w["sav"]), "--out", str(out / "q.yaml"),
                       "--stratum", "category"],
    }  # fmt: skip


def below_a_file(command: str):
    def prepare(t: Path, w: dict[str, Path]) -> tuple[list[str], Path]:
        blocker = t / "blocker"
        blocker.write_text("a file where a folder should be")
        return writers(t, w, blocker / "out")[command], blocker

    return prepare


def system_refuses(command: str, errno_code: int, where: str):
    """The system refusing ``where`` ("create" a temporary file, "rename" it into place)."""

    def prepare(t: Path, w: dict[str, Path]) -> tuple[list[str], Path]:
        out = t / "out"
        return writers(t, w, out)[command], out

    prepare.refusal = (errno_code, where)  # type: ignore[attr-defined]
    return prepare


def deep(kind: str):
    def prepare(t: Path, w: dict[str, Path]) -> tuple[list[str], Path]:
        path = t / f"deep-{kind}.yaml"
        path.write_bytes(DEEP)
        q = str(w["q"])
        argv = {
            "questionnaire (survey lint)": ["lint", str(path)],
            "questionnaire (survey instruments)": ["instruments", str(path), "--out", str(t)],
            "questionnaire (survey ingest)": ["ingest", str(w["raw"]), "--questionnaire",
                                              str(path), "--out", str(t / "r.csv")],
            "frame (survey allocate)": ["allocate", "--frame", str(path), "--n", "10"],
            "frame (survey weight)": ["weight", str(w["clean"]), "--questionnaire", q,
                                      "--frame", str(path), "--out", str(t / "w.parquet")],
            "cleaning config (survey clean)": ["clean", str(w["raw"]), "--questionnaire", q,
                                               "--config", str(path), "--out",
                                               str(t / "w.parquet"), "--key-file",
                                               str(t / "k.key")],
            "harmonisation map (survey compare)": ["compare", "--map", str(path), "--data",
                                                   f"2021={w['weighted']}", "--out", str(t)],
        }[kind]  # fmt: skip
        return argv, path

    return prepare


def weak_key(content: bytes):
    def prepare(t: Path, w: dict[str, Path]) -> tuple[list[str], Path]:
        key = t / "weak.key"
        key.write_bytes(content)
        argv = ["clean", str(w["raw"]), "--questionnaire", str(w["q"]), "--out",
                str(t / "p" / "w.parquet"), "--key-file", str(key)]  # fmt: skip
        return argv, key

    return prepare


def key_after_an_earlier_wave(change: str):
    def prepare(t: Path, w: dict[str, Path]) -> tuple[list[str], Path]:
        key = t / "k.key"
        argv = ["clean", str(w["raw"]), "--questionnaire", str(w["q"]), "--out",
                str(t / "p" / "2021.parquet"), "--key-file", str(key)]  # fmt: skip
        assert run(argv) == 0
        if change == "deleted":
            key.unlink()
        else:
            key.write_text("5a" * 8 + bytes(range(100, 132)).hex())
        return [*argv[:-3], str(t / "p" / "2023.parquet"), "--key-file", str(key)], key

    return prepare


def frame_smaller_than_sample(t: Path, w: dict[str, Path]) -> tuple[list[str], Path]:
    frame = t / "small-frame.yaml"
    frame.write_bytes(frame_with(lambda d: d["strata"][0].update(population=3)))
    argv = ["weight", str(w["clean"]), "--questionnaire", str(w["q"]), "--frame", str(frame),
            "--out", str(t / "w.parquet")]  # fmt: skip
    return argv, frame


def stratum_outside_the_frame(t: Path, w: dict[str, Path]) -> tuple[list[str], Path]:
    from pipeline.readers.dataset import read_dataset, write_dataset

    data, meta = read_dataset(w["clean"])
    data.loc[data.index[3], "category"] = 9
    bad = write_dataset(data, meta, t / "not-from-clean.parquet")
    return ["weight", str(bad), "--questionnaire", str(w["q"]), "--out", str(t / "w.parquet")], bad


def named(field: str, command: str):
    def prepare(t: Path, w: dict[str, Path]) -> tuple[list[str], Path]:
        if command == "instruments":
            q = q_copy(t, w, **{field: "../../../escaped"})
            return ["instruments", str(q), "--out", str(t / "a" / "b" / "out")], q
        bad = tampered_wave(t, w)
        argv = [command, str(bad), "--questionnaire", str(w["q"]), "--out", str(t / "out")]
        return argv, bad

    return prepare


ENOSPC, EROFS, EACCES = errno.ENOSPC, errno.EROFS, errno.EACCES
ROUND_TWO = [
    Hostile("names are paths", "form_id ../../../escaped (instruments)",
            named("form_id", "instruments")),
    Hostile("names are paths", "wave ../../../escaped (instruments)", named("wave", "instruments")),
    Hostile("names are paths", "wave ../../../w in the data (tabulate)", named("wave", "tabulate")),
    Hostile("names are paths", "wave ../../../w in the data (export)", named("wave", "export")),
    *[Hostile("the system refuses", f"--out below a file ({c})", below_a_file(c), (3,))
      for c in writers(Path("."), {k: Path(k) for k in ("q", "raw", "clean", "weighted",
                                                        "xlsform", "sav")}, Path("."))],
    *[Hostile("the system refuses", f"{what} ({c})", system_refuses(c, code, where), (3,))
      for c in ("instruments", "simulate", "clean", "tabulate", "export", "import-sav")
      for what, code, where in (("disk full", ENOSPC, "rename"),
                                ("read-only file system", EROFS, "create"),
                                ("permission denied", EACCES, "create"))],
    *[Hostile("nested 20,000 deep", kind, deep(kind), (1, 2)) for kind in (
        "questionnaire (survey lint)", "questionnaire (survey instruments)",
        "questionnaire (survey ingest)", "frame (survey allocate)", "frame (survey weight)",
        "cleaning config (survey clean)", "harmonisation map (survey compare)")],
    Hostile("weak or changed key", "64 NUL bytes", weak_key(b"\x00" * 64)),
    Hostile("weak or changed key", "64 zero bytes in hex", weak_key(b"00" * 64)),
    Hostile("weak or changed key", "one letter repeated", weak_key(b"k" * 64)),
    Hostile("weak or changed key", "shorter than 32 bytes", weak_key(b"0123456789abcdef")),
    Hostile("weak or changed key", "key file deleted after a wave",
            key_after_an_earlier_wave("deleted")),
    Hostile("weak or changed key", "another key after a wave",
            key_after_an_earlier_wave("replaced")),
    Hostile("design values", "frame population below the sample", frame_smaller_than_sample),
    Hostile("design values", "stratum outside the frame in data not from clean",
            stratum_outside_the_frame),
]  # fmt: skip
ROUND_TWO_COUNTS = Counter(h.klass for h in ROUND_TWO)


@pytest.mark.parametrize("case", ROUND_TWO, ids=[h.id for h in ROUND_TWO])
def test_hostile_situations_end_in_one_line_naming_the_path(case, wave, tmp_path, capsys,
                                                             monkeypatch):  # fmt: skip
    argv, named_path = case.prepare(tmp_path, wave)
    refusal = getattr(case.prepare, "refusal", None)
    if refusal:
        refuse(monkeypatch, *refusal)
    before = {p for p in wave["root"].rglob("*")}
    capsys.readouterr()
    code = run(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code in case.codes, (code, out, err)
    if code == 1:  # lint: its problem list, naming the file
        assert str(named_path) in out
    else:
        assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
        assert str(named_path) in err, err
    assert {p for p in wave["root"].rglob("*")} == before  # the shared inputs untouched
    assert not list(tmp_path.rglob(".staging.*")) and not list(tmp_path.rglob("*.tmp*"))


def refuse(monkeypatch, code: int, where: str) -> None:
    """Make the system refuse writes: creating temporary files, or renaming them."""
    import os
    import tempfile

    def refused(*args, **kwargs):
        folder = kwargs.get("dir") or (args[0] if where == "rename" else None)
        raise OSError(code, os.strerror(code), *([] if where == "rename" else [str(folder)]))

    if where == "rename":
        monkeypatch.setattr(os, "replace", refused)
    else:
        monkeypatch.setattr(tempfile, "mkstemp", refused)
        monkeypatch.setattr(tempfile, "mkdtemp", refused)


def test_round_two_covers_every_class():
    assert ROUND_TWO_COUNTS == {
        "names are paths": 4, "the system refuses": 27, "nested 20,000 deep": 7,
        "weak or changed key": 6, "design values": 2,
    }  # fmt: skip


# ---- every command, its main input a folder, noise or missing -----------------------------

# `survey run` is left out: it hands the project to `dvc repro`, whose messages are dvc's.
INPUT_SUFFIX = {
    "lint": ".yaml", "instruments": ".yaml", "import-xlsform": ".xlsx", "allocate": ".yaml",
    "simulate": ".yaml", "ingest": ".csv", "clean": ".csv", "weight": ".parquet",
    "crosstab": ".csv", "tabulate": ".parquet", "compare": ".yaml", "compare-waves": ".csv",
    "compare-entry": ".csv", "export": ".parquet", "import-sav": ".sav", "report": ".ipynb",
}  # fmt: skip


def command_argv(command: str, bad: Path, t: Path) -> list[str]:
    q, out, b = str(MINI), str(t / "out"), str(bad)
    return {
        "lint": ["lint", b],
        "instruments": ["instruments", b, "--out", out],
        "import-xlsform": ["import-xlsform", b, "--out", str(t / "q.yaml")],
        "allocate": ["allocate", "--frame", b, "--n", "5"],
        "simulate": ["simulate", b, "--n", "5", "--seed", "1", "--out", str(t / "s.csv")],
        "ingest": ["ingest", b, "--questionnaire", q, "--out", str(t / "r.csv")],
        "clean": ["clean", b, "--questionnaire", q, "--out", str(t / "w.parquet"),
                  "--key-file", str(t / "k.key")],
        "weight": ["weight", b, "--questionnaire", q, "--out", str(t / "w.parquet")],
        "crosstab": ["crosstab", b, "--row", "sex", "--col", "category"],
        "tabulate": ["tabulate", b, "--questionnaire", q, "--out", out],
        "compare": ["compare", "--map", b, "--data", f"2021={b}", "--out", out],
        "compare-waves": ["compare-waves", b, b, "--var", "sex"],
        "compare-entry": ["compare-entry", b, b, "--key", "respondent_id"],
        "export": ["export", b, "--questionnaire", q, "--out", out],
        "import-sav": ["import-sav", b, "--out", str(t / "q.yaml"), "--stratum", "category"],
        "report": ["report", b, "--out", out, "--to", "html"],
    }[command]  # fmt: skip


def test_every_command_is_in_the_battery():
    from pipeline.cli.app import app

    assert set(INPUT_SUFFIX) == {c.name for c in app.registered_commands} - {"run"}


@pytest.mark.parametrize("given", ["a folder", "binary noise", "a missing file"])
@pytest.mark.parametrize("command", sorted(INPUT_SUFFIX))
def test_every_command_refuses_a_folder_noise_or_nothing_in_one_line(
    command, given, tmp_path, capsys
):
    bad = tmp_path / f"input{INPUT_SUFFIX[command]}"
    if given == "a folder":
        bad.mkdir()
    elif given == "binary noise":
        bad.write_bytes(bytes(range(256)) * 8)
    code = run(command_argv(command, bad, tmp_path))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if command == "lint" and code == 1:  # the problem list on stdout
        assert str(bad) in out, out
        return
    assert code in (2, 3), (code, out, err)
    line = err.strip().splitlines()[-1]  # after warnings the libraries print, if any
    assert line.startswith("error: ") and str(bad) in line, err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# ---- nonsense that used to pass silently -----------------------------------------------------


def small_file(path: Path, values: list[str]) -> Path:
    rows = [["id", "v", "s"]] + [[i, values[i % len(values)], 1 + i % 2] for i in range(40)]
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (["Yes", "No"], "share no value of the variable"),  # codes in one, labels in the other
        ([""], "has no answer in this file"),  # the variable empty in one wave
    ],
    ids=["codes-against-labels", "empty-in-one-wave"],
)
def test_compare_waves_refuses_waves_it_cannot_compare(second, expected, tmp_path, capsys):
    a = small_file(tmp_path / "a.csv", ["1", "2"])
    b = small_file(tmp_path / "b.csv", second)
    assert run(["compare-waves", str(a), str(b), "--var", "v", "--strata", "s"]) == 2
    err = capsys.readouterr().err
    assert expected in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_weight_that_overflows_is_refused_with_its_row(tmp_path, capsys):
    path = tmp_path / "w.csv"
    rows = [["q", "g", "w"]] + [[1 + i % 2, 1 + i % 3, 1e308 if i == 5 else 1.0] for i in range(60)]
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    assert run(["crosstab", str(path), "--row", "q", "--col", "g", "--weight", "w"]) == 2
    err = capsys.readouterr().err
    assert "row 7, column w" in err and "Traceback" not in err
