"""Records of one template pasted one after another: conference abstracts, repository pages, database exports, each
opening with the same block of lines (the meeting's name, the licence, the repository's notice) above its own title.

    ABS-0412, updated on 02 May 2027
    Northern Ocean Sciences Meeting 2027
    © Author(s) 2027. This work is distributed under
    the Creative Commons Attribution 4.0 License.
    Title of the first abstract
    …
    (blank line)
    ABS-0977, updated on 28 Apr 2027
    Northern Ocean Sciences Meeting 2027
    …

The lines every record repeats are the template's, no story's; what each record prints above them (its number, its
link) is its label. Each record is an item titled by what follows the block.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

#: a template's block repeats at least this many lines, one of them at least this long (a share bar above and below
#: a story repeats two short lines: no template)
_BLOCK_LINES = 3
_BLOCK_CHARS = 20
#: the block stands within this many lines of its record's start
_HEAD_ROWS = 4


def _block_at(lines: Sequence[str], start: int, repeated: set[str]) -> int:
    """The end (exclusive) of the run of repeated lines that starts at ``start``."""
    end = start
    while end < len(lines) and lines[end].strip() in repeated:
        end += 1
    return end


def template_parts(text: str) -> list[str]:
    """The records of a text made of two or more records of one template (see the module), each without the
    template's block and its label above it; empty for any other text."""
    lines = text.splitlines()
    counts = Counter(t for line in lines if (t := line.strip()))
    many = {t: c for t, c in counts.items() if c >= 2}
    if len(many) < _BLOCK_LINES:
        return []
    first = next((i for i, line in enumerate(lines) if line.strip() in many), None)
    if first is None:
        return []
    times = many[lines[first].strip()]
    repeated = {t for t, c in many.items() if c == times}
    block = [line.strip() for line in lines[first : _block_at(lines, first, repeated)]]
    if len(block) < _BLOCK_LINES or max(map(len, block)) < _BLOCK_CHARS:
        return []
    # every occurrence of the block opens a record: it stands within a few lines under a blank line or the start
    starts = [
        i
        for i in range(len(lines))
        if lines[i].strip() == block[0] and [t.strip() for t in lines[i : i + len(block)]] == block
    ]
    if len(starts) != times:
        return []
    parts: list[str] = []
    for n, at in enumerate(starts):
        opening = next((k + 1 for k in range(at - 1, -1, -1) if not lines[k].strip()), 0)
        if at - opening > _HEAD_ROWS or (n and opening <= starts[n - 1]):
            return []
        end = (
            next((k for k in range(starts[n + 1] - 1, at, -1) if not lines[k].strip()), None)
            if n + 1 < len(starts)
            else len(lines)
        )
        if end is None:
            return []
        body = "\n".join(lines[at + len(block) : end]).strip("\n")
        if not body:
            return []
        parts.append(body)
    return parts
