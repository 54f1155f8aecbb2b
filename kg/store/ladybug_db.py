"""The LadybugDB (embedded Kuzu fork) connection behind :class:`kg.store.ladybug.LadybugStore`.

One ``Database`` and one ``Connection`` per store instance, guarded by a re-entrant lock: LadybugDB allows a single
``Database`` object per directory and process, and a connection holds at most one open transaction, so FastAPI worker
threads take turns. Driver exceptions are translated to :mod:`kg.errors` here, at the boundary, most specific first.
The tables are generated from :mod:`kg.store.schema` (itself generated from the ontology).
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pyarrow as pa

from kg.errors import Conflict, KgError, QueryError, StoreError, StoreUnavailable
from kg.store.schema import GraphSchema

#: rows per parameterised UNWIND statement (lookups and updates); larger lists only cost memory
CHUNK = 5000


def chunks(values: Sequence[Any], size: int = CHUNK) -> list[Sequence[Any]]:
    """``values`` cut into lists of at most ``size``."""
    return [values[i : i + size] for i in range(0, len(values), size)]


#: below this many rows a parameterised CREATE beats COPY (whose fixed cost is tens of milliseconds)
SMALL_COPY = 256

#: the engine's page cache when the caller names none (``KG_EMBEDDED_BUFFER_POOL_MB`` in the service); the engine's own
#: default (80 % of RAM) is too greedy on a machine shared with Neo4j and the API. Smaller is not safer: with 1 GiB the
#: engine corrupted its heap and aborted ("malloc assertion failure") importing the 30k-item benchmark, and crashed
#: (SIGSEGV) in a checkpoint at 100k items; 4 GiB carried 100k items through. (Both crashes were seen while the driver's
#: statement cache still kept every COPY's table, see recycle_connection; 1 GiB has carried 100k items since.) The
#: process grows past the pool anyway: what the engine allocates for written and checkpointed batches is kept until it
#: is closed, hence LadybugDb.reopen after each checkpoint.
DEFAULT_BUFFER_POOL = 4 << 30

#: write-ahead log size past which an import batch is followed by a checkpoint. A checkpoint costs in proportion to the
#: changes it folds in (14 s after one 5k-item batch at 25k items, 26 s after two), so checkpointing less often saves
#: little, while changes not yet checkpointed are held in memory: with a quarter of a 1 GiB pool as the threshold the
#: engine aborted before reaching it
CHECKPOINT_WAL_BYTES = 64 << 20

#: results past this many rows convert faster column-wise through Arrow than row by row (even at ≈ 2,000 rows)
ARROW_ROWS = 2000

#: threads the engine runs a statement on, but for import batches (:meth:`LadybugDb.all_threads`). The API's reads
#: are small statements whose tasks the engine hands between threads for nothing: at 10k items one thread took 15-30 %
#: less CPU per call (search 11.7 -> 8.3 ms, depth-2 neighbourhood 17.1 -> 12.9) and no more wall time, even for the
#: scans of a search or of the whole collaboration graph
READ_THREADS = 1

#: the database file inside the store directory
DB_FILE = "graph.lbug"

_ARROW_TYPES: dict[str, pa.DataType] = {
    "STRING": pa.string(),
    "STRING[]": pa.list_(pa.string()),
    "INT64": pa.int64(),
}

# Message fragments of the engine's exceptions, most specific first (they are all RuntimeError).
_CONFLICT = ("duplicated primary key", "unable to find primary key", "violates", "does not exist in")
_QUERY = ("parser exception", "binder exception", "catalog exception")
#: the page cache is full of changes not yet checkpointed (the caller may checkpoint and retry)
BUFFER_FULL = "buffer pool is full"
_UNAVAILABLE = ("io exception", "could not set lock", "database is closed", "cannot open")


def translate(exc: Exception, query: str | None = None) -> KgError:
    """Our error for an engine exception (the caller raises it ``from exc``)."""
    message = str(exc)
    low = message.lower()
    if "interrupted" in low:
        return QueryError("the query exceeded its time limit", timeout=True, query=query)
    # the engine names the stage that failed first ("Binder exception: ..."): a malformed query is the caller's
    if low.startswith(_QUERY):
        return QueryError(message, query=query)
    if any(f in low for f in _CONFLICT):
        return Conflict(f"the store refused the write: {message}", query=query)
    if any(f in low for f in _UNAVAILABLE):
        return StoreUnavailable(f"the embedded store cannot be used: {message}")
    return StoreError(message, query=query)


def ddl(schema: GraphSchema) -> list[str]:
    """``CREATE NODE/REL TABLE IF NOT EXISTS`` statements for every label and relationship type of the schema."""
    statements = []
    for spec in schema.nodes.values():
        columns = ", ".join(f"{name} {kind}" for name, kind in spec.properties.items())
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {spec.label}({columns}, PRIMARY KEY(id))")
    for rel in schema.rels.values():
        pairs = ", ".join(f"FROM {a} TO {b}" for a, b in rel.pairs)
        columns = "".join(f", {name} {kind}" for name, kind in rel.properties.items())
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {rel.type}({pairs}{columns})")
    return statements


def add_missing_columns(db: LadybugDb, schema: GraphSchema) -> list[tuple[str, str]]:
    """Add the columns the schema gained since a table was created (e.g. ``search_text``); ``ALTER ... ADD``
    appends, which keeps table order equal to the schema's because new properties are declared last. Returns the
    (label, column) pairs added, so the caller can fill them."""
    added = []
    tables = {r[0] for r in db.rows("CALL show_tables() RETURN name")}
    # relationship tables too: facts gained the archive counters (kg.store.records_archive)
    specs = [(n.label, n.properties) for n in schema.nodes.values()] + [
        (r.type, r.properties) for r in schema.rels.values()
    ]
    for table, properties in specs:
        if table not in tables:
            continue
        have = {r[0] for r in db.rows(f"CALL table_info('{table}') RETURN name")}
        for name, kind in properties.items():
            if name not in have:
                db.run(f"ALTER TABLE {table} ADD {name} {kind}")
                added.append((table, name))
    return added


def clean(value: Any) -> Any:
    """A node or relationship value without the engine's internal keys (``_ID``, ``_SRC``, ...)."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if not k.startswith("_")}
    return value


