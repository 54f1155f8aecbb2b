"""Graph walks both stores share: neighbourhood, shortest paths and the collaboration graph.

A store supplies one callback, ``expand(ids) -> list[Hop]`` (every fact relationship touching those nodes, with the
node at the other end); the walks here are then identical on both stores, which is what the conformance suite checks.
Ordering is deterministic everywhere (distance, name, id), so two stores give equal results, not just equal sets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from kg.errors import UsageError
from kg.store.base import Edge, EntityDetail, Node, Path, SubGraph
from kg.store.records import (
    edge_from_props,
    edges_from_facts,
    in_period,
    node_from_props,
    nodes_from_props,
)
from kg.store.records_json import edge_dict, edge_dict_by_model, evidence_dicts, node_dict, subgraph_json
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


#: ``expand(frontier, seen, room)``: every hop between a frontier node and a node of ``seen`` (``seen`` holds the
#: frontier), and every hop between a frontier node and one of the ``room`` nodes outside ``seen`` with the smallest
#: ids; returns those hops (the far end's properties set for the new nodes) and whether more nodes were adjacent
BoundedExpand = Callable[[Sequence[str], AbstractSet[str], int], tuple[list[Hop], bool]]


@dataclass
class Walk:
    """What a bounded neighbourhood walk kept: node ids nearest first (labels alongside), the hops between kept nodes,
    and whether nodes were left out."""

    nodes: list[tuple[str, str]]  # (id, label)
    hops: list[Hop]
    truncated: bool = False
    props: dict[str, Mapping[str, Any]] = field(default_factory=dict)  # id -> other_props of the hop that found it


def select_hops(
    hops: Iterable[Hop], frontier: Sequence[str], seen: AbstractSet[str], room: int
) -> tuple[list[Hop], bool]:
    """The bounded expand (see :data:`BoundedExpand`) over hops already read in full, for the embedded store: the
    same hops Neo4j's query keeps."""
    here = set(frontier)
    hops = list(hops)
    outside = sorted({h.other(x) for h in hops for x in (h.src, h.dst) if x in here and h.other(x) not in seen})
    chosen = set(outside[:room]) | seen
    kept = [h for h in hops if any(x in here and h.other(x) in chosen for x in (h.src, h.dst))]
    return kept, len(outside) > room


#: a node with more fact relationships than this, or than the walk may keep nodes (its ``limit``, when larger), is a
#: hub: a walk reaches it but does not expand it (the center is always expanded). Its ties alone would fill the view,
#: and reading them costs what the view cannot show: at 100k items a depth-2 walk of 200 nodes around a researcher
#: read 11-16k relationships, most of them of collaborators with 200-1,000 facts each (see
#: docs/decisions/20261128-walk-cuts.md).
HUB_DEGREE = 100


def hub_degree(limit: int) -> int:
    """The number of facts above which a node is a hub for a walk that keeps at most ``limit`` nodes."""
    return max(HUB_DEGREE, limit)


#: ``degrees(ids)``: id -> number of fact relationships (MENTIONS not counted), for the hub rule
Degrees = Callable[[Sequence[str]], Mapping[str, int]]


