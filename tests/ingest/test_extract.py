"""Extraction of each entity type and relation, on fictional news written for these tests (unseen-style text)."""

from __future__ import annotations

import pytest

from ingest.extract import extract_item
from kg.ids import item_id
from kg.model import Extraction, NewsItem

ZH_RESEARCH = (
    "星河大学发现新型量子材料\n"
    "星河大学材料科学与工程学院张明远教授团队在《自然》（Nature）杂志发表题为“Quantum widgets in layered "
    "crystals”的论文。张明远教授为论文通讯作者，博士研究生刘思齐为第一作者。该研究得到国家自然科学基金的资助。"
)
ZH_LIST = "揭示深海微生物固碳机制\n云岭大学高山、林晓梅和沧澜海洋研究所欧阳志诚等发布了深海微生物固碳的研究成果。"
ZH_AWARD = "云海大学两位学者获奖\n云海大学陈立新教授和周文博研究员荣获 2025 年度“星光科学奖”。"
ZH_POLICY = (
    "关于推进教育数字化的通知\n"
    "教育部部长王建国在会上表示，要加快推进教育数字化。市委书记李红出席会议。会议由办公厅主任孙海主持。"
    "（记者 赵小勇）"
)
EN_RESEARCH = (
    "Fast batteries from sea salt\n"
    'A team led by Professor Maria Olsen of the University of Eastfield published the paper titled "Sodium '
    'lattices for fast charging" in Nature Communications. The work was funded by the Eastfield Science Foundation.'
)


def _extract(text: str, lang: str = "zh", parent_title: str | None = None) -> Extraction:
    title = text.split("\n", 1)[0]
    item = NewsItem(id=item_id(title, text), title=title, text=text, lang=lang, parent_title=parent_title)  # type: ignore[arg-type]
    return extract_item(item)


def _names(extraction: Extraction, etype: str) -> set[str]:
    return {e.name for e in extraction.entities if e.type == etype}


def _facts(extraction: Extraction, predicate: str) -> set[tuple[str, str, str | None]]:
    names = {e.id: e.name for e in extraction.entities}
    return {
        (names[r.subject], names[r.object], r.role or (str(r.year) if r.year else None))
        for r in extraction.relations
        if r.predicate == predicate
    }


@pytest.mark.parametrize(
    ("text", "etype", "expected"),
    [
        (ZH_RESEARCH, "Researcher", {"张明远", "刘思齐"}),
        (ZH_RESEARCH, "Institution", {"星河大学", "星河大学材料科学与工程学院"}),
        (ZH_RESEARCH, "Journal", {"Nature"}),
        (ZH_RESEARCH, "Publication", {"Quantum widgets in layered crystals"}),
        (ZH_RESEARCH, "Funder", {"国家自然科学基金"}),
        (ZH_LIST, "Researcher", {"高山", "林晓梅", "欧阳志诚"}),
        (ZH_LIST, "Institution", {"云岭大学", "沧澜海洋研究所"}),
        (ZH_AWARD, "Award", {"星光科学奖"}),
        (ZH_AWARD, "Researcher", {"陈立新", "周文博"}),
    ],
)
def test_extract_zh_entity_types(text: str, etype: str, expected: set[str]) -> None:
    assert _names(_extract(text), etype) == expected


def test_extract_en_entity_types() -> None:
    extraction = _extract(EN_RESEARCH, lang="en")
    assert _names(extraction, "Researcher") == {"Maria Olsen"}
    assert "University of Eastfield" in _names(extraction, "Institution")
    assert _names(extraction, "Journal") == {"Nature Communications"}
    assert _names(extraction, "Publication") == {"Sodium lattices for fast charging"}
    assert _names(extraction, "Funder") == {"Eastfield Science Foundation"}
    assert ("Maria Olsen", "University of Eastfield", None) in _facts(extraction, "affiliatedWith")


@pytest.mark.parametrize(
    ("predicate", "expected"),
    [
        ("affiliatedWith", {("张明远", "星河大学材料科学与工程学院", None)}),
        (
            "authorOf",
            {
                ("张明远", "Quantum widgets in layered crystals", "corresponding"),
                ("刘思齐", "Quantum widgets in layered crystals", "first"),
            },
        ),
        ("publishedIn", {("Quantum widgets in layered crystals", "Nature", None)}),
        ("fundedBy", {("Quantum widgets in layered crystals", "国家自然科学基金", None)}),
        ("partOf", {("星河大学材料科学与工程学院", "星河大学", None)}),
    ],
)
def test_extract_zh_relations(predicate: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert _facts(_extract(ZH_RESEARCH), predicate) == expected


def test_extract_list_affiliations_and_collaboration() -> None:
    extraction = _extract(ZH_LIST)
    assert _facts(extraction, "affiliatedWith") == {
        ("高山", "云岭大学", None),
        ("林晓梅", "云岭大学", None),
        ("欧阳志诚", "沧澜海洋研究所", None),
    }
    pairs = {frozenset(f[:2]) for f in _facts(extraction, "collaboratedWith")}
    assert pairs == {frozenset(p) for p in [("高山", "林晓梅"), ("高山", "欧阳志诚"), ("林晓梅", "欧阳志诚")]}


def test_extract_award_received_with_year_and_no_collaboration() -> None:
    extraction = _extract(ZH_AWARD)
    assert _facts(extraction, "received") == {("陈立新", "星光科学奖", "2025"), ("周文博", "星光科学奖", "2025")}
    assert _facts(extraction, "collaboratedWith") == set()


def test_extract_award_inherited_from_parent_article() -> None:
    text = "揭示深海微生物固碳机制\n云岭大学高山、林晓梅等发布了深海微生物固碳的研究成果。"
    extraction = _extract(text, parent_title="2024 年度中国海洋科学十大进展发布")
    assert _facts(extraction, "received") == {
        ("高山", "中国海洋科学十大进展", "2024"),
        ("林晓梅", "中国海洋科学十大进展", "2024"),
    }


def test_extract_award_inherited_by_an_entry_that_names_the_list_itself() -> None:
    text = (
        "解析冠状病毒利用人类受体的结构基础\n中国科学院微生物研究所卢清川、北岭大学殷若川等测定了刺突蛋白的结构。"
        "这是卢清川团队继 2021 年后再次入选“中国海洋科学十大进展”。"
    )
    extraction = _extract(text, parent_title="2024 年度中国海洋科学十大进展发布")
    assert _facts(extraction, "received") == {
        ("卢清川", "中国海洋科学十大进展", "2024"),
        ("殷若川", "中国海洋科学十大进展", "2024"),
    }


def test_extract_researchers_co_listed_on_a_model_they_built_collaborated() -> None:
    extraction = _extract(
        "构建胚胎体外发育模型\n中国科学院动物研究所聂书川、北岭理工大学龚溯川和中国科学院昆明动物研究所闵若川等，"
        "建立了可支持胚胎持续发育的三维体外培养体系。"
    )
    pairs = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert pairs == {frozenset(p) for p in [("聂书川", "龚溯川"), ("聂书川", "闵若川"), ("龚溯川", "闵若川")]}


def test_extract_policy_item_names_no_researcher() -> None:
    extraction = _extract(ZH_POLICY)
    assert _names(extraction, "Researcher") == set()


def test_extract_government_body_is_no_funder_without_funding_words() -> None:
    extraction = _extract("教育部发布通知\n教育部印发通知，要求各地推进实验室安全检查。")
    assert _names(extraction, "Funder") == set()


@pytest.mark.parametrize("text", [ZH_RESEARCH, ZH_LIST, ZH_AWARD, EN_RESEARCH])
def test_extract_mentions_and_evidence_point_at_the_text(text: str) -> None:
    extraction = _extract(text, lang="en" if text is EN_RESEARCH else "zh")
    assert extraction.entities
    for entity in extraction.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    for relation in extraction.relations:
        evidence = relation.evidence
        assert evidence.item_id == extraction.item.id
        assert text[evidence.start : evidence.end].strip() in evidence.sentence


def test_extract_letter_spaced_pdf_text_maps_back_to_the_original() -> None:
    text = (
        "新进展\n星河大学材料基因组研究院王 海 峰课题 组以“Spaced titles survive”为 题发表在《Acta Materialia》期刊。"
    )
    extraction = _extract(text)
    assert _names(extraction, "Researcher") == {"王海峰"}
    assert _names(extraction, "Publication") == {"Spaced titles survive"}
    person = next(e for e in extraction.entities if e.type == "Researcher")
    assert [m.text for m in person.mentions] == ["王 海 峰"]
    for entity in extraction.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


EN_UNITS = (
    "Coastal engineers build a tide sensor\n"
    "A team led by Professor Tomas Varga of the Department of Ocean and Coastal Engineering at Northfield Polytechnic "
    "has built a tide sensor. The work was supported by the Northfield Research Council and the Coastal Science "
    "Foundation. Astronomers at the Bayside Institute of Technology, led by Dr. Ines Moreau, report in Nature "
    "Astronomy a new comet. Professor Tomas Varga has received the 2024 Harbour Medal for the sensor."
)


@pytest.mark.parametrize(
    ("predicate", "expected"),
    [
        (
            "partOf",
            {("Department of Ocean and Coastal Engineering, Northfield Polytechnic", "Northfield Polytechnic", None)},
        ),
        (
            "affiliatedWith",
            {
                ("Tomas Varga", "Department of Ocean and Coastal Engineering, Northfield Polytechnic", None),
                ("Ines Moreau", "Bayside Institute of Technology", None),
            },
        ),
        ("received", {("Tomas Varga", "Harbour Medal", "2024")}),
    ],
)
def test_extract_en_relations(predicate: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert _facts(_extract(EN_UNITS, lang="en"), predicate) == expected


def test_extract_en_funder_list_and_journal() -> None:
    extraction = _extract(EN_UNITS, lang="en")
    assert _names(extraction, "Funder") == {"Northfield Research Council", "Coastal Science Foundation"}
    assert _names(extraction, "Journal") == {"Nature Astronomy"}


ZH_MEETING = (
    "锦城大学举行科技工作会议\n4月8日，锦城大学科技工作会议召开。校党委书记马建华、校长吴启明出席会议并讲话。"
    "副校长郑晓东主持会议。"
)
ZH_MIXED = (
    "多家单位合作取得进展\n记者从锦城大学获悉，该校物理学院的龚晓辉副教授与何晴博士在量子计算方向取得新进展。"
    "锦城大学附属第二医院主任医师陶思远团队联合锦城市第一人民医院完成了临床研究。"
    "中国工程院院士、锦城大学教授欧阳明远荣获 2024 年度“青峰科技奖”。"
)


@pytest.mark.parametrize(
    ("text", "etype", "expected"),
    [
        (ZH_MEETING, "Researcher", set()),
        (ZH_MIXED, "Researcher", {"龚晓辉", "何晴", "陶思远", "欧阳明远"}),
        (
            ZH_MIXED,
            "Institution",
            {"锦城大学", "锦城大学物理学院", "锦城大学附属第二医院", "锦城市第一人民医院", "中国工程院"},
        ),
    ],
)
def test_extract_zh_cues_and_units(text: str, etype: str, expected: set[str]) -> None:
    assert _names(_extract(text), etype) == expected


def test_extract_academician_title_is_no_affiliation() -> None:
    extraction = _extract(ZH_MIXED)
    assert ("欧阳明远", "锦城大学", None) in _facts(extraction, "affiliatedWith")
    assert ("欧阳明远", "中国工程院", None) not in _facts(extraction, "affiliatedWith")
    assert ("欧阳明远", "青峰科技奖", "2024") in _facts(extraction, "received")
    assert ("龚晓辉", "锦城大学物理学院", None) in _facts(extraction, "affiliatedWith")


def test_extract_doi_and_orcid_attach_to_paper_and_person() -> None:
    text = (
        "新进展\n星河大学张明远教授（ORCID: 0000-0002-1825-0097）团队在《自然》发表题为“Quantum widgets in layered "
        "crystals”的论文（DOI: 10.1038/s41586-025-01234-5）。"
    )
    extraction = _extract(text)
    by_name = {e.name: e for e in extraction.entities}
    assert by_name["张明远"].identifiers == {"orcid": "0000-0002-1825-0097"}
    assert by_name["Quantum widgets in layered crystals"].identifiers == {"doi": "10.1038/s41586-025-01234-5"}


def test_extract_orcid_with_bad_check_digit_is_ignored() -> None:
    extraction = _extract("新进展\n星河大学张明远教授（ORCID: 0000-0002-1825-0098）团队发表论文。")
    assert all(not e.identifiers for e in extraction.entities if e.type == "Researcher")


ZH_STUDENTS = (
    "青岭大学学生团队获奖\n在第十九届全国大学生课外学术科技作品竞赛中，青岭大学电子信息学院硕士生林一凡和博士生苏哲组成的"
    "团队获得特等奖。南岭大学生命科学学院赵国栋教授课题组参与了指导。"
)
EN_AUTHORS = (
    'New enzyme breaks down plastic\nThe study, titled "A thermostable PETase for rapid depolymerisation", was '
    "published in Science. Lead author Dr. Sara Whitfield said the enzyme works at 70 degrees. The research was "
    "funded by the Wellcome Trust and UK Research and Innovation."
)


def test_extract_names_after_titles_and_students_are_no_university() -> None:
    extraction = _extract(ZH_STUDENTS)
    assert _names(extraction, "Researcher") == {"林一凡", "苏哲", "赵国栋"}
    assert _names(extraction, "Institution") == {
        "青岭大学",
        "青岭大学电子信息学院",
        "南岭大学",
        "南岭大学生命科学学院",
    }


def test_extract_en_lead_author_and_two_funders() -> None:
    extraction = _extract(EN_AUTHORS, lang="en")
    assert _facts(extraction, "authorOf") == {
        ("Sara Whitfield", "A thermostable PETase for rapid depolymerisation", "first")
    }
    assert _names(extraction, "Funder") == {"Wellcome Trust", "UK Research and Innovation"}


ZH_MORE = (
    "多项成果发布\n清华大学方明、戴秋海提出了新的计算架构。上海师范大学建工学院教师何远在期刊发表论文。"
    "复旦大学计算机科学技术学院的洪庚老师作了报告。同济大学医学院熊安平副教授和王雷副主任医师参与研究。"
    "浙江大学医学院附属第二医院吴华新教授团队也参与了研究。美国数学家丹尼斯·盖茨（Dennis Gates）获奖。"
)


def test_extract_zh_titles_lists_and_hospitals() -> None:
    extraction = _extract(ZH_MORE)
    assert _names(extraction, "Researcher") == {
        "方明",
        "戴秋海",
        "何远",
        "洪庚",
        "熊安平",
        "王雷",
        "吴华新",
        "丹尼斯·盖茨",
    }
    assert "浙江大学医学院附属第二医院" in _names(extraction, "Institution")
    assert ("吴华新", "浙江大学医学院附属第二医院", None) in _facts(extraction, "affiliatedWith")


def test_resolve_abbreviated_units_join_their_full_name() -> None:
    text = "新进展\n星海大学智能科技学院、材料与化学学院联合培养的硕士生王一鸣发表论文。智能学院和材化学院携手合作。"
    extraction = _extract(text)
    units = {e.name: set(e.aliases) for e in extraction.entities if e.type == "Institution"}
    assert units["星海大学智能科技学院"] >= {"智能学院"}
    assert units["星海大学材料与化学学院"] >= {"材料与化学学院", "材化学院"}
    assert "智能学院" not in units and "材化学院" not in units


ZH_AUTHORS = (
    "RNA 编辑新工具\n"
    "锦城大学生命科学学院、锦城市调控生物学重点实验室韩立新研究员团队开发了新工具。该研究成果以“Engineering a "
    "light switch for RNA editing”为题于国际顶级期刊 Nature Biotechnology 上发表。锦城大学生命科学学院副研究员"
    "唐慧敏，博士研究生邱子航，硕士研究生宋文博、权心远为论文共同第一作者，韩立新研究员为通讯作者。"
    "同济大学医学院、附属东方医院、附属上海市肺科医院周立存教授参与了研究。"
    "另一项成果发表在计算力学顶刊《Computer Methods in Applied Mechanics and Engineering》上。"
)


def test_extract_first_authors_listed_across_commas() -> None:
    extraction = _extract(ZH_AUTHORS)
    first = {f[0] for f in _facts(extraction, "authorOf") if f[2] == "first"}
    assert first == {"唐慧敏", "邱子航", "宋文博", "权心远"}
    assert ("韩立新", "Engineering a light switch for RNA editing", "corresponding") in _facts(extraction, "authorOf")


def test_extract_journals_after_chinese_publishing_cues() -> None:
    extraction = _extract(ZH_AUTHORS)
    assert _names(extraction, "Journal") == {
        "Nature Biotechnology",
        "Computer Methods in Applied Mechanics and Engineering",
    }


def test_extract_affiliated_hospital_with_a_place_name_joins_the_list() -> None:
    affiliations = {f[1] for f in _facts(_extract(ZH_AUTHORS), "affiliatedWith") if f[0] == "周立存"}
    assert affiliations == {"同济大学医学院", "同济大学附属东方医院", "同济大学附属上海市肺科医院"}


ZH_PROGRAMMES = (
    "锦城高校团队承接决策咨询课题\n锦城市发展研究中心公布了 2025 年度锦城市决策咨询研究重点课题"
    "和青年专项课题的评审结果，高校团队承接了 9 项重点课题与 3 项青年专项课题，"
    "每项资助人民币 5 万元。锦城大学成立“智能制造”概念验证中心。"
)


def test_extract_programmes_taken_on_are_funders_when_funding_is_mentioned() -> None:
    extraction = _extract(ZH_PROGRAMMES)
    funders = {e.name: set(e.aliases) for e in extraction.entities if e.type == "Funder"}
    assert funders == {"锦城市决策咨询研究重点课题": {"重点课题"}, "青年专项课题": set()}
    assert _names(_extract(ZH_PROGRAMMES.replace("每项资助人民币 5 万元。", "")), "Funder") == set()


def test_extract_unit_founded_by_a_university_is_part_of_it() -> None:
    facts = _facts(_extract(ZH_PROGRAMMES), "partOf")
    assert ("锦城大学“智能制造”概念验证中心", "锦城大学", None) in facts


EN_COAUTHORS = (
    "Tiny robots clear blocked arteries\nEngineers at Eastlake University built magnetic microrobots. The findings "
    "were published in the journal Science Robotics. Co-authors include Liam Carter of Eastlake Medical Center and "
    "Nora Quist of Harbour University. The study was funded by the National Institutes of Health (grant R01HL123456) "
    "and the American Heart Association. Governor Mark Ellis toured the Pinecrest National Laboratory on Friday."
)


def test_extract_en_coauthor_list_with_affiliations() -> None:
    extraction = _extract(EN_COAUTHORS, lang="en")
    assert _names(extraction, "Researcher") == {"Liam Carter", "Nora Quist"}
    assert _facts(extraction, "affiliatedWith") == {
        ("Liam Carter", "Eastlake Medical Center", None),
        ("Nora Quist", "Harbour University", None),
    }


def test_extract_en_institution_named_only_as_funder_is_a_funder() -> None:
    extraction = _extract(EN_COAUTHORS, lang="en")
    assert _names(extraction, "Funder") == {"National Institutes of Health", "American Heart Association"}
    assert "Pinecrest National Laboratory" in _names(extraction, "Institution")
    assert "National Institutes of Health" not in _names(extraction, "Institution")


def test_extract_and_between_a_name_and_an_institution_splits_them() -> None:
    text = "获奖\n北江医科大学教授周启航和东湖理工大学生命科学学院教授唐静文共同获得“青禾科学奖”。"
    extraction = _extract(text)
    assert _names(extraction, "Institution") == {"北江医科大学", "东湖理工大学", "东湖理工大学生命科学学院"}
    assert _names(extraction, "Researcher") == {"周启航", "唐静文"}
    assert _facts(extraction, "collaboratedWith") == set()  # sharing a prize is not collaboration


def test_extract_en_funding_list_ends_at_the_clause() -> None:
    text = (
        "Centre opens\nThe centre is funded by the Northland Science Council and will collaborate with the Institute "
        "of Physics, Eastern Academy of Sciences."
    )
    assert _names(_extract(text, lang="en"), "Funder") == {"Northland Science Council"}


ZH_DEANS = (
    "学校召开科研工作推进会\n副校长孙立军出席会议并讲话，科研处处长赵海涛主持会议。会上，材料学院院长钱伟东教授、"
    "化学学院刘晓敏教授分别作交流发言。中国科学院院长侯建华出席。实验室由中国工程院院士王国平担任主任。"
)


def test_extract_deans_with_a_research_title_are_researchers_officials_are_not() -> None:
    extraction = _extract(ZH_DEANS)
    assert _names(extraction, "Researcher") == {"钱伟东", "刘晓敏", "王国平"}
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("钱伟东", "材料学院", None) in affiliations
    assert not any(f[0] == "王国平" for f in affiliations)  # an academician is not affiliated with the academy
    assert _facts(extraction, "collaboratedWith") == set()  # speaking at one meeting is no joint work


def test_extract_prize_sentence_does_not_pair_but_joint_work_does() -> None:
    text = (
        "新进展\n星河大学张明远教授与刘思齐研究员合作完成了量子材料研究。"
        "星河大学陈立新教授和周文博教授因在凝聚态物理研究中的贡献共同获得“星光科学奖”。"
    )
    pairs = {frozenset(f[:2]) for f in _facts(_extract(text), "collaboratedWith")}
    assert pairs == {frozenset({"张明远", "刘思齐"})}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "表\n序号 课题名称 承接单位\n1 城市更新路径研究锦城理工大学\n2 数据基础设施建设研究北辰师范大学",
            {"锦城理工大学", "北辰师范大学"},
        ),
        ("新进展\n第一作者为南江医科大学附属瑞和医院苏晓岚副研究员。", {"南江医科大学", "南江医科大学附属瑞和医院"}),
        ("新进展\n北江医科大学教授周启航和东湖理工大学教授唐静文合作。", {"北江医科大学", "东湖理工大学"}),
    ],
)
def test_extract_institution_left_edges(text: str, expected: set[str]) -> None:
    assert _names(_extract(text), "Institution") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "新成果\n锦城大学化学学院发表题为“Cage molecules trap methane”的论文。"
            "通讯作者：锦城大学化学学院许明哲教授；第一作者：博士生陆一鸣。",
            "zh",
            {("许明哲", "corresponding"), ("陆一鸣", "first")},
        ),
        (
            'Ice study\nThe paper "Ancient ice reveals early climate shifts" appeared in Nature Geoscience. '
            "Corresponding author Professor Hannah Lee of Northgate University led the work with Dr. Omar Haddad.",
            "en",
            # (the one she led it with is of the team that reports the paper: an author, role unstated)
            {("Hannah Lee", "corresponding"), ("Omar Haddad", None)},
        ),
    ],
)
def test_extract_author_roles_after_a_colon_and_in_english(
    text: str, lang: str, expected: set[tuple[str, str]]
) -> None:
    assert {(f[0], f[2]) for f in _facts(_extract(text, lang=lang), "authorOf")} == expected


EN_PRESS = (
    "Lakeside chemists design a sturdier electrode\n"
    "Researchers at Lakeside University report in Nature Energy an electrode that lasts. The work was led by "
    "Professor Rosa Quintero of Lakeside's Department of Chemistry, with graduate student Omar Haddad and Dr. Lena "
    "Vogt of the School of Physics, Eastfield University. It was supported by the U.S. Department of Energy and the "
    'National Science Foundation. "A big step," said Quintero. In 2021, Quintero received the Presidential Early '
    "Career Award for Scientists and Engineers."
)


