"""Page furniture inside one release or feature saved as text: no title, no part of the story.

A feature extracted from a magazine PDF keeps the magazine's running heads (``TIDELINES | Research Magazine  23``),
one of them possibly in the middle of a sentence; a page printed from a newspaper opens with its page header
(``2026年11月13日 星期五    科技日报``); a release may open with a section label (``CASE STUDY``, ``FEATURE``) or a
media-contact block above its headline. The headline is the first line that is none of these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.caps_label import caps_label
from ingest.readers.page_turns import PAGE_NUMBER
from ingest.segment_lines import (
    CJK,
    SENTENCE_BREAK,
    ends_sentence,
    headline_shaped,
    is_decorated_page_number,
    is_header_row,
    is_issue_line,
    is_page_number,
    is_spaced_issuer,
    numbered_heading,
    numbering,
    stands_between_blanks,
)

#: fields of a line set in columns (a running head's title and its page number), or apart by a vertical bar
_FIELDS = re.compile(r"\s{3,}|\u3000{2,}|\s+\|\s+")
#: a middle dot or bullet between spaces, which sets a site's section apart from the day (News · 14 May 2027)
_DOT = re.compile(r"\s+[·•]\s+")
#: a site's section named in sentence case, a word to three (News, Research news, Press release)
_SECTION = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,2}$")
#: the longest text field of a running head beside its page number (the magazine's name and its publisher)
_HEAD_FIELD = 60
#: a line that is only a date, a season or a weekday (Spring 2027, 2026年11月13日 星期五, March 2026)
_DATE_ONLY = re.compile(
    r"^(?:(?:Spring|Summer|Autumn|Fall|Winter|January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:\s*(?:星期|周)[一二三四五六日天])?)$"
)
#: a day's date written out (12 May 2027, May 12, 2027)
_DAY_DATE = re.compile(r"^(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2},?)\s+(?:19|20)\d{2}$")


def _label(text: str) -> bool:
    """A section label over a headline: a few words in capitals (CASE STUDY, FEATURE, JOINT STATEMENT)."""
    return caps_label(text, words=4, chars=30)


#: a contact block's label on a line of its own, the contact's name, unit and numbers on the lines under it
_CONTACT_LABEL = re.compile(
    r"^(?:(?:media|press|news)\s+(?:contacts?|enquiries|inquiries|office)|contacts?(?:\s+information)?)\s*[:：]?$",
    re.I,
)
_CONTACT_ROWS = 5


_TITLE_CHARS = 120


def title_like(stripped: str) -> bool:
    """A line that can be a release's title under its furniture: headline-shaped, or an English title with a comma or
    a colon in it ("Q&A: Why …", "Fungal threads ferry …, study finds") — no sentence in it, not ending as one."""
    if headline_shaped(stripped):
        return True
    return (
        0 < len(stripped) <= _TITLE_CHARS
        and stripped[0].isupper()
        and not ends_sentence(stripped)
        and not SENTENCE_BREAK.search(stripped)
    )


def is_running_head(stripped: str) -> bool:
    """A running head: a page number set apart at one edge of the line from one or two short texts (``TIDELINES |
    The University Research Magazine   23``, ``24   TIDELINES | Spring 2027``), or a header row set in columns."""
    if is_header_row(stripped):
        return True
    fields = [f for f in _FIELDS.split(stripped) if f]
    # (a magazine's section, its title and issue and the page: AROUND CAMPUS   MAGAZINE | SPRING 2027   14)
    if not 2 <= len(fields) <= 4:
        return False
    numbered = [i for i in (0, len(fields) - 1) if is_page_number(fields[i])]
    if len(numbered) != 1:
        return False
    texts = [f for i, f in enumerate(fields) if i != numbered[0]]
    return all(len(f) <= _HEAD_FIELD and not ends_sentence(f) for f in texts)


def _is_date_line(stripped: str) -> bool:
    """A line that only dates the page (``Spring 2027``) or its issue (``Issue 12``), or a section's label and the
    date (``RESEARCH BRIEFS | 12 May 2027``, ``Research news · 14 May 2027``)."""
    fields = _FIELDS.split(stripped)
    if _DATE_ONLY.match(stripped) or is_issue_line(stripped) or (fields and _DATE_ONLY.match(fields[0])):
        return True
    if len(fields) == 2 and _label(fields[0]) and _DAY_DATE.match(fields[1]):
        return True
    # (a site's section in sentence case and the day, apart by a middle dot: the news page's date line)
    dotted = _DOT.split(stripped)
    return len(dotted) == 2 and bool(_SECTION.match(dotted[0])) and bool(_DAY_DATE.match(dotted[1]))


def _is_label(lines: Sequence[str], i: int) -> bool:
    """A short label in capitals above a headline-shaped line (CASE STUDY / … / headline): set off by a blank line,
    or right above it when it names a news desk (UNIVERSITY NEWS AND INFORMATION), or names a page's kind over a
    headline in lower case at least twice its length (LICENSING OPPORTUNITY / Paper test triages …: a kicker; a
    headline in capitals over its deck, OCEAN HEAT RECORD / Researchers …, stays the headline)."""
    text = lines[i].strip()
    if not _label(text):
        return False
    following = [k for k in range(i + 1, len(lines)) if lines[k].strip()]
    if not following:
        return False
    nxt = following[0]
    below = lines[nxt].strip()
    kicker = bool(_KICKER.search(text)) and len(below) >= 2 * len(text) and any(c.islower() for c in below)
    set_off = nxt > i + 1 or kicker or bool(_NEWS_DESK.search(text))
    return set_off and title_like(below) and not _label(below)


#: a page's kind in a kicker over its headline (LICENSING OPPORTUNITY, CASE STUDY, FEATURE, Q&A, INTERVIEW)
_KICKER = re.compile(
    r"\b(?:OPPORTUNIT(?:Y|IES)|CASE STUDY|FEATURE|Q&A|INTERVIEW|OPINION|ANALYSIS|PROFILE|SPOTLIGHT|IN FOCUS"
    r"|TECHNOLOGY|FUNDING|AWARD|EVENT|OBITUARY)\b"
)
#: a news desk's name in a label (UNIVERSITY NEWS AND INFORMATION, MEDIA RELATIONS, NEWSROOM)
_NEWS_DESK = re.compile(r"\b(?:NEWS|NEWSROOM|MEDIA|PRESS|COMMUNICATIONS|INFORMATION|ANNOUNCEMENTS?|UPDATES?)\b")
#: a newspaper's edition line: its name, the date and the page (北岭科学报 2027-04-12 第4版 人物周刊)
_EDITION = re.compile(PAGE_NUMBER)
_DATED = re.compile(r"(?:19|20)\d{2}\s*(?:[-./年])\s*\d{1,2}")


#: a rubric names a field in a word or three (Marine biology, Ocean science)
_RUBRIC_WORDS = 3
_RUBRIC_CHARS = 30
_RUBRIC_CJK = 8
_CJK = re.compile(f"[{CJK}]")


def _is_rubric(lines: Sequence[str], i: int) -> bool:
    """A field's rubric over a feature's title, each set off by blank lines (Marine biology / Reefs that
    sing / the standfirst): the title is the longer line below it."""
    text = lines[i].strip()
    limit = _RUBRIC_CJK if _CJK.search(text) else _RUBRIC_CHARS
    if len(text) > limit or len(text.split()) > _RUBRIC_WORDS or not headline_shaped(text):
        return False
    filled = [k for k in range(i + 1, min(len(lines), i + 8)) if lines[k].strip()]
    if len(filled) < 2 or filled[0] == i + 1 or filled[1] == filled[0] + 1:
        return False
    title = lines[filled[0]].strip()
    return title_like(title) and len(title) > len(text) and not headline_shaped(lines[filled[1]].strip())


def _is_edition_line(text: str) -> bool:
    """A newspaper page's edition line: a date and the page's number (… 2027-04-12 第4版 人物周刊)."""
    return len(text) <= _HEAD_FIELD and bool(_EDITION.search(text)) and bool(_DATED.search(text))


#: a report's chapter numbered in figures (3 Research Highlights) and a section of it (3.2 Reef sounds …)
_DECIMAL_CHAPTER = re.compile(r"^(?P<chapter>\d{1,2})\.?\s+[A-Z][^.!?]{2,60}$")
_DECIMAL_SECTION = re.compile(r"^(?P<chapter>\d{1,2})\.\d{1,2}\.?\s+(?P<text>\S.*)$")


def _is_chapter(lines: Sequence[str], i: int) -> bool:
    """A report's numbered chapter heading set off above a numbered section heading of a lower rank (``三、年度科研
    成果`` / ``（一）某研究所研制出…``): a page cut from a report opens inside the chapter, whose section heading
    is the story's headline."""
    text = lines[i].strip()
    nxt = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
    if nxt is None or nxt == i + 1:
        return False
    below = lines[nxt].strip()
    # 3 Research Highlights / 3.2 Reef sounds predict…: a decimal section of the chapter numbered above it
    decimal = _DECIMAL_CHAPTER.match(text)
    if decimal:
        part = _DECIMAL_SECTION.match(below)
        return bool(part and part["chapter"] == decimal["chapter"] and headline_shaped(part["text"]))
    chapter = numbering(text)
    if chapter is None or not numbered_heading(text):
        return False
    section = numbering(below)
    return section is not None and section[0] != chapter[0] and numbered_heading(below)


