"""Rules found on the en7/zh7 sets, checked on fictional texts (people, units and universities made up; funders,
journals and institutes from the public gazetteers)."""

from __future__ import annotations

from ingest.extract import extract_item
from kg.ids import item_id
from kg.model import Extraction, NewsItem


def _extract(text: str, lang: str = "en") -> Extraction:
    title = text.split("\n", 1)[0]
    return extract_item(NewsItem(id=item_id(title, text), title=title, text=text, lang=lang))  # type: ignore[arg-type]


def _names(extraction: Extraction, etype: str) -> set[str]:
    return {e.name for e in extraction.entities if e.type == etype}


def _facts(extraction: Extraction, predicate: str) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in extraction.entities}
    return {(names[r.subject], names[r.object]) for r in extraction.relations if r.predicate == predicate}


def test_public_funders_and_institutes_from_the_gazetteer() -> None:
    text = (
        "Ice cores reveal past storms\n"
        "Dr Maren Lindholt of the British Antarctic Survey led the study, funded by the Natural Environment "
        "Research Council (NERC) and the Fleming Fund. Dr Oskar Vennberg of the Swiss Seismological Service "
        "analysed the records."
    )
    extraction = _extract(text)
    assert {"Natural Environment Research Council", "Fleming Fund"} <= _names(extraction, "Funder")
    assert {"British Antarctic Survey", "Swiss Seismological Service"} <= _names(extraction, "Institution")
    assert "Swiss Seismological Service" not in _names(extraction, "Researcher")


def test_funding_list_goes_on_over_the_owner_of_a_funder_and_skips_a_personal_fellowship() -> None:
    text = (
        "Catalyst for clean hydrogen\n"
        "Dr Ishani Nandakumar of the Indian Institute of Science led the study, published in the Journal of the "
        'American Chemical Society under the title "A fictional cobalt catalyst for water splitting". Nandakumar '
        "is supported by the Prime Minister's Research Fellowship. The research was funded by the Science and "
        "Engineering Research Board (SERB), now part of the Anusandhan National Research Foundation (ANRF), and by "
        "the Department of Science and Technology."
    )
    funders = _names(_extract(text), "Funder")
    assert {"Anusandhan National Research Foundation", "Department of Science and Technology"} <= funders
    assert "Research Fellowship" not in funders


def test_title_case_headline_after_a_plural_job_word_names_no_one() -> None:
    text = (
        "Northvale Researchers Write Tiny Magnetic Switches Using Laser Light on a Crystal\n"
        "Researchers at Northvale University, led by Professor Idris Vantongeren, reported the switches."
    )
    researchers = _names(_extract(text), "Researcher")
    assert researchers == {"Idris Vantongeren"}


def test_surname_in_an_author_list_is_the_person_named_before_and_a_bursary_is_no_person() -> None:
    text = (
        "New fossil fish named\n"
        "The analysis by Dr Rhodri Abernethy-Vance of Eastmoor University placed the fish near the base of the "
        "group. Co-authors include Dr Abernethy-Vance, curator Dr Liesl Oudekerk, and Dr Tarik Benslimane. The "
        "work was supported through a Summer Research Bursary awarded to Eastmoor student Flora Ketteridge."
    )
    researchers = _names(_extract(text), "Researcher")
    assert researchers == {"Rhodri Abernethy-Vance", "Liesl Oudekerk", "Tarik Benslimane", "Flora Ketteridge"}


def test_name_before_who_led_the_study_without_its_post() -> None:
    text = (
        "Light flips single spins\n"
        '"It works like a keyboard of atoms," explained Associate Director MOON Ji-hae, who led the study at '
        "Northvale University."
    )
    assert _names(_extract(text), "Researcher") == {"MOON Ji-hae"}


