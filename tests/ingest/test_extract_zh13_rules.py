"""Rules found on the zh13 set, checked on fictional texts (people, units and papers made up; funders from the
public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names

_PAGE = (
    "河谷湿地土壤甲烷通量的季节变化及其驱动因素\n"
    "Seasonal variation of methane fluxes from valley wetland soils and its drivers\n"
    "\n"
    "柏清远1　岑若溪1,2　闵书航3\n"
    "1.青川大学资源环境学院　2.青川大学湿地生态研究中心　3.中国科学院南岭生态研究所\n"
    "摘要：本研究分析了河谷湿地土壤甲烷通量的季节变化。\n"
    "关键词：甲烷；湿地基金资助：国家自然科学基金项目（41234567）；南岭山地综合科学考察研究（2020NLKK0101）"
    "专辑：基础科学\n"
)


def test_paper_header_authors_with_numbered_units() -> None:
    extraction = _extract(_PAGE, "zh")
    paper = "河谷湿地土壤甲烷通量的季节变化及其驱动因素"
    assert {"柏清远", "岑若溪", "闵书航"} <= _names(extraction, "Researcher")
    assert paper in _names(extraction, "Publication")
    assert {("柏清远", paper), ("岑若溪", paper), ("闵书航", paper)} <= _facts(extraction, "authorOf")
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("岑若溪", "青川大学资源环境学院") in affiliations
    assert ("闵书航", "中国科学院南岭生态研究所") in affiliations
    assert ("柏清远", "中国科学院南岭生态研究所") not in affiliations


def test_funding_field_runs_on_over_semicolons_and_after_a_run_on_line() -> None:
    funders = _names(_extract(_PAGE, "zh"), "Funder")
    assert {"国家自然科学基金", "南岭山地综合科学考察研究"} <= funders


def test_digits_after_names_with_no_numbered_units_name_no_header() -> None:
    text = "河谷湿地的甲烷\n柏清远1　岑若溪2\n摘要：本研究分析了河谷湿地土壤甲烷通量。\n"
    assert "authorOf" not in {r.predicate for r in _extract(text, "zh").relations}


def test_reference_after_a_chinese_label_with_marked_authors_and_an_ellipsis() -> None:
    text = (
        "如何看待某团队的新型钾离子电池成果？\n"
        "先放论文信息：Lin Qiaoyu#, Mo Xinghe#, …, Tan Yueling*. "
        '"Layered vanadium oxides with pillared interlayers for durable potassium storage". Nature Materials, 2027.\n'
        "一作是我的师兄，通讯作者是我们老板。"
    )
    extraction = _extract(text, "zh")
    paper = "Layered vanadium oxides with pillared interlayers for durable potassium storage"
    assert paper in _names(extraction, "Publication")
    assert (paper, "Nature Materials") in _facts(extraction, "publishedIn")


def test_funding_where_the_money_came_from() -> None:
    text = (
        "某团队研制新型催化剂\n"
        "这项工作没有企业参与，经费来自国家自然科学基金和中国科学院战略性先导科技专项。"
        "论文第一作者为博士生柏清远。"
    )
    assert {"国家自然科学基金", "中国科学院战略性先导科技专项"} <= _names(_extract(text, "zh"), "Funder")


def test_a_professor_chairing_a_meeting_is_a_researcher() -> None:
    text = "学校召开学术委员会全体会议\n学术委员会主任委员、土木工程学院教授柏承烈主持会议，校长容怀安出席会议。"
    extraction = _extract(text, "zh")
    assert "柏承烈" in _names(extraction, "Researcher")
    assert ("柏承烈", "土木工程学院") in _facts(extraction, "affiliatedWith")


def test_a_rare_census_surname_opens_a_name() -> None:
    text = "学校新设研究院\n该研究院依托交通运输学院建设，首任院长由交通运输学院教授雒书航兼任。"
    assert "雒书航" in _names(_extract(text, "zh"), "Researcher")


def test_a_meeting_report_names_no_team_behind_the_paper_it_mentions() -> None:
    text = (
        "学院召开青年教师学术交流会议\n"
        "会议由材料学院教授闵书航主持。\n"
        "材料学院副教授柏清远以第一作者身份在Nature Materials发表论文“Layered vanadium oxides with pillared "
        "interlayers for durable potassium storage”。\n"
        "会议还审议通过了设立储能研究院的方案。该研究院依托化学学院建设，首任院长由化学学院教授岑若溪兼任。"
    )
    authors = {a for a, _ in _facts(_extract(text, "zh"), "authorOf")}
    assert authors == {"柏清远"}


def test_a_learned_society_funds_through_its_programme() -> None:
    text = (
        "某大学学者揭示湿地甲烷阈值\n"
        "副教授柏清远为论文通讯作者。研究得到江苏省自然科学基金和英国皇家学会合作研究项目资助。"
    )
    funders = _names(_extract(text, "zh"), "Funder")
    assert "江苏省自然科学基金" in funders
    assert funders & {"英国皇家学会", "The Royal Society", "Royal Society"}


def test_a_fellowship_of_the_society_is_no_funding_of_the_paper() -> None:
    text = (
        "某学者的独立课题组\n"
        "2019年柏清远获得英国皇家学会大学研究员资助，建立了自己的独立课题组。"
        "2024年以“Layered vanadium oxides with pillared interlayers for durable potassium storage”为题发表于"
        "Nature Physics。"
    )
    funded = {f for _, f in _facts(_extract(text, "zh"), "fundedBy")}
    assert not funded & {"英国皇家学会", "The Royal Society", "Royal Society"}
