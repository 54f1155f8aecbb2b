"""Rules found on the en10 round, checked on fictional texts (people, units and universities made up; funders,
journals and institutes from the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_institution_named_by_a_comma_list_of_fields() -> None:
    """A unit or institute named for several fields lists them with commas, after "of/for" or before the head word."""
    text = (
        "Forests lose snow\n"
        "Dr Amélie Rousseau-Vidal of the Alpine Federal Institute for Forest, Snow and Landscape Research led the "
        "study. Dr Tomasz Wielgosz-Nyberg, a cardiologist in the Lung, Kidney & Vascular Institute, joined. Professor "
        "Ines Kowal-Brandt at Harbourview University's Rosewood School of Marine,\nAtmospheric, and Earth Science "
        "helped."
    )
    extraction = _extract(text)
    institutions = _names(extraction, "Institution")
    assert {
        "Alpine Federal Institute for Forest, Snow and Landscape Research",
        "Lung, Kidney & Vascular Institute",
    } <= institutions
    assert any(name.startswith("Rosewood School of Marine, Atmospheric, and Earth Science") for name in institutions)
    assert not {"Alpine Federal Institute for Forest", "Kidney & Vascular Institute"} & institutions


def test_funder_named_with_a_comma_list_is_one_funder() -> None:
    """A funder whose name lists fields keeps its whole name, also as a unit of another funder in the statement."""
    text = (
        "Gut metabolite tied to heart failure\n"
        "Dr Amélie Rousseau-Vidal of Harbourview University led the study. The study was supported by the National "
        "Heart, Lung, and Blood Institute (NHLBI) of the National Institutes of Health."
    )
    extraction = _extract(text)
    assert "National Heart, Lung, and Blood Institute" in _names(extraction, "Funder")
    assert not any("Blood Institute" in name for name in _names(extraction, "Institution"))


def test_about_heading_names_no_researcher() -> None:
    """A press release closes with "About <Organisation>" over the organisation's profile: no person."""
    text = (
        "New clinic opens\n"
        "Dr Amélie Rousseau-Vidal of Harbourview University led the study.\n\n"
        "About Northmere Clinic\n"
        "Northmere Clinic is a nonprofit academic medical center.\n"
    )
    assert _names(_extract(text), "Researcher") == {"Amélie Rousseau-Vidal"}


def test_possessive_owner_of_a_long_unit_and_last_of_a_list() -> None:
    """ "X's Y": Y is part of X, also when Y's name is long and when X closes a list of bodies."""
    text = (
        "Network launched\n"
        "Harbourview University, Vantor Klinikum Ostheim and NORDLAB's Northern Genomics Institute today announce a "
        "network. Dr. Ana Ruiz-Tovar is Chief Engineer at the Nordic Space Agency's Nordic Space Research and "
        "Technology Centre in Leiden."
    )
    extraction = _extract(text)
    part_of = _facts(extraction, "partOf")
    assert ("Northern Genomics Institute", "NORDLAB") in part_of
    assert ("Nordic Space Research and Technology Centre", "Nordic Space Agency") in part_of
    assert not any(" and NORDLAB" in name for name in _names(extraction, "Institution"))


_DEFENCE = (
    "Public defence of doctoral thesis: Amélie Rousseau-Vidal\n\n"
    "Harbourview University\n\n"
    "Amélie Rousseau-Vidal, M.Sc., will defend her thesis for the degree of PhD in Natural Sciences.\n\n"
    "Thesis title: Light-driven magnets in living cells: theory and practice\n\n"
    "Time and place: Friday 11 December 2026 at 12:15, Auditorium 2, Tromsø\n\n"
    "Supervisors:\n"
    "- Professor Tomasz Wielgosz-Nyberg (main supervisor), Department of Chemistry, Harbourview University\n\n"
    "The thesis is based on the following papers:\n"
    'I. Amélie Rousseau-Vidal, Tomasz Wielgosz-Nyberg. "Magnetic fields steer migrating cells". The FEBS Journal '
    "(2024).\n"
    'II. Amélie Rousseau-Vidal, Tomasz Wielgosz-Nyberg. "Optical switching of ferritin cages". Manuscript '
    "submitted to Protein Science.\n\n"
    "The work was funded by the Research Council of Norway.\n"
)


