"""Fixtures of the browser tests: the real app over a real LadybugDB store holding the sample newsletter, served by
uvicorn on a free loopback port, and Debian's headless Chromium driven by Playwright (never ``playwright install``).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# what a closed network needs: no first-run, sync, component or background fetches that would hang or log errors
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Explorer:
    """The served app: its base URL and the store behind it (for reading expected values, never for writing)."""

    url: str
    store: object


@dataclass
class Console:
    """What the page reported: console errors, uncaught exceptions, and every URL it requested."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def explorer(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Iterator[Explorer]:
    """The app over a LadybugDB directory filled by ingesting the sample newsletter, on a free port."""
    import uvicorn

    from api.app import create_app
    from ingest.pipeline import extract_paths
    from kg.pipeline import import_batch
    from kg.settings import Settings
    from kg.store.ladybug import LadybugStore

    root = tmp_path_factory.mktemp("explorer")
    store = LadybugStore(root / "ladybug")
    store.init_schema()
    outcome = import_batch(extract_paths([sample_path]), store, sources=[str(sample_path)], quarantine_dir=root / "q")
    assert outcome.result is not None and outcome.result.nodes_created > 0, "the sample newsletter imported nothing"

    app = create_app(store, Settings(data_dir=root / "data", rate_limit=100_000))  # type: ignore[arg-type]
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # bound here and handed over: no race for the port
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="explorer-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start serving the explorer")
        time.sleep(0.05)
    try:
        yield Explorer(url=f"http://127.0.0.1:{port}", store=store)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        store.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """Debian's Chromium, headless; skipped (saying why) where it is not installed."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (scripts/bootstrap does)"
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (KG_REQUIRE_BROWSER=1: the test command must install it)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def console() -> Console:
    """Collects what the page says; the ``page`` fixture fills it."""
    return Console()


@pytest.fixture
def page(chromium: object, explorer: Explorer, console: Console) -> Iterator[object]:
    """A fresh page at the explorer, loaded and drawn; console errors and requests are recorded in ``console``."""
    context = chromium.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.on("console", lambda m: console.errors.append(f"console: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda exc: console.errors.append(f"pageerror: {exc}"))
    tab.on("requestfailed", lambda r: console.errors.append(f"requestfailed: {r.url} {r.failure}"))
    tab.on("request", lambda r: console.requests.append(r.url))
    tab.goto(explorer.url + "/")
    tab.wait_for_function("() => document.querySelector('#graph-status').dataset.nodes !== undefined")
    tab.wait_for_selector("[data-testid=entity-name]")
    try:
        yield tab
    finally:
        context.close()
