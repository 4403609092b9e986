"""The XLSForm expression subset: parsing, references, evaluation over rows, description."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.model.expressions import (
    Arith,
    BoolOp,
    Compare,
    CountSelected,
    Current,
    ExpressionError,
    Negate,
    Not,
    Number,
    Ref,
    Selected,
    String,
    describe,
    evaluate,
    parse,
    references,
)
from pipeline.model.questionnaire import Questionnaire, load_questionnaire

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
NaN = np.nan


@pytest.fixture(scope="module")
def mini() -> Questionnaire:
    return load_questionnaire(MINI)


def ev(text: str, data: pd.DataFrame, q: Questionnaire, self_values=None) -> list[bool]:
    return evaluate(parse(text), data, q, self_values).tolist()


# ---- parsing ------------------------------------------------------------------------


def test_comparison_parses_into_a_tree():
    assert parse("${aware} = 1") == Compare("=", Ref("aware"), Number(1))


def test_and_binds_tighter_than_or():
    assert parse("${a} = 1 or ${b} = 2 and ${c} = 3") == BoolOp(
        "or",
        Compare("=", Ref("a"), Number(1)),
        BoolOp("and", Compare("=", Ref("b"), Number(2)), Compare("=", Ref("c"), Number(3))),
    )


def test_parentheses_regroup():
    assert parse("(${a} = 1 or ${b} = 2) and ${c} = 3") == BoolOp(
        "and",
        BoolOp("or", Compare("=", Ref("a"), Number(1)), Compare("=", Ref("b"), Number(2))),
        Compare("=", Ref("c"), Number(3)),
    )


def test_arithmetic_precedence_and_keywords():
    assert parse("1 + 2 * 3 - 4 div 2 mod 3") == Arith(
        "-",
        Arith("+", Number(1), Arith("*", Number(2), Number(3))),
        Arith("mod", Arith("div", Number(4), Number(2)), Number(3)),
    )
    assert parse("-${a} > -1") == Compare(">", Negate(Ref("a")), Negate(Number(1)))
    assert parse("${a}-1") == Arith("-", Ref("a"), Number(1))


def test_current_value_decimals_and_both_quotes():
    assert parse(". >= 0.5 and . < .75") == BoolOp(
        "and", Compare(">=", Current(), Number(0.5)), Compare("<", Current(), Number(0.75))
    )
    assert parse("${name} != 'Lê' or ${name} = \"x y\"") == BoolOp(
        "or", Compare("!=", Ref("name"), String("Lê")), Compare("=", Ref("name"), String("x y"))
    )


def test_functions():
    assert parse("not(selected(${src}, '2'))") == Not(Selected(Ref("src"), "2"))
    assert parse("selected(${src}, 2)") == Selected(Ref("src"), "2")
    assert parse("count-selected(${src}) >= 2") == Compare(
        ">=", CountSelected(Ref("src")), Number(2)
    )


def test_positions_are_recorded():
    expr = parse("${aware} = 1")
    assert (expr.pos, expr.left.pos, expr.right.pos) == (9, 0, 11)


def test_references_collects_every_name():
    expr = parse("${a} = 1 and (selected(${b}, '1') or count-selected(${c}) > ${a} + ${d})")
    assert references(expr) == {"a", "b", "c", "d"}
    assert references(parse(". > 3")) == set()


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("", 0, "empty"),
        ("${aware} = ", 11, "expected a value"),
        ("${aware} == 1", 9, "write = to compare"),
        ("${a} = 1 && ${b} = 2", 9, "write and"),
        ("(${a} = 1", 9, "')' to close the '(' at character 1"),
        ("'abc", 0, "never closed"),
        ("${aware = 1", 0, "never closed with }"),
        ("${1a} = 1", 0, "not a question name"),
        ("${} = 1", 0, "not a question name"),
        ("selected()", 0, "needs an argument"),
        ("f(1", 3, "')' to close f("),
        ("a[1", 3, "']' to close the predicate"),
        ("/data/x/", 8, "path step after '/'"),
        ("${a} = 1 1", 9, "after a complete expression"),
        ("${a} = 1 & 2", 9, "unexpected character '&'"),
        ("not ${a}", 4, "after a complete expression"),
    ],
)
def test_syntax_errors_say_where(text, position, fragment):
    with pytest.raises(ExpressionError) as info:
        parse(text)
    assert info.value.position == position
    assert fragment in info.value.message
    assert f"at character {position + 1}" in str(info.value)


# ---- evaluation ---------------------------------------------------------------------

# Two answers, each 1, 2 or missing: all nine combinations.
A = [1, 1, 1, 2, 2, 2, NaN, NaN, NaN]
B = [1, 2, NaN, 1, 2, NaN, 1, 2, NaN]
T, F = True, False


@pytest.fixture()
def pairs() -> pd.DataFrame:
    return pd.DataFrame({"aware": A, "sex": B})


def test_truth_table_of_and_or_not(pairs, mini):
    # a = 1 is T T T F F F F F F ; b = 1 is T F F T F F T F F (missing compares False).
    assert ev("${aware} = 1", pairs, mini) == [T, T, T, F, F, F, F, F, F]
    assert ev("${sex} = 1", pairs, mini) == [T, F, F, T, F, F, T, F, F]
    assert ev("${aware} = 1 and ${sex} = 1", pairs, mini) == [T, F, F, F, F, F, F, F, F]
    assert ev("${aware} = 1 or ${sex} = 1", pairs, mini) == [T, T, T, T, F, F, T, F, F]
    assert ev("not(${aware} = 1)", pairs, mini) == [F, F, F, T, T, T, T, T, T]
    assert ev("not(${aware} = 1 or ${sex} = 1)", pairs, mini) == [F, F, F, F, T, T, F, T, T]


def test_missing_operand_makes_comparisons_false_except_not_equal(pairs, mini):
    # ODK reads an empty answer as '' which, against a number, is NaN: only != holds.
    assert ev("${aware} < 2", pairs, mini) == [T, T, T, F, F, F, F, F, F]
    assert ev("${aware} <= 2", pairs, mini) == [T, T, T, T, T, T, F, F, F]
    assert ev("${aware} > 1", pairs, mini) == [F, F, F, T, T, T, F, F, F]
    assert ev("${aware} >= 1", pairs, mini) == [T, T, T, T, T, T, F, F, F]
    assert ev("${aware} != 1", pairs, mini) == [F, F, F, T, T, T, T, T, T]
    assert ev("1 = ${aware}", pairs, mini) == [T, T, T, F, F, F, F, F, F]


def test_comparing_two_answers(pairs, mini):
    # Both empty: '' = '' holds in ODK; one empty against a number does not.
    assert ev("${aware} = ${sex}", pairs, mini) == [T, F, F, F, T, F, F, F, T]
    assert ev("${aware} < ${sex}", pairs, mini) == [F, T, F, F, F, F, F, F, F]


def test_empty_string_tests_for_no_answer(pairs, mini):
    # Both missing: '' = '' in ODK.
    assert ev("${aware} = ''", pairs, mini) == [F, F, F, F, F, F, T, T, T]
    assert ev("${aware} != ''", pairs, mini) == [T, T, T, T, T, T, F, F, F]


def test_quoted_code_compares_with_a_numeric_answer(pairs, mini):
    assert ev("${aware} = '2'", pairs, mini) == [F, F, F, T, T, T, F, F, F]


def test_text_answers(mini):
    data = pd.DataFrame({"comment": ["tốt", None, "", NaN, "x"]})
    assert ev("${comment} = 'tốt'", data, mini) == [T, F, F, F, F]
    assert ev("${comment} = ''", data, mini) == [F, T, T, T, F]
    assert ev("${comment}", data, mini) == [T, F, F, F, T]


def test_nullable_integer_columns(mini):
    data = pd.DataFrame({"age": pd.array([17, None, 40], dtype="Int64")})
    assert ev("${age} >= 18", data, mini) == [F, F, T]
    assert ev("${age} != 40", data, mini) == [T, T, F]


@pytest.fixture()
def sources() -> pd.DataFrame:
    # Rows: {1}, {2, 3}, none chosen, not asked (all missing), {1, 2, 3}.
    return pd.DataFrame(
        {
            "src_1": [1, 0, 0, NaN, 1],
            "src_2": [0, 1, 0, NaN, 1],
            "src_3": [0, 1, 0, NaN, 1],
            "aware": [1, 2, 98, NaN, 1],
        },
        index=[10, 20, 30, 40, 50],
    )


def test_selected_reads_the_dichotomy_of_a_multiple_question(sources, mini):
    assert ev("selected(${src}, '2')", sources, mini) == [F, T, F, F, T]
    assert ev("selected(${src}, 1)", sources, mini) == [T, F, F, F, T]
    assert ev("not(selected(${src}, '3'))", sources, mini) == [T, F, T, T, F]


def test_selected_on_a_single_choice_question_is_equality(sources, mini):
    assert ev("selected(${aware}, '1')", sources, mini) == [T, F, F, F, T]
    assert ev("selected(${aware}, 98)", sources, mini) == [F, F, T, F, F]


def test_count_selected(sources, mini):
    assert ev("count-selected(${src}) = 0", sources, mini) == [F, F, T, T, F]
    assert ev("count-selected(${src}) >= 2", sources, mini) == [F, T, F, F, T]


def test_a_multiple_answer_reads_as_its_codes(sources, mini):
    assert ev("${src} = ''", sources, mini) == [F, F, T, T, F]
    assert ev("${src} = '2 3'", sources, mini) == [F, T, F, F, F]


def test_selecting_an_unknown_option_is_an_error(sources, mini):
    with pytest.raises(ExpressionError, match="src_7"):
        evaluate(parse("selected(${src}, '7')"), sources, mini)


def test_result_is_aligned_with_the_data_index(sources, mini):
    result = evaluate(parse("${aware} = 1"), sources, mini)
    assert result.dtype == bool
    assert list(result.index) == [10, 20, 30, 40, 50]
    empty = evaluate(parse("${aware} = 1"), sources.iloc[:0], mini)
    assert empty.empty and empty.dtype == bool


def test_current_value_in_a_constraint(mini):
    data = pd.DataFrame(index=[3, 1, 2, 0])
    age = pd.Series([17, 18, 80, 81], index=[3, 1, 2, 0], dtype=float)
    assert ev(". >= 18 and . <= 80", data, mini, age) == [F, T, T, F]
    with pytest.raises(ExpressionError, match="self_values"):
        evaluate(parse(". >= 18"), data, mini)


def test_arithmetic(mini):
    data = pd.DataFrame({"age": [20, 21, NaN, 0]})
    assert ev("${age} mod 2 = 1", data, mini) == [F, T, F, F]
    assert ev("${age} div 4 = 5", data, mini) == [T, F, F, F]
    assert ev("${age} * 2 - 1 > 40", data, mini) == [F, T, F, F]
    assert ev("-${age} < -20", data, mini) == [F, T, F, F]
    # 10 div 0 is Infinity in XPath; a missing answer stays missing.
    assert ev("10 div ${age} > 1000", data, mini) == [F, F, F, T]


def test_an_unknown_column_is_an_error(mini):
    with pytest.raises(ExpressionError, match="no column 'ghost'"):
        evaluate(parse("${ghost} = 1"), pd.DataFrame({"aware": [1]}), mini)


# ---- description --------------------------------------------------------------------

NUMBERING = {"aware": "5", "trust": "6", "eff_meet": "7a", "src": "8", "age": "3"}


def words(text: str, q: Questionnaire, lang: str) -> str:
    return describe(parse(text), q, lang, NUMBERING)


def test_describe_names_question_number_and_option_label(mini):
    assert words("${aware} = 1", mini, "vi") == "câu 5 = 1 (Có)"
    assert words("${aware} = 1", mini, "en") == "Q5 = 1 (Yes)"
    assert words("${aware} != 98", mini, "en") == "Q5 ≠ 98 (Refused)"


def test_describe_grid_items_use_the_grid_scale(mini):
    assert words("${eff_meet} <= 2", mini, "en") == "Q7a ≤ 2 (Effective)"


def test_describe_numbers_without_labels(mini):
    assert words("${age} >= 18", mini, "vi") == "câu 3 ≥ 18"
    assert words(". >= 18", mini, "en") == "this answer ≥ 18"


def test_describe_and_or_not_selected(mini):
    text = "${aware} = 1 and (selected(${src}, '2') or count-selected(${src}) > 1)"
    assert words(text, mini, "vi") == (
        "câu 5 = 1 (Có) và (câu 8 có chọn 2 (Trang web) hoặc số lựa chọn ở câu 8 > 1)"
    )
    assert words(text, mini, "en") == (
        "Q5 = 1 (Yes) and (Q8 includes 2 (Website) or number of options chosen in Q8 > 1)"
    )
    assert words("not(${aware} = 2)", mini, "en") == "not (Q5 = 2 (No))"
    assert words("${aware} = 1 or ${aware} = 2 or ${trust} = 1", mini, "en") == (
        "Q5 = 1 (Yes) or Q5 = 2 (No) or Q6 = 1 (Very effective)"
    )


def test_describe_falls_back_to_the_name_when_unnumbered(mini):
    assert words("${sex} = 2", mini, "en") == "sex = 2 (Female)"


def test_describe_rejects_an_unknown_language(mini):
    with pytest.raises(ValueError, match="fr"):
        describe(parse("${aware} = 1"), mini, "fr", NUMBERING)


# ---- the XLSForm language as pyxform and ODK accept it -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "if(${age} > 18, 'adult', concat('child ', ${age}))",
        "coalesce(${age}, 0) + 1",
        "count-selected(${src}) >= 2 and selected-at(${src}, 0) = '1'",
        "jr:choice-name(${aware}, '${aware}')",
        "today() - ${last_meeting} > 30",
        "once(concat(uuid(), '-', position(..)))",
        "${age} div 2 mod 3 = 1",
        "instance('towns')/root/item[district = ${aware}]/label",
        "../age + /data/B/aware",
        "${aware} = \u2018yes\u2019 or ${aware} = \u201cno\u201d",
        "string-length(${phone}) = 10 and regex(${phone}, '^[0-9]+$')",
    ],
)
def test_expressions_pyxform_accepts_parse(text):
    parse(text)


def test_typographic_quotes_are_string_quotes():
    assert parse("${a} = \u2018yes\u2019") == parse("${a} = 'yes'")
    assert parse("${a} = \u201cno\u201d") == parse('${a} = "no"')


def test_twenty_thousand_nested_brackets_are_a_clear_error():
    for text in ("(" * 20000 + "1" + ")" * 20000, "f(" * 20000 + "1" + ")" * 20000):
        with pytest.raises(ExpressionError, match="nested more than"):
            parse(text)
    # A long flat chain is no deep tree: and/or are balanced.
    parse(" and ".join(["${a} = 1"] * 5000))
    with pytest.raises(ExpressionError, match="levels deep"):
        parse("-" * 20000 + "1")  # read in a loop, refused by its depth


def test_functions_cleaning_needs_are_evaluated(mini):
    data = pd.DataFrame({"age": [20, 15, NaN], "phone": ["0903123456", "12", None]})
    assert ev("if(${age} > 18, 'a', 'c') = 'a'", data, mini) == [T, F, F]
    assert ev("coalesce(${age}, 99) = 99", data, mini) == [F, F, T]
    assert ev("concat(${age}, 'y') = '20y'", data, mini) == [T, F, F]
    assert ev("string-length(${phone}) = 10", data, mini) == [T, F, F]
    assert ev("regex(${phone}, '^[0-9]{10}$')", data, mini) == [T, F, F]
    assert ev("substr(${phone}, 0, 2) = '09'", data, mini) == [T, F, F]
    assert ev("once(${age}) = 15", data, mini) == [F, T, F]
    assert ev("int(${age} div 7) = 2", data, mini) == [T, T, F]
    assert ev("round(${age} div 3) = 7", data, mini) == [T, F, F]


def test_selected_at_and_choice_names(sources, mini):
    assert ev("selected-at(${src}, 0) = '1'", sources, mini) == ev(
        "selected(${src}, '1')", sources, mini
    )
    data = pd.DataFrame({"aware": [1, 2, None]})
    yes = mini.choice_list(mini.question("aware")).options[0].label.vi
    assert ev(f"jr:choice-name(${{aware}}, '${{aware}}') = '{yes}'", data, mini) == [T, F, F]


def test_what_cannot_be_evaluated_names_the_function(mini):
    data = pd.DataFrame({"age": [1]})
    with pytest.raises(ExpressionError, match=r"position\(\) cannot be evaluated"):
        evaluate(parse("position(..) = 1"), data, mini)
    with pytest.raises(ExpressionError, match="path '/data/age' cannot be evaluated"):
        evaluate(parse("/data/age = 1"), data, mini)
    with pytest.raises(ExpressionError, match=r"if\(\) takes 3 argument"):
        evaluate(parse("if(1, 2)"), data, mini)
