"""`survey export`: SPSS, Stata and R-ready files with the questionnaire's full metadata.

The export plan (names, labels, value labels, user-missing codes, skip codes, measurement
levels, display formats and widths, multiple-response sets, grids, the sample design, the
file's attributes) is built once per language from the questionnaire and the data, checked
against the formats' limits, then handed to each writer:

- SPSS ``.sav`` (and ``.zsav``), ``.sps`` (PSPP and SPSS) and ``.spss.sps`` (SPSS Complex
  Samples): pipeline/stages/export/spss.py;
- Stata ``.dta`` (pipeline/stages/export/dta.py writes it) and ``.do``:
  pipeline/stages/export/stata.py;
- R: ``.R`` (pipeline/stages/export/r_script.py), ``.csv`` (codes, UTF-8) and a codebook
  (``.codebook.csv`` and ``.codebook.json``).

Names. SPSS names must start with a letter, so the pipeline's metadata columns lose their
leading underscore (``_weight`` → ``weight``, ``_stratum`` → ``stratum``, ``_fpc`` → ``fpc``,
``_simulated`` → ``simulated``, ``_source_row`` → ``source_row``); if that name is taken a
``v`` is prefixed until it is free. The same names are used in every format (Stata names
longer than 32 characters are shortened, with a warning). The codebook records each export
name beside the data's column name.

Missing values. Special missing codes (97, 98 ...) stay codes in the .sav and the CSV, and
SPSS declares them user-missing; an answer the questionnaire's routing skipped gets the
variable's skip code (-1 unless taken: routing.py), user-missing too, so "not asked" and
"asked, no answer" (system-missing) differ. Stata gets extended missing values instead:
``.b`` for a refusal, ``.a`` (then ``.c``, ``.d`` ...) for don't know and the like, ``.s``
for skipped (stata_missing_letters). The codebook lists every code, its kind and its
Stata value.

Labels that exceed a limit of the whole writing chain (spss_limits: PSPP's included) are
shortened at a character (grapheme) boundary and an :class:`ExportWarning` names each one and
shows what was kept; the written files are read back and compared with the plan
(readback.py), so nothing is cut silently.
"""

from __future__ import annotations

import json
import re
import unicodedata
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from pipeline.core.atomic import atomic_path, write_text
from pipeline.core.errors import InputError
from pipeline.core.labels import Text
from pipeline.core.simulated import is_simulated
from pipeline.core.spreadsheet_safety import write_csv_for_people
from pipeline.core.spss_limits import (
    SPSS_FILE_LABEL_BYTES,
    SPSS_NOTE_LINE_BYTES,
    SPSS_VALUE_LABEL_BYTES,
    SPSS_VARIABLE_LABEL_BYTES,
    spss_name_problems,
)
from pipeline.core.wording import (
    RESPONDENT_ID_LABEL,
    SIMULATED_FILE_LABEL,
    SIMULATED_NOTE,
    SKIPPED_LABEL,
    YES_NO,
)
from pipeline.model.questionnaire import (
    CHOICE_TYPES,
    NUMERIC_TYPES,
    Level,
    Questionnaire,
    QuestionType,
    Variable,
)
from pipeline.stages.export.routing import skip_code, skipped_rows

Kind = Literal["numeric", "string", "date"]


class ExportWarning(UserWarning):
    """Something the export changed that the user should know about (a shortened label...)."""


@dataclass(frozen=True)
class MetaColumn:
    """A pipeline metadata column: its export label and measurement level."""

    label: Text
    measure: str
    kind: Kind = "numeric"


# Labels of the columns the pipeline adds; the questionnaire knows nothing about them.
META_COLUMNS: dict[str, MetaColumn] = {
    "_source_row": MetaColumn(Text(vi="Dòng trong tệp gốc", en="Row in the raw file"), "nominal"),
    "_simulated": MetaColumn(
        Text(vi="Dữ liệu mô phỏng (1 = có)", en="Simulated data (1 = yes)"), "nominal"
    ),
    "_stratum": MetaColumn(Text(vi="Tầng mẫu", en="Sampling stratum"), "nominal"),
    "_weight": MetaColumn(Text(vi="Trọng số mẫu", en="Sampling weight"), "scale"),
    "_fpc": MetaColumn(
        Text(vi="Quy mô tổng thể của tầng (N_h)", en="Population size of the stratum (N_h)"),
        "scale",
    ),
    "_flags": MetaColumn(
        Text(vi="Cảnh báo chất lượng dữ liệu", en="Data-quality flags"), "nominal", "string"
    ),
    # a repeat's child table: the key to its parent submission, its place in the repeat
    "_parent_id": MetaColumn(
        Text(vi="Mã phiếu gốc (khóa liên kết)", en="Parent submission id (link key)"),
        "nominal",
        "string",
    ),
    "_parent_index": MetaColumn(
        Text(vi="Vị trí trong các nhóm lặp bao ngoài", en="Position in the enclosing repeats"),
        "nominal",
        "string",
    ),
    "_index": MetaColumn(Text(vi="Thứ tự trong nhóm lặp", en="Position in the repeat"), "nominal"),
    "_parent_psu": MetaColumn(
        Text(vi="Đơn vị mẫu bậc 1 (phiếu gốc)", en="Primary sampling unit (parent submission)"),
        "nominal",
        "string",
    ),
}


