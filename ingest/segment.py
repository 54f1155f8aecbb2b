"""Split a newsletter issue (PDF-extracted text) into news items.

The structure is read from generic cues, never from known titles:

- page furniture (running headers with their section labels, page numbers, issue lines) is dropped first;
- an article ends with its closing lines: a source line ``（来源：…）`` / ``(Source: …)`` or a contributor byline
  ``（… 供稿）``; the lines after them open the next article with its headline (wrapped over up to three lines);
- a single short line followed at once by another headline (or a short line set in from the margin, followed by any
  headline) is a section banner: it names the column the next articles stand in, for as long as they cite sources as
  the column's first article does (dated, or at all);
- inside an article, bullet headings (``●``) and unnumbered sub-headlines (short lines without sentence punctuation
  after a finished paragraph, set off by a blank line or the PDF's edge spaces) split it into one item per
  sub-section, the introduction being an item of its own; numbered chapter headings (``一、`` ``（一）``) are the
  structure of one document and do not split it, unless the title announces a list (top ten, prize winners);
- short numbered headings (``一、科研成果`` ``二、获奖信息``) are the issue's columns when at least one of them holds
  stories with headlines of their own: each story is an item in that column, and a column that opens with text is
  one item named after it;
- an issue with no closing lines at all has no article level: every headline is a top-level item;
- hard-wrapped lines are re-joined (``ingest.segment_lines.join_wrapped``).

Each item's ``source`` is the publisher of the source line closing its article (its date, resolved against the
issue year, is the item date; else the first dated event near the item's start); a contributor byline stays in the
text as the last paragraph of the part it closes.

``segments`` returns the items with their line ranges (for inspection and tests); ``segment_newsletter`` turns them
into :class:`kg.model.NewsItem`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ingest.segment_dates import dated_headline, dateline, feed_header, first_event_date, issue_year, split_source
from ingest.segment_items import make_item
from ingest.segment_lines import (
    bullet_heading,
    cjk_trailing_space,
    closer_kind,
    despace_letterspaced,
    display_width,
    ends_sentence,
    furniture_rows,
    headline_shaped,
    is_doc_number,
    is_numbered,
    is_rule,
    is_table_row,
    join_wrapped,
    numbered_heading,
    numbering,
    run_in_bullet,
    source_body,
    typical_width,
)
from ingest.table_lines import is_header_line
from kg.model import NewsItem

_MAX_HEAD_ROWS = 3
_SHORT = 0.75  # a sub-headline is narrower than this share of the column
_FULL = 0.82  # a line this wide (as a share of the column) was wrapped, not ended
#: headings that structure one report rather than name an achievement or prize of its own
_GENERIC_SECTION = re.compile(
    r"^(?:研究|主要|项目|成果|团队|相关)?(?:背景|简介|概况|概述|意义|展望|结论|方法|过程|成果|亮点|发现|进展|介绍|小结|总结"
    r"|下一步|前景|点评|链接|阅读|应用|创新点|内容|目标|致谢|参考文献|联系方式)$"
    # (a thesis's or a CV's lists of outputs: 一、学术论文（*为通讯作者） 二、授权发明专利 三、参与的科研项目)
    r"|^(?:(?:已?发表的?|攻读[^，。]{0,12}期间(?:发表|取得)的)?(?:学术)?论文|(?:授权)?(?:发明)?专利|(?:主持|参与)的?科研项目"
    r"|科研项目|获奖情况|学术成果)(?:[（(][^（）()]*[）)])?$"
    # (an application's CV: 一、代表性论著（…） 二、论著之外的代表性研究成果和学术奖励; a meeting's minutes:
    # 一、实验室年度工作报告 二、学术报告 三、委员意见与建议 四、会议决定)
    r"|^(?:[^，。]{0,12}?代表性(?:论著|论文|研究成果|成果)[^，。]{0,12}|[^，。]{0,12}?学术奖励"
    r"|(?:[\u4e00-\u9fff]{0,8}(?:实验室|中心|学院|研究所|委员会))?(?:年度)?工作报告|学术报告"
    r"|(?:委员|专家|与会)?意见(?:与|和)建议|会议(?:决定|决议|议程|纪要))(?:[（(][^（）()]*[）)])?$"
    r"|^(?:background|results?|methods?|conclusions?|about|summary|outlook|significance|related|next steps?"
    r"|key findings|findings|what'?s next|introduction|discussion|funding|acknowledge?ments|references|contacts?)$",
    re.I,
)


def is_report_section(heading: str) -> bool:
    """A heading that structures one report (研究背景, Results, Funding) rather than names a story of its own."""
    return bool(_GENERIC_SECTION.match(heading))


#: a citation's DOI at the end of a line
_CITED_DOI = re.compile(r"\b(?:DOI|doi)\s*:?\s*10\.\d{4,9}/\S*$")
_REFERENCE_LINE = re.compile(r"^(?:DOI|doi|https?://|论文链接|原文链接|文章链接|Paper|Link)\b")
#: how a news report opens: the time of the event or a wire formula
_NEWS_LEAD = re.compile(
    r"^(?:近日|日前|近期|最近|目前|今年|本报讯|本刊讯|新华社|(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月)[，,\s]"
    r"|^[A-Z][A-Za-z0-9.\s,]{0,30}[—–-]{1,2}\s"
)
#: a headline set in lenticular brackets: 【我校在二维材料领域取得新进展】
_BRACKETED = re.compile(r"【([^【】]{2,60})】")
#: titles announcing a list of achievements or prizes, whose numbered entries are items of their own
_LIST_TITLE = re.compile(
    r"十大|十佳|年度.{0,12}进展|名单|榜单|入选|获奖|揭晓|颁奖|评选|候选|提名|top\s*\d+|\bwinners?\b|laureates|prizes|awards"
    # (a magazine's page of its faculty's prizes and fellowships: Faculty honors)
    r"|\bhonou?rs\s*$"
    # (a university's honorary degrees: one section per honorand)
    r"|honorary\s+(?:degrees|doctorates)",
    re.I,
)


#: a sub-headline numbered inside its label (【成果一】…, 【成果二】…, [Result 1] …): one numbered sibling of a list
_LABELLED_NUMBER = re.compile(
    r"^[【\[](?P<stem>[^【】\[\]\d一二三四五六七八九十]{1,12}?)\s*(?:[一二三四五六七八九十]|\d{1,2})[】\]]\s*\S"
    # (a bare number in lenticular brackets, 【1】…【2】…, numbers a brief's entries; a bare [1] opens a reference)
    r"|^【(?P<bare>)\s*(?:[一二三四五六七八九十]|\d{1,2})\s*】\s*\S"
)


def labelled_sections(lines: Sequence[str]) -> list[int]:
    """Indices of the lines that open sections numbered inside a common label (【成果一】…, 【成果二】…), when there
    are two or more of them: each reports an achievement of its own, as the entries of a list do."""
    stems: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        match = _LABELLED_NUMBER.match(line.strip())
        if match and headline_shaped(line.strip()):
            stems.setdefault(match["stem"] or "", []).append(i)
    found = max(stems.values(), key=len, default=[])
    return found if len(found) >= 2 else []


#: a numbered chapter of a report whose sections each report an achievement (三、年度科研成果, 4. Research highlights)
_ACHIEVEMENTS_CHAPTER = re.compile(
    r"成果|进展|突破|亮点|获奖|奖励|荣誉|\b(?:achievements|highlights|breakthroughs)\b", re.I
)


def announces_list(title: str) -> bool:
    """The title announces a list of achievements or prizes (十大进展揭晓, winners named), whose entries are items."""
    return bool(_LIST_TITLE.search(title))


#: a title that names a digest of several stories (Research highlights, News in brief, 科研简报, 成果月报)
_DIGEST_TITLE = re.compile(
    r"\b(?:highlights|news\s+in\s+brief|in\s+brief|newsletter|digest|round-?up|bulletin|briefs|this\s+(?:week|month)"
    # (a weekly column watching a kind of output: Preprint Watch - Week of 4 May)
    r"|(?:preprint|paper|research|science|policy|funding|grants?)s?\s+watch|week\s+of"
    r"|news\s+roundup|what['’]s\s+new)\b|简报|快讯|动态|本期导读|要闻|周报|月报|旬报|资讯|(?:速览|速递|盘点)$|通讯$"
    # (a column's issue: 【科研进展】2027年第3期)
    r"|^【[^】]{2,12}】\s*(?:19|20)\d{2}\s*年\s*第\s*\d{1,3}\s*期$",
    re.I,
)


#: a journal's page of short pieces each of its own, named by its label alone (CORRECTIONS, ERRATA, INSIGHTS | LETTERS)
_PIECES_PAGE = re.compile(r"^(?:[A-Za-z]+\s*\|\s*)?(?:corrections?|errata|letters)$", re.I)


def announces_digest(title: str) -> bool:
    """The title names a digest of several stories (科研成果月报, Research highlights), whose entries are items."""
    return bool(_DIGEST_TITLE.search(title) or _PIECES_PAGE.match(title.strip()))


@dataclass
class Row:
    """A non-blank, non-furniture line: its 0-based index, raw text, stripped text and layout cues."""

    index: int
    raw: str
    text: str
    blank_before: bool
    closer: str | None = None
    #: the whole text has (almost) no blank lines, as pypdf's extraction: blank lines cannot set headings off
    gapless: bool = False
    #: page furniture (a footer, a header, a page number) stands between this line and the previous text
    after_page_break: bool = False
    #: the ISO date of a line holding only a date right above this one (bulletins date each story so)
    dated: str | None = None
    #: a news list's or a feed's entry headline (2026-12-15 | Paper out!, Ana Ruizo • 1st): a headline whatever its
    #: shape
    listed: bool = False


@dataclass
class Segment:
    """One item as found in the text: title, line range (1-based, inclusive) and metadata."""

    title: str
    first_line: int
    last_line: int
    body: list[str] = field(default_factory=list)
    parent_title: str | None = None
    section: str | None = None
    source: str | None = None
    date: str | None = None
    byline: list[str] = field(default_factory=list)


def _rows(lines: Sequence[str], year: int | None = None) -> list[Row]:
    furniture = furniture_rows(lines)
    days = {i: day for i, line in enumerate(lines) if (day := dateline(line.strip(), year)) is not None}
    if any(i not in furniture for i in days):
        furniture = furniture - set(days)  # stories dated one by one: the date under the masthead is the first's
    rows: list[Row] = []
    gap = True
    page_break = False
    dated: str | None = None
    # two or more bullets whose headings run into their stories ("* Heading - text."): a digest's entries, each
    # read as a bullet heading over its text
    run_in = {i: found for i, line in enumerate(lines) if (found := run_in_bullet(line.strip()))}
    if len(run_in) < 2:
        run_in = {}
    # two or more lines that date a headline (2026-12-15 | Paper out in Science Advances): a news list's entries
    heads: dict[int, tuple[str | None, str]] = {
        i: found for i, line in enumerate(lines) if (found := dated_headline(line.strip(), year))
    }
    # (a social feed's post headers, Ana Ruizo • 1st, open its posts as dated lines open a news list's entries)
    heads |= {i: (None, t) for i, line in enumerate(lines) if feed_header(t := line.strip())}
    if len(heads) < 2:
        heads = {}
    furniture -= set(heads)  # (set in columns as a running header is, but a headline)
    for index, raw in enumerate(lines):
        text = raw.strip()
        if index in furniture or not text:
            gap = gap or not text or index in furniture
            page_break = page_break or (index in furniture and bool(rows))
            continue
        # (a rule drawn across the page, ───── or =====, sets off what follows as a blank line would)
        if is_rule(text):
            gap = True
            continue
        # a line holding only a date dates the story below it and sets it off as a blank line would
        if index in days:
            dated, gap = days[index], True
            continue
        if index in heads:
            day, head = heads[index]
            rows.append(Row(index, raw, head, gap, after_page_break=page_break, dated=day, listed=True))
            gap = page_break = False
            dated = None
            continue
        if index in run_in:
            head, story = run_in[index]
            rows.append(Row(index, raw, f"• {head}", gap, after_page_break=page_break, dated=dated))
            rows.append(Row(index, story, story, False))
            gap = page_break = False
            dated = None
            continue
        kind = closer_kind(text)
        if kind == "source" and len(rows) == 1:
            kind = None  # 来源：湖北日报 right under the text's headline: a web page's metadata, it closes nothing
        rows.append(Row(index, raw, text, gap, kind, after_page_break=page_break, dated=dated))
        gap = page_break = False
        dated = None
    _mark_split_closers(rows)
    _resolve_asides(rows)
    if sum(row.blank_before for row in rows[1:]) <= len(rows) // 100:
        for row in rows:
            row.gapless = True
    return rows


def _mark_split_closers(rows: list[Row]) -> None:
    """A byline wrapped over two lines: ``（某中心 甲，乙；`` / ``某研究院 丙 供稿）``."""
    for first, second in zip(rows, rows[1:], strict=False):
        if first.closer or second.closer or not first.text.startswith(("（", "(")):
            continue
        if ")" in first.text or "）" in first.text or not second.text.endswith(("）", ")")):
            continue
        kind = closer_kind(first.text + second.text)
        if kind:
            first.closer = second.closer = kind
            if kind == "aside":
                first.closer = "aside-head"  # decided with its second line, in _resolve_asides


def _resolve_asides(rows: list[Row]) -> None:
    """A line in brackets signs an article where a headline (or the end) follows it, and is body text elsewhere.

    ``（某中心 成果转化专项小组）`` before the next headline is a byline; ``（图片由受访者提供）`` in an article is not.
    """
    for i in range(len(rows) - 1, -1, -1):
        row = rows[i]
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if row.closer == "aside-head" and nxt is not None:
            row.closer = nxt.closer  # the first line of a wrapped one goes as its second line went
            continue
        if row.closer != "aside":
            continue
        # (a table's row is no headline: （万元） under a table's header row closes nothing; nor does a list's note
        # right under the list's title, 获奖者名单 / （排名不分先后）: a byline follows an article's last sentence)
        prev = rows[i - 1] if i else None
        under_title = prev is not None and not prev.closer and not row.blank_before and headline_shaped(prev.text)
        closes = not under_title and (
            nxt is None
            or nxt.closer in ("source", "byline")
            or (headline_shaped(nxt.text) and not is_table_row(nxt.text))
        )
        row.closer = "byline" if closes else None


def _articles(rows: list[Row]) -> Iterator[tuple[list[Row], list[Row]]]:
    """(content rows, closing rows) of each article: an article ends with its run of closing lines."""
    content: list[Row] = []
    closing: list[Row] = []
    for row in rows:
        if row.closer:
            closing.append(row)
            continue
        if closing:
            yield content, closing
            content, closing = [], []
        content.append(row)
    if content or closing:
        yield content, closing


_META = re.compile(
    r"\s*(?:发布时间|发布日期|发稿时间|更新时间|来源|作者|编辑|责任编辑|浏览次数|点击数|阅读量|Posted|Published|Source)\s*[：:]"
)


#: the fields of a page's metadata line under its headline (University of X | News | 2 July 2027)
_BAR_FIELDS = re.compile(r"\s+[|｜]\s+")


#: a post's line naming its account and when it was posted (化学化工学院 某某公众号 2027年11月03日 17:30 福建)
_POSTED_AT = re.compile(
    r"^[^。，；！？,;!?]{0,40}(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}:\d{2}(?:\s+\S{1,8})?$"
)


def _metadata_row(text: str) -> bool:
    """A web page's metadata line: its fields (``发布时间：…``), fields apart by bars ending with the date, or a
    post's account and time."""
    if _META.match(text) or _POSTED_AT.match(text):
        return True
    fields = _BAR_FIELDS.split(text)
    return len(fields) >= 2 and dateline(fields[-1]) is not None


