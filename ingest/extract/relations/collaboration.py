"""collaboratedWith: researchers co-listed on one piece of work (sharing a prize is not collaboration), and
institutions where a sentence says they or their teams work together."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from ingest.extract.relations.context import Context, add, researchers_of
from kg.model import Relation

if TYPE_CHECKING:
    from ingest.resolve import Cluster


# a sentence that reports a piece of work (co-listed researchers in it collaborated on it)
_WORK = re.compile(
    r"研究(?![员生所院])|成果|论文|发表|发布|发现|研制|研发|提出|开发|完成|合作|揭示|实现|团队|课题|(?<!基金)项目(?!\s*(?:资助|支持))|"
    r"建立|构建|绘制|测定|设计|解析|鉴定|阐明|证实|破解|攻克|"
    r"research|study|paper|published|discover|develop|team|collaborat|\bwork(?:ed)?\b|\bled by\b|co-led|"
    r"together with|jointly(?!\s+to\b)|experiment|\breport|analy[sz]",
    re.I,
)

# 应X教授邀请来院访问/作报告: a host and the guest they invited, a visit and no joint work
_VISIT = re.compile(
    r"应[^，,。；;]{1,40}?邀请?[^。；;]{0,16}?(?:来访|访问|来院|来校|来所|来华|讲学|作报告|作题为|做客)"
)

_BUILT_BEFORE = re.compile(
    r"(?:共建|共同建设|联合建设|合作建设|共同成立|联合成立|成立|组建|设立|揭牌)(?:的|了)?[“\"]?$"
)

_LED_BY = re.compile(r"\b(?:led|co-led|headed)\s+by\s+(?:(?:Professor|Prof\.|Dr\.?)\s+)?$")
# "庞晓辉等人在《细胞研究》发表论文": the one who published the work the item reports
_PUBLISHED_BY = re.compile(
    r"(?:教授|研究员|副教授|博士)?(?:等人|等|团队|课题组|研究组)?(?:在|于)[^。；]{0,40}?(?:发表|刊发|刊登)"
)

# a sentence that says two parties work together
_COOPERATION = re.compile(
    r"合作|携手|联合攻关|联合开展|联合研究|共同完成|共同研发|共同通讯|协作|共建|共同建设|联合建设|联合培养|"
    # (a prize "awarded jointly to" A and B is shared, not joint work)
    r"in collaboration with|collaborat\w*|jointly(?!\s+to\b)|joint (?:study|work|team)|partnered|partnership|"
    # "Researchers at A and B have mapped …": one team's work from two places
    r"\b(?:researchers|scientists|engineers|astronomers|a team|teams|[a-z]+ists)\s+(?:at|from)\b|"
    # "led by X of A, together with colleagues from B and C"
    r"\b(?:collaborators|colleagues)\s+(?:from|at)\b",
    re.I,
)

#: a sentence naming more units than this is a list (of sponsors, members ...), not a statement of cooperation
_MAX_PARTIES = 4


def collaborated_with(
    ctx: Context, out: dict[tuple[str, str, str], Relation], prize_sentences: frozenset[int] | set[int] = frozenset()
) -> None:
    """Researchers co-listed in one sentence that reports work (not a prize), or co-authors of one paper."""
    researchers = researchers_of(ctx)
    text = ctx.item.text
    # a cue inside a name (the Institute for Atmospheric Research) reports no work
    named = bytearray(len(text) + 1)
    for c in ctx.clusters:
        for s in c.spans:
            named[s.start : s.end] = b"\x01" * (s.end - s.start)
    work = {
        i
        for i, (a, b) in enumerate(ctx.sentences.all())
        if any(not named[m.start()] for m in _WORK.finditer(text, a, b)) and not _VISIT.search(text, a, b)
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
                c.id
                for c in researchers
                if any(
                    _LED_BY.search(text, max(0, s.start - 40), s.start) or _PUBLISHED_BY.match(text, s.end)
                    for s in c.spans
                )
            }
    teams = _grant_teams(ctx, researchers)
    for a, b in itertools.combinations(researchers, 2):
        co_listed = sentences[a.id] & sentences[b.id]
        co_authors = any(a.id in group and b.id in group for group in [*authors.values(), *teams])
        if not (co_listed or co_authors):
            continue
        s = next((s for s in a.spans if ctx.sentences.index(s.start) in co_listed), a.spans[0])
        relation = Relation(
            subject=a.id, predicate="collaboratedWith", object=b.id, evidence=ctx.evidence(s.start, s.end)
        )
        add(out, relation)


# a funder's list of team grants: the project's title in quotes on a line of its own, its applicants one per list line
# under it ("- Name - Institution, City")
_QUOTED_TITLE_LINE = re.compile(r"(?m)^[^\S\n]*[“\"][^“”\"\n]{6,300}[”\"][^\S\n]*$")
_LIST_LINE = re.compile(r"[^\S\n]*[-•*–●▪][^\S\n]+[^\n]*")


def _grant_teams(ctx: Context, researchers: list[Cluster]) -> list[set[str]]:
    """The ids of the applicants listed together under each quoted project title: one team's grant is joint work."""
    text = ctx.item.text
    teams: list[set[str]] = []
    for m in _QUOTED_TITLE_LINE.finditer(text):
        pos, lines = m.end() + 1, []
        while pos < len(text) and (line := _LIST_LINE.match(text, pos)) is not None:
            lines.append((line.start(), line.end()))
            pos = line.end() + 1
        team = {c.id for c in researchers for s in c.spans if any(a <= s.start < b for a, b in lines)}
        if len(team) > 1:
            teams.append(team)
    return teams


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
    r"|\b(?:this|the)\s+(?:work|study|research|project|trial)\b[^.;]{0,40}?\bin\s+(?:partnership|collaboration)\s+with\b"
    # "合作者包括浙江大学医学院教授A和南开大学化学学院教授B"
    r"|合作者(?:包括|为|有|是)",
    re.I,
)

