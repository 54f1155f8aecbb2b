"""The import pipeline: extraction records → RDF → SHACL validation (per chunk) → accepted | quarantined → store.

This module wires the stages and nothing else; it imports neither ``ingest`` nor ``api``. Records are validated in
chunks (``chunk_size`` items) against the stored triples the chunk touches plus the records already accepted from
this batch, so the cost and memory of validation follow the batch, not the store.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field
from rdflib import RDF

from kg.collector import frozen_heap
from kg.errors import NonConformance, UsageError
from kg.ids import batch_id, normalize_name
from kg.model import SYMMETRIC_PREDICATES, Entity, Extraction, ImportBatch, Relation
from kg.rdf import to_triples
from kg.rdf_terms import KG
from kg.store.base import BatchResult, GraphStore
from kg.triple_index import TripleIndex
from kg.validation import Engine, ValidationReport, ValidationResult, validate

#: ``progress(stage, done_items, total_items)``: after each validated chunk, and before writing
Progress = Callable[[str, int, int], None]
RelationKey = tuple[str, str, str]
EvidenceKey = tuple[RelationKey, str, int, int]


class Merge(BaseModel):
    """An entity already stored that the batch adds surface forms or evidence to."""

    entity_id: str
    name: str
    new_aliases: list[str] = Field(default_factory=list)
    new_evidence: int = 0


class BatchDiff(BaseModel):
    """What the batch would change in the store (computed from the context it was validated against)."""

    new_entities: list[str] = Field(default_factory=list)
    new_relations: list[RelationKey] = Field(default_factory=list)
    merges: list[Merge] = Field(default_factory=list)


class QuarantinedRecord(BaseModel):
    """A record kept out of the graph, with the violations that put it there."""

    item_id: str
    title: str
    reasons: list[ValidationResult]
    record: Extraction


class ImportOutcome(BaseModel):
    """Everything one import produced."""

    batch: ImportBatch
    report: ValidationReport
    accepted: list[Extraction] = Field(default_factory=list)
    quarantined: list[QuarantinedRecord] = Field(default_factory=list)
    quarantine_file: Path | None = None
    result: BatchResult | None = None
    diff: BatchDiff = Field(default_factory=BatchDiff)
    timings: dict[str, float] = Field(
        default_factory=dict,
        description="wall seconds per stage: extract (reading and extracting the input), context (reading what the "
        "store holds about the batch), map (to RDF), validate (SHACL and the report), write",
    )


class _Clock:
    """Accumulates wall time per stage, so an import can say where its time went."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def rounded(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in self.seconds.items()}


def relation_key(r: Relation) -> RelationKey:
    """A relation's identity in the store: direction dropped for symmetric predicates."""
    if r.predicate in SYMMETRIC_PREDICATES and r.object < r.subject:
        return (r.object, r.predicate, r.subject)
    return (r.subject, r.predicate, r.object)


def evidence_key(r: Relation) -> EvidenceKey:
    """One piece of evidence in the store: the relation and where in which item it was read."""
    return (relation_key(r), r.evidence.item_id, r.evidence.start, r.evidence.end)


def stamp_batch(records: Iterable[Extraction], batch: str) -> list[Extraction]:
    """Copies of the records whose evidence names the batch that writes it."""
    out = []
    for rec in records:
        relations = [
            r.model_copy(update={"evidence": r.evidence.model_copy(update={"batch_id": batch})}) for r in rec.relations
        ]
        out.append(rec.model_copy(update={"relations": relations}))
    return out


def _harmonise(chunk: list[Extraction], stored: dict[str, Entity]) -> list[Extraction]:
    """Use the stored canonical name where the batch spells an entity differently but with the same normalised name:
    the batch's spelling becomes an alias instead of a second name. A different normalised name on the same id is
    left alone, for SHACL to report."""
    out = []
    for rec in chunk:
        if not any(e.id in stored and stored[e.id].name != e.name for e in rec.entities):  # the common case
            out.append(rec)
            continue
        entities = []
        for e in rec.entities:
            known = stored.get(e.id)
            if known is not None and known.name != e.name and normalize_name(known.name) == normalize_name(e.name):
                e = e.model_copy(update={"name": known.name, "aliases": sorted({*e.aliases, e.name})})
            entities.append(e)
        out.append(rec.model_copy(update={"entities": entities}))
    return out


