"""Rules found on the zh10 round, checked on fictional texts (people, units and universities made up; funders,
journals, programmes and institutes from the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_paper_details_block_run_together_names_title_journal_and_funders() -> None:
    """A 论文信息 block (标题：… 期刊：…, 2026, 17: 88 / DOI：… / 资助：A、B) whose lines the reader ran together:
    the title is the paper, the journal field its journal, the funding field its funders; a unit (°C) closing the
    title is no journal."""
    text = (
        "【成果一】星河大学团队研制新型凝胶\n"
        "化学系岑一帆副教授课题组开发出一种低温凝胶。\n"
        "论文信息：标题：Fictional gels that keep sensing at −20 °C 期刊：Nature Energy, 2025, 10: 112\n"
        "DOI：10.1038/s41467-026-00001-x\n"
        "作者：化学系硕士研究生卓思远为第一作者，岑一帆为通讯作者。\n"
        "资助：国家自然科学基金、江南市科技计划项目"
    )
    extraction = _extract(text, "zh")
    title = "Fictional gels that keep sensing at −20 °C"
    assert _names(extraction, "Publication") == {title}
    assert _names(extraction, "Journal") == {"Nature Energy"}
    assert {"国家自然科学基金", "江南市科技计划项目"} <= _names(extraction, "Funder")
    assert (title, "Nature Energy") in _facts(extraction, "publishedIn")
    assert {("卓思远", title), ("岑一帆", title)} <= _facts(extraction, "authorOf")


def test_known_english_journal_before_an_adverb_and_the_verb() -> None:
    """在New Phytologist共同发表论文: an adverb (共同, 联合) between a known English title and 发表 keeps it a
    journal."""
    text = (
        "星河大学学者合作发表论文\n\n"
        "岑一帆教授与卓思远研究员2025年在New Phytologist共同发表论文“A fictional kinase couples roots to "
        "nitrate”，岑一帆为通讯作者。\n"
    )
    assert "New Phytologist" in _names(_extract(text, "zh"), "Journal")


def _received(text: str) -> set[tuple[str, str]]:
    """The (person, award) pairs a Chinese text says were received."""
    return _facts(_extract(text, "zh"), "received")


def test_talent_programme_a_person_is_selected_for_is_an_award() -> None:
    """入选 + a talent programme (the year and a quoted name between), or 获得者 after it: an honour received."""
    text = (
        "星河大学团队发表新成果\n\n"
        "岑一帆教授团队在Nature Energy发表论文“A fictional cathode that never fades”。"
        "岑一帆为2021年度国家杰出青年科学基金获得者，2023年入选“万人计划”科技创新领军人才。\n"
    )
    received = _received(text)
    assert ("岑一帆", "国家杰出青年科学基金") in received
    assert any(person == "岑一帆" and "万人计划" in award for person, award in received)


def test_talent_programme_in_a_title_over_a_list_of_those_selected() -> None:
    """A title saying people were selected for a province's quoted programme (…“某某计划”入选名单公布): the people
    listed under it received it, and the year before the province is no part of its name."""
    text = (
        "2025年度江南省“星火计划”入选名单公布\n\n"
        "近日，2025年度江南省“星火计划”入选名单公布，我校岑一帆教授、卓思远研究员入选。\n"
    )
    extraction = _extract(text, "zh")
    assert "江南省“星火计划”" in _names(extraction, "Award")
    assert {("岑一帆", "江南省“星火计划”"), ("卓思远", "江南省“星火计划”")} <= _facts(extraction, "received")


def test_personal_talent_grant_is_the_award_and_a_programme_funding_work_stays_a_funder() -> None:
    """2021年获国家自然科学基金优秀青年科学基金项目资助 in a profile: the grant, whole, is the person's award (not
    the fund as a funder); a programme whose project supports a network (获某省“某某计划”攻关项目支持) funds it."""
    text = (
        "星河大学岑一帆获星河青年科学奖\n\n"
        "岑一帆研究员长期从事新型材料研究，2021年获国家自然科学基金优秀青年科学基金项目资助。"
        "监测平台由卓思远教授负责，获江南省“星火行动计划”科技攻关项目支持。\n"
    )
    extraction = _extract(text, "zh")
    # (named without 项目, the written form an alias)
    assert ("岑一帆", "国家自然科学基金优秀青年科学基金") in _facts(extraction, "received")
    assert "国家自然科学基金" not in _names(extraction, "Funder")
    assert not any("星火行动计划" in award for award in _names(extraction, "Award"))


def test_name_after_a_strong_cue_whose_surname_the_list_lacks() -> None:
    """博士研究生 + a name closed by a comma: a researcher even when the surname is missing from the census list;
    the cue followed by a function word (博士研究生为第一作者) names no one."""
    text = (
        "星河大学团队发表新成果\n\n"
        "该研究第一作者为星河大学物理研究所博士研究生乇晓禾，岑一帆研究员为通讯作者。"
        "另一项工作中，博士研究生为第一作者。\n"
    )
    people = _names(_extract(text, "zh"), "Researcher")
    assert "乇晓禾" in people
    assert not any(name.startswith("为") for name in people)


def test_given_name_ending_in_wei_before_its_echo_and_a_chair_title() -> None:
    """某可为为第一作者: the doubled 为 ends the name at the first; 讲席教授 after a name is a researcher's title."""
    text = "星河大学团队发表新成果\n\n材料系卓思远讲席教授团队设计了一种隔膜。材料系博士后岑可为为第一作者。\n"
    people = _names(_extract(text, "zh"), "Researcher")
    assert {"岑可为", "卓思远"} <= people
    assert "岑可" not in people


