"""A digest printed in a narrow column: each entry a rubric in capitals, a headline wrapped over two or three lines
and the story run on right under it, no blank line between them (a journal's "Research highlights" page).

    ANIMAL BEHAVIOUR
    Seabirds nap in
    flight over the ocean
    Frigatebirds sleep for seconds at a time …

Nothing but the capitals and the case of the lines marks where the headline ends: its wrapped lines go on in lower
case, the story opens with a capital. Each entry is rewritten as a bullet heading on one line over its story (``●
Seabirds nap in flight over the ocean``), a digest's layout the segmenter reads; the rubrics (a field, not a story)
are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.caps_label import caps_label
from ingest.segment import announces_digest
from ingest.segment_lines import ends_sentence, headline_shaped


def _rubric(text: str) -> bool:
    """A rubric: a field in capitals, a word to three (ANIMAL BEHAVIOUR, CHEMISTRY, PLANETARY SCIENCE)."""
    return caps_label(text, words=3, chars=30, least=2)


def _page_label(text: str) -> bool:
    """A page's label in capitals (CORRECTIONS, RESEARCH HIGHLIGHTS, INSIGHTS | LETTERS)."""
    return caps_label(text, words=6, chars=41, least=3)


#: a headline wraps over at most this many lines
_HEAD_LINES = 3
#: the story under it ends a sentence within this many lines
_STORY_LINES = 12


def _entry(lines: Sequence[str], i: int) -> int | None:
    """Where the story of a rubric's entry opens (the headline is between), or None when ``lines[i]`` opens none."""
    text = lines[i].strip()
    # (set off by a blank line, or right under the page's own label in capitals: CORRECTIONS / ECOLOGY / …)
    above = lines[i - 1].strip() if i else ""
    if not _rubric(text) or (above and not _page_label(above)):
        return None
    k = i + 1
    if k >= len(lines) or not headline_shaped(lines[k].strip()) or ends_sentence(lines[k].strip()):
        return None
    if _rubric(lines[k].strip()):
        return None  # (a page's label over a rubric: the rubric opens the entry)
    k += 1
    # (the headline's wrapped lines go on in lower case; the story opens with a capital)
    while k < len(lines) and k - i <= _HEAD_LINES and lines[k].strip()[:1].islower():
        if ends_sentence(lines[k].strip()):
            return None
        k += 1
    story = [line.strip() for line in lines[k : k + _STORY_LINES]]
    if not story or not story[0][:1].isupper() or not any(ends_sentence(line) for line in story if line):
        return None
    return k


def rubric_headlines(text: str) -> str:
    """The text with a narrow-column digest's entries laid out as headlines over their stories (see the module);
    unchanged unless the page announces a digest (or opens with its label in capitals) and has two such entries."""
    lines = text.splitlines()
    entries = {i: k for i in range(len(lines)) if (k := _entry(lines, i)) is not None}
    if len(entries) < 2:
        return text
    head = next((line.strip() for line in lines if line.strip()), "")
    # (only a page that says it is one, by its title or its label in capitals: a release's ABOUT THE STUDY / FUNDING
    # / ABOUT NORTHVALE blocks are shaped alike)
    if not announces_digest(head) and not _page_label(head):
        return text
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i in entries:
            story = entries[i]
            out += ["", "● " + " ".join(line.strip() for line in lines[i + 1 : story])]
            i = story
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