def test_extract_en_units_are_named_with_their_institution() -> None:
    # every university has a Department of Chemistry: named alone, all of them would be one entity
    extraction = _extract(EN_PRESS, lang="en")
    units = {e.name: e for e in extraction.entities if e.type == "Institution" and "," in e.name}
    assert set(units) == {"Department of Chemistry, Lakeside University", "School of Physics, Eastfield University"}
    assert "Department of Chemistry" in units["Department of Chemistry, Lakeside University"].aliases
    assert ("Rosa Quintero", "Department of Chemistry, Lakeside University", None) in _facts(
        extraction, "affiliatedWith"
    )
    assert ("Department of Chemistry, Lakeside University", "Lakeside University", None) in _facts(extraction, "partOf")


def test_extract_en_job_words_before_names_and_abbreviated_funders() -> None:
    extraction = _extract(EN_PRESS, lang="en")
    assert {"Rosa Quintero", "Omar Haddad", "Lena Vogt"} <= _names(extraction, "Researcher")
    assert {"U.S. Department of Energy", "National Science Foundation"} <= _names(extraction, "Funder")
    assert not any("Department of Energy" in n for n in _names(extraction, "Institution"))
    # "The work was led by A, with B and C": joint work
    assert {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")} == {
        frozenset(p)
        for p in (("Rosa Quintero", "Omar Haddad"), ("Rosa Quintero", "Lena Vogt"), ("Omar Haddad", "Lena Vogt"))
    }


def test_extract_en_surname_mentions_and_gazetteer_award_names() -> None:
    extraction = _extract(EN_PRESS, lang="en")
    quintero = next(e for e in extraction.entities if e.name == "Rosa Quintero")
    assert [m.text for m in quintero.mentions].count("Quintero") == 2  # "said Quintero", "Quintero received"
    (award,) = [e for e in extraction.entities if e.type == "Award"]
    assert award.labels.get("en") == "Presidential Early Career Award for Scientists and Engineers"
    # the form written in the item stays an alias, so a reader (and a scorer) finds it under the English name
    assert "Presidential Early Career Award for Scientists and Engineers" in award.aliases
    assert {(s, y) for s, _, y in _facts(extraction, "received")} == {("Rosa Quintero", "2021")}


def test_extract_zh_award_year_is_the_one_written_before_it() -> None:
    text = "王立群教授曾于2019年获得省自然科学基金资助，2022年荣获青山生命科学奖。"
    extraction = _extract(text, lang="zh")
    assert _names(extraction, "Researcher") == {"王立群"}  # 曾于 (once, in) is no name
    assert _facts(extraction, "received") == {("王立群", "青山生命科学奖", "2022")}


def test_extract_zh_departments_and_no_title_year_for_earlier_prizes() -> None:
    text = (
        "我校两位学者当选2025年某某学会会士\n"
        "我校化学与材料学院周启明教授、物理学系贺云舟教授当选会士。周启明教授曾获青山化学贡献奖，"
        "贺云舟教授2018年获得远山杰出青年学者奖。"
    )
    extraction = _extract(text, lang="zh")
    assert ("贺云舟", "物理学系", None) in _facts(extraction, "affiliatedWith")
    assert ("贺云舟", "化学与材料学院", None) not in _facts(extraction, "affiliatedWith")
    # the title dates the election, not the prizes won before it
    assert _facts(extraction, "received") == {
        ("周启明", "青山化学贡献奖", None),
        ("贺云舟", "远山杰出青年学者奖", "2018"),
    }


EN_PRIZE = (
    "Three researchers win the 2025 Harbour Prize in Life Sciences\n\n"
    "The Harbour Prize Foundation announced that Dr. Ana Kovac of Northfield Polytechnic, Professor Ravi Menon of "
    "the University of Eastmoor and Dr. Lise Berg from the Bayside Institute of Technology will share the 2025 "
    "Harbour Prize in Life Sciences.\n\n"
    'Kovac and Menon co-authored a landmark paper in Science in 2019. Their study, "Folding paths of membrane '
    'proteins", was funded by the Coastal Science Foundation.'
)


def test_extract_en_prize_announcement() -> None:
    extraction = _extract(EN_PRIZE, lang="en")
    assert _names(extraction, "Award") == {"Harbour Prize in Life Sciences"}  # not the Foundation behind it
    assert "University of Eastmoor" in _names(extraction, "Institution")  # not "University of Eastmoor and Dr"
    assert {s for s, _, _ in _facts(extraction, "received")} == {"Ana Kovac", "Ravi Menon", "Lise Berg"}
    assert _facts(extraction, "publishedIn") == {("Folding paths of membrane proteins", "Science", None)}
    assert {s for s, _, _ in _facts(extraction, "authorOf")} == {"Ana Kovac", "Ravi Menon"}
    assert _facts(extraction, "fundedBy") == {
        ("Folding paths of membrane proteins", "Coastal Science Foundation", None)
    }


def test_extract_en_two_institutions_joined_by_and_and_long_appositions() -> None:
    text = (
        "Gut microbes and sleep\n"
        "Scientists at the University of Eastmoor and Harbourview University report the findings in Cell Metabolism. "
        '"We were surprised," said first author Dr. Mina Park, a postdoctoral researcher at Harbourview University. '
        "Professor Ode Lund of the Department of Materials Science and Engineering, University of Eastmoor, agreed."
    )
    extraction = _extract(text, lang="en")
    institutions = _names(extraction, "Institution")
    assert {"University of Eastmoor", "Harbourview University"} <= institutions
    assert not any(" and Harbourview" in n for n in institutions)
    assert "Department of Materials Science and Engineering, University of Eastmoor" in institutions
    assert ("Mina Park", "Harbourview University", None) in _facts(extraction, "affiliatedWith")


def test_extract_en_coauthor_lists_institution_heads_and_long_appositions() -> None:
    text = (
        "Warm water slows coral settlement\n"
        "Marine biologists from Northfield University and the Bayside Oceanographic Institution report the result. "
        'Their paper, "Thermal limits of coral settlement", appears in Nature Climate Change. "Reefs may not '
        'recover," said senior author Ivo Brandt, a professor of marine sciences at Northfield University. '
        "Co-authors include Aiko Mori of the University of Eastmoor and Jon Vidal of the Bayside Oceanographic "
        "Institution."
    )
    extraction = _extract(text, lang="en")
    assert {"Bayside Oceanographic Institution", "University of Eastmoor"} <= _names(extraction, "Institution")
    assert not any("Vidal" in n for n in _names(extraction, "Institution"))
    assert ("Ivo Brandt", "Northfield University", None) in _facts(extraction, "affiliatedWith")
    assert {s for s, _, _ in _facts(extraction, "authorOf")} == {"Ivo Brandt", "Aiko Mori", "Jon Vidal"}


def test_extract_zh_prize_list_with_completers_announced_in_the_title() -> None:
    text = (
        "2025年度青山省科学技术奖公布 我校获奖3项\n"
        "近日，青山省人民政府发布奖励决定，我校3项成果获奖。获奖项目及主要完成人如下：\n"
        "一、自然科学奖一等奖\n“高性能锂硫电池关键材料研究”，主要完成人：吴建业、钱丽群、孟凡宇\n"
        "二、技术发明奖二等奖\n“海洋装备智能防腐技术”，主要完成人：蒋海舟、石磊川\n"
    )
    extraction = _extract(text, lang="zh")
    winners = {"吴建业", "钱丽群", "孟凡宇", "蒋海舟", "石磊川"}
    assert _names(extraction, "Researcher") == winners
    assert _facts(extraction, "received") >= {(w, "青山省科学技术奖", "2025") for w in winners}
    # the completers of one project worked together; those of two projects did not
    pairs = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert frozenset(("吴建业", "孟凡宇")) in pairs and frozenset(("吴建业", "蒋海舟")) not in pairs


def test_extract_en_policy_news_names_no_institution_or_researcher() -> None:
    text = (
        "Ministry issues new rules on research data\n"
        "The Ministry of Science and Technology and the National Health Commission on Tuesday issued guidelines "
        "requiring universities to store research data in national repositories. The Department of Education will "
        "monitor compliance."
    )
    extraction = _extract(text, lang="en")
    assert _names(extraction, "Institution") == set()
    assert _names(extraction, "Researcher") == set()


def test_extract_en_short_forms_fellow_in_and_untitled_paper_authors() -> None:
    text = (
        "Kelp forests recover faster than expected\n"
        "Researchers at the University of Harrowgate and the Brightwater Marine Research Institution have mapped "
        "kelp recovery along 900 km of coast, published in Science.\n"
        "Lead author Dr. Mira Castellan, a postdoctoral fellow in UH's School of Biology, said the recovery surprised "
        "the team. Senior author Professor Ansel Kroft of Brightwater Marine added that monitoring must continue."
    )
    extraction = _extract(text, lang="en")
    # UH is the University of Harrowgate's initials; "Brightwater Marine" the start of the institution's name
    assert "School of Biology, University of Harrowgate" in _names(extraction, "Institution")
    assert {"UH", "Brightwater Marine"} <= {a for e in extraction.entities for a in e.aliases}
    assert _facts(extraction, "affiliatedWith") == {
        ("Mira Castellan", "School of Biology, University of Harrowgate", None),
        ("Ansel Kroft", "Brightwater Marine Research Institution", None),
    }
    # the lead and senior authors of the one paper the item reports worked together, as did their institutions
    assert {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")} == {
        frozenset(("Mira Castellan", "Ansel Kroft")),
        frozenset(("University of Harrowgate", "Brightwater Marine Research Institution")),
    }


def test_extract_en_short_form_shared_by_two_names_is_left_alone() -> None:
    text = (
        "Two institutes sign an agreement\n"
        "The Northgate Science Institute and the Northgate Science Museum signed an agreement. "
        "Dr. Lena Ord of Northgate Science spoke."
    )
    extraction = _extract(text, lang="en")
    assert ("Lena Ord", "Northgate Science Institute", None) not in _facts(extraction, "affiliatedWith")
    assert "Northgate Science" not in {a for e in extraction.entities for a in e.aliases}


def test_extract_en_fellows_named_by_their_job_receive_the_fellowship_the_title_announces() -> None:
    text = (
        "Three faculty members receive 2025 Corvane Research Fellowships\n"
        "Three assistant professors at Lakemont University have been named 2025 Corvane Research Fellows.\n"
        "The fellows are Hana Okafor, assistant professor of physics; Tomas Reyes-Marsh, assistant professor in the "
        "Department of Computer Science; and Ines Varga, associate professor of chemistry.\n"
        "Okafor previously received the Lakemont Teaching Award."
    )
    extraction = _extract(text, lang="en")
    fellows = {"Hana Okafor", "Tomas Reyes-Marsh", "Ines Varga"}
    assert _names(extraction, "Researcher") == fellows
    # the release comes from Lakemont University: its department, and the fellows named by their job alone
    assert {
        ("Tomas Reyes-Marsh", "Department of Computer Science, Lakemont University", None),
        ("Hana Okafor", "Lakemont University", None),
        ("Ines Varga", "Lakemont University", None),
    } <= _facts(extraction, "affiliatedWith")
    # an earlier prize does not keep a fellow from the fellowship the title announces
    assert {(f, "Corvane Research Fellowship", "2025") for f in fellows} <= _facts(extraction, "received")


def test_extract_zh_research_fellow_title_is_no_joint_work() -> None:
    text = "我校两位学者当选院士\n我校化学学院唐振远教授、生命科学学院华若岚研究员当选星海科学院院士。"
    extraction = _extract(text, lang="zh")
    assert _names(extraction, "Researcher") == {"唐振远", "华若岚"}
    assert _facts(extraction, "collaboratedWith") == set()


def test_extract_en_job_before_name_with_field_co_corresponding_authors_and_quoted_comma() -> None:
    text = (
        "New cathode doubles storage\n"
        "A team from the Westbrook Institute of Technology and Eastmoor University has built a new cathode. "
        'The study, "Layered oxides for dense storage," appears in the journal Nature Energy. WIT professor of '
        "materials science Elena Vaskov and Eastmoor chemist Rajan Pell are co-corresponding authors. Graduate "
        "student Lin Zhao is the first author."
    )
    extraction = _extract(text, lang="en")
    paper = "Layered oxides for dense storage"
    assert _names(extraction, "Publication") == {paper}
    assert _names(extraction, "Researcher") == {"Elena Vaskov", "Rajan Pell", "Lin Zhao"}
    assert _facts(extraction, "affiliatedWith") == {
        ("Elena Vaskov", "Westbrook Institute of Technology", None),
        ("Rajan Pell", "Eastmoor University", None),
    }
    assert _facts(extraction, "authorOf") == {
        ("Elena Vaskov", paper, "corresponding"),
        ("Rajan Pell", paper, "corresponding"),
        ("Lin Zhao", paper, "first"),
    }


def test_extract_zh_joint_lab_news_names_partners_without_the_conjunction() -> None:
    text = (
        "我校与青川大学共建联合实验室\n"
        "根据协议，联合实验室由我校光电信息学院和青川大学电子工程系共同建设，首任主任由光电信息学院院长许文彬教授担任。"
        "双方将在国家重点研发计划“智能传感器”重点专项支持下开展联合攻关。"
    )
    extraction = _extract(text, lang="zh")
    assert "与青川大学" not in _names(extraction, "Institution")
    assert "青川大学" in _names(extraction, "Institution")
    assert ("青川大学", "光电信息学院", None) in _facts(extraction, "collaboratedWith") | {
        (b, a, r) for a, b, r in _facts(extraction, "collaboratedWith")
    }
    # (the special programme is the plan's: the plan funds, the programme's name is its other name)
    funder = next(e for e in extraction.entities if e.type == "Funder" and e.name == "国家重点研发计划")
    assert "国家重点研发计划“智能传感器”重点专项" in funder.aliases


def test_extract_en_laureates_named_with_their_institutions_receive_the_prize_not_each_other() -> None:
    text = (
        "2026 Tidewater Prize laureates announced\n"
        "The Tidewater Foundation today announced the 2026 Tidewater Prize laureates. The prize in Life Sciences goes "
        "to Marta Chenoweth (University of Eastmoor) and Kwabe Mensor (Westbrook University) for discovering how "
        "immune cells sense bacterial RNA. The prize in Physics is awarded to Sofi Lindqvar of Northgate University."
    )
    extraction = _extract(text, lang="en")
    laureates = {"Marta Chenoweth", "Kwabe Mensor", "Sofi Lindqvar"}
    assert _names(extraction, "Researcher") == laureates
    assert _facts(extraction, "affiliatedWith") == {
        ("Marta Chenoweth", "University of Eastmoor", None),
        ("Kwabe Mensor", "Westbrook University", None),
        ("Sofi Lindqvar", "Northgate University", None),
    }
    assert _facts(extraction, "received") == {(name, "Tidewater Prize", "2026") for name in laureates}
    assert _facts(extraction, "collaboratedWith") == set()


def test_extract_zh_school_short_name_in_title_and_journal_with_ampersand() -> None:
    text = (
        "环境学院在大气污染溯源研究中取得新进展\n"
        "近日，环境与资源学院邵一鸣副教授团队在国际权威期刊Environmental Science & Technology上发表论文。"
    )
    extraction = _extract(text, lang="zh")
    assert _names(extraction, "Institution") == {"环境与资源学院"}
    assert "环境学院" in next(e.aliases for e in extraction.entities if e.name == "环境与资源学院")
    assert _names(extraction, "Journal") == {"Environmental Science & Technology"}


def test_extract_en_institution_name_never_runs_over_a_line_break() -> None:
    text = (
        "New partnership with Coastal Research Institute\n"
        "Westbrook University and the Coastal Research Institute have signed an agreement to jointly study "
        "sea-level rise."
    )
    extraction = _extract(text, lang="en")
    assert _names(extraction, "Institution") == {"Coastal Research Institute", "Westbrook University"}
    assert {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")} == {
        frozenset(("Westbrook University", "Coastal Research Institute"))
    }


@pytest.mark.parametrize(
    ("sentence", "journals"),
    [
        ("The results appear in Advanced Materials.", {"Advanced Materials"}),
        ("They appear in Boston next week.", set()),
        ("The results were presented in Paris.", set()),
    ],
)
def test_extract_en_results_appear_in_a_journal_not_a_city(sentence: str, journals: set[str]) -> None:
    assert _names(_extract("Printed scaffolds\n" + sentence, lang="en"), "Journal") == journals


def test_extract_en_collaborators_from_others_partner_the_items_own_institution() -> None:
    text = (
        "Gut microbes linked to sleep\n"
        "A study led by researchers at the University of Eastmoor found that gut bacteria shape sleep. "
        "Collaborators from the Northgate Institute and Westbrook University contributed samples."
    )
    extraction = _extract(text, lang="en")
    assert {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")} == {
        frozenset(("University of Eastmoor", "Northgate Institute")),
        frozenset(("University of Eastmoor", "Westbrook University")),
    }


def test_extract_zh_grant_tier_after_a_fund_names_the_fund() -> None:
    text = "青川大学团队发表论文\n该研究得到国家重点研发计划、国家自然科学基金重点项目的资助。"
    assert _names(_extract(text, lang="zh"), "Funder") == {"国家重点研发计划", "国家自然科学基金"}


def test_extract_en_her_paper_co_authored_with_names_all_its_authors() -> None:
    text = (
        "Chemist elected to the Eastmoor Academy\n"
        "Professor Helena Duvall of Riverside State University has been elected to the Eastmoor Academy.\n"
        'Duvall studies enzyme catalysis. Her recent paper "Enzymes that split nitrogen at room temperature" appeared '
        "in Nature Chemistry and was co-authored with postdoctoral researcher Omar Benaldi and Dr. Keiko Tanabu of "
        "Westbrook University."
    )
    extraction = _extract(text, lang="en")
    paper = "Enzymes that split nitrogen at room temperature"
    assert _facts(extraction, "authorOf") == {
        ("Helena Duvall", paper, None),
        ("Omar Benaldi", paper, "co-author"),
        ("Keiko Tanabu", paper, "co-author"),
    }
    assert frozenset(("Helena Duvall", "Keiko Tanabu")) in {
        frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")
    }


def test_extract_zh_honour_list_of_unit_and_name_lines() -> None:
    text = (
        "我校3位青年教师获2025年度“晨露青年学者”称号\n"
        "日前，青山市教育委员会公布2025年度“晨露青年学者”入选名单，我校3位青年教师入选，分别是：\n"
        "数学科学学院 钱书遥\n机械工程学院 孔令喆\n物理学院 邓佳逸\n"
    )
    extraction = _extract(text, lang="zh")
    winners = {("钱书遥", "数学科学学院"), ("孔令喆", "机械工程学院"), ("邓佳逸", "物理学院")}
    assert _names(extraction, "Researcher") == {w for w, _ in winners}
    assert _facts(extraction, "affiliatedWith") == {(w, unit, None) for w, unit in winners}
    assert _facts(extraction, "received") == {(w, "晨露青年学者", "2025") for w, _ in winners}


def test_extract_en_job_in_a_unit_and_no_joint_work_from_a_name_alone() -> None:
    text = (
        "New center to study climate and health\n"
        "The center will be directed by Professor Amara Okonye, an epidemiologist in the School of Public Health.\n"
        "Founding members include Dr. Peter Lindgaard, a climate scientist at the Northbridge Institute for "
        "Atmospheric Research, and Associate Professor Yuki Satou of the Department of Geography."
    )
    extraction = _extract(text, lang="en")
    assert ("Amara Okonye", "School of Public Health", None) in _facts(extraction, "affiliatedWith")
    # "Research" in an institute's name reports no work: members listed together did not collaborate on any
    assert _facts(extraction, "collaboratedWith") == set()


def test_extract_en_press_release_belongs_to_its_institution() -> None:
    text = (
        "Corwin University opens a centre for river science\n"
        "April 2, 2026\n"
        "CORWIN, Vt. — The Eastlake Science Foundation has awarded Corwin University a four-year, $9 million grant "
        "to found the Center for River Science, the university said Monday.\n"
        "The center will be led by Odile Strand, a professor of hydrology, and by Amos Teague, an associate professor "
        "in the Department of Geography. Partners include the Harwell Institution of Limnology, Marlow State "
        "University and the Lakeside Polytechnic.\n"
        '"Rivers change fast," said Petra Lind, an ecologist who was not involved in the project.\n'
        "Earlier work by Teague received support from the Fenwick Family Foundation."
    )
    extraction = _extract(text, lang="en")
    affiliations = _facts(extraction, "affiliatedWith")
    assert {
        ("Odile Strand", "Corwin University", None),
        ("Amos Teague", "Department of Geography, Corwin University", None),
    } <= affiliations
    # an outside expert the release quotes is not one of its staff
    assert not any(person == "Petra Lind" for person, _, _ in affiliations)
    assert ("Department of Geography, Corwin University", "Corwin University", None) in _facts(extraction, "partOf")
    # a list of partners after a comma is no unit and its institution
    assert not any(unit == "Harwell Institution of Limnology" for unit, _, _ in _facts(extraction, "partOf"))
    # the giver of a grant and the source of support are funders
    assert {"Eastlake Science Foundation", "Fenwick Family Foundation"} <= _names(extraction, "Funder")


def test_extract_en_release_naming_several_universities_has_no_home() -> None:
    text = (
        "Corwin University and Marlow State University map river beds\n"
        "Odile Strand, a professor of hydrology, led the survey with colleagues in the Department of Geography."
    )
    extraction = _extract(text, lang="en")
    assert not any(person == "Odile Strand" for person, _, _ in _facts(extraction, "affiliatedWith"))
    assert "Department of Geography" in _names(extraction, "Institution")


def test_extract_en_fellows_of_a_named_fellowship_and_a_prize_with_initials() -> None:
    text = (
        "Two faculty members named 2026 Quillon Research Fellows\n"
        "Two scientists at Brantley University have been selected as 2026 Quillon Research Fellows.\n"
        "Ada Whitcombe, an assistant professor of chemistry, studies catalysts. Rufus Penhale, assistant professor of "
        "physics, builds clocks.\n"
        "Separately, Penhale received the Optical Guild's 2025 Harold J. Brisco Jr. Medal."
    )
    extraction = _extract(text, lang="en")
    assert {"Quillon Research Fellowship", "Harold J. Brisco Jr. Medal"} <= _names(extraction, "Award")
    received = _facts(extraction, "received")
    # a fellow who also won another prize in the item is still one of the fellows the title announces
    assert {
        ("Ada Whitcombe", "Quillon Research Fellowship", "2026"),
        ("Rufus Penhale", "Quillon Research Fellowship", "2026"),
        ("Rufus Penhale", "Harold J. Brisco Jr. Medal", "2025"),
    } <= received
    assert ("Ada Whitcombe", "Harold J. Brisco Jr. Medal", "2025") not in received


def test_extract_zh_fund_round_and_unit_being_set_up() -> None:
    text = (
        "我校两位教授获2026年度国家杰出青年科学基金资助\n"
        "日前，我校化学学院卢景川教授、海洋学院（筹）闵若溪研究员获得资助。"
        "此外，我校物理学院祁晓帆副教授入选国家优秀青年科学基金项目。"
    )
    extraction = _extract(text, lang="zh")
    # the year names the round, not the fund (a talent grant a researcher holds is an award received)
    assert _names(extraction, "Award") == {"国家杰出青年科学基金", "国家优秀青年科学基金"}
    assert _facts(extraction, "received") == {
        ("卢景川", "国家杰出青年科学基金", "2026"),
        ("闵若溪", "国家杰出青年科学基金", "2026"),
        ("祁晓帆", "国家优秀青年科学基金", "2026"),
    }
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("闵若溪", "海洋学院", None) in affiliations
    assert ("闵若溪", "化学学院", None) not in affiliations


def test_extract_en_author_lists_jobs_with_fields_and_an_institution_named_again_short() -> None:
    text = (
        "Ancient enzyme rebuilt\n"
        "Researchers at Fallow University and the Orrin Institute for Soil Research rebuilt an ancient enzyme.\n"
        "Co-first authors Mira Callan and Tobias Renk, both postdoctoral fellows, worked in the lab of senior author "
        "Greta Holm, professor of plant biology at Fallow. Co-author Ivo Brenner of the Orrin Institute did the "
        "structures. Professor Hal Dunmore, head of the Department of Soil Science at Fallow University, commented."
    )
    extraction = _extract(text, lang="en")
    assert {"Mira Callan", "Tobias Renk", "Greta Holm", "Ivo Brenner"} <= _names(extraction, "Researcher")
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("Greta Holm", "Fallow University", None) in affiliations
    # "the Orrin Institute" again is the institute named in full before
    assert ("Ivo Brenner", "Orrin Institute for Soil Research", None) in affiliations
    assert "Orrin Institute" not in _names(extraction, "Institution")
    assert ("Hal Dunmore", "Department of Soil Science, Fallow University", None) in affiliations


