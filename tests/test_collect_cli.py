"""`survey collect` from the command line: cards, close and export, as a researcher runs
them, and one-line errors for bad input."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pandas as pd

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect.answers import FormRules
from tests.collect_support import (
    DEFAULT_QUESTIONNAIRE,
    client_for,
    post_xml,
    random_fields,
    submission_xml,
)


def survey(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "collect", *args],
                          capture_output=True, text=True, cwd=cwd)  # fmt: skip


def test_cards_close_and_export_from_the_command_line(tmp_path):
    db = str(tmp_path / "wave.sqlite")
    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    made = survey("cards", str(DEFAULT_QUESTIONNAIRE), "--wave", "2024", "--count", "4",
                  "--url", "https://survey.example/", "--out", str(tmp_path / "cards.pdf"),
                  "--db", db)  # fmt: skip
    assert made.returncode == 0, made.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "cards.pdf"), "-"],
                          capture_output=True, text=True).stdout  # fmt: skip
    codes = re.findall(r"\b[0-9A-Z]{5}-[0-9A-Z]{5}\b", text)
    assert len(codes) == 4 and "https://survey.example/" in text
    client, store = client_for(q, db, access="one-time")
    rules = FormRules(q)
    rng = np.random.default_rng(2)
    for code in codes[:3]:
        xml = submission_xml(q, random_fields(q, rules, rng))
        assert post_xml(client, xml, f"/key/{code}/submission").status_code == 201
    store.engine.dispose()
    assert survey("close", "--wave", "2024", "--db", db).returncode == 0
    out = tmp_path / "raw" / "2024.csv"
    exported = survey("export", str(DEFAULT_QUESTIONNAIRE), "--wave", "2024", "--db", db,
                      "--out", str(out))  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert len(pd.read_csv(out)) == 3


def test_an_unknown_access_mode_is_a_one_line_error(tmp_path):
    result = survey("serve", str(DEFAULT_QUESTIONNAIRE), "--wave", "2024", "--access", "public",
                    "--db", str(tmp_path / "w.sqlite"))  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("error: unknown access mode")
    assert "Traceback" not in result.stderr
