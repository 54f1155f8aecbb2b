"""A lean HTTP/1.1 load client for the API benchmark: ``concurrency`` keep-alive connections on one asyncio loop.

Why not httpx in threads (what ``bench_api`` used before): on the 2-core machine the benchmark runs on, the load
generator shares the cores with the API and Neo4j. httpx clients in threads cost ~1 ms of CPU per request in the
generator (its request and response objects, and the GIL handed between threads), CPU the system under test then
waits for. Here a request is one ``write`` of a prepared GET and its response is read straight off the socket:
status line, headers, then ``Content-Length`` bytes (or the chunks of a chunked body).

Each latency is measured from just before the request is written until the last byte of its body has been read, so
it includes every wait in between (the server's, and this loop's own while it reads another connection's answer).
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    """One request's outcome: HTTP status (0 when it failed: timeout, connection error), latency, body size."""

    status: int
    ms: float
    size: int


class _Connection:
    """One keep-alive connection; reopened after an error or a ``Connection: close``."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self.reader, self.writer

    def close(self) -> None:
        """Drop the connection (the next request opens a new one)."""
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def get(self, request: bytes) -> tuple[int, int]:
        """Send a prepared request; (status, body bytes) once the whole body has been read."""
        reader, writer = await self._open()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name:
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            size = int(headers["content-length"])
            await reader.readexactly(size)
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            size = 0
            while True:
                chunk = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await reader.readexactly(chunk + 2)  # the chunk and its CRLF
                size += chunk
                if chunk == 0:
                    break
        else:  # a body delimited by the end of the connection
            size = len(await reader.read())
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, size


def _request(host: str, port: int, path: str) -> bytes:
    # percent-encode what a request line cannot carry (a space or a Chinese query), as httpx does; %XX stays as is
    target = urllib.parse.quote(path, safe="/?&=%:+,;@!$'()*~")
    return f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode("ascii")


async def _run(
    host: str, port: int, paths: Sequence[str], concurrency: int, timeout: float
) -> tuple[list[Answer], float]:
    requests = iter([_request(host, port, p) for p in paths])
    answers: list[Answer] = []

    async def worker(next_request: Iterator[bytes]) -> None:
        connection = _Connection(host, port)
        try:
            for request in next_request:  # the workers share one iterator: a free connection takes the next request
                started = time.perf_counter()
                try:
                    status, size = await asyncio.wait_for(connection.get(request), timeout)
                except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError):
                    status, size = 0, 0
                    connection.close()  # a half-read answer would be read as the next request's
                answers.append(Answer(status, (time.perf_counter() - started) * 1000, size))
        finally:
            connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker(requests) for _ in range(concurrency)))
    return answers, time.perf_counter() - started


def run_load(base: str, paths: Sequence[str], concurrency: int, timeout: float = 60) -> tuple[list[Answer], float]:
    """Send ``paths`` (GET, in order, each taken by the next free connection) over ``concurrency`` keep-alive
    connections to ``base`` (``http://host:port``); the answers in completion order and the wall time in seconds."""
    address = base.removeprefix("http://").rstrip("/")
    host, _, port = address.partition(":")
    try:
        import uvloop  # the API's own loop: less of the client's CPU per request than asyncio's

        return uvloop.run(_run(host, int(port or 80), paths, concurrency, timeout))
    except ImportError:  # pragma: no cover - uvloop is a dependency on Linux
        return asyncio.run(_run(host, int(port or 80), paths, concurrency, timeout))
