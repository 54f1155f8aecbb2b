"""API latency under concurrent load: p50/p95/p99 and throughput of search, entity, neighbours (depth 2) and
collaboration, at 10k and 100k synthetic news items, on both stores. ``floor`` (a route that touches no store) is the
cost of the API and HTTP stack itself.

For each store and size: the synthetic items (``ingest.synth.synth_extractions``) are written straight through
``store.apply`` in batches (this measures the API, not ingest), then the API runs under uvicorn in a child process
(``kg serve``'s app, one worker) and this process sends a fixed number of requests per endpoint over loopback, from
``--concurrency`` keep-alive connections on one asyncio loop (``bench/http_load.py``; ``--client httpx`` uses a pool of
threads, each with its own httpx client, as the figures before 2026-11-27 evening did). Latency runs from the request
written to the last byte of the answer read. Targets come from the data: names and ids sampled while loading.

    .venv/bin/python bench/bench_api.py [--sizes 10000 100000] [--stores ladybug neo4j] [--requests 400]
        [--concurrency 1 4 8] [--timeout 60] [--neo4j-uri bolt://127.0.0.1:7687] [--workdir /tmp/kg-bench-api]
        [--store-pid PID] [--client asyncio|httpx] [--endpoints floor search ...] [--fresh] [--json out.json]

Each concurrency runs the same requests (same seed), so the rows show latency against queueing: on a machine whose
cores also run Neo4j and the load generator, p50 at 8 clients is mostly waiting for a core.

Neo4j must be running (e.g. ``kg neo4j start``). A store that already holds the same number of items, with the
targets sampled when it was loaded (``--workdir``), is reused (``--fresh`` clears and reloads it); otherwise it is
cleared and loaded. Use one Neo4j server (or database) per size when reusing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
#: items per apply(); one transaction each, so it must fit Neo4j's transaction memory limit on a graph of 100k items
WRITE_BATCH = 2000
SAMPLE_EVERY = 97  # keep one entity in this many as a request target
ENDPOINTS = ("floor", "search", "entity", "neighbors", "collaboration")


def _records(n: int) -> Iterator[list[Any]]:
    from ingest.synth import synth_extractions

    chunk: list[Any] = []
    for record in synth_extractions(n, seed=7):
        chunk.append(record)
        if len(chunk) >= WRITE_BATCH:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _open(store_kind: str, path: Path, neo4j_uri: str, password: str) -> Any:
    if store_kind == "ladybug":
        from kg.store.ladybug import LadybugStore

        store = LadybugStore(path)
    else:
        from kg.store.neo4j import Neo4jStore

        store = Neo4jStore(neo4j_uri, "neo4j", password)
    store.init_schema()
    return store


def load(store_kind: str, n: int, path: Path, neo4j_uri: str, password: str, fresh: bool = False) -> dict[str, Any]:
    """Write ``n`` synthetic items (unless already there, and ``fresh`` is off) and return request targets sampled
    from them."""
    from kg.ids import batch_id
    from kg.model import ImportBatch

    targets_file = path.with_suffix(".targets.json")
    store = _open(store_kind, path, neo4j_uri, password)
    try:
        if not fresh and targets_file.exists() and store.stats().items == n:
            print(f"[{store_kind} {n}] reusing {path}", file=sys.stderr)
            return json.loads(targets_file.read_text())  # type: ignore[no-any-return]
        store.clear()
        researchers: list[str] = []
        names: list[str] = []
        started = time.perf_counter()
        for index, chunk in enumerate(_records(n)):
            batch = ImportBatch(
                id=batch_id([r.item.id for r in chunk], salt=f"bench-{index}"),
                created_at=datetime.now(UTC),
                sources=["bench/bench_api.py"],
                status="committed",
            )
            store.apply(batch, chunk)
            for record in chunk:
                for entity in record.entities:
                    if hash(entity.id) % SAMPLE_EVERY == 0:
                        names.append(entity.name)
                        if entity.type == "Researcher":
                            researchers.append(entity.id)
            done = min(n, (index + 1) * WRITE_BATCH)
            print(f"[{store_kind} {n}] loaded {done} items", file=sys.stderr, end="\r")
        print(f"\n[{store_kind} {n}] loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        targets = {"researchers": sorted(set(researchers)), "names": sorted(set(names))}
        targets_file.write_text(json.dumps(targets, ensure_ascii=False))
        return targets
    finally:
        store.close()


def serve(store_kind: str, path: Path, port: int, neo4j_uri: str, password: str, workers: int = 1) -> None:
    """Child process: the API over the store, under uvicorn, until terminated. With ``workers`` > 1 (Neo4j only),
    uvicorn's worker processes each build the app from the settings, as ``kg serve`` does with ``KG_API_WORKERS``."""
    import uvicorn

    from api.app import create_app
    from kg.settings import Settings

    if workers > 1:
        os.environ.update(
            KG_STORE="neo4j",
            KG_NEO4J_URI=neo4j_uri,
            KG_NEO4J_PASSWORD=password,
            KG_RATE_LIMIT=str(10**9),
            KG_DATA_DIR=str(path.parent),
            KG_LOG_LEVEL="WARNING",  # no access log lines, as in the one-process server below
        )
        uvicorn.run(
            "api.app:app_from_settings",
            factory=True,
            workers=workers,
            host="127.0.0.1",
            port=port,
            access_log=False,
            log_level="warning",
        )
        return
    settings = Settings(rate_limit=10**9, data_dir=path.parent)
    app = create_app(_open(store_kind, path, neo4j_uri, password), settings)
    uvicorn.run(app, host="127.0.0.1", port=port, access_log=False, log_level="warning")


