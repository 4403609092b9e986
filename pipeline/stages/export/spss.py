"""SPSS output: the .sav/.zsav (pyreadstat, then GNU PSPP adds the multiple-response sets)
and the .sps syntax file (weights, complex-samples plan, multiple-response sets).

pyreadstat cannot write multiple-response sets; PSPP can. When ``pspp`` is on PATH the
.sav written by pyreadstat is opened by PSPP, the sets are defined with MRSETS and PSPP
saves the final file. Without PSPP the sets are only in the .sps, with a warning.
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
    for split in (len(codes), len(codes) - 1):
        lo, hi = codes[0], codes[split - 1]
        if not any(lo <= c <= hi for c in valid):
            return [{"lo": lo, "hi": hi}, *codes[split:]]
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
    )


def _add_mr_sets(source: Path, target: Path, sets: list[MultipleResponseSet], compress: bool):
    syntax = (
        "* Encoding: UTF-8.\n"
        f"GET FILE={quote(str(source))}.\n"
        + mrsets_syntax(sets)
        + f"SAVE OUTFILE={quote(str(target))}{' /ZCOMPRESSED' if compress else ''}.\n"
    )
    run_pspp(syntax, target.parent)


def write_sav(plan: ExportPlan, target: Path, compress: bool = False) -> Path:
    """Write the .sav (or .zsav when ``compress``) atomically, with MR sets if PSPP exists."""
    add_sets = bool(plan.mr_sets) and shutil.which("pspp") is not None
    if plan.mr_sets and not add_sets:
        warnings.warn(
            ExportWarning(
                f"GNU PSPP is not installed: the multiple-response sets are only in the .sps, "
                f"not in {target.name}"
            ),
            stacklevel=2,
        )
    with atomic_path(target) as tmp:
        if not add_sets:
            _write_with_pyreadstat(plan, tmp, compress)
        else:
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".pre", dir=tmp.parent)
            os.close(fd)
            try:
                _write_with_pyreadstat(plan, Path(name), compress)
                _add_mr_sets(Path(name), tmp, plan.mr_sets, compress)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(name)
    return target


def _comment(text: str) -> str:
    """An SPSS comment line; it must end with a period."""
    return f"* {text.rstrip('.')}.\n"


def sps_syntax(plan: ExportPlan, sav_name: str) -> str:
    """The syntax that opens the .sav and declares weights, sample design and MR sets."""
    weight = plan.design_name("_weight")
    strata = plan.design_name("_stratum")
    fpc = plan.design_name("_fpc")
    stem = Path(sav_name).stem
    parts = [
        _comment("Encoding: UTF-8 (Unicode). Run with SET UNICODE=ON in SPSS"),
        _comment(
            f"Survey pipeline export: form {plan.form_id}, version {plan.version}, "
            f"wave {plan.wave}, labels {plan.lang}"
        ),
    ]
    if plan.simulated:
        parts.append(_comment(SIMULATED_NOTE))
    parts += [
        _comment("Run from the folder that holds the .sav, or edit the path below"),
        f"GET FILE={quote(sav_name)}.\n",
    ]
    if plan.mr_sets:
        parts += [
            "\n",
            _comment("Multiple-response sets (multiple dichotomies)"),
            mrsets_syntax(plan.mr_sets),
        ]
    if weight:
        parts += [
            "\n",
            _comment(
                f"{weight} is the sampling weight N_h/n_h. WEIGHT BY treats it as a "
                "frequency weight: use it for point estimates, the plan below for SEs"
            ),
            f"WEIGHT BY {weight}.\n",
        ]
    if weight and strata and fpc:
        parts += [
            "\n",
            _comment(
                "Stratified one-stage sample without replacement; "
                f"{fpc} holds the population size N_h of each stratum (SPSS Complex Samples)"
            ),
            "CSPLAN ANALYSIS\n",
            f"  /PLAN FILE={quote(stem + '.csaplan')}\n",
            f"  /PLANVARS ANALYSISWEIGHT={weight}\n",
            f"  /DESIGN STRATA={strata}\n",
            "  /ESTIMATOR TYPE=EQUAL_WOR\n",
            f"  /POPSIZE VARIABLE={fpc}.\n",
        ]
    elif weight:
        parts.append(_comment("No strata or population sizes in the data: no CSPLAN"))
    return "".join(parts)


def write_sps(plan: ExportPlan, target: Path, sav_name: str) -> Path:
    write_text(target, sps_syntax(plan, sav_name))
    return target
