"""The default survey's exports opened as their users open them: GNU PSPP, pyreadstat, R's
haven, foreign and readstata13, Rscript running the shipped .R file. Every label must come
back whole and valid UTF-8, the .sps must run, skipped answers must follow the skip logic,
and the R script's table must equal the project's own table (pipeline/stages/tabulate.py).
"""

import os
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from pipeline.cli.app import run
from pipeline.model.expressions import evaluate, parse
from pipeline.model.questionnaire import load_questionnaire
from pipeline.readers.dataset import read_dataset, write_dataset
from pipeline.stages.export.plan import build_plan
from pipeline.stages.export.readback import sav_differences
from pipeline.stages.export.sav_records import read_variable_sets
from pipeline.stages.export.spss import grid_sets, run_pspp
from pipeline.stages.export.stata import stata_labels
from pipeline.stages.export.write import data_version

from .conftest import FIXTURES, REPO

# The long labels of the default survey are shortened for Stata, with warnings (tested in
# test_export.py); here the plans are rebuilt to compare with, so the warnings repeat.
pytestmark = pytest.mark.filterwarnings("ignore::pipeline.stages.export.plan.ExportWarning")

R_READERS = Path(__file__).parent / "r" / "read_exports.R"
WAVES = {"2021": 300, "2023": 260}  # respondents simulated per wave (enough for every stratum)
LANGS = ("vi", "en")
FRAME = REPO / "questionnaires" / "frame.yaml"


def _pipeline(root: Path, wave: str, n: int) -> Path:
    """simulate → clean → weight → tabulate → export (vi and en), as dvc.yaml runs them."""
    q = str(REPO / "questionnaires" / f"degradation-{wave}.yaml")
    raw, processed = root / "raw" / f"{wave}.csv", root / "processed" / f"{wave}.parquet"
    weighted = root / "processed" / f"{wave}.weighted.parquet"
    steps = [
        ["simulate", q, "--frame", str(FRAME), "--n", str(n), "--seed", wave,
         "--fault-rate", "0.02", "--out", str(raw)],
        ["clean", str(raw), "--questionnaire", q, "--config",
         str(REPO / "questionnaires" / "cleaning.yaml"), "--key-file", str(root / "key"),
         "--out", str(processed)],
        ["weight", str(processed), "--questionnaire", q, "--frame", str(FRAME),
         "--out", str(weighted)],
        ["tabulate", str(weighted), "--questionnaire", q, "--out", str(root / "tables")],
        ["export", str(weighted), "--questionnaire", q, "--lang", "vi,en",
         "--out", str(root / "spss" / wave)],
    ]  # fmt: skip
    for argv in steps:
        assert run(argv) == 0, argv
    return weighted


class Export:
    """One wave's export: the data, the plans the files were written from, the files."""

    def __init__(self, root: Path, wave: str, weighted: Path) -> None:
        self.root, self.wave = root, wave
        self.q = load_questionnaire(REPO / "questionnaires" / f"degradation-{wave}.yaml")
        self.data, self.meta = read_dataset(weighted)
        self.plans = {
            lang: build_plan(
                self.data,
                self.q,
                lang,
                simulated=True,
                wave=wave,
                design=self.meta.get("design"),
                data_version=data_version(weighted),
            )
            for lang in LANGS
        }
        self.folder = root / "spss" / wave

    def file(self, lang: str, ext: str) -> Path:
        return self.folder / f"{self.q.form_id}_{self.wave}_{lang}.{ext}"


@pytest.fixture(scope="module", params=sorted(WAVES))
def exported(request, tmp_path_factory) -> Export:
    root = tmp_path_factory.mktemp(f"default-{request.param}")
    weighted = _pipeline(root, request.param, WAVES[request.param])
    return Export(root, request.param, weighted)


