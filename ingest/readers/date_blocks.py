"""A news list whose entries are dated by a block of two lines above each headline, the day large over the year and
month (a Chinese university or lab site's 新闻动态 page):

    15
    2025-12
    课题组成果在Nature发表
    近日，…

Each block is rewritten as the one line a dated news list prints (``2025-12-15 | 课题组成果在Nature发表``), which
the segmenter reads as an entry's headline and date.
"""

from __future__ import annotations

import re

_DAY = re.compile(r"^\s*(?P<day>[0-3]?\d)\s*$")
_MONTH = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})[-./年](?P<month>[01]?\d)月?\s*$")
#: blocks it takes to read a page so
_BLOCKS = 2


def dated_blocks(text: str) -> str:
    """``text`` with each day-over-month date block joined to the headline under it (see the module); unchanged
    unless it holds two blocks or more."""
    lines = text.splitlines()
    found = {
        i
        for i in range(len(lines) - 2)
        if (day := _DAY.match(lines[i]))
        and (month := _MONTH.match(lines[i + 1]))
        and 1 <= int(day["day"]) <= 31
        and 1 <= int(month["month"]) <= 12
        and lines[i + 2].strip()
    }
    if len(found) < _BLOCKS:
        return text
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i in found:
            day, month = _DAY.match(lines[i]), _MONTH.match(lines[i + 1])
            assert day is not None and month is not None
            date = f"{month['year']}-{int(month['month']):02d}-{int(day['day']):02d}"
            out.append(f"{date} | {lines[i + 2].strip()}")
            i += 3
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
