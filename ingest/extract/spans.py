"""Candidate spans found by the rules, and sentence boundaries for evidence."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.delimited_lines import text_blocks
from ingest.extract.tables import table_lines

if TYPE_CHECKING:
    from kg.model import Extraction, NewsItem

# a full stop ends an English sentence unless it ends a title or abbreviation (Dr. Sara Whitfield)
# (an English semicolon ends a clause, except the one before the last entry of a list: "A of X; and B of Y")
# (American style closes the quote after the full stop: '… on "cold atoms." Dr. Ruiz …')
_SENTENCE_END = re.compile(r"[。！？；!?\n]+|;(?!\s+and\b)|\.(?:(?=\s+[A-Z\"“(])|[\"”](?=\s+[A-Z])|$)")
# ("the Tomas K. Arvidson Sr. Department": the suffix of a name goes on into what is named after the person)
_ABBREVIATION = re.compile(r"(?:\b(?:Dr|Mr|Ms|Mrs|Prof|St|No|al|vs|Fig|Jr|Sr)|\b[A-Z])$")


@dataclass
class Span:
    """A typed surface form at ``text[start:end]`` with the name it stands for.

    ``name`` is the cleaned surface (PDF spacing removed); ``alias`` a paired form written beside it (the English of
    ``罗安娜（Anna Rossi）``), with its own span; ``parent`` the name of the unit it is nested in (partOf);
    ``role`` a person's cue (``researcher`` or ``official``); ``absorbed`` marks a parent whose more specific unit
    carries the mention (so it is not an affiliation).
    """

    start: int
    end: int
    type: str
    name: str
    alias: str | None = None
    alias_span: tuple[int, int] | None = None
    parent: str | None = None
    role: str | None = None
    absorbed: bool = False
    meta: dict[str, object] = field(default_factory=dict)


class Sentences:
    """Sentence spans of a text, for the evidence of a fact and for rules that look within one sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        for m in _SENTENCE_END.finditer(text):
            if m.group() == "." and _ABBREVIATION.search(text, max(0, m.start() - 5), m.start()):
                continue
            starts.append(m.end())
        self.starts = sorted(set(s for s in starts if s < len(text))) or [0]

    def bounds(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding character ``pos``."""
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        start = self.starts[i]
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return start, end

    def sentence(self, pos: int) -> str:
        """The sentence holding ``pos``, stripped."""
        start, end = self.bounds(pos)
        return self.text[start:end].strip()

    def index(self, pos: int) -> int:
        """The number of the sentence holding ``pos``."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def all(self) -> list[tuple[int, int]]:
        """Every sentence as (start, end)."""
        ends = [*self.starts[1:], len(self.text)]
        return list(zip(self.starts, ends, strict=True))


_SPACES = re.compile(r"\s+")


def clean(surface: str) -> str:
    """A surface form as a name: spaces next to CJK characters dropped, runs of spaces collapsed."""
    return _SPACES.sub(" ", _PDF_SPACE.sub("", surface)).strip()


_CJK_CHAR = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"
# spaces PDF extraction leaves beside CJK text; not those between Latin words, whatever stands beside them
# (Science & Technology, "Marc-André Bélanger", "Cu+ sites", "α and β")
_PDF_SPACE = re.compile(rf"(?<=[{_CJK_CHAR}])\s+|\s+(?=[{_CJK_CHAR}])")
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK_CHAR}])[ \t\u00a0\u3000]+(?=[{_CJK_CHAR}])")


# a space after a body's name and before a word, neither of them letter-spaced: two names set apart on a line
# (主办：某委员会某部　某研究院), which letter-spacing, a space between every two characters, never leaves
_BODY_BEFORE = re.compile(rf"[{_CJK_CHAR}](?:院|所|部|系|校|中心|实验室|委员会)$")
_WORD_AFTER = re.compile(rf"[{_CJK_CHAR}]{{2}}")


def _bodies_apart(text: str, gap: re.Match[str]) -> bool:
    return (
        _BODY_BEFORE.search(text, max(0, gap.start() - 4), gap.start()) is not None
        and _WORD_AFTER.match(text, gap.end()) is not None
    )


def compact_text(text: str) -> tuple[str, list[int] | None]:
    """``text`` without spaces between CJK characters, and the original offset of each kept character.

    The offsets are None when there is nothing to take out (the common case: no copy, no mapping).
    """
    found = list(_SPACE_IN_CJK.finditer(text))
    if not found:
        return text, None
    # (and the tabs between the cells of delimited records: 林晓风<tab>周明远 are two cells, not one spaced name)
    tables = table_lines(text) + [line for block in text_blocks(text) for line in block]
    gaps = [m for m in found if not any(a <= m.start() < b for a, b in tables) and not _bodies_apart(text, m)]
    if not gaps:
        return text, None
    offsets: list[int] = []
    kept = 0
    parts: list[str] = []
    for m in gaps:
        offsets.extend(range(kept, m.start()))
        parts.append(text[kept : m.start()])
        kept = m.end()
    offsets.extend(range(kept, len(text)))
    parts.append(text[kept:])
    return "".join(parts), offsets


def map_back(extraction: Extraction, item: NewsItem, offsets: list[int]) -> Extraction:
    """An extraction made on the compact text, with mentions and evidence pointing into ``item.text`` again."""
    original = item.text
    sentences = Sentences(original)

    def span(start: int, end: int) -> tuple[int, int]:
        if end <= start:
            at = offsets[start] if start < len(offsets) else len(original)
            return at, at
        return offsets[start], offsets[end - 1] + 1

    for entity in extraction.entities:
        for mention in entity.mentions:
            mention.start, mention.end = span(mention.start, mention.end)
            mention.text = original[mention.start : mention.end]
            # a name read in simplified characters keeps the traditional form it was written in (香港中文大學) as
            # an alias: a search in either script finds it
            written = mention.text
            if written != entity.name and written not in entity.aliases and not any(c.isspace() for c in written):
                entity.aliases.append(written)
    for relation in extraction.relations:
        ev = relation.evidence
        ev.start, ev.end = span(ev.start, ev.end)
        ev.sentence = sentences.sentence(ev.start) or item.title
    extraction.item = item
    return extraction


def outermost_in(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans written inside ``text[start:end]`` that no other of them contains: a unit named in full
    (某大学某学院某学系), not the parents read inside its name."""
    inside = [s for s in spans if start <= s.start and s.end <= end]
    return [s for s in inside if not any(o is not s and o.start <= s.start and s.end <= o.end for o in inside)]
