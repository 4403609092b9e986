"""Simulated responses for any questionnaire and frame: a generative model, then faults.

The default survey has no real data, so the pipeline runs on data drawn from a model that
behaves like a real survey:

- Members: a pool of the frame's whole population with ids like ``M000123``, fixed by the
  *member seed*. Each wave samples from it (proportional allocation by stratum) with the
  *wave seed*, so two waves share some members (a panel overlap, about the sampling fraction).
- The population model (stratum effects, item loadings and thresholds, category
  probabilities) is drawn from the member seed and the variable's name, so two waves of the
  same population have the same structure; only ``wave_effect`` changes the latent mean.
- Each respondent has a latent attitude (standard normal: a persistent member trait plus
  wave noise) plus a stratum effect. Likert items are an ordered probit on the latent, a
  question factor and noise, so the items of a grid correlate. Single-choice questions draw
  from per-stratum category probabilities tilted by the latent; integers are normal within
  range; multiple choice are correlated 0/1s.
- Drawing order: a choice list's substantive codes as listed, or reversed when the list
  declares ``favourable: last``, so that a high latent gives the favourable end (the first
  listed option when the list declares nothing).
- Skip logic (``relevant``) is obeyed; items go unanswered and missing codes (options marked
  ``missing``) are chosen at realistic rates, more often on opinion items and by respondents
  with a low attitude.
- Faults are injected at ``fault_rate`` (share of rows), each one listed in the faults table
  so that cleaning can be checked against it. At most one fault per row, so that no fault
  hides another.

Given a ``TwoStage`` design, the sample is a cluster sample instead: each stratum's members
belong to organisations (fixed by the member seed), organisations are drawn within strata,
then members within the drawn organisations. An organisation effect on the latent attitude
gives answers an intra-cluster correlation (``icc``), and the design's columns (organisation
id, the stratum's number of organisations, the organisation's number of members) are
written into the questions of those names, so the design block can use them. Without it the
sample is the documented stratified one, and the output is what it always was.

Everything is drawn from ``numpy.random.Generator(PCG64(...))`` streams keyed by seed and
name: the same arguments give the same data, and adding a question does not change the
values of the others.

Given a harmonization map (pipeline/model/harmonize.py), a wave is simulated so that it differs
from the map's other waves only by ``wave_effect``, not by how its questionnaire was
revised:

- A variable the map links to a common item is keyed by the item's name, so a renamed item
  keeps its parameters and members keep their persistent answers.
- Single-choice and ordinal answers are drawn on the scale of the item's ``codes_from``
  wave and translated to this wave's codes through the inverse of the map's recode. The
  model is position-based (a high latent gives the favourable end, see above), so the order
  matters: the reference codes are taken in the map's first wave's drawing order (recoded)
  when that wave's codes map one-to-one onto them, else in the reference wave's drawing
  order. The first wave's answers are then those it gets without a map.
- Where several codes of this wave recode onto one reference code (a 5-point scale
  collapsed onto 3 points), that reference category is split among them: an ordinal item
  cuts the category's share of the standard normal around the item's intercept into equal
  parts (higher latent → the code earlier in drawing order); a single choice splits it in
  equal shares by a persistent draw per member. Collapsing with the map's recode therefore gives
  exactly the answer the reference wave would get at the same latent.
- A variable whose codes the inverse recode cannot cover (a reference code with no code
  here) is drawn on its own scale, as without a map, but still keyed by the common name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from scipy.special import ndtr, ndtri

from pipeline.core.atomic import staged_folder
from pipeline.core.errors import InputError
from pipeline.core.xlsx import save_workbook
from pipeline.demo.options import DEFAULT_MEMBER_SEED, OutputFormat
from pipeline.model import expressions
from pipeline.model.frame import Frame
from pipeline.model.harmonize import Harmonization, HarmonizedItem, harmonized_items
from pipeline.model.questionnaire import Question, Questionnaire, QuestionType, Variable
from pipeline.readers.ingest import write_csv
from pipeline.statistics.allocate import allocate

FIELDWORK_DAYS = 42

FAULT_KINDS = (
    "duplicate_submission",
    "blank_row",
    "straight_lining",
    "skip_violation",
    "out_of_range",
    "code_format",
    "nfd_text",
    "whitespace",
)
FAULT_COLUMNS = ["row", "respondent_id", "variable", "fault", "value"]

# Share of the latent attitude that is a persistent member trait (the rest is wave noise).
TRAIT_SHARE = 0.6
# Share of an ordinal item's common part that belongs to its question (grid), not the latent.
QUESTION_FACTOR_SHARE = 0.3
# Loading of the "ticks many options" factor shared by the options of a multiple choice.
BREADTH = 1.0

# Generic comments, not tied to any questionnaire's topic beyond party-cell life.
COMMENT_BANK = (
    "Cần tăng cường sinh hoạt chuyên đề.",
    "Đề nghị tổ chức tập huấn thường xuyên hơn.",
    "Nội dung tuyên truyền cần ngắn gọn, dễ hiểu.",
    "Cần phát huy vai trò gương mẫu của người đứng đầu.",
    "Tăng cường kiểm tra, giám sát định kỳ.",
    "Không có ý kiến thêm.",
    "Cần lắng nghe ý kiến của đảng viên trẻ.",
    "Nên ứng dụng công nghệ thông tin trong sinh hoạt chi bộ.",
    "Cần biểu dương kịp thời các tấm gương tốt.",
    "Tài liệu học tập nên gửi sớm hơn.",
    "Cần nâng cao chất lượng tự phê bình và phê bình.",
    "Đồng ý với các giải pháp đã nêu.",
)
FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi")
MIDDLE_NAMES = ("Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thu")
GIVEN_NAMES = (
    "An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Hạnh", "Hùng",
    "Lan", "Linh", "Nam", "Phương", "Quân", "Thảo", "Tuấn", "Yến",
)  # fmt: skip


@dataclass(frozen=True)
class SimulatedData:
    """Simulated raw responses and the faults injected into them.

    ``responses``: every cell a Python ``str`` ('' when empty), columns as in
    raw/<wave>.csv. ``faults``: one row per injected fault (docs/schemas.md), ``row`` 1-based
    over the data rows of ``responses``.
    """

    questionnaire: Questionnaire
    responses: pd.DataFrame
    faults: pd.DataFrame
    # Each respondent's latent attitude (standard deviations), by respondent id: the model's
    # truth, for checking what the data show (e.g. the intra-cluster correlation).
    latent: pd.Series | None = None


# ---- random streams ------------------------------------------------------------------


def _key(part: int | str) -> int:
    if isinstance(part, int) and part >= 0:
        return part
    digest = hashlib.sha256(str(part).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "little")


def stream(seed: int, *keys: int | str) -> np.random.Generator:
    """An independent generator for (seed, keys): the same keys always give the same draws."""
    return np.random.Generator(
        np.random.PCG64(np.random.SeedSequence([_key(seed)] + [_key(k) for k in keys]))
    )


# ---- the sample -----------------------------------------------------------------------


@dataclass(frozen=True)
class MemberPool:
    """Every member of the frame's population: stratum code and id, fixed by the member seed."""

    strata: np.ndarray  # stratum code of each member
    ids: np.ndarray  # member id text of each member

    @property
    def size(self) -> int:
        return len(self.strata)


