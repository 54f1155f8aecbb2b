"""Curation on the embedded store: merge two entities, split one, rename one. Each is one transaction; the row
arithmetic (what a merged entity or fact looks like) is the shared one of :mod:`kg.store.records`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from kg.errors import Conflict, UsageError
from kg.ids import entity_id as make_entity_id
from kg.ids import normalize_name
from kg.model import SYMMETRIC_PREDICATES, Evidence, Mention
from kg.store import ladybug_archive as archive
from kg.store import records as rec
from kg.store.base import Node
from kg.store.ladybug_db import LadybugDb, clean
from kg.store.ladybug_graph import Fact, facts_touching, fetch_nodes, resolve, to_node
from kg.store.ladybug_write import (
    WholeFact,
    delete_nodes,
    delete_rels,
    node_columns,
    rel_columns,
    set_nodes,
    set_rels,
    store_whole,
    stored_rels,
)
from kg.store.records_archive import KEEP_INLINE, layout, row_ids
from kg.store.schema import ITEM_LABEL, MENTIONS, GraphSchema, predicate_of


def _mentions_of(db: LadybugDb, label: str, node_id: str) -> list[dict[str, Any]]:
    rows = db.rows(f"MATCH (i:{ITEM_LABEL})-[m:{MENTIONS}]->(n:{label} {{id: $id}}) RETURN i.id, m", {"id": node_id})
    return [{**clean(m), "src": item, "dst": node_id} for item, m in rows]


def _oriented(fact: Fact, src: str, dst: str, labels: dict[str, str]) -> dict[str, Any]:
    """A fact row between new ends (symmetric predicates keep the smaller id as source)."""
    if predicate_of(fact.type) in SYMMETRIC_PREDICATES and dst < src:
        src, dst = dst, src
    return {**fact.props, "src": src, "dst": dst, "src_label": labels[src], "dst_label": labels[dst]}


def _write_rels(
    db: LadybugDb, schema: GraphSchema, rtype: str, rows: Sequence[dict[str, Any]], merge: Any, inline: int
) -> None:
    """Create the rows as relationships, merging into those that already exist between the same ends. Fact rows
    are whole facts (``records_archive``): merged with the whole stored fact and laid out again (``inline`` spans
    kept inline)."""
    if rtype == MENTIONS:
        _write_mentions(db, schema, rows, merge)
        return
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        by_pair.setdefault((row["src_label"], row["dst_label"]), []).append(row)
    for pair, group in by_pair.items():
        keys = [(r["src"], r["dst"], r.get("key")) for r in group]
        stored = stored_rels(db, rtype, pair, keys)
        found = [(s, d, rtype, stored[(s, d, k)]) for s, d, k in keys if (s, d, k) in stored]
        wholes = {(s, d, props.get("key")): props for s, d, _, props in archive.whole_facts(db, found)}
        new: list[WholeFact] = []
        changed: list[WholeFact] = []
        for row, key in zip(group, keys, strict=True):
            if key in stored:
                old = row_ids([(row["src"], row["dst"], rtype, stored[key])])
                changed.append((rtype, pair, row["src"], row["dst"], merge(wholes[key], row), old))
            else:
                new.append((rtype, pair, row["src"], row["dst"], row, ()))
        created: list[dict[str, Any]] = []
        for _, _, src, dst, props, _ in new:
            inline_props, rows_laid = layout(rtype, src, dst, props, inline)
            created.append({**inline_props, "src": src, "dst": dst})
            archive.write_rows(db, schema, rows_laid)
        db.copy(rtype, rel_columns(schema, rtype), created, pair)
        store_whole(db, schema, changed, inline)


def _write_mentions(db: LadybugDb, schema: GraphSchema, rows: Sequence[dict[str, Any]], merge: Any) -> None:
    """Create MENTIONS rows, merging into those that already exist between the same ends."""
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        by_pair.setdefault((row["src_label"], row["dst_label"]), []).append(row)
    for pair, group in by_pair.items():
        keys: list[tuple[str, str, str | None]] = [(r["src"], r["dst"], None) for r in group]
        stored = stored_rels(db, MENTIONS, pair, keys)
        new, changed = [], []
        for row, key in zip(group, keys, strict=True):
            if key in stored:
                changed.append({**merge(stored[key], row), "src": row["src"], "dst": row["dst"]})
            else:
                new.append(row)
        db.copy(MENTIONS, rel_columns(schema, MENTIONS), new, pair)
        set_rels(db, schema, MENTIONS, pair, changed)


def merge(db: LadybugDb, schema: GraphSchema, keep: str, drop: str, inline: int = KEEP_INLINE) -> Node:
    """Merge ``drop`` into ``keep`` (see ``GraphStore.merge``)."""
    with db.lock:
        keep_label, keep_props = resolve(db, schema, keep)
        drop_label, drop_props = resolve(db, schema, drop)
        kid, did = keep_props["id"], drop_props["id"]
        if kid == did:
            raise Conflict(f"{keep} and {drop} are already the same entity", keep=keep, drop=drop)
        if keep_label != drop_label:
            raise Conflict(f"cannot merge a {drop_label} into a {keep_label}", keep=keep, drop=drop)
        absorbed = rec.absorb_entity(keep_props, drop_props)
        facts = facts_touching(db, schema, [did])
        labels = {f.src: f.src_label for f in facts} | {f.dst: f.dst_label for f in facts} | {kid: keep_label}
        moved: dict[tuple[str, str, str, str], dict[str, Any]] = {}
        for fact in facts:
            src = kid if fact.src == did else fact.src
            dst = kid if fact.dst == did else fact.dst
            if src == dst:
                continue  # a fact between the two merged entities would become a self-loop
            row = {**_oriented(fact, src, dst, labels), "type": fact.type}
            ident = (fact.type, row["src"], row["dst"], row.get("key") or "")
            moved[ident] = rec.merge_fact(moved.get(ident), row)
        mentions = [
            {**m, "dst": kid, "src_label": ITEM_LABEL, "dst_label": keep_label}
            for m in _mentions_of(db, drop_label, did)
        ]
        with db.transaction():
            delete_nodes(db, drop_label, [did])
            archive.delete_rows(db, [x for fact in facts for x in fact.old])  # drop's facts went with it
            set_nodes(db, schema, keep_label, [absorbed])
            for rtype in schema.fact_types:
                rows = [r for r in moved.values() if r["type"] == rtype]
                _write_rels(db, schema, rtype, rows, rec.merge_fact, inline)
            _write_mentions(db, schema, mentions, rec.merge_mention)
        return to_node(keep_label, absorbed)


def rename(db: LadybugDb, schema: GraphSchema, entity_id: str, name: str | None, add_aliases: Sequence[str]) -> Node:
    """New canonical name (the old one becomes an alias) and/or more aliases; the id stays."""
    with db.lock:
        label, props = resolve(db, schema, entity_id)
        row = dict(props)
        if name is not None and not name.strip():
            raise UsageError("the new name is empty")
        if name and name != props["name"]:
            row["aliases"] = [*(props.get("aliases") or []), props["name"]]
            row["name"] = name
        row["aliases"] = [*(row.get("aliases") or []), *add_aliases]
        row = rec.merge_entity(None, row)
        with db.transaction():
            set_nodes(db, schema, label, [row])
        return to_node(label, row)


def _inside(spans: Sequence[Mention], evidence: Evidence) -> bool:
    return any(m.start >= evidence.start and m.end <= evidence.end for m in spans)


def _split_evidence(props: dict[str, Any], moves: list[bool]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """A fact's properties cut in two by evidence: (the part that stays, the part that moves), None when empty."""
    parts: list[dict[str, Any] | None] = []
    for wanted in (False, True):
        index = [i for i, m in enumerate(moves) if m == wanted]
        if not index:
            parts.append(None)
            continue
        part = dict(props)
        for key in ("evidence", "evidence_keys", "evidence_batches"):
            part[key] = [props[key][i] for i in index]
        part["batches"] = list(dict.fromkeys(b for i in index for b in props["evidence_batches"][i].split()))
        parts.append(part)
    return parts[0], parts[1]


