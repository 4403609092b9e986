import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.model.frame import load_frame
from pipeline.statistics.allocate import (
    Method,
    allocate,
    largest_remainder,
    plan_for_margin,
    sample_size_for_margin,
)

from .conftest import REPO


@pytest.fixture
def frame():
    return load_frame(REPO / "questionnaires" / "frame.yaml")


def test_default_frame_has_the_five_member_categories(frame):
    assert frame.sizes() == {1: 5421, 2: 1418, 3: 1944, 4: 521, 5: 210}
    assert frame.population() == 9514


def test_proportional_allocation_of_1375_matches_the_article(frame):
    assert [a.n for a in allocate(frame.sizes(), 1375)] == [784, 205, 281, 75, 30]


def test_weights_and_fractions_are_population_over_sample(frame):
    first = allocate(frame.sizes(), 1375)[0]
    assert first.weight == pytest.approx(5421 / 784)
    assert first.sampling_fraction == pytest.approx(784 / 5421)


def test_equal_allocation_caps_a_stratum_at_its_population(frame):
    # 1375 / 5 = 275 each, but stratum 5 has only 210 members: the 65 left go to the others.
    assert [a.n for a in allocate(frame.sizes(), 1375, Method.equal)] == [292, 291, 291, 291, 210]


def test_minimum_per_stratum_is_taken_from_the_others(frame):
    counts = [a.n for a in allocate(frame.sizes(), 1375, min_per_stratum=50)]
    assert counts[4] == 50
    assert sum(counts) == 1375
    # The remaining 1325 are shared proportionally among strata 1-4 (N = 9304).
    assert counts[0] == round(1325 * 5421 / 9304)


def test_neyman_allocation_follows_population_times_sd(frame):
    sd = {1: 1.0, 2: 2.0, 3: 1.0, 4: 1.0, 5: 1.0}
    counts = [a.n for a in allocate(frame.sizes(), 1000, Method.neyman, sd=sd)]
    shares = [5421, 2836, 1944, 521, 210]
    expected = [1000 * s / sum(shares) for s in shares]
    assert all(abs(c - e) < 1 for c, e in zip(counts, expected, strict=True))
    assert sum(counts) == 1000


def test_largest_remainder_sums_exactly():
    import numpy as np

    quotas = np.array([1.5, 1.5, 1.0])
    assert largest_remainder(quotas, 4).tolist() == [2, 1, 1]


def test_sample_larger_than_population_is_an_error(frame):
    with pytest.raises(InputError, match="exceeds the population"):
        allocate(frame.sizes(), 10_000)


def test_allocate_command_prints_the_table(capsys):
    code = run(["allocate", "--frame", str(REPO / "questionnaires/frame.yaml"), "--n", "1375"])
    out = capsys.readouterr().out
    assert code == 0
    assert "784" in out and "Khu vực ngoài nhà nước" in out


def test_allocate_command_with_missing_frame_exits_2(capsys):
    code = run(["allocate", "--frame", "no-such-frame.yaml", "--n", "10"])
    assert code == 2
    assert "no-such-frame.yaml" in capsys.readouterr().err


# ---- the sample size for a target margin of error ---------------------------------------------

Z95 = 1.959963984540054  # the standard normal's 97.5% quantile


def test_the_sample_for_a_margin_is_the_hand_calculation(frame):
    # ±3 points, p = 0.5, deff 1.5: n0 = 1.5 × 1.96² × 0.25 / 0.03² = 1600.61;
    # with N = 9,514: n = 1600.61 / (1 + 1600.61 / 9514) = 1370.11 → 1,371 completed;
    # at 80% response: 1371 / 0.8 = 1713.75 → 1,714 issued.
    n0 = 1.5 * Z95**2 * 0.25 / 0.03**2
    assert n0 == pytest.approx(1600.6078, abs=1e-4)
    size = sample_size_for_margin(0.03, 9514, deff=1.5, response_rate=0.8)
    assert size.unrounded == pytest.approx(n0 / (1 + n0 / 9514), rel=1e-12)
    assert size.unrounded == pytest.approx(1370.11, abs=0.01)
    assert (size.completed, size.issued) == (1371, 1714)
    # without a population (no FPC), a textbook value: ±5 points at 95% is 385
    assert sample_size_for_margin(0.05).completed == 385


def test_the_sample_found_reaches_the_margin_the_report_computes(frame):
    from pipeline.stages.report.data import margin_of_error

    for margin, population, p in ((0.03, 9514, 0.5), (0.05, 521, 0.3), (0.02, 210, 0.5)):
        n = sample_size_for_margin(margin, population, p=p).completed
        assert margin_of_error(n, population, p) <= margin < margin_of_error(n - 1, population, p)


def test_a_plan_gives_the_total_allocated_and_each_stratum_s_own_sample(frame):
    plan = plan_for_margin(frame.sizes(), 0.03, deff=1.5, response_rate=0.8)
    assert plan.total.completed == 1371
    assert [a.n for a in plan.allocation] == [a.n for a in allocate(frame.sizes(), 1371)]
    # the smallest stratum (N = 210) needs nearly everyone for ±3 points on its own:
    # n0 = 1600.61, n = 1600.61 / (1 + 1600.61 / 210) = 185.65 → 186; 186 / 0.8 → 233 > 210
    own = plan.per_stratum[5]
    assert (own.completed, own.issued, own.issued_exceeds_population) == (186, 233, True)


def test_a_margin_outside_0_1_is_refused():
    with pytest.raises(InputError, match="margin must be a proportion"):
        sample_size_for_margin(3)
    with pytest.raises(InputError, match="response_rate"):
        sample_size_for_margin(0.03, response_rate=0)


def test_allocate_command_answers_the_margin_question(capsys):
    args = ["allocate", "--frame", str(REPO / "questionnaires" / "frame.yaml"), "--lang", "en"]
    assert run([*args, "--margin", "0.03", "--deff", "1.5", "--response-rate", "0.8"]) == 0
    out = capsys.readouterr().out
    assert "1,371" in out and "1,714" in out and "more than N_h" in out
    assert run([*args, "--margin", "0.03", "--n", "100"]) == 2
    assert "either --n" in capsys.readouterr().err