# Any other column the design names as a cluster (a later stage's PSU or SSU).
CLUSTER_COLUMN = MetaColumn(Text(vi="Cụm mẫu", en="Sampling cluster"), "nominal")
# A replicate weight the data brought (the design's replicate weights pattern matches it).
REPLICATE_COLUMN = MetaColumn(Text(vi="Trọng số lặp", en="Replicate weight"), "scale")


@dataclass(frozen=True)
class ExportVariable:
    """One column as every export format writes it."""

    source: str  # the column name in the data
    name: str  # the name in the .sav, .csv and codebook
    stata_name: str
    label: str
    kind: Kind
    measure: str  # nominal, ordinal or scale
    spss_format: str  # e.g. F2.0, A12, DATE11, F8.3
    value_labels: dict[int, str] = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)
    question: str | None = None  # the questionnaire question it belongs to
    # (question label, own label) of a grid item or dichotomy, so a shortened label keeps
    # the item's own words; (None, label) for other variables.
    label_parts: tuple[str | None, str] = (None, "")
    display_width: int = 8  # columns in SPSS's data view, from the longest value
    skip_code: int | None = None  # the code of "skipped by routing" (also in ``missing``)
    # missing code → Stata extended missing letter (97 → "a" ...; the skip code → "s")
    stata_missing: dict[int, str] = field(default_factory=dict)
    grid: str | None = None  # the grid question of a grid item


@dataclass(frozen=True)
class ExportReplicates:
    """Replicate weights the data brought, in export names, with R's svrepdesign options as
    the weight stage recorded them (``recorded_scale``/``recorded_rscales``: None/() when R's
    defaults by type apply) and as they resolve (``scale``, ``rscales``: one per replicate,
    what the variance uses: ``scale × Σ rscale_r (θ_r − θ̄)²``)."""

    columns: tuple[str, ...]
    type: str
    scale: float
    rscales: tuple[float, ...]
    recorded_scale: float | None
    recorded_rscales: tuple[float, ...]
    rho: float | None
    mse: bool
    combined: bool


@dataclass(frozen=True)
class ExportDesign:
    """The sample design as the pipeline used it, in export names (None: not in the data).

    ``clusters``: the cluster (PSU, then lower stages) columns, empty for an element sample;
    ``nest``: cluster ids repeat across strata; ``cluster_fpc``: per stage, the column of the
    population count of units (or the sampling fraction), empty when the clusters were drawn
    with replacement; ``fpc``: whether the finite population correction was applied (the
    ``fpc`` column holds the stratum population sizes either way; an element sample uses it
    as its FPC). ``stratum_sizes`` (stratum code → N_h) and
    ``margins`` (the frame's margins, as weight.py records them: variable, counts,
    by_stratum) are set when the weights were raked to them; ``trim_upper`` caps weights
    after raking; ``lonely_psu`` is the weight stage's rule for a stratum of one.
    """

    weight: str | None = None
    strata: str | None = None
    population_size: str | None = None
    clusters: tuple[str, ...] = ()
    fpc: bool = True
    nest: bool = False
    cluster_fpc: tuple[str, ...] = ()  # per stage: population count (or fraction) column
    stratum_sizes: dict[int, float] = field(default_factory=dict)
    margins: tuple[dict, ...] = ()
    trim_upper: float | None = None
    lonely_psu: str = "fail"
    replicates: ExportReplicates | None = None  # replicate weights (then no strata/clusters)

    @property
    def calibrated(self) -> bool:
        return bool(self.margins)

    @property
    def element_fpc(self) -> bool:
        """An element sample (no clusters) with the stratum population sizes as FPC."""
        return self.fpc and bool(self.population_size) and not self.clusters

    @property
    def stage_fpc(self) -> tuple[str, ...]:
        """The FPC column of each cluster stage; () when the clusters were drawn with
        replacement (or the FPC was turned off)."""
        return self.cluster_fpc if self.fpc and self.clusters else ()


@dataclass(frozen=True)
class MultipleResponseSet:
    """A multiple-dichotomy set: the 0/1 variables of one multiple-choice question."""

    name: str  # without the leading $
    label: str
    variables: list[str]  # export names
    counted_value: int = 1


