"""The import pipeline on real stores: quarantine, strict rejection, dry-run diff and the store round trip."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from kg.errors import NonConformance, NotFound, UsageError
from kg.ids import entity_id
from kg.model import Entity, Evidence, Extraction, Mention, NewsItem, Relation
from kg.pipeline import import_batch
from kg.rdf import to_graph
from kg.store.base import GraphStore

SENTENCE = "{name} joined {inst} in 2019."


def record(n: int, name: str, inst: str, *, aliases: list[str] | None = None, **rel: object) -> Extraction:
    """One item: a researcher affiliated with an institution, with mention and evidence."""
    sentence = SENTENCE.format(name=name, inst=inst)
    text = f"Campus news {n}. {sentence}"
    item = NewsItem(id=f"item-{n:012x}", title=f"News {n}", text=text, date="2024-05-01")
    rid, iid = entity_id("Researcher", name), entity_id("Institution", inst)
    start = text.index(sentence)
    ev = Evidence(item_id=item.id, item_date=item.date, start=start, end=start + len(sentence), sentence=sentence)
    return Extraction(
        item=item,
        entities=[
            Entity(id=rid, type="Researcher", name=name, aliases=aliases or [],
                   mentions=[Mention(start=start, end=start + len(name), text=name)]),
            Entity(id=iid, type="Institution", name=inst),
        ],
        relations=[Relation(subject=rid, predicate="affiliatedWith", object=iid, evidence=ev, **rel)],  # type: ignore[arg-type]
    )  # fmt: skip


GOOD = record(1, "Ada Quill", "North Lake University")
BAD = record(2, "Bo Reed", "Lake Science Union", year=1800)


def test_import_batch_quarantines_violations_and_stores_the_rest(store: GraphStore, tmp_path: Path) -> None:
    outcome = import_batch([GOOD, BAD], store, sources=["news.txt"], quarantine_dir=tmp_path / "q")
    assert [q.item_id for q in outcome.quarantined] == [BAD.item.id]
    assert [r.item.id for r in outcome.accepted] == [GOOD.item.id]
    assert outcome.batch.counts["quarantined"] == 1
    assert outcome.batch.validation.quarantined_items == [BAD.item.id]
    assert store.item(GOOD.item.id).item.title == "News 1"
    with pytest.raises(NotFound):
        store.item(BAD.item.id)

    assert outcome.quarantine_file == tmp_path / "q" / f"{outcome.batch.id}.jsonl"
    (line,) = outcome.quarantine_file.read_text(encoding="utf-8").splitlines()
    kept = json.loads(line)
    assert kept["item_id"] == BAD.item.id
    assert [r["shape"] for r in kept["reasons"]] == ["kgsh:FactYear"]
    assert kept["reasons"][0]["sentence"] == BAD.relations[0].evidence.sentence

    # the quarantined record, once corrected, imports like any other
    fixed = Extraction.model_validate(kept["record"])
    fixed.relations[0].year = 2019
    again = import_batch([fixed], store, sources=["fixed.jsonl"], quarantine_dir=tmp_path / "q")
    assert again.quarantined == [] and again.report.conforms
    assert store.item(BAD.item.id).item.id == BAD.item.id


def test_import_batch_strict_rejects_the_whole_batch(store: GraphStore, tmp_path: Path) -> None:
    with pytest.raises(NonConformance) as caught:
        import_batch([GOOD, BAD], store, sources=["news.txt"], strict=True, quarantine_dir=tmp_path / "q")
    assert caught.value.report.violating_items() == {BAD.item.id}
    assert store.batches() == []
    with pytest.raises(NotFound):
        store.item(GOOD.item.id)
    assert not (tmp_path / "q").exists()


def test_import_batch_dry_run_writes_nothing_and_says_what_would_change(store: GraphStore, tmp_path: Path) -> None:
    import_batch([GOOD], store, sources=["one.txt"])
    later = record(3, "Ada Quill", "Lake Science Union", aliases=["A. Quill"])
    outcome = import_batch([later], store, sources=["two.txt"], dry_run=True, quarantine_dir=tmp_path / "q")
    assert outcome.batch.status == "dry_run" and outcome.result is None
    assert len(store.batches()) == 1
    with pytest.raises(NotFound):
        store.item(later.item.id)
    assert outcome.diff.new_entities == [entity_id("Institution", "Lake Science Union")]
    assert outcome.diff.new_relations == [
        (entity_id("Researcher", "Ada Quill"), "affiliatedWith", entity_id("Institution", "Lake Science Union"))
    ]
    (merge,) = outcome.diff.merges
    assert merge.entity_id == entity_id("Researcher", "Ada Quill")
    assert merge.new_aliases == ["A. Quill"] and merge.new_evidence == 1


def test_import_batch_round_trip_through_the_store_gives_the_same_triples(store: GraphStore) -> None:
    outcome = import_batch([GOOD, record(4, "Cy Lin", "North Lake University")], store, sources=["a.txt"])
    assert isomorphic(to_graph(store.subgraph()), to_graph(outcome.accepted))


def test_import_batch_keeps_the_stored_canonical_name(store: GraphStore) -> None:
    import_batch([GOOD], store, sources=["one.txt"])
    shouting = record(5, "ADA QUILL", "North Lake University")
    outcome = import_batch([shouting], store, sources=["two.txt"], dry_run=True)
    assert outcome.report.conforms
    (merge,) = [m for m in outcome.diff.merges if m.entity_id == entity_id("Researcher", "Ada Quill")]
    assert merge.name == "Ada Quill" and merge.new_aliases == ["ADA QUILL"]


def test_import_batch_later_chunks_are_judged_with_earlier_ones() -> None:
    first, second = record(6, "Ada Quill", "North Lake University"), record(7, "Ada Quill", "North Lake University")
    first.entities[0].labels = {"zh": "奎尔"}
    second.entities[0].labels = {"zh": "奎尔德"}
    progress: list[tuple[str, int, int]] = []
    outcome = import_batch(
        [first, second], None, sources=["x"], dry_run=True, chunk_size=1, progress=lambda *a: progress.append(a)
    )
    assert [q.item_id for q in outcome.quarantined] == [second.item.id]
    assert progress == [("validating", 1, 2), ("validating", 2, 2)]


def test_import_batch_needs_a_store_unless_dry_run() -> None:
    with pytest.raises(UsageError):
        import_batch([GOOD], None, sources=["x"])


def test_import_batch_remembers_earlier_chunks_facts() -> None:
    """A researcher affiliated in chunk 1 and only mentioned in chunk 2 draws no 'no affiliation' warning."""
    first = record(8, "Ada Quill", "North Lake University")
    second = record(9, "Ada Quill", "North Lake University")
    second.relations, second.entities = [], second.entities[:1]
    together = import_batch([first, second], None, sources=["x"], dry_run=True, chunk_size=1)
    alone = import_batch([second], None, sources=["x"], dry_run=True)
    assert [r.shape for r in alone.report.results] == ["kgsh:ResearcherAffiliation"]
    assert together.report.results == []


def test_import_batch_says_where_its_time_went(store: GraphStore) -> None:
    def slowly_extracted() -> Iterator[Extraction]:
        time.sleep(0.05)  # the time a reader and extractor take is charged to "extract"
        yield GOOD

    dry = import_batch(slowly_extracted(), store, sources=["news.txt"], dry_run=True)
    assert set(dry.timings) == {"extract", "context", "map", "validate"}
    assert dry.timings["extract"] >= 0.05
    assert all(seconds >= 0 for seconds in dry.timings.values())

    real = import_batch([GOOD], store, sources=["news.txt"])
    assert set(real.timings) == {"extract", "context", "map", "validate", "write"}
    assert real.timings["write"] > 0 and real.timings["validate"] > 0
