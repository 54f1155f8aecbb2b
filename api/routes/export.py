"""``GET /export``: the whole graph or the part around an entity, in an RDF or graph-tool format, streamed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.routes import COMMON, Store, problems

router = APIRouter(tags=["export"])

ExportFormat = Literal["ttl", "nt", "jsonld", "graphml", "gexf", "csv"]

MEDIA_TYPES: dict[str, str] = {
    "ttl": "text/turtle; charset=utf-8",
    "nt": "application/n-triples; charset=utf-8",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "csv": "text/csv; charset=utf-8",
}


def _chunks(data: str | bytes | Iterable[str | bytes], size: int = 64 * 1024) -> Iterator[bytes]:
    """Bytes in chunks, whatever the serialiser returned."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if isinstance(data, bytes):
        for start in range(0, len(data), size):
            yield data[start : start + size]
        return
    for part in data:
        yield part.encode("utf-8") if isinstance(part, str) else part


@router.get(
    "/export",
    summary="Export the graph (or a subgraph around an entity)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "the serialised graph",
            "content": {media: {"schema": {"type": "string"}} for media in MEDIA_TYPES.values()},
        },
        **problems(404, *COMMON),
    },
)
def export_graph(
    store: Store,
    format: Annotated[ExportFormat, Query(description="ttl, nt, jsonld, graphml, gexf or csv")] = "ttl",
    around: Annotated[
        str | None, Query(max_length=200, description="an entity id; the whole graph when absent")
    ] = None,
    depth: Annotated[int, Query(ge=1, le=3, description="hops around the entity")] = 1,
) -> StreamingResponse:
    """The serialisation streams in chunks; ``Content-Disposition`` names a file."""
    from kg.export import serialize  # late: the RDF side loads the ontology, which most requests never need

    records = store.subgraph(around=around, depth=depth)  # NotFound for an unknown entity, before streaming starts
    body = serialize(records, format)
    name = f"kg-{around or 'graph'}.{format}"
    return StreamingResponse(
        _chunks(body),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
