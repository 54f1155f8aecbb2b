"""API keys for the curator endpoints: ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``.

Keys come from ``settings.api_keys`` and are compared in constant time. Logs and rate limits see a key's *id* (a short
digest), never the key.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import SecretStr

from kg.errors import AuthError

# auto_error=False: the absence of a key is reported by us, as a problem, not by FastAPI's own 403
_bearer = HTTPBearer(auto_error=False, description="an API key from KG_API_KEYS")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="an API key from KG_API_KEYS")


def key_id(key: str) -> str:
    """A stable, non-reversible id of a key for logs and rate limits."""
    return "key-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def presented_key(headers: Mapping[str, str]) -> str | None:
    """The key a request presents, from ``Authorization: Bearer`` first, then ``X-API-Key``."""
    auth = headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    value = headers.get("x-api-key", "").strip()
    return value or None


def is_valid(key: str, keys: Sequence[SecretStr]) -> bool:
    """Whether ``key`` is one of ``keys``, in time that does not depend on where they differ."""
    presented = key.encode("utf-8")
    # compare against every key, so the time does not say which one (or whether an early one) matched
    matches = [hmac.compare_digest(presented, k.get_secret_value().encode("utf-8")) for k in keys]
    return any(matches)


def check_key(key: str | None, keys: Sequence[SecretStr]) -> str:
    """The key's id if ``key`` is valid; raises :class:`AuthError` (missing → 401, wrong → 403) otherwise."""
    if key is None:
        raise AuthError(
            "this endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'", missing=True
        )
    if not keys:
        raise AuthError("no API keys are configured on this server (set KG_API_KEYS)", missing=False)
    if not is_valid(key, keys):
        raise AuthError("the API key is not valid", missing=False)
    return key_id(key)


def require_key(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    header: Annotated[str | None, Depends(_header)],
) -> str:
    """FastAPI dependency of the curator endpoints: returns the caller's key id."""
    # the security schemes above are declared for OpenAPI; the header parsing itself is ours, one place
    del bearer, header
    return check_key(presented_key(request.headers), request.app.state.settings.api_keys)


CuratorKey = Annotated[str, Depends(require_key)]