def test_unit_of_the_university_of_a_two_word_place_and_is_a_job_at() -> None:
    text = (
        "Glaciers that crackle\n"
        "Dr Sunniva Halvard is a glaciologist at the Polar Institute of the University of Northern Westmark, "
        "where she records icequakes."
    )
    extraction = _extract(text)
    assert ("Polar Institute", "University of Northern Westmark") in _facts(extraction, "partOf")
    assert ("Sunniva Halvard", "Polar Institute") in _facts(extraction, "affiliatedWith")


def test_spoken_paper_title_and_known_journal_without_a_publishing_verb() -> None:
    text = (
        "Field Notes, episode 12 (transcript)\n"
        "[00:01:14] HOST: And you wrote this up?\n\n"
        '[00:01:16] GUEST: Yes, in Geophysical Research Letters in March. The paper is called "Tremor bursts '
        'follow the tides beneath a fictional glacier". Dr Liv Solvberg of Eastmoor University led the fieldwork.'
    )
    extraction = _extract(text)
    assert "Geophysical Research Letters" in _names(extraction, "Journal")
    assert "Tremor bursts follow the tides beneath a fictional glacier" in _names(extraction, "Publication")


def test_first_author_is_a_name_and_funders_of_the_fieldwork() -> None:
    text = (
        "Listening to ice\n"
        "Dr. Henrike Ostvold of Eastmoor University led the study. The first author is Jorun Tveitane, a PhD student "
        "in her group; the second author is Westmoor PhD student Cato Nyberg-Aas. The U.S. National Science "
        "Foundation's Office of Polar Programs funded the Alaska fieldwork."
    )
    extraction = _extract(text)
    researchers = _names(extraction, "Researcher")
    assert "Jorun Tveitane" in researchers
    assert "Westmoor PhD" not in researchers
    assert "National Science Foundation" in _names(extraction, "Funder")


def test_list_entry_units_each_with_faculty_as_parent() -> None:
    text = (
        "Five Harbourview University researchers named research chairs\n"
        "Harbourview University researchers have been named research chairs this year.\n\n"
        "Dr. Selma Arvidsson-Tor, Faculty of Science, Department of Earth Sciences, and Institute for Coastal "
        "Studies (ICS) - Chair in Coastal Sediments\n"
        "Dr. Kojo Tettey-Abban (Tier 2), Faculty of Engineering, School of Mechanical Engineering - Chair in Wind "
        "Turbines\n"
        "Dr. Ines Valdoria, School of Marine Biology, Harbourview College - Chair in Kelp Ecology\n"
    )
    extraction = _extract(text)
    part_of = {(a.split(",")[0], b.split(",")[0]) for a, b in _facts(extraction, "partOf")}
    assert {
        ("Department of Earth Sciences", "Faculty of Science"),
        ("School of Mechanical Engineering", "Faculty of Engineering"),
    } <= part_of
    affiliated = {(a, b.split(",")[0]) for a, b in _facts(extraction, "affiliatedWith")}
    assert {
        ("Selma Arvidsson-Tor", "Department of Earth Sciences"),
        ("Selma Arvidsson-Tor", "Institute for Coastal Studies"),
        ("Kojo Tettey-Abban", "School of Mechanical Engineering"),
    } <= affiliated
    # the college after a unit holds the unit: no second post of the person
    assert ("Ines Valdoria", "Harbourview College") not in affiliated


def test_known_funder_with_an_initial_is_one_name_in_a_funding_list() -> None:
    text = (
        "New laboratory for soil physics\n"
        "Dr. Maelle Tournier of Harbourview University will receive support from the Canada Foundation for "
        "Innovation's John R. Evans Leaders Fund (JELF) to equip her laboratory."
    )
    funders = _names(_extract(text), "Funder")
    assert "John R. Evans Leaders Fund" in funders
    assert "John R" not in funders


