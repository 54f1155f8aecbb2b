"""Identifier validation, normalisation and finding identifiers in news text."""

from __future__ import annotations

import pytest

from ingest.identifiers import (
    find_identifiers,
    normalize_crossref_funder,
    normalize_doi,
    normalize_identifier,
    normalize_issn,
    normalize_orcid,
    normalize_qid,
    normalize_ror,
    valid_crossref_funder,
    valid_doi,
    valid_identifier,
    valid_issn,
    valid_orcid,
    valid_qid,
    valid_ror,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0028-0836", "0028-0836"),  # Nature
        ("00368075", "0036-8075"),  # Science, no hyphen
        ("ISSN 0378-5955", "0378-5955"),  # the ISO 3297 worked example
        ("eISSN: 1476-4687", "1476-4687"),  # Nature online
        ("ISSN-L：0028-0836", "0028-0836"),
        ("2049-3630", "2049-3630"),
        ("1758-678x", "1758-678X"),  # check character X, lower case accepted
        ("０２５６-３０７Ｘ", "0256-307X"),  # full-width
    ],
)
def test_issn_valid_and_normalised(value: str, expected: str) -> None:
    assert valid_issn(value)
    assert normalize_issn(value) == expected


@pytest.mark.parametrize(
    "value", ["0028-0837", "0036-8076", "1758-6780", "0378-5595", "0028-083", "0028-08360", "abcd-efgh"]
)
def test_issn_rejects_corrupted(value: str) -> None:
    assert not valid_issn(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0000-0002-1825-0097", "0000-0002-1825-0097"),  # ORCID's documentation example
        ("https://orcid.org/0000-0003-1415-9269", "0000-0003-1415-9269"),
        ("http://orcid.org/0000-0002-1694-233X", "0000-0002-1694-233X"),
        ("0000-0002-1694-233x", "0000-0002-1694-233X"),
        ("0000000218250097", "0000-0002-1825-0097"),
    ],
)
def test_orcid_valid_and_normalised(value: str, expected: str) -> None:
    assert valid_orcid(value)
    assert normalize_orcid(value) == expected


@pytest.mark.parametrize(
    "value", ["0000-0002-1825-0098", "0000-0002-1825-0079", "0000-0002-1694-2330", "0000-0002-1825-009", "orcid"]
)
def test_orcid_rejects_corrupted(value: str) -> None:
    assert not valid_orcid(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("013q1eq08", "013q1eq08"),
        ("https://ror.org/03vek6s52", "03vek6s52"),
        ("ror.org/042nb2s44/", "042nb2s44"),
        ("034T30J35", "034t30j35"),
    ],
)
def test_ror_valid_and_normalised(value: str, expected: str) -> None:
    assert valid_ror(value)
    assert normalize_ror(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "013q1eq09",  # checksum off by one
        "013q1fq08",  # a base32 character changed
        "031q1eq08",  # two characters swapped
        "113q1eq08",  # must start with 0
        "013q1uq08",  # u is not Crockford base32
        "013q1eq8",  # too short
    ],
)
def test_ror_rejects_corrupted(value: str) -> None:
    assert not valid_ror(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10.1038/nature12373", "10.1038/nature12373"),
        ("https://doi.org/10.1126/SCIENCE.ABC1234", "10.1126/science.abc1234"),
        ("doi:10.1016/j.cell.2020.01.001", "10.1016/j.cell.2020.01.001"),
        ("DOI: 10.1093/nsr/nwaa001", "10.1093/nsr/nwaa001"),
    ],
)
def test_doi_valid_and_normalised(value: str, expected: str) -> None:
    assert valid_doi(value)
    assert normalize_doi(value) == expected


@pytest.mark.parametrize("value", ["10.10/x", "11.1038/nature12373", "10.1038/", "10.1038/has space", "nature12373"])
def test_doi_rejects_malformed(value: str) -> None:
    assert not valid_doi(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Q42", "Q42"), ("https://www.wikidata.org/wiki/Q180445", "Q180445"), ("http://www.wikidata.org/entity/q5", "Q5")],
)
def test_qid_valid_and_normalised(value: str, expected: str) -> None:
    assert valid_qid(value)
    assert normalize_qid(value) == expected


@pytest.mark.parametrize("value", ["Q0", "Q01", "P31", "Q", "42"])
def test_qid_rejects_malformed(value: str) -> None:
    assert not valid_qid(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("501100001809", "501100001809"),
        ("10.13039/501100001809", "501100001809"),
        ("https://doi.org/10.13039/100000002", "100000002"),
        ("100000001", "100000001"),
    ],
)
def test_crossref_funder_valid_and_normalised(value: str, expected: str) -> None:
    assert valid_crossref_funder(value)
    assert normalize_crossref_funder(value) == expected


@pytest.mark.parametrize("value", ["50110000180", "5011000018090", "200000002", "10.1038/501100001809"])
def test_crossref_funder_rejects_malformed(value: str) -> None:
    assert not valid_crossref_funder(value)


def test_identifier_dispatch_by_scheme() -> None:
    assert normalize_identifier("issn_l", "00280836") == "0028-0836"
    assert valid_identifier("ror", "013q1eq08")
    assert not valid_identifier("ror", "013q1eq09")
    assert not valid_identifier("unknown-scheme", "013q1eq08")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "论文DOI：10.1038/s41586-024-07000-1。",
            [("doi", "10.1038/s41586-024-07000-1", "10.1038/s41586-024-07000-1")],
        ),
        ("(doi:10.1016/j.cell.2020.01.001).", [("doi", "10.1016/j.cell.2020.01.001", "10.1016/j.cell.2020.01.001")]),
        (
            "see https://doi.org/10.1126/science.abc1234, online",
            [("doi", "10.1126/science.abc1234", "10.1126/science.abc1234")],
        ),
        # a bracket inside the DOI stays; the closing one of the sentence goes
        (
            "（10.1002/(SICI)1097-4636(199812)43）",
            [("doi", "10.1002/(sici)1097-4636(199812)43", "10.1002/(SICI)1097-4636(199812)43")],
        ),
        (
            "ORCID：https://orcid.org/0000-0002-1825-0097，与 0000-0002-1694-233X 合作",
            [
                ("orcid", "0000-0002-1825-0097", "0000-0002-1825-0097"),
                ("orcid", "0000-0002-1694-233X", "0000-0002-1694-233X"),
            ],
        ),
        ("a wrong check digit 0000-0002-1825-0098 is dropped", []),
        ("电话 0000-0002-1825-00971 is not an ORCID", []),
        ("版本 10.1038 不是 DOI", []),
    ],
)
def test_find_identifiers_in_text(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_identifiers(text)
    assert [(scheme, value, text[start:end]) for scheme, value, start, end in found] == expected


def test_find_identifiers_in_text_order() -> None:
    text = "ORCID 0000-0002-1825-0097; DOI 10.1093/nsr/nwaa001"
    assert [hit[0] for hit in find_identifiers(text)] == ["orcid", "doi"]
