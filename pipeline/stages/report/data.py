"""What the report notebooks read and print: the stage outputs of a wave, as tables and
sentences in the report's language.

The notebooks compute no statistic: percentages, CIs, letters and tests come from the
tabulate stage (outputs/tables), the design from the weighted data's metadata, the cleaning
counts from the cleaning summary. The only arithmetic here is the planning margin of error
(a formula of n and N, not an estimate) and differences between printed percentages.
Proportions are 0-1 throughout; the report_text functions turn them into percentages.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from pipeline.core.columns import column_letter
from pipeline.core.errors import InputError
from pipeline.core.spreadsheet_safety import neutralise
from pipeline.core.wording import CLEANING_ACTION_WORDS, CLEANING_RULE_WORDS, MONTHS
from pipeline.model.harmonize import harmonized_items, load_harmonization
from pipeline.model.questionnaire import (
    NUMERIC_TYPES,
    Question,
    Questionnaire,
    QuestionType,
    Variable,
    load_questionnaire,
)
from pipeline.readers.dataset import read_dataset
from pipeline.stages.compare.charts import chart_slug
from pipeline.stages.compare.comparison import OVERALL
from pipeline.stages.instruments.layout import instrument_stem
from pipeline.stages.report.masking import mask_free_text
from pipeline.stages.report.text import (
    DASH,
    Finding,
    finding_sentence,
    fmt_date,
    fmt_int,
    fmt_number,
    fmt_p,
    fmt_percent,
    fmt_signed_pp,
    p_relation,
    words,
)
from pipeline.stages.tabulate import (
    LIKERT_TYPES,
    TOTAL,
    composition_variables,
    mark_suppressed,
    read_with_care,
    row_variables,
    suppressed_columns,
)
from pipeline.statistics.allocate import allocate
from pipeline.statistics.crosstab import bh_adjust

# The "read with care" mark as markdown writes it (a bare * would open an emphasis).
CARE = "\\*"

# ----- reading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WavePaths:
    """Where a wave's stage outputs are (docs/schemas.md), relative to the project root."""

    weighted: Path
    summary: Path
    quarantine: Path
    cleaning_log: Path
    tables: Path
    instruments: Path
    raw: Path

    @classmethod
    def of(cls, wave: str, root: str | Path = ".") -> WavePaths:
        root = Path(root)
        return cls(
            weighted=root / "processed" / f"{wave}.weighted.parquet",
            summary=root / "processed" / f"{wave}.cleaning-summary.json",
            quarantine=root / "processed" / f"{wave}.quarantine.csv",
            cleaning_log=root / "processed" / f"{wave}.cleaning-log.csv",
            tables=root / "outputs" / "tables",
            instruments=root / "outputs" / "instruments" / wave,
            raw=root / "raw" / f"{wave}.csv",
        )


@dataclass
class WaveData:
    """One wave's stage outputs, read once; see :func:`load_wave`."""

    wave: str
    questionnaire: Questionnaire
    meta: dict
    cells: pd.DataFrame
    tests: pd.DataFrame
    scales: pd.DataFrame
    claims: pd.DataFrame
    info: dict
    summary: dict
    quarantine_reasons: dict[str, int]
    fieldwork: tuple[str, str] | None
    paths: WavePaths
    threshold: int
    respondents: int = field(default=0)
    responses: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def simulated(self) -> bool:
        return bool(self.meta.get("simulated") or self.info.get("simulated"))

    @property
    def stratum(self) -> str:
        """The stratum (member category) variable: the first banner of every report."""
        return self.questionnaire.stratum.variable

    @property
    def alpha(self) -> float:
        return float(self.info.get("options", {}).get("alpha", 0.05))

    @property
    def min_base(self) -> int:
        return int(self.info.get("options", {}).get("min_base", 30))


def load_wave(
    wave: str,
    root: str | Path = ".",
    questionnaire: str | Path | None = None,
    threshold: int | None = None,
) -> WaveData:
    """Read the stage outputs of ``wave`` under ``root``.

    ``questionnaire`` defaults to the one named in the weighted data's metadata (resolved
    against ``root``); ``threshold`` (unweighted base below which a cell is not shown)
    defaults to the tabulate stage's ``suppress_below``.
    """
    paths = WavePaths.of(wave, root)
    required = (
        paths.weighted,
        paths.summary,
        paths.tables / f"{wave}.cells.parquet",
        paths.tables / f"{wave}.claims.parquet",
    )
    for path in required:
        if not path.exists():
            raise InputError(
                f"the report needs {path}; run the earlier stages first", file=str(path)
            )
    data, meta = read_dataset(paths.weighted)
    q_path = Path(questionnaire) if questionnaire else Path(root) / meta.get("questionnaire", "")
    q = load_questionnaire(q_path)
    info = json.loads((paths.tables / f"{wave}.tables.json").read_text(encoding="utf-8"))["info"]
    options = info.get("options", {})
    shown_from = int(threshold if threshold is not None else options.get("suppress_below", 10))
    return WaveData(
        wave=str(wave),
        questionnaire=q,
        meta=meta,
        # Suppression (with its complement) is redone at the report's own threshold.
        cells=mark_suppressed(
            pd.read_parquet(paths.tables / f"{wave}.cells.parquet"), "base", shown_from
        ),
        tests=pd.read_parquet(paths.tables / f"{wave}.tests.parquet"),
        scales=mark_suppressed(
            pd.read_parquet(paths.tables / f"{wave}.scales.parquet"), "n", shown_from
        ),
        claims=pd.read_parquet(paths.tables / f"{wave}.claims.parquet"),
        info=info,
        summary=json.loads(paths.summary.read_text(encoding="utf-8")),
        quarantine_reasons=quarantine_reasons(paths.quarantine),
        fieldwork=fieldwork_period(paths.raw),
        paths=paths,
        threshold=shown_from,
        respondents=len(data),
        responses=data,
    )


def missing_share(data: WaveData, variable) -> float:
    """Weighted share (0-1) of the respondents asked ``variable`` (any code recorded) whose
    answer is a special missing code (don't know, refused): shown beside the scale's
    distribution, which is of substantive answers only. 0 without response data."""
    frame = data.responses
    if frame is None or variable.name not in frame.columns or "_weight" not in frame.columns:
        return 0.0
    values = pd.to_numeric(frame[variable.name], errors="coerce")
    weights = frame["_weight"].to_numpy(dtype=float)
    asked = values.notna().to_numpy()
    missing = values.isin(variable.missing_codes()).to_numpy()
    total = weights[asked].sum()
    return float(weights[missing].sum() / total) if total > 0 else 0.0


def free_text_answers(data: WaveData, question: str, limit: int = 30) -> list[str]:
    """Up to ``limit`` non-empty answers to a free-text question, with names, phone numbers
    and e-mail addresses masked, in a fixed order (sorted, so nothing follows row order)."""
    if data.questionnaire.question(question).pii:
        raise InputError("a PII question is never printed", column=question)
    frame, _ = read_dataset(data.paths.weighted)
    if question not in frame.columns:
        return []
    answers = frame[question].dropna().astype(str).str.strip()
    masked = sorted({mask_free_text(a) for a in answers if a})
    return masked[:limit]


def markdown_literal(text: str) -> str:
    """``text`` as markdown that prints exactly these characters: every ASCII punctuation
    mark backslash-escaped (so HTML, links, emphasis and raw blocks in a respondent's answer
    are printed as text, never interpreted), line breaks as spaces."""
    out = []
    for ch in " ".join(str(text).split()):
        out.append("\\" + ch if ch in _PUNCTUATION else ch)
    return "".join(out)


_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def free_text_markdown(data: WaveData, question: str, limit: int = 30) -> str:
    """The masked free-text answers as a markdown list of literal text."""
    answers = free_text_answers(data, question, limit)
    return "\n".join(f"- {markdown_literal(a)}" for a in answers)


def quarantine_reasons(path: Path) -> dict[str, int]:
    """Rows set aside by rule (the text of ``_reason`` before its colon), most frequent first."""
    if not path.exists():
        return {}
    reasons = pd.read_csv(path, usecols=["_reason"], dtype=str)["_reason"].fillna("")
    rules = reasons.str.split(":").str[0].str.strip()
    counts = rules.value_counts()
    return {str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}


