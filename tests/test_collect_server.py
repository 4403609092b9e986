"""The collect server as ODK Collect meets it (OpenRosa at the root), on SQLite and on a
real PostgreSQL: form list, submission receipts (201, 201 for an identical repeat, 409 for
the same instanceID with other content), server-side validation with the project's
expression engine, and the export the clean stage reads unchanged."""

from __future__ import annotations

import hashlib
import uuid

import numpy as np
import pandas as pd
import pytest
from defusedxml.ElementTree import fromstring

from pipeline.core.errors import InputError
from pipeline.model.cleaning_rules import CleaningConfig
from pipeline.model.questionnaire import CollectSettings, Question, load_questionnaire
from pipeline.readers.ingest import read_responses
from pipeline.stages.clean import clean
from pipeline.stages.collect.export import export_wave
from tests.collect_support import (
    DEFAULT_QUESTIONNAIRE,
    client_for,
    post_xml,
    random_fields,
    submission_xml,
)


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(DEFAULT_QUESTIONNAIRE)


@pytest.fixture
def server(questionnaire, collect_db, tmp_path):
    client, store = client_for(questionnaire, collect_db, export_path=tmp_path / "raw/2024.csv")
    return client, store


def valid_fields(questionnaire, seed=1):
    from pipeline.stages.collect.answers import FormRules

    return random_fields(questionnaire, FormRules(questionnaire), np.random.default_rng(seed))


def test_form_list_names_the_form_with_openrosa_headers(server, questionnaire):
    client, _ = server
    response = client.get("/formList")
    assert response.status_code == 200
    assert response.headers["x-openrosa-version"] == "1.0"
    listing = fromstring(response.content)
    ns = "{http://openrosa.org/xforms/xformsList}"
    form = listing.find(f"{ns}xform")
    assert form.find(f"{ns}formID").text == questionnaire.form_id
    assert form.find(f"{ns}version").text == questionnaire.version
    download = form.find(f"{ns}downloadUrl").text
    xform = client.get(download.replace("https://testserver", ""))
    assert xform.status_code == 200
    assert form.find(f"{ns}hash").text == "md5:" + hashlib.md5(xform.content).hexdigest()
    assert b"<instanceID/>" in xform.content


def test_head_on_submission_announces_openrosa_and_the_size_limit(server):
    client, _ = server
    response = client.head("/submission")
    assert response.status_code == 204
    assert response.headers["x-openrosa-version"] == "1.0"
    assert int(response.headers["x-openrosa-accept-content-length"]) > 0


def test_first_receipt_and_identical_repeat_are_201_and_stored_once(server, questionnaire):
    client, store = server
    xml = submission_xml(questionnaire, valid_fields(questionnaire))
    first = post_xml(client, xml)
    again = post_xml(client, xml)
    assert (first.status_code, again.status_code) == (201, 201)
    assert 'nature="submit_success"' in first.text
    assert store.count() == 1


def test_same_instance_id_with_other_content_is_409(server, questionnaire):
    client, store = server
    iid = f"uuid:{uuid.uuid4()}"
    fields = valid_fields(questionnaire)
    assert post_xml(client, submission_xml(questionnaire, fields, iid)).status_code == 201
    changed = {**fields, "sex": "2" if fields["sex"] == "1" else "1"}
    assert post_xml(client, submission_xml(questionnaire, changed, iid)).status_code == 409
    assert store.count() == 1


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"category": "9"}, "category", "not one of the codes"),
        ({"category": ""}, "category", "an answer is required"),
        ({"thematic_count": "51", "cell_thematic": "1"}, "thematic_count", "0 to 50"),
        ({"thematic_count": "x", "cell_thematic": "1"}, "thematic_count", "whole number"),
        ({"cell_thematic": "2", "thematic_count": "3"}, "thematic_count", "does not apply"),
        ({"sources": "1 1"}, "sources", "twice"),
        ({"sources": "98"}, "sources", "not one of the codes"),
        ({"prev_ideals": "7"}, "prev_ideals", "not one of the codes"),
        ({"no_such_question": "1"}, "no_such_question", "no such question"),
        ({"general_intro": "text"}, "general_intro", "note"),
    ],
)
def test_invalid_answers_are_refused_with_the_reason_and_not_stored(
    server, questionnaire, change, field, reason
):
    client, store = server
    fields = {**valid_fields(questionnaire), **change}
    if fields.get("cell_thematic") != "1":
        fields.pop("thematic_helpful", None)
    fields = {k: v for k, v in fields.items() if v != "" or k == "category"}
    response = post_xml(client, submission_xml(questionnaire, fields))
    assert response.status_code == 400
    assert field in response.text and reason in response.text
    assert store.count() == 0


def test_constraint_is_checked_with_the_expression_engine(collect_db, tmp_path):
    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    grid = q.question("prev")
    constrained = grid.model_copy(update={"constraint": ". != 3"})
    section = next(s for s in q.sections if grid in s.questions)
    questions = [constrained if x is grid else x for x in section.questions]
    sections = [
        s.model_copy(update={"questions": questions}) if s is section else s for s in q.sections
    ]
    q2 = q.model_copy(update={"sections": sections, "source": "constrained"})
    client, store = client_for(q2, collect_db)
    fields = {**valid_fields(q2), **{item.name: "2" for item in grid.items}, "prev_study": "3"}
    response = post_xml(client, submission_xml(q2, fields))
    assert response.status_code == 400 and "prev_study" in response.text
    fields["prev_study"] = "2"
    assert post_xml(client, submission_xml(q2, fields)).status_code == 201


