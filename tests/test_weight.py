"""`survey weight`: design weights N_h / n_h, the FPC column and calibration to margins."""

import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.model.frame import Frame, Margin
from pipeline.readers.dataset import read_dataset, write_dataset
from pipeline.stages.weight import WeightOptions, design_of, weight
from pipeline.statistics import estimate
from pipeline.statistics.crosstab import crosstab

from .conftest import FIXTURES, close


def clean_rows(categories: list[int], sexes: list[int]) -> pd.DataFrame:
    """Clean data as the cleaning stage writes it: Int64 codes and the source row."""
    return pd.DataFrame(
        {
            "respondent_id": [f"P-{i}" for i in range(len(categories))],
            "category": pd.array(categories, dtype="Int64"),
            "sex": pd.array(sexes, dtype="Int64"),
            "_source_row": pd.array(range(2, 2 + len(categories)), dtype="Int64"),
        }
    )


def test_weights_are_population_over_sample_size(mini):
    # mini-frame: stratum 1 has N = 600, stratum 2 has N = 400.
    data = clean_rows([1, 1, 1, 2, 2], [1, 2, 1, 2, 1])
    out, design = weight(data, mini, mini.frame_model, WeightOptions())
    assert out["_weight"].tolist() == pytest.approx([200, 200, 200, 200, 200])
    assert out["_fpc"].tolist() == [600, 600, 600, 400, 400]
    assert out["_stratum"].tolist() == [1, 1, 1, 2, 2]
    assert out["_weight"].sum() == pytest.approx(1000)
    assert design["sample_sizes"] == {"1": 3, "2": 2}
    assert design["degrees_of_freedom"] == 3


def test_unequal_allocation_gives_unequal_weights_and_a_kish_deff(mini):
    data = clean_rows([1, 1, 1, 1, 2, 2], [1] * 6)
    _, design = weight(data, mini, mini.frame_model, WeightOptions())
    # weights 150 (x4) and 200 (x2): deff = n Σw² / (Σw)² = 6 * 170000 / 1000² = 1.02
    assert design["kish_deff"] == pytest.approx(6 * (4 * 150**2 + 2 * 200**2) / 1000**2)
    assert design["effective_n"] == pytest.approx(1000**2 / (4 * 150**2 + 2 * 200**2))


def test_a_stratum_code_outside_the_frame_names_the_row(mini):
    data = clean_rows([1, 1, 7, 2, 2], [1] * 5)
    with pytest.raises(InputError) as err:
        weight(data, mini, mini.frame_model, WeightOptions())
    assert err.value.row == 4 and err.value.column == "category"


def test_a_lonely_stratum_fails_unless_an_option_says_otherwise(mini):
    data = clean_rows([1, 1, 1, 2], [1] * 4)
    with pytest.raises(InputError, match="single respondent"):
        weight(data, mini, mini.frame_model, WeightOptions())
    out, _ = weight(data, mini, mini.frame_model, WeightOptions(lonely_psu="adjust"))
    assert out["_weight"].iloc[3] == 400


def test_post_stratification_to_sex_within_member_category(mini):
    margins = Margin(variable="sex", by_stratum={1: {1: 360, 2: 240}, 2: {1: 100, 2: 300}})
    frame = Frame(name=mini.frame_model.name, strata=mini.frame_model.strata, margins=[margins])
    data = clean_rows([1, 1, 1, 1, 2, 2, 2], [1, 1, 1, 2, 1, 2, 2])
    out, design = weight(data, mini, frame, WeightOptions())
    totals = out.groupby(["_stratum", "sex"])["_weight"].sum()
    assert totals.to_dict() == pytest.approx({(1, 1): 360, (1, 2): 240, (2, 1): 100, (2, 2): 300})
    # Hand calculation: stratum 1 men are 3 respondents standing for 360 members.
    assert out["_weight"].iloc[0] == pytest.approx(120)
    assert design["calibrated_to"] == ["sex"]


def test_design_of_weighted_data_reproduces_the_design(mini, tmp_path):
    data = clean_rows([1, 1, 1, 2, 2], [1, 2, 1, 2, 1])
    out, description = weight(data, mini, mini.frame_model, WeightOptions())
    path = write_dataset(out, {"wave": "2021", "design": description}, tmp_path / "w.parquet")
    df, meta = read_dataset(path)
    design = design_of(df, meta)
    assert design.population.tolist() == [600, 400]
    assert design.df == 3
    no_fpc, description = weight(data, mini, mini.frame_model, WeightOptions(fpc=False))
    assert design_of(no_fpc, {"design": description}).population is None


