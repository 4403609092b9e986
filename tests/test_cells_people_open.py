"""No cell a person opens can run as a formula: every cell of every workbook, CSV and HTML
table the default pipeline writes is scanned, on the default questionnaires and on a
questionnaire whose labels are formula attacks.

The check here is written independently of pipeline.core.spreadsheet_safety: a cell fails
when it is a formula cell, or its text starts with = + - @ (also after leading whitespace),
tab, CR or LF, and it is not a plain number. raw/ is not scanned: it holds the responses as
collected, which the pipeline reads back exactly.
"""

from __future__ import annotations

import csv
import html.parser
import re
from pathlib import Path

import openpyxl
import pytest
import yaml

from .small_wave import copy_questionnaires, run_wave, survey

FIXTURES = Path(__file__).parent / "fixtures"
NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
ATTACKS = ["=cmd|' /C calc'!A0", " =1+1", "\n=1", "@SUM(1+1)", "+HYPERLINK(\"http://x\")"]
_RISKY = re.compile(r"[\t\r\n]|\s*[=+\-@]")
_NUMBER = re.compile(r"\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?\s*")


def risky(text: str) -> bool:
    return bool(_RISKY.match(text)) and not _NUMBER.fullmatch(text)


class _TableCells(html.parser.HTMLParser):
    """The text of every <td> and <th> of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._open = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._open is not None:
            self.cells.append("".join(self._open))
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)


def bad_cells(path: Path) -> list[str]:
    """Where ``path`` holds a formula cell or a cell that begins with a trigger."""
    found = []
    if path.suffix == ".xlsx":
        for sheet in openpyxl.load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    text = cell.value
                    if cell.data_type == "f" or (isinstance(text, str) and risky(text)):
                        found.append(f"{path.name}!{sheet.title}!{cell.coordinate}: {text!r}")
    elif path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            for r, row in enumerate(csv.reader(fh), start=1):
                found += [f"{path.name} row {r}: {c!r}" for c in row if risky(c)]
    elif path.suffix == ".html":
        parser = _TableCells()
        parser.feed(path.read_text(encoding="utf-8"))
        # a browser or a spreadsheet importing the page collapses HTML whitespace
        texts = [" ".join(c.split()) for c in parser.cells]
        found += [f"{path.name}: {c!r}" for c in texts if risky(c)]
    return found


def scanned(root: Path) -> dict[str, list[str]]:
    """Every xlsx, csv and html output under ``root`` but raw/, with its bad cells."""
    paths = [
        p
        for p in sorted(root.rglob("*"))
        if p.suffix in (".xlsx", ".csv", ".html") and "raw" not in p.relative_to(root).parts
    ]
    return {str(p.relative_to(root)): bad_cells(p) for p in paths}


def test_the_check_itself_tells_attacks_from_numbers():
    assert all(risky(a) for a in ATTACKS)
    assert not any(risky(x) for x in ["-3", " -0,5", "+1e3", "Tốt", "1=1", "'=1", ""])


@pytest.fixture(scope="module")
def default_outputs(tmp_path_factory) -> Path:
    """Both default waves through every stage, the comparison and the 2021 wave report."""
    root = tmp_path_factory.mktemp("default")
    folder = copy_questionnaires(root)
    for wave, seed in (("2021", 1), ("2023", 2)):
        run_wave(root, folder / f"degradation-{wave}.yaml", wave, n=800, seed=seed)
    survey(
        "compare", "--map", folder / "harmonization-2021-2023.yaml",
        "--data", f"2021={root / 'processed' / '2021.weighted.parquet'}",
        "--data", f"2023={root / 'processed' / '2023.weighted.parquet'}",
        "--out", root / "outputs" / "waves",
    )  # fmt: skip
    survey(
        "report", NOTEBOOKS / "wave_report.ipynb", "-p", "wave=2021", "-p", "lang=vi",
        "-p", f"root={root}", "--to", "html", "--out", root / "outputs" / "reports",
    )  # fmt: skip
    return root


def test_every_cell_of_the_default_pipeline_is_safe(default_outputs):
    files = scanned(default_outputs)
    kinds = {Path(name).suffix for name in files}
    assert kinds == {".xlsx", ".csv", ".html"}, files.keys()
    for expected in ("2021.tables.xlsx", "comparison.xlsx", "xlsform.xlsx", "entry.xlsx",
                     "cleaning-log.csv", "quarantine.csv", "codebook.csv", "one-wave-only.csv",
                     "2021.vi.html", "codebook.vi.html"):  # fmt: skip
        assert any(name.endswith(expected) for name in files), expected
    assert {name: bad for name, bad in files.items() if bad} == {}


def hostile_questionnaire(folder: Path) -> Path:
    """mini.yaml with formula attacks as choice labels, question labels and a grid item."""
    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    options = data["choice_lists"]["sex"]["options"]
    options[0]["label"] = {"vi": ATTACKS[0], "en": ATTACKS[1]}
    options[1]["label"] = {"vi": ATTACKS[2], "en": ATTACKS[3]}
    data["choice_lists"]["yesno"]["options"][0]["label"] = {"vi": ATTACKS[4], "en": "-Yes"}
    question = data["sections"][0]["questions"][1]
    question["label"] = {"vi": ATTACKS[1], "en": ATTACKS[0]}
    (folder / "mini-frame.yaml").write_bytes((FIXTURES / "mini-frame.yaml").read_bytes())
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_hostile_labels_reach_no_cell_as_formulas(tmp_path):
    folder = tmp_path / "q"
    folder.mkdir()
    run_wave(tmp_path, hostile_questionnaire(folder), "2021", n=120)
    files = scanned(tmp_path)
    assert any(name.endswith("xlsform.xlsx") for name in files)
    assert {name: bad for name, bad in files.items() if bad} == {}
    # the labels are there, as text a spreadsheet shows: quoted, not dropped
    choices = openpyxl.load_workbook(next(tmp_path.rglob("*.xlsform.xlsx")))["choices"]
    texts = {c.value for row in choices.iter_rows() for c in row}
    assert "'" + ATTACKS[0] in texts and "' =1+1" in texts and "'\n=1" in texts