def fieldwork_period(raw: Path) -> tuple[str, str] | None:
    """First and last submission dates (ISO) of the raw responses, when they carry
    ``_submission_time``; the report dates itself from the fieldwork, not the clock."""
    if not raw.exists() or raw.suffix.lower() != ".csv":
        return None
    header = pd.read_csv(raw, nrows=0).columns
    if "_submission_time" not in header:
        return None
    times = pd.read_csv(raw, usecols=["_submission_time"], dtype=str)["_submission_time"]
    days = times.dropna().str.slice(0, 10)
    days = days[days.str.match(r"^\d{4}-\d{2}-\d{2}$")]
    if days.empty:
        return None
    return str(days.min()), str(days.max())


def report_date(data: WaveData, lang: str) -> str:
    """The report's date as the cover prints it: the fieldwork period ("Fieldwork: 6 October
    2021 – 20 October 2021"), else the frame's reference date, else the wave (ISO text, or a
    year)."""
    if data.fieldwork:
        start, end = data.fieldwork
        return f"{words(lang)['fieldwork']}: {fmt_date(start, lang)} – {fmt_date(end, lang)}"
    frame = data.questionnaire.frame_model
    return (frame.reference_date if frame and frame.reference_date else None) or data.wave


# ----- the design -------------------------------------------------------------------------


def margin_of_error(
    n: int, population: int | None = None, p: float = 0.5, level: float = 0.95
) -> float:
    """Half-width of the normal confidence interval of a proportion from a simple random
    sample of ``n`` (with the finite population correction when ``population`` is given):
    z · sqrt(p(1-p)/n) · sqrt(1 - n/N). A proportion (0-1): 0.0245 is ±2.45 points."""
    if n <= 0:
        raise ValueError("n must be positive")
    z = stats.norm.ppf(0.5 + level / 2.0)
    fpc = 1.0 - n / population if population else 1.0
    return float(z * math.sqrt(p * (1.0 - p) / n) * math.sqrt(max(fpc, 0.0)))


@dataclass(frozen=True)
class StratumRow:
    code: int
    label: str
    population: int
    planned: int
    realised: int

    @property
    def fraction(self) -> float:
        return self.realised / self.population

    @property
    def weight(self) -> float:
        return self.population / self.realised if self.realised else float("nan")


def design_rows(data: WaveData, lang: str) -> list[StratumRow]:
    """Per stratum: N_h, the proportional allocation of the realised total, realised n_h."""
    design = data.meta.get("design", {})
    sizes = {int(k): int(v) for k, v in design.get("stratum_sizes", {}).items()}
    realised = {int(k): int(v) for k, v in design.get("sample_sizes", {}).items()}
    frame = data.questionnaire.frame_model
    shown = data.questionnaire.in_language
    labels = {s.code: shown(s.label, lang) for s in frame.strata} if frame else {}
    planned = {}
    if frame is not None and sum(realised.values()) > 0:
        planned = {a.code: a.n for a in allocate(frame.sizes(), sum(realised.values()))}
    return [
        StratumRow(
            code,
            labels.get(code, str(code)),
            sizes[code],
            planned.get(code, 0),
            realised.get(code, 0),
        )
        for code in sizes
    ]


def option_labels(data: WaveData, variable: Variable, lang: str) -> dict[int, str]:
    """Code -> option label as a reader of ``lang`` sees it: where the form has no label in
    ``lang``, the default language's, marked (``Oui [fr]``)."""
    q = data.questionnaire
    return {o.code: q.in_language(o.label, lang) for o in variable.options if o.code is not None}


def stratum_name(data: WaveData, lang: str) -> str:
    """What the strata are called: the stratum question's choice-list label if it has one,
    else "stratum"."""
    return strata_word(data.questionnaire, lang)


def strata_word(q: Questionnaire, lang: str) -> str:
    """The stratum question's choice-list label (lower case), else "stratum"."""
    return list_name(q, q.stratum.variable, lang) or words(lang)["category"].lower()


def list_name(q: Questionnaire, variable: str, lang: str) -> str | None:
    """The label of ``variable``'s choice list in ``lang`` (lower case), None without one."""
    choices = q.choice_list(q.variable(variable).question)
    if choices is None or choices.label is None:
        return None
    return q.in_language(choices.label, lang).lower()


def members_word(q: Questionnaire, lang: str) -> str:
    """What the population is made of (the frame's ``members``), else "population units"."""
    frame = q.frame_model
    if frame is not None and frame.members is not None:
        return q.in_language(frame.members, lang)
    return words(lang)["population_units"]


def group_names(data: WaveData, lang: str) -> str:
    """The banners' names (their choice lists' labels, lower case) for the sentence on the
    sample's make-up; ", ..." when some banner has no name, the word "group" when none has."""
    q = data.questionnaire
    names = [name for banner in q.banners if (name := list_name(q, banner, lang)) is not None]
    if not names:
        return words(lang)["groups"]
    return ", ".join(names) + (", ..." if len(names) < len(q.banners) else "")


def composition_note(data: WaveData, lang: str) -> str:
    """The sentence saying the sample's make-up is described, not reported as a finding."""
    return words(lang)["composition_note"].format(groups=group_names(data, lang))


def brief_title(data: WaveData, lang: str) -> str:
    return words(lang)["brief_title"].format(strata=stratum_name(data, lang))


def comparison_questionnaire(comparison: ComparisonData) -> Questionnaire | None:
    """The later wave's questionnaire (else the earlier's): the wording's nouns come from it."""
    a, b = comparison.info["waves"][0], later_wave(comparison)
    return comparison.questionnaires.get(b) or comparison.questionnaires.get(a)


def comparison_nouns(comparison: ComparisonData, lang: str) -> dict[str, str]:
    """``strata`` and ``members`` for the comparison report's sentences."""
    q = comparison_questionnaire(comparison)
    if q is None:
        w = words(lang)
        return {"strata": w["category"].lower(), "members": w["population_units"]}
    return {"strata": strata_word(q, lang), "members": members_word(q, lang)}


def by_category_title(comparison: ComparisonData, lang: str) -> str:
    return words(lang)["by_category"].format(strata=comparison_nouns(comparison, lang)["strata"])


def comparison_composition_note(comparison: ComparisonData, lang: str) -> str:
    q = comparison_questionnaire(comparison)
    groups = words(lang)["groups"] if q is None else strata_word(q, lang)
    return words(lang)["composition_note"].format(groups=groups)


def uses_fpc(data: WaveData) -> bool:
    return bool(data.meta.get("design", {}).get("options", {}).get("fpc", True))


def design_table(data: WaveData, lang: str) -> str:
    """The allocation table (markdown): N_h, share, allocation, n_h, f_h, weight, margin."""
    w = words(lang)
    rows = design_rows(data, lang)
    fpc = uses_fpc(data)
    total_n = sum(r.realised for r in rows)
    total_N = sum(r.population for r in rows)
    strata = stratum_name(data, lang)
    header = [
        strata[:1].upper() + strata[1:],
        w["population"],
        w["share"],
        w["planned"],
        w["realised"],
        w["fraction"],
        w["weight"],
        w["moe"],
    ]
    body = []
    for r in rows:
        moe = margin_of_error(r.realised, r.population if fpc else None) if r.realised else math.nan
        body.append(
            [
                r.label,
                fmt_int(r.population, lang),
                fmt_number(100 * r.population / total_N, lang, 1),
                fmt_int(r.planned, lang),
                fmt_int(r.realised, lang),
                fmt_number(100 * r.fraction, lang, 1),
                fmt_number(r.weight, lang, 2),
                fmt_number(100 * moe, lang, 1),
            ]
        )
    overall = margin_of_error(total_n, total_N if fpc else None)
    body.append(
        [
            f"**{w['total']}**",
            fmt_int(total_N, lang),
            fmt_number(100.0, lang, 1),
            fmt_int(sum(r.planned for r in rows), lang),
            fmt_int(total_n, lang),
            fmt_number(100 * total_n / total_N, lang, 1),
            fmt_number(total_N / total_n, lang, 2),
            fmt_number(100 * overall, lang, 1),
        ]
    )
    return markdown_table(header, body, align="l" + "r" * 7)


