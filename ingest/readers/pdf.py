"""PDF files: the text layer via pypdf, then the same path as a plain-text newsletter or item.

pypdf gives each page's lines without the blank lines a layout export keeps, so the page furniture cannot be told by
the blank lines around it as in a text export. Here the page boundaries are known: a line at the top or bottom of a
page that is a page number, or that repeats at the edges of several pages (the running header), is dropped per page.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

from ingest.segment_lines import is_page_number
from kg.errors import InputError

#: how many lines at the top and at the bottom of a page can hold furniture
_EDGE = 3
_DIGITS = re.compile(r"\d+")


def pdf_text(path: Path) -> str:
    """The text layer of a PDF, page furniture removed, pages separated by blank lines."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        pages = [(page.extract_text() or "").splitlines() for page in reader.pages]
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise InputError(f"unreadable PDF: {exc}", file=str(path)) from exc
    text = "\n\n\n".join("\n".join(lines) for lines in strip_page_furniture(pages))
    if not text.strip():
        raise InputError("the PDF has no text layer (scanned images need OCR first)", file=str(path))
    return text


def _edges(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE] + filled[-_EDGE:]))


def _key(line: str) -> str:
    """A line compared across pages with its numbers masked (``Issue 3 · page 4``)."""
    return _DIGITS.sub("#", " ".join(line.split()))


def strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Each page's lines without the page numbers and running headers or footers at its edges.

    Issue lines stay: the segmenter reads the issue's year from them before it drops them.
    """
    seen = Counter(key for lines in pages for key in {_key(lines[i]) for i in _edges(lines)})
    out = []
    for lines in pages:
        drop = {
            i
            for i in _edges(lines)
            if is_page_number(lines[i].strip())
            or (len(pages) > 1 and seen[_key(lines[i])] >= 2 and len(lines[i].strip()) <= 40)
        }
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out
