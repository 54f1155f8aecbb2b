"""The logical graph both stores hold, generated from the ontology (``ontology/kg.ttl``).

The ontology says which classes exist and which object properties link which classes (``rdfs:domain`` /
``rdfs:range``, unions via ``owl:unionOf``). This module turns that into a plain description - node labels with their
properties, relationship types (UPPER_SNAKE of the property) with their (from, to) label pairs and properties - from
which each store generates its DDL (Neo4j constraints and indexes here, LadybugDB tables in ``kg.store.ladybug``), so
the schema is not written twice by hand.

Until the ontology file exists (or when it cannot be read) the description falls back to the pairs implied by
``kg.model``; :data:`GraphSchema.source` says which one was used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.model import ENTITY_TYPES, PREDICATES
from kg.store.records_archive import ARCHIVE_LABEL, ARCHIVE_PROPERTIES

ONTOLOGY_NS = "https://w3id.org/science-news-kg/ontology#"
DEFAULT_ONTOLOGY = Path(__file__).resolve().parent.parent.parent / "ontology" / "kg.ttl"

#: property name -> type, in LadybugDB spelling (Neo4j is schemaless for properties; it only uses the names)
ENTITY_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "name": "STRING",
    "aliases": "STRING[]",
    # aliases joined by " | ": Neo4j full-text indexes cannot index list properties
    "aliases_text": "STRING",
    "name_zh": "STRING",
    "name_en": "STRING",
    # normalised name, aliases and labels: the keys search matches against (kg.ids.normalize_name)
    "search_keys": "STRING[]",
    "identifiers": "STRING",  # JSON object scheme -> value
    "identifier_values": "STRING[]",
    "batches": "STRING[]",
    "merged_ids": "STRING[]",
    # the search keys as one string, each key preceded and followed by SEARCH_SEP: Neo4j text indexes serve CONTAINS
    # on a string property, not on a list (kept last: an older LadybugDB table gains it by ALTER, at the end)
    "search_text": "STRING",
}
#: separator of ``search_text``; normalised keys never contain it (kg.ids.normalize_name collapses whitespace)
SEARCH_SEP = "\n"
ITEM_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "title": "STRING",
    "text": "STRING",
    "date": "STRING",
    "source": "STRING",
    "url": "STRING",
    "section": "STRING",
    "lang": "STRING",
    "file": "STRING",
    "parent_title": "STRING",
    "batches": "STRING[]",
}
BATCH_PROPERTIES: dict[str, str] = {
    "id": "STRING",
    "created_at": "STRING",
    "sources": "STRING[]",
    "status": "STRING",
    "counts": "STRING",  # JSON
    "validation": "STRING",  # JSON
}
#: properties of every fact relationship; ``key`` = role|year makes (subject, predicate, object, role, year) unique
FACT_PROPERTIES: dict[str, str] = {
    "key": "STRING",
    "role": "STRING",
    "year": "INT64",
    "evidence": "STRING[]",  # JSON of kg.model.Evidence, one per supporting span
    "evidence_keys": "STRING[]",  # item_id:start:end, parallel to evidence
    "evidence_batches": "STRING[]",  # space-separated batch ids per evidence, parallel to evidence
    "batches": "STRING[]",
    # a hub fact's older spans live in archive rows (kg.store.records_archive): how many spans, in how many rows
    "archived": "INT64",
    "archive_rows": "INT64",
}
MENTION_PROPERTIES: dict[str, str] = {
    "spans": "STRING[]",  # "start:end:text"
    "batches": "STRING[]",
}

ITEM_LABEL = "NewsItem"
BATCH_LABEL = "ImportBatch"
MENTIONS = "MENTIONS"

# Fallback domain/range when the ontology is not there yet: what the extractors produce.
_FALLBACK_PAIRS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "affiliatedWith": (("Researcher", "Institution"), ("Institution",)),
    "authorOf": (("Researcher", "Institution"), ("Publication",)),
    "publishedIn": (("Publication",), ("Journal",)),
    "fundedBy": (("Researcher", "Institution", "Publication", "Award"), ("Funder",)),
    "received": (("Researcher", "Institution"), ("Award",)),
    "partOf": (("Institution",), ("Institution",)),
    "collaboratedWith": (("Researcher", "Institution"), ("Researcher", "Institution")),
}


def rel_type(predicate: str) -> str:
    """The relationship type of an ontology property: ``affiliatedWith`` -> ``AFFILIATED_WITH``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", predicate).upper()