def member_pool(frame: Frame, member_seed: int) -> MemberPool:
    """Members in stratum blocks; id numbers are shuffled so that an id reveals no stratum."""
    strata = np.concatenate([np.full(s.population, s.code) for s in frame.strata])
    numbers = stream(member_seed, "member-ids").permutation(len(strata)) + 1
    width = max(6, len(str(len(strata))))
    ids = np.array([f"M{k:0{width}d}" for k in numbers], dtype=object)
    return MemberPool(strata=strata, ids=ids)


def draw_sample(frame: Frame, pool: MemberPool, n: int, seed: int) -> np.ndarray:
    """Member indices sampled without replacement within strata (proportional allocation)."""
    chosen = []
    for alloc in allocate(frame.sizes(), n):
        members = np.flatnonzero(pool.strata == alloc.code)
        picked = stream(seed, "sample", alloc.code).choice(members, alloc.n, replace=False)
        chosen.append(np.sort(picked))
    return np.concatenate(chosen)


@dataclass(frozen=True)
class TwoStage:
    """A two-stage sample: organisations within strata, then members within organisations.

    ``organisation_size``: members per organisation in the population (a stratum's members
    are split into organisations of about this size, at least two per stratum);
    ``members_per_organisation``: members drawn in each drawn organisation (all of them in a
    smaller one). A stratum allocated n_h respondents draws round(n_h / members) of its
    organisations (at least two, at most all), so the realised sample size is about ``n``.
    ``icc``: the intra-cluster correlation of the latent attitude within a stratum (0-1):
    an organisation effect of variance ``icc`` and a member part of variance ``1 - icc``.
    The ``*_column`` names are the integer questions that receive the organisation number
    (1, 2, ... within the stratum: ids repeat across strata, R's ``nest=TRUE``), the
    stratum's number of organisations (the first stage's FPC) and the organisation's number
    of members (the second stage's FPC).
    """

    organisation_size: int = 30
    members_per_organisation: int = 8
    icc: float = 0.15
    cluster_column: str = "org_id"
    organisations_column: str = "n_orgs"
    members_column: str = "org_members"

    def __post_init__(self) -> None:
        if self.organisation_size < 2 or self.members_per_organisation < 1:
            raise InputError(
                "organisations need at least 2 members and at least 1 member drawn in each, "
                f"got {self.organisation_size} and {self.members_per_organisation}",
                column="organisation_size",
            )
        if not 0 <= self.icc < 1:
            raise InputError(
                f"the intra-cluster correlation must be a proportion in [0, 1), got {self.icc}",
                column="icc",
            )

    @property
    def columns(self) -> tuple[str, str, str]:
        return (self.cluster_column, self.organisations_column, self.members_column)


@dataclass(frozen=True)
class Organisations:
    """Every pool member's organisation, fixed by the member seed."""

    index: np.ndarray  # organisation of each member, 0.. over the whole population
    number: np.ndarray  # organisation of each member, 1.. within its stratum
    count: dict[int, int]  # organisations per stratum code
    size: np.ndarray  # members of each member's organisation


def organisations(
    frame: Frame, pool: MemberPool, design: TwoStage, member_seed: int
) -> Organisations:
    """Each stratum's members, in a persistent random order, split into organisations of
    about ``design.organisation_size`` (sizes differ by at most one)."""
    index = np.empty(pool.size, dtype=np.int64)
    number = np.empty(pool.size, dtype=np.int64)
    size = np.empty(pool.size, dtype=np.int64)
    count: dict[int, int] = {}
    first = 0
    for s in frame.strata:
        members = np.flatnonzero(pool.strata == s.code)
        shuffled = stream(member_seed, "organisations", s.code).permutation(members)
        groups = np.array_split(shuffled, max(2, round(len(members) / design.organisation_size)))
        groups = [g for g in groups if len(g)]
        for k, group in enumerate(groups):
            index[group], number[group], size[group] = first + k, k + 1, len(group)
        count[s.code] = len(groups)
        first += len(groups)
    return Organisations(index=index, number=number, count=count, size=size)


def draw_two_stage(
    frame: Frame, pool: MemberPool, orgs: Organisations, design: TwoStage, n: int, seed: int
) -> np.ndarray:
    """Member indices of a two-stage sample: organisations by simple random sampling within
    each stratum, then members by simple random sampling within each drawn organisation."""
    chosen = []
    for alloc in allocate(frame.sizes(), n):
        wanted = round(alloc.n / design.members_per_organisation)
        drawn = min(orgs.count[alloc.code], max(2, wanted))
        rng = stream(seed, "two-stage", alloc.code)
        for org in np.sort(rng.choice(orgs.count[alloc.code], drawn, replace=False)) + 1:
            members = np.flatnonzero((pool.strata == alloc.code) & (orgs.number == org))
            take = min(design.members_per_organisation, len(members))
            chosen.append(np.sort(rng.choice(members, take, replace=False)))
    return np.concatenate(chosen)


def check_design_questions(questionnaire: Questionnaire, design: TwoStage) -> None:
    """The design's columns are integer questions of the questionnaire, so that cleaning
    keeps them and the design block can name them."""
    for name in design.columns:
        try:
            question = questionnaire.question(name)
        except KeyError:
            question = None
        if question is None or question.type is not QuestionType.integer:
            raise InputError(
                f"a two-stage sample writes {name!r}, which must be an integer question of "
                "the questionnaire",
                file=questionnaire.source,
                column=name,
            )


def fieldwork_window(questionnaire: Questionnaire, start: dt.date | None) -> dt.date:
    """First day of fieldwork: given, or 1 October of the year the wave's name starts with."""
    if start is not None:
        return start
    match = re.match(r"(\d{4})", questionnaire.wave)
    if not match:
        raise InputError(
            f"cannot tell the fieldwork year from wave {questionnaire.wave!r}: "
            "give --fieldwork-start YYYY-MM-DD",
            file=questionnaire.source,
            column="wave",
        )
    return dt.date(int(match.group(1)), 10, 1)


def submission_times(n: int, start: dt.date, seed: int) -> np.ndarray:
    """Sorted submission times (datetime64[s]) on fieldwork days between 07:00 and 21:00."""
    rng = stream(seed, "submission-time")
    days = rng.integers(0, FIELDWORK_DAYS, n)
    seconds = rng.integers(7 * 3600, 21 * 3600, n)
    base = np.datetime64(start.isoformat(), "s")
    times = base + days.astype("timedelta64[D]") + seconds.astype("timedelta64[s]")
    return np.sort(times)


# ---- links between waves ----------------------------------------------------------------


