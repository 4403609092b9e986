"""The reports' charts as PNG bytes (matplotlib, Agg): diverging stacked bars for Likert
grids and bars with 95% CI whiskers by member category. They plot what the tabulate stage
wrote; nothing is estimated here. Hidden cells (base below the threshold) are not drawn.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from pipeline.model.questionnaire import Question  # noqa: E402
from pipeline.stages.report.data import (  # noqa: E402
    WaveData,
    banner_columns,
    cells_of,
    hidden,
    question_variables,
)
from pipeline.stages.report.text import words  # noqa: E402
from pipeline.stages.tabulate import TOTAL  # noqa: E402

DPI = 110
# Negative to positive end of a scale: the first options of the questionnaire's scales are
# the favourable ones, so they are drawn on the right.
DIVERGING = ("#b2182b", "#ef8a62", "#d9d9d9", "#67a9cf", "#2166ac")


def png(fig) -> bytes:
    """The figure as PNG bytes, without a timestamp or software tag (reproducible)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _wrap(text: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _palette(k: int) -> list[str]:
    """k colours from red (unfavourable) to blue (favourable), grey in the middle."""
    if k <= len(DIVERGING):
        picks = np.linspace(0, len(DIVERGING) - 1, k).round().astype(int)
        return [DIVERGING[i] for i in picks]
    return [plt.cm.RdBu(x) for x in np.linspace(0.1, 0.9, k)]


def likert_diverging(data: WaveData, question: Question, lang: str) -> bytes:
    """Items of a Likert grid (or one Likert item): the whole sample's weighted answer
    distribution as a diverging stacked bar, favourable options to the right of zero."""
    variables = question_variables(data, question)
    codes = variables[0].substantive_codes()
    labels = variables[0].value_labels(lang)
    k = len(codes)
    colours = _palette(k)[::-1]  # codes run favourable → unfavourable
    fig, ax = plt.subplots(figsize=(8.5, 0.45 * len(variables) + 1.6))
    names = []
    for y, v in enumerate(variables):
        cells = cells_of(data, v.name, TOTAL)
        props = {
            r["row_code"]: r["prop"] for r in cells.to_dict("records") if r["col_code"] == TOTAL
        }
        shares = np.array([props.get(c, 0.0) for c in codes]) * 100
        middle = shares[k // 2] / 2 if k % 2 else 0.0
        left = -(shares[: k // 2].sum() + middle)
        # Draw from the unfavourable end (left) to the favourable end (right).
        for i in range(k - 1, -1, -1):
            ax.barh(y, shares[i], left=left, color=colours[i], edgecolor="white", height=0.7)
            if shares[i] >= 6:
                ax.text(
                    left + shares[i] / 2,
                    y,
                    f"{shares[i]:.0f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="black",
                )
            left += shares[i]
        names.append(_wrap(v.label.get(lang), 45))
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(range(len(variables)), names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{abs(x):.0f}"))
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[i]) for i in range(k)]
    ax.legend(
        handles,
        [_wrap(labels[c], 18) for c in codes],
        ncol=k,
        fontsize=7,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 0.02 * (len(variables) < 4)),
        frameon=False,
    )
    ax.set_title(_wrap(words(lang)["figure_likert"], 80), fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return png(fig)


def banner_bars(data: WaveData, variable: str, banner: str, lang: str) -> bytes:
    """Each option's weighted % in every banner column and in total, with 95% CI whiskers;
    columns with a base below the threshold are left out."""
    v = data.questionnaire.variable(variable)
    codes = v.substantive_codes()
    labels = v.value_labels(lang)
    cols = banner_columns(data, banner, lang)
    lookup = {
        (r["row_code"], r["col_code"]): r
        for r in cells_of(data, variable, banner).to_dict("records")
    }
    width = 0.8 / len(cols)
    fig, ax = plt.subplots(figsize=(8.5, 3.6))
    colours = ["#444444"] + [plt.cm.tab10(i) for i in range(len(cols) - 1)]
    for j, (col, header) in enumerate(cols):
        xs, ys, lo, hi = [], [], [], []
        for i, c in enumerate(codes):
            cell = lookup.get((c, col))
            if cell is None or hidden(cell, data.threshold) or np.isnan(cell["prop"]):
                continue
            xs.append(i - 0.4 + width * (j + 0.5))
            ys.append(cell["prop"] * 100)
            lo.append((cell["prop"] - cell["ci_low"]) * 100)
            hi.append((cell["ci_high"] - cell["prop"]) * 100)
        ax.bar(xs, ys, width=width * 0.95, color=colours[j], label=_wrap(header, 30))
        ax.errorbar(xs, ys, yerr=[lo, hi], fmt="none", ecolor="black", elinewidth=0.7, capsize=1.5)
    ax.set_xticks(range(len(codes)), [_wrap(labels[c], 16) for c in codes], fontsize=8)
    ax.set_ylabel("%")
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    title = words(lang)["figure_bars"].format(
        banner=data.questionnaire.variable(banner).label.get(lang).rstrip("?")
    )
    ax.set_title(_wrap(title, 80), fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return png(fig)


def multiple_bars(data: WaveData, question: Question, lang: str) -> bytes:
    """Options of a multiple-choice question: % choosing each, whole sample, 95% CI."""
    variables = question_variables(data, question)
    fig, ax = plt.subplots(figsize=(8.5, 0.4 * len(variables) + 1.2))
    ys, lo, hi, names = [], [], [], []
    for v in variables:
        cells = cells_of(data, v.name, TOTAL)
        cell = next(r for r in cells.to_dict("records") if r["row_code"] == 1)
        ys.append(cell["prop"] * 100)
        lo.append((cell["prop"] - cell["ci_low"]) * 100)
        hi.append((cell["ci_high"] - cell["prop"]) * 100)
        names.append(_wrap(v.label.get(lang), 45))
    positions = np.arange(len(variables))
    ax.barh(positions, ys, color="#2166ac", height=0.6)
    ax.errorbar(ys, positions, xerr=[lo, hi], fmt="none", ecolor="black", elinewidth=0.8, capsize=2)
    ax.set_yticks(positions, names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("%")
    ax.set_title(_wrap(words(lang)["figure_multiple"], 80), fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return png(fig)
