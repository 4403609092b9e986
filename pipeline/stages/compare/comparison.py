"""The wave comparison as the stage passes it on: the compared waves, the result in long form
and the labels a person reads."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pipeline.core.simulated import is_simulated
from pipeline.core.wording import COMPARISON_WORDS
from pipeline.model.harmonize import Harmonization, harmonized_items

OVERALL = "overall"


@dataclass(frozen=True)
class WaveInput:
    """A weighted wave: its data (``processed/<wave>.weighted.parquet``) and metadata."""

    name: str
    data: pd.DataFrame
    meta: dict
    source: str = ""

    @property
    def simulated(self) -> bool:
        return bool(self.meta.get("simulated")) or is_simulated(self.data)


@dataclass(frozen=True)
class Comparison:
    """The comparison in long form (proportions 0-1, differences b − a in the same units).

    ``rows``: one row per table (``scope``: "overall" or a member category code) × wave pair
    × item × level (``kind`` "proportion") or mean score (``kind`` "mean"), with the item's
    test and significance mark. ``tests``: one row per table × item (Rao-Scott F across all
    waves, p and BH-adjusted p). ``one_wave_only``: wave → variable names asked only then.
    ``not_compared``: items skipped, with the reason. ``info``: waves, methods, sizes.
    """

    rows: pd.DataFrame
    tests: pd.DataFrame
    one_wave_only: dict[str, list[str]]
    not_compared: list[dict]
    info: dict = field(default_factory=dict)


class ComparisonLabels:
    """Labels a person reads: items, levels, categories, sections, in one language."""

    def __init__(self, h: Harmonization, comparison: Comparison, lang: str) -> None:
        self.lang = lang
        self.items = {it.name: it for it in harmonized_items(h)}
        ref = h.questionnaire(comparison.info["waves"][0])
        self.category_labels = ref.variable(ref.stratum.variable).value_labels(lang)

    def item(self, name: str) -> str:
        return self.items[name].label.get(self.lang)

    def level(self, item: str, level: str) -> str:
        if level in ("mean", "top2"):
            return COMPARISON_WORDS[self.lang][level]
        it = self.items[item]
        label = it.variables[it.codes_from].value_labels(self.lang).get(int(level), level)
        return f"{label} [{level}]"

    def option(self, item: str, level: str) -> str:
        """The level's label as a reader sees it (no code)."""
        if level in ("mean", "top2"):
            return COMPARISON_WORDS[self.lang][level]
        it = self.items[item]
        return it.variables[it.codes_from].value_labels(self.lang).get(int(level), level)

    def note(self, item: str) -> str:
        note = self.items[item].note
        return note.get(self.lang) if note is not None else ""

    def scope(self, scope: str) -> str:
        if scope == OVERALL:
            return COMPARISON_WORDS[self.lang]["overall"]
        return f"{scope}. {self.category_labels.get(int(scope), scope)}"

    def section(self, item: str) -> tuple[str, str]:
        it = self.items[item]
        section = it.variables[it.codes_from].section
        return section.name, section.title.get(self.lang)


def method_text(comparison: dict, lang: str) -> str:
    words = COMPARISON_WORDS[lang]
    if comparison["linked"] == 0:
        return words["independent samples"]
    return words["panel overlap"].format(n=comparison["linked"])