@dataclass(frozen=True)
class CommonScale:
    """A categorical variable drawn on its reference wave's scale, then translated.

    ``reference_codes``: the substantive codes of the ``codes_from`` wave, in the order
    answers are drawn (the first for the highest latent). ``targets``: for each of them, the
    codes of this wave that recode onto it, in this wave's drawing order (one code, or several
    when this wave's scale is finer).
    """

    reference_codes: tuple[int, ...]
    targets: tuple[tuple[int, ...], ...]

    def translate(self, position: np.ndarray, within: np.ndarray | None) -> np.ndarray:
        """This wave's codes for answers at ``position`` on the reference scale (0-based).

        ``within`` (0-1, per answer) picks among several target codes: 0 the first in
        drawing order.
        """
        out = np.empty(len(position), dtype=float)
        for p, codes in enumerate(self.targets):
            at = position == p
            if len(codes) == 1 or within is None:
                out[at] = codes[0]
                continue
            pick = np.minimum((within[at] * len(codes)).astype(int), len(codes) - 1)
            out[at] = np.asarray(codes, dtype=float)[pick]
        return out

    @property
    def splits(self) -> bool:
        return any(len(codes) > 1 for codes in self.targets)


@dataclass(frozen=True)
class WaveLinks:
    """What a harmonization map says about simulating one wave of it.

    ``seed_keys``: variable name → the name of the common item it belongs to (the key of its
    random streams). ``scales``: categorical variable name → its reference wave's scale.
    """

    seed_keys: dict[str, str] = field(default_factory=dict)
    scales: dict[str, CommonScale] = field(default_factory=dict)


def drawing_codes(questionnaire: Questionnaire, variable: Variable) -> list[int]:
    """The substantive codes of ``variable`` in drawing order, favourable end first: as
    listed, reversed when its choice list declares ``favourable: last``."""
    codes = variable.substantive_codes()
    clist = questionnaire.choice_list(variable.question)
    if clist is not None and clist.favourable == "last":
        return codes[::-1]
    return codes


def common_scale(
    reference_codes: tuple[int, ...], own: list[int], recode: dict[int, int]
) -> CommonScale | None:
    """The reference scale of a variable whose codes in drawing order are ``own``, and its
    inverse recode; None when some reference code has no code here or some code here
    recodes onto no reference answer."""
    targets = tuple(tuple(c for c in own if recode.get(c, c) == ref) for ref in reference_codes)
    if any(not codes for codes in targets) or sum(len(codes) for codes in targets) != len(own):
        return None
    return CommonScale(reference_codes, targets)


def drawing_order(harmonization: Harmonization, item: HarmonizedItem) -> tuple[int, ...]:
    """The reference codes in the map's first wave's drawing order (recoded), if its codes
    map one-to-one onto them; else in the reference wave's drawing order."""
    reference = drawing_codes(
        harmonization.questionnaire(item.codes_from), item.variables[item.codes_from]
    )
    first = harmonization.waves[0]
    recode = item.recodes[first]
    first_codes = drawing_codes(harmonization.questionnaire(first), item.variables[first])
    ordered = [recode[c] for c in first_codes]
    if sorted(ordered) == sorted(reference):
        return tuple(ordered)
    return tuple(reference)


def wave_links(harmonization: Harmonization, questionnaire: Questionnaire) -> WaveLinks:
    """Seed keys and reference scales of ``questionnaire``'s wave under ``harmonization``.

    The questionnaire must be the map's questionnaire of its wave: every variable the map
    names for the wave exists in it with the same codes.
    """
    wave = questionnaire.wave
    if wave not in harmonization.waves:
        raise InputError(
            f"wave {wave!r} of the questionnaire is not one of the map's waves "
            f"{harmonization.waves}",
            file=harmonization.source,
            column="waves",
        )
    keys: dict[str, str] = {}
    scales: dict[str, CommonScale] = {}
    for item in harmonized_items(harmonization):
        mapped = item.variables[wave]
        variable = matching_variable(harmonization, questionnaire, mapped)
        keys[variable.name] = item.name
        if item.recodes:
            order = drawing_order(harmonization, item)
            own = drawing_codes(questionnaire, variable)
            scale = common_scale(order, own, item.recodes[wave])
            if scale is not None:
                scales[variable.name] = scale
    return WaveLinks(seed_keys=keys, scales=scales)


def matching_variable(
    harmonization: Harmonization, questionnaire: Questionnaire, mapped: Variable
) -> Variable:
    try:
        variable = questionnaire.variable(mapped.name)
    except KeyError:
        variable = None
    if variable is None or variable.valid_codes() != mapped.valid_codes():
        raise InputError(
            f"the questionnaire ({questionnaire.source}) is not the map's {questionnaire.wave} "
            f"questionnaire ({harmonization.questionnaires[questionnaire.wave]}): variable "
            f"{mapped.name!r} is missing or has other codes",
            file=harmonization.source,
            column=f"questionnaires.{questionnaire.wave}",
        )
    return variable


# ---- the generative model -------------------------------------------------------------


@dataclass
class Context:
    """What every question generator needs about the sample."""

    questionnaire: Questionnaire
    frame: Frame
    seed: int
    member_seed: int
    members: np.ndarray  # index into the member pool
    pool_size: int
    strata: np.ndarray  # stratum code per respondent
    latent: np.ndarray
    times: np.ndarray  # datetime64[s]
    propensity: np.ndarray  # item non-response propensity per respondent (mean 1)
    columns: dict[str, np.ndarray] = field(default_factory=dict)
    skipped: dict[str, np.ndarray] = field(default_factory=dict)
    links: WaveLinks = field(default_factory=WaveLinks)
    # A two-stage sample: the design's columns (recorded by the sampler, never missing) and
    # each respondent's organisation effect (standard normal) with its share of the latent.
    design_values: dict[str, np.ndarray] = field(default_factory=dict)
    organisation_effect: np.ndarray | None = None
    icc: float = 0.0

    @property
    def n(self) -> int:
        return len(self.members)

    def key(self, name: str) -> str:
        """The stream key of a variable or question: its common item's name, if linked."""
        return self.links.seed_keys.get(name, name)

    def persistent(self, *keys: str | int) -> np.random.Generator:
        """A stream of the member seed: draws over the whole pool stay with the member."""
        return stream(self.member_seed, *keys)

    def wave(self, *keys: str | int) -> np.random.Generator:
        return stream(self.seed, *keys)

    def stratum_values(self, values: dict[int, float]) -> np.ndarray:
        return np.array([values[int(c)] for c in self.strata])


def stratum_effects(frame: Frame, member_seed: int, key: str, sd: float) -> dict[int, float]:
    """Normal stratum effects, centred on the population mean (weighted by N_h)."""
    raw = {s.code: stream(member_seed, key, s.code).normal(0, sd) for s in frame.strata}
    mean = sum(raw[s.code] * s.population for s in frame.strata) / frame.population()
    return {code: value - mean for code, value in raw.items()}


def latent_attitude(ctx: Context, wave_effect: float) -> np.ndarray:
    """Member trait and wave noise (variance 1 together), plus the stratum effect and the
    wave effect; in a two-stage sample the member part has variance 1 - icc and the
    organisation effect variance icc, so that the intra-cluster correlation is icc."""
    trait = ctx.persistent("trait").standard_normal(ctx.pool_size)[ctx.members]
    noise = ctx.wave("latent").standard_normal(ctx.n)
    effects = stratum_effects(ctx.frame, ctx.member_seed, "latent-stratum", 0.15)
    member = np.sqrt(TRAIT_SHARE) * trait + np.sqrt(1 - TRAIT_SHARE) * noise
    if ctx.organisation_effect is not None:
        member = np.sqrt(1 - ctx.icc) * member + np.sqrt(ctx.icc) * ctx.organisation_effect
    return member + ctx.stratum_values(effects) + wave_effect


