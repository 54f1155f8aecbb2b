"""Awards (quoted or bounded names ending in 奖/奖章, top-ten lists, English Prize/Award/Medal, gazetteer hits) and
funders (only where the text says they fund the work: 资助, 支持, 基金, funded by, supported by)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ingest.extract import en, gazetteer_hits
from ingest.extract.guards import Guard, may_match
from ingest.extract.lexicon import CJK, LATIN_LETTER, LATIN_UPPER
from ingest.extract.spans import Span, clean
from ingest.gazetteers import Gazetteer

# (a scholarship in quotes is one named and conferred like a prize: 获某大学“某某奖学金”)
_AWARD_QUOTED = re.compile(
    rf"[“\"《](?P<name>[{CJK}A-Za-z0-9·\s]{{2,24}}?(?:奖章|奖学金|奖|十大(?:科学|科技)?(?:进展|新闻|突破)))[”\"》]"
)
# an honorary title conferred like a prize: 获“晨星青年学者”称号
_TITLE_QUOTED = re.compile(rf"[“\"](?P<name>[{CJK}A-Za-z0-9·]{{2,24}}?)[”\"](?=(?:荣誉)?称号)")
_AWARD_END = re.compile(r"奖章|奖|十大(?:科学|科技)?(?:进展|新闻|突破)")
_CJK_CHAR = re.compile(rf"[{CJK}]")
# (an organisation's acronym may open the name: IEEE电力与能源协会杰出青年工程师奖)
# (and the year of a conference's prize: URSO 2025最佳论文奖)
_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z])(?:[A-Z]{2,8}[^\S\n])?[A-Z]{2,8}(?:[^\S\n]*(?:19|20)\d{2}[^\S\n]*)?$")
# (a count after it lists the prizes given, to no one: 评选出最佳论文奖1项)
_AWARD_NOT_AFTER = re.compile(rf"[{CJK}]*[”\"]|者|励|金|学金|项|品|状|杯|牌|大会|典礼|仪式|会|\s*\d+\s*[项名个]")
_AWARD_BARE = re.compile(
    rf"(?P<name>[{CJK}]{{2,16}}?(?:奖章|奖|十大(?:科学|科技)?(?:进展|新闻|突破)))(?![{CJK}]*[”\"])(?!者|励|金|学金|项|品|状|杯|牌|大会|典礼|仪式|会)"
)
# 与 is left out: it joins the fields of one prize (数学与信息科学奖)
_AWARD_LEFT = re.compile(
    # 年 ends the left context only after a number (2024年度…奖), not inside a name (青年学者奖)
    # (等 lists, but 高等 and 同等 are words: 教育部高等学校科学研究优秀成果奖)
    r"^.*(?:获得|荣获|获|摘得|授予|颁发|颁给|分享了|分享|了|的|和|及|、|其中|包括|(?:^|(?<=[0-9〇一二三四五六七八九十]))年度?|届|是|为|由|在"
    r"|(?<![高同平中初超])等|该|本|此|这|项"
    # (经…评审: a preposition, not 经济学奖)
    r"|经(?!济|典|管))"
)
_AWARD_GENERIC = re.compile(
    # a best-paper award named by no conference (该会议最佳论文奖) is one of many
    r"^(?:该|本|此|大会|会议|评选出|最终评选出)*(?:最佳|优秀|杰出)(?:学生|青年)?论文奖$|"
    r"^.*颁奖$|^(?:单项|大|该|本|此|各|获|颁|得|奖|一等|二等|三等|特等|金|银|铜|优秀|最佳|特别|奖项|这个|这一|多项|多个|个|项)+(?:奖|奖章)$"
)
# a talent programme a scientist is selected for: Chinese news reports it as an honour received (入选“长江学者奖励计划”,
# 国家杰出青年科学基金获得者), so it is an award where a cue says someone holds it, not a funder
_TALENT_NAMED = (
    rf"(?:国家自然科学基金)?(?:国家)?(?:杰出|优秀)青年(?:科学)?基金(?:项目)?"
    # (the ten-thousand-talents plan's honour is its category: “万人计划”青年拔尖人才)
    rf"|“?万人计划”?[{CJK}]{{0,8}}?(?:人才|学者|专家)(?![{CJK}]{{0,2}}计划)"
    rf"|青年人才托举工程(?:[{CJK}]{{0,5}}专项计划)?"
    # (a province's programme in quotes: 某某省“星火计划”)
    rf"|(?:(?!年|度)[{CJK}]{{2,3}}(?:省|市|自治区))?“[{CJK}]{{2,10}}计划”"
)
_TALENT_NAMED_ANYWHERE = re.compile(_TALENT_NAMED)
# the honour a quoted programme confers, written right after it (“某某计划”某某青年英才)
_TALENT_WORD = re.compile(r"人才|学者|英才|专家")
_PLAN_HONOUR = re.compile(rf"[{CJK}]{{2,8}}?(?:英才|人才|学者|新星|专家)(?![{CJK}])")
# (unquoted, a programme's name has no clear start: read only right after the verb, 入选某某学者计划)
_TALENT_AFTER_CUE = re.compile(
    # (a tier may stand between the holder's word and 计划: 某某学者攀登计划, 某某人才特殊支持计划)
    rf"{_TALENT_NAMED}|(?:[{CJK}]{{2,3}}(?:省|市|自治区))?[{CJK}]{{2,6}}(?:人才|学者)[{CJK}]{{0,4}}?计划"
)
# a verb of selection or winning before it (the issuer, the year and a quote may stand between), or the holder's
# word after it, says that someone holds it
_TALENT_CUE = re.compile(
    rf"(?:入选|获得|荣获|获评|获批|获|当选)(?:了)?(?:[{CJK}]{{2,6}}(?=[“0-9]))?"
    r"(?:\s*(?:19|20)\d{2}(?:\s*[—–-]\s*(?:19|20)\d{2})?\s*年度?)?\s*"
)
# a programme whose project or support goes to work (获某市“某某计划”攻关项目支持) funds it: only a
# talent fund (杰出/优秀青年科学基金) is personal even then
_WORK_FUNDED_AFTER = re.compile(r"[^，,。；;\n]{0,14}?(?:项目|课题|专项|支持|资助)")
_PERSONAL_FUND = re.compile(r"(?:杰出|优秀)青年")
_WORK_SUBJECT = re.compile(r"(?:研究|成果|工作|论文|课题|项目)[^，,。；;\n]{0,6}$")
_HOLDER_WORDS = "获得者|入选者|入选名单|人选|称号"
_TALENT_HOLDER = re.compile(rf"[”\"]?\s*(?:{_HOLDER_WORDS})")
# (a literal scan first: _TALENT_NAMED opens with optional parts, so re tries it at every character, 4.6 ms per
# 100 kB of the bench's items; without a holder's word in the text none of its matches is kept)
_TALENT_HOLDER_WORD = re.compile(_HOLDER_WORDS)
# a name never runs over a line break (a headline ends where the next line starts)
# a word of a prize's name: capitalised, or an initial or suffix of the person it honours (George E. Valley Jr.)
_AWARD_WORD = rf"(?:[{LATIN_UPPER}][{LATIN_LETTER}'’-]+|(?:[A-Z]\.)+|Jr\.|Sr\.)"
_AWARD_GAP = r"(?:,(?=[^\S\n]*(?:Jr|Sr)\.))?[^\S\n]+"
_AWARD_EN = re.compile(
    # ("the George E. Valley, Jr. Prize": the comma before a suffix of the name it honours)
    # ("the Vantor & Bellweather Award": two people it honours)
    rf"{_AWARD_WORD}{_AWARD_GAP}(?:(?:(?:of|for|the|and|in|&)[^\S\n]+)?{_AWARD_WORD}{_AWARD_GAP}){{0,5}}"
    # (a named scholarship is held as an honour: "received a 2024 Harbourview Graduate Scholarship")
    # (and an endowed chair in a field: "the Vantor Chair in Paediatric Oncology Research"; a programme's "Research
    # Chair" is the programme's, whatever its holder's field)
    r"(?:(?<!Research[^\S\n])Chair(?=[^\S\n]+in[^\S\n]+[A-Z])|Prize|Award|Medal|Fellowship(?:s\b)?|Fellows?\b|Scholarship(?:s\b)?|Honou?rable[^\S\n]+Mention\b)"
    # ("Harbourview Research Scholarship – Doctoral": the level of a scholarship after a dash)
    r"(?:(?<=Scholarship)[^\S\n]+[–—][^\S\n]+(?:Doctoral|Master['’]?s|Postdoctoral|Undergraduate)\b)?"
    # "the Clifford Paterson Medal and Prize": one honour
    r"(?:[^\S\n]+and[^\S\n]+(?:Prize|Medal))?"
    r"(?:[^\S\n]+(?:in|for)[^\S\n]+(?:[A-Z][A-Za-z-]+)(?:[^\S\n]+(?:and[^\S\n]+)?[A-Z][A-Za-z-]+){0,3})?"
)
# "elected Fellows of the Royal Society", "new members of the National Academy of Sciences": the honour a learned
# body confers by election (a member only where the text says elected or new: membership alone is none)
_BODY_HONOUR = re.compile(
    r"\b(?P<kind>[Ff]ellows?|[Mm]embers?)[^\S\n]+of[^\S\n]+the[^\S\n]+(?P<body>(?:[A-Z][\w'’-]*[^\S\n]+){0,3}"
    r"(?:Society|Academy|Association)(?:[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w'’-]*"
    r"(?:[^\S\n]+(?:and[^\S\n]+|of[^\S\n]+)?[A-Z][\w'’-]*){0,4})?)"
)
_HONORARY = re.compile(
    r"\b(?:elected|admitted|inducted|named)[^\S\n]+(?:as[^\S\n]+)?(?:an?[^\S\n]+)?"
    r"(?P<name>Honorary[^\S\n]+(?P<kind>Members?|Fellows?))\b(?![^\S\n]+of\b)"
)
_ELECTED_BEFORE = re.compile(r"\b(?:elected|new|inducted|named|admitted)\b[^.;\n]{0,60}$", re.I)
_TWO_PRIZES = re.compile(
    r"(.+?\b(?:Prize|Award|Medal)s?)[^\S\n]+and[^\S\n]+((?:[A-Z][\w'’-]*[^\S\n]+)+(?:Prize|Award|Medal)s?\b.*)"
)
_KINDS_BEFORE = re.compile(
    r"(?:[A-Z][\w'’-]*[^\S\n]+)*?(?:Grants|Awards|Fellowships|Prizes|Scholarships|Programmes|Programs)[^\S\n]+and[^\S\n]+(?=[A-Z])"
)
_CATEGORY = re.compile(r"(.+?\b(?:Prize|Award|Medal))\s+(?:in|for)\s+[A-Z]")
_OWNER = re.compile(r"^.*['’]s[^\S\n]+")
_GIVER_ACRONYM = re.compile(r"(?<![\w&.-])[A-Z]{2,8}[^\S\n]+$")
# a fellowship of no one in particular: "Research Fellows", "Postdoctoral Fellowship"
_AWARD_GENERIC_EN = re.compile(
    r"(?:The[^\S\n]+)?(?:Research|Postdoctoral|Senior|Junior|Faculty|Graduate|Doctoral|Visiting|Teaching|Our|Its|"
    r"Their|New|Past|Former)(?:[^\S\n]+(?:Research|Postdoctoral|Senior|Junior|Faculty|Graduate|Doctoral|Visiting))?"
    r"[^\S\n]+(?:Fellowship|Fellow|Award|Prize|Scholarship)|(?:Fellowship|Fellows?|Awards?|Prizes?|Medals?|Scholarships?)"
)
# the body behind a prize is no prize: the Breakthrough Prize Foundation, 未来科学大奖委员会
_AWARD_BODY = re.compile(
    r"\s*(?:Foundation|Committee|Board|Trust|Fund|Council|Secretariat|基金会|委员会|组委会|办公室)"
)
_METAL_MEDAL = re.compile(r"(?:Gold|Silver|Bronze)\s+Medal")
_GIVEN_BY = re.compile(
    r"[^\S\n]+of[^\S\n]+the[^\S\n]+[A-Z][\w'’-]*(?:[^\S\n]+(?:of[^\S\n]+|for[^\S\n]+)?[A-Z][\w'’-]*){0,5}"
)
_YEAR_EN = re.compile(r"\b((?:19|20)\d{2})\s+(?=[A-Z])")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?")

_FUNDING_ZH = re.compile(
    # (受 of 受体, 受试者, 受访, 受聘, 受邀 receives no grant: a list opened there swallows the clause before 获…资助)
    r"(?:得到|受到|获得|获|受(?!体|试|访|聘|邀))(?:了)?(?P<list>[^。；;！？\n]{2,120}?)(?:等(?:多个|多项)?(?:项目|课题)?)?(?:的)?"
    # 资助 inside a funder's name (香港研究资助局) is no end of the list
    r"(?:大力|鼎力|共同|联合)?(?:资助|支持|经费支持|资金支持|资助支持|经费补助|补助)(?!局|委员会|机构|署)"
)
# 市科委（通过科技创新行动计划）对…进行立项资助
_FUNDING_ZH3 = re.compile(
    r"(?:^|[，,。；;\n])\s*(?:[^，,。；;\n]{0,12}?[，,])?(?P<list>[^，,。；;\n对]{2,20}?)"
    r"(?:通过(?P<prog>[^，,。；;\n]{2,20}?))?共?对[^。；;\n]{1,40}?(?:进行|给予)?(?:立项)?(?:资助|经费支持|资金支持)"
)
# 国家自然科学基金和某市科技重大专项给了我们稳定支持: the funders as the subject of giving support (a literal 给/提供
# is looked for first)
_FUNDING_ZH9 = re.compile(
    r"(?:^|[，,。；;\n])\s*(?P<list>[^，,。；;：:\n]{2,40}?)(?:给了|给予了?|提供了)"
    r"(?:我们|团队|课题组|本研究|该研究|研究|项目)?[^，,。；;\n]{0,6}?(?:支持|资助)"
)
# 该论文标注的国家自然科学基金项目和某省自然科学基金项目的相关情况: the grants a paper acknowledges (a literal 标注
# is looked for first)
_FUNDING_ZH10 = re.compile(r"标注(?:了|的)(?P<list>[^。；;\n]{2,80}?)的?(?:相关情况|情况|资助|支持)")
# (研究经费由X支持: the 经 of 经费 opens no list)
_FUNDING_ZH2 = re.compile(r"(?:由|经(?!费))(?P<list>[^。；;，,\n]{2,60}?)(?:资助|支持)(?!局|委员会|机构|署)")
# 入选国家优秀青年科学基金项目: a fund's grant won, written without 资助
_FUNDING_ZH5 = re.compile(r"入选(?:了)?(?P<list>[^。；;，,、\n“”\"]{2,30}?基金)(?!委|会)")
# 牵头承担的国家重点研发计划“新型储能”重点专项项目, 主持国家自然科学基金项目: a programme's project taken on
# (主持国家自然科学基金面上项目2项、国家重点研发计划课题1项: a CV's list of grants held, each with its tier and count)
_GRANT_TIER = r"(?:面上|青年|重点|重大|一般)?(?:项目|课题)"
_FUNDING_ZH6 = re.compile(
    r"(?:承担|主持|获批)(?:了|的)?(?P<list>[^。；;，,、\n“”\"]{2,30}?(?:计划|基金|专项)"
    rf"(?:{_GRANT_TIER}[\d一二三四五六七八九十]*项?、[^。；;，,、\n“”\"]{{2,30}}?(?:计划|基金|专项))*)"
    rf"(?=[“\"]|重点专项|{_GRANT_TIER})"
)
# the funding field of a paper's details block (资助：A、B; 基金项目：…), its lines often run together when read
_FUNDING_ZH7 = re.compile(
    # (基金资助：, 基金项目： open a field even run on to the line before: 关键词：…；青藏高原基金资助：…)
    r"(?:(?:^|(?<=[\s:：]))(?:(?:基金)?资助(?:项目|信息|来源)?|基金项目|项目资助)|基金资助|基金项目)"
    r"[^\S\n]*[:：][^\S\n]*"
    # (a field's grants, each with its number in brackets, run on over semicolons: 基金资助：A（1）；B（2）; the
    # next field's label may follow a number's bracket with no space: …（25JRRA612）专辑：)
    r"(?P<list>[^。；;\n:：]{2,160}?(?:[；;][^。；;\n:：]{2,80}?[（(][A-Za-z\d-]{4,}[）)])*)"
    r"[^\S\n]*(?=[。；;\n]|$|[^\S\n]+[\u4e00-\u9fff]{2,4}[:：]|(?<=[）)])[\u4e00-\u9fff]{2,4}[:：])",
    re.M,
)
# (a literal scan first: _FUNDING_ZH7 opens with a lookbehind and is tried at every character, 1.2 ms per 100 kB;
# each of its matches holds a label this finds, so a text without one skips it)
_FUNDING_FIELD_LABEL = re.compile(r"(?:资助(?:项目|信息|来源)?|基金项目)[^\S\n]*[:：]")
_GRANT_NUMBER_END = re.compile(r"[\u4e00-\u9fff][（(][A-Za-z]*\d[A-Za-z\d-]{3,}[）)]$")
# 2027年度省重点研发计划拟立项项目: a programme's list of projects to fund (a literal 立项 is looked for first)
_FUNDING_ZH8 = re.compile(
    r"(?:年度|关于)(?P<list>[^。；;，,、\s“”\"（）()]{2,20}?(?:计划|专项|基金))(?:拟|项目)?(?:立项|资助)(?:项目|名单|清单)"
)
# 经费来自国家自然科学基金和某某专项: where the money came from (a literal 来自 or 来源 is looked for first)
_FUNDING_ZH11 = re.compile(
    r"(?:经费|资金|资助)(?:均|主要)?(?:来自|来源于)(?:于)?(?P<list>[^。；;，,\n]{2,80}?)(?=[。；;，,\n]|$)"
)
# 在国家重点研发计划“智能传感器”重点专项支持下
_FUNDING_ZH4 = re.compile(r"在(?P<list>[^。；;，,\n]{2,60}?)(?:的)?(?:大力|鼎力)?(?:资助|支持)下")
_FUNDING_EN = re.compile(
    # the list runs to the end of the sentence; the dots of an abbreviation (U.S.) do not end it
    # ("Funded by the X Society.": a digest's entry opens a sentence with the participle)
    r"(?:[Ff]unded|[Ss]upported|[Ff]inanced|[Ss]ponsored|[Bb]acked)\s*,?\s+(?:in\s+part\s*,?\s+|partly\s+|jointly\s+)?by\s+"
    r"(?:grants?\s+from\s+)?"
    r"(?P<list>(?:(?<![A-Za-z])[A-Z]\.|\b[Nn]os?\.|[^.;\n]){2,400})"
)
# "received support from X", "with funding from X", "a grant from X", "Funding came from X"
_FUNDING_EN_FROM = re.compile(
    r"\b(?i:support|funding|grants?|awards?|financial\s+support|money|donations?|gifts?)"
    # ("the federal government's latest funding round through NSERC, CIHR and the CFI")
    r"(?:\s+(?:round|programs?|programmes?|competition))?\s+(?:was\s+|were\s+)?"
    r"(?:provided\s+|came\s+|comes\s+)?(?:from|by|through)\s+(?P<list>(?:(?<![A-Za-z])[A-Z]\.|\b[Nn]os?\.|[^.;\n]){2,400})"
)
# "The National Science Foundation has awarded Northvale University a $12 million grant": the giver comes first
_FUNDING_EN_GIVER = re.compile(
    r"(?:^|(?<=[.;\n])\s*|\b(?:the|The)\s+)(?P<list>[A-Z][^.;\n]{2,80}?)\s+(?:has\s+|have\s+)?"
    r"(?:awarded|granted|given|provided|committed|pledged)\s+[^.;\n]{0,80}?"
    r"(?:\b(?:grants?|funding)\b|(?:[£$€¥]|US\$|\b[A-Z]{3}\s)\s?\d)"  # £3.2 million, SEK 12 million
)
# "The Vantor Foundation announces 2027 Research Grants", "X awards three fellowships": the body that announces or
# awards grants gives them
_FUNDING_EN_ANNOUNCES = re.compile(
    r"(?:^|(?<=[.;\n])[^\S\n]*|\b(?:the|The)[^\S\n]+)(?P<list>[A-Z][^.;\n]{2,80}?)[^\S\n]+(?:has[^\S\n]+)?"
    r"(?:announce[sd]?|awards|awarded)[^\S\n]+(?:the[^\S\n]+|its[^\S\n]+)?(?:(?:19|20)\d{2}[^\S\n]+)?(?:[A-Z][\w-]*[^\S\n]+){0,3}"
    r"(?i:grants|fellowships|scholarships)\b"
)
# "have been awarded European Research Council (ERC) Advanced Grants", "won an NIH grant": the grant names its giver
_FUNDING_EN_WON = re.compile(
    r"\b(?:awarded|won|wins?|receiv(?:e|es|ed)|secur(?:e|es|ed)|earn(?:s|ed)?)\s+(?:an?\s+|the\s+|(?:19|20)\d{2}\s+)?"
    # the giver's name ends in a word that names a body (a "Royal Society Research Grant" is the Royal Society's)
    r"(?P<list>(?:[A-Z][^.;,\n]{0,80}?\s)?(?:[A-Z][\w-]*\s)?(?:Foundation|Council|Agency|Fund|Trust|Ministry|Society|"
    r"Commission|Academy|Institutes?|Administration|Bureau|Association|[A-Z]{2,6}))"
    r"(?:\s*\([A-Z]{2,8}\))?\s+(?:[A-Z][\w-]*\s+){0,3}[Gg]rants?\b"
)
# "The Canadian Institutes of Health Research (CIHR) and X supported the work": the funders as the subject (the verb
# phrase alone, a literal scan, tells first whether the pattern that tries every sentence start can match)
# ("funded the Alaska fieldwork": a place may name the work)
_SUPPORTED = (
    r"(?:supported|funded|financed|sponsored)\s+(?:the|this)\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:work|research|study|project|trial|effort|fieldwork|field\s+work|experiments?|measurements)\b"
)
_SUPPORTED_THE_WORK = re.compile(_SUPPORTED)
_FUNDING_EN_SUBJECT = re.compile(
    rf"(?:^|(?<=[.;\n])[^\S\n]*)(?:The\s+)?(?P<list>[A-Z][^.;\n]{{2,200}}?)\s+(?:also\s+|jointly\s+)?{_SUPPORTED}",
    re.M,
)
# a project's metadata block: "Funder: X, part of Y", "Funded by: X", "Funding bodies: X; Y"
_FUNDING_EN_FIELD = re.compile(
    r"(?im)^[^\S\n]*(?:funders?|funded[^\S\n]+by|funding(?:[^\S\n]+(?:bod(?:y|ies)|agenc(?:y|ies)|sources?))?"
    r"|sponsors?)[^\S\n]*:[^\S\n]*(?P<list>[^\n]{2,300})"
)
# a wire release's block: the label in capitals on its own line, the funders under it, separated by semicolons
_FUNDING_EN_CAPS_FIELD = re.compile(
    r"(?m)^[^\S\n]*(?:FUNDING|FUNDERS?|FUNDED[^\S\n]+BY|FUNDING[^\S\n]+(?:SOURCES?|INFORMATION))[^\S\n]*\n[^\S\n]*"
    rf"(?P<list>[^\n]{{2,300}}?)(?:{en.JOINED_CAPS_LABEL.pattern}|[^\S\n]*$)"
)
# an interview's question on the money, the funders in the answer: "Q: Who paid for this?\nA: The X, plus the Y."
_FUNDING_EN_ANSWER = re.compile(
    r"(?im)^[^\S\n]*Q[:.][^\n]*\b(?:paid|pays|pay|funded|funds|fund|funding|financed|supported)\b[^\n]*\?[^\S\n]*\n"
    r"[^\S\n]*A[:.][^\S\n]*(?P<list>[^\n.;]{2,300})"
)
_FUNDING_EN_ALL = (
    _FUNDING_EN_CAPS_FIELD,
    _FUNDING_EN_ANSWER,
    _FUNDING_EN,
    _FUNDING_EN_FROM,
    _FUNDING_EN_GIVER,
    _FUNDING_EN_WON,
    _FUNDING_EN_SUBJECT,
    _FUNDING_EN_FIELD,
    _FUNDING_EN_ANNOUNCES,
)
# "The Science for Africa Foundation (SFA Foundation) will co-fund a fellowship scheme, and the Fleming Fund will
# support …": a funding body as the subject of a funding verb in the future (found from the verb, the name looked
# back at)
_WILL_FUND = re.compile(r"[^\S\n]+will[^\S\n]+(?:also[^\S\n]+)?(?:co-?fund|fund|finance|support)\b")
_NAME_BEFORE_VERB = re.compile(
    r"(?:^|[.;,\n]\s*)(?:and\s+)?(?:[Tt]he\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+(?:for|of|and|[A-Z][\w'’-]*))*)"
    r"(?:\s*\([^()\n]{1,30}\))?$"
)
_FUNDING_BODY_END = re.compile(r"\b(?:Foundation|Fund|Trust|Council|Agency)$")
# a quoted programme topic or a bracket of grant numbers: list separators inside it separate nothing
_ENCLOSED = re.compile(r"“[^”]*”|[（(][^（）()]*[）)]")
_LIST_SPLIT = re.compile(r"[、，,;；]|以及|及|和|与")
# English funder names hold "and" (Science and Technology): lists split on commas, "and by", "and the"
_LIST_SPLIT_EN = re.compile(r"\s*(?:;|,\s*and\s+(?:by\s+)?|\s+and\s+by\s+|\s+and\s+the\s+|,)\s*")
# the grant's tier goes with 项目 (国家自然科学基金重点项目 is the fund's key-project grant: the funder is the fund)
_FUNDER_TRIM = re.compile(
    # (a city's or province's 科技计划项目 is the programme's own name: it keeps its 项目)
    r"(?:等)?(?:多个|多项)?(?:(?<!科技计划)(?:重点|面上|青年|重大|一般|联合|培育|优秀青年|杰出青年)?(?:项目|课题)"
    # 国家自然科学基金优秀青年科学基金项目: the fund's grant for young scientists, funded by the fund
    r"|(?<=基金)(?:优秀青年|杰出青年|青年)科学基金(?:项目)?)?(?:等)?(?:的)?(?:大力|鼎力)?$"
)
_FUNDER_OK = re.compile(
    r"(?:基金|基金委|基金会|委员会|理事会|计划|计画|专项|项目|工程|部|委|局|厅|科学院|研究院|研究所|大学|学院|中心|实验室|办公室|业务费|经费|资金|"
    r"Foundation|Council|Agency|Fund|Trust|Institute|Institutes|Programme|Program|Ministry|Office|Department|Society|"
    r"Organization|Organisation|Initiative|Grant|Grants|Commission|Academy|University|NSF|NIH|NSFC|ERC)$"
)
_REGIONAL_PROJECT = re.compile(r"^\s*[\u4e00-\u9fff]{2,3}(?:省|市|自治区)[\u4e00-\u9fff]{4,20}项目$")
_OWN_PROJECT = re.compile(r"^(?P<body>.{2,20}?(?:实验室|研究院|中心))[\u4e00-\u9fff]{2,8}项目$")
_FUNDING_WORDS = re.compile(r"资助|经费|资金支持|补助")
_PERSONAL_AWARD_END = re.compile(r"\b(?:Fellowship|Bursary|Scholarship|Studentship)s?$")
_TRAILING_BRACKET = re.compile(r"\s*[(（][^()（）]*[)）]$")
_JOINED = re.compile(rf"[{CJK}][与和及][{CJK}]")
_TABLE_HEADER = re.compile(r"^(?:单位|名称|类别|序号|承接人|负责人|题目|类型|备注)")
_PROGRAMME_END = re.compile(r"重大课题|专项课题|重点课题|重大项目专项|基金项目")
_PROGRAMME_HEAD = re.compile(rf"[{CJK}]{{1,24}}$")
_PROGRAMME_LEFT = re.compile(
    r"^.*(?:年度|的|和|与|及|、|了|(?<!专)项|大学|学院|研究院|研究所|中心|承接|获得|获批|公布|发布|申报|为|在)"
)
_FUNDER_EN = re.compile(
    r"\b(?:Foundation|Council|Agency|Fund|Trust|Ministry|Office|Department|Society|Commission|Academy|Institutes?|"
    # (a national centre that funds: "the National Center for Advancing Translational Sciences")
    r"Programme|Program|Initiative|Research|Innovation|Administration|Bureau|Association|Health|Cent(?:er|re)s?|"
    # (a national laboratory that funds: "supported by the Defence Science and Technology Laboratory")
    r"Laboratory|NSF|NIH|NSFC|ERC|DFG|JSPS)\b"
    # (a German foundation: Volkswagenstiftung, Carl-Zeiss-Stiftung)
    r"|\w*[Ss]tiftung\b"
)
# the body at the head of a programme whose own name ends in no funding word
_FUNDING_BODY = re.compile(
    # (英国某学会合作交流项目: a learned society funds through its programme, not through a fellowship it gives)
    r"^(?:.{2,20}?(?:委员会|基金会|基金委|科委|教委|科技厅|科技局|教育厅|发展中心)"
    r"|.{0,20}?皇家学会(?=[\u4e00-\u9fff]{2,8}$)(?![\u4e00-\u9fff]*(?:研究员|学者|会士|奖学金|奖)$)|.{0,20}?(?:科学技术部|科技部|教育部)"
    # 上海市“科技创新行动计划”基础研究领域项目: the programme the project belongs to
    r"|.{0,12}?“[^”]{2,20}(?:计划|基金|专项)”)"
)
_PLAN_TOPIC = re.compile(r"^(.{2,20}?(?:计划|基金))[“\"][^”\"]{2,40}[”\"](?:重点|重大)?专项(?:项目|课题)?$")
_FUND_PROJECT = re.compile(r"^(.{2,14}?科学基金)(?!委员会|会).{2,24}$")
# how the next entry of a funding list starts: the state, a ministry or a province or city
_ISSUER = re.compile(r"(?:国家|中央|中国|教育部|科技部|科学技术部|[\u4e00-\u9fff]{2,3}(?:省|市|自治区))")
_FUNDER_BAD = re.compile(r"专家|学者|团队|人员|医院专家|广泛|关注|认可|好评|欢迎|青睐|肯定|重视|帮助|配合|国家和|政策")


def _in_brackets(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a bracket opened on its line."""
    line = text.rfind("\n", 0, pos)
    return text.rfind("(", line + 1, pos) > text.rfind(")", line + 1, pos)


