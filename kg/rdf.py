"""Extraction records to RDF (against ``ontology/kg.ttl``) and back.

Every fact is written twice (see the ontology's header): a direct triple for SPARQL users and a ``kg:Fact`` node with
one ``kg:Evidence`` node per supporting sentence. :func:`from_graph` reads the second form, so the mapping is an exact
round trip: ``to_graph(from_graph(to_graph(x)))`` is isomorphic to ``to_graph(x)``.

Speed: triples are collected in a list and added with one ``addN`` call, and IRIs and literals are built once per
value; rdflib's per-call overhead in ``Graph.add`` is the main cost otherwise.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from rdflib import OWL, RDF, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from kg.ids import normalize_name
from kg.model import ENTITY_TYPES, PREDICATES, Entity, Evidence, Extraction, ImportBatch, Mention, NewsItem, Relation
from kg.rdf_terms import (
    ID,
    IDENTIFIER_PROPERTIES,
    KG,
    PREFIXES,
    iri,
    load_ontology,
    load_shapes,
    local_id,
    same_as,
)

__all__ = [
    "to_graph",
    "to_triples",
    "from_graph",
    "batches_from_graph",
    "date_literal",
    "load_ontology",
    "load_shapes",
    "new_graph",
]

Triple = tuple[Node, Node, Node]

# rdflib's RDF/XSD/OWL namespaces resolve each attribute in Python (~4 µs); the mapping reads them per triple
_TYPE, _SAME_AS, _ANY_URI = RDF.type, OWL.sameAs, XSD.anyURI
_CLASS = {t: KG[t] for t in ENTITY_TYPES}
_PREDICATE = {p: KG[p] for p in PREDICATES}
_TYPE_OF_CLASS = {v: k for k, v in _CLASS.items()}
_SCHEME_OF_PROPERTY = {v: k for k, v in IDENTIFIER_PROPERTIES.items()}
_ITEM_FIELDS: tuple[tuple[str, URIRef], ...] = (
    ("source", KG.source),
    ("section", KG.section),
    ("file", KG.file),
    ("parent_title", KG.parentTitle),
)
_DATE_TYPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)


@functools.lru_cache(maxsize=65_536)
def cached_literal(value: str | int) -> Literal:
    """A plain or integer literal, shared: spans, years, names, surface forms and extractor versions repeat across a
    batch, and building an rdflib Literal costs more than the triple that holds it."""
    return Literal(value)


@functools.lru_cache(maxsize=4096)
def date_literal(value: str) -> Literal:
    """An ISO date, year-month or year as a typed literal; anything else stays a plain string (and SHACL flags it)."""
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound (so Turtle output is readable)."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _sha12(text: str) -> str:
    """:func:`kg.rdf_terms.digest` of parts already joined (the f-strings here write exactly what it joins: its
    cost per fact, evidence record and mention was the generic joining; tests/kg/test_rdf.py holds them equal)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _minted(local: str) -> URIRef:
    """The IRI of a fact, evidence record or mention: built each time, not through :func:`kg.rdf_terms.iri`'s cache,
    which ~25 of these per item would churn, evicting the entity IRIs that recur across items."""
    return URIRef(_ID + local)


_ID = str(ID)


def fact_iri(relation: Relation) -> URIRef:
    """The IRI of the fact a relation states: the same (subject, predicate, object, role, year) from any item."""
    r = relation
    role, year = r.role or "", "" if r.year is None else r.year
    return _minted("fact-" + _sha12(f"{r.subject}\x1f{r.predicate}\x1f{r.object}\x1f{role}\x1f{year}"))


def evidence_iri(fact: URIRef, ev: Evidence) -> URIRef:
    """The IRI of one evidence record of a fact."""
    date, batch, version = ev.item_date or "", ev.batch_id or "", ev.extractor_version
    text = f"{fact}\x1f{ev.item_id}\x1f{date}\x1f{ev.start}\x1f{ev.end}\x1f{ev.sentence}\x1f{version}\x1f{batch}"
    return _minted("evidence-" + _sha12(text))


