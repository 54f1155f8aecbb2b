"""Stores written before ``search_text`` (or, on Neo4j, ``search_rank``) existed: schema setup gives their entities
the property (and LadybugDB tables the column), so indexed search finds and ranks them without a re-ingest."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.store.ladybug import LadybugStore
from kg.store.records import search_text
from kg.store.schema import GraphSchema, NodeSpec, get_schema

from .conftest import batch_of, eid


def _without_search_text(schema: GraphSchema) -> GraphSchema:
    nodes = {
        label: NodeSpec(label, {k: v for k, v in spec.properties.items() if k != "search_text"})
        for label, spec in schema.nodes.items()
    }
    return dataclasses.replace(schema, nodes=nodes)


def test_ladybug_init_schema_adds_and_fills_search_text(tmp_path: Path) -> None:
    old = LadybugStore(tmp_path / "db", schema=_without_search_text(get_schema()))
    old.init_schema()
    old.apply(*batch_of("A"))
    old.close()
    store = LadybugStore(tmp_path / "db")
    store.init_schema()
    try:
        rows = store.read_query("MATCH (n:Journal) RETURN n.id, n.search_text").rows
        assert rows == [[eid("nature"), search_text(["nature", "自然"])]]
        assert [h.node.id for h in store.search("自然").hits] == [eid("nature"), eid("nsfc")]
        store.apply(*batch_of("B"))  # writes after the migration use the column in table order
        assert store.search("northbridge").hits[0].node.id == eid("north")
    finally:
        store.close()


@pytest.fixture
def neo4j_abc(neo4j_settings: dict[str, str]) -> Iterator[Any]:
    """The session's Neo4j, cleared, holding items A, B and C."""
    from kg.store.neo4j import Neo4jStore

    store = Neo4jStore(neo4j_settings["uri"], neo4j_settings["user"], neo4j_settings["password"])
    try:
        store.clear()
        store.init_schema()
        store.apply(*batch_of("A", "B", "C"))
        yield store
    finally:
        store.close()


@pytest.mark.neo4j
def test_neo4j_init_schema_backfills_search_text(neo4j_abc: Any) -> None:
    store = neo4j_abc
    with store.driver.session() as session:  # as a store written before the property existed
        session.run("MATCH (n) REMOVE n.search_text").consume()
    assert {h.match for h in store.search("自然").hits} <= {"fulltext"}  # the index has nothing to seek
    store.init_schema()
    assert [(h.node.id, h.match) for h in store.search("自然").hits] == [
        (eid("nature"), "exact"),
        (eid("nsfc"), "substring"),
    ]


@pytest.mark.neo4j
def test_neo4j_init_schema_backfills_search_rank(neo4j_abc: Any) -> None:
    """A store written before ``search_rank`` existed: schema setup computes it, and search ranks as before."""
    from .test_search_rank import ranked, stale_ranks

    store = neo4j_abc
    expected = ranked(store)
    with store.driver.session() as session:
        session.run("MATCH (n) REMOVE n.search_rank").consume()
    assert len(stale_ranks(store)) == 10
    store.init_schema()
    assert stale_ranks(store) == []
    assert ranked(store) == expected
