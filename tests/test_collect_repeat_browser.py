"""Repeats as a respondent meets them in ODK Web Forms (headless Chromium at phone size): a
household adds a second member with the engine's Add button, the nested repeat of a
member's jobs appears only for a member who works, and the server stores the submission as
one response with its child rows, as the engine serialised it."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from pipeline.stages.collect import open_store
from tests.collect_support import open_server
from tests.test_collect_browser import CHROMIUM, PHONE
from tests.test_collect_repeats import HOUSEHOLD


@pytest.fixture
def server(tmp_path):
    process, db = open_server(tmp_path, HOUSEHOLD)
    yield process, db
    process.stop()


def block(page: Page, label: str):
    return page.locator(".question-container").filter(has_text=label)


def choose(page: Page, label: str, code: str, nth: int = 0) -> None:
    options = block(page, label).nth(nth).locator("label.value-option")
    options.filter(has=page.locator(f"input[value='{code}']")).click()


def type_number(page: Page, label: str, text: str, nth: int = 0) -> None:
    number = block(page, label).nth(nth).locator("input")
    number.press_sequentially(text)  # typed: PrimeVue's number input reads keystrokes
    number.blur()


def test_a_household_with_two_members_is_stored_with_its_child_rows(server, tmp_path):
    process, db = server
    assert shutil.which(CHROMIUM), "chromium is required for the browser test"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(f"{process.url}/webform?lang=en")
        expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)
        expect(block(page, "Age")).to_have_count(0)  # the repeat waits for the first answer
        choose(page, "Members?", "1")
        type_number(page, "Age", "40")
        choose(page, "Sex", "1")
        expect(block(page, "Hours")).to_have_count(0)  # asked only of a member who works
        choose(page, "Works?", "1")
        type_number(page, "Hours", "35")
        page.locator(".button-add-instance").filter(has_text="Member").click()
        expect(block(page, "Age")).to_have_count(2)
        type_number(page, "Age", "8", nth=1)
        choose(page, "Sex", "2", nth=1)
        expect(block(page, "Works?")).to_have_count(1)  # not asked of a child
        page.screenshot(path=str(tmp_path / "repeat-filled.png"), full_page=True)
        page.get_by_role("button", name="Send").click()
        expect(page.locator("#collect-status")).to_contain_text("Thank you", timeout=30_000)
        browser.close()
    store = open_store(db, "2024")
    assert store.count() == 1
    members = sorted(
        (a["_index"], a["age"], a["sex"], a["works"]) for _, a in store.child_answers("member")
    )
    assert members == [("1", "40", "1", "1"), ("2", "8", "2", None)]
    jobs = [(a["_parent_index"], a["_index"], a["hours"]) for _, a in store.child_answers("job")]
    assert jobs == [("1", "1", "35")]
