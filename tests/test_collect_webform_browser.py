"""A respondent with a one-time code answers the form rendered by ODK Web Forms, in
headless Chromium (Debian's, driven by Playwright) at phone size: the skip logic comes from
the engine (a question appears and disappears), the submission made while offline waits in
the browser and is sent when the connection returns, the server stores it once, and the
same code is refused the second time. Screenshots are kept in the test's folder (and in
outputs/collect-screens when SURVEY_KEEP_SCREENSHOTS is set) to be looked at."""

from __future__ import annotations

import shutil

import httpx
import pytest
from playwright.sync_api import Page, expect, sync_playwright

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect import open_store
from pipeline.stages.collect.cards import display_code
from tests.collect_support import DEFAULT_QUESTIONNAIRE, app_user_server, one_time_server, post_xml
from tests.test_collect_browser import CHROMIUM, PHONE, keep

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)


@pytest.fixture
def server(tmp_path):
    process, code, db = one_time_server(tmp_path)
    yield process, code, db
    process.stop()


def question(page: Page, name: str, lang: str = "vi"):
    """The engine's block for question ``name``, found by its label in ``lang``."""
    label = QUESTIONNAIRE.question(name).label.get(lang)
    return page.locator(".question-container").filter(has_text=label[:40])


def choose(page: Page, name: str, code: str, lang: str = "vi") -> None:
    block = question(page, name, lang)
    block.locator("label.value-option").filter(has=page.locator(f"input[value='{code}']")).click()


def switch_language(page: Page, name: str) -> None:
    page.locator(".smaller-screens .language-changer").click()
    page.get_by_role("option", name=name).click()


def test_a_respondent_answers_the_engine_form_offline_on_a_phone(server, tmp_path):
    process, code, db = server
    assert shutil.which(CHROMIUM), "chromium is required for the browser test"
    requests: list[str] = []
    console: list[str] = []
    shots = []

    def shot(page: Page, name: str) -> None:
        path = tmp_path / f"webform-{len(shots) + 1}-{name}.png"
        page.screenshot(path=str(path))
        shots.append(path)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                      device_scale_factor=2, locale="vi-VN")  # fmt: skip
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: console.append(f"{m.type}: {m.text[:200]}"))
        page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
        page.goto(process.url + "/")
        page.fill("#code", display_code(code).lower())
        page.click("button[value=engine]")
        expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)
        shot(page, "opened")
        # scrolling sideways is never needed on a phone
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        # the engine's language switcher gives the form's English labels, and back
        switch_language(page, "English (en)")
        english = QUESTIONNAIRE.question("category").label.get("en")
        expect(page.get_by_text(english, exact=True)).to_be_visible()
        shot(page, "english")
        switch_language(page, "Vietnamese (vi)")

        # a required question left empty: the engine refuses to send, nothing leaves
        page.get_by_role("button", name="Gửi").click()
        expect(page.locator(".form-error-message")).to_contain_text("1 câu hỏi có lỗi")
        # the form's own message in the form's language, not the engine's English default
        required = question(page, "category").locator(".validation-message")
        expect(required).to_have_text("Câu hỏi này cần được trả lời.")
        shot(page, "required")
        # the choices work from the keyboard (native radio buttons under the engine's styling)
        category = question(page, "category")
        category.locator("input[value='1']").focus()
        page.keyboard.press("Space")
        expect(category.locator("input:checked")).to_have_value("1")
        page.keyboard.press("ArrowDown")
        expect(category.locator("input:checked")).to_have_value("2")
        expect(category.locator(".validation-message")).to_be_hidden()
        choose(page, "category", "3")
        choose(page, "sex", "2")
        thematic_count = question(page, "thematic_count")
        expect(thematic_count).to_have_count(0)  # asked only after a thematic session
        choose(page, "cell_thematic", "1")
        expect(thematic_count).to_be_visible()
        # the questionnaire's range (0-50) is the XForm's constraint, checked by the engine
        number = thematic_count.locator("input")
        number.press_sequentially("99")  # typed: PrimeVue's number input reads keystrokes
        number.blur()
        expect(thematic_count.locator(".validation-message")).to_have_text(
            "Giá trị phải từ 0 đến 50"
        )
        thematic_count.scroll_into_view_if_needed()
        shot(page, "constraint")
        number.fill("")
        number.press_sequentially("5")
        number.blur()
        expect(number).to_have_value("5")
        expect(thematic_count.locator(".validation-message")).to_be_hidden()
        thematic_count.scroll_into_view_if_needed()
        shot(page, "skip-shown")
        choose(page, "cell_thematic", "2")  # no session after all: the question goes again
        expect(thematic_count).to_have_count(0)
        question(page, "cell_thematic").scroll_into_view_if_needed()
        shot(page, "skip-hidden")
        choose(page, "sources", "1")
        choose(page, "sources", "3")
        question(page, "comment").locator("textarea, input").first.fill("Ý kiến của tôi")

        context.set_offline(True)
        page.get_by_role("button", name="Gửi").click()
        status = page.locator("#collect-status")
        expect(status).to_contain_text("Chưa có mạng", timeout=15_000)
        expect(status).to_contain_text("Phiếu chờ gửi trên máy này: 1")
        page.evaluate("window.scrollTo(0, 0)")
        shot(page, "queued-offline")
        assert open_store(db, "2024").count() == 0
        (kept,) = page.evaluate("import('/static/outbox.js').then((outbox) => outbox.waiting())")
        assert not [url for url in requests if url.endswith("/submission") and "ok" in url]

        context.set_offline(False)
        expect(status).to_contain_text("Cảm ơn đồng chí", timeout=30_000)
        shot(page, "acknowledged")
        left = page.evaluate(
            "import('/static/outbox.js').then((outbox) => outbox.waiting())"
            ".then((entries) => entries.length)"
        )
        assert left == 0

        page.goto(process.url + "/")
        page.fill("#code", code)
        page.click("button[value=engine]")
        expect(page.locator("p.error")).to_contain_text("Mã này đã được dùng")
        shot(page, "code-used")
        browser.close()

    for path in shots:
        assert path.stat().st_size > 10_000
        keep(path)
    assert all(url.startswith(process.url) for url in requests), "no external request"
    assert not [m for m in console if "Content Security Policy" in m or "pageerror" in m], console
    # the engine's own XML, sent again as a retry would: acknowledged, not stored twice;
    # the same instanceID with other content is a conflict
    assert kept["token"] == code and "<instanceID>uuid:" in kept["xml"]
    with httpx.Client(base_url=process.url) as client:
        bearer = {"authorization": f"Bearer {code}"}
        assert post_xml(client, kept["xml"].encode(), headers=bearer).status_code == 201
        changed = kept["xml"].replace("Ý kiến của tôi", "Ý kiến khác").encode()
        assert post_xml(client, changed, headers=bearer).status_code == 409
    process.stop()
    ((_, _, answers),) = open_store(db, "2024").answers()
    assert answers["category"] == "3" and answers["sex"] == "2"
    assert answers["cell_thematic"] == "2" and answers["thematic_count"] is None
    assert (answers["sources_1"], answers["sources_2"], answers["sources_3"]) == ("1", "0", "1")
    assert answers["comment"] == "Ý kiến của tôi"