def test_numbered_references_of_a_thesis() -> None:
    """'I. A, B. "<title>". Journal (2024).': each listed paper, its authors and its journal; a manuscript submitted
    to a journal is not published in it."""
    extraction = _extract(_DEFENCE)
    assert {"Magnetic fields steer migrating cells", "Optical switching of ferritin cages"} <= _names(
        extraction, "Publication"
    )
    assert {
        ("Amélie Rousseau-Vidal", "Magnetic fields steer migrating cells"),
        ("Tomasz Wielgosz-Nyberg", "Optical switching of ferritin cages"),
    } <= _facts(extraction, "authorOf")
    assert _facts(extraction, "publishedIn") == {("Magnetic fields steer migrating cells", "The FEBS Journal")}


def test_thesis_of_a_defence_notice_is_the_candidates_and_takes_the_funding() -> None:
    """The thesis titled on a line of its own is the candidate's; the funding statement after the list of papers
    funds the thesis, not the last paper listed."""
    extraction = _extract(_DEFENCE)
    thesis = "Light-driven magnets in living cells: theory and practice"
    assert thesis in _names(extraction, "Publication")
    assert ("Amélie Rousseau-Vidal", thesis) in _facts(extraction, "authorOf")
    assert _facts(extraction, "fundedBy") == {(thesis, "Research Council of Norway")}


def test_harvard_reference_and_funder_field() -> None:
    """ "Surname, I. and Surname, J. (2025) "<title>", Journal 27, 1-9.": the paper, the named people as its authors,
    its journal; a metadata block's "Funder: X" funds it."""
    text = (
        "Turning seaweed into film\n\n"
        "Funder: Engineering and Physical Sciences Research Council (EPSRC)\n"
        "Principal investigator: Dr Amélie Rousseau-Vidal\n\n"
        "PhD student Tomasz Wielgosz-Nyberg cast the film.\n\n"
        "Outcomes\n"
        '- Publication: Rousseau-Vidal, A. and Wielgosz-Nyberg, T. (2025) "Calcium films from farmed kelp for '
        'compostable packaging", Green Chemistry 27, 4410-4422.\n'
    )
    extraction = _extract(text)
    paper = "Calcium films from farmed kelp for compostable packaging"
    assert {("Amélie Rousseau-Vidal", paper), ("Tomasz Wielgosz-Nyberg", paper)} <= _facts(extraction, "authorOf")
    assert (paper, "Green Chemistry") in _facts(extraction, "publishedIn")
    assert (paper, "Engineering and Physical Sciences Research Council") in _facts(extraction, "fundedBy")


def test_paper_title_after_its_journal_and_its_co_writers() -> None:
    """ "a paper published last October in Journal, "<title>"", "published in Journal ("<title>")"; the person a paper
    was "written with" or whose work was "led by" them is its author."""
    text = (
        "New faculty join the department\n"
        "Dr. Amélie Rousseau-Vidal joins Harbourview University. In a paper published last October in Current "
        'Biology, "Magnetic fields steer migrating cells", written with her former adviser Dr. Tomasz '
        "Wielgosz-Nyberg, she showed how cells find their way.\n"
        "Professor Ines Kowal-Brandt studies diamonds. Her group's recent work, led by doctoral student Ola "
        'Berg-Haugen and published in Geochimica et Cosmochimica Acta ("Carbonate melt inclusions in deep '
        'diamonds"), was funded by the National Science Foundation.\n'
    )
    extraction = _extract(text)
    first, second = "Magnetic fields steer migrating cells", "Carbonate melt inclusions in deep diamonds"
    assert {first, second} <= _names(extraction, "Publication")
    assert {("Tomasz Wielgosz-Nyberg", first), ("Ola Berg-Haugen", second)} <= _facts(extraction, "authorOf")
    assert {(first, "Current Biology"), (second, "Geochimica et Cosmochimica Acta")} <= _facts(
        extraction, "publishedIn"
    )


