"""`survey import-sav`: an exported .sav read back into a questionnaire skeleton."""

import shutil

import pandas as pd
import pyreadstat
import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.core.wording import SKIPPED_LABEL
from pipeline.core.yamlio import load_yaml_mapping
from pipeline.model.questionnaire import (
    Level,
    QuestionType,
    load_questionnaire,
    parse_questionnaire,
)
from pipeline.readers.import_sav import import_sav
from pipeline.stages.export.write import export

from .conftest import FIXTURES
from .test_export import mini_responses

DESIGN = ["source_row", "simulated", "stratum", "weight", "fpc"]


@pytest.fixture(scope="module")
def sav(tmp_path_factory):
    out = tmp_path_factory.mktemp("sav")
    q = load_questionnaire(FIXTURES / "mini.yaml")
    export(mini_responses(), q, out, "vi", formats=("sav",), simulated=True)
    return q, out / "mini_2021_vi.sav"


@pytest.fixture
def imported(sav, tmp_path):
    original, path = sav
    out = tmp_path / "q.yaml"
    notes = import_sav(
        path, out, stratum="category", frame="mini-frame.yaml", wave="2021", skip=DESIGN
    )
    shutil.copy(FIXTURES / "mini-frame.yaml", tmp_path / "mini-frame.yaml")
    return original, load_questionnaire(out), notes


def test_variables_labels_and_codes_come_back(imported):
    original, skeleton, _ = imported
    kept = [v for v in original.variables() if not v.pii]
    assert [v.name for v in skeleton.variables()] == [v.name for v in kept]
    for before in kept:
        after = skeleton.variable(before.name)
        # the export's skip code (not asked, by routing) comes back as a missing option
        skipped = {-1: SKIPPED_LABEL.vi} if before.question.relevant and before.is_numeric else {}
        assert after.value_labels("vi") == {**skipped, **before.value_labels("vi")}
        assert sorted(after.missing_codes()) == sorted([*skipped, *before.missing_codes()])
        assert after.level == before.level


def test_question_types_follow_the_dictionary(imported):
    _, skeleton, _ = imported
    types = {q.name: q.type for q in skeleton.questions()}
    assert types["src"] is QuestionType.multiple
    assert types["age"] is QuestionType.integer
    assert types["last_meeting"] is QuestionType.date
    assert types["comment"] is QuestionType.text
    assert types["trust"] is QuestionType.single
    assert skeleton.question("trust").measurement_level() is Level.ordinal
    # Dichotomy options lose the "<question label>: " prefix of their variable labels.
    assert skeleton.variable("src_3").label.vi == "Sinh hoạt chi bộ"
    assert skeleton.question("category").required


def test_english_is_left_missing_for_translators(imported):
    _, skeleton, _ = imported
    assert skeleton.question("aware").label.missing_languages() == ["en"]
    assert all(q.label.en is None for q in skeleton.questions())


def test_the_frame_must_be_written_by_the_user(sav, tmp_path):
    _, path = sav
    out = tmp_path / "q.yaml"
    import_sav(path, out, stratum="category", skip=DESIGN)
    assert "stratum.frame names frame.yaml" in out.read_text(encoding="utf-8")
    with pytest.raises(InputError, match="stratum.frame"):
        load_questionnaire(out)


def test_stratum_must_be_a_labelled_variable(sav, tmp_path):
    _, path = sav
    with pytest.raises(InputError, match="--stratum 'age' must be a variable"):
        import_sav(path, tmp_path / "q.yaml", stratum="age")
    assert not (tmp_path / "q.yaml").exists()


def test_missing_range_marks_labelled_codes_inside_it(tmp_path):
    path = tmp_path / "range.sav"
    pyreadstat.write_sav(
        pd.DataFrame({"k": [1.0, 2.0], "x": [1.0, 96.0]}),
        str(path),
        variable_value_labels={
            "k": {1: "Một", 2: "Hai"},
            "x": {1: "Có", 96: "Không biết", 99: "Từ chối"},
        },
        missing_ranges={"x": [{"lo": 90, "hi": 99}]},
    )
    import_sav(path, tmp_path / "q.yaml", stratum="k", frame="f.yaml")
    text = (tmp_path / "q.yaml").read_text(encoding="utf-8")
    q = parse_questionnaire(load_yaml_mapping(tmp_path / "q.yaml"), "q.yaml")
    assert q.variable("x").missing_codes() == [96, 99]
    assert "Từ chối" in text


def test_cli_writes_the_skeleton_and_prints_notes(sav, tmp_path, capsys):
    _, path = sav
    out = tmp_path / "q.yaml"
    code = run(["import-sav", str(path), "--out", str(out), "--stratum", "category"])
    assert code == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert out.exists()


def test_cli_reports_an_unreadable_file(tmp_path, capsys):
    bad = tmp_path / "bad.sav"
    bad.write_text("not spss", encoding="utf-8")
    code = run(["import-sav", str(bad), "--out", str(tmp_path / "q.yaml"), "--stratum", "k"])
    assert code == 2
    assert "not a readable sav file" in capsys.readouterr().err
