"""Exports: RDF in three syntaxes reads back as the same graph; graph views open in networkx and as CSV; the
`kg export` command writes the configured store."""

from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.errors import UsageError
from kg.export import subgraph_from_extractions, write_csv, write_gexf, write_graphml, write_rdf, write_view
from kg.ids import entity_id
from kg.model import Entity, Evidence, Extraction, NewsItem, Relation
from kg.rdf import to_graph
from kg.rdf_terms import KG, iri

PARSE_FORMAT = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def records(n: int = 3) -> list[Extraction]:
    """n items, each saying a different researcher works at the same institution."""
    inst = entity_id("Institution", "North Lake University")
    out = []
    for i in range(n):
        name = f"Researcher {i}"
        text = f"{name} works at North Lake University."
        item = NewsItem(id=f"item-{i + 1:012x}", title=f"News {i}", text=text, date="2024-05-01", lang="en")
        rid = entity_id("Researcher", name)
        ev = Evidence(item_id=item.id, item_date=item.date, start=0, end=len(text), sentence=text)
        out.append(
            Extraction(
                item=item,
                entities=[
                    Entity(id=rid, type="Researcher", name=name, labels={"en": name}),
                    Entity(id=inst, type="Institution", name="North Lake University", identifiers={"ror": "013q1eq08"}),
                ],
                relations=[Relation(subject=rid, predicate="affiliatedWith", object=inst, evidence=ev)],
            )
        )
    return out


def _parse(text: str, fmt: str) -> Graph:
    with warnings.catch_warnings():
        # rdflib's JSON-LD parser still builds a ConjunctiveGraph internally (deprecated in rdflib 7)
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=text, format=PARSE_FORMAT[fmt])


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_write_rdf_reads_back_as_the_same_graph(fmt: str) -> None:
    out = io.StringIO()
    count = write_rdf(records(), fmt, out)
    expected = to_graph(records())
    assert count == len(expected)
    assert isomorphic(_parse(out.getvalue(), fmt), expected)


def test_write_rdf_streams_ntriples_without_repeating_shared_entities() -> None:
    out = io.StringIO()
    write_rdf(records(7), "nt", out, chunk_size=2)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(set(lines)) == len(to_graph(records(7)))


def test_subgraph_from_extractions_groups_evidence_per_edge() -> None:
    duplicate = records(1)[0].model_copy(
        update={"item": records(1)[0].item.model_copy(update={"id": "item-00000000ffff"})}
    )
    duplicate.relations = [
        r.model_copy(update={"evidence": r.evidence.model_copy(update={"item_id": "item-00000000ffff"})})
        for r in duplicate.relations
    ]
    view = subgraph_from_extractions(records(1) + [duplicate])
    assert len(view.nodes) == 2
    (edge,) = view.edges
    assert {e.item_id for e in edge.evidence} == {"item-000000000001", "item-00000000ffff"}


@pytest.mark.parametrize(("writer", "reader"), [(write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)])
def test_graph_views_open_in_networkx(writer, reader, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = subgraph_from_extractions(records(3))
    path = tmp_path / "view.xml"
    with path.open("w", encoding="utf-8") as out:
        writer(view, out)
    graph = reader(path)
    assert graph.number_of_nodes() == 4
    assert graph.number_of_edges() == 3
    inst = entity_id("Institution", "North Lake University")
    assert graph.nodes[inst]["type"] == "Institution"
    assert {d["predicate"] for _, _, d in graph.edges(data=True)} == {"affiliatedWith"}


def test_write_csv_lists_edges_with_names_and_evidence() -> None:
    out = io.StringIO()
    write_csv(subgraph_from_extractions(records(2)), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2
    assert {r["target_name"] for r in rows} == {"North Lake University"}
    assert rows[0]["predicate"] == "affiliatedWith" and rows[0]["evidence_count"] == "1"
    assert rows[0]["sentence"].endswith("works at North Lake University.")


@pytest.mark.parametrize(("call", "fmt"), [("rdf", "xml"), ("view", "dot")])
def test_unknown_export_format_is_a_usage_error(call: str, fmt: str) -> None:
    with pytest.raises(UsageError):
        if call == "rdf":
            write_rdf(records(1), fmt, io.StringIO())
        else:
            write_view(subgraph_from_extractions(records(1)), fmt, io.StringIO())


@pytest.mark.parametrize(
    ("fmt", "around"),
    [("ttl", False), ("nt", False), ("jsonld", False), ("graphml", False), ("gexf", False), ("csv", False),
     ("ttl", True)],
)  # fmt: skip
def test_kg_export_writes_the_configured_store(
    fmt: str, around: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.cli import app
    from kg.pipeline import import_batch
    from kg.settings import Settings, get_settings
    from kg.store import open_store

    monkeypatch.setenv("KG_STORE", "embedded")
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    try:
        store = open_store(Settings())
        try:
            outcome = import_batch(records(2), store, sources=["x"])
        finally:
            store.close()
        target = tmp_path / f"out.{fmt}"
        researcher = entity_id("Researcher", "Researcher 0")
        extra = ["--around", researcher, "--depth", "1"] if around else []
        result = CliRunner().invoke(app, ["export", "--format", fmt, "--output", str(target), *extra])
        assert result.exit_code == 0, result.output
        text = target.read_text(encoding="utf-8")
        if around:
            exported = _parse(text, fmt)
            assert (iri(researcher), KG.affiliatedWith, None) in exported
            assert (iri(entity_id("Researcher", "Researcher 1")), None, None) not in exported
        elif fmt in PARSE_FORMAT:
            assert isomorphic(_parse(text, fmt), to_graph(outcome.accepted))
        else:
            assert entity_id("Institution", "North Lake University") in text
    finally:
        get_settings.cache_clear()
