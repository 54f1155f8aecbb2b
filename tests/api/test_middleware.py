"""Cross-cutting behaviour through real HTTP: rate limits, upload size, CORS, access logs, health, OpenAPI."""

from __future__ import annotations

import json
import logging
from concurrent.futures import ThreadPoolExecutor

import pytest

from api.logging import ACCESS_LOGGER


def test_every_response_carries_rate_limit_headers(client, ids) -> None:
    for path in ("/health", f"/entities/{ids.lin}", "/entities/researcher-000000000000", "/nowhere"):
        response = client.get(path)
        assert response.headers["X-RateLimit-Limit"] == "10000"
        assert int(response.headers["X-RateLimit-Remaining"]) >= 0
        assert 1 <= int(response.headers["X-RateLimit-Reset"]) <= 60


def test_rate_limit_answers_429_with_retry_after(make_client, problem) -> None:
    limited = make_client(rate_limit=3)
    remaining = [int(limited.get("/stats").headers["X-RateLimit-Remaining"]) for _ in range(3)]
    assert remaining == [2, 1, 0]
    response = limited.get("/stats")
    body = problem(response, 429, "rate-limited")
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.headers["X-RateLimit-Remaining"] == "0"
    assert "3 requests per minute" in body["detail"]


def test_rate_limit_is_per_key(make_client, keys) -> None:
    limited = make_client(rate_limit=2)
    for _ in range(2):
        assert limited.get("/stats").status_code == 200
    assert limited.get("/stats").status_code == 429  # the anonymous address is spent
    for key in keys:  # each valid key has its own window
        assert limited.get("/stats", headers={"X-API-Key": key}).status_code == 200
    # a wrong key does not buy a fresh window: it counts against the address
    assert limited.get("/stats", headers={"X-API-Key": "made-up"}).status_code == 429


def test_upload_over_the_limit_is_a_413_problem(make_client, curator, problem) -> None:
    small = make_client(max_upload_bytes=1000)
    response = small.post("/imports", files={"file": ("big.txt", b"x" * 5000)}, headers=curator)
    body = problem(response, 413, "payload-too-large")
    assert body["max_bytes"] == 1000


def test_streamed_body_over_the_limit_is_a_413_problem(make_client, curator, problem) -> None:
    small = make_client(max_upload_bytes=1000)

    def chunks():  # no Content-Length: the limit must be enforced while reading
        for _ in range(10):
            yield b"y" * 500

    headers = {**curator, "Content-Type": "application/json"}
    problem(small.post("/query/cypher", content=chunks(), headers=headers), 413, "payload-too-large")


def test_cors_preflight_and_headers_for_the_configured_origin(client, origin) -> None:
    preflight = client.options("/entities", headers={"Origin": origin, "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == origin
    response = client.get("/health", headers={"Origin": origin})
    assert response.headers["access-control-allow-origin"] == origin
    assert "X-RateLimit-Remaining" in response.headers["access-control-expose-headers"]
    other = client.get("/health", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_access_log_is_one_json_line_per_request_without_the_key(client, curator, keys, caplog) -> None:
    with caplog.at_level(logging.INFO, logger=ACCESS_LOGGER):
        client.get("/imports", headers=curator)
        client.get("/entities", params={"q": "秘密"})
    records = [json.loads(r.getMessage()) for r in caplog.records if r.name == ACCESS_LOGGER]
    assert [(r["method"], r["path"], r["status"]) for r in records] == [
        ("GET", "/imports", 200),
        ("GET", "/entities", 200),
    ]
    assert records[0]["key_id"].startswith("key-") and records[1]["key_id"] is None
    assert all(isinstance(r["duration_ms"], float) for r in records)
    text = caplog.text
    assert keys[0] not in text and "秘密" not in text


def test_health_reports_the_store(client, loaded_store) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["store"] == loaded_store.name


def test_health_answers_503_when_the_store_is_closed(make_client, loaded_store) -> None:
    api = make_client()
    loaded_store.close()
    response = api.get("/health")
    assert response.status_code == 503
    assert response.json()["ok"] is False


def test_openapi_documents_every_endpoint_with_examples(client) -> None:
    schema = client.get("/openapi.json").json()
    expected = {
        ("get", "/entities"),
        ("get", "/entities/lookup"),
        ("get", "/entities/{entity_id}"),
        ("get", "/entities/{entity_id}/neighbors"),
        ("post", "/entities/{entity_id}/merge"),
        ("post", "/entities/{entity_id}/split"),
        ("patch", "/entities/{entity_id}"),
        ("get", "/collaboration"),
        ("get", "/paths"),
        ("get", "/items"),
        ("get", "/items/{item_id}"),
        ("get", "/stats"),
        ("post", "/query/cypher"),
        ("get", "/export"),
        ("post", "/imports"),
        ("get", "/imports"),
        ("get", "/imports/{batch_id}"),
        ("delete", "/imports/{batch_id}"),
        ("get", "/health"),
    }
    present = {(method, path) for path, ops in schema["paths"].items() for method in ops}
    assert expected <= present
    text = json.dumps(schema)
    assert '"examples"' in text
    assert schema["components"]["securitySchemes"]
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("path", ["/stats", "/collaboration", "/entities?q=大学"])
def test_concurrent_requests_get_consistent_answers(client, path) -> None:
    expected = client.get(path).json()
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda _: client.get(path), range(32)))
    assert all(r.status_code == 200 for r in responses)
    assert all(r.json() == expected for r in responses)
