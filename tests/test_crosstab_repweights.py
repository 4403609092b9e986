"""`survey crosstab --repweights` and `survey compare-waves --repweights`: a file that brings
its own replicate weights is read as
R's svrepdesign reads it (type, scale, rscales, mse), on R's own replicate-weight files of
apiclus1 (JK1 with the FPC folded into the scale; R's bootstrap), against R's numbers."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from pipeline.cli.app import run

CORPUS = Path(__file__).parent / "corpus" / "r-survey"
ORACLES = json.loads(
    (Path(__file__).parent / "oracles" / "repweight_file_oracles.json").read_text()
)
BASE = ["crosstab", "--row", "sch.wide", "--col", "stype", "--weight", "pw", "--json"]


def crosstab_json(capsys, *args: str) -> dict:
    assert run([*BASE, *args]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def yes_column_percentages(table: dict) -> tuple[list[float], list[float]]:
    cells = {c["col_value"]: c for c in table["cells"] if c["row_value"] == "Yes"}
    levels = sorted(cells)
    return [cells[c]["col_pct"] for c in levels], [cells[c]["col_pct_se"] for c in levels]


def assert_matches_r(table: dict, oracle: dict) -> None:
    estimate, se = yes_column_percentages(table)
    assert estimate == pytest.approx(oracle["yes"], rel=1e-9)
    assert se == pytest.approx(oracle["yes_se"], rel=1e-9)
    rao_scott = table["tests"]["rao_scott"]
    got = [rao_scott["F"], rao_scott["df1"], rao_scott["df2"], rao_scott["p"]]
    assert got == pytest.approx([oracle[k] for k in ("F", "df1", "df2", "p")], rel=1e-9)


def test_jk1_replicate_weights_with_r_s_scale_and_rscales(capsys):
    oracle = ORACLES["jk1"]
    table = crosstab_json(
        capsys, str(CORPUS / "apiclus1_jk1.csv"), "--repweights", "jk[0-9]+",
        "--reptype", "JK1", "--scale", repr(oracle["scale"]), "--rscales", "1",
    )  # fmt: skip
    assert_matches_r(table, oracle)


@pytest.mark.parametrize("case", ["bootstrap", "bootstrap_mse"])
def test_r_s_bootstrap_replicate_weights(capsys, case):
    mse = ["--mse"] if case.endswith("mse") else []
    table = crosstab_json(
        capsys, str(CORPUS / "apiclus1_boot.csv"), "--repweights", "repw[0-9]+",
        "--reptype", "bootstrap", *mse,
    )  # fmt: skip
    assert_matches_r(table, ORACLES[case])


def test_a_jk1_file_without_its_scale_is_not_the_fpc_design(capsys):
    """Without --scale the JK1 default (R-1)/R ignores the FPC R folded into the scale."""
    table = crosstab_json(
        capsys, str(CORPUS / "apiclus1_jk1.csv"), "--repweights", "jk[0-9]+", "--reptype", "JK1"
    )
    _, se = yes_column_percentages(table)
    ratio = (1 - 15 / 757) ** 0.5  # R's scale is (1 - f)(R - 1)/R
    assert [s * ratio for s in se] == pytest.approx(ORACLES["jk1"]["yes_se"], rel=1e-9)


def test_live_r_reads_the_replicate_weight_file_as_we_do(capsys):
    script = f"""
suppressMessages(library(survey))
d <- read.csv("{CORPUS / "apiclus1_boot.csv"}")
des <- svrepdesign(data = d, repweights = "repw[0-9]+", weights = ~pw, type = "Fay",
                   rho = 0.3)
t <- svychisq(~sch.wide + stype, des, statistic = "F")
cat(format(c(t$statistic, t$parameter, t$p.value), digits = 17), sep = "\\n")
"""
    done = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    r = [float(x) for x in done.stdout.split()]
    table = crosstab_json(
        capsys, str(CORPUS / "apiclus1_boot.csv"), "--repweights", "repw[0-9]+",
        "--reptype", "Fay", "--rho", "0.3",
    )  # fmt: skip
    rs = table["tests"]["rao_scott"]
    assert [rs["F"], rs["df1"], rs["df2"], rs["p"]] == pytest.approx(r, rel=1e-9)


def test_replicate_weights_with_strata_or_a_pattern_matching_nothing_are_refused(capsys):
    path = str(CORPUS / "apiclus1_jk1.csv")
    assert run([*BASE, path, "--repweights", "jk", "--cluster", "dnum"]) == 2
    err = capsys.readouterr().err
    assert "--repweights carries the design" in err and len(err.strip().splitlines()) == 1
    assert run([*BASE, path, "--repweights", "nothing[0-9]", "--reptype", "JK1"]) == 2
    assert "no column matches the replicate weights pattern" in capsys.readouterr().err


def test_compare_waves_stacks_two_replicate_weight_files_as_r_does(capsys):
    """apiclus1 (15 JK1 replicates) against apiclus2 (40): R's svrepdesign of the files
    stacked with block replicate weights, each wave's replicates with its own scale."""
    oracle = ORACLES["compare_jk1"]
    argv = ["compare-waves", str(CORPUS / "apiclus1_jk1.csv"), str(CORPUS / "apiclus2_jk1.csv"),
            "--var", "sch.wide", "--weight", "pw", "--repweights", "^jk[0-9]+$",
            "--reptype", "JK1", "--json"]  # fmt: skip
    assert run(argv) == 0, capsys.readouterr().err
    result = json.loads(capsys.readouterr().out)
    yes = next(level for level in result["levels"] if level["level"] == "Yes")
    assert [yes["wave_a"], yes["wave_b"]] == pytest.approx(oracle["yes"], rel=1e-9)
    assert [yes["diff"], yes["diff_se"]] == pytest.approx(
        [oracle["diff"], oracle["diff_se"]], rel=1e-9
    )
    rs = result["rao_scott"]
    assert [rs["F"], rs["df1"], rs["df2"], rs["p"]] == pytest.approx(
        [oracle[k] for k in ("F", "df1", "df2", "p")], rel=1e-9
    )


def test_a_replicate_scale_without_replicate_weights_is_refused_by_every_command(capsys):
    path = str(CORPUS / "apiclus1_jk1.csv")
    for option in (["--scale", "0.5"], ["--rho", "0.3"], ["--rscales", "1"]):
        assert run([*BASE, path, *option]) == 2
        err = capsys.readouterr().err
        assert "--scale, --rscales and --rho go with --repweights" in err
        assert len(err.strip().splitlines()) == 1
    compare = ["compare-waves", path, path, "--var", "stype", "--scale", "0.5"]
    assert run(compare) == 2
    assert "go with --repweights" in capsys.readouterr().err