def _return_freed_memory() -> None:
    """Hand the memory the C allocator keeps after ``free`` back to the system (glibc's ``malloc_trim``; nothing
    elsewhere): the engine frees hundreds of MiB when it closes, which glibc would otherwise keep in the process."""
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


_OPEN: dict[Path, LadybugDb] = {}
_OPEN_LOCK = threading.Lock()


def open_db(path: Path, buffer_pool_bytes: int = DEFAULT_BUFFER_POOL) -> LadybugDb:
    """The one open database of a directory in this process, opened on first use and shared after (two engine
    ``Database`` objects over the same files in one process would not see each other's writes); each call must be
    matched by a :meth:`LadybugDb.close`."""
    key = Path(path).resolve()
    with _OPEN_LOCK:
        db = _OPEN.get(key)
        if db is None or db.closed:
            db = _OPEN[key] = LadybugDb(key, buffer_pool_bytes)
        db.users += 1
        return db


class LadybugDb:
    """A locked connection to one database directory, with helpers for rows, COPY and transactions."""

    def __init__(self, path: Path, buffer_pool_bytes: int = DEFAULT_BUFFER_POOL) -> None:
        import ladybug

        self.path = Path(path)
        self._lock = threading.RLock()
        self._in_tx = False
        self.users = 0  # stores sharing this database (see open_db)
        self.buffer_pool_bytes = buffer_pool_bytes
        self.closed = False
        try:
            self.path.mkdir(parents=True, exist_ok=True)

            # checkpoints are ours (see maybe_checkpoint): the engine's automatic one ran inside every large commit
            # and grew with the database (1 s -> 11 s per 5k-item batch over four batches)
            self._db, self._conn = self._open()
        except RuntimeError as exc:
            raise translate(exc) from exc
        except OSError as exc:
            raise StoreUnavailable(f"cannot open the embedded store at {self.path}: {exc}") from exc
        self.version = str(getattr(self._db, "get_version", lambda: "")() or ladybug.__version__)

    def _open(self) -> tuple[Any, Any]:
        import ladybug

        database = ladybug.Database(
            str(self.path / DB_FILE), buffer_pool_size=self.buffer_pool_bytes, auto_checkpoint=False
        )
        return database, ladybug.Connection(database, num_threads=READ_THREADS)

    def reopen(self) -> None:
        """Close the engine and open it again on the same directory (not inside a transaction: a no-op there).

        What the engine allocates while it writes and checkpoints batches is only partly returned when they end: the
        process grew ~100 MiB per 5,000-item batch with a checkpoint after every batch and a 1 GiB page cache, and
        fell back to its size after the first batch when the database was closed. Opening costs 0.1-0.3 s, so the
        store does it after a checkpoint (when the log is empty and nothing has to be replayed)."""
        with self._lock:
            if self._in_tx or self.closed:
                return
            try:
                self._conn.close()
                self._db.close()
                _return_freed_memory()
                self._db, self._conn = self._open()
            except RuntimeError as exc:
                raise translate(exc) from exc

    @property
    def lock(self) -> threading.RLock:
        """Held for the whole of a multi-statement operation so other threads never see it half done."""
        return self._lock

    def _execute(self, query: str, params: Mapping[str, Any] | None) -> Any:
        result = self._conn.execute(query, dict(params or {}))
        # several statements separated by ";" give one result each: the last one is the answer
        return result[-1] if isinstance(result, list) else result

    def rows(self, query: str, params: Mapping[str, Any] | None = None) -> list[list[Any]]:
        """All rows of a query."""
        with self._lock:
            try:
                result = self._execute(query, params)
                out: list[list[Any]] = []
                while result.has_next():
                    out.append(list(result.get_next()))
                return out
            except RuntimeError as exc:
                raise translate(exc, query) from exc

    def records(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """All rows as dicts by column alias, converted column-wise through Arrow: several times faster than
        :meth:`rows` for wide results (2.5k relationships with their far nodes: 0.4 s instead of 3 s)."""
        with self._lock:
            try:
                table = self._execute(query, params).get_as_arrow()
            except RuntimeError as exc:
                raise translate(exc, query) from exc
        out: list[dict[str, Any]] = table.to_pylist()
        return out

    def dicts(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """All rows as dicts by column alias, for statements that return values rather than whole nodes or
        relationships (whose row-wise conversion differs from Arrow's). Arrow costs 1-3 ms per result whatever its
        size, so up to :data:`ARROW_ROWS` rows are converted one by one (10 rows: 1.5 ms instead of 4.8), more
        column-wise as :meth:`records` does (5,000 rows: 15 ms instead of 18)."""
        with self._lock:
            try:
                result = self._execute(query, params)
                if result.get_num_tuples() > ARROW_ROWS:
                    table = result.get_as_arrow()
                else:
                    names = result.get_column_names()
                    return [dict(zip(names, row, strict=True)) for row in result.get_all()]
            except RuntimeError as exc:
                raise translate(exc, query) from exc
        out: list[dict[str, Any]] = table.to_pylist()
        return out

    def iter_rows(self, query: str, params: Mapping[str, Any] | None, limit: int) -> tuple[list[str], list[list[Any]]]:
        """Column names and at most ``limit`` rows (the caller passes its cap + 1 to detect truncation)."""
        with self._lock:
            try:
                result = self._execute(query, params)
                columns = [str(c) for c in result.get_column_names()]
                out: list[list[Any]] = []
                while len(out) < limit and result.has_next():
                    out.append(list(result.get_next()))
                return columns, out
            except RuntimeError as exc:
                raise translate(exc, query) from exc

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> None:
        """Execute a statement whose result does not matter."""
        self.rows(query, params)

    def copy(
        self,
        table: str,
        columns: Sequence[tuple[str, str]],
        rows: Sequence[Mapping[str, Any]],
        pair: tuple[str, str] | None = None,
    ) -> None:
        """Bulk-insert ``rows`` into ``table``, inside the caller's transaction.

        ``columns`` are (row key, engine type) in table order; for a relationship table the first two are the source
        and target ids and ``pair`` names their labels. Rows go by COPY from an Arrow table unless they are few.
        Measured on this machine (4 batches of 5k synthetic items): COPY inside the transaction beat a parameterised
        CREATE of the same relationships by ~35 %, and an autocommit COPY (no transaction) was no faster, so the
        transaction costs nothing here; what grows with the store is the engine's insertion into a non-empty
        relationship table, whichever statement does it.
        """
        if not rows:
            return
        if len(rows) < SMALL_COPY:
            self._create(table, columns, rows, pair)
            return
        arrays = {
            f"c{i}": pa.array([row.get(key) for row in rows], type=_ARROW_TYPES[kind])
            for i, (key, kind) in enumerate(columns)
        }
        frame = pa.table(arrays)  # noqa: F841 - the engine resolves the name `frame` in this scope
        options = f" (from='{pair[0]}', to='{pair[1]}')" if pair else ""
        with self._lock:
            try:
                self._conn.execute(f"COPY {table} FROM frame{options}")
            except RuntimeError as exc:
                raise translate(exc, f"COPY {table}") from exc

    def _create(
        self,
        table: str,
        columns: Sequence[tuple[str, str]],
        rows: Sequence[Mapping[str, Any]],
        pair: tuple[str, str] | None,
    ) -> None:
        """The small-batch path of :meth:`copy`: one parameterised CREATE (a COPY costs tens of milliseconds however
        few its rows). A relationship whose end does not exist fails as COPY would, instead of vanishing silently."""
        names = [f"c{i}" for i in range(len(columns))]
        params = [{n: row.get(key) for n, (key, _) in zip(names, columns, strict=True)} for row in rows]
        if pair is None:
            props = ", ".join(f"{key}: CAST(x.{n} AS {kind})" for n, (key, kind) in zip(names, columns, strict=True))
            self.run(f"UNWIND $rows AS x CREATE (:{table} {{{props}}})", {"rows": params})
            return
        props = ", ".join(
            f"{key}: CAST(x.{n} AS {kind})" for n, (key, kind) in list(zip(names, columns, strict=True))[2:]
        )
        created = self.rows(
            f"UNWIND $rows AS x MATCH (a:{pair[0]} {{id: x.c0}}) MATCH (b:{pair[1]} {{id: x.c1}}) WITH a, b, x "
            f"CREATE (a)-[:{table} {{{props}}}]->(b) RETURN count(*)",
            {"rows": params},
        )
        if int(created[0][0]) != len(rows):
            raise Conflict(
                f"{len(rows) - int(created[0][0])} {table} relationship(s) point to a {pair[0]} or {pair[1]} "
                "that does not exist",
                table=table,
            )

    @contextmanager
    def all_threads(self) -> Iterator[None]:
        """Statements inside the block may use every core (an import batch's COPY and checkpoint), not
        :data:`READ_THREADS`."""
        with self._lock:
            self._conn.set_max_threads_for_exec(0)
            try:
                yield
            finally:
                self._conn.set_max_threads_for_exec(READ_THREADS)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing unit: COPY and SET statements inside it commit together or not at all.

        The engine keeps uncommitted changes out of its write-ahead log, so a process that dies inside the block
        leaves the database as it was before it on the next open.
        """
        with self._lock:
            if self._in_tx:  # nested use joins the outer transaction
                yield
                return
            self.run("BEGIN TRANSACTION")
            self._in_tx = True
            try:
                yield
            except BaseException:
                self._in_tx = False
                self._rollback_quietly()
                raise
            self._in_tx = False
            self.run("COMMIT")

    def _rollback_quietly(self) -> None:
        # a failed COPY already aborted the transaction; ROLLBACK then reports "no active transaction"
        with suppress(RuntimeError):
            self._conn.execute("ROLLBACK")

    def maybe_checkpoint(self, wal_bytes: int = CHECKPOINT_WAL_BYTES) -> bool:
        """Fold the write-ahead log into the database file once it has grown past ``wal_bytes``; True if it did.

        Committed transactions are safe in the log either way (it is replayed on open); checkpointing bounds the log
        and the replay time. Closing the database checkpoints too."""
        wal = self.path / (DB_FILE + ".wal")
        with self._lock:
            if self._in_tx or not wal.exists() or wal.stat().st_size < wal_bytes:
                return False
            self.run("CHECKPOINT")
            return True

    def recycle_connection(self) -> None:
        """Replace the connection with a new one on the same database (not inside a transaction: a no-op there).

        The driver caches a prepared statement per distinct query text and parameter signature, and each cached
        statement keeps the parameters it last ran with. Every ``COPY ... FROM`` an Arrow table counts as a new
        signature, so the cache kept every table a batch copied (17 MiB of Arrow buffers per 5,000-item batch, never
        freed) besides the last 5,000-row parameter lists of each UNWIND statement. Closing the connection is the
        driver's public way to drop that cache; opening one costs about a millisecond."""
        import ladybug

        with self._lock:
            if self._in_tx or self.closed:
                return
            try:
                self._conn.close()
                self._conn = ladybug.Connection(self._db, num_threads=READ_THREADS)
            except RuntimeError as exc:
                raise translate(exc) from exc

    def set_timeout(self, milliseconds: int) -> None:
        """The time limit of the following queries on this connection (0: none)."""
        self._conn.set_query_timeout(int(milliseconds))

    def close(self) -> None:
        """Release one user of the database; the last one closes it (idempotent)."""
        with self._lock:
            self.users = max(0, self.users - 1)
            if self.users or self.closed:
                return
            self.closed = True
            try:
                self._conn.close()
                self._db.close()
            except RuntimeError:
                pass
