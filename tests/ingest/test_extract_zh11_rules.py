"""Rules found on the zh11 set, checked on fictional texts (people, units, papers and journals made up; funders from
the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_gbt_citation_gives_paper_journal_and_each_chinese_author() -> None:
    text = (
        "本期导读\n"
        "▍研究论文｜某湖泊沉积物的碳埋藏\n"
        "作者：甄望舒，巫可为，蔺远帆*\n"
        "引用格式：甄望舒, 巫可为, 蔺远帆. 某湖泊沉积物中有机碳埋藏的年代变化[J]. 湖沼虚构学报, 2026, 18(2): 33-45.\n"
    )
    extraction = _extract(text, "zh")
    title = "某湖泊沉积物中有机碳埋藏的年代变化"
    assert title in _names(extraction, "Publication")
    assert (title, "湖沼虚构学报") in _facts(extraction, "publishedIn")
    assert {("甄望舒", title), ("巫可为", title), ("蔺远帆", title)} <= _facts(extraction, "authorOf")


def test_numbered_list_of_papers_in_gbt_style_english_titles_and_a_submitted_manuscript() -> None:
    text = (
        "博士学位论文答辩公告\n"
        "攻读博士学位期间主要科研成果：\n"
        "1. 辛若谷, 蒙一川, 柏知遥*. A fictional kinase licenses root hair growth. Journal of Imaginary Botany, 2025, "
        "12(3): e0041-25.\n"
        "2. 辛若谷, 柏知遥*. A second fictional kinase in pollen tubes. 已投稿至Plant Fiction Letters（审稿中）.\n"
    )
    extraction = _extract(text, "zh")
    first, second = "A fictional kinase licenses root hair growth", "A second fictional kinase in pollen tubes"
    assert {first, second} <= _names(extraction, "Publication")
    assert {"辛若谷", "蒙一川", "柏知遥"} <= _names(extraction, "Researcher")
    authored = _facts(extraction, "authorOf")
    assert {("辛若谷", first), ("蒙一川", first), ("柏知遥", second)} <= authored
    published = _facts(extraction, "publishedIn")
    assert (first, "Journal of Imaginary Botany") in published
    assert not any(paper == second for paper, _ in published)


def test_marks_of_corresponding_and_co_first_authors_are_no_part_of_a_latin_name() -> None:
    text = (
        "个人主页\n【代表性论文】\n"
        "1. Fen Muyang#, Lorca Benedikt*. Fictional shelf waves over a made-up slope. Journal of Pretend Oceans, "
        "2024, 7: 11-20.\n"
    )
    authored = _facts(_extract(text, "zh"), "authorOf")
    assert ("Fen Muyang", "Fictional shelf waves over a made-up slope") in authored


def test_committee_table_rows_give_each_member_the_unit_after_the_rank() -> None:
    """Name, letter-spaced rank and unit in columns; a rare surname and a committee post before the name."""
    text = (
        "博士学位论文答辩公告\n"
        "答辩委员会：\n"
        "主　席：穰景舟　研究员　北岭农业科学院植物保护研究所\n"
        "委　员：辛若谷　教　授　南岭大学生命科学学院\n"
        "　　　　泮知微　教　授　东川大学医学研究院\n"
    )
    affiliated = _facts(_extract(text, "zh"), "affiliatedWith")
    assert {
        ("穰景舟", "北岭农业科学院植物保护研究所"),
        ("辛若谷", "南岭大学生命科学学院"),
        ("泮知微", "东川大学医学研究院"),
    } <= affiliated


def test_programme_speaker_line_with_unit_after_a_full_width_space() -> None:
    text = "会议手册\n08:40—09:20　某报告\n    报告人：柏知遥 教授　南岭大学化学系\n    柏知遥长期从事酶催化研究。\n"
    assert ("柏知遥", "南岭大学化学系") in _facts(_extract(text, "zh"), "affiliatedWith")


def test_two_bodies_set_apart_by_a_space_on_one_line_are_not_glued() -> None:
    text = "本期导读\n邬知行为北岭大学研究员。\n主办：南岭省科学技术协会学术部 北岭科学院东川生态研究院\n"
    names = _names(_extract(text, "zh"), "Institution")
    assert not any("学术部北岭" in n for n in names)
    assert "北岭科学院东川生态研究院" in names


def test_department_after_its_school_across_a_space_is_that_schools_unit() -> None:
    text = "邬知行\n邬知行　教授\n所在单位：北岭大学海洋科学学院　海洋化学系\n"
    assert ("北岭大学海洋科学学院海洋化学系", "北岭大学海洋科学学院") in _facts(_extract(text, "zh"), "partOf")


def test_now_ending_a_date_range_opens_no_institution_name() -> None:
    text = "邬知行\n【工作经历】\n2019—2023　北岭大学物理学院　副教授\n2023—今　北岭大学物理学院　教授\n"
    names = _names(_extract(text, "zh"), "Institution")
    assert not any(n.startswith("今") for n in names)


def test_special_programme_on_a_quoted_topic_is_funded_by_its_plan() -> None:
    text = (
        "学位论文答辩公告\n论文题目：某虚构病毒蛋白的免疫逃逸机制\n"
        "论文研究工作得到国家重点研发计划“虚构作物病害绿色防控技术”重点专项的资助。\n"
    )
    extraction = _extract(text, "zh")
    funders = _names(extraction, "Funder")
    assert "国家重点研发计划" in funders
    assert not any("“" in f for f in funders)
    thesis = "某虚构病毒蛋白的免疫逃逸机制"
    assert (thesis, "国家重点研发计划") in _facts(extraction, "fundedBy")


def test_candidate_field_of_a_chinese_defence_notice_authors_the_thesis() -> None:
    text = (
        "博士学位论文答辩公告\n"
        "答 辩 人：辛若谷\n学科专业：预防兽医学\n指导教师：柏知遥 教授\n"
        "论文题目：某虚构病毒蛋白拮抗宿主免疫的分子机制\n"
    )
    assert ("辛若谷", "某虚构病毒蛋白拮抗宿主免疫的分子机制") in _facts(_extract(text, "zh"), "authorOf")


def test_category_written_right_after_a_provincial_prize_is_no_award_of_its_own() -> None:
    text = "邬知行\n【荣誉奖励】\n2024　南岭省科学技术奖自然科学奖二等奖（排名第一）\n邬知行为北岭大学教授。\n"
    awards = _names(_extract(text, "zh"), "Award")
    assert "南岭省科学技术奖" in awards
    assert "自然科学奖" not in awards
