"""Network analytics over a :class:`~kg.store.base.SubGraph`: centrality, communities, collaborators, roll-up, years.

Plain functions with plain data in and out: they never touch a store (the API fetches the subgraph and hands it here),
and every graph algorithm is NetworkX's. Edge weights are the number of distinct news items behind a relation, so a
collaboration reported in three items counts three times, whatever the number of sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

import networkx as nx
from pydantic import BaseModel, Field

from kg.model import SYMMETRIC_PREDICATES, Evidence, Extraction
from kg.store.base import Edge, Node, SubGraph

COLLABORATION = "collaboratedWith"
#: above this many nodes betweenness is estimated from a seeded sample of sources (exact is O(n·m))
BETWEENNESS_EXACT_LIMIT = 2000
BETWEENNESS_SAMPLE = 500


class NodeMetrics(BaseModel):
    """How central one node is in a graph."""

    id: str
    degree: int = Field(description="number of distinct neighbours")
    weighted_degree: float = Field(description="sum of the weights of the node's edges")
    degree_centrality: float = Field(description="degree / (n - 1)")
    betweenness: float = Field(description="normalised betweenness; stronger ties count as shorter")
    community: int | None = Field(default=None, description="index into the communities, largest first")


class Community(BaseModel):
    """A Louvain community: its index (largest first) and member ids."""

    id: int
    size: int
    members: list[str]


class Collaborator(BaseModel):
    """A neighbour over collaboration edges, with the strength of the tie."""

    node: Node
    weight: float = Field(description="number of distinct items the two share (or the stored weight)")
    items: list[str] = Field(default_factory=list, description="ids of the items that report the collaboration")


class YearCount(BaseModel):
    """Collaborations reported in one year (by the date of the item that reports them)."""

    year: int
    collaborations: int = Field(description="distinct (pair, item) collaborations")
    items: int = Field(description="distinct items")


def in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) lies in [since, until]; undated fails any bound."""
    if since is None and until is None:
        return True
    if not date:
        return False
    # compare on the shorter precision so until=2025 keeps 2025-12-31 and since=2025-04 keeps 2025-04
    if since is not None and date[: len(since)] < since[: len(date)]:
        return False
    return not (until is not None and date[: len(until)] > until[: len(date)])


def edge_weight(edge: Edge) -> float:
    """The strength of an edge: distinct items in its evidence, else its stored weight, else 1."""
    items = {ev.item_id for ev in edge.evidence}
    if items:
        return float(len(items))
    return float(edge.weight) if edge.weight is not None else 1.0


def filter_by_date(
    graph: SubGraph, since: str | None = None, until: str | None = None, keep: str | None = None
) -> SubGraph:
    """Keep the evidence dated in [since, until] and the edges that still have some, re-weighted by distinct items.

    Edges without evidence (e.g. from ``collaboration()``) are kept as they are: the store already filtered them.
    Nodes left without any edge are dropped, except ``keep`` (the entity the view is centred on).
    """
    edges: list[Edge] = []
    for edge in graph.edges:
        if not edge.evidence:
            edges.append(edge)
            continue
        evidence = [ev for ev in edge.evidence if in_range(ev.item_date, since, until)]
        if evidence:
            kept = edge.model_copy(update={"evidence": evidence})
            edges.append(kept.model_copy(update={"weight": edge_weight(kept)}))
    touched = {e.source for e in edges} | {e.target for e in edges}
    if keep is not None:
        touched.add(keep)
    return SubGraph(nodes=[n for n in graph.nodes if n.id in touched], edges=edges)


def to_networkx(graph: SubGraph, predicates: Collection[str] | None = None) -> nx.Graph:
    """An undirected weighted NetworkX graph; parallel edges between two nodes are summed into one.

    ``distance`` (1/weight) is set too, so path-based measures treat strong ties as short.
    """
    g = nx.Graph()
    # sorted insertion: Louvain's seeded result depends on node order, and stores return rows in any order
    for node in sorted(graph.nodes, key=lambda n: n.id):
        g.add_node(node.id, type=node.type, name=node.name)
    for edge in sorted(graph.edges, key=lambda e: (e.source, e.target, e.predicate)):
        if predicates is not None and edge.predicate not in predicates:
            continue
        if edge.source == edge.target or edge.source not in g or edge.target not in g:
            continue
        weight = edge_weight(edge)
        if g.has_edge(edge.source, edge.target):
            weight += g[edge.source][edge.target]["weight"]
        g.add_edge(edge.source, edge.target, weight=weight, distance=1.0 / weight)
    return g


