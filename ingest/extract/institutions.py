"""Institutions: suffix rules with careful left boundaries, units nested in parents, and English names.

A Chinese name is a chain of segments that each end in an institution suffix (同济大学|医学院, 中国科学院|物理研究所).
The first two segments form the full name of the unit (同济大学医学院) with partOf to the first; a laboratory
(…重点实验室) or a third segment is named on its own, with the whole written form as an alias: a lab partOf the
first, a third segment partOf the second (中国科学院深圳先进技术研究院|生物医学与健康工程研究所). The left edge of a
chain is the nearest punctuation, stop word or cue word; 与 inside a chain (地质与地球物理研究所) is kept unless a unit
ends before it.
"""

from __future__ import annotations

import re

import jieba.posseg as pseg

from ingest.extract.lexicon import CJK, SINGLE_SURNAMES, STOP_WORDS, alternation, words_of
from ingest.extract.spans import Span, clean
from ingest.nlp import tagged_noun, words, words_freq

_SUFFIXES = tuple(
    words_of(
        "大学 学院 研究院 研究所 医院 实验室 研究中心 中心 科学院 工程院 天文台 分校 研究基地 博物馆 植物园 研究室 "
        "学系 工程系 学部 "
        # (a field station: 某某生态系统国家野外科学观测研究站, 某天文台某观测站)
        "观测研究站 研究站 观测站 试验站 "
        # (a survey's or a monitoring body's institute: 某省地质环境监测院, 某省地质矿产勘查院)
        "监测院 勘查院 勘察院"
    )
)
# disciplines whose department is written "<discipline>系" (a public list of fields, not of institutions)
_DEPARTMENT_STEMS = words_of(
    "物理 历史 中文 生物 地理 经济 计算机 心理 电子 机械 土木 建筑 材料 化工 环境 天文 统计 自动化 航空航天 "
    "外语 英语 新闻 金融 管理 地质 海洋 大气 生态 微电子 电机 电气 水利 船舶 能源 精密仪器 热能 汽车 交通 "
    "测绘 遥感 软件 通信 光电 技术 药理 病理 生理 力学 体育 艺术 音乐 美术 设计"
)
# clinical departments written "<field>科" (神经内科, 心血管内科): public names of medical specialties
_CLINICAL_STEMS = words_of(
    "神经内 神经外 心内 心外 心血管内 心脏外 消化内 呼吸内 呼吸与危重症医学 肾内 内分泌 血液 风湿免疫 普外 "
    "胸外 肝胆外 泌尿外 妇产 急诊 放射 麻醉 病理 检验 肿瘤 皮肤 口腔 耳鼻喉 康复 感染 重症医学 核医学 超声 "
    "全科 精神 老年 中医 骨 儿 眼 胃外 胃肠外 胃肠肿瘤外 肝胆胰外 结直肠外 甲状腺外 乳腺外 甲乳外 血管外 "
    "整形外 烧伤外 小儿外 脊柱外 创伤外 肿瘤内 肿瘤外 感染内 老年内 消化 肾 生殖医学 营养 疼痛 介入 输血 "
    "心胸外 器官移植 头颈外 口腔颌面外 风湿 变态反应 皮肤性病 核医 放疗 放射治疗 肝病 肝胆 传染 "
    "精神心理 心理 精神卫生 医学心理 临床心理 睡眠医学 麻醉手术 影像 医学影像 药剂 临床药学 健康管理"
)


def _behind(stems: tuple[str, ...], suffix: str) -> str:
    """A lookbehind, placed after ``suffix``, for any of ``stems`` before it: one per length, since a lookbehind's
    alternatives must be equally long."""
    by_length: dict[int, list[str]] = {}
    for stem in stems:
        by_length.setdefault(len(stem), []).append(stem + suffix)
    return "(?:" + "|".join(f"(?<={'|'.join(words)})" for words in by_length.values()) + ")"


