"""A process that runs `survey` commands in forked children and kills them, for
tests/test_killed_stages.py.

The pipeline is imported once here, before any library has started a thread, so forking is
safe and a trial costs no interpreter start. One JSON request per stdin line:
``{"argv": [...], "kill_before_rename": k | null, "kill_after": seconds | null,
"count_renames": bool, "executed_notebook": path | null}``; one JSON reply per line:
``{"signaled": bool, "code": int | null, "renames": int, "seconds": float}``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import time

import pipeline.stages.report.render as render
from pipeline.cli.app import run


def child(request: dict, counter_fd: int) -> None:
    """Run the request's command; never returns."""
    code = 99
    try:
        real, count = os.replace, [0]

        def replace(*args, **kwargs):
            count[0] += 1
            os.write(counter_fd, b".")
            if count[0] == request.get("kill_before_rename"):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        os.replace = replace
        executed = request.get("executed_notebook")
        if executed:  # the notebook's execution writes nothing into --out: reuse its result
            render.execute_notebook = lambda nb, params, target, cwd: shutil.copy(executed, target)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        code = run(request["argv"])
    finally:
        os._exit(code)


def trial(request: dict) -> dict:
    read_end, write_end = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        child(request, write_end)
    os.close(write_end)
    kill_after = request.get("kill_after")
    deadline = started + (kill_after if kill_after is not None else 120)
    status = None
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.002)
    else:
        os.kill(pid, signal.SIGKILL)
        status = os.waitpid(pid, 0)[1]
    renames = b""
    while chunk := os.read(read_end, 65536):
        renames += chunk
    os.close(read_end)
    signaled = os.WIFSIGNALED(status)
    return {
        "signaled": signaled,
        "code": None if signaled else os.WEXITSTATUS(status),
        "renames": len(renames),
        "seconds": time.monotonic() - started,
    }


def main() -> None:
    for line in sys.stdin:
        print(json.dumps(trial(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
