"""A repeat's ``repeat_count`` (jr:count) on the collect server, on SQLite and PostgreSQL:
under each parent (the submission, or each instance of an enclosing repeat) the repeat has
exactly as many instances as the count says, evaluated by the project's expression engine
on the parent's answers, as ODK evaluates it; a submission with more or fewer is refused
with the reason and nothing is stored. Checked on a form of our own (a count read from an
answer, an expression, a number) and on pyxform's repeat_date_test.xls, whose repeat counts
a calculated field (tests/corpus/xlsforms/pyxform)."""

from __future__ import annotations

import uuid

import pytest
from defusedxml.ElementTree import fromstring

from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.import_xlsform import read_xlsform
from tests.collect_support import REPO, client_for, post_xml

HOUSEHOLD = """\
form_id: counted
version: "1"
wave: "2024"
title: {vi: Hộ gia đình, en: Household}
languages: {vi: Tiếng Việt (vi), en: English (en)}
choice_lists:
  yn:
    options:
      - {code: 1, label: {vi: Có, en: "Yes"}}
      - {code: 2, label: {vi: Không, en: "No"}}
sections:
  - name: A
    title: {vi: A, en: A}
    questions:
      - {name: size, type: integer, range: [0, 20], label: {vi: Số người, en: People}}
      - name: member
        type: repeat
        repeat_count: "${size}"
        label: {vi: Thành viên, en: Member}
        children:
          - {name: age, type: integer, range: [0, 120], label: {vi: Tuổi, en: Age}}
          - {name: n_jobs, type: integer, range: [0, 9], label: {vi: Số việc, en: Jobs}}
          - name: job
            type: repeat
            # at most three jobs are asked about, however many the member has
            repeat_count: "if(${n_jobs} > 3, 3, ${n_jobs})"
            label: {vi: Việc làm, en: Job}
            children:
              - {name: hours, type: integer, range: [0, 80], label: {vi: Số giờ, en: Hours}}
      - name: visit
        type: repeat
        repeat_count: "2"
        label: {vi: Lần thăm, en: Visit}
        children:
          - {name: visited, type: single, choices: yn, label: {vi: "Đã thăm?", en: "Visited?"}}
"""


@pytest.fixture(scope="module")
def questionnaire(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "counted.yaml"
    path.write_text(HOUSEHOLD, encoding="utf-8")
    return load_questionnaire(path, with_frame=False)


def member(age: int, n_jobs: int | None = None, jobs: int = 0) -> str:
    n = "" if n_jobs is None else f"<n_jobs>{n_jobs}</n_jobs>"
    return f"<member><age>{age}</age>{n}{'<job><hours>8</hours></job>' * jobs}</member>"


def message(response) -> str:
    """The OpenRosa response's message, as ODK Collect shows it."""
    return "".join(fromstring(response.content).itertext())


VISITS = "<visit><visited>1</visited></visit>" * 2


def household(size: int | None, *members: str, visits: str = VISITS) -> bytes:
    size_xml = "" if size is None else f"<size>{size}</size>"
    return (
        f'<data id="counted" version="1"><A>{size_xml}{"".join(members)}{visits}</A>'
        f"<meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta></data>"
    ).encode()


@pytest.mark.parametrize(
    "xml",
    [
        household(2, member(40, 1, 1), member(8, 0)),
        household(0),
        household(1, member(30, 5, 3)),  # five jobs, three asked about
        household(1, member(30)),  # n_jobs unanswered: no job instance, as ODK counts it
    ],
)
def test_a_submission_with_as_many_instances_as_counted_is_stored(questionnaire, collect_db, xml):
    client, store = client_for(questionnaire, collect_db)
    response = post_xml(client, xml)
    assert response.status_code == 201, response.text
    assert store.count() == 1


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        (household(2, member(40)), "member: 1 instance(s), but the form asks for 2"),
        (household(1, member(40), member(8)), "member: 2 instance(s), but the form asks for 1"),
        (household(None, member(40)), "member: 1 instance(s), but the form asks for 0"),
        (household(1, member(40, 2, 1)), "job in member[1]: 1 instance(s), but the form asks "
                                         "for 2 (repeat_count if(${n_jobs} > 3, 3, ${n_jobs}))"),
        (household(2, member(40, 0), member(38, 5, 4)),
         "job in member[2]: 4 instance(s), but the form asks for 3"),
        (household(0, visits=VISITS * 2), "visit: 4 instance(s), but the form asks for 2"),
        (household(0, visits=""), "visit: 0 instance(s), but the form asks for 2"),
    ],
)  # fmt: skip
def test_more_or_fewer_instances_than_counted_are_refused_and_nothing_is_stored(
    questionnaire, collect_db, xml, reason
):
    client, store = client_for(questionnaire, collect_db)
    response = post_xml(client, xml)
    assert response.status_code == 400
    assert reason in message(response)
    assert store.count() == 0
    assert store.child_answers("member") == [] and store.child_answers("job") == []


# ---- real material: pyxform's repeat_date_test.xls (jr:count from a calculate field) -------

REPEAT_DATE_TEST = REPO / "tests/corpus/xlsforms/pyxform/example_xls/repeat_date_test.xls"


@pytest.fixture(scope="module")
def pyxform_form():
    return read_xlsform(REPEAT_DATE_TEST)


def repeat_date_submission(count: str, *answers: tuple[str, str]) -> bytes:
    """As ODK Collect sends it: the calculate field's value, then one repeat_test element
    per instance (the XForm's jr:count is /data/repeat_count, calculated as 1)."""
    instances = "".join(
        f"<repeat_test><table_list_3>{a}</table_list_3><table_list_4>{b}</table_list_4>"
        "</repeat_test>"
        for a, b in answers
    )
    return (
        f'<data id="repeat_date_test"><generated_note_name_2/>'
        f"<repeat_count>{count}</repeat_count>{instances}<generated_note_name_8/>"
        f"<meta><instanceID>uuid:{uuid.uuid4()}</instanceID></meta></data>"
    ).encode()


def test_the_pyxform_form_counts_its_repeat_with_a_calculated_field(pyxform_form, collect_db):
    from tests.collect_support import cached_xform

    assert 'jr:count=" /data/repeat_count "' in cached_xform(pyxform_form).xml
    client, store = client_for(pyxform_form, collect_db)
    # the XForm offers the choice names (yes, no), which ODK sends; stored as the codes
    assert post_xml(client, repeat_date_submission("1", ("yes", "no"))).status_code == 201
    for refused, got, expected in [
        (repeat_date_submission("1", ("yes", "no"), ("no", "no")), 2, 1),
        (repeat_date_submission("1"), 0, 1),
        (repeat_date_submission("", ("yes", "yes")), 1, 0),
    ]:
        response = post_xml(client, refused)
        assert response.status_code == 400
        assert f"repeat_test: {got} instance(s), but the form asks for {expected}" in message(
            response
        )
    assert store.count() == 1
    ((_, answers),) = store.child_answers("repeat_test")
    assert (answers["table_list_3"], answers["table_list_4"]) == ("1", "2")
    maybe = post_xml(client, repeat_date_submission("1", ("maybe", "no")))
    assert maybe.status_code == 400
    assert "'maybe' is not one of the codes 1 (yes), 2 (no)" in message(maybe)