def _head(rows: list[Row]) -> int:
    """How many leading rows form the headline (a wrapped headline ends at the first blank line)."""
    if not rows:
        return 0
    count = 1
    # (a web page's metadata line right under its headline, 发布时间：… 来源：…, is no part of the headline)
    while (
        count < min(len(rows), _MAX_HEAD_ROWS) and not rows[count].blank_before and not _metadata_row(rows[count].text)
    ):
        count += 1
    if count < len(rows) and not rows[count].blank_before:
        return 1  # no blank line closes the block: only the first line is the headline
    if count > 1 and display_width(rows[0].text) < _SHORT * display_width(rows[1].text):
        return 1  # a headline wraps only when its first line is full: this one ended, the body follows
    width = typical_width([row.text for row in rows[count : count + 14]])
    if count > 1 and display_width(rows[count - 1].text) >= _FULL * width:
        return 1  # a wrapped headline ends in a short line; a full-width line is the body's first
    if all(headline_shaped(row.text) and not bullet_heading(row.text) for row in rows[:count]):
        return count
    return 1


#: a list's title stands this many rows above its table's header row at most (a note between: （排名不分先后）)
_TABLE_TITLE_ROWS = 2


def _titles_table(body: list[Row], i: int) -> bool:
    """``body[i]`` announces a list and a table's header row follows it closely (获奖者名单 / 序号 姓名 工作单位):
    the list's title, however wide."""
    if not announces_list(body[i].text):
        return False
    below = body[i + 1 : i + 1 + _TABLE_TITLE_ROWS]
    return any(is_header_line(row.text) for row in below) and not any(row.blank_before for row in below)


