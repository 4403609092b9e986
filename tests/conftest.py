import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.model.questionnaire import Questionnaire, load_questionnaire
from pipeline.statistics.survey import Survey

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
ORACLES = Path(__file__).parent / "oracles"
REL = 1e-6  # numbers must match R's survey package to this relative tolerance


def close(actual, expected, rel=REL):
    """Equal to R's value within ``rel`` (no absolute slack: zeros must be zeros)."""
    np.testing.assert_allclose(np.ravel(actual), np.ravel(expected), rtol=rel, atol=0)


@pytest.fixture(scope="session")
def oracle() -> dict:
    """R's numbers written by tests/oracles/make_oracles.R."""
    return json.loads((ORACLES / "oracles.json").read_text())


@pytest.fixture(scope="session")
def api():
    """R's apistrat sample and its design: strata stype, weights pw, FPC from fpc."""
    df = pd.read_csv(ORACLES / "apistrat.csv")
    return df, Survey.from_weights(df, weight="pw", strata="stype", population="fpc")


@pytest.fixture(scope="session", params=["fpc", "nofpc"])
def synth(request):
    """The 5-stratum synthetic survey shaped like the default one, with and without FPC."""
    df = pd.read_csv(ORACLES / "synth5.csv")
    design = Survey.stratified(df, strata="stratum", population="N_h", fpc=request.param == "fpc")
    return request.param, df, design


@pytest.fixture
def mini() -> Questionnaire:
    """The small reference questionnaire that exercises every question type."""
    return load_questionnaire(FIXTURES / "mini.yaml")


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster on 127.0.0.1 for the collect tests."""
    from tests.collect_support import PostgresCluster

    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def collect_db(request, tmp_path) -> str:
    """A fresh collection database: an SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "collect.sqlite")
    return request.getfixturevalue("postgres").new_database()