def communities(graph: SubGraph, seed: int = 7, resolution: float = 1.0) -> list[Community]:
    """Louvain communities (seeded, so the same graph gives the same answer), largest first; isolated nodes alone."""
    g = to_networkx(graph)
    if g.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
    ordered = sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))
    return [Community(id=i, size=len(members), members=members) for i, members in enumerate(ordered)]


def centrality(graph: SubGraph, seed: int = 7) -> dict[str, NodeMetrics]:
    """Degree and betweenness centrality of every node, with its Louvain community."""
    g = to_networkx(graph)
    n = g.number_of_nodes()
    if n == 0:
        return {}
    degree = nx.degree_centrality(g)
    k = BETWEENNESS_SAMPLE if n > BETWEENNESS_EXACT_LIMIT else None
    betweenness = nx.betweenness_centrality(g, k=k, weight="distance", normalized=True, seed=seed)
    member_of = {m: c.id for c in communities(graph, seed=seed) for m in c.members}
    return {
        node: NodeMetrics(
            id=node,
            degree=g.degree(node),
            weighted_degree=float(g.degree(node, weight="weight")),
            degree_centrality=degree[node],
            betweenness=betweenness[node],
            community=member_of.get(node),
        )
        for node in g.nodes
    }


def top_collaborators(graph: SubGraph, entity_id: str, limit: int = 10) -> list[Collaborator]:
    """The entity's neighbours over ``collaboratedWith`` edges, strongest first (ties by name)."""
    nodes = {n.id: n for n in graph.nodes}
    weights: dict[str, float] = defaultdict(float)
    items: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges:
        if edge.predicate != COLLABORATION or entity_id not in (edge.source, edge.target):
            continue
        other = edge.target if edge.source == entity_id else edge.source
        if other == entity_id or other not in nodes:
            continue
        weights[other] += edge_weight(edge)
        items[other].update(ev.item_id for ev in edge.evidence)
    ranked = sorted(weights, key=lambda other: (-weights[other], nodes[other].name, other))[:limit]
    return [Collaborator(node=nodes[o], weight=weights[o], items=sorted(items[o])) for o in ranked]


def _roots(graph: SubGraph) -> dict[str, list[str]]:
    """Each institution's top-level institutions through ``partOf`` (itself when it has no parent)."""
    institutions = {n.id for n in graph.nodes if n.type == "Institution"}
    part_of = nx.DiGraph()
    part_of.add_nodes_from(institutions)
    part_of.add_edges_from(
        (e.source, e.target)
        for e in graph.edges
        if e.predicate == "partOf" and e.source in institutions and e.target in institutions
    )
    roots: dict[str, list[str]] = {}
    for inst in institutions:
        # a node on a partOf cycle has no parentless ancestor: it stands for itself
        tops = sorted(a for a in nx.descendants(part_of, inst) if part_of.out_degree(a) == 0)
        roots[inst] = tops if part_of.out_degree(inst) and tops else [inst]
    return roots


def rollup_institutions(graph: SubGraph) -> SubGraph:
    """Collaboration between top-level institutions: departments roll up through ``partOf``, researchers through
    ``affiliatedWith``; an edge's weight is the number of distinct items reporting a collaboration between them.

    Each returned node carries ``properties.units`` (how many institutions rolled into it, itself included).
    """
    nodes = {n.id: n for n in graph.nodes}
    roots = _roots(graph)
    home: dict[str, set[str]] = defaultdict(set)  # entity -> top-level institutions it stands for
    for inst, tops in roots.items():
        home[inst].update(tops)
    for edge in graph.edges:
        if edge.predicate == "affiliatedWith" and edge.target in roots:
            home[edge.source].update(roots[edge.target])

    evidence: dict[tuple[str, str], dict[str, Evidence]] = defaultdict(dict)
    undated: dict[tuple[str, str], float] = defaultdict(float)
    for edge in graph.edges:
        if edge.predicate != COLLABORATION:
            continue
        for a in home.get(edge.source, ()):
            for b in home.get(edge.target, ()):
                if a == b:
                    continue
                pair = (min(a, b), max(a, b))
                if edge.evidence:
                    evidence[pair].update((ev.item_id, ev) for ev in edge.evidence)
                else:
                    undated[pair] += edge_weight(edge)

    units: dict[str, int] = defaultdict(int)
    for tops in roots.values():
        for top in tops:
            units[top] += 1
    edges = [
        Edge(
            source=a,
            target=b,
            predicate=COLLABORATION,
            weight=len(evidence.get((a, b), {})) + undated.get((a, b), 0.0),
            evidence=list(evidence.get((a, b), {}).values()),
        )
        for a, b in sorted(set(evidence) | set(undated))
    ]
    kept = sorted(set(units))
    return SubGraph(
        nodes=[
            nodes[t].model_copy(update={"properties": {**nodes[t].properties, "units": units[t]}})
            for t in kept
            if t in nodes
        ],
        edges=edges,
    )


