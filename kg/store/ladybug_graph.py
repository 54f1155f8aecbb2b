"""Graph reads on the embedded store that the other read verbs build on: resolving ids (merged-away ids included),
fetching nodes by id, and the facts touching a set of nodes, each by primary-key lookups so they stay fast on a
large graph."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kg.errors import NotFound, UsageError
from kg.store import ladybug_archive as archive
from kg.store import records as rec
from kg.store.base import Edge, Node
from kg.store.ladybug_db import LadybugDb, chunks, clean
from kg.store.records_archive import ARCHIVE_ROWS, ARCHIVED, row_ids, rows_of
from kg.store.records_graph import Hop
from kg.store.schema import FACT_PROPERTIES, ITEM_LABEL, GraphSchema, rel_type


@dataclass(frozen=True)
class Fact:
    """A stored fact relationship: endpoints with their labels, type and properties."""

    src: str
    dst: str
    src_label: str
    dst_label: str
    type: str
    props: dict[str, Any]
    #: the ids of the archive rows the fact had when read (``props`` then holds its whole evidence)
    old: tuple[str, ...] = ()

    @property
    def identity(self) -> tuple[str, str, str, str]:
        """(type, src, dst, key), unique in the store."""
        return self.type, self.src, self.dst, self.props.get("key") or ""

    def edge(self, **extra: Any) -> Edge:
        """The fact as the project's :class:`Edge`."""
        return rec.edge_from_props(self.src, self.dst, self.type, self.props, **extra)

    def other(self, node_id: str) -> tuple[str, str]:
        """(id, label) of the end that is not ``node_id``."""
        return (self.dst, self.dst_label) if node_id == self.src else (self.src, self.src_label)


def label_or_none(node_id: str) -> str | None:
    """The label of an id, or None for something that is no node id."""
    try:
        return rec.label_of(node_id)
    except UsageError:
        return None


def group_by_label(ids: Iterable[str]) -> dict[str, list[str]]:
    """Ids grouped by the label their prefix names (ids with no known prefix dropped)."""
    out: dict[str, list[str]] = {}
    for node_id in dict.fromkeys(ids):
        label = label_or_none(node_id)
        if label is not None:
            out.setdefault(label, []).append(node_id)
    return out


