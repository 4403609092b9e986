"""Exports of data weighted with the replicate weights they brought: the R loader declares
R's svrepdesign with the recorded options and gives the report's numbers (run with Rscript),
the .do declares svyset with the replicate weights, and the SPSS syntax says Complex Samples
cannot use them instead of writing a plan that would describe another design."""

from __future__ import annotations

import os
import subprocess
import warnings

import numpy as np
import pandas as pd
import pytest
import yaml

from pipeline.cli.app import run
from pipeline.readers.dataset import read_dataset, write_dataset
from pipeline.stages.export.plan import build_plan
from pipeline.stages.export.r_script import r_syntax
from pipeline.stages.export.spss import sps_syntax, spss_syntax
from pipeline.stages.export.stata import do_syntax

from .conftest import FIXTURES


def questionnaire_with_replicates(tmp_path, replicate_weights: dict) -> str:
    """mini.yaml whose design block names the sampling weight w and replicate weights."""
    spec = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    stratum = spec.pop("stratum")
    stratum["frame"] = str(FIXTURES / "mini-frame.yaml")
    spec["design"] = {"stratum": stratum, "weight": "w", "replicate_weights": replicate_weights}
    path = tmp_path / "replicated.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return str(path)


def with_jk1_weights(clean) -> None:
    """A sampling weight and JK1 replicate weights over 6 groups of respondents, as a file
    that brings them would (replicate k drops group k, the others × 6/5)."""
    rows, meta = read_dataset(clean)
    rows["w"] = np.where(rows["category"] == 1, 600 / 72, 400 / 48) * (1 + 0.2 * (rows["sex"] == 1))
    group = np.arange(len(rows)) % 6
    for k in range(6):
        rows[f"rw{k + 1}"] = np.where(group == k, 0.0, rows["w"] * 6 / 5)
    write_dataset(rows, meta, clean)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """simulate → clean → (replicate weights added) → weight → tabulate → export."""
    tmp = tmp_path_factory.mktemp("replicate_export")
    q = questionnaire_with_replicates(
        tmp, {"columns": "^rw[0-9]+$", "type": "JK1", "scale": 5 / 6, "mse": True}
    )
    raw, clean, weighted = tmp / "raw.csv", tmp / "clean.parquet", tmp / "w.parquet"
    assert run(["simulate", str(FIXTURES / "mini.yaml"), "--n", "120", "--seed", "4",
                "--fault-rate", "0", "--out", str(raw)]) == 0  # fmt: skip
    assert run(["clean", str(raw), "--questionnaire", q, "--key-file", str(tmp / "key"),
                "--out", str(clean)]) == 0  # fmt: skip
    with_jk1_weights(clean)
    for argv in (
        ["weight", str(clean), "--questionnaire", q, "--no-calibrate", "--out", str(weighted)],
        ["tabulate", str(weighted), "--questionnaire", q, "--out", str(tmp / "tables")],
        ["export", str(weighted), "--questionnaire", q, "--out", str(tmp / "spss")],
    ):
        assert run(argv) == 0, argv
    return tmp