@pytest.fixture
def interviewer_server(tmp_path):
    process, token, db = app_user_server(tmp_path, "Interviewer 7")
    yield process, token, db
    process.stop()


def test_an_interviewers_form_waits_out_a_server_failure_and_starts_afresh(
    interviewer_server, tmp_path
):
    """On a page in English the form opens in English. The server answers 503 once: the
    form waits in the outbox, the interviewer goes on to a fresh form, and the timer's retry
    delivers it; a second interview follows."""
    process, token, db = interviewer_server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport=PHONE, is_mobile=True, locale="en-GB")
        page = context.new_page()
        page.clock.install()
        failures = []

        def fail_once(route):
            if failures:
                route.continue_()
            else:
                failures.append(route.request.url)
                route.fulfill(status=503, body="busy")

        page.route("**/submission", fail_once)
        page.goto(f"{process.url}/key/{token}/webform?lang=en")
        expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)
        status = page.locator("#collect-status")
        page.get_by_role("button", name="Send").click()  # nothing answered: nothing is sent
        required = question(page, "category", "en").locator(".validation-message")
        expect(required).to_have_text("This question needs an answer.")
        choose(page, "category", "1", "en")
        page.get_by_role("button", name="Send").click()
        expect(status).to_contain_text("the server did not answer", timeout=15_000)
        assert failures == [f"{process.url}/key/{token}/submission"]
        # a fresh form for the next respondent, while the first one waits
        expect(question(page, "category", "en").locator("input:checked")).to_have_count(0)
        page.screenshot(path=str(tmp_path / "interviewer-waiting.png"))
        assert open_store(db, "2024").count() == 0

        page.clock.fast_forward(16_000)  # the retry timer (15 s)
        expect(status).to_contain_text("Thank you", timeout=15_000)
        choose(page, "category", "2", "en")
        page.get_by_role("button", name="Send").click()
        expect(question(page, "category", "en").locator("input:checked")).to_have_count(0)
        page.screenshot(path=str(tmp_path / "interviewer-second.png"))
        browser.close()
    keep(tmp_path / "interviewer-waiting.png")
    process.stop()
    rows = open_store(db, "2024").answers()
    assert sorted(answers["category"] for _, _, answers in rows) == ["1", "2"]
    assert {collector for _, collector, _ in rows} == {"Interviewer 7"}


def test_a_form_submitted_offline_survives_the_tab_being_closed(server, tmp_path):
    """Submitted offline, the tab closed: the form waits in the browser. When the respondent
    opens the code again with a connection, the waiting form is sent (no second form is
    offered), and the code is then used."""
    process, code, db = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport=PHONE, is_mobile=True, locale="vi-VN")
        page = context.new_page()
        page.goto(process.url + "/")
        page.fill("#code", code)
        page.click("button[value=engine]")
        expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)
        choose(page, "category", "4")
        context.set_offline(True)
        page.get_by_role("button", name="Gửi").click()
        expect(page.locator("#collect-status")).to_contain_text("Chưa có mạng", timeout=15_000)
        page.close()
        context.set_offline(False)
        assert open_store(db, "2024").count() == 0

        again = context.new_page()
        again.goto(process.url + "/")
        again.fill("#code", code)
        again.click("button[value=engine]")
        expect(again.locator("#collect-status")).to_contain_text("Cảm ơn đồng chí", timeout=30_000)
        expect(again.locator(".odk-form")).to_have_count(0)
        again.screenshot(path=str(tmp_path / "webform-reopened.png"))
        browser.close()
    keep(tmp_path / "webform-reopened.png")
    process.stop()
    ((_, _, answers),) = open_store(db, "2024").answers()
    assert answers["category"] == "4"
