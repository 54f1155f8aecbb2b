"""Per-client rate limits: a fixed one-minute window per API key id, or per client address for anonymous callers.

Every response carries ``X-RateLimit-Limit``, ``X-RateLimit-Remaining`` and ``X-RateLimit-Reset`` (seconds until the
window resets); a request over the limit is answered 429 with ``Retry-After``, before it reaches a route.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import SecretStr
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import is_valid, key_id, presented_key
from api.problems import problem_response


@dataclass(frozen=True)
class Decision:
    """The outcome of one request against its client's window."""

    allowed: bool
    limit: int
    remaining: int
    reset: int  # seconds until the window resets

    def headers(self) -> dict[str, str]:
        """The ``X-RateLimit-*`` headers (and ``Retry-After`` when refused)."""
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.reset)
        return headers


class RateLimiter:
    """Fixed windows of ``window`` seconds, ``limit`` requests each, per client id; safe across threads."""

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}  # client -> (window start, count)

    def hit(self, client: str) -> Decision:
        """Count one request of ``client`` and say whether it may proceed."""
        now = self._clock()
        with self._lock:
            start, count = self._windows.get(client, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            allowed = count < self.limit
            if allowed:
                count += 1
            self._windows[client] = (start, count)
            if len(self._windows) > 10_000:  # forget idle clients so memory stays bounded
                self._windows = {c: w for c, w in self._windows.items() if now - w[0] < self.window}
        # what is left of the window, from the time elapsed: (start + window) - now rounds, and at some clock readings
        # a fresh window came out as 61 s of 60
        reset = max(1, math.ceil(self.window - (now - start)))
        return Decision(allowed, self.limit, self.limit - count, reset)


class RateLimitMiddleware:
    """ASGI middleware applying a :class:`RateLimiter` to every HTTP request and adding its headers."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, keys: Callable[[], Sequence[SecretStr]]) -> None:
        self.app = app
        self.limiter = limiter
        self._keys = keys

    def client_of(self, scope: Scope) -> str:
        """A valid key's id, else the client address (a wrong key does not buy a fresh window)."""
        key = presented_key(Headers(scope=scope))
        if key is not None and is_valid(key, self._keys()):
            return key_id(key)
        client = scope.get("client")
        return "addr:" + (client[0] if client else "unknown")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") == "OPTIONS":  # CORS preflights are not requests of ours
            await self.app(scope, receive, send)
            return
        decision = self.limiter.hit(self.client_of(scope))
        if not decision.allowed:
            response = problem_response(
                429,
                "rate-limited",
                f"more than {decision.limit} requests per minute; retry in {decision.reset} s",
                scope.get("path", ""),
                headers=decision.headers(),
            )
            await response(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in decision.headers().items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit.

    An ``HTTPException`` so that FastAPI's body parsing lets it through (it turns other errors into a 400) and the
    problem handler answers it; the middleware catches it itself when raised outside a route.
    """


class BodyLimitMiddleware:
    """ASGI middleware answering 413 to request bodies over ``max_bytes``.

    A declared ``Content-Length`` is refused before anything is read; a chunked body is counted as it streams, so a
    client cannot get past the limit by not declaring the length.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _refuse(self, scope: Scope) -> JSONResponse:
        return problem_response(
            413,
            "payload-too-large",
            f"the request body exceeds the limit of {self.max_bytes} bytes (KG_MAX_UPLOAD_BYTES)",
            scope.get("path", ""),
            max_bytes=self.max_bytes,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope)(scope, receive, send)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge(413, f"the request body exceeds the limit of {self.max_bytes} bytes")
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if started:
                raise
            await self._refuse(scope)(scope, receive, send)
