"""Gazetteers of public reference data: journals, funders and programmes, awards, institutions.

Each ``*.tsv`` file in this package holds entries one per line, tab-separated, with this header::

    type  name  zh  en  aliases  identifiers  parent  kind

``aliases`` are ``|``-separated surface forms; ``identifiers`` are ``scheme=value`` pairs separated by ``;``
(schemes: ``issn_l``, ``ror``, ``crossref_funder``, ``wikidata``); empty cells mean unknown. Lines starting with ``#``
are comments. See ``README.md`` in this folder for sources and rules.

Lookups compare ``kg.ids.normalize_name`` forms exactly, so full-width, spaced and bracketed (《自然》) surface forms
resolve to the same entry.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

from ingest.identifiers import normalize_identifier
from kg.ids import normalize_name

__all__ = [
    "GAZETTEER_DIR",
    "TYPES",
    "Gazetteer",
    "GazetteerEntry",
    "clear_gazetteer_cache",
    "load_gazetteer",
    "read_entries",
]

GAZETTEER_DIR = Path(__file__).resolve().parent
#: entry types, in the order ``lookup(surface)`` without a type prefers them
TYPES: tuple[str, ...] = ("Journal", "Award", "Institution", "Funder")
_COLUMNS = ("type", "name", "zh", "en", "aliases", "identifiers", "parent", "kind")
# Chinese names of journal families are written with any of these between the parts (自然-通讯, 自然·通讯, 自然•通讯)
_SEPARATORS = "-·•・‧–—"
_CJK_SEPARATED = re.compile(rf"(?<=[\u3400-\u9fff])\s*[{_SEPARATORS}]\s*(?=[\u3400-\u9fff])")


_LATIN_ABBREVIATION = re.compile(r"(?<=[A-Za-z])\.")
_AMPERSAND = re.compile(r"\s+&\s+")
_AND = re.compile(r"\s+and\s+")


def _variants(form: str) -> list[str]:
    """``form`` plus the spellings news uses for the same title.

    Separator variants when a separator sits between two Chinese characters (自然-通讯, 自然·通讯, 自然通讯); a
    dotless form of a Latin abbreviation (Nat. Commun. -> Nat Commun); ``&`` and ``and`` for each other.
    """
    variants = [form]
    # cheap membership tests first: most forms need no variant, and loading must stay fast
    if any(sep in form for sep in _SEPARATORS) and _CJK_SEPARATED.search(form):
        variants += [_CJK_SEPARATED.sub(sep, form) for sep in (*_SEPARATORS, "")]
    if "." in form and _LATIN_ABBREVIATION.search(form):
        variants.append(_LATIN_ABBREVIATION.sub("", form).strip())
    if "&" in form and _AMPERSAND.search(form):
        variants.append(_AMPERSAND.sub(" and ", form))
    elif " and " in form:
        variants.append(_AND.sub(" & ", form))
    return variants


@dataclass(frozen=True)
class GazetteerEntry:
    """One reference entity with its surface forms and public identifiers."""

    type: str
    name: str
    labels: Mapping[str, str]
    aliases: tuple[str, ...]
    identifiers: Mapping[str, str]
    parent: str | None = None
    kind: str | None = None

    def __hash__(self) -> int:
        # the labels and identifiers mappings are not hashable; type and name identify an entry
        return hash((self.type, self.name))

    @cached_property
    def _forms(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for form in (self.name, *self.labels.values(), *self.aliases):
            for variant in _variants(form) if form else ():
                seen.setdefault(variant, None)
        return tuple(seen)

    def forms(self) -> tuple[str, ...]:
        """Every surface form of the entry: canonical name, labels, aliases (deduplicated, in that order).

        A Chinese form with a separator (自然-通讯) also yields its variants with the other separators and none.
        """
        return self._forms


def _split(cell: str, sep: str) -> list[str]:
    return [part.strip() for part in cell.split(sep) if part.strip()]


def _parse_row(row: Mapping[str, str], where: str) -> GazetteerEntry:
    etype = (row.get("type") or "").strip()
    name = (row.get("name") or "").strip()
    if etype not in TYPES:
        raise ValueError(f"{where}: unknown entry type {etype!r}")
    if not name:
        raise ValueError(f"{where}: entry without a name")
    labels = {lang: (row.get(lang) or "").strip() for lang in ("zh", "en")}
    identifiers: dict[str, str] = {}
    for pair in _split(row.get("identifiers") or "", ";"):
        scheme, sep, value = pair.partition("=")
        if not sep or not value.strip():
            raise ValueError(f"{where}: identifier {pair!r} is not scheme=value")
        identifiers[scheme.strip()] = value.strip()
    return GazetteerEntry(
        type=etype,
        name=name,
        labels=MappingProxyType({k: v for k, v in labels.items() if v}),
        aliases=tuple(_split(row.get("aliases") or "", "|")),
        identifiers=MappingProxyType(identifiers),
        parent=(row.get("parent") or "").strip() or None,
        kind=(row.get("kind") or "").strip() or None,
    )


def read_entries(path: Path) -> list[GazetteerEntry]:
    """Read one gazetteer TSV file; raises ``ValueError`` naming the file and line on a malformed row."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(f"{path}: header must be {_COLUMNS!r}, got {reader.fieldnames!r}")
    return [_parse_row(row, f"{path.name} row {n}") for n, row in enumerate(reader, start=1)]


