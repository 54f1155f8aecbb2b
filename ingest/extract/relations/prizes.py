"""received: the researchers a sentence, a list line or the item's title gives a prize, with the year written there."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import ingest.resolve as resolution
from ingest.extract.relations.context import Context, add, researchers_of
from ingest.extract.spans import Span
from ingest.table_lines import is_header_line
from kg.model import Relation

if TYPE_CHECKING:
    from ingest.resolve import Cluster


# "received the Gold Medal of the Society in 1999": the year the English sentence gives that prize
# "the Gold Medal … in 1999", "the Maurice Ewing Medal of the American Geophysical Union (1989)"
_IN_YEAR_AFTER = re.compile(r"[^.;,()\n]{0,60}?(?:\bin\s+|\()((?:19|20)\d{2})\b")

# an obituary's "Her honours included the X Medal (1989)": the honours of the person named before
_HONOURS = re.compile(
    r"\s*(?:Her|His)\s+(?:many\s+)?(?:honou?rs|awards|prizes|accolades|distinctions)\s+(?:also\s+)?includ(?:ed|e|es)\b"
)
# (after a year that opens the sentence: "In 2021 she received …")
_PRONOUN = re.compile(
    r"\s*(?:(?:In|By)\s+(?:19|20)\d{2}\s*,?\s+|(?:(?:Earlier|Later)\s+(?:this|that|last)|This|Last)\s+year\s*,?\s+)?"
    r"(?:He|She|he|she|他|她)(?![A-Za-z])|" + _HONOURS.pattern
)

# "作为…之一，他曾因…获 1999 年诺贝尔物理学奖": the pronoun opens a later clause of the sentence
_CLAUSE_PRONOUN = re.compile(r"[，,；;]\s*(?:他|她|[Hh]e|[Ss]he)(?![A-Za-z])")

_ZERO_SUBJECT = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年(?:度)?\s*[，,]?|此外\s*[，,]?)?\s*(?:曾|先后|还|并|又)?\s*(?:获|荣获|获得|入选|当选)"
)

# (or a dash: "Tilden Prize – Professor A, Department of Materials, …")
_PRIZE_COLON = re.compile(r"(?:[一二三四五六七八九十]等奖|特等奖|金奖|银奖|铜奖)?\s*(?:[:：]|[–—](?=\s)|\s-(?=\s))")

_LIST_MARK = re.compile(r"\s*(?:[●•▪■◆◼▶\-*–]\s*|\d{1,2}[.、)]\s*)?")

# a heading line that is a prize's name alone ("二、优秀青年科学基金", "Royal Society Wolfson Fellowships:"): the names
# on the lines under it, up to the next such heading or a blank line, are its laureates
_HEADING_MARK = re.compile(
    r"[^\S\n]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．)]|[●•▪■◆◼▶*–-])?[^\S\n]*"
    # ("The 2025 Fellows of the Academy include:")
    r"(?:The[^\S\n]+(?:(?:19|20)\d{2}[^\S\n]+)?)?"
)
_HEADING_END = re.compile(
    r"[^\S\n]*(?:项目|获得者|获奖者|获奖名单|名单|recipients|winners|include|are)?[^\S\n]*[:：]?[^\S\n]*", re.I
)
# a heading ending in a colon opens a list whose entries may stand apart by blank lines, each opening with a name
# (and its title)
_COLON_END = re.compile(r"[:：][^\S\n]*$")
_ENTRY_OPENING = re.compile(
    r"\n[^\S\n]*\n[^\S\n]*(?:[-•*●▪][^\S\n]*)?(?:(?:Associate|Assistant|Emeritus)[^\S\n]+)?(?:Professor|Prof\.|Dr\.?)?[^\S\n]*"
)
# (a prize's name with its grade over a table's header row, 一、江南省自然科学奖一等奖: the table's rows won it; over
# prose a bare category, 一、自然科学奖一等奖, is rather read as the prize the title announces)
_GRADED_END = re.compile(r"(?:[一二三四五六七八九十]|特)等奖[^\S\n]*")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)+")
_LIST_ENTRY = re.compile(r"[^\S\n]*[-•*–●▪][^\S\n]+[^\n]*")

# a list line's laureate, then the prize: "• Dr A (Chemistry) — X Fellowship", "- 王某（化学系）：X奖"
_LIST_MARK_NAME = re.compile(r"\s*(?:[●•▪■◆◼▶\-*–]\s*|\d{1,2}[.、)]\s*)(?:(?:Dr\.?|Professor|Prof\.)\s+)?")
_LAUREATE_DASH = re.compile(
    r"\s*(?:[（(][^（）()\n]{1,40}[）)])?\s*(?:—|–|-{1,2}|[:：])\s*(?:the\s+|(?:19|20)\d{2}\s*年?度?\s*)?"
)

_LATIN_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")

# every alternative opens with a literal character and checks the word start from behind it (w(?<![A-Za-z]w)…):
# a leading \b keeps the engine from skipping to the characters a verb can start with, and this runs per sentence
_AWARD_VERB = re.compile(
    r"获得|荣获|获|分享|授予|摘得|颁给|颁发给|得主|w(?<![A-Za-z]w)[io]ns?\b|awarded|receive[sd]?\b|"
    r"s(?<![A-Za-z]s)hared?\b|recipients?|laureates?|h(?<![A-Za-z]h)(?:olds\b|eld\s+(?:an?|the)\b)|w(?<![A-Za-z]w)inner\b|"
    r"n(?<![A-Za-z]n)amed\s+(?:an?|as)\b|b(?<![A-Za-z]b)een\s+named\b|honou?red|"
    r"g(?<![A-Za-z]g)o(?:es)?\s+to\b|w(?<![A-Za-z]w)ent\s+to\b|presented to|given to|"
    r"j(?<![A-Za-z]j)ointly to\b|e(?<![A-Za-z]e)qually to\b|a(?<![A-Za-z]a)ward\s+(?:the|this|its)\b|"
    # ("have been elected Fellows of the Royal Society": an honour conferred by election)
    r"e(?<![A-Za-z]e)lected\b|i(?<![A-Za-z]i)nducted\b|"
    # ("who joins us as a Vantor Postdoctoral Fellow": a named fellowship held from now on)
    r"j(?<![A-Za-z]j)oins\s+(?:us\s+)?as\s+an?\b|"
    # "湖北省自然科学奖一等奖项目“…”由A领衔完成": the people of a prize-winning project won it
    r"等奖项目"
)

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")

# in a sentence: 2019 年… or "In 2021, …" / "the 2023 Wolf Prize"
_YEAR_IN_SENTENCE = re.compile(r"((?:19|20)\d{2})\s*年|\b((?:19|20)\d{2})\b(?![-/.]\d|\s*[%％])")


def add_received(
    ctx: Context, out: dict[tuple[str, str, str], Relation], who: str, award: str, year: object, at: Span
) -> None:
    """``who`` received ``award`` (in ``year`` when known), evidenced by the span at ``at``."""
    # a year read from span metadata may be a string of digits; the model coerces it the same way
    evidence = ctx.evidence(at.start, at.end)
    given = int(str(year)) if year is not None else None
    add(out, Relation(subject=who, predicate="received", object=award, year=given, evidence=evidence))


def first_year(*texts: str | None) -> int | None:
    """The first year of the first text that writes one: 2025年 in Chinese, a bare 2026 in a Latin title."""
    for t in texts:
        m = _YEAR.search(t or "") or (_LATIN_YEAR.search(t) if t and t.isascii() else None)
        if m:
            return int(m.group(1))
    return None


def year_of_award(text: str, start: int, award_start: int, end: int, award_end: int | None = None) -> int | None:
    """The year a sentence gives an award: "the Gold Medal … in 1999" right after an English name, else the last
    year written before the award's name (曾于2019年获得A，2022年荣获B: B is 2022), else the first after it."""
    if award_end is not None:
        after = _IN_YEAR_AFTER.match(text, award_end, end)
        if after:
            return int(after.group(1))
    before = [m for m in _YEAR_IN_SENTENCE.finditer(text, start, award_start)]
    m = before[-1] if before else _YEAR_IN_SENTENCE.search(text, award_start, end)
    return int(m.group(1) or m.group(2)) if m else None


