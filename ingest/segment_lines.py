"""Line-level cues of PDF-extracted newsletter text: page furniture, source lines, headline shape, re-joining wraps.

A PDF text layer gives one line per printed line: paragraphs are hard-wrapped at the column width, blank lines appear
inside paragraphs where the layout had a gap, and every page repeats a running header, a section label and a page
number. These helpers look at one line (or one line and its neighbours) and know nothing of items; ``ingest.segment``
builds the items from them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ingest.caps_label import caps_label
from ingest.delimited_lines import record_blocks

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
_LATIN = re.compile(r"[A-Za-z]")
_INDENT = re.compile("^(?: {2,}|\t|\u3000)")


def is_indented(line: str) -> bool:
    """The printed line is set in from the margin: two spaces or more, a tab or an ideographic space (one stray
    space is a PDF artefact)."""
    return bool(_INDENT.match(line))


# a space between Chinese words on a line: the gap between the cells of a row ("物理学院 林雪梅")
_CJK_ROW = re.compile(rf"[{CJK}] [{CJK}]")
# three tokens in a row that each start with one CJK character: a cheap test before splitting into tokens
_LETTERSPACED = re.compile(f"(?<![{CJK}])[{CJK}][^{CJK}\\s]* [{CJK}][^{CJK}\\s]* [{CJK}]")
# East Asian Wide and Fullwidth blocks (the characters unicodedata.east_asian_width calls W or F), by range for speed
_WIDE = re.compile(
    "[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60"
    "\uffe0-\uffe6\U00020000-\U0003fffd]"
)

#: a sentence end (a closing quote or bracket may follow it)
_SENTENCE_END = re.compile(r"[。！？!?…](?:[”’」』）)\]]*)\s*$|[.](?:[”’\"')\]]*)\s*$")
#: punctuation that a headline does not contain outside brackets (a body line usually does)
_INNER_PUNCT = re.compile(r"[，。；！？,;!?]|[:：]\s|\.\s")
_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.)+|\b(?:Dr|Prof|Mr|Mrs|Ms|St|Jr|Sr|No|Vol|vs)\.")
#: a sentence break inside a line (a full stop, then more text): the line holds text, not a title
SENTENCE_BREAK = re.compile(r"[.!?。！？]\s+\S")
_TRAILING_PUNCT = re.compile(r"[，。；：！？、,;:!?]\s*$")
#: a title before a name, whose full stop ends no sentence where a line breaks after it (Dr. / Tobias …)
# (and a name's initials, A.B. / Northvale College: a wrapper breaks after them, no sentence ends there)
_TITLE_AT_END = re.compile(r"(?:^|\s)(?:Dr|Prof|Mr|Mrs|Ms|Mx|(?:[A-Z]\.)+[A-Z])\.$")

_PAGE_NUMBER = re.compile(
    r"^(?:P|p|Page|PAGE|第)?\s*[-—–·•]?\s*\d{1,3}\s*(?:(?:/|of)\s*\d{1,3}\s*)?[-—–·•]?\s*(?:页)?$"
)
_NUMBERED_HEADER = re.compile(
    r"^(?:(?P<title>\S.{1,40}?)\s+(?:P|p|Page|第)?\s*[-—–]?\s*\d{1,3}\s*[-—–]?\s*页?"
    r"|(?:P|p|Page|第)?\s*\d{1,3}\s*页?\s+(?P<title2>\S.{1,40}))$"
)
_DECORATED_PAGE_NUMBER = re.compile(
    r"^(?:[-—–]\s*\d{1,3}\s*[-—–]|[·•]\s*\d{1,3}\s*[·•]|第\s*\d{1,3}\s*页(?:\s*[/／共]\s*\d{1,3}\s*页?)?|(?:Page|PAGE)\s+\d{1,3}(?:\s+of\s+\d{1,3})?)$"
)
_CONTENTS_HEADING = re.compile(
    r"^(?:目\s*录|本期目录|本期导读|本期要目|要\s*目|CONTENTS|Contents|In this issue|IN THIS ISSUE)$"
)
_CONTENTS_ENTRY = re.compile(r"^\S.{1,80}?\s*(?:\.{3,}|…{2,}|·{3,}|-{4,}|_{4,})\s*\d{1,3}$")
_COLUMN_GAP_HINTS = ("   ", "\t", "\u3000\u3000", "|")  # a cheap test before the regular expression
_COLUMN_GAP = re.compile(r"\s{3,}|\u3000{2,}|\s+\|\s+")
_ISSUE_LINE = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年\s*)?(?:第\s*\d+\s*期)(?:\s*[（(]\s*总第\s*\d+\s*期\s*[）)])?$|^总第\s*\d+\s*期$"
)
_EN_ISSUE_LINE = re.compile(
    r"^(?:(?:Vol(?:ume)?\.?|Issue|No\.|Number)\s*\d+[,;]?\s*)+(?:[(]?(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d{2}[)]?)?$"
)
#: a line that is only a date: in the masthead it dates the issue (elsewhere it signs a document and stays)
_DATE_LINE = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
    r"|[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}(?:-\d{2})?)$"
)
_MASTHEAD_LINES = 4
_DOC_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*号\s*$")
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十\d]+[，,、部章节条]"
    r"|\d{1,2}\s*[.．、](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩]"
    # (a zero-padded number set off by a wide space numbers an entry: 01　揭示…)
    r"|0\d(?:\u3000|\s{2,}))"
)
# (a number that counts or dates something opens a sentence, not a row: "11 月 5 日，…", "3 项成果…")
_TABLE_ROW = re.compile(r"^\d{1,3}\s+(?![月日年号时项位名人个家所万亿%％])\S+(?:\s+\S+){1,6}$")
_SENTENCE_PUNCT = re.compile(r"[。！？；]")
_BULLET = re.compile(r"^[●■◆▲◼•▍▌▎]\s*")
_SOURCE = re.compile(r"^[（(]?\s*(?:数据)?(?:来源|来\s*源|Source|SOURCE)\s*[：:]\s*(?P<body>.*?)\s*[）)]?\s*$")
_BYLINE = re.compile(r"^[（(][^（）()]*(?:供稿|整理|撰稿|执笔|编辑|供图)[）)]$")
_PAREN_LINE = re.compile(r"^[（(][^（）()]{2,60}[）)]$")


def display_width(text: str) -> int:
    """Printed width: a CJK or full-width character counts two, anything else one."""
    return len(text) + len(_WIDE.findall(text))


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph."""
    return bool(_CJK_CHAR.match(ch))


