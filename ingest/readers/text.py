"""Plain text: a newsletter issue (split into items) or one press release saved as text (one item).

Which one a file is, is detected from layout cues: page numbers with running headers, several source or byline
lines, or a long text with several headlines. A press release saved from a web page brings leftovers of the page
(image captions, credits, bylines, share and print links, stray tags): they are dropped, the headline is the first
non-empty line and the rest is the body. A masthead above the headline (a release label and its block, or the
issuer's name over a line dating the page) is neither: it dates the item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Literal

from ingest.readers.date_blocks import dated_blocks
from ingest.readers.item_furniture import drop_page_furniture, is_running_head, lead_furniture, title_like
from ingest.readers.linked_stories import linked_stories
from ingest.readers.mail_headers import MAIL_DATE
from ingest.readers.markdown import strip_bold
from ingest.readers.microblog import microblog_posts
from ingest.readers.numbered_markers import numbered_headlines
from ingest.readers.page_turns import PAGE_LABEL_LINE, join_page_turns
from ingest.readers.rubric_digest import rubric_headlines
from ingest.readers.template_parts import template_parts
from ingest.segment import announces_digest, announces_list, labelled_sections, segment_newsletter, segments
from ingest.segment_dates import feed_header, find_dates, first_event_date, parse_date, split_source
from ingest.segment_items import make_item
from ingest.segment_lines import (
    bullet_heading,
    closer_kind,
    display_width,
    ends_sentence,
    furniture_rows,
    headline_shaped,
    is_contents_line,
    is_doc_number,
    is_header_row,
    is_indented,
    is_issue_line,
    is_page_number,
    is_rule,
    join_wrapped,
    run_in_bullet,
    source_body,
    typical_width,
)
from kg.model import NewsItem

Kind = Literal["newsletter", "item"]

_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_LEFTOVER = re.compile(
    r"^(?:图为|图[:：]|图片[:：]|图片来源|（图片|\(图片|资料图|供图[:：]"
    r"|\(?(?:Photo|Image|Picture)s?\b.*$|Image credit|Photo credit|Credit[:：]"
    r"|记者\s|本报记者|通讯员\s|文[/／:：]|文字[:：]|摄影[:：]|撰稿[:：]|By\s+[A-Z]|BY\s+[A-Z]"
    r"|责任编辑|编辑[:：]|审核[:：]|校对[:：]|Editor[:：]|Edited by"
    r"|分享到|Share\b|Tweet\b|扫一扫|二维码|阅读次数|浏览次数|点击[:：]"
    # a wire release's furniture: its release line, press contacts and end mark
    r"|FOR IMMEDIATE RELEASE|(?i:embargoed\b)|(?i:(?:media|press)\s+contacts?\b)|Contacts?[:：]|新闻联系人|媒体联系"
    r"|#{3,}\s*$|-30-\s*$"
    # (a newswire's closing line naming the issuer: SOURCE Northvale University)
    r"|SOURCE\s+[A-Z]"
    # (a scholarly site's name standing alone over the profile or record it shows)
    r"|(?:Google Scholar|Semantic Scholar|ResearchGate|ORCID|Web of Science|Scopus|PubMed|百度学术|中国知网|CNKI)$)",
)
_NAV_WORD = re.compile(
    r"[【\[]?\s*(?:返回顶部|返回列表|返回|打印本页|打印|关闭窗口|关闭|分享|收藏|上一篇|下一篇"
    r"|首页|菜单|搜索|Skip to (?:main )?content|Back to top|Back|Print|Close|Share|Top|Home|Menu|Search"
    # (a share bar's targets, on a line of their own)
    r"|Facebook|Twitter|LinkedIn|E-?mail|WhatsApp|Reddit|Bluesky|微信|微博|QQ空间)"
    r"\s*[】\]]?",
    re.I,
)
#: where a saved page's article ends and its lists of other links begin
_TAIL = re.compile(
    r"^[【\[]?\s*(?:相关新闻|相关阅读|相关链接|推荐阅读|延伸阅读|热点新闻|更多新闻|往期推荐|往期回顾|往期精彩|精彩回顾"
    r"|Related (?:articles|stories|news|content)|More (?:news|stories)|Read more|You may also like)\s*[】\]:：]?\s*$",
    re.I,
)
_BREADCRUMB = re.compile(r"^[^。，,.!?！？]{1,12}(?:\s*[|｜>›»/]\s*[^。，,.!?！？|｜>›»/]{1,12}){1,6}$")
_META_FIELD = re.compile(
    r"(?P<key>发布时间|发布日期|时间|日期|来源|信息来源|作者|浏览次数|点击数|Published|Posted(?:\s+On)?|Date|Source|Author)"
    r"\s*[:：]\s*(?P<value>.+?)(?=\s{2,}|\u3000|$|(?:\s+(?:发布时间|发布日期|来源|作者|浏览次数|点击数|Source|Author)\s*[:：]))",
    re.I,
)
_META_LINE = re.compile(
    r"^(?:发布时间|发布日期|时间|日期|来源|信息来源|作者|浏览次数|点击数|Published|Posted(?:\s+On)?|Date|Source|Author)"
    r"\s*[:：]|^已有\s*\d+\s*次阅读",
    re.I,
)
#: the mark opening a WeChat post's line under its title (原创 <author> <account> 2027年07月09日 18:02 <place>): the
#: line names who posts (the account, what 我校 means), the mark is no part of a name
_ORIGINAL_MARK = re.compile(r"^原创[^\S\n]+(?=[^\n]{0,60}(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)", re.M)
#: a posting line right under a page's headline, its own masthead above (Posted On: 04 JUL 2025 by …, 已有 312 次阅读 …)
_POSTING_LINE = re.compile(r"^(?:Posted\s+On\s*:|Published\s+on\s*:|已有\s*\d+\s*次阅读)", re.I)
#: the most lines a page prints above such a headline (the issuer's names, a menu, a blogger's line)
_POSTED_HEAD_ROWS = 8
_DATE_KEYS = {"发布时间", "发布日期", "时间", "日期", "published", "posted", "posted on", "date"}
_SOURCE_KEYS = {"来源", "信息来源", "source"}


#: the least text under a digest's headline that makes it a story
_STORY_CHARS = 80
#: the lines at a page's head that can name it a list or a digest: its title, its column and its issue
_HEAD_LINES = 3


def detect_kind(text: str) -> Kind:
    """'newsletter' when the text shows the layout of an issue, else 'item'."""
    lines = text.splitlines()
    furniture = furniture_rows(lines)
    page_numbers = sum(1 for i in furniture if is_page_number(lines[i].strip()))
    filled = [line.strip() for line in lines if line.strip()]
    # a source line above the first sentence is the page's metadata under its headline (来源：湖北日报 2025-11-22,
    # under a site's menu and trail too), no article's end
    body = next((i for i, line in enumerate(filled) if ends_sentence(line)), len(filled))
    closers = sum(1 for i, line in enumerate(filled) if (kind := closer_kind(line)) and (kind != "source" or i > body))
    # an issue line, a running header set in columns or a table of contents: the layout of an issue
    layout = sum(
        1 for i in furniture if is_issue_line(t := lines[i].strip()) or is_header_row(t) or is_contents_line(t)
    )
    if page_numbers >= 1:
        return "newsletter"
    found: list[list[int]] = []  # segmenting is the costly test: done once, and only when a cue asks for it

    def sizes() -> list[int]:
        if not found:
            found.append([sum(len(line) for line in seg.body) for seg in segments(text)])
        return found[0]

    def items() -> int:
        return len(sizes())

    if (closers >= 2 or layout >= 1) and items() >= 2:
        return "newsletter"
    # a social feed copied as text: one item per post (Ana Ruizo • 1st / … / Kofi Mensar • Following / …)
    if sum(1 for line in lines if feed_header(line.strip())) >= 2 and items() >= 2:
        return "newsletter"
    # 【成果一】… 【成果二】…: sections numbered inside a common label, each an achievement of its own
    if labelled_sections(lines) and items() >= 2:
        return "newsletter"
    # the page's first lines past its furniture (a running head, a site's name over its trail, 发布时间：…): the
    # title, and the column or the issue it appears in (【科研进展】2027年第3期)
    # (a generator cut at the first few: the tests run per line, and only a page's head is wanted)
    top = list(
        islice(
            (
                t
                for i, line in enumerate(lines)
                if (t := line.strip())
                and i not in furniture
                and not _leftover(t)
                and not is_meta_line(t)
                and not is_running_head(t)
            ),
            _HEAD_LINES,
        )
    )
    # (past the title, only a title-like line that dates no day: a column's issue, not a dated masthead or a sentence)
    heads = top[:1] + [t for t in top[1:] if title_like(t) and not any(d.has_day for d in find_dates(t))]
    # "2025年度中国生命科学十大进展揭晓" and one headed section per advance: a list whose entries are items
    if (len(text) > 8000 or any(map(announces_list, heads[:1]))) and items() >= 3:
        return "newsletter"
    # "Research highlights": a digest whose headlines each stand over a story (not over a one-line list entry)
    if any(map(announces_digest, heads)):
        stories = sum(1 for size in sizes() if size >= _STORY_CHARS)
        # (entries marked as such, ● or "* Heading - text.", are a digest's: two of them make one)
        marked = sum(1 for line in lines if bullet_heading(t := line.strip()) or run_in_bullet(t))
        if stories >= 3 or (stories >= 2 and marked >= 2):
            return "newsletter"
    return "item"


def _printed(raw: str) -> str:
    """A line as the page prints it: tags and non-breaking spaces gone, indentation kept."""
    return _TAG.sub(" ", raw).replace("&nbsp;", " ").rstrip()


def _leftover(line: str) -> bool:
    """A stripped line that is a leftover of the web page (caption, credit, navigation, breadcrumb), no text."""
    if _LEFTOVER.match(line) or not _NAV_WORD.sub("", line).strip(" |｜/\u3000"):
        return True
    return bool(_BREADCRUMB.match(line)) and len(line) <= 60


#: a navigation trail's separator, and the most lines a site's masthead has above it
_SITE_TRAIL = re.compile(r"\S\s*[>›»]\s*\S")
_SITE_ROWS = 2
#: a trail that opens at the site's home, whatever its separator (Home / Research / Diagnostics, 首页 | 新闻)
_HOME_TRAIL = re.compile(
    r"^(?:Home|Homepage|首页|主页|网站首页|当前位置\s*[:：]?|您的位置\s*[:：]?|You are here\s*:?)\s*[/>›»|｜·]\s*\S",
    re.I,
)
#: a site's menu bar: short fields set apart by wide spaces or bars (Home   About   Programme, News | Opinion | Sports)
_MENU_FIELDS = re.compile(r"\s{2,}|\u3000+|\s*[|｜·•]\s*")
_MENU_ENTRIES = 4
_MENU_ENTRY_CHARS = 25
_MENU_WORD = re.compile(
    r"^(?:Home|About(?: us)?|News|Newsroom|Contact(?: us)?|Events?|Research|Programme|Program|Registration|Search|Menu"
    r"|首页|新闻|新闻动态|关于|关于我们|联系我们|综合|概况|学术活动)$",
    re.I,
)


def is_site_menu(line: str) -> bool:
    """A site's menu bar copied with its page: four short entries or more set apart by wide spaces or bars, one of
    them a menu's usual entry (Home, News, About, 首页, 新闻), no sentence among them."""
    fields = [f for f in _MENU_FIELDS.split(line) if f]
    if len(fields) < _MENU_ENTRIES or ends_sentence(line):
        return False
    if any(len(f) > _MENU_ENTRY_CHARS or len(f.split()) > 4 for f in fields):
        return False
    return any(_MENU_WORD.match(f) for f in fields)


