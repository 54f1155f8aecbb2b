"""Conformance: import batches are counted, idempotent, all-or-nothing and reversible, on both stores."""

from __future__ import annotations

import pytest

from kg.errors import Conflict, KgError, NotFound
from kg.model import ENTITY_TYPES, PREDICATES, Evidence, Relation

from .conftest import batch_of, eid, record

FULL_NODES = {"Researcher": 3, "Institution": 3, "Journal": 1, "Funder": 1, "Award": 1, "Publication": 1}
FULL_EDGES = {
    "affiliatedWith": 4,
    "authorOf": 1,
    "publishedIn": 1,
    "fundedBy": 1,
    "received": 2,
    "partOf": 1,
    "collaboratedWith": 3,
}


def counts(store) -> tuple[dict[str, int], dict[str, int], int]:  # noqa: ANN001
    """Non-zero node and fact counts and the item count (whether a store lists zeros is not part of the contract)."""
    stats = store.stats()
    assert set(stats.nodes_by_type) <= set(ENTITY_TYPES) and set(stats.edges_by_predicate) <= set(PREDICATES)
    nonzero = {k: v for k, v in stats.nodes_by_type.items() if v}
    return nonzero, {k: v for k, v in stats.edges_by_predicate.items() if v}, stats.items


def evidence_total(store) -> int:  # noqa: ANN001
    """Relations read back as records appear once per evidence."""
    return sum(len(r.relations) for r in store.subgraph())


def test_apply_counts_nodes_and_facts(store) -> None:  # noqa: ANN001
    batch, records = batch_of("A", "B", "C")
    result = store.apply(batch, records)
    assert result.batch.status == "committed"
    assert result.nodes_created == 10 + 3  # entities + items
    assert result.relationships_created == sum(FULL_EDGES.values()) + 16  # facts + MENTIONS (item, entity) pairs
    assert result.evidence_added == 14  # lin–wang collaboration is told twice (items A and C)
    assert counts(store) == (FULL_NODES, FULL_EDGES, 3)


def test_apply_twice_is_idempotent(store) -> None:  # noqa: ANN001
    store.apply(*batch_of("A", "B", "C"))
    before = counts(store)
    evidence_before = evidence_total(store)
    again = store.apply(*batch_of("A", "B", "C", salt="second run"))
    assert (again.nodes_created, again.relationships_created, again.evidence_added) == (0, 0, 0)
    assert counts(store) == before
    assert evidence_total(store) == evidence_before
    lin = store.entity(eid("lin"))
    collaboration = next(
        e for e in lin.edges if e.predicate == "collaboratedWith" and eid("wang") in (e.source, e.target)
    )
    assert len(collaboration.evidence) == 2  # not four: evidence identity is (fact, item, span)
    assert {b.id for b in store.batches()} == {batch_of("A", "B", "C")[0].id, again.batch.id}


def test_apply_unites_entities_across_items(store) -> None:  # noqa: ANN001
    store.apply(*batch_of("A"))
    store.apply(*batch_of("B"))
    lin = store.entity(eid("lin")).node
    assert lin.name == "林晓明"
    assert "Lin Xiaoming" in lin.aliases
    assert lin.identifiers == {"orcid": "0000-0002-1825-0097"}
    assert len(store.entity(eid("lin")).items) == 2


def test_apply_is_all_or_nothing(store) -> None:  # noqa: ANN001
    store.apply(*batch_of("A"))
    before = counts(store)
    bad = record("C")
    # a relation to an entity that is neither in the batch nor stored: the write fails after other rows were sent
    bad.relations.append(
        Relation(
            subject=eid("wang"),
            predicate="affiliatedWith",
            object="institution-000000000000",
            evidence=Evidence(item_id=bad.item.id, start=0, end=5, sentence=bad.item.text[:5]),
        )
    )
    batch, _ = batch_of("B", "C")
    with pytest.raises(KgError):
        store.apply(batch, [record("B"), bad])
    assert counts(store) == before
    assert [b.id for b in store.batches()] == [batch_of("A")[0].id]
    with pytest.raises(NotFound):
        store.entity(eid("alice"))


def test_batches_list_and_show(store) -> None:  # noqa: ANN001
    batch, records = batch_of("A", "B")
    store.apply(batch, records)
    shown = store.batch(batch.id)
    assert (shown.id, shown.status, shown.sources) == (batch.id, "committed", ["test-AB.txt"])
    assert shown.counts == {"items": 2}
    assert shown.created_at == batch.created_at
    assert [b.id for b in store.batches()] == [batch.id]
    with pytest.raises(NotFound):
        store.batch("batch-000000000000")


