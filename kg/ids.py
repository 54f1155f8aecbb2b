"""Stable identifiers and the name normalisation they are derived from.

An entity id depends only on its type and the normalised canonical name, so the same entity read from two files or two
runs gets the same id (see ``docs/decisions/20261127-id-scheme.md``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from kg.model import EntityType

#: the id prefix of each entity type
TYPE_PREFIX: dict[str, str] = {
    "Researcher": "researcher",
    "Institution": "institution",
    "Journal": "journal",
    "Funder": "funder",
    "Award": "award",
    "Publication": "publication",
    "NewsItem": "item",
    "ImportBatch": "batch",
}
ENTITY_ID_PATTERN = r"^(researcher|institution|journal|funder|award|publication)-[0-9a-f]{12}$"
ITEM_ID_PATTERN = r"^item-[0-9a-f]{12}$"
BATCH_ID_PATTERN = r"^batch-[0-9a-f]{12}$"

_CJK = r"\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_BRACKETS = str.maketrans("", "", "《》〈〉「」『』\"'“”‘’")


def normalize_name(name: str) -> str:
    """Normalise a surface form for comparison and ids.

    NFKC (full-width to half-width), title brackets dropped, spaces between CJK characters removed, runs of spaces
    collapsed, Latin case folded.
    """
    text = unicodedata.normalize("NFKC", name).translate(_BRACKETS)
    text = _SPACE_BETWEEN_CJK.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return text.casefold()


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def entity_id(entity_type: EntityType | str, canonical_name: str) -> str:
    """The stable id of an entity: ``<type>-<12 hex digits of sha1(type, normalised name)>``."""
    return f"{TYPE_PREFIX[entity_type]}-{_digest(entity_type, normalize_name(canonical_name))}"


def item_id(title: str, text: str) -> str:
    """The stable id of a news item, derived from its normalised title and body so re-ingesting it is idempotent."""
    return f"item-{_digest(normalize_name(title), _SPACES.sub('', text))}"


def batch_id(item_ids: Iterable[str], salt: str = "") -> str:
    """An import batch id; ``salt`` (e.g. a timestamp) makes two runs over the same items distinct batches."""
    return f"batch-{_digest(salt, *sorted(item_ids))}"
