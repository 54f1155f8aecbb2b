"""The Neo4j graph store: Bolt through the official driver, one managed transaction per import batch.

All statements of a batch run inside ONE ``session.execute_write`` transaction, so a batch is all-or-nothing (a killed
server or lost connection leaves the graph as it was) and the driver retries the whole unit on transient errors. New
rows are merged with the stored ones in Python by the shared functions of ``kg.store.records`` (the same the embedded
store uses), after indexed reads; the writes are plain ``UNWIND ... CREATE`` / ``SET`` of what is new or changed (see
``kg.store.neo4j_write``). Works unchanged against a remote server or Aura (``neo4j+s://``).

Writes live in ``kg.store.neo4j_write``, reads in ``kg.store.neo4j_reads`` and curation in
``kg.store.neo4j_curation``; all three are mixed in here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any, LiteralString, cast

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j import exceptions as neo

from kg.collector import collector_paused
from kg.errors import Conflict, KgError, NotFound, QueryError, StoreError, StoreUnavailable, WriteForbidden
from kg.model import ImportBatch
from kg.store.base import CAP_CYPHER, CAP_FULLTEXT, CAP_TRANSACTIONS, BatchResult
from kg.store.neo4j_archive import WholeFact, delete_rows, store_whole, whole_facts
from kg.store.neo4j_curation import Neo4jCuration
from kg.store.neo4j_reads import Neo4jReads
from kg.store.neo4j_write import FACT_KEYS, WRITE_LOCK_DDL, Neo4jWrites, chunks, refresh_search_rank
from kg.store.records import (
    batch_from_props,
    rollback_fact,
)
from kg.store.records_archive import ARCHIVE_ROWS, KEEP_INLINE, archive_ids, checked_keep, row_ids, rows_of
from kg.store.schema import BATCH_LABEL, ITEM_LABEL, GraphSchema, get_schema, neo4j_backfill, neo4j_ddl

# Rows per UNWIND statement (KG_WRITE_BATCH_SIZE). Measured 2026-11-27 on the shared 2-core machine, 4000 synthetic
# items in batches of 2000, two rounds: 1k rows 7.6k/5.2k rows/s, 5k 6.3k/5.0k, 20k 5.7k/5.0k - within the noise of
# the machine's load. 5000 keeps round trips few without very large parameter lists; the transaction is the whole
# batch either way (all-or-nothing), so this only sizes the statements.
DEFAULT_BATCH_SIZE = 5000


def q(text: str) -> LiteralString:
    """Our Cypher is built from schema labels (never from user input); tell the driver's typing so."""
    return cast(LiteralString, text)  # type: ignore[redundant-cast]


@contextlib.contextmanager
def translate() -> Iterator[None]:
    """Translate driver exceptions into ``kg.errors`` at the store boundary, most specific first."""
    try:
        yield
    except KgError:
        raise
    except (neo.ServiceUnavailable, neo.SessionExpired) as exc:
        raise StoreUnavailable(f"Neo4j is unavailable: {exc}") from exc
    except neo.AuthError as exc:
        raise StoreUnavailable(f"Neo4j refused the credentials: {exc}") from exc
    except neo.ConstraintError as exc:
        raise Conflict(f"Neo4j constraint violated: {exc.message}") from exc
    except neo.CypherSyntaxError as exc:
        raise QueryError(f"Cypher syntax error: {exc.message}") from exc
    except neo.ClientError as exc:
        code = exc.code or ""
        if "AccessMode" in code or "Forbidden" in code:
            raise WriteForbidden(f"the query writes: {exc.message}") from exc
        if "TransactionTimedOut" in code or "Timeout" in code:
            raise QueryError(f"the query took too long: {exc.message}", timeout=True) from exc
        raise QueryError(f"Neo4j refused the query: {exc.message}", code=code) from exc
    except neo.TransientError as exc:
        if "Timeout" in (exc.code or "") or "Terminated" in (exc.code or ""):
            raise QueryError(f"the query took too long: {exc.message}", timeout=True) from exc
        raise StoreUnavailable(f"Neo4j is busy: {exc.message}") from exc
    except neo.Neo4jError as exc:
        raise StoreError(f"Neo4j error: {exc.message}", code=exc.code) from exc
    except (neo.DriverError, OSError) as exc:
        raise StoreUnavailable(f"cannot talk to Neo4j: {exc}") from exc