@dataclass(frozen=True)
class Gazetteer:
    """Entries plus an index from normalised surface form to entry, per type (built on construction)."""

    entries: tuple[GazetteerEntry, ...]
    _index: Mapping[str, Mapping[str, GazetteerEntry]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # on a surface form shared by two entries of one type the first keeps it (tests keep the shipped lists free
        # of such clashes; an ``extra`` file cannot take over a shipped form)
        index: dict[str, dict[str, GazetteerEntry]] = {t: {} for t in TYPES}
        for entry in self.entries:
            for form in entry.forms():
                index[entry.type].setdefault(normalize_name(form), entry)
        object.__setattr__(self, "entries", tuple(self.entries))
        object.__setattr__(self, "_index", MappingProxyType(index))

    @classmethod
    def from_entries(cls, entries: Sequence[GazetteerEntry]) -> Gazetteer:
        """A gazetteer of ``entries`` (in order)."""
        return cls(entries=tuple(entries))

    def lookup(self, surface: str, type: str | None = None) -> GazetteerEntry | None:
        """The entry whose normalised surface form equals ``surface``'s, of ``type`` (or of any type, by ``TYPES``)."""
        key = normalize_name(surface)
        for etype in (type,) if type else TYPES:
            entry = self._index.get(etype, {}).get(key)
            if entry is not None:
                return entry
        return None

    def by_identifier(self, scheme: str, value: str) -> GazetteerEntry | None:
        """The first entry carrying ``value`` (any written form, e.g. a ror.org URL) under ``scheme``, if any."""
        wanted = normalize_identifier(scheme, value)
        if wanted is None:
            return None
        for entry in self.entries:
            if entry.identifiers.get(scheme) == wanted:
                return entry
        return None

    def surface_forms(self, type: str | None = None) -> Iterator[tuple[str, GazetteerEntry]]:
        """Every (surface form as written, entry) pair, for building matchers (ordering is the caller's)."""
        for entry in self.entries:
            if type is None or entry.type == type:
                for form in entry.forms():
                    yield form, entry

    def by_name(self, name: str, type: str | None = None) -> GazetteerEntry | None:
        """The entry whose canonical name is ``name`` (normalised), e.g. to resolve a ``parent``."""
        entry = self.lookup(name, type)
        return entry if entry is not None and normalize_name(entry.name) == normalize_name(name) else None


def _default_files() -> tuple[Path, ...]:
    return tuple(sorted(GAZETTEER_DIR.glob("*.tsv")))


@lru_cache(maxsize=8)
def _load(files: tuple[Path, ...]) -> Gazetteer:
    entries: list[GazetteerEntry] = []
    for path in files:
        entries.extend(read_entries(path))
    return Gazetteer.from_entries(entries)


def load_gazetteer(extra: Sequence[Path] = ()) -> Gazetteer:
    """The shipped gazetteer, with entries of ``extra`` TSV files (same format) appended; cached per file list."""
    return _load(_default_files() + tuple(Path(p) for p in extra))


def clear_gazetteer_cache() -> None:
    """Forget loaded gazetteers, so the next ``load_gazetteer`` rereads the files (after editing them)."""
    _load.cache_clear()
