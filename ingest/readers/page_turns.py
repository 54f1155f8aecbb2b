"""A newspaper story that turns to another page, as PDF text gives it: ``（下转第2版）`` at the foot of the first part,
the page's editor and the next page's running head, then ``（上接第1版）`` over the rest.

The turn is furniture, not an article's end: the lines from the jump line to the continuation line go when nothing
but furniture stands between them (the story reads on, its broken sentence joined again), and the page's editor
line (本版责编：…) and the page's running head (第4版　人物　…, 2027年11月6日　星期四　…) go wherever they stand.
"""

from __future__ import annotations

import re

from ingest.segment_lines import ends_sentence

#: a newspaper's page number (第4版, 第A3版, A3版)
PAGE_NUMBER = r"(?:第\s*[A-Z]?\d{1,3}|\b[A-D]\d{1,2})\s*版"
#: a jump line at the foot of a story's part (（下转第2版）, （转第A3版）) and the continuation line over the next part
# (inside the brackets the page may go without its 第: （下转2版）)
_JUMP = re.compile(rf"^[（(]\s*(?:下转|转至|转)\s*(?:{PAGE_NUMBER}|\d{{1,2}}\s*版)\s*[）)]$")
_CONTINUED = re.compile(rf"^[（(]\s*(?:上接|接|紧接)\s*(?:{PAGE_NUMBER}|\d{{1,2}}\s*版)\s*[）)]$")
#: a newspaper page's own number in its head (第4版 …), and the page's label on a line of its own (第1版　要闻)
_PAGE_LABEL = re.compile(rf"^{PAGE_NUMBER}")
PAGE_LABEL_LINE = re.compile(rf"^{PAGE_NUMBER}(?:\s+\S{{1,10}})?$")
#: the page's editors, set under its last story (本版责编：…, 本版编辑：…, 版式设计：…)
_PAGE_EDITOR = re.compile(r"^(?:本版(?:责编|编辑|主编|责任编辑)|版式(?:设计)?|美编|本版校对)\s*[:：]")
#: what stands between the two parts of a story: the first page's footer and the next page's head, a few lines
_TURN_ROWS = 6
#: lines (blank ones too) searched for the continuation line after a jump line
_TURN_WINDOW = 30
#: a newspaper page's head: short fields set apart by wide spaces, one the page's number (第4版　人物　…　责任编辑：…)
#: or the day with its weekday (2027年11月6日　星期四　…　某某大学报)
_FIELDS = re.compile(r"\u3000{2,}|\s{3,}")
_WEEKDAY = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*星期[一二三四五六日天]")
_HEAD_FIELD = 24


def is_newspaper_head(line: str) -> bool:
    """A newspaper page's running head or edition line (see :data:`_FIELDS`): no sentence, two to four fields."""
    fields = [f.strip() for f in _FIELDS.split(line.strip()) if f.strip()]
    if not 2 <= len(fields) <= 4 or any(len(f) > _HEAD_FIELD or ends_sentence(f) for f in fields):
        return False
    return any(_PAGE_LABEL.match(f) or _WEEKDAY.search(f) for f in fields)


def join_page_turns(text: str) -> str:
    """``text`` with its stories' page turns closed (see the module); unchanged when it has none."""
    if "版" not in text:
        return text
    lines = text.splitlines()
    # (a page's heads are a newspaper's only where the text shows it is one: its page numbers or a turn; a meeting
    # notice's schedule row, 2027年11月6日　星期四　上午　开幕式, stays)
    newspaper = any(_PAGE_LABEL.match(t := line.strip()) or _JUMP.match(t) or _CONTINUED.match(t) for line in lines)
    out: list[str] = []
    dated = False
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if _JUMP.match(line):
            # (the continuation stands within a page's footer and head: looked for that far, not to the end)
            window = range(i + 1, min(len(lines), i + 1 + _TURN_WINDOW))
            end = next((k for k in window if _CONTINUED.match(lines[k].strip())), None)
            between = [t for k in range(i + 1, end) if (t := lines[k].strip())] if end is not None else []
            if end is not None and len(between) <= _TURN_ROWS and not any(ends_sentence(t) for t in between):
                # (the broken sentence goes on right after the continuation line: no blank line between the parts)
                while out and not out[-1].strip():
                    out.pop()
                i = end + 1
                while i < len(lines) and not lines[i].strip():
                    i += 1
                continue
            i += 1
            continue
        if _CONTINUED.match(line) or _PAGE_EDITOR.match(line) or (newspaper and is_newspaper_head(line)):
            # (the first head that dates the page stays as the page's date field, which the reader takes)
            day = _WEEKDAY.search(line) if not dated else None
            if day is not None:
                out.append(f"日期：{day.group().split('星期')[0].strip()}")
                dated = True
            i += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
