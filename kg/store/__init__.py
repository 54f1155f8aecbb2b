"""Graph stores behind one Protocol (``kg.store.base.GraphStore``) and the factory that picks one from settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.errors import UsageError

if TYPE_CHECKING:
    from kg.settings import Settings
    from kg.store.base import GraphStore


def open_store(settings: Settings, init_schema: bool = True) -> GraphStore:
    """Open the store the settings name: ``embedded`` (LadybugDB at ``settings.embedded_path``) or ``neo4j`` (any
    Bolt URI, including Aura's ``neo4j+s://``). Drivers are imported here, lazily, so that importing ``kg.store``
    never needs either."""
    store: GraphStore
    if settings.store == "embedded":
        from kg.store.ladybug import LadybugStore

        settings.embedded_path.parent.mkdir(parents=True, exist_ok=True)
        store = LadybugStore(
            settings.embedded_path,
            buffer_pool_bytes=settings.embedded_buffer_pool_mb << 20,
            evidence_inline=settings.evidence_inline,
            checkpoint_bytes=settings.embedded_checkpoint_mb << 20,
        )
    elif settings.store == "neo4j":
        from kg.store.neo4j import Neo4jStore

        store = Neo4jStore(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            database=settings.neo4j_database,
            batch_size=settings.write_batch_size,
            evidence_inline=settings.evidence_inline,
        )
    else:  # pragma: no cover - Settings validates the literal
        raise UsageError(f"unknown store {settings.store!r}")
    if init_schema:
        try:
            store.init_schema()
        except BaseException:
            store.close()  # an unreachable server must not leave an open driver behind
            raise
    return store


__all__ = ["open_store"]
