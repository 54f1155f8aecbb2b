"""Synthetic science news with its extraction records, for benchmarks and load tests.

Every person and institution is FICTIONAL: names are assembled from common surname and given-name characters (Chinese)
or common first and last names (English) and invented place names, so no real person is described. Journals and
funders are drawn from short lists of generic names and carry no identifiers (an identifier must be right or absent).

The stream is deterministic by seed and lazy (``synth_extractions(n, seed)`` yields one record at a time, so memory is
flat in ``n``). Entities repeat across items with a skewed (Zipf-like) distribution, as in real newsletters: a few
universities, journals and funders appear everywhere, most researchers a few times. Each researcher has a stable home
institution, so affiliations repeat too.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from kg.ids import entity_id, item_id
from kg.model import Entity, EntityType, Evidence, Extraction, Mention, NewsItem, Predicate, Relation, Role

SYNTH_EXTRACTOR = "kg-synth/0.1.0"

_ZH_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
_ZH_GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建文辉力永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"  # noqa: E501
_ZH_PLACES = [
    "东澜",
    "青岚",
    "北溟",
    "南屿",
    "西岭",
    "云澄",
    "临川",
    "澄海",
    "星河",
    "松原",
    "汀州",
    "白鹭",
    "沧澜",
    "曦和",
    "玉衡",
]
_ZH_KINDS = ["大学", "理工大学", "师范大学", "科技大学", "医科大学", "农业大学", "研究院"]
_ZH_SCHOOLS = ["化学学院", "物理学院", "生命科学学院", "材料科学与工程学院", "信息科学技术学院", "医学院", "环境学院"]
_EN_FIRST = [
    "Alice",
    "Ben",
    "Clara",
    "David",
    "Elena",
    "Felix",
    "Grace",
    "Hugo",
    "Iris",
    "Jonas",
    "Kara",
    "Liam",
    "Maya",
    "Noah",
    "Olive",
    "Paul",
    "Quinn",
    "Rosa",
]
_EN_LAST = [
    "Abbott",
    "Brennan",
    "Castell",
    "Dorsey",
    "Ellery",
    "Fairbank",
    "Galloway",
    "Hartwell",
    "Ingram",
    "Jessop",
    "Kettering",
    "Lowell",
    "Marlow",
    "Northcott",
    "Oakley",
    "Pembroke",
    "Quarles",
    "Radley",
    "Stanton",
    "Thorne",
    "Underhill",
    "Vance",
    "Whitcombe",
    "Yardley",
]
_EN_PLACES = [
    "Northbridge",
    "Westmoor",
    "Eastvale",
    "Southport",
    "Ashford",
    "Brookhaven",
    "Cedarfield",
    "Dunmore",
    "Elmstead",
    "Fernhill",
    "Glenrock",
    "Highcliff",
    "Ivybridge",
    "Juniper Bay",
    "Kingsmere",
]
_EN_KINDS = ["University of {}", "{} Institute of Technology", "{} University", "{} College of Science"]
_JOURNALS = [
    "Nature",
    "Science",
    "Cell",
    "Nature Communications",
    "Science Advances",
    "PNAS",
    "Physical Review Letters",
    "Journal of the American Chemical Society",
    "Angewandte Chemie",
    "Advanced Materials",
    "The Lancet",
    "Nature Materials",
    "Nature Energy",
    "Cell Research",
    "National Science Review",
]
_FUNDERS_ZH = ["国家自然科学基金", "国家重点研发计划", "中国博士后科学基金", "省自然科学基金"]
_FUNDERS_EN = ["National Science Foundation", "European Research Council", "Wellcome Trust", "Royal Society"]
_AWARDS_ZH = ["青年科学奖", "自然科学奖一等奖", "科技进步奖", "青年创新奖", "杰出学者奖"]
_AWARDS_EN = ["Young Investigator Award", "Frontier Science Prize", "Early Career Medal", "Innovation Prize"]
_TOPICS_ZH = [
    "高效催化剂",
    "钙钛矿太阳能电池",
    "量子纠缠光源",
    "肿瘤免疫疗法",
    "固态电池电解质",
    "深海微生物",
    "二维材料",
]
_TOPICS_EN = ["an efficient catalyst", "perovskite solar cells", "a quantum light source", "tumour immunotherapy",
              "solid-state electrolytes", "deep-sea microbes", "two-dimensional materials"]  # fmt: skip


@functools.lru_cache(maxsize=200_000)
def _entity_id(kind: str, name: str) -> str:
    """Entity ids repeat a lot in the stream; hashing each name once keeps generation fast."""
    return entity_id(kind, name)


def _zipf_table(size: int, exponent: float) -> list[float]:
    """Cumulative weights of ranks 1..size under a Zipf law."""
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, size + 1)))


def _pick(rng: random.Random, table: list[float]) -> int:
    return bisect.bisect_left(table, rng.random() * table[-1])


@dataclass(frozen=True)
class _Institution:
    name: str
    parent: str | None  # name of the university a school belongs to
    lang: str


class _World:
    """The fictional population, derived lazily and deterministically from the seed."""

    def __init__(self, seed: int, n_items: int) -> None:
        self.seed = seed
        rng = random.Random(seed)
        self.universities_zh = [p + k for p in _ZH_PLACES for k in _ZH_KINDS]
        self.universities_en = [k.format(p) for p in _EN_PLACES for k in _EN_KINDS]
        rng.shuffle(self.universities_zh)
        rng.shuffle(self.universities_en)
        # a fixed population, so a longer stream starts with the same items as a shorter one (same seed)
        self.n_researchers = 50_000
        self.inst_table = {
            "zh": _zipf_table(len(self.universities_zh), 1.1),
            "en": _zipf_table(len(self.universities_en), 1.1),
        }
        self.researcher_table = _zipf_table(self.n_researchers, 1.0)
        self.journal_table = _zipf_table(len(_JOURNALS), 1.0)

    def researcher(self, index: int, lang: str) -> tuple[str, _Institution]:
        """Name and home institution of researcher ``index`` (stable for the seed)."""
        rng = random.Random(self.seed * 1_000_003 + index * 2 + (lang == "en"))
        if lang == "zh":
            name = rng.choice(_ZH_SURNAMES) + rng.choice(_ZH_GIVEN) + rng.choice(_ZH_GIVEN)
            university = self.universities_zh[_pick(rng, self.inst_table["zh"])]
            if rng.random() < 0.6:
                return name, _Institution(university + rng.choice(_ZH_SCHOOLS), university, lang)
            return name, _Institution(university, None, lang)
        name = f"{rng.choice(_EN_FIRST)} {rng.choice(_EN_LAST)}"
        if rng.random() < 0.5:
            name = f"{name.split()[0]} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {name.split()[1]}"
        return name, _Institution(self.universities_en[_pick(rng, self.inst_table["en"])], None, lang)


class _Writer:
    """Builds an item's text piece by piece, recording mention spans and sentence spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.mentions: dict[tuple[str, str], list[Mention]] = {}
        self.sentence_start = 0

    def say(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def name(self, kind: str, name: str) -> None:
        self.mentions.setdefault((kind, name), []).append(
            Mention.model_construct(start=self.length, end=self.length + len(name), text=name)
        )
        self.say(name)

    def end_sentence(self, stop: str) -> tuple[int, int]:
        self.say(stop)
        span = (self.sentence_start, self.length)
        self.sentence_start = self.length
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _item(world: _World, index: int) -> Extraction:
    rng = random.Random(world.seed * 7_919 + index)
    lang = "zh" if rng.random() < 0.7 else "en"
    zh = lang == "zh"
    people = sorted({_pick(rng, world.researcher_table) for _ in range(rng.choice((1, 2, 2, 3, 4)))})
    researchers = [world.researcher(p, lang) for p in people]
    topic = rng.choice(_TOPICS_ZH if zh else _TOPICS_EN)
    journal = _JOURNALS[_pick(rng, world.journal_table)]
    funder = rng.choice(_FUNDERS_ZH if zh else _FUNDERS_EN) if rng.random() < 0.6 else None
    award = rng.choice(_AWARDS_ZH if zh else _AWARDS_EN) if rng.random() < 0.2 else None
    year = 2020 + rng.randrange(6)
    date = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    publication = f"{topic} study {world.seed}-{index}" if not zh else f"{topic}研究（{world.seed}-{index}）"
    w = _Writer()
    facts: list[tuple[str, str, str, str, str, str, str | None, int | None, tuple[int, int]]] = []

    def fact(sk: str, sn: str, pred: str, ok: str, on: str, span: tuple[int, int], role: str | None = None,
             yr: int | None = None) -> None:  # fmt: skip
        facts.append((sk, sn, pred, ok, on, "", role, yr, span))

    lead, lead_inst = researchers[0]
    # sentence 1: affiliations and collaboration
    for i, (name, inst) in enumerate(researchers):
        if i:
            w.say("与" if zh else " and ")
        w.name("Institution", inst.name)
        w.say("" if zh else " researcher ")
        w.name("Researcher", name)
    w.say("团队合作，在" if zh else " led a study on ")
    w.say(topic)
    w.say("方面取得进展" if zh else "")
    span = w.end_sentence("。" if zh else ". ")
    for i, (name, inst) in enumerate(researchers):
        fact("Researcher", name, "affiliatedWith", "Institution", inst.name, span)
        if i:
            fact("Researcher", lead, "collaboratedWith", "Researcher", name, span)
    # sentence 2: publication
    w.say("相关成果以" if zh else "The results, published as ")
    w.name("Publication", publication)
    w.say("为题发表于" if zh else " in ")
    w.name("Journal", journal)
    w.say("，" if zh else ", name ")
    w.name("Researcher", lead)
    span = w.end_sentence("为通讯作者。" if zh else " as corresponding author. ")
    fact("Researcher", lead, "authorOf", "Publication", publication, span, role="corresponding")
    fact("Publication", publication, "publishedIn", "Journal", journal, span)
    if funder:
        w.say("研究得到" if zh else "The work was funded by the ")
        w.name("Funder", funder)
        span = w.end_sentence("资助。" if zh else ". ")
        fact("Publication", publication, "fundedBy", "Funder", funder, span)
    if lead_inst.parent:
        w.name("Institution", lead_inst.name)
        w.say("隶属于")
        w.name("Institution", lead_inst.parent)
        span = w.end_sentence("。")
        fact("Institution", lead_inst.name, "partOf", "Institution", lead_inst.parent, span)
    if award:
        w.name("Researcher", lead)
        w.say(f"曾于{year}年获得" if zh else f" received the {year} ")
        w.name("Award", award)
        span = w.end_sentence("。" if zh else ". ")
        fact("Researcher", lead, "received", "Award", award, span, yr=year)
    text = w.text.rstrip()
    title = (f"{lead_inst.name}在{topic}研究中取得进展" if zh else f"{lead_inst.name} advances {topic}")[:80]
    item = NewsItem.model_construct(
        id=item_id(title, text), title=title, text=text, date=date, source="合成新闻" if zh else "Synthetic News",
        url=None, section="科研进展" if zh else "Research", lang="zh" if zh else "en", file=f"synth-{world.seed}.jsonl",
        parent_title=None,
    )  # fmt: skip
    entities = [
        Entity.model_construct(
            id=_entity_id(kind, name),
            type=cast(EntityType, kind),
            name=name,
            aliases=[],
            labels={},
            identifiers={},
            mentions=spans,
        )
        for (kind, name), spans in w.mentions.items()
    ]
    relations = []
    for sk, sn, pred, ok, on, _, role, yr, (start, end) in facts:
        end = min(end, len(text))
        relations.append(
            Relation.model_construct(
                subject=_entity_id(sk, sn),
                predicate=cast(Predicate, pred),
                object=_entity_id(ok, on),
                role=cast(Role | None, role),
                year=yr,
                evidence=Evidence.model_construct(
                    item_id=item.id,
                    item_date=date,
                    start=start,
                    end=end,
                    sentence=text[start:end].strip(),
                    extractor_version=SYNTH_EXTRACTOR,
                    batch_id=None,
                ),
            )  # fmt: skip
        )
    return Extraction.model_construct(item=item, entities=entities, relations=relations)


def synth_extractions(n: int, seed: int = 0) -> Iterator[Extraction]:
    """``n`` synthetic news items with their extraction records, one at a time, deterministic by ``seed``."""
    world = _World(seed, n)
    for index in range(n):
        yield _item(world, index)
