import unicodedata

import pytest

from pipeline.core.errors import InputError
from pipeline.model.questionnaire import Level, QuestionType, load_questionnaire

from .conftest import FIXTURES


def test_every_question_becomes_its_variables_in_order(mini):
    names = [v.name for v in mini.variables()]
    assert names == [
        "category",
        "sex",
        "age",
        "phone",
        "aware",
        "trust",
        "eff_meet",
        "eff_train",
        "src_1",
        "src_2",
        "src_3",
        "last_meeting",
        "comment",
    ]


def test_stratum_options_come_from_the_frame(mini):
    category = mini.variable("category")
    assert category.value_labels("vi") == {1: "Hành chính", 2: "Đoàn thể"}
    assert mini.frame_model.sizes() == {1: 600, 2: 400}


def test_missing_codes_are_options_marked_missing(mini):
    trust = mini.variable("trust")
    assert trust.missing_codes() == [97]
    assert trust.substantive_codes() == [1, 2, 3, 4]


def test_multiple_choice_is_one_dichotomy_per_option(mini):
    src_2 = mini.variable("src_2")
    assert src_2.question.type is QuestionType.multiple
    assert src_2.value_labels("en") == {0: "Not selected", 1: "Selected"}
    assert src_2.label.en == "Website"


def test_measurement_levels_follow_question_types(mini):
    assert mini.variable("eff_meet").level is Level.ordinal
    assert mini.variable("age").level is Level.scale
    assert mini.variable("sex").level is Level.nominal


def test_banners_and_pii_flags(mini):
    assert mini.banners == ["category", "sex"]
    assert [v.name for v in mini.variables() if v.pii] == ["phone"]