def _site_head(line: str) -> bool:
    """A line that closes a page's masthead: its navigation trail or its menu bar."""
    return bool(_SITE_TRAIL.search(line) or _HOME_TRAIL.match(line)) or is_site_menu(line)


#: a field of a page's table copied as "label<tab>value" (依托单位<tab>某大学, 项目负责人<tab>某某)
_TAB_FIELD = re.compile(
    r"^(?P<key>\s*[\u4e00-\u9fff]{0,6}(?:单位|机构|负责人|主持人|职称|职务|编号|批准号|分类|学科|领域|金额|类别|类型|期限"
    r"|名称|题目|主题词|关键词|日期|时间|来源|作者|地址|邮箱|电话))\t+(?=[^\t\s][^\t]*$)"
)


def clean_item_lines(text: str) -> list[str]:
    """The lines of a single item with tags and web-page leftovers removed; a field copied from a page's table as
    ``label<tab>value`` is written ``label：value``, as the rules read fields (the tab would be lost with the other
    white space, running the label into its value: 依托单位 某大学)."""
    out: list[str] = []
    trail: int | None = None
    posted: int | None = None
    filled = 0  # (rows kept so far that hold text: counted as they come, the head rules ask at every line)
    for raw in text.splitlines():
        printed = _printed(raw)
        # (a label names a field by its kind: 依托单位, 项目负责人, 批准号; a wrapped table row's end is none)
        if "\t" in printed:
            printed = _TAB_FIELD.sub(r"\g<key>：", printed)
        line = printed.strip()
        if not line or is_rule(line):
            out.append("")
            continue
        if _TAIL.match(line):
            break
        head = filled <= _SITE_ROWS and _site_head(line)
        if head or _leftover(line) or is_meta_line(line):
            if head:
                trail = len(out)
            # (a posting line right under the headline: what the page prints above it is its masthead)
            elif (
                posted is None and _POSTING_LINE.match(line) and out and out[-1].strip() and filled <= _POSTED_HEAD_ROWS
            ):
                posted = len(out) - 1
            continue
        out.append(printed)  # indentation kept: it marks paragraphs
        filled += 1
    # a site's name over its navigation trail (某某研究所 / 首页 > 新闻动态 > … / headline) is the page's masthead;
    # a headline over the trail (… 网络投票 / 首页 > 通知公告 > 正文 / 发布时间：…) stays
    if posted is not None and title_like(out[posted].strip()):
        return out[posted:]
    below = next((line.strip() for line in out[trail:] if line.strip()), "") if trail is not None else ""
    if below and title_like(below):
        return out[trail:]
    return out


