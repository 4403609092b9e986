import datetime as dt
import hashlib
import unicodedata

import numpy as np
import pandas as pd
import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.core.labels import Text
from pipeline.demo.simulate import (
    DEFAULT_MEMBER_SEED,
    CommonScale,
    faults_path,
    ordinal_model,
    simulate,
    wave_links,
    write_simulated,
)
from pipeline.model.expressions import evaluate, parse
from pipeline.model.frame import Frame, Stratum
from pipeline.model.harmonize import load_harmonization
from pipeline.model.questionnaire import (
    QuestionType,
    attach_frame,
    load_questionnaire,
    parse_questionnaire,
)
from pipeline.statistics.allocate import allocate

from .conftest import FIXTURES, REPO

MINI = FIXTURES / "mini.yaml"


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(MINI)


@pytest.fixture(scope="module")
def clean(questionnaire):
    """300 respondents without faults."""
    return simulate(questionnaire, questionnaire.frame_model, 300, seed=11)


@pytest.fixture(scope="module")
def faulty(questionnaire):
    """300 respondents with faults in 10% of rows: 4 of each of the 8 kinds."""
    return simulate(questionnaire, questionnaire.frame_model, 300, seed=12, fault_rate=0.1)


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def typed(q, data: pd.DataFrame) -> pd.DataFrame:
    """Numeric variables as numbers (NaN when empty), as the expression evaluator wants."""
    out = data.copy()
    for v in q.variables():
        if v.is_numeric:
            out[v.name] = pd.to_numeric(data[v.name].replace("", None), errors="coerce")
    return out


def big_frame(sizes):
    return Frame(
        name=Text(vi="Khung lớn", en="Large frame"),
        strata=[
            Stratum(code=code, label=Text(vi=f"Tầng {code}", en=f"Stratum {code}"), population=n)
            for code, n in sizes.items()
        ],
    )


# ---- determinism and files ----------------------------------------------------------------


@pytest.mark.parametrize("fmt,suffix", [("csv", ".csv"), ("xlsx", ".xlsx"), ("kobo", ".csv")])
def test_the_same_seed_writes_byte_identical_files(questionnaire, tmp_path, fmt, suffix):
    paths = []
    for run_no in (1, 2):
        sim = simulate(questionnaire, questionnaire.frame_model, 120, seed=5, fault_rate=0.1)
        out = tmp_path / f"run{run_no}" / f"2021{suffix}"
        write_simulated(sim, out, fmt)
        paths.append(out)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert faults_path(paths[0]).read_bytes() == faults_path(paths[1]).read_bytes()


def test_a_different_seed_gives_different_data(questionnaire):
    a = simulate(questionnaire, questionnaire.frame_model, 120, seed=5)
    b = simulate(questionnaire, questionnaire.frame_model, 120, seed=6)
    assert not a.responses.equals(b.responses)


def test_csv_has_the_schema_columns_and_is_marked_simulated(questionnaire, clean, tmp_path):
    write_simulated(clean, tmp_path / "2021.csv")
    data = read(tmp_path / "2021.csv")
    expected = ["respondent_id"] + [v.name for v in questionnaire.variables()]
    assert list(data.columns) == expected + ["_submission_time", "_duration_seconds", "_simulated"]
    assert (data["_simulated"] == "1").all()
    assert list(read(tmp_path / "2021.faults.csv").columns) == [
        "row",
        "respondent_id",
        "variable",
        "fault",
        "value",
    ]


def test_metadata_is_plausible(clean):
    times = pd.to_datetime(clean.responses["_submission_time"])
    assert times.is_monotonic_increasing
    assert times.min() >= pd.Timestamp("2021-10-01")
    assert times.max() < pd.Timestamp("2021-10-01") + pd.Timedelta(days=42)
    assert times.dt.hour.between(7, 20).all()
    seconds = clean.responses["_duration_seconds"].astype(int)
    # Eleven to twelve answered items at ~12 s each plus a minute: a few minutes.
    assert 100 < seconds.median() < 400
    assert seconds.min() > 30


def test_respondent_ids_are_member_ids_unique_within_a_wave(clean):
    ids = clean.responses["respondent_id"]
    assert ids.str.fullmatch(r"M\d{6}").all()
    assert ids.is_unique


# ---- the sample -------------------------------------------------------------------------


