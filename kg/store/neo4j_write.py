"""The write path of the Neo4j store (mixed into ``kg.store.neo4j.Neo4jStore``): one import batch, one transaction.

The transaction first reads, by unique index, every stored node and fact the batch touches: it has to, since new rows
are merged with stored ones in Python by the shared functions of ``kg.store.records`` (the same the embedded store
uses). Knowing what exists, it then writes without ``MERGE``:

- new nodes: ``UNWIND $rows AS row CREATE (n:Label) SET n = row``, returning their element ids;
- stored nodes: only the properties the merge changed, the node found by its element id; unchanged nodes not at all;
- new relationships: ``CREATE`` between endpoints found by element id, properties inline;
- stored relationships: only the changed properties, the relationship found by its element id.

Why: ``MERGE`` re-does the lookup the read already did, takes its locks row by row and, on a relationship to a hub
node (a journal, a big university), scans the hub's relationships; and writing every property of every touched node
and fact re-writes property records (and re-indexes names in the full-text index) that did not change. Element ids
(returned by the read and by ``CREATE``) find a node or relationship without an index seek or a lock on the index
entry. Relationship statements are grouped by type only: with element ids the endpoint labels are not needed.

A batch whose relationship has one endpoint created in this transaction cannot have that relationship stored yet, so
those skip the read (most of a batch of new items).

Write statements that return nothing are not consumed: ``tx.run`` returns once the server has accepted the statement,
and while the server executes it the client merges the rows of the next one (client and server share the cores of a
small machine). The driver reads their outcome before the next statement's, and the commit waits for all; an error
raised there still fails the whole transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

from neo4j import ManagedTransaction

from kg.errors import Conflict
from kg.model import ImportBatch
from kg.store.base import BatchResult
from kg.store.neo4j_archive import WholeFact, read_rows, store_whole
from kg.store.records import (
    BatchRows,
    appended_evidence,
    batch_row,
    evidence_placeholders,
    label_of,
    merge_entity,
    merge_fact,
    merge_item,
    merge_mention,
    prepare_batch,
)
from kg.store.records_archive import (
    ARCHIVE_LABEL,
    ARCHIVE_ROWS,
    ARCHIVED,
    archive_ids,
    due,
    fact_hash,
    hydrate,
    new_items_only,
    rows_of,
)
from kg.store.schema import BATCH_LABEL, ITEM_LABEL, MENTIONS, SEARCH_RANK, GraphSchema, search_rank_cypher

Merge = Callable[[Mapping[str, Any] | None, Mapping[str, Any]], dict[str, Any]]

WRITE_LOCK_LABEL = "KgWriteLock"  # one node, locked by every apply (not part of the graph the API shows)
# unique, so that the first two applies after a clear cannot each MERGE a lock node of their own
WRITE_LOCK_DDL = f"CREATE CONSTRAINT kg_write_lock_id IF NOT EXISTS FOR (l:{WRITE_LOCK_LABEL}) REQUIRE l.id IS UNIQUE"
FACT_KEYS = (
    "key",
    "role",
    "year",
    "evidence",
    "evidence_keys",
    "evidence_batches",
    "batches",
    ARCHIVED,
    ARCHIVE_ROWS,
)
MENTION_KEYS = ("spans", "batches")


def _q(text: str) -> LiteralString:
    """Our Cypher is built from schema labels and property names (never from user input)."""
    return cast(LiteralString, text)  # type: ignore[redundant-cast]


def chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """Consecutive slices of at most ``size``."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def refresh_search_rank(
    tx: ManagedTransaction, schema: GraphSchema, ids: Iterable[str] = (), eids: Iterable[str] = ()
) -> None:
    """Recompute ``search_rank`` (:data:`kg.store.schema.SEARCH_RANK`) of the entities given by id or element id,
    after a write that may have changed their degree or name; ids of items and of nodes no longer there are
    skipped. Every write verb ends with this: search trusts the stored value (it no longer counts relationships)."""
    rank = search_rank_cypher("n")
    by_label: dict[str, list[str]] = {}
    for node_id in sorted(set(ids)):
        label = label_of(node_id)
        if label in schema.entity_labels:
            by_label.setdefault(label, []).append(node_id)
    for label, label_ids in by_label.items():
        tx.run(
            _q(f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) SET n.{SEARCH_RANK} = {rank}"), ids=label_ids
        ).consume()
    element_ids = sorted(set(eids))
    entity = "|".join(schema.entity_labels)
    for chunk in chunks(element_ids, 10_000):
        tx.run(
            _q(f"UNWIND $eids AS e MATCH (n) WHERE elementId(n) = e AND n:{entity} SET n.{SEARCH_RANK} = {rank}"),
            eids=list(chunk),
        ).consume()


