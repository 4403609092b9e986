"""Stata output: a .dta (format 118, Stata 14+, UTF-8) and a .do file that declares the design.

As Stata users expect (pipeline/stages/export/dta.py writes the file):
- codes are stored as byte/int (the smallest type that holds them), not doubles;
- special missing codes are Stata's extended missing values: don't know and the like
  ``.a`` (then ``.c``, ``.d`` ...), refused ``.b``, skipped by routing ``.s``, each with
  its value label (the codebook's ``stata`` column lists the mapping);
- every label language of the questionnaire is in the file (``label language vi`` /
  ``label language en``); the file's own language is the current one;
- variable labels hold 80 characters: a grid item's label keeps the item's words and
  shortens the question's (plan.fit_label), so no two items read alike.
Dates are %td.
"""

from __future__ import annotations

import re
import textwrap
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.core.atomic import atomic_path, write_text
from pipeline.core.wording import SIMULATED_NOTE
from pipeline.stages.export.dta import DtaColumn, DtaFile, dta_bytes, long_missing
from pipeline.stages.export.plan import (
    ExportPlan,
    ExportVariable,
    ExportWarning,
    fit,
    fit_label,
    shorten,
)
from pipeline.stages.export.readback import check_dta

STATA_LABEL_CHARS = 80
STATA_NAME_CHARS = 32
STATA_EPOCH = pd.Timestamp("1960-01-01")


def stata_labels(plan: ExportPlan) -> dict[str, str]:
    """Stata name → variable label within 80 characters, unique among the variables.

    Two labels that would still read alike (items whose own words are long and share their
    start) get the variable's name appended, with a warning.
    """
    labels = {
        v.stata_name: fit_label(
            v.label_parts, f"Stata variable label of {v.stata_name}", max_chars=STATA_LABEL_CHARS
        )
        for v in plan.variables
        if v.label
    }
    counts = Counter(labels.values())
    for name, label in labels.items():
        if counts[label] > 1:
            tail = f" [{name}]"
            labels[name] = shorten(label, max_chars=STATA_LABEL_CHARS - len(tail)) + tail
            warnings.warn(
                ExportWarning(
                    f"Stata: the label of {name} read like another and is {labels[name]!r}"
                ),
                stacklevel=2,
            )
    return labels


def _stata_value_labels(v: ExportVariable) -> dict[int, str]:
    """The variable's value labels with missing codes as their extended missing values."""
    return {
        (long_missing(v.stata_missing[code]) if code in v.stata_missing else code): text
        for code, text in v.value_labels.items()
    }


def _label_set_names(plan: ExportPlan, others: list[ExportPlan]) -> dict[tuple[str, str], str]:
    """(language, stata variable name) → the name of its value label set.

    Variables with the same labels share a set, named after the first of them; a set of
    another language gets ``_<lang>`` appended.
    """
    names: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for p in [plan, *others]:
        by_content: dict[tuple, str] = {}
        suffix = "" if p is plan else f"_{p.lang}"
        for v in p.variables:
            labels = _stata_value_labels(v)
            if not labels:
                continue
            key = tuple(sorted(labels.items()))
            if key not in by_content:
                base = v.stata_name[: STATA_NAME_CHARS - len(suffix)] + suffix
                candidate, k = base, 1
                while candidate in taken:
                    tag = f"{k}{suffix}"
                    candidate = v.stata_name[: STATA_NAME_CHARS - len(tag)] + tag
                    k += 1
                taken.add(candidate)
                by_content[key] = candidate
            names[(p.lang, v.stata_name)] = by_content[key]
    return names


def display_format(v: ExportVariable) -> str:
    """Stata's display format from the content: text as wide as its longest value (in
    characters, left-aligned), numbers with the decimals of the SPSS format."""
    if v.kind == "string":
        return f"%-{min(v.display_width, 2045)}s"
    if v.kind == "date":
        return "%td"
    width, decimals = (int(x) for x in re.fullmatch(r"F(\d+)\.(\d+)", v.spss_format).groups())
    return f"%{width}.{decimals}f" if decimals else "%8.0g"