class Neo4jStore(Neo4jWrites, Neo4jReads, Neo4jCuration):
    """A :class:`kg.store.base.GraphStore` on a Neo4j 5 server."""

    name = "neo4j"
    capabilities = frozenset({CAP_FULLTEXT, CAP_CYPHER, CAP_TRANSACTIONS})

    def __init__(
        self,
        uri: str,
        user: str = "neo4j",
        password: str = "",
        database: str = "neo4j",
        batch_size: int = DEFAULT_BATCH_SIZE,
        schema: GraphSchema | None = None,
        connection_timeout: float = 10.0,
        max_retry_time: float = 30.0,
        evidence_inline: int = KEEP_INLINE,
    ) -> None:
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        # spans a hub fact keeps inline once it archives its older ones (kg.store.records_archive)
        self.evidence_inline = checked_keep(evidence_inline)
        self.schema = schema or get_schema()
        with translate():
            self.driver: Driver = GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=connection_timeout,
                max_transaction_retry_time=max_retry_time,
                # "unknown label/property" notices on an empty database are noise, not problems
                notifications_min_severity="OFF",
            )

    # ------------------------------------------------------------------------------------------------- lifecycle

    def _write(self, work: Any, *args: Any) -> Any:
        """Run ``work(tx, *args)`` in one managed write transaction (retried by the driver on transient errors)."""
        with translate(), self.driver.session(database=self.database) as session:
            return session.execute_write(work, *args)

    def _read(self, work: Any, *args: Any) -> Any:
        """Run ``work(tx, *args)`` in one managed read transaction."""
        with translate(), self.driver.session(database=self.database) as session:
            return session.execute_read(work, *args)

    def init_schema(self) -> None:
        """Constraints, range, text and CJK full-text indexes and the write lock's constraint (each ``IF NOT EXISTS``),
        then the ``search_text`` and ``search_rank`` of entities stored before those existed (``neo4j_backfill``;
        8.7 s for the 132k entities of 100k synthetic items, a label scan once done)."""
        with translate(), self.driver.session(database=self.database) as session:
            for statement in (*neo4j_ddl(self.schema), WRITE_LOCK_DDL):
                session.run(q(statement)).consume()
            for statement in neo4j_backfill(self.schema):
                session.run(q(statement)).consume()
            session.run(q("CALL db.awaitIndexes(60)")).consume()

    def clear(self) -> None:
        """Delete every node and relationship, in chunks so a large graph does not need one huge transaction.

        Relationships go first, in chunks of their own: a chunk of 10,000 nodes detached at once held the hubs (big
        institutions, journals) with all their relationships, and at 100k synthetic items one such chunk exceeded
        the server's transaction memory (``MemoryPoolOutOfMemoryError``)."""
        with translate(), self.driver.session(database=self.database) as session:
            session.run(q("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS")).consume()
            session.run(q("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")).consume()

    def close(self) -> None:
        """Close the driver (idempotent)."""
        with contextlib.suppress(Exception):
            self.driver.close()

    def health(self) -> dict[str, Any]:
        """Whether the server answers, and its version; never raises."""
        try:
            with translate():
                record = self.driver.execute_query(
                    q("CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS v, edition"),
                    database_=self.database,
                ).records[0]
            return {"ok": True, "store": self.name, "version": f"{record['name']} {record['v']} {record['edition']}"}
        except Exception as exc:  # health is a probe: report, never raise
            return {"ok": False, "store": self.name, "error": str(exc)}

    # ----------------------------------------------------------------------------------------------------- apply

    def apply(self, batch: ImportBatch, records: Sequence[Any]) -> BatchResult:
        """Write the batch in one transaction; merged-away ids land on the entity that absorbed them."""
        committed = batch.model_copy(update={"status": "committed"})
        with collector_paused():
            result: BatchResult = self._write(self._apply_tx, committed, list(records))
        return result

    # -------------------------------------------------------------------------------------------------- batches

    def batches(self) -> list[ImportBatch]:
        """Every import batch, oldest first."""

        def work(tx: ManagedTransaction) -> list[ImportBatch]:
            rows = tx.run(q(f"MATCH (b:{BATCH_LABEL}) RETURN properties(b) AS p ORDER BY b.created_at, b.id"))
            return [batch_from_props(r["p"]) for r in rows]

        result: list[ImportBatch] = self._read(work)
        return result

    def batch(self, batch_id: str) -> ImportBatch:
        """One import batch; NotFound if unknown."""

        def work(tx: ManagedTransaction) -> dict[str, Any] | None:
            record = tx.run(q(f"MATCH (b:{BATCH_LABEL} {{id: $id}}) RETURN properties(b) AS p"), id=batch_id).single()
            return None if record is None else dict(record["p"])

        props = self._read(work)
        if props is None:
            raise NotFound(f"no import batch {batch_id}", batch=batch_id)
        return batch_from_props(props)

    def rollback(self, batch_id: str) -> ImportBatch:
        """Remove what the batch alone contributed, in one transaction; the batch is kept, marked rolled_back."""
        props: dict[str, Any] = self._write(self._rollback_tx, batch_id)
        return batch_from_props(props)

    def _rollback_tx(self, tx: ManagedTransaction, batch_id: str) -> dict[str, Any]:
        record = tx.run(q(f"MATCH (b:{BATCH_LABEL} {{id: $id}}) RETURN properties(b) AS p"), id=batch_id).single()
        if record is None:
            raise NotFound(f"no import batch {batch_id}", batch=batch_id)
        if record["p"].get("status") == "rolled_back":
            raise Conflict(f"import batch {batch_id} was already rolled back", batch=batch_id)
        fact_types = "|".join(self.schema.fact_types)
        facts = tx.run(
            q(
                f"MATCH (x)-[r:{fact_types}]->(y) WHERE $b IN r.batches "
                "RETURN elementId(r) AS eid, properties(r) AS p, elementId(x) AS a, elementId(y) AS b, "
                "x.id AS src, y.id AS dst, type(r) AS t"
            ),
            b=batch_id,
        ).data()
        # hub facts are rolled back whole: the batch's spans may be in their archive rows
        wholes = whole_facts(tx, [(f["src"], f["dst"], f["t"], f["p"]) for f in facts])
        updates, deletes = [], []
        archived: list[WholeFact] = []
        stale: list[str] = []  # archive rows of deleted facts
        ranked: set[str] = set()  # element ids of the entities whose degree this rollback lowers
        for fact, (src, dst, rtype, props) in zip(facts, wholes, strict=True):
            old = archive_ids(rtype, src, dst, props.get("key"), rows_of(fact["p"]))
            kept = rollback_fact(props, batch_id)
            if kept is None:
                deletes.append(fact["eid"])
                stale.extend(old)
                ranked.update((fact["a"], fact["b"]))
            elif old:
                archived.append((fact["eid"], src, dst, rtype, kept, old))
            else:
                updates.append({"eid": fact["eid"], "props": kept})
        delete_rows(tx, stale)
        store_whole(tx, archived, self.evidence_inline, [k for k in FACT_KEYS if k != "key"])
        for chunk in chunks(updates, self.batch_size):
            tx.run(q("UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props"), rows=chunk)
        for chunk in chunks(deletes, self.batch_size):
            tx.run(q("UNWIND $ids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r"), ids=chunk).consume()
        tx.run(
            q(
                "MATCH ()-[m:MENTIONS]->() WHERE $b IN m.batches SET m.batches = [x IN m.batches WHERE x <> $b] "
                "WITH m WHERE size(m.batches) = 0 DELETE m"
            ),
            b=batch_id,
        ).consume()
        # entities left with no batch are deleted below with whatever facts other batches added to them, so the
        # entities at the other end of those facts lose degree too
        entities = "|".join(self.schema.entity_labels)
        ranked.update(
            r["o"]
            for r in tx.run(
                q(
                    f"MATCH (n:{entities}) WHERE $b IN n.batches AND all(x IN n.batches WHERE x = $b) "
                    f"MATCH (n)-[:{fact_types}]-(o) RETURN DISTINCT elementId(o) AS o"
                ),
                b=batch_id,
            )
        )
        # facts that go with those entities take their archive rows along
        delete_rows(
            tx,
            row_ids(
                (r["src"], r["dst"], r["t"], r["p"])
                for r in tx.run(
                    q(
                        f"MATCH (n:{entities}) WHERE $b IN n.batches AND all(x IN n.batches WHERE x = $b) "
                        f"MATCH (n)-[r:{fact_types}]-() WHERE r.{ARCHIVE_ROWS} > 0 RETURN DISTINCT "
                        f"startNode(r).id AS src, endNode(r).id AS dst, type(r) AS t, r {{.key, .{ARCHIVE_ROWS}}} AS p"
                    ),
                    b=batch_id,
                )
            ),
        )
        labels = "|".join((*self.schema.entity_labels, ITEM_LABEL))
        tx.run(
            q(
                f"MATCH (n:{labels}) WHERE $b IN n.batches SET n.batches = [x IN n.batches WHERE x <> $b] "
                "WITH n WHERE size(n.batches) = 0 DETACH DELETE n"
            ),
            b=batch_id,
        ).consume()
        refresh_search_rank(tx, self.schema, eids=ranked)  # the deleted nodes among them are not found any more
        updated = tx.run(
            q(f"MATCH (b:{BATCH_LABEL} {{id: $id}}) SET b.status = 'rolled_back' RETURN properties(b) AS p"),
            id=batch_id,
        ).single()
        assert updated is not None  # matched above in this transaction
        return dict(updated["p"])
