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
