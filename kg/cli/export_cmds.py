"""``kg export``: the stored graph (or the part around an entity) as RDF or as a graph file for other tools."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app, err_console
from kg.errors import UsageError
from kg.settings import get_settings

FORMATS = ("ttl", "nt", "jsonld", "graphml", "gexf", "csv")


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, nt, jsonld, graphml, gexf or csv")] = "ttl",
    around: Annotated[str | None, typer.Option("--around", help="only the neighbourhood of this entity id")] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, max=6, help="hops around --around")] = 1,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file to write (default: stdout)")] = None,
) -> None:
    """Export the configured store as Turtle, N-Triples, JSON-LD, GraphML, GEXF or CSV."""
    from kg.export import RDF_FORMATS, subgraph_from_extractions, write_rdf, write_view
    from kg.store import open_store

    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    store = open_store(get_settings())
    try:
        records = store.subgraph(around=around, depth=depth)
    finally:
        store.close()
    out = output.open("w", encoding="utf-8", newline="") if output is not None else sys.stdout
    try:
        if fmt in RDF_FORMATS:
            triples = write_rdf(records, fmt, out)
            err_console.print(f"exported {triples} triples from {len(records)} item(s)")
        else:
            view = subgraph_from_extractions(records)
            write_view(view, fmt, out)
            err_console.print(f"exported {len(view.nodes)} nodes and {len(view.edges)} edges")
    finally:
        if output is not None:
            out.close()
