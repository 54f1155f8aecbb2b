"""RSS 2.0 and Atom feeds with lxml: one news item per entry, read one entry at a time."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from email.utils import parsedate_to_datetime

from lxml import etree
from lxml import html as lxml_html

from ingest.readers.text import clean_item_lines
from ingest.segment_dates import parse_date
from ingest.segment_items import make_item
from kg.errors import InputError
from kg.model import NewsItem

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_SPACE = re.compile(r"[ \t\r\f\v]+")


def looks_like_feed(text: str) -> bool:
    """An RSS or Atom document (by its root element)."""
    head = text[:2048].lstrip("\ufeff \t\r\n")
    return bool(re.search(r"<(?:rss|feed|rdf:RDF)\b", head))


def _plain(markup: str | None) -> str:
    """Entry content is often escaped HTML: keep its text, one paragraph per line."""
    if not markup or not markup.strip():
        return ""
    if "<" in markup:
        markup = re.sub(r"(?i)</p>|<br\s*/?>", "\n", markup)
        markup = lxml_html.fragment_fromstring(markup, create_parent="div").text_content()
    lines = [_SPACE.sub(" ", line).strip() for line in markup.splitlines()]
    return "\n".join(line for line in clean_item_lines("\n".join(lines)) if line)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return parse_date(value)


def _child_text(entry: etree._Element, *tags: str) -> str | None:
    for tag in tags:
        node = entry.find(tag)
        if node is not None and (node.text or len(node)):
            return node.text if not len(node) else str(etree.tostring(node, method="text", encoding="unicode"))
    return None


def _entry(entry: etree._Element, channel: str | None, file: str | None) -> NewsItem:
    atom = entry.tag == f"{ATOM}entry"
    title = _child_text(entry, f"{ATOM}title" if atom else "title")
    if not title or not title.strip():
        raise InputError("feed entry without a title", file=file, field="title")
    if atom:
        body = _plain(_child_text(entry, f"{ATOM}content", f"{ATOM}summary"))
        links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        url = links[0].get("href") if links else None
        date = _date(_child_text(entry, f"{ATOM}published", f"{ATOM}updated"))
    else:
        body = _plain(_child_text(entry, CONTENT, "description"))
        url = (_child_text(entry, "link") or "").strip() or None
        date = _date(_child_text(entry, "pubDate", DC_DATE))
    source = (_child_text(entry, "source", f"{ATOM}source") or channel or "").strip() or None
    return make_item(title.strip(), body, date=date, source=source, url=url, file=file)


def read_feed(
    data: bytes, file: str | None = None, on_error: Callable[[InputError], None] | None = None
) -> Iterator[NewsItem]:
    """The items of a feed, entry by entry (a bad entry is reported to ``on_error`` and skipped, or raised)."""
    channel: str | None = None
    number = 0
    try:
        for _, element in etree.iterparse(io.BytesIO(data), events=("end",), resolve_entities=False, no_network=True):
            tag = element.tag if isinstance(element.tag, str) else ""
            if tag in ("title", f"{ATOM}title") and channel is None:
                parent = element.getparent()
                if parent is not None and parent.tag in ("channel", f"{ATOM}feed"):
                    channel = (element.text or "").strip() or None
            if tag not in ("item", f"{ATOM}entry"):
                continue
            number += 1
            try:
                yield _entry(element, channel, file)
            except InputError as exc:
                error = InputError(f"feed entry {number}: {exc.message}", file=file, item=str(number), field=exc.field)
                if on_error is None:
                    raise error from exc
                on_error(error)
            element.clear()  # stream: an entry read is an entry forgotten
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed feed XML: {exc}", file=file) from exc
