"""``kg stats``, ``kg batches`` and ``kg merge`` through the real command on a real embedded store."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.settings import Settings
from kg.store import open_store

# the conformance records, loaded by path: several conftest modules share the name
_spec = importlib.util.spec_from_file_location("store_records", Path(__file__).parent / "store" / "conftest.py")
assert _spec and _spec.loader
_records = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_records)
batch_of, eid = _records.batch_of, _records.eid

KG = Path(sys.executable).parent / "kg"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    store = open_store(Settings(store="embedded", data_dir=tmp_path))
    try:
        store.apply(*batch_of("A", "B"))
        store.apply(*batch_of("C"))
    finally:
        store.close()
    return tmp_path


def kg(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KG_STORE": "embedded", "KG_DATA_DIR": str(data_dir)}
    return subprocess.run([str(KG), *args], capture_output=True, text=True, env=env, timeout=120)


def test_cli_stats_and_batches(data_dir: Path) -> None:
    stats = json.loads(kg(data_dir, "stats", "--format", "json").stdout)
    assert stats["items"] == 3 and stats["nodes_by_type"]["Researcher"] == 3
    listed = json.loads(kg(data_dir, "batches", "list", "--format", "json").stdout)
    assert [b["id"] for b in listed] == [batch_of("A", "B")[0].id, batch_of("C")[0].id]
    shown = json.loads(kg(data_dir, "batches", "show", listed[1]["id"], "--format", "json").stdout)
    assert shown["status"] == "committed" and shown["sources"] == ["test-C.txt"]
    rolled = kg(data_dir, "batches", "rollback", listed[1]["id"], "--format", "json")
    assert rolled.returncode == 0 and json.loads(rolled.stdout)["status"] == "rolled_back"
    assert json.loads(kg(data_dir, "stats", "--format", "json").stdout)["items"] == 2
    again = kg(data_dir, "batches", "rollback", listed[1]["id"])
    assert again.returncode == 2 and "already rolled back" in again.stderr


def test_cli_merge_and_errors(data_dir: Path) -> None:
    merged = kg(data_dir, "merge", eid("dhut"), eid("chem"), "--format", "json")
    assert merged.returncode == 0, merged.stderr
    assert "化学学院" in json.loads(merged.stdout)["aliases"]
    missing = kg(data_dir, "batches", "show", "batch-000000000000")
    assert missing.returncode == 2 and "batch-000000000000" in missing.stderr
    text = kg(data_dir, "stats")
    assert text.returncode == 0 and "Researcher" in text.stdout