def _strict_subhead(row: Row, width: float) -> bool:
    short = display_width(row.text) < _SHORT * width
    edge = cjk_trailing_space(row.raw) or row.raw[:1].isspace()
    return (short or cjk_trailing_space(row.raw)) and (row.blank_before or edge or row.gapless)


def _opens_news(row: Row, after: Row) -> bool:
    """A line set off by a blank line whose next line opens a news report (近日，… / 3 月 12 日，… / March 3 —):
    a headline however wide the PDF printed it. Text copied from a web page sets a blank line after it too."""
    return row.blank_before and bool(_NEWS_LEAD.match(after.text))


def _lenient_subhead(row: Row, after: Row) -> bool:
    """Once an article has shown sub-headlines, one that the PDF set off by edge spaces or blank lines."""
    return cjk_trailing_space(row.raw) or row.raw[:1].isspace() or (row.blank_before and after.blank_before)


#: a notice's attachment heading (附件 2, Annex): the notice goes on, no story begins
_ATTACHMENT = re.compile(r"^(?:附件|附表|附录|Annex|Appendix|Attachment)\s*\d{0,2}\s*[:：]?$", re.I)
#: a programme's time slot (08:40—09:20　Talk title): an entry of the session's schedule, no story's headline
_TIME_SLOT = re.compile(r"^\d{1,2}[:：]\d{2}\s*(?:[—–~-]{1,2}|至|到)\s*\d{1,2}[:：]\d{2}")