def fetch_nodes(db: LadybugDb, ids: Iterable[str], shown: bool = False) -> dict[str, tuple[str, dict[str, Any]]]:
    """id -> (label, stored properties) for those of ``ids`` that exist; with ``shown``, only the properties a
    :class:`Node` of an entity shows (:data:`HOP_NODE`), read as named columns rather than whole node values (a hub's
    page lists hundreds of neighbours)."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for label, group in group_by_label(ids).items():
        for part in chunks(group):
            if shown:
                query = f"UNWIND $ids AS i MATCH (b:{label} {{id: i}}) RETURN {node_columns('b')}"
                for row in db.dicts(query, {"ids": list(part)}):
                    out[row["b_id"]] = (label, node_props(row, "b"))
                continue
            for (node,) in db.rows(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n", {"ids": list(part)}):
                props = clean(node)
                out[props["id"]] = (label, props)
    return out


def to_node(label: str, props: dict[str, Any], **extra: Any) -> Node:
    """Stored properties as :class:`Node`."""
    return rec.node_from_props(label, props, **extra)


def resolve(db: LadybugDb, schema: GraphSchema, entity_id: str) -> tuple[str, dict[str, Any]]:
    """(label, properties) of an entity, following merges: an id merged into another resolves to the survivor."""
    found = fetch_nodes(db, [entity_id])
    if entity_id in found and found[entity_id][0] != ITEM_LABEL:
        return found[entity_id]
    for label in schema.entity_labels:
        rows = db.rows(f"MATCH (n:{label}) WHERE list_contains(n.merged_ids, $id) RETURN n", {"id": entity_id})
        if rows:
            return label, clean(rows[0][0])
    raise NotFound(f"no entity {entity_id}", id=entity_id)


def fact_types(schema: GraphSchema, relations: Sequence[str] = ()) -> list[str]:
    """Relationship types of the facts asked for (ontology property or type names); all facts when empty."""
    if not relations:
        return list(schema.fact_types)
    wanted = {rel_type(r) if not r.isupper() else r for r in relations}
    unknown = wanted - set(schema.fact_types)
    if unknown:
        raise UsageError(f"unknown relation(s): {', '.join(sorted(unknown))}", relations=sorted(unknown))
    return [t for t in schema.fact_types if t in wanted]


def around(
    db: LadybugDb,
    label: str,
    ids: Sequence[str],
    types: str,
    columns: str,
    far: str = "",
    where: str = "",
    params: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Every relationship of the given types at the nodes ``a`` of ``label`` with these ids, both directions (column
    ``_out`` says which), with the far node as ``b`` (of label ``far`` when given, and passing the condition
    ``where`` over ``$``-parameters in ``params`` when given); ``columns`` are the returned expressions over ``a``,
    ``r`` and ``b``.

    The engine plans ``UNWIND $ids AS i MATCH (a {id: i})-[r]->(b)`` as a hash join against a scan of every
    relationship of the label with its properties (≈ 45 ms at 10k items whatever the ids), and ``a.id IN $ids`` as a
    scan filtered by a list search (quadratic in the ids); a primary-key lookup followed by an OPTIONAL MATCH is
    expanded from the nodes found. Its rows without a relationship are dropped in a WITH before RETURN: computed
    next to them, ``r.evidence[-3:]`` came back null on ≈ 6 % of the rows (LadybugDB 0.22), which the WITH avoids
    (every column checked against one plain MATCH per node over the 10k-item store). One id (a centre, an entity
    page) is matched directly, which the engine expands without the OPTIONAL MATCH's joins (≈ 0.6 ms instead of
    1.4). An undirected pattern would read both directions at once, but ``start_node(r)`` named the wrong end of
    some relationships between two researchers, so each direction is its own part of a UNION ALL."""
    b = f"(b:{far})" if far else "(b)"
    directions = ((f"-[r:{types}]->", "true"), (f"<-[r:{types}]-", "false"))
    out: list[dict[str, Any]] = []
    for part in chunks(list(ids)):
        if len(part) == 1:
            cond = f"WHERE {where} " if where else ""
            query = " UNION ALL ".join(
                f"MATCH (a:{label} {{id: $id}}){pattern}{b} {cond}RETURN {is_out} AS _out, {columns}"
                for pattern, is_out in directions
            )
            out.extend(db.dicts(query, {**(params or {}), "id": part[0]}))
            continue
        keep = f"r IS NOT NULL AND {where}" if where else "r IS NOT NULL"
        query = " UNION ALL ".join(
            f"UNWIND $ids AS i MATCH (a:{label} {{id: i}}) OPTIONAL MATCH (a){pattern}{b} WITH a, r, b WHERE {keep} "
            f"RETURN {is_out} AS _out, {columns}"
            for pattern, is_out in directions
        )
        out.extend(db.dicts(query, {**(params or {}), "ids": list(part)}))
    return out


def facts_touching(db: LadybugDb, schema: GraphSchema, ids: Iterable[str], relations: Sequence[str] = ()) -> list[Fact]:
    """Every fact with an end among ``ids`` (each once), optionally only of some relation types."""
    types = "|".join(fact_types(schema, relations))
    # named columns, not whole relationship values: converting those row by row is the slow part on a hub
    columns = ", ".join(f"r.{p} AS {p}" for p in FACT_PROPERTIES)
    ret = f"a.id AS _here, b.id AS _there, label(a) AS _al, label(b) AS _bl, label(r) AS _t, {columns}"
    seen: dict[tuple[str, str, str, str], Fact] = {}
    for label, group in group_by_label(ids).items():
        if label == ITEM_LABEL:
            continue
        for row in around(db, label, group, types, ret):
            props = {p: row[p] for p in FACT_PROPERTIES}
            if row["_out"]:
                fact = Fact(row["_here"], row["_there"], row["_al"], row["_bl"], row["_t"], props)
            else:
                fact = Fact(row["_there"], row["_here"], row["_bl"], row["_al"], row["_t"], props)
            seen.setdefault(fact.identity, fact)
    facts = sorted(seen.values(), key=lambda f: f.identity)
    wholes = archive.whole_facts(db, [(f.src, f.dst, f.type, f.props) for f in facts])
    return [
        Fact(f.src, f.dst, f.src_label, f.dst_label, f.type, whole, tuple(row_ids([(f.src, f.dst, f.type, f.props)])))
        for f, (_, _, _, whole) in zip(facts, wholes, strict=True)
    ]


