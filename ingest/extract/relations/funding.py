"""fundedBy: the item's paper and the funders of its funding statements; without a paper, the people a grant goes to
(a talent grant a person holds, 杰青 or 优青, is an award the person received)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.extract.publications import reference_parts, references
from ingest.extract.relations.context import CLAUSE, Context, add, main_of, researchers_of
from ingest.extract.relations.prizes import first_year, year_of_award
from ingest.extract.spans import Span
from kg.model import Relation

if TYPE_CHECKING:
    from ingest.resolve import Cluster


# "has awarded £3.2 million to Dr", "granted a fellowship to Professor": the money goes to the name that follows
_GRANTED_TO = re.compile(
    r"\b(?:awarded|granted|given|provided)\b(?:[^.;\n]|\.(?=\d)){0,60}?\bto\s+(?:(?:Dr\.?|Professor|Prof\.)\s+)?$"
)

# "Dr Ann Lee, Department of X, has been awarded a Royal Society grant": the subject won the funder's grant
_WON_GRANT_EN = re.compile(
    r"(?:\s*,[^,.;\n]{1,80},)?\s+(?:(?:has|have|had)\s+)?(?:(?:also|now|just|recently)\s+)?(?:been\s+)?"
    r"(?:awarded|won|wins?|receiv(?:e|es|ed)|secur(?:e|es|ed)|earn(?:s|ed)?)\s+(?:an?\s+|the\s+|(?:19|20)\d{2}\s+)?"
)

_WON_GRANT = re.compile(r"(?:获得|获|入选)(?:了)?(?:\s*(?:19|20)\d{2}\s*年度?)?$")

# "鄢博文、邰子墨获得资助" under a title that names the fund: the grant of the title
_WON_TITLED_GRANT = re.compile(r"(?:获得|获)(?:了)?(?:该项目|该基金|项目)?资助")

_EVERY_PAPER = re.compile(
    r"(?:两|几|多|各)项(?:研究|工作|成果)?均|均得到|均获|都得到|\b(?:[Bb]oth|[Aa]ll)\s+(?:studies|papers|works)\b"
)

_WORK_WORD = re.compile(
    r"\b(?:study|studies|research|researchers|scientists|team|work|paper|findings|project|results|trial|experiments?)\b"
)

_AWARD_WINNING = re.compile(r"\b(?:award|prize)-winning\s+(?:research|work|paper|study|project)\b", re.I)
_TAKEN_ON = re.compile(r"(?:承担|主持|获批)(?:了|的)?$")
_FUNDED = re.compile(r"资助|支持|经费")

_GRANT_AFTER = re.compile(r"[^。；，,]{0,12}?(?:资助|支持)")

# a talent grant: a scientist, not a piece of work, is chosen for it, and news reports it as an honour received
# ("获国家杰出青年科学基金资助", "awarded the Excellent Young Scientists Fund")
_TALENT_GRANT = re.compile(
    r"(?:杰出|优秀)青年(?:科学)?基金|青年拔尖人才|(?:Distinguished|Outstanding|Excellent)\s+Young\s+Scien|Young\s+Scholars"
)


_EVENT_FUNDED = re.compile(
    r"\s*(?:The|This|Our|the)\s+(?:(?:19|20)\d{2}\s+)?(?:workshop|meeting|conference|symposium|summer\s+school|event)"
    r"\s+(?:was|is|were|are)\s+(?:(?:kindly|generously)\s+)?(?:sponsored|funded|supported|financed)\s+by\b"
)


def funded_by(ctx: Context, out: dict[tuple[str, str, str], Relation], funders: list[tuple[Span, Cluster]]) -> None:
    """The item's paper to every funder of its funding statements; without a paper, the researcher a funder
    awarded a grant to ("The Wellcome Trust has awarded £3.2 million to Dr Abena Owusu")."""
    papers = ctx.of("Publication")
    if not papers:
        _grantees(ctx, out, funders)
        return
    # a thesis or a report listing the papers it rests on: a funding statement outside those references funds the
    # work the item is about, not the last paper listed
    cited = [m.span() for m in references(ctx.item.text)]
    titles = {reference_parts(m)[1][0] for m in references(ctx.item.text)}
    own = [p for p in papers if not any(s.start in titles for s in p.spans)]
    first_paper = min(s.start for p in papers for s in p.spans)
    later = ctx.item.lang == "en" and any(span.start > first_paper for span, _ in funders)
    for span, funder in funders:
        start, end = ctx.sentences.bounds(span.start)
        # "opened a centre, backed by £14 million from X … the study was funded by Y": money given before the paper
        # is named, in a sentence of no work, went to what that sentence is about when the paper names its own funder
        if later and end <= first_paper and not _WORK_WORD.search(ctx.item.text, start, end):
            continue
        # 牵头承担的国家重点研发计划…项目启动: a programme whose project a team takes on funds that project, not the
        # paper the item names elsewhere
        if _TAKEN_ON.search(ctx.item.text, max(start, span.start - 8), span.start) and not _FUNDED.search(
            ctx.item.text, start, end
        ):
            continue
        # "The workshop was sponsored by X": an event's sponsor, no funder of a paper a speaker presented there
        if _EVENT_FUNDED.match(ctx.item.text, start, span.start):
            continue
        # "两项研究均得到…资助", "Both studies were funded by …": every paper of the item
        every = len(papers) > 1 and _EVERY_PAPER.search(ctx.item.text, start, end)
        chosen = main_of(ctx, "Publication", span.start) or papers[0]
        # "The award-winning research was supported by …": the paper the item's award went to, the one it opens with
        if _AWARD_WINNING.search(ctx.item.text, start, span.start):
            chosen = min(papers, key=lambda p: min(s.start for s in p.spans))
        if own and chosen not in own and not any(a <= span.start < b for a, b in cited):
            chosen = own[0]
        for paper in papers if every else [chosen]:
            add(
                out,
                Relation(
                    subject=paper.id,
                    predicate="fundedBy",
                    object=funder.id,
                    evidence=ctx.evidence(span.start, span.end),
                ),
            )


def _grantees(ctx: Context, out: dict[tuple[str, str, str], Relation], funders: list[tuple[Span, Cluster]]) -> None:
    """The people a grant goes to: named after "awarded … to", or the clause's names before 获…资助 (A、B获国家优秀
    青年科学基金项目资助)."""
    text = ctx.item.text
    people = [(s, c) for c in researchers_of(ctx) for s in c.spans]
    for _, funder in funders:
        if _TALENT_GRANT.search(funder.name) and funder.type != "Award":
            funder.type = "Award"  # before any relation names it: the id follows the type
            _mention_everywhere(ctx, funder)
    titled = [f for _, f in funders if f.name in ctx.item.title]
    if len({f.id for f in titled}) == 1:
        for m in _WON_TITLED_GRANT.finditer(text):
            start, _ = ctx.sentences.bounds(m.start())
            clause = max([start, *(c.end() for c in CLAUSE.finditer(text, start, m.start()))])
            for s, person in people:
                if clause <= s.start < m.start():
                    _grant(ctx, out, person, titled[0], s.start, m.end())
    for span, funder in funders:
        start, end = ctx.sentences.bounds(span.start)
        won = _WON_GRANT.search(text, max(start, span.start - 12), span.start)
        clause = max([start, *(m.end() for m in CLAUSE.finditer(text, start, won.start()))]) if won else end
        # 获 a fund needs 资助 after it (获…奖 is a prize); 入选 a fund's grant is the grant itself
        if won and not won.group().startswith("入选") and not _GRANT_AFTER.match(text, span.end):
            won = None
        for s, person in people:
            english = (span.end <= s.start < end and _GRANTED_TO.search(text, span.end, s.start)) or (
                start <= s.start < span.start and _WON_GRANT_EN.fullmatch(text, s.end, span.start)
            )
            chinese = won is not None and clause <= s.start < won.start()
            if english or chinese:
                _grant(ctx, out, person, funder, span.start, span.end)


def _mention_everywhere(ctx: Context, award: Cluster) -> None:
    """Every other place the text writes the talent grant's name becomes a mention of it: a funding statement found
    it, but the prize rules read the headings a list of holders sits under (二、优秀青年科学基金)."""
    text = ctx.item.text
    taken = [(s.start, s.end) for c in ctx.clusters for s in c.spans]
    for form in sorted({s.name for s in award.spans} | {text[s.start : s.end] for s in award.spans}, key=len)[::-1]:
        for m in re.finditer(re.escape(form), text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                award.spans.append(Span(m.start(), m.end(), "Award", award.name))
                taken.append((m.start(), m.end()))


def _grant(
    ctx: Context, out: dict[tuple[str, str, str], Relation], person: Cluster, funder: Cluster, start: int, end: int
) -> None:
    """``person`` holds a grant of ``funder`` (evidenced by ``text[start:end]``): funded by it, or, for a talent
    grant (typed an award by ``_grantees``), received it in the year its sentence (else the title) writes."""
    evidence = ctx.evidence(start, end)
    if funder.type != "Award":
        add(out, Relation(subject=person.id, predicate="fundedBy", object=funder.id, evidence=evidence))
        return
    first, last = ctx.sentences.bounds(start)
    year = year_of_award(ctx.item.text, first, start, last) or first_year(ctx.item.title)
    add(out, Relation(subject=person.id, predicate="received", object=funder.id, year=year, evidence=evidence))
