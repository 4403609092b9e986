"""The form page opens again without a connection: an interviewer loads the form once, the
connection goes (Playwright's offline mode, and the server is stopped as well), the page is
reloaded and renders from the service worker's cache (/sw.js), a form is answered and
submitted (it waits in the outbox), and when the connection returns it is acknowledged and
stored once. The worker keeps only what it may: never an admin page, a submission or
anything sent with a code."""

from __future__ import annotations

import re
import shutil
import time

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from pipeline.stages.collect import open_store
from tests.collect_support import app_user_server, client_for, one_time_server, open_server
from tests.test_collect_browser import CHROMIUM, PHONE, keep
from tests.test_collect_repeats import HOUSEHOLD
from tests.test_collect_webform_browser import QUESTIONNAIRE, choose

CACHE = "survey-collect-v1"
KEPT = re.compile(r"/(webform|forms/[^/]+\.xml|static/.+)$|/key/[^/]+/(webform|forms/[^/]+\.xml)$")


@pytest.fixture
def interviewer_server(tmp_path):
    process, token, db = app_user_server(tmp_path, "Interviewer 3")
    yield process, token, db
    process.stop()


def kept_urls(page: Page) -> list[str]:
    return page.evaluate(
        f"caches.open('{CACHE}').then((c) => c.keys()).then((keys) => keys.map((r) => r.url))"
    )


def wait_until_kept(page: Page, *urls: str, seconds: float = 30) -> None:
    """The service worker has stored ``urls`` (it does so after the page has loaded)."""
    stored = (
        "(urls) => caches.open('" + CACHE + "').then((cache) =>"
        " Promise.all(urls.map((u) => cache.match(u, { ignoreVary: true }))))"
        ".then((found) => found.every(Boolean))"
    )
    deadline = time.monotonic() + seconds
    while not page.evaluate(stored, list(urls)):
        assert time.monotonic() < deadline, f"not kept for offline use: {urls}"
        page.wait_for_timeout(200)


def test_an_interviewer_reopens_the_form_offline_and_it_is_sent_once_back_online(
    interviewer_server, tmp_path
):
    process, token, db = interviewer_server
    assert shutil.which(CHROMIUM), "chromium is required for the browser test"
    page_url = f"{process.url}/key/{token}/webform?lang=vi"
    form_url = f"{process.url}/key/{token}/forms/{QUESTIONNAIRE.form_id}.xml?lang=vi"
    console: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                      device_scale_factor=2, locale="vi-VN")  # fmt: skip
        page = context.new_page()
        page.on("console", lambda m: console.append(f"{m.type}: {m.text[:200]}"))
        page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
        page.goto(page_url)
        expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)
        wait_until_kept(page, page_url, form_url, f"{process.url}/static/webforms/engine.js")

        context.set_offline(True)
        # the server gone too: whatever the browser's offline mode covers, nothing can come
        # from the network
        process.stop()
        response = page.reload()
        assert response is not None and response.from_service_worker
        expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)
        page.screenshot(path=str(tmp_path / "offline-reloaded.png"), animations="disabled")
        choose(page, "category", "2")
        choose(page, "sex", "1")
        page.get_by_role("button", name="Gửi").click()
        status = page.locator("#collect-status")
        expect(status).to_contain_text("Chưa có mạng", timeout=15_000)
        expect(status).to_contain_text("Phiếu chờ gửi trên máy này: 1")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(tmp_path / "offline-queued.png"), animations="disabled")
        assert open_store(db, "2024").count() == 0

        process.start()
        context.set_offline(False)
        expect(status).to_contain_text("Cảm ơn đồng chí", timeout=30_000)
        page.screenshot(path=str(tmp_path / "offline-acknowledged.png"), animations="disabled")
        page.reload()  # online again: nothing waits, nothing is sent twice
        expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)

        page.goto(f"{process.url}/admin/login")  # under the worker's scope, never kept
        kept = kept_urls(page)
        browser.close()
    assert page_url in kept and form_url in kept
    assert all(KEPT.search(url.split("?")[0]) for url in kept), kept
    assert not [url for url in kept if "/admin" in url or "/submission" in url]
    assert not [m for m in console if "Content Security Policy" in m or "pageerror" in m], console
    for name in ("offline-reloaded.png", "offline-queued.png", "offline-acknowledged.png"):
        assert (tmp_path / name).stat().st_size > 10_000
        keep(tmp_path / name)
    process.stop()
    ((_, collector, answers),) = open_store(db, "2024").answers()
    assert collector == "Interviewer 3"
    assert answers["category"] == "2" and answers["sex"] == "1"


def test_the_service_worker_is_served_from_the_root_under_its_own_policy(tmp_path):
    client, _ = client_for(QUESTIONNAIRE, str(tmp_path / "w.sqlite"))
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["content-security-policy"] == "default-src 'none'; connect-src 'self'"
    assert response.headers["cache-control"] == "no-cache"
    page = client.get("/webform")
    assert "worker-src 'self'" in page.headers["content-security-policy"]


def test_a_changed_form_reaches_a_browser_that_kept_the_old_one(tmp_path):
    """Network first: once the server has a new wording, the next visit online shows it and
    keeps it, so that the page opened offline afterwards has the new wording too."""
    process, _ = open_server(tmp_path, HOUSEHOLD)
    path = tmp_path / "questionnaire.yaml"  # the file the server reads when it starts
    page_url = f"{process.url}/webform?lang=vi"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = browser.new_context(viewport=PHONE, is_mobile=True, locale="vi-VN")
            page = context.new_page()
            page.goto(page_url)
            expect(page.get_by_text("Có người?")).to_be_visible(timeout=30_000)
            form_url = f"{process.url}/forms/household.xml?lang=vi"
            wait_until_kept(page, page_url, form_url)

            process.stop()
            path.write_text(HOUSEHOLD.replace("Có người?", "Hộ có ai?"), encoding="utf-8")
            process.start()
            page.reload()
            expect(page.get_by_text("Hộ có ai?")).to_be_visible(timeout=30_000)

            process.stop()
            context.set_offline(True)
            page.reload()
            expect(page.get_by_text("Hộ có ai?")).to_be_visible(timeout=30_000)
            expect(page.get_by_text("Có người?")).to_have_count(0)
            browser.close()
    finally:
        process.stop()


@pytest.fixture
def code_server(tmp_path):
    process, code, _ = one_time_server(tmp_path)
    yield process, code
    process.stop()
    process.stop()


def test_a_one_time_codes_page_is_not_kept(code_server):
    """The page opened with a one-time code carries the code: no service worker is
    registered for it and nothing is kept, so the code never lands in the browser's cache."""
    process, code = code_server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(process.url + "/")
        page.fill("#code", code)
        page.click("button[value=engine]")
        expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)
        choose(page, "category", "1")
        page.get_by_role("button", name="Gửi").click()
        expect(page.locator("#collect-status")).to_contain_text("Cảm ơn", timeout=30_000)
        registrations = page.evaluate(
            "navigator.serviceWorker.getRegistrations().then((r) => r.length)"
        )
        cached = page.evaluate("caches.keys()")
        browser.close()
    assert registrations == 0 and cached == []
