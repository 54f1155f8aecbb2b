"""A researcher's own page (a faculty homepage, titled with the person's name): its labelled fields and sections
speak of that person without naming them again.

- affiliatedWith: the units on a post field's line (所在单位：…, 兼　　职：…).
- received: the prizes on the dated lines of an honours section (【荣誉奖励】 2024　某省科学技术奖…), in that year.
"""

from __future__ import annotations

import re

from ingest.extract.relations.context import Context, affiliate, researchers_of
from ingest.extract.relations.prizes import add_received
from ingest.extract.spans import Span, outermost_in
from kg.model import Relation

# a post field (the label may be letter-spaced to line up with the others: 兼　　职)
_POST_FIELD = re.compile(
    r"(?m)^[^\S\n]*(?:所在单位|工作单位|单[^\S\n]*位|现[^\S\n]*任|兼[^\S\n]*职|双[^\S\n]*聘)[^\S\n]*[：:]"
)
# an honours section's heading (【荣誉奖励】, 【获奖情况】, 荣誉称号：): up to the next heading or a blank line
_HONOURS_HEADING = re.compile(
    r"(?m)^[^\S\n]*[【\[]?(?:荣誉奖励|获奖情况|获奖与荣誉|荣誉与奖励|主要荣誉|荣誉称号|奖励与荣誉|学术荣誉|获奖)[】\]]?[^\S\n]*[：:]?[^\S\n]*$"
)
_DATED_LINE = re.compile(r"[^\S\n]*((?:19|20)\d{2})(?:[^\S\n]*年)?[^\S\n]*(?:[—–-][^\S\n]*(?:19|20)?\d{0,4})?[^\S\n]+")
_SECTION_END = re.compile(r"\n[^\S\n]*\n|\n[^\S\n]*[【\[]")


def profile_fields(ctx: Context, out: dict[tuple[str, str, str], Relation], institutions: list[Span]) -> None:
    """On a page titled with a researcher's name alone, that researcher's posts and honours from its fields."""
    text = ctx.item.text
    # (literal scans first: a page holds a field's colon or a section's bracket)
    if "：" not in text and ":" not in text and "【" not in text:
        return
    title = ctx.item.title.strip()
    subject = next((c for c in researchers_of(ctx) if c.name == title), None)
    if subject is None:
        return
    at = subject.spans[0]
    for field in _POST_FIELD.finditer(text):
        line_end = text.find("\n", field.end())
        line_end = len(text) if line_end < 0 else line_end
        # (某大学某学院　某某学系: the innermost unit, not the parents named inside it)
        for span in outermost_in(institutions, field.end(), line_end):
            if (place := ctx.cluster_of(span)) is not None:
                affiliate(ctx, out, subject, place, at)
    for heading in _HONOURS_HEADING.finditer(text):
        end = _SECTION_END.search(text, heading.end())
        stop = end.start() if end else len(text)
        for award in ctx.of("Award"):
            for s in award.spans:
                if not heading.end() <= s.start < stop:
                    continue
                line_start = text.rfind("\n", 0, s.start) + 1
                dated = _DATED_LINE.match(text, line_start)
                if dated is not None and dated.end() <= s.start:
                    add_received(ctx, out, subject.id, award.id, int(dated.group(1)), at)


# a project record's fields (a grant database's project page, a 立项 list's entry): its leader and its host unit
_LEADER_FIELD = re.compile(
    r"(?m)^[^\S\n]*(?:项目负责人|负责人|项目主持人|主持人)[^\S\n]*[：:][^\S\n]*(?P<value>[^\n]{2,40})$"
)
_HOST_FIELD = re.compile(
    r"(?m)^[^\S\n]*(?:依托单位|承担单位|申请单位|项目承担单位)[^\S\n]*[：:][^\S\n]*(?P<value>[^\n]{2,60})$"
)


def project_leader(ctx: Context, out: dict[tuple[str, str, str], Relation], institutions: list[Span]) -> None:
    """On a project's record, its leader (项目负责人：…) works at its host unit (依托单位：…): one of each field."""
    text = ctx.item.text
    if "负责人" not in text and "主持人" not in text:
        return
    leaders, hosts = list(_LEADER_FIELD.finditer(text)), list(_HOST_FIELD.finditer(text))
    if len(leaders) != 1 or len(hosts) != 1:
        return  # (a list of projects pairs its fields by entry, not here)
    lead, host = leaders[0], hosts[0]
    person = next(
        (
            (c, s)
            for c in researchers_of(ctx)
            for s in c.spans
            if lead.start("value") <= s.start and s.end <= lead.end("value")
        ),
        None,
    )
    if person is None:
        return
    for span in outermost_in(institutions, host.start("value"), host.end("value")):
        if (place := ctx.cluster_of(span)) is not None:
            affiliate(ctx, out, person[0], place, person[1])
