"""LadybugDB-only behaviour: all-or-nothing batches around the engine's COPY path, a process dying inside a batch,
reopening a directory, sharing one store between threads, the query time limit, and an engine fault the reads work
around."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingest.synth import synth_extractions
from kg.errors import Conflict, QueryError
from kg.ids import batch_id
from kg.model import Entity, Evidence, Extraction, ImportBatch, NewsItem, Relation
from kg.store.ladybug import LadybugStore
from kg.store.ladybug_graph import hops

from .conftest import batch_of, eid

ROOT = Path(__file__).resolve().parents[3]


def snapshot(store: LadybugStore) -> dict[str, object]:
    """Everything observable about the stored graph: counts, batches and the full content as records."""
    stats = store.stats()
    return {
        "nodes": stats.nodes_by_type,
        "edges": stats.edges_by_predicate,
        "items": stats.items,
        "batches": [(b.id, b.status) for b in store.batches()],
        "records": [r.model_dump() for r in store.subgraph()],
    }


@pytest.fixture
def lb(tmp_path: Path) -> LadybugStore:
    """A fresh embedded store with items A and B applied."""
    store = LadybugStore(tmp_path / "db")
    store.init_schema()
    batch, records = batch_of("A", "B")
    store.apply(batch, records)
    yield store
    store.close()


def _bad_record(kind: str) -> Extraction:
    """Item C plus one record that fails only when its relationships are written, after its nodes were copied."""
    text = "Zora Quill joined the Vantor Institute."
    item = NewsItem(id="item-00000000bad1", title="A bad record", text=text, date="2025-02-02", lang="en")
    person = Entity(id="researcher-00000000bad1", type="Researcher", name="Zora Quill")
    evidence = Evidence(item_id=item.id, item_date=item.date, start=0, end=len(text), sentence=text)
    if kind == "missing-endpoint":
        # the object is neither in the batch nor in the store: the relationship COPY cannot find it
        relation = Relation(
            subject=person.id, predicate="affiliatedWith", object="institution-00000000dead", evidence=evidence
        )
    else:
        # a Journal has no affiliations: the relationship table has no such (from, to) pair
        relation = Relation(subject=eid("nature"), predicate="affiliatedWith", object=person.id, evidence=evidence)
    return Extraction(item=item, entities=[person], relations=[relation])


@pytest.mark.parametrize("kind", ["missing-endpoint", "pair-not-in-schema"])
def test_ladybug_apply_failure_midbatch_leaves_graph_unchanged(lb: LadybugStore, kind: str) -> None:
    before = snapshot(lb)
    batch, records = batch_of("C")
    with pytest.raises(Conflict):
        lb.apply(batch, [*records, _bad_record(kind)])
    assert snapshot(lb) == before
    # the same store still takes the good part afterwards
    lb.apply(batch, records)
    assert lb.stats().items == before["items"] + 1  # type: ignore[operator]


def test_ladybug_reopen_directory_keeps_committed_batches(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path / "db")
    store.init_schema()
    batch, records = batch_of("A", "B", "C")
    store.apply(batch, records)
    before = snapshot(store)
    store.close()
    again = LadybugStore(tmp_path / "db")
    again.init_schema()
    try:
        assert snapshot(again) == before
        assert again.entity(eid("lin")).node.name == "林晓明"
    finally:
        again.close()


def test_ladybug_process_killed_inside_batch_leaves_graph_as_before(lb: LadybugStore, tmp_path: Path) -> None:
    before = snapshot(lb)
    path = lb.path
    lb.close()
    # a child process opens the directory, copies part of a batch inside the open transaction and dies without
    # committing: the write-ahead log must not resurrect the half batch
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(ROOT / "tests" / "kg" / "store")!r})
        from conftest import batch_of
        from kg.store import ladybug_write
        from kg.store.ladybug import LadybugStore
        from kg.store.records import prepare_batch
        store = LadybugStore({str(path)!r})
        batch, records = batch_of("C", salt="crash")
        rows = prepare_batch(batch.id, records)
        db = store._db
        with db.transaction():
            for label, group in rows.entities_by_label().items():
                ladybug_write._upsert_nodes(db, store.schema, label, group, lambda old, new: old)
            ladybug_write.write_batch_node(db, batch)
            os._exit(9)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 9, done.stderr.decode()
    reopened = LadybugStore(path)
    reopened.init_schema()
    try:
        assert snapshot(reopened) == before
        batch, records = batch_of("C", salt="crash")
        reopened.apply(batch, records)
        assert reopened.stats().items == 3
    finally:
        reopened.close()


def test_ladybug_threads_share_one_store(lb: LadybugStore) -> None:
    errors: list[BaseException] = []
    batch, records = batch_of("C")

    def read() -> None:
        try:
            for _ in range(20):
                assert lb.search("东海理工").hits
                lb.neighbors(eid("lin"), depth=2)
        except BaseException as exc:  # noqa: BLE001 - collected and re-raised in the test thread
            errors.append(exc)

    def write() -> None:
        try:
            lb.apply(batch, records)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(3)] + [threading.Thread(target=write)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert lb.stats().items == 3


def test_ladybug_read_query_timeout_is_a_query_error(lb: LadybugStore) -> None:
    with pytest.raises(QueryError) as caught:
        # a streamed cross product: slow, but small in memory (a long range() would be materialised first)
        lb.read_query(
            "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b UNWIND range(1, 3000) AS c "
            "WITH a, b, c WHERE (a * b + c) % 7919 = 3 RETURN count(*)",
            timeout=0.05,
        )
    assert caught.value.timeout
    # the limit applies to that query only
    assert lb.read_query("MATCH (n:Researcher) RETURN count(n)").rows == [[3]]


def test_ladybug_two_stores_on_one_directory_share_one_database(lb: LadybugStore) -> None:
    other = LadybugStore(lb.path)
    try:
        other.apply(*batch_of("C"))
        assert lb.stats().items == 3  # the first store sees the second's write at once
    finally:
        other.close()
    assert lb.entity(eid("wang")).node.name == "王建国"  # closing one leaves the other open


def test_ladybug_directory_held_by_another_process_is_unavailable(lb: LadybugStore) -> None:
    script = textwrap.dedent(
        f"""
        from kg.errors import StoreUnavailable
        from kg.store.ladybug import LadybugStore
        try:
            LadybugStore({str(lb.path)!r})
        except StoreUnavailable as exc:
            print("unavailable:", exc)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.startswith("unavailable:"), done.stdout + done.stderr


