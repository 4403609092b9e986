import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.model.frame import load_frame
from pipeline.statistics.allocate import Method, allocate, largest_remainder

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
