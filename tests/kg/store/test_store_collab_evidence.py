"""Conformance: a collaboration edge lists a few of its evidence spans and counts them all, on both stores.

Two fictional researchers are reported together in five items, applied one batch each in an order that is not the
order of their dates, so "most recently added" and "latest by date" differ.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kg.ids import batch_id, entity_id, item_id
from kg.model import Entity, Evidence, Extraction, ImportBatch, NewsItem, Relation

FIRST = entity_id("Researcher", "Orla Penhallow")
SECOND = entity_id("Researcher", "Tamsin Quillfeather")
# in the order they are applied
DATES = ("2021-05-01", "2025-05-01", "2022-05-01", "2024-05-01", "2023-05-01")


def _batch(date: str) -> tuple[ImportBatch, list[Extraction]]:
    text = f"Orla Penhallow and Tamsin Quillfeather reported a new alloy on {date}."
    item = NewsItem(id=item_id(date, text), title=date, text=text, date=date, lang="en")
    evidence = Evidence(item_id=item.id, item_date=date, start=0, end=len(text), sentence=text)
    entities = [
        Entity(id=FIRST, type="Researcher", name="Orla Penhallow"),
        Entity(id=SECOND, type="Researcher", name="Tamsin Quillfeather"),
    ]
    relation = Relation(subject=FIRST, predicate="collaboratedWith", object=SECOND, evidence=evidence)
    batch = ImportBatch(id=batch_id([item.id], salt=date), created_at=datetime(2026, 1, 1, tzinfo=UTC), sources=["a"])
    return batch, [Extraction(item=item, entities=entities, relations=[relation])]


@pytest.fixture
def pair(store):  # noqa: ANN001, ANN201 - parametrised over both stores
    for date in DATES:
        store.apply(*_batch(date))
    return store


@pytest.mark.parametrize("around", [FIRST, SECOND, None])
@pytest.mark.parametrize(
    ("kwargs", "weight", "listed", "total"),
    [
        ({}, 5, sorted(DATES), None),
        # the last two added (2024, 2023), listed by date
        ({"evidence": 2}, 5, ["2023-05-01", "2024-05-01"], 5),
        ({"evidence": 0}, 5, [], 5),
        ({"evidence": 9}, 5, sorted(DATES), 5),
        # in the period, in stored order: 2025, 2022, 2024, 2023
        ({"evidence": 2, "since": "2022"}, 4, ["2023-05-01", "2024-05-01"], 4),
        ({"evidence": 1, "since": "2024-01-01"}, 2, ["2024-05-01"], 2),
        ({"evidence": 3, "until": "2022-12-31"}, 2, ["2021-05-01", "2022-05-01"], 2),
    ],
)
def test_collaboration_edge_lists_some_evidence_and_counts_all(
    pair,  # noqa: ANN001
    around: str | None,
    kwargs: dict,
    weight: int,
    listed: list[str],
    total: int | None,
) -> None:
    graph = pair.collaboration(around=around, **kwargs)
    assert [(e.source, e.target) for e in graph.edges] == [(FIRST, SECOND)]
    edge = graph.edges[0]
    assert (edge.weight, edge.evidence_total) == (weight, total)
    assert [ev.item_date for ev in edge.evidence] == listed
    assert all(ev.sentence.endswith(f"{ev.item_date}.") for ev in edge.evidence)


def test_collaboration_json_with_evidence_cut_is_the_models_json(pair) -> None:  # noqa: ANN001
    for kwargs in (
        {"evidence": 2},
        {"evidence": 0, "around": FIRST},
        {"evidence": 1, "around": SECOND, "since": "2022"},
    ):
        graph = pair.collaboration(**kwargs)
        assert pair.collaboration_json(**kwargs) == graph.model_dump_json().encode()
