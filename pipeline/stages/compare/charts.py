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
            path = output_file(out_dir, f"differences-{a}-{b}-{_slug(name)}.png")
            difference_chart(part, labels, title, path, words)
            written.append(path)
        means = in_pair[(in_pair["kind"] == "mean") & (in_pair["scope"] != OVERALL)]
        for scope in dict.fromkeys(means["scope"]):
            part = means[means["scope"] == scope]
            title = _title(
                banner, words["chart_slope"].format(a=a, b=b, category=labels.scope(scope))
            )
            path = output_file(out_dir, f"slope-{a}-{b}-category-{_slug(scope)}.png")
            slope_chart(part, labels, title, path, (a, b), words)
            written.append(path)
    return written


def _title(banner: str, *lines: str) -> str:
    return "\n".join(line for line in (banner, *lines) if line)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", str(text)).strip("-") or "x"


def difference_chart(rows: pd.DataFrame, labels, title: str, path: Path, words: dict) -> None:
    """Dots at the differences (points) with their 95% CIs, one line per item level."""
    names = [f"{r['item']}: {labels.level(r['item'], r['level'])}" for r in rows.to_dict("records")]
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


def slope_chart(
    rows: pd.DataFrame, labels, title: str, path: Path, waves: tuple[str, str], words: dict
) -> None:
    """Mean scores of the items in wave a (left) and wave b (right), one line per item."""
    fig, ax = plt.subplots(figsize=(7, 1.5 + 0.22 * len(rows)))
    for r in rows.to_dict("records"):
        colour = CHANGED if r["mark"] else UNCHANGED
        ax.plot([0, 1], [r["est_a"], r["est_b"]], color=colour, marker="o", markersize=3)
        ax.annotate(
            r["item"], (1, r["est_b"]), xytext=(4, 0), textcoords="offset points",
            fontsize=6, va="center", color=colour,
        )  # fmt: skip
    ax.set_xticks([0, 1])
    ax.set_xticklabels(list(waves))
    ax.set_xlim(-0.15, 1.45)
    ax.set_ylabel(words["mean"])
    ax.set_title(title, fontsize=9)
    _legend(ax, words)
    _save(fig, path)


def _legend(ax, words: dict) -> None:
    handles = [
        Line2D([], [], color=CHANGED, marker="o", label=words["significant"]),
        Line2D([], [], color=UNCHANGED, marker="o", label=words["not_significant"]),
    ]
    ax.legend(handles=handles, fontsize=7, loc="lower right")


def _save(fig, path: Path) -> None:
    fig.tight_layout()
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=120, metadata=PNG_METADATA)
    plt.close(fig)