def _candidates(rows: list[Row]) -> list[int]:
    """Rows that could open a sub-section: headline-shaped, after a finished paragraph, followed by text.

    A paragraph is finished by a sentence end, or by a colon announcing what follows (``获奖名单如下：``).
    """
    out = []
    for i in range(len(rows) - 1):
        row = rows[i]
        # (a table's row, 1  项目名称  承担单位  负责人, a programme's time slot and an attachment's heading head no
        # story)
        shaped = row.listed or (
            headline_shaped(row.text)
            and not _TIME_SLOT.match(row.text)
            and not is_table_row(row.text)
            and not _ATTACHMENT.match(row.text)
        )
        if i == 0:
            if (row.dated or _BRACKETED.fullmatch(row.text)) and shaped:
                out.append(i)  # a dated or bracketed story right under the issue's masthead or section
            continue
        before = rows[i - 1].text
        prior = rows[i - 2].text if i >= 2 else ""
        # a reference line (DOI: 10.1021/…, a link) closes a story as a full stop does
        finished = ends_sentence(before) or before.endswith(("：", ":")) or bool(_REFERENCE_LINE.match(before))
        # (a brief's closing citation, its DOI wrapped: "L Ruiz et al, Nat. Catal., 2027, DOI: 10.1038/s41929-027-" /
        # "01422-7")
        finished = finished or bool(_CITED_DOI.search(before) or (" " not in before and _CITED_DOI.search(prior)))
        # (and a table's last row set off by a blank line: the next list's title follows)
        finished = finished or (row.blank_before and is_table_row(before))
        # (a news list's dated entry opens a story whatever stands above it: the page's masthead, a tagline)
        if (finished or row.listed) and shaped and not is_doc_number(row.text):
            out.append(i)
    return out