def methodology_text(data: WaveData, lang: str) -> str:
    """The frame paragraph, the allocation table and the margin-of-error sentences."""
    w = words(lang)
    q = data.questionnaire
    frame = q.frame_model
    rows = design_rows(data, lang)
    total_n = sum(r.realised for r in rows)
    total_N = sum(r.population for r in rows)
    fpc = uses_fpc(data)
    design = data.meta.get("design", {})
    facts = {
        "frame": q.in_language(frame.name, lang) if frame else "",
        "population": fmt_int(total_N, lang),
        "source": f"; {q.in_language(frame.source, lang)}" if frame and frame.source else "",
        "stratum": stratum_name(data, lang),
        "members": members_word(q, lang),
    }
    if is_clustered(data):
        text = cluster_text(data, lang, facts)
    else:
        text = w["frame_text" if fpc else "frame_text_nofpc"].format(**facts)
    moe = margin_of_error(total_n, total_N if fpc else None)
    parts = [
        text,
        f"### {w['allocation']}",
        design_table(data, lang),
        w["moe_note"],
        w["moe_sentence"].format(n=fmt_int(total_n, lang), moe=fmt_number(100 * moe, lang, 1)),
    ]
    if "kish_deff" in design:
        parts.append(
            w["design_effect"].format(
                deff=fmt_number(design["kish_deff"], lang, 3),
                neff=fmt_number(design["effective_n"], lang, 0),
            )
        )
    return "\n\n".join(parts)


def cluster_text(data: WaveData, lang: str, facts: dict[str, str]) -> str:
    """The frame paragraph of a cluster sample: the stages (each named by its column's
    question label, the respondent id as "respondents"), the number of first-stage units,
    whether each stage had its FPC, and the design's degrees of freedom."""
    w = words(lang)
    design = data.meta["design"]
    options = design["options"]
    stages = [unit_name(data, column, lang) for column in options["clusters"]]
    if stages[-1] != w["cluster_members"]:
        stages.append(w["cluster_members"])  # the members within the last stage's units
    with_fpc = bool(options.get("cluster_fpc")) and uses_fpc(data)
    return w["cluster_text"].format(
        **facts,
        stages=len(options["clusters"]),
        psu=fmt_int(int(design["psu"]), lang),
        first=stages[0],
        lower=w["cluster_and"].join(stages[1:]),
        fpc=w["cluster_fpc" if with_fpc else "cluster_no_fpc"],
        df=fmt_int(int(design["degrees_of_freedom"]), lang),
    )


def unit_name(data: WaveData, column: str, lang: str) -> str:
    """What a stage's units are called: the label of the question that holds their ids
    (lower case), "respondents" for the respondent id, "clusters" for a column the
    questionnaire does not ask (a reader never sees a column name)."""
    q = data.questionnaire
    if column == q.respondent_id:
        return words(lang)["cluster_members"]
    try:
        label = data.questionnaire.in_language(q.variable(column).question.label, lang)
    except KeyError:
        return words(lang)["cluster_units"]
    return label[:1].lower() + label[1:]


def rule_name(rule: str, lang: str) -> str:
    """A cleaning rule's name in words (never its identifier)."""
    names = CLEANING_RULE_WORDS[lang]
    return names[rule][0] if rule in names else rule.replace("_", " ")


def cleaning_text(data: WaveData, lang: str) -> str:
    """Rows in, kept and set aside (with the reasons), each rule that fired on kept rows in
    words with what was done, and what straight-lining is and how it was treated."""
    w = words(lang)
    s = data.summary
    parts = [
        w["cleaning_text"].format(
            rows_in=fmt_int(s.get("rows_in", 0), lang),
            rows_kept=fmt_int(s.get("rows_kept", 0), lang),
            rows_quarantined=fmt_int(s.get("rows_quarantined", 0), lang),
        )
    ]
    if data.quarantine_reasons:
        reasons = data.quarantine_reasons.items()
        body = [[rule_name(rule, lang), fmt_int(n, lang)] for rule, n in reasons]
        parts.append(markdown_table([w["reason"], w["rows"]], body, align="lr"))
    fired = cleaning_log_rules(data.paths.cleaning_log)
    kept_rules = {r: v for r, v in fired.items() if v[2] != "quarantine"}
    if kept_rules:
        body = [
            [
                rule_name(rule, lang),
                CLEANING_RULE_WORDS[lang].get(rule, ("", ""))[1],
                fmt_int(people, lang),
                CLEANING_ACTION_WORDS[lang].get(action, action),
            ]
            for rule, (_rows, people, action) in kept_rules.items()
        ]
        parts.append(w["rules_text"])
        parts.append(
            markdown_table([w["rule"], w["rule_meaning"], w["respondents"], w["action"]], body,
                           align="llrl")  # fmt: skip
        )
    if "straight_lining" in fired:
        _rows, people, action = fired["straight_lining"]
        kept = int(s.get("rows_kept", 0))
        parts.append(
            w["straight_lining_text"].format(
                n=fmt_int(people, lang),
                share=fmt_percent(people / kept if kept else math.nan, lang),
                action=CLEANING_ACTION_WORDS[lang].get(action, action),
            )
        )
    return "\n\n".join(parts)


# ----- tables -----------------------------------------------------------------------------


def markdown_table(
    header: list[str],
    body: list[list[str]],
    align: str | None = None,
    widths: list[int] | None = None,
) -> str:
    """A pipe table. Cell text is escaped for pipes; ``align`` is one of l/r/c per column.
    The first (label) column gets a wider share of the page: pandoc sizes the columns of a
    wide pipe table by the dashes of the separator line."""
    align = align or "l" + "r" * (len(header) - 1)
    dashes = widths or [10] + [4] * (len(header) - 1)
    marks = {"l": ":{}", "r": "{}:", "c": ":{}:"}
    lines = [
        "| " + " | ".join(_cell(h) for h in header) + " |",
        "|" + "|".join(marks[a].format("-" * d) for a, d in zip(align, dashes, strict=True)) + "|",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in body]
    return "\n".join(lines)


def _cell(text: object) -> str:
    # a report's tables are copied into spreadsheets: no cell may run as a formula there
    return neutralise(str(text).replace("|", "\\|").replace("\n", " "))


def letter(i: int) -> str:
    """The column letter of the i-th banner category (as the tabulate stage assigns them)."""
    return column_letter(i)


def banner_columns(data: WaveData, banner: str, lang: str) -> list[tuple[str, str]]:
    """(col_code, header) for the Total and each category of ``banner``, lettered."""
    variable = data.questionnaire.variable(banner)
    labels = option_labels(data, variable, lang)
    cols = [(TOTAL, words(lang)["total"])]
    for i, c in enumerate(variable.substantive_codes()):
        cols.append((str(c), f"({letter(i)}) {labels.get(c, c)}"))
    return cols


def cells_of(data: WaveData, variable: str, banner: str) -> pd.DataFrame:
    c = data.cells
    return c[(c["variable"] == variable) & (c["banner"].isin([banner, TOTAL]))]


def hidden(cell: dict, threshold: int) -> bool:
    """A cell is not shown when its column is suppressed (base below the threshold, or the
    complement that keeps it from being worked out from the Total)."""
    return bool(cell["suppressed"]) or int(cell["base"]) < threshold


def cell_text(
    cell: dict | None, lang: str, threshold: int, ci: bool = True, min_base: int | None = None
) -> str:
    """ "42,3 (38,1–46,5) B": weighted column % , 95% CI, letters; — when hidden; a final
    ``*`` when the column's base is below ``min_base`` (read with care)."""
    if cell is None or hidden(cell, threshold) or np.isnan(cell["prop"]):
        return DASH
    text = fmt_percent(cell["prop"], lang, sign=False)
    if ci:
        low = fmt_percent(cell["ci_low"], lang, sign=False)
        high = fmt_percent(cell["ci_high"], lang, sign=False)
        text += f" ({low}–{high})"
    if cell.get("letters"):
        text += f" {cell['letters']}"
    if min_base is not None and read_with_care(int(cell["base"]), min_base):
        text += f" {CARE}"
    return text


def base_text(base: int | None, lang: str, min_base: int) -> str:
    """A column's base as printed: "28 *" when below ``min_base`` (read with care)."""
    if base is None:
        return DASH
    return fmt_int(base, lang) + (f" {CARE}" if read_with_care(base, min_base) else "")


def table_note(data: WaveData, lang: str) -> str:
    """The note under the tables: percentages, CIs, letters, and the suppression marks."""
    return words(lang)["table_note"].format(
        dash=DASH, threshold=fmt_int(data.threshold, lang), min_base=fmt_int(data.min_base, lang)
    ).replace("*", CARE)


def grid_note(data: WaveData, question: Question, lang: str) -> str:
    """The italic note under a Likert grid's top-2-box table."""
    text = words(lang)["grid_note"].format(
        top=top_label(data, question, lang), dash=DASH, min_base=fmt_int(data.min_base, lang)
    )
    return "*" + text.replace("*", CARE) + "*"


def suppression_text(data: WaveData, lang: str) -> str:
    """The methodology's plain-words statement of the one suppression rule."""
    return words(lang)["suppression_text"].format(
        threshold=fmt_int(data.threshold, lang), min_base=fmt_int(data.min_base, lang)
    )


