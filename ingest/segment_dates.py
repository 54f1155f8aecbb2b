"""Dates as news texts write them, turned into ISO strings.

Chinese news writes ``2025 年 4 月 10 日``, ``4 月 10 日`` (the year is the issue's) or ``2024 年 4 月``; English news
writes ``April 10, 2025``, ``10 April`` or ``2025-04-10``. The result has the precision the text gives:
``YYYY-MM-DD``, or ``YYYY-MM`` when only the month is known. A day or month without a known year is not guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.segment_lines import SENTENCE_BREAK

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAME = r"(?P<mname>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# Chinese: optional year, month, optional day; PDF text puts spaces around the digits
_ZH_DATE = re.compile(
    r"(?:(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*)?(?<![\d.])(?P<m>1[0-2]|0?[1-9])\s*月(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号])?"
)
_ISO_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>1[0-2]|0?[1-9])(?:[-/.](?P<d>3[01]|[12]\d|0?[1-9]))?(?!\d)"
)
_EN_MDY = re.compile(
    rf"\b{_MONTH_NAME}\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s*(?P<y>(?:19|20)\d{{2}}))?", re.I
)
_EN_DMY = re.compile(
    rf"\b(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+{_MONTH_NAME}\b(?:,?\s*(?P<y>(?:19|20)\d{{2}}))?", re.I
)
_EN_MY = re.compile(rf"\b{_MONTH_NAME}\s+(?P<y>(?:19|20)\d{{2}})\b", re.I)
_ISSUE_YEAR = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:第\s*\d+\s*期|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*$)"
    r"|^(?:(?:Vol(?:ume)?\.?|Issue|No\.|Number)\s*\d+[,;]?\s*)+[(]?(?:[A-Z][a-z]+\.?\s+)?(?P<ey>(?:19|20)\d{2})[)]?$"
)
_COLUMNS = re.compile(r"\s+\|\s+|\s{3,}")
# "February 2026", "Winter 2026" standing alone in a masthead
_SEASON_YEAR = re.compile(
    rf"^(?:{_MONTH_NAME}|Spring|Summer|Autumn|Fall|Winter)\s+(?P<y>(?:19|20)\d{{2}})(?P<ey>)$", re.I
)
_FULL_ZH_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:1[0-2]|0?[1-9])\s*月\s*(?:3[01]|[12]\d|0?[1-9])\s*日")


#: how far (in characters) a written year carries over to the dates written after it without one
_YEAR_REACH = 40


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: its ISO form, where it was and whether the year was written or inferred."""

    iso: str
    start: int
    end: int
    has_day: bool


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    if year is None:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(match: re.Match[str]) -> int:
    if match.groupdict().get("mname"):
        return _MONTHS[match["mname"].lower().rstrip(".")]
    return int(match["m"])


def find_dates(text: str, year: int | None = None) -> list[FoundDate]:
    """Every date in ``text`` resolvable to at least a month, in order.

    A date written without its year takes the year of a date written just before it (``2024 年 4 月…于 5 月 6 日``),
    else ``year`` (the issue's).
    """
    matches: list[tuple[int, int, int | None, int, int | None]] = []
    for pattern in (_ISO_DATE, _ZH_DATE, _EN_MDY, _EN_DMY, _EN_MY):
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end, *_ in matches):
                continue
            groups = match.groupdict()
            written_year = int(groups["y"]) if groups.get("y") else None
            day = int(groups["d"]) if groups.get("d") else None
            if written_year is None and day is None:
                continue  # "4 月" alone is too vague to be a date
            matches.append((match.start(), match.end(), written_year, _month(match), day))
    found: list[FoundDate] = []
    last_year: tuple[int, int] | None = None  # (end offset, year) of the last date written with its year
    for start, end, written_year, month, day in sorted(matches):
        if written_year is not None:
            last_year = (end, written_year)
        elif last_year is not None and start - last_year[0] <= _YEAR_REACH:
            written_year = last_year[1]
        iso = _iso(written_year or year, month, day)
        if iso is not None:
            found.append(FoundDate(iso, start, end, day is not None))
    return found


