"""Conformance: indexed search across match tiers, and walks bounded at hubs, with the same answers on both stores.

The hub is crafted: one institution that one item reports as the employer of many researchers, one researcher who
collaborates with all of them; limits far below their number force the bounds to cut.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kg.ids import batch_id, entity_id, item_id
from kg.model import Entity, Evidence, Extraction, ImportBatch, NewsItem, Relation
from kg.store import records_graph
from kg.store.records import search_needles, search_text

from .conftest import eid

HUB_SIZE = 30
HUB = entity_id("Institution", "Hub Institute of Science")
STAR = entity_id("Researcher", "Star Researcher")
PEOPLE = sorted(entity_id("Researcher", f"Member {i:02d}") for i in range(HUB_SIZE))


def hub_batch() -> tuple[ImportBatch, list[Extraction]]:
    """One item: ``HUB_SIZE`` members and the star all work at the hub; the star collaborates with every member."""
    text = "Hub Institute of Science staff. " + " ".join(f"Member {i:02d}." for i in range(HUB_SIZE))
    item = NewsItem(id=item_id("hub", text), title="hub", text=text, date="2025-02-01", lang="en")
    evidence = Evidence(item_id=item.id, item_date=item.date, start=0, end=31, sentence=text[:31])
    members = [f"Member {i:02d}" for i in range(HUB_SIZE)]
    names = {STAR: "Star Researcher"} | {entity_id("Researcher", name): name for name in members}
    entities = [Entity(id=HUB, type="Institution", name="Hub Institute of Science")]
    entities += [Entity(id=rid, type="Researcher", name=name) for rid, name in names.items()]
    relations = [Relation(subject=rid, predicate="affiliatedWith", object=HUB, evidence=evidence) for rid in names]
    relations += [Relation(subject=STAR, predicate="collaboratedWith", object=p, evidence=evidence) for p in PEOPLE]
    batch = ImportBatch(
        id=batch_id([item.id], salt="hub"), created_at=datetime(2026, 1, 1, tzinfo=UTC), sources=["hub.txt"]
    )
    return batch, [Extraction(item=item, entities=entities, relations=relations)]


@pytest.fixture
def hub(store):  # noqa: ANN001, ANN201 - parametrised over both stores
    store.apply(*hub_batch())
    return store


def test_search_text_wraps_every_key() -> None:
    text = search_text(["自然", "nature"])
    needles = search_needles("自然")
    assert needles["exact"] in text and needles["prefix"] in text
    assert search_needles("atu")["prefix"] not in text and "atu" in text


def test_search_pages_across_match_tiers(loaded) -> None:  # noqa: ANN001
    first = loaded.search("自然", limit=1)
    assert [(h.node.id, h.match) for h in first.hits] == [(eid("nature"), "exact")]
    second = loaded.search("自然", limit=1, cursor=first.next_cursor)
    assert [(h.node.id, h.match) for h in second.hits] == [(eid("nsfc"), "substring")]
    assert second.next_cursor is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("林晓", [("lin", "prefix")]),  # a Chinese prefix
        ("晓明", [("lin", "substring")]),  # ... and a Chinese substring
        ("xiaom", [("lin", "substring")]),  # inside the English alias
        ("young sc", [("award", "prefix")]),
    ],
)
def test_search_prefix_and_substring_through_the_index(loaded, query: str, expected: list) -> None:  # noqa: ANN001
    assert [(h.node.id, h.match) for h in loaded.search(query).hits] == [(eid(k), m) for k, m in expected]


def test_neighbors_of_a_hub_are_truncated_to_the_smallest_ids(hub) -> None:  # noqa: ANN001
    graph = hub.neighbors(HUB, depth=1, limit=10)
    assert [n.id for n in graph.nodes] == [HUB, *sorted([*PEOPLE, STAR])[:9]]
    assert graph.truncated
    assert {(e.source, e.target) for e in graph.edges} == {(n.id, HUB) for n in graph.nodes[1:]}
    whole = hub.neighbors(HUB, depth=1, limit=100)
    assert len(whole.nodes) == HUB_SIZE + 2 and not whole.truncated


def test_neighbors_through_a_hub_stop_at_the_limit(hub) -> None:  # noqa: ANN001
    member = PEOPLE[-1]
    graph = hub.neighbors(member, depth=2, limit=8, relations=["affiliatedWith"])
    others = sorted(x for x in [*PEOPLE, STAR] if x != member)[:6]
    assert [n.id for n in graph.nodes] == [member, HUB, *others]
    assert graph.truncated
    assert all(e.predicate == "affiliatedWith" and e.evidence for e in graph.edges)


def test_collaboration_around_a_hub_researcher_is_bounded(hub) -> None:  # noqa: ANN001
    graph = hub.collaboration(around=STAR, depth=1, limit=5)
    assert graph.truncated
    assert [tuple(sorted((e.source, e.target))) for e in graph.edges] == sorted(
        tuple(sorted((STAR, p))) for p in PEOPLE[:5]
    )
    assert all(e.weight == 1.0 for e in graph.edges)
    whole = hub.collaboration(around=STAR, depth=1)
    assert len(whole.edges) == HUB_SIZE and not whole.truncated
    # a member's collaboration graph reaches the star, and at depth 2 every other member through it
    assert len(hub.collaboration(around=PEOPLE[0], depth=1).edges) == 1
    assert len(hub.collaboration(around=PEOPLE[0], depth=2).edges) == HUB_SIZE


def test_neighbors_do_not_expand_hubs_beyond_the_center(hub, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(records_graph, "HUB_DEGREE", 10)  # the hub and the star have 31 facts each
    graph = hub.neighbors(PEOPLE[0], depth=2, limit=20)
    assert [n.id for n in graph.nodes] == [PEOPLE[0], *sorted((HUB, STAR))]
    assert graph.truncated
    assert len(hub.neighbors(HUB, depth=1, limit=20).nodes) == 20  # the center is expanded, hub or not


def test_a_walk_that_may_keep_more_nodes_expands_larger_hubs(hub, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(records_graph, "HUB_DEGREE", 10)
    # 31 facts: more than HUB_DEGREE, fewer than the 40 nodes the walk may keep, so the hub and the star are expanded
    graph = hub.neighbors(PEOPLE[0], depth=2, limit=40)
    assert [n.id for n in graph.nodes] == [PEOPLE[0], *sorted((HUB, STAR)), *sorted(PEOPLE[1:])]
    assert not graph.truncated
