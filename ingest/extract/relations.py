"""Relations between the resolved entities of one item, each with its evidence (span and sentence).

- affiliatedWith: a researcher and the institutions written right before the name (同济大学医学院、附属东方医院研究人员
  张明远), or in brackets after it (林晓梅教授（云岭大学）); names listed after one inherit them.
- authorOf: 通讯作者 / 第一作者 / corresponding / first author clauses, to the item's paper.
- publishedIn: a paper and the journal of its sentence (or the item's only journal).
- fundedBy: the item's paper and every funder of a funding statement.
- received: researchers in a sentence that says they got an award; every researcher of an item whose title (or whose
  parent article's title) is the award, with the year written there.
- partOf: a unit and the parent named inside it; a prize category and its prize (gazetteer).
- collaboratedWith: researchers co-listed on the same work; sharing a prize is not collaboration. Institutions only
  where a sentence says they (or their researchers' teams) work together (合作, 携手, in collaboration with ...): two
  institutions merely named in one item did not necessarily collaborate.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import ingest.resolve as resolution
from ingest.extract import tables
from ingest.extract.lexicon import RESEARCHER_BEFORE, RESEARCHER_EN_JOBS, alternation
from ingest.extract.spans import Sentences, Span
from kg.model import Evidence, NewsItem, Relation

if TYPE_CHECKING:
    from ingest.resolve import Cluster

# 院士 is left out: an academician of an academy is not affiliated with it (中国工程院院士、北岭大学教授X)
_ROLE_TERMS = tuple(w for w in RESEARCHER_BEFORE if "作者" not in w and w != "院士")
_ROLE = rf"(?:{alternation(_ROLE_TERMS + ('团队', '特聘研究员', '院长', '副院长', '所长', '副所长', '系主任'))})"
# a sentence that reports a piece of work (co-listed researchers in it collaborated on it)
_WORK = re.compile(
    r"研究(?![员生所院])|成果|论文|发表|发布|发现|研制|研发|提出|开发|完成|合作|揭示|实现|团队|课题|项目(?!\s*(?:资助|支持))|"
    r"research|study|paper|published|discover|develop|team|collaborat|\bwork(?:ed)?\b|\bled by\b|co-led|"
    r"together with|jointly|experiment|\breport",
    re.I,
)
# between an institution and a name: nothing, 的, a role word, or a short phrase ending in one (联合培养的首届硕士生)
# (院长、教授: a post and a title, listed)
_ROLE_WORDS = re.compile(rf"^(?:\s|的|{_ROLE})*(?:、(?:\s|{_ROLE})+)*$|^[^，。；、,;（(]{{0,12}}{_ROLE}\s*$")
_EN_JOB_WORDS = alternation(RESEARCHER_EN_JOBS)
# an institution, then the job (and field) of the person named right after it
_EN_JOB_GAP = re.compile(
    rf"\s+(?:[a-z-]+\s+){{0,4}}(?:{_EN_JOB_WORDS})"
    r"(?:\s+(?:of|in)\s+(?:[a-z-]+\s+){0,2}[a-z-]+)?\s+"
)
# what leads from a name to its institution: "A of X", "A, a professor at X", "A, a postdoctoral fellow in X's School
# of Y", "A, now a senior scientist at X", "A, professor of plant biology at X", "A, head of the Department of Y"
_EN_AFFILIATION_AFTER = re.compile(
    r"\s*,?\s*(?:now\s+|currently\s+)?(?:(?:an?\s+(?:[\w-]+\s+){1,3}(?:of\s+(?:[a-z-]+\s+){1,4})?)?(?:of|at|from)"
    rf"|(?:an?\s+)?(?:[\w-]+\s+){{0,2}}(?:{_EN_JOB_WORDS}|fellow|lecturer|student|director|dean|chair|member)"
    r"\s+in"
    rf"|(?:an?\s+)?(?:[\w-]+\s+){{0,2}}(?:{_EN_JOB_WORDS}|fellow|lecturer)"
    r"(?:\s+of\s+(?:[a-z-]+\s+){0,3}[a-z-]+)?\s+(?:at|of|from)"
    r"|(?:the\s+)?(?:head|director|dean|chair)\s+of)\s+(?:the\s+)?"
)
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
# "has awarded £3.2 million to Dr", "granted a fellowship to Professor": the money goes to the name that follows
_GRANTED_TO = re.compile(
    r"\b(?:awarded|granted|given|provided)\b(?:[^.;\n]|\.(?=\d)){0,60}?\bto\s+(?:(?:Dr\.?|Professor|Prof\.)\s+)?$"
)
# "received the Gold Medal of the Society in 1999": the year the English sentence gives that prize
_IN_YEAR_AFTER = re.compile(r"[^.;,\n]{0,60}?\bin\s+((?:19|20)\d{2})\b")
_PRONOUN = re.compile(r"\s*(?:He|She|他|她)(?![A-Za-z])")
_NOW_AT = re.compile(r"[^。；;]{0,24}?(?:现任|现为|现就职于|任职于|就职于|供职于)(?:我校|本校|该校)?")
_ZERO_SUBJECT = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年(?:度)?\s*[，,]?|此外\s*[，,]?)?\s*(?:曾|先后|还|并|又)?\s*(?:获|荣获|获得|入选|当选)"
)
_CREDITED = re.compile(
    r"(?:主要)?(?:完成人|获奖人|获奖者|负责人)\s*[：:](?P<people>[^；;）)\n]{2,80}?)\s*[；;，,]\s*"
    r"(?:主要)?(?:完成单位|获奖单位|所在单位|单位)\s*[：:](?P<units>[^；;）)\n]{2,80})"
)
_WON_GRANT = re.compile(r"(?:获得|获)(?:\s*(?:19|20)\d{2}\s*年度?)?$")
# "鄢博文、邰子墨获得资助" under a title that names the fund: the grant of the title
_WON_TITLED_GRANT = re.compile(r"(?:获得|获)(?:了)?(?:该项目|该基金|项目)?资助")
_GRANT_AFTER = re.compile(r"[^。；，,]{0,12}?(?:资助|支持)")
_BUILT_BEFORE = re.compile(
    r"(?:共建|共同建设|联合建设|合作建设|共同成立|联合成立|成立|组建|设立|揭牌)(?:的|了)?[“\"]?$"
)
_PRIZE_COLON = re.compile(r"(?:[一二三四五六七八九十]等奖|特等奖|金奖|银奖|铜奖)?\s*[:：]")
_LIST_MARK = re.compile(r"\s*(?:[●•▪■◆◼▶\-*–]\s*|\d{1,2}[.、)]\s*)?")
_LATIN_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_LED_BY = re.compile(r"\b(?:led|co-led|headed)\s+by\s+(?:(?:Professor|Prof\.|Dr\.?)\s+)?$")
# "Professor A, School of Life Sciences" (a list of names with their units), "Professor A in the Department of X"
_EN_UNIT_AFTER = re.compile(r"\s*,\s*(?:the\s+)?|\s+in\s+the\s+")
# "X, an assistant professor of mathematics", "X, assistant professor in …": a job written right after a name
# (a named chair is capitalised: "the Henry Lowell Professor of Neuroscience")
_EN_JOB_AFTER = re.compile(rf",\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,4}}(?i:{_EN_JOB_WORDS}|lecturer|fellow)\b")
_EN_JOB_BEFORE = re.compile(r"(?:[Pp]rofessor|Prof\.|[Pp]ostdoc(?:toral)?\s+(?:researcher|fellow)|student)\s+$")
# the outside expert a release quotes: "…, an ecologist who was not involved in the study"
_NOT_INVOLVED = re.compile(r"[^.;]{0,60}\b(?:not|wasn['’]t|isn['’]t)\s+(?:involved|part\s+of|affiliated)")
# "Dr A and materials scientist Professor B of X": the second name's job words may stand between
_EN_PAIR_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:(?!(?:the|of|at|from|with|his|her|their|team)\b)[a-z][a-z-]+\s+){0,3}"
    r"(?:(?:Dr\.?|Professor|Prof\.)\s+)?"
)
# a unit still being set up: 生命科学学院（筹）
_PREPARATORY = re.compile(r"^\s*[（(]筹(?:建|备)?(?:中)?[)）]")
_LIST_GAP = re.compile(r"^\s*(?:、|和|与|及|以及|,|，|/)\s*$")
_AWARD_VERB = re.compile(
    r"获得|荣获|获|分享|授予|摘得|颁给|颁发给|\bw[io]ns?\b|awarded|receive[sd]?\b|\bshared?\b|recipients?|laureates?|\bholds\b|"
    r"honou?red|\b(?:goes|go|went) to\b|presented to|given to"
)
_ROLES = (
    (re.compile(r"通讯作者|corresponding author", re.I), "corresponding"),
    (re.compile(r"第一作者|first author|lead author", re.I), "first"),
    (re.compile(r"唯一作者|独立作者|sole author", re.I), "sole"),
    # the ontology knows four roles: a senior or last author is an author of the paper, so a co-author
    (re.compile(r"共同作者|合作者|co-author|senior author|last author|study author", re.I), "co-author"),
)
_ANY_ROLE = re.compile(r"作者|author", re.I)
_CLAUSE = re.compile(r"[，,：:]")
# a sentence that says two parties work together
_COOPERATION = re.compile(
    r"合作|携手|联合攻关|联合开展|联合研究|共同完成|共同研发|共同通讯|协作|共建|共同建设|联合建设|联合培养|"
    r"in collaboration with|collaborat\w*|jointly|joint (?:study|work|team)|partnered|partnership|"
    # "Researchers at A and B have mapped …": one team's work from two places
    r"\b(?:researchers|scientists|engineers|astronomers|a team|teams|[a-z]+ists)\s+(?:at|from)\b|"
    # "led by X of A, together with colleagues from B and C"
    r"\b(?:collaborators|colleagues)\s+(?:from|at)\b",
    re.I,
)
#: a sentence naming more units than this is a list (of sponsors, members ...), not a statement of cooperation
_MAX_PARTIES = 4
_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# in a sentence: 2019 年… or "In 2021, …" / "the 2023 Wolf Prize"
_YEAR_IN_SENTENCE = re.compile(r"((?:19|20)\d{2})\s*年|\b((?:19|20)\d{2})\b(?![-/.]\d|\s*[%％])")


@dataclass
class Context:
    """What the relation rules read: the item, its sentences, and the clusters with their spans."""

    item: NewsItem
    sentences: Sentences
    clusters: list[Cluster]
    #: researchers named with an author role when the item names no paper ("lead author A … senior author B"):
    #: the authors of the one piece of work it reports, kept with the span that named them
    untitled_authors: dict[str, Span] = field(default_factory=dict)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a fact at ``text[start:end]``: the item, its date, the span and its sentence."""
        return Evidence(
            item_id=self.item.id,
            item_date=self.item.date,
            start=start,
            end=end,
            sentence=self.sentences.sentence(start) or self.item.title,
        )

    def of(self, etype: str) -> list[Cluster]:
        """The entities of one type."""
        return [c for c in self.clusters if c.type == etype]

    def cluster_of(self, span: Span) -> Cluster | None:
        """The entity a span was resolved into."""
        return next((c for c in self.clusters if any(s is span for s in c.spans)), None)


