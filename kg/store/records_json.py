"""Answers as JSON without the models: the bytes pydantic would write for a :class:`~kg.store.base.SubGraph` built
from the same stored rows, produced from plain dicts instead.

Why: a depth-2 neighbourhood holds ~145 nodes, ~190 edges and ~450 evidence spans. Building and validating those
models cost about a third of the API's CPU per request, only for FastAPI to dump them straight back to JSON. The
plain dicts here are what ``model_dump(mode="json")`` of those models gives (same keys, same order, same values), and
``pydantic_core.to_json`` is the serialiser ``TypeAdapter.dump_json`` runs, so the bytes are the same.

Exactness: a row goes the fast way only when the models could not have changed it: every field present and in the
model's order, of exactly the type the model keeps (``int``, not a float or a numeric string the model would
coerce). Anything else (evidence written by older code, a stray type) is built by the models, one element at a
time, so it comes out as before, or fails as before.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pydantic_core

from kg.model import Evidence
from kg.store.base import Node
from kg.store.records import edges_from_facts, identifiers_of, node_from_props, parse_evidence

#: the fields of an evidence span, in the order the model writes them
EVIDENCE_FIELDS = list(Evidence.model_fields)

_STR = str
_INT = int


def _evidence_model(raw: str) -> dict[str, Any]:
    """One stored evidence string through the model: the slow way, for what the fast way cannot vouch for."""
    return Evidence.model_validate_json(raw).model_dump(mode="json")


def _canonical_evidence(d: Any) -> bool:
    """Whether a parsed evidence object is already exactly what the model would dump."""
    return (
        type(d) is dict
        and list(d) == EVIDENCE_FIELDS
        and type(d["item_id"]) is _STR
        and type(d["start"]) is _INT
        and type(d["end"]) is _INT
        and type(d["sentence"]) is _STR
        and type(d["extractor_version"]) is _STR
        and (d["item_date"] is None or type(d["item_date"]) is _STR)
        and (d["batch_id"] is None or type(d["batch_id"]) is _STR)
    )


def evidence_dicts(values: Sequence[str]) -> list[dict[str, Any]]:
    """Stored evidence JSON strings as the dicts ``Evidence.model_validate_json(s).model_dump(mode="json")`` gives,
    in order: all of them parsed in one ``json.loads`` call, and only those that are not already in the model's form
    passed through the model."""
    if not values:
        return []
    try:
        parsed = json.loads("[" + ",".join(values) + "]")
    except ValueError:
        parsed = None
    if parsed is None or len(parsed) != len(values):
        # not one JSON value per string: exactly what the model path makes of the list (it parses the strings as one
        # array too), so that a damaged store answers as it did, or fails as it did
        return [e.model_dump(mode="json") for e in parse_evidence(values)]
    for i, d in enumerate(parsed):
        if not _canonical_evidence(d):
            parsed[i] = _evidence_model(values[i])
    out: list[dict[str, Any]] = parsed
    return out


def node_dict(label: str, props: Mapping[str, Any]) -> dict[str, Any]:
    """``node_from_props(label, props).model_dump(mode="json")``, without the model for an entity whose stored
    properties have the types the model keeps."""
    if label != "NewsItem":
        node_id, name = props.get("id"), props.get("name")
        aliases = props.get("aliases") or []
        zh, en = props.get("name_zh"), props.get("name_en")
        stored = props.get("identifiers")
        if (
            type(node_id) is _STR
            and type(name) is _STR
            and type(label) is _STR
            and type(aliases) is list
            and all(type(a) is _STR for a in aliases)
            and (not zh or type(zh) is _STR)
            and (not en or type(en) is _STR)
            and (not stored or stored == "{}" or type(stored) is _STR)
        ):
            identifiers: Any = identifiers_of(props)
            if type(identifiers) is dict and all(type(v) is _STR for v in identifiers.values()):
                labels = {k: v for k, v in (("zh", zh), ("en", en)) if v}
                return {
                    "id": node_id,
                    "type": label,
                    "name": name,
                    "aliases": list(aliases),
                    "labels": labels,
                    "identifiers": identifiers,
                    "properties": {},
                }
    node: Node = node_from_props(label, props)
    dumped: dict[str, Any] = node.model_dump(mode="json")
    return dumped


def edge_dict(
    src: str,
    dst: str,
    predicate: str,
    props: Mapping[str, Any],
    evidence: list[dict[str, Any]],
    weight: float | None = None,
    evidence_total: int | None = None,
) -> dict[str, Any] | None:
    """An edge as ``Edge.model_dump(mode="json")`` gives it, or None when a stored field is not of the type the
    model keeps (the caller then builds that edge with the model). ``evidence`` from :func:`evidence_dicts`."""
    role, year = props.get("role"), props.get("year")
    if (
        type(src) is not _STR
        or type(dst) is not _STR
        or (role is not None and type(role) is not _STR)
        or (year is not None and type(year) is not _INT)
    ):
        return None
    return {
        "source": src,
        "target": dst,
        "predicate": predicate,
        "role": role,
        "year": year,
        "weight": weight,
        "evidence": evidence,
        "evidence_total": evidence_total,
    }


def edge_dict_by_model(
    src: str, dst: str, rtype: str, props: Mapping[str, Any], evidence: list[dict[str, Any]], **extra: Any
) -> dict[str, Any]:
    """The slow way of :func:`edge_dict`: the edge's own fields validated by the model (as the model path builds
    it), then dumped; ``evidence`` (already in the model's form) put in its place."""
    fact = {"role": props.get("role"), "year": props.get("year")}
    dumped: dict[str, Any] = edges_from_facts([(src, dst, rtype, fact)], **extra)[0].model_dump(mode="json")
    dumped["evidence"] = evidence
    return dumped


def subgraph_json(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], truncated: bool) -> bytes:
    """A SubGraph's JSON from its nodes and edges as dicts: the bytes ``TypeAdapter(SubGraph).dump_json`` writes."""
    return pydantic_core.to_json({"nodes": nodes, "edges": edges, "truncated": bool(truncated)})


__all__ = [
    "EVIDENCE_FIELDS",
    "edge_dict",
    "edge_dict_by_model",
    "evidence_dicts",
    "node_dict",
    "subgraph_json",
]