@lru_cache(maxsize=256)
def predicate_of(rel: str) -> str:
    """The ontology property of a relationship type: ``AFFILIATED_WITH`` -> ``affiliatedWith``.

    Memoised: a neighbourhood names a predicate for each of its hundreds of edges, from a dozen types."""
    head, *rest = rel.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


@dataclass(frozen=True)
class NodeSpec:
    """A node label and its properties (``id`` is the primary key)."""

    label: str
    properties: dict[str, str]


@dataclass(frozen=True)
class RelSpec:
    """A relationship type, the ontology property it comes from, the (from, to) label pairs and its properties."""

    type: str
    predicate: str
    pairs: tuple[tuple[str, str], ...]
    properties: dict[str, str]
    symmetric: bool = False


@dataclass(frozen=True)
class GraphSchema:
    """The logical graph: entity labels, item and batch labels, fact relationship types and MENTIONS."""

    entity_labels: tuple[str, ...]
    nodes: dict[str, NodeSpec]
    rels: dict[str, RelSpec]
    source: str = field(default="model", compare=False)

    def rel_for(self, predicate: str) -> RelSpec:
        """The relationship spec of an ontology property (``affiliatedWith``)."""
        return self.rels[rel_type(predicate)]

    @property
    def fact_types(self) -> tuple[str, ...]:
        """Relationship types of facts (every type except MENTIONS)."""
        return tuple(t for t in self.rels if t != MENTIONS)


def _pairs(domain: tuple[str, ...], rng: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a in domain for b in rng)


def _from_ontology(path: Path) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]] | None:
    """Domain and range classes of each object property in the ontology, or None if it cannot be read."""
    try:
        from rdflib import OWL, RDF, RDFS, Graph, Namespace
        from rdflib.collection import Collection
    except ImportError:  # pragma: no cover - rdflib is a hard dependency
        return None
    if not path.exists():
        return None
    graph = Graph()
    try:
        graph.parse(path)
    except Exception:  # a half-written ontology must not break the store; the fallback is the model
        return None
    ns = Namespace(ONTOLOGY_NS)

    def classes(node: Any) -> tuple[str, ...]:
        union = graph.value(node, OWL.unionOf)
        members = list(Collection(graph, union)) if union is not None else [node]
        return tuple(str(m).removeprefix(ONTOLOGY_NS) for m in members if str(m).startswith(ONTOLOGY_NS))

    found: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for predicate in PREDICATES:
        prop = ns[predicate]
        if (prop, RDF.type, None) not in graph:
            continue
        domain = tuple(c for d in graph.objects(prop, RDFS.domain) for c in classes(d))
        rng = tuple(c for r in graph.objects(prop, RDFS.range) for c in classes(r))
        if domain and rng:
            found[predicate] = (domain, rng)
    return found or None


def build_schema(ontology: Path | None = None) -> GraphSchema:
    """Build the schema from the ontology at ``ontology`` (default ``ontology/kg.ttl``), falling back to the model."""
    found = _from_ontology(ontology or DEFAULT_ONTOLOGY)
    source = "ontology" if found else "model"
    pairs_by_predicate = dict(_FALLBACK_PAIRS)
    if found:
        for predicate, (domain, rng) in found.items():
            # keep only labels the store knows; an ontology class such as Person maps to nothing here
            domain = tuple(d for d in domain if d in ENTITY_TYPES)
            rng = tuple(r for r in rng if r in ENTITY_TYPES)
            if domain and rng:
                pairs_by_predicate[predicate] = (domain, rng)
    nodes: dict[str, NodeSpec] = {label: NodeSpec(label, dict(ENTITY_PROPERTIES)) for label in ENTITY_TYPES}
    nodes[ITEM_LABEL] = NodeSpec(ITEM_LABEL, dict(ITEM_PROPERTIES))
    nodes[BATCH_LABEL] = NodeSpec(BATCH_LABEL, dict(BATCH_PROPERTIES))
    nodes[ARCHIVE_LABEL] = NodeSpec(ARCHIVE_LABEL, dict(ARCHIVE_PROPERTIES))
    rels: dict[str, RelSpec] = {}
    for predicate in PREDICATES:
        domain, rng = pairs_by_predicate[predicate]
        rels[rel_type(predicate)] = RelSpec(
            rel_type(predicate),
            predicate,
            _pairs(domain, rng),
            dict(FACT_PROPERTIES),
            symmetric=predicate == "collaboratedWith",
        )
    rels[MENTIONS] = RelSpec(MENTIONS, "mentions", _pairs((ITEM_LABEL,), ENTITY_TYPES), dict(MENTION_PROPERTIES))
    return GraphSchema(entity_labels=ENTITY_TYPES, nodes=nodes, rels=rels, source=source)