def walk(
    center: tuple[str, str],
    expand: BoundedExpand,
    depth: int = 1,
    types: Sequence[str] = (),
    relations: Sequence[str] = (),
    limit: int = 200,
    degrees: Degrees | None = None,
) -> Walk:
    """Breadth-first walk from ``center`` (id, label), ignoring direction, following only the given predicates; keeps
    at most ``limit`` nodes (the center first, then by distance and id; ``types`` filters the nodes kept, not the
    walk) and the hops between them that the walk saw.

    Bounded so a hub (an institution or journal shared by thousands) costs no more than ``limit`` allows: a level
    asks only for the nodes that can still be kept (the ``room`` left under ``limit``, smallest ids first) and for
    the hops back to nodes already seen. Without a type filter that is exactly what an unbounded walk keeps (a node
    beyond the room ranks after ``limit`` nodes, and so does everything reached through it); with one, untyped nodes
    take room too, so fewer typed nodes may be kept. Hubs (more than :func:`hub_degree` facts, when ``degrees`` is
    given) other than the center are kept but not expanded. ``truncated`` says nodes may have been left out."""
    if not 1 <= depth <= 3:
        raise UsageError("depth must be 1, 2 or 3", depth=depth)
    allowed_rel = {rel_type(r) for r in relations}
    center_id = center[0]
    distance: dict[str, int] = {center_id: 0}
    labels: dict[str, str] = {center_id: center[1]}
    props: dict[str, Mapping[str, Any]] = {}
    edges: dict[tuple[str, str, str, str], Hop] = {}
    frontier = [center_id]
    truncated = False

    def kept_count() -> int:
        return sum(1 for n in distance if n == center_id or not types or labels[n] in types)

    for level in range(1, depth + 1):
        if level > 1 and degrees is not None:
            degree = degrees(frontier)
            most = hub_degree(limit)
            hubs = {n for n in frontier if degree.get(n, 0) > most}
            if hubs:
                frontier, truncated = [n for n in frontier if n not in hubs], True
            if not frontier:
                break
        here = set(frontier)
        found: list[str] = []
        hops, more = expand(frontier, frozenset(distance), max(0, limit - kept_count()))
        truncated = truncated or more
        for hop in hops:
            if allowed_rel and hop.type not in allowed_rel:
                continue
            edges[_edge_key(hop)] = hop
            for node_id in (hop.src, hop.dst):
                if node_id not in here:
                    continue
                other = hop.other(node_id)
                if other not in distance:
                    distance[other] = level
                    labels[other] = hop.other_label
                    props[other] = hop.other_props
                    found.append(other)
        frontier = sorted(found)
        if not frontier:
            break
    ranked = [
        n for n in sorted(distance, key=lambda n: (distance[n], n)) if n == center_id or not types or labels[n] in types
    ]
    truncated = truncated or len(ranked) > limit
    kept = ranked[:limit]
    kept_set = set(kept)
    hops = [h for _, h in sorted(edges.items()) if h.src in kept_set and h.dst in kept_set]
    return Walk(nodes=[(n, labels[n]) for n in kept], hops=hops, truncated=truncated, props=props)


#: evidence listed per edge of a neighbourhood: a fact between two hubs can have thousands, and a neighbourhood of
#: 200 nodes would otherwise carry megabytes of sentences nobody reads on a graph view
EVIDENCE_PER_EDGE = 3


def walk_edge(hop: Hop) -> Edge:
    """A neighbourhood edge: the last :data:`EVIDENCE_PER_EDGE` evidence in stored order (the most recently added)
    and the total. ``hop.props`` may hold the evidence already cut, with the total as ``evidence_total``."""
    return walk_edges([hop])[0]


def walk_edges(hops: Sequence[Hop]) -> list[Edge]:
    """:func:`walk_edge` of every hop, built at once (:func:`kg.store.records.edges_from_facts`)."""
    facts = []
    for hop in hops:
        evidence = hop.props.get("evidence") or []
        cut = {
            "role": hop.props.get("role"),
            "year": hop.props.get("year"),
            "evidence": evidence[-EVIDENCE_PER_EDGE:],
            "evidence_total": int(hop.props.get("evidence_total", len(evidence))),
        }
        facts.append((hop.src, hop.dst, hop.type, cut))
    return edges_from_facts(facts)


def walk_subgraph(center: Node, found: Walk) -> SubGraph:
    """The :class:`SubGraph` of a walk: the center as given, the other nodes from the props the walk kept."""
    others = nodes_from_props([(label, found.props[n]) for n, label in found.nodes if n != center.id])
    at = iter(others)
    return SubGraph(
        nodes=[center if n == center.id else next(at) for n, _ in found.nodes],
        edges=walk_edges(found.hops),
        truncated=found.truncated,
    )


def walk_json(center: tuple[str, Mapping[str, Any]], found: Walk) -> bytes:
    """The JSON of :func:`walk_subgraph` (``center`` as its stored (label, props)), byte for byte, built from plain
    dicts (:mod:`kg.store.records_json`): the API's hot path, without a model per node, edge and evidence span."""
    label, props = center
    center_id = props["id"]
    nodes = [node_dict(label, props) if n == center_id else node_dict(lbl, found.props[n]) for n, lbl in found.nodes]
    strings: list[str] = []
    for hop in found.hops:
        strings.extend((hop.props.get("evidence") or [])[-EVIDENCE_PER_EDGE:])
    parsed = evidence_dicts(strings)
    edges: list[dict[str, Any]] = []
    at = 0
    for hop in found.hops:
        evidence = hop.props.get("evidence") or []
        count = len(evidence[-EVIDENCE_PER_EDGE:])
        spans, at = parsed[at : at + count], at + count
        total = int(hop.props.get("evidence_total", len(evidence)))
        edge = edge_dict(hop.src, hop.dst, predicate_of(hop.type), hop.props, spans, evidence_total=total)
        if edge is None:  # a stored field of another type than the model keeps: the model decides, as before
            edge = edge_dict_by_model(hop.src, hop.dst, hop.type, hop.props, spans, evidence_total=total)
        edges.append(edge)
    return subgraph_json(nodes, edges, found.truncated)


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


