"""People: Chinese names found by context cues, transliterated names with their English originals, English names.

A Chinese name is 2-3 characters (4 with a compound surname) starting with a surname, bounded on the left by
punctuation, a stop word, a cue or the end of an institution name, and on the right by a cue, punctuation or a
conjunction. It becomes a Researcher only with a researcher cue (教授, 研究员, 团队 ...), as an affiliation
(institution + name + 、/和/等), or listed beside one; an official cue (书记, 部长, 记者, 主持 ...) rules it out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.lexicon import (
    CJK,
    COMPOUND_SURNAMES,
    EN_DEGREES,
    EN_MONTH_NAMES,
    EN_WEEKDAYS,
    LATIN_LETTER,
    LATIN_UPPER,
    OFFICIAL,
    OFFICIAL_EN,
    RESEARCHER_AFTER,
    RESEARCHER_BEFORE,
    RESEARCHER_EN_BEFORE,
    RESEARCHER_EN_JOBS,
    SINGLE_SURNAMES,
    STOP_WORDS,
    alternation,
    latin_written,
    words_of,
)
from ingest.extract.spans import Span, clean
from ingest.extract.trie import trie_pattern
from ingest.nlp import tagged_noun, tagged_person, tagged_verb, words, words_freq

_SURNAME = rf"(?:{alternation(COMPOUND_SURNAMES)}|[{''.join(sorted(SINGLE_SURNAMES))}])"
_RESEARCHER_AFTER_SET = frozenset(RESEARCHER_AFTER)
# 主要完成人：吴某、钱某 — a cue may end in a colon that opens the list of names
# (主要完成人为柯某、…: the people a cue introduces with 为/包括)
_BEFORE_R = re.compile(rf"(?:{alternation(RESEARCHER_BEFORE)})(?:还|也|另)?(?:为|包括|有)?[：:]?\s*$")
# a head of an academic unit (院长, 所长): a researcher when a researcher cue follows the name, else an official
_BEFORE_TITLE = re.compile(r"(?<!科学)(?<!工程)(?:副?院长|副?所长|系主任)$")
# 研究员、原副所长漆某: the post follows a researcher's title in one list of what the person is
_RESEARCHER_THEN_TITLE = re.compile(
    rf"(?:{alternation(RESEARCHER_BEFORE)})[、，,]\s*(?:原|前|曾任)?(?:副?院长|副?所长|系主任)$"
)
_BEFORE_O = re.compile(rf"(?:{alternation(OFFICIAL)})$")
# one alternation, longest cue first: 副主任医师 (a physician) wins over 副主任 (an official)
_CUE_AFTER = re.compile(alternation(tuple(RESEARCHER_AFTER) + tuple(OFFICIAL)))
_ORG_SUFFIX = re.compile(r"公司|集团|银行|基金会|协会")
# "单雪梅主持的项目获特等奖": who leads a project is its researcher, not a host of a meeting (会议由X主持)
_LEADS_WORK = re.compile(r"(?<=主持)的?(?:项目|课题|研究|成果|团队|完成|“)|(?<=主持)(?:完成|开展|研发)")
# a profile's opening: name, sex, birth year or ethnicity; or name, unit and post (邢晓岚，生命科学学院研究员，…)
# (or "X是西北农林科技大学植物保护学院教授": the unit and post, after 是)
_PROFILE = re.compile(
    r"\s*[，,]\s*(?:[男女]\s*[，,]\s*(?:[\u4e00-\u9fff]{1,3}族|(?:19|20)\d{2}\s*年)"
    r"|[^，,。；;\n]{0,16}?(?:大学|学院|研究所|研究院|系|中心|实验室|医院)"
    r"(?:特聘|副|助理)?(?:研究员|教授|讲师|院士|博士后|主任医师)(?=[，,。；;]))"
    r"|是[^，,。；;\n]{2,24}?(?:大学|学院|研究所|研究院|系|中心|实验室|医院)"
    r"(?:特聘|副|助理)?(?:研究员|教授|讲师|院士|博士后|主任医师)(?=[，,。；;的])"
)
_AFTER = re.compile(
    r"(?P<p>[、，,。；;（(和与及在为以等因凭获于也还则已曾将对从把被\n]|荣获|荣膺|当选|入选|获评|入围|受聘|发布|表示|指出|介绍|认为|带领|领衔|$)"
)
# a name candidate: surname + 1-2 characters, the longest first
_CANDIDATE = re.compile(rf"{_SURNAME}[{CJK}]{{1,2}}")
# 阿尔贝托·罗西（Alberto Rossi）: a transliteration with its original beside it
# a name never runs over a line break (a headline's last word and the next line's first are no name)
# (with the particles of Dutch, German, French, Italian and Spanish surnames: Pieter de Graaf, Ana van der Berg)
_LATIN_NAME = (
    rf"[{LATIN_UPPER}][{LATIN_LETTER}'’-]+(?:[^\S\n]*[A-Z]\.)?(?:[^\S\n]+(?:[A-Z]\.[^\S\n]*"
    # (and Irish ones: Declan Ó Briain, Aoife Ní Bhriain, Seán Mac Giolla)
    rf"|(?:(?:van|von|de|der|den|da|di|du|del|della|dos|la|le|ter|ten|bin|binti|Ó|Ní|Nic|Mac|Uí)[^\S\n]+){{1,2}})?"
    rf"[{LATIN_UPPER}][{LATIN_LETTER}'’-]+){{1,3}}"
)
# found from the bracket backwards: scanning for the Chinese part first would try every CJK position
# (the bracket may go on with the person's post: 汤姆·林德（Tom Lind，西岭大学理学院讲席教授）)
_PAIRED_EN = re.compile(rf"[（(]\s*(?P<en>{_LATIN_NAME})\s*(?:[）)]|[，,](?=[^（）()\n]{{1,60}}[）)]))")
# (a hyphen inside a transliterated part: 以利亚·本-阿米 for Ben-Ami)
_PAIRED_ZH = re.compile(rf"(?P<zh>[{CJK}]{{1,8}}(?:\s*[·•]\s*[{CJK}A-Z.-]{{1,8}}){{0,4}})\s*$")
# the word that ends a body's name: a transliterated name ending in it names the body, not a person
_BODY_END = re.compile(r"(?:中心|大学|学院|研究所|研究院|实验室|医院|基金会|学会|协会|公司|博物馆)$")
_ZH_CUES = alternation(("教授", "博士", "研究员", "院士", "副教授", "团队", "课题组"))
_EN_CUED = re.compile(rf"(?P<en>{_LATIN_NAME})\s*(?={_ZH_CUES})")
# 谢菲尔德大学材料系教授 Mark Ellison: a Latin name after a Chinese title
_EN_AFTER_ZH_TITLE = re.compile(rf"(?:教授|研究员|博士|院士|副教授|讲师|博士后)\s*(?P<en>{_LATIN_NAME})")
# "professor of materials science Elena Vasquez", "Graduate student Lin Zhou": the job word may open the sentence and
# carry its field before the name
_FIELD_WORD = r"(?!(?:at|from|in|of|with|and|the)\b)[a-z-]+"
_EN_JOBS = RESEARCHER_EN_BEFORE + tuple(w[:1].upper() + w[1:] for w in RESEARCHER_EN_JOBS)


def _trie(words: tuple[str, ...]) -> str:
    pattern = trie_pattern(words)
    assert pattern is not None
    return pattern.pattern


# any scientist by the suffix of the field: a glaciologist, an astrophysicist, a geochemist, a biostatistician
_SCIENTIST_SUFFIX = r"[a-z]+(?:ologist|icist|chemist|ographer|onomer|(?<!poli)tician)"
_EN_BEFORE = re.compile(
    rf"\b(?:{_trie(_EN_JOBS)}|{_SCIENTIST_SUFFIX})"
    # the field's words are not the preposition that leads to an institution ("professor of neuroscience at X")
    rf"(?:\s+(?:of|in)\s+(?:{_FIELD_WORD}\s+){{0,2}}{_FIELD_WORD})?"
    # ("his first graduate student, Ruth Okoro, …": the name set off as an apposition)
    r",?\s+(?:(?:(?:Associate|Assistant|Assoc|Asst)\.?\s+)?(?:Professor|Prof\.?|Dr\.?)\s+)?"
    rf"(?P<en>{_LATIN_NAME})"
)
_JOBS_AFTER = alternation(
    (
        *RESEARCHER_EN_JOBS,
        "lecturer",
        "postdoctoral",
        "PhD student",
        "PhD candidate",
        "Ph.D. student",
        "Ph.D. candidate",
        "MSc student",
        "DPhil student",
    )
)
_JOB_NEXT = re.compile(rf"[^\S\n]+(?:{_JOBS_AFTER})\b")
_CONTACT_AFTER = re.compile(r"[ \t\u3000]*(?:[：:,，]\s*)?(?:\+?\d[\d \t()-]{7,}\d|[\w.+-]+@[\w-]+\.[\w.]+)")
# (an institution named in Latin letters, accented or not: Université de Montréal)
_HAS_CJK = re.compile(rf"[{CJK}]")
_HAS_CJK_ONLY = re.compile(rf"[{CJK}]+")
_EN_AFTER = re.compile(
    # "X, a condensed-matter physicist", "X, now a senior scientist at Y", "X, the Henry Lowell Professor of Y"
    rf"(?P<en>{_LATIN_NAME}){EN_DEGREES}"
    # ("X is an associate professor at Y": a profile's opening sentence says the same with a verb; "X is the
    # corresponding author" names a role in a paper, often with a surname a title leads)
    r"(?:(?:,|[^\S\n]+(?:is|was)(?=[^\S\n]+(?:(?:now|currently)[^\S\n]+)?an?\b))\s+(?:now\s+|currently\s+|formerly\s+)?"
    r"(?:a|an|the)?\s*(?:[a-z][a-z-]+\s+){0,2}"
    rf"(?:{_JOBS_AFTER}|{_SCIENTIST_SUFFIX}|pharmacist)\b"
    r"|,\s+the\s+(?:[A-Z][\w.'’-]*\s+){1,6}Professor\b"
    # ("A, Research Director at X": a research institute's senior rank, not an administrator)
    r"|,\s+(?:a\s+)?(?:Senior\s+)?(?i:research\s+director|directeur\s+de\s+recherche|research\s+professor)\b"
    # ("Congrats to A, who won a Best Talk Award", "A, who will receive the X Medal": a laureate)
    r"|,\s+who\s+(?:has\s+|have\s+|will\s+|also\s+)?(?:won|wins|win|received|receives|receive|earned|was\s+awarded)\s+"
    r"(?:an?|the|this|their|his|her|(?:19|20)\d{2})\b"
    # ("welcome A, who joins us as a Postdoctoral Fellow": a new member of a research group)
    r"|,\s+who\s+(?:joins|joined|will\s+join)\s+(?:us|the\s+(?:lab|group|team))\s+as\s+an?\b"
    # "…, explained Associate Director MOON Ji-hae, who led the study"
    r"|,\s+who\s+(?:co-)?(?:led|leads|headed|heads|directed|supervised)\s+(?:the|this)\s+"
    r"(?:study|research|work|team|project|group|analysis)\b"
    r"|\s+et al\."
    # ("Noor Haddaway's group at KAUST", "Lukas Brandt and his team at ETH Zurich", "A and colleagues at B"): a
    # research group's leader
    r"|['’]s\s+(?:research\s+)?(?:group|team|lab|laboratory)\s+(?:at|in|from)\b"
    r"|\s+and\s+(?:his|her|their)\s+(?:colleagues|team|group|co-workers|collaborators)\b"
    r"|\s+and\s+(?:colleagues|co-workers|collaborators)\s+(?:at|from|in)\b)"
)
#: a title and one word: a surname, no full name (Dr Lindqvar, Professor Quell)
_TITLED_SURNAME = re.compile(r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame)\.?\s+\S+")
_EN_LED = re.compile(
    # ("The first author is A", "The senior author was B")
    # ("Authors: A (first author) and B": a digest's field)
    r"\b(?:led by|co-led by|headed by|author(?:\s+(?:is|was))?|[Aa]uthors:?"
    r"|co-authors?(?:\s+(?:include|are|were|is|was))?)"
    rf"\s+(?P<en>{_LATIN_NAME})"
)
# capitalised runs that name no person (checked before taking "X of Y University" or "X (Y University)" as a person)
_NOT_A_NAME = re.compile(
    r"\b(?:University|Institute|College|School|Department|Faculty|Prize|Award|Medal|Fellowship|Foundation|Society|"
    r"Council|Centre|Center|Laboratory|Hospital|Journal|Academy|Museum|Ministry|Agency|Fund|Trust|Association|"
    r"Committee|Program|Programme|Project|Group|Team|The|This|These|Researchers|Scientists|Professor|Director|Dean|"
    r"President|Chair|Head|Team|Chief|Scientist|Officer|Executive|Vice|Provost|Chancellor|Rector|Principal|Editor|"
    r"Manager|Secretary|Minister|Coordinator|Lecturer|"
    # fields, as department names end ("the Department of Civil and Environmental Engineering")
    r"Engineering|Sciences?|Studies|Physics|Chemistry|Biology|Medicine|Mathematics|Research|Technology|Economics|"
    r"Humanities|Emeritus|Emerita|Club|Network|Alliance|Consortium|Initiative|Office|Board|Unit|Lab|Labs|"
    r"Without|Beyond|Across|Against|Year|"
    # a press release's boilerplate heading over its publisher's profile ("About Northmere Clinic")
    r"About|"
    # a research facility named like a person ("Swiss Light Source", "Keck Telescope")
    r"Source|Synchrotron|Telescope|Beamline|Reactor|Collider|"
    # programmes and posts (the Nano Mission of the DST, Senior Consultant)
    r"Mission|Scheme|Facility|Platform|Consultant|Registrar|Fellow|Bursary|Scholarship|Studentship|"
    # an office that speaks for a body ("Corporate Communications, Northmere University")
    r"Communications|Affairs|Relations|Marketing|"
    # a wire service's tags over a release ("Peer-Reviewed Publication", "News Release", "Experimental Study")
    r"Publication|Release|Study|Reviewed)\b"
)
_EN_POSSESSED = re.compile(rf"\b(?P<owner>[A-Z][\w&-]*)['’]s\s+(?P<en>{_LATIN_NAME})")
# the person a prize goes to: "The prize goes to Maria Chen", "awarded to Sofia Lindqvist"
_EN_AWARDED = re.compile(
    rf"\b(?:goes to|go to|went to|awarded to|presented to|given to|shared by|shared between|jointly to|equally to)"
    rf"\s+(?P<en>{_LATIN_NAME})"
)
# "jointly to A, University of X, Slovenia, B, Y University, USA and C": each laureate with the place they work
_EN_LAUREATE_NEXT = re.compile(rf"(?:,[^\S\n]*|[^\S\n]+and[^\S\n]+)(?P<en>{_LATIN_NAME})")
_LAUREATES_END = re.compile(r"[.;\n“\"]|\bfor\b")
# words of the places a laureate list gives after each institution (United States, Hong Kong): no person's name
_PLACE_WORDS = frozenset(
    words_of(
        "United States Kingdom Arab Emirates New York Zealand Hong Kong South North Korea Africa Saudi Arabia "
        "Costa Rica Sri Lanka Czech Republic San Francisco Los Angeles Santa Barbara Cruz Diego La Jolla Chapel Hill "
        "Ann Arbor Stony Brook West Lafayette Palo Alto Menlo Park Rio Janeiro Buenos Aires Tel Aviv"
    )
)
# more names in the same list: "Co-authors include A of X and B of Y"
_EN_AUTHOR_LIST = re.compile(
    r"\b(?:[Cc]o-)?(?:(?:[Ff]irst|[Ll]ead|[Ss]enior|[Cc]orresponding)[\s-]+)?(?:[Cc]o-)?[Aa]uthors?\s+"
    r"(?:(?:include|are|were)\s+|(?=[A-Z][a-z]))"
)


# "Westmoor University professors Daniel Okafor and Mei-Ling Tsao": a plural job word before a list of names
_PLURAL_JOBS = tuple(w + "s" for w in (*RESEARCHER_EN_JOBS, "PhD student", "PhD candidate", "Ph.D. student"))
# (trie-shaped and opening with a letter, not \b: the engine then skips the characters no job word starts with; a
# plain alternation of a hundred words was tried word by word at every word start). The word start is checked by
# the caller.
_EN_PLURAL_JOBS = re.compile(
    rf"(?:{_trie(_PLURAL_JOBS + tuple(w[:1].upper() + w[1:] for w in _PLURAL_JOBS))})[^\S\n]+(?=[A-Z])"
)
# (past each name's institution, or its part in brackets: "A (first author) and B")
_EN_LIST_NEXT = re.compile(
    rf"(?:\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][^,;.]*?|\s*\([^()\n]{{1,40}}\))?(?:,\s*(?:and\s+)?|\s+and\s+)"
    rf"(?P<en>{_LATIN_NAME})"
)
# "The study was led by A, B, and C of X", "Drs. A and B": a list of names after a cue that names the first
# (opening with the words, not \b, so the engine skips ahead; the word start is checked by the caller)
_EN_LIST_LEAD = re.compile(
    r"(?:led by|co-led by|headed by|Drs\.?|Profs\.?)[^\S\n]+"
    r"(?:(?:(?:Associate|Assistant|Assoc|Asst)\.?[^\S\n]+)?(?:Professor|Prof\.?|Dr\.?)[^\S\n]+)?(?=[A-Z])"
)
_FIRM = re.compile(
    r"\b(?:Ltd|Limited|Inc|Enterprises|Capital|Ventures|Partners|Holdings|Company|Corporation|Corp|Technologies|"
    r"Therapeutics|Pharmaceuticals|Investments|Fund|Bank|Media|Labs?|Motors|Electric|Systems|Industries|Energy|"
    r"Airlines|Alpha|Beta)\b"
)
#: job words written with a capital, as organisations start their names (Engineers Australia, Scientists for …)
_JOB_WORDS_CAPITALISED = frozenset(w[:1].upper() + w[1:] for w in (*RESEARCHER_EN_JOBS, *_PLURAL_JOBS) if " " not in w)
_HONOUR = re.compile(r"(?:Sir|Dame|Lady|Lord)[^\S\n]+")
#: letters after a name for a fellowship, an order or a degree (Odran Lennart FRS, Ama Owusu CBE FRSE)
_POST_NOMINALS = re.compile(
    r"(?:[^\S\n]+(?:FRS|FRSE|FRSC|FRSB|FMedSci|FREng|FBA|FAA|FRCP|FRCS|FRACP|OBE|CBE|MBE|KBE|DBE|PhD|DPhil|MD))+$"
)


def _name_end(text: str, s: int, e: int) -> int:
    """Where the name in ``text[s:e]`` ends, the letters after it (FRS, CBE) left out."""
    letters = _POST_NOMINALS.search(text, s, e)
    return letters.start() if letters and " " in text[s : letters.start()].strip() else e


# ("Minister of State A TD": the office's "of State" runs into the capitalised name)
_EN_OFFICIAL = re.compile(rf"\b(?:{alternation(OFFICIAL_EN)})(?:[^\S\n]+of)?\s+$")
# what a researcher does, right after the name: "Isabel Navarro-Quintana studies how metal ions …", "Ji-hye Yoon
# joined the Department of Computer Science in 2021", "Piotr Zaleski, who studies pesticide risks"
_EN_DOES_RESEARCH = re.compile(
    rf"(?P<en>{_LATIN_NAME})(?:,[^\S\n]+who)?[^\S\n]+(?:studies|researches|investigates|joined[^\S\n]+the[^\S\n]+"
    r"(?:Department|School|Faculty|Institute|Laboratory|Lab|Centre|Center)\b|leads[^\S\n]+(?:a|the)[^\S\n]+"
    r"(?:lab|laboratory|group|team)\b)"
)
#: words that introduce the names after them and open with a surname character (包括梁某: 包 is a surname)
_INTRODUCING_WORDS = frozenset(words_of("包括 包含 以及 及其 和其 还有 其中 例如 比如 如有 即为"))
# (or apart by a dash, as a funder's list of awards prints each applicant: "- Ana Ruiz - Harlow Institute, City")
_LINE_NAME_UNIT = re.compile(
    rf"(?m)^[^\S\n]*(?:[-•*][^\S\n]*)?(?P<en>{_LATIN_NAME})(?:,|[^\S\n]+[-–—])[^\S\n]+(?:the[^\S\n]+)?"
)
# a bio's heading on a faculty page: the name, then the rank ("Ana Ruiz, Assistant Professor")
_NAME_RANK_LINE = re.compile(
    rf"(?m)^[^\S\n]*(?P<en>{_LATIN_NAME}),[^\S\n]+(?:(?:Assistant|Associate|Full|Adjunct|Visiting|Research"
    r"|Senior|Distinguished|Clinical|Teaching)[^\S\n]+)?(?:Professor|Lecturer|Reader|Fellow|Scientist"
    r"|Investigator)\b[^\n.;]{0,60}$"
)
# a post's author in a social feed: the name, a bullet, the viewer's degree of connection ("Ana Ruiz • 2nd")
_FEED_AUTHOR_LINE = re.compile(
    rf"(?m)^[^\S\n]*(?P<en>{_LATIN_NAME})[^\S\n]+•[^\S\n]+(?:1st|2nd|3rd\+?|Following|Follow)[^\S\n]*$"
)
# a laureate block: the name alone on its line, the institution on the next ("Ana Ruiz\nUniversity of X, City")
_NAME_OVER_UNIT = re.compile(rf"(?m)^[^\S\n]*(?P<en>{_LATIN_NAME})[^\S\n]*\n[^\S\n]*(?:the[^\S\n]+)?")
_CONTACT_BELOW = re.compile(r"(?:[^\n]+\n){0,2}[^\n]*(?:@|\+?\d[\d \t()-]{7,}\d)")
# a capitalised run right after a chair's or a post's "of" is its field: "Professor of Structural Biochemistry at X"
_CHAIR_OF = re.compile(r"\b(?:[Pp]rofessor|[Ll]ecturer|[Rr]eader|[Cc]hair)[^\S\n]+(?:of|in)[^\S\n]+$")
# "UQ Deputy Vice-Chancellor (Research and Innovation) Professor Tanya Whitford said": the office, then the title
_EN_OFFICE_BEFORE_TITLE = re.compile(
    r"\b(?:Vice[- ](?:Chancellor|President|Principal|Provost)|Provost|President|Chancellor|Principal)"
    r"(?:\s*\([^()\n]{1,60}\))?\s+(?:Professor|Prof\.|Dr\.?)\s+$"
)
# a name followed by one of these is a place: "on NTU's Yunnan Garden campus"
_PLACE_AFTER = re.compile(
    r"\s+(?:campus|building|site|estate|district|county|province|street|road|gallery|galleries|hall|wing|exhibition)\b"
)
# "Professor Helen Darroch, Vice-Principal Research and Enterprise, said": a university's officer speaks for it,
# whatever title goes before the name
# (also a funder's or an agency's staff: "Dr A, EPSRC Deputy Director for Physical Sciences", "Dr B, Associate Medical
# Director at the British Heart Foundation", "Dr C, SARAO's Head of Science Engagement"; a plain "director of the
# X Center" leads research and is no official)
_EN_OFFICIAL_AFTER = re.compile(
    # (or the post on the line below the name, as a contact block sets it: "Dr. A\nPress Officer")
    r"(?:\s*,\s*|[^\S\n]*\n[^\S\n]*)(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+|[A-Z][A-Z&-]{1,10}\s+)?"
    r"(?:Deputy\s+|Pro[- ])?(?:Vice[- ])?"
    r"(?:Principal|Chancellor|President|Provost|Chief\s+(?:Executive|Technology|Operating|Scientific)\b|CEO|CTO"
    r"|Minister|(?:Permanent\s+)?Secretary|spokesperson|spokeswoman|spokesman"
    # (a university's officer written in lower case: "Waterloo's vice-president, research")
    r"|vice[- ](?:president|chancellor|provost|principal)"
    r"|(?:Deputy|Associate|Assistant|Executive|Managing|Medical|Programme|Program)\s+(?:Medical\s+)?Director\s+(?:for|at|of)"
    r"|Head\s+of\s+(?:Science\s+|Public\s+|External\s+)?(?:Engagement|Communications?|Media|Outreach|Policy|Partnerships)"
    r"|(?:Press|Media|Communications?|Public\s+Relations)\s+(?:Officer|Manager|Office|Relations|Contact|Team)"
    r")\b"
)
# a body speaking of itself, or a time word, right before a name: 我校X教授团队, 该院X研究员, 近日X教授
# (and a tie to the body or a person named before: 1998级校友X教授, 某大学同事X)
_OPENERS = tuple(words_of("我校 本校 该校 我院 本院 该院 我所 本所 该所 近日 日前 近期 此前 随后 校友 同事"))
_STOP_BEFORE = re.compile(rf"(?:{alternation((*STOP_WORDS, *_OPENERS))}|[^{CJK}])$")
# function words that follow a name-like character far more often than they end a given name (教授曾于2019年…)
_NOT_GIVEN = re.compile(
    # (月 is not among them: 晓月, 明月 are given names; a month follows a number, which no name holds)
    r"[的了是在和与及等为由对从把被将也都就而或说年日个项种位名所院校系省市区县副总于已曾现即仍却便还并又获参]"
)
#: a byline or credit in brackets: the people in it wrote or edited the piece
_CREDIT = re.compile(r"[（(][^（()）]{0,80}?(?:供稿|整理|撰稿|编辑|摄影|撰文|报道)\s*[）)]")
#: a common word that looks like a name (强调, 支持) needs an explicit cue word
_COMMON_WORD_FREQ = 100
_NON_NAMES = frozenset(
    {"研究", "团队", "课题", "项目", "成果", "论文", "教授", "博士", "主任", "书记", "领导"}
    # words that follow a title as a name would (教授全职加盟, 教授曾任): a surname character opens each
    | {"全职", "曾任", "曾经", "长期", "应邀", "应用", "方向", "单位"}
    # (第一作者为时任博士后的…, 本科毕业后: a time word after a cue)
    | {"时任", "毕业", "毕业后"}
    # (在国外做博士后: where someone worked, before a cue)
    | {"国外", "国内", "海外"}
)


#: last characters of every left cue and stop word: a name can only start after one of them (or a non-CJK char)
_LEFT_END_CHARS = frozenset(
    w[-1] for w in (*RESEARCHER_BEFORE, *OFFICIAL, *STOP_WORDS, *_OPENERS, "院长", "所长", "系主任")
)


# consumes the character before a name start (a lookbehind per position is several times slower)
_NAME_START = re.compile(
    rf"(?:[^{CJK}]|[{''.join(sorted(_LEFT_END_CHARS))}])"
    rf"(?=[{''.join(sorted(SINGLE_SURNAMES | {c[0] for c in COMPOUND_SURNAMES}))}])"
)


_JAPANESE_NAME = re.compile(
    rf"日本[{CJK}]{{2,20}}?(?:大学|研究所|研究院|机构|中心)[{CJK}]{{0,10}}?(?:教授|研究员|博士|院士)"
    rf"(?P<name>[{CJK}]{{4,5}})(?=[、，,。；;（(和与及等作在为]|表示|介绍|发言|$)"
)
#: frequent Japanese surnames that are also common Chinese words (in jieba's dictionary): a public list of surnames
_JAPANESE_SURNAMES_COMMON_WORDS = frozenset(words_of("田中 小林 山口 清水 桥本 青木 福田 金子 和田 中山 谷口"))
_BRACKETED_END = re.compile(r"[（(][^（）()，,。；、]{2,30}[）)]$")


def _right_cue(text: str, end: int) -> str | None:
    """``researcher``, ``official``, ``list`` (punctuation or a conjunction follows) or None."""
    cue = _CUE_AFTER.match(text, end)
    if cue:
        if cue.group() in _RESEARCHER_AFTER_SET or _LEADS_WORK.match(text, cue.end()):
            return "researcher"
        return "official"
    if _PROFILE.match(text, end):
        return "researcher"  # 钮思齐，女，1988年生，现任…教授: the profile of a scholar
    return "list" if _AFTER.match(text, end) else None


def _left_cue(text: str, start: int, inst_ends: set[int]) -> str | None:
    """``researcher``, ``official``, ``institution``, ``boundary`` or None, from what ends just before ``start``."""
    before = text[max(0, start - 8) : start]
    if _BEFORE_TITLE.search(before):
        return "title"
    official, researcher = _BEFORE_O.search(before), _BEFORE_R.search(before)
    # (the longer cue wins: 研究组组长 is a scientist, 组长 alone an official)
    if official and not (researcher and researcher.start() < official.start()):
        return "official"
    if researcher:
        return "researcher"
    gap = len(before) - len(before.rstrip(" \t\u3000"))  # "数学科学学院 钱书瑶": a list's unit, a space, the name
    if start in inst_ends or (gap and start - gap in inst_ends) or (before.endswith("的") and start - 1 in inst_ends):
        return "institution"
    # 海军军医大学第二附属医院（上海长征医院）徐沪济: the unit's other name in brackets, then the person
    bracket = _BRACKETED_END.search(text, max(0, start - 32), start) if text[start - 1 : start] in "）)" else None
    if bracket and bracket.start() in inst_ends:
        return "institution"
    if start == 0 or _STOP_BEFORE.search(before):
        return "boundary"
    return None


def role_at(text: str, start: int, end: int, institutions: list[Span]) -> str | None:
    """The role the cues around ``text[start:end]`` give a person (for names a trained pipeline found)."""
    inst_ends = {s.end for s in institutions}
    cues = {_left_cue(text, start, inst_ends), _right_cue(text, end)}
    if "official" in cues:
        return "official"
    if "researcher" in cues or re.search(r"(?:Professor|Prof\.|Dr\.?)\s*$", text[max(0, start - 12) : start]):
        return "researcher"
    return None


def credits(text: str) -> list[tuple[int, int]]:
    """Spans of bylines and credits in brackets (（X 中心 张三供稿）): who wrote the piece, not what it reports."""
    return [m.span() for m in _CREDIT.finditer(text)]


def _common_word(name: str) -> bool:
    return words_freq(name) >= _COMMON_WORD_FREQ


def _word_ends(text: str, pos: int) -> set[int]:
    """Offsets where jieba words end in a short window from ``pos`` (a name ends on one of them)."""
    ends, at = set(), pos
    for w in words(text[pos : pos + 8]):
        at += len(w)
        ends.add(at)
    return ends


# a surname with a title (邬教授, 王老师): a later mention of someone, no name of its own
_TITLE_AS_GIVEN = frozenset(words_of("教授 博士 老师 院士 先生 女士 主任 医生 同学 校长 院长 所长 书记 部长 总 工"))


def _plausible(name: str) -> bool:
    # 左丘 alone is a single surname and its given name: a compound surname needs a given name after it
    given = name[2:] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[1:]
    return (
        bool(given)
        and not _NOT_GIVEN.search(given)
        and given not in _TITLE_AS_GIVEN
        and name not in _NON_NAMES
        and name[:2] not in _NON_NAMES
    )


# surnames that are also prepositions (向, 于, 对): before a common noun and a verb, "to the journal, apply"
_PREPOSITION_SURNAMES = frozenset("向于对")


def _preposition_and_object(text: str, cand: str, end: int) -> bool:
    """Whether ``cand`` reads as a preposition and its object, a verb after them (作者向期刊申请撤回): the
    surname character is the preposition, the "given name" a common noun."""
    if cand[0] not in _PREPOSITION_SURNAMES or not (_common_word(cand[1:]) and tagged_noun(cand[1:])):
        return False
    after = words(text[end : end + 4])
    return bool(after) and tagged_verb(after[0])


def _named_before_its_echo(text: str, cand: str, end: int) -> bool:
    """A given name ending in a function word (可为, 有为) when the text writes that word twice (某可为为第一作者):
    the first ends the name, the second is the verb."""
    return len(cand) == 3 and cand[-1] in "为于" and text[end : end + 1] == cand[-1] and _plausible(cand[:2])


def _named_with_he(text: str, cand: str, right: str | None) -> bool:
    """A given name ending in 和 (景和, 永和), which reads as "and" elsewhere: taken when a cue word follows it
    (尤景和团队) and the full name recurs in the item (尤景和表示), as "X and" would not."""
    return (
        len(cand) == 3
        and cand.endswith("和")
        and right in {"researcher", "official"}
        and _plausible(cand[:2])
        and text.count(cand) >= 2
    )


#: a Japanese name in kanji, its reading in Latin letters beside it: a surname of up to three characters and a given
#: name of up to three (上杉森健太（Kenta Uesugimori）), longer than a Chinese name's two to four
_KANJI_NAME = re.compile(rf"[{CJK}]{{4,6}}")
#: a word romanised from Japanese (Hepburn): syllables of a consonant or two and a vowel, or n (Kenta, Shōta)
_ROMAJI = re.compile(r"(?:(?:ky|gy|sh|ch|ny|hy|my|ry|by|py|ts|[kgsztdnhbpmyrwfj])?[aiueoōū]|n)+", re.I)


def _japanese_pair(name: str, en: str) -> bool:
    """``name`` (Chinese characters) glossed by ``en``, a given name and a surname romanised from Japanese: a
    Japanese scholar's name, however long (no body's name: 探索项目（Explorer Projects）)."""
    words = en.split()
    return bool(_KANJI_NAME.fullmatch(name)) and len(words) == 2 and all(_ROMAJI.fullmatch(w) for w in words)


def find_zh(text: str, institutions: list[Span]) -> list[Span]:
    """Chinese and transliterated person spans, with ``role`` researcher or official."""
    inst_ends = {s.end for s in institutions}
    inst_starts = {s.start for s in institutions}
    inst_cover = [(s.start, s.end) for s in institutions]
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []

    for m in _PAIRED_EN.finditer(text):
        window = max(0, m.start() - 48)
        head = _PAIRED_ZH.search(text, window, m.start())
        if head is None:
            continue
        zh, en = head.group("zh"), m.group("en")
        zs = head.start("zh")
        # the transliteration starts after the last stop word or cue before it
        cut = 0
        for k in range(len(zh)):
            if (
                # (所长沃尔夫冈·克兰茨: a head's post before the name is no part of it either)
                _left_cue(text, zs + k, inst_ends) in {"researcher", "official", "institution", "title"}
                or text[zs + k - 1] in "的了和与、"
            ):
                cut = k
        zs += cut
        zh = text[zs : head.end("zh")]
        name = clean(zh)
        if len(name.replace("·", "")) < 2:
            continue
        if "·" not in name and not (_CANDIDATE.fullmatch(name) and _plausible(name)) and not _japanese_pair(name, en):
            continue
        if _BODY_END.search(name):
            continue  # 约翰·英纳斯中心（John Innes Centre）: a body named after a person
        left = _left_cue(text, zs, inst_ends)
        right = _right_cue(text, m.end())
        # a press contact: 索菲·布雷南（Sophie Brennan）　+61 3 9903 4840, or an e-mail address
        contact = _CONTACT_AFTER.match(text, m.end())
        role = "official" if "official" in (left, right) or contact else "researcher"
        spans.append(
            Span(
                zs,
                head.end("zh"),
                "Researcher",
                name,
                alias=clean(en),
                alias_span=(m.start("en"), m.end("en")),
                role=role,
            )
        )
        taken.append((zs, m.end()))

    covered = bytearray(len(text) + 4)
    for a, b in taken + inst_cover:
        covered[a:b] = b"\x01" * (b - a)
    confirmed: list[Span] = []
    # 和/与/及 start lists far more often than names
    first_chars = (SINGLE_SURNAMES | {c[0] for c in COMPOUND_SURNAMES}) - {"和", "与", "及", "同", "由"}
    # a name starts after a cue, a stop word, punctuation or an institution: only those positions are tried
    starts = {m.end() for m in _NAME_START.finditer(text)} | inst_ends | {e + 1 for e in inst_ends} | {0}
    for pos in sorted(starts):
        if pos >= len(text) or text[pos] not in first_chars or covered[pos]:
            continue
        left = _left_cue(text, pos, inst_ends)
        if left is None:
            continue
        for length in (4, 3, 2):
            end = pos + length
            if end > len(text) or any(covered[pos:end]):
                continue
            right = _right_cue(text, end)
            after_title = left in {"researcher", "official", "title"}
            listed = left == "boundary" and text[pos - 1 : pos] in {"、", "和", "与", "及"}
            if right is None and (after_title or listed) and end in _word_ends(text, pos):
                # 博士生苏哲组成…, 方璐、戴琼海提出…: after a title or in a list, a name ends where a word ends
                right = "list"
            if right is None:
                continue
            cand = text[pos:end]
            if not _CANDIDATE.fullmatch(cand) or not (
                _plausible(cand) or _named_with_he(text, cand, right) or _named_before_its_echo(text, cand, end)
            ):
                continue
            if length == 4 and cand[:2] not in COMPOUND_SURNAMES:
                continue
            # 周宁参与了…: 与 and 及 end words (参与, 涉及) more often than they join a name to the next one
            if length == 3 and text[end : end + 1] in {"与", "及"} and _common_word(text[end - 1 : end + 1]):
                continue
            enumerated = left == "institution" and text[end : end + 1] in {"、", "和", "与", "及", "等"}
            # a common word (强调, 荣获) is a name only with a cue word right after it, or listed after an institution
            # (王平, a name jieba also knows as a word, is one right after a job title: 教授王平指出)
            named = left in {"researcher", "title"} and tagged_person(cand)
            if _common_word(cand) and not (right in {"researcher", "official"} or enumerated or named):
                continue
            # 支持院士领衔, 祝贺院士: a verb before a title is no name, whatever cue follows it; nor is 包括梁 (包括
            # and the first character of the name it introduces)
            if _common_word(cand) and not named and tagged_verb(cand):
                continue
            if length == 3 and cand[:2] in _INTRODUCING_WORDS:
                continue
            if length == 3 and right == "list" and _preposition_and_object(text, cand, end):
                continue
            # 还原场景: the surname is the end of a word that starts before it
            if left == "boundary" and pos > 0 and _common_word(text[pos - 1 : pos + 1]):
                continue
            if left == "title":
                listed_after_job = _RESEARCHER_THEN_TITLE.search(text, max(0, pos - 24), pos) is not None
                role = "researcher" if right == "researcher" or listed_after_job else "official"
            elif left == "researcher" and right == "official" and text.startswith("主持", end):
                role = "researcher"  # 土木工程学院教授X主持会议: a professor chairing a meeting is still a scholar
            elif "official" in (left, right):
                role = "official"
            elif "researcher" in (left, right) or (left == "institution" and right == "list"):
                role = "researcher"
            elif text[end : end + 1] in {"（", "("} and end + 1 in inst_starts:
                role = "researcher"  # 于海川（数学科学学院）: a name with its unit in brackets, as lists print them
            else:
                role = "list"
            span = Span(pos, end, "Researcher", cand, role=role)
            confirmed.append(span)
            covered[pos:end] = b"\x01" * length
            break
    confirmed += _unlisted_surnames(text, covered, first_chars)
    confirmed += _rank_rows(text, covered, institutions, confirmed)
    # a name the text also writes as a firm's or a body's (巴斯夫公司) names that body, not a person
    before_suffix = {text[max(0, m.start() - n) : m.start()] for m in _ORG_SUFFIX.finditer(text) for n in (2, 3, 4)}
    confirmed = [s for s in confirmed if s.name not in before_suffix]
    spans.extend(_propagate_lists(text, confirmed))
    # 日本京都大学教授山田健太郎: a Japanese name runs to four or five characters, past what the surname rule reads
    for m in _JAPANESE_NAME.finditer(text):
        s, e = m.span("name")
        # "日本东京大学教授一行来访": a name does not open with a common word, unless that word is a frequent
        # Japanese surname (田中, 小林, 山口 …)
        if _common_word(text[s : s + 2]) and text[s : s + 2] not in _JAPANESE_SURNAMES_COMMON_WORDS:
            continue
        # the surname rule may have read its first three characters (田中健): the whole name replaces them
        shorter = [x for x in spans if x.start == s and x.end < e]
        spans = [x for x in spans if x not in shorter]
        if not any(x.start < e and s < x.end for x in spans) and (shorter or not covered[s]):
            spans.append(Span(s, e, "Researcher", m.group("name"), role="researcher"))
    # 托马斯·海格伦 … 海格伦教授: a transliterated name written again by its last part is that person
    full: dict[str, set[str]] = {}
    for span in spans:
        if "·" in span.name:
            full.setdefault(span.name.rsplit("·", 1)[1], set()).add(span.name)
    for span in spans:
        names = full.get(span.name)
        if names and len(names) == 1 and "·" not in span.name:
            span.meta.setdefault("surface", span.name)
            span.name = next(iter(names))
    for credit in _CREDIT.finditer(text):
        for span in spans:
            if credit.start() <= span.start < credit.end():
                span.role = "official"
    return [s for s in spans if s.role in {"researcher", "official"}]


# a cue strong enough to say a name follows whatever its surname (博士研究生X，, 第一作者为X、): the name is read even
# when its surname is missing from the census list, if a boundary closes it
# (each alternative opens with a literal, 共同 spelled out rather than optional: an optional prefix keeps re from
# skipping to the cues' first characters, 1.2 ms per 100 kB of the bench's items)
_STRONG_CUE = re.compile(
    r"(?:博士(?:研究生|后)|硕士研究生|共同(?:第一|通讯)作者(?:为|是)|(?:第一|通讯)作者(?:为|是))(?=[\u4e00-\u9fff])"
)
_UNLISTED_END = re.compile(rf"[，,、。；;（(和与及等]|为(?:第一|通讯|共同|论文)|{alternation(RESEARCHER_AFTER)}")


def _unlisted_surnames(text: str, covered: bytearray, first_chars: frozenset[str]) -> list[Span]:
    """Researchers right after a strong cue whose surname the list lacks: three characters closed by punctuation, a
    conjunction or a researcher's title, none of them a function word, a dictionary word or a common word's start.
    (Three only: two after a cue are a word more often than a name, 博士后出站.)"""
    found: list[Span] = []
    for cue in _STRONG_CUE.finditer(text):
        pos, end = cue.end(), cue.end() + 3
        cand = text[pos:end]
        if (
            text[pos] not in first_chars
            and len(cand) == 3
            and _HAS_CJK_ONLY.fullmatch(cand)
            and not any(covered[pos:end])
            and _UNLISTED_END.match(text, end)
            and not _NOT_GIVEN.search(cand)
            and not _common_word(cand[:2])
            and not words_freq(cand)
            and not words_freq(cand[:2])
            and cand not in _NON_NAMES
        ):
            found.append(Span(pos, end, "Researcher", cand, role="researcher"))
            covered[pos:end] = b"\x01" * 3
    return found


def _spaced(word: str) -> str:
    """``word`` as a table letter-spaces it to align its column (教　授)."""
    return r"[^\S\n]?".join(word)


# a row of a committee's or a programme's table: the name, the rank (letter-spaced or not) and the unit, apart by
# spaces on one line (委　员：谯某某　教　授　某大学医学院; 报告人：某某 研究员　某研究所); the spaces between Chinese
# characters are gone when the rules read it (ingest.extract.spans.compact_text), so the name is the shortest that
# leaves a rank after it (张某副教授)
_ROW_RANKS = ("正高级工程师", "高级工程师", "副研究员", "助理研究员", "研究员", "副教授", "助理教授", "教授", "讲师",
              "副主任医师", "主任医师", "博士后")  # fmt: skip
RANK_ROW = re.compile(
    rf"(?m)(?:^|[：:])[^\S\n]*(?P<name>[{CJK}]{{2,3}}?)[^\S\n]*(?:{'|'.join(map(_spaced, _ROW_RANKS))})[^\S\n]*"
)


@lru_cache(maxsize=8)
def rank_rows(text: str) -> dict[tuple[int, int], re.Match[str]]:
    """The :data:`RANK_ROW` rows of ``text`` by the span of their name, found once per text for every rule that
    reads them."""
    return {m.span("name"): m for m in RANK_ROW.finditer(text)}


def row_unit(text: str, row: re.Match[str], institutions: list[Span]) -> Span | None:
    """The unit of a :data:`RANK_ROW` row: the institution that opens right after the rank and closes the line."""
    line_end = text.find("\n", row.end())
    line_end = len(text) if line_end < 0 else line_end
    rest = text[row.end() : line_end].rstrip()
    return next(
        (s for s in institutions if s.start == row.end() and s.end == row.end() + len(rest) and not s.absorbed),
        None,
    )


def _rank_rows(text: str, covered: bytearray, institutions: list[Span], confirmed: list[Span]) -> list[Span]:
    """Researchers of the rows of a table that gives the name, the rank and the unit (:data:`RANK_ROW`), whatever
    their surname: the row's shape says it is a name (the unit must fill the rest of the line)."""
    found: list[Span] = []
    for (pos, end), m in rank_rows(text).items():
        if not row_unit(text, m, institutions):
            continue
        # (the committee's post before the name, 主席：X, is no official's: the rank after it says what X is)
        for span in confirmed:
            if (span.start, span.end) == (pos, end):
                span.role = "researcher"
        if not any(covered[pos:end]) and not words_freq(m.group("name")):
            found.append(Span(pos, end, "Researcher", m.group("name"), role="researcher"))
            covered[pos:end] = b"\x01" * (end - pos)
    return found


