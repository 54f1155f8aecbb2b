"""The logical schema is generated from the ontology; the DDL follows from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, Graph, URIRef

from kg.model import ENTITY_TYPES, PREDICATES
from kg.store.schema import DEFAULT_ONTOLOGY, ONTOLOGY_NS, build_schema, neo4j_ddl, predicate_of, rel_type


@pytest.mark.parametrize(
    ("predicate", "rel"),
    [("affiliatedWith", "AFFILIATED_WITH"), ("partOf", "PART_OF"), ("collaboratedWith", "COLLABORATED_WITH")],
)
def test_schema_relationship_type_names(predicate: str, rel: str) -> None:
    assert rel_type(predicate) == rel and predicate_of(rel) == predicate


def test_schema_reads_domain_and_range_from_the_ontology() -> None:
    assert DEFAULT_ONTOLOGY.exists()
    schema = build_schema()
    assert schema.source == "ontology"
    assert set(schema.entity_labels) == set(ENTITY_TYPES)
    assert set(schema.fact_types) == {rel_type(p) for p in PREDICATES}
    assert schema.rel_for("affiliatedWith").pairs == (("Researcher", "Institution"),)
    # unions (owl:unionOf) become several pairs
    assert set(schema.rel_for("received").pairs) == {("Researcher", "Award"), ("Institution", "Award")}
    assert schema.rels["MENTIONS"].pairs == tuple(("NewsItem", t) for t in ENTITY_TYPES)
    assert schema.rel_for("collaboratedWith").symmetric


def test_schema_follows_an_edited_ontology(tmp_path: Path) -> None:
    # narrow partOf's range to Funder: the generated schema must follow the ontology, not a hand-written list
    graph = Graph().parse(DEFAULT_ONTOLOGY)
    part_of = URIRef(ONTOLOGY_NS + "partOf")
    graph.remove((part_of, RDFS.range, None))
    graph.remove((part_of, RDFS.domain, None))
    graph.add((part_of, RDFS.domain, URIRef(ONTOLOGY_NS + "Institution")))
    graph.add((part_of, RDFS.range, URIRef(ONTOLOGY_NS + "Funder")))
    edited = tmp_path / "kg.ttl"
    graph.serialize(edited, format="turtle")
    assert build_schema(edited).rel_for("partOf").pairs == (("Institution", "Funder"),)


def test_schema_falls_back_to_the_model_without_ontology(tmp_path: Path) -> None:
    schema = build_schema(tmp_path / "missing.ttl")
    assert schema.source == "model"
    assert set(schema.fact_types) == {rel_type(p) for p in PREDICATES}


def test_neo4j_ddl_has_constraints_indexes_and_cjk_fulltext() -> None:
    ddl = neo4j_ddl(build_schema())
    for label in (*ENTITY_TYPES, "NewsItem", "ImportBatch"):
        assert any(f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in s for s in ddl)
    fulltext = [s for s in ddl if s.startswith("CREATE FULLTEXT INDEX")]
    assert len(fulltext) == 1 and "'cjk'" in fulltext[0] and "n.aliases_text" in fulltext[0]
    assert all("IF NOT EXISTS" in s for s in ddl)
