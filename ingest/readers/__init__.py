"""Readers: turn a file into news items (:class:`kg.model.NewsItem`), whatever its format.

``read_path`` dispatches on the file type, and on the content where the suffix does not say: ``.txt`` (a newsletter
issue or one item, detected; ``kind`` overrides), ``.pdf`` (text layer), ``.docx`` (Word; the old ``.doc`` is
refused), ``.html``/``.htm`` (a press-release page), RSS/Atom (``.xml``/``.rss``/``.atom`` or detected), ``.jsonl``,
Markdown (``.md``, or ``#`` headings detected; read as plain text, see :mod:`ingest.readers.markdown`). It is a
generator: items are produced one by one and no more than one file's text is held at a time (JSON Lines and feeds
are read entry by entry).

Errors: a file that cannot be read or decoded is one :class:`kg.errors.InputError`; an item that cannot be read (a bad
JSON line, a feed entry without title) is another. With ``on_error`` each is reported there and skipped, and reading
goes on; without it, it is raised.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

from ingest.readers.docx import docx_text
from ingest.readers.encoding import decode_bytes
from ingest.readers.feeds import looks_like_feed, read_feed
from ingest.readers.html import read_html
from ingest.readers.jsonl import read_jsonl
from ingest.readers.markdown import looks_like_markdown, markdown_stories, markdown_to_text
from ingest.readers.pdf import pdf_text
from ingest.readers.text import detect_kind, read_item_text, read_text
from kg.errors import InputError, UsageError
from kg.model import NewsItem

__all__ = ["decode_bytes", "detect_kind", "news_files", "read_item_text", "read_path", "sniff_format"]

Format = Literal["text", "pdf", "html", "feed", "jsonl", "docx", "doc"]
_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def sniff_format(path: Path, head: bytes) -> Format:
    """The format of a file: by suffix, then by content (a text file may hold a feed or a page)."""
    by_suffix = _SUFFIXES.get(path.suffix.lower())
    if by_suffix in ("pdf", "jsonl", "html", "docx", "doc"):
        return by_suffix
    if head.startswith(b"%PDF-"):
        return "pdf"
    try:
        text = decode_bytes(head, str(path)) if head else ""
    except InputError:
        text = head.decode("utf-8", errors="ignore")  # the head may cut a character; decode errors come later
    stripped = text.lstrip("\ufeff \t\r\n")
    if looks_like_feed(stripped):
        return "feed"
    lowered = stripped[:512].lower()
    if lowered.startswith(("<!doctype html", "<html")) or ("<html" in lowered and "<body" in text.lower()):
        return "html"
    if by_suffix is None and stripped.startswith("{") and _json_line(stripped.splitlines()[0]):
        return "jsonl"
    return by_suffix or "text"


def _json_line(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def news_files(paths: Iterable[Path]) -> list[Path]:
    """The files to read for ``paths``: a file as given (its content decides the format whatever its suffix), a
    folder as every file under it with a suffix a reader knows, sorted, hidden files and folders left out (an export
    folder holds ``.git``, ``.DS_Store`` and the like). A folder holding no such file is a
    :class:`kg.errors.UsageError` naming it: a mistyped folder must not pass as an empty import."""
    files: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(
            f
            for f in path.rglob("*")
            if f.is_file()
            and f.suffix.lower() in _SUFFIXES
            and not any(part.startswith(".") for part in f.relative_to(path).parts)
        )
        if not found:
            known = ", ".join(sorted(_SUFFIXES))
            raise UsageError(f"{path}: the folder holds no news file (suffixes read: {known})")
        files.extend(found)
    return files


def read_path(
    path: Path,
    kind: Literal["newsletter", "item"] | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[NewsItem]:
    """The news items in a file (see the module docstring for formats, ``kind`` and ``on_error``)."""
    if kind not in (None, "newsletter", "item"):
        raise UsageError(f"kind must be 'newsletter' or 'item', not {kind!r}")
    path = Path(path)
    file = str(path)
    try:
        yield from _read(path, file, kind, on_error)
    except InputError as error:
        if on_error is None:
            raise
        on_error(error)


def _read(
    path: Path, file: str, kind: Literal["newsletter", "item"] | None, on_error: Callable[[InputError], None] | None
) -> Iterator[NewsItem]:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", file=file) from exc
    fmt = sniff_format(path, head)
    if fmt == "pdf":
        yield from read_text(pdf_text(path), file, kind)
    elif fmt == "docx":
        yield from read_text(docx_text(path), file, kind)
    elif fmt == "doc":
        raise InputError("the legacy Word format (.doc) is not read: save the file as .docx or PDF", file=file)
    elif fmt == "jsonl":
        yield from read_jsonl(_jsonl_lines(path, file, head, on_error), file, on_error)
    elif fmt == "feed":
        yield from read_feed(path.read_bytes(), file, on_error)
    else:
        text = decode_bytes(path.read_bytes(), file)
        if fmt == "html":
            yield read_html(text, file)
        else:
            if path.suffix.lower() in (".md", ".markdown") or looks_like_markdown(text):
                # headings set the stories apart (the sections of one report stay one item)
                stories = [markdown_to_text(text)] if kind == "item" else markdown_stories(text)
                for story in stories:
                    item = read_item_text(story, file)
                    if item is not None:
                        yield item
                return
            yield from read_text(text, file, kind)


def _jsonl_lines(path: Path, file: str, head: bytes, on_error: Callable[[InputError], None] | None) -> Iterator[str]:
    """Decoded lines of a JSON Lines file, streamed; an undecodable line becomes an unparsable one (reported)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield from decode_bytes(path.read_bytes(), file).splitlines()
        return
    offset = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            data = raw[3:] if number == 1 and raw.startswith(codecs.BOM_UTF8) else raw
            try:
                yield data.decode("utf-8")
            except UnicodeDecodeError as exc:
                error = InputError(
                    f"line {number}: undecodable UTF-8", file=file, offset=offset + exc.start, item=f"line {number}"
                )
                if on_error is None:
                    raise error from exc
                on_error(error)
                yield ""  # keep line numbers aligned
            offset += len(raw)
