"""How `survey collect serve` runs uvicorn: no access log, and a short switch interval so the
group-commit writer thread gets the GIL back soon after each statement (the figures are in
bench/bench_collect.py's output, not here)."""

from __future__ import annotations

import gc
import sys

import pytest
import uvicorn

from pipeline.stages.collect import SWITCH_INTERVAL, serve


def test_the_server_runs_with_a_short_switch_interval_and_no_access_log(monkeypatch):
    seen: dict = {}

    def run(app, **options) -> None:
        seen["interval"] = sys.getswitchinterval()
        seen["options"] = options

    monkeypatch.setattr(uvicorn, "run", run)
    before = sys.getswitchinterval()
    try:
        serve(object(), "127.0.0.1", 8080)
    finally:
        sys.setswitchinterval(before)
        gc.unfreeze()
    assert before > SWITCH_INTERVAL  # the default (5 ms) is longer
    assert seen["interval"] == pytest.approx(SWITCH_INTERVAL)
    assert seen["options"]["access_log"] is False
    assert seen["options"]["server_header"] is False