# 大学生 (students) is no 大学, but 大学生命科学学院 is 大学 + 生命科学学院; 物理学系 is a department, 科学系统 and
# 科学部署 are not
_SUFFIX = re.compile(
    alternation(_SUFFIXES)
    .replace("大学", "大学(?!生(?!命|物|态))")
    .replace("学系", "学系(?!统|列|数|着|于)")
    .replace("工程系", "工程系(?!统|列|数|着|于)")
    .replace("学部", "学部(?!署|分|门|长)")
    # a department named by its discipline alone (物理系, 计算机系); 系 after any other word is a system or a tie
    # (系 first, its stem looked back at from behind it: every alternative opens with a literal character, so the
    # engine skips the characters no suffix can start with instead of trying each alternative at each position)
    + f"|系{_behind(_DEPARTMENT_STEMS, '系')}(?!统|列|数|着|于)"
    # a hospital's clinical department (神经内科, 妇产科), and any medical or surgical one by its ending (胰腺外科,
    # 急诊医学科); not a discipline (眼科学), a technique, nor 国内外科学家 or 此外科研. (An ending alone never
    # opens a conjoined name: 内科及药物治疗学系 is one department.)
    + f"|科(?:{_behind(_CLINICAL_STEMS, '科')}|(?:(?<=内科|外科)|(?<=医学科))(?!及|与|和))(?!学|技|研|普|室|手术)"
)
#: suffixes that continue the previous segment instead of starting a new unit (加州大学旧金山分校)
_CONTINUES = ("分校",)
_LAB = re.compile(r"实验室$")
# words that end the left context of a chain (besides punctuation): function words, verbs, person cues, countries
_LEFT_STOPS = frozenset(w for w in STOP_WORDS if w not in {"与", "和", "及"}) | frozenset(
    words_of(
        "教授 研究员 副研究员 助理研究员 副教授 助理教授 讲师 博士后 工程师 高级工程师 主任医师 副主任医师 主治医师 "
        "住院医师 医师 "
        "博士 院士 学者 研究人员 专家 美国 英国 德国 法国 日本 韩国 加拿大 澳大利亚 瑞士 瑞典 "
        "丹麦 荷兰 意大利 俄罗斯 新加坡 以色列 多家 多所 各 前往 走进 赴 访问 考察 调研 会上 会后 目前 "
        "今年 近日 日前 研究团队 团队 课题组 首届 硕士生 博士生 研究生 学生 专家学者 包括 例如 比如 邀请 "
        "出席 参加 举行 召开 访 国际权威 权威 期刊 杂志 主刊 日 成立 建设 推进 引导 鼓励 比如说 来源于 "
        "源于 如下 以下 实施 建立 组建 设立 现任 曾任 担任 出任 兼任 历任 任 调入 考入 毕业 毕业于 "
        "我院 本院 我所 本所 我校 本校 该院 该校 我科 本科 另有 还有 共有 拥有 师从 "
        # (代表学院致辞, 在学校工学院建设, 近年来学院持续…: a verb, "the university", a time before a bare 学院)
        "代表 学校 近年来 多年来 年来 "
        # (近年与某大学…合作: a time word, then 与 and the partner, opens no name)
        "近年 近期 近来 此前 此后 随后 之后 去年 前年 同年 当年 次年 曾 曾经 先后 长期 后来 最近 "
        # (2023—今　某大学: "now", the end of a date range in a CV's list of posts)
        "今 至今 "
        # (全职加盟某大学: the verb of joining, which jieba may not tag as one)
        "加盟 加入 入职 受聘 受聘于 全职 "
        # (按学院推荐顺序排列, 请联系某某研究院: "by", "contact")
        "按 按照 联系 请联系"
    )
)
_OUR = frozenset("我本该全")
_CONJUNCTIONS = frozenset({"与", "和", "及", "以及", "同"})
# (中华医药研究院暨中药质量研究国家重点实验室: 暨 right after a body's suffix joins two bodies; inside a name it joins
# two fields: 植物暨微生物学研究所)
_BODY_CONJUNCTIONS = (*_CONJUNCTIONS, "暨")
_WORK_NOUNS = frozenset({"工作", "研究", "团队", "项目", "成果", "论文", "合作", "课题", "本", "该", "此", "这"})
#: words tagged as verbs that are at home in institution names (应用, 创新, 研究 ...)
#: single characters that start a clause, not a name (将材化学院…, 把…, 对…)
# never the first character of a name (和 and 同 are: 和平医院, 同济大学)
_LEADING_FUNCTION_CHARS = frozenset("将把被对从向让使给就在于与及")
_NAME_VERB_WORDS = (
    "应用 创新 发展 管理 服务 设计 制造 检测 开发 转化 转移 孵化 验证 计算 控制 勘探 监测 评价 保护 "
    "育种 治疗 康复 预防 生产 加工 交叉 融合 集成 教育 培训 规划 振动 冲击 调控 合成 感知 通信 传感 测量 "
    "测试 诊断 养殖 种植 生命 测绘 传播 体育 统计 临床 免疫 遗传 创意 翻译 急救 影像 检验 运输 勘察 采矿 印刷 "
    "包装 发酵 灌溉 减灾 防灾 应急 治理 消化 呼吸 循环 麻醉 感染 移植 介入 生殖 营养 与 和 及 "
    # (tagged an adverb, "naturally", but a field before a noun: 自然保护地学院, 自然地理研究所)
    "自然 观测"
)
_NAME_VERBS = frozenset(_NAME_VERB_WORDS.split())
# place names (provinces, large cities, regions, countries): a name often starts with one. Geography only, no
# institution names, so the rule holds for institutions never seen.
_PLACES = tuple(
    words_of(
        "中国 国家 北京 上海 天津 重庆 广州 深圳 南京 武汉 杭州 西安 成都 哈尔滨 香港 澳门 台湾 浙江 江苏 "
        "山东 四川 湖南 湖北 河南 河北 广东 福建 安徽 江西 云南 贵州 陕西 甘肃 吉林 辽宁 黑龙江 山西 内蒙古 "
        "广西 新疆 西藏 宁夏 青海 海南 苏州 厦门 大连 青岛 宁波 长沙 郑州 济南 合肥 昆明 南昌 福州 兰州 "
        "太原 石家庄 沈阳 长春 南宁 贵阳 乌鲁木齐 呼和浩特 美国 英国 德国 法国 日本 剑桥 牛津 加州 东京 "
        "首都 华东 华南 华中 华北 西北 东北 西南"
    )
)
_HARD = re.compile(rf"[^{CJK}“”\"·]")
# names made only of generic words are kinds of institution, not names (多家医院, 概念验证中心, 重点实验室)
_GENERIC_WORDS = tuple(
    words_of(
        "概念验证 重点 全国重点 国家重点 省部共建 研究 创新 技术 工程 数据 服务 医 附属 科研 高等 科技 多 "
        "成果转化 转化 孵化 示范 联合 协同创新 产业 综合 全国 国内 国外 国际 一流 知名 顶尖 高水平 相关 "
        "部分 该 本 其 这 此 这些 各 多家 多所 新型 大 小 中 高 该所 研究型 重点高 国家 省 市 地方 专业 "
        "国家级 省级 省部级 "
        "职业 会议 新闻 展览 活动 培训 教育 医学 药学 理学 工学 文学 法学 商学 学 合作 交流 发展 "
        "管理 运营 优秀 类型 机制 个别 各类 三种 一批 首批 若干 多个 不同 验证 "
        # (天然实验室, 理想实验室: a place a field studies, as writers call it)
        "天然 理想 "
        # (国家野外科学观测研究站: the kind of a national field station, named by its place and ecosystem before it)
        "野外科学观测 野外科学 野外观测 野外"
    )
)
# fields whose name is made of generic words (大 + 数据): a 大数据学院 is a school of that field
_FIELDS_OF_GENERIC_WORDS = frozenset(words_of("大数据"))
_GENERIC = re.compile(rf"^(?:{alternation(_GENERIC_WORDS)})*$")
_PLACE_GENERIC = re.compile(rf"^(?:{alternation(_PLACES)})(?:{alternation(_GENERIC_WORDS)})+$")
#: suffixes of bodies that are not research institutions (service centres, venues, companies)
_NOT_INSTITUTION = re.compile(
    r"(?:政府|党委|委员会|管理局|局|厅|公司)|(?:服务中心|会议中心|会展中心|活动中心|交流中心|指挥中心|购物中心|营业中心|数据中心|客服中心|运营中心|学习中心|培训中心|教育中心|保护中心|技术转移中心)$"
)
# a school or department named by a one-character discipline (医学院, 法学院, 林学院, 化学系, 数学系) is a unit like any
# other
# (and a clinic named by one character: 眼科苏某, 儿科梁某)
# (and a faculty: 医学部, 理学部)
_ONE_CHARACTER_SCHOOL = re.compile(
    r"[医药法商理工文农哲林]学院|[医理工文农]学部|[化数哲法医药文史光力声]学系|[眼儿骨]科"
)
#: a counted noun (两个, 3个), a verb's complement (住得) or a region's scope (省内, 县级) before a generic head word
# (not 得克萨斯, 得实; not 省内分泌…, 市内镜…: 内分泌 and 内镜 are fields)
_CLAUSE_WORDS = re.compile(
    r"[0-9一二两三四五六七八九十几多数]个|(?<=[住离做跑记来活过长])得|[省市]内(?![分镜科])|县级|市级|国内外|境内外"
)
_QUOTED_CLAUSE = re.compile(r"何时|如何|怎样|为何|为什么|能否|是否|走出|走进|走向|迈向|从.{1,8}到")
_COUNTED = re.compile(r"(?:[0-9]+|[一二三四五六七八九十百千两几多]+)\s*(?:余|多)?(?:家|所)")
_PERSON_AND = re.compile(r"([\u4e00-\u9fff]{2,3})[与和及、]")
_RUNNING_BODY = re.compile(r"委员会|有限公司|公司|集团")
_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇\d]+")
# a group's numbered institute (中国某某集团公司第五十四研究所, 某某集团第七〇二研究所) is a research institute
_NUMBERED_INSTITUTE = re.compile(r"(?:集团|公司)第[一二三四五六七八九十百零〇\d]+(?:研究所|研究院)$")
_CAMPUS = re.compile(r"[（(]([\u4e00-\u9fff]{2,3})[）)]")
_TOP_LEVEL = re.compile(r"(?:大学|科学院|工程院|社会科学院)$")