@dataclass(frozen=True)
class ExportPlan:
    """Everything the writers need, already checked against the formats' limits."""

    form_id: str
    version: str
    wave: str
    lang: str
    simulated: bool
    file_label: str
    notes: list[str]
    variables: list[ExportVariable]
    mr_sets: list[MultipleResponseSet]
    data: pd.DataFrame  # columns renamed to the export names, typed for the writers
    title: str = ""
    data_version: str = ""  # the data's revision (git commit, file digest) when known
    design: ExportDesign = field(default_factory=ExportDesign)
    # the variable (export name) of the example table in the .do, .R and SPSS syntax: the
    # first tabulated question that is not a banner
    example: str | None = None

    def attributes(self) -> dict[str, str]:
        """What the file is: written as SPSS DATAFILE ATTRIBUTEs, Stata characteristics
        and the codebook's header."""
        return {
            "form_id": self.form_id,
            "questionnaire_version": self.version,
            "wave": self.wave,
            "data_version": self.data_version or "unknown",
            "simulated": "1" if self.simulated else "0",
            "label_language": self.lang,
        }

    def variable(self, source: str) -> ExportVariable | None:
        return next((v for v in self.variables if v.source == source), None)

    def stata_name(self, name: str) -> str:
        """The Stata name of the variable exported as ``name``."""
        return next(v.stata_name for v in self.variables if v.name == name)

    def design_name(self, source: str) -> str | None:
        v = self.variable(source)
        return v.name if v else None


# ---- text limits --------------------------------------------------------------------


def graphemes(text: str) -> list[str]:
    """Split text into user-perceived characters: a base letter with its combining marks."""
    clusters: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        joins = unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Mc", "Me")
        if clusters and (joins or ch in "\u200d\ufe0f" or clusters[-1].endswith("\u200d")):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


def shorten(text: str, max_bytes: int | None = None, max_chars: int | None = None) -> str:
    """The longest prefix of whole graphemes within ``max_bytes`` of UTF-8 and ``max_chars``.

    ``max_chars`` counts code points of the NFC text (Stata's unit). A cut text loses its
    trailing spaces (readers such as haven trim them, which would read as a second cut).
    """
    out, size, chars = "", 0, 0
    for g in graphemes(text):
        g_bytes, g_chars = len(g.encode("utf-8")), len(g)
        if max_bytes is not None and size + g_bytes > max_bytes:
            return out.rstrip()
        if max_chars is not None and chars + g_chars > max_chars:
            # a cut text does not end in a space: readers trim it (haven does)
            return out.rstrip()
        out, size, chars = out + g, size + g_bytes, chars + g_chars
    return out


def fit(text: str, what: str, max_bytes: int | None = None, max_chars: int | None = None) -> str:
    """``text`` within the limits; a shortened text raises an ExportWarning naming ``what``."""
    text = unicodedata.normalize("NFC", text)
    short = shorten(text, max_bytes, max_chars)
    if short != text:
        _warn_shortened(what, short, max_bytes, max_chars)
    return short


def _warn_shortened(what: str, short: str, max_bytes: int | None, max_chars: int | None) -> None:
    """The ExportWarning for a text shortened to ``short``, attributed to the caller of the
    public function (fit, fit_label) that shortened it."""
    limit = f"{max_bytes} bytes" if max_bytes is not None else f"{max_chars} characters"
    warnings.warn(
        ExportWarning(f"{what} is longer than {limit} and was shortened to {short!r}"),
        stacklevel=4,
    )


def wrap_bytes(text: str, max_bytes: int) -> list[str]:
    """Word-wrap ``text`` into lines of at most ``max_bytes`` UTF-8 bytes (SPSS documents)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if len(candidate.encode("utf-8")) <= max_bytes:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = fit(word, f"the word {word!r} of the document", max_bytes)
    if line:
        lines.append(line)
    return lines


# ---- names --------------------------------------------------------------------------

# SPSS: a letter first, then letters, digits and _ . @ # $ (Stata's rules are narrower: see
# stata_names).


def export_names(columns: list[str]) -> dict[str, str]:
    """Column → export name. Metadata columns lose their leading '_'; others are kept.

    Raises InputError for a non-metadata column whose name SPSS would refuse.
    """
    taken = {c.lower() for c in columns if not c.startswith("_")}
    names: dict[str, str] = {}
    for col in columns:
        if col.startswith("_"):
            candidate = col.lstrip("_")
            while candidate.lower() in taken or spss_name_problems(candidate):
                candidate = "v" + candidate
            taken.add(candidate.lower())
            names[col] = candidate
            continue
        problems = spss_name_problems(col)
        safe = _name_without_punctuation(col, taken)
        if problems and safe is not None:
            warnings.warn(
                ExportWarning(
                    f"{col!r} is named {safe!r} in the exports (SPSS and Stata names hold only "
                    "letters, digits and _); the codebook lists both"
                ),
                stacklevel=2,
            )
            taken.add(safe.lower())
            names[col] = safe
            continue
        if problems:
            raise InputError(
                f"{col!r} cannot be an SPSS variable name: {'; '.join(problems)} "
                "(rename the question or item in the questionnaire)",
                column=col,
            )
        names[col] = col
    return names


def _name_without_punctuation(name: str, taken: set[str]) -> str | None:
    """An XLSForm name with punctuation SPSS refuses (``label-test``: XML names may hold
    ``-``) made valid by ``_`` in its place, unique among ``taken``; None when that does not
    make it valid (a reserved word, a non-ASCII letter, a digit first: the questionnaire
    must rename it)."""
    candidate = re.sub(r"[^0-9A-Za-z_.@#$]", "_", name)
    if candidate == name or not name.isascii():
        return None
    base, k = candidate, 1
    while candidate.lower() in taken:
        candidate, k = f"{base}_{k}", k + 1
    return None if spss_name_problems(candidate) else candidate


STATA_NAME_CHARS = 32
STATA_RESERVED = frozenset(
    ["_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long"]
    + ["_n", "_N", "_pi", "_pred", "_rc", "_skip", "strL", "using", "with"]
)


def stata_names(names: list[str]) -> dict[str, str]:
    """Export name → Stata name: at most 32 characters, no reserved words, unique.

    Deterministic: a long name keeps its first characters and gets ``_<k>`` if needed.
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        candidate = re.sub(r"[.@#$]", "_", name)
        if candidate in STATA_RESERVED or re.fullmatch(r"str\d+", candidate):
            candidate += "_"
        candidate = candidate[:STATA_NAME_CHARS]
        k = 1
        while candidate in taken:
            suffix = f"_{k}"
            candidate = candidate[: STATA_NAME_CHARS - len(suffix)] + suffix
            k += 1
        if candidate != name:
            warnings.warn(
                ExportWarning(f"Stata: variable {name!r} is named {candidate!r} in the .dta"),
                stacklevel=2,
            )
        taken.add(candidate)
        out[name] = candidate
    return out


