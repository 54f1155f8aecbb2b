"""The authors of a Chinese paper's header (``ingest.extract.author_block``): authorOf the paper its title line
names (the first of them its first author), affiliatedWith the units their numbers point to."""

from __future__ import annotations

from ingest.extract.author_block import Block, unit_of
from ingest.extract.relations.context import Context, add, affiliate
from ingest.extract.spans import Span
from kg.model import Relation


def header_authors(
    ctx: Context, out: dict[tuple[str, str, str], Relation], block: Block, institutions: list[Span]
) -> None:
    """authorOf and affiliatedWith for the authors of the item's paper header."""
    paper = ctx.cluster_of(block.title) if block.title is not None else None
    for i, (span, marks) in enumerate(block.authors):
        person = ctx.cluster_of(span)
        if person is None or person.type != "Researcher":
            continue
        if paper is not None:
            # (marked co-first and corresponding authors as marked; else the first is the first author)
            role = block.roles.get(i) or ("first" if i == 0 and "first" not in block.roles.values() else None)
            evidence = ctx.evidence(span.start, span.end)
            add(out, Relation(subject=person.id, predicate="authorOf", object=paper.id, role=role, evidence=evidence))
        for mark in marks:
            unit = unit_of(block, mark, institutions)
            place = ctx.cluster_of(unit) if unit is not None else None
            if place is not None:
                affiliate(ctx, out, person, place, span)