def test_identifying_metadata_is_dropped(server, questionnaire):
    client, store = server
    extra = (
        "<start>2024-03-01T08:00:00+07:00</start><end>2024-03-01T08:20:00+07:00</end>"
        "<deviceid>collect:abc123</deviceid><phonenumber>0900000000</phonenumber>"
        "<username>interviewer7</username>"
    )
    xml = submission_xml(questionnaire, valid_fields(questionnaire), extra=extra)
    assert post_xml(client, xml).status_code == 201
    (_, _, answers), = store.answers()
    stored = " ".join(f"{k}={v}" for k, v in answers.items())
    for trace in ("2024-03-01", "abc123", "0900000000", "interviewer7", "start", "deviceid"):
        assert trace not in stored


def test_metadata_the_questionnaire_opts_into_is_kept_and_exported(
    questionnaire, collect_db, tmp_path
):
    opted = questionnaire.model_copy(update={"collect": CollectSettings(keep_metadata=["start"])})
    client, store = client_for(opted, collect_db)
    extra = "<start>2024-03-01T08:00:00+07:00</start><deviceid>collect:abc123</deviceid>"
    xml = submission_xml(questionnaire, valid_fields(questionnaire), extra=extra)
    assert post_xml(client, xml).status_code == 201
    out = tmp_path / "raw.csv"
    export_wave(store, questionnaire, out)
    exported = pd.read_csv(out, dtype=str)
    assert list(exported["_start"]) == ["2024-03-01T08:00:00+07:00"]
    assert "abc123" not in out.read_text(encoding="utf-8")


def with_start_question(questionnaire, keep: list[str]):
    """The questionnaire with a ``start`` metadata row of its own (as forms imported from Kobo
    or ODK often have, here named ``started``) and the given opt-in."""
    first = questionnaire.sections[0]
    start = Question.model_validate({"name": "started", "type": "meta", "xlsform_type": "start"})
    sections = [first.model_copy(update={"questions": [start, *first.questions]})]
    return questionnaire.model_copy(
        update={
            "sections": sections + questionnaire.sections[1:],
            "collect": CollectSettings(keep_metadata=keep),
            "source": f"with-start-{'-'.join(keep)}",
        }
    )


@pytest.mark.parametrize("keep", [[], ["start"]])
def test_the_forms_own_start_question_is_dropped_unless_opted_into(questionnaire, collect_db, keep):
    opted = with_start_question(questionnaire, keep)
    client, store = client_for(opted, collect_db)
    assert 'jr:preloadParams="start"' in client.get("/forms/degradation_survey.xml").text
    extra = "<started>2024-03-01T08:00:00+07:00</started>"
    xml = submission_xml(questionnaire, valid_fields(questionnaire), extra=extra)
    assert post_xml(client, xml).status_code == 201
    ((_, _, answers),) = store.answers()
    assert answers["started"] is None  # never as an answer
    kept = {k: v for k, v in answers.items() if "2024-03-01" in str(v)}
    assert kept == ({"_start": "2024-03-01T08:00:00+07:00"} if keep else {})


def test_a_misspelt_metadata_opt_in_is_an_input_error(questionnaire, collect_db):
    opted = questionnaire.model_copy(update={"collect": CollectSettings(keep_metadata=["strat"])})
    with pytest.raises(InputError, match="'strat' is not identifying XLSForm metadata"):
        client_for(opted, collect_db)


def test_wrong_form_or_version_is_refused(server, questionnaire):
    client, store = server
    fields = valid_fields(questionnaire)
    other = post_xml(client, submission_xml(questionnaire, fields, form_id="other_form"))
    assert other.status_code == 400 and "other_form" in other.text
    old = submission_xml(questionnaire, fields).replace(b'version="2023.1"', b'version="2021.1"')
    assert post_xml(client, old).status_code == 400
    assert store.count() == 0


def test_export_is_read_by_the_clean_stage_unchanged(server, questionnaire, tmp_path):
    client, store = server
    sent = []
    for seed in range(25):
        fields = valid_fields(questionnaire, seed)
        fields["contact"] = f"phone {seed:04d}" if seed % 5 == 0 else ""
        sent.append(fields)
        assert post_xml(client, submission_xml(questionnaire, fields)).status_code == 201
    out = tmp_path / "raw" / "2024.csv"
    written = export_wave(store, questionnaire, out)
    assert written == [out, out.with_name("2024.contacts.csv")]
    raw = read_responses(out, questionnaire)
    assert len(raw.data) == 25
    assert "contact" not in out.read_text(encoding="utf-8").splitlines()[0].split(",")
    result = clean(raw, questionnaire, CleaningConfig(), b"k" * 32)
    assert result.summary["rows_in"] == 25
    assert result.summary["rows_kept"] + result.summary["rows_quarantined"] == 25
    # every value sent is in the export, as text
    exported = pd.read_csv(out, dtype=str, keep_default_na=False)
    for column in ("category", "prev_ideals", "sm_use"):
        assert sorted(exported[column]) == sorted(f.get(column, "") for f in sent)
    contacts = pd.read_csv(out.with_name("2024.contacts.csv"), dtype=str)
    assert sorted(contacts["contact"]) == [f"phone {s:04d}" for s in range(0, 25, 5)]
    assert set(contacts.columns) == {"contact_id", "contact"}