# ---- the plan -----------------------------------------------------------------------


def variable_label_parts(
    v: Variable, lang: str, questionnaire: Questionnaire
) -> tuple[str | None, str]:
    """A dichotomy or grid item is labelled '<question label>: <option or item label>'; a
    label the form lacks in ``lang`` is its default language's, marked (``Oui [fr]``)."""
    shown = questionnaire.in_language
    if v.option is not None or v.grid_item is not None:
        return shown(v.question.label, lang), shown(v.label, lang)
    return None, shown(v.label, lang)


def fit_label(
    parts: tuple[str | None, str],
    what: str,
    max_bytes: int | None = None,
    max_chars: int | None = None,
) -> str:
    """'<question>: <own>' within the limits, the item's own words kept before the question's.

    When too long: '<question…>…: <own>' (the question shortened) while at least 8 units of
    the question fit; else the item's own label alone; else the item's own label shortened
    ('<own…>…'). A non-grid label is shortened at its end. A shortened label raises an
    ExportWarning naming ``what`` and showing what was kept.
    """
    question, own = parts
    full = unicodedata.normalize("NFC", f"{question}: {own}" if question else own)
    if shorten(full, max_bytes, max_chars) == full or not question:
        return fit(full, what, max_bytes, max_chars)
    own = unicodedata.normalize("NFC", own)
    tail = f"…: {own}"
    budget_bytes = None if max_bytes is None else max_bytes - len(tail.encode("utf-8"))
    budget_chars = None if max_chars is None else max_chars - len(tail)
    if (budget_bytes is None or budget_bytes >= 8) and (budget_chars is None or budget_chars >= 8):
        short = shorten(unicodedata.normalize("NFC", question), budget_bytes, budget_chars) + tail
    elif shorten(own, max_bytes, max_chars) == own:
        short = own
    else:
        ellipsis_bytes = len("…".encode())
        short = (
            shorten(
                own,
                None if max_bytes is None else max_bytes - ellipsis_bytes,
                None if max_chars is None else max_chars - 1,
            )
            + "…"
        )
    _warn_shortened(what, short, max_bytes, max_chars)
    return short


def _kind(question_type: QuestionType | None, series: pd.Series) -> Kind:
    if question_type is QuestionType.date:
        return "date"
    if question_type in (*CHOICE_TYPES, *NUMERIC_TYPES):
        return "numeric"
    if question_type is not None:
        return "string"  # text, and XLSForm's geopoint, media, barcode, calculate, time ...
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        return "numeric"
    return "string"


def _is_integral(series: pd.Series) -> bool:
    values = pd.to_numeric(series, errors="coerce").dropna()
    return bool(((values % 1) == 0).all())


def _digits(values: list[float]) -> int:
    """Characters needed to print the largest integer part (with a minus sign if any)."""
    if not values:
        return 1
    width = max(len(str(int(abs(x)))) for x in values)
    return width + (1 if min(values) < 0 else 0)


def _format(kind: Kind, series: pd.Series, codes: list[int], source: str) -> str:
    if kind == "date":
        return "DATE11"
    if kind == "string":
        widths = [len(str(s).encode("utf-8")) for s in series if not pd.isna(s)]
        return f"A{max(widths, default=1)}"
    values = [float(x) for x in pd.to_numeric(series, errors="coerce").dropna()] + codes
    if source == "_weight" or not _is_integral(series):
        return f"F{max(8, _digits(values) + 4)}.3"
    return f"F{_digits(values)}.0"


