"""Coverage-guided fuzzing (atheris) of the readers that take files from outside.

Targets:

- ``csv``: arbitrary bytes as a .csv file → ``pipeline.readers.ingest.read_responses`` with the
  reference questionnaire and without one;
- ``xlsform``: a workbook built from fuzzed cells (types, names, labels, skip logic,
  constraints, choices) → ``pipeline.readers.import_xlsform.read_xlsform``;
- ``xlsx``: arbitrary bytes as an .xlsx file → ``read_responses`` and ``read_xlsform``.

The only exception allowed out of a reader is ``pipeline.core.errors.InputError``; anything else
is a crash that atheris reports with the input that caused it.

Usage: python fuzz/fuzz_readers.py {csv,xlsform,xlsx} [libFuzzer flags, e.g.
-max_total_time=60 -seed=1 corpus_dir]
"""

from __future__ import annotations

import atexit
import io
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["pipeline"]):
    from pipeline.core.errors import InputError
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.readers.import_xlsform import read_xlsform
    from pipeline.readers.ingest import read_responses

import openpyxl  # noqa: E402  (not instrumented: only the pipeline's code is under test)
from openpyxl.utils.exceptions import IllegalCharacterError  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MINI = load_questionnaire(REPO / "tests" / "fixtures" / "mini.yaml")
WORK = Path(tempfile.mkdtemp(prefix="fuzz-readers-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)

XLSFORM_TYPES = [
    "select_one cat", "select_one yn", "select_multiple cat", "select_one missing_list",
    "integer", "text", "date", "decimal", "geopoint", "note", "calculate", "start",
    "begin_group", "end_group", "begin group", "end group", "begin_repeat", "end_repeat", "",
]  # fmt: skip
XLSFORM_COLUMNS = [
    "type", "name", "label", "label::English (en)", "label::Vietnamese (vi)", "relevant",
    "constraint", "constraint_message", "required", "appearance", "hint", "pipeline_type",
    "pipeline_pii", "pipeline_missing",
]  # fmt: skip
EXPRESSION_BITS = [
    "${category}", "${q1}", "${q2}", " = ", " != ", " > ", " and ", " or ", "not(", ")", "(",
    ".", " >= 1", " <= 9", "selected(${q1}, '1')", "count-selected(${q2})", "'1'", "1", "''",
]  # fmt: skip


def run_reader(read, *args) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            read(*args)
    except InputError:
        pass


def fuzz_csv(data: bytes) -> None:
    path = WORK / "input.csv"
    path.write_bytes(data)
    run_reader(read_responses, path, MINI)
    run_reader(read_responses, path, None)


def fuzz_xlsx(data: bytes) -> None:
    path = WORK / "input.xlsx"
    path.write_bytes(data)
    run_reader(read_responses, path, MINI)
    run_reader(read_xlsform, path, "category")


def _text(fdp: atheris.FuzzedDataProvider, choices: list[str]) -> str:
    """Mostly a plausible word from ``choices``, sometimes fuzzed text or an expression."""
    pick = fdp.ConsumeIntInRange(0, 9)
    if pick < 6:
        return choices[fdp.ConsumeIntInRange(0, len(choices) - 1)]
    if pick < 8:
        return "".join(
            EXPRESSION_BITS[fdp.ConsumeIntInRange(0, len(EXPRESSION_BITS) - 1)]
            for _ in range(fdp.ConsumeIntInRange(1, 5))
        )
    return fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 16))


def _xlsform(fdp: atheris.FuzzedDataProvider) -> bytes | None:
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey" if fdp.ConsumeIntInRange(0, 15) else "questions"
    columns = XLSFORM_COLUMNS[: fdp.ConsumeIntInRange(2, len(XLSFORM_COLUMNS))]
    names = ["category", "q1", "q2", "q3", "", "1bad", "q1"]
    words = ["yes", "no", "true", "1", "", "Nhãn", "Label", "field-list", "likert", "minimal"]
    try:
        survey.append(columns)
        survey.append(
            ["select_one cat", "category", "Khối", *[""] * (len(columns) - 3)][: len(columns)]
        )
        for _ in range(fdp.ConsumeIntInRange(0, 8)):
            row = [_text(fdp, XLSFORM_TYPES), _text(fdp, names)]
            row += [_text(fdp, words) for _ in columns[2:]]
            survey.append(row)
        if fdp.ConsumeBool():
            choices = book.create_sheet("choices")
            choices.append(["list_name", "name", "label", "pipeline_missing"])
            for _ in range(fdp.ConsumeIntInRange(0, 6)):
                choices.append(
                    [
                        _text(fdp, ["cat", "yn", ""]),
                        _text(fdp, ["1", "2", "98", "1.5", "a"]),
                        _text(fdp, words),
                        _text(fdp, words),
                    ]  # fmt: skip
                )
        if fdp.ConsumeBool():
            settings = book.create_sheet("settings")
            settings.append(["form_id", "version", "default_language"])
            settings.append([_text(fdp, ["f", ""]), _text(fdp, ["1", ""]), _text(fdp, words)])
    except IllegalCharacterError:
        return None  # openpyxl refuses to write control characters: not a workbook anyone has
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fuzz_xlsform(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    workbook = _xlsform(fdp)
    if workbook is None:
        return
    path = WORK / "form.xlsx"
    path.write_bytes(workbook)
    run_reader(read_xlsform, path, "category")


TARGETS = {"csv": fuzz_csv, "xlsform": fuzz_xlsform, "xlsx": fuzz_xlsx}

NAMES = [MINI.respondent_id, *(v.name for v in MINI.variables())]
ROWS = [
    ["R001", "1", "2", "45", "0901234567", "1", "2", "1", "3", "1", "0", "1", "2021-03-04", "Tốt"],
    ["R002", "2", "1", "38", "", "2", "", "", "", "0", "1", "0", "", '"a, b"'],
]
KOBO = (
    "start,end,A/category,A/sex,A/age,B/aware,B/src,_uuid\n2021-03-01,2021-03-01,1,2,40,1,1 3,u\n"
)
ODK = "SubmissionDate,A-category,A-sex,A-age,B-aware,B-src,KEY\n2021-03-01,1,2,40,1,1 3,k\n"


def seed_corpus(target: str) -> Path:
    """Valid inputs for the mutator to start from (the header a real file would have)."""
    folder = WORK / f"seeds-{target}"
    folder.mkdir(exist_ok=True)
    if target == "csv":
        lines = [",".join(NAMES), *(",".join(r) for r in ROWS)]
        (folder / "mini.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
        (folder / "mini-semicolon.csv").write_text("\n".join(";".join(r) for r in [NAMES, *ROWS]))
        (folder / "kobo.csv").write_text(KOBO, encoding="utf-8")
        (folder / "odk.csv").write_text(ODK, encoding="utf-8")
    elif target == "xlsx":
        book = openpyxl.Workbook()
        for row in [NAMES, *ROWS]:
            book.active.append(row)
        book.save(folder / "mini.xlsx")
    return folder


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer flags] [corpus]")
    name, flags = sys.argv[1], sys.argv[2:]
    if not any(not f.startswith("-") for f in flags):
        flags.append(str(seed_corpus(name)))
    atheris.Setup([sys.argv[0], *flags], TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