def lead_furniture(lines: Sequence[str], start: int) -> int:
    """The first row at or after ``start`` that is not furniture above the headline: running heads, a line dating
    the page, a section label in capitals over the headline."""
    i = start
    while i < len(lines):
        text = lines[i].strip()
        if text and not (
            is_running_head(text)
            or _is_date_line(text)
            or _is_label(lines, i)
            or _is_chapter(lines, i)
            or is_spaced_issuer(text)
            or _is_edition_line(text)
            or _is_rubric(lines, i)
        ):
            return i
        i += 1
    return start


def _page_footer(line: str) -> bool:
    """A page's footer line: a page number no body line looks like, maybe with the form's version set apart beside
    it (第 16 页    版本：2502…)."""
    fields = _FIELDS.split(line.strip())
    return bool(fields[0]) and is_decorated_page_number(fields[0])


def repeated_heads(lines: Sequence[str]) -> set[str]:
    """Lines a form or a report prints at the top of every page (国家自然科学基金申请书   2025版): the same short line
    opening the text and again right under a page's footer."""
    opening = next((line for line in lines if line.strip()), None)
    # (a literal scan first: the opening line's first word must stand on another line too)
    if opening is None or sum(1 for line in lines if opening.split()[0] in line) < 2:
        return set()
    stripped = [" ".join(line.split()) for line in lines]
    filled = [i for i, t in enumerate(stripped) if t]
    first = stripped[filled[0]]
    if len(first) > _HEAD_FIELD or ends_sentence(first):
        return set()
    after_footer = any(stripped[k] == first and n and _page_footer(lines[filled[n - 1]]) for n, k in enumerate(filled))
    return {first} if after_footer else set()


