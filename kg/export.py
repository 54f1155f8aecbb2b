"""Serialisers: extraction records as Turtle, N-Triples or JSON-LD; graph views (SubGraph) as GraphML, GEXF or CSV.

N-Triples, GraphML, GEXF and CSV are written as they are produced (line by line, chunk by chunk); Turtle and JSON-LD
need the whole graph in memory to group and compact it, which rdflib does anyway.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Literal

import networkx as nx

from kg.errors import UsageError
from kg.model import Extraction
from kg.rdf import new_graph, to_graph
from kg.rdf_terms import CONTEXT_PATH
from kg.store.base import Edge, Node, SubGraph

RdfFormat = Literal["ttl", "nt", "jsonld"]
RDF_FORMATS: tuple[str, ...] = ("ttl", "nt", "jsonld")
VIEW_FORMATS: tuple[str, ...] = ("graphml", "gexf", "csv")
_NT_CHUNK = 500


def _chunks(records: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    chunk: list[Extraction] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def jsonld_context() -> dict[str, object]:
    """The JSON-LD context of ``ontology/context.jsonld`` (its ``@context`` value)."""
    with CONTEXT_PATH.open(encoding="utf-8") as f:
        context: dict[str, object] = json.load(f)["@context"]
    return context


def write_rdf(
    extractions: Iterable[Extraction], fmt: RdfFormat | str, out: IO[str], *, chunk_size: int = _NT_CHUNK
) -> int:
    """Write the records as RDF in ``fmt`` (ttl, nt or jsonld) to a text stream; returns the number of triples.

    N-Triples is streamed chunk by chunk; lines already written are not repeated (an entity seen in several items).
    """
    if fmt not in RDF_FORMATS:
        raise UsageError(f"unknown RDF format {fmt!r}; use one of {', '.join(RDF_FORMATS)}")
    if fmt == "nt":
        seen: set[int] = set()
        count = 0
        for chunk in _chunks(extractions, chunk_size):
            for line in to_graph(chunk).serialize(format="nt").splitlines():
                key = hash(line)
                if line and key not in seen:
                    seen.add(key)
                    out.write(line + "\n")
                    count += 1
        return count
    graph = to_graph(extractions, graph=new_graph())
    if fmt == "ttl":
        out.write(graph.serialize(format="turtle"))
    else:
        out.write(graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=2))
    return len(graph)


def subgraph_from_extractions(records: Iterable[Extraction]) -> SubGraph:
    """A graph view of extraction records: one node per entity, one edge per (subject, predicate, object, role,
    year) with all its evidence."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str, str | None, int | None], Edge] = {}
    for rec in records:
        for e in rec.entities:
            if e.id not in nodes:
                nodes[e.id] = Node(
                    id=e.id, type=e.type, name=e.name, aliases=e.aliases, labels=e.labels, identifiers=e.identifiers
                )
        for r in rec.relations:
            key = (r.subject, r.predicate, r.object, r.role, r.year)
            edge = edges.setdefault(
                key, Edge(source=r.subject, target=r.object, predicate=r.predicate, role=r.role, year=r.year)
            )
            if r.evidence not in edge.evidence:
                edge.evidence.append(r.evidence)
    return SubGraph(nodes=list(nodes.values()), edges=list(edges.values()))


def _scalar_attrs(data: dict[str, object]) -> dict[str, str | int | float | bool]:
    """GraphML and GEXF take scalar attributes only: lists and maps become JSON, None is left out."""
    out: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if value is None or value == [] or value == {}:
            continue
        out[key] = value if isinstance(value, str | int | float | bool) else json.dumps(value, ensure_ascii=False)
    return out


def to_networkx(subgraph: SubGraph) -> nx.MultiDiGraph:
    """A networkx multigraph of the view: node and edge attributes as scalars (name, type, predicate, evidence …)."""
    graph = nx.MultiDiGraph()
    for node in subgraph.nodes:
        attrs = {
            "label": node.name,
            "type": node.type,
            "aliases": node.aliases,
            "labels": node.labels,
            "identifiers": node.identifiers,
            **{f"p_{k}": v for k, v in node.properties.items()},
        }
        graph.add_node(node.id, **_scalar_attrs(attrs))
    for i, edge in enumerate(subgraph.edges):
        attrs = {
            "predicate": edge.predicate,
            "role": edge.role,
            "year": edge.year,
            "weight": edge.weight if edge.weight is not None else float(len(edge.evidence) or 1),
            "evidence_count": len(edge.evidence),
            "items": sorted({e.item_id for e in edge.evidence}),
            "sentence": edge.evidence[0].sentence if edge.evidence else None,
        }
        graph.add_edge(edge.source, edge.target, key=f"e{i}", **_scalar_attrs(attrs))
    return graph


def write_graphml(subgraph: SubGraph, out: IO[str]) -> None:
    """Write the view as GraphML (for Gephi, Cytoscape, yEd), line by line."""
    for line in nx.generate_graphml(to_networkx(subgraph)):
        out.write(line + "\n")


def write_gexf(subgraph: SubGraph, out: IO[str]) -> None:
    """Write the view as GEXF 1.2 (Gephi), line by line."""
    for line in nx.generate_gexf(to_networkx(subgraph)):
        out.write(line + "\n")


CSV_COLUMNS = (
    "source", "source_name", "source_type", "predicate", "target", "target_name", "target_type",
    "role", "year", "weight", "evidence_count", "items", "sentence",
)  # fmt: skip


def write_csv(subgraph: SubGraph, out: IO[str]) -> None:
    """Write the view as one CSV edge list (nodes without edges get a row with only the source columns)."""
    nodes = {n.id: n for n in subgraph.nodes}
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    linked: set[str] = set()
    for e in subgraph.edges:
        s, t = nodes.get(e.source), nodes.get(e.target)
        linked.update((e.source, e.target))
        writer.writerow(
            [
                e.source, s.name if s else "", s.type if s else "", e.predicate,
                e.target, t.name if t else "", t.type if t else "",
                e.role or "", "" if e.year is None else e.year, "" if e.weight is None else e.weight,
                len(e.evidence), ";".join(sorted({ev.item_id for ev in e.evidence})),
                e.evidence[0].sentence if e.evidence else "",
            ]
        )  # fmt: skip
    for n in subgraph.nodes:
        if n.id not in linked:
            writer.writerow([n.id, n.name, n.type] + [""] * (len(CSV_COLUMNS) - 3))


def write_view(subgraph: SubGraph, fmt: str, out: IO[str]) -> None:
    """Write a graph view in ``fmt`` (graphml, gexf or csv)."""
    writers = {"graphml": write_graphml, "gexf": write_gexf, "csv": write_csv}
    if fmt not in writers:
        raise UsageError(f"unknown view format {fmt!r}; use one of {', '.join(VIEW_FORMATS)}")
    writers[fmt](subgraph, out)