def test_officers_named_by_their_post_after_the_name_are_no_researchers() -> None:
    text = (
        "Harbourview opens a sepsis centre\n"
        "The centre will be led by Professor Zuri Adeyemo-Baptiste of Harbourview University. Speaking at the "
        "launch, Dr. Tendai Mavhunga-Roe, Permanent Secretary of the Ministry of Health, praised the plan. "
        '"A great day," said Dr. Pilar Estevanez, Harbourview\'s vice-president, research.'
    )
    assert _names(_extract(text), "Researcher") == {"Zuri Adeyemo-Baptiste"}


def test_second_funding_statement_in_one_sentence() -> None:
    text = (
        "Moorings under the ice shelf\n"
        "Dr Hedda Vinterbo of Eastmoor University leads the mooring work. The work is part of a project funded by "
        'the German Research Foundation (DFG) within the priority programme "Polar Studies", and of a partnership '
        "supported by the Natural Environment Research Council (NERC)."
    )
    funders = _names(_extract(text), "Funder")
    assert {"Deutsche Forschungsgemeinschaft", "Natural Environment Research Council"} <= funders


def test_possessive_unit_with_a_field_list_after_of_the() -> None:
    text = (
        "Fossil reptile placed in its family\n"
        "A phylogenetic analysis by Dr Wenna Treloar of Northvale University's School of the Oceans, Climate and "
        "Coasts placed the animal close to the base of the group."
    )
    extraction = _extract(text)
    assert ("Wenna Treloar", "School of the Oceans, Climate and Coasts") in {
        (a, b.removesuffix(", Northvale University")) for a, b in _facts(extraction, "affiliatedWith")
    }


def test_units_named_by_fields_joined_with_and_and_owned_by_a_head_word() -> None:
    text = (
        "Sea reptile found in a drawer\n"
        "The Eastmoor Natural Science Museum announced the find. Dr Gwenllian Pask, a palaeontologist in the "
        "Museum's Earth Sciences Directorate, re-examined it; CT scanning at the Museum's Imaging and Analysis "
        "Centre revealed the skull. The fossil will go on display in the Museum's Ocean Giants gallery. Dr Devesh "
        "Varadkar-Lee of the Solid State and Structural Chemistry Unit at Northvale University ran the analysis."
    )
    extraction = _extract(text)
    part_of = _facts(extraction, "partOf")
    assert {
        ("Earth Sciences Directorate", "Eastmoor Natural Science Museum"),
        ("Imaging and Analysis Centre", "Eastmoor Natural Science Museum"),
    } <= {(a.split(",")[0], b) for a, b in part_of}
    assert "Solid State and Structural Chemistry Unit" in {n.split(",")[0] for n in _names(extraction, "Institution")}
    assert "Museum" not in _names(extraction, "Institution")
    assert _names(extraction, "Researcher") == {"Gwenllian Pask", "Devesh Varadkar-Lee"}


def test_zh_time_words_and_participating_verb_end_no_name_and_journal_after_publishing_verb() -> None:
    # (时任 and 毕业后 open with surname characters; 参与 follows a name)
    lines = [
        "青石大学物理学院研究成果",
        "该论文第一作者为时任博士后的阮清岚，现为青石大学物理学院研究员。2010年本科毕业后，他赴海外攻读博士学位。",
        "青石大学化学学院研究员上官澄参与了研究。二人合作的论文2025年发表于Physical Review Letters。",
    ]
    extraction = _extract("\n".join(lines), lang="zh")
    assert (_names(extraction, "Researcher"), _names(extraction, "Journal")) == (
        {"阮清岚", "上官澄"},
        {"Physical Review Letters"},
    )


def test_zh_key_lab_named_by_a_field_with_a_verb_and_two_bodies_joined_by_ji() -> None:
    from ingest.extract.institutions import find_zh

    found = {s.name for s in find_zh("青石大学植物科学学院的作物抗逆改良全国重点实验室开展研究。")}
    assert "作物抗逆改良全国重点实验室" in found
    found = {s.name for s in find_zh("星河大学海洋研究院暨海洋资源利用国家重点实验室副研究员")}
    assert {"星河大学海洋研究院", "海洋资源利用国家重点实验室"} <= found
    # (暨 inside one name joins two fields)
    assert "星河研究院动物暨植物学研究所" in {s.name for s in find_zh("星河研究院动物暨植物学研究所")}