def _column(v: ExportVariable, series: pd.Series, label: str, label_set: str) -> DtaColumn:
    shown = display_format(v)
    if v.kind == "string":
        text = series.astype(object).where(series.notna(), None)
        return DtaColumn(v.stata_name, text, label, display_format=shown, text=True)
    if v.kind == "date":
        days = (series - STATA_EPOCH).dt.days.astype(float)
        return DtaColumn(v.stata_name, days, label, display_format=shown)
    numbers = pd.to_numeric(series, errors="raise").astype(float)
    letters = numbers.map(lambda x: v.stata_missing.get(int(x), "") if pd.notna(x) else "")
    values = numbers.where(letters == "", np.nan)
    return DtaColumn(v.stata_name, values, label, shown, value_label=label_set, extended=letters)


def _characteristics(
    plan: ExportPlan, others: list[ExportPlan], sets: dict[tuple[str, str], str]
) -> list[tuple[str, str, str]]:
    """Label languages (read by Stata's ``label language``), file attributes and notes."""
    chars = [
        ("_dta", "_lang_list", " ".join([plan.lang, *[p.lang for p in others]])),
        ("_dta", "_lang_c", plan.lang),
    ]
    for other in others:
        # _lang_v_: the variable (and data) label; _lang_l_: the value label set's name
        chars.append(("_dta", f"_lang_v_{other.lang}", _data_label(other)))
        labels = stata_labels(other)
        for v in other.variables:
            if v.stata_name in labels:
                chars.append((v.stata_name, f"_lang_v_{other.lang}", labels[v.stata_name]))
            if (other.lang, v.stata_name) in sets:
                chars.append(
                    (v.stata_name, f"_lang_l_{other.lang}", sets[(other.lang, v.stata_name)])
                )
    chars += [("_dta", key, value) for key, value in plan.attributes().items()]
    notes = [SIMULATED_NOTE] if plan.simulated else []
    notes.append(f"Form {plan.form_id}, version {plan.version}, wave {plan.wave}")
    chars += [("_dta", f"note{i}", text) for i, text in enumerate(notes, start=1)]
    chars.append(("_dta", "note0", str(len(notes))))
    return chars


def _data_label(plan: ExportPlan) -> str:
    return fit(plan.file_label, "the Stata data label", max_chars=STATA_LABEL_CHARS)


def dta_file(plan: ExportPlan, others: list[ExportPlan]) -> DtaFile:
    """The .dta content: ``plan``'s language current, ``others``' languages beside it."""
    sets = _label_set_names(plan, others)
    labels = stata_labels(plan)
    columns = [
        _column(
            v,
            plan.data[v.name],
            labels.get(v.stata_name, ""),
            sets.get((plan.lang, v.stata_name), ""),
        )
        for v in plan.variables
    ]
    tables: dict[str, dict[int, str]] = {}
    for p in [plan, *others]:
        for v in p.variables:
            name = sets.get((p.lang, v.stata_name))
            if name:
                tables[name] = _stata_value_labels(v)
    return DtaFile(
        columns=columns,
        data_label=_data_label(plan),
        value_labels=tables,
        characteristics=_characteristics(plan, others, sets),
    )


def write_dta(plan: ExportPlan, target: Path, others: list[ExportPlan] | None = None) -> Path:
    """The .dta with ``plan``'s labels current and the ``others``' as label languages,
    read back (pyreadstat) and compared with what was meant before it replaces the old one."""
    file = dta_file(plan, others or [])
    with atomic_path(target) as tmp:
        tmp.write_bytes(dta_bytes(file))
        check_dta(tmp, file.data_label, *meant_labels(plan, file))
    return target


