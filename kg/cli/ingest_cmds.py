"""``kg ingest``: read → extract → resolve → map to RDF → validate → store, as one import batch."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli import app, err_console
from kg.cli._common import FormatOption, OutputFormat, print_json
from kg.cli._extracting import Skipped, extract_news, news_paths, progress_bar
from kg.errors import EXIT_USAGE
from kg.settings import get_settings


@app.command("ingest")
def ingest(
    paths: Annotated[list[Path], typer.Argument(exists=True, readable=True, help="files or folders to ingest")],
    as_kind: str = typer.Option(None, "--as", help="treat text files as a 'newsletter' issue or a single 'item'"),
    dry_run: bool = typer.Option(False, "--dry-run", help="extract and validate, write nothing"),
    strict: bool = typer.Option(False, "--strict", help="reject the whole batch if any record violates a shape"),
    reset: bool = typer.Option(False, "--reset", help="empty the store first (demo use)"),
    output: OutputFormat = FormatOption,
) -> None:
    """Ingest news files into the configured store as one import batch (all or nothing; re-ingesting is a no-op)."""
    from kg.pipeline import import_batch
    from kg.report import render_report
    from kg.store import open_store

    settings = get_settings()
    failures = Skipped()
    paths = news_paths(paths)  # the batch records the files read, not the folders named
    records = extract_news(paths, as_kind, failures)  # checks --as before the store is opened
    store = None if dry_run else open_store(settings)
    try:
        if store is not None:
            store.init_schema()
            if reset:
                store.clear()
                store.init_schema()
        with progress_bar() as progress:
            task = progress.add_task("extracting", total=None)

            def extractions() -> Any:
                for extraction in records:
                    progress.advance(task)
                    yield extraction

            def step(description: str, done: int | None = None, total: int | None = None) -> None:
                progress.update(task, description=description, completed=done, total=total)

            outcome = import_batch(
                extractions(),
                store,
                sources=[str(p) for p in paths],
                dry_run=dry_run,
                strict=strict,
                quarantine_dir=settings.quarantine_dir,
                progress=step,
                engine=settings.validation_engine,
            )
    finally:
        if store is not None:
            store.close()

    summary: dict[str, Any] = {
        "batch": outcome.batch.model_dump(mode="json"),
        "skipped": [str(f) for f in failures],
        "timings": outcome.timings,
    }
    if output is OutputFormat.json:
        summary["report"] = outcome.report.model_dump(mode="json") if outcome.report is not None else None
        print_json(summary)
    else:
        batch = outcome.batch
        if outcome.report is not None and not outcome.report.conforms:
            render_report(outcome.report, err_console)
        counts = ", ".join(f"{k} {v}" for k, v in batch.counts.items())
        verb = "would import" if dry_run else "imported"
        typer.echo(f"{batch.id}: {verb} {counts} ({batch.status})")
        if outcome.timings:
            spent = ", ".join(f"{stage} {seconds:.2f}" for stage, seconds in outcome.timings.items())
            typer.echo(f"took {sum(outcome.timings.values()):.2f} s: {spent}")
        if failures:
            typer.echo(f"{len(failures)} input problem(s) skipped; see above", err=True)
    if failures:
        raise typer.Exit(EXIT_USAGE)
