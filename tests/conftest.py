"""Shared fixtures.

Neo4j: the test command (``scripts/test``) starts a real server and exports ``KG_NEO4J_URI``/``KG_NEO4J_PASSWORD``
and ``KG_REQUIRE_NEO4J=1``. With that flag a Neo4j that does not answer fails the run; without it (a local run of
plain ``pytest``) Neo4j tests are skipped with the reason, never hung.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The real newsletter issue (text extracted from PDF)."""
    path = SHARED / "seeds" / "000_4b2bc327ae04d455.txt"
    if not path.exists():
        pytest.fail(f"the seed newsletter is missing: {path}")
    return path


@pytest.fixture(scope="session")
def gold_path() -> Path:
    """The dev gold annotation of part of the seed."""
    path = SHARED / "eval" / "dev_gold.json"
    if not path.exists():
        pytest.fail(f"the dev gold is missing: {path}")
    return path


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The project's own demo newsletter (fictional people and institutions)."""
    return ROOT / "ingest" / "samples" / "sample_newsletter.txt"


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[dict[str, str]]:
    """Connection settings of the real Neo4j server the test command started; verifies it answers."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    uri = os.environ.get("KG_NEO4J_URI", "bolt://127.0.0.1:7687")
    user = os.environ.get("KG_NEO4J_USER", "neo4j")
    password = os.environ.get("KG_NEO4J_PASSWORD", "kg-dev-password")
    required = os.environ.get("KG_REQUIRE_NEO4J") == "1"
    try:
        with GraphDatabase.driver(uri, auth=(user, password), connection_timeout=5) as driver:
            driver.verify_connectivity()
            record = driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN *").records[0]
            version = f"{record['name']} {record['versions'][0]} {record['edition']}"
    except (ServiceUnavailable, Neo4jError, OSError) as exc:
        message = f"Neo4j at {uri} does not answer: {exc}"
        if required:
            pytest.fail(message + " (KG_REQUIRE_NEO4J=1: the test command must start it)")
        pytest.skip(message + " (run the tests with scripts/test to start a real server)")
    print(f"\n[neo4j] connected to {version} at {uri}")
    yield {"uri": uri, "user": user, "password": password, "version": version}


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Name the Neo4j server the run talks to, with its version, at the top of the test log."""
    uri = os.environ.get("KG_NEO4J_URI", "bolt://127.0.0.1:7687")
    required = os.environ.get("KG_REQUIRE_NEO4J", "0")
    try:
        from neo4j import GraphDatabase

        auth = (os.environ.get("KG_NEO4J_USER", "neo4j"), os.environ.get("KG_NEO4J_PASSWORD", "kg-dev-password"))
        with GraphDatabase.driver(uri, auth=auth, connection_timeout=3) as driver:
            record = driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN *").records[0]
        server = f"{record['name']} {record['versions'][0]} {record['edition']}"
    except Exception as exc:  # the header is informative; the neo4j_settings fixture decides pass/skip/fail
        server = f"not answering ({type(exc).__name__})"
    return [f"neo4j: {uri}: {server} (required={required})"]


@pytest.fixture(params=["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """A real, empty graph store of each kind: a fresh LadybugDB directory, or the session Neo4j server cleared."""
    if request.param == "ladybug":
        try:
            from kg.store.ladybug import LadybugStore
        except ImportError as exc:  # the embedded store is written in parallel; say so instead of failing
            pytest.skip(f"kg.store.ladybug is not importable yet: {exc}")
        opened = LadybugStore(tmp_path / "ladybug")
    else:
        settings = request.getfixturevalue("neo4j_settings")
        from kg.store.neo4j import Neo4jStore

        opened = Neo4jStore(settings["uri"], settings["user"], settings["password"])
        opened.clear()
    opened.init_schema()
    try:
        yield opened
    finally:
        opened.close()
