"""affiliatedWith and partOf: a researcher and the institutions written before the name, in brackets after it,
in a credit line or a profile; a unit and the parent named inside it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import ingest.resolve as resolution
from ingest.extract.lexicon import EN_DEGREES, RESEARCHER_BEFORE, RESEARCHER_EN_JOBS, alternation
from ingest.extract.people import rank_rows, row_unit
from ingest.extract.relations.context import Context, add, affiliate, researchers_of
from ingest.extract.spans import Span
from kg.model import Relation

if TYPE_CHECKING:
    from ingest.resolve import Cluster


# posts and named chairs a unit gives (长江学者特聘教授 is the Ministry's chair, held at the unit)
_POSTS = (
    "团队", "特聘研究员", "院长", "副院长", "所长", "副所长", "系主任", "特聘教授", "讲席教授", "长江学者特聘教授",
    "长江学者讲席教授", "冠名教授", "首席教授",
    # (a department's head is its member: 骨科主任、主任医师X)
    "科主任", "副主任", "主任",
)  # fmt: skip
# 院士 is left out: an academician of an academy is not affiliated with it (中国工程院院士、北岭大学教授X)
_ROLE_TERMS = tuple(w for w in RESEARCHER_BEFORE if "作者" not in w and w != "院士")

_ROLE = rf"(?:{alternation(_ROLE_TERMS + _POSTS)})"

# between an institution and a name: nothing, 的, a role word, or a short phrase ending in one (联合培养的首届硕士生)
# (院长、教授: a post and a title, listed)
# (院长、中国科学院院士: an academy's title may stand in the list, though the academy is no affiliation)
_ACADEMICIAN = r"[\u4e00-\u9fff]{0,12}?(?:科学院|工程院)(?:外籍)?院士"
# a job in the singular, in lower case, right before a name ("postdoctoral fellow A"): that person's alone
_ONE_PERSONS_JOB = re.compile(r"\b(?:fellow|student|researcher|scientist|associate|candidate|technician)[^\S\n]+$")
# titles and nothing else (研究员, 副教授, 原副所长, 院士)
_TITLES_ONLY = re.compile(
    rf"(?:[^\S\n]|(?:原|前)?(?:助理|副|青年|高级|特聘|兼职|客座|访问|资深|首席|博士后)*{_ROLE}|{_ACADEMICIAN})*"
)
_ROLE_WORDS = re.compile(
    # (never over a line break: a unit ending one line is no affiliation of the name opening the next)
    # (研究员、原副所长: a former post listed after the title held there now)
    rf"^(?:[^\S\n]|的|{_ROLE})*(?:、(?:[^\S\n]|(?:原|前){_ROLE}|{_ROLE}|{_ACADEMICIAN})+)*\Z"
    rf"|^[^，。；、,;（(\n]{{0,12}}{_ROLE}[^\S\n]*\Z"
)

_EN_JOB_WORDS = alternation(RESEARCHER_EN_JOBS)

# an institution, then the job (and field) of the person named right after it
_EN_JOB_GAP = re.compile(
    rf"\s+(?:[a-z-]+\s+){{0,4}}(?:{_EN_JOB_WORDS})s?"
    r"(?:\s+(?:of|in)\s+(?:[a-z-]+\s+){0,2}[a-z-]+)?\s+(?:(?:Dr\.?|Professor|Prof\.)\s+)?"
)

# a body a person runs now ("A leads the X programme"; "led" tells a past post)
_RUNS = r"(?:also\s+)?(?:leads|heads|directs|runs|chairs)"

# what leads from a name to its institution: "A of X", "A, a professor at X", "A, a postdoctoral fellow in X's School
# of Y", "A, now a senior scientist at X", "A, professor of plant biology at X", "A, head of the Department of Y",
# "A has been appointed Dean of X"
_EN_AFFILIATION_AFTER = re.compile(
    EN_DEGREES
    # ("A is a glaciologist at X": the job as the predicate of a sentence)
    + r"\s*,?\s*(?:is\s+(?:also\s+)?(?=an?\s))?(?:now\s+|currently\s+)?"
    # "A is Professor of Infectious Disease Epidemiology at X": a named chair, its field capitalised (first: the
    # job alternatives below would stop at its "of")
    r"(?:is\s+(?:(?:the|an?)\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:Professor|Lecturer|Reader|Chair)\s+(?:of|in)\s+"
    r"(?:(?:[A-Z][\w-]*|and|&)\s+){1,6}(?:at|of)"
    # ("A, a palaeoclimatologist and Future Fellow at X": two posts joined by "and")
    r"|(?:an?\s+(?:[\w-]+\s+){1,3}(?:and\s+(?:[\w-]+\s+){1,3})?(?:of\s+(?:[a-z-]+\s+){1,4})?)?(?:of|at|from)"
    # ("A, assistant professor of chemistry, College of Engineering": a list entry, the unit after the job)
    rf"|(?:an?\s+)?(?:[\w-]+\s+){{0,2}}(?i:{_EN_JOB_WORDS}|fellow|lecturer)"
    r"(?:\s+(?:of|in)\s+(?:[a-z-]+\s+){0,5}[a-z-]+)?,(?=[^\S\n]+(?:the\s+)?[A-Z])"
    # (a post may be capitalised as a title: "A, Lecturer in the School of Geography")
    rf"|(?:an?\s+)?(?:[\w-]+\s+){{0,2}}(?i:{_EN_JOB_WORDS}|fellow|lecturer|student|candidate|director|dean|chair|member)"
    r"\s+in"
    # (a job may be capitalised as a title: "A, Senior Lecturer at X", "A, Senior Consultant at the Department of Y")
    # ("A, director at the Max Planck institute": a post held at a body)
    # ("A, senior curator of birds at the X Museum": a museum's research post)
    rf"|(?:an?\s+)?(?:[\w-]+\s+){{0,2}}(?i:{_EN_JOB_WORDS}|fellow|lecturer|candidate|consultant|director|dean|head"
    r"|curator)"
    r"(?:\s+of\s+(?:[a-z-]+\s+){0,3}[a-z-]+)?\s+(?:at|of|from)"
    r"|(?:the\s+)?(?:head|director|dean|chair)\s+of"
    # "A has been appointed Dean of the X School of Law"
    r"|(?:has\s+been|was|is|will\s+be)\s+(?:appointed|named)\s+(?:as\s+)?(?:the\s+)?(?:new\s+|next\s+)?"
    r"(?:[A-Z][\w-]*\s+){1,4}(?:of|at)"
    # "A leads the NRC's Clean Energy programme", "A heads the Institute of X": the body A runs (now, not "led")
    rf"|{_RUNS}"
    # "A has joined the School of Physics (from the University of X)": the unit joined is the new post ("joined X in
    # 1962" tells a career, not the post held now)
    r"|(?:has|have)\s+(?:recently\s+)?joined|joins|will\s+join"
    # "A and her team at the Centre for X": the team's place is the leader's
    r"|and\s+(?:his|her|their)\s+(?:team|group|lab|laboratory|colleagues)\s+(?:at|of|from|in)"
    # ("my PhD student A here in the Department of X": the writer's own unit, where A is too)
    r"|here\s+(?:in|at))"
    # ("at the university's Institute for X": the unit of the body the text is about)
    # ("of the University's Faculty of X": the word capitalised as the text's own body)
    r"\s+(?:[Tt]he\s+(?:(?i:university|institute|college|hospital|school|centre|center|museum|zoo)['’]s\s+)?|our\s+"
    r"|its\s+)?"
)

_HONOUR_OF = re.compile(r"\b(?:Fellow|Member)\s+of\s+(?:the\s+)?$")

_AND_POST_AT = re.compile(
    rf"(?:[^\S\n]*\([^()\n]{{1,20}}\))?\s+and\s+(?:an?\s+)?(?:[\w-]+\s+){{0,2}}"
    rf"(?i:{_EN_JOB_WORDS}|fellow|lecturer|member|researcher|investigator)\s+(?:at|of|in)\s+(?:the\s+)?"
)

_LISTED_UNIT = re.compile(r"\b(?:Faculty|Department|School|Institute|Centre|Center|Laboratory|Division|Unit|College)\b")
# ("College of Medicine" is a unit, "Trinity College" a whole)
_LISTED_TOP = re.compile(r"\b(?:University|Academy|Polytechnic)\b|\bCollege\b(?!\s+of\b)")
# between two bodies of one list entry, on one line: a short form in brackets, a comma, "and"
_NEXT_LISTED = re.compile(
    r"(?:[^\S\n]*\([A-Z][A-Za-z&]{1,10}\))?(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)(?:the[^\S\n]+)?"
)
# (or a verb in the singular: "A; corresponding author B heads the Institute of X" is B's post alone)
_SINGULAR_JOB = re.compile(rf"\s*,\s*(?:now\s+|currently\s+)?an?\s|\s+{_RUNS}\b")

# 该院教授X: the school (该校: the university …) named last before it
_BACK_REFERENCE = re.compile(r"该(院|校|所|系|中心|实验室)")

_REFERRED = {
    "院": ("院",),
    "校": ("大学", "学院", "学校"),
    "所": ("所",),
    "系": ("系",),
    "中心": ("中心",),
    "实验室": ("实验室",),
}

_OWNER_BEFORE = re.compile(r"\b(?P<word>[A-Z][\w&-]*)['’]s\s+$")

# 邢晓岚，生命科学学院研究员: a profile gives the unit and the post right after the name
# (or "X是Y学院教授", "X为Y医院Z科副主任医师": the unit and post the sentence gives the person)
_PROFILE_UNIT = re.compile(r"\s*(?:[，,]|是|系|为|现为|现任)\s*")
# (or the line ends with it: 获奖者：屈某，北京大学数学科学学院教授 获奖评语：…)
# (… or the next field of the block, run into it when the page is read: …学院教授获奖评语：)
# (第一作者X为某所博士研究生: a student's place is given so too)
_PROFILE_POST = re.compile(
    r"(?:(?:特聘|副|助理)?(?:研究员|教授|讲师|博士后|主任医师)|博士研究生|硕士研究生|博士生|硕士生)"
    r"(?=[，,。；;\s]|$|[\u4e00-\u9fff]{2,6}[：:])"
)
# 通讯作者X为该所研究员: the unit a back reference after the name points to
_REFERRED_AFTER = re.compile(r"(?:为|是|系)该(院|校|所|系|中心|实验室)")
# (仇某所在的作物遗传改良全国重点实验室: the unit a person is in, named right after 所在的)
_NOW_AT = re.compile(
    r"[^。；;]{0,24}?(?:现任|现为|现就职于|任职于|就职于|供职于|担任|兼任|出任|加盟|加入|入职|来自)(?:我校|本校|该校)?"
    # (加盟某某大学，任某某研究院教授: the unit of the post taken at the university joined)
    r"(?:[\u4e00-\u9fff]{2,16}大学[，,](?:并)?(?:担任|出任|兼任|任))?"
    r"|所在的?"
)
# 原美国加州理工学院化学系教授X: the post X held before, no affiliation now
_FORMER = re.compile(r"(?:原|前|曾任|曾为|曾在)$")

_CREDITED = re.compile(
    r"(?:主要)?(?:完成人|获奖人|获奖者|负责人)\s*[：:](?P<people>[^；;）)\n]{2,80}?)\s*[；;，,]\s*"
    r"(?:主要)?(?:完成单位|获奖单位|所在单位|单位)\s*[：:](?P<units>[^；;）)\n]{2,80})"
)

# "Professor A, School of Life Sciences" (a list of names with their units), "Professor A in the Department of X"
# ("A (Tier 1), Faculty of Science, …": a note in brackets may stand between)
_EN_UNIT_AFTER = re.compile(r"(?:[^\S\n]*\([^()\n]{1,20}\))?\s*,\s*(?:the\s+)?|\s+in\s+the\s+")

# "X, an assistant professor of mathematics", "X, assistant professor in …": a job written right after a name
# (a named chair is capitalised: "the Henry Lowell Professor of Neuroscience")
_EN_JOB_AFTER = re.compile(rf",\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,6}}(?i:{_EN_JOB_WORDS}|lecturer|fellow)\b")

_EN_JOB_BEFORE = re.compile(
    rf"(?:[Pp]rofessor|Prof\.|[Pp]ostdoc(?:toral)?\s+(?:researcher|fellow)|student|\b(?:{_EN_JOB_WORDS}))"
    r"\s+(?:(?:Dr\.?|Professor|Prof\.)\s+)?$"
)

# the next name of a list whose institution stands before it all ("Westmoor University professors A and B")
_EN_LIST_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")

# the outside expert a release quotes: "…, an ecologist who was not involved in the study"
_NOT_INVOLVED = re.compile(r"[^.;]{0,60}\b(?:not|wasn['’]t|isn['’]t)\s+(?:involved|part\s+of|affiliated)")

# "Dr A and materials scientist Professor B of X": the second name's job words may stand between
# ("A (first author) and Professor B (corresponding author), X": a name's part in the paper may stand between)
_EN_PAIR_GAP = re.compile(
    r"(?:[^\S\n]*\((?:co-)?(?:first|senior|corresponding|last|lead)[^\S\n]+author\))?"
    r"\s*(?:,\s*(?:and\s+)?|;\s*|and\s+|&\s+)(?:(?!(?:the|of|at|from|with|his|her|their|team)\b)[a-z][a-z-]+\s+){0,3}"
    r"(?:(?:Dr\.?|Professor|Prof\.|Associate\s+Professor|Assistant\s+Professor)\s+)?"
)
# "Professor Siobhan Keane; Dr Tuan Nguyen – School of Chemistry": a grant list's names, a dash, their unit
_EN_DASH_UNIT = re.compile(r"[^\S\n]+[–—][^\S\n]+|[^\S\n]+-[^\S\n]+(?=[A-Z])")

_BRACKET_ALIAS = re.compile(r"^\s*[（(][^（）()，,。；、]{2,30}[）)]")
# a unit still being set up: 生命科学学院（筹）
_PREPARATORY = re.compile(r"^\s*[（(]筹(?:建|备)?(?:中)?[)）]")

_LIST_GAP = re.compile(r"^\s*(?:、|和|与|及|以及|,|，|/)\s*$")

_POSSESSIVE_GAP = re.compile(r"['’]s\s+")


def part_of(ctx: Context, out: dict[tuple[str, str, str], Relation], parents: dict[str, str]) -> None:
    """Units to the parent named inside them; prize categories to their prize (``parents`` from the gazetteer)."""
    by_key = {(c.type, resolution.key(n)): c for c in ctx.clusters for n in [*c.aliases, c.name]}
    for c in ctx.clusters:
        parent_name = c.parent or parents.get(c.name)
        parent = by_key.get((c.type, resolution.key(parent_name))) if parent_name else None
        if parent is not None and c.type in {"Institution", "Award"}:
            s = c.spans[0] if c.spans else None
            ev = ctx.evidence(s.start, s.end) if s else ctx.evidence(0, 0)
            add(out, Relation(subject=c.id, predicate="partOf", object=parent.id, evidence=ev))


def _institutions_before(ctx: Context, pos: int, institutions: list[Span]) -> list[Span]:
    """The institutions written as a list that ends right before ``pos`` (role words allowed in between)."""
    text = ctx.item.text
    ending: dict[int, list[Span]] = {}
    for s in institutions:
        ending.setdefault(s.end, []).append(s)
    found: list[Span] = []
    anchor = None
    for end in sorted(ending, reverse=True):
        gap = _PREPARATORY.sub("", text[end:pos], count=1)
        # 海军军医大学第二附属医院（上海长征医院）徐沪济: the unit's other name in brackets stands between
        if (alias := _BRACKET_ALIAS.match(gap)) and any(s.start == end + alias.start() + 1 for s in institutions):
            gap = gap[alias.end() :]
        # 哈佛大学医学院（Harvard Medical School）教授: the unit's English name, folded into it as an alias
        elif paired := [s.alias_span[1] for s in ending[end] if s.alias_span and s.alias_span[0] > end]:
            gap = re.sub(r"^\s*[）)]", "", text[paired[0] : pos])
        if end <= pos and _ROLE_WORDS.match(gap):
            anchor = end
            break
    while anchor is not None:
        group = ending[anchor]
        start = min(s.start for s in group)
        # units written back to back form one chain (附属东方医院心脏病全国重点实验室)
        while start in ending:
            start = min(s.start for s in ending[start])
        found.extend(s for s in institutions if start <= s.start and s.end <= anchor and not s.absorbed)
        anchor = next((e for e in ending if e <= start and _LIST_GAP.match(text[e:start])), None)
    return found


def affiliated_with(
    ctx: Context, out: dict[tuple[str, str, str], Relation], institutions: list[Span], home: Span | None = None
) -> None:
    """Researchers to the institutions written before them or in brackets after them; in a press release from one
    institution (``home``), its researchers named by their job alone ("Priya Ramaswell, an assistant professor of
    mathematics") to that institution."""
    text = ctx.item.text
    people = sorted((s for c in researchers_of(ctx) for s in c.spans if s.role == "researcher"), key=lambda s: s.start)
    previous: tuple[Span, list[Span]] | None = None
    unplaced: list[Span] = []  # the names listed right before, none with an affiliation of its own
    for span in people:
        insts = [s for s in _institutions_before(ctx, span.start, institutions) if not _former(text, s, institutions)]
        after = re.match(r"[^（(，,。]{0,8}[（(]", text[span.end :])
        bracketed = False
        if after:
            open_at = span.end + after.end()
            inside = [s for s in institutions if s.start == open_at and not s.absorbed]
            bracketed = bool(inside)
            insts += inside
        led = re.search(
            r"(?:,\s*)?\b(?:led|headed|directed)\s+by\s+(?:(?:Professor|Prof\.|Dr\.?)\s+)?$", text[: span.start]
        )
        if led:
            insts += [
                s for s in institutions if s.end <= led.start() and text[s.end : led.start()].strip() in {"", ","}
            ]
        en_after = _EN_AFFILIATION_AFTER.match(text, span.end) or _EN_DASH_UNIT.match(text, span.end)
        # "A is a Fellow of the Royal Academy of X": an honour the body confers, no post there
        if en_after is not None and _HONOUR_OF.search(en_after.group()):
            en_after = None
        unit_after = False  # a unit written right after the name, as in "A and B, School of Chemistry"
        if en_after:
            named_after = [s for s in institutions if s.start == en_after.end() and not s.absorbed]
            # "of MIT's Department of Chemistry": the department, which is part of MIT
            owned = [u for o in named_after for u in institutions if _POSSESSIVE_GAP.fullmatch(text[o.end : u.start])]
            insts += owned or named_after
            # "a professor at the Faculty of X and researcher at the Y Center": a second post, a second place
            for held in named_after:
                if (post := _AND_POST_AT.match(text, held.end)) is not None:
                    insts += [s for s in institutions if s.start == post.end() and not s.absorbed]
        elif listed := _EN_UNIT_AFTER.match(text, span.end) or _name_line_over_unit(text, span):
            first = [s for s in institutions if s.start == listed.end() and _latin(s) and not s.absorbed]
            unit_after = bool(first)
            insts += first + [u for f in first for u in _units_listed_after(text, f, institutions)]
        # "MIT professor of materials science Elena Vasquez", "Stanford chemist Raj Patel"
        insts += [s for s in institutions if s.end < span.start and _EN_JOB_GAP.fullmatch(text, s.end, span.start)]
        if (
            not insts
            and previous is not None
            and previous[1]
            and all(i.end <= previous[0].start for i in previous[1])
            and _EN_LIST_AND.fullmatch(text, previous[0].end, span.start)
        ):
            insts = list(previous[1])
        if not insts and (back := _REFERRED_AFTER.match(text, span.end)) and _PROFILE_POST.match(text, back.end()):
            insts = _last_of_kind(institutions, span.start, back.group(1))
        if not insts:
            insts = (
                _referred(text, span.start, institutions)
                or _possessor(text, span.start, institutions)
                or _kind_referred(text, span.end, institutions)
            )
        # a table row (某某　教　授　某大学某学院): the unit after the rank
        if (row := rank_rows(text).get((span.start, span.end))) and (unit := row_unit(text, row, institutions)):
            insts.append(unit)
        # 钮思齐，女，1988年生，现任我校环境科学与工程学院教授: the post the profile gives
        insts += [s for s in institutions if s.start > span.end and _NOW_AT.fullmatch(text, span.end, s.start)]
        insts += [
            s
            for s in institutions
            if s.start > span.end
            and _PROFILE_UNIT.fullmatch(text, span.end, s.start)
            and _PROFILE_POST.match(text, s.end)
        ]
        if not insts and previous is not None and _LIST_GAP.match(text[previous[0].end : span.start].split("教授")[-1]):
            insts = previous[1]
        if not insts and previous is not None and re.fullmatch(r"[^。；]{0,12}", text[previous[0].end : span.start]):
            gap = text[previous[0].end : span.start]
            # a unit named in between starts a new list (…教授、生命科学学院（筹）B研究员)
            # (…教授、医学部研究员B: words before B's title that are no title may name B's own unit, unread)
            after_and = re.split(r"[、和与及]", gap)[-1]
            if (
                re.search(r"[、和与及]", gap)
                and not any(previous[0].end <= s.start < span.start for s in institutions)
                and _TITLES_ONLY.fullmatch(after_and)
            ):
                insts = previous[1]
        person = ctx.cluster_of(span)
        for inst in insts:
            target = ctx.cluster_of(inst)
            if person and target:
                affiliate(ctx, out, person, target, span)
        # "Dr A and Dr B from X", "A, B, and C of X": the affiliation after the last name of an English list holds
        # for every name of it (those without one of their own, each joined to the next)
        in_list = (
            previous is not None
            and not previous[1]
            and _EN_PAIR_GAP.fullmatch(text, previous[0].end, span.start) is not None
        )
        # ("postdoctoral fellow A, B of X, and C at Y": a name given its own job in the singular, then a comma, is
        # described alone; "PhD student A and Professor B of X" share X)
        described_alone = (
            previous is not None
            and _ONE_PERSONS_JOB.search(text, max(0, previous[0].start - 40), previous[0].start) is not None
            and re.fullmatch(r"\s*,\s*", text[previous[0].end : span.start]) is not None
        )
        unplaced = [*unplaced, previous[0]] if in_list and previous is not None and not described_alone else []
        # "A and B, a postdoctoral researcher at X": a job in the singular is B's alone
        if (en_after or unit_after) and unplaced and not _SINGULAR_JOB.match(text, span.end):
            for earlier in unplaced:
                before = ctx.cluster_of(earlier)
                for inst in insts:
                    target = ctx.cluster_of(inst)
                    if before and target:
                        affiliate(ctx, out, before, target, earlier)
        # an affiliation in brackets belongs to that name alone, not to the names listed after it
        previous = (span, [] if bracketed else insts)
    _own_people(ctx, out, people, institutions)
    home_cluster = ctx.cluster_of(home) if home is not None else None
    if home_cluster is not None:
        _home_staff(ctx, out, people, home_cluster)
    _credited_unit(ctx, out, people, institutions)
    _new_faculty(ctx, out, people, institutions)
    _investigator_field(ctx, out, people, institutions)


# a grant's metadata block: "Principal investigator: Dr A" with "Department: …" or "Lead research organisation: …"
_INVESTIGATOR_FIELD = re.compile(
    r"(?im)^[^\S\n]*(?:(?:principal|lead|chief)[^\S\n]+investigator"
    # (a grant database's "Contact PI / Project Leader")
    r"|contact[^\S\n]+PI(?:[^\S\n]*/[^\S\n]*project[^\S\n]+leader)?)[^\S\n]*:[^\S\n]*(?:(?:Dr\.?|Professor|Prof\.)[^\S\n]+)?$"
)
_UNIT_FIELD = re.compile(
    r"(?im)^[^\S\n]*(?:(?P<unit>department|school|faculty)|(?:lead[^\S\n]+|awardee[^\S\n]+)?(?:research[^\S\n]+)?"
    r"organi[sz]ation|host[^\S\n]+institution|institution)[^\S\n]*:[^\S\n]*"
)


def _investigator_field(
    ctx: Context, out: dict[tuple[str, str, str], Relation], people: list[Span], institutions: list[Span]
) -> None:
    """A grant's principal investigator, given a line of their own in the block, is at the block's unit (its
    "Department:" line, else its "Lead research organisation:" line), when their line names none."""
    text = ctx.item.text
    fields = [(m, m.group("unit") is not None) for m in _UNIT_FIELD.finditer(text)]
    for span in people:
        line_start = text.rfind("\n", 0, span.start) + 1
        if not _INVESTIGATOR_FIELD.fullmatch(text, line_start, span.start):
            continue
        line_end = text.find("\n", span.end)
        if any(span.end <= i.start < (line_end if line_end >= 0 else len(text)) for i in institutions):
            continue
        near = [(m, unit) for m, unit in fields if abs(m.start() - span.start) < 600]
        # (a unit's field may hold a bare field, "Department: BIOLOGY", no name: the organisation's is next)
        for m, _ in sorted(near, key=lambda pair: not pair[1]):
            target = next((i for i in institutions if i.start == m.end()), None)
            person, place = ctx.cluster_of(span), ctx.cluster_of(target) if target else None
            if person and place:
                affiliate(ctx, out, person, place, span)
                break


# "Three new faculty members join the Department of X this fall": the unit the new colleagues join
_JOIN_UNIT = re.compile(
    r"\b(?:new\s+)?(?:faculty(?:\s+members)?|colleagues|professors|members)\s+(?:will\s+)?(?:join|joined|joining)\s+"
    r"(?:the\s+|our\s+)?$"
)
# each new colleague's bio opens with a heading of the name and the rank ("Ana Ruiz, Assistant Professor")
_RANK_AFTER = re.compile(
    r",[^\S\n]+(?:(?:Assistant|Associate|Full|Adjunct|Visiting|Research|Senior|Distinguished|Clinical|Teaching)"
    r"[^\S\n]+)?(?:Professor|Lecturer|Reader|Fellow|Scientist|Investigator)\b[^\n.;]{0,60}$",
    re.M,
)


def _new_faculty(
    ctx: Context, out: dict[tuple[str, str, str], Relation], people: list[Span], institutions: list[Span]
) -> None:
    """On a page welcoming new faculty to a unit, each person whose bio heading gives a rank is at that unit."""
    text = ctx.item.text
    joined = [s for s in institutions if _JOIN_UNIT.search(text, max(0, s.start - 60), s.start)]
    if len(joined) != 1 or (target := ctx.cluster_of(joined[0])) is None:
        return
    for span in people:
        line_start = text.rfind("\n", 0, span.start) + 1
        if text[line_start : span.start].strip() or not _RANK_AFTER.match(text, span.end):
            continue
        if (person := ctx.cluster_of(span)) is not None:
            affiliate(ctx, out, person, target, span)


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _latin(span: Span) -> bool:
    """A body named in Latin letters, accented or not (Université Paris-Saclay), not in Chinese."""
    return not _CJK_CHAR.search(span.name)


# a laureate block: the name alone on its line, its institution opening the next ("Ana Ruiz\nUniversity of X, City")
_LINE_BELOW = re.compile(r"[^\S\n]*\n[^\S\n]*(?:the\s+)?")


def _name_line_over_unit(text: str, span: Span) -> re.Match[str] | None:
    """The break after a name written alone on its line, up to the start of the next line."""
    line_start = text.rfind("\n", 0, span.start) + 1
    if text[line_start : span.start].strip():
        return None
    return _LINE_BELOW.match(text, span.end)


def _units_listed_after(text: str, first: Span, institutions: list[Span]) -> list[Span]:
    """The bodies listed on after a name's first one in an entry of a list ("A, Faculty of Science, Department of
    Physics and Astronomy, and Institute for Quantum Computing (IQC) - …"): each is the person's too, but not a
    parent named after its unit (it holds the unit, the person is in the unit)."""
    out: list[Span] = []
    previous = first
    while True:
        gap = _NEXT_LISTED.match(text, previous.end)
        nxt = next((s for s in institutions if gap and s.start == gap.end() and not s.absorbed), None)
        # (the parent as written may be shorter or longer than its canonical name: Trinity College [Dublin])
        parent = previous.parent or ""
        if nxt is None or not _latin(nxt) or (parent and (nxt.name in parent or parent in nxt.name)):
            return out
        # a university or college after the units is where they are, not one more post of the person
        # (as written: a unit's name may have been qualified with its university)
        if not _LISTED_UNIT.search(text, nxt.start, nxt.end) or _LISTED_TOP.search(text, nxt.start, nxt.end):
            return out
        out.append(nxt)
        previous = nxt


def _former(text: str, inst: Span, institutions: list[Span]) -> bool:
    """The unit stands in a chain (美国加州理工学院化学系) opened by 原/曾任: a former post."""
    start = min([inst.start, *(s.start for s in institutions if s.start <= inst.start < s.end)])
    return bool(_FORMER.search(text, max(0, start - 3), start))


def _credited_unit(
    ctx: Context, out: dict[tuple[str, str, str], Relation], people: list[Span], institutions: list[Span]
) -> None:
    """ "完成人：A、B；完成单位：X": the people credited with a project work at its unit, when it names one."""
    for m in _CREDITED.finditer(ctx.item.text):
        units = [s for s in institutions if m.start("units") <= s.start < m.end("units") and not s.absorbed]
        entries = [e for e in re.split(r"[、，,和及]", m.group("units")) if e.strip()]
        if len({s.name for s in units}) != 1 or len(entries) != 1:
            continue  # two units (a company among them, say): who works where is not written
        target = ctx.cluster_of(units[0])
        for span in people:
            person = ctx.cluster_of(span)
            if m.start("people") <= span.start < m.end("people") and person and target:
                affiliate(ctx, out, person, target, span)


# "A, the zoo's Head of Conservation", "A, the museum's curator of fossils": the body named by its kind
_KIND_POST = re.compile(
    r",\s+the\s+(?P<kind>university|institute|college|hospital|museum|zoo|aquarium|observatory|laboratory)['’]s\s+"
    r"(?:[A-Za-z-]+\s+){0,2}(?i:head|director|curator|chair|dean|professor|scientist|researcher|keeper)\b"
)


def _kind_referred(text: str, end: int, institutions: list[Span]) -> list[Span]:
    """The one institution of the item whose name holds the kind word of "A, the zoo's Head of X" after a name."""
    if not text.startswith(",", end):
        return []
    m = _KIND_POST.match(text, end)
    if m is None:
        return []
    head = re.compile(rf"\b{m.group('kind').capitalize()}\b")
    named = {s.name: s for s in institutions if s.start < end and not s.absorbed and head.search(s.name)}
    return list(named.values()) if len(named) == 1 else []


def _referred(text: str, pos: int, institutions: list[Span]) -> list[Span]:
    """The unit 该院/该校/该所 before a name (role words between) points back to: the last one named before it whose
    name ends as the word says."""
    window = text[max(0, pos - 16) : pos]
    ref = None
    for m in _BACK_REFERENCE.finditer(window):
        if _ROLE_WORDS.match(window[m.end() :]):
            ref = m
    if ref is None:
        return []
    return _last_of_kind(institutions, pos - len(window) + ref.start(), ref.group(1))


def _last_of_kind(institutions: list[Span], before: int, word: str) -> list[Span]:
    """The last unit named before ``before`` whose name ends as the back reference's ``word`` (院, 校, 所) says."""
    earlier = [s for s in institutions if s.end <= before and not s.absorbed and s.name.endswith(_REFERRED[word])]
    return [max(earlier, key=lambda s: s.end)] if earlier else []


# 我院X教授, 本校博士研究生X: the unit the item speaks for (its source line, its masthead, the first it names)
_OWN_BEFORE = re.compile(r"(?:我|本)(院|校|所)(?P<role>[^，。；、,;（(\n]{0,12})$")
_OWN_WORD = re.compile(r"(?:我|本)(院|校|所)(?![长内外士])")
_OWN = {"院": ("学院", "研究院", "医院"), "校": ("大学", "学院", "学校"), "所": ("所",)}
# a student named by that title alone, in an item that speaks of 我院/我校, studies there
# (and the names listed after the first: 博士研究生A、B)
_STUDENT_BEFORE = re.compile(r"(?:博士研究生|硕士研究生|博士生|硕士生|本科生)(?:[\u4e00-\u9fff·]{2,8}[、和与及])*$")
# 赴某大学某系…，外方导师为X: the supervisor abroad works at the host the sentence names
_HOST_SUPERVISOR = re.compile(r"(?:外方|国外|海外|合作)导师(?:为|是)?[：:]?\s*$")


def _own_people(
    ctx: Context, out: dict[tuple[str, str, str], Relation], people: list[Span], institutions: list[Span]
) -> None:
    """Researchers with no affiliation yet whom the item places by its own voice (我院X, 我校博士研究生X, a student
    of an item that speaks of 我院) or as a host supervisor abroad (外方导师为X) in a sentence naming the host."""
    text = ctx.item.text
    placed = {r.subject for r in out.values() if r.predicate == "affiliatedWith"}
    spoken = _OWN_WORD.search(text)
    publisher = _notice_publisher(text, institutions)
    for span in people:
        person = ctx.cluster_of(span)
        if person is None or person.id in placed:
            continue
        units: list[Span] = []
        own = _OWN_BEFORE.search(text, max(0, span.start - 16), span.start)
        if own and _ROLE_WORDS.match(own.group("role")):
            units = _own_unit(institutions, own.group(1))
        elif spoken and _STUDENT_BEFORE.search(text, max(0, span.start - 24), span.start):
            units = _own_unit(institutions, spoken.group(1))
        elif _HOST_SUPERVISOR.search(text, max(0, span.start - 12), span.start):
            start, _ = ctx.sentences.bounds(span.start)
            hosts = [i for i in institutions if start <= i.start and i.end <= span.start and not i.absorbed]
            units = [max(hosts, key=lambda i: (i.end, i.end - i.start))] if hosts else []
            if not units and publisher is not None:
                units = [publisher]
        elif publisher is not None and _NOTICE_PERSON.search(text, max(0, span.start - 12), span.start):
            units = [publisher]
        for unit in units:
            target = ctx.cluster_of(unit)
            if target is not None:
                placed.add(person.id)
                affiliate(ctx, out, person, target, span)


# a unit's recruitment notice (某研究所2027年度博士后招聘启事) lists its own group leaders as the supervisors
_NOTICE_TITLE = re.compile(r"招聘|招生|招收|遴选")
_NOTICE_PERSON = re.compile(r"(?:合作|指导|博士后|研究生)?导师(?:为|是)?[：:]?\s*$|(?:课题组长|团队负责人|PI)[：:]\s*$")


def _notice_publisher(text: str, institutions: list[Span]) -> Span | None:
    """The unit a recruitment notice is from: the last one its title names (the deepest of a chain), if the title is
    a notice's."""
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    if not _NOTICE_TITLE.search(text, 0, title_end):
        return None
    named = [i for i in institutions if i.end <= title_end and not i.absorbed]
    return max(named, key=lambda i: (i.end, i.end - i.start)) if named else None


def _own_unit(institutions: list[Span], word: str) -> list[Span]:
    """The first institution the item names whose name ends as 院, 校 or 所 says (a Chinese name)."""
    named = [i for i in institutions if not i.absorbed and _CJK_CHAR.search(i.name) and i.name.endswith(_OWN[word])]
    return [min(named, key=lambda i: i.start)] if named else []


def _possessor(text: str, pos: int, institutions: list[Span]) -> list[Span]:
    """ "Northwestern's Ravi Menon", "the University of Toronto's Claire Dubois": the institution owning the name,
    written in full right before it or by the first word of a name the item gives in full."""
    owner = _OWNER_BEFORE.search(text, max(0, pos - 40), pos)
    if owner is None:
        return []
    written = [s for s in institutions if s.end == owner.end("word") and not s.absorbed]
    if written:
        return written[:1]
    named = {s.name: s for s in institutions if _latin(s) and s.name.split()[0] == owner.group("word")}
    return list(named.values()) if len(named) == 1 else []


def _home_staff(ctx: Context, out: dict[tuple[str, str, str], Relation], people: list[Span], home: Cluster) -> None:
    """Researchers without an affiliation whom the release names by their job (not outside commentators)."""
    text = ctx.item.text
    placed = {r.subject for r in out.values() if r.predicate == "affiliatedWith"}
    for span in people:
        person = ctx.cluster_of(span)
        if person is None or person.id in placed:
            continue
        job_after = _EN_JOB_AFTER.match(text, span.end)
        if (job_after and not _NOT_INVOLVED.match(text, job_after.end())) or _EN_JOB_BEFORE.search(
            text, max(0, span.start - 40), span.start
        ):
            placed.add(person.id)
            affiliate(ctx, out, person, home, span)