def test_an_invited_visit_and_a_meeting_attended_are_no_collaboration() -> None:
    """应X教授邀请来院访问: the host and the guest worked on nothing together; A、B、C等单位的代表参加交流合作会: the
    bodies attended one meeting."""
    text = (
        "星河大学生命学院国际交流动态\n\n"
        "岑一帆教授团队在Nature Plants发表研究论文。"
        "德国某某研究所（Fictional Institute for Plant Research）所长卡尔·韦伯纳（Karl Webner）应岑一帆教授邀请"
        "来院访问，作学术报告。\n\n"
        "星河大学、北岭大学、南川大学等单位的代表参加了产学研合作交流会。\n"
    )
    extraction = _extract(text, "zh")
    pairs = {frozenset(pair) for pair in _facts(extraction, "collaboratedWith")}
    assert frozenset({"岑一帆", "卡尔·韦伯纳"}) not in pairs
    assert not any("北岭大学" in pair for pair in pairs)


def test_students_of_an_item_that_speaks_as_the_college_and_a_host_supervisor_abroad() -> None:
    """我院4名博士研究生… then 博士研究生A、B: students of the college the item speaks for (its source line);
    外方导师为X after 赴某大学某系: the supervisor works at that host."""
    text = (
        "我院2名博士研究生赴海外联合培养\n"
        "星河大学生命学院　2026年9月22日\n\n"
        "日前，我院2名博士研究生获资助赴海外联合培养。\n\n"
        "博士研究生岑一帆、卓思远将赴荷兰北岭大学植物科学系学习，外方导师为卡尔·韦伯纳（Karl Webner）教授。\n"
    )
    affiliations = _facts(_extract(text, "zh"), "affiliatedWith")
    assert {("岑一帆", "星河大学生命学院"), ("卓思远", "星河大学生命学院")} <= affiliations
    assert ("卡尔·韦伯纳", "北岭大学植物科学系") in affiliations


def test_our_university_before_a_student_names_the_university_of_the_item() -> None:
    """我校博士研究生X in an alumni story from the university's alumni association: X studies at that university."""
    text = (
        "校友喜讯｜我校校友岑一帆获奖\n"
        "星河大学校友总会　2026年11月2日\n\n"
        "岑一帆研究员与我校卓思远教授团队合作发表论文，我校博士研究生郦若水为第一作者。\n"
    )
    assert ("郦若水", "星河大学") in _facts(_extract(text, "zh"), "affiliatedWith")


