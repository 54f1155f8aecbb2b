"""Rules found on the en16 set (mainstream English pages), checked on fictional texts: people made up, institutions,
journals and funders from the public gazetteers."""

from __future__ import annotations

from ingest.extract import extract_item
from ingest.readers.text import read_text
from tests.ingest.test_extract_en7_rules import _extract, _facts, _names
from tests.ingest.test_readers_set16 import ZH_LISTS


def test_a_reference_whose_last_author_joins_with_an_ampersand_and_whose_doi_is_on_the_next_line() -> None:
    """An institute's "Original publication": ``A, B & C: <title>. <Journal> (2027).`` over ``DOI: …``."""
    text = (
        "Ice algae feed winter bacteria\n"
        "Researchers at the University of Bremen show how bacteria live in sea ice.\n\n"
        "Original publication\n"
        "Mara Quellhorst, Ilse Varnhagen & Tomas Quillfeld: Sugar-cutting enzymes keep brine bacteria active in "
        "winter sea ice. Nature Microbiology (2027).\nDOI: 10.1038/s00000-027-00000-0\n"
    )
    extraction = _extract(text)
    title = "Sugar-cutting enzymes keep brine bacteria active in winter sea ice"
    assert title in _names(extraction, "Publication")
    assert (title, "Nature Microbiology") in _facts(extraction, "publishedIn")
    assert ("Tomas Quillfeld", title) in _facts(extraction, "authorOf")


def test_letters_after_a_name_are_no_part_of_it() -> None:
    """Professor Odran Vantreight FRS: a fellowship's letters, not a surname."""
    text = (
        "Obituary: Professor Odran Vantreight FRS (1940–2027)\n"
        "Professor Odran Vantreight FRS, who worked on protein folding at the University of Edinburgh, has died.\n"
    )
    names = _names(_extract(text), "Researcher")
    assert "Odran Vantreight" in names
    assert not any("FRS" in name for name in names)


def test_a_sentence_opening_with_a_researchers_given_name_speaks_of_them() -> None:
    """An obituary calls its subject by the given name ("Odran became …"): the prize is theirs, not the last
    person named before the sentence."""
    text = (
        "Obituary: Professor Odran Vantreight (1940–2027)\n"
        "Professor Odran Vantreight of the University of Edinburgh has died. He worked for thirty years with "
        "Professor Keiko Tanabrecht of Kyoto University.\n\n"
        "Odran received the Davy Medal in 2001.\n"
    )
    received = _facts(_extract(text), "received")
    assert ("Odran Vantreight", "Davy Medal") in received
    assert ("Keiko Tanabrecht", "Davy Medal") not in received


def test_a_month_that_is_also_a_given_name_opens_no_mention() -> None:
    """ "May saw …" opens a sentence with a month, not with May Lindqvar."""
    text = (
        "Glacier melt hits a record\n"
        "Dr May Lindqvar of Uppsala University measured the melt. Professor Jon Arvidsen of Lund University "
        "received the Polar Medal.\n\nMay saw the highest melt rate on record.\n"
    )
    extraction = _extract(text)
    spans = [m for e in extraction.entities if e.name == "May Lindqvar" for m in e.mentions]
    assert all(m.start < text.index("May saw") for m in spans)


def test_the_author_on_an_issues_metadata_line_is_no_researcher() -> None:
    """An article of a saved page cut into items keeps its 发布时间/来源/作者 line out of its text: the writer named
    there does not receive the prize the article reports."""
    first = next(iter(read_text(ZH_LISTS.replace("作者：林晓风", "作者：闻雪晴"), "lists.txt")))
    assert "闻雪晴" not in first.text
    assert "闻雪晴" not in {e.name for e in extract_item(first).entities}


def test_a_wechat_posts_bar_and_original_mark_are_no_part_of_a_name() -> None:
    """``Cell丨星河大学…团队…`` (丨 stands for a bar) and ``原创 生命科学学院 星河大学 2027年07月09日 18:02``."""
    text = (
        "Cell丨星河大学林晓风团队发现肠道菌群代谢物调控干细胞\n\n"
        "原创 生命科学学院 星河大学 2027年07月09日 18:02 浙江\n\n"
        "2027年7月8日，星河大学生命科学学院林晓风团队在Cell在线发表研究论文。\n"
    )
    (item,) = read_text(text, "post.txt")
    names = {e.name for e in extract_item(item).entities if e.type == "Institution"}
    assert not any(name.startswith(("丨", "原创")) for name in names)
    assert any(name.startswith("星河大学") for name in names)


def test_a_unit_after_the_short_form_of_an_institution_the_item_names_in_full() -> None:
    """ "the U-M Department of Chemistry" after "the University of Michigan": the department, part of the university
    (the short form is the initials of its capitalised words); a short form the item does not spell out stays."""
    text = (
        "Wetland microbes strip fluorine, University of Michigan study finds\n"
        "A University of Michigan study shows how marsh bacteria break down forever chemicals. Odran Vantreight, "
        "an associate professor in the U-M Department of Chemistry, led the work with Keiko Tanabrecht, a research "
        "fellow in the NVL Department of Physics.\n"
    )
    extraction = _extract(text)
    # (a unit named by its head word alone is qualified by its parent: Department of Chemistry, University of …)
    unit = next(name for name in _names(extraction, "Institution") if name.startswith("Department of Chemistry"))
    assert "U-M" not in unit
    assert (unit, "University of Michigan") in _facts(extraction, "partOf")
    assert ("Odran Vantreight", unit) in _facts(extraction, "affiliatedWith")
    assert "NVL Department of Physics" in _names(extraction, "Institution")


