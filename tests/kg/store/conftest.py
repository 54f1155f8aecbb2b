"""Hand-built extraction records for the store conformance suite (fictional people, Chinese and English).

Three items: A (zh, 2024-03-05), B (en, 2024-06-10), C (zh, 2025-01-20). Mentions and evidence spans are computed
from the texts, so offsets are real. Tests build batches from any subset with :func:`batch_of`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from kg.ids import batch_id, entity_id, item_id
from kg.model import Entity, Evidence, Extraction, ImportBatch, Mention, NewsItem, Relation

# key -> (type, name, aliases, labels, identifiers)
ENTITIES: dict[str, tuple[str, str, list[str], dict[str, str], dict[str, str]]] = {
    "lin": (
        "Researcher",
        "林晓明",
        ["Lin Xiaoming"],
        {"zh": "林晓明", "en": "Lin Xiaoming"},
        {"orcid": "0000-0002-1825-0097"},
    ),
    "wang": ("Researcher", "王建国", [], {}, {}),
    "alice": ("Researcher", "Alice Moreau", [], {}, {}),
    "dhut": (
        "Institution",
        "东海理工大学",
        ["Donghai University of Technology"],
        {"zh": "东海理工大学", "en": "Donghai University of Technology"},
        {"wikidata": "Q4115189"},
    ),
    "chem": ("Institution", "东海理工大学化学学院", ["化学学院"], {}, {}),
    "north": ("Institution", "Northbridge Institute of Technology", [], {}, {}),
    "nature": ("Journal", "Nature", ["自然"], {"zh": "自然", "en": "Nature"}, {"issn_l": "0028-0836"}),
    "nsfc": ("Funder", "国家自然科学基金", [], {}, {"crossref_funder": "501100001809"}),
    "award": ("Award", "青年科学奖", ["Young Scientist Prize"], {}, {}),
    "pub": ("Publication", "Catalytic splitting of water", [], {}, {"doi": "10.5555/12345678"}),
}


def eid(key: str) -> str:
    """The entity id of a test entity."""
    kind, name, *_ = ENTITIES[key]
    return entity_id(kind, name)


# key -> (title, date, lang, text, entity keys, relations (subject, predicate, object, role, year, sentence index))
ITEMS: dict[str, tuple[str, str, str, str, list[str], list[tuple[str, str, str, str | None, int | None, int]]]] = {
    "A": (
        "东海理工大学化学学院在Nature发表催化论文",
        "2024-03-05",
        "zh",
        "东海理工大学化学学院林晓明教授与王建国研究员合作，在Nature发表论文Catalytic splitting of water。"
        "研究得到国家自然科学基金资助。王建国任职于东海理工大学。化学学院隶属东海理工大学。",
        ["lin", "wang", "dhut", "chem", "nature", "nsfc", "pub"],
        [
            ("lin", "affiliatedWith", "chem", None, None, 0),
            ("lin", "collaboratedWith", "wang", None, None, 0),
            ("lin", "authorOf", "pub", "corresponding", None, 0),
            ("pub", "publishedIn", "nature", None, None, 0),
            ("pub", "fundedBy", "nsfc", None, None, 1),
            ("wang", "affiliatedWith", "dhut", None, None, 2),
            ("chem", "partOf", "dhut", None, None, 3),
        ],
    ),
    "B": (
        "Donghai and Northbridge researchers co-lead a study",
        "2024-06-10",
        "en",
        "Lin Xiaoming of Donghai University of Technology and Alice Moreau of Northbridge Institute of Technology "
        "co-led the study. Lin Xiaoming received the Young Scientist Prize in 2024. "
        "Donghai University of Technology and Northbridge Institute of Technology signed a research partnership.",
        ["lin", "alice", "dhut", "north", "award"],
        [
            ("lin", "collaboratedWith", "alice", None, None, 0),
            ("lin", "affiliatedWith", "dhut", None, None, 0),
            ("alice", "affiliatedWith", "north", None, None, 0),
            ("lin", "received", "award", None, 2024, 1),
            ("north", "collaboratedWith", "dhut", None, None, 2),
        ],
    ),
    "C": (
        "林晓明与王建国再度合作",
        "2025-01-20",
        "zh",
        "林晓明与王建国再度合作，成果发表于Nature。王建国获青年科学奖。",
        ["lin", "wang", "nature", "award"],
        [
            ("wang", "collaboratedWith", "lin", None, None, 0),
            ("wang", "received", "award", None, None, 1),
        ],
    ),
}

_SENTENCE = re.compile(r"[^。.!?！？]+[。.!?！？]?")


def _surfaces(key: str) -> list[str]:
    _, name, aliases, labels, _ = ENTITIES[key]
    return sorted({name, *aliases, *labels.values()}, key=len, reverse=True)


def record(key: str) -> Extraction:
    """The extraction record of test item ``key`` (A, B or C)."""
    title, date, lang, text, entity_keys, relations = ITEMS[key]
    item = NewsItem(id=item_id(title, text), title=title, text=text, date=date, lang=lang, source="测试来源")
    entities = []
    for ek in entity_keys:
        kind, name, aliases, labels, identifiers = ENTITIES[ek]
        mentions = [
            Mention(start=m.start(), end=m.end(), text=m.group(0))
            for surface in _surfaces(ek)
            for m in re.finditer(re.escape(surface), text)
        ]
        entities.append(
            Entity(
                id=eid(ek),
                type=kind,  # type: ignore[arg-type]
                name=name,
                aliases=aliases,
                labels=labels,
                identifiers=identifiers,
                mentions=mentions,
            )
        )
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group(0).strip()]
    out = []
    for subject, predicate, obj, role, year, index in relations:
        start, end = sentences[index]
        out.append(
            Relation(
                subject=eid(subject),
                predicate=predicate,  # type: ignore[arg-type]
                object=eid(obj),
                role=role,  # type: ignore[arg-type]
                year=year,
                evidence=Evidence(
                    item_id=item.id, item_date=date, start=start, end=end, sentence=text[start:end].strip()
                ),
            )
        )
    return Extraction(item=item, entities=entities, relations=out)


def batch_of(*keys: str, salt: str = "") -> tuple[ImportBatch, list[Extraction]]:
    """A pending batch over the given test items, and their records."""
    records = [record(k) for k in keys]
    batch = ImportBatch(
        id=batch_id([r.item.id for r in records], salt=salt),
        created_at=datetime(2026, 1, 1, 12, 0, tzinfo=UTC),
        sources=[f"test-{''.join(keys)}.txt"],
        counts={"items": len(records)},
    )
    return batch, records


@pytest.fixture
def loaded(store):  # noqa: ANN001, ANN201 - the store fixture is parametrised over both stores
    """The store with items A, B and C applied as one batch."""
    batch, records = batch_of("A", "B", "C")
    store.apply(batch, records)
    return store
