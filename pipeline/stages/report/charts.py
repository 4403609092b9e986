"""The reports' charts (matplotlib, Agg): diverging stacked bars for Likert items, bars with
95% CI whiskers by banner column, and bars with CI whiskers for multiple-choice options.
They plot what the tabulate stage wrote; nothing is estimated here. Hidden columns (the
suppression rule) are not drawn.

Each chart is built in two steps: a ``*_figure`` function draws a matplotlib figure from
plain numbers (so tests can read the drawn geometry: patch widths, the zero line, label
boxes), and a wrapper turns the stage outputs into those numbers and the figure into a
:class:`Chart` (PNG bytes plus the alt text a screen reader speaks).

The diverging bar's rule: segments run from the unfavourable end (left) to the favourable
end (right) of the scale, as the choice list's ``favourable: first|last`` says (first when
undeclared); with an odd number of options the middle (neutral) one is centred on the zero
line, with an even number the zero line sits between the unfavourable and the favourable
halves. Don't-know and refused answers are a separate bar to the right, outside the scale.
Colours come from a colour-blind-safe diverging palette whose lightness rises towards the
neutral middle, and every segment of 6% or more carries its number, so greyscale prints
stay readable.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from pipeline.model.questionnaire import Question, Variable  # noqa: E402
from pipeline.stages.report.data import (  # noqa: E402
    WaveData,
    banner_columns,
    cells_of,
    hidden,
    missing_share,
    option_labels,
    question_variables,
)
from pipeline.stages.report.text import fmt_number, words  # noqa: E402
from pipeline.stages.tabulate import TOTAL  # noqa: E402

DPI = 110
# ColorBrewer BrBG (colour-blind safe), unfavourable (brown) → favourable (teal), with a
# neutral grey middle; lightness rises towards the middle, so greyscale keeps the order.
DIVERGING = ("#8c510a", "#d8b365", "#f6e8c3", "#c7c7c7", "#c7eae5", "#5ab4ac", "#01665e")
MISSING_COLOUR = "#9e9e9e"
# Okabe-Ito: distinguishable with every common colour-vision deficiency; the Total is black.
QUALITATIVE = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7",
               "#F0E442")  # fmt: skip
# Okabe-Ito colours tell series apart for colour-blind readers, but several share a grey
# (orange and sky blue differ by 1% in luminance): each series also gets its own hatching,
# so the bars stay apart on a greyscale print.
HATCHES = ("", "////", "....", "xxxx", "\\\\\\\\", "++++", "----", "oooo")
LABEL_MIN = 6.0  # segments narrower than this (percent) carry no number


@dataclass(frozen=True)
class Chart:
    """A chart as the report embeds it: PNG bytes and its alt text."""

    png: bytes
    alt: str


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes, without a timestamp or software tag (reproducible)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _wrap(text: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


# ----- diverging stacked bars --------------------------------------------------------------


def scale_order(codes: list[int], favourable: str | None) -> list[int]:
    """The substantive codes from the unfavourable to the favourable end."""
    return list(codes)[::-1] if favourable in (None, "first") else list(codes)


def diverging_lefts(shares: np.ndarray) -> np.ndarray:
    """Left edge of each segment (percent) of one bar whose ``shares`` run from the
    unfavourable to the favourable end: the neutral middle (odd count) is centred on 0,
    otherwise 0 falls between the two halves."""
    shares = np.asarray(shares, dtype=float)
    k = len(shares)
    half = k // 2
    start = -(shares[:half].sum() + (shares[half] / 2 if k % 2 else 0.0))
    return start + np.concatenate([[0.0], np.cumsum(shares)[:-1]])


def diverging_palette(k: int) -> list[str]:
    """k colours from unfavourable to favourable, grey in the middle when k is odd."""
    if k % 2:
        side = (k - 1) // 2
        picks = np.linspace(0, 2, side).round().astype(int) if side else np.array([], int)
        left = [DIVERGING[i] for i in picks]
        right = [DIVERGING[6 - i] for i in picks][::-1]
        return [*left, DIVERGING[3], *right]
    side = k // 2
    picks = np.linspace(0, 2, side).round().astype(int)
    return [DIVERGING[i] for i in picks] + [DIVERGING[6 - i] for i in picks][::-1]


@dataclass(frozen=True)
class DivergingBar:
    """One item of a diverging chart: its label, the shares (percent, summing to 100) in
    scale order from unfavourable to favourable, and the don't-know/refused share (percent
    of everyone asked)."""

    label: str
    shares: tuple[float, ...]
    missing: float = 0.0

    @property
    def favourable(self) -> float:
        half = len(self.shares) // 2
        return float(sum(self.shares[len(self.shares) - half :]))


def diverging_figure(
    bars: list[DivergingBar],
    options: list[str],
    title: str,
    missing_label: str,
    axis_label: str,
) -> Figure:
    """Diverging stacked bars (one per item, in the given order, top to bottom) on the main
    axes, the don't-know/refused share on a narrow axes beside it. ``options``: the option
    labels in scale order (unfavourable → favourable)."""
    k = len(options)
    colours = diverging_palette(k)
    height = 0.5 * len(bars) + 1.9
    fig, (ax, side) = plt.subplots(
        1, 2, figsize=(9, height), sharey=True, gridspec_kw={"width_ratios": [6, 1]}
    )
    for y, bar in enumerate(bars):
        lefts = diverging_lefts(np.array(bar.shares))
        for i, (left, width) in enumerate(zip(lefts, bar.shares, strict=True)):
            ax.barh(y, width, left=left, color=colours[i], edgecolor="white", height=0.7)
            if width >= LABEL_MIN:
                dark = i in (0, k - 1)
                ax.text(left + width / 2, y, f"{width:.0f}", ha="center", va="center",
                        fontsize=7, color="white" if dark else "black")  # fmt: skip
        side.barh(y, bar.missing, color=MISSING_COLOUR, height=0.7)
        side.text(bar.missing + 1, y, f"{bar.missing:.0f}", va="center", fontsize=7)
    ax.axvline(0, color="black", linewidth=0.9)
    ax.set_yticks(range(len(bars)), [_wrap(b.label, 45) for b in bars], fontsize=8)
    ax.invert_yaxis()
    reach = max([100.0] + [abs(x) for b in bars for x in _extent(b)])
    ax.set_xlim(-reach, reach) if reach > 100 else ax.set_xlim(-100, 100)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{abs(x):.0f}"))
    ax.set_xlabel(axis_label)
    side.set_xlim(0, max(30.0, max((b.missing for b in bars), default=0) * 1.4))
    side.set_title(_wrap(missing_label, 16), fontsize=7)
    side.tick_params(axis="y", left=False)
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in colours]
    # Below the axis label: anchored at the axes' bottom, pushed down by the pad (font sizes).
    ax.legend(handles, [_wrap(o, 18) for o in options], ncol=min(k, 5), fontsize=7,
              loc="upper center", bbox_to_anchor=(0.5, 0.0), borderaxespad=4.2,
              frameon=False)  # fmt: skip
    ax.set_title(_wrap(title, 75), fontsize=9, loc="left")
    for a in (ax, side):
        a.spines[["top", "right"]].set_visible(False)
    return fig


def _extent(bar: DivergingBar) -> tuple[float, float]:
    lefts = diverging_lefts(np.array(bar.shares))
    return float(lefts[0]), float(lefts[-1] + bar.shares[-1])


def favourable_end(data: WaveData, variable: Variable) -> str | None:
    choices = data.questionnaire.choice_list(variable.question)
    return choices.favourable if choices is not None else None


def likert_bars(data: WaveData, question: Question, lang: str) -> tuple[list, list[str]]:
    """The diverging bars of a Likert question's items (sorted by their favourable share,
    largest first) and the option labels in scale order."""
    variables = question_variables(data, question)
    order = scale_order(variables[0].substantive_codes(), favourable_end(data, variables[0]))
    labels = option_labels(data, variables[0], lang)
    bars = []
    for v in variables:
        cells = cells_of(data, v.name, TOTAL)
        props = {r["row_code"]: r["prop"] for r in cells.to_dict("records")}
        shares = tuple(100.0 * float(props.get(c, 0.0)) for c in order)
        bars.append(
            DivergingBar(
                data.questionnaire.in_language(v.label, lang),
                shares,
                100.0 * missing_share(data, v),
            )
        )
    bars.sort(key=lambda b: -b.favourable)
    return bars, [labels[c] for c in order]


def likert_diverging(data: WaveData, question: Question, lang: str) -> Chart:
    """Items of a Likert grid (or one Likert item), whole sample, as diverging bars."""
    w = words(lang)
    bars, options = likert_bars(data, question, lang)
    title = f"{data.questionnaire.in_language(question.label, lang)}\n{w['figure_likert']}"
    fig = diverging_figure(bars, options, title, w["dk_refused"], w["axis_percent"])
    return Chart(
        png(fig),
        likert_alt(data.questionnaire.in_language(question.label, lang), bars, options, lang),
    )


def likert_alt(question: str, bars: list[DivergingBar], options: list[str], lang: str) -> str:
    """Alt text: what the chart shows, and its highest and lowest favourable shares."""
    w = words(lang)
    top, bottom = bars[0], bars[-1]
    half = len(options) // 2
    favourable = " / ".join(options[len(options) - half :])
    return w["alt_likert"].format(
        question=question.rstrip("?:. "),
        favourable=favourable,
        top=top.label,
        top_value=fmt_number(top.favourable, lang, 0),
        bottom=bottom.label,
        bottom_value=fmt_number(bottom.favourable, lang, 0),
    )


# ----- bars with CI whiskers --------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """One group of bars: its legend label and, per category, the percentage and its CI
    (percent; NaN = not shown)."""

    label: str
    values: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]


# Beyond this many options a vertical chart's axis labels collide (13 food types did), so
# the bars lie down and each option's label gets a line of its own.
MOST_UPRIGHT_GROUPS = 6


def bars_figure(categories: list[str], series: list[Series], title: str) -> Figure:
    """Grouped bars (percent), one group per category, one bar per series, with CI whiskers;
    upright for a few categories, lying down for more. NaN values (hidden columns) are not
    drawn."""
    upright = len(categories) <= MOST_UPRIGHT_GROUPS
    if upright:
        fig, ax = plt.subplots(figsize=(9, 3.8))
    else:
        bars = len(categories) * max(len(series), 2)
        fig, ax = plt.subplots(figsize=(9, min(0.22 * bars + 1.4, 10.0)))  # a page at most
    width = 0.8 / max(len(series), 1)
    for j, s in enumerate(series):
        xs = np.arange(len(categories)) - 0.4 + width * (j + 0.5)
        v, lo, hi = (np.array(x, dtype=float) for x in (s.values, s.low, s.high))
        keep = ~np.isnan(v)
        style = {
            "color": QUALITATIVE[j % len(QUALITATIVE)], "hatch": HATCHES[j % len(HATCHES)],
            "edgecolor": "#ffffff" if j == 0 else "#333333", "linewidth": 0.3,
            "label": _wrap(s.label, 30),
        }  # fmt: skip
        spread = [v[keep] - lo[keep], hi[keep] - v[keep]]
        whiskers = {"fmt": "none", "ecolor": "#555555", "elinewidth": 0.8, "capsize": 2}
        if upright:
            ax.bar(xs[keep], v[keep], width=width * 0.95, **style)
            ax.errorbar(xs[keep], v[keep], yerr=spread, **whiskers)
        else:
            ax.barh(xs[keep], v[keep], height=width * 0.95, **style)
            ax.errorbar(v[keep], xs[keep], xerr=spread, **whiskers)
    if upright:
        ax.set_xticks(range(len(categories)), [_wrap(c, 16) for c in categories], fontsize=8)
        ax.set_ylabel("%")
        ax.set_ylim(0, 100)
    else:
        ax.set_yticks(range(len(categories)), [_wrap(c, 40) for c in categories], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("%")
        ax.set_xlim(0, 100)
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(_wrap(title, 90), fontsize=9, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def banner_bars(data: WaveData, variable: str, banner: str, lang: str) -> Chart:
    """Each option's weighted % in the Total and every shown banner column, with 95% CIs."""
    v = data.questionnaire.variable(variable)
    codes = v.substantive_codes()
    labels = option_labels(data, v, lang)
    lookup = {
        (r["row_code"], r["col_code"]): r
        for r in cells_of(data, variable, banner).to_dict("records")
    }
    series = []
    for col, header in banner_columns(data, banner, lang):
        cells = [lookup.get((c, col)) for c in codes]
        shown = [c is not None and not hidden(c, data.threshold) for c in cells]
        if not any(shown):
            continue
        series.append(
            Series(
                header,
                *(_percents(cells, shown, key) for key in ("prop", "ci_low", "ci_high")),
            )
        )
    w = words(lang)
    banner_label = data.questionnaire.in_language(
        data.questionnaire.variable(banner).label, lang
    ).rstrip("?")
    shown = data.questionnaire.in_language(v.label, lang)
    title = f"{shown}\n{w['figure_bars'].format(banner=banner_label)}"
    fig = bars_figure([labels[c] for c in codes], series, title)
    alt = w["alt_bars"].format(
        question=data.questionnaire.in_language(v.label, lang).rstrip("?:. "), banner=banner_label
    )
    return Chart(png(fig), alt)


