"""Graph walks both stores share: neighbourhood, shortest paths and the collaboration graph.

A store supplies one callback, ``expand(ids) -> list[Hop]`` (every fact relationship touching those nodes, with the
node at the other end); the walks here are then identical on both stores, which is what the conformance suite checks.
Ordering is deterministic everywhere (distance, name, id), so two stores give equal results, not just equal sets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kg.errors import UsageError
from kg.store.base import Edge, Node, Path, SubGraph
from kg.store.records import edge_from_props, evidence_list, in_period, node_from_props
from kg.store.schema import predicate_of, rel_type


@dataclass(frozen=True)
class Hop:
    """A stored fact relationship seen from one of its ends."""

    src: str
    dst: str
    type: str  # relationship type, e.g. AFFILIATED_WITH
    props: Mapping[str, Any]
    other_label: str
    other_props: Mapping[str, Any]

    def other(self, node_id: str) -> str:
        """The id at the other end from ``node_id``."""
        return self.dst if self.src == node_id else self.src


Expand = Callable[[Sequence[str]], list[Hop]]


def _edge_key(hop: Hop) -> tuple[str, str, str, str]:
    """(type, src, dst, key): a fact's identity, and the order edges are listed in."""
    return hop.type, hop.src, hop.dst, str(hop.props.get("key") or "")


def _node_sort(node: Node) -> tuple[str, str]:
    return node.name, node.id


def neighbourhood(
    center: Node,
    expand: Expand,
    depth: int = 1,
    types: Sequence[str] = (),
    relations: Sequence[str] = (),
    limit: int = 200,
) -> SubGraph:
    """Nodes within ``depth`` (1..3) fact hops of ``center`` (breadth first, ignoring direction, following only the
    given predicates) and the facts seen between them; ``types`` filters the nodes returned (the center always
    stays); at most ``limit`` nodes, nearest first then by id."""
    if not 1 <= depth <= 3:
        raise UsageError("depth must be 1, 2 or 3", depth=depth)
    allowed_rel = {rel_type(r) for r in relations}
    distance: dict[str, int] = {center.id: 0}
    nodes: dict[str, Node] = {center.id: center}
    edges: dict[tuple[str, str, str, str], Hop] = {}
    frontier = [center.id]
    for level in range(1, depth + 1):
        here = set(frontier)
        found: list[str] = []
        for hop in expand(frontier):
            if allowed_rel and hop.type not in allowed_rel:
                continue
            edges[_edge_key(hop)] = hop
            for node_id in (hop.src, hop.dst):
                if node_id not in here:
                    continue
                other = hop.other(node_id)
                if other not in distance:
                    distance[other] = level
                    nodes[other] = node_from_props(hop.other_label, hop.other_props)
                    found.append(other)
        frontier = sorted(found)
        if not frontier:
            break
    ranked = [
        nodes[n]
        for n in sorted(nodes, key=lambda n: (distance[n], n))
        if n == center.id or not types or nodes[n].type in types
    ][:limit]
    kept = {n.id for n in ranked}
    kept_edges = [
        edge_from_props(h.src, h.dst, h.type, h.props)
        for _, h in sorted(edges.items())
        if h.src in kept and h.dst in kept
    ]
    return SubGraph(nodes=ranked, edges=kept_edges)


def shortest_paths(source: Node, target: Node, expand: Expand, max_length: int = 4, limit: int = 5) -> list[Path]:
    """All shortest paths (ignoring direction) between two nodes, at most ``max_length`` edges, at most ``limit`` of
    them, ordered by the ids along them."""
    if source.id == target.id:
        return [Path(nodes=[source], edges=[])]
    nodes: dict[str, Node] = {source.id: source}
    parents: dict[str, list[tuple[str, Hop]]] = {source.id: []}
    frontier = [source.id]
    for _ in range(max_length):
        level: dict[str, list[tuple[str, Hop]]] = {}
        frontier_set = set(frontier)
        for hop in expand(frontier):
            for here in (hop.src, hop.dst):
                if here not in frontier_set:
                    continue
                other = hop.other(here)
                if other in parents:
                    continue
                level.setdefault(other, []).append((here, hop))
                if other not in nodes:
                    nodes[other] = node_from_props(hop.other_label, hop.other_props)
        if not level:
            return []
        parents.update(level)
        if target.id in level:
            break
        frontier = sorted(level)
    else:
        return []
    if target.id not in parents:
        return []
    nodes[target.id] = target

    def walk(node_id: str) -> list[list[tuple[str, Hop | None]]]:
        if node_id == source.id:
            return [[(node_id, None)]]
        out = []
        for parent, hop in parents[node_id]:
            for prefix in walk(parent):
                out.append([*prefix, (node_id, hop)])
        return out

    def order(steps: list[tuple[str, Hop | None]]) -> tuple[list[str], list[tuple[str, str, str, str]]]:
        return [nid for nid, _ in steps], [_edge_key(h) for _, h in steps if h is not None]

    paths = []
    for steps in sorted(walk(target.id), key=order)[:limit]:
        paths.append(
            Path(
                nodes=[nodes[nid] for nid, _ in steps],
                edges=[edge_from_props(h.src, h.dst, h.type, h.props) for _, h in steps if h is not None],
            )
        )
    return paths


