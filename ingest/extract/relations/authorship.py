"""authorOf and publishedIn: author-role clauses (通讯作者, first author) to the item's paper; a paper and its
journal."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.extract.en import HEAD_WORD
from ingest.extract.lexicon import CJK
from ingest.extract.publications import SUBMITTED_TO, reference_parts, references
from ingest.extract.relations.context import CLAUSE, Context, add, main_of, researchers_of
from ingest.extract.spans import Span
from kg.model import Relation

if TYPE_CHECKING:
    from ingest.resolve import Cluster


_ROLES = (
    (re.compile(r"通讯作者|corresponding author", re.I), "corresponding"),
    (re.compile(r"第一作者|first author|lead author", re.I), "first"),
    (re.compile(r"唯一作者|独立作者|sole author", re.I), "sole"),
    # the ontology knows four roles: a senior or last author is an author of the paper, so a co-author
    (
        re.compile(
            r"共同作者|合作者|论文(?:的)?作者|作者之一"
            # ("Other U-M authors are …": the institution's other authors)
            r"|co-author|senior author|last author|study author|(?:other|additional)\s+(?:[\w-]+\s+){0,2}authors?"
            # "Dr A and Dr B of KIST also contributed to the study": authors whose part the text does not name
            r"|contributed\s+to\s+the\s+(?:study|paper|work|research|findings)",
            re.I,
        ),
        "co-author",
    ),
)

# a release's notes list the roles as fields: "Corresponding authors: A and B."
_ROLE_FIELD = re.compile(r"s?[^\S\n]*:[^\S\n]*")
_LIST_FOLLOWS = re.compile(r"s?\s+(?:include|are|were)\b|ed\s+by\b")
# (the full stop of "Dr." or of an initial ends no list)
_LIST_END = re.compile(r"(?<!\bDr)(?<!\bProf)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<![A-Z])[.!?](?=\s|$)|\n")
_ANY_ROLE = re.compile(r"作者|author|contributed\s+to", re.I)
# (or a relative clause: "Dr A, who carried out the work as a postdoc at B before moving to C, was first author")
# (or an apposition: "Dr. A, a postdoctoral fellow in Prof. B's group, is the first author")
_ASIDE = re.compile(
    r"\s*(?:(?:both|all|each|together)\b[^,;]{0,40}|(?:who|whose)\b[^;]{0,120}|(?:an?|the)\s[^;]{0,80})"
)


# 两人为共同通讯作者, 二人均为第一作者: a role given to "the two" of the sentence
_THE_PAIR = re.compile(r"\s*(?:两人|二人)(?:均|都|同|共同)?(?:为|是|系|担任)")


def _the_pair(people: list[tuple[Span, Cluster]], start: int, end: int) -> list[tuple[Span, Cluster]]:
    """The names written in ``[start, end)`` when they are two people, else none."""
    named = [(s, c) for s, c in people if start <= s.start < end]
    return named if len({c.id for _, c in named}) == 2 else []


def author_of(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """Researchers named in an author-role clause, to the paper of that sentence or the item's paper; a role in
    brackets right after a name (冉明轩（第一作者）) is that person's alone."""
    text = ctx.item.text
    # "both in Ferraro's lab": the owner of a lab is no subject of a role
    people = [(s, c) for c in researchers_of(ctx) for s in c.spans if text[s.end : s.end + 2] not in ("'s", "’s")]
    bracketed = _bracketed_roles(ctx, out, people)
    for start, end in ctx.sentences.all():
        # (the bracketed roles blanked out, offsets kept: they were given to their names above)
        sentence = _without(text[start:end], start, bracketed)
        if not _ANY_ROLE.search(sentence):
            continue
        clauses = []
        pos = start
        for part in CLAUSE.split(sentence):
            clauses.append((pos, pos + len(part), part))
            pos += len(part) + 1
        for i, (cs, ce, part) in enumerate(clauses):
            found = next(((m, r) for pattern, r in _ROLES if (m := pattern.search(part))), None)
            if found is None:
                continue
            keyword, role = found
            paper = main_of(ctx, "Publication", cs)
            named = [(s, c) for s, c in people if cs <= s.start < ce]
            if keyword.group().startswith("contributed"):
                # every name of the clause before it: "Dr A and Dr B of X also contributed to the study"
                named = [(s, c) for s, c in named if s.end <= cs + keyword.start()]
            elif keyword.group().isascii() and (field := _ROLE_FIELD.match(text, cs + keyword.end())) is not None:
                # "First author: Dr. A (X).", "Corresponding authors: A and B.": the names of the field
                stop = _LIST_END.search(text, field.end())
                named = [(s, c) for s, c in people if field.end() <= s.start < (stop.start() if stop else end)]
            elif keyword.group().isascii():
                if _LIST_FOLLOWS.match(text, cs + keyword.end()):
                    # "co-authors include A, her supervisor; B from X; and C": the list runs past semicolons
                    stop = _LIST_END.search(text, cs + keyword.end())
                    list_end = stop.start() if stop else len(text)
                    named = [(s, c) for s, c in people if cs + keyword.end() <= s.start < list_end]
                named = _english_role_names(text, named, cs + keyword.start(), cs + keyword.end())
            elif not named and not part[keyword.end() :].strip() and i + 1 < len(clauses):
                # 通讯作者：许明哲教授 — the names follow the colon
                ns, ne, _ = clauses[i + 1]
                named = [(s, c) for s, c in people if ns <= s.start < ne]
            elif not named and "人" in part[: keyword.start()] and _THE_PAIR.match(part):
                # A与B合作……，两人为共同通讯作者: the two named before in the sentence
                named = _the_pair(people, start, cs)
            # names listed in the clauses before (李慧莹，博士研究生邱昱皓，硕士研究生宋博闻为共同第一作者); not when an
            # English role names its person after it ("…, with first author and MSc student A")
            named_after = keyword.group().isascii() and any(s.start >= cs + keyword.end() for s, _ in named)
            for ps, pe, previous in reversed(clauses[:i] if not named_after else []):
                before = [(s, c) for s, c in people if ps <= s.start < pe]
                if not before and _ASIDE.fullmatch(previous):
                    continue  # "A and B, both in Ferraro's lab, are co-first authors": an aside between
                if not before or _ANY_ROLE.search(previous) or re.search(r"为|是", previous):
                    break
                named = before + named
            if paper is None:
                for s, c in named:
                    ctx.untitled_authors.setdefault(c.id, s)
                continue
            for s, c in named:
                add(
                    out,
                    Relation(
                        subject=c.id,
                        predicate="authorOf",
                        object=paper.id,
                        role=role,
                        evidence=ctx.evidence(s.start, s.end),
                    ),
                )