def find_awards(text: str, gazetteer: Gazetteer) -> list[Span]:
    """Award spans; ``meta['year']`` holds a year written just before the name (2024 年度…)."""
    spans: list[Span] = []

    def add(start: int, end: int, name: str) -> None:
        if any(s.start < end and start < s.end for s in spans) or _AWARD_BODY.match(text, end):
            return
        span = Span(start, end, "Award", name)
        # 湖北省自然科学奖 is a category of 湖北省科学技术奖, as 国家自然科学奖 is of 国家科学技术奖 (the gazetteer's)
        if (regional := _REGIONAL_CATEGORY.fullmatch(name)) is not None:
            span.parent = regional.group("place") + "科学技术奖"
        year = _YEAR.search(text, max(0, start - 10), start) or _YEAR_EN.search(text, max(0, start - 6), start + 1)
        if year and text[year.end() : start].strip(' “"《') == "":
            span.meta["year"] = int(year.group(1))
        spans.append(span)

    # a gazetteer name is the award's full official name: it wins over a rule's span that is part of it (the rules
    # cut "Presidential Early Career Award for Scientists and Engineers" at "and"), not over a longer one
    rule_spans = [m.span() for m in _AWARD_EN.finditer(text)] + [m.span("name") for m in _AWARD_QUOTED.finditer(text)]
    heads: list[Span] = []
    for start, end, entry in gazetteer_hits.hits(text, gazetteer, "Award"):
        if entry.kind == "grant" and _in_brackets(text, start):
            continue  # "funded by the ERC (ERC Consolidator Grant 'X' to A)": the funding's grant reference
        if not any(a <= start and end <= b and b - a > end - start for a, b in rule_spans):
            # 青海省最高科学技术奖: a national prize's short form after a province or city names that place's prize
            if entry.name.startswith("国家") and (place := _PLACE_BEFORE.search(text, max(0, start - 8), start)):
                # (what opens the window is no part of the place: 和陕西省…)
                left = _AWARD_LEFT.match(text[place.start() : start])
                at = place.start() + (left.end() if left else 0)
                add(at, end, clean(text[at:end]))
                continue
            # the surface form, not the entry's name: resolution maps it to the entry and keeps it as an alias
            add(start, end, clean(text[start:end]))
            # 国家自然科学奖二等奖 names its prize at its head: the prize is named too (as 中国科学院 inside
            # 中国科学院物理研究所), the grade's parent
            if entry.parent and text.startswith(entry.parent, start) and end - start > len(entry.parent):
                heads.append(Span(start, start + len(entry.parent), "Award", entry.parent))
    for pattern in (_AWARD_QUOTED, _TITLE_QUOTED):
        for m in pattern.finditer(text):
            name = clean(m.group("name"))
            if not _AWARD_GENERIC.match(name):
                add(m.start("name"), m.end("name"), name)
    previous = 0
    for m in _AWARD_END.finditer(text):
        # the name runs back over at most 20 Chinese characters (after an acronym); quoted names were taken above
        head_start = _award_head(text, max(previous, m.start() - 26), m.start())
        previous = m.end()
        if head_start is None or _AWARD_NOT_AFTER.match(text, m.end()):
            continue
        raw = text[head_start : m.end()]
        left = _AWARD_LEFT.match(raw)
        cut = left.end() if left else 0
        name = clean(raw[cut:])
        if len(name) >= 3 and not _AWARD_GENERIC.match(name):
            add(head_start + cut, m.end(), name)
    for m in _AWARD_EN.finditer(text):
        # the body that gives it is no part of the name: "the American Physical Society's George E. Valley Jr. Prize"
        owner = _OWNER.match(m.group())
        start = m.start() + (owner.end() if owner else 0)
        # "EAS Elmswick Acoustics Society Best Author Paper Award": the acronym of the giver opens a name too long
        # for the pattern's word count (looked up behind it: in the pattern it costs a try at every capital)
        if not owner and (acronym := _GIVER_ACRONYM.search(text, max(0, start - 10), start)) is not None:
            start = acronym.start()
        # "The Kavli Prize", "About the Kavli Prize" (a section heading): the article is no part of the name
        if (article := _ARTICLE.match(text, start, m.end())) is not None:
            start = article.end()
        # "New University Research Fellows" heading a list: "new" says when, it names nothing
        if (new := _NEW.match(text, start, m.end())) is not None:
            start = new.end()
        # "announces 2027 Research Grants and Career Development Awards": kinds listed before the last one are
        # categories, each no award of its own
        if (kinds := _KINDS_BEFORE.match(text, start, m.end())) is not None:
            start = kinds.end()
        # "receive 2025 Sloan Research Fellowships", "named 2026 Sloan Research Fellows": one fellowship, named in
        # the singular
        surface = clean(text[start : m.end()])
        name = re.sub(r"Fellows?$", "Fellowship", re.sub(r"(?<=Fellowship)s$", "", surface))
        if _AWARD_GENERIC_EN.fullmatch(name):
            continue
        end = m.end()
        # "the Gold Medal of the Royal Astronomical Society": a metal's medal is named by the body that gives it
        body = _GIVEN_BY.match(text, end) if _METAL_MEDAL.fullmatch(name) else None
        if body:
            end = body.end()
            name = surface = clean(text[start:end])
        # "the Breakthrough Prize and Wolf Prize": two prizes, each with its own name ("Medal and Prize" is one)
        pair = _TWO_PRIZES.fullmatch(text, start, end)
        if pair is not None:
            add(pair.start(1), pair.end(1), clean(pair.group(1)))
            add(pair.start(2), pair.end(2), clean(pair.group(2)))
            continue
        before = len(spans)
        add(start, end, name)
        if len(spans) > before:
            if name != surface:
                spans[-1].meta["surface"] = surface  # kept as an alias: the title says "Fellows"
            category = _CATEGORY.match(name)
            if category:  # the Halvorsen Prize in Physics is a category of the Halvorsen Prize
                spans[-1].parent = category.group(1)
    for m in (
        (
            *_talent_after_cues(text),
            *(
                m
                for m in (_TALENT_NAMED_ANYWHERE.finditer(text) if _TALENT_HOLDER_WORD.search(text) else ())
                if _TALENT_HOLDER.match(text, m.end())
            ),
        )
        if "计划" in text or "基金" in text or "工程" in text
        else ()
    ):
        before = len(spans)
        surface = clean(m.group())
        # 入选某省“某某计划”某某青年英才: the honour a programme of a bare name confers is what the person holds (a
        # programme named as a talent one, “某某人才计划”, is the honour itself)
        bare_plan = surface.endswith("计划”") and not _TALENT_WORD.search(surface)
        honour = _PLAN_HONOUR.match(text, m.end()) if bare_plan else None
        if honour is not None:
            add(m.end(), honour.end(), clean(honour.group()))
            surface = clean(text[m.start() : honour.end()])
        else:
            # (the fund's grant is named with or without 项目: the shorter name, the written one kept as an alias)
            add(m.start(), m.end(), re.sub(r"(?<=基金)项目$", "", surface))
        if len(spans) > before:
            spans[-1].meta["talent"] = True
            spans[-1].meta["surface"] = surface
    # (a literal scan first: most texts name no fellow or member, and the pattern is tried at every word)
    honours = _BODY_HONOUR.finditer(text) if "ellow" in text or "ember" in text else ()
    elected_body: str | None = None
    for m in honours:
        member = m.group("kind")[0] in "Mm"
        if member and not _ELECTED_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            continue
        before = len(spans)
        elected_body = elected_body or clean(m.group("body"))
        add(m.start(), m.end(), f"{'Member' if member else 'Fellow'} of the {clean(m.group('body'))}")
        if len(spans) > before:
            spans[-1].meta["surface"] = clean(m.group())
            spans[-1].meta["honour"] = True  # the body's name inside it is the body too
    # "X was elected an Honorary Member": the honorary rank of the body whose election the item reports
    if elected_body is not None and "Honorary" in text:
        for m in _HONORARY.finditer(text):
            add(m.start("name"), m.end("name"), f"Honorary {m.group('kind').rstrip('s')} of the {elected_body}")
    spans += _capitalised_headings(text, spans)
    # 某省科学技术奖自然科学奖一等奖: the category written right after its prize is the prize's, no award of its own
    prize_ends = {s.end for s in spans if s.name.endswith("科学技术奖")}
    spans = [s for s in spans if not (s.start in prize_ends and _BARE_CATEGORY.fullmatch(s.name))]
    return spans + heads


