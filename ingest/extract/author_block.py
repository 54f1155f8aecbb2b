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
from ingest.extract.spans import Span, outermost_in

# an author with the numbers of their affiliations (and a marker of a corresponding or co-first author, before or
# after the numbers; the name's English form in brackets may stand between: 柯岚（Lan Ke）3)
_AUTHOR = rf"[{CJK}]{{2,4}}(?:（[^）\n]{{1,40}}）)?[*#＊]?\d{{1,2}}(?:[,，]\d{{1,2}})*[*#＊]?"
# two or more such authors at the end of a line, apart by spaces or commas (a reader may run the line on after an
# English title written right before it)
_AUTHOR_LINE = re.compile(
    rf"(?m)(?<![{CJK}\w])(?P<names>{_AUTHOR}(?:(?:[^\S\n]+|[，、,][^\S\n]*){_AUTHOR})+)[^\S\n]*"
    # (the line ends, or the reader ran the first unit on after it: … 林晓风*1 1 某大学…)
    r"(?:$|(?=1[.．、]?[^\S\n]*[\u4e00-\u9fff]))"
)
_ONE = re.compile(
    rf"(?P<name>[{CJK}]{{2,4}})(?:（[^）\n]{{1,40}}）)?(?P<pre>[*#＊]?)(?P<marks>\d{{1,2}}(?:[,，]\d{{1,2}})*)"
    r"(?P<post>[*#＊]?)"
)
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
    #: authors (by position) marked co-first (#) or corresponding (*); unmarked lists make the first author first
    roles: dict[int, str] = field(default_factory=dict)


def find(text: str) -> Block | None:
    """The paper header of ``text``, if it has one (an author line right above its numbered affiliation line)."""
    # (a literal scan first: the affiliation line opens with "1.", "1、" or "1 ")
    if not any(opening in text for opening in ("1.", "1．", "1、", "1 ", "\n1")):
        return None
    for line in _AUTHOR_LINE.finditer(text):
        below = line.end() + 1 if text.startswith("\n", line.end()) else line.end()
        if not text.startswith("1", below):
            continue
        line_end = text.find("\n", below)
        line_end = len(text) if line_end < 0 else line_end
        numbers = list(_AFFILIATION.finditer(text, below, line_end))
        if not numbers or numbers[0].group("n") != "1":
            continue
        # (one unit per line: 1 某大学… / 2 某研究所…, each line opening with the next number)
        while line_end < len(text) and (nxt := _AFFILIATION.match(text, line_end + 1)) is not None:
            if nxt.group("n") != str(int(numbers[-1].group("n")) + 1):
                break
            numbers.append(nxt)
            found_end = text.find("\n", nxt.end())
            line_end = len(text) if found_end < 0 else found_end
        block = Block()
        for i, m in enumerate(numbers):
            stop = numbers[i + 1].start() if i + 1 < len(numbers) else line_end
            block.units[m.group("n")] = (m.end(), len(text[:stop].rstrip()))
        for one in _ONE.finditer(text, line.start("names"), line.end("names")):
            marks = re.split(r"[,，]", one.group("marks"))
            if not all(mark in block.units for mark in marks):
                return None  # numbers that point to no unit: not an author line
            name = one.group("name")
            marker = one.group("pre") or one.group("post")
            if marker:
                block.roles[len(block.authors)] = "first" if marker == "#" else "corresponding"
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
    outer = outermost_in(institutions, *block.units[mark])
    return max(outer, key=lambda s: s.end - s.start) if outer else None


# ---------------------------------------------------------------------------------------------------------- English

#: a word of an English author's name: a capital and letters (accents, inner capitals, apostrophes), or an initial
_NAME_WORD = r"(?:[A-Z]\.(?:-?[A-Z]\.)*|[A-Z][^\W\d_]*(?:['’-][A-Z]?[^\W\d_]+)*)"
_PARTICLE = r"(?:van|von|de|der|den|da|dos|du|del|la|le|bin|al)"
#: an author of an English paper header: a name of two to four words with its units' numbers glued to it (and a
#: marker of a corresponding or co-first author): Ana M. Ruizo1,2*
_AUTHOR_EN = (
    rf"(?P<name>{_NAME_WORD}(?:[ \n](?:{_PARTICLE} )?{_NAME_WORD}){{1,3}})(?P<marks>\d{{1,2}}(?:,\d{{1,2}})*)[*†#]?"
)
_ONE_EN = re.compile(_AUTHOR_EN)
#: the author list: two or more authors apart by commas, the last after "and"
_AUTHORS_EN = re.compile(
    rf"{_AUTHOR_EN}(?:,?[ \n](?:and[ \n])?{_AUTHOR_EN.replace('?P<name>', '').replace('?P<marks>', '')})+"
)
#: a numbered unit after the list: its number glued to (or a space before) its name, 1University of …
_UNIT_EN = re.compile(r"(?:^|(?<=[\s,;]))(?P<n>\d{1,2})\s?(?=[A-Z])")
#: the last unit runs into the abstract: it is read at most this far
_LAST_UNIT = 160


def find_en(text: str) -> Block | None:
    """The header of an English paper or abstract, if ``text`` has one: an author list whose names carry their
    units' numbers (Ana Ruizo1, Kofi Mensar1,2 and Lina Ortsberg2) followed by the numbered units (1Northvale
    University, Department of …  2Eastmoor University …), the title on the lines above the list."""
    for line in _AUTHORS_EN.finditer(text):
        block = Block()
        for one in _ONE_EN.finditer(text, line.start(), line.end()):
            name = " ".join(one.group("name").split())
            span = Span(one.start("name"), one.end("name"), "Researcher", name, role="researcher")
            block.authors.append((span, one.group("marks").split(",")))
        numbers: list[re.Match[str]] = []
        pos = line.end()
        expected = 1
        # (the units follow the list: 1… 2… 3…, in order, each after the one before)
        for m in _UNIT_EN.finditer(text, pos, min(len(text), pos + 1200)):
            if m.group("n") == str(expected) and (numbers or m.start() - pos <= 2):
                numbers.append(m)
                expected += 1
        if not numbers:
            continue
        for i, m in enumerate(numbers):
            stop = numbers[i + 1].start() if i + 1 < len(numbers) else min(len(text), m.end() + _LAST_UNIT)
            paragraph = text.find("\n\n", m.end(), stop)
            stop = paragraph if paragraph >= 0 else stop
            block.units[m.group("n")] = (m.end(), len(text[:stop].rstrip(" ,;")))
        if not all(mark in block.units for _, marks in block.authors for mark in marks):
            continue  # numbers that point to no unit: no header
        block.title = _title_above(text, line.start())
        return block
    return None


#: a title wraps over at most this many lines above its author list
_TITLE_LINES_EN = 2
_TITLE_CHARS_EN = 250


def _title_above(text: str, at: int) -> Span | None:
    """The paper's title on the line or two right above its author list: words with no sentence end in them."""
    end = text.rfind("\n", 0, at)
    if end < 0:
        return None
    start = end + 1  # the first character of the title block taken so far
    for _ in range(_TITLE_LINES_EN):
        if start == 0:
            break
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous : start - 1].strip()
        if not line or not line[:1].isalnum() or re.search(r"[.!?]\s|[.!?]$", line):
            break
        start = previous
    title = " ".join(text[start:end].split())
    if not title or len(title) > _TITLE_CHARS_EN:
        return None
    return Span(start, end, "Publication", title)
