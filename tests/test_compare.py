"""The wave comparison: stacked two-wave estimates, differences and Rao-Scott tests match R's
survey package; the panel-overlap covariance matches a hand computation; harmonised items are
recoded onto common codes; the outputs (workbook, parquet, JSON, charts) are complete,
marked as simulated and deterministic."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
import yaml

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.model.harmonize import load_harmonization
from pipeline.readers.dataset import write_dataset
from pipeline.stages.compare.comparison import WaveInput
from pipeline.stages.compare.waves import compare_files, compare_waves, write_comparison
from pipeline.statistics import estimate
from pipeline.statistics.survey import Survey
from pipeline.statistics.waves import (
    compare_means,
    compare_proportions,
    find_links,
    stack_waves,
    wave_test,
)

ORACLES = Path(__file__).parent / "oracles" / "compare"
FIXTURES = Path(__file__).parent / "fixtures"
R_ORACLES = json.loads((ORACLES / "compare_oracles.json").read_text(encoding="utf-8"))
CASES = ("fpc5", "fpc5_missing", "nofpc_missing")


def close(actual, expected, rel=1e-6):
    np.testing.assert_allclose(np.asarray(actual, float), np.asarray(expected, float), rtol=rel)


def case_args(case: str) -> list[str]:
    args = ["--var", "var", "--strata", "stratum", "--weight", "w"]
    return args + (["--fpc", "fpc"] if R_ORACLES[case]["fpc"] else [])


def case_stack(case: str):
    frames = {w: pd.read_csv(ORACLES / f"{case}_{w}.csv") for w in ("a", "b")}
    fpc = "fpc" if R_ORACLES[case]["fpc"] else None
    return stack_waves(frames, strata="stratum", weight="w", fpc=fpc)


# ---- R's survey package: svyby + svycontrast + svychisq on the stacked design ---------------


@pytest.mark.parametrize("case", CASES)
def test_compare_waves_json_matches_r(case, capsys):
    a, b = ORACLES / f"{case}_a.csv", ORACLES / f"{case}_b.csv"
    assert run(["compare-waves", str(a), str(b), *case_args(case), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    r = R_ORACLES[case]["overall"]
    assert list(out) == ["var", "levels", "rao_scott"]
    assert [lv["level"] for lv in out["levels"]] == r["levels"] == ["1", "2", "3", "4"]
    close([lv["wave_a"] for lv in out["levels"]], r["wave_a"])
    close([lv["wave_b"] for lv in out["levels"]], r["wave_b"])
    close([lv["diff"] for lv in out["levels"]], r["diff"])
    close([lv["diff_se"] for lv in out["levels"]], r["diff_se"])
    close([lv["diff_ci"][0] for lv in out["levels"]], r["diff_ci_low"])
    close([lv["diff_ci"][1] for lv in out["levels"]], r["diff_ci_high"])
    rs = out["rao_scott"]
    close([rs["F"], rs["df1"], rs["df2"], rs["p"]], [r["rao_scott"][k] for k in rs])


@pytest.mark.parametrize("case", CASES)
def test_wave_ses_and_mean_score_difference_match_r(case):
    stacked = case_stack(case)
    r = R_ORACLES[case]["overall"]
    d = compare_proportions(stacked, stacked.data["var"], [1, 2, 3, 4], "a", "b")
    close(d.se_a, r["se_a"])
    close(d.se_b, r["se_b"])
    assert d.df == r["df"] == stacked.design.df
    m = compare_means(stacked, stacked.data["var"], "a", "b")
    close([m.est_a[0], m.est_b[0], m.diff[0], m.diff_se[0]], list(r["mean"].values()))


@pytest.mark.parametrize("case", CASES)
def test_domain_within_a_category_matches_r_subset(case):
    """A member-category domain keeps the full stacked design (R: subset(design, cat == x))."""
    stacked = case_stack(case)
    r = R_ORACLES[case]["domain_x"]
    domain = (stacked.data["cat"] == "x").to_numpy()
    d = compare_proportions(stacked, stacked.data["var"], [1, 2, 3, 4], "a", "b", domain=domain)
    close(d.est_a, r["wave_a"])
    close(d.est_b, r["wave_b"])
    close(d.diff_se, r["diff_se"])
    close(d.diff_ci[:, 0], r["diff_ci_low"])
    close(d.diff_ci[:, 1], r["diff_ci_high"])
    assert d.df == r["df"]
    t = wave_test(stacked, stacked.data["var"], [1, 2, 3, 4], domain)
    close([t.statistic, t.df1, t.df2, t.p], [r["rao_scott"][k] for k in ("F", "df1", "df2", "p")])
    m = compare_means(stacked, stacked.data["var"], "a", "b", domain=domain)
    close([m.est_a[0], m.est_b[0], m.diff[0], m.diff_se[0]], list(r["mean"].values()))


def test_live_r_agrees_on_a_fresh_case(tmp_path, capsys):
    rng = np.random.default_rng(7)
    paths = []
    for name, n, shift in (("a", 90, 0.0), ("b", 80, 0.4)):
        stratum = rng.integers(1, 4, n)
        df = pd.DataFrame(
            {
                "stratum": stratum,
                "w": rng.uniform(2, 6, n),
                "N": np.array([400, 300, 250])[stratum - 1],
                "q": np.digitize(rng.normal(shift, 1, n), [-0.5, 0.5]).astype(float),
            }
        )
        df.loc[rng.random(n) < 0.1, "q"] = np.nan
        paths.append(tmp_path / f"{name}.csv")
        df.to_csv(paths[-1], index=False)
    script = f"""
