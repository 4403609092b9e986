"""Benchmark of the collect server (a script, not a test).

Starts `survey collect serve` on 127.0.0.1, once on SQLite and once on a throwaway
PostgreSQL cluster, and sends valid OpenRosa submissions of the default questionnaire from
50 concurrent clients. Prints submissions per second and the p50/p99 latency of each
back end, and PostgreSQL's figures as a ratio of SQLite's. Every submission must be
acknowledged (201) and stored once; the script fails otherwise.

Run: python bench/bench_collect.py [--forms 2000] [--concurrency 50] [--skip-postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.model.questionnaire import load_questionnaire  # noqa: E402
from pipeline.stages.collect import open_store  # noqa: E402
from pipeline.stages.collect.answers import FormRules  # noqa: E402
from tests.collect_support import (  # noqa: E402
    DEFAULT_QUESTIONNAIRE,
    PostgresCluster,
    ServerProcess,
    random_fields,
    submission_xml,
)

BOUNDARY = "----survey-bench-boundary"


def multipart(xml: bytes) -> bytes:
    """The body ODK Collect sends: one xml_submission_file part (encoded once, up front,
    so that the clients spend their time waiting on the server, not encoding)."""
    return (
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; "
        f"filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n"
    ).encode() + xml + f"\r\n--{BOUNDARY}--\r\n".encode()


def bodies(n: int) -> list[bytes]:
    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    rules = FormRules(q)
    rng = np.random.default_rng(1)
    pool = [random_fields(q, rules, rng) for _ in range(50)]
    return [
        multipart(submission_xml(q, {**pool[i % 50], "comment": f"bench {i}"},
                                 f"uuid:{uuid.uuid4()}"))
        for i in range(n)
    ]  # fmt: skip


async def load(url: str, work: list[bytes], concurrency: int) -> tuple[float, np.ndarray]:
    latencies: list[float] = []
    statuses: list[int] = []
    queue = list(reversed(work))
    headers = {"content-type": f"multipart/form-data; boundary={BOUNDARY}",
               "X-OpenRosa-Version": "1.0"}  # fmt: skip

    async def client_loop(client: httpx.AsyncClient) -> None:
        while queue:
            body = queue.pop()
            started = time.perf_counter()
            response = await client.post("/submission", content=body, headers=headers)
            latencies.append(time.perf_counter() - started)
            statuses.append(response.status_code)

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        # warm up the connections and the server's caches
        await asyncio.gather(*(client.get("/formList") for _ in range(concurrency)))
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    if set(statuses) != {201}:
        raise SystemExit(f"not every submission was acknowledged: {sorted(set(statuses))}")
    return elapsed, np.array(latencies)


def run(name: str, db: str, work: list[bytes], concurrency: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(DEFAULT_QUESTIONNAIRE, db, Path(tmp)).start()
        try:
            elapsed, latencies = asyncio.run(load(server.url, work, concurrency))
        finally:
            server.stop()
    stored = open_store(db, "2024").count()
    if stored != len(work):
        raise SystemExit(f"{name}: {stored} stored of {len(work)} sent")
    result = {
        "rate": len(work) / elapsed,
        "p50": float(np.percentile(latencies, 50)) * 1000,
        "p99": float(np.percentile(latencies, 99)) * 1000,
    }
    print(
        f"{name:<11} {result['rate']:8.1f} submissions/s   p50 {result['p50']:7.1f} ms   "
        f"p99 {result['p99']:7.1f} ms   ({len(work)} forms, {concurrency} concurrent)"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    work = bodies(args.forms)
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = run("SQLite", str(Path(tmp) / "bench.sqlite"), work, args.concurrency)
    if args.skip_postgres:
        return
    cluster = PostgresCluster().start()
    try:
        postgres = run("PostgreSQL", cluster.new_database(), work, args.concurrency)
    finally:
        cluster.stop()
    print(f"PostgreSQL / SQLite: rate x{postgres['rate'] / sqlite['rate']:.2f}, "
          f"p99 x{postgres['p99'] / sqlite['p99']:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