_CAPS_LINE = re.compile(r"(?m)^[^\S\n]*(?P<name>[A-Z][A-Z'’ -]{4,80}?)S?[^\S\n]*:?[^\S\n]*$")


def _capitalised_headings(text: str, spans: list[Span]) -> list[Span]:
    """A list's heading in capitals that is an award named elsewhere ("CAREER DEVELOPMENT AWARDS" over its holders,
    the Career Development Award named in the text): a mention of that award, for the holders under it."""
    names = {s.name.upper(): s.name for s in spans if s.name.isascii()}
    out: list[Span] = []
    for m in _CAPS_LINE.finditer(text) if names else ():
        name = names.get(" ".join(m.group("name").split()))
        if name is not None and not any(s.start < m.end() and m.start() < s.end for s in spans):
            out.append(
                Span(
                    m.start("name"),
                    m.end(),
                    "Award",
                    name,
                    meta={"surface": clean(text[m.start("name") : m.end()]), "caps_heading": True},
                )
            )
    return out


def _talent_after_cues(text: str) -> Iterator[re.Match[str]]:
    """The talent programmes named right after a verb that says someone was selected for or won one."""
    for cue in _TALENT_CUE.finditer(text):
        programme = _TALENT_AFTER_CUE.match(text, cue.end())
        # (该研究获得…优秀青年科学基金项目资助: a piece of work, not a person, is what the grant went to)
        if _WORK_SUBJECT.search(text, max(0, cue.start() - 12), cue.start()):
            continue
        if programme is not None and (
            _PERSONAL_FUND.search(programme.group()) or not _WORK_FUNDED_AFTER.match(text, programme.end())
        ):
            yield programme