def split_source(text: str, year: int | None = None) -> tuple[str | None, str | None]:
    """A source line's body as (publisher, ISO date): ``4 月 10 日同济大学官网`` → (``同济大学官网``, ``2025-04-10``).

    The date is cut from the publisher even when no year resolves it.
    """
    dates = find_dates(text, year)
    rest = text
    for pattern in (_ISO_DATE, _ZH_DATE, _EN_MDY, _EN_DMY, _EN_MY):
        rest = pattern.sub(lambda m: "" if m.groupdict().get("d") or m.groupdict().get("y") else m.group(0), rest)
    publisher = rest.strip(" ,，、;；") or None
    return publisher, dates[0].iso if dates else None


def parse_date(text: str, year: int | None = None) -> str | None:
    """The first date in ``text`` as ISO (``2024-04-10``, ``2024-04``), or None."""
    dates = find_dates(text, year)
    return dates[0].iso if dates else None


_WEEKDAY = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?(?=[\s,])|星期[一二三四五六日天]|周[一二三四五六日]",
    re.I,
)
_DATELINE_REST = re.compile(r"[\s,，.。:：|/()（）\-–—]*")


def dateline(text: str, year: int | None = None) -> str | None:
    """The ISO date of a line that holds a day-precise date and nothing else (``Nov 3, 2026``, ``2026 年 3 月 5 日
    星期四``), as bulletins print above each story; None for any other line."""
    if len(text) > 40:
        return None
    found = find_dates(text, year)
    if len(found) != 1 or not found[0].has_day:
        return None
    rest = _WEEKDAY.sub("", text[: found[0].start] + " " + text[found[0].end :])
    return found[0].iso if _DATELINE_REST.fullmatch(rest) else None


#: a date and a headline on one line, apart by a bar (2027-01-09 | Best poster at the meeting!)
_DATED_HEADLINE = re.compile(r"^(?P<date>[^|｜]{6,30}?)\s*[|｜]\s*(?P<head>\S.{2,99})$")


def dated_headline(text: str, year: int | None = None) -> tuple[str, str] | None:
    """(ISO date, headline) of a news list's entry line that dates its headline (``2026-12-15 | Paper out in
    Science Advances``), as a lab's or a department's news page prints them; None for any other line."""
    if "|" not in text and "｜" not in text:
        return None
    match = _DATED_HEADLINE.match(text)
    if match is None or SENTENCE_BREAK.search(match["head"]):
        return None
    day = dateline(match["date"].strip(), year)
    return (day, match["head"].strip()) if day else None


#: a social feed's post header: the poster's name and their tie to the reader (Ana Ruizo • 2nd, … • Following)
_FEED_HEADER = re.compile(r"^(?P<name>[^•|\n]{3,60}?)\s+•\s+(?:1st|2nd|3rd\+?|Following|Author|Premium)$")


def feed_header(text: str) -> bool:
    """A post's header line in a social feed copied as text (``Ana Ruizo • 1st``): the post's headline."""
    return "•" in text and bool(_FEED_HEADER.match(text))


def first_event_date(text: str, year: int | None, window: int = 400) -> str | None:
    """The date an item reports: the first day-precise date near its start, else a month written out in words.

    ``2024 年 4 月`` or ``April 2024`` near the start dates an item to the month; a bare ``2021.09`` (a table cell,
    a version) does not.
    """
    head = text[:window]
    dates = find_dates(head, year)
    day = next((date.iso for date in dates if date.has_day), None)
    if day:
        return day
    return next((d.iso for d in dates if re.search(r"年|[A-Za-z]", head[d.start : d.end])), None)


def issue_year(lines: list[str]) -> int | None:
    """The year of an issue: from its issue line (``2025 年第 4 期``), else the year most full dates carry."""
    for line in lines[:40]:
        # a masthead set in columns: "Volume 7, Issue 2 | February 2026"
        for field in _COLUMNS.split(line.strip()):
            match = _ISSUE_YEAR.search(field) or _SEASON_YEAR.match(field)
            if match:
                return int(match["y"] or match["ey"])
    text = "\n".join(lines)
    years = Counter(int(m["y"]) for m in _FULL_ZH_YEAR.finditer(text))
    years.update(int(m["y"]) for m in _EN_MDY.finditer(text) if m["y"])
    if not years:
        return None
    # the latest year among the most written ones: an issue reports recent events and cites older ones
    top = max(years.values())
    return max(year for year, count in years.items() if count == top)
