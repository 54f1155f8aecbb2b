"""``POST /query/cypher`` on both stores: reads answer, writes are refused with 403, the row cap holds."""

from __future__ import annotations

import pytest


def test_cypher_accepts_list_parameters(client, ids) -> None:
    response = client.post(
        "/query/cypher",
        json={
            "query": "MATCH (r:Researcher) WHERE r.id IN $ids RETURN r.id ORDER BY r.id",
            "params": {"ids": [ids.lin]},
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["rows"] == [[ids.lin]]


def test_cypher_read_returns_columns_and_rows(client, ids) -> None:
    response = client.post(
        "/query/cypher",
        json={"query": "MATCH (r:Researcher) WHERE r.id = $id RETURN r.name AS name", "params": {"id": ids.lin}},
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"columns": ["name"], "rows": [["林晓风"]], "truncated": False}


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Researcher {id: 'researcher-ffffffffffff', name: 'x'})",
        "MATCH (n:Researcher) SET n.name = 'x'",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:Researcher) MERGE (m:Researcher {id: n.id}) RETURN m",
    ],
)
def test_cypher_write_is_a_403_problem_and_changes_nothing(client, problem, query) -> None:
    before = client.get("/stats").json()["nodes_by_type"]
    body = problem(client.post("/query/cypher", json={"query": query}), 403, "write-forbidden")
    assert body["detail"]
    assert client.get("/stats").json()["nodes_by_type"] == before


def test_cypher_row_cap_truncates(make_client) -> None:
    capped = make_client(query_row_limit=2)
    response = capped.post("/query/cypher", json={"query": "MATCH (n:Institution) RETURN n.id"})
    assert response.status_code == 200
    result = response.json()
    assert len(result["rows"]) == 2 and result["truncated"] is True


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"query": ""},
        {"query": "RETURN 1", "params": []},
        {"query": "RETURN $x", "params": {"x": 2**63}},  # no 64-bit integer: no driver can send it
        {"query": "RETURN $x", "params": {"x": [1, "a"]}},  # mixed lists have no database type
        {"query": "RETURN $x", "params": {"x": {"nested": 1}}},
        {"query": "RETURN 1", "params": {"not a name": 1}},
    ],
)
def test_cypher_rejects_malformed_bodies(client, problem, body) -> None:
    problem(client.post("/query/cypher", json=body), 422, "validation-error")


def test_cypher_syntax_error_is_a_400_problem(client, problem) -> None:
    problem(client.post("/query/cypher", json={"query": "MATCH (n RETURN n"}), 400, "bad-query")


def test_cypher_past_the_time_limit_is_a_408_problem(make_client, problem) -> None:
    hurried = make_client(query_timeout=0.05)
    slow = "UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)"
    body = problem(hurried.post("/query/cypher", json={"query": slow}), 408, "query-timeout")
    assert body["detail"]
