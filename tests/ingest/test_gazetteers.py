"""The shipped gazetteers: loading, lookup, integrity of names, parents and identifiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.gazetteers import (
    TYPES,
    Gazetteer,
    GazetteerEntry,
    clear_gazetteer_cache,
    load_gazetteer,
    read_entries,
)
from ingest.identifiers import valid_identifier
from kg.ids import normalize_name

HEADER = "type\tname\tzh\ten\taliases\tidentifiers\tparent\tkind\n"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(("etype", "minimum"), [("Journal", 150), ("Funder", 50), ("Award", 60), ("Institution", 300)])
def test_gazetteer_coverage_per_type(gazetteer: Gazetteer, etype: str, minimum: int) -> None:
    assert sum(entry.type == etype for entry in gazetteer.entries) >= minimum


def test_gazetteer_every_identifier_passes_its_validator(gazetteer: Gazetteer) -> None:
    checked = 0
    for entry in gazetteer.entries:
        for scheme, value in entry.identifiers.items():
            assert valid_identifier(scheme, value), f"{entry.type} {entry.name}: {scheme}={value}"
            checked += 1
    assert checked > 200


@pytest.mark.parametrize(
    ("etype", "scheme"),
    [("Journal", "issn_l"), ("Institution", "ror"), ("Funder", "crossref_funder"), ("Award", "wikidata")],
)
def test_gazetteer_identifier_schemes_fit_types(gazetteer: Gazetteer, etype: str, scheme: str) -> None:
    allowed = {
        "Journal": {"issn_l", "wikidata"},
        "Institution": {"ror", "wikidata"},
        "Funder": {"crossref_funder", "ror", "wikidata"},
        "Award": {"wikidata"},
    }[etype]
    entries = [e for e in gazetteer.entries if e.type == etype]
    assert any(scheme in e.identifiers for e in entries)
    assert all(set(e.identifiers) <= allowed for e in entries)


def test_gazetteer_identifiers_are_unique_per_type(gazetteer: Gazetteer) -> None:
    seen: dict[tuple[str, str, str], str] = {}
    for entry in gazetteer.entries:
        for scheme, value in entry.identifiers.items():
            key = (entry.type, scheme, value)
            assert key not in seen, f"{scheme}={value} on both {seen[key]} and {entry.name}"
            seen[key] = entry.name


@pytest.mark.parametrize("etype", TYPES)
def test_gazetteer_no_surface_form_names_two_entries_of_one_type(gazetteer: Gazetteer, etype: str) -> None:
    owner: dict[str, str] = {}
    for form, entry in gazetteer.surface_forms(etype):
        key = normalize_name(form)
        assert owner.setdefault(key, entry.name) == entry.name, f"{form!r}: {owner[key]} and {entry.name}"


@pytest.mark.parametrize("etype", TYPES)
def test_gazetteer_parents_resolve_to_entries_of_the_same_type(gazetteer: Gazetteer, etype: str) -> None:
    children = [e for e in gazetteer.entries if e.type == etype and e.parent]
    for entry in children:
        parent = gazetteer.by_name(entry.parent or "", etype)
        assert parent is not None, f"{entry.name}: parent {entry.parent!r} is not an entry"
        assert parent is not entry


def test_gazetteer_parent_chains_end(gazetteer: Gazetteer) -> None:
    for entry in gazetteer.entries:
        seen = {entry.name}
        current: GazetteerEntry | None = entry
        while current is not None and current.parent:
            assert current.parent not in seen, f"cycle through {current.parent}"
            seen.add(current.parent)
            current = gazetteer.by_name(current.parent, entry.type)


def test_gazetteer_cjk_entries_carry_labels(gazetteer: Gazetteer) -> None:
    for entry in gazetteer.entries:
        assert entry.labels, f"{entry.name} has no zh/en label"
        assert entry.name.strip() == entry.name and all(a.strip() == a for a in entry.aliases)


@pytest.mark.parametrize(
    ("surface", "etype", "name"),
    [
        ("《自然》", "Journal", "Nature"),
        ("nature", "Journal", "Nature"),
        ("自然•通讯", "Journal", "Nature Communications"),  # bullet separator, as the seed's PDF text writes it
        ("自然·通讯", "Journal", "Nature Communications"),
        ("Nat. Commun.", "Journal", "Nature Communications"),
        ("Nat Commun", "Journal", "Nature Communications"),
        ("ＰＮＡＳ", "Journal", "Proceedings of the National Academy of Sciences of the United States of America"),
        ("Nature Ecology and Evolution", "Journal", "Nature Ecology & Evolution"),
        ("物理评论快报", "Journal", "Physical Review Letters"),
        ("复 旦 大 学", "Institution", "复旦大学"),
        ("Fudan  University", "Institution", "复旦大学"),
        ("中科院物理所", "Institution", "中国科学院物理研究所"),
        ("Institute of Physics of the Chinese Academy of Sciences", "Institution", "中国科学院物理研究所"),
        ("麻省理工学院", "Institution", "Massachusetts Institute of Technology"),
        ("MIT", "Institution", "Massachusetts Institute of Technology"),
        ("国家自然科学基金委", "Funder", "国家自然科学基金"),
        ("NSFC", "Funder", "国家自然科学基金"),
        ("National Key R&D Program of China", "Funder", "国家重点研发计划"),
        ("国家科技进步奖二等奖", "Award", "国家科学技术进步奖二等奖"),
        ("未来科学大奖“生命科学奖”", "Award", "未来科学大奖生命科学奖"),
        ("Nobel Prize in Physics", "Award", "诺贝尔物理学奖"),
    ],
)
def test_gazetteer_lookup_resolves_surface_forms(gazetteer: Gazetteer, surface: str, etype: str, name: str) -> None:
    entry = gazetteer.lookup(surface, etype)
    assert entry is not None and entry.name == name
    assert entry.type == etype


def test_gazetteer_lookup_without_type_and_misses(gazetteer: Gazetteer) -> None:
    assert (entry := gazetteer.lookup("Physical Review Letters")) is not None and entry.type == "Journal"
    # 中国科学院 is both an Institution and a Funder: without a type, Institution wins (TYPES order)
    assert (entry := gazetteer.lookup("中科院")) is not None and entry.type == "Institution"
    assert gazetteer.lookup("中科院", "Funder") is not None
    assert gazetteer.lookup("Nature", "Institution") is None
    assert gazetteer.lookup("不存在的研究所") is None
    assert gazetteer.lookup("") is None


@pytest.mark.parametrize(
    ("name", "scheme", "value"),
    [
        ("Nature", "issn_l", "0028-0836"),
        ("复旦大学", "ror", "013q1eq08"),
        ("国家自然科学基金", "crossref_funder", "501100001809"),
        ("图灵奖", "wikidata", "Q185667"),
    ],
)
def test_gazetteer_entries_carry_identifiers(gazetteer: Gazetteer, name: str, scheme: str, value: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and entry.identifiers.get(scheme) == value


@pytest.mark.parametrize(
    ("scheme", "value", "name"),
    [
        ("ror", "https://ror.org/013q1eq08", "复旦大学"),
        ("issn_l", "00280836", "Nature"),
        ("crossref_funder", "10.13039/501100001809", "国家自然科学基金"),
        ("ror", "013q1eq09", None),  # checksum off: not an identifier at all
        ("issn_l", "0378-5955", None),  # valid, but no entry has it
    ],
)
def test_gazetteer_by_identifier(gazetteer: Gazetteer, scheme: str, value: str, name: str | None) -> None:
    entry = gazetteer.by_identifier(scheme, value)
    assert (entry.name if entry else None) == name


def test_gazetteer_surface_forms_cover_labels_and_aliases(gazetteer: Gazetteer) -> None:
    forms = {form for form, entry in gazetteer.surface_forms("Journal") if entry.name == "Nature Communications"}
    assert {"Nature Communications", "自然-通讯", "自然通讯", "Nat. Commun.", "Nat Commun"} <= forms
    assert all(entry.type == "Award" for _, entry in gazetteer.surface_forms("Award"))


def test_gazetteer_loading_is_cached() -> None:
    # (its speed is a benchmark's figure, bench/bench_extract.py, not a wall-clock bound a loaded machine breaks)
    clear_gazetteer_cache()
    first = load_gazetteer()
    assert load_gazetteer() is first
    clear_gazetteer_cache()
    assert load_gazetteer() is not first


def test_gazetteer_extra_files_are_appended(tmp_path: Path) -> None:
    extra = tmp_path / "local.tsv"
    extra.write_text(
        HEADER
        + "# a local addition\n"
        + "Institution\t示例大学量子研究院\t示例大学量子研究院\tQuantum Institute of Example University"
        + "\t量子院\t\t\tinstitute\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer([extra])
    entry = gazetteer.lookup("量子院", "Institution")
    assert entry is not None and entry.labels["en"] == "Quantum Institute of Example University"
    assert len(gazetteer.entries) == len(load_gazetteer().entries) + 1
    assert load_gazetteer().lookup("量子院") is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Person\tX\t\t\t\t\t\t\n", "unknown entry type"),
        ("Journal\t\t\t\t\t\t\t\n", "without a name"),
        ("Journal\tX\t\t\t\tissn_l\t\t\n", "not scheme=value"),
    ],
)
def test_gazetteer_rejects_malformed_rows(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_entries(path)


def test_gazetteer_built_from_entries_indexes_them() -> None:
    entry = GazetteerEntry("Journal", "Example Letters", {"zh": "示例快报"}, ("Ex. Lett.",), {})
    gazetteer = Gazetteer((entry,))
    assert gazetteer.lookup("示例 快报", "Journal") is entry
    assert gazetteer.lookup("Ex Lett") is entry
    assert gazetteer.lookup("Example Letters", "Award") is None


def test_gazetteer_entries_are_hashable(gazetteer: Gazetteer) -> None:
    by_entry = {entry: entry.name for entry in gazetteer.entries}
    assert len(by_entry) == len(gazetteer.entries)


def test_gazetteer_rejects_wrong_header(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("name\ttype\nNature\tJournal\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        read_entries(path)
