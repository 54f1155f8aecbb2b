"""Resolution: side-by-side pairs, short forms, gazetteer canonical names and identifiers, ids stable across items."""

from __future__ import annotations

from ingest.extract import extract_item
from kg.ids import entity_id, item_id
from kg.model import Entity, Extraction, NewsItem


def _extract(text: str, lang: str = "zh") -> Extraction:
    title = text.split("\n", 1)[0]
    return extract_item(NewsItem(id=item_id(title, text), title=title, text=text, lang=lang))  # type: ignore[arg-type]


def _entity(extraction: Extraction, etype: str, name: str) -> Entity:
    return next(e for e in extraction.entities if e.type == etype and e.name == name)


def test_resolve_person_pair_and_short_form() -> None:
    text = "基因编辑先驱获奖\n云岭研究所的阿尔贝托·罗西（Alberto Rossi）获得“星光科学奖”。罗西发明了一种新的编辑工具。"
    extraction = _extract(text)
    person = _entity(extraction, "Researcher", "阿尔贝托·罗西")
    assert set(person.aliases) == {"Alberto Rossi", "罗西"}
    assert {m.text for m in person.mentions} == {"阿尔贝托·罗西", "Alberto Rossi", "罗西"}
    assert len([e for e in extraction.entities if e.type == "Researcher"]) == 1


def test_resolve_journal_pair_takes_gazetteer_name_and_identifiers() -> None:
    extraction = _extract("新进展\n星河大学张明远教授团队在《自然》（Nature）杂志发表论文。")
    journal = _entity(extraction, "Journal", "Nature")
    assert "自然" in journal.aliases
    assert journal.identifiers.get("issn_l") == "0028-0836"
    assert journal.id == entity_id("Journal", "Nature")


def test_resolve_unit_written_after_a_sibling_takes_its_parent() -> None:
    text = "新进展\n星河大学医学院、附属明珠医院王海峰研究员团队发现了新的药物靶点。"
    extraction = _extract(text)
    hospital = _entity(extraction, "Institution", "星河大学附属明珠医院")
    assert "附属明珠医院" in hospital.aliases
    names = {e.id: e.name for e in extraction.entities}
    part_of = {(names[r.subject], names[r.object]) for r in extraction.relations if r.predicate == "partOf"}
    assert ("星河大学附属明珠医院", "星河大学") in part_of


def test_resolve_ids_stable_across_items_and_spacing() -> None:
    first = _extract("甲\n星河大学张明远教授团队发表论文。")
    second = _extract("乙\n星河大学的张明远教授介绍了成果。")
    a = _entity(first, "Researcher", "张明远")
    b = _entity(second, "Researcher", "张明远")
    assert a.id == b.id == entity_id("Researcher", "张明远")
    assert {e.id for e in first.entities if e.type == "Institution"} & {
        e.id for e in second.entities if e.type == "Institution"
    }


def test_resolve_spacing_and_width_give_one_id() -> None:
    first = _extract("Batteries\nA team led by Professor Maria  Olsen published the work.", lang="en")
    second = _extract("Batteries again\nA team led by Professor Maria Olsen published more.", lang="en")
    assert [e.id for e in first.entities if e.type == "Researcher"] == [
        e.id for e in second.entities if e.type == "Researcher"
    ]
    assert _entity(first, "Researcher", "Maria Olsen").mentions[0].text == "Maria  Olsen"


def test_resolve_prize_written_without_its_giver_is_the_prize_named_in_full() -> None:
    text = (
        "我校获2025年度教育部青年科学研究创新成果奖\n近日，教育部公布了2025年度青年科学研究创新成果奖评审结果。"
        "我校星河学院韩立新教授团队获一等奖。"
    )
    extraction = _extract(text)
    awards = [e for e in extraction.entities if e.type == "Award"]
    assert [a.name for a in awards] == ["教育部青年科学研究创新成果奖"]
    assert "青年科学研究创新成果奖" in awards[0].aliases


def test_resolve_short_prize_category_stays_apart_from_a_national_prize() -> None:
    # 自然科学奖 here is a category of a ministry's prize; folding it into 国家自然科学奖 would say a false thing
    text = (
        "获奖喜报\n我校韩立新教授获国家自然科学奖二等奖。在教育部高等学校科学研究优秀成果奖评选中，"
        "星河学院王敏教授获自然科学奖一等奖。"
    )
    names = {e.name for e in _extract(text).entities if e.type == "Award"}
    assert "国家自然科学奖" in names and "自然科学奖" in names


def test_resolve_short_forms_fold_into_the_longest_name_and_lose_no_mention() -> None:
    from ingest.extract.spans import Span
    from ingest.resolve import Cluster, _merge_ends

    clusters = []
    for at, name in enumerate(["咨询研究重大课题", "重大课题", "星河决策咨询研究重大课题"]):
        cluster = Cluster("Funder")
        cluster.name, cluster.spans = name, [Span(at, at + 1, "Funder", name)]
        clusters.append(cluster)
    (kept,) = _merge_ends(clusters, "Funder", lambda full, short: True)
    assert kept.name == "星河决策咨询研究重大课题"
    assert len(kept.spans) == 3 and set(kept.aliases) == {"咨询研究重大课题", "重大课题"}