# a foreign country before a university's name says where it is, not what it is called (美国加州大学伯克利分校);
# 新加坡国立大学 and 澳大利亚国立大学 carry theirs in the name
_COUNTRIES = (
    r"(?:美国|英国|德国|法国|日本|韩国|加拿大|澳大利亚|瑞士|瑞典|丹麦|荷兰|意大利|俄罗斯|新加坡|以色列|比利时|奥地利|"
    r"挪威|芬兰|西班牙|新西兰|爱尔兰)"
)
_COUNTRY = re.compile(rf"^{_COUNTRIES}(?!国立|国家|皇家)(?=.{{4}})")
_COUNTRY_BEFORE = re.compile(rf"{_COUNTRIES}$")


def drop_country(spans: list[Span]) -> None:
    """Names written after a foreign country lose it; the written form stays a surface form (an alias). A national
    institute named by its field alone (瑞典土壤研究所) keeps it: without the country it names no one body."""
    for span in spans:
        country = _COUNTRY.match(span.name)
        if country and _named_by_field(span.name[country.end() :]):
            continue
        if country:
            span.meta.setdefault("surface", span.name)
            span.name = span.name[country.end() :]
        if span.parent and (country := _COUNTRY.match(span.parent)):
            span.parent = span.parent[country.end() :]


