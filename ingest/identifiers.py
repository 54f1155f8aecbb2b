"""Public identifiers: validation, normalisation, and finding DOIs and ORCID iDs in running text.

Every scheme with a checksum is checked (a wrong identifier joins our graph to someone else's record, which is worse
than none):

- ISSN: 7 digits and a check character, weights 8..2, ``(11 - sum mod 11) mod 11``, 10 written ``X`` (ISO 3297).
- ORCID iD: 16 characters, ISO 7064 MOD 11-2 over the first 15 digits, 10 written ``X``.
- ROR id: ``0`` + 6 Crockford base32 characters + 2 decimal digits, the ISO 7064 MOD 97-10 checksum of the base32
  value of the first 7 characters: ``98 - (value * 100) mod 97``.
- DOI, Wikidata QID, Crossref Funder id: shape only (these schemes have no checksum).

Each ``normalize_<scheme>`` returns the canonical form (bare id, no resolver URL) or ``None`` when the value is not a
valid identifier of that scheme; each ``valid_<scheme>`` is ``normalize_<scheme>(s) is not None``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = [
    "NORMALIZERS",
    "find_identifiers",
    "normalize_crossref_funder",
    "normalize_doi",
    "normalize_identifier",
    "normalize_issn",
    "normalize_orcid",
    "normalize_qid",
    "normalize_ror",
    "valid_crossref_funder",
    "valid_doi",
    "valid_identifier",
    "valid_issn",
    "valid_orcid",
    "valid_qid",
    "valid_ror",
]

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def _clean(value: str) -> str:
    # NFKC turns full-width digits and letters (common in Chinese text) into ASCII
    return unicodedata.normalize("NFKC", value).strip()


def _strip_prefix(value: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub("", value, count=1)


# --- ISSN -------------------------------------------------------------------------------------------------------------
_ISSN = re.compile(r"^(\d{4})-?(\d{3}[\dX])$")
_ISSN_PREFIX = re.compile(r"^(?:[ep]-?)?issn(?:-l)?\s*[:：]?\s*", re.IGNORECASE)


def issn_check_char(first7: str) -> str:
    """The ISSN check character of the first seven digits."""
    total = sum(int(d) * w for d, w in zip(first7, range(8, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def normalize_issn(value: str) -> str | None:
    """``NNNN-NNNC`` (upper-case X) for a valid ISSN written with or without hyphen or ``ISSN`` prefix, else None."""
    match = _ISSN.match(_strip_prefix(_clean(value), _ISSN_PREFIX).upper())
    if not match:
        return None
    digits = match.group(1) + match.group(2)
    return f"{digits[:4]}-{digits[4:]}" if issn_check_char(digits[:7]) == digits[7] else None


# --- ORCID ------------------------------------------------------------------------------------------------------------
_ORCID = re.compile(r"^(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$")
_ORCID_PREFIX = re.compile(r"^(?:(?:https?://)?(?:www\.)?orcid\.org/|orcid\s*(?:id|iD)?\s*[:：]?\s*)", re.IGNORECASE)


def orcid_check_char(first15: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first fifteen ORCID digits."""
    total = 0
    for digit in first15:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


def normalize_orcid(value: str) -> str | None:
    """``NNNN-NNNN-NNNN-NNNC`` for a valid ORCID iD (bare, or as an orcid.org URL), else None."""
    match = _ORCID.match(_strip_prefix(_clean(value), _ORCID_PREFIX).upper())
    if not match:
        return None
    digits = "".join(match.groups())
    if orcid_check_char(digits[:15]) != digits[15]:
        return None
    return "-".join(match.groups())


# --- ROR --------------------------------------------------------------------------------------------------------------
_ROR = re.compile(rf"^0[{_CROCKFORD}]{{6}}\d{{2}}$")
_ROR_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?ror\.org/", re.IGNORECASE)


def ror_checksum(first7: str) -> int:
    """The ISO 7064 MOD 97-10 checksum of the Crockford base32 value of the first seven ROR characters."""
    number = 0
    for char in first7:
        number = number * 32 + _CROCKFORD.index(char)
    return 98 - (number * 100) % 97


def normalize_ror(value: str) -> str | None:
    """The bare lower-case ROR id (``0xxxxxxNN``) for a valid ROR id or ror.org URL, else None."""
    bare = _strip_prefix(_clean(value), _ROR_PREFIX).rstrip("/").lower()
    if not _ROR.match(bare):
        return None
    return bare if ror_checksum(bare[:7]) == int(bare[7:]) else None


# --- DOI --------------------------------------------------------------------------------------------------------------
# Crossref's recommended pattern, widened to characters seen in modern DOIs; no whitespace, no CJK, no <> (HTML)
_DOI_BODY = r"10\.\d{4,9}/[-._;()/:A-Za-z0-9+\[\]#~%*]+"
_DOI = re.compile(rf"^{_DOI_BODY}$")
_DOI_PREFIX = re.compile(r"^(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*[:：]?\s*)", re.IGNORECASE)


