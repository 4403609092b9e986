"""Replicate weight columns that data bring with them, described as R's ``svrepdesign``
arguments, and the survey they make. Shared by the ad hoc cross-tab (``--repweights``) and
the weighting stage (a design block with replicate weights)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from pipeline.statistics.survey import Survey

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class ReplicateOptions:
    """Replicate weight columns the data bring, as R's ``svrepdesign``: ``pattern`` a
    regular expression matched against the column names (R's ``grep``), ``type`` R's type
    (JK1, JKn, BRR, Fay, bootstrap, other), ``scale`` and ``rscales`` (one value for every
    replicate, or one per replicate; R's defaults by type when not given), ``rho`` Fay's
    factor, ``mse`` deviations from the full-sample estimate, ``combined`` the columns already
    include the sampling weight (R's ``combined.weights``)."""

    pattern: str
    type: str = "other"
    scale: float | None = None
    rscales: tuple[float, ...] = ()
    rho: float | None = None
    mse: bool = False
    combined: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "rscales", tuple(float(r) for r in self.rscales))

    def survey(self, df: pd.DataFrame, weight: str | None, file: str | None) -> Survey:
        """R's ``svrepdesign(data = df, repweights = pattern, weights = ~weight, ...)``."""
        return Survey.replicate(
            df,
            repweights=self.pattern,
            weight=weight,
            type=self.type,
            combined=self.combined,
            scale=self.scale,
            rscales=list(self.rscales) or None,
            rho=self.rho,
            mse=self.mse,
            file=file,
        )

    def record(self) -> dict:
        """The options as JSON metadata records them (``ReplicateOptions(**record)`` reads
        them back)."""
        recorded = asdict(self)
        recorded["rscales"] = list(self.rscales)
        return recorded
