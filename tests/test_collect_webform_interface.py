"""The form engine's own wording (its buttons, the error summary, the repeat's Add and
Remove, the language menu) is in the page's language: ODK Web Forms 0.22 writes it in
English in its code, and the bundle's build puts a look-up into webforms/interface-text.json
in its place (webforms/interface-text.mjs). Checked in the table, in the built bundle, and in
headless Chromium on a Vietnamese and an English page, with screenshots kept to be looked at."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.collect_support import REPO, ServerProcess
from tests.test_collect_browser import CHROMIUM, PHONE, keep
from tests.test_collect_repeats import HOUSEHOLD

TABLE = json.loads((REPO / "webforms" / "interface-text.json").read_text(encoding="utf-8"))
BUNDLE = REPO / "pipeline" / "stages" / "collect" / "static" / "webforms"
PLACEHOLDER = re.compile(r"\{\w+\}")


def fixed_parts(text: str) -> list[str]:
    """What a text shows whatever its {placeholders} are filled with."""
    return [part.strip() for part in PLACEHOLDER.split(text) if part.strip()]


def english_on(text: str) -> list[str]:
    """The table's English wordings found in ``text``, as whole words."""
    found = set()
    for entry in TABLE.values():
        for part in fixed_parts(entry["en"]):
            if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text):
                found.add(part)
    return sorted(found)


def test_every_wording_has_english_and_natural_vietnamese():
    for key, entry in TABLE.items():
        assert set(entry) == {"en", "vi"}, key
        assert entry["vi"] == unicodedata.normalize("NFC", entry["vi"]), f"{key} is NFC"
        assert entry["vi"] != entry["en"], f"{key} is translated"
        assert sorted(PLACEHOLDER.findall(entry["vi"])) == sorted(
            PLACEHOLDER.findall(entry["en"])
        ), f"{key}: the same placeholders in both languages"
    assert TABLE["odk_web_forms.submit.label"] == {"en": "Send", "vi": "Gửi"}


def test_the_bundle_holds_the_engines_english_sentences_only_in_the_table():
    """A bundle built without the translation step has each of them in the engine's code
    too; the words other libraries in the bundle also use ("Remove", "Cancel") are checked
    in the browser below."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in BUNDLE.glob("*.js"))
    english = "\n".join(entry["en"] for entry in TABLE.values())
    sentences = [
        "question with error.",
        "questions with errors.",
        "Location unavailable. Enable GPS",
        "An error occurred while loading this form",
        "Grant location permission in the browser settings",
        "Condition not satisfied: required",
        "Repeat Item",
        "Finding your location",
        "points saved",
    ]
    assert {s: code.count(s) for s in sentences} == {s: english.count(s) for s in sentences}


@pytest.fixture
def server(tmp_path):
    path = tmp_path / "household.yaml"
    # the household form with its first question required, for the error summary
    first = 'label: {vi: "Có người?"'
    required = HOUSEHOLD.replace(first, "required: true, " + first)
    assert required != HOUSEHOLD
    path.write_text(required, encoding="utf-8")
    process = ServerProcess(path, str(tmp_path / "wave.sqlite"), tmp_path, access="open").start()
    yield process
    process.stop()


def visible_wording(page: Page) -> str:
    """The page's text and the labels a screen reader announces."""
    labels = page.evaluate(
        "[...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]"
        ".flatMap((e) => ['aria-label', 'title', 'alt', 'placeholder']"
        ".map((a) => e.getAttribute(a)).filter(Boolean)).join('\\n')"
    )
    return page.locator("body").inner_text() + "\n" + labels


def walk_through(page: Page, url: str, words: dict[str, str], shot) -> str:
    """Send the empty form (the error summary), start the repeat, add a second member and
    open the second member's menu (Remove); the wording seen along the way."""
    page.goto(url)
    expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)
    seen = [visible_wording(page)]
    page.get_by_role("button", name=words["send"], exact=True).click()
    expect(page.locator(".form-error-message")).to_have_text(words["errors"])
    shot("errors")
    seen.append(visible_wording(page))
    question = page.locator(".question-container").filter(has_text=words["members"])
    question.locator("input[value='1']").check()
    add = page.locator(".button-add-instance")
    expect(add).to_have_text(words["add"])
    add.scroll_into_view_if_needed()
    shot("add")
    seen.append(visible_wording(page))
    add.click()
    expect(page.locator(".button-menu")).to_have_count(2)
    page.locator(".button-menu").nth(1).click()
    remove = page.get_by_role("menuitem", name=words["remove"], exact=True)
    expect(remove).to_be_visible()
    shot("repeat-menu")
    seen.append(visible_wording(page))
    remove.click()
    expect(page.locator(".button-menu")).to_have_count(1)
    page.locator(".smaller-screens .language-changer").click()
    expect(page.get_by_role("option").first).to_be_visible()
    shot("language-menu")
    seen.append(visible_wording(page))
    page.keyboard.press("Escape")
    return "\n".join(seen)


@pytest.mark.parametrize(
    "lang, words",
    [
        ("vi", {"send": "Gửi", "errors": "1 câu hỏi có lỗi.", "members": "Có người?",
                "add": "Thêm Thành viên", "remove": "Xoá", "menu": "đổi ngôn ngữ"}),
        ("en", {"send": "Send", "errors": "1 question with error.", "members": "Members?",
                "add": "Add Member", "remove": "Remove", "menu": "change language"}),
    ],
)  # fmt: skip
def test_the_engines_wording_is_in_the_pages_language(server, tmp_path, lang, words):
    assert shutil.which(CHROMIUM), "chromium is required for the browser test"
    shots = []

    def shot(name: str) -> None:
        path = tmp_path / f"interface-{lang}-{len(shots) + 1}-{name}.png"
        page.screenshot(path=str(path), animations="disabled")  # the banner fades in
        shots.append(path)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        # the browser's own language is the other one: the page's language decides
        other = "en-GB" if lang == "vi" else "vi-VN"
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                      device_scale_factor=2, locale=other)  # fmt: skip
        page = context.new_page()
        seen = walk_through(page, f"{server.url}/webform?lang={lang}", words, shot)
        assert page.locator(f".smaller-screens [aria-label='{words['menu']}']").count() == 1
        browser.close()
    if lang == "vi":
        assert english_on(seen) == []
    else:
        assert {"Send", "Add", "Remove", "question with error."} <= set(english_on(seen))
        assert "Gửi" not in seen and "Thêm" not in seen
    for path in shots:
        assert path.stat().st_size > 10_000
        keep(path)
