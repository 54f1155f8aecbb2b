"""Scoring on small hand-made gold/prediction pairs whose scores are known."""

from __future__ import annotations

from typing import Any

import pytest

from ingest.evaluation import align_items, score


def _gold_entity(name: str, aliases: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    return {"name": name, "aliases": aliases or [name], **extra}


GOLD: dict[str, Any] = {
    "items": [
        {
            "id": "g1",
            "title": "发现新型量子材料",
            "entities": {
                "Researcher": [_gold_entity("张明远"), _gold_entity("罗安娜", ["罗安娜", "Anna Rossi"])],
                "Institution": [_gold_entity("星河大学"), _gold_entity("云岭大学", optional=True)],
                "Journal": [_gold_entity("Nature", ["Nature", "自然"])],
                "Publication": [_gold_entity("Quantum widgets in layered crystals")],
                "Person_other": [_gold_entity("王建国")],
                "Organization_other": [_gold_entity("沧澜研究中心", alt_types=["Institution"])],
            },
            "relations": [
                {"subject": "张明远", "predicate": "affiliatedWith", "object": "星河大学"},
                {"subject": "张明远", "predicate": "collaboratedWith", "object": "罗安娜"},
                {"subject": "罗安娜", "predicate": "affiliatedWith", "object": "星河大学", "optional": True},
                {"subject": "星河大学", "predicate": "collaboratedWith", "object": "云岭大学", "scope": "extended"},
            ],
        },
        {"id": "g2", "title": "教育部发布通知", "entities": {"Person_other": [_gold_entity("李红")]}, "relations": []},
        {
            "id": "g3",
            "title": "一篇没有对上的新闻",
            "entities": {"Funder": [_gold_entity("某某基金")]},
            "relations": [],
        },
    ]
}


def _entity(eid: str, etype: str, name: str, aliases: list[str] | None = None) -> dict[str, Any]:
    return {"id": eid, "type": etype, "name": name, "aliases": aliases or []}


PREDICTED: list[dict[str, Any]] = [
    {
        "id": "p1",
        "title": "发现新型量子材料 ",
        "entities": [
            _entity("r1", "Researcher", "张明远"),
            _entity("r2", "Researcher", "Anna Rossi"),  # matched through the gold alias
            _entity("r3", "Researcher", "王建国"),  # an official: a false positive
            _entity("i1", "Institution", "星河大学"),
            _entity("i2", "Institution", "云岭大学"),  # optional: neither way
            _entity("i3", "Institution", "沧澜研究中心"),  # alt type of an unscored gold entity: neither way
            _entity("j1", "Journal", "自然"),
            _entity("p1", "Publication", "Quantum widgets in layered crystal"),  # similarity >= 0.9
        ],
        "relations": [
            {"subject": "r1", "predicate": "affiliatedWith", "object": "i1"},
            {"subject": "r2", "predicate": "collaboratedWith", "object": "r1"},  # symmetric
            {"subject": "r2", "predicate": "affiliatedWith", "object": "i1"},  # optional: neither way
            {"subject": "i1", "predicate": "collaboratedWith", "object": "i2"},  # extended: neither way
            {"subject": "r1", "predicate": "authorOf", "object": "p1"},  # not in the gold: false positive
        ],
    },
    {"id": "p2", "title": "教育部发布通知", "entities": [_entity("r9", "Researcher", "李红")], "relations": []},
    {"id": "p3", "title": "完全无关的另一条", "entities": [_entity("x", "Funder", "不计分基金")], "relations": []},
]


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return score(GOLD, PREDICTED).as_dict()


@pytest.mark.parametrize(
    ("table", "key", "tp", "fp", "fn"),
    [
        ("entities", "Researcher", 2, 2, 0),
        ("entities", "Institution", 1, 0, 0),
        ("entities", "Journal", 1, 0, 0),
        ("entities", "Publication", 1, 0, 0),
        ("entities", "Funder", 0, 0, 1),  # the unaligned gold item's facts are missed; p3 counts neither way
        ("relations", "affiliatedWith", 1, 0, 0),
        ("relations", "collaboratedWith", 1, 0, 0),
        ("relations", "authorOf", 0, 1, 0),
    ],
)
def test_evaluation_counts(report: dict[str, Any], table: str, key: str, tp: int, fp: int, fn: int) -> None:
    counts = report[table][key]
    assert (counts["tp"], counts["fp"], counts["fn"]) == (tp, fp, fn)


def test_evaluation_micro_average(report: dict[str, Any]) -> None:
    entities = report["entities_overall"]
    assert (entities["tp"], entities["fp"], entities["fn"]) == (5, 2, 1)
    assert entities["precision"] == pytest.approx(5 / 7, abs=1e-4)
    assert entities["recall"] == pytest.approx(5 / 6, abs=1e-4)
    assert entities["f1"] == pytest.approx(2 * (5 / 7) * (5 / 6) / (5 / 7 + 5 / 6), abs=1e-4)


def test_evaluation_researchers_in_items_naming_none(report: dict[str, Any]) -> None:
    assert report["researchers_in_items_naming_none"] == {"g2": ["李红"]}
    assert report["items"]["unaligned_gold"] == ["g3"]


def test_evaluation_repeated_prediction_counts_once() -> None:
    gold = {
        "items": [{"id": "g", "title": "标题", "entities": {"Researcher": [_gold_entity("张三")]}, "relations": []}]
    }
    pred = [
        {
            "id": "p",
            "title": "标题",
            "entities": [_entity("a", "Researcher", "张三"), _entity("b", "Researcher", "张 三")],
        }
    ]
    counts = score(gold, pred).as_dict()["entities"]["Researcher"]
    assert (counts["tp"], counts["fp"], counts["fn"]) == (1, 0, 0)


@pytest.mark.parametrize(
    ("gold", "predicted", "pairs"),
    [
        (["发现新型量子材料"], ["发现新型量子材料（图）"], [(0, 0)]),  # containment
        (["Quantum leap in batteries"], ["quantum leap in  batteries!"], [(0, 0)]),  # case, space, punctuation
        (["完全不同的标题"], ["另一条新闻"], []),
        (["标题一号", "标题二号"], ["标题二号", "标题一号"], [(0, 1), (1, 0)]),  # one-to-one, best pairs first
    ],
)
def test_evaluation_align_items(gold: list[str], predicted: list[str], pairs: list[tuple[int, int]]) -> None:
    assert sorted(align_items(gold, predicted)) == pairs
