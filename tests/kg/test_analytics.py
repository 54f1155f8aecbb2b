"""kg.analytics on small graphs built in the tests, where the right answer can be worked out by hand."""

from __future__ import annotations

import random

import pytest

from kg import analytics
from kg.model import Entity, Evidence, Extraction, NewsItem, Relation
from kg.store.base import Edge, Node, SubGraph


def node(nid: str, type_: str = "Researcher") -> Node:
    return Node(id=nid, type=type_, name=nid.upper())


def ev(item: str, date: str | None = "2025-04-01", start: int = 0) -> Evidence:
    return Evidence(item_id=item, item_date=date, start=start, end=start + 2, sentence=f"sentence of {item}")


def collab(a: str, b: str, *items: str, date: str | None = "2025-04-01") -> Edge:
    return Edge(source=a, target=b, predicate="collaboratedWith", evidence=[ev(i, date) for i in items])


def graph(edges: list[Edge], extra: tuple[str, ...] = ()) -> SubGraph:
    ids = sorted({e.source for e in edges} | {e.target for e in edges} | set(extra))
    return SubGraph(nodes=[node(i) for i in ids], edges=edges)


@pytest.mark.parametrize(
    ("edge", "expected"),
    [
        (collab("a", "b", "i1", "i2", "i1"), 2.0),  # two sentences of one item count once
        (Edge(source="a", target="b", predicate="collaboratedWith", weight=5), 5.0),
        (Edge(source="a", target="b", predicate="partOf"), 1.0),
    ],
)
def test_edge_weight_counts_distinct_items(edge: Edge, expected: float) -> None:
    assert analytics.edge_weight(edge) == expected


@pytest.mark.parametrize(
    ("date", "since", "until", "inside"),
    [
        ("2025-04-08", None, None, True),
        (None, None, None, True),
        (None, "2025", None, False),
        ("2025-04-08", "2025-04", "2025-04", True),
        ("2025-04-08", "2025-05-01", None, False),
        ("2025-04-08", None, "2025-04-07", False),
        ("2025-12-31", None, "2025", True),
        ("2025", "2025-06-01", "2025-06-30", True),  # a year-only date overlaps any day of its year
        ("2024-12-31", "2025", None, False),
    ],
)
def test_in_range_compares_at_the_shorter_precision(
    date: str | None, since: str | None, until: str | None, inside: bool
) -> None:
    assert analytics.in_range(date, since, until) is inside


def test_filter_by_date_keeps_dated_evidence_and_reweights() -> None:
    mixed = Edge(
        source="a", target="b", predicate="collaboratedWith", evidence=[ev("i1", "2024-05-01"), ev("i2", "2025-02-01")]
    )
    old_only = collab("b", "c", "i3", date="2023-01-01")
    undated = collab("c", "d", "i4", date=None)
    filtered = analytics.filter_by_date(graph([mixed, old_only, undated]), since="2025", keep="d")

    assert [(e.source, e.target) for e in filtered.edges] == [("a", "b")]
    assert filtered.edges[0].weight == 1.0
    assert [x.item_id for x in filtered.edges[0].evidence] == ["i2"]
    # c lost all its edges and goes; d is the centre of the view and stays
    assert sorted(n.id for n in filtered.nodes) == ["a", "b", "d"]


def test_filter_by_date_keeps_store_weighted_edges_without_evidence() -> None:
    stored = Edge(source="a", target="b", predicate="collaboratedWith", weight=3)
    filtered = analytics.filter_by_date(graph([stored]), since="2030")
    assert filtered.edges == [stored]


def test_to_networkx_sums_parallel_edges_and_skips_loops_and_strangers() -> None:
    edges = [
        collab("a", "b", "i1"),
        Edge(source="b", target="a", predicate="affiliatedWith", evidence=[ev("i2")]),
        collab("a", "a", "i3"),
        collab("a", "zz", "i4"),
    ]
    g = analytics.to_networkx(SubGraph(nodes=[node("a"), node("b")], edges=edges))
    assert sorted(g.nodes) == ["a", "b"]
    assert g.number_of_edges() == 1
    assert g["a"]["b"]["weight"] == 2.0
    assert g["a"]["b"]["distance"] == 0.5
    only = analytics.to_networkx(SubGraph(nodes=[node("a"), node("b")], edges=edges), predicates={"affiliatedWith"})
    assert only["a"]["b"]["weight"] == 1.0