def _clause(text: str, start: int, end: int, at: int, at_end: int, researchers: list[Cluster]) -> tuple[int, int]:
    """The clause of a sentence around ``text[at:at_end]``: from the separator (，；;) before the nearest name before
    it to the separator after it; its own clause if no name comes before it in the sentence."""
    names_before = [x.start for c in researchers for x in c.spans if start <= x.start < at]
    if not names_before:
        # "共设科技功臣奖、自然科学奖…等奖项，某某荣获科技功臣奖": a prize listed before any name is its own clause's
        left = max((m.end() for m in _CLAUSE_END.finditer(text, start, at)), default=start)
        right = _CLAUSE_END.search(text, at_end, end)
        return left, right.start() if right else end
    nearest = max(names_before)
    # (one character past the name: the English clause end looks ahead at its capital)
    left = max((m.end() for m in _CLAUSE_END.finditer(text, start, nearest + 1) if m.end() <= nearest), default=start)
    right = _CLAUSE_END.search(text, at_end, end)
    return left, right.start() if right else end


# ("A holds an X Fellowship, and B received a Y award in 2024": an English clause opens after ", and" before a name)
_THIS_WORK = re.compile(r"(?:该|此|这一|这项)(?:成果|项目|研究成果)(?:还|也|曾|已)?(?:荣获|获得|获)")
_CLAUSE_END = re.compile(r"[，；;]|,\s+(?:and|while|whereas|but)\s+(?=[A-Z])")
_TITLE_YEAR = re.compile(r"^(?:The\s+)?(?:(?:19|20)\d{2}\s*年?度?\s*)?|\s+(?:19|20)\d{2}$")
_GRADE = re.compile(r"(?:[一二三四五六七八九十]|特)等奖$|[金银铜]奖$")

