"""The Stata side of the export: the .dta writer's storage types and extended missing values,
the missing-code letters, unique labels, and the .do file."""

import dataclasses
import struct
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.export.dta import DtaColumn, DtaFile, dta_bytes
from pipeline.stages.export.plan import ExportWarning, build_plan, stata_missing_letters
from pipeline.stages.export.readback import ExportCheckError, check_sav
from pipeline.stages.export.spss import write_sav
from pipeline.stages.export.stata import do_syntax, stata_labels
from pipeline.stages.export.write import export

from .conftest import FIXTURES
from .test_export import _bare_questionnaire, mini_responses


def _write(tmp_path, columns, **kwargs):
    path = tmp_path / "t.dta"
    path.write_bytes(dta_bytes(DtaFile(columns=columns, **kwargs)))
    return path


def test_each_column_gets_the_smallest_stata_type_that_holds_it(tmp_path):
    columns = [
        DtaColumn("code", pd.Series([1.0, 2.0, 100.0])),
        DtaColumn("negative", pd.Series([-127.0, 0.0, np.nan])),
        DtaColumn("hundreds", pd.Series([101.0, 32740.0, 1.0])),
        DtaColumn("big", pd.Series([32741.0, 2.0e9, 1.0])),
        DtaColumn("share", pd.Series([0.25, 1.5, np.nan])),
        DtaColumn("text", pd.Series(["Tốt", None, "ừ"]), text=True),
    ]
    path = _write(tmp_path, columns)
    df, meta = pyreadstat.read_dta(path)
    assert meta.readstat_variable_types == {
        "code": "int8",
        "negative": "int8",
        "hundreds": "int16",
        "big": "int32",
        "share": "double",
        "text": "string",
    }
    assert df["hundreds"].tolist() == [101, 32740, 1]
    assert df["big"].tolist() == [32741, 2.0e9, 1]
    assert df["negative"].fillna(-1).tolist() == [-127, 0, -1]
    assert df["share"].fillna(-1).tolist() == [0.25, 1.5, -1]
    assert df["text"].tolist() == ["Tốt", "", "ừ"]


def test_text_longer_than_a_str_column_goes_into_a_strl_whole(tmp_path):
    long = "Ý kiến rất dài của đồng chí. " * 100  # 3,300 characters, more bytes
    columns = [
        DtaColumn("id", pd.Series([1.0, 2.0, 3.0])),
        DtaColumn("note", pd.Series([long, None, "ngắn"]), label="Ghi chú", text=True),
        DtaColumn("after", pd.Series([7.0, 8.0, 9.0])),
    ]
    path = _write(tmp_path, columns)
    df, meta = pyreadstat.read_dta(path)
    assert df["note"].tolist() == [long, "", "ngắn"]
    assert df["after"].tolist() == [7, 8, 9]  # the columns after it are where they belong
    assert meta.column_names_to_labels["note"] == "Ghi chú"


@pytest.mark.parametrize("values", [[1.0, 2.0, 3.0], [1000.0, 2.0, 3.0], [0.5, 2.0, 3.0]])
def test_extended_missing_values_and_their_labels_in_every_numeric_type(tmp_path, values):
    """.a, .b and .s in a byte, an int and a double column, each with its value label."""
    column = DtaColumn(
        "x",
        pd.Series([*values, np.nan, np.nan, np.nan]),
        label="Câu hỏi",
        value_label="x",
        extended=pd.Series(["", "", "", "a", "b", "s"]),
    )
    labels = {1: "Một", 2147483622: "Không biết", 2147483623: "Từ chối", 2147483640: "Bỏ qua"}
    path = _write(tmp_path, [column], value_labels={"x": labels}, data_label="Dữ liệu")
    df, meta = pyreadstat.read_dta(path, user_missing=True)
    assert df["x"].tolist()[3:] == ["a", "b", "s"]
    assert meta.variable_value_labels["x"] == {
        1: "Một",
        "a": "Không biết",
        "b": "Từ chối",
        "s": "Bỏ qua",
    }
    assert meta.column_names_to_labels["x"] == "Câu hỏi"
    assert meta.file_label == "Dữ liệu"


def test_refusals_are_b_and_the_other_missing_codes_a_c_d(mini):
    assert stata_missing_letters(mini) == {97: "a", 98: "b"}
    # no option says "refused": letters in code order, b kept for refusals, s for skips
    assert stata_missing_letters(_bare_questionnaire()) == {95: "a", 96: "c", 97: "d", 98: "e"}


@pytest.mark.filterwarnings(
    "ignore:Stata variable label of:pipeline.stages.export.plan.ExportWarning"
)
def test_grid_items_whose_own_words_are_alike_still_get_unique_stata_labels(mini):
    """Two items with the same long own words (the question cannot even be hinted at) are
    told apart by their names."""
    plan = build_plan(mini_responses(), mini, simulated=True)
    same = "Hiệu quả của hoạt động tuyên truyền, giáo dục chính trị tư tưởng trong chi bộ cơ sở"
    items = [
        dataclasses.replace(v, label_parts=(v.label_parts[0], same))
        if v.name in ("eff_meet", "eff_train")
        else v
        for v in plan.variables
    ]
    with pytest.warns(ExportWarning, match="read like another"):
        labels = stata_labels(dataclasses.replace(plan, variables=items))
    assert labels["eff_meet"].endswith(" [eff_meet]")
    assert labels["eff_train"].endswith(" [eff_train]")
    assert all(len(text) <= 80 for text in labels.values())