def is_meta_line(line: str) -> bool:
    """A metadata line of a saved page (``发布时间：2026-04-08 来源：物理学院``)."""
    return bool(_META_LINE.match(line)) and len(line) <= 100


def item_metadata(text: str) -> tuple[str | None, str | None]:
    """Date and source from the metadata lines of a saved page (``发布时间：… 来源：…``)."""
    date: str | None = None
    source: str | None = None
    for raw in text.splitlines()[:30]:
        line = raw.strip()
        if not is_meta_line(line):
            continue
        for match in _META_FIELD.finditer(line):
            key, value = match["key"].lower(), match["value"].strip()
            if key in _DATE_KEYS and date is None:
                date = parse_date(value)
            elif key in _SOURCE_KEYS and source is None:
                source = value
    return date, source


#: the label over a release's masthead (PRESS RELEASE, Media release, Pressemitteilung, 新闻稿)
_RELEASE_LABEL = re.compile(
    r"^(?:(?:press|news|media)\s+release|pressemitteilung|communiqué de presse|news|press|新闻稿|新闻发布)\s*[:：]?"
    # (a wire service dates its label: NEWS RELEASE 14-APR-2027)
    r"(?:\s+\d{1,2}[-\s][A-Za-z]{3,9}[-\s](?:19|20)\d{2})?$",
    re.I,
)
#: a line in capitals: an issuing body's name in a release's masthead, no headline
_CAPITALS = re.compile(r"^[^a-z]*$")
#: a masthead block is at most this many lines (label, issuing body, place and date)
_MASTHEAD_ROWS = 4