def test_extract_zh_one_character_schools_and_programme_bodies() -> None:
    text = (
        "我校成果获市科技奖\n"
        "医学院附属星湖医院杭远志主任医师团队获科技进步奖二等奖；药学院宋雨桐研究员获青年科技奖。"
        "相关研究得到了上海市科学技术委员会基础研究项目和中央高校基本科研业务费的资助。"
    )
    extraction = _extract(text, lang="zh")
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("宋雨桐", "药学院", None) in affiliations
    assert ("杭远志", "医学院附属星湖医院", None) in affiliations
    assert ("医学院附属星湖医院", "医学院", None) in _facts(extraction, "partOf")
    # the commission at the head of a programme funds the work; a fund ending in 业务费 is a fund
    assert {"上海市科学技术委员会", "中央高校基本科研业务费专项资金"} <= _names(extraction, "Funder")


def test_extract_zh_field_words_country_prefixes_and_quoted_programme_topics() -> None:
    text = (
        "我校团队揭示冰川微生物新机制\n"
        "我校生命科学技术学院滕晓舟教授与美国加州大学伯克利分校韩德森（Peter Hendersen）教授为共同通讯作者。"
        "该研究得到国家重点研发计划“冰冻圈变化与生态响应”重点专项和星河市自然科学基金的支持。"
    )
    extraction = _extract(text, lang="zh")
    affiliations = _facts(extraction, "affiliatedWith")
    # 生命 opens the school's name; it is a field, not a verb before the name
    assert ("滕晓舟", "生命科学技术学院", None) in affiliations
    # the country says where the university is; the gazetteer knows the university without it
    assert ("韩德森", "University of California, Berkeley", None) in affiliations
    berkeley = next(e for e in extraction.entities if e.name == "University of California, Berkeley")
    assert "美国加州大学伯克利分校" in berkeley.aliases
    # 与 inside a programme's quoted topic does not split the funding list
    # (the plan funds; the special programme's name is its other name)
    forms = {a for e in extraction.entities if e.type == "Funder" for a in (e.name, *e.aliases)}
    assert "国家重点研发计划“冰冻圈变化与生态响应”重点专项" in forms
    assert not any(name.startswith("生态响应") for name in _names(extraction, "Funder"))


def test_extract_en_prize_category_laureates_and_a_journal_list() -> None:
    text = (
        "Delmont physicist wins 2026 Orlen Prize\n"
        "The Orlen Foundation announced that Rosa Achter, a physicist at the University of Delmont, will receive the "
        "2026 Orlen Prize in Physics.\n"
        "Achter shares the prize with Tomas Wirth of the Varna Institute of Technology. Their joint papers "
        "appeared in Physical Review Letters and Nature Physics."
    )
    extraction = _extract(text, lang="en")
    assert ("Rosa Achter", "University of Delmont", None) in _facts(extraction, "affiliatedWith")
    assert ("Orlen Prize in Physics", "Orlen Prize", None) in _facts(extraction, "partOf")
    # the title's prize has one category in the item: its laureates won that category
    assert _facts(extraction, "received") == {
        ("Rosa Achter", "Orlen Prize in Physics", "2026"),
        ("Tomas Wirth", "Orlen Prize in Physics", "2026"),
    }
    assert {"Physical Review Letters", "Nature Physics"} <= _names(extraction, "Journal")


def test_extract_zh_paper_named_after_its_kind_and_a_programme_joined_by_yu() -> None:
    text = (
        "我校学者发表量子计算研究成果\n"
        "4月6日，《科学》（Science）在线发表了我校物理学院邹明哲教授团队的研究论文"
        "“Fault-tolerant logical qubits with neutral atoms”。"
        "该研究得到了科技部量子通信与量子计算机重大项目和国家自然科学基金的资助。"
    )
    extraction = _extract(text, lang="zh")
    assert "Fault-tolerant logical qubits with neutral atoms" in _names(extraction, "Publication")
    funders = _names(extraction, "Funder")
    # 与 inside the programme's name does not make "量子计算机重大项目" a funder of its own
    assert {"科学技术部", "国家自然科学基金"} <= funders
    assert not any("量子计算机" in name for name in funders)


def test_extract_en_ministry_named_department_for_is_no_institution() -> None:
    text = (
        "Government unveils research strategy\n"
        "The Department for Science, Innovation and Technology published a strategy. Science Minister Helen Marsh "
        "said it would help. Professor Ada Lund of the Department of Physics, Corwin University, welcomed it."
    )
    extraction = _extract(text, lang="en")
    institutions = _names(extraction, "Institution")
    assert not any(name.startswith("Department for") for name in institutions)
    assert "Department of Physics, Corwin University" in institutions
    assert "Helen Marsh" not in _names(extraction, "Researcher")


def test_extract_en_pair_from_one_institute_and_a_fellowship_named_after_a_society() -> None:
    text = (
        "New catalyst turns plastic into fuel\n"
        "Dr Samir Hadley and Dr Lena Fisk from the Wendel Institute for Catalysis contributed to the study.\n"
        "Professor Jane Whitby, who holds a Royal Society University Research Fellowship, led the work."
    )
    extraction = _extract(text, lang="en")
    affiliations = _facts(extraction, "affiliatedWith")
    # the institute after the second name of a pair is the first one's too
    assert {
        ("Samir Hadley", "Wendel Institute for Catalysis", None),
        ("Lena Fisk", "Wendel Institute for Catalysis", None),
    } <= affiliations
    # "Royal Society University" is the start of a fellowship's name, not a university
    assert "Royal Society University" not in _names(extraction, "Institution")
    assert ("Jane Whitby", "Royal Society University Research Fellowship", None) in _facts(extraction, "received")


def test_extract_zh_young_scientists_grant_of_a_fund_names_the_fund() -> None:
    text = (
        "我校团队揭示衰老细胞清除新途径\n"
        "我校医学院姚海宁研究员团队在《自然-衰老》（Nature Aging）发表论文。"
        "该研究获得国家自然科学基金优秀青年科学基金项目（编号 82271234）资助。"
    )
    funders = _names(_extract(text, lang="zh"), "Funder")
    assert funders == {"国家自然科学基金"}


def test_extract_zh_award_table_rows_give_laureates_categories_and_teams() -> None:
    text = (
        "我校 3 项成果获 2025 年度青山省科学技术奖\n"
        "近日，青山省人民政府发布 2025 年度科学技术奖励决定，我校获奖 3 项。\n"
        "序号 项目名称 主要完成人 奖种\n"
        "1 高性能复合材料构件制造技术 卢振岚，沈梦溪，贺立川 技术发明奖\n"
        "2 城市地下空间安全监测关键技术 庞永川，温思岚 科技进步奖\n"
        "二等奖\n"
        "3 肿瘤免疫治疗新靶点发现 纪晓溪，葛振川 自然科学奖\n"
    )
    extraction = _extract(text, lang="zh")
    people = {"卢振岚", "沈梦溪", "贺立川", "庞永川", "温思岚", "纪晓溪", "葛振川"}
    assert _names(extraction, "Researcher") == people
    received = _facts(extraction, "received")
    # each row's people won the row's prize, a category of the prize the title announces (and not both)
    assert ("贺立川", "技术发明奖", "2025") in received
    assert ("温思岚", "科技进步奖", "2025") in received
    assert ("葛振川", "自然科学奖", "2025") in received
    assert not any(award == "青山省科学技术奖" for _, award, _ in received)
    assert ("技术发明奖", "青山省科学技术奖", None) in _facts(extraction, "partOf")
    # the people of one row completed one project together; rows are not one team
    pairs = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert frozenset(("卢振岚", "贺立川")) in pairs
    assert frozenset(("贺立川", "庞永川")) not in pairs


def test_extract_talk_titles_and_venues_are_no_papers_or_institutions() -> None:
    zh = (
        "“星海论坛”第 35 期举行\n"
        "4 月 18 日，“星海论坛”在我校学术交流中心举行。北湖大学材料学院教授戈明远应邀作题为"
        "“AI-driven discovery of battery materials”的学术报告。"
    )
    extraction = _extract(zh, lang="zh")
    assert _names(extraction, "Publication") == set()
    assert "学术交流中心" not in _names(extraction, "Institution")
    assert ("戈明远", "北湖大学材料学院", None) in _facts(extraction, "affiliatedWith")
    en = (
        "Forum on battery discovery\n"
        'Professor Gil Brandt of Northlake University gave a lecture titled "Machine learning for battery '
        'materials" on Monday. His paper "Fast ion conductors from data" appeared in Joule.'
    )
    assert _names(_extract(en, lang="en"), "Publication") == {"Fast ion conductors from data"}


def test_extract_en_members_elected_named_chairs_and_people_now_elsewhere() -> None:
    text = (
        "Three faculty elected to the Northern Academy of Sciences\n"
        "Three Carrow University researchers are among the new members elected to the Northern Academy of Sciences.\n"
        "They are Beatriz Olm, professor of chemistry; Ilse Vander, the Henry Lowell Professor of Neuroscience; and "
        "Kofi Asan, a condensed-matter physicist.\n"
        "Also elected was Carrow alumnus Dmitri Volk, now a senior scientist at the Salk Institute for Biological "
        "Studies."
    )
    extraction = _extract(text, lang="en")
    assert "Carrow University" in _names(extraction, "Institution")  # not "Three Carrow University"
    assert {"Beatriz Olm", "Ilse Vander", "Kofi Asan", "Dmitri Volk"} <= _names(extraction, "Researcher")
    affiliations = _facts(extraction, "affiliatedWith")
    # the academy that elects them is not where they work: the release is about Carrow's researchers
    assert {(p, "Carrow University", None) for p in ("Beatriz Olm", "Ilse Vander", "Kofi Asan")} <= affiliations
    assert ("Dmitri Volk", "Salk Institute for Biological Studies", None) in affiliations
    assert ("Dmitri Volk", "Carrow University", None) not in affiliations


@pytest.mark.parametrize(
    ("text", "lang", "funders"),
    [
        (
            "Catalyst study\nThis work was supported by grants from the Northland Natural Science Foundation (No. "
            "12345678) and the Harbour City Science and Technology Commission.",
            "en",
            {"Northland Natural Science Foundation", "Harbour City Science and Technology Commission"},
        ),
        ("Catalyst study\nFunding was provided by the Coastal Research Council.", "en", {"Coastal Research Council"}),
        (
            "催化剂研究\n本研究受国家重点研发计划（2022YFA1234500）、国家自然科学基金（22175123, 21975045）资助。",
            "zh",
            {"国家重点研发计划", "国家自然科学基金"},
        ),
        ("催化剂研究\n该项目获星河市“科技创新行动计划”基础研究领域项目支持。", "zh", {"星河市“科技创新行动计划”"}),
    ],
)
def test_extract_funders_past_grant_numbers_and_programme_projects(text: str, lang: str, funders: set[str]) -> None:
    assert _names(_extract(text, lang=lang), "Funder") == funders


def test_extract_zh_undergraduate_authors_are_researchers() -> None:
    text = "柔性传感器研究进展\n论文第一作者为本科生於晴和硕士研究生欧阳子川，通讯作者为司马文澜教授。"
    assert _names(_extract(text, lang="zh"), "Researcher") == {"於晴", "欧阳子川", "司马文澜"}


def test_extract_is_the_same_in_every_process() -> None:
    # string hashing differs from one process to the next: no rule may depend on the order of a set
    import os
    import subprocess
    import sys

    text = (
        "论坛举行\n美国星河大学教授戈登·布朗（Gordon Brown）作报告。戈登·布朗教授是星河学会会士，布朗的团队研究电池。"
    )
    script = (
        "import sys; from tests.ingest.test_extract import _extract; "
        "print(_extract(sys.stdin.read(), lang='zh').model_dump_json())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
        ).stdout
        for seed in (1, 3, 6)
    }
    assert len(outputs) == 1


def test_extract_en_listed_fellows_go_to_their_schools_and_do_not_collaborate() -> None:
    extraction = _extract(
        "Academy of the Fens announces 2026 Fellows\n"
        "The Academy of the Fens has elected 40 new Fellows, four of them from Marshfield University.\n"
        "The new Fellows from Marshfield are:\n"
        "Professor Odile Brandt, School of Physics\n"
        "Dr Kofi Mensah, School of Medicine\n"
        "Professor Brandt, whose work on ultracold atoms has appeared in Nature Physics, was delighted.",
        lang="en",
    )
    schools = {(p, i.split(",")[0]) for p, i, _ in _facts(extraction, "affiliatedWith")}
    assert {("Odile Brandt", "School of Physics"), ("Kofi Mensah", "School of Medicine")} <= schools
    # elected together is not working together
    assert not _facts(extraction, "collaboratedWith")


def test_extract_en_unit_after_in_the_and_no_university_taken_for_a_person() -> None:
    extraction = _extract(
        "Salt filters and sleep\n"
        "A team led by Professor Ines Varga in the Department of Marine Biology at Harbourside University has "
        "measured carbon burial under kelp. Dr. Tomas Kral, assistant professor of neuroscience at Harbourside "
        "University, has received the 2026 Young Chemist Award.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Ines Varga", "Tomas Kral"}
    affiliations = {(p, i) for p, i, _ in _facts(extraction, "affiliatedWith")}
    assert ("Ines Varga", "Department of Marine Biology, Harbourside University") in affiliations
    assert ("Tomas Kral", "Harbourside University") in affiliations
    assert all(p != "Harbourside University" for p, _, _ in _facts(extraction, "received"))


def test_extract_en_place_after_a_study_is_no_journal() -> None:
    extraction = _extract(
        "Plankton blooms shift, study finds\n"
        "Warming shifts spring blooms in the North Atlantic, a study published today in Ocean Letters shows. "
        "An earlier trial, published in the Lancet, was led by Dr. Ana Ruiz of Coastal University.",
        lang="en",
    )
    assert _names(extraction, "Journal") == {"Ocean Letters", "The Lancet"}


def test_extract_zh_journal_lists_back_reference_and_given_name_ending_in_he() -> None:
    extraction = _extract(
        "我校与企业共建联合实验室\n"
        "实验室依托我校材料科学与工程学院建设，由该院教授林永和团队牵头。林永和表示，实验室将培养研究生。"
        "近年来，团队在《材料加工学报》《国际塑性加工杂志》（International Journal of Plastic Forming）"
        "等期刊发表论文多篇。"
    )
    assert _names(extraction, "Researcher") == {"林永和"}
    assert ("林永和", "材料科学与工程学院", None) in _facts(extraction, "affiliatedWith")
    assert _names(extraction, "Journal") == {"材料加工学报", "International Journal of Plastic Forming"}


def test_extract_zh_he_after_a_name_is_still_and() -> None:
    extraction = _extract("团队介绍\n该研究由教授林永和团队成员共同完成，副教授黄志强和博士生周宁参与了实验。")
    assert {"黄志强", "周宁"} <= _names(extraction, "Researcher")
    assert "黄志强和" not in _names(extraction, "Researcher")


def test_extract_en_leader_and_co_author_of_one_study_and_colleagues_from() -> None:
    extraction = _extract(
        "Sea ice thins faster, study finds\n"
        "The research was led by Dr. Maren Holt of the Tromsdal Polar Institute, together with colleagues from "
        "Lakeshore University. Co-author Professor Ivo Marek, a glaciologist at Ridgeway University, said the "
        "trend was clear.",
        lang="en",
    )
    assert ("Ivo Marek", "Maren Holt", None) in _facts(extraction, "collaboratedWith") | {
        (b, a, r) for a, b, r in _facts(extraction, "collaboratedWith")
    }
    institutions = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert frozenset(("Tromsdal Polar Institute", "Lakeshore University")) in institutions


def test_extract_zh_names_listed_with_their_units_in_brackets() -> None:
    extraction = _extract(
        "我校4人入选青年人才计划\n名单如下（按姓氏笔画排序）：\n"
        "于海川（数学科学学院）\n车晓蕾（物理与天文学院）\n谢晚晴（医学院）、祁文博（化学化工学院）\n"
        "该计划旨在支持青年科技人才开展原创性研究。"
    )
    assert _names(extraction, "Researcher") == {"于海川", "车晓蕾", "谢晚晴", "祁文博"}
    assert {
        ("于海川", "数学科学学院", None),
        ("车晓蕾", "物理与天文学院", None),
        ("谢晚晴", "医学院", None),
        ("祁文博", "化学化工学院", None),
    } == _facts(extraction, "affiliatedWith")
    assert not _facts(extraction, "collaboratedWith")


def test_extract_en_possessive_people_ampersand_names_and_ists_at() -> None:
    extraction = _extract(
        "New catalyst turns carbon dioxide into fuel\n"
        "Chemists at Lakemont University, the University of Eastfield and Birchwood National Laboratory have "
        'built a copper catalyst. The study was published in Nature Energy. "This is a big step," said '
        "Lakemont's Ravi Menon. The University of Eastfield's Claire Dubois and Birchwood's Wen Tao are "
        "co-corresponding authors. Dr Abena Osei, a senior lecturer at the Harbour School of Hygiene & Tropical "
        "Medicine, led a study of malaria in children in Ghana.",
        lang="en",
    )
    assert {"Ravi Menon", "Claire Dubois", "Wen Tao", "Abena Osei"} <= _names(extraction, "Researcher")
    affiliations = {(p, i) for p, i, _ in _facts(extraction, "affiliatedWith")}
    assert {
        ("Ravi Menon", "Lakemont University"),
        ("Claire Dubois", "University of Eastfield"),
        ("Wen Tao", "Birchwood National Laboratory"),
        ("Abena Osei", "Harbour School of Hygiene & Tropical Medicine"),
    } <= affiliations
    assert _names(extraction, "Journal") == {"Nature Energy"}
    institutions = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert frozenset(("Lakemont University", "University of Eastfield")) in institutions
    assert not any("'s" in name for name in _names(extraction, "Institution"))


def test_extract_en_grant_to_a_researcher_and_partners_of_the_project() -> None:
    extraction = _extract(
        "Trust funds malaria study\n"
        "The Harrowgate Trust has awarded £3.2 million to Dr Abena Osei, a senior lecturer at Kestrel University, "
        "to study malaria immunity. The project will be carried out in partnership with the Volta University of "
        "Science and Technology and the Amani Memorial Institute for Medical Research.",
        lang="en",
    )
    assert ("Abena Osei", "Harrowgate Trust", None) in _facts(extraction, "fundedBy")
    institutions = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert institutions == {
        frozenset(("Kestrel University", "Volta University of Science and Technology")),
        frozenset(("Kestrel University", "Amani Memorial Institute for Medical Research")),
    }


def test_extract_en_pronoun_laureate_medal_of_a_society_and_the_year_after_it() -> None:
    extraction = _extract(
        "Obituary: Professor Harold Penrith\n"
        "Professor Harold Penrith, emeritus professor at the University of Wexmoor, died in October. "
        "Penrith joined the Fenbank Observatory in 1962. He was elected to the Academy in 1984 and received the "
        "Gold Medal of the Royal Astronomical Society in 1999.",
        lang="en",
    )
    assert _facts(extraction, "received") == {
        ("Harold Penrith", "Gold Medal of the Royal Astronomical Society", "1999")
    }


def test_extract_en_pair_with_job_words_before_the_second_name() -> None:
    extraction = _extract(
        "Two faculty members named 2026 MacArthur Fellows\n"
        "Ornithologist Dr. Leila Hadley and materials scientist Professor Jonas Whitcombe of Brookfield State "
        "University have been named 2026 MacArthur Fellows.",
        lang="en",
    )
    affiliations = {(p, i) for p, i, _ in _facts(extraction, "affiliatedWith")}
    assert affiliations == {
        ("Leila Hadley", "Brookfield State University"),
        ("Jonas Whitcombe", "Brookfield State University"),
    }


def test_extract_zh_profile_post_and_prize_without_a_written_subject() -> None:
    extraction = _extract(
        "青年学者风采：钮思远\n"
        "钮思远，女，1988年生，现任我校环境科学与工程学院教授、博士生导师。2015年博士毕业于东海大学。"
        "近五年，她在《环境科学与技术》等期刊发表论文30余篇。2024年获中国环境科学学会青年科学家奖。"
    )
    assert _names(extraction, "Researcher") == {"钮思远"}
    assert _facts(extraction, "affiliatedWith") == {("钮思远", "环境科学与工程学院", None)}
    assert _facts(extraction, "received") == {("钮思远", "中国环境科学学会青年科学家奖", "2024")}


def test_extract_zh_credited_people_work_at_the_one_unit_named_and_our_school_prefix() -> None:
    extraction = _extract(
        "我校获市科学技术奖\n"
        "一等奖：城市洪涝智能预警系统（完成人：殷小舟、阎若男；完成单位：我校船舶海洋与建筑工程学院）\n"
        "一等奖：锂硫电池关键材料（完成人：邬天野、郜佳玉；完成单位：我校化学化工学院、东岳电气股份有限公司）\n"
        "二等奖：罕见病基因诊断新方法（完成人：苗可心；完成单位：我校医学院附属新华医院）"
    )
    assert {"殷小舟", "阎若男", "邬天野", "郜佳玉", "苗可心"} <= _names(extraction, "Researcher")
    assert _facts(extraction, "affiliatedWith") == {
        ("殷小舟", "船舶海洋与建筑工程学院", None),
        ("阎若男", "船舶海洋与建筑工程学院", None),
        ("苗可心", "医学院附属新华医院", None),
    }
    assert not any(name.startswith("校") for name in _names(extraction, "Institution"))


def test_extract_zh_talent_grants_won_by_people_are_awards_not_collaboration() -> None:
    extraction = _extract(
        "我校4位学者获2026年度国家杰出青年科学基金资助\n"
        "近日，国家自然科学基金委员会公布评审结果。我校数学科学学院教授鄢文博、机械与动力工程学院教授邰墨林获得资助。"
        "此外，我校化学化工学院研究员宓音佳、医学院研究员郦远心获2026年度国家优秀青年科学基金项目资助。"
    )
    assert _facts(extraction, "received") == {
        ("鄢文博", "国家杰出青年科学基金", "2026"),
        ("邰墨林", "国家杰出青年科学基金", "2026"),
        ("宓音佳", "国家优秀青年科学基金", "2026"),
        ("郦远心", "国家优秀青年科学基金", "2026"),
    }
    assert not _facts(extraction, "fundedBy")
    assert not _facts(extraction, "collaboratedWith")


def test_extract_en_surname_particles() -> None:
    extraction = _extract(
        "Three researchers win grants\n"
        "Dr. Pieter de Graaf (Leiden Observatory) will map dark matter. Professor Ana van der Berg of the "
        "University of Utrecht will study soils.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Pieter de Graaf", "Ana van der Berg"}


def test_extract_en_accented_names_of_people_and_prizes() -> None:
    extraction = _extract(
        "Award\nProfessor Åsa Sandström of Lund University received the 2026 Göran Gustafsson Prize in chemistry. "
        "Dr. Łukasz Wiśniewski of the University of Gdańsk congratulated her.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Åsa Sandström", "Łukasz Wiśniewski"}
    assert _facts(extraction, "received") == {("Åsa Sandström", "Göran Gustafsson Prize", "2026")}
    assert ("Łukasz Wiśniewski", "University of Gdańsk", None) in _facts(extraction, "affiliatedWith")


