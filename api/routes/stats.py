"""Counts per type, the most connected researchers and institutions, and the import batches."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.routes import COMMON, Store, problems
from api.routes import examples as ex
from api.routes.examples import example
from kg.store.base import Stats

router = APIRouter(tags=["stats"])


@router.get(
    "/stats", response_model=Stats, summary="Graph statistics", responses={**example(ex.STATS), **problems(*COMMON)}
)
def stats(store: Store, top: Annotated[int, Query(ge=1, le=100, description="how many top entities")] = 10) -> Stats:
    """Nodes per type, edges per predicate, item count, top researchers/institutions by degree, batches."""
    return store.stats(top=top)
