"""Run the whole pipeline (`dvc repro`) with a progress display."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.core.errors import InputError

_STAGE_LINE = re.compile(r"^Running stage '([^']+)'")


def stage_names(repo: Path) -> list[str]:
    """Every stage of dvc.yaml, foreach/matrix expansions included."""
    result = subprocess.run(
        ["dvc", "stage", "list", "--name-only"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise InputError(f"dvc stage list failed: {result.stderr.strip()}", file="dvc.yaml")
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def run_pipeline(repo: Path, force: bool = False, console: Console | None = None) -> int:
    """Run `dvc repro` in ``repo``, showing one progress step per stage; return its exit code.

    DVC decides what is out of date: a second run with nothing changed runs no stage.
    """
    console = console or Console(stderr=True)
    if shutil.which("dvc") is None:
        raise InputError("the dvc command is not on PATH; run scripts/setup first")
    stages = stage_names(repo)
    command = ["dvc", "repro"] + (["--force"] if force else [])
    log_lines: list[str] = []
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("pipeline", total=len(stages))
        proc = subprocess.Popen(
            command,
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            log_lines.append(line)
            match = _STAGE_LINE.match(line)
            if match:
                progress.update(task, description=match.group(1))
                progress.advance(task)
        code = proc.wait()
        progress.update(task, completed=len(stages), description="done" if code == 0 else "failed")
    if code != 0:
        console.print("".join(log_lines[-60:]), markup=False, highlight=False)
    return code


def report_files(repo: Path) -> list[Path]:
    return sorted((repo / "outputs" / "reports").glob("*.*"))
