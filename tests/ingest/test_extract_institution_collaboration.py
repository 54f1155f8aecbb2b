"""Institution↔Institution collaboratedWith: only where the text says the parties work together."""

from __future__ import annotations

import pytest

from ingest.extract import extract_item
from kg.ids import item_id
from kg.model import Extraction, NewsItem


def _extract(text: str, lang: str = "zh") -> Extraction:
    title = text.split("\n", 1)[0]
    return extract_item(NewsItem(id=item_id(title, text), title=title, text=text, lang=lang))  # type: ignore[arg-type]


def _institution_pairs(extraction: Extraction) -> set[frozenset[str]]:
    names = {e.id: e.name for e in extraction.entities}
    types = {e.id: e.type for e in extraction.entities}
    return {
        frozenset((names[r.subject], names[r.object]))
        for r in extraction.relations
        if r.predicate == "collaboratedWith" and types[r.subject] == "Institution"
    }


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "新型催化剂问世\n星河大学化学学院张明远教授团队与青石大学合作，在《科学》（Science）发表论文。",
            {"星河大学", "青石大学"},
        ),
        (
            "深海探测新进展\n云岭大学海洋学院林晓梅教授课题组在深海探测方面取得进展。本工作与沧澜大学合作完成。",
            {"云岭大学海洋学院", "沧澜大学"},
        ),
    ],
)
def test_extract_institutions_collaborate_when_the_text_says_so(text: str, pair: set[str]) -> None:
    assert frozenset(pair) in _institution_pairs(_extract(text))


def test_extract_institutions_collaborate_in_english() -> None:
    text = (
        "Salt batteries\nProfessor Maria Olsen of the University of Eastfield, in collaboration with the "
        "University of Northbridge, reported a sodium battery."
    )
    assert frozenset({"University of Eastfield", "University of Northbridge"}) in _institution_pairs(
        _extract(text, "en")
    )


@pytest.mark.parametrize(
    "text",
    [
        # named in one item, but nothing says they worked together
        "两校各有新成果\n星河大学张明远教授发表论文。青石大学刘思齐研究员获得资助。",
        # one researcher's two affiliations are not two collaborating institutions
        "量子新发现\n星河大学物理学院、青石量子实验室副研究员刘思齐与张明远教授合作发表论文。",
    ],
)
def test_extract_institutions_do_not_collaborate_without_a_statement(text: str) -> None:
    assert not _institution_pairs(_extract(text))


def test_extract_researchers_at_three_institutions_collaborate_pairwise() -> None:
    text = (
        "Old enzyme rebuilt\n"
        "Researchers at Fallow University, the Orrin Institute for Soil Research and the University of Calder have "
        "rebuilt an ancient enzyme. The study appears in Science."
    )
    pairs = _institution_pairs(_extract(text, lang="en"))
    assert pairs == {
        frozenset(("Fallow University", "Orrin Institute for Soil Research")),
        frozenset(("Fallow University", "University of Calder")),
        frozenset(("Orrin Institute for Soil Research", "University of Calder")),
    }


def test_extract_an_academy_in_an_academicians_title_is_no_party() -> None:
    extraction = _extract(
        "石墨烯新进展\n星河大学化学学院教授、中国科学院院士张明远课题组与青石研究院合作，在《科学》（Science）发表论文。"
    )
    pairs = _institution_pairs(extraction)
    assert frozenset({"星河大学", "青石研究院"}) in pairs
    assert not any("中国科学院" in pair for pair in pairs)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Membrane breakthrough\nA team from the Northbridge Advanced Institute of Science and Technology (NAIST) "
            "and Westmoor University has developed a salt-filtering membrane.",
            {"Northbridge Advanced Institute of Science and Technology", "Westmoor University"},
        ),
        (
            "Membrane breakthrough\nThe membrane was developed in collaboration between the Northbridge Advanced "
            "Institute of Science and Technology (NAIST) and the Westmoor Advanced Institute of Applied Materials "
            "Research.",
            {
                "Northbridge Advanced Institute of Science and Technology",
                "Westmoor Advanced Institute of Applied Materials Research",
            },
        ),
    ],
)
def test_extract_long_institution_names_written_together_collaborate(text: str, pair: set[str]) -> None:
    """Parties are joined by what stands between the end of one name and the start of the next: a long name is no
    distance between them."""
    assert frozenset(pair) in _institution_pairs(_extract(text, "en"))