@dataclass
class Collab:
    """A collaboration graph before it is rendered as models (:meth:`subgraph`) or JSON (:meth:`json`): the nodes as
    stored (label, props), the ranked edges (a, b, weight, evidence in the model's dict form, sorted, and the number
    of evidence spans in the period when the evidence listed was cut, else None)."""

    nodes: list[tuple[str, Mapping[str, Any]]]
    edges: list[tuple[str, str, int, list[dict[str, Any]], int | None]]
    truncated: bool = False

    def subgraph(self) -> SubGraph:
        """The graph as the store interface's :class:`SubGraph`."""
        predicate = predicate_of("COLLABORATED_WITH")
        return SubGraph(
            nodes=sorted((node_from_props(*n) for n in self.nodes), key=_node_sort),
            edges=[
                Edge(source=a, target=b, predicate=predicate, weight=float(w), evidence=evidence, evidence_total=total)
                for a, b, w, evidence, total in self.edges
            ],
            truncated=self.truncated,
        )

    def json(self) -> bytes:
        """The JSON of :meth:`subgraph`, byte for byte, without the models."""
        predicate = predicate_of("COLLABORATED_WITH")
        nodes = sorted((node_dict(*n) for n in self.nodes), key=lambda d: (d["name"], d["id"]))
        edges = [
            {
                "source": a,
                "target": b,
                "predicate": predicate,
                "role": None,
                "year": None,
                "weight": float(w),
                "evidence": evidence,
                "evidence_total": total,
            }
            for a, b, w, evidence, total in self.edges
        ]
        return subgraph_json(nodes, edges, self.truncated)


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
    dated: DatedEvidence | None = None,
    evidence_per_edge: int | None = None,
) -> Collab:
    """The collaboration graph from stored COLLABORATED_WITH facts.

    ``collaborations``: (src, dst, props) of every COLLABORATED_WITH fact; ``nodes``: id -> (label, props) of every
    node those, ``affiliations`` and ``part_of`` name; ``affiliations``: (researcher, institution) pairs;
    ``part_of``: (unit, parent) pairs. Edge weight = number of distinct items (evidence dated in [since, until]) the
    two share. Researcher level links researchers; institution level links institutions that collaborate directly or
    whose researchers do (through their affiliations); ``rollup`` maps each institution to its top-level parent.
    ``dated``: the facts' evidence in the period, when the caller already read it (see :class:`DatedEvidence`).
    ``evidence_per_edge``: None lists every evidence span of an edge; a number lists at most that many, the latest
    by item date among the last that many of each of its facts (stored order: the most recently added), and gives
    the edge's ``evidence_total`` (spans in the period). A tie reported in a thousand items otherwise carries a
    thousand sentences.
    """
    dated = dated or DatedEvidence(since, until, evidence_per_edge)
    items: dict[tuple[str, str], set[str]] = {}
    spans: dict[tuple[str, str], set[tuple[str, int, int]]] = {}
    evidence: dict[tuple[str, str], dict[tuple[str, int, int], dict[str, Any]]] = {}

    def add(a: str, b: str, props: Mapping[str, Any]) -> None:
        if a == b:
            return
        pair = (a, b) if a < b else (b, a)
        found = dated(props)
        if not found.items:
            return
        items.setdefault(pair, set()).update(found.items)
        spans.setdefault(pair, set()).update(found.spans)
        bucket = evidence.setdefault(pair, {})
        for e in found.shown:
            bucket.setdefault((e["item_id"], e["start"], e["end"]), e)

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
    out_nodes = [nodes[n] for n in node_ids if n in nodes]
    if around is not None and around in nodes and around not in node_ids:
        out_nodes.insert(0, nodes[around])
    edges: list[tuple[str, str, int, list[dict[str, Any]], int | None]] = []
    for (a, b), w in ranked:
        listed = sorted(evidence[(a, b)].values(), key=lambda e: (e["item_date"] or "", e["item_id"], e["start"]))
        if evidence_per_edge is None:
            edges.append((a, b, w, listed, None))
        else:
            edges.append((a, b, w, _last(listed, evidence_per_edge), len(spans[(a, b)])))
    return Collab(nodes=out_nodes, edges=edges)


