"""Extraction of one news item: spans by type, resolution into entities, relations with evidence.

``extract_item(item)`` is the whole stage for one item; ``ingest.pipeline`` streams it over many.
"""

from __future__ import annotations

import re

from ingest.extract import (
    author_block,
    awards,
    delimited_records,
    en,
    gazetteer_hits,
    grant_record,
    institutions,
    people,
    publications,
    relations,
    tables,
)
from ingest.extract.lexicon import CJK, COMPOUND_SURNAMES
from ingest.extract.spans import Sentences, Span, clean, compact_text, map_back
from ingest.extract.traditional import to_simplified
from ingest.gazetteers import Gazetteer, load_gazetteer
from ingest.identifiers import find_identifiers
from ingest.nlp import model_entities
from ingest.resolve import Cluster, complete_units, key, own_units, resolve, to_entity
from ingest.table_lines import PERSON_COLUMNS
from kg.model import Extraction, NewsItem, Relation

__all__ = ["extract_item"]


_CJK_NAME = re.compile(rf"[{CJK}]+")


def _gazetteer_institutions(text: str, gazetteer: Gazetteer, found: list[Span]) -> list[Span]:
    """``found`` with the gazetteer institution forms the suffix rules did not see (复旦, 中科院, MIT), and with the
    ones that name in full what a rule read short: "University of California, Berkeley" (a rule stops at the comma),
    中国石油大学（华东）. Units whose parent was the short name get the full one."""
    out = list(found)
    for start, end, entry in gazetteer_hits.hits(text, gazetteer, "Institution"):
        if en.publisher_after(text, end):
            continue  # the University of Chicago Press publishes; it does no research
        # a rule's unit that starts inside a known name and runs past it was cut short at its left (澳大利亚莫纳什大学
        # 土木工程系, read 纳什大学土木工程系 because 莫 looks like an adverb): it opens where the known name does
        # (Chinese names only: an English name is cut at words, and "Riverside Institute of Oceanology, Chinese
        # Academy of Sciences" holds a known name that is not its own)
        cut_short = [s for s in out if start < s.start < end <= s.end] if _CJK_NAME.fullmatch(text, start, end) else []
        for s in cut_short:
            cut_name = s.name
            s.start, s.name = start, clean(text[start : s.end])
            for unit in out:
                if unit.parent == cut_name:
                    unit.parent = s.name
        overlapping = [s for s in out if s.start < end and start < s.end]
        inside = [s for s in overlapping if start <= s.start and s.end <= end and s.end - s.start < end - start]
        if overlapping and (len(inside) < len(overlapping) or not inside):
            # a rule read the known name exactly (Indian Institute of Science): it is known, so a unit written before
            # it is its unit even without a university's head word
            for s in overlapping:
                if s.start == start and s.end == end and s.parent is None and entry.parent is None:
                    s.meta["gazetteer"] = True
            continue  # a rule's longer name (its unit) holds the form, or the two cross: the rule's reading stands
        full = text[start:end]
        for short in inside:
            for unit in out:
                # the unit named right before this form ("the College of Chemistry at the University of …")
                if unit.parent == short.name and 0 <= short.start - unit.end <= 40:
                    unit.parent = full
        # the parent named inside the full form stays (Chinese Academy of Sciences in "Institute of Physics, Chinese
        # Academy of Sciences"), as the suffix rules keep 中国科学院 inside 中国科学院物理研究所
        parents = [
            short
            for short in inside
            if entry.parent and (known := gazetteer.lookup(short.name, "Institution")) and known.name == entry.parent
        ]
        out = [s for s in out if s not in inside or s in parents]
        # "Beijing Tiantan Hospital, Capital Medical University": an English label that writes the unit, a comma and
        # its parent names two bodies, the unit and the parent after it
        comma = _UNIT_COMMA.match(full)
        if comma and parents and parents[-1].end == end and start + comma.end() == parents[-1].start:
            span = Span(start, start + comma.end(1), "Institution", clean(comma.group(1)), parent=entry.parent)
            span.meta["gazetteer"] = True
            out.append(span)
            continue
        for short in parents:
            short.absorbed = True
        span = Span(start, end, "Institution", full, parent=entry.parent)
        span.meta["gazetteer"] = True  # named in full already: no parent is added to the name
        out.append(span)
    # "Department of Materials, Imperial College London": a unit before an institution only the gazetteer knows
    out.sort(key=lambda s: s.start)
    en.link_units(text, out, lambda s: bool(s.meta.get("gazetteer")) and not s.parent)
    return out