_ANNOUNCED = re.compile(
    r"获奖|获|入选|公布|揭晓|颁奖|授予|名单|荣膺|摘得|\bwins?\b|winners?|laureates?|awarded|honou?red|"
    r"\breceive[sd]?\b|\bnamed\b|recipients?|\bfellows\b|\bearns?\b|\bsecures?\b|\bclaims?\b|\bgarners?\b",
    re.I,
)

# a title's verb in the singular, its subject one person: "Doctoral student wins …", "Chemist receives …"
_ONE_WINNER = re.compile(r"^(?!.*\b(?:[Tt]eam|[Gg]roup|[Ll]ab)\b).*\b(?:wins|receives|earns|secures|claims)\b")
# a prize the sentence says was won before ("previously received …", "曾获…"): not the one the title announces
_EARLIER = re.compile(r"previously|earlier|formerly|in the past|曾|此前|先后")


def announced_award(ctx: Context, title_key: str) -> Cluster | None:
    """The award a title announces winners of (it names the award and says 获奖/公布/wins …), the longest named."""
    if not _ANNOUNCED.search(ctx.item.title):
        return None
    named = [
        a
        for a in ctx.of("Award")
        if any(resolution.key(n) and resolution.key(n) in title_key for n in (a.name, *a.aliases))
    ]
    return max(named, key=lambda a: len(a.name), default=None)


def titled_year(ctx: Context) -> int | None:
    """The year of the item's title or parent title, if that title is about prizes (names an award of the item or
    says 奖/Prize/Award/Medal)."""
    names = [resolution.key(n) for c in ctx.of("Award") for n in (c.name, *c.aliases) if n]
    for title in (ctx.item.title, ctx.item.parent_title):
        if title and (_PRIZE_WORD.search(title) or any(n and n in resolution.key(title) for n in names)):
            year = first_year(title)
            if year is not None:
                return year
    return None