def collaboration_graph(
    level: str,
    collaborations: Iterable[tuple[str, str, Mapping[str, Any]]],
    nodes: Mapping[str, tuple[str, Mapping[str, Any]]],
    affiliations: Iterable[tuple[str, str]] = (),
    part_of: Iterable[tuple[str, str]] = (),
    around: str | None = None,
    depth: int = 1,
    min_weight: int = 1,
    since: str | None = None,
    until: str | None = None,
    rollup: bool = False,
    limit: int = 500,
) -> SubGraph:
    """The collaboration graph from stored COLLABORATED_WITH facts.

    ``collaborations``: (src, dst, props) of every COLLABORATED_WITH fact; ``nodes``: id -> (label, props) of every
    node those, ``affiliations`` and ``part_of`` name; ``affiliations``: (researcher, institution) pairs;
    ``part_of``: (unit, parent) pairs. Edge weight = number of distinct items (evidence dated in [since, until]) the
    two share. Researcher level links researchers; institution level links institutions that collaborate directly or
    whose researchers do (through their affiliations); ``rollup`` maps each institution to its top-level parent.
    """
    items: dict[tuple[str, str], set[str]] = {}
    evidence: dict[tuple[str, str], dict[tuple[str, int, int], Any]] = {}

    def add(a: str, b: str, props: Mapping[str, Any]) -> None:
        if a == b:
            return
        pair = (a, b) if a < b else (b, a)
        dated = evidence_list(props, since, until)
        if not dated:
            return
        items.setdefault(pair, set()).update(e.item_id for e in dated)
        bucket = evidence.setdefault(pair, {})
        for e in dated:
            bucket.setdefault((e.item_id, e.start, e.end), e)

    wanted = "Researcher" if level == "researcher" else "Institution"
    facts = list(collaborations)
    if level == "researcher":
        for src, dst, props in facts:
            if nodes[src][0] == wanted and nodes[dst][0] == wanted:
                add(src, dst, props)
    else:
        parent = dict(part_of)

        def top(unit: str) -> str:
            seen = {unit}
            while rollup and unit in parent and parent[unit] not in seen:
                unit = parent[unit]
                seen.add(unit)
            return unit

        employers: dict[str, set[str]] = {}
        for researcher, institution in affiliations:
            employers.setdefault(researcher, set()).add(institution)

        def units(node_id: str) -> set[str]:
            label = nodes[node_id][0]
            if label == "Institution":
                return {top(node_id)}
            return {top(i) for i in employers.get(node_id, ())}

        for src, dst, props in facts:
            for a in units(src):
                for b in units(dst):
                    add(a, b, props)
    weighted = {pair: len(ids) for pair, ids in items.items() if len(ids) >= min_weight}
    if around is not None:
        reach = {around}
        frontier = {around}
        for _ in range(max(1, depth)):
            frontier = {b if a in frontier else a for a, b in weighted if a in frontier or b in frontier} - reach
            reach |= frontier
        weighted = {pair: w for pair, w in weighted.items() if pair[0] in reach and pair[1] in reach}
    ranked = sorted(weighted.items(), key=lambda pw: (-pw[1], pw[0]))[:limit]
    node_ids = sorted({n for pair, _ in ranked for n in pair})
    out_nodes = [node_from_props(*nodes[n]) for n in node_ids if n in nodes]
    if around is not None and around in nodes and around not in node_ids:
        out_nodes.insert(0, node_from_props(*nodes[around]))
    edges = [
        Edge(
            source=a,
            target=b,
            predicate=predicate_of("COLLABORATED_WITH"),
            weight=float(w),
            evidence=sorted(evidence[(a, b)].values(), key=lambda e: (e.item_date or "", e.item_id, e.start)),
        )
        for (a, b), w in ranked
    ]
    return SubGraph(nodes=sorted(out_nodes, key=_node_sort), edges=edges)


__all__ = ["Hop", "Expand", "neighbourhood", "shortest_paths", "collaboration_graph", "in_period"]
