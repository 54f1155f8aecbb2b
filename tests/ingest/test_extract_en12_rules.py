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
