"""Shared row logic of both stores: extraction records to property rows, rows merged with what is stored, rows back
to the project's models.

Both stores keep exactly these properties (see ``kg.store.schema``), and both merge a new row into a stored one with
the same functions here, so that idempotency, evidence de-duplication and rollback mean the same thing in both.

Conventions:
- a fact is (subject, predicate, object, role, year); ``key`` = ``role|year`` makes it unique between two nodes;
- ``evidence``, ``evidence_keys`` (``item_id:start:end``) and ``evidence_batches`` (space-separated batch ids) are
  parallel lists: evidence identity is (fact, key), and a re-applied evidence only gains a batch id;
- ``collaboratedWith`` is stored once per unordered pair, the smaller id as source.
"""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter

from kg.errors import StoreError, UsageError
from kg.ids import TYPE_PREFIX, normalize_name
from kg.model import (
    SYMMETRIC_PREDICATES,
    Entity,
    Evidence,
    Extraction,
    ImportBatch,
    Mention,
    NewsItem,
    Relation,
    ValidationSummary,
)
from kg.store.base import Edge, Node
from kg.store.schema import SEARCH_RANK_BASE, SEARCH_RANK_DIGITS, SEARCH_SEP, rel_type

LABEL_OF_PREFIX: dict[str, str] = {prefix: label for label, prefix in TYPE_PREFIX.items()}


def label_of(node_id: str) -> str:
    """The label of a node from its id prefix (``researcher-...`` -> ``Researcher``)."""
    prefix = node_id.split("-", 1)[0]
    try:
        return LABEL_OF_PREFIX[prefix]
    except KeyError:
        raise UsageError(f"not a node id: {node_id!r}", id=node_id) from None


def _union(*lists: Iterable[str] | None) -> list[str]:
    """Ordered union (first occurrence wins), skipping empty strings."""
    seen: dict[str, None] = {}
    for values in lists:
        for value in values or ():
            if value:
                seen.setdefault(value, None)
    return list(seen)


def fact_key(role: str | None, year: int | None) -> str:
    """What makes a fact unique between two nodes besides its predicate."""
    return f"{role or ''}|{'' if year is None else year}"


def evidence_key(evidence: Evidence) -> str:
    """The identity of an evidence within a fact: ``item_id:start:end``."""
    return f"{evidence.item_id}:{evidence.start}:{evidence.end}"


@functools.lru_cache(maxsize=100_000)
def normalized(value: str) -> str:
    """:func:`kg.ids.normalize_name`, remembered: the same names and aliases are normalised again and again."""
    return normalize_name(value)


def search_keys(name: str, aliases: Iterable[str], labels: Mapping[str, str]) -> list[str]:
    """The normalised forms search matches against."""
    return _union([normalized(v) for v in (name, *aliases, *labels.values())])


def search_text(keys: Iterable[str]) -> str:
    """The keys as one indexable string, each wrapped in :data:`SEARCH_SEP`: a key equal to ``q`` is a substring
    ``SEP q SEP``, a key starting with ``q`` a substring ``SEP q``, so exact, prefix and substring matches are all
    ``CONTAINS`` (see :func:`search_needles`)."""
    return SEARCH_SEP + "".join(f"{k}{SEARCH_SEP}" for k in keys)


def search_needles(q_norm: str) -> dict[str, str]:
    """What ``search_text`` contains for each kind of match of a normalised query."""
    return {"exact": f"{SEARCH_SEP}{q_norm}{SEARCH_SEP}", "prefix": f"{SEARCH_SEP}{q_norm}", "substring": q_norm}


def search_rank(degree: int, name: str, node_id: str) -> str:
    """The ``search_rank`` Neo4j keeps on an entity (``kg.store.schema.search_rank_cypher`` computes it there): its
    ascending order is (degree descending, name, id)."""
    return f"{SEARCH_RANK_BASE - degree:0{SEARCH_RANK_DIGITS}d}{name}\x00{node_id}"


