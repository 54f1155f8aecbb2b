"""Rules found on the zh9 set, checked on fictional texts (people, units and universities made up; funders,
journals, programmes and institutes from the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def _authors(text: str) -> set[str]:
    """The people a Chinese text makes authors of a paper."""
    return {person for person, _ in _facts(_extract(text, "zh"), "authorOf")}


def test_winners_table_with_a_recommending_society_column() -> None:
    """A list of selected people as a space-aligned table whose last column names the society that put them
    forward: the names are people, their unit cells their institutions, never one glued to the other."""
    text = (
        "星河大学2名青年教师入选青年人才托举工程\n\n"
        "近日，星河大学2名青年教师入选。\n\n"
        "序号  姓名      所在单位                    推荐学会\n"
        "1     岑一帆    星河大学材料科学与工程学院  中国材料研究学会\n"
        "2     卓思远    星河大学物理学院            中国物理学会\n"
    )
    extraction = _extract(text, "zh")
    assert {"岑一帆", "卓思远"} <= _names(extraction, "Researcher")
    assert not any("岑一帆" in n or "卓思远" in n for n in _names(extraction, "Institution"))
    assert {("岑一帆", "星河大学材料科学与工程学院"), ("卓思远", "星河大学物理学院")} <= _facts(
        extraction, "affiliatedWith"
    )


def test_people_of_paragraphs_that_never_touch_the_paper_are_not_its_authors() -> None:
    """An exchange or selection story mentions one paper in passing: its team is named where the paper is, not the
    students and visitors of the other paragraphs."""
    text = (
        "星河大学生命学院2名博士研究生赴海外联合培养\n\n"
        "博士研究生岑一帆（导师：卓思远教授）将赴海外开展为期12个月的联合培养。\n\n"
        "博士研究生郦若水将赴海外学习。\n\n"
        "值得一提的是，卓思远教授2025年在Nature Plants发表论文“A fictional receptor couples roots to "
        "nitrate”，岑一帆为该论文第一作者，卓思远为通讯作者。\n"
    )
    assert _authors(text) == {"岑一帆", "卓思远"}


def test_a_laboratory_named_in_a_paragraph_does_not_make_it_about_the_paper() -> None:
    """实验室 is a unit's name, not experimental work: a supervisor named with his laboratory in a life story is no
    author of the paper a later paragraph reports."""
    text = (
        "校友岑一帆荣获某某奖\n\n"
        "岑一帆本科毕业后师从星河大学光电材料国家级重点实验室卓思远教授。\n\n"
        "岑一帆2023年在Nature Photonics发表论文“A fictional laser for cold atoms”，博士研究生郦若水为第一作者，"
        "岑一帆为通讯作者。\n"
    )
    assert "卓思远" not in _authors(text)


def test_numbered_institute_keeps_its_group_and_a_national_level_lab_its_field() -> None:
    """A state group's numbered institute is named with the group (…集团公司第十九研究所); a key laboratory written
    国家级重点实验室 keeps the field that names it."""
    text = (
        "校友喜讯\n\n"
        "星河大学校友、中国星河电子集团公司第十九研究所首席科学家岑一帆研究员获奖。"
        "他本科毕业后师从星河大学卓思远教授，后在该校微波遥感技术国家级重点实验室工作。\n"
    )
    extraction = _extract(text, "zh")
    institutions = _names(extraction, "Institution")
    assert "中国星河电子集团公司第十九研究所" in institutions
    assert any(name.endswith("微波遥感技术国家级重点实验室") for name in institutions)
    assert not {"第十九研究所", "公司第十九研究所", "国家级重点实验室", "师从星河大学"} & institutions
    assert ("岑一帆", "中国星河电子集团公司第十九研究所") in _facts(extraction, "affiliatedWith")


def test_transliterated_body_and_a_post_before_a_transliterated_name() -> None:
    """A body named after a person (约翰·某某中心, with its English name) is no researcher, and a head's post
    written before a transliterated name (所长) is no part of it."""
    text = (
        "星河大学博士研究生赴海外联合培养\n\n"
        "博士研究生岑一帆将赴英国彼得·霍尔中心（Peter Hall Centre）开展联合培养。\n\n"
        "德国某某研究所所长卡尔·韦伯纳（Karl Webner）来院访问。\n"
    )
    researchers = _names(_extract(text, "zh"), "Researcher")
    assert "卡尔·韦伯纳" in researchers
    assert not any("中心" in name or name.startswith("所长") for name in researchers)


def test_receptor_opens_no_funding_statement() -> None:
    """受体 (a receptor) is no 受 (received): a sentence on receptor research followed by a grant keeps the funder's
    name free of the verb and the year before it."""
    text = "星河大学学者获奖\n\n岑一帆长期从事植物免疫受体研究，2021年获国家自然科学基金面上项目资助。\n"
    funders = _names(_extract(text, "zh"), "Funder")
    assert funders and not any(name.startswith(("获", "体", "2021")) for name in funders)
