"""Issue 2's end-to-end path: the sample newsletter through every stage into each real store, read back through the
store interface, and the README's CLI flow on the embedded store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ingest.pipeline import extract_paths
from kg.pipeline import import_batch
from kg.store.base import GraphStore

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg.cli"]


def test_sample_newsletter_lands_in_store_and_reads_back(store: GraphStore, sample_path: Path, tmp_path: Path) -> None:
    outcome = import_batch(
        extract_paths([sample_path]), store, sources=[str(sample_path)], quarantine_dir=tmp_path / "quarantine"
    )
    assert outcome.batch.status == "committed"
    assert outcome.batch.counts["items"] >= 6

    page = store.search("东海理工大学", types=["Institution"])
    assert page.hits, "the sample's lead institution is not found by name"
    top = page.hits[0]
    assert top.node.name == "东海理工大学" and top.match == "exact"

    detail = store.entity(top.node.id)
    # researchers are affiliated with the most specific unit (a school of the university), so look two hops out
    around = store.neighbors(top.node.id, depth=2)
    assert any(n.type == "Researcher" for n in around.nodes), "no researcher works at the institution or its units"
    evidence = [ev for edge in detail.edges for ev in edge.evidence]
    assert evidence and all(ev.sentence and ev.item_id.startswith("item-") for ev in evidence)
    assert any("东海理工大学" in ev.sentence for ev in evidence)

    counts_before = store.stats().nodes_by_type
    again = import_batch(extract_paths([sample_path]), store, sources=[str(sample_path)])
    assert again.batch.status == "committed"
    assert store.stats().nodes_by_type == counts_before, "re-ingesting the same file changed the graph"


def run_kg(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the `kg` command as a user would, from the project root."""
    return subprocess.run([*KG, *args], env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_cli_ingest_then_stats_on_embedded_store(sample_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "KG_STORE": "embedded", "KG_DATA_DIR": str(tmp_path / "data")}
    for _ in range(2):  # the README's demo must work twice in a row
        done = run_kg("ingest", str(sample_path), "--format", "json", env=env)
        assert done.returncode == 0, done.stderr
        summary = json.loads(done.stdout)
        assert summary["batch"]["status"] == "committed"
        assert {"extract", "validate", "write"} <= set(summary["timings"])  # where the time went, per stage
    stats = subprocess.run(
        [*KG, "stats", "--format", "json"], env=env, capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert stats.returncode == 0, stats.stderr
    counts = json.loads(stats.stdout)["nodes_by_type"]
    assert counts.get("Institution", 0) >= 3 and counts.get("Researcher", 0) >= 3


def test_cli_ingests_a_folder_as_one_batch_of_its_news_files(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    (folder / "zh").mkdir(parents=True)
    samples = ROOT / "ingest" / "samples"
    (folder / "en.txt").write_bytes((samples / "sample_press_release_en.txt").read_bytes())
    (folder / "zh" / "release.txt").write_bytes((samples / "sample_press_release_zh.txt").read_bytes())
    (folder / "README.json").write_text("{}", encoding="utf-8")  # not a news format: left out, not an error
    env = {**os.environ, "KG_STORE": "embedded", "KG_DATA_DIR": str(tmp_path / "data")}
    done = run_kg("ingest", str(folder), "--dry-run", "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    batch = json.loads(done.stdout)["batch"]
    assert batch["sources"] == [str(folder / "en.txt"), str(folder / "zh" / "release.txt")]
    assert batch["counts"]["items"] == 2

    empty = tmp_path / "empty"
    empty.mkdir()
    refused = run_kg("ingest", str(empty), env=env)
    assert refused.returncode == 2
    assert "holds no news file" in refused.stderr and "empty" in refused.stderr


def test_cli_help_lists_subcommands() -> None:
    done = subprocess.run(
        [*KG, "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60, env={**os.environ, "COLUMNS": "200"}
    )
    assert done.returncode == 0
    for command in ("ingest", "extract", "eval", "validate", "serve", "export", "stats", "neo4j", "batches"):
        assert f" {command} " in done.stdout, f"kg --help does not list {command}"