def single_codes(ctx: Context, q: Question, codes: list[int]) -> np.ndarray:
    """Categorical draw: per-stratum probabilities (Dirichlet around a base), tilted by the
    latent attitude; Gumbel noise persistent per member keeps panel answers stable.

    A variable with a reference scale is drawn on that scale and translated."""
    if q.name == ctx.questionnaire.stratum.variable:
        return ctx.strata.astype(float)
    scale = ctx.links.scales.get(q.name)
    if scale is not None:
        codes = list(scale.reference_codes)
    key = ctx.key(q.name)
    k = len(codes)
    pop = ctx.persistent("single", key)
    base = pop.dirichlet(np.full(k, 2.0))
    concentration = np.exp(pop.uniform(np.log(15), np.log(300)))
    slopes = pop.normal(0, pop.uniform(0, 0.5), k)
    slopes -= slopes.mean()
    log_p = {}
    for s in ctx.frame.strata:
        p = ctx.persistent("single", key, s.code).dirichlet(concentration * base + 0.05)
        log_p[s.code] = np.log((p + 0.005) / (p + 0.005).sum())
    logits = np.stack([log_p[int(c)] for c in ctx.strata]) + np.outer(ctx.latent, slopes)
    gumbel = ctx.persistent("gumbel", key).gumbel(size=(ctx.pool_size, k))[ctx.members]
    position = np.argmax(logits + gumbel, axis=1)
    if scale is None:
        return np.asarray(codes, dtype=float)[position]
    within = None
    if scale.splits:
        within = ctx.persistent("single-split", key).random(ctx.pool_size)[ctx.members]
    return scale.translate(position, within)


@dataclass(frozen=True)
class OrdinalModel:
    """Population parameters of an ordered-probit item with ``len(cuts) + 1`` options.

    The response is ``y = intercept + loading * common + sqrt(1 - loading²) * noise`` (roughly
    standard normal around the intercept); ``cuts`` split y into options, the highest y
    giving the first option in drawing order.
    """

    loading: float
    intercept: float
    cuts: np.ndarray


def ordinal_model(member_seed: int, key: str, options: int) -> OrdinalModel:
    """The parameters of the item keyed ``key`` (its variable's name, or its common item's
    name under a harmonization map) with ``options`` substantive options."""
    pop = stream(member_seed, "ordinal", key)
    loading = pop.uniform(0.6, 0.88)
    intercept = pop.normal(0.35, 0.45)
    cuts = ndtri(np.arange(1, options) / options) * pop.uniform(0.9, 1.2)
    return OrdinalModel(loading=loading, intercept=intercept, cuts=cuts)


def ordinal_codes(ctx: Context, var: Variable, question_factor: np.ndarray) -> np.ndarray:
    """Ordered probit: a higher latent attitude gives an option earlier in drawing order
    (nearer the favourable end; the first listed when the list declares none).

    A variable with a reference scale is drawn on that scale and translated."""
    scale = ctx.links.scales.get(var.name)
    if scale is not None:
        codes = list(scale.reference_codes)
    else:
        codes = drawing_codes(ctx.questionnaire, var)
    k = len(codes)
    model = ordinal_model(ctx.member_seed, ctx.key(var.name), k)
    common = (
        np.sqrt(1 - QUESTION_FACTOR_SHARE) * ctx.latent
        + np.sqrt(QUESTION_FACTOR_SHARE) * question_factor
    )
    noise = ctx.wave("ordinal-noise", ctx.key(var.name)).standard_normal(ctx.n)
    y = model.intercept + model.loading * common + np.sqrt(1 - model.loading**2) * noise
    index = np.searchsorted(model.cuts, y)
    if scale is None:
        return np.asarray(codes, dtype=float)[k - 1 - index]
    within = category_share_above(y - model.intercept, model.cuts - model.intercept, index)
    return scale.translate(k - 1 - index, within if scale.splits else None)


def category_share_above(z: np.ndarray, cuts: np.ndarray, index: np.ndarray) -> np.ndarray:
    """Share (0-1) of a standard normal's mass in each value's category that lies above it:
    0 at the category's top, so that splitting a category in equal parts gives the highest
    values the first part."""
    bounds = np.concatenate([[0.0], ndtr(cuts), [1.0]])
    low, high = bounds[index], bounds[index + 1]
    return np.clip((high - ndtr(z)) / np.maximum(high - low, 1e-12), 0.0, 1.0)


def question_factor(ctx: Context, q: Question) -> np.ndarray:
    """What the items of one question share beyond the latent, with its own stratum effects."""
    key = ctx.key(q.name)
    scale = ctx.persistent("question-factor", key).uniform(0, 0.35)
    effects = stratum_effects(ctx.frame, ctx.member_seed, f"question-stratum/{key}", scale)
    return ctx.wave("question-factor", key).standard_normal(ctx.n) + ctx.stratum_values(effects)


def integer_range(q: Question) -> tuple[int, int]:
    """The (low, high) answers of an integer question: its range, else 0-100."""
    return q.range if q.range is not None else (0, 100)


def integer_values(ctx: Context, q: Question) -> np.ndarray:
    low, high = integer_range(q)
    key = ctx.key(q.name)
    pop = ctx.persistent("integer", key)
    centre = low + (high - low) * pop.uniform(0.3, 0.6)
    sd = max((high - low) / 5, 0.5)
    slope = pop.normal(0, 0.15) * sd
    effects = stratum_effects(ctx.frame, ctx.member_seed, f"integer-stratum/{key}", 0.3 * sd)
    z = ctx.persistent("integer-z", key).standard_normal(ctx.pool_size)[ctx.members]
    values = centre + ctx.stratum_values(effects) + slope * ctx.latent + sd * z
    return np.clip(np.rint(values), low, high)


def multiple_codes(ctx: Context, q: Question, codes: list[int]) -> dict[str, np.ndarray]:
    """Correlated 0/1s: options share the latent and a 'ticks many' factor.

    Ticking none is an answer (all 0s); forcing a tick would make the options negatively
    correlated.
    """
    key = ctx.key(q.name)
    breadth = ctx.wave("multiple-breadth", key).standard_normal(ctx.n)
    columns = {}
    for code in codes:
        pop = ctx.persistent("multiple", key, code)
        prevalence = pop.uniform(0.15, 0.7)
        slope = pop.normal(0, 0.4)
        spread = np.sqrt(1 + slope**2 + BREADTH**2)
        noise = ctx.wave("multiple-noise", key, code).standard_normal(ctx.n)
        score = ndtri(prevalence) * spread + slope * ctx.latent + BREADTH * breadth + noise
        columns[f"{q.name}_{code}"] = (score > 0).astype(float)
    return columns


