"""Conformance: an entity page bounded by ``limit`` (the best-supported relations, the most recent items, the
totals), with the same answer on both stores."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kg.ids import batch_id, entity_id, item_id
from kg.model import Entity, Evidence, Extraction, ImportBatch, Mention, NewsItem, Relation

AUTHOR = entity_id("Researcher", "Page Author")
PLACES = [entity_id("Institution", f"Place {n} University") for n in range(4)]


def page_batch() -> tuple[ImportBatch, list[Extraction]]:
    """Five items in five months; the author works at place n in items n..4, so place 0 has five evidence spans,
    place 3 two, and the collaborator one."""
    records = []
    for month in range(5):
        text = f"Page Author works at {', '.join(f'Place {n} University' for n in range(min(month + 1, 4)))}."
        item = NewsItem(id=item_id(f"page {month}", text), title=f"page {month}", text=text,
                        date=f"2025-0{month + 1}-01", lang="en")  # fmt: skip
        ev = Evidence(item_id=item.id, item_date=item.date, start=0, end=len(text), sentence=text)
        places = PLACES[: min(month + 1, 4)]
        mention = Mention(start=0, end=11, text="Page Author")
        entities = [Entity(id=AUTHOR, type="Researcher", name="Page Author", mentions=[mention])]
        entities += [Entity(id=p, type="Institution", name=f"Place {PLACES.index(p)} University") for p in places]
        relations = [Relation(subject=AUTHOR, predicate="affiliatedWith", object=p, evidence=ev) for p in places]
        if month == 4:
            mate = entity_id("Researcher", "Page Mate")
            entities.append(Entity(id=mate, type="Researcher", name="Page Mate"))
            relations.append(Relation(subject=AUTHOR, predicate="collaboratedWith", object=mate, evidence=ev))
        records.append(Extraction(item=item, entities=entities, relations=relations))
    batch = ImportBatch(
        id=batch_id([r.item.id for r in records], salt="page"), created_at=datetime(2026, 1, 1, tzinfo=UTC),
        sources=["page.txt"],
    )  # fmt: skip
    return batch, records


@pytest.fixture
def paged(store):  # noqa: ANN001, ANN201 - parametrised over both stores
    store.apply(*page_batch())
    return store


def test_entity_page_lists_everything_without_a_limit(paged) -> None:  # noqa: ANN001
    page = paged.entity(AUTHOR)
    assert (len(page.edges), page.edges_total, len(page.items), page.items_total) == (5, 5, 5, 5)
    assert not page.truncated
    assert [i.date for i in page.items] == sorted((i.date for i in page.items), reverse=True)


def test_entity_page_keeps_the_best_supported_relations_and_the_latest_items(paged) -> None:  # noqa: ANN001
    page = paged.entity(AUTHOR, limit=2)
    assert {e.target for e in page.edges} == {PLACES[0], PLACES[1]}  # five and four evidence spans
    assert sorted(len(e.evidence) for e in page.edges) == [4, 5]  # each kept relation keeps all its evidence
    assert [i.date for i in page.items] == ["2025-05-01", "2025-04-01"]
    assert (page.edges_total, page.items_total, page.truncated) == (5, 5, True)
    assert {n.id for n in page.neighbors} == {PLACES[0], PLACES[1]}


def test_entity_page_limit_zero_is_the_entity_alone(paged) -> None:  # noqa: ANN001
    page = paged.entity(AUTHOR, limit=0)
    assert page.node.id == AUTHOR and page.edges == [] and page.items == []
    assert (page.edges_total, page.items_total, page.truncated) == (5, 5, True)