_NAME_JOINERS = "·-‐－"


def _award_head(text: str, floor: int, end: int) -> int | None:
    """Where the Chinese run before an award word (奖) starts: at most 20 characters back (a · or a hyphen between
    two of them included), after an organisation's acronym if one opens it (IEEE电力与能源协会…); None for fewer than 2.

    A backward walk: a regular expression anchored at the end would be tried at every position of the window."""
    i = end
    while i > floor and end - i < 20:
        c = text[i - 1]
        # (a hyphen joins two transliterated surnames as · joins a given name and a surname: 某某-某某奖)
        if _CJK_CHAR.match(c) or (c in _NAME_JOINERS and i < end and i - 2 >= floor and _CJK_CHAR.match(text[i - 2])):
            i -= 1
            continue
        break
    if text[i : i + 1] in _NAME_JOINERS:
        i += 1
    if end - i < 2:
        return None
    acronym = _ACRONYM_BEFORE.search(text, max(floor, i - 24), i)
    return acronym.start() if acronym else i


def _parts(chunk: str, base: int, splitter: re.Pattern[str], protected: list[Span]) -> list[tuple[int, str]]:
    """``chunk`` split at list separators, never inside a protected span (同济大学脑与脊髓研究中心 keeps its 与)."""
    cuts = [
        (m.start(), m.end())
        for m in splitter.finditer(chunk)
        if not any(p.start <= base + m.start() < p.end for p in protected)
    ]
    parts, pos = [], 0
    for a, b in [*cuts, (len(chunk), len(chunk))]:
        parts.append((pos, chunk[pos:a]))
        pos = b
    return parts


