"""English rules: institution names, their units (School of X at Y University) and funder names in funding lists.

English names are runs of capitalised words with a few connectors (of, and, for, the); a name ends at the first
lower-case word that is not a connector, so "the Ministry of Science and Technology of China and will collaborate"
yields the ministry only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ingest.extract.lexicon import LATIN_LETTER, LATIN_UPPER, RESEARCHER_EN_JOBS, alternation
from ingest.extract.spans import Span, clean

# a capitalised word, or a dotted abbreviation (U.S., U.K.) that starts many agency names; a title starts a name
# ("University of Northmere–Eastvale": a campus after an en dash is part of the word)
_WORD = (
    rf"(?:(?:[A-Z]\.){{2,}}|(?!(?:Dr|Prof|Professor|Mr|Mrs|Ms)\b)[{LATIN_UPPER}][{LATIN_LETTER}'&-]*"
    rf"(?:–[{LATIN_UPPER}][{LATIN_LETTER}'&-]*)?)"
)
_HEADS = (
    r"University|Institute|Institutes|Laboratory|Laboratories|Hospital|College|Academy|Center|Centre|School|"
    r"Observatory|Museum|Polytechnic|Department|Faculty|Division|Clinic|Institution|Organization|Organisation|Lab|"
    # (units: "Solid State and Structural Chemistry Unit", "the Museum's Science Directorate")
    r"Unit|Directorate|Infirmary|Library|"
    # (a zoo, an aquarium or a botanic garden keeps collections and employs scientists, as a museum does)
    r"Zoo|Aquarium|Botanic(?:al)?[^\S\n]+Gardens?"
)
# a name never runs over a line break (a headline ends where the next line starts): spaces, not \s
_SP = r"[^\S\n]+"
# a title or a job word right before a capitalised run: the run opens with a person's name
_PERSON_CUE_BEFORE = re.compile(
    rf"\b(?:Dr\.?|Prof\.?|Professor|professor|Mr|Mrs|Ms|{alternation(RESEARCHER_EN_JOBS)})[^\S\n]+$"
)
_OF_PLACE_AFTER = re.compile(rf"{_SP}of{_SP}[A-Z][a-z]+(?:{_SP}[A-Z][a-z]+){{0,2}}\b")
_FIELDS = (
    r"(?:Technology|Technologies|Sciences?|Engineering|Medicine|Arts|Health|Design|Agriculture|Economics|Mines"
    r"|Mathematics|Physics|Chemistry|Biology|Law|Music|Education|Humanities|Commerce|Management|Environment"
    r"|Applied|Natural|Social|Political|Life|Computer|Information|Dentistry|Pharmacy|Nursing|Veterinary"
    r"|Molecular|Chemical|Biological|Materials|Medical|Biomedical|Electrical|Mechanical|Civil|Earth"
    # (fields an institute is named for: "Institute of Genetics and Cancer" is one institute, not two)
    r"|Genetics|Genomics|Cancer|Neuroscience|Neurosciences|Immunology|Oncology|Microbiology|Biochemistry|Biophysics"
    r"|Ecology|Evolution|Geology|Geography|Astronomy|Astrophysics|Statistics|Psychology|Pharmacology|Physiology"
    r"|Pathology|Epidemiology|Nutrition|Energy|Climate|Marine|Oceanography|Robotics|Nanotechnology|Photonics|Optics"
    r"|Infection|Immunity|Metabolism|Surgery|Psychiatry|Linguistics|Philosophy|History|Aerospace|Cell|Quantum|Data)\b"
)
# ("Brazilian Center for Research in Energy and Materials": after "in", a field goes on)
_TAIL = rf"(?:{_SP}(?:of|for){_SP}(?:the{_SP})?{_WORD}(?:{_SP}(?:(?:and|&){_SP}|in{_SP}(?={_FIELDS}))?{_WORD}){{0,5}})?"
# a head word alone ("Laboratory director …") is no name: it needs a word before it or an "of …" after it
# a donor's name before the head word may hold an initial or a particle: "William A. Brookshire Department of …",
# "Northvale de Souza College of Agriculture" (with a suffix: "Tomas K. Arvidson Sr. Department"), or two donors:
# "Chobanian & Avedisian School of Medicine"
# ("Solid State and Structural Chemistry Unit", "Imaging and Analysis Centre": fields joined by "and")
_NAME_PART = rf"(?:{_WORD}|[A-Z]\.|(?:Jr|Sr)\.|(?:&|and)(?={_SP}[A-Z])|(?:de|da|do|dos|das|del|van|von)(?={_SP}[A-Z]))"
_INSTITUTION = re.compile(
    rf"{_WORD}{_SP}(?:(?:{_NAME_PART}{_SP}){{0,4}}(?:{_HEADS})\b{_TAIL}"
    # two donors' given names before their surname: "Walter and Eliza Hall Institute", "Hedda and Lorenz Brandvik
    # Cancer Institute" (a university is never named so: "Harvard and Stanford University" is two). The first word is
    # shared with the plain name, so the engine reads it once.
    rf"|and{_SP}{_WORD}{_SP}(?:{_NAME_PART}{_SP}){{1,3}}(?:Institute|Centre|Center|Hospital|School|College|Laboratory"
    rf"|Clinic)\b{_TAIL})"
    # ("the Institute of Multidisciplinary Research for Advanced Materials": a field may go on after "for", and
    # after "in" into a field: "Institute for Research in Immunology and Cancer")
    rf"|(?:{_HEADS}){_SP}(?:of|for){_SP}(?:the{_SP})?{_WORD}"
    # ("Institute for Geology and Biology of the Coastal Environment": "of the" inside the fields)
    # (not "of the University of X": the parent body, another name)
    rf"(?:{_SP}(?:and{_SP}|&{_SP}|of{_SP}(?:the{_SP}(?!(?:{_WORD}{_SP}){{0,3}}(?:{_HEADS})\b))?|for{_SP}|the{_SP}"
    rf"|in{_SP}(?={_FIELDS}))?{_WORD}){{0,5}}"
)
_ACRONYM_AND = re.compile(rf"[A-Z]{{2,8}}{_SP}(?:and|&){_SP}(?=[A-Z])")
_UNIVERSITY_OF_PLACE = re.compile(r"University\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
_AT_CAMPUS = re.compile(
    r"\s+at\s+(?!the\b)[A-Z][a-z]+(?:[\s-](?!Campus|Site|Centre|Center|Laboratory|Hospital)[A-Z][a-z]+)?\b"
    r"(?!\s+(?:Campus|Site|Centre|Center|Laboratory|Hospital)\b)"
)
# (a place after "of": "University of Manchester", not a field: "College of Chemistry and Molecular Engineering")
_PLACE_AND = re.compile(rf"(?:University|College|Institute)\s+of\s+(?!{_FIELDS})[A-Z][a-z]+(?P<and>\s+and\s+)")
_FIELD_AFTER_AND = re.compile(_FIELDS)
# (and a laboratory: "State Key Laboratory of Tibetan Plateau Earth System, Environment and Resources")
_FIELD_HEAD = re.compile(
    r"(?:Department|Ministry|School|College|Faculty|Division|(?:State\s+)?Key\s+Laboratory)\s+of\s+(?:the\s+)?(?=[A-Z])"
)
_FIELD_WORD = r"(?!(?:Dr|Professor|Prof|Mr|Ms|Mrs|Sir|Dame)\b)[A-Z][a-z]+"
_FIELD_NOT_BODY = (
    r"(?!(?:[A-Z][a-z]+\s+)?(?:University|Institute|College|Hospital|Academy|Centre|Center|School|Foundation)\b)"
)
FIELD_LIST = re.compile(
    # ("College of Literature, Science, and the Arts")
    rf"(?:,\s*{_FIELD_NOT_BODY}{_FIELD_WORD}(?:\s+{_FIELD_WORD})?)+,?\s+(?:and|&)\s+(?:the\s+)?{_FIELD_NOT_BODY}"
    rf"{_FIELD_WORD}(?:\s+{_FIELD_WORD})?\b"
)
# a unit or institute named for its fields, its first field at the end of the match: "Rosenstiel School of Marine",
# "Federal Institute for Forest" go on over ", Snow and Landscape Research" (not a university: "University of
# Leeds, York and Hull" are three)
_FIELD_HEAD_END = re.compile(
    r"\b(?:Institute|Institutes|School|Centre|Center|Laboratory|Laboratories|Department|Faculty|Division|College|Unit)"
    rf"{_SP}(?:of|for){_SP}(?:the{_SP})?{_WORD}(?:{_SP}{_WORD})?$"
)
# fields listed before the head word: "the Heart, Vascular & Thoracic Institute", "National Heart, Lung, and Blood
# Institute" (the match began at the last field; the list runs back over the commas)
_FIELDS_BEFORE = re.compile(rf"(?<![\w&'’.-])(?:{_WORD}{_SP})?{_WORD},{_SP}(?:{_WORD},{_SP})*(?:(?:and|&){_SP})?$")
_JOINED = re.compile(r"\s(?:and|&)\s")
_NOT_A_FIELD = re.compile(rf"\b(?:{_HEADS}|University|Dr|Prof|Professor|Mr|Mrs|Ms|In|At|From|By|With|For|The)\b")
_INSIDE_SENTENCE = re.compile(r"[a-z,(]\s*$")
_FOREIGN_WORD = r"[A-ZÀ-Þ][\wÀ-ÿ'’-]+"
# (the head word first, a literal the engine skips to; a qualifier before it is taken by looking back)
_FOREIGN_INSTITUTION = re.compile(
    r"(?:Universit(?:ät|é|à|at|eit)|Universidad|Universidade|Uniwersytet|Politecnico|Politécnica|Instituto|Institut"
    r"|École|Escuela|Hochschule|Karolinska[^\S\n]+Institutet|Centro|Centre[^\S\n]+(?=de[^\S\n]))"
    rf"(?:[^\S\n]+(?:(?:de|di|del|della|degli|da|do|des|du|de[^\S\n]+la|für|zu|en|y|e)[^\S\n]+)?{_FOREIGN_WORD}){{1,5}}"
    # (a numbered university: Université Claude Bernard Lyon 1, Université Paris 8)
    r"(?:[^\S\n]+\d{1,2}\b(?![.,:]\d))?"
    # (fields listed with a comma and y: Instituto Nacional de Astrofísica, Óptica y Electrónica)
    rf"(?:,[^\S\n]+{_FOREIGN_WORD}[^\S\n]+[ye][^\S\n]+{_FOREIGN_WORD})?"
)
# a French unit or institute, written as French writes it: the head word alone capitalised, then lower-case words
# joined by de, des, du, la, et (Département de physique, Faculté des sciences et de médecine, Institut national de la
# recherche scientifique)
_FR_LOWER = r"[a-zà-ÿ][a-zà-ÿ-]+"
# (an adjective after its noun, with no "de" to join it, is read only when it looks French: an accent or a French
# ending; "Département de physique announced" stops at the English verb)
_FR_ADJECTIVE = r"[a-zà-ÿ-]*(?:[à-ÿ][a-zà-ÿ-]*|ique|iques|ale|ales|aire|aires|ive|ives|elle|elles|ienne|iennes)\b"
_FRENCH_UNIT = re.compile(
    r"(?:Département|Faculté|Institut|École|Laboratoire|Centre)"
    rf"(?:[^\S\n]+(?:national|nationale|supérieur|supérieure|universitaire))?"
    rf"(?:[^\S\n]+(?:de[^\S\n]+la|de[^\S\n]+l['’]|des|du|de|d['’]))(?:[^\S\n]*){_FR_LOWER}"
    rf"(?:[^\S\n]+(?:(?:et|de|des|du|de[^\S\n]+la|en|sur|pour|aux)(?:[^\S\n]+les)?[^\S\n]+{_FR_LOWER}|{_FR_ADJECTIVE}))*"
)
_FR_FUNCTION = frozenset(("et", "de", "des", "du", "la", "en", "le", "les", "sur", "pour", "aux"))
_AMOUNT_WORD = re.compile(r"(?:Million|Billion|Thousand|Trillion)\b")
_HEAD_ALONE = re.compile(r"(?:University|Institute|College|School|Centre|Center|Department|Faculty|Laboratory|Library)")
_FOREIGN_QUALIFIER = re.compile(r"(?:Technische|Freie|Pontificia|Pontifícia)[^\S\n]+$")
_TWO_INSTITUTIONS = re.compile(
    rf"(?P<first>.*?\b(?:{_HEADS})\b.*?)\s+and\s+(?:the\s+)?(?P<second>(?:{_WORD}\s+){{0,5}}(?:{_HEADS})\b.*"
    # ("the University of Pittsburgh School of Medicine and UPMC": the second written by its acronym)
    r"|[A-Z]{2,6})"
)
_GOVERNMENT_DEPARTMENT = re.compile(
    # a British ministry is a "Department for …" (Education, Science, Innovation and Technology)
    r"(?:(?:U\.K\.|UK)\s+)?Department\s+for\s+.+"
    r"|(?:(?:U\.S\.|US|UK|U\.K\.|State|Federal|National)\s+)?Department\s+of\s+(?:the\s+)?(?:Education|Energy|Health|"
    r"Health and Human Services|Defen[cs]e|Agriculture|Commerce|Justice|State|Labou?r|Transportation|Interior|Treasury|"
    r"Homeland Security|Veterans Affairs|Housing and Urban Development|Environment|Trade|Finance|Foreign Affairs)"
)
_LEADING = re.compile(
    r"^(?:(?:The|A|An|At|In|From|By|With|And|Of|For|On|Astronomers|Engineers|Researchers|Scientists|Two|Three|Four|"
    r"Five|Six|Seven|Eight|Nine|Ten|Several|Many|Some|All|Both|Former|Current|Most|About|"
    # (prepositions that open a sentence before a name: "Besides Northmere General Hospital, patients were …")
    r"Besides|Beyond|Unlike|Like|Including|Outside|Alongside|Across|Within|Through|Via|Under)\s+)+"
)
# (a school named after its donor is a unit too: "Elmore Family School of Electrical and Computer Engineering")
_UNIT = re.compile(
    r"^(?:School|Department|Faculty|College|Institute|Laboratory|Center|Centre|Division|Clinic)\b"
    r"|^(?!\S+\s+University\b)(?:[A-Z][a-z]+\s+){1,2}(?:School|College|Faculty)\s+of\s"
    # a school named by its kind alone ("Medical School", "Law School") has no name without its university
    r"|^(?:Medical|Law|Business|Graduate|Dental|Nursing|Divinity|Engineering|Veterinary)\s+School$"
)
_KNOWN_TOP = re.compile(r"^[A-Z]{2,5}\s+[A-Z][a-zü]+$")
_TOP = re.compile(r"\b(?:University|Academy|Polytechnic|Institute of Technology)\b")
# between a unit and its institution: "School of Chemistry, Harbourview University", "… at Westbrook Polytechnic"
_UNIT_GAP = re.compile(r",\s*(?:the\s+)?|\s+(?:at|of)\s+(?:the\s+)?")
# "X and the Y", "Wellcome Trust and UK Research": two bodies; "Science and Technology" stays one name
_TWO_BODIES = re.compile(r"\s+and\s+the\s+|(?:(?<=Trust)|(?<=Council)|(?<=Agency)|(?<=Foundation))\s+and\s+")
# "MIT's Department of Chemistry": the unit, and the institution that owns it
# ("the University of Cambridge's Cavendish Laboratory": a unit named by a word before its head word)
_POSSESSIVE_UNIT = re.compile(
    r"^(?P<owner>.+?)(?:['’]s|(?<=s)['’])\s+(?P<unit>(?:[A-Z][\w-]+\s+(?:and\s+)?){0,3}(?:School|Department|Faculty|College|Institute"
    r"|Laboratory|Center|Centre|Division|Clinic|Unit|Directorate)\b.*)$",
    # (a unit's field list may run over a line break: "School of Marine,\nAtmospheric, and Earth Science")
    re.S,
)
# what a unit's name goes on with after its head word ("Institute for Solid State Physics")
_UNIT_TAIL = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,5}")
# (a name ending in s takes the apostrophe alone: "Leeds' School of Chemistry", "Wales' Dragon Institute")
_LAST_OF_LIST = re.compile(r"^.*\s(?:and|&)\s+(?=[A-Z]{2,8}$)")
# an owner named before a unit the name rule took alone (its words before the head word too many to reach the
# owner): "the Nordic Space Agency's Nordic Space Research and Technology Centre"
_OWNER_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<owner>(?:[A-Z][\w-]*[^\S\n]+(?:(?:of|for|and)[^\S\n]+)?){0,5}(?:Agency|Organi[sz]ation|Council"
    r"|Survey|Administration|Laboratory|Institute|University|Society|Foundation|Academy))['’]s[^\S\n]+$"
)
_GOVERNMENT_OF = ("Government of ", "government of ")
_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?=\s)")
_PRIZE_END = re.compile(r"\b(?:Medal|Prize|Award|Fellowship|Lectureship)s?$")
_POSSESSIVE_SPLIT = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?=[A-Z])")
_PRESS_AFTER = re.compile(r"[^\S\n]+Press\b")


def publisher_after(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is a university's press (the University of Chicago Press), a publisher."""
    return _PRESS_AFTER.match(text, end) is not None


