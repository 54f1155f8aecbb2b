"""Building :class:`kg.model.NewsItem` values the same way for every reader."""

from __future__ import annotations

from ingest.langdetect import detect_lang
from kg.ids import item_id
from kg.model import NewsItem


def make_item(
    title: str,
    body: str,
    *,
    date: str | None = None,
    source: str | None = None,
    url: str | None = None,
    section: str | None = None,
    file: str | None = None,
    parent_title: str | None = None,
) -> NewsItem:
    """A news item whose ``text`` is the title line, a newline and the body (so headline mentions have offsets)."""
    title = " ".join(title.split())
    body = body.strip("\n")
    text = f"{title}\n{body}" if body else title
    return NewsItem(
        id=item_id(title, text),
        title=title,
        text=text,
        date=date,
        source=source,
        url=url,
        section=section,
        lang=detect_lang(text),
        file=file,
        parent_title=parent_title,
    )
