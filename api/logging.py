"""Structured access logs: one JSON object per request on the ``kg.api.access`` logger.

Fields: ``ts``, ``method``, ``path``, ``status``, ``duration_ms``, ``client`` and ``key_id`` (a digest of the API key,
never the key; ``null`` for anonymous calls). The query string is left out because it may carry search terms people
would rather not have logged.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import UTC, datetime
from typing import IO, Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import key_id, presented_key

ACCESS_LOGGER = "kg.api.access"
logger = logging.getLogger(ACCESS_LOGGER)


def configure_access_log(stream: IO[str] | None = None, level: int | str = logging.INFO) -> logging.Handler:
    """Send access log lines (bare JSON, one per line) to ``stream`` (stderr by default); for ``kg serve``."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    return handler


class AccessLogMiddleware:
    """ASGI middleware writing one JSON line per HTTP request, after the response (or the failure)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets if the app raises before answering

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            key = presented_key(Headers(scope=scope))
            client = scope.get("client")
            record: dict[str, Any] = {
                "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "method": scope.get("method"),
                "path": scope.get("path"),
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "client": client[0] if client else None,
                "key_id": key_id(key) if key else None,
            }
            logger.info(json.dumps(record, ensure_ascii=False))