def test_rollback_keeps_what_other_batches_support(store) -> None:  # noqa: ANN001
    first, _ = batch_of("A", "B")
    store.apply(first, batch_of("A", "B")[1])
    second, records = batch_of("B", "C")
    store.apply(second, records)
    rolled = store.rollback(first.id)
    assert rolled.status == "rolled_back"
    nodes, edges, items = counts(store)
    assert items == 2  # item A is gone, B stays (the second batch wrote it too)
    assert "Funder" not in nodes and "Publication" not in nodes and "Journal" in nodes  # Nature is mentioned in C
    assert edges == {"affiliatedWith": 2, "received": 2, "collaboratedWith": 3}
    lin = store.entity(eid("lin"))
    collab = next(e for e in lin.edges if e.predicate == "collaboratedWith" and eid("wang") in (e.source, e.target))
    assert [e.item_id for e in collab.evidence] == [record("C").item.id]
    assert store.item(record("B").item.id).batch_ids == [second.id]


def test_rollback_everything_empties_the_graph(store) -> None:  # noqa: ANN001
    batch, records = batch_of("A", "B", "C")
    store.apply(batch, records)
    store.rollback(batch.id)
    assert counts(store) == ({}, {}, 0)
    assert store.batch(batch.id).status == "rolled_back"


@pytest.mark.parametrize("twice", [True, False], ids=["rolled-back-twice", "unknown-batch"])
def test_rollback_refuses(store, twice: bool) -> None:  # noqa: ANN001
    batch, records = batch_of("A")
    store.apply(batch, records)
    if twice:
        store.rollback(batch.id)
        with pytest.raises(Conflict):
            store.rollback(batch.id)
    else:
        with pytest.raises(NotFound):
            store.rollback("batch-ffffffffffff")


def test_apply_adds_evidence_to_the_fact_with_that_key(store) -> None:  # noqa: ANN001
    """Two facts between the same pair that differ only by year stay apart when later batches add evidence to one."""
    store.apply(*batch_of("A", "B"))
    base = record("B")
    told = next(r for r in base.relations if r.predicate == "received")
    other_span = next(r for r in base.relations if r.predicate == "collaboratedWith").evidence
    more = [
        told.model_copy(update={"year": 2023}),  # a new fact: same pair, another key
        told.model_copy(update={"evidence": other_span}),  # new evidence for the stored 2024 fact
    ]
    later = base.model_copy(update={"relations": [*base.relations, *more]})
    result = store.apply(batch_of("B", salt="later")[0], [later])
    assert (result.relationships_created, result.evidence_added) == (1, 2)
    received = [e for e in store.entity(eid("lin")).edges if e.predicate == "received"]
    assert sorted((e.year, len(e.evidence)) for e in received) == [(2023, 1), (2024, 2)]


def test_reapply_appends_only_new_evidence(store) -> None:  # noqa: ANN001
    """A stored fact keeps its evidence and gains a later batch's new evidence after it; known evidence is not
    repeated. Both stores read facts without their evidence JSON and append on their side (evidence of hub facts grows
    with every batch, so it is never read back or re-sent whole)."""

    def collaboration_items() -> list[str]:
        edge = next(
            e
            for e in store.entity(eid("lin")).edges
            if e.predicate == "collaboratedWith" and eid("wang") in (e.source, e.target)
        )
        return [ev.item_id for ev in edge.evidence]

    store.apply(*batch_of("A"))
    assert collaboration_items() == [record("A").item.id]
    result = store.apply(*batch_of("A", "C"))
    assert collaboration_items() == [record("A").item.id, record("C").item.id]
    assert result.evidence_added > 0
    again = store.apply(*batch_of("A", "C"))  # the same batch again: nothing new
    assert again.evidence_added == 0
    assert collaboration_items() == [record("A").item.id, record("C").item.id]


def test_a_later_batch_adds_evidence_to_a_fact_whose_other_end_it_does_not_hold(store) -> None:  # noqa: ANN001
    """Item B told again with lin collaborating with wang, who is not an entity of B (stored by A and C): the stored
    lin–wang fact gains the evidence; LadybugDB used to create a second lin–wang fact, since it looked for stored
    facts only between nodes of the batch."""
    store.apply(*batch_of("A", "B", "C"))
    batch, records = batch_of("B", salt="lin and wang")
    b = records[0]
    extra = Relation(
        subject=eid("lin"), predicate="collaboratedWith", object=eid("wang"), evidence=b.relations[0].evidence
    )
    result = store.apply(batch, [b.model_copy(update={"relations": [*b.relations, extra]})])
    assert (result.relationships_created, result.evidence_added) == (0, 1)
    ties = [e for e in store.entity(eid("lin")).edges if {e.source, e.target} == {eid("lin"), eid("wang")}]
    assert [(e.predicate, len(e.evidence)) for e in ties] == [("collaboratedWith", 3)]
    assert counts(store) == (FULL_NODES, FULL_EDGES, 3)
