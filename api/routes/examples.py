"""Example responses for the OpenAPI document (fictional people and institutions), one per read endpoint.

Each is validated against its response model by ``tests/api/test_openapi.py``, so the documentation cannot drift from
what the endpoints return.
"""

from __future__ import annotations

from typing import Any

_RESEARCHER = {
    "id": "researcher-5d1c0e2a9b47",
    "type": "Researcher",
    "name": "林晓风",
    "aliases": ["Lin Xiaofeng"],
    "labels": {"zh": "林晓风", "en": "Lin Xiaofeng"},
    "identifiers": {},
    "properties": {"degree": 7},
}
_INSTITUTION = {
    "id": "institution-0a1b2c3d4e5f",
    "type": "Institution",
    "name": "青川大学物理学院",
    "aliases": ["School of Physics, Qingchuan University"],
    "labels": {},
    "identifiers": {},
    "properties": {},
}
_EVIDENCE = {
    "item_id": "item-3f9a0c1b2d4e",
    "item_date": "2025-03-10",
    "start": 0,
    "end": 14,
    "sentence": "青川大学物理学院的林晓风教授与海岳研究所的周明远研究员合作……",
    "extractor_version": "kg-extract/0.1.0",
    "batch_id": "batch-7e6d5c4b3a29",
}
_EDGE = {
    "source": _RESEARCHER["id"],
    "target": _INSTITUTION["id"],
    "predicate": "affiliatedWith",
    "role": None,
    "year": None,
    "weight": None,
    "evidence": [_EVIDENCE],
}
_ITEM = {
    "id": "item-3f9a0c1b2d4e",
    "title": "青川大学在量子材料研究中取得进展",
    "text": "",
    "date": "2025-03-10",
    "source": "来源：青川大学新闻网",
    "url": None,
    "section": "科研成果",
    "lang": "zh",
    "file": None,
    "parent_title": None,
}
_BATCH = {
    "id": "batch-7e6d5c4b3a29",
    "created_at": "2026-11-27T09:00:00Z",
    "sources": ["newsletter-2025-04.txt"],
    "status": "committed",
    "counts": {"items": 12, "entities": 85, "relations": 140, "quarantined": 1},
    "validation": {"conforms": False, "violations": 1, "warnings": 3, "infos": 0, "quarantined_items": ["item-9"]},
}

SEARCH: dict[str, Any] = {
    "hits": [{"node": _RESEARCHER, "score": 1.0, "matched": "林晓风", "match": "exact"}],
    "next_cursor": "eyJvZmZzZXQiOiAyMH0",
}
NODE: dict[str, Any] = _INSTITUTION
ENTITY: dict[str, Any] = {
    "node": _RESEARCHER,
    "edges": [_EDGE],
    "neighbors": [_INSTITUTION],
    "items": [_ITEM],
    "merged_ids": [],
    "edges_total": 1,
    "items_total": 1,
    "truncated": False,
}
SUBGRAPH: dict[str, Any] = {"nodes": [_RESEARCHER, _INSTITUTION], "edges": [_EDGE]}
COLLABORATION: dict[str, Any] = {
    "nodes": [_RESEARCHER, {**_RESEARCHER, "id": "researcher-8e7f6a5b4c3d", "name": "周明远", "aliases": []}],
    "edges": [
        {
            "source": _RESEARCHER["id"],
            "target": "researcher-8e7f6a5b4c3d",
            "predicate": "collaboratedWith",
            "weight": 2,
            "evidence": [_EVIDENCE],
            "evidence_total": 2,
        }
    ],
}
PATHS: list[dict[str, Any]] = [{"nodes": [_RESEARCHER, _INSTITUTION], "edges": [_EDGE]}]
ITEMS: dict[str, Any] = {"items": [_ITEM], "next_cursor": None}
ITEM: dict[str, Any] = {
    "item": {**_ITEM, "text": "青川大学物理学院的林晓风教授……"},
    "entities": [_RESEARCHER, _INSTITUTION],
    "mentions": [
        {"entity_id": _INSTITUTION["id"], "start": 0, "end": 8, "text": "青川大学物理学院"},
        {"entity_id": _RESEARCHER["id"], "start": 9, "end": 12, "text": "林晓风"},
    ],
    "batch_ids": [_BATCH["id"]],
}
STATS: dict[str, Any] = {
    "nodes_by_type": {"Researcher": 1520, "Institution": 310, "Journal": 95, "Funder": 40, "Award": 22},
    "edges_by_predicate": {"affiliatedWith": 1800, "collaboratedWith": 2400},
    "items": 640,
    "top_researchers": [_RESEARCHER],
    "top_institutions": [{**_INSTITUTION, "properties": {"degree": 58}}],
    "batches": [_BATCH],
}
QUERY: dict[str, Any] = {"columns": ["name"], "rows": [["林晓风"], ["周明远"]], "truncated": False}
BATCH: dict[str, Any] = _BATCH
IMPORT: dict[str, Any] = {
    "dry_run": False,
    "batch": _BATCH,
    "report": {"conforms": True, "results": [], "counts": {"Violation": 0, "Warning": 0, "Info": 0}, "triples": 812},
    "new_entities": [_RESEARCHER["id"]],
    "new_relations": [[_RESEARCHER["id"], "affiliatedWith", _INSTITUTION["id"]]],
    "merges": [{"entity_id": _INSTITUTION["id"], "name": "青川大学物理学院", "new_aliases": [], "new_evidence": 2}],
    "quarantined": [],
    "result": {"nodes_created": 40, "relationships_created": 96, "evidence_added": 140},
}
BATCHES: list[dict[str, Any]] = [_BATCH]


def example(value: Any, description: str = "OK", status: int = 200) -> dict[int | str, dict[str, Any]]:
    """An OpenAPI ``responses`` entry with a JSON example."""
    return {status: {"description": description, "content": {"application/json": {"example": value}}}}
