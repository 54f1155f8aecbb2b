"""Read verbs of the embedded store: search, entity, lookup, neighbours, paths, items, stats, read-only Cypher and the
stored graph back as extraction records. Queries stay selective by primary key; the ranking and row conversions are
the shared ones of :mod:`kg.store.records`, so both stores answer alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kg.errors import NotFound, QueryError, UsageError
from kg.ids import normalize_name
from kg.model import ENTITY_TYPES, Extraction, ImportBatch
from kg.store import ladybug_archive as archive
from kg.store import records as rec
from kg.store.base import (
    EntityDetail,
    ItemDetail,
    ItemPage,
    Node,
    Path,
    QueryResult,
    SearchPage,
    Stats,
    StoredMention,
)
from kg.store.cypher_guard import check_read_only
from kg.store.ladybug_db import LadybugDb, chunks, clean
from kg.store.ladybug_graph import (
    HOP_NODE,
    Fact,
    degrees,
    fact_types,
    facts_touching,
    fetch_nodes,
    group_by_label,
    hops,
    resolve,
    to_node,
)
from kg.store.records_graph import EVIDENCE_PER_EDGE, Walk, bound_entity, select_hops, shortest_paths, walk
from kg.store.records_search import rank_search_props
from kg.store.schema import BATCH_LABEL, ITEM_LABEL, MENTIONS, GraphSchema, predicate_of


def check_types(types: Sequence[str]) -> list[str]:
    """The entity labels asked for (all when empty); an unknown one is a usage error."""
    unknown = [t for t in types if t not in ENTITY_TYPES]
    if unknown:
        raise UsageError(f"unknown entity type(s): {', '.join(unknown)}", types=unknown)
    return list(types) or list(ENTITY_TYPES)


def search(
    db: LadybugDb, schema: GraphSchema, q: str, types: Sequence[str], limit: int, cursor: str | None
) -> SearchPage:
    """Candidates whose normalised keys contain the normalised query, ranked by
    :func:`kg.store.records_search.rank_search_props`."""
    labels = check_types(types)
    needle = normalize_name(q)
    if not needle:
        return SearchPage(hits=[])
    facts = "|".join(schema.fact_types)
    columns = ", ".join(f"n.{p} AS {p}" for p in HOP_NODE)
    # one statement for every label, the degree counted alongside: search_text holds the keys (none contains its
    # separator, nor does the needle), so one CONTAINS finds what a test of every key found, at a third of the cost
    query = " UNION ALL ".join(
        f"MATCH (n:{label}) WHERE n.search_text CONTAINS $q OPTIONAL MATCH (n)-[r:{facts}]-() WITH n, count(r) AS _d "
        f"RETURN '{label}' AS _label, _d, {columns}"
        for label in labels
    )
    rows = db.dicts(query, {"q": needle})
    return rank_search_props(q, ((row["_label"], row, int(row["_d"])) for row in rows), limit, cursor)


def items_mentioning(db: LadybugDb, label: str, entity_id: str) -> list[dict[str, Any]]:
    """Stored items that mention an entity, by date then id, without their text (a page lists items, not texts)."""
    columns = ", ".join(f"i.{f} AS {f}" for f in rec.ITEM_FIELDS if f != "text")
    rows = db.dicts(
        f"MATCH (i:{ITEM_LABEL})-[:{MENTIONS}]->(n:{label} {{id: $id}}) RETURN {columns}", {"id": entity_id}
    )
    return sorted(rows, key=lambda p: (p.get("date") or "", p["id"]))


def entity(db: LadybugDb, schema: GraphSchema, entity_id: str, limit: int | None = None) -> EntityDetail:
    """An entity (after merges) with its facts, the nodes at their other ends and the items that mention it, cut as
    :func:`kg.store.records_graph.bound_entity` says (``limit=0``: the entity alone)."""
    label, props = resolve(db, schema, entity_id)
    if limit == 0:  # counted, not read: analytics ask for the entity alone, often a hub
        edges_total = degrees(db, schema, [props["id"]]).get(props["id"], 0)
        rows = db.rows(
            f"MATCH (:{ITEM_LABEL})-[:{MENTIONS}]->(n:{label} {{id: $id}}) RETURN count(*)", {"id": props["id"]}
        )
        items_total = int(rows[0][0]) if rows else 0
        return EntityDetail(
            node=to_node(label, props),
            merged_ids=list(props.get("merged_ids") or []),
            edges_total=edges_total,
            items_total=items_total,
            truncated=bool(edges_total or items_total),
        )
    facts = facts_touching(db, schema, [props["id"]])
    others = fetch_nodes(db, [f.other(props["id"])[0] for f in facts], shown=True)
    detail = EntityDetail(
        node=to_node(label, props, degree=len(facts)),
        edges=[f.edge() for f in facts],
        neighbors=[to_node(lbl, p) for _, (lbl, p) in sorted(others.items())],
        items=[rec.item_from_props(p, with_text=False) for p in items_mentioning(db, label, props["id"])],
        merged_ids=list(props.get("merged_ids") or []),
    )
    return bound_entity(detail, limit)


def lookup(db: LadybugDb, schema: GraphSchema, identifier: str) -> Node:
    """The entity that carries an external identifier value (exact match)."""
    value = identifier.strip()
    for label in schema.entity_labels:
        rows = db.rows(
            f"MATCH (n:{label}) WHERE list_contains(n.identifier_values, $v) RETURN n ORDER BY n.id", {"v": value}
        )
        if rows:
            return to_node(label, clean(rows[0][0]))
    raise NotFound(f"no entity with identifier {identifier}", identifier=identifier)


def center(db: LadybugDb, schema: GraphSchema, entity_id: str) -> Node:
    """The entity an id resolves to (merged-away ids included), as a node."""
    return to_node(*resolve(db, schema, entity_id))


def neighbourhood(
    db: LadybugDb,
    schema: GraphSchema,
    entity_id: str,
    depth: int,
    types: Sequence[str],
    relations: Sequence[str],
    limit: int,
) -> tuple[tuple[str, dict[str, Any]], Walk]:
    """The resolved centre (label, props) and the bounded walk of nodes and facts within ``depth`` fact hops (the walk
    shared with Neo4j); the store renders it as models or JSON."""
    if not 1 <= depth <= 3:
        raise UsageError("depth must be 1, 2 or 3", depth=depth)
    check_types(types)
    fact_types(schema, relations)  # an unknown relation is a usage error
    label, props = resolve(db, schema, entity_id)
    # the bound is applied after reading every hop: the same hops as Neo4j keeps, not (yet) a cheaper read
    found = walk(
        (str(props["id"]), label),
        lambda ids, seen, room: select_hops(hops(db, schema, ids, relations, EVIDENCE_PER_EDGE), ids, seen, room),
        depth,
        types,
        relations,
        limit,
        lambda ids: degrees(db, schema, ids),
    )
    return (label, props), found


def paths(db: LadybugDb, schema: GraphSchema, source: str, target: str, max_length: int, limit: int) -> list[Path]:
    """All shortest paths over facts (direction ignored), up to ``limit`` (the walk shared with Neo4j)."""
    return shortest_paths(
        center(db, schema, source), center(db, schema, target), lambda ids: hops(db, schema, ids), max_length, limit
    )


def items(db: LadybugDb, limit: int, cursor: str | None) -> ItemPage:
    """Items newest first (undated last), then by id; text omitted."""
    offset = rec.decode_cursor(cursor)
    rows = db.rows(
        f"MATCH (i:{ITEM_LABEL}) RETURN i.id, i.title, i.date, i.source, i.url, i.section, i.lang, i.file, "
        "i.parent_title ORDER BY i.date IS NULL, i.date DESC, i.id SKIP $skip LIMIT $limit",
        {"skip": offset, "limit": limit + 1},
    )
    keys = ("id", "title", "date", "source", "url", "section", "lang", "file", "parent_title")
    page = [rec.item_from_props(dict(zip(keys, r, strict=True)), with_text=False) for r in rows[:limit]]
    return ItemPage(items=page, next_cursor=rec.encode_cursor(offset + limit) if len(rows) > limit else None)


def item(db: LadybugDb, item_id: str) -> ItemDetail:
    """An item with the entities it mentions and the mention spans."""
    found = db.rows(f"MATCH (i:{ITEM_LABEL} {{id: $id}}) RETURN i", {"id": item_id})
    if not found:
        raise NotFound(f"no news item {item_id}", id=item_id)
    props = clean(found[0][0])
    rows = db.rows(
        f"MATCH (i:{ITEM_LABEL} {{id: $id}})-[m:{MENTIONS}]->(n) RETURN label(n), n, m.spans", {"id": item_id}
    )
    entities, mentions = [], []
    for label, node, spans in sorted(rows, key=lambda r: r[1]["id"]):
        node_props = clean(node)
        entities.append(to_node(label, node_props))
        for value in spans or []:
            m = rec.parse_span(value)
            mentions.append(StoredMention(entity_id=node_props["id"], start=m.start, end=m.end, text=m.text))
    mentions.sort(key=lambda m: (m.start, m.end, m.entity_id))
    return ItemDetail(
        item=rec.item_from_props(props),
        entities=entities,
        mentions=mentions,
        batch_ids=list(props.get("batches") or []),
    )


def batches(db: LadybugDb) -> list[ImportBatch]:
    """Every batch, oldest first."""
    rows = db.rows(f"MATCH (b:{BATCH_LABEL}) RETURN b")
    return sorted((rec.batch_from_props(clean(r[0])) for r in rows), key=lambda b: (b.created_at, b.id))


def _top(db: LadybugDb, schema: GraphSchema, label: str, top: int) -> list[Node]:
    types = "|".join(schema.fact_types)
    rows = db.rows(
        f"MATCH (n:{label})-[r:{types}]-() WITH n, count(r) AS d RETURN n, d ORDER BY d DESC, n.name, n.id LIMIT $top",
        {"top": top},
    )
    return [to_node(label, clean(n), degree=int(d)) for n, d in rows]


def stats(db: LadybugDb, schema: GraphSchema, top: int) -> Stats:
    """Counts per type and predicate, the best-connected researchers and institutions, the batches."""
    # types with nothing stored are left out, as Neo4j (which has no empty labels) reports them
    nodes_by_type = {label: int(db.rows(f"MATCH (n:{label}) RETURN count(n)")[0][0]) for label in schema.entity_labels}
    edges = {predicate_of(t): int(db.rows(f"MATCH ()-[r:{t}]->() RETURN count(r)")[0][0]) for t in schema.fact_types}
    nodes_by_type = {k: v for k, v in nodes_by_type.items() if v}
    edges = {k: v for k, v in edges.items() if v}
    return Stats(
        nodes_by_type=nodes_by_type,
        edges_by_predicate=edges,
        items=int(db.rows(f"MATCH (i:{ITEM_LABEL}) RETURN count(i)")[0][0]),
        top_researchers=_top(db, schema, "Researcher", top),
        top_institutions=_top(db, schema, "Institution", top),
        batches=batches(db),
    )


def jsonable(value: Any) -> Any:
    """A result value as JSON-able data: nodes and relationships become dicts of properties plus their label."""
    if isinstance(value, dict):
        if "_LABEL" in value:
            out = {k: jsonable(v) for k, v in value.items() if not k.startswith("_")}
            key = "labels" if "_SRC" not in value else "type"
            out[key] = [value["_LABEL"]] if key == "labels" else value["_LABEL"]
            return out
        if "_nodes" in value and "_rels" in value:  # a path
            return {
                "nodes": [jsonable(n) for n in value["_nodes"]],
                "relationships": [jsonable(r) for r in value["_rels"]],
            }
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def read_query(db: LadybugDb, query: str, params: dict[str, Any] | None, timeout: float, row_limit: int) -> QueryResult:
    """Refuse writes, then run the query under a time limit and a row cap."""
    check_read_only(query)
    if row_limit < 1:
        raise UsageError("row_limit must be at least 1", row_limit=row_limit)
    with db.lock:
        db.set_timeout(max(1, int(timeout * 1000)))
        try:
            columns, rows = db.iter_rows(query, params, row_limit + 1)
        except QueryError:
            raise
        finally:
            db.set_timeout(0)
    return QueryResult(
        columns=columns, rows=[[jsonable(v) for v in r] for r in rows[:row_limit]], truncated=len(rows) > row_limit
    )


def to_extractions(
    db: LadybugDb, entity_ids: set[str], facts: Sequence[Fact], item_ids: set[str] | None
) -> list[Extraction]:
    """Stored entities, their mentions and the given facts as extraction records grouped by item; ``item_ids`` None
    means the items of the facts' evidence and of the entities' mentions."""
    ids = set(entity_ids) | {f.src for f in facts} | {f.dst for f in facts}
    entities = {nid: v for nid, v in fetch_nodes(db, ids).items() if v[0] != ITEM_LABEL}
    mentions: list[tuple[str, str, Sequence[str]]] = []
    for label, group in group_by_label(entities).items():
        for part in chunks(group):
            rows = db.rows(
                f"UNWIND $ids AS x MATCH (i:{ITEM_LABEL})-[m:{MENTIONS}]->(n:{label} {{id: x}}) "
                "RETURN i.id, n.id, m.spans",
                {"ids": list(part)},
            )
            mentions.extend((i, n, s or []) for i, n, s in rows)
    wanted = set(item_ids) if item_ids is not None else set()
    if item_ids is None:
        # items that mention the entities asked for; the far ends of their facts bring only their evidence items
        wanted |= {i for i, n, _ in mentions if n in entity_ids}
        wanted |= {e.item_id for f in facts for e in rec.evidence_list(f.props)}
    stored_items: dict[str, dict[str, Any]] = {}
    for part in chunks(sorted(wanted)):
        rows = db.rows(f"UNWIND $ids AS x MATCH (i:{ITEM_LABEL} {{id: x}}) RETURN i", {"ids": list(part)})
        for (node,) in rows:
            props = clean(node)
            stored_items[props["id"]] = props
    return rec.group_extractions(stored_items, entities, mentions, [(f.src, f.dst, f.type, f.props) for f in facts])


def context(db: LadybugDb, schema: GraphSchema, entity_ids: Sequence[str]) -> list[Extraction]:
    """Stored entities with these ids and every fact touching them, grouped by item."""
    stored = {nid for nid, (label, _) in fetch_nodes(db, entity_ids).items() if label != ITEM_LABEL}
    facts = facts_touching(db, schema, stored)
    return to_extractions(db, stored, facts, None)


def subgraph(db: LadybugDb, schema: GraphSchema, around: str | None, depth: int) -> list[Extraction]:
    """The whole stored graph, or the neighbourhood of an entity, as extraction records."""
    if around is not None:
        _, walked = neighbourhood(db, schema, around, depth, (), (), 10**9)  # no bound: an export wants every node
        ids = {node_id for node_id, _ in walked.nodes}
        facts = [f for f in facts_touching(db, schema, ids) if f.src in ids and f.dst in ids]
        return to_extractions(db, ids, facts, None)
    ids = {r[0] for label in schema.entity_labels for r in db.rows(f"MATCH (n:{label}) RETURN n.id")}
    facts = []
    for rtype in schema.fact_types:
        rows = db.rows(f"MATCH (a)-[r:{rtype}]->(b) RETURN a.id, b.id, label(a), label(b), r")
        wholes = archive.whole_facts(
            db,
            ((s, d, rtype, clean(r)) for s, d, _, _, r in rows),  # hub facts with their archive rows
        )
        facts.extend(
            Fact(s, d, sl, dl, rtype, props) for (s, d, sl, dl, _), (_, _, _, props) in zip(rows, wholes, strict=True)
        )
    all_items = {r[0] for r in db.rows(f"MATCH (i:{ITEM_LABEL}) RETURN i.id")}
    return to_extractions(db, ids, facts, all_items)
