"""Paper lists exported as delimited records (``ingest.delimited_lines``): a header row naming the columns, then one
paper a line, its cells apart by commas (quoted as CSV quotes them) or tabs.

The columns are read by their names, Chinese or English (论文题目 / Title / TI, 第一作者 / First Author, 通讯作者 /
Corresponding Author, 全部作者 / Authors / AU, 作者单位 / Affiliations / C1, 期刊名称 / Source title / SO, 基金标注 /
Funding Details / FU):

- each record's title is a paper, its source a journal, each entry of its funding cell a funder;
- the names in the author cells are researchers; a ``#`` glued to a name marks a co-first author, a ``*`` a
  corresponding one (the markers are no part of the name);
- an affiliation cell maps authors to units (``A/B：某学院；C：某研究所``, ``[Ruizo, Ana; Mensar, Kofi] Univ …``,
  ``Ruizo, A., Dept …, Northvale University, …``); a cell that names nobody gives each unit to every author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.delimited_lines import cell_spans, delimiter_of, text_blocks
from ingest.extract.lexicon import CJK
from ingest.extract.spans import Span, outermost_in

#: column names (case-folded, spaces collapsed) by the field they hold
_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": (
        "论文题目",
        "论文题名",
        # (a project's outputs listed on a grant database's page: 成果名称 / 作者 / 期刊/会议名称)
        "成果名称",
        "论文名称",
        "题目",
        "题名",
        "标题",
        "title",
        "article title",
        "document title",
        "ti",
    ),
    "first": ("第一作者", "first author", "first authors"),
    "corresponding": (
        "通讯作者",
        "通信作者",
        "corresponding author",
        "corresponding authors",
        "reprint author",
        "reprint authors",
    ),
    # (full names before abbreviated ones: WoS gives AF "Ruizo, Ana" beside AU "Ruizo, A")
    "authors": (
        "author full names",
        "af",
        "全部作者",
        "所有作者",
        "作者",
        "作者列表",
        "全体作者",
        "authors",
        "author",
        "author names",
        "au",
    ),
    "affiliations": (
        "authors with affiliations",
        "作者单位",
        "作者机构",
        "所属单位",
        "单位",
        "affiliations",
        "affiliation",
        "addresses",
        "author affiliations",
        "c1",
    ),
    "journal": (
        "期刊名称",
        "期刊/会议名称",
        "期刊/会议",
        "期刊",
        "刊名",
        "发表期刊",
        "来源期刊",
        "source title",
        "journal",
        "journal title",
        "source",
        "publication name",
        "so",
    ),
    "funding": (
        "基金标注",
        "基金项目",
        "资助项目",
        "基金",
        "资助基金",
        "funding details",
        "funding",
        "funding agency",
        "funding agencies",
        "funding sponsor",
        "fu",
    ),
}
_KEYS = {name: (column, rank) for column, names in _COLUMNS.items() for rank, name in enumerate(names)}
#: the columns that make a header a paper list's: without one of them the table lists something else
_NAMING = {"title", "first", "corresponding", "authors"}

#: the separators of an author cell's names (a comma only where no name holds one, see ``_name_parts``)
_NAME_SEP = re.compile(r"[;；、]|[,，](?!\s*[A-Z]\.?(?:[,;]|$|\s*-?[A-Z]\.))")
_MARKERS = "#*＃＊†"
_ZH_NAME = re.compile(rf"[{CJK}]{{2,4}}(?:·[{CJK}]{{1,6}})?")
#: an English name: two to five words of letters (initials with full stops, particles, hyphens)
_EN_NAME = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?:,?\s+[A-Za-zÀ-ÿ][\w'’.-]*){0,4}")
#: the identifier Scopus writes after a full name: Ruizo, Ana (57201234567)
_NAME_ID = re.compile(r"\s*\(\d+\)\s*$")
#: what is no name in an author cell
_NOT_NAMES = {"等", "et al", "et al.", "others"}
#: where a funding entry's name ends: its grant numbers follow ([52071234], (No. 1), ：52071234, , Grant No)
_FUNDER_END = re.compile(r"\s*(?:[\[(（【:：]|,\s*(?:grant|no\b)|\d{5,}|项目编号|批准号)", re.I)
#: the separator of a Chinese affiliation cell's mapping: the names, then a colon, then the units (A/B：某学院)
_ZH_MAPPING = re.compile(r"^(?P<names>[^：:]{2,200}?)[：:](?P<units>.+)$", re.S)
#: WoS C1: [Ruizo, Ana; Mensar, Kofi] Univ …
_BRACKETED = re.compile(r"^\s*\[(?P<names>[^\]]+)\]\s*")


@dataclass
class Record:
    """One record of a paper list: the paper, its authors with their roles, its journal, funders and units."""

    title: Span | None = None
    #: (span, role): role "first", "corresponding" or None
    authors: list[tuple[Span, str | None]] = field(default_factory=list)
    journal: Span | None = None
    funders: list[Span] = field(default_factory=list)
    #: (start, end) of a unit's text in the affiliation cell, and the positions (in ``authors``) of its people
    units: list[tuple[tuple[int, int], list[int]]] = field(default_factory=list)
    #: (start, end) of the record's line
    line: tuple[int, int] = (0, 0)


def _column_map(text: str, header: tuple[int, int], delimiter: str) -> dict[str, int]:
    """Column index by field, read from the header's names (the best-ranked name of a field wins)."""
    found: dict[str, tuple[int, int]] = {}
    line = text[header[0] : header[1]]
    for index, (a, b) in enumerate(cell_spans(line, delimiter)):
        name = " ".join(line[a:b].split()).casefold().strip(" :：")
        hit = _KEYS.get(name)
        if hit is not None and (hit[0] not in found or hit[1] < found[hit[0]][1]):
            found[hit[0]] = (index, hit[1])
    return {column: index for column, (index, _) in found.items()}