def variable_table(data: WaveData, variable: str, banner: str, lang: str) -> str:
    """Options by Total and banner categories (markdown), with the base row."""
    v = data.questionnaire.variable(variable)
    w = words(lang)
    cols = banner_columns(data, banner, lang)
    if banner == variable:
        cols = cols[:1]
    cells = cells_of(data, variable, banner)
    lookup = {(r["row_code"], r["col_code"]): r for r in cells.to_dict("records")}
    labels = option_labels(data, v, lang)
    body = []
    for code in v.substantive_codes():
        body.append(
            [labels.get(code, str(code))]
            + [
                cell_text(lookup.get((code, col)), lang, data.threshold, min_base=data.min_base)
                for col, _ in cols
            ]
        )
    first = v.substantive_codes()[0]
    body.append(
        [f"*{w['base']}*"]
        + [
            base_text(
                int(lookup[(first, col)]["base"]) if (first, col) in lookup else None,
                lang,
                data.min_base,
            )
            for col, _ in cols
        ]
    )
    return markdown_table(["%"] + [h for _, h in cols], body)


def test_result(data: WaveData, variable: str, banner: str) -> dict | None:
    t = data.tests
    row = t[(t["variable"] == variable) & (t["banner"] == banner)]
    return None if row.empty else row.iloc[0].to_dict()


def test_text(data: WaveData, variable: str, banner: str, lang: str) -> str:
    """ "Rao-Scott test: F(3,99; 5.466,4) = 3,19; p = 0,013; p (BH) = 0,029 — significant"."""
    t = test_result(data, variable, banner)
    if t is None or np.isnan(t["F"]):
        return ""
    w = words(lang)
    verdict = w["significant"] if t["p_bh"] < data.alpha else w["not_significant"]
    return (
        f"{w['test']}: F({fmt_number(t['df1'], lang, 2)}; {fmt_number(t['df2'], lang, 1)}) = "
        f"{fmt_number(t['F'], lang, 2)}; {w['p']} {p_relation(t['p'], lang)}; "
        f"{w['p_bh']} {p_relation(t['p_bh'], lang)}: {verdict}."
    )


def top_label(data: WaveData, question: Question, lang: str) -> str:
    """The labels of the top two scale points of a Likert question, "A / B"."""
    v = next(x for x in data.questionnaire.variables() if x.question.name == question.name)
    labels = option_labels(data, v, lang)
    return " / ".join(labels[c] for c in v.substantive_codes()[:2])


def grid_table(data: WaveData, question: Question, banner: str, lang: str) -> str:
    """Items of a Likert grid by Total and banner categories: top-2-box % (from the
    tabulate stage's scales), hidden below the threshold."""
    cols = banner_columns(data, banner, lang)
    s = data.scales
    body = []
    for v in question_variables(data, question):
        rows = s[(s["variable"] == v.name) & (s["banner"].isin([banner, TOTAL]))]
        lookup = {r["col_code"]: r for r in rows.to_dict("records")}
        line = [data.questionnaire.in_language(v.label, lang)]
        for col, _ in cols:
            r = lookup.get(col)
            shown = r is not None and not r["suppressed"] and not np.isnan(r["top2"])
            shown = shown and int(r["n"]) >= data.threshold
            mark = f" {CARE}" if shown and read_with_care(int(r["n"]), data.min_base) else ""
            line.append(fmt_percent(r["top2"], lang, sign=False) + mark if shown else DASH)
        body.append(line)
    return markdown_table(["%"] + [h for _, h in cols], body)


def multiple_table(data: WaveData, question: Question, banner: str, lang: str) -> str:
    """Options of a multiple-choice question by Total and banner categories (% choosing)."""
    cols = banner_columns(data, banner, lang)
    body = []
    for v in question_variables(data, question):
        cells = cells_of(data, v.name, banner)
        lookup = {r["col_code"]: r for r in cells[cells["row_code"] == 1].to_dict("records")}
        body.append(
            [data.questionnaire.in_language(v.label, lang)]
            + [
                cell_text(lookup.get(col), lang, data.threshold, min_base=data.min_base)
                for col, _ in cols
            ]
        )
    return markdown_table(["%"] + [h for _, h in cols], body)


def question_variables(data: WaveData, question: Question):
    return [v for v in row_variables(data.questionnaire) if v.question.name == question.name]


def tabulated(data: WaveData, question: Question) -> bool:
    """Whether the tabulate stage produced cells for the question."""
    names = {v.name for v in question_variables(data, question)}
    return bool(names) and data.cells["variable"].isin(names).any()


# what the device records or the form computes: no question a respondent answered
UNASKED_TYPES = (QuestionType.meta, QuestionType.calculate, QuestionType.hidden)


def reported_questions(questions: list[Question]) -> list[Question]:
    """The questions of a section as the report lists them: a group's questions in its place
    (a group is no question), a repeat as one entry (its child table is tabulated apart);
    notes and what the device records (start, today, imei) or the form computes are left
    out."""
    out: list[Question] = []
    for q in questions:
        if q.type is QuestionType.group:
            out.extend(reported_questions(q.children))
        elif q.type not in (*UNASKED_TYPES, QuestionType.note):
            out.append(q)
    return out


def not_tabulated_text(question: Question, lang: str) -> str:
    """Why a question has no table: numbers and dates are not tabulated in the report;
    photos, locations, files and the like are not tabulated at all."""
    if question.type in (*NUMERIC_TYPES, QuestionType.date, QuestionType.time,
                         QuestionType.datetime):  # fmt: skip
        return words(lang)["not_tabulated"]
    return words(lang)["not_tabulated_other"]


def repeat_text(data: WaveData, question: Question, lang: str) -> str:
    """What the report says of a repeat: how many entries were kept and which file of the
    tabulate stage holds its child table's tables (the report tabulates respondents)."""
    kept = data.summary.get("tables", {}).get(question.name, {}).get("rows_kept", 0)
    return words(lang)["repeat_tabulated"].format(
        n=fmt_int(kept, lang), file=f"{data.wave}.{question.name}.tables.csv"
    )


# ----- findings ---------------------------------------------------------------------------


def findings(
    data: WaveData, banner: str, lang: str, limit: int = 5, group: str | None = None
) -> list[Finding]:
    """The differences between a banner column and the total worth a sentence, each chosen
    from and printed with its own test (the tabulate stage's claims): in the BH battery,
    BH-adjusted p below alpha, a CI of the difference that excludes 0, a column shown at the
    report's threshold. One per question item (its largest difference), largest first.

    Composition items (the stratum, the banners, the demographics) are never findings.
    ``group`` keeps only that banner category's column (for the category brief).
    """
    q = data.questionnaire
    candidates = significant_claims(data, banner, group)
    out: list[Finding] = []
    for claim in candidates.to_dict("records"):
        v = q.variable(claim["variable"])
        question = data.questionnaire.in_language(v.question.label, lang)
        if v.grid_item is not None:
            question = f"{question}: {data.questionnaire.in_language(v.label, lang)}"
        option = option_labels(data, v, lang).get(int(claim["row_code"]), str(claim["row_code"]))
        if v.option is not None:
            question = data.questionnaire.in_language(v.question.label, lang)
            option = data.questionnaire.in_language(v.label, lang)
        labels = option_labels(data, q.variable(banner), lang)
        out.append(
            Finding(
                banner=banner,
                variable=v.name,
                question=question.rstrip("?:. "),
                option=option,
                group=labels.get(int(claim["col_code"]), claim["col_code"]),
                col_code=str(claim["col_code"]),
                row_code=int(claim["row_code"]),
                prop=float(claim["prop"]),
                total=float(claim["total"]),
                diff=float(claim["diff"]),
                ci_low=float(claim["ci_low"]),
                ci_high=float(claim["ci_high"]),
                p_bh=float(claim["p_bh"]),
            )
        )
    return out[:limit]


def significant_claims(data: WaveData, banner: str, group: str | None = None) -> pd.DataFrame:
    """The claims of ``banner`` that may be printed as significant, one per variable (its
    largest absolute difference), largest first; see :func:`findings`."""
    c = data.claims
    c = c[(c["banner"] == banner) & (c["measure"] == "option")]
    c = c[c["in_battery"] & (c["p_bh"] < data.alpha)]
    c = c[(c["ci_low"] > 0) | (c["ci_high"] < 0)]
    c = c[~c["variable"].isin(composition_variables(data.questionnaire))]
    if group is not None:
        c = c[c["col_code"] == str(group)]
    hidden_columns = data.cells[data.cells["suppressed"] | (data.cells["base"] < data.threshold)]
    hidden_keys = set(zip(hidden_columns["variable"], hidden_columns["col_code"], strict=True))
    keys = zip(c["variable"], c["col_code"], strict=True)
    c = c[[k not in hidden_keys for k in keys]]
    if c.empty:
        return c
    c = c.assign(size=c["diff"].abs()).sort_values(["size", "variable"], ascending=[False, True])
    return c.drop_duplicates("variable").drop(columns="size")