def date_values(ctx: Context, q: Question) -> np.ndarray:
    """Dates within the year before the submission date."""
    back = ctx.wave("date", ctx.key(q.name)).integers(0, 365, ctx.n)
    days = ctx.times.astype("datetime64[D]") - back.astype("timedelta64[D]")
    return np.array([str(d) for d in days], dtype=object)


def pii_kind(q: Question) -> str:
    """What fake value a PII text field gets, from words in its label."""
    label = f"{q.label.vi or ''} {q.label.en or ''}".lower()
    if any(w in label for w in ("phone", "điện thoại", "sđt")):
        return "phone"
    if any(w in label for w in ("email", "e-mail", "thư điện tử")):
        return "email"
    if any(w in label for w in ("address", "địa chỉ")):
        return "address"
    return "name"


def fake_pii(kind: str, rng: np.random.Generator, n: int) -> np.ndarray:
    out = []
    for _ in range(n):
        if kind == "phone":
            out.append("09" + "".join(str(d) for d in rng.integers(0, 10, 8)))
        elif kind == "email":
            out.append(f"dangvien{int(rng.integers(100, 100000))}@example.com")
        elif kind == "address":
            out.append(
                f"Số {int(rng.integers(1, 300))} đường số {int(rng.integers(1, 40))}, "
                f"phường {int(rng.integers(1, 20))}"
            )
        else:
            out.append(
                f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"
            )
    return np.array(out, dtype=object)


def text_values(ctx: Context, q: Question) -> np.ndarray:
    rng = ctx.wave("text", ctx.key(q.name))
    if q.pii:
        return fake_pii(pii_kind(q), rng, ctx.n)
    share = rng.uniform(0.08, 0.2)
    said = rng.random(ctx.n) < share
    picks = rng.integers(0, len(COMMENT_BANK), ctx.n)
    return np.array(
        [COMMENT_BANK[p] if s else None for s, p in zip(said, picks, strict=True)], dtype=object
    )


def question_columns(ctx: Context, q: Question) -> dict[str, np.ndarray]:
    """Complete answers to one question, before missing codes, non-response and skips."""
    variables = [v for v in ctx.questionnaire.variables() if v.question is q]
    if q.name == ctx.questionnaire.respondent_id:
        return {}
    if q.name in ctx.design_values:
        return {q.name: ctx.design_values[q.name].astype(float)}
    if q.type is QuestionType.single:
        return {q.name: single_codes(ctx, q, drawing_codes(ctx.questionnaire, variables[0]))}
    if q.type in (QuestionType.likert, QuestionType.likert_grid):
        factor = question_factor(ctx, q)
        return {v.name: ordinal_codes(ctx, v, factor) for v in variables}
    if q.type is QuestionType.multiple:
        return multiple_codes(ctx, q, [v.option.code for v in variables])
    if q.type is QuestionType.integer:
        return {q.name: integer_values(ctx, q)}
    if q.type is QuestionType.date:
        return {q.name: date_values(ctx, q)}
    return {q.name: text_values(ctx, q)}


def add_missing_codes(ctx: Context, q: Question, columns: dict[str, np.ndarray]) -> None:
    """Don't-know / refused codes: 2-4% on factual items, 4-8% on opinions (likert), more
    often from respondents with a low attitude."""
    if q.type not in (QuestionType.single, QuestionType.likert, QuestionType.likert_grid):
        return
    if q.name == ctx.questionnaire.stratum.variable:
        return
    for name in columns:
        missing = ctx.questionnaire.variable(name).missing_codes()
        if not missing:
            continue
        rng = ctx.wave("missing-code", ctx.key(name))
        opinion = q.type is not QuestionType.single
        rate = rng.uniform(0.04, 0.08) if opinion else rng.uniform(0.02, 0.04)
        tilt = np.exp(-0.5 * ctx.latent)
        chosen = rng.random(ctx.n) < np.minimum(rate * tilt / tilt.mean(), 0.9)
        weights = 0.5 ** np.arange(len(missing))
        codes = rng.choice(missing, ctx.n, p=weights / weights.sum())
        columns[name] = np.where(chosen, codes, columns[name])


def add_nonresponse(ctx: Context, q: Question, columns: dict[str, np.ndarray]) -> None:
    """Item non-response, 2-5% per item (per question for multiple choice), never on
    required questions; comments are already mostly empty."""
    if q.required or q.name == ctx.questionnaire.stratum.variable or q.name in ctx.design_values:
        return
    if q.type is QuestionType.text and not q.pii:
        return
    groups = [list(columns)] if q.type is QuestionType.multiple else [[c] for c in columns]
    for group in groups:
        rng = ctx.wave("nonresponse", ctx.key(group[0]))
        rate = rng.uniform(0.02, 0.05)
        blank = rng.random(ctx.n) < np.minimum(rate * ctx.propensity, 0.9)
        for name in group:
            columns[name] = blank_where(columns[name], blank)


