"""Repeats on the collect server, on SQLite and on a real PostgreSQL: a submission's repeat
instances (a household's members, and each member's jobs in a repeat nested in it) are read
into child rows, every instance is checked in its own context (types, codes, constraints,
relevance reading the instance's and its parents' answers), stored under random ids, and
exported as raw/<wave>.<repeat>.csv, which the clean stage reads beside raw/<wave>.csv."""

from __future__ import annotations

import copy
import uuid
from xml.etree.ElementTree import tostring

import pandas as pd
import pytest
from defusedxml.ElementTree import fromstring

from pipeline.model.cleaning_rules import CleaningConfig
from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.ingest import read_child_tables, read_responses
from pipeline.stages.clean_tables import clean_with_tables
from pipeline.stages.collect.export import export_wave
from pipeline.stages.collect.xform import parse_submission
from tests.collect_support import REPO, cached_xform, client_for, post_xml

HOUSEHOLD = """\
form_id: household
version: "1"
wave: "2024"
title: {vi: Hộ gia đình, en: Household}
languages: {vi: Tiếng Việt (vi), en: English (en)}
choice_lists:
  yn:
    options:
      - {code: 1, label: {vi: Có, en: "Yes"}}
      - {code: 2, label: {vi: Không, en: "No"}}
  sex:
    options:
      - {code: 1, label: {vi: Nam, en: Male}}
      - {code: 2, label: {vi: Nữ, en: Female}}
sections:
  - name: A
    title: {vi: A, en: A}
    questions:
      - {name: has_members, type: single, choices: yn, label: {vi: "Có người?", en: "Members?"}}
      - name: member
        type: repeat
        relevant: "${has_members} = 1"
        label: {vi: Thành viên, en: Member}
        children:
          - {name: age, type: integer, range: [0, 120], label: {vi: Tuổi, en: Age}}
          - {name: sex, type: single, choices: sex, label: {vi: Giới tính, en: Sex}}
          - name: works
            type: single
            choices: yn
            relevant: "${age} >= 15"
            label: {vi: "Có việc làm?", en: "Works?"}
          - name: job
            type: repeat
            relevant: "${works} = 1"
            label: {vi: Việc làm, en: Job}
            children:
              - name: hours
                type: integer
                constraint: ". <= 80"
                constraint_message: {vi: Tối đa 80 giờ, en: At most 80 hours}
                label: {vi: Số giờ, en: Hours}
"""