_OPEN_BRACKET = re.compile(r"\s*[（(]\s*")
_CLOSE_BRACKET = re.compile(r"\s*[）)]")


def _paired_english(text: str, spans: list[Span]) -> list[Span]:
    """西澳大学（The University of Western Australia）: the English name in brackets right after a Chinese one is the
    same body's (an alias of the Chinese name, as for a person's name written so), not a body of its own."""
    by_start = {s.start: s for s in spans if not _CJK_NAME.search(s.name)}
    folded: list[Span] = []
    for span in spans:
        if not _CJK_NAME.search(span.name) or span.alias or (bracket := _OPEN_BRACKET.match(text, span.end)) is None:
            continue
        article = re.match(r"[Tt]he\s+", text[bracket.end() :])
        english = by_start.get(bracket.end() + (article.end() if article else 0))
        if english is None or english.parent or not _CLOSE_BRACKET.match(text, english.end):
            continue
        span.alias, span.alias_span = english.name, (english.start, english.end)
        folded.append(english)
    return [s for s in spans if s not in folded]


_UNIT_COMMA = re.compile(r"([A-Z][^,\n]+),\s+(?:the\s+)?(?=[A-Z])")

_PARENTS: dict[int, dict[str, str]] = {}


def _parents(gazetteer: Gazetteer) -> dict[str, str]:
    """Canonical name -> parent name of the gazetteer entries that have one (built once per gazetteer)."""
    if id(gazetteer) not in _PARENTS:
        _PARENTS[id(gazetteer)] = {e.name: e.parent for e in gazetteer.entries if e.parent}
    return _PARENTS[id(gazetteer)]


_FUNDER_FORMS: dict[int, frozenset[str]] = {}
_SHORT_AFTER = re.compile(r"[^\S\n]*\(")
#: a name with its unit's number glued to it (Ruizo-Tam1,): the guard of the English paper header
_GLUED = re.compile(r"[a-z]\d{1,2}(?:,\d{1,2})*[*†#]?(?:,|\s+and\b)")
_ACRONYM = re.compile(r"[A-Z][A-Za-z&-]{1,9}")
_BODY_WORD = re.compile(r"\s+(?:Organization|Organisation|Foundation|Council|Agency|Trust)$")


def _funder_forms(gazetteer: Gazetteer) -> frozenset[str]:
    """The gazetteer's funder names and other forms, in lower case (built once per gazetteer)."""
    if id(gazetteer) not in _FUNDER_FORMS:
        _FUNDER_FORMS[id(gazetteer)] = frozenset(form.lower() for form, _ in gazetteer.surface_forms("Funder"))
    return _FUNDER_FORMS[id(gazetteer)]


def _table_people(text: str, rows: list[tables.Row], taken: list[Span]) -> list[Span]:
    """The researchers a table lists in its person column (完成人, 获奖人 …) that the rules did not find."""
    out = []
    for row in rows:
        for cell in row.of(PERSON_COLUMNS):
            for start, end in tables.names_in(text, cell):
                span = Span(start, end, "Researcher", text[start:end], role="researcher")
                if not _overlaps(span, taken):
                    out.append(span)
    return out


