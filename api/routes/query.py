"""``POST /query/cypher``: read-only Cypher for power users, with the configured time limit and row cap.

Read-only is enforced by the store (a read transaction on Neo4j, refusal of write clauses on both); a write attempt
surfaces as ``WriteForbidden`` and answers 403 with the reason.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.routes import COMMON, AppSettings, Store, problems
from api.routes import examples as ex
from api.routes.examples import example
from kg.store.base import QueryResult

router = APIRouter(tags=["query"])


class CypherQuery(BaseModel):
    """A read-only Cypher query and its parameters."""

    query: str = Field(min_length=1, max_length=20_000)
    params: dict[str, Any] = Field(default_factory=dict)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "query": "MATCH (r:Researcher)-[:affiliatedWith]->(i:Institution) WHERE i.id = $id "
                    "RETURN r.name LIMIT 10",
                    "params": {"id": "institution-0a1b2c3d4e5f"},
                }
            ]
        }
    }


@router.post(
    "/query/cypher",
    response_model=QueryResult,
    summary="Run read-only Cypher (time limit and row cap from the settings)",
    responses={**example(ex.QUERY), **problems(400, 403, 408, *COMMON)},
)
def cypher(store: Store, settings: AppSettings, body: CypherQuery) -> QueryResult:
    """Columns and rows; ``truncated`` is true when the row cap cut the result."""
    return store.read_query(body.query, body.params, timeout=settings.query_timeout, row_limit=settings.query_row_limit)
