"""The benchmark's load client (``bench/http_load.py``) against a real HTTP/1.1 server on loopback: keep-alive
answers with a Content-Length, chunked answers, an error status and a server that closes the connection."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from bench.http_load import run_load

BODY = b'{"ok":true}'


async def _answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A minimal HTTP/1.1 server: /chunked answers in two chunks, /missing 404, /close closes after answering."""
    while True:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError:
            break
        path = head.split(b" ", 2)[1]
        if not path.isascii() or b" " in path:  # what a strict server (httptools) refuses
            writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
            continue
        if path == b"/chunked":
            writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n")
        elif path == b"/missing":
            writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        elif path == b"/close":
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(BODY), BODY))
            await writer.drain()
            break
        else:
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(BODY), BODY))
        await writer.drain()
    writer.close()


@pytest.fixture
def server() -> Iterator[str]:
    """The server above in a thread of its own; its base URL."""
    loop = asyncio.new_event_loop()
    started = threading.Event()
    holder: dict[str, asyncio.Server] = {}

    async def start() -> None:
        holder["server"] = await asyncio.start_server(_answer, "127.0.0.1", 0)
        started.set()

    thread = threading.Thread(target=lambda: (loop.run_until_complete(start()), loop.run_forever()), daemon=True)
    thread.start()
    started.wait(10)
    port = holder["server"].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"

    async def stop() -> None:
        holder["server"].close()
        await holder["server"].wait_closed()
        loop.stop()

    asyncio.run_coroutine_threadsafe(stop(), loop)
    thread.join(10)
    loop.close()


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