def _rejoin_programmes(chunk: str, parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Parts split at a 与/和/及 inside a programme's name joined again: 科技部量子通信与量子计算机重大项目 is one
    programme, because 科技部量子通信 ends in no funder word and 量子计算机 names no body that funds."""
    out: list[tuple[int, str]] = []
    for at, part in parts:
        if out:
            prev_at, prev = out[-1]
            joint = chunk[prev_at + len(prev) : at]
            if (
                joint in {"与", "和", "及"}
                # (欧洲研究理事会（European Research Council）: a name's other form in brackets ends no name)
                and not _FUNDER_OK.search(_FUNDER_TRIM.sub("", _TRAILING_BRACKET.sub("", prev.strip())))
                and not _ISSUER.match(part.strip())
            ):
                out[-1] = (prev_at, chunk[prev_at : at + len(part)])
                continue
        out.append((at, part))
    return out


_PLACE_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:省|市|自治区)$")
_BARE_CATEGORY = re.compile(r"(?:自然科学奖|技术发明奖|科学技术进步奖|科技进步奖)(?:[一二三]等奖|特等奖)?")
_REGIONAL_CATEGORY = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{1,7}?(?:省|市|自治区))(?:自然科学奖|技术发明奖|科学技术进步奖|科技进步奖)"
)
_ARTICLE = re.compile(r"(?:About[^\S\n]+the|The)[^\S\n]+(?=[A-Z])")
_NEW = re.compile(r"(?:New|This\s+year['’]s|Our)\s+(?=[A-Z])")


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of a funding cue whose list runs to the sentence end, each search resumed inside the last list: "funded
    by the DFG within the priority programme X, and of the partnership supported by the NERC" holds a second
    statement the first list stops before."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start("list")


def _future_funders(text: str, known: frozenset[str]) -> list[Span]:
    """Funding bodies that "will (co-)fund" or "will support" something: a body by its name's last word (Foundation,
    Fund, Trust, Council, Agency) or a funder the gazetteer knows (``known``, lower case)."""
    out: list[Span] = []
    for m in _WILL_FUND.finditer(text):
        before = _NAME_BEFORE_VERB.search(text, max(0, m.start() - 120), m.start())
        if before is None:
            continue
        name = before.group("name")
        if _FUNDING_BODY_END.search(name) or name.lower() in known:
            # (what it will fund is to come: no published work of the item is funded by it)
            out.append(Span(before.start("name"), before.end("name"), "Funder", clean(name), meta={"future": True}))
    return out


@lru_cache(maxsize=4)
def _known_forms(known: frozenset[str]) -> tuple[list[str], list[str]]:
    """The known funder names that hold 与/和/及 between Chinese characters, and those that hold commas or an
    initial's dot (John R. Evans Leaders Fund), where a funding list would be cut (once per gazetteer, not per
    item)."""
    return [name for name in known if _JOINED.search(name)], [name for name in known if "," in name or ". " in name]


#: the words every match of these funding patterns holds (ingest.extract.guards): each opens with a lookbehind, \b
#: or an alternation (1.4 ms per 100 kB for the announcement's), and most texts hold none of their words
_FUNDING_GUARDS: dict[re.Pattern[str], Guard] = {
    _FUNDING_EN_SUBJECT: (_SUPPORTED_THE_WORK,),
    _FUNDING_ZH7: (_FUNDING_FIELD_LABEL,),
    _FUNDING_ZH8: ("立项", "资助项目"),
    _FUNDING_ZH9: ("给", "提供了"),
    _FUNDING_ZH10: ("标注",),
    _FUNDING_ZH11: ("来自", "来源于"),
    _FUNDING_EN_ANNOUNCES: ("announce", "award"),
    _FUNDING_EN_CAPS_FIELD: ("FUND",),
    _FUNDING_EN_ANSWER: ("Q:", "Q."),
}


def find_funders(text: str, institutions: list[Span], known: frozenset[str] = frozenset()) -> list[Span]:
    """Funder spans from funding statements; a funder written as an institution keeps the institution's name.

    In an item that speaks of funding (资助, 经费), the research programmes teams take on (…重大课题, …专项课题)
    are funders too. ``known``: the gazetteer's funder names (lower case), funders in a funding list whatever their
    name ends in (Deutsche Forschungsgemeinschaft).
    """
    spans: list[Span] = []
    known_joined, known_with_commas = _known_forms(known)
    if _FUNDING_WORDS.search(text):
        previous = 0
        for m in _PROGRAMME_END.finditer(text):
            # from the programme word backwards over at most 24 Chinese characters (a forward scan is far slower)
            head = _PROGRAMME_HEAD.search(text, max(previous, m.start() - 24), m.start())
            begin = head.start() if head else m.start()
            previous = m.end()
            left = _PROGRAMME_LEFT.match(text[begin : m.end()])
            start = begin + (left.end() if left else 0)
            name = text[start : m.end()]
            if _TABLE_HEADER.match(name):  # 承接单位 重大课题: column headers of a table
                continue
            if len(name) >= 4 and not any(s.start < m.end() and start < s.end for s in spans):
                spans.append(Span(start, m.end(), "Funder", clean(name)))
    for pattern in (
        _FUNDING_ZH,
        _FUNDING_ZH2,
        _FUNDING_ZH3,
        _FUNDING_ZH4,
        _FUNDING_ZH5,
        _FUNDING_ZH6,
        _FUNDING_ZH7,
        _FUNDING_ZH8,
        _FUNDING_ZH9,
        _FUNDING_ZH10,
        _FUNDING_ZH11,
        *_FUNDING_EN_ALL,
    ):
        english = pattern in _FUNDING_EN_ALL
        if not may_match(_FUNDING_GUARDS, pattern, text):
            continue
        for m in _overlapping(pattern, text) if pattern is _FUNDING_EN else pattern.finditer(text):
            for group in ("list", "prog"):
                if group not in pattern.groupindex or m.group(group) is None:
                    continue
                base = m.start(group)
                if english:
                    parts = en.organisation_names(m.group(group))
                    # a name with commas of its own (Department of Science, Technology and Innovation; the
                    # National Heart, Lung, and Blood Institute the gazetteer knows) is one part
                    chunk = m.group(group)
                    whole = [
                        (inst.start - base, text[inst.start : inst.end]) for inst in institutions if "," in inst.name
                    ]
                    lowered = chunk.lower()
                    whole += [(i, chunk[i : i + len(n)]) for n in known_with_commas if (i := lowered.find(n)) >= 0]
                    for at, name in whole:
                        if at >= 0 and at + len(name) <= len(chunk):
                            inside = [p for p in parts if at <= p[0] < at + len(name)]
                            if inside:
                                parts = [p for p in parts if p not in inside] + [(at, name)]
                else:
                    # “大气污染成因与控制技术研究”重点专项, 国家自然科学基金（22175123, 21975045）: one name each
                    chunk = m.group(group)
                    enclosed = [Span(base + e.start(), base + e.end(), "", "") for e in _ENCLOSED.finditer(chunk)]
                    # a known funder's name holding 与 or 和 (英国生物技术与生物科学研究理事会) is one name
                    enclosed += [
                        Span(base + i, base + i + len(name), "", "")
                        for name in known_joined
                        if (i := chunk.find(name)) >= 0
                    ]
                    parts = _rejoin_programmes(chunk, _parts(chunk, base, _LIST_SPLIT, institutions + enclosed))
                for at, part in parts:
                    name = re.sub(
                        r"\s*[(（][^()（）]*[)）]$|\s+(?:grants?|funds?|programmes?)$|(?<=项目|课题)[\d一二三四五六七八九十]+项$",
                        "",
                        part.strip(),
                    )
                    trimmed = _FUNDER_TRIM.sub("", name).strip()
                    # 崂山实验室科技创新项目: a body's own programme, named by its 项目, keeps it when the name is no
                    # funder without; the body heading it is its other name (the body funds through it)
                    own = None if english or _FUNDER_OK.search(trimmed) else _OWN_PROJECT.match(name.strip())
                    # 某省临床医疗技术创新引导项目: a province's or a city's programme named by its 项目 keeps it (not
                    # a body's project, 某市科学技术委员会基础研究项目: the body funds it)
                    regional = (
                        own is None
                        and not english
                        and not _FUNDER_OK.search(trimmed)
                        and _REGIONAL_PROJECT.match(name)
                        and not _FUNDING_BODY.match(trimmed)
                    )
                    name = name.strip() if own or regional else trimmed
                    # a year leads the round of a programme, not its name (2026年度国家杰出青年科学基金)
                    # nor does the ministry that runs a national programme (科技部国家重点研发计划)
                    name = re.sub(
                        # (其中国家杰出青年科学基金4人: "among them" opens the count, not the name)
                        r"^(?:了|由|来自|其中|the\s|The\s|by\s|(?:19|20)\d{2}\s*年度?|(?:科技部|科学技术部|教育部)(?=国家))\s*",
                        "",
                        name,
                    )
                    ok: object = _FUNDER_EN.search(name) if english else _FUNDER_OK.search(name)
                    ok = ok or name.lower() in known
                    # 某某综合科学考察研究（2019XXKK0101）: a grant in a funding field, its number in brackets, is a
                    # programme that funds, whatever its name ends in
                    ok = ok or (pattern is _FUNDING_ZH7 and _GRANT_NUMBER_END.search(part.strip()))
                    if english and not ok:
                        # a body's programme ("the European Commission's Horizon Europe") funds under its name
                        ok = re.search(r"['’]s\s+$", m.group(group)[:at])
                    # 国家自然科学基金国际（地区）合作与交流项目: a project of the fund, whose funder is the fund
                    if not english and (fund := _FUND_PROJECT.match(name)) is not None:
                        name = fund.group(1)
                        ok = _FUNDER_OK.search(name)
                    # 某某计划“某主题”重点专项: a special programme of the plan on the topic in quotes, funded by it
                    # (the special programme's name stays as the funder's other name)
                    plan = None if english else _PLAN_TOPIC.match(name)
                    if plan is not None:
                        name, ok = plan.group(1), plan
                    body = None if ok or english else _FUNDING_BODY.match(name)
                    if body:  # 上海市科学技术委员会基础研究项目: the commission runs the programme and funds the work
                        name, ok = body.group(), body
                    if len(name) < 2 or _FUNDER_BAD.search(name) or not ok:
                        continue
                    # "supported by the Prime Minister's Research Fellowship": a personal award, not its giver
                    if english and _PERSONAL_AWARD_END.search(name):
                        continue
                    start = base + at + part.find(name)
                    if not any(x.start == start and x.end == start + len(name) for x in spans):
                        funder = Span(start, start + len(name), "Funder", clean(name))
                        if own:
                            funder.alias = clean(own.group("body"))
                        elif plan is not None:
                            funder.alias = clean(plan.group())
                        spans.append(funder)
    spans += [f for f in _future_funders(text, known) if not any(x.start < f.end and f.start < x.end for x in spans)]
    return spans
