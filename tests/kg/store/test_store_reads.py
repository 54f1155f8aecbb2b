"""Conformance: search, entity detail, lookup, neighbourhood, paths, collaboration, items and stats on both stores."""

from __future__ import annotations

import pytest

from kg.errors import NotFound, UsageError

from .conftest import eid, record


@pytest.mark.parametrize(
    ("query", "types", "expected"),
    [
        # ties (same score) go to the better-connected entity first
        ("东海理工", (), [("dhut", "prefix", "东海理工大学"), ("chem", "prefix", "东海理工大学化学学院")]),
        ("自然", (), [("nature", "exact", "自然"), ("nsfc", "substring", "国家自然科学基金")]),
        ("lin xiaoming", (), [("lin", "exact", "Lin Xiaoming")]),
        ("LIN", (), [("lin", "prefix", "Lin Xiaoming")]),
        ("ＮＡＴＵＲＥ", (), [("nature", "exact", "Nature")]),  # full-width input is normalised
        ("化学", (), [("chem", "prefix", "化学学院")]),  # the alias is a prefix match, better than the substring
        ("东海", ("Researcher",), []),
        ("科学奖", ("Award",), [("award", "substring", "青年科学奖")]),
    ],
)
def test_search_ranks_exact_prefix_substring(loaded, query: str, types: tuple[str, ...], expected: list) -> None:  # noqa: ANN001
    page = loaded.search(query, types=types)
    assert [(h.node.id, h.match, h.matched) for h in page.hits] == [(eid(k), m, s) for k, m, s in expected]
    assert [h.score for h in page.hits] == [{"exact": 3.0, "prefix": 2.0, "substring": 1.0}[m] for _, m, _ in expected]
    assert page.next_cursor is None


def test_search_pages_with_a_cursor(loaded) -> None:  # noqa: ANN001
    first = loaded.search("of", limit=2)
    # substring matches, by degree: Donghai (4 facts), the publication (3), Northbridge (2)
    assert [h.node.id for h in first.hits] == [eid("dhut"), eid("pub")]
    assert first.next_cursor
    second = loaded.search("of", limit=2, cursor=first.next_cursor)
    assert [h.node.id for h in second.hits] == [eid("north")]
    assert second.next_cursor is None
    with pytest.raises(UsageError):
        loaded.search("of", cursor="not a cursor!")


def test_entity_has_facts_with_evidence_and_items(loaded) -> None:  # noqa: ANN001
    detail = loaded.entity(eid("lin"))
    assert detail.node.name == "林晓明"
    assert detail.node.labels == {"zh": "林晓明", "en": "Lin Xiaoming"}
    facts = {(e.predicate, e.source, e.target, e.role, e.year, len(e.evidence)) for e in detail.edges}
    wang_lin = tuple(sorted((eid("lin"), eid("wang"))))
    assert facts == {
        ("affiliatedWith", eid("lin"), eid("chem"), None, None, 1),
        ("affiliatedWith", eid("lin"), eid("dhut"), None, None, 1),
        ("collaboratedWith", *wang_lin, None, None, 2),
        ("collaboratedWith", *sorted((eid("lin"), eid("alice"))), None, None, 1),
        ("authorOf", eid("lin"), eid("pub"), "corresponding", None, 1),
        ("received", eid("lin"), eid("award"), None, 2024, 1),
    }
    evidence = next(e for e in detail.edges if e.predicate == "authorOf").evidence[0]
    a = record("A")
    assert (evidence.item_id, evidence.item_date) == (a.item.id, "2024-03-05")
    assert a.item.text[evidence.start : evidence.end].strip() == evidence.sentence
    assert {n.id for n in detail.neighbors} == {eid(k) for k in ("chem", "dhut", "wang", "alice", "pub", "award")}
    assert sorted(i.id for i in detail.items) == sorted(record(k).item.id for k in "ABC")
    with pytest.raises(NotFound):
        loaded.entity("researcher-000000000000")


@pytest.mark.parametrize(
    ("identifier", "key"), [("0028-0836", "nature"), ("Q4115189", "dhut"), ("0000-0002-1825-0097", "lin")]
)
def test_lookup_by_identifier(loaded, identifier: str, key: str) -> None:  # noqa: ANN001
    assert loaded.lookup(identifier).id == eid(key)


def test_lookup_unknown_identifier(loaded) -> None:  # noqa: ANN001
    with pytest.raises(NotFound):
        loaded.lookup("9999-9999")


