"""The collaboration graph on the embedded store: the stored COLLABORATED_WITH facts, affiliations and PART_OF links
are read here and handed to the computation shared with Neo4j (:func:`kg.store.records_graph.collaboration_graph`),
so both stores weigh and order alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from kg.errors import UsageError
from kg.store.ladybug_archive import whole_facts
from kg.store.ladybug_db import LadybugDb
from kg.store.ladybug_graph import around, hop_columns, node_columns, node_props, read_hops, resolve, whole_hops
from kg.store.records_archive import ARCHIVE_ROWS
from kg.store.records_graph import Collab, Hop, collaboration_around, collaboration_graph
from kg.store.schema import GraphSchema, rel_type

COLLAB = rel_type("collaboratedWith")
AFFIL = rel_type("affiliatedWith")
PART = rel_type("partOf")


def collab_hops(db: LadybugDb, ids: Sequence[str], among: Sequence[str] | None) -> list[Hop]:
    """Every COLLABORATED_WITH fact between two researchers with an end among ``ids`` (the other end among ``among``
    when given), with its properties and the far researcher's: the fetch of ``records_graph.collaboration_around``
    (which may leave out what the walk read before; an embedded read costs no wire, so this one does not)."""
    columns, rel_keys = hop_columns()
    if among is None:
        rows = around(db, "Researcher", ids, COLLAB, columns, far="Researcher")
    else:
        where = "list_contains($among, b.id)"
        rows = around(
            db, "Researcher", ids, COLLAB, columns, far="Researcher", where=where, params={"among": list(among)}
        )
    return whole_hops(db, read_hops(rows, rel_keys))


def collaboration(
    db: LadybugDb,
    schema: GraphSchema,
    level: Literal["researcher", "institution"],
    around: str | None,
    depth: int,
    min_weight: int,
    since: str | None,
    until: str | None,
    rollup: bool,
    limit: int,
    evidence: int | None = None,
) -> Collab:
    """The weighted collaboration graph, optionally only within ``depth`` of ``around`` (rendered by the caller as
    models or JSON); ``evidence``: spans listed per edge (``records_graph.collaboration_graph``), None for all."""
    if level not in ("researcher", "institution"):
        raise UsageError(f"unknown collaboration level {level!r}", level=level)
    if around and level == "researcher":
        return collaboration_around(
            resolve(db, schema, around),
            lambda ids, among, done: collab_hops(db, ids, among),
            depth,
            min_weight,
            since,
            until,
            limit,
            evidence,
        )
    centre = resolve(db, schema, around)[1]["id"] if around else None
    nodes: dict[str, tuple[str, dict[str, Any]]] = {}
    ties: list[tuple[str, str, str, dict[str, Any]]] = []
    # named columns, only what the graph shows: whole node and relationship values converted row by row took 0.7 s
    # of the 1.3 s an institution-level graph cost at 10k items
    query = (
        f"MATCH (a)-[r:{COLLAB}]->(b) RETURN label(a) AS _al, label(b) AS _bl, r.evidence AS evidence, r.key AS key, "
        f"r.{ARCHIVE_ROWS} AS {ARCHIVE_ROWS}, "
    )
    for row in db.dicts(query + f"{node_columns('a')}, {node_columns('b')}"):
        ap, bp = node_props(row, "a"), node_props(row, "b")
        nodes[ap["id"]], nodes[bp["id"]] = (row["_al"], ap), (row["_bl"], bp)
        props = {"evidence": row["evidence"], "key": row["key"], ARCHIVE_ROWS: row[ARCHIVE_ROWS]}
        ties.append((ap["id"], bp["id"], COLLAB, props))
    collab = [(a, b, {"evidence": p["evidence"]}) for a, b, _, p in whole_facts(db, ties)]
    affiliations, part_of = [], []
    if level == "institution":
        query = f"MATCH (a:Researcher)-[:{AFFIL}]->(b:Institution) RETURN a.id AS _a, {node_columns('b')}"
        for row in db.dicts(query):
            bp = node_props(row, "b")
            nodes.setdefault(bp["id"], ("Institution", bp))
            affiliations.append((row["_a"], bp["id"]))
        query = f"MATCH (a:Institution)-[:{PART}]->(b:Institution) RETURN {node_columns('a')}, {node_columns('b')}"
        for row in db.dicts(query):
            ap, bp = node_props(row, "a"), node_props(row, "b")
            nodes.setdefault(ap["id"], ("Institution", ap))
            nodes.setdefault(bp["id"], ("Institution", bp))
            part_of.append((ap["id"], bp["id"]))
    return collaboration_graph(
        level,
        collab,
        nodes,
        affiliations,
        part_of,
        centre,
        depth,
        min_weight,
        since,
        until,
        rollup,
        limit,
        evidence_per_edge=evidence,
    )
