"""Benchmark of the collect server (a script, not a test).

Starts `survey collect serve` on 127.0.0.1, once on SQLite and once on a throwaway
PostgreSQL cluster, and sends valid OpenRosa submissions of the default questionnaire from
50 concurrent connections. Prints submissions per second, the p50/p99 latency and the CPU
time per submission of the server and of the client, for each back end, with PostgreSQL's
figures as a ratio of SQLite's. Every submission must be acknowledged (201) and stored
once; the script fails otherwise.

The client runs in its own process (plain asyncio on keep-alive connections, each request
encoded up front), so its cost is not the server's. Two ceilings are measured with the same
client and the same bodies, so the figures can be judged:

- "client ceiling": a bare asyncio responder that answers 201 without reading the body:
  the most this client can send on this machine;
- "HTTP stack": uvicorn and Starlette (as `serve` runs them) reading the multipart body as
  the submission endpoint does and answering 201: what the web stack costs before the
  collection server does anything.

And the disk's: the p50/p99 time of one synchronous SQLite commit (WAL, synchronous=FULL)
of a single row, in the folder the benchmark's database is in. Each group commit waits for
one of these, so it bounds the latency from below.

The machine's load average is printed beside every figure: the cores are shared.

Each server's first --warm-up forms (after its start) are measured and printed apart, as its
cold start; the figures to judge are those of the warm server that follow.

Run: python bench/bench_collect.py [--forms 2000] [--warm-up 200] [--concurrency 50]
                                   [--skip-postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BOUNDARY = "----survey-bench-boundary"
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:\s*([0-9]+)", re.IGNORECASE)


# ---- the work ---------------------------------------------------------------------------


def multipart(xml: bytes) -> bytes:
    """The body ODK Collect sends: one xml_submission_file part."""
    return (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="xml_submission_file"; '
            f'filename="submission.xml"\r\nContent-Type: text/xml\r\n\r\n'
        ).encode()
        + xml
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


def request_bytes(body: bytes) -> bytes:
    """One whole HTTP/1.1 request, encoded before the clock starts."""
    head = (
        "POST /submission HTTP/1.1\r\nHost: 127.0.0.1\r\nX-OpenRosa-Version: 1.0\r\n"
        f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def requests(n: int, seed: int) -> list[bytes]:
    """``n`` valid submissions of the default questionnaire, each with its own instanceID
    and its own random answers (so the server's memo of rule results meets new
    combinations, as with real respondents)."""
    from pipeline.model.questionnaire import load_questionnaire
    from pipeline.stages.collect.answers import FormRules
    from tests.collect_support import DEFAULT_QUESTIONNAIRE, random_fields, submission_xml

    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    rules = FormRules(q)
    rng = np.random.default_rng(seed)
    return [
        request_bytes(multipart(submission_xml(
            q, {**random_fields(q, rules, rng), "comment": f"bench {seed}-{i}"},
            f"uuid:{uuid.uuid4()}",
        )))
        for i in range(n)
    ]  # fmt: skip


# ---- the client (its own process) -------------------------------------------------------


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one response; return its status. Every server here sends Content-Length."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = _CONTENT_LENGTH.search(head)
    if length is None:
        raise SystemExit(f"response without Content-Length: {head[:200]!r}")
    await reader.readexactly(int(length.group(1)))
    return int(head[9:12])


async def send_all(port: int, work: list[bytes], concurrency: int) -> dict:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    todo = list(reversed(work))
    warm_up = b"GET /formList HTTP/1.1\r\nHost: 127.0.0.1\r\nX-OpenRosa-Version: 1.0\r\n\r\n"

    async def connection(ready: asyncio.Event, go: asyncio.Event) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(warm_up)
        await read_response(reader)
        ready.set()
        await go.wait()
        while todo:
            request = todo.pop()
            started = time.perf_counter()
            writer.write(request)
            status = await read_response(reader)
            latencies.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
        writer.close()

    go = asyncio.Event()
    readies = [asyncio.Event() for _ in range(concurrency)]
    tasks = [asyncio.create_task(connection(r, go)) for r in readies]
    for ready in readies:
        await ready.wait()
    cpu_before, started = time.process_time(), time.perf_counter()
    go.set()
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - started
    return {
        "elapsed": elapsed,
        "latencies": latencies,
        "statuses": statuses,
        "cpu": time.process_time() - cpu_before,
    }


def client_main(port: int, work_file: Path, concurrency: int) -> None:
    """Send the work; its figures go to a file beside it (through a pipe, a result over 64 KiB,
    from 3,000 forms on, came back cut short now and then)."""
    work = pickle.loads(work_file.read_bytes())
    _use_uvloop()
    result = asyncio.run(send_all(port, work, concurrency))
    result_file(work_file).write_text(json.dumps(result))


def result_file(work_file: Path) -> Path:
    return work_file.with_suffix(".result.json")


def _use_uvloop() -> None:
    try:
        import uvloop
    except ImportError:  # the standard loop: slower, still correct
        return
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())


# ---- the ceilings' servers --------------------------------------------------------------

_ANSWER = (
    b'<OpenRosaResponse xmlns="http://openrosa.org/http/response">'
    b'<message nature="submit_success">Thank you.</message></OpenRosaResponse>'
)
_RESPONSE = (
    b"HTTP/1.1 201 Created\r\nContent-Type: text/xml; charset=utf-8\r\n"
    b"X-OpenRosa-Version: 1.0\r\nContent-Length: " + str(len(_ANSWER)).encode() + b"\r\n\r\n"
    + _ANSWER
)  # fmt: skip


class BareResponder(asyncio.Protocol):
    """Answers every request with the same 201, reading only as far as its length."""

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            length = _CONTENT_LENGTH.search(self.buffer[: end + 2])
            total = end + 4 + (int(length.group(1)) if length else 0)
            if len(self.buffer) < total:
                return
            self.buffer = self.buffer[total:]
            self.transport.write(_RESPONSE)


def bare_main(port: int) -> None:
    async def run() -> None:
        server = await asyncio.get_running_loop().create_server(BareResponder, "127.0.0.1", port)
        await server.serve_forever()

    _use_uvloop()
    asyncio.run(run())


def stack_main(port: int) -> None:
    """uvicorn + Starlette as `survey collect serve` runs them; the body read as the submission
    endpoint reads it, then 201."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    from pipeline.stages.collect.app import submitted_xml

    async def submission(request):
        submitted_xml(request.headers.get("content-type"), await request.body())
        return Response(_ANSWER, status_code=201, media_type="text/xml; charset=utf-8")

    async def form_list(_request):
        return Response(b"<xforms/>", media_type="text/xml; charset=utf-8")

    app = Starlette(routes=[Route("/submission", submission, methods=["POST"]),
                            Route("/formList", form_list)])  # fmt: skip
    uvicorn.run(app, host="127.0.0.1", port=port, access_log=False, log_level="warning")


