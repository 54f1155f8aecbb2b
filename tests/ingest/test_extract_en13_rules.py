"""Rules found on the en13 set, checked on fictional texts (people and units made up; universities, funders and
journals public)."""

from __future__ import annotations

from tests.ingest.test_extract_en7_rules import _extract, _facts, _names


def test_reference_authors_split_at_an_ampersand() -> None:
    text = (
        "Caves and climate\n"
        "Dr. Merrin Hollowby-Tase studies stalagmites at the University of Otago with Dr. Corwen Abernath-Lyle.\n\n"
        "Papers discussed\n"
        '- Abernath-Lyle, C., & Hollowby-Tase, M. (2025). "Drip water chemistry in a subtropical limestone cave." '
        "Quaternary Science Reviews.\n"
    )
    extraction = _extract(text)
    title = "Drip water chemistry in a subtropical limestone cave"
    assert {("Merrin Hollowby-Tase", title), ("Corwen Abernath-Lyle", title)} <= _facts(extraction, "authorOf")


def test_french_units_written_in_lower_case() -> None:
    text = (
        "Lake ice and bacteria\n"
        "The study was led by Professor Solène Marchetaux-Brun of the Département de géologie, Faculté des sciences et "
        "de médecine, at the Université de Sherbrooke, and a member of the Institut de recherche sur les glaces "
        "polaires. "
        "The Département de physique announced a new chair."
    )
    extraction = _extract(text)
    institutions = _names(extraction, "Institution")
    assert {
        "Département de géologie",
        "Faculté des sciences et de médecine",
        "Institut de recherche sur les glaces polaires",
        "Département de physique",
    } <= institutions
    assert ("Département de géologie", "Faculté des sciences et de médecine") in _facts(extraction, "partOf")


def test_affiliation_after_two_posts_joined_by_and() -> None:
    text = (
        "Rain in the deep past\n"
        "This week the host talks with Dr. Tavita Wrensford-Olu, a geochemist and Future Fellow at the Research "
        "School of Earth Sciences, Australian National University. Tavita explains how caves record rain."
    )
    affiliations = _facts(_extract(text), "affiliatedWith")
    assert any(
        person == "Tavita Wrensford-Olu" and "Research School of Earth Sciences" in unit
        for person, unit in affiliations
    )


def test_apa_author_known_only_by_surname_and_initial() -> None:
    text = (
        "Caves and climate\n"
        "Dr. Merrin Hollowby-Tase studies stalagmites at the University of Otago.\n\n"
        "Papers discussed\n"
        '- Quenby-Hart, A. J., & Hollowby-Tase, M. (2024). "A cyclone archive from subtropical speleothems." '
        "Quaternary Science Reviews.\n"
    )
    extraction = _extract(text)
    title = "A cyclone archive from subtropical speleothems"
    assert "A. J. Quenby-Hart" in _names(extraction, "Researcher")
    assert "M. Hollowby-Tase" not in _names(extraction, "Researcher")
    assert {("A. J. Quenby-Hart", title), ("Merrin Hollowby-Tase", title)} <= _facts(extraction, "authorOf")


def test_a_campus_after_a_possessive_is_no_person() -> None:
    text = (
        "Seabirds and mercury\n"
        "It was led by Dr Ysolde Pengarrow-Nwosu of the Centre for Marine Ecology on the University of Exeter's "
        "Tremough Campus, with colleagues at the Natural History Museum."
    )
    assert _names(_extract(text), "Researcher") == {"Ysolde Pengarrow-Nwosu"}


def test_initials_first_list_is_not_read_surname_first() -> None:
    text = (
        "Sodium cathodes imaged\n"
        "Dr Ruan Velasko-Tim of the University of Leeds led the work.\n"
        'Reference: R. Velasko-Tim, L. Prasanthi, B. Okorowe, "Operando imaging of layered sodium cathodes," '
        "Nature Energy (2026)."
    )
    assert "B. Prasanthi" not in _names(_extract(text), "Researcher")


def test_a_curator_at_a_museum_works_there() -> None:
    text = (
        "Seabirds and mercury\n"
        "Co-author Dr Aled Brynmor-Okoye, senior curator of birds at the Natural History Museum, said the "
        "collection made the work possible."
    )
    assert ("Aled Brynmor-Okoye", "Natural History Museum") in _facts(_extract(text), "affiliatedWith")


def test_the_author_of_a_feed_post_is_read_from_the_header_line() -> None:
    text = (
        "Saga Lindqvar-Obi • 2nd\n"
        "Associate Professor at KTH Royal Institute of Technology\n"
        "3d • Edited\n\n"
        'I\'m thrilled to share that our paper "Cellulose membranes for salt-free water" is now out!'
    )
    assert "Saga Lindqvar-Obi" in _names(_extract(text), "Researcher")


def test_authors_field_with_surnames_and_initials() -> None:
    text = (
        "Feathers and mercury\n"
        "The study was led by Dr Ysolde Pengarrow-Nwosu of the University of Exeter.\n\n"
        "Notes to editors\n"
        '1. The paper, "A century of mercury in seabird feathers", is published in Biology Letters. Authors: '
        "Pengarrow-Nwosu Y., Marlowe-Adeyemi T., Quenby-Hart A. J.\n"
        "2. The research was funded by the Leverhulme Trust.\n"
    )
    extraction = _extract(text)
    researchers = _names(extraction, "Researcher")
    assert {"T. Marlowe-Adeyemi", "A. J. Quenby-Hart"} <= researchers
    assert "Y. Pengarrow-Nwosu" not in researchers
    assert ("T. Marlowe-Adeyemi", "A century of mercury in seabird feathers") in _facts(extraction, "authorOf")


def test_a_named_fellowship_held_in_apposition() -> None:
    text = (
        "Rain in the deep past\n"
        "This week the host talks with Dr. Tavita Wrensford-Olu, a geochemist and ARC Future Fellow at the Research "
        "School of Earth Sciences, Australian National University."
    )
    assert ("Tavita Wrensford-Olu", "ARC Future Fellowship") in _facts(_extract(text), "received")
