"""``open_store`` picks the store the settings name and hands back a ready GraphStore."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pydantic import SecretStr

from kg.errors import StoreUnavailable
from kg.settings import Settings
from kg.store import open_store
from kg.store.base import GraphStore


def test_open_store_embedded(tmp_path: Path) -> None:
    store = open_store(Settings(store="embedded", data_dir=tmp_path))
    try:
        assert isinstance(store, GraphStore) and store.name != "neo4j"
        assert store.health()["ok"] and (tmp_path / "ladybug").exists()
    finally:
        store.close()


def test_open_store_embedded_sizes_the_buffer_pool(tmp_path: Path) -> None:
    """KG_EMBEDDED_BUFFER_POOL_MB reaches the engine."""
    store = open_store(Settings(store="embedded", data_dir=tmp_path, embedded_buffer_pool_mb=512))
    try:
        db = store._db  # type: ignore[attr-defined]
        assert db.buffer_pool_bytes == 512 << 20
    finally:
        store.close()


@pytest.mark.neo4j
def test_open_store_neo4j(neo4j_settings: dict[str, str]) -> None:
    settings = Settings(
        store="neo4j", neo4j_uri=neo4j_settings["uri"], neo4j_password=SecretStr(neo4j_settings["password"])
    )
    store = open_store(settings)
    try:
        assert isinstance(store, GraphStore) and store.name == "neo4j"
        assert {"fulltext", "cypher", "transactions"} <= store.capabilities
        health = store.health()
        assert health["ok"] and "5." in health["version"]
    finally:
        store.close()


def test_open_store_neo4j_unreachable() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreUnavailable):
        open_store(Settings(store="neo4j", neo4j_uri=f"bolt://127.0.0.1:{port}"))
