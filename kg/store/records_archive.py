"""Evidence archive rows of hub facts: the layout both stores share.

A fact keeps its evidence as parallel lists (``kg.store.records``). A hub fact (a department part of its university, a
prolific researcher's affiliation) gains evidence in every batch: at 100k synthetic items one carries ≈ 15k spans,
and both engines rewrite (and log) a list property whole whenever it grows, so each batch cost more than the one
before. So a fact keeps inline only its latest spans: once its lists pass ``2 × keep`` entries, all but the latest
``keep`` move, oldest first, to archive rows of their own (one node each, ``ARCHIVE_LABEL``, no relationship: adding
one touches no hub's adjacency). The fact counts them: ``archived`` spans in ``archive_rows`` rows, whose ids are
``<fact hash>#<seq>`` (1 … archive_rows), an indexed seek in both stores.

A fact's whole evidence is the archive rows' lists in order, then the inline lists: :func:`hydrate` puts them back
together, so every function of ``kg.store.records`` (merge, rollback, split, back to records) works on the whole as
before, and :func:`layout` cuts a whole fact into inline lists and rows again. Ordinary facts (most of them: ≤ 2 ×
keep spans) have no rows and no counters; views that show the latest few spans (neighbourhoods) read them inline.

Why not a row per span (tried, ``docs/decisions/20261129-evidence-rows.md``): it made every fact dearer to write and
every entity page dearer to read, to take away a cost that only hubs have.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from kg.errors import UsageError

ARCHIVE_LABEL = "EvidenceArchive"
ARCHIVE_PROPERTIES: dict[str, str] = {
    "id": "STRING",  # <fact hash>#<seq>
    "fact": "STRING",  # the fact's hash (fact_hash)
    "src": "STRING",  # the fact's ends: rows of a fact deleted with its entity are found by them
    "dst": "STRING",
    "seq": "INT64",
    "evidence": "STRING[]",
    "evidence_keys": "STRING[]",
    "evidence_batches": "STRING[]",
}
#: the fact's counters (absent on a fact without archive rows)
ARCHIVED = "archived"
ARCHIVE_ROWS = "archive_rows"
#: spans a fact keeps inline after archiving (the store's ``evidence_inline`` overrides it)
KEEP_INLINE = 64
#: the least a store may keep inline: neighbourhoods list a fact's latest ``records_graph.EVIDENCE_PER_EDGE`` spans,
#: read inline only
MIN_INLINE = 3
#: most spans per archive row written by :func:`layout` (a batch's own move writes one row whatever its size)
ROW_SPANS = 4096
LISTS = ("evidence", "evidence_keys", "evidence_batches")


def checked_keep(keep: int) -> int:
    """``keep`` when a store may use it (at least :data:`MIN_INLINE`), else a usage error."""
    if keep < MIN_INLINE:
        raise UsageError(f"evidence_inline must be at least {MIN_INLINE}, not {keep}", evidence_inline=keep)
    return keep


def fact_hash(rtype: str, src: str, dst: str, key: str | None) -> str:
    """A fact's identity (type, ends, key) as 16 hex digits: the prefix of its archive rows' ids."""
    return hashlib.blake2b(f"{rtype}|{src}|{dst}|{key or ''}".encode(), digest_size=8).hexdigest()


def archive_ids(rtype: str, src: str, dst: str, key: str | None, rows: int) -> list[str]:
    """The ids of a fact's archive rows, in order."""
    prefix = fact_hash(rtype, src, dst, key)
    return [f"{prefix}#{seq}" for seq in range(1, rows + 1)]


def rows_of(props: Mapping[str, Any]) -> int:
    """How many archive rows a stored fact has (0 for an ordinary fact)."""
    return int(props.get(ARCHIVE_ROWS) or 0)


def archived_of(props: Mapping[str, Any]) -> int:
    """How many of a stored fact's spans are in archive rows."""
    return int(props.get(ARCHIVED) or 0)


def due(length: int, keep: int) -> int:
    """How many of the oldest of ``length`` inline spans move to an archive row now: none until the lists pass twice
    ``keep``, then all but the latest ``keep`` (so a hub archives once per batch, not once per span)."""
    return length - keep if length > 2 * keep else 0


def hydrate(props: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A stored fact with its whole evidence: the archive rows' lists (in order), then the inline lists (those of the
    lists ``props`` holds); the counters dropped (the result is a fact as ``kg.store.records`` knows it)."""
    whole = {k: v for k, v in props.items() if k not in (ARCHIVED, ARCHIVE_ROWS)}
    for name in LISTS:
        if name not in props:  # a read that left a list out (a walk reads no keys) gets none back
            continue
        joined: list[str] = []
        for row in rows:
            joined.extend(row.get(name) or [])
        joined.extend(props.get(name) or [])
        whole[name] = joined
    return whole


def layout(
    rtype: str, src: str, dst: str, props: Mapping[str, Any], keep: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A whole fact (as :func:`hydrate` gives) cut into what it keeps inline, with its counters, and its archive rows.
    A fact that fits inline gets counters of 0."""
    length = len(props.get("evidence_keys") or [])
    moved = due(length, keep)
    inline = {k: v for k, v in props.items() if k not in (ARCHIVED, ARCHIVE_ROWS)}
    prefix = fact_hash(rtype, src, dst, props.get("key"))
    rows: list[dict[str, Any]] = []
    for start in range(0, moved, ROW_SPANS):
        end = min(start + ROW_SPANS, moved)
        seq = len(rows) + 1
        rows.append(
            {
                "id": f"{prefix}#{seq}",
                "fact": prefix,
                "src": src,
                "dst": dst,
                "seq": seq,
                **{name: list((props.get(name) or [])[start:end]) for name in LISTS},
            }
        )
    for name in LISTS:
        inline[name] = list((props.get(name) or [])[moved:])
    inline[ARCHIVED] = moved
    inline[ARCHIVE_ROWS] = len(rows)
    return inline, rows


def new_items_only(keys: Sequence[str], new_items: Any) -> bool:
    """Whether every evidence key (``item:start:end``) names an item created by the batch being written: such spans
    cannot be in any stored archive row, so a hub fact takes them without its rows being read."""
    return all(k.split(":", 1)[0] in new_items for k in keys)


#: a fact as the reads carry it: (src, dst, type, props)
Fact = tuple[str, str, str, dict[str, Any]]


def whole_facts(facts: Iterable[Fact], read_rows: Callable[[list[str]], Mapping[str, Mapping[str, Any]]]) -> list[Fact]:
    """The facts with their whole evidence: the archive rows of those that have some read by ``read_rows`` (ids ->
    the rows' lists; one call for all) and put before their inline lists; the others returned as they are."""
    facts = list(facts)
    wanted = {
        i: archive_ids(rtype, src, dst, props.get("key"), rows_of(props))
        for i, (src, dst, rtype, props) in enumerate(facts)
        if rows_of(props)
    }
    if not wanted:
        return facts
    rows = read_rows([x for ids in wanted.values() for x in ids])
    out = list(facts)
    for i, ids in wanted.items():
        src, dst, rtype, props = facts[i]
        out[i] = (src, dst, rtype, hydrate(props, [rows[x] for x in ids if x in rows]))
    return out


def row_ids(facts: Iterable[tuple[str, str, str, Mapping[str, Any]]]) -> list[str]:
    """The archive row ids of stored facts (src, dst, type, props)."""
    return [
        x for src, dst, rtype, props in facts for x in archive_ids(rtype, src, dst, props.get("key"), rows_of(props))
    ]
