"""`survey tabulate`: the banner battery, checked against the estimators it is built from
and against hand calculations."""

import time

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from pipeline.cli.app import run
from pipeline.core.columns import column_letter
from pipeline.readers.dataset import write_dataset
from pipeline.stages.tabulate import (
    TOTAL,
    TabulateOptions,
    analysis_values,
    battery_metrics,
    composition_variables,
    mark_suppressed,
    suppressed_columns,
    tabulate,
    write_battery,
)
from pipeline.statistics import estimate
from pipeline.statistics.crosstab import bh_adjust, crosstab
from pipeline.statistics.scales import cronbach_alpha, rank_test
from pipeline.statistics.survey import Survey

from .conftest import FIXTURES

N_PER_STRATUM = (24, 16)


@pytest.fixture
def weighted() -> pd.DataFrame:
    """40 respondents of mini.yaml in two strata (N = 600, 400), with a few special missing
    codes (97 'hard to say', 98 'refused')."""
    rng = np.random.default_rng(7)
    n = sum(N_PER_STRATUM)
    category = np.repeat([1, 2], N_PER_STRATUM)
    aware = rng.choice([1, 2], size=n, p=[0.7, 0.3])
    aware[[3, 30]] = 98
    eff_meet = np.where(category == 1, rng.choice([1, 2, 3, 4], size=n), rng.choice([2, 3, 4], n))
    eff_train = np.clip(eff_meet + rng.choice([-1, 0, 0, 1], size=n), 1, 4)
    eff_meet[[5, 6]] = 97
    return pd.DataFrame(
        {
            "respondent_id": [f"P-{i}" for i in range(n)],
            "category": pd.array(category, dtype="Int64"),
            "sex": pd.array(rng.choice([1, 2], size=n), dtype="Int64"),
            "age": pd.array(rng.integers(20, 60, size=n), dtype="Int64"),
            "aware": pd.array(aware, dtype="Int64"),
            "trust": pd.array(rng.choice([1, 2, 3, 4], size=n), dtype="Int64"),
            "eff_meet": pd.array(eff_meet, dtype="Int64"),
            "eff_train": pd.array(eff_train, dtype="Int64"),
            "src_1": pd.array(rng.integers(0, 2, size=n), dtype="Int64"),
            "src_2": pd.array(rng.integers(0, 2, size=n), dtype="Int64"),
            "src_3": pd.array(rng.integers(0, 2, size=n), dtype="Int64"),
            "_stratum": pd.array(category, dtype="Int64"),
            "_weight": np.where(category == 1, 600 / 24, 400 / 16),
            "_fpc": np.where(category == 1, 600.0, 400.0),
        }
    )


@pytest.fixture
def design(weighted) -> Survey:
    return Survey.from_weights(weighted, weight="_weight", strata="_stratum", population="_fpc")


def test_every_categorical_variable_meets_every_banner(weighted, design, mini):
    battery = tabulate(weighted, design, mini, TabulateOptions())
    pairs = set(zip(battery.tests["banner"], battery.tests["variable"], strict=True))
    rows = {"category", "sex", "aware", "trust", "eff_meet", "eff_train", "src_1", "src_2", "src_3"}
    expected = {(b, v) for b in ("category", "sex") for v in rows if v != b}
    assert pairs == expected
    assert "age" not in set(battery.cells["variable"])  # a scale variable is not cross-tabbed


def test_cells_are_the_design_based_column_proportions(weighted, design, mini):
    battery = tabulate(weighted, design, mini, TabulateOptions())
    table = crosstab(
        design, analysis_values(weighted, mini.variable("aware")), weighted["category"]
    )
    cells = battery.cells.query("banner == 'category' and variable == 'aware'")
    got = cells.set_index(["row_code", "col_code"])
    for i, row_code in enumerate(table.row_levels):
        for j, col_code in enumerate(table.col_levels):
            cell = got.loc[(int(row_code), str(int(col_code)))]
            assert cell["prop"] == pytest.approx(table.col_prop[i, j], rel=1e-12)
            assert cell["se"] == pytest.approx(table.col_prop_se[i, j], rel=1e-12)
            assert cell["n"] == table.n[i, j]


def test_special_missing_codes_are_left_out_of_the_percentages(weighted, design, mini):
    battery = tabulate(weighted, design, mini, TabulateOptions())
    total = battery.cells.query(f"banner == '{TOTAL}' and variable == 'aware'")
    assert set(total["row_code"]) == {1, 2}  # 98 'refused' is not a row
    assert total["base"].iloc[0] == 38  # 40 respondents, 2 refused
    assert total["prop"].sum() == pytest.approx(1.0)
    # Hand check: with equal weights inside strata the total share is a weighted average.
    aware = weighted["aware"].to_numpy()
    w = weighted["_weight"].to_numpy()
    valid = aware != 98
    share = w[valid & (aware == 1)].sum() / w[valid].sum()
    assert total.set_index("row_code").loc[1, "prop"] == pytest.approx(share)


