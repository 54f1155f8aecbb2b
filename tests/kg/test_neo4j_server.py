"""The project's own Neo4j server, for real: build, start on a free port, log in, full-text search in Chinese, stop.

Independent of the session server that ``scripts/test`` starts: this one has its own port and data directory.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import neo4j_server
from kg.errors import StoreUnavailable

pytestmark = pytest.mark.neo4j

PASSWORD = "test-password-42"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, int, neo4j_server.ServerInfo]]:
    port = _free_port()
    # ~10 s normally; the generous timeout is for a CI machine busy with other suites
    info = neo4j_server.start(tmp_path, port=port, password=PASSWORD, heap="512m", timeout=150)
    try:
        yield tmp_path, port, info
    finally:
        neo4j_server.stop(tmp_path)  # a failing test must not leave a JVM behind


def test_start_login_fulltext_cjk_stop(server: tuple[Path, int, neo4j_server.ServerInfo]) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    data_dir, port, info = server
    assert info.uri == f"bolt://127.0.0.1:{port}"
    assert info.version.startswith("5.26.")
    assert info.log_path == data_dir.resolve() / "neo4j" / "logs" / "server.log"
    assert "NEO4J_READY" in info.log_path.read_text()
    pid_file = data_dir / "neo4j" / "server.pid"
    assert pid_file.is_file()

    # a second start finds the running server instead of launching another JVM
    assert neo4j_server.start(data_dir, port=port, password=PASSWORD, timeout=10).pid == info.pid
    assert neo4j_server.status(data_dir) == info

    with GraphDatabase.driver(info.uri, auth=("neo4j", PASSWORD)) as driver:
        components = driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN *").records
        assert components[0]["versions"][0] == info.version
        assert components[0]["edition"] == "community"

        driver.execute_query(
            "CREATE FULLTEXT INDEX news_text IF NOT EXISTS FOR (n:News) ON EACH [n.text] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
        )
        driver.execute_query("CALL db.awaitIndexes(60)")
        driver.execute_query(
            "UNWIND $texts AS t CREATE (:News {text: t})",
            texts=["中国科学院物理研究所在量子计算领域取得新突破", "清华大学发布新型锂电池材料"],
        )
        hits = driver.execute_query(
            "CALL db.index.fulltext.queryNodes('news_text', $q) YIELD node, score RETURN node.text AS text",
            q="量子计算",
        ).records
        assert [h["text"] for h in hits] == ["中国科学院物理研究所在量子计算领域取得新突破"]
        options = driver.execute_query("SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'news_text'").records
        assert options[0]["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"

    with pytest.raises(AuthError), GraphDatabase.driver(info.uri, auth=("neo4j", "wrong-password")) as bad:
        bad.verify_connectivity()

    assert neo4j_server.stop(data_dir) is True
    assert not _port_open(port)
    assert not pid_file.exists()
    assert neo4j_server.status(data_dir) is None
    assert neo4j_server.stop(data_dir) is False
    assert "NEO4J_STOPPED" in info.log_path.read_text()


def test_start_failure_names_the_log(tmp_path: Path) -> None:
    """A JVM that cannot start (bad heap size) is reported with the log path and its last lines."""
    with pytest.raises(StoreUnavailable) as caught:
        neo4j_server.start(tmp_path, port=_free_port(), password=PASSWORD, heap="bogus", timeout=30)
    message = str(caught.value)
    assert str(tmp_path.resolve() / "neo4j" / "logs" / "server.log") in message
    assert "heap size" in message.lower()
    assert not (tmp_path / "neo4j" / "server.pid").exists()