def test_a_hospital_centre_kept_whole_and_a_head_of_department_placed_in_it() -> None:
    """某大学附属某医院体检中心: a short clinical centre is the hospital's, named whole; 某科主任、主任医师X: the
    post between the department and the name does not cut the affiliation."""
    text = (
        "【科室动态】呼吸内科团队发表多中心研究\n\n"
        "星河大学附属北岭医院呼吸内科主任、主任医师岑一帆教授团队牵头完成研究。"
        "南川大学附属东湖医院体检中心副主任医师卓思远为论文共同作者。\n"
    )
    extraction = _extract(text, "zh")
    assert "南川大学附属东湖医院体检中心" in _names(extraction, "Institution")
    assert ("南川大学附属东湖医院体检中心", "南川大学附属东湖医院") in _facts(extraction, "partOf")
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("岑一帆", "星河大学附属北岭医院呼吸内科") in affiliations
    assert ("卓思远", "南川大学附属东湖医院体检中心") in affiliations


def test_bare_clinical_departments_of_an_item_about_one_hospital() -> None:
    """An item about one hospital names its departments bare (麻醉手术科, 影像科): each is that hospital's."""
    text = (
        "我院胸外科完成省内首例机器人辅助手术\n\n"
        "近日，星河大学第一附属医院胸外科岑一帆主任医师团队在麻醉手术科、影像科的配合下完成手术。"
        "麻醉手术科主任医师卓思远负责麻醉管理。\n"
    )
    extraction = _extract(text, "zh")
    parts = _facts(extraction, "partOf")
    assert ("星河大学第一附属医院麻醉手术科", "星河大学第一附属医院") in parts
    assert ("星河大学第一附属医院影像科", "星河大学第一附属医院") in parts
    assert ("卓思远", "星河大学第一附属医院麻醉手术科") in _facts(extraction, "affiliatedWith")


def test_a_foreign_national_institute_named_by_its_field_keeps_its_country() -> None:
    """瑞典土壤研究所, 澳大利亚国家水与土壤研究所: without the country a field institute names no one body, and 水与
    inside the name joins two fields (no person 国家水 before 与); 美国某某大学 still drops the country."""
    text = (
        "中外科学家联合发布南极冰架研究成果\n\n"
        "瑞典土壤研究所（SGI）研究员岑一帆和澳大利亚国家水与土壤研究所（NWSI）科学家卡尔·韦伯纳参与了研究。"
        "美国北岭大学教授卓思远也参与了研究。\n"
    )
    institutions = _names(_extract(text, "zh"), "Institution")
    assert {"瑞典土壤研究所", "澳大利亚国家水与土壤研究所", "北岭大学"} <= institutions
    assert not {"土壤研究所", "美国北岭大学"} & institutions


def test_laureate_line_whose_next_field_runs_into_the_post() -> None:
    """获奖者：X，某大学某学院教授 with the next field run into it when read (…教授获奖评语：…): X's unit."""
    text = (
        "物质科学奖：为新材料找到答案\n"
        "获奖者：岑一帆，星河大学物理学院教授获奖评语：表彰他在新材料方面的工作。\n"
        "岑一帆证明了一类新材料的稳定性。\n"
    )
    assert ("岑一帆", "星河大学物理学院") in _facts(_extract(text, "zh"), "affiliatedWith")


def test_a_school_of_big_data_is_a_school() -> None:
    """大数据学院: a field named by generic words (大 + 数据) still names a school."""
    text = "星河大学团队发表新成果\n\n近日，大数据学院岑一帆教授团队发表论文。\n"
    extraction = _extract(text, "zh")
    assert any(name.endswith("大数据学院") for name in _names(extraction, "Institution"))


def test_a_name_then_wei_and_a_unit_with_a_post() -> None:
    """X为某医院某科副主任医师: 为 introduces the person's unit and post as 是 does."""
    text = (
        "星河大学附属北岭医院骨科团队发表新成果\n\n"
        "近日，骨科团队完成研究。论文第一作者岑一帆为星河大学附属北岭医院骨科副主任医师，卓思远为通讯作者。\n"
    )
    assert ("岑一帆", "星河大学附属北岭医院骨科") in _facts(_extract(text, "zh"), "affiliatedWith")