def _item_triples(item: NewsItem, out: list[Triple]) -> URIRef:
    node = iri(item.id)
    out += [
        (node, _TYPE, KG.NewsItem),
        (node, KG.title, Literal(item.title)),
        (node, KG.text, Literal(item.text)),
        (node, KG.lang, cached_literal(item.lang)),
    ]
    if item.date is not None:
        out.append((node, KG.date, date_literal(item.date)))
    if item.url is not None:
        out.append((node, KG.url, Literal(item.url, datatype=_ANY_URI)))
    for field, prop in _ITEM_FIELDS:
        value = getattr(item, field)
        if value is not None:
            out.append((node, prop, Literal(value)))
    return node


def _entity_triples(
    entity: Entity, item_node: URIRef, names: dict[str, str], out: list[Triple], emitted: set[tuple[object, ...]]
) -> None:
    node = iri(entity.id)
    out.append((item_node, KG.mentions, node))
    own = (entity.id, entity.type, entity.name, *entity.aliases, None, *entity.labels.items(), None)
    own += tuple(entity.identifiers.items())
    if own in emitted:
        # an entity several items of the call mention alike: its own triples are out already, only the mentions differ
        _mention_triples(entity, node, item_node, out)
        return
    emitted.add(own)
    # typed kg:Entity too, so shapes check "any entity" with one sh:class instead of a nested sh:or per value
    out += [(node, _TYPE, _CLASS[entity.type]), (node, _TYPE, KG.Entity)]
    # One canonical name per id: the first one seen wins, and a later spelling of the same normalised name is kept
    # as an alias. A different normalised name on the same id (a hash collision or a resolver bug) is written as a
    # second name, so SHACL (kgsh:Name, at most one) reports it instead of it being merged silently.
    first = names.setdefault(entity.id, entity.name)
    same = entity.name == first or normalize_name(entity.name) == normalize_name(first)
    out.append((node, KG.name, cached_literal(first if same else entity.name)))
    if entity.name != first and same:
        out.append((node, KG.alias, cached_literal(entity.name)))
    out += [(node, KG.alias, cached_literal(a)) for a in entity.aliases]
    out += [(node, KG.label, Literal(v, lang=lang)) for lang, v in entity.labels.items()]
    for scheme, value in entity.identifiers.items():
        prop = IDENTIFIER_PROPERTIES.get(scheme)
        if prop is None:
            out.append((node, KG.identifier, Literal(f"{scheme}:{value}")))
            continue
        out.append((node, prop, Literal(value)))
        target = same_as(scheme, value)
        if target is not None:
            out.append((node, _SAME_AS, target))
    _mention_triples(entity, node, item_node, out)


def _mention_triples(entity: Entity, node: URIRef, item_node: URIRef, out: list[Triple]) -> None:
    for m in entity.mentions:
        mention = _minted("mention-" + _sha12(f"{entity.id}\x1f{item_node}\x1f{m.start}\x1f{m.end}\x1f{m.text}"))
        out += [
            (mention, _TYPE, KG.Mention),
            (mention, KG.mentionOf, node),
            (mention, KG.item, item_node),
            (mention, KG.spanStart, cached_literal(m.start)),
            (mention, KG.spanEnd, cached_literal(m.end)),
            (mention, KG.surfaceForm, cached_literal(m.text)),
        ]


def _relation_triples(r: Relation, out: list[Triple], sentences: dict[str, Literal]) -> None:
    subject, obj, predicate = iri(r.subject), iri(r.object), _PREDICATE[r.predicate]
    fact = fact_iri(r)
    out += [
        (subject, predicate, obj),
        (fact, _TYPE, KG.Fact),
        (fact, KG.subject, subject),
        (fact, KG.predicate, predicate),
        (fact, KG.object, obj),
    ]
    if r.role is not None:
        out.append((fact, KG.role, cached_literal(r.role)))
    if r.year is not None:
        out.append((fact, KG.year, cached_literal(r.year)))
    ev = r.evidence
    node = evidence_iri(fact, ev)
    out += [
        (fact, KG.evidence, node),
        (node, _TYPE, KG.Evidence),
        (node, KG.item, iri(ev.item_id)),
        (node, KG.spanStart, cached_literal(ev.start)),
        (node, KG.spanEnd, cached_literal(ev.end)),
        (node, KG.sentence, sentences.get(ev.sentence) or sentences.setdefault(ev.sentence, Literal(ev.sentence))),
        (node, KG.extractorVersion, cached_literal(ev.extractor_version)),
    ]
    if ev.item_date is not None:
        out.append((node, KG.itemDate, date_literal(ev.item_date)))
    if ev.batch_id is not None:
        out.append((node, KG.batch, iri(ev.batch_id)))