def summary_text(data: WaveData, lang: str, per_banner: int = 2, stratum_limit: int = 5) -> str:
    """The executive summary: the member-category findings first, then other banners'."""
    w = words(lang)
    alpha = fmt_number(data.alpha, lang, 2)
    lines = []
    for banner in [data.stratum] + [b for b in data.questionnaire.banners if b != data.stratum]:
        limit = stratum_limit if banner == data.stratum else per_banner
        lines += [f"- {finding_sentence(f, lang)}" for f in findings(data, banner, lang, limit)]
    if not lines:
        return w["no_findings"].format(alpha=alpha)
    return w["summary_intro"].format(alpha=alpha) + "\n\n" + "\n".join(lines)


def variable_title(variable, lang: str, q: Questionnaire | None = None) -> str:
    """What a reader calls a variable: its question, and the grid item or option if any;
    with ``q``, a label missing in ``lang`` is shown in the form's default language, marked."""
    def shown(text) -> str:
        return q.in_language(text, lang) if q is not None else text.get(lang)

    question = shown(variable.question.label).rstrip(" ")
    if variable.grid_item is not None or variable.option is not None:
        return f"{question.rstrip('?:. ')}: {shown(variable.label)}"
    return question


def tests_table(data: WaveData, lang: str) -> str:
    """Every test of the battery: question, banner, n, F, p, p (BH); labels, not codes."""
    w = words(lang)
    q = data.questionnaire
    body = []
    for t in data.tests.to_dict("records"):
        body.append(
            [
                variable_title(q.variable(t["variable"]), lang, q),
                data.questionnaire.in_language(q.variable(t["banner"]).label, lang),
                fmt_int(int(t["n"]), lang),
                fmt_number(t["F"], lang, 2),
                fmt_p(t["p"], lang),
                fmt_p(t["p_bh"], lang),
            ]
        )
    return markdown_table([w["variable"], w["banner"], "n", "F", w["p"], w["p_bh"]], body)


def codebook_link(data: WaveData, lang: str, report_dir: str | Path) -> str | None:
    """Relative link from the report's folder to the codebook in ``lang`` (else the
    Vietnamese one); None when the instruments stage has not written one."""
    stem = instrument_stem(data.questionnaire)
    for code in (lang, "vi", "en"):
        path = data.paths.instruments / f"{stem}.codebook.{code}.html"
        if path.exists():
            return Path(_relative(path, Path(report_dir))).as_posix()
    return None


def _relative(target: Path, start: Path) -> str:
    return os.path.relpath(target.resolve(), start.resolve())


# ----- category brief ---------------------------------------------------------------------


def key_figures(data: WaveData, group: str, lang: str) -> str:
    """Likert items: the category's top-2-box % with its 95% CI, the total's, and the
    difference in points with the CI of that very difference (the tabulate stage's top-2
    claims); ▲ ▼ when that difference is significant (BH across the battery, CI excluding
    0). Each indicator names the two options it counts. Hidden columns show —."""
    w = words(lang)
    c = data.claims
    c = c[(c["banner"] == data.stratum) & (c["measure"] == "top2") & (c["col_code"] == str(group))]
    scales = data.scales
    body = []
    for v in row_variables(data.questionnaire):
        if v.question.type not in LIKERT_TYPES:
            continue
        claim = c[c["variable"] == v.name]
        mine = scales[(scales["banner"] == data.stratum) & (scales["variable"] == v.name)
                      & (scales["col_code"] == str(group))]  # fmt: skip
        if claim.empty or mine.empty:
            continue
        r = claim.iloc[0]
        indicator = data.questionnaire.in_language(v.label, lang)
        shown = not bool(mine.iloc[0]["suppressed"]) and int(r["base"]) >= data.threshold
        if not shown:
            body.append([indicator, DASH, fmt_percent(r["total"], lang, sign=False), DASH, ""])
            continue
        significant = bool(r["in_battery"]) and r["p_bh"] < data.alpha
        significant = significant and (r["ci_low"] > 0 or r["ci_high"] < 0)
        care = f" {CARE}" if read_with_care(int(r["base"]), data.min_base) else ""
        ci = _top2_ci(mine.iloc[0], data.questionnaire, lang)
        body.append(
            [
                indicator,
                fmt_percent(r["prop"], lang, sign=False) + ci + care,
                fmt_percent(r["total"], lang, sign=False),
                f"{fmt_signed_pp(r['diff'], lang)} ({fmt_signed_pp(r['ci_low'], lang)}; "
                f"{fmt_signed_pp(r['ci_high'], lang)})",
                ("▲" if r["diff"] > 0 else "▼") if significant else "",
            ]
        )
    header = [w["indicator"], w["group"] + " (%)", w["total"] + " (%)", w["difference"], ""]
    return markdown_table(header, body, align="lrrrc", widths=[26, 7, 4, 7, 1])


def counted_options(data: WaveData, lang: str) -> str:
    """Which two options each key figure counts, once per scale: "Mức độ nắm bắt: «Nắm rõ»
    hoặc «Nắm được một phần»; ..." (a key figure's percentage is never left unexplained)."""
    w = words(lang)
    seen: dict[str, str] = {}
    for v in row_variables(data.questionnaire):
        if v.question.type not in LIKERT_TYPES:
            continue
        choices = data.questionnaire.choice_list(v.question)
        has_label = choices is not None and choices.label
        name = data.questionnaire.in_language(choices.label, lang) if has_label else ""
        labels = option_labels(data, v, lang)
        pair = w["either_of"].format(*(labels[k] for k in v.substantive_codes()[:2]))
        seen.setdefault(name or data.questionnaire.in_language(v.question.label, lang), pair)
    return "; ".join(f"{scale}: {pair}" for scale, pair in seen.items())


def _top2_ci(score: dict, questionnaire, lang: str) -> str:
    """" (38,1–46,5)": the top-2-box share's 95% CI (:func:`top2_interval`); "" at 0 or 1."""
    p = float(score["top2"])
    low, high = top2_interval(p, float(score["top2_se"]))
    if low == high:
        return ""
    return f" ({fmt_percent(low, lang, sign=False)}–{fmt_percent(high, lang, sign=False)})"


def group_row(data: WaveData, group: str, lang: str) -> StratumRow:
    for row in design_rows(data, lang):
        if str(row.code) == str(group):
            return row
    raise InputError(
        f"no stratum {group!r} in the frame; expected one of "
        f"{', '.join(str(r.code) for r in design_rows(data, lang))}",
        column="category",
    )


def brief_intro(data: WaveData, group: str, lang: str) -> str:
    row = group_row(data, group, lang)
    moe = margin_of_error(row.realised, row.population if uses_fpc(data) else None)
    return words(lang)["brief_intro"].format(
        group=row.label,
        members=members_word(data.questionnaire, lang),
        n=fmt_int(row.realised, lang),
        population=fmt_int(row.population, lang),
        moe=fmt_number(100 * moe, lang, 1),
    )


# ----- wave comparison --------------------------------------------------------------------


@dataclass
class ComparisonData:
    """The compare stage's outputs (outputs/waves) with the harmonised items' labels."""

    info: dict
    differences: pd.DataFrame
    tests: pd.DataFrame
    one_wave_only: pd.DataFrame
    items: dict  # item name → pipeline.model.harmonize.HarmonizedItem
    charts: Path
    questionnaires: dict = field(default_factory=dict)  # wave → Questionnaire

    @property
    def simulated(self) -> bool:
        return bool(self.info.get("simulated"))

    @property
    def alpha(self) -> float:
        return float(self.info.get("alpha", 0.05))


def load_comparison(root: str | Path = ".", folder: str = "outputs/waves") -> ComparisonData:
    """Read outputs/waves (comparison.json, differences.parquet, tests.parquet) and the
    harmonisation map named in its info, for the items' labels and options."""
    base = Path(root) / folder
    if not (base / "comparison.json").exists():
        raise InputError("no wave comparison yet; run `survey compare` first", file=str(base))
    info = json.loads((base / "comparison.json").read_text(encoding="utf-8"))["info"]
    harmonization = load_harmonization(Path(root) / info["map"])
    only = base / "one-wave-only.csv"
    return ComparisonData(
        info=info,
        differences=pd.read_parquet(base / "differences.parquet"),
        tests=pd.read_parquet(base / "tests.parquet"),
        one_wave_only=pd.read_csv(only, dtype=str) if only.exists() else pd.DataFrame(),
        items={item.name: item for item in harmonized_items(harmonization)},
        charts=base / "charts",
        questionnaires={w: harmonization.questionnaire(w) for w in harmonization.waves},
    )


