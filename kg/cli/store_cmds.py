"""``kg stats``, ``kg batches list|show|rollback`` and ``kg merge``: thin wrappers over the store verbs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.table import Table

from kg.cli import app
from kg.cli._common import FormatOption, OutputFormat, print_json
from kg.model import ImportBatch
from kg.settings import get_settings
from kg.store import open_store
from kg.store.base import GraphStore

batches_app = typer.Typer(help="List, show and roll back import batches.", no_args_is_help=True)
app.add_typer(batches_app, name="batches")
out = Console()


@contextmanager
def _store() -> Iterator[GraphStore]:
    store = open_store(get_settings())
    try:
        yield store
    finally:
        store.close()


def _batch_table(batches: list[ImportBatch]) -> Table:
    table = Table("id", "created", "status", "sources", "counts", "conforms")
    for b in batches:
        table.add_row(
            b.id,
            b.created_at.isoformat(timespec="seconds"),
            b.status,
            ", ".join(b.sources),
            " ".join(f"{k}={v}" for k, v in sorted(b.counts.items())),
            "yes" if b.validation.conforms else f"no ({b.validation.violations} violations)",
        )
    return table


@app.command()
def stats(
    top: int = typer.Option(10, help="how many best-connected researchers and institutions"),
    output: OutputFormat = FormatOption,
) -> None:  # noqa: E501
    """Counts per entity type and relation, items, the best-connected entities and the batches."""
    with _store() as store:
        result = store.stats(top=top)
    if output is OutputFormat.json:
        print_json(result)
        return
    table = Table("type", "count")
    for label, n in result.nodes_by_type.items():
        table.add_row(label, str(n))
    table.add_row("NewsItem", str(result.items))
    out.print(table)
    rels = Table("relation", "count")
    for predicate, n in result.edges_by_predicate.items():
        rels.add_row(predicate, str(n))
    out.print(rels)
    for title, nodes in (("researchers", result.top_researchers), ("institutions", result.top_institutions)):
        if nodes:
            out.print(f"top {title}: " + ", ".join(f"{n.name} ({n.properties.get('degree', 0)})" for n in nodes))


@batches_app.command("list")
def batches_list(output: OutputFormat = FormatOption) -> None:
    """Every import batch, oldest first."""
    with _store() as store:
        batches = store.batches()
    if output is OutputFormat.json:
        print_json([b.model_dump(mode="json") for b in batches])
    else:
        out.print(_batch_table(batches))


@batches_app.command("show")
def batches_show(batch_id: str = typer.Argument(..., help="the batch id"), output: OutputFormat = FormatOption) -> None:
    """One import batch with its counts and validation summary."""
    with _store() as store:
        batch = store.batch(batch_id)
    if output is OutputFormat.json:
        print_json(batch)
    else:
        out.print(_batch_table([batch]))
        if batch.validation.quarantined_items:
            out.print("quarantined items: " + ", ".join(batch.validation.quarantined_items))


@batches_app.command("rollback")
def batches_rollback(
    batch_id: str = typer.Argument(..., help="the batch id"), output: OutputFormat = FormatOption
) -> None:
    """Remove what the batch alone contributed (facts also supported by other batches keep their other evidence)."""
    with _store() as store:
        batch = store.rollback(batch_id)
    if output is OutputFormat.json:
        print_json(batch)
    else:
        out.print(f"rolled back {batch.id}")


@app.command()
def merge(
    keep: str = typer.Argument(..., help="id of the entity that stays"),
    drop: str = typer.Argument(..., help="id of the entity merged into it (it keeps resolving to KEEP)"),
    output: OutputFormat = FormatOption,
) -> None:
    """Merge DROP into KEEP: names, aliases, identifiers, relations and their evidence carried over."""
    with _store() as store:
        node = store.merge(keep, drop)
    if output is OutputFormat.json:
        print_json(node)
    else:
        out.print(f"merged {drop} into {node.id} ({node.name}); aliases: {', '.join(node.aliases)}")