def test_centrality_of_a_path_puts_the_middle_first() -> None:
    metrics = analytics.centrality(graph([collab("a", "b", "i1"), collab("b", "c", "i2")]))
    assert metrics["b"].betweenness == pytest.approx(1.0)
    assert metrics["a"].betweenness == 0.0
    assert (metrics["b"].degree, metrics["a"].degree) == (2, 1)
    assert metrics["b"].degree_centrality == pytest.approx(1.0)
    assert metrics["b"].weighted_degree == 2.0


def test_centrality_treats_strong_ties_as_short() -> None:
    # a and d are joined through b by ties of three items each, and through c by ties of one: paths go through b
    square = graph(
        [
            collab("a", "b", "i1", "i2", "i3"),
            collab("b", "d", "i4", "i5", "i6"),
            collab("a", "c", "i7"),
            collab("c", "d", "i8"),
        ]
    )
    metrics = analytics.centrality(square)
    assert metrics["b"].betweenness > 0
    assert metrics["c"].betweenness == 0.0


def test_centrality_of_an_empty_graph_is_empty() -> None:
    assert analytics.centrality(SubGraph()) == {}
    assert analytics.communities(SubGraph()) == []


def _two_cliques() -> SubGraph:
    left = [collab(a, b, f"L{a}{b}", f"L{a}{b}x") for a, b in [("a", "b"), ("a", "c"), ("b", "c"), ("a", "d")]]
    left += [collab(a, b, f"L{a}{b}") for a, b in [("b", "d"), ("c", "d")]]
    right = [collab(a, b, f"R{a}{b}", f"R{a}{b}x") for a, b in [("p", "q"), ("p", "r"), ("q", "r"), ("p", "s")]]
    right += [collab(a, b, f"R{a}{b}") for a, b in [("q", "s"), ("r", "s")]]
    return graph([*left, *right, collab("d", "p", "bridge")], extra=("loner",))


def test_communities_split_two_cliques_joined_by_a_bridge() -> None:
    found = analytics.communities(_two_cliques())
    groups = [set(c.members) for c in found]
    assert {"a", "b", "c", "d"} in groups
    assert {"p", "q", "r", "s"} in groups
    assert {"loner"} in groups
    assert [c.id for c in found] == list(range(len(found)))
    assert [c.size for c in found] == sorted((c.size for c in found), reverse=True)


def test_communities_do_not_depend_on_the_order_the_store_returned() -> None:
    base = _two_cliques()
    shuffled = base.model_copy(deep=True)
    rng = random.Random(3)
    rng.shuffle(shuffled.nodes)
    rng.shuffle(shuffled.edges)
    assert analytics.communities(base, seed=11) == analytics.communities(shuffled, seed=11)
    metrics = analytics.centrality(base)
    assert metrics["a"].community == metrics["d"].community != metrics["p"].community


def test_top_collaborators_ranks_by_items_then_name() -> None:
    g = graph(
        [
            collab("me", "x", "i1"),
            collab("y", "me", "i2", "i3"),
            collab("me", "w", "i4"),
            Edge(source="me", target="inst", predicate="affiliatedWith", evidence=[ev("i5")]),
            collab("x", "y", "i6", "i7", "i8"),
        ]
    )
    ranked = analytics.top_collaborators(g, "me")
    assert [c.node.id for c in ranked] == ["y", "w", "x"]
    assert ranked[0].weight == 2.0
    assert ranked[0].items == ["i2", "i3"]
    assert [c.node.id for c in analytics.top_collaborators(g, "me", limit=1)] == ["y"]
    assert analytics.top_collaborators(g, "nobody") == []


def _campus() -> SubGraph:
    """Two universities, one with a department; researchers collaborate across and within them."""
    nodes = [
        node("uni-a", "Institution"),
        node("dept-a", "Institution"),
        node("uni-b", "Institution"),
        node("r1"),
        node("r2"),
        node("r3"),
    ]
    edges = [
        Edge(source="dept-a", target="uni-a", predicate="partOf", evidence=[ev("i0")]),
        Edge(source="r1", target="dept-a", predicate="affiliatedWith", evidence=[ev("i1")]),
        Edge(source="r2", target="uni-b", predicate="affiliatedWith", evidence=[ev("i1")]),
        Edge(source="r3", target="uni-a", predicate="affiliatedWith", evidence=[ev("i2")]),
        collab("r1", "r2", "i1", "i2"),
        collab("dept-a", "uni-b", "i2", "i3"),  # i2 again: counted once between the two universities
        collab("r1", "r3", "i4"),  # both roll up to uni-a: not a tie between institutions
    ]
    return SubGraph(nodes=nodes, edges=edges)