def test_journal_named_as_the_kind_of_a_paper_after_a_year() -> None:
    """ "the landmark 2018 Lancet paper "<title>"": the journal, by its name as the gazetteer knows it."""
    text = (
        "Malaria trial\n"
        "With Dr. Kwame Asante-Boateng of Harbourview University she published the landmark 2018 Lancet paper "
        '"Seasonal malaria chemoprevention in older children: a trial".\n'
    )
    extraction = _extract(text)
    assert _names(extraction, "Journal") == {"The Lancet"}
    assert ("Seasonal malaria chemoprevention in older children: a trial", "The Lancet") in _facts(
        extraction, "publishedIn"
    )


_GRANT_LIST = (
    "Vantor Science Program announces 2027 Research Grants and Career Development Awards\n\n"
    "Lyon, 24 March 2027 - The Vantor Science Program Organization (VSPO) today announced the results of its 2027 "
    "competition: 24 Research Grants and 8 Career Development Awards were approved.\n\n"
    "RESEARCH GRANTS\n\n"
    '"Mechanical memory in migrating cell collectives"\n'
    "- Amélie Rousseau-Vidal - Karolinska Institutet, Stockholm, Sweden\n"
    "- Tomasz Wielgosz-Nyberg - NORDLAB Center for Cell Dynamics Research, Kobe, Japan\n\n"
    "CAREER DEVELOPMENT AWARDS\n\n"
    "- Ines Kowal-Brandt - Weizmann Institute of Science, Rehovot, Israel\n"
)


def test_grant_list_of_a_funder() -> None:
    """A body that announces grants is their funder (also under its longer name with Organization); a heading's
    list of kinds is no award; holders under an award's heading in capitals received it; a team grant's applicants,
    listed under its title, collaborate."""
    extraction = _extract(_GRANT_LIST)
    assert "Vantor Science Program Organization" in _names(extraction, "Funder")
    assert "Vantor Science Program Organization" not in _names(extraction, "Institution")
    assert _names(extraction, "Award") == {"Career Development Award"}
    assert {person for person, _ in _facts(extraction, "received")} == {"Ines Kowal-Brandt"}
    collaborations = {frozenset(pair) for pair in _facts(extraction, "collaboratedWith")}
    assert collaborations == {frozenset({"Amélie Rousseau-Vidal", "Tomasz Wielgosz-Nyberg"})}


def test_centre_named_after_its_owners_acronym() -> None:
    """ "NORDLAB Center for Cell Dynamics Research" is part of NORDLAB (an ARC Centre of Excellence is a scheme's)."""
    part_of = _facts(_extract(_GRANT_LIST), "partOf")
    assert ("NORDLAB Center for Cell Dynamics Research", "NORDLAB") in part_of


def test_two_awards_in_one_sentence_each_to_its_clause() -> None:
    """ "A holds X, and B received Y": each award goes to the name of its own clause."""
    text = (
        "Reef sounds\n"
        "Graduate student Ola Berg-Haugen and Dr. Ines Kowal-Brandt wrote the paper. Berg-Haugen holds an NSF "
        "Graduate Research Fellowship, and Kowal-Brandt received an NSF CAREER award in 2024 for her work.\n"
    )
    received = _facts(_extract(text), "received")
    assert received == {
        ("Ola Berg-Haugen", "NSF Graduate Research Fellowship"),
        ("Ines Kowal-Brandt", "NSF CAREER Award"),
    }


def test_notes_give_author_roles_as_fields_and_signatories_are_no_authors() -> None:
    """ "First author: Dr. A (X). Corresponding authors: B and C.": each with the role; a joint statement's signature
    line ("Dr. D, Director, X") signs for a body and names no author."""
    text = (
        "Four institutes launch a fungal genome network\n\n"
        "Harbourview University and Karolinska Institutet today announce a network.\n\n"
        "Signed:\n"
        "Dr. Ola Berg-Haugen, Director, Harbourview University\n\n"
        "Notes to editors\n"
        '1. The network\'s pilot study, "Genomic epidemiology of drug-resistant yeasts in Europe", is published today '
        "in Nature Microbiology. First author: Dr. Amélie Rousseau-Vidal (Harbourview University). Corresponding "
        "authors: Professor Tomasz Wielgosz-Nyberg and Dr. Ines Kowal-Brandt.\n"
    )
    extraction = _extract(text)
    names = {e.id: e.name for e in extraction.entities}
    roles = {names[r.subject]: r.role for r in extraction.relations if r.predicate == "authorOf"}
    assert roles == {
        "Amélie Rousseau-Vidal": "first",
        "Tomasz Wielgosz-Nyberg": "corresponding",
        "Ines Kowal-Brandt": "corresponding",
    }


