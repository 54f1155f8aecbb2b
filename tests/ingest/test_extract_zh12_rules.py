"""Rules found on the zh12 set and the zh11 leftovers, checked on fictional texts (people and units made up;
funders, journals and institutes from the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_rare_and_compound_surnames_of_the_public_lists() -> None:
    text = (
        "青年团队揭示土壤微生物新机制\n"
        "近日，浙江大学环境与资源学院研究员禤明远团队在《自然·通讯》发表论文。博士研究生闾丘青禾为第一作者，"
        "副研究员蒿文川、教授左丘为共同通讯作者。"
    )
    researchers = _names(_extract(text, "zh"), "Researcher")
    assert {"禤明远", "闾丘青禾", "蒿文川", "左丘"} <= researchers


def test_funding_table_with_a_money_column_its_units_and_wrapped_titles() -> None:
    text = (
        "关于2031年度市自然科学基金拟立项项目的公示\n"
        "现将拟立项项目名单予以公示。\n"
        "序号  项目名称                   承担单位                    负责人  资助经费\n"
        "                                                                      （万元）\n"
        "1     滨海湿地碳通量遥感反演方   江城大学环境学院            沈和光  30\n"
        "      法\n"
        "2     城市内涝智能预警系统研制   江城理工大学土木工程学院    谭一舟  20\n"
    )
    extraction = _extract(text, "zh")
    assert {("沈和光", "江城大学环境学院"), ("谭一舟", "江城理工大学土木工程学院")} <= _facts(
        extraction, "affiliatedWith"
    )
    assert "市自然科学基金" in _names(extraction, "Funder")
