"""Every SHACL shape fires on a crafted bad record and stays silent on a good one (the pySHACL manifest habit)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pyshacl
import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg.ids import entity_id
from kg.model import Entity, Evidence, Extraction, ImportBatch, Mention, NewsItem, Relation
from kg.rdf import evidence_iri, fact_iri, to_graph
from kg.rdf_terms import KG, SH, iri, load_shapes
from kg.validation import validate

ITEM = "item-00000000a001"
ORCID = "0000-0002-1825-0097"
BATCH = "batch-00000000b001"
TEXT = (
    "Dr. Ada Quill of North Lake University, a part of the Lake Science Union, published a paper in the "
    "Journal of Imaginary Results with Bo Reed; the Open Foundation funded it. Quill won the Tidal Prize in 2023, "
    "in its Physics Category."
)
R, R2 = entity_id("Researcher", "Ada Quill"), entity_id("Researcher", "Bo Reed")
I1, I2 = entity_id("Institution", "North Lake University"), entity_id("Institution", "Lake Science Union")
J, P = entity_id("Journal", "Journal of Imaginary Results"), entity_id("Publication", "On imaginary results")
F, A = entity_id("Funder", "Open Foundation"), entity_id("Award", "Tidal Prize")
A2 = entity_id("Award", "Tidal Prize Physics Category")


def _entity(eid: str, etype: str, name: str, **extra: object) -> Entity:
    word = name.split()[-1]
    start = TEXT.lower().index(word.lower())
    mention = Mention(start=start, end=start + len(word), text=TEXT[start : start + len(word)])
    return Entity(id=eid, type=etype, name=name, mentions=[mention], **extra)  # type: ignore[arg-type]


def _rel(subject: str, predicate: str, obj: str, **extra: object) -> Relation:
    ev = Evidence(item_id=ITEM, item_date="2024-05-01", start=0, end=len(TEXT), sentence=TEXT, batch_id=BATCH)
    return Relation(subject=subject, predicate=predicate, object=obj, evidence=ev, **extra)  # type: ignore[arg-type]


RELATIONS = {
    "affiliatedWith": _rel(R, "affiliatedWith", I1),
    "affiliatedWith2": _rel(R2, "affiliatedWith", I1),
    "authorOf": _rel(R, "authorOf", P, role="first"),
    "publishedIn": _rel(P, "publishedIn", J),
    "fundedBy": _rel(P, "fundedBy", F),
    "received": _rel(R, "received", A, year=2023),
    "partOf": _rel(I1, "partOf", I2),
    "collaboratedWith": _rel(R, "collaboratedWith", R2),
    # allowed too: a prize category is part of its prize, an institution can support (fund) research
    "awardPartOf": _rel(A2, "partOf", A),
    "fundedByInstitution": _rel(P, "fundedBy", I2),
}


def good_records() -> list[Extraction]:
    """One item with every entity type, every relation and a valid identifier of every scheme."""
    item = NewsItem(id=ITEM, title="Quill wins Tidal Prize", text=TEXT, date="2024-05-01", url="https://news.example/1")
    entities = [
        _entity(R, "Researcher", "Ada Quill", labels={"en": "Ada Quill", "zh": "奎尔"}, identifiers={"orcid": ORCID}),
        _entity(R2, "Researcher", "Bo Reed"),
        _entity(I1, "Institution", "North Lake University", identifiers={"ror": "013q1eq08"}, aliases=["NLU"]),
        _entity(I2, "Institution", "Lake Science Union"),
        _entity(J, "Journal", "Journal of Imaginary Results", identifiers={"issn_l": "0028-0836"}),
        _entity(P, "Publication", "On imaginary results", identifiers={"doi": "10.1038/s41586-020-2649-2"}),
        _entity(F, "Funder", "Open Foundation", identifiers={"crossref_funder": "501100001809"}),
        _entity(A, "Award", "Tidal Prize", identifiers={"wikidata": "Q42"}),
        _entity(A2, "Award", "Tidal Prize Physics Category"),
    ]  # fmt: skip
    return [Extraction(item=item, entities=entities, relations=list(RELATIONS.values()))]


def good_graph() -> Graph:
    batch = ImportBatch(id=BATCH, created_at=datetime(2026, 1, 1, tzinfo=UTC), sources=["a.txt"])
    return to_graph(good_records(), batch)


def _set(node: URIRef, prop: URIRef, value: object) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.remove((node, prop, None))
        if value is not None:
            g.add((node, prop, value if isinstance(value, URIRef | Literal) else Literal(value)))

    return mutate


def _add(*triples: tuple[URIRef, URIRef, object]) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        for s, p, o in triples:
            g.add((s, p, o if isinstance(o, URIRef | Literal) else Literal(o)))

    return mutate


def _remove(s: URIRef | None, p: URIRef | None, o: URIRef | None = None) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.remove((s, p, o))

    return mutate


def _fact(key: str) -> URIRef:
    return fact_iri(RELATIONS[key])


def _evidence(key: str) -> URIRef:
    return evidence_iri(_fact(key), RELATIONS[key].evidence)


def _bad_item(g: Graph) -> None:
    node = URIRef("https://w3id.org/science-news-kg/id/item-BAD")
    for p, o in ((RDF.type, KG.NewsItem), (KG.title, Literal("t")), (KG.text, Literal("x")), (KG.lang, Literal("en"))):
        g.add((node, p, o))


def _first_mention(prop: URIRef) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        mention = next(g.subjects(KG.mentionOf, iri(R)))
        g.remove((mention, prop, None))

    return mutate


# shape -> (how to break the good graph, the severity the shape must report)
CASES: dict[str, tuple[Callable[[Graph], None], str]] = {
    "Name": (_set(iri(R), KG.name, None), "Violation"),
    "Label": (_add((iri(R), KG.label, Literal("另一个", lang="zh"))), "Violation"),
    "Alias": (_add((iri(I1), KG.alias, "")), "Violation"),
    "Wikidata": (_set(iri(A), KG.wikidata, "42"), "Violation"),
    "Mentioned": (_remove(iri(ITEM), KG.mentions, iri(R2)), "Warning"),
    "Researcher": (_add((iri(I1), RDF.type, KG.Researcher)), "Violation"),
    "Orcid": (_set(iri(R), KG.orcid, "0000-0002-1825"), "Violation"),
    "ResearcherAffiliation": (_remove(iri(R2), KG.affiliatedWith), "Warning"),
    "Institution": (_add((iri(R), RDF.type, KG.Institution)), "Violation"),
    "Ror": (_set(iri(I1), KG.ror, "https://ror.org/013q1eq08"), "Violation"),
    "Journal": (_add((iri(P), RDF.type, KG.Journal)), "Violation"),
    "IssnL": (_set(iri(J), KG.issnL, "00280836"), "Violation"),
    "JournalNotAffiliated": (_add((iri(J), KG.affiliatedWith, iri(I1))), "Violation"),
    "Funder": (_add((iri(I1), RDF.type, KG.Funder)), "Violation"),
    "CrossrefFunder": (_set(iri(F), KG.crossrefFunder, "funder-1"), "Violation"),
    "Award": (_add((iri(I1), RDF.type, KG.Award)), "Violation"),
    "Publication": (_add((iri(J), RDF.type, KG.Publication)), "Violation"),
    "Doi": (_set(iri(P), KG.doi, "doi:10.1038/x"), "Violation"),
    "PublishedInOne": (_add((iri(P), KG.publishedIn, iri(I1))), "Violation"),
    "PublicationJournal": (_remove(iri(P), KG.publishedIn), "Info"),
    "AffiliatedWith": (_add((iri(P), KG.affiliatedWith, iri(I1))), "Violation"),
    "AffiliatedWithRange": (_add((iri(R), KG.affiliatedWith, iri(J))), "Violation"),
    "AuthorOf": (_add((iri(I1), KG.authorOf, iri(P))), "Violation"),
    "PublishedIn": (_add((iri(R), KG.publishedIn, iri(J))), "Violation"),
    "FundedBy": (_add((iri(J), KG.fundedBy, iri(F))), "Violation"),
    "Received": (_add((iri(P), KG.received, iri(A))), "Violation"),
    "PartOf": (_add((iri(R), KG.partOf, iri(I1))), "Violation"),
    "CollaboratedWith": (_add((iri(J), KG.collaboratedWith, iri(R))), "Violation"),
    "ResearcherCollaborator": (_add((iri(R), KG.collaboratedWith, iri(I1))), "Violation"),
    "InstitutionCollaborator": (_add((iri(I1), KG.collaboratedWith, iri(R))), "Violation"),
    "Mentions": (_add((iri(R), KG.mentions, iri(I1))), "Violation"),
    "RelationBacked": (_add((iri(R2), KG.affiliatedWith, iri(I2))), "Violation"),
    "Fact": (_add((iri("fact-BAD"), RDF.type, KG.Fact)), "Violation"),
    "RoleOnlyOnAuthorOf": (_add((_fact("affiliatedWith"), KG.role, "first")), "Violation"),
    "Evidence": (_add((iri("evidence-BAD"), RDF.type, KG.Evidence)), "Violation"),
    "FactSubject": (_set(_fact("partOf"), KG.subject, None), "Violation"),
    "FactPredicate": (_set(_fact("partOf"), KG.predicate, KG.mentions), "Violation"),
    "FactObject": (_add((_fact("partOf"), KG.object, iri(I1))), "Violation"),
    "FactEvidence": (_set(_fact("fundedBy"), KG.evidence, None), "Violation"),
    "FactRole": (_set(_fact("authorOf"), KG.role, "editor"), "Violation"),
    "FactYear": (_set(_fact("received"), KG.year, 1800), "Violation"),
    "EvidenceItem": (_set(_evidence("partOf"), KG.item, iri("item-ffffffffffff")), "Violation"),
    "EvidenceSpan": (_set(_evidence("partOf"), KG.spanStart, 10_000), "Violation"),
    "SpanEnd": (_set(_evidence("partOf"), KG.spanEnd, None), "Violation"),
    "EvidenceSentence": (_set(_evidence("partOf"), KG.sentence, ""), "Violation"),
    "EvidenceExtractor": (_set(_evidence("partOf"), KG.extractorVersion, None), "Violation"),
    "EvidenceDate": (_set(_evidence("partOf"), KG.itemDate, Literal("1850-01-01", datatype=XSD.date)), "Violation"),
    "EvidenceBatch": (_set(_evidence("partOf"), KG.batch, iri("batch-X")), "Violation"),
    "Mention": (_add((iri("mention-BAD"), RDF.type, KG.Mention)), "Violation"),
    "MentionOf": (_first_mention(KG.mentionOf), "Violation"),
    "MentionItem": (_first_mention(KG.item), "Violation"),
    "SurfaceForm": (_first_mention(KG.surfaceForm), "Violation"),
    "AuthorOfRange": (_add((iri(R), KG.authorOf, iri(J))), "Violation"),
    "PublishedInRange": (_add((iri(P), KG.publishedIn, iri(F))), "Violation"),
    "FundedByRange": (_add((iri(P), KG.fundedBy, iri(J))), "Violation"),
    "ReceivedRange": (_add((iri(R), KG.received, iri(P))), "Violation"),
    "InstitutionPartOf": (_add((iri(I1), KG.partOf, iri(J))), "Violation"),
    "AwardPartOf": (_add((iri(A), KG.partOf, iri(I1))), "Violation"),
    "MentionsRange": (_add((iri(ITEM), KG.mentions, iri(ITEM))), "Violation"),
    "BatchCreatedAt": (_set(iri(BATCH), KG.createdAt, "yesterday"), "Violation"),
    "BatchStatus": (_set(iri(BATCH), KG.status, "done"), "Violation"),
    "NewsItem": (_bad_item, "Violation"),
    "ItemTitle": (_set(iri(ITEM), KG.title, None), "Violation"),
    "ItemText": (_set(iri(ITEM), KG.text, None), "Violation"),
    "ItemDate": (_set(iri(ITEM), KG.date, "2024/05/01"), "Violation"),
    "ItemLang": (_set(iri(ITEM), KG.lang, "fr"), "Violation"),
    "ItemUrl": (_set(iri(ITEM), KG.url, Literal("ftp://news.example/1", datatype=XSD.anyURI)), "Warning"),
    "ImportBatch": (_add((iri("batch-BAD"), RDF.type, KG.ImportBatch)), "Violation"),
}
#: shapes that only group others and never report a result themselves
GROUPING_SHAPES: set[str] = set()
SHAPES_NS = "https://w3id.org/science-news-kg/shapes#"


def _named_shapes() -> set[str]:
    shapes = load_shapes()
    named = {s for t in (SH.NodeShape, SH.PropertyShape) for s in shapes.subjects(RDF.type, t)}
    return {str(s)[len(SHAPES_NS) :] for s in named if str(s).startswith(SHAPES_NS)}


def test_shapes_every_shape_has_a_case() -> None:
    assert _named_shapes() - GROUPING_SHAPES == set(CASES)


@pytest.mark.parametrize("shape", sorted(_named_shapes() - GROUPING_SHAPES))
def test_shapes_carry_message_in_english_and_chinese_and_advice(shape: str) -> None:
    shapes, node = load_shapes(), URIRef(SHAPES_NS + shape)
    langs = {m.language for m in shapes.objects(node, SH.message) if isinstance(m, Literal)}
    assert {"en", "zh"} <= langs
    assert shapes.value(node, KG.advice) is not None
    assert shapes.value(node, SH.severity) in (SH.Violation, SH.Warning, SH.Info)


def test_shapes_silent_on_good_records() -> None:
    report = validate(good_graph())
    assert report.results == []
    assert report.conforms


@pytest.mark.parametrize("shape", sorted(CASES))
def test_shapes_fire_on_crafted_bad_record(shape: str) -> None:
    mutate, severity = CASES[shape]
    graph = good_graph()
    mutate(graph)
    report = validate(graph)
    fired = [r for r in report.results if r.shape == f"kgsh:{shape}"]
    assert fired, f"kgsh:{shape} did not fire; got {[r.shape for r in report.results]}"
    assert {r.severity for r in fired} == {severity}
    assert report.conforms == (not any(r.severity == "Violation" for r in report.results))


def test_shapes_graph_is_valid_shacl() -> None:
    """The shapes themselves conform to SHACL-SHACL (checked here once, not on every batch)."""
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=load_shapes(), meta_shacl=True, inference="none")
    assert conforms, text