def _last(values: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """The last ``count`` values (none for 0, where ``values[-0:]`` would be all)."""
    return values[-count:] if count > 0 else []


#: ``fetch(ids, among, done)``: every COLLABORATED_WITH fact between two researchers with an end among ``ids`` (only
#: those whose other end is among ``among`` when given), as hops with full properties and the far researcher's. It may
#: leave out what the walk has already read: the facts whose other end is in ``done`` (researchers whose facts were
#: all fetched before), the second copy of a fact between two of ``ids``, and, when ``among`` is given (researchers
#: already known), the far researcher's properties but its id
CollabFetch = Callable[[Sequence[str], Sequence[str] | None, AbstractSet[str]], list[Hop]]


@dataclass(frozen=True)
class FactEvidence:
    """What the collaboration graph uses of one fact's evidence in a period: its distinct items (the weight), its
    distinct spans (``item_id``, ``start``, ``end``: the edge's ``evidence_total``) and the evidence it lists, in
    the model's dict form."""

    items: frozenset[str]
    spans: frozenset[tuple[str, int, int]]
    shown: list[dict[str, Any]]


def _span_of_key(key: str) -> tuple[str, int, int]:
    """``item_id:start:end`` (:func:`kg.store.records.evidence_key`) as a span."""
    item, start, end = key.rsplit(":", 2)
    return item, int(start), int(end)


class DatedEvidence:
    """A fact's evidence dated in [since, until] (:class:`FactEvidence`): each fact's evidence read once however
    often it is asked for (the walk around a researcher reads a fact up to three times). Lives for one call: it
    keeps the props it saw.

    ``per_edge`` (None: every span is listed): how many spans a fact lists, its last ones in stored order. Without a
    period, a fact whose props hold ``evidence_keys`` is counted from those (short strings) and only the evidence
    it lists is parsed, so a store may send just the tail of the evidence (:func:`light_evidence`); with a period
    the dates are in the evidence JSON, which is then read whole."""

    def __init__(self, since: str | None, until: str | None, per_edge: int | None = None) -> None:
        self.since, self.until, self.per_edge = since, until, per_edge
        self._seen: dict[int, tuple[Mapping[str, Any], FactEvidence]] = {}

    @property
    def light(self) -> bool:
        """Whether a fact's evidence keys and the tail of its evidence are all this needs."""
        return light_evidence(self.per_edge, self.since, self.until) is not None

    def __call__(self, props: Mapping[str, Any]) -> FactEvidence:
        found = self._seen.get(id(props))
        if found is None:
            found = self._seen[id(props)] = (props, self._read(props))
        return found[1]

    def _read(self, props: Mapping[str, Any]) -> FactEvidence:
        values = props.get("evidence") or []
        keys = props.get("evidence_keys")
        if self.light and keys is not None:
            spans = frozenset(_span_of_key(k) for k in keys)
            shown = evidence_dicts(values[-self.per_edge :] if self.per_edge else [])
            return FactEvidence(frozenset(s[0] for s in spans), spans, shown)
        evidence = evidence_dicts(values)
        if self.since is not None or self.until is not None:
            evidence = [e for e in evidence if in_period(e["item_date"], self.since, self.until)]
        spans = frozenset((e["item_id"], e["start"], e["end"]) for e in evidence)
        shown = evidence if self.per_edge is None else _last(evidence, self.per_edge)
        return FactEvidence(frozenset(e["item_id"] for e in evidence), spans, shown)


def light_evidence(per_edge: int | None, since: str | None, until: str | None) -> int | None:
    """How many of a fact's last evidence entries a collaboration fetch needs besides its ``evidence_keys``, or None
    when it needs the whole evidence (every span listed, or a period to test against the dates inside)."""
    return per_edge if since is None and until is None else None


def _pair_items(hops: Iterable[Hop], dated: DatedEvidence) -> dict[tuple[str, str], set[str]]:
    """Distinct items (evidence dated in [since, until]) per unordered pair: the weight ``collaboration_graph`` uses."""
    out: dict[tuple[str, str], set[str]] = {}
    for hop in hops:
        pair = (hop.src, hop.dst) if hop.src < hop.dst else (hop.dst, hop.src)
        found = dated(hop.props)
        if found.items:
            out.setdefault(pair, set()).update(found.items)
    return out


def collaboration_around(
    center: tuple[str, Mapping[str, Any]],
    fetch: CollabFetch,
    depth: int = 1,
    min_weight: int = 1,
    since: str | None = None,
    until: str | None = None,
    limit: int = 500,
    evidence_per_edge: int | None = None,
) -> Collab:
    """The researcher collaboration graph within ``depth`` of ``center`` (label, props), read around it only.

    The same answer as :func:`collaboration_graph` over every stored fact with ``around``: a breadth-first walk over
    pairs that pass the date and weight filters, then every pair among the researchers reached. Bounded: at most
    ``limit`` + 1 researchers are reached (the heaviest ties first, then by id) and the result says ``truncated`` when
    some were left out or more than ``limit`` edges qualified."""
    label, props = center
    center_id = str(props["id"])
    nodes: dict[str, tuple[str, Mapping[str, Any]]] = {center_id: (label, props)}
    facts: dict[tuple[str, str, str, str], Hop] = {}
    reach = {center_id}
    frontier = [center_id]
    truncated = False
    dated = DatedEvidence(since, until, evidence_per_edge)
    done: set[str] = set()  # researchers whose facts were all fetched: their ties need not cross the wire again
    for _ in range(max(1, depth)):
        hops = fetch(frontier, None, done)
        done.update(frontier)
        for hop in hops:
            facts.setdefault(_edge_key(hop), hop)
        here = set(frontier)
        best: dict[str, int] = {}
        for (a, b), items in _pair_items(hops, dated).items():
            if len(items) < min_weight:
                continue
            for x, y in ((a, b), (b, a)):
                if x in here and y not in reach:
                    best[y] = max(best.get(y, 0), len(items))
        for hop in hops:
            for here_id in (hop.src, hop.dst):
                other = hop.other(here_id)
                if here_id in here and other in best:
                    nodes.setdefault(other, (hop.other_label, hop.other_props))
        new = sorted(best, key=lambda n: (-best[n], n))
        room = limit + 1 - len(reach)
        if len(new) > room:
            new, truncated = new[: max(0, room)], True
        reach.update(new)
        frontier = sorted(new)
        if not frontier:
            break
    if frontier:
        # ties among the researchers reached last: the walk has not read their facts yet
        for hop in fetch(frontier, sorted(reach), done):
            facts.setdefault(_edge_key(hop), hop)
    collab = [(h.src, h.dst, h.props) for h in facts.values() if h.src in reach and h.dst in reach]
    graph = collaboration_graph(
        "researcher",
        collab,
        nodes,
        (),
        (),
        center_id,
        depth,
        min_weight,
        since,
        until,
        False,
        limit,
        dated,
        evidence_per_edge,
    )
    qualified = sum(
        1
        for (a, b), items in _pair_items(
            (h for h in facts.values() if h.src in reach and h.dst in reach), dated
        ).items()
        if len(items) >= min_weight
    )
    graph.truncated = truncated or qualified > limit
    return graph


__all__ = [
    "BoundedExpand",
    "Collab",
    "CollabFetch",
    "DatedEvidence",
    "FactEvidence",
    "Degrees",
    "Expand",
    "HUB_DEGREE",
    "hub_degree",
    "Hop",
    "Walk",
    "collaboration_around",
    "collaboration_graph",
    "in_period",
    "light_evidence",
    "select_hops",
    "shortest_paths",
    "walk",
    "walk_edge",
    "walk_edges",
    "walk_json",
    "walk_subgraph",
    "EVIDENCE_PER_EDGE",
]


def edge_order(edge: Edge) -> tuple[str, str, str, str, int]:
    """The order an entity page lists its relations in."""
    return (edge.predicate, edge.source, edge.target, edge.role or "", edge.year or 0)


def bound_entity(detail: EntityDetail, limit: int | None) -> EntityDetail:
    """An entity page cut to ``limit`` relations (most evidence first, then :func:`edge_order`) and ``limit`` items
    (most recent first), with the totals; the same cut the Neo4j store makes in its queries."""
    detail.edges_total, detail.items_total = len(detail.edges), len(detail.items)
    items = sorted(detail.items, key=lambda i: i.id)
    items.sort(key=lambda i: i.date or "", reverse=True)
    if limit is not None:
        kept = sorted(detail.edges, key=edge_order)
        kept.sort(key=lambda e: len(e.evidence), reverse=True)
        detail.edges = sorted(kept[:limit], key=edge_order)
        ends = {x for e in detail.edges for x in (e.source, e.target)}
        detail.neighbors = [n for n in detail.neighbors if n.id in ends]
        items = items[:limit]
        detail.truncated = detail.edges_total > len(detail.edges) or detail.items_total > len(items)
    detail.items = items
    return detail