def test_ladybug_checkpoint_folds_the_log_and_keeps_the_data(lb: LadybugStore) -> None:
    lb.rename(eid("wang"), add_aliases=["Wang Jianguo"])  # a small write that stays in the write-ahead log
    before = snapshot(lb)
    assert not lb._db.maybe_checkpoint()  # below the threshold nothing happens
    assert lb._db.maybe_checkpoint(wal_bytes=0)
    assert snapshot(lb) == before
    lb.close()
    again = LadybugStore(lb.path)
    try:
        assert snapshot(again) == before
    finally:
        again.close()


def test_ladybug_apply_keeps_no_copied_arrow_table_alive(tmp_path: Path) -> None:
    """Each batch's COPY tables are freed once it is applied: the driver's statement cache used to keep every one of
    them (17 MiB per 5,000-item batch that nothing released), so memory grew with the number of items imported."""
    import itertools
    from datetime import UTC, datetime

    import pyarrow as pa

    from ingest.synth import synth_extractions
    from kg.model import ImportBatch

    store = LadybugStore(tmp_path / "db")
    store.init_schema()
    stream = synth_extractions(900, seed=11)
    try:
        before = pa.total_allocated_bytes()
        for index in range(3):  # 300 items: every table gets more than SMALL_COPY rows, so COPY is used
            batch = ImportBatch(id=f"batch-{index:012x}", created_at=datetime.now(UTC), sources=["synthetic"])
            store.apply(batch, list(itertools.islice(stream, 300)))
        assert pa.total_allocated_bytes() - before < 1 << 20
        assert store.stats().items == 900  # the recycled connection still reads and writes
    finally:
        store.close()


def test_ladybug_reopen_keeps_the_data_and_waits_for_the_transaction(lb: LadybugStore) -> None:
    """The store reopens the engine after a checkpoint to give back the memory it kept: the graph is the same after,
    the store goes on writing, and inside a transaction nothing is reopened (the transaction stays intact)."""
    before = snapshot(lb)
    engine = lb._db._db
    with lb._db.transaction():
        lb._db.reopen()
        assert lb._db._db is engine
    assert lb._db.maybe_checkpoint(wal_bytes=0)
    lb._db.reopen()
    assert lb._db._db is not engine
    assert snapshot(lb) == before
    lb.apply(*batch_of("C"))
    assert lb.stats().items == 3


def test_hops_evidence_cut_equals_the_stored_tail(tmp_path: Path) -> None:
    """A neighbourhood level reads each fact's last 3 evidence spans and their total in the statement; the engine
    returned some of those slices null when rows without a relationship (frontier nodes with nothing in one
    direction) shared the statement's vectors, so the cut must equal the full list's tail for every hop."""
    store = LadybugStore(tmp_path / "db")
    store.init_schema()
    try:
        records = list(synth_extractions(400, seed=7))
        batch = ImportBatch(
            id=batch_id([r.item.id for r in records]), created_at=datetime.now(UTC), sources=["t"], status="committed"
        )
        store.apply(batch, records)
        ids = sorted({e.id for r in records for e in r.entities if e.type in ("Researcher", "Institution")})
        read = hops(store._db, store.schema, ids)
        full = {(h.type, h.src, h.dst, h.props["key"]): h.props["evidence"] for h in read}
        cut = hops(store._db, store.schema, ids, evidence=3)
        assert len(cut) == len(read) > 100
        for hop in cut:
            stored = full[(hop.type, hop.src, hop.dst, hop.props["key"])]
            assert hop.props["evidence"] == stored[-3:]
            assert hop.props["evidence_total"] == len(stored)
    finally:
        store.close()


@pytest.mark.parametrize(("threshold", "folded"), [(1, True), (1 << 30, False)])
def test_ladybug_checkpoint_threshold_decides_when_an_import_is_folded_in(
    tmp_path: Path, threshold: int, folded: bool
) -> None:
    """KG_EMBEDDED_CHECKPOINT_MB: past the threshold the batch's log is folded into the file (the log emptied),
    under it the log keeps the batch, which reopening the store replays."""
    path = tmp_path / "db"
    store = LadybugStore(path, checkpoint_bytes=threshold)
    store.init_schema()
    store._db.maybe_checkpoint(wal_bytes=0)  # the schema's own log folded in: what is left after apply is the batch's
    store.apply(*batch_of("A", "B"))
    wal = path / "graph.lbug.wal"
    assert (not wal.exists() or wal.stat().st_size == 0) is folded
    before = store.stats().nodes_by_type
    store.close()
    reopened = LadybugStore(path)
    assert reopened.stats().nodes_by_type == before
    reopened.close()
