"""JSON Lines: one ``{"title", "text", "date", "url"}`` object per line; a bad line is reported and skipped."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from ingest.segment_dates import parse_date
from ingest.segment_items import make_item
from kg.errors import InputError
from kg.model import NewsItem

_OPTIONAL_STR = ("date", "url", "source", "section", "lang")


def _item(record: object, file: str | None, line_no: int) -> NewsItem:
    def bad(message: str, field: str | None) -> InputError:
        return InputError(f"line {line_no}: {message}", file=file, item=f"line {line_no}", field=field, line=line_no)

    if not isinstance(record, dict):
        raise bad("expected a JSON object", None)
    for field in ("title", "text"):
        value = record.get(field)
        if not isinstance(value, str) or not value.strip():
            raise bad(f"'{field}' must be a non-empty string", field)
    for field in _OPTIONAL_STR:
        if record.get(field) is not None and not isinstance(record[field], str):
            raise bad(f"'{field}' must be a string", field)
    date = None
    if record.get("date"):
        date = parse_date(record["date"])
        if date is None:
            raise bad(f"'date' is not a date: {record['date']!r}", "date")
    title = " ".join(record["title"].split())
    text = record["text"].strip()
    # the text may or may not repeat the headline; the item text starts with it exactly once
    if text.startswith(title):
        text = text[len(title) :].lstrip()
    return make_item(
        title,
        text,
        date=date,
        source=record.get("source"),
        url=record.get("url"),
        section=record.get("section"),
        file=file,
    )


def read_jsonl(
    lines: Iterable[str], file: str | None = None, on_error: Callable[[InputError], None] | None = None
) -> Iterator[NewsItem]:
    """The items of a JSON Lines stream, one line at a time."""
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"line {line_no}: invalid JSON: {exc.msg}", file=file, item=f"line {line_no}", line=line_no
                ) from exc
            yield _item(record, file, line_no)
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