def normalize_doi(value: str) -> str | None:
    """The bare lower-case DOI (``10.NNNN/suffix``; DOIs are case-insensitive) from a DOI or its URL, else None."""
    bare = _strip_prefix(_clean(value), _DOI_PREFIX)
    return bare.lower() if _DOI.match(bare) else None


# --- Wikidata, Crossref Funder ----------------------------------------------------------------------------------------
_QID = re.compile(r"^Q[1-9]\d*$")
_QID_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?wikidata\.org/(?:wiki|entity)/", re.IGNORECASE)
_FUNDER = re.compile(r"^(?:100\d{6}|5011\d{8})$")
_FUNDER_PREFIX = re.compile(r"^(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*:\s*)?10\.13039/", re.IGNORECASE)


def normalize_qid(value: str) -> str | None:
    """``Q<number>`` for a Wikidata item id or its URL, else None."""
    bare = _strip_prefix(_clean(value), _QID_PREFIX).upper()
    return bare if _QID.match(bare) else None


def normalize_crossref_funder(value: str) -> str | None:
    """The bare Crossref Funder Registry number (``100000002``, ``501100001809``) from it or its 10.13039 DOI."""
    bare = _strip_prefix(_clean(value), _FUNDER_PREFIX)
    return bare if _FUNDER.match(bare) else None


def valid_issn(value: str) -> bool:
    """Whether ``value`` is an ISSN with a correct check character."""
    return normalize_issn(value) is not None


def valid_orcid(value: str) -> bool:
    """Whether ``value`` is an ORCID iD (bare or URL) with a correct ISO 7064 11-2 check character."""
    return normalize_orcid(value) is not None


def valid_ror(value: str) -> bool:
    """Whether ``value`` is a ROR id (bare or URL) with a correct checksum."""
    return normalize_ror(value) is not None


def valid_doi(value: str) -> bool:
    """Whether ``value`` has the shape of a DOI (bare, ``doi:`` or resolver URL)."""
    return normalize_doi(value) is not None


def valid_qid(value: str) -> bool:
    """Whether ``value`` is a Wikidata item id (``Q42``) or its URL."""
    return normalize_qid(value) is not None


def valid_crossref_funder(value: str) -> bool:
    """Whether ``value`` is a Crossref Funder Registry id (bare number or ``10.13039/`` form)."""
    return normalize_crossref_funder(value) is not None


#: scheme name (as used in gazetteers and ``Entity.identifiers``) -> normaliser
NORMALIZERS: dict[str, Callable[[str], str | None]] = {
    "issn_l": normalize_issn,
    "issn": normalize_issn,
    "orcid": normalize_orcid,
    "ror": normalize_ror,
    "doi": normalize_doi,
    "wikidata": normalize_qid,
    "crossref_funder": normalize_crossref_funder,
}


def normalize_identifier(scheme: str, value: str) -> str | None:
    """The canonical form of ``value`` in ``scheme`` (a key of ``NORMALIZERS``), None when invalid or unknown."""
    normalizer = NORMALIZERS.get(scheme)
    return normalizer(value) if normalizer else None


def valid_identifier(scheme: str, value: str) -> bool:
    """Whether ``value`` is a valid identifier of ``scheme`` (unknown schemes are invalid)."""
    return normalize_identifier(scheme, value) is not None


# --- finding identifiers in running text ------------------------------------------------------------------------------
_DOI_IN_TEXT = re.compile(rf"(?<![0-9A-Za-z.]){_DOI_BODY}", re.IGNORECASE)
_ORCID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z-])\d{4}-\d{4}-\d{4}-\d{3}[\dXx](?![0-9A-Za-z-])")
# sentence punctuation that follows an identifier in text but is not part of it
_TRAILING = ".,;:!?'\"*#~%"
_PAIRS = {")": "(", "]": "["}


def _trim_doi(doi: str) -> str:
    """Drop trailing punctuation, and closing brackets that do not close a bracket inside the DOI."""
    while doi:
        last = doi[-1]
        unbalanced = last in _PAIRS and doi.count(last) > doi.count(_PAIRS[last])
        if last in _TRAILING or unbalanced:
            doi = doi[:-1]
        else:
            break
    return doi


def find_identifiers(text: str) -> list[tuple[str, str, int, int]]:
    """DOIs and ORCID iDs in ``text``: ``(scheme, normalised value, start, end)`` in text order.

    Offsets index ``text`` as given (no NFKC: full-width forms are not matched, so spans stay exact). Trailing
    punctuation is not part of a DOI; ORCID iDs with a wrong check character are dropped.
    """
    found: list[tuple[str, str, int, int]] = []
    for match in _DOI_IN_TEXT.finditer(text):
        doi = _trim_doi(match.group(0))
        value = normalize_doi(doi)
        if value:
            found.append(("doi", value, match.start(), match.start() + len(doi)))
    for match in _ORCID_IN_TEXT.finditer(text):
        value = normalize_orcid(match.group(0))
        if value:
            found.append(("orcid", value, match.start(), match.end()))
    found.sort(key=lambda hit: hit[2])
    return found
