from pathlib import Path

import pytest

from pipeline.questionnaire import Questionnaire, load_questionnaire

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def mini() -> Questionnaire:
    """The small reference questionnaire that exercises every question type."""
    return load_questionnaire(FIXTURES / "mini.yaml")
