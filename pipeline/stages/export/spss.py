"""SPSS output: the .sav/.zsav (pyreadstat, then GNU PSPP adds the multiple-response sets
and data file attributes) and two syntax files: ``<stem>.sps`` runs in PSPP and SPSS
(attributes, MRSETS, grid macros, WEIGHT); ``<stem>.spss.sps`` adds the SPSS-only Complex
Samples plan (CSPLAN) and one design-based table (CSTABULATE).

pyreadstat cannot write multiple-response sets or attributes; PSPP can. When ``pspp`` is on
PATH the .sav written by pyreadstat is opened by PSPP, the sets and attributes are defined
and PSPP saves the final file; the grids' variable sets are then added to it (PSPP 1.6 has
no syntax for them; sav_records.py). Without PSPP the sets are only in the .sps, with a
warning. Every written file is read back and compared with the plan (readback.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import warnings
from pathlib import Path

import pyreadstat

from pipeline.core.atomic import atomic_path, write_text
from pipeline.core.errors import InputError
from pipeline.core.spss_limits import SPSS_MAX_DISCRETE_MISSING
from pipeline.core.wording import SIMULATED_NOTE
from pipeline.stages.export.plan import (
    ExportPlan,
    ExportVariable,
    ExportWarning,
    MultipleResponseSet,
)
from pipeline.stages.export.readback import check_sav
from pipeline.stages.export.sav_records import add_variable_sets

PSPP_TIMEOUT_SECONDS = 120


def quote(text: str) -> str:
    """An SPSS string literal: single quotes, inner single quotes doubled."""
    return "'" + text.replace("'", "''") + "'"


def missing_ranges(v: ExportVariable) -> list[object]:
    """SPSS user-missing values: up to 3 discrete codes, or one range (+ one code).

    A range is used only when it covers no substantive code.
    """
    codes = sorted(set(v.missing))
    if len(codes) <= SPSS_MAX_DISCRETE_MISSING:
        return list(codes)
    valid = [c for c in v.value_labels if c not in codes]
    # the whole list as a range, or all but the last / the first (the skip code sits below
    # the other missing codes) as a range plus that one code
    for in_range, alone in ((codes, []), (codes[:-1], codes[-1:]), (codes[1:], codes[:1])):
        lo, hi = in_range[0], in_range[-1]
        if not any(lo <= c <= hi for c in valid):
            return [{"lo": lo, "hi": hi}, *alone]
    raise InputError(
        f"SPSS allows 3 discrete missing codes or one range and one code; {codes} interleave "
        f"with valid codes",
        column=v.name,
    )


def run_pspp(syntax: str, workdir: Path) -> str:
    """Run PSPP on ``syntax`` (UTF-8) in ``workdir``; return its text output.

    Raises RuntimeError when PSPP reports an error.
    """
    pspp = shutil.which("pspp")
    if pspp is None:
        raise RuntimeError("GNU PSPP (pspp) is not on PATH")
    with tempfile.TemporaryDirectory(dir=workdir, prefix=".pspp-") as tmp:
        script, output = Path(tmp, "run.sps"), Path(tmp, "out.txt")
        script.write_text(syntax, encoding="utf-8")
        proc = subprocess.run(
            [
                pspp,
                "--no-statrc",
                "--syntax-encoding=UTF-8",
                "-o",
                str(output),
                "-O",
                "width=400",  # wide enough that labels are not wrapped in table cells
                str(script),
            ],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=PSPP_TIMEOUT_SECONDS,
        )
        text = output.read_text(encoding="utf-8") if output.exists() else ""
    errors = [line for line in (proc.stdout + text).splitlines() if "error:" in line]
    if proc.returncode != 0 or errors:
        detail = "\n".join(errors) or proc.stderr.strip()
        raise RuntimeError(f"PSPP failed (exit {proc.returncode}): {detail}")
    return text


def mrsets_syntax(sets: list[MultipleResponseSet]) -> str:
    """One MRSETS command defining every set as multiple dichotomies."""
    lines = ["MRSETS"]
    for s in sets:
        lines.append(f"  /MDGROUP NAME=${s.name} LABEL={quote(s.label)}")
        lines.append(f"   VARIABLES={' '.join(s.variables)} VALUE={s.counted_value}")
    return "\n".join(lines) + ".\n"


def _write_with_pyreadstat(plan: ExportPlan, path: Path, compress: bool) -> None:
    pyreadstat.write_sav(
        plan.data,
        str(path),
        file_label=plan.file_label,
        column_labels={v.name: v.label or None for v in plan.variables},
        compress=compress,
        note=plan.notes,
        variable_value_labels={v.name: v.value_labels for v in plan.variables if v.value_labels},
        missing_ranges={v.name: missing_ranges(v) for v in plan.variables if v.missing},
        variable_measure={v.name: v.measure for v in plan.variables},
        variable_format={v.name: v.spss_format for v in plan.variables},
        variable_display_width={v.name: v.display_width for v in plan.variables},
    )


def attributes_syntax(plan: ExportPlan) -> str:
    """DATAFILE ATTRIBUTE: what the file is (form, version, wave, data version, simulated)."""
    pairs = " ".join(f"{key}({quote(value)})" for key, value in plan.attributes().items())
    return f"DATAFILE ATTRIBUTE ATTRIBUTE={pairs}.\n"


def _pspp_pass(source: Path, target: Path, plan: ExportPlan, compress: bool) -> None:
    """PSPP opens pyreadstat's file, adds what pyreadstat cannot write (data file attributes,
    multiple-response sets) and saves the final file."""
    syntax = (
        "* Encoding: UTF-8.\n"
        f"GET FILE={quote(str(source))}.\n"
        + attributes_syntax(plan)
        + (mrsets_syntax(plan.mr_sets) if plan.mr_sets else "")
        + f"SAVE OUTFILE={quote(str(target))}{' /ZCOMPRESSED' if compress else ''}.\n"
    )
    run_pspp(syntax, target.parent)


def write_sav(plan: ExportPlan, target: Path, compress: bool = False) -> Path:
    """Write the .sav (or .zsav when ``compress``) atomically, then read it back.

    With PSPP on PATH the file also carries the data file attributes and multiple-response
    sets; without it they are only in the .sps, with a warning. The written file is read
    back (readback.check_sav) before it replaces the old one: a label the chain cut or
    changed is an error, not a surprise for the user.
    """
    with_pspp = shutil.which("pspp") is not None
    if not with_pspp:
        warnings.warn(
            ExportWarning(
                f"GNU PSPP is not installed: the multiple-response sets and data file "
                f"attributes are only in the .sps, not in {target.name}"
            ),
            stacklevel=2,
        )
    with atomic_path(target) as tmp:
        if not with_pspp:
            _write_with_pyreadstat(plan, tmp, compress)
        else:
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".pre", dir=tmp.parent)
            os.close(fd)
            try:
                _write_with_pyreadstat(plan, Path(name), compress)
                _pspp_pass(Path(name), tmp, plan, compress)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(name)
        check_sav(plan, tmp, with_mr_sets=with_pspp)
        if with_pspp:
            add_variable_sets(tmp, grid_sets(plan))
    return target


def _comment(text: str) -> str:
    """An SPSS comment line; it must end with a period."""
    return f"* {text.rstrip('.')}.\n"


def grid_sets(plan: ExportPlan) -> dict[str, list[str]]:
    """Grid question → the export names of its items (one variable set per grid)."""
    sets: dict[str, list[str]] = {}
    for v in plan.variables:
        if v.grid:
            sets.setdefault(v.grid, []).append(v.name)
    return sets


def _header(plan: ExportPlan, sav_name: str) -> list[str]:
    parts = [
        _comment("Encoding: UTF-8 (Unicode). Run with SET UNICODE=ON in SPSS"),
        _comment(
            f"Survey pipeline export: form {plan.form_id}, version {plan.version}, "
            f"wave {plan.wave}, labels {plan.lang}, data version {plan.data_version or 'unknown'}"
        ),
    ]
    if plan.simulated:
        parts.append(_comment(SIMULATED_NOTE))
    parts += [
        _comment(
            "Missing values: each variable's don't know and refused codes, and its skip code "
            "(not asked: skipped by the questionnaire's routing), are user-missing; the codebook "
            "lists them"
        ),
        _comment("Run from the folder that holds the .sav, or edit the path below"),
        f"GET FILE={quote(sav_name)}.\n",
        "\n",
        attributes_syntax(plan),
    ]
    if plan.mr_sets:
        parts += [
            "\n",
            _comment("Multiple-response sets (multiple dichotomies)"),
            mrsets_syntax(plan.mr_sets),
        ]
    grids = grid_sets(plan)
    if grids:
        parts += [
            "\n",
            _comment(
                "The items of each grid: a macro per grid for syntax "
                f"(FREQUENCIES !{next(iter(grids))}.); the .sav also holds them as variable sets "
                "for the data editor and dialogs"
            ),
        ]
        parts += [
            f"DEFINE !{grid} () {' '.join(items)} !ENDDEFINE.\n" for grid, items in grids.items()
        ]
    weight = plan.design.weight
    if weight:
        needs = (
            REPLICATE_NOTE if plan.design.replicates is not None
            else "standard errors need the complex-samples plan"
        )  # fmt: skip
        parts += [
            "\n",
            _comment(
                f"{weight} is the sampling weight. WEIGHT BY treats it as a frequency weight: "
                f"use it for point estimates; {needs}"
            ),
            f"WEIGHT BY {weight}.\n",
        ]
    return parts


# SPSS Complex Samples has no replicate-weight variance: a CSPLAN would describe another design.
REPLICATE_NOTE = (
    "the data bring replicate weights, and SPSS Complex Samples has no replicate-weight "
    "variance: the design-based standard errors need R (the .R file, svrepdesign) or Stata "
    "(the .do file, svyset with the replicate weights); no complex-samples plan is written"
)


def sps_syntax(plan: ExportPlan, sav_name: str) -> str:
    """The syntax that runs in GNU PSPP and SPSS alike: opens the .sav, declares attributes,
    multiple-response sets, grid macros and the weight. The complex-samples plan is in the
    ``.spss.sps`` file: PSPP does not implement CSPLAN."""
    parts = _header(plan, sav_name)
    if plan.design.replicates is not None:
        return "".join(parts)  # the header says where the standard errors are
    parts += [
        "\n",
        _comment(
            f"Design-based standard errors: {spss_only_name(sav_name)} holds the SPSS Complex "
            "Samples plan (CSPLAN, CSTABULATE); GNU PSPP does not implement them, so they are "
            "not in this file"
        ),
    ]
    return "".join(parts)


def spss_only_name(sav_name: str) -> str:
    return f"{Path(sav_name).stem}.spss.sps"


def spss_syntax(plan: ExportPlan, sav_name: str) -> str:
    """Syntax for IBM SPSS Statistics with the Complex Samples module: everything the PSPP
    syntax holds, plus the design as CSPLAN and one table of the report with CSTABULATE."""
    if plan.design.replicates is not None:
        return "".join(_header(plan, sav_name))  # no plan: the header's REPLICATE_NOTE
    parts = [
        _comment(
            "For IBM SPSS Statistics with the Complex Samples option: GNU PSPP stops at CSPLAN "
            f"(not implemented); in PSPP run {Path(sav_name).stem}.sps"
        )
    ]
    parts += _header(plan, sav_name)
    parts += csplan_syntax(plan, f"{Path(sav_name).stem}.csaplan")
    return "".join(parts)


def _stage_size(plan: ExportPlan, column: str) -> str:
    """POPSIZE for population counts, INCLPROB for sampling fractions (values below 1), as
    R's svydesign reads an fpc column."""
    values = plan.data[column].dropna()
    kind = "INCLPROB" if len(values) and float(values.max()) < 1 else "POPSIZE"
    return f"  /{kind} VARIABLE={column}"


