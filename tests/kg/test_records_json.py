"""The JSON built without models (``kg.store.records_json``) is byte for byte the models' JSON, for stored rows in the
current form and in forms older code or stray writes may have left (other key order, missing fields, escapes,
numbers the models coerce); where the models refuse a row, so does the JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from kg.model import Evidence
from kg.store.base import SubGraph
from kg.store.records import node_from_props, parse_evidence
from kg.store.records_graph import Collab, Hop, Walk, walk_json, walk_subgraph
from kg.store.records_json import evidence_dicts, node_dict

SUBGRAPH: TypeAdapter[SubGraph] = TypeAdapter(SubGraph)

CURRENT = json.dumps(
    {
        "item_id": "item-1",
        "item_date": "2025-03-10",
        "start": 0,
        "end": 9,
        "sentence": '林晓风与"周明远"合作。\n\t\x01',
        "extractor_version": "kg/1",
        "batch_id": "batch-1",
    },
    ensure_ascii=False,
    separators=(",", ":"),
)

#: stored evidence in forms the fast way must not trust as they are
OTHER_FORMS = [
    CURRENT,
    json.loads(json.dumps(CURRENT)),  # the same string, round-tripped
    CURRENT.replace(",", ", ").replace('":', '": '),  # spaces (json.dumps defaults)
    json.dumps(json.loads(CURRENT)),  # \uXXXX escapes (ensure_ascii)
    '{"item_id":"item-2","start":3,"end":4,"sentence":"s"}',  # written before item_date, version and batch existed
    '{"sentence":"s","end":4,"start":3,"item_id":"item-3","item_date":null}',  # another key order
    '{"item_id":"item-4","item_date":null,"start":3.0,"end":"4","sentence":"s","extractor_version":"v",'
    '"batch_id":null}',  # numbers the model coerces
    '{"item_id":"item-5","item_date":null,"start":3,"end":4,"sentence":"s","extractor_version":"v",'
    '"batch_id":null,"extra":1}',  # a field the model ignores
]


def _model_dicts(values: list[str]) -> list[dict[str, Any]]:
    return [Evidence.model_validate_json(v).model_dump(mode="json") for v in values]


def test_evidence_dicts_equal_the_models_in_every_stored_form() -> None:
    got = evidence_dicts(OTHER_FORMS)
    assert got == _model_dicts(OTHER_FORMS)
    assert [list(d) for d in got] == [list(Evidence.model_fields)] * len(OTHER_FORMS)  # the model's key order
    assert evidence_dicts([]) == []


@pytest.mark.parametrize(
    "bad",
    [
        '{"item_id":"i","start":"x","end":1,"sentence":"s"}',  # not a number
        '{"item_id":"i","start":1,"end":1}',  # no sentence
        '{"item_id":"i", broken',  # not JSON
    ],
)
def test_evidence_the_model_refuses_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        parse_evidence([CURRENT, bad])
    with pytest.raises(ValidationError):
        evidence_dicts([CURRENT, bad])


def test_a_string_holding_two_spans_reads_as_the_model_path_reads_it() -> None:
    two = '{"item_id":"i","start":1,"end":1,"sentence":"s"},{"item_id":"j","start":2,"end":2,"sentence":"t"}'
    got = evidence_dicts([CURRENT, two])
    assert got == [e.model_dump(mode="json") for e in parse_evidence([CURRENT, two])]
    assert len(got) == 3  # a damaged store: the models' answer, whatever it was, not a new one


NODES: list[tuple[str, dict[str, Any]]] = [
    (
        "Researcher",
        {
            "id": "researcher-1",
            "name": "林晓风",
            "aliases": ["Lin Xiaofeng"],
            "name_zh": "林晓风",
            "name_en": "Lin Xiaofeng",
            "identifiers": '{"orcid": "0000-0002-1825-0097"}',
        },
    ),
    ("Institution", {"id": "institution-1", "name": "青川大学", "aliases": None, "identifiers": "{}"}),
    ("Journal", {"id": "journal-1", "name": "自然", "aliases": [], "name_zh": "", "name_en": None}),
    ("NewsItem", {"id": "item-1", "title": "标题", "date": "2025-03-10", "lang": "zh", "source": None}),
    ("NewsItem", {"id": "item-2"}),
]


@pytest.mark.parametrize(("label", "props"), NODES)
def test_node_dict_equals_the_models_dump(label: str, props: dict[str, Any]) -> None:
    assert node_dict(label, props) == node_from_props(label, props).model_dump(mode="json")


@pytest.mark.parametrize(
    "props",
    [
        {"id": "researcher-1", "name": None},
        {"id": "researcher-1", "name": "n", "aliases": [1]},
        {"id": "researcher-1", "name": "n", "identifiers": '{"orcid": 1}'},
    ],
)
def test_node_the_model_refuses_is_refused(props: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        node_from_props("Researcher", props)
    with pytest.raises(ValidationError):
        node_dict("Researcher", props)


def _hop(src: str, dst: str, rtype: str, props: dict[str, Any], label: str, other: dict[str, Any]) -> Hop:
    return Hop(src, dst, rtype, props, label, other)


def test_walk_json_is_the_walk_subgraphs_json() -> None:
    center = ("Researcher", {"id": "researcher-1", "name": "林晓风", "aliases": [], "identifiers": "{}"})
    institution = {"id": "institution-1", "name": "青川大学", "aliases": ["QU"], "name_en": "Qingchuan University"}
    award = {"id": "award-1", "name": "Aurora Prize", "identifiers": '{"wikidata": "Q1"}'}
    hops = [
        # the evidence already cut by the store, with its total
        _hop(
            "researcher-1",
            "institution-1",
            "AFFILIATED_WITH",
            {"key": "|", "role": "教授", "year": None, "evidence": OTHER_FORMS[:3], "evidence_total": 12},
            "Institution",
            institution,
        ),
        # all the evidence, cut here; a year stored as a float and one as a string (the model coerces both)
        _hop(
            "researcher-1",
            "award-1",
            "RECEIVED",
            {"key": "|2024", "year": 2024.0, "evidence": OTHER_FORMS},
            "Award",
            award,
        ),
        _hop("researcher-1", "award-1", "RECEIVED", {"key": "|2023", "year": "2023", "evidence": []}, "Award", award),
    ]
    found = Walk(
        nodes=[("researcher-1", "Researcher"), ("award-1", "Award"), ("institution-1", "Institution")],
        hops=hops,
        truncated=True,
        props={"institution-1": institution, "award-1": award},
    )
    expected = SUBGRAPH.dump_json(walk_subgraph(node_from_props(*center), found))
    assert walk_json(center, found) == expected
    assert json.loads(expected)["edges"][1]["year"] == 2024  # the coerced year, not 2024.0


def test_collab_json_is_the_collab_subgraphs_json() -> None:
    people = {
        "researcher-2": ("Researcher", {"id": "researcher-2", "name": "Anna", "aliases": [], "identifiers": "{}"}),
        "researcher-1": ("Researcher", {"id": "researcher-1", "name": "林晓风", "aliases": ["Lin"]}),
        "researcher-3": ("Researcher", {"id": "researcher-3", "name": "Anna", "name_en": "Anna B."}),
    }
    collab = Collab(
        nodes=list(people.values()),
        edges=[
            ("researcher-1", "researcher-2", 2, evidence_dicts(OTHER_FORMS[:2]), None),
            # the evidence cut to what the answer lists, with the count of all
            ("researcher-1", "researcher-3", 1, evidence_dicts(OTHER_FORMS[4:5]), 7),
        ],
        truncated=True,
    )
    assert collab.json() == SUBGRAPH.dump_json(collab.subgraph())
    empty = Collab(nodes=[], edges=[])
    assert empty.json() == SUBGRAPH.dump_json(empty.subgraph()) == b'{"nodes":[],"edges":[],"truncated":false}'
