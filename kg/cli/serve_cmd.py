"""``kg serve``: the HTTP API (and the web explorer, when built) over the configured store."""

from __future__ import annotations

import typer

from kg.cli import app, err_console
from kg.errors import UsageError


@app.command()
def serve(
    host: str | None = typer.Option(None, "--host", help="address to listen on (default: KG_HOST, 127.0.0.1)"),
    port: int | None = typer.Option(None, "--port", "-p", help="port to listen on (default: KG_PORT, 8000)"),
    workers: int | None = typer.Option(
        None, "--workers", min=1, max=64, help="worker processes (default: KG_API_WORKERS, 1; more need Neo4j)"
    ),
) -> None:
    """Serve the graph-query API on the configured store (OpenAPI docs at /docs)."""
    import uvicorn

    from api.app import create_app
    from api.logging import configure_access_log
    from kg.settings import get_settings
    from kg.store import open_store

    settings = get_settings()
    count = workers or settings.api_workers
    if count > 1 and settings.store != "neo4j":
        # the embedded database is one process's: a second process cannot open it
        raise UsageError(f"{count} API workers need KG_STORE=neo4j; the embedded store serves from one process")
    store = open_store(settings)
    try:
        store.init_schema()
        bind_host, bind_port = host or settings.host, port or settings.port
        err_console.print(
            f"serving the {store.name} store on http://{bind_host}:{bind_port} (docs at /docs)"
            + (f" with {count} workers" if count > 1 else "")
        )
        if count > 1:
            # each worker is a process of its own that builds its app (and its store connection) from the settings;
            # this process only supervises them
            store.close()
            uvicorn.run(
                "api.app:app_from_settings",
                factory=True,
                workers=count,
                host=bind_host,
                port=bind_port,
                access_log=False,
                log_level=settings.log_level.lower(),
            )
            return
        application = create_app(store, settings)
        configure_access_log(level=settings.log_level.upper())
        # our own JSON access log replaces uvicorn's; uvicorn still logs start-up and errors
        uvicorn.run(application, host=bind_host, port=bind_port, access_log=False, log_level=settings.log_level.lower())
    finally:
        store.close()