def _hanging_entry(body: list[Row], i: int) -> bool:
    """``body[i]`` is a list entry wrapped with a hanging indent (• Dr X (School of Ocean and / ⎵⎵Climate Sciences)
    received …): its text goes on on the next line set in by spaces, so it heads nothing."""
    if i + 1 >= len(body) or body[i + 1].blank_before:
        return False
    nxt = body[i + 1]
    return nxt.raw.startswith("  ") and not bullet_heading(nxt.text)


def _subheads(
    body: list[Row],
    title: str,
    whole_issue: bool = False,
    bracketed: bool = False,
    listed: bool = False,
    digest: bool = False,
) -> list[int]:
    """Indices (into ``body``) of the rows that open sub-items.

    ``whole_issue``: the body is a whole issue without closing lines (no article level), whose numbered headlines
    (1. New telescope sees first light) are its news items, unless they read as the sections of one report.
    """
    bullets = [i for i, row in enumerate(body) if bullet_heading(row.text) and not _hanging_entry(body, i)]
    if bullets:
        return bullets
    labelled = labelled_sections([row.text for row in body])
    if labelled:
        return labelled
    chapter = numbering(title)
    if chapter and _ACHIEVEMENTS_CHAPTER.search(chapter[1]):
        # 三、年度科研成果 over （一）…研制出… (二)…: a report's chapter of achievements, cut out of the report by its
        # pages; each numbered section (even a single one) is an achievement of its own
        sections = [
            i
            for i, row in enumerate(body)
            if numbered_heading(row.text)
            and (numbering(row.text) or ("", ""))[0] != chapter[0]
            and (i == 0 or row.blank_before or ends_sentence(body[i - 1].text))
        ]
        styles = {(numbering(body[i].text) or ("", ""))[0] for i in sections}
        if sections and len(styles) == 1:
            return sections
    width = typical_width([row.text for row in body])
    chapters = [row for row in body if is_numbered(row.text) and display_width(row.text) < _SHORT * width]
    if len(chapters) >= 2:
        # numbered headings are chapters of one document, unless the article announces a list of achievements or
        # is a digest of stories (科研成果月报: 一、…团队在PNAS发表… 二、…获青年科技奖)
        if _LIST_TITLE.search(title) or _DIGEST_TITLE.search(title):
            return _numbered_entries(body)
        if whole_issue:
            entries = _numbered_entries(body)
            generic = sum(1 for i in entries if _GENERIC_SECTION.match((numbering(body[i].text) or ("", ""))[1]))
            return entries if entries and 2 * generic < len(entries) else []
        return []
    candidates = _candidates(body)
    if digest:
        # (under a digest's label, NEWS IN BRIEF, every headline set off by a blank line opens a brief of its own,
        # however wide)
        briefs = [i for i in candidates if body[i].blank_before and not _GENERIC_SECTION.match(body[i].text)]
        if briefs:
            return briefs
    strict = [
        i
        for i in candidates
        if _strict_subhead(body[i], width)
        or _opens_news(body[i], body[i + 1])
        or body[i].dated is not None
        or body[i].listed
        or _BRACKETED.fullmatch(body[i].text)
        or _titles_table(body, i)
    ]
    # one sub-headline is a section of the article, unless the issue has no article level and the line opens news
    # or the first text of a page: then it is the next item's headline
    single = (
        whole_issue
        and len(strict) == 1
        and (
            body[strict[0]].after_page_break
            or body[strict[0]].dated is not None
            or _opens_news(body[strict[0]], body[strict[0] + 1])
        )
    )
    # under a headline in 【】, one more such line is the next story's headline
    single = single or (bracketed and len(strict) == 1 and bool(_BRACKETED.fullmatch(body[strict[0]].text)))
    # (under a news list's or a feed's entry headline, one more such line opens the next entry)
    single = single or (listed and len(strict) == 1 and body[strict[0]].listed)
    if len(strict) < 2 and not single:
        return []
    heads = [i for i in candidates if i in strict or _lenient_subhead(body[i], body[i + 1])]
    if 2 * sum(1 for i in heads if _GENERIC_SECTION.match(body[i].text)) >= len(heads):
        return []  # "研究背景", "主要发现": the sections of one report, not separate achievements
    return heads


