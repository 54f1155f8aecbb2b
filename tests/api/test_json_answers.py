"""Neighbourhoods and collaboration graphs are answered from the store's pre-serialised JSON: through real HTTP on
both stores, the bytes and headers are those FastAPI wrote from the models, and the OpenAPI document still describes
them with the ``SubGraph`` schema."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from kg.store.base import SubGraph
from kg.store.records_graph import EVIDENCE_PER_EDGE

SUBGRAPH: TypeAdapter[SubGraph] = TypeAdapter(SubGraph)


@pytest.mark.parametrize(
    ("who", "params"),
    [
        ("zhou", {}),
        ("zhou", {"depth": 2}),
        ("lin", {"depth": 3, "limit": 4}),
        ("lin", {"types": ["Award", "Institution"], "relations": ["affiliatedWith", "received"]}),
        ("nature", {"depth": 2}),
    ],
)
def test_neighbors_answer_the_models_json(client, loaded_store, ids, who: str, params: dict[str, Any]) -> None:
    entity = getattr(ids, who)
    response = client.get(f"/entities/{entity}/neighbors", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    store_params = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
    assert response.content == SUBGRAPH.dump_json(loaded_store.neighbors(entity, **store_params))
    assert response.headers["content-length"] == str(len(response.content))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"around": "zhou", "depth": 2},
        {"around": "lin", "since": "2025-01-01"},
        {"level": "institution", "rollup": "true"},
        {"limit": 1, "min_weight": 1, "until": "2025"},
        {"around": "zhou", "evidence": 0},
        {"around": "lin", "depth": 2, "evidence": 1},
        {"level": "institution", "evidence": 1_000_000},
    ],
)
def test_collaboration_answers_the_models_json(client, loaded_store, ids, params: dict[str, Any]) -> None:
    if "around" in params:
        params = {**params, "around": getattr(ids, params["around"])}
    response = client.get("/collaboration", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    store_params = {"evidence": EVIDENCE_PER_EDGE} | {
        k: (v == "true" if k == "rollup" else v) for k, v in params.items()
    }
    assert response.content == SUBGRAPH.dump_json(loaded_store.collaboration(**store_params))


def test_json_answers_keep_their_errors(client, problem) -> None:
    problem(client.get("/entities/researcher-000000000000/neighbors"), 404, "not-found")
    problem(client.get("/collaboration", params={"around": "researcher-000000000000"}), 404, "not-found")


@pytest.mark.parametrize(("path", "operation"), [("/entities/{entity_id}/neighbors", "get"), ("/collaboration", "get")])
def test_openapi_still_documents_the_subgraph(client, path: str, operation: str) -> None:
    schema = client.get("/openapi.json").json()
    answer = schema["paths"][path][operation]["responses"]["200"]["content"]["application/json"]
    assert answer["schema"] == {"$ref": "#/components/schemas/SubGraph"}
    assert "example" in answer or "examples" in answer