@lru_cache(maxsize=4)
def get_schema(ontology: Path | None = None) -> GraphSchema:
    """The schema, built once per process (per ontology path)."""
    return build_schema(ontology)


FULLTEXT_INDEX = "entity_names"


def search_index(label: str) -> str:
    """Name of the Neo4j text index on ``search_text`` of an entity label."""
    return f"{label.lower()}_search_text"


#: Neo4j only: the search order of an entity as one string, ``SEARCH_RANK_BASE - degree`` in ten digits, the name,
#: NUL, the id, so that ascending order of the string is search's order within a tier (degree descending, then name,
#: then id; NUL sorts below every character, so a name sorts before its extensions). Search sorts its candidates by
#: this one stored value instead of counting each candidate's relationships (see ``kg.store.neo4j_reads``). Kept by
#: every write (``kg.store.neo4j_write.refresh_search_rank``); LadybugDB counts degrees when it searches and has no
#: such property.
SEARCH_RANK = "search_rank"
SEARCH_RANK_BASE = 9_999_999_999
SEARCH_RANK_DIGITS = 10


def degree_cypher(var: str) -> str:
    """The degree search ranks by, as Cypher: every relationship but MENTIONS (an entity has no other kinds), two
    counter lookups on a dense node instead of one walk per fact type."""
    return f"COUNT {{ ({var})--() }} - COUNT {{ ({var})<-[:{MENTIONS}]-() }}"


def search_rank_cypher(var: str) -> str:
    """A Cypher expression of the current :data:`SEARCH_RANK` of the entity bound to ``var``."""
    degree = degree_cypher(var)
    return f"toString({SEARCH_RANK_BASE} - ({degree})) + {var}.name + '\\u0000' + {var}.id"


def neo4j_ddl(schema: GraphSchema) -> list[str]:
    """Neo4j constraints and indexes: a unique id per label, range indexes on names, a text index on ``search_text``
    per entity label (substring and prefix search), one CJK full-text index over names and aliases. Every statement is
    idempotent (``IF NOT EXISTS``)."""
    statements: list[str] = []
    for label in schema.nodes:
        statements.append(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
    for label in schema.entity_labels:
        low = label.lower()
        statements.append(f"CREATE INDEX {low}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)")
        statements.append(f"CREATE TEXT INDEX {search_index(label)} IF NOT EXISTS FOR (n:{label}) ON (n.search_text)")
    statements.append(f"CREATE INDEX {ITEM_LABEL.lower()}_date IF NOT EXISTS FOR (n:{ITEM_LABEL}) ON (n.date)")
    labels = "|".join(schema.entity_labels)
    statements.append(
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) "
        "ON EACH [n.name, n.name_zh, n.name_en, n.aliases_text] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
    )
    return statements


def neo4j_backfill(schema: GraphSchema) -> list[str]:
    """Statements that give entities written before ``search_text`` / ``search_rank`` existed those properties (the
    same string as ``kg.store.records.search_text`` builds; :func:`search_rank_cypher`). Each touches only nodes
    still without it, so running them at every schema setup costs a label scan once the store is up to date; run in
    auto-commit sessions (they batch their own transactions)."""
    sep = SEARCH_SEP.encode("unicode_escape").decode()
    text = [
        f"MATCH (n:{label}) WHERE n.search_text IS NULL AND n.search_keys IS NOT NULL "
        f"CALL (n) {{ SET n.search_text = reduce(s = '{sep}', k IN n.search_keys | s + k + '{sep}') }} "
        "IN TRANSACTIONS OF 10000 ROWS"
        for label in schema.entity_labels
    ]
    rank = [
        f"MATCH (n:{label}) WHERE n.{SEARCH_RANK} IS NULL "
        f"CALL (n) {{ SET n.{SEARCH_RANK} = {search_rank_cypher('n')} }} IN TRANSACTIONS OF 10000 ROWS"
        for label in schema.entity_labels
    ]
    return text + rank