#: a research body's head word (University, Institute, Zoo …) anywhere in a name
HEAD_WORD = re.compile(rf"\b(?:{_HEADS})\b")
_ORG_RUN = re.compile(rf"{_WORD}(?:\s+(?:(?:of|for|and|on|the|de|&|y|e|del|la|des|du|und|für|zur|der)\s+)*{_WORD})*")


def find_institutions(text: str) -> list[Span]:
    """English institution names (University of Cambridge, Department of Mathematics, Westbrook Polytechnic).

    A unit followed by its institution gets that institution as ``parent`` (partOf).
    """
    spans: list[Span] = []
    for m in _INSTITUTION.finditer(text):
        lead = _LEADING.match(m.group())
        start = m.start() + (lead.end() if lead else 0)
        end = m.end()
        # "professor Julia Ferrano and Rhine Institute for …": a person's name after a title, then "and" and the
        # institution (the "and" of "Solid State and Structural Chemistry Unit" joins fields, after no title)
        and_at = text.find(" and ", start, end)
        if and_at >= 0 and _PERSON_CUE_BEFORE.search(text, max(0, start - 30), start):
            start = and_at + len(" and ")
        # "with POSTECH and Tohoku University": an acronym's body listed before the named one is another body
        if (acronym := _ACRONYM_AND.match(text, start, end)) is not None:
            start = acronym.end()
        if end - start < 4 or not text[start].isupper():
            continue
        # "Launch $35 Million Center for …": an amount, not a name; "The University has signed …": the head word
        # alone names no one body
        if _AMOUNT_WORD.match(text, start) or _HEAD_ALONE.fullmatch(text, start, end):
            continue
        # "the University of Alabama at Birmingham", "the University of Texas at Austin": a campus is part of the name
        if _UNIVERSITY_OF_PLACE.fullmatch(text, start, end) and (campus := _AT_CAMPUS.match(text, end)) is not None:
            end = campus.end()
        # "the Geophysical Institute of the University of Alaska Fairbanks": the tail stopped at the parent's head
        # word; the parent's place goes on (the unit and its parent are split below)
        if text.endswith(" of the University", start, end) and (place := _OF_PLACE_AFTER.match(text, end)):
            end = place.end()
        # "Department of Electronics, Information and Bioengineering", "Department of Science, Technology and
        # Innovation": a unit's field list runs over commas to its "and"
        if _lists_fields(text, start, end) and (fields := FIELD_LIST.match(text, end)) is not None:
            end = fields.end()
        start = _fields_before(text, start, end)
        # "the University of Toronto's Claire Dubois": the possessive ends the name unless a unit follows it
        possessive = _POSSESSIVE.search(text, start, end)
        if possessive and not HEAD_WORD.search(text, possessive.end(), end):
            end = possessive.start()
        owned = _POSSESSIVE_UNIT.match(text[start:end])
        if (
            owned
            and not _UNIT_TAIL.match(text[start:end], owned.end("unit") - owned.start())
            and (tail := _UNIT_TAIL.match(text, end))
        ):
            end = tail.end()
            owned = _POSSESSIVE_UNIT.match(text[start:end])
        if owned:
            # "the University of Portsmouth's School of the Environment, Geography and Geosciences": the unit's field
            # list runs over its comma too
            unit_at = start + owned.start("unit")
            if _lists_fields(text, unit_at, end) and (fields := FIELD_LIST.match(text, end)) is not None:
                end = fields.end()
                owned = _POSSESSIVE_UNIT.match(text[start:end])
                assert owned is not None
            # "Vantor Klinikum Ostheim and NORDLAB's Genomics Institute": the owner is the last of a list
            if last := _LAST_OF_LIST.search(owned.group("owner")):
                start += last.end()
                owned = _POSSESSIVE_UNIT.match(text[start:end])
                assert owned is not None
            # "the Government of Ontario's Department of Energy": the owner is a place, its unit a ministry
            if text.endswith(_GOVERNMENT_OF, max(0, start - 15), start):
                continue
            owner = clean(owned.group("owner"))
            spans.append(Span(start, start + owned.end("owner"), "Institution", owner, meta={"owner": True}))
            unit_start = start + owned.start("unit")
            spans.append(Span(unit_start, end, "Institution", clean(text[unit_start:end]), parent=owner))
            continue
        # "a partnership between the University of Manchester and Johnson Matthey": the place ends the name; "and"
        # goes on only into a field (University of Science and Technology)
        joined = _PLACE_AND.match(text, start, end)
        if joined and not _FIELD_AFTER_AND.match(text, joined.end()) and not HEAD_WORD.search(text, joined.end(), end):
            end = joined.start("and")
        # "the University of Melbourne and Monash University": two institutions, each with its own head word
        pair = _TWO_INSTITUTIONS.fullmatch(text, start, end)
        if pair:
            for part in ("first", "second"):
                spans.append(Span(pair.start(part), pair.end(part), "Institution", clean(pair.group(part))))
            continue
        if publisher_after(text, end) or text.endswith(" Press", start, end):
            continue  # "University of Chicago Press": a publisher
        span = Span(start, end, "Institution", clean(text[start:end]))
        # "at The University of Sydney": a capital The inside a sentence is part of the official name, kept as a
        # surface form (the name stays without it, as most texts write it)
        if text[max(0, start - 4) : start] == "The " and _INSIDE_SENTENCE.search(text, max(0, start - 12), start - 4):
            span.meta["surface"] = "The " + span.name
        spans.append(span)
    # names in the institution's own language: Technische Universität Dresden, Politecnico di Milano, Université de
    # Montréal, Universidad de Chile, Institut Pasteur
    for m in _FOREIGN_INSTITUTION.finditer(text):
        if m.start() and text[m.start() - 1].isalpha():
            continue  # inside a word
        qualifier = _FOREIGN_QUALIFIER.search(text, max(0, m.start() - 12), m.start())
        begin = qualifier.start() if qualifier else m.start()
        name = clean(text[begin : m.end()])
        # "the Biotechnology Center of Technische Universität Dresden": the English rule ran on into the name
        for s in spans:
            of = text.rfind(" of ", s.start, begin + 1)
            if s.start < begin < s.end and of >= 0 and text[of + 4 : begin].strip() in {"", "the"}:
                s.end, s.name, s.parent = of, clean(text[s.start : of]), name
        if not any(s.start < m.end() and begin < s.end for s in spans):
            spans.append(Span(begin, m.end(), "Institution", name))
    if "é" in text or "Institut " in text:
        for m in _FRENCH_UNIT.finditer(text):
            if m.start() and text[m.start() - 1].isalpha():
                continue
            end = m.end()
            # (a name ends on a content word, not on "et" or "de")
            while (cut := text.rfind(" ", m.start(), end)) > 0 and text[cut + 1 : end] in _FR_FUNCTION:
                end = cut
            if not any(s.start < end and m.start() < s.end for s in spans):
                spans.append(Span(m.start(), end, "Institution", clean(text[m.start() : end])))
    _owner_by_head_word(spans)
    spans += _owners_before(text, spans)
    spans += _acronym_owners(spans)
    _short_form_owners(spans)
    spans = [part for s in spans for part in _split_unit_of_the(text, s)]
    spans = [part for s in spans for part in _split_university_unit(text, s)]
    spans += _universities_inside(text, spans)
    spans.sort(key=lambda s: s.start)
    link_units(text, spans)
    _link_to_faculty(text, spans)
    # a government department standing alone (the Department of Education will monitor …) governs, it does no
    # research; one of a university keeps its parent and stays. "the Institute of Physics Moseley Medal and Prize"
    # names a prize (its giver is part of the prize's name)
    return [
        s
        for s in spans
        if (s.parent is not None or not _GOVERNMENT_DEPARTMENT.fullmatch(s.name)) and not _PRIZE_END.search(s.name)
    ]


