"""PDF files: the text layer via pypdf, then the same path as a plain-text newsletter or item."""

from __future__ import annotations

import logging
from pathlib import Path

from kg.errors import InputError


def pdf_text(path: Path) -> str:
    """The text layer of a PDF, page after page (pages separated by blank lines, as a PDF-to-text export does)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise InputError(f"unreadable PDF: {exc}", file=str(path)) from exc
    text = "\n\n\n".join(pages)
    if not text.strip():
        raise InputError("the PDF has no text layer (scanned images need OCR first)", file=str(path))
    return text
