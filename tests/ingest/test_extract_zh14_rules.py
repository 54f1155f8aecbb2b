"""Rules found on the zh14 set, checked on fictional texts (people and units made up; universities from the public
gazetteers)."""

from __future__ import annotations

import pytest

from ingest.extract import extract_item
from ingest.readers.text import read_text
from tests.ingest.test_extract_en7_rules import _extract, _facts


@pytest.mark.parametrize("joint", ["\n", " "])
def test_an_author_list_apart_by_commas_with_markers_and_one_unit_per_line(joint: str) -> None:
    """林晓风#1，周明远#1,2，… 赵明远*2 over one numbered unit per line (the reader may run the first unit on after
    the list): each author is affiliated with the units their numbers point to; # marks a co-first author, * a
    corresponding one."""
    text = (
        "关于稿件作者信息的核对\n二、作者顺序及单位（# 共同第一作者，* 共同通讯作者）\n"
        f"林晓风#1，周明远#1,2，柯岚（Lan Ke）2，赵明远*3{joint}1 北京大学物理学院\n"
        "2 清华大学化学系\n3 浙江大学生命科学学院\n请各位老师核对。\n"
    )
    affiliations = _facts(_extract(text, "zh"), "affiliatedWith")
    assert {
        ("林晓风", "北京大学物理学院"),
        ("周明远", "清华大学化学系"),
        ("赵明远", "浙江大学生命科学学院"),
    } <= affiliations
    assert ("林晓风", "清华大学化学系") not in affiliations


PROJECT_PAGE = (
    "国家自然科学基金项目详情\n首页 > 项目检索 > 结题项目 > 项目详情\n\n高原湖泊冰封期浮游植物的越冬机制\n\n"
    "批准号\t42200000\n项目负责人\t林晓风\n负责人职称\t教授\n依托单位\t北京大学\n项目类别\t面上项目\n\n"
    "结题摘要\n本项目研究了高原湖泊冰封期浮游植物的越冬过程。\n\n项目成果\n"
    "序号\t成果名称\t作者\t发表年份\t期刊/会议名称\n"
    "1\tDiatoms overwinter under lake ice on the plateau\t周明远；林晓风\t2024\tLimnology and Oceanography Letters\n"
    "2\t冰下湖水光照与硅藻群落的关系\t赵明远；林晓风\t2023\t湖泊科学\n"
)


def test_a_project_pages_tab_fields_and_outputs_table() -> None:
    """A grant database's page copied as text: label<tab>value fields (the leader works at the host unit) and a
    tab-separated table of outputs (成果名称 / 作者 / 期刊/会议名称: papers, their authors and journals)."""
    (item,) = read_text(PROJECT_PAGE, "project.txt")
    extraction = extract_item(item)
    assert ("林晓风", "北京大学") in _facts(extraction, "affiliatedWith")
    assert "单位北京大学" not in {e.name for e in extraction.entities}
    assert ("周明远", "Diatoms overwinter under lake ice on the plateau") in _facts(extraction, "authorOf")
    assert ("冰下湖水光照与硅藻群落的关系", "湖泊科学") in _facts(extraction, "publishedIn")


def test_a_header_marking_only_its_corresponding_author_keeps_its_first_author_first() -> None:
    """林晓风1 周明远1,2 赵明远2*: only * marked, so the first author is still the first."""
    text = (
        "冰川退缩的遥感监测\n林晓风1　周明远1,2　赵明远2*\n1.星河大学地理学院　2.海岳研究所\n"
        "摘要：本文研究了高原冰川的退缩。\n"
    )
    extraction = _extract(text, "zh")
    names = {e.id: e.name for e in extraction.entities}
    roles = {names[r.subject]: r.role for r in extraction.relations if r.predicate == "authorOf"}
    assert roles.get("林晓风") == "first"
    assert roles.get("赵明远") == "corresponding"