def test_units_of_the_university_the_feature_is_about() -> None:
    """ "a department at the university's School of X" is part of the school; "a computer scientist at the
    university's Institute for Y" works there."""
    text = (
        "The listening reef\n"
        "Dr. Tobias Lindqvist-Hale is an associate professor in the Department of Marine Biology at the university's "
        "Rosewood School of Marine and Earth Science, Harbourview University.\n"
        "His collaborator, Dr. Ines Kowal-Brandt, is a computer scientist\n"
        "at the university's Institute for Data Science and Computing (IDSC).\n"
    )
    extraction = _extract(text)
    assert ("Ines Kowal-Brandt", "Institute for Data Science and Computing") in _facts(extraction, "affiliatedWith")
    department = next(n for n in _names(extraction, "Institution") if n.startswith("Department of Marine Biology"))
    school = next(n for n in _names(extraction, "Institution") if n.startswith("Rosewood School"))
    assert (department, school) in _facts(extraction, "partOf")


def test_new_faculty_join_the_unit_the_page_names() -> None:
    """ "Two new faculty members join the Department of X": each bio headed "Name, Assistant Professor" is at X."""
    text = (
        "Welcome to our new faculty, 2026-27\n"
        "Department of Earth Sciences, Harbourview University\n\n"
        "Two new faculty members join the Department of Earth Sciences this fall.\n\n"
        "Amélie Rousseau-Vidal, Assistant Professor\n"
        "Rousseau-Vidal studies volcanoes on Mars.\n\n"
        "Tomasz Wielgosz-Nyberg, Associate Professor\n"
        "Wielgosz-Nyberg studies glaciers.\n"
    )
    extraction = _extract(text)
    department = next(n for n in _names(extraction, "Institution") if n.startswith("Department of Earth Sciences"))
    assert {("Amélie Rousseau-Vidal", department), ("Tomasz Wielgosz-Nyberg", department)} <= _facts(
        extraction, "affiliatedWith"
    )


def test_honorary_graduate_bio_with_a_named_chair_and_a_pronoun() -> None:
    """ "A is Professor of <Field> at X" places A at X; "With Dr. B she published … She received the Y Medal": the
    medal is hers, not her co-author's."""
    text = (
        "Honorary degrees awarded at summer graduation 2027\n"
        "Professor Ines Kowal-Brandt - Doctor of Science\n"
        "Professor Ines Kowal-Brandt is Professor of Infectious Disease Epidemiology at the Harbourview School of "
        "Hygiene & Tropical Medicine (HSHTM). With Dr. Ola Berg-Haugen of Karolinska Institutet she published a "
        "landmark trial. She received the Royal Society's Buchanan Medal in 2025.\n"
    )
    extraction = _extract(text)
    assert ("Ines Kowal-Brandt", "Harbourview School of Hygiene & Tropical Medicine") in _facts(
        extraction, "affiliatedWith"
    )
    assert {person for person, _ in _facts(extraction, "received")} == {"Ines Kowal-Brandt"}