def _named_by_field(name: str) -> bool:
    """Whether a name is a field word and a body's suffix alone (土壤研究所), no proper name in it."""
    suffix = _SUFFIX.search(name)
    body = name[: suffix.start()] if suffix else name
    return suffix is not None and suffix.end() == len(name) and tagged_noun(body)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """jieba words of ``text[start:end]`` with their offsets in ``text``."""
    out, pos = [], start
    for w in words(text[start:end]):
        out.append((pos, pos + len(w), w))
        pos += len(w)
    return out


def _is_stop(tokens: list[tuple[int, int, str]], i: int, name_end: int, in_chain: bool = False) -> bool:
    """Whether token ``i`` ends the left context of a name (a stop word, or a conjunction between two names)."""
    w = tokens[i][2]
    if w in _LEFT_STOPS or (i > 0 and tokens[i - 1][2] + w in _LEFT_STOPS):
        return True
    if w in {"和", "及"} and in_chain and 0 < i < len(tokens) - 1:
        # inside a unit after its parent (医学院药理及药剂学系) 及/和 joins two field words, as 与 does
        left, right = tokens[i - 1][2], tokens[i + 1][2]
        return len(left) < 2 or left in _WORK_NOUNS or left in _LEFT_STOPS or right.startswith(_PLACES)
    if w in _CONJUNCTIONS and w != "与":
        # 和/及 separate a name from what is before it (周启明和东海理工大学…), unless the suffix follows at once
        # (瑞和医院, where 和 is part of the name)
        return name_end - tokens[i][1] > 1
    if w in _CONJUNCTIONS:
        left = tokens[i - 1][2] if i > 0 else ""
        right = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        # 与 inside a body (地质与地球物理) joins two field words; between a person or a work and a name it separates
        return (
            (len(left) < 2 and not in_chain and left not in _FIELD_CHARACTERS)
            or left in _WORK_NOUNS
            or left in _LEFT_STOPS
            or right.startswith(_PLACES)
        )
    return False


# fields written in one character, joined by 与 to the next (水与土壤研究所, 光与物质): no name ends before them
_FIELD_CHARACTERS = frozenset("水土光电热核声磁冰药")
_FIELD_JOINERS = ("与", "及")
_SUFFIX_BEFORE = re.compile(rf"(?:{alternation(_SUFFIXES)})$")
_CUT_FLAGS = frozenset({"v", "p", "c", "u", "d", "m", "r"})
_FUNCTION_FLAGS = frozenset({"p", "c", "u", "r"})
_PROVINCE_ONLY = re.compile(r"[\u4e00-\u9fff]{2,3}省")
_KEY_LAB_QUALIFIER = re.compile(r"(?:全国|国家级?|省部?级?)重点$")


