"""The one error mapping: every KgError class to a status and problem type, and the shape on non-store error paths."""

from __future__ import annotations

import inspect
import json
from http import HTTPStatus

import pytest
from pydantic import SecretStr

from api import problems
from api.auth import check_key, key_id
from api.ratelimit import RateLimiter
from kg import errors


def _all_error_classes() -> list[type[errors.KgError]]:
    return [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.KgError)]


def _make(cls: type[errors.KgError]) -> errors.KgError:
    if cls is errors.AuthError:
        return cls("x", missing=True)
    return cls("x")


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (errors.InputError("bad", file="a.txt", offset=3), 422, "bad-input"),
        (errors.DecodeError("bad", file="a.txt", offset=3), 422, "undecodable-input"),
        (errors.UsageError("bad"), 400, "bad-usage"),
        (errors.OntologyError("bad"), 500, "ontology-error"),
        (errors.NonConformance("bad", report={"violations": 1}), 422, "non-conformance"),
        (errors.StoreError("bad"), 503, "store-error"),
        (errors.StoreUnavailable("bad"), 503, "store-unavailable"),
        (errors.NotFound("bad"), 404, "not-found"),
        (errors.Conflict("bad"), 409, "conflict"),
        (errors.QueryError("bad"), 400, "bad-query"),
        (errors.QueryError("slow", timeout=True), 408, "query-timeout"),
        (errors.WriteForbidden("bad"), 403, "write-forbidden"),
        (errors.AuthError("bad", missing=True), 401, "unauthorized"),
        (errors.AuthError("bad", missing=False), 403, "forbidden"),
    ],
)
def test_problems_map_each_error_to_status_and_type(error, status, code) -> None:
    assert problems.status_of(error) == status
    assert problems.code_of(error) == code
    assert code in problems.ADVICE


@pytest.mark.parametrize("cls", _all_error_classes())
def test_problems_cover_every_error_class(cls) -> None:
    error = _make(cls)
    response = problems.kg_error_response(error, "/somewhere")
    assert response.media_type == problems.PROBLEM_MEDIA_TYPE
    assert problems.code_of(error) in problems.ADVICE


def test_problem_body_carries_the_error_data() -> None:
    error = errors.DecodeError("cannot decode", file="news.txt", offset=120)
    data = json.loads(problems.kg_error_response(error, "/imports").body)
    assert data == {
        "type": "/problems/undecodable-input",
        "title": HTTPStatus(422).phrase,
        "status": 422,
        "detail": "cannot decode (file news.txt, byte offset 120)",
        "instance": "/imports",
        "file": "news.txt",
        "offset": 120,
    }


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/no/such/endpoint", 404, "not-found"),
        ("PUT", "/stats", 405, "http-error"),
        ("GET", "/problems/no-such-problem", 404, "not-found"),
    ],
)
def test_http_errors_are_problems(client, problem, method, path, status, code) -> None:
    problem(client.request(method, path), status, code)


def test_problem_types_are_documented(client) -> None:
    response = client.get("/problems/write-forbidden")
    assert response.status_code == 200
    assert "read-only" in response.json()["advice"]


def test_auth_check_key_distinguishes_missing_wrong_and_valid() -> None:
    keys = [SecretStr("alpha"), SecretStr("beta")]
    with pytest.raises(errors.AuthError) as missing:
        check_key(None, keys)
    assert missing.value.missing
    with pytest.raises(errors.AuthError) as wrong:
        check_key("gamma", keys)
    assert not wrong.value.missing
    with pytest.raises(errors.AuthError):
        check_key("alpha", [])  # no keys configured: nobody is a curator
    assert check_key("beta", keys) == key_id("beta") != key_id("alpha")
    assert "beta" not in key_id("beta")


def test_a_fresh_window_never_resets_later_than_the_window() -> None:
    # at this clock reading (start + 60) - start is 60.00000000000091 in floating point
    limiter = RateLimiter(limit=2, window=60, clock=lambda: 8174.326235239371)
    assert limiter.hit("a").reset == 60


def test_rate_limiter_resets_after_the_window() -> None:
    now = [1000.0]
    limiter = RateLimiter(limit=2, window=60, clock=lambda: now[0])
    assert [limiter.hit("a").allowed for _ in range(3)] == [True, True, False]
    assert limiter.hit("b").allowed  # another client has its own window
    refused = limiter.hit("a")
    assert refused.headers()["Retry-After"] == "60"
    now[0] += 45
    assert limiter.hit("a").reset == 15
    now[0] += 15
    decision = limiter.hit("a")
    assert decision.allowed and decision.remaining == 1
