"""`survey clean`: every rule and action on small hand-made rows of tests/fixtures/mini.yaml."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.model.cleaning_rules import CleaningConfig, load_cleaning_config
from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.ingest import RawResponses
from pipeline.stages.clean import clean, output_paths, write_outputs
from pipeline.stages.pseudonymise import pseudonymise

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
KEY = bytes(range(32))
P1, P2, P3 = (pseudonymise(f"R{i}", KEY) for i in (1, 2, 3))

# A complete, valid answer to every variable of mini.yaml (phone is PII).
VALID = {
    "respondent_id": "R1",
    "category": "1",
    "sex": "2",
    "age": "35",
    "phone": "0909123456",
    "aware": "1",
    "trust": "2",
    "eff_meet": "1",
    "eff_train": "2",
    "src_1": "1",
    "src_2": "0",
    "src_3": "1",
    "last_meeting": "2021-03-05",
    "comment": "Tốt",
}


def row(**changes) -> dict:
    return {**VALID, **changes}


def raw_of(rows: list[dict], source_rows: list[int] | None = None) -> RawResponses:
    """Responses as ingest hands them over: text or None, data rows from source row 2."""
    columns = list(VALID) + sorted({k for r in rows for k in r if k not in VALID})
    data = pd.DataFrame([[r.get(c) for c in columns] for r in rows], columns=columns, dtype=object)
    simulated = "_simulated" in columns and all(r.get("_simulated") == "1" for r in rows)
    return RawResponses(
        data=data,
        source_rows=source_rows or list(range(2, 2 + len(rows))),
        source="raw/2021.csv",
        simulated=simulated,
    )


def run_clean(mini, rows, config=None, key=KEY, **source):
    return clean(raw_of(rows, **source), mini, config or CleaningConfig(), key)


def config(**rules) -> CleaningConfig:
    return CleaningConfig(rules={name: {"action": action} for name, action in rules.items()})


def log_rows(result) -> list[tuple]:
    return [tuple(r) for r in result.log.itertuples(index=False)]


def variant(tmp_path: Path, change) -> object:
    """mini.yaml with ``change(data)`` applied, loaded from a copy beside its frame."""
    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "q.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil.copy(FIXTURES / "mini-frame.yaml", tmp_path / "mini-frame.yaml")
    return load_questionnaire(tmp_path / "q.yaml")


def question_of(data: dict, name: str) -> dict:
    return next(q for s in data["sections"] for q in s["questions"] if q["name"] == name)


# ---- a valid row ----------------------------------------------------------------------


def test_valid_row_is_kept_typed_and_unlogged(mini):
    result = run_clean(mini, [row()])
    assert result.log.empty and result.quarantine.empty
    data = result.data
    assert list(data.columns) == [
        "respondent_id", "category", "sex", "age", "aware", "trust", "eff_meet", "eff_train",
        "src_1", "src_2", "src_3", "last_meeting", "comment", "_source_row", "_simulated",
        "_flags",
    ]  # fmt: skip
    assert str(data["age"].dtype) == "Int64" and str(data["src_3"].dtype) == "Int64"
    assert str(data["comment"].dtype) == "string"
    assert str(data["last_meeting"].dtype) == "datetime64[ns]"
    first = data.iloc[0]
    assert (first["respondent_id"], first["category"], first["age"], first["src_3"]) == (
        P1,
        1,
        35,
        1,
    )
    assert first["last_meeting"] == pd.Timestamp("2021-03-05")
    assert (first["_source_row"], first["_simulated"]) == (2, 0)
    assert pd.isna(first["_flags"])


def test_special_missing_codes_are_valid_codes_and_kept(mini):
    result = run_clean(mini, [row(aware="98", trust=None, eff_meet=None, eff_train=None)])
    assert result.log.empty
    assert result.data.loc[0, "aware"] == 98


# ---- normalisation ----------------------------------------------------------------------


def test_normalisation_trims_nfc_and_integer_forms_each_logged(mini):
    nfd = "To\u0302\u0301t"  # "Tốt" decomposed
    result = run_clean(mini, [row(category=" 1 ", age="35.0", src_1="01", comment=nfd, trust="")])
    assert log_rows(result) == [
        (P1, 2, "category", "normalise", " 1 ", "1", "normalise"),
        (P1, 2, "age", "normalise", "35.0", "35", "normalise"),
        (P1, 2, "src_1", "normalise", "01", "1", "normalise"),
        (P1, 2, "comment", "normalise", nfd, "Tốt", "normalise"),
    ]
    assert result.data.loc[0, "comment"] == "Tốt"
    assert pd.isna(result.data.loc[0, "trust"])  # '' is simply missing: nothing to log


def test_blank_text_becomes_missing_and_is_logged(mini):
    result = run_clean(mini, [row(comment="   ")])
    assert log_rows(result) == [(P1, 2, "comment", "normalise", "   ", "", "normalise")]


# ---- design values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("9", "category='9' is not a stratum code of the frame mini-frame.yaml (1, 2)"),
        ("", "category is missing (the stratum is needed for the weights)"),
        ("một", "category='một' is not a stratum code of the frame mini-frame.yaml (1, 2)"),
    ],
)
def test_a_row_without_a_stratum_of_the_frame_is_quarantined_not_blanked(mini, value, why):
    result = run_clean(mini, [row(), row(respondent_id="R2", category=value, sex="1")])
    assert list(result.data["respondent_id"]) == [P1]
    assert result.data["category"].notna().all()
    assert list(result.quarantine["_reason"]) == [f"invalid_design_value: {why}"]
    assert list(result.quarantine["_source_row"]) == [3]
    entry = result.log[result.log["rule"] == "invalid_design_value"]
    assert entry[["source_row", "variable", "action"]].values.tolist() == [
        [3, "category", "quarantine"]
    ]


def test_design_values_can_only_be_quarantined():
    with pytest.raises(ValueError, match="invalid_design_value"):
        CleaningConfig.model_validate({"rules": {"invalid_design_value": {"action": "flag"}}})


# ---- value rules, default actions ----------------------------------------------------------


@pytest.mark.parametrize(
    ("variable", "value", "rule"),
    [
        ("sex", "3", "invalid_code"),
        ("trust", "5", "invalid_code"),
        ("trust", "98", "invalid_code"),  # 98 is a missing code of yesno, not of effect
        ("sex", "nam", "not_a_number"),
        ("age", "17", "out_of_range"),
        ("age", "81", "out_of_range"),
        ("age", "35.5", "not_a_number"),
        ("src_2", "2", "invalid_dichotomy"),
        ("last_meeting", "2021-02-30", "invalid_date"),
        ("last_meeting", "05/03/2021", "invalid_date"),
    ],
)
def test_invalid_values_are_set_missing_by_default(mini, variable, value, rule):
    result = run_clean(mini, [row(**{variable: value})])
    expected = [(P1, 2, variable, rule, value, "", "set_missing")]
    if variable == "sex":  # required: now unanswered
        expected.append((P1, 2, variable, "required_missing", "", "", "flag"))
    assert log_rows(result) == expected
    assert pd.isna(result.data.loc[0, variable])


@pytest.mark.parametrize(("variable", "value"), [("age", "18"), ("age", "80"), ("src_2", "1")])
def test_boundary_values_are_valid(mini, variable, value):
    assert run_clean(mini, [row(**{variable: value})]).log.empty


def test_answers_where_not_relevant_are_removed(mini):
    result = run_clean(mini, [row(aware="2")])
    assert log_rows(result) == [
        (P1, 2, "trust", "skip_violation", "2", "", "set_missing"),
        (P1, 2, "eff_meet", "skip_violation", "1", "", "set_missing"),
        (P1, 2, "eff_train", "skip_violation", "2", "", "set_missing"),
    ]
    assert result.data.loc[0, ["trust", "eff_meet", "eff_train"]].isna().all()


def test_a_removed_filter_answer_removes_what_depends_on_it(mini):
    # aware=5 is invalid → missing → trust is no longer relevant (comparison with missing)
    result = run_clean(mini, [row(aware="5", eff_meet=None, eff_train=None)])
    assert log_rows(result) == [
        (P1, 2, "aware", "invalid_code", "5", "", "set_missing"),
        (P1, 2, "aware", "required_missing", "", "", "flag"),
        (P1, 2, "trust", "skip_violation", "2", "", "set_missing"),
    ]


def test_required_answer_missing_is_flagged(mini):
    result = run_clean(mini, [row(sex=None)])
    assert log_rows(result) == [(P1, 2, "sex", "required_missing", "", "", "flag")]
    assert result.data.loc[0, "_flags"] == "required_missing:sex"


def test_constraint_uses_the_answer_as_dot(tmp_path):
    q = variant(tmp_path, lambda d: question_of(d, "age").update(constraint=". >= 21"))
    result = clean(raw_of([row(age="20"), row(respondent_id="R2", age="21")]), q,
                   CleaningConfig(), KEY)  # fmt: skip
    assert log_rows(result) == [(P1, 2, "age", "constraint", "20", "20", "flag")]
    assert list(result.data["age"]) == [20, 21]


def test_required_multiple_choice_is_one_answer(tmp_path):
    q = variant(tmp_path, lambda d: question_of(d, "src").update(required=True))
    rows = [row(src_1=None, src_2=None, src_3=None), row(respondent_id="R2", src_1=None)]
    result = clean(raw_of(rows), q, CleaningConfig(), KEY)
    assert log_rows(result) == [(P1, 2, "src", "required_missing", "", "", "flag")]


# ---- actions ------------------------------------------------------------------------


def test_set_missing_can_set_a_named_missing_code_where_the_variable_has_it(mini):
    cfg = CleaningConfig(rules={"invalid_code": {"action": "set_missing", "missing_code": 98}})
    result = run_clean(mini, [row(aware="7", trust=None, eff_meet=None, eff_train=None,
                                  sex="3")], cfg)  # fmt: skip
    assert log_rows(result)[:2] == [
        (P1, 2, "sex", "invalid_code", "3", "", "set_missing"),  # sex has no code 98
        (P1, 2, "aware", "invalid_code", "7", "98", "set_missing"),
    ]
    assert result.data.loc[0, "aware"] == 98


def test_flag_keeps_the_value_and_names_rule_and_variable(mini):
    result = run_clean(
        mini, [row(age="95", src_2="2")], config(out_of_range="flag", invalid_dichotomy="flag")
    )
    assert log_rows(result) == [
        (P1, 2, "age", "out_of_range", "95", "95", "flag"),
        (P1, 2, "src_2", "invalid_dichotomy", "2", "2", "flag"),
    ]
    assert result.data.loc[0, "age"] == 95
    assert result.data.loc[0, "_flags"] == "out_of_range:age;invalid_dichotomy:src_2"


def test_quarantine_moves_the_whole_row_with_the_reason(mini):
    result = run_clean(
        mini, [row(age="150"), row(respondent_id="R2")], config(out_of_range="quarantine")
    )
    assert list(result.data["respondent_id"]) == [P2]
    q = result.quarantine
    assert list(q["_source_row"]) == [2]
    assert q.loc[0, "_reason"] == "out_of_range: age='150'"
    assert q.loc[0, "age"] == "150"  # the raw value, as read
    assert log_rows(result) == [(P1, 2, "age", "out_of_range", "150", "", "quarantine")]


# ---- row rules ----------------------------------------------------------------------


def test_duplicate_id_keeps_the_first_and_quarantines_later_rows(mini):
    rows = [row(), row(respondent_id="R2"), row(age="40"), row(respondent_id=" R1 ")]
    result = run_clean(mini, rows)
    assert list(result.data["_source_row"]) == [2, 3]
    assert list(result.quarantine["_reason"]) == [
        "duplicate_id: same respondent id as source row 2",
        "duplicate_id: same respondent id as source row 2",
    ]
    assert list(result.quarantine["respondent_id"]) == [P1, P1]


def test_duplicate_content_under_another_id_is_flagged_or_quarantined(mini):
    rows = [row(), row(respondent_id="R2"), row(respondent_id="R3", age="40")]
    flagged = run_clean(mini, rows)
    assert log_rows(flagged) == [(P2, 3, "", "duplicate_content", "", "", "flag")]
    assert list(flagged.data["_flags"].fillna("")) == ["", "duplicate_content", ""]
    quarantined = run_clean(mini, rows, config(duplicate_content="quarantine"))
    assert list(quarantined.quarantine["_reason"]) == [
        "duplicate_content: same answers as source row 2"
    ]


def test_rows_without_a_substantive_answer_are_quarantined(mini):
    blank = {"respondent_id": "R2"}
    refused = {"respondent_id": "R3", "aware": "98", "src_1": "0", "src_2": "0", "phone": "0909"}
    result = run_clean(mini, [row(), blank, refused])
    assert list(result.data["_source_row"]) == [2]
    assert list(result.quarantine["_reason"]) == ["empty_row: no substantive answer"] * 2
    assert log_rows(result) == [
        (P2, 3, "", "empty_row", "", "", "quarantine"),
        (P3, 4, "", "empty_row", "", "", "quarantine"),
    ]


def test_row_without_an_id_is_quarantined(mini):
    result = run_clean(mini, [row(respondent_id="  ")])
    assert result.data.empty
    assert list(result.quarantine["_reason"]) == ["missing_id: no respondent id"]


def test_straight_lining_on_grids_of_four_items_is_flagged(tmp_path):
    def four_items(d):
        eff = question_of(d, "eff")
        eff["items"] += [
            {"name": "eff_media", "label": {"vi": "Báo chí", "en": "Media"}},
            {"name": "eff_check", "label": {"vi": "Kiểm tra", "en": "Inspection"}},
        ]

    q = variant(tmp_path, four_items)
    same = dict(eff_meet="3", eff_train="3", eff_media="3", eff_check="3")
    rows = [row(**same), row(respondent_id="R2", **{**same, "eff_check": "2"})]
    result = clean(raw_of(rows), q, CleaningConfig(), KEY)
    assert log_rows(result) == [(P1, 2, "", "straight_lining", "", "", "flag")]
    short = clean(raw_of(rows), q, CleaningConfig(straight_lining_min_items=5), KEY)
    assert short.log.empty


def test_straight_lining_is_not_checked_on_short_grids(mini):
    assert run_clean(mini, [row(eff_meet="2", eff_train="2")]).log.empty


def test_implausibly_short_interviews_are_flagged(mini):
    rows = [row(_duration_seconds="45"), row(respondent_id="R2", age="60", _duration_seconds="600")]
    result = run_clean(mini, rows)
    assert log_rows(result) == [(P1, 2, "", "short_duration", "", "", "flag")]
    assert run_clean(mini, rows, CleaningConfig(min_duration_seconds=30)).log.empty


# ---- the config ---------------------------------------------------------------------


def test_default_config_file_matches_the_built_in_defaults():
    loaded = load_cleaning_config(REPO / "questionnaires" / "cleaning.yaml")
    from pipeline.model.cleaning_rules import Rule

    assert {r: loaded.action(r) for r in Rule} == {r: CleaningConfig().action(r) for r in Rule}


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("rules:\n  no_such_rule: {action: flag}\n", "rules.no_such_rule"),
        ("rules:\n  invalid_code: {action: delete}\n", "rules.invalid_code.action"),
        ("rules:\n  normalise: {action: flag}\n", "rules.normalise.action"),
        ("rules:\n  invalid_date: {action: flag}\n", "rules.invalid_date.action"),
        ("rules:\n  flag_me: {action: flag, missing_code: 98}\n", "rules.flag_me"),
        (
            "rules:\n  constraint: {action: flag, missing_code: 98}\n",
            "rules.constraint.missing_code",
        ),
    ],
)
def test_unknown_rules_and_actions_name_the_file_and_key(tmp_path, text, column):
    path = tmp_path / "cleaning.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as exc:
        load_cleaning_config(path)
    assert exc.value.file == str(path)
    assert exc.value.column == column
    assert text.split(":")[1].strip() in str(exc.value)


# ---- the invariant, idempotence, PII ----------------------------------------------------------


def messy_rows() -> list[dict]:
    """One row per kind of trouble, plus clean ones."""
    return [
        row(),
        row(respondent_id="R2", sex="3", age=" 44 ", comment="  "),
        row(respondent_id="R3", aware="2"),
        row(age="50"),  # duplicate id R1
        {"respondent_id": "R4"},  # empty
        row(respondent_id="R5", aware=None, src_2="7", last_meeting="2021-02-30"),
        row(respondent_id="R6", _duration_seconds="12"),
        row(respondent_id="R7"),  # same content as R1
        row(respondent_id=None, age="30"),
    ]


def test_every_raw_row_ends_in_exactly_one_place(mini):
    source_rows = [10, 11, 12, 14, 15, 16, 17, 18, 20]  # rows of a file with blank lines
    result = run_clean(mini, messy_rows(), source_rows=source_rows)
    kept = list(result.data["_source_row"])
    quarantined = list(result.quarantine["_source_row"])
    assert sorted(kept + quarantined) == source_rows
    assert not set(kept) & set(quarantined)
    s = result.summary
    assert (s["rows_in"], s["rows_kept"], s["rows_quarantined"]) == (9, 6, 3)
    assert s["rules"]["duplicate_id"] == 1 and s["rules"]["empty_row"] == 1
    assert sum(s["rules"].values()) == len(result.log)


def as_raw(result, ids: list[str]) -> RawResponses:
    """Clean data written back as text, the way a raw file would hold it."""
    data = result.data.drop(columns=["respondent_id", "_source_row", "_flags"])

    def text(value):
        if pd.isna(value):
            return None
        return value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)

    frame = data.map(text).astype(object)
    frame.insert(0, "respondent_id", ids)
    return RawResponses(frame, list(result.data["_source_row"]), "processed/again.csv")


def test_cleaning_twice_equals_cleaning_once(mini):
    once = run_clean(mini, messy_rows())
    kept_ids = [r["respondent_id"] for r in messy_rows() if r.get("respondent_id")]
    ids = [
        i for i in dict.fromkeys(kept_ids) if pseudonymise(i, KEY) in set(once.data.respondent_id)
    ]
    twice = clean(as_raw(once, ids), mini, CleaningConfig(), KEY)
    assert twice.quarantine.empty
    assert set(twice.log["action"]) <= {"flag"}
    pd.testing.assert_frame_equal(twice.data.drop(columns="_flags"),
                                  once.data.drop(columns="_flags"))  # fmt: skip


def test_pii_never_reaches_the_outputs(mini, tmp_path):
    rows = messy_rows()
    result = run_clean(mini, rows)
    assert "phone" not in result.data.columns and "phone" not in result.quarantine.columns
    paths = write_outputs(result, tmp_path / "2021.parquet", "q.yaml")
    everything = "".join(
        p.read_text(encoding="utf-8") for p in paths.values() if p.suffix != ".parquet"
    ) + str(pd.read_parquet(paths["data"]).to_dict())
    assert VALID["phone"] not in everything
    assert not any(f'"R{i}"' in everything or f",R{i}," in everything for i in range(1, 8))


def test_pseudonyms_depend_on_the_key(mini):
    a = run_clean(mini, [row()], key=KEY)
    b = run_clean(mini, [row()], key=b"another key, long enough")
    assert a.data.loc[0, "respondent_id"] == P1 != b.data.loc[0, "respondent_id"]


def test_the_log_of_a_hand_made_example(mini):
    rows = [
        row(category="1.0", age="17"),
        row(respondent_id="R2", aware="2", sex=None, src_3="x"),
        row(respondent_id="R1"),
    ]
    result = run_clean(mini, rows)
    assert log_rows(result) == [
        (P1, 2, "category", "normalise", "1.0", "1", "normalise"),
        (P1, 2, "age", "out_of_range", "17", "", "set_missing"),
        (P2, 3, "src_3", "not_a_number", "x", "", "set_missing"),
        (P2, 3, "sex", "required_missing", "", "", "flag"),
        (P2, 3, "trust", "skip_violation", "2", "", "set_missing"),
        (P2, 3, "eff_meet", "skip_violation", "1", "", "set_missing"),
        (P2, 3, "eff_train", "skip_violation", "2", "", "set_missing"),
        (P1, 4, "", "duplicate_id", "", "", "quarantine"),
    ]


# ---- bad input ----------------------------------------------------------------------


def test_a_file_of_another_questionnaire_version_is_refused(mini):
    rows = [row(_version="1"), row(respondent_id="R2", _version="2")]
    with pytest.raises(InputError, match="version '2'") as exc:
        run_clean(mini, rows, source_rows=[2, 3])
    assert (exc.value.file, exc.value.row, exc.value.column) == ("raw/2021.csv", 3, "_version")


def test_a_missing_required_column_is_refused(mini):
    raw = raw_of([row()])
    raw.data = raw.data.drop(columns="sex")
    with pytest.raises(InputError, match="no column for sex") as exc:
        clean(raw, mini, CleaningConfig(), KEY)
    assert (exc.value.file, exc.value.column) == ("raw/2021.csv", "sex")


def test_a_missing_optional_column_reads_as_unanswered(mini):
    raw = raw_of([row()])
    raw.data = raw.data.drop(columns="comment")
    result = clean(raw, mini, CleaningConfig(), KEY)
    assert result.summary["missing_columns"] == ["comment"]
    assert pd.isna(result.data.loc[0, "comment"])


def test_outputs_are_all_or_nothing(mini, tmp_path):
    result = run_clean(mini, [row()])
    result.summary["broken"] = object()  # not JSON: the last file fails
    with pytest.raises(TypeError):
        write_outputs(result, tmp_path / "2021.parquet", "q.yaml")
    assert list(tmp_path.iterdir()) == []


# ---- the command ------------------------------------------------------------------------


def write_csv(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw_of(rows).data.to_csv(path, index=False, encoding="utf-8")
    return path


def test_command_writes_the_four_files_and_never_touches_raw(tmp_path, capsys):
    raw = write_csv(tmp_path / "raw" / "2021.csv", [{**r, "_simulated": "1"} for r in messy_rows()])
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "raw").iterdir()}
    out = tmp_path / "processed" / "2021.parquet"
    code = run(["clean", str(raw), "--questionnaire", str(FIXTURES / "mini.yaml"),
                "--out", str(out), "--key-file", str(tmp_path / "k.key")])  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    assert "SIMULATED" in captured.out and "k.key" in captured.err
    paths = output_paths(out)
    assert all(p.exists() for p in paths.values())
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "raw").iterdir()} == before
    meta = json.loads(pq.read_schema(out).metadata[b"survey_pipeline"])
    assert meta == {"form_id": "mini", "version": "1", "wave": "2021", "simulated": True,
                    "questionnaire": str(FIXTURES / "mini.yaml")}  # fmt: skip
    data = pd.read_parquet(out)
    quarantine = pd.read_csv(paths["quarantine"], dtype=str)
    assert len(data) + len(quarantine) == len(messy_rows())
    assert set(data["_simulated"]) == {1}
    summary = json.loads(paths["summary"].read_text())
    assert summary["simulated"] is True and summary["rows_in"] == 9
    log = pd.read_csv(paths["log"], dtype=str, keep_default_na=False)
    assert list(log.columns) == ["respondent_id", "source_row", "variable", "rule",
                                 "old_value", "new_value", "action"]  # fmt: skip


def test_command_with_bad_input_exits_2_and_writes_nothing(tmp_path, capsys):
    raw = write_csv(tmp_path / "raw" / "2021.csv", [row(_version="7")])
    out = tmp_path / "processed" / "2021.parquet"
    code = run(["clean", str(raw), "--questionnaire", str(FIXTURES / "mini.yaml"),
                "--out", str(out), "--key-file", str(tmp_path / "k.key")])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "row 2" in err and "_version" in err
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_command_rejects_a_bad_config(tmp_path, capsys):
    raw = write_csv(tmp_path / "raw" / "2021.csv", [row()])
    cfg = tmp_path / "cleaning.yaml"
    cfg.write_text("rules:\n  typo_rule: {action: flag}\n")
    code = run(["clean", str(raw), "--questionnaire", str(FIXTURES / "mini.yaml"),
                "--config", str(cfg), "--out", str(tmp_path / "out" / "2021.parquet"),
                "--key-file", str(tmp_path / "k.key")])  # fmt: skip
    assert code == 2
    assert "rules.typo_rule" in capsys.readouterr().err


def test_command_uses_the_environment_key(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SURVEY_PSEUDONYM_KEY", KEY.hex())
    monkeypatch.chdir(tmp_path)
    raw = write_csv(tmp_path / "raw" / "2021.csv", [row()])
    code = run(["clean", str(raw), "--questionnaire", str(FIXTURES / "mini.yaml"),
                "--out", "processed/2021.parquet"])  # fmt: skip
    assert code == 0
    assert not (tmp_path / ".pseudonym-key").exists()
    assert list(pd.read_parquet("processed/2021.parquet")["respondent_id"]) == [P1]


# ---- against the simulator's record of injected faults ------------------------------------

# The rule that must fire for each kind of injected fault (an out-of-range code of a coded
# question is an invalid code; of a 0/1 column, an invalid dichotomy).
RULES_FOR_FAULT = {
    "duplicate_submission": {"duplicate_id"},
    "blank_row": {"empty_row"},
    "straight_lining": {"straight_lining"},
    "skip_violation": {"skip_violation"},
    "out_of_range": {"out_of_range", "invalid_code", "invalid_dichotomy"},
    "code_format": {"normalise"},
    "nfd_text": {"normalise"},
    "whitespace": {"normalise"},
}


def assert_cleaning_finds_every_injected_fault(questionnaire, config, raw_path, sidecar):
    from pipeline.readers.ingest import read_responses

    faults = pd.read_csv(sidecar, dtype=str, keep_default_na=False)
    assert set(faults["fault"]) == set(RULES_FOR_FAULT)
    raw = read_responses(raw_path, questionnaire)
    result = clean(raw, questionnaire, config, KEY)
    fired = {(r.source_row, r.respondent_id, r.variable, r.rule) for r in result.log.itertuples()}
    pii = {v.name for v in questionnaire.variables() if v.pii}
    unmatched = []
    for fault in faults.itertuples():
        source_row = int(fault.row) + 1  # the sidecar counts data rows; the header is row 1
        who = pseudonymise(fault.respondent_id, KEY)
        if fault.variable in pii:
            assert fault.fault in ("whitespace", "nfd_text")  # dropped, never cleaned or logged
            continue
        whole_row = fault.fault in ("duplicate_submission", "blank_row", "straight_lining")
        variable = "" if whole_row else fault.variable
        if not any((source_row, who, variable, rule) in fired for rule in
                   RULES_FOR_FAULT[fault.fault]):  # fmt: skip
            unmatched.append(fault)
    assert unmatched == []
    quarantined = result.quarantine.set_index("_source_row")["_reason"]
    for fault in faults[faults["fault"].isin(["duplicate_submission", "blank_row"])].itertuples():
        assert quarantined[int(fault.row) + 1].startswith(
            {"duplicate_submission": "duplicate_id", "blank_row": "empty_row"}[fault.fault]
        )
    ends = list(result.data["_source_row"]) + list(result.quarantine["_source_row"])
    assert sorted(ends) == raw.source_rows


def test_cleaning_finds_every_fault_the_simulator_injected(mini, tmp_path):
    from pipeline.demo.simulate import simulate, write_simulated

    raw_path, sidecar = write_simulated(
        simulate(mini, mini.frame_model, n=120, seed=7, fault_rate=0.2), tmp_path / "2021.csv"
    )
    # mini's grid has two items; the simulator straight-lines grids of two or more
    config = CleaningConfig(straight_lining_min_items=2)
    assert_cleaning_finds_every_injected_fault(mini, config, raw_path, sidecar)


@pytest.mark.parametrize("wave", ["2021", "2023"])
def test_cleaning_finds_every_fault_in_the_default_waves(wave, tmp_path):
    from pipeline.demo.simulate import simulate, write_simulated

    questionnaire = load_questionnaire(REPO / "questionnaires" / f"degradation-{wave}.yaml")
    sim = simulate(
        questionnaire, questionnaire.frame_model, n=1375, seed=int(wave), fault_rate=0.02
    )
    raw_path, sidecar = write_simulated(sim, tmp_path / f"{wave}.csv")
    config = load_cleaning_config(REPO / "questionnaires" / "cleaning.yaml")
    assert_cleaning_finds_every_injected_fault(questionnaire, config, raw_path, sidecar)
