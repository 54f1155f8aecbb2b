"""The facts of a paper list's delimited records (``ingest.extract.delimited_records``), one record at a time:
authorOf with the role the columns and markers give, publishedIn its journal, fundedBy each funder of its funding
cell, affiliatedWith the units its affiliation cell gives each author. (Co-authors of one record collaborate: the
collaboration rule reads that from the authorOf relations of one paper.)"""

from __future__ import annotations

from ingest.extract.delimited_records import Record, unit_spans
from ingest.extract.relations.context import Context, add, affiliate
from ingest.extract.spans import Span
from ingest.resolve import Cluster, key
from kg.model import Relation


def record_facts(
    ctx: Context, out: dict[tuple[str, str, str], Relation], records: list[Record], institutions: list[Span]
) -> None:
    """authorOf, publishedIn, fundedBy and affiliatedWith for each record of the item's paper lists."""
    for record in records:
        paper = ctx.cluster_of(record.title) if record.title is not None else None
        people = [ctx.cluster_of(span) for span, _ in record.authors]
        evidence = ctx.evidence(*record.line)
        if paper is not None:
            for (_, role), person in zip(record.authors, people, strict=True):
                if person is not None and person.type == "Researcher":
                    add(
                        out,
                        Relation(
                            subject=person.id, predicate="authorOf", object=paper.id, role=role, evidence=evidence
                        ),
                    )
            journal = ctx.cluster_of(record.journal) if record.journal is not None else None
            if journal is not None and journal.type == "Journal":
                add(out, Relation(subject=paper.id, predicate="publishedIn", object=journal.id, evidence=evidence))
            for funder_span in record.funders:
                funder = ctx.cluster_of(funder_span) or _named(ctx, funder_span.name)
                if funder is not None and funder.type in {"Funder", "Institution"}:
                    add(out, Relation(subject=paper.id, predicate="fundedBy", object=funder.id, evidence=evidence))
        for unit, _, positions in unit_spans(record, institutions):
            place = ctx.cluster_of(unit) if unit is not None else None
            if place is None:
                continue
            for i in positions:
                person = people[i]
                if person is not None and person.type == "Researcher":
                    affiliate(ctx, out, person, place, record.authors[i][0])


def _named(ctx: Context, name: str) -> Cluster | None:
    """The funder or institution named ``name`` (a funder the item also names as an institution is one entity,
    whose spans are the institution's)."""
    k = key(name)
    return next(
        (
            c
            for c in ctx.clusters
            if c.type in {"Funder", "Institution"} and any(key(a) == k for a in [c.name, *c.aliases])
        ),
        None,
    )