def test_zh_transliterations_with_a_hyphen_or_a_post_in_the_bracket_and_a_liver_clinic() -> None:
    lines = [
        "获奖名单公布",
        "获奖者：阮清岚（青石大学物理学院教授）、埃斯基尔·伦德（Eskil Lund，星河大学理学院讲席教授）。",
        "课题组博士生以利亚·本-阿米（Eliya Ben-Ami）为第一作者。",
        "该研究与星河大学附属医院肝病科阮清岚教授团队合作完成。",
    ]
    extraction = _extract("\n".join(lines), lang="zh")
    assert {"埃斯基尔·伦德", "以利亚·本-阿米"} <= _names(extraction, "Researcher")
    assert "星河大学附属医院肝病科" in _names(extraction, "Institution")


def test_bodies_that_will_fund_are_funders_of_nothing_published() -> None:
    sentences = (
        "Harbourview opens a sepsis centre\n",
        "Professor Zuri Adeyemo-Baptiste of Harbourview University led an earlier study, published in The Lancet ",
        'under the title "Fictional sepsis outcomes in five coastal hospitals". ',
        "The Coastal Health Foundation (CHF) will co-fund a fellowship scheme, ",
        "and the Harbour Fund will support laboratory equipment.",
    )
    # (twice: the second reading of the same text finds the same, nothing is kept from the first)
    for extraction in (_extract("".join(sentences)), _extract("".join(sentences))):
        funders, funded = _names(extraction, "Funder"), _facts(extraction, "fundedBy")
        assert {"Coastal Health Foundation", "Harbour Fund"} <= funders and not funded


def test_unit_within_an_institute_is_part_of_it() -> None:
    from ingest.extract.en import find_institutions

    found = find_institutions(
        "Researchers at the Center for Spin Optics (CSO) within the Institute for Advanced Materials reported it."
    )
    assert {(s.name, s.parent) for s in found} >= {("Center for Spin Optics", "Institute for Advanced Materials")}


def test_capitalised_post_in_a_unit_after_the_name() -> None:
    extraction = _extract(
        "Forest soils recover slowly\n"
        '"The forest remembers," said Dr Maren Ostbye, Lecturer in the School of Geography at Eastmoor University.'
    )
    assert ("Maren Ostbye", "School of Geography") in {
        (a, b.split(",")[0]) for a, b in _facts(extraction, "affiliatedWith")
    }


def test_unit_before_a_known_institute_without_a_university_head_word() -> None:
    extraction = _extract(
        "Poster prize for a catalyst\n"
        "Dr Ishani Nandakumar, a chemist in the Department of Soft Matter Chemistry (DSMC) at the Indian Institute of "
        "Science (IISc), won the prize."
    )
    assert ("Department of Soft Matter Chemistry", "Indian Institute of Science") in {
        (a.split(",")[0], b) for a, b in _facts(extraction, "partOf")
    }


def test_zh_unit_after_suo_zai_de_is_the_persons() -> None:
    extraction = _extract(
        "研究生风采\n青石大学博士研究生阮清岚所在的水稻抗逆育种全国重点实验室长期从事相关研究。", lang="zh"
    )
    assert ("阮清岚", "水稻抗逆育种全国重点实验室") in _facts(extraction, "affiliatedWith")


def test_zh_profile_line_ending_with_the_post() -> None:
    extraction = _extract("未来科学大奖\n获奖者：阮清岚，青石大学数学科学学院教授\n获奖评语：表彰他的工作。", lang="zh")
    assert ("阮清岚", "青石大学数学科学学院") in _facts(extraction, "affiliatedWith")
