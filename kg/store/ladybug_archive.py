"""Archive rows of hub facts on the embedded store (the layout is ``kg.store.records_archive``): read them back into
whole facts, create and delete rows (``ladybug_write.store_whole`` lays whole facts out again).

Rows are a node table of their own, found by primary key (the only index the engine keeps); a fact without rows costs
nothing here (no statement is run for it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kg.store import records_archive
from kg.store.ladybug_db import LadybugDb, chunks
from kg.store.records_archive import ARCHIVE_LABEL, LISTS, Fact
from kg.store.schema import GraphSchema


def read_rows(db: LadybugDb, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Archive rows by id (the lists only)."""
    out: dict[str, dict[str, Any]] = {}
    columns = ", ".join(f"e.{name} AS {name}" for name in LISTS)
    for part in chunks(list(ids)):
        query = f"UNWIND $ids AS i MATCH (e:{ARCHIVE_LABEL} {{id: i}}) RETURN e.id AS id, {columns}"
        for row in db.dicts(query, {"ids": list(part)}):
            out[row.pop("id")] = row
    return out


def whole_facts(db: LadybugDb, facts: Iterable[Fact]) -> list[Fact]:
    """:func:`kg.store.records_archive.whole_facts` on this store."""
    return records_archive.whole_facts(facts, lambda ids: read_rows(db, ids))


def delete_rows(db: LadybugDb, ids: Sequence[str]) -> None:
    """Delete archive rows by id."""
    for part in chunks(sorted(set(ids))):
        db.run(f"UNWIND $ids AS i MATCH (e:{ARCHIVE_LABEL} {{id: i}}) DELETE e", {"ids": list(part)})


def write_rows(db: LadybugDb, schema: GraphSchema, rows: Sequence[Mapping[str, Any]]) -> None:
    """Create archive rows (ids not stored yet)."""
    db.copy(ARCHIVE_LABEL, list(schema.nodes[ARCHIVE_LABEL].properties.items()), rows)
