"""The shipped default survey (2021 and 2023 waves): it loads, is bilingual, NFC, fits SPSS's
limits, and its skip logic points backwards at real questions and codes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pydantic import BaseModel

from pipeline.core.labels import Text
from pipeline.model.expressions import (
    Compare,
    Number,
    Ref,
    Selected,
    String,
    parse,
    references,
    walk,
)
from pipeline.model.frame import load_frame
from pipeline.model.lint import lint
from pipeline.model.questionnaire import Level, Questionnaire, QuestionType, load_questionnaire

QUESTIONNAIRES = Path(__file__).parent.parent / "questionnaires"
WAVES = {
    "2021": QUESTIONNAIRES / "degradation-2021.yaml",
    "2023": QUESTIONNAIRES / "degradation-2023.yaml",
}

SPSS_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
SPSS_RESERVED = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"}
SPSS_LABEL_BYTES = 256  # variable (and question) labels
SPSS_VALUE_LABEL_BYTES = 120


@pytest.fixture(params=sorted(WAVES), scope="module")
def wave(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def questionnaire(wave: str) -> Questionnaire:
    return load_questionnaire(WAVES[wave])


def texts(node: object) -> list[Text]:
    """Every bilingual label in a model, found by walking its fields."""
    if isinstance(node, Text):
        return [node]
    if isinstance(node, BaseModel):
        return [t for name in type(node).model_fields for t in texts(getattr(node, name))]
    if isinstance(node, list | tuple):
        return [t for child in node for t in texts(child)]
    if isinstance(node, dict):
        return [t for child in node.values() for t in texts(child)]
    return []


def test_both_waves_are_versions_of_one_form(wave: str, questionnaire: Questionnaire) -> None:
    assert questionnaire.form_id == "degradation_survey"
    assert questionnaire.wave == wave
    assert questionnaire.version == f"{wave}.1"


def test_lints_clean(wave: str) -> None:
    assert [str(p) for p in lint(WAVES[wave])] == []


def test_has_between_40_and_60_variables(questionnaire: Questionnaire) -> None:
    assert 40 <= len(questionnaire.variables()) <= 60


def test_stratum_is_the_first_question_and_first_banner(questionnaire: Questionnaire) -> None:
    stratum = questionnaire.stratum.variable
    assert questionnaire.questions()[0].name == stratum
    assert questionnaire.banners[0] == stratum
    assert questionnaire.question(stratum).required


def test_stratum_uses_the_frame_codes_and_labels(wave: str, questionnaire: Questionnaire) -> None:
    frame = load_frame(QUESTIONNAIRES / "frame.yaml")
    options = questionnaire.variable(questionnaire.stratum.variable).options
    assert [(o.code, o.label) for o in options] == [(s.code, s.label) for s in frame.strata]
    # the codes live in the frame only, not restated in the questionnaire
    as_written = load_questionnaire(WAVES[wave], with_frame=False)
    stratum_list = as_written.question(as_written.stratum.variable).choices
    assert as_written.choice_lists[stratum_list].from_frame
    assert as_written.choice_lists[stratum_list].options == []


def test_banners_and_indices_name_existing_variables(questionnaire: Questionnaire) -> None:
    names = {v.name for v in questionnaire.variables()}
    assert set(questionnaire.banners) <= names
    for index in questionnaire.indices:
        assert set(index.items) <= names, index.name
        scales = {questionnaire.variable(item).question.choices for item in index.items}
        assert len(scales) == 1, f"{index.name} mixes scales {scales}"


def test_every_label_has_vietnamese_and_english(questionnaire: Questionnaire) -> None:
    labels = texts(questionnaire)
    assert len(labels) > 100
    incomplete = [t for t in labels if t.missing_languages()]
    assert incomplete == []


def test_the_file_is_nfc(wave: str) -> None:
    text = WAVES[wave].read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_variable_names_are_valid_spss_names(questionnaire: Questionnaire) -> None:
    names = [v.name for v in questionnaire.variables()] + [
        q.name for q in questionnaire.questions()
    ]
    for name in names:
        assert SPSS_NAME.match(name), name
        assert len(name.encode()) <= 64, name
        assert name.upper() not in SPSS_RESERVED, name
    variables = [v.name for v in questionnaire.variables()]
    assert len(set(variables)) == len(variables)


def test_labels_fit_spss_byte_limits(questionnaire: Questionnaire) -> None:
    for lang in ("vi", "en"):
        for q in questionnaire.questions():
            assert len(q.label.get(lang).encode()) <= SPSS_LABEL_BYTES, q.name
        for v in questionnaire.variables():
            assert len(v.label.get(lang).encode()) <= SPSS_LABEL_BYTES, v.name
            for label in v.value_labels(lang).values():
                assert len(label.encode()) <= SPSS_VALUE_LABEL_BYTES, (v.name, label)


def test_choice_questions_name_existing_lists(questionnaire: Questionnaire) -> None:
    with_choices = (
        QuestionType.single,
        QuestionType.multiple,
        QuestionType.likert,
        QuestionType.likert_grid,
    )
    for q in questionnaire.questions():
        if q.type in with_choices:
            assert q.choices in questionnaire.choice_lists, q.name
            assert questionnaire.choice_list(q).substantive(), q.name


def test_dont_know_and_refused_are_missing_codes(questionnaire: Questionnaire) -> None:
    for name, clist in questionnaire.choice_lists.items():
        for option in clist.options:
            if option.code in (97, 98):
                assert option.missing, (name, option.code)
    attitude = [q for q in questionnaire.questions() if q.type is QuestionType.likert_grid]
    for q in attitude:
        assert 98 in questionnaire.choice_list(q).missing_codes(), q.name
    hard_to_assess = questionnaire.choice_lists["effectiveness"].options[-2]
    assert (hard_to_assess.label.vi, hard_to_assess.missing) == ("Khó đánh giá", True)


def test_ordered_demographics_are_ordinal(questionnaire: Questionnaire) -> None:
    for name in ("age_group", "education", "theory_level", "party_age"):
        assert questionnaire.variable(name).level is Level.ordinal, name
    assert questionnaire.variable("sex").level is Level.nominal


def test_integer_questions_have_a_range(questionnaire: Questionnaire) -> None:
    integers = [q for q in questionnaire.questions() if q.type is QuestionType.integer]
    assert integers
    assert all(q.range is not None and q.range[0] <= q.range[1] for q in integers)


def test_contact_details_are_pii_and_never_analysed(questionnaire: Questionnaire) -> None:
    pii = [v.name for v in questionnaire.variables() if v.pii]
    assert pii == ["contact"]
    assert not questionnaire.question("contact").required
    analysed = set(questionnaire.banners) | {i for x in questionnaire.indices for i in x.items}
    assert not analysed & set(pii)


def test_skip_logic_refers_to_earlier_questions_and_real_codes(
    questionnaire: Questionnaire,
) -> None:
    seen: set[str] = set()
    kinds: set[str] = set()
    for q in questionnaire.questions():
        if q.relevant:
            expr = parse(q.relevant)
            assert references(expr) <= seen, (q.name, q.relevant)
            for node in walk(expr):
                if isinstance(node, Selected):
                    kinds.add("selected")
                    target = questionnaire.question(node.target.name)
                    assert target.type is QuestionType.multiple
                    assert int(node.code) in questionnaire.choice_list(target).codes()
                elif isinstance(node, Compare) and isinstance(node.left, Ref):
                    kinds.add("compare")
                    assert isinstance(node.right, Number | String), q.relevant
                    codes = questionnaire.choice_list(questionnaire.question(node.left.name))
                    assert int(node.right.value) in codes.codes(), q.relevant
        seen.add(q.name)
        seen.update(v.name for v in questionnaire.variables() if v.question is q)
    assert kinds == {"selected", "compare"}


def test_the_follow_up_wave_adds_social_media_items() -> None:
    first, second = (load_questionnaire(WAVES[w]) for w in ("2021", "2023"))
    added = {v.name for v in second.variables()} - {v.name for v in first.variables()}
    assert {"sm_use", "sm_encounter", "sm_identify", "sm_counter"} <= added
    assert "part_documents" not in {v.name for v in second.variables()}


# The agreement list carries no direction: in 2023 it is shared by statements of both
# directions (sm_encounter), and both waves keep it in step (see the questionnaires).
UNDIRECTED_SCALES = {"agreement"}


def test_every_attitude_scale_declares_its_favourable_end(questionnaire: Questionnaire) -> None:
    scales = {
        q.choices
        for q in questionnaire.questions()
        if q.type in (QuestionType.likert, QuestionType.likert_grid)
    }
    undeclared = {n for n in scales if questionnaire.choice_lists[n].favourable is None}
    assert undeclared == UNDIRECTED_SCALES
    demographics = {q.choices for q in questionnaire.sections[0].questions}
    assert all(questionnaire.choice_lists[n].favourable is None for n in demographics)


@pytest.mark.parametrize(
    "scale,favourable_label",
    [
        ("prevalence", "Không có"),
        ("effectiveness", "Rất hiệu quả"),
        ("awareness", "Nắm rõ"),
        ("frequency", "Thường xuyên"),
        ("usefulness", "Rất hữu ích"),
    ],
)
def test_the_favourable_end_is_the_favourable_answer(
    questionnaire: Questionnaire, scale: str, favourable_label: str
) -> None:
    clist = questionnaire.choice_lists[scale]
    end = clist.substantive()[0 if clist.favourable == "first" else -1]
    assert end.label.vi == favourable_label


def test_change_is_favourable_at_better_in_both_waves(questionnaire: Questionnaire) -> None:
    clist = questionnaire.choice_lists["change"]
    assert clist.favourable == "first"
    assert clist.substantive()[0].label.vi.startswith("Tốt hơn")