# ---- measuring --------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(name: str, port: int, server_pid: int, work_file: Path, forms: int,
            concurrency: int) -> dict:  # fmt: skip
    """Run the client process against the server on ``port``; print and return figures."""
    load_before = os.getloadavg()[0]
    server_cpu = cpu_seconds(server_pid)
    command = [sys.executable, __file__, "--client", str(port), "--work", str(work_file),
               "--concurrency", str(concurrency)]  # fmt: skip
    subprocess.run(command, check=True)
    run = json.loads(result_file(work_file).read_text())
    server_cpu = cpu_seconds(server_pid) - server_cpu
    if {int(s) for s in run["statuses"]} != {201} or len(run["latencies"]) != forms:
        raise SystemExit(f"{name}: not every submission was acknowledged: {run['statuses']}")
    latencies = np.array(run["latencies"]) * 1000
    result = {
        "rate": forms / run["elapsed"],
        "p50": float(np.percentile(latencies, 50)),
        "p99": float(np.percentile(latencies, 99)),
        "server_ms": server_cpu / forms * 1000,
        "client_ms": run["cpu"] / forms * 1000,
    }
    print(
        f"{name:<16} {result['rate']:7.1f} submissions/s  p50 {result['p50']:6.1f} ms  "
        f"p99 {result['p99']:6.1f} ms  CPU/submission: server {result['server_ms']:.2f} ms, "
        f"client {result['client_ms']:.2f} ms  (load {load_before:.1f}→"
        f"{os.getloadavg()[0]:.1f})",
        flush=True,
    )
    return result


