"""``kg extract`` (entities and relations of news files, no store) and ``kg eval`` (scores against a gold file)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from kg.cli import app, err_console
from kg.cli._common import FormatOption, OutputFormat, print_json
from kg.cli._extracting import Skipped, extract_news, news_paths, progress_bar
from kg.errors import EXIT_USAGE, InputError

PathsArgument = typer.Argument(..., exists=True, readable=True, help="news files or folders to read")
AsOption = typer.Option(None, "--as", help="treat text files as a 'newsletter' issue or a single 'item'")
GoldOption = typer.Option(..., "--gold", exists=True, dir_okay=False, help="gold annotation (dev_gold.json shape)")


def _run(paths: list[Path], as_kind: str | None) -> tuple[list[dict[str, Any]], Skipped]:
    """Extract every item of ``paths`` (progress on stderr); bad items are reported and skipped."""
    from ingest.pipeline import extraction_json

    skipped = Skipped()
    items: list[dict[str, Any]] = []
    with progress_bar() as progress:
        task = progress.add_task("extracting", total=None)
        for extraction in extract_news(news_paths(paths), as_kind, skipped):
            items.append(extraction_json(extraction))
            progress.advance(task)
    return items, skipped


def _summary(items: list[dict[str, Any]], failures: Sequence[Exception]) -> None:
    entities = sum(len(i["entities"]) for i in items)
    relations = sum(len(i["relations"]) for i in items)
    err_console.print(f"{len(items)} item(s), {entities} entities, {relations} relations, {len(failures)} failed")


@app.command("extract")
def extract(paths: list[Path] = PathsArgument, as_kind: str = AsOption, output: OutputFormat = FormatOption) -> None:
    """Extract researchers, institutions, journals, funders, awards, publications and their relations."""
    items, failures = _run(paths, as_kind)
    if output is OutputFormat.json:
        print_json({"items": items})
    else:
        from rich.console import Console

        console = Console()
        for item in items:
            names = {e["id"]: e["name"] for e in item["entities"]}
            table = Table(title=f"{item['title']}  ({item['date'] or 'no date'})", title_justify="left")
            for column in ("type", "name", "aliases", "mentions"):
                table.add_column(column)
            for e in item["entities"]:
                table.add_row(e["type"], e["name"], ", ".join(e["aliases"]), str(len(e["mentions"])))
            console.print(table)
            for r in item["relations"]:
                extra = " ".join(str(r[k]) for k in ("role", "year") if k in r)
                subject, obj = names.get(r["subject"], r["subject"]), names.get(r["object"], r["object"])
                console.print(f"  {subject} —{r['predicate']}→ {obj} {extra}")
    _summary(items, failures)
    if failures:
        raise typer.Exit(EXIT_USAGE)


@app.command("eval")
def evaluate(
    paths: list[Path] = PathsArgument,
    gold: Path = GoldOption,
    as_kind: str = AsOption,
    output: OutputFormat = FormatOption,
    errors: bool = typer.Option(False, "--errors", help="also list each miss (fn) and invention (fp), per item"),
) -> None:
    """Score the extraction of PATHS against a gold file: P/R/F1 per entity type, per relation type and overall."""
    from ingest.evaluation import score

    try:
        gold_data = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the gold file: {exc}", file=str(gold)) from exc
    items, failures = _run(paths, as_kind)
    report = score(gold_data, items).as_dict()
    if output is OutputFormat.json:
        print_json(report)
    else:
        from rich.console import Console

        table = Table(title="extraction scores", title_justify="left")
        for column in ("", "P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="right" if column else "left")
        rows = [*report["entities"].items(), ("entities", report["entities_overall"])]
        rows += [
            *report["relations"].items(),
            ("relations", report["relations_overall"]),
            ("overall", report["overall"]),
        ]
        for label, c in rows:
            table.add_row(
                label,
                f"{c['precision']:.3f}",
                f"{c['recall']:.3f}",
                f"{c['f1']:.3f}",
                str(c["tp"]),
                str(c["fp"]),
                str(c["fn"]),
            )
        Console().print(table)
        invented = report["researchers_in_items_naming_none"]
        typer.echo(
            f"items aligned: {report['items']['aligned']}, gold items not found: {report['items']['unaligned_gold']}"
        )
        typer.echo(f"Researchers in items that name none: {invented or 'none'}")
        if errors:
            for e in report["errors"]:
                typer.echo(f"{e['kind']}  {e['type']:<16} {e['name']}  [{e['item']}]")
    if failures:
        raise typer.Exit(EXIT_USAGE)