def blank_where(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    if values.dtype == object:
        out = values.copy()
        out[mask] = None
        return out
    return np.where(mask, np.nan, values)


def evaluation_frame(ctx: Context) -> pd.DataFrame:
    return pd.DataFrame(ctx.columns, index=pd.RangeIndex(ctx.n))


def expression_mask(ctx: Context, text: str, self_values: np.ndarray | None = None) -> np.ndarray:
    result = expressions.evaluate(
        expressions.parse(text),
        evaluation_frame(ctx),
        ctx.questionnaire,
        self_values=None if self_values is None else pd.Series(self_values),
    )
    return np.asarray(pd.Series(result).fillna(False).to_numpy(dtype=bool))


def apply_relevance(ctx: Context, q: Question, columns: dict[str, np.ndarray]) -> None:
    if not q.relevant:
        for name in columns:
            ctx.skipped[name] = np.zeros(ctx.n, dtype=bool)
        return
    relevant = expression_mask(ctx, q.relevant)
    for name in columns:
        columns[name] = blank_where(columns[name], ~relevant)
        ctx.skipped[name] = ~relevant


def apply_constraint(ctx: Context, q: Question, columns: dict[str, np.ndarray]) -> None:
    """Redraw answers that break the question's constraint from answers that keep it; blank
    the few that still break it (the simulated interviewer would not accept them)."""
    if not q.constraint:
        return
    for name, values in columns.items():
        missing_codes = ctx.questionnaire.variable(name).missing_codes()
        rng = ctx.wave("constraint", ctx.key(name))
        answered, broken = constraint_breaks(ctx, q.constraint, values, missing_codes)
        for _ in range(6):
            donors = np.flatnonzero(answered & ~broken)
            if not broken.any() or len(donors) == 0:
                break
            values = values.copy()
            values[broken] = values[rng.choice(donors, int(broken.sum()))]
            answered, broken = constraint_breaks(ctx, q.constraint, values, missing_codes)
        columns[name] = blank_where(values, broken)


def constraint_breaks(
    ctx: Context, constraint: str, values: np.ndarray, missing_codes: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Which values are answers (present, not a missing code), and which of them break
    ``constraint``."""
    answered = present(values) & ~np.isin(values, missing_codes)
    return answered, answered & ~expression_mask(ctx, constraint, values)


def present(values: np.ndarray) -> np.ndarray:
    if values.dtype == object:
        return np.array([v is not None and v != "" for v in values], dtype=bool)
    return ~np.isnan(values)


def generate_answers(ctx: Context) -> None:
    """Answer every question in questionnaire order, so skips see earlier answers."""
    questions = ctx.questionnaire.questions()
    drafts = {q.name: question_columns(ctx, q) for q in questions}
    for cols in drafts.values():
        ctx.columns.update(cols)
    for q in questions:
        columns = drafts[q.name]
        add_missing_codes(ctx, q, columns)
        add_nonresponse(ctx, q, columns)
        ctx.columns.update(columns)
        apply_relevance(ctx, q, columns)
        ctx.columns.update(columns)
        apply_constraint(ctx, q, columns)
        ctx.columns.update(columns)


# ---- to text ----------------------------------------------------------------------------


def as_text(values: np.ndarray) -> list[str]:
    if values.dtype == object:
        return ["" if v is None else str(v) for v in values]
    return ["" if np.isnan(v) else str(int(v)) for v in values]


def durations(ctx: Context, answered: np.ndarray) -> np.ndarray:
    """Seconds spent: about 12 s per answered item plus a minute, log-normal spread."""
    rng = ctx.wave("duration")
    median = 60 + 12 * answered
    return np.rint(median * np.exp(rng.normal(0, 0.35, ctx.n)).clip(0.5, None)).astype(int)


def response_table(ctx: Context, ids: np.ndarray) -> pd.DataFrame:
    q = ctx.questionnaire
    names = [v.name for v in q.variables() if v.name != q.respondent_id]
    # a column the simulator does not model (an or_other text) is written empty, not left out
    for name in names:
        ctx.columns.setdefault(name, np.full(ctx.n, None, dtype=object))
    answered = sum(present(ctx.columns[name]).astype(int) for name in names)
    table = {q.respondent_id: list(ids)}
    for name in names:
        table[name] = as_text(ctx.columns[name])
    table["_submission_time"] = [str(t) for t in ctx.times]
    table["_duration_seconds"] = [str(d) for d in durations(ctx, np.asarray(answered))]
    table["_simulated"] = ["1"] * ctx.n
    return pd.DataFrame(table, dtype=object)


# ---- faults -----------------------------------------------------------------------------


@dataclass
class FaultInjector:
    """Applies faults to a response table; every fault takes a row no other fault touches."""

    questionnaire: Questionnaire
    table: pd.DataFrame
    skipped: dict[str, np.ndarray]  # per variable, aligned with table rows
    rng: np.random.Generator
    design_columns: tuple[str, ...] = ()
    used: set[int] = field(default_factory=set)
    records: list[dict] = field(default_factory=list)

    def record(self, row: int, variable: str, fault: str, value: str) -> None:
        self.used.add(row)
        self.records.append(
            {
                "row": row + 1,
                "respondent_id": self.table.iat[row, 0],
                "variable": variable,
                "fault": fault,
                "value": value,
            }
        )

    def pick(self, candidates: list[tuple[int, str]], count: int) -> list[tuple[int, str]]:
        """Up to ``count`` candidates on distinct rows that no fault has taken yet."""
        chosen: list[tuple[int, str]] = []
        for i in self.rng.permutation(len(candidates)):
            row, name = candidates[i]
            if row in self.used or any(row == r for r, _ in chosen):
                continue
            chosen.append((row, name))
            if len(chosen) == count:
                break
        return chosen

    def cells(self, names: list[str], keep: Callable[[str], bool]) -> list[tuple[int, str]]:
        """(row, variable) of every cell of ``names`` whose value ``keep`` accepts."""
        out = []
        for name in names:
            column = self.table[name].tolist()
            out.extend((row, name) for row, value in enumerate(column) if keep(value))
        return out

    def set(self, row: int, name: str, value: str) -> None:
        self.table.iat[row, self.table.columns.get_loc(name)] = value


def numeric_variables(q: Questionnaire) -> list[Variable]:
    return [v for v in q.variables() if v.is_numeric and v.name != q.respondent_id]


def controlling_variables(q: Questionnaire) -> set[str]:
    """Variables that skip logic or constraints refer to: a fault there would spread to the
    questions they control."""
    names: set[str] = set()
    for question in q.questions():
        for text in (question.relevant, question.constraint):
            if text:
                names |= expressions.references(expressions.parse(text))
    return {v.name for v in q.variables() if v.name in names or v.question.name in names}


def out_of_range_value(var: Variable, value: str) -> str:
    if var.question.type is QuestionType.integer:
        low, high = integer_range(var.question)
        typo = int(value) * 10
        return str(typo if typo > high else high + (high - low) + 1)
    valid = set(var.valid_codes())
    candidate = max(var.substantive_codes()) + 1
    while candidate in valid:
        candidate += 1
    return str(candidate)


def inject_duplicates(table: pd.DataFrame, count: int, rng: np.random.Generator):
    """Resubmit ``count`` rows a few minutes later; rows stay ordered by submission time.

    Returns the new table, the rows taken (originals and copies) and (copy, original) pairs.
    """
    n = len(table)
    sources = np.sort(rng.choice(n, min(count, n // 2), replace=False))
    copies = table.iloc[sources].copy()
    times = pd.to_datetime(copies["_submission_time"]) + pd.to_timedelta(
        rng.integers(120, 3 * 3600, len(sources)), unit="s"
    )
    copies["_submission_time"] = [t.isoformat() for t in times]
    combined = pd.concat([table, copies], ignore_index=True)
    origin = np.concatenate([np.arange(n), sources])
    order = np.argsort(combined["_submission_time"].to_numpy(dtype=str), kind="stable")
    combined = combined.iloc[order].reset_index(drop=True)
    origin = origin[order]
    is_copy = order >= n
    position_of = {int(origin[i]): i for i in range(len(order)) if not is_copy[i]}
    pairs = [(i, position_of[int(origin[i])]) for i in np.flatnonzero(is_copy)]
    return combined, origin, pairs


def fault_counts(n: int, fault_rate: float) -> int:
    """Faults of each kind: fault_rate (a proportion of rows) spread over the kinds, at least
    one of each when faults are on."""
    if fault_rate <= 0:
        return 0
    return max(1, round(fault_rate * n / len(FAULT_KINDS)))


def inject_faults(
    q: Questionnaire, table: pd.DataFrame, ctx: Context, fault_rate: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    count = fault_counts(len(table), fault_rate)
    if count == 0:
        return table, pd.DataFrame(columns=FAULT_COLUMNS, dtype=object)
    rng = ctx.wave("faults")
    table, origin, pairs = inject_duplicates(table, count, rng)
    skipped = {name: mask[origin] for name, mask in ctx.skipped.items()}
    inj = FaultInjector(q, table, skipped, rng, tuple(ctx.design_values))
    for copy, original in pairs:
        inj.used.add(original)
        inj.record(copy, "", "duplicate_submission", str(original + 1))
    for fault in FAULT_KINDS[1:]:
        INJECTORS[fault](inj, count)
    faults = pd.DataFrame(inj.records, columns=FAULT_COLUMNS)
    faults = faults.sort_values(["row", "variable"], kind="stable").reset_index(drop=True)
    faults["row"] = faults["row"].astype(int)
    return inj.table, faults


def inject_blank_rows(inj: FaultInjector, count: int) -> None:
    names = [v.name for v in inj.questionnaire.variables() if v.name in inj.table.columns]
    names = [n for n in names if n != inj.questionnaire.respondent_id]
    rows = [(r, "") for r in range(len(inj.table))]
    for row, _ in inj.pick(rows, count):
        for name in names:
            inj.set(row, name, "")
        inj.record(row, "", "blank_row", "")


def inject_straight_lining(inj: FaultInjector, count: int) -> None:
    q = inj.questionnaire
    candidates = []
    for question in q.questions():
        if question.type is not QuestionType.likert_grid or len(question.items) < 2:
            continue
        items = [item.name for item in question.items]
        codes = {str(c) for c in q.variable(items[0]).substantive_codes()}
        values = inj.table[items].to_numpy()
        for row in range(len(values)):
            answers = set(values[row])
            if answers <= codes and len(answers) > 1:
                candidates.append((row, question.name))
    for row, name in inj.pick(candidates, count):
        items = [item.name for item in q.question(name).items]
        code = str(inj.rng.choice(inj.table.loc[row, items].to_numpy()))
        for item in items:
            inj.set(row, item, code)
        inj.record(row, name, "straight_lining", code)


def plausible_value(inj: FaultInjector, var: Variable) -> str:
    q = var.question
    if q.type is QuestionType.integer:
        low, high = integer_range(q)
        return str(int(inj.rng.integers(low, high + 1)))
    if q.type is QuestionType.date:
        column = [v for v in inj.table[var.name] if v]
        return str(inj.rng.choice(column)) if column else "2000-01-01"
    if q.type is QuestionType.text:
        return str(inj.rng.choice(COMMENT_BANK))
    return str(inj.rng.choice(var.substantive_codes()))


def inject_skip_violations(inj: FaultInjector, count: int) -> None:
    q = inj.questionnaire
    variables = [v for v in q.variables() if v.question.relevant and v.name in inj.skipped]
    preferred = [v for v in variables if v.question.type is not QuestionType.multiple]
    names = [v.name for v in (preferred or variables)]
    candidates = [
        (row, name) for name in names for row in np.flatnonzero(inj.skipped[name]).tolist()
    ]
    for row, name in inj.pick(candidates, count):
        value = plausible_value(inj, q.variable(name))
        inj.set(row, name, value)
        inj.record(row, name, "skip_violation", value)


def inject_out_of_range(inj: FaultInjector, count: int) -> None:
    q = inj.questionnaire
    # an impossible organisation number or count would leave its respondent with no design
    avoid = controlling_variables(q) | {q.stratum.variable} | set(inj.design_columns)
    names = [v.name for v in numeric_variables(q) if v.name not in avoid]
    for row, name in inj.pick(inj.cells(names, lambda value: value != ""), count):
        value = out_of_range_value(q.variable(name), inj.table.at[row, name])
        inj.set(row, name, value)
        inj.record(row, name, "out_of_range", value)


def inject_code_format(inj: FaultInjector, count: int) -> None:
    q = inj.questionnaire
    avoid = controlling_variables(q)
    names = [v.name for v in numeric_variables(q) if v.name not in avoid]
    for row, name in inj.pick(inj.cells(names, lambda value: value != ""), count):
        code = inj.table.at[row, name]
        value = f"{code}.0" if inj.rng.random() < 0.5 else f" {code} "
        inj.set(row, name, value)
        inj.record(row, name, "code_format", value)


def text_cells(inj: FaultInjector, count: int, keep: Callable[[str], bool]):
    """Up to ``count`` (row, variable, text) for a text fault: written text that ``keep``
    accepts first, then empty comment cells (not skipped) filled with a sentence."""
    q = inj.questionnaire
    names = [
        v.name
        for v in q.variables()
        if v.question.type is QuestionType.text and v.name != q.respondent_id
    ]
    written = inj.pick(inj.cells(names, lambda value: value != "" and keep(value)), count)
    chosen = [(row, name, inj.table.at[row, name]) for row, name in written]
    if len(chosen) == count:
        return chosen
    comments = [n for n in names if not q.variable(n).pii]
    empty = [
        (row, name)
        for name in comments
        for row, value in enumerate(inj.table[name].tolist())
        if value == "" and not inj.skipped[name][row] and row not in {r for r, _ in written}
    ]
    filled = inj.pick(empty, count - len(chosen))
    return chosen + [(row, name, str(inj.rng.choice(COMMENT_BANK))) for row, name in filled]


def inject_nfd_text(inj: FaultInjector, count: int) -> None:
    def decomposes(text: str) -> bool:
        return unicodedata.normalize("NFD", text) != text

    for row, name, text in text_cells(inj, count, decomposes):
        value = unicodedata.normalize("NFD", text)
        inj.set(row, name, value)
        inj.record(row, name, "nfd_text", value)


def inject_whitespace(inj: FaultInjector, count: int) -> None:
    for row, name, text in text_cells(inj, count, lambda _: True):
        pad = ("  {} ", " {}", "{}  ")[int(inj.rng.integers(0, 3))]
        value = pad.format(text)
        inj.set(row, name, value)
        inj.record(row, name, "whitespace", value)


INJECTORS: dict[str, Callable[[FaultInjector, int], None]] = {
    "blank_row": inject_blank_rows,
    "straight_lining": inject_straight_lining,
    "skip_violation": inject_skip_violations,
    "out_of_range": inject_out_of_range,
    "code_format": inject_code_format,
    "nfd_text": inject_nfd_text,
    "whitespace": inject_whitespace,
}


# ---- the whole simulation -----------------------------------------------------------------


def check_stratum_codes(questionnaire: Questionnaire, frame: Frame) -> None:
    name = questionnaire.stratum.variable
    try:
        valid = set(questionnaire.variable(name).valid_codes())
    except KeyError:
        raise InputError(
            f"the stratum variable {name!r} is not a question of the questionnaire",
            file=questionnaire.source,
            column="stratum.variable",
        ) from None
    unknown = sorted({s.code for s in frame.strata} - valid)
    if unknown:
        raise InputError(
            f"frame stratum codes {unknown} are not codes of the stratum variable {name!r} "
            f"(its codes: {sorted(valid)})",
            file=questionnaire.source,
            column="stratum.variable",
        )


def simulate(
    questionnaire: Questionnaire,
    frame: Frame,
    n: int,
    seed: int,
    fault_rate: float = 0.0,
    wave_effect: float = 0.0,
    member_seed: int = DEFAULT_MEMBER_SEED,
    fieldwork_start: dt.date | None = None,
    harmonization: Harmonization | None = None,
    two_stage: TwoStage | None = None,
) -> SimulatedData:
    """Simulate ``n`` respondents of ``frame`` answering ``questionnaire``.

    ``seed`` picks the wave's sample and answers; ``member_seed`` fixes the member pool and
    the population model (shared by waves). ``wave_effect`` shifts the mean latent attitude
    (in standard deviations). ``fault_rate`` is the proportion of rows given a fault (0 turns
    faults off). Fieldwork runs six weeks from ``fieldwork_start`` (default 1 October of the
    wave's year). ``harmonization`` (a map that includes the questionnaire's wave) keys linked
    variables by their common item and draws categorical answers on the reference wave's
    scale (see the module docstring); without it each variable stands on its own.
    ``two_stage`` draws a cluster sample of organisations, then members (see ``TwoStage``);
    without it the sample is stratified.
    """
    if seed < 0 or member_seed < 0:
        raise InputError("seeds must be non-negative integers", column="seed")
    if not 0 <= fault_rate <= 0.5:
        raise InputError(
            f"fault rate must be a proportion 0-0.5, got {fault_rate}", column="fault_rate"
        )
    check_stratum_codes(questionnaire, frame)
    links = wave_links(harmonization, questionnaire) if harmonization else WaveLinks()
    start = fieldwork_window(questionnaire, fieldwork_start)
    pool = member_pool(frame, member_seed)
    orgs = None
    if two_stage is None:
        members = draw_sample(frame, pool, n, seed)
    else:
        check_design_questions(questionnaire, two_stage)
        orgs = organisations(frame, pool, two_stage, member_seed)
        members = draw_two_stage(frame, pool, orgs, two_stage, n, seed)
    # Respondents in the order they submitted: the order of a real export.
    members = members[stream(seed, "order").permutation(len(members))]
    ctx = Context(
        questionnaire=questionnaire,
        frame=frame,
        seed=seed,
        member_seed=member_seed,
        members=members,
        pool_size=pool.size,
        strata=pool.strata[members],
        latent=np.zeros(len(members)),
        times=submission_times(len(members), start, seed),
        propensity=stream(seed, "propensity").gamma(4.0, 0.25, len(members)),
        links=links,
    )
    if two_stage is not None and orgs is not None:
        add_two_stage_design(ctx, orgs, two_stage)
    ctx.latent = latent_attitude(ctx, wave_effect)
    generate_answers(ctx)
    ids = pool.ids[members]
    table = response_table(ctx, ids)
    table, faults = inject_faults(questionnaire, table, ctx, fault_rate)
    latent = pd.Series(ctx.latent, index=pd.Index(ids, name=questionnaire.respondent_id))
    return SimulatedData(questionnaire, table, faults, latent)


def add_two_stage_design(ctx: Context, orgs: Organisations, design: TwoStage) -> None:
    """The sampled members' organisation effects and design columns."""
    effects = ctx.persistent("organisation-effect").standard_normal(sum(orgs.count.values()))
    ctx.organisation_effect = effects[orgs.index[ctx.members]]
    ctx.icc = design.icc
    ctx.design_values = {
        design.cluster_column: orgs.number[ctx.members],
        design.organisations_column: np.array([orgs.count[int(c)] for c in ctx.strata]),
        design.members_column: orgs.size[ctx.members],
    }


# ---- writing ------------------------------------------------------------------------------


def faults_path(out: str | Path) -> Path:
    """The faults sidecar beside ``out``: raw/2021.csv → raw/2021.faults.csv."""
    out = Path(out)
    return out.with_name(f"{out.stem}.faults.csv")


def write_simulated(
    sim: SimulatedData, out: str | Path, format: OutputFormat | str = OutputFormat.csv
) -> list[Path]:
    """Write the responses as csv, xlsx or a KoboToolbox-style CSV export, and the faults
    sidecar beside them; both atomically. Returns the paths written."""
    out = Path(out)
    format = OutputFormat(format)
    # the responses and their faults list are one set: swapped in whole
    with staged_folder(out.parent) as staging:
        staged = staging / out.name
        if format is OutputFormat.xlsx:
            write_xlsx(sim, staged)
        elif format is OutputFormat.kobo:
            write_csv(kobo_table(sim), staged)
        else:
            write_csv(sim.responses, staged)
        write_csv(sim.faults.astype({"row": int}).astype(str), faults_path(staged))
    return [out, faults_path(out)]


def submission_uuid(respondent_id: str, submitted: str) -> str:
    digest = hashlib.sha256(f"{respondent_id}|{submitted}".encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def kobo_table(sim: SimulatedData) -> pd.DataFrame:
    """The responses as a KoboToolbox CSV export: ``group/question`` headers (the section
    is the group), select_multiple as a space-separated column plus ``q/option`` 0/1
    columns, metadata ``_uuid``, ``_submission_time``, ``_index``."""
    q = sim.questionnaire
    data = sim.responses
    out: dict[str, list[str]] = {}
    if q.respondent_id in data.columns:
        out[q.respondent_id] = data[q.respondent_id].tolist()
    for section in q.sections:
        for question in section.questions:
            if question.name == q.respondent_id:
                continue
            prefix = f"{section.name}/{question.name}"
            if question.type is QuestionType.likert_grid:
                for item in question.items:
                    out[f"{section.name}/{item.name}"] = data[item.name].tolist()
            elif question.type is QuestionType.multiple:
                dichotomies = [v for v in q.variables() if v.question is question]
                names = [v.name for v in dichotomies]
                codes = [str(v.option.code) for v in dichotomies]
                cells = data[names].to_numpy()
                out[prefix] = [
                    " ".join(c for c, v in zip(codes, row, strict=True) if v.strip() == "1")
                    if any(v != "" for v in row)
                    else ""
                    for row in cells
                ]
                for code, name in zip(codes, names, strict=True):
                    out[f"{prefix}/{code}"] = data[name].tolist()
            else:
                out[prefix] = data[question.name].tolist()
    ids = data[q.respondent_id].tolist()
    times = data["_submission_time"].tolist()
    out["_uuid"] = [submission_uuid(i, t) for i, t in zip(ids, times, strict=True)]
    out["_submission_time"] = times
    out["_index"] = [str(i) for i in range(1, len(data) + 1)]
    for column in data.columns:
        if column.startswith("_") and column not in out:
            out[column] = data[column].tolist()
    return pd.DataFrame(out, dtype=object)


_INTEGER = re.compile(r"-?\d+")


def write_xlsx(sim: SimulatedData, out: Path) -> None:
    """One sheet of responses; canonical codes of numeric variables as numbers, anything
    else (including faulty codes such as '1.0') as text. Byte-identical for the same data:
    fixed document times and zip entry times."""
    numeric = {v.name for v in numeric_variables(sim.questionnaire)} | {
        "_duration_seconds",
        "_simulated",
    }
    wb = Workbook()
    ws = wb.active
    ws.title = "responses (simulated)"
    columns = list(sim.responses.columns)
    ws.append(columns)
    for row in sim.responses.itertuples(index=False):
        ws.append(
            [cell_value(value, name in numeric) for name, value in zip(columns, row, strict=True)]
        )
    save_workbook(wb, out)


def cell_value(value: str, numeric: bool) -> str | int | None:
    if value == "":
        return None
    if numeric and _INTEGER.fullmatch(value):
        return int(value)
    return value
