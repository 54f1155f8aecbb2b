"""Paper lists exported as delimited records: read one record a line, and extracted cell by cell (all names
invented)."""

from __future__ import annotations

from ingest.extract import extract_item
from ingest.extract.delimited_records import find
from ingest.readers.text import read_text
from kg.model import Extraction, NewsItem

ZH_EXPORT = (
    "星河大学化学学院2025年度论文统计表\n"
    "# 数据来源：科研管理系统；“#”为共同第一作者，“*”为通讯作者\n"
    "序号,论文题目,第一作者,通讯作者,全部作者,作者单位,期刊名称,卷(期):页码,发表日期,基金标注\n"
    '1,"Layered perovskite membranes sieve lithium from brine",林晓风,周明远,'
    '"林晓风,卜雨桐,周明远*","林晓风/周明远：化学学院；卜雨桐：中国科学院化学研究所",'
    'Nature Chemistry,17(3):301-309,2025-03-02,"国家自然科学基金;国家重点研发计划"\n'
    '2,"二维共价有机框架的可控合成",苏映雪,"欧阳景川,周明远","苏映雪#,韦子墨#,欧阳景川*,周明远*",'
    '"化学学院",化学学报,83(2):100-108,2025-02-11,"国家自然科学基金"\n'
    "共2条记录\n"
)

EN_EXPORT = (
    "Scopus export of department papers\n"
    "Authors,Author full names,Title,Year,Source title,Affiliations,Authors with affiliations,Funding Details\n"
    '"Ruizo A.; Mensar K.","Ruizo, Ana (57201234567); Mensar, Kofi (57201234568)",'
    '"Tidal mixing sets the pace of carbon burial in salt marshes",2025,Nature Geoscience,'
    '"University of Oxford, Oxford, United Kingdom; Stanford University, Stanford, United States",'
    '"Ruizo, A., University of Oxford, Oxford, United Kingdom; Mensar, K., Stanford University, Stanford, '
    'United States","Natural Environment Research Council; National Science Foundation, NSF: 2034567"\n'
    '"Ortsberg L.; Ruizo A.","Ortsberg, Lina (57201234569); Ruizo, Ana (57201234567)",'
    '"Sediment cores record two centuries of marsh retreat",2024,Estuarine Coastal and Shelf Science,'
    '"University of Oxford, Oxford, United Kingdom","Ortsberg, L., University of Oxford, Oxford, United Kingdom; '
    'Ruizo, A., University of Oxford, Oxford, United Kingdom","Natural Environment Research Council"\n'
)

TAB_EXPORT = (
    "课题组论文清单\n"
    "论文题目\t第一作者\t通讯作者\t全部作者\t期刊名称\t基金标注\n"
    "钙钛矿太阳电池的界面钝化\t林晓风\t周明远\t林晓风、卜雨桐、周明远*\t物理学报\t国家自然科学基金\n"
    "柔性热电薄膜的室温制备\t卜雨桐\t周明远\t卜雨桐、苏映雪、周明远*\t物理学报\t国家重点研发计划；国家自然科学基金\n"
)

PROSE = (
    "Marsh study wins support\n"
    "The team, which includes chemists, geologists, ecologists and engineers, sampled marshes in spring,\n"
    "summer, autumn and winter, and found that carbon, nitrogen, phosphorus and silica all moved with the\n"
    "tides, the wind, the river and the seasons, said Ana Ruizo, who led the work, in an interview.\n"
)


def _item(text: str) -> NewsItem:
    items = list(read_text(text, "export.txt"))
    assert len(items) == 1
    return items[0]


def _facts(extraction: Extraction, predicate: str) -> set[tuple[str, str, str | None]]:
    names = {e.id: e.name for e in extraction.entities}
    return {(names[r.subject], names[r.object], r.role) for r in extraction.relations if r.predicate == predicate}


def _names(extraction: Extraction, etype: str) -> set[str]:
    return {e.name for e in extraction.entities if e.type == etype}


def test_records_keep_their_lines_apart() -> None:
    item = _item(ZH_EXPORT)
    assert item.title == "星河大学化学学院2025年度论文统计表"
    lines = item.text.split("\n")
    assert any(line.startswith("序号,论文题目,") and line.endswith("基金标注") for line in lines)
    assert any(line.startswith('1,"Layered') and line.endswith('国家重点研发计划"') for line in lines)
    assert any(line.startswith('2,"二维') for line in lines)


def test_tab_records_keep_their_tabs() -> None:
    item = _item(TAB_EXPORT)
    assert "论文题目\t第一作者\t通讯作者" in item.text
    assert any(line.startswith("柔性热电薄膜") and line.count("\t") == 5 for line in item.text.split("\n"))


