"""The export stage's entry point: the requested formats written from one export plan."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.core.atomic import staged_folder
from pipeline.core.errors import InputError
from pipeline.core.labels import LANGUAGES
from pipeline.core.paths import output_file
from pipeline.model.questionnaire import Questionnaire
from pipeline.stages.export.plan import ExportPlan, build_plan, write_codebook, write_csv
from pipeline.stages.export.spss import write_sav, write_sps
from pipeline.stages.export.stata import write_dta

FORMATS = ("sav", "sps", "dta", "csv")


def export(
    data: pd.DataFrame,
    questionnaire: Questionnaire,
    out_dir: str | Path,
    lang: str = "vi",
    formats: tuple[str, ...] = FORMATS,
    *,
    simulated: bool,
    zsav: bool = False,
    wave: str | None = None,
    stem: str | None = None,
) -> list[Path]:
    """Write the requested formats into ``out_dir``; return the files written.

    Files are named ``<stem>.<ext>`` with ``stem`` defaulting to ``<form_id>_<wave>_<lang>``.
    ``sav`` also writes ``.zsav`` when ``zsav``; ``csv`` writes the data CSV and the codebook
    (``.codebook.csv``, ``.codebook.json``). Warnings are :class:`ExportWarning`.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise InputError(f"unknown export format(s) {unknown}; expected some of {FORMATS}")
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; expected vi or en")
    plan = build_plan(data, questionnaire, lang, simulated=simulated, wave=wave)
    stem = stem or f"{plan.form_id}_{plan.wave}_{lang}"
    output_file(out_dir, stem)  # the stem is checked before anything is written
    # the formats are one set (a .sps names its .sav): swapped in whole
    with staged_folder(out_dir) as staging:
        written = _write_formats(plan, staging, stem, formats, zsav)
    return [output_file(out_dir, path.name) for path in written]


def _write_formats(
    plan: ExportPlan, out: Path, stem: str, formats: tuple[str, ...], zsav: bool
) -> list[Path]:
    written: list[Path] = []
    if "sav" in formats:
        written.append(write_sav(plan, output_file(out, f"{stem}.sav")))
        if zsav:
            written.append(write_sav(plan, output_file(out, f"{stem}.zsav"), compress=True))
    if "sps" in formats:
        written.append(write_sps(plan, output_file(out, f"{stem}.sps"), sav_name=f"{stem}.sav"))
    if "dta" in formats:
        written.append(write_dta(plan, output_file(out, f"{stem}.dta")))
    if "csv" in formats:
        written.append(write_csv(plan, output_file(out, f"{stem}.csv")))
        codebook = [output_file(out, f"{stem}.codebook.{ext}") for ext in ("csv", "json")]
        written.extend(write_codebook(plan, *codebook))
    return written
