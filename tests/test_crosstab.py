"""Cross-tabs and their tests against R: svychisq (F, Chisq, Wald, adjWald), svyby column
proportions with their covariance, svytable, chisq.test, fisher.test, p.adjust(BH); and the
`survey crosstab` command."""

from __future__ import annotations

import json
import subprocess

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.statistics import crosstab as xt
from pipeline.statistics.survey import Survey

from .conftest import ORACLES, REL, close

STATISTICS = {"F": "rao_scott", "Chisq": "first_order", "Wald": "wald", "adjWald": "adj_wald"}


def load(name: str) -> dict:
    return json.loads((ORACLES / name).read_text())


def check_svychisq(ct: xt.CrossTab, expected: dict, statistics=STATISTICS) -> None:
    for r_name, ours in statistics.items():
        if r_name not in expected:
            continue
        test = getattr(ct, ours)
        o = expected[r_name]
        close(test.statistic, o["statistic"])
        df = [test.df1] if test.df2 is None else [test.df1, test.df2]
        close(df, o["parameter"])
        close(test.p, o["p"])


# ---- svychisq ------------------------------------------------------------------------------


def test_every_svychisq_statistic_on_apistrat(api):
    df, design = api
    check_svychisq(
        xt.crosstab(design, df["sch.wide"], df["stype"]),
        load("apistrat_oracles.json")["svychisq_sch_wide_stype"],
    )


def test_the_survey_holds_its_data_so_columns_can_be_named(api):
    df, survey = api
    check_svychisq(
        xt.crosstab(survey, "sch.wide", "stype"),
        load("apistrat_oracles.json")["svychisq_sch_wide_stype"],
    )


def test_a_misaligned_series_is_an_error_naming_both(api):
    # Sorting reorders the index: the values no longer belong to the survey's rows.
    df, survey = api
    with pytest.raises(InputError, match="Series 'sch.wide'.*survey's data"):
        xt.crosstab(survey, df.sort_values("api00")["sch.wide"], df["stype"])


def test_an_unknown_column_name_is_an_error(api):
    _, survey = api
    with pytest.raises(InputError, match="no column 'nope'"):
        xt.crosstab(survey, "nope", "stype")


def test_rao_scott_without_fpc(api):
    df, _ = api
    design = Survey.from_weights(df, weight="pw", strata="stype")
    check_svychisq(
        xt.crosstab(design, df["sch.wide"], df["stype"]),
        load("apistrat_oracles.json")["svychisq_sch_wide_stype_nofpc"],
    )


def test_awards_by_both_matches_live_r(api, oracle):
    df, design = api
    check_svychisq(xt.crosstab(design, df["awards"], df["both"]), oracle["api_awards_both"])


def test_shared_awards_both_oracle_is_awards_by_comp_imp(api, oracle):
    # The shared oracle's "svychisq_awards_both" holds R's number for awards x comp.imp
    # (R gives F = 2524 for awards x both, whose table is diagonal).
    df, design = api
    ct = xt.crosstab(design, df["awards"], df["comp.imp"])
    check_svychisq(ct, load("apistrat_oracles.json")["svychisq_awards_both"])
    check_svychisq(ct, oracle["api_awards_comp_imp"])


def test_svychisq_with_missing_values_keeps_the_design(oracle):
    df = pd.read_csv(ORACLES / "apistrat_na.csv")
    design = Survey.from_weights(df, weight="pw", strata="stype", population="fpc")
    check_svychisq(
        xt.crosstab(design, df["sch.wide"], df["meals_hi"]),
        oracle["api_na"]["chisq_sch_wide_meals"],
    )


@pytest.mark.parametrize("option", ["adjust", "certainty"])
def test_svychisq_with_a_lonely_psu(oracle, option):
    df = pd.read_csv(ORACLES / "apistrat_lonely.csv")
    design = Survey.from_weights(
        df, weight="pw", strata="stype", population="fpc", lonely_psu=option
    )
    check_svychisq(
        xt.crosstab(design, df["sch.wide"], df["awards"]),
        oracle["lonely"][option]["chisq_sch_wide_awards"],
    )


@pytest.mark.parametrize("pair", [("q1", "age"), ("q3", "gender"), ("q2", "gender")])
def test_svychisq_on_the_five_stratum_survey(synth, oracle, pair):
    kind, df, design = synth
    row, col = pair
    check_svychisq(
        xt.crosstab(design, df[row], df[col]), oracle["synth5"][kind][f"chisq_{row}_{col}"]
    )


# ---- cells ---------------------------------------------------------------------------------


def test_weighted_counts_match_svytable(synth, oracle):
    kind, df, design = synth
    ct = xt.crosstab(design, df["q3"], df["age"])
    close(ct.weighted.T, oracle["synth5"][kind]["table_q3_age"])


