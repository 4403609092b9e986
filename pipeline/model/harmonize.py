"""Wave harmonization: which variable of one survey wave corresponds to which of another.

A harmonization map is a YAML file beside the questionnaires::

    waves: ["2021", "2023"]                  # two or more wave names, oldest first
    questionnaires:                          # questionnaire file of each wave, relative to
      "2021": degradation-2021.yaml          # the map
      "2023": degradation-2023.yaml
    items:                                   # variables compared across every wave
      - name: sex                            # same name and codes in every wave
      - name: eff_online                     # renamed item
        waves:
          "2021": {variable: eff_website}    # a wave not listed uses the variable `name`
      - name: change                         # recoded scale
        codes_from: "2021"                   # codes and value labels of the compared item
        waves:                               # (default: the first wave)
          "2023": {variable: change, recode: {1: 1, 2: 1, 3: 2, 4: 3, 5: 3}}
        note: {vi: ..., en: ...}             # shown beside the comparison (e.g. rewording)
    only_in:                                 # variables asked in one wave only
      "2021": [part_documents]

``recode`` maps a wave's codes onto the codes of the ``codes_from`` wave's variable; codes it
does not list keep their value, and every resulting code must exist there. Every variable of
every questionnaire is either in exactly one item or listed under ``only_in``, so nothing is
left out of a comparison silently. Wave names may be written unquoted (2021); they are text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field, ValidationError

from pipeline.core.errors import InputError
from pipeline.core.labels import Model, Option, Text
from pipeline.core.yamlio import load_yaml_mapping, validation_error_to_input_error
from pipeline.model.questionnaire import Questionnaire, Variable, load_questionnaire

NAME_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")


def _wave_name(value: object) -> object:
    """YAML reads an unquoted 2021 as a number; a wave name is text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


WaveName = Annotated[str, BeforeValidator(_wave_name)]


class WaveVariable(Model):
    """An item's variable in one wave and how its codes map onto the compared codes."""

    variable: str
    recode: dict[int, int] = Field(default_factory=dict)


class Item(Model):
    name: str
    label: Text | None = None
    note: Text | None = None
    codes_from: WaveName | None = None
    waves: dict[WaveName, WaveVariable] = Field(default_factory=dict)


class Harmonization(Model):
    waves: list[WaveName]
    questionnaires: dict[WaveName, str]
    items: list[Item]
    only_in: dict[WaveName, list[str]] = Field(default_factory=dict)

    # Filled by load_harmonization; not part of the YAML.
    source: str = ""
    questionnaire_models: dict[str, Questionnaire] = Field(default_factory=dict, exclude=True)

    def questionnaire(self, wave: str) -> Questionnaire:
        return self.questionnaire_models[wave]

    def reference_wave(self, item: Item) -> str:
        """The wave whose codes and value labels the compared item uses."""
        return item.codes_from or self.waves[0]

    def wave_variable(self, item: Item, wave: str) -> WaveVariable:
        """The item's variable in ``wave``; a wave the item does not list uses its name."""
        return item.waves.get(wave) or WaveVariable(variable=item.name)


@dataclass(frozen=True)
class HarmonizedItem:
    """One compared item: its variable in each wave and the code maps onto common codes.

    ``recodes`` holds, for a categorical item, the complete map of each wave's codes (special
    missing codes included) onto the codes of ``codes_from``; it is empty otherwise.
    """

    name: str
    label: Text
    codes_from: str
    variables: dict[str, Variable]
    recodes: dict[str, dict[int, int]]
    note: Text | None = None

    @property
    def options(self) -> tuple[Option, ...]:
        """The compared item's options: those of its variable in the ``codes_from`` wave."""
        return self.variables[self.codes_from].options

    @property
    def is_categorical(self) -> bool:
        return self.variables[self.codes_from].is_categorical

    @property
    def pii(self) -> bool:
        """True if the variable is PII in any wave (such columns are absent from clean data)."""
        return any(v.pii for v in self.variables.values())

    @property
    def renamed(self) -> bool:
        return len({v.name for v in self.variables.values()}) > 1

    @property
    def recoded(self) -> bool:
        return any(code != new for m in self.recodes.values() for code, new in m.items())