def _percents(cells: list, shown: list[bool], key: str) -> tuple[float, ...]:
    return tuple(100 * c[key] if ok else np.nan for c, ok in zip(cells, shown, strict=True))


def options_figure(labels: list[str], values, low, high, title: str) -> Figure:
    """Horizontal bars (percent) with CI whiskers, one per option, in the given order."""
    v, lo, hi = (np.asarray(x, dtype=float) for x in (values, low, high))
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(labels) + 1.4))
    positions = np.arange(len(labels))
    ax.barh(positions, v, color="#0072B2", height=0.6)
    ax.errorbar(v, positions, xerr=[v - lo, hi - v], fmt="none", ecolor="black",
                elinewidth=0.8, capsize=2)  # fmt: skip
    ax.set_yticks(positions, [_wrap(x, 45) for x in labels], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("%")
    ax.set_title(_wrap(title, 90), fontsize=9, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def multiple_bars(data: WaveData, question: Question, lang: str) -> Chart:
    """Options of a multiple-choice question: % choosing each (whole sample, 95% CI), the
    most chosen first."""
    rows = []
    for v in question_variables(data, question):
        cells = cells_of(data, v.name, TOTAL)
        cell = next(r for r in cells.to_dict("records") if r["row_code"] == 1)
        shown = data.questionnaire.in_language(v.label, lang)
        rows.append((shown, 100 * cell["prop"], 100 * cell["ci_low"],
                     100 * cell["ci_high"]))  # fmt: skip
    rows.sort(key=lambda r: -r[1])
    w = words(lang)
    title = f"{data.questionnaire.in_language(question.label, lang)}\n{w['figure_multiple']}"
    fig = options_figure(*(list(x) for x in zip(*rows, strict=True)), title)
    alt = w["alt_multiple"].format(
        question=data.questionnaire.in_language(question.label, lang).rstrip("?:. "),
        top=rows[0][0],
        value=fmt_number(rows[0][1], lang, 0),
    )
    return Chart(png(fig), alt)


def headline_chart(figures: list, lang: str) -> Chart:
    """The summary page's chart: each headline figure (whole sample, %) with its 95% CI.
    ``figures``: :class:`pipeline.stages.report.data.Headline` objects."""
    w = words(lang)
    labels = [_wrap(f"{h.item}: {h.option}", 60) for h in figures]
    fig = options_figure(
        labels,
        [100 * h.prop for h in figures],
        [100 * h.ci_low for h in figures],
        [100 * h.ci_high for h in figures],
        w["headline_chart"],
    )
    top = max(figures, key=lambda h: h.prop)
    alt = w["headline_alt"].format(
        n=len(figures), top=f"{top.item}: {top.option}", value=fmt_number(100 * top.prop, lang, 0)
    )
    return Chart(png(fig), alt)
