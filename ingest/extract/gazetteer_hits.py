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
        # (a Latin name written straight into Chinese text, 在IEEE Transactions on …发表, has Chinese letters beside it:
        # only Latin letters and digits make it part of a longer word)
        if m.group().isascii() and (
            s > 0 and _latin_word_char(text[s - 1]) or e < len(text) and _latin_word_char(text[e])
        ):
            continue
        entry = gazetteer.lookup(m.group(), etype)
        if entry is not None:
            yield s, e, entry


def _latin_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
