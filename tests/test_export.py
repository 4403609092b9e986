import json
import shutil
import unicodedata
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pyreadstat
import pytest
import yaml

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.core.wording import SIMULATED_NOTE, SKIPPED_LABEL
from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.export.plan import (
    ExportWarning,
    build_plan,
    export_names,
    fit_label,
    graphemes,
    shorten,
    stata_names,
)
from pipeline.stages.export.spss import missing_ranges, sps_syntax
from pipeline.stages.export.write import export

from .conftest import FIXTURES


def mini_responses() -> pd.DataFrame:
    """Four respondents of the mini questionnaire, as processed/<wave>.weighted.parquet."""
    return pd.DataFrame(
        {
            "respondent_id": pd.array(["r1", "r2", "r3", "r4"], dtype="string"),
            "category": pd.array([1, 2, 1, 2], dtype="Int64"),
            "sex": pd.array([1, 2, 2, 1], dtype="Int64"),
            "age": pd.array([25, None, 61, 40], dtype="Int64"),
            "aware": pd.array([1, 2, 98, 1], dtype="Int64"),
            "trust": pd.array([2, None, None, 97], dtype="Int64"),
            "eff_meet": pd.array([1, None, None, 4], dtype="Int64"),
            "eff_train": pd.array([2, None, None, 3], dtype="Int64"),
            "src_1": pd.array([1, 0, 0, 1], dtype="Int64"),
            "src_2": pd.array([0, 1, 0, 1], dtype="Int64"),
            "src_3": pd.array([1, 0, None, 0], dtype="Int64"),
            "last_meeting": pd.to_datetime(["2021-03-01", None, "2021-04-02", "2021-05-03"]),
            "comment": pd.array(["Tốt 'lắm'", None, "Ổn", "ừ"], dtype="string"),
            "_source_row": pd.array([2, 3, 4, 5], dtype="Int64"),
            "_simulated": pd.array([1, 1, 1, 1], dtype="Int64"),
            "_stratum": pd.array([1, 2, 1, 2], dtype="Int64"),
            "_weight": [300.0, 200.0, 300.0, 200.0],
            "_fpc": [600.0, 400.0, 600.0, 400.0],
        }
    )


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The mini responses exported once in every format (PSPP runs are the slow part)."""
    out = tmp_path_factory.mktemp("export")
    q = load_questionnaire(FIXTURES / "mini.yaml")
    paths = export(mini_responses(), q, out, "vi", simulated=True, zsav=True)
    return q, {p.name: p for p in paths}


def test_every_requested_file_is_written(exported):
    _, files = exported
    assert sorted(files) == sorted(
        f"mini_2021_vi.{ext}"
        for ext in (
            *("sav", "zsav", "sps", "spss.sps", "dta", "do", "csv"),
            *("codebook.csv", "codebook.json", "R"),
        )
    )


@pytest.mark.parametrize("name", ["mini_2021_vi.sav", "mini_2021_vi.zsav"])
def test_sav_round_trip_keeps_codes_labels_missing_and_measures(exported, name):
    q, files = exported
    df, meta = pyreadstat.read_sav(files[name], user_missing=True)
    source = mini_responses()
    # Special missing codes stay codes; they are declared missing, not blanked.
    assert df["aware"].tolist() == [1, 2, 98, 1]
    # r2 and r3 were not asked trust (aware is not 1): the skip code -1, not system-missing
    assert df["trust"].tolist() == [2, -1, -1, 97]
    assert df["respondent_id"].tolist() == ["r1", "r2", "r3", "r4"]
    assert df["weight"].tolist() == source["_weight"].tolist()
    assert df["fpc"].tolist() == source["_fpc"].tolist()
    assert [str(d) for d in df["last_meeting"]] == ["2021-03-01", "nan", "2021-04-02", "2021-05-03"]
    for v in q.variables():
        if v.pii:
            assert v.name not in meta.column_names
            continue
        skipped = {-1.0: SKIPPED_LABEL.vi} if v.question.relevant else {}
        expected = {**skipped, **{float(c): t for c, t in v.value_labels("vi").items()}}
        assert meta.variable_value_labels.get(v.name, {}) == expected
        assert meta.variable_measure[v.name] == (
            "scale"
            if v.question.type.value == "date"
            else "nominal"
            if v.question.type.value == "text"
            else v.level.value
        )
        codes = ([-1] if v.question.relevant else []) + v.missing_codes()
        missing = [{"lo": float(c), "hi": float(c)} for c in codes]
        assert meta.missing_ranges.get(v.name, []) == missing
    src = q.question("src")
    option = q.choice_lists["sources"].options[0]
    assert meta.column_names_to_labels["src_1"] == f"{src.label.vi}: {option.label.vi}"
    assert meta.column_names_to_labels["age"] == q.question("age").label.vi
    assert meta.column_names_to_labels["weight"] == "Trọng số mẫu"
    assert meta.variable_value_labels["stratum"] == {
        float(s.code): s.label.vi for s in q.frame_model.strata
    }


def test_sav_display_formats_fit_the_codes(exported):
    _, files = exported
    _, meta = pyreadstat.read_sav(files["mini_2021_vi.sav"], metadataonly=True)
    formats = meta.original_variable_types
    assert formats["sex"] == "F1.0"
    assert formats["aware"] == "F2.0"  # code 98
    assert formats["src_1"] == "F1.0"
    assert formats["last_meeting"] == "DATE11"
    assert formats["weight"] == "F8.3"
    assert formats["comment"] == "A13"  # "Tốt 'lắm'": 13 bytes of UTF-8


def test_sav_says_what_it_is_and_that_it_is_simulated(exported):
    _, files = exported
    _, meta = pyreadstat.read_sav(files["mini_2021_vi.sav"], metadataonly=True)
    assert SIMULATED_NOTE in meta.notes
    assert any("Form mini, version 1, wave 2021" in n for n in meta.notes)
    assert "SIMULATED" in meta.file_label
    assert meta.mr_sets == {
        "src": {
            "type": "D",
            "is_dichotomy": True,
            "counted_value": 1,
            "label": "Nguồn thông tin",
            "variable_list": ["src_1", "src_2", "src_3"],
        }
    }


def test_english_labels_on_request(tmp_path, mini):
    export(mini_responses(), mini, tmp_path, "en", formats=("sav",), simulated=False)
    _, meta = pyreadstat.read_sav(tmp_path / "mini_2021_en.sav", metadataonly=True)
    assert meta.column_names_to_labels["src_2"] == "Information sources: Website"
    assert meta.variable_value_labels["aware"][98.0] == "Refused"
    assert meta.mr_sets["src"]["label"] == "Information sources"
    # The _simulated column marks the data simulated even when the caller did not.
    assert SIMULATED_NOTE in meta.notes


def test_dta_round_trip(exported):
    q, files = exported
    df, meta = pyreadstat.read_dta(files["mini_2021_vi.dta"], user_missing=True)
    # refused (98) is .b, don't know / hard to say (97) .a, skipped by routing .s
    assert df["aware"].tolist() == [1, 2, "b", 1]
    assert df["trust"].tolist() == [2, "s", "s", "a"]
    assert df["src_3"].fillna(-1).tolist() == [1, 0, -1, 0]
    assert [str(d) for d in df["last_meeting"]] == ["2021-03-01", "nan", "2021-04-02", "2021-05-03"]
    assert meta.original_variable_types["last_meeting"] == "%td"
    trust = {**q.variable("trust").value_labels("vi"), "s": SKIPPED_LABEL.vi}
    trust["a"] = trust.pop(97)
    assert meta.variable_value_labels["trust"] == trust
    assert meta.column_names_to_labels["eff_train"] == "Hiệu quả của các giải pháp: Tập huấn"
    assert "SIMULATED" in meta.file_label


def test_csv_and_codebook_for_r(exported):
    q, files = exported
    data = pd.read_csv(files["mini_2021_vi.csv"], dtype=str, keep_default_na=False)
    assert data["aware"].tolist() == ["1", "2", "98", "1"]
    assert data["last_meeting"].tolist() == ["2021-03-01", "", "2021-04-02", "2021-05-03"]
    assert data["comment"].tolist() == ["Tốt 'lắm'", "", "Ổn", "ừ"]
    book = pd.read_csv(files["mini_2021_vi.codebook.csv"], dtype=str, keep_default_na=False)
    trust = book[book["variable"] == "trust"]
    assert trust["value"].tolist() == [str(c) for c in q.variable("trust").valid_codes()] + ["-1"]
    missing = trust[trust["missing"] == "1"]
    assert missing["value"].tolist() == ["97", "-1"]
    assert missing["missing_kind"].tolist() == ["missing_option", "skipped"]
    assert missing["stata"].tolist() == [".a", ".s"]
    assert missing["value_label"].tolist()[1] == SKIPPED_LABEL.vi
    meta = json.loads(files["mini_2021_vi.codebook.json"].read_text(encoding="utf-8"))
    assert meta["simulated"] is True
    assert meta["design"] == {
        "weight": "weight",
        "strata": "stratum",
        "population_size": "fpc",
        "clusters": [],
        "nest": False,
        "cluster_fpc": [],
        "fpc": True,
        "raked_to": [],
        "trim_upper": None,
    }
    weight = next(v for v in meta["variables"] if v["name"] == "weight")
    assert weight["source"] == "_weight"


def test_sps_declares_weight_design_and_sets(exported):
    _, files = exported
    sps = files["mini_2021_vi.spss.sps"].read_text(encoding="utf-8")
    assert sps.startswith("* For IBM SPSS Statistics with the Complex Samples option")
    assert "GET FILE='mini_2021_vi.sav'." in sps
    assert "WEIGHT BY weight.\n" in sps
    assert "DEFINE !eff () eff_meet eff_train !ENDDEFINE." in sps
    assert "DATAFILE ATTRIBUTE ATTRIBUTE=form_id('mini') questionnaire_version('1')" in sps
    assert "CSTABULATE\n  /PLAN FILE='mini_2021_vi.csaplan'\n  /TABLES VARIABLES=aware\n" in sps
    assert (
        "CSPLAN ANALYSIS\n  /PLAN FILE='mini_2021_vi.csaplan'\n  /PLANVARS ANALYSISWEIGHT=weight\n"
        "  /DESIGN STRATA=stratum\n  /ESTIMATOR TYPE=EQUAL_WOR\n  /POPSIZE VARIABLE=fpc.\n"
    ) in sps
    assert (
        "/MDGROUP NAME=$src LABEL='Nguồn thông tin'\n   VARIABLES=src_1 src_2 src_3 VALUE=1" in sps
    )
    assert SIMULATED_NOTE in sps


def test_sps_escapes_quotes_in_labels(tmp_path):
    q = _questionnaire_with(
        tmp_path,
        lambda d: d["sections"][1]["questions"][3]["label"].update(vi="Nguồn 'chính' thông tin"),
    )
    plan = build_plan(mini_responses(), q, simulated=False)
    assert "LABEL='Nguồn ''chính'' thông tin'" in sps_syntax(plan, "x.sav")


def test_metadata_columns_lose_their_underscore_without_clashing():
    assert export_names(["respondent_id", "_weight", "_stratum"]) == {
        "respondent_id": "respondent_id",
        "_weight": "weight",
        "_stratum": "stratum",
    }
    assert export_names(["weight", "_weight"])["_weight"] == "vweight"


@pytest.mark.parametrize("name", ["with", "BY", "1st", "tuổi", "a" * 65, "x."])
def test_names_spss_refuses_are_input_errors(name):
    with pytest.raises(InputError, match="cannot be an SPSS variable name"):
        export_names([name])


def test_an_xlsform_name_with_a_hyphen_is_exported_with_an_underscore_and_a_warning():
    with pytest.warns(ExportWarning, match="'label-test' is named 'label_test_1'"):
        names = export_names(["label_test", "label-test"])
    assert names == {"label_test": "label_test", "label-test": "label_test_1"}


def test_long_stata_names_are_shortened_deterministically_with_a_warning():
    long_a, long_b = "q" * 40, "q" * 41
    with pytest.warns(ExportWarning, match="Stata: variable"):
        names = stata_names([long_a, long_b, "ok"])
    assert names == {long_a: "q" * 32, long_b: "q" * 30 + "_1", "ok": "ok"}


def test_shortening_cuts_between_letters_not_inside_them():
    assert shorten("ệ" * 100, max_bytes=256) == "ệ" * 85  # 3 bytes each
    # x + combining circumflex has no precomposed form: the pair stays whole or goes.
    text = "x\u0302" * 100
    cut = shorten(text, max_bytes=256)
    assert len(cut.encode()) <= 256
    assert graphemes(cut) == ["x\u0302"] * (256 // 3)
    assert shorten("abc", max_chars=2) == "ab"


def test_a_long_label_is_shortened_with_a_warning_that_names_it(tmp_path, mini):
    long_label = "Đồng chí đánh giá thế nào về " + "hiệu quả công tác tuyên truyền " * 12
    q = _questionnaire_with(
        tmp_path / "q", lambda d: d["sections"][1]["questions"][0]["label"].update(vi=long_label)
    )
    with pytest.warns(ExportWarning, match="variable label of aware") as caught:
        export(mini_responses(), q, tmp_path, formats=("sav",), simulated=False)
    _, meta = pyreadstat.read_sav(tmp_path / "mini_2021_vi.sav", metadataonly=True)
    label = meta.column_names_to_labels["aware"]
    assert len(label.encode()) <= 255  # what PSPP's re-save keeps
    assert unicodedata.normalize("NFC", long_label).startswith(label)
    assert not label.endswith(" ")
    # The warning shows what was kept: the label as it is in the file.
    message = next(str(w.message) for w in caught if "variable label of aware" in str(w.message))
    assert message.endswith(f"shortened to {label!r}")


def test_an_item_label_keeps_the_item_when_the_question_cannot_fit():
    """Own words too long for '<question…>…: <own>': the item alone, or the item shortened."""
    question = "Theo đồng chí, các biểu hiện sau đây ở cơ quan, đơn vị nơi đồng chí công tác"
    own = "Thờ ơ, thiếu trách nhiệm trước khó khăn, bức xúc chính đáng của nhân dân"
    with pytest.warns(ExportWarning):
        assert fit_label((question, own), "x", max_chars=80) == own
    longer = own + " và các tổ chức"
    with pytest.warns(ExportWarning):
        cut = fit_label((question, longer), "x", max_chars=80)
    assert cut.endswith("…") and longer.startswith(cut[:-1]) and len(cut) == 80


def test_the_skip_code_goes_below_every_answer_the_question_allows():
    from pipeline.model.questionnaire import parse_questionnaire
    from pipeline.stages.export.routing import skip_code

    q = parse_questionnaire(
        {
            "form_id": "f",
            "version": "1",
            "wave": "1",
            "title": {"vi": "t"},
            "stratum": {"variable": "a", "frame": "none.yaml"},
            "choice_lists": {"c": {"options": [{"code": -1, "label": {"vi": "âm"}}]}},
            "sections": [
                {
                    "name": "A",
                    "title": {"vi": "A"},
                    "questions": [
                        {"name": "a", "type": "single", "label": {"vi": "a"}, "choices": "c"},
                        {"name": "n", "type": "integer", "label": {"vi": "n"}, "range": [-5, 5]},
                        {"name": "m", "type": "integer", "label": {"vi": "m"}, "range": [0, 9]},
                    ],
                }
            ],
        },
        "f.yaml",
    )
    assert [skip_code(q.variable(name)) for name in ("a", "n", "m")] == [-2, -6, -1]


def test_the_skip_code_and_four_missing_codes_make_a_range_and_a_code():
    from pipeline.stages.export.plan import ExportVariable

    v = ExportVariable(
        source="x", name="x", stata_name="x", label="", kind="numeric", measure="nominal",
        spss_format="F2.0", value_labels={1: "a", 2: "b"}, missing=[-1, 95, 96, 97, 98],
    )  # fmt: skip
    assert missing_ranges(v) == [{"lo": 95, "hi": 98}, -1]


def test_cli_writes_every_language_listed_and_each_warning_once(tmp_path, capsys):
    parquet = tmp_path / "2021.weighted.parquet"
    _write_parquet(parquet, mini_responses().assign(extra=1.5), {"form_id": "mini"})
    argv = ["export", str(parquet), "--questionnaire", str(FIXTURES / "mini.yaml"),
            "--out", str(tmp_path), "--lang", "vi,en",
            "--format", "dta", "--format", "r"]  # fmt: skip
    assert run(argv) == 0
    captured = capsys.readouterr()
    assert captured.out.split() == [
        str(tmp_path / f"mini_2021_{lang}.{ext}")
        for lang in ("vi", "en")
        for ext in ("dta", "do", "R")
    ]
    assert captured.err.count("column 'extra' is not in the questionnaire") == 1
    script = (tmp_path / "mini_2021_en.R").read_text(encoding="utf-8")
    assert 'files <- c(en = "mini_2021_en.sav", vi = "mini_2021_vi.sav")' in script


def test_many_missing_codes_become_a_range():
    plan_var = build_plan(
        pd.DataFrame({"x": pd.array([1], dtype="Int64")}),
        _bare_questionnaire(),
        simulated=False,
    ).variables[0]
    assert missing_ranges(plan_var) == [{"lo": 95, "hi": 98}]


def test_pii_columns_are_not_exported(tmp_path, mini):
    data = mini_responses().assign(phone=pd.array(["0901", None, None, None], dtype="string"))
    with pytest.warns(ExportWarning, match="'phone' is marked pii"):
        export(data, mini, tmp_path, formats=("csv",), simulated=True)
    assert "phone" not in pd.read_csv(tmp_path / "mini_2021_vi.csv").columns


def test_a_failed_write_leaves_no_file_and_keeps_the_old_one(tmp_path, mini, monkeypatch):
    target = tmp_path / "mini_2021_vi.sav"
    target.write_bytes(b"previous")

    def broken(df, path, **kwargs):
        Path(path).write_bytes(b"")
        raise RuntimeError("disk full")

    monkeypatch.setattr(pyreadstat, "write_sav", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        export(mini_responses(), mini, tmp_path, formats=("sav",), simulated=True)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini_2021_vi.sav"]


def _write_parquet(path: Path, data: pd.DataFrame, meta: dict) -> None:
    table = pa.Table.from_pandas(data, preserve_index=False)
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), b"survey_pipeline": json.dumps(meta).encode()}
    )
    pq.write_table(table, path)


def test_cli_reads_wave_and_simulated_from_the_parquet_metadata(tmp_path, capsys):
    data = mini_responses().drop(columns=["_simulated"])
    parquet = tmp_path / "2021.weighted.parquet"
    meta = {"form_id": "mini", "version": "1", "wave": "2021b", "simulated": True}
    _write_parquet(parquet, data, meta)
    out = tmp_path / "spss"
    code = run(
        [
            "export",
            str(parquet),
            "--questionnaire",
            str(FIXTURES / "mini.yaml"),
            "--out",
            str(out),
            "--format",
            "sav",
            "--format",
            "sps",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.split() == [
        str(out / "mini_2021b_vi.sav"),
        str(out / "mini_2021b_vi.sps"),
        str(out / "mini_2021b_vi.spss.sps"),
    ]
    _, sav = pyreadstat.read_sav(out / "mini_2021b_vi.sav", metadataonly=True)
    assert SIMULATED_NOTE in sav.notes


def test_cli_prints_warnings(tmp_path, capsys):
    parquet = tmp_path / "adhoc.parquet"
    _write_parquet(parquet, mini_responses().assign(extra=1.5), {})
    code = run(
        [
            "export",
            str(parquet),
            "--questionnaire",
            str(FIXTURES / "mini.yaml"),
            "--out",
            str(tmp_path),
            "--format",
            "csv",
        ]
    )
    assert code == 0
    assert "warning: column 'extra' is not in the questionnaire" in capsys.readouterr().err


def test_cli_refuses_data_of_another_form(tmp_path, capsys):
    parquet = tmp_path / "2021.parquet"
    _write_parquet(parquet, mini_responses(), {"form_id": "other", "wave": "2021"})
    code = run(
        [
            "export",
            str(parquet),
            "--questionnaire",
            str(FIXTURES / "mini.yaml"),
            "--out",
            str(tmp_path),
        ]
    )
    assert code == 2
    assert "come from form 'other'" in capsys.readouterr().err


# ---- helpers ----------------------------------------------------------------------------


def _questionnaire_with(folder: Path, change):
    """The mini questionnaire with one edit to its YAML (frame copied beside it)."""
    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    change(data)
    folder.mkdir(exist_ok=True)
    (folder / "mini.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil.copy(FIXTURES / "mini-frame.yaml", folder / "mini-frame.yaml")
    return load_questionnaire(folder / "mini.yaml")


def _bare_questionnaire():
    from pipeline.model.questionnaire import parse_questionnaire

    codes = [{"code": c, "label": {"vi": f"m{c}"}, "missing": True} for c in (95, 96, 97, 98)]
    return parse_questionnaire(
        {
            "form_id": "bare",
            "version": "1",
            "wave": "1",
            "title": {"vi": "t"},
            "stratum": {"variable": "x", "frame": "none.yaml"},
            "choice_lists": {"c": {"options": [{"code": 1, "label": {"vi": "a"}}, *codes]}},
            "sections": [
                {
                    "name": "A",
                    "title": {"vi": "A"},
                    "questions": [
                        {"name": "x", "type": "single", "label": {"vi": "x"}, "choices": "c"}
                    ],
                }
            ],
        },
        "bare.yaml",
    )


def test_warnings_module_is_quiet_for_a_clean_export(tmp_path, mini):
    with warnings.catch_warnings():
        warnings.simplefilter("error", ExportWarning)
        export(mini_responses(), mini, tmp_path, formats=("sav", "dta"), simulated=True)


def test_a_long_grid_item_label_keeps_the_items_own_words():
    question = "Đồng chí có đồng ý với các nhận định sau đây về thông tin trên mạng xã hội không?"
    with pytest.warns(ExportWarning, match="Stata variable label of sm_identify"):
        label = fit_label(
            (question, "Tôi nhận ra thông tin sai lệch"),
            "Stata variable label of sm_identify",
            max_chars=80,
        )
    assert label.endswith("…: Tôi nhận ra thông tin sai lệch")
    assert len(label) <= 80
    assert label.startswith("Đồng chí có đồng ý")
    # Within the limit nothing changes and nothing is said.
    assert fit_label(("Câu hỏi", "Mục"), "x", max_chars=80) == "Câu hỏi: Mục"


def test_names_spss_accepts_export_and_stata_gets_its_own():
    assert export_names(["q1", "ok.name@#$"]) == {"q1": "q1", "ok.name@#$": "ok.name@#$"}
    with pytest.warns(ExportWarning, match="ok_name___"):
        assert stata_names(["ok.name@#$"]) == {"ok.name@#$": "ok_name___"}


def test_routing_that_refers_to_a_column_not_exported_is_said_not_guessed(mini):
    data = mini_responses().drop(columns=["aware"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExportWarning)
        plan = build_plan(data, mini, simulated=True)
    said = sorted(str(w.message).split(":")[0] for w in caught)
    assert said == ["'eff'", "'trust'"]  # the two questions whose rule reads aware
    assert "cannot be told apart (the data has no column 'aware')" in str(caught[0].message)
    assert plan.variable("trust").skip_code is None
    assert plan.data["trust"].isna().sum() == 2