@pytest.fixture(scope="module")
def r_view(exported) -> dict[str, pd.DataFrame]:
    """What haven, foreign and readstata13 read from each language's .sav and .dta."""
    views = {}
    for lang in LANGS:
        out = exported.folder / f"r-view-{lang}.csv"
        subprocess.run(
            ["Rscript", str(R_READERS), str(exported.file(lang, "sav")),
             str(exported.file(lang, "dta")), str(out)],
            check=True, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        views[lang] = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8")
    return views


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ---- every label whole, in every reader -------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_pyreadstat_reads_back_every_label_of_the_sav_as_planned(exported, lang):
    assert sav_differences(exported.plans[lang], exported.file(lang, "sav")) == []


@pytest.mark.parametrize("lang", LANGS)
def test_pspp_shows_every_variable_label_whole(exported, lang):
    plan = exported.plans[lang]
    syntax = f"GET FILE='{exported.file(lang, 'sav')}'.\nDISPLAY DICTIONARY.\n"
    text = _nfc(_pspp(syntax, exported.folder))
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) > 3 and cells[1].isdigit():
            rows[cells[0]] = cells[2]
    for v in plan.variables:
        assert rows[v.name] == v.label, v.name


def test_the_issues_labels_keep_their_last_letters_and_the_file_label_its_wave(exported):
    _, meta = pyreadstat.read_sav(exported.file("vi", "sav"), metadataonly=True)
    assert meta.file_label.endswith(f" {exported.wave}")
    labels = meta.column_names_to_labels
    for name in ("prev_ideals", "eff_thematic", "eff_reports", "eff_documents"):
        if name in labels:
            own = _nfc(exported.q.variable(name).label.vi)
            assert labels[name].endswith(own), name


@pytest.mark.parametrize("lang", LANGS)
def test_r_readers_see_every_label_intact_and_valid_utf8(exported, r_view, lang):
    view = r_view[lang]
    assert (view["valid"] == "TRUE").all(), view[view["valid"] != "TRUE"]
    plan = exported.plans[lang]
    meant_sav = {v.name: v.label for v in plan.variables}
    meant_dta = stata_labels(plan)
    for reader, meant in (
        ("haven_sav", meant_sav),
        ("foreign_sav", meant_sav),
        ("haven_dta", meant_dta),
        ("readstata13", meant_dta),
    ):
        seen = view[(view["reader"] == reader) & (view["kind"] == "variable_label")]
        assert dict(zip(seen["variable"], seen["text"].map(_nfc), strict=True)) == {
            k: v for k, v in meant.items() if v
        }, reader
    for v in plan.variables:
        for reader in ("haven_sav", "foreign_sav"):
            seen = view[
                (view["reader"] == reader)
                & (view["kind"] == "value_label")
                & (view["variable"] == v.name)
            ]
            texts = {float(k): _nfc(t) for k, t in zip(seen["key"], seen["text"], strict=True)}
            assert texts == {float(c): t for c, t in v.value_labels.items()}, (reader, v.name)


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_export_is_valid_utf8_nfc(exported, lang):
    for ext in ("sps", "spss.sps", "do", "R", "csv", "codebook.csv", "codebook.json"):
        text = exported.file(lang, ext).read_bytes().decode("utf-8")  # strict: raises if invalid
        assert text == _nfc(text), ext


# ---- Stata ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_stata_labels_tell_every_item_apart(exported, r_view, lang):
    seen = r_view[lang]
    labels = seen[(seen["reader"] == "readstata13") & (seen["kind"] == "variable_label")]
    repeated = [t for t, k in Counter(labels["text"]).items() if k > 1]
    assert repeated == []
    assert labels["text"].map(len).max() <= 80


def test_stata_stores_codes_as_bytes_and_missing_codes_as_extended_missing(exported, r_view):
    plan, view = exported.plans["vi"], r_view["vi"]
    storage = view[(view["reader"] == "readstata13") & (view["kind"] == "storage")]
    storage = dict(zip(storage["variable"], storage["text"].astype(int), strict=True))
    for v in plan.variables:
        if v.value_labels and v.kind == "numeric":
            assert storage[v.stata_name] == 65530, v.name  # byte
    assert storage["weight"] == 65526  # double: N_h / n_h is not a whole number
    tagged = view[(view["reader"] == "haven_dta") & (view["kind"] == "tagged_na")]
    counts = {(r.variable, r.key): int(r.text) for r in tagged.itertuples()}
    sav, _ = pyreadstat.read_sav(exported.file("vi", "sav"), user_missing=True)
    for v in plan.variables:
        for code, letter in v.stata_missing.items():
            assert counts[(v.stata_name, letter)] == int((sav[v.name] == code).sum()), v.name
    refused = [v for v in plan.variables if 98 in v.stata_missing]
    assert refused and all(v.stata_missing[98] == "b" for v in refused)
    assert sum(counts[(v.stata_name, "b")] for v in refused) > 0


