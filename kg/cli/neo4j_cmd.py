"""``kg neo4j start|stop|status``: the project's own Neo4j Community server, with data under ``KG_DATA_DIR``."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer

from kg.cli import app
from kg.cli._common import FormatOption, OutputFormat, print_json
from kg.errors import StoreUnavailable
from kg.settings import get_settings

neo4j_app = typer.Typer(help="Build, start, stop and inspect the project's own Neo4j server (Bolt on 127.0.0.1).")
app.add_typer(neo4j_app, name="neo4j")


def _data_dir() -> Path:
    return get_settings().data_dir.resolve()


@neo4j_app.command("start")
def start(
    port: int = typer.Option(None, help="Bolt port (default: KG_NEO4J_PORT)"),
    timeout: float = typer.Option(180.0, help="seconds to wait for Bolt to answer"),
    output: OutputFormat = FormatOption,
) -> None:
    """Build the launcher once (Maven keeps the jars), start Neo4j in the background and wait until Bolt answers."""
    from kg import neo4j_server

    settings = get_settings()
    info = neo4j_server.start(
        _data_dir(),
        port=port or settings.neo4j_port,
        password=settings.neo4j_password.get_secret_value(),
        java_home=settings.java_home,
        heap=settings.neo4j_heap,
        timeout=timeout,
        quick_jit=settings.neo4j_quick_jit,
    )
    if output is OutputFormat.json:
        print_json(asdict(info))
    else:
        typer.echo(f"Neo4j {info.version} answering at {info.uri} (pid {info.pid}); log: {info.log_path}")


@neo4j_app.command("stop")
def stop() -> None:
    """Stop the server started by ``kg neo4j start`` (SIGTERM, then SIGKILL after a grace period)."""
    from kg import neo4j_server

    stopped = neo4j_server.stop(_data_dir())
    typer.echo("Neo4j stopped" if stopped else "Neo4j was not running")


@neo4j_app.command("status")
def status(output: OutputFormat = FormatOption) -> None:
    """Say whether the server is running; exit code 3 when it is not."""
    from kg import neo4j_server

    info = neo4j_server.status(_data_dir())
    if info is None:
        if output is OutputFormat.json:
            print_json({"running": False})
        raise StoreUnavailable(f"Neo4j is not running (data under {_data_dir() / 'neo4j'})")
    if output is OutputFormat.json:
        print_json({"running": True, **asdict(info)})
    else:
        typer.echo(f"Neo4j {info.version} running at {info.uri} (pid {info.pid}); log: {info.log_path}")