def _add(out: dict[tuple[str, str, str], Relation], relation: Relation) -> None:
    a, b = relation.subject, relation.object
    if a == b:
        return
    k = (
        (min(a, b), relation.predicate, max(a, b))
        if relation.predicate == "collaboratedWith"
        else (a, relation.predicate, b)
    )
    if k not in out:
        out[k] = relation


def _researchers(ctx: Context) -> list[Cluster]:
    return [c for c in ctx.of("Researcher") if c.role == "researcher"]


def part_of(ctx: Context, out: dict[tuple[str, str, str], Relation], parents: dict[str, str]) -> None:
    """Units to the parent named inside them; prize categories to their prize (``parents`` from the gazetteer)."""
    by_key = {(c.type, resolution.key(n)): c for c in ctx.clusters for n in [*c.aliases, c.name]}
    for c in ctx.clusters:
        parent_name = c.parent or parents.get(c.name)
        parent = by_key.get((c.type, resolution.key(parent_name))) if parent_name else None
        if parent is not None and c.type in {"Institution", "Award"}:
            s = c.spans[0] if c.spans else None
            ev = ctx.evidence(s.start, s.end) if s else ctx.evidence(0, 0)
            _add(out, Relation(subject=c.id, predicate="partOf", object=parent.id, evidence=ev))


