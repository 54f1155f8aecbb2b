"""Conformance: a hub fact whose older evidence lives in archive rows (``kg.store.records_archive``) answers exactly as
the same fact with every span inline, through every verb that reads, writes or rewrites evidence, on both stores.

The scenario runs twice on the same kind of store: once keeping 3 spans inline (so the hub facts archive in every
batch), once with the default bound (nothing archives at this size); every answer is compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kg.errors import UsageError
from kg.ids import batch_id, entity_id, item_id
from kg.model import Entity, Evidence, Extraction, ImportBatch, Mention, NewsItem, Relation
from kg.store.records_archive import ARCHIVE_LABEL, KEEP_INLINE

LAB = ("Institution", "南岭材料研究院")
LAB_SHORT = ("Institution", "南岭材料所")  # a duplicate of LAB under its short name, merged into it below
PI = ("Researcher", "柯望舒")
PEER = ("Researcher", "Ines Varga")


def eid(entity: tuple[str, str]) -> str:
    return entity_id(*entity)


def item(n: int) -> Extraction:
    """Item ``n``: the PI works at the lab (or at its short name on every fifth item) and co-authors with the peer."""
    lab = LAB_SHORT if n % 5 == 0 else LAB
    first = f"第{n}期：{PI[1]}研究员任职于{lab[1]}。"
    second = f"{PI[1]}与{PEER[1]}合作完成第{n}项研究。"
    text = first + second
    news = NewsItem(
        id=item_id(f"简讯{n}", text), title=f"简讯{n}", text=text, date=f"2025-{1 + n % 12:02d}-10", lang="zh"
    )

    def entity(e: tuple[str, str]) -> Entity:
        spans = [Mention(start=i, end=i + len(e[1]), text=e[1]) for i in _find(text, e[1])]
        return Entity(id=eid(e), type=e[0], name=e[1], mentions=spans)  # type: ignore[arg-type]

    def relation(s: tuple[str, str], predicate: str, o: tuple[str, str], start: int, end: int) -> Relation:
        evidence = Evidence(item_id=news.id, item_date=news.date, start=start, end=end, sentence=text[start:end])
        return Relation(subject=eid(s), predicate=predicate, object=eid(o), evidence=evidence)  # type: ignore[arg-type]

    cut = len(first)
    return Extraction(
        item=news,
        entities=[entity(PI), entity(PEER), entity(lab)],
        relations=[
            relation(PI, "affiliatedWith", lab, 0, cut),
            relation(PI, "collaboratedWith", PEER, cut, len(text)),
        ],
    )


def _find(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def batch(numbers: range | list[int], salt: str) -> tuple[ImportBatch, list[Extraction]]:
    records = [item(n) for n in numbers]
    return (
        ImportBatch(
            id=batch_id([r.item.id for r in records], salt=salt),
            created_at=datetime(2026, 2, 1, tzinfo=UTC),
            sources=[f"hub-{salt}.txt"],
        ),
        records,
    )


def answers(store: Any) -> dict[str, Any]:
    """Everything the read verbs say about the hub and its ends, as JSON-ready data."""
    pi, lab, peer = eid(PI), eid(LAB), eid(PEER)

    def dump(value: Any) -> Any:
        if isinstance(value, list):
            return [dump(v) for v in value]
        return value.model_dump(mode="json") if hasattr(value, "model_dump") else value

    return {
        "entity_pi": dump(store.entity(pi)),
        "entity_lab_cut": dump(store.entity(lab, limit=1)),
        "neighbours": dump(store.neighbors(pi, depth=2)),
        "collab_all": dump(store.collaboration("researcher", around=pi)),
        "collab_3": dump(store.collaboration("researcher", around=pi, evidence=3)),
        "collab_period": dump(store.collaboration("researcher", around=pi, since="2025-03", until="2025-08")),
        "collab_whole": dump(store.collaboration("researcher")),
        "collab_institutions": dump(store.collaboration("institution")),
        "paths": dump(store.paths(peer, lab)),
        "context": dump(store.context([pi])),
        "subgraph": dump(store.subgraph()),
        "stats": dump(store.stats()),
    }


def archive_rows(store: Any) -> int:
    return int(store.read_query(f"MATCH (e:{ARCHIVE_LABEL}) RETURN count(e) AS n").rows[0][0])


def scenario(store: Any) -> list[tuple[str, dict[str, Any], int]]:
    """(step, answers, archive rows) after each step of the life of a hub fact."""
    out = []
    first, second, third = batch(range(1, 9), "a"), batch(range(9, 17), "b"), batch(range(17, 25), "c")
    for name, (b, records) in (("first", first), ("second", second), ("third", third)):
        store.apply(b, records)
        out.append((name, answers(store), archive_rows(store)))
    # items of the second batch again with new ones: spans of stored items may sit in archive rows already
    again = batch([*range(9, 17), 25, 26], "d")
    result = store.apply(*again)
    out.append(("overlap", answers(store) | {"added": result.evidence_added}, archive_rows(store)))
    store.rollback(second[0].id)
    out.append(("rollback", answers(store), archive_rows(store)))
    store.merge(eid(LAB), eid(LAB_SHORT))
    out.append(("merge", answers(store), archive_rows(store)))
    store.split(eid(LAB), [LAB_SHORT[1]], LAB_SHORT[1])
    out.append(("split", answers(store), archive_rows(store)))
    for b in (first, third, again):
        store.rollback(b[0].id)
    stats = store.stats().model_dump(mode="json")
    out.append(("empty", {"stats": stats}, archive_rows(store)))
    return out


@pytest.fixture(params=["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[int], Any]]:
    """Opens an empty store of the kind with a given inline bound (each call starts from an empty graph)."""
    opened: list[Any] = []

    def make(inline: int) -> Any:
        for old in opened:
            old.close()
        if request.param == "ladybug":
            from kg.store.ladybug import LadybugStore

            store: Any = LadybugStore(tmp_path / f"ladybug-{inline}", evidence_inline=inline)
        else:
            from kg.store.neo4j import Neo4jStore

            settings = request.getfixturevalue("neo4j_settings")
            store = Neo4jStore(settings["uri"], settings["user"], settings["password"], evidence_inline=inline)
            store.clear()
        store.init_schema()
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def test_hub_facts_in_archive_rows_answer_as_inline_ones(make_store: Callable[[int], Any]) -> None:
    archived = scenario(make_store(3))
    inline = scenario(make_store(KEEP_INLINE))
    assert [step for step, _, _ in archived] == [step for step, _, _ in inline]
    for (step, got, rows), (_, want, none) in zip(archived, inline, strict=True):
        assert none == 0, step  # nothing reaches the default bound here
        for view in want:
            assert got[view] == want[view], (step, view)
        # the hub facts did archive while they were big, and nothing is left behind once every batch is gone
        assert (rows > 0) == (step not in ("first", "empty")), (step, rows)


def test_an_inline_bound_below_what_neighbourhoods_show_is_refused(make_store: Callable[[int], Any]) -> None:
    with pytest.raises(UsageError, match="evidence_inline"):
        make_store(2)
