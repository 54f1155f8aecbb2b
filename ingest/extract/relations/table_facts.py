"""The facts of a table's rows: the people of a row work at its unit, won its prize and worked together."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import ingest.resolve as resolution
from ingest.extract import tables
from ingest.extract.relations.context import Context, add, affiliate, researchers_of
from ingest.extract.relations.prizes import add_received, announced_award, titled_year, to_categories
from ingest.table_lines import PRIZE_COLUMNS, UNIT_COLUMNS
from kg.model import Relation

if TYPE_CHECKING:
    pass


def table_rows(ctx: Context, out: dict[tuple[str, str, str], Relation], rows: list[tables.Row]) -> None:
    """The people of a table row work at the row's units and won the row's prize (the year of the item's title), a
    category of the prize the title announces."""
    researchers = researchers_of(ctx)
    year = titled_year(ctx)
    announced = announced_award(ctx, resolution.key(ctx.item.title))
    for row in rows:
        people = [(c, s) for c in researchers for s in c.spans if row.start <= s.start < row.end]
        if not people:
            continue
        # the people listed on one row completed one project together
        for (a, at), (b, _) in itertools.combinations(people, 2):
            if a is not b:
                evidence = ctx.evidence(at.start, at.end)
                add(out, Relation(subject=a.id, predicate="collaboratedWith", object=b.id, evidence=evidence))
        for cells, etype in ((row.of(UNIT_COLUMNS), "Institution"), (row.of(PRIZE_COLUMNS), "Award")):
            for cell in cells:
                for target in ctx.of(etype):
                    # a university named only as the head of its school's name (武汉大学化学与分子科学学院): the
                    # people work at the school
                    if not any(cell.start <= s.start < cell.end and not s.absorbed for s in target.spans):
                        continue
                    for person, span in people:
                        if etype == "Institution":
                            affiliate(ctx, out, person, target, span)
                        else:
                            add_received(ctx, out, person.id, target.id, year, span)
                    if etype == "Award" and announced is not None and announced is not target:
                        evidence = ctx.evidence(cell.start, cell.end)
                        add(
                            out, Relation(subject=target.id, predicate="partOf", object=announced.id, evidence=evidence)
                        )
    to_categories(out)