class _Differ:
    """Accumulates the dry-run diff chunk by chunk."""

    def __init__(self) -> None:
        self.new_entities: dict[str, None] = {}
        self.new_relations: dict[RelationKey, None] = {}
        self.merges: dict[str, Merge] = {}

    def add(self, chunk: Sequence[Extraction], stored: dict[str, Entity], stored_evidence: set[EvidenceKey]) -> None:
        stored_relations = {k[0] for k in stored_evidence}
        for rec in chunk:
            for e in rec.entities:
                known = stored.get(e.id)
                if known is None:
                    self.new_entities.setdefault(e.id)
                    continue
                merge = self.merges.setdefault(e.id, Merge(entity_id=e.id, name=known.name))
                have = {known.name, *known.aliases, *merge.new_aliases}
                merge.new_aliases += sorted({e.name, *e.aliases} - have)
            for r in rec.relations:
                key = relation_key(r)
                if key not in stored_relations:
                    self.new_relations.setdefault(key)
                if evidence_key(r) in stored_evidence:
                    continue  # the same sentence read again: the store already has it
                for end in (r.subject, r.object):
                    if end in self.merges:
                        self.merges[end].new_evidence += 1

    def diff(self) -> BatchDiff:
        merges = [m for m in self.merges.values() if m.new_aliases or m.new_evidence]
        return BatchDiff(new_entities=list(self.new_entities), new_relations=list(self.new_relations), merges=merges)


def _add_summary(running: TripleIndex, graph: TripleIndex) -> None:
    """Keep what later chunks are judged against: the entities' own triples (types, names, labels, identifiers,
    direct relations); not item texts, mentions, facts or evidence, which the shapes never read across chunks."""
    # by index, per entity: iterating the whole chunk (items, mentions, evidence) cost more than the entities
    running.add_all(
        triple for entity in set(graph.subjects(RDF.type, KG.Entity)) for triple in graph.triples((entity, None, None))
    )


def _chunks(records: list[Extraction], size: int) -> Iterable[list[Extraction]]:
    for start in range(0, len(records), size):
        yield records[start : start + size]


