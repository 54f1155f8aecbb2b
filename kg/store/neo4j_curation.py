"""Curation verbs of the Neo4j store (mixed into ``kg.store.neo4j.Neo4jStore``): merge, split, rename.

Each runs in one write transaction. Facts are re-pointed by reading them, merging with the shared functions of
``kg.store.records`` (so duplicates combine their evidence exactly as on apply) and writing them back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from neo4j import ManagedTransaction

from kg.errors import Conflict, NotFound, UsageError
from kg.ids import entity_id as make_entity_id
from kg.model import SYMMETRIC_PREDICATES, Evidence
from kg.store.base import Node
from kg.store.neo4j_archive import delete_rows, replace_rows, whole_facts
from kg.store.neo4j_write import refresh_search_rank
from kg.store.records import (
    _finish_entity,
    absorb_entity,
    evidence_key,
    label_of,
    merge_fact,
    merge_mention,
    node_from_props,
    parse_span,
)
from kg.store.records_archive import archive_ids, layout, rows_of
from kg.store.schema import ITEM_LABEL, GraphSchema, predicate_of


def _q(text: str) -> Any:
    from kg.store.neo4j import q

    return q(text)


class Neo4jCuration:
    """merge / split / rename."""

    schema: GraphSchema
    evidence_inline: int
    _write: Callable[..., Any]

    def _props(self, tx: ManagedTransaction, node_id: str) -> tuple[str, dict[str, Any]]:
        label = label_of(node_id)
        record = tx.run(_q(f"MATCH (n:{label} {{id: $id}}) RETURN properties(n) AS p"), id=node_id).single()
        if record is None or label not in self.schema.entity_labels:
            raise NotFound(f"no entity {node_id}", id=node_id)
        return label, dict(record["p"])

    def _rels(self, tx: ManagedTransaction, label: str, node_id: str) -> list[dict[str, Any]]:
        """Every relationship of a node (facts and MENTIONS), with both end ids and labels."""
        rows = tx.run(
            _q(
                f"MATCH (n:{label} {{id: $id}})-[r]-(o) RETURN elementId(r) AS eid, type(r) AS t, "
                "startNode(r).id AS src, endNode(r).id AS dst, labels(startNode(r))[0] AS sl, "
                "labels(endNode(r))[0] AS dl, properties(r) AS p"
            ),
            id=node_id,
        )
        out = [dict(r) for r in rows]
        # facts are handled whole (their archive rows read back); ``old`` names the rows to replace on write
        facts = [r for r in out if r["t"] != "MENTIONS"]
        wholes = whole_facts(tx, [(r["src"], r["dst"], r["t"], dict(r["p"])) for r in facts])
        for rel, (_, _, _, props) in zip(facts, wholes, strict=True):
            rel["old"] = archive_ids(rel["t"], rel["src"], rel["dst"], rel["p"].get("key"), rows_of(rel["p"]))
            rel["p"] = props
        return out

    def _laid_out(
        self, tx: ManagedTransaction, rtype: str, src: str, dst: str, props: dict[str, Any], stale: Sequence[str]
    ) -> dict[str, Any]:
        """A whole fact's inline properties; its archive rows written, the ``stale`` ones deleted first."""
        inline, rows = layout(rtype, src, dst, props, self.evidence_inline)
        replace_rows(tx, stale, rows)
        return inline

    def _put_rel(self, tx: ManagedTransaction, rel: dict[str, Any], src: str, dst: str) -> None:
        """Merge a relationship's properties into the one between src and dst (created if missing)."""
        rtype, props = rel["t"], dict(rel["p"])
        if rtype != "MENTIONS" and predicate_of(rtype) in SYMMETRIC_PREDICATES and dst < src:
            src, dst = dst, src
        sl = ITEM_LABEL if src.startswith("item-") else label_of(src)
        dl = label_of(dst)
        if rtype == "MENTIONS":
            match = f"MATCH (a:{sl} {{id: $src}})-[r:MENTIONS]->(b:{dl} {{id: $dst}}) RETURN properties(r) AS p"
            record = tx.run(_q(match), src=src, dst=dst).single()
            merged = merge_mention(None if record is None else dict(record["p"]), props)
            tx.run(
                _q(f"MATCH (a:{sl} {{id: $src}}) MATCH (b:{dl} {{id: $dst}}) MERGE (a)-[r:MENTIONS]->(b) SET r = $p"),
                src=src,
                dst=dst,
                p=merged,
            ).consume()
            return
        match = (
            f"MATCH (a:{sl} {{id: $src}})-[r:{rtype} {{key: $key}}]->(b:{dl} {{id: $dst}}) RETURN properties(r) AS p"
        )
        record = tx.run(_q(match), src=src, dst=dst, key=props["key"]).single()
        stored, stale = None, []
        if record is not None:
            stale = archive_ids(rtype, src, dst, props["key"], rows_of(record["p"]))
            stored = whole_facts(tx, [(src, dst, rtype, dict(record["p"]))])[0][3]
        merged = self._laid_out(tx, rtype, src, dst, merge_fact(stored, props), stale)
        tx.run(
            _q(
                f"MATCH (a:{sl} {{id: $src}}) MATCH (b:{dl} {{id: $dst}}) MERGE (a)-[r:{rtype} {{key: $key}}]->(b) "
                "SET r = $p"
            ),
            src=src,
            dst=dst,
            key=props["key"],
            p=merged,
        ).consume()

    # ----------------------------------------------------------------------------------------------------- merge

    def merge(self, keep: str, drop: str) -> Node:
        """Merge ``drop`` into ``keep`` (same type): names, aliases, identifiers, batches, mentions and facts move
        over (duplicates combine their evidence, self-loops are dropped); ``drop`` is deleted and resolves to
        ``keep`` from now on."""
        if keep == drop:
            raise Conflict("cannot merge an entity into itself", id=keep)

        def work(tx: ManagedTransaction) -> Node:
            keep_label, keep_props = self._props(tx, keep)
            drop_label, drop_props = self._props(tx, drop)
            if keep_label != drop_label:
                raise Conflict(f"cannot merge a {drop_label} into a {keep_label}", keep=keep, drop=drop)
            rels = self._rels(tx, drop_label, drop)
            ends = {x for rel in rels for x in (rel["src"], rel["dst"]) if x != drop}
            for rel in rels:
                src = keep if rel["src"] == drop else rel["src"]
                dst = keep if rel["dst"] == drop else rel["dst"]
                if src != dst:
                    self._put_rel(tx, rel, src, dst)
            # drop's facts go with it: their archive rows too (the moved facts were written anew under keep)
            delete_rows(tx, [x for rel in rels for x in rel.get("old", ())])
            tx.run(_q(f"MATCH (n:{drop_label} {{id: $id}}) DETACH DELETE n"), id=drop).consume()
            merged = absorb_entity(keep_props, drop_props)
            tx.run(_q(f"MATCH (n:{keep_label} {{id: $id}}) SET n = $p"), id=keep, p=merged).consume()
            # keep gained facts (and lost a self-loop); a neighbour of drop whose fact folded into one it already
            # had with keep lost one
            refresh_search_rank(tx, self.schema, ids=[keep, *ends])
            return node_from_props(keep_label, merged)

        result: Node = self._write(work)
        return result

    # ----------------------------------------------------------------------------------------------------- split

    def split(self, entity_id: str, aliases: Sequence[str], new_name: str) -> Node:
        """A new entity named ``new_name`` takes the given aliases, the mentions whose text is one of them, and the
        evidence (with its facts) whose span contains one of those mentions."""
        moving = {a for a in aliases if a} | {new_name}
        if not aliases:
            raise UsageError("split needs at least one alias to move")

        def work(tx: ManagedTransaction) -> Node:
            label, props = self._props(tx, entity_id)
            new_id = make_entity_id(label, new_name)
            if new_id == entity_id:
                raise Conflict("the new name gives the same id as the entity being split", id=entity_id)
            if tx.run(_q(f"MATCH (n:{label} {{id: $id}}) RETURN n.id"), id=new_id).single() is not None:
                raise Conflict(f"an entity {new_id} named {new_name!r} already exists", id=new_id)
            new_props = _finish_entity(
                {
                    "id": new_id,
                    "name": new_name,
                    "aliases": [a for a in aliases if a != new_name],
                    "identifiers": "{}",
                    "batches": list(props.get("batches") or []),
                    "merged_ids": [],
                }
            )
            tx.run(_q(f"CREATE (n:{label}) SET n = $p"), p=new_props).consume()
            old = dict(props)
            old["aliases"] = [a for a in props.get("aliases") or [] if a not in moving]
            tx.run(_q(f"MATCH (n:{label} {{id: $id}}) SET n = $p"), id=entity_id, p=_finish_entity(old)).consume()
            rels = self._rels(tx, label, entity_id)
            moved_spans: dict[str, list[tuple[int, int]]] = {}
            for rel in (r for r in rels if r["t"] == "MENTIONS"):
                spans = list(rel["p"].get("spans") or [])
                go = [s for s in spans if parse_span(s).text in moving]
                if not go:
                    continue
                moved_spans[rel["src"]] = [(parse_span(s).start, parse_span(s).end) for s in go]
                self._put_rel(tx, {**rel, "p": {**rel["p"], "spans": go}}, rel["src"], new_id)
                self._set_or_delete(tx, rel["eid"], {**rel["p"], "spans": [s for s in spans if s not in go]}, "spans")
            for rel in (r for r in rels if r["t"] != "MENTIONS"):
                self._split_fact(tx, rel, entity_id, new_id, moved_spans)
            # facts moved to the new entity, and the far ends of those that were split gained one
            refresh_search_rank(
                tx, self.schema, ids=[entity_id, new_id, *(x for r in rels for x in (r["src"], r["dst"]))]
            )
            return node_from_props(label, new_props)

        result: Node = self._write(work)
        return result

    def _split_fact(
        self,
        tx: ManagedTransaction,
        rel: dict[str, Any],
        old_id: str,
        new_id: str,
        moved_spans: dict[str, list[tuple[int, int]]],
    ) -> None:
        props = rel["p"]
        stay: dict[str, list[Any]] = {"evidence": [], "evidence_keys": [], "evidence_batches": []}
        move: dict[str, list[Any]] = {"evidence": [], "evidence_keys": [], "evidence_batches": []}
        for ev, key, batches in zip(props["evidence"], props["evidence_keys"], props["evidence_batches"], strict=True):
            evidence = Evidence.model_validate_json(ev)
            assert evidence_key(evidence) == key
            inside = any(evidence.start <= s and e <= evidence.end for s, e in moved_spans.get(evidence.item_id, []))
            bucket = move if inside else stay
            bucket["evidence"].append(ev)
            bucket["evidence_keys"].append(key)
            bucket["evidence_batches"].append(batches)
        if not move["evidence"]:
            return
        src = new_id if rel["src"] == old_id else rel["src"]
        dst = new_id if rel["dst"] == old_id else rel["dst"]
        batches = sorted({b for bs in move["evidence_batches"] for b in bs.split()})
        self._put_rel(tx, {**rel, "p": {**props, **move, "batches": batches}}, src, dst)
        left = sorted({b for bs in stay["evidence_batches"] for b in bs.split()})
        self._set_or_delete(tx, rel["eid"], {**props, **stay, "batches": left}, "evidence", rel)

    def _set_or_delete(
        self,
        tx: ManagedTransaction,
        eid: str,
        props: dict[str, Any],
        list_key: str,
        fact: dict[str, Any] | None = None,
    ) -> None:
        """Overwrite a relationship's properties, or delete it when ``props[list_key]`` is empty; a ``fact`` (as
        ``_rels`` read it) is laid out again with its archive rows."""
        if fact is not None:
            stale = list(fact.get("old", ()))
            if not props[list_key]:
                delete_rows(tx, stale)
            else:
                props = self._laid_out(tx, fact["t"], fact["src"], fact["dst"], props, stale)
        if props[list_key]:
            tx.run(_q("MATCH ()-[r]->() WHERE elementId(r) = $eid SET r = $p"), eid=eid, p=props).consume()
        else:
            tx.run(_q("MATCH ()-[r]->() WHERE elementId(r) = $eid DELETE r"), eid=eid).consume()

    # ---------------------------------------------------------------------------------------------------- rename

    def rename(self, entity_id: str, name: str | None = None, add_aliases: Sequence[str] = ()) -> Node:
        """A new canonical name (the old one becomes an alias) and/or extra aliases; the id stays."""

        def work(tx: ManagedTransaction) -> Node:
            label, props = self._props(tx, entity_id)
            updated = dict(props)
            if name and name != props["name"]:
                updated["name"] = name
                updated["aliases"] = [props["name"], *(props.get("aliases") or [])]
            updated["aliases"] = [*(updated.get("aliases") or []), *add_aliases]
            updated = _finish_entity(updated)
            tx.run(_q(f"MATCH (n:{label} {{id: $id}}) SET n = $p"), id=entity_id, p=updated).consume()
            refresh_search_rank(tx, self.schema, ids=[entity_id])  # the name is part of it (and SET n = $p cleared it)
            return node_from_props(label, updated)

        result: Node = self._write(work)
        return result