def _left_edge(text: str, suffix_start: int, suffix_end: int, floor: int) -> int:
    """Where a name whose suffix is ``text[suffix_start:suffix_end]`` starts."""
    start = max(floor, suffix_start - 24)
    hard = [m.end() for m in _HARD.finditer(text, start, suffix_start)]
    edge = hard[-1] if hard else start
    tokens = _tokens(text, edge, suffix_end)
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i][1] <= suffix_start and _is_stop(tokens, i, suffix_start):
            edge = tokens[i][1]
            break
    # 某国土壤研究所, 某国国家水与大洋研究所: a national institute named by its field alone, or as the nation's,
    # starts at its country (a stop word elsewhere)
    if (country := _COUNTRY_BEFORE.search(text, max(0, edge - 4), edge)) and (
        _named_by_field(text[edge:suffix_end]) or text.startswith(("国家", "国立", "皇家"), edge)
    ):
        return country.start()
    # start at the place name nearest the suffix (研究上海交通大学), unless only a generic word would be left between
    # them (北京凝聚态物理国家研究中心 is no 国家研究中心)
    for i in range(len(tokens) - 1, -1, -1):
        b, _, w = tokens[i]
        if edge <= b < suffix_start and w.startswith(_PLACES):
            # (某某与某某广东省实验室: a province's laboratory is named by its field before the province)
            if _GENERIC.match(text[b:suffix_start]) or _PROVINCE_ONLY.fullmatch(text, b, suffix_start):
                if any(edge <= tokens[j][0] and tokens[j][2].startswith(_PLACES) for j in range(i)):
                    continue
                break  # 固体微结构物理国家重点实验室: no place opens this name, the field does
            # 附属上海市肺科医院; 国立台湾大学 (a public university is named so: 国立, 省立, 市立, 州立, 私立)
            edge = b - 2 if text[max(edge, b - 2) : b] in ("附属", "国立", "省立", "市立", "州立", "私立") else b
            # (某国国家水与大洋研究所: the nation's institute keeps the nation)
            if text.startswith(("国家", "国立", "皇家"), edge) and (
                country := _COUNTRY_BEFORE.search(text, max(0, edge - 4), edge)
            ):
                edge = country.start()
            if suffix_start - edge <= 6:
                return edge
            break
    # a commission's or a firm's unit (长江水利委员会长江科学院): the name starts after the body that runs it
    # (but a group's numbered institute, 某集团公司第五十四研究所, is named only with its group)
    bodies = list(_RUNNING_BODY.finditer(text, edge, suffix_start))
    if not (bodies and _ORDINAL.fullmatch(text, bodies[-1].end(), suffix_start)):
        for body in bodies:
            if suffix_start - body.end() >= 2:
                edge = body.end()
    # (the 暨 that joins this body to the one before it is no part of its name)
    if text.startswith("暨", edge) and _SUFFIX_BEFORE.search(text, max(0, edge - 6), edge):
        edge += 1
    # an opening quote whose closing one is not in the name is not part of it (“环上大科创中心”)
    while edge < suffix_start and text[edge] in '“"' and "”" not in text[edge:suffix_start]:
        edge += 1
    if suffix_start - edge <= 2:
        return edge
    # a long context: cut after the last verb or function word (实施精准突破集成电路…, 汇聚高水平大学)
    # (a key laboratory is named by its field, which may hold a verb: 作物遗传改良全国重点实验室)
    cut_flags = _FUNCTION_FLAGS if _KEY_LAB_QUALIFIER.search(text, edge, suffix_start) else _CUT_FLAGS
    pos = edge
    cut_words = list(pseg.cut(text[edge:suffix_start], HMM=False))
    in_run = _single_character_runs([w for w, _ in cut_words])
    for k, (word, flag) in enumerate(cut_words):
        pos += len(word)
        # (脑认知与脑疾病研究所: a verb-like field word joined by 与 to the next field is part of the name)
        cut = flag[:1] in cut_flags and word not in _NAME_VERBS and not text.startswith(_FIELD_JOINERS, pos)
        # (某某兹感染研究中心: a transliteration the dictionary lacks falls apart into characters, tagged at
        # random; it names the body, no cut inside or after it)
        cut = cut and not in_run[k]
        if cut and not word.startswith("第") and pos < suffix_start:  # 第一人民医院 keeps its ordinal
            edge = pos
    return edge


def _single_character_runs(words: list[str]) -> list[bool]:
    """For each word, whether it is one of three or more single characters in a row, the first no surname (a
    person's name falls apart so too: 魏某某植物研究所, a contact's name before the unit)."""
    marks = [False] * len(words)
    k = 0
    while k < len(words):
        j = k
        while j < len(words) and len(words[j]) == 1:
            j += 1
        if j - k >= 3 and words[k] not in SINGLE_SURNAMES:
            marks[k:j] = [True] * (j - k)
        k = max(j, k + 1)
    return marks


def _joins(text: str, gap_start: int, gap_end: int) -> bool:
    """Whether the text between two suffixes is the body of a nested unit (not a person, verb or list)."""
    gap = text[gap_start:gap_end]
    if len(gap) > 14 or _HARD.search(gap) or gap.startswith(_BODY_CONJUNCTIONS):
        return False
    # 清华大学生命科学学院殷若楠与西湖大学…: a person named after the unit, then 与 and the next institution
    if _person_and(text, gap_start) is not None:
        return False
    tokens = _tokens(text, gap_start, gap_end)
    return not any(_is_stop(tokens, i, gap_end, in_chain=True) for i in range(len(tokens)))


def _person_and(text: str, pos: int) -> int | None:
    """Where a person's name and the 与 (和, 及, 、) after it end, when ``text`` at ``pos`` opens with them: a surname
    and one or two characters that make no dictionary word (殷若楠与…, not 地质与…)."""
    person = _PERSON_AND.match(text, pos)
    # (国家水与…: a place or 国家 opens a body's name, not a person's)
    if (
        person is None
        or person.group(1)[0] not in SINGLE_SURNAMES
        or words_freq(person.group(1))
        or person.group(1).startswith(_PLACES)
    ):
        return None
    return person.end()