#: a section banner set in from the margin is at most this long (高校科研成果, 成果转化)
_BANNER_CHARS = 12
#: a numbered heading at most this long names a column of the issue (一、科研成果, 三、获奖信息), not an achievement
_COLUMN_NAME = 8


def _column(row: Row) -> str | None:
    """The column a numbered heading set off by a blank line names (科研成果 for 一、科研成果), else None."""
    numbered = numbering(row.text)
    if not row.blank_before or not numbered or not 2 <= len(numbered[1]) <= _COLUMN_NAME:
        return None
    return numbered[1]


def _stories(rows: list[Row]) -> list[int]:
    """Headlines of the stories under a column heading (``rows``: what follows the heading): the first row when it
    is a headline with text right under it, and each later headline after a finished paragraph, set off by a blank
    line or a page break, with text right under it. Empty when the column opens with text."""
    if len(rows) < 3:
        return []
    width = typical_width([row.text for row in rows])

    def opens(i: int) -> bool:
        row = rows[i]
        set_off = i == 0 or row.blank_before or row.after_page_break
        # a line as wide as the text was wrapped, whatever its punctuation: it is not a headline
        ended = display_width(row.text) < _FULL * width
        return (
            set_off
            and ended
            and headline_shaped(row.text)
            and not rows[i + 1].blank_before
            and not is_doc_number(row.text)
        )

    if not opens(0):
        return []
    later = [i for i in _candidates(rows) if i > 0 and opens(i)]
    # a lone first line as wide as the text may be the text's first line: only a short one is a headline alone
    if not later and display_width(rows[0].text) >= _SHORT * width:
        return []
    return [0, *later]