suppressMessages(library(survey))
s <- rbind(cbind(wave="a", read.csv("{paths[0]}")), cbind(wave="b", read.csv("{paths[1]}")))
des <- svydesign(id=~1, strata=~interaction(wave, stratum), weights=~w, fpc=~N, data=s)
b <- svyby(~factor(q), ~wave, subset(des, !is.na(q)), svymean, covmat=TRUE)
con <- svycontrast(b, list(l0=c(-1,1,0,0,0,0), l1=c(0,0,-1,1,0,0), l2=c(0,0,0,0,-1,1)))
t <- svychisq(~q+wave, des)
cat(format(c(coef(con), SE(con), t$statistic, t$parameter, t$p.value), digits=17), sep="\\n")
"""
    res = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    r = np.array([float(x) for x in res.stdout.split()])
    args = ["--var", "q", "--strata", "stratum", "--weight", "w", "--fpc", "N", "--json"]
    assert run(["compare-waves", str(paths[0]), str(paths[1]), *args]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [lv["level"] for lv in out["levels"]] == ["0", "1", "2"]
    close([lv["diff"] for lv in out["levels"]], r[0:3])
    close([lv["diff_se"] for lv in out["levels"]], r[3:6])
    rs = out["rao_scott"]
    close([rs["F"], rs["df1"], rs["df2"], rs["p"]], r[6:10])


# ---- panel overlap: the covariance by hand --------------------------------------------------


def tiny_panel() -> dict[str, pd.DataFrame]:
    """One stratum, N = 10 in both waves. Wave a: 4 respondents (weights 2.5), wave b: 5
    (weights 2); members A1, A2, A3 answer both waves."""
    a = pd.DataFrame({"id": ["A1", "A2", "A3", "A4"], "h": 1, "w": 2.5, "N": 10, "y": [1, 0, 1, 1]})
    b = pd.DataFrame(
        {"id": ["A1", "A2", "A3", "B4", "B5"], "h": 1, "w": 2.0, "N": 10, "y": [1, 1, 0, 0, 1]}
    )
    return {"a": a, "b": b}


def test_panel_covariance_matches_the_hand_computation():
    """Proportion with y = 1: p_a = 3/4, p_b = 3/5. Influence values z = w (y - p) / W:
    wave a .25 (y - .75) = (.0625, -.1875, .0625, .0625), wave b .2 (y - .6) =
    (.08, .08, -.12, -.12, .08). Linked pairs (A1, A2, A3): z_a = (.0625, -.1875, .0625),
    mean -.0625/3; z_b = (.08, .08, -.12), mean .04/3. Centred cross-products:
    (1/12)(1/15) + (-1/6)(1/15) + (1/12)(-2/15) = -1/60. Factor c = (m - n_a n_b / N) / (m - 1)
    = (3 - 4·5/10) / 2 = 1/2, so Cov = -1/120.
    V_a = (1 - 4/10)·p(1 - p)/(n - 1) = .6 · .1875 / 3 = .0375; V_b = .5 · .24 / 4 = .03."""
    stacked = stack_waves(tiny_panel(), strata="h", weight="w", fpc="N", id_column="id")
    links = find_links(stacked, "a", "b")
    assert links.n_linked == 3
    assert links.method() == "panel overlap: 3 linked members"
    close(links.factor, [0.5])
    d = compare_proportions(stacked, stacked.data["y"], [0, 1], "a", "b", links=links)
    close(d.est_a, [0.25, 0.75])
    close(d.est_b, [0.4, 0.6])
    close(d.se_a**2, [0.0375, 0.0375])
    close(d.se_b**2, [0.03, 0.03])
    close(d.cov, [-1 / 120, -1 / 120])
    close(d.diff_se**2, [0.0375 + 0.03 + 2 / 120] * 2)
    independent = compare_proportions(stacked, stacked.data["y"], [0, 1], "a", "b")
    close(independent.diff_se**2, [0.0675, 0.0675])


def test_panel_without_fpc_drops_the_chance_overlap_term():
    """Without FPC, c = m / (m - 1) = 3/2: Cov = 1.5 · (-1/60) = -1/40."""
    stacked = stack_waves(tiny_panel(), strata="h", weight="w", fpc=None, id_column="id")
    links = find_links(stacked, "a", "b")
    close(links.factor, [1.5])
    d = compare_proportions(stacked, stacked.data["y"], [0, 1], "a", "b", links=links)
    close(d.cov, [-1 / 40, -1 / 40])


def test_a_complete_panel_with_the_same_answers_has_no_change_and_no_error():
    """Same members, same answers: Cov equals each wave's variance, so the SE of the
    difference is 0 (the stratified variance formula is the covariance's special case)."""
    rng = np.random.default_rng(3)
    a = pd.DataFrame(
        {
            "id": [f"M{i}" for i in range(30)],
            "h": np.repeat([1, 2], 15),
            "w": rng.uniform(1, 3, 30),
            "N": np.repeat([100, 80], 15),
            "y": rng.integers(1, 4, 30),
        }
    )
    stacked = stack_waves({"a": a, "b": a.copy()}, strata="h", weight="w", fpc="N", id_column="id")
    links = find_links(stacked, "a", "b")
    d = compare_proportions(stacked, stacked.data["y"], [1, 2, 3], "a", "b", links=links)
    close(d.cov, d.se_a**2)
    np.testing.assert_allclose(d.diff_se**2, 0, atol=1e-15)


def test_members_who_moved_stratum_are_counted_and_not_linked():
    frames = tiny_panel()
    frames["b"] = frames["b"].assign(h=[2, 1, 1, 1, 2], N=10)
    frames["a"] = frames["a"].assign(h=[2, 1, 1, 2])
    stacked = stack_waves(frames, strata="h", weight="w", fpc="N", id_column="id")
    links = find_links(stacked, "a", "b")
    # A1 stays in stratum 2, but is the only one there: no covariance estimable.
    assert (links.n_linked, links.moved, links.single) == (3, 0, 1)
    frames["b"] = frames["b"].assign(h=[1, 2, 1, 1, 2])
    links = find_links(
        stack_waves(frames, strata="h", weight="w", fpc="N", id_column="id"), "a", "b"
    )
    assert links.moved == 2 and links.n_linked == 1


def test_duplicate_linking_id_in_one_wave_is_an_input_error():
    frames = tiny_panel()
    frames["a"].loc[3, "id"] = "A1"
    with pytest.raises(InputError, match="more than once"):
        stack_waves(frames, strata="h", weight="w", fpc="N", id_column="id", files={"a": "a.csv"})


def test_compare_waves_with_id_reports_the_panel_method(tmp_path, capsys):
    for name, df in tiny_panel().items():
        df.to_csv(tmp_path / f"{name}.csv", index=False)
    args = ["--var", "y", "--strata", "h", "--weight", "w", "--fpc", "N"]
    files = [str(tmp_path / "a.csv"), str(tmp_path / "b.csv")]
    assert run(["compare-waves", *files, *args, "--id", "id", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["method"] == "panel overlap: 3 linked members"
    close([lv["diff_se"] ** 2 for lv in out["levels"]], [0.0675 + 2 / 120] * 2)
    assert run(["compare-waves", *files, *args]) == 0
    assert "independent samples" in capsys.readouterr().out


def test_compare_waves_missing_column_names_the_file(tmp_path, capsys):
    for name, df in tiny_panel().items():
        df.to_csv(tmp_path / f"{name}.csv", index=False)
    code = run(["compare-waves", str(tmp_path / "a.csv"), str(tmp_path / "b.csv"), "--var", "zz"])
    assert code == 2
    err = capsys.readouterr().err
    assert "a.csv" in err and "zz" in err


# ---- harmonised waves: the mini questionnaire in two versions -------------------------------


def mini_waves(tmp_path: Path) -> Path:
    """Wave 2021 is the mini questionnaire; 2023 reverses the effect scale, renames eff_train
    to eff_training and adds the question `online`. Returns the map's path."""
    shutil.copy(FIXTURES / "mini-frame.yaml", tmp_path / "mini-frame.yaml")
    q21 = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    (tmp_path / "q2021.yaml").write_text(yaml.safe_dump(q21, allow_unicode=True), "utf-8")
    q23 = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    q23["wave"] = "2023"
    effect = q23["choice_lists"]["effect"]["options"]
    substantive = [o for o in effect if not o.get("missing")]
    for o, new_code in zip(substantive, (4, 3, 2, 1), strict=True):
        o["code"] = new_code
    section_b = next(s for s in q23["sections"] if s["name"] == "B")
    grid = next(q for q in section_b["questions"] if q["name"] == "eff")
    grid["items"][1]["name"] = "eff_training"
    section_b["questions"].append(
        {"name": "online", "type": "single", "label": {"vi": "Trực tuyến", "en": "Online"},
         "choices": "yesno"}
    )  # fmt: skip
    (tmp_path / "q2023.yaml").write_text(yaml.safe_dump(q23, allow_unicode=True), "utf-8")
    reverse = {1: 4, 2: 3, 3: 2, 4: 1}
    items = [{"name": n} for n in ("category", "sex", "age", "phone", "aware", "eff_meet")]
    items += [
        {"name": "trust", "waves": {"2023": {"variable": "trust", "recode": reverse}}},
        {"name": "eff_train", "waves": {"2023": {"variable": "eff_training", "recode": reverse}},
         "note": {"vi": "=Đổi tên", "en": "=Renamed"}},
    ]  # fmt: skip
    items += [{"name": f"src_{c}"} for c in (1, 2, 3)]
    items += [{"name": "last_meeting"}, {"name": "comment"}]
    hmap = {
        "waves": ["2021", "2023"],
        "questionnaires": {"2021": "q2021.yaml", "2023": "q2023.yaml"},
        "items": items,
        "only_in": {"2023": ["online"]},
    }
    path = tmp_path / "map.yaml"
    path.write_text(yaml.safe_dump(hmap, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def mini_data(wave: str, n_per_stratum: tuple[int, int], ids: list[str], seed: int) -> WaveInput:
    rng = np.random.default_rng(seed)
    n = sum(n_per_stratum)
    strata = np.repeat([1, 2], n_per_stratum)
    eff = "eff_train" if wave == "2021" else "eff_training"
    data = pd.DataFrame(
        {
            "respondent_id": ids,
            "category": strata,
            "sex": rng.integers(1, 3, n),
            "aware": rng.choice([1, 2, 98], n, p=[0.6, 0.3, 0.1]),
            "trust": rng.choice([1, 2, 3, 4, 97], n),
            "eff_meet": rng.choice([1, 2, 3, 4], n),
            eff: rng.choice([1, 2, 3, 4, 97], n, p=[0.4, 0.3, 0.1, 0.1, 0.1]),
            "src_1": rng.integers(0, 2, n),
            "src_2": rng.integers(0, 2, n),
            "src_3": rng.integers(0, 2, n),
            "_simulated": 1,
        }
    ).astype({c: "Int64" for c in ("category", "sex", "aware", "trust", "eff_meet", eff)})
    if wave == "2023":
        data["online"] = rng.integers(1, 3, n)
    sizes = {1: 600.0, 2: 400.0}
    data["_stratum"] = strata
    data["_fpc"] = [sizes[s] for s in strata]
    data["_weight"] = [sizes[s] / n_per_stratum[s - 1] for s in strata]
    meta = {"wave": wave, "simulated": True, "design": {"options": {"fpc": True}}}
    return WaveInput(wave, data, meta, f"{wave}.weighted.parquet")


@pytest.fixture()
def mini_comparison(tmp_path):
    h = load_harmonization(mini_waves(tmp_path))
    shared = [f"S{i}" for i in range(20)]
    w21 = mini_data("2021", (40, 30), shared[:12] + [f"X{i}" for i in range(28)]
                    + shared[12:] + [f"Y{i}" for i in range(22)], 1)  # fmt: skip
    w23 = mini_data("2023", (35, 30), shared[:12] + [f"Z{i}" for i in range(23)]
                    + shared[12:] + [f"V{i}" for i in range(22)], 2)  # fmt: skip
    return h, [w21, w23], compare_waves(h, [w21, w23])


def test_recoded_renamed_item_is_estimated_on_the_common_codes(mini_comparison):
    """2023's eff_training code 4 means "very effective", code 1 of 2021: the wave-b share of
    level 1 is the weighted share of raw code 4 among the substantive answers."""
    h, (w21, w23), comparison = mini_comparison
    rows = comparison.rows
    mine = rows[(rows["scope"] == "overall") & (rows["item"] == "eff_train")]
    mine = mine[mine["kind"] == "proportion"].set_index("level")
    d = w23.data
    ok = d["eff_training"].isin([1, 2, 3, 4]).to_numpy()
    w = d["_weight"].to_numpy()
    for common, raw in ((1, 4), (2, 3), (3, 2), (4, 1)):
        share = w[ok & (d["eff_training"] == raw).to_numpy()].sum() / w[ok].sum()
        close(mine.loc[str(common), "est_b"], share)
    # Wave a alone, by the oracle-tested single-wave estimator: the stacked domain equals it.
    design = Survey.from_weights(w21.data, weight="_weight", strata="_stratum", population="_fpc")
    values = w21.data["eff_train"].astype(float).where(w21.data["eff_train"] != 97)
    single = estimate.proportions(design, values, levels=[1.0, 2.0, 3.0, 4.0])
    close(mine["est_a"], single.estimate)
    close(mine["se_a"], single.se)


def test_mean_score_difference_for_likert_items_only(mini_comparison):
    _, _, comparison = mini_comparison
    rows = comparison.rows
    with_mean = set(rows.loc[rows["kind"] == "mean", "item"])
    assert with_mean == {"trust", "eff_meet", "eff_train"}
    m = rows[(rows["kind"] == "mean") & (rows["scope"] == "overall") & (rows["item"] == "trust")]
    props = rows[(rows["kind"] == "proportion") & (rows["scope"] == "overall")]
    props = props[props["item"] == "trust"]
    codes = props["level"].astype(float).to_numpy()
    close(m["est_a"], [(codes * props["est_a"]).sum()])
    close(m["est_b"], [(codes * props["est_b"]).sum()])


def test_top_two_box_change_is_the_sum_of_the_first_two_levels_with_its_own_test(
    mini_comparison,
):
    """The top-2-box row: each wave's share is the sum of the first two levels' shares, the
    difference the sum of their differences; its SE comes from the indicator's own test."""
    _, _, comparison = mini_comparison
    rows = comparison.rows
    overall = rows[(rows["scope"] == "overall") & (rows["item"] == "eff_train")]
    top = overall[overall["kind"] == "top2"]
    assert len(top) == 1 and top["level"].iloc[0] == "top2"
    props = overall[(overall["kind"] == "proportion") & overall["level"].isin(["1", "2"])]
    close(top["est_a"], [props["est_a"].sum()])
    close(top["est_b"], [props["est_b"].sum()])
    close(top["diff"], [props["diff"].sum()])
    assert 0 < top["diff_se"].iloc[0] < props["diff_se"].sum()
    assert set(rows.loc[rows["kind"] == "top2", "item"]) == {"trust", "eff_meet", "eff_train"}


def test_items_in_one_wave_pii_and_non_categorical_are_listed_not_dropped(mini_comparison):
    _, _, comparison = mini_comparison
    assert comparison.one_wave_only == {"2021": [], "2023": ["online"]}
    reasons = {e["item"]: e["reason"] for e in comparison.not_compared}
    assert reasons == {
        "category": "stratum (fixed by the frame)",
        "age": "not categorical (integer)",
        "phone": "pii",
        "last_meeting": "not categorical (date)",
        "comment": "not categorical (text)",
    }
    overall = comparison.tests[comparison.tests["scope"] == "overall"]
    assert list(overall["item"]) == [
        "sex", "aware", "eff_meet", "trust", "eff_train", "src_1", "src_2", "src_3",
    ]  # fmt: skip


def test_panel_overlap_is_used_and_reported(mini_comparison):
    _, _, comparison = mini_comparison
    (pair,) = comparison.info["comparisons"]
    assert pair["method"] == "panel overlap: 20 linked members"
    assert pair["linked"] == 20


def test_bh_and_marks_follow_the_item_tests(mini_comparison):
    _, _, comparison = mini_comparison
    tests = comparison.tests
    for _, part in tests.groupby("scope"):
        part = part[part["p"].notna()]  # a test without variation (the stratum item) has no p
        p = part["p"].to_numpy()
        m = len(p)
        order = np.argsort(p)
        expected = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
        close(part["p_bh"].to_numpy()[order], np.minimum(expected, 1))
    rows = comparison.rows
    marked = rows[rows["mark"] != ""]
    assert (marked["p_bh"] < 0.05).all()
    assert ((marked["ci_low"] > 0) | (marked["ci_high"] < 0)).all()
    assert set(marked["mark"]) <= {"▲", "▼"}


def test_category_tables_are_domains_and_skip_the_category_item(mini_comparison):
    _, _, comparison = mini_comparison
    tests = comparison.tests
    assert sorted(set(tests["scope"])) == ["1", "2", "overall"]
    assert "category" not in set(tests.loc[tests["scope"] == "1", "item"])
    row = comparison.rows
    in_1 = row[(row["scope"] == "1") & (row["item"] == "sex") & (row["level"] == "1")]
    assert int(in_1["df"].iloc[0]) == 40 + 35 - 2  # respondents of category 1 minus 2 strata


def test_written_outputs_are_complete_marked_and_deterministic(mini_comparison, tmp_path):
    h, _, comparison = mini_comparison
    out = tmp_path / "waves"
    paths = write_comparison(comparison, h, out, "vi")
    wb = openpyxl.load_workbook(paths["workbook"])
    assert wb.sheetnames[0] == "Chung"
    assert len(wb.sheetnames) == 4  # overall, two categories, the lists
    sheet = wb["Chung"]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    texts = [c.value for c in cells]
    assert any(t.startswith("DỮ LIỆU MÔ PHỎNG") for t in texts)
    assert any("20 người trả lời cả hai đợt" in t for t in texts)
    # the map's note, as written, in a text cell a spreadsheet never evaluates
    note = [c for c in cells if c.value.startswith("=Đổi tên")]
    assert note and all(c.data_type == "s" and c.quotePrefix for c in note)
    parquet = pd.read_parquet(paths["rows"])
    assert len(parquet) == len(comparison.rows)
    document = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert document["info"]["simulated"] is True
    assert document["one_wave_only"]["2023"] == ["online"]
    assert "online" in paths["one_wave_only"].read_text(encoding="utf-8")
    charts = sorted((out / "charts").glob("*.png"))
    names = [c.name for c in charts]
    assert "differences-2021-2023-B.png" in names
    assert "slope-2021-2023-category-1.png" in names
    first = {c.name: c.read_bytes() for c in charts}
    assert all(b"Software" not in data and b"matplotlib" not in data for data in first.values())
    write_comparison(comparison, h, out, "vi")
    assert {c.name: c.read_bytes() for c in (out / "charts").glob("*.png")} == first


def test_survey_compare_command_writes_the_folder(tmp_path, capsys):
    map_path = mini_waves(tmp_path)
    w21 = mini_data("2021", (20, 15), [f"A{i}" for i in range(35)], 5)
    w23 = mini_data(
        "2023", (18, 16), [f"A{i}" for i in range(10)] + [f"B{i}" for i in range(24)], 6
    )
    for w in (w21, w23):
        write_dataset(w.data, w.meta, tmp_path / f"{w.name}.weighted.parquet")
    data = [f"{w}={tmp_path / f'{w}.weighted.parquet'}" for w in ("2021", "2023")]
    args = ["compare", "--map", str(map_path), "--out", str(tmp_path / "out"), "--lang", "en"]
    assert run([*args, "--data", data[0], "--data", data[1]]) == 0
    out = capsys.readouterr().out
    assert "8 items compared" in out and "SIMULATED DATA" in out
    assert "panel overlap: 10 linked members" in out
    assert (tmp_path / "out" / "comparison.xlsx").exists()
    # The waves must be the map's and in its order; the data must be the wave it claims.
    assert run([*args, "--data", data[1], "--data", data[0]]) == 2
    assert "order" in capsys.readouterr().err
    assert (
        run([*args, "--data", f"2021={tmp_path / '2023.weighted.parquet'}", "--data", data[1]]) == 2
    )
    assert "not '2021'" in capsys.readouterr().err
    assert run([*args, "--data", "2021", "--data", data[1]]) == 2
    assert "WAVE=PATH" in capsys.readouterr().err


def test_compare_files_levels_are_text_codes_without_decimals(tmp_path):
    a = pd.DataFrame({"v": [1.0, 2.0, np.nan, 10.0]})
    b = pd.DataFrame({"v": [2, 10, 10, 1]})
    a.to_csv(tmp_path / "a.csv", index=False)
    b.to_parquet(tmp_path / "b.parquet")
    result = compare_files(tmp_path / "a.csv", tmp_path / "b.parquet", "v")
    assert result.difference.levels == ("1", "2", "10")
    close(result.difference.est_a, [1 / 3, 1 / 3, 1 / 3])
    close(result.difference.est_b, [0.25, 0.25, 0.5])


def with_replicates(wave: WaveInput, groups: int) -> WaveInput:
    """The wave as data that brought a sampling weight and JK1 replicate weights over
    ``groups`` groups of respondents (replicate k drops group k, the others × g/(g−1))."""
    from pipeline.statistics.replicate_design import ReplicateOptions

    data = wave.data.copy()
    group = np.arange(len(data)) % groups
    for k in range(groups):
        data[f"rw{k + 1}"] = np.where(group == k, 0.0, data["_weight"] * groups / (groups - 1))
    record = ReplicateOptions("^rw[0-9]+$", "JK1", (groups - 1) / groups).record()
    options = {"fpc": False, "replicates": record, "sampling_weight": "_weight"}
    return WaveInput(wave.name, data, {**wave.meta, "design": {"options": options}}, wave.source)


def test_waves_with_replicate_weights_are_compared_overall_and_by_category(tmp_path):
    """The whole comparison on two waves that brought replicate weights (5 and 7 JK1
    replicates): the overall change of `aware` (98 = refused, outside the answers) is R's
    svyby + svycontrast on the waves stacked with block replicate weights."""
    h = load_harmonization(mini_waves(tmp_path))
    w21 = with_replicates(mini_data("2021", (40, 30), [f"A{i}" for i in range(70)], 1), 5)
    w23 = with_replicates(mini_data("2023", (35, 30), [f"B{i}" for i in range(65)], 2), 7)
    result = compare_waves(h, [w21, w23])
    rows = result.rows.set_index(["scope", "item", "level"])
    ours = rows.loc[("overall", "aware", "1")]
    assert {"1", "2"} <= set(result.rows["scope"])  # the member categories as domains
    files = []
    for wave in (w21, w23):
        files.append(tmp_path / f"{wave.name}.csv")
        wave.data.to_csv(files[-1], index=False)
    script = f"""
suppressMessages(library(survey))
a <- read.csv("{files[0]}"); b <- read.csv("{files[1]}")
ra <- as.matrix(a[grep("^rw", names(a))]); rb <- as.matrix(b[grep("^rw", names(b))])
blocks <- rbind(cbind(ra, matrix(a$X_weight, nrow(a), ncol(rb))),
                cbind(matrix(b$X_weight, nrow(b), ncol(ra)), rb))
stacked <- rbind(data.frame(aware = a$aware, w = a$X_weight, wave = "a"),
                 data.frame(aware = b$aware, w = b$X_weight, wave = "b"))
stacked$aware[stacked$aware == 98] <- NA
stacked$yes <- as.numeric(stacked$aware == 1)
des <- svrepdesign(data = stacked, repweights = blocks, weights = ~w, type = "other",
                   scale = 1, rscales = c(rep(4 / 5, 5), rep(6 / 7, 7)),
                   combined.weights = TRUE)
by <- svyby(~yes, ~wave, subset(des, !is.na(aware)), svymean, covmat = TRUE)
con <- svycontrast(by, c(-1, 1))
cat(format(c(coef(by), SE(by), coef(con), SE(con)), digits = 17), sep = "\\n")
"""
    done = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    r = [float(x) for x in done.stdout.split()]
    got = [ours[k] for k in ("est_a", "est_b", "se_a", "se_b", "diff", "diff_se")]
    close(got, r, 1e-9)
