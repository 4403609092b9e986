"""The cleaning rules, their allowed actions, and the cleaning config that picks an action each.

Value rules look at one variable of one respondent; row rules look at a whole respondent.
The config (YAML) lists only what differs from the defaults below, e.g.::

    rules:
      duplicate_content: {action: quarantine}
      invalid_code: {action: set_missing, missing_code: 97}
    min_duration_seconds: 180
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field, NonNegativeFloat, PositiveInt, ValidationError, model_validator

from pipeline.core.errors import InputError
from pipeline.core.labels import Model
from pipeline.core.yamlio import load_yaml_mapping, validation_error_to_input_error


class Action(StrEnum):
    normalise = "normalise"  # rewrite the value in canonical form (trim, NFC, "1.0" -> 1)
    set_missing = "set_missing"  # empty the value, or set a named missing code
    flag = "flag"  # keep the value; log it and name the rule in the row's _flags
    quarantine = "quarantine"  # the whole row goes to the quarantine file with the reason


class Rule(StrEnum):
    # value rules, derived from the questionnaire
    normalise = "normalise"
    not_a_number = "not_a_number"  # a code or integer answer that is not an integer
    invalid_code = "invalid_code"  # a code not among the variable's options (missing codes count)
    invalid_dichotomy = "invalid_dichotomy"  # a multiple-choice column other than 0/1
    out_of_range = "out_of_range"  # an integer outside the question's range
    invalid_date = "invalid_date"  # not an ISO date YYYY-MM-DD
    skip_violation = "skip_violation"  # an answer where `relevant` is False
    required_missing = "required_missing"  # no answer where required and relevant
    constraint = "constraint"  # the question's constraint is False for the answer
    # row rules, data quality
    missing_id = "missing_id"
    empty_row = "empty_row"  # no substantive answer at all
    duplicate_id = "duplicate_id"  # same respondent id as an earlier row
    duplicate_content = "duplicate_content"  # same answers as an earlier row, different id
    straight_lining = "straight_lining"  # all items of a long grid identical
    short_duration = "short_duration"  # _duration_seconds below the threshold
    # a design value (the stratum) missing or not in the frame: the row cannot be weighted
    invalid_design_value = "invalid_design_value"


ROW_RULES = frozenset(
    {
        Rule.missing_id,
        Rule.empty_row,
        Rule.duplicate_id,
        Rule.duplicate_content,
        Rule.straight_lining,
        Rule.short_duration,
    }
)

_SM, _FL, _QU = Action.set_missing, Action.flag, Action.quarantine

# Values that cannot be typed (text in a code column, a malformed date) cannot be kept with a
# flag: the typed parquet has no place for them.
ALLOWED_ACTIONS: dict[Rule, frozenset[Action]] = {
    Rule.normalise: frozenset({Action.normalise}),
    Rule.not_a_number: frozenset({_SM, _QU}),
    Rule.invalid_code: frozenset({_SM, _FL, _QU}),
    Rule.invalid_dichotomy: frozenset({_SM, _FL, _QU}),
    Rule.out_of_range: frozenset({_SM, _FL, _QU}),
    Rule.invalid_date: frozenset({_SM, _QU}),
    # a removed answer must stay removed: setting a code here would re-trigger the rule
    Rule.skip_violation: frozenset({_SM, _FL, _QU}),
    Rule.required_missing: frozenset({_FL, _QU}),
    Rule.constraint: frozenset({_SM, _FL, _QU}),
    **{rule: frozenset({_FL, _QU}) for rule in ROW_RULES},
    # never kept with a blank: weighting and every later stage need the design values
    Rule.invalid_design_value: frozenset({_QU}),
}

DEFAULT_ACTIONS: dict[Rule, Action] = {
    Rule.normalise: Action.normalise,
    Rule.not_a_number: _SM,
    Rule.invalid_code: _SM,
    Rule.invalid_dichotomy: _SM,
    Rule.out_of_range: _SM,
    Rule.invalid_date: _SM,
    Rule.skip_violation: _SM,
    Rule.required_missing: _FL,
    Rule.constraint: _FL,
    Rule.missing_id: _QU,
    Rule.empty_row: _QU,
    Rule.duplicate_id: _QU,
    Rule.duplicate_content: _FL,
    Rule.straight_lining: _FL,
    Rule.short_duration: _FL,
    Rule.invalid_design_value: _QU,
}


class RuleSetting(Model):
    """The action for one rule. ``missing_code``: with set_missing, the code to set instead of
    an empty value, used for variables that have it among their missing codes."""

    action: Action
    missing_code: int | None = None


class CleaningConfig(Model):
    """Which action each rule takes, and the data-quality thresholds.

    ``straight_lining_min_items``: grids with fewer items are not checked.
    ``min_duration_seconds``: interviews shorter than this (seconds) trip short_duration.
    """

    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    straight_lining_min_items: PositiveInt = 4
    min_duration_seconds: NonNegativeFloat = 120.0

    @model_validator(mode="after")
    def _check_rules(self) -> CleaningConfig:
        problems = rule_problems(self.rules)
        if problems:
            raise ValueError("; ".join(f"{key}: {msg}" for key, msg in problems))
        return self

    def setting(self, rule: Rule) -> RuleSetting:
        return self.rules.get(rule.value) or RuleSetting(action=DEFAULT_ACTIONS[rule])

    def action(self, rule: Rule) -> Action:
        return self.setting(rule).action


def rule_problems(rules: dict[str, RuleSetting]) -> list[tuple[str, str]]:
    """(config key, what is wrong) for unknown rule names and actions a rule cannot take."""
    known = {r.value for r in Rule}
    problems = []
    for name, setting in rules.items():
        if name not in known:
            problems.append((f"rules.{name}", f"unknown rule; expected one of {sorted(known)}"))
            continue
        allowed = ALLOWED_ACTIONS[Rule(name)]
        if setting.action not in allowed:
            problems.append(
                (
                    f"rules.{name}.action",
                    f"{setting.action.value!r} is not an action of this rule; "
                    f"expected one of {sorted(a.value for a in allowed)}",
                )
            )
        elif setting.missing_code is not None and setting.action is not Action.set_missing:
            problems.append((f"rules.{name}.missing_code", "only used with set_missing"))
    return problems


def _first_problem(data: dict) -> tuple[str, str] | None:
    """Check rule names and action words before pydantic, so errors name the exact key."""
    rules = data.get("rules")
    if not isinstance(rules, dict):
        return None
    known = {r.value for r in Rule}
    actions = {a.value for a in Action}
    for name, setting in rules.items():
        if name not in known:
            return f"rules.{name}", f"unknown rule; expected one of {sorted(known)}"
        action = setting.get("action") if isinstance(setting, dict) else None
        if action is not None and action not in actions:
            return f"rules.{name}.action", f"unknown action {action!r}; expected {sorted(actions)}"
        if action is not None:
            parsed = {"action": action, "missing_code": setting.get("missing_code")}
            try:
                checked = RuleSetting.model_validate(parsed)
            except ValidationError:
                continue  # pydantic reports it with its path
            for key, message in rule_problems({name: checked}):
                return key, message
    return None


def load_cleaning_config(path: str | Path) -> CleaningConfig:
    """Read a cleaning config YAML; errors name the file and the offending key."""
    data = load_yaml_mapping(path)
    problem = _first_problem(data)
    if problem:
        key, message = problem
        raise InputError(message, file=str(path), column=key)
    try:
        return CleaningConfig.model_validate(data)
    except ValidationError as exc:
        raise validation_error_to_input_error(exc, str(path)) from None
