"""The charts' drawn geometry, read from the matplotlib figure: segment widths are the
percentages, the zero line sits on the neutral middle (or between the halves), the
favourable end is on the right as the choice list says, whiskers end at the CI limits, and
no two labels overlap (text boxes measured by the renderer)."""

from __future__ import annotations

import itertools

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.container import BarContainer
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from pipeline.stages.compare.charts import slope_figure, spread_positions
from pipeline.stages.report.charts import (
    DivergingBar,
    Series,
    bars_figure,
    diverging_figure,
    diverging_lefts,
    diverging_palette,
    options_figure,
    scale_order,
)

matplotlib.use("Agg")


def bar_segments(ax, y: int) -> list[Rectangle]:
    """The stacked segments of bar ``y`` (bottom edge at y - 0.35), left to right."""
    rects = [
        p for p in ax.patches if isinstance(p, Rectangle) and abs(p.get_y() - (y - 0.35)) < 1e-9
    ]
    return sorted(rects, key=lambda r: r.get_x())


def diverging(shares, missing=3.0):
    bars = [DivergingBar("Item A", tuple(shares), missing), DivergingBar("Item B", tuple(shares))]
    options = [f"option {i}" for i in range(len(shares))]
    return diverging_figure(bars, options, "Title", "Don't know", "%")


def test_odd_scale_centres_the_neutral_option_on_the_zero_line():
    shares = (10.0, 15.0, 30.0, 25.0, 20.0)  # unfavourable → favourable
    fig = diverging(shares)
    ax = fig.axes[0]
    segments = bar_segments(ax, 0)
    assert [s.get_width() for s in segments] == pytest.approx(shares)
    middle = segments[2]
    assert middle.get_x() + middle.get_width() / 2 == pytest.approx(0.0)
    # segments touch: each starts where the previous ends
    for a, b in itertools.pairwise(segments):
        assert b.get_x() == pytest.approx(a.get_x() + a.get_width())
    zero = [line for line in ax.lines if list(line.get_xdata()) == [0, 0]]
    assert zero, "the zero line is drawn at x = 0"


def test_even_scale_puts_the_zero_line_between_the_halves():
    shares = (12.0, 28.0, 35.0, 25.0)
    ax = diverging(shares).axes[0]
    segments = bar_segments(ax, 1)
    assert [s.get_width() for s in segments] == pytest.approx(shares)
    assert segments[2].get_x() == pytest.approx(0.0)  # favourable half starts at 0
    assert segments[1].get_x() + segments[1].get_width() == pytest.approx(0.0)
    assert diverging_lefts(np.array(shares))[0] == pytest.approx(-40.0)


def test_dont_know_is_a_separate_bar_outside_the_scale():
    fig = diverging((20.0, 30.0, 50.0), missing=7.5)
    side = fig.axes[1]
    widths = sorted(p.get_width() for p in side.patches)
    assert widths == pytest.approx([0.0, 7.5])
    assert sum(s.get_width() for s in bar_segments(fig.axes[0], 0)) == pytest.approx(100.0)


def test_the_favourable_end_declared_by_the_choice_list_is_drawn_on_the_right():
    assert scale_order([1, 2, 3, 4], "first") == [4, 3, 2, 1]
    assert scale_order([1, 2, 3, 4], "last") == [1, 2, 3, 4]
    assert scale_order([1, 2, 3], None) == [3, 2, 1]  # undeclared: as listed, first is best


def test_palette_is_symmetric_and_lightest_in_the_middle():
    def lightness(colour):
        r, g, b = matplotlib.colors.to_rgb(colour)
        return 0.299 * r + 0.587 * g + 0.114 * b  # the greyscale a printer makes

    for k in (3, 4, 5, 7):
        grey = [lightness(c) for c in diverging_palette(k)]
        half = k // 2
        assert grey[:half] == sorted(grey[:half])  # lighter towards the middle
        assert grey[k - half :] == sorted(grey[k - half :], reverse=True)
        assert len(set(diverging_palette(k))) == k


def texts_overlap(fig, texts) -> list[tuple[str, str]]:
    renderer = fig.canvas.get_renderer()
    # Text's own box (an annotation's box would include its leader line)
    boxes = [(t.get_text(), Text.get_window_extent(t, renderer)) for t in texts if t.get_text()]
    return [(a, b) for (a, ba), (b, bb) in itertools.combinations(boxes, 2) if ba.overlaps(bb)]


def test_no_two_labels_of_a_diverging_chart_overlap():
    bars = [DivergingBar(f"Statement number {i} about the work", (8.0, 12.0, 20.0, 35.0, 25.0))
            for i in range(8)]  # fmt: skip
    fig = diverging_figure(bars, [f"o{i}" for i in range(5)], "T", "DK", "%")
    fig.canvas.draw()
    ax = fig.axes[0]
    assert texts_overlap(fig, ax.get_yticklabels()) == []
    assert texts_overlap(fig, ax.texts) == []  # the numbers inside the segments


