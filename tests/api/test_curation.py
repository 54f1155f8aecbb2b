"""Curator endpoints on both stores: API keys, merge, split, rename, import batches and their rollback."""

from __future__ import annotations

import pytest

BATCH = "batch-000000000000"
ENTITY = "researcher-000000000000"

#: (method, path, json body) of every curator endpoint; ids that do not exist, as auth is checked first
CURATOR_CALLS = [
    ("GET", "/imports", None),
    ("GET", f"/imports/{BATCH}", None),
    ("DELETE", f"/imports/{BATCH}", None),
    ("POST", f"/entities/{ENTITY}/merge", {"drop": "researcher-111111111111"}),
    ("POST", f"/entities/{ENTITY}/split", {"aliases": ["x"], "new_name": "x"}),
    ("PATCH", f"/entities/{ENTITY}", {"name": "x"}),
]


@pytest.mark.parametrize(("method", "path", "body"), CURATOR_CALLS)
def test_curator_endpoints_answer_401_without_a_key(client, problem, method, path, body) -> None:
    response = client.request(method, path, json=body)
    problem(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("method", "path", "body"), CURATOR_CALLS)
@pytest.mark.parametrize("header", ["bearer", "x-api-key", "prefix-of-a-valid-key"])
def test_curator_endpoints_answer_403_with_a_wrong_key(client, keys, problem, method, path, body, header) -> None:
    headers = {
        "bearer": {"Authorization": "Bearer wrong-key"},
        "x-api-key": {"X-API-Key": "wrong-key"},
        "prefix-of-a-valid-key": {"X-API-Key": keys[0][:-1]},
    }[header]
    problem(client.request(method, path, json=body, headers=headers), 403, "forbidden")


def test_upload_needs_a_key(client, problem) -> None:
    problem(client.post("/imports", files={"file": ("a.txt", b"x")}), 401)
    problem(client.post("/imports", files={"file": ("a.txt", b"x")}, headers={"X-API-Key": "nope"}), 403)


@pytest.mark.parametrize("header", ["bearer", "x-api-key"])
def test_imports_list_and_show_with_either_key_header(client, keys, header) -> None:
    headers = {"Authorization": f"Bearer {keys[0]}"} if header == "bearer" else {"X-API-Key": keys[1]}
    batches = client.get("/imports", headers=headers).json()
    assert len(batches) == 1 and batches[0]["status"] == "committed"
    shown = client.get(f"/imports/{batches[0]['id']}", headers=headers).json()
    assert shown["id"] == batches[0]["id"]
    assert shown["sources"] == ["tests/api/conftest.py"]


def test_import_unknown_batch_is_a_404_problem(client, curator, problem) -> None:
    problem(client.get(f"/imports/{BATCH}", headers=curator), 404, "not-found")
    problem(client.delete(f"/imports/{BATCH}", headers=curator), 404, "not-found")


def test_rollback_removes_the_batch_contribution(client, curator, ids, problem) -> None:
    batch = client.get("/imports", headers=curator).json()[0]
    response = client.delete(f"/imports/{batch['id']}", headers=curator)
    assert response.status_code == 200
    assert response.json()["status"] == "rolled_back"
    problem(client.get(f"/entities/{ids.lin}"), 404, "not-found")
    assert client.get("/items").json()["items"] == []


def test_merge_carries_aliases_and_relations_and_the_dropped_id_resolves(client, curator, ids) -> None:
    response = client.post(f"/entities/{ids.physics}/merge", json={"drop": ids.qingchuan}, headers=curator)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == ids.physics
    assert "青川大学" in response.json()["aliases"]
    via_old_id = client.get(f"/entities/{ids.qingchuan}").json()
    assert via_old_id["node"]["id"] == ids.physics
    assert ids.qingchuan in via_old_id["merged_ids"]


def test_merge_into_itself_is_a_409_problem(client, curator, ids, problem) -> None:
    problem(client.post(f"/entities/{ids.lin}/merge", json={"drop": ids.lin}, headers=curator), 409, "conflict")


def test_merge_unknown_entity_is_a_404_problem(client, curator, ids, problem) -> None:
    problem(client.post(f"/entities/{ids.lin}/merge", json={"drop": ENTITY}, headers=curator), 404, "not-found")


def test_split_moves_an_alias_to_a_new_entity(client, curator, ids) -> None:
    response = client.post(
        f"/entities/{ids.lin}/split", json={"aliases": ["Lin Xiaofeng"], "new_name": "Lin Xiaofeng"}, headers=curator
    )
    assert response.status_code == 201, response.text
    new = response.json()
    assert new["id"] != ids.lin and new["name"] == "Lin Xiaofeng"
    assert "Lin Xiaofeng" not in client.get(f"/entities/{ids.lin}").json()["node"]["aliases"]


def test_patch_renames_and_adds_aliases(client, curator, ids) -> None:
    response = client.patch(
        f"/entities/{ids.haiyue}", json={"name": "海岳研究院", "add_aliases": ["Haiyue Institute"]}, headers=curator
    )
    assert response.status_code == 200, response.text
    hits = client.get("/entities", params={"q": "Haiyue Institute"}).json()["hits"]
    assert hits[0]["node"]["id"] == ids.haiyue
    assert hits[0]["node"]["name"] == "海岳研究院"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PATCH", "/entities/{id}", {}),
        ("POST", "/entities/{id}/merge", {}),
        ("POST", "/entities/{id}/split", {"aliases": [], "new_name": "x"}),
    ],
)
def test_curation_rejects_empty_bodies(client, curator, ids, problem, method, path, body) -> None:
    response = client.request(method, path.format(id=ids.lin), json=body, headers=curator)
    assert response.status_code in (400, 422)
    problem(response, response.status_code)
