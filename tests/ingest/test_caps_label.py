"""Labels in capitals: the one word shape the readers and the segmenter share, with limits of their own."""

import pytest

from ingest.caps_label import caps_label


@pytest.mark.parametrize(
    "text", ["CORRECTIONS", "INSIGHTS | LETTERS", "R&D NEWS", "Q&A", "PEOPLE’S CHOICE", "COI/FUNDING", "CASE STUDY"]
)
def test_labels_in_capitals(text: str) -> None:
    assert caps_label(text, words=4, chars=40)


@pytest.mark.parametrize(
    "text", ["Corrections", "COVID-19 UPDATE", "NEWS:", "LAB  NEWS", "NEWS |", "| NEWS", "PHYSICS, CHEMISTRY", ""]
)
def test_not_labels(text: str) -> None:
    assert not caps_label(text, words=4, chars=40)


def test_limits_are_the_callers() -> None:
    assert caps_label("ONE TWO THREE", words=3, chars=30)
    assert not caps_label("ONE TWO THREE FOUR", words=3, chars=30)
    assert caps_label("INSIGHTS | LETTERS | BOOKS", words=3, chars=30)  # a bar is not a word
    assert not caps_label("A" * 31, words=1, chars=30)
    assert not caps_label("DOI", words=1, chars=40, least=4)