def changed_keys(stored: Mapping[str, Any], merged: Mapping[str, Any], keys: Sequence[str]) -> tuple[str, ...]:
    """The properties whose merged value differs from the stored one (a missing property equals None)."""
    return tuple(k for k in keys if merged.get(k) != stored.get(k))


@dataclass
class _Written:
    """What the transaction has done so far: element ids of every node the batch touches, and the new ones."""

    eids: dict[str, str] = field(default_factory=dict)  # node id -> element id
    new: set[str] = field(default_factory=set)
    # entities whose search_rank must be recomputed: new ones, and the endpoints of new facts (their degree grew)
    ranked: set[str] = field(default_factory=set)


class Neo4jWrites:
    """``apply``'s transaction: read what is stored, merge in Python, CREATE what is new, SET what changed."""

    schema: GraphSchema
    batch_size: int
    evidence_inline: int

    def _apply_tx(self, tx: ManagedTransaction, batch: ImportBatch, records: list[Any]) -> BatchResult:
        # One apply at a time: the write lock on this node is held until commit, so a concurrent apply waits and then
        # reads what this one committed. Without it two batches could both find a fact "not stored" and both CREATE
        # it (MERGE used to lock the endpoints instead; a node's uniqueness is still guarded by its constraint).
        tx.run(_q(f"MERGE (l:{WRITE_LOCK_LABEL} {{id: 'apply'}}) SET l.batch = $id"), id=batch.id).consume()
        ids = {e.id for r in records for e in r.entities} | {
            x for r in records for rel in r.relations for x in (rel.subject, rel.object)
        }
        rows = prepare_batch(batch.id, records, self._redirects(tx, ids))
        result = BatchResult(batch=batch)
        done = _Written()
        for label, entity_rows in rows.entities_by_label().items():
            self._write_nodes(tx, label, entity_rows, merge_entity, done)
        self._write_nodes(tx, ITEM_LABEL, list(rows.items.values()), merge_item, done)
        result.nodes_created = len(done.new)
        self._find_endpoints(tx, rows, done)
        mentions: dict[str, list[dict[str, Any]]] = {
            MENTIONS: [{**row, "src": row["item"], "dst": row["entity"], "key": None} for row in rows.mentions.values()]
        }
        created, _ = self._write_rels(tx, mentions, merge_mention, MENTION_KEYS, done)
        result.relationships_created += created
        created, added = self._write_rels(tx, rows.facts_by_type(), merge_fact, FACT_KEYS, done)
        result.relationships_created += created
        result.evidence_added += added
        refresh_search_rank(tx, self.schema, eids=[done.eids[node_id] for node_id in done.ranked])
        tx.run(_q(f"MERGE (b:{BATCH_LABEL} {{id: $row.id}}) SET b += $row"), row=batch_row(batch)).consume()
        return result

    def _redirects(self, tx: ManagedTransaction, ids: set[str]) -> dict[str, str]:
        """dropped id -> kept id, for the ids of a batch that were merged away earlier."""
        if not ids:
            return {}
        labels = "|".join(self.schema.entity_labels)
        rows = tx.run(
            _q(
                f"MATCH (n:{labels}) WHERE size(n.merged_ids) > 0 "
                "UNWIND n.merged_ids AS dropped WITH dropped, n WHERE dropped IN $ids RETURN dropped, n.id AS kept"
            ),
            ids=sorted(ids),
        )
        return {r["dropped"]: r["kept"] for r in rows}

    # ------------------------------------------------------------------------------------------------------ nodes

    def _write_nodes(
        self, tx: ManagedTransaction, label: str, rows: list[dict[str, Any]], merge: Merge, done: _Written
    ) -> None:
        """Merge rows into the stored nodes of a label: CREATE the new, SET what changed on the stored."""
        names = tuple(p for p in self.schema.nodes[label].properties if p != "id")
        for chunk in chunks(rows, self.batch_size):
            stored: dict[str, tuple[str, dict[str, Any]]] = {
                r["id"]: (r["eid"], r["p"])
                for r in tx.run(
                    _q(
                        f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) "
                        "RETURN n.id AS id, elementId(n) AS eid, properties(n) AS p"
                    ),
                    ids=[row["id"] for row in chunk],
                )
            }
            fresh: list[dict[str, Any]] = []
            changed: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for row in chunk:
                found = stored.get(row["id"])
                if found is None:
                    # rows of prepare_batch are already what merge(None, row) returns (entities have their derived
                    # properties), so recomputing them here would only cost time
                    fresh.append({k: row.get(k) for k in ("id", *names)})
                    continue
                eid, props = found
                done.eids[row["id"]] = eid
                merged = merge(props, row)
                keys = changed_keys(props, merged, names)
                if keys:
                    changed.setdefault(keys, []).append({"eid": eid, **{k: merged.get(k) for k in keys}})
            if fresh:
                # `SET n = row` on a node just created: no read in the statement, so no Eager; null values are
                # simply not stored, as after MERGE ... SET n.p = null
                created = tx.run(
                    _q(f"UNWIND $rows AS row CREATE (n:{label}) SET n = row RETURN n.id AS id, elementId(n) AS eid"),
                    rows=fresh,
                )
                for r in created:
                    done.eids[r["id"]] = r["eid"]
                    done.new.add(r["id"])
                if label in self.schema.entity_labels:
                    done.ranked.update(row["id"] for row in fresh)
            for keys, group in changed.items():
                # properties spelled out: `SET n += row` would make the planner add an Eager (it cannot rule out a
                # write to a property the statement reads), which buffers every row
                sets = ", ".join(f"n.{k} = row.{k}" for k in keys)
                tx.run(_q(f"UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET {sets}"), rows=group)

    def _find_endpoints(self, tx: ManagedTransaction, rows: BatchRows, done: _Written) -> None:
        """Element ids of fact endpoints outside the batch; each must be stored, otherwise the batch is refused (the
        transaction rolls back)."""
        outside = sorted({x for r in rows.facts.values() for x in (r["src"], r["dst"])} - done.eids.keys())
        by_label: dict[str, list[str]] = {}
        for node_id in outside:
            by_label.setdefault(label_of(node_id), []).append(node_id)
        for label, ids in by_label.items():
            found = tx.run(
                _q(f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id, elementId(n) AS eid"), ids=ids
            )
            for r in found:
                done.eids[r["id"]] = r["eid"]
            missing = sorted(set(ids) - done.eids.keys())
            if missing:
                raise Conflict(
                    "a relation points to an entity that is neither in the batch nor stored", candidates=missing[:10]
                )

    # -------------------------------------------------------------------------------------------- relationships

    def _write_rels(
        self,
        tx: ManagedTransaction,
        groups: Mapping[str, list[dict[str, Any]]],
        merge: Merge,
        keys: tuple[str, ...],
        done: _Written,
    ) -> tuple[int, int]:
        """Merge relationship rows (src, dst, key, props) into stored ones by type; returns (created, evidence added).

        A fact is identified by (type, src, dst, key); a MENTIONS relationship by (src, dst) (its key is None)."""
        created = added = 0
        # the stored evidence JSON is neither read nor re-sent: see records.evidence_placeholders
        projection = ", ".join(f".{k}" for k in keys if k != "evidence")
        for rtype, group in groups.items():
            inline = ", ".join(f"{k}: row.{k}" for k in keys)
            for chunk in chunks(group, self.batch_size):
                known = [r for r in chunk if r["src"] not in done.new and r["dst"] not in done.new]
                stored: dict[tuple[str, str, Any], tuple[str, dict[str, Any]]] = {}
                if known:
                    ends = _Endpoints(done.eids)
                    found = tx.run(
                        stored_rels_query(rtype, projection),
                        rows=[
                            ends.row(r["src"], r["dst"], i=i) | ({} if rtype == MENTIONS else {"key": r["key"]})
                            for i, r in enumerate(known)
                        ],
                        eids=ends.eids,
                    )
                    for r in found:
                        row = known[r["i"]]
                        props = evidence_placeholders(r["p"]) if "evidence" in keys else r["p"]
                        stored[(row["src"], row["dst"], row["key"])] = (r["eid"], props)
                ends = _Endpoints(done.eids)
                fresh: list[dict[str, Any]] = []
                changed: dict[tuple[str, ...], list[dict[str, Any]]] = {}
                whole: list[tuple[str, dict[str, Any]]] = []
                for row in chunk:
                    before = stored.get((row["src"], row["dst"], row["key"]))
                    props = None if before is None else before[1]
                    if props is not None and rows_of(props) and not new_items_only(row["evidence_keys"], done.new):
                        # a span of an item stored before may be in the fact's archive rows: merged whole below
                        whole.append((before[0], row))  # type: ignore[index]
                        continue
                    merged = merge(props, row)
                    if "evidence_keys" in merged:
                        added += len(merged["evidence_keys"]) - len((props or {}).get("evidence_keys") or [])
                    if before is None:
                        fresh.append(ends.row(row["src"], row["dst"]) | {k: merged.get(k) for k in keys})
                        if rtype != MENTIONS:  # a new fact: both ends have one more relationship
                            done.ranked.update((row["src"], row["dst"]))
                        continue
                    eid, props = before
                    update = {k: merged.get(k) for k in changed_keys(props, merged, keys)}
                    if "evidence" in update:
                        update["evidence"] = appended_evidence(props, merged)
                        moved = due(len(merged["evidence_keys"]), self.evidence_inline)
                        if moved:  # the statement sets every list, changed or not
                            update |= {k: merged.get(k) for k in ("evidence_keys", "evidence_batches", "batches")}
                            update |= _archive_move(rtype, row, props, moved)
                    if update:
                        changed.setdefault(tuple(update), []).append({"eid": eid, **update})
                created += len(fresh)
                if fresh:
                    tx.run(
                        _q(f"UNWIND $rows AS row {ends.match} CREATE (a)-[:{rtype} {{{inline}}}]->(b)"),
                        rows=fresh,
                        eids=ends.eids,
                    )
                for diff, part in changed.items():
                    if "move" in diff:
                        tx.run(_ARCHIVE_MOVE, rows=part)
                        continue
                    # the evidence of a row is what merge_fact appended (see evidence_placeholders)
                    sets = ", ".join(
                        "r.evidence = r.evidence + row.evidence" if k == "evidence" else f"r.{k} = row.{k}"
                        for k in diff
                    )
                    tx.run(
                        _q(f"UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET {sets}"), rows=part
                    )
                if whole:
                    added += self._merge_whole(tx, rtype, whole)
        return created, added

    def _merge_whole(self, tx: ManagedTransaction, rtype: str, found: list[tuple[str, dict[str, Any]]]) -> int:
        """Merge batch rows into stored hub facts read whole (inline lists and archive rows), and write them back
        laid out again; returns the evidence added. Only for a fact with archive rows that a batch gives a span of an
        item stored before (a source ingested again in another batch): its rows may hold that span already."""
        stored = {
            r["eid"]: dict(r["p"])
            for r in tx.run(
                _q("UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid RETURN eid, properties(r) AS p"),
                eids=[eid for eid, _ in found],
            )
        }
        old_ids = {
            eid: archive_ids(rtype, row["src"], row["dst"], row["key"], rows_of(stored[eid])) for eid, row in found
        }
        rows = read_rows(tx, [x for ids in old_ids.values() for x in ids])
        added = 0
        out: list[WholeFact] = []
        for eid, row in found:
            props = hydrate(stored[eid], [rows[x] for x in old_ids[eid] if x in rows])
            merged = merge_fact(props, row)
            added += len(merged["evidence_keys"]) - len(props["evidence_keys"])
            out.append((eid, row["src"], row["dst"], rtype, merged, old_ids[eid]))
        store_whole(tx, out, self.evidence_inline, [k for k in FACT_KEYS if k != "key"])
        return added


#: a hub fact's append that also moves its oldest ``row.move`` spans into a new archive row (records_archive): the
#: stored evidence JSON is sliced where it lies, never sent back; keys and batches are the merged lists the row carries
_ARCHIVE_MOVE = _q(
    "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid "
    "WITH r, row, r.evidence + row.evidence AS ev "
    f"CREATE (:{ARCHIVE_LABEL} {{id: row.aid, fact: row.fact, src: row.src, dst: row.dst, seq: row.seq, "
    "evidence: ev[..row.move], evidence_keys: row.evidence_keys[..row.move], "
    "evidence_batches: row.evidence_batches[..row.move]}) "
    "SET r.evidence = ev[row.move..], r.evidence_keys = row.evidence_keys[row.move..], "
    "r.evidence_batches = row.evidence_batches[row.move..], r.batches = row.batches, "
    f"r.{ARCHIVED} = coalesce(r.{ARCHIVED}, 0) + row.move, r.{ARCHIVE_ROWS} = row.seq"
)


def _archive_move(rtype: str, row: Mapping[str, Any], stored: Mapping[str, Any], moved: int) -> dict[str, Any]:
    """The fields of an :data:`_ARCHIVE_MOVE` row besides the merged lists."""
    fact = fact_hash(rtype, row["src"], row["dst"], row["key"])
    seq = rows_of(stored) + 1
    return {"move": moved, "aid": f"{fact}#{seq}", "fact": fact, "src": row["src"], "dst": row["dst"], "seq": seq}


def stored_rels_query(rtype: str, projection: str) -> LiteralString:
    """The statement that reads the stored relationships of type ``rtype`` between given endpoint pairs (rows carry
    the endpoints' positions in ``$eids``, ``i`` and, for a fact, its ``key``): position, element id and the
    ``projection`` of each found.

    The relationship is matched inside a subquery that receives both endpoints bound, so the planner must check for
    it between them (``Expand(Into)``, which walks the smaller of the two nodes' relationships). Written as one more
    ``MATCH`` after the endpoints, the planner expanded every relationship of the source and then filtered on the
    target: a researcher with 4,500 collaborators expanded 4,500 relationships per row, and the read of a 5,000-item
    batch's stored COLLABORATED_WITH facts went from 0.1 s to 0.8 s as the store grew to 60k items (3 s for 3,000
    pairs of hub researchers, against 0.1 s in the subquery)."""
    keyed = "" if rtype == MENTIONS else " {key: row.key}"
    return _q(
        f"UNWIND $rows AS row {_Endpoints.match} "
        f"CALL (a, b, row) {{ MATCH (a)-[r:{rtype}{keyed}]->(b) RETURN r }} "
        f"RETURN row.i AS i, elementId(r) AS eid, r {{{projection}}} AS p"
    )


class _Endpoints:
    """Relationship endpoints of one statement: each element id sent once (``$eids``), rows carry its position.

    Element ids are long (``4:<database uuid>:<n>``) and hub nodes (a journal, a big university) are endpoints of
    thousands of rows of a batch: sending them per row made the parameters several megabytes larger, all packed by
    the client and unpacked by the server."""

    match = "MATCH (a) WHERE elementId(a) = $eids[row.a] MATCH (b) WHERE elementId(b) = $eids[row.b]"

    def __init__(self, eids: Mapping[str, str]) -> None:
        self._of = eids
        self._position: dict[str, int] = {}
        self.eids: list[str] = []

    def _at(self, node_id: str) -> int:
        position = self._position.get(node_id)
        if position is None:
            position = self._position[node_id] = len(self.eids)
            self.eids.append(self._of[node_id])
        return position

    def row(self, src: str, dst: str, **extra: Any) -> dict[str, Any]:
        """A statement row's endpoints (``a``, ``b``: positions in :attr:`eids`) and ``extra``."""
        return {"a": self._at(src), "b": self._at(dst), **extra}
