"""Rules found on the en11/en12 rounds, checked on fictional texts (people, units and universities made up; funders,
journals and institutes from the public gazetteers)."""

from __future__ import annotations

from kg.model import Extraction
from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_preprint_digest_heading_is_the_paper() -> None:
    """A preprint digest's entry is headed by the paper's title, the line under it says where it was posted."""
    text = (
        "Root exudates shape the wheat rhizosphere under drought\n"
        "Posted to arXiv on 3 March 2027. A field study led by Dr. Amélie Rousseau-Vidal of Harbourview "
        "University, with Prof. Tomasz Wielgosz-Nyberg as senior author. Funded by the Nuffield Foundation."
    )
    extraction = _extract(text)
    title = "Root exudates shape the wheat rhizosphere under drought"
    assert title in _names(extraction, "Publication")
    assert ("Amélie Rousseau-Vidal", title) in _facts(extraction, "authorOf")
    assert (title, "Nuffield Foundation") in _facts(extraction, "fundedBy")


def test_wire_metadata_block_in_capitals() -> None:
    """A wire release's JOURNAL / ARTICLE TITLE / FUNDING block, a label the reader joined to the value before it."""
    text = (
        "Soil fungi move microplastics\n"
        "A team led by Dr. Amélie Rousseau-Vidal of Harbourview University grew barley in spiked soil.\n"
        "JOURNAL\nNature Plants\nARTICLE TITLE\n"
        "Hyphal networks carry microplastics into barley roots ARTICLE PUBLICATION DATE\n3-Mar-2027\n"
        "FUNDING\nBiotechnology and Biological Sciences Research Council (BBSRC); Nuffield Foundation COI STATEMENT\n"
        "The authors declare no competing interests.\n"
    )
    extraction = _extract(text)
    title = "Hyphal networks carry microplastics into barley roots"
    assert _names(extraction, "Publication") == {title}
    assert {"Biotechnology and Biological Sciences Research Council", "Nuffield Foundation"} <= _names(
        extraction, "Funder"
    )
    assert (title, "Nuffield Foundation") in _facts(extraction, "fundedBy")


def test_profile_sentence_with_a_verb_names_a_researcher() -> None:
    """ "X is an associate professor at Y" makes X a researcher, as "X, an associate professor at Y" does."""
    text = (
        "Glaciers melt from below\n"
        "Amélie Rousseau-Vidal is an associate professor at Harbourview University. Tomasz Wielgosz-Nyberg is a "
        "third-year PhD student there."
    )
    extraction = _extract(text)
    assert {"Amélie Rousseau-Vidal", "Tomasz Wielgosz-Nyberg"} <= _names(extraction, "Researcher")
    assert ("Amélie Rousseau-Vidal", "Harbourview University") in _facts(extraction, "affiliatedWith")


def test_university_institute_written_after_the_university() -> None:
    """ "the University of X Y Glaciological Institute": the institute is part of the university, the person in it; a
    university's medical centre keeps the university in its name."""
    text = (
        "Glaciers melt from below\n"
        "Dr. Amélie Rousseau-Vidal of the University of Northmere Coldwater Glaciological Institute led the study with "
        "Dr. Tomasz Wielgosz-Nyberg of the University of Northmere Medical Center."
    )
    extraction = _extract(text)
    assert ("Glaciological Institute", "University of Northmere Coldwater") in _facts(extraction, "partOf")
    assert ("Amélie Rousseau-Vidal", "Glaciological Institute") in _facts(extraction, "affiliatedWith")
    assert "University of Northmere Medical Center" in _names(extraction, "Institution")


