"""The /analytics endpoints through real HTTP on both real stores, over the fictional test graph of conftest.py.

In that graph 林晓风 collaborates with 周明远 (the Chinese item, 2025-03-10) and with Anna Berglund (the English item,
2024-11-02): he is the only path between the other two researchers. His school 青川大学物理学院 is part of 青川大学
and collaborates with 海岳研究所.
"""

from __future__ import annotations

import pytest


def _ids(nodes: list[dict]) -> set[str]:
    return {n["id"] for n in nodes}


def test_network_draws_researchers_and_institutions_around_an_entity(client, ids) -> None:
    body = client.get("/analytics/network", params={"around": ids.lin, "depth": 2}).json()
    drawn = _ids(body["nodes"])
    assert {ids.lin, ids.zhou, ids.anna, ids.physics, ids.haiyue} <= drawn
    assert {n["type"] for n in body["nodes"]} == {"Researcher", "Institution"}
    assert ids.paper not in drawn and ids.nature not in drawn
    lin = next(n for n in body["nodes"] if n["id"] == ids.lin)
    assert lin["properties"]["degree"] >= 3
    assert {"betweenness", "community"} <= set(lin["properties"])
    assert all(e["weight"] >= 1 for e in body["edges"])
    assert all(e["source"] in drawn and e["target"] in drawn for e in body["edges"])


def test_network_type_filter_changes_what_is_drawn(client, ids) -> None:
    both = client.get("/analytics/network", params={"around": ids.lin, "depth": 2}).json()
    people = client.get("/analytics/network", params={"around": ids.lin, "depth": 2, "type": "Researcher"}).json()
    assert _ids(people["nodes"]) == {ids.lin, ids.zhou, ids.anna}
    assert len(people["nodes"]) < len(both["nodes"])
    more = client.get(
        "/analytics/network",
        params=[("around", ids.lin), ("depth", "1"), ("type", "Researcher"), ("type", "Publication")],
    ).json()
    assert ids.paper in _ids(more["nodes"])


@pytest.mark.parametrize(
    ("since", "until", "present", "absent"),
    [
        ("2025-01-01", None, "zhou", "anna"),
        (None, "2024-12", "anna", "zhou"),
        ("2024", "2024", "anna", "zhou"),
    ],
)
def test_network_date_range_keeps_only_dated_evidence(client, ids, since, until, present, absent) -> None:
    params = {"around": ids.lin, "depth": 2, "since": since, "until": until}
    body = client.get("/analytics/network", params={k: v for k, v in params.items() if v}).json()
    drawn = _ids(body["nodes"])
    assert getattr(ids, present) in drawn
    assert getattr(ids, absent) not in drawn
    assert ids.lin in drawn


def test_network_keeps_the_centre_when_nothing_is_left(client, ids) -> None:
    body = client.get("/analytics/network", params={"around": ids.lin, "since": "2030-01-01"}).json()
    assert _ids(body["nodes"]) == {ids.lin}
    assert body["edges"] == []


def test_centrality_ranks_the_bridge_first(client, ids) -> None:
    ranked = client.get("/analytics/centrality", params={"level": "researcher"}).json()
    assert ranked[0]["node"]["id"] == ids.lin
    assert ranked[0]["metrics"]["betweenness"] == pytest.approx(1.0)
    assert ranked[0]["metrics"]["degree"] == 2
    assert {r["node"]["id"] for r in ranked} == {ids.lin, ids.zhou, ids.anna}
    by_degree = client.get("/analytics/centrality", params={"by": "degree", "top": 1}).json()
    assert [r["node"]["id"] for r in by_degree] == [ids.lin]


def test_centrality_follows_the_date_range(client, ids) -> None:
    ranked = client.get("/analytics/centrality", params={"since": "2025-01-01"}).json()
    assert {r["node"]["id"] for r in ranked} == {ids.lin, ids.zhou}
    assert all(r["metrics"]["betweenness"] == 0 for r in ranked)


