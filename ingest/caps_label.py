"""Labels set in capitals on a line of their own: a page's label (CORRECTIONS, INSIGHTS | LETTERS), a rubric
(PLANETARY SCIENCE), a kicker over a headline (CASE STUDY), a form's field (ARTICLE TITLE).

Readers and the segmenter each ask whether a line is one, with limits of their own (a rubric is shorter than a page's
label); the shape of the words is the same everywhere, so it lives here once.
"""

from __future__ import annotations

import re

#: a word in capitals: Latin capitals with the joiners of names and labels (R&D, Q&A, COVID-19 is not: digits)
_WORD = r"[A-Z][A-Z&/'’-]*"
#: words separated by single spaces or by a bar between spaces (INSIGHTS | LETTERS)
_LABEL = re.compile(rf"{_WORD}(?:(?: [|] | ){_WORD})*")


def caps_label(text: str, *, words: int, chars: int, least: int = 1) -> bool:
    """Whether ``text`` (a stripped line) is a label in capitals of at most ``words`` words (a bar is not one) and
    between ``least`` and ``chars`` characters."""
    if not least <= len(text) <= chars or _LABEL.fullmatch(text) is None:
        return False
    return len(text.split()) - text.count("|") <= words
