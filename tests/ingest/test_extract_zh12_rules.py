"""Rules found on the zh12 set and the zh11 leftovers, checked on fictional texts (people and units made up;
funders, journals and institutes from the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_rare_and_compound_surnames_of_the_public_lists() -> None:
    text = (
        "青年团队揭示土壤微生物新机制\n"
        "近日，江城大学环境学院研究员禤明远团队在《自然·通讯》发表论文。博士研究生闾丘青禾为第一作者，"
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


def test_a_unit_the_item_calls_its_own_is_not_another_bodys_unit_of_that_name() -> None:
    text = (
        "肾内科：新型透析方案降低感染风险\n"
        "近日，肾内科柏映川主任医师团队的研究在《柳叶刀》发表。我院肾内科主治医师温若溪为第一作者，"
        "江城大学附属医院肾内科龚德明教授为共同通讯作者。"
    )
    extraction = _extract(text, "zh")
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("温若溪", "肾内科") in affiliations
    assert ("龚德明", "江城大学附属医院肾内科") in affiliations
    assert ("温若溪", "江城大学附属医院肾内科") not in affiliations


def test_a_provinces_programme_named_by_its_project_word_funds_the_work() -> None:
    text = (
        "团队揭示肝纤维化新靶点\n"
        "江城大学医学院教授邝远航团队在《自然·通讯》发表论文。研究得到国家自然科学基金和"
        "浙江省医药卫生科技创新引导项目资助。"
    )
    assert "浙江省医药卫生科技创新引导项目" in _names(_extract(text, "zh"), "Funder")


def test_school_and_field_station_names() -> None:
    text = (
        "森林碳汇研究获新进展\n"
        "林学院柏青山副教授依托雁鸣山森林生态系统国家野外科学观测研究站开展研究。"
        "湿地与自然保护地学院柯若水教授参与合作。西岭天文观测基地北湖天文台观测站也提供了数据。"
    )
    extraction = _extract(text, "zh")
    institutions = _names(extraction, "Institution")
    assert {
        "林学院",
        "雁鸣山森林生态系统国家野外科学观测研究站",
        "湿地与自然保护地学院",
        "西岭天文观测基地北湖天文台观测站",
    } <= institutions
    assert {("柏青山", "林学院"), ("柯若水", "湿地与自然保护地学院")} <= _facts(extraction, "affiliatedWith")


_INTERVIEW = (
    "柏云舒：在细胞里找开关\n"
    "导语：江城大学生命科学学院研究员柏云舒团队在《细胞》发表论文。日前，《江南科学报》专访了柏云舒。\n"
    "《江南科学报》：您在国外做博士后的经历有什么影响？\n"
    "柏云舒：回国后，国家自然科学基金和浙江省重点研发计划给了我们稳定支持，这很关键。"
)


def test_a_science_newspaper_is_no_journal() -> None:
    assert "江南科学报" not in _names(_extract(_INTERVIEW, "zh"), "Journal")


def test_where_someone_worked_before_a_cue_is_no_name() -> None:
    assert "国外做" not in _names(_extract(_INTERVIEW, "zh"), "Researcher")


def test_funders_as_the_subject_of_giving_support() -> None:
    assert {"国家自然科学基金", "浙江省重点研发计划"} <= _names(_extract(_INTERVIEW, "zh"), "Funder")


def test_a_transliterated_body_name_before_a_transliterated_person() -> None:
    text = (
        "新化合物抗耐药菌\n化学学院柯静远教授与德国埃姆兰兹感染研究中心卡尔·韦伯瑙（Karl Webernau）教授合作发表论文。"
    )
    extraction = _extract(text, "zh")
    assert "埃姆兰兹感染研究中心" in _names(extraction, "Institution")
    assert ("卡尔·韦伯瑙", "埃姆兰兹感染研究中心") in _facts(extraction, "affiliatedWith")


def test_by_and_contact_open_no_unit_name() -> None:
    text = "候选成果展示\n注：候选成果按学院推荐顺序排列。如有疑问，请联系科技发展研究院成果管理科。"
    institutions = _names(_extract(text, "zh"), "Institution")
    assert not any(name.startswith(("成果按", "联系", "请联系")) for name in institutions)


def test_a_researchers_own_page_gives_posts_and_honours_in_its_fields() -> None:
    text = (
        "柏映山\n"
        "柏映山　教授，博士生导师\n"
        "所在单位：江城大学地球科学学院\n"
        "兼　　职：北岭大学海洋研究院双聘研究员\n"
        "\n"
        "【荣誉奖励】\n"
        "2022　湖北省科学技术奖自然科学奖一等奖（排名第一）\n"
        "2024　中国青年科技奖\n"
        "\n"
        "【研究团队】\n"
        "团队现有博士研究生3人。"
    )
    extraction = _extract(text, "zh")
    assert {("柏映山", "江城大学地球科学学院"), ("柏映山", "北岭大学海洋研究院")} <= _facts(
        extraction, "affiliatedWith"
    )
    received = {(r.object, r.year) for r in extraction.relations if r.predicate == "received"}
    names = {e.id: e.name for e in extraction.entities}
    assert {(names[o], y) for o, y in received} >= {("中国青年科技奖", 2024)}
    assert any(names[o].startswith("湖北省科学技术奖") and y == 2022 for o, y in received)


def test_a_provinces_laboratory_keeps_its_field_before_the_province() -> None:
    text = "新型储能研究获突破\n江城大学教授柏青岚任先进储能材料与器件湖北省实验室首席科学家。"
    assert "先进储能材料与器件湖北省实验室" in _names(_extract(text, "zh"), "Institution")


def test_a_cvs_list_of_grants_held_with_tiers_and_counts() -> None:
    text = "柏青岚\n柏青岚，主要从事湖泊沉积研究。主持国家自然科学基金青年项目1项、国家重点研发计划课题2项。"
    assert {"国家自然科学基金", "国家重点研发计划"} <= _names(_extract(text, "zh"), "Funder")


def test_a_scholarship_in_quotes_is_received() -> None:
    text = "研究生风采\n博士研究生柏安宁2025年获江城大学“博士研究生校长奖学金”。"
    assert ("柏安宁", "博士研究生校长奖学金") in _facts(_extract(text, "zh"), "received")


def test_a_preposition_and_its_object_after_a_cue_is_no_name() -> None:
    text = "关于论文问题的调查结论\n一、督促作者向期刊申请撤回该论文。二、通讯作者向明月教授已作说明。"
    researchers = _names(_extract(text, "zh"), "Researcher")
    assert "向期刊" not in researchers
    assert "向明月" in researchers


def test_a_third_party_laboratory_is_no_institution() -> None:
    text = "关于论文问题的调查结论\n调查组委托第三方实验室对原始数据进行了复核。"
    assert not _names(_extract(text, "zh"), "Institution")


_NOTICE = (
    "关于柏文远论文问题调查处理情况的通报\n"
    "有网友反映我校化学学院副教授柏文远作为通讯作者发表的论文“Porous cages for selective lithium capture”"
    "存在图片问题。\n"
    "经查，该论文第一作者为硕士研究生柯梦然。论文图2与该课题组发表于《膜科学》的论文“多孔笼的合成及其吸附性能”"
    "图1系同一图像。\n"
    "四、该论文标注的国家自然科学基金青年科学基金项目（批准号12345XXX）和浙江省自然科学基金项目的相关情况，"
    "已按程序报告。"
)


def test_the_grants_a_paper_acknowledges_fund_it() -> None:
    assert {"国家自然科学基金", "浙江省自然科学基金"} <= _names(_extract(_NOTICE, "zh"), "Funder")


def test_this_paper_is_the_one_the_item_names_first() -> None:
    extraction = _extract(_NOTICE, "zh")
    assert ("柯梦然", "Porous cages for selective lithium capture") in _facts(extraction, "authorOf")
    assert ("Porous cages for selective lithium capture", "浙江省自然科学基金") in _facts(extraction, "fundedBy")


def test_a_student_placed_after_the_name_and_a_back_reference_to_the_unit() -> None:
    text = (
        "冰川融水贡献研究进展\n第一作者柏星宇为中国科学院地理科学与资源研究所博士研究生，通讯作者柯闻远为该所研究员。"
    )
    affiliations = _facts(_extract(text, "zh"), "affiliatedWith")
    assert {
        ("柏星宇", "中国科学院地理科学与资源研究所"),
        ("柯闻远", "中国科学院地理科学与资源研究所"),
    } <= affiliations


def test_a_monitoring_or_survey_institute_is_an_institution() -> None:
    text = "地面沉降研究\n江北省地质环境监测院高级工程师柯晨阳提供了水准测量数据。"
    assert ("柯晨阳", "江北省地质环境监测院") in _facts(_extract(text, "zh"), "affiliatedWith")


def test_the_honour_a_bare_named_programme_confers() -> None:
    text = "科研进展\n病理科副主任医师柯晴川2026年入选江南省“青松计划”江南青年英才。"
    assert ("柯晴川", "江南青年英才") in _facts(_extract(text, "zh"), "received")


def test_a_missions_diplomat_is_no_researcher() -> None:
    text = "合作备忘录签署\n瑞典驻广州总领事馆科技参赞伊娜·施托尔克（Ina Storck）出席签约仪式。"
    researchers = _names(_extract(text, "zh"), "Researcher")
    assert not any("施托尔克" in name for name in researchers)


def test_a_short_name_given_in_brackets_names_the_unit_later() -> None:
    text = (
        "合作备忘录签署\n"
        "近日，中国科学院北湖地理研究所（以下简称“北湖所”）与外方签署合作备忘录。\n"
        "2025年，柯雪松与北湖所副研究员柏晓蓓合作发表论文。"
    )
    assert ("柏晓蓓", "中国科学院北湖地理研究所") in _facts(_extract(text, "zh"), "affiliatedWith")


def test_the_work_of_the_items_one_researcher_wins_a_prize() -> None:
    text = (
        "年度科研成果候选\n材料学院柏嘉懿教授团队研制出可降解薄膜。该成果获2026年度江南省科学技术奖技术发明奖一等奖。"
    )
    assert ("柏嘉懿", "江南省科学技术奖") in _facts(_extract(text, "zh"), "received")