def test_labels_are_nfc_even_when_the_yaml_is_decomposed(tmp_path):
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", text)
    (tmp_path / "mini.yaml").write_text(decomposed, encoding="utf-8")
    (tmp_path / "mini-frame.yaml").write_text(
        (FIXTURES / "mini-frame.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    q = load_questionnaire(tmp_path / "mini.yaml")
    label = q.variable("aware").label.vi
    assert label == unicodedata.normalize("NFC", label)
    assert "Đồng chí" in label


def test_unknown_keys_are_errors_naming_file_and_field(tmp_path):
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    (tmp_path / "q.yaml").write_text(text.replace("required: true", "requird: true", 1))
    with pytest.raises(InputError) as err:
        load_questionnaire(tmp_path / "q.yaml", with_frame=False)
    assert "q.yaml" in str(err.value)
    assert "requird" in str(err.value)


def test_missing_frame_file_is_an_error(tmp_path):
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    (tmp_path / "q.yaml").write_text(text)
    with pytest.raises(InputError, match="stratum.frame"):
        load_questionnaire(tmp_path / "q.yaml")


def test_invalid_yaml_names_the_line(tmp_path):
    (tmp_path / "q.yaml").write_text("form_id: x\nsections: [\n")
    with pytest.raises(InputError) as err:
        load_questionnaire(tmp_path / "q.yaml")
    assert err.value.row is not None


def test_exponential_alias_expansion_is_refused(tmp_path):
    lines = ['a0: &a0 ["x"]']
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    (tmp_path / "bomb.yaml").write_text("\n".join(lines))
    with pytest.raises(InputError, match="aliases expand"):
        load_questionnaire(tmp_path / "bomb.yaml")


def _mini_with(tmp_path, old: str, new: str):
    """The mini questionnaire (and its frame) in tmp_path with ``old`` replaced by ``new``."""
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "q.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "mini-frame.yaml").write_text(
        (FIXTURES / "mini-frame.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return tmp_path / "q.yaml"


def test_a_choice_list_may_declare_its_favourable_end(tmp_path, mini):
    effect = "    label: {vi: Mức độ hiệu quả, en: Effectiveness}\n"
    path = _mini_with(tmp_path, effect, effect + "    favourable: last\n")
    q = load_questionnaire(path)
    assert q.choice_lists["effect"].favourable == "last"
    assert q.choice_lists["sex"].favourable is None  # not an attitude scale
    assert mini.choice_lists["effect"].favourable is None  # optional


def test_a_frame_list_keeps_its_favourable_end(tmp_path):
    path = _mini_with(
        tmp_path, "    from_frame: true\n", "    from_frame: true\n    favourable: first\n"
    )
    category = load_questionnaire(path).choice_lists["category"]
    assert category.codes() == [1, 2]  # filled from the frame
    assert category.favourable == "first"


@pytest.mark.parametrize("value", ["middle", "First", "true"])
def test_an_unknown_favourable_end_is_an_error_naming_the_field(tmp_path, value):
    effect = "    label: {vi: Mức độ hiệu quả, en: Effectiveness}\n"
    path = _mini_with(tmp_path, effect, effect + f"    favourable: {value}\n")
    with pytest.raises(InputError) as err:
        load_questionnaire(path, with_frame=False)
    assert "q.yaml" in str(err.value)
    assert "favourable" in str(err.value)


def _minimal(design: str = "") -> str:
    return (
        "form_id: f\nwave: '1'\ntitle: {fr: Enquête, en: Survey}\n"
        "languages: {fr: Français (fr), en: English (en)}\n"
        + design
        + "choice_lists:\n  yn:\n    options:\n      - {name: oui, label: {fr: Oui}}\n"
        "      - {name: non, label: {fr: Non}}\n"
        "      - {code: 9, label: {fr: NSP}, missing: true}\n"
        "sections:\n  - name: A\n    title: {fr: A}\n    questions:\n"
        "      - {name: q, type: single, choices: yn, label: {fr: Q, en: Q}}\n"
        "      - name: hh\n        type: repeat\n        label: {fr: Ménage}\n        children:\n"
        "          - {name: age, type: integer, label: {fr: Âge}}\n"
    )


def test_a_questionnaire_needs_no_design_and_keeps_any_language(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text(_minimal(), encoding="utf-8")
    q = load_questionnaire(path)
    assert q.stratum is None and q.banners == []
    assert q.title.get("fr") == "Enquête" and q.title.get("sw") == "Survey"  # vi, en, then others
    assert q.in_language(q.title, "sw") == "Enquête [fr]"  # the form's first language, marked
    # names get the codes after the largest given code, in the order written
    assert [(o.value, o.code) for o in q.choice_lists["yn"].options] == [
        ("oui", 10),
        ("non", 11),
        ("9", 9),
    ]
    assert [v.name for v in q.variables()] == ["q"]
    assert q.tables() == ["hh"]
    assert [(v.name, v.table, v.level) for v in q.variables(table="hh")] == [
        ("age", "hh", Level.scale)
    ]
    with pytest.raises(InputError, match="declares no stratum"):
        q.require_stratum()


def test_the_design_block_and_the_older_stratum_spelling(tmp_path):
    (tmp_path / "frame.yaml").write_text((FIXTURES / "mini-frame.yaml").read_text("utf-8"))
    block = "design:\n  stratum: {variable: q, frame: frame.yaml}\n  clusters: [q]\n"
    path = tmp_path / "q.yaml"
    path.write_text(_minimal(block), encoding="utf-8")
    q = load_questionnaire(path, with_frame=False)
    assert (q.stratum.variable, q.design.clusters, q.banners) == ("q", ["q"], ["q"])
    path.write_text(_minimal("stratum: {variable: q, frame: frame.yaml}\n"), encoding="utf-8")
    assert load_questionnaire(path, with_frame=False).stratum.variable == "q"
    both = "stratum: {variable: q, frame: frame.yaml}\n" + block
    path.write_text(_minimal(both), encoding="utf-8")
    with pytest.raises(InputError, match="given twice"):
        load_questionnaire(path, with_frame=False)