def test_benjamini_hochberg_across_the_battery(weighted, design, mini):
    tests = tabulate(weighted, design, mini, TabulateOptions()).tests
    p = tests["p"].to_numpy()
    m = len(p)
    order = np.argsort(p)
    ranked = p[order] * m / np.arange(1, m + 1)
    expected = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1)
    assert tests["p_bh"].to_numpy()[order] == pytest.approx(expected)


def test_columns_with_small_bases_are_suppressed_with_a_complement(weighted, design, mini):
    battery = tabulate(weighted, design, mini, TabulateOptions(suppress_below=20))
    by_category = battery.cells.query("banner == 'category'")
    # Stratum 2 has 16 respondents, below 20. Stratum 1 must go too: the Total is shown, so
    # the hidden column would be the Total minus stratum 1.
    assert by_category["suppressed"].all()
    assert not battery.cells.query(f"banner == '{TOTAL}'")["suppressed"].any()
    likert = battery.scales.query("banner == 'category'")
    assert likert["suppressed"].all()


@pytest.mark.parametrize(
    ("bases", "hidden"),
    [
        ({"1": 200, "2": 150, "3": 5, "4": 80}, {"3", "4"}),
        ({"1": 200, "2": 3, "3": 5, "4": 80}, {"2", "3"}),
        ({"1": 200, "2": 150, "3": 0, "4": 80}, set()),
        ({"1": 200, "2": 150}, set()),
        ({"1": 9}, {"1"}),
    ],
)
def test_suppressed_columns(bases, hidden):
    assert suppressed_columns(bases, 10) == hidden


def test_a_hidden_column_cannot_be_recovered_from_the_total(weighted, design, mini):
    """The attack: a column's count is the Total's minus the shown columns'. It works only
    when exactly one column of a table is hidden, which suppression never leaves."""
    battery = tabulate(weighted, design, mini, TabulateOptions(suppress_below=17))
    cells = battery.cells[battery.cells["banner"] != TOTAL]
    for _, table in cells.groupby(["banner", "variable"]):
        hidden = set(table.loc[table["suppressed"], "col_code"])
        assert len(hidden) != 1


def visible_letters_naming_hidden_columns(cells: pd.DataFrame) -> list[tuple]:
    """(banner, variable, column, letter) wherever a shown column's letter names a hidden
    column of the same table."""
    found = []
    for (banner, variable), table in cells[cells["banner"] != TOTAL].groupby(
        ["banner", "variable"], sort=False
    ):
        order = list(dict.fromkeys(table["col_code"]))
        hidden = {column_letter(order.index(c)) for c in table.loc[table.suppressed, "col_code"]}
        for r in table[~table["suppressed"]].to_dict("records"):
            found += [(banner, variable, r["col_code"], ch) for ch in r["letters"] if ch in hidden]
    return found


def test_no_visible_letter_names_a_hidden_column():
    cells = pd.DataFrame({
        "banner": "b", "variable": "v", "row_code": [1] * 4 + [2] * 4,
        "col_code": ["1", "2", "3", "4"] * 2, "base": [200, 150, 5, 80] * 2,
        "letters": ["CD", "D", "", "", "", "", "AB", "A"],
    })  # fmt: skip
    marked = mark_suppressed(cells, "base", 10)
    assert visible_letters_naming_hidden_columns(cells.assign(suppressed=marked.suppressed))
    assert set(marked.loc[marked.suppressed, "col_code"]) == {"3", "4"}
    assert marked["letters"].tolist()[:2] == ["", ""]
    assert visible_letters_naming_hidden_columns(marked) == []


def test_the_battery_shows_no_letter_of_a_hidden_column(weighted, design, mini):
    battery = tabulate(weighted, design, mini, TabulateOptions(suppress_below=17))
    assert battery.cells["suppressed"].any()
    assert visible_letters_naming_hidden_columns(battery.cells) == []


def test_claims_are_tested_against_the_total_and_adjusted_across_their_battery(
    weighted, design, mini
):
    options = TabulateOptions(min_base=12, suppress_below=5)
    battery = tabulate(weighted, design, mini, options)
    claims = battery.claims
    assert not claims.empty
    # composition items (the stratum, the banners, their section) are never claims
    assert not set(claims["variable"]) & composition_variables(mini)
    battery_rows = claims[claims["in_battery"]]
    assert (battery_rows["base"] >= 12).all()
    assert claims.loc[~claims["in_battery"], "p_bh"].isna().all()
    assert battery_rows["p_bh"].to_numpy() == pytest.approx(bh_adjust(battery_rows["p"].to_numpy()))
    # the column % and the total % are the table's own
    cells = battery.cells.set_index(["banner", "variable", "row_code", "col_code"])["prop"]
    options_only = claims[claims["measure"] == "option"]
    assert set(claims["measure"]) == {"option", "top2"}
    for r in options_only.head(20).to_dict("records"):
        assert r["prop"] == pytest.approx(
            cells[(r["banner"], r["variable"], r["row_code"], r["col_code"])]
        )
        assert r["total"] == pytest.approx(cells[(TOTAL, r["variable"], r["row_code"], TOTAL)])
        assert r["diff"] == pytest.approx(r["prop"] - r["total"])


