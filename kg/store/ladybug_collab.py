"""The collaboration graph on the embedded store.

Researcher level: researchers joined by COLLABORATED_WITH facts, weight = number of distinct evidence items dated in
[since, until]. Institution level: institutions joined by COLLABORATED_WITH facts between institutions, or through the
affiliations of two collaborating researchers (the items of the researchers' collaboration count for the pair);
``rollup`` maps every institution to its top-level parent along PART_OF first. The facts are read once and the graph
is built here: a collaboration graph is small next to the store.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from kg.errors import UsageError
from kg.store import records as rec
from kg.store.base import Edge, SubGraph
from kg.store.ladybug_db import LadybugDb
from kg.store.ladybug_graph import all_facts, fetch_nodes, resolve, to_node
from kg.store.schema import GraphSchema, rel_type

COLLAB = rel_type("collaboratedWith")
AFFIL = rel_type("affiliatedWith")
PART = rel_type("partOf")


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _items(props: dict[str, object], since: str | None, until: str | None) -> set[str]:
    return {e.item_id for e in rec.evidence_list(props, since, until)}  # type: ignore[arg-type]


def _top_parent(parents: dict[str, list[str]]) -> dict[str, str]:
    """Each unit's top-level ancestor along PART_OF (the smallest id when there are several; cycles stop)."""
    out: dict[str, str] = {}
    for start in parents:
        node, seen = start, {start}
        while parents.get(node):
            nxt = min(parents[node])
            if nxt in seen:
                break
            seen.add(nxt)
            node = nxt
        out[start] = node
    return out


def collaboration(
    db: LadybugDb,
    schema: GraphSchema,
    level: Literal["researcher", "institution"],
    around: str | None,
    depth: int,
    min_weight: int,
    since: str | None,
    until: str | None,
    rollup: bool,
    limit: int,
) -> SubGraph:
    """The weighted collaboration graph (see the module docstring), optionally only within ``depth`` of ``around``."""
    if level not in ("researcher", "institution"):
        raise UsageError(f"unknown collaboration level {level!r}", level=level)
    weights: dict[tuple[str, str], set[str]] = defaultdict(set)
    researcher_pairs = [
        (f.src, f.dst, _items(f.props, since, until)) for f in all_facts(db, COLLAB, "Researcher", "Researcher")
    ]
    if level == "researcher":
        for a, b, its in researcher_pairs:
            if its:
                weights[_pair(a, b)] |= its
    else:
        for f in all_facts(db, COLLAB, "Institution", "Institution"):
            its = _items(f.props, since, until)
            if its and f.src != f.dst:
                weights[_pair(f.src, f.dst)] |= its
        affiliations: dict[str, set[str]] = defaultdict(set)
        for f in all_facts(db, AFFIL, "Researcher", "Institution"):
            affiliations[f.src].add(f.dst)
        for a, b, its in researcher_pairs:
            for ia in affiliations.get(a, ()):
                for ib in affiliations.get(b, ()):
                    if its and ia != ib:
                        weights[_pair(ia, ib)] |= its
        if rollup:
            parents: dict[str, list[str]] = defaultdict(list)
            for f in all_facts(db, PART, "Institution", "Institution"):
                parents[f.src].append(f.dst)
            top = _top_parent(parents)
            rolled: dict[tuple[str, str], set[str]] = defaultdict(set)
            for (a, b), its in weights.items():
                ta, tb = top.get(a, a), top.get(b, b)
                if ta != tb:
                    rolled[_pair(ta, tb)] |= its
            weights = rolled
    edges = {pair: len(its) for pair, its in weights.items() if len(its) >= min_weight}
    if around is not None:
        _, props = resolve(db, schema, around)
        centre = props["id"]
        adjacency: dict[str, set[str]] = defaultdict(set)
        for a, b in edges:
            adjacency[a].add(b)
            adjacency[b].add(a)
        reach, frontier = {centre}, {centre}
        for _ in range(max(1, depth)):
            frontier = {n for f in frontier for n in adjacency[f]} - reach
            reach |= frontier
        edges = {p: w for p, w in edges.items() if p[0] in reach and p[1] in reach}
    ranked = sorted(edges.items(), key=lambda t: (-t[1], t[0]))[:limit]
    stored = fetch_nodes(db, {n for pair, _ in ranked for n in pair})
    node_ids = sorted({n for pair, _ in ranked for n in pair if n in stored})
    return SubGraph(
        nodes=[to_node(*stored[n]) for n in node_ids],
        edges=[Edge(source=a, target=b, predicate="collaboratedWith", weight=float(w)) for (a, b), w in ranked],
    )
