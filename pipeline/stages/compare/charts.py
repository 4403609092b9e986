"""Charts of the wave comparison (matplotlib, Agg, PNG without timestamps or software tags, so
the same data give the same bytes).

- Differences: for each pair of waves and each questionnaire section, a dot per item level at
  its overall difference (percentage points) with the 95% CI; significant changes in colour.
- Slopes: for each pair of waves and each member category, the mean score of every Likert
  item in the two waves, joined by a line; significant changes in colour.

Titles carry "DỮ LIỆU MÔ PHỎNG / SIMULATED DATA" when either wave is simulated.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from pipeline.core.atomic import atomic_path  # noqa: E402
from pipeline.core.paths import output_file  # noqa: E402
from pipeline.core.wording import COMPARISON_WORDS, SIMULATED_NOTE  # noqa: E402
from pipeline.stages.compare.comparison import OVERALL  # noqa: E402

CHANGED = "#C0392B"
UNCHANGED = "#7F8C8D"
PNG_METADATA = {"Software": None}


def write_charts(comparison, labels, out_dir: Path, lang: str) -> list[Path]:
    """Every chart of the comparison, written atomically under ``out_dir``."""
    words = COMPARISON_WORDS[lang]
    rows = comparison.rows
    banner = SIMULATED_NOTE if comparison.info.get("simulated") else ""
    written: list[Path] = []
    if rows.empty:
        return written
    out_dir = Path(out_dir)
    for pair in comparison.info["comparisons"]:
        a, b = pair["wave_a"], pair["wave_b"]
        in_pair = rows[(rows["wave_a"] == a) & (rows["wave_b"] == b)]
        overall = in_pair[(in_pair["scope"] == OVERALL) & (in_pair["kind"] == "proportion")]
        sections: dict[str, list[str]] = {}
        titles: dict[str, str] = {}
        for item in dict.fromkeys(overall["item"]):
            name, title = labels.section(item)
            sections.setdefault(name, []).append(item)
            titles[name] = title
        for name, items in sections.items():
            part = overall[overall["item"].isin(items)]
            title = _title(banner, words["chart_diff"].format(a=a, b=b), titles[name])
            path = output_file(out_dir, f"differences-{a}-{b}-{chart_slug(name)}.png")
            difference_chart(part, labels, title, path, words)
            written.append(path)
        means = in_pair[(in_pair["kind"] == "mean") & (in_pair["scope"] != OVERALL)]
        for scope in dict.fromkeys(means["scope"]):
            part = means[means["scope"] == scope]
            title = _title(
                banner, words["chart_slope"].format(a=a, b=b, category=labels.scope(scope))
            )
            path = output_file(out_dir, f"slope-{a}-{b}-category-{chart_slug(scope)}.png")
            slope_chart(part, labels, title, path, (a, b), words)
            written.append(path)
    return written


def _title(banner: str, *lines: str) -> str:
    return "\n".join(line for line in (banner, *lines) if line)


def chart_slug(text: str) -> str:
    """A section name or category code as it appears in a chart's file name."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", str(text)).strip("-") or "x"


def difference_chart(rows: pd.DataFrame, labels, title: str, path: Path, words: dict) -> None:
    """Dots at the differences (points) with their 95% CIs, one line per item level, labelled
    with the item's text and the option (never the variable's code)."""
    names = [
        _short(f"{labels.item(r['item'])}: {labels.option(r['item'], r['level'])}", 70)
        for r in rows.to_dict("records")
    ]
    y = list(range(len(rows)))[::-1]
    diff = 100 * rows["diff"].to_numpy()
    low = 100 * rows["ci_low"].to_numpy()
    high = 100 * rows["ci_high"].to_numpy()
    colours = [CHANGED if m else UNCHANGED for m in rows["mark"]]
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.28 * len(rows)))
    ax.axvline(0, color="black", linewidth=0.8)
    ax.hlines(y, low, high, colors=colours, linewidth=1.6)
    ax.scatter(diff, y, c=colours, s=22, zorder=3)
    ax.set_yticks(y)
    ax.set_yticklabels(names, fontsize=7)
    ax.set_xlabel(words["diff"])
    ax.set_title(title, fontsize=9)
    _legend(ax, words)
    _save(fig, path)