def _headline_row(lines: list[str]) -> int:
    """Where the headline is: the first non-blank line, or the first line after a release's masthead block
    (PRESS RELEASE / issuing body / Bremen, 12.06.2026) set off by a blank line above the headline."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    # (a magazine's running head, the page's date, a label in capitals: furniture above the headline)
    first = lead_furniture(lines, first)
    if first == len(lines) or not _RELEASE_LABEL.match(lines[first].strip()):
        return first
    end = next((i for i in range(first, len(lines)) if not lines[i].strip()), len(lines))
    if end - first <= _MASTHEAD_ROWS and not any(ends_sentence(line.strip()) for line in lines[first + 1 : end]):
        head = next((i for i in range(end, len(lines)) if lines[i].strip()), len(lines))
        if head < len(lines) and headline_shaped(lines[head].strip()):
            return head
    # (else the headline right under the label, the issuer's name below it: NEWS RELEASE … / headline / UNIVERSITY)
    if first + 1 < len(lines) and title_like(lines[first + 1].strip()) and not _CAPITALS.match(lines[first + 1]):
        return first + 1
    return first


#: a page's masthead names its issuer on at most this many lines (星河大学 / 新闻网), each at most this long
_MASTHEAD_NAMES = 2
_MASTHEAD_NAME_CHARS = 30
#: what a masthead's date line may hold besides its date and fields (a place, a publisher), at most
_DATE_LINE_REST = 30
# (a page prints the time beside the date: 2026年03月12日 18:30)
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
# a comma or a full stop left beside the date makes the line a sentence that mentions a day, no date line
_DATE_LINE_PUNCT = re.compile(r"[，。；！？,;!?]")


@dataclass(frozen=True)
class _Masthead:
    """The lines a page opens with above its headline: the issuer's name over a line dating the page."""

    #: the index of the first line after the date line
    end: int
    date: str
    source: str | None


def _date_line(line: str) -> tuple[str, str | None] | None:
    """(ISO date, source) of a line that dates a page (``2026-03-02  来源：星河大学新闻网``, ``发布时间：2026年3月2日``,
    ``Northvale University News | 2 March 2026``): a date, its fields and at most a short name, no sentence."""
    if len(line) > 100 or ends_sentence(line):
        return None
    dates = find_dates(line)
    if not dates:
        return None
    fields = list(_META_FIELD.finditer(line))
    source = next((m["value"].strip() for m in fields if m["key"].lower() in _SOURCE_KEYS), None)
    # what is left once the date, the time, the fields' keys and the source named in a field are taken out
    taken = bytearray(len(line))
    spans = [(d.start, d.end) for d in dates] + [m.span() for m in _CLOCK.finditer(line)]
    spans += [m.span() if m["key"].lower() in _SOURCE_KEYS else m.span("key") for m in fields]
    for a, b in spans:
        taken[a:b] = b"\x01" * (b - a)
    rest = "".join(ch for ch, t in zip(line, taken, strict=True) if not t).strip(" |｜/:：\u3000")
    if len(rest) > _DATE_LINE_REST or _DATE_LINE_PUNCT.search(rest):
        return None
    return dates[0].iso, source