def test_extract_en_grant_in_a_currency_code() -> None:
    extraction = _extract(
        "Grant for ocean robotics\nThe Nordvik Research Council has awarded SEK 12 million to Dr. Erik Sandvall of "
        "the Nordvik Institute of Technology to build underwater gliders.",
        lang="en",
    )
    assert _facts(extraction, "fundedBy") == {("Erik Sandvall", "Nordvik Research Council", None)}


def test_extract_zh_partnership_news_firms_posts_and_foreign_names() -> None:
    extraction = _extract(
        "东岳理工大学与巴德福签署战略合作协议\n"
        "11 月 5 日，东岳理工大学与德国巴德福公司签署战略合作协议，双方将共建“绿色化工联合实验室”。"
        "东岳理工大学化工学院院长、教授龚子岚与巴德福大中华区研发负责人出席签约仪式。"
        "西岭大学与英国北山大学共建的“先进材料联合研究院”揭牌，北山大学教授 Mark Ellwood 担任院长。"
    )
    assert _names(extraction, "Researcher") == {"龚子岚", "Mark Ellwood"}
    affiliations = {(p, i) for p, i, _ in _facts(extraction, "affiliatedWith")}
    assert ("龚子岚", "东岳理工大学化工学院") in affiliations
    assert ("Mark Ellwood", "北山大学") in affiliations
    collaborations = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert not any("联合" in name for pair in collaborations for name in pair)


def test_extract_en_wire_release_metadata_block_and_team_working_with_clinicians() -> None:
    extraction = _extract(
        "Tiny magnets steer drug capsules\n"
        "Engineers at the University of Eastmere have built drug capsules steered by magnets, said Dr. Yusuf Demirel, "
        "senior author of the study. The study was carried out with cardiologists from Eastmere General Hospital.\n"
        "Journal: Science Robotics\n"
        "DOI: 10.1126/scirobotics.adz1234\n"
        "Article Title: Magnetically steered microcapsules for targeted thrombolysis\n",
        lang="en",
    )
    papers = [e for e in extraction.entities if e.type == "Publication"]
    assert [(p.name, p.identifiers.get("doi")) for p in papers] == [
        ("Magnetically steered microcapsules for targeted thrombolysis", "10.1126/scirobotics.adz1234")
    ]
    assert _facts(extraction, "publishedIn") == {
        ("Magnetically steered microcapsules for targeted thrombolysis", "Science Robotics", None)
    }
    institutions = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert frozenset(("University of Eastmere", "Eastmere General Hospital")) in institutions


def test_extract_en_prize_list_lines_and_earlier_prizes_keep_no_title_year() -> None:
    extraction = _extract(
        "Society announces 2026 medal winners\n"
        "The Fenland Physical Society has announced the winners of its medals.\n"
        "• Faraday Medal: Professor Ruth Okoro, University of Marsden, for work on spintronic memory.\n"
        "• Young Investigator Prize: Dr. Tomás Ferrer, Kestrel University, for nanophotonic sensors.\n"
        "Okoro previously received the Halden Prize.",
        lang="en",
    )
    assert _facts(extraction, "received") == {
        ("Ruth Okoro", "Faraday Medal", "2026"),
        ("Tomás Ferrer", "Young Investigator Prize", "2026"),
        ("Ruth Okoro", "Halden Prize", None),
    }


def test_extract_en_the_lead_of_a_prize_list_ends_before_the_list() -> None:
    extraction = _extract(
        "Society announces 2026 medal winners\n"
        "The Institute of Applied Optics has announced the winners of its medals.\n"
        "• Faraday Medal: Professor Ruth Okoro, University of Marsden, for work on spintronic memory.\n",
        lang="en",
    )
    # the society is no unit of the first laureate's university
    assert "Institute of Applied Optics" in _names(extraction, "Institution")
    assert not _facts(extraction, "partOf")


def test_extract_zh_post_and_academy_title_between_unit_and_name() -> None:
    extraction = _extract(
        "我校团队取得量子计算突破\n"
        "近日，由我校物理学院院长、中国科学院院士龙泽川领衔的量子信息团队在《物理评论快报》发表论文。"
    )
    assert _facts(extraction, "affiliatedWith") == {("龙泽川", "物理学院", None)}


def test_extract_traditional_chinese_reads_as_simplified_and_points_at_the_original() -> None:
    text = (
        "中大研究團隊揭示腸道菌群與自閉症關係\n"
        "香港中文大學醫學院微生物學系教授黎嘉穎團隊與香港大學李嘉誠醫學院研究員馮子傑合作，在《自然·微生物學》"
        "（Nature Microbiology）發表論文。"
    )
    extraction = _extract(text)
    assert _names(extraction, "Researcher") == {"黎嘉颖", "冯子杰"}
    assert ("冯子杰", "香港大学李嘉诚医学院", None) in _facts(extraction, "affiliatedWith")
    assert "Nature Microbiology" in _names(extraction, "Journal")
    for entity in extraction.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert all(r.evidence.sentence in text for r in extraction.relations)
    assert any(m.text == "馮子傑" for e in extraction.entities for m in e.mentions)
    # the form as written stays an alias: a search in traditional characters finds the person
    assert {e.name: e.aliases for e in extraction.entities}["冯子杰"] == ["馮子傑"]


def test_extract_zh_units_after_a_short_name_the_text_gives_in_brackets() -> None:
    extraction = _extract(
        "新闻\n东岭大学医学院附属第一医院（以下简称“东岭一院”）心内科教授柯明川团队牵头研究。东岭一院心内科副主任医师"
        "闻立川、东岭一院临床研究中心研究员简书川参与。南屿大学（南大）医学院今日公布。南大医学院药理学系教授包卫川表示。"
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("柯明川", "东岭大学医学院附属第一医院心内科", None),
        ("闻立川", "东岭大学医学院附属第一医院心内科", None),
        ("简书川", "东岭大学医学院附属第一医院临床研究中心", None),
        ("包卫川", "南屿大学医学院药理学系", None),
    }
    assert {(a, b) for a, b, _ in _facts(extraction, "partOf")} >= {
        ("东岭大学医学院附属第一医院心内科", "东岭大学医学院附属第一医院"),
        ("东岭大学医学院附属第一医院临床研究中心", "东岭大学医学院附属第一医院"),
        ("南屿大学医学院", "南屿大学"),
        ("南屿大学医学院药理学系", "南屿大学医学院"),
    }


def test_extract_zh_list_of_names_with_unit_and_post_and_a_campus_in_brackets() -> None:
    extraction = _extract(
        "江南新增3位院士\n新当选中国科学院院士（按姓氏笔画排序）：\n"
        "\u3000\u3000\u3000王砚川\u3000北岭大学化学与分子科学学院教授\n"
        "\u3000\u3000\u3000邝启川\u3000中国科学院东湖病毒研究所研究员\n"
        "\u3000\u3000\u3000魏宁川\u3000中国地质大学（武汉）地球科学学院教授\n"
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("王砚川", "北岭大学化学与分子科学学院", None),
        ("邝启川", "中国科学院东湖病毒研究所", None),
        ("魏宁川", "中国地质大学（武汉）地球科学学院", None),
    }
    assert ("中国地质大学（武汉）地球科学学院", "中国地质大学（武汉）", None) in _facts(extraction, "partOf")


def test_extract_zh_list_of_units_then_names_keeps_a_school_apart_from_a_longer_one() -> None:
    extraction = _extract(
        "我校11人获资助\n获资助人员名单如下：\n"
        "\u3000\u3000\u3000数学学院\u3000\u3000\u3000\u3000侯岚川\n"
        "\u3000\u3000\u3000化学学院\u3000\u3000\u3000\u3000卓一川\n"
        "\u3000\u3000\u3000化学工程学院\u3000\u3000贲子川\n"
        "\u3000\u3000\u3000华西基础医学与法医学院\u3000雍若川\n"
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("侯岚川", "数学学院", None),
        ("卓一川", "化学学院", None),
        ("贲子川", "化学工程学院", None),
        ("雍若川", "华西基础医学与法医学院", None),
    }


def test_extract_zh_a_school_that_heads_a_longer_name_is_its_parent_not_its_short_form() -> None:
    extraction = _extract(
        "北川医学院团队发现新靶点\n近日，北川医学院基础医学院教授沈嘉川团队发表论文。北川医学院为第一完成单位。"
    )
    assert ("北川医学院基础医学院", "北川医学院", None) in _facts(extraction, "partOf")
    assert _names(extraction, "Institution") == {"北川医学院", "北川医学院基础医学院"}


def test_extract_zh_no_unit_from_a_trial_design_a_verb_before_a_title_or_a_commission() -> None:
    extraction = _extract(
        "新闻\n研究团队开展了全国多中心随机对照临床试验。省委支持院士领衔组建创新联合体。"
        "长江水利委员会长江科学院研究员滕曦川发言。"
    )
    assert _names(extraction, "Institution") == {"长江科学院"}
    assert _names(extraction, "Researcher") == {"滕曦川"}


def test_extract_zh_national_lab_named_by_its_field_a_profile_with_shi_and_people_after_a_cue_with_wei() -> None:
    extraction = _extract(
        "新闻\n近日，北岭大学物理学院、固体微结构物理国家重点实验室俞澄川教授团队发表论文。"
        "郗明川是西岭农林科技大学植物保护学院教授。项目获自然科学奖一等奖，主要完成人为柯远川、祝晴川。"
        "专家围绕“量子计算何时走出实验室”展开讨论。"
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("俞澄川", "北岭大学物理学院", None),
        ("俞澄川", "固体微结构物理国家重点实验室", None),
        ("郗明川", "西岭农林科技大学植物保护学院", None),
    }
    assert _names(extraction, "Researcher") == {"俞澄川", "郗明川", "柯远川", "祝晴川"}
    assert "量子计算何时走出实验室" not in _names(extraction, "Institution")


def test_extract_zh_english_journal_names_the_gazetteer_knows_before_fabiao_and_in_lists() -> None:
    extraction = _extract(
        "新闻\n该团队在Nature Electronics发表论文。这是发表在NEJM、The Lancet等期刊上的第5篇研究。他在Beijing发表演讲。"
    )
    assert _names(extraction, "Journal") == {
        "Nature Electronics",
        "The New England Journal of Medicine",
        "The Lancet",
    }


def test_extract_zh_winner_named_in_the_title_alone_and_a_long_award_name_and_posts_before_units() -> None:
    extraction = _extract(
        "【喜报】航天学院青年教师谭亦川荣获中国青年科技奖\n2025年中国青年科技奖获奖名单公布，谭亦川教授榜上有名。"
        "谭亦川，1988年生，现任航天学院教授。航天学院博士研究生祁若川为论文第一作者。"
        "在2024年度教育部高等学校科学研究优秀成果奖评选中，项目获一等奖，主要完成人为柯远川。"
    )
    assert {(a, b) for a, b, _ in _facts(extraction, "received")} == {
        ("谭亦川", "中国青年科技奖"),
        ("柯远川", "教育部高等学校科学研究优秀成果奖"),
    }
    assert _names(extraction, "Institution") == {"航天学院"}


def test_extract_zh_regional_prize_categories_each_to_its_project_people() -> None:
    extraction = _extract(
        "我校16项成果获2024年度江南省科学技术奖\n近日，我校16项成果获奖，其中江南省自然科学奖一等奖2项。"
        "江南省自然科学奖一等奖项目“钙钛矿界面缺陷”由光电学院邵志川教授领衔完成，主要完成人还包括黎晓川、甘若川。"
        "江南省技术发明奖一等奖项目“电弧增材制造”由机械学院梁锦川教授团队完成，主要完成人包括梁锦川、闵楚川。"
    )
    assert {(a, b) for a, b, _ in _facts(extraction, "received")} == {
        ("邵志川", "江南省自然科学奖"),
        ("黎晓川", "江南省自然科学奖"),
        ("甘若川", "江南省自然科学奖"),
        ("梁锦川", "江南省技术发明奖"),
        ("闵楚川", "江南省技术发明奖"),
    }
    assert {(a, b) for a, b, _ in _facts(extraction, "partOf")} == {
        ("江南省自然科学奖", "江南省科学技术奖"),
        ("江南省技术发明奖", "江南省科学技术奖"),
    }


def test_extract_zh_hospital_departments_counted_centres_and_our_hospital() -> None:
    extraction = _extract(
        "新闻\n北岭大学附属第一医院胃肠外科中心蔡宛川副教授、北岭大学肿瘤防治中心胃外科刘子川副主任医师为共同第一作者。"
        "研究在全国38家卒中中心和国内二十余家医院开展。这是我院胃肠外科中心继去年发表腹腔镜胃癌根治术多中心研究后的成果。"
        "由肝胆胰外科阎秉川教授牵头完成。"
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("蔡宛川", "北岭大学附属第一医院胃肠外科中心", None),
        ("刘子川", "北岭大学肿瘤防治中心胃外科", None),
        ("阎秉川", "肝胆胰外科", None),
    }
    assert _names(extraction, "Institution") == {
        "北岭大学",
        "北岭大学附属第一医院",
        "北岭大学附属第一医院胃肠外科中心",
        "北岭大学肿瘤防治中心",
        "北岭大学肿瘤防治中心胃外科",
        "肝胆胰外科",
    }


def test_extract_zh_clinics_named_by_a_field_verb_or_one_character() -> None:
    extraction = _extract(
        "新闻\n项目由消化内科席梦川教授完成。入选者分别为：麻醉科邓昊川、眼科苏慕川、儿科梁静川。眼科学是一门学科。"
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("席梦川", "消化内科", None),
        ("邓昊川", "麻醉科", None),
        ("苏慕川", "眼科", None),
        ("梁静川", "儿科", None),
    }


def test_extract_zh_person_between_two_institutions_officials_of_a_ministry_office_and_team_cues() -> None:
    extraction = _extract(
        "新闻\n中国科学院微生物研究所卢清川、北岭大学生命科学学院殷若川与西湖大学宁砚川等完成研究。"
        "本年度上海另有东岭大学物理学系钮晨川入选。国内 18 家医疗中心参与。"
        "教育部科学技术与信息化司负责人邬景川表示。中国科学院分子植物科学卓越创新中心甘露川研究组完成。"
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("卢清川", "中国科学院微生物研究所", None),
        ("殷若川", "北岭大学生命科学学院", None),
        ("宁砚川", "西湖大学", None),
        ("钮晨川", "东岭大学物理学系", None),
        ("甘露川", "中国科学院分子植物科学卓越创新中心", None),
    }
    assert "邬景川" not in _names(extraction, "Researcher")


def test_extract_zh_title_with_its_translation_and_a_person_before_yu_and_a_university() -> None:
    extraction = _extract(
        "新闻\n相关成果以“Atomic-scale origin of lithium dendrites”（锂枝晶的原子尺度起源）为题发表在《科学》上。"
        "北岭大学博士生蔺修川为论文第一作者，"
        "柴怀川与慕尼黑工业大学马蒂亚斯·克罗伊策（Matthias Kreutzer）为共同通讯作者。"
    )
    assert _names(extraction, "Publication") == {"Atomic-scale origin of lithium dendrites"}
    assert _facts(extraction, "affiliatedWith") == {
        ("蔺修川", "北岭大学", None),
        ("马蒂亚斯·克罗伊策", "Technical University of Munich", None),
    }
    assert not any("柴怀川" in name for name in _names(extraction, "Institution"))


def test_extract_zh_a_project_of_the_natural_science_fund_is_funded_by_the_fund() -> None:
    extraction = _extract(
        "新闻\n论文题为“Urban heat islands amplify rainfall”。该研究获得国家自然科学基金国际（地区）合作与交流项目、"
        "中德科学中心和德国研究基金会（DFG）的资助。"
    )
    assert {b for _, b, _ in _facts(extraction, "fundedBy")} == {
        "国家自然科学基金",
        "中德科学中心",
        "Deutsche Forschungsgemeinschaft",
    }


def test_extract_zh_name_list_lines_of_a_table_printed_column_by_column_under_a_graded_prize() -> None:
    extraction = _extract(
        "自然科学奖一等奖\n序号 项目名称 主要完成人 主要完成单位\n1\n二维铁电材料中拓扑\n极化结构的形成机制\n"
        "殷瑞川，柏沐川，薛檀川\n北岭大学"
    )
    assert {(a, b) for a, b, _ in _facts(extraction, "received")} == {
        ("殷瑞川", "自然科学奖"),
        ("柏沐川", "自然科学奖"),
        ("薛檀川", "自然科学奖"),
    }
    assert {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")} == {
        frozenset(("殷瑞川", "柏沐川")),
        frozenset(("殷瑞川", "薛檀川")),
        frozenset(("柏沐川", "薛檀川")),
    }


def test_extract_zh_prizes_listed_before_any_name_go_to_no_one() -> None:
    extraction = _extract(
        "新闻\n本年度奖项共设科技功臣奖、自然科学奖、技术发明奖等奖项，北岭大学俞曼川教授荣获科技功臣奖。"
    )
    assert {(a, b) for a, b, _ in _facts(extraction, "received")} == {("俞曼川", "上海市科技功臣奖")}


def test_extract_simplified_text_quoting_a_traditional_character_is_left_as_written() -> None:
    extraction = _extract("著名学者来访\n著名物理学家、北岭大学教授林知远於近日来访。")
    assert _names(extraction, "Researcher") == {"林知远"}


def test_extract_zh_header_less_list_of_names_and_units() -> None:
    extraction = _extract(
        "2026年度青年人才计划入选名单公布\n"
        "部分入选者名单如下：\n司徒静然  东岭大学\n卞晓川 西屿交通大学\n郁秋实    南湖师范大学\n"
        "该计划资助青年人才来沪工作。"
    )
    assert _names(extraction, "Researcher") == {"司徒静然", "卞晓川", "郁秋实"}
    assert _facts(extraction, "affiliatedWith") == {
        ("司徒静然", "东岭大学", None),
        ("卞晓川", "西屿交通大学", None),
        ("郁秋实", "南湖师范大学", None),
    }


def test_extract_en_other_authors_and_funded_in_part_by() -> None:
    extraction = _extract(
        "Gut bacteria tune vaccine responses\n"
        "The study's senior author is Rebecca Thornbury, an associate professor at Eastbridge Medical School. "
        "Other authors include Laura Bianco and Omar Hadid of the Eastbridge Institute. "
        "The research was funded, in part, by the Tidewater Health Foundation and the Marlow Trust.",
        lang="en",
    )
    pairs = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert pairs == {
        frozenset(("Laura Bianco", "Rebecca Thornbury")),
        frozenset(("Omar Hadid", "Rebecca Thornbury")),
        frozenset(("Laura Bianco", "Omar Hadid")),
    }
    assert {"Tidewater Health Foundation", "Marlow Trust"} <= _names(extraction, "Funder")


def test_extract_en_last_entry_of_a_semicolon_author_list() -> None:
    extraction = _extract(
        "Gut bacteria tune vaccine responses\n"
        "The study's senior author is Rebecca Thornbury of Eastbridge Medical School. Other authors include Laura "
        "Bianco of the Eastbridge Institute; and Sunil Rao of Harbour General Hospital.",
        lang="en",
    )
    pairs = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert frozenset(("Sunil Rao", "Rebecca Thornbury")) in pairs
    assert ("Sunil Rao", "Harbour General Hospital", None) in _facts(extraction, "affiliatedWith")


def test_extract_zh_new_post_not_former_one_and_no_name_from_after_a_title() -> None:
    extraction = _extract(
        "知名化学家甄远博教授全职加盟我校\n"
        "近日，知名化学家、原西岭理工学院化学系教授甄远博全职加盟我校，担任化学化工学院讲席教授。"
        "甄远博表示，将与化学化工学院研究员巫雯静合作。"
    )
    assert _names(extraction, "Researcher") == {"甄远博", "巫雯静"}
    assert ("甄远博", "化学化工学院", None) in _facts(extraction, "affiliatedWith")
    assert not any(i.startswith("西岭") for p, i, _ in _facts(extraction, "affiliatedWith") if p == "甄远博")


def test_extract_laureate_named_by_de_zhu_and_winner() -> None:
    zh = _extract(
        "诺贝尔化学奖得主来校作学术报告\n"
        "11月20日，2016年诺贝尔化学奖得主、荷兰北岭大学教授伯纳德·费林克（Bernard Ferlink）来校访问。"
    )
    assert ("伯纳德·费林克", "诺贝尔化学奖", "2016") in _facts(zh, "received")
    en = _extract(
        "Visit\nThe 2019 Halden Prize winner Professor Ada Korver of Marsden University gave the lecture.", lang="en"
    )
    assert ("Ada Korver", "Halden Prize", "2019") in _facts(en, "received")


def test_extract_en_named_a_fellow_is_the_fellowship() -> None:
    extraction = _extract(
        "Historian honoured\nProfessor Lucia Ferrand of Marsden University has been named a 2026 Harrow Fellow.",
        lang="en",
    )
    assert _facts(extraction, "received") == {("Lucia Ferrand", "Harrow Fellowship", "2026")}


def test_extract_zh_collaborators_of_the_publishing_team() -> None:
    extraction = _extract(
        "研究进展\n东岭大学生命科学学院研究员庞晓川等人在《细胞研究》发表论文。"
        "合作者包括西屿大学医学院教授欧阳明远和南湖大学化学学院教授甘霖川。"
    )
    pairs = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    # partners of the publishing team: each of them with it, the two partner universities not with each other
    assert pairs == {
        frozenset(("庞晓川", "欧阳明远")),
        frozenset(("庞晓川", "甘霖川")),
        frozenset(("欧阳明远", "甘霖川")),
        frozenset(("东岭大学", "西屿大学")),
        frozenset(("东岭大学", "南湖大学")),
    }


def test_extract_zh_who_leads_a_project_is_a_researcher_not_a_host() -> None:
    extraction = _extract(
        "我校教师获教学成果奖\n外国语学院教授单雪川主持的“外语人才培养模式改革”获特等奖。颁奖会由副校长葛明川主持。"
    )
    assert _names(extraction, "Researcher") == {"单雪川"}
    assert ("单雪川", "外国语学院", None) in _facts(extraction, "affiliatedWith")


def test_extract_en_degrees_after_names_and_a_quote_under_a_study_headline() -> None:
    extraction = _extract(
        "Heart study\n"
        '"This changes practice," said Jane Hollis, M.D., Ph.D., professor of cardiology at Brookfield University '
        "School of Medicine. Co-author Samuel Okoro, PhD, of the Riverside Heart Institute, agreed.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Jane Hollis", "Samuel Okoro"}
    assert _facts(extraction, "affiliatedWith") == {
        ("Jane Hollis", "Brookfield University School of Medicine", None),
        ("Samuel Okoro", "Riverside Heart Institute", None),
    }
    assert not _names(extraction, "Publication")


def test_extract_en_plural_job_before_a_list_of_names() -> None:
    extraction = _extract(
        "Two elected to the academy\n"
        "Dunmore University professors Tobias Verhaegen and Mei-Ling Castell are among the new members elected "
        "to the national academy this year.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Tobias Verhaegen", "Mei-Ling Castell"}
    assert _facts(extraction, "affiliatedWith") == {
        ("Tobias Verhaegen", "Dunmore University", None),
        ("Mei-Ling Castell", "Dunmore University", None),
    }


def test_extract_zh_department_named_by_its_discipline() -> None:
    extraction = _extract(
        "研究进展\n我校化学系教授柯明川和计算机系副教授闻立川、南屿大学物理系研究员庞海川合作，"
        "揭示了植物根系与生态系统的关系。"
    )
    assert _names(extraction, "Institution") == {"化学系", "计算机系", "南屿大学", "南屿大学物理系"}
    assert _facts(extraction, "affiliatedWith") == {
        ("柯明川", "化学系", None),
        ("闻立川", "计算机系", None),
        ("庞海川", "南屿大学物理系", None),
    }


