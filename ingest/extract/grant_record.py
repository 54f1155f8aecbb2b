"""A funder's grant-database record (a project page as plain text): labelled fields, names in capitals.

"Contact PI / Project Leader: SURNAME, GIVEN M", "Awardee Organization: UNIVERSITY OF X", "Administering Institutes
or Centers: NATIONAL INSTITUTE OF Y": the people, the organisation and the funder are the values of their fields,
written as a database prints them (surname first, all in capitals), which no rule for running text reads.
"""

from __future__ import annotations

import re

from ingest.extract.spans import Span

# (a literal scan first: a text without a field label skips the patterns)
_HINT = re.compile(r"\b(?:PIs?|Investigators?|Project[^\S\n]+Leaders?|Awardee|Administering|Funding[^\S\n]+IC)\b")
_PEOPLE_FIELD = re.compile(
    r"(?m)^[^\S\n]*(?:Contact[^\S\n]+PI(?:[^\S\n]*/[^\S\n]*Project[^\S\n]+Leader)?|Other[^\S\n]+PIs?"
    r"|(?:Co-)?(?:Principal[^\S\n]+)?Investigators?|Co-PIs?|PIs?|Project[^\S\n]+Leaders?)[^\S\n]*:[^\S\n]*"
    r"(?P<value>[^\n]+)"
)
# "RUIZO, ANA M": the surname, a comma, the given names and initials
_SURNAME_FIRST = re.compile(
    r"(?P<surname>[A-Z][A-Z'’-]+(?:[^\S\n]+[A-Z][A-Z'’-]+)?)[^\S\n]*,[^\S\n]*"
    r"(?P<given>[A-Z][A-Z'’-]+(?:[^\S\n]+[A-Z][A-Z'’-]*\.?)*)"
)
_ORGANISATION_FIELD = re.compile(
    r"(?m)^[^\S\n]*(?:Awardee[^\S\n]+Organi[sz]ation|Recipient[^\S\n]+Organi[sz]ation)[^\S\n]*:[^\S\n]*"
    r"(?P<value>[A-Z][^\n]{2,120}?)[^\S\n]*$"
)
_FUNDER_FIELD = re.compile(
    r"(?m)^[^\S\n]*(?:Administering[^\S\n]+Institutes?[^\S\n]+or[^\S\n]+Centers?|Funding[^\S\n]+(?:IC|Agency))"
    r"[^\S\n]*:[^\S\n]*(?P<value>[A-Z][^\n]{2,120}?)[^\S\n]*$"
)
_SMALL_WORDS = frozenset({"of", "at", "and", "for", "the", "in", "on", "de", "du", "la", "y"})


def _cased(word: str) -> str:
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def title_case(value: str) -> str:
    """A name printed in capitals written as a name (connectors in lower case): "UNIVERSITY OF X AT Y" → "University
    of X at Y"; a value already in mixed case is kept."""
    if value != value.upper():
        return value
    words = value.split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else _cased(w) if w.isalpha() or "-" in w else w
        for i, w in enumerate(words)
    )


class Record:
    """What a grant record's fields name: ``labels`` are the fields' labels ("Awardee Organization"), no names."""

    def __init__(self) -> None:
        self.people: list[Span] = []
        self.institutions: list[Span] = []
        self.funders: list[Span] = []
        self.labels: list[tuple[int, int]] = []


def find(text: str) -> Record:
    """The researchers, institutions and funders named in a grant record's fields."""
    record = Record()
    if ":" not in text or not _HINT.search(text):
        return record
    people: list[Span] = []
    for field in _PEOPLE_FIELD.finditer(text):
        # (several people in one field, each after a semicolon)
        pos = field.start("value")
        for part in field.group("value").split(";"):
            lead = len(part) - len(part.lstrip())
            m = _SURNAME_FIRST.fullmatch(part.strip())
            if m is not None:
                name = f"{title_case(m.group('given'))} {title_case(m.group('surname'))}"
                start = pos + lead
                people.append(Span(start, start + len(part.strip()), "Researcher", name, role="researcher"))
            pos += len(part) + 1
    if not people:
        return record
    record.people = people
    for pattern, etype, out in (
        (_ORGANISATION_FIELD, "Institution", record.institutions),
        (_FUNDER_FIELD, "Funder", record.funders),
    ):
        for m in pattern.finditer(text):
            out.append(Span(m.start("value"), m.end("value"), etype, title_case(m.group("value"))))
    record.labels = [
        (m.start(), m.start("value"))
        for pattern in (_PEOPLE_FIELD, _ORGANISATION_FIELD, _FUNDER_FIELD)
        for m in pattern.finditer(text)
    ]
    return record