def rank_degree(rank: str) -> int:
    """The degree a ``search_rank`` was built from."""
    return SEARCH_RANK_BASE - int(rank[:SEARCH_RANK_DIGITS])


# --------------------------------------------------------------------------------------------------------- entities


def entity_row(entity: Entity, batch_id: str) -> dict[str, Any]:
    """Stored properties of an extracted entity (without its mentions, which become MENTIONS relationships)."""
    aliases = [a for a in _union(entity.aliases) if a != entity.name]
    return _finish_entity(
        {
            "id": entity.id,
            "name": entity.name,
            "aliases": aliases,
            "name_zh": entity.labels.get("zh"),
            "name_en": entity.labels.get("en"),
            "identifiers": json.dumps(entity.identifiers, ensure_ascii=False, sort_keys=True),
            "batches": [batch_id],
            "merged_ids": [],
        }
    )


def _finish_entity(props: dict[str, Any]) -> dict[str, Any]:
    """Recompute the derived properties (aliases_text, search_keys, search_text, identifier_values)."""
    props["aliases"] = [a for a in _union(props.get("aliases")) if a != props["name"]]
    props["aliases_text"] = " | ".join(props["aliases"])
    labels = {k: v for k, v in (("zh", props.get("name_zh")), ("en", props.get("name_en"))) if v}
    props["search_keys"] = search_keys(props["name"], props["aliases"], labels)
    props["search_text"] = search_text(props["search_keys"])
    props["identifier_values"] = sorted(set(json.loads(props.get("identifiers") or "{}").values()))
    return props


def merge_entity(stored: Mapping[str, Any] | None, new: Mapping[str, Any]) -> dict[str, Any]:
    """A new entity row merged into the stored one: the stored name, labels and identifiers win; aliases, batches and
    merged ids are united; the new row's name becomes an alias when it differs."""
    if stored is None:
        return _finish_entity(dict(new))
    identifiers = {**json.loads(new.get("identifiers") or "{}"), **json.loads(stored.get("identifiers") or "{}")}
    merged = {
        "id": stored["id"],
        "name": stored["name"],
        "aliases": _union(stored.get("aliases"), [new["name"]], new.get("aliases")),
        "name_zh": stored.get("name_zh") or new.get("name_zh"),
        "name_en": stored.get("name_en") or new.get("name_en"),
        "identifiers": json.dumps(identifiers, ensure_ascii=False, sort_keys=True),
        "batches": _union(stored.get("batches"), new.get("batches")),
        "merged_ids": _union(stored.get("merged_ids"), new.get("merged_ids")),
    }
    return _finish_entity(merged)


def absorb_entity(keep: Mapping[str, Any], drop: Mapping[str, Any]) -> dict[str, Any]:
    """``keep`` after a curator merge of ``drop`` into it: drop's name and aliases become aliases, keep's identifiers
    win on conflict, ``merged_ids`` records drop (and whatever had been merged into drop)."""
    merged = merge_entity(keep, drop)
    merged["merged_ids"] = _union(keep.get("merged_ids"), [drop["id"]], drop.get("merged_ids"))
    return merged


#: the stored properties :func:`node_from_props` reads of an entity: what a query returning many nodes projects instead
#: of every property (search keys, batches and the like are bulk nobody reads there)
NODE_FIELDS = ("id", "name", "aliases", "name_zh", "name_en", "identifiers")


def cypher_projection(var: str) -> str:
    """A Cypher map projection of :data:`NODE_FIELDS` of node variable ``var``."""
    return f"{var} {{{', '.join('.' + f for f in NODE_FIELDS)}}}"


def identifiers_of(props: Mapping[str, Any]) -> dict[str, str]:
    """An entity's stored identifiers JSON as a dict. Most entities have none (``"{}"``): no parse for those, which
    were most of the nodes of a neighbourhood and most of the JSON decoding of building it."""
    stored = props.get("identifiers")
    if not stored or stored == "{}":
        return {}
    found: dict[str, str] = json.loads(stored)
    return found