_GRANT_RECORD = (
    "Project Details | Grant Database\n\n"
    "Project Number: 5R01XX000001-02\n"
    "Title: Tidal wetland carbon under rising seas\n"
    "Contact PI / Project Leader: ROUSSEAU-VIDAL, AMELIE K\n"
    "Other PIs: WIELGOSZ-NYBERG, TOMASZ; KOWAL-BRANDT, INES\n"
    "Awardee Organization: UNIVERSITY OF NORTHMERE AT HARBOURVIEW\n"
    "Department: BIOLOGY\n"
    "Administering Institutes or Centers: NATIONAL CANCER INSTITUTE\n\n"
    "Publications (2):\n"
    "Rousseau-Vidal AK, Okafor-Lind D, Wielgosz-Nyberg T. Salt marsh roots store carbon for centuries. mBio. "
    "2026 Mar;17(3):e0312825. PMID: 41200001\n"
    "Okafor-Lind D, Rousseau-Vidal AK. Sediment cores date the marsh platform. J Coastal Res. 2026 "
    "Sep;42(5):1021-1030. PMID: 41200002\n"
)


def test_grant_record_fields_name_people_organisation_and_funder() -> None:
    """A grant database's record: surname-first names in capitals, the awardee organisation, the administering
    institute as funder; its field labels name no institution."""
    extraction = _extract(_GRANT_RECORD)
    assert {"Amelie K Rousseau-Vidal", "Tomasz Wielgosz-Nyberg", "Ines Kowal-Brandt"} <= _names(
        extraction, "Researcher"
    )
    assert "University of Northmere at Harbourview" in _names(extraction, "Institution")
    assert ("Amelie K Rousseau-Vidal", "University of Northmere at Harbourview") in _facts(extraction, "affiliatedWith")
    assert "National Cancer Institute" in _names(extraction, "Funder")
    assert not {"Awardee Organization", "Administering Institutes"} & _names(extraction, "Institution")


def test_pubmed_style_references() -> None:
    """PubMed's citation style (closed by a PMID, the journal abbreviated): the papers, their journals, their authors;
    an author known only by surname and initials is named as written."""
    extraction = _extract(_GRANT_RECORD)
    first, second = "Salt marsh roots store carbon for centuries", "Sediment cores date the marsh platform"
    assert {first, second} <= _names(extraction, "Publication")
    assert {(first, "mBio"), (second, "J Coastal Res")} <= _facts(extraction, "publishedIn")
    assert {("Amelie K Rousseau-Vidal", first), ("Okafor-Lind D", second)} <= _facts(extraction, "authorOf")


def test_academy_election_list_and_honorary_member() -> None:
    """An election's list under a line that says so, one more "also elected", an honorary member of the same body;
    an Irish surname's particle, and a minister "of State" no researcher."""
    text = (
        "Twelve new Members elected to the Northmere Academy\n"
        "Friday, 21 May 2027\n\n"
        "Twelve scholars were admitted as Members of the Northmere Academy today. The newly elected Members in the "
        "sciences include:\n\n"
        "• Dr Amélie Rousseau-Vidal, School of Mathematics, Harbourview University\n"
        "• Professor Tomasz Wielgosz-Nyberg, Department of Geography, Harbourview University – for phage therapy, "
        'including the 2024 JAMA Oncology trial "Phage cocktails clear resistant bladder infections"\n'
        "In the humanities, Professor Ciarán Ó Dálaigh of the Department of Music at Harbourview University was also "
        "elected.\n"
        "Professor Ines Kowal-Brandt of Eastvale University was elected an Honorary Member.\n"
        "Minister of State Rory Gallagher-Lynn TD, of the Department of Further Education, attended.\n"
    )
    extraction = _extract(text)
    received = _facts(extraction, "received")
    member = "Member of the Northmere Academy"
    assert {("Amélie Rousseau-Vidal", member), ("Tomasz Wielgosz-Nyberg", member)} <= received
    assert ("Ciarán Ó Dálaigh", member) in received
    assert ("Ines Kowal-Brandt", "Honorary Member of the Northmere Academy") in received
    assert ("Ines Kowal-Brandt", member) not in received
    assert not any("Gallagher" in name for name in _names(extraction, "Researcher"))
    # (a member's citation may name a paper: its author is that member, not the others elected with them)
    title = "Phage cocktails clear resistant bladder infections"
    assert (title, "JAMA Oncology") in _facts(extraction, "publishedIn")
    assert {person for person, paper in _facts(extraction, "authorOf") if paper == title} == {"Tomasz Wielgosz-Nyberg"}


