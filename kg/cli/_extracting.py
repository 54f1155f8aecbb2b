"""What every command that reads news shares: the --as check, the configured spaCy models, skipped-item reporting
and the progress bar on stderr."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from kg.cli import err_console
from kg.errors import UsageError
from kg.model import Extraction
from kg.settings import get_settings

KINDS = (None, "newsletter", "item")


def progress_bar() -> Progress:
    """A transient progress bar on stderr, so stdout stays data."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


class Skipped(list[Exception]):
    """Collects the items that could not be read (reported on stderr as they happen); the run goes on without them."""

    def __call__(self, error: Exception) -> None:
        self.append(error)
        err_console.print(f"[yellow]skipped:[/] {error}")


def news_paths(paths: list[Path]) -> list[Path]:
    """The files behind the command line's paths: folders are read as every news file under them."""
    from ingest.readers import news_files

    return news_files(paths)


def extract_news(paths: list[Path], as_kind: str | None, skipped: Skipped) -> Iterator[Extraction]:
    """Read and extract ``paths`` (files: see :func:`news_paths`) with the configured spaCy models, streaming; bad
    items go to ``skipped``."""
    from ingest.pipeline import extract_paths  # the composition root may import ingest; kg/ library code may not

    if as_kind not in KINDS:
        raise UsageError("--as takes 'newsletter' or 'item'")
    settings = get_settings()
    return extract_paths(
        paths,
        kind=as_kind,
        on_error=skipped,
        zh_model=settings.spacy_model_zh,
        en_model=settings.spacy_model_en,
    )
