"""A press-release web page: title, date and body paragraphs, with lxml.

Title from ``og:title``, else ``<h1>``, else ``<title>``; date from the usual meta tags or ``<time datetime>``; body
from the paragraphs of ``<article>`` (or ``<main>``, or the page) without navigation, captions and scripts.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ParserError

from ingest.readers.text import clean_item_lines, is_meta_line, item_metadata
from ingest.segment_dates import first_event_date, parse_date
from ingest.segment_items import make_item
from kg.errors import InputError
from kg.model import NewsItem

_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "DC.date.issued",
    "PubDate",
)
_DROP = "//script|//style|//noscript|//nav|//header|//footer|//aside|//figcaption|//form|//button"
_SPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _text(element: lxml_html.HtmlElement) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def _meta(doc: lxml_html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            values = doc.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            if values and str(values[0]).strip():
                return str(values[0]).strip()
    return None


def read_html(text: str, file: str | None = None, url: str | None = None) -> NewsItem:
    """The news item of one press-release page."""
    # lxml refuses a str that still declares its byte encoding (XHTML pages); the bytes are decoded already
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        doc = lxml_html.document_fromstring(text)
    except (ParserError, ValueError) as exc:
        raise InputError(f"not an HTML page: {exc}", file=file) from exc
    for element in doc.xpath(_DROP):
        element.drop_tree()
    title = _meta(doc, "og:title", "twitter:title")
    if not title:
        heading = doc.xpath("//h1")
        title = _text(heading[0]) if heading else None
    if not title:
        head_title = doc.xpath("//title")
        title = _text(head_title[0]) if head_title else None
    if not title:
        raise InputError("the page has no title (og:title, <h1> or <title>)", file=file)
    containers = doc.xpath("//article") or doc.xpath("//main") or doc.xpath("//body") or [doc]
    container = max(containers, key=lambda el: len(el.xpath(".//p")))
    paragraphs = [_text(p) for p in container.xpath(".//p")] or [_text(container)]
    lines = [line for line in clean_item_lines("\n".join(paragraphs)) if line and line != title]
    body = "\n".join(lines)
    date_value = _meta(doc, *_DATE_META)
    if not date_value:
        times = doc.xpath("//time/@datetime") or [t.text_content() for t in doc.xpath("//time")]
        date_value = str(times[0]) if times else None
    date = parse_date(date_value) if date_value else None
    # a CMS prints "发布时间：2026-04-08 来源：物理学院" as text, not as <meta> or <time>
    printed = [line for t in doc.xpath("//body//text()") if is_meta_line(line := str(t).strip())]
    printed_date, printed_source = item_metadata("\n".join(printed))
    date = date or printed_date or first_event_date(body, None)
    url = url or _meta(doc, "og:url")
    if not url:
        canonical = doc.xpath("//link[@rel='canonical']/@href")
        url = str(canonical[0]) if canonical else None
    source = _meta(doc, "og:site_name", "author") or printed_source
    return make_item(title, body, date=date, source=source, url=url, file=file)