def _typed(series: pd.Series, kind: Kind, column: str) -> pd.Series:
    """The column as the writers want it: Int64 codes, floats, strings or datetimes."""
    if kind == "string":
        return series.astype("string")
    if kind == "date":
        return pd.to_datetime(series, errors="raise").dt.normalize()
    numbers = pd.to_numeric(series, errors="coerce")
    bad = numbers.isna() & series.notna()
    if bad.any():
        raise InputError(
            f"expected numbers, found {series[bad].iloc[0]!r}",
            column=column,
            row=int(bad.to_numpy().nonzero()[0][0]) + 1,
        )
    return numbers.astype("Int64") if _is_integral(numbers) else numbers.astype("float64")


def _stratum_value_labels(questionnaire: Questionnaire, lang: str) -> dict[int, str]:
    if questionnaire.frame_model is not None:
        return {s.code: s.label.get(lang) for s in questionnaire.frame_model.strata}
    try:
        return questionnaire.variable(questionnaire.stratum.variable).value_labels(lang)
    except KeyError:
        return {}


def _value_labels(labels: dict[int, str], name: str) -> dict[int, str]:
    return {
        code: fit(text, f"value label {code} of {name}", SPSS_VALUE_LABEL_BYTES)
        for code, text in labels.items()
    }


def _drop_pii(
    data: pd.DataFrame, questionnaire: Questionnaire, table: str | None = None
) -> pd.DataFrame:
    variables = questionnaire.variables(table=table)
    pii = [v.name for v in variables if v.pii and v.name in data.columns]
    for name in pii:
        warnings.warn(
            ExportWarning(f"{name!r} is marked pii in the questionnaire and was not exported"),
            stacklevel=3,
        )
    return data.drop(columns=pii)


def option_labels(questionnaire: Questionnaire, v: Variable, lang: str) -> dict[int, str]:
    """Code -> value label in ``lang``; the default language's, marked, where it has none."""
    shown = questionnaire.in_language
    return {o.code: shown(o.label, lang) for o in v.options if o.code is not None}


def _describe(
    column: str,
    series: pd.Series,
    questionnaire: Questionnaire,
    variables: dict[str, Variable],
    lang: str,
    clusters: frozenset[str] = frozenset(),
    replicates: frozenset[str] = frozenset(),
    sampling_weight: str | None = None,
) -> tuple[tuple[str | None, str], Kind, str, dict[int, str], list[int], str | None]:
    """Label, kind, measure, value labels, missing codes and question of one column.

    ``clusters``, ``replicates``, ``sampling_weight``: the design's cluster and replicate
    weight columns and the sampling weight the data brought with them (labelled as such, not
    as unknown columns).
    """
    v = variables.get(column)
    if v is not None:
        # options in a file or on the external_choices sheet: the answer as stored (the
        # choice's name), as text, without value labels
        stored_as_text = v.question.type in CHOICE_TYPES and not v.is_categorical
        kind = "string" if stored_as_text else _kind(v.question.type, series)
        measure = v.level.value
        if kind == "date":
            measure = Level.scale.value
        if kind == "string":
            measure = Level.nominal.value
        return (
            variable_label_parts(v, lang, questionnaire),
            kind,
            measure,
            {} if stored_as_text else option_labels(questionnaire, v, lang),
            [] if stored_as_text else v.missing_codes(),
            v.question.name,
        )
    if column == questionnaire.respondent_id:
        label = (None, RESPONDENT_ID_LABEL.get(lang))
        return label, _kind(None, series), "nominal", {}, [], None
    if column == sampling_weight and column not in META_COLUMNS:
        column = "_weight"
    if column in META_COLUMNS or column in clusters or column in replicates:
        other = REPLICATE_COLUMN if column in replicates else CLUSTER_COLUMN
        meta = META_COLUMNS.get(column, other)
        labels: dict[int, str] = {}
        if column == "_simulated":
            labels = {code: text.get(lang) for code, text in YES_NO.items()}
        if column == "_stratum":
            labels = _stratum_value_labels(questionnaire, lang)
        kind = _kind(None, series) if meta.kind == "string" else meta.kind
        return (None, meta.label.get(lang)), kind, meta.measure, labels, [], None
    warnings.warn(
        ExportWarning(f"column {column!r} is not in the questionnaire; exported without labels"),
        stacklevel=3,
    )
    kind = _kind(None, series)
    return (None, ""), kind, "scale" if kind != "string" else "nominal", {}, [], None


def _file_label(questionnaire: Questionnaire, wave: str, simulated: bool) -> str:
    core = f"{questionnaire.form_id} v{questionnaire.version} {wave}"
    text = f"{SIMULATED_FILE_LABEL}: {core}" if simulated else core
    return fit(text, "the file label", SPSS_FILE_LABEL_BYTES)