def node_from_props(label: str, props: Mapping[str, Any], **extra: Any) -> Node:
    """A stored entity (or item) as the project's :class:`Node`."""
    if label == "NewsItem":
        return Node(
            id=props["id"],
            type=label,
            name=props.get("title") or props["id"],
            properties={k: props.get(k) for k in ("date", "source", "lang", "section", "url") if props.get(k)} | extra,
        )
    labels = {k: v for k, v in (("zh", props.get("name_zh")), ("en", props.get("name_en"))) if v}
    return Node(
        id=props["id"],
        type=label,
        name=props["name"],
        aliases=list(props.get("aliases") or []),
        labels=labels,
        identifiers=identifiers_of(props),
        properties=dict(extra),
    )


# ------------------------------------------------------------------------------------------------------------ items


ITEM_FIELDS = ("id", "title", "text", "date", "source", "url", "section", "lang", "file", "parent_title")


def item_row(item: NewsItem, batch_id: str) -> dict[str, Any]:
    """Stored properties of a news item."""
    row: dict[str, Any] = item.model_dump(include=set(ITEM_FIELDS))
    row["batches"] = [batch_id]
    return row


def merge_item(stored: Mapping[str, Any] | None, new: Mapping[str, Any]) -> dict[str, Any]:
    """The stored item wins (ids are derived from content), batches are united."""
    if stored is None:
        return dict(new)
    merged = {k: stored.get(k) for k in ITEM_FIELDS}
    merged["batches"] = _union(stored.get("batches"), new.get("batches"))
    return merged


def item_from_props(props: Mapping[str, Any], with_text: bool = True) -> NewsItem:
    """A stored item as :class:`NewsItem` (text emptied when ``with_text`` is false)."""
    data = {k: props.get(k) for k in ITEM_FIELDS if props.get(k) is not None}
    data.setdefault("title", "")
    data["text"] = data.get("text", "") if with_text else ""
    return NewsItem(**data)


# ------------------------------------------------------------------------------------------------------------ facts


def fact_row(relation: Relation, batch_id: str, subject: str | None = None, obj: str | None = None) -> dict[str, Any]:
    """A fact row: endpoints (``subject``/``obj`` override the relation's, e.g. after a merge redirect; symmetric
    predicates ordered), type, key, and one evidence of this batch."""
    src, dst = subject or relation.subject, obj or relation.object
    if relation.predicate in SYMMETRIC_PREDICATES and dst < src:
        src, dst = dst, src
    ev = relation.evidence
    # plain json.dumps of the fields: the same JSON as model_dump_json, without a model copy per evidence
    evidence = {
        "item_id": ev.item_id,
        "item_date": ev.item_date,
        "start": ev.start,
        "end": ev.end,
        "sentence": ev.sentence,
        "extractor_version": ev.extractor_version,
        "batch_id": ev.batch_id or batch_id,
    }
    return {
        "src": src,
        "dst": dst,
        "type": rel_type(relation.predicate),
        "key": fact_key(relation.role, relation.year),
        "role": relation.role,
        "year": relation.year,
        "evidence": [json.dumps(evidence, ensure_ascii=False, separators=(",", ":"))],
        "evidence_keys": [f"{ev.item_id}:{ev.start}:{ev.end}"],
        "evidence_batches": [batch_id],
        "batches": [batch_id],
    }