@pytest.mark.parametrize(
    ("depth", "types", "relations", "expected"),
    [
        (1, (), (), {"lin", "chem", "dhut", "wang", "alice", "pub", "award"}),
        (1, ("Institution",), (), {"lin", "chem", "dhut"}),
        (1, (), ("collaboratedWith",), {"lin", "wang", "alice"}),
        (2, (), (), {"lin", "chem", "dhut", "wang", "alice", "pub", "award", "north", "nature", "nsfc"}),
        (2, ("Funder", "Journal"), (), {"lin", "nature", "nsfc"}),
    ],
)
def test_neighbors_within_depth(loaded, depth: int, types: tuple, relations: tuple, expected: set[str]) -> None:  # noqa: ANN001
    graph = loaded.neighbors(eid("lin"), depth=depth, types=types, relations=relations)
    assert graph.nodes[0].id == eid("lin")
    assert {n.id for n in graph.nodes} == {eid(k) for k in expected}
    kept = {n.id for n in graph.nodes}
    assert all(e.source in kept and e.target in kept and e.evidence for e in graph.edges)
    if relations:
        assert {e.predicate for e in graph.edges} == set(relations)


def test_neighbors_limit_keeps_the_nearest(loaded) -> None:  # noqa: ANN001
    graph = loaded.neighbors(eid("lin"), depth=2, limit=3)
    nearest = sorted(eid(k) for k in ("chem", "dhut", "wang", "alice", "pub", "award"))[:2]
    assert [n.id for n in graph.nodes] == [eid("lin"), *nearest]  # the center, then by distance and id
    with pytest.raises(UsageError):
        loaded.neighbors(eid("lin"), depth=4)


def test_paths_all_shortest(loaded) -> None:  # noqa: ANN001
    paths = loaded.paths(eid("alice"), eid("nature"))
    # alice–lin–pub–nature is the only path of length 3
    assert [[n.id for n in p.nodes] for p in paths] == [[eid("alice"), eid("lin"), eid("pub"), eid("nature")]]
    assert [e.predicate for e in paths[0].edges] == ["collaboratedWith", "authorOf", "publishedIn"]
    two = loaded.paths(eid("lin"), eid("dhut"), max_length=2)
    assert len(two) == 1 and len(two[0].edges) == 1  # the direct affiliation is shorter than via chem or wang
    assert loaded.paths(eid("wang"), eid("north"), max_length=1) == []


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {("lin", "wang"): 2, ("alice", "lin"): 1}),
        ({"since": "2024-06-01"}, {("lin", "wang"): 1, ("alice", "lin"): 1}),
        ({"until": "2024-12-31"}, {("lin", "wang"): 1, ("alice", "lin"): 1}),
        ({"min_weight": 2}, {("lin", "wang"): 2}),
        ({"around": "alice", "depth": 1}, {("alice", "lin"): 1}),
        ({"around": "alice", "depth": 2}, {("lin", "wang"): 2, ("alice", "lin"): 1}),
        # directly (item B) and through lin–alice (also item B): one shared item
        ({"level": "institution"}, {("dhut", "north"): 1, ("chem", "north"): 1, ("chem", "dhut"): 2}),
        ({"level": "institution", "rollup": True}, {("dhut", "north"): 1}),
    ],
)
def test_collaboration_weights(loaded, kwargs: dict, expected: dict) -> None:  # noqa: ANN001
    if "around" in kwargs:
        kwargs = {**kwargs, "around": eid(kwargs["around"])}
    graph = loaded.collaboration(**kwargs)
    got = {tuple(sorted((e.source, e.target))): e.weight for e in graph.edges}
    assert got == {tuple(sorted((eid(a), eid(b)))): w for (a, b), w in expected.items()}
    assert {n.id for n in graph.nodes} >= {x for pair in got for x in pair}


def test_items_newest_first_and_item_detail(loaded) -> None:  # noqa: ANN001
    page = loaded.items(limit=2)
    assert [i.id for i in page.items] == [record("C").item.id, record("B").item.id]
    assert page.next_cursor
    rest = loaded.items(limit=2, cursor=page.next_cursor)
    assert [i.id for i in rest.items] == [record("A").item.id] and rest.next_cursor is None
    a = record("A")
    detail = loaded.item(a.item.id)
    assert detail.item.text == a.item.text and detail.item.date == "2024-03-05"
    assert {n.id for n in detail.entities} == {e.id for e in a.entities}
    assert all(a.item.text[m.start : m.end] == m.text for m in detail.mentions)
    assert len(detail.mentions) == sum(len(e.mentions) for e in a.entities)
    assert len(detail.batch_ids) == 1
    with pytest.raises(NotFound):
        loaded.item("item-000000000000")


def test_stats_counts_and_top(loaded) -> None:  # noqa: ANN001
    stats = loaded.stats(top=2)
    assert stats.items == 3
    assert [n.id for n in stats.top_researchers] == [eid("lin"), eid("wang")]  # 6 facts, then 3
    assert stats.top_researchers[0].properties["degree"] == 6
    assert stats.top_institutions[0].id == eid("dhut") and len(stats.top_institutions) == 2
    assert len(stats.batches) == 1