def _batch_triples(batch: ImportBatch, out: list[Triple]) -> None:
    node = iri(batch.id)
    out += [
        (node, RDF.type, KG.ImportBatch),
        (node, KG.createdAt, Literal(batch.created_at.isoformat(), datatype=XSD.dateTime)),
        (node, KG.status, Literal(batch.status)),
        (node, KG.counts, Literal(json.dumps(batch.counts, sort_keys=True), datatype=RDF.JSON)),
        (node, KG.validationSummary, Literal(batch.validation.model_dump_json(), datatype=RDF.JSON)),
    ]
    out += [(node, KG.sourcePath, Literal(s)) for s in batch.sources]


def to_triples(extractions: Iterable[Extraction], batch: ImportBatch | None = None) -> list[Triple]:
    """The triples of extraction records (and optionally their import batch), without building a graph: validation
    indexes them itself (:class:`kg.triple_index.TripleIndex`), which costs a fraction of adding them to a Graph."""
    out: list[Triple] = []
    names: dict[str, str] = {}
    sentences: dict[str, Literal] = {}  # the relations read from one sentence share its literal
    emitted: set[tuple[object, ...]] = set()  # entities whose own triples are out already, as they were written
    for extraction in extractions:
        item_node = _item_triples(extraction.item, out)
        for entity in extraction.entities:
            _entity_triples(entity, item_node, names, out, emitted)
        for relation in extraction.relations:
            _relation_triples(relation, out, sentences)
    if batch is not None:
        _batch_triples(batch, out)
    return out


def to_graph(extractions: Iterable[Extraction], batch: ImportBatch | None = None, graph: Graph | None = None) -> Graph:
    """Map extraction records (and optionally their import batch) to RDF; adds to ``graph`` when one is given."""
    target = graph if graph is not None else new_graph()
    # straight to the store: Graph.addN re-checks every term's type, and these were all built above
    target.store.addN((s, p, o, target) for s, p, o in to_triples(extractions, batch))
    return target


# ------------------------------------------------------------------------------------------------------ RDF → model


def _str(value: Node | None) -> str | None:
    return None if value is None else str(value)


def _int(value: Node | None) -> int:
    """An integer literal's value (0 when absent: SHACL reports missing spans before anyone reads them back)."""
    return int(value.toPython()) if isinstance(value, Literal) else 0


def _entity_from(graph: Graph, node: Node) -> Entity | None:
    types = [c for c in graph.objects(node, RDF.type) if isinstance(c, URIRef)]
    entity_type = next((_TYPE_OF_CLASS[c] for c in types if c in _TYPE_OF_CLASS), None)
    name = graph.value(node, KG.name)
    if entity_type is None or name is None:
        return None
    identifiers: dict[str, str] = {}
    for prop, value in graph.predicate_objects(node):
        scheme = _SCHEME_OF_PROPERTY.get(prop)  # type: ignore[call-overload]
        if scheme is not None:
            identifiers[scheme] = str(value)
        elif prop == KG.identifier:
            key, _, rest = str(value).partition(":")
            identifiers[key] = rest
    return Entity(
        id=local_id(node),
        type=entity_type,
        name=str(name),
        aliases=sorted(str(a) for a in graph.objects(node, KG.alias)),
        labels={o.language: str(o) for o in graph.objects(node, KG.label) if isinstance(o, Literal) and o.language},
        identifiers=dict(sorted(identifiers.items())),
    )


def _item_from(graph: Graph, node: Node) -> NewsItem:
    data: dict[str, Any] = {
        "id": local_id(node),
        "title": _str(graph.value(node, KG.title)) or "",
        "text": _str(graph.value(node, KG.text)) or "",
        "date": _str(graph.value(node, KG.date)),
        "url": _str(graph.value(node, KG.url)),
        "lang": _str(graph.value(node, KG.lang)) or "zh",
    }
    for field, prop in _ITEM_FIELDS:
        data[field] = _str(graph.value(node, prop))
    return NewsItem(**data)


