"""Repeats on the plain HTML form (the page for browsers without script, and for keying
paper forms), on SQLite and on a real PostgreSQL: a household roster with a nested repeat
of each member's jobs is answered block by block, "add another" renders the page again with
every value kept, empty blocks at the end are not sent, each instance is checked as a Web
Forms submission's instance is (an error shows beside the field of its own instance), and
the stored child rows are exactly those of the Web Forms submission of the same answers.
Keying: two operators key a paper roster, a mismatch inside a repeat is queued naming the
instance, a third keying settles it, and the export is read by `survey clean`."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli.app import run
from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect import set_admin_password
from pipeline.stages.collect.export import export_wave
from pipeline.stages.collect.web import UI, FormPage, fixed_count, render
from tests.collect_support import REPO, client_for, post_xml
from tests.plain_form import PageForm, page_form
from tests.test_collect_repeats import (
    HOUSEHOLD,
    NESTED_REPEATS,
    household_xml,
    kobo_submission,
    member,
)

PASSWORD = "roster keying admin passphrase"


@pytest.fixture(scope="module")
def household_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / "household.yaml"
    path.write_text(HOUSEHOLD, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def questionnaire(household_path):
    return load_questionnaire(household_path)


def press(client, form: PageForm, answers: dict, button: tuple[str, str]) -> PageForm:
    """Fill ``answers`` in and press an "add another" button: the page comes back."""
    response = client.post(form.action, data=form.post_data(answers, button))
    assert response.status_code == 200, response.text
    return page_form(response.text)


def stored_households(store) -> list[tuple[dict, list, list]]:
    """Each stored response as (answers, its members, its jobs), child rows in the order
    of their places: what two submissions of the same answers must share."""
    out = []
    for rid, _, answers in store.answers():  # child_answers come by response and place
        members = [a for r, a in store.child_answers("member") if r == rid]
        jobs = [a for r, a in store.child_answers("job") if r == rid]
        out.append((answers, members, jobs))
    return out


ROSTER = {
    "has_members": "1",
    "member[1].age": "40", "member[1].sex": "1", "member[1].works": "1",
    "job[1.1].hours": "35", "job[1.2].hours": "10",
    "member[2].age": "8", "member[2].sex": "2",
}  # fmt: skip


def roster_page(client, path: str = "/form?lang=en") -> PageForm:
    """The household form with two members, two jobs for the first and a spare third
    member block, built with the add buttons as a respondent would."""
    form = page_form(client.get(path).text)
    form = press(client, form, {"has_members": "1", "member[1].age": "40"}, ("add", "member[]"))
    form = press(client, form, {}, ("add", "job[1]"))
    return press(client, form, {}, ("add", "member[]"))


def test_each_repeat_instance_is_a_fieldset_whose_labels_name_their_inputs(questionnaire,
                                                                           collect_db):  # fmt: skip
    client, _ = client_for(questionnaire, collect_db)
    form = page_form(client.get("/form?lang=en").text)
    assert "Member 1" in form.legends and "Job 1" in form.legends
    assert form.value("count:member[]") == "1" and form.value("count:job[1]") == "1"
    ids = {c.element_id for c in form.controls if c.kind in ("number", "text", "date")}
    assert ids == {"in-member-1-age", "in-job-1-1-hours"}
    assert ids <= set(form.labels_for)  # every typed input has its label
    assert form.buttons() == [("add", "job[1]"), ("add", "member[]")]  # in reading order
    # Enter in a field presses the first submit button: the form's own, not an add button
    assert next(c for c in form.controls if c.kind == "submit").name == ""


def test_the_vietnamese_page_names_its_blocks_and_buttons_in_vietnamese(questionnaire,
                                                                        collect_db):  # fmt: skip
    client, _ = client_for(questionnaire, collect_db)
    html = client.get("/form").text
    assert "<legend>Thành viên 1</legend>" in html and "<legend>Việc làm 1</legend>" in html
    assert ">Thêm một mục: Thành viên</button>" in html
    assert html.count("Để trống các mục thừa ở cuối") == 1  # said once, on the outer repeat


def test_add_another_renders_the_page_again_with_every_value_kept(questionnaire, collect_db):
    client, store = client_for(questionnaire, collect_db)
    first = page_form(client.get("/form?lang=en").text)
    form = press(client, first, {"has_members": "1", "member[1].age": "40",
                                 "member[1].sex": "2"}, ("add", "member[]"))  # fmt: skip
    assert "Member 2" in form.legends and form.value("count:member[]") == "2"
    assert form.value("instance_id") == first.value("instance_id")
    age = next(c for c in form.controls if c.name == "member[1].age")
    assert age.value == "40"
    sex = {c.value: c.checked for c in form.controls if c.name == "member[1].sex"}
    assert sex == {"1": False, "2": True}
    assert "member[2].age" in form.names() and "job[2.1].hours" in form.names()
    assert store.count() == 0  # adding a block stores nothing


def test_a_roster_through_the_plain_form_is_stored_as_web_forms_stores_it(questionnaire,
                                                                          collect_db):  # fmt: skip
    client, store = client_for(questionnaire, collect_db)
    form = roster_page(client)
    assert "member[3].age" in form.names()  # the spare block, left empty
    response = client.post(form.action, data=form.post_data(ROSTER))
    assert response.status_code == 201, response.text
    assert store.count() == 1
    # the same answers as the Web Forms engine submits them
    xml = household_xml(1, member(40, 1, 1, (35, 10)), member(8, 2))
    assert post_xml(client, xml).status_code == 201
    plain, web = stored_households(store)
    assert plain == web
    answers, members, jobs = plain
    assert [(m["_index"], m["age"], m["works"]) for m in members] == [
        ("1", "40", "1"), ("2", "8", None),
    ]  # fmt: skip
    assert [(j["_parent_index"], j["_index"], j["hours"]) for j in jobs] == [
        ("1", "1", "35"), ("1", "2", "10"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("answers", "field_id", "reason", "where"),
    [
        ({"member[2].age": "130"}, "f-member-2-age", "expected a number from 0 to 120",
         "Member 2, 2"),
        ({"job[1.2].hours": "90"}, "f-job-1-2-hours", "At most 80 hours", "Member 1, Job 2, 5"),
        ({"member[2].sex": ""}, None, None, None),  # sex is not required: accepted
    ],
)
def test_an_invalid_instance_is_shown_beside_its_own_field(questionnaire, collect_db, answers,
                                                           field_id, reason, where):  # fmt: skip
    client, store = client_for(questionnaire, collect_db)
    form = roster_page(client)
    response = client.post(form.action, data=form.post_data({**ROSTER, **answers}))
    if field_id is None:
        assert response.status_code == 201
        return
    assert response.status_code == 422
    html = response.text
    block = html[html.index(f'id="{field_id}"'):]
    block = block[: block.index("</div>")]
    assert f'<p class="error">{reason}' in block
    assert f'<a href="#{field_id}">{where}</a>: {reason}' in html
    assert store.count() == 0
    kept = page_form(html)
    assert kept.value("count:member[]") == "3" and kept.value("count:job[1]") == "2"


def test_answers_inside_an_instance_that_do_not_apply_are_dropped_as_at_the_top(
    questionnaire, collect_db
):
    """The plain form cannot hide a question, so, as for the questions outside repeats, an
    answer that does not apply is not kept: a child is not asked about work, and a
    household without members has no roster."""
    client, store = client_for(questionnaire, collect_db)
    form = roster_page(client)
    child_works = {**ROSTER, "member[2].works": "2"}
    assert client.post(form.action, data=form.post_data(child_works)).status_code == 201
    ((_, members, _),) = stored_households(store)
    assert members[1]["works"] is None
    form = roster_page(client)
    no_members = {**ROSTER, "has_members": "2"}
    assert client.post(form.action, data=form.post_data(no_members)).status_code == 201
    assert sorted(len(m) for _, m, _ in stored_households(store)) == [0, 2]


def test_a_field_or_count_the_page_does_not_have_is_refused(questionnaire, collect_db):
    client, store = client_for(questionnaire, collect_db)
    form = page_form(client.get("/form?lang=en").text)
    data = form.post_data({"has_members": "1", "member[1].age": "40"})
    for forged in ({"member[2].age": ["30"]}, {"count:member[]": ["0"]},
                   {"count:member[]": ["x"]}, {"member[1].colour": ["1"]}):  # fmt: skip
        response = client.post(form.action, data={**data, **forged})
        assert response.status_code == 422, forged
        assert "no such" in response.text or "number of blocks" in response.text
    assert store.count() == 0


def test_the_same_page_posted_twice_is_stored_once_and_a_changed_roster_is_a_conflict(
    questionnaire, collect_db
):
    client, store = client_for(questionnaire, collect_db)
    form = roster_page(client)
    assert client.post(form.action, data=form.post_data(ROSTER)).status_code == 201
    assert client.post(form.action, data=form.post_data(ROSTER)).status_code == 201
    changed = {**ROSTER, "job[1.2].hours": "11"}  # the same instanceID, another job
    assert client.post(form.action, data=form.post_data(changed)).status_code == 409
    assert store.count() == 1 and len(store.child_answers("job")) == 2


FIXED = HOUSEHOLD.replace(
    '        relevant: "${has_members} = 1"\n',
    '        relevant: "${has_members} = 1"\n        repeat_count: "2"\n',
)


def test_a_repeat_count_fixes_the_blocks_and_each_is_sent_as_web_forms_sends_it(
    tmp_path, collect_db
):
    """A form whose repeat_count is a number has that many instances, as in ODK: the page
    shows that many blocks, offers no add button, and sends every block, an empty one too."""
    path = tmp_path / "fixed.yaml"
    path.write_text(FIXED, encoding="utf-8")
    q = load_questionnaire(path)
    client, store = client_for(q, collect_db)
    form = page_form(client.get("/form?lang=en").text)
    assert "Member 2" in form.legends and "Member 3" not in form.legends
    assert ("add", "member[]") not in form.buttons()
    answers = {"has_members": "1", "member[1].age": "40", "member[1].sex": "1",
               "member[1].works": "2"}  # fmt: skip
    assert client.post(form.action, data=form.post_data(answers)).status_code == 201
    empty = "<member><age/><sex/></member>"
    assert post_xml(client, household_xml(1, member(40, 1, 2), empty)).status_code == 201
    plain, web = stored_households(store)
    assert plain == web and [m["age"] for m in plain[1]] == ["40", None]


# ---- real material: KoboToolbox's nested_repeats form (tests/corpus/xlsforms/kobocat) ----


@pytest.fixture(scope="module")
def kobo_form():
    from pipeline.readers.import_xlsform import read_xlsform

    return read_xlsform(NESTED_REPEATS)


def test_kobo_nested_repeats_through_the_plain_form_equal_its_web_forms_submission(
    kobo_form, collect_db
):
    client, store = client_for(kobo_form, collect_db)
    form = page_form(client.get("/form?lang=en").text)
    assert {"kids_details[1].kids_name", "kids_immunization[1.1].immunization_info",
            "nested_name", "web_browsers"} <= form.names()  # fmt: skip
    start = {"has_kids": "1", "kids_details[1].kids_name": "An",
             "kids_details[1].kids_age": "5"}  # fmt: skip
    form = press(client, form, start, ("add", "kids_immunization[1]"))
    form = press(client, form, {}, ("add", "kids_details[]"))
    answers = {
        **start,
        "kids_immunization[1.1].immunization_info": "BCG",
        "kids_immunization[1.2].immunization_info": "polio",
        "kids_details[2].kids_name": "Bình",
        "kids_details[2].kids_age": "2",
    }
    assert client.post(form.action, data=form.post_data(answers)).status_code == 201
    web = kobo_submission(kobo_form, "1", [("An", "5", ["BCG", "polio"]), ("Bình", "2", [])])
    assert post_xml(client, web).status_code == 201
    by_response: dict[str, list] = {}
    for repeat in ("kids_details", "kids_immunization"):
        for rid, row in store.child_answers(repeat):
            by_response.setdefault(rid, []).append((repeat, sorted(row.items())))
    plain, sent = (sorted(rows) for rows in by_response.values())
    assert plain == sent and len(plain) == 4
    first, second = (a for _, _, a in store.answers())
    assert first == second


# ---- keying a paper roster ---------------------------------------------------------------


@pytest.fixture
def keying(questionnaire, collect_db):
    client, store = client_for(questionnaire, collect_db, access="one-time")
    operators = [store.add_app_user(name) for name in ("Lan", "Minh", "Hoa")]
    return client, store, operators


def key_roster(client, token: str, number: str, answers: dict):
    form = roster_page(client, f"/key/{token}/keying?lang=en")
    assert form.action == f"/key/{token}/keying"
    return client.post(form.action, data=form.post_data({**answers, "form_number": number}))


def test_a_mismatch_inside_a_repeat_is_queued_naming_the_instance_and_settled_by_a_third(
    keying, household_path, questionnaire, tmp_path
):
    client, store, (lan, minh, hoa) = keying
    assert key_roster(client, lan, "0007", ROSTER).status_code == 201
    typo = {**ROSTER, "member[2].age": "9"}
    assert key_roster(client, minh, "0007", typo).status_code == 202
    assert store.count() == 0
    (mismatch,) = store.mismatches()
    # the keyings' values come in no order (the keyings are kept under random ids)
    assert {k: sorted(v) for k, v in mismatch.differences.items()} == {"member 2, age": ["8", "9"]}
    nested_typo = {**ROSTER, "job[1.2].hours": "12"}
    assert key_roster(client, lan, "0008", ROSTER).status_code == 201
    assert key_roster(client, minh, "0008", nested_typo).status_code == 202
    differences = store.mismatches()[1].differences
    assert {k: sorted(v) for k, v in differences.items()} == {
        "member 1, job 2, hours": ["10", "12"]
    }
    set_admin_password(store, PASSWORD)  # the queue the third operator works from
    login = client.get("/admin/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)
    client.post("/admin/login", data={"csrf": csrf, "password": PASSWORD})
    admin = client.get("/admin").text
    assert "<td>0007</td><td>member 2, age</td><td>" in admin
    assert "<td>0008</td><td>member 1, job 2, hours</td><td>" in admin

    assert key_roster(client, hoa, "0007", ROSTER).status_code == 201
    assert key_roster(client, hoa, "0008", ROSTER).status_code == 201
    assert store.count() == 2 and store.mismatches() == []
    keyed = stored_households(store)
    assert keyed[0] == keyed[1] and len(keyed[0][1]) == 2 and len(keyed[0][2]) == 2

    out = tmp_path / "raw" / "2024.csv"
    written = export_wave(store, questionnaire, out)
    assert [p.name for p in written] == ["2024.csv", "2024.member.csv", "2024.job.csv"]
    members = pd.read_csv(written[1], dtype=str, keep_default_na=False)
    assert sorted(members["age"]) == ["40", "40", "8", "8"]
    clean = tmp_path / "processed" / "2024.parquet"
    code = run(["clean", str(out), "--questionnaire", str(household_path), "--out", str(clean),
                "--key-file", str(tmp_path / "k.key")])  # fmt: skip
    assert code == 0
    assert len(pd.read_parquet(clean)) == 2
    assert len(pd.read_parquet(clean.with_name("2024.member.parquet"))) == 4
    assert len(pd.read_parquet(clean.with_name("2024.job.parquet"))) == 4


def test_a_keying_with_an_invalid_instance_is_refused_beside_its_field(keying):
    client, store, (lan, _, _) = keying
    response = key_roster(client, lan, "0009", {**ROSTER, "member[1].age": "200"})
    assert response.status_code == 422
    assert re.search(r'id="f-member-1-age">.*?<p class="error">expected a number from 0 to',
                     response.text, re.DOTALL)  # fmt: skip
    assert store.mismatches() == [] and store.count() == 0


# ---- real material: every repeat of the corpus's XLSForms on the plain page -------------

CORPUS = REPO / "tests/corpus/xlsforms"
FORMS_WITH_REPEATS = [
    "kobocat/childrens_survey_unicode.xls",  # a repeat named with a dot, nested twice
    "kobocat/double_repeat.xls",
    "kobocat/groups_in_repeats.xls",
    "kobocat/household.xls",
    "kobocat/userone_with_dot_name_fields.xls",
    "pyxform/bug_example_xls/UCL_Biomass_Plot_Form.xlsx",  # a repeat_count expression
    "pyxform/example_xls/xlsform_spec_test.xlsx",  # repeat_count 2
]


@pytest.mark.parametrize("name", FORMS_WITH_REPEATS)
def test_the_page_of_a_real_form_reads_back_every_instance_block_it_shows(name):
    from pipeline.readers.import_xlsform import read_xlsform

    q = read_xlsform(CORPUS / name)
    page = FormPage(q)
    html = render("form.html", lang="en", ui=UI["en"], title="t", action="/respond",
                  instance_id="uuid:1", sections=page.sections("en", {}))  # fmt: skip
    form = page_form(html)
    typed = [c for c in form.controls if c.kind in ("text", "number", "date", "textarea")]
    assert {c.element_id for c in typed} <= set(form.labels_for)
    fixed = page.web_instances(form.post_data({}))
    assert all(fixed_count(page.repeats[i.repeat]) for i in fixed)  # only fixed counts sent
    # one answer in every block: every block the page shows comes back as an instance
    filled = {c.name: "1" for c in typed if "[" in c.name}
    instances = page.web_instances(form.post_data(filled))
    assert len(instances) == html.count('<fieldset class="instance')
    assert {i.repeat for i in instances} == set(q.tables())
    seen = {("", None)}
    for i in instances:  # parents come before the instances nested in them
        assert (i.parent_index, q.repeat_of(i.repeat)) in seen
        assert set(i.fields) == set(page.repeat_leaves[i.repeat])
        seen.add((i.path, i.repeat))
