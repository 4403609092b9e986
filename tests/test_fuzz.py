"""The reader fuzzer (fuzz/fuzz_readers.py) runs for a few seconds per target without finding
a crash: only InputError may leave a reader, whatever the bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).parent.parent / "fuzz" / "fuzz_readers.py"
SECONDS = {"csv": 4, "xlsform": 4, "xlsx": 3}  # with start-up, about 20 s in all


def fuzz(target: str, seconds: int, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(HARNESS), target, f"-max_total_time={seconds}", "-seed=1"],
        cwd=tmp_path,  # libFuzzer writes crash-<hash> files into the working directory
        env={**os.environ, "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )


@pytest.mark.parametrize("target", list(SECONDS))
def test_readers_raise_nothing_but_input_errors(target, tmp_path):
    result = fuzz(target, SECONDS[target], tmp_path)
    crashes = list(tmp_path.glob("crash-*"))
    assert result.returncode == 0 and not crashes, (result.stdout + result.stderr)[-4000:]
    runs = [line for line in result.stderr.splitlines() if line.startswith("Done ")]
    assert runs and int(runs[0].split()[1]) > 0, result.stderr[-2000:]


def test_the_harness_reports_a_reader_that_crashes(tmp_path):
    """A reader raising anything but InputError must fail the run (so the test can fail)."""
    script = tmp_path / "crashing.py"
    script.write_text(
        "import runpy, sys\n"
        f"sys.argv = [{str(HARNESS)!r}, 'csv', '-runs=50', '-seed=1']\n"
        "import pipeline.readers.ingest\n"
        "def broken(*args, **kwargs):\n"
        "    raise ZeroDivisionError('planted')\n"
        "pipeline.readers.ingest.read_responses = broken\n"
        f"runpy.run_path({str(HARNESS)!r}, run_name='__main__')\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "ZeroDivisionError: planted" in result.stdout + result.stderr
    assert list(tmp_path.glob("crash-*"))