# "RIKEN Center for Biosystems Dynamics Research": a centre named after the acronym of the body that runs it
_ACRONYM_UNIT = re.compile(
    r"^(?P<top>[A-Z]{3,8})\s+(?:Center|Centre|Institute|Laboratory|Laboratories)\s+(?:for|of)\s"
    # (a funder's scheme is no owner: "ARC Centre of Excellence for …" is funded by the ARC, not part of it)
    r"(?!Excellence\b)"
)


def _acronym_owners(spans: list[Span]) -> list[Span]:
    """The bodies whose acronym opens a unit's name (partOf from the unit); the new owner spans are returned."""
    owners: list[Span] = []
    for span in spans:
        if span.parent is None and (m := _ACRONYM_UNIT.match(span.name)) is not None:
            top = m.group("top")
            span.parent = top
            # (absorbed: who works at the centre is placed there, not at its owner too)
            owner = Span(span.start, span.start + len(top), "Institution", top, meta={"owner": True}, absorbed=True)
            owners.append(owner)
    return owners


# "the U-M Department of Chemistry", "a UQ School of Chemistry student": the institution written short before a unit
# whose name opens with its head word (the short form is no part of the unit's name)
_SHORT_OWNER_UNIT = re.compile(
    r"^(?P<short>[A-Z](?:[A-Z]|[-&.][A-Z]){1,6})\.?\s+(?P<unit>(?:Department|School|Faculty|College|Division)\s+(?:of|for)\s.+)$"
)


