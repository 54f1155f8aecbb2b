"""Gazetteer surface forms found in a text, with a trie-shaped pattern per entry type built once per gazetteer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extract.trie import trie_pattern
from ingest.gazetteers import Gazetteer, GazetteerEntry

_PATTERNS: dict[tuple[int, str], re.Pattern[str] | None] = {}


def _usable(form: str) -> bool:
    # short Latin acronyms (CAS, MIT) are matched too, but only as whole words (checked in ``hits``)
    return len(form) >= 2 and not (form.isascii() and len(form) < 3)


def _pattern(gazetteer: Gazetteer, etype: str) -> re.Pattern[str] | None:
    key = (id(gazetteer), etype)
    if key not in _PATTERNS:
        _PATTERNS[key] = trie_pattern(form for form, _ in gazetteer.surface_forms(etype) if _usable(form))
    return _PATTERNS[key]


def hits(text: str, gazetteer: Gazetteer, etype: str) -> Iterator[tuple[int, int, GazetteerEntry]]:
    """(start, end, entry) of every gazetteer form of ``etype`` in ``text``, longest first at each position."""
    pattern = _pattern(gazetteer, etype)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        s, e = m.span()
        if m.group().isascii() and (s > 0 and text[s - 1].isalnum() or e < len(text) and text[e].isalnum()):
            continue
        entry = gazetteer.lookup(m.group(), etype)
        if entry is not None:
            yield s, e, entry