def _institutions_before(ctx: Context, pos: int, institutions: list[Span]) -> list[Span]:
    """The institutions written as a list that ends right before ``pos`` (role words allowed in between)."""
    text = ctx.item.text
    ending: dict[int, list[Span]] = {}
    for s in institutions:
        ending.setdefault(s.end, []).append(s)
    found: list[Span] = []
    anchor = None
    for end in sorted(ending, reverse=True):
        if end <= pos and _ROLE_WORDS.match(_PREPARATORY.sub("", text[end:pos], count=1)):
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
    people = sorted((s for c in _researchers(ctx) for s in c.spans if s.role == "researcher"), key=lambda s: s.start)
    previous: tuple[Span, list[Span]] | None = None
    for span in people:
        insts = _institutions_before(ctx, span.start, institutions)
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
        en_after = _EN_AFFILIATION_AFTER.match(text, span.end)
        if en_after:
            named_after = [s for s in institutions if s.start == en_after.end()]
            # "of MIT's Department of Chemistry": the department, which is part of MIT
            owned = [u for o in named_after for u in institutions if _POSSESSIVE_GAP.fullmatch(text[o.end : u.start])]
            insts += owned or named_after
        elif listed := _EN_UNIT_AFTER.match(text, span.end):
            insts += [s for s in institutions if s.start == listed.end() and s.name.isascii() and not s.absorbed]
        # "MIT professor of materials science Elena Vasquez", "Stanford chemist Raj Patel"
        insts += [s for s in institutions if s.end < span.start and _EN_JOB_GAP.fullmatch(text, s.end, span.start)]
        if not insts:
            insts = _referred(text, span.start, institutions) or _possessor(text, span.start, institutions)
        # 钮思齐，女，1988年生，现任我校环境科学与工程学院教授: the post the profile gives
        insts += [s for s in institutions if s.start > span.end and _NOW_AT.fullmatch(text, span.end, s.start)]
        if not insts and previous is not None and _LIST_GAP.match(text[previous[0].end : span.start].split("教授")[-1]):
            insts = previous[1]
        if not insts and previous is not None and re.fullmatch(r"[^。；]{0,12}", text[previous[0].end : span.start]):
            gap = text[previous[0].end : span.start]
            # a unit named in between starts a new list (…教授、生命科学学院（筹）B研究员)
            if re.search(r"[、和与及]", gap) and not any(previous[0].end <= s.start < span.start for s in institutions):
                insts = previous[1]
        person = ctx.cluster_of(span)
        for inst in insts:
            target = ctx.cluster_of(inst)
            if person and target:
                _affiliate(ctx, out, person, target, span)
        # "Dr A and Dr B from X": the affiliation after the last name of an English pair holds for both
        if (
            en_after
            and previous is not None
            and not previous[1]
            and _EN_PAIR_GAP.fullmatch(text, previous[0].end, span.start)
        ):
            before = ctx.cluster_of(previous[0])
            for inst in insts:
                target = ctx.cluster_of(inst)
                if before and target:
                    _affiliate(ctx, out, before, target, previous[0])
        # an affiliation in brackets belongs to that name alone, not to the names listed after it
        previous = (span, [] if bracketed else insts)
    home_cluster = ctx.cluster_of(home) if home is not None else None
    if home_cluster is not None:
        _home_staff(ctx, out, people, home_cluster)
    _credited_unit(ctx, out, people, institutions)


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
                _affiliate(ctx, out, person, target, span)


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
    at = pos - len(window) + ref.start()
    earlier = [s for s in institutions if s.end <= at and not s.absorbed and s.name.endswith(_REFERRED[ref.group(1)])]
    return [max(earlier, key=lambda s: s.end)] if earlier else []