def disk_commits(folder: Path, n: int = 300) -> None:
    import sqlite3

    db = sqlite3.connect(folder / "disk.sqlite", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
    load_before = os.getloadavg()[0]
    times = []
    for _ in range(n):
        started = time.perf_counter()
        db.execute("BEGIN")
        db.execute("INSERT INTO t VALUES (?, ?)", (uuid.uuid4().hex, "x" * 1500))
        db.execute("COMMIT")
        times.append((time.perf_counter() - started) * 1000)
    db.close()
    print(f"{'disk commit':<16} {'':>22}  p50 {np.percentile(times, 50):6.1f} ms  "
          f"p99 {np.percentile(times, 99):6.1f} ms  (one synchronous SQLite commit; "
          f"load {load_before:.1f}→{os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip


def ceiling(name: str, flag: str, work_file: Path, forms: int, concurrency: int) -> dict:
    from tests.collect_support import free_port, wait_for_port

    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, flag, str(port)])
    try:
        wait_for_port(port)
        return measure(name, port, server.pid, work_file, forms, concurrency)
    finally:
        server.terminate()
        server.wait(timeout=15)


def collect_server(name: str, db: str, work: tuple[Path, int], warm_up: tuple[Path, int],
                   concurrency: int) -> dict:  # fmt: skip
    """The collect server's figures: first its cold start (the first submissions after the
    start, which fill the caches: rule results, compiled statements), then the measured run
    on the warm server."""
    from pipeline.stages.collect import open_store
    from tests.collect_support import DEFAULT_QUESTIONNAIRE, ServerProcess

    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(DEFAULT_QUESTIONNAIRE, db, Path(tmp)).start()
        try:
            pid = server.process.pid
            measure(f"{name} cold", server.port, pid, *warm_up, concurrency)
            result = measure(name, server.port, pid, *work, concurrency)
        finally:
            server.stop()
    stored = open_store(db, "2024").count()
    if stored != work[1] + warm_up[1]:
        raise SystemExit(f"{name}: {stored} stored of {work[1] + warm_up[1]} sent")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument(
        "--warm-up", type=int, default=200, help="forms sent first, measured apart (the cold start)"
    )
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--client", type=int, help=argparse.SUPPRESS)  # internal: the client
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bare", type=int, help=argparse.SUPPRESS)  # internal: a ceiling
    parser.add_argument("--stack", type=int, help=argparse.SUPPRESS)  # internal: a ceiling
    args = parser.parse_args()
    if args.client is not None:
        return client_main(args.client, args.work, args.concurrency)
    if args.bare is not None:
        return bare_main(args.bare)
    if args.stack is not None:
        return stack_main(args.stack)

    from tests.collect_support import PostgresCluster

    print(f"{args.forms} forms, {args.concurrency} concurrent, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        work = (Path(tmp) / "work.pickle", args.forms)
        work[0].write_bytes(pickle.dumps(requests(args.forms, seed=1)))
        warm_up = (Path(tmp) / "warm-up.pickle", args.warm_up)
        warm_up[0].write_bytes(pickle.dumps(requests(args.warm_up, seed=2)))
        disk_commits(Path(tmp))
        ceiling("client ceiling", "--bare", *work, args.concurrency)
        ceiling("HTTP stack", "--stack", *work, args.concurrency)
        figures = (work, warm_up, args.concurrency)
        sqlite = collect_server("SQLite", str(Path(tmp) / "bench.sqlite"), *figures)
        if args.skip_postgres:
            return
        cluster = PostgresCluster().start()
        try:
            postgres = collect_server("PostgreSQL", cluster.new_database(), *figures)
        finally:
            cluster.stop()
    print(f"PostgreSQL / SQLite: rate x{postgres['rate'] / sqlite['rate']:.2f}, "
          f"p99 x{postgres['p99'] / sqlite['p99']:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
