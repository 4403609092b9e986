"""The population frame: strata with their population sizes N_h.

Optional ``margins`` give known population counts of other variables within strata
(e.g. sex by member category) for post-stratification and raking.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, PositiveInt, ValidationError, model_validator

from pipeline.core.labels import Model, Option, Text
from pipeline.core.yamlio import load_yaml_mapping, validation_error_to_input_error


class Stratum(Model):
    code: int
    label: Text
    population: PositiveInt


class Margin(Model):
    """Known population counts of ``variable`` (codes to counts), overall or per stratum."""

    variable: str
    counts: dict[int, PositiveInt] | None = None
    by_stratum: dict[int, dict[int, PositiveInt]] | None = None


class Frame(Model):
    """``members``: what the population is made of, a plural noun ("party members",
    "schools"), for the report's sentences; without it the report says "population units"."""

    name: Text
    members: Text | None = None
    reference_date: str | None = None
    source: Text | None = None
    strata: list[Stratum]
    total: PositiveInt | None = None
    margins: list[Margin] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Frame:
        codes = [s.code for s in self.strata]
        if len(set(codes)) != len(codes):
            raise ValueError(f"duplicate stratum codes: {codes}")
        if self.total is not None and self.total != self.population():
            raise ValueError(
                f"total {self.total} differs from the sum of stratum populations "
                f"{self.population()}"
            )
        return self

    def population(self) -> int:
        return sum(s.population for s in self.strata)

    def sizes(self) -> dict[int, int]:
        """Population size N_h by stratum code."""
        return {s.code: s.population for s in self.strata}

    def as_options(self) -> list[Option]:
        return [Option(code=s.code, label=s.label) for s in self.strata]


def load_frame(path: str | Path) -> Frame:
    data = load_yaml_mapping(path)
    try:
        return Frame.model_validate(data)
    except ValidationError as exc:
        raise validation_error_to_input_error(exc, str(path)) from None