_PRIZE_WORD = re.compile(r"奖|进展|Prize|Award|Medal", re.I)


# between a name and the fellowship it holds, in apposition: ", a palaeoclimatologist and "
_FELLOW_APPOSITION = re.compile(r",[^\S\n]+an?[^\S\n]+(?:[a-z][\w-]*[^\S\n]+(?:and[^\S\n]+)?)?")


def received(
    ctx: Context, out: dict[tuple[str, str, str], Relation], context_award: Cluster | None
) -> tuple[bool, set[int]]:
    """Award relations. Returns whether the item is about a prize (its title names it: the researchers are its
    laureates, not collaborators) and the sentences that say who got a prize (co-listing there is not joint work)."""
    text = ctx.item.text
    researchers = researchers_of(ctx)
    title_key = resolution.key(ctx.item.title)
    prize_item = False
    # a sentence that already gave someone a prize (a talent grant: 入选国家优秀青年科学基金) says who got one
    prize_sentences = {ctx.sentences.index(r.evidence.start) for r in out.values() if r.predicate == "received"}
    # "自然科学奖一等奖" over a list: the prize the title names, whatever its grade
    graded_key = resolution.key(_GRADE.sub("", ctx.item.title.strip()))
    # "The Vantor Prize in Physics 2026", "2025年度某某奖": the prize's name with its year
    dated_key = resolution.key(_TITLE_YEAR.sub("", ctx.item.title.strip()))
    for award in ctx.of("Award"):
        year = next((s.meta.get("year") for s in award.spans if s.meta.get("year")), None)
        keys = {resolution.key(award.name), *(resolution.key(a) for a in award.aliases)}
        if title_key in keys or graded_key in keys or dated_key in keys:
            year = year or first_year(ctx.item.title, ctx.item.parent_title)
            prize_item = True
            for c in researchers:
                add_received(ctx, out, c.id, award.id, year, c.spans[0])
            continue
        for s in award.spans:
            start, end = ctx.sentences.bounds(s.start)
            # (入选 says someone holds a talent programme; of a list, 入选十大进展, it says the work was chosen)
            selected = s.meta.get("talent") and "入选" in text[start:end]
            if not (_AWARD_VERB.search(text[start:end]) or _HONOURS.match(text, start, end) or selected):
                # "Dr A, a geochemist and X Future Fellow at Y": the name's apposition says A holds the fellowship
                if text.endswith("Fellow", s.start, s.end):
                    for c in researchers:
                        if any(
                            _FELLOW_APPOSITION.fullmatch(text, ps.end, s.start) for ps in c.spans if ps.end <= s.start
                        ):
                            add_received(ctx, out, c.id, award.id, year, s)
                continue
            prize_sentences.add(ctx.sentences.index(s.start))
            others = [a for a in ctx.of("Award") if a is not award and any(start <= x.start < end for x in a.spans)]
            if others:
                # 甲曾获A奖，乙2018年获得B奖: with two prizes in a sentence, each goes to the names of its clause
                start, end = _clause(text, start, end, s.start, s.end, researchers)
            # ("which he will hold in Professor A's group": the owner of a group is no laureate)
            named = [
                (c, ps)
                for c in researchers
                for ps in c.spans
                if start <= ps.start < end and text[ps.end : ps.end + 2] not in ("'s", "’s")
            ]
            if not named:
                named = _pronoun_subject(ctx, researchers, start, end)
            if not named and len(researchers) == 1 and _THIS_WORK.search(text, start, s.start):
                # 该成果获某奖: the work of the item's one researcher won it
                named = [(researchers[0], researchers[0].spans[0])]
            elif _PRONOUN.match(text, start, end):
                # "In 2003 she shared the Tyler Prize with A": she won it too
                known = {c.id for c, _ in named}
                named += [(c, ps) for c, ps in _pronoun_subject(ctx, researchers, start, end) if c.id not in known]
            for c, ps in named:
                # the title's year only where the title names this award ("两位学者当选2025年院士" dates the
                # election) and not for a prize won before ("previously received", 曾获)
                titled = None if _EARLIER.search(text, start, end) else titled_year(ctx)
                # (a talent grant's round is the year of a title on the grants: 2026年度国家自然科学基金获批项目…)
                if titled is None and s.meta.get("talent") and not _EARLIER.search(text, start, end):
                    titled = first_year(ctx.item.title)
                y = year or year_of_award(text, start, s.start, end, s.end) or titled
                add_received(ctx, out, c.id, award.id, y, ps)
    # "The prize in Physics goes to A and B": a sentence that gives a prize, even one it does not name
    prize_sentences.update(
        i
        for i, (start, end) in enumerate(ctx.sentences.all())
        if _AWARD_VERB.search(text, start, end) and _PRIZE_WORD.search(text, start, end)
    )
    headed = _headed_lists(ctx, out, researchers)
    prize_sentences |= _elected(ctx, out, researchers)
    announced = announced_award(ctx, title_key)
    if announced is not None and not prize_item:
        # "2025年度江南省科学技术奖公布 我校获奖15项", "我校学者获第十九届中国青年科技奖": the researchers the item
        # names are the winners it announces
        year = next((s.meta.get("year") for s in announced.spans if s.meta.get("year")), None) or first_year(
            ctx.item.title
        )
        # "航天学院青年教师谭某荣获中国青年科技奖": a title that names the winner names the only one (the others are
        # the team's authors)
        in_title = [c for c in researchers if c.name in ctx.item.title]
        # "Three KU Leuven researchers win …": a title that names the winners' institution names them as its people
        # (not the postdoc or the outside co-author a winner's story mentions)
        members = _members_of_titled(ctx, out, title_key)
        # (those listed under a prize's heading won that one: a title may announce two)
        # (a numbered table of those selected lists them all: a collaborator a paragraph below mentions is none)
        listed = [c for c in researchers if any(_in_numbered_row(text, x.start) for x in c.spans)]
        if len(listed) >= 2 and not members:
            members = {c.id for c in listed}
        # "PhD student wins the X Award" over "A has received the X Award": one winner, the one the text names (her
        # co-author is no laureate)
        if _ONE_WINNER.search(ctx.item.title) and any(k[1] == "received" and k[2] == announced.id for k in out):
            in_title = in_title or [c for c in researchers if (c.id, "received", announced.id) in out]
        for c in in_title or [c for c in researchers if c.id not in headed and (not members or c.id in members)]:
            # one named only where the item gives them another prize (not an earlier one) won that prize instead
            elsewhere = any(ctx.sentences.index(s.start) not in prize_sentences for s in c.spans)
            if elsewhere or not any(
                k[0] == c.id and k[1] == "received" and not _EARLIER.search(r.evidence.sentence) for k, r in out.items()
            ):
                add_received(ctx, out, c.id, announced.id, year, c.spans[0])
    if context_award is not None:
        year = first_year(ctx.item.parent_title)
        for c in researchers:
            add_received(ctx, out, c.id, context_award.id, year, c.spans[0])
    if announced is None and not prize_item:  # under a title naming the prize, the lines are its categories
        _listed_prizes(ctx, out, researchers)
    _to_variants(ctx, out)
    to_categories(out)
    return prize_item and not ctx.of("Publication"), prize_sentences


