"""The synthetic news generator: well-formed records, deterministic, streaming, entities that repeat."""

from __future__ import annotations

import itertools
import types
from collections import Counter
from pathlib import Path

from ingest.synth import synth_extractions
from kg.model import Extraction


def test_synth_records_are_well_formed() -> None:
    for record in synth_extractions(300, seed=3):
        checked = Extraction.model_validate(record.model_dump())  # every field passes validation
        text = checked.item.text
        ids = {e.id for e in checked.entities}
        for entity in checked.entities:
            assert entity.mentions and all(text[m.start : m.end] == m.text for m in entity.mentions)
        for relation in checked.relations:
            assert relation.subject in ids and relation.object in ids and relation.subject != relation.object
            ev = relation.evidence
            assert ev.item_id == checked.item.id and 0 <= ev.start < ev.end <= len(text)
            assert text[ev.start : ev.end].strip() == ev.sentence


def test_synth_is_deterministic_by_seed_and_lazy() -> None:
    stream = synth_extractions(10**9, seed=1)  # a billion items would not fit in memory: it must be lazy
    assert isinstance(stream, types.GeneratorType)
    first = [r.model_dump() for r in itertools.islice(stream, 50)]
    assert first == [r.model_dump() for r in synth_extractions(50, seed=1)]
    assert first != [r.model_dump() for r in synth_extractions(50, seed=2)]


def test_synth_mixes_languages_and_repeats_entities() -> None:
    records = list(synth_extractions(2000, seed=0))
    langs = Counter(r.item.lang for r in records)
    assert langs["zh"] > langs["en"] > 200
    per_item = Counter(e.id for r in records for e in r.entities)
    by_type = Counter(e.type for r in records for e in r.entities)
    assert set(by_type) == {"Researcher", "Institution", "Journal", "Publication", "Funder", "Award"}
    # shared institutions and journals: the most frequent appear in a good share of the items
    assert per_item.most_common(1)[0][1] > 200
    researchers = [n for r in records for e in r.entities if e.type == "Researcher" for n in [e.id]]
    assert len(set(researchers)) < len(researchers) / 2  # researchers come back across items
    predicates = Counter(rel.predicate for r in records for rel in r.relations)
    assert set(predicates) == {
        "affiliatedWith", "collaboratedWith", "authorOf", "publishedIn", "fundedBy", "partOf", "received"
    }  # fmt: skip


def test_synth_names_are_fictional(seed_path: Path) -> None:
    seed_text = seed_path.read_text(encoding="utf-8")
    names = {e.name for r in synth_extractions(3000, seed=0) for e in r.entities if e.type == "Researcher"}
    assert names and not [n for n in names if n in seed_text]