def _wait_until_up(base: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the API server exited with {process.returncode}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the API server did not answer /health in time")


def _requests(kind: str, targets: dict[str, Any], count: int, rng: random.Random) -> list[str]:
    people, names = targets["researchers"], targets["names"]
    if kind == "floor":  # the API and HTTP stack alone (middleware, routing, JSON), no store call
        return ["/problems/not-found"] * count
    if kind == "search":
        # a prefix of a real name: the common case of as-you-type search
        return [f"/entities?q={httpx.QueryParams({'q': rng.choice(names)[:2]})['q']}&limit=20" for _ in range(count)]
    if kind == "entity":
        return [f"/entities/{rng.choice(people)}" for _ in range(count)]
    if kind == "neighbors":
        return [f"/entities/{rng.choice(people)}/neighbors?depth=2&limit=200" for _ in range(count)]
    return [f"/collaboration?level=researcher&around={rng.choice(people)}&depth=1" for _ in range(count)]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children (uvicorn's workers) so far."""
    import psutil

    process = psutil.Process(pid)
    total = 0.0
    for p in [process, *process.children(recursive=True)]:
        try:
            times = p.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def measure(
    base: str,
    paths: list[str],
    concurrency: int,
    timeout: float = 60,
    server_pid: int | None = None,
    store_pid: int | None = None,
    client: str = "asyncio",
) -> dict[str, float]:
    """Send the requests over ``concurrency`` connections; latency percentiles (ms), throughput (requests/s) and the
    CPU time spent per request (ms) by this load generator and, given their pids, by the API server and the store's
    server (Neo4j): each one's own work, whatever else runs on the machine.

    ``client``: ``asyncio`` (:mod:`bench.http_load`, one loop, keep-alive connections; the default) or ``httpx`` (a
    thread per connection, each with its own httpx client: what the earlier figures used, ~1 ms more of the load
    generator's CPU per request on the cores the servers run on)."""
    send = _send_asyncio if client == "asyncio" else _send_httpx
    send(base, paths[: max(1, len(paths) // 10)], concurrency, timeout)  # warm-up: caches, connections, query plans
    cpu_before = _cpu_seconds(server_pid) if server_pid else 0.0
    store_before = _cpu_seconds(store_pid) if store_pid else 0.0
    client_before = time.process_time()
    latencies, errors, wall = send(base, paths, concurrency, timeout)
    client_cpu = time.process_time() - client_before
    cpu = _cpu_seconds(server_pid) - cpu_before if server_pid else float("nan")
    store_cpu = _cpu_seconds(store_pid) - store_before if store_pid else float("nan")
    latencies.sort()
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "p50_ms": round(cuts[49], 1),
        "p95_ms": round(cuts[94], 1),
        "p99_ms": round(cuts[98], 1),
        "rps": round(len(latencies) / wall, 1),
        "api_cpu_ms": round(cpu * 1000 / len(latencies), 2),
        "store_cpu_ms": round(store_cpu * 1000 / len(latencies), 2),
        "client_cpu_ms": round(client_cpu * 1000 / len(latencies), 2),
        "errors": errors,
    }


def _send_asyncio(base: str, paths: list[str], concurrency: int, timeout: float) -> tuple[list[float], int, float]:
    """(latencies in ms, errors, wall seconds) from :func:`bench.http_load.run_load`."""
    from http_load import run_load  # this script's folder is sys.path[0]

    answers, wall = run_load(base, paths, concurrency, timeout)
    return [a.ms for a in answers], sum(1 for a in answers if a.status != 200), wall


def _send_httpx(base: str, paths: list[str], concurrency: int, timeout: float) -> tuple[list[float], int, float]:
    """(latencies in ms, errors, wall seconds) from a pool of threads, each with its own httpx client."""
    local = threading.local()
    errors = 0
    lock = threading.Lock()
    clients: list[httpx.Client] = []

    def one(path: str) -> float:
        nonlocal errors
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=timeout)
            with lock:
                clients.append(client)
        started = time.perf_counter()
        try:
            ok = client.get(path).status_code == 200
        except httpx.HTTPError:  # a timeout counts as an error at the time it took, it does not stop the run
            ok = False
        elapsed = (time.perf_counter() - started) * 1000
        if not ok:
            with lock:
                errors += 1
        return elapsed

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = list(pool.map(one, paths))
    wall = time.perf_counter() - started
    for client in clients:
        client.close()
    return latencies, errors, wall


def run(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Every (store, size, endpoint) measurement."""
    results = []
    args.workdir.mkdir(parents=True, exist_ok=True)
    for store_kind in args.stores:
        for n in args.sizes:
            path = args.workdir / f"{store_kind}-{n}"
            targets = load(store_kind, n, path, args.neo4j_uri, args.neo4j_password, args.fresh)
            from kg.neo4j_server import free_port

            port = free_port()
            command = [sys.executable, __file__, "_serve", store_kind, str(path), str(port)]
            command += ["--neo4j-uri", args.neo4j_uri, "--neo4j-password", args.neo4j_password]
            command += ["--workers", str(args.workers)]
            server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
            try:
                base = f"http://127.0.0.1:{port}"
                _wait_until_up(base, server)
                for concurrency in args.concurrency:
                    rng = random.Random(11)  # the same requests at every concurrency
                    for kind in ENDPOINTS:
                        # drawn for every endpoint, measured or not: the same requests whichever are measured
                        paths = _requests(kind, targets, args.requests, rng)
                        if kind not in args.endpoints:
                            continue
                        figures = measure(
                            base, paths, concurrency, args.timeout, server.pid, args.store_pid, args.client
                        )
                        row = {"store": store_kind, "items": n, "concurrency": concurrency, "endpoint": kind}
                        results.append({**row, **figures})
                        print(json.dumps(results[-1]), file=sys.stderr)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:  # uvicorn waits for requests still running in the store
                    server.kill()
                    server.wait()
    return results


def markdown(results: list[dict[str, Any]], args: argparse.Namespace) -> str:
    """The figures as a Markdown table for BENCHMARKS.md."""
    lines = [
        f"{args.requests} requests per endpoint at each of {args.concurrency} concurrent clients, uvicorn "
        f"({args.workers} worker{'s' if args.workers > 1 else ''}) and the load generator ({args.client}) on one "
        f"{os.cpu_count()}-core machine, loopback. "
        "API / store / client CPU = CPU time of the API server / of the Neo4j server / of the load generator per "
        "request.",
        "",
        "| store | items | clients | endpoint | p50 ms | p95 ms | p99 ms | req/s | API CPU ms | store CPU ms "
        "| client CPU ms | errors |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['store']} | {r['items']} | {r['concurrency']} | {r['endpoint']} | {r['p50_ms']} | {r['p95_ms']} "
            f"| {r['p99_ms']} | {r['rps']} | {r['api_cpu_ms']} | {r['store_cpu_ms']} | {r['client_cpu_ms']} "
            f"| {r['errors']} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Command line: the benchmark, or (internally) ``_serve`` for the server child process."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--stores", nargs="+", choices=["ladybug", "neo4j"], default=["ladybug", "neo4j"])
    parser.add_argument("--requests", type=int, default=400, help="measured requests per endpoint")
    parser.add_argument(
        "--store-pid", type=int, help="pid of the Neo4j server (`kg neo4j status`), to report its CPU per request"
    )
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8], help="concurrent clients, each run")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a request counts as an error")
    parser.add_argument("--neo4j-uri", default=os.environ.get("KG_NEO4J_URI", "bolt://127.0.0.1:7687"))
    parser.add_argument("--neo4j-password", default=os.environ.get("KG_NEO4J_PASSWORD", "kg-dev-password"))
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench-api"))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--client",
        choices=["asyncio", "httpx"],
        default="asyncio",
        help="load generator: keep-alive connections on one asyncio loop (default), or httpx clients in threads",
    )
    parser.add_argument(
        "--endpoints",
        nargs="+",
        choices=ENDPOINTS,
        default=list(ENDPOINTS),
        help="endpoints to measure (all by default)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="uvicorn worker processes of the API server (as KG_API_WORKERS; more than 1 needs Neo4j)",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="clear and reload the store even when it already holds the same items"
    )
    if len(sys.argv) > 1 and sys.argv[1] == "_serve":
        serve_parser = argparse.ArgumentParser()
        serve_parser.add_argument("store")
        serve_parser.add_argument("path", type=Path)
        serve_parser.add_argument("port", type=int)
        serve_parser.add_argument("--neo4j-uri")
        serve_parser.add_argument("--neo4j-password")
        serve_parser.add_argument("--workers", type=int, default=1)
        a = serve_parser.parse_args(sys.argv[2:])
        serve(a.store, a.path, a.port, a.neo4j_uri, a.neo4j_password, a.workers)
        return
    args = parser.parse_args()
    results = run(args)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    print(markdown(results, args))


if __name__ == "__main__":
    main()