_NUMBERED_ROW = re.compile(r"[^\S\n]*\d{1,3}[^\S\n]+[^\n]*")


def _in_numbered_row(text: str, pos: int) -> bool:
    """Whether ``pos`` stands on a line that opens with a row number (1     某某    某学院)."""
    start = text.rfind("\n", 0, pos) + 1
    row = _NUMBERED_ROW.match(text, start)
    return row is not None and pos < row.end()


#: a title counting the institution's winners: "Three KU Leuven researchers win …", "12 Northvale scientists named"
_COUNTED_PEOPLE = re.compile(
    r"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,3})\s+(?:[\w'’&-]+\s+){1,5}?"
    r"(?:researchers|scientists|academics|professors|faculty|scholars)\b"
)


def _members_of_titled(ctx: Context, out: dict[tuple[str, str, str], Relation], title_key: str) -> set[str]:
    """The researchers affiliated with an institution the title names (or with one of its units)."""
    if not _COUNTED_PEOPLE.search(ctx.item.title):
        return set()  # (a title naming one winner's university may announce a list of many universities' winners)
    titled = {
        c.id
        for c in ctx.of("Institution")
        if any(resolution.key(n) and resolution.key(n) in title_key for n in (c.name, *c.aliases))
    }
    if not titled:
        return set()
    parents = {(r.subject, r.object) for r in out.values() if r.predicate == "partOf"}
    within = set(titled)
    while grown := {unit for unit, parent in parents if parent in within} - within:
        within |= grown
    return {r.subject for r in out.values() if r.predicate == "affiliatedWith" and r.object in within}


