"""`survey lint`: every problem in a questionnaire, each naming file, question and field.

Each fixture under tests/fixtures/lint/ breaks one kind of thing; the tests assert the
complete list of problems, so a fixture that broke something else by accident would fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli.app import run
from pipeline.core.spss_limits import spss_name_problems
from pipeline.model.lint import Problem, lint

FIXTURES = Path(__file__).parent / "fixtures"
LINT = FIXTURES / "lint"


def where(path: Path) -> list[tuple[str, str | None, str]]:
    """(file name, question, field) of each problem, in the order reported."""
    return [(Path(p.file).name, p.question, p.field) for p in lint(path)]


def messages(path: Path) -> list[str]:
    return [p.message for p in lint(path)]


def test_reference_fixture_and_minimal_fixture_are_clean():
    assert lint(FIXTURES / "mini.yaml") == []
    assert lint(LINT / "clean.yaml") == []


def test_problem_reads_file_question_field_message():
    problem = Problem("q.yaml", "age", "range", "low end 80 is above high end 18")
    assert str(problem) == "q.yaml: question age, field range: low end 80 is above high end 18"
    outside = Problem("q.yaml", None, "banners.1", "'src' is not a variable")
    assert str(outside) == "q.yaml: field banners.1: 'src' is not a variable"


def test_unknown_references():
    file = "unknown-reference.yaml"
    assert where(LINT / file) == [(file, "age", "relevant"), (file, "age", "constraint")]
    assert messages(LINT / file) == [
        "${awre} is not a question in this questionnaire",
        "${max_age} is not a question in this questionnaire",
    ]


def test_syntax_error_gives_the_position():
    file = "syntax-error.yaml"
    assert where(LINT / file) == [(file, "age", "relevant")]
    (message,) = messages(LINT / file)
    assert "'==' is not XLSForm" in message
    assert "at character 10" in message


def test_relevant_on_a_later_question_or_on_itself_is_circular():
    file = "circular.yaml"
    assert where(LINT / file) == [(file, "aware", "relevant"), (file, "age", "relevant")]
    later, itself = messages(LINT / file)
    assert "${age} is asked later" in later and "circular" in later
    assert "${age} refers to this question itself" in itself


def test_expressions_that_misuse_a_question():
    file = "expressions-misuse.yaml"
    assert where(LINT / file) == [(file, "age", "relevant")] * 2 + [(file, "note", "relevant")] * 3
    assert messages(LINT / file) == [
        "selected(${src}, '3'): 3 is not an option of choice list yesno (1, 2)",
        "'.' (the answer being checked) belongs in a constraint, not in relevant",
        "${eff} is a grid, which has no single answer; refer to an item (eff_a)",
        "count-selected() needs a multiple-choice question; age is integer",
        "selected() needs a question with options; age has none",
    ]


def test_duplicate_variable_names_across_questions_items_and_dichotomies():
    file = "duplicate-names.yaml"
    assert where(LINT / file) == [
        (file, "src", "choices"),
        (file, "eff", "items.1.name"),
        (file, "Aware", "name"),
    ]
    dichotomy, item, case = messages(LINT / file)
    assert "'src_1' (the 0/1 variable for option 1 of src)" in dichotomy
    assert "question src_1" in dichotomy
    assert "item 1 of grid eff" in item
    assert "case is ignored" in case


def test_duplicate_codes_and_options_without_codes():
    file = "choice-codes.yaml"
    assert where(LINT / file) == [
        (file, None, "choice_lists.category.options.0.code"),
        (file, None, "choice_lists.yesno.options.1.code"),
        (file, None, "choice_lists.yesno.options.2.code"),
    ]
    frame_clash, repeat, no_code = messages(LINT / file)
    assert "code 2 appears twice in choice list category" in frame_clash
    assert "strata.1 of" in frame_clash
    assert "code 1 appears twice in choice list yesno" in repeat
    assert no_code == "option 'Không biết' has no code"


def test_question_shapes():
    file = "question-shapes.yaml"
    assert where(LINT / file) == [
        (file, "aware", "choices"),
        (file, "trust", "choices"),
        (file, "eff", "items"),
        (file, "age", "range"),
    ]
    unknown, no_choices, no_items, upside_down = messages(LINT / file)
    assert "no choice list named 'yes_no'" in unknown
    assert "likert question needs choices" in no_choices
    assert "needs items" in no_items
    assert upside_down == "low end 80 is above high end 18"


def test_every_missing_translation_is_reported():
    file = "translations.yaml"
    assert where(LINT / file) == [
        (file, None, "title.en"),
        (file, None, "sections.0.title.vi"),
        (file, "aware", "label.en"),
        (file, "eff", "items.0.label.en"),
        (file, None, "choice_lists.effect.label.en"),
        (file, None, "choice_lists.effect.options.1.label.vi"),
        (file, None, "indices.0.label.vi"),
    ]
    assert messages(LINT / file)[0] == "no en text (the other language reads 'Phiếu thử')"


def test_missing_translations_in_the_frame_name_the_frame_file():
    frame = "frame-untranslated.yaml"
    assert where(LINT / "frame-translations.yaml") == [
        (frame, None, "name.en"),
        (frame, None, "strata.1.label.en"),
    ]


def test_variable_names_spss_refuses():
    file = "spss-names.yaml"
    long_name = "a_very_long_variable_name_that_goes_on_and_on_past_the_spss_limit_x"
    assert where(LINT / file) == [
        (file, name, "name") for name in ("with", "tuổi", "2nd", "first name", "total.", long_name)
    ]
    reasons = [m.split(": it ", 1)[1] for m in messages(LINT / file)]
    assert reasons == [
        "is a reserved word in SPSS",
        "has letters outside ASCII",
        "must start with a letter",
        "may hold only letters, digits and _ . @ # $ (found ' ')",
        "must not end with '.'",
        f"is {len(long_name)} bytes long; at most 64",
    ]


@pytest.mark.parametrize("name", ["a", "Q1", "ok.name@#$", "x_1", "A" * 64, "withdrawn", "notes"])
def test_valid_spss_names(name):
    assert spss_name_problems(name) == []


@pytest.mark.parametrize("name", ["and", "To", "ALL", "_x", "A" * 65, "a-b", "é", "", "x."])
def test_invalid_spss_names(name):
    assert spss_name_problems(name) != []


def test_labels_are_measured_in_utf8_bytes():
    file = "long-labels.yaml"
    assert where(LINT / file) == [
        (file, "aware", "label.vi"),
        (file, None, "choice_lists.yesno.options.0.label.vi"),
    ]
    # 86 letters of 3 bytes each (Ế) and 41 of 3 bytes each (Ề): hand-counted.
    variable_label, value_label = messages(LINT / file)
    assert "258 bytes in UTF-8; SPSS keeps 255" in variable_label
    assert "123 bytes in UTF-8; SPSS keeps 120" in value_label


def test_stratum_variable_must_be_a_question():
    file = "stratum-not-question.yaml"
    assert where(LINT / file) == [(file, None, "stratum.variable")]
    assert messages(LINT / file) == ["'member_type' is not a question"]


def test_stratum_choice_list_must_match_the_frame():
    file = "stratum-codes.yaml"
    assert where(LINT / file) == [(file, None, "stratum.variable")]
    (message,) = messages(LINT / file)
    assert "codes [1, 2, 3]" in message and "strata [1, 2]" in message


def test_banners_and_index_items_must_be_variables():
    file = "banners-indices.yaml"
    assert where(LINT / file) == [
        (file, None, "banners.1"),
        (file, None, "banners.2"),
        (file, None, "indices.0.items.1"),
        (file, None, "indices.0.items.2"),
    ]


def test_missing_frame_file():
    file = "missing-frame.yaml"
    assert where(LINT / file) == [(file, None, "stratum.frame")]
    assert "'no-such-frame.yaml' does not exist" in messages(LINT / file)[0]


def test_schema_errors_become_problems_naming_the_question():
    file = "schema.yaml"
    # A question without a label is no schema error (an XLSForm calculate has none); the
    # label check runs once the schema is right.
    assert where(LINT / file) == [
        (file, "age", "type"),
        (file, "age", "colour"),
    ]


# ---- the command --------------------------------------------------------------------


def test_command_prints_each_problem_and_a_count(capsys):
    path = LINT / "question-shapes.yaml"
    assert run(["lint", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [str(p) for p in lint(path)]
    assert lines[4] == f"4 problems in {path}"


def test_command_on_a_clean_questionnaire(capsys):
    assert run(["lint", str(FIXTURES / "mini.yaml")]) == 0
    assert capsys.readouterr().out.strip() == f"no problems in {FIXTURES / 'mini.yaml'}"


def test_command_on_an_unreadable_file(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    assert run(["lint", str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {broken}")
    assert run(["lint", str(tmp_path / "absent.yaml")]) == 2


def test_a_question_shown_to_the_respondent_needs_a_label(tmp_path):
    from pipeline.model.lint import errors, lint_questionnaire
    from pipeline.model.questionnaire import Question, Questionnaire, QuestionType, Section

    q = Questionnaire(
        form_id="f",
        wave="1",
        title={"en": "F"},
        sections=[
            Section(
                name="S1",
                group=False,
                questions=[
                    Question(name="age", type=QuestionType.integer),
                    Question(name="c", type=QuestionType.calculate, calculation="${age} * 12"),
                    Question(
                        name="photo", type=QuestionType.image, media={"image": {"en": "a.png"}}
                    ),
                ],
            )
        ],
    )
    found = errors(lint_questionnaire(q, "f.yaml", tmp_path))
    assert [(p.question, p.field) for p in found] == [("age", "label")]