def split(
    db: LadybugDb,
    schema: GraphSchema,
    entity_id: str,
    aliases: Sequence[str],
    new_name: str,
    inline: int = KEEP_INLINE,
) -> Node:
    """A new entity takes the aliases, the mentions with those surface forms and the facts whose evidence spans hold
    only those mentions."""
    with db.lock:
        label, props = resolve(db, schema, entity_id)
        oid = props["id"]
        new_id = make_entity_id(label, new_name)
        if fetch_nodes(db, [new_id]):
            raise Conflict(f"an entity named {new_name!r} already exists: {new_id}", id=new_id)
        forms = {normalize_name(a) for a in (*aliases, new_name)}
        known = {normalize_name(a) for a in (props["name"], *(props.get("aliases") or []))}
        if not forms & known:
            raise UsageError(f"none of {list(aliases)} is a name or alias of {oid}", id=oid)
        if normalize_name(props["name"]) in forms:
            raise UsageError("the canonical name cannot be split off; rename the entity first", id=oid)
        new_row = rec.merge_entity(
            None,
            {
                "id": new_id,
                "name": new_name,
                "aliases": [a for a in aliases if normalize_name(a) != normalize_name(new_name)],
                "identifiers": json.dumps({}),
                "batches": list(props.get("batches") or []),
                "merged_ids": [],
            },
        )
        old_row = rec.merge_entity(
            None, {**props, "aliases": [a for a in props.get("aliases") or [] if normalize_name(a) not in forms]}
        )
        keep_mentions, move_mentions, drop_mentions = [], [], []
        moved_spans: dict[str, list[Mention]] = {}
        kept_spans: dict[str, list[Mention]] = {}
        for m in _mentions_of(db, label, oid):
            spans = [rec.parse_span(s) for s in m.get("spans") or []]
            go = [s for s in spans if normalize_name(s.text) in forms]
            stay = [s for s in spans if normalize_name(s.text) not in forms]
            moved_spans[m["src"]], kept_spans[m["src"]] = go, stay
            base = {"src_label": ITEM_LABEL, "batches": m.get("batches") or []}
            if go:
                move_mentions.append(
                    {**base, "src": m["src"], "dst": new_id, "dst_label": label, "spans": [rec.span(s) for s in go]}
                )
            if stay:
                keep_mentions.append(
                    {**base, "src": m["src"], "dst": oid, "dst_label": label, "spans": [rec.span(s) for s in stay]}
                )
            else:
                drop_mentions.append({**base, "src": m["src"], "dst": oid, "dst_label": label})
        facts = facts_touching(db, schema, [oid])
        changed: list[tuple[Fact, dict[str, Any] | None, dict[str, Any] | None]] = []
        for fact in facts:
            moves = [
                _inside(moved_spans.get(ev.item_id, []), ev) and not _inside(kept_spans.get(ev.item_id, []), ev)
                for ev in rec.evidence_list(fact.props)
            ]
            if any(moves):
                changed.append((fact, *_split_evidence(fact.props, moves)))
        with db.transaction():
            db.copy(label, node_columns(schema, label), [new_row])
            set_nodes(db, schema, label, [old_row])
            delete_rels(db, MENTIONS, (ITEM_LABEL, label), drop_mentions)
            set_rels(db, schema, MENTIONS, (ITEM_LABEL, label), keep_mentions)
            _write_mentions(db, schema, move_mentions, rec.merge_mention)
            for fact, stays, goes in changed:
                pair = (fact.src_label, fact.dst_label)
                row = {**fact.props, "src": fact.src, "dst": fact.dst}
                if stays is None:
                    delete_rels(db, fact.type, pair, [row])
                    archive.delete_rows(db, fact.old)
                else:
                    store_whole(db, schema, [(fact.type, pair, fact.src, fact.dst, stays, fact.old)], inline)
                if goes is not None:
                    src = new_id if fact.src == oid else fact.src
                    dst = new_id if fact.dst == oid else fact.dst
                    labels = {fact.src: fact.src_label, fact.dst: fact.dst_label, new_id: label}
                    moved_fact = Fact(fact.src, fact.dst, fact.src_label, fact.dst_label, fact.type, goes)
                    rows = [_oriented(moved_fact, src, dst, labels)]
                    _write_rels(db, schema, fact.type, rows, rec.merge_fact, inline)
        return to_node(label, new_row)
