"""Rules found on the en8/zh8 sets, checked on fictional texts (people, units and universities made up; funders,
journals and institutes from the public gazetteers)."""

from __future__ import annotations

from ingest.readers.text import read_text
from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_laureate_block_name_over_its_institution_line() -> None:
    """A prize release sets each laureate's name alone on a line, their institution (accented or not) below."""
    text = (
        "The Vantor Prize in Physics 2026\n\n"
        "The Academy has decided to award the Vantor Prize in Physics 2026 to\n\n"
        "Amélie Rousseau-Vidal\nUniversité de Brevanne, Brevanne, France\n\nand\n\n"
        "Tomasz Wielgosz-Nyberg\nKarolinska Institutet, Stockholm, Sweden\n\n"
        '"for the discovery of light-driven magnets"\n\n'
        "Media enquiries\nJana Pelc\nPress Office\njana.pelc@example.org\n"
    )
    extraction = _extract(text)
    assert {"Amélie Rousseau-Vidal", "Tomasz Wielgosz-Nyberg"} == _names(extraction, "Researcher")
    assert {
        ("Amélie Rousseau-Vidal", "Université de Brevanne"),
        ("Tomasz Wielgosz-Nyberg", "Karolinska Institutet"),
    } <= _facts(extraction, "affiliatedWith")


def test_field_of_a_chair_is_no_person() -> None:
    text = (
        "Enzyme structure solved\n"
        "Professor Tomasz Wielgosz-Nyberg is Professor of Structural Biochemistry at Karolinska Institutet."
    )
    assert _names(_extract(text), "Researcher") == {"Tomasz Wielgosz-Nyberg"}


def test_title_naming_a_prize_with_its_year_makes_the_researchers_its_laureates() -> None:
    text = (
        "The Vantor Prize in Physics 2026\n"
        "The Academy awards the prize to Professor Amélie Rousseau-Vidal of the Université de Brevanne and "
        "Professor Tomasz Wielgosz-Nyberg of Karolinska Institutet."
    )
    received = _facts(_extract(text), "received")
    assert received == {
        ("Amélie Rousseau-Vidal", "Vantor Prize in Physics"),
        ("Tomasz Wielgosz-Nyberg", "Vantor Prize in Physics"),
    }


def test_erc_grants_are_awards_won_but_not_a_funding_reference_in_brackets() -> None:
    won = (
        "Two Brevanne researchers win ERC Consolidator Grants\n"
        "Professor Amélie Rousseau-Vidal of the Université de Brevanne has been awarded a European Research Council "
        "(ERC) Consolidator Grant for her project LUMEN."
    )
    assert ("Amélie Rousseau-Vidal", "ERC Consolidator Grant") in _facts(_extract(won), "received")
    funded = (
        "Light-driven magnets\n"
        "Professor Amélie Rousseau-Vidal of the Université de Brevanne led the study. The research was funded by the "
        'European Research Council (ERC Consolidator Grant "LUMEN" to A. Rousseau-Vidal).'
    )
    assert "ERC Consolidator Grant" not in _names(_extract(funded), "Award")


def test_press_officer_on_the_line_below_a_name_is_no_researcher() -> None:
    text = (
        "Light-driven magnets\n"
        "Dr. Amélie Rousseau-Vidal of the Université de Brevanne led the study.\n\n"
        "Please direct your queries to\nDr. Amélie Rousseau-Vidal\nUniversité de Brevanne\n\n"
        "Dr. Jana Pelcova\nPress Officer\nPhone: +33 1 00 00 00 00\n"
    )
    assert _names(_extract(text), "Researcher") == {"Amélie Rousseau-Vidal"}


def test_known_unit_comma_parent_names_two_bodies() -> None:
    """A gazetteer's English label "Unit, Parent" written out in a text names the unit and its parent."""
    text = (
        "Stroke trial\n"
        "Professor Amélie Rousseau-Vidal of the Beijing Tiantan Hospital, Capital Medical University, led the trial."
    )
    extraction = _extract(text)
    assert ("Amélie Rousseau-Vidal", "Beijing Tiantan Hospital") in _facts(extraction, "affiliatedWith")
    assert ("Beijing Tiantan Hospital", "首都医科大学") in _facts(extraction, "partOf")