def cjk_ratio(text: str) -> float:
    """CJK ideographs among CJK ideographs and Latin letters (0.0 for text with neither)."""
    cjk = len(_CJK_CHAR.findall(text))
    latin = len(_LATIN.findall(text))
    return cjk / (cjk + latin) if cjk + latin else 0.0


def despace_letterspaced(line: str) -> str:
    """Close up a run of letter-spaced CJK characters (``丹 尼 尔· 德 鲁 克`` → ``丹尼尔·德鲁克``).

    Justified PDF lines spread single characters apart; a run of three or more tokens that each hold one CJK
    character is such a spread. Spaces between words (``国家知识产权局 教育部``) are left alone.
    """
    if not _LETTERSPACED.search(line):
        return line
    tokens = line.split(" ")
    single = [
        len(_CJK_CHAR.findall(tok)) == 1 and bool(_CJK_CHAR.match(tok[:1]) or tok[:1] in "，、“《（") for tok in tokens
    ]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and single[j]:
            j += 1
        if j - i >= 3:
            out.append("".join(tokens[i:j]))
            i = j
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


#: the issuer of an official notice, letter-spaced over it (北 岭 省 科 学 技 术 厅)
_SPACED_ISSUER = re.compile(f"^(?:[{CJK}] ){{3,}}[{CJK}]$")
_ISSUER_END = (
    "厅",
    "局",
    "部",
    "委",
    "委员会",
    "院",
    "大学",
    "学院",
    "研究所",
    "中心",
    "政府",
    "办公室",
    "协会",
    "学会",
)


def is_spaced_issuer(stripped: str) -> bool:
    """An issuing body's name printed letter-spaced over its notice (北 岭 省 科 学 技 术 厅): masthead, no title."""
    return bool(_SPACED_ISSUER.match(stripped)) and stripped.replace(" ", "").endswith(_ISSUER_END)