# 郑义、罗键老师在《…》上发表了题为“…”的论文, A、B和C共同完成的研究成果在《…》发表: the subjects of the
# publishing verb wrote the paper
_PUBLISHED = re.compile(
    # (闫某、郇某与冼某合作，在…发表: the comma after 合作 ends no subject)
    r"(?:老师|教授|研究员|副教授|副研究员|讲师|博士)?(?:等人|等)?(?:共同|合作[，,]?)?(?:完成|开展)?的?(?:研究成果|成果|论文|研究)?"
    r"(?:在|于)[^。；;，,]{0,80}?(?:上)?(?:发表|刊发|刊登)"
)
# between two names of the list: a bracket (a role), a conjunction, the next one's unit and title
_LISTED = re.compile(r"\s*(?:[（(][^（）()]{1,12}[）)])?\s*(?:、|和|与|及)[^，,。；;、（(]{0,24}")


# "In the first, titled "…", Professor A and graduate student B show that …": the subjects of the report, in English
_EN_REPORTED = re.compile(
    r"\s+(?:(?:have|has)\s+)?(?:show|shows|showed|shown|report|reports|reported|describe|describes|described|"
    r"demonstrate|demonstrates|demonstrated|present|presents|presented|found|find)\b"
)
_EN_LISTED = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:her|his|their)\s+)?(?:[a-z-]+\s+){0,3}(?:(?:Dr\.?|Professor|Prof\.)\s+)?"
)