def _possessor(text: str, pos: int, institutions: list[Span]) -> list[Span]:
    """ "Northwestern's Ravi Menon", "the University of Toronto's Claire Dubois": the institution owning the name,
    written in full right before it or by the first word of a name the item gives in full."""
    owner = _OWNER_BEFORE.search(text, max(0, pos - 40), pos)
    if owner is None:
        return []
    written = [s for s in institutions if s.end == owner.end("word") and not s.absorbed]
    if written:
        return written[:1]
    named = {s.name: s for s in institutions if s.name.isascii() and s.name.split()[0] == owner.group("word")}
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
            _affiliate(ctx, out, person, home, span)


def _affiliate(
    ctx: Context, out: dict[tuple[str, str, str], Relation], person: Cluster, institution: Cluster, at: Span
) -> None:
    evidence = ctx.evidence(at.start, at.end)
    _add(out, Relation(subject=person.id, predicate="affiliatedWith", object=institution.id, evidence=evidence))


def _main(ctx: Context, etype: str, near: int) -> Cluster | None:
    """The cluster of ``etype`` in the sentence of ``near``, else the first of the item."""
    clusters = ctx.of(etype)
    if not clusters:
        return None
    sentence = ctx.sentences.index(near)
    for c in clusters:
        if any(ctx.sentences.index(s.start) == sentence for s in c.spans):
            return c
    return clusters[0]


