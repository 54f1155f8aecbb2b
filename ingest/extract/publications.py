"""Journals (《…》 with a publishing cue or a gazetteer hit, English names after 在/published in) and paper titles.

Pairs written side by side are kept together: 《自然》（Nature）, Nature Communications（《自然•通讯》）, a Chinese
title with its English original in brackets. The English form is the canonical name of both journals and papers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract import gazetteer_hits
from ingest.extract.en import FIELD_LIST, JOINED_CAPS_LABEL
from ingest.extract.guards import Guard, may_match
from ingest.extract.lexicon import CJK, EN_MONTHS
from ingest.extract.spans import Span, clean
from ingest.gazetteers import Gazetteer

# ("IEEE Transactions on Pattern Analysis and Machine Intelligence": "on" joins a title's words too, not a day:
# "in National Science Review on Monday")
_ON_TITLE_WORD = rf"on(?=\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|{EN_MONTHS}\b)[A-Z])"
_LATIN_TITLE = rf"[A-Z][A-Za-z&:'’-]*(?:\s+(?:[A-Z][A-Za-z&:'’-]*|of|and|in|{_ON_TITLE_WORD}|for|the|&))*"
#: a title in its abbreviated form, each word cut at a full stop (J. Am. Chem. Soc., Angew. Chem. Int. Ed.): Chinese
#: text writes it between Chinese words, where no sentence ends at its dots
_ABBREVIATED_TITLE = r"[A-Z][a-z]{0,11}\.(?:\s*[A-Z][a-z]{0,11}\.)+"
_CJK_CHAR = re.compile(rf"[{CJK}]")
_BOOK = re.compile(r"《(?P<name>[^《》\n]{1,80})》")
_PUBLISH_AFTER = re.compile(
    r"\s*(?:[（(][^（）()]{1,40}[）)])?\s*(?:杂志|期刊|学报|主刊|子刊|在线|发表|刊发|上(?:在线)?(?:发表|刊登|刊发|发布)|上)"
)
# an English title followed by 杂志/期刊 (Nature Biotechnology 杂志同期配发…)
# the rest of a list of titles (《A》《B》（B's English name）等期刊): the cue after the list holds for each title in it
_MORE_BOOKS = re.compile(r"(?:\s*[、，,和及与]?\s*《[^《》\n]{1,80}》(?:\s*[（(][^（）()]{1,80}[）)])?)*\s*等?")
_JOURNAL_GRADE = re.compile(r"TOP|Top|SCI|SCIE|SSCI|EI|CSSCI|CSCD|Q[1-4]|JCR")
# (on the same line: "… at 5 °C" closing a title line is no journal named by the "期刊：" field below it)
_EN_CUED_JOURNAL = re.compile(rf"(?P<en>{_LATIN_TITLE})[^\S\n]*(?=杂志|期刊(?![^\S\n]*[:：]))")
# in Chinese text, an English journal named by its editors' posts (当选Journal of X副主编, 受聘为IEEE Transactions
# on Y编委) or after the word journal (国际期刊Translational Neurodegeneration编委); "on" may join its words
_LATIN_JOURNAL = r"[A-Z][A-Za-z&:'’-]*(?:\s+(?:[A-Z][A-Za-z&:'’-]*|of|and|in|for|on|the|&))*"
_EN_JOURNAL_EDITORS = re.compile(
    rf"(?P<en>{_LATIN_JOURNAL})\s*(?=(?:期刊|杂志)?(?:执行|常务|共同)?(?:副?主编|编委|编辑委员会|客座编辑|领域编辑|副编辑))"
)
# 在IEEE Transactions on X、ACM Transactions on Y等期刊发表: every title of a list that ends in "journals"
_EN_JOURNAL_LIST_ZH = re.compile(
    rf"(?P<list>{_LATIN_JOURNAL}(?:\s*[、和及]\s*{_LATIN_JOURNAL})*)\s*等?(?:国际|国内|学术|顶级|权威|知名|\s)*(?:期刊|杂志)"
    # (期刊： labels the field of a details block: the words before it end another field, not a journal's name)
    r"(?![^\S\n]*[:：])"
)
_EN_JOURNAL_AFTER_WORD = re.compile(rf"(?:期刊|杂志)\s*(?P<en>{_LATIN_JOURNAL})(?=\s*[\u4e00-\u9fff、，。])")
_PUBLISH_BEFORE = re.compile(
    r"(?:发表于|发表在|刊登于|刊发于|刊载于|发表|期刊|杂志|顶刊|刊物|在国际(?:权威|知名|顶级)?(?:\w{0,4})?期刊)\s*$"
)
_EN_JOURNAL_ZH = re.compile(
    rf"(?:在|于)(?:国际|国内)?(?:顶级|权威|知名|著名|顶尖)?(?:学术|医学)?(?:期刊|杂志)?\s*(?P<en>{_LATIN_TITLE})\s*"
    rf"(?:[（(]\s*《(?P<zh>[^《》]{{1,30}})》\s*[）)])?\s*(?=期刊|杂志|上|[（(]《)"
)
# 在Nature Electronics发表论文, 发表在NEJM、The Lancet等期刊上: an English title the gazetteer knows, right before
# the publishing verb or listed after another journal
# (found from the English title, the rarer thing in Chinese text, and checked back for what comes before it)
_EN_JOURNAL_ZH_KNOWN = re.compile(
    # (its short form in brackets may stand between: …Machine Intelligence（TPAMI）发表)
    # (an adverb may stand before the verb: 在Nature Plants共同发表, 联合发表)
    rf"(?P<en>{_ABBREVIATED_TITLE}|{_LATIN_TITLE})\s*"
    r"(?=(?:[（(][A-Za-z .&-]{2,20}[）)])?(?:在线|上)?(?:联合|共同|合作|同期|相继|先后)?"
    r"(?:在线)?(?:发表|刊发|刊登)"
    r"|等?(?:期刊|杂志|刊物)|\s*[、和及])"
)
# 论文2025年发表于Physical Review Letters。: a known English title right after the publishing verb
_EN_JOURNAL_AFTER_VERB_ZH = re.compile(
    rf"(?:发表于|发表在|刊登于|刊发于|刊载于)\s*(?P<en>{_ABBREVIATED_TITLE}|{_LATIN_TITLE})"
)
_EN_JOURNAL_ZH_KNOWN_BEFORE = re.compile(r"(?:(?:在|于)(?:国际|国内)?(?:学术|医学)?(?:期刊|杂志)?|[、和及])\s*$")
# "In a new Chemical Science article": a journal the gazetteer knows, named as the kind of the paper (found from the
# title, then checked back for the article before it)
# (a clinical trial's paper too: "the 2024 JAMA Oncology trial "<title>"")
_EN_JOURNAL_ADJECTIVE = re.compile(rf"(?P<en>{_LATIN_TITLE})\s+(?:article|paper|study|report|trial)\b")
_EN_JOURNAL_ADJECTIVE_BEFORE = re.compile(
    # ("the landmark 2018 Lancet paper": a word and a year may stand between)
    # ("her group's Nature Food paper": the paper of a team)
    r"\b(?:[Aa]n?|[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+(?:(?:group|team|lab|laboratory)['’]s\s+)?(?:[a-z-]+\s+)?"
    r"(?:(?:19|20)\d{2}\s+)?$"
)
# "Their 1974 paper in the Journal of X, "<title>"", "the editorial board of Organometallics": where a work appeared,
# or the journal a board runs
_WORK_IN_JOURNAL = re.compile(
    rf"\b(?:(?:paper|article|essay|review|report|commentary|perspective)\s+in\s+(?:the\s+)?(?P<en>{_LATIN_JOURNAL})"
    rf",\s*(?=[“\"])|editorial\s+board\s+of\s+(?:the\s+)?(?P<board>{_LATIN_JOURNAL}))"
)
_QUOTED_JOURNAL = re.compile(rf"journal\s+['‘\"“](?P<en>{_LATIN_TITLE})['’\"”]")
# a citation in brackets: (ACS Catalysis, 2024, 14, 9244)
_CITATION = re.compile(rf"[（(]\s*(?P<en>{_LATIN_TITLE})\s*,\s*(?:19|20)\d{{2}}\s*,\s*\d+")
_CITE_END = re.compile(r"\s*(?:[.;,。；，]|$)", re.M)
#: a citation in the journals' own style: the journal (often abbreviated), its volume, pages and year, or the DOI
#: right after it (Proc. R. Soc. B 291, 20240001 (2024); Nature 600, 101–105 (2021); Nature Chem. https://doi…)
_VOLUME_CITATION = re.compile(
    r"(?P<en>[A-Z][\w.&'’ -]{0,60}?)\s+(?:\d{1,4},\s*[A-Za-z]?\d{1,8}(?:\s*[–-]\s*\d{1,8})?\s*\((?:19|20)\d{2}\)"
    r"|(?:https?://(?:dx\.)?doi\.org/|doi:)\s*10\.)"
)
#: what every citation of that style holds: the year in brackets after a page, or a DOI (the pattern's guard)
_VOLUME_HINT = re.compile(r"\d\s*\((?:19|20)\d{2}\)|doi")
#: Nature's house style abbreviates its own titles with "Nature" written out (Nature Chem. for Nat. Chem.)
_NATURE_SHORT = re.compile(r"^Nature (?=[A-Z][a-z]*\.)")
_BRACKETED_TITLE = re.compile(rf"[（(]\s*(?P<en>{_LATIN_TITLE})\s*[）)]")
_MONTH_DOT = (
    "(?:"
    + "|".join(
        f"(?<={m})" for m in ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
    )
    + r")\."
)
_EN_JOURNAL = re.compile(
    r"\b(?:(?P<cue>published|publishes|appeared|appears|reported|reports?|described|describes?|detailed|details|"
    r"paper|study|article)\b"
    # (the dot of an abbreviated month is no sentence end: "published Oct. 29 in the …")
    rf"(?:[^.;\n]|{_MONTH_DOT}){{0,200}}?\bin"
    rf"|\b(?:results|findings|work|research)\s+appear\s+in"
    # ("Our paper "…" is now out in Soil Letters")
    rf"|\b(?:is|are)\s+(?:now\s+)?out\s+(?:now\s+)?in"
    rf"|(?:in|of|for|to) the (?:(?:scientific|medical|academic|international|peer-reviewed)\s+)?journal)"
    # ("published in the journal ACS Catalysis": the word journal may follow the "in" of a cue)
    rf"\s+(?:the\s+)?(?:(?:scientific|medical|academic|international|peer-reviewed)\s+)?(?:journal\s+)?"
    # (a month after the cue's "in" dates the paper, the journal follows: "published in February in Cell")
    rf"(?!{EN_MONTHS}\b)"
    rf"(?P<en>{_LATIN_TITLE})"
)
# (a literal first, the engine skips to it; the word start is checked by the caller)
_IN_KNOWN_JOURNAL = re.compile(rf"in\s+(?P<en>{_LATIN_TITLE})")
# "in the North Atlantic" after "a study": a place; "in the Journal of X", "in the Lancet" name journals
_JOURNAL_WORD = re.compile(
    r"\b(?:Journal|Review|Reviews|Letters|Proceedings|Annals|Bulletin|Reports|Transactions|Acta)\b"
)
# the metadata block of a wire release: "Journal: Science Robotics", "期刊：《…》"
# (EurekAlert prints the field's name on a line of its own and the value on the next: "Journal\nNature Communications")
_JOURNAL_FIELD = re.compile(
    # (the citation may follow the name on its line: "期刊：Nature Energy, 2025, 10: 112")
    r"(?im)^[^\S\n]*(?:journal|期刊|发表期刊)[^\S\n]*(?:[:：]|\n)[^\S\n]*《?(?P<name>[^\n《》:：]{2,80}?)》?"
    r"(?:[^\S\n]*[,，][^\S\n]*(?:19|20)\d{2}\b[^\n]*)?[^\S\n]*$"
)
# the same field run into the line before it, its citation after the name ("… 期刊：Nature Communications, 2026, 17")
_JOURNAL_FIELD_INLINE = re.compile(
    rf"(?<=\s)(?:发表)?期刊[^\S\n]*[:：][^\S\n]*(?P<name>{_LATIN_JOURNAL})(?=[^\S\n]*(?:[,，;；]|$))", re.M
)
_JOURNAL_LABEL = re.compile(r"期刊[^\S\n]*[:：]")
_WEAK_CUES = frozenset(
    {
        "study",
        "paper",
        "article",
        "reported",
        "report",
        "reports",
        "described",
        "describe",
        "describes",
        "detailed",
        "details",
    }
)
_MONTH = re.compile(rf"{EN_MONTHS}\b")
_STRONG_CUE = re.compile(r"\b(?:published|appeared|appears)\b")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_TRAILING_WHEN = re.compile(
    rf"\s+(?:in|on|this|last)\s+(?:{EN_MONTHS}|(?:19|20)\d{{2}}|spring|summer|autumn|fall|winter)\b.*$"
)
_TRAILING_CONNECTORS = re.compile(r"(?:\s+(?:of|and|in|for|the|&))+$")
_PAIR_AFTER = re.compile(r"\s*[（(]\s*(?P<en>[A-Z][A-Za-z&:.'’\s-]{1,60}?)\s*[）)]")
# (corner brackets in text from Taiwan and Hong Kong: 論文題目為「…」)
_QUOTED = r"[“\"「『](?P<title>[^“”\"「」『』]{6,300}?)[”\"」』]"
# the authors of a reference: two or more names apart by commas ("Arjun Mehta, Lena Hoffmann", "Akinola O, Kulkarni
# S"), possibly closed by "et al."
_CITED_NAME = r"[A-ZÀ-Þ][\w'’-]*\.?(?:[^\S\n][A-ZÀ-Þ][\w'’-]*\.?){0,3}"
# (the last one may join with an ampersand, as German and Nature-style lists do: "…, Min-ji Hwangbo & Tomas Quill")
_CITED_AUTHORS = (
    rf"{_CITED_NAME}(?:(?:,[^\S\n]*(?:and[^\S\n]+)?|,?[^\S\n]+&[^\S\n]+){_CITED_NAME})+(?:,?[^\S\n]*et[^\S\n]+al)?"
)
# a reference in the citation style (authors, title, journal), as a release's "Original publication" gives it:
# "A Mehta, M Kern, L Hoffmann: <title>. Developmental Cell, 15 January 2025. DOI: …", "Akinola O, Kulkarni S,
# et al. <title>. N Engl J Med 2025. DOI: …"
# and with commas throughout, surnames with initials: "Ruizo A, Mensar K, Dane MI, <title>, ACS Applied
# Materials & Interfaces (2025)."
_INITIALLED = r"[A-ZÀ-Þ][\w'’-]+[^\S\n][A-Z]{1,3}"
# Harvard style, surname first: "Ruiz, A., Berg, O.J. and Kowal-Brandt, I."
# (APA spaces the initials: "Kowal-Brandt, I. M.")
_SURNAME_INITIALS = r"[A-ZÀ-Þ][\w'’-]+,[^\S\n]*[A-Z]\.(?:-?[^\S\n]?[A-Z]\.){0,2}"
_AUTHOR_GAP = r"(?:,[^\S\n]*|,?[^\S\n]+(?:and|&)[^\S\n]+)"
_HARVARD_AUTHORS = rf"{_SURNAME_INITIALS}(?:{_AUTHOR_GAP}{_SURNAME_INITIALS})*(?:,?[^\S\n]*et[^\S\n]+al\.?)?"
# a thesis's list of papers numbers them: "I. A, B. "<title>". Journal (2024).", "2) …"
_NUMBERED = r"(?:(?:[IVX]{1,4}|\d{1,2})[.)][^\S\n]+)?"
# a manuscript not yet out names the journal it went to ("Manuscript submitted to Journal X."): no publishedIn
SUBMITTED_TO = re.compile(
    r"\b(?:[Mm]anuscript[^\S\n]+)?(?:submitted|under[^\S\n]+review)[^\S\n]+(?:to|at|with)[^\S\n]+$"
    r"|投稿(?:至|于|到)[^\S\n]*$"
)
# (an author list may mark co-first and corresponding authors, #, *, and leave some out: "A#, B#, …, C*")
_MARKED_NAME = rf"{_CITED_NAME}[*#†]*"
_MARKED_AUTHORS = rf"{_MARKED_NAME}(?:,[^\S\n]*(?:and[^\S\n]+)?(?:…|\.\.\.|{_MARKED_NAME}))+(?:,?[^\S\n]*et[^\S\n]+al)?"
REFERENCE = re.compile(
    # (a Chinese text introduces one after a label: 论文信息：A, B. "<title>". Science, 2027.)
    rf"(?m)(?:^|(?<=[：]))[^\S\n]*(?:[-•*][^\S\n]*)?(?:(?:Reference|Citation|Original\s+publication|Publication)[^\S\n]*:[^\S\n]*)?"
    rf"{_NUMBERED}"
    rf"(?:(?P<authors>{_CITED_AUTHORS})[^\S\n]*(?::|\.)[^\S\n]+"
    # (PubMed's style closes with the PMID, its journals abbreviated and some in lower case first: "mBio. 2026
    # Mar;17(3):e0312825. PMID: …")
    r"(?P<title>[A-Z][^\n]{5,300}?)\.[^\S\n]+(?P<journal>[a-z]?[A-Z][A-Za-z&.\s-]{1,80}?)(?:\.(?=\s))?"
    r"(?=,|\s+\(?(?:19|20)\d{2}|[^\S\n]+\d)(?:[^\n]{0,80}?(?:\n[^\S\n]*)?(?:DOI|doi|PMID|PMCID)\b[^\n]*"
    # (or, Vancouver's way, no identifier but the year, volume, issue and pages: "Lab Chip. 2023;23(4):101-110.",
    # the reader may have broken the line after the journal's full stop)
    r"|\s+(?:19|20)\d{2}(?:[^\S\n]+[A-Z][a-z]{2}(?:[^\S\n]+\d{1,2})?)?;[^\S\n]*\d{1,4}(?:\(\d{1,4}\))?:[^\S\n]*[A-Za-z]?\d+[^\n]*)"
    rf"|(?P<authors2>{_INITIALLED}(?:,[^\S\n]*{_INITIALLED})+(?:,?[^\S\n]*et[^\S\n]+al\.?)?),[^\S\n]+"
    r"(?P<title2>[A-Z][^\n]{9,300}?),[^\S\n]+(?P<journal2>[A-Z][A-Za-z&.\s-]{1,80}?)[^\S\n]*\((?:19|20)\d{2}\)[^\n]*"
    # and with the title in quotes: 'A, B, and C, "<title>", Neuron (2025)'
    # (or after a full stop: 'A, B. "<title>". Neuron (2025).', and a manuscript's journal it was submitted to)
    rf"|(?P<authors3>{_MARKED_AUTHORS})[,.][^\S\n]*[“\"](?P<title3>[A-Z][^“”\"\n]{{9,300}}?)[,.]?[”\"][,.]?[^\S\n]*"
    r"(?:(?:[Mm]anuscript[^\S\n]+)?(?:submitted|under[^\S\n]+review)[^\S\n]+(?:to|at|with)[^\S\n]+)?"
    r"(?P<journal3>[A-Z][A-Za-z&.\s-]{1,80}?)(?=[,.(]|[^\S\n]*$|[^\S\n]+\d)[^\n]*"
    # Harvard style: 'Ruiz, A. and Berg, O. (2025) "<title>", Journal 27, 4410-4422.'
    rf"|(?P<authors5>{_HARVARD_AUTHORS})[^\S\n]*\((?:19|20)\d{{2}}[a-z]?\)[.,]?[^\S\n]*[“\"‘'](?P<title5>[A-Z][^“”\"\n]{{9,300}}?)"
    r"[,.]?[”\"’'][,.]?[^\S\n]*(?:[Ii]n:?[^\S\n]+)?(?P<journal5>[A-Z][A-Za-z&.\s-]{1,80}?)(?=[,.(]|[^\S\n]*$|[^\S\n]+\d)[^\n]*"
    # and a line for each part, under an "Original publication" heading: the authors, the title, then the journal
    # with the date, and the DOI
    rf"|(?P<authors4>{_CITED_AUTHORS})[^\S\n]*\n[^\S\n]*(?P<title4>[A-Z][^\n]{{9,300}}?)\.?[^\S\n]*\n[^\S\n]*"
    r"(?P<journal4>[A-Z][A-Za-z&.\-]*(?:[^\S\n][A-Za-z&.\-]+){0,8}?),?[^\S\n]+(?:\d{1,2}[^\S\n]+[A-Z][a-z]+[^\S\n]+)?"
    r"\(?(?:19|20)\d{2}\b[^\n]*\n[^\S\n]*(?:DOI|doi)\b[^\n]*)$"
)


# the Chinese national style (GB/T 7714) a journal's 引用格式 and a thesis's list of papers use: "A, B, C*. <title>[J].
# <journal>, 2027, 42(1): 1-14." with names in Chinese or in Latin letters (* marks the corresponding author, # a
# co-first one), the volume after the year; a manuscript names the journal it went to (已投稿至<journal>（审稿中）)
_GBT_NAME = rf"(?:[{CJK}]{{2,4}}|{_CITED_NAME})[*#＊†]*"
GBT_REFERENCE = re.compile(
    rf"(?m)(?:^|(?<=[:：]))[^\S\n]*(?:\[\d{{1,3}}\]|\d{{1,2}}[.、)]|[（(]\d{{1,2}}[）)])?[^\S\n]*"
    rf"(?P<authors6>{_GBT_NAME}(?:[,，、][^\S\n]*{_GBT_NAME})*)(?:[,，]?[^\S\n]*(?:等|et[^\S\n]+al\.?))?"
    r"[.．][^\S\n]*(?P<title6>[^\n]{4,300}?)(?:\[[A-Z]{1,2}(?:/OL)?\])?[.．][^\S\n]*"
    r"(?:(?P<submitted>已?投稿(?:至|于|到)|(?:[Ss]ubmitted|[Uu]nder[^\S\n]+review)[^\S\n]+(?:to|at)[^\S\n]+)"
    r"(?P<sjournal6>[^\n,，.。（(]{2,80}?)[^\S\n]*(?=[（(.。]|$)"
    r"|(?P<journal6>[^\n,，\[\]]{2,80}?)[,，][^\S\n]*(?:19|20)\d{2}[^\S\n]*[,，(（][^\S\n]*\d)"
)
# (the volume after the year, or a manuscript's word: the style's guard, a cheap scan before the full pattern)
_GBT_HINT = re.compile(r"(?:19|20)\d{2}[^\S\n]*[,，][^\S\n]*\d|投稿|ubmitted")

#: what every style of reference holds: its guard (a cheap literal scan) keeps the full pattern off most texts
_REFERENCE_HINT = re.compile(r"DOI|doi|PMID|\((?:19|20)\d{2}\)|[”\"],|：[^\S\n]*[A-Z]|(?:19|20)\d{2};[^\S\n]*\d")


@lru_cache(maxsize=8)
def references(text: str) -> tuple[re.Match[str], ...]:
    """The citation-style references of ``text`` (:data:`REFERENCE`, :data:`GBT_REFERENCE`), found once per text for
    every rule that reads them."""
    found: list[re.Match[str]] = []
    if _REFERENCE_HINT.search(text):
        # a title of fewer than three words is an author's name cut at an initial ("A. Ruizo, …, K. Mensar, B. J.
        # Saikia, ACS Catalysis 2025": a reference that gives no title)
        found += [m for m in REFERENCE.finditer(text) if len(text[slice(*reference_parts(m)[1])].split()) >= 3]
    if _GBT_HINT.search(text):
        found += [m for m in GBT_REFERENCE.finditer(text) if not any(f.start() <= m.start() < f.end() for f in found)]
    return tuple(found)


def reference_parts(m: re.Match[str]) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """(authors, title, journal) spans of a :data:`REFERENCE` or :data:`GBT_REFERENCE` match, whichever style it
    is."""
    if m.re is GBT_REFERENCE:
        journal = "journal6" if m.group("journal6") is not None else "sjournal6"
        return m.span("authors6"), m.span("title6"), m.span(journal)
    suffix = next(n for n in ("", "2", "3", "4", "5") if m.group("title" + n) is not None)
    return m.span("authors" + suffix), m.span("title" + suffix), m.span("journal" + suffix)


# (also "in the journal X ("<title>")", and "published in X - <subtitle> as "<title>"")
_PUBLISHED_IN_TITLE = re.compile(
    # (each alternative opens with a literal and checks the word start from behind it: a leading \b is tried at every
    # character)
    r"(?:p(?<![A-Za-z]p)ublished\s+in|i(?<![A-Za-z]i)n\s+the\s+journal)\s+"
    rf"(?:the\s+)?[A-Z][^\"“”()\n.;]{{1,80}}?(?:\s*\(\s*|\s+as\s+){_QUOTED}"
)
_TITLE_FIELD_ZH = re.compile(
    r"(?:^|(?<=[\s:：]))(?:标题|题目)[^\S\n]*[:：][^\S\n]*[“\"]?(?P<title>[A-Za-z\u4e00-\u9fff][^\n“”\"]{5,300}?)"
    r"[”\"]?[^\S\n]*(?=(?:发表)?期刊[^\S\n]*[:：]|(?:DOI|doi)[^\S\n]*[:：]"
    r"|\n(?:[^\n]*\n){0,3}[^\S\n]*(?:(?:发表)?期刊|DOI|doi)[^\S\n]*[:：])",
    re.M,
)
# (literal scans first: the two patterns above open with \b or a lookbehind, so re tries them at every character,
# 0.5 and 1.0 ms per 100 kB of the bench's items; each of their matches holds what these find)
_TITLE_LABEL_ZH = re.compile(r"(?:标题|题目)[^\S\n]*[:：]")
# ("won a Best Talk Award for "<title>," written with A": a quoted title its writers follow)
_WRITTEN_AFTER = re.compile(rf"{_QUOTED}[^\S\n]*,?[^\S\n]*(?:co-)?(?:written|authored)[^\S\n]+(?:with|by)\b")
# "a 2025 study by A and B, "<title>,"": the authors between the work and its title
_WORK_BY = re.compile(rf"\b(?:paper|study|article)[^\S\n]+by[^\S\n]+[A-Z][^\n“”\"().;]{{1,80}}?,[^\S\n]*{_QUOTED}")
# "is first author of "<title>," published in …": the quoted title of the work someone wrote
_AUTHOR_OF = re.compile(
    rf"a(?<![A-Za-z]a)uthor[^\S\n]+of[^\S\n]+(?:the[^\S\n]+(?:paper|study|article)[^\S\n]*,?[^\S\n]*)?{_QUOTED}"
)
_PAPER = [
    # (as a speaker says it: 论文题目叫“…”)
    re.compile(rf"(?:题为|(?:题目|标题)(?:为|叫做?|是)|名为)\s*{_QUOTED}"),
    # (a translation in brackets may stand between: 以“English title”（中文题目）为题)
    re.compile(rf"以\s*{_QUOTED}\s*(?:[（(][^（）()]{{1,120}}[）)])?\s*为题"),
    re.compile(rf"{_QUOTED}\s*(?:[（(][^（）()]{{1,120}}[）)])?\s*为题"),
    # (on one line: a headline ending in "study" is not the title of the quote that opens the text)
    # ("The paper is called "…"", as a speaker says it)
    re.compile(
        rf"(?:titled|entitled|paper|article|study|trial|the\s+title|(?:paper|article|study)[^\S\n]+(?:is|was)[^\S\n]+called)"
        rf"[^\S\n]*,?[^\S\n]*{_QUOTED}"
    ),
    _WRITTEN_AFTER,
    _WORK_BY,
    _AUTHOR_OF,
    # "Their 1974 paper in the Journal of X, "<title>"": the journal between the work and its title (also "a paper
    # published last October in X, "<title>"")
    re.compile(
        rf"(?:paper|article|essay|review)\s+(?:published\s+(?:(?!in\b)\w+\s+){{0,3}})?in\s+(?:the\s+)?{_LATIN_JOURNAL},"
        rf"[^\S\n]*{_QUOTED}"
    ),
    # "published in Geochimica et Cosmochimica Acta ("<title>")": the title in brackets (or after "as") after the
    # journal
    _PUBLISHED_IN_TITLE,
    # "with the title of 'Dynamic boronic ester networks …'": a title in single quotes after a title word
    re.compile(r"(?:the\s+title\s+of|titled|entitled)\s*['‘](?P<title>[^'‘’\n]{6,300}?)['’](?=[\s.,;)]|$)"),
    # 发表了…合作完成的研究论文“Fault-tolerant logical qubits…”
    re.compile(rf"(?:研究论文|学术论文|论文|文章)\s*{_QUOTED}"),
    # the metadata block of a wire release: "Article Title: …", "论文题目：…" (or the value on the next line)
    re.compile(
        r"(?im)^[^\S\n]*(?:[※•*▪■◆●][^\S\n]*)?"
        r"(?:article\s+title|paper\s+title|title\s+of\s+(?:the\s+)?(?:paper|article)|论文题目|论文标题|文章题目)"
        r"[^\S\n]*(?:[:：]|\n)[^\S\n]*[“\"]?(?P<title>[^\n“”\"]{6,300}?)[”\"]?[^\S\n]*$"
    ),
    # a publication-details block: "Title: <title>" with the paper's journal or DOI on the lines after it
    re.compile(
        r"(?im)^[^\S\n]*title[^\S\n]*:[^\S\n]*[“\"]?(?P<title>[A-Z][^\n“”\"]{5,300}?)[”\"]?[^\S\n]*\n"
        r"(?=(?:[^\n]*\n){0,3}[^\S\n]*(?:journal|doi)[^\S\n]*:)"
    ),
    # a defence notice: "Thesis title: <title>", "Dissertation: <title>" (THESIS_LINE)
    re.compile(
        r"(?im)^[^\S\n]*(?:(?:doctoral|PhD|Ph\.D\.)[^\S\n]+)?(?:thesis|dissertation)(?:[^\S\n]+title)?[^\S\n]*:[^\S\n]*"
        # (the reader may join the next field to the title's line: "… potential Time and place: Friday …")
        r"[“\"]?(?P<title>[A-Z][^\n“”\"]{5,300}?)[”\"]?[^\S\n]*(?:$|(?=(?:Time|Date|Place|Venue|Location|Supervisors?"
        r"|Opponents?|Committee|Evaluation|Language|Candidate|Summary|Abstract|Trial)(?:[^\S\n]+(?:and|of)[^\S\n]+\w+)?:))"
    ),
    # the same block in Chinese (论文信息：标题：… / 期刊：… / DOI：…), the label in either language
    # (its lines often run together when the page is read: 论文信息：标题：… 期刊：…)
    _TITLE_FIELD_ZH,
    # a reference line closing a release: "Study: <title> (DOI: 10.1038/…)", "Paper: <title>. Nature (2025)"
    re.compile(
        r"(?m)^[^\S\n]*(?:Study|Paper|Article|Publication)[^\S\n]*:[^\S\n]*[“\"]?"
        r"(?!.*\bet\s+al\b)(?P<title>[A-Z][^\n“”\"]{5,300}?)[”\"]?[^\S\n]*(?:[.,]?[^\S\n]*\(?(?:DOI|doi|https?://)[^\n]*)?$"
    ),
]
# a preprint digest's entry: its heading is the paper's title, the line under it says where it was posted ("Posted to
# ChemRxiv on 3 March 2027.")
_PREPRINT_HEADING = re.compile(
    r"\A[^\S\n]*(?:\d{1,2}[.)][^\S\n]+)?(?P<title>[A-Z][^\n]{10,300}?)[^\S\n]*\n[^\S\n]*"
    r"(?:Posted|Deposited|Published|Uploaded)[^\S\n]+(?:to|on|in)[^\S\n]+(?:the[^\S\n]+)?"
    r"(?:[A-Za-z]*Rxiv|arXiv|SSRN|Research[^\S\n]+Square|Preprints\.org|OSF[^\S\n]+Preprints)\b"
)
_PAPER.append(_PREPRINT_HEADING)
_TALK_AFTER = re.compile(
    r"\s*(?:的)?(?:学术|主旨|特邀|专题|大会)?(?:报告|讲座|演讲|发言|讲话|致辞)|\s*(?:talk|lecture|keynote)", re.I
)
_TALK_BEFORE = re.compile(r"\b(?:talk|lecture|keynote|speech|seminar|address|presentation)\s*,?\s*$", re.I)
_PAPER_PAIR = re.compile(r"\s*[（(](?P<alt>[^（）()]{6,300})[）)]")


def _is_latin(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9&:.,'’\s-]+", s))


#: the longest journal title the gazetteer may extend a cut one to
_LONGEST_TITLE = 120
_FIELD_OF_END = re.compile(r"\b(?:on|of|for|in)\s+(?:the\s+)?[A-Z][a-z]+$")
_COMMA_HEAD = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]+,[^\S\n]+$")


def _known_title_end(words: str, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """(offset, name) of the longest known journal that ends ``words`` (its abbreviated form too), by the
    gazetteer's name: a citation's journal after the end of the sentence before it on the line."""
    for m in re.finditer(r"(?:^|(?<=\s))[A-Z]", words):
        tail = words[m.start() :]
        for form in (tail, tail.rstrip("."), _NATURE_SHORT.sub("Nat. ", tail)):
            entry = gazetteer.lookup(form, "Journal")
            if entry is not None:
                return m.start(), entry.name
    return None


def find_journals(text: str, gazetteer: Gazetteer) -> list[Span]:
    """Journal spans with the paired form beside them as ``alias``."""
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []

    def add(span: Span) -> None:
        # "Plant, Cell & Environment": a known title whose words before a comma the rules left out
        head = _COMMA_HEAD.search(text, max(0, span.start - 30), span.start)
        if head is not None and gazetteer.lookup(full := clean(text[head.start() : span.end]), "Journal"):
            span.start, span.name = head.start(), full
        # "Geochimica et Cosmochimica Acta": a known title the rules cut at a word in lower case runs on
        longer = next(gazetteer_hits.hits(text[span.start : span.start + _LONGEST_TITLE], gazetteer, "Journal"), None)
        if longer is not None and longer[0] == 0 and span.start + longer[1] > span.end:
            span.end = span.start + longer[1]
            span.name = clean(text[span.start : span.end])
        # "Fictional Transactions on Sound, Speech and Hearing": a title named for a list of fields runs over
        # its commas to the "and" (not over a list of journals: "in Cell Reports, Nature and Science")
        if text.startswith(",", span.end) and _FIELD_OF_END.search(span.name):
            fields = FIELD_LIST.match(text, span.end)
            if fields is not None and not any(
                gazetteer.lookup(part, "Journal") for part in _LIST_SEPARATOR.split(fields.group().strip(", "))
            ):
                span.end, span.name = fields.end(), clean(text[span.start : fields.end()])
        if not any(a < span.end and span.start < b for a, b in taken):
            spans.append(span)
            taken.append((span.start, span.end))

    for m in _EN_JOURNAL_ZH.finditer(text):
        en = clean(m.group("en"))
        alias = clean(m.group("zh")) if m.group("zh") else None
        span = Span(m.start("en"), m.end("en"), "Journal", en, alias=alias)
        if alias:
            span.alias_span = (m.start("zh"), m.end("zh"))
        add(span)
    for m in _BOOK.finditer(text):
        name = clean(m.group("name"))
        pair = _PAIR_AFTER.match(text, m.end())
        entry = gazetteer.lookup(name, "Journal")
        more = _MORE_BOOKS.match(text, pair.end() if pair else m.end())
        listed_to = more.end() if more else m.end()
        cued = bool(
            _PUBLISH_AFTER.match(text, m.end())
            or _PUBLISH_AFTER.match(text, listed_to)
            or _PUBLISH_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        )
        # 学报, 杂志 and 期刊 end the names of journals only (机械工程学报), cue or not; 科学报 is a science
        # newspaper's name (科学 + 报), not a 学报
        if not (entry or cued or re.search(r"(?:(?<!科)学报|科学学报|杂志|期刊)(?:[（(][^（）()]*[）)])?$", name)):
            continue
        if re.search(r"意见|规划|方案|办法|纲要|计划|通知|条例|指南|报告|决定|法$", name):
            continue
        span = Span(m.start("name"), m.end("name"), "Journal", name)
        if pair:
            span.alias, span.alias_span = clean(pair.group("en")), (pair.start("en"), pair.end("en"))
        add(span)
    for m in _EN_JOURNAL_ADJECTIVE.finditer(text):
        name = clean(m.group("en"))
        article = _EN_JOURNAL_ADJECTIVE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if article and gazetteer.lookup(name, "Journal"):
            add(Span(m.start("en"), m.end("en"), "Journal", name))
    for m in _EN_JOURNAL_ZH_KNOWN.finditer(text):
        name = clean(m.group("en"))
        if _EN_JOURNAL_ZH_KNOWN_BEFORE.search(text, max(0, m.start() - 12), m.start()) and gazetteer.lookup(
            name, "Journal"
        ):
            add(Span(m.start("en"), m.end("en"), "Journal", name))
    for m in _EN_JOURNAL_AFTER_VERB_ZH.finditer(text):
        name = _TRAILING_CONNECTORS.sub("", m.group("en"))
        if gazetteer.lookup(name, "Journal"):
            add(Span(m.start("en"), m.start("en") + len(name), "Journal", clean(name)))
    # English titles named by the Chinese words around them; a ranking or an index (中科院一区TOP期刊, SCI期刊) names no
    # journal
    latin: list[tuple[int, int]] = [m.span("en") for m in _EN_CUED_JOURNAL.finditer(text)]
    if _CJK_CHAR.search(text):
        latin += [m.span("en") for m in (*_EN_JOURNAL_EDITORS.finditer(text), *_EN_JOURNAL_AFTER_WORD.finditer(text))]
        for m in _EN_JOURNAL_LIST_ZH.finditer(text):
            for piece in re.finditer(r"[^、和及]+", m.group("list")):
                title = piece.group()
                at = m.start("list") + piece.start() + (len(title) - len(title.lstrip()))
                latin.append((at, at + len(title.strip())))
    for a, b in latin:
        if b > a and not _JOURNAL_GRADE.fullmatch(text, a, b):
            add(Span(a, b, "Journal", clean(text[a:b])))
    for m in _CITATION.finditer(text):
        add(Span(m.start("en"), m.end("en"), "Journal", clean(m.group("en"))))
    for m in _VOLUME_CITATION.finditer(text) if _VOLUME_HINT.search(text) else ():
        found = _known_title_end(m.group("en"), gazetteer)
        if found is not None:
            at, entry_name = found
            add(Span(m.start("en") + at, m.end("en"), "Journal", entry_name))
    # (a literal scan first: _JOURNAL_FIELD_INLINE opens with a lookbehind, 0.6 ms per 100 kB of the bench's items;
    # each of its matches holds the label this finds)
    inline = _JOURNAL_FIELD_INLINE.finditer(text) if _JOURNAL_LABEL.search(text) else ()
    for m in (*_JOURNAL_FIELD.finditer(text), *inline):
        add(Span(m.start("name"), m.end("name"), "Journal", clean(m.group("name"))))
    for m in _WORK_IN_JOURNAL.finditer(text):
        group = "en" if m.group("en") else "board"
        name = _TRAILING_CONNECTORS.sub("", _TRAILING_WHEN.sub("", m.group(group)))
        add(Span(m.start(group), m.start(group) + len(name), "Journal", clean(name)))
    # "in the international academic journal 'Advanced Energy Materials'"
    for m in _QUOTED_JOURNAL.finditer(text):
        add(Span(m.start("en"), m.end("en"), "Journal", clean(m.group("en"))))
    for m in references(text):
        _, _, (a, b) = reference_parts(m)
        add(Span(a, b, "Journal", clean(text[a:b])))
    # "… can superconduct at 12 K (Nature Physics).": a known journal in brackets cites where the work appeared
    for m in _BRACKETED_TITLE.finditer(text):
        # ... but not "Dr Tom Reilly (Engineering)": after a capitalised word, a bracket holds a department or a place
        before = text[max(0, m.start() - 30) : m.start()].rstrip()
        if re.search(r"[A-Z][a-z][\w'’-]*$", before) or not _CITE_END.match(text, m.end()):
            continue
        if gazetteer.lookup(clean(m.group("en")), "Journal"):
            add(Span(m.start("en"), m.end("en"), "Journal", clean(m.group("en"))))
    # "Yes, in Geophysical Research Letters in November.": a known journal whose name says it is one (Letters,
    # Journal, Review) needs no "published" before it
    for m in _IN_KNOWN_JOURNAL.finditer(text):
        if text[m.start() - 1 : m.start()].isalpha():
            continue
        name = _TRAILING_CONNECTORS.sub("", _TRAILING_WHEN.sub("", m.group("en")))
        if _JOURNAL_WORD.search(name) and gazetteer.lookup(name, "Journal"):
            add(Span(m.start("en"), m.start("en") + len(name), "Journal", clean(name)))
    for m in _EN_JOURNAL.finditer(text):
        # "a paper in Science in 2019": the connectors a title may hold do not end it
        # ("published in Nature Microbiology in May": the month is when, not part of the name)
        name = _TRAILING_CONNECTORS.sub("", _TRAILING_WHEN.sub("", m.group("en")))
        start = m.start("en")
        the = m.group(0)[: m.start("en") - m.start()].endswith(("the ", "The "))
        known = gazetteer.lookup(name, "Journal") or gazetteer.lookup(f"The {name}", "Journal")
        if the and not _JOURNAL_WORD.search(name) and not known:
            continue
        # "a study of malaria in children in Ghana": after a word that does not say "published", a place is likelier
        # ("was published in May 2023": when, not where)
        if _MONTH.match(name):
            continue
        # ("described in a paper published today in X": a strong cue between the weak one and the name holds)
        weak = m.group("cue") in _WEAK_CUES and not _STRONG_CUE.search(text, m.start(), start)
        if weak and not known and not _JOURNAL_WORD.search(name) and len(_LIST_SEPARATOR.split(name)) == 1:
            continue
        parts, pos = [], 0
        for part in _LIST_SEPARATOR.split(name):
            pos = name.index(part, pos)
            parts.append((start + pos, part))
            pos += len(part)
        # "appeared in Physical Review Letters and Nature Physics": two journals the gazetteer knows, not one
        if (
            len(parts) > 1
            and not gazetteer.lookup(name, "Journal")
            and all(gazetteer.lookup(part, "Journal") for _, part in parts)
        ):
            for at, part in parts:
                add(Span(at, at + len(part), "Journal", clean(part)))
            continue
        add(Span(start, start + len(name), "Journal", clean(name)))
    for span in spans:
        # the English form is canonical; the gazetteer may know the pair
        if span.alias and _is_latin(span.alias) and not _is_latin(span.name):
            span.name, span.alias = span.alias, span.name
    return spans


#: the words every match of these title patterns holds (ingest.extract.guards)
_PAPER_GUARDS: dict[re.Pattern[str], Guard] = {
    _PUBLISHED_IN_TITLE: ("published", "journal"),
    _TITLE_FIELD_ZH: (_TITLE_LABEL_ZH,),
    _WRITTEN_AFTER: ("written", "authored"),
    _WORK_BY: (" by ",),
    _AUTHOR_OF: ("author of",),
    _PREPRINT_HEADING: ("Rxiv", "arXiv", "Preprint"),
}


def find_publications(text: str) -> list[Span]:
    """Paper titles: 题为“…”, 以“…”为题, titled "…", with a translation in brackets as ``alias``."""
    spans: list[Span] = [
        Span(a, b, "Publication", clean(text[a:b])) for a, b in (reference_parts(m)[1] for m in references(text))
    ]
    for pattern in _PAPER:
        if not may_match(_PAPER_GUARDS, pattern, text):
            continue
        for m in pattern.finditer(text):
            if _TALK_AFTER.match(text, m.end()) or _TALK_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                continue  # 作题为“…”的学术报告, a lecture titled "…": the title of a talk, not of a paper
            s, e = m.start("title"), m.end("title")
            # American style puts the sentence's comma or full stop inside the quotes ("… sodium storage,")
            e -= len(m.group("title")) - len(m.group("title").rstrip(",.;:，。；："))
            if (label := JOINED_CAPS_LABEL.search(text, s, e)) is not None and label.start() > s:
                e = label.start()
            if any(x.start < e and s < x.end for x in spans):
                continue
            title = clean(text[s:e])
            span = Span(s, e, "Publication", title)
            pair = _PAPER_PAIR.match(text, m.end())
            if pair:
                alt = clean(pair.group("alt"))
                span.alias, span.alias_span = alt, (pair.start("alt"), pair.end("alt"))
                if _is_latin(alt) and not _is_latin(title):
                    span.name, span.alias = alt, title
            spans.append(span)
    return spans