def test_strata_get_their_proportional_allocation_exactly(questionnaire):
    frame = big_frame({1: 5421, 2: 1418})
    sim = simulate(questionnaire, frame, 1375, seed=1)
    counts = sim.responses["category"].value_counts()
    for alloc in allocate(frame.sizes(), 1375):
        assert counts[str(alloc.code)] == alloc.n
    # By hand: 1375 × 5421 / 6839 = 1089.93 → 1090; the other stratum gets 285.
    assert counts.to_dict() == {"1": 1090, "2": 285}


def test_two_waves_share_some_members_who_keep_their_traits(questionnaire):
    frame = questionnaire.frame_model
    w1 = simulate(questionnaire, frame, 300, seed=1).responses.set_index("respondent_id")
    w2 = simulate(questionnaire, frame, 300, seed=2).responses.set_index("respondent_id")
    shared = w1.index.intersection(w2.index)
    # Two independent 30% samples of 1000 share about 0.3 × 300 = 90 members.
    assert 50 < len(shared) < 130
    assert (w1.loc[shared, "category"] == w2.loc[shared, "category"]).all()
    same_sex = (w1.loc[shared, "sex"] == w2.loc[shared, "sex"]).mean()
    assert same_sex > 0.8


# ---- values -----------------------------------------------------------------------------


def test_every_value_is_valid_for_its_variable_without_faults(questionnaire, clean):
    data = clean.responses
    submitted = pd.to_datetime(data["_submission_time"]).dt.normalize()
    for v in questionnaire.variables():
        column = data[v.name]
        given = column[column != ""]
        if v.is_categorical:
            assert set(given.astype(int)) <= set(v.valid_codes()), v.name
        elif v.question.type is QuestionType.integer:
            low, high = v.question.range
            assert given.astype(int).between(low, high).all(), v.name
        elif v.question.type is QuestionType.date:
            days = (submitted[given.index] - pd.to_datetime(given)).dt.days
            assert days.between(0, 365).all()
        else:
            assert given.map(lambda t: t == unicodedata.normalize("NFC", t).strip()).all()


def test_skip_logic_is_obeyed_without_faults(questionnaire, clean):
    data = typed(questionnaire, clean.responses)
    checked = 0
    for v in questionnaire.variables():
        if not v.question.relevant:
            continue
        relevant = evaluate(parse(v.question.relevant), data, questionnaire)
        assert (clean.responses.loc[~relevant, v.name] == "").all(), v.name
        # Where the question applies, most respondents answer it.
        assert (clean.responses.loc[relevant, v.name] != "").mean() > 0.9
        checked += 1
    assert checked == 3  # trust, eff_meet, eff_train


def test_pii_text_gets_fake_phone_numbers(clean):
    phones = clean.responses["phone"]
    assert phones[phones != ""].str.fullmatch(r"09\d{8}").all()
    assert (phones != "").mean() > 0.9


def test_comments_are_mostly_empty_and_in_vietnamese(clean):
    comments = clean.responses["comment"]
    said = comments[comments != ""]
    assert 0.03 < len(said) / len(comments) < 0.3
    assert said.map(lambda t: unicodedata.normalize("NFD", t) != t).any()


def test_multiple_choice_options_correlate(clean):
    ticks = clean.responses[["src_1", "src_2", "src_3"]]
    answered = ticks[(ticks != "").all(axis=1)].astype(int)
    # A shared 'ticks many' factor makes every pair of options positively correlated.
    corr = answered.corr().to_numpy()
    assert (corr[np.triu_indices(3, 1)] > 0).all()


def test_grid_items_correlate(questionnaire, clean):
    grid = clean.responses[["eff_meet", "eff_train"]].replace("", None).astype(float)
    substantive = grid.isin(questionnaire.variable("eff_meet").substantive_codes()).all(axis=1)
    r = grid[substantive].corr().iloc[0, 1]
    assert r > 0.3


def test_missing_codes_and_non_response_at_realistic_rates(questionnaire):
    sim = simulate(questionnaire, questionnaire.frame_model, 1000, seed=3)
    data = sim.responses
    for name in ("aware", "trust", "eff_meet", "eff_train"):
        given = data[name][data[name] != ""].astype(int)
        missing = given.isin(questionnaire.variable(name).missing_codes()).mean()
        assert 0.015 < missing < 0.11, name
    # Opinions (likert) get more don't-knows than the factual yes/no question.
    opinion = data["eff_meet"][data["eff_meet"] != ""].astype(int).isin([97]).mean()
    factual = data["aware"].astype(int).isin([98]).mean()
    assert opinion > factual
    # 'aware' is required: never blank; 'age' is not: 2-5% blank.
    assert (data["aware"] != "").all()
    assert 0.01 < (data["age"] == "").mean() < 0.07