def _relations_by_item(graph: Graph) -> dict[str, list[Relation]]:
    by_item: dict[str, list[Relation]] = defaultdict(list)
    for fact in graph.subjects(RDF.type, KG.Fact):
        subject, predicate, obj = (graph.value(fact, p) for p in (KG.subject, KG.predicate, KG.object))
        if subject is None or predicate is None or obj is None:
            continue
        role, year = graph.value(fact, KG.role), graph.value(fact, KG.year)
        for ev in graph.objects(fact, KG.evidence):
            item = graph.value(ev, KG.item)
            if item is None:
                continue
            batch = graph.value(ev, KG.batch)
            evidence = Evidence(
                item_id=local_id(item),
                item_date=_str(graph.value(ev, KG.itemDate)),
                start=_int(graph.value(ev, KG.spanStart)),
                end=_int(graph.value(ev, KG.spanEnd)),
                sentence=_str(graph.value(ev, KG.sentence)) or "",
                extractor_version=_str(graph.value(ev, KG.extractorVersion)) or "",
                batch_id=None if batch is None else local_id(batch),
            )
            by_item[evidence.item_id].append(
                Relation(
                    subject=local_id(subject),
                    predicate=str(predicate)[len(str(KG)) :],
                    object=local_id(obj),
                    role=_str(role),
                    year=None if year is None else _int(year),
                    evidence=evidence,
                )
            )
    return by_item


def _mentions_by_item_entity(graph: Graph) -> dict[tuple[str, str], list[Mention]]:
    out: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for node in graph.subjects(RDF.type, KG.Mention):
        entity, item = graph.value(node, KG.mentionOf), graph.value(node, KG.item)
        if entity is None or item is None:
            continue
        out[(local_id(item), local_id(entity))].append(
            Mention(
                start=_int(graph.value(node, KG.spanStart)),
                end=_int(graph.value(node, KG.spanEnd)),
                text=_str(graph.value(node, KG.surfaceForm)) or "",
            )
        )
    return out


def from_graph(graph: Graph) -> list[Extraction]:
    """Read extraction records back from RDF made by :func:`to_graph` (one per news item, sorted by item id).

    Entities carry everything the graph says about them (names from all items), their mentions in that item only.
    """
    relations = _relations_by_item(graph)
    mentions = _mentions_by_item_entity(graph)
    entity_cache: dict[Node, Entity | None] = {}
    records: list[Extraction] = []
    for item_node in sorted(graph.subjects(RDF.type, KG.NewsItem), key=str):
        item = _item_from(graph, item_node)
        entities: list[Entity] = []
        for node in sorted(graph.objects(item_node, KG.mentions), key=str):
            if node not in entity_cache:
                entity_cache[node] = _entity_from(graph, node)
            entity = entity_cache[node]
            if entity is not None:
                found = sorted(mentions.get((item.id, entity.id), []), key=lambda m: (m.start, m.end, m.text))
                entities.append(entity.model_copy(update={"mentions": found}))
        rels = sorted(
            relations.get(item.id, []),
            key=lambda r: (r.subject, r.predicate, r.object, r.evidence.start, r.evidence.end, r.evidence.sentence),
        )
        records.append(Extraction(item=item, entities=entities, relations=rels))
    return records


def batches_from_graph(graph: Graph) -> list[ImportBatch]:
    """Read the import batches in a graph made by :func:`to_graph` with ``batch=``."""
    batches = []
    for node in sorted(graph.subjects(RDF.type, KG.ImportBatch), key=str):
        summary = graph.value(node, KG.validationSummary)
        batches.append(
            ImportBatch(
                id=local_id(node),
                created_at=datetime.fromisoformat(str(graph.value(node, KG.createdAt))),
                sources=sorted(str(s) for s in graph.objects(node, KG.sourcePath)),
                status=str(graph.value(node, KG.status)),
                counts=json.loads(str(graph.value(node, KG.counts) or "{}")),
                validation=json.loads(str(summary)) if summary is not None else {},
            )
        )
    return batches