def author_of(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """Researchers named in an author-role clause, to the paper of that sentence or the item's paper."""
    text = ctx.item.text
    people = [(s, c) for c in _researchers(ctx) for s in c.spans]
    for start, end in ctx.sentences.all():
        sentence = text[start:end]
        if not _ANY_ROLE.search(sentence):
            continue
        clauses = []
        pos = start
        for part in _CLAUSE.split(sentence):
            clauses.append((pos, pos + len(part), part))
            pos += len(part) + 1
        for i, (cs, ce, part) in enumerate(clauses):
            found = next(((m, r) for pattern, r in _ROLES if (m := pattern.search(part))), None)
            if found is None:
                continue
            keyword, role = found
            paper = _main(ctx, "Publication", cs)
            named = [(s, c) for s, c in people if cs <= s.start < ce]
            if keyword.group().isascii():
                named = _english_role_names(text, named, cs + keyword.start(), cs + keyword.end())
            elif not named and not part[keyword.end() :].strip() and i + 1 < len(clauses):
                # 通讯作者：许明哲教授 — the names follow the colon
                ns, ne, _ = clauses[i + 1]
                named = [(s, c) for s, c in people if ns <= s.start < ne]
            # names listed in the clauses before (李慧莹，博士研究生邱昱皓，硕士研究生宋博闻为共同第一作者)
            for ps, pe, previous in reversed(clauses[:i]):
                before = [(s, c) for s, c in people if ps <= s.start < pe]
                if not before or _ANY_ROLE.search(previous) or re.search(r"为|是", previous):
                    break
                named = before + named
            if paper is None:
                for s, c in named:
                    ctx.untitled_authors.setdefault(c.id, s)
                continue
            for s, c in named:
                _add(
                    out,
                    Relation(
                        subject=c.id,
                        predicate="authorOf",
                        object=paper.id,
                        role=role,
                        evidence=ctx.evidence(s.start, s.end),
                    ),
                )


_POSSESSIVE_PAPER = re.compile(r"\s*(?:Her|His)\s+(?:[a-z-]+\s+){0,2}(?:paper|study|article)\b")


def possessive_author(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """A sentence opening "Her recent paper …" or "His study …": the researcher named last before it wrote the paper
    that sentence names."""
    text = ctx.item.text
    people = sorted(((s, c) for c in _researchers(ctx) for s in c.spans), key=lambda pair: pair[0].start)
    for start, end in ctx.sentences.all():
        if not _POSSESSIVE_PAPER.match(text, start):
            continue
        paper = next((c for c in ctx.of("Publication") if any(start <= s.start < end for s in c.spans)), None)
        before = [(s, c) for s, c in people if s.end <= start]
        if paper is None or not before:
            continue
        span, person = before[-1]
        _add(out, Relation(subject=person.id, predicate="authorOf", object=paper.id, evidence=ctx.evidence(start, end)))


def _english_role_names(
    text: str, named: list[tuple[Span, Cluster]], key_start: int, key_end: int
) -> list[tuple[Span, Cluster]]:
    """In English the role names one person: the name right after it ("corresponding author Dr. A"), else the
    nearest name before it ("A, a postdoc, is the first author") together with the names joined to it right before
    the role ("A and B co-authored", "A, B and C are co-authors")."""
    # "Co-authors include A of X and B of Y", "co-authored with A and B": all of them
    if re.match(r"s\b|ed\s+(?:with|by)\b", text[key_end : key_end + 9]):
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
_EN_ROLE_JOIN = re.compile(r"\s*(?:(?:are|were|is|was)\s+(?:the\s+)?)?(?:co-|joint\s+)?")  # co-corresponding


def published_in(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """Each paper to the journal of its sentence, or to the item's only journal."""
    journals = ctx.of("Journal")
    for paper in ctx.of("Publication"):
        s = paper.spans[0]
        journal = None
        sentence = ctx.sentences.index(s.start)
        for j in journals:
            if any(ctx.sentences.index(js.start) == sentence for js in j.spans):
                journal = j
                break
        if journal is None and len(journals) == 1:
            journal = journals[0]
        if journal is not None:
            _add(
                out,
                Relation(
                    subject=paper.id, predicate="publishedIn", object=journal.id, evidence=ctx.evidence(s.start, s.end)
                ),
            )


def funded_by(ctx: Context, out: dict[tuple[str, str, str], Relation], funders: list[tuple[Span, Cluster]]) -> None:
    """The item's paper to every funder of its funding statements; without a paper, the researcher a funder
    awarded a grant to ("The Wellcome Trust has awarded £3.2 million to Dr Abena Owusu")."""
    papers = ctx.of("Publication")
    if not papers:
        _grantees(ctx, out, funders)
        return
    for span, funder in funders:
        paper = _main(ctx, "Publication", span.start) or papers[0]
        _add(
            out,
            Relation(
                subject=paper.id, predicate="fundedBy", object=funder.id, evidence=ctx.evidence(span.start, span.end)
            ),
        )


def _grantees(ctx: Context, out: dict[tuple[str, str, str], Relation], funders: list[tuple[Span, Cluster]]) -> None:
    """The people a grant goes to: named after "awarded … to", or the clause's names before 获…资助 (A、B获国家优秀
    青年科学基金项目资助)."""
    text = ctx.item.text
    people = [(s, c) for c in _researchers(ctx) for s in c.spans]
    titled = [f for _, f in funders if f.name in ctx.item.title]
    if len({f.id for f in titled}) == 1:
        for m in _WON_TITLED_GRANT.finditer(text):
            start, _ = ctx.sentences.bounds(m.start())
            clause = max([start, *(c.end() for c in _CLAUSE.finditer(text, start, m.start()))])
            for s, person in people:
                if clause <= s.start < m.start():
                    _add(
                        out,
                        Relation(
                            subject=person.id,
                            predicate="fundedBy",
                            object=titled[0].id,
                            evidence=ctx.evidence(s.start, m.end()),
                        ),
                    )
    for span, funder in funders:
        start, end = ctx.sentences.bounds(span.start)
        won = _WON_GRANT.search(text, max(start, span.start - 12), span.start)
        clause = max([start, *(m.end() for m in _CLAUSE.finditer(text, start, won.start()))]) if won else end
        if won and not _GRANT_AFTER.match(text, span.end):
            won = None
        for s, person in people:
            english = span.end <= s.start < end and _GRANTED_TO.search(text, span.end, s.start)
            chinese = won is not None and clause <= s.start < won.start()
            if english or chinese:
                _add(
                    out,
                    Relation(
                        subject=person.id,
                        predicate="fundedBy",
                        object=funder.id,
                        evidence=ctx.evidence(span.start, span.end),
                    ),
                )


def table_rows(ctx: Context, out: dict[tuple[str, str, str], Relation], rows: list[tables.Row]) -> None:
    """The people of a table row work at the row's units and won the row's prize (the year of the item's title), a
    category of the prize the title announces."""
    researchers = _researchers(ctx)
    year = _titled_year(ctx)
    announced = _announced_award(ctx, resolution.key(ctx.item.title))
    for row in rows:
        people = [(c, s) for c in researchers for s in c.spans if row.start <= s.start < row.end]
        if not people:
            continue
        # the people listed on one row completed one project together
        for (a, at), (b, _) in itertools.combinations(people, 2):
            if a is not b:
                evidence = ctx.evidence(at.start, at.end)
                _add(out, Relation(subject=a.id, predicate="collaboratedWith", object=b.id, evidence=evidence))
        for cells, etype in ((row.of(tables.UNIT_COLUMNS), "Institution"), (row.of(tables.PRIZE_COLUMNS), "Award")):
            for cell in cells:
                for target in ctx.of(etype):
                    if not any(cell.start <= s.start < cell.end for s in target.spans):
                        continue
                    for person, span in people:
                        if etype == "Institution":
                            _affiliate(ctx, out, person, target, span)
                        else:
                            _received(ctx, out, person.id, target.id, year, span)
                    if etype == "Award" and announced is not None and announced is not target:
                        evidence = ctx.evidence(cell.start, cell.end)
                        _add(
                            out, Relation(subject=target.id, predicate="partOf", object=announced.id, evidence=evidence)
                        )
    _to_categories(out)


def _received(
    ctx: Context, out: dict[tuple[str, str, str], Relation], who: str, award: str, year: object, at: Span
) -> None:
    # a year read from span metadata may be a string of digits; the model coerces it the same way
    evidence = ctx.evidence(at.start, at.end)
    given = int(str(year)) if year is not None else None
    _add(out, Relation(subject=who, predicate="received", object=award, year=given, evidence=evidence))


def _year(*texts: str | None) -> int | None:
    """The first year of the first text that writes one: 2025年 in Chinese, a bare 2026 in a Latin title."""
    for t in texts:
        m = _YEAR.search(t or "") or (_LATIN_YEAR.search(t) if t and t.isascii() else None)
        if m:
            return int(m.group(1))
    return None


def _year_of_award(text: str, start: int, award_start: int, end: int, award_end: int | None = None) -> int | None:
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
    it to the separator after it. The whole sentence if no name comes before it in the sentence."""
    names_before = [x.start for c in researchers for x in c.spans if start <= x.start < at]
    if not names_before:
        return start, end
    nearest = max(names_before)
    left = max((m.end() for m in _CLAUSE_END.finditer(text, start, nearest)), default=start)
    right = _CLAUSE_END.search(text, at_end, end)
    return left, right.start() if right else end


_CLAUSE_END = re.compile(r"[，；;]")


_ANNOUNCED = re.compile(
    r"获奖|获|公布|揭晓|颁奖|授予|名单|荣膺|摘得|\bwins?\b|winners?|laureates?|awarded|honou?red|"
    r"\breceive[sd]?\b|\bnamed\b|recipients?|\bfellows\b",
    re.I,
)
# a prize the sentence says was won before ("previously received …", "曾获…"): not the one the title announces
_EARLIER = re.compile(r"previously|earlier|formerly|in the past|曾|此前|先后")


def _announced_award(ctx: Context, title_key: str) -> Cluster | None:
    """The award a title announces winners of (it names the award and says 获奖/公布/wins …), the longest named."""
    if not _ANNOUNCED.search(ctx.item.title):
        return None
    named = [
        a
        for a in ctx.of("Award")
        if any(resolution.key(n) and resolution.key(n) in title_key for n in (a.name, *a.aliases))
    ]
    return max(named, key=lambda a: len(a.name), default=None)


def _titled_year(ctx: Context) -> int | None:
    """The year of the item's title or parent title, if that title is about prizes (names an award of the item or
    says 奖/Prize/Award/Medal)."""
    names = [resolution.key(n) for c in ctx.of("Award") for n in (c.name, *c.aliases) if n]
    for title in (ctx.item.title, ctx.item.parent_title):
        if title and (_PRIZE_WORD.search(title) or any(n and n in resolution.key(title) for n in names)):
            year = _year(title)
            if year is not None:
                return year
    return None


_PRIZE_WORD = re.compile(r"奖|进展|Prize|Award|Medal", re.I)


def received(
    ctx: Context, out: dict[tuple[str, str, str], Relation], context_award: Cluster | None
) -> tuple[bool, set[int]]:
    """Award relations. Returns whether the item is about a prize (its title names it: the researchers are its
    laureates, not collaborators) and the sentences that say who got a prize (co-listing there is not joint work)."""
    text = ctx.item.text
    researchers = _researchers(ctx)
    title_key = resolution.key(ctx.item.title)
    prize_item = False
    prize_sentences: set[int] = set()
    for award in ctx.of("Award"):
        year = next((s.meta.get("year") for s in award.spans if s.meta.get("year")), None)
        if resolution.key(award.name) == title_key or any(resolution.key(a) == title_key for a in award.aliases):
            year = year or _year(ctx.item.title, ctx.item.parent_title)
            prize_item = True
            for c in researchers:
                _received(ctx, out, c.id, award.id, year, c.spans[0])
            continue
        for s in award.spans:
            start, end = ctx.sentences.bounds(s.start)
            if not _AWARD_VERB.search(text[start:end]):
                continue
            prize_sentences.add(ctx.sentences.index(s.start))
            others = [a for a in ctx.of("Award") if a is not award and any(start <= x.start < end for x in a.spans)]
            if others:
                # 甲曾获A奖，乙2018年获得B奖: with two prizes in a sentence, each goes to the names of its clause
                start, end = _clause(text, start, end, s.start, s.end, researchers)
            named = [(c, ps) for c in researchers for ps in c.spans if start <= ps.start < end]
            if not named:
                named = _pronoun_subject(ctx, researchers, start, end)
            for c, ps in named:
                # the title's year only where the title names this award: "两位学者当选2025年院士" dates the
                # election, not the prizes the two won before
                # a prize won before ("previously received", 曾获) is not dated by the title's year
                titled = None if _EARLIER.search(text, start, end) else _titled_year(ctx)
                y = year or _year_of_award(text, start, s.start, end, s.end) or titled
                _received(ctx, out, c.id, award.id, y, ps)
    # "The prize in Physics goes to A and B": a sentence that gives a prize, even one it does not name
    prize_sentences.update(
        i
        for i, (start, end) in enumerate(ctx.sentences.all())
        if _AWARD_VERB.search(text, start, end) and _PRIZE_WORD.search(text, start, end)
    )
    announced = _announced_award(ctx, title_key)
    if announced is not None and not prize_item:
        # "2025年度江南省科学技术奖公布 我校获奖15项", "我校学者获第十九届中国青年科技奖": the researchers the item
        # names are the winners it announces
        year = next((s.meta.get("year") for s in announced.spans if s.meta.get("year")), None) or _year(ctx.item.title)
        for c in researchers:
            # one named only where the item gives them another prize (not an earlier one) won that prize instead
            elsewhere = any(ctx.sentences.index(s.start) not in prize_sentences for s in c.spans)
            if elsewhere or not any(
                k[0] == c.id and k[1] == "received" and not _EARLIER.search(r.evidence.sentence) for k, r in out.items()
            ):
                _received(ctx, out, c.id, announced.id, year, c.spans[0])
    if context_award is not None:
        year = _year(ctx.item.parent_title)
        for c in researchers:
            _received(ctx, out, c.id, context_award.id, year, c.spans[0])
    if announced is None and not prize_item:  # under a title naming the prize, the lines are its categories
        _listed_prizes(ctx, out, researchers)
    _to_categories(out)
    return prize_item and not ctx.of("Publication"), prize_sentences


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
            for c in researchers:
                for ps in c.spans:
                    if colon.end() <= ps.start < line_end:
                        year = _year_of_award(text, line_start, a.start, line_end) or _titled_year(ctx)
                        _received(ctx, out, c.id, award.id, year, ps)


def _pronoun_subject(ctx: Context, researchers: list[Cluster], start: int, end: int) -> list[tuple[Cluster, Span]]:
    """ "He received the Gold Medal …", "她曾获…", "2024年获…奖" (no subject written): a sentence opened by a pronoun,
    or by the prize verb itself, speaks of the one researcher named in the closest sentence before it that names
    any."""
    text = ctx.item.text
    if not (_PRONOUN.match(text, start, end) or _ZERO_SUBJECT.match(text, start, end)):
        return []
    index = ctx.sentences.index(start)
    for previous in range(index - 1, max(-1, index - 6), -1):
        named = {c.id: (c, s) for c in researchers for s in c.spans if ctx.sentences.index(s.start) == previous}
        if named:
            return list(named.values()) if len(named) == 1 else []
    return []


def _to_categories(out: dict[tuple[str, str, str], Relation]) -> None:
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
            _add(out, r.model_copy(update={"object": category}))


def collaborated_with(
    ctx: Context, out: dict[tuple[str, str, str], Relation], prize_sentences: frozenset[int] | set[int] = frozenset()
) -> None:
    """Researchers co-listed in one sentence that reports work (not a prize), or co-authors of one paper."""
    researchers = _researchers(ctx)
    text = ctx.item.text
    # a cue inside a name (the Institute for Atmospheric Research) reports no work
    names = [(s.start, s.end) for c in ctx.clusters for s in c.spans]
    work = {
        i
        for i, (a, b) in enumerate(ctx.sentences.all())
        if any(not any(x <= m.start() < y for x, y in names) for m in _WORK.finditer(text, a, b))
    } - set(prize_sentences)
    sentences = {c.id: {ctx.sentences.index(s.start) for s in c.spans} & work for c in researchers}
    authors: dict[str, set[str]] = {}
    for r in out.values():
        if r.predicate == "authorOf":
            authors.setdefault(r.object, set()).add(r.subject)
    if not ctx.of("Publication"):
        authors[""] = set(ctx.untitled_authors)  # the authors of the one (untitled) paper the item reports
        if ctx.untitled_authors:
            # "The research was led by Dr. A … Co-author B": the leader of the work is one of its authors
            authors[""] |= {
                c.id for c in researchers if any(_LED_BY.search(text, max(0, s.start - 40), s.start) for s in c.spans)
            }
    for a, b in itertools.combinations(researchers, 2):
        co_listed = sentences[a.id] & sentences[b.id]
        co_authors = any(a.id in group and b.id in group for group in authors.values())
        if not (co_listed or co_authors):
            continue
        s = next((s for s in a.spans if ctx.sentences.index(s.start) in co_listed), a.spans[0])
        relation = Relation(
            subject=a.id, predicate="collaboratedWith", object=b.id, evidence=ctx.evidence(s.start, s.end)
        )
        _add(out, relation)


def _ancestors(out: dict[tuple[str, str, str], Relation]) -> dict[str, set[str]]:
    parents: dict[str, set[str]] = {}
    for r in out.values():
        if r.predicate == "partOf":
            parents.setdefault(r.subject, set()).add(r.object)
    closure: dict[str, set[str]] = {}
    for unit in parents:
        seen: set[str] = set()
        todo = list(parents[unit])
        while todo:
            p = todo.pop()
            if p not in seen:
                seen.add(p)
                todo.extend(parents.get(p, ()))
        closure[unit] = seen
    return closure


# "本工作与X合作完成": the item's own work (so its first institution) is the other party
_OWN_WORK_WITH = re.compile(
    r"(?:本|该|此|这项)(?:工作|研究|项目|成果|团队|课题组)[^，。；]{0,8}(?:与|和|同)\s*$|"
    r"(?:this|the) (?:work|study|research|project)[^,.;]{0,30}\bwith\s*(?:the\s*)?$",
    re.I,
)
_COLLABORATORS_FROM = re.compile(
    r"\b(?:collaborators|partners|colleagues)\s+(?:from|at)\b"
    # "carried out with cardiologists from B"
    r"|\bwith\s+(?:[a-z-]+\s+){0,2}(?:[a-z]+ists|researchers|scientists|clinicians|doctors|engineers)\s+(?:from|at)\b"
    # "The project will be carried out in partnership with A and B": partners of the item's own team
    r"|\b(?:this|the)\s+(?:work|study|research|project|trial)\b[^.;]{0,40}?\bin\s+(?:partnership|collaboration)\s+with\b",
    re.I,
)
_CONNECTOR = re.compile(r"与|和|同|跟|及|、|携手|\band\b|\bwith\b|,(?=\s)", re.I)


def _joined(text: str, a: int, b: int) -> bool:
    """Whether the parties mentioned at ``a`` and ``b`` are written together ("X与Y", "X、Y", "X and Y")."""
    lo, hi = min(a, b), max(a, b)
    return hi - lo <= 60 and _CONNECTOR.search(text, lo, hi) is not None


def _listed_together(text: str, parties: dict[str, int]) -> list[tuple[str, str]]:
    """Pairs of parties written in one list: each joined to the next ("A, B and C" joins A to C through B)."""
    ordered = sorted(parties, key=lambda p: parties[p])
    groups: list[list[str]] = [[ordered[0]]]
    for before, after in itertools.pairwise(ordered):
        if _joined(text, parties[before], parties[after]):
            groups[-1].append(after)
        else:
            groups.append([after])
    return [(a, b) for group in groups for a, b in itertools.combinations(sorted(group), 2)]


def _root(unit: str, ancestors: dict[str, set[str]]) -> str:
    """The top-level institution of a unit (the ancestor that has no parent of its own)."""
    tops = [a for a in ancestors.get(unit, ()) if not ancestors.get(a)]
    return min(tops) if tops else unit


def institutions_collaborated(ctx: Context, out: dict[tuple[str, str, str], Relation]) -> None:
    """Institution↔Institution where one sentence states cooperation between them or their researchers' teams.

    Parties are the institutions named in the sentence (not only as the parent inside a longer unit name) and the
    affiliations of researchers named there. Parties of different organisations collaborate at the level of their
    top-level institutions; units of one organisation (two schools of a university working together) at unit level;
    a unit and its own parent never. "本工作与X合作" names one party: the other is the item's first institution.
    """
    text = ctx.item.text
    affiliations: dict[str, set[str]] = {}
    for r in out.values():
        if r.predicate == "affiliatedWith":
            affiliations.setdefault(r.subject, set()).add(r.object)
    ancestors = _ancestors(out)
    researchers = {c.id for c in _researchers(ctx)}
    institutions = [c for c in ctx.clusters if c.type == "Institution"]
    first = min(((s.start, c.id) for c in institutions for s in c.spans if not s.absorbed), default=(0, None))[1]
    # one researcher's several affiliations are not collaborators, at unit level or at the level of their roots
    joint = {
        frozenset(pair)
        for insts in affiliations.values()
        for a, b in itertools.combinations(insts, 2)
        for pair in ((a, b), (_root(a, ancestors), _root(b, ancestors)))
    }
    for start, end in ctx.sentences.all():
        cue = _COOPERATION.search(text, start, end)
        if cue is None:
            continue
        named: dict[str, int] = {}
        parties: dict[str, int] = {}
        for c in ctx.clusters:
            at = min((s.start for s in c.spans if start <= s.start < end and not s.absorbed), default=None)
            if at is None:
                continue
            if c.type == "Institution" and _BUILT_BEFORE.search(text, max(start, at - 8), at):
                continue  # 共建“绿色化工联合实验室”: what the parties build is no party
            if c.type == "Institution":
                named.setdefault(c.id, at)
                parties.setdefault(c.id, at)
            elif c.id in researchers:
                for inst in affiliations.get(c.id, ()):
                    parties.setdefault(inst, at)
        roots: dict[str, int] = {}
        for party, at in parties.items():
            root = _root(party, ancestors)
            roots[root] = min(at, roots.get(root, at))
        pairs: list[tuple[str, str]] = []
        if 2 <= len(roots) <= 3:
            pairs = _listed_together(text, roots)
        elif len(roots) == 1 and 2 <= len(named) <= _MAX_PARTIES:
            pairs = [
                (a, b)
                for a, b in itertools.combinations(sorted(named), 2)
                if a not in ancestors.get(b, ()) and b not in ancestors.get(a, ()) and _joined(text, named[a], named[b])
            ]
        elif len(named) == 1 and first is not None and _root(first, ancestors) not in roots:
            partner, at = next(iter(named.items()))
            if _OWN_WORK_WITH.search(text, start, at):
                pairs = [(first, partner)]
        if first is not None and _COLLABORATORS_FROM.search(text, start, end):
            # "Collaborators from A and B contributed": partners of the item's own team, not of each other
            home = _root(first, ancestors)
            pairs = [(home, r) for r in sorted(roots) if r != home]
        for a, b in pairs:
            if frozenset((a, b)) in joint:  # one researcher's two affiliations are not two collaborators
                continue
            evidence = ctx.evidence(cue.start(), cue.end())
            _add(out, Relation(subject=a, predicate="collaboratedWith", object=b, evidence=evidence))
