"""Curator endpoints for import batches: upload a file (dry run or real), list, show and roll back batches.

The upload is saved to a temporary file with its original suffix (ingest picks its reader by suffix), handed to the
app's import runner (extract, map, validate, write: see :func:`api.app.default_import_runner`), and removed.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, File, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from api.auth import CuratorKey
from api.routes import COMMON, CURATOR, Store, problems
from api.routes import examples as ex
from api.routes.examples import example
from kg.errors import InputError, UsageError
from kg.model import ImportBatch

router = APIRouter(tags=["imports"])

#: ``runner(path, source=original file name, dry_run=...)`` returns the import outcome (a pydantic model or a dict)
ImportRunner = Callable[..., Any]

_SUFFIX = re.compile(r"^(\.[A-Za-z0-9]{1,8}){1,2}$")

BatchId = Annotated[
    str, Path(min_length=1, max_length=200, openapi_examples={"batch": {"value": "batch-3f9a0c1b2d4e"}})
]


class ImportResult(BaseModel):
    """What an import did or, on a dry run, would do: the batch, the SHACL report, what is new."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "dry_run": True,
                    "batch": {"id": "batch-3f9a0c1b2d4e", "status": "dry_run", "counts": {"items": 3}},
                    "report": {"conforms": True, "violations": []},
                    "new_entities": [],
                    "new_relations": [],
                    "merges": [],
                }
            ]
        },
    )

    dry_run: bool
    timings: dict[str, float] = Field(
        default_factory=dict, description="wall seconds per stage (extract, context, map, validate, write)"
    )


def _suffix(filename: str | None) -> str:
    """The upload's suffix(es), e.g. ``.txt`` or ``.jsonl``; only plain ones, so a name cannot steer the path."""
    name = FilePath(filename or "").name
    suffixes = "".join(FilePath(name).suffixes[-2:])
    return suffixes if _SUFFIX.match(suffixes) else ""


def _name_the_upload(error: InputError, temporary: str, source: str) -> None:
    """Point an input error at the uploaded file's own name, not at the server's temporary copy."""
    error.message = error.message.replace(temporary, source)
    error.args = (error.message,)
    if error.details.get("file") == temporary:
        error.details["file"] = error.file = source


def _as_json(outcome: Any) -> dict[str, Any]:
    if isinstance(outcome, BaseModel):
        return outcome.model_dump(mode="json")
    if isinstance(outcome, dict):
        return outcome
    raise TypeError(f"the import runner returned {type(outcome).__name__}, not a model or a dict")


@router.post(
    "/imports",
    response_model=ImportResult,
    summary="Import a file (any format ingest reads); dry_run=true validates and reports without writing (curator)",
    responses={
        200: {
            "description": "dry run: what would be added",
            "content": {"application/json": {"example": {**ex.IMPORT, "dry_run": True, "result": None}}},
        },
        **example(ex.IMPORT, "imported", status=201),
        **problems(400, 413, *CURATOR, *COMMON),
    },
)
def create_import(
    request: Request,
    key: CuratorKey,
    file: Annotated[UploadFile, File(description="a newsletter, press release, PDF, HTML, feed or JSON Lines file")],
    dry_run: Annotated[bool, Query(description="validate and report what would be added, write nothing")] = False,
) -> JSONResponse:
    """Runs extraction, SHACL validation and (unless a dry run) the import as one batch."""
    runner: ImportRunner = request.app.state.import_runner
    source = FilePath(file.filename or "upload").name
    with tempfile.TemporaryDirectory(prefix="kg-upload-") as tmp:
        path = FilePath(tmp) / ("upload" + _suffix(file.filename))
        with path.open("wb") as out:
            shutil.copyfileobj(file.file, out)
        if path.stat().st_size == 0:
            raise UsageError("the uploaded file is empty", field="file")
        try:
            outcome = _as_json(runner(path, source=source, dry_run=dry_run))
        except InputError as exc:
            _name_the_upload(exc, str(path), source)
            raise
    outcome["dry_run"] = dry_run
    return JSONResponse(outcome, status_code=200 if dry_run else 201)


@router.get(
    "/imports",
    response_model=list[ImportBatch],
    summary="Import batches (curator)",
    responses={**example(ex.BATCHES), **problems(*CURATOR, *COMMON)},
)
def list_imports(store: Store, key: CuratorKey) -> list[ImportBatch]:
    """Every batch, with its sources, counts, status and validation summary."""
    return store.batches()


@router.get(
    "/imports/{batch_id}",
    response_model=ImportBatch,
    summary="One import batch (curator)",
    responses={**example(ex.BATCH), **problems(404, *CURATOR, *COMMON)},
)
def get_import(store: Store, key: CuratorKey, batch_id: BatchId) -> ImportBatch:
    """The batch's sources, counts, status and validation summary."""
    return store.batch(batch_id)


@router.delete(
    "/imports/{batch_id}",
    response_model=ImportBatch,
    summary="Roll an import batch back (curator)",
    responses={**example({**ex.BATCH, "status": "rolled_back"}), **problems(404, 409, *CURATOR, *COMMON)},
)
def delete_import(store: Store, key: CuratorKey, batch_id: BatchId) -> ImportBatch:
    """Removes what this batch alone contributed; facts other batches support keep their other evidence."""
    return store.rollback(batch_id)