def test_bars_whiskers_end_at_the_ci_limits_and_hidden_columns_are_not_drawn():
    series = [
        Series("Total", (40.0, 60.0), (35.0, 55.0), (45.0, 65.0)),
        Series("(A) Small", (np.nan, np.nan), (np.nan, np.nan), (np.nan, np.nan)),
        Series("(B) Big", (30.0, 70.0), (22.0, 61.0), (38.0, 79.0)),
    ]
    ax = bars_figure(["Yes", "No"], series, "T").axes[0]
    heights = sorted(p.get_height() for p in ax.patches)
    assert heights == pytest.approx([30.0, 40.0, 60.0, 70.0])  # nothing for (A)
    ends = sorted(
        tuple(np.round(seg[:, 1], 6)) for coll in ax.collections for seg in coll.get_segments()
    )
    assert ends == sorted([(35.0, 45.0), (55.0, 65.0), (22.0, 38.0), (61.0, 79.0)])


def test_option_bars_are_the_percentages_with_their_cis():
    ax = options_figure(["a", "b"], [50.0, 20.0], [45.0, 15.0], [55.0, 26.0], "T").axes[0]
    assert sorted(p.get_width() for p in ax.patches) == pytest.approx([20.0, 50.0])
    spans = sorted(tuple(np.round(s[:, 0], 6)) for c in ax.collections for s in c.get_segments())
    assert spans == [(15.0, 26.0), (45.0, 55.0)]


class Labels:
    def item(self, name: str) -> str:
        return f"The statement called {name}, in words"


def test_slope_chart_labels_never_overlap_even_when_the_ends_coincide():
    rng = np.random.default_rng(1)
    ends = np.concatenate([np.full(12, 3.0), rng.uniform(2.0, 4.0, 30)])
    rows = pd.DataFrame({
        "item": [f"q{i}" for i in range(len(ends))],
        "est_a": rng.uniform(2.0, 4.0, len(ends)),
        "est_b": ends,
        "mark": ["▲" if i % 3 == 0 else "" for i in range(len(ends))],
    })  # fmt: skip
    words = {"mean": "Mean", "significant": "changed", "not_significant": "unchanged"}
    fig = slope_figure(rows, Labels(), "T", ("2021", "2023"), words)
    fig.canvas.draw()
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_text().startswith("The statement")]
    assert len(labels) == len(rows)
    assert texts_overlap(fig, labels) == []
    # every label is inside the figure
    renderer = fig.canvas.get_renderer()
    figure_box = fig.bbox
    for t in labels:
        box = Text.get_window_extent(t, renderer)
        assert figure_box.y0 <= box.y0 and box.y1 <= figure_box.y1


def test_spread_positions_keep_the_gap_and_the_mean():
    placed = spread_positions([1.0, 1.0, 1.0, 5.0], 0.5)
    gaps = np.diff(sorted(placed))
    assert (gaps >= 0.5 - 1e-12).all()
    assert np.mean(placed) == pytest.approx(2.0)


def grey(rgba) -> float:
    """The luminance a greyscale print gives a colour (Rec. 709 on linear RGB)."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_every_two_series_of_grouped_bars_stay_apart_in_greyscale():
    series = [
        Series(f"({chr(65 + j)}) column", (40.0, 60.0), (35.0, 55.0), (45.0, 65.0))
        for j in range(8)
    ]
    ax = bars_figure(["Yes", "No"], series, "T").axes[0]
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    looks = [(grey(c.patches[0].get_facecolor()), c.patches[0].get_hatch()) for c in bars]
    assert len(looks) == 8
    for (grey_a, hatch_a), (grey_b, hatch_b) in itertools.combinations(looks, 2):
        assert abs(grey_a - grey_b) >= 0.15 or (hatch_a or "") != (hatch_b or "")


def test_grouped_bars_of_many_options_keep_every_label_apart():
    foods = ["Breakfast cereal with milk", "Fried rice with egg", "Grilled pork chop",
             "Vegetable spring rolls", "Noodle soup with beef", "Steamed fish with ginger",
             "Chicken curry", "Fresh fruit salad", "Sticky rice with mango", "Tofu in tomato",
             "Banh mi with pate", "Pizza", "Other"]  # fmt: skip
    series = [
        Series(name, tuple([10.0] * 13), tuple([5.0] * 13), tuple([15.0] * 13))
        for name in ("Total", "(A) Morning", "(B) Evening")
    ]
    fig = bars_figure(foods, series, "Favourite food")
    fig.canvas.draw()
    ax = fig.axes[0]
    ticks = [*ax.get_xticklabels(), *ax.get_yticklabels()]
    labels = [t for t in ticks if t.get_text().replace("\n", " ") in foods]
    assert len(labels) == len(foods)
    assert texts_overlap(fig, labels) == []
    assert len(ax.patches) == 39