def level_label(comparison: ComparisonData, item: str, level: str, lang: str) -> str:
    """The option label of a compared level (the codes of the item's ``codes_from`` wave)."""
    if level == "mean":
        return words(lang)["mean_score"]
    if level == "top2":
        codes = comparison.items[item].variables[comparison.items[item].codes_from]
        labels = codes.value_labels(lang)
        return words(lang)["either_of"].format(*(labels[c] for c in codes.substantive_codes()[:2]))
    options = {str(o.code): o.label.get(lang) for o in comparison.items[item].options}
    return options.get(str(level), str(level))


def item_label(comparison: ComparisonData, item: str, lang: str) -> str:
    return comparison.items[item].label.get(lang) if item in comparison.items else item


def comparison_rows(comparison: ComparisonData, scope: str = "overall") -> pd.DataFrame:
    d = comparison.differences
    return d[d["scope"] == scope]


def comparison_table(comparison: ComparisonData, item: str, lang: str) -> str:
    """One item: each level's % in both waves, the change (points) with its 95% CI and the
    mark of a significant change (▲ ▼: that level's own test, BH-adjusted across every level
    difference, below alpha, and a CI that excludes 0); a Likert item's mean score too."""
    w = words(lang)
    rows = comparison_rows(comparison)
    rows = rows[rows["item"] == item]
    a, b = comparison.info["waves"][0], later_wave(comparison)
    adjusted = level_p_bh(comparison)
    body = []
    for r in rows.to_dict("records"):
        if r["kind"] == "mean":
            values = [fmt_number(r["est_a"], lang, 2), fmt_number(r["est_b"], lang, 2)]
            diff = f"{fmt_signed(r['diff'], lang, 2)} ({fmt_signed(r['ci_low'], lang, 2)}; "
            diff += f"{fmt_signed(r['ci_high'], lang, 2)})"
            mark = r["mark"]
        else:
            values = [
                fmt_percent(r["est_a"], lang, sign=False),
                fmt_percent(r["est_b"], lang, sign=False),
            ]
            diff = f"{fmt_signed_pp(r['diff'], lang)} ({fmt_signed_pp(r['ci_low'], lang)}; "
            diff += f"{fmt_signed_pp(r['ci_high'], lang)})"
            p = adjusted.get((item, str(r["level"])), math.nan)
            moved = r["ci_low"] > 0 or r["ci_high"] < 0
            mark = ("▲" if r["diff"] > 0 else "▼") if p < comparison.alpha and moved else ""
        body.append([level_label(comparison, item, r["level"], lang), *values, diff, mark])
    header = [w["option"], f"{a} (%)", f"{b} (%)", w["change"].format(a=a, b=b), ""]
    return markdown_table(header, body, align="lrrrc")


def comparison_test_text(comparison: ComparisonData, item: str, lang: str) -> str:
    t = comparison.tests
    row = t[(t["scope"] == "overall") & (t["item"] == item)]
    if row.empty or np.isnan(row.iloc[0]["F"]):
        return ""
    r = row.iloc[0]
    w = words(lang)
    verdict = w["significant"] if r["p_bh"] < comparison.alpha else w["not_significant"]
    return (
        f"{w['test']}: F = {fmt_number(r['F'], lang, 2)}; {w['p']} {p_relation(r['p'], lang)}; "
        f"{w['p_bh']} {p_relation(r['p_bh'], lang)}: {verdict}."
    )


def fmt_signed(value: float, lang: str, decimals: int = 2) -> str:
    """A signed number with a true minus sign: +0,12 / −0,30 (mean-score differences)."""
    if value is None or math.isnan(value):
        return DASH
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return sign + fmt_number(abs(value), lang, decimals)


def later_wave(comparison: ComparisonData) -> str:
    return comparison.info["waves"][-1]


def item_variable(comparison: ComparisonData, item: str):
    """The item's variable in the later wave (else the earlier one)."""
    variables = comparison.items[item].variables
    for wave in reversed(comparison.info["waves"]):
        if wave in variables:
            return wave, variables[wave]
    raise KeyError(item)


def comparison_sections(comparison: ComparisonData, lang: str) -> list[tuple[str, str, list]]:
    """(section name, section title, items) in questionnaire order: the order of the items'
    variables in the later wave's questionnaire (an item of the earlier wave only follows
    its own questionnaire's order, after the later wave's items)."""
    compared = list(dict.fromkeys(comparison_rows(comparison)["item"]))
    positions = {}
    for rank, wave in enumerate(reversed(comparison.info["waves"])):
        q = comparison.questionnaires.get(wave)
        if q is None:
            continue
        order = {v.name: i for i, v in enumerate(q.variables())}
        for item in compared:
            variable = comparison.items[item].variables.get(wave)
            if item not in positions and variable is not None and variable.name in order:
                positions[item] = (rank, order[variable.name])
    ordered = sorted(compared, key=lambda i: positions.get(i, (99, 0)))
    sections: dict[str, tuple[str, list]] = {}
    for item in ordered:
        _, variable = item_variable(comparison, item)
        name = variable.section.name
        sections.setdefault(name, (variable.section.title.get(lang), []))[1].append(item)
    return [(name, title, items) for name, (title, items) in sections.items()]


def comparison_composition(comparison: ComparisonData) -> set[str]:
    """Compared items that describe the sample's composition (never a finding)."""
    out = set()
    for item in comparison.items:
        wave, variable = item_variable(comparison, item)
        q = comparison.questionnaires.get(wave)
        if q is not None and variable.name in composition_variables(q):
            out.add(item)
    return out


def comparison_findings(comparison: ComparisonData, limit: int = 8) -> pd.DataFrame:
    """Overall level differences worth a sentence, each with the test of that very
    difference: BH-adjusted p (across every overall level difference) below alpha and a CI
    that excludes 0; composition items left out; one level per item (its largest change)."""
    rows = comparison_rows(comparison)
    rows = rows[(rows["kind"] == "proportion") & rows["p_diff"].notna()].copy()
    adjusted = level_p_bh(comparison)
    rows["p_bh_level"] = [
        adjusted.get((i, str(lv)), math.nan)
        for i, lv in zip(rows["item"], rows["level"], strict=True)
    ]
    rows = rows[(rows["p_bh_level"] < comparison.alpha)]
    rows = rows[(rows["ci_low"] > 0) | (rows["ci_high"] < 0)]
    rows = rows[~rows["item"].isin(comparison_composition(comparison))]
    rows = rows.assign(size=rows["diff"].abs())
    rows = rows.sort_values(["size", "item"], ascending=[False, True])
    return rows.drop_duplicates("item").head(limit).drop(columns="size")


def change_sentence(comparison: ComparisonData, r: dict, lang: str) -> str:
    w = words(lang)
    a, b = r["wave_a"], r["wave_b"]
    return w["change_sentence"].format(
        option=level_label(comparison, r["item"], r["level"], lang),
        question=item_label(comparison, r["item"], lang).rstrip("?:. "),
        a=a,
        b=b,
        value_a=fmt_percent(r["est_a"], lang),
        value_b=fmt_percent(r["est_b"], lang),
        diff=fmt_signed_pp(r["diff"], lang),
        pp=w["pp"],
        ci=w["ci_diff"],
        low=fmt_signed_pp(r["ci_low"], lang),
        high=fmt_signed_pp(r["ci_high"], lang),
        p=p_relation(r["p_bh_level"], lang),
    )


def comparison_summary(comparison: ComparisonData, lang: str, limit: int = 8) -> str:
    """The significant changes between the two waves (see :func:`comparison_findings`),
    largest first, each sentence naming both waves."""
    w = words(lang)
    a, b = comparison.info["waves"][0], later_wave(comparison)
    alpha = fmt_number(comparison.alpha, lang, 2)
    found = comparison_findings(comparison, limit)
    if found.empty:
        return w["no_changes"].format(alpha=alpha, a=a, b=b)
    lines = [f"- {change_sentence(comparison, r, lang)}" for r in found.to_dict("records")]
    return w["changes_intro"].format(alpha=alpha, a=a, b=b) + "\n\n" + "\n".join(lines)


