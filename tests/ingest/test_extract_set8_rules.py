"""Rules found on the en8/zh8 sets, checked on fictional texts (people, units and universities made up; funders,
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
