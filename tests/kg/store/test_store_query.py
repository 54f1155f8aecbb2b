"""Conformance: read-only Cypher (rows, caps, refusals) and the store read back as extraction records."""

from __future__ import annotations

import pytest

from kg.errors import QueryError, WriteForbidden
from kg.model import SYMMETRIC_PREDICATES, Extraction

from .conftest import eid, record

WRITES = [
    "CREATE (n:Researcher {id: 'researcher-aaaaaaaaaaaa'})",
    "MATCH (n:Researcher) SET n.name = 'x'",
    "MATCH (n:Researcher) DETACH DELETE n",
    "MATCH (n:Researcher) DELETE n",
    "MERGE (n:Researcher {id: 'researcher-aaaaaaaaaaaa'})",
    "MATCH (n:Researcher) REMOVE n.name",
    "match (n:Researcher) set n.name = 'lower case'",
    "MATCH (n) WITH n /* a comment */ CREATE (m:Funder {id: 'funder-aaaaaaaaaaaa'})",
    "DROP TABLE Researcher",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "COPY Researcher FROM '/tmp/x.csv'",
    "CALL apoc.create.node(['Researcher'], {})",
]


@pytest.mark.parametrize("query", WRITES)
def test_read_query_refuses_writes(loaded, query: str) -> None:  # noqa: ANN001
    before = loaded.stats()
    with pytest.raises(WriteForbidden):
        loaded.read_query(query)
    after = loaded.stats()
    assert (after.nodes_by_type, after.edges_by_predicate) == (before.nodes_by_type, before.edges_by_predicate)
    assert loaded.entity(eid("lin")).node.name == "林晓明"


def test_read_query_rows_params_and_cap(loaded) -> None:  # noqa: ANN001
    result = loaded.read_query("MATCH (n:Researcher) RETURN n.name AS name ORDER BY name")
    assert result.columns == ["name"]
    assert result.rows == [["Alice Moreau"], ["林晓明"], ["王建国"]] and not result.truncated
    capped = loaded.read_query("MATCH (n:Researcher) RETURN n.name AS name ORDER BY name", row_limit=2)
    assert capped.rows == [["Alice Moreau"], ["林晓明"]] and capped.truncated
    found = loaded.read_query("MATCH (n:Journal) WHERE n.name = $name RETURN n.id AS id", params={"name": "Nature"})
    assert found.rows == [[eid("nature")]]
    # words that are clauses elsewhere are fine inside strings
    quoted = loaded.read_query("MATCH (n:Researcher) WHERE n.name = 'CREATE DELETE' RETURN count(n) AS c")
    assert quoted.rows == [[0]]


def test_read_query_returns_nodes_as_dicts(loaded) -> None:  # noqa: ANN001
    result = loaded.read_query("MATCH (n:Journal) RETURN n")
    (node,) = result.rows[0]
    assert isinstance(node, dict) and node["name"] == "Nature" and node["id"] == eid("nature")


def test_read_query_syntax_error(loaded) -> None:  # noqa: ANN001
    with pytest.raises(QueryError) as info:
        loaded.read_query("MATCH (n RETURN n")
    assert not isinstance(info.value, WriteForbidden)


def facts(records: list[Extraction]) -> set[tuple]:
    """Relations as comparable tuples (symmetric ones ordered, as stored)."""
    out = set()
    for r in records:
        for rel in r.relations:
            a, b = rel.subject, rel.object
            if rel.predicate in SYMMETRIC_PREDICATES:
                a, b = sorted((a, b))
            ev = rel.evidence
            out.add((r.item.id, a, rel.predicate, b, rel.role, rel.year, ev.item_id, ev.start, ev.end, ev.sentence))
    return out


def mentions(records: list[Extraction]) -> set[tuple]:
    return {(r.item.id, e.id, m.start, m.end, m.text) for r in records for e in r.entities for m in e.mentions}


def test_subgraph_round_trips_the_records(loaded) -> None:  # noqa: ANN001
    originals = [record(k) for k in "ABC"]
    stored = loaded.subgraph()
    assert sorted(r.item.id for r in stored) == sorted(r.item.id for r in originals)
    assert {r.item.id: r.item for r in stored} == {r.item.id: r.item for r in originals}
    assert facts(stored) == facts(originals)
    assert mentions(stored) == mentions(originals)
    entity = next(e for r in stored for e in r.entities if e.id == eid("dhut"))
    assert entity.identifiers == {"wikidata": "Q4115189"} and entity.type == "Institution"


def test_context_reads_only_around_the_entities(loaded) -> None:  # noqa: ANN001
    records = loaded.context([eid("award")])
    assert sorted(r.item.id for r in records) == sorted(record(k).item.id for k in "BC")
    assert {rel.predicate for r in records for rel in r.relations} == {"received"}
    assert {e.id for r in records for e in r.entities} >= {eid("award"), eid("lin"), eid("wang")}
    assert loaded.context([]) == []


def test_read_query_time_limit(loaded) -> None:  # noqa: ANN001
    slow = "UNWIND range(1, 300000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS c"
    with pytest.raises(QueryError) as info:
        loaded.read_query(slow, timeout=0.5)
    assert info.value.timeout