def test_chinese_export() -> None:
    item = _item(ZH_EXPORT)
    extraction = extract_item(item)
    people = _names(extraction, "Researcher")
    assert {"林晓风", "卜雨桐", "周明远", "苏映雪", "韦子墨", "欧阳景川"} <= people
    assert not any(mark in name for name in people for mark in "#*")
    assert {"Nature Chemistry", "化学学报"} <= _names(extraction, "Journal")
    first, second = "Layered perovskite membranes sieve lithium from brine", "二维共价有机框架的可控合成"
    assert {first, second} <= _names(extraction, "Publication")
    authors = _facts(extraction, "authorOf")
    assert {
        ("林晓风", first, "first"),
        ("卜雨桐", first, None),
        ("周明远", first, "corresponding"),
        ("苏映雪", second, "first"),
        ("韦子墨", second, "first"),
        ("欧阳景川", second, "corresponding"),
        ("周明远", second, "corresponding"),
    } <= authors
    assert (first, "Nature Chemistry", None) in _facts(extraction, "publishedIn")
    funded = {(paper, funder) for paper, funder, _ in _facts(extraction, "fundedBy")}
    assert {(first, "国家自然科学基金"), (first, "国家重点研发计划"), (second, "国家自然科学基金")} <= funded
    affiliations = {(person, unit) for person, unit, _ in _facts(extraction, "affiliatedWith")}
    assert ("卜雨桐", "中国科学院化学研究所") in affiliations
    assert not any(person == "卜雨桐" and unit.endswith("化学学院") for person, unit in affiliations)
    assert any(person == "林晓风" and unit.endswith("化学学院") for person, unit in affiliations)
    colleagues = {frozenset((a, b)) for a, b, _ in _facts(extraction, "collaboratedWith")}
    assert frozenset(("林晓风", "卜雨桐")) in colleagues
    assert frozenset(("苏映雪", "欧阳景川")) in colleagues


def test_first_and_corresponding_is_first() -> None:
    text = ZH_EXPORT.replace('"林晓风,卜雨桐,周明远*"', '"林晓风*,卜雨桐,周明远*"').replace(
        ",林晓风,周明远,", ',林晓风,"林晓风,周明远",'
    )
    records = find(text)
    roles = {span.name: role for span, role in records[0].authors}
    assert roles == {"林晓风": "first", "卜雨桐": None, "周明远": "corresponding"}


def test_scopus_export() -> None:
    item = _item(EN_EXPORT)
    extraction = extract_item(item)
    people = _names(extraction, "Researcher")
    assert {"Ana Ruizo", "Kofi Mensar", "Lina Ortsberg"} <= people
    paper = "Tidal mixing sets the pace of carbon burial in salt marshes"
    assert paper in _names(extraction, "Publication")
    authors = _facts(extraction, "authorOf")
    assert ("Ana Ruizo", paper, None) in authors and ("Kofi Mensar", paper, None) in authors
    assert (paper, "Nature Geoscience", None) in _facts(extraction, "publishedIn")
    funders = {funder for p, funder, _ in _facts(extraction, "fundedBy") if p == paper}
    assert "Natural Environment Research Council" in funders
    assert any("National Science Foundation" in f for f in funders)
    affiliations = {(person, unit) for person, unit, _ in _facts(extraction, "affiliatedWith")}
    assert ("Ana Ruizo", "University of Oxford") in affiliations
    assert ("Kofi Mensar", "Stanford University") in affiliations
    assert ("Ana Ruizo", "Stanford University") not in affiliations


def test_tab_separated_export() -> None:
    extraction = extract_item(_item(TAB_EXPORT))
    assert {"林晓风", "卜雨桐", "周明远", "苏映雪"} <= _names(extraction, "Researcher")
    paper = "柔性热电薄膜的室温制备"
    authors = _facts(extraction, "authorOf")
    assert {("卜雨桐", paper, "first"), ("苏映雪", paper, None), ("周明远", paper, "corresponding")} <= authors
    assert (paper, "物理学报", None) in _facts(extraction, "publishedIn")
    funded = {funder for p, funder, _ in _facts(extraction, "fundedBy") if p == paper}
    assert {"国家重点研发计划", "国家自然科学基金"} <= funded


def test_prose_with_commas_is_no_table() -> None:
    item = _item(PROSE)
    assert "\n" not in item.text.split("\n", 1)[-1].strip()  # (the wrapped paragraph is joined as before)
    assert find(item.text) == []
    assert find(PROSE) == []


def test_a_wrapped_list_of_names_is_no_header_row() -> None:
    """Lines of names apart by commas, hard-wrapped, name no column: they are joined as a paragraph."""
    from ingest.segment_lines import join_wrapped

    lines = [
        "Thanks to Ana Ruizo, Kofi Mensar, Lina Ortsberg, Tom",
        "Lee, Ming Hart, Sara Holm, Omar Diallo",
        "Rui Costa, Jan Berg, Eva Lind, Paul Roy",
        "and the jury for their work this year.",
    ]
    assert "Tom Lee" in join_wrapped(lines)


def test_scopus_affiliations_of_two_authors_with_one_surname() -> None:
    """'Wang, J., Oxford …; Wang, L., Stanford …': each unit goes to its own Wang, not both to the first."""
    text = (
        "Scopus export\n"
        "Authors,Author full names,Title,Year,Source title,Authors with affiliations\n"
        '"Holm J.; Holm L.","Holm, Jonas (1); Holm, Lena (2)","Salt marsh carbon under rising seas",2025,'
        'Nature Geoscience,"Holm, J., University of Oxford, Oxford, United Kingdom; Holm, L., Stanford University, '
        'Stanford, United States"\n'
        '"Holm J.","Holm, Jonas (1)","Marsh cores",2024,Nature Geoscience,'
        '"Holm, J., University of Oxford, Oxford, United Kingdom"\n'
    )
    affiliations = {(person, unit) for person, unit, _ in _facts(extract_item(_item(text)), "affiliatedWith")}
    assert ("Lena Holm", "Stanford University") in affiliations
    assert ("Jonas Holm", "Stanford University") not in affiliations