def harmonized_items(h: Harmonization) -> list[HarmonizedItem]:
    """The items compared across the map's waves, in map order."""
    out = []
    for item in h.items:
        ref = h.reference_wave(item)
        variables = {
            w: h.questionnaire(w).variable(h.wave_variable(item, w).variable) for w in h.waves
        }
        recodes = (
            {w: _full_recode(variables[w], h.wave_variable(item, w).recode) for w in h.waves}
            if variables[ref].is_categorical
            else {}
        )
        label = item.label or variables[ref].label
        out.append(HarmonizedItem(item.name, label, ref, variables, recodes, item.note))
    return out


def one_wave_only(h: Harmonization) -> dict[str, list[Variable]]:
    """Per wave, the variables asked in that wave only (to be reported as such)."""
    return {
        w: [h.questionnaire(w).variable(name) for name in h.only_in.get(w, [])] for w in h.waves
    }


def load_harmonization(path: str | Path) -> Harmonization:
    """Load a harmonization map and check it against the questionnaire of every wave.

    Questionnaire paths are relative to the map. Errors name the map file and the field
    (``items.3.waves.2023.recode``), and say what was expected.
    """
    path = Path(path)
    data = load_yaml_mapping(path)
    try:
        h = Harmonization.model_validate({**data, "source": str(path)})
    except ValidationError as exc:
        raise validation_error_to_input_error(exc, str(path)) from None
    _check_structure(h)
    models = {w: _load_wave_questionnaire(h, w, path.parent) for w in h.waves}
    h = h.model_copy(update={"questionnaire_models": models})
    _check_items(h)
    _check_only_in(h)
    _check_coverage(h)
    return h


# ---- checks ---------------------------------------------------------------------------


def _error(h: Harmonization, field: str, message: str) -> InputError:
    return InputError(message, file=h.source, column=field)


def _check_structure(h: Harmonization) -> None:
    """Checks that need no questionnaire: wave names agree everywhere, names are unique."""
    if len(h.waves) < 2 or len(set(h.waves)) != len(h.waves):
        raise _error(h, "waves", f"expected two or more distinct wave names, got {h.waves}")
    known = set(h.waves)
    if set(h.questionnaires) != known:
        raise _error(
            h,
            "questionnaires",
            f"expected one questionnaire file for each wave {h.waves}, "
            f"got entries for {sorted(h.questionnaires)}",
        )
    for wave in h.only_in:
        if wave not in known:
            raise _error(h, f"only_in.{wave}", f"{wave!r} is not one of the waves {h.waves}")
    seen: set[str] = set()
    for i, item in enumerate(h.items):
        if not NAME_PATTERN.match(item.name):
            raise _error(
                h,
                f"items.{i}.name",
                f"{item.name!r} is not a variable name (ASCII letter, then letters, digits or "
                "_, at most 64 characters)",
            )
        if item.name in seen:
            raise _error(h, f"items.{i}.name", f"item {item.name!r} is named twice")
        seen.add(item.name)
        if item.codes_from is not None and item.codes_from not in known:
            raise _error(
                h, f"items.{i}.codes_from", f"{item.codes_from!r} is not one of the waves {h.waves}"
            )
        for wave in item.waves:
            if wave not in known:
                raise _error(
                    h, f"items.{i}.waves.{wave}", f"{wave!r} is not one of the waves {h.waves}"
                )


def _load_wave_questionnaire(h: Harmonization, wave: str, base: Path) -> Questionnaire:
    field = f"questionnaires.{wave}"
    qpath = (base / h.questionnaires[wave]).resolve()
    if not qpath.exists():
        raise _error(h, field, f"the questionnaire file {h.questionnaires[wave]!r} does not exist")
    q = load_questionnaire(qpath)
    if q.wave != wave:
        raise _error(
            h,
            field,
            f"{h.questionnaires[wave]!r} is the questionnaire of wave {q.wave!r}, not {wave!r}",
        )
    return q


