"""The wave-comparison report as a reader gets it: it runs without error cells, its PDF
carries the Vietnamese headings and the comparison's own numbers formatted the report's
way, its charts exist, and simulated data are marked."""

from __future__ import annotations

import base64
import re
import subprocess
import unicodedata
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from pipeline.model.harmonize import load_harmonization
from pipeline.stages.compare.waves import compare_waves, write_comparison
from pipeline.stages.report.render import render_report
from pipeline.stages.report.text import fmt_percent

from .conftest import REPO
from .test_compare import mini_data, mini_waves


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("comparison")
    harmonization = load_harmonization(mini_waves(root))
    shared = [f"S{i}" for i in range(20)]
    ids_21 = shared[:12] + [f"X{i}" for i in range(28)] + shared[12:] + [f"Y{i}" for i in range(22)]
    ids_23 = shared[:12] + [f"Z{i}" for i in range(23)] + shared[12:] + [f"V{i}" for i in range(22)]
    waves = [mini_data("2021", (40, 30), ids_21, 1), mini_data("2023", (35, 30), ids_23, 2)]
    comparison = compare_waves(harmonization, waves)
    write_comparison(comparison, harmonization, root / "outputs" / "waves", lang="vi")
    result = render_report(
        REPO / "notebooks" / "comparison_report.ipynb",
        {"lang": "vi", "root": str(root)},
        root / "outputs" / "reports",
        cwd=root,
        keep_notebook=True,
    )
    return {"root": root, "comparison": comparison, "outputs": result.outputs}


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    return unicodedata.normalize("NFC", text.decode("utf-8"))


def test_the_executed_notebook_has_no_error_cells(rendered):
    executed = next((rendered["root"] / "outputs" / "reports").glob("*.ipynb"))
    notebook = nbformat.read(executed, as_version=4)
    errors = [
        out
        for cell in notebook.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert errors == []


def test_the_pdf_has_the_vietnamese_headings_and_the_simulated_mark(rendered):
    text = pdf_text(rendered["outputs"]["pdf"])
    assert "So sánh giữa hai đợt khảo sát" in text
    assert "Tóm tắt kết quả chính" in text
    assert "DỮ LIỆU MÔ PHỎNG / SIMULATED DATA" in text


def test_the_pdf_shows_the_comparison_s_own_estimates(rendered):
    text = re.sub(r"\s+", " ", pdf_text(rendered["outputs"]["pdf"]))
    rows = rendered["comparison"].rows
    sex = rows[(rows["scope"] == "overall") & (rows["item"] == "sex")]
    for value in list(sex["est_a"]) + list(sex["est_b"]) + list(sex["diff"]):
        assert fmt_percent(abs(value), "vi").rstrip("%") in text


def test_the_stratum_is_not_compared(rendered):
    tests = rendered["comparison"].tests
    assert "category" not in set(tests["item"])


def test_every_chart_in_the_html_is_an_embedded_png(rendered):
    html = rendered["outputs"]["html"].read_text(encoding="utf-8")
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    assert images, "the comparison report shows no chart"
    for data in images:
        assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n"


def test_sections_come_in_questionnaire_order_with_item_text(rendered):
    from pipeline.stages.report import data as rd

    comparison = rd.load_comparison(rendered["root"])
    sections = rd.comparison_sections(comparison, "vi")
    q = comparison.questionnaires["2023"]
    order = [s.name for s in q.sections]
    assert [name for name, _, _ in sections] == [n for n in order if n in {s[0] for s in sections}]
    text = re.sub(r"\s+", " ", pdf_text(rendered["outputs"]["pdf"]))
    positions = [text.index(title) for _, title, _ in sections]
    assert positions == sorted(positions)
    for _, _, items in sections:
        for item in items:
            assert rd.item_label(comparison, item, "vi") in text


def test_each_printed_change_carries_its_own_test_and_names_both_waves(rendered):
    from pipeline.stages.report import data as rd
    from pipeline.stages.report.text import fmt_signed_pp

    comparison = rd.load_comparison(rendered["root"])
    found = rd.comparison_findings(comparison)
    text = re.sub(r"\s+", " ", pdf_text(rendered["outputs"]["pdf"]))
    assert "giữa các nhóm" not in text
    for r in found.to_dict("records"):
        assert r["p_bh_level"] < comparison.alpha
        assert r["ci_low"] > 0 or r["ci_high"] < 0
        sentence = rd.change_sentence(comparison, r, "vi")
        assert "2021" in sentence and "2023" in sentence
        assert f"{fmt_signed_pp(r['diff'], 'vi')} điểm phần trăm" in sentence
        assert re.sub(r"\s+", " ", sentence) in text
    assert "Phương pháp" in text and "Cách đọc khoảng tin cậy" in text


def test_every_image_of_the_comparison_has_alt_text(rendered):
    html = rendered["outputs"]["html"].read_text(encoding="utf-8")
    images = re.findall(r"<img\b[^>]*>", html)
    assert images and all(re.search(r'alt="[^"]{20,}"', img) for img in images)


def test_a_category_below_the_threshold_gets_no_slope_chart_nor_does_its_complement():
    from pipeline.stages.report.data import ComparisonData, hidden_categories

    rows = pd.DataFrame(
        {
            "scope": ["overall", "1", "2", "3", "1", "2", "3"],
            "wave_a": ["2021"] * 7,
            "wave_b": ["2023"] * 7,
            "n_a": [400, 200, 150, 40, 190, 140, 38],
            "n_b": [380, 210, 140, 6, 200, 130, 5],  # category 3 has 6 respondents in 2023
        }
    )
    comparison = ComparisonData({}, rows, pd.DataFrame(), pd.DataFrame(), {}, Path("."))
    # 3 is below 10; hiding it alone would let the total give it away, so 2 (the next
    # smallest) goes too: the tables' one rule
    assert hidden_categories(comparison, "2021", "2023", 10) == {"2", "3"}
    assert hidden_categories(comparison, "2021", "2023", 5) == set()


def test_the_threshold_given_on_the_command_line_as_text_is_a_number(rendered, tmp_path):
    from pipeline.stages.report.data import load_comparison, slope_charts

    comparison = load_comparison(rendered["root"], "outputs/waves")
    assert slope_charts(comparison, "vi", "10") == slope_charts(comparison, "vi", 10)