def test_likert_mean_and_top_two_box(weighted, design, mini):
    scales = tabulate(weighted, design, mini, TabulateOptions()).scales
    overall = scales.query(f"banner == '{TOTAL}' and variable == 'eff_meet'").iloc[0]
    values = analysis_values(weighted, mini.variable("eff_meet"))
    expected = estimate.mean(design, values)
    assert overall["mean"] == pytest.approx(expected.estimate[0])
    assert overall["mean_se"] == pytest.approx(expected.se[0])
    valid = values.notna().to_numpy()
    w = weighted["_weight"].to_numpy()
    top = values.isin([1, 2]).to_numpy()
    assert overall["top2"] == pytest.approx(w[valid & top].sum() / w[valid].sum())


def test_cronbach_alpha_of_declared_indices(weighted, design, mini):
    reliability = tabulate(weighted, design, mini, TabulateOptions()).reliability
    row = reliability.set_index("index").loc["eff_index"]
    items = pd.DataFrame(
        {v: analysis_values(weighted, mini.variable(v)) for v in ("eff_meet", "eff_train")}
    )
    assert row["n_complete"] == 38
    assert row["alpha"] == pytest.approx(cronbach_alpha(items))
    # The index score is the mean of the two items for respondents who answered both.
    complete = items.notna().all(axis=1).to_numpy()
    w = weighted["_weight"].to_numpy()[complete]
    score = items.mean(axis=1).to_numpy()[complete]
    assert row["score_mean"] == pytest.approx(w @ score / w.sum())


def test_likert_items_get_the_design_based_rank_test(weighted, design, mini):
    tests = tabulate(weighted, design, mini, TabulateOptions()).tests
    row = tests.query("banner == 'category' and variable == 'eff_meet'").iloc[0]
    result = rank_test(
        design,
        analysis_values(weighted, mini.variable("eff_meet")),
        analysis_values(weighted, mini.variable("category")),
    )
    assert row["p_rank"] == pytest.approx(result.p)
    assert np.isnan(tests.query("variable == 'aware'")["p_rank"]).all()


def test_cronbach_alpha_by_hand():
    items = pd.DataFrame([[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5]], dtype=float)
    # Population variances: items 1.25, 1.0, 1.1875; totals 5, 7, 10, 13 → 9.1875.
    expected = 3 / 2 * (1 - (1.25 + 1.0 + 1.1875) / 9.1875)
    assert cronbach_alpha(items) == pytest.approx(expected)
    # A weight of 2 is the same as the respondent answering twice.
    doubled = pd.concat([items, items.iloc[:1]])
    assert cronbach_alpha(items, np.array([2, 1, 1, 1.0])) == pytest.approx(cronbach_alpha(doubled))


def test_tabulate_command_writes_the_workbook_with_the_simulated_mark(weighted, tmp_path, capsys):
    meta = {"wave": "2021", "simulated": True, "design": {"options": {"fpc": True}}}
    write_dataset(weighted, meta, tmp_path / "2021.weighted.parquet")
    code = run(
        [
            "tabulate",
            str(tmp_path / "2021.weighted.parquet"),
            "--questionnaire",
            str(FIXTURES / "mini.yaml"),
            "--out",
            str(tmp_path / "tables"),
            "--lang",
            "en",
        ]
    )
    assert code == 0, capsys.readouterr().err
    book = load_workbook(tmp_path / "tables" / "2021.tables.xlsx")
    assert book.sheetnames == ["category", "sex"]
    sheet = book["category"]
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[1][0].startswith("SIMULATED DATA")
    header = next(
        i for i, r in enumerate(values) if r[0] == "aware: Are you aware of the resolution?"
    )
    assert values[header][1] == "Total"
    assert values[header + 1][0] == "Yes [1]"
    cells = pd.read_parquet(tmp_path / "tables" / "2021.cells.parquet")
    yes_total = cells.query("banner == 'total' and variable == 'aware' and row_code == 1")
    assert values[header + 1][1] == pytest.approx(yes_total["prop"].iloc[0])
    assert (tmp_path / "tables" / "2021.tables.json").exists()


def test_metrics_for_dvc_list_respondents_significance_and_indices(weighted, design, mini):
    battery = tabulate(weighted, design, mini, TabulateOptions())
    metrics = battery_metrics(battery)
    assert metrics["respondents"] == 40
    assert metrics["respondents_by_stratum"] == {"1": 24, "2": 16}
    assert metrics["tables"] == len(battery.tests)
    assert metrics["significant_after_bh"] == int((battery.tests["p_bh"] < 0.05).sum())
    assert set(metrics["indices"]) == {"eff_index"}


def test_the_same_battery_gives_byte_identical_files(weighted, design, mini, tmp_path, monkeypatch):
    battery = tabulate(weighted, design, mini, TabulateOptions())
    first = write_battery(battery, mini, tmp_path / "a", "2021", "vi")
    # A day later by the clock: nothing the clock says may reach the files.
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 86_400)
    second = write_battery(battery, mini, tmp_path / "b", "2021", "vi")
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name