def test_extract_en_grant_won_names_its_funder_and_grantee() -> None:
    extraction = _extract(
        "Grants for Halden researchers\n"
        "Three researchers at Halden University have been awarded European Research Council (ERC) Advanced Grants. "
        "Dr Tomas Wyke has also won an NIH grant. Dr Ana Bellweather received a Royal Society Research Grant last "
        "year. She won a Halden Seed Grant too.",
        lang="en",
    )
    assert _names(extraction, "Funder") == {
        "European Research Council",
        "National Institutes of Health",
        "The Royal Society",
    }
    assert _facts(extraction, "fundedBy") == {
        ("Tomas Wyke", "National Institutes of Health", None),
        ("Ana Bellweather", "The Royal Society", None),
    }


def test_extract_en_possessive_place_name_is_the_university_of_that_place() -> None:
    extraction = _extract(
        "In memoriam\nProfessor Gerald Wynford taught at the University of Castlebury for four decades. "
        "He joined Castlebury's Department of Chemistry in 1972.",
        lang="en",
    )
    assert _names(extraction, "Institution") == {
        "University of Castlebury",
        "Department of Chemistry, University of Castlebury",
    }
    assert ("Department of Chemistry, University of Castlebury", "University of Castlebury", None) in _facts(
        extraction, "partOf"
    )


def test_extract_en_possessive_of_a_name_ending_in_s_takes_the_apostrophe_alone() -> None:
    extraction = _extract(
        "Enzyme news\nA team at the University of Marrows has engineered an enzyme. "
        '"We were surprised," said Dr. Ilse Varga, a professor in Marrows\' School of Chemistry.',
        lang="en",
    )
    assert _names(extraction, "Institution") == {"University of Marrows", "School of Chemistry, University of Marrows"}
    assert ("School of Chemistry, University of Marrows", "University of Marrows", None) in _facts(extraction, "partOf")


def test_extract_zh_ministry_before_a_national_programme_and_a_funder_named_with_zizhu() -> None:
    extraction = _extract(
        "研究进展\n东岭大学庞晓川教授团队在《细胞》发表论文。该工作得到了科技部国家重点研发计划的支持。"
        "研究亦获南屿研究资助局及南屿创新科技基金资助。"
    )
    assert _names(extraction, "Funder") == {"国家重点研发计划", "南屿研究资助局", "南屿创新科技基金"}


def test_extract_en_singular_job_after_a_pair_is_the_second_name_alone() -> None:
    extraction = _extract(
        "Farmers' diet\nResearchers from the University of Ravenholt report the find. "
        "Said study co-lead author Priya Narang, a doctoral student in the Department of Archaeology. "
        "Narang and co-lead author Lukas Brenning, a postdoctoral researcher at the Leibniz Institute for Old Crafts, "
        "analysed the samples.",
        lang="en",
    )
    facts = _facts(extraction, "affiliatedWith")
    assert ("Lukas Brenning", "Leibniz Institute for Old Crafts", None) in facts
    assert ("Priya Narang", "Leibniz Institute for Old Crafts", None) not in facts


def test_extract_zh_selected_for_a_talent_grant_is_an_award_not_collaboration() -> None:
    extraction = _extract(
        "我校12人入选国家级青年人才计划\n其中，数学科学学院鲁川明、化学化工学院温若川等人入选国家杰出青年科学基金项目。"
    )
    assert _facts(extraction, "received") == {
        ("鲁川明", "国家杰出青年科学基金", None),
        ("温若川", "国家杰出青年科学基金", None),
    }
    assert not _facts(extraction, "collaboratedWith")


def test_extract_en_appointed_dean_and_a_unit_named_short_in_the_headline() -> None:
    extraction = _extract(
        "New dean for the School of Law\n"
        "Professor Elliot Marwood has been appointed Dean of the Hartwell School of Law. The team describes the "
        "sensors in Science Robotics.",
        lang="en",
    )
    assert _names(extraction, "Institution") == {"Hartwell School of Law"}
    assert _facts(extraction, "affiliatedWith") == {("Elliot Marwood", "Hartwell School of Law", None)}
    assert _names(extraction, "Journal") == {"Science Robotics"}


def test_extract_en_unit_named_with_our_after_a_name() -> None:
    extraction = _extract(
        "Faculty honours\n"
        "Professor Jane Morrow of our Department of Physics received the Dirac Medal. Dr Tom Hale, from our School "
        "of Chemistry, won a Wolfson Fellowship.",
        lang="en",
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("Jane Morrow", "Department of Physics", None),
        ("Tom Hale", "School of Chemistry", None),
    }


def test_extract_zh_national_centre_named_after_a_place_and_a_field_and_a_slash_between_two_units() -> None:
    extraction = _extract(
        "新闻\n中国科学院物理研究所/北京凝聚态物理国家研究中心研究员柯建川发言。研究国家天文台的历史。"
    )
    assert _names(extraction, "Institution") == {
        "中国科学院",
        "中国科学院物理研究所",
        "北京凝聚态物理国家研究中心",
        "中国科学院国家天文台",
    }
    assert _facts(extraction, "affiliatedWith") == {
        ("柯建川", "中国科学院物理研究所", None),
        ("柯建川", "北京凝聚态物理国家研究中心", None),
    }


def test_extract_zh_name_that_is_also_a_dictionary_word_after_a_job_title() -> None:
    # 王平 and 李强 are words of jieba's dictionary (tagged as names); right after 教授 they are people
    extraction = _extract("新闻\n北岭大学教授王平指出，这项研究很重要。北岭大学研究员李强发言。研究员周转资金。")
    assert _facts(extraction, "affiliatedWith") == {("王平", "北岭大学", None), ("李强", "北岭大学", None)}


def test_extract_en_long_funding_list_with_a_verb_inside_and_gazetteer_funders() -> None:
    extraction = _extract(
        "Battery study\nThe research was supported by the National Research Foundation of Korea (NRF), funded by "
        "the Ministry of Science and ICT, by the Samsung Science and Technology Foundation, and by the Japan Society "
        "for the Promotion of Science (JSPS). Funding came from the Natural Sciences and Engineering Research Council "
        "of Canada (NSERC). The work was also funded by the European Research Council and the Deutsche "
        "Forschungsgemeinschaft.",
        lang="en",
    )
    assert _names(extraction, "Funder") == {
        "National Research Foundation of Korea",
        "Ministry of Science and ICT",
        "Samsung Science and Technology Foundation",
        "Japan Society for the Promotion of Science",
        "Natural Sciences and Engineering Research Council of Canada",
        "European Research Council",
        "Deutsche Forschungsgemeinschaft",
    }


@pytest.mark.parametrize(
    "closing",
    [
        # EurekAlert: each field's name on a line of its own, its value on the next
        "Journal\nNature Communications\n\nArticle Title\nSelf-repairing interphase for lithium-metal anodes\n",
        "Study: Self-repairing interphase for lithium-metal anodes (DOI: 10.1038/s41467-025-56183-9)\n"
        "Journal: Nature Communications\n",
        "Original publication\nJi-woo Hann, Kenji Morimura: Self-repairing interphase for lithium-metal anodes. "
        "Nature Communications, 4 February 2025. DOI: 10.1038/s41467-025-56183-9\n",
        "- Reference: Hann J, Morimura K, et al. Self-repairing interphase for lithium-metal anodes. Nature "
        "Communications 2025. DOI: 10.1038/s41467-025-56183-9\n",
    ],
)
def test_extract_en_paper_named_in_a_release_metadata_block_or_reference(closing: str) -> None:
    extraction = _extract(
        "New additive for batteries\nA team led by Professor Ji-woo Hann reports an additive that heals the anode. "
        "Hann is the corresponding author.\n\n" + closing,
        lang="en",
    )
    assert _names(extraction, "Publication") == {"Self-repairing interphase for lithium-metal anodes"}
    assert _facts(extraction, "publishedIn") == {
        ("Self-repairing interphase for lithium-metal anodes", "Nature Communications", None)
    }


def test_extract_en_reference_without_a_title_names_no_paper() -> None:
    extraction = _extract(
        "Ancient diets\nThe team reports the results in Science Advances.\n"
        "Reference: Nair, P., Brenner, L. et al. Science Advances 12, eadk1234 (2026).",
        lang="en",
    )
    assert _names(extraction, "Publication") == set()


def test_extract_en_campus_after_a_comma_from_the_gazetteer_and_each_unit_to_its_own_campus() -> None:
    extraction = _extract(
        "Crossbows\nWenjun Lee, an assistant professor in the College of Chemistry at the University of California, "
        "Berkeley, ran simulations. Ada Thornby joined the Scripps Institution of Oceanography at the University of "
        "California, San Diego.",
        lang="en",
    )
    assert {(a, b) for a, b, _ in _facts(extraction, "partOf")} == {
        ("College of Chemistry, University of California, Berkeley", "University of California, Berkeley"),
        ("Scripps Institution of Oceanography", "University of California, San Diego"),
    }
    assert "University of California" not in _names(extraction, "Institution")


def test_extract_zh_campus_in_brackets_named_alone_from_the_gazetteer() -> None:
    extraction = _extract("新闻\n中国石油大学（华东）教授李明川发言。")
    assert _facts(extraction, "affiliatedWith") == {("李明川", "中国石油大学（华东）", None)}