def _strip(text: str, a: int, b: int, chars: str = " \t\u3000") -> tuple[int, int]:
    """(a, b) without the ``chars`` at either end."""
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def _display_name(surface: str) -> str | None:
    """The name a surface in an author cell stands for, or None if it is none: "Ruizo, Ana" is Ana Ruizo,
    "Ruizo, A." A. Ruizo, a Chinese name as written; the Scopus identifier after it is dropped."""
    surface = _NAME_ID.sub("", surface).strip()
    if not surface or surface.casefold() in _NOT_NAMES:
        return None
    if _ZH_NAME.fullmatch(surface):
        return surface
    if re.search(rf"[{CJK}\d]", surface) or not _EN_NAME.fullmatch(surface):
        return None
    if "," in surface:
        surname, _, given = surface.partition(",")
        given = given.strip()
        if re.fullmatch(r"(?:[A-Z]\.?\s*-?)+", given):  # initials: "A", "A.B.", "A. B."
            given = " ".join(c + "." for c in re.findall(r"[A-Z]", given))
        surface = f"{given} {surname.strip()}"
    if len(surface.split()) < 2:
        return None
    return " ".join(surface.split())


def _names(text: str, a: int, b: int) -> list[tuple[Span, str]]:
    """The names listed in the cell ``text[a:b]`` (as Researcher spans) with the markers glued to each."""
    cell = text[a:b]
    # (a cell whose entries are "Surname, Given" apart by semicolons: only the semicolons part names)
    pieces = re.split(r"[;；]", cell) if ";" in cell or "；" in cell else None
    if pieces is None or not all("," in p for p in pieces if p.strip()):
        pieces = _NAME_SEP.split(cell)
    out: list[tuple[Span, str]] = []
    pos = a
    for piece in pieces:
        start = text.index(piece, pos) if piece else pos
        pos = start + len(piece)
        s, e = _strip(text, start, pos)
        marks = ""
        # (markers glued to either side of the name: 林晓风#, *周明远, Ana Ruizo*)
        while e > s and (text[e - 1] in _MARKERS or text[e - 1].isspace()):
            marks += text[e - 1].strip()
            e -= 1
        while s < e and (text[s] in _MARKERS or text[s].isspace()):
            marks += text[s].strip()
            s += 1
        surface = _NAME_ID.sub("", text[s:e])
        e = s + len(surface)
        name = _display_name(surface)
        if name is not None:
            out.append((Span(s, e, "Researcher", name, role="researcher"), marks))
    return out


def _funders(text: str, a: int, b: int) -> list[Span]:
    """Each entry of a funding cell (apart by semicolons) as a funder named without its grant numbers."""
    out = []
    pos = a
    for piece in re.split(r"[;；]", text[a:b]):
        start = pos
        pos += len(piece) + 1
        s, e = _strip(text, start, start + len(piece), " \t\u3000,，。.")
        cut = _FUNDER_END.search(text, s, e)
        if cut is not None:
            e = _strip(text, s, cut.start(), " \t\u3000,，")[1]
        if e - s >= 4:
            out.append(Span(s, e, "Funder", " ".join(text[s:e].split())))
    return out