def _write_quarantine(directory: Path, batch: ImportBatch, records: list[QuarantinedRecord]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{batch.id}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for q in records:
            line = {
                "batch_id": batch.id,
                "item_id": q.item_id,
                "title": q.title,
                "reasons": [r.model_dump(mode="json", exclude_none=True) for r in q.reasons],
                "record": q.record.model_dump(mode="json"),
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def import_batch(
    extractions: Iterable[Extraction],
    store: GraphStore | None,
    *,
    sources: list[str],
    dry_run: bool = False,
    strict: bool = False,
    quarantine_dir: Path | None = None,
    progress: Progress | None = None,
    chunk_size: int = 500,
    created_at: datetime | None = None,
    engine: Engine = "compiled",
) -> ImportOutcome:
    """Validate extraction records as one import batch and write the conforming ones to ``store``.

    Records with a SHACL Violation are quarantined (a JSON Lines file ``<batch id>.jsonl`` in ``quarantine_dir``
    with the reasons; never written to the graph). With ``strict=True`` any Violation rejects the whole batch:
    :class:`kg.errors.NonConformance` is raised carrying the report, and nothing is written. With ``dry_run=True``
    nothing is written at all (``store`` may be None; with a store, the diff says what would change). ``engine``
    picks who applies the SHACL shapes (see :func:`kg.validation.validate`).
    """
    if store is None and not dry_run:
        raise UsageError("import_batch needs a store unless dry_run=True")
    when = created_at or datetime.now(UTC)
    clock = _Clock()
    with clock.stage("extract"):  # the records usually come from a generator that reads and extracts as it goes
        records = list(extractions)
    batch = ImportBatch(
        id=batch_id([r.item.id for r in records], salt=when.isoformat()),
        created_at=when,
        sources=list(sources),
        status="dry_run" if dry_run else "pending",
    )
    records = stamp_batch(records, batch.id)
    # the batch's records (and the RDF built from them) live until the batch is written: freezing them keeps the
    # cyclic collector from walking them again at every pass, which made a 10k-item batch cost 15x a 1k one
    with frozen_heap():
        report = ValidationReport(conforms=True)
        accepted: list[Extraction] = []
        quarantined: list[QuarantinedRecord] = []
        differ = _Differ()
        running = TripleIndex()  # summary of the stored context fetched so far + of the records accepted so far
        known: dict[str, Entity] = {}  # canonical names stored or accepted so far, by entity id
        # ids whose stored context is already in ``running``: each is read from the store once
        fetched: set[str] = set()
        stored: dict[str, Entity] = {}
        stored_evidence: set[EvidenceKey] = set()
        for done, chunk in enumerate(_chunks(records, chunk_size)):
            ids = {e.id for r in chunk for e in r.entities}
            ids |= {x for r in chunk for rel in r.relations for x in (rel.subject, rel.object)}
            new_ids = sorted(ids - fetched)
            fetched.update(new_ids)
            with clock.stage("context"):
                context = store.context(new_ids) if store is not None and new_ids else []
            for rec in context:
                for e in rec.entities:
                    stored.setdefault(e.id, e)
                    known[e.id] = stored[e.id]
            stored_evidence.update(evidence_key(r) for rec in context for r in rec.relations)
            chunk = _harmonise(chunk, known)
            with clock.stage("map"):
                if context:
                    _add_summary(running, TripleIndex(to_triples(context)))
                chunk_graph = TripleIndex(to_triples(chunk))
            with clock.stage("validate"):
                chunk_report = validate(chunk_graph, running, inplace=True, engine=engine)
            report = report.merge(chunk_report)
            bad = chunk_report.violating_items()
            good = [r for r in chunk if r.item.id not in bad]
            for rec in chunk:
                if rec.item.id in bad:
                    reasons = [x for x in chunk_report.results if x.severity == "Violation" and rec.item.id in x.items]
                    quarantined.append(
                        QuarantinedRecord(item_id=rec.item.id, title=rec.item.title, reasons=reasons, record=rec)
                    )
            accepted += good
            for rec in good:
                for e in rec.entities:
                    known.setdefault(e.id, e)
            differ.add(good, stored, stored_evidence)
            with clock.stage("map"):
                _add_summary(running, TripleIndex(to_triples(good)) if bad else chunk_graph)
            if progress is not None:
                progress("validating", min((done + 1) * chunk_size, len(records)), len(records))

        summary = report.summary(q.item_id for q in quarantined)
        batch.validation = summary
        batch.counts = {
            "items": len(records),
            "entities": len({e.id for r in records for e in r.entities}),
            "relations": sum(len(r.relations) for r in records),
            "accepted": len(accepted),
            "quarantined": len(quarantined),
        }
        if strict and quarantined:
            batch.status = "failed"
            raise NonConformance(
                f"batch {batch.id} rejected: {summary.violations} violation(s) in {len(quarantined)} item(s)",
                report=report,
                batch_id=batch.id,
            )
        outcome = ImportOutcome(
            batch=batch, report=report, accepted=accepted, quarantined=quarantined, diff=differ.diff()
        )
        outcome.timings = clock.rounded()
        if dry_run:
            return outcome
        if quarantine_dir is not None and quarantined:
            outcome.quarantine_file = _write_quarantine(quarantine_dir, batch, quarantined)
        assert store is not None
        if progress is not None:
            progress("writing", len(accepted), len(accepted))
        with clock.stage("write"):
            outcome.result = store.apply(batch, accepted)
        outcome.batch = outcome.result.batch
        outcome.timings = clock.rounded()
        return outcome
