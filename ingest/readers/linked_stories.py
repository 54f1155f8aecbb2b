"""Stories each closed by a link to the full text: the blurbs of an e-mail digest or of a news list copied from a
site, set apart by blank lines only (no rule between them).

    *Heatwaves leave a mark on reef fish hearing*
    Young fish raised through a heatwave … according to research led by Dr … and published in …
    Read more › https://news.example.edu/2027/05/reef-fish

Each blurb is an item titled by its headline (a line in ``*`` emphasis loses the stars); what stands above the
first headline (the mail's headers, the digest's masthead, a greeting) and below the last link (the footer) is no
story. A saved message's date dates every blurb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from ingest.readers.mail_headers import MAIL_DATE
from ingest.segment_lines import ends_sentence, headline_shaped

#: the link line that closes a blurb, alone or with its address (Read more › https://…, Continue reading →, 阅读全文)
_READ_MORE = re.compile(
    r"^(?:Read (?:more|the full (?:story|article))|Continue reading|Full story|阅读全文|查看全文|查看详情)"
    r"\s*[>›»→:：…]*\s*(?:<?https?://\S+)?$",
    re.I,
)
#: a headline in single-star emphasis, as plain-text mail renders bold (*Heading*)
_EMPHASIS = re.compile(r"^\*(?=\S)(?P<head>[^*]+?)(?<=\S)\*$")
#: a person's title opening the line: a speaker's or member's entry on a people page, no story's headline
_HONORIFIC = re.compile(r"^(?:Prof|Professor|Dr|Mr|Mrs|Ms|Sir|Dame)\.?\s")
#: a blurb's text runs to at most this many lines, the lines under its headline hold a sentence within the first few
_BLURB_LINES = 8
_LEAD_LINES = 4
#: sentences that may stand above a blurb (a greeting: "Hello, three stories from across the campus this week.")
_GREETING_SENTENCES = 2
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)")
#: blurbs it takes to read a text so
_STORIES = 2


def _headline(lines: Sequence[str], i: int) -> str | None:
    """The headline ``lines[i]`` is (stars removed), when it opens a blurb: after a blank line or at the part's start,
    with a sentence under it; else None."""
    text = lines[i].strip()
    match = _EMPHASIS.match(text)
    head = match["head"].strip() if match else text
    if not head or (i and lines[i - 1].strip()) or not headline_shaped(head) or _HONORIFIC.match(head):
        return None
    below = list(islice((t for line in lines[i + 1 :] if (t := line.strip())), _LEAD_LINES))
    return head if any(ends_sentence(line) for line in below) else None


def linked_stories(text: str) -> list[str]:
    """The blurbs of a digest whose stories each end with a "Read more" link, each as ``headline / [date] / text``
    (see the module); empty unless two blurbs or more are found."""
    lines = text.splitlines()
    closers = [i for i, line in enumerate(lines) if _READ_MORE.match(line.strip())]
    if len(closers) < _STORIES:
        return []
    dated = next((line.strip() for line in lines[: closers[0]] if MAIL_DATE.match(line.strip())), None)
    stories: list[str] = []
    start = 0
    for end in closers:
        part = lines[start:end]
        start = end + 1
        # (the blurb opens at the part's last headline: above it stand the digest's masthead and greeting)
        opening = next(
            ((i, head) for i in range(len(part) - 1, -1, -1) if (head := _headline(part, i)) is not None), None
        )
        if opening is None:
            continue
        i, head = opening
        body = [line for line in part[i + 1 :] if line.strip()]
        # (a blurb is a few lines; above the first one only a masthead and a greeting stand, no story of its own: a
        # release with a box of related stories under it is one release)
        above = " ".join(line.strip() for line in part[:i])
        if len(body) > _BLURB_LINES or len(_SENTENCE_END.findall(above)) > _GREETING_SENTENCES:
            return []
        stories.append("\n".join([head, *([dated] if dated else []), "", *body]))
    return stories if len(stories) >= _STORIES else []