def _notes(
    questionnaire: Questionnaire, wave: str, lang: str, simulated: bool, data_version: str
) -> list[str]:
    """The SPSS documents: simulated or not, what the file is, the questionnaire's title."""
    paragraphs = [
        f"Form {questionnaire.form_id}, version {questionnaire.version}, wave {wave}; "
        f"labels: {lang}.",
        questionnaire.title.get(lang),
    ]
    if data_version:
        paragraphs.insert(1, f"Data version: {data_version}.")
    if simulated:
        paragraphs.insert(0, SIMULATED_NOTE)
    return [line for p in paragraphs for line in wrap_bytes(p, SPSS_NOTE_LINE_BYTES)]


def _mr_sets(
    questionnaire: Questionnaire, names: dict[str, str], lang: str
) -> list[MultipleResponseSet]:
    sets = []
    for q in questionnaire.questions():
        if q.type is not QuestionType.multiple or q.pii:
            continue
        members = [
            names[v.name] for v in questionnaire.variables() if v.question is q and v.name in names
        ]
        if members:
            text = questionnaire.in_language(q.label, lang)
            label = fit(text, f"label of set ${q.name}", SPSS_VARIABLE_LABEL_BYTES)
            sets.append(MultipleResponseSet(q.name, label, members))
    return sets


def _display_width(kind: Kind, series: pd.Series, spss_format: str) -> int:
    """Columns SPSS's data view gives the variable: the longest value as printed."""
    if kind == "string":
        lengths = series.dropna().map(lambda s: len(graphemes(str(s))))
        return max(int(lengths.max()) if len(lengths) else 1, 1)
    return int(re.match(r"[A-Z]+(\d+)", spss_format).group(1))


# Words that mark a missing option as a refusal (Stata's .b); other missing codes are the
# "don't know" family (.a, then .c, .d ... in code order).
REFUSED_WORDS = ("refus", "không trả lời", "từ chối")
SKIPPED_LETTER = "s"


def stata_missing_letters(questionnaire: Questionnaire) -> dict[int, str]:
    """Missing code → Stata extended missing letter, one mapping for the whole file.

    A code labelled as a refusal gets ``b``; the others get ``a``, ``c``, ``d`` ... in code
    order (``s`` is kept for skipped by routing). The codebook lists the mapping.
    """
    labels: dict[int, list[str]] = {}
    for clist in questionnaire.choice_lists.values():
        for option in clist.options:
            if option.missing and option.code is not None:
                words = [option.label.get(lang).lower() for lang in ("vi", "en")]
                labels.setdefault(option.code, []).extend(words)
    refused = [
        c for c, texts in labels.items() if any(w in t for t in texts for w in REFUSED_WORDS)
    ]
    letters = iter(c for c in "acdefghijklmnopqrtuvwxyz")
    out: dict[int, str] = {}
    for code in sorted(labels):
        if code in refused and "b" not in out.values():
            out[code] = "b"
            continue
        letter = next(letters, None)
        if letter is None:
            raise InputError(
                "more than 24 missing codes: Stata has only 26 extended missing values"
            )
        out[code] = letter
    return out


def _options(meta_design: dict | None) -> dict:
    return (meta_design or {}).get("options") or {}


def _cluster_spec(meta_design: dict | None) -> tuple[list[str], list[str]]:
    """The cluster column of each stage and its FPC column (weight.py records them as
    ``options.clusters`` and ``options.cluster_fpc``). A repeat's child table without
    clusters of its own has its parent submission as PSU (``psu``), drawn from the stratum's
    N_h submissions (``_fpc``)."""
    meta_design = meta_design or {}
    options = _options(meta_design)
    clusters = list(options.get("clusters") or [])
    cluster_fpc = list(options.get("cluster_fpc") or [])
    if meta_design.get("table") and not clusters:
        clusters = list(meta_design.get("psu") or [])
        cluster_fpc = ["_fpc"] if options.get("fpc", True) else []
    return clusters, cluster_fpc


def cluster_columns(meta_design: dict | None) -> frozenset[str]:
    """The data columns the design names as clusters or their population counts."""
    clusters, cluster_fpc = _cluster_spec(meta_design)
    return frozenset([*clusters, *cluster_fpc])


def replicate_columns(meta_design: dict | None, columns: list[str]) -> frozenset[str]:
    """The data columns the design's replicate weights pattern matches (as R's grep)."""
    recorded = _options(meta_design).get("replicates")
    if not recorded:
        return frozenset()
    return frozenset(c for c in columns if re.search(recorded["pattern"], c))


def brought_sampling_weight(meta_design: dict | None) -> str | None:
    """The sampling weight column that came with the data's replicate weights, if any."""
    options = _options(meta_design)
    return options.get("sampling_weight") if options.get("replicates") else None