def test_extract_en_officer_named_after_a_title_a_possessive_giver_and_a_new_fellows_heading() -> None:
    extraction = _extract(
        "Fellowships for Dunmore\nNew University Research Fellows\n\nThe Royal Society's University Research "
        "Fellowship scheme supports early-career scientists. Dr Stefan Brandl (School of Physics) was awarded a "
        "University Research Fellowship.\nProfessor Helen Darrow, Vice-Principal Research and Enterprise, said: "
        '"A tremendous achievement."',
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Stefan Brandl"}
    assert _names(extraction, "Award") == {"University Research Fellowship"}
    assert "Royal Society's University" not in _names(extraction, "Institution")


def test_extract_en_grant_list_names_a_dash_and_their_unit_and_an_office_before_a_title() -> None:
    extraction = _extract(
        "UQ researchers share funding\nDeputy Vice-Chancellor (Research) Professor Tanya Whitmore said the results "
        "were strong.\n\nEngineering enzyme cascades\nProfessor Siobhan Keating; Dr Tuan Ngo – School of Chemistry "
        "and Molecular Biosciences\n$612,000\n\nSleep and memory\nDr Oluwaseun Bankoli – Queensland Brain "
        "Institute\n$701,233",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Siobhan Keating", "Tuan Ngo", "Oluwaseun Bankoli"}
    assert {(a, b) for a, b, _ in _facts(extraction, "affiliatedWith")} == {
        ("Siobhan Keating", "School of Chemistry and Molecular Biosciences"),
        ("Tuan Ngo", "School of Chemistry and Molecular Biosciences"),
        ("Oluwaseun Bankoli", "Queensland Brain Institute"),
    }


def test_extract_en_obituary_honours_with_years_in_brackets_and_a_shared_prize() -> None:
    extraction = _extract(
        "Ada Thornby, ocean chemist, dies at 86\nIn 1992 Thornby moved to the Woods Hole Oceanographic Institution. "
        "Her honours included the Maurice Ewing Medal of the American Geophysical Union (1989) and the V. M. "
        "Goldschmidt Award of the Geochemical Society (1997). In 2003 she shared the Tyler Prize for Environmental "
        "Achievement with the oceanographer Tomás Aguirre Benito of the University of Buenos Aires.",
        lang="en",
    )
    assert {(a, b, y) for a, b, y in _facts(extraction, "received")} == {
        ("Ada Thornby", "Maurice Ewing Medal", "1989"),
        ("Ada Thornby", "V. M. Goldschmidt Award", "1997"),
        ("Ada Thornby", "泰勒环境成就奖", "2003"),
        ("Tomás Aguirre Benito", "泰勒环境成就奖", "2003"),
    }


def test_extract_en_journal_followed_by_the_month_of_publication() -> None:
    extraction = _extract(
        'Malaria\nHer latest study, "Genomic surveillance reveals resistance," published in Nature Microbiology in '
        "May, shows that resistance has arisen.",
        lang="en",
    )
    assert _names(extraction, "Journal") == {"Nature Microbiology"}


def test_extract_en_other_authors_of_an_institution_and_those_who_contributed() -> None:
    extraction = _extract(
        'Crossbows\nThe study "Time-resolved tomography of a sheath" is published today in Nature. Other U-M authors '
        "are research scientist Marcus Feldt and undergraduate researcher Hana Kobayashi. Dr. Eun-ji Seo and Dr. "
        "Yusuf Demirel of the Korea Institute of Science and Technology also contributed to the study.",
        lang="en",
    )
    assert {a for a, _, _ in _facts(extraction, "authorOf")} == {
        "Marcus Feldt",
        "Hana Kobayashi",
        "Eun-ji Seo",
        "Yusuf Demirel",
    }


def test_extract_en_prize_names_without_article_with_initials_and_no_group_owner_as_laureate() -> None:
    extraction = _extract(
        "Prizes\nAssociate Professor Lucia Rossa has received a 2025 E.W.R. Steacie Memorial Fellowship. Dr. Tobias "
        "Lehmer won a Banting Postdoctoral Fellowship, which he will hold in Professor Farid Hadad's group.\n\n"
        "About the Gruber Neuroscience Prize\nThe Gruber Neuroscience Prize honours neuroscientists.",
        lang="en",
    )
    assert _names(extraction, "Award") == {
        "E.W.R. Steacie Memorial Fellowship",
        "Banting Postdoctoral Fellowship",
        "Gruber Neuroscience Prize",
    }
    assert {(a, b) for a, b, _ in _facts(extraction, "received")} == {
        ("Lucia Rossa", "E.W.R. Steacie Memorial Fellowship"),
        ("Tobias Lehmer", "Banting Postdoctoral Fellowship"),
    }


def test_extract_en_funders_as_the_subject_of_supported_the_work() -> None:
    extraction = _extract(
        'Antibiotics\nThe paper, "Single-molecule tracking of uptake," appears in Angewandte Chemie. The National '
        "Institutes of Health and the Wellcome Trust supported the work. Dr Ann Smyth supported the idea.",
        lang="en",
    )
    assert _facts(extraction, "fundedBy") == {
        ("Single-molecule tracking of uptake", "National Institutes of Health", None),
        ("Single-molecule tracking of uptake", "Wellcome Trust", None),
    }


def test_extract_en_accented_names_a_unit_ending_in_a_field_and_a_journal_named_as_the_kind_of_paper() -> None:
    extraction = _extract(
        "Nylon\nIn a new Chemical Science article, Professor Marc-André Bélair of the Department of Chemical "
        "Engineering, with first author and MSc student Liam O'Conner, describe a route, in a paper titled "
        '"Green nylon from cyclohexanol".',
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Marc-André Bélair", "Liam O'Conner"}
    assert _names(extraction, "Journal") == {"Chemical Science"}
    assert _facts(extraction, "authorOf") == {
        ("Liam O'Conner", "Green nylon from cyclohexanol", "first"),
        ("Marc-André Bélair", "Green nylon from cyclohexanol", None),
    }


@pytest.mark.parametrize(
    "reference",
    [
        "Original publication\nArjun Mehra, Matthias Kernet, Lena Hoffmeyer: A bioelectric timer terminates fin "
        "outgrowth. Developmental Cell, 15 January 2025. DOI: 10.1016/j.devcel.2024.12.011",
        "- Reference: Mehra A, Kernet M, Hoffmeyer L, et al. A bioelectric timer terminates fin outgrowth. Dev Cell "
        "2025. DOI: 10.1016/j.devcel.2024.12.011",
    ],
)
def test_extract_en_authors_listed_in_a_reference_are_authors_and_collaborators(reference: str) -> None:
    extraction = _extract(
        "Fin growth\nThe team, led by research group leader Dr Lena Hoffmeyer, measured the voltage. Dr Arjun Mehra, "
        "a postdoctoral researcher, built the sensor. Dr Matthias Kernet contributed recordings.\n\n" + reference,
        lang="en",
    )
    assert {a for a, _, _ in _facts(extraction, "authorOf")} == {"Arjun Mehra", "Matthias Kernet", "Lena Hoffmeyer"}
    assert {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")} == {
        frozenset(("Arjun Mehra", "Matthias Kernet")),
        frozenset(("Arjun Mehra", "Lena Hoffmeyer")),
        frozenset(("Matthias Kernet", "Lena Hoffmeyer")),
    }


def test_extract_en_home_from_a_team_led_by_its_scientists_after_the_lead() -> None:
    extraction = _extract(
        "Crossbows caught mid-assembly\nANN ARBOR (March 12, 2025) — Many bacteria fight with a crossbow.\n\n"
        'A team led by Huron University scientists has now captured the weapon. "It looks like a zipper," said '
        "Priya Venkat, a doctoral candidate in the Department of Biophysics and the paper's first author.",
        lang="en",
    )
    assert ("Department of Biophysics, Huron University", "Huron University", None) in _facts(extraction, "partOf")
    assert _facts(extraction, "affiliatedWith") == {
        ("Priya Venkat", "Department of Biophysics, Huron University", None)
    }


def test_extract_en_phd_student_after_a_name_a_role_after_a_relative_clause_and_a_comma_style_reference() -> None:
    extraction = _extract(
        'Pesticide strip\n"Press the strip," explains Ananya Kulkarna, PhD student at IPC. Dr Rhys Pendle and '
        "Professor Eleanor Whitcomb led it. Dr Pendle, who carried out the work as a postdoctoral researcher at "
        "Birmingham before moving to Cardiff, was first author; Professor Whitcomb was corresponding author.\n\n"
        "Kulkarna A, Pendle R, Whitcomb E, A manganese oxide nanozyme strip for pesticides, ACS Applied Materials & "
        "Interfaces (2025).",
        lang="en",
    )
    assert _names(extraction, "Journal") == {"ACS Applied Materials & Interfaces"}
    assert _facts(extraction, "authorOf") == {
        ("Ananya Kulkarna", "A manganese oxide nanozyme strip for pesticides", "co-author"),
        ("Rhys Pendle", "A manganese oxide nanozyme strip for pesticides", "first"),
        ("Eleanor Whitcomb", "A manganese oxide nanozyme strip for pesticides", "corresponding"),
    }


def test_extract_en_paper_under_the_title_co_authors_past_semicolons_and_a_quoted_reference() -> None:
    extraction = _extract(
        "Radio circle\nThe findings are published in the Monthly Notices of the Royal Astronomical Society under the "
        'title "A giant odd radio circle around a galaxy". PhD student Lindiwe Dlamo is first author. Dlamo\'s '
        "co-authors include Professor Johan Bothe, her supervisor at UCT; Dr. Sipho Ndlove from Rhodes University; "
        "and Professor Annika Vogler of the Max Planck Institute for Radio Astronomy.",
        lang="en",
    )
    assert {a for a, _, _ in _facts(extraction, "authorOf")} == {
        "Lindiwe Dlamo",
        "Johan Bothe",
        "Sipho Ndlove",
        "Annika Vogler",
    }
    quoted = _extract(
        "Sleep\nYuki Arakawi and Takeshi Morimota at RIKEN show how sleep helps.\n\nReference\n"
        'Yuki Arakawi, Ji-woo Parke, and Takeshi Morimota, "Sleep reactivation of safety engrams drives fear '
        'extinction", Neuron',
        lang="en",
    )
    assert _facts(quoted, "publishedIn") == {
        ("Sleep reactivation of safety engrams drives fear extinction", "Neuron", None)
    }
    # (Ji-woo Parke is named in the reference alone: a reference's author list names researchers)
    assert {a for a, _, _ in _facts(quoted, "authorOf")} == {"Yuki Arakawi", "Ji-woo Parke", "Takeshi Morimota"}


def test_extract_en_foreign_language_institutions_field_lists_with_commas_and_the_official_the() -> None:
    extraction = _extract(
        "Grants\nProfessor Matteo Ferri of the Department of Electronics, Information and Bioengineering at "
        "Politecnico di Milano won. Matthias Kerne from the Biotechnology Center of Technische Universität Dresden "
        "helped. Professor Élise Gagnon of the Université de Montréal and Dr Tom Hille of The University of Adelaide "
        "spoke. Funding came from the Department of Science, Technology and Innovation.",
        lang="en",
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("Matteo Ferri", "Department of Electronics, Information and Bioengineering, Politecnico di Milano", None),
        ("Matthias Kerne", "Biotechnology Center", None),
        ("Élise Gagnon", "Université de Montréal", None),
        ("Tom Hille", "University of Adelaide", None),
    }
    assert ("Biotechnology Center", "Technische Universität Dresden", None) in _facts(extraction, "partOf")
    assert _names(extraction, "Funder") == {"Department of Science, Technology and Innovation"}
    assert {e.name: e.aliases for e in extraction.entities}["University of Adelaide"] == ["The University of Adelaide"]


def test_extract_en_an_academy_electing_fellows_is_no_home_of_their_units() -> None:
    extraction = _extract(
        "Australian Academy of Science announces 2025 Fellows\nTwenty scientists have been elected Fellows of the "
        "Australian Academy of Science.\n\nProfessor Ruth Alder, Research School of Chemistry, Australian National "
        "University\nProfessor Kim Lowe, School of Physics, Monash University",
        lang="en",
    )
    assert _facts(extraction, "partOf") == {
        ("Research School of Chemistry, Australian National University", "Australian National University", None),
        ("School of Physics, Monash University", "Monash University", None),
    }


def test_extract_en_scientific_journal_medal_and_prize_and_programmes_of_funders() -> None:
    extraction = _extract(
        'Cooling\nThe findings were published in the scientific journal Advanced Materials in the paper "A '
        'recyclable hydrogel for cooling". This work was supported by a grant from the Japan Society for the '
        "Promotion of Science (JSPS), by CREST of the Japan Science and Technology Agency (JST), and by the National "
        "Institutes of Health. Dr Rhys Pendle was awarded the IOP's Clifford Paterson Medal and Prize in 2024.",
        lang="en",
    )
    assert _names(extraction, "Journal") == {"Advanced Materials"}
    assert _names(extraction, "Funder") == {
        "Japan Society for the Promotion of Science",
        "Japan Science and Technology Agency",
        "National Institutes of Health",
    }
    assert _facts(extraction, "received") == {("Rhys Pendle", "Clifford Paterson Medal and Prize", "2024")}


def test_extract_en_recipients_listed_by_paragraph_under_a_title_that_says_earn() -> None:
    extraction = _extract(
        "Five Harwood faculty members earn NSF CAREER awards\nFive Harwood University assistant professors have "
        "received 2025 CAREER awards from the National Science Foundation.\n\nThis year's recipients:\n\n"
        "Chukwuemeka Obiora, Elmore Family School of Electrical and Computer Engineering, will use his award to build "
        "chips.\n\nIn the Department of Chemistry, Isabel Navarra studies how metal ions help proteins fold.\n\n"
        "Ji-hye Yoona joined the Department of Computer Science in 2021.",
        lang="en",
    )
    assert {a for a, _, _ in _facts(extraction, "received")} == {"Chukwuemeka Obiora", "Isabel Navarra", "Ji-hye Yoona"}
    assert (
        "Elmore Family School of Electrical and Computer Engineering, Harwood University",
        "Harwood University",
        None,
    ) in _facts(extraction, "partOf")


def test_extract_en_a_university_named_after_its_place_ends_before_and() -> None:
    extraction = _extract(
        "Partnership\nA partnership between the University of Manchester and Johnson Matthey will develop "
        "catalysts with the University of Science and Technology of China.",
        lang="en",
    )
    assert _names(extraction, "Institution") == {"University of Manchester", "中国科学技术大学"}


def test_extract_en_first_author_after_an_apposition_and_co_corresponding_authors_with_their_unit() -> None:
    extraction = _extract(
        'Rice\nThe paper, titled "A calcium channel couples cold perception to chloroplast protection", appears in '
        "Science Advances. Dr. Xu Lingyan, a postdoctoral fellow in Prof. Chen's group, is the first author of the "
        "paper. Prof. Chen Wenhai and Prof. Gao Shuyan of IGDB are the co-corresponding authors.",
        lang="en",
    )
    assert _facts(extraction, "authorOf") == {
        ("Xu Lingyan", "A calcium channel couples cold perception to chloroplast protection", "first"),
        ("Chen Wenhai", "A calcium channel couples cold perception to chloroplast protection", "corresponding"),
        ("Gao Shuyan", "A calcium channel couples cold perception to chloroplast protection", "corresponding"),
    }


def test_extract_en_units_owned_by_a_university_named_by_a_word_or_a_tail() -> None:
    extraction = _extract(
        "Magnets\nThe crystals were grown by Kenta Morishiga at the University of Tokyo's Institute for Solid State "
        "Physics. Adaeze Nwosi, a physicist at the University of Cambridge's Cavendish Laboratory, commented.",
        lang="en",
    )
    assert {(a, b) for a, b, _ in _facts(extraction, "partOf")} == {
        ("Institute for Solid State Physics, University of Tokyo", "University of Tokyo"),
        ("Cavendish Laboratory", "University of Cambridge"),
    }
    assert _facts(extraction, "affiliatedWith") == {
        ("Kenta Morishiga", "Institute for Solid State Physics, University of Tokyo", None),
        ("Adaeze Nwosi", "Cavendish Laboratory", None),
    }


def test_extract_en_co_authored_by_names_with_degrees_past_semicolons() -> None:
    extraction = _extract(
        'Trial\nThe paper, "Text message coaching and blood pressure," was co-authored by Priya Raghunatha, PhD, of '
        "the Department of Biostatistics; Elena Castellana, MD, of Meharry Medical College; and James Okafo, DrPH, of "
        "the Harwood School of Public Health.",
        lang="en",
    )
    assert {a for a, _, _ in _facts(extraction, "authorOf")} == {"Priya Raghunatha", "Elena Castellana", "James Okafo"}
    assert ("Elena Castellana", "Meharry Medical College", None) in _facts(extraction, "affiliatedWith")


def test_extract_en_prize_lines_with_a_dash_and_a_title_in_single_quotes() -> None:
    extraction = _extract(
        "Royal Society of Chemistry announces 2025 prize winners\nCorday-Morgan Prize – Dr Fiona MacLeash, School of "
        "Chemistry, University of Edinburgh. She designs molecular cages.\nTilden Prize – Professor Rajiv Menen, "
        "Department of Materials, Imperial College London. A Fellow of the Royal Society since 2018, Menen builds "
        "porous polymers.\nThe result was published in the international academic journal 'Advanced Energy "
        "Materials' with the title of 'Dynamic boronic ester networks for solid electrolytes'.",
        lang="en",
    )
    assert _facts(extraction, "received") == {
        ("Fiona MacLeash", "Corday-Morgan Prize", "2025"),
        ("Rajiv Menen", "Tilden Prize", "2025"),
    }
    assert _facts(extraction, "publishedIn") == {
        ("Dynamic boronic ester networks for solid electrolytes", "Advanced Energy Materials", None)
    }


def test_extract_en_phd_candidate_of_a_department_after_the_degree() -> None:
    extraction = _extract(
        "Battery\nIn this research, Seo-Yeon Parke, Ph.D. candidate of KAIST Department of Chemical and Biomolecular "
        "Engineering, participated as the first author.",
        lang="en",
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("Seo-Yeon Parke", "KAIST Department of Chemical and Biomolecular Engineering", None)
    }


def test_extract_en_a_university_at_its_campus_city() -> None:
    extraction = _extract(
        "Trial\nJames Okafo, DrPH, of the School of Public Health at the University of Alabama at Birmingham spoke. "
        "Ann Lea of the University of Texas at Austin and Tom Hille of the University of Oxford at Harwell Campus "
        "joined.",
        lang="en",
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("James Okafo", "School of Public Health, University of Alabama at Birmingham", None),
        ("Ann Lea", "University of Texas at Austin", None),
        ("Tom Hille", "University of Oxford", None),
    }


def test_extract_zh_conjunction_inside_a_department_name() -> None:
    extraction = _extract("新闻\n北岭大学电子和计算机工程系教授柯立川发言。")
    assert _facts(extraction, "affiliatedWith") == {("柯立川", "北岭大学电子和计算机工程系", None)}


def test_extract_zh_job_title_between_a_unit_and_the_next_university_ends_the_unit() -> None:
    extraction = _extract("新闻\n材料学院冉立川副研究员与北岭大学高分子科学系教授岑海川合作，研制出晶体管阵列。")
    assert _names(extraction, "Researcher") == {"冉立川", "岑海川"}
    assert _facts(extraction, "affiliatedWith") == {
        ("冉立川", "材料学院", None),
        ("岑海川", "北岭大学高分子科学系", None),
    }


def test_extract_zh_profile_with_unit_and_post_and_a_supervisor() -> None:
    extraction = _extract(
        "【人物专访】邢晓川：在细胞里看见时间\n编者按：邢晓川，生命科学学院研究员，博士生导师。\n"
        "问：您为什么选择这个方向？\n答：我在北岭大学读博士时，导师龚仲川教授让我做了一个小项目。"
    )
    assert _names(extraction, "Researcher") == {"邢晓川", "龚仲川"}
    assert _facts(extraction, "affiliatedWith") == {("邢晓川", "生命科学学院", None)}


def test_extract_zh_invitation_is_no_part_of_the_unit() -> None:
    extraction = _extract("学术报告\n应化学系邀请，北岭大学教授柯海川来校作报告。应用数学系教授闻立川主持报告会。")
    assert _names(extraction, "Institution") == {"化学系", "应用数学系", "北岭大学"}


def test_extract_en_prize_awarded_jointly_to_a_list_with_institutions_and_places() -> None:
    extraction = _extract(
        "Chemistry prize 2026\nThe academy has decided to award the Halvard Prize in Chemistry 2026 jointly to "
        "Annelise Kovrin, University of Ljubor, Slovenia, Tomás Echeverro, Harwick University, Cambridge, "
        "United States and Yuki Hanamori, Kyoba University, Japan “for the discovery of enzymes that proofread DNA”.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Annelise Kovrin", "Tomás Echeverro", "Yuki Hanamori"}
    assert _facts(extraction, "received") == {
        ("Annelise Kovrin", "Halvard Prize in Chemistry", "2026"),
        ("Tomás Echeverro", "Halvard Prize in Chemistry", "2026"),
        ("Yuki Hanamori", "Halvard Prize in Chemistry", "2026"),
    }
    assert not _facts(extraction, "collaboratedWith")


def test_extract_funders_of_a_body_s_programme_and_of_a_project_taken_on() -> None:
    en = _extract(
        'Soil carbon\nThe paper "A global map of soil carbon" was published in Nature. The study was supported by '
        "the Eastland Commission's Horizon Eastland programme.",
        lang="en",
    )
    assert _names(en, "Funder") == {"Eastland Commission", "Horizon Eastland"}
    zh = _extract("项目启动\n由我校牵头承担的国家重点研发计划“新型储能”重点专项项目启动会召开。")
    assert _names(zh, "Funder") == {"国家重点研发计划"}


def test_extract_en_journal_after_an_abbreviated_month_and_in_brackets() -> None:
    extraction = _extract(
        "Migraine gene\nThe study, published Oct. 29 in the American Journal of Human Genetics, analysed 90,000 "
        "genomes. In a second study, the team showed that twisted graphene can superconduct (Nature Physics).",
        lang="en",
    )
    assert _names(extraction, "Journal") == {"American Journal of Human Genetics", "Nature Physics"}


def test_extract_en_job_words_and_joint_analysis() -> None:
    extraction = _extract(
        "Migraine gene\nFirst author Yasmin Karimova, a graduate student at Pinecrest University, performed the "
        "analysis with Cascade Genomics Institute statistician Leo Parkes.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Yasmin Karimova", "Leo Parkes"}
    assert _facts(extraction, "affiliatedWith") == {
        ("Yasmin Karimova", "Pinecrest University", None),
        ("Leo Parkes", "Cascade Genomics Institute", None),
    }
    assert {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")} == {
        frozenset(("Yasmin Karimova", "Leo Parkes"))
    }


def test_extract_list_line_laureate_then_dash_then_prize() -> None:
    extraction = _extract(
        "Grants and awards\n• Dr Laila Haddon (Chemistry) — Royal Society Wolfson Fellowship\n"
        "• Dr Mei Tanabe (Biology) — Leverhulme Prize\n",
        lang="en",
    )
    assert _facts(extraction, "received") == {
        ("Laila Haddon", "Royal Society Wolfson Fellowship", None),
        ("Mei Tanabe", "Leverhulme Prize", None),
    }


def test_extract_zh_award_name_opened_by_an_acronym() -> None:
    extraction = _extract("简讯\n电气工程学院青年教师祁梦川获2026年度IEEE电力与能源协会杰出青年工程师奖。")
    assert _facts(extraction, "received") == {("祁梦川", "IEEE电力与能源协会杰出青年工程师奖", "2026")}


def test_extract_honours_are_no_part_of_a_name_and_a_named_chair_is_a_post() -> None:
    en = _extract(
        "Research package\nProfessor Dame Ottilie Leysen, chief executive of the research council, welcomed it. "
        "Sir Pauling Nurseworth, a professor at Marsden University, agreed.",
        lang="en",
    )
    assert _names(en, "Researcher") == {"Ottilie Leysen", "Pauling Nurseworth"}
    zh = _extract("科研工作会议\n化学化工学院院长、长江学者特聘教授房茂川作交流发言。")
    assert _facts(zh, "affiliatedWith") == {("房茂川", "化学化工学院", None)}


def test_extract_en_possessive_after_a_titled_name() -> None:
    extraction = _extract(
        "Plastic from CO2\nResearchers in Professor Kofi Mensar's group have turned carbon dioxide into plastic. "
        "Professor Kofi Mensar said the catalyst is cheap.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Kofi Mensar"}
    assert not _facts(extraction, "collaboratedWith")


def test_extract_en_asian_name_orders_and_titles() -> None:
    extraction = _extract(
        "Robotics win\nA team led by Assoc Prof Lim Boon Kheng from the Department of Mechanical Engineering at "
        "Merlion University won first prize. Team members included PhD candidates Tan Wei Lin and Muhammad Hafiz "
        "bin Ahmadi.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Lim Boon Kheng", "Tan Wei Lin", "Muhammad Hafiz bin Ahmadi"}


def test_extract_en_a_place_in_a_body_s_name_is_no_short_institution() -> None:
    extraction = _extract(
        "Solar cell\nDr Chan Siu-ming of the Harbour University of Science and Technology co-authored the paper. "
        "The research was supported by the Research Grants Council of Harbour.",
        lang="en",
    )
    (inst,) = [e for e in extraction.entities if e.type == "Institution"]
    assert "Harbour" not in inst.aliases


def test_extract_zh_traditional_grant_wording() -> None:
    extraction = _extract("新材料\n中央研究院物理研究所研究員林志遠的研究獲國家科學及技術委員會經費補助。")
    assert _names(extraction, "Funder") == {"国家科学及技术委员会"}


def test_extract_zh_hospital_clinical_department() -> None:
    extraction = _extract(
        "临床研究\n东岭大学附属中山医院神经内科主任医师顾长川教授团队发表论文。神经内科副主任医师祝文川为第一作者。"
        "骨科手术机器人投入使用，眼科学研究持续推进。"
    )
    assert _names(extraction, "Institution") == {
        "东岭大学",
        "东岭大学附属中山医院",
        "东岭大学附属中山医院神经内科",
    }
    assert _facts(extraction, "affiliatedWith") == {
        ("顾长川", "东岭大学附属中山医院神经内科", None),
        ("祝文川", "东岭大学附属中山医院神经内科", None),
    }
    assert _facts(extraction, "partOf") == {
        ("东岭大学附属中山医院神经内科", "东岭大学附属中山医院", None),
        ("东岭大学附属中山医院", "东岭大学", None),
    }


def test_extract_zh_person_after_a_unit_s_other_name_in_brackets_and_the_most_specific_unit() -> None:
    extraction = _extract(
        "十大进展\n东岭军医大学第二附属医院（东岭长风医院）徐沪川、南屿大学医学院附属第二医院吴华川等开展临床研究。"
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("徐沪川", "东岭军医大学第二附属医院", None),
        ("吴华川", "南屿大学医学院附属第二医院", None),
    }


def test_extract_zh_prize_of_a_later_clause_pronoun_and_a_prize_s_variant() -> None:
    extraction = _extract(
        "基础物理学突破奖\n“基础物理学特别突破奖”的另一获奖者是荷兰理论物理学家赫拉尔·霍川（Gerard Hochuan）。"
        "作为当代最杰出的理论物理学家之一，他曾因对弱核力研究的贡献获 1999 年诺贝尔物理学奖。",
        parent_title="2025 年度“科学突破奖”获奖名单发布",
    )
    assert _facts(extraction, "received") == {
        ("赫拉尔·霍川", "基础物理学特别突破奖", "2025"),
        ("赫拉尔·霍川", "诺贝尔物理学奖", "1999"),
    }


def test_extract_zh_subjects_of_the_publishing_verb_wrote_the_paper() -> None:
    extraction = _extract(
        "研究成果\n郑义川、罗键川老师在高水平期刊《Journal of Manufacturing Processes》上发表了题为"
        "“A thermal history-based approach to predict properties”研究成果。"
    )
    assert _facts(extraction, "authorOf") == {
        ("郑义川", "A thermal history-based approach to predict properties", None),
        ("罗键川", "A thermal history-based approach to predict properties", None),
    }


def test_extract_en_lab_owner_is_no_author_and_a_group_leader_s_institute() -> None:
    extraction = _extract(
        "Self-healing electrolyte\nThe team, co-led by Stanmore assistant professor Julia Ferrano and Rhine Institute "
        "for Energy Materials group leader Dr. Tobias Lenzing, reports in Science. Graduate students Amir Haddani "
        "and Chloe Bankes, both in Ferrano's lab, are co-first authors of the paper, titled "
        '"Autonomous healing of solid polymer electrolytes."',
        lang="en",
    )
    # (the lab's owner takes no "first" role from her students' clause; as a leader of the team that reports the
    # paper she is one of its authors, role unstated)
    assert _facts(extraction, "authorOf") == {
        ("Amir Haddani", "Autonomous healing of solid polymer electrolytes", "first"),
        ("Chloe Bankes", "Autonomous healing of solid polymer electrolytes", "first"),
        ("Julia Ferrano", "Autonomous healing of solid polymer electrolytes", None),
        ("Tobias Lenzing", "Autonomous healing of solid polymer electrolytes", None),
    }
    # (Stanmore, written short with no full name in the text, names no institution)
    assert _facts(extraction, "affiliatedWith") == {("Tobias Lenzing", "Rhine Institute for Energy Materials", None)}


def test_extract_en_career_awards_from_a_funder() -> None:
    extraction = _extract(
        "Two faculty members receive NSF CAREER awards\nTwo assistant professors at Ridgemoor State University have "
        "received Faculty Early Career Development (CAREER) awards from the National Science Foundation. "
        "Dr. Priyanka Raol, assistant professor of civil engineering, will study bridges.",
        lang="en",
    )
    assert _names(extraction, "Award") == {"NSF CAREER Award"}
    assert _names(extraction, "Funder") == {"National Science Foundation"}
    assert _facts(extraction, "received") == {("Priyanka Raol", "NSF CAREER Award", None)}


def test_extract_en_job_title_is_no_name_and_a_prize_after_an_opening_year() -> None:
    extraction = _extract(
        "Physicist appointed\nProfessor Karin Holmer, a quantum physicist at Uppsund University, has been appointed "
        "Chief Scientist of the Nordic Quantum Laboratory. In 2021 she received the Gustafsson Prize in Physics.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Karin Holmer"}
    assert _facts(extraction, "received") == {("Karin Holmer", "Gustafsson Prize in Physics", "2021")}


def test_extract_zh_roles_in_brackets_after_each_name_and_the_one_without() -> None:
    extraction = _extract(
        "国际合作\n由东岭大学海洋科学学院教授冉明川（第一作者）、英国北屿大学教授Helen Mortimore（通讯作者）和"
        "中国极地研究中心研究员包卫川共同完成的研究成果在《自然·地球科学》发表。论文题为“Warm water drives ice loss”。"
    )
    assert _facts(extraction, "authorOf") == {
        ("冉明川", "Warm water drives ice loss", "first"),
        ("Helen Mortimore", "Warm water drives ice loss", "corresponding"),
        ("包卫川", "Warm water drives ice loss", None),
    }


def test_extract_zh_also_an_author_of_the_paper() -> None:
    extraction = _extract(
        "新闻\n北岭大学教授柯明远在《自然》发表题为“Fast ions”的论文。博士生闻立川为第一作者，柯明远为通讯作者。"
        "东岭大学研究员聂书川亦为论文作者，负责谱学表征。"
    )
    assert _facts(extraction, "authorOf") == {
        ("闻立川", "Fast ions", "first"),
        ("柯明远", "Fast ions", "corresponding"),
        ("聂书川", "Fast ions", "co-author"),
    }


def test_extract_en_journal_named_after_of_the_journal() -> None:
    extraction = _extract(
        "New editor\nProfessor Ana Ruizo, a biologist at the University of Barcella, is the new editor-in-chief of "
        "the journal Molecular Cell.",
        lang="en",
    )
    assert _names(extraction, "Journal") == {"Molecular Cell"}


def test_extract_zh_pipe_table_rows() -> None:
    extraction = _extract(
        "我校成果获奖\n部分获奖项目如下：\n| 序号 | 项目名称 | 奖种 | 主要完成人 |\n| --- | --- | --- | --- |\n"
        "| 1 | 高性能锂硫电池关键材料 | 技术发明奖 | 戚晓川，柏明川 |\n| 2 | 脑卒中精准诊疗体系 | 科技进步奖 | 顾长川 |"
    )
    assert _facts(extraction, "received") == {
        ("戚晓川", "技术发明奖", None),
        ("柏明川", "技术发明奖", None),
        ("顾长川", "科技进步奖", None),
    }


def test_extract_zh_table_rows_wrapped_onto_the_next_line() -> None:
    # a list of names cut after its comma, and a project title cut in the middle, each go on in the next line
    extraction = _extract(
        "北岭大学2026年度获奖项目\n获奖项目如下：\n序号\t项目名称\t主要完成人\t奖励等级\n"
        "1\t桥梁结构设计关键技术\t冼立川，陶敏川，\n葛云川\t国家科学技术进步奖一等奖\n"
        "2\t重症救治体系的建立\n与推广\t莫晓川，冉泊川\t国家科学技术进步奖二等奖\n"
        "注：完成人排序以公布的名单为准。"
    )
    # (a national prize's grade is a prize of its own, part of the prize)
    assert _facts(extraction, "received") == {
        ("冼立川", "国家科学技术进步奖一等奖", "2026"),
        ("陶敏川", "国家科学技术进步奖一等奖", "2026"),
        ("葛云川", "国家科学技术进步奖一等奖", "2026"),
        ("莫晓川", "国家科学技术进步奖二等奖", "2026"),
        ("冉泊川", "国家科学技术进步奖二等奖", "2026"),
    }
    assert {frozenset(pair[:2]) for pair in _facts(extraction, "collaboratedWith")} == {
        frozenset(pair)
        for pair in [("冼立川", "陶敏川"), ("冼立川", "葛云川"), ("陶敏川", "葛云川"), ("莫晓川", "冉泊川")]
    }


def test_extract_en_institution_after_the_second_listed_coauthor_and_none_inside_a_journal() -> None:
    extraction = _extract(
        "Bee signals\nThe findings were published in the Proceedings of the National Academy of Sciences. "
        "Co-authors include Tom Whitcombe of the University of Exmoor and Aiko Morita of Kyoba University.",
        lang="en",
    )
    assert _names(extraction, "Institution") == {"University of Exmoor", "Kyoba University"}
    assert _facts(extraction, "affiliatedWith") == {
        ("Tom Whitcombe", "University of Exmoor", None),
        ("Aiko Morita", "Kyoba University", None),
    }


def test_extract_en_release_staff_named_by_a_job_word_before_them() -> None:
    extraction = _extract(
        "Bee signals\nUniversity of Caldermoor researchers have found that bees warn each other. The paper's lead "
        "author is doctoral researcher Maya Lindqvar; her adviser, entomologist Dr. Rahim Qureshy, is senior author.",
        lang="en",
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("Maya Lindqvar", "University of Caldermoor", None),
        ("Rahim Qureshy", "University of Caldermoor", None),
    }


def test_extract_zh_recruit_joins_a_unit_and_a_foreign_university_written_with_its_country() -> None:
    extraction = _extract(
        "人才引进\n近日，化学家祁振川教授全职加盟我校化学与化工学院。祁振川教授此前任美国西北大学化学系终身教授，"
        "曾获美国化学会亚瑟·柯普学者奖。学校技术转移中心提供服务。"
    )
    assert _facts(extraction, "affiliatedWith") == {("祁振川", "化学与化工学院", None)}
    assert "Northwestern University" in _names(extraction, "Institution")
    assert _names(extraction, "Institution") == {"化学与化工学院", "Northwestern University", "西北大学化学系"}
    assert not any("技术转移中心" in name for name in _names(extraction, "Institution"))
    assert _names(extraction, "Award") == {"美国化学会亚瑟·柯普学者奖"}


def test_extract_en_led_by_a_list_sharing_one_institution_and_plural_doctors() -> None:
    led = _extract(
        "Horse domestication\nThe study was led by Ludovic Orlant, Pablo Libradi, and Naveed Khanna of the Centre for "
        "Anthropobiology of Toulouse. It appears in Nature.",
        lang="en",
    )
    assert _facts(led, "affiliatedWith") == {
        (name, "Centre for Anthropobiology of Toulouse", None)
        for name in ("Ludovic Orlant", "Pablo Libradi", "Naveed Khanna")
    }
    doctors = _extract(
        "Microplastics\nDrs. Emma Clarkson and Jonas Weberling, who developed the method, say it could be used in "
        "routine checks. The team at the Department of Civil and Environmental Engineering agreed.",
        lang="en",
    )
    assert _names(doctors, "Researcher") == {"Emma Clarkson", "Jonas Weberling"}


def test_extract_zh_japanese_names_and_a_transliterated_name_written_short() -> None:
    extraction = _extract(
        "学者来访\n美国北湾大学教授托马斯·海格川（Thomas Hegelchuan）访问我校。日本京川大学教授山田健太川、"
        "韩国首川大学教授金志川一同来访。海格川教授作学术报告。"
    )
    assert _names(extraction, "Researcher") == {"托马斯·海格川", "山田健太川", "金志川"}
    assert not _facts(extraction, "collaboratedWith")


def test_extract_en_newcomer_joins_a_unit_from_elsewhere() -> None:
    extraction = _extract(
        "New professor of astrophysics\nProfessor Arjun Nairo has joined the School of Physics and Astronomy from the "
        "University of Torbay. In 2024 he received the Fowler Award.",
        lang="en",
    )
    assert _facts(extraction, "affiliatedWith") == {("Arjun Nairo", "School of Physics and Astronomy", None)}
    assert not _facts(extraction, "partOf")


def test_extract_zh_two_papers_each_with_its_authors_and_funding_for_both() -> None:
    extraction = _extract(
        "连发两篇论文\n其一，化学学院窦明川教授团队在《自然》发表题为“Chiral silanes”的论文。"
        "博士研究生龙晓月为第一作者，窦明川为通讯作者。\n其二，化学学院喻海川研究员在《科学》发表题为"
        "“Electron dynamics”的论文。博士后严子川为第一作者，喻海川为通讯作者。\n两项研究均得到国家自然科学基金的资助。"
    )
    assert _facts(extraction, "authorOf") == {
        ("龙晓月", "Chiral silanes", "first"),
        ("窦明川", "Chiral silanes", "corresponding"),
        ("严子川", "Electron dynamics", "first"),
        ("喻海川", "Electron dynamics", "corresponding"),
    }
    assert _facts(extraction, "fundedBy") == {
        ("Chiral silanes", "国家自然科学基金", None),
        ("Electron dynamics", "国家自然科学基金", None),
    }
    pairs = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert pairs == {frozenset(("龙晓月", "窦明川")), frozenset(("严子川", "喻海川"))}


def test_extract_en_subjects_who_report_a_titled_paper_are_its_authors() -> None:
    extraction = _extract(
        'Two studies\nIn the first, published in Nature Chemistry and titled "Light-driven nitrogen fixation", '
        "Professor Omar Haddar and graduate student Lily Chenn show that a copper complex makes ammonia. "
        "Chenn is the paper's first author.",
        lang="en",
    )
    assert _facts(extraction, "authorOf") == {
        ("Lily Chenn", "Light-driven nitrogen fixation", "first"),
        ("Omar Haddar", "Light-driven nitrogen fixation", None),
    }


def test_extract_en_honours_list_department_brackets_and_a_giver_s_medal() -> None:
    extraction = _extract(
        "Awards and honours\n• Dr Marcus Yeoh (Physics) received the Institute of Physics Moseley Medal and Prize.\n"
        "• Dr Tom Reillan (Engineering) has been awarded a Future Leaders Fellowship.\n",
        lang="en",
    )
    assert not _names(extraction, "Journal")
    assert not _names(extraction, "Institution")
    assert _facts(extraction, "received") == {
        ("Marcus Yeoh", "Institute of Physics Moseley Medal and Prize", None),
        ("Tom Reillan", "Future Leaders Fellowship", None),
    }


def test_extract_zh_japanese_names_that_open_with_a_common_word_or_stand_before_a_verb() -> None:
    extraction = _extract(
        "来访\n日本东川大学教授一行来访。日本京川大学教授田中健太川、日本大川大学教授佐藤由美川作报告。"
    )
    assert _names(extraction, "Researcher") == {"田中健太川", "佐藤由美川"}


def test_extract_en_an_investor_that_led_a_round_is_no_person() -> None:
    extraction = _extract(
        "Spin-out raises funds\nQuantaro Ltd, a spin-out from the University of Brackmoor, was founded by Professor "
        "Ruth Abaro. The round was led by Oxmoor Science Enterprises.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Ruth Abaro"}


def test_extract_en_organisations_after_job_words_or_prize_verbs_are_no_people() -> None:
    extraction = _extract(
        "News\nScientists New Zealand and Engineers Australia welcomed it. The award was shared by Tesla Motors and "
        "General Electric. Researchers Without Borders said so. Professors Anna Kovacs and Ben Lowry agreed.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Anna Kovacs", "Ben Lowry"}


def test_extract_en_the_team_a_release_names_wrote_the_one_paper_it_reports() -> None:
    extraction = _extract(
        "Twisted magnets\nIn a paper published today in Nature, a team led by physicist Tobias Engvall at ETH Zurich "
        'reports a lattice of skyrmions. The study, "Room-temperature skyrmions in twisted magnets", used X-ray '
        "microscopy. The imaging was led by co-author Marisa Quintana, a beamline scientist at the Paul Scherrer "
        "Institute. The crystals were grown by Dr Kenta Morishita at the University of Tokyo.\n\n"
        "Adaeze Nwachukwu, a physicist at the University of Cambridge who was not involved in the work, calls the "
        'results "clean". Dr Graham Tullow, EPSRC Deputy Director for Physical Sciences, said the work was timely.',
        lang="en",
    )
    paper = "Room-temperature skyrmions in twisted magnets"
    assert _facts(extraction, "authorOf") == {
        ("Tobias Engvall", paper, None),
        ("Marisa Quintana", paper, "co-author"),
        ("Kenta Morishita", paper, None),
    }
    assert {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")} == {
        frozenset(pair)
        for pair in (
            ("Tobias Engvall", "Marisa Quintana"),
            ("Tobias Engvall", "Kenta Morishita"),
            ("Marisa Quintana", "Kenta Morishita"),
        )
    }
    # (a funder's officer who speaks for it is no researcher)
    assert "Graham Tullow" not in _names(extraction, "Researcher")


def test_extract_en_no_default_authors_for_two_papers_or_a_paper_without_its_journal() -> None:
    two = _extract(
        'Two papers\nDr Lena Marsh reports "Cold ice grows slowly" in Nature. Dr Omar Hadid wrote "Warm ice melts '
        'fast", published in Science. Professor Ruth Alden of Northgate University leads the lab.',
        lang="en",
    )
    assert "Ruth Alden" not in {a for a, _, _ in _facts(two, "authorOf")}
    passing = _extract(
        'Profile\nProfessor Ruth Alden of Northgate University is known for "Cold ice grows slowly". Dr Omar Hadid '
        "of Southgate University joined her group.",
        lang="en",
    )
    assert _facts(passing, "authorOf") == set()


def test_extract_en_a_body_after_led_by_and_a_named_campus_are_no_people() -> None:
    extraction = _extract(
        "Permafrost\nA study led by ETH Zurich shows that old carbon dominates. Dr Lorenz Imhof of ETH Zurich led the "
        "fieldwork on NTU's Yunnan Garden campus.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Lorenz Imhof"}


def test_extract_en_a_unit_before_an_institution_the_gazetteer_knows_or_after_its_short_form() -> None:
    extraction = _extract(
        "Prizes\nTilden Prize – Professor Rajiv Menard, Department of Materials, Imperial College London, for porous "
        "polymers. A team led by Prof. Chen Wenhai from the College of Agriculture and Biotechnology (CAB), Zhejiang "
        "University (ZJU), found a channel.",
        lang="en",
    )
    assert _facts(extraction, "partOf") == {
        ("Department of Materials, Imperial College London", "Imperial College London", None),
        ("College of Agriculture and Biotechnology, Zhejiang University", "浙江大学", None),
    }
    assert _facts(extraction, "affiliatedWith") == {
        ("Rajiv Menard", "Department of Materials, Imperial College London", None),
        ("Chen Wenhai", "College of Agriculture and Biotechnology, Zhejiang University", None),
    }


def test_extract_zh_project_table_with_an_undertaking_unit_column() -> None:
    extraction = _extract(
        "2025年度省自然科学基金重大项目立项名单公布\n部分立项项目如下：\n"
        "序号　项目名称　项目负责人　承担单位\n1　深海冷泉碳氮循环耦合机制　褚云川　东岭大学\n"
        "2　小麦耐盐碱关键基因挖掘　阚书川　南湖农业大学\n"
    )
    assert _facts(extraction, "affiliatedWith") == {("褚云川", "东岭大学", None), ("阚书川", "南湖农业大学", None)}


def test_extract_zh_funders_with_their_english_names_in_brackets_and_a_yu_inside_a_known_name() -> None:
    extraction = _extract(
        "新闻\n论文题为“Sleep replay of foraging routes”。该研究得到欧洲研究理事会（European Research Council）"
        "和英国生物技术与生物科学研究理事会（BBSRC）的资助。"
    )
    assert {b for _, b, _ in _facts(extraction, "fundedBy")} == {
        "European Research Council",
        "Biotechnology and Biological Sciences Research Council",
    }


def test_extract_zh_a_research_group_leader_is_a_researcher_a_group_leader_alone_an_official() -> None:
    extraction = _extract(
        "新闻\n论文通讯作者、北岭大学研究组组长卡特琳·沃尔宁（Katrin Wohlning）博士介绍，团队植入了电极。"
        "活动由工会小组组长俞曼川主持。"
    )
    assert _names(extraction, "Researcher") == {"卡特琳·沃尔宁"}


def test_extract_zh_english_journals_named_by_editorial_posts_and_in_a_list_of_journals() -> None:
    extraction = _extract(
        "新闻\n材料学院褚沐川教授当选Journal of Materials Science & Technology副主编。邝予川教授受聘担任国际期刊"
        "Translational Neurodegeneration编委。他在IEEE Transactions on Software Engineering、ACM Transactions on "
        "Software Engineering and Methodology等期刊发表论文。"
    )
    assert _names(extraction, "Journal") == {
        "Journal of Materials Science & Technology",
        "Translational Neurodegeneration",
        "IEEE Transactions on Software Engineering",
        "ACM Transactions on Software Engineering and Methodology",
    }


def test_extract_zh_a_conference_prize_keeps_its_acronym_and_year_and_a_bare_best_paper_award_is_none() -> None:
    extraction = _extract(
        "智能学院博士生雷皓川获URSO 2025最佳论文奖\n北岭大学博士生雷皓川的论文荣获大会最佳论文奖。"
        "大会最终评选出最佳论文奖1项。他此前获ACM SIGSOFT杰出论文奖。"
    )
    assert _names(extraction, "Award") == {"URSO 2025最佳论文奖", "ACM SIGSOFT杰出论文奖"}


def test_extract_zh_a_verb_the_word_school_or_a_time_before_a_bare_college_is_no_part_of_it() -> None:
    extraction = _extract(
        "新闻\n北岭大学化学学院院长车明川代表学院致辞。双方将在学校工学院建设联合实验室。近年来学院持续鼓励研究生参加会议。"
    )
    # (学校工学院 is the university's own 工学院)
    assert _names(extraction, "Institution") == {"北岭大学", "北岭大学化学学院", "北岭大学工学院"}


def test_extract_en_the_journal_after_published_in_a_title_holding_in_and_a_reference_without_a_title() -> None:
    extraction = _extract(
        "Ethanol from CO2\nThe research was led by Prof. Bhaskar Jyoti Saikom of IIT Guwahati. The findings have "
        'been published in the journal ACS Catalysis in a paper titled "Boron-stabilised Cu+ sites in Cu2O nanocubes '
        'for selective electroreduction".\n\nReference: A. Borak, R. Kalitha, B. J. Saikom, ACS Catalysis 2025, 15, '
        "11842–11853. DOI: 10.1021/acscatal.5c04127",
        lang="en",
    )
    paper = "Boron-stabilised Cu+ sites in Cu2O nanocubes for selective electroreduction"
    assert _names(extraction, "Journal") == {"ACS Catalysis"}
    assert _names(extraction, "Publication") == {paper}
    assert _facts(extraction, "publishedIn") == {(paper, "ACS Catalysis", None)}


def test_extract_en_funding_bodies_past_a_grant_s_name_and_a_programme_of_a_department_and_a_title_cased_job() -> None:
    extraction = _extract(
        "IIT Guwahati researchers develop a catalyst\nGuwahati, 3 June 2025: Researchers at the Indian Institute of "
        "Technology Guwahati have made a catalyst. Adjunct Associate Professor Lim Wei Jee, Senior Consultant at the "
        "Department of Chemistry, led the work. The research was supported by the Science and Engineering Research "
        "Board (SERB) under its Core Research Grant, the Nano Mission of the Department of Science and Technology "
        "(DST), and the Department of Biotechnology (DBT), Government of India.",
        lang="en",
    )
    assert _names(extraction, "Funder") == {
        "Science and Engineering Research Board",
        "Department of Science and Technology",
        "Department of Biotechnology",
    }
    assert _names(extraction, "Researcher") == {"Lim Wei Jee"}
    assert _facts(extraction, "affiliatedWith") == {
        ("Lim Wei Jee", "Department of Chemistry, Indian Institute of Technology Guwahati", None)
    }


def test_extract_en_a_unit_of_the_body_a_laboratory_s_field_list_and_funders_of_a_funding_round() -> None:
    extraction = _extract(
        "Glaciers\nHuo Xiaowei, a glaciologist at the National Climate Center of the China Meteorological "
        "Administration, commented. Zhang Ruixia, a researcher at the State Key Laboratory of Tibetan Plateau Earth "
        "System, Environment and Resources, led it. Researchers at Northgate University will share $5 million in the "
        "latest funding round through the Natural Sciences and Engineering Research Council of Canada (NSERC) and the "
        "Canada Foundation for Innovation (CFI). The study was funded through Assoc Prof Lim's Clinician Scientist "
        "Award.",
        lang="en",
    )
    assert _facts(extraction, "partOf") == {("National Climate Center", "China Meteorological Administration", None)}
    assert _facts(extraction, "affiliatedWith") == {
        ("Huo Xiaowei", "National Climate Center", None),
        ("Zhang Ruixia", "State Key Laboratory of Tibetan Plateau Earth System, Environment and Resources", None),
    }
    assert _names(extraction, "Funder") == {
        "Natural Sciences and Engineering Research Council of Canada",
        "Canada Foundation for Innovation",
    }
    assert _names(extraction, "Researcher") == {"Huo Xiaowei", "Zhang Ruixia"}


def test_extract_en_a_field_s_scientist_by_suffix_and_a_name_with_and_without_its_middle_name() -> None:
    extraction = _extract(
        "Obituary\nMargaret Ellery Thornbeck, a marine geochemist whose measurements changed the field, has died. "
        "Professor Margaret Thornbeck joined Woods Hole in 1992. In 1995 Thornbeck moved to Boston.\n\n"
        "Her honours included the Maurice Ewing Medal (1989).",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Margaret Thornbeck"}
    assert {e.name: e.aliases for e in extraction.entities}["Margaret Thornbeck"] == ["Margaret Ellery Thornbeck"]
    assert _facts(extraction, "received") == {("Margaret Thornbeck", "Maurice Ewing Medal", "1989")}


def test_extract_zh_taiwan_release_public_university_corner_bracket_title_and_funding_from_the_council() -> None:
    extraction = _extract(
        "中研院發現水稻根部鐵感測蛋白\n中央研究院植物暨微生物學研究所賴宥川研究員團隊與"
        "國立臺灣大學農藝學系游柏川教授團隊合作。研究成果刊登於國際知名期刊《植物細胞》（The Plant Cell），"
        "論文題目為「A plasma membrane iron sensor couples iron status to root plasticity」。"
        "研究經費由國家科學及技術委員會（國科會）及中研院深耕計畫支持。"
    )
    paper = "A plasma membrane iron sensor couples iron status to root plasticity"
    assert _names(extraction, "Publication") == {paper}
    assert {e.name: e.aliases for e in extraction.entities if e.type == "Institution"} == {
        "中央研究院": [],
        "中央研究院植物暨微生物学研究所": ["中央研究院植物暨微生物學研究所"],
        "台湾大学": ["国立台湾大学", "國立臺灣大學"],
        "国立台湾大学农艺学系": ["國立臺灣大學農藝學系"],
    }
    assert {b for _, b, _ in _facts(extraction, "fundedBy")} == {"国家科学及技术委员会", "中研院深耕计画"}


def test_extract_zh_a_known_foreign_university_cut_at_a_character_read_as_an_adverb_and_a_journal_s_grade() -> None:
    extraction = _extract(
        "新闻\n澳大利亚莫纳什大学土木工程系教授格蕾丝·彭德川（Grace Pendlechuan）参与研究。"
        "成果发表于中科院一区TOP期刊《Water Research》。"
    )
    assert _facts(extraction, "partOf") == {("莫纳什大学土木工程系", "Monash University", None)}
    assert _names(extraction, "Journal") == {"Water Research"}


def test_extract_en_a_known_funder_with_commas_a_school_and_a_hospital_by_its_acronym_and_an_about_heading() -> None:
    extraction = _extract(
        "Septic shock\nDr Corinne Adelsburg of the University of Pittsburgh School of Medicine and UPMC led the "
        'trial "Early vasopressin in adults with septic shock", published in the New England Journal of Medicine. '
        "The trial was funded by the National Heart, Lung, and Blood Institute and the National Center for "
        "Advancing Translational Sciences.\n\nAbout Brookhaven National Laboratory\nBrookhaven is a lab.",
        lang="en",
    )
    assert "National Heart, Lung, and Blood Institute" in _names(extraction, "Funder")
    assert "Blood Institute" not in _names(extraction, "Funder")
    institutions = _names(extraction, "Institution")
    assert {"UPMC", "Brookhaven National Laboratory"} <= institutions
    assert not any(name.startswith("About ") or name.endswith(" and UPMC") for name in institutions)


def test_extract_en_donor_names_with_an_initial_or_a_particle_and_two_prizes_joined_by_and() -> None:
    extraction = _extract(
        "Prizes\nBrennan Achterburg of the William A. Brookshire Department of Chemical Engineering at Northgate "
        "University and Luciana Arrudo of the Luiz de Queiroz College of Agriculture at Southgate University won the "
        "Halvorsen Prize and Keldby Prize. Dr Rhys Pendlow was awarded the Clifford Paterson Medal and Prize in 2024.",
        lang="en",
    )
    assert _facts(extraction, "partOf") == {
        ("William A. Brookshire Department of Chemical Engineering", "Northgate University", None),
        ("Luiz de Queiroz College of Agriculture", "Southgate University", None),
    }
    assert _names(extraction, "Award") == {"Halvorsen Prize", "Keldby Prize", "Clifford Paterson Medal and Prize"}


def test_extract_en_a_university_s_school_named_after_it_degrees_before_an_accented_institution_and_a_pharmacist() -> (
    None
):
    extraction = _extract(
        "Trial\nDr Corinne Adelsburg of the Department of Critical Care Medicine at the University of Northgate "
        "School of Medicine led it. Mariela Quirola, PharmD, a critical care pharmacist at Northgate University, "
        "helped. In an editorial, Helen Dufresny, MD, PhD, of the Université de Montréal, wrote that.",
        lang="en",
    )
    school = "University of Northgate School of Medicine"
    assert _facts(extraction, "partOf") == {
        ("Department of Critical Care Medicine, University of Northgate School of Medicine", school, None),
        (school, "University of Northgate", None),
    }
    assert _facts(extraction, "affiliatedWith") == {
        ("Corinne Adelsburg", "Department of Critical Care Medicine, University of Northgate School of Medicine", None),
        ("Mariela Quirola", "Northgate University", None),
        ("Helen Dufresny", "Université de Montréal", None),
    }


def test_extract_zh_a_press_contact_with_a_phone_number_is_no_researcher() -> None:
    extraction = _extract(
        "新闻\n北岭大学教授俞曼川（Yu Manchuan）领衔研究。\n"
        "媒体联系：Monash University Media & Communications　索菲·布雷川（Sophie Brechuan）　+61 3 9903 4840"
    )
    assert _names(extraction, "Researcher") == {"俞曼川"}


def test_extract_en_a_publication_details_block_and_a_unit_s_field_after_for() -> None:
    extraction = _extract(
        "Breathing crystal\nAssociate Professor Shiori Kanemura of the Institute of Multidisciplinary Research for "
        "Advanced Materials (IMRAM), Tohoku University, led the study.\n\nPublication Details\n"
        "Title: Hinge-linker aluminum framework enabling water harvesting from air\n"
        "Authors: Yuto Hamasato, Shiori Kanemura*\nJournal: Journal of the American Chemical Society\n"
        "DOI: 10.1021/jacs.5c21487",
        lang="en",
    )
    paper = "Hinge-linker aluminum framework enabling water harvesting from air"
    assert _names(extraction, "Publication") == {paper}
    assert _facts(extraction, "publishedIn") == {(paper, "Journal of the American Chemical Society", None)}
    assert _facts(extraction, "affiliatedWith") == {
        ("Shiori Kanemura", "Institute of Multidisciplinary Research for Advanced Materials, Tohoku University", None)
    }


def test_extract_en_a_prize_named_after_a_person_with_a_suffix_after_a_comma() -> None:
    extraction = _extract(
        "Prize\nIn 2019 Dr Kenji Matsudo received the American Physical Society's George E. Valley, Jr. Prize.",
        lang="en",
    )
    assert _facts(extraction, "received") == {("Kenji Matsudo", "George E. Valley, Jr. Prize", "2019")}


def test_extract_en_a_centre_in_a_funding_list_funds_and_a_school_named_after_two_donors() -> None:
    extraction = _extract(
        "Tides\nDr Maren Osterholt, a hydrologist at Kestrel University Abernathy & Lisle School of Engineering, "
        "led the study. The work was funded by the Harlow Foundation and the National Center for Tidal Power "
        "Studies.",
        lang="en",
    )
    school = "Kestrel University Abernathy & Lisle School of Engineering"
    assert _names(extraction, "Funder") == {"Harlow Foundation", "National Center for Tidal Power Studies"}
    assert _names(extraction, "Institution") == {school, "Kestrel University"}
    assert _facts(extraction, "partOf") == {(school, "Kestrel University", None)}
    assert _facts(extraction, "affiliatedWith") == {("Maren Osterholt", school, None)}


def test_extract_zh_a_talent_grant_a_researcher_holds_is_an_award_received() -> None:
    extraction = _extract(
        "我校2026年度国家自然科学基金获批项目再创新高\n"
        "近日，国家自然科学基金委员会公布2026年度项目评审结果。人才类项目方面，化学学院柯望舒教授获国家杰出青年科学基金"
        "资助；物理学院葛南枝研究员获优秀青年科学基金资助。"
    )
    assert _names(extraction, "Award") == {"国家杰出青年科学基金", "国家优秀青年科学基金"}
    assert _facts(extraction, "received") == {
        ("柯望舒", "国家杰出青年科学基金", "2026"),
        ("葛南枝", "国家优秀青年科学基金", "2026"),
    }
    assert _facts(extraction, "fundedBy") == set()


def test_extract_zh_names_listed_under_a_prize_heading_won_that_prize() -> None:
    extraction = _extract(
        "我校6人获2026年度国家杰出青年科学基金和优秀青年科学基金资助\n"
        "　　近日，评审结果公布，我校6人获得资助，其中国家杰出青年科学基金2人，优秀青年科学基金4人。\n"
        "\n"
        "　　一、国家杰出青年科学基金\n"
        "　　　数学学院　　　　　　　　闻溪亭\n"
        "　　　化学学院　　　　　　　　阮知秋\n"
        "\n"
        "　　二、优秀青年科学基金\n"
        "　　　物理学院　　　　　　　　蒲星垂\n"
        "　　　化学工程学院　　　　　　郜晚舟\n"
        "　　　生命科学学院　　　　　　卞望川\n"
        "　　　电子信息学院　　　　　　滕逸民\n"
        "\n"
        "　　学校将继续做好青年人才培养工作。"
    )
    assert _names(extraction, "Award") == {"国家杰出青年科学基金", "国家优秀青年科学基金"}
    distinguished = {(name, "国家杰出青年科学基金", "2026") for name in ("闻溪亭", "阮知秋")}
    excellent = {(name, "国家优秀青年科学基金", "2026") for name in ("蒲星垂", "郜晚舟", "卞望川", "滕逸民")}
    assert _facts(extraction, "received") == distinguished | excellent


def test_extract_zh_a_lab_after_its_host_and_a_unit_of_a_unit_keep_their_written_form_as_an_alias() -> None:
    extraction = _extract(
        "科研进展\n"
        "本报讯 东澜大学海岸工程全国重点实验室研究员韦宁安、青岚科学院临川先进技术研究院智能材料研究所研究员祝明远"
        "合作完成了这项研究。"
    )
    aliases = {e.name: e.aliases for e in extraction.entities if e.type == "Institution"}
    assert aliases == {
        "东澜大学": [],
        "海岸工程全国重点实验室": ["东澜大学海岸工程全国重点实验室"],
        "青岚科学院": [],
        "青岚科学院临川先进技术研究院": [],
        "智能材料研究所": ["青岚科学院临川先进技术研究院智能材料研究所"],
    }
    assert _facts(extraction, "partOf") == {
        ("海岸工程全国重点实验室", "东澜大学", None),
        ("青岚科学院临川先进技术研究院", "青岚科学院", None),
        ("智能材料研究所", "青岚科学院临川先进技术研究院", None),
    }


def test_extract_en_an_institute_named_for_two_fields_is_one_institute() -> None:
    extraction = _extract(
        "Gut microbes\nProfessor Ilse Varnholt of the Institute of Immunology and Metabolism, Harrowgate University, "
        "led the study with Dr Tomas Quell of the Institute of Genomics and Data Science at Kestrel University.",
        lang="en",
    )
    assert _names(extraction, "Institution") == {
        "Institute of Immunology and Metabolism, Harrowgate University",
        "Harrowgate University",
        "Institute of Genomics and Data Science, Kestrel University",
        "Kestrel University",
    }


def test_extract_zh_graded_prize_heading_over_a_table_gives_its_rows_the_prize() -> None:
    extraction = _extract(
        "2026年度青澜省科学技术奖揭晓\n部分获奖项目如下：\n"
        "一、青澜省自然科学奖一等奖\n序号\t项目名称\t主要完成人\t主要完成单位\n"
        "1\t深海冷泉碳循环机制\t褚云川，柏沐川\t东岭大学\n\n"
        "二、青澜省技术发明奖一等奖\n序号\t项目名称\t主要完成人\t主要完成单位\n"
        "2\t柔性电池封装技术\t冼立川\t北岭大学"
    )
    assert {(a, b) for a, b, _ in _facts(extraction, "received")} == {
        ("褚云川", "青澜省自然科学奖"),
        ("柏沐川", "青澜省自然科学奖"),
        ("冼立川", "青澜省技术发明奖"),
    }


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a job word named by its field's suffix, before the name
        ("The analysis was run by biostatistician Orla Pennick, PhD, of the trial centre.", "Orla Pennick"),
        # the name set off after the job word as an apposition
        ("In 1975 she and her first graduate student, Tavi Rundqvist, tried a new route.", "Tavi Rundqvist"),
        # the name introduced by what the researcher studies
        ("Brannock Feale, who studies soil fungi at a field station, was surprised.", "Brannock Feale"),
    ],
)
def test_extract_en_researcher_cues_of_news_prose(sentence: str, name: str) -> None:
    assert name in _names(_extract(f"News\n{sentence}", lang="en"), "Researcher")


def test_extract_en_author_list_goes_on_past_a_bracketed_part() -> None:
    extraction = _extract(
        'News\nThe paper, "Quiet lattices in warm rooms", was written by PhD candidates Ines Varga-Holm (first author) '
        "and Teodor Blanck and assistant professor Sunniva Rekdal of the Northmere Vision Lab.",
        lang="en",
    )
    assert {"Ines Varga-Holm", "Teodor Blanck", "Sunniva Rekdal"} <= _names(extraction, "Researcher")


def test_extract_en_outside_voices_are_no_authors_of_the_reported_paper() -> None:
    extraction = _extract(
        "Bees and microbes\nA team led by Professor Alvar Henning of Eastfield University reports in Nature that a gut "
        'microbe protects bees. The paper is titled "Gut microbes shield bees from fungicides". Co-author Mina Kloss '
        'ran the field work.\nResearchers not involved in the work were cautious. "It is neat," says Dr Odile Sarrat '
        "of Westmoor University.\nPiotr Zaleski, who studies pollinators at Northfield University, points out that "
        "hives vary.",
        lang="en",
    )
    assert {a for a, _, _ in _facts(extraction, "authorOf")} == {"Alvar Henning", "Mina Kloss"}


def test_extract_zh_graded_national_prize_is_part_of_the_prize_named_at_its_head() -> None:
    extraction = _extract("院士简介\n柏沐川，北岭大学教授，曾获国家自然科学奖二等奖（2016年）。")
    assert _names(extraction, "Award") == {"国家自然科学奖二等奖", "国家自然科学奖"}
    assert {(a, b) for a, b, _ in _facts(extraction, "received")} == {("柏沐川", "国家自然科学奖二等奖")}
    assert {(a, b) for a, b, _ in _facts(extraction, "partOf")} >= {("国家自然科学奖二等奖", "国家自然科学奖")}


def test_extract_zh_bare_schools_of_a_university_writing_about_itself_are_its_own() -> None:
    extraction = _extract(
        "我校两位教授当选院士\n北岭大学新闻网讯　近日，我校化学学院柏沐川教授、第二附属医院冼立川教授当选院士。"
        "冼立川现任第二附属医院心内科主任。"
    )
    assert {("柏沐川", "北岭大学化学学院"), ("冼立川", "北岭大学第二附属医院")} <= {
        (a, b) for a, b, _ in _facts(extraction, "affiliatedWith")
    }
    assert {(a, b) for a, b, _ in _facts(extraction, "partOf")} >= {
        ("北岭大学化学学院", "北岭大学"),
        ("北岭大学第二附属医院", "北岭大学"),
        ("北岭大学第二附属医院心内科", "北岭大学第二附属医院"),
    }


def test_extract_zh_bare_school_beside_its_full_name_stays_a_short_form() -> None:
    extraction = _extract("生命学院柏沐川获奖\n近日，北岭大学生命科学与技术学院柏沐川教授获奖，成为我校第三位获奖者。")
    assert "北岭大学生命学院" not in _names(extraction, "Institution")


def test_extract_en_reference_with_a_line_for_each_part() -> None:
    extraction = _extract(
        "Spin liquid switched\nThe team led by Dr. Ilse Marbach studied a cobalt crystal with Professor Ruben Oste.\n\n"
        "Original publication\nIlse Marbach, Ruben Oste\nField-tuned spin liquid in a layered cobaltate\n"
        "Science, 12 March 2026\nDOI: 10.1126/science.abc1234",
        lang="en",
    )
    paper = "Field-tuned spin liquid in a layered cobaltate"
    assert _names(extraction, "Publication") == {paper}
    assert {(a, b) for a, b, _ in _facts(extraction, "authorOf")} == {("Ilse Marbach", paper), ("Ruben Oste", paper)}
    assert {(a, b) for a, b, _ in _facts(extraction, "publishedIn")} == {(paper, "Science")}


def test_extract_en_press_office_contact_is_no_researcher() -> None:
    extraction = _extract(
        "Spin liquid switched\nThe team led by Dr. Ilse Marbach studied a cobalt crystal.\n\n"
        "Press and public relations\nDr. Wenke Sollmann\nNorthmere Institute for Solids",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Ilse Marbach"}


def test_extract_en_unit_after_a_pair_of_names_holds_for_both() -> None:
    extraction = _extract(
        "Grants\nNorthmere University researchers won grants.\n\n"
        "• Light-driven enzymes – Professor Ilse Marbach and Dr Ruben Oste, School of Molecular Sciences – $548,000",
        lang="en",
    )
    assert {(a, b) for a, b, _ in _facts(extraction, "affiliatedWith")} == {
        ("Ilse Marbach", "School of Molecular Sciences, Northmere University"),
        ("Ruben Oste", "School of Molecular Sciences, Northmere University"),
    }


def test_extract_en_full_name_whose_surname_later_takes_a_job_is_a_researcher() -> None:
    extraction = _extract(
        "Academy honours\nAna Ortiz-Vela and Kofi Brembah were elected to the academy this spring.\n\n"
        "Ortiz-Vela, a professor in the Department of Chemistry, designs porous catalysts. Brembah, an associate "
        "professor of history, studies trade.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Ana Ortiz-Vela", "Kofi Brembah"}


def test_extract_zh_less_common_census_surnames_open_names() -> None:
    extraction = _extract("学会青年奖揭晓\n北岭大学资源学院副研究员钦沐川、云山研究所研究员畅立川获奖。")
    assert {"钦沐川", "畅立川"} <= _names(extraction, "Researcher")


def test_extract_zh_physician_title_ends_the_unit_before_the_name() -> None:
    extraction = _extract("新闻\n北岭医院神经内科主治医师柏沐川和云山卓越中心博士研究生冼立川为论文共同第一作者。")
    assert {"柏沐川", "冼立川"} <= _names(extraction, "Researcher")
    assert not any("柏沐川" in name for name in _names(extraction, "Institution"))


def test_extract_zh_clinical_department_by_its_ending() -> None:
    extraction = _extract(
        "新闻\n北岭大学华光医院胰腺外科柏沐川教授和云山医院急诊医学科冼立川教授参与了研究；"
        "北岭大学医学院内科及药物治疗学系陶敏川教授为通讯作者。"
    )
    assert {("柏沐川", "北岭大学华光医院胰腺外科"), ("冼立川", "云山医院急诊医学科")} <= {
        (a, b) for a, b, _ in _facts(extraction, "affiliatedWith")
    }
    assert "药物治疗学系" not in _names(extraction, "Institution")


def test_extract_en_accented_name_with_and_without_middle_name_and_by_surname_is_one_researcher() -> None:
    extraction = _extract(
        "Tamás Révész, chemist, dies at 90\nTamás Gergely Révész, a chemist at Eastfield University, died on "
        "Monday. Among many honours, Révész received the Priestley Medal in 2004.",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Tamás Révész"}
    assert {(a, b) for a, b, _ in _facts(extraction, "received")} == {("Tamás Révész", "普利斯特里奖章")}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # two donors' given names before their surname
        (
            "Dr Ilse Marbach of the Hedda and Lorenz Brandvik Cancer Institute led the study.",
            "Hedda and Lorenz Brandvik Cancer Institute",
        ),
        # a field after "in"
        (
            "Dr Ilse Marbach of the Institute for Research in Immunology and Cancer led the study.",
            "Institute for Research in Immunology and Cancer",
        ),
    ],
)
def test_extract_en_institution_names_with_and_or_in(sentence: str, name: str) -> None:
    assert name in _names(_extract(f"News\n{sentence}", lang="en"), "Institution")


def test_extract_en_place_after_in_ends_an_institute_name() -> None:
    extraction = _extract("News\nDr Ilse Marbach of the Institute of Physics in London led the study.", lang="en")
    assert "Institute of Physics" in _names(extraction, "Institution")


def test_extract_en_lab_names_and_a_lab_by_its_short_name() -> None:
    extraction = _extract(
        "News\nPhD candidate Ines Varga of the Vision & Sound Lab and Dr Ruben Oste of Northmere National Laboratory "
        "wrote the paper. Northmere Lab is managed by a trust.",
        lang="en",
    )
    institutions = _names(extraction, "Institution")
    assert {"Vision & Sound Lab", "Northmere National Laboratory"} <= institutions
    assert "Northmere Lab" not in institutions


def test_extract_en_work_in_a_journal_then_its_quoted_title() -> None:
    extraction = _extract(
        'Obituary\nTheir 1975 paper in the Bulletin of Northmere Chemistry, "Quiet lattices in warm rooms", changed '
        "the field. He served on the editorial board of Catalysis Letters Northmere for a decade.",
        lang="en",
    )
    assert {"Bulletin of Northmere Chemistry", "Catalysis Letters Northmere"} <= _names(extraction, "Journal")
    assert {(a, b) for a, b, _ in _facts(extraction, "publishedIn")} == {
        ("Quiet lattices in warm rooms", "Bulletin of Northmere Chemistry")
    }


def test_extract_zh_former_post_listed_after_a_researcher_title_keeps_a_researcher() -> None:
    extraction = _extract(
        "深切缅怀柏沐川院士\n中国科学院院士，北岭大气研究所研究员、原副所长柏沐川先生因病逝世。柏沐川先生曾获国家自然科学奖。"
    )
    assert "柏沐川" in _names(extraction, "Researcher")
    assert ("柏沐川", "北岭大气研究所") in {(a, b) for a, b, _ in _facts(extraction, "affiliatedWith")}


def test_extract_en_funding_list_takes_up_again_after_a_grant_or_a_place() -> None:
    extraction = _extract(
        "Spin liquid\nThe work was supported by the European Research Council (ERC) through a Consolidator Grant "
        "awarded to Ilse Marbach in 2022, by the Deutsche Forschungsgemeinschaft and by the Northmere Science Trust. "
        "Work in Tokyo was supported by JSPS KAKENHI, and work in Vancouver by the Natural Sciences and Engineering "
        "Research Council of Canada.",
        lang="en",
    )
    assert {
        "European Research Council",
        "Deutsche Forschungsgemeinschaft",
        "Northmere Science Trust",
        "Natural Sciences and Engineering Research Council of Canada",
    } <= _names(extraction, "Funder")


def test_extract_zh_surname_with_a_title_is_no_name_of_its_own() -> None:
    extraction = _extract(
        "新闻\n北岭大学化学系教授柏沐川团队在《自然》发表论文。柏教授团队的博士后研究员冼立川博士为第一作者。"
    )
    assert _names(extraction, "Researcher") == {"柏沐川", "冼立川"}


def test_extract_zh_engineer_title_before_a_name_makes_a_researcher() -> None:
    extraction = _extract(
        "新闻\n该系统的发明人包括北岭大学副教授柏沐川和云山新能源研发中心高级工程师冼立川。集团总工程师陶敏川出席。"
    )
    assert _names(extraction, "Researcher") == {"柏沐川", "冼立川"}


def test_extract_en_preposition_opening_a_sentence_is_no_part_of_the_name() -> None:
    extraction = _extract(
        "Trial\nBesides Northmere General Hospital, patients were enrolled at five other centers.", lang="en"
    )
    assert _names(extraction, "Institution") == {"Northmere General Hospital"}


def test_extract_zh_meeting_speakers_are_no_authors_of_the_paper_it_names() -> None:
    extraction = _extract(
        "第三届北岭土壤学术研讨会召开\n北岭大学教授柏沐川介绍了其团队近期发表于Nature Food的论文"
        "“Manure builds soil carbon over decades”，论文第一作者为博士研究生冼立川。"
        "云山研究所研究员陶敏川介绍了淤地坝土壤碳汇的计量方法；北岭大学院长葛云川教授报告了地膜覆盖的长期影响。"
    )
    paper = "Manure builds soil carbon over decades"
    assert {a for a, b, _ in _facts(extraction, "authorOf") if b == paper} == {"柏沐川", "冼立川"}


def test_extract_zh_joint_institute_of_a_university_and_a_partner() -> None:
    extraction = _extract("新闻\n近日，北岭理工大学—云驰新材料联合研究院年度会议在北岭理工大学举行。")
    assert "北岭理工大学—云驰新材料联合研究院" in _names(extraction, "Institution")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Dr Ilse Marbach of CSIRO led the survey.", "Commonwealth Scientific and Industrial Research Organisation"),
        ("Dr Ilse Marbach of A*STAR led the survey.", "Agency for Science, Technology and Research"),
        ("Dr Ilse Marbach of Trinity College Dublin led the survey.", "Trinity College Dublin"),
        ("Dr Ilse Marbach of Wageningen University & Research led the survey.", "Wageningen University & Research"),
    ],
)
def test_extract_en_public_research_organisations_and_universities_known_by_the_gazetteer(
    sentence: str, name: str
) -> None:
    assert name in _names(_extract(f"News\n{sentence}", lang="en"), "Institution")