def _published_in(text: str, title: str, journal: str, author: str | None = None) -> Extraction:
    extraction = _extract(text)
    assert (title, journal) in _facts(extraction, "publishedIn")
    assert author is None or (author, title) in _facts(extraction, "authorOf")
    return extraction


def test_paper_now_out_in_a_journal_and_student_here_in_a_unit() -> None:
    """A mailing-list post: "Our paper "…" is now out in <Journal>", "my PhD student A here in the Department of X"."""
    text = (
        "New paper: soil carbon in paddies\n"
        'Dear colleagues, our paper "Straw mulch doubles soil carbon in terraced rice paddies" is now out in Northmere '
        "Soil Letters. It was led by my PhD student Amélie Rousseau-Vidal here in the Department of Soil Physics at "
        "Harbourview University, with Dr. Tomasz Wielgosz-Nyberg (Eastvale University).\n"
    )
    title = "Straw mulch doubles soil carbon in terraced rice paddies"
    extraction = _published_in(text, title, "Northmere Soil Letters", "Amélie Rousseau-Vidal")
    assert any(
        person == "Amélie Rousseau-Vidal" and unit.startswith("Department of Soil Physics")
        for person, unit in _facts(extraction, "affiliatedWith")
    )


def test_meeting_report_names_a_group_paper_and_a_german_sponsor() -> None:
    """A meeting report: "her group's <Journal> paper" names its journal, the other speakers are no authors of it;
    an institute named for fields "of the Marine Environment"; a German foundation (…stiftung) sponsors."""
    text = (
        "Meeting report: Northmere Coastal Workshop 2026\n"
        "Prof. Amélie Rousseau-Vidal (Institute for Geology and Biology of the Coastal Environment, Harbourview "
        'University) presented her group\'s Nature Food paper "Salt marshes bury less carbon as seas rise", '
        "written with Dr. Tomasz Wielgosz-Nyberg of Eastvale University. Dr. Ines Kowal-Brandt (Northmere "
        "University) spoke on seagrass.\n"
        "The workshop was sponsored by the Nordsee Meeresstiftung.\n"
    )
    title = "Salt marshes bury less carbon as seas rise"
    extraction = _published_in(text, title, "Nature Food", "Amélie Rousseau-Vidal")
    assert ("Ines Kowal-Brandt", title) not in _facts(extraction, "authorOf")
    assert any(
        name.startswith("Institute for Geology and Biology of the Coastal Environment")
        for name in _names(extraction, "Institution")
    )
    assert "Nordsee Meeresstiftung" in _names(extraction, "Funder")
    # (the workshop's sponsor, not the paper's funder)
    assert not _facts(extraction, "fundedBy")


def test_study_by_its_authors_then_its_title_and_a_campus_after_a_dash() -> None:
    """ "a 2025 study by A and B, "<title>," published in Nature Medicine"; "the University of Northmere–Eastvale": the
    campus after an en dash is part of the university's name."""
    text = (
        "Soil carbon centre launched\n"
        "Co-directors are Dr. Amélie Rousseau-Vidal of the Department of Soil Physics at the University of "
        "Northmere–Eastvale and Dr. Tomasz Wielgosz-Nyberg of Harbourview University. The centre grows out of a 2025 "
        'study by Rousseau-Vidal and Wielgosz-Nyberg, "Fungal necromass stores carbon in deep subsoils," published '
        "in Nature Medicine.\n"
    )
    title = "Fungal necromass stores carbon in deep subsoils"
    extraction = _published_in(text, title, "Nature Medicine", "Amélie Rousseau-Vidal")
    assert "University of Northmere–Eastvale" in _names(extraction, "Institution")


def test_prize_won_for_a_paper_written_with_a_colleague() -> None:
    """ "A and B won a Best Talk Award at X for "<title>," written with C": a paper, its three authors."""
    text = (
        "Best paper at a conference\n"
        "Amélie Rousseau-Vidal, associate professor of computer science, and PhD student Tomasz Wielgosz-Nyberg won a "
        'Best Talk Award at the Northmere Conference for "Tactile Maps: Audio Guides for Blind Visitors in Museums," '
        "written with Ines Kowal-Brandt of Harbourview University.\n"
    )
    extraction = _extract(text)
    title = "Tactile Maps: Audio Guides for Blind Visitors in Museums"
    assert {person for person, paper in _facts(extraction, "authorOf") if paper == title} == {
        "Amélie Rousseau-Vidal",
        "Tomasz Wielgosz-Nyberg",
        "Ines Kowal-Brandt",
    }