def _design(meta_design: dict | None, names: dict[str, str], data: pd.DataFrame) -> ExportDesign:
    """The design of the weighted data in export names, from the metadata weight.py writes:
    clusters per stage, nest, cluster FPC columns, fpc, margins, trimming, lonely PSUs, or
    the replicate weights the data brought."""
    meta_design = meta_design or {}
    options = _options(meta_design)
    if options.get("replicates"):
        return ExportDesign(
            weight=names.get("_weight"),
            fpc=False,
            replicates=_replicates(options, names, data),
        )
    clusters, cluster_fpc = _cluster_spec(meta_design)
    missing = [c for c in [*clusters, *cluster_fpc] if c not in names]
    if missing:
        raise InputError(f"the design names column(s) {missing} that are not in the data")
    margins = tuple(meta_design.get("margins") or ())
    absent = [m["variable"] for m in margins if m["variable"] not in names]
    if absent:
        raise InputError(f"the weights were raked to {absent}, which are not in the data")
    return ExportDesign(
        weight=names.get("_weight"),
        strata=names.get("_stratum"),
        population_size=names.get("_fpc"),
        clusters=tuple(names[c] for c in clusters),
        fpc=bool(options.get("fpc", True)),
        nest=bool(options.get("nest", False)),
        cluster_fpc=tuple(names[c] for c in cluster_fpc),
        stratum_sizes={
            int(k): float(v) for k, v in (meta_design.get("stratum_sizes") or {}).items()
        },
        margins=tuple({**m, "variable": names[m["variable"]]} for m in margins),
        trim_upper=options.get("trim_upper"),
        lonely_psu=str(options.get("lonely_psu", "fail")),
    )


def _replicates(options: dict, names: dict[str, str], data: pd.DataFrame) -> ExportReplicates:
    """The recorded replicate weights (``options.replicates``, the columns matching its
    pattern as R's grep) rebuilt as the weight stage's svrepdesign, so the scale and rscales
    the variance uses are known to the loaders that cannot take R's defaults."""
    from pipeline.statistics.replicate_design import ReplicateOptions

    recorded = ReplicateOptions(**options["replicates"])
    columns = [c for c in data.columns if re.search(recorded.pattern, str(c))]
    weight = options.get("sampling_weight") or "_weight"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # R's default-scale notice: the weight stage gave it
        reps = recorded.survey(data, weight, None).replicates
    return ExportReplicates(
        columns=tuple(names[c] for c in columns),
        type=recorded.type,
        scale=float(reps.scale),
        rscales=tuple(float(r) for r in reps.rscales),
        recorded_scale=recorded.scale,
        recorded_rscales=recorded.rscales,
        rho=recorded.rho,
        mse=recorded.mse,
        combined=recorded.combined,
    )


def build_plan(
    data: pd.DataFrame,
    questionnaire: Questionnaire,
    lang: str = "vi",
    *,
    simulated: bool,
    wave: str | None = None,
    design: dict | None = None,
    data_version: str = "",
    table: str | None = None,
) -> ExportPlan:
    """Check the data against the questionnaire and the formats' limits; name and label it.
    ``table``: the repeat whose child table ``data`` is (None: the respondent table).

    ``simulated`` is also set when a ``_simulated`` column holds a 1. ``design`` is the
    ``design`` entry of the weighted file's metadata (docs/schemas.md). Empty answers that
    the questionnaire's routing skipped get the variable's skip code (routing.py).
    """
    skipped, unknown = skipped_rows(data, questionnaire, table)
    for question, reason in unknown.items():
        warnings.warn(
            ExportWarning(
                f"{question!r}: skipped and unanswered cannot be told apart ({reason}); "
                "its empty answers stay system-missing"
            ),
            stacklevel=2,
        )
    data = _drop_pii(data, questionnaire, table)
    columns = [str(c) for c in data.columns]
    names = export_names(columns)
    stata = stata_names(list(names.values()))
    variables = {v.name: v for v in questionnaire.variables(table=table)}
    letters = stata_missing_letters(questionnaire)
    simulated = simulated or is_simulated(data)
    wave = wave or questionnaire.wave

    planned: list[ExportVariable] = []
    typed: dict[str, pd.Series] = {}
    replicates = replicate_columns(design, columns)
    for col in columns:
        label, kind, measure, labels, missing, question = _describe(
            col, data[col], questionnaire, variables, lang, cluster_columns(design), replicates,
            brought_sampling_weight(design),
        )
        series = _typed(data[col], kind, col)
        name = names[col]
        v = variables.get(col)
        code = skip_code(v) if v is not None and kind == "numeric" and col in skipped else None
        if code is not None:
            series = series.mask(skipped[col].to_numpy(), code)
            labels = {**labels, code: SKIPPED_LABEL.get(lang)}
            missing = [code, *missing]
        codes = list(labels) + missing
        spss_format = _format(kind, series, codes, col)
        planned.append(
            ExportVariable(
                source=col,
                name=name,
                stata_name=stata[name],
                label=fit_label(label, f"variable label of {name}", SPSS_VARIABLE_LABEL_BYTES),
                kind=kind,
                measure=measure,
                spss_format=spss_format,
                value_labels=_value_labels(labels, name),
                missing=missing,
                question=question,
                label_parts=label,
                display_width=_display_width(kind, series, spss_format),
                skip_code=code,
                stata_missing={c: SKIPPED_LETTER if c == code else letters[c] for c in missing},
                grid=v.question.name if v is not None and v.grid_item is not None else None,
            )
        )
        typed[name] = series
    return ExportPlan(
        form_id=questionnaire.form_id,
        version=questionnaire.version,
        wave=wave,
        lang=lang,
        simulated=simulated,
        file_label=_file_label(questionnaire, wave, simulated),
        notes=_notes(questionnaire, wave, lang, simulated, data_version),
        variables=planned,
        mr_sets=_mr_sets(questionnaire, names, lang),
        data=pd.DataFrame(typed, index=range(len(data))),
        title=questionnaire.title.get(lang),
        data_version=data_version,
        design=_design(design, names, data),
        example=_example(questionnaire, names),
    )


