"""Write rate of the graph stores: (nodes + relationships) per second for synthetic news, against a naive baseline.

For each store (Neo4j, LadybugDB) and each size (default 10k and 100k items) a fresh database receives the synthetic
stream (``ingest.synth``) in import batches of ``--items-per-batch`` items through ``GraphStore.apply``. The naive
baseline writes rows of the same kind one MERGE per row, one transaction per row, on a sample of new items
(``--naive-sample``) into the same, filled database in the same run. Each (store, size) runs in its own process, so
its peak RSS is its own. Medians are over the batches of a run.

Neo4j: the script starts its own server (``kg.neo4j_server``, a free port, data under ``--work``) unless ``--uri``.

    .venv/bin/python bench/bench_store_write.py [--sizes 10000 100000] [--stores neo4j ladybug]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.synth import synth_extractions  # noqa: E402
from kg.model import ImportBatch  # noqa: E402
from kg.settings import Settings  # noqa: E402
from kg.store.records import prepare_batch  # noqa: E402

PASSWORD = "kg-bench-password"  # of the server this script starts; --password for one given with --uri


def open_store(kind: str, work: Path, uri: str | None, password: str, batch_size: int, pool_mb: int) -> Any:
    if kind == "neo4j":
        from kg.store.neo4j import Neo4jStore

        store = Neo4jStore(uri or "", "neo4j", password, batch_size=batch_size)
        store.clear()
    else:
        from kg.store.ladybug import LadybugStore

        path = work / "ladybug-db"
        shutil.rmtree(path, ignore_errors=True)
        store = LadybugStore(path, buffer_pool_bytes=pool_mb << 20)
    store.init_schema()
    return store


def naive_rows(records: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    """(query, params) per row, one MERGE each: entities, items, mentions, facts."""
    rows = prepare_batch("batch-naive0000000", records)
    out: list[tuple[str, dict[str, Any]]] = []
    for row in rows.entities.values():
        props = {k: v for k, v in row.items() if k not in ("label", "id")}
        out.append((f"MERGE (n:{row['label']} {{id: $id}}) SET n += $props", {"id": row["id"], "props": props}))
    for row in rows.items.values():
        props = {k: v for k, v in row.items() if k != "id" and v is not None}
        out.append(("MERGE (n:NewsItem {id: $id}) SET n += $props", {"id": row["id"], "props": props}))
    for m in rows.mentions.values():
        out.append(
            (
                f"MATCH (a:NewsItem {{id: $src}}) MATCH (b:{m['label']} {{id: $dst}}) MERGE (a)-[r:MENTIONS]->(b) "
                "SET r.spans = $spans, r.batches = $batches",
                {"src": m["item"], "dst": m["entity"], "spans": m["spans"], "batches": m["batches"]},
            )
        )
    for f in rows.facts.values():
        out.append(
            (
                f"MATCH (a:{f['src_label']} {{id: $src}}) MATCH (b:{f['dst_label']} {{id: $dst}}) "
                f"MERGE (a)-[r:{f['type']} {{key: $key}}]->(b) SET r.evidence = $evidence, "
                "r.evidence_keys = $keys, r.batches = $batches",
                {
                    "src": f["src"],
                    "dst": f["dst"],
                    "key": f["key"],
                    "evidence": f["evidence"],
                    "keys": f["evidence_keys"],
                    "batches": f["batches"],
                },
            )
        )
    return out


def run_naive(kind: str, store: Any, records: list[Any]) -> tuple[int, float]:
    """Rows written and seconds, one MERGE per row in its own transaction."""
    rows = naive_rows(records)
    start = time.perf_counter()
    if kind == "neo4j":
        with store.driver.session() as session:
            for query, params in rows:
                session.execute_write(lambda tx, q=query, p=params: tx.run(q, p).consume())
    else:
        db = store._db  # the bench measures the engine itself here, below the store's batching
        for query, params in rows:
            db.run(query.replace("SET n += $props", _ladybug_set(params)), _ladybug_params(params))
    return len(rows), time.perf_counter() - start


def raw_ceiling(store: Any, rows: int = 30_000) -> int:
    """What this server does at best right now: UNWIND CREATE of bare nodes (no index, no read), rows/s.
    Puts the store's rate in context on a shared machine whose load varies."""
    data = [{"id": f"ceiling-{i}", "name": f"n{i}", "batches": ["b"]} for i in range(rows)]

    def work(tx: Any) -> None:
        for start in range(0, rows, 5000):
            tx.run("UNWIND $rows AS row CREATE (n:BenchCeiling) SET n = row", rows=data[start : start + 5000]).consume()

    with store.driver.session() as session:
        start = time.perf_counter()
        session.execute_write(work)
        elapsed = time.perf_counter() - start
        session.run("MATCH (n:BenchCeiling) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    return round(rows / elapsed)


def _ladybug_set(params: dict[str, Any]) -> str:
    # LadybugDB has no `SET n += map`: spell the properties out
    return "SET " + ", ".join(f"n.{k} = $p_{k}" for k in params.get("props", {})) if "props" in params else ""


def _ladybug_params(params: dict[str, Any]) -> dict[str, Any]:
    if "props" not in params:
        return params
    return {"id": params["id"], **{f"p_{k}": v for k, v in params["props"].items()}}


def cpu_seconds(pid: int | None = None) -> float:
    """User + system CPU seconds of this process, or of process ``pid`` (the server) from /proc; 0.0 if unknown."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def one(args: argparse.Namespace) -> None:
    """One (store, size) run: print a JSON line with the figures."""
    kind, size = args.one[0], int(args.one[1])
    per_batch, naive_sample = args.items_per_batch, args.naive_sample
    store = open_store(kind, args.work, args.uri, args.password, args.batch_size, args.buffer_pool_mb)
    if args.warmup:
        # other items (another seed) through the same path, then an empty store again: what is measured next is the
        # write path on a server whose JIT has compiled it, as in a long-lived deployment (not the default)
        for start in range(0, args.warmup, per_batch):
            records = list(synth_extractions(min(per_batch, args.warmup - start), seed=7 + start))
            store.apply(ImportBatch(id=f"batch-warm{start:08x}", created_at=datetime.now(UTC), sources=["s"]), records)
        store.close()
        store = open_store(kind, args.work, args.uri, args.password, args.batch_size, args.buffer_pool_mb)
    stream = synth_extractions(size, seed=0)
    rates, rows_total, seconds = [], 0, 0.0
    client_cpu, server_cpu = 0.0, 0.0
    for index in itertools.count():
        records = list(itertools.islice(stream, per_batch))
        if not records:
            break
        batch = ImportBatch(id=f"batch-{index:012x}", created_at=datetime.now(UTC), sources=["synthetic"])
        cpu_before, server_before = cpu_seconds(), cpu_seconds(args.server_pid) if args.server_pid else 0.0
        start = time.perf_counter()
        result = store.apply(batch, records)
        elapsed = time.perf_counter() - start
        client_cpu += cpu_seconds() - cpu_before
        server_cpu += cpu_seconds(args.server_pid) - server_before if args.server_pid else 0.0
        rows = result.nodes_created + result.relationships_created
        rates.append(rows / elapsed)
        rows_total += rows
        seconds += elapsed
    sample = list(synth_extractions(naive_sample, seed=99))  # new items: the baseline creates, as the bulk run did
    naive_rows_written, naive_seconds = run_naive(kind, store, sample)
    ceiling = raw_ceiling(store) if kind == "neo4j" else None
    store.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "store": kind,
                "items": size,
                "rows": rows_total,
                "seconds": round(seconds, 1),
                "rate": round(rows_total / seconds),
                "median_batch_rate": round(statistics.median(rates)),
                "naive_rows": naive_rows_written,
                "naive_rate": round(naive_rows_written / naive_seconds, 1),
                "peak_rss_mib": round(peak_mib),
                "raw_create_rate": ceiling,
                "warmup_items": args.warmup,
                # CPU seconds spent during the store's applies (not the naive run): this process (the client, or
                # the whole embedded engine) and the Neo4j server's JVM (when its pid is known)
                "client_cpu_s": round(client_cpu, 1),
                "server_cpu_s": round(server_cpu, 1) if args.server_pid else None,
            }
        ),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--stores", nargs="+", default=["neo4j", "ladybug"], choices=["neo4j", "ladybug"])
    parser.add_argument("--items-per-batch", type=int, default=5000)
    parser.add_argument("--batch-size", type=int, default=5000, help="rows per UNWIND (Neo4j)")
    parser.add_argument(
        "--buffer-pool-mb", type=int, default=Settings().embedded_buffer_pool_mb, help="LadybugDB page cache (MiB)"
    )
    parser.add_argument("--naive-sample", type=int, default=200, help="items written the naive way")
    parser.add_argument("--uri", help="an existing Neo4j; default: start one")
    parser.add_argument("--password", default=PASSWORD, help="password of the --uri server")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-store"))
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--port", type=int, default=0, help="Bolt port of the server the script starts (default: free)")
    parser.add_argument(
        "--warmup", type=int, default=0, help="items (another seed) applied and cleared before the measured run"
    )
    parser.add_argument("--server-pid", type=int, help="pid of the --uri server, to report its CPU time")
    parser.add_argument("--one", nargs=2, metavar=("STORE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.one:
        one(args)
        return
    uri, home, server_pid = args.uri, args.work / "neo4j", args.server_pid
    if "neo4j" in args.stores and not uri:
        from kg import neo4j_server

        server = neo4j_server.start(
            home, port=args.port or neo4j_server.free_port(), password=PASSWORD, heap=args.heap, pagecache="1g"
        )
        uri, server_pid = server.uri, server.pid
    results = []
    try:
        for size in args.sizes:
            for kind in args.stores:
                cmd = [sys.executable, __file__, "--one", kind, str(size), "--work", str(args.work)]
                cmd += ["--items-per-batch", str(args.items_per_batch), "--batch-size", str(args.batch_size)]
                cmd += ["--naive-sample", str(args.naive_sample), "--password", args.password]
                cmd += ["--buffer-pool-mb", str(args.buffer_pool_mb), "--warmup", str(args.warmup)]
                cmd += ["--uri", uri] if uri else []
                cmd += ["--server-pid", str(server_pid)] if server_pid and kind == "neo4j" else []
                done = subprocess.run(cmd, capture_output=True, text=True)
                if done.returncode:
                    sys.exit(f"{kind} {size} failed:\n{done.stderr[-3000:]}")
                results.append(json.loads(done.stdout.strip().splitlines()[-1]))
                print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    finally:
        if "neo4j" in args.stores and not args.uri:
            from kg import neo4j_server

            neo4j_server.stop(home)
    header = (
        "store",
        "items",
        "rows",
        "s",
        "rows/s",
        "median",
        "naive/s",
        "x naive",
        "RSS MiB",
        "raw/s",
        "cli CPU",
        "srv CPU",
    )
    print(f"{header[0]:8} " + " ".join(f"{h:>8}" for h in header[1:]))
    for r in results:
        ratio = r["rate"] / r["naive_rate"] if r["naive_rate"] else float("nan")
        print(
            f"{r['store']:8} {r['items']:>8} {r['rows']:>8} {r['seconds']:>8} {r['rate']:>8} "
            f"{r['median_batch_rate']:>8} {r['naive_rate']:>8} {ratio:>8.1f} {r['peak_rss_mib']:>8} "
            f"{r['raw_create_rate'] or '-':>8} {r['client_cpu_s']:>8} {r['server_cpu_s'] or '-':>8}"
        )


if __name__ == "__main__":
    main()
