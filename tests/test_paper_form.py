"""The paper form: every label, code and skip instruction reaches the PDF intact."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.instruments.paper import build_paper_form, write_paper_form

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.yaml"


def pdf_text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return unicodedata.normalize("NFC", " ".join(out.split()))


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


@pytest.fixture(scope="module")
def vi_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("paper")
    html, pdf = write_paper_form(load_questionnaire(MINI), out, "vi")
    assert html.name == "mini-2021.paper.vi.html"
    return pdf


def test_every_label_and_code_is_in_the_pdf(vi_pdf):
    text = pdf_text(vi_pdf)
    q = load_questionnaire(MINI)
    assert "Đồng chí" in text
    assert "Phiếu khảo sát thử" in text
    for section in q.sections:
        assert section.title.vi in text
    for question in q.questions():
        assert question.label.vi in text
        for item in question.items:
            assert item.label.vi in text
    assert "Không trả lời [98]" in text
    assert "Hành chính [1]" in text  # frame strata with their codes
    assert "Sinh hoạt chi bộ [3]" in text


def test_questions_are_numbered_and_skips_are_in_words(vi_pdf):
    text = pdf_text(vi_pdf)
    # mini: category, sex, age, phone, aware (5), trust (6), eff (7), src (8), ...
    assert "Câu 1. Đồng chí thuộc khối nào?" in text
    assert "Câu 10. Ý kiến khác" in text
    assert "Nếu chọn 2 hoặc 98, chuyển đến câu 8" in text
    assert text.count("(Chỉ trả lời nếu câu 5 = 1 (Có))") == 2  # trust and the grid
    assert "7.1 Sinh hoạt chuyên đề" in text


def test_form_id_version_and_page_number_on_every_page(vi_pdf):
    pages = page_count(vi_pdf)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = pdf_text(vi_pdf, page)
        assert "Mã phiếu mini · phiên bản 1" in text
        assert f"Trang {page} / {pages}" in text


def test_english_form(tmp_path):
    _, pdf = write_paper_form(load_questionnaire(MINI), tmp_path, "en")
    text = pdf_text(pdf)
    assert "Question 5. Are you aware of the resolution?" in text
    assert "If 2 or 98, go to question 8" in text
    assert "Answer only if Q5 = 1 (Yes)" in text
    assert "Form mini · version 1" in text


def test_typst_markup_in_labels_is_printed_literally(tmp_path):
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    nasty = 'Giá #set $x$ *đậm* _nghiêng_ @ref <nhãn> [a] `b` \\ // "trích"'
    data["sections"][0]["questions"][3]["label"]["vi"] = nasty
    path = tmp_path / "q.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil.copy(FIXTURES / "mini-frame.yaml", tmp_path / "mini-frame.yaml")
    html, pdf = write_paper_form(load_questionnaire(path), tmp_path / "out", "vi")
    assert nasty in pdf_text(pdf)
    assert "&lt;nhãn&gt;" in html.read_text(encoding="utf-8")


def test_html_has_codes_boxes_and_skip_notes():
    form = build_paper_form(load_questionnaire(MINI), "vi")
    aware = form.sections[1].questions[0]
    assert [(o.code, o.go_to) for o in aware.options] == [
        (1, None),
        (2, "→ câu 8"),
        (98, "→ câu 8"),
    ]
    age = form.sections[0].questions[2]
    assert (age.kind, age.digits, age.instruction) == ("integer", 2, "(từ 18 đến 80)")


def test_default_questionnaire_prints_every_question(tmp_path):
    q = load_questionnaire(
        Path(__file__).parent.parent / "questionnaires" / "degradation-2021.yaml"
    )
    _, pdf = write_paper_form(q, tmp_path, "vi")
    text = pdf_text(pdf)
    for question in q.questions():
        assert " ".join(question.label.vi.split()) in text
    for page in range(1, page_count(pdf) + 1):
        assert f"Mã phiếu {q.form_id} · phiên bản {q.version}" in pdf_text(pdf, page)