def test_funding_list_goes_on_over_a_quoted_cluster_name() -> None:
    text = (
        "Iron partners\n"
        "Dr Amélie Rousseau-Vidal of the University of Vienna led the work. The work was funded by the Max Planck "
        'Society, the German Research Foundation (DFG) through the Cluster of Excellence "The Deep Floor – Our '
        'Hidden Interface" and the Austrian Science Fund (FWF).'
    )
    assert "Austrian Science Fund" in _names(_extract(text), "Funder")


def test_latin_american_funding_list_with_grant_reference_and_repeated_from() -> None:
    chile = (
        "Fog microbes\n"
        "Dr. Amélie Rousseau-Vidal of the Pontificia Universidad Católica de Chile led the study. The research was "
        "funded by Chile's National Research and Development Agency (ANID) through FONDECYT Regular grant 1230001 "
        "and the Millennium Science Initiative Program."
    )
    assert "Millennium Science Initiative Program" in _names(_extract(chile), "Funder")
    mexico = (
        "Water vapour\n"
        "Dr. Amélie Rousseau-Vidal of the Institute of Astronomy led the study. The work received funding from the "
        "Consejo Nacional de Humanidades, Ciencias y Tecnologías (CONAHCYT) and from UNAM's PAPIIT programme."
    )
    funders = _names(_extract(mexico), "Funder")
    assert {"Consejo Nacional de Humanidades, Ciencias y Tecnologías"} <= funders
    assert any("PAPIIT" in e.aliases or e.name == "PAPIIT" for e in _extract(mexico).entities if e.type == "Funder")


def test_spanish_centre_and_institute_names_in_an_english_release() -> None:
    text = (
        "Desert fog\n"
        "The team included Dr. Amélie Rousseau-Vidal from the Centro de Estudios Avanzados en Zonas Templadas "
        "(CEAZT) in La Serena and Dr. Tomasz Wielgosz-Nyberg of the Instituto Regional de Geofísica, Óptica y "
        "Acústica (IRGOA) in Puebla."
    )
    affiliations = _facts(_extract(text), "affiliatedWith")
    assert ("Amélie Rousseau-Vidal", "Centro de Estudios Avanzados en Zonas Templadas") in affiliations
    assert ("Tomasz Wielgosz-Nyberg", "Instituto Regional de Geofísica, Óptica y Acústica") in affiliations


def test_leader_and_team_at_a_unit_and_a_second_post_at_another() -> None:
    team = (
        "Iron partners\n"
        "Genomic analyses were carried out by Professor Amélie Rousseau-Vidal and her team at the Centre for "
        "Desert Microbiology of the University of Vienna."
    )
    unit = "Centre for Desert Microbiology, University of Vienna"
    assert ("Amélie Rousseau-Vidal", unit) in _facts(_extract(team), "affiliatedWith")
    second = (
        "Fog microbes\n"
        "The study was led by Dr. Tomasz Wielgosz-Nyberg, a professor at the Faculty of Biological Sciences and "
        "researcher at the Millennium Institute for Fog Ecology (MIFE)."
    )
    affiliations = _facts(_extract(second), "affiliatedWith")
    assert ("Tomasz Wielgosz-Nyberg", "Millennium Institute for Fog Ecology") in affiliations


def test_spoken_paper_title_in_an_interview() -> None:
    text = (
        "专访北岭大学研究员柯明川\n"
        "记者：能否介绍一下这项成果？\n"
        "柯明川：我们在《科学》发表了论文。论文题目叫“Fictional riveting of grain boundaries in perovskite films”，"
        "说的就是这件事。论文第一作者是我的博士生闻立川。\n"
    )
    titles = _names(_extract(text, "zh"), "Publication")
    assert titles == {"Fictional riveting of grain boundaries in perovskite films"}


def _authors(title: str, *paragraphs: str) -> set[str]:
    """The authors extracted from a Chinese item with this title and these paragraphs."""
    text = "\n".join((title, *paragraphs)) + "\n"
    return {a for a, _ in _facts(_extract(text, "zh"), "authorOf")}


def test_meeting_report_names_participants_not_a_paper_team() -> None:
    authors = _authors(
        "北岭大学“深海传感”项目启动会在江城召开",
        "5月18日，项目启动会在江城召开。课题一由北岭大学海洋学院郇立川教授负责；课题二由东岭大学濮明远研究员负责。",
        "据悉，项目团队已取得系列成果。2025年，柯明川与简书宁合作，在《自然》发表论文“Fictional sensors for deep "
        "hydrothermal vents”。该论文第一作者为北岭大学博士研究生晏宁，通讯作者为柯明川。",
    )
    assert "濮明远" not in authors and "郇立川" not in authors
    assert {"柯明川", "晏宁"} <= authors


