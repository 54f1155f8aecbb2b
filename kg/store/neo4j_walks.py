"""Bounded graph walks on Neo4j: the neighbourhood of an entity and the collaboration graph around a researcher.

Both run in one READ transaction and never expand a node without a LIMIT: each node's relationships are read in
index order of the far end's id with ``ORDER BY ... LIMIT $cap`` inside a per-node subquery, so a hub (an institution
or journal shared by thousands of items) costs at most ``cap`` rows. The walk itself (which nodes are kept, what is
reported as truncated) is the one shared with the embedded store in :mod:`kg.store.records_graph`.

The neighbourhood walk reads light rows first (ids, types, keys, element ids) and fetches the properties (evidence
included) of what it keeps only, which is what makes a depth-2 walk past a hub cheap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from neo4j import ManagedTransaction

from kg.store.base import Node, SubGraph
from kg.store.records import edge_from_props, label_of, node_from_props
from kg.store.records_graph import Hop, collaboration_around, walk

COLLAB = "COLLABORATED_WITH"


def _q(text: str) -> Any:
    from kg.store.neo4j import q

    return q(text)


def _by_label(ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for node_id in ids:
        out.setdefault(label_of(node_id), []).append(node_id)
    return out


def light_hops(tx: ManagedTransaction, ids: Sequence[str], cap: int, types: str) -> list[Hop]:
    """At most ``cap`` fact relationships per node (smallest far-end id first, then type and key), as hops carrying
    only the key and element id of the relationship and the id of the far end."""
    hops: list[Hop] = []
    for label, label_ids in _by_label(ids).items():
        rows = tx.run(
            _q(
                f"UNWIND $ids AS id MATCH (a:{label} {{id: id}}) "
                f"CALL (a) {{ MATCH (a)-[r:{types}]-(b) "
                "RETURN r, b ORDER BY b.id, type(r), coalesce(r.key, '') LIMIT $cap } "
                "RETURN a.id AS here, b.id AS there, startNode(r) = a AS out, type(r) AS t, r.key AS key, "
                "elementId(r) AS eid, labels(b)[0] AS bl"
            ),
            ids=label_ids,
            cap=cap,
        )
        for r in rows:
            src, dst = (r["here"], r["there"]) if r["out"] else (r["there"], r["here"])
            hops.append(Hop(src, dst, r["t"], {"key": r["key"], "eid": r["eid"]}, r["bl"], {"id": r["there"]}))
    return hops


def node_props(tx: ManagedTransaction, ids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    """id -> (label, properties) of the given nodes, by index lookups."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for label, label_ids in _by_label(ids).items():
        query = f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id, properties(n) AS p"
        rows = tx.run(_q(query), ids=label_ids)
        out.update((r["id"], (label, dict(r["p"]))) for r in rows)
    return out


def rel_props(tx: ManagedTransaction, element_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """element id -> properties of the given relationships (a seek by element id each)."""
    rows = tx.run(
        _q("UNWIND $eids AS e MATCH ()-[r]->() WHERE elementId(r) = e RETURN e, properties(r) AS p"),
        eids=list(element_ids),
    )
    return {r["e"]: dict(r["p"]) for r in rows}


def neighbourhood(
    tx: ManagedTransaction,
    center: Node,
    fact_types: Sequence[str],
    depth: int,
    types: Sequence[str],
    limit: int,
) -> SubGraph:
    """The bounded neighbourhood of ``center`` over the given relationship types (see ``records_graph.walk``)."""
    rel_types = "|".join(fact_types)
    found = walk(
        (center.id, center.type), lambda ids, cap: light_hops(tx, ids, cap, rel_types), depth, types, (), limit
    )
    props = node_props(tx, [n for n, _ in found.nodes if n != center.id])
    rels = rel_props(tx, [str(h.props["eid"]) for h in found.hops])
    return SubGraph(
        nodes=[center if n == center.id else node_from_props(*props[n]) for n, _ in found.nodes],
        edges=[edge_from_props(h.src, h.dst, h.type, rels[str(h.props["eid"])]) for h in found.hops],
        truncated=found.truncated,
    )


def collab_hops(tx: ManagedTransaction, ids: Sequence[str], among: Sequence[str] | None) -> list[Hop]:
    """Every COLLABORATED_WITH fact between two researchers with an end among ``ids`` (and, when ``among`` is given,
    the other end among those), with its properties and the far researcher's."""
    where = "WHERE b.id IN $among " if among is not None else ""
    rows = tx.run(
        _q(
            f"UNWIND $ids AS id MATCH (a:Researcher {{id: id}})-[r:{COLLAB}]-(b:Researcher) {where}"
            "RETURN a.id AS here, b.id AS there, startNode(r) = a AS out, properties(r) AS p, properties(b) AS bp"
        ),
        ids=list(ids),
        among=list(among or []),
    )
    hops = []
    for r in rows:
        src, dst = (r["here"], r["there"]) if r["out"] else (r["there"], r["here"])
        hops.append(Hop(src, dst, COLLAB, dict(r["p"]), "Researcher", dict(r["bp"])))
    return hops


def researcher_collaboration(
    tx: ManagedTransaction,
    center: tuple[str, Mapping[str, Any]],
    depth: int,
    min_weight: int,
    since: str | None,
    until: str | None,
    limit: int,
) -> SubGraph:
    """The researcher collaboration graph within ``depth`` of one researcher, read from its neighbourhood only."""
    return collaboration_around(
        center, lambda ids, among: collab_hops(tx, ids, among), depth, min_weight, since, until, limit
    )