def collaboration_by_year(graph: SubGraph, entity_id: str | None = None) -> list[YearCount]:
    """Collaborations per year of the reporting item's date (only those touching ``entity_id`` when given).

    Edges without evidence count their weight in their own ``year`` when they have one.
    """
    pairs: dict[int, set[tuple[str, str, str]]] = defaultdict(set)
    items: dict[int, set[str]] = defaultdict(set)
    extra: dict[int, float] = defaultdict(float)
    for edge in graph.edges:
        if edge.predicate != COLLABORATION:
            continue
        if entity_id is not None and entity_id not in (edge.source, edge.target):
            continue
        pair = (min(edge.source, edge.target), max(edge.source, edge.target))
        for ev in edge.evidence:
            date = ev.item_date or (str(edge.year) if edge.year else None)
            if date and date[:4].isdigit():
                year = int(date[:4])
                pairs[year].add((*pair, ev.item_id))
                items[year].add(ev.item_id)
        if not edge.evidence and edge.year is not None:
            extra[edge.year] += edge_weight(edge)
    years = sorted(set(pairs) | set(extra))
    return [
        YearCount(year=y, collaborations=len(pairs.get(y, ())) + int(extra.get(y, 0)), items=len(items.get(y, ())))
        for y in years
    ]


def from_extractions(records: Iterable[Extraction]) -> SubGraph:
    """A SubGraph of extraction records (e.g. ``store.subgraph()``): one node per entity, one edge per relation with
    all of its evidence, direction dropped for symmetric predicates."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    for record in records:
        for entity in record.entities:
            if entity.id not in nodes:
                nodes[entity.id] = Node(
                    id=entity.id,
                    type=entity.type,
                    name=entity.name,
                    aliases=list(entity.aliases),
                    labels=dict(entity.labels),
                    identifiers=dict(entity.identifiers),
                )
        for rel in record.relations:
            source, target = rel.subject, rel.object
            if rel.predicate in SYMMETRIC_PREDICATES and target < source:
                source, target = target, source
            key = (source, rel.predicate, target)
            edge = edges.setdefault(key, Edge(source=source, target=target, predicate=rel.predicate, year=rel.year))
            if all(
                (ev.item_id, ev.start, ev.end) != (rel.evidence.item_id, rel.evidence.start, rel.evidence.end)
                for ev in edge.evidence
            ):
                edge.evidence.append(rel.evidence)
    for edge in edges.values():
        edge.weight = edge_weight(edge)
    return SubGraph(nodes=list(nodes.values()), edges=list(edges.values()))


def _pair(edge: Edge) -> tuple[str, str, str]:
    if edge.predicate in SYMMETRIC_PREDICATES:
        return (min(edge.source, edge.target), edge.predicate, max(edge.source, edge.target))
    return (edge.source, edge.predicate, edge.target)


def union(first: SubGraph, second: SubGraph) -> SubGraph:
    """Both graphs' nodes and edges; where both hold a node or an edge (direction ignored for symmetric predicates),
    the first graph's copy wins."""
    nodes = {n.id: n for n in second.nodes} | {n.id: n for n in first.nodes}
    edges = {_pair(e): e for e in second.edges} | {_pair(e): e for e in first.edges}
    return SubGraph(nodes=list(nodes.values()), edges=list(edges.values()))


def annotate(graph: SubGraph, seed: int = 7) -> SubGraph:
    """The graph with each node's ``degree``, ``betweenness`` and ``community`` in its properties (for drawing)."""
    metrics = centrality(graph, seed=seed)
    nodes = []
    for node in graph.nodes:
        m = metrics.get(node.id)
        extra = {"degree": m.degree, "betweenness": m.betweenness, "community": m.community} if m else {}
        nodes.append(node.model_copy(update={"properties": {**node.properties, **extra}}))
    return SubGraph(nodes=nodes, edges=graph.edges)