def test_a_numbered_table_of_those_selected_names_who_received_the_title_s_programme() -> None:
    """A title announcing selection over a numbered table: the table's people received it, not a collaborator the
    paragraph below mentions."""
    text = (
        "我校2名青年教师入选青年人才托举工程\n\n"
        "近日，我校2名青年教师入选。\n\n"
        "序号  姓名      所在单位\n"
        "1     岑一帆    星河大学材料科学与工程学院\n"
        "2     卓思远    星河大学物理学院\n\n"
        "其中，岑一帆2025年在Nature Energy发表论文“A fictional cathode”，合作者包括材料学院郦若水教授。\n"
    )
    received = {person for person, _ in _facts(_extract(text, "zh"), "received")}
    assert {"岑一帆", "卓思远"} <= received
    assert "郦若水" not in received


def test_a_word_after_a_strong_cue_is_no_name() -> None:
    """博士后出站, 博士研究生导师、: a dictionary word after the cue is no person, however rare the word."""
    text = "星河大学新闻\n\n他是博士研究生导师、教授。今年共有8名博士后出站。\n"
    assert not _names(_extract(text, "zh"), "Researcher")


def test_time_word_and_conjunction_before_a_partner_open_no_institution() -> None:
    """近年与某大学某学院X研究员合作: the time word and 与 before the partner's name are no part of it."""
    text = (
        "星河大学岑一帆获青年科学奖\n\n"
        "岑一帆研究员长期从事细胞器研究，近年与南岭大学生命科学学院卓思远研究员合作，揭示了一种新的机制。\n"
    )
    extraction = _extract(text, "zh")
    assert "南岭大学生命科学学院" in _names(extraction, "Institution")
    assert not any(name.startswith(("近年", "与")) for name in _names(extraction, "Institution"))
    assert ("卓思远", "南岭大学生命科学学院") in _facts(extraction, "affiliatedWith")


def test_unit_after_a_short_name_bracket_keeps_a_verb_field_joined_by_and() -> None:
    """某研究院（以下简称“某院”）学习与记忆研究所: a field jieba tags as a verb (学习), joined by 与 to the next,
    opens the unit's name."""
    text = (
        "南岭科学院星河先进技术研究院学习与记忆研究所2027年度博士后招聘启事\n\n"
        "南岭科学院星河先进技术研究院（以下简称“星河先进院”）学习与记忆研究所现面向海内外公开招聘博士后。\n\n"
        "1. 神经回路课题组　合作导师：岑一帆研究员\n"
        "   课题组主要研究记忆的神经机制。\n"
    )
    institutions = _names(_extract(text, "zh"), "Institution")
    # (the unit is named on its own, the whole written form its alias, as for any third segment of a chain)
    assert "学习与记忆研究所" in institutions
    assert "记忆研究所" not in institutions


def test_recruitment_notice_supervisors_work_at_the_unit_its_title_names() -> None:
    """A unit's recruitment notice (…招聘启事) lists its group leaders as supervisors (合作导师：X研究员)."""
    text = (
        "南岭大学星河研究院2027年度博士后招聘启事\n\n"
        "南岭大学星河研究院现面向海内外公开招聘博士后。\n\n"
        "1. 神经回路课题组　合作导师：岑一帆研究员\n"
        "   课题组主要研究记忆的神经机制。\n"
    )
    assert ("岑一帆", "南岭大学星河研究院") in _facts(_extract(text, "zh"), "affiliatedWith")


def test_company_with_a_researcher_written_after_it_is_an_institution() -> None:
    """某某集团有限公司高级工程师X: the firm employs the researcher, so it is their institution."""
    text = (
        "星河大学与企业共建联合中心\n\n"
        "团队博士研究生卓思远在Nature Energy发表论文“A fictional insulation ageing model”，岑一帆为通讯作者，"
        "江南动力集团有限公司高级工程师柴明远为合作者。\n"
    )
    extraction = _extract(text, "zh")
    assert "江南动力集团有限公司" in _names(extraction, "Institution")
    assert ("柴明远", "江南动力集团有限公司") in _facts(extraction, "affiliatedWith")