def test_rollup_joins_top_level_institutions_through_part_of_and_affiliation() -> None:
    rolled = analytics.rollup_institutions(_campus())
    assert sorted(n.id for n in rolled.nodes) == ["uni-a", "uni-b"]
    assert [(e.source, e.target, e.weight) for e in rolled.edges] == [("uni-a", "uni-b", 3.0)]
    assert sorted(x.item_id for x in rolled.edges[0].evidence) == ["i1", "i2", "i3"]
    units = {n.id: n.properties["units"] for n in rolled.nodes}
    assert units == {"uni-a": 2, "uni-b": 1}


def test_rollup_survives_a_part_of_cycle() -> None:
    nodes = [node("x", "Institution"), node("y", "Institution"), node("z", "Institution")]
    edges = [
        Edge(source="x", target="y", predicate="partOf"),
        Edge(source="y", target="x", predicate="partOf"),
        collab("x", "z", "i1"),
    ]
    rolled = analytics.rollup_institutions(SubGraph(nodes=nodes, edges=edges))
    assert [(e.source, e.target) for e in rolled.edges] == [("x", "z")]


def test_collaboration_by_year_counts_pairs_per_item_year() -> None:
    g = graph(
        [
            collab("a", "b", "i1", "i2", date="2024-03-01"),
            collab("a", "c", "i3", date="2025-01-09"),
            collab("b", "c", "i3", date="2025-01-09"),
            Edge(source="a", target="d", predicate="affiliatedWith", evidence=[ev("i9", "2023-01-01")]),
            Edge(source="c", target="d", predicate="collaboratedWith", year=2022, weight=2),
        ]
    )
    overall = analytics.collaboration_by_year(g)
    assert [(y.year, y.collaborations, y.items) for y in overall] == [(2022, 2, 0), (2024, 2, 2), (2025, 2, 1)]
    of_a = analytics.collaboration_by_year(g, "a")
    assert [(y.year, y.collaborations, y.items) for y in of_a] == [(2024, 2, 2), (2025, 1, 1)]


def _record(item: str, date: str, relations: list[tuple[str, str, str, int]]) -> Extraction:
    text = "甲与乙合作，乙在丙工作。"
    ids = sorted({r[0] for r in relations} | {r[2] for r in relations})
    return Extraction(
        item=NewsItem(id=item, title=item, text=text, date=date),
        entities=[Entity(id=i, type="Researcher", name=i) for i in ids],
        relations=[
            Relation(subject=s, predicate=p, object=o, evidence=ev(item, date, start)) for s, p, o, start in relations
        ],
    )


def test_from_extractions_merges_evidence_and_drops_symmetric_direction() -> None:
    records = [
        _record("i1", "2025-01-01", [("b", "collaboratedWith", "a", 0), ("b", "collaboratedWith", "a", 0)]),
        _record("i2", "2025-02-01", [("a", "collaboratedWith", "b", 3), ("a", "affiliatedWith", "c", 5)]),
    ]
    sub = analytics.from_extractions(records)
    assert sorted(n.id for n in sub.nodes) == ["a", "b", "c"]
    by_key = {(e.source, e.predicate, e.target): e for e in sub.edges}
    assert set(by_key) == {("a", "collaboratedWith", "b"), ("a", "affiliatedWith", "c")}
    both = by_key[("a", "collaboratedWith", "b")]
    assert [(x.item_id, x.start) for x in both.evidence] == [("i1", 0), ("i2", 3)]  # the repeated span kept once
    assert both.weight == 2.0


def test_annotate_puts_scores_on_nodes() -> None:
    annotated = analytics.annotate(graph([collab("a", "b", "i1"), collab("b", "c", "i2")], extra=("alone",)))
    props = {n.id: n.properties for n in annotated.nodes}
    assert props["b"]["degree"] == 2
    # one of the three pairs of other nodes runs through b (the isolated node counts in the normalisation)
    assert props["b"]["betweenness"] == pytest.approx(1 / 3)
    assert props["alone"]["degree"] == 0
    assert props["a"]["community"] == props["c"]["community"]


def test_union_prefers_the_first_copy_and_ignores_symmetric_direction() -> None:
    first = SubGraph(nodes=[node("a"), node("b")], edges=[collab("a", "b", "i1")])
    derived = Edge(source="b", target="a", predicate="collaboratedWith", weight=4)
    second = SubGraph(
        nodes=[node("b").model_copy(update={"name": "other"}), node("c")],
        edges=[derived, Edge(source="b", target="c", predicate="collaboratedWith", weight=2)],
    )
    merged = analytics.union(first, second)
    assert {n.id: n.name for n in merged.nodes} == {"a": "A", "b": "B", "c": "C"}
    assert sorted((e.source, e.target, analytics.edge_weight(e)) for e in merged.edges) == [
        ("a", "b", 1.0),
        ("b", "c", 2.0),
    ]
