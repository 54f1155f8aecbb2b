"""Read verbs of the Neo4j store (mixed into ``kg.store.neo4j.Neo4jStore``).

Every read runs in a managed READ transaction. The graph walks (neighbourhood, paths, collaboration) and the search
ranking are the shared ones of ``kg.store.records`` / ``kg.store.records_graph``; this module only fetches rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from neo4j import ManagedTransaction, unit_of_work
from neo4j import graph as neo_graph
from neo4j import time as neo_time

from kg.errors import NotFound, QueryError, UsageError
from kg.ids import normalize_name
from kg.model import Extraction
from kg.store import neo4j_walks as walks
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
    SubGraph,
)
from kg.store.cypher_guard import check_read_only
from kg.store.neo4j_archive import whole_facts
from kg.store.records import (
    ITEM_FIELDS,
    NODE_FIELDS,
    batch_from_props,
    cypher_projection,
    decode_cursor,
    edges_from_facts,
    encode_cursor,
    group_extractions,
    item_from_props,
    label_of,
    node_from_props,
    nodes_from_props,
    parse_span,
    rank_degree,
    search_needles,
)
from kg.store.records_archive import ARCHIVE_ROWS, ARCHIVED
from kg.store.records_graph import (
    Collab,
    Hop,
    Walk,
    collaboration_graph,
    edge_order,
    shortest_paths,
    walk_json,
    walk_subgraph,
)
from kg.store.records_json import node_dict, subgraph_json
from kg.store.records_search import rank_search
from kg.store.schema import (
    BATCH_LABEL,
    FULLTEXT_INDEX,
    ITEM_LABEL,
    MENTIONS,
    SEARCH_RANK,
    GraphSchema,
    predicate_of,
    rel_type,
    search_rank_cypher,
)


def _q(text: str) -> Any:
    from kg.store.neo4j import q

    return q(text)


def to_json(value: Any) -> Any:
    """A driver value as JSON-able data: nodes and relationships as property dicts with labels / type."""
    if isinstance(value, neo_graph.Node):
        return {**dict(value), "labels": sorted(value.labels)}
    if isinstance(value, neo_graph.Relationship):
        return {**dict(value), "type": value.type}
    if isinstance(value, neo_graph.Path):
        return {"nodes": [to_json(n) for n in value.nodes], "relationships": [to_json(r) for r in value.relationships]}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, neo_time.Date | neo_time.DateTime | neo_time.Time | neo_time.Duration):
        return value.iso_format()
    return value


COLLAB_TYPE = rel_type("collaboratedWith")


class Neo4jReads:
    """Search, entity and item detail, walks, stats, read-only Cypher, and the store read back as records."""

    schema: GraphSchema
    _read: Callable[..., Any]

    @property
    def _entity_labels(self) -> str:
        return "|".join(self.schema.entity_labels)

    @property
    def _fact_types(self) -> str:
        return "|".join(self.schema.fact_types)

    # ---------------------------------------------------------------------------------------------- resolution

    def _resolve(self, tx: ManagedTransaction, entity_id: str) -> tuple[str, dict[str, Any]]:
        """(label, props) of an entity or item by id, following merged-away ids; NotFound otherwise."""
        label = label_of(entity_id)
        record = tx.run(_q(f"MATCH (n:{label} {{id: $id}}) RETURN properties(n) AS p"), id=entity_id).single()
        if record is None and label in self.schema.entity_labels:
            record = tx.run(
                _q(f"MATCH (n:{label}) WHERE $id IN n.merged_ids RETURN properties(n) AS p LIMIT 1"), id=entity_id
            ).single()
        if record is None:
            raise NotFound(f"no entity or item {entity_id}", id=entity_id)
        return label, dict(record["p"])

    def _node(self, entity_id: str) -> Node:
        label, props = self._read(self._resolve, entity_id)
        return node_from_props(label, props)

    def _expand(self, ids: Sequence[str]) -> list[Hop]:
        """Every fact relationship touching the given nodes, seen from them (the Hop callback of the walks)."""
        by_label: dict[str, list[str]] = {}
        for node_id in ids:
            by_label.setdefault(label_of(node_id), []).append(node_id)

        def work(tx: ManagedTransaction) -> list[Hop]:
            hops: list[Hop] = []
            for label, label_ids in by_label.items():
                rows = tx.run(
                    _q(
                        f"MATCH (a:{label}) WHERE a.id IN $ids MATCH (a)-[r:{self._fact_types}]-(b) "
                        "RETURN startNode(r).id AS src, endNode(r).id AS dst, type(r) AS type, properties(r) AS p, "
                        "labels(b)[0] AS bl, properties(b) AS bp"
                    ),
                    ids=label_ids,
                )
                found = [(r["src"], r["dst"], r["type"], dict(r["p"]), r["bl"], r["bp"]) for r in rows]
                facts = whole_facts(tx, [f[:4] for f in found])
                hops.extend(Hop(*fact, f[4], f[5]) for fact, f in zip(facts, found, strict=True))
            return hops

        result: list[Hop] = self._read(work)
        return result

    # ---------------------------------------------------------------------------------------------------- search

    def search(self, q: str, types: Sequence[str] = (), limit: int = 20, cursor: str | None = None) -> SearchPage:
        """Candidates from the text indexes on ``search_text``, ranked on the server (exact, prefix, substring, then
        degree, name and id) so only the first ``offset + limit + 1`` are fetched: one tier after the other, each a
        seek that leaves out the nodes of the better tiers, the next tier read only while the page is not full. All
        tiers are one statement (one round trip). The CJK full-text index is the fallback when no name or alias
        contains the query (e.g. words in another order)."""
        needle = normalize_name(q)
        offset = decode_cursor(cursor)  # reject a malformed cursor before touching the store
        if not needle:
            return SearchPage(hits=[])
        labels = [t for t in types if t in self.schema.entity_labels] or list(self.schema.entity_labels)
        wanted = offset + limit + 1  # one more than the page tells whether there is a next page
        query = self._search_query(labels)

        def work(tx: ManagedTransaction) -> list[tuple[Node, int]]:
            params: dict[str, Any] = {"want": wanted, **search_needles(needle)}
            record = tx.run(query, params).single(strict=True)
            return [(node_from_props(label, props), rank_degree(rank)) for label, props, rank in record["hits"]]

        candidates: list[tuple[Node, int]] = self._read(work)
        page = rank_search(q, candidates, limit, cursor)
        if page.hits or cursor:
            return page
        return self._fulltext(q, "|".join(labels), limit)

    def _search_query(self, labels: Sequence[str]) -> Any:
        """The tiers of a search (``$exact``, ``$prefix``, ``$substring``: :func:`search_needles`) as one statement:
        per tier a text-index seek per label (a label disjunction would scan), the better tiers' nodes left out, the
        first ``$want`` by the stored ``search_rank`` (degree, name, id in one value: one property read per
        candidate, where counting each candidate's relationships cost two degree lookups and the name and id two
        more reads, for ten thousand publications sharing a 2-character prefix). A tier runs only while the tiers
        before it found fewer than ``$want``: otherwise its subquery gets no row to seek for, and ``collect`` of no rows
        is the one row with an empty list."""

        # An entity that an older version wrote after this one set the schema up has no rank yet: it sorts after the
        # ranked ones of its tier (nulls last) and its degree is counted when it is returned. Not coalesced in the
        # ORDER BY: the planner would then read name and id of every candidate too (3 reads instead of 1).
        rank = f"coalesce(n.{SEARCH_RANK}, {search_rank_cypher('n')})"

        def tier(needle: str, before: str, out: str) -> str:
            seeks = " UNION ALL ".join(
                f"MATCH (n:{label}) WHERE n.search_text CONTAINS ${needle} RETURN n" for label in labels
            )
            return (
                f"CALL ({before}) {{ WITH {before} WHERE size({before}) < $want CALL {{ {seeks} }} "
                f"WITH n, {before} WHERE NOT n IN {before} "
                f"WITH n ORDER BY n.{SEARCH_RANK} LIMIT $want RETURN collect(n) AS {out} }} "
            )

        return _q(
            "WITH [] AS t0 "
            + tier("exact", "t0", "t1")
            + tier("prefix", "t1", "t2")
            + "WITH t1 + t2 AS t12 "
            + tier("substring", "t12", "t3")
            # one record, in rank order within each tier (rank_search orders across tiers)
            + f"RETURN [n IN (t12 + t3)[0..$want] | [labels(n)[0], {cypher_projection('n')}, {rank}]] AS hits"
        )

    def _fulltext(self, q: str, labels: str, limit: int) -> SearchPage:
        from kg.store.base import SearchHit

        terms = " ".join(f'"{t}"' for t in q.replace('"', " ").split() if t)
        if not terms:
            return SearchPage(hits=[])

        def work(tx: ManagedTransaction) -> list[SearchHit]:
            rows = tx.run(
                _q(
                    f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $terms) YIELD node, score "
                    f"WHERE node:{labels} RETURN labels(node)[0] AS l, properties(node) AS p, score "
                    "ORDER BY score DESC, node.name, node.id LIMIT $limit"
                ),
                terms=terms,
                limit=limit,
            )
            return [
                SearchHit(node=node_from_props(r["l"], r["p"]), score=0.5, matched=r["p"]["name"], match="fulltext")
                for r in rows
            ]

        return SearchPage(hits=self._read(work))

    # ------------------------------------------------------------------------------------------------- entities

    def entity(self, entity_id: str, limit: int | None = None) -> EntityDetail:
        """An entity with its facts (with evidence), the nodes at their other ends and the items that mention it;
        with ``limit``, the cut of :func:`kg.store.records_graph.bound_entity`, made in the query.

        One query (one round trip) for the page: the node, both totals, the kept relations and the kept items, each
        a subquery; only the fields the page shows cross the wire (no item text, no search keys or batch lists).
        A merged-away id costs one more round trip to find the entity that absorbed it."""
        label = label_of(entity_id)
        query = self._entity_query(label, limit)

        def work(tx: ManagedTransaction) -> EntityDetail:
            record = tx.run(query, id=entity_id, limit=limit).single()
            if record is None:  # unknown, or merged away: resolve follows merged_ids (or raises NotFound)
                _, props = self._resolve(tx, entity_id)
                record = tx.run(query, id=props["id"], limit=limit).single(strict=True)
            node = node_from_props(label, record["p"])
            facts, ends = [], {}
            for src, dst, rtype, rprops, blabel, bprops in record["rels"]:
                facts.append((src, dst, rtype, rprops))
                ends[bprops["id"]] = (blabel, bprops)
            edges = edges_from_facts(whole_facts(tx, facts))
            neighbors = dict(zip(ends, nodes_from_props(list(ends.values())), strict=True))
            items = [item_from_props(i, with_text=False) for i in record["items"]]
            edges.sort(key=edge_order)
            edges_total, items_total = int(record["edges"]), int(record["items_total"])
            return EntityDetail(
                node=node,
                edges=edges,
                neighbors=sorted(neighbors.values(), key=lambda n: (n.name, n.id)),
                items=items,
                merged_ids=list(record["p"].get("merged_ids") or []),
                edges_total=edges_total,
                items_total=items_total,
                truncated=edges_total > len(edges) or items_total > len(items),
            )

        result: EntityDetail = self._read(work)
        return result

    def _entity_query(self, label: str, limit: int | None) -> Any:
        """The entity page of :meth:`entity` as one statement (``$id`` an id of ``label``; ``$limit`` when given)."""
        cut = "" if limit is None else " LIMIT $limit"
        facts = self._fact_types
        item_fields = ", ".join(f".{f}" for f in ITEM_FIELDS if f != "text")
        # what node_from_props reads of an entity (or of an item, which resolves too)
        node_fields = ", ".join(
            f".{f}" for f in (*NODE_FIELDS, "merged_ids", "title", "date", "source", "lang", "section", "url")
        )
        return _q(
            f"MATCH (n:{label} {{id: $id}}) "
            f"CALL (n) {{ RETURN COUNT {{ (n)-[:{facts}]-() }} AS edges, "
            f"COUNT {{ (:{ITEM_LABEL})-[:{MENTIONS}]->(n) }} AS items_total }} "
            f"CALL (n) {{ MATCH (n)-[r:{facts}]-(b) WITH r, b ORDER BY size(r.evidence) + coalesce(r.{ARCHIVED}, 0) "
            "DESC, type(r), startNode(r).id, endNode(r).id, coalesce(r.role, ''), coalesce(r.year, 0)" + cut + " "
            f"RETURN collect([startNode(r).id, endNode(r).id, type(r), r {{.key, .role, .year, .evidence, "
            f".{ARCHIVE_ROWS}}}, labels(b)[0], "
            f"{cypher_projection('b')}]) AS rels }} "
            f"CALL (n) {{ MATCH (i:{ITEM_LABEL})-[:{MENTIONS}]->(n) WITH i ORDER BY coalesce(i.date, '') DESC, i.id"
            + cut
            + f" RETURN collect(i {{{item_fields}}}) AS items }} "
            f"RETURN n {{{node_fields}}} AS p, edges, items_total, rels, items"
        )

    def lookup(self, identifier: str) -> Node:
        """The entity that carries this external identifier value."""

        def work(tx: ManagedTransaction) -> Node | None:
            record = tx.run(
                _q(
                    f"MATCH (n:{self._entity_labels}) WHERE $v IN n.identifier_values "
                    "RETURN labels(n)[0] AS l, properties(n) AS p ORDER BY n.id LIMIT 1"
                ),
                v=identifier.strip(),
            ).single()
            return None if record is None else node_from_props(record["l"], record["p"])

        node: Node | None = self._read(work)
        if node is None:
            raise NotFound(f"no entity with identifier {identifier}", identifier=identifier)
        return node

    # ---------------------------------------------------------------------------------------------------- walks

    def neighbors(
        self, entity_id: str, depth: int = 1, types: Sequence[str] = (), relations: Sequence[str] = (), limit: int = 200
    ) -> SubGraph:
        """Nodes and edges within ``depth`` (1..3) of an entity, bounded at hubs (see ``kg.store.neo4j_walks``)."""
        (label, props), found = self._neighbourhood(entity_id, depth, types, relations, limit)
        center = node_from_props(label, props)
        return SubGraph(nodes=[center]) if found is None else walk_subgraph(center, found)

    def neighbors_json(
        self, entity_id: str, depth: int = 1, types: Sequence[str] = (), relations: Sequence[str] = (), limit: int = 200
    ) -> bytes:
        """:meth:`neighbors` as the JSON of its ``SubGraph``, byte for byte, built without the models."""
        center, found = self._neighbourhood(entity_id, depth, types, relations, limit)
        return subgraph_json([node_dict(*center)], [], False) if found is None else walk_json(center, found)

    def _neighbourhood(
        self, entity_id: str, depth: int, types: Sequence[str], relations: Sequence[str], limit: int
    ) -> tuple[tuple[str, dict[str, Any]], Walk | None]:
        """The resolved centre (label, props) and the bounded walk from it; no walk when only unknown relations were
        asked for (nothing but the centre is reachable)."""
        if not 1 <= depth <= 3:
            raise UsageError("depth must be 1, 2 or 3", depth=depth)
        wanted = {rel_type(r) for r in relations}
        rel_types = [t for t in self.schema.fact_types if not wanted or t in wanted]

        def work(tx: ManagedTransaction) -> tuple[tuple[str, dict[str, Any]], Walk | None]:
            label = label_of(entity_id)
            if rel_types:
                # the id as given, its node read by the first level's query: no lookup of its own
                props: dict[str, Any] = {}
                found = walks.neighbourhood(
                    tx, (entity_id, label), rel_types, self.schema.fact_types, depth, types, limit, props
                )
                if props:
                    return (label, props), found
            # unknown, merged away (resolve follows merged_ids or raises NotFound), or only unknown relations asked
            label, props = self._resolve(tx, entity_id)
            if not rel_types:
                return (label, props), None
            center = (str(props["id"]), label)
            return (label, props), walks.neighbourhood(
                tx, center, rel_types, self.schema.fact_types, depth, types, limit
            )

        result: tuple[tuple[str, dict[str, Any]], Walk | None] = self._read(work)
        return result

    def paths(self, source: str, target: str, max_length: int = 4, limit: int = 5) -> list[Path]:
        """All shortest paths between two entities, ignoring direction."""
        return shortest_paths(self._node(source), self._node(target), self._expand, max_length, limit)

    def collaboration(
        self,
        level: Literal["researcher", "institution"] = "researcher",
        around: str | None = None,
        depth: int = 1,
        min_weight: int = 1,
        since: str | None = None,
        until: str | None = None,
        rollup: bool = False,
        limit: int = 500,
        evidence: int | None = None,
    ) -> SubGraph:
        """The collaboration graph (see ``kg.store.records_graph.collaboration_graph``); around one entity at the
        researcher level, read from its neighbourhood only (``kg.store.neo4j_walks``)."""
        found = self._collaboration(level, around, depth, min_weight, since, until, rollup, limit, evidence)
        return found.subgraph()

    def collaboration_json(
        self,
        level: Literal["researcher", "institution"] = "researcher",
        around: str | None = None,
        depth: int = 1,
        min_weight: int = 1,
        since: str | None = None,
        until: str | None = None,
        rollup: bool = False,
        limit: int = 500,
        evidence: int | None = None,
    ) -> bytes:
        """:meth:`collaboration` as the JSON of its ``SubGraph``, byte for byte, built without the models."""
        return self._collaboration(level, around, depth, min_weight, since, until, rollup, limit, evidence).json()

    def _collaboration(
        self,
        level: str,
        around: str | None,
        depth: int,
        min_weight: int,
        since: str | None,
        until: str | None,
        rollup: bool,
        limit: int,
        evidence: int | None,
    ) -> Collab:
        if around and level == "researcher":

            def around_work(tx: ManagedTransaction) -> Collab:
                return walks.researcher_collaboration(
                    tx, around, self._resolve, depth, min_weight, since, until, limit, evidence
                )

            found: Collab = self._read(around_work)
            return found
        center = self._node(around).id if around else None

        def work(tx: ManagedTransaction) -> tuple[list[Any], dict[str, Any], list[Any], list[Any]]:
            nodes: dict[str, tuple[str, dict[str, Any]]] = {}
            collab = []
            for r in tx.run(
                _q(
                    "MATCH (a)-[r:COLLABORATED_WITH]->(b) RETURN labels(a)[0] AS al, properties(a) AS ap, "
                    "labels(b)[0] AS bl, properties(b) AS bp, properties(r) AS p"
                )
            ):
                nodes[r["ap"]["id"]] = (r["al"], r["ap"])
                nodes[r["bp"]["id"]] = (r["bl"], r["bp"])
                collab.append((r["ap"]["id"], r["bp"]["id"], r["p"]))
            collab = [(a, b, p) for a, b, _, p in whole_facts(tx, [(a, b, COLLAB_TYPE, p) for a, b, p in collab])]
            affiliations, part_of = [], []
            if level == "institution":
                for r in tx.run(
                    _q("MATCH (a:Researcher)-[:AFFILIATED_WITH]->(b:Institution) RETURN a.id AS a, properties(b) AS bp")
                ):
                    nodes.setdefault(r["bp"]["id"], ("Institution", r["bp"]))
                    affiliations.append((r["a"], r["bp"]["id"]))
                for r in tx.run(
                    _q(
                        "MATCH (a:Institution)-[:PART_OF]->(b:Institution) RETURN properties(a) AS ap, "
                        "properties(b) AS bp"
                    )
                ):
                    nodes.setdefault(r["ap"]["id"], ("Institution", r["ap"]))
                    nodes.setdefault(r["bp"]["id"], ("Institution", r["bp"]))
                    part_of.append((r["ap"]["id"], r["bp"]["id"]))
            return collab, nodes, affiliations, part_of

        collab, nodes, affiliations, part_of = self._read(work)
        return collaboration_graph(
            level,
            collab,
            nodes,
            affiliations,
            part_of,
            center,
            depth,
            min_weight,
            since,
            until,
            rollup,
            limit,
            evidence_per_edge=evidence,
        )

    # ---------------------------------------------------------------------------------------------------- items

    def items(self, limit: int = 50, cursor: str | None = None) -> ItemPage:
        """News items, newest first (text omitted), paged."""
        offset = decode_cursor(cursor)

        def work(tx: ManagedTransaction) -> list[Any]:
            return list(
                tx.run(
                    _q(
                        f"MATCH (i:{ITEM_LABEL}) RETURN properties(i) AS p ORDER BY coalesce(i.date, '') DESC, i.id "
                        "SKIP $skip LIMIT $limit"
                    ),
                    skip=offset,
                    limit=limit + 1,
                )
            )

        rows = self._read(work)
        more = len(rows) > limit
        return ItemPage(
            items=[item_from_props(r["p"], with_text=False) for r in rows[:limit]],
            next_cursor=encode_cursor(offset + limit) if more else None,
        )

    def item(self, item_id: str) -> ItemDetail:
        """One item with its text, the entities it mentions, the mention spans and the batches that wrote it."""

        def work(tx: ManagedTransaction) -> ItemDetail:
            record = tx.run(_q(f"MATCH (i:{ITEM_LABEL} {{id: $id}}) RETURN properties(i) AS p"), id=item_id).single()
            if record is None:
                raise NotFound(f"no news item {item_id}", item=item_id)
            entities, mentions = [], []
            for r in tx.run(
                _q(
                    f"MATCH (:{ITEM_LABEL} {{id: $id}})-[m:MENTIONS]->(e) RETURN labels(e)[0] AS l, "
                    "properties(e) AS p, m.spans AS spans"
                ),
                id=item_id,
            ):
                entities.append(node_from_props(r["l"], r["p"]))
                for value in r["spans"] or []:
                    m = parse_span(value)
                    mentions.append(StoredMention(entity_id=r["p"]["id"], start=m.start, end=m.end, text=m.text))
            return ItemDetail(
                item=item_from_props(record["p"]),
                entities=sorted(entities, key=lambda n: (n.name, n.id)),
                mentions=sorted(mentions, key=lambda m: (m.start, m.end, m.entity_id)),
                batch_ids=list(record["p"].get("batches") or []),
            )

        result: ItemDetail = self._read(work)
        return result

    # ---------------------------------------------------------------------------------------------------- stats

    def stats(self, top: int = 10) -> Stats:
        """Counts per entity type and per predicate (zeros included), the item count, the best-connected
        researchers and institutions, and the batches."""

        def work(tx: ManagedTransaction) -> Stats:
            stats = Stats()
            for label in self.schema.entity_labels:
                n = tx.run(_q(f"MATCH (n:{label}) RETURN count(n) AS n")).single()
                stats.nodes_by_type[label] = n["n"] if n else 0
            for rtype in self.schema.fact_types:
                n = tx.run(_q(f"MATCH ()-[r:{rtype}]->() RETURN count(r) AS n")).single()
                stats.edges_by_predicate[predicate_of(rtype)] = n["n"] if n else 0
            n = tx.run(_q(f"MATCH (i:{ITEM_LABEL}) RETURN count(i) AS n")).single()
            stats.items = n["n"] if n else 0
            for label, field in (("Researcher", "top_researchers"), ("Institution", "top_institutions")):
                rows = tx.run(
                    _q(
                        f"MATCH (n:{label}) WITH n, COUNT {{ (n)-[:{self._fact_types}]-() }} AS d "
                        "WHERE d > 0 RETURN properties(n) AS p, d ORDER BY d DESC, n.name, n.id LIMIT $top"
                    ),
                    top=top,
                )
                setattr(stats, field, [node_from_props(label, r["p"], degree=r["d"]) for r in rows])
            rows = tx.run(_q(f"MATCH (b:{BATCH_LABEL}) RETURN properties(b) AS p ORDER BY b.created_at, b.id"))
            stats.batches = [batch_from_props(r["p"]) for r in rows]
            return stats

        result: Stats = self._read(work)
        return result

    # --------------------------------------------------------------------------------------------- read queries

    def read_query(
        self, query: str, params: dict[str, Any] | None = None, timeout: float = 10.0, row_limit: int = 1000
    ) -> QueryResult:
        """Read-only Cypher: refused before it runs if it writes, then run in a READ transaction with a timeout."""
        check_read_only(query)
        if not query.strip():
            raise QueryError("empty query")

        @unit_of_work(timeout=timeout)
        def work(tx: ManagedTransaction) -> QueryResult:
            result = tx.run(query, params or {})
            columns = list(result.keys())
            rows: list[list[Any]] = []
            truncated = False
            for record in result:
                if len(rows) >= row_limit:
                    truncated = True
                    break
                rows.append([to_json(v) for v in record.values()])
            return QueryResult(columns=columns, rows=rows, truncated=truncated)

        out: QueryResult = self._read(work)
        return out

    # ------------------------------------------------------------------------------------------ back to records

    def context(self, entity_ids: Sequence[str]) -> list[Extraction]:
        """The stored entities with these ids, every fact touching them and the items of that evidence or that
        mention them, as extraction records."""
        ids = sorted(set(entity_ids))

        def work(tx: ManagedTransaction) -> list[Extraction]:
            return self._records(tx, ids)

        result: list[Extraction] = self._read(work)
        return result

    def subgraph(self, around: str | None = None, depth: int = 1) -> list[Extraction]:
        """The whole graph (``around`` None) or the neighbourhood of an entity, as extraction records."""
        if around is not None:
            ids = [n.id for n in self.neighbors(around, depth=depth, limit=100_000).nodes]
            return self.context(ids)

        def work(tx: ManagedTransaction) -> list[Extraction]:
            return self._records(tx, None)

        result: list[Extraction] = self._read(work)
        return result

    def _records(self, tx: ManagedTransaction, ids: list[str] | None) -> list[Extraction]:
        """Rows for :func:`group_extractions`: all of them (ids None) or those around the given entities."""
        where = "WHERE a.id IN $ids OR b.id IN $ids" if ids is not None else ""
        entities: dict[str, tuple[str, dict[str, Any]]] = {}
        facts: list[tuple[str, str, str, dict[str, Any]]] = []
        for r in tx.run(
            _q(
                f"MATCH (a)-[r:{self._fact_types}]->(b) {where} RETURN labels(a)[0] AS al, properties(a) AS ap, "
                "labels(b)[0] AS bl, properties(b) AS bp, type(r) AS t, properties(r) AS p"
            ),
            ids=ids,
        ):
            entities[r["ap"]["id"]] = (r["al"], r["ap"])
            entities[r["bp"]["id"]] = (r["bl"], r["bp"])
            facts.append((r["ap"]["id"], r["bp"]["id"], r["t"], r["p"]))
        facts = whole_facts(tx, facts)
        mention_where = "WHERE e.id IN $ids" if ids is not None else ""
        mentions = []
        items: dict[str, dict[str, Any]] = {}
        for r in tx.run(
            _q(
                f"MATCH (i:{ITEM_LABEL})-[m:MENTIONS]->(e) {mention_where} RETURN properties(i) AS ip, "
                "labels(e)[0] AS l, properties(e) AS p, m.spans AS spans"
            ),
            ids=ids,
        ):
            items[r["ip"]["id"]] = r["ip"]
            entities[r["p"]["id"]] = (r["l"], r["p"])
            mentions.append((r["ip"]["id"], r["p"]["id"], r["spans"] or []))
        evidence_items = {ev.split(":", 1)[0] for _, _, _, p in facts for ev in p.get("evidence_keys") or []}
        missing = sorted(evidence_items - set(items))
        if missing:
            for r in tx.run(_q(f"MATCH (i:{ITEM_LABEL}) WHERE i.id IN $ids RETURN properties(i) AS p"), ids=missing):
                items[r["p"]["id"]] = r["p"]
        return group_extractions(items, entities, mentions, facts)