def test_extract_en_press_office_line_names_no_person() -> None:
    extraction = _extract(
        "News\nDr Ilse Marbach of Northmere University led the survey.\n\n"
        "Corporate Communications, Northmere University",
        lang="en",
    )
    assert _names(extraction, "Researcher") == {"Ilse Marbach"}


def test_extract_zh_national_prize_short_form_after_a_province_names_the_province_prize() -> None:
    extraction = _extract("院士简介\n柏沐川，北岭大学教授，曾获国家自然科学奖二等奖和青海省最高科学技术奖。")
    assert "青海省最高科学技术奖" in _names(extraction, "Award")
    assert "国家最高科学技术奖" not in _names(extraction, "Award")


def test_extract_en_honour_of_a_learned_body_conferred_by_election() -> None:
    extraction = _extract(
        "Academy honours\nProfessor Ana Ortiz-Vela was elected a Fellow of the Northmere Academy of Sciences this "
        "spring. Professor Kofi Brembah is a member of the Northmere Society of Chemistry.",
        lang="en",
    )
    assert "Fellow of the Northmere Academy of Sciences" in _names(extraction, "Award")
    assert not any(name.startswith("Member of") for name in _names(extraction, "Award"))
    assert {(a, b) for a, b, _ in _facts(extraction, "received")} == {
        ("Ana Ortiz-Vela", "Fellow of the Northmere Academy of Sciences")
    }