def _propagate_lists(text: str, spans: list[Span]) -> list[Span]:
    """A name listed with 、/和 beside a researcher (高山、林晓梅和欧阳志诚等) is one too, unless it is an official."""
    spans.sort(key=lambda s: s.start)
    changed = True
    while changed:
        changed = False
        for a, b in zip(spans, spans[1:], strict=False):
            gap = text[a.end : b.start]
            if re.fullmatch(r"\s*(?:[、,，]|和|与|及|以及)\s*", gap):
                for x, y in ((a, b), (b, a)):
                    if x.role == "researcher" and y.role == "list":
                        y.role = "researcher"
                        changed = True
    return spans


_LEADING_POST = re.compile(
    r"(?:(?:Associate|Assistant|Deputy|Vice|Senior|Executive|Managing|Founding)[^\S\n]+)*"
    r"(?:Director|Professor|Head|Chief|Dean|Chair|Principal[^\S\n]+Investigator|Group[^\S\n]+Leader)[^\S\n]+"
)
_AWARD_LAST_WORD = re.compile(r"\b(?:Prize|Award|Medal|Fellowship|Bursary|Scholarship|Studentship)s?$")
# the small words a Title Case headline leaves in lower case
_TITLE_CASE_SMALL = frozenset(words_of("a an the of on in for and or to at by with from via as vs into over"))


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` is written in Title Case (a headline: "IBS Researchers Write Single-Atom Bits
    Using Light"), where capitals after a job word tell no name."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[^\W\d_][\w'’-]*", text[start : len(text) if end < 0 else end])
    if len(words) < 6:
        return False
    return all(w[0].isupper() or w in _TITLE_CASE_SMALL for w in words)


def find_en(text: str, institutions: list[Span] = ()) -> list[Span]:  # type: ignore[assignment]
    """English person names with a researcher cue (Professor, Dr., led by, et al., 教授 after the name, a prize
    going to them, their institution in brackets or after of/at/from)."""
    spans: list[Span] = []
    seen: set[tuple[int, int]] = set()
    listed = []
    # "Co-authors include A, B and C", "Co-first authors A and B"
    plural = (m for m in _EN_PLURAL_JOBS.finditer(text) if not text[m.start() - 1 : m.start()].isalpha())
    lead = (m for m in _EN_LIST_LEAD.finditer(text) if not text[m.start() - 1 : m.start()].isalpha())
    for m in (*_EN_AUTHOR_LIST.finditer(text), *plural, *lead):
        pos = m.end()
        first = re.match(_LATIN_NAME, text[pos:])
        while first:
            listed.append((pos, pos + first.end()))
            nxt = _EN_LIST_NEXT.match(text, pos + first.end())
            if not nxt:
                break
            pos = nxt.start("en")
            first = re.match(_LATIN_NAME, text[pos:])
    # the laureates listed after the first: names between commas, past each one's institution and place
    # (the names are checked below with every listed one: no body, firm or place)
    awarded = list(_EN_AWARDED.finditer(text))
    for m in awarded:
        if not m.group().startswith(("jointly", "equally", "awarded", "shared")):
            continue
        pos = m.end("en")
        end = len(text) if (stop := _LAUREATES_END.search(text, pos)) is None else stop.start()
        while (nxt := _EN_LAUREATE_NEXT.search(text, pos, end)) is not None:
            a, b = nxt.span("en")
            pos = b
            if not any(i.start < b and a < i.end for i in institutions):
                listed.append((a, b))
    names_of_institutions = {i.name for i in institutions} | {text[i.start : i.end] for i in institutions}
    for s, e in listed:
        words = set(text[s:e].split())
        if (
            text[s:e] in names_of_institutions
            or _NOT_A_NAME.search(text, s, e)
            or _FIRM.search(text, s, e)
            or words <= _PLACE_WORDS
            or words & _JOB_WORDS_CAPITALISED
            or _title_case_line(text, s)
        ):
            continue  # "led by A of Donghai University", "Scientists New Zealand and Engineers Australia"
        title = re.match(r"(?:Professor|Prof\.|Dr\.?|Associate Professor)\s+", text[s:e])
        s += title.end() if title else 0
        if " " not in text[s:e]:
            continue  # "Co-authors include Dr Halden, …": a surname, a later mention of one named in full
        if (honour := _HONOUR.match(text, s, e)) and e - honour.end() > 3:
            s = honour.end()
        e = _name_end(text, s, e)
        if not any(a < e and s < b for a, b in seen):
            seen.add((s, e))
            spans.append(Span(s, e, "Researcher", clean(text[s:e]), role="researcher"))
    patterns = (_EN_BEFORE, _EN_AFTER, _EN_LED, _EN_CUED, _EN_AFTER_ZH_TITLE, _EN_DOES_RESEARCH, _NAME_RANK_LINE)
    matches = [m for pattern in patterns for m in pattern.finditer(text)] + awarded
    if "•" in text:
        matches += _FEED_AUTHOR_LINE.finditer(text)
    # "Maria Chen (University of Toronto)", "Sofia Lindqvist of Uppsala University": a name, then its institution
    starts = {i.start for i in institutions if not _HAS_CJK.search(i.name)}
    # ("Priya Raghunathan, PhD, of the Department of Biostatistics": a degree may stand between)
    for m in re.finditer(rf"\b(?P<en>{_LATIN_NAME}){EN_DEGREES}(?:\s*\(\s*|,?\s+(?:of|at|from)\s+(?:the\s+)?)", text):
        inside = any(i.start <= m.start("en") < i.end for i in institutions)
        chair = _CHAIR_OF.search(text, max(0, m.start() - 20), m.start())
        if m.end() in starts and not inside and not chair and not _NOT_A_NAME.search(m.group("en")):
            matches.append(m)
    # a list entry opening a line: "Chukwuemeka Obi, Elmore Family School of Electrical and Computer Engineering, will
    # use his award …"; a laureate's name over the line of their institution
    # (not a contact block, whose heading the reader dropped: "Min Lee\nKAIST\nmlee@kaist.ac.kr")
    over = (m for m in _NAME_OVER_UNIT.finditer(text) if not _CONTACT_BELOW.match(text, m.end()))
    for m in (*_LINE_NAME_UNIT.finditer(text), *over):
        if m.end() in starts and not _NOT_A_NAME.search(m.group("en")) and not _FIRM.search(m.group("en")):
            matches.append(m)
    # "Northwestern's Ravi Menon", "the University of Toronto's Claire Dubois": a person of that institution
    heads = {i.name.split()[0] for i in institutions if not _HAS_CJK.search(i.name)}
    for m in _EN_POSSESSED.finditer(text):
        owner_known = m.end("owner") in {i.end for i in institutions} or m.group("owner") in heads
        inside = any(i.start <= m.start("en") < i.end for i in institutions)
        if owner_known and not inside and not _NOT_A_NAME.search(m.group("en")):
            matches.append(m)
    for m in matches:
        s, e = m.start("en"), m.end("en")
        # "Associate Director MOON Ji-hae, who led the study": the post before the name is no part of it
        if (post := _LEADING_POST.match(text, s, e)) is not None and " " in text[post.end() : e].strip():
            s = post.end()
        # "The round was led by Oxford Science Enterprises": without a title or a job, a body's words say it is none
        if m.re in (_EN_LED, _EN_AWARDED, _EN_DOES_RESEARCH) and (
            _NOT_A_NAME.search(m.group("en")) or _FIRM.search(m.group("en"))
        ):
            continue
        # "The first author is NTU PhD student X": a job word after the capitals, which told the person's place
        if m.re is _EN_LED and _JOB_NEXT.match(text, e):
            continue
        # "Dr Lindqvar's group at …": a title and a surname, a later mention of someone named in full
        if m.re is _EN_AFTER and _TITLED_SURNAME.fullmatch(m.group("en")):
            continue
        # "Professor Dame Ottoline Leyser", "Sir Paul Nurse": the honour is no part of the name
        if (honour := _HONOUR.match(text, s, e)) and e - honour.end() > 3:
            s = honour.end()
        e = _name_end(text, s, e)
        e -= 2 if text[e - 2 : e] in ("'s", "’s") else 0  # "Professor Kofi Mensah's group": the group's owner
        # "through Assoc Prof Lim's Clinician Scientist Award": the name ends at the possessive, and a surname alone
        # is a later mention of someone named in full (found as such elsewhere)
        if (owner := re.search(r"['’]s\s", text[s:e])) is not None:
            e = s + owner.start()
            if " " not in text[s:e].strip():
                continue
        if (s, e) in seen or any(a < e and s < b for a, b in seen):
            continue
        if _AWARD_LAST_WORD.search(text, s, e):
            continue  # "an Undergraduate Research Bursary awarded to …": a job-like word opens a prize's name
        if text.endswith(" Campus", s, e):
            continue  # "the University of Westmoor's Harbour Campus": a place, no person
        if any(i.start <= s and e <= i.end for i in institutions):
            continue  # "the Department of Chemical Engineering, with first author …": part of a unit's name
        if text[s:e] in names_of_institutions or _PLACE_AFTER.match(text, e):
            continue  # "a study led by ETH Zurich", "on NTU's Yunnan Garden campus": a body or a place
        official = (
            _EN_OFFICIAL.search(text[max(0, s - 30) : s])
            or _EN_OFFICIAL_AFTER.match(text, e)
            or _EN_OFFICE_BEFORE_TITLE.search(text[max(0, s - 80) : s])
        )
        role = "official" if official or _in_press_contact(text, s) else "researcher"
        seen.add((s, e))
        spans.append(Span(s, e, "Researcher", clean(text[s:e]), role=role))
    for s, e in _introduced_by_surname(text):
        if not any(a < e and s < b for a, b in seen) and text[s:e] not in names_of_institutions:
            seen.add((s, e))
            spans.append(Span(s, e, "Researcher", clean(text[s:e]), role="researcher"))
    # "said Ruizo Quintal, who received …": a two-word surname of someone named in full is a later mention of
    # them, left to the surname rule, not a person of its own
    full = {span.name for span in spans if span.name.count(" ") >= 2}
    return [span for span in spans if not any(f.endswith(" " + span.name) for f in full)]


# "Ortiz-Vela, a professor in the Department of Chemistry": a surname alone, then the job
_SURNAME_JOB = re.compile(
    rf"(?<![\w'’.-])(?P<surname>[{LATIN_UPPER}][{LATIN_LETTER}'’-]+),\s+(?:now\s+|currently\s+)?(?:a|an|the)\s+"
    rf"(?:[a-z][a-z-]+\s+){{0,2}}(?:{_JOBS_AFTER}|{_SCIENTIST_SUFFIX})\b"
)


def _introduced_by_surname(text: str) -> list[tuple[int, int]]:
    """The full names whose job the text gives later with the surname alone ("Ana Ortiz-Vela and Kofi Boadu were
    elected …  Ortiz-Vela, a professor of chemistry, …"): (start, end) of each earlier mention in full."""
    out: list[tuple[int, int]] = []
    if not any(f", {word} " in text for word in ("a", "an", "the", "now", "currently")):
        return out  # (a literal scan first: no apposition, and the pattern would try every capital for nothing)
    for m in _SURNAME_JOB.finditer(text):
        surname = re.escape(m.group("surname"))
        full = re.compile(
            rf"(?<![\w'’-])[{LATIN_UPPER}][{LATIN_LETTER}'’-]+(?:[^\S\n]+[{LATIN_UPPER}][{LATIN_LETTER}'’-]+){{0,2}}"
            rf"[^\S\n]+{surname}(?![\w'’-])"
        )
        for name in full.finditer(text, 0, m.start()):
            words = set(name.group().split())
            if _NOT_A_NAME.search(name.group()) or _FIRM.search(name.group()) or words & _PLACE_WORDS:
                continue
            out.append(name.span())
    return out


# the heading of a release's press-office block ("Press and public relations", "Media contact")
_PRESS_HEADING = re.compile(
    r"(?im)^[^\S\n]*(?:press|media)(?:[^\S\n]+(?:and[^\S\n]+public[^\S\n]+relations|contacts?|enquiries|inquiries"
    r"|office|relations))?[^\S\n]*:?[^\S\n]*$"
)


def _in_press_contact(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in the block under a press-office heading: who is named there speaks for the
    institution, whatever their title (Dr. …)."""
    block = max(text.rfind("\n\n", 0, pos), 0)
    return _PRESS_HEADING.search(text, block, pos) is not None


def surname_mentions(text: str, persons: list[Span], taken: list[Span]) -> list[Span]:
    """Later mentions of an English-named researcher by surname alone ("…, said Gonzalez"), as spans of that person.

    Only after the full name has been written, only for a surname no other researcher of the item shares, and never
    inside another entity's name (the Gonzalez Institute).
    """
    by_surname: dict[str, list[Span]] = {}
    for p in persons:
        parts = p.name.split()
        # (names in Latin letters, accented or not: Révész, Łęcki)
        if len(parts) >= 2 and latin_written(p.name):
            by_surname.setdefault(parts[-1], []).append(p)
    out: list[Span] = []
    occupied = persons + taken
    for surname, spans in by_surname.items():
        # two researchers share it: a bare surname is ambiguous (one written with and without a middle name is one)
        if len({(s.name.split()[0], s.name.split()[-1]) for s in spans}) != 1:
            continue
        first = min(spans, key=lambda s: s.start)
        for m in re.finditer(rf"\b{re.escape(surname)}\b(?![-'’]?\s*[A-Z])", text[first.end :]):
            s, e = first.end + m.start(), first.end + m.end()
            if any(o.start < e and s < o.end for o in occupied):
                continue
            out.append(Span(s, e, "Researcher", first.name, role=first.role))
    return out


#: given names that also name a month or a day, which open sentences of their own ("May saw …")
_CALENDAR_WORDS = frozenset(EN_MONTH_NAMES + EN_WEEKDAYS)


#: what follows a given name that is the subject of its sentence: a verb in the past or an auxiliary ("Odran
#: became", "Odran received", "Ana has led"), not a noun or a question's subject ("Grant funding came", "Will the")
_SUBJECT_VERB = (
    r"(?:[a-z]+ed|was|is|has|had|became|becomes|received|receives|won|wins|said|says|held|holds|led|leads|never|also"
    r"|later|then|went|came|took|wrote|found|built|began|saw|told|spent|grew|left|made|gave|knew|taught|ran)\b"
)


def given_name_mentions(text: str, persons: list[Span], taken: list[Span]) -> list[Span]:
    """Later mentions of an English-named researcher by given name alone, as obituaries and profiles write them
    ("Odran became a Fellow …"), as spans of that person.

    Only after the full name, only for a given name no other person of the item shares, and only where a sentence
    opens with it and a verb follows (the name is the sentence's subject: not "Will the method scale?", "Grant
    funding came …", nor a month's "May saw …").
    """
    by_given: dict[str, set[str]] = {}
    first: dict[str, Span] = {}
    for p in persons:
        parts = p.name.split()
        if len(parts) >= 2 and latin_written(p.name) and len(parts[0]) >= 3 and parts[0] not in _CALENDAR_WORDS:
            by_given.setdefault(parts[0], set()).add(p.name)
            if parts[0] not in first or p.start < first[parts[0]].start:
                first[parts[0]] = p
    out: list[Span] = []
    occupied = persons + taken
    for given, names in by_given.items():
        if len(names) != 1:
            continue
        person = first[given]
        pattern = rf"(?:(?<=[.!?][^\S\n])|(?<=\n)|^)[^\S\n]*{re.escape(given)}(?=[^\S\n]+{_SUBJECT_VERB})"
        for m in re.finditer(pattern, text[person.end :], re.M):
            s, e = person.end + m.end() - len(given), person.end + m.end()
            if not any(o.start < e and s < o.end for o in occupied):
                out.append(Span(s, e, "Researcher", person.name, role=person.role))
    return out