def test_team_profile_names_members_not_a_paper_team() -> None:
    authors = _authors(
        "【团队风采】深耕盐碱地二十年的北岭大学耐盐作物团队",
        "团队负责人柯明川教授是农学院学科带头人。简书宁教授主攻水稻耐盐，2024年在《自然》发表论文"
        "“Fictional salt sensor in rice roots”，简书宁为通讯作者，博士研究生闻立川为第一作者。",
        "如今，团队里的副教授濮明远已经独立带学生。",
    )
    assert authors == {"简书宁", "闻立川"}


def test_member_before_a_chinese_name_opens_it() -> None:
    text = "北岭大学耐盐作物团队\n另一位骨干成员柯明川教授来自资源环境学院，专注土壤碳循环。\n"
    assert _names(_extract(text, "zh"), "Researcher") == {"柯明川"}


def test_english_name_in_brackets_after_a_chinese_one_is_its_alias() -> None:
    text = "北岭大学合作\n团队还与东岭大学医学院（Dongling Medical School）教授柯明川合作。\n"
    extraction = _extract(text, "zh")
    units = {e.name: e.aliases for e in extraction.entities if e.type == "Institution"}
    assert "Dongling Medical School" not in units
    assert ("柯明川", "东岭大学医学院") in _facts(extraction, "affiliatedWith")


def test_unit_after_a_body_and_its_english_name_in_brackets() -> None:
    text = "北岭大学合作\n团队还与澳大利亚东岭大学（The University of Dongling）农业研究所的柯明川教授合作二十年。\n"
    extraction = _extract(text, "zh")
    assert ("柯明川", "东岭大学农业研究所") in _facts(extraction, "affiliatedWith")
    assert ("东岭大学农业研究所", "东岭大学") in _facts(extraction, "partOf")


def test_programme_a_project_is_taken_on_under_does_not_fund_the_paper() -> None:
    text = (
        "北岭大学“深海传感”项目启动会在江城召开\n"
        "5月18日，由北岭大学牵头承担的国家重点研发计划“深海传感”项目启动会在江城召开。\n"
        "据悉，2025年柯明川在《自然》发表论文“Fictional sensors for deep hydrothermal vents”，通讯作者为柯明川。"
        "该工作得到国家自然科学基金的资助。\n"
    )
    funders = {f for _, f in _facts(_extract(text, "zh"), "fundedBy")}
    assert funders == {"国家自然科学基金"}


def test_authors_who_worked_together_then_published_and_a_labs_own_programme() -> None:
    text = (
        "【团队风采】北岭大学深海团队\n"
        "北岭大学海洋学院柯明川教授、简书宁研究员和闻立川副教授长期从事深海研究。"
        "2025年，柯明川、简书宁与闻立川合作，在《自然》发表论文“Fictional sensors for deep hydrothermal vents”。"
        "该工作得到国家自然科学基金和东岭实验室科技创新项目的资助。\n"
    )
    extraction = _extract(text, "zh")
    assert {"柯明川", "简书宁", "闻立川"} <= {a for a, _ in _facts(extraction, "authorOf")}
    funders = {e.name: e.aliases for e in extraction.entities if e.type == "Funder"}
    assert "东岭实验室科技创新项目" in funders


def test_journals_with_commas_and_ampersands_and_a_national_expedition_programme() -> None:
    en_text = (
        "Sepsis test\n"
        "The study, led by Dr Amélie Rousseau-Vidal and published in The Lancet Child & Adolescent Health, tested "
        "samples from infants."
    )
    assert _names(_extract(en_text), "Journal") == {"The Lancet Child & Adolescent Health"}
    zh_text = (
        "北岭大学团队发表高寒草地研究成果\n"
        "北岭大学柯明川教授团队在Plant, Cell & Environment等期刊发表多篇论文。"
        "研究得到第二次青藏高原综合科学考察研究的资助。\n"
    )
    extraction = _extract(zh_text, "zh")
    assert _names(extraction, "Journal") == {"Plant, Cell & Environment"}
    assert "第二次青藏高原综合科学考察研究" in _names(extraction, "Funder")


def test_research_librarian_title_before_a_name() -> None:
    text = (
        "北岭大学与东岭博物馆联合发表论文\n"
        "北岭大学生命科学学院柯明川副教授与东岭博物馆保护研究所研究馆员简书宁合作发表论文。\n"
    )
    assert {"柯明川", "简书宁"} <= _names(_extract(text, "zh"), "Researcher")


