"""Import batches on the embedded store: ``apply`` and ``rollback``.

Writes go through COPY from Arrow tables (hundreds of thousands of rows per second) after de-duplicating against what
is stored: the batch's rows are prepared with :mod:`kg.store.records`, the stored versions of the same nodes, mentions
and facts are read by primary key, only the new rows are copied and the few existing ones are updated with batched
``SET``. Everything happens in one engine transaction (COPY is transactional in LadybugDB), so a failure anywhere leaves
the database as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kg.errors import Conflict, NotFound, QueryError
from kg.model import Extraction, ImportBatch
from kg.store import ladybug_archive as archive
from kg.store import records as rec
from kg.store.base import BatchResult
from kg.store.ladybug_db import LadybugDb, chunks, clean
from kg.store.ladybug_graph import around
from kg.store.records_archive import (
    ARCHIVE_LABEL,
    ARCHIVE_ROWS,
    ARCHIVED,
    KEEP_INLINE,
    due,
    fact_hash,
    layout,
    new_items_only,
    row_ids,
    rows_of,
)
from kg.store.schema import BATCH_LABEL, ITEM_LABEL, MENTIONS, GraphSchema


def node_columns(schema: GraphSchema, label: str) -> list[tuple[str, str]]:
    """(property, type) of a node table, in table order."""
    return list(schema.nodes[label].properties.items())


def rel_columns(schema: GraphSchema, rtype: str) -> list[tuple[str, str]]:
    """(row key, type) of a relationship COPY: source id, target id, then the properties in table order."""
    return [("src", "STRING"), ("dst", "STRING"), *schema.rels[rtype].properties.items()]


def stored_nodes(db: LadybugDb, label: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored properties of those of ``ids`` that exist, by id (one primary-key lookup per id)."""
    out: dict[str, dict[str, Any]] = {}
    for part in chunks(list(ids)):
        # column-wise through Arrow: row-by-row conversion of wide values dominated the lookup
        for found in db.records(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n", {"ids": list(part)}):
            props = clean(found["n"])
            out[props["id"]] = props
    return out


def set_nodes(
    db: LadybugDb,
    schema: GraphSchema,
    label: str,
    rows: Sequence[Mapping[str, Any]],
    only: set[str] | None = None,
) -> None:
    """Overwrite the properties (all, or those in ``only``) of existing nodes with ``rows`` (batched)."""
    props = [(p, t) for p, t in node_columns(schema, label) if p != "id" and (only is None or p in only)]
    if not props:
        return
    assignments = ", ".join(f"n.{p} = CAST(x.{p} AS {t})" for p, t in props)
    for part in chunks(list(rows)):
        params = [{p: row.get(p) for p, _ in [("id", "STRING"), *props]} for row in part]
        db.run(f"UNWIND $rows AS x MATCH (n:{label} {{id: x.id}}) SET {assignments}", {"rows": params})


def rel_match(rtype: str, pair: tuple[str, str]) -> str:
    """The start of a statement that finds, for each ``x`` of ``$rows``, the relationship ``r`` of type ``rtype`` from
    node ``x.src`` to node ``x.dst`` (with key ``x.key`` unless MENTIONS, which has none).

    Both ends are found by primary key first and the relationship is then joined on the pair: the engine plans that
    as one hash join on (source, target), one probe per row. Matching only the source and filtering the target made
    it join on the source alone, so every row expanded all the source's relationships (1.9M tuples for 3k rows at 30k
    items, growing with the store); matching the whole pattern at once planned a cross product."""
    where = " WHERE r.key = x.key" if rtype != MENTIONS else ""
    return (
        f"UNWIND $rows AS x MATCH (a:{pair[0]} {{id: x.src}}) MATCH (b:{pair[1]} {{id: x.dst}}) WITH a, b, x "
        f"MATCH (a)-[r:{rtype}]->(b){where} "
    )


def stored_rels(
    db: LadybugDb,
    rtype: str,
    pair: tuple[str, str],
    keys: Sequence[tuple[str, str, str | None]],
    columns: Sequence[str] | None = None,
) -> dict[tuple[str, str, str | None], dict[str, Any]]:
    """Stored relationships of type ``rtype`` between the (source, target, key) triples given; ``key`` None matches
    any (MENTIONS has no key). ``columns``: only these properties (and ``key``) instead of all."""
    out: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    has_key = rtype != MENTIONS
    if columns is None:
        query = rel_match(rtype, pair) + "RETURN a.id AS src, b.id AS dst, r"
    else:
        wanted = dict.fromkeys([*(["key"] if has_key else []), *columns])
        query = (
            rel_match(rtype, pair) + "RETURN a.id AS src, b.id AS dst, " + ", ".join(f"r.{c} AS {c}" for c in wanted)
        )
    for part in chunks(list(keys)):
        params = [{"src": s, "dst": d, "key": k or ""} for s, d, k in part]
        for found in db.records(query, {"rows": params}):
            props = (
                clean(found["r"]) if columns is None else {k: v for k, v in found.items() if k not in ("src", "dst")}
            )
            out[(found["src"], found["dst"], props.get("key") if has_key else None)] = props
    return out


def set_rels(
    db: LadybugDb, schema: GraphSchema, rtype: str, pair: tuple[str, str], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Overwrite the mutable properties of existing relationships (found by source, target and key)."""
    props = [(p, t) for p, t in schema.rels[rtype].properties.items() if p not in ("key", "role", "year")]
    assignments = ", ".join(f"r.{p} = CAST(x.{p} AS {t})" for p, t in props)
    query = rel_match(rtype, pair) + f"SET {assignments}"
    for part in chunks(list(rows)):
        params = [
            {"src": r["src"], "dst": r["dst"], "key": r.get("key") or "", **{p: r.get(p) for p, _ in props}}
            for r in part
        ]
        db.run(query, {"rows": params})


def update_rels(
    db: LadybugDb,
    schema: GraphSchema,
    rtype: str,
    pair: tuple[str, str],
    columns: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
) -> None:
    """Write ``columns`` of existing relationships (found by source, target and key); ``evidence`` is appended to
    the stored list (``rows`` carry only the new entries, see :func:`kg.store.records.appended_evidence`) so that
    the growing evidence of hub facts is never sent back whole."""
    types = schema.rels[rtype].properties
    assignments = ", ".join(
        f"r.{p} = list_concat(r.{p}, CAST(x.{p} AS {types[p]}))"
        if p == "evidence"
        else f"r.{p} = CAST(x.{p} AS {types[p]})"
        for p in columns
    )
    query = rel_match(rtype, pair) + f"SET {assignments}"
    for part in chunks(list(rows)):
        params = [
            {"src": r["src"], "dst": r["dst"], "key": r.get("key") or "", **{p: r[p] for p in columns}} for r in part
        ]
        db.run(query, {"rows": params})


def delete_rels(db: LadybugDb, rtype: str, pair: tuple[str, str], rows: Sequence[Mapping[str, Any]]) -> None:
    """Delete relationships found by source, target (and key for facts)."""
    query = rel_match(rtype, pair) + "DELETE r"
    for part in chunks(list(rows)):
        params = [{"src": r["src"], "dst": r["dst"], "key": r.get("key") or ""} for r in part]
        db.run(query, {"rows": params})


def delete_nodes(db: LadybugDb, label: str, ids: Sequence[str]) -> None:
    """Delete nodes and every relationship they have."""
    for part in chunks(list(ids)):
        db.run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n", {"ids": list(part)})


def load_redirects(db: LadybugDb, schema: GraphSchema) -> dict[str, str]:
    """Merged-away id -> the id of the entity that absorbed it."""
    out: dict[str, str] = {}
    for label in schema.entity_labels:
        for kept, merged in db.rows(f"MATCH (n:{label}) WHERE size(n.merged_ids) > 0 RETURN n.id, n.merged_ids"):
            for old in merged or []:
                out[old] = kept
    return out


def write_batch_node(db: LadybugDb, batch: ImportBatch) -> None:
    """Create or overwrite the batch node."""
    row = rec.batch_row(batch)
    db.run(
        f"MERGE (b:{BATCH_LABEL} {{id: $id}}) SET b.created_at = $created_at, b.sources = CAST($sources AS STRING[]), "
        "b.status = $status, b.counts = $counts, b.validation = $validation",
        row,
    )


def _upsert_nodes(
    db: LadybugDb, schema: GraphSchema, label: str, rows: Sequence[dict[str, Any]], merge: Any
) -> tuple[int, set[str]]:
    """COPY the new nodes, SET the changed existing ones; returns (created, ids that existed before)."""
    stored = stored_nodes(db, label, [r["id"] for r in rows])
    new, changed = [], []
    # a node seen again usually gains only a batch id: writing just the properties that changed keeps the update
    # small (the engine rewrites every column a SET names)
    columns: set[str] = set()
    for row in rows:
        old = stored.get(row["id"])
        if old is None:
            new.append(row)
            continue
        merged = merge(old, row)
        differ = {k for k in schema.nodes[label].properties if merged.get(k) != old.get(k)}
        if differ:
            changed.append(merged)
            columns |= differ
    db.copy(label, node_columns(schema, label), new)
    set_nodes(db, schema, label, changed, columns)
    return len(new), set(stored)


def _upsert_rels(
    db: LadybugDb,
    schema: GraphSchema,
    rtype: str,
    rows: Sequence[dict[str, Any]],
    fresh: set[str],
    merge: Any,
    keep: int = KEEP_INLINE,
) -> tuple[int, int]:
    """COPY the new relationships, SET the changed existing ones; returns (created, evidence added). A hub fact
    whose inline lists grow past twice ``keep`` moves its oldest spans to an archive row (``records_archive``)."""
    has_key = rtype != MENTIONS
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        by_pair.setdefault((row["src_label"], row["dst_label"]), []).append(row)
    created = evidence = 0
    mutable = [p for p in schema.rels[rtype].properties if p not in ("key", "role", "year")]
    # facts are read without their evidence JSON: placeholders stand for it (records.evidence_placeholders)
    read = [p for p in mutable if p != "evidence"] if has_key else None
    for pair, group in by_pair.items():
        # only a relationship whose two ends were already stored can already exist: neither end created by this
        # batch (an end outside the batch's rows is a stored node, e.g. a fact added to an entity of an earlier one)
        maybe = [r for r in group if r["src"] not in fresh and r["dst"] not in fresh]
        keys = [(r["src"], r["dst"], r["key"] if has_key else None) for r in maybe]
        stored = stored_rels(db, rtype, pair, keys, read) if keys else {}
        new: list[dict[str, Any]] = []
        # rows by the properties that changed: a hub fact seen again gains evidence, and writing only what changed
        # keeps the engine from rewriting (and logging) the lists that did not
        changed: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        moves: list[dict[str, Any]] = []
        whole: list[dict[str, Any]] = []
        for row in group:
            old = stored.get((row["src"], row["dst"], row["key"] if has_key else None))
            if old is None:
                new.append(row)
                evidence += len(row.get("evidence_keys") or [])
                continue
            if has_key and rows_of(old) and not new_items_only(row["evidence_keys"], fresh):
                whole.append(row)  # a span of an item stored before may be in the archive rows: merged whole below
                continue
            if has_key:
                old = rec.evidence_placeholders(old)
            merged = merge(old, row)
            evidence += len(merged.get("evidence_keys") or []) - len(old.get("evidence_keys") or [])
            columns = tuple(p for p in mutable if merged.get(p) != old.get(p))
            if not columns:
                continue
            update = {
                "src": row["src"],
                "dst": row["dst"],
                "key": row.get("key"),
                **{p: merged.get(p) for p in columns},
            }
            if "evidence" in columns:
                update["evidence"] = rec.appended_evidence(old, merged)
                moved = due(len(merged["evidence_keys"]), keep)
                if moved:
                    moves.append(_archive_move(rtype, update, merged, old, moved))
                    continue
            changed.setdefault(columns, []).append(update)
        db.copy(rtype, rel_columns(schema, rtype), new, pair)
        for columns, rows_changed in changed.items():
            update_rels(db, schema, rtype, pair, columns, rows_changed)
        if moves:
            _move_to_archive(db, rtype, pair, moves)
        if whole:
            evidence += _merge_whole(db, schema, rtype, pair, whole, keep)
        created += len(new)
    return created, evidence


def _archive_move(
    rtype: str, update: dict[str, Any], merged: Mapping[str, Any], stored: Mapping[str, Any], moved: int
) -> dict[str, Any]:
    """A row of :func:`_move_to_archive`: the appended evidence JSON, the merged key and batch lists cut in two."""
    fact = fact_hash(rtype, update["src"], update["dst"], update["key"])
    seq = rows_of(stored) + 1
    keys, ev_batches = merged["evidence_keys"], merged["evidence_batches"]
    return {
        "src": update["src"],
        "dst": update["dst"],
        "key": update["key"] or "",
        "evidence": update["evidence"],
        "move": moved,
        "aid": f"{fact}#{seq}",
        "fact": fact,
        "seq": seq,
        "a_keys": keys[:moved],
        "a_batches": ev_batches[:moved],
        "evidence_keys": keys[moved:],
        "evidence_batches": ev_batches[moved:],
        "batches": merged["batches"],
    }


def _move_to_archive(db: LadybugDb, rtype: str, pair: tuple[str, str], rows: Sequence[Mapping[str, Any]]) -> None:
    """Append evidence to hub facts and move each one's oldest ``move`` spans into a new archive row, in one
    statement: the stored evidence JSON is sliced where it lies, never read back (``list_slice`` is 1-based and
    inclusive)."""
    query = rel_match(rtype, pair) + (
        "WITH r, x, list_concat(r.evidence, CAST(x.evidence AS STRING[])) AS ev "
        f"CREATE (:{ARCHIVE_LABEL} {{id: x.aid, fact: x.fact, src: x.src, dst: x.dst, seq: x.seq, "
        "evidence: list_slice(ev, 1, x.move), evidence_keys: CAST(x.a_keys AS STRING[]), "
        "evidence_batches: CAST(x.a_batches AS STRING[])}) "
        "SET r.evidence = list_slice(ev, x.move + 1, size(ev)), "
        "r.evidence_keys = CAST(x.evidence_keys AS STRING[]), "
        "r.evidence_batches = CAST(x.evidence_batches AS STRING[]), r.batches = CAST(x.batches AS STRING[]), "
        f"r.{ARCHIVED} = coalesce(r.{ARCHIVED}, 0) + x.move, r.{ARCHIVE_ROWS} = x.seq"
    )
    for part in chunks(list(rows)):
        db.run(query, {"rows": list(part)})


def _merge_whole(
    db: LadybugDb, schema: GraphSchema, rtype: str, pair: tuple[str, str], rows: Sequence[dict[str, Any]], keep: int
) -> int:
    """Merge batch rows into stored hub facts read whole (inline lists and archive rows) and write them back laid
    out again; returns the evidence added. Only for a fact with archive rows that a batch gives a span of an item
    stored before (a source ingested again in another batch): its rows may hold that span already."""
    stored = stored_rels(db, rtype, pair, [(r["src"], r["dst"], r["key"]) for r in rows])
    facts = [(r["src"], r["dst"], rtype, stored[(r["src"], r["dst"], r["key"])]) for r in rows]
    added = 0
    out: list[WholeFact] = []
    for row, (src, dst, _, props), (_, _, _, whole) in zip(rows, facts, archive.whole_facts(db, facts), strict=True):
        merged = rec.merge_fact(whole, row)
        added += len(merged["evidence_keys"]) - len(whole["evidence_keys"])
        out.append((rtype, pair, src, dst, merged, row_ids([(src, dst, rtype, props)])))
    store_whole(db, schema, out, keep)
    return added


#: a whole fact to write: (type, (source label, target label), src, dst, props as ``records_archive.hydrate`` gives,
#: the ids of the archive rows it had when read)
WholeFact = tuple[str, tuple[str, str], str, str, dict[str, Any], Sequence[str]]


def store_whole(db: LadybugDb, schema: GraphSchema, facts: Sequence[WholeFact], keep: int) -> None:
    """Write whole facts back: each fact's properties set from its inline part, its old archive rows replaced by the
    rows of its new layout."""
    rows: list[dict[str, Any]] = []
    stale: list[str] = []
    sets: dict[tuple[str, tuple[str, str]], list[dict[str, Any]]] = {}
    for rtype, pair, src, dst, props, old in facts:
        inline, laid = layout(rtype, src, dst, props, keep)
        sets.setdefault((rtype, pair), []).append({**inline, "src": src, "dst": dst})
        rows.extend(laid)
        stale.extend(old)
    archive.delete_rows(db, [*stale, *(row["id"] for row in rows)])
    for (rtype, pair), group in sets.items():
        set_rels(db, schema, rtype, pair, group)
    archive.write_rows(db, schema, rows)


def apply_batch(
    db: LadybugDb,
    schema: GraphSchema,
    batch: ImportBatch,
    records: Sequence[Extraction],
    redirects: dict[str, str],
    keep: int = KEEP_INLINE,
) -> BatchResult:
    """Write a batch in one transaction (see the module docstring); the batch node is committed with it. A record
    the tables cannot hold (e.g. a relation between labels the ontology does not link) fails the whole batch with
    ``Conflict``."""
    try:
        return _apply(db, schema, batch, records, redirects, keep)
    except QueryError as exc:  # our statements are fixed: a binder error here means the data does not fit
        raise Conflict(f"batch {batch.id} does not fit the graph schema: {exc}", batch=batch.id) from exc


def _apply(
    db: LadybugDb,
    schema: GraphSchema,
    batch: ImportBatch,
    records: Sequence[Extraction],
    redirects: dict[str, str],
    keep: int,
) -> BatchResult:
    rows = rec.prepare_batch(batch.id, records, redirects)
    committed = batch.model_copy(update={"status": "committed"})
    nodes_created = rels_created = evidence_added = 0
    fresh: set[str] = set()  # ids of the nodes this batch creates
    with db.transaction():
        for label, group in rows.entities_by_label().items():
            created, before = _upsert_nodes(db, schema, label, group, rec.merge_entity)
            nodes_created += created
            fresh |= {r["id"] for r in group} - before
        items = list(rows.items.values())
        created, before = _upsert_nodes(db, schema, ITEM_LABEL, items, rec.merge_item)
        nodes_created += created
        fresh |= {r["id"] for r in items} - before
        mentions = [
            {**m, "src": m["item"], "dst": m["entity"], "src_label": ITEM_LABEL, "dst_label": m["label"]}
            for m in rows.mentions.values()
        ]
        created, _ = _upsert_rels(db, schema, MENTIONS, mentions, fresh, rec.merge_mention)
        rels_created += created
        for rtype, group in rows.facts_by_type().items():
            created, added = _upsert_rels(db, schema, rtype, group, fresh, rec.merge_fact, keep)
            rels_created += created
            evidence_added += added
        write_batch_node(db, committed)
    return BatchResult(
        batch=committed,
        nodes_created=nodes_created,
        relationships_created=rels_created,
        evidence_added=evidence_added,
    )


def read_batch(db: LadybugDb, batch_id: str) -> ImportBatch:
    """The stored batch, or NotFound."""
    found = db.rows(f"MATCH (b:{BATCH_LABEL} {{id: $id}}) RETURN b", {"id": batch_id})
    if not found:
        raise NotFound(f"no import batch {batch_id}", id=batch_id)
    return rec.batch_from_props(clean(found[0][0]))


def rollback_batch(db: LadybugDb, schema: GraphSchema, batch_id: str, keep: int = KEEP_INLINE) -> ImportBatch:
    """Remove what the batch alone contributed (one transaction) and mark it rolled back."""
    batch = read_batch(db, batch_id)
    if batch.status == "rolled_back":
        raise Conflict(f"batch {batch_id} is already rolled back", id=batch_id)
    params = {"b": batch_id}
    with db.transaction():
        for rtype in schema.rels:
            query = (
                f"MATCH (a)-[r:{rtype}]->(b) WHERE list_contains(r.batches, $b) "
                "RETURN a.id, b.id, label(a), label(b), r"
            )
            by_pair: dict[tuple[str, str], tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
            found = db.rows(query, params)
            # hub facts are rolled back whole: the batch's spans may be in their archive rows
            wholes = archive.whole_facts(db, [(src, dst, rtype, clean(rel)) for src, dst, _, _, rel in found])
            hubs: list[WholeFact] = []
            stale: list[str] = []  # archive rows of deleted facts
            for (src, dst, src_label, dst_label, rel), (_, _, _, whole) in zip(found, wholes, strict=True):
                props = {**whole, "src": src, "dst": dst}
                kept, drop = by_pair.setdefault((src_label, dst_label), ([], []))
                if rtype == MENTIONS:
                    props["batches"] = [b for b in props.get("batches") or [] if b != batch_id]
                    (kept if props["batches"] else drop).append(props)
                    continue
                old = row_ids([(src, dst, rtype, clean(rel))])
                left = rec.rollback_fact(whole, batch_id)
                if left is None:
                    drop.append(props)
                    stale.extend(old)
                elif old:
                    hubs.append((rtype, (src_label, dst_label), src, dst, left, old))
                else:
                    kept.append({**left, "src": src, "dst": dst})
            for pair, (kept, drop) in by_pair.items():
                delete_rels(db, rtype, pair, drop)
                set_rels(db, schema, rtype, pair, kept)
            archive.delete_rows(db, stale)
            store_whole(db, schema, hubs, keep)
        for label in (*schema.entity_labels, ITEM_LABEL):
            found = db.rows(f"MATCH (n:{label}) WHERE list_contains(n.batches, $b) RETURN n.id, n.batches", params)
            gone = [nid for nid, batches in found if not [b for b in batches if b != batch_id]]
            remaining = [{"id": nid, "batches": [b for b in batches if b != batch_id]} for nid, batches in found]
            remaining = [k for k in remaining if k["batches"]]
            if label != ITEM_LABEL:  # facts that go with those entities take their archive rows along
                archive.delete_rows(db, row_ids(_hub_facts(db, schema, label, gone)))
            delete_nodes(db, label, gone)
            for part in chunks(remaining):
                db.run(
                    f"UNWIND $rows AS x MATCH (n:{label} {{id: x.id}}) SET n.batches = CAST(x.batches AS STRING[])",
                    {"rows": list(part)},
                )
        done = batch.model_copy(update={"status": "rolled_back"})
        write_batch_node(db, done)
    return done


def _hub_facts(
    db: LadybugDb, schema: GraphSchema, label: str, ids: Sequence[str]
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(src, dst, type, props with ``key`` and the archive counter) of the facts with archive rows at these nodes."""
    if not ids:
        return []
    columns = f"a.id AS _here, b.id AS _there, label(r) AS _t, r.key AS key, r.{ARCHIVE_ROWS} AS {ARCHIVE_ROWS}"
    rows = around(db, label, ids, "|".join(schema.fact_types), columns, where=f"r.{ARCHIVE_ROWS} > 0")
    out = {}
    for row in rows:
        src, dst = (row["_here"], row["_there"]) if row["_out"] else (row["_there"], row["_here"])
        out[(src, dst, row["_t"], row["key"])] = (
            src,
            dst,
            row["_t"],
            {"key": row["key"], ARCHIVE_ROWS: row[ARCHIVE_ROWS]},
        )
    return list(out.values())
