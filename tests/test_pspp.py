"""The exported .sav read by a real SPSS reader: GNU PSPP."""

import re
import shutil
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest
from scipy.stats import chi2_contingency

from pipeline.core.spss_limits import (
    SPSS_FILE_LABEL_BYTES,
    SPSS_NOTE_LINE_BYTES,
    SPSS_VALUE_LABEL_BYTES,
    SPSS_VARIABLE_LABEL_BYTES,
)
from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.export.sav_records import add_variable_sets, read_variable_sets
from pipeline.stages.export.spss import run_pspp
from pipeline.stages.export.write import export

from .conftest import FIXTURES
from .test_export import mini_responses


def larger_responses(n: int = 120) -> pd.DataFrame:
    """Deterministic responses where awareness depends on sex (so chi-square is large)."""
    rng = np.random.default_rng(20210)
    sex = rng.integers(1, 3, n)
    aware = np.where(rng.random(n) < np.where(sex == 1, 0.8, 0.35), 1, 2)
    aware[rng.random(n) < 0.1] = 98  # refused: user-missing, left out by PSPP
    data = pd.concat([mini_responses()] * (n // 4), ignore_index=True)
    data["respondent_id"] = pd.array([f"r{i}" for i in range(n)], dtype="string")
    data["sex"] = pd.array(sex, dtype="Int64")
    data["aware"] = pd.array(aware, dtype="Int64")
    return data


@pytest.fixture(scope="module")
def sav(tmp_path_factory):
    out = tmp_path_factory.mktemp("pspp")
    q = load_questionnaire(FIXTURES / "mini.yaml")
    data = larger_responses()
    export(data, q, out, "vi", formats=("sav", "sps"), simulated=True, zsav=True)
    return q, data, out


def _pspp(out, commands: str, file: str = "mini_2021_vi.sav") -> str:
    return run_pspp(f"GET FILE='{out / file}'.\n{commands}\n", out)


def _row(text: str, first_cell: str) -> list[str]:
    """The cells of the table row whose first cell is ``first_cell``."""
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row {first_cell!r} in PSPP output")


def test_dictionary_shows_vietnamese_labels_missing_codes_and_levels(sav):
    q, _, out = sav
    text = unicodedata.normalize("NFC", _pspp(out, "DISPLAY DICTIONARY."))
    for name in ("aware", "trust", "eff_train", "src_2", "last_meeting", "age"):
        v = q.variable(name)
        cells = _row(text, name)
        label = (
            v.label.vi
            if v.option is None and v.grid_item is None
            else (f"{v.question.label.vi}: {v.label.vi}")
        )
        assert label in cells
        assert v.level.value.capitalize() in cells or name == "last_meeting"
    assert _row(text, "aware")[-1] == "98"
    assert _row(text, "trust")[-1] == "-1; 97"  # skipped by routing; hard to say
    assert "Ordinal" in _row(text, "trust")
    assert "Scale" in _row(text, "weight")
    assert "Không trả lời" in text  # a value label


def test_crosstabs_chi_square_matches_scipy(sav):
    q, data, out = sav
    text = _pspp(out, "CROSSTABS /TABLES=aware BY sex /STATISTICS=CHISQ.")
    pspp_chi2 = float(_row(text, "Pearson Chi-Square")[1])
    # PSPP leaves out user-missing codes; so does the oracle.
    valid = data[~data["aware"].isin(q.variable("aware").missing_codes())]
    table = pd.crosstab(valid["aware"], valid["sex"])
    expected = chi2_contingency(table.to_numpy(), correction=False)[0]
    assert pspp_chi2 == pytest.approx(expected, rel=1e-3)
    assert f"{expected:.2f}" == _row(text, "Pearson Chi-Square")[1]
    n_valid = int(_row(text, "N of Valid Cases")[1])
    assert n_valid == len(valid)


@pytest.mark.parametrize("file", ["mini_2021_vi.sav", "mini_2021_vi.zsav"])
def test_multiple_response_sets_are_in_the_file(sav, file):
    q, _, out = sav
    text = _pspp(out, "MRSETS /DISPLAY NAME=[$src].", file)
    cells = _row(text, "$src")
    assert cells[1:4] == [q.question("src").label.vi, "Dichotomies", "1"]
    members = re.findall(r"\|\s*\|\s*\|\s*\|\s*\|(src_\d)\s*\|", text)
    assert [cells[4], *members] == ["src_1", "src_2", "src_3"]
    # the grid's variable set, added after PSPP's save, leaves the file readable by PSPP
    assert read_variable_sets(out / file) == {"eff": ["eff_meet", "eff_train"]}


def test_documents_say_the_data_are_simulated(sav):
    _, _, out = sav
    assert "DỮ LIỆU MÔ PHỎNG / SIMULATED DATA" in _pspp(out, "DISPLAY DOCUMENTS.")


def test_sps_runs_in_pspp_and_the_complex_samples_plan_is_in_its_own_file(sav):
    _, _, out = sav
    syntax = (out / "mini_2021_vi.sps").read_text(encoding="utf-8")
    assert "CSPLAN" not in syntax.replace("(CSPLAN, CSTABULATE)", "")
    assert "mini_2021_vi.spss.sps holds the SPSS Complex Samples plan" in syntax
    text = run_pspp(syntax + "SHOW WEIGHT.\nMRSETS /DISPLAY NAME=ALL.\nFREQUENCIES !eff.\n", out)
    assert "WEIGHT is weight." in text
    assert "$src" in text
    assert "Hiệu quả của các giải pháp: Tập huấn" in unicodedata.normalize("NFC", text)
    # The SPSS file says what it is for, and PSPP indeed stops at its CSPLAN.
    spss = (out / "mini_2021_vi.spss.sps").read_text(encoding="utf-8")
    assert "GNU PSPP stops at CSPLAN" in spss
    with pytest.raises(RuntimeError, match="CSPLAN"):
        run_pspp(spss, out)


PYREADSTAT_FILES = Path(__file__).parent / "corpus" / "pyreadstat"


@pytest.mark.parametrize("name", ["sample.sav", "sample.zsav", "simple_alltypes.sav"])
def test_variable_sets_go_into_system_files_nobody_here_wrote(tmp_path, name):
    """pyreadstat's test files: after the record is added, the data and dictionary read back
    unchanged (pyreadstat) and PSPP opens the file without a complaint."""
    original = PYREADSTAT_FILES / name
    target = tmp_path / name
    shutil.copy(original, target)
    before, meta_before = pyreadstat.read_sav(original)
    members = meta_before.column_names[:2]
    add_variable_sets(target, {"first_two": members})
    assert read_variable_sets(target) == {"first_two": members}
    after, meta_after = pyreadstat.read_sav(target)
    pd.testing.assert_frame_equal(before, after)
    assert meta_after.column_names_to_labels == meta_before.column_names_to_labels
    assert meta_after.variable_value_labels == meta_before.variable_value_labels
    assert meta_after.mr_sets == meta_before.mr_sets
    text = run_pspp(f"GET FILE='{target}'.\nDISPLAY DICTIONARY.\n", tmp_path)
    assert all(m in text for m in members)


def test_the_label_limits_are_what_pyreadstat_then_pspp_keep(tmp_path):
    """The chain the export runs (pyreadstat writes, PSPP re-saves), measured: longer labels
    come back cut at exactly the limits spss_limits.py holds."""
    first, final = tmp_path / "first.sav", tmp_path / "final.sav"
    pyreadstat.write_sav(
        pd.DataFrame({"x": [1.0]}),
        str(first),
        file_label="f" * 70,
        column_labels={"x": "v" * 300},
        variable_value_labels={"x": {1: "l" * 200}},
        note=["n" * SPSS_NOTE_LINE_BYTES],
    )
    run_pspp(f"GET FILE='{first}'.\nSAVE OUTFILE='{final}'.\n", tmp_path)
    _, meta = pyreadstat.read_sav(final)
    assert len(meta.file_label) == SPSS_FILE_LABEL_BYTES == 60
    assert len(meta.column_labels[0]) == SPSS_VARIABLE_LABEL_BYTES == 255
    assert len(meta.variable_value_labels["x"][1.0]) == SPSS_VALUE_LABEL_BYTES
    assert meta.notes == ["n" * SPSS_NOTE_LINE_BYTES]
