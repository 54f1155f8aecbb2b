"""The header of a Chinese paper's abstract page (a journal site, a database record): the title line, an author line
whose names carry their affiliations' numbers as plain digits (张三1　李四1,2　王五2*), and the numbered affiliation
line under it (1.某大学某学院　2.某研究所).

- the authors are researchers, authors of the paper the title line names (the first of them its first author);
- each author is affiliated with the units their numbers point to;
- a numbered unit written as its university and a unit of it with no word between (某大学某某全国重点实验室) is that
  university's unit, named in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.lexicon import CJK
from ingest.extract.spans import Span

# an author with the numbers of their affiliations (and a marker of a corresponding or co-first author)
_AUTHOR = rf"[{CJK}]{{2,4}}\d{{1,2}}(?:[,，]\d{{1,2}})*[*#＊]?"
# two or more such authors at the end of a line, apart by spaces (a reader may run the line on after an English
# title written right before it)
_AUTHOR_LINE = re.compile(rf"(?m)(?<![{CJK}\w])(?P<names>{_AUTHOR}(?:[^\S\n]+{_AUTHOR})+)[^\S\n]*$")
_ONE = re.compile(rf"(?P<name>[{CJK}]{{2,4}})(?P<marks>\d{{1,2}}(?:[,，]\d{{1,2}})*)[*#＊]?")
# the numbered affiliation line: 1.某大学某学院　2.某研究所 (each number opens a unit)
_AFFILIATION = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})[.．、]?[^\S\n]*(?=[\u4e00-\u9fff])")
# a line in Latin letters (an English title), or nothing
_LATIN = re.compile(r"[^\S\n]*(?:[A-Za-z][^\n\u4e00-\u9fff]*)?")
# a title line: Chinese text with no sentence punctuation
_TITLE_LINE = re.compile(rf"[^\S\n]*(?P<title>[{CJK}][^。，,；;：:\n]{{5,80}}?)[^\S\n]*\n")


@dataclass
class Block:
    """One paper header: its authors (with the numbers they carry), the units by number and the title."""

    authors: list[tuple[Span, list[str]]] = field(default_factory=list)
    units: dict[str, tuple[int, int]] = field(default_factory=dict)
    title: Span | None = None


def find(text: str) -> Block | None:
    """The paper header of ``text``, if it has one (an author line right above its numbered affiliation line)."""
    # (a literal scan first: the affiliation line opens with "1.")
    if "1." not in text and "1．" not in text and "1、" not in text:
        return None
    for line in _AUTHOR_LINE.finditer(text):
        below = line.end() + 1
        if not text.startswith("1", below):
            continue
        line_end = text.find("\n", below)
        line_end = len(text) if line_end < 0 else line_end
        numbers = list(_AFFILIATION.finditer(text, below, line_end))
        if not numbers or numbers[0].group("n") != "1":
            continue
        block = Block()
        for i, m in enumerate(numbers):
            stop = numbers[i + 1].start() if i + 1 < len(numbers) else line_end
            block.units[m.group("n")] = (m.end(), len(text[:stop].rstrip()))
        for one in _ONE.finditer(text, line.start("names"), line.end("names")):
            marks = re.split(r"[,，]", one.group("marks"))
            if not all(mark in block.units for mark in marks):
                return None  # numbers that point to no unit: not an author line
            name = one.group("name")
            block.authors.append(
                (Span(one.start(), one.start() + len(name), "Researcher", name, role="researcher"), marks)
            )
        # the title: the nearest Chinese line above (a line of English between is its translation, which a reader
        # may have run on into the author line)
        if not _LATIN.fullmatch(text, text.rfind("\n", 0, line.start()) + 1, line.start("names")):
            return block
        start = text.rfind("\n", 0, line.start()) + 1
        for _ in range(4):  # (over blank lines)
            if start == 0:
                break
            start = text.rfind("\n", 0, start - 1) + 1
            title = _TITLE_LINE.match(text, start)
            if title is not None:
                block.title = Span(title.start("title"), title.end("title"), "Publication", title.group("title"))
                break
            if not _LATIN.fullmatch(text, start, text.find("\n", start)):
                break
        return block
    return None


def complete_units(text: str, block: Block, institutions: list[Span]) -> list[Span]:
    """``institutions`` with each numbered unit read as a whole: 某大学 and the lab after it become the university's
    lab, named in full."""
    out = list(institutions)
    for a, b in block.units.values():
        inside = sorted((s for s in out if a <= s.start and s.end <= b), key=lambda s: s.start)
        if len(inside) == 2 and inside[0].start == a and inside[0].end == inside[1].start and inside[1].end == b:
            head, tail = inside
            if tail.parent is None and head.parent is None:
                out.remove(tail)
                out.append(Span(a, b, "Institution", text[a:b], parent=head.name))
    return out


def unit_of(block: Block, mark: str, institutions: list[Span]) -> Span | None:
    """The unit number ``mark`` names: the outermost institution span written in its entry."""
    a, b = block.units[mark]
    inside = [s for s in institutions if a <= s.start and s.end <= b]
    outer = [s for s in inside if not any(o is not s and o.start <= s.start and s.end <= o.end for o in inside)]
    return max(outer, key=lambda s: s.end - s.start) if outer else None
