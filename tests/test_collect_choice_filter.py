"""Cascading selects (``choice_filter``) on the collect server: the XForm keeps the filter
(pyxform's filtered itemset), ODK Web Forms shows only the districts of the province chosen
(headless Chromium at phone size), and the server refuses a district the filter excludes
(checked with the project's expression engine, the option's choices-sheet columns standing
for the filter's bare names), on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import uuid

import pytest
from playwright.sync_api import expect, sync_playwright

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect import open_store
from tests.collect_support import ServerProcess, client_for, post_xml, submission_xml
from tests.test_collect_browser import CHROMIUM, PHONE

CASCADE = """\
form_id: cascade
version: "1"
wave: "2024"
title: {vi: Địa bàn, en: Place}
languages: {vi: Tiếng Việt (vi), en: English (en)}
choice_lists:
  province:
    options:
      - {code: 1, label: {vi: Hà Nội, en: Hanoi}}
      - {code: 2, label: {vi: Huế, en: Hue}}
  district:
    options:
      - {code: 11, label: {vi: Ba Đình, en: Ba Dinh}, extra: {province: "1"}}
      - {code: 12, label: {vi: Hoàn Kiếm, en: Hoan Kiem}, extra: {province: "1"}}
      - {code: 21, label: {vi: Phú Xuân, en: Phu Xuan}, extra: {province: "2"}}
sections:
  - name: A
    title: {vi: A, en: A}
    questions:
      - {name: province, type: single, choices: province, label: {vi: Tỉnh, en: Province}}
      - name: district
        type: single
        choices: district
        choice_filter: "province = ${province}"
        label: {vi: Quận, en: District}
"""


@pytest.fixture(scope="module")
def cascade_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "cascade.yaml"
    path.write_text(CASCADE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def questionnaire(cascade_path):
    return load_questionnaire(cascade_path, with_frame=False)


def test_the_xform_keeps_the_filter_as_a_filtered_itemset(questionnaire):
    from tests.collect_support import cached_xform

    xml = cached_xform(questionnaire).xml
    assert "instance('district')/root/item[province =  /data/A/province ]" in xml
    assert "<name>21</name><province>2</province>" in xml


@pytest.mark.parametrize(
    ("province", "district", "status"),
    [("1", "11", 201), ("1", "12", 201), ("2", "21", 201), ("1", "21", 400), ("2", "12", 400),
     ("", "11", 400)],
)  # fmt: skip
def test_the_server_refuses_a_district_the_filter_excludes(
    questionnaire, collect_db, province, district, status
):
    client, store = client_for(questionnaire, collect_db)
    fields = {"province": province, "district": district}
    response = post_xml(client, submission_xml(questionnaire, fields, f"uuid:{uuid.uuid4()}"))
    assert response.status_code == status
    if status == 400:
        assert "district" in response.text and "not offered" in response.text
    assert store.count() == (1 if status == 201 else 0)


def test_the_engine_lists_only_the_districts_of_the_province_chosen(cascade_path, tmp_path):
    assert shutil.which(CHROMIUM), "chromium is required for the browser test"
    db = str(tmp_path / "wave.sqlite")
    process = ServerProcess(cascade_path, db, tmp_path, access="open").start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
            page.goto(f"{process.url}/webform?lang=en")
            expect(page.locator(".odk-form")).to_be_visible(timeout=30_000)
            province = page.locator(".question-container").filter(has_text="Province")
            district = page.locator(".question-container").filter(has_text="District")
            options = district.locator("label.value-option")
            expect(options).to_have_count(0)  # nothing to choose before a province
            province.locator("label.value-option").filter(has_text="Hanoi").click()
            expect(options).to_have_text(["Ba Dinh", "Hoan Kiem"])
            page.screenshot(path=str(tmp_path / "cascade-hanoi.png"))
            province.locator("label.value-option").filter(has_text="Hue").click()
            expect(options).to_have_text(["Phu Xuan"])
            options.filter(has_text="Phu Xuan").click()
            page.screenshot(path=str(tmp_path / "cascade-hue.png"))
            page.get_by_role("button", name="Send").click()
            status = page.locator("#collect-status")
            expect(status).to_contain_text("Thank you", timeout=30_000)
            browser.close()
    finally:
        process.stop()
    store = open_store(db, "2024")
    assert [a for _, _, a in store.answers()] == [{"province": "2", "district": "21"}]