def test_communities_cover_the_graph_and_repeat(client, ids) -> None:
    first = client.get("/analytics/communities", params={"level": "researcher", "seed": 3}).json()
    again = client.get("/analytics/communities", params={"level": "researcher", "seed": 3}).json()
    assert first == again
    members = [m for c in first for m in c["members"]]
    assert sorted(members) == sorted({ids.lin, ids.zhou, ids.anna})
    assert all(len(c["nodes"]) == c["size"] == len(c["members"]) for c in first)
    institutions = client.get("/analytics/communities", params={"level": "institution"}).json()
    assert {ids.physics, ids.haiyue} <= {m for c in institutions for m in c["members"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [({}, {"zhou", "anna"}), ({"since": "2025-01-01"}, {"zhou"}), ({"until": "2024-12-31"}, {"anna"})],
)
def test_collaborators_of_a_researcher(client, ids, params, expected) -> None:
    found = client.get(f"/analytics/collaborators/{ids.lin}", params=params).json()
    assert {c["node"]["id"] for c in found} == {getattr(ids, name) for name in expected}
    assert all(c["weight"] == 1 for c in found)


def test_rollup_lifts_the_school_to_its_university(client, ids) -> None:
    body = client.get("/analytics/rollup").json()
    drawn = _ids(body["nodes"])
    assert ids.qingchuan in drawn and ids.haiyue in drawn
    assert ids.physics not in drawn
    pairs = {frozenset((e["source"], e["target"])): e["weight"] for e in body["edges"]}
    # the school-level tie and the researchers' tie are reported by the same item: one collaboration
    assert pairs[frozenset((ids.qingchuan, ids.haiyue))] == 1
    # 林晓风 (school of 青川大学) and Anna Berglund (Northwind) collaborate in the English item
    assert pairs[frozenset((ids.qingchuan, ids.northwind))] == 1
    units = {n["id"]: n["properties"]["units"] for n in body["nodes"]}
    assert units[ids.qingchuan] == 2
    recent = client.get("/analytics/rollup", params={"since": "2025"}).json()
    assert ids.northwind not in _ids(recent["nodes"])


def test_years_overall_and_of_one_researcher(client, ids) -> None:
    overall = {y["year"]: y for y in client.get("/analytics/years").json()}
    assert set(overall) == {2024, 2025}
    assert overall[2024]["collaborations"] == 1  # Anna Berglund and 林晓风
    assert overall[2025]["collaborations"] == 2  # the two researchers and their two institutions
    of_lin = client.get("/analytics/years", params={"around": ids.lin}).json()
    assert [(y["year"], y["collaborations"], y["items"]) for y in of_lin] == [(2024, 1, 1), (2025, 1, 1)]


def test_entity_analytics_for_the_panel(client, ids) -> None:
    body = client.get(f"/analytics/entities/{ids.lin}").json()
    assert body["node"]["name"] == "林晓风"
    assert body["level"] == "researcher"
    assert body["metrics"]["degree"] == 2
    assert body["metrics"]["betweenness"] == pytest.approx(1.0)
    assert ids.lin in body["community"]["members"]
    assert {c["node"]["id"] for c in body["collaborators"]} == {ids.zhou, ids.anna}
    assert [y["year"] for y in body["years"]] == [2024, 2025]
    assert body["graph_nodes"] == 3


def test_entity_analytics_of_an_institution_and_of_a_journal(client, ids) -> None:
    school = client.get(f"/analytics/entities/{ids.physics}").json()
    assert school["level"] == "institution"
    assert ids.haiyue in {c["node"]["id"] for c in school["collaborators"]}
    journal = client.get(f"/analytics/entities/{ids.nature}").json()
    assert journal["level"] is None
    assert journal["metrics"] is None and journal["collaborators"] == [] and journal["years"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/analytics/network?around=researcher-000000000000",
        "/analytics/collaborators/researcher-000000000000",
        "/analytics/entities/researcher-000000000000",
        "/analytics/years?around=researcher-000000000000",
    ],
)
def test_analytics_of_an_unknown_entity_is_a_404_problem(client, problem, path) -> None:
    problem(client.get(path), 404)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/analytics/centrality?since=2025-02-01&until=2025-01-01", 400),
        ("/analytics/communities?since=25-01", 422),
        ("/analytics/centrality?level=journal", 422),
        ("/analytics/network", 422),
    ],
)
def test_analytics_reject_bad_parameters_as_problems(client, problem, path, status) -> None:
    problem(client.get(path), status)


def test_network_of_an_institution_shows_ties_made_through_its_researchers(client, ids) -> None:
    # no stored edge joins the school and Northwind: 林晓风 and Anna Berglund collaborate, each for their institution
    body = client.get("/analytics/network", params={"around": ids.physics, "depth": 1}).json()
    assert {ids.haiyue, ids.northwind} <= _ids(body["nodes"])
    tie = [e for e in body["edges"] if {e["source"], e["target"]} == {ids.physics, ids.northwind}]
    assert [(e["predicate"], e["weight"]) for e in tie] == [("collaboratedWith", 1)]
    without = client.get("/analytics/network", params={"around": ids.physics, "depth": 1, "type": "Researcher"}).json()
    assert ids.northwind not in _ids(without["nodes"])
