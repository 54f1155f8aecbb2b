"""Entity endpoints: search, lookup by external identifier, detail with provenance, neighbourhood, and curation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Header, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api import negotiation
from api.auth import CuratorKey
from api.routes import COMMON, CURATOR, JSON_MEDIA_TYPE, Store, problems
from api.routes import examples as ex
from api.routes.examples import example
from kg.errors import UsageError
from kg.model import EntityType, Predicate
from kg.store.base import EntityDetail, Node, SearchPage, SubGraph

router = APIRouter(tags=["entities"])

EntityId = Annotated[
    str,
    Path(
        description="an entity id (ids of merged-away entities still resolve)",
        min_length=1,
        max_length=200,
        openapi_examples={"researcher": {"value": "researcher-3f9a0c1b2d4e"}},
    ),
]


class MergeRequest(BaseModel):
    """Which entity to merge into the one in the path."""

    drop: str = Field(min_length=1, max_length=200, description="the id to merge away; it keeps resolving")

    model_config = {"json_schema_extra": {"examples": [{"drop": "institution-0a1b2c3d4e5f"}]}}


class SplitRequest(BaseModel):
    """Which aliases move to a new entity, and its name."""

    aliases: list[str] = Field(min_length=1, description="aliases (and the evidence using them) to move")
    new_name: str = Field(min_length=1, max_length=500, description="canonical name of the new entity")

    model_config = {"json_schema_extra": {"examples": [{"aliases": ["Li Wei"], "new_name": "Li Wei"}]}}


class PatchRequest(BaseModel):
    """A new canonical name and/or aliases to add."""

    name: str | None = Field(default=None, min_length=1, max_length=500)
    add_aliases: list[str] = Field(default_factory=list)

    model_config = {"json_schema_extra": {"examples": [{"name": "复旦大学", "add_aliases": ["Fudan University"]}]}}


@router.get(
    "/entities",
    response_model=SearchPage,
    summary="Search entities by name or alias (Chinese and English; exact, prefix, substring; ranked)",
    responses={**example(ex.SEARCH), **problems(400, *COMMON)},
)
def search_entities(
    store: Store,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="text to find in names and aliases",
            openapi_examples={"zh": {"value": "复旦"}, "en": {"value": "Nature"}},
        ),
    ],
    # a list default is safe here: FastAPI copies defaults per request
    type: Annotated[list[EntityType], Query(description="restrict to these types (repeat the parameter)")] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(max_length=500, description="next_cursor of the previous page")] = None,
) -> SearchPage:
    """A page of hits, best first; pass ``next_cursor`` back as ``cursor`` for the next page."""
    return store.search(q, types=type, limit=limit, cursor=cursor)


@router.get(
    "/entities/lookup",
    response_model=Node,
    summary="Find an entity by an external identifier (ROR, ISSN-L, Crossref Funder id, Wikidata QID, DOI, ORCID)",
    responses={**example(ex.NODE), **problems(404, *COMMON)},
)
def lookup_entity(
    store: Store,
    identifier: Annotated[
        str,
        Query(
            min_length=1,
            max_length=300,
            openapi_examples={"issn": {"value": "0028-0836"}, "qid": {"value": "Q180445"}},
        ),
    ],
) -> Node:
    """The entity carrying that identifier."""
    return store.lookup(identifier.strip())


@router.get(
    "/entities/{entity_id}",
    response_model=EntityDetail,
    summary="An entity with its relations, the evidence behind each, and the items that mention it",
    responses={
        200: {
            "description": "JSON, JSON-LD or Turtle by the Accept header",
            "content": {"application/json": {"example": ex.ENTITY}, **negotiation.RDF_CONTENT},
        },
        **problems(404, 406, *COMMON),
    },
)
def get_entity(
    store: Store,
    entity_id: EntityId,
    limit: Annotated[
        int,
        Query(
            ge=0,
            le=10_000,
            description="most relations (the best supported first) and most items (the most recent first) listed; "
            "edges_total and items_total give the full counts",
        ),
    ] = 500,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> EntityDetail | Response:
    """Properties, aliases, type and provenance; ``Accept: application/ld+json`` or ``text/turtle`` for RDF.

    A prolific researcher or a big university is named by thousands of items: the page lists the ``limit``
    best-supported relations (each with all its evidence) and the ``limit`` most recent items, and says how many
    there are in all."""
    media_type = negotiation.choose(accept)
    detail = store.entity(entity_id, limit=limit)  # raises NotFound first, whatever the format
    if media_type == negotiation.JSON:
        return detail
    return negotiation.rdf_response(store.subgraph(around=detail.node.id, depth=1), media_type)


@router.get(
    "/entities/{entity_id}/neighbors",
    response_model=SubGraph,
    summary="The neighbourhood of an entity as nodes and edges",
    responses={**example(ex.SUBGRAPH), **problems(404, *COMMON)},
)
def get_neighbors(
    store: Store,
    entity_id: EntityId,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    types: Annotated[list[EntityType], Query(description="keep only nodes of these types")] = [],  # noqa: B006
    relations: Annotated[list[Predicate], Query(description="follow only these relations")] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=2000, description="most nodes returned")] = 200,
) -> Response:
    """Nodes within ``depth`` hops and the edges between them."""
    # the store writes the SubGraph's JSON itself (the same bytes as the model would give): building and validating
    # hundreds of node, edge and evidence models only to dump them again was a third of the request's CPU
    body = store.neighbors_json(entity_id, depth=depth, types=types, relations=relations, limit=limit)
    return Response(content=body, media_type=JSON_MEDIA_TYPE)


@router.post(
    "/entities/{entity_id}/merge",
    response_model=Node,
    summary="Merge another entity into this one (curator)",
    responses={**example(ex.NODE), **problems(404, 409, *CURATOR, *COMMON)},
)
def merge_entity(store: Store, key: CuratorKey, entity_id: EntityId, body: MergeRequest) -> Node:
    """Aliases, relations and evidence of ``drop`` move here; ``drop`` keeps resolving to this entity."""
    return store.merge(entity_id, body.drop)


@router.post(
    "/entities/{entity_id}/split",
    response_model=Node,
    status_code=201,
    summary="Split aliases off into a new entity (curator)",
    responses={**example(ex.NODE, status=201), **problems(404, 409, *CURATOR, *COMMON)},
)
def split_entity(store: Store, key: CuratorKey, entity_id: EntityId, body: SplitRequest) -> Node:
    """The new entity, holding the given aliases and the relations whose evidence uses them."""
    return store.split(entity_id, body.aliases, body.new_name)


@router.patch(
    "/entities/{entity_id}",
    response_model=Node,
    summary="Rename an entity or add aliases (curator)",
    responses={**example(ex.NODE), **problems(400, 404, 409, *CURATOR, *COMMON)},
)
def patch_entity(store: Store, key: CuratorKey, entity_id: EntityId, body: Annotated[PatchRequest, Body()]) -> Node:
    """The entity after the change."""
    if body.name is None and not body.add_aliases:
        raise UsageError("nothing to change: give 'name' and/or 'add_aliases'")
    return store.rename(entity_id, name=body.name, add_aliases=body.add_aliases)