def meant_labels(
    plan: ExportPlan, file: DtaFile
) -> tuple[dict[str, str], dict[str, dict[int | str, str]]]:
    """The variable labels and value labels (extended missing values by letter) a reader
    should find in the .dta of ``plan``."""
    variable_labels = {c.name: c.label for c in file.columns}
    value_labels = {}
    for v in plan.variables:
        if v.value_labels:
            value_labels[v.stata_name] = {
                v.stata_missing.get(code, code): text for code, text in v.value_labels.items()
            }
    return variable_labels, value_labels


def do_syntax(plan: ExportPlan, dta_name: str, others: list[ExportPlan] | None = None) -> str:
    """A .do file: open the data, choose a label language, declare the design, one table."""
    d = plan.design
    langs = " ".join([plan.lang, *[p.lang for p in others or []]])
    lines = [
        f"* Survey pipeline export: form {plan.form_id}, version {plan.version}, "
        f"wave {plan.wave}, data version {plan.data_version or 'unknown'}",
    ]
    if plan.simulated:
        lines.append(f"* {SIMULATED_NOTE}")
    lines += [
        "* Run from the folder that holds the .dta, or edit the path below.",
        f'use "{dta_name}", clear',
        f"* Label languages in the file: {langs}. Switch with: label language <lang>",
        f"label language {plan.lang}",
        "* Missing values: .a don't know (and similar options), .b refused,",
        "* .s not asked (skipped by the questionnaire's routing); see the codebook.",
    ]
    if d.weight:
        lines.append("* The sample design as the pipeline used it: " + _design_words(d))
        lines += _replicate_notes(plan)
        lines.append(continued(svyset_command(plan)))
        if d.calibrated or d.trim_upper is not None:
            lines.append(
                "* The weights were raked to the frame's margins ("
                + ", ".join(dict.fromkeys(m["variable"] for m in d.margins))
                + (f"; trimmed at {d.trim_upper}" if d.trim_upper is not None else "")
                + "): svyset takes them as given, so its SEs leave out the calibration (the .R "
                "file reproduces it)"
            )
        example = _example_variable(plan)
        if example is not None:
            lines += [
                f"* One table of the report: {example.name}, answers only (missing values form "
                "a subpopulation outside the table)",
                f"svy, subpop(if !missing({example.stata_name})): proportion {example.stata_name}",
            ]
    return "\n".join(lines) + "\n"


def _design_words(d) -> str:
    """The design in words, for the .do file's comment."""
    if d.replicates is not None:
        reps = d.replicates
        distinct = sorted(set(reps.rscales))
        rscales = repr(distinct[0]) if len(distinct) == 1 else "one per replicate"
        centre = ", deviations from the full-sample estimate" if reps.mse else ""
        return (
            f"{len(reps.columns)} {reps.type} replicate weights the data brought "
            f"(R's svrepdesign scale {reps.scale!r}, rscales {rscales}{centre})"
        )
    words = [f"stratified by {d.strata}"] if d.strata else []
    if d.clusters:
        words.append(f"clusters {' '.join(d.clusters)}")
        words.append(
            f"population counts of units {' '.join(d.stage_fpc)}"
            if d.stage_fpc
            else "clusters drawn with replacement (no finite population correction)"
        )
    else:
        words.append("no clusters")
        words.append(
            f"stratum population sizes in {d.population_size} (finite population correction)"
            if d.element_fpc
            else "no finite population correction"
        )
    return ", ".join(words)


# Longer commands are split into lines joined by Stata's `///`, so that hundreds of replicate
# weights stay readable in an editor (Stata joins the lines with a space).
LONGEST_DO_LINE = 240