def _short(text: str, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters (with an ellipsis)."""
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def spread_positions(values, min_gap: float) -> list[float]:
    """Label positions near ``values`` such that any two differ by at least ``min_gap``:
    sorted, pushed apart upwards, then shifted so their mean equals the values' mean."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed: list[float] = []
    for i in order:
        y = float(values[i])
        placed.append(y if not placed else max(y, placed[-1] + min_gap))
    shift = (sum(float(values[i]) for i in order) - sum(placed)) / max(len(placed), 1)
    out = [0.0] * len(values)
    for i, y in zip(order, placed, strict=True):
        out[i] = y + shift
    return out


def slope_chart(
    rows: pd.DataFrame, labels, title: str, path: Path, waves: tuple[str, str], words: dict
) -> None:
    """Mean scores of the items in wave a (left) and wave b (right), one line per item,
    labelled on the right with the item's text, the labels spread so that none overlap."""
    fig = slope_figure(rows, labels, title, waves, words)
    _save(fig, path, layout=False)


LABEL_POINTS = 6.0  # font size of the slope chart's labels


def slope_figure(rows: pd.DataFrame, labels, title: str, waves: tuple[str, str], words: dict):
    """The slope chart as a figure (see :func:`slope_chart`); its label positions are fixed
    after the layout, from the axes' height in points, so labels keep one line apart."""
    records = rows.to_dict("records")
    fig, ax = plt.subplots(figsize=(8, 1.6 + 0.2 * len(records)))
    ends = [r["est_b"] for r in records]
    values = [v for r in records for v in (r["est_a"], r["est_b"])]
    low, high = min(values), max(values)
    pad = 0.05 * (high - low or 1.0)
    ax.set_xticks([0, 1])
    ax.set_xticklabels(list(waves))
    ax.set_xlim(-0.1, 1.0)
    ax.set_ylabel(words["mean"])
    ax.set_title(title, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    inches = fig.get_figheight()
    fig.subplots_adjust(left=0.09, right=0.5, top=1 - 0.9 / inches, bottom=0.75 / inches)
    # One label line (1.25 × the font size) in data units, at the layout's axes height; the
    # axis grows until every spread label lies inside it (the figure is tall enough: 0.2
    # inch, 14 points, per item against 7.5 points per label line).
    height_points = ax.get_position().height * fig.get_figheight() * 72
    limits = (low - pad, high + pad)
    for _ in range(20):
        per_point = (limits[1] - limits[0]) / height_points
        gap = 1.25 * LABEL_POINTS * per_point
        placed = spread_positions(ends, gap)
        wanted = (min(limits[0], min(placed) - gap / 2), max(limits[1], max(placed) + gap / 2))
        if wanted == limits:
            break
        limits = wanted
    ax.set_ylim(*limits)
    for r, y in zip(records, placed, strict=True):
        colour = CHANGED if r["mark"] else UNCHANGED
        ax.plot([0, 1], [r["est_a"], r["est_b"]], color=colour, marker="o", markersize=3)
        ax.annotate(
            _short(labels.item(r["item"]), 60), xy=(1, r["est_b"]), xytext=(1.04, y),
            textcoords=ax.transData, fontsize=LABEL_POINTS, va="center", color=colour,
            annotation_clip=False,
            arrowprops={"arrowstyle": "-", "color": colour, "linewidth": 0.4},
        )  # fmt: skip
    _legend(ax, words, loc="upper left", below=True)
    return fig


def _legend(ax, words: dict, loc: str = "lower right", below: bool = False) -> None:
    handles = [
        Line2D([], [], color=CHANGED, marker="o", label=words["significant"]),
        Line2D([], [], color=UNCHANGED, marker="o", label=words["not_significant"]),
    ]
    if below:  # under the axis' tick labels, clear of every line
        ax.legend(handles=handles, fontsize=7, loc=loc, bbox_to_anchor=(0, 0), ncol=2,
                  borderaxespad=2.6, frameon=False)  # fmt: skip
    else:
        ax.legend(handles=handles, fontsize=7, loc=loc)


def _save(fig, path: Path, layout: bool = True) -> None:
    if layout:
        fig.tight_layout()
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=120, metadata=PNG_METADATA)
    plt.close(fig)