def drop_page_furniture(lines: Sequence[str]) -> list[str]:
    """The lines without the running heads standing alone in the text (or repeated at the top of every page) and the
    contact blocks under a label of their own. Where a running head broke a sentence (``co-corresponding`` / ``24
    TIDELINES`` / ``authors.``), the sentence is joined again: the blank lines around the head are dropped with it."""
    heads = repeated_heads(lines) if len(lines) > 2 else set()
    if heads:
        # (and the footers the heads follow: 第 16 页    版本：…)
        lines = [line for line in lines if " ".join(line.split()) not in heads and not _page_footer(line)]
    out: list[str] = []
    skip_blank = False
    contact = 0
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            contact = 0
            if not skip_blank:
                out.append(line)
            continue
        skip_blank = False
        if contact:
            contact -= 1
            if len(text) <= 100 and not ends_sentence(text):
                continue
            contact = 0
        if _CONTACT_LABEL.match(text):
            contact = _CONTACT_ROWS
            continue
        last = i + 1 >= len(lines) or not any(line.strip() for line in lines[i + 1 :])
        if (stands_between_blanks(lines, i) or last) and is_running_head(text) and out:
            previous = next((t.strip() for t in reversed(out) if t.strip()), "")
            if previous and not ends_sentence(previous):
                while out and not out[-1].strip():
                    out.pop()
                skip_blank = True
            continue
        out.append(line)
    return out
