"""Rules the collect server cannot evaluate. A choice filter (or relevant, constraint,
repeat_count) that the expression engine cannot evaluate at all, with a function it lacks,
a name that is no question of the form, or syntax it does not read, is found when the server
starts: `survey collect serve` refuses to start with one line naming the question and the
expression. A rule that fails only on some answers (a regex() pattern taken from an answer)
refuses that submission with the reason: a 400, never a traceback or a 500, nothing stored;
on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import uuid

import pytest
from defusedxml.ElementTree import fromstring

from pipeline.core.errors import InputError
from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.import_xlsform import read_xlsform
from pipeline.stages.collect import make_app, open_store
from tests.collect_support import REPO, client_for, post_xml, submission_xml

FORM = """\
form_id: place
version: "1"
wave: "2024"
title: {{vi: Địa bàn, en: Place}}
languages: {{vi: Tiếng Việt (vi), en: English (en)}}
choice_lists:
  province:
    options:
      - {{code: 1, label: {{vi: Hà Nội, en: Hanoi}}}}
      - {{code: 2, label: {{vi: Huế, en: Hue}}}}
  district:
    options:
      - {{code: 11, label: {{vi: Ba Đình, en: Ba Dinh}}, extra: {{province: "1"}}}}
      - {{code: 21, label: {{vi: Phú Xuân, en: Phu Xuan}}, extra: {{province: "2"}}}}
sections:
  - name: A
    title: {{vi: A, en: A}}
    questions:
      - {{name: pattern, type: text, label: {{vi: Mẫu, en: Pattern}}}}
      - {{name: province, type: single, choices: province, label: {{vi: Tỉnh, en: Province}}}}
      - name: district
        type: single
        choices: district
        choice_filter: "{choice_filter}"
        label: {{vi: Quận, en: District}}
      - name: note
        type: text
        constraint: "{constraint}"
        label: {{vi: Ghi chú, en: Note}}
"""


def write_form(tmp_path, choice_filter: str, constraint: str = "string-length(.) < 50"):
    path = tmp_path / "place.yaml"
    path.write_text(FORM.format(choice_filter=choice_filter, constraint=constraint), "utf-8")
    return path


def serve(path, tmp_path) -> subprocess.CompletedProcess:
    """`survey collect serve` as a researcher starts it (it returns at once when refused)."""
    command = [sys.executable, "-m", "pipeline", "collect", "serve", str(path), "--wave",
               "2024", "--db", str(tmp_path / "wave.sqlite"), "--port", "1"]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("choice_filter", "error"),
    [
        ("province = ${province} and pulldata('x', 'y', 'z', name)",
         "pulldata() cannot be evaluated"),
        ("province = ${region}", "the data has no column 'region'"),
        ("instance('district')/root/item[province = ${province}]", "cannot be evaluated"),
    ],
)  # fmt: skip
def test_serve_refuses_to_start_on_a_choice_filter_it_cannot_evaluate(
    tmp_path, choice_filter, error
):
    result = serve(write_form(tmp_path, choice_filter), tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and "question district, field choice_filter" in line
    assert repr(choice_filter) in line and error in line


def test_serve_refuses_to_start_on_a_constraint_it_cannot_evaluate(tmp_path):
    result = serve(write_form(tmp_path, "province = ${province}", "format-date(., '%Y')"),
                   tmp_path)  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "question note, field constraint" in line and "format-date() cannot" in line


def test_a_real_choice_filter_the_engine_cannot_read_stops_the_server(tmp_path):
    """pyxform's xl_date_ambiguous.xlsx filters on a choices column named with '::'
    (label::English), which the expression engine does not read."""
    q = read_xlsform(REPO / "tests/corpus/xlsforms/pyxform/bug_example_xls/xl_date_ambiguous.xlsx")
    with pytest.raises(InputError) as raised:
        make_app(q, open_store(str(tmp_path / "w.sqlite"), "2024"))
    message = str(raised.value)
    assert "question names, field choice_filter" in message
    assert "\"label::English != ''\"" in message and "\n" not in message


# ---- rules that fail on some answers only ----------------------------------------------


@pytest.fixture(scope="module")
def regex_form(tmp_path_factory):
    """The district list filtered by a pattern the respondent typed: an unbalanced pattern
    cannot be evaluated, which no check at start can foresee."""
    folder = tmp_path_factory.mktemp("q")
    path = write_form(folder, "regex(name, ${pattern})", "regex(., ${pattern})")
    return load_questionnaire(path, with_frame=False)


def message(response) -> str:
    return "".join(fromstring(response.content).itertext())


@pytest.mark.parametrize(
    ("fields", "status", "reason"),
    [
        ({"pattern": "^1", "province": "1", "district": "11"}, 201, ""),
        ({"pattern": "^1", "province": "1", "district": "21"}, 400, "21 is not offered"),
        ({"pattern": "(", "province": "1", "district": "11"}, 400,
         "district: the choice_filter regex(name, ${pattern}) cannot be evaluated on these "
         "answers (regex(): a bad pattern"),
        ({"pattern": "[", "note": "x"}, 400,
         "note: the constraint regex(., ${pattern}) cannot be evaluated on these answers"),
    ],
)  # fmt: skip
def test_a_rule_that_fails_on_these_answers_refuses_the_submission(
    regex_form, collect_db, fields, status, reason
):
    client, store = client_for(regex_form, collect_db)
    response = post_xml(client, submission_xml(regex_form, fields, f"uuid:{uuid.uuid4()}"))
    assert response.status_code == status, response.text
    assert reason in message(response)
    assert store.count() == (1 if status == 201 else 0)


def test_serve_refuses_a_repeat_named_like_the_contact_details_file(tmp_path):
    """raw/<wave>.contacts.csv holds the respondents' contact details; a repeat named
    contacts would be exported to the same file."""
    from tests.test_collect_repeats import HOUSEHOLD

    path = tmp_path / "household.yaml"
    path.write_text(HOUSEHOLD.replace("- name: member\n", "- name: contacts\n"), "utf-8")
    result = serve(path, tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "a repeat named 'contacts' would share raw/<wave>.contacts.csv" in line