def _campus(text: str, start: int, end: int) -> int:
    """Where a university's name that ends at ``end`` ends with its campus (中国地质大学（武汉）, 中国石油大学（华东）):
    a place in brackets right after 大学, not the name's short form (北京大学（北大）). Taken only where a unit of it
    follows (中国地质大学（武汉）地球科学学院); standing alone, the gazetteer knows the campuses, and 复旦大学（上海）
    says where the university is."""
    if text[end - 2 : end] != "大学":
        return end
    m = _CAMPUS.match(text, end)
    if m is None or set(m.group(1)) <= set(text[start:end]):
        return end
    return m.end()


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into segments that each end with a suffix; bodies of length 0 join their left."""
    segs: list[tuple[int, int]] = []
    pos = start
    for m in _SUFFIX.finditer(text, start, end):
        if m.start() < pos:
            continue  # inside the campus taken with the previous segment
        seg_end = min(_campus(text, start, m.end()), end) if m.group() == "大学" else m.end()
        if m.start() == pos and segs or (m.group() in _CONTINUES and segs):
            segs[-1] = (segs[-1][0], seg_end)
        else:
            segs.append((pos, seg_end))
        pos = seg_end
    return segs


def _valid(name: str) -> bool:
    m = _SUFFIX.search(name)
    body = name[: m.start()] if m else name
    if _ONE_CHARACTER_SCHOOL.fullmatch(name):
        return True
    if len(name) < 3 or len(body) < 2:
        return False
    if "第三方" in body:  # 委托第三方实验室: a third party's role, no body's name
        return False
    if _CLAUSE_WORDS.search(body):  # 患者住得离医院, 河南两个分中心, 省内县级医院: a clause or a count, no name
        return False
    if (_GENERIC.match(body) and body not in _FIELDS_OF_GENERIC_WORDS) or (
        _NOT_INSTITUTION.search(name) and not _NUMBERED_INSTITUTE.search(name)
    ):
        return False
    if name.endswith("中心") and len(body) < 3:  # 来中心, 希望中心: a verb before a bare 中心
        return False
    if name.endswith("多中心"):  # 腹腔镜胃癌根治术多中心(研究): a multicentre trial
        return False
    if _PLACE_GENERIC.match(body) and not _TOP_LEVEL.search(name):
        return False
    return not re.search(r"[“”\"]", name) or name.count("“") == name.count("”")


def find_zh(text: str) -> list[Span]:
    """Chinese institution spans: every named unit, its nested parent, with ``parent`` set for partOf."""
    spans: list[Span] = []
    floor = 0
    for m in _SUFFIX.finditer(text):
        if m.start() < floor:
            continue
        end = m.end()
        # extend to the end of the chain: following suffixed segments whose body is not a stop
        while True:
            campus = _campus(text, max(0, m.start() - 8), end) if text[end - 2 : end] == "大学" else end
            after = _SUFFIX.search(text, campus, min(len(text), campus + 16)) if campus > end else None
            if after is not None and _joins(text, campus, after.start()):
                end = after.end()
                continue
            # 西澳大学（The University of Western Australia）农业研究所: the English name in brackets stands between a
            # body and its unit
            if (english := _ENGLISH_BRACKET.match(text, end)) is not None:
                after = _SUFFIX.search(text, english.end(), min(len(text), english.end() + 16))
                if after is not None and _joins(text, english.end(), after.start()):
                    end = after.end()
                    continue
            nxt = _SUFFIX.search(text, end, min(len(text), end + 16))
            if nxt is None or not _joins(text, end, nxt.start()):
                break
            end = nxt.end()
        start = _left_edge(text, m.start(), m.end(), floor)
        # a name in quotes is the whole quoted text (“环上大科创中心”)
        quote = text.rfind("“", max(floor, start - 16), start + 1)
        if quote >= 0 and text[end : end + 1] == "”" and "”" not in text[quote:end]:
            if _QUOTED_CLAUSE.search(text, quote + 1, end):
                floor = end
                continue  # “量子计算何时走出实验室”: a question or a slogan in quotes, not a name
            start = quote + 1
        floor = end
        # 应化学系邀请: "at the invitation of"; 应用数学系 and 应急管理学院 keep theirs
        while start < m.start() - 1 and (
            text[start] in _LEADING_FUNCTION_CHARS or (text[start] == "应" and text[start + 1] not in "用急")
        ):
            start += 1
        # 柴某与慕尼黑工业大学: a person and 与 before the name are no part of it
        person_end = _person_and(text, start)
        if person_end is not None and person_end < m.start():
            start = person_end
        # 我校医学院: the segmenter reads 校医 (a school doctor); 校 belongs to 我校, not to the unit
        if text[start : start + 1] == "校" and text[start - 1 : start] in _OUR and start < m.start():
            start += 1
        # "全国38家卒中中心", "二十余家医院": a count of institutions of a kind names none of them
        if _COUNTED.search(text, max(0, start - 6), m.start()):
            continue
        segs = _segments(text, start, end)
        if segs:
            spans.extend(_chain_spans(text, segs))
    if "任" in text:
        spans += _posts_taken(text, spans)
    if "公司" in text:
        spans += _employers(text, spans)
    return _joint_institutes(text, _by_abbreviation(text, spans))


# 加盟某某大学，任高等研究院讲席教授: the unit of the post taken is the university's just named
_POST_TAKEN = re.compile(r"[，,]\s*(?:并)?(?:担任|出任|受聘为|兼任|任)")
_POST_AFTER = re.compile(r"(?:讲席|特聘|长聘|首席)?(?:副|助理)?(?:教授|研究员)|(?:副)?(?:院长|所长|主任)")


def _posts_taken(text: str, spans: list[Span]) -> list[Span]:
    """A unit named bare for the post a person takes right after a university (…大学，任某某研究院教授): that
    university's unit, though its name alone (高等研究院) would be too generic to read."""
    out: list[Span] = []
    for top in spans:
        if top.parent is not None or not top.name.endswith("大学") or (m := _POST_TAKEN.match(text, top.end)) is None:
            continue
        suffix = _SUFFIX.search(text, m.end(), min(len(text), m.end() + 12))
        if suffix is None or suffix.start() - m.end() < 2 or not _POST_AFTER.match(text, suffix.end()):
            continue
        tokens = _tokens(text, m.end(), suffix.start())
        if any(_is_stop(tokens, i, suffix.start(), in_chain=True) for i in range(len(tokens))):
            continue
        unit = text[m.end() : suffix.end()]
        bare = [s for s in spans if s.start == m.end() and s.end == suffix.end() and s.parent is None]
        for span in bare:
            span.meta.setdefault("surface", unit)
            span.name, span.parent = top.name + unit, top.name
        if not bare:
            span = Span(m.end(), suffix.end(), "Institution", top.name + unit, parent=top.name)
            span.meta["surface"] = unit
            out.append(span)
    return out