def _design_stages(plan: ExportPlan) -> tuple[list[str], str]:
    """The /DESIGN, /ESTIMATOR and /POPSIZE lines of each stage, and a sentence saying how."""
    d = plan.design
    strata = f"STRATA={d.strata} " if d.strata else ""
    if not d.clusters:
        if d.element_fpc:
            lines = [f"  /DESIGN {strata}".rstrip(), "  /ESTIMATOR TYPE=EQUAL_WOR"]
            lines.append(f"  /POPSIZE VARIABLE={d.population_size}")
            how = f"without replacement, {d.population_size} holding each stratum's size"
        else:
            lines = [f"  /DESIGN {strata}".rstrip(), "  /ESTIMATOR TYPE=WR"]
            how = "with replacement (no finite population correction)"
        return [line for line in lines if line != "  /DESIGN"], how
    if not d.stage_fpc:
        lines = [f"  /DESIGN {strata}CLUSTER={d.clusters[0]}", "  /ESTIMATOR TYPE=WR"]
        return lines, "clusters drawn with replacement at the first stage (no fpc)"
    lines = []
    for stage, (cluster, fpc) in enumerate(zip(d.clusters, d.stage_fpc, strict=True)):
        lines.append(f"  /DESIGN {strata if stage == 0 else ''}CLUSTER={cluster}")
        lines += ["  /ESTIMATOR TYPE=EQUAL_WOR", _stage_size(plan, fpc)]
    return lines, f"{len(d.clusters)}-stage cluster sample without replacement"


