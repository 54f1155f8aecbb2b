"""The shared write-clause refusal (both stores call it before running a read query)."""

from __future__ import annotations

import pytest

from kg.errors import WriteForbidden
from kg.store.cypher_guard import check_read_only


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n) RETURN n.name AS start, n.set AS s",
        "MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n",
        'MATCH (n) WHERE n.name = "DELETE" RETURN n // SET n.x = 1',
        "MATCH (n) /* MERGE (m) */ RETURN count(n)",
        "MATCH (n) RETURN n.`delete` AS x, {set: 1} AS m",
        "CALL db.labels() YIELD label RETURN label",
        "CALL db.index.fulltext.queryNodes('entity_names', '东海') YIELD node RETURN node",
        "MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN c",
    ],
)
def test_guard_lets_reads_through(query: str) -> None:
    check_read_only(query)


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n)",
        "MATCH (n) SET n.x = 1",
        "MATCH (n) DETACH DELETE n",
        "merge (n:Researcher {id: 'x'})",
        "MATCH (n) REMOVE n.name",
        "MATCH (n) FOREACH (x IN [1] | CREATE (m))",
        "LOAD CSV FROM 'file:///x' AS r RETURN r",
        "COPY Researcher FROM 'x.csv'",
        "DROP INDEX researcher_name",
        "CALL apoc.create.node([], {})",
        "CALL dbms.security.createUser('x', 'y')",
        "MATCH (n) CALL (n) { CREATE (m) } RETURN n",
        "RETURN 1; CREATE (n)",
    ],
)
def test_guard_refuses_writes(query: str) -> None:
    with pytest.raises(WriteForbidden):
        check_read_only(query)