def test_extract_en_honour_list_under_a_colon_heading_runs_over_blank_lines() -> None:
    extraction = _extract(
        "Northmere Academy announces 2026 Fellows\nEight scientists have been elected Fellows of the Northmere Academy "
        "of Science.\n\nThe 2026 Fellows of the Northmere Academy of Science include:\n\n"
        "Professor Ana Ortiz-Vela, School of Chemistry, Eastfield University – for catalysts.\n\n"
        "Dr Kofi Brembah, Westmoor Institute – for ocean models.\n\n"
        "A full list is available online.\n\nDr Ilse Marbach of Eastfield University welcomed the news.",
        lang="en",
    )
    honour = "Fellow of the Northmere Academy of Science"
    assert {a for a, b, _ in _facts(extraction, "received") if b == honour} == {"Ana Ortiz-Vela", "Kofi Brembah"}


def test_extract_en_university_press_is_a_publisher_not_an_institution() -> None:
    extraction = _extract(
        'Book prize\nProfessor Ana Ortiz-Vela\'s book "Salt roads", published by the University of Eastfield Press, '
        "won a prize.",
        lang="en",
    )
    assert not any("Eastfield" in name for name in _names(extraction, "Institution"))


def test_extract_en_honorable_mention_is_an_award() -> None:
    extraction = _extract(
        "Paper honoured\nA paper by Dr Ilse Marbach has received a Best Paper Honorable Mention at the conference.",
        lang="en",
    )
    assert "Best Paper Honorable Mention" in _names(extraction, "Award")


def test_extract_en_pronoun_after_a_time_phrase_receives_the_honour() -> None:
    extraction = _extract(
        "Honours\nProfessor Kofi Brembah studies planets at Eastfield University. Earlier this year he was also named "
        "a fellow of the Northmere Association for the Advancement of Science.",
        lang="en",
    )
    assert ("Kofi Brembah", "Fellow of the Northmere Association for the Advancement of Science") in {
        (a, b) for a, b, _ in _facts(extraction, "received")
    }


def test_extract_zh_school_of_information_is_a_unit_and_names_the_person_after_it() -> None:
    extraction = _extract("获奖喜报\n信息学院钟雨桐副教授团队完成的“低功耗芯片设计方法”获技术发明奖二等奖。")
    assert _names(extraction, "Institution") == {"信息学院"}
    assert ("钟雨桐", "信息学院", None) in _facts(extraction, "affiliatedWith")


def test_extract_en_fellows_list_gives_each_the_unit_after_their_job() -> None:
    extraction = _extract(
        "Four named fellows\nFour faculty members from Carrow University have been named fellows.\n"
        "- Amelia Thornquist, assistant professor of chemistry, College of Literature, Science, and the Arts\n"
        "- Rafiq Odunsi, associate professor of electrical engineering and computer science, College of Engineering\n"
        "- Sanne Vroegop, assistant professor of neuroscience, Medical School\n"
        "- Ilya Brandt, assistant professor of physics\n",
        lang="en",
    )
    assert _facts(extraction, "affiliatedWith") == {
        ("Amelia Thornquist", "College of Literature, Science, and the Arts, Carrow University", None),
        ("Rafiq Odunsi", "College of Engineering, Carrow University", None),
        ("Sanne Vroegop", "Medical School, Carrow University", None),
        ("Ilya Brandt", "Carrow University", None),
    }


def test_extract_en_short_form_defined_in_brackets_names_the_body_later() -> None:
    extraction = _extract(
        "New catalyst\nChemists at Carrow University and the Northmere Institute of Energy (NIEX) made a catalyst. "
        "First author Dr. Wen-Li Haung is a postdoctoral fellow in the group of Professor Ted Sargant; "
        "corresponding author Mira Kuenig leads the NIEX's Clean Energy programme.",
        lang="en",
    )
    council = next(e for e in extraction.entities if e.name == "Northmere Institute of Energy")
    assert council.type == "Institution" and "NIEX" in council.aliases
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("Mira Kuenig", "Northmere Institute of Energy", None) in affiliations
    assert ("Ted Sargant", "Northmere Institute of Energy", None) not in affiliations


def test_extract_en_short_form_of_a_funder_stays_a_funder() -> None:
    extraction = _extract(
        "Trial results\nThe trial at Carrow University was funded by the Northmere Institute for Health Research "
        "(NIHRX) Technology Programme.\n- The NIHRX is funded by the Northmere Department of Health.",
        lang="en",
    )
    assert "Northmere Institute for Health Research" not in _names(extraction, "Institution")
    assert "Northmere Institute for Health Research" in _names(extraction, "Funder")


def test_extract_zh_faculty_of_medicine_is_a_unit_and_ends_the_list_before_it() -> None:
    extraction = _extract("获奖喜报\n我校化学化工学院教授孟雪澜、医学部研究员蔡思遥获此殊荣。")
    assert _facts(extraction, "affiliatedWith") == {("孟雪澜", "化学化工学院", None), ("蔡思遥", "医学部", None)}


def test_extract_zh_list_carries_the_unit_over_titles_but_not_over_an_unread_unit() -> None:
    carried = _extract("获奖喜报\n我校化学化工学院教授孟雪澜、副教授蔡思遥获此殊荣。")
    assert ("蔡思遥", "化学化工学院", None) in _facts(carried, "affiliatedWith")
    # (a unit the rules do not read stands before the second title: it is that person's, whatever it is)
    not_carried = _extract("获奖喜报\n我校化学化工学院教授孟雪澜、新药研究部研究员蔡思遥获此殊荣。")
    assert ("蔡思遥", "化学化工学院", None) not in _facts(not_carried, "affiliatedWith")


def test_extract_en_director_at_a_body_is_affiliated_with_it() -> None:
    extraction = _extract(
        "Ancient genomes\nResearchers from the Harrowgate Institute for Human Origins and Carrow University "
        'sequenced seven genomes. "They were isolated," said senior author Johan Kreutzfeld, director at the '
        "Harrowgate Institute for Human Origins.",
        lang="en",
    )
    assert ("Johan Kreutzfeld", "Harrowgate Institute for Human Origins", None) in _facts(extraction, "affiliatedWith")


def test_extract_zh_name_right_after_our_school_or_a_time_word() -> None:
    for opening in ("我校", "近日", "该院"):
        text = f"新进展\n{opening}钟立远研究员团队构建了原型机。"
        assert _names(_extract(text), "Researcher") == {"钟立远"}, text
    told = _extract("新进展\n记者从星河大学获悉，该校钟立远院士、陆岚教授团队构建了原型机。")
    assert _facts(told, "affiliatedWith") == {("钟立远", "星河大学", None), ("陆岚", "星河大学", None)}


def test_extract_en_long_named_chair_and_a_list_whose_names_are_described_one_by_one() -> None:
    extraction = _extract(
        "Mapping smells\nNeuroscientists at Carrow University have mapped how the cortex stores odours.\n"
        "The work was led by graduate student Aisha Rahmani and Vinod Murali, the Raymond Leo Ellison Life Sciences "
        "Professor of Molecular Biology. Co-authors include postdoctoral fellow Lukas Brandtner, Ji-woo Pak of "
        "Hanbit National University, and Elena Petrakova, a research scientist at the Westbrook Institute for Brain "
        "Science.",
        lang="en",
    )
    assert "Vinod Murali" in _names(extraction, "Researcher")
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("Vinod Murali", "Carrow University", None) in affiliations
    assert ("Ji-woo Pak", "Hanbit National University", None) in affiliations
    assert ("Lukas Brandtner", "Hanbit National University", None) not in affiliations


def test_extract_zh_english_journal_title_written_into_chinese_text() -> None:
    extraction = _extract(
        "喜报\n我院方若谷副教授在IEEE Transactions on Pattern Analysis and Machine Intelligence（TPAMI）发表论文"
        "“Efficient Sparse Attention for Long Videos”，合作者包括麻省理工学院（MIT）研究员林一帆。"
    )
    assert _names(extraction, "Journal") == {"IEEE Transactions on Pattern Analysis and Machine Intelligence"}
    assert (
        "Efficient Sparse Attention for Long Videos",
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        None,
    ) in _facts(extraction, "publishedIn")


def test_extract_en_journal_title_stops_before_a_weekday() -> None:
    extraction = _extract(
        "Rice genes\nThe team at Carrow University reported the finding in National Science Review on Monday.",
        lang="en",
    )
    assert _names(extraction, "Journal") == {"National Science Review"}


def test_extract_zh_known_latin_short_form_written_into_chinese_text() -> None:
    extraction = _extract("合作\n星河大学与MIT签署合作协议，双方将共建联合实验室。")
    assert "Massachusetts Institute of Technology" in _names(extraction, "Institution")