def test_paper_written_by_a_list_and_presented_as_their_paper() -> None:
    """ "The paper, "<T>", was written by A and B, together with C": all three wrote it; "D and E were finalists with
    their paper "<U>"": both wrote U; "The award-winning research was supported by F" funds T, not U."""
    text = (
        "Robotics researchers win Best Paper Award\n"
        'The paper, "Tactile policies for soft objects", was written by doctoral students Amélie Rousseau-Vidal and '
        "Tomasz Wielgosz-Nyberg from Harbourview University, together with Assistant Professor Ines Kowal-Brandt of "
        "Karolinska Institutet.\n"
        "Doctoral student Ola Berg-Haugen and Dr. Runa Eklund-Soto were also among the finalists with their paper "
        '"Semantic mapping in changing warehouses".\n'
        "The award-winning research was partially supported by the Swedish Research Council.\n"
    )
    extraction = _extract(text)
    first, second = "Tactile policies for soft objects", "Semantic mapping in changing warehouses"
    assert {
        ("Amélie Rousseau-Vidal", first),
        ("Tomasz Wielgosz-Nyberg", first),
        ("Ines Kowal-Brandt", first),
        ("Ola Berg-Haugen", second),
        ("Runa Eklund-Soto", second),
    } <= _facts(extraction, "authorOf")
    assert _facts(extraction, "fundedBy") == {(first, "Swedish Research Council")}


def test_centre_name_going_on_after_in_and_an_acronym_listed_before() -> None:
    """ "Center for Research in Energy and Materials" is one name; "with NORDTECH and Harbourview University" lists
    two bodies, not one."""
    text = (
        "Fungi\n"
        "Dr. Ana Ruiz-Tovar of the Brazilian Center for Research in Energy and Materials led the study.\n"
        "Joint research with NORDTECH and Harbourview University.\n"
    )
    institutions = _names(_extract(text), "Institution")
    assert {"Brazilian Center for Research in Energy and Materials", "Harbourview University"} <= institutions
    assert not any(name.startswith("NORDTECH and") for name in institutions)


def test_research_facility_is_no_person() -> None:
    """ "the Harbourview Institute's Nordic Light Source": a facility named like a person is none."""
    text = (
        "Skyrmions at room temperature\n"
        "Dr. Ana Ruiz-Tovar of Harbourview University led the study, which used X-ray microscopy at the Vantor "
        "Institute's Nordic Light Source to image the swirls directly.\n"
    )
    assert _names(_extract(text), "Researcher") == {"Ana Ruiz-Tovar"}


def test_funders_short_form_and_the_body_it_is_part_of() -> None:
    """ "the X (NIH)" in a funding statement: the short form is the funder's, no institution; "Funder: X (EPSRC),
    part of UK Research and Innovation": the body it belongs to is a funder too."""
    text = (
        "Text coaching lowers blood pressure\n"
        "Dr. Ana Ruiz-Tovar of Harbourview University led the trial.\n"
        "The study was supported by the National Heart, Lung, and Blood Institute (NHLBI), part of the National "
        "Institutes of Health (NIH), and by the American Heart Association.\n"
    )
    extraction = _extract(text)
    assert _names(extraction, "Institution") == {"Harbourview University"}
    assert "National Institutes of Health" in _names(extraction, "Funder")
    block = (
        "Turning seaweed into film\n\n"
        "Funder: Engineering and Physical Sciences Research Council (EPSRC), part of UK Research and Innovation "
        "(UKRI)\n"
        "Principal investigator: Dr Amélie Rousseau-Vidal\n"
    )
    assert {"Engineering and Physical Sciences Research Council", "UK Research and Innovation"} <= _names(
        _extract(block), "Funder"
    )


def test_principal_investigator_field_takes_the_blocks_department() -> None:
    """A grant's block: "Department: X" and "Principal investigator: Dr A" on lines of their own place A at X."""
    text = (
        "Turning seaweed into film\n\n"
        "Lead research organisation: Harbourview University\n"
        "Department: Department of Chemical and Process Engineering\n"
        "Principal investigator: Dr Amélie Rousseau-Vidal\n"
        "Co-investigators: Professor Tomasz Wielgosz-Nyberg (Karolinska Institutet)\n"
    )
    affiliations = _facts(_extract(text), "affiliatedWith")
    assert any(p == "Amélie Rousseau-Vidal" and i.startswith("Department of Chemical") for p, i in affiliations)


