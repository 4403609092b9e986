"""The HTML wave report opened in headless Chromium, as a reader's browser opens it: no
console error, and a screenshot that is not a blank page. No network is used: the report
is one self-contained file."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.stages.report.render import render_report

from .conftest import REPO
from .test_report import WAVE, build_stage_outputs

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def html_report(tmp_path_factory) -> Path:
    project = build_stage_outputs(tmp_path_factory.mktemp("browser"))
    result = render_report(
        REPO / "notebooks" / "wave_report.ipynb",
        {"wave": WAVE, "lang": "en", "root": str(project)},
        project / "outputs" / "reports",
        formats=["html"],
        cwd=project,
    )
    return result.outputs["html"]


def open_in_chromium(page: Path, screenshot: Path, profile: Path) -> str:
    """Load ``page`` headless, save a screenshot, return Chromium's log (stderr)."""
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
        f"--screenshot={screenshot}", "--window-size=1280,2000", page.resolve().as_uri(),
    ]  # fmt: skip
    done = subprocess.run(args, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr


def test_html_report_loads_without_console_errors_and_is_not_blank(html_report, tmp_path):
    assert shutil.which(CHROMIUM), "chromium is required for the browser test"
    screenshot = tmp_path / "report.png"
    log = open_in_chromium(html_report, screenshot, tmp_path / "profile")
    console = [line for line in log.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not [line for line in console if "ERROR:CONSOLE" in line or "Uncaught" in line]
    pixels = np.asarray(Image.open(screenshot).convert("L"), dtype=float)
    assert pixels.shape == (2000, 1280)
    # A blank (or nearly uniform) page has almost no spread in its grey levels.
    assert pixels.std() > 10
    assert (pixels < 128).mean() > 0.01  # some dark text and bars are drawn


def test_at_phone_width_the_page_does_not_scroll_sideways(html_report, tmp_path):
    """In a 390 px wide frame (a phone; headless Chromium's window is at least 500 px), only
    tables scroll inside themselves: the page's scroll width equals its client width."""
    frame = html_report.parent / "phone-frame.html"
    frame.write_text(
        f'<!DOCTYPE html><html lang="en"><body><iframe id="f" src="{html_report.name}" '
        'style="width:390px;height:844px;border:0"></iframe><script>'
        "document.getElementById('f').addEventListener('load', () => {"
        "const d = document.getElementById('f').contentDocument.documentElement;"
        "document.body.dataset.width = d.scrollWidth + '/' + d.clientWidth; });"
        "</script></body></html>",
        encoding="utf-8",
    )
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--allow-file-access-from-files", f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=800,900", "--virtual-time-budget=8000", "--dump-dom",
        frame.resolve().as_uri(),
    ]  # fmt: skip
    dom = subprocess.run(args, capture_output=True, text=True, timeout=90, check=True).stdout
    width = re.search(r'data-width="(\d+)/(\d+)"', dom)
    assert width, "the probe did not run"
    scroll, client = (int(x) for x in width.groups())
    assert client <= 390 and scroll <= client