def comparison_method_text(comparison: ComparisonData, lang: str) -> str:
    """How the waves were compared: samples, design, the test of each change, BH."""
    w = words(lang)
    info = comparison.info
    a, b = info["waves"][0], later_wave(comparison)
    pair = info.get("comparisons", [{}])[0]
    linked = int(pair.get("linked", 0))
    n = info.get("n", {})
    text = w["comparison_method"].format(
        a=a,
        b=b,
        n_a=fmt_int(int(n.get(a, 0)), lang),
        n_b=fmt_int(int(n.get(b, 0)), lang),
        fpc=w["with_fpc"] if info.get("fpc") else w["without_fpc"],
        strata=comparison_nouns(comparison, lang)["strata"],
    )
    overlap = (
        w["comparison_panel"].format(linked=fmt_int(linked, lang))
        if linked
        else w["comparison_independent"]
    )
    return text + " " + overlap + " " + w["comparison_tests"]


def slope_charts(
    comparison: ComparisonData, lang: str, threshold: int = 10
) -> list[tuple[str, str, Path]]:
    """(category code, label, chart) of the compare stage's slope charts, in the order of the
    stratum's codes; a category hidden by the one suppression rule (its respondents in
    either wave below ``threshold``) is left out."""
    a, b = comparison.info["waves"][0], later_wave(comparison)
    q = comparison.questionnaires.get(b) or comparison.questionnaires.get(a)
    labels = q.variable(q.stratum.variable).value_labels(lang) if q is not None else {}
    hidden = hidden_categories(comparison, a, b, int(threshold))  # a notebook parameter
    out = []
    for code, label in labels.items():
        path = comparison.charts / f"slope-{a}-{b}-category-{chart_slug(str(code))}.png"
        if path.exists() and str(code) not in hidden:
            out.append((str(code), label, path))
    return out


def hidden_categories(comparison: ComparisonData, a: str, b: str, threshold: int) -> set[str]:
    """The member categories the suppression rule hides in waves a → b: in each wave, the
    categories' respondents (the largest base of any of their items) through
    :func:`suppressed_columns`."""
    rows = comparison.differences
    rows = rows[(rows["scope"] != OVERALL) & (rows["wave_a"] == a) & (rows["wave_b"] == b)]
    hidden: set[str] = set()
    for column in ("n_a", "n_b"):
        bases = rows.groupby("scope")[column].max().astype(int).to_dict()
        hidden |= suppressed_columns({str(k): v for k, v in bases.items()}, threshold)
    return hidden


def how_to_read_comparison(comparison: ComparisonData, lang: str) -> str:
    text = words(lang)["how_to_read_text"].format(
        alpha=fmt_number(comparison.alpha, lang, 2),
        members=comparison_nouns(comparison, lang)["members"],
    )
    return "> " + text


def comparison_colophon(
    comparison: ComparisonData, lang: str, title: str, subtitle: str, root="."
) -> str:
    """Published, data version and citation of the comparison report."""
    import hashlib

    w = words(lang)
    root = Path(root)
    digests = []
    for wave, source in sorted(comparison.info.get("sources", {}).items()):
        path = root / source
        if path.exists():
            digests.append(f"{wave}: {hashlib.md5(path.read_bytes()).hexdigest()[:12]}")
    revision, published = git_revision(root)
    q = comparison.questionnaires.get(later_wave(comparison))
    organisation = q.organisation.get(lang) if q is not None and q.organisation else ""
    lines = [
        f"**{w['published']}:** {fmt_date(published, lang) if published else DASH}",
        f"**{w['data_version']}:** "
        + w["data_version_text"].format(git=revision, data="; ".join(digests) or DASH),
        f"**{w['citation']}:** "
        + w["citation_text"].format(
            organisation=organisation,
            year=published[:4] or later_wave(comparison),
            title=title,
            subtitle=subtitle,
            version=revision,
        ),
    ]
    return "\n\n".join(lines)


def comparison_chart(comparison: ComparisonData, section: str) -> Path | None:
    """The compare stage's difference chart of ``section`` (file naming: charts.chart_slug)."""
    a, b = comparison.info["waves"][0], later_wave(comparison)
    path = comparison.charts / f"differences-{a}-{b}-{chart_slug(section)}.png"
    return path if path.exists() else None


def comparison_charts(comparison: ComparisonData, prefix: str) -> list[Path]:
    """The compare stage's PNG charts whose names start with ``prefix``, in name order."""
    return sorted(comparison.charts.glob(f"{prefix}*.png"))


