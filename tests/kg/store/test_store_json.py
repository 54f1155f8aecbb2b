"""Conformance: ``neighbors_json`` and ``collaboration_json`` answer, on both stores, exactly the bytes pydantic
writes for ``neighbors`` and ``collaboration`` (what the API sent before it skipped the models), and fail alike."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import TypeAdapter

from kg.errors import NotFound, UsageError
from kg.store.base import SubGraph

from .conftest import batch_of, eid
from .test_store_bounded_reads import HUB, PEOPLE, STAR, hub  # noqa: F401 - the hub fixture, parametrised over both stores

SUBGRAPH: TypeAdapter[SubGraph] = TypeAdapter(SubGraph)


def _same_neighbors(store: Any, entity_id: str, **kwargs: Any) -> bytes:
    body: bytes = store.neighbors_json(entity_id, **kwargs)
    assert body == SUBGRAPH.dump_json(store.neighbors(entity_id, **kwargs))
    return body


def _same_collaboration(store: Any, **kwargs: Any) -> bytes:
    body: bytes = store.collaboration_json(**kwargs)
    assert body == SUBGRAPH.dump_json(store.collaboration(**kwargs))
    return body


@pytest.mark.parametrize(
    ("key", "kwargs"),
    [
        ("lin", {}),
        ("lin", {"depth": 2}),
        ("lin", {"depth": 3}),
        ("wang", {"depth": 2, "limit": 3}),
        ("lin", {"depth": 2, "types": ("Funder", "Journal")}),
        ("lin", {"relations": ("collaboratedWith", "received")}),
        ("pub", {"depth": 2}),
        ("nature", {"depth": 1}),
        ("nature", {"relations": ("received",)}),  # a centre none of whose relationships is followed
    ],
)
def test_neighbors_json_is_the_models_json(loaded, key: str, kwargs: dict) -> None:  # noqa: ANN001
    _same_neighbors(loaded, eid(key), **kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"since": "2024-06-01"},
        {"until": "2024-12"},
        {"min_weight": 2},
        {"limit": 1},
        {"around": "alice", "depth": 1},
        {"around": "lin", "depth": 2},
        {"around": "wang", "depth": 1, "since": "2025"},
        {"around": "alice", "depth": 3},
        {"around": "dhut"},  # an institution at the researcher level: itself, with no ties
        {"level": "institution"},
        {"level": "institution", "rollup": True},
        {"level": "institution", "around": "dhut"},
    ],
)
def test_collaboration_json_is_the_models_json(loaded, kwargs: dict) -> None:  # noqa: ANN001
    if "around" in kwargs:
        kwargs = {**kwargs, "around": eid(kwargs["around"])}
    _same_collaboration(loaded, **kwargs)


def test_json_follows_merged_ids(loaded) -> None:  # noqa: ANN001
    loaded.merge(eid("lin"), eid("wang"))
    body = _same_neighbors(loaded, eid("wang"), depth=2)
    assert body.startswith(b'{"nodes":[{"id":"' + eid("lin").encode())
    _same_collaboration(loaded, around=eid("wang"))


def test_json_of_evidence_from_several_batches(store) -> None:  # noqa: ANN001
    store.apply(*batch_of("A"))
    store.apply(*batch_of("C"))
    store.apply(*batch_of("A", "B", "C", salt="again"))  # the same evidence again: only batch ids change
    _same_neighbors(store, eid("wang"), depth=2)
    _same_collaboration(store, around=eid("lin"), depth=2)


def test_json_of_a_hub_is_cut_like_the_models(hub) -> None:  # noqa: ANN001, F811
    assert b'"truncated":true' in _same_neighbors(hub, HUB, limit=5)
    _same_neighbors(hub, STAR, depth=2, limit=7)
    _same_neighbors(hub, PEOPLE[0], depth=3)  # ties among the frontier and back to nodes expanded before
    assert b'"truncated":true' in _same_collaboration(hub, around=STAR, limit=4)
    _same_collaboration(hub, around=PEOPLE[0], depth=2)
    _same_collaboration(hub, around=PEOPLE[0], depth=3, limit=10)


def test_json_fails_like_the_models(loaded) -> None:  # noqa: ANN001
    for verb in ("neighbors", "neighbors_json"):
        with pytest.raises(NotFound):
            getattr(loaded, verb)("researcher-000000000000")
        with pytest.raises(UsageError):
            getattr(loaded, verb)(eid("lin"), depth=4)
    for verb in ("collaboration", "collaboration_json"):
        with pytest.raises(NotFound):
            getattr(loaded, verb)(around="researcher-000000000000")
    # not an id: Neo4j says so, the embedded store finds no such entity; each the same for both verbs
    with pytest.raises((NotFound, UsageError)) as models:
        loaded.collaboration(around="not an id")
    with pytest.raises(models.type):
        loaded.collaboration_json(around="not an id")


@contextlib.contextmanager
def _both_stores(neo4j_settings: dict[str, str], tmp_path: Any) -> Iterator[tuple[Any, Any]]:
    """A Neo4j store and an embedded one holding the same batches (three researchers' items and the hub)."""
    from kg.store.ladybug import LadybugStore
    from kg.store.neo4j import Neo4jStore

    from .test_store_bounded_reads import hub_batch

    neo4j = Neo4jStore(neo4j_settings["uri"], neo4j_settings["user"], neo4j_settings["password"])
    ladybug = LadybugStore(tmp_path / "ladybug")
    try:
        neo4j.clear()
        for store in (neo4j, ladybug):
            store.init_schema()
            store.apply(*batch_of("A", "B", "C"))
            store.apply(*hub_batch())
        yield neo4j, ladybug
    finally:
        neo4j.close()
        ladybug.close()


@pytest.mark.neo4j
def test_both_stores_write_the_same_bytes(neo4j_settings: dict[str, str], tmp_path: Any) -> None:
    """Neo4j leaves out of its reads what a walk has read before (ties back to expanded nodes, the second copy of
    a tie inside a frontier); the embedded store reads everything. Their answers must still be the same bytes."""
    with _both_stores(neo4j_settings, tmp_path) as (neo4j, ladybug):
        walks: list[dict[str, Any]] = [{"depth": 1}, {"depth": 2}, {"depth": 3, "limit": 12}]
        walks.append({"depth": 2, "types": ("Researcher",)})
        for center in (eid("lin"), eid("wang"), STAR, PEOPLE[3], HUB):
            for kwargs in walks:
                assert neo4j.neighbors_json(center, **kwargs) == ladybug.neighbors_json(center, **kwargs)
            if center != HUB:
                for kwargs in ({"depth": 1}, {"depth": 2}, {"depth": 3, "limit": 6}, {"depth": 2, "since": "2025"}):
                    got = neo4j.collaboration_json(around=center, **kwargs)
                    assert got == ladybug.collaboration_json(around=center, **kwargs)


@pytest.mark.neo4j
@pytest.mark.parametrize("into_pairs", [0, 1_000_000])
def test_collaboration_last_fetch_both_ways(
    neo4j_settings: dict[str, str], tmp_path: Any, monkeypatch: pytest.MonkeyPatch, into_pairs: int
) -> None:
    """The last fetch of a collaboration graph seeks both ends of the ties among the researchers reached (few
    pairs) or expands the frontier's ties and filters them (many pairs, ``INTO_PAIRS``): both ways give the embedded
    store's bytes."""
    from kg.store import neo4j_walks

    monkeypatch.setattr(neo4j_walks, "INTO_PAIRS", into_pairs)
    with _both_stores(neo4j_settings, tmp_path) as (neo4j, ladybug):
        for center in (eid("lin"), eid("wang"), eid("alice"), STAR, PEOPLE[3]):
            for kwargs in ({"depth": 1}, {"depth": 2}, {"depth": 3, "limit": 6}, {"depth": 2, "min_weight": 2}):
                got = neo4j.collaboration_json(around=center, **kwargs)
                assert got == ladybug.collaboration_json(around=center, **kwargs)
