"""``POST /imports`` through the real ingest and validation pipeline into each store: dry run, real run, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ids import entity_id


@pytest.fixture
def sample_bytes(sample_path) -> bytes:
    """The project's demo newsletter (fictional people and institutions)."""
    return sample_path.read_bytes()


def test_dry_run_reports_without_writing(client, curator, sample_bytes) -> None:
    before = client.get("/stats").json()
    response = client.post(
        "/imports", params={"dry_run": True}, files={"file": ("newsletter.txt", sample_bytes)}, headers=curator
    )
    assert response.status_code == 200, response.text
    outcome = response.json()
    assert outcome["dry_run"] is True
    assert outcome["batch"]["status"] == "dry_run"
    assert outcome["batch"]["sources"] == ["newsletter.txt"]
    assert "conforms" in outcome["report"]
    assert outcome["new_entities"], "the sample names entities the test graph does not hold"
    assert outcome["result"] is None
    after = client.get("/stats").json()
    assert after["nodes_by_type"] == before["nodes_by_type"]
    assert len(after["batches"]) == len(before["batches"])


def test_real_import_writes_a_batch_that_can_be_rolled_back(client, curator, sample_bytes) -> None:
    before = client.get("/stats").json()
    response = client.post("/imports", files={"file": ("newsletter.txt", sample_bytes)}, headers=curator)
    assert response.status_code == 201, response.text
    outcome = response.json()
    batch_id = outcome["batch"]["id"]
    assert outcome["dry_run"] is False and outcome["batch"]["status"] == "committed"
    assert outcome["result"]["nodes_created"] > 0
    assert outcome["timings"]["validate"] > 0 and outcome["timings"]["write"] > 0
    assert batch_id in {b["id"] for b in client.get("/imports", headers=curator).json()}
    assert client.get("/stats").json()["items"] > before["items"]

    rolled = client.delete(f"/imports/{batch_id}", headers=curator)
    assert rolled.status_code == 200 and rolled.json()["status"] == "rolled_back"
    assert client.get("/stats").json()["nodes_by_type"] == before["nodes_by_type"]


def test_undecodable_upload_is_a_problem_naming_the_file(client, curator, problem) -> None:
    binary = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    response = client.post("/imports", files={"file": ("photo.txt", binary)}, headers=curator)
    body = problem(response, 422, "undecodable-input")
    assert body["file"] == "photo.txt"
    assert "offset" in body
    assert "/tmp" not in body["detail"]


def test_empty_upload_is_a_400_problem(client, curator, problem) -> None:
    problem(client.post("/imports", files={"file": ("empty.txt", b"")}, headers=curator), 400, "bad-usage")


def test_upload_without_the_file_field_is_a_422_problem(client, curator, problem) -> None:
    problem(client.post("/imports", files={"upload": ("a.txt", b"x")}, headers=curator), 422, "validation-error")


def test_bad_items_are_skipped_and_reported(client, curator) -> None:
    good = {
        "title": "Eastvale team maps coral heat tolerance",
        "text": "Professor Mira Holt of Eastvale University published the study in Nature.",
        "date": "2025-05-01",
    }
    upload = (json.dumps(good) + "\n{this line is not json\n").encode()
    response = client.post(
        "/imports", params={"dry_run": True}, files={"file": ("feed.jsonl", upload)}, headers=curator
    )
    assert response.status_code == 200, response.text
    outcome = response.json()
    assert outcome["batch"]["counts"]["items"] == 1
    assert len(outcome["skipped"]) == 1
    assert outcome["skipped"][0]["file"] == "feed.jsonl"
    assert "/tmp" not in outcome["skipped"][0]["error"]


def test_word_upload_dry_run_reports_its_items(client, curator) -> None:
    docx = (Path(__file__).parents[1] / "ingest" / "data" / "zh_issue.docx").read_bytes()
    response = client.post("/imports", params={"dry_run": True}, files={"file": ("issue.docx", docx)}, headers=curator)
    assert response.status_code == 200, response.text
    found = set(response.json()["new_entities"])
    assert {entity_id("Researcher", name) for name in ("柏川明", "闻一川", "冉立川", "岑海川")} <= found


def test_legacy_word_upload_is_a_problem_naming_the_file(client, curator, problem) -> None:
    response = client.post("/imports", files={"file": ("issue.doc", b"\xd0\xcf\x11\xe0" * 8)}, headers=curator)
    body = problem(response, 422, "bad-input")
    assert body["file"] == "issue.doc"
    assert ".docx" in body["detail"]