def _dated_masthead(lines: list[str]) -> _Masthead | None:
    """The masthead of a page that opens with its issuer's name over a line dating it, above the headline
    (星河大学 / 2026-03-02  来源：星河大学新闻网 / 【科研进展】…团队在…取得新进展); None when the first line is the
    headline. The name is short and the headline below the date line is wider than it, with text under it: under a
    headline dated so, a shorter line (【导读】) or a paragraph opens the text."""
    rows = [(i, line) for i, raw in enumerate(lines) if (line := _printed(raw).strip()) and not _leftover(line)]
    for names in range(1, _MASTHEAD_NAMES + 1):
        if len(rows) < names + 3:
            return None
        name = [line for _, line in rows[:names]]
        if not all(len(t) <= _MASTHEAD_NAME_CHARS and headline_shaped(t) and not find_dates(t) for t in name):
            return None
        at, dated = rows[names]
        found = _date_line(dated)
        if found is None:
            continue
        # (a newspaper's page label under its date line: 第1版　要闻)
        labels = 1 if PAGE_LABEL_LINE.match(rows[names + 1][1]) else 0
        at = rows[names + labels][0]
        if len(rows) < names + labels + 3:
            return None
        head = rows[names + labels + 1][1]
        widest = max(display_width(t) for t in name)
        if headline_shaped(head) and _date_line(head) is None and display_width(head) > widest:
            return _Masthead(at + 1, *found)
        return None
    return None


#: a field of a record printed as key-value lines (Project Number: …, Title: …, 项目名称：…)
_RECORD_FIELD = re.compile(r"^(?P<key>[A-Z][A-Za-z /&()-]{1,40}|[\u4e00-\u9fff]{2,8})\s*[:：]\s*(?P<value>\S.*)$")
#: a page's label: the page's kind and the site apart by a bar (Project Details | Grant Finder)
_BAR_LABEL = re.compile(r"\S\s+[|｜]\s+\S")
_TITLE_KEYS = {"title", "project title", "paper title", "题目", "标题", "项目名称", "论文题目"}
#: a record's fields stand among its first lines; this many make the text a record
_RECORD_LINES = 12
_RECORD_FIELDS = 3


def _record_title(lines: list[str]) -> str | None:
    """The title field of a database page that opens as a record under the page's label (``Project Details | Grant
    Finder`` / Project Number: … / Title: … / Contact PI: …): it names the item better than the label. None for
    any other text: a notice's own headline over its fields (答辩公告 / 论文题目：…) stays its title."""
    filled = list(islice((t for line in lines if (t := line.strip())), _RECORD_LINES + 1))
    if len(filled) < 2 or not _BAR_LABEL.search(filled[0]) or not _RECORD_FIELD.match(filled[1]):
        return None
    fields = [match for line in filled[1:] if (match := _RECORD_FIELD.match(line))]
    if len(fields) < _RECORD_FIELDS:
        return None
    return next((m["value"].strip() for m in fields if m["key"].strip().lower() in _TITLE_KEYS), None)


#: a headline wrapped by the page is at least this share of the body's line width
_WRAPPED_HEADLINE = 0.6


def _kicker(first: str, rest: list[str]) -> bool:
    """``first`` (as printed) is a Chinese newspaper's kicker over the headline: set in by full-width spaces, right
    over a headline-shaped line set flush and closed by a blank line (a deck under a headline opens with ——, and a
    headline centred by plain spaces is no kicker)."""
    if not first.startswith("\u3000") or not rest or not (below := rest[0].strip()) or is_indented(rest[0]):
        return False
    if below.startswith(("—", "－", "-")):
        return False
    return headline_shaped(below) and (len(rest) == 1 or not rest[1].strip()) and headline_shaped(first.strip())


