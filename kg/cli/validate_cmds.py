"""``kg validate``: a dry run of an import (extract, map, validate); prints the curator's report, writes nothing."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.cli._common import FormatOption, OutputFormat, print_json
from kg.cli._extracting import Skipped, extract_news, news_paths
from kg.errors import NonConformance


class Engine(StrEnum):
    """Who applies the SHACL shapes (see kg.validation)."""

    compiled = "compiled"
    pyshacl = "pyshacl"


@app.command("validate")
def validate_cmd(
    paths: Annotated[list[Path], typer.Argument(exists=True, readable=True, help="files or folders to validate")],
    as_kind: Annotated[
        str | None, typer.Option("--as", help="treat text files as a 'newsletter' issue or a single 'item'")
    ] = None,
    show_info: Annotated[bool, typer.Option("--info", help="also list sh:Info results")] = False,
    engine: Annotated[
        Engine | None,
        typer.Option(
            "--engine",
            help="who applies the shapes: compiled, or pyshacl (the reference); default: KG_VALIDATION_ENGINE",
        ),
    ] = None,
    output: OutputFormat = FormatOption,
) -> None:
    """Extract, map to RDF and validate with SHACL, then print the curator's report. Writes nothing.

    Exit 0 when the records conform (warnings allowed), 1 when any record violates a shape.
    """
    from kg.pipeline import import_batch
    from kg.report import render_report, report_json
    from kg.settings import get_settings

    chosen = engine.value if engine is not None else get_settings().validation_engine
    skipped = Skipped()
    paths = news_paths(paths)
    records = extract_news(paths, as_kind, skipped)
    outcome = import_batch(records, None, sources=[str(p) for p in paths], dry_run=True, engine=chosen)
    report = outcome.report
    if output is OutputFormat.json:
        data = report_json(report)
        data["batch"] = outcome.batch.model_dump(mode="json")
        data["quarantined_items"] = [q.item_id for q in outcome.quarantined]
        data["skipped"] = [str(e) for e in skipped]
        print_json(data)
    else:
        from rich.console import Console

        render_report(report, Console(), show_info=show_info)
        counts = ", ".join(f"{k} {v}" for k, v in outcome.batch.counts.items())
        typer.echo(f"{outcome.batch.id}: would import {counts} (dry run, nothing written)")
    if not report.conforms:
        raise NonConformance(
            f"{report.counts.get('Violation', 0)} violation(s) in {len(outcome.quarantined)} item(s)", report=report
        )