@pytest.fixture(scope="module")
def questionnaire(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "household.yaml"
    path.write_text(HOUSEHOLD, encoding="utf-8")
    return load_questionnaire(path, with_frame=False)


def member(age: int | str, sex: int | str = 1, works: int | str | None = None,
           jobs: tuple = ()) -> str:  # fmt: skip
    works_xml = "" if works is None else f"<works>{works}</works>"
    jobs_xml = "".join(f"<job><hours>{h}</hours></job>" for h in jobs)
    return f"<member><age>{age}</age><sex>{sex}</sex>{works_xml}{jobs_xml}</member>"


def household_xml(has_members: int, *members: str, instance_id: str | None = None) -> bytes:
    """A submission as ODK writes it: each repeat instance an element of the repeat's name,
    the members inside a group as pyxform nests them."""
    iid = instance_id or f"uuid:{uuid.uuid4()}"
    return (
        f'<data id="household" version="1"><A><has_members>{has_members}</has_members>'
        f"{''.join(members)}</A><meta><instanceID>{iid}</instanceID></meta></data>"
    ).encode()


def test_repeat_instances_are_read_with_their_places():
    xml = household_xml(1, member(40, 1, 1, (40, 10)), member(8, 2))
    submission = parse_submission(xml, frozenset({"member", "job"}))
    assert submission.fields == {"has_members": "1"}
    places = [(i.repeat, i.parent_index, i.index, i.fields) for i in submission.instances]
    assert places == [
        ("member", "", 1, {"age": "40", "sex": "1", "works": "1"}),
        ("job", "1", 1, {"hours": "40"}),
        ("job", "1", 2, {"hours": "10"}),
        ("member", "", 2, {"age": "8", "sex": "2"}),
    ]


def test_a_repeat_is_refused_by_a_form_without_it():
    xml = household_xml(1, member(40, 1), member(8, 2))
    with pytest.raises(Exception, match="age: the field appears twice"):
        parse_submission(xml)


@pytest.mark.parametrize(
    ("xml", "field", "reason"),
    [
        (household_xml(1, member(130)), "member[1] age", "from 0 to 120"),
        (household_xml(1, member(30, 3)), "member[1] sex", "not one of the codes 1, 2"),
        (household_xml(1, member(30, 1), member("x")), "member[2] age", "whole number"),
        # relevance in the instance's own context: an 8-year-old is not asked about work
        (household_xml(1, member(8, 1, 2)), "member[1] works", "does not apply"),
        # a constraint inside the nested repeat, with the questionnaire's own message
        (household_xml(1, member(30, 1, 1, (20, 90))), "job[1.2] hours", "At most 80 hours"),
        # the nested repeat applies only when the member works
        (household_xml(1, member(30, 1, 2, (20,))), "job[1.1]", "repeat does not apply"),
        # the repeat applies only when the household says it has members
        (household_xml(2, member(30, 1)), "member[1]", "repeat does not apply"),
        (
            household_xml(1, member(30, 1).replace("<sex>", "<colour>1</colour><sex>")),
            "member[1] colour",
            "no such question",
        ),
    ],
)
def test_an_invalid_instance_is_refused_with_its_place_and_nothing_is_stored(
    questionnaire, collect_db, xml, field, reason
):
    client, store = client_for(questionnaire, collect_db)
    response = post_xml(client, xml)
    assert response.status_code == 400
    assert field in response.text and reason in response.text
    assert store.count() == 0 and store.child_answers("member") == []


def test_instances_are_stored_once_and_a_changed_instance_is_a_conflict(questionnaire, collect_db):
    client, store = client_for(questionnaire, collect_db)
    xml = household_xml(1, member(40, 1, 1, (40,)), member(8, 2), instance_id="uuid:h1")
    assert post_xml(client, xml).status_code == 201
    assert post_xml(client, xml).status_code == 201  # an identical repeat
    changed = household_xml(1, member(40, 1, 1, (41,)), member(8, 2), instance_id="uuid:h1")
    assert post_xml(client, changed).status_code == 409
    assert store.count() == 1
    assert len(store.child_answers("member")) == 2 and len(store.child_answers("job")) == 1


def test_export_writes_child_tables_that_the_clean_stage_reads(questionnaire, collect_db, tmp_path):
    client, store = client_for(questionnaire, collect_db)
    households = [
        household_xml(1, member(40, 1, 1, (40, 10)), member(38, 2, 2), member(8, 2)),
        household_xml(1, member(70, 2, 1, (5,))),
        household_xml(2),
    ]
    for xml in households:
        assert post_xml(client, xml).status_code == 201
    out = tmp_path / "raw" / "2024.csv"
    written = export_wave(store, questionnaire, out)
    assert written == [out, out.with_name("2024.member.csv"), out.with_name("2024.job.csv")]

    members = pd.read_csv(written[1], dtype=str, keep_default_na=False)
    assert list(members.columns) == ["_parent_id", "_parent_index", "_index", "age", "sex",
                                     "works"]  # fmt: skip
    respondents = pd.read_csv(out, dtype=str, keep_default_na=False)
    ids = dict(zip(respondents["has_members"], respondents["respondent_id"], strict=False))
    by_household = members.groupby("_parent_id")["age"].apply(sorted).to_dict()
    assert sorted(by_household.values()) == [["38", "40", "8"], ["70"]]
    assert ids["2"] not in by_household  # the household without members has no rows
    jobs = pd.read_csv(written[2], dtype=str, keep_default_na=False)
    assert sorted(zip(jobs["_parent_index"], jobs["_index"], jobs["hours"], strict=True)) == [
        ("1", "1", "40"), ("1", "1", "5"), ("1", "2", "10"),
    ]  # fmt: skip
    # no order between responses: every child row names its parent by the random id
    assert set(members["_parent_id"]) <= set(respondents["respondent_id"])
    assert set(jobs["_parent_id"]) <= set(members["_parent_id"])

    raw = read_responses(out, questionnaire)
    raw.tables = {**read_child_tables(out, questionnaire), **raw.tables}
    result = clean_with_tables(raw, questionnaire, CleaningConfig(), b"k" * 32)
    assert result.summary["rows_kept"] == 3
    assert result.tables["member"].summary["rows_kept"] == 4
    assert result.tables["job"].summary["rows_kept"] == 3


# ---- real material: KoboToolbox's nested_repeats form (tests/corpus/xlsforms/kobocat) ----

NESTED_REPEATS = REPO / "tests/corpus/xlsforms/kobocat/nested_repeats.xls"
JR = "{http://openrosa.org/javarosa}"


@pytest.fixture(scope="module")
def kobo_form():
    from pipeline.readers.import_xlsform import read_xlsform

    return read_xlsform(NESTED_REPEATS)


def kobo_submission(q, has_kids: str, kids: list[tuple[str, str, list[str]]]) -> bytes:
    """The XForm's own primary instance (as pyxform wrote it, templates included, as a
    careless client might send them) filled in: one kids_details copy per kid, each with
    its kids_immunization copies."""
    xform = fromstring(cached_xform(q).xml)
    data = next(e for e in xform.iter() if e.tag.endswith("instance") and not e.get("id"))[0]
    data.find(".//{*}has_kids").text = has_kids
    kids_group = data.find("{*}kids")
    template = next(e for e in kids_group if e.get(f"{JR}template") is not None)
    for empty in [e for e in kids_group if e.tag == template.tag and e is not template]:
        kids_group.remove(empty)
    at = list(kids_group).index(template) + 1  # the copies follow the template
    for i, (name, age, immunizations) in enumerate(kids):
        kid = copy.deepcopy(template)
        del kid.attrib[f"{JR}template"]
        kid.find("{*}kids_name").text = name
        kid.find("{*}kids_age").text = age
        shot = kid.find("{*}kids_immunization")
        kid.remove(shot)
        for info in immunizations:
            one = copy.deepcopy(shot)
            del one.attrib[f"{JR}template"]
            one.find("{*}immunization_info").text = info
            kid.append(one)
        kids_group.insert(at + i, kid)
    data.find(".//{*}instanceID").text = f"uuid:{uuid.uuid4()}"
    return tostring(data)


def test_a_kobo_form_with_nested_repeats_is_collected_and_cleaned(kobo_form, collect_db, tmp_path):
    q = kobo_form
    client, store = client_for(q, collect_db)
    sent = kobo_submission(q, "1", [("An", "5", ["BCG", "polio"]), ("Bình", "2", [])])
    assert post_xml(client, sent).status_code == 201
    assert post_xml(client, kobo_submission(q, "0", [])).status_code == 201
    # the repeat is asked only of a household with kids (its relevant: ${has_kids}='1')
    refused = post_xml(client, kobo_submission(q, "0", [("Chi", "3", [])]))
    assert refused.status_code == 400 and "kids_details[1]" in refused.text
    out = tmp_path / "raw" / "2024.csv"
    export_wave(store, q, out)
    raw = read_responses(out, q)
    raw.tables = {**read_child_tables(out, q), **raw.tables}
    assert sorted(raw.tables["kids_details"]["kids_name"]) == ["An", "Bình"]
    shots = raw.tables["kids_immunization"]
    assert sorted(zip(shots["_parent_index"], shots["immunization_info"], strict=True)) == [
        ("1", "BCG"), ("1", "polio"),
    ]  # fmt: skip
    result = clean_with_tables(raw, q, CleaningConfig(), b"k" * 32)
    assert result.summary["rows_kept"] == 2
    assert result.tables["kids_details"].summary["rows_kept"] == 2
    assert result.tables["kids_immunization"].summary["rows_kept"] == 2