def _wrapped_headline(title: str, rest: list[str], raw: list[str]) -> bool:
    """The headline goes on on the next line (Old specimens reveal … in the North / Sea): a title-like
    line right under a wide headline line, closed by a blank line, with no sentence ending it. The blank must be the
    page's (``raw``, its lines as read): a byline or a date line dropped under a standfirst leaves none."""
    if not rest or not (second := rest[0].strip()) or (len(rest) > 1 and rest[1].strip()):
        return False
    at = next((i for i, line in enumerate(raw) if line.strip() == second), None)
    if at is not None and at + 1 < len(raw) and raw[at + 1].strip():
        return False
    if not title_like(second) or ends_sentence(title) or ends_sentence(second) or find_dates(second):
        return False
    return display_width(title) >= _WRAPPED_HEADLINE * typical_width(rest[1:40])


#: an encyclopedia entry's buttons under its name (Baike: 播报 / 讨论 / 上传视频; Wikipedia's tag line)
_ENTRY_BUTTON = re.compile(
    r"^(?:播报|讨论|上传视频|编辑|收藏|编辑锁定|锁定|From Wikipedia, the free encyclopedia|维基百科，自由的百科全书)$"
)
#: the entry's name stands within this many lines of the page's top
_ENTRY_HEAD = 40


def _encyclopedia_entry(lines: list[str]) -> list[str]:
    """The lines of an encyclopedia entry copied from its site from its name on (the site's menu above it and the
    buttons under it dropped): the name is the line over two such buttons, or over the tag line. Other texts as
    they are."""
    filled = [i for i, line in enumerate(lines[:_ENTRY_HEAD]) if line.strip()]
    for n, i in enumerate(filled[:-1]):
        buttons = 0
        for k in filled[n + 1 :]:
            if not _ENTRY_BUTTON.match(lines[k].strip()):
                break
            buttons += 1
        tagline = "encyclopedia" in lines[filled[n + 1]] or "百科全书" in lines[filled[n + 1]]
        if (buttons >= 2 or (buttons == 1 and tagline)) and not _ENTRY_BUTTON.match(lines[i].strip()):
            rest = lines[filled[n + buttons] + 1 :] if n + buttons < len(filled) else lines[i + 1 :]
            return [lines[i], "", *rest]
    return lines


#: a code repository's page header (owner / name  Public) and the label over its rendered README (README  MIT license)
_REPOSITORY = re.compile(r"^[\w.-]+\s*/\s*[\w.-]+\s+(?:Public|Private|Internal)(?:\s+template)?$")
_README = re.compile(r"^README(?:\.md|\.rst)?(?:\s{2,}.*)?$")
#: the repository's header stands among the page's first lines, its README label within the file list's length
_REPOSITORY_HEAD = 5
_README_HEAD = 60


