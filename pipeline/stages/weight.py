"""The weighting stage: design weights N_h / n_h from the frame and the realised sample,
finite population correction, optional calibration to the frame's known margins and
weight trimming. Adds the design columns ``_stratum``, ``_weight``, ``_fpc`` to the clean
data (docs/schemas.md) and records the design in the file's metadata."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from pipeline.core.columns import require_columns
from pipeline.core.errors import InputError
from pipeline.model.frame import Frame, Margin
from pipeline.model.questionnaire import Questionnaire
from pipeline.statistics.replicate_design import ReplicateOptions
from pipeline.statistics.survey import Survey, check_lonely_psu, rake, trim_weights

DESIGN_COLUMNS = ("_stratum", "_weight", "_fpc")


@dataclass(frozen=True)
class WeightOptions:
    """How to weight. ``trim_upper`` caps weights (people per respondent) when given.

    The design block: ``clusters`` names the data's cluster column of each sampling stage
    (none: each respondent is its own PSU, the stratified design of the frame); ``nest``
    says cluster ids repeat across strata; ``cluster_fpc`` names, per stage, a column with
    the population count of units (or the sampling fraction) of the respondent's stratum
    at that stage. Without ``cluster_fpc`` a cluster design has no FPC (PSUs drawn with
    replacement, as R's ``svydesign(id=~psu, weights=)``); ``fpc=False`` drops it too.
    ``replicates`` (:meth:`ReplicateOptions.record`): the data bring replicate weight
    columns, and ``sampling_weight`` names their sampling weight column: the design is then
    R's ``svrepdesign`` on them, and the weights are the data's, not N_h / n_h.
    """

    fpc: bool = True
    lonely_psu: str = "fail"
    calibrate: bool = True
    trim_upper: float | None = None
    clusters: tuple[str, ...] = ()
    nest: bool = False
    cluster_fpc: tuple[str, ...] = ()
    replicates: dict | None = None
    sampling_weight: str | None = None

    def __post_init__(self) -> None:
        check_lonely_psu(self.lonely_psu, column="lonely_psu")
        # Options read back from JSON metadata come as lists.
        object.__setattr__(self, "clusters", tuple(self.clusters))
        object.__setattr__(self, "cluster_fpc", tuple(self.cluster_fpc))
        if self.replicates is not None:
            check_replicate_block(self)
        if self.cluster_fpc and len(self.cluster_fpc) != len(self.clusters):
            raise InputError(
                f"give one cluster fpc column per stage ({len(self.clusters)} cluster "
                f"column(s)), got {len(self.cluster_fpc)}",
                column="cluster_fpc",
            )


def check_replicate_block(options: WeightOptions) -> None:
    """Replicate weights carry the design and bring their own sampling weight."""
    ReplicateOptions(**options.replicates)  # a record that reads back
    if options.clusters or options.cluster_fpc:
        raise InputError(
            "replicate weights carry the design: give them without clusters and cluster fpc",
            column="replicate_weights",
        )
    if options.sampling_weight is None:
        raise InputError(
            "replicate weights need the data's sampling weight column (design.weight or "
            "--sampling-weight)",
            column="sampling_weight",
        )


def design_block(
    questionnaire: Questionnaire,
    clusters: tuple[str, ...] | None = None,
    nest: bool | None = None,
    cluster_fpc: tuple[str, ...] | None = None,
) -> dict:
    """The design block to weight with: each of ``clusters``, ``nest`` and ``cluster_fpc``
    as given (the command line, which params.yaml feeds), else the questionnaire's
    ``design:`` block (``clusters``, ``nest``, ``fpc``), else none (a stratified sample).

    The block is overridden option by option: ``--cluster`` alone keeps the questionnaire's
    ``nest`` and ``fpc`` (and the one-fpc-per-stage check then says if they no longer fit).
    """
    design = questionnaire.design
    return {
        "clusters": tuple(design.clusters) if clusters is None else tuple(clusters),
        "nest": design.nest if nest is None else nest,
        "cluster_fpc": tuple(design.fpc) if cluster_fpc is None else tuple(cluster_fpc),
    }


def replicate_block(
    questionnaire: Questionnaire,
    replicates: ReplicateOptions | None = None,
    sampling_weight: str | None = None,
) -> dict:
    """The replicate weights to weight with: ``replicates`` as given (all its options
    together, from the command line), else the questionnaire's ``design.replicate_weights``;
    the sampling weight column as given, else ``design.weight``."""
    design = questionnaire.design
    block = design.replicate_weights
    if replicates is None and block is not None:
        replicates = ReplicateOptions(
            block.columns, block.type, block.scale, tuple(block.rscales), block.rho,
            block.mse, block.combined,
        )  # fmt: skip
    if replicates is None:
        return {}
    return {
        "replicates": replicates.record(),
        "sampling_weight": sampling_weight or design.weight,
    }


def stratum_codes(data: pd.DataFrame, questionnaire: Questionnaire, frame: Frame) -> pd.Series:
    """The stratum code of every respondent, checked against the frame."""
    variable = questionnaire.require_stratum().variable
    if variable not in data.columns:
        raise InputError(f"the stratum variable {variable!r} is not in the data", column=variable)
    codes = pd.to_numeric(data[variable], errors="coerce").astype("Int64")
    known = set(frame.sizes())
    bad = codes.isna() | ~codes.isin(known)
    if bad.any():
        first = int(np.flatnonzero(bad.to_numpy())[0])
        row = data["_source_row"].iloc[first] if "_source_row" in data.columns else first + 2
        raise InputError(
            f"expected a stratum code of the frame ({', '.join(map(str, sorted(known)))}), "
            f"got {str(data[variable].iloc[first])!r}; {int(bad.sum())} row(s) have no valid "
            "stratum (clean quarantines such rows)",
            row=int(row),
            column=variable,
        )
    return codes


def calibrate(
    design: Survey,
    data: pd.DataFrame,
    strata: pd.Series,
    sizes: dict[int, int],
    frame_margins: list[Margin],
) -> Survey:
    """Rake to the stratum sizes and every margin the frame declares.

    A margin given by stratum (e.g. sex within member category) is a joint margin on the
    stratum × value cells; alone it is post-stratification.
    """
    margins: dict[str, list] = {"_stratum": strata.tolist()}
    totals: dict[str, dict] = {"_stratum": sizes}
    for margin in frame_margins:
        if margin.variable not in data.columns:
            raise InputError(
                f"the frame gives margins for {margin.variable!r}, which is not in the data",
                column=margin.variable,
            )
        values = pd.to_numeric(data[margin.variable], errors="coerce").astype("Int64")
        if values.isna().any():
            raise InputError(
                f"{int(values.isna().sum())} respondent(s) have no value for the margin "
                f"variable; calibration needs a value for everyone",
                column=margin.variable,
            )
        if margin.counts:
            margins[margin.variable] = values.tolist()
            totals[margin.variable] = dict(margin.counts)
        if margin.by_stratum:
            name = f"_stratum×{margin.variable}"
            margins[name] = [f"{s}:{v}" for s, v in zip(strata, values, strict=True)]
            totals[name] = {
                f"{s}:{v}": count
                for s, counts in margin.by_stratum.items()
                for v, count in counts.items()
            }
    if len(margins) == 1:
        return design
    return rake(design, margins, totals)


def build_design(
    data: pd.DataFrame,
    strata: pd.Series,
    sizes: dict[int, int],
    margins: list[Margin],
    options: WeightOptions,
) -> Survey:
    """Weights N_h / n_h, then calibration to ``margins`` and trimming as ``options`` say.

    The calibration steps stay on the design, so variances are those of the calibrated
    estimator (as R's survey package computes them after rake/postStratify).
    """
    with_strata = data.assign(_stratum=strata.astype("int64").to_numpy())
    if options.replicates is not None:
        return replicate_design(with_strata, margins, options)
    design = Survey.stratified(
        with_strata,
        strata="_stratum",
        population=sizes,
        fpc=options.fpc,
        lonely_psu=options.lonely_psu,
    )
    if options.clusters:
        design = Survey.design(
            with_strata.assign(_design_weight=design.weights),
            clusters=options.clusters,
            strata="_stratum",
            weight="_design_weight",
            fpc=options.cluster_fpc if options.fpc else (),
            nest=options.nest,
            lonely_psu=options.lonely_psu,
        )
    if options.calibrate and margins:
        design = calibrate(design, data, strata, sizes, margins)
    if options.trim_upper is not None:
        design = trim_weights(design, options.trim_upper)
    return design


def replicate_design(data: pd.DataFrame, margins: list[Margin], options: WeightOptions) -> Survey:
    """R's svrepdesign on the data's replicate weights and sampling weight; calibrating or
    trimming them would need every replicate re-calibrated, which is not done here."""
    if options.calibrate and margins:
        raise InputError(
            "the frame has margins, but a replicate-weight design is not calibrated here: "
            "weight with --no-calibrate (the replicate weights keep their own calibration)",
            column="margins",
        )
    if options.trim_upper is not None:
        raise InputError("replicate weights are not trimmed here", column="trim_upper")
    assert options.replicates is not None
    return ReplicateOptions(**options.replicates).survey(data, options.sampling_weight, None)


def check_sample_fits_frame(strata: pd.Series, sizes: dict[int, int], frame_file: str | None):
    """A stratum cannot have more respondents than the frame says it has people."""
    counts = strata.value_counts()
    over = [(int(code), int(n)) for code, n in counts.items() if n > sizes[int(code)]]
    if over:
        code, n = over[0]
        raise InputError(
            f"stratum {code} has {n} respondents in the data but a population of "
            f"{sizes[code]} in the frame; is the frame for this survey?",
            file=frame_file,
            column=f"strata.{code}.population",
        )


def weight(
    data: pd.DataFrame,
    questionnaire: Questionnaire,
    frame: Frame,
    options: WeightOptions,
    frame_file: str | None = None,
) -> tuple[pd.DataFrame, dict]:
    """The data with the design columns added, and the design's description for metadata.

    ``frame_file`` names the frame in errors about it."""
    strata = stratum_codes(data, questionnaire, frame)
    sizes = frame.sizes()
    check_sample_fits_frame(strata, sizes, frame_file)
    margins = list(frame.margins) if options.calibrate else []
    design = build_design(data, strata, sizes, margins, options)
    out = data.drop(columns=[c for c in DESIGN_COLUMNS if c in data.columns]).copy()
    out["_stratum"] = strata.to_numpy()
    out["_weight"] = design.weights
    out["_fpc"] = strata.map(sizes).astype(float).to_numpy()
    n_h = strata.value_counts().sort_index()
    description = {
        "strata": questionnaire.stratum.variable,
        "options": _recorded_options(options),
        "stratum_sizes": {str(k): v for k, v in sizes.items()},
        "sample_sizes": {str(k): int(v) for k, v in n_h.items()},
        "calibrated_to": [m.variable for m in margins],
        "margins": [m.model_dump(mode="json") for m in margins],
        "kish_deff": design.kish_deff,
        "effective_n": design.effective_n,
        "degrees_of_freedom": design.df,
    }
    if options.clusters:
        description["psu"] = design.n_psu
    if design.replicates is not None:
        description["replicates"] = design.replicates.n_replicates
    return out, description


def _recorded_options(options: WeightOptions) -> dict:
    """The options as the metadata records them; a stratified design's record has no design
    block keys, so it stays what it was before cluster designs existed."""
    recorded = asdict(options)
    if options.replicates is None:
        for key in ("replicates", "sampling_weight"):
            recorded.pop(key)
    if not options.clusters:
        for key in ("clusters", "nest", "cluster_fpc"):
            recorded.pop(key)
    else:
        recorded["clusters"] = list(options.clusters)
        recorded["cluster_fpc"] = list(options.cluster_fpc)
    return recorded


# ---- child tables (repeats): the parent's design carried down -----------------------------

PARENT_KEY = "_parent_id"
# A child table's first-stage unit when the design has no clusters: its parent submission.
CHILD_PSU = "_parent_psu"


def carry_down(
    child: pd.DataFrame, parent: pd.DataFrame, parent_design: dict, table: str
) -> tuple[pd.DataFrame, dict]:
    """A repeat's child table with its parent submission's design columns: ``_stratum``,
    ``_weight``, ``_fpc`` and the design's cluster and cluster-FPC columns, joined on
    ``_parent_id`` = the parent's ``respondent_id``.

    At the child level the parent submission is a cluster (persons in households): with no
    clusters in the design the parent's respondent id becomes the PSU (``_parent_psu``); with
    clusters the parent's clusters carry down. The weights are the parent's final weights,
    taken as fixed (a calibrated parent's child-level variances do not re-run the
    calibration). Returns the weighted child table and its design description.
    """
    options = WeightOptions(**parent_design.get("options", {}))
    carried = [*DESIGN_COLUMNS, *options.clusters, *options.cluster_fpc]
    clash = [c for c in [*carried, CHILD_PSU] if c in child.columns]
    if clash:
        raise InputError(
            f"the {table} table already has a column named like the design's {clash[0]!r}",
            column=clash[0],
        )
    require_columns(child, [PARENT_KEY], None)
    by_id = parent.set_index(parent["respondent_id"].astype(str))[list(dict.fromkeys(carried))]
    keys = child[PARENT_KEY].astype(str)
    orphans = ~keys.isin(by_id.index)
    if orphans.any():
        first = int(np.flatnonzero(orphans.to_numpy())[0])
        raise InputError(
            f"{int(orphans.sum())} row(s) of {table} have no weighted parent submission "
            f"(e.g. {keys.iloc[first]!r}); clean the wave again so that both tables agree",
            row=int(child["_source_row"].iloc[first]) if "_source_row" in child else None,
            column=PARENT_KEY,
        )
    out = child.copy()
    for column in by_id.columns:
        out[column] = by_id[column].reindex(keys).to_numpy()
    if not options.clusters:
        out[CHILD_PSU] = keys.to_numpy()
    description = {
        **{k: v for k, v in parent_design.items() if k in ("strata", "options")},
        # the parent's calibrated weights are taken as fixed here: no margins to re-rake
        "parent_calibrated_to": parent_design.get("calibrated_to", []),
        "table": table,
        "psu": list(options.clusters) or [CHILD_PSU],
        "parent_psu": "clusters" if options.clusters else "parent submission",
        "stratum_sizes": parent_design.get("stratum_sizes", {}),
        "n_parents": int(keys.nunique()),
    }
    return out, description


def child_design(data: pd.DataFrame, description: dict) -> Survey:
    """The design of a weighted child table: R's
    ``svydesign(id=~<parent PSU>, strata=~_stratum, fpc=~_fpc, weights=~_weight)`` on the
    child rows, the PSU being the parent submission (or the parent's clusters)."""
    options = WeightOptions(**description.get("options", {}))
    clusters = options.clusters or (CHILD_PSU,)
    fpc: tuple[str, ...] = ()
    if options.fpc:
        fpc = options.cluster_fpc if options.clusters else ("_fpc",)
    return Survey.design(
        data,
        clusters=clusters,
        strata="_stratum",
        weight="_weight",
        fpc=fpc,
        nest=options.nest,
        lonely_psu=options.lonely_psu,
    )


def design_of(data: pd.DataFrame, meta: dict) -> Survey:
    """The design of weighted data (a ``.weighted.parquet`` and its metadata).

    The design is rebuilt from the stratum codes, the stratum sizes and the recorded options
    and margins, so a calibrated design keeps its calibration for the variances; the rebuilt
    weights must equal the file's ``_weight`` column.
    """
    missing = [c for c in DESIGN_COLUMNS if c not in data.columns]
    if missing:
        raise InputError(
            f"the data have no design columns {missing}; run `survey weight` first",
            column=missing[0],
        )
    description = meta.get("design", {})
    if description.get("table"):
        return child_design(data, description)
    options = WeightOptions(**description.get("options", {}))
    require_columns(data, [*options.clusters, *options.cluster_fpc], None)
    if options.sampling_weight is not None:
        require_columns(data, [options.sampling_weight], None)
    strata = pd.Series(data["_stratum"].to_numpy(), index=data.index).astype("Int64")
    sizes = {int(s): float(n) for s, n in zip(strata, data["_fpc"], strict=True)}
    margins = [Margin.model_validate(m) for m in description.get("margins", [])]
    design = build_design(data, strata, sizes, margins, options)
    recorded = data["_weight"].to_numpy(dtype=float)
    if not np.allclose(design.weights, recorded, rtol=1e-9, atol=0):
        raise InputError(
            "the _weight column differs from the weights the recorded design gives; "
            "rerun `survey weight`",
            column="_weight",
        )
    return design
