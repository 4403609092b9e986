"""Every table of every corpus form (tests/corpus/xlsforms) exports to Stata: names longer
than Stata's 32 characters are shortened uniquely with a warning and the codebook maps them;
XLSForm names SPSS and Stata refuse (``label-test``) get ``_``; answers stored as choice names
(select_one_from_file, select_one_external) are text."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from pipeline.model.questionnaire import Questionnaire, QuestionType, Variable
from pipeline.readers.import_xlsform import read_xlsform
from pipeline.stages.clean import typed_column
from pipeline.stages.export.plan import STATA_NAME_CHARS, ExportWarning
from pipeline.stages.export.write import export
from tests.xlsform_roundtrip import CORPUS, corpus_forms


def _answer(v: Variable) -> str:
    """One answer the clean data could hold: a valid code, a date, a number, a name."""
    if v.is_categorical and v.valid_codes():
        return str(v.valid_codes()[0])
    if v.question.type is QuestionType.date:
        return "2020-01-02"
    if v.is_numeric:
        return "1"
    return "a_choice_name" if v.options else "text"


def one_clean_row(q: Questionnaire, table: str | None) -> pd.DataFrame:
    """A row of the form's clean data for ``table``, typed as `survey clean` types it."""
    data = pd.DataFrame(index=range(1))
    key = "respondent_id" if table is None else "_parent_id"
    data[key] = pd.array(["P-0123456789abcdef"], dtype="string")
    for v in q.variables(table=table):
        if not v.pii:
            data[v.name] = typed_column([_answer(v)], v)
    return data


def _imported() -> list[tuple[str, Questionnaire]]:
    out = []
    for form in corpus_forms():
        try:
            out.append((str(form.relative_to(CORPUS)), read_xlsform(form)))
        except Exception:  # refused forms are covered by test_xlsform_corpus
            continue
    return out


FORMS = _imported()


def test_every_table_of_every_corpus_form_exports_to_stata(tmp_path):
    exported = 0
    for name, q in FORMS:
        for table in [None, *q.tables()]:
            out = tmp_path / f"{q.form_id}-{table}"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ExportWarning)
                files = export(one_clean_row(q, table), q, out, "en", ("dta", "csv"),
                               simulated=False, table=table)  # fmt: skip
            dta = next(f for f in files if f.suffix == ".dta")
            frame, meta = pyreadstat.read_dta(str(dta))
            assert len(frame) == 1, name
            assert all(len(c) <= STATA_NAME_CHARS for c in meta.column_names), name
            exported += 1
    assert len(FORMS) >= 70 and exported >= 100


LONG = [(name, q) for name, q in FORMS if any(len(v.name) > STATA_NAME_CHARS
                                              for v in q.variables())]  # fmt: skip


def test_the_corpus_has_forms_with_long_names():
    assert [name for name, _ in LONG] == ["kobocat/transportation.xls"]


@pytest.mark.parametrize("name,q", LONG, ids=[name for name, _ in LONG])
def test_long_names_are_shortened_uniquely_warned_and_mapped_in_the_codebook(name, q, tmp_path):
    long_names = [v.name for v in q.variables() if len(v.name) > STATA_NAME_CHARS]
    with pytest.warns(ExportWarning) as caught:
        files = export(one_clean_row(q, None), q, tmp_path, "en", ("dta", "csv"), simulated=False)
    said = " ".join(str(w.message) for w in caught)
    assert all(f"Stata: variable {n!r} is named" in said for n in long_names)
    codebook = next(f for f in files if f.name.endswith(".codebook.csv"))
    with codebook.open(encoding="utf-8") as fh:
        mapping = {row["source_column"]: row["stata_name"] for row in csv.DictReader(fh)}
    shortened = [mapping[n] for n in long_names]
    assert len(set(shortened)) == len(shortened)
    assert all(len(s) <= STATA_NAME_CHARS for s in shortened)
    dta = next(f for f in files if f.suffix == ".dta")
    _, meta = pyreadstat.read_dta(str(dta))
    assert set(shortened) <= set(meta.column_names)
    # the label still says what the shortened column is
    for long_name, short in zip(long_names, shortened, strict=True):
        option = q.variable(long_name).option
        own = q.variable(long_name).label.get("en")
        expected = option.label.get("en") if option is not None else own[:40]
        assert expected.lower() in meta.column_names_to_labels[short].lower()


def test_a_name_with_a_hyphen_exports_with_an_underscore(tmp_path: Path):
    q = read_xlsform(CORPUS / "pyxform" / "example_xls" / "flat_xlsform_test.xlsx")
    assert "label-test" in [v.name for v in q.variables()]
    with pytest.warns(ExportWarning, match="'label-test' is named 'label_test'"):
        files = export(one_clean_row(q, None), q, tmp_path, "en", ("dta",), simulated=False)
    _, meta = pyreadstat.read_dta(str(files[0]))
    assert "label_test" in meta.column_names


def test_answers_stored_as_choice_names_export_as_text(tmp_path: Path):
    q = read_xlsform(CORPUS / "pyxform" / "example_xls" / "choice_name_as_type.xls")
    assert q.variable("atype").question.external
    data = one_clean_row(q, None)
    files = export(data, q, tmp_path, "en", ("dta",), simulated=False)
    frame, meta = pyreadstat.read_dta(str(files[0]))
    assert frame["atype"].tolist() == ["a_choice_name"]
    assert "atype" not in meta.variable_value_labels
