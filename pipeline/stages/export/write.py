"""The export stage's entry point: the requested formats written from one export plan."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pandas as pd

from pipeline.core.atomic import staged_folder
from pipeline.core.errors import InputError
from pipeline.core.labels import LANGUAGES
from pipeline.core.paths import output_file
from pipeline.model.questionnaire import Questionnaire
from pipeline.stages.export.plan import ExportPlan, build_plan, write_codebook, write_csv
from pipeline.stages.export.r_script import write_r
from pipeline.stages.export.spss import spss_only_name, write_sav, write_sps, write_spss_sps
from pipeline.stages.export.stata import write_do, write_dta

FORMATS = ("sav", "sps", "dta", "csv", "r")


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
    other_langs: tuple[str, ...] = (),
    design: dict | None = None,
    data_version: str = "",
    table: str | None = None,
) -> list[Path]:
    """Write the requested formats into ``out_dir``; return the files written.

    Files are named ``<stem>.<ext>`` with ``stem`` defaulting to ``<form_id>_<wave>_<lang>``.
    ``sav`` also writes ``.zsav`` when ``zsav``; ``sps`` writes ``.sps`` (PSPP and SPSS) and
    ``.spss.sps`` (SPSS Complex Samples); ``dta`` writes ``.dta`` (with ``other_langs`` as
    Stata label languages) and ``.do``; ``csv`` writes the data CSV and the codebook
    (``.codebook.csv``, ``.codebook.json``); ``r`` writes the ``.R`` loader (it reads the
    .sav files of ``lang`` and ``other_langs``). ``design`` is the weighted file's ``design``
    metadata; ``data_version`` names the data's revision. Warnings are :class:`ExportWarning`.
    ``table``: the repeat whose child table ``data`` is; its files are named
    ``<form_id>_<wave>_<table>_<lang>`` by default.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise InputError(f"unknown export format(s) {unknown}; expected some of {FORMATS}")
    for language in (lang, *other_langs):
        if language not in LANGUAGES:
            raise InputError(f"unknown language {language!r}; expected vi or en")

    def plan_for(language: str):
        return build_plan(
            data,
            questionnaire,
            language,
            simulated=simulated,
            wave=wave,
            design=design,
            data_version=data_version,
            table=table,
        )

    plan = plan_for(lang)
    others = [plan_for(language) for language in other_langs if language != lang]
    stem = stem or default_stem(plan, table)
    output_file(out_dir, stem)  # the stem is checked before anything is written
    # the formats are one set (a .sps names its .sav): swapped in whole
    with staged_folder(out_dir) as staging:
        written = _write_formats(plan, others, staging, stem, formats, zsav, table)
    return [output_file(out_dir, path.name) for path in written]


def default_stem(plan: ExportPlan, table: str | None = None) -> str:
    """``<form_id>_<wave>_<lang>``; a child table's ``<form_id>_<wave>_<table>_<lang>``."""
    middle = f"{table}_" if table else ""
    return f"{plan.form_id}_{plan.wave}_{middle}{plan.lang}"


def _write_formats(
    plan: ExportPlan,
    others: list[ExportPlan],
    out: Path,
    stem: str,
    formats: tuple[str, ...],
    zsav: bool,
    table: str | None = None,
) -> list[Path]:
    """The files of one language's export into ``out``; ``others`` are the plans of the
    other languages (Stata label languages, the R loader's choice of .sav)."""
    written: list[Path] = []
    if "sav" in formats:
        written.append(write_sav(plan, output_file(out, f"{stem}.sav")))
        if zsav:
            written.append(write_sav(plan, output_file(out, f"{stem}.zsav"), compress=True))
    if "sps" in formats:
        written.append(write_sps(plan, output_file(out, f"{stem}.sps"), sav_name=f"{stem}.sav"))
        spss = output_file(out, spss_only_name(f"{stem}.sav"))
        written.append(write_spss_sps(plan, spss, sav_name=f"{stem}.sav"))
    if "dta" in formats:
        written.append(write_dta(plan, output_file(out, f"{stem}.dta"), others))
        written.append(write_do(plan, output_file(out, f"{stem}.do"), f"{stem}.dta", others))
    if "csv" in formats:
        written.append(write_csv(plan, output_file(out, f"{stem}.csv")))
        codebook = [output_file(out, f"{stem}.codebook.{ext}") for ext in ("csv", "json")]
        written.extend(write_codebook(plan, *codebook))
    if "r" in formats:
        sav_files = {plan.lang: f"{stem}.sav"}
        sav_files.update({p.lang: f"{default_stem(p, table)}.sav" for p in others})
        written.append(write_r(plan, output_file(out, f"{stem}.R"), sav_files))
    return written


def data_version(path: Path) -> str:
    """The data's revision: the MD5 of the file (what dvc.lock records for it) and the git
    commit of the checkout it sits in, when there is one."""
    digest = hashlib.md5(path.read_bytes()).hexdigest()
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=path.resolve().parent,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"md5 {digest}" + (f", git {commit}" if commit else "")
