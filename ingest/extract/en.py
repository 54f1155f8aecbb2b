"""English rules: institution names, their units (School of X at Y University) and funder names in funding lists.

English names are runs of capitalised words with a few connectors (of, and, for, the); a name ends at the first
lower-case word that is not a connector, so "the Ministry of Science and Technology of China and will collaborate"
yields the ministry only.
"""

from __future__ import annotations

import re

from ingest.extract.spans import Span, clean

_WORD = r"[A-Z][a-zA-Z'&-]*"
_HEADS = (
    r"University|Institute|Institutes|Laboratory|Laboratories|Hospital|College|Academy|Center|Centre|School|"
    r"Observatory|Museum|Polytechnic|Department|Faculty|Division|Clinic"
)
_TAIL = rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_WORD}(?:\s+(?:and\s+)?{_WORD}){{0,5}})?"
# a head word alone ("Laboratory director …") is no name: it needs a word before it or an "of …" after it
_INSTITUTION = re.compile(
    rf"(?:{_WORD}\s+){{1,5}}(?:{_HEADS})\b{_TAIL}"
    rf"|(?:{_HEADS})\s+(?:of|for)\s+(?:the\s+)?{_WORD}(?:\s+(?:and\s+|of\s+|the\s+)?{_WORD}){{0,5}}"
)
_LEADING = re.compile(r"^(?:(?:The|A|An|At|In|From|By|With|And|Of|For|On|Astronomers|Engineers|Researchers)\s+)+")
_UNIT = re.compile(r"^(?:School|Department|Faculty|College|Institute|Laboratory|Center|Centre|Division|Clinic)\b")
_TOP = re.compile(r"\b(?:University|Academy|Polytechnic|Institute of Technology)\b")
# between a unit and its institution: "School of Chemistry, Harbourview University", "… at Westbrook Polytechnic"
_UNIT_GAP = re.compile(r",\s*(?:the\s+)?|\s+(?:at|of)\s+(?:the\s+)?")
# "X and the Y", "Wellcome Trust and UK Research": two bodies; "Science and Technology" stays one name
_TWO_BODIES = re.compile(r"\s+and\s+the\s+|(?:(?<=Trust)|(?<=Council)|(?<=Agency)|(?<=Foundation))\s+and\s+")
_ORG_RUN = re.compile(rf"{_WORD}(?:\s+(?:(?:of|for|and|on|the|de|&)\s+)*{_WORD})*")


def find_institutions(text: str) -> list[Span]:
    """English institution names (University of Cambridge, Department of Mathematics, Westbrook Polytechnic).

    A unit followed by its institution gets that institution as ``parent`` (partOf).
    """
    spans: list[Span] = []
    for m in _INSTITUTION.finditer(text):
        lead = _LEADING.match(m.group())
        start = m.start() + (lead.end() if lead else 0)
        end = m.end()
        if end - start < 4 or not text[start].isupper():
            continue
        spans.append(Span(start, end, "Institution", clean(text[start:end])))
    for unit, parent in zip(spans, spans[1:], strict=False):
        unit_like = _UNIT.match(unit.name) or not _TOP.search(unit.name)
        if unit_like and _TOP.search(parent.name) and _UNIT_GAP.fullmatch(text[unit.end : parent.start]):
            unit.parent = parent.name
    return spans


def organisation_names(chunk: str) -> list[tuple[int, str]]:
    """(offset, name) of the capitalised name at the start of each part of a funding list."""
    out: list[tuple[int, str]] = []
    last_end = 0
    for m in re.finditer(r"(?:^|;|,|\band\s+(?:by\s+)?(?:the\s+)?|\bby\s+(?:the\s+)?|\bthe\s+)\s*", chunk):
        run = _ORG_RUN.match(chunk, m.end())
        if not run or len(run.group()) < 3 or any(o <= run.start() < o + len(n) for o, n in out):
            continue
        # the list ends where other words come between two names ("… of China and will collaborate with …")
        if out and re.search(r"[a-z]{2,}", re.sub(r"\b(?:and|by|the)\b|\([^)]*\)", "", chunk[last_end : run.start()])):
            break
        last_end = run.end()
        at = run.start()
        for part in _TWO_BODIES.split(run.group()):
            name = re.sub(r"\s+(?:and|of|for|on|the|de|&)$", "", part)
            offset = chunk.find(part, at)
            at = offset + len(part)
            if len(name) >= 3:
                out.append((offset, name))
    return out
