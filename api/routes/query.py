"""``POST /query/cypher``: read-only Cypher for power users, with the configured time limit and row cap.

Read-only is enforced by the store (a read transaction on Neo4j, refusal of write clauses on both); a write attempt
surfaces as ``WriteForbidden`` and answers 403 with the reason.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, BeforeValidator, Field, StringConstraints

from api.routes import COMMON, AppSettings, Store, problems
from api.routes import examples as ex
from api.routes.examples import example
from kg.store.base import QueryResult

router = APIRouter(tags=["query"])


# Parameter values both databases take: scalars (integers in 64 bits) and lists of one scalar type. Checked here so
# a value a driver cannot encode is the client's 422, not a server error.
_INT64 = range(-(2**63), 2**63)


def _no_big_ints(value: object) -> object:
    """Refuse integers beyond 64 bits before pydantic would quietly make them floats."""
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, int) and not isinstance(v, bool) and v not in _INT64:
            raise ValueError("integers must fit in 64 bits")
    return value


ParamValue = Annotated[
    str | int | float | bool | None | list[str] | list[int] | list[float] | list[bool], BeforeValidator(_no_big_ints)
]
ParamName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]


class CypherQuery(BaseModel):
    """A read-only Cypher query and its parameters (``$name`` in the query)."""

    query: str = Field(min_length=1, max_length=20_000)
    params: dict[ParamName, ParamValue] = Field(
        default_factory=dict, max_length=100, description="strings, 64-bit integers, floats, booleans, null, or lists"
    )

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