# a full name in a reference's author list ("Yuki Arakawa, Ji-woo Park, and Takeshi Morimoto")
# (a whole entry of the list: 张三, 李四* — not a run of characters inside an English name's neighbours)
_CITED_ZH_NAME = re.compile(rf"(?<![{CJK}])[{CJK}]{{2,4}}(?![{CJK}])")
_INITIALLED_NAME = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?[^\S\n]+[A-Z]{1,3}(?![\w'’-])")
# Harvard and APA style, surname first: "Quenby-Hart, A.", "Marlow, T. J." (named with the initials first)
_SURNAME_COMMA_INITIALS = re.compile(
    r"(?<![\w'’-])(?P<surname>[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?),[^\S\n]*"
    # (not a list written initials first, "L. Prasad, B. Okoro": there a surname, not an initial, follows)
    r"(?P<initials>[A-Z]\.(?:-?[^\S\n]?[A-Z]\.){0,2})(?![^\S\n]*[A-ZÀ-Þ][a-zß-ÿ])"
)
_FULL_NAME = re.compile(r"[A-ZÀ-Þ][\w'’-]+(?:[^\S\n]+[A-ZÀ-Þ][\w'’-]+){1,3}")


def _reference_people(text: str, taken: list[Span]) -> list[Span]:
    """The researchers a citation-style reference lists by full name that the rules did not find (names written
    with initials, "Ruizo A", are left to the mentions elsewhere in the item)."""
    out: list[Span] = []
    initialled: list[Span] = []
    for m in publications.references(text):
        (a, b), _, _ = publications.reference_parts(m)
        # a Chinese author list (GB/T 7714) holds nothing but names: each is one, whatever its surname
        for name in _CITED_ZH_NAME.finditer(text, a, b):
            if len(name.group()) < 4 or name.group()[:2] in COMPOUND_SURNAMES:
                span = Span(name.start(), name.end(), "Researcher", name.group(), role="researcher")
                if not _overlaps(span, taken + out):
                    out.append(span)
        for name in _FULL_NAME.finditer(text, a, b):
            if name.group().split()[0] in {"and", "The"}:
                continue
            if re.fullmatch(r"[A-Z]{1,3}", name.group().split()[-1]):
                continue
            span = Span(name.start(), name.end(), "Researcher", name.group(), role="researcher")
            if not _overlaps(span, taken + out):
                out.append(span)
        # "Okafor-Lind D" whose surname no one else in the item bears: an author known only so, named as written
        initialled += [
            Span(name.start(), name.end(), "Researcher", name.group(), role="researcher")
            for name in _INITIALLED_NAME.finditer(text, a, b)
        ]
        if "," in text[a:b] and "." in text[a:b]:
            for name in _SURNAME_COMMA_INITIALS.finditer(text, a, b):
                full = f"{name.group('initials')} {name.group('surname')}"
                initialled.append(Span(name.start(), name.end(), "Researcher", full, role="researcher"))
    # (after the full names: a surname an author of another reference gives in full is that author's)
    return out + [
        s
        for s in initialled
        if not any(o.type == "Researcher" and _surname(s.name) in o.name.split() for o in taken + out)
        and not _overlaps(s, taken + out)
    ]


def _surname(name: str) -> str:
    """The surname of an author named with initials, "Okafor-Lind D" or "A. Quenby-Hart"."""
    words = name.split()
    return words[-1] if words[0].endswith(".") else words[0]


# an "Authors:" field listing surnames with initials ("Authors: Marlow T., Quenby-Hart A. J."), up to a blank or a
# numbered line
_AUTHORS_FIELD = re.compile(
    r"\bAuthors[^\S\n]*:[^\S\n]*(?P<list>(?:(?!\n[^\S\n]*(?:\n|\d+[.)]))[^.!?]|\.(?!\s*$)){1,400})"
)
_SURNAME_THEN_INITIALS = re.compile(
    r"(?<![\w'’-])(?P<surname>[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?)\s+"
    r"(?P<initials>[A-Z]\.?(?:[^\S\n]?[A-Z]\.?)?)(?=[,;]|\.?\s*$|\.?\s+(?:and|&)\s|\.\s*\n)"
)


def _authors_field_people(text: str, taken: list[Span]) -> list[Span]:
    """The authors an "Authors:" field lists by surname and initials whom the item names nowhere else, named
    initials first ("T. Marlow")."""
    out: list[Span] = []
    for field in _AUTHORS_FIELD.finditer(text) if "Authors" in text else ():
        for name in _SURNAME_THEN_INITIALS.finditer(text, field.start("list"), field.end("list")):
            surname = name.group("surname")
            if any(o.type == "Researcher" and surname in o.name.split() for o in taken + out):
                continue
            initials = " ".join(c + "." for c in re.findall(r"[A-Z]", name.group("initials")))
            span = Span(name.start(), name.end(), "Researcher", f"{initials} {surname}", role="researcher")
            if not _overlaps(span, taken + out):
                out.append(span)
    return out


def _record_spans(
    text: str, records: list[delimited_records.Record], persons: list[Span], insts: list[Span]
) -> tuple[list[Span], list[Span]]:
    """``persons`` and ``insts`` with the authors of paper-list records in place of the rules' readings of their
    cells, and each Chinese unit of an affiliation cell the rules found no institution in as one (a cell of its
    column names units, whatever their head word)."""
    authors = [span for rec in records for span, _ in rec.authors]
    cells = [s for rec in records for s in (rec.title, rec.journal) if s is not None]
    persons = [p for p in persons if not _overlaps(p, authors + cells)] + authors
    insts = [i for i in insts if not _overlaps(i, authors + cells)]
    for rec in records:
        for unit, (a, b), _ in delimited_records.unit_spans(rec, insts):
            if unit is None and _CJK_NAME.fullmatch(text, a, b) and b - a <= _RECORD_UNIT_CHARS:
                insts.append(Span(a, b, "Institution", text[a:b]))
    return persons, insts


#: a unit the rules did not read in an affiliation cell is taken as written up to this long (longer is a list)
_RECORD_UNIT_CHARS = 30


def _record_journal(rec: delimited_records.Record, journals: list[Span]) -> list[Span]:
    """``journals`` with the journal of a record's source cell: the rules' reading where they found one in it (its
    name as the gazetteer knows it), else the cell as written."""
    if rec.journal is None:
        return journals
    found = next((j for j in journals if _overlaps(j, [rec.journal])), None)
    if found is not None:
        rec.journal = found
        return journals
    return [*journals, rec.journal]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def extract_item(
    item: NewsItem, gazetteer: Gazetteer | None = None, *, zh_model: str | None = None, en_model: str | None = None
) -> Extraction:
    """Entities and relations of one item (mentions and evidence spans point into ``item.text``).

    Spaces that PDF letter-spacing leaves between Chinese characters (课题 组) are taken out before the rules run and
    the offsets mapped back afterwards, so the rules see 课题组 and the mentions still point at the original text.
    A text in traditional characters is read in simplified ones (names come out simplified; mentions and evidence
    keep the original characters).
    """
    gaz = gazetteer or load_gazetteer()
    # traditional characters are read as their simplified forms, one for one (the offsets do not move)
    simplified = to_simplified(item.text)
    work = item
    if simplified is not None:
        work = item.model_copy(update={"text": simplified, "title": to_simplified(item.title) or item.title})
    compact, offsets = compact_text(work.text)
    if offsets is None and simplified is None:
        return _extract(item, gaz, zh_model, en_model)
    extraction = _extract(work.model_copy(update={"text": compact}), gaz, zh_model, en_model)
    return map_back(extraction, item, offsets if offsets is not None else list(range(len(compact))))


def _extract(item: NewsItem, gaz: Gazetteer, zh_model: str | None, en_model: str | None) -> Extraction:
    text = item.text
    insts = institutions.find_zh(text) + en.find_institutions(text)
    institutions.drop_country(insts)
    insts = _gazetteer_institutions(text, gaz, insts)
    insts = _paired_english(text, insts)
    complete_units(text, insts)
    own_units(text, insts)
    institutions.hospital_departments(text, insts)
    en.expand_truncated(insts)
    home = en.home_institution(text, insts)
    en.adopt_units(insts, home, text)
    en.qualify_units(
        insts,
        lambda name: en.institution_canonical(
            name, insts, entry.name if (entry := gaz.lookup(name, "Institution")) else None
        ),
    )
    # a Chinese paper's header (authors with their units' numbers above the numbered units)
    # (or an English paper's, authors with their units' numbers glued to their names)
    # (the English list's names carry their numbers glued: a letter and a digit side by side, a cheap scan first)
    block = (
        author_block.find(text) if item.lang == "zh" else (author_block.find_en(text) if _GLUED.search(text) else None)
    )
    if block is not None and item.lang == "zh":
        insts = author_block.complete_units(text, block, insts)
    persons = people.find_zh(text, insts) + people.find_en(text, insts)
    if block is not None:
        persons += [s for s, _ in block.authors if not _overlaps(s, persons + insts)]
    # a paper list's delimited records (a header row naming its columns, one paper a line): the cells name the
    # authors exactly, so the rules' readings of them give way
    records = delimited_records.find(text)
    if records:
        persons, insts = _record_spans(text, records, persons, insts)
    record = grant_record.find(text)
    if record.people:
        # a grant record's field labels name nothing; its fields name the people, the organisation and the funder
        insts = [i for i in insts if not any(a < i.end and i.start < b for a, b in record.labels)]
        insts += [i for i in record.institutions if not _overlaps(i, insts)]
        persons += [p for p in record.people if not _overlaps(p, persons + insts)]
    rows = tables.find_rows(text)
    persons += _table_people(text, rows, persons + insts)
    persons += _reference_people(text, persons + insts)
    persons += _authors_field_people(text, persons + insts)
    insts = en.cut_at_people(insts, persons, text)
    insts += en.short_form_mentions(text, insts)
    # the unit of a byline wrote the piece; it is not part of the news
    bylines = people.credits(text)
    insts = [s for s in insts if not any(a <= s.start < b for a, b in bylines)]
    model = zh_model if item.lang == "zh" else en_model
    for start, end, label in model_entities(text, item.lang, model):
        if label in {"PERSON", "PER"} and not _overlaps(Span(start, end, "", ""), persons + insts):
            role = people.role_at(text, start, end, insts)
            persons.append(Span(start, end, "Researcher", text[start:end], role=role))
    journals = publications.find_journals(text, gaz)
    persons += people.surname_mentions(text, persons, insts + journals)
    persons += people.given_name_mentions(text, persons, insts + journals)
    papers = publications.find_publications(text)
    if block is not None and block.title is not None and not _overlaps(block.title, papers):
        papers.append(block.title)
    for rec in records:
        journals = _record_journal(rec, journals)
        if rec.title is not None:
            # (a title cell is the paper's title whatever it holds: "… in Nature cells" names no journal there)
            papers = [p for p in papers if not _overlaps(p, [rec.title])] + [rec.title]
            journals = [j for j in journals if not _overlaps(j, [rec.title])]
    # "a paper titled "Boron-stabilised Cu+ sites in Cu2O …"": a journal read inside a quoted title is none
    journals = [j for j in journals if not any(p.start <= j.start and j.end <= p.end for p in papers)]
    papers = [p for p in papers if not _overlaps(p, journals)]
    found_prizes = awards.find_awards(text, gaz)
    # "a Royal Society University Research Fellowship": the words of an English prize name no institution, nor
    # do they end one ("The Royal Society's University Research Fellowship" is no "Royal Society's University")
    insts = [
        i
        for i in insts
        if not (
            i.name.isascii()
            and any(
                (a.start <= i.start and i.end < a.end or i.start < a.start < i.end < a.end) and a.name.isascii()
                for a in found_prizes
            )
        )
    ]
    # (an honour holds the name of the body that confers it: a Fellow of the Royal Society)
    prizes = [a for a in found_prizes if not _overlaps(a, journals + papers + ([] if a.meta.get("honour") else insts))]
    funders = awards.find_funders(text, insts, _funder_forms(gaz))
    funders += [f for f in record.funders if not _overlaps(f, funders)]
    for rec in records:
        # (the rules' reading of a funding cell's entry stands where they found it; else the entry's own)
        rec.funders = [next((f for f in funders if _overlaps(f, [g])), g) for g in rec.funders]
        funders += [f for f in rec.funders if f not in funders]
    # an institution named only in a funding statement (National Institutes of Health) is a funder there, and so is a
    # unit of a funder named in the same statement ("the National Heart, Lung, and Blood Institute of the NIH")
    funder_keys = {key(f.name) for f in funders}
    for f in funders:
        # (or read inside the funder's longer name: "Blood Institute" in the National Heart, Lung, and Blood Institute)
        same = [
            i
            for i in insts
            if (i.start == f.start and i.end == f.end)
            or (f.start <= i.start and i.end <= f.end and i.end - i.start < f.end - f.start and i.parent is None)
        ]
        if (
            same
            # (an administrative unit funds as itself: "the Agency's Ocean Division", the agency no funder there)
            and not any(
                i.parent and key(i.parent) not in funder_keys and not en.ADMIN_UNIT.search(i.name) for i in same
            )
            and not any(key(i.name) == key(f.name) for i in insts if i not in same and not i.meta.get("defined"))
        ):
            # ("the National Institutes of Health (NIH)": the short form in brackets is the funder's too)
            same += [i for i in insts if _SHORT_AFTER.fullmatch(text, f.end, i.start) and _ACRONYM.fullmatch(i.name)]
            insts = [i for i in insts if i not in same]
    # ("the Canadian Institutes of Health Research (CIHR) … the CIHR team": the short form is what its full name is)
    kept = {i.name for i in insts if not i.meta.get("defined")}
    insts = [i for i in insts if not i.meta.get("defined") or i.name in kept]
    # a funder that is also written as an institution elsewhere stays one institution entity (typing is by role)
    funder_insts = [f for f in funders if any(key(f.name) == key(i.name) for i in insts)]
    # a talent grant someone holds (曾获国家自然科学基金优秀青年科学基金项目资助) is their award; only a paper's
    # funding statement keeps the fund as the paper's funder too
    talents = [] if papers else [a for a in prizes if a.meta.get("talent")]
    funders = [f for f in funders if not _overlaps(f, talents)]
    funder_spans = [f for f in funders if f not in funder_insts and not _overlaps(f, papers)]
    # "the Vantor Science Program Organization (VSPO)" where "Vantor Science Program announces … Grants": the body
    # with its organisation word is the funder too
    bodies = {key(f.name) for f in funders}
    for i in list(insts):
        word = _BODY_WORD.search(i.name)
        if word is not None and i.parent is None and key(i.name[: word.start()]) in bodies:
            insts.remove(i)
            funder_spans.append(Span(i.start, i.end, "Funder", i.name))
    persons = [p for p in persons if not _overlaps(p, journals + papers)]
    # "the Proceedings of the National Academy of Sciences": a body named inside a journal's name is no institution
    insts = [i for i in insts if not any(j.start <= i.start and i.end <= j.end for j in journals)]

    clusters = resolve(text, insts + persons + journals + papers + prizes + funder_spans, gaz)
    context_award = _context_award(item, gaz, clusters)
    sentences = Sentences(text)
    _attach_identifiers(text, sentences, clusters)
    ctx = relations.Context(item=item, sentences=sentences, clusters=clusters)
    funding: list[tuple[Span, Cluster]] = []
    for f in (f for f in funders if not f.meta.get("future")):
        target = next(
            (
                c
                for c in clusters
                if c.type in {"Funder", "Institution"} and any(key(a) == key(f.name) for a in [c.name, *c.aliases])
            ),
            None,
        )
        if target is not None:
            funding.append((f, target))
    parents = _parents(gaz)
    out: dict[tuple[str, str, str], Relation] = {}
    relations.part_of(ctx, out, parents)
    relations.affiliated_with(ctx, out, insts, home)
    relations.author_of(ctx, out)
    if block is not None:
        relations.header_authors(ctx, out, block, insts)
    if records:
        relations.record_facts(ctx, out, records, insts)
    relations.reference_authors(ctx, out)
    relations.thesis_author(ctx, out)
    relations.co_writer_author(ctx, out)
    relations.possessive_author(ctx, out)
    relations.published_by(ctx, out)
    relations.published_in(ctx, out)
    relations.funded_by(ctx, out, funding)
    prize_item, prize_sentences = relations.received(ctx, out, context_award)
    relations.profile_fields(ctx, out, insts)
    relations.project_leader(ctx, out, insts)
    relations.table_rows(ctx, out, rows)
    if not prize_item:
        relations.team_authors(ctx, out, prize_sentences)
        relations.collaborated_with(ctx, out, prize_sentences)
        relations.institutions_collaborated(ctx, out)
    keep = [c for c in clusters if c.type != "Researcher" or c.role == "researcher"]
    kept_ids = {c.id for c in keep}
    rels = [r for r in out.values() if r.subject in kept_ids and r.object in kept_ids]
    return Extraction(item=item, entities=[to_entity(c, text) for c in keep], relations=rels)


def _attach_identifiers(text: str, sentences: Sentences, clusters: list[Cluster]) -> None:
    """DOIs go to the paper of their sentence (or the item's paper, or a paper known only by its DOI); ORCID iDs to
    the researcher named last before them in their sentence."""
    for scheme, value, start, end in find_identifiers(text):
        sentence = sentences.index(start)
        if scheme == "doi":
            papers = [c for c in clusters if c.type == "Publication"]
            paper = next((c for c in papers if any(sentences.index(s.start) == sentence for s in c.spans)), None)
            paper = paper or (papers[0] if len(papers) == 1 else None)
            if paper is None:
                paper = Cluster("Publication", name=f"doi:{value}")
                paper.spans.append(Span(start, end, "Publication", paper.name))
                clusters.append(paper)
            paper.identifiers.setdefault("doi", value)
        elif scheme == "orcid":
            before = [
                (s.end, c)
                for c in clusters
                if c.type == "Researcher"
                for s in c.spans
                if s.end <= start and sentences.index(s.start) == sentence
            ]
            if before:
                max(before, key=lambda pair: pair[0])[1].identifiers.setdefault("orcid", value)


def _context_award(item: NewsItem, gaz: Gazetteer, clusters: list[Cluster]) -> Cluster | None:
    """The award a parent article is about (2024 年度中国科学十大进展发布), inherited by its sub-items."""
    if not item.parent_title:
        return None
    found = awards.find_awards(item.parent_title, gaz)
    if not found:
        return None
    entry = gaz.lookup(found[0].name, "Award")
    name = entry.name if entry is not None else found[0].name
    existing = next((c for c in clusters if c.type == "Award" and key(c.name) == key(name)), None)
    if existing is not None:
        return existing  # the entry names the list too ("再次入选“中国生命科学十大进展”"): still its list
    if any(c.type == "Award" for c in clusters):
        return None  # an entry about another prize
    cluster = Cluster("Award", name=name)
    clusters.append(cluster)
    return cluster