def test_weight_command_writes_the_design_columns(tmp_path, capsys):
    data = clean_rows([1, 1, 1, 2, 2], [1, 2, 1, 2, 1])
    write_dataset(data, {"wave": "2021", "simulated": True}, tmp_path / "clean.parquet")
    out = tmp_path / "weighted.parquet"
    code = run(
        [
            "weight",
            str(tmp_path / "clean.parquet"),
            "--questionnaire",
            str(FIXTURES / "mini.yaml"),
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    df, meta = read_dataset(out)
    assert {"_stratum", "_weight", "_fpc"} <= set(df.columns)
    assert meta["simulated"] is True and meta["design"]["options"]["fpc"] is True


def test_weight_command_on_data_without_the_stratum_exits_2(tmp_path, capsys):
    data = clean_rows([1, 2], [1, 2]).drop(columns=["category"])
    write_dataset(data, {}, tmp_path / "clean.parquet")
    code = run(
        [
            "weight",
            str(tmp_path / "clean.parquet"),
            "--questionnaire",
            str(FIXTURES / "mini.yaml"),
            "--out",
            str(tmp_path / "w.parquet"),
        ]
    )
    assert code == 2
    assert "category" in capsys.readouterr().err
    assert not (tmp_path / "w.parquet").exists()


def test_a_calibrated_design_keeps_its_calibration_when_read_back(mini, tmp_path):
    margins = Margin(variable="sex", counts={1: 480, 2: 520})
    frame = Frame(name=mini.frame_model.name, strata=mini.frame_model.strata, margins=[margins])
    data = clean_rows([1, 1, 1, 1, 2, 2, 2], [1, 1, 1, 2, 1, 2, 2])
    out, description = weight(data, mini, frame, WeightOptions())
    assert out.groupby("sex")["_weight"].sum().to_dict() == pytest.approx({1: 480, 2: 520})
    path = write_dataset(out, {"design": description}, tmp_path / "w.parquet")
    df, meta = read_dataset(path)
    design = design_of(df, meta)
    assert design.calibrated
    assert design.weights == pytest.approx(out["_weight"].to_numpy())


def test_weights_edited_after_weighting_are_refused(mini):
    data = clean_rows([1, 1, 1, 2, 2], [1, 2, 1, 2, 1])
    out, description = weight(data, mini, mini.frame_model, WeightOptions())
    out.loc[0, "_weight"] = 999.0
    with pytest.raises(InputError, match="rerun `survey weight`"):
        design_of(out, {"design": description})


# ---- a cluster design block -------------------------------------------------------------------


def cluster_rows() -> pd.DataFrame:
    """Members sampled through their organisations: 3 organisations per stratum; org ids
    repeat across strata (nest)."""
    data = clean_rows([1] * 7 + [2] * 6, [1, 2, 1, 1, 2, 2, 1, 2, 2, 1, 2, 1, 1])
    data["org"] = [1, 1, 2, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3]
    return data


def test_a_cluster_design_block_is_recorded_and_read_back(mini, tmp_path):
    options = WeightOptions(clusters=("org",), nest=True)
    out, description = weight(cluster_rows(), mini, mini.frame_model, options)
    assert description["psu"] == 6
    assert description["degrees_of_freedom"] == 6 - 2
    assert description["options"]["clusters"] == ["org"]
    path = write_dataset(out, {"design": description}, tmp_path / "w.parquet")
    df, meta = read_dataset(path)
    design = design_of(df, meta)
    assert design.clustered and design.df == 4
    assert design.weights == pytest.approx(out["_weight"].to_numpy())


def test_the_stratified_record_has_no_design_block_keys(mini):
    _, description = weight(
        clean_rows([1, 1, 1, 2, 2], [1] * 5), mini, mini.frame_model, WeightOptions()
    )
    assert "clusters" not in description["options"] and "psu" not in description


def test_the_cluster_design_of_weighted_data_matches_live_r(mini, tmp_path):
    out, description = weight(
        cluster_rows(), mini, mini.frame_model, WeightOptions(clusters=("org",), nest=True)
    )
    design = design_of(out, {"design": description})
    path = tmp_path / "w.csv"
    out.assign(male=(out["sex"] == 1).astype(float)).to_csv(path, index=False)
    script = f"""
suppressMessages(library(survey))
d <- read.csv("{path}", check.names=FALSE)
des <- svydesign(id=~org, strata=~`_stratum`, weights=~`_weight`, nest=TRUE, data=d)
m <- svymean(~male, des)
cat(format(c(coef(m), SE(m), degf(des)), digits=17), sep="\\n")
"""
    res = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    r = [float(x) for x in res.stdout.split()]
    est = estimate.mean(design, (out["sex"] == 1).astype(float))
    close([est.estimate[0], est.se[0], design.df], r, 1e-9)


def test_weight_command_takes_the_design_block(tmp_path, capsys):
    write_dataset(cluster_rows(), {"wave": "2021"}, tmp_path / "clean.parquet")
    out = tmp_path / "weighted.parquet"
    args = [
        "weight",
        str(tmp_path / "clean.parquet"),
        "--questionnaire",
        str(FIXTURES / "mini.yaml"),
        "--out",
        str(out),
        "--cluster",
        "org",
        "--nest",
    ]
    assert run(args) == 0, capsys.readouterr().err
    _, meta = read_dataset(out)
    assert meta["design"]["psu"] == 6 and meta["design"]["options"]["nest"] is True


def test_a_missing_cluster_column_is_named(mini):
    with pytest.raises(InputError) as err:
        weight(
            clean_rows([1, 1, 2, 2], [1] * 4),
            mini,
            mini.frame_model,
            WeightOptions(clusters=("org",)),
        )
    assert err.value.column == "org"


def test_waves_weighted_with_a_cluster_design_are_compared_on_it(mini):
    from pipeline.stages.compare.waves import WaveInput, stack_weighted

    options = WeightOptions(clusters=("org",), nest=True)
    waves = []
    for name in ("2021", "2023"):
        out, description = weight(cluster_rows(), mini, mini.frame_model, options)
        waves.append(WaveInput(name, out, {"design": description}))
    stacked = stack_weighted(waves)
    # Each wave's organisations are its own PSUs: 2 × 6, in 2 × 2 wave × stratum strata.
    assert stacked.design.clustered and stacked.design.n_psu == 12 and stacked.design.df == 8


def test_waves_weighted_with_different_designs_are_refused(mini):
    from pipeline.stages.compare.waves import WaveInput, stack_weighted

    clustered, d1 = weight(
        cluster_rows(), mini, mini.frame_model, WeightOptions(clusters=("org",), nest=True)
    )
    plain, d2 = weight(cluster_rows(), mini, mini.frame_model, WeightOptions())
    with pytest.raises(InputError, match="different cluster designs"):
        stack_weighted(
            [WaveInput("a", clustered, {"design": d1}), WaveInput("b", plain, {"design": d2})]
        )


# ---- the design block of the questionnaire ----------------------------------------------------


def questionnaire_with_design(tmp_path, block: str) -> Path:
    """mini.yaml with ``block`` as its design block's lines (the stratum stays)."""
    import yaml

    spec = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    stratum = spec.pop("stratum")
    stratum["frame"] = str(FIXTURES / "mini-frame.yaml")
    spec["design"] = {"stratum": stratum, **yaml.safe_load(block)}
    spec["sections"][0]["questions"].append(
        {"name": "org", "type": "integer", "label": {"vi": "Tổ chức", "en": "Organisation"}}
    )
    path = tmp_path / "designed.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def weight_with(tmp_path, questionnaire: Path, *options: str) -> dict:
    write_dataset(cluster_rows(), {"wave": "2021"}, tmp_path / "clean.parquet")
    out = tmp_path / "weighted.parquet"
    args = ["weight", str(tmp_path / "clean.parquet"), "--questionnaire", str(questionnaire)]
    assert run([*args, "--out", str(out), *options]) == 0
    return read_dataset(out)[1]["design"]


def test_the_questionnaire_s_design_block_gives_the_clusters(tmp_path):
    q = questionnaire_with_design(tmp_path, "{clusters: [org], nest: true}")
    design = weight_with(tmp_path, q)
    assert design["options"]["clusters"] == ["org"] and design["options"]["nest"] is True
    assert design["psu"] == 6


def test_command_line_options_override_the_questionnaire_s_block_one_by_one(tmp_path, capsys):
    q = questionnaire_with_design(tmp_path, "{clusters: [org], nest: true}")
    weight_with(tmp_path, q)
    # --no-nest alone: the questionnaire's clusters stay, and org ids 1-3 repeat across strata
    args = ["weight", str(tmp_path / "clean.parquet"), "--questionnaire", str(q)]
    assert run([*args, "--out", str(tmp_path / "x.parquet"), "--no-nest"]) == 2
    assert "org" in capsys.readouterr().err
    assert "psu" not in weight_with(tmp_path, q, "--cluster", "")  # no clusters: stratified
    other = weight_with(tmp_path, q, "--cluster", "respondent_id")
    assert other["options"]["clusters"] == ["respondent_id"] and other["psu"] == 13


def test_a_design_block_with_an_fpc_per_stage_is_checked(tmp_path):
    from pipeline.model.questionnaire import load_questionnaire

    q = questionnaire_with_design(tmp_path, "{clusters: [org], fpc: [a, b]}")
    with pytest.raises(InputError, match="one per stage"):
        load_questionnaire(q)


# ---- replicate weights the data bring ---------------------------------------------------------

REPLICATE_BLOCK = """
weight: w
replicate_weights: {columns: "rw[0-9]+", type: JK1, scale: 0.8333333333333334}
"""


def replicate_rows() -> pd.DataFrame:
    """cluster_rows with a sampling weight and JK1 replicate weights over its 6
    organisations (stratum × org): replicate k drops organisation k, the others × 6/5."""
    data = cluster_rows()
    data["w"] = [float(x) for x in (80, 90, 70, 85, 95, 100, 75, 60, 65, 70, 55, 80, 60)]
    org = (data["category"].astype(int) * 10 + data["org"]).to_numpy()
    for k, unit in enumerate(sorted(set(org)), start=1):
        data[f"rw{k}"] = np.where(org == unit, 0.0, data["w"] * 6 / 5)
    return data


def test_replicate_weights_in_the_design_block_give_the_design(tmp_path):
    from pipeline.model.questionnaire import load_questionnaire

    path = questionnaire_with_design(tmp_path, REPLICATE_BLOCK)
    q = load_questionnaire(path)
    write_dataset(replicate_rows(), {"wave": "2021"}, tmp_path / "clean.parquet")
    out = tmp_path / "weighted.parquet"
    argv = ["weight", str(tmp_path / "clean.parquet"), "--questionnaire", str(path)]
    assert run([*argv, "--out", str(out)]) == 0
    data, meta = read_dataset(out)
    assert meta["design"]["replicates"] == 6
    assert meta["design"]["options"]["replicates"]["type"] == "JK1"
    assert data["_weight"].tolist() == replicate_rows()["w"].tolist()
    design = design_of(data, meta)
    assert design.replicates is not None and design.replicates.n_replicates == 6
    assert q.design.weight == "w"


def test_replicate_weights_give_the_weighted_data_r_s_svrepdesign(tmp_path):
    """Simulated mini data, cleaned, then given a sampling weight and JK1 replicate weights
    over 6 groups of respondents (as a file that brings them would); weighted, its design
    (what tabulate and the exports read) gives R's svrepdesign numbers for a table's cell.
    (The whole battery, claims included, and the exports: tests/test_export_replicates.py.)"""
    path = questionnaire_with_design(tmp_path, REPLICATE_BLOCK)
    raw, clean = tmp_path / "raw.csv", tmp_path / "clean.parquet"
    assert run(["simulate", str(FIXTURES / "mini.yaml"), "--n", "120", "--seed", "4",
                "--fault-rate", "0", "--out", str(raw)]) == 0  # fmt: skip
    assert run(["clean", str(raw), "--questionnaire", str(path), "--key-file",
                str(tmp_path / "key"), "--out", str(clean)]) == 0  # fmt: skip
    rows, meta = read_dataset(clean)
    rows["w"] = np.where(rows["category"] == 1, 600 / 72, 400 / 48) * (1 + 0.2 * (rows["sex"] == 1))
    group = np.arange(len(rows)) % 6
    for k in range(6):
        rows[f"rw{k + 1}"] = np.where(group == k, 0.0, rows["w"] * 6 / 5)
    write_dataset(rows, meta, clean)
    weighted = tmp_path / "weighted.parquet"
    argv = ["weight", str(clean), "--questionnaire", str(path), "--no-calibrate"]
    assert run([*argv, "--out", str(weighted)]) == 0
    design = design_of(*read_dataset(weighted))
    answer = pd.to_numeric(rows["aware"], errors="coerce")
    rated = answer.notna() & (answer != 98)  # 98: refused
    table = crosstab(design, answer.where(rated).to_numpy(), np.ones(len(rows)))
    ours = {"prop": table.col_prop[0, 0], "se": table.col_prop_se[0, 0]}
    csv = tmp_path / "rows.csv"
    rows.assign(dom=rated.astype(int), yes=(answer == 1).astype(float)).to_csv(csv, index=False)
    script = f"""
suppressMessages(library(survey))
d <- read.csv("{csv}")
des <- svrepdesign(data = d, repweights = "rw[0-9]+", weights = ~w, type = "JK1",
                   scale = 5 / 6)
m <- svymean(~yes, subset(des, dom == 1))
cat(format(c(coef(m), SE(m)), digits = 17), sep = "\\n")
"""
    done = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    close([ours["prop"], ours["se"]], [float(x) for x in done.stdout.split()], 1e-9)


def test_a_replicate_block_needs_its_sampling_weight_and_no_clusters(tmp_path):
    from pipeline.model.questionnaire import load_questionnaire

    for block, message in (
        ('{replicate_weights: {columns: "rw"}}', "need the sampling weight"),
        ('{weight: w, clusters: [org], replicate_weights: {columns: "rw"}}', "carry the design"),
    ):
        with pytest.raises(InputError, match=message):
            load_questionnaire(questionnaire_with_design(tmp_path, block))


def test_waves_weighted_with_replicate_weights_are_compared_as_r_stacks_them(tmp_path, mini):
    """Two waves, each weighted with the JK1 replicate weights its data bring: the compare
    stage stacks them with block replicate weights (each wave's own replicates on its rows,
    the full-sample weights on the other's), as R's svrepdesign of the stacked files."""
    from pipeline.stages.compare.waves import WaveInput, stack_weighted
    from pipeline.statistics.replicate_design import ReplicateOptions
    from pipeline.statistics.waves import compare_proportions

    options = WeightOptions(
        replicates=ReplicateOptions("rw[0-9]+", "JK1", 5 / 6).record(), sampling_weight="w"
    )
    rows_a = replicate_rows()
    rows_b = replicate_rows()
    rows_b["sex"] = pd.array([2, 2, 1, 2, 2, 1, 2, 2, 1, 1, 2, 2, 1], dtype="Int64")
    rows_b["w"] = rows_b["w"] * 1.5
    rows_b[[f"rw{k}" for k in range(1, 7)]] *= 1.5
    waves = []
    for name, rows in (("2021", rows_a), ("2023", rows_b)):
        out, description = weight(rows, mini, mini.frame_model, options)
        waves.append(WaveInput(name, out, {"design": description}))
    stacked = stack_weighted(waves)
    sex = pd.concat([w.data["sex"] for w in waves], ignore_index=True).astype(float)
    d = compare_proportions(stacked, sex, [1.0, 2.0], "2021", "2023")
    files = []
    for wave, rows in zip(waves, (rows_a, rows_b), strict=True):
        files.append(tmp_path / f"{wave.name}.csv")
        rows.to_csv(files[-1], index=False)
    script = f"""
suppressMessages(library(survey))
a <- read.csv("{files[0]}"); b <- read.csv("{files[1]}")
ra <- as.matrix(a[grep("^rw", names(a))]); rb <- as.matrix(b[grep("^rw", names(b))])
blocks <- rbind(cbind(ra, matrix(a$w, nrow(a), ncol(rb))),
                cbind(matrix(b$w, nrow(b), ncol(ra)), rb))
stacked <- rbind(data.frame(male = a$sex == 1, w = a$w, wave = "a"),
                 data.frame(male = b$sex == 1, w = b$w, wave = "b"))
waves <- svrepdesign(data = stacked, repweights = blocks, weights = ~w, type = "other",
                     scale = 1, rscales = rep(5 / 6, 12), combined.weights = TRUE)
by <- svyby(~male, ~wave, waves, svymean, covmat = TRUE)
con <- svycontrast(by, c(0, 0, -1, 1))
se <- sqrt(diag(vcov(by)))
cat(format(c(coef(by)[3:4], se[3:4], coef(con), SE(con)), digits = 17), sep = "\\n")
"""
    done = subprocess.run(
        ["Rscript", "-e", script], capture_output=True, text=True, timeout=120, check=True
    )
    r = [float(x) for x in done.stdout.split()]
    close([d.est_a[0], d.est_b[0], d.se_a[0], d.se_b[0], d.diff[0], d.diff_se[0]], r, 1e-9)
    assert d.df == 10  # R's degf of the stacked replicate weights: rank 11 − 1