# a firm's research staff written right after it (某某集团有限公司高级工程师X): the firm employs researchers, so it
# is their institution; a firm named with its managers or its products is no research body
_EMPLOYER = re.compile(
    r"(?:有限公司|集团公司)(?=(?:教授级|正高级|高级)?工程师|(?:特聘|副|助理)?研究员|首席(?:科学家|专家)|博士后)"
)


def _employers(text: str, spans: list[Span]) -> list[Span]:
    """Companies a researcher is written as working at (the suffix rules leave companies out)."""
    out: list[Span] = []
    for m in _EMPLOYER.finditer(text):
        if any(s.start < m.end() and m.start() < s.end for s in spans):
            continue
        start = _left_edge(text, m.start(), m.end(), 0)
        if m.start() - start >= 2:
            out.append(Span(start, m.end(), "Institution", clean(text[start : m.end()])))
    return out


# after a partner's name: a dash, the other partner, then 联合 and a unit word (北岭理工大学—某某新材料联合研究院)
_JOINT_TAIL = re.compile(r"[—–－-]{1,2}[\u4e00-\u9fff]{2,12}?联合(?:研究院|实验室|研究中心|创新中心|研究所)")


def _joint_institutes(text: str, spans: list[Span]) -> list[Span]:
    """Joint institutes a university and a partner name together with a dash, which the rules miss because 联合 ends
    a name's left context: the whole name, part of the partner named first."""
    out = list(spans)
    for span in spans:
        m = _JOINT_TAIL.match(text, span.end)
        if m is None or span.parent is not None or any(span.end < o.end <= m.end() for o in spans):
            continue
        span.absorbed = True  # who works at the joint institute is not placed at the partner too
        out.append(Span(span.start, m.end(), "Institution", clean(text[span.start : m.end()]), parent=span.name))
    return out


# the short name a text gives a unit in brackets right after it: 香港中文大学（中大）, …第一医院（以下简称“浙大一院”）
_SHORT_UNIT_ENDS = ("所", "院", "大", "中心", "实验室")
_ABBREVIATION = re.compile(r"[（(](?:以下)?(?:简称|下称)?[“\"]?(?P<short>[\u4e00-\u9fff]{2,6})[”\"]?[）)]")
# a unit between the short name and the unit named after it (中大|医学院|内科及药物治疗学系)
_MIDDLE_UNIT = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:学院|医院|研究所|研究院|中心)")


def _by_abbreviation(text: str, spans: list[Span]) -> list[Span]:
    """Units written after a unit's short name, or after the bracket that gives it, belong to that unit:
    香港中文大学（中大）医学院 and 中大医学院内科及药物治疗学系 are the Chinese University of Hong Kong's;
    浙大一院心内科 is the 心内科 of 浙江大学医学院附属第一医院, not any hospital's (the rules read 院心内科 or a bare
    心内科)."""
    owners: dict[str, Span] = {}  # short name -> the unit it stands for
    after: dict[int, Span] = {}  # where a bracket giving a short name ends -> that unit
    for span in spans:
        m = _ABBREVIATION.match(text, span.end)
        # a short name is made of the full name's characters (中大, 浙大一院), unlike a bracketed aside
        if m and set(m.group("short")) <= set(span.name) and m.group("short") != span.name:
            owners.setdefault(m.group("short"), span)
            after[m.end()] = span
    if not owners:
        return spans
    added: list[Span] = []
    patterns = {short: re.compile(re.escape(short)) for short in owners}
    for unit in spans:
        short = next((short for short in owners if text.startswith(short, unit.start)), None)
        if short is not None and unit is not owners[short]:
            # the rules read the short name as the head of a chain (南大医学院药理学系): the full name replaces it
            owner = owners[short]
            unit.name = owner.name + unit.name[len(short) :]
            unit.parent = owner.name + unit.parent[len(short) :] if unit.parent else owner.name
            continue
        if unit.start in after:
            owner, middle_end = after[unit.start], unit.start
        else:
            found = None
            for short, owner in owners.items():
                # the short name ends at the unit, inside it (院心内科), or before a middle unit (中大|医学院|…)
                for m in patterns[short].finditer(text, max(0, unit.start - 16), unit.end):
                    end = m.end()
                    if m.start() < unit.start <= end or (
                        end < unit.start and _MIDDLE_UNIT.fullmatch(text, end, unit.start)
                    ):
                        found = (owner, end)
            if found is None:
                continue
            owner, middle_end = found
        start = max(unit.start, middle_end)
        middle = text[middle_end : unit.start] if middle_end < unit.start else ""
        parent = owner.name
        if middle:
            parent = owner.name + middle
            if not any(s.name == parent for s in [*spans, *added]):
                added.append(Span(middle_end, unit.start, "Institution", parent, parent=owner.name))
        unit.start = start
        unit.name = parent + clean(text[start : unit.end])
        unit.parent = parent
    return spans + added + _short_mentions(text, [*spans, *added], owners, after)