_COUNTRY_CODES = frozenset(("US", "USA", "UK", "EU", "UN", "NSW", "UAE"))


def _short_form_owners(spans: list[Span]) -> None:
    """Units written after the short form of an institution the item names in full (U-M for the University of
    Michigan: the initials of its capitalised words): the unit's name loses the short form and the unit gets the
    institution as parent. A short form the item does not spell out stays in the name."""
    fulls = [x for x in spans if x.parent is None and not _SHORT_OWNER_UNIT.match(x.name) and len(x.name.split()) >= 2]
    for span in spans:
        m = _SHORT_OWNER_UNIT.match(span.name) if span.parent is None else None
        # (a country's ministry is no university's unit: the U.S. Department of Energy, the UK Department for …)
        if m is None or m["short"].replace(".", "") in _COUNTRY_CODES or _GOVERNMENT_DEPARTMENT.fullmatch(m["unit"]):
            continue
        letters = re.sub(r"[-&.]", "", m.group("short"))
        full = {x.name for x in fulls if initials(x.name) == letters}
        if len(full) != 1:
            continue
        # (the span keeps its place: a cue before it, "a professor in the U-M Department of …", still finds it)
        span.name, span.parent = m.group("unit"), full.pop()


def _owners_before(text: str, spans: list[Span]) -> list[Span]:
    """Owners written with a possessive right before a unit found alone ("the Nordic Space Agency's Nordic Space
    Research and Technology Centre"): the unit gets the owner as parent; the owners are returned."""
    owners: list[Span] = []
    for span in spans:
        if span.parent is not None or span.meta.get("owner"):
            continue
        found = _OWNER_BEFORE.search(text, max(0, span.start - 120), span.start)
        if found is None:
            continue
        lead = _LEADING.match(found.group("owner"))
        begin = found.start("owner") + (lead.end() if lead else 0)
        owner = clean(text[begin : found.end("owner")])
        if any(s.start <= begin < s.end for s in spans):
            continue
        owners.append(Span(begin, found.end("owner"), "Institution", owner, meta={"owner": True}))
        span.parent = owner
    return owners


