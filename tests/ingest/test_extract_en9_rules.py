"""Rules found on the en9 set, checked on fictional texts (people, units and universities made up; funders,
journals and institutes from the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_award_list_entries_name_then_dash_then_institution() -> None:
    """A funder's list of awards prints one applicant per line: "- Name - Institution, City, Country"."""
    text = (
        "Vantor Foundation announces 2027 Research Grants\n\n"
        "Selected awards are listed below.\n\n"
        '"Light-driven magnets in living cells"\n'
        "- Amélie Rousseau-Vidal - Karolinska Institutet, Stockholm, Sweden\n"
        "- Tomasz Wielgosz-Nyberg - Weizmann Institute of Science, Rehovot, Israel\n"
    )
    extraction = _extract(text)
    assert {"Amélie Rousseau-Vidal", "Tomasz Wielgosz-Nyberg"} <= _names(extraction, "Researcher")
    assert {
        ("Amélie Rousseau-Vidal", "Karolinska Institutet"),
        ("Tomasz Wielgosz-Nyberg", "Weizmann Institute of Science"),
    } <= _facts(extraction, "affiliatedWith")


def test_faculty_page_bio_headed_by_name_and_rank() -> None:
    """A new-faculty page heads each bio with "Name, Assistant Professor"; its papers are each bio's own, not the
    whole page's, and "Her 2025 paper" is the bio's subject's."""
    text = (
        "Welcome to our new faculty, 2027\n"
        "Department of Chemistry, Karolinska Institutet\n\n"
        "Two new faculty members join the department this fall. Chair Prof. Ingrid Halvorsen-Boateng welcomed them.\n\n"
        "Amélie Rousseau-Vidal, Assistant Professor\n"
        "Rousseau-Vidal joins us from the Weizmann Institute of Science. Her 2025 paper in Nature Chemistry, "
        '"Light-driven magnets in living cells", was featured on the cover.\n\n'
        "Tomasz Wielgosz-Nyberg, Associate Professor\n"
        "Wielgosz-Nyberg studies ice in clouds.\n"
    )
    extraction = _extract(text)
    assert {"Amélie Rousseau-Vidal", "Tomasz Wielgosz-Nyberg"} <= _names(extraction, "Researcher")
    authors = {person for person, _ in _facts(extraction, "authorOf")}
    assert authors == {"Amélie Rousseau-Vidal"}


def test_known_journal_title_with_a_word_in_lower_case_is_not_cut() -> None:
    text = (
        "Diamonds carry carbon deep\n"
        "Professor Amélie Rousseau-Vidal of Karolinska Institutet published the work in Geochimica et Cosmochimica "
        "Acta this week."
    )
    assert _names(_extract(text), "Journal") == {"Geochimica et Cosmochimica Acta"}
