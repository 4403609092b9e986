"""Every public XLSForm of tests/corpus/xlsforms goes import -> lint -> instruments -> pyxform
-> comparison, and comes out the same form (pyxform's own reading of the original and of the
form the pipeline writes agree field by field, and importing the written form gives the same
model). Forms pyxform rejects are refused with a one-line error naming the file.

bench/xlsform_corpus.py prints the pass rate per step.
"""

from __future__ import annotations

import pytest

from tests.xlsform_roundtrip import CORPUS, corpus_forms, pass_rates, run_form

# Forms pyxform accepts that do not round-trip, and why (each is a finding, not a bug to hide).
EXCEPTIONS = {
    # A calculation that is no expression ("because pyxform doesn't know what to do"): pyxform
    # does not read calculations and accepts it, ODK Collect would fail on it; lint refuses it
    # and so does `survey instruments`.
    "pyxform/example_xls/bad_calc.xlsx": "lint",
    "pyxform/bug_example_xls/bad_calc.xlsx": "lint",
    # pyxform names the label rows it generates for a field-list group after their row number
    # in the sheet; the form has a comment row without a type, which the import drops (with a
    # warning), so the generated name in the written form is one number lower.
    "pyxform/example_xls/flat_xlsform_test.xlsx": "same_form",
}
FORMS = corpus_forms()


def test_the_corpus_is_large_and_varied():
    assert len(FORMS) >= 40
    assert {p.relative_to(CORPUS).parts[0] for p in FORMS} == {"pyxform", "kobocat", "odk-central"}
    assert sum(p.suffix == ".xls" for p in FORMS) >= 20


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("corpus")
    return {form: run_form(form, folder) for form in FORMS}


@pytest.mark.parametrize("form", FORMS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_a_public_form_round_trips_or_is_refused_clearly(form, results):
    result = results[form]
    if result.refused:
        assert "\n" not in result.refusal and result.refusal.startswith(str(form))
        return
    name = result.form
    if name in EXCEPTIONS:
        assert not result.passed.get(EXCEPTIONS[name]), f"{name} now passes: drop the exception"
        return
    assert result.ok, "\n".join(result.problems)


def test_ninety_five_percent_of_the_forms_pyxform_accepts_round_trip(results):
    rates = pass_rates(list(results.values()))
    assert rates["round_trip_without_loss"] >= 0.95 * rates["accepted_by_pyxform"]
    assert rates["rejected_by_pyxform_and_refused"] >= 10  # pyxform's own bad examples
