"""The plain form's repeats as a browser without script meets them (headless Chromium,
JavaScript disabled, phone size, the server's strict Content-Security-Policy): a household
answers its first member, adds a second with the "add another" button (the page comes back
with the answers kept, opened at the new block), answers it by keyboard, submits, and the
server stores one response with its child rows. The screenshots are kept in the test's
folder (and in outputs/collect-screens when SURVEY_KEEP_SCREENSHOTS is set)."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect, sync_playwright

from pipeline.stages.collect import open_store
from tests.collect_support import open_server
from tests.test_collect_browser import CHROMIUM, PHONE, keep
from tests.test_collect_repeats import HOUSEHOLD


@pytest.fixture
def server(tmp_path):
    process, db = open_server(tmp_path, HOUSEHOLD)
    yield process, db
    process.stop()


def test_a_household_adds_a_member_and_submits_with_script_off(server, tmp_path):
    process, db = server
    assert shutil.which(CHROMIUM), "chromium is required for the browser test"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                      device_scale_factor=2, java_script_enabled=False)  # fmt: skip
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text
                else None)  # fmt: skip
        page.goto(f"{process.url}/form?lang=en")
        # the form's hidden default button (for Enter) is neither seen nor announced
        expect(page.get_by_role("button", name="Submit", exact=True)).to_have_count(1)
        expect(page.locator("form > button[hidden]")).to_be_hidden()
        page.get_by_label("Yes", exact=True).first.check()
        page.get_by_label("Age").fill("40")
        page.get_by_label("Male", exact=True).check()
        page.get_by_label("Yes", exact=True).nth(1).check()  # works
        page.get_by_label("Hours").fill("35")
        page.get_by_role("button", name="Add another: Member").click()

        # the page again, the first member kept, opened at the new block
        expect(page.locator("fieldset.instance > legend", has_text="Member 2")).to_be_visible()
        assert page.url.endswith("/respond#f-member-2")
        assert page.get_by_label("Age").nth(0).input_value() == "40"
        assert page.get_by_label("Male", exact=True).nth(0).is_checked()
        added = page.locator("#f-member-2")
        added.get_by_label("Age").fill("8")
        added.get_by_label("Age").press("Tab")  # keyboard order: age, then sex, in member 2
        focused = page.evaluate("document.activeElement.name")
        assert focused == "member[2].sex"
        page.keyboard.press("ArrowRight")  # a radio group moves by arrows: Female
        assert added.get_by_label("Female").is_checked()
        # nothing wider than the phone: no sideways scrolling
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        shot = tmp_path / "plain-repeat-added.png"
        page.screenshot(path=str(shot), full_page=True)
        keep(shot)
        added.get_by_label("Age").press("Enter")  # submits the form, adds no block
        expect(page.locator("h1")).to_have_text("Received")
        done = tmp_path / "plain-repeat-received.png"
        page.screenshot(path=str(done))
        keep(done)
        browser.close()
    assert refused == []
    store = open_store(db, "2024")
    assert store.count() == 1
    members = sorted(
        (a["_index"], a["age"], a["sex"], a["works"]) for _, a in store.child_answers("member")
    )
    assert members == [("1", "40", "1", "1"), ("2", "8", "2", None)]
    jobs = [(a["_parent_index"], a["_index"], a["hours"]) for _, a in store.child_answers("job")]
    assert jobs == [("1", "1", "35")]  # member 2's spare job block was empty: not sent