def fact_identity(row: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """(type, src, dst, key): a fact's identity in the store."""
    return row["type"], row["src"], row["dst"], row["key"]


def merge_fact(stored: Mapping[str, Any] | None, new: Mapping[str, Any]) -> dict[str, Any]:
    """Merge a new fact row into a stored one: new evidence appended, known evidence only gains the batch ids."""
    if stored is None:
        return dict(new)
    evidence = list(stored.get("evidence") or [])
    keys = list(stored.get("evidence_keys") or [])
    ev_batches = list(stored.get("evidence_batches") or [])
    position = {k: i for i, k in enumerate(keys)}
    for ev, key, batches in zip(new["evidence"], new["evidence_keys"], new["evidence_batches"], strict=True):
        if key in position:
            i = position[key]
            ev_batches[i] = " ".join(_union(ev_batches[i].split(), batches.split()))
        else:
            position[key] = len(keys)
            evidence.append(ev)
            keys.append(key)
            ev_batches.append(batches)
    merged = dict(stored)
    merged.update(
        evidence=evidence,
        evidence_keys=keys,
        evidence_batches=ev_batches,
        batches=_union(stored.get("batches"), new.get("batches")),
    )
    return merged


class _Stored:
    """Stands for one stored evidence JSON that was not read (its position is what matters)."""

    __slots__ = ()


_STORED = _Stored()


def evidence_placeholders(props: Mapping[str, Any]) -> dict[str, Any]:
    """A stored fact as read without its evidence JSON, with a placeholder per stored evidence.

    Evidence lists of hub facts (a department part of its university, a prolific researcher's affiliation) grow with
    every batch (15k entries at 100k synthetic items); reading them back and re-sending them whole made each batch
    cost more than the last, in both stores. ``merge_fact`` only appends evidence (known evidence only gains batch ids
    in ``evidence_batches``), so the placeholders keep their places and what follows them is exactly what the store
    appends on its side (:func:`appended_evidence`)."""
    return {**props, "evidence": [_STORED] * len(props.get("evidence_keys") or [])}


def appended_evidence(stored: Mapping[str, Any], merged: Mapping[str, Any]) -> list[str]:
    """The evidence ``merge_fact`` appended to a stored fact read by :func:`evidence_placeholders`."""
    count = len(stored["evidence"])
    evidence = merged["evidence"]
    if any(e is not _STORED for e in evidence[:count]):  # a merge that rewrote stored evidence would be lost here
        raise StoreError("merge_fact changed stored evidence in place; the stores only append it")
    return list(evidence[count:])


def rollback_fact(stored: Mapping[str, Any], batch_id: str) -> dict[str, Any] | None:
    """A fact without the batch: evidence that only it supplied is dropped; None when no evidence is left."""
    kept: tuple[list[str], list[str], list[str]] = ([], [], [])
    for ev, key, batches in zip(stored["evidence"], stored["evidence_keys"], stored["evidence_batches"], strict=True):
        remaining = [b for b in batches.split() if b != batch_id]
        if remaining:
            kept[0].append(ev)
            kept[1].append(key)
            kept[2].append(" ".join(remaining))
    if not kept[0]:
        return None
    merged = dict(stored)
    merged.update(
        evidence=kept[0],
        evidence_keys=kept[1],
        evidence_batches=kept[2],
        batches=[b for b in stored.get("batches") or [] if b != batch_id],
    )
    return merged


#: a JSON array of evidence objects: many stored evidence strings parsed in one call into pydantic's core instead of
#: one call each (a neighbourhood or collaboration graph holds hundreds; the per-call overhead was most of the cost)
_EVIDENCE_ARRAY: TypeAdapter[list[Evidence]] = TypeAdapter(list[Evidence])
_EDGES: TypeAdapter[list[Edge]] = TypeAdapter(list[Edge])
_NODES: TypeAdapter[list[Node]] = TypeAdapter(list[Node])


def parse_evidence(values: Sequence[str]) -> list[Evidence]:
    """Stored evidence JSON strings as :class:`Evidence`, in order (the same models as ``model_validate_json`` of
    each)."""
    if not values:
        return []
    return _EVIDENCE_ARRAY.validate_json("[" + ",".join(values) + "]")


def evidence_list(props: Mapping[str, Any], since: str | None = None, until: str | None = None) -> list[Evidence]:
    """The evidence of a stored fact, optionally only that whose item date lies in [since, until]."""
    out = parse_evidence(props.get("evidence") or [])
    if since is None and until is None:
        return out
    return [e for e in out if in_period(e.item_date, since, until)]


def in_period(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (or YYYY-MM / YYYY) lies in [since, until]; an unknown date only passes an open period."""
    if since is None and until is None:
        return True
    if not date:
        return False
    if since and date < since[: len(date)]:
        return False
    return not (until and date[: len(until)] > until)


def edges_from_facts(facts: Sequence[tuple[str, str, str, Mapping[str, Any]]], **extra: Any) -> list[Edge]:
    """:func:`edge_from_props` of many facts (src, dst, type, props) at once: their evidence parsed in one call and
    the edges validated as one list, the same edges as one call each. A prop ``evidence_total`` becomes the edge's
    (the neighbourhood's count of evidence left out)."""
    from kg.store.schema import predicate_of

    strings: list[str] = []
    for _, _, _, props in facts:
        strings.extend(props.get("evidence") or ())
    parsed = parse_evidence(strings)
    rows: list[dict[str, Any]] = []
    at = 0
    for src, dst, rtype, props in facts:
        count = len(props.get("evidence") or ())
        row = {
            "source": src,
            "target": dst,
            "predicate": predicate_of(rtype),
            "role": props.get("role"),
            "year": props.get("year"),
            "evidence": parsed[at : at + count],
            **extra,
        }
        if "evidence_total" in props:
            row["evidence_total"] = props["evidence_total"]
        rows.append(row)
        at += count
    return _EDGES.validate_python(rows)


def nodes_from_props(nodes: Sequence[tuple[str, Mapping[str, Any]]]) -> list[Node]:
    """:func:`node_from_props` of many (label, props) entities (not items) at once, validated as one list."""
    rows: list[Node | dict[str, Any]] = []
    for label, props in nodes:
        if label == "NewsItem":  # items are rare here: the one-by-one path knows their fields
            rows.append(node_from_props(label, props))
            continue
        rows.append(
            {
                "id": props["id"],
                "type": label,
                "name": props["name"],
                "aliases": list(props.get("aliases") or []),
                "labels": {k: v for k, v in (("zh", props.get("name_zh")), ("en", props.get("name_en"))) if v},
                "identifiers": identifiers_of(props),
            }
        )
    return _NODES.validate_python(rows)


def edge_from_props(src: str, dst: str, rtype: str, props: Mapping[str, Any], **extra: Any) -> Edge:
    """A stored fact as :class:`Edge` with all its evidence (MENTIONS edges carry none)."""
    from kg.store.schema import predicate_of

    return Edge(
        source=src,
        target=dst,
        predicate=predicate_of(rtype),
        role=props.get("role"),
        year=props.get("year"),
        evidence=evidence_list(props),
        **extra,
    )


# --------------------------------------------------------------------------------------------------------- mentions


def span(mention: Mention) -> str:
    """A stored mention span: ``start:end:text``."""
    return f"{mention.start}:{mention.end}:{mention.text}"


def parse_span(value: str) -> Mention:
    """Inverse of :func:`span` (the text may contain colons)."""
    start, end, text = value.split(":", 2)
    return Mention(start=int(start), end=int(end), text=text)


def merge_mention(stored: Mapping[str, Any] | None, new: Mapping[str, Any]) -> dict[str, Any]:
    """Spans and batches united."""
    if stored is None:
        return dict(new)
    merged = dict(stored)
    merged["spans"] = _union(stored.get("spans"), new.get("spans"))
    merged["batches"] = _union(stored.get("batches"), new.get("batches"))
    return merged


# ------------------------------------------------------------------------------------------------------- the batch


@dataclass
class BatchRows:
    """A batch's records as de-duplicated rows, ready to be merged with what is stored."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> row (row["label"] is the label)
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (item, entity) -> row
    facts: dict[tuple[str, str, str, str], dict[str, Any]] = field(default_factory=dict)

    def entities_by_label(self) -> dict[str, list[dict[str, Any]]]:
        """Entity rows grouped by label."""
        out: dict[str, list[dict[str, Any]]] = {}
        for row in self.entities.values():
            out.setdefault(row["label"], []).append(row)
        return out

    def facts_by_type(self) -> dict[str, list[dict[str, Any]]]:
        """Fact rows grouped by relationship type."""
        out: dict[str, list[dict[str, Any]]] = {}
        for row in self.facts.values():
            out.setdefault(row["type"], []).append(row)
        return out


def prepare_batch(
    batch_id: str, records: Iterable[Extraction], redirects: Mapping[str, str] | None = None
) -> BatchRows:
    """Rows of a batch: entities united across items, evidence de-duplicated, merged-away ids redirected to the
    entity that absorbed them (``redirects``: dropped id -> kept id). Self-loops created by redirects are dropped."""
    redirects = redirects or {}
    rows = BatchRows()

    def resolve(node_id: str) -> str:
        return redirects.get(node_id, node_id)

    # entities are accumulated cheaply and finished (search keys, identifiers JSON) once per id at the end
    acc: dict[str, dict[str, Any]] = {}
    for record in records:
        item = item_row(record.item, batch_id)
        iid = item["id"]
        rows.items[iid] = merge_item(rows.items.get(iid), item) if iid in rows.items else item
        for entity in record.entities:
            target = resolve(entity.id)
            got = acc.get(target)
            if got is None:
                got = acc[target] = {
                    "id": target,
                    "label": label_of(target) if target != entity.id else entity.type,
                    "name": entity.name,
                    "aliases": {},
                    "labels": {},
                    "identifiers": {},
                }
            elif entity.name != got["name"]:
                got["aliases"][entity.name] = None
            for alias in entity.aliases:
                got["aliases"][alias] = None
            for lang, value in entity.labels.items():
                got["labels"].setdefault(lang, value)
            for scheme, value in entity.identifiers.items():
                got["identifiers"].setdefault(scheme, value)
            if entity.mentions:
                mkey = (iid, target)
                spans = [span(m) for m in entity.mentions]
                if mkey in rows.mentions:
                    rows.mentions[mkey]["spans"] = _union(rows.mentions[mkey]["spans"], spans)
                else:
                    rows.mentions[mkey] = {
                        "item": iid,
                        "entity": target,
                        "label": got["label"],
                        "spans": spans,
                        "batches": [batch_id],
                    }
        for relation in record.relations:
            subject, obj = resolve(relation.subject), resolve(relation.object)
            if subject == obj:
                continue
            row = fact_row(relation, batch_id, subject, obj)
            fid = fact_identity(row)
            rows.facts[fid] = merge_fact(rows.facts[fid], row) if fid in rows.facts else row
    for target, got in acc.items():
        finished = _finish_entity(
            {
                "id": target,
                "name": got["name"],
                "aliases": list(got["aliases"]),
                "name_zh": got["labels"].get("zh"),
                "name_en": got["labels"].get("en"),
                "identifiers": json.dumps(got["identifiers"], ensure_ascii=False, sort_keys=True),
                "batches": [batch_id],
                "merged_ids": [],
            }
        )
        finished["label"] = got["label"]
        rows.entities[target] = finished
    for row in rows.facts.values():
        row["src_label"] = rows.entities[row["src"]]["label"] if row["src"] in rows.entities else label_of(row["src"])
        row["dst_label"] = rows.entities[row["dst"]]["label"] if row["dst"] in rows.entities else label_of(row["dst"])
    return rows


# ------------------------------------------------------------------------------------------------- batches (nodes)


def batch_row(batch: ImportBatch) -> dict[str, Any]:
    """Stored properties of an import batch (counts and validation as JSON)."""
    return {
        "id": batch.id,
        "created_at": batch.created_at.isoformat(),
        "sources": list(batch.sources),
        "status": batch.status,
        "counts": json.dumps(batch.counts, sort_keys=True),
        "validation": batch.validation.model_dump_json(),
    }


def batch_from_props(props: Mapping[str, Any]) -> ImportBatch:
    """A stored batch node as :class:`ImportBatch`."""
    return ImportBatch(
        id=props["id"],
        created_at=props["created_at"],
        sources=list(props.get("sources") or []),
        status=props.get("status") or "pending",
        counts=json.loads(props.get("counts") or "{}"),
        validation=ValidationSummary.model_validate_json(props.get("validation") or "{}"),
    )


# ------------------------------------------------------------------------------------------------ back to records


def group_extractions(
    items: Mapping[str, Mapping[str, Any]],
    entities: Mapping[str, tuple[str, Mapping[str, Any]]],
    mentions: Iterable[tuple[str, str, Sequence[str]]],
    facts: Iterable[tuple[str, str, str, Mapping[str, Any]]],
) -> list[Extraction]:
    """Stored rows back as extraction records, one per item (ordered by item id).

    ``items``: item id -> props; ``entities``: id -> (label, props); ``mentions``: (item id, entity id, spans);
    ``facts``: (src, dst, type, props). An entity belongs to an item's record when the item mentions it or one of the
    item's relations touches it; each relation appears once per evidence, in the record of that evidence's item.
    """
    from kg.store.schema import predicate_of

    by_item: dict[str, dict[str, Any]] = {iid: {"entities": {}, "relations": []} for iid in items}

    def entity_for(item: str, entity_id: str) -> Entity | None:
        if entity_id not in entities:
            return None
        bucket = by_item[item]["entities"]
        if entity_id not in bucket:
            label, props = entities[entity_id]
            node = node_from_props(label, props)
            bucket[entity_id] = Entity(
                id=node.id,
                type=label,
                name=node.name,
                aliases=node.aliases,
                labels=node.labels,
                identifiers=node.identifiers,
            )
        entity: Entity = bucket[entity_id]
        return entity

    for item, entity_id, spans in mentions:
        if item in by_item and (entity := entity_for(item, entity_id)) is not None:
            entity.mentions = sorted(
                {(m.start, m.end): m for m in [*entity.mentions, *map(parse_span, spans)]}.values(),
                key=lambda m: (m.start, m.end),
            )
    for src, dst, rtype, props in facts:
        for evidence in evidence_list(props):
            if evidence.item_id not in by_item:
                continue
            entity_for(evidence.item_id, src)
            entity_for(evidence.item_id, dst)
            by_item[evidence.item_id]["relations"].append(
                Relation(
                    subject=src,
                    predicate=predicate_of(rtype),
                    object=dst,
                    role=props.get("role"),
                    year=props.get("year"),
                    evidence=evidence,
                )
            )
    out = []
    for iid in sorted(by_item):
        bucket = by_item[iid]
        relations = sorted(bucket["relations"], key=lambda r: (r.evidence.start, r.subject, r.predicate, r.object))
        out.append(
            Extraction(
                item=item_from_props(items[iid]),
                entities=sorted(bucket["entities"].values(), key=lambda e: e.id),
                relations=relations,
            )
        )
    return out


# ----------------------------------------------------------------------------------------------------------- search


def encode_cursor(offset: int) -> str:
    """An opaque cursor for an offset."""
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset of a cursor (0 for none); a malformed cursor is a usage error."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        tag, value = raw.split(":", 1)
        offset = int(value)
        if tag != "o" or offset < 0:
            raise ValueError(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise UsageError(f"malformed cursor: {cursor!r}", cursor=cursor) from exc
    return offset
