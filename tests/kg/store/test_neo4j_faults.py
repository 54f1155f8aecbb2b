"""A Neo4j server killed (SIGKILL) in the middle of a batch: the graph is as it was before the batch, and re-running
the batch gives exactly what a clean run gives."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ingest.synth import synth_extractions
from kg.errors import KgError
from kg.model import ImportBatch
from kg.store.neo4j import Neo4jStore

PASSWORD = "kg-fault-test-password"

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def snapshot(store: Neo4jStore) -> dict[str, Any]:
    """Counts, batches and the whole content read back as records."""
    stats = store.stats(top=5)
    return {
        "nodes": stats.nodes_by_type,
        "edges": stats.edges_by_predicate,
        "items": stats.items,
        "top": [(n.id, n.properties.get("degree")) for n in stats.top_researchers],
        "batches": [(b.id, b.status) for b in store.batches()],
        "content": [r.model_dump(mode="json") for r in store.subgraph()],
    }


def wait_for_write(store: Neo4jStore, deadline: float) -> None:
    """Block until the server reports our batch transaction running one of its UNWIND writes."""
    while time.monotonic() < deadline:
        rows = store.driver.execute_query("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery").records
        if any("UNWIND $rows" in (r["currentQuery"] or "") for r in rows):
            return
        time.sleep(0.05)
    pytest.fail("the batch never reached its writes")


def test_neo4j_killed_mid_batch_leaves_the_graph_as_before(tmp_path: Path) -> None:
    from kg import neo4j_server

    records = list(synth_extractions(3300, seed=11))
    batch_a = ImportBatch(id="batch-0000000000aa", created_at=datetime(2026, 1, 1, tzinfo=UTC), status="committed")
    batch_b = ImportBatch(id="batch-0000000000bb", created_at=datetime(2026, 1, 2, tzinfo=UTC), status="committed")
    part_a, part_b = records[:300], records[300:]
    home, port = tmp_path / "neo4j", free_port()
    info = neo4j_server.start(home, port=port, password=PASSWORD, heap="768m")
    try:
        # short retry window: the driver must give up while the server is down, not replay B after the restart
        store = Neo4jStore(info.uri, "neo4j", PASSWORD, batch_size=500, max_retry_time=2.0)
        store.init_schema()
        store.apply(batch_a, part_a)
        before = snapshot(store)

        failure: list[BaseException] = []

        def write_b() -> None:
            try:
                store.apply(batch_b, part_b)
            except BaseException as exc:  # noqa: BLE001 - the thread reports whatever ended it
                failure.append(exc)

        writer = threading.Thread(target=write_b)
        writer.start()
        wait_for_write(store, time.monotonic() + 120)
        os.kill(info.pid, signal.SIGKILL)
        writer.join(timeout=120)
        assert not writer.is_alive()
        assert failure and isinstance(failure[0], KgError), failure
        store.close()

        info = neo4j_server.start(home, port=port, password=PASSWORD, heap="768m")
        store = Neo4jStore(info.uri, "neo4j", PASSWORD, batch_size=500)
        assert snapshot(store) == before  # nothing of B survived the crash

        store.apply(batch_b, part_b)
        rerun = snapshot(store)
        store.clear()
        store.apply(batch_a, part_a)
        store.apply(batch_b, part_b)
        assert rerun == snapshot(store)  # the re-run equals a clean run of A then B
        assert rerun["items"] == len({r.item.id for r in records})
        store.close()
    finally:
        neo4j_server.stop(home)
