"""Entries numbered by a marker on a line of its own above their headlines, as WeChat posts and web digests set
them (a roundup of a month's papers):

    01
    某某团队Nature Catalysis：铜锌原子对助力CO2电还原
    近日，…

Each marker and its headline are rewritten as one bullet heading (``● 某某团队Nature Catalysis：…``), a digest's
layout the segmenter reads; the markers themselves (a count, not a story) go.
"""

from __future__ import annotations

import re
from itertools import islice

from ingest.segment_lines import ends_sentence, headline_shaped

#: a zero-padded entry number alone on its line (01, 02 …), or one written NO.1 / No. 2
_MARKER = re.compile(r"^\s*(?:0(?P<padded>[1-9])|(?P<tens>[1-9]\d)|NO\.\s*(?P<no>\d{1,2}))\s*$", re.I)
#: the text under an entry's headline ends a sentence within this many lines
_TEXT_LINES = 3
#: markers it takes to read a text so
_MARKERS = 2


def _number(line: str) -> int | None:
    m = _MARKER.match(line)
    if m is None:
        return None
    return int(m["padded"] or m["tens"] or m["no"])


def numbered_headlines(text: str) -> str:
    """``text`` with each entry marker folded into the headline under it (see the module); unchanged unless two
    markers or more count up from 1 in order, each right above a headline with text under it."""
    lines = text.splitlines()
    found: list[int] = []
    for i in range(len(lines) - 2):
        number = _number(lines[i])
        if number is None or number != len(found) + 1:
            continue
        head = lines[i + 1].strip()
        # (a table set one cell a line, 01 / 张三 / 物理学院 / 02 / …, has a number over a name and no sentence)
        below = list(islice((t for line in lines[i + 2 :] if (t := line.strip())), _TEXT_LINES))
        if head and headline_shaped(head) and not ends_sentence(head) and any(ends_sentence(t) for t in below):
            found.append(i)
    if len(found) < _MARKERS:
        return text
    out: list[str] = []
    marked = set(found)
    for i, line in enumerate(lines):
        if i in marked:
            continue
        out.append(f"● {line.strip()}" if i - 1 in marked else line)
    return "\n".join(out)
