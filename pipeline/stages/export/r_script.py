"""An .R file that loads the export as an R user expects: haven reads the .sav, the chosen
language's labels become factors, ``svydesign(...)`` declares the design as the pipeline
used it, and one table of the report is reproduced with ``svymean``.

The table's numbers are the report's: proportions (0-1) of the substantive answers among
those who gave one, the others (don't know, refused, skipped) a domain outside the table
but inside the design (``subset`` of the design, as pipeline/stages/tabulate.py does).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.core.atomic import write_text
from pipeline.core.wording import SIMULATED_NOTE
from pipeline.stages.export.plan import ExportPlan


def _r_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def svydesign_call(plan: ExportPlan, data: str = "d") -> str:
    """``svydesign(...)`` with the clusters, strata, fpc and weights of the plan's design."""
    d = plan.design
    ids = "~" + " + ".join(d.clusters) if d.clusters else "~1"
    args = [f"ids = {ids}"]
    if d.strata:
        args.append(f"strata = ~{d.strata}")
    if d.fpc and d.population_size and not d.clusters:
        args.append(f"fpc = ~{d.population_size}")
    args.append(f"weights = ~{d.weight}")
    if d.clusters and d.strata:
        args.append("nest = TRUE")
    args.append(f"data = {data}")
    return "svydesign(" + ", ".join(args) + ")"


def r_syntax(plan: ExportPlan, sav_files: dict[str, str]) -> str:
    """The R loader; ``sav_files``: language → .sav file name (the plan's language first)."""
    d = plan.design
    choices = ", ".join(f"{lang} = {_r_string(name)}" for lang, name in sav_files.items())
    design_columns = [c for c in (d.strata, d.weight, d.population_size, *d.clusters) if c]
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
        f"design_columns <- c({', '.join(_r_string(c) for c in design_columns)})",
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
    lines += [
        "",
        "# Every labelled variable as a factor with the chosen language's labels",
        'd <- haven::as_factor(d, levels = "labels", only_labelled = TRUE)',
        "",
        "# The sample design as the pipeline used it",
        f"design <- {svydesign_call(plan)}",
    ]
    if plan.example:
        lines += [
            "",
            "table <- svymean(~example_table, subset(design, !is.na(example_table)))",
            "result <- data.frame(variable = example, code = as.vector(answers),",
            "                     label = names(answers), proportion = as.vector(coef(table)),",
            "                     se = as.vector(SE(table)))",
            "print(result, row.names = FALSE)",
            'out <- Sys.getenv("SURVEY_TABLE_OUT", "")  # set it to save the table as CSV',
            'if (nzchar(out)) write.csv(result, out, row.names = FALSE, fileEncoding = "UTF-8")',
        ]
    return "\n".join(lines) + "\n"


def write_r(plan: ExportPlan, target: Path, sav_files: dict[str, str]) -> Path:
    write_text(target, r_syntax(plan, sav_files))
    return target