def _headed_lists(ctx: Context, out: dict[tuple[str, str, str], Relation], researchers: list[Cluster]) -> set[str]:
    """The researchers on the lines under a heading that is a prize's name alone, up to the next such heading or a
    blank line after the first of them: each received that prize (the heading's or the title's year). Returns
    their ids."""
    text = ctx.item.text
    headings: list[tuple[int, int, Cluster]] = []  # (line end, line start, award)
    caps: dict[int, bool] = {}  # line end -> whether the heading is a capitalised list heading
    for award in ctx.of("Award"):
        for a in award.spans:
            line_start = text.rfind("\n", 0, a.start) + 1
            line_end = text.find("\n", a.end)
            line_end = len(text) if line_end < 0 else line_end
            if not _HEADING_MARK.fullmatch(text, line_start, a.start):
                continue
            if _HEADING_END.fullmatch(text, a.end, line_end) or (
                _GRADED_END.fullmatch(text, a.end, line_end) and is_header_line(_line_after(text, line_end))
            ):
                headings.append((line_end, line_start, award))
                caps[line_end] = bool(a.meta.get("caps_heading"))
    headings.sort(key=lambda h: h[0])
    found: set[str] = set()
    for i, (line_end, line_start, award) in enumerate(headings):
        stop = headings[i + 1][1] if i + 1 < len(headings) else len(text)
        listed = sorted(
            ((ps.start, c) for c in researchers for ps in c.spans if line_end < ps.start < stop), key=lambda x: x[0]
        )
        if not listed:
            continue
        blank = _BLANK_LINE.search(text, listed[0][0], stop)
        until = blank.start() if blank else stop
        if caps.get(line_end):
            # a heading in capitals found only as a known award's name heads its list lines ("- Name - Institution"),
            # nothing past them (a reader may have joined the blank line after them away)
            until = line_end
            first = _BLANK_LINES.match(text, line_end + 1)
            at = first.end() if first else line_end + 1
            while (entry := _LIST_ENTRY.match(text, at)) is not None:
                until, at = entry.end(), entry.end() + 1
        if _COLON_END.search(text, line_start, line_end):
            starts = {at for at, _ in listed}
            while blank is not None and (entry := _ENTRY_OPENING.match(text, blank.start())) and entry.end() in starts:
                blank = _BLANK_LINE.search(text, entry.end(), stop)
                until = blank.start() if blank else stop
        year = first_year(text[line_start:line_end]) or titled_year(ctx)
        for at, c in listed:
            if at < until:
                add_received(ctx, out, c.id, award.id, year, next(s for s in c.spans if s.start == at))
                found.add(c.id)
    return found


# an election's list: "The newly elected Members in the sciences include:" over a line for each new member
_ELECTION = re.compile(r"\b(?:elected|admitted|inducted|new[^\S\n]+(?:Members|Fellows|members|fellows))\b")
_BULLET_LINE = re.compile(r"[^\S\n]*[•●▪◆*–-][^\S\n]")
# "Professor A of the Department of X was also elected.": one more of those the item's election names
_ALSO_ELECTED = re.compile(r"\b(?:was|were|been)[^\S\n]+(?:also[^\S\n]+)?(?:elected|admitted|inducted)[^\S\n]*[.;]")


