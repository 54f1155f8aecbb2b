"""Entity read endpoints through real HTTP on both stores: search, lookup, detail with provenance, neighbours."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("q", "expected", "match"),
    [
        ("林晓风", "lin", "exact"),
        ("青川大学物理", "physics", "prefix"),
        ("物理学院", "physics", "substring"),
        ("Lin Xiaofeng", "lin", "exact"),
        ("northwind", "northwind", "prefix"),
        ("Nature", "nature", "exact"),
    ],
)
def test_search_finds_names_and_aliases_in_both_languages(client, ids, q, expected, match) -> None:
    response = client.get("/entities", params={"q": q})
    assert response.status_code == 200
    hits = response.json()["hits"]
    found = {hit["node"]["id"]: hit for hit in hits}
    target = getattr(ids, expected)
    assert target in found, hits
    assert found[target]["match"] in (match, "fulltext")


def test_search_ranks_exact_before_prefix(client, ids) -> None:
    hits = client.get("/entities", params={"q": "青川大学"}).json()["hits"]
    assert hits[0]["node"]["id"] == ids.qingchuan
    assert ids.physics in [h["node"]["id"] for h in hits[1:]]


def test_search_filters_by_type(client, ids) -> None:
    hits = client.get("/entities", params={"q": "青川", "type": "Researcher"}).json()["hits"]
    assert hits == []
    hits = client.get("/entities", params=[("q", "青川"), ("type", "Institution")]).json()["hits"]
    assert {h["node"]["id"] for h in hits} == {ids.physics, ids.qingchuan}


def test_search_paginates_with_a_cursor(client) -> None:
    first = client.get("/entities", params={"q": "大学", "limit": 1}).json()
    assert len(first["hits"]) == 1 and first["next_cursor"]
    seen = [first["hits"][0]["node"]["id"]]
    cursor = first["next_cursor"]
    while cursor:
        page = client.get("/entities", params={"q": "大学", "limit": 1, "cursor": cursor}).json()
        seen += [h["node"]["id"] for h in page["hits"]]
        cursor = page["next_cursor"]
    everything = client.get("/entities", params={"q": "大学", "limit": 100}).json()["hits"]
    assert seen == [h["node"]["id"] for h in everything]
    assert len(set(seen)) == len(seen) == 2  # 青川大学 and 青川大学物理学院


@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": "x", "limit": 0}, {"q": "x", "limit": 101}, {"q": "x", "type": "Person"}],
)
def test_search_rejects_bad_parameters(client, problem, params) -> None:
    body = problem(client.get("/entities", params=params), 422, "validation-error")
    assert body["errors"]


def test_search_rejects_a_forged_cursor(client, problem) -> None:
    problem(client.get("/entities", params={"q": "大学", "cursor": "not-a-cursor"}), 400)


@pytest.mark.parametrize(
    ("identifier", "expected"), [("0028-0836", "nature"), ("Q180445", "nature"), ("501100001809", "nsfc")]
)
def test_lookup_finds_an_entity_by_external_identifier(client, ids, identifier, expected) -> None:
    response = client.get("/entities/lookup", params={"identifier": identifier})
    assert response.status_code == 200
    assert response.json()["id"] == getattr(ids, expected)


def test_lookup_unknown_identifier_is_a_404_problem(client, problem) -> None:
    problem(client.get("/entities/lookup", params={"identifier": "0000-0000"}), 404, "not-found")


def test_entity_detail_carries_provenance(client, ids) -> None:
    response = client.get(f"/entities/{ids.lin}")
    assert response.status_code == 200
    detail = response.json()
    assert detail["node"] == {**detail["node"], "id": ids.lin, "type": "Researcher", "name": "林晓风"}
    assert "Lin Xiaofeng" in detail["node"]["aliases"]
    affiliation = next(e for e in detail["edges"] if e["predicate"] == "affiliatedWith")
    assert affiliation["target"] == ids.physics
    evidence = affiliation["evidence"][0]
    assert evidence["item_id"] == ids.item_zh
    assert evidence["item_date"] == "2025-03-10"
    assert "林晓风" in evidence["sentence"]
    assert {item["id"] for item in detail["items"]} == {ids.item_zh, ids.item_en}
    assert ids.physics in {n["id"] for n in detail["neighbors"]}


def test_entity_detail_is_bounded_by_limit_and_gives_the_totals(client, ids) -> None:
    whole = client.get(f"/entities/{ids.lin}").json()
    assert whole["edges_total"] == len(whole["edges"]) >= 2 and whole["items_total"] == len(whole["items"]) == 2
    assert whole["truncated"] is False
    one = client.get(f"/entities/{ids.lin}", params={"limit": 1}).json()
    assert len(one["edges"]) == 1 and len(one["items"]) == 1 and one["truncated"] is True
    assert (one["edges_total"], one["items_total"]) == (whole["edges_total"], whole["items_total"])
    assert one["items"][0]["id"] == whole["items"][0]["id"]  # the most recent first
    assert client.get(f"/entities/{ids.lin}", params={"limit": -1}).status_code == 422


def test_entity_detail_unknown_id_is_a_404_problem(client, problem) -> None:
    body = problem(client.get("/entities/researcher-000000000000"), 404, "not-found")
    assert "researcher-000000000000" in body["detail"]


def test_neighbors_grow_with_depth(client, ids) -> None:
    one = client.get(f"/entities/{ids.zhou}/neighbors", params={"depth": 1}).json()
    two = client.get(f"/entities/{ids.zhou}/neighbors", params={"depth": 2}).json()
    one_ids = {n["id"] for n in one["nodes"]}
    two_ids = {n["id"] for n in two["nodes"]}
    assert {ids.haiyue, ids.paper, ids.lin} <= one_ids
    assert ids.nature not in one_ids
    assert {ids.nature, ids.physics} <= two_ids
    for edge in two["edges"]:
        assert edge["source"] in two_ids and edge["target"] in two_ids


def test_neighbors_say_whether_they_were_truncated(client, ids) -> None:
    whole = client.get(f"/entities/{ids.zhou}/neighbors", params={"depth": 2}).json()
    assert whole["truncated"] is False
    assert all(e["evidence_total"] >= len(e["evidence"]) >= 1 for e in whole["edges"])
    cut = client.get(f"/entities/{ids.zhou}/neighbors", params={"depth": 2, "limit": 2}).json()
    assert cut["truncated"] is True and len(cut["nodes"]) == 2


def test_neighbors_filter_by_relation_and_type(client, ids) -> None:
    by_relation = client.get(f"/entities/{ids.lin}/neighbors", params={"relations": "affiliatedWith"}).json()
    assert {e["predicate"] for e in by_relation["edges"]} == {"affiliatedWith"}
    by_type = client.get(f"/entities/{ids.lin}/neighbors", params={"types": "Award"}).json()
    assert {n["id"] for n in by_type["nodes"]} - {ids.lin} == {ids.aurora}


@pytest.mark.parametrize("params", [{"depth": 0}, {"depth": 4}, {"relations": "knows"}, {"limit": 0}])
def test_neighbors_reject_bad_parameters(client, ids, problem, params) -> None:
    problem(client.get(f"/entities/{ids.lin}/neighbors", params=params), 422, "validation-error")


def test_neighbors_of_unknown_entity_is_a_404_problem(client, problem) -> None:
    problem(client.get("/entities/institution-000000000000/neighbors"), 404, "not-found")
