"""The compiled SHACL engine gives exactly pySHACL's results: on every crafted bad record of the project's shapes, on
synthetic batches judged against a stored context, and on shapes using the components ours do not (yet)."""

from __future__ import annotations

import itertools
import random

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from ingest.synth import synth_extractions
from kg.errors import OntologyError
from kg.rdf import to_graph
from kg.rdf_terms import KG
from kg.shacl_engine import compile_shapes, run
from kg.triple_index import TripleIndex
from kg.validation import ValidationReport, validate
from tests.kg.test_shapes import CASES, good_graph


def _both(graph: Graph, context: Graph | None = None, shapes: Graph | None = None) -> ValidationReport:
    compiled = validate(graph, context, shapes, engine="compiled")
    reference = validate(graph, context, shapes, engine="pyshacl")
    assert [r.model_dump() for r in compiled.results] == [r.model_dump() for r in reference.results]
    assert compiled.conforms == reference.conforms
    assert compiled.counts == reference.counts
    return reference


def test_engines_agree_on_the_good_record() -> None:
    _both(good_graph())


@pytest.mark.parametrize("shape", sorted(CASES))
def test_engines_agree_on_each_crafted_bad_record(shape: str) -> None:
    graph = good_graph()
    CASES[shape][0](graph)
    assert _both(graph).results  # every case reports something (tests/kg/test_shapes.py checks which shape)


def test_engines_agree_on_several_faults_at_once() -> None:
    graph = good_graph()
    for shape in random.Random(7).sample(sorted(CASES), 12):
        CASES[shape][0](graph)
    assert not _both(graph).conforms


