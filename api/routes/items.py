"""News item endpoints: a paged list, and one item with its entities and mention spans."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.routes import COMMON, Store, problems
from api.routes import examples as ex
from api.routes.examples import example
from kg.store.base import ItemDetail, ItemPage

router = APIRouter(tags=["items"])


@router.get(
    "/items",
    response_model=ItemPage,
    summary="News items, paged",
    responses={**example(ex.ITEMS), **problems(400, *COMMON)},
)
def list_items(
    store: Store,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500, description="next_cursor of the previous page")] = None,
) -> ItemPage:
    """A page of items; pass ``next_cursor`` back as ``cursor`` for the next page."""
    return store.items(limit=limit, cursor=cursor)


@router.get(
    "/items/{item_id}",
    response_model=ItemDetail,
    summary="A news item with its entities and the character span of each mention",
    responses={**example(ex.ITEM), **problems(404, *COMMON)},
)
def get_item(
    store: Store,
    item_id: Annotated[
        str, Path(min_length=1, max_length=200, openapi_examples={"item": {"value": "item-3f9a0c1b2d4e"}})
    ],
) -> ItemDetail:
    """The item, its entities, mentions (offsets into ``item.text``) and the batches that imported it."""
    return store.item(item_id)
