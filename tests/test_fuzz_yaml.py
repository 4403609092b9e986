"""The YAML fuzzer (fuzz/fuzz_yaml.py) runs for a few seconds without finding a crash: only
InputError may leave the loaders of questionnaires, frames, cleaning configs and maps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HARNESS = Path(__file__).parent.parent / "fuzz" / "fuzz_yaml.py"


def test_yaml_loaders_raise_nothing_but_input_errors(tmp_path):
    result = subprocess.run(
        [sys.executable, str(HARNESS), "-max_total_time=4", "-seed=1"],
        cwd=tmp_path,  # libFuzzer writes crash-<hash> files into the working directory
        env={**os.environ, "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0 and not list(tmp_path.glob("crash-*")), result.stderr[-4000:]
    runs = [line for line in result.stderr.splitlines() if line.startswith("Done ")]
    assert runs and int(runs[0].split()[1]) > 0, result.stderr[-2000:]


def test_the_harness_reports_a_loader_that_crashes(tmp_path):
    script = tmp_path / "crashing.py"
    script.write_text(
        "import runpy, sys\n"
        f"sys.argv = [{str(HARNESS)!r}, '-runs=20', '-seed=1']\n"
        "import pipeline.model.frame\n"
        "def broken(*args, **kwargs):\n"
        "    raise RecursionError('planted')\n"
        "pipeline.model.frame.load_frame = broken\n"
        f"runpy.run_path({str(HARNESS)!r}, run_name='__main__')\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=90
    )
    assert result.returncode != 0
    assert "RecursionError: planted" in result.stdout + result.stderr