def _lists_fields(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is a unit or institute named by fields whose list may go on past ``end``."""
    return _FIELD_HEAD.match(text, start) is not None or _FIELD_HEAD_END.search(text, start, end) is not None


def _fields_before(text: str, start: int, end: int) -> int:
    """Where a name opens when fields listed with commas before its head word belong to it ("Heart, Vascular &
    Thoracic Institute"): the list must be joined by and/& (before the match or inside it) and hold no head word, title
    or preposition, so that "Dr Ana Ruiz, Lung Institute" or "In Boston, Heart Institute" stay as they are."""
    head = HEAD_WORD.search(text, start, end)
    # ("Department of Physics and Astronomy, and Institute for Quantum Computing": a name that opens with its head
    # word has no fields before it; the comma closes another unit)
    if head is None or head.start() == start:
        return start
    before = _FIELDS_BEFORE.search(text, max(0, start - 80), start)
    if before is None or _NOT_A_FIELD.search(before.group()) or _PERSON_CUE_BEFORE.search(text, 0, before.start()):
        return start
    if not _JOINED.search(before.group()) and not _JOINED.search(text, start, head.start()):
        return start
    return before.start()


def _owner_by_head_word(spans: list[Span]) -> None:
    """An owner written by its head word alone ("the Museum's Science Directorate") is the institution named before
    with that head word (the Natural History Museum): its units get that one as parent, and the bare word is dropped."""
    for i, owner in enumerate(spans):
        if not owner.meta.get("owner") or not _HEAD.fullmatch(owner.name):
            continue
        # ("the University's Clinical Trials Unit" after the University of Birmingham)
        full = next(
            (
                s.name
                for s in reversed(spans[:i])
                if s.name.endswith(" " + owner.name) or s.name.startswith(owner.name + " of ")
            ),
            None,
        )
        if full is None:
            continue
        for unit in spans:
            if unit.parent == owner.name:
                unit.parent = full
        owner.meta["drop"] = True
    spans[:] = [s for s in spans if not s.meta.get("drop")]


# "the Institute of Tibetan Plateau Research of the Chinese Academy of Sciences", "the National Climate Center of the
# China Meteorological Administration": a unit, then the body it belongs to
_UNIT_OF_THE = re.compile(
    r"(?P<unit>.+?\b(?:Institute|Center|Centre|Laboratory|Department|School|College|Division|Museum|Observatory|"
    r"Station|Research))\s+of\s+the\s+(?P<parent>(?:[A-Z][\w'’-]*\s+)*(?:Academy|University|Administration|Agency|"
    r"Ministry|Commission)(?:\s+of\s+[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)?)"
)


# "the University of Pittsburgh School of Medicine", "Duke University School of Nursing": a university's school named
# with the university in front (and its donors between: "Boston University Chobanian & Avedisian School of Medicine")
_UNIVERSITY_SCHOOL = re.compile(
    r"(?P<top>(?:[A-Z][\w'’-]*\s+){0,3}University(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?)"
    r"\s+(?:(?:[A-Z][\w'’-]*|&)\s+){0,3}?(?:Medical\s+School|(?:Graduate\s+)?(?:School|College|Faculty)\s+of\s+[A-Z].*)"
)


def _universities_inside(text: str, spans: list[Span]) -> list[Span]:
    """The university named at the front of its school's name, as a span of its own (absorbed: a parent written
    inside a longer name), and the school's parent."""
    out: list[Span] = []
    for span in spans:
        m = _UNIVERSITY_SCHOOL.fullmatch(text, span.start, span.end)
        if span.parent is not None or m is None:
            continue
        top = Span(m.start("top"), m.end("top"), "Institution", clean(m.group("top")))
        top.absorbed = True
        span.parent = top.name
        out.append(top)
    return out


# "the University of Northmere Coldwater Glaciological Institute": a university's institute or centre written after the
# university's name; the unit's name opens with a field or a word made from one (Glaciological, Botanical), a place's
# name seldom does
_UNIVERSITY_UNIT = re.compile(
    r"(?P<top>University\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|(?:[A-Z][\w'’-]*\s+){1,3}University)"
    # (a university's hospital or cancer centre is named with the university: "University of X Medical Center")
    r"\s+(?P<unit>(?!(?:Medical|Cancer|Health|Eye|Heart)\s+(?:Center|Centre)$)"
    rf"(?:{_FIELDS}|[A-Z][a-z]+(?:al|ic|ary)\b|Research\b)(?:\s+(?:and\s+)?[A-Z][\w'’-]*){{0,4}}?"
    r"\s+(?:Institute|Center|Centre|Laboratory|Observatory|Station))"
)


def _split_university_unit(text: str, span: Span) -> list[Span]:
    """A university's institute written after the university's name, as two spans (the unit with its parent)."""
    if span.parent is not None or "University" not in span.name:
        return [span]
    m = _UNIVERSITY_UNIT.fullmatch(text, span.start, span.end)
    if m is None:
        return [span]
    # (the unit's span covers the university's name too, as a school's does: the person "of" the whole is the unit's)
    parent = Span(m.start("top"), m.end("top"), "Institution", clean(m.group("top")))
    parent.absorbed = True
    return [Span(span.start, span.end, "Institution", clean(m.group("unit")), parent=parent.name), parent]


def _split_unit_of_the(text: str, span: Span) -> list[Span]:
    """A span read as one name that is a unit "of the" its parent body, as two spans (the unit with its parent)."""
    m = _UNIT_OF_THE.fullmatch(text, span.start, span.end)
    if span.parent is not None or m is None or span.meta.get("owner"):
        return [span]
    parent = Span(m.start("parent"), m.end("parent"), "Institution", clean(m.group("parent")))
    unit = Span(m.start("unit"), m.end("unit"), "Institution", clean(m.group("unit")), parent=parent.name)
    return [unit, parent]


def link_units(text: str, spans: list[Span], known: Callable[[Span], bool] = lambda span: False) -> None:
    """A unit written right before its institution gets it as parent: "School of Chemistry, Harbourview
    University", "the College of Agriculture and Biotechnology (CAB), Zhejiang University". ``known`` tells
    top-level institutions without a head word (Imperial College London, from the gazetteer). ``spans`` in text
    order."""
    for unit, parent in zip(spans, spans[1:], strict=False):
        if unit.parent is None and _FR_LOW_UNIT.match(unit.name) and _FR_HIGH_UNIT.match(parent.name):
            # "Département de physique, Faculté des sciences": a French department, then the faculty that holds it
            if _TOP_THEN_UNIT_GAP.fullmatch(text, unit.end, parent.start):
                unit.parent = parent.name
            continue
        if unit.parent is not None or not unit.name.isascii():
            continue
        gap = text[unit.end : parent.start]
        # "The Riverside Institute of Oceanology, Chinese Academy of Sciences, has joined": a unit and its owner;
        # "Partners include the Scripps Institution of Oceanography, Oregon State University and …": a list
        if known(unit):
            continue
        listed = "," in gap and _LIST_GOES_ON.match(text, parent.end)
        unit_like = _UNIT.match(unit.name) or (not _TOP.search(unit.name) and not listed)
        top = _TOP.search(parent.name) or _FOREIGN_INSTITUTION.fullmatch(parent.name) or known(parent)
        gap = _SHORT_FORM.sub("", gap, count=1)
        if unit_like and top and _UNIT_GAP.fullmatch(gap):
            unit.parent = parent.name
        elif _LOW_UNIT.match(unit.name) and _HIGH_UNIT.search(parent.name) and _AT_UNIT_GAP.fullmatch(gap):
            # "the Department of Marine Biology at the university's Rosewood School of Marine Science": a department
            # at a school is part of that school
            unit.parent = parent.name
        elif _UNIT.match(unit.name) and _WITHIN.fullmatch(gap):
            # "the Center for Quantum Nanoscience (QNS) within the Institute for Basic Science": the text says which
            # body holds the unit, whatever its kind
            unit.parent = parent.name
        elif (
            parent.parent is None
            and _UNIT_AFTER_TOP.match(parent.name)
            and _TOP.search(unit.name)
            and not _UNIT.match(unit.name)
            and _TOP_THEN_UNIT_GAP.fullmatch(gap)
            and _UNIT_LIST_CLOSE.match(text, parent.end)
        ):
            # "(Harbourview University, School of Tidal Sciences)": an affiliation written from the top down, the
            # university first (closed by the bracket or the line: not a list of bodies going on)
            parent.parent = unit.name


_FR_LOW_UNIT = re.compile(r"(?:Département|Laboratoire)\s")
_FR_HIGH_UNIT = re.compile(r"(?:Faculté|École|Institut)\s")
_UNIT_AFTER_TOP = re.compile(r"(?:School|Department|Faculty|Division)\s+of\s")
_TOP_THEN_UNIT_GAP = re.compile(r",[^\S\n]*")
_UNIT_LIST_CLOSE = re.compile(r"[^\S\n]*(?:[)\n]|$)")
_LOW_UNIT = re.compile(r"(?:Department|Division)\s+of\s")
_HIGH_UNIT = re.compile(r"\b(?:School|Faculty|College)\s+of\s")
_AT_UNIT_GAP = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?(?:(?:university|institute|college)['’]s\s+)?")

# a faculty's name, and the units a faculty holds
_FACULTY = re.compile(r"Faculty\s+of\s")
_FACULTY_UNIT = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}(?:Department|School)\s+of\s")


def _link_to_faculty(text: str, spans: list[Span]) -> None:
    """A department or school written next to its faculty, either way round ("Faculty of Science, Department of
    Physics", "School of Pharmacy, Faculty of Science"), is part of that faculty. ``spans`` in text order."""
    for a, b in zip(spans, spans[1:], strict=False):
        if text[a.end : b.start].strip() != ",":
            continue
        if _FACULTY.match(a.name) and b.parent is None and _FACULTY_UNIT.match(b.name):
            b.parent = a.name
        elif _FACULTY.match(b.name) and a.parent is None and _FACULTY_UNIT.match(a.name):
            a.parent = b.name


_WITHIN = re.compile(r"\s+(?:within|inside)\s+(?:the\s+)?")
# "(CAB)" between a unit and its institution: the unit's short form
_SHORT_FORM = re.compile(r"^\s*\([A-Z][A-Za-z&]{1,10}\)")


_CJK = re.compile(r"[\u4e00-\u9fff]")
_ITS_PEOPLE = re.compile(
    r"['’]?s?\s+(?:researchers?|scientists?|faculty|professors?|team|engineers?|chemists?|physicists?|"
    r"biologists?|students?|astronomers?|mathematicians?|scholars?)\b"
)
# the end of the first sentence: a full stop before a capital or a quote ("Ore. — The" is no end)
# (a list ends the lead too: "… the winners of its medals." before "• Faraday Medal: …")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“]|\s*$)|[.!?:]?\s*\n(?=\s*[•●▪■◆*–-])")


# "has joined the School of Physics from the University of Toronto": where a newcomer came from is not the home
_CAME_FROM = re.compile(r"\b(?:joined|joins|moved|moves|comes|came|arrives|arrived)\b[^.;\n]*?\bfrom\s+(?:the\s+)?$")


_ELECTED = re.compile(r"\belect(?:ed|s|ion)\b|\bnew (?:Fellows|members)\b|\bannounces \d{4} Fellows\b")
_ELECTING_BODY = re.compile(r"\b(?:Academy|Society|Academies)\b")
#: how far into a release its own people are introduced ("A team led by X scientists …")
_OPENING = 1200


def home_institution(text: str, spans: list[Span]) -> Span | None:
    """The one university (academy, polytechnic) an English press release comes from: the only top-level
    institution named in its headline and first sentence, or None when there are several or none.

    A press release says "an associate professor in the Department of Oceanography" of its own people: the
    department and the person belong to that institution.
    """
    if _CJK.search(text):  # a Chinese item says 我校 and names its units in full
        return None
    newline = text.find("\n")
    end = _SENTENCE_END.search(text, newline + 1 if 0 <= newline < 200 else 0)
    lead_end = end.end() if end else len(text)
    # the top-level institutions (no unit) named before a position
    # (or a university named by its initials and place, without a head word: KU Leuven, ETH Zurich)
    candidates = [
        s
        for s in spans
        if s.parent is None and (_TOP.search(s.name) or _KNOWN_TOP.search(s.name)) and not _UNIT.match(s.name)
    ]
    tops = [s for s in candidates if s.start < lead_end and not _CAME_FROM.search(text, max(0, s.start - 80), s.start)]
    if _ELECTED.search(text, 0, lead_end):
        # "… have been elected Fellows of the Australian Academy of Science": the academy elects people of many
        # institutions, it is no home of theirs
        tops = [s for s in tops if not _ELECTING_BODY.search(s.name)]
    if len({s.name for s in tops}) > 1:
        # "Three Carrow University researchers are among the new members of the National Academy of Sciences":
        # the institution whose people the release is about
        tops = [s for s in tops if _ITS_PEOPLE.match(text, s.end)]
    if not tops:
        # a lead that names no institution: "A team led by University of Michigan scientists …" further on, when
        # one institution's people are named so in the release's opening paragraphs
        tops = [s for s in candidates if s.start < _OPENING and _ITS_PEOPLE.match(text, s.end)]
    return tops[0] if len({s.name for s in tops}) == 1 else None


def adopt_units(spans: list[Span], home: Span | None, text: str = "") -> None:
    """English units written without their institution (the Department of Oceanography) in an item that comes
    from one institution belong to it; not a body named in a funding statement ("supported by … the Department of
    Biotechnology (DBT), Government of India"), which funds the work."""
    if home is None:
        return
    for span in spans:
        if span.parent is None and not _CJK.search(span.name) and _UNIT.match(span.name) and home.name not in span.name:
            opening = max(text.rfind(".", 0, span.start), text.rfind("\n", 0, span.start)) + 1
            if text and _FUNDING_CUE.search(text, opening, span.start):
                continue
            span.parent = home.name


# the words of a funding statement before the bodies it names
_FUNDING_CUE = re.compile(
    r"\b(?:funded|supported|financed|sponsored)\s+(?:in\s+part\s+|partly\s+|jointly\s+)?by\b"
    r"|\b(?:funding|grants?|support)\s+(?:came\s+)?from\b",
    re.I,
)


def qualify_units(spans: list[Span], canonical: Callable[[str], str]) -> None:
    """Name an English unit with its institution ("School of Chemistry, Harbourview University").

    Chinese units carry their parent in the name (复旦大学化学系); English ones are written apart from it, and every
    university has a School of Chemistry: named alone, all of them would be one entity. The written form stays a
    surface form (an alias). ``canonical`` maps a parent as written (MIT) to its canonical name.
    """
    for span in spans:
        if span.meta.get("owner") and canonical(span.name) != span.name:  # Lakeside's … -> Lakeside University
            span.meta.setdefault("surface", span.name)
            span.name = canonical(span.name)
        elif (
            span.parent
            and span.name.isascii()
            and _UNIT.match(span.name)
            and span.parent not in span.name
            and not span.meta.get("gazetteer")
        ):
            span.meta.setdefault("surface", span.name)
            written, span.parent = span.parent, canonical(span.parent)
            # (an English unit keeps its parent's English name where the canonical one is Chinese: 浙江大学)
            span.name = f"{span.name}, {span.parent if span.parent.isascii() else written}"


def initials(name: str) -> str:
    """The acronym of an English name: the first letters of its capitalised words (University of Queensland -> UQ)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_OF_PLACE = re.compile(r"(?:The\s+)?(?:University|Polytechnic|Academy)\s+of\s+(?:the\s+)?(?P<place>.+)")


def _of_place(name: str) -> str | None:
    """The place an institution is named after (University of Castlemere -> Castlemere), if it is so named."""
    m = _OF_PLACE.fullmatch(name)
    return m.group("place") if m else None


def institution_canonical(name: str, spans: list[Span], gazetteer_name: str | None) -> str:
    """The canonical name of an institution written short: the gazetteer's, else the one institution of the item
    whose name starts with it or names its place (Lakeside -> Lakeside University, Castlemere -> University of
    Castlemere) or whose initials it is (HU -> Harbourview
    University), else the name as written."""
    if gazetteer_name:
        return gazetteer_name
    # Lakeside -> Lakeside University; Castlemere -> University of Castlemere
    longer = {
        s.name
        for s in spans
        if s.parent is None and (s.name.startswith(name + " ") or _of_place(s.name) == name) and _TOP.search(s.name)
    }
    if not longer and _ACRONYM.fullmatch(name):
        longer = {s.name for s in spans if s.parent is None and s.name != name and initials(s.name) == name}
    return longer.pop() if len(longer) == 1 else name


def expand_truncated(spans: list[Span]) -> None:
    """An institution named again without its tail ("the Max Planck Institute" after "the Max Planck Institute for
    Plant Breeding Research"), or a unit without the name before it ("the School of Law", "the Hartwell School of
    Law"), is that institution, when exactly one longer name of the item continues it; so is a lab called by its
    short name ("Northmere Lab" for Northmere National Laboratory, "the Vision Lab" for the Eastfield-Acme Vision
    Lab)."""
    names = {s.name for s in spans if s.parent is None and s.name.isascii()}
    for span in spans:
        if span.parent is not None or not span.name.isascii():
            continue
        longer = set()
        if span.name.endswith(" Lab"):
            stem = span.name[: -len("Lab")]
            longer = {
                n for n in names if (n.startswith(stem) and n.endswith(" Laboratory")) or n.endswith(" " + span.name)
            }
        elif _ENDS_WITH_HEAD.search(span.name):
            longer = {n for n in names if n.startswith(span.name + " of ") or n.startswith(span.name + " for ")}
        elif _UNIT.match(span.name):  # "the School of Law" in a headline, "the Hartwell School of Law" in the text
            longer = {n for n in names if n.endswith(" " + span.name)}
        if len(longer) == 1:
            span.meta.setdefault("surface", span.name)
            span.name = longer.pop()


_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z]")
_ENDS_WITH_HEAD = re.compile(rf"\b(?:{_HEADS})$")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_CONNECTOR_END = re.compile(r"\b(?:of|for|and|the|at|de|on)$")


def short_form_mentions(text: str, spans: list[Span]) -> list[Span]:
    """Institutions written short where a person's affiliation is given: the leading words or the initials of one
    longer name of the item, after of/at/from ("Eklund of Woods Hole" after "the Woods Hole Oceanographic
    Institution") or before a job ("Eastmoor chemist Rajan Pell", "WIT professor …"), not followed by another
    capitalised word. The span takes the full name; the short form stays a surface form."""
    shorts: dict[str, set[str]] = {}
    # (a unit with a name of its own is written short too: "Elmswick postdoc A" after "the Agency's Elmswick Space
    # Centre"; one named by its head word, "School of X", is not)
    for full in {
        s.name
        for s in spans
        if (s.parent is None or not _HEAD.match(s.name)) and s.name.isascii() and len(s.name.split()) >= 2
    }:
        words = full.split()
        for k in range(1, len(words)):
            prefix = " ".join(words[:k])
            if words[k - 1][:1].isupper() and not _CONNECTOR_END.search(prefix) and not _HEAD.fullmatch(words[0]):
                shorts.setdefault(prefix, set()).add(full)
        if len(initials(full)) >= 2:
            shorts.setdefault(initials(full), set()).add(full)
    # a unit by its initials: "from CCME" after "the College of Chemistry and Molecular Engineering (CCME), Peking
    # University" (its own words, not its parent's)
    for s in spans:
        written = str(s.meta.get("surface", s.name))
        if s.parent is not None and s.name.isascii() and len(initials(written)) >= 3:
            shorts.setdefault(initials(written), set()).add(s.name)
    taken = [(s.start, s.end) for s in spans]
    out = _defined_short_forms(text, spans, taken)
    for short in sorted(shorts, key=len, reverse=True):
        if len(shorts[short]) != 1:
            continue  # shared by two names of the item: which one is meant is unknown
        (full,) = shorts[short]
        for opened, start, end, group in _short_form_places(text, short):
            if any(a < end and start < b for a, b in taken):
                continue
            if group == 1 and _BODY_BEFORE_OF.search(text, max(0, opened - 40), opened):
                continue  # "the Research Grants Council of Hong Kong": a place in a body's name
            out.append(Span(start, end, "Institution", full, meta={"surface": short}))
            taken.append((start, end))
    return out


# where a short form stands for its institution: after of/at/from (not running into another capitalised word or a
# hyphen), or before a job; precompiled, where a pattern built per short form was compiled anew for each (the job
# alternation is long, and an item holds many short forms)
_OF_BEFORE = re.compile(r"(?<!\w)(?:of|at|from)\s+(?:the\s+)?$")
_NOT_AFTER_OF = re.compile(r"\s+[A-Z]|[-'’]")


def _short_form_places(text: str, short: str) -> Iterator[tuple[int, int, int, int]]:
    """(where the phrase opens, start, end, 1 after of/at/from or 2 before a job) of each whole-word occurrence of
    ``short`` that stands for its institution."""
    at = text.find(short)
    while at >= 0:
        end = at + len(short)
        whole = not (at and _word_char(text[at - 1])) and not (end < len(text) and _word_char(text[end]))
        of = _OF_BEFORE.search(text, max(0, at - 24), at) if whole else None
        if of is not None and not _NOT_AFTER_OF.match(text, end):
            yield of.start(), at, end, 1
            at = text.find(short, end)
            continue
        if not (at and _word_char(text[at - 1])) and _JOB_AFTER_RE.match(text, end):
            yield at, at, end, 2
            at = text.find(short, end)
            continue
        at = text.find(short, at + 1)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_DEFINED_SHORT = re.compile(r"[^\S\n]*\(([A-Z]{2,6})\)")


def _defined_short_forms(text: str, spans: list[Span], taken: list[tuple[int, int]]) -> list[Span]:
    """Every later mention of a short form the text defines in brackets after a name ("the National Research Council
    of Canada (NRC) … at the NRC", "the NRC's programme"): the text says what it stands for, so no cue is needed.
    ``taken`` gains the mentions' places."""
    defined: dict[str, set[str]] = {}
    for s in spans:
        if s.name.isascii() and (bracket := _DEFINED_SHORT.match(text, s.end)):
            defined.setdefault(bracket.group(1), set()).add(s.name)
    out: list[Span] = []
    for short, fulls in defined.items():
        if len(fulls) != 1:
            continue
        (full,) = fulls
        for m in re.finditer(rf"(?<![\w(-]){re.escape(short)}(?![\w)-])", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            out.append(Span(m.start(), m.end(), "Institution", full, meta={"surface": short, "defined": True}))
            taken.append(m.span())
    return out


_HEAD = re.compile(_HEADS)
# a body's head word right before "of": what follows names its place or field, not an institution written short
_BODY_BEFORE_OF = re.compile(
    r"\b(?:Council|Commission|Government|Ministry|Department|Office|Agency|Foundation|Fund|Trust|Society|Bureau|"
    r"Authority|Board|Administration|Association|Federation|Bank|Museum|Hospital)\s$"
)
# a job (and the field) written between an institution's short name and a person: "Eastmoor chemist", "WIT professor
# of materials science"
_JOB_AFTER = rf"\s+(?:[a-z-]+\s+){{0,3}}(?:{alternation(RESEARCHER_EN_JOBS)})\b"
_JOB_AFTER_RE = re.compile(_JOB_AFTER)


# what may stand between two names of a funding list (besides brackets): connectors, funding verbs, programme words
# (and a funder's owner: "the SERB, now part of the ANRF, and …": the owner funds the work too)
_LIST_CONNECTORS = re.compile(
    r"\b(?:and|by|the|funded|supported|financed|also|plus|as\s+well\s+as|from|of|under|through|its"
    r"|program|programme|grants?|funds?|project|scheme|initiative|(?:now\s+|itself\s+)?(?:a\s+)?part)\b|\([^)]*\)"
    # (the quoted name of a funded cluster or project: through the Cluster of Excellence "The Ocean Floor")
    r"|\"[^\"\n]*\"|“[^”\n]*”"
    # (a grant's reference: through FONDECYT Regular grant 1240873)
    r"|\b[A-Z][A-Z0-9-]{1,12}(?:\s+[A-Z][a-z]+)?\s+(?:grant|award|project)s?\s+(?:(?:No|no)\.?\s*)?[A-Z0-9-]*\d[\w/-]*"
)
# "…, by the Deutsche Forschungsgemeinschaft", "…, and work in Vancouver by the NSERC": a list of givers takes up
# again after what it said of the one before (the grant it gave, who held it)
_LIST_RESUMES = re.compile(
    r"(?:,\s*(?:and\s+)?|\band\s+(?:the\s+)?(?:work|research)\s+(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+)"
    r"by\s+(?:the\s+)?$"
)
_GRANT_NAME = re.compile(r"(?:\b[A-Z][\w'’-]*\s+)+(?:Grants?|Programmes?|Programs?|Schemes?|Awards?|Fellowships?)\b")
# "the Nano Mission of the Department of Science and Technology": a programme, then the body that funds
_PROGRAMME_OF = re.compile(
    r"(?:[A-Z][\w-]*\s+){1,4}(?:Mission|Programme|Program|Scheme|Initiative)\s+of\s+the\s+(?=[A-Z])"
)
_ACRONYM_OF = re.compile(r"[A-Z][A-Z0-9-]{1,12}(?:\s+[A-Z][A-Z0-9-]{1,12})?\s+(?:of|from)\s+the\s+(?=[A-Z])")


# an administrative unit of a body: "the Agency's Ocean Science Division" gives the money, not the agency as a whole
# (a programme office is the body's money: "the Department of Energy's Marine Energy Office" funds as both)
ADMIN_UNIT = re.compile(r"\b(?:Division|Directorate)$")


def _owned_funder(body: str) -> list[str]:
    """The funders of "X's Y" in a funding list: both X and its programme Y, but Y alone when Y is an administrative
    unit of X."""
    parts = _POSSESSIVE_SPLIT.split(body)
    return parts[1:] if len(parts) == 2 and ADMIN_UNIT.search(parts[1]) else parts


def organisation_names(chunk: str) -> list[tuple[int, str]]:
    """(offset, name) of the capitalised name at the start of each part of a funding list."""
    out: list[tuple[int, str]] = []
    last_end = 0
    # ("… and from UNAM's PAPIIT programme": a list of givers may repeat its "from")
    # ("X (EPSRC), part of UK Research and Innovation": the body a funder belongs to funds the work too)
    # ("and by a Vantor Institute scholarship": the body whose grant it is, after an article)
    for m in re.finditer(
        r"(?:^|;|,|\band\s+(?:by\s+|from\s+)?(?:the\s+|an?\s+)?|\bby\s+(?:the\s+|an?\s+)?|\bthe\s+|\bpart\s+of\s+)\s*",
        chunk,
    ):
        run = _ORG_RUN.match(chunk, m.end())
        if not run or len(run.group()) < 3 or any(o <= run.start() < o + len(n) for o, n in out):
            continue
        # the list ends where other words come between two names ("… of China and will collaborate with …")
        # ("…, funded by the Ministry of …, by the Samsung Foundation": a funding verb goes on with the list)
        # ("JSPS KAKENHI from the Japan Society …, by CREST of the JST, and by the X program of the AMED": a programme
        # and the body that runs it)
        between = _LIST_CONNECTORS.sub("", chunk[last_end : run.start()])
        # (a grant's own name may stand between: "the SERB under its Core Research Grant, the …")
        between = _GRANT_NAME.sub("", between)
        if out and re.search(r"[a-z]{2,}", between) and not _LIST_RESUMES.search(chunk, 0, run.start()):
            break
        last_end = run.end()
        at = run.start()
        # "the European Commission's Horizon Europe programme": the body and its programme both fund the work
        for part in (p for body in _TWO_BODIES.split(run.group()) for p in _owned_funder(body)):
            # "CREST of the Japan Science and Technology Agency": a programme's acronym, then the body that funds
            if (programme := _ACRONYM_OF.match(part) or _PROGRAMME_OF.match(part)) is not None:
                part = part[programme.end() :]
            name = re.sub(r"\s+(?:and|of|for|on|the|de|&)$", "", part)
            offset = chunk.find(part, at)
            at = offset + len(part)
            if len(name) >= 3:
                out.append((offset, name))
    return out


def cut_at_people(institutions: list[Span], people: list[Span], text: str = "") -> list[Span]:
    """Institution names that ran on into a person listed after them ("the University of Eastmoor and Jon Vidal"),
    cut before the "and" that joins the person; an institution named after that person ("… and Aiko Mori of Kyoto
    University") is kept as one of its own (``text``: the item's text, where the spans point)."""
    out = []
    for inst in institutions:
        inside = [p for p in people if inst.start < p.start < inst.end]
        if inside and inst.name.isascii():
            first = min(p.start for p in inside)
            joint = re.search(r"\s*(?:,\s*|\s+)and\s+$|\s*,\s*$", inst.name[: first - inst.start])
            if joint is None:
                out.append(inst)
                continue
            end = inst.start + joint.start()
            # "… of the University of Exeter and Aiko Mori of Kyoto University": the name after the last person
            last = max(p.end for p in inside)
            tail = _TAIL_AFTER_PERSON.match(text, last, inst.end) if text else None
            # (a name without a head word, "of Woods Hole", is left to the short forms: it names a longer one)
            if tail is not None and _ENDS_WITH_HEAD.search(text, tail.end(), inst.end):
                out.append(Span(tail.end(), inst.end, inst.type, clean(text[tail.end() : inst.end])))
            inst = Span(inst.start, end, inst.type, clean(inst.name[: end - inst.start]), parent=inst.parent)
        out.append(inst)
    return out


_TAIL_AFTER_PERSON = re.compile(r"\s*(?:,\s*)?(?:of|at|from)\s+(?:the\s+)?(?=[A-Z])")


# a wire release's metadata block puts each field's label in capitals on its own line; the reader may join the next
# label to the value before it ("<title> ARTICLE PUBLICATION DATE", "<funders> COI STATEMENT")
JOINED_CAPS_LABEL = re.compile(
    r"(?:[^\S\n]+[A-Z]{2,})*[^\S\n]+(?:DATE|STATEMENT|FUNDING|JOURNAL|TITLE|DOI|SUBJECT|KEYWORDS|CONTACTS?)[^\S\n]*$"
)
