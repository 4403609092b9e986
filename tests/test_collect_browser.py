"""A respondent with a one-time code, in headless Chromium (Debian's, driven by Playwright)
at phone size: enter the code, answer with a skip, submit, see the acknowledgement; the
same code is refused the second time. Screenshots are kept in the test's folder (and in
outputs/collect-screens when SURVEY_KEEP_SCREENSHOTS is set) to be looked at."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from pipeline.stages.collect import open_store
from pipeline.stages.collect.cards import display_code
from tests.collect_support import REPO, one_time_server

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def server(tmp_path):
    process, code, db = one_time_server(tmp_path)
    yield process, code, db
    process.stop()


def keep(shot: Path) -> None:
    if os.environ.get("SURVEY_KEEP_SCREENSHOTS"):
        target = REPO / "outputs" / "collect-screens"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, target / shot.name)


def test_a_respondent_answers_by_code_on_a_phone(server, tmp_path):
    process, code, db = server
    assert shutil.which(CHROMIUM), "chromium is required for the browser test"
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                      device_scale_factor=2, locale="vi-VN")  # fmt: skip
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text))
        page.goto(process.url + "/")
        start_shot = tmp_path / "collect-start.png"
        page.screenshot(path=str(start_shot))
        page.fill("#code", display_code(code).lower())
        page.click("button[value=plain]")
        assert page.locator("h1").first.inner_text().startswith("Phiếu khảo sát")
        # scrolling sideways is never needed on a phone
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.check("input[name=category][value='3']")
        page.check("input[name=sex][value='2']")
        page.check("input[name=cell_thematic][value='2']")  # the thematic questions skip
        page.fill("#in-thematic_count", "5")  # ... so this answer is dropped on receipt
        page.check("input[name=sources][value='1']")
        page.check("input[name=sources][value='3']")
        page.fill("#in-comment", "Ý kiến của tôi")
        form_shot = tmp_path / "collect-form.png"
        page.locator("input[name=cell_thematic]").first.scroll_into_view_if_needed()
        page.screenshot(path=str(form_shot))
        page.click("form button[type=submit]")
        assert "Cảm ơn đồng chí" in page.content()
        done_shot = tmp_path / "collect-done.png"
        page.screenshot(path=str(done_shot))
        page.goto(process.url + "/")
        page.fill("#code", code)
        page.click("button[value=plain]")
        assert "Mã này đã được dùng" in page.content()
        again_shot = tmp_path / "collect-code-used.png"
        page.screenshot(path=str(again_shot))
        browser.close()
    for shot in (start_shot, form_shot, done_shot, again_shot):
        assert shot.stat().st_size > 10_000
        keep(shot)
    assert all(url.startswith(process.url) for url in requests), "no external request"
    assert not [m for m in console if "Content Security Policy" in m], console
    process.stop()
    ((_, _, answers),) = open_store(db, "2024").answers()
    assert answers["category"] == "3" and answers["cell_thematic"] == "2"
    assert answers["thematic_count"] is None
    assert (answers["sources_1"], answers["sources_2"], answers["sources_3"]) == ("1", "0", "1")
    assert answers["comment"] == "Ý kiến của tôi"
