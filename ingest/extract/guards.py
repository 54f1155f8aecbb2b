"""Literal guards in front of costly patterns.

Python's ``re`` cannot skip ahead to a pattern's first character when the pattern opens with ``\\b``, a lookbehind or
a long alternation: it tries every position of the text. Such a pattern runs over a text only when a word that every
one of its matches holds (or a cheaper pattern that finds it) is in the text; most texts have none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: what a match must hold: any of these words, or a match of a cheaper pattern
Guard = tuple[str | re.Pattern[str], ...]


def may_match(guards: Mapping[re.Pattern[str], Guard], pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` can match ``text`` by its guard (a pattern without one always can)."""
    needed = guards.get(pattern)
    if needed is None:
        return True
    return any((word in text) if isinstance(word, str) else word.search(text) is not None for word in needed)
