"""Streaming extraction: news items in, one ``Extraction`` per item out, never holding a corpus in memory."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, cast

from ingest.extract import extract_item
from ingest.gazetteers import load_gazetteer
from kg.errors import InputError
from kg.model import Extraction, NewsItem

__all__ = ["extract_items", "extract_paths", "extraction_json"]


def extract_items(
    items: Iterable[NewsItem], *, zh_model: str | None = None, en_model: str | None = None
) -> Iterator[Extraction]:
    """Extract each item as it arrives (the gazetteer and pipelines are loaded once, then reused)."""
    gazetteer = load_gazetteer()
    for item in items:
        yield extract_item(item, gazetteer, zh_model=zh_model, en_model=en_model)


def extract_paths(
    paths: Iterable[str | Path],
    kind: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
    *,
    zh_model: str | None = None,
    en_model: str | None = None,
) -> Iterator[Extraction]:
    """Read every path with ``ingest.readers`` and extract its items, streaming; bad items go to ``on_error``."""
    from ingest.readers import read_path

    def items() -> Iterator[NewsItem]:
        for path in paths:
            yield from read_path(Path(path), kind=cast(Literal["newsletter", "item"] | None, kind), on_error=on_error)

    gazetteer = load_gazetteer()
    for item in items():
        try:
            yield extract_item(item, gazetteer, zh_model=zh_model, en_model=en_model)
        except Exception as exc:  # one bad item never stops the others
            if on_error is None:
                raise
            on_error(InputError(f"extraction failed: {exc}", file=item.file, item=item.id))


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """One item in the ``kg extract --format json`` shape."""
    item = extraction.item
    return {
        "id": item.id,
        "title": item.title,
        "lang": item.lang,
        "date": item.date,
        "source": item.source,
        "entities": [
            {
                "id": e.id,
                "type": e.type,
                "name": e.name,
                "aliases": e.aliases,
                "identifiers": e.identifiers,
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
            }
            for e in extraction.entities
        ],
        "relations": [
            {
                "subject": r.subject,
                "predicate": r.predicate,
                "object": r.object,
                **({"role": r.role} if r.role else {}),
                **({"year": r.year} if r.year else {}),
                "evidence": r.evidence.sentence,
                "evidence_span": [r.evidence.start, r.evidence.end],
            }
            for r in extraction.relations
        ],
    }