def _short_mentions(text: str, spans: list[Span], owners: dict[str, Span], after: dict[int, Span]) -> list[Span]:
    """The short name a bracket gave (以下简称“某某所”) written alone later: a mention of the unit it stands for
    (某某所副研究员X), kept only where the short name ends in a unit word, as a body's short name does."""
    out: list[Span] = []
    for short, owner in owners.items():
        if not short.endswith(_SHORT_UNIT_ENDS):
            continue
        for m in re.finditer(re.escape(short), text):
            # (东岭一院心内科: a short name heading a unit is that unit's parent, read with it)
            if m.start() < min(after) or any(
                s.start <= m.start() < s.end or s.start == m.end() for s in [*spans, *out]
            ):
                continue
            if any(a - len(short) - 2 <= m.start() < a for a in after):
                continue  # the bracket that gives the short name
            span = Span(m.start(), m.end(), "Institution", owner.name, parent=owner.parent)
            span.meta["surface"] = short
            out.append(span)
    return out


_ENGLISH_BRACKET = re.compile(r"[（(][A-Z][A-Za-z.'’&,\s-]{2,80}[）)]")


def _chain_spans(text: str, segs: list[tuple[int, int]]) -> list[Span]:
    """Spans of one chain: the first unit, the full name of the second, labs and deeper units on their own."""
    out: list[Span] = []
    first = clean(text[segs[0][0] : segs[0][1]])
    top = Span(segs[0][0], segs[0][1], "Institution", first)
    top_ok = _valid(first)
    if top_ok:
        out.append(top)
    for k, (s, e) in enumerate(segs[1:], start=1):
        # (the English name of the body before it, in brackets, is no part of the unit's name)
        unit = clean(text[english.end() : e] if (english := _ENGLISH_BRACKET.match(text, s)) else text[s:e])
        if k == 1 and not _LAB.search(unit) and top_ok:
            out.append(Span(segs[0][0], e, "Institution", first + unit, parent=first))
            top.absorbed = True
        elif (
            k >= 2
            and out
            and out[-1].parent
            and (
                unit.startswith("附属")
                # a clinical department (胃外科, 胃肠外科中心) of the hospital or cancer centre before it
                or (out[-1].name.endswith(("医院", "中心")) and re.search(r"科(?:中心|病区)?$", unit) is not None)
                # a hospital's clinical centre, named short (体检中心, 透析中心): too short to stand alone
                or (out[-1].name.endswith("医院") and re.fullmatch(r"[\u4e00-\u9fff]{2,6}中心", unit) is not None)
            )
        ):
            # 浙江大学医学院附属第二医院: the hospital of the unit before it; 复旦大学附属中山医院神经内科: the
            # hospital's department
            full = out[-1]
            out.append(Span(full.start, e, "Institution", full.name + unit, parent=full.name))
            full.absorbed = True  # a person of the hospital or department is affiliated with it, not its parent too
        elif _valid(unit):
            # a lab named right after its host (上海交通大学金属基复合材料国家重点实验室), or a unit right after the
            # unit it belongs to (中国科学院深圳先进技术研究院生物医学与健康工程研究所): named on its own, and the whole
            # written form is an alias of it
            before = out[-1] if out and out[-1].end == s else None
            host = before if before is not None and (before is top or before.parent == first) else None
            parent, alias = (first if top_ok else None), None
            if host is top:
                alias = top.name + unit
            elif host is not None and not _LAB.search(host.name):
                parent, alias = host.name, host.name + unit
            unit_span = Span(s, e, "Institution", unit, parent=parent)
            unit_span.alias = alias
            out.append(unit_span)
    return out


# (科中心 is a centre of its own: 某某眼科中心)
_DEPARTMENT = re.compile(rf"[{CJK}]{{1,8}}科(?:病区)?")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def hospital_departments(text: str, spans: list[Span]) -> None:
    """In an item about one hospital, the clinical departments it names bare after the hospital in the same sentence
    (某医院骨科…在麻醉科、放射科的配合下) are that hospital's: named with it wherever written, part of it (the
    written form kept as an alias). A field listed elsewhere (研究领域涵盖心血管外科) names no department."""
    hospitals = {s.name for s in spans if s.name.endswith("医院")}
    if len(hospitals) != 1:
        return
    hospital = hospitals.pop()
    bare = [s for s in spans if s.parent is None and _DEPARTMENT.fullmatch(s.name) and _SUFFIX.search(s.name)]
    written = [s.start for s in spans if s.name.startswith(hospital)]
    placed = {
        s.name for s in bare if any(at < s.start and not _SENTENCE_END.search(text, at, s.start) for at in written)
    }
    for span in bare:
        if span.name in placed:
            span.meta.setdefault("surface", text[span.start : span.end])
            span.name, span.parent = hospital + span.name, hospital