def _example(questionnaire: Questionnaire, names: dict[str, str]) -> str | None:
    """The first categorical, non-banner, non-personal variable in the data (export name)."""
    for v in questionnaire.variables():
        tabulated = v.is_categorical and not v.pii and v.question.type is not QuestionType.multiple
        if tabulated and v.name not in questionnaire.banners and v.name in names:
            return names[v.name]
    return None


# ---- CSV and codebook -----------------------------------------------------------------


def write_csv(plan: ExportPlan, target: Path) -> Path:
    """The data as UTF-8 CSV: codes (missing codes kept), ISO dates, empty cells for NA."""
    frame = plan.data.copy()
    for v in plan.variables:
        if v.kind == "date":
            frame[v.name] = frame[v.name].dt.strftime("%Y-%m-%d")
    with atomic_path(target) as tmp:
        write_csv_for_people(frame, tmp, na_rep="")
    return target


def missing_meaning(v: ExportVariable, code: int) -> str:
    """What a missing code stands for in the codebook: skipped by routing, or the option's
    own label (don't know, refused ...)."""
    if code == v.skip_code:
        return "skipped"
    return "refused" if v.stata_missing.get(code) == "b" else "missing_option"


def codebook_rows(plan: ExportPlan) -> list[dict[str, object]]:
    """One row per variable and value (one row without a value for unlabelled variables).

    ``missing`` is 1 for the codes that are missing for analysis; ``missing_kind`` says
    which kind (``skipped``: not asked, by the questionnaire's routing; ``refused``;
    ``missing_option``: don't know and the like); ``stata`` is the code's Stata value
    (``.a``, ``.b``, ``.s`` ... for missing codes).
    """
    rows = []
    for v in plan.variables:
        base = {
            "variable": v.name,
            "source_column": v.source,
            "stata_name": v.stata_name,
            "label": v.label,
            "type": v.kind,
            "measure": v.measure,
            "spss_format": v.spss_format,
            "display_width": v.display_width,
        }
        codes = list(v.value_labels) + [c for c in v.missing if c not in v.value_labels]
        if not codes:
            rows.append(
                {
                    **base,
                    "value": "",
                    "value_label": "",
                    "missing": "",
                    "missing_kind": "",
                    "stata": "",
                }
            )
        for code in codes:
            is_missing = code in v.missing
            rows.append(
                {
                    **base,
                    "value": code,
                    "value_label": v.value_labels.get(code, ""),
                    "missing": int(is_missing),
                    "missing_kind": missing_meaning(v, code) if is_missing else "",
                    "stata": f".{v.stata_missing[code]}" if is_missing else code,
                }
            )
    return rows


def codebook_json(plan: ExportPlan) -> dict[str, object]:
    return {
        "form_id": plan.form_id,
        "version": plan.version,
        "wave": plan.wave,
        "lang": plan.lang,
        "simulated": plan.simulated,
        "data_version": plan.data_version,
        "note": SIMULATED_NOTE if plan.simulated else "",
        "design": {
            "weight": plan.design.weight,
            "strata": plan.design.strata,
            "population_size": plan.design.population_size,
            "clusters": list(plan.design.clusters),
            "nest": plan.design.nest,
            "cluster_fpc": list(plan.design.cluster_fpc),
            "fpc": plan.design.fpc,
            "raked_to": list(dict.fromkeys(m["variable"] for m in plan.design.margins)),
            "trim_upper": plan.design.trim_upper,
        },
        "missing_values": {
            "skipped": "not asked: the questionnaire's routing (relevant) skipped the question; "
            "code skip_code, user-missing in SPSS, .s in Stata",
            "stata_letters": "each missing code's Stata value is in stata_missing",
        },
        "variables": [
            {
                **asdict(v),
                "value_labels": {str(k): t for k, t in v.value_labels.items()},
                "stata_missing": {str(k): f".{t}" for k, t in v.stata_missing.items()},
            }
            for v in plan.variables
        ],
        "multiple_response_sets": [asdict(s) for s in plan.mr_sets],
    }


def write_codebook(plan: ExportPlan, csv_target: Path, json_target: Path) -> list[Path]:
    with atomic_path(csv_target) as tmp:
        write_csv_for_people(pd.DataFrame(codebook_rows(plan)), tmp)
    write_text(json_target, json.dumps(codebook_json(plan), ensure_ascii=False, indent=2) + "\n")
    return [csv_target, json_target]


# ---- the stage ----------------------------------------------------------------------
