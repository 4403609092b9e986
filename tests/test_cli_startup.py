"""The `survey` command starts fast: its help imports none of the heavy libraries, which each
command imports when it runs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline.cli.allocate import AllocationMethod
from pipeline.statistics.allocate import Method

HEAVY = ("pandas", "numpy", "scipy", "pyarrow", "matplotlib", "pyreadstat", "openpyxl")

PROBE = """
import json, sys
from pipeline.cli.app import run
code = run(sys.argv[2:]) if sys.argv[2:] else 0
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.argv[1])))
print(json.dumps(heavy))
"""


def heavy_modules_loaded(*argv: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(HEAVY), *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_app_imports_no_heavy_library():
    assert heavy_modules_loaded() == []


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["crosstab", "--help"], ["ingest", "--help"], ["allocate", "--help"],
     ["simulate", "--help"], ["compare-waves", "--help"], ["report", "--help"]],
)  # fmt: skip
def test_help_imports_no_heavy_library(argv):
    assert heavy_modules_loaded(*argv) == []


def test_the_allocate_command_offers_exactly_the_allocation_methods():
    assert [m.value for m in AllocationMethod] == [m.value for m in Method]
