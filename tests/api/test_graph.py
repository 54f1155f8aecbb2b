"""Collaboration graph, shortest paths, items and stats through real HTTP on both stores."""

from __future__ import annotations

import pytest


def _pairs(graph: dict) -> dict[frozenset[str], float]:
    return {frozenset((e["source"], e["target"])): e["weight"] for e in graph["edges"]}


def test_collaboration_of_researchers_weights_by_shared_items(client, ids) -> None:
    graph = client.get("/collaboration", params={"level": "researcher"}).json()
    pairs = _pairs(graph)
    assert pairs[frozenset((ids.lin, ids.zhou))] == 1
    assert pairs[frozenset((ids.anna, ids.lin))] == 1
    assert {n["type"] for n in graph["nodes"]} == {"Researcher"}


def test_collaboration_filters_by_date(client, ids) -> None:
    graph = client.get("/collaboration", params={"since": "2025-01-01"}).json()
    assert set(_pairs(graph)) == {frozenset((ids.lin, ids.zhou))}
    graph = client.get("/collaboration", params={"until": "2024-12-31"}).json()
    assert set(_pairs(graph)) == {frozenset((ids.anna, ids.lin))}


def test_collaboration_around_an_entity(client, ids) -> None:
    graph = client.get("/collaboration", params={"around": ids.zhou, "depth": 1}).json()
    assert {n["id"] for n in graph["nodes"]} == {ids.zhou, ids.lin}
    assert graph["truncated"] is False
    graph = client.get("/collaboration", params={"around": ids.zhou, "depth": 2}).json()
    assert {n["id"] for n in graph["nodes"]} == {ids.zhou, ids.lin, ids.anna}


def test_collaboration_min_weight_drops_light_edges(client) -> None:
    graph = client.get("/collaboration", params={"min_weight": 2}).json()
    assert graph["edges"] == []


def test_collaboration_of_institutions_rolls_up_through_part_of(client, ids) -> None:
    plain = _pairs(client.get("/collaboration", params={"level": "institution"}).json())
    assert frozenset((ids.physics, ids.haiyue)) in plain
    rolled = _pairs(client.get("/collaboration", params={"level": "institution", "rollup": True}).json())
    assert frozenset((ids.qingchuan, ids.haiyue)) in rolled


@pytest.mark.parametrize("params", [{"level": "journal"}, {"since": "March 2025"}, {"depth": 9}, {"min_weight": 0}])
def test_collaboration_rejects_bad_parameters(client, problem, params) -> None:
    problem(client.get("/collaboration", params=params), 422, "validation-error")


def test_collaboration_rejects_an_inverted_date_range(client, problem) -> None:
    body = problem(client.get("/collaboration", params={"since": "2025", "until": "2024"}), 400, "bad-usage")
    assert "since" in body["detail"]


def test_paths_finds_the_shortest(client, ids) -> None:
    response = client.get("/paths", params={"from": ids.zhou, "to": ids.anna})
    assert response.status_code == 200
    paths = response.json()
    assert paths, "a path zhou - lin - anna exists"
    assert all(len(p["edges"]) == 2 for p in paths)
    assert [n["id"] for n in paths[0]["nodes"]][::2] == [ids.zhou, ids.anna]


def test_paths_beyond_max_length_is_empty(client, ids) -> None:
    assert client.get("/paths", params={"from": ids.haiyue, "to": ids.aurora, "max_length": 1}).json() == []


def test_paths_need_both_ends(client, ids, problem) -> None:
    problem(client.get("/paths", params={"from": ids.zhou}), 422, "validation-error")
    problem(client.get("/paths", params={"from": ids.zhou, "to": "researcher-000000000000"}), 404, "not-found")


def test_items_list_and_detail_with_mention_spans(client, ids) -> None:
    page = client.get("/items").json()
    assert {i["id"] for i in page["items"]} == {ids.item_zh, ids.item_en}
    detail = client.get(f"/items/{ids.item_zh}").json()
    text = detail["item"]["text"]
    assert detail["mentions"]
    for mention in detail["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    assert ids.lin in {e["id"] for e in detail["entities"]}


def test_items_paginate(client) -> None:
    first = client.get("/items", params={"limit": 1}).json()
    second = client.get("/items", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_item_unknown_is_a_404_problem(client, problem) -> None:
    problem(client.get("/items/item-000000000000"), 404, "not-found")


def test_stats_count_types_and_rank_entities(client, ids) -> None:
    stats = client.get("/stats", params={"top": 3}).json()
    assert stats["nodes_by_type"]["Researcher"] == 3
    assert stats["nodes_by_type"]["Institution"] == 4
    assert stats["items"] == 2
    assert stats["top_researchers"][0]["id"] == ids.lin  # the most connected researcher of the test graph
    assert len(stats["batches"]) == 1
