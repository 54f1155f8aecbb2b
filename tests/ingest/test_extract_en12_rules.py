"""Rules found on the en11/en12 rounds, checked on fictional texts (people, units and universities made up; funders,
journals and institutes from the public gazetteers)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_preprint_digest_heading_is_the_paper() -> None:
    """A preprint digest's entry is headed by the paper's title, the line under it says where it was posted."""
    text = (
        "Root exudates shape the wheat rhizosphere under drought\n"
        "Posted to bioRxiv on 3 March 2027. A field study led by Dr. Amélie Rousseau-Vidal of Harbourview "
        "University, with Prof. Tomasz Wielgosz-Nyberg as senior author. Funded by the Wellcome Trust."
    )
    extraction = _extract(text)
    title = "Root exudates shape the wheat rhizosphere under drought"
    assert title in _names(extraction, "Publication")
    assert ("Amélie Rousseau-Vidal", title) in _facts(extraction, "authorOf")
    assert (title, "Wellcome Trust") in _facts(extraction, "fundedBy")


def test_wire_metadata_block_in_capitals() -> None:
    """A wire release's JOURNAL / ARTICLE TITLE / FUNDING block, a label the reader joined to the value before it."""
    text = (
        "Soil fungi move microplastics\n"
        "A team led by Dr. Amélie Rousseau-Vidal of Harbourview University grew barley in spiked soil.\n"
        "JOURNAL\nNature Communications\nARTICLE TITLE\n"
        "Hyphal networks carry microplastics into barley roots ARTICLE PUBLICATION DATE\n3-Mar-2027\n"
        "FUNDING\nNatural Environment Research Council (NERC); Leverhulme Trust COI STATEMENT\n"
        "The authors declare no competing interests.\n"
    )
    extraction = _extract(text)
    title = "Hyphal networks carry microplastics into barley roots"
    assert _names(extraction, "Publication") == {title}
    assert {"Natural Environment Research Council", "Leverhulme Trust"} <= _names(extraction, "Funder")
    assert (title, "Leverhulme Trust") in _facts(extraction, "fundedBy")


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
    """ "the University of X Y Geophysical Institute": the institute is part of the university, the person in it; a
    university's medical centre keeps the university in its name."""
    text = (
        "Glaciers melt from below\n"
        "Dr. Amélie Rousseau-Vidal of the University of Northmere Coldwater Geophysical Institute led the study with "
        "Dr. Tomasz Wielgosz-Nyberg of the University of Northmere Medical Center."
    )
    extraction = _extract(text)
    assert ("Geophysical Institute", "University of Northmere Coldwater") in _facts(extraction, "partOf")
    assert ("Amélie Rousseau-Vidal", "Geophysical Institute") in _facts(extraction, "affiliatedWith")
    assert "University of Northmere Medical Center" in _names(extraction, "Institution")