def test_stata_label_languages_switch_between_vietnamese_and_english(exported, r_view):
    for lang, other in (("vi", "en"), ("en", "vi")):
        view = r_view[lang]
        facts = view[view["variable"] == "_dta"].set_index("kind")["text"]
        assert facts["languages"] == f"{lang} {other}"
        assert facts["current_language"] == lang
        english = view[view["kind"] == f"variable_label_{other}"]
        expected = stata_labels(exported.plans[other])
        assert dict(zip(english["variable"], english["text"].map(_nfc), strict=True)) == {
            k: v for k, v in expected.items()
        }
        sets = view[(view["reader"] == "readstata13") & (view["kind"] == "label_set")]
        assert any(name.endswith(f"_{other}") for name in sets["variable"])


def test_do_file_declares_the_design(exported):
    do = exported.file("vi", "do").read_text(encoding="utf-8")
    assert "svyset _n [pweight=weight], strata(stratum) fpc(fpc)" in do
    assert f'use "{exported.file("vi", "dta").name}", clear' in do
    assert "label language vi" in do


# ---- SPSS syntax ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_sps_runs_in_pspp_with_exit_0(exported, lang):
    sps = exported.file(lang, "sps")
    proc = subprocess.run(
        ["pspp", "--no-statrc", "-o", str(exported.folder / f"run-{lang}.txt"), sps.name],
        cwd=exported.folder, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    output = (exported.folder / f"run-{lang}.txt").read_text(encoding="utf-8")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in (proc.stdout + output).lower()


def test_the_sav_holds_attributes_and_a_variable_set_per_grid(exported):
    plan = exported.plans["vi"]
    sav = exported.file("vi", "sav")
    grids = grid_sets(plan)
    assert grids and read_variable_sets(sav) == grids
    text = _pspp(f"GET FILE='{sav}'.\nDISPLAY ATTRIBUTES.\n", exported.folder)
    for key, value in (("form_id", plan.form_id), ("wave", exported.wave), ("simulated", "1")):
        assert any(
            key in line and f"|{value}" in line.replace(" ", "") for line in text.splitlines()
        )
    assert "md5" in text  # the data version: the weighted file's digest
    documents = _pspp(f"GET FILE='{sav}'.\nDISPLAY DOCUMENTS.\n", exported.folder)
    assert "Data version: md5" in documents and "DỮ LIỆU MÔ PHỎNG / SIMULATED DATA" in documents


def test_the_spss_syntax_has_the_complex_samples_plan_and_one_table(exported):
    spss = exported.file("vi", "spss.sps").read_text(encoding="utf-8")
    assert "CSPLAN ANALYSIS" in spss and "/DESIGN STRATA=stratum" in spss
    assert "/ESTIMATOR TYPE=EQUAL_WOR" in spss and "/POPSIZE VARIABLE=fpc." in spss
    assert f"/TABLES VARIABLES={exported.plans['vi'].example}" in spss
    assert "DATAFILE ATTRIBUTE" in spss and "MRSETS" in spss
    for grid, items in grid_sets(exported.plans["vi"]).items():
        assert f"DEFINE !{grid} () {' '.join(items)} !ENDDEFINE." in spss


# ---- routing ----------------------------------------------------------------------------


def test_skipped_and_unanswered_are_told_apart_as_the_skip_logic_says(exported):
    """Recount from the questionnaire's relevant rules: not asked and empty → the skip code;
    asked and empty → system-missing."""
    q, data = exported.q, exported.data
    as_read = pd.DataFrame(
        {
            c: data[c].astype("float64")
            if pd.api.types.is_numeric_dtype(data[c])
            else data[c].astype(object).where(data[c].notna(), None)
            for c in data.columns
        }
    )
    sav, meta = pyreadstat.read_sav(exported.file("vi", "sav"), user_missing=True)
    dta, _ = pyreadstat.read_dta(exported.file("vi", "dta"), user_missing=True)
    plan = exported.plans["vi"]
    checked = 0
    for v in plan.variables:
        if v.skip_code is None:
            continue
        question = q.question(v.question)
        relevant = evaluate(parse(question.relevant), as_read, q).to_numpy()
        empty = data[v.source].isna().to_numpy()
        assert int((sav[v.name] == v.skip_code).sum()) == int((~relevant & empty).sum())
        assert int(sav[v.name].isna().sum()) == int((relevant & empty).sum())
        assert int((dta[v.stata_name] == "s").sum()) == int((~relevant & empty).sum())
        assert {"lo": float(v.skip_code), "hi": float(v.skip_code)} in meta.missing_ranges[v.name]
        checked += int((~relevant & empty).sum())
    assert checked > 0  # the simulated wave does skip questions


# ---- R ----------------------------------------------------------------------------------


def test_the_r_script_reproduces_the_reports_table(exported):
    lang = "vi" if exported.wave == "2021" else "en"  # one language per wave: R is slow
    out = exported.folder / f"r-table-{lang}.csv"
    proc = subprocess.run(
        ["Rscript", exported.file(lang, "R").name],
        cwd=exported.folder, capture_output=True, text=True, timeout=300,
        env={**os.environ, "SURVEY_TABLE_OUT": str(out)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    r_table = pd.read_csv(out)
    plan = exported.plans[lang]
    cells = pd.read_parquet(exported.root / "tables" / f"{exported.wave}.cells.parquet")
    ours = cells[(cells["banner"] == "total") & (cells["variable"] == plan.example)]
    ours = ours.set_index("row_code").loc[r_table["code"]]
    assert r_table["proportion"].to_numpy() == pytest.approx(ours["prop"].to_numpy(), rel=1e-9)
    assert r_table["se"].to_numpy() == pytest.approx(ours["se"].to_numpy(), rel=1e-6)
    variable = next(v for v in plan.variables if v.name == plan.example)
    assert list(r_table["label"].map(_nfc)) == [variable.value_labels[c] for c in r_table["code"]]


CALIBRATED_FRAME = """\
name: {vi: Khung mẫu thử, en: Test frame}
strata:
  - {code: 1, label: {vi: Hành chính, en: Administrative}, population: 600}
  - {code: 2, label: {vi: Đoàn thể, en: Mass organisations}, population: 400}
margins:
  - {variable: sex, counts: {1: 540, 2: 460}}
  - {variable: sex, by_stratum: {1: {1: 330, 2: 270}, 2: {1: 210, 2: 190}}}
"""


def test_the_r_script_rakes_and_trims_as_the_weight_stage_did(tmp_path):
    """A frame with margins: weights raked to sex overall and within strata, then trimmed;
    the R script's rake() and trimWeights() give the report's SEs."""
    shutil.copy(FIXTURES / "mini.yaml", tmp_path / "mini.yaml")
    (tmp_path / "mini-frame.yaml").write_text(CALIBRATED_FRAME, encoding="utf-8")
    q, frame = str(tmp_path / "mini.yaml"), str(tmp_path / "mini-frame.yaml")
    weighted = str(tmp_path / "w.parquet")
    steps = [
        ["simulate", q, "--frame", frame, "--n", "150", "--seed", "3",
         "--out", str(tmp_path / "raw.csv")],
        ["clean", str(tmp_path / "raw.csv"), "--questionnaire", q, "--key-file",
         str(tmp_path / "key"), "--out", str(tmp_path / "clean.parquet")],
        ["weight", str(tmp_path / "clean.parquet"), "--questionnaire", q, "--frame", frame,
         "--trim-upper", "7.5", "--lonely-psu", "adjust", "--out", weighted],
        ["tabulate", weighted, "--questionnaire", q, "--out", str(tmp_path / "tables")],
        ["export", weighted, "--questionnaire", q, "--format", "sav", "--format", "r",
         "--out", str(tmp_path / "spss")],
    ]  # fmt: skip
    for argv in steps:
        assert run(argv) == 0, argv
    script = (tmp_path / "spss" / "mini_2021_vi.R").read_text(encoding="utf-8")
    assert "rake(design, list(~stratum, ~rake_sex, ~rake_stratum_sex)" in script
    assert "trimWeights(design, upper = 7.5, strict = TRUE)" in script
    out = tmp_path / "table.csv"
    proc = subprocess.run(
        ["Rscript", "mini_2021_vi.R"], cwd=tmp_path / "spss", capture_output=True, text=True,
        timeout=300, env={**os.environ, "SURVEY_TABLE_OUT": str(out)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    r_table = pd.read_csv(out)
    cells = pd.read_parquet(tmp_path / "tables" / "2021.cells.parquet")
    ours = cells[(cells["banner"] == "total") & (cells["variable"] == "aware")]
    ours = ours.set_index("row_code").loc[r_table["code"]]
    assert r_table["proportion"].to_numpy() == pytest.approx(ours["prop"].to_numpy(), rel=1e-9)
    assert r_table["se"].to_numpy() == pytest.approx(ours["se"].to_numpy(), rel=1e-6)


def test_a_cluster_design_is_declared_as_the_weight_stage_built_it(tmp_path):
    """Members sampled through organisations (ids repeat across strata, 12 organisations per
    stratum): svydesign(ids = ~org, strata, fpc = ~org_count, nest = TRUE) in the .R gives the
    report's SEs; the .do and the SPSS plan carry the same stages."""
    q = str(FIXTURES / "mini.yaml")
    frame = str(FIXTURES / "mini-frame.yaml")
    clean, weighted = tmp_path / "clean.parquet", str(tmp_path / "w.parquet")
    for argv in (
        ["simulate", q, "--frame", frame, "--n", "150", "--seed", "5",
         "--out", str(tmp_path / "raw.csv")],
        ["clean", str(tmp_path / "raw.csv"), "--questionnaire", q, "--key-file",
         str(tmp_path / "key"), "--out", str(clean)],
    ):  # fmt: skip
        assert run(argv) == 0, argv
    data, meta = read_dataset(clean)
    data["org"] = pd.array([i % 5 + 1 for i in range(len(data))], dtype="Int64")
    data["org_count"] = 12.0
    write_dataset(data, meta, clean)
    for argv in (
        ["weight", str(clean), "--questionnaire", q, "--frame", frame, "--cluster", "org",
         "--nest", "--cluster-fpc", "org_count", "--out", weighted],
        ["tabulate", weighted, "--questionnaire", q, "--out", str(tmp_path / "tables")],
        ["export", weighted, "--questionnaire", q, "--out", str(tmp_path / "spss")],
    ):  # fmt: skip
        assert run(argv) == 0, argv
    spss = tmp_path / "spss"
    script = (spss / "mini_2021_vi.R").read_text(encoding="utf-8")
    assert (
        "svydesign(ids = ~org, strata = ~stratum, fpc = ~org_count, weights = ~weight, "
        "nest = TRUE, data = d)" in script
    )
    do = (spss / "mini_2021_vi.do").read_text(encoding="utf-8")
    assert "svyset org [pweight=weight], strata(stratum) fpc(org_count)\n" in do
    plan = (spss / "mini_2021_vi.spss.sps").read_text(encoding="utf-8")
    assert "/DESIGN STRATA=stratum CLUSTER=org\n  /ESTIMATOR TYPE=EQUAL_WOR\n" in plan
    assert "/POPSIZE VARIABLE=org_count." in plan
    out = tmp_path / "table.csv"
    proc = subprocess.run(
        ["Rscript", "mini_2021_vi.R"], cwd=spss, capture_output=True, text=True,
        timeout=300, env={**os.environ, "SURVEY_TABLE_OUT": str(out)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    r_table = pd.read_csv(out)
    cells = pd.read_parquet(tmp_path / "tables" / "2021.cells.parquet")
    ours = cells[(cells["banner"] == "total") & (cells["variable"] == "aware")]
    ours = ours.set_index("row_code").loc[r_table["code"]]
    assert r_table["proportion"].to_numpy() == pytest.approx(ours["prop"].to_numpy(), rel=1e-9)
    assert r_table["se"].to_numpy() == pytest.approx(ours["se"].to_numpy(), rel=1e-6)


def _pspp(syntax: str, folder: Path) -> str:
    return run_pspp(syntax, folder)
