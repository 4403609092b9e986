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
        "label": {"vi": "Mã tổ chức cơ sở", "en": "Grassroots organisation number"},
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