def test_laboratory_in_a_funding_list_is_a_funder() -> None:
    """ "supported by EPSRC and by the Defence Science and Technology Laboratory (Dstl)": a national laboratory that
    funds the work is its funder there."""
    text = (
        "Gravity sensors\n"
        'Dr. Ana Ruiz-Tovar of Harbourview University led the study "Cold-atom gravity gradiometry beneath a street". '
        "That study was supported by EPSRC and by the Defence Science and Technology Laboratory (Dstl).\n"
    )
    extraction = _extract(text)
    assert "Defence Science and Technology Laboratory" in _names(extraction, "Funder")
    assert "Defence Science and Technology Laboratory" not in _names(extraction, "Institution")


def test_journal_after_a_strong_cue_behind_a_weak_one() -> None:
    """ "described in a paper published today in X, "<title>"": "published" names the journal, whatever cue opened
    the sentence; a month after "published in" says when."""
    text = (
        "Maps of the sea\n"
        'The method is described in a paper published today in Coastal Remote Sensing of Ice, "Retrieval of algae '
        'from orbit", with Dr. Ana Ruiz-Tovar as first author. The paper, "Snow on sea ice in winter", was published '
        "in May 2025."
    )
    extraction = _extract(text)
    assert _names(extraction, "Journal") == {"Coastal Remote Sensing of Ice"}
    assert ("Retrieval of algae from orbit", "Coastal Remote Sensing of Ice") in _facts(extraction, "publishedIn")


def test_title_after_the_journal_in_brackets_or_after_as() -> None:
    """ "in the journal X ("<title>")" and "published in X - <subtitle> as "<title>"" name the paper's title."""
    brackets = (
        "Flames tamed\n"
        'Professor Ana Ruiz-Tovar of Harbourview University reported it in the journal Fire and Smoke ("Stability of '
        'lean flames at high pressure"), with Dr. Tomasz Wielgosz-Nyberg as first author; the study was funded by '
        "the Leverhulme Trust."
    )
    extraction = _extract(brackets)
    assert ("Stability of lean flames at high pressure", "Fire and Smoke") in _facts(extraction, "publishedIn")
    assert ("Tomasz Wielgosz-Nyberg", "Stability of lean flames at high pressure") in _facts(extraction, "authorOf")
    subtitle = (
        "Frogs keep microbes\n"
        'The findings are published in Kestrel - The Fictional Journal of Birds as "Persistence of skin bacteria in '
        'frogs", with Harbourview PhD student Ana Ruiz-Tovar as first author. The project was funded by the '
        "Leverhulme Trust."
    )
    extraction = _extract(subtitle)
    assert ("Persistence of skin bacteria in frogs", "Kestrel") in _facts(extraction, "publishedIn")
    assert ("Persistence of skin bacteria in frogs", "Leverhulme Trust") in _facts(extraction, "fundedBy")


def test_journal_named_for_a_list_of_fields_keeps_its_commas() -> None:
    """ "Transactions on Sound, Speech and Language Processing" is one title; a list of known journals stays a list."""
    text = (
        "Hearing aids learn\n"
        'Her paper "Beamforming in small rooms", written with Professor Ana Ruiz-Tovar, was published in Fictional '
        "Transactions on Sound, Speech and Language Processing. Earlier work was published in Journal of Ecology, "
        "Nature and Science."
    )
    journals = _names(_extract(text), "Journal")
    assert "Fictional Transactions on Sound, Speech and Language Processing" in journals
    assert not any(name.startswith("Journal of Ecology,") for name in journals)


def test_zoos_aquaria_and_botanic_gardens_are_institutions() -> None:
    text = (
        "Frogs thrive\n"
        "Scientists at Brackenfield Zoo and the Harbourview Aquarium worked with the Royal Botanic Gardens of "
        "Elmswick. Dr. Ana Ruiz-Tovar of Brackenfield Zoo led the study."
    )
    extraction = _extract(text)
    assert {"Brackenfield Zoo", "Harbourview Aquarium", "Royal Botanic Gardens of Elmswick"} <= _names(
        extraction, "Institution"
    )
    assert ("Ana Ruiz-Tovar", "Brackenfield Zoo") in _facts(extraction, "affiliatedWith")