def test_stratum_effects_show_up_in_some_variables_but_not_all(questionnaire):
    frame = big_frame({1: 6000, 2: 6000})
    data = simulate(questionnaire, frame, 6000, seed=4).responses
    t_stats = {}
    for name in ("sex", "age", "trust", "eff_meet", "eff_train", "src_1", "src_2", "src_3"):
        given = data[data[name] != ""]
        values = given[name].astype(float)
        values = values[values < 90]  # leave out missing codes
        groups = [values[given.loc[values.index, "category"] == c] for c in ("1", "2")]
        se = np.sqrt(sum(g.var() / len(g) for g in groups))
        t_stats[name] = abs(groups[0].mean() - groups[1].mean()) / se
    # Independent dice would give |t| > 4 with probability 6e-5 per variable.
    assert max(t_stats.values()) > 4, t_stats
    assert min(t_stats.values()) < 3, t_stats


def test_the_wave_effect_shifts_opinions(questionnaire):
    frame = big_frame({1: 6000, 2: 4000})

    def first_option_share(effect):
        data = simulate(questionnaire, frame, 2000, seed=8, wave_effect=effect).responses
        items = data[["trust", "eff_meet", "eff_train"]].to_numpy().ravel()
        given = items[items != ""]
        return (given == "1").mean()

    # A higher latent attitude gives earlier options: 'very effective' grows by several points.
    assert first_option_share(0.3) - first_option_share(0.0) > 0.04


def with_favourable(q, list_name: str, favourable: str | None):
    """``q`` with the choice list ``list_name`` declaring ``favourable`` (None: nothing)."""
    clist = q.choice_lists[list_name].model_copy(update={"favourable": favourable})
    return q.model_copy(update={"choice_lists": {**q.choice_lists, list_name: clist}})


def prevalence_questionnaire(frame: Frame, favourable: str | None):
    """A stratum question and a grid on a scale whose favourable end is listed last."""
    levels = ("Rất phổ biến", "Phổ biến", "Ít phổ biến", "Không có")
    data = {
        "form_id": "prevalence",
        "version": "1",
        "wave": "2021",
        "title": {"vi": "Phiếu thử", "en": "Test form"},
        "stratum": {"variable": "category", "frame": "frame.yaml"},
        "choice_lists": {
            "category": {"from_frame": True},
            "prevalence": {
                "options": [
                    {"code": code, "label": {"vi": vi}} for code, vi in enumerate(levels, 1)
                ],
                "favourable": favourable,
            },
        },
        "sections": [
            {
                "name": "A",
                "title": {"vi": "Phần A"},
                "questions": [
                    {
                        "name": "category",
                        "type": "single",
                        "label": {"vi": "Khối"},
                        "choices": "category",
                        "required": True,
                    },
                    {
                        "name": "prev",
                        "type": "likert_grid",
                        "label": {"vi": "Mức độ phổ biến"},
                        "choices": "prevalence",
                        "items": [
                            {"name": f"prev_{i}", "label": {"vi": f"Biểu hiện {i}"}}
                            for i in range(1, 4)
                        ],
                    },
                ],
            }
        ],
    }
    return attach_frame(parse_questionnaire(data, "prevalence.yaml"), frame)


PREVALENCE_ITEMS = ["prev_1", "prev_2", "prev_3"]


def test_a_list_favourable_last_gives_a_high_latent_its_last_option():
    frame = big_frame({1: 6000, 2: 4000})
    q = prevalence_questionnaire(frame, "last")

    def share(code, effect):
        data = simulate(q, frame, 2000, seed=8, wave_effect=effect).responses
        items = data[PREVALENCE_ITEMS].to_numpy().ravel()
        return (items[items != ""] == code).mean()

    # 'Không có' (not present, listed last) grows with the latent; 'Rất phổ biến' shrinks.
    assert share("4", 0.3) - share("4", 0.0) > 0.04
    assert share("1", 0.0) - share("1", 0.3) > 0.02