def csplan_syntax(plan: ExportPlan, plan_file: str) -> list[str]:
    """CSPLAN ANALYSIS from the design as the pipeline used it, and CSTABULATE of the example."""
    d = plan.design
    if not d.weight:
        return [_comment("No sampling weight in the data: no complex-samples plan")]
    stages, how = _design_stages(plan)
    parts = []
    if d.calibrated or d.trim_upper is not None:
        parts.append(
            _comment(
                "The weights were raked to the frame's margins ("
                + ", ".join(dict.fromkeys(m["variable"] for m in d.margins))
                + "): the plan takes them as given, so its SEs leave out the calibration "
                "(the .R file reproduces it)"
            )
        )
    parts += [
        "\n",
        _comment(
            ("Stratified sample, " if d.strata else "Sample, ")
            + f"{how}, as the pipeline's estimates use it"
        ),
        "CSPLAN ANALYSIS\n",
        f"  /PLAN FILE={quote(plan_file)}\n",
        f"  /PLANVARS ANALYSISWEIGHT={d.weight}\n",
        "\n".join(stages) + ".\n",
    ]
    if plan.example:
        parts += [
            "\n",
            _comment(f"One table of the report: {plan.example}, design-based percentages and SEs"),
            "CSTABULATE\n",
            f"  /PLAN FILE={quote(plan_file)}\n",
            f"  /TABLES VARIABLES={plan.example}\n",
            "  /CELLS POPSIZE TABLEPCT\n",
            "  /STATISTICS SE CIN(95)\n",
            "  /MISSING SCOPE=TABLE CLASSMISSING=EXCLUDE.\n",
        ]
    return parts


def write_sps(plan: ExportPlan, target: Path, sav_name: str) -> Path:
    write_text(target, sps_syntax(plan, sav_name))
    return target


def write_spss_sps(plan: ExportPlan, target: Path, sav_name: str) -> Path:
    write_text(target, spss_syntax(plan, sav_name))
    return target