def test_a_governments_department_is_no_institution_nor_its_place() -> None:
    """ "the Government of Elmswick's Department of Lands and Forests": a place and its ministry, no research
    bodies."""
    text = (
        "Frogs return\n"
        "Dr. Ana Ruiz-Tovar of Harbourview University led the work, with support from the Government of Elmswick's "
        "Department of Lands and Forests."
    )
    assert _names(_extract(text), "Institution") == {"Harbourview University"}


def test_award_opened_by_an_acronym_and_a_scholarship_held_before() -> None:
    """A long prize name opened by its giver's acronym is whole; a named scholarship "held" is an award received in
    its year; a title's single winner is the one the text names, not her co-author; "Sr." goes on into the
    department named after a person."""
    text = (
        "Doctoral student wins EAS Elmswick Acoustics Society Best Author Paper Award\n"
        "Ana Ruiz-Tovar, a PhD candidate in the Tomas K. Arvidson Sr. Department of Sound Engineering at Harbourview "
        "University, has received the 2026 EAS Elmswick Acoustics Society Best Author Paper Award.\n"
        'The award recognizes her paper "Beamforming in small rooms", co-authored with her supervisor, Professor '
        "Tomasz Wielgosz-Nyberg. Ruiz-Tovar previously held a 2024 Harbourview Graduate Scholarship."
    )
    extraction = _extract(text)
    award = "EAS Elmswick Acoustics Society Best Author Paper Award"
    assert {award, "Harbourview Graduate Scholarship"} <= _names(extraction, "Award")
    assert _facts(extraction, "received") == {
        ("Ana Ruiz-Tovar", award),
        ("Ana Ruiz-Tovar", "Harbourview Graduate Scholarship"),
    }
    years = {r.year for r in extraction.relations if r.predicate == "received"}
    assert years == {2024, 2026}
    assert "Tomas K. Arvidson Sr. Department of Sound Engineering" in {
        n for e in extraction.entities if e.type == "Institution" for n in (e.name, *e.aliases)
    }


def test_sentence_ends_at_a_quote_closed_after_its_full_stop() -> None:
    """'… "forever chemicals." Tomasz …': each trainee got the scholarship of their own sentence, its level kept."""
    text = (
        "Trainees honoured\n"
        'PhD candidate Ana Ruiz-Tovar received a Harbourview Graduate Scholarship for her work on "forever '
        'chemicals." Tomasz '
        "Wielgosz-Nyberg, a doctoral student, was awarded an Elmswick Postgraduate Scholarship – Doctoral."
    )
    assert _facts(_extract(text), "received") == {
        ("Ana Ruiz-Tovar", "Harbourview Graduate Scholarship"),
        ("Tomasz Wielgosz-Nyberg", "Elmswick Postgraduate Scholarship – Doctoral"),
    }


def test_affiliations_to_a_units_short_name_and_to_the_body_named_by_its_kind() -> None:
    """ "Elmswick postdoctoral fellow Dr. A" after "the Agency's Elmswick Space Centre" places A at the centre; "of
    the University's Faculty of X" at the faculty; "A, the zoo's Head of X" at the item's one zoo."""
    text = (
        "Frogs and satellites\n"
        "Dr. Ana Ruiz-Tovar, an oceanographer at the Nordic Space Agency's Elmswick Space Centre, led the work, with "
        "Elmswick postdoctoral fellow Dr. Tomasz Wielgosz-Nyberg as first author. Harbourview University helped: "
        "Professor Amélie Rousseau-Vidal of the University's Faculty of Engineering advised. Scientists at "
        "Brackenfield Zoo took part, led by Dr. Ines Kowal-Brandt, the zoo's Head of Conservation Science."
    )
    affiliations = _facts(_extract(text), "affiliatedWith")
    assert ("Tomasz Wielgosz-Nyberg", "Elmswick Space Centre") in affiliations
    assert ("Ines Kowal-Brandt", "Brackenfield Zoo") in affiliations
    assert any(p == "Amélie Rousseau-Vidal" and i.startswith("Faculty of Engineering") for p, i in affiliations)