def test_known_foreign_college_is_not_a_school_of_the_home_university() -> None:
    """An alumni story that says 我校: a college abroad the gazetteer knows (麻省理工学院) is a body of its own, its
    department its unit, not the home university's school."""
    text = (
        "校友风采｜星河大学校友岑一帆回母校任教\n"
        "星河大学校友会　2026年10月28日\n\n"
        "近日，我校化学学院校友岑一帆教授全职加盟星河大学。岑一帆此前任麻省理工学院"
        "（Massachusetts Institute of Technology）化学系教授。\n"
    )
    institutions = _names(_extract(text, "zh"), "Institution")
    assert not any(name.startswith("星河大学麻省") for name in institutions)


def test_alumnus_named_after_class_year_and_unit_of_post_taken_at_university() -> None:
    """1998级校友X教授 is a researcher; 加盟某大学，任高等研究院讲席教授: the post is at that university's unit,
    even one whose name alone is generic."""
    text = "校友风采｜岑一帆全职回母校任教\n\n近日，1998级校友岑一帆教授正式全职加盟北岭大学，任高等研究院讲席教授。\n"
    extraction = _extract(text, "zh")
    assert "岑一帆" in _names(extraction, "Researcher")
    assert "北岭大学高等研究院" in _names(extraction, "Institution")
    assert ("岑一帆", "北岭大学高等研究院") in _facts(extraction, "affiliatedWith")


def test_hyphenated_transliterated_award_name_is_whole() -> None:
    """某某-某某奖 (two transliterated surnames joined by a hyphen) is one award name, not its tail."""
    text = "星河大学岑一帆获奖\n\n2019年，岑一帆教授获某化学学会颁发的卡特-莫里斯奖。\n"
    extraction = _extract(text, "zh")
    assert "卡特-莫里斯奖" in _names(extraction, "Award")
    assert ("岑一帆", "卡特-莫里斯奖") in _facts(extraction, "received")


def test_the_two_of_a_sentence_as_co_corresponding_authors() -> None:
    """A与同事B合作发表论文，两人为共同通讯作者: both wrote it."""
    text = (
        "星河大学学者合作发表论文\n\n"
        "岑一帆教授与南岭理工大学同事柴明远教授合作，在Nature Energy发表论文“A fictional perovskite film”，"
        "两人为共同通讯作者。\n"
    )
    title = "A fictional perovskite film"
    assert {("岑一帆", title), ("柴明远", title)} <= _facts(_extract(text, "zh"), "authorOf")


def test_work_done_before_a_move_makes_no_collaboration_of_the_new_university() -> None:
    """回国前，A与某大学同事B合作: done before A joined the university named earlier, which was no party to it."""
    text = (
        "校友风采｜岑一帆回母校任教\n\n"
        "近日，校友岑一帆教授正式全职加盟北岭大学。\n"
        "回国前，岑一帆与南岭理工大学同事柴明远教授合作，研制出一种新型薄膜。\n"
    )
    collaborated = _facts(_extract(text, "zh"), "collaboratedWith")
    assert ("柴明远", "岑一帆") in collaborated or ("岑一帆", "柴明远") in collaborated
    assert not any("北岭大学" in pair for pair in collaborated)


def test_talent_programme_with_a_tier_between_the_holder_word_and_plan() -> None:
    """入选某某学者攀登计划: a tier word between 学者 and 计划 is part of the programme's name."""
    text = "北岭省科学院年度报告\n\n岑一帆研究员团队研制出新型激光器。岑一帆于2025年入选南山学者攀登计划。\n"
    assert ("岑一帆", "南山学者攀登计划") in _received(text)


def test_category_written_into_a_known_prize_name_is_what_was_received() -> None:
    """The gazetteer lists a prize's category (某某团队奖) as another name of the prize: the category a person
    received is named as written, part of the prize, not folded into the prize."""
    text = (
        "星河大学岑一帆团队获奖\n\n"
        "2026年度中国青年女科学家奖颁奖典礼在北京举行，星河大学岑一帆教授团队获中国青年女科学家团队奖。\n"
    )
    extraction = _extract(text, "zh")
    assert ("岑一帆", "中国青年女科学家团队奖") in _facts(extraction, "received")
    assert ("中国青年女科学家团队奖", "中国青年女科学家奖") in _facts(extraction, "partOf")
