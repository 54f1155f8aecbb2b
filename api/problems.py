"""The one mapping from errors to RFC 9457 ``application/problem+json`` responses.

Every error path of the API ends here: our :class:`~kg.errors.KgError` tree (through :data:`STATUS`), FastAPI's
request validation (422), Starlette's HTTP errors (404 route, 405 method, ...) and, last, anything unexpected (500,
without internals). The body is always ``{type, title, status, detail, instance}`` plus the error's data (file, offset,
item, field, ...), so clients parse one shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from kg import errors

PROBLEM_MEDIA_TYPE = "application/problem+json"
#: problem types are relative URIs under this path; ``GET /problems/{code}`` documents each one
PROBLEM_BASE = "/problems/"

#: status per error class, most specific first (the first ``isinstance`` match wins)
STATUS: tuple[tuple[type[errors.KgError], int], ...] = (
    (errors.WriteForbidden, 403),
    (errors.QueryError, 400),  # 408 when ``timeout`` is set, see :func:`status_of`
    (errors.NotFound, 404),
    (errors.Conflict, 409),
    (errors.StoreUnavailable, 503),
    (errors.StoreError, 503),
    (errors.NonConformance, 422),
    (errors.DecodeError, 422),
    (errors.InputError, 422),
    (errors.UsageError, 400),
    (errors.OntologyError, 500),
    (errors.AuthError, 401),  # 403 for a wrong key, see :func:`status_of`
    (errors.KgError, 500),
)

#: what a client should do about each problem type, shown by ``GET /problems/{code}``
ADVICE: dict[str, str] = {
    "write-forbidden": "POST /query/cypher runs read-only Cypher; remove CREATE/MERGE/SET/DELETE/REMOVE/DROP clauses.",
    "bad-query": "Fix the Cypher syntax or narrow the query; slow queries are stopped at the configured time limit.",
    "query-timeout": "The query ran past the time limit: add a LIMIT, anchor it on an id, or reduce the depth.",
    "not-found": "Check the id: search with GET /entities?q=... or list with GET /items or GET /imports.",
    "conflict": "The operation contradicts the stored state (e.g. merging an entity into itself); re-read and retry.",
    "store-unavailable": "The graph store cannot be reached; GET /health shows its state.",
    "store-error": "The graph store refused the operation; GET /health shows its state.",
    "non-conformance": "The data does not conform to the SHACL shapes; the report says which record and what to fix.",
    "undecodable-input": "Save the file as UTF-8, GB18030 or UTF-16; the byte offset points at the first bad byte.",
    "bad-input": "The input cannot be read; the file, item or field named in the problem says where.",
    "bad-usage": "A parameter value is wrong; the detail names it.",
    "ontology-error": "The service's ontology or shapes are broken; this is not your data's fault: tell the operators.",
    "unauthorized": "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
    "forbidden": "The API key is not valid for this service; ask an operator for a key.",
    "validation-error": "A request parameter or body field is missing or invalid; 'errors' lists each one.",
    "payload-too-large": "The upload exceeds the configured size limit; split the file.",
    "rate-limited": "Too many requests; wait Retry-After seconds.",
    "not-acceptable": "Ask for application/json, application/ld+json or text/turtle.",
    "http-error": "See the status code.",
    "error": "The service refused the request; the detail says why.",
    "internal-error": "An unexpected error; the operators have the log line for this request.",
}


class Problem(BaseModel):
    """An RFC 9457 problem details body; extra members carry the error's data."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "/problems/not-found",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "no entity with id researcher-000000000000",
                    "instance": "/entities/researcher-000000000000",
                }
            ]
        },
    )

    type: str = Field(description="a relative URI naming the problem type; GET it for advice")
    title: str
    status: int
    detail: str
    instance: str = Field(description="the request path")


def status_of(error: errors.KgError) -> int:
    """The HTTP status of one of our errors."""
    if isinstance(error, errors.AuthError):
        return 401 if error.missing else 403
    if isinstance(error, errors.QueryError) and not isinstance(error, errors.WriteForbidden) and error.timeout:
        return 408
    return next(status for cls, status in STATUS if isinstance(error, cls))


def code_of(error: errors.KgError) -> str:
    """The problem type slug of one of our errors."""
    if isinstance(error, errors.AuthError) and not error.missing:
        return "forbidden"
    if isinstance(error, errors.QueryError) and not isinstance(error, errors.WriteForbidden) and error.timeout:
        return "query-timeout"
    return error.code


def problem_response(
    status: int,
    code: str,
    detail: str,
    instance: str,
    *,
    headers: Mapping[str, str] | None = None,
    **data: Any,
) -> JSONResponse:
    """Build a problem+json response; ``data`` adds members (never ``type``/``title``/``status``/``detail``)."""
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + code,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
    }
    for key, value in data.items():
        if key not in body and value is not None:
            body[key] = value
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _jsonable(value: Any) -> Any:
    """Error data as JSON (reports may be pydantic models or arbitrary objects)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def kg_error_response(error: errors.KgError, instance: str) -> JSONResponse:
    """The problem response of one of our errors, carrying its data."""
    status = status_of(error)
    data = {k: _jsonable(v) for k, v in error.details.items()}
    if isinstance(error, errors.NonConformance) and error.report is not None:
        data["report"] = _jsonable(error.report)
    headers = {"WWW-Authenticate": 'Bearer realm="kg"'} if status == 401 else None
    # a 500 from a broken ontology still says so: it is our fault, and the message helps the operator
    return problem_response(status, code_of(error), error.message, instance, headers=headers, **data)


async def _on_kg_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, errors.KgError)
    return kg_error_response(exc, request.url.path)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]
    where = "; ".join(f"{'.'.join(str(p) for p in d['loc'])}: {d['msg']}" for d in details[:5])
    return problem_response(422, "validation-error", f"invalid request: {where}", request.url.path, errors=details)


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    codes = {401: "unauthorized", 403: "forbidden", 404: "not-found", 406: "not-acceptable", 413: "payload-too-large"}
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no endpoint at {request.url.path}; GET /docs lists them"
    return problem_response(
        exc.status_code, codes.get(exc.status_code, "http-error"), detail, request.url.path, headers=exc.headers
    )


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    # the traceback goes to the server log (Starlette re-raises after answering); the client gets no internals
    return problem_response(500, "internal-error", "an unexpected error occurred", request.url.path)


def install(app: FastAPI) -> None:
    """Register the handlers on an app, and ``GET /problems/{code}`` that documents each problem type."""
    app.add_exception_handler(errors.KgError, _on_kg_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)

    @app.get("/problems/{code}", tags=["meta"], summary="What a problem type means and what to do about it")
    def describe_problem(code: str) -> dict[str, str]:
        if code not in ADVICE:
            raise errors.NotFound(f"no problem type {code!r}; known: {', '.join(sorted(ADVICE))}")
        return {"type": PROBLEM_BASE + code, "advice": ADVICE[code]}
