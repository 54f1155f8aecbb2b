"""Content negotiation (JSON, JSON-LD with the ontology's context, Turtle) and /export, on both stores."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from api.negotiation import JSON, JSONLD, TURTLE, choose

KG = "https://w3id.org/science-news-kg/ontology#"
BASE = "https://w3id.org/science-news-kg/id/"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),
        ("*/*", JSON),
        ("application/json", JSON),
        ("text/turtle", TURTLE),
        ("application/ld+json", JSONLD),
        ("text/*", TURTLE),
        ("text/turtle;q=0.5, application/ld+json", JSONLD),
        ("text/html, */*;q=0.1", JSON),
        ("application/json;q=0, text/turtle;q=0.2", TURTLE),
    ],
)
def test_choose_prefers_what_the_client_asks_for(accept, expected) -> None:
    assert choose(accept) == expected


def test_entity_as_turtle_parses_with_rdflib(client, ids) -> None:
    response = client.get(f"/entities/{ids.lin}", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    lin = URIRef(BASE + ids.lin)
    assert (lin, RDF.type, URIRef(KG + "Researcher")) in graph
    assert any(str(o) == "林晓风" for o in graph.objects(lin, None))


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_entity_as_jsonld_expands_with_the_context_to_the_same_triples(client, ids) -> None:
    response = client.get(f"/entities/{ids.lin}", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    document = response.json()
    assert "@context" in document
    from_jsonld = Graph().parse(data=json.dumps(document), format="json-ld")
    turtle = client.get(f"/entities/{ids.lin}", headers={"Accept": "text/turtle"}).text
    from_turtle = Graph().parse(data=turtle, format="turtle")
    assert len(from_jsonld) == len(from_turtle) > 0
    assert set(from_jsonld) == set(from_turtle)


def test_entity_unacceptable_media_type_is_a_406_problem(client, ids, problem) -> None:
    body = problem(client.get(f"/entities/{ids.lin}", headers={"Accept": "image/png"}), 406, "not-acceptable")
    assert "text/turtle" in body["detail"]


def test_entity_rdf_of_unknown_id_is_still_a_404_problem(client, problem) -> None:
    response = client.get("/entities/researcher-000000000000", headers={"Accept": "text/turtle"})
    problem(response, 404, "not-found")


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize(("fmt", "rdf_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_export_rdf_formats_parse(client, ids, fmt, rdf_format) -> None:
    response = client.get("/export", params={"format": fmt})
    assert response.status_code == 200
    assert fmt in response.headers["content-disposition"]
    graph = Graph().parse(data=response.text, format=rdf_format)
    subjects = {str(s) for s in graph.subjects(RDF.type, None)}
    assert {BASE + ids.lin, BASE + ids.anna, BASE + ids.nature} <= subjects


def test_export_around_an_entity_is_a_subgraph(client, ids) -> None:
    whole = Graph().parse(data=client.get("/export", params={"format": "nt"}).text, format="nt")
    part_text = client.get("/export", params={"format": "nt", "around": ids.anna, "depth": 1}).text
    part = Graph().parse(data=part_text, format="nt")
    assert 0 < len(part) < len(whole)
    assert (URIRef(BASE + ids.anna), RDF.type, URIRef(KG + "Researcher")) in part
    assert not any(str(s) == BASE + ids.nature for s in part.subjects(RDF.type, None))


def test_export_graphml_gexf_csv(client, ids) -> None:
    graphml = client.get("/export", params={"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    assert ids.lin in {
        n.get("id") for n in ET.fromstring(graphml.content).iter("{http://graphml.graphdrawing.org/xmlns}node")
    }
    gexf = client.get("/export", params={"format": "gexf"})
    assert ids.lin in gexf.text and ET.fromstring(gexf.content) is not None
    rows = list(csv.DictReader(io.StringIO(client.get("/export", params={"format": "csv"}).text)))
    assert any(r["source"] == ids.lin and r["predicate"] == "affiliatedWith" for r in rows)


def test_export_rejects_unknown_format_and_entity(client, problem) -> None:
    problem(client.get("/export", params={"format": "xlsx"}), 422, "validation-error")
    problem(client.get("/export", params={"around": "researcher-000000000000"}), 404, "not-found")