def test_column_proportions_match_svyby(synth, oracle):
    kind, df, design = synth
    for row in ("q1", "q3"):
        ct = xt.crosstab(design, df[row], df["age"])
        o = oracle["synth5"][kind][f"by_{row}_age"]
        close(ct.col_prop, o["estimate"])
        close(ct.col_prop_se, o["se"])


def test_column_proportion_covariance_matches_svyby_covmat(synth, oracle):
    kind, df, design = synth
    ct = xt.crosstab(design, df["q1"], df["gender"])
    o = oracle["synth5"][kind]["by_q1_gender"]
    close(ct.col_prop, o["estimate"])
    np.testing.assert_allclose(ct.col_prop_vcov, np.array(o["vcov"]), rtol=REL, atol=1e-14)


def expected_letters(p, vcov, nr, nc, df, alpha=0.05):
    """Letters from R's svyby estimates and covariance, Bonferroni within each row."""
    pairs = [(a, b) for a in range(nc) for b in range(a + 1, nc)]
    out = []
    for r in range(nr):
        cell = [set() for _ in range(nc)]
        for a, b in pairs:
            ia, ib = r * nc + a, r * nc + b
            diff = p[ia] - p[ib]
            se = np.sqrt(vcov[ia, ia] + vcov[ib, ib] - 2 * vcov[ia, ib])
            padj = min(1.0, 2 * stats.t.sf(abs(diff / se), df) * len(pairs))
            if padj < alpha:
                cell[a if diff > 0 else b].add("ABCDEFGH"[b if diff > 0 else a])
        out.append(["".join(sorted(s)) for s in cell])
    return out


def test_column_letters_follow_r_covariances(api, oracle):
    df, design = api
    ct = xt.crosstab(design, df["sch.wide"], df["stype"])
    o = oracle["api_by_sch_wide_stype"]
    want = expected_letters(o["estimate"], np.array(o["vcov"]), 2, 3, design.df)
    assert ct.letters == want
    assert ct.letters == [["", "A", "A"], ["BC", "", ""]]


def test_column_letters_on_the_five_stratum_survey(oracle):
    df = pd.read_csv(ORACLES / "synth5.csv")
    design = Survey.stratified(df, strata="stratum", population="N_h")
    ct = xt.crosstab(design, df["q1"], df["gender"])
    o = oracle["synth5"]["fpc"]["by_q1_gender"]
    want = expected_letters(o["estimate"], np.array(o["vcov"]), 5, 2, design.df)
    assert ct.letters == want
    assert any(cell for row in want for cell in row)


def test_small_base_flags_columns_below_the_threshold(api):
    df, design = api
    ct = xt.crosstab(design, df["sch.wide"], df["stype"], min_base=51)
    assert ct.col_base.tolist() == [100, 50, 50]
    assert ct.small_base.tolist() == [False, True, True]


# ---- unweighted tests, effect size, multiplicity --------------------------------------------


def test_unweighted_pearson_matches_chisq_test(oracle):
    df = pd.read_csv(ORACLES / "synth5.csv")
    ct = xt.crosstab(Survey.simple(df), df["q1"], df["age"])
    o = oracle["unweighted"]["pearson_q1_age"]
    close([ct.pearson.statistic, ct.pearson.df1, ct.pearson.p], [o["statistic"], o["df"], o["p"]])


def test_fisher_exact_for_a_small_2x2(oracle):
    df = pd.read_csv(ORACLES / "synth5.csv")
    small = df[df["stratum"] == 5].reset_index(drop=True)
    ct = xt.crosstab(Survey.simple(small), small["q2"], small["gender"])
    o = oracle["unweighted"]["fisher_q2_gender_stratum5"]
    assert ct.n.T.ravel().tolist() == o["table"]
    assert ct.fisher_advised
    close(ct.fisher.p, o["p"])


def test_cramers_v_by_hand():
    # Weighted table [[30, 10], [10, 30]]: phi² = 0.25, V = 0.5.
    rows = np.array([0, 0, 1, 1])
    cols = np.array([0, 1, 0, 1])
    design = Survey.from_weights(pd.DataFrame({"w": [30.0, 10, 10, 30]}), weight="w")
    assert xt.crosstab(design, rows, cols).cramers_v == pytest.approx(0.5, rel=1e-12)


def test_bh_adjust_matches_p_adjust(oracle):
    o = oracle["unweighted"]["bh"]
    p = [np.nan if v == "NA" else v for v in o["p"]]
    want = [np.nan if v == "NA" else v for v in o["adjusted"]]
    np.testing.assert_allclose(xt.bh_adjust(p), want, rtol=REL)


# ---- the command ---------------------------------------------------------------------------