def is_page_number(stripped: str) -> bool:
    """A line holding only a page number (``P 05``, ``- 5 -``, ``第 5 页``, ``12``)."""
    return bool(_PAGE_NUMBER.match(stripped))


def is_decorated_page_number(stripped: str) -> bool:
    """A page number no body line looks like (``- 5 -``, ``— 5 —``, ``第 5 页``, ``Page 5``): furniture even where the
    next page's header follows it without a blank line."""
    return bool(_DECORATED_PAGE_NUMBER.match(stripped))


def _title_key(text: str) -> str:
    """A masthead title as compared with its running-header copy: case and a leading "The" aside."""
    return re.sub(r"^the\s+", "", text.casefold())


def is_contents_line(stripped: str) -> bool:
    """A table-of-contents heading (目录, CONTENTS) or entry (a title, leader dots, a page number)."""
    if stripped[-1:].isdigit():  # an entry ends with its page number: most lines are out at once
        return bool(_CONTENTS_ENTRY.match(stripped))
    return bool(_CONTENTS_HEADING.match(stripped))


def is_header_row(stripped: str) -> bool:
    """A running header or masthead row set in columns: a title and the issue or date, apart by wide spaces
    (``星海大学科技动态      2026 年第 3 期``)."""
    if len(stripped) > 100 or not any(gap in stripped for gap in _COLUMN_GAP_HINTS):
        return False
    fields = _COLUMN_GAP.split(stripped)
    if not 2 <= len(fields) <= 3 or any(len(f) > 30 for f in fields):
        return False
    return any(is_issue_line(f) or _DATE_LINE.match(f) or is_page_number(f) for f in fields)


def is_issue_line(stripped: str) -> bool:
    """A lone issue line (``2025 年第 4 期（总第 52 期）``, ``Issue 12, 2024``, ``Vol. 3, No. 4``)."""
    return bool(_ISSUE_LINE.match(stripped) or _EN_ISSUE_LINE.match(stripped))


def is_doc_number(stripped: str) -> bool:
    """An official document number (``国知发服字〔2025〕5 号``): a line of its own, never a headline."""
    return bool(_DOC_NUMBER.search(stripped)) and len(stripped) <= 30


_PIPE_ROW = re.compile(r"^\|(?:[^|\n]*\|){2,}$")


def is_table_row(stripped: str) -> bool:
    """A row of a table as PDF text gives it: its number, then two cells or more apart by spaces, without sentence
    punctuation (``1 高性能碳纤维复合材料构件制造技术 卢振华，贺立群 技术发明奖``), or a row between pipes as
    Markdown and copied web tables print it (``| 1 | 高性能… | 卢振华，贺立群 |``)."""
    return bool(_PIPE_ROW.match(stripped)) or (
        bool(_TABLE_ROW.match(stripped)) and not _SENTENCE_PUNCT.search(stripped)
    )


def is_numbered(stripped: str) -> bool:
    """A numbered heading or list entry: ``一、`` ``（一）`` ``1.`` ``第一，`` ``①``."""
    return bool(_NUMBERED.match(stripped))


