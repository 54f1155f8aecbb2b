"""Search order after every write verb: Neo4j ranks search candidates by a ``search_rank`` it keeps on each entity
(degree, name and id in one string), LadybugDB counts degrees when it searches. After apply, a second batch, rollback,
merge, split and rename, both stores must page through the same hits in the same order, and no Neo4j entity may
hold a ``search_rank`` other than the one its degree and name give now (a stale one would cut a page at the wrong
entity)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.model import Relation
from kg.store.ladybug import LadybugStore
from kg.store.records import rank_degree, search_rank
from kg.store.schema import SEARCH_RANK, get_schema, search_rank_cypher

from .conftest import batch_of, eid

# one- and two-character needles that match most of the test entities in every tier, and whole names
QUERIES = ("a", "n", "o", "i", "t", "东", "学", "林", "王", "lin", "化学", "东海理工大学", "nature", "donghai")


def ranked(store: Any) -> dict[tuple[str, int], list[tuple[str, str, int]]]:
    """Every hit of each query, page by page, at page sizes 1 and 3: each page is its own server-side cut at
    ``offset + limit + 1`` candidates, so a candidate ranked wrongly shows up on the wrong page."""
    out: dict[tuple[str, int], list[tuple[str, str, int]]] = {}
    for q in QUERIES:
        for limit in (1, 3):
            hits: list[tuple[str, str, int]] = []
            cursor = None
            while True:
                page = store.search(q, limit=limit, cursor=cursor)
                hits += [(h.node.id, h.match, h.node.properties["degree"]) for h in page.hits]
                cursor = page.next_cursor
                if not cursor:
                    break
            out[(q, limit)] = hits
    return out


def stale_ranks(neo: Any) -> list[list[Any]]:
    """Neo4j entities whose stored ``search_rank`` differs from the one computed now."""
    labels = "|".join(get_schema().entity_labels)
    with neo.driver.session() as session:
        return session.run(
            f"MATCH (n:{labels}) WITH n, {search_rank_cypher('n')} AS now "
            f"WHERE n.{SEARCH_RANK} IS NULL OR n.{SEARCH_RANK} <> now RETURN n.id, n.{SEARCH_RANK}, now"
        ).values()


@pytest.fixture
def both(neo4j_settings: dict[str, str], tmp_path: Path) -> Iterator[tuple[Any, Any]]:
    """An empty Neo4j store and an empty LadybugDB store."""
    from kg.store.neo4j import Neo4jStore

    neo = Neo4jStore(neo4j_settings["uri"], neo4j_settings["user"], neo4j_settings["password"])
    neo.clear()
    neo.init_schema()
    lady = LadybugStore(tmp_path / "ladybug")
    lady.init_schema()
    try:
        yield neo, lady
    finally:
        neo.close()
        lady.close()


def _c_with_a_fact_on_chem() -> Any:
    """Item C with one more fact, chem received the award, though chem is not an entity of C: the batch adds a fact
    to a node it does not own, so rolling back chem's only batch (A) deletes chem with that fact. A has no fact of
    the award, so only that deletion lowers the award's degree."""
    batch, records = batch_of("C", salt="fact on chem")
    c = records[0]
    extra = Relation(subject=eid("chem"), predicate="received", object=eid("award"), evidence=c.relations[1].evidence)
    return batch, [c.model_copy(update={"relations": [*c.relations, extra]})]


def _b_with_lin_and_wang() -> Any:
    """Item B with one more fact, lin collaborated with wang, told in B's first sentence (where "Lin Xiaoming" is
    mentioned): the lin–wang fact then has evidence in A and C (林晓明) and in B (Lin Xiaoming)."""
    batch, records = batch_of("B", salt="lin and wang")
    b = records[0]
    extra = Relation(
        subject=eid("lin"), predicate="collaboratedWith", object=eid("wang"), evidence=b.relations[0].evidence
    )
    return batch, [b.model_copy(update={"relations": [*b.relations, extra]})]


def _apply(*keys: str) -> Callable[[Any], Any]:
    return lambda store: store.apply(*batch_of(*keys))


