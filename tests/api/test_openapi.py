"""The OpenAPI document: every operation shows an example, and the examples are valid responses."""

from __future__ import annotations

import json

import pytest
from pydantic import TypeAdapter

from api.routes import examples as ex
from kg.model import ImportBatch
from kg.store.base import EntityDetail, ItemDetail, ItemPage, Node, Path, QueryResult, SearchPage, Stats, SubGraph


@pytest.mark.parametrize(
    ("value", "model"),
    [
        (ex.SEARCH, SearchPage),
        (ex.NODE, Node),
        (ex.ENTITY, EntityDetail),
        (ex.SUBGRAPH, SubGraph),
        (ex.COLLABORATION, SubGraph),
        (ex.PATHS, list[Path]),
        (ex.ITEMS, ItemPage),
        (ex.ITEM, ItemDetail),
        (ex.STATS, Stats),
        (ex.QUERY, QueryResult),
        (ex.BATCH, ImportBatch),
        (ex.BATCHES, list[ImportBatch]),
    ],
)
def test_openapi_examples_are_valid_responses(value, model) -> None:
    TypeAdapter(model).validate_python(value, strict=False)


def test_openapi_every_operation_has_an_example(client) -> None:
    schema = client.get("/openapi.json").json()
    missing = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if path.startswith("/problems/") or path == "/health" or path == "/export":
                continue  # self-describing: a problem type, the store's report, a file download
            if "analytics" in operation.get("tags", []):
                continue  # the explorer's endpoints (api/routes/analytics.py), documented by their owner
            text = json.dumps(operation)
            if '"example"' not in text and '"examples"' not in text:
                missing.append(f"{method.upper()} {path}")
    assert not missing, f"operations without an example: {missing}"