def _affiliations(
    text: str, a: int, b: int, authors: list[tuple[Span, str | None]]
) -> list[tuple[tuple[int, int], list[int]]]:
    """The units of an affiliation cell, each with the positions of the record's authors it is theirs."""
    everyone = list(range(len(authors)))
    out: list[tuple[tuple[int, int], list[int]]] = []
    pos = a
    # (the parts apart by semicolons outside WoS brackets: [Ruizo, Ana; Mensar, Kofi] Univ …; [Ortsberg, L] …)
    parts: list[tuple[int, int]] = []
    depth = 0
    for i in range(a, b):
        ch = text[i]
        depth += ch == "["
        depth -= ch == "]" and depth > 0
        if ch in ";；" and not depth:
            parts.append((pos, i))
            pos = i + 1
    parts.append((pos, b))
    for start, end in parts:
        s, e = _strip(text, start, end)
        if s >= e:
            continue
        part = text[s:e]
        people: list[int] | None = None
        bracket = _BRACKETED.match(part)
        mapping = _ZH_MAPPING.match(part) if bracket is None and re.search(f"[{CJK}]", part) else None
        if bracket is not None:
            named = {sp.name for sp, _ in _names(text, s + bracket.start("names"), s + bracket.end("names"))}
            people = [i for i, (sp, _) in enumerate(authors) if sp.name in named]
            s += bracket.end()
        elif mapping is not None:
            names = re.split(r"[/／、,，\s]+", mapping.group("names").strip())
            if names and all(_ZH_NAME.fullmatch(n.strip(_MARKERS)) for n in names if n):
                named = {n.strip(_MARKERS) for n in names if n}
                people = [i for i, (sp, _) in enumerate(authors) if sp.name in named]
                s += mapping.start("units")
        else:
            # (Scopus: "Ruizo, A., Dept …, Northvale University, …": the author's name, then their unit)
            lead = re.match(r"([A-ZÀ-Þ][\w'’-]+(?:\s[\w'’-]+)?),\s*((?:[A-Z]\.\s*-?)+),\s*", part)
            if lead is not None:
                name = _display_name(f"{lead.group(1)}, {lead.group(2)}")
                surname = lead.group(1)
                # (the exact name first; then the surname, and the first initial where two authors share it:
                # "Wang, J." and "Wang, L.")
                exact = [i for i, (sp, _) in enumerate(authors) if sp.name == name]
                same = [i for i, (sp, _) in enumerate(authors) if sp.name.split()[-1:] == [surname]]
                initial = lead.group(2)[:1]
                if len(same) > 1:
                    same = [i for i in same if authors[i][0].name[:1] == initial]
                people = exact[:1] or same[:1]
                s += lead.end()
        s, e = _strip(text, s, e, " \t\u3000,，")
        if s < e:
            out.append(((s, e), everyone if people is None else people))
    return out


def find(text: str) -> list[Record]:
    """The records of every paper list in ``text`` (none when no line is a header naming a paper list's columns)."""
    records: list[Record] = []
    for block in text_blocks(text):
        header = block[0]
        line = text[header[0] : header[1]]
        delimiter = delimiter_of(line) or ","
        columns = _column_map(text, header, delimiter)
        if not _NAMING & columns.keys() or len(columns) < 2:
            continue
        for start, end in block[1:]:
            cells = [(start + a, start + b) for a, b in cell_spans(text[start:end], delimiter)]
            records.append(_record(text, cells, columns, (start, end)))
    return records


def _record(text: str, cells: list[tuple[int, int]], columns: dict[str, int], line: tuple[int, int]) -> Record:
    """One record read from its cells by the header's columns."""

    def cell(column: str) -> tuple[int, int] | None:
        index = columns.get(column)
        if index is None or index >= len(cells):
            return None
        a, b = _strip(text, *cells[index])
        return (a, b) if a < b else None

    record = Record(line=line)
    if (at := cell("title")) is not None:
        record.title = Span(at[0], at[1], "Publication", " ".join(text[at[0] : at[1]].split()))
    roles: dict[str, str] = {}
    for column in ("corresponding", "first"):  # (first last: someone both first and corresponding is first)
        if (at := cell(column)) is not None:
            for span, _ in _names(text, *at):
                roles[span.name] = column
    listed = cell("authors")
    names = _names(text, *listed) if listed is not None else []
    if not names:
        # (no list of all authors: the first and corresponding authors are the ones named)
        names = [pair for column in ("first", "corresponding") if (at := cell(column)) for pair in _names(text, *at)]
    seen: set[str] = set()
    for span, marks in names:
        if span.name in seen:
            continue
        seen.add(span.name)
        role = roles.get(span.name)
        if "#" in marks or "＃" in marks:
            role = "first"
        elif role is None and any(m in marks for m in "*＊†"):
            role = "corresponding"
        record.authors.append((span, role))
    if (at := cell("journal")) is not None and not re.fullmatch(r"[\d\s().:-]*", text[at[0] : at[1]]):
        record.journal = Span(at[0], at[1], "Journal", " ".join(text[at[0] : at[1]].split()))
    if (at := cell("funding")) is not None:
        record.funders = _funders(text, *at)
    if (at := cell("affiliations")) is not None and record.authors:
        record.units = _affiliations(text, at[0], at[1], record.authors)
    return record


def unit_spans(record: Record, institutions: list[Span]) -> list[tuple[Span | None, tuple[int, int], list[int]]]:
    """Each unit of ``record`` with the outermost institution span written in it (None where the rules found
    none), its text's (start, end) and its people."""
    out: list[tuple[Span | None, tuple[int, int], list[int]]] = []
    for (a, b), people in record.units:
        outer = outermost_in(institutions, a, b)
        out.append((max(outer, key=lambda s: s.end - s.start) if outer else None, (a, b), people))
    return out
