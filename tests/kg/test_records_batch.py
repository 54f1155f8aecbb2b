"""The batched row-to-model builders of ``kg.store.records`` give exactly the models of the one-by-one ones."""

from __future__ import annotations

import json

from kg.model import Evidence
from kg.store.records import edge_from_props, edges_from_facts, node_from_props, nodes_from_props, parse_evidence
from kg.store.records_graph import Hop, walk_edge, walk_edges


def _evidence(item: str, start: int, date: str | None = "2025-03-10") -> str:
    return json.dumps(
        {
            "item_id": item,
            "item_date": date,
            "start": start,
            "end": start + 3,
            "sentence": "林晓风与周明远合作。",
            "extractor_version": "test/1",
            "batch_id": "batch-1",
        },
        ensure_ascii=False,
    )


FACTS = [
    ("researcher-a", "institution-b", "AFFILIATED_WITH", {"role": "教授", "evidence": [_evidence("i1", 0)]}),
    ("researcher-a", "researcher-c", "COLLABORATED_WITH", {"evidence": [_evidence(f"i{n}", n) for n in range(5)]}),
    ("researcher-a", "award-d", "RECEIVED", {"year": 2024, "evidence": []}),
    ("researcher-c", "award-d", "RECEIVED", {"year": 2024, "evidence": [_evidence("i9", 1, None)]}),
]


def test_edges_from_facts_equal_one_edge_at_a_time() -> None:
    assert edges_from_facts(FACTS) == [edge_from_props(*fact) for fact in FACTS]
    assert edges_from_facts([]) == []


def test_parse_evidence_equals_model_validate_json_of_each() -> None:
    values = [_evidence("i1", 0), _evidence("i2", 4, None)]
    assert parse_evidence(values) == [Evidence.model_validate_json(v) for v in values]
    assert parse_evidence([]) == []


def test_walk_edges_equal_walk_edge_of_each_hop() -> None:
    hops = [Hop(src, dst, rtype, props, "Researcher", {"id": dst}) for src, dst, rtype, props in FACTS]
    cut = Hop("a", "b", "RECEIVED", {"evidence": [_evidence("i1", 0)], "evidence_total": 7}, "Award", {"id": "b"})
    hops.append(cut)
    assert walk_edges(hops) == [walk_edge(h) for h in hops]
    assert walk_edges(hops)[-1].evidence_total == 7
    assert walk_edges(hops)[1].evidence_total == 5 and len(walk_edges(hops)[1].evidence) == 3


def test_nodes_from_props_equal_node_from_props_of_each() -> None:
    nodes = [
        ("Researcher", {"id": "researcher-a", "name": "林晓风", "aliases": ["Lin Xiaofeng"], "identifiers": "{}"}),
        (
            "Journal",
            {"id": "journal-n", "name": "自然", "name_en": "Nature", "identifiers": '{"issn_l": "0028-0836"}'},
        ),
        ("Institution", {"id": "institution-b", "name": "青川大学", "name_zh": "青川大学", "identifiers": None}),
        ("NewsItem", {"id": "item-1", "title": "标题", "date": "2025-03-10", "lang": "zh"}),
    ]
    assert nodes_from_props(nodes) == [node_from_props(label, props) for label, props in nodes]