# ----- the one-minute summary -------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """A headline figure's change since an earlier wave, from the compare stage: the
    difference (later − earlier, proportion 0-1) with its own 95% CI and p (of that level's
    difference, BH-adjusted across the comparison's battery of level differences)."""

    wave: str
    earlier: float
    diff: float
    ci_low: float
    ci_high: float
    p_bh: float


@dataclass(frozen=True)
class Headline:
    """One headline figure: the whole sample's weighted share (0-1) choosing either of the
    first two options of a scale item (the top-2 box), its 95% CI, and its change since the
    last wave when known."""

    variable: str
    item: str
    option: str
    prop: float
    ci_low: float
    ci_high: float
    change: Change | None


def headline_variables(data: WaveData, limit: int = 5) -> list:
    """The items a leader sees first: the first item of the first Likert question of each
    section, in questionnaire order, up to ``limit``."""
    chosen = []
    likert = [v for v in row_variables(data.questionnaire) if v.question.type in LIKERT_TYPES]
    for section in data.questionnaire.sections:
        first = next((v for v in likert if v.section.name == section.name), None)
        if first is not None and tabulated(data, first.question):
            chosen.append(first)
    return chosen[:limit]


def headlines(
    data: WaveData, lang: str, comparison: ComparisonData | None = None, limit: int = 5
) -> list[Headline]:
    """The summary page's figures (see :class:`Headline`; the tabulate stage's top-2-box
    share with a logit 95% CI), with their change since the earlier wave of ``comparison``
    when this wave is its later wave."""
    out = []
    s = data.scales
    for v in headline_variables(data, limit):
        score = s[(s["banner"] == TOTAL) & (s["variable"] == v.name)]
        if score.empty:
            continue
        score = score.iloc[0]
        low, high = top2_interval(float(score["top2"]), float(score["top2_se"]))
        labels = option_labels(data, v, lang)
        text = v.label if v.grid_item is not None else v.question.label
        item = data.questionnaire.in_language(text, lang)
        out.append(
            Headline(
                variable=v.name,
                item=item.rstrip("?:. "),
                option=words(lang)["either_of"].format(
                    *(labels[c] for c in v.substantive_codes()[:2])
                ),
                prop=float(score["top2"]),
                ci_low=low,
                ci_high=high,
                change=headline_change(data, v, comparison),
            )
        )
    return out


def top2_interval(p: float, se: float, level: float = 0.95) -> tuple[float, float]:
    """The top-2-box share's CI on the logit scale (as the tables' logit intervals, normal
    quantile); (p, p) at 0 or 1, where the logit has no interval."""
    if not (0 < p < 1) or not np.isfinite(se):
        return p, p
    half = stats.norm.ppf(0.5 + level / 2) * se / (p * (1 - p))
    logit = math.log(p / (1 - p))
    return tuple(1 / (1 + math.exp(-(logit + k * half))) for k in (-1, 1))


def headline_change(data: WaveData, variable, comparison) -> Change | None:
    """The compare stage's overall top-2-box difference for ``variable`` when this wave is
    the later of the comparison's waves; None for the first wave or an item not compared."""
    if comparison is None or comparison.info["waves"][-1] != data.wave:
        return None
    item = next(
        (
            it
            for it in comparison.items.values()
            if data.wave in it.variables and it.variables[data.wave].name == variable.name
        ),
        None,
    )
    if item is None:
        return None
    d = comparison_rows(comparison)
    row = d[(d["item"] == item.name) & (d["kind"] == "top2")]
    if row.empty:
        return None
    r = row.iloc[0]
    return Change(
        str(r["wave_a"]),
        float(r["est_a"]),
        float(r["diff"]),
        float(r["ci_low"]),
        float(r["ci_high"]),
        float(level_p_bh(comparison).get((item.name, "top2"), math.nan)),
    )


def level_p_bh(comparison: ComparisonData) -> dict[tuple[str, str], float]:
    """BH-adjusted p of every overall level difference (the options' and the top-2-box
    shares) of the comparison, across that battery: the p a sentence about one change may
    quote."""
    d = comparison_rows(comparison)
    d = d[d["kind"].isin(["proportion", "top2"]) & d["p_diff"].notna()]
    if d.empty:
        return {}
    adjusted = bh_adjust(d["p_diff"].to_numpy())
    keys = zip(d["item"], d["level"].astype(str), strict=True)
    return {key: float(p) for key, p in zip(keys, adjusted, strict=True)}


def headline_sentence(h: Headline, lang: str, alpha: float) -> str:
    """One sentence per headline figure: the share with its CI, then its change."""
    w = words(lang)
    text = w["headline"].format(
        value=fmt_percent(h.prop, lang),
        option=h.option,
        item=h.item,
        ci=w["ci"],
        low=fmt_percent(h.ci_low, lang, sign=False),
        high=fmt_percent(h.ci_high, lang),
    )
    c = h.change
    if c is None:
        return text + " " + w["headline_no_change"]
    return (
        text
        + " "
        + w["headline_change"].format(
            wave=c.wave,
            earlier=fmt_percent(c.earlier, lang),
            diff=fmt_signed_pp(c.diff, lang),
            pp=w["pp"],
            ci=w["ci_diff"],
            low=fmt_signed_pp(c.ci_low, lang),
            high=fmt_signed_pp(c.ci_high, lang),
            verdict=change_verdict(c, alpha, lang),
        )
    )


def change_verdict(c: Change, alpha: float, lang: str) -> str:
    """Whether a headline change is significant. A change whose own 95% CI excludes 0 but
    whose BH-adjusted p is not below ``alpha`` is said to be so, with that p: "not enough
    evidence" beside an interval that excludes 0 would read as a contradiction."""
    w = words(lang)
    excludes_zero = c.ci_low > 0 or c.ci_high < 0
    if excludes_zero and c.p_bh < alpha:
        return w["change_significant"]
    if excludes_zero:
        return w["change_not_significant_adjusted"].format(p=fmt_p(c.p_bh, lang))
    return w["change_not_significant"]


def optional_comparison(root: str | Path = ".", folder: str = "outputs/waves"):
    """The compare stage's outputs when they exist (the first wave's report has none)."""
    if not (Path(root) / folder / "comparison.json").exists():
        return None
    return load_comparison(root, folder)


# ----- methodology ------------------------------------------------------------------------


def frame_date_note(data: WaveData, lang: str) -> str:
    """A sentence when the frame's counts date from before this wave's fieldwork."""
    frame = data.questionnaire.frame_model
    if frame is None or not frame.reference_date:
        return ""
    frame_year = str(frame.reference_date)[:4]
    wave_year = data.fieldwork[0][:4] if data.fieldwork else str(data.wave)[:4]
    if not (frame_year.isdigit() and wave_year.isdigit()) or frame_year >= wave_year:
        return ""
    return words(lang)["frame_older"].format(
        frame_date=fmt_month(str(frame.reference_date), lang),
        wave=wave_year,
        members=members_word(data.questionnaire, lang),
        strata=stratum_name(data, lang),
    )


def fmt_month(value: str, lang: str) -> str:
    """An ISO year-month (or date) as 10/2021 (vi) or October 2021 (en); other text as is."""
    parts = value.split("-")
    if len(parts) < 2 or not (parts[0].isdigit() and parts[1].isdigit()):
        return value
    year, month = int(parts[0]), int(parts[1])
    return f"{month:02d}/{year}" if lang == "vi" else f"{MONTHS[month - 1]} {year}"


def response_text(data: WaveData, lang: str) -> str:
    """Questionnaires received, usable, the share of the population they make up."""
    s = data.summary
    rows = design_rows(data, lang)
    population = sum(r.population for r in rows)
    kept = int(s.get("rows_kept", 0))
    received = int(s.get("rows_in", 0))
    return words(lang)["response_text"].format(
        received=fmt_int(received, lang),
        kept=fmt_int(kept, lang),
        usable=fmt_percent(kept / received if received else math.nan, lang),
        coverage=fmt_percent(kept / population if population else math.nan, lang),
    )


def is_clustered(data: WaveData) -> bool:
    """Whether the weighted data's design block names clusters."""
    return bool(data.meta.get("design", {}).get("options", {}).get("clusters"))


def design_name(data: WaveData, lang: str) -> str:
    """The design the tests assume, in words: stratified, or stratified cluster."""
    return words(lang)["design_clustered" if is_clustered(data) else "design_stratified"]


def weighting_text(data: WaveData, lang: str) -> str:
    design = data.meta.get("design", {})
    w = words(lang)
    text = w["weighting_text_clustered" if is_clustered(data) else "weighting_text"].format(
        members=members_word(data.questionnaire, lang)
    )
    if design.get("calibrated_to"):
        text += " " + w["weighting_calibrated"].format(
            margins=", ".join(str(m) for m in design["calibrated_to"])
        )
    return text


def cleaning_log_rules(path: Path) -> dict[str, tuple[int, int, str]]:
    """Per cleaning rule that fired: (log rows, respondents, action), from the cleaning log."""
    if not path.exists():
        return {}
    log = pd.read_csv(path, usecols=["respondent_id", "rule", "action"], dtype=str)
    out = {}
    for rule, group in log.groupby("rule", sort=True):
        out[str(rule)] = (len(group), int(group["respondent_id"].nunique()),
                          str(group["action"].mode().iloc[0]))  # fmt: skip
    return out


# ----- colophon ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Colophon:
    """Publication date (ISO, the code revision's commit date: the same revision prints the
    same date), the data version (git revision; md5 of the weighted data as DVC records it)
    and the year for the citation."""

    published: str
    git: str
    data: str


def git_revision(root: str | Path = ".") -> tuple[str, str]:
    """The code revision (``git describe``) and its commit date (ISO), or ("—", "") outside
    a git checkout."""
    import subprocess

    def git(*args: str) -> str:
        try:
            out = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                 text=True, timeout=20, check=True)  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return ""
        return out.stdout.strip()

    revision = git("describe", "--always", "--dirty", "--abbrev=10") or DASH
    return revision, git("log", "-1", "--format=%cs")


def colophon(data: WaveData, root: str | Path = ".") -> Colophon:
    import hashlib

    revision, published = git_revision(root)
    published = published or (data.fieldwork[1] if data.fieldwork else "")
    digest = hashlib.md5(data.paths.weighted.read_bytes()).hexdigest()[:12]
    return Colophon(published=published, git=revision, data=digest)


def colophon_text(data: WaveData, lang: str, title: str, subtitle: str, root=".") -> str:
    """The "about this report" block: published, data version, suggested citation."""
    w = words(lang)
    c = colophon(data, root)
    q = data.questionnaire
    organisation = q.organisation.get(lang) if q.organisation else ""
    year = c.published[:4] or str(data.wave)
    lines = [
        f"**{w['published']}:** {fmt_date(c.published, lang) if c.published else DASH}",
        f"**{w['data_version']}:** " + w["data_version_text"].format(git=c.git, data=c.data),
        f"**{w['citation']}:** "
        + w["citation_text"].format(
            organisation=organisation, year=year, title=title, subtitle=subtitle, version=c.git
        ),
    ]
    return "\n\n".join(lines)


def how_to_read_text(data: WaveData, lang: str) -> str:
    """The plain-language box on confidence intervals and significance (a quoted block)."""
    text = words(lang)["how_to_read_text"].format(
        alpha=fmt_number(data.alpha, lang, 2), members=members_word(data.questionnaire, lang)
    )
    return "> " + text


def contents_block(lang: str) -> str:
    """The printed table of contents after the summary page (PDF: typst's outline of the
    headings; the HTML carries its navigation at the top instead)."""
    title = words(lang)["toc"]
    return (
        "```{=typst}\n#pagebreak(weak: true)\n"
        f"#outline(title: [{title}], depth: 2)\n```"
    )


def comparison_wave_methods(comparison: ComparisonData, lang: str, root=".") -> str:
    """Per wave, when its stage outputs are at hand: the frame note, the questionnaires
    returned, the weighting, the cleaning (straight-lining included) and the suppression
    rule of its tables."""
    parts = []
    for wave in comparison.info["waves"]:
        try:
            data = load_wave(wave, root)
        except (InputError, OSError):
            continue
        parts += [
            f"## {words(lang)['wave']} {wave}",
            response_text(data, lang),
            frame_date_note(data, lang),
            weighting_text(data, lang),
            cleaning_text(data, lang),
        ]
        suppression = suppression_text(data, lang)
    if parts:
        parts += [f"## {words(lang)['suppression']}", suppression]
    return "\n\n".join(p for p in parts if p)
