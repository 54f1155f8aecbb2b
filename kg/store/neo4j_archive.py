"""Archive rows of hub facts on Neo4j (the layout is ``kg.store.records_archive``): read them back into whole facts,
write whole facts as inline lists and rows, delete the rows of facts that go away.

Rows are ``EvidenceArchive`` nodes found by their unique id (the constraint's index), never by a scan; a fact without
rows costs nothing here (no statement is run for it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, LiteralString, cast

from neo4j import ManagedTransaction

from kg.store import records_archive
from kg.store.records_archive import ARCHIVE_LABEL, LISTS, Fact, layout


def _q(text: str) -> LiteralString:
    return cast(LiteralString, text)  # type: ignore[redundant-cast]


def read_rows(tx: ManagedTransaction, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Archive rows by id (the lists only)."""
    if not ids:
        return {}
    lists = ", ".join(f".{name}" for name in LISTS)
    found = tx.run(
        _q(f"UNWIND $ids AS id MATCH (e:{ARCHIVE_LABEL} {{id: id}}) RETURN e.id AS id, e {{{lists}}} AS p"),
        ids=list(ids),
    )
    return {r["id"]: dict(r["p"]) for r in found}


def whole_facts(tx: ManagedTransaction, facts: Iterable[Fact]) -> list[Fact]:
    """:func:`kg.store.records_archive.whole_facts`, the rows read in this transaction."""
    return records_archive.whole_facts(facts, lambda ids: read_rows(tx, ids))


def delete_rows(tx: ManagedTransaction, ids: Sequence[str]) -> None:
    """Delete archive rows by id."""
    if ids:
        tx.run(_q(f"UNWIND $ids AS id MATCH (e:{ARCHIVE_LABEL} {{id: id}}) DELETE e"), ids=list(ids)).consume()


#: a whole fact to write: (element id, src, dst, type, props as ``records_archive.hydrate`` gives, the ids of the
#: archive rows it had when read)
WholeFact = tuple[str, str, str, str, dict[str, Any], Sequence[str]]


def store_whole(tx: ManagedTransaction, facts: Sequence[WholeFact], keep: int, fact_keys: Sequence[str]) -> None:
    """Write whole facts back: each fact's ``fact_keys`` set from its inline part, its old archive rows replaced by
    the rows of its new layout."""
    sets: list[dict[str, Any]] = []
    creates: list[dict[str, Any]] = []
    stale: list[str] = []
    for eid, src, dst, rtype, props, old in facts:
        inline, rows = layout(rtype, src, dst, props, keep)
        sets.append({"eid": eid, "props": {k: inline.get(k) for k in fact_keys}})
        creates.extend(rows)
        stale.extend(old)
    if sets:
        assignments = ", ".join(f"r.{k} = row.props.{k}" for k in fact_keys)
        tx.run(
            _q(f"UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET {assignments}"), rows=sets
        ).consume()
    replace_rows(tx, stale, creates)


def replace_rows(tx: ManagedTransaction, stale: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
    """Delete the ``stale`` archive rows (and any stored under the new rows' ids), then create ``rows``."""
    delete_rows(tx, sorted(set(stale) | {row["id"] for row in rows}))
    if rows:
        tx.run(_q(f"UNWIND $rows AS row CREATE (e:{ARCHIVE_LABEL}) SET e = row"), rows=list(rows)).consume()
