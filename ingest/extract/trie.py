"""A regular expression that matches any of many literal strings, built as a trie so it scans fast.

Python's ``re`` tries the alternatives of ``a|b|c...`` one by one at each position; with thousands of gazetteer forms
that is slower than a trie-shaped pattern (``复旦(?:大学)?|中(?:国科学院|科院)``), which branches once per character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""
_Node = dict[str, "_Node"]


def trie_pattern(words: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    """A compiled pattern matching the longest of ``words`` at each position (None when there are none)."""
    trie: _Node = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not trie:
        return None
    return re.compile(_to_regex(trie), flags)


def _to_regex(node: _Node) -> str:
    optional = _END in node
    branches = [re.escape(ch) + _to_regex(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?"
    return body