def test_favourable_last_mirrors_the_positions_of_the_undeclared_list():
    frame = big_frame({1: 600, 2: 400})
    declared = simulate(prevalence_questionnaire(frame, "last"), frame, 300, seed=4).responses
    plain = simulate(prevalence_questionnaire(frame, None), frame, 300, seed=4).responses
    first = simulate(prevalence_questionnaire(frame, "first"), frame, 300, seed=4).responses
    mirror = {"1": "4", "2": "3", "3": "2", "4": "1"}
    # The same latent and noise land on the mirrored position: k-th from last, not first.
    for name in PREVALENCE_ITEMS:
        assert declared[name].replace(mirror).equals(plain[name])
        assert first[name].equals(plain[name])
    # Only the grid's answers move; durations count answered items, which are the same.
    assert declared.drop(columns=PREVALENCE_ITEMS).equals(plain.drop(columns=PREVALENCE_ITEMS))


def test_under_a_map_the_direction_of_each_wave_is_respected(harmonization):
    links_2021 = wave_links(harmonization, harmonization.questionnaire("2021"))
    links_2023 = wave_links(harmonization, harmonization.questionnaire("2023"))
    # Prevalence is favourable last in both waves: drawn 'Không có' (4) first, no recode.
    assert links_2021.scales["prev_ideals"] == CommonScale((4, 3, 2, 1), ((4,), (3,), (2,), (1,)))
    assert links_2023.scales["prev_ideals"] == links_2021.scales["prev_ideals"]


# ---- faults -----------------------------------------------------------------------------


def test_fault_rate_zero_injects_nothing(clean):
    assert clean.faults.empty
    assert len(clean.responses) == 300


def test_every_fault_kind_is_injected_on_its_own_row(faulty):
    counts = faulty.faults["fault"].value_counts().to_dict()
    # 10% of 300 rows over 8 kinds = 3.75 → 4 of each.
    assert counts == {
        kind: 4
        for kind in (
            "duplicate_submission",
            "blank_row",
            "straight_lining",
            "skip_violation",
            "out_of_range",
            "code_format",
            "nfd_text",
            "whitespace",
        )
    }
    assert faulty.faults["row"].is_unique
    assert len(faulty.responses) == 304


def test_every_listed_fault_is_in_the_file(questionnaire, faulty, tmp_path):
    write_simulated(faulty, tmp_path / "w.csv")
    data = read(tmp_path / "w.csv")
    faults = read(tmp_path / "w.faults.csv")
    names = [v.name for v in questionnaire.variables()]
    typed_data = typed(questionnaire, data)
    for f in faults.itertuples():
        i = int(f.row) - 1
        row = data.iloc[i]
        assert row["respondent_id"] == f.respondent_id
        if f.fault == "duplicate_submission":
            original = data.iloc[int(f.value) - 1]
            assert original["respondent_id"] == f.respondent_id
            assert (original[names] == row[names]).all()
            assert original["_submission_time"] < row["_submission_time"]
            continue
        if f.fault == "blank_row":
            assert (row[names] == "").all()
            continue
        if f.fault == "straight_lining":
            items = [item.name for item in questionnaire.question(f.variable).items]
            assert (row[items] == f.value).all()
            continue
        cell = row[f.variable]
        assert cell == f.value
        v = questionnaire.variable(f.variable)
        if f.fault == "out_of_range":
            if v.question.type is QuestionType.integer:
                assert not v.question.range[0] <= int(cell) <= v.question.range[1]
            else:
                assert int(cell) not in v.valid_codes()
        elif f.fault == "code_format":
            assert cell != cell.strip() or cell.endswith(".0")
            assert int(float(cell)) in v.valid_codes() or v.question.type is QuestionType.integer
        elif f.fault == "skip_violation":
            relevant = evaluate(parse(v.question.relevant), typed_data, questionnaire)
            assert not relevant.iloc[i] and cell != ""
        elif f.fault == "nfd_text":
            assert unicodedata.normalize("NFC", cell) != cell
        elif f.fault == "whitespace":
            assert cell != cell.strip()


def test_rows_without_faults_are_clean(questionnaire, faulty):
    faulted = set(faulty.faults["row"] - 1)
    duplicates = faulty.faults[faulty.faults["fault"] == "duplicate_submission"]
    faulted |= set(duplicates["value"].astype(int) - 1)
    rest = faulty.responses.drop(index=sorted(faulted))
    for v in questionnaire.variables():
        given = rest[v.name][rest[v.name] != ""]
        if v.is_categorical:
            assert set(given.astype(int)) <= set(v.valid_codes()), v.name
        assert given.map(lambda t: t == unicodedata.normalize("NFC", t).strip()).all()


# ---- formats and the command ----------------------------------------------------------------