# scenario -> steps, each run on both stores; the ranking is compared after every step
SCENARIOS: dict[str, list[Callable[[Any], Any]]] = {
    # B gives lin, dhut and the award new facts: their degree grows in a second batch
    "second-batch-raises-degrees": [_apply("A"), _apply("B"), _apply("C")],
    "rollback-of-the-last-batch": [
        _apply("A", "C"),
        _apply("B"),
        lambda s: s.rollback(batch_of("B")[0].id),
    ],
    # chem (only in A) is deleted with the fact C added to it, so the award, at its other end, loses one
    "rollback-deletes-a-node-another-batch-points-at": [
        _apply("A"),
        lambda s: s.apply(*_c_with_a_fact_on_chem()),
        lambda s: s.rollback(batch_of("A")[0].id),
    ],
    "merge": [_apply("A", "B", "C"), lambda s: s.merge(eid("dhut"), eid("chem"))],
    "merge-then-apply": [
        _apply("A", "B", "C"),
        lambda s: s.merge(eid("lin"), eid("wang")),
        lambda s: s.apply(*batch_of("C", salt="again")),
    ],
    "split": [
        _apply("A", "B", "C"),
        lambda s: s.split(eid("dhut"), ["Donghai University of Technology"], "Donghai University of Technology"),
    ],
    # the lin–wang fact is split between lin (A, C) and the new entity (B): wang, at the far end, gains a fact
    "split-a-fact-between-both": [
        _apply("A", "B", "C"),
        lambda s: s.apply(*_b_with_lin_and_wang()),
        lambda s: s.split(eid("lin"), ["Lin Xiaoming"], "Lin Xiaoming"),
    ],
    # the name is part of the order: north now ties with alice (degree 2) in the prefix tier of "a", before her
    "rename": [_apply("A", "B", "C"), lambda s: s.rename(eid("north"), "Aardvark Institute")],
}


@pytest.mark.neo4j
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_search_order_is_kept_by_every_write(both: tuple[Any, Any], scenario: str) -> None:
    neo, lady = both
    for step, run in enumerate(SCENARIOS[scenario]):
        run(neo)
        run(lady)
        assert stale_ranks(neo) == [], f"after step {step}"
        assert ranked(neo) == ranked(lady), f"after step {step}"


def test_search_rank_orders_by_degree_then_name_then_id() -> None:
    rows = [(2, "ab", "x-2"), (2, "ab", "x-1"), (2, "a", "x-9"), (2, "abc", "x-0"), (10, "zz", "x-5"), (0, "", "x-3")]
    keys = sorted(search_rank(*row) for row in rows)
    assert keys == [search_rank(*row) for row in sorted(rows, key=lambda r: (-r[0], r[1], r[2]))]
    assert [rank_degree(k) for k in keys] == [10, 2, 2, 2, 2, 0]


@pytest.mark.neo4j
def test_search_rank_is_the_same_string_on_the_server(both: tuple[Any, Any]) -> None:
    neo, _ = both
    neo.apply(*batch_of("A", "B", "C"))
    labels = "|".join(get_schema().entity_labels)
    with neo.driver.session() as session:
        rows = session.run(
            f"MATCH (n:{labels}) RETURN n.{SEARCH_RANK} AS rank, n.name AS name, n.id AS id, "
            "COUNT { (n)--() } - COUNT { (n)<-[:MENTIONS]-() } AS degree"
        ).values()
    assert rows and all(rank == search_rank(degree, name, node_id) for rank, name, node_id, degree in rows)


@pytest.mark.neo4j
def test_an_entity_without_a_rank_is_still_found_with_its_degree(both: tuple[Any, Any]) -> None:
    """An entity written by an older version after this one set the schema up has no rank until the next schema
    setup: search still returns it (after the ranked ones of its tier) with its degree counted."""
    neo, _ = both
    neo.apply(*batch_of("A", "B", "C"))
    with neo.driver.session() as session:
        session.run(f"MATCH (n) WHERE n.id = $id REMOVE n.{SEARCH_RANK}", id=eid("lin")).consume()
    hits = neo.search("lin xiaoming").hits
    assert [(h.node.id, h.node.properties["degree"]) for h in hits] == [
        (eid("lin"), neo.entity(eid("lin")).edges_total)
    ]