def test_the_r_loader_declares_the_replicate_design_and_gives_the_report_s_numbers(exported):
    spss = exported / "spss"
    script = (spss / "mini_2021_vi.R").read_text(encoding="utf-8")
    assert (
        'svrepdesign(data = d, repweights = as.matrix(as.data.frame(d)[c("rw1", "rw2", "rw3", '
        '"rw4", "rw5", "rw6")]), weights = ~weight, type = "JK1", scale = 0.8333333333333334, '
        "mse = TRUE, combined.weights = TRUE)" in script
    )
    out = exported / "table.csv"
    proc = subprocess.run(
        ["Rscript", "mini_2021_vi.R"], cwd=spss, capture_output=True, text=True,
        timeout=300, env={**os.environ, "SURVEY_TABLE_OUT": str(out)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    r_table = pd.read_csv(out)
    cells = pd.read_parquet(exported / "tables" / "2021.cells.parquet")
    ours = cells[(cells["banner"] == "total") & (cells["variable"] == "aware")]
    ours = ours.set_index("row_code").loc[r_table["code"]]
    assert r_table["proportion"].to_numpy() == pytest.approx(ours["prop"].to_numpy(), rel=1e-9)
    assert r_table["se"].to_numpy() == pytest.approx(ours["se"].to_numpy(), rel=1e-9)


def test_the_tabulated_claims_carry_replicate_tests(exported):
    claims = pd.read_parquet(exported / "tables" / "2021.claims.parquet")
    assert len(claims) and claims["se"].notna().any()


def test_the_do_file_declares_the_replicate_weights_for_stata(exported):
    do = (exported / "spss" / "mini_2021_vi.do").read_text(encoding="utf-8")
    multipliers = " ".join([repr(5 / 6)] * 6)
    assert (
        "svyset [pweight=weight], jkrweight(rw1 rw2 rw3 rw4 rw5 rw6, "
        f"multiplier({multipliers})) vce(jackknife) mse\n" in do
    )
    assert "strata(" not in do


def test_the_spss_syntax_says_complex_samples_cannot_use_replicate_weights(exported):
    for name in ("mini_2021_vi.sps", "mini_2021_vi.spss.sps"):
        syntax = (exported / "spss" / name).read_text(encoding="utf-8")
        assert "CSPLAN ANALYSIS" not in syntax and "CSTABULATE" not in syntax
        assert "SPSS Complex Samples has no replicate-weight variance" in syntax
        assert "WEIGHT BY weight." in syntax
    assert (exported / "spss" / "mini_2021_vi.sav").exists()


# ---- the other replicate types, from the recorded design -------------------------------------


def plan_with(mini, replicates: dict, n_replicates: int = 4):
    from .test_export_stata import mini_responses

    data = mini_responses()
    weights = data["_weight"].to_numpy(dtype=float)
    factors = {f"rep_{k + 1}": weights * (0.5 + k / 4) for k in range(n_replicates)}
    data = pd.concat([data.assign(w=weights), pd.DataFrame(factors, index=data.index)], axis=1)
    design = {"options": {"replicates": {"pattern": "^rep_", **replicates}, "sampling_weight": "w"}}
    return build_plan(data, mini, simulated=True, design=design)


@pytest.mark.filterwarnings("ignore::pipeline.stages.export.plan.ExportWarning")
def test_brr_fay_and_bootstrap_use_stata_s_own_replicate_methods(mini):
    fay = plan_with(mini, {"type": "Fay", "rho": 0.3})
    assert fay.variable("rep_1").label == "Trọng số lặp"  # labelled, not an unknown column
    assert "brrweight(rep_1 rep_2 rep_3 rep_4) vce(brr) fay(0.3)\n" in do_syntax(fay, "x.dta")
    assert 'type = "Fay", rho = 0.3, mse = FALSE' in r_syntax(fay, {"vi": "x.sav"})
    boot = do_syntax(plan_with(mini, {"type": "bootstrap", "mse": True}), "x.dta")
    assert "bsrweight(rep_1 rep_2 rep_3 rep_4) vce(bootstrap) mse\n" in boot
    assert "Stata's bootstrap variance has its own scale" in boot


@pytest.mark.filterwarnings("ignore::pipeline.stages.export.plan.ExportWarning")
def test_multiplier_columns_become_analysis_weights_before_svyset(mini):
    plan = plan_with(mini, {"type": "JKn", "rscales": [0.5, 0.5, 1, 1], "combined": False})
    assert plan.design.replicates.scale == 1.0
    do = do_syntax(plan, "x.dta")
    assert "foreach v of varlist rep_1 rep_2 rep_3 rep_4 {\n    replace `v' = `v' * weight\n}" in do
    assert "multiplier(0.5 0.5 1.0 1.0)) vce(jackknife)\n" in do
    assert "rscales = c(0.5, 0.5, 1.0, 1.0)" in r_syntax(plan, {"vi": "x.sav"})
    assert "combined.weights = FALSE" in r_syntax(plan, {"vi": "x.sav"})
    for syntax in (spss_syntax(plan, "x.sav"), sps_syntax(plan, "x.sav")):
        assert "CSPLAN" not in syntax and "no complex-samples plan is written" in syntax


@pytest.mark.filterwarnings("ignore::pipeline.stages.export.plan.ExportWarning")
def test_many_replicate_columns_are_listed_over_short_lines_in_the_r_loader(mini):
    """R reads a script through its 4096-byte console buffer: 500 names on one line would be
    cut."""
    script = r_syntax(plan_with(mini, {"type": "bootstrap"}, 500), {"vi": "x.sav"})
    assert max(len(line) for line in script.splitlines()) < 200
    assert '"rep_1", "rep_2"' in script and '"rep_500")])' in script


def test_replicate_options_on_the_command_line_weight_as_the_design_block_does(
    exported, tmp_path
):
    spec = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    spec["stratum"]["frame"] = str(FIXTURES / "mini-frame.yaml")
    plain = tmp_path / "plain.yaml"
    plain.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "w.parquet"
    argv = ["weight", str(exported / "clean.parquet"), "--questionnaire", str(plain),
            "--no-calibrate", "--repweights", "^rw[0-9]+$", "--reptype", "JK1",
            "--scale", str(5 / 6), "--mse", "--sampling-weight", "w",
            "--out", str(out)]  # fmt: skip
    assert run(argv) == 0
    by_options, by_block = read_dataset(out), read_dataset(exported / "w.parquet")
    assert by_options[1]["design"]["replicates"] == by_block[1]["design"]["replicates"]
    pd.testing.assert_frame_equal(by_options[0], by_block[0])


def test_the_sampling_weight_brought_with_replicate_weights_is_labelled_as_one(mini):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plan = plan_with(mini, {"type": "JK1"})
    assert plan.variable("w").label == "Trọng số mẫu"
    unknown = [str(w.message) for w in caught if "not in the questionnaire" in str(w.message)]
    assert unknown == []


@pytest.mark.filterwarnings("ignore::pipeline.stages.export.plan.ExportWarning")
def test_hundreds_of_replicates_give_a_svyset_split_into_readable_lines(mini):
    do = do_syntax(plan_with(mini, {"type": "JK1"}, n_replicates=300), "x.dta")
    start = do.index("svyset")
    command_lines = do[start:].split("\n")
    command_lines = command_lines[: next(i for i, x in enumerate(command_lines)
                                         if not x.endswith("///")) + 1]  # fmt: skip
    assert len(command_lines) > 10
    assert max(len(x) for x in command_lines) <= 240
    joined = " ".join(x.removesuffix(" ///").strip() for x in command_lines)
    names = " ".join(f"rep_{k + 1}" for k in range(300))
    assert joined.startswith(f"svyset [pweight=weight], jkrweight({names}, multiplier(")
    assert joined.endswith(") vce(jackknife)")