def _variable_field(item: Item, index: int, wave: str) -> str:
    if wave in item.waves:
        return f"items.{index}.waves.{wave}.variable"
    return f"items.{index}.name"


def _check_items(h: Harmonization) -> None:
    for i, item in enumerate(h.items):
        variables = {}
        for wave in h.waves:
            name = h.wave_variable(item, wave).variable
            variables[wave] = _find_variable(h, wave, name, _variable_field(item, i, wave))
        ref = h.reference_wave(item)
        for wave in h.waves:
            _check_same_kind(h, i, wave, variables[wave], ref, variables[ref])
            _check_recode(h, i, wave, variables[wave], variables[ref])


def _find_variable(h: Harmonization, wave: str, name: str, field: str) -> Variable:
    try:
        return h.questionnaire(wave).variable(name)
    except KeyError:
        raise _error(
            h,
            field,
            f"{name!r} is not a variable of the {wave} questionnaire ({h.questionnaires[wave]})",
        ) from None


def _check_same_kind(
    h: Harmonization, index: int, wave: str, var: Variable, ref_wave: str, ref: Variable
) -> None:
    """A categorical variable compares only with a categorical one, others with their type."""
    same = (var.is_categorical and ref.is_categorical) or var.question.type is ref.question.type
    if not same:
        raise _error(
            h,
            f"items.{index}.waves.{wave}",
            f"{var.name!r} ({wave}, {var.question.type.value}) cannot be compared with "
            f"{ref.name!r} ({ref_wave}, {ref.question.type.value})",
        )


def _check_recode(h: Harmonization, index: int, wave: str, var: Variable, ref: Variable) -> None:
    field = f"items.{index}.waves.{wave}.recode"
    recode = h.wave_variable(h.items[index], wave).recode
    if not var.is_categorical:
        if recode:
            raise _error(
                h, field, f"{var.name!r} has no codes to recode ({var.question.type.value})"
            )
        return
    codes = var.valid_codes()
    unknown = sorted(set(recode) - set(codes))
    if unknown:
        raise _error(
            h, field, f"codes {unknown} are not codes of {var.name!r} ({wave}); its codes: {codes}"
        )
    target = set(ref.valid_codes())
    full = _full_recode(var, recode)
    outside = sorted({new for new in full.values() if new not in target})
    if outside:
        raise _error(
            h,
            field,
            f"{var.name!r} ({wave}) would map onto codes {outside}, which {ref.name!r} does not "
            f"have (its codes: {sorted(target)}); add them to recode",
        )


def _full_recode(var: Variable, recode: dict[int, int]) -> dict[int, int]:
    return {code: recode.get(code, code) for code in var.valid_codes()}


def _check_only_in(h: Harmonization) -> None:
    for wave, names in h.only_in.items():
        for k, name in enumerate(names):
            _find_variable(h, wave, name, f"only_in.{wave}.{k}")


def _check_coverage(h: Harmonization) -> None:
    """Each variable of each wave is in exactly one item or in only_in, never both."""
    for wave in h.waves:
        places: dict[str, list[str]] = {}
        for i, item in enumerate(h.items):
            name = h.wave_variable(item, wave).variable
            places.setdefault(name, []).append(_variable_field(item, i, wave))
        for k, name in enumerate(h.only_in.get(wave, [])):
            places.setdefault(name, []).append(f"only_in.{wave}.{k}")
        for name, fields in places.items():
            if len(fields) > 1:
                raise _error(
                    h, fields[1], f"{name!r} ({wave}) is mapped more than once: {', '.join(fields)}"
                )
        for var in h.questionnaire(wave).variables():
            if var.name not in places:
                raise _error(
                    h,
                    f"only_in.{wave}",
                    f"variable {var.name!r} of the {wave} questionnaire is neither in an item "
                    f"nor listed under only_in.{wave}",
                )
