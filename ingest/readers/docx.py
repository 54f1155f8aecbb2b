"""Word documents (``.docx``): the body's paragraphs and tables as text, then the same path as a text file.

Newsletters and award notices often travel as Word files. A ``.docx`` is a zip holding ``word/document.xml``; its
paragraphs are read in order (with the standard library: no extra dependency), each followed by a blank line, since
a Word paragraph is a paragraph, not a wrapped line. A table row becomes one line whose cells are set apart by wide
spaces, as a PDF's text export prints them, so the table readers of extraction see columns. The legacy binary
``.doc`` format is refused with a message that says how to convert it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from kg.errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: between the cells of a table row: wide enough for the table readers to see two columns
_CELL_GAP = "    "


def docx_text(path: Path) -> str:
    """The text of a Word document: paragraphs separated by blank lines, table rows one per line."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml")
    except KeyError as exc:
        raise InputError("not a Word document: word/document.xml is missing", file=str(path)) from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"unreadable Word document: {exc}", file=str(path)) from exc
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise InputError(f"unreadable Word document: word/document.xml: {exc}", file=str(path)) from exc
    body = root.find(f"{_W}body")
    blocks = list(_blocks(body)) if body is not None else []
    text = "\n".join(blocks).strip()
    if not text:
        raise InputError("the Word document holds no text", file=str(path))
    return text + "\n"


def _blocks(body: ElementTree.Element) -> Iterator[str]:
    """Each paragraph and a blank line after it; each table's rows, then a blank line."""
    for child in body:
        if child.tag == f"{_W}p":
            line = _paragraph(child).strip()
            if line:
                yield line
                yield ""
        elif child.tag == f"{_W}tbl":
            rows = [_row(tr) for tr in child.iter(f"{_W}tr")]
            rows = [row for row in rows if row.strip()]
            if rows:
                yield from rows
                yield ""


def _paragraph(p: ElementTree.Element) -> str:
    """The text of a paragraph: its runs' text, tabs as wide spaces, breaks as line ends."""
    parts: list[str] = []
    for node in p.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append(_CELL_GAP)
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _row(tr: ElementTree.Element) -> str:
    """A table row: each cell's paragraphs joined by a space, cells set apart by wide spaces."""
    cells = []
    for tc in tr.findall(f"{_W}tc"):
        text = " ".join(_paragraph(p).strip() for p in tc.iter(f"{_W}p"))
        cells.append(" ".join(text.split()))
    return _CELL_GAP.join(cells).rstrip()