def test_a_paper_published_in_a_month_in_a_journal_and_a_co_author_named_as_an_advisor() -> None:
    """ "published in February in Physical Review Letters": the month dates the paper, the journal follows;
    "his advisor, Mara Quellhorst": the job word names a researcher."""
    text = (
        "Student honours\n"
        'Graduate student Odran Vantreight is first author of "Cold molecules collide in a lattice," published in '
        "February in Physical Review Letters. His co-authors are his advisor, Mara Quellhorst, and theorist "
        "Keiko Tanabrecht of Harvard University.\n"
    )
    extraction = _extract(text)
    assert "Physical Review Letters" in _names(extraction, "Journal")
    assert {"Mara Quellhorst", "Keiko Tanabrecht"} <= _names(extraction, "Researcher")


def test_a_journal_abbreviated_in_chinese_text() -> None:
    """在J. Am. Chem. Soc.发表, 在Angew. Chem. Int. Ed.上发表: the abbreviated titles the gazetteer lists."""
    text = (
        "化学学院两项成果发表\n"
        "化学学院林晓风教授课题组在J. Am. Chem. Soc.发表题为“Photoredox deracemization of tertiary amines”的论文。"
        "周明远教授团队在Angew. Chem. Int. Ed.上发表论文。\n"
    )
    journals = _names(_extract(text, "zh"), "Journal")
    assert {"Journal of the American Chemical Society", "Angewandte Chemie International Edition"} <= journals


def test_a_group_leader_named_by_the_group() -> None:
    """ "Noura Haddarin's group at …", "Lukas Brandtner and his team at …", "Meghna Iyenvar and colleagues at …":
    researchers; "Dr Haddarin's group" (a title and a surname) names no one new."""
    text = (
        "Briefs\n"
        "Noura Haddarin's group at the University of Toronto sealed the modules. Lukas Brandtner and his team at ETH "
        "Zurich evolved one enzyme. The result comes from Meghna Iyenvar and colleagues at the Indian Institute of "
        "Science. Dr Haddarin's group at the University of Toronto will test it next.\n"
    )
    names = _names(_extract(text), "Researcher")
    assert {"Noura Haddarin", "Lukas Brandtner", "Meghna Iyenvar"} <= names
    assert "Dr Haddarin" not in names


def test_a_wire_releases_tags_and_a_marked_title_field() -> None:
    """EurekAlert's tag lines over a release (Peer-Reviewed Publication / the institution) are no person; a title
    field behind a reference mark (※ Paper title: …) is the paper's title."""
    text = (
        "Self-healing electrolyte keeps batteries running\n\nNews Release 14-Oct-2027\n\nPeer-Reviewed Publication\n"
        "Karolinska Institutet\n\nThe team of Professor Odran Vantreight reports a new electrolyte in Advanced "
        "Materials.\n\n※ Paper title: Dynamic ester networks heal sulfide electrolytes in lithium metal cells\n"
        "※ DOI: 10.1002/adma.202700000\n"
    )
    extraction = _extract(text)
    assert "Peer-Reviewed Publication" not in _names(extraction, "Researcher")
    assert "Dynamic ester networks heal sulfide electrolytes in lithium metal cells" in _names(
        extraction, "Publication"
    )


def test_a_clinical_department_head_is_a_researcher() -> None:
    """心血管内科主任X教授: the head of a hospital's clinical department (科主任), not an official (主任 alone)."""
    text = "研究登上《柳叶刀》\n“我们一直在想。”研究负责人、星河医院心血管内科主任林晓风教授说。\n"
    assert "林晓风" in _names(_extract(text, "zh"), "Researcher")


def test_a_clause_ending_in_a_head_word_is_no_institution() -> None:
    """很多患者住得离医院远, 河南两个分中心, 省内县级医院: a clause, a count and a scope before 医院/中心."""
    text = (
        "远程管理降低再住院风险\n很多患者住得离医院远，复查不及时。星河大学附属医院牵头北京、河南两个分中心的入组工作，"
        "省内县级医院也参与了研究。\n"
    )
    names = _names(_extract(text, "zh"), "Institution")
    assert "星河大学附属医院" in names
    assert not any(bad in name for name in names for bad in ("住得", "两个", "省内"))


def test_a_japanese_name_in_kanji_beside_its_romanised_reading() -> None:
    """上杉森健太（Kenta Uesugimori）: five characters, a Japanese name by its reading; 探索项目（Explorer Projects), a
    scheme glossed in English, is none."""
    text = (
        "日本学者访问我院\n日本东京大学物性研究所上杉森健太（Kenta Uesugimori）教授应邀访问我院。"
        "该项目获星河科学基金会探索项目（Explorer Projects）资助。\n"
    )
    names = _names(_extract(text, "zh"), "Researcher")
    assert "上杉森健太" in names
    assert "探索项目" not in names