_CONNECTOR = re.compile(r"与|和|同|跟|及|、|携手|\band\b|\bwith\b|,(?=\s)", re.I)

#: the most text between two parties written together (a unit, a title, a team: 化学学院张明远教授团队与…)
_JOIN_GAP = 60

#: where a party is mentioned: (start, end) of the mention
_Mention = tuple[int, int]


def _joined(text: str, a: _Mention, b: _Mention) -> bool:
    """Whether the parties mentioned at ``a`` and ``b`` are written together ("X与Y", "X、Y", "X and Y").

    The gap is measured from the end of the first mention to the start of the second, and the connector looked for
    in it: a long name ("… Institute of Science and Technology") is no distance between parties, and the "and"
    inside it joins nothing.
    """
    first, second = sorted((a, b))
    gap = second[0] - first[1]
    return 0 <= gap <= _JOIN_GAP and _CONNECTOR.search(text, first[1], second[0]) is not None


def _listed_together(text: str, parties: dict[str, _Mention]) -> list[tuple[str, str]]:
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


# an academy named in a title (中国科学院院士, 美国国家工程院外籍院士): the person's honour, no party to the work
# 来自A、B等单位的代表参加会议, A、B等单位参加了合作交流会: bodies attending one meeting, not working together
_ATTENDED = re.compile(
    r"等(?:[^，,。；;]{0,6}单位|[^，,。；;]{0,10}(?:代表|专家|学者|嘉宾))[^。；;]{0,16}?(?:参加|出席|参会|与会)"
)
_TITLE_AFTER = re.compile(r"(?:外籍)?院士")
# 回国前，A与某学院同事B合作: work done before a move, so A's present post was no party to it
_BEFORE_MOVE = re.compile(r"\s*(?:回国|归国|回校|入职|加盟|加入|调入|到校|来校)(?:之)?前[，,]")


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
    researchers = {c.id for c in researchers_of(ctx)}
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
        if cue is None or _ATTENDED.search(text, start, end):
            continue
        named: dict[str, _Mention] = {}
        parties: dict[str, _Mention] = {}
        before_move = "前" in text[start : min(end, start + 8)] and _BEFORE_MOVE.match(text, start) is not None
        for c in ctx.clusters:
            at = min(
                (
                    (s.start, s.end)
                    for s in c.spans
                    if start <= s.start < end and not s.absorbed and not _TITLE_AFTER.match(text, s.end)
                ),
                default=None,
            )
            if at is None:
                continue
            if c.type == "Institution" and _BUILT_BEFORE.search(text, max(start, at[0] - 8), at[0]):
                continue  # 共建“绿色化工联合实验室”: what the parties build is no party
            if c.type == "Institution":
                named.setdefault(c.id, at)
                parties.setdefault(c.id, at)
            elif c.id in researchers and not before_move:
                # (in a fixed order: a researcher's units share one position, and the order breaks the tie)
                for inst in sorted(affiliations.get(c.id, ())):
                    parties.setdefault(inst, at)
        roots: dict[str, _Mention] = {}
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
            if _OWN_WORK_WITH.search(text, start, at[0]):
                pairs = [(first, partner)]
        if first is not None and _COLLABORATORS_FROM.search(text, start, end):
            # "Collaborators from A and B contributed": partners of the item's own team, not of each other
            home = _root(first, ancestors)
            pairs = [(home, r) for r in sorted(roots) if r != home]
        for a, b in pairs:
            if frozenset((a, b)) in joint:  # one researcher's two affiliations are not two collaborators
                continue
            evidence = ctx.evidence(cue.start(), cue.end())
            add(out, Relation(subject=a, predicate="collaboratedWith", object=b, evidence=evidence))