def _repository_readme(lines: list[str]) -> list[str]:
    """A code repository's page copied as text (GitHub, GitLab): its README from its heading on, the page's header,
    tabs and file list dropped; other texts as they are."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not any(_REPOSITORY.match(lines[i].strip()) for i in filled[:_REPOSITORY_HEAD]):
        return lines
    label = next((i for i in filled[:_README_HEAD] if _README.match(lines[i].strip())), None)
    return lines if label is None else lines[label + 1 :]


def read_item_text(text: str, file: str | None = None) -> NewsItem | None:
    """One press release as an item: headline on the first non-empty line, leftovers dropped; None if empty."""
    text = "\n".join(_repository_readme(text.splitlines())) if " / " in text[:300] else text
    text = (
        "\n".join(_encyclopedia_entry(text.splitlines()))
        if any(b in text[:2000] for b in ("播报", "讨论", "encyclopedia", "百科全书"))
        else text
    )
    masthead = _dated_masthead(text.splitlines())
    # (the masthead names the issuer and dates the page: no title, no text of the item)
    # (running heads left in the text by a PDF and a contact block are furniture, not the story)
    kept = drop_page_furniture(text.splitlines()[masthead.end :] if masthead else text.splitlines())
    lines = clean_item_lines("\n".join(kept))
    head = _headline_row(lines)
    if head == len(lines):
        return None
    title, rest = lines[head].strip(), lines[head + 1 :]
    if _kicker(lines[head], rest):
        # (a newspaper's kicker set in over its headline, 星河科学院宣布…决定 / 某某任…所长: the headline is the
        # title, the kicker its first line of text)
        title, rest = rest[0].strip(), [lines[head].strip(), *rest[1:]]
    elif _wrapped_headline(title, rest, kept):
        title, rest = join_wrapped([title, rest[0]]), rest[1:]
    record = _record_title(lines[head:])
    if record:
        title, rest = record, lines[head:]  # (the page's label stays as text: it names the database)
    date, source = item_metadata(text)
    if masthead:
        date, source = date or masthead.date, source or masthead.source
    # (the masthead's dateline dates the release: Bremen, 12.06.2026)
    date = date or next((d.iso for line in lines[:head] for d in find_dates(line)), None)
    body: list[str] = []
    for printed in rest:
        line = printed.strip()
        kind = closer_kind(line) if line else None
        if kind == "source" and source is None:
            source, source_date = split_source(source_body(line))
            date = date or source_date
            continue
        if kind == "byline":
            continue
        body.append(printed)
    joined = join_wrapped(body)
    # a year-less "4 月 10 日" takes the latest year the release writes out (a release reports recent events)
    years = [int(d.iso[:4]) for d in find_dates(text)]
    date = date or first_event_date(joined, max(years) if years else None)
    return make_item(title, joined, date=date, source=source, file=file)


def read_text(text: str, file: str | None, kind: Kind | None = None) -> Iterator[NewsItem]:
    """The items of a text file: a newsletter issue split into items, the stories of a mailing set apart by rules,
    or one item."""
    # (丨, a Han character, is what WeChat titles use as a bar: Cell丨星河大学团队…; read as the bar it stands for)
    text = numbered_headlines(
        dated_blocks(rubric_headlines(strip_bold(_ORIGINAL_MARK.sub("", text.replace("丨", "｜")))))
    )
    # (a newspaper story turned to another page reads on: 下转第2版 … 上接第1版)
    text = join_page_turns(text)
    # stories set apart by rules are a mailing's, whatever else the text looks like (its issue line, its dates)
    # (and the posts of a microblog page copied as text)
    stories = [] if kind is not None else (separated_stories(text) or microblog_posts(text))
    found = kind or ("item" if stories else detect_kind(text))
    if found == "item" and kind is None and not stories:
        # (records of one template pasted one after another, each under the template's block: one item each; a
        # digest's blurbs each closed by a "Read more" link)
        stories = template_parts(text) or linked_stories(text)
    if found == "newsletter":
        yield from segment_newsletter(_without_site_frame(text), file)
        return
    # (one message saved from a mail client: its subject is the headline, its headers no text: 发件人：… / 主题：…)
    lines = text.splitlines()
    opening = next((t for line in lines if (t := line.strip())), "")
    message = _mail_message(lines) if not stories and _MAIL_SENDER.match(opening) else None
    for story in stories or ["\n".join(message) if message else text]:
        item = read_item_text(story, file)
        if item is not None:
            yield item


#: a saved page's closing lines below its stories: the rights line and the site's address
_SITE_FOOTER = re.compile(r"^(?:版权所有|Copyright\b|©|\(c\)\s|All rights reserved|地址[:：]|ICP备|京ICP|沪ICP)", re.I)


#: the red header of an official document: the issuing body's name and 文件 (某某大学文件, 某某厅文件)
_RED_HEADER = re.compile(r"^\S{2,30}文件$")
#: a saved page's masthead, menu and trail stand within its first lines
_SITE_FRAME_ROWS = 6


def _frame_head(line: str) -> bool:
    """A line of a saved page's frame over its stories: a menu bar, a trail from the site's home, or one of two
    steps or more (a headline may hold one ">": Tandem cells pass >30% efficiency)."""
    return bool(_HOME_TRAIL.match(line)) or len(_SITE_TRAIL.findall(line)) >= 2 or is_site_menu(line)


def _without_site_frame(text: str) -> str:
    """A saved web page's issue or list with the site's frame blanked out (line numbers kept): the masthead and
    menu above the trail when a headline follows it, and the editor's credit, the page's buttons and its rights line
    below the last story (【责任编辑：…】 / 【打印本页】【关闭窗口】 / 版权所有：…)."""
    lines = text.splitlines()
    # (an official document's red header, 某某大学文件 over its number 校科〔2027〕12号, above the notice's title)
    filled = [i for i, line in enumerate(lines[:_SITE_FRAME_ROWS]) if line.strip()]
    if len(filled) >= 2 and _RED_HEADER.match(lines[filled[0]].strip()) and is_doc_number(lines[filled[1]].strip()):
        lines[: filled[1] + 1] = [""] * (filled[1] + 1)
    top = [i for i, line in enumerate(lines[:_SITE_FRAME_ROWS]) if line.strip() and _frame_head(line.strip())]
    if top:
        # (a headline over the trail, … 网络投票 / 首页 > 通知公告 > 正文 / 发布时间：… / text, stays)
        below = next((t for line in lines[top[-1] + 1 :] if (t := line.strip()) and not is_meta_line(t)), "")
        if title_like(below):
            lines[: top[-1] + 1] = [""] * (top[-1] + 1)
    end = len(lines)
    while end and (not (t := lines[end - 1].strip().strip("【】[]")) or _SITE_FOOTER.match(t) or _leftover(t)):
        end -= 1
    lines[end:] = [""] * (len(lines) - end)
    return "\n".join(lines)


#: an e-mail newsletter's own lines, no part of any story
_MAILING_FURNITURE = re.compile(
    r"^(?:View (?:this (?:e-?mail|newsletter)|it|online)|Read (?:more|the full story)|Continue reading|Unsubscribe"
    r"|Update (?:your )?(?:preferences|subscription)|Manage (?:your )?(?:preferences|subscription)|You (?:are )?receiv"
    r"|Forward (?:this )?to a friend|Click here|查看原文|阅读原文|点击阅读|退订|取消订阅)",
    re.I,
)
_CONTENTS_HEADING = re.compile(
    r"^(?:in this issue|contents|highlights|today['’]s topics|本期导读|本期目录|目录|本期要目)\s*[:：]?$", re.I
)


#: a message's header line in a mail digest (Message: 2 / From: … / Subject: …)
_MAIL_HEADER = re.compile(
    r"^(?:Message|From|To|Cc|Bcc|Date|Sent|Subject|Reply-To|Message-ID|Content-Type|Attachments?"
    r"|发件人|收件人|抄送|密送|发送时间|时间|日期|主题|附件)\s*[:：]",
    re.I,
)
#: the header a saved message opens with (From: …, 发件人：…)
_MAIL_SENDER = re.compile(r"^(?:From|发件人)\s*[:：]", re.I)
_SUBJECT_KEY = re.compile(r"^(?:Subject|主题)\s*[:：]\s*", re.I)
#: what a subject line carries besides its headline: a list's tag and reply marks ([REEFNET-L] Re: …)
_SUBJECT_TAGS = re.compile(r"^(?:\s*(?:\[[^\]]{1,40}\]|(?:Re|Fwd?|AW|WG)\s*:))+\s*", re.I)


def _mail_message(lines: list[str]) -> list[str] | None:
    """A part of a mail digest that opens with a message's headers: its subject as the headline over its body (the
    headers dropped, the list's tag and reply marks taken from the subject); None for other parts."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    headers = 0
    while headers < len(filled) and _MAIL_HEADER.match(lines[filled[headers]].strip()):
        headers += 1
    subject = next(
        (_SUBJECT_KEY.sub("", t) for i in filled[:headers] if _SUBJECT_KEY.match(t := lines[i].strip())), None
    )
    if subject is None or not (title := _SUBJECT_TAGS.sub("", subject).strip()):
        return None
    # (the message's date dates the item: kept as the page's date field, which item_metadata reads)
    sent = next((m["value"] for i in filled[:headers] if (m := MAIL_DATE.match(lines[i].strip()))), None)
    return [title, *([f"Date: {sent}"] if sent else []), "", *lines[filled[headers - 1] + 1 :]]


