"""Rules found on the en14/zh14 sets, checked on fictional texts (people and units made up; universities from the
public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_an_abstracts_authors_carry_their_units_numbers() -> None:
    """An author list whose names carry their units' numbers (glued: Ruizo-Tam1,2) over the numbered units, run
    into one paragraph by the reader: each author is a researcher of the units their numbers point to, and an author
    of the title on the lines above the list (the first author first)."""
    text = (
        "Soil fungi trade phosphorus for carbon under\nlong droughts, 2018–2024\n"
        "Ana Ruizo-Tam1,2, Kofi D. Mensar-Hale2, and Lina Ortsberg3 1University of Oxford, Department of Zoology, "
        "Oxford, UK 2Northvale Centre for Soil Ecology, Northvale, UK 3Eastmoor Institute of Plant Science, "
        "Eastmoor, UK We sampled 60 plots for six years. Fungi gave more phosphorus in dry years."
    )
    extraction = _extract(text)
    assert {"Ana Ruizo-Tam", "Kofi D. Mensar-Hale", "Lina Ortsberg"} <= _names(extraction, "Researcher")
    title = "Soil fungi trade phosphorus for carbon under long droughts, 2018–2024"
    assert {("Ana Ruizo-Tam", title), ("Lina Ortsberg", title)} <= _facts(extraction, "authorOf")
    affiliations = _facts(extraction, "affiliatedWith")
    assert ("Kofi D. Mensar-Hale", "Northvale Centre for Soil Ecology") in affiliations
    assert ("Lina Ortsberg", "Eastmoor Institute of Plant Science") in affiliations
    assert not any(person == "Lina Ortsberg" and "Northvale" in unit for person, unit in affiliations)
    first = next(r for r in extraction.relations if r.predicate == "authorOf" and r.role == "first")
    assert {e.id: e.name for e in extraction.entities}[first.subject] == "Ana Ruizo-Tam"


def test_numbers_after_names_that_point_to_no_unit_make_no_header() -> None:
    """Names followed by numbers with no numbered units after them (scores, counts) are no author list."""
    text = (
        "Reef survey results\n"
        "The divers Ana Ruizo-Tam 12, Kofi Mensar-Hale 9 and Lina Ortsberg 4 counted fish at Northvale reefs. "
        "Results follow."
    )
    extraction = _extract(text)
    assert not _facts(extraction, "authorOf")


def test_a_citation_in_the_journals_own_style_names_the_journal() -> None:
    """A highlight closes with its source as journals cite themselves: the abbreviated title with volume, pages and
    year, or with the DOI (and Nature's house style writes "Nature" out in its own abbreviations)."""
    text = (
        "Moss spores survive a year in orbit\n"
        "Spores kept outside a space station grew again. Ana Ruizo at Northvale University ran the test.\n"
        "J. Am. Chem. Soc. 145, 1201–1209 (2023)\n"
        "Kofi Mensar at Eastmoor University made a new dye. Nature Chem. https://doi.org/10.1038/s00000-023-0"
    )
    assert {"Journal of the American Chemical Society", "Nature Chemistry"} <= _names(_extract(text), "Journal")


def test_a_volume_and_year_after_an_unknown_name_make_no_journal() -> None:
    """Only a known title is read from a citation-shaped line: a street, a room or a team is none."""
    text = "Moss spores survive a year in orbit\nThe team met at Harbour Street 12, 4401 (2025) to plan the test.\n"
    assert not _names(_extract(text), "Journal")


def test_a_speakers_page_names_no_team_behind_the_one_paper_it_mentions() -> None:
    """Bios on a meeting's keynote page: the paper one bio mentions is its two authors', not every speaker's."""
    text = (
        "Keynote Speakers\n"
        "Prof. Ana Ruizo-Tam\nDepartment of Chemistry, University of Oxford\n"
        "Prof. Ruizo-Tam leads the glacier group. She received the Royal Society Medal in 2020.\n\n"
        "Dr. Kofi Mensar-Hale\nUniversity of Cambridge\n"
        'With Prof. Ruizo-Tam he co-authored the 2023 Nature Geoscience paper "Glaciers that remember the last '
        'ice age".\n\n'
        "Prof. Lina Ortsberg\nUniversity of Bristol\nProf. Ortsberg studies volcanic ash.\n"
    )
    authors = {person for person, _ in _facts(_extract(text), "authorOf")}
    assert "Lina Ortsberg" not in authors


def test_the_quoted_title_someone_is_the_author_of() -> None:
    """'is first author of "<title>," published in …': the quoted title is the paper (its comma inside the quotes
    no part of it), its writer an author."""
    text = (
        "Student maps a lost river\n"
        'Lina Ortsberg, a fourth-year student, is first author of "A buried river channel under the old town '
        'of Eastmoor," published last month in Geophysical Research Letters.'
    )
    extraction = _extract(text)
    title = "A buried river channel under the old town of Eastmoor"
    assert title in _names(extraction, "Publication")
    assert ("Lina Ortsberg", title) in _facts(extraction, "authorOf")


def test_a_vancouver_reference_without_an_identifier() -> None:
    """'Ruizo-Tam A, Mensar-Hale K, et al. <title>. Lab on a Chip. 2023;23(4):101-110.': the year, volume,
    issue and pages mark the reference as a DOI does (also when the line breaks after the journal's full stop)."""
    text = (
        "Phone test reads soil nitrate\nPublication\nRuizo-Tam A, Mensar-Hale K, et al. A smartphone colour test for "
        "soil nitrate. Lab on a Chip.\n2023;23(4):101-110.\n"
    )
    extraction = _extract(text)
    title = "A smartphone colour test for soil nitrate"
    assert title in _names(extraction, "Publication")
    assert (title, "Lab on a Chip") in _facts(extraction, "publishedIn")
