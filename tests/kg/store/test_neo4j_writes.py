"""The Neo4j write path beyond the conformance suite: concurrent applies (re-applies that append evidence are in
the conformance suite, test_store_batches)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from kg.store.neo4j import Neo4jStore
from kg.store.neo4j_write import stored_rels_query

from .conftest import batch_of, eid
from .test_store_batches import FULL_EDGES, FULL_NODES, counts

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j(neo4j_settings: dict[str, str]) -> Iterator[Neo4jStore]:
    store = Neo4jStore(neo4j_settings["uri"], neo4j_settings["user"], neo4j_settings["password"])
    store.clear()
    store.init_schema()
    yield store
    store.close()


def test_neo4j_concurrent_applies_of_overlapping_batches_serialize(
    neo4j: Neo4jStore, neo4j_settings: dict[str, str]
) -> None:
    """Two batches sharing entities and facts, applied at once from two connections: neither fails, and no node or
    fact is written twice (each apply reads what the other committed, instead of both creating it)."""
    other = Neo4jStore(neo4j_settings["uri"], neo4j_settings["user"], neo4j_settings["password"])
    failures: list[BaseException] = []
    start = threading.Barrier(2)

    def apply(store: Neo4jStore, *keys: str) -> None:
        start.wait()
        try:
            store.apply(*batch_of(*keys))
        except BaseException as exc:  # noqa: BLE001 - the thread reports whatever ended it
            failures.append(exc)

    threads = [
        threading.Thread(target=apply, args=(neo4j, "A", "B")),
        threading.Thread(target=apply, args=(other, "B", "C")),
    ]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join(timeout=120)
    finally:
        other.close()
    assert not failures, failures
    assert counts(neo4j) == (FULL_NODES, FULL_EDGES, 3)
    lin = neo4j.entity(eid("lin"))
    collaboration = next(
        e for e in lin.edges if e.predicate == "collaboratedWith" and eid("wang") in (e.source, e.target)
    )
    assert len(collaboration.evidence) == 2  # told in items A and C, one batch each


def _operators(plan: Any) -> list[str]:
    return [plan["operatorType"].split("@")[0], *(op for child in plan.get("children", []) for op in _operators(child))]


@pytest.mark.parametrize("rtype", ["MENTIONS", "COLLABORATED_WITH"])
def test_neo4j_stored_relationship_read_checks_between_both_ends(neo4j: Neo4jStore, rtype: str) -> None:
    """The read of a batch's stored relationships looks for each between its two endpoints (Expand(Into)), instead of
    expanding every relationship of the source and filtering on the target, which cost time in the degree of hub
    researchers and institutions (see stored_rels_query)."""
    neo4j.apply(*batch_of("A", "B"))
    query = stored_rels_query(rtype, ".key")
    plan = neo4j.driver.execute_query(
        "EXPLAIN " + query, rows=[{"a": 0, "b": 1, "i": 0, "key": "|"}], eids=["4:x:0", "4:x:1"]
    ).summary.plan
    operators = _operators(plan)
    assert "Expand(Into)" in operators, operators
    assert "Expand(All)" not in operators, operators