def _elected(ctx: Context, out: dict[tuple[str, str, str], Relation], researchers: list[Cluster]) -> set[int]:
    """The members a learned body's election admits, listed under a line that says so or said to be elected too,
    received its honour (the body's membership or fellowship). Returns the sentences that say so (not those that
    also name a paper: its author is one of its team)."""
    text = ctx.item.text
    honour = next((a for a in ctx.of("Award") if any(s.meta.get("honour") for s in a.spans)), None)
    found: set[int] = set()
    if honour is None:
        return found
    papers = [s.start for p in ctx.of("Publication") for s in p.spans]
    year = titled_year(ctx) or first_year(ctx.item.date)
    for c in researchers:
        for ps in c.spans:
            line_start = text.rfind("\n", 0, ps.start) + 1
            if _BULLET_LINE.match(text, line_start):
                # the list's lead: the first line above its entries (a blank line may stand between)
                lead_end = line_start - 1
                while lead_end > 0:
                    lead_start = text.rfind("\n", 0, lead_end) + 1
                    if text[lead_start:lead_end].strip() and not _BULLET_LINE.match(text, lead_start):
                        break
                    lead_end = lead_start - 1
                else:
                    continue
                lead = text[lead_start:lead_end].rstrip()
                if not (lead.endswith(":") and _ELECTION.search(lead)):
                    continue
            else:
                start, end = ctx.sentences.bounds(ps.start)
                if not _ALSO_ELECTED.search(text, ps.end, end) or any(
                    start <= x.start < end for a in ctx.of("Award") for x in a.spans
                ):
                    continue
            add_received(ctx, out, c.id, honour.id, year, ps)
            start, end = ctx.sentences.bounds(ps.start)
            if not any(start <= at < end for at in papers):
                found.add(ctx.sentences.index(ps.start))
            break
    return found


def _line_after(text: str, line_end: int) -> str:
    """The line after the one ending at ``line_end`` (empty at the end of the text)."""
    if line_end >= len(text):
        return ""
    nxt = text.find("\n", line_end + 1)
    return text[line_end + 1 : nxt if nxt >= 0 else len(text)]


