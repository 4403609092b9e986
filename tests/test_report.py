"""Reports as a reader gets them: the notebooks run without errors, the PDF's text carries
the Vietnamese headings and the tables' numbers formatted the report's way, every figure
exists, small cells are hidden, simulated data are marked, free text is never printed.

The stage outputs are built once per module by the real stages (simulate → clean → weight
→ tabulate, plus the codebook) on the mini questionnaire; the reports are rendered once.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from pipeline.cli.app import run
from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.dataset import read_dataset, write_dataset
from pipeline.stages.instruments.codebook import write_codebook
from pipeline.stages.report import data as rd
from pipeline.stages.report.render import render_report
from pipeline.stages.report.text import DASH, fmt_int, fmt_p, fmt_percent, fmt_signed_pp, words

from .conftest import FIXTURES, REPO

WAVE = "2021"
THRESHOLD = 30  # high enough to hide the smaller stratum's columns of the skipped items


def build_stage_outputs(root: Path) -> Path:
    """raw/, processed/, outputs/tables and the codebook of the mini questionnaire."""
    q = str(FIXTURES / "mini.yaml")
    steps = [
        ["simulate", q, "--frame", str(FIXTURES / "mini-frame.yaml"), "--n", "150",
         "--seed", "3", "--fault-rate", "0.03", "--out", str(root / "raw" / f"{WAVE}.csv")],
        ["clean", str(root / "raw" / f"{WAVE}.csv"), "--questionnaire", q,
         "--key-file", str(root / "key"), "--out", str(root / "processed" / f"{WAVE}.parquet")],
        ["weight", str(root / "processed" / f"{WAVE}.parquet"), "--questionnaire", q,
         "--out", str(root / "processed" / f"{WAVE}.weighted.parquet")],
        ["tabulate", str(root / "processed" / f"{WAVE}.weighted.parquet"), "--questionnaire", q,
         "--out", str(root / "outputs" / "tables")],
    ]  # fmt: skip
    for argv in steps:
        assert run(argv) == 0, argv
    write_codebook(load_questionnaire(q), root / "outputs" / "instruments" / WAVE, "vi")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return build_stage_outputs(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def reports(project) -> dict[str, Path]:
    """The wave report (vi, HTML + PDF) and a category brief (en, HTML + PDF)."""
    out = project / "outputs" / "reports"
    wave = render_report(
        REPO / "notebooks" / "wave_report.ipynb",
        {"wave": WAVE, "lang": "vi", "root": str(project),
         "small_cell_threshold": str(THRESHOLD), "report_dir": str(out)},
        out, cwd=project, keep_notebook=True,
    )  # fmt: skip
    brief = render_report(
        REPO / "notebooks" / "category_brief.ipynb",
        {"wave": WAVE, "lang": "en", "category": "2", "root": str(project)},
        out, cwd=project, keep_notebook=True,
    )  # fmt: skip
    return {
        "html": wave.outputs["html"],
        "pdf": wave.outputs["pdf"],
        "brief_html": brief.outputs["html"],
        "brief_pdf": brief.outputs["pdf"],
        "out": out,
    }


@pytest.fixture(scope="module")
def data(project) -> rd.WaveData:
    return rd.load_wave(WAVE, project, threshold=THRESHOLD)


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    return unicodedata.normalize("NFC", text.decode("utf-8"))


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# ----- numbers checked by hand -------------------------------------------------------------


def test_margin_of_error_is_the_textbook_formula():
    # 1.959964 * sqrt(0.25 / 1375) = 1.959964 * 0.013484 = 0.026428 (±2.6 points, SRS);
    # times sqrt(1 - 1375 / 9514) = 0.924920 gives 0.024444 (±2.4 points with FPC).
    assert rd.margin_of_error(1375, 9514) == pytest.approx(0.024444, abs=2e-6)
    assert rd.margin_of_error(1375) == pytest.approx(0.026428, abs=2e-6)
    # A stratum of 30 out of 210: 1.959964 * sqrt(0.25 / 30) * sqrt(180 / 210) = 0.165647
    assert rd.margin_of_error(30, 210) == pytest.approx(0.165647, abs=2e-6)


def test_numbers_are_written_the_language_s_way():
    assert fmt_percent(0.4234, "vi") == "42,3%"
    assert fmt_percent(0.4234, "en") == "42.3%"
    assert fmt_int(9514, "vi") == "9.514"
    assert fmt_int(9514, "en") == "9,514"
    assert fmt_signed_pp(-0.124, "vi") == "−12,4"
    assert fmt_p(0.0004, "vi") == "< 0,001"
    assert fmt_p(0.0312, "en") == "0.031"


# ----- the rendered reports ------------------------------------------------------------------


def test_executed_notebooks_have_no_error_cells(reports):
    notebooks = sorted(reports["out"].glob("*.ipynb"))
    assert len(notebooks) == 2
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert outputs, path
        assert not [o for o in outputs if o.output_type == "error"], path


def test_pdf_carries_vietnamese_headings_intact(reports, data):
    text = pdf_text(reports["pdf"])
    w = words("vi")
    headings = ("at_a_glance", "group_differences", "methodology", "results", "appendix")
    for heading in (w[h] for h in headings):
        assert heading in text
    for section in data.questionnaire.sections:
        assert unicodedata.normalize("NFC", section.title.vi) in text
    assert data.questionnaire.title.vi in one_line(text)


def test_pdf_shows_the_tables_numbers_formatted_in_vietnamese(reports, project):
    cells = pd.read_parquet(project / "outputs" / "tables" / f"{WAVE}.cells.parquet")
    total = cells[(cells.banner == "total") & (cells.variable == "aware") & (cells.row_code == 1)]
    prop = float(total.prop.iloc[0])
    text = one_line(pdf_text(reports["pdf"]))
    assert fmt_percent(prop, "vi", sign=False) in text
    assert "," in fmt_percent(prop, "vi", sign=False)
    # Bases of the same table, and the overall margin of error of the allocation table.
    meta = json.loads((project / "processed" / f"{WAVE}.cleaning-summary.json").read_text())
    assert f"Nhận {fmt_int(meta['rows_in'], 'vi')} phiếu" in text


def test_margin_of_error_of_the_sample_is_in_the_report(reports, data):
    rows = rd.design_rows(data, "vi")
    n, population = sum(r.realised for r in rows), sum(r.population for r in rows)
    moe = rd.margin_of_error(n, population)
    expected = f"±{fmt_percent(moe, 'vi', sign=False)} điểm phần trăm"
    assert expected in one_line(pdf_text(reports["pdf"]))


def test_simulated_data_are_marked_on_the_cover_and_every_page(reports):
    text = pdf_text(reports["pdf"])
    pages = text.split("\f")[:-1]
    assert all("DỮ LIỆU MÔ PHỎNG" in page for page in pages)
    assert "DỮ LIỆU MÔ PHỎNG" in reports["html"].read_text(encoding="utf-8")
    assert "SIMULATED DATA" in pdf_text(reports["brief_pdf"])


def test_pdf_has_page_numbers_and_images(reports):
    pages = pdf_text(reports["pdf"]).split("\f")[:-1]
    assert len(pages) > 3
    # Page numbers start after the cover: the last page ends with its number.
    assert pages[-1].strip().endswith(str(len(pages) - 1))
    listing = subprocess.run(
        ["pdfimages", "-list", str(reports["pdf"])], capture_output=True, text=True, check=True
    ).stdout
    assert len(listing.strip().splitlines()) - 2 >= 3


def test_html_is_self_contained_and_its_images_are_pngs(reports):
    html = reports["html"].read_text(encoding="utf-8")
    sources = re.findall(r'<img[^>]*src="([^"]+)"', html)
    assert len(sources) >= 3
    for src in sources:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    assert not re.search(r'(src|href)="https?://', html)
    assert "<pre" not in html and "import " not in html  # code cells stay hidden


def test_codebook_link_is_relative_and_resolves(reports, project):
    html = reports["html"].read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*codebook[^"]*)"', html)
    assert links and not Path(links[0]).is_absolute()
    assert (reports["out"] / links[0]).resolve().exists()


def test_small_cells_are_shown_as_a_dash(data):
    cells = data.cells
    small = cells[(cells.banner == "category") & (cells.base < THRESHOLD)]
    big = cells[(cells.banner == "category") & (cells.base >= THRESHOLD)]
    assert not small.empty and not big.empty
    assert rd.cell_text(small.iloc[0].to_dict(), "vi", THRESHOLD) == DASH
    shown = big.iloc[0].to_dict()
    assert rd.cell_text(shown, "vi", THRESHOLD).startswith(
        fmt_percent(shown["prop"], "vi", sign=False)
    )
    # In the table of a variable with a small column, that column is all dashes.
    variable = small.iloc[0]["variable"]
    table = rd.variable_table(data, variable, "category", "vi")
    column = 1 + 1 + int(small.iloc[0]["col_code"]) - 1  # label, total, then banner codes
    rows = [line.split(" | ") for line in table.splitlines()[2:-1]]
    assert all(row[column].strip(" |") == DASH for row in rows)


def test_small_cell_footnote_is_printed(reports):
    text = one_line(pdf_text(reports["pdf"]))
    assert f"{DASH}: không công bố (cơ số dưới {THRESHOLD} người trả lời" in text
    assert "Quy tắc không công bố số liệu nhóm nhỏ" in text


def test_free_text_answers_are_never_printed(reports, project):
    raw = pd.read_csv(project / "raw" / f"{WAVE}.csv", dtype=str)
    answers = [a for a in raw["comment"].dropna() if len(a.strip()) > 12]
    assert answers
    html = reports["html"].read_text(encoding="utf-8")
    text = pdf_text(reports["pdf"])
    assert not [a for a in answers if a in html or a in text]


def test_free_text_is_printed_masked_only_when_the_parameter_allows(project, tmp_path):
    # A copy of the project whose comments name a member and give a phone number.
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    weighted = copy / "processed" / f"{WAVE}.weighted.parquet"
    frame, meta = read_dataset(weighted)
    frame["comment"] = pd.Series(
        ["Đồng chí Nguyễn Văn An hay đi muộn, gọi 0912 345 678."] + [None] * (len(frame) - 1),
        dtype="string",
    )
    write_dataset(frame, meta, weighted)
    result = render_report(
        REPO / "notebooks" / "wave_report.ipynb",
        {"wave": WAVE, "lang": "vi", "root": str(copy), "show_free_text": "True"},
        copy / "outputs" / "reports", cwd=copy,
    )  # fmt: skip
    text = one_line(pdf_text(result.outputs["pdf"]))
    assert "Đồng chí [tên] hay đi muộn, gọi [số điện thoại]." in text
    assert "Nguyễn Văn An" not in text and "0912 345 678" not in text


def test_each_printed_finding_carries_the_test_of_that_very_difference(reports, data):
    """A finding's difference, CI and p are those of its own claim (the group against the
    total), the CI excludes 0, and composition items never appear."""
    found = rd.findings(data, "category", "vi")
    assert found
    claims = data.claims
    text = one_line(pdf_text(reports["pdf"]))
    composition = rd.composition_variables(data.questionnaire)
    for f in found:
        claim = claims[
            (claims.banner == "category")
            & (claims.variable == f.variable)
            & (claims.col_code == f.col_code)
            & (claims.row_code == f.row_code)
        ].iloc[0]
        assert (f.diff, f.ci_low, f.ci_high, f.p_bh) == (
            claim["diff"], claim.ci_low, claim.ci_high, claim.p_bh
        )
        assert claim.in_battery and claim.p_bh < data.alpha
        assert f.ci_low > 0 or f.ci_high < 0
        assert f.variable not in composition
        printed = (
            f"chênh lệch {fmt_signed_pp(f.diff, 'vi')} điểm phần trăm (KTC 95% của chênh lệch: "
            f"{fmt_signed_pp(f.ci_low, 'vi')} đến {fmt_signed_pp(f.ci_high, 'vi')}"
        )
        assert printed in text


def test_brief_is_one_page_about_its_category(reports, data):
    text = pdf_text(reports["brief_pdf"])
    assert text.count("\f") == 1
    label = data.questionnaire.frame_model.strata[1].label.en
    assert label in text
    row = rd.group_row(data, "2", "en")
    assert f"{fmt_int(row.realised, 'en')} respondents" in text
    # the frame's own word for its members, and the stratum question's list label
    assert f"out of {fmt_int(row.population, 'en')} party members" in one_line(text)
    assert "Brief by stratum" in one_line(text)  # its list has no label


def test_report_command_rejects_an_unknown_parameter(capsys):
    code = run(["report", str(REPO / "notebooks" / "wave_report.ipynb"), "-p", "colour=red"])
    assert code == 2
    assert "no parameter 'colour'" in capsys.readouterr().err


# ----- what a reader must never see, and must always find ----------------------------------


def test_no_variable_name_of_the_questionnaire_appears_in_the_pdf_text(reports, data):
    """Readers see labels: no variable or question name (as a whole word) in the PDF."""
    text = pdf_text(reports["pdf"])
    q = data.questionnaire
    names = {v.name for v in q.variables()} | {x.name for s in q.sections for x in s.questions}
    found = sorted(n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text))
    assert found == []


def test_the_summary_page_comes_first_with_its_figures_then_the_contents(reports, data):
    pages = pdf_text(reports["pdf"]).split("\f")
    summary = one_line(pages[1])  # page 0 is the cover
    w = words("vi")
    assert w["at_a_glance"] in summary
    figures = rd.headlines(data, "vi")
    assert 1 <= len(figures) <= 5
    for h in figures:
        assert fmt_percent(h.prop, "vi") in summary
        ci = f"{fmt_percent(h.ci_low, 'vi', sign=False)}–{fmt_percent(h.ci_high, 'vi')}"
        assert ci in summary
    assert w["headline_no_change"] in summary  # the first wave: no earlier figure
    contents = one_line(pages[2])
    assert w["toc"] in contents and w["methodology"] in contents


def test_methodology_explains_cleaning_suppression_and_confidence_intervals(reports, data):
    text = one_line(pdf_text(reports["pdf"]))
    w = words("vi")
    for heading in ("response", "weighting", "suppression", "how_to_read", "about"):
        assert w[heading] in text
    assert "straight_lining" not in text and "empty_row" not in text
    assert "Trích dẫn đề nghị" in text and "Phiên bản dữ liệu" in text


def test_no_visible_letter_in_the_report_names_a_hidden_column(data):
    from .test_tabulate import visible_letters_naming_hidden_columns

    assert data.cells["suppressed"].any()
    assert visible_letters_naming_hidden_columns(data.cells) == []


def test_every_image_of_the_html_has_alt_text_and_the_page_its_language(reports):
    for key in ("html", "brief_html"):
        html = reports[key].read_text(encoding="utf-8")
        images = re.findall(r"<img\b[^>]*>", html)
        assert all(re.search(r'alt="[^"]{20,}"', img) for img in images), key
        assert re.search(r'<html lang="(vi|en)"', html)
    assert re.search(r'<nav id="TOC"', reports["html"].read_text(encoding="utf-8"))


HOSTILE = ["<script>alert('xss')</script> không đồng ý", '<img src=x onerror="alert(1)"> ý kiến']


def test_html_and_script_in_free_text_answers_are_printed_as_text(project, tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    weighted = copy / "processed" / f"{WAVE}.weighted.parquet"
    frame, meta = read_dataset(weighted)
    frame["comment"] = pd.Series(HOSTILE + [None] * (len(frame) - 2), dtype="string")
    write_dataset(frame, meta, weighted)
    result = render_report(
        REPO / "notebooks" / "wave_report.ipynb",
        {"wave": WAVE, "lang": "vi", "root": str(copy), "show_free_text": "True"},
        copy / "outputs" / "reports", cwd=copy,
    )  # fmt: skip
    html = result.outputs["html"].read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"<img\b[^>]*onerror", html, re.IGNORECASE)
    assert "&lt;script&gt;alert(" in html and "onerror=" in html  # shown, as text
    text = one_line(pdf_text(result.outputs["pdf"]))
    assert "<script>alert('xss')</script> không đồng ý" in text.replace("’", "'")
    assert '<img src=x onerror="alert(1)"> ý kiến' in text.replace("”", '"').replace("“", '"')


def test_the_executed_notebook_prints_exactly_the_findings_of_their_own_tests(reports, data):
    """Read back from the executed notebook: the bullets under "differences between groups"
    are the sentences of the findings chosen from the claims, nothing else."""
    from pipeline.stages.report.text import finding_sentence

    nb = nbformat.read(reports["out"] / f"{WAVE}.vi.ipynb", as_version=4)
    printed = [
        line[2:]
        for cell in nb.cells if cell.cell_type == "code"
        for out in cell.outputs if "text/markdown" in out.get("data", {})
        for line in out["data"]["text/markdown"].splitlines()
        if line.startswith("- ") and "KTC 95% của chênh lệch" in line and "nhóm" in line
    ]  # fmt: skip
    expected = []
    for banner in [data.stratum] + [b for b in data.questionnaire.banners if b != data.stratum]:
        limit = 5 if banner == data.stratum else 2
        expected += [finding_sentence(f, "vi") for f in rd.findings(data, banner, "vi", limit)]
    assert printed == expected and printed


def test_the_sample_s_make_up_is_named_by_the_banners_choice_lists():
    from types import SimpleNamespace

    from pipeline.core.labels import Text

    default = SimpleNamespace(
        questionnaire=load_questionnaire(REPO / "questionnaires" / "degradation-2023.yaml")
    )
    assert rd.group_names(default, "en") == (
        "member category, sex, age group, position, years in the party"
    )
    mini = SimpleNamespace(questionnaire=load_questionnaire(FIXTURES / "mini.yaml"))
    assert rd.group_names(mini, "en") == "group"  # no list of its banners has a label
    partly = mini.questionnaire.model_copy(update={"banners": ["category", "sex"]})
    labelled = {
        name: (c.model_copy(update={"label": Text(vi="Giới tính", en="Sex")})
               if name == "sex" else c)
        for name, c in partly.choice_lists.items()
    }  # fmt: skip
    partly = partly.model_copy(update={"choice_lists": labelled})
    assert rd.group_names(SimpleNamespace(questionnaire=partly), "en") == "sex, ..."


def test_a_headline_change_says_why_it_is_not_significant():
    change = rd.Change(wave="2021", earlier=0.15, diff=0.049, ci_low=0.006, ci_high=0.091,
                       p_bh=0.083)  # fmt: skip
    # its own interval excludes 0, its BH-adjusted p does not pass
    assert rd.change_verdict(change, 0.05, "en") == (
        "not significant once the many changes examined are allowed for "
        "(Benjamini-Hochberg-adjusted p = 0.083)"
    )
    assert "p sau hiệu chỉnh Benjamini-Hochberg = 0,083" in rd.change_verdict(change, 0.05, "vi")
    assert rd.change_verdict(change, 0.1, "en") == "a statistically significant change"
    across_zero = rd.Change("2021", 0.25, -0.023, -0.055, 0.009, 0.4)
    assert rd.change_verdict(across_zero, 0.05, "en") == "not enough evidence of a change"
