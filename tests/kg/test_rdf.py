"""Extraction records ↔ RDF: exact round trip, IRIs from the stable ids, typed dates, owl:sameAs to external records."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rdflib import OWL, RDF, XSD, Literal, URIRef
from rdflib.compare import isomorphic

from kg.ids import entity_id
from kg.model import Entity, Evidence, Extraction, ImportBatch, Mention, NewsItem, Relation, ValidationSummary
from kg.rdf import batches_from_graph, date_literal, from_graph, to_graph
from kg.rdf_terms import ID, KG, iri, local_id, same_as

R = entity_id("Researcher", "Ada Quill")
R2 = entity_id("Researcher", "Bo Reed")
INST = entity_id("Institution", "North Lake University")
PRIZE = entity_id("Award", "Tidal Prize")
BATCH_ID = "batch-00000000000b"
WON = "Ada Quill of North Lake University won the Tidal Prize."


def _item(n: int, text: str, **extra: object) -> NewsItem:
    return NewsItem(id=f"item-{n:012x}", title=f"title {n}", text=text, **extra)  # type: ignore[arg-type]


def _ev(item: NewsItem, sentence: str, **extra: object) -> Evidence:
    start = item.text.index(sentence)
    return Evidence(
        item_id=item.id, item_date=item.date, start=start, end=start + len(sentence), sentence=sentence, **extra
    )  # type: ignore[arg-type]


def records() -> list[Extraction]:
    """Two items sharing entities, with every optional field used somewhere."""
    one = _item(1, f"{WON} She works with Bo Reed.", date="2024-05-01", url="https://news.example/1",
                source="来源：示例报", section="科研", file="a.txt", lang="en")  # fmt: skip
    two = _item(2, "奎尔与里德合作。", date="2024-06", parent_title="简报", lang="zh")
    quill = Entity(id=R, type="Researcher", name="Ada Quill", aliases=["A. Quill"], labels={"en": "Ada Quill"},
                   identifiers={"orcid": "0000-0002-1825-0097", "isni": "0000 0001 2096 0218"},
                   mentions=[Mention(start=0, end=9, text="Ada Quill")])  # fmt: skip
    reed = Entity(id=R2, type="Researcher", name="Bo Reed", mentions=[Mention(start=75, end=82, text="Bo Reed")])
    inst = Entity(id=INST, type="Institution", name="North Lake University", identifiers={"ror": "013q1eq08"})
    prize = Entity(id=PRIZE, type="Award", name="Tidal Prize", identifiers={"wikidata": "Q42"})
    rels_one = [
        Relation(subject=R, predicate="affiliatedWith", object=INST, evidence=_ev(one, WON, batch_id=BATCH_ID)),
        Relation(subject=R, predicate="received", object=PRIZE, year=2024, evidence=_ev(one, WON)),
        Relation(subject=R, predicate="collaboratedWith", object=R2, evidence=_ev(one, "She works with Bo Reed.")),
    ]  # fmt: skip
    quill_zh = quill.model_copy(
        update={"labels": {"zh": "奎尔"}, "aliases": ["奎尔"], "mentions": [Mention(start=0, end=2, text="奎尔")]}
    )
    reed_zh = reed.model_copy(update={"mentions": [Mention(start=3, end=5, text="里德")]})
    rels_two = [Relation(subject=R2, predicate="collaboratedWith", object=R, evidence=_ev(two, "奎尔与里德合作。"))]
    return [
        Extraction(item=one, entities=[quill, reed, inst, prize], relations=rels_one),
        Extraction(item=two, entities=[quill_zh, reed_zh], relations=rels_two),
    ]


BATCH = ImportBatch(
    id="batch-00000000000b",
    created_at=datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
    sources=["a.txt", "b.pdf"],
    status="committed",
    counts={"items": 2, "relations": 4},
    validation=ValidationSummary(conforms=False, violations=1, quarantined_items=["item-00000000000f"]),
)


def test_to_graph_round_trip_is_isomorphic() -> None:
    first = to_graph(records(), BATCH)
    again = to_graph(from_graph(first), batches_from_graph(first)[0])
    assert isomorphic(first, again)
    assert len(first) == len(again) > 50


def test_from_graph_returns_the_records_of_a_single_item() -> None:
    record = records()[0]
    (back,) = from_graph(to_graph([record]))
    assert back.item == record.item
    key = lambda e: e.id  # noqa: E731
    assert sorted(back.entities, key=key) == sorted(record.entities, key=key)
    assert sorted(back.relations, key=lambda r: r.predicate) == sorted(record.relations, key=lambda r: r.predicate)


def test_from_graph_keeps_mentions_per_item_and_merges_entity_names() -> None:
    back = {rec.item.id: rec for rec in from_graph(to_graph(records()))}
    quill_one = next(e for e in back["item-000000000001"].entities if e.id == R)
    quill_two = next(e for e in back["item-000000000002"].entities if e.id == R)
    assert [m.text for m in quill_one.mentions] == ["Ada Quill"]
    assert [m.text for m in quill_two.mentions] == ["奎尔"]
    assert quill_two.labels == {"en": "Ada Quill", "zh": "奎尔"}
    assert quill_two.identifiers == {"isni": "0000 0001 2096 0218", "orcid": "0000-0002-1825-0097"}


def test_batches_round_trip() -> None:
    (back,) = batches_from_graph(to_graph([], BATCH))
    assert back == BATCH


def test_to_graph_mints_iris_from_stable_ids() -> None:
    graph = to_graph(records())
    assert (URIRef(ID + R), RDF.type, KG.Researcher) in graph
    assert (iri("item-000000000001"), KG.mentions, iri(R)) in graph
    assert local_id(iri(R)) == R
    assert (iri(R), KG.affiliatedWith, iri(INST)) in graph
    # collaboration is stated in the direction the news gave; the ontology declares it symmetric
    assert (iri(R2), KG.collaboratedWith, iri(R)) in graph


def test_to_graph_first_name_wins_and_later_spelling_becomes_alias() -> None:
    item = _item(3, "x")
    a = Extraction(item=item, entities=[Entity(id=R, type="Researcher", name="Ada Quill")])
    b = Extraction(item=_item(4, "y"), entities=[Entity(id=R, type="Researcher", name="ADA QUILL")])
    graph = to_graph([a, b])
    assert list(graph.objects(iri(R), KG.name)) == [Literal("Ada Quill")]
    assert (iri(R), KG.alias, Literal("ADA QUILL")) in graph


@pytest.mark.parametrize(
    ("value", "datatype"),
    [("2024-05-01", XSD.date), ("2024-05", XSD.gYearMonth), ("2024", XSD.gYear), ("May 2024", None)],
)
def test_date_literal_types_iso_dates(value: str, datatype: URIRef | None) -> None:
    literal = date_literal(value)
    assert literal.datatype == datatype
    assert str(literal) == value


@pytest.mark.parametrize(
    ("scheme", "value", "expected"),
    [
        ("wikidata", "Q42", "http://www.wikidata.org/entity/Q42"),
        ("ror", "013q1eq08", "https://ror.org/013q1eq08"),
        ("issn_l", "0028-0836", "https://portal.issn.org/resource/ISSN/0028-0836"),
        ("crossref_funder", "501100001809", "https://doi.org/10.13039/501100001809"),
        ("crossref_funder", "10.13039/501100001809", "https://doi.org/10.13039/501100001809"),
        ("doi", "10.1038/s41586-020-2649-2", "https://doi.org/10.1038/s41586-020-2649-2"),
        ("doi", "10.1002/(SICI)1097<x>", "https://doi.org/10.1002/(SICI)1097%3Cx%3E"),
        ("orcid", "0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
        ("isni", "0000 0001", None),
    ],
)
def test_same_as_links_external_records(scheme: str, value: str, expected: str | None) -> None:
    assert same_as(scheme, value) == (URIRef(expected) if expected else None)


def test_to_graph_states_same_as_for_identifiers() -> None:
    graph = to_graph(records())
    assert (iri(INST), OWL.sameAs, URIRef("https://ror.org/013q1eq08")) in graph
    assert (iri(PRIZE), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q42")) in graph


def test_to_graph_evidence_carries_item_span_sentence_and_batch() -> None:
    graph = to_graph(records())
    evidence = [e for e in graph.subjects(RDF.type, KG.Evidence) if graph.value(e, KG.batch) is not None]
    assert len(evidence) == 1
    (ev,) = evidence
    assert graph.value(ev, KG.item) == iri("item-000000000001")
    assert graph.value(ev, KG.itemDate) == Literal("2024-05-01", datatype=XSD.date)
    assert graph.value(ev, KG.sentence) == Literal(WON)
    assert graph.value(ev, KG.batch) == iri("batch-00000000000b")


def test_to_graph_keeps_a_colliding_different_name_for_shacl_to_report() -> None:
    a = Extraction(item=_item(5, "x"), entities=[Entity(id=R, type="Researcher", name="Ada Quill")])
    b = Extraction(item=_item(6, "y"), entities=[Entity(id=R, type="Researcher", name="Someone Else")])
    graph = to_graph([a, b])
    assert set(graph.objects(iri(R), KG.name)) == {Literal("Ada Quill"), Literal("Someone Else")}


def test_minted_iris_are_the_documented_digests_of_their_content() -> None:
    """Facts, evidence records and mentions keep the IRIs :func:`kg.rdf_terms.digest` defines (stores and exports
    made before the mapping joined the parts itself stay valid)."""
    from ingest.synth import synth_extractions
    from kg.rdf import evidence_iri, fact_iri, to_triples
    from kg.rdf_terms import digest

    records = list(synth_extractions(40, seed=3))
    records[0].relations[0].evidence.batch_id = None
    records[0].relations[0].evidence.item_date = None
    expected: set[URIRef] = set()
    for rec in records:
        for r in rec.relations:
            fact = iri("fact-" + digest(r.subject, r.predicate, r.object, r.role, r.year))
            ev = r.evidence
            parts = (fact, ev.item_id, ev.item_date, ev.start, ev.end, ev.sentence, ev.extractor_version, ev.batch_id)
            assert fact_iri(r) == fact and evidence_iri(fact, ev) == iri("evidence-" + digest(*parts))
            expected |= {fact, iri("evidence-" + digest(*parts))}
        for e in rec.entities:
            expected |= {iri("mention-" + digest(e.id, iri(rec.item.id), m.start, m.end, m.text)) for m in e.mentions}
    kinds = ("fact-", "evidence-", "mention-")
    minted = {s for s, _, _ in to_triples(records) if local_id(s).startswith(kinds)}
    assert minted == expected and any(r.role is None for rec in records for r in rec.relations)
