"""The ontology parses, names every term in English and Chinese, aligns to the common vocabularies, and the JSON-LD
context reads the API's JSON as our ontology's IRIs."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.errors import OntologyError
from kg.ids import entity_id
from kg.model import ENTITY_TYPES, PREDICATES, Evidence, NewsItem
from kg.rdf_terms import CONTEXT_PATH, FABIO, FRAPO, ID, KG, PROV, SCHEMA, load_ontology, load_shapes
from kg.store.base import Edge, EntityDetail, Node, SubGraph

FOAF = "http://xmlns.com/foaf/0.1/"
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def _terms(*types: URIRef) -> list[URIRef]:
    onto = load_ontology()
    found = {s for t in types for s in onto.subjects(RDF.type, t) if str(s).startswith(str(KG))}
    return sorted(found)  # type: ignore[arg-type]


def test_ontology_declares_every_model_class_and_predicate() -> None:
    classes = set(_terms(OWL.Class))
    for name in (*ENTITY_TYPES, "NewsItem", "ImportBatch", "Evidence", "Fact"):
        assert KG[name] in classes
    properties = set(_terms(OWL.ObjectProperty))
    for name in (*PREDICATES, "mentions"):
        assert KG[name] in properties


@pytest.mark.parametrize("term", _terms(*TERM_TYPES), ids=lambda t: str(t).rsplit("#", 1)[-1])
def test_ontology_term_has_english_and_chinese_label_and_definition(term: URIRef) -> None:
    onto = load_ontology()
    for prop in (RDFS.label, SKOS.definition):
        langs = {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}
        assert {"en", "zh"} <= langs, f"{term} {prop}: {langs}"


def test_ontology_labels_are_unique_per_language() -> None:
    labels = [(str(o), o.language) for o in load_ontology().objects(None, RDFS.label) if isinstance(o, Literal)]
    assert sorted({x for x in labels if labels.count(x) > 1}) == []


@pytest.mark.parametrize("prop", _terms(OWL.ObjectProperty), ids=lambda t: str(t).rsplit("#", 1)[-1])
def test_ontology_object_property_has_domain_and_range(prop: URIRef) -> None:
    onto = load_ontology()
    assert onto.value(prop, RDFS.domain) is not None
    assert onto.value(prop, RDFS.range) is not None


@pytest.mark.parametrize(
    ("term", "relation", "external"),
    [
        (KG.Researcher, RDFS.subClassOf, SCHEMA.Person),
        (KG.Researcher, RDFS.subClassOf, URIRef(FOAF + "Person")),
        (KG.Institution, RDFS.subClassOf, SCHEMA.Organization),
        (KG.Institution, RDFS.subClassOf, URIRef(FOAF + "Organization")),
        (KG.University, OWL.equivalentClass, SCHEMA.CollegeOrUniversity),
        (KG.Journal, RDFS.subClassOf, SCHEMA.Periodical),
        (KG.Journal, RDFS.subClassOf, FABIO.Journal),
        (KG.Publication, RDFS.subClassOf, SCHEMA.ScholarlyArticle),
        (KG.Publication, RDFS.subClassOf, FABIO.JournalArticle),
        (KG.Funder, RDFS.subClassOf, FRAPO.Funder),
        (KG.NewsItem, RDFS.subClassOf, SCHEMA.NewsArticle),
        (KG.NewsItem, RDFS.subClassOf, PROV.Entity),
        (KG.ImportBatch, RDFS.subClassOf, PROV.Activity),
        (KG.affiliatedWith, RDFS.subPropertyOf, SCHEMA.affiliation),
        (KG.affiliatedWith, RDFS.subPropertyOf, SCHEMA.memberOf),
        (KG.partOf, RDFS.subPropertyOf, SCHEMA.parentOrganization),
        (KG.fundedBy, RDFS.subPropertyOf, SCHEMA.funder),
        (KG.fundedBy, RDFS.subPropertyOf, FRAPO.isFundedBy),
        (KG.received, RDFS.subPropertyOf, SCHEMA.award),
        (KG.item, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (KG.collaboratedWith, RDF.type, OWL.SymmetricProperty),
    ],
)
def test_ontology_aligns_to_common_vocabularies(term: URIRef, relation: URIRef, external: URIRef) -> None:
    assert (term, relation, external) in load_ontology()


@pytest.mark.parametrize("loader", [load_ontology, load_shapes])
@pytest.mark.parametrize("content", ["@prefix kg: <x#> . kg:a kg:b", "", None])
def test_ontology_broken_file_raises_ontology_error(loader: object, content: str | None, tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(OntologyError):
        loader(path)  # type: ignore[operator]


def _api_document() -> dict[str, object]:
    researcher, institution = entity_id("Researcher", "Ada Quill"), entity_id("Institution", "North Lake University")
    node = Node(
        id=researcher,
        type="Researcher",
        name="Ada Quill",
        aliases=["A. Quill"],
        labels={"zh": "奎尔", "en": "Ada Quill"},
        identifiers={"orcid": "0000-0002-1825-0097"},
    )
    other = Node(id=institution, type="Institution", name="North Lake University", identifiers={"ror": "013q1eq08"})
    evidence = Evidence(item_id="item-00000000a001", item_date="2024-05-01", start=0, end=9, sentence="Ada Quill …")
    edge = Edge(source=researcher, target=institution, predicate="affiliatedWith", evidence=[evidence])
    item = NewsItem(id="item-00000000a001", title="t", text="x", source="来源：文汇报")
    detail = EntityDetail(node=node, edges=[edge], neighbors=[other], items=[item])
    subgraph = SubGraph(nodes=[node, other], edges=[edge])
    return {"detail": detail.model_dump(mode="json"), "subgraph": subgraph.model_dump(mode="json")}


def _expand(document: dict[str, object]) -> Graph:
    context = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally (deprecated in rdflib 7)
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=json.dumps({"@context": context, **document}, default=str), format="json-ld")


def test_context_expands_api_json_to_ontology_iris() -> None:
    doc = _api_document()
    graph = _expand(doc["detail"])  # type: ignore[arg-type]
    researcher = URIRef(ID + entity_id("Researcher", "Ada Quill"))
    institution = URIRef(ID + entity_id("Institution", "North Lake University"))
    assert (researcher, RDF.type, KG.Researcher) in graph
    assert (researcher, KG.name, Literal("Ada Quill")) in graph
    assert (researcher, KG.label, Literal("奎尔", lang="zh")) in graph
    assert (researcher, KG.alias, Literal("A. Quill")) in graph
    assert (researcher, KG.orcid, Literal("0000-0002-1825-0097")) in graph
    assert (institution, KG.ror, Literal("013q1eq08")) in graph
    edge = graph.value(researcher, KG.edge)
    assert graph.value(edge, KG.subject) == researcher
    assert graph.value(edge, KG.predicate) == KG.affiliatedWith
    assert graph.value(edge, KG.object) == institution
    evidence = graph.value(edge, KG.evidence)
    assert graph.value(evidence, KG.item) == URIRef(ID + "item-00000000a001")
    assert graph.value(evidence, KG.sentence) == Literal("Ada Quill …")
    assert (URIRef(ID + "item-00000000a001"), KG.mentions, researcher) in graph


@pytest.mark.parametrize("view", ["detail", "subgraph"])
def test_context_uses_only_terms_the_ontology_defines(view: str) -> None:
    graph = _expand(_api_document()[view])  # type: ignore[arg-type]
    used = set(graph.predicates()) | set(graph.objects(None, RDF.type))
    ours = {t for t in used if str(t).startswith(str(KG))}
    assert len(ours) > 5, "the context maps almost nothing into our namespace"
    assert {t for t in ours if (t, RDF.type, None) not in load_ontology()} == set()