def test_amounts_bare_head_words_numbered_universities_and_wire_source_lines() -> None:
    text = (
        "Northvale and Eastmoor Launch $35 Million Center for Battery Research\n"
        "Professor Amélie Rousseau-Vidal of University College Dublin and Dr Tomasz Wielgosz-Nyberg of the "
        "Université Claude Bernard Lyon 1 lead the centre. The University has signed an agreement with Eastmoor.\n"
        "SOURCE Northvale Institute of Technology\n"
    )
    [item] = read_text(text, "wire.txt", "item")
    extraction = _extract(item.text)
    assert _names(extraction, "Institution") == {"University College Dublin", "Université Claude Bernard Lyon 1"}


def test_release_from_a_university_named_by_initials_and_place_owns_its_units() -> None:
    text = (
        "Two KU Leuven researchers win grants\n"
        "Two researchers from KU Leuven have each been awarded a grant. Professor Amélie Rousseau-Vidal "
        "(Department of Chemistry) will build light-driven cages."
    )
    assert ("Department of Chemistry, KU Leuven", "KU Leuven") in _facts(_extract(text), "partOf")


def test_psychiatry_and_psychology_clinics_are_hospital_departments() -> None:
    text = "北岭大学团队发表论文\n近日，北岭大学附属第三医院精神心理科柯明川主任医师团队发表论文。\n"
    extraction = _extract(text, "zh")
    assert ("柯明川", "北岭大学附属第三医院精神心理科") in _facts(extraction, "affiliatedWith")


def test_an_infirmary_is_an_institution() -> None:
    text = (
        "Sepsis test\nDr Amélie Rousseau-Vidal tested samples from 1,140 infants at the Royal Infirmary of Northvale."
    )
    assert "Royal Infirmary of Northvale" in _names(_extract(text), "Institution")


def test_a_second_post_held_names_its_unit() -> None:
    text = "北岭大学旱作团队\n团队负责人柯明川教授是农学院学科带头人，兼任旱区作物逆境国家重点实验室副主任。\n"
    assert ("柯明川", "旱区作物逆境国家重点实验室") in _facts(_extract(text, "zh"), "affiliatedWith")


def test_a_member_who_comes_from_a_unit_is_of_it() -> None:
    text = "北岭大学旱作团队\n另一位骨干成员柯明川教授来自资源环境学院，专注旱地土壤碳氮循环。\n"
    assert ("柯明川", "资源环境学院") in _facts(_extract(text, "zh"), "affiliatedWith")


def test_a_natural_laboratory_is_a_figure_of_speech() -> None:
    text = "北岭大学深海项目启动\n柯明川教授指出，深海热液区是研究生命起源的天然实验室，也是理想实验室。\n"
    assert not any("实验室" in name for name in _names(_extract(text, "zh"), "Institution"))


def test_counted_winners_of_a_titled_institution_are_its_people() -> None:
    text = (
        "Two KU Leuven researchers win ERC Consolidator Grants\n"
        "Two researchers from KU Leuven have each been awarded an ERC Consolidator Grant. Professor Amélie "
        "Rousseau-Vidal (Department of Chemistry) will build light-driven cages. Professor Tomasz Wielgosz-Nyberg "
        "(Department of Physics) co-led a study with Dr. Ana "
        "Ruizo of the Swiss Seismological Service."
    )
    winners = {a for a, _ in _facts(_extract(text), "received")}
    assert winners == {"Amélie Rousseau-Vidal", "Tomasz Wielgosz-Nyberg"}


def test_a_national_library_holding_manuscripts_is_an_institution() -> None:
    text = (
        "Manuscripts digitised\n"
        "Dr Amélie Rousseau-Vidal's team digitised 212 medieval manuscripts held by the National Library of Northvale."
    )
    assert "National Library of Northvale" in _names(_extract(text), "Institution")


def test_is_also_a_job_at_a_place() -> None:
    text = (
        "Stroke trial\n"
        "The trial was led by Professor Amélie Rousseau-Vidal of Northvale University. Professor Rousseau-Vidal is "
        "also a neurologist at the Eastmoor Heart Hospital."
    )
    assert ("Amélie Rousseau-Vidal", "Eastmoor Heart Hospital") in _facts(_extract(text), "affiliatedWith")