def test_kobo_export_has_group_headers_and_select_multiple_columns(faulty, tmp_path):
    write_simulated(faulty, tmp_path / "kobo.csv", "kobo")
    data = read(tmp_path / "kobo.csv")
    columns = list(data.columns)
    assert columns[:4] == ["respondent_id", "A/category", "A/sex", "A/age"]
    assert columns[9:13] == ["B/src", "B/src/1", "B/src/2", "B/src/3"]
    assert {"B/eff_meet", "B/eff_train", "_uuid", "_submission_time", "_index"} <= set(columns)
    assert data["_index"].tolist() == [str(i) for i in range(1, 305)]
    assert data["_uuid"].is_unique  # a resubmission is a new submission
    # select_multiple: the codes ticked, space-separated.
    row = data[(data["B/src/1"] == "1") & (data["B/src/2"] == "0") & (data["B/src/3"] == "1")]
    assert (row["B/src"] == "1 3").all() and len(row) > 0


def test_xlsx_holds_codes_as_numbers_and_faulty_codes_as_text(faulty, tmp_path):
    from openpyxl import load_workbook

    write_simulated(faulty, tmp_path / "w.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "w.xlsx").active
    assert "simulated" in sheet.title
    header = [c.value for c in sheet[1]]
    fault = faulty.faults[faulty.faults["fault"] == "code_format"].iloc[0]
    cell = sheet.cell(row=fault["row"] + 1, column=header.index(fault["variable"]) + 1)
    assert cell.value == fault["value"]
    assert isinstance(sheet.cell(row=2, column=header.index("category") + 1).value, int)


def test_command_writes_data_and_sidecar(tmp_path, capsys):
    out = tmp_path / "raw" / "2021.csv"
    code = run(["simulate", str(MINI), "--n", "50", "--seed", "1", "--out", str(out)])
    assert code == 0
    assert "SIMULATED" in capsys.readouterr().out
    assert len(read(out)) == 51  # 2% of 50 rows over 8 kinds → one of each; one duplicate
    assert len(read(tmp_path / "raw" / "2021.faults.csv")) == 8


def test_command_rejects_a_sample_larger_than_the_population(tmp_path, capsys):
    out = tmp_path / "x.csv"
    code = run(["simulate", str(MINI), "--n", "5000", "--seed", "1", "--out", str(out)])
    assert code == 2
    assert "exceeds the population" in capsys.readouterr().err
    assert not out.exists()


def test_a_frame_whose_strata_are_not_codes_of_the_stratum_variable_is_an_error(
    questionnaire, tmp_path, capsys
):
    frame = tmp_path / "frame.yaml"
    frame.write_text(
        "name: {vi: Khung, en: Frame}\n"
        "strata:\n  - {code: 7, label: {vi: Bảy, en: Seven}, population: 100}\n",
        encoding="utf-8",
    )
    code = run(
        ["simulate", str(MINI), "--frame", str(frame), "--n", "10", "--seed", "1",
         "--out", str(tmp_path / "x.csv")]
    )  # fmt: skip
    assert code == 2
    assert "[7]" in capsys.readouterr().err


def test_the_fieldwork_start_can_be_given(questionnaire):
    sim = simulate(
        questionnaire, questionnaire.frame_model, 20, 1, fieldwork_start=dt.date(2022, 3, 1)
    )
    assert sim.responses["_submission_time"].min().startswith("2022-03")


# ---- waves linked by a harmonization map ------------------------------------------------------

HARMONIZATION = REPO / "questionnaires" / "harmonization-2021-2023.yaml"
# The 2021 frequency codes in 2023 codes (the map's recode: 1 often ... 4 never → 4 ... 1).
FREQUENCY_2021_TO_2023 = {"1": "4", "2": "3", "3": "2", "4": "1"}
# The 2023 five-point change scale collapsed onto the three points of 2021 (the map's recode).
CHANGE_2023_TO_2021 = {"1": "1", "2": "1", "3": "2", "4": "3", "5": "3"}


@pytest.fixture(scope="module")
def harmonization():
    return load_harmonization(HARMONIZATION)


def shares(column: pd.Series) -> pd.Series:
    """Proportion (0-1) of each code among the answered cells."""
    return column[column != ""].value_counts(normalize=True)


def within_noise(column_a: pd.Series, code_a: str, column_b: pd.Series, code_b: str) -> bool:
    """The two proportions differ by less than 4 standard errors of independent samples
    (conservative: members shared by two waves make the difference less variable)."""
    a, b = column_a[column_a != ""], column_b[column_b != ""]
    p, q = (a == code_a).mean(), (b == code_b).mean()
    se = np.sqrt(p * (1 - p) / len(a) + q * (1 - q) / len(b))
    return abs(p - q) < 4 * se


def test_without_a_map_the_output_is_byte_identical_to_before_maps_existed(tmp_path):
    q = load_questionnaire(MINI)
    sim = simulate(q, q.frame_model, 200, seed=7, fault_rate=0.05, wave_effect=0.1)
    out = tmp_path / "mini.csv"
    write_simulated(sim, out)
    # sha256 of the files the simulator wrote before --harmonization was added (same call).
    assert hashlib.sha256(out.read_bytes()).hexdigest() == (
        "8cec4ce9b724cf1340acab2928d6e242592e7f6862088651edbd01d66ebb34b2"
    )
    assert hashlib.sha256(faults_path(out).read_bytes()).hexdigest() == (
        "af0c6dd314a523bebccc6e9c334fb9ad4b89ad93784fe6b0f906cb4af8811976"
    )


def test_a_renamed_item_is_keyed_by_its_common_name_and_gets_the_same_parameters(
    harmonization,
):
    links_2021 = wave_links(harmonization, harmonization.questionnaire("2021"))
    links_2023 = wave_links(harmonization, harmonization.questionnaire("2023"))
    assert links_2021.seed_keys["eff_website"] == links_2023.seed_keys["eff_online"] == "eff_online"
    assert links_2021.seed_keys["part_website"] == "part_online"
    assert "part_documents" not in links_2021.seed_keys  # asked in 2021 only
    website = ordinal_model(DEFAULT_MEMBER_SEED, links_2021.seed_keys["eff_website"], 4)
    online = ordinal_model(DEFAULT_MEMBER_SEED, links_2023.seed_keys["eff_online"], 4)
    assert (website.loading, website.intercept) == (online.loading, online.intercept)
    assert np.array_equal(website.cuts, online.cuts)
    # Keyed by its own name the 2021 item would be another item.
    assert ordinal_model(DEFAULT_MEMBER_SEED, "eff_website", 4).intercept != online.intercept


def test_the_inverse_recodes_of_the_default_map(harmonization):
    links_2021 = wave_links(harmonization, harmonization.questionnaire("2021"))
    links_2023 = wave_links(harmonization, harmonization.questionnaire("2023"))
    # Frequency: 2023 codes, drawn in the order 2021 lists them (often first); 2021 gets back
    # its own codes, 2023 the same ones.
    assert links_2021.scales["part_website"] == CommonScale((4, 3, 2, 1), ((1,), (2,), (3,), (4,)))
    assert links_2023.scales["part_online"] == CommonScale((4, 3, 2, 1), ((4,), (3,), (2,), (1,)))
    # Change: 2021's three points; 2023 splits better and worse in two.
    assert links_2023.scales["change"] == CommonScale((1, 2, 3), ((1, 2), (3,), (4, 5)))


def test_a_split_category_goes_to_its_codes_in_listed_order():
    scale = CommonScale((1, 2, 3), ((1, 2), (3,), (4, 5)))
    position = np.array([0, 0, 1, 2, 2])
    within = np.array([0.1, 0.7, 0.5, 0.49, 0.99])
    assert scale.translate(position, within).tolist() == [1, 2, 3, 4, 5]


def test_with_the_same_seed_linked_waves_give_the_same_answers_up_to_the_recode(harmonization):
    q2021, q2023 = harmonization.questionnaire("2021"), harmonization.questionnaire("2023")
    a = simulate(q2021, q2021.frame_model, 600, seed=5, harmonization=harmonization).responses
    b = simulate(q2023, q2023.frame_model, 600, seed=5, harmonization=harmonization).responses
    assert a["respondent_id"].equals(b["respondent_id"])
    assert a["eff_website"].equals(b["eff_online"])
    assert a["part_website"].replace(FREQUENCY_2021_TO_2023).equals(b["part_online"])
    assert a["part_conference"].replace(FREQUENCY_2021_TO_2023).equals(b["part_conference"])
    assert b["change"].replace(CHANGE_2023_TO_2021).equals(a["change"])
    # The finer 2023 scale is used: the normal mass of 'better' is split in equal halves.
    better = b["change"][b["change"].isin(["1", "2"])]
    assert 0.42 < (better == "1").mean() < 0.58
    # Without the map the renamed item is a different item.
    a0 = simulate(q2021, q2021.frame_model, 600, seed=5).responses
    b0 = simulate(q2023, q2023.frame_model, 600, seed=5).responses
    assert (a0["eff_website"] == b0["eff_online"]).mean() < 0.6


def test_the_2021_wave_keeps_its_answers_except_the_renamed_items(harmonization):
    q = harmonization.questionnaire("2021")
    alone = simulate(q, q.frame_model, 400, seed=3).responses
    linked = simulate(q, q.frame_model, 400, seed=3, harmonization=harmonization).responses
    changed = [c for c in alone.columns if not alone[c].equals(linked[c])]
    # Durations count answered items, which the renamed items' blanks change.
    assert changed == ["part_website", "eff_website", "_duration_seconds"]


def test_with_no_wave_effect_independent_waves_agree_within_sampling_noise(harmonization):
    q2021, q2023 = harmonization.questionnaire("2021"), harmonization.questionnaire("2023")
    a = simulate(q2021, q2021.frame_model, 3000, seed=21, harmonization=harmonization).responses
    b = simulate(q2023, q2023.frame_model, 3000, seed=23, harmonization=harmonization).responses
    for code in ("1", "2", "3", "4"):
        assert within_noise(a["eff_website"], code, b["eff_online"], code), code
    # 'often' is code 1 in 2021 and code 4 in 2023.
    for old, new in (("part_conference", "part_conference"), ("part_website", "part_online")):
        assert within_noise(a[old], "1", b[new], "4"), old
    collapsed = b["change"].replace(CHANGE_2023_TO_2021)
    for code in ("1", "2", "3"):
        assert within_noise(a["change"], code, collapsed, code), code
    # Without the map, 2023's `favourable: last` still puts 'often' at the favourable end;
    # with neither, the reversed scale is read backwards: 'often' is a rare answer in 2023.
    b0 = simulate(q2023, q2023.frame_model, 3000, seed=23).responses
    assert within_noise(a["part_conference"], "1", b0["part_conference"], "4")
    undeclared = with_favourable(q2023, "frequency", None)
    b1 = simulate(undeclared, q2023.frame_model, 3000, seed=23).responses
    assert not within_noise(a["part_conference"], "1", b1["part_conference"], "4")


def test_command_takes_a_harmonization_map(tmp_path, capsys):
    out = tmp_path / "2023.csv"
    questionnaire = REPO / "questionnaires" / "degradation-2023.yaml"
    args = ["simulate", str(questionnaire), "--n", "60", "--seed", "1", "--fault-rate", "0"]
    assert run([*args, "--out", str(out), "--harmonization", str(HARMONIZATION)]) == 0
    linked = read(out)
    assert run([*args, "--out", str(tmp_path / "alone.csv")]) == 0
    alone = read(tmp_path / "alone.csv")
    # Drawn in 2021's order (often first) and written in 2023's codes; alone, 2023's
    # `favourable: last` draws 'often' (4) for the same latent too.
    assert linked["part_online"].equals(alone["part_online"])
    assert linked["eff_online"].equals(alone["eff_online"])  # 2023's own name is the common one
    # The map is in effect: change is drawn on 2021's three points, then split in two.
    assert not linked["change"].equals(alone["change"])


def test_a_questionnaire_other_than_the_maps_for_its_wave_is_an_error(tmp_path, capsys):
    # The mini questionnaire says it is wave 2021, but it is not the map's 2021 questionnaire.
    args = ["simulate", str(MINI), "--n", "10", "--seed", "1", "--out", str(tmp_path / "x.csv")]
    assert run([*args, "--harmonization", str(HARMONIZATION)]) == 2
    err = capsys.readouterr().err
    assert "is not the map's 2021 questionnaire" in err
    assert "harmonization-2021-2023.yaml" in err
    assert not (tmp_path / "x.csv").exists()


def test_a_questionnaire_whose_wave_is_not_in_the_map_is_an_error(questionnaire, harmonization):
    other_wave = questionnaire.model_copy(update={"wave": "2019"})
    with pytest.raises(InputError, match="not one of the map's waves"):
        wave_links(harmonization, other_wave)


# ---- a two-stage sample ------------------------------------------------------------------------


def anova_icc(values: np.ndarray, strata: np.ndarray, clusters: np.ndarray) -> float:
    """The one-way ANOVA estimator of the intra-cluster correlation, clusters pooled within
    strata (stratum means removed, so stratum effects do not count as clustering):
    (MSB - MSW) / (MSB + (n0 - 1) MSW), where G clusters in H strata give MSB its G - H degrees
    of freedom and n0 = (N - Σ_h Σ_i n_hi² / N_h) / (G - H) is the mean cluster size as the
    unbalanced ANOVA defines it."""
    frame = pd.DataFrame({"y": values, "h": strata, "c": clusters})
    frame["y"] -= frame.groupby("h")["y"].transform("mean")
    groups = frame.groupby(["h", "c"])["y"]
    sizes, means = groups.size(), groups.mean().to_numpy()
    n, g, h = len(frame), len(sizes), frame["h"].nunique()
    between = float((sizes.to_numpy() * means**2).sum()) / (g - h)
    within = float(((frame["y"] - groups.transform("mean")) ** 2).sum()) / (n - g)
    squares = (sizes**2).groupby(level="h").sum() / sizes.groupby(level="h").sum()
    n0 = (n - float(squares.sum())) / (g - h)
    return (between - within) / (between + (n0 - 1) * within)


@pytest.fixture(scope="module")
def two_stage_questionnaire(tmp_path_factory):
    from .two_stage import write_two_stage_questionnaire

    folder = tmp_path_factory.mktemp("two-stage")
    return load_questionnaire(write_two_stage_questionnaire(folder, (6000, 4000)))


def two_stage_sample(q, icc: float):
    from pipeline.demo.simulate import TwoStage

    design = TwoStage(organisation_size=25, members_per_organisation=10, icc=icc)
    return simulate(q, q.frame_model, 2000, seed=5, two_stage=design)


def test_a_two_stage_sample_draws_organisations_then_members(two_stage_questionnaire):
    sim = two_stage_sample(two_stage_questionnaire, 0.2)
    data = sim.responses.astype({"category": int, "org_id": int, "n_orgs": int})
    data["org_members"] = data["org_members"].astype(int)
    per_org = data.groupby(["category", "org_id"]).size()
    # 6000 / 25 = 240 and 4000 / 25 = 160 organisations; 1200 and 800 members allocated,
    # 10 per organisation: 120 and 80 organisations drawn.
    assert data.groupby("category")["n_orgs"].unique().map(list).to_dict() == {
        1: [240],
        2: [160],
    }
    assert per_org.groupby("category").size().to_dict() == {1: 120, 2: 80}
    assert (per_org == 10).all() and (data["org_members"] == 25).all()
    assert data["respondent_id"].is_unique and len(data) == 2000


def test_the_simulated_intra_cluster_correlation_is_recovered(two_stage_questionnaire):
    # Standard error of the ANOVA estimate at ρ = 0.2 with 200 clusters of 10: about 0.025.
    for icc in (0.2, 0.0):
        sim = two_stage_sample(two_stage_questionnaire, icc)
        data = sim.responses
        latent = sim.latent.loc[data["respondent_id"]].to_numpy()
        estimate = anova_icc(latent, data["category"].to_numpy(), data["org_id"].to_numpy())
        assert estimate == pytest.approx(icc, abs=0.06), icc


def test_answers_of_a_two_stage_sample_cluster_too(two_stage_questionnaire):
    """The likert items load on the latent: their mean score inherits part of its clustering
    (about a third of it here), and none without an organisation effect."""
    iccs = []
    for icc in (0.3, 0.0):
        data = two_stage_sample(two_stage_questionnaire, icc).responses
        items = data[["trust", "eff_meet", "eff_train"]].apply(pd.to_numeric, errors="coerce")
        items = items.where(items < 90)  # 97: hard to say
        answered = items.notna().all(axis=1).to_numpy()
        score = items[answered].mean(axis=1).to_numpy()
        cells = data[answered]
        iccs.append(anova_icc(score, cells["category"].to_numpy(), cells["org_id"].to_numpy()))
    assert iccs[0] > 0.06 and abs(iccs[1]) < 0.05


def test_the_design_questions_must_be_integer_questions(questionnaire):
    from pipeline.demo.simulate import TwoStage

    with pytest.raises(InputError, match="integer question") as err:
        simulate(questionnaire, questionnaire.frame_model, 100, seed=1, two_stage=TwoStage())
    assert err.value.column == "org_id"


def test_a_two_stage_sample_is_reproducible_and_marked_simulated(two_stage_questionnaire):
    a, b = (two_stage_sample(two_stage_questionnaire, 0.2) for _ in range(2))
    pd.testing.assert_frame_equal(a.responses, b.responses)
    assert set(a.responses["_simulated"]) == {"1"}
