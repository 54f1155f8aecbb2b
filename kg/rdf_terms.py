"""Namespaces, IRI minting and the (cached) ontology and shapes graphs.

Entity, item and batch IRIs are the stable ids of :mod:`kg.ids` under one namespace, so an IRI never changes when the
same entity is read again. Facts, evidence records and mentions get IRIs derived from their content, which keeps
mapping deterministic: the same extractions always give the same triples.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.term import Node

from kg.errors import OntologyError


class _CachedNamespace(Namespace):
    """A Namespace that builds each term once: rdflib's builds a new URIRef on every ``KG.name`` (~10 µs), which
    is a sizeable share of mapping time when repeated for every triple."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # keep copy/pickle protocols working
            raise AttributeError(name)
        term = self.term(name)
        self.__dict__[name] = term
        return term

    def __getitem__(self, key: str) -> URIRef:  # type: ignore[override]
        term: URIRef = getattr(self, key)
        return term


KG_NAMESPACE = "https://w3id.org/science-news-kg/ontology#"
KG = _CachedNamespace(KG_NAMESPACE)
ID = Namespace("https://w3id.org/science-news-kg/id/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
FABIO = Namespace("http://purl.org/spar/fabio/")
FRAPO = Namespace("http://purl.org/cerif/frapo/")
SH = Namespace("http://www.w3.org/ns/shacl#")

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_PATH = ONTOLOGY_DIR / "context.jsonld"

PREFIXES: dict[str, Namespace] = {"kg": KG, "id": ID, "schema": SCHEMA, "prov": PROV}

#: identifier schemes with a property of their own, and how their values become owl:sameAs IRIs
IDENTIFIER_PROPERTIES: dict[str, URIRef] = {
    "issn_l": KG.issnL,
    "ror": KG.ror,
    "crossref_funder": KG.crossrefFunder,
    "wikidata": KG.wikidata,
    "doi": KG.doi,
    "orcid": KG.orcid,
}
_SAME_AS_BASE: dict[str, str] = {
    "issn_l": "https://portal.issn.org/resource/ISSN/",
    "ror": "https://ror.org/",
    "crossref_funder": "https://doi.org/10.13039/",
    "wikidata": "http://www.wikidata.org/entity/",
    "doi": "https://doi.org/",
    "orcid": "https://orcid.org/",
}


@lru_cache(maxsize=1 << 17)
def iri(stable_id: str) -> URIRef:
    """The IRI of an entity, news item or import batch with that stable id (one shared object per id: indexes find
    an identical key at once, while an equal but distinct URIRef costs a Python-level comparison)."""
    return URIRef(ID + stable_id)


def canonical(node: Node) -> Node:
    """The shared object for one of the ontology's terms (or rdf:type) equal to ``node``: dictionaries keyed by the
    mapping's terms then find a key read from another graph (the shapes) by identity, not by a Python-level ``==``."""
    if isinstance(node, URIRef):
        if node.startswith(KG_NAMESPACE):
            return KG[node[len(KG_NAMESPACE) :]]
        if node == RDF.type:
            return RDF.type
    return node


def local_id(node: object) -> str:
    """The stable id inside one of our IRIs (the inverse of :func:`iri`)."""
    text = str(node)
    return text[len(ID) :] if text.startswith(str(ID)) else text


def digest(*parts: object) -> str:
    """12 hex digits naming a node by its content (facts, evidence records, mentions)."""
    text = "\x1f".join(["" if p is None else p if type(p) is str else str(p) for p in parts])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def same_as(scheme: str, value: str) -> URIRef | None:
    """The IRI of an external record (Wikidata, ROR, ISSN portal, Crossref Funder, DOI, ORCID), if any."""
    base = _SAME_AS_BASE.get(scheme)
    if base is None or not value:
        return None
    if value.startswith(("http://", "https://")):
        return URIRef(quote(value, safe=":/?#[]@!$&'()*+,;=%-._~"))
    if scheme == "crossref_funder":
        value = value.removeprefix("10.13039/")
    # DOIs may hold characters that are not allowed in IRIs; percent-encode them but keep the DOI's own '/'.
    return URIRef(base + quote(value, safe="/:;()._-"))


def _parse(path: Path, what: str) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise OntologyError(f"the {what} file is missing", file=str(path)) from exc
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise OntologyError(f"the {what} file cannot be parsed: {exc}", file=str(path)) from exc
    if len(graph) == 0:
        raise OntologyError(f"the {what} file is empty", file=str(path))
    return graph


@lru_cache(maxsize=4)
def load_ontology(path: Path = ONTOLOGY_PATH) -> Graph:
    """The OWL ontology (cached; treat it as read-only). A broken file raises :class:`kg.errors.OntologyError`."""
    return _parse(path, "ontology")


@lru_cache(maxsize=4)
def load_shapes(path: Path = SHAPES_PATH) -> Graph:
    """The SHACL shapes graph (cached; treat it as read-only). A broken file raises :class:`kg.errors.OntologyError`."""
    graph = _parse(path, "shapes")
    if (None, None, SH.NodeShape) not in graph:
        raise OntologyError("the shapes file declares no sh:NodeShape", file=str(path))
    return graph