_AUTHOR_MARKS = re.compile(r"[*#＊†]")
_AUTHOR_SPLIT = re.compile(r"[,，、&]|\band\b")
_CJK_NAME = re.compile(rf"[{CJK}]{{2,4}}")


def reference_authors(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """The authors a citation-style reference lists ("A Mehta, M Kern, L Hoffmann: <title>. Journal …", "Akinola O,
    Kulkarni S, et al. <title>. …"), each to the paper of that reference, when the item names them elsewhere: by full
    name, or by surname with initials."""
    text = ctx.item.text
    papers = ctx.of("Publication")
    for m in references(text):
        (a, b), (title, _), _ = reference_parts(m)
        paper = next((p for p in papers if any(s.start == title for s in p.spans)), None)
        if paper is None:
            continue
        # (the marks of a corresponding or a co-first author, A* and B#, are no part of the name)
        listed = [part.split() for part in _AUTHOR_SPLIT.split(_AUTHOR_MARKS.sub("", text[a:b])) if part.strip()]
        for c in researchers_of(ctx):
            words = c.name.split()
            if _CJK_NAME.fullmatch(c.name):
                # a Chinese name as listed (GB/T 7714: 张三, 李四*)
                found = [c.name] in listed
            else:
                # a full name as listed, or its surname opening a listed "Ruizo A" (names in Latin letters only)
                latin = any("a" <= ch.lower() <= "z" for ch in c.name)
                found = latin and any(part == words or part[0] == words[-1] for part in listed)
            if found:
                evidence = ctx.evidence(a, b)
                add(
                    out,
                    Relation(subject=c.id, predicate="authorOf", object=paper.id, role="co-author", evidence=evidence),
                )


# a defence notice: the candidate defends the thesis, whose title stands on a line of its own or after "entitled"
_DEFENDS = re.compile(
    r"[^\S\n]*(?:,[^\n]{0,40}?,)?[^\S\n]+(?:will[^\S\n]+|is[^\S\n]+to[^\S\n]+)?defend(?:s|ed)?[^\S\n]+"
    r"(?:his|her|their|the)[^\S\n]+(?:(?:doctoral|PhD|Ph\.D\.)[^\S\n]+)?(?:thesis|dissertation)\b"
)
_THESIS_TITLE = re.compile(
    r"(?:^|\n)[^\S\n]*(?:(?:doctoral|PhD|Ph\.D\.)[^\S\n]+)?(?:thesis|dissertation)(?:[^\S\n]+title)?[^\S\n]*:[^\S\n]*[“\"]?$"
    r"|\b(?:thesis|dissertation)[^\S\n]+(?:entitled|titled)[^\S\n]*[“\"]?$"
    # (a Chinese defence notice: 论文题目：…)
    r"|(?:^|\n)[^\S\n]*(?:学位)?论文(?:题目|名称)[^\S\n]*[:：][^\S\n]*[“\"]?$",
    re.I,
)
# the candidate's field of a Chinese defence notice (答辩人：X, letter-spaced or not)
_CANDIDATE_FIELD_ZH = re.compile(r"(?:答[^\S\n]*辩[^\S\n]*人|学位申请人)[^\S\n]*[:：][^\S\n]*$")


def thesis_author(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """The candidate of a defence notice ("Ana Ruiz, M.Sc., will defend her thesis", 答辩人：X) is the author of the
    thesis the notice titles ("Thesis title: <title>", 论文题目：…)."""
    text = ctx.item.text
    theses = [
        p for p in ctx.of("Publication") if _THESIS_TITLE.search(text, max(0, p.spans[0].start - 60), p.spans[0].start)
    ]
    if not theses:
        return
    for c in researchers_of(ctx):
        for s in c.spans:
            if _DEFENDS.match(text, s.end) or _CANDIDATE_FIELD_ZH.search(text, max(0, s.start - 12), s.start):
                for thesis in theses:
                    evidence = ctx.evidence(s.start, s.end)
                    add(
                        out,
                        Relation(subject=c.id, predicate="authorOf", object=thesis.id, role="sole", evidence=evidence),
                    )


def published_by(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """The subjects of 发表 (and those listed with them) to the titled paper of that sentence, or to the item's only
    paper; in English, the subjects of a reporting verb ("A and B show that …") to the paper their sentence names by
    its title. The role is not stated (a role given elsewhere stays: ``add`` keeps the first)."""
    text = ctx.item.text
    people = sorted(((s, c) for c in researchers_of(ctx) for s in c.spans), key=lambda pair: pair[0].start)
    papers = ctx.of("Publication")
    if not papers:
        return
    for k, (span, _) in enumerate(people):
        start, end = ctx.sentences.bounds(span.start)
        in_sentence = [p for p in papers if any(start <= s.start < end for s in p.spans)]
        if published := _PUBLISHED.match(text, span.end):
            gap = _LISTED
            # the paper titled after the verb, or before the person; else the item's only one
            here = [p for p in in_sentence if any(not span.start <= s.start < published.end() for s in p.spans)]
            paper = here[0] if here else papers[0] if len(papers) == 1 else None
        elif _EN_REPORTED.match(text, span.end):
            gap = _EN_LISTED
            paper = in_sentence[0] if in_sentence else None
        else:
            continue
        if paper is None:
            continue
        authors = [people[k]]
        for j in range(k - 1, -1, -1):  # 郑义、罗键; "Professor A and graduate student B": the names listed before it
            if people[j][0].start < start or not gap.fullmatch(text, people[j][0].end, authors[-1][0].start):
                break
            authors.append(people[j])
        for s, c in authors:
            add(
                out,
                Relation(subject=c.id, predicate="authorOf", object=paper.id, evidence=ctx.evidence(s.start, s.end)),
            )


_BRACKETED_ROLE = re.compile(r"\s*[（(]\s*(?:共同)?(通讯作者|第一作者|first author|corresponding author)\s*[）)]", re.I)


def _bracketed_roles(
    ctx: Context, out: dict[tuple[str, str, str], Relation], people: list[tuple[Span, Cluster]]
) -> list[tuple[int, int]]:
    """冉明轩（第一作者）、Helen Mortimer（通讯作者）: each role to the name it follows, for the paper of its sentence
    or the item's paper; returns where those brackets stand (the clause-wide rule leaves them out)."""
    text = ctx.item.text
    spans = []
    for s, c in people:
        m = _BRACKETED_ROLE.match(text, s.end)
        if m is None:
            continue
        spans.append((m.start(), m.end()))
        paper = main_of(ctx, "Publication", s.start)
        role = next(r for pattern, r in _ROLES if pattern.search(m.group(1)))
        if paper is None:
            ctx.untitled_authors.setdefault(c.id, s)
            continue
        evidence = ctx.evidence(s.start, s.end)
        add(out, Relation(subject=c.id, predicate="authorOf", object=paper.id, role=role, evidence=evidence))
    return spans


def _without(sentence: str, start: int, spans: list[tuple[int, int]]) -> str:
    """``sentence`` (which starts at ``start``) with the given spans blanked out."""
    for a, b in spans:
        if start <= a < start + len(sentence):
            sentence = sentence[: a - start] + " " * (b - a) + sentence[b - start :]
    return sentence


# ("Her 2025 paper in …": its year may stand before the word)
_POSSESSIVE_PAPER = re.compile(r"\s*(?:Her|His)\s+(?:(?:[a-z-]+|(?:19|20)\d{2})\s+){0,2}(?:paper|study|article)\b")


# "A (X) presented her group's Nature Food paper "<title>"": the subject's own paper, in the sentence
_PRESENTS_OWN_PAPER = re.compile(
    r"\b(?:presented|presents)[^\S\n]+(?:her|his|their)[^\S\n]+"
    r"(?:(?:group|team|lab)['’]s[^\S\n]+)?(?:[\w-]+[^\S\n]+){0,4}(?:paper|study|article)\b"
)


def possessive_author(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """A sentence opening "Her recent paper …" or "His study …": the researcher named last before it wrote the paper
    that sentence names; so did one who "presented her group's paper" in the sentence."""
    text = ctx.item.text
    people = sorted(((s, c) for c in researchers_of(ctx) for s in c.spans), key=lambda pair: pair[0].start)
    for start, end in ctx.sentences.all():
        own = None if "present" not in text[start:end] else _PRESENTS_OWN_PAPER.search(text, start, end)
        if own is None and not _POSSESSIVE_PAPER.match(text, start):
            continue
        paper = next((c for c in ctx.of("Publication") if any(start <= s.start < end for s in c.spans)), None)
        before = [(s, c) for s, c in people if (start <= s.start and s.end <= own.start() if own else s.end <= start)]
        if paper is None or not before:
            continue
        span, person = before[-1]
        add(out, Relation(subject=person.id, predicate="authorOf", object=paper.id, evidence=ctx.evidence(start, end)))


# "written with her former adviser Dr. A", "led by doctoral student B": in a sentence that names a paper, the person
# the paper was written with or whose work it was is one of its authors
_CO_WRITER_BEFORE = re.compile(
    r"\b(?:(?:(?:co-)?written|co-authored|authored)[^\S\n]+(?:together[^\S\n]+)?with|led[^\S\n]+by)[^\S\n]+"
    r"(?:(?:his|her|their|the)[^\S\n]+)?(?:[a-z-]+[^\S\n]+){0,4}(?:(?:Dr|Prof|Professor)\.?[^\S\n]+)?$"
)


# "The paper, "<title>", was written by A and B, C and D, together with E": everyone named after it in the sentence
_WRITTEN_BY = re.compile(r"\b(?:was|were|is|are)\s+(?:co-)?(?:written|authored)\s+by\b")
# "A and B were among the finalists with their paper "<title>"": the sentence's people before it
_WITH_THEIR_PAPER = re.compile(r"\bwith\s+(?:their|his|her)\s+(?:new\s+|joint\s+)?(?:paper|article|study)\b")


# "A and B won a Best Talk Award at X for "<title>"": those who won a prize for a paper wrote it
_PRIZED_FOR = re.compile(
    r"\b(?:won|wins|received|receives|earned|earns)\b[^.;\n“\"]{0,120}?\bfor[^\S\n]+(?:their[^\S\n]+paper,?[^\S\n]+)?[“\"]"
)


def co_writer_author(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """The person a paper was "written with" or "led by", in the sentence that names the paper, is its author; so are
    all those it "was written by", those who presented "their paper" and those who won a prize for it."""
    text = ctx.item.text
    papers = ctx.of("Publication")
    for c in researchers_of(ctx):
        for s in c.spans:
            start, end = ctx.sentences.bounds(s.start)
            by = _WRITTEN_BY.search(text, start, s.start)
            theirs = _WITH_THEIR_PAPER.search(text, s.end, end)
            prized = _PRIZED_FOR.search(text, s.end, end) if "for" in text[s.end : end] else None
            # (the paper a prize was for: its title opens right after the quote)
            paper = (
                next((p for p in papers if any(ps.start == prized.end() for ps in p.spans)), None) if prized else None
            )
            if paper is None:
                if not (by or theirs or _CO_WRITER_BEFORE.search(text, max(start, s.start - 80), s.start)):
                    continue
                paper = next((p for p in papers if any(start <= ps.start < end for ps in p.spans)), None)
            if paper is not None:
                add(
                    out,
                    Relation(
                        subject=c.id, predicate="authorOf", object=paper.id, evidence=ctx.evidence(s.start, s.end)
                    ),
                )


def _english_role_names(
    text: str, named: list[tuple[Span, Cluster]], key_start: int, key_end: int
) -> list[tuple[Span, Cluster]]:
    """In English the role names one person: the name right after it ("corresponding author Dr. A"), else the
    nearest name before it ("A, a postdoc, is the first author") together with the names joined to it right before
    the role ("A and B co-authored", "A, B and C are co-authors")."""
    # "Co-authors include A of X and B of Y", "co-authored with A and B": all of them
    if re.match(r"s?\s+(?:include|are|were)\b|s\b|ed\s+(?:with|by)\b", text[key_end : key_end + 12]):
        listed = [(s, c) for s, c in named if s.start >= key_end]
        if listed:
            return listed
    after = [(s, c) for s, c in named if 0 <= s.start - key_end <= 30]
    if after:
        return [min(after, key=lambda pair: pair[0].start)]
    before = sorted(((s, c) for s, c in named if s.end <= key_start), key=lambda pair: pair[0].end)
    if not before:
        return []
    chosen = [before[-1]]
    if _EN_ROLE_JOIN.fullmatch(text[before[-1][0].end : key_start]):
        for span, cluster in reversed(before[:-1]):
            if not _EN_NAME_JOIN.fullmatch(text[span.end : chosen[-1][0].start]):
                break
            chosen.append((span, cluster))
    return chosen


# between two names of one role: "A and B", "A, B and C", "A and Stanford chemist B"
_EN_NAME_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:[A-Z][\w.'’-]*\s+)?(?:[a-z-]+\s+){0,4}")

# (co-corresponding; "A and B of IGDB are the co-corresponding authors": their unit may stand between)
_EN_ROLE_JOIN = re.compile(
    r"(?:\s+(?:of|at|from)\s+[^,;.]{1,60}?)?\s*(?:(?:are|were|is|was)\s+(?:the\s+)?)?(?:co-|joint\s+)?"
)


def published_in(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """Each paper to the journal of its reference or its sentence, or to the item's only journal; a manuscript
    submitted to a journal is not in it."""
    text = ctx.item.text
    journals = ctx.of("Journal")
    submitted = [
        j for j in journals if any(SUBMITTED_TO.search(text, max(0, js.start - 40), js.start) for js in j.spans)
    ]
    journals = [j for j in journals if j not in submitted]
    # (a reference's full stops split it into sentences: 'A, B. "<title>". Journal (2024).')
    cited = {t: jn for t, jn in ((reference_parts(m)[1][0], reference_parts(m)[2]) for m in references(text))}
    for paper in ctx.of("Publication"):
        s = paper.spans[0]
        journal = None
        sentence = ctx.sentences.index(s.start)
        for j in journals:
            if any(ctx.sentences.index(js.start) == sentence for js in j.spans):
                journal = j
                break
        if s.start in cited:
            a, b = cited[s.start]
            journal = next((j for j in ctx.of("Journal") if any(a <= js.start < b for js in j.spans)), None)
            if journal in submitted:
                continue
        if journal is None and len(journals) == 1 and not submitted:
            journal = journals[0]
        if journal is not None:
            add(
                out,
                Relation(
                    subject=paper.id, predicate="publishedIn", object=journal.id, evidence=ctx.evidence(s.start, s.end)
                ),
            )


# "who was not involved in the study", "an independent comment", 未参与该研究: a commentator, not one of the team
_OUTSIDER = re.compile(
    r"not\s+(?:been\s+)?(?:involved|part\s+of|associated\s+with|an?\s+(?:co-)?author)|independent|unaffiliated|"
    r"未参与|没有参与|未参加|并未参与|独立评论|点评|评价",
    re.I,
)


# "Piotr Zaleski, who studies pesticide risks at …, points out …": how a news story brings in an outside voice
_WHO_STUDIES = re.compile(r",\s+who\s+(?:studies|researches)\b")


# a meeting's speaker on a topic of their own (党某教授报告了…, 某研究员介绍了…): at a meeting the item reports, no
# author of the one paper it names
_MEETING = re.compile(r"研讨会|学术会议|论坛|年会|大会|报告会|学术交流会")
# a title reporting an event held (启动会在青岛召开, 研讨会举行, workshop held): the item is the event's report
_EVENT_TITLE = re.compile(
    r"(?:会|会议|论坛|仪式|典礼)(?:在[^，,。]{1,12})?(?:召开|举行|举办|开幕|闭幕|圆满结束|顺利召开)"
    # (the verb first: 学校召开学术委员会全体会议, 学院举办青年学者论坛)
    r"|(?:召开|举行|举办)[^，,。\n]{0,24}?(?:会议|大会|全体会|论坛|研讨会|座谈会)$"
    r"|\b(?:meeting|workshop|symposium|conference|forum|kick-off)\b[^.]{0,40}\b(?:held|opens|convened|took place)\b"
    # ("Meeting report: …", "Workshop report": a report of the event)
    r"|\b(?:meeting|workshop|symposium|conference)\s+report\b",
    re.I,
)
# a title announcing a profile of a team or a person (【团队风采】, 走近某团队, Meet the lab; an interview is often
# about one paper, and is not meant)
# (a department's welcome to its new faculty profiles each of them in turn)
_PROFILE_TITLE = re.compile(
    # ("new Members elected to the Academy": an election's list, each member's citation its own)
    r"风采|走近|走进|群像|新进教师|\b(?:profile|meet\s+the|new\s+(?:faculty|colleagues|hires|staff|members))\b"
    r"(?!.*\belect)"
    # (a meeting's page of its speakers' bios: each names their own work, no team behind one paper)
    r"|\b(?:keynote|plenary|invited|featured|confirmed)\s+speakers?\b|^speakers$|特邀报告人|报告嘉宾|嘉宾介绍|主讲嘉宾",
    re.I,
)
_SPEAKS = re.compile(r"(?:教授|研究员|院士|博士)?(?:作了|报告了|分享了|介绍了|作题为|致辞|作总结发言)")


# a statement's signature line: "Dr. A, Director, X" signs for a body; it is no line of the team's
_SIGNATORY = re.compile(
    r",[^\S\n]*(?:Director(?:-General)?|President|Vice-President|Chief[^\S\n]+Executive(?:[^\S\n]+Officer)?|CEO"
    r"|(?:Pro-|Deputy[^\S\n]+)?Vice-Chancellor|Chancellor|Provost|Rector|Secretary-General)\b[^\n]*$",
    re.M,
)
# '"…," said Dr A, Director of Combustion at Vantor Engines': a company's officer quoted on the work, no author of it
_SAID = re.compile(r"\bsaid[^\S\n]+(?:(?:Dr\.?|Professor|Prof\.)[^\S\n]+)?$")
_COMPANY_POST = re.compile(
    r",[^\S\n]+(?:[A-Z][\w-]*[^\S\n]+){0,2}(?:Director|Chief|Head|President|Vice-President|Manager|Officer)\b"
    r"[^.;,\n]{0,60}?[^\S\n]at[^\S\n]+(?P<org>[A-Z][\w&-]*(?:[^\S\n]+[A-Z][\w&-]*){0,3})"
)
_LINE_OPENING = re.compile(r"[^\S\n]*(?:(?:Dr\.?|Professor|Prof\.)[^\S\n]+)?")


def _outsider(ctx: Context, span: Span, named: set[int]) -> bool:
    """Whether the researcher named at ``span`` comments from outside: their sentence says so, they are introduced as
    the one "who studies" a field, they speak at the meeting the title reports, or their paragraph opens with a
    sentence naming no one that says so ("Researchers not involved in the work were cautious." ``named``: the
    sentences that name a researcher)."""
    text = ctx.item.text
    a, b = ctx.sentences.bounds(span.start)
    if _OUTSIDER.search(text, a, b) or _WHO_STUDIES.match(text, span.end):
        return True
    if _SPEAKS.match(text, span.end) and _MEETING.search(ctx.item.title):
        return True
    if _SAID.search(text, max(0, span.start - 24), span.start) and (post := _COMPANY_POST.match(text, span.end)):
        return not HEAD_WORD.search(post.group("org"))
    paragraph = text.rfind("\n", 0, span.start) + 1
    if _SIGNATORY.match(text, span.end) and _LINE_OPENING.fullmatch(text, paragraph, span.start):
        return True
    sentences = ctx.sentences.all()
    for before in range(ctx.sentences.index(span.start) - 1, -1, -1):
        start, end = sentences[before]
        if end <= paragraph:
            return False
        if before not in named and _OUTSIDER.search(text, start, end):
            return True
    return False


def team_authors(
    ctx: Context, out: dict[tuple[str, str, str], Relation], prize_sentences: frozenset[int] | set[int] = frozenset()
) -> None:
    """In an item that reports one paper (its journal or one of its authors is known), the other researchers it
    names are its authors too, role unstated: a release names the team behind the paper it reports. Not those who
    comment from outside ("who was not involved"), nor those named only where a prize is given, nor (in Chinese)
    those named only in paragraphs that never speak of the paper's work."""
    papers = ctx.of("Publication")
    if len(papers) != 1 or _EVENT_TITLE.search(ctx.item.title) or _PROFILE_TITLE.search(ctx.item.title):
        # (a meeting's report names its participants, a profile the members of a team or a life's colleagues, not
        # a team behind the paper they mention)
        return
    paper = papers[0]
    known = {r.subject for r in out.values() if r.predicate == "authorOf" and r.object == paper.id}
    if not known and not any(r.predicate == "publishedIn" and r.subject == paper.id for r in out.values()):
        return

    prizes = set(prize_sentences)
    researchers = researchers_of(ctx)
    named = {ctx.sentences.index(s.start) for c in researchers for s in c.spans}
    topical = _paper_paragraphs(ctx, paper)
    for c in researchers:
        if c.id in known:
            continue
        if any(_outsider(ctx, s, named) for s in c.spans) or {ctx.sentences.index(s.start) for s in c.spans} <= prizes:
            continue
        if ctx.item.lang == "zh" and not any(a <= s.start < b for s in c.spans for a, b in topical):
            continue
        span = c.spans[0]
        add(
            out,
            Relation(subject=c.id, predicate="authorOf", object=paper.id, evidence=ctx.evidence(span.start, span.end)),
        )


# a paragraph about a paper's work: it names the paper or its journal, or speaks of authors, results or the study
_ABOUT_WORK = re.compile(
    r"作者|论文|成果|研究团队|课题组|(?:该|本|此|这一?|此项|这项)(?:研究|工作)|研究发现|参与|实验(?!室)"
)
# paragraphs stand apart by a blank line, or (in a text with none) by a line break
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; a hard-wrapped text's lines are one paragraph up to a blank line."""
    gap = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    bounds, pos = [], 0
    for m in gap.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    return [*bounds, (pos, len(text))]


def _paper_paragraphs(ctx: Context, paper: Cluster) -> list[tuple[int, int]]:
    """The paragraphs that speak of the paper's work: an item on selections, visits or exchanges names people whose
    paragraphs never touch the paper it mentions in passing."""
    text = ctx.item.text
    named = [s.start for c in [paper, *ctx.of("Journal")] for s in c.spans]
    return [(a, b) for a, b in _paragraphs(text) if _ABOUT_WORK.search(text, a, b) or any(a <= n < b for n in named)]