def test_lab_news_laureate_newcomer_and_research_director() -> None:
    """ "Congrats to A, who won a Best Talk Award", "welcome B, who joins us as a X Postdoctoral Fellow", "C,
    Research Director at Y, who will receive the Z Award": researchers and what they received; a later mention by a
    two-word surname is the same person."""
    text = (
        "Lab news\n"
        "Congrats to Amélie Rousseau-Vidal, who won a Best Talk Award at the Northmere Meeting.\n"
        "We welcome Tomasz Wielgosz-Nyberg, who joins us as a Harbourview Postdoctoral Fellow from Eastvale "
        "University.\n"
        'Ana María Ruiz Tovar, Research Director at the Northmere Institute, will give the keynote. "Soils matter," '
        "said Ruiz Tovar, who received the Eastvale Soil Medal in 2023.\n"
    )
    extraction = _extract(text)
    assert {"Amélie Rousseau-Vidal", "Tomasz Wielgosz-Nyberg", "Ana María Ruiz Tovar"} == _names(
        extraction, "Researcher"
    )
    received = _facts(extraction, "received")
    assert ("Amélie Rousseau-Vidal", "Best Talk Award") in received
    assert ("Tomasz Wielgosz-Nyberg", "Harbourview Postdoctoral Fellowship") in received


def test_endowed_chair_and_an_award_named_for_two_people() -> None:
    """ "the X Chair in <Field>" endowed by a gift is an honour (a programme's "Research Chair" keeps its own name);
    "the Vantor & Able Award" honours two people and is one award."""
    text = (
        "Gift creates a chair\n"
        "A $5 million gift creates the Harrowgate Chair in Paediatric Oncology Research at Northmere Hospital. Dr. "
        "Amélie Rousseau-Vidal, a Senior Scientist at Northmere Hospital, also received the 2025 Vantor & Bellweather "
        "Award from the Eastvale Network.\n"
    )
    awards = _names(_extract(text), "Award")
    assert {"Harrowgate Chair in Paediatric Oncology Research", "Vantor & Bellweather Award"} <= awards
    assert "Bellweather Award" not in awards


def test_interview_answer_on_who_paid_names_the_funders() -> None:
    """A Q&A: the answer to a question on who paid names the funders, "plus" between them."""
    text = (
        "Q&A: why the glacier melts from below\n"
        "Amélie Rousseau-Vidal is an associate professor at Harbourview University.\n\n"
        'Q: What did you find?\nA: The paper, "Meltwater plumes undercut a tidewater glacier," was led by my '
        "graduate student Tomasz Wielgosz-Nyberg.\n\n"
        "Q: Who paid for this?\nA: The Northmere Research Council, plus the Eastvale Polar Science Center.\n"
    )
    extraction = _extract(text)
    title = "Meltwater plumes undercut a tidewater glacier"
    assert {(title, "Northmere Research Council"), (title, "Eastvale Polar Science Center")} <= _facts(
        extraction, "fundedBy"
    )


def test_affiliation_written_from_the_university_down() -> None:
    """ "(Harbourview University, School of Tidal Sciences)": the school is part of the university named first; a
    list of bodies going on is no such pair."""
    text = (
        "Prizes\n"
        "The Early Career Prize went to Dr. Amélie Rousseau-Vidal (Harbourview University, School of Tidal Sciences). "
        "Partners include Eastvale University, School of Music of Northmere and the Vantor Institute.\n"
    )
    part_of = _facts(_extract(text), "partOf")
    assert any(unit.startswith("School of Tidal Sciences") and top == "Harbourview University" for unit, top in part_of)
    assert not any(top == "Eastvale University" for _, top in part_of)
