"""An .R file that loads the export as an R user expects: haven reads the .sav, the chosen
language's labels become factors, ``svydesign(...)`` declares the design as the pipeline
used it, and one table of the report is reproduced with ``svymean``.

The table's numbers are the report's: proportions (0-1) of the substantive answers among
those who gave one, the others (don't know, refused, skipped) a domain outside the table
but inside the design (``na.rm = TRUE``, a domain, as pipeline/stages/tabulate.py does).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.core.atomic import write_text
from pipeline.core.wording import SIMULATED_NOTE
from pipeline.stages.export.plan import ExportPlan


def _r_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def svydesign_call(plan: ExportPlan, data: str = "d") -> str:
    """``svydesign(...)`` with the clusters, strata, fpc, weights and nest of the plan's
    design, as the weight stage built it (pipeline/stages/weight.py)."""
    d = plan.design
    ids = "~" + " + ".join(d.clusters) if d.clusters else "~1"
    args = [f"ids = {ids}"]
    if d.strata:
        args.append(f"strata = ~{d.strata}")
    fpc = d.stage_fpc if d.clusters else ((d.population_size,) if d.element_fpc else ())
    if fpc:
        args.append("fpc = ~" + " + ".join(fpc))
    args.append(f"weights = ~{d.weight}")
    if d.nest:
        args.append("nest = TRUE")
    args.append(f"data = {data}")
    return "svydesign(" + ", ".join(args) + ")"


def _r_vector(items, per_line: int = 10) -> str:
    """``c(...)`` over several lines when long: R reads a script's lines through its console
    buffer (4096 bytes), so thousands of replicate columns on one line would be cut."""
    items = list(items)
    lines = [", ".join(items[i : i + per_line]) for i in range(0, len(items), per_line)]
    return "c(" + ",\n    ".join(lines) + ")"


def svrepdesign_call(plan: ExportPlan, data: str = "d") -> str:
    """``svrepdesign(...)`` with the replicate weights the data brought and the options the
    weight stage recorded (R's defaults where none were given, as the pipeline took them)."""
    d = plan.design
    reps = d.replicates
    args = [
        f"data = {data}",
        f"repweights = as.matrix(as.data.frame({data})[{_r_vector(map(_r_string, reps.columns))}])",
        f"weights = ~{d.weight}",
        f'type = "{reps.type}"',
    ]
    if reps.recorded_scale is not None:
        args.append(f"scale = {reps.recorded_scale!r}")
    if reps.recorded_rscales:
        args.append(f"rscales = {_r_vector(map(repr, reps.recorded_rscales))}")
    if reps.rho is not None:
        args.append(f"rho = {reps.rho!r}")
    args.append(f"mse = {'TRUE' if reps.mse else 'FALSE'}")
    args.append(f"combined.weights = {'TRUE' if reps.combined else 'FALSE'}")
    return "svrepdesign(" + ", ".join(args) + ")"


def r_syntax(plan: ExportPlan, sav_files: dict[str, str]) -> str:
    """The R loader; ``sav_files``: language → .sav file name (the plan's language first)."""
    d = plan.design
    choices = ", ".join(f"{lang} = {_r_string(name)}" for lang, name in sav_files.items())
    design_columns = [
        c for c in (d.strata, d.weight, d.population_size, *d.clusters, *d.cluster_fpc) if c
    ]
    if d.replicates is not None:
        design_columns += list(d.replicates.columns)
    lines = [
        f"# Survey pipeline export: form {plan.form_id}, version {plan.version}, "
        f"wave {plan.wave}, data version {plan.data_version or 'unknown'}",
    ]
    if plan.simulated:
        lines.append(f"# {SIMULATED_NOTE}")
    lines += [
        "# Needs the R packages haven and survey. Run from the folder that holds the .sav.",
        "# Missing values: don't know, refused and skipped by routing (the codebook lists",
        "# each variable's codes) are user-missing in the .sav and become NA here.",
        "# From the CSV instead: d0 <- read.csv(<the .csv>, fileEncoding = 'UTF-8'), then set",
        "# each variable's missing codes (the codebook's missing column) to NA.",
        "library(haven)",
        "library(survey)",
        "",
        f'lang <- Sys.getenv("SURVEY_LANG", {_r_string(plan.lang)})  # label language',
        f"files <- c({choices})",
        "raw <- haven::read_sav(files[[lang]], user_na = TRUE)",
        "d <- haven::zap_missing(raw)  # user-missing codes become NA",
        f"design_columns <- {_r_vector(map(_r_string, design_columns))}",
        "d[design_columns] <- lapply(d[design_columns],",
        "                            function(x) as.vector(haven::zap_labels(x)))",
    ]
    if plan.example:
        lines += [
            "",
            "# One table of the report: its answers (codes that are not missing) as a factor",
            f"example <- {_r_string(plan.example)}",
            'labels <- attr(raw[[example]], "labels")',
            'missing_codes <- attr(raw[[example]], "na_values")',
            'na_range <- attr(raw[[example]], "na_range")',
            "is_missing <- labels %in% missing_codes",
            "if (!is.null(na_range)) {",
            "  is_missing <- is_missing | (labels >= na_range[1] & labels <= na_range[2])",
            "}",
            "answers <- labels[!is_missing]",
            "d$example_table <- factor(as.vector(haven::zap_labels(d[[example]])),",
            "                          levels = answers, labels = names(answers))",
        ]
    lines += _rake_columns(plan)
    lines += [
        "",
        "# Every labelled variable as a factor with the chosen language's labels",
        'd <- haven::as_factor(d, levels = "labels", only_labelled = TRUE)',
        "",
        "# The sample design as the pipeline used it",
    ]
    if d.lonely_psu != "fail":
        lines.append(f'options(survey.lonely.psu = "{d.lonely_psu}")  # as the weight stage')
    if d.replicates is not None:
        lines.append("# Replicate weights the data brought (their variance, as the pipeline's)")
        lines.append(f"design <- {svrepdesign_call(plan)}")
    else:
        lines.append(f"design <- {svydesign_call(plan)}")
    lines += _calibration(plan)
    if plan.example:
        lines += [
            "",
            "estimates <- svymean(~example_table, design, na.rm = TRUE)  # the answers: a domain",
            "result <- data.frame(variable = example, code = as.vector(answers),",
            "                     label = names(answers), proportion = as.vector(coef(estimates)),",
            "                     se = as.vector(SE(estimates)))",
            "print(result, row.names = FALSE)",
            'out <- Sys.getenv("SURVEY_TABLE_OUT", "")  # set it to save the table as CSV',
            'if (nzchar(out)) write.csv(result, out, row.names = FALSE, fileEncoding = "UTF-8")',
        ]
    return "\n".join(lines) + "\n"


def _rake_name(margin: dict, strata: str | None) -> str:
    joint = bool(margin.get("by_stratum")) and strata
    return f"rake_{strata}_{margin['variable']}" if joint else f"rake_{margin['variable']}"


def _rake_columns(plan: ExportPlan) -> list[str]:
    """Code columns for raking, made before the labels become factors (the population
    counts are given by code)."""
    d = plan.design
    lines = []
    for m in d.margins:
        codes = f"as.vector(haven::zap_labels(d[[{_r_string(m['variable'])}]]))"
        if m.get("counts"):
            lines.append(f"d${_rake_name({**m, 'by_stratum': None}, d.strata)} <- {codes}")
        if m.get("by_stratum") and d.strata:
            lines.append(f'd${_rake_name(m, d.strata)} <- paste(d${d.strata}, {codes}, sep = ":")')
    return ["", "# Raking variables (codes)", *lines] if lines else []


def _population(column: str, counts: dict) -> str:
    """A population data frame for rake(): codes as numbers, joint cells ("1:2") as text."""
    numeric = all(str(k).lstrip("-").isdigit() for k in counts)
    keys = ", ".join(str(k) if numeric else _r_string(str(k)) for k in counts)
    values = ", ".join(repr(float(v)) for v in counts.values())
    return f"data.frame({column} = c({keys}), Freq = c({values}))"


def _calibration(plan: ExportPlan) -> list[str]:
    """rake() to the stratum sizes and the frame's margins, and trimWeights(), as the weight
    stage did (same convergence as the project's oracles: epsilon 1e-10, 100 sweeps)."""
    d = plan.design
    lines: list[str] = []
    if d.calibrated and d.strata:
        margins = [f"~{d.strata}"]
        population = [_population(d.strata, {str(k): v for k, v in d.stratum_sizes.items()})]
        for m in d.margins:
            if m.get("counts"):
                name = _rake_name({**m, "by_stratum": None}, d.strata)
                margins.append(f"~{name}")
                population.append(_population(name, m["counts"]))
            if m.get("by_stratum"):
                name = _rake_name(m, d.strata)
                cells = {
                    f"{s}:{v}": count
                    for s, counts in m["by_stratum"].items()
                    for v, count in counts.items()
                }
                margins.append(f"~{name}")
                population.append(_population(name, cells))
        lines += [
            "# The weights are raked to the frame's stratum sizes and margins "
            f"({', '.join(dict.fromkeys(m['variable'] for m in d.margins))}), "
            "as the weight stage did",
            f"design <- rake(design, list({', '.join(margins)}),",
            "               list(" + ",\n                    ".join(population) + "),",
            "               control = list(maxit = 100, epsilon = 1e-10))",
        ]
    if d.trim_upper is not None:
        lines.append(
            f"design <- trimWeights(design, upper = {float(d.trim_upper)!r}, strict = TRUE)"
        )
    return lines


def write_r(plan: ExportPlan, target: Path, sav_files: dict[str, str]) -> Path:
    write_text(target, r_syntax(plan, sav_files))
    return target
