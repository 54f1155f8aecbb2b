"""Bounded graph walks on Neo4j: the neighbourhood of an entity and the collaboration graph around a researcher.

Both run in one READ transaction and return bounded rows: a hub (an institution or journal shared by thousands of
items) is expanded on the server, but only the nodes that can still be kept come back. The walk itself (which nodes
are kept, what is reported as truncated) is the one shared with the embedded store in :mod:`kg.store.records_graph`.

A neighbourhood level is one query that groups the frontier's relationships by far end and sorts and cuts those
groups before reading any property, so the evidence of a hub's thousands of relationships is never read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from neo4j import ManagedTransaction

from kg.store.neo4j_archive import whole_facts
from kg.store.records import NODE_FIELDS, cypher_projection, label_of
from kg.store.records_archive import ARCHIVE_ROWS, ARCHIVED
from kg.store.records_graph import (
    EVIDENCE_PER_EDGE,
    Collab,
    Hop,
    Walk,
    collaboration_around,
    light_evidence,
    walk,
)

COLLAB = "COLLABORATED_WITH"

#: the last collaboration fetch seeks both ends and reads the ties between them when it has at most this many
#: (researcher, researcher) pairs to try; past it, expanding the frontier's ties and filtering them is the safer cost
INTO_PAIRS = 1000

#: what the answer shows of a neighbourhood's centre, an entity or a news item (``records.node_from_props``)
CENTER_FIELDS = (*NODE_FIELDS, "title", "date", "source", "lang", "section", "url")


def _q(text: str) -> Any:
    from kg.store.neo4j import q

    return q(text)


def _by_label(ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for node_id in ids:
        out.setdefault(label_of(node_id), []).append(node_id)
    return out


def expand_level(
    tx: ManagedTransaction,
    frontier: Sequence[str],
    seen: AbstractSet[str],
    room: int,
    types: str,
    degree_types: str | None = None,
    degrees_out: dict[str, int] | None = None,
    done: Sequence[str] = (),
    center_out: dict[str, Any] | None = None,
) -> tuple[list[Hop], bool]:
    """One level of the bounded walk (``records_graph.BoundedExpand``) in one query: the frontier's relationships
    grouped by far end; the groups of nodes already seen, then the ``room`` + 1 new ones with the smallest ids.
    Properties (evidence included) are read only for what the LIMIT lets through. With ``degree_types``, the number
    of those relationships of each new node kept goes into ``degrees_out`` (the next level's hub test, without a
    query of its own).

    Relationships read before are left out: those to a node in ``done`` (expanded at an earlier level, so all of its
    relationships came back then) and the second copy of one between two frontier nodes. At depth 2 that was every
    relationship back to the centre, with its evidence, again.

    With ``center_out`` (the first level: the frontier is one id), the properties a node of the answer shows of that
    node go into it, when a node has that id: the walk needs no lookup of its centre first (one round trip fewer)."""
    seeks = " UNION ALL ".join(
        f"UNWIND $ids_{label} AS id MATCH (a:{label} {{id: id}}) RETURN a" for label in _by_label(frontier)
    )
    params: dict[str, Any] = {f"ids_{label}": ids for label, ids in _by_label(frontier).items()}
    degree = f"COUNT {{ (b)-[:{degree_types}]-() }}" if degree_types else "null"
    # one record holding the level's groups in order (collect keeps the ORDER BY): a record per group would cost a
    # Bolt message and its decoding each, a few hundred per neighbourhood
    level = (
        f"CALL {{ {seeks} }} MATCH (a)-[r:{types}]-(b) "
        "WHERE NOT b.id IN $done AND (a.id < b.id OR NOT b.id IN $here) "
        "WITH b, collect([a.id, startNode(r) = a, r]) AS rels, b.id IN $seen AS old "
        "ORDER BY old DESC, b.id LIMIT $most "
        f"RETURN collect([b.id, old, labels(b)[0], CASE WHEN old THEN null ELSE {cypher_projection('b')} END, "
        f"CASE WHEN old THEN null ELSE {degree} END, "
        # the evidence list bound once ([e IN [...] | ...][0]): read for the slice and again for its size, a hub
        # fact's thousands of spans were decoded twice (PROFILE at 100k: ~10% of a depth-2 level's server CPU)
        "[x IN rels | [e IN [x[2].evidence] | [x[0], x[1], type(x[2]), {key: x[2].key, role: x[2].role, "
        f"year: x[2].year, evidence: e[-$ev..], evidence_total: size(e) + coalesce(x[2].{ARCHIVED}, 0)}}]][0]]]) "
        "AS groups"
    )
    if center_out is not None:
        fields = ", ".join(f".{f}" for f in CENTER_FIELDS)
        level = (
            f"OPTIONAL MATCH (c:{label_of(frontier[0])} {{id: $center}}) WITH c {{{fields}}} AS center "
            f"CALL () {{ {level} }} RETURN center, groups"
        )
        params["center"] = frontier[0]
    record = tx.run(
        _q(level),
        params,
        seen=list(seen),
        done=list(done),
        here=list(frontier),
        most=len(seen) + room + 1,
        ev=EVIDENCE_PER_EDGE,
    ).single(strict=True)
    if center_out is not None and record["center"] is not None:
        center_out.update(record["center"])
    hops: list[Hop] = []
    new = 0
    more = False
    for there, old, label, bp, d, rels in record["groups"]:
        if not old:
            new += 1
            if new > room:
                more = True
                break
        other = dict(bp or {"id": there})
        if degrees_out is not None and d is not None:
            degrees_out[there] = d
        for here, out, rtype, props in rels:
            src, dst = (here, there) if out else (there, here)
            hops.append(Hop(src, dst, rtype, dict(props), label, other))
    return hops, more


def degrees(tx: ManagedTransaction, ids: Sequence[str], fact_types: str) -> dict[str, int]:
    """id -> number of fact relationships (the store's degree counts, no relationship read)."""
    out: dict[str, int] = {}
    for label, label_ids in _by_label(ids).items():
        rows = tx.run(
            _q(
                f"UNWIND $ids AS id MATCH (a:{label} {{id: id}}) "
                f"RETURN a.id AS id, COUNT {{ (a)-[:{fact_types}]-() }} AS d"
            ),
            ids=label_ids,
        )
        out.update((r["id"], r["d"]) for r in rows)
    return out


def neighbourhood(
    tx: ManagedTransaction,
    center: tuple[str, str],
    rel_types: Sequence[str],
    all_fact_types: Sequence[str],
    depth: int,
    types: Sequence[str],
    limit: int,
    center_out: dict[str, Any] | None = None,
) -> Walk:
    """The bounded neighbourhood of ``center`` (id, label) over the relationship types ``rel_types`` (see
    ``records_graph.walk``; hubs are counted over all fact types). A level's query also counts the facts of the new
    nodes it keeps, so the hub test of the next level needs no query of its own: a depth-2 walk is two queries.
    ``center_out``: filled with the centre's properties when a node has its id (see :func:`expand_level`)."""
    followed, facts = "|".join(rel_types), "|".join(all_fact_types)
    known: dict[str, int] = {}
    levels = 0
    expanded: list[str] = []  # the frontiers so far: every relationship of theirs has been read

    def expand(ids: Sequence[str], seen: AbstractSet[str], room: int) -> tuple[list[Hop], bool]:
        nonlocal levels
        levels += 1
        asks = center_out if levels == 1 else None
        found = expand_level(tx, ids, seen, room, followed, facts if levels < depth else None, known, expanded, asks)
        expanded.extend(ids)
        return found

    def degree_of(ids: Sequence[str]) -> Mapping[str, int]:
        missing = [n for n in ids if n not in known]
        if missing:  # not expected: every frontier node was kept (with its count) by the level before
            known.update(degrees(tx, missing, facts))
        return known

    return walk(center, expand, depth, types, (), limit, degree_of)


def collab_hops(
    tx: ManagedTransaction,
    ids: Sequence[str],
    among: Sequence[str] | None,
    done: AbstractSet[str] = frozenset(),
    center_out: dict[str, Any] | None = None,
    tail: int | None = None,
) -> list[Hop]:
    """Every COLLABORATED_WITH fact between two researchers with an end among ``ids`` (and, when ``among`` is given,
    the other end among those), with the properties the graph reads (key, evidence; not the evidence keys or batch
    lists) and the far researcher's. Leaves out what the walk has read (see ``records_graph.CollabFetch``): facts to
    researchers in ``done``, the second copy of a fact between two of ``ids``, and the properties of a far end the
    caller knows (``among`` given). Around one researcher the last fetch was mostly those: every tie back to the
    centre, each with all its evidence, and every tie among the others twice. With ``center_out`` (``ids`` one
    researcher's id), the researcher's properties go into it when it exists: no lookup of its own first.

    With ``among`` and at most :data:`INTO_PAIRS` pairs, both ends are sought by id and only the ties between them
    are read: the same ties in another order. The graph's edges and their evidence are sorted; only a span stored
    on two facts of one pair with different fields would keep the first one read, which already hung on the order
    Neo4j keeps relationships in.

    ``tail`` (``records_graph.light_evidence``): the facts' evidence keys and only the last ``tail`` evidence entries
    are read, not the whole evidence (a prolific pair's tie carries a thousand sentences)."""
    where = "WHERE NOT b.id IN $done AND (a.id < b.id OR NOT b.id IN $ids) "
    match = f"UNWIND $ids AS id MATCH (a:Researcher {{id: id}})-[r:{COLLAB}]-(b:Researcher) {where}"
    if among is not None:
        among = [x for x in among if x not in done]
        if len(ids) * len(among) <= INTO_PAIRS:
            # both ends known: seek each and ask only for the ties between them (Expand(Into)) instead of expanding
            # every tie of ``ids`` and filtering the far end; a prolific researcher has thousands of ties, of which
            # a few are among the researchers reached
            match = (
                "UNWIND $ids AS id MATCH (a:Researcher {id: id}) UNWIND $among AS other "
                f"MATCH (b:Researcher {{id: other}}) {where}MATCH (a)-[r:{COLLAB}]-(b) "
            )
        else:
            match += "AND b.id IN $among "
    far = "null" if among is not None else cypher_projection("b")
    # a hub tie's archive rows are read after (neo4j_archive.whole_facts): older spans before the inline ones, so
    # the keys are whole and the tail is still the tail
    if tail is None:
        rel = f"r {{.key, .evidence, .{ARCHIVE_ROWS}}}"
    else:  # evidence[-0..] would be the whole list
        rel = f"r {{.key, .evidence_keys, .{ARCHIVE_ROWS}, evidence: {'r.evidence[-$tail..]' if tail > 0 else '[]'}}}"
    query = f"{match}RETURN collect([a.id, b.id, startNode(r) = a, {rel}, {far}]) AS ties"
    if center_out is not None:
        query = (
            f"OPTIONAL MATCH (c:Researcher {{id: $ids[0]}}) WITH {cypher_projection('c')} AS center "
            f"CALL () {{ {query} }} RETURN center, ties"
        )
    record = tx.run(  # one record (see expand_level)
        _q(query), ids=list(ids), among=list(among or []), done=list(done), tail=tail
    ).single(strict=True)
    if center_out is not None and record["center"] is not None:
        center_out.update(record["center"])
    ends: list[tuple[str, str, dict[str, Any]]] = []
    facts = []
    for here, there, out, props, other in record["ties"]:
        src, dst = (here, there) if out else (there, here)
        facts.append((src, dst, COLLAB, dict(props)))
        ends.append((src, dst, other or {"id": there}))
    return [
        Hop(src, dst, COLLAB, props, "Researcher", far)
        for (src, dst, far), (_, _, _, props) in zip(ends, whole_facts(tx, facts), strict=True)
    ]


def researcher_collaboration(
    tx: ManagedTransaction,
    around: str,
    resolve: Callable[[ManagedTransaction, str], tuple[str, dict[str, Any]]],
    depth: int,
    min_weight: int,
    since: str | None,
    until: str | None,
    limit: int,
    evidence_per_edge: int | None = None,
) -> Collab:
    """The researcher collaboration graph within ``depth`` of one researcher, read from its neighbourhood only.

    The first fetch (the ties of ``around``) also reads the researcher, so the walk needs no lookup of its centre
    first; an id that names no researcher as given (merged away, another kind of entity, unknown) is looked up by
    ``resolve`` (which raises ``NotFound``) and the walk starts from what it finds."""
    props: dict[str, Any] = {}
    tail = light_evidence(evidence_per_edge, since, until)
    first = collab_hops(tx, [around], None, frozenset(), props, tail)
    center: tuple[str, Mapping[str, Any]] = ("Researcher", props) if props else resolve(tx, around)
    ready = {around: first} if props else {}

    def fetch(ids: Sequence[str], among: Sequence[str] | None, done: AbstractSet[str]) -> list[Hop]:
        if among is None and len(ids) == 1 and ids[0] in ready:  # the centre's ties, read with it above
            return ready.pop(ids[0])
        return collab_hops(tx, ids, among, done, tail=tail)

    return collaboration_around(center, fetch, depth, min_weight, since, until, limit, evidence_per_edge)
