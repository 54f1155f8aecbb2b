"""Neo4j only: the CJK full-text index answers what no name contains as a substring (words in another order)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg.store.neo4j import Neo4jStore

from .conftest import batch_of, eid

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j_store(neo4j_settings: dict[str, str]) -> Iterator[Neo4jStore]:
    store = Neo4jStore(neo4j_settings["uri"], neo4j_settings["user"], neo4j_settings["password"])
    store.clear()
    store.init_schema()
    store.apply(*batch_of("A", "B", "C"))
    yield store
    store.close()


@pytest.mark.parametrize(
    ("query", "key"), [("Technology Donghai", "dhut"), ("理工大学 东海", "dhut"), ("Prize Young", "award")]
)
def test_neo4j_fulltext_finds_reordered_words(neo4j_store: Neo4jStore, query: str, key: str) -> None:
    hits = neo4j_store.search(query).hits
    assert hits and hits[0].node.id == eid(key) and hits[0].match == "fulltext"
    assert "fulltext" in neo4j_store.capabilities


def test_neo4j_fulltext_is_only_a_fallback(neo4j_store: Neo4jStore) -> None:
    # a substring match exists: the ranked substring search answers, as on the embedded store
    assert {h.match for h in neo4j_store.search("Donghai").hits} == {"prefix"}
    assert neo4j_store.search("完全无关的词").hits == []
