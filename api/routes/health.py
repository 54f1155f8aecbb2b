"""``/health``: the store's state, 200 when it answers and 503 when it does not (for load balancers)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from api.routes import Store

router = APIRouter(tags=["meta"])


class Health(BaseModel):
    """``store.health()`` as reported by the store; extra fields (version, counts, ...) pass through."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={"examples": [{"ok": True, "store": "ladybug", "version": "0.22.0"}]},
    )

    ok: bool
    store: str


@router.get(
    "/health",
    response_model=Health,
    summary="Is the graph store answering?",
    responses={503: {"model": Health, "description": "the store does not answer"}},
)
def health(store: Store) -> Any:
    """The store's own report; the status code says whether it is usable."""
    report = dict(store.health())  # never raises, by the Protocol
    report.setdefault("store", store.name)
    report["ok"] = bool(report.get("ok"))
    if not report["ok"]:
        return JSONResponse(Health.model_validate(report).model_dump(mode="json"), status_code=503)
    return Health.model_validate(report)
