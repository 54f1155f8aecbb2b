"""Content negotiation for entity endpoints: JSON, JSON-LD (with the ontology's context) or Turtle.

JSON is the pydantic model as usual. The RDF forms go through the ontology mapping (``kg.rdf.to_graph``) of the stored
records around the entity, so they say exactly what ``kg export`` would say about it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from fastapi import HTTPException
from fastapi.responses import Response

from kg.model import Extraction

JSON = "application/json"
JSONLD = "application/ld+json"
TURTLE = "text/turtle"
OFFERED: tuple[str, ...] = (JSON, JSONLD, TURTLE)


def _parse_accept(accept: str) -> list[tuple[str, float, int]]:
    """Media ranges of an Accept header as (range, q, position)."""
    ranges = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q, position))
    return ranges


def _matches(media_range: str, media_type: str) -> bool:
    if media_range in ("*/*", "*"):
        return True
    major, _, minor = media_range.partition("/")
    return media_range == media_type or (minor == "*" and media_type.startswith(major + "/"))


def choose(accept: str | None, offered: Sequence[str] = OFFERED) -> str:
    """The offered media type the client prefers (the first offered on a tie); 406 when none is acceptable."""
    if not accept or not accept.strip():
        return offered[0]
    best: tuple[float, int, int] | None = None  # (q, specificity, -offered index)
    chosen = None
    for index, media_type in enumerate(offered):
        for media_range, q, _ in _parse_accept(accept):
            if q <= 0 or not _matches(media_range, media_type):
                continue
            specificity = 2 if media_range == media_type else (1 if not media_range.startswith("*") else 0)
            key = (q, specificity, -index)
            if best is None or key > best:
                best, chosen = key, media_type
    if chosen is None:
        raise HTTPException(406, f"this endpoint answers {', '.join(offered)}; the Accept header allows none of them")
    return chosen


def rdf_response(records: list[Extraction], media_type: str) -> Response:
    """The records as Turtle, or as JSON-LD compacted with the ontology's context (``ontology/context.jsonld``)."""
    from kg.export import write_rdf  # imported late: the RDF mapping loads the ontology, which JSON callers never need

    out = io.StringIO()
    write_rdf(records, "ttl" if media_type == TURTLE else "jsonld", out)
    if media_type == TURTLE:
        return Response(out.getvalue(), media_type=f"{TURTLE}; charset=utf-8")
    return Response(out.getvalue(), media_type=JSONLD)


#: OpenAPI content entries for a negotiated endpoint
RDF_CONTENT: dict[str, Any] = {
    JSONLD: {"schema": {"type": "object"}, "example": {"@context": {"kg": "…"}, "@graph": []}},
    TURTLE: {"schema": {"type": "string"}, "example": "@prefix kg: <…> .\n"},
}
