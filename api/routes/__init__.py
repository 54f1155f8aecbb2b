"""The API's routers, one module per group of endpoints, and the dependencies they share.

Routes reach the store and the settings through ``request.app.state`` (set by :func:`api.app.create_app`), so one
process can hold several apps (tests) and nothing is read at import time.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from api.problems import PROBLEM_MEDIA_TYPE, Problem
from kg.settings import Settings
from kg.store.base import GraphStore


# async although they never wait: FastAPI runs a plain ``def`` dependency in its thread pool, a thread hand-off (and
# back) per request for an attribute read
async def get_store(request: Request) -> GraphStore:
    """The app's graph store."""
    return request.app.state.store  # type: ignore[no-any-return]


async def get_settings(request: Request) -> Settings:
    """The app's settings."""
    return request.app.state.settings  # type: ignore[no-any-return]


#: the media type FastAPI gives a model it serialised itself; routes answering pre-serialised JSON say the same
JSON_MEDIA_TYPE = "application/json"

Store = Annotated[GraphStore, Depends(get_store)]
AppSettings = Annotated[Settings, Depends(get_settings)]

_REASONS = {
    400: "a parameter value is wrong (e.g. an invalid cursor)",
    401: "no API key was sent",
    403: "the API key is wrong, or the query tries to write",
    404: "no such entity, item or batch",
    406: "the Accept header asks for a format this endpoint does not produce",
    408: "the query ran past the time limit",
    409: "the operation contradicts the stored state",
    413: "the upload is larger than the configured limit",
    422: "a parameter or body field is missing or invalid",
    429: "too many requests; see Retry-After",
    503: "the graph store is unavailable",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the problem statuses an endpoint can answer."""
    return {
        status: {
            "model": Problem,
            "description": _REASONS.get(status, "error"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }


#: statuses every endpoint may answer
COMMON = (422, 429, 503)
#: statuses of the curator endpoints on top of those
CURATOR = (401, 403)
