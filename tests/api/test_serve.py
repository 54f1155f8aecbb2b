"""``kg serve`` in a real process on the embedded store: it answers over TCP and writes JSON access logs to stderr."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_on_the_configured_port_and_logs_json(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "KG_STORE": "embedded", "KG_DATA_DIR": str(tmp_path), "KG_API_KEYS": "serve-test-key"}
    command = [
        sys.executable,
        "-c",
        "from kg.cli import main; main()",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180  # generous: start-up imports spaCy and opens the store
        health = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.3)
        assert health is not None, f"kg serve did not come up: {server.poll()}"
        assert health.status_code == 200 and health.json()["ok"] is True
        assert health.json()["store"] == "ladybug"
        denied = httpx.get(f"http://127.0.0.1:{port}/imports", headers={"X-API-Key": "wrong"})
        assert denied.status_code == 403
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    lines = [json.loads(line) for line in stderr.decode().splitlines() if line.startswith("{")]
    assert {(r["method"], r["path"], r["status"]) for r in lines} >= {("GET", "/health", 200), ("GET", "/imports", 403)}
    assert "serve-test-key" not in stderr.decode() and "wrong" not in stderr.decode()


def _wait_for_health(port: int, server: subprocess.Popen[bytes], seconds: float = 180) -> httpx.Response | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
        except httpx.HTTPError:
            time.sleep(0.3)
    return None


@pytest.mark.slow
@pytest.mark.neo4j
def test_serve_with_two_workers_answers_from_each(neo4j_settings: dict[str, str], tmp_path: Path) -> None:
    import psutil
    from pydantic import TypeAdapter

    from kg.store.base import SubGraph
    from kg.store.neo4j import Neo4jStore

    from .conftest import IDS, load, sample_records

    store = Neo4jStore(neo4j_settings["uri"], neo4j_settings["user"], neo4j_settings["password"])
    try:
        store.clear()
        store.init_schema()
        load(store, sample_records())
        expected = TypeAdapter(SubGraph).dump_json(store.neighbors(IDS.lin, depth=2))
    finally:
        store.close()
    port = _free_port()
    env = {
        **os.environ,
        "KG_STORE": "neo4j",
        "KG_NEO4J_URI": neo4j_settings["uri"],
        "KG_NEO4J_USER": neo4j_settings["user"],
        "KG_NEO4J_PASSWORD": neo4j_settings["password"],
        "KG_DATA_DIR": str(tmp_path),
        "KG_API_WORKERS": "2",
    }
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        health = _wait_for_health(port, server)
        assert health is not None, f"kg serve did not come up: {server.poll()}"
        assert health.status_code == 200 and health.json() == {**health.json(), "ok": True, "store": "neo4j"}

        def workers() -> list[psutil.Process]:  # multiprocessing's resource tracker is a child too, not a worker
            return [p for p in psutil.Process(server.pid).children() if "resource_tracker" not in " ".join(p.cmdline())]

        deadline = time.monotonic() + 60  # the second worker may still be starting
        while len(workers()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(workers()) == 2
        # each worker counts the rate limit on its own: the same "remaining" twice means two workers answered
        remaining: list[str] = []
        for _ in range(40):  # a new connection each: the kernel hands them to either worker
            answer = httpx.get(f"http://127.0.0.1:{port}/entities/{IDS.lin}/neighbors", params={"depth": 2})
            assert answer.status_code == 200 and answer.content == expected
            remaining.append(answer.headers["x-ratelimit-remaining"])
            if len(set(remaining)) < len(remaining):
                break
        assert len(set(remaining)) < len(remaining), "only one worker answered"
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=60)
    assert "with 2 workers" in stderr.decode()


def test_serve_refuses_workers_on_the_embedded_store(tmp_path: Path) -> None:
    env = {**os.environ, "KG_STORE": "embedded", "KG_DATA_DIR": str(tmp_path), "KG_API_WORKERS": "2"}
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--port", str(_free_port())]
    done = subprocess.run(command, env=env, capture_output=True, timeout=120)
    assert done.returncode == 2
    assert "KG_STORE=neo4j" in done.stderr.decode()


@pytest.mark.parametrize("owned", [True, False])
def test_an_app_closes_the_store_it_owns_when_it_stops(tmp_path: Path, owned: bool) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from kg.settings import Settings
    from kg.store.ladybug import LadybugStore

    store = LadybugStore(tmp_path / "ladybug")
    try:
        store.init_schema()
        with TestClient(create_app(store, Settings(data_dir=tmp_path), close_store=owned)) as client:
            assert client.get("/health").json()["ok"] is True
        assert store.health()["ok"] is not owned  # a worker's own store is closed with its app; a lent one is not
    finally:
        store.close()
