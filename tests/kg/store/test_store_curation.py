"""Conformance: merge, split and rename keep provenance and stable ids, on both stores."""

from __future__ import annotations

import pytest

from kg.errors import Conflict, NotFound
from kg.ids import entity_id

from .conftest import batch_of, eid, record


def nonzero(mapping: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in mapping.items() if v}


def facts_of(store, key: str) -> set[tuple[str, str, str, int]]:  # noqa: ANN001
    """(predicate, source, target, number of evidence) of an entity's facts."""
    return {(e.predicate, e.source, e.target, len(e.evidence)) for e in store.entity(eid(key)).edges}


def test_merge_carries_aliases_facts_and_evidence(loaded) -> None:  # noqa: ANN001
    kept = loaded.merge(eid("dhut"), eid("chem"))
    assert kept.id == eid("dhut")
    assert {"东海理工大学化学学院", "化学学院", "Donghai University of Technology"} <= set(kept.aliases)
    assert kept.identifiers == {"wikidata": "Q4115189"}
    # lin–chem and lin–dhut affiliations became one fact with both items' evidence; chem partOf dhut became a
    # self-loop and is gone
    assert ("affiliatedWith", eid("lin"), eid("dhut"), 2) in facts_of(loaded, "lin")
    stats = loaded.stats()
    assert nonzero(stats.nodes_by_type)["Institution"] == 2
    assert nonzero(stats.edges_by_predicate)["affiliatedWith"] == 3
    assert "partOf" not in nonzero(stats.edges_by_predicate)
    # the dropped id still resolves, and says what it was merged into
    detail = loaded.entity(eid("chem"))
    assert detail.node.id == eid("dhut") and detail.merged_ids == [eid("chem")]
    assert eid("dhut") in {n.id for n in loaded.item(record("A").item.id).entities}
    assert eid("chem") not in {n.id for n in loaded.item(record("A").item.id).entities}


def test_merge_then_apply_lands_on_the_kept_entity(loaded) -> None:  # noqa: ANN001
    loaded.merge(eid("dhut"), eid("chem"))
    before = loaded.stats()
    loaded.apply(*batch_of("A", salt="re-ingest after merge"))
    after = loaded.stats()
    assert (after.nodes_by_type, after.edges_by_predicate, after.items) == (
        before.nodes_by_type,
        before.edges_by_predicate,
        before.items,
    )
    assert loaded.entity(eid("chem")).node.id == eid("dhut")


@pytest.mark.parametrize(
    ("keep", "drop", "error"),
    [("lin", "lin", Conflict), ("lin", "dhut", Conflict), ("lin", None, NotFound)],
    ids=["into-itself", "different-types", "unknown"],
)
def test_merge_refuses(loaded, keep: str, drop: str | None, error: type) -> None:  # noqa: ANN001
    with pytest.raises(error):
        loaded.merge(eid(keep), eid(drop) if drop else "researcher-000000000000")


def test_split_moves_aliases_mentions_and_their_facts(loaded) -> None:  # noqa: ANN001
    english = "Donghai University of Technology"
    new = loaded.split(eid("dhut"), [english], english)
    assert new.id == entity_id("Institution", english) and new.name == english
    assert english not in loaded.entity(eid("dhut")).node.aliases
    # the facts whose evidence (item B) spans the moved mentions went with them
    assert facts_of(loaded, "dhut") == {
        ("affiliatedWith", eid("wang"), eid("dhut"), 1),
        ("partOf", eid("chem"), eid("dhut"), 1),
    }
    moved = {(e.predicate, len(e.evidence)) for e in loaded.entity(new.id).edges}
    assert moved == {("affiliatedWith", 1), ("collaboratedWith", 1)}
    b = loaded.item(record("B").item.id)
    assert new.id in {n.id for n in b.entities} and eid("dhut") not in {n.id for n in b.entities}
    assert {m.text for m in b.mentions if m.entity_id == new.id} == {english}
    assert loaded.search(english).hits[0].node.id == new.id


def test_split_refuses_an_existing_name(loaded) -> None:  # noqa: ANN001
    with pytest.raises(Conflict):
        loaded.split(eid("dhut"), ["化学学院"], "东海理工大学化学学院")


def test_rename_keeps_the_id_and_the_old_name_as_alias(loaded) -> None:  # noqa: ANN001
    node = loaded.rename(eid("alice"), "Alice M. Moreau", ["A. Moreau"])
    assert node.id == eid("alice") and node.name == "Alice M. Moreau"
    assert {"Alice Moreau", "A. Moreau"} <= set(node.aliases)
    assert loaded.entity(eid("alice")).node.name == "Alice M. Moreau"
    hit = loaded.search("a. moreau").hits[0]
    assert (hit.node.id, hit.match) == (eid("alice"), "exact")
    with pytest.raises(NotFound):
        loaded.rename("researcher-000000000000", "x")
