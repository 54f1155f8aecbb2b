"""The composition root of the HTTP API: :func:`create_app` wires a store, the settings and the routes.

Middleware, outermost first: access log, CORS, rate limit, body size limit. So every request is logged (even a 429 or
a CORS preflight), every answer (a 429 too) carries the CORS headers, every answer but a preflight the rate-limit
headers, and an oversized upload is refused before its body is read. Errors become ``application/problem+json`` in
:mod:`api.problems`, one table for the whole app.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api import problems
from api.logging import AccessLogMiddleware
from api.ratelimit import BodyLimitMiddleware, RateLimiter, RateLimitMiddleware
from api.routes import analytics, entities, export, graph, health, imports, items, query, stats
from kg.settings import Settings
from kg.store.base import GraphStore

WEB_DIST = Path(__file__).resolve().parent / "web" / "dist"

DESCRIPTION = """\
Researchers, institutions, journals, funders, awards and publications read from science news (Chinese and English),
with the news items and evidence sentences behind every relation.

Read endpoints are open. Curator endpoints (imports, merge, split, rename) need an API key, sent as
`Authorization: Bearer <key>` or `X-API-Key: <key>`. Errors are `application/problem+json` (RFC 9457); every response
carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`.
"""


def default_import_runner(store: GraphStore, settings: Settings) -> Callable[..., Any]:
    """The real import: ingest's readers and extractors, then the ontology pipeline (SHACL, quarantine, write)."""

    def run(path: Path, *, source: str, dry_run: bool) -> dict[str, Any]:
        # imported here: ingest pulls in spaCy and jieba, which read-only deployments and tests of reads never need
        from ingest.pipeline import extract_paths
        from kg.pipeline import import_batch

        # one bad item never stops the others: it is skipped and reported; a file with nothing readable is an error
        skipped: list[Exception] = []
        records = list(
            extract_paths(
                [path], on_error=skipped.append, zh_model=settings.spacy_model_zh, en_model=settings.spacy_model_en
            )
        )
        if not records and skipped:
            raise skipped[0]
        outcome = import_batch(
            records,
            store,
            sources=[source],
            dry_run=dry_run,
            strict=False,
            quarantine_dir=settings.quarantine_dir,
            engine=settings.validation_engine,
        )
        # the accepted records themselves stay out: the client has the file, and they can be large
        return {
            "batch": outcome.batch.model_dump(mode="json"),
            "report": outcome.report.model_dump(mode="json"),
            **outcome.diff.model_dump(mode="json"),
            "quarantined": [q.model_dump(mode="json", exclude={"record"}) for q in outcome.quarantined],
            "result": outcome.result.model_dump(mode="json", exclude={"batch"}) if outcome.result else None,
            "skipped": [_skipped(error, str(path), source) for error in skipped],
            "timings": outcome.timings,
        }

    return run


def _skipped(error: Exception, temporary: str, source: str) -> dict[str, Any]:
    """A skipped item as JSON, naming the uploaded file rather than the server's temporary copy."""
    details = {k: v for k, v in getattr(error, "details", {}).items() if isinstance(v, (str, int, float, bool))}
    if details.get("file") == temporary:
        details["file"] = source
    return {"error": str(error).replace(temporary, source), **details}


def mount_web(app: FastAPI, dist: Path = WEB_DIST) -> bool:
    """Serve the web explorer's built files at ``/`` when they exist; returns whether it did."""
    if not (dist / "index.html").is_file():
        return False
    # mounted last, so the API's routes take precedence over files of the same name
    app.mount("/", StaticFiles(directory=dist, html=True), name="web")
    return True


def app_from_settings() -> FastAPI:
    """The app of one ``kg serve`` worker process (uvicorn's factory when ``KG_API_WORKERS`` > 1): its own store
    connection from the settings, closed when the worker stops, and its own access log. The schema was set up once
    by ``kg serve`` before the workers started."""
    from api.logging import configure_access_log
    from kg.settings import get_settings
    from kg.store import open_store

    settings = get_settings()
    store = open_store(settings, init_schema=False)
    configure_access_log(level=settings.log_level.upper())
    return create_app(store, settings, close_store=True)


def create_app(
    store: GraphStore,
    settings: Settings,
    *,
    import_runner: Callable[..., Any] | None = None,
    close_store: bool = False,
) -> FastAPI:
    """The FastAPI app over ``store``; ``import_runner(path, source=..., dry_run=...)`` replaces the real import;
    ``close_store``: the app owns the store and closes it when it shuts down."""

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if close_store:
                store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Science news knowledge graph",
        version="0.1.0",
        description=DESCRIPTION,
        openapi_tags=[
            {"name": "entities", "description": "search, detail with provenance, neighbourhood, curation"},
            {"name": "graph", "description": "collaboration network and shortest paths"},
            {"name": "items", "description": "news items and mention spans"},
            {"name": "imports", "description": "curator: upload, dry run, batches, rollback"},
            {"name": "query", "description": "read-only Cypher"},
            {"name": "export", "description": "the graph or a subgraph as RDF, GraphML, GEXF or CSV"},
            {"name": "stats", "description": "counts and most connected entities"},
            {"name": "meta", "description": "health and problem types"},
        ],
    )
    # FastAPI runs the sync routes in a thread pool: the stores are safe to share between threads (Neo4j's driver is;
    # the embedded store serialises its connection behind a lock), which tests/api pins with concurrent requests
    app.state.store = store
    app.state.settings = settings
    app.state.import_runner = import_runner or default_import_runner(app.state.store, settings)
    app.state.rate_limiter = RateLimiter(settings.rate_limit)

    problems.install(app)
    for module in (entities, graph, items, imports, query, export, stats, health, analytics):
        app.include_router(module.router)

    # add_middleware wraps: the last added is the outermost
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_upload_bytes)
    app.add_middleware(RateLimitMiddleware, limiter=app.state.rate_limiter, keys=lambda: settings.api_keys)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "Accept"],
            expose_headers=["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"],
        )
    app.add_middleware(AccessLogMiddleware)
    mount_web(app)
    return app
