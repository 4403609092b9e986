"""A questionnaire for a two-stage survey (members drawn through their organisations): the
mini questionnaire with the three integer questions a two-stage sample fills (organisation
number, the stratum's number of organisations, the organisation's number of members), and a
frame large enough for a few hundred organisations. Written into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import FIXTURES

DESIGN_QUESTIONS = [
    {
        "name": "org_id",
        "type": "integer",
        "label": {"vi": "Tổ chức cơ sở", "en": "Grassroots organisation"},
        "range": [1, 100000],
        "required": True,
    },
    {
        "name": "n_orgs",
        "type": "integer",
        "label": {"vi": "Số tổ chức của khối", "en": "Organisations in the member category"},
        "range": [1, 100000],
        "required": True,
    },
    {
        "name": "org_members",
        "type": "integer",
        "label": {"vi": "Số đảng viên của tổ chức", "en": "Members of the organisation"},
        "range": [1, 100000],
        "required": True,
    },
]


def write_two_stage_questionnaire(folder: Path, populations: tuple[int, int]) -> Path:
    """mini.yaml plus the design questions (first section), with a frame of ``populations``
    members in its two strata; returns the questionnaire's path."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    spec["sections"][0]["questions"][1:1] = DESIGN_QUESTIONS
    spec["stratum"]["frame"] = "frame.yaml"
    frame = yaml.safe_load((FIXTURES / "mini-frame.yaml").read_text(encoding="utf-8"))
    for stratum, population in zip(frame["strata"], populations, strict=True):
        stratum["population"] = population
    (folder / "frame.yaml").write_text(yaml.safe_dump(frame, allow_unicode=True), "utf-8")
    path = folder / "two-stage.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), "utf-8")
    return path


# The params.yaml of a project whose survey is a two-stage sample: the default's blocks, with
# the design block of `weight:` filled in (organisations, then members; an FPC per stage).
TWO_STAGE_PARAMS = """\
waves:
  "2021": {questionnaire: questionnaires/two-stage-2021.yaml, n: 400, seed: 2021, wave_effect: 0.0}
  "2023": {questionnaire: questionnaires/two-stage-2023.yaml, n: 400, seed: 2023, wave_effect: 0.3}
simulate:
  fault_rate: 0.02
  member_seed: 20161030
  organisation-size: 25
  members-per-organisation: 8
  icc: 0.2
weight:
  fpc: true
  lonely-psu: fail
  cluster: [org_id, respondent_id]
  nest: true
  cluster-fpc: [n_orgs, org_members]
"""


def write_two_stage_project(root: Path) -> Path:
    """questionnaires/ (two waves of the two-stage questionnaire, their frame and a map that
    links every item) and params.yaml under ``root``; returns ``root``."""
    folder = root / "questionnaires"
    first = write_two_stage_questionnaire(folder, (3000, 2000))
    spec = yaml.safe_load(first.read_text(encoding="utf-8"))
    first.rename(folder / "two-stage-2021.yaml")
    spec["wave"] = "2023"
    (folder / "two-stage-2023.yaml").write_text(
        yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), "utf-8"
    )
    names = [
        name
        for section in spec["sections"]
        for question in section["questions"]
        for name in item_names(question, spec["choice_lists"])
    ]
    links = {
        "waves": ["2021", "2023"],
        "questionnaires": {"2021": "two-stage-2021.yaml", "2023": "two-stage-2023.yaml"},
        "items": [{"name": name} for name in names],
    }
    (folder / "map.yaml").write_text(yaml.safe_dump(links, sort_keys=False), "utf-8")
    (root / "params.yaml").write_text(TWO_STAGE_PARAMS, "utf-8")
    return root


def item_names(question: dict, choice_lists: dict) -> list[str]:
    """The variables a question of the YAML makes (a grid's items, a multiple choice's
    one column per option)."""
    if question["type"] == "likert_grid":
        return [item["name"] for item in question["items"]]
    if question["type"] == "multiple":
        options = choice_lists[question["choices"]]["options"]
        return [f"{question['name']}_{o['code']}" for o in options]
    return [question["name"]]