def degrees(db: LadybugDb, schema: GraphSchema, ids: Iterable[str]) -> dict[str, int]:
    """Number of fact relationships of each node (MENTIONS are not counted)."""
    types = "|".join(schema.fact_types)
    out: dict[str, int] = {}
    for label, group in group_by_label(ids).items():
        for part in chunks(group):
            query = (
                f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) OPTIONAL MATCH (n)-[r:{types}]-() RETURN n.id, count(r)"
            )
            for node_id, degree in db.rows(query, {"ids": list(part)}):
                out[node_id] = int(degree)
    return out


#: what the walks read of a relationship and of the node at its far end (enough for Edge and Node)
HOP_REL = ("key", "role", "year", "evidence")
HOP_NODE = ("id", "name", "aliases", "name_zh", "name_en", "identifiers")


def node_columns(var: str) -> str:
    """RETURN columns of what a walk or graph shows of node ``var`` (:data:`HOP_NODE`), as ``{var}_{property}``."""
    return ", ".join(f"{var}.{p} AS {var}_{p}" for p in HOP_NODE)


def node_props(row: dict[str, Any], var: str) -> dict[str, Any]:
    """The properties of node ``var`` in a row returning :func:`node_columns`."""
    return {p: row[f"{var}_{p}"] for p in HOP_NODE}


def hop_columns(evidence: int | None = None) -> tuple[str, tuple[str, ...]]:
    """The RETURN columns of :func:`around` that :func:`read_hops` turns into hops, and the relationship properties
    they give. With ``evidence`` set, a hop holds only the last that many evidence entries and their total as
    ``evidence_total`` (what a neighbourhood lists; hub facts carry thousands)."""
    rel_cols = ", ".join(f"r.{p} AS r_{p}" for p in HOP_REL if p != "evidence")
    if evidence is None:  # a hub fact's archive rows are read after (read_hops' caller)
        rel_cols += f", r.evidence AS r_evidence, r.{ARCHIVE_ROWS} AS r_{ARCHIVE_ROWS}"
    else:  # the latest spans are inline; the total counts the archived ones too
        rel_cols += (
            f", r.evidence[-{int(evidence)}:] AS r_evidence, "
            f"coalesce(size(r.evidence), 0) + coalesce(r.{ARCHIVED}, 0) AS r_evidence_total"
        )
    columns = f"a.id AS _here, label(r) AS _t, label(b) AS _bl, {rel_cols}, {node_columns('b')}"
    return columns, (*HOP_REL, ARCHIVE_ROWS) if evidence is None else (*HOP_REL, "evidence_total")


def read_hops(rows: Iterable[dict[str, Any]], rel_keys: Sequence[str]) -> list[Hop]:
    """The hops of :func:`around` rows of :func:`hop_columns`."""
    out: list[Hop] = []
    for row in rows:
        here, there = row["_here"], row["b_id"]
        src, dst = (here, there) if row["_out"] else (there, here)
        rel = {p: row[f"r_{p}"] for p in rel_keys}
        out.append(Hop(src, dst, row["_t"], rel, row["_bl"], node_props(row, "b")))
    return out


def hops(
    db: LadybugDb,
    schema: GraphSchema,
    ids: Sequence[str],
    relations: Sequence[str] = (),
    evidence: int | None = None,
) -> list[Hop]:
    """Every fact relationship touching the given nodes (optionally only of some relation types), seen from them,
    with the node at the other end: the ``expand`` callback of the walks shared with Neo4j
    (:mod:`kg.store.records_graph`); ``evidence`` as in :func:`hop_columns`."""
    types = "|".join(fact_types(schema, relations))
    columns, rel_keys = hop_columns(evidence)
    out: list[Hop] = []
    for label, group in group_by_label(ids).items():
        if label == ITEM_LABEL:
            continue
        out.extend(read_hops(around(db, label, group, types, columns), rel_keys))
    return out if evidence is not None else whole_hops(db, out)


def whole_hops(db: LadybugDb, found: Sequence[Hop]) -> list[Hop]:
    """Hops read with all their evidence (:func:`hop_columns` without a count) with the archive rows of hub facts
    put back (``records_archive``)."""
    if not any(rows_of(h.props) for h in found):  # most walks meet no hub fact: nothing to rebuild
        return list(found)
    wholes = archive.whole_facts(db, [(h.src, h.dst, h.type, dict(h.props)) for h in found])
    return [
        Hop(h.src, h.dst, h.type, props, h.other_label, h.other_props)
        for h, (_, _, _, props) in zip(found, wholes, strict=True)
    ]