_STYLES = (
    ("cn", re.compile(r"^[一二三四五六七八九十]+[、.．]")),
    ("cn-paren", re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    ("num-paren", re.compile(r"^[（(]\d+[）)]")),
    ("num", re.compile(r"^\d{1,2}\s*[.．、](?!\d)\s*")),
    ("circled", re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]")),
    ("padded", re.compile(r"^0\d(?:\u3000|\s{2,})")),
    ("ordinal", re.compile(r"^第[一二三四五六七八九十\d]+[，,、部章节条]")),
)


def numbering(stripped: str) -> tuple[str, str] | None:
    """(style, text after the number) of a numbered line: ``一、总体要求`` → ``("cn", "总体要求")``."""
    for style, pattern in _STYLES:
        match = pattern.match(stripped)
        if match:
            return style, stripped[match.end() :].strip()
    return None


def numbered_heading(stripped: str) -> bool:
    """A numbered chapter heading (``一、总体要求``, ``（二）项目管理``): numbering, then a headline-shaped text."""
    match = _NUMBERED.match(stripped)
    return match is not None and headline_shaped(stripped[match.end() :].strip())


def bullet_heading(stripped: str) -> str | None:
    """The heading text of a bullet heading (``● 概述`` → ``概述``), or None."""
    match = _BULLET.match(stripped)
    if not match or ends_sentence(stripped):
        return None
    rest = stripped[match.end() :].strip()
    return rest or None


#: a bullet whose heading runs into its story: "* Reef acoustics - Dr. X and Y report that …", "● 标题——正文"
_RUN_IN_BULLET = re.compile(r"^[*•●■◆▪▸►–-]\s+(?P<head>[^\s].{4,98}?)(?:\s+[-–—]{1,2}\s+|\s*——\s*)(?P<rest>\S.*)$")
#: the least text after a run-in heading that makes it a story, not a list entry ("- Prof. X – chair")
_RUN_IN_STORY = 40


def run_in_bullet(stripped: str) -> tuple[str, str] | None:
    """(heading, story) of a bullet whose headline runs into its text and whose text is sentences, or None."""
    if not stripped or stripped[0] not in "*•●■◆▪▸►–-":
        return None
    match = _RUN_IN_BULLET.match(stripped)
    if match is None:
        return None
    head, rest = match["head"].strip(), match["rest"].strip()
    if len(rest) < _RUN_IN_STORY or not ends_sentence(rest) or not headline_shaped(head):
        return None
    if len(head.split()) < 2 and not _CJK_CHAR.search(head):
        return None  # (one word before a dash names a list entry's subject: "* Chemistry - …")
    return head, rest


def ends_sentence(stripped: str) -> bool:
    """The line ends with sentence-final punctuation (possibly followed by a closing quote or bracket)."""
    return bool(_SENTENCE_END.search(stripped))


#: the longest a headline runs, in characters (Chinese; Latin letters)
_MAX_HEADLINE = 60
_MAX_HEADLINE_LATIN = 100


#: the longest name a headline lists before a 、 (a Chinese name, or a short unit: 物理系)
_LISTED_NAME = 4


def headline_shaped(stripped: str) -> bool:
    """Shape of a headline: no sentence punctuation inside or at the end, not a list entry, not too long."""
    # English headlines run longer in characters than Chinese ones ("Light-driven catalyst turns methane into
    # methanol at room temperature")
    limit = _MAX_HEADLINE if _CJK_CHAR.search(stripped) else _MAX_HEADLINE_LATIN
    if not stripped or len(stripped) > limit or is_numbered(stripped) or is_doc_number(stripped):
        return False
    if _TRAILING_PUNCT.search(stripped) or ends_sentence(stripped):
        return False
    # punctuation inside brackets or quotes belongs to a cited title, not to a sentence
    outside = re.sub(r"《[^》]*》|“[^”]*”|（[^）]*）|\([^)]*\)", "", stripped)
    # and the full stop of initials and titles (E.W.R. Steacie, Dr. Rossi, U.S. team) ends no sentence
    outside = _ABBREVIATION.sub("", outside)
    if _INNER_PUNCT.search(outside):
        return False
    # 、 lists names in a headline (周明远、赵明远获…奖); in a line of text it lists things (利用冷冻电镜、单分子…)
    listed = outside.split("、")[:-1]
    return all(len(part) <= _LISTED_NAME for part in listed)


def cjk_trailing_space(raw: str) -> bool:
    """The raw line ends in white space after a non-Latin character: PDF text boxes of headlines do that."""
    body = raw.rstrip()
    return len(body) < len(raw.rstrip("\n")) and bool(body) and not body[-1].isascii()


def closer_kind(stripped: str) -> str | None:
    """``source`` for a source line (``（来源：文汇报）``), ``byline`` for a contributor line, else None."""
    if _SOURCE.match(stripped) and len(stripped) <= 80:
        return "source"
    if _BYLINE.match(stripped):
        return "byline"
    if _PAREN_LINE.match(stripped) and not is_numbered(stripped):
        return "aside"  # a line in brackets: a byline only where a headline follows (see ingest.segment)
    return None


def source_body(stripped: str) -> str:
    """What a source line says after ``来源：`` (publisher, possibly with a date)."""
    match = _SOURCE.match(stripped)
    return match["body"].strip() if match else stripped


def _near_page_number(lines: Sequence[str]) -> set[int]:
    """Indices of lines within a few lines of a page number, where running headers and labels stand."""
    near: set[int] = set()
    for i, line in enumerate(lines):
        if is_page_number(line.strip()) and stands_between_blanks(lines, i):
            near.update(range(max(0, i - 7), min(len(lines), i + 8)))
    return near


def _in_columns(stripped: str) -> bool:
    """Two or three short texts set apart by wide spaces (a running header: the title, the date and place)."""
    if not any(gap in stripped for gap in _COLUMN_GAP_HINTS):
        return False
    fields = _COLUMN_GAP.split(stripped)
    return 2 <= len(fields) <= 3 and all(len(f) <= 30 for f in fields)


def running_headers(lines: Sequence[str], near: set[int] | None = None) -> set[str]:
    """Short texts printed more than once, at least once next to a page number: the running header."""
    near = _near_page_number(lines) if near is None else near
    counts = Counter(line.strip() for line in lines if line.strip())
    return {
        lines[i].strip()
        for i in near
        if lines[i].strip()
        and counts[lines[i].strip()] >= 2
        and (len(lines[i].strip()) <= 30 or _in_columns(lines[i].strip()))
        and not ends_sentence(lines[i].strip())
        and not is_page_number(lines[i].strip())
    }


#: the longest section label inside a table of contents (【科研成果】, Research news)
_CONTENTS_LABEL = 20
#: the longest running header printed against a page number
_HEADER_CHARS = 60
#: the longest entry of a table of contents printed without page numbers
_CONTENTS_ENTRY_CHARS = 40
#: the longest line of a masthead above the issue line (中山大学附属第一医院 / 科研简报 / （内部资料 注意保存）)
_MASTHEAD_CHARS = 30
_EDITED_BY = re.compile(r"编印|主办|编辑出版|编辑部|主编[:：]")


def _text_follows(lines: Sequence[str], i: int) -> bool:
    """The next non-blank line after ``i`` is a paragraph's (too long or too punctuated for a heading)."""
    nxt = next((line.strip() for line in lines[i + 1 :] if line.strip()), "")
    return bool(_INNER_PUNCT.search(nxt) or ends_sentence(nxt)) and not numbered_heading(nxt)


def _amid_table(lines: Sequence[str], i: int) -> bool:
    """A numbered line among a table's rows (3   项目名称   单位  负责人  60): a row of it, whatever its cells look
    like, not a running header with a page number."""
    near = [k for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(lines) and lines[k].strip()]
    return is_table_row(lines[i].strip()) and sum(1 for k in near if is_table_row(lines[k].strip())) >= 2


def furniture_rows(lines: Sequence[str]) -> set[int]:
    """Indices of page furniture: page numbers, running headers, the labels between them, issue lines.

    A running header is dropped next to page numbers and as the masthead (the first line); elsewhere the same words
    may be a section banner of the issue and stay.
    """
    near = _near_page_number(lines)
    headers = running_headers(lines, near)
    # the masthead's title reprinted on every page beside the issue: "星海大学科技动态      2026 年第 3 期"
    header_rows = {i for i, line in enumerate(lines) if is_header_row(line.strip()) and not _amid_table(lines, i)}
    titles = {_title_key(f) for i in header_rows for f in _COLUMN_GAP.split(lines[i].strip())}
    if titles:
        headers |= {line.strip() for line in lines if line.strip() and _title_key(line.strip()) in titles}
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    first = nonblank[0] if nonblank else -1
    masthead = set(nonblank[:_MASTHEAD_LINES])
    rows: set[int] = set()
    if nonblank and is_spaced_issuer(lines[first].strip()):
        rows.add(first)  # (北 岭 省 科 学 技 术 厅 over its notice's title)
    # the issue's title right above its issue line ("科研简报" / "2026年第11期"), on one line or two ("华中科技大学" /
    # "科 技 动 态"), is the masthead, not a banner; so is the line that says who edits it (…发展院 编印 2025年6月20日)
    issue_at = next(
        (
            k
            for k in range(1, min(5, len(nonblank)))
            if is_issue_line(t := lines[nonblank[k]].strip()) or is_header_row(t)
        ),
        None,
    )
    if (
        len(nonblank) > 2
        and issue_at is not None
        and all(
            len(lines[i].strip()) <= _MASTHEAD_CHARS and not ends_sentence(lines[i].strip())
            for i in nonblank[:issue_at]
        )
    ):
        rows.update(nonblank[:issue_at])
        if issue_at + 1 < len(nonblank) and _EDITED_BY.search(lines[nonblank[issue_at + 1]]):
            rows.add(nonblank[issue_at + 1])
    numbers: list[int] = []  # lines that hold a page number, isolated or not
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        plain, decorated = is_page_number(text), is_decorated_page_number(text)
        if plain or decorated:
            numbers.append(i)
        page_number = (plain and stands_between_blanks(lines, i)) or decorated
        # (the first line is the masthead unless text follows it at once: then the title the pages repeat as their head)
        header = text in headers and (i in near or i == first) and not (i == first and _text_follows(lines, i))
        # "上海高校科技发展动态 P 03": the masthead's title and the page number on one line, one space apart
        numbered = _NUMBERED_HEADER.match(text)
        if numbered and first >= 0 and i != first:
            title = numbered.group("title") or numbered.group("title2")
            header = header or _title_key(title) in {_title_key(lines[first].strip()), *titles}
        issue_date = i in masthead and bool(_DATE_LINE.match(text))
        if is_issue_line(text) or page_number or header or issue_date or i in header_rows or is_contents_line(text):
            rows.add(i)
    # a page number printed right against a line set in columns (the running header "中山一院科研简报    第3期"), or a
    # bare number against a header row: both are furniture
    for i in numbers:
        neighbours = [k for k in (i - 1, i + 1) if 0 <= k < len(lines) and lines[k].strip()]
        headed = [k for k in neighbours if k in header_rows or _COLUMN_GAP.search(lines[k].strip())]
        for k in headed:
            if len(lines[k].strip()) <= _HEADER_CHARS:
                rows.update((i, k))
    # a table of contents without page numbers: its heading, then short lines up to the first blank line
    for i in [i for i in rows if _CONTENTS_HEADING.match(lines[i].strip())]:
        for k in range(i + 1, len(lines)):
            text = lines[k].strip()
            if not text or len(text) > _CONTENTS_ENTRY_CHARS or ends_sentence(text):
                break
            rows.add(k)
    # the section labels a table of contents groups its entries under (【科研成果】 between 目录 and its last entry)
    contents = sorted(i for i in rows if is_contents_line(lines[i].strip()))
    if len(contents) >= 2:
        rows.update(
            k
            for k in range(contents[0], contents[-1])
            if lines[k].strip() and len(lines[k].strip()) <= _CONTENTS_LABEL and not ends_sentence(lines[k].strip())
        )
    # a section label printed between a running header and the page number is furniture too
    for i in sorted(rows):
        if lines[i].strip() not in headers:
            continue
        for j in range(i + 1, min(len(lines), i + 7)):
            text = lines[j].strip()
            if j in rows and is_page_number(text):
                rows.update(k for k in range(i, j) if lines[k].strip() and len(lines[k].strip()) <= 20)
                break
    return rows


#: a rule drawn across the page: dashes, box-drawing lines, equals signs, stars or dots (─────, ==========, * * * * *)
_RULE = re.compile(r"^\s*(?:[─━═—–=_~*·•-]\s*){5,}$")
#: a rule typed between the stories of a mailing (----------, ==========, * * * * *): no em dash, which a Chinese
#: release draws around a boxed comment inside one story (——————)
_TYPED_RULE = re.compile(r"^\s*(?:[=_~*·•-]\s*){5,}$")


def is_rule(line: str, typed: bool = False) -> bool:
    """A line that only draws a rule: it sets off what follows as a blank line does. ``typed``: only a rule typed
    with keyboard characters, as a mailing sets between its stories."""
    return bool((_TYPED_RULE if typed else _RULE).match(line))


def stands_between_blanks(lines: Sequence[str], i: int) -> bool:
    """A line with blank lines (or the text's edge) on both sides, as page numbers and running heads stand."""
    before = i == 0 or not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before and after


def _field_label(text: str) -> bool:
    """A field's label in capitals on a line of its own (JOURNAL, ARTICLE TITLE, COI STATEMENT)."""
    return caps_label(text, words=6, chars=40, least=4)


def join_wrapped(lines: Sequence[str]) -> str:
    """Re-join hard-wrapped lines into paragraphs separated by ``\\n``; a block of delimited records (a CSV or
    tab-separated export: a header row, then a record per line) keeps its lines as written, one record a line.

    A paragraph ends after a line ending a sentence, before a numbered entry or an indented line (two spaces or an
    ideographic space: one stray space is a PDF artefact), and after a short line that stands alone (a heading).
    Inside a paragraph CJK text joins with no space, Latin words with one, and a word hyphenated across the break
    (``exam-`` / ``ple``) is mended.
    """
    # (a record's cells hold commas and no sentence end: joined, the records would run into one another, and the
    # tabs between cells would be lost)
    blocks = record_blocks(lines)
    if not blocks:
        return _join_paragraphs(lines)
    parts: list[str] = []
    done = 0
    for first, end in blocks:
        parts.append(_join_paragraphs(lines[done:first]))
        parts.extend(line.strip(" \r\n\u3000") for line in lines[first:end])
        done = end
    parts.append(_join_paragraphs(lines[done:]))
    return "\n".join(part for part in parts if part)


#: a reference list's entry number in brackets ([1], [12])
_REFERENCE_MARK = re.compile(r"^\[\d{1,3}\]")


def _join_paragraphs(lines: Sequence[str]) -> str:
    """Hard-wrapped lines re-joined into paragraphs (see ``join_wrapped``)."""
    indented: list[bool] = []
    tabbed: list[bool] = []  # (the cells of a tab-separated table wrap inside a cell: they are joined as before)
    spaced: list[bool] = []  # (set in by plain spaces, not full-width ones)
    stripped: list[str] = []
    for line in lines:
        text = despace_letterspaced(" ".join(line.split()))
        if text:
            stripped.append(text)
            indented.append(is_indented(line))
            spaced.append(line.startswith("  "))
            tabbed.append("\t" in line)
    if not stripped:
        return ""
    widths = [display_width(line) for line in stripped]
    typical = _wrap_width(widths)
    paragraphs: list[str] = []
    current: list[str] = []
    opened = 0  # the index of the current paragraph's first line
    last = len(stripped) - 1
    for index, line in enumerate(stripped):
        numbered = is_numbered(line)
        row = is_table_row(line)
        # (a label in capitals over its value, JOURNAL / Nature … / ARTICLE TITLE / …, opens a field of its own)
        label = _field_label(line) and not _field_label(current[-1] if current else "")
        # (a reference list set with a hanging indent, [1] Authors. Title … / ⎵⎵⎵⎵title goes on[J]. Journal …: the
        # indented lines go on the entry)
        # (and a bulleted entry wrapped the same way with plain spaces: • Dr X (School of Ocean and / ⎵⎵Climate
        # Sciences) received …; a paragraph set in by full-width spaces under a bullet heading is text of its own)
        hanging = (
            bool(current)
            and not indented[opened]
            and (
                _REFERENCE_MARK.match(stripped[opened]) is not None
                or (_BULLET.match(stripped[opened]) is not None and spaced[index])
            )
        )
        if current and (numbered or (indented[index] and not hanging) or _BULLET.match(line) or row or label):
            paragraphs.append("".join(current))
            current = []
        if current:
            separator, drop_hyphen = _joint(current[-1], line)
            if drop_hyphen:
                current[-1] = current[-1][:-1]
            current.append(separator + line)
        else:
            current.append(line)
            opened = index
        # (a Latin word broken at its hyphen, Ruizo- / Mensar: the wrapper broke the line, not the writer)
        broken = index < last and line[-1] == "-" and line[-2:-1].isalpha() and stripped[index + 1][:1].isalpha()
        alone = index < last and not broken and _stands_alone(line, widths[index], typical, numbered)
        short = (
            index < last
            and not broken
            and (
                _ends_short(line, widths[index], stripped[index + 1], typical)
                # "名单如下：" before a list of short rows: the list starts on its own line
                or (line.endswith(("：", ":")) and widths[index + 1] < 0.6 * typical)
                # two short rows of a list in a row, each a unit, a space and names ("化学学院 朱永强、邱慧敏" /
                # "生命科学学院 唐志刚"): no wrapped paragraph, whose lines run near the width and hold no such space
                or (
                    widths[index] < 0.6 * typical
                    and widths[index + 1] < 0.6 * typical
                    and not (tabbed[index] or tabbed[index + 1])
                    and _CJK_ROW.search(line) is not None
                    and _CJK_ROW.search(stripped[index + 1]) is not None
                )
            )
        )
        ended = ends_sentence(line) and not (index < last and _TITLE_AT_END.search(line))
        # (an entry's full stops end its authors and its title, not the entry: its hanging lines go on)
        goes_on = (
            index < last
            and indented[index + 1]
            and not indented[opened]
            and _REFERENCE_MARK.match(stripped[opened]) is not None
            and not is_numbered(stripped[index + 1])
        )
        if (ended and not goes_on) or alone or short or is_doc_number(line) or row:
            paragraphs.append("".join(current))
            current = []
    if current:
        paragraphs.append("".join(current))
    return "\n".join(paragraphs)


def _stands_alone(line: str, width: int, typical: float, numbered: bool) -> bool:
    """A heading line: short and headline-shaped, or a numbered chapter heading."""
    if numbered:
        if width < 0.6 * typical and not _TRAILING_PUNCT.search(line):
            return True
        return width < 0.85 * typical and numbered_heading(line)
    return width < 0.6 * typical and headline_shaped(line)


def _ends_short(line: str, width: int, following: str, typical: float) -> bool:
    """A Latin line that stops well before the wrap width although the next line's first word would have fitted:
    the writer broke the line (a list of "Name, School" rows, "… are:" before them), the wrapper did not. Lines of
    Chinese are left alone: PDF text breaks them at any character, and their widths vary with the mix of scripts."""
    if cjk_ratio(line) > 0.3 or cjk_ratio(following) > 0.3:
        return False
    first_word = following.split(maxsplit=1)[0] if following.strip() else ""
    return width + 1 + display_width(first_word) < 0.8 * typical


def _typical_width(lines: Sequence[str]) -> float:
    return _wrap_width([display_width(line) for line in lines])


def _wrap_width(widths: list[int]) -> float:
    """The width wrapped lines reach: the 75th percentile, unless the longest lines run past twice that. Then the
    text is not hard-wrapped (a paragraph per line) and its short lines (a list of "unit name" rows) outnumber the
    long ones: they stand alone, measured against the long lines."""
    if not widths:
        return 0.0
    ordered = sorted(widths)
    typical = float(ordered[(len(ordered) * 3) // 4])
    longest = float(ordered[(len(ordered) * 19) // 20])
    return longest if longest > 2 * typical else typical


def _latin(ch: str) -> bool:
    """Whether ``ch`` is written in a Latin-script run: ASCII, or a letter with a diacritic (a line ending in
    "Tromsø" or "Zürich" joins the next with a space, as one ending in plain letters does)."""
    return ch.isascii() or ("\u00c0" <= ch <= "\u024f" and ch.isalpha())


def _joint(left: str, right: str) -> tuple[str, bool]:
    """How a wrapped line joins the previous one: the separator, and whether a trailing hyphen is dropped."""
    a, b = left[-1], right[0]
    if a == "-" and len(left) >= 2 and left[-2].isascii() and left[-2].islower() and b.isascii() and b.islower():
        return "", True  # de-hyphenate a word broken across lines
    if _latin(a) and _latin(b) and a not in "-/(" and not (a.isalnum() and b in ",.;:)!?"):
        return " ", False
    if (is_cjk(a) and b.isascii() and b.isalnum()) or (a.isascii() and a.isalnum() and is_cjk(b)):
        return " ", False  # the layout's spacing between Chinese and Latin or digits, as inside lines
    return "", False


def typical_width(lines: Sequence[str]) -> float:
    """The width most body lines reach (the 75th percentile of non-empty line widths)."""
    return _typical_width([line.strip() for line in lines if line.strip()])