#: a page's footer under its rule: the publisher's line and the page number, within this many lines
_FOOTER_ROWS = 3


def _join_page_breaks(parts: list[list[str]]) -> list[list[str]]:
    """Parts whose first lines hold a page number follow a page's footer rule, not a rule between stories: they
    continue the part before them, without the footer (Northvale Science Agency • www.nv.example / Page 2 of 2)."""
    out = [parts[0]]
    for part in parts[1:]:
        filled = [i for i, line in enumerate(part) if line.strip()][:_FOOTER_ROWS]
        numbered = [i for i in filled if is_page_number(t := part[i].strip()) or is_running_head(t)]
        if numbered:
            out[-1] = out[-1] + part[numbered[-1] + 1 :]
        else:
            out.append(part)
    return out


def separated_stories(text: str) -> list[str]:
    """The stories of a text whose parts are set apart by rules (an e-mail newsletter): each part that opens with a
    headline and holds sentences, without the mailing's own lines (Read more, Unsubscribe). Empty unless there are
    two or more: a rule or two inside one release separate nothing that matters."""
    parts: list[list[str]] = [[]]
    for line in text.splitlines():
        if is_rule(line, typed=True):
            parts.append([])
        elif not _MAILING_FURNITURE.match(line.strip()):
            parts[-1].append(line)
    parts = _join_page_breaks(parts)
    stories = []
    for part in parts:
        message = _mail_message(part)
        lines = message or part
        content = [line.strip() for line in lines if line.strip()]
        if not content or any(_CONTENTS_HEADING.match(line) for line in content[:2]):
            continue
        if any(is_issue_line(line) for line in content[:3]):
            continue  # the mailing's masthead (LAB NOTES WEEKLY / Issue 47 | 14 November 2025 / …), no story
        # (a message's subject is its headline whatever its punctuation: "New paper: …")
        if (message or headline_shaped(content[0])) and any(ends_sentence(line) for line in content[1:]):
            stories.append("\n".join(lines).strip("\n"))
    return stories if len(stories) >= 2 else []
