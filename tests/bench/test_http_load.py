"""The benchmark's load client (``bench/http_load.py``) against a real HTTP/1.1 server on loopback: keep-alive
answers with a Content-Length, chunked answers, an error status and a server that closes the connection."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator

import pytest

from bench.http_load import run_load

BODY = b'{"ok":true}'


class _Answer(socketserver.StreamRequestHandler):
    """A minimal HTTP/1.1 server: /chunked answers in two chunks, /missing 404, /close closes after answering, a raw
    non-ASCII or spaced target 400 (as httptools does)."""

    def handle(self) -> None:
        while True:
            line = self.rfile.readline()
            if not line:
                return
            while self.rfile.readline() not in (b"\r\n", b""):  # the headers
                pass
            parts = line.rstrip(b"\r\n").split(b" ")
            path = parts[1] if len(parts) == 3 else b" "
            if not path.isascii() or len(parts) != 3:
                self.wfile.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            elif path == b"/chunked":
                self.wfile.write(
                    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n"
                )
            elif path == b"/missing":
                self.wfile.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            elif path == b"/close":
                self.wfile.write(
                    b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(BODY), BODY)
                )
                return
            else:
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(BODY), BODY))


@pytest.fixture
def server() -> Iterator[str]:
    """The server above, a thread per connection; its base URL."""
    httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Answer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


def test_every_request_is_answered_and_read_whole(server: str) -> None:
    paths = ["/a", "/chunked", "/missing", "/close", "/b"] * 8
    answers, wall = run_load(server, paths, concurrency=3)
    assert len(answers) == len(paths) and wall > 0
    assert sorted(a.status for a in answers) == sorted([200] * 32 + [404] * 8)
    assert sorted(a.size for a in answers) == sorted([len(BODY)] * 24 + [7] * 8 + [0] * 8)
    assert all(a.ms > 0 for a in answers)


def test_a_refused_connection_counts_as_a_failed_request() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    answers, _ = run_load(f"http://127.0.0.1:{port}", ["/x", "/y"], concurrency=1, timeout=5)
    assert [a.status for a in answers] == [0, 0]


def test_a_query_in_chinese_or_with_spaces_is_percent_encoded(server: str) -> None:
    answers, _ = run_load(server, ["/entities?q=钙钛&limit=20", "/entities?q=a b", "/entities?q=%E9%92%99"], 1)
    assert [a.status for a in answers] == [200, 200, 200]