def _corrupt(graph: Graph, rng: random.Random, n: int) -> None:
    """Random damage of the kinds extraction bugs make: lost, doubled, mistyped and misdirected values."""
    triples = sorted(graph, key=str)
    entities = sorted(set(graph.subjects(RDF.type, KG.Entity)), key=str)
    for s, p, o in rng.sample(triples, n):
        kind = rng.randrange(5)
        if kind == 0:
            graph.remove((s, p, o))
        elif kind == 1:
            graph.add((s, p, Literal(str(o) + "x") if isinstance(o, Literal) else rng.choice(entities)))
        elif kind == 2:
            graph.set((s, p, Literal(-3) if isinstance(o, Literal) else Literal("not an iri")))
        elif kind == 3:
            graph.add((rng.choice(entities), p, o))
        else:
            graph.add((s, p, Literal(str(o), datatype=XSD.date)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_engines_agree_on_damaged_synthetic_batches_with_a_stored_context(seed: int) -> None:
    records = list(synth_extractions(260, seed=seed))
    batch, context = to_graph(records[:60]), to_graph(records[60:])
    _corrupt(batch, random.Random(seed), 40)
    # the damage is found (and found alike), not two empty reports compared
    assert _both(batch, context).counts["Violation"] >= 5


# a shapes graph exercising components the project's shapes do not use, so both engines meet them
EXTRA_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix ex: <urn:ex:> .
ex:Short a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:code ; sh:maxLength 3 ; sh:minLength 2 .
ex:Window a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:n ;
    sh:minExclusive 0 ; sh:maxExclusive 10 ; sh:datatype xsd:integer .
ex:Order a sh:PropertyShape ; sh:targetSubjectsOf ex:low ; sh:path ex:low ; sh:lessThanOrEquals ex:high .
ex:Objects a sh:NodeShape ; sh:targetObjectsOf ex:link ; sh:nodeKind sh:IRI ; sh:severity sh:Warning .
ex:Fixed a sh:NodeShape ; sh:targetNode ex:root ; sh:pattern "^URN:EX:R" ; sh:flags "i" .
ex:Typed a sh:PropertyShape ; sh:targetNode ex:root ; sh:path ex:link ; sh:class ex:Thing ; sh:severity sh:Info .
ex:Thing a rdfs:Class , sh:NodeShape ; sh:nodeKind sh:BlankNodeOrIRI .
ex:Back a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path [ sh:inversePath ex:link ] ; sh:maxCount 1 .
ex:Langs a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:label ; sh:uniqueLang true ;
    sh:datatype <http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .
ex:Kind a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:kind ; sh:in ( ex:a ex:b ) ; sh:hasValue ex:a .
"""

EXTRA_DATA = """
@prefix ex: <urn:ex:> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Sub rdfs:subClassOf ex:Thing .
ex:root ex:link ex:t1 , ex:t2 , "literal" .
ex:other ex:link ex:t1 .
ex:t1 a ex:Thing ; ex:code "a" ; ex:n 0 ; ex:low 5 ; ex:high 4 ; ex:label "x"@en , "y"@en , "z"@zh ; ex:kind ex:c .
ex:t2 a ex:Sub ; ex:code "abcd" ; ex:n "7" ; ex:low "b" ; ex:high "a" ; ex:kind ex:a , ex:b .
ex:t3 a ex:Thing ; ex:code "ok" ; ex:n 9 ; ex:low 1 ; ex:high 1 ; ex:label "only"@en ; ex:kind ex:a .
"""


def test_engines_agree_on_components_our_shapes_do_not_use() -> None:
    shapes = Graph().parse(data=EXTRA_SHAPES, format="turtle")
    data = Graph().parse(data=EXTRA_DATA, format="turtle")
    # raw results, not the curator's report (these nodes are not ours, so the report has no names for them)
    import pyshacl

    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    sh = "http://www.w3.org/ns/shacl#"

    def key(focus: Node, shape: Node, value: Node | None) -> tuple[str, str, str]:
        return (str(focus), str(shape), "" if value is None else str(value))

    expected = sorted(
        key(results.value(r, URIRef(sh + "focusNode")), results.value(r, URIRef(sh + "sourceShape")),
            results.value(r, URIRef(sh + "value")))
        for r in results.subjects(RDF.type, URIRef(sh + "ValidationResult"))
    )  # fmt: skip
    got = sorted(key(r.focus, r.shape, r.value) for r in run(compile_shapes(shapes), TripleIndex(data)))
    assert got == expected
    assert len(got) >= 12  # every shape above finds something to report


@pytest.mark.parametrize(
    "extra",
    [
        "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:closed true .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:code ; sh:minCount 1 ] .",
        "ex:S a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path [ sh:zeroOrMorePath ex:link ] ; sh:minCount 1 .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:sparql [ sh:select 'SELECT $this WHERE {}' ] .",
    ],
)
def test_compiled_engine_refuses_what_it_does_not_implement_and_names_the_shape(extra: str) -> None:
    prefixes = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .\n"
    shapes = Graph().parse(data=prefixes + extra, format="turtle")
    with pytest.raises(OntologyError, match="urn:ex:S"):
        compile_shapes(shapes)


def test_triple_index_answers_like_an_rdflib_graph() -> None:
    graph = to_graph(list(synth_extractions(30, seed=5)))
    index = TripleIndex(graph)
    assert len(index) == len(graph) and set(index) == set(graph)
    nodes = sorted({*graph.subjects(), *itertools.islice(graph.objects(), 200)}, key=str)[:60]
    predicates = sorted(set(graph.predicates()), key=str)
    for node, p in itertools.product(nodes, predicates):
        assert set(index.objects(node, p)) == set(graph.objects(node, p))
        assert sorted(index.subjects(p, node), key=str) == sorted(graph.subjects(p, node), key=str)
        assert set(index.triples((node, p, None))) == set(graph.triples((node, p, None)))
    for p in predicates:
        assert sorted(index.subject_objects(p), key=str) == sorted(graph.subject_objects(p), key=str)
        assert set(index.subjects_of(p)) == set(graph.subjects(p, None))
    some = next(iter(graph))
    assert some in index and (some[0], some[1], Literal("absent")) not in index