def test_fellow_of_an_academy_is_no_affiliation() -> None:
    """ "A is a Fellow of the X Academy of Engineering": an honour the body confers, not a post held there."""
    text = (
        "Centre opens\n"
        "Professor Ana Ruiz-Tovar of Harbourview University will direct the centre. Ruiz-Tovar is a Fellow of the "
        "Elmswick Academy of Engineering."
    )
    affiliations = _facts(_extract(text), "affiliatedWith")
    assert affiliations == {("Ana Ruiz-Tovar", "Harbourview University")}


def test_a_funding_division_funds_alone_and_a_bodys_scholarship_names_the_body() -> None:
    """ "supported by the Agency's X Division": the division funds, not the agency as a whole; "and by a Y Institute
    scholarship": the institute whose scholarship it is funds the work."""
    text = (
        "Maps of the sea\n"
        'Dr. Ana Ruiz-Tovar of Harbourview University led the study "Retrieval of algae from orbit". The work was '
        "supported by the Nordic Space Agency's Earth Observation Division and by a Brackenfield Institute "
        "scholarship."
    )
    extraction = _extract(text)
    funded = {funder for _, funder in _facts(extraction, "fundedBy")}
    assert funded == {"Earth Observation Division", "Brackenfield Institute"}


def test_money_for_a_centre_before_the_paper_does_not_fund_the_paper() -> None:
    """A centre "backed by £5 million from X" before the paper is named, and "the study was funded by Y" after it:
    Y funds the paper, X the centre."""
    text = (
        "Centre for flight opens\n"
        "Harbourview University today opened a new Centre for Clean Flight, backed by £5 million from the Elmswick "
        'Research Council. Professor Ana Ruiz-Tovar reported stable flames in the journal Fire and Smoke ("Stability '
        'of lean flames at high pressure"); the study was funded by the Leverhulme Trust.'
    )
    assert _facts(_extract(text), "fundedBy") == {("Stability of lean flames at high pressure", "Leverhulme Trust")}


def test_a_companys_officer_quoted_on_the_work_is_no_author() -> None:
    """'"…," said Dr A, Director of Combustion Technology at Vantor Engines': an industry partner's voice, not one of
    the paper's team (a speaker at a research body still is)."""
    text = (
        "Centre for flight opens\n"
        "Professor Ana Ruiz-Tovar of Harbourview University reported stable flames in the journal Fire and Smoke "
        '("Stability of lean flames at high pressure"), with Dr. Tomasz Wielgosz-Nyberg as first author.\n'
        '"Hydrogen is the future of flight," said Dr. Ines Kowal-Brandt, Director of Combustion Technology at Vantor '
        'Engines. "It works," said Dr. Amélie Rousseau-Vidal, Head of Combustion at the Elmswick Institute.'
    )
    authors = {person for person, _ in _facts(_extract(text), "authorOf")}
    assert "Ines Kowal-Brandt" not in authors
    assert {"Ana Ruiz-Tovar", "Tomasz Wielgosz-Nyberg", "Amélie Rousseau-Vidal"} <= authors


def test_digest_entry_names_its_authors_field_and_opens_with_funded_by() -> None:
    """A preprint digest's entry: "Authors: A (first author) and Prof. B (corresponding author), X, together with Dr
    C of Y." lists A as a researcher at X with B; "Funded by the Z Society." opens a sentence with the participle."""
    text = (
        "A fictional atlas of regenerating limbs\n"
        "Posted on 12 November 2026. Authors: Ana Ruiz-Tovar (first author) and Prof. Tomasz Wielgosz-Nyberg "
        "(corresponding author), Elmswick Institute of Molecular Biology, Vienna, together with Dr. Ines Kowal-Brandt "
        "of Harbourview University. Funded by the Brackenfield Cancer Society (BCS)."
    )
    extraction = _extract(text)
    assert "Ana Ruiz-Tovar" in _names(extraction, "Researcher")
    assert ("Ana Ruiz-Tovar", "Elmswick Institute of Molecular Biology") in _facts(extraction, "affiliatedWith")
    assert "Brackenfield Cancer Society" in _names(extraction, "Funder")