def test_crosstab_json_command(capsys, oracle):
    code = run(
        [
            "crosstab",
            str(ORACLES / "synth5.csv"),
            "--row",
            "q3",
            "--col",
            "age",
            "--strata",
            "stratum",
            "--fpc",
            "N_h",
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    o = oracle["synth5"]["fpc"]
    assert out["row"] == "q3" and out["col"] == "age"
    assert out["n"] == 1294
    assert [c["row_value"] for c in out["cells"][:3]] == ["1", "1", "1"]
    assert [c["col_value"] for c in out["cells"][:3]] == ["1", "2", "3"]
    close([c["col_pct"] for c in out["cells"]], o["by_q3_age"]["estimate"])
    close([c["col_pct_se"] for c in out["cells"]], o["by_q3_age"]["se"])
    close(
        [c["weighted_n"] for c in out["cells"]], np.array(o["table_q3_age"]).reshape(3, 4).T.ravel()
    )
    rs = out["tests"]["rao_scott"]
    f = o["chisq_q3_gender"]  # a different pair: only check the shape here
    assert set(rs) == {"F", "df1", "df2", "p"} and set(f) >= {"F"}
    assert set(out["tests"]["pearson"]) == {"chisq", "df", "p"}
    assert isinstance(out["tests"]["pearson"]["df"], int)


def test_crosstab_json_tests_match_svychisq(capsys, oracle):
    code = run(
        [
            "crosstab",
            str(ORACLES / "synth5.csv"),
            "--row",
            "q1",
            "--col",
            "age",
            "--strata",
            "stratum",
            "--weight",
            "weight",
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    o = oracle["synth5"]["nofpc"]["chisq_q1_age"]["F"]
    rs = out["tests"]["rao_scott"]
    close([rs["F"], rs["df1"], rs["df2"], rs["p"]], [o["statistic"], *o["parameter"], o["p"]])


def test_crosstab_table_says_simulated(capsys):
    code = run(
        [
            "crosstab",
            str(ORACLES / "synth5.csv"),
            "--row",
            "q2",
            "--col",
            "gender",
            "--strata",
            "stratum",
            "--fpc",
            "N_h",
        ]
    )
    assert code == 0
    assert "SIMULATED DATA" in capsys.readouterr().out


def test_crosstab_reads_parquet_and_xlsx(tmp_path, capsys):
    df = pd.read_csv(ORACLES / "synth5.csv")
    outputs = []
    for name, write in [("s.parquet", df.to_parquet), ("s.xlsx", df.to_excel)]:
        path = tmp_path / name
        write(path, index=False)
        assert (
            run(
                [
                    "crosstab",
                    str(path),
                    "--row",
                    "q2",
                    "--col",
                    "gender",
                    "--strata",
                    "stratum",
                    "--fpc",
                    "N_h",
                    "--json",
                ]
            )
            == 0
        )
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]


def test_missing_column_is_named(capsys):
    code = run(["crosstab", str(ORACLES / "synth5.csv"), "--row", "q9", "--col", "age"])
    assert code == 2
    err = capsys.readouterr().err
    assert "synth5.csv" in err and "column q9" in err


def test_unreadable_file_is_named(tmp_path, capsys):
    bad = tmp_path / "broken.parquet"
    bad.write_text("not parquet")
    assert run(["crosstab", str(bad), "--row", "a", "--col", "b"]) == 2
    assert "broken.parquet" in capsys.readouterr().err


# ---- live R, so the fixtures cannot drift ---------------------------------------------------


def test_live_r_svychisq_and_svyby_agree(tmp_path):
    df = pd.read_csv(ORACLES / "synth5.csv").head(300)
    path = tmp_path / "small.csv"
    df.to_csv(path, index=False)
    script = f"""
suppressMessages(library(survey))
d <- read.csv("{path}")
des <- svydesign(id=~1, strata=~stratum, weights=~weight, fpc=~N_h, data=d)
t <- svychisq(~q3+age, des)
b <- svyby(~factor(q3), ~age, des, svymean, na.rm=TRUE)
se <- as.numeric(as.matrix(SE(b)))
cat(format(c(t$statistic, t$parameter, t$p.value, coef(b), se), digits=17), sep="\\n")
"""
    res = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    r = np.array([float(x) for x in res.stdout.split()])
    design = Survey.stratified(df, strata="stratum", population="N_h")
    ct = xt.crosstab(design, df["q3"], df["age"])
    close([ct.rao_scott.statistic, ct.rao_scott.df1, ct.rao_scott.df2, ct.rao_scott.p], r[:4])
    k = ct.col_prop.size
    close(ct.col_prop.ravel(), r[4 : 4 + k])
    close(ct.col_prop_se.ravel(), r[4 + k : 4 + 2 * k])


def test_a_variable_crossed_with_itself_is_refused_in_one_line(capsys):
    argv = ["crosstab", str(ORACLES / "synth5.csv"), "--row", "q3", "--col", "q3",
            "--strata", "stratum", "--fpc", "N_h"]  # fmt: skip
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert "--row and --col both name 'q3'" in err and len(err.strip().splitlines()) == 1