def test_do_file_declares_clusters_when_the_design_has_them(mini):
    data = mini_responses().assign(_psu=pd.array([1, 2, 3, 4], dtype="Int64"))
    design = {"options": {"fpc": True, "clusters": ["_psu"], "nest": True, "cluster_fpc": []}}
    with warnings.catch_warnings():
        warnings.simplefilter("error", ExportWarning)  # a cluster column is not "unknown"
        plan = build_plan(data, mini, simulated=True, design=design)
    assert plan.design.clusters == ("psu",)
    assert plan.variable("_psu").label == "Cụm mẫu"
    do = do_syntax(plan, "x.dta")
    # clusters drawn with replacement (no cluster fpc): no fpc, as R's svydesign(id = ~psu)
    assert "svyset psu [pweight=weight], strata(stratum)\n" in do
    assert "svy, subpop(if !missing(aware)): proportion aware" in do


def test_a_file_that_differs_from_the_plan_is_an_error_not_a_surprise(tmp_path, mini):
    plan = build_plan(mini_responses(), mini, simulated=True)
    target = write_sav(plan, tmp_path / "x.sav")
    check_sav(plan, target)  # as written: no difference
    meant = dataclasses.replace(
        plan,
        variables=[
            dataclasses.replace(v, label=v.label + "!") if v.name == "aware" else v
            for v in plan.variables
        ],
    )
    with pytest.raises(ExportCheckError, match="the variable label of aware is"):
        check_sav(meant, target)


def test_the_file_label_fits_the_60_bytes_pspp_keeps(tmp_path):
    q = load_questionnaire(FIXTURES / "mini.yaml")
    long_form = q.model_copy(update={"form_id": "khảo_sát_suy_thoái_tư_tưởng_chính_trị"})
    with pytest.warns(ExportWarning, match=r"the file label is longer than 60 bytes .* to '"):
        plan = build_plan(mini_responses(), long_form, simulated=True)
    assert len(plan.file_label.encode()) <= 60
    write_sav(plan, tmp_path / "x.sav")  # read back inside: the label came back whole
    _, meta = pyreadstat.read_sav(tmp_path / "x.sav", metadataonly=True)
    assert meta.file_label == plan.file_label


# ---- against a file Stata wrote ---------------------------------------------------------

STATACAR = Path(__file__).parent / "corpus" / "readstata13" / "statacar.dta"


def _characteristics(raw: bytes) -> list[tuple[str, str, str]]:
    """(variable, name, contents) of every characteristic of a format 118 file."""
    start = raw.index(b"<characteristics>") + len(b"<characteristics>")
    body, out, at = raw[start : raw.index(b"</characteristics>")], [], 0
    while at < len(body):
        (length,) = struct.unpack_from("<I", body, at + 4)
        content = body[at + 8 : at + 8 + length]
        var, name = (content[i : i + 129].split(b"\0")[0].decode() for i in (0, 129))
        out.append((var, name, content[258:].rstrip(b"\0").decode("utf-8")))
        at += 8 + length + len(b"</ch>")
    return out


def _label_set_names(raw: bytes) -> set[str]:
    names, at = set(), raw.index(b"<value_labels>")
    while (at := raw.find(b"<lbl>", at)) != -1:
        names.add(raw[at + 9 : at + 9 + 129].split(b"\0")[0].decode())
        at += 5
    return names


def _language_layout(path: Path) -> dict:
    """How a file records its label languages, in the terms Stata uses."""
    raw = path.read_bytes()
    chars = _characteristics(raw)
    dta = {name: text for var, name, text in chars if var == "_dta"}
    languages = dta["_lang_list"].split()
    others = [lang for lang in languages if lang != dta["_lang_c"]]
    sets = _label_set_names(raw)
    per_variable = [(var, name, text) for var, name, text in chars if var != "_dta"]
    return {
        "current_is_listed": dta["_lang_c"] in languages,
        "kinds": sorted({name.rsplit("_", 1)[0] for _, name, _ in per_variable}),
        "other_languages_only": all(
            name.rsplit("_", 1)[1] in others for _, name, _ in per_variable
        ),
        "value_label_sets_exist": all(
            text in sets for _, name, text in per_variable if name.startswith("_lang_l_")
        ),
        "variable_labels_are_text": all(
            text not in sets for _, name, text in per_variable if name.startswith("_lang_v_")
        ),
    }


def test_label_languages_are_recorded_as_stata_itself_records_them(tmp_path, mini):
    """statacar.dta (written by Stata with `label language`) and our export agree: the
    current language in _dta[_lang_c] and listed in _dta[_lang_list]; per variable,
    _lang_v_<other> holds the variable label and _lang_l_<other> names a value label set in
    the file."""
    paths = export(
        mini_responses(), mini, tmp_path, "vi", ("dta",), simulated=True, other_langs=("en",)
    )
    ours = _language_layout(next(p for p in paths if p.suffix == ".dta"))
    stata = _language_layout(STATACAR)
    assert stata == {
        "current_is_listed": True,
        "kinds": ["_lang_l", "_lang_v"],
        "other_languages_only": True,
        "value_label_sets_exist": True,
        "variable_labels_are_text": True,
    }
    assert ours == stata
