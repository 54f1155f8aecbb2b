"""Graph endpoints: the collaboration network and shortest paths."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.routes import COMMON, JSON_MEDIA_TYPE, Store, problems
from api.routes import examples as ex
from api.routes.examples import example
from kg.errors import UsageError
from kg.store.base import Path, SubGraph
from kg.store.records_graph import EVIDENCE_PER_EDGE

router = APIRouter(tags=["graph"])

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DateParam = Annotated[
    str | None,
    Query(pattern=_DATE, description="ISO date (YYYY, YYYY-MM or YYYY-MM-DD) compared with the evidence's item date"),
]


@router.get(
    "/collaboration",
    response_model=SubGraph,
    summary="The collaboration graph of researchers or institutions (edge weight = number of shared items)",
    responses={**example(ex.COLLABORATION), **problems(400, 404, *COMMON)},
)
def collaboration(
    store: Store,
    level: Literal["researcher", "institution"] = "researcher",
    around: Annotated[
        str | None,
        Query(max_length=200, description="an entity id to centre on; the whole graph when absent"),
    ] = None,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    min_weight: Annotated[int, Query(ge=1, le=10_000)] = 1,
    since: DateParam = None,
    until: DateParam = None,
    rollup: Annotated[bool, Query(description="institutions: roll departments up through partOf")] = False,
    limit: Annotated[int, Query(ge=1, le=5000, description="most edges returned")] = 500,
    evidence: Annotated[
        int,
        Query(
            ge=0,
            le=1_000_000,
            description="most evidence spans listed per edge (the latest by item date among each fact's most "
            "recently added); the edge's evidence_total counts them all",
        ),
    ] = EVIDENCE_PER_EDGE,
) -> Response:
    """Nodes and weighted ``collaboratedWith`` edges, filtered by weight and item date. Each edge lists a few of its
    evidence spans (``evidence``; the entity page has every one) and their number (``evidence_total``)."""
    if since and until and since > until:
        raise UsageError(f"since ({since}) is after until ({until})")
    # the store writes the SubGraph's JSON itself, the same bytes as the model would give, without the models
    body = store.collaboration_json(
        level=level,
        around=around,
        depth=depth,
        min_weight=min_weight,
        since=since,
        until=until,
        rollup=rollup,
        limit=limit,
        evidence=evidence,
    )
    return Response(content=body, media_type=JSON_MEDIA_TYPE)


@router.get(
    "/paths",
    response_model=list[Path],
    summary="Shortest paths between two entities",
    responses={**example(ex.PATHS), **problems(404, *COMMON)},
)
def paths(
    store: Store,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=200, description="an entity id")],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=200, description="an entity id")],
    max_length: Annotated[int, Query(ge=1, le=6)] = 4,
    limit: Annotated[int, Query(ge=1, le=50, description="most paths returned")] = 5,
) -> list[Path]:
    """All shortest paths (up to ``limit``); an empty list when none is within ``max_length`` hops."""
    return store.paths(source, target, max_length=max_length, limit=limit)