def _columns(content: list[Row]) -> list[tuple[Row | None, list[Row]]]:
    """An article cut at its column headings (一、科研成果 … 二、获奖信息), when at least one column holds stories
    with headlines of their own: (column heading, rows under it), what comes before the first heading with heading
    None. Otherwise the whole article, as one part: numbered headings are then chapters of one document."""
    starts = [i for i, row in enumerate(content) if _column(row)]
    bounds = [*starts, len(content)]
    parts = [(content[a], content[a + 1 : b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    if not any(_stories(rows) for _, rows in parts):
        return [(None, content)]
    lead: list[tuple[Row | None, list[Row]]] = [(None, content[: starts[0]])] if starts[0] else []
    return lead + parts


def _numbered_entries(body: list[Row]) -> list[int]:
    """Numbered headings of one style (the first one's) that open entries of a list article."""
    starts = [
        i
        for i, row in enumerate(body)
        if numbered_heading(row.text)
        and (i == 0 or row.blank_before or ends_sentence(body[i - 1].text))
        # (一、省自然科学奖一等奖 over a table's header row names the prize of the rows below: a group of the list
        # the article prints, as a label between rows does, and no entry of its own)
        and not (i + 1 < len(body) and is_header_line(body[i + 1].text))
    ]
    if not starts:
        return []
    styles = {i: (numbering(body[i].text) or ("", ""))[0] for i in starts}
    same = [i for i in starts if styles[i] == styles[starts[0]]]
    return same if len(same) >= 2 else []


#: a field of an event's notice (时间：… 地点：…, Venue: …): the heading above it is the notice's own, no banner
_EVENT_FIELD = re.compile(
    r"^(?:时间|地点|主持人?|报告人|主讲人|日期|会场|Time|Date|Venue|Location|Chair|Speaker)\s*[:：]", re.I
)


def _is_banner(rows: list[Row], head: int) -> bool:
    """A one-line head followed at once by another headline is a section banner."""
    if head != 1 or len(rows) < 3 or bullet_heading(rows[1].text):
        return False
    nxt = rows[1]
    if not nxt.blank_before or not headline_shaped(nxt.text) or is_doc_number(nxt.text) or _EVENT_FIELD.match(nxt.text):
        return False
    if announces_digest(rows[0].text) and (not rows[2].blank_before or not headline_shaped(rows[2].text)):
        return True  # (a digest's label over its first brief's headline: NEWS IN BRIEF / Enzyme duo unzips …)
    if _metadata_row(nxt.text):
        return False  # (a page's metadata line under its headline, 发布时间：… 来源：…, set off by a blank line)
    width = typical_width([row.text for row in rows[2:12]])
    # the next line ends as headlines do, or begins a headline wrapped over several lines
    if cjk_trailing_space(nxt.raw) or display_width(nxt.text) < _SHORT * width or _head(rows[1:]) > 1:
        return True
    # a short label in 【】 over a headline set off by a blank line names its section, however long the headline
    if _BRACKETED.fullmatch(rows[0].text) and len(rows[0].text) <= _BANNER_CHARS + 2:
        return True
    # a short line set in from the margin (" 高校科研成果") names a column, whatever the headline under it looks like
    first = rows[0]
    return first.raw[:1].isspace() and len(first.text) <= _BANNER_CHARS and len(first.text) * 2 <= len(nxt.text)


def _title(rows: Sequence[Row], strip_number: bool = False) -> str:
    text = join_wrapped([row.text for row in rows]).replace("\n", "")
    heading = bullet_heading(text)
    numbered = numbering(text) if strip_number else None
    if numbered and numbered[1]:
        heading = numbered[1]
    title = despace_letterspaced(heading or text).strip()
    bracketed = _BRACKETED.fullmatch(title)
    return bracketed.group(1).strip() if bracketed else title


def _source(closing: list[Row], year: int | None) -> tuple[str | None, str | None]:
    """Publisher and ISO date of the article's source line, if it has one."""
    for row in closing:
        if row.closer != "source":
            continue
        return split_source(source_body(row.text), year)
    return None, None


def segments(text: str) -> list[Segment]:
    """The items of a newsletter issue, with their line ranges."""
    lines = text.splitlines()
    year = issue_year(lines)
    rows = _rows(lines, year)
    out: list[Segment] = []
    section: str | None = None
    banner: str | None = None
    cites: str | None = None
    for article, closing in _articles(rows):
        if not article:
            continue
        publisher, source_date = _source(closing, year)
        columns = _columns(article)
        if columns[0][0] is not None or len(columns) > 1:
            out.extend(_column_segments(columns, closing, publisher, source_date, year))
            # the articles after it, up to the next column heading, stand in the last column
            last = columns[-1][0]
            section = banner = _column(last) if last is not None else None
            cites = None
            continue
        content = article
        head = _head(content)
        # (a masthead over a column label over the first headline: Research Matters / IN BRIEF / New test …)
        banners: list[Row] = []
        while _is_banner(content, head):
            banners.append(content[0])
            # (◎ 科研进展, ■ 获奖信息: the mark before a banner is no part of its name)
            section = banner = _title(content[:1]).lstrip("◎●■◆▶◇□○•· ")
            content = content[1:]
            head = _head(content)
            # what the column's articles cite: a dated source (来源：文汇报，3 月 5 日), or a source at all
            cites = "dated" if source_date else "source" if publisher else None
        if section != banner and (cites == "dated" and source_date is None or cites == "source" and not publisher):
            section = None  # an article that does not cite as the column's articles do has left the column
        last_line = (closing or content)[-1].index + 1
        whole_issue = not closing and not any(row.closer for row in rows)
        parts = _split_article(content, head, last_line, section, publisher, source_date, year, whole_issue)
        if not out and len(banners) > 1:
            # the issue's masthead over its first column (Research Matters - the University of X newsletter / IN
            # BRIEF) opens the first story's text: it names who publishes the issue
            parts[0].body = _lines(banners) + parts[0].body
            parts[0].first_line = banners[0].index + 1
        # a contributor byline names people and units (not researchers of the news): it stays in the text, at the
        # end of the part it closes, so extraction sees it for what it is; a source line is metadata only
        parts[-1].byline = [row.text for row in closing if row.closer == "byline"]
        out.extend(parts)
        banner = None
    if not any(row.closer for row in rows):
        # without closing lines an issue shows no article level above its headlines: each one is an item of its own
        for seg in out:
            seg.parent_title = None
    return out


def _lines(rows: Sequence[Row]) -> list[str]:
    """The rows as printed (indentation kept: it can mark a new paragraph)."""
    return [row.raw.rstrip() for row in rows]


def _split_article(
    content: list[Row],
    head: int,
    last_line: int,
    section: str | None,
    publisher: str | None,
    source_date: str | None,
    year: int | None,
    whole_issue: bool = False,
) -> list[Segment]:
    title = _title(content[:head])
    body = content[head:]
    # (a web page's metadata line under the headline, 发布时间：… 来源：… 作者：…, dates the item and is no text of it:
    # its author wrote the report)
    if body and _metadata_row(body[0].text):
        source_date = source_date or first_event_date(body[0].text, year)
        body = body[1:]
    # 【1】… over its text and 【2】…: the headline is the first of the brief's numbered entries, each a story
    entries = labelled_sections([row.text for row in content[:1] + body]) if head == 1 else []
    labelled = bool(entries) and entries[0] == 0
    subheads = (
        [i - 1 for i in entries[1:]]
        if labelled
        else _subheads(
            body,
            title,
            whole_issue,
            bool(_BRACKETED.fullmatch(content[0].text)),
            content[0].listed,
            digest=announces_digest(section or "") or announces_digest(title),
        )
    )
    if not subheads:
        date = source_date or content[0].dated or first_event_date("".join(row.text for row in body), year)
        return [Segment(title, content[0].index + 1, last_line, _lines(body), None, section, publisher, date)]
    out: list[Segment] = []
    intro = body[: subheads[0]]
    intro_date = source_date or content[0].dated or first_event_date("".join(row.text for row in intro), year)
    if intro:
        out.append(
            Segment(
                title,
                content[0].index + 1,
                intro[-1].index + 1,
                _lines(intro),
                None,
                section,
                publisher,
                intro_date,
            )
        )
    # 【A】 … 【B】 …: headlines set alike are siblings, not an article and its sections
    siblings = labelled or (
        head == 1 and all(_BRACKETED.fullmatch(row.text) for row in [content[0], *(body[i] for i in subheads)])
    )
    bounds = [*subheads, len(body)]
    for number, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        rows = body[start:end]
        first = content[0].index + 1 if number == 0 and not intro else rows[0].index + 1
        last = last_line if end == len(body) else rows[-1].index + 1
        own = first_event_date("".join(row.text for row in rows[1:]), year)
        seg = Segment(
            _title(rows[:1], strip_number=True),
            first,
            last,
            _lines(rows[1:]),
            None if siblings else title,
            section,
            publisher,
            rows[0].dated or intro_date or own,
        )
        out.append(seg)
    return out


def _column_segments(
    columns: list[tuple[Row | None, list[Row]]],
    closing: list[Row],
    publisher: str | None,
    source_date: str | None,
    year: int | None,
) -> list[Segment]:
    """The items of an article cut into columns: one per story of a column with stories, the column itself (titled
    with its name) when it opens with text, and what stands before the first column as an article of its own."""
    out: list[Segment] = []
    last_line = (closing or [row for _, rows in columns for row in rows])[-1].index + 1
    for number, (heading, rows) in enumerate(columns):
        if not rows:
            continue
        last = last_line if number == len(columns) - 1 else rows[-1].index + 1
        column = _column(heading) if heading else None
        stories = _stories(rows) if column else []
        if heading and column and not stories:
            date = source_date or first_event_date("".join(row.text for row in rows), year)
            out.append(Segment(column, heading.index + 1, last, _lines(rows), None, None, publisher, date))
            continue
        if not column:
            head = _head(rows)
            out.extend(_split_article(rows, head, last, None, publisher, source_date, year))
            continue
        bounds = [*stories, len(rows)]
        for start, end in zip(bounds, bounds[1:], strict=False):
            part = rows[start:end]
            date = source_date or part[0].dated or first_event_date("".join(row.text for row in part[1:]), year)
            end_line = last if end == len(rows) else part[-1].index + 1
            out.append(
                Segment(_title(part[:1]), part[0].index + 1, end_line, _lines(part[1:]), None, column, publisher, date)
            )
    if out:
        out[-1].byline = [row.text for row in closing if row.closer == "byline"]
    return out


def segment_newsletter(text: str, file: str | None = None) -> Iterator[NewsItem]:
    """The news items of a newsletter issue, in order (items without a body are left out)."""
    for seg in segments(text):
        body = join_wrapped(seg.body)
        if not body.strip():
            continue
        if seg.byline:
            body = f"{body}\n{join_wrapped(seg.byline)}"
        yield make_item(
            seg.title,
            body,
            date=seg.date,
            source=seg.source,
            section=seg.section,
            file=file,
            parent_title=seg.parent_title,
        )
