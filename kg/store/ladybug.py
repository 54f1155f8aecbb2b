"""The embedded graph store: LadybugDB (PyPI ``ladybug``, a maintained fork of Kuzu), one directory on disk.

:class:`LadybugStore` implements :class:`kg.store.base.GraphStore`. The work is split by concern:
``ladybug_db`` (connection, lock, DDL, error translation), ``ladybug_write`` (apply/rollback by COPY inside one
transaction), ``ladybug_graph`` (id resolution and fact lookups), ``ladybug_read`` (the read verbs),
``ladybug_collab`` (collaboration graph) and ``ladybug_curation`` (merge, split, rename).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path as FsPath
from typing import Any, Literal

from kg.collector import collector_paused
from kg.errors import KgError, StoreError, UsageError
from kg.model import Extraction, ImportBatch
from kg.store import ladybug_collab, ladybug_curation, ladybug_read, ladybug_write
from kg.store.base import (
    CAP_CYPHER,
    CAP_TRANSACTIONS,
    BatchResult,
    EntityDetail,
    ItemDetail,
    ItemPage,
    Node,
    Path,
    QueryResult,
    SearchPage,
    Stats,
    SubGraph,
)
from kg.store.ladybug_db import (
    BUFFER_FULL,
    CHECKPOINT_WAL_BYTES,
    DEFAULT_BUFFER_POOL,
    add_missing_columns,
    chunks,
    ddl,
    open_db,
)
from kg.store.records import node_from_props, search_text
from kg.store.records_archive import KEEP_INLINE, checked_keep
from kg.store.records_graph import walk_json, walk_subgraph
from kg.store.schema import BATCH_LABEL, GraphSchema, get_schema


class LadybugStore:
    """The embedded store at ``path`` (a directory; created when missing). Safe to share between threads."""

    name = "ladybug"
    capabilities: frozenset[str] = frozenset({CAP_CYPHER, CAP_TRANSACTIONS})

    def __init__(
        self,
        path: FsPath,
        schema: GraphSchema | None = None,
        buffer_pool_bytes: int = DEFAULT_BUFFER_POOL,
        evidence_inline: int = KEEP_INLINE,
        checkpoint_bytes: int = CHECKPOINT_WAL_BYTES,
    ) -> None:
        self.path = FsPath(path)
        # log size past which an import batch is folded into the file: larger is faster and holds more in memory
        self.checkpoint_bytes = checkpoint_bytes
        self.schema = schema or get_schema()
        # spans a hub fact keeps inline once it archives its older ones (kg.store.records_archive)
        self.evidence_inline = checked_keep(evidence_inline)
        self._db = open_db(self.path, buffer_pool_bytes)
        self._closed = False
        # merged-away id -> surviving id; read lazily, dropped whenever a merge, rollback or clear changes it
        self._redirects: dict[str, str] | None = None

    # ------------------------------------------------------------------------------------------------ lifecycle

    def init_schema(self) -> None:
        """Create every node and relationship table of the schema (idempotent); tables of an older schema gain the
        new columns, and entities written before ``search_text`` existed get theirs."""
        with self._db.lock:
            for statement in ddl(self.schema):
                self._db.run(statement)
            for label, column in add_missing_columns(self._db, self.schema):
                if column == "search_text" and label in self.schema.entity_labels:
                    self._fill_search_text(label)

    def _fill_search_text(self, label: str) -> None:
        rows = self._db.rows(f"MATCH (n:{label}) RETURN n.id, n.search_keys")
        filled = [{"id": node_id, "t": search_text(keys or [])} for node_id, keys in rows]
        for part in chunks(filled):
            self._db.run(
                f"UNWIND $rows AS x MATCH (n:{label} {{id: x.id}}) SET n.search_text = x.t", {"rows": list(part)}
            )

    def clear(self) -> None:
        """Delete every node and relationship (the tables stay)."""
        with self._db.lock, self._db.transaction():
            for label in self.schema.nodes:
                if self._has_table(label):
                    self._db.run(f"MATCH (n:{label}) DETACH DELETE n")
        self._redirects = None

    def _has_table(self, label: str) -> bool:
        return any(r[0] == label for r in self._db.rows("CALL show_tables() RETURN name"))

    def close(self) -> None:
        """Release the database directory (another store may open it afterwards); idempotent."""
        if not self._closed:
            self._closed = True
            self._db.close()

    def health(self) -> dict[str, Any]:
        """Whether the database answers, with its version and path; never raises."""
        try:
            self._db.rows(f"MATCH (b:{BATCH_LABEL}) RETURN count(b)")
            return {"ok": True, "store": self.name, "version": self._db.version, "path": str(self.path)}
        except (KgError, RuntimeError) as exc:
            return {"ok": False, "store": self.name, "version": self._db.version, "error": str(exc)}

    # -------------------------------------------------------------------------------------------- import batches

    def _redirect_map(self) -> dict[str, str]:
        if self._redirects is None:
            self._redirects = ladybug_write.load_redirects(self._db, self.schema)
        return self._redirects

    def apply(self, batch: ImportBatch, records: Sequence[Extraction]) -> BatchResult:
        """Write a batch all-or-nothing and idempotently (one transaction; COPY for what is new)."""
        with self._db.lock, self._db.all_threads(), collector_paused():  # see kg.collector
            try:
                result = ladybug_write.apply_batch(
                    self._db, self.schema, batch, records, self._redirect_map(), self.evidence_inline
                )
            except StoreError as exc:
                if BUFFER_FULL not in str(exc):
                    raise
                # the failed batch left nothing behind; changes not yet checkpointed held the page cache: fold them
                # into the file and try once more
                self._db.maybe_checkpoint(wal_bytes=0)
                result = ladybug_write.apply_batch(
                    self._db, self.schema, batch, records, self._redirect_map(), self.evidence_inline
                )
            # a new connection frees what the batch's statements left in the driver's cache, and after a checkpoint a
            # new engine also frees what the engine kept from the batches (see LadybugDb.reopen)
            if self._db.maybe_checkpoint(self.checkpoint_bytes):
                self._db.reopen()
            else:
                self._db.recycle_connection()
            return result

    def rollback(self, batch_id: str) -> ImportBatch:
        """Remove what that batch alone contributed; ``Conflict`` when it is already rolled back."""
        with self._db.lock:
            self._redirects = None
            return ladybug_write.rollback_batch(self._db, self.schema, batch_id, self.evidence_inline)

    def batches(self) -> list[ImportBatch]:
        """Every import batch, oldest first."""
        return ladybug_read.batches(self._db)

    def batch(self, batch_id: str) -> ImportBatch:
        """One import batch, or ``NotFound``."""
        return ladybug_write.read_batch(self._db, batch_id)

    # ------------------------------------------------------------------------------------------------------ reads

    def search(self, q: str, types: Sequence[str] = (), limit: int = 20, cursor: str | None = None) -> SearchPage:
        """Names and aliases, Chinese and English; ranked exact > prefix > substring, then degree, then name."""
        if limit < 1:
            raise UsageError("limit must be at least 1", limit=limit)
        return ladybug_read.search(self._db, self.schema, q, types, limit, cursor)

    def entity(self, entity_id: str, limit: int | None = None) -> EntityDetail:
        """An entity (merged-away ids resolve to the survivor) with its facts, neighbours and items (see the
        Protocol for ``limit``)."""
        return ladybug_read.entity(self._db, self.schema, entity_id, limit)

    def lookup(self, identifier: str) -> Node:
        """The entity with that external identifier value."""
        return ladybug_read.lookup(self._db, self.schema, identifier)

    def neighbors(
        self,
        entity_id: str,
        depth: int = 1,
        types: Sequence[str] = (),
        relations: Sequence[str] = (),
        limit: int = 200,
    ) -> SubGraph:
        """Nodes and facts within ``depth`` hops."""
        center, found = ladybug_read.neighbourhood(self._db, self.schema, entity_id, depth, types, relations, limit)
        return walk_subgraph(node_from_props(*center), found)

    def neighbors_json(
        self,
        entity_id: str,
        depth: int = 1,
        types: Sequence[str] = (),
        relations: Sequence[str] = (),
        limit: int = 200,
    ) -> bytes:
        """:meth:`neighbors` as the JSON of its ``SubGraph``, byte for byte, built without the models."""
        center, found = ladybug_read.neighbourhood(self._db, self.schema, entity_id, depth, types, relations, limit)
        return walk_json(center, found)

    def collaboration(
        self,
        level: Literal["researcher", "institution"] = "researcher",
        around: str | None = None,
        depth: int = 1,
        min_weight: int = 1,
        since: str | None = None,
        until: str | None = None,
        rollup: bool = False,
        limit: int = 500,
        evidence: int | None = None,
    ) -> SubGraph:
        """Collaboration graph; edge weight = number of distinct items the two share."""
        return ladybug_collab.collaboration(
            self._db, self.schema, level, around, depth, min_weight, since, until, rollup, limit, evidence
        ).subgraph()

    def collaboration_json(
        self,
        level: Literal["researcher", "institution"] = "researcher",
        around: str | None = None,
        depth: int = 1,
        min_weight: int = 1,
        since: str | None = None,
        until: str | None = None,
        rollup: bool = False,
        limit: int = 500,
        evidence: int | None = None,
    ) -> bytes:
        """:meth:`collaboration` as the JSON of its ``SubGraph``, byte for byte, built without the models."""
        return ladybug_collab.collaboration(
            self._db, self.schema, level, around, depth, min_weight, since, until, rollup, limit, evidence
        ).json()

    def paths(self, source: str, target: str, max_length: int = 4, limit: int = 5) -> list[Path]:
        """All shortest paths (direction ignored) up to ``limit``."""
        return ladybug_read.paths(self._db, self.schema, source, target, max_length, limit)

    def items(self, limit: int = 50, cursor: str | None = None) -> ItemPage:
        """News items, newest first."""
        return ladybug_read.items(self._db, limit, cursor)

    def item(self, item_id: str) -> ItemDetail:
        """One item with its entities and mention spans."""
        return ladybug_read.item(self._db, item_id)

    def stats(self, top: int = 10) -> Stats:
        """Counts per type and predicate, top researchers and institutions by degree, batches."""
        return ladybug_read.stats(self._db, self.schema, top)

    def read_query(
        self, query: str, params: dict[str, Any] | None = None, timeout: float = 10.0, row_limit: int = 1000
    ) -> QueryResult:
        """Read-only Cypher (Kuzu dialect): writes refused before running, a time limit and a row cap."""
        return ladybug_read.read_query(self._db, query, params, timeout, row_limit)

    def subgraph(self, around: str | None = None, depth: int = 1) -> list[Extraction]:
        """The stored graph (or the part around an entity) as extraction records."""
        return ladybug_read.subgraph(self._db, self.schema, around, depth)

    def context(self, entity_ids: Sequence[str]) -> list[Extraction]:
        """The stored entities with these ids and every fact touching them, as extraction records by item."""
        return ladybug_read.context(self._db, self.schema, entity_ids)

    # --------------------------------------------------------------------------------------------------- curation

    def merge(self, keep: str, drop: str) -> Node:
        """Merge ``drop`` into ``keep``; ``drop`` resolves to ``keep`` afterwards."""
        with self._db.lock:
            self._redirects = None
            return ladybug_curation.merge(self._db, self.schema, keep, drop, self.evidence_inline)

    def split(self, entity_id: str, aliases: Sequence[str], new_name: str) -> Node:
        """Move the given aliases, their mentions and the facts resting on them to a new entity."""
        return ladybug_curation.split(self._db, self.schema, entity_id, aliases, new_name, self.evidence_inline)

    def rename(self, entity_id: str, name: str | None = None, add_aliases: Sequence[str] = ()) -> Node:
        """A new canonical name (the old one stays as an alias) and/or more aliases; the id stays."""
        return ladybug_curation.rename(self._db, self.schema, entity_id, name, add_aliases)