def continued(command: str) -> str:
    """``command`` as do-file lines of at most LONGEST_DO_LINE characters (a single word
    longer than that stays whole), split between words with ``///``."""
    if len(command) <= LONGEST_DO_LINE:
        return command
    lines = textwrap.wrap(
        command, LONGEST_DO_LINE - 4, subsequent_indent="    ",
        break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip
    return " ///\n".join(lines)


def svyset_command(plan: ExportPlan) -> str:
    """``svyset`` with the design: one stage per cluster column when each has its FPC (a
    first stage drawn with replacement makes the later stages irrelevant, as in R), or the
    replicate weights the data brought."""
    d = plan.design
    name = plan.stata_name
    if d.replicates is not None:
        return replicate_svyset(plan)
    first = name(d.clusters[0]) if d.clusters else "_n"
    options = []
    if d.strata:
        options.append(f"strata({name(d.strata)})")
    if d.clusters and d.stage_fpc:
        options.append(f"fpc({name(d.stage_fpc[0])})")
    elif d.element_fpc:
        options.append(f"fpc({name(d.population_size)})")
    command = f"svyset {first} [pweight={name(d.weight)}]"
    if options:
        command += ", " + " ".join(options)
    for cluster, fpc in zip(d.clusters[1:], d.stage_fpc[1:], strict=False):
        command += f" || {name(cluster)}, fpc({name(fpc)})"
    return command


def _replicate_notes(plan: ExportPlan) -> list[str]:
    """What the .do must do or say before svyset with replicate weights: multiplier columns
    become analysis weights (Stata takes replicate weights as weights), and Stata's own
    bootstrap variance formula is not R's scale."""
    reps = plan.design.replicates
    if reps is None:
        return []
    lines = []
    if not reps.combined:
        variables = " ".join(plan.stata_name(c) for c in reps.columns)
        weight = plan.stata_name(plan.design.weight)
        lines += [
            "* The replicate columns are multipliers of the sampling weight (R's",
            "* combined.weights = FALSE): Stata needs the replicate weights themselves",
            f"foreach v of varlist {variables} {{",
            f"    replace `v' = `v' * {weight}",
            "}",
        ]
    if reps.type == "bootstrap":
        lines.append(
            f"* Stata's bootstrap variance has its own scale; R's (and the pipeline's) is "
            f"{reps.scale!r} × Σ (θ_r − θ̄)²: the .R file reproduces the report's SEs"
        )
    return lines


def replicate_svyset(plan: ExportPlan) -> str:
    """``svyset [pweight=w], <kind>weight(vars) vce(<kind>) [mse]`` for replicate weights.

    BRR and Fay: ``brrweight() vce(brr)`` (with ``fay()``), whose variance is R's for those
    types (1/(R(1−ρ)²) Σ (θ_r − θ̄)²). Bootstrap: ``bsrweight() vce(bootstrap)``. Jackknife
    and other types: ``jkrweight(vars, multiplier(...)) vce(jackknife)`` with one multiplier
    per replicate, R's scale × rscale, so Stata's Σ m_r (θ_r − θ̄)² (no stratum() given: one
    centre for all replicates, as R's svrVar) is R's variance. Replicate weights must be the
    analysis weights themselves (R's combined.weights): Stata has no multiplier columns.
    """
    d = plan.design
    reps = d.replicates
    name = plan.stata_name
    variables = " ".join(name(c) for c in reps.columns)
    if reps.type in ("BRR", "Fay"):
        options = f"brrweight({variables}) vce(brr)"
        if reps.type == "Fay" and reps.rho:
            options += f" fay({reps.rho!r})"
    elif reps.type == "bootstrap":
        options = f"bsrweight({variables}) vce(bootstrap)"
    else:
        multipliers = " ".join(f"{reps.scale * r!r}" for r in reps.rscales)
        options = f"jkrweight({variables}, multiplier({multipliers})) vce(jackknife)"
    if reps.mse:
        options += " mse"
    return f"svyset [pweight={name(d.weight)}], {options}"


def _example_variable(plan: ExportPlan) -> ExportVariable | None:
    return next((v for v in plan.variables if v.name == plan.example), None)


def write_do(
    plan: ExportPlan, target: Path, dta_name: str, others: list[ExportPlan] | None = None
) -> Path:
    write_text(target, do_syntax(plan, dta_name, others))
    return target