def _to_variants(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """A laureate of a variant of a prize the item names (基础物理学特别突破奖 beside 基础物理学突破奖: the prize's
    name with a qualifier inside) won the variant, not the prize too."""
    names = {c.id: c.name for c in ctx.of("Award")}
    won: dict[str, set[str]] = {}
    for r in out.values():
        if r.predicate == "received":
            won.setdefault(r.subject, set()).add(r.object)
    for k, r in list(out.items()):
        if r.predicate != "received" or r.object not in names:
            continue
        prize = names[r.object]
        if any(
            other != r.object
            and len(names.get(other, "")) > len(prize)
            and names[other][0] == prize[0]
            and names[other][-1] == prize[-1]
            and _in_order(prize, names[other])
            for other in won.get(r.subject, ())
        ):
            del out[k]


def _in_order(short: str, long: str) -> bool:
    """Whether the characters of ``short`` occur in ``long`` in the same order."""
    chars = iter(long)
    return all(c in chars for c in short)


def _listed_prizes(ctx: Context, out: dict[tuple[str, str, str], Relation], researchers: list[Cluster]) -> None:
    """ "• Faraday Medal: Professor Ruth Okonjo, University of Bristol": a list line that opens with a prize and a
    colon names its laureates."""
    text = ctx.item.text
    for award in ctx.of("Award"):
        for a in award.spans:
            line_start = text.rfind("\n", 0, a.start) + 1
            colon = _PRIZE_COLON.match(text, a.end)
            if colon is None or not _LIST_MARK.fullmatch(text, line_start, a.start):
                continue
            line_end = text.find("\n", a.end)
            line_end = len(text) if line_end < 0 else line_end
            # (the year of the line's first sentence: "… since 2018" later on tells another story)
            first_end = ctx.sentences.bounds(a.start)[1]
            for c in researchers:
                for ps in c.spans:
                    if colon.end() <= ps.start < line_end:
                        year = year_of_award(text, line_start, a.start, min(line_end, first_end)) or titled_year(ctx)
                        add_received(ctx, out, c.id, award.id, year, ps)
    # "• Dr Laila Haddad (Chemistry) — Royal Society Wolfson Fellowship": the laureate first, the prize after a dash
    for award in ctx.of("Award"):
        for a in award.spans:
            line_start = text.rfind("\n", 0, a.start) + 1
            named = [
                (c, ps)
                for c in researchers
                for ps in c.spans
                if line_start <= ps.start
                and _LAUREATE_DASH.fullmatch(text, ps.end, a.start)
                and _LIST_MARK_NAME.fullmatch(text, line_start, ps.start)
            ]
            for c, ps in named:
                line_end = text.find("\n", a.end)
                line_end = len(text) if line_end < 0 else line_end
                year = year_of_award(text, line_start, a.start, line_end) or titled_year(ctx)
                add_received(ctx, out, c.id, award.id, year, ps)


def _pronoun_subject(ctx: Context, researchers: list[Cluster], start: int, end: int) -> list[tuple[Cluster, Span]]:
    """ "He received the Gold Medal …", "她曾获…", "2024年获…奖" (no subject written): a sentence opened by a pronoun,
    or by the prize verb itself, speaks of the one researcher named in the closest sentence before it that names
    any."""
    text = ctx.item.text
    if not (
        _PRONOUN.match(text, start, end)
        or _ZERO_SUBJECT.match(text, start, end)
        or _CLAUSE_PRONOUN.search(text, start, end)
    ):
        return []
    index = ctx.sentences.index(start)
    # "With Dr. B she published …. She was elected …": a sentence whose own subject is the same pronoun names only
    # someone she worked with; the one she is was named before it
    pronoun = _SUBJECT_PRONOUN.search(text, start, end)
    sentences = ctx.sentences.all()
    for previous in range(index - 1, max(-1, index - 6), -1):
        named = {c.id: (c, s) for c in researchers for s in c.spans if ctx.sentences.index(s.start) == previous}
        if (
            named
            and pronoun is not None
            and re.search(rf"\b{pronoun.group().lower()}\b", text[slice(*sentences[previous])])
            and all(_WITH_BEFORE.search(text, max(0, s.start - 30), s.start) for _, s in named.values())
        ):
            continue
        if named:
            return list(named.values()) if len(named) == 1 else []
    return []


_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_WITH_BEFORE = re.compile(r"\b(?:[Ww]ith|[Aa]longside|[Tt]ogether\s+with)\s+(?:(?:Dr\.?|Professor|Prof\.)\s+)?$")


def to_categories(out: dict[tuple[str, str, str], Relation]) -> None:
    """A laureate of a prize with one category in the item won that category ("wins the Halvorsen Prize" in the
    title, "the Halvorsen Prize in Physics" in the text); one who won a category is not listed for the prize too."""
    categories: dict[str, list[str]] = {}
    for r in out.values():
        if r.predicate == "partOf":
            categories.setdefault(r.object, []).append(r.subject)
    won = {(r.subject, r.object) for r in out.values() if r.predicate == "received"}
    for k, r in list(out.items()):
        if r.predicate != "received" or r.object not in categories:
            continue
        if any((r.subject, c) in won for c in categories[r.object]):
            del out[k]  # a laureate of one of the prize's categories: the category says it
            continue
        if len(categories[r.object]) != 1:
            continue
        del out[k]
        category = categories[r.object][0]
        if not any(x.subject == r.subject and x.predicate == "received" and x.object == category for x in out.values()):
            add(out, r.model_copy(update={"object": category}))
