"""Readers: every file format, every supported encoding, and the errors for input that cannot be read."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from ingest.readers import decode_bytes, news_files, read_path
from ingest.readers.text import read_text
from kg.errors import DecodeError, InputError, UsageError
from kg.ids import item_id

SAMPLES = Path(__file__).resolve().parents[2] / "ingest" / "samples"

RELEASE_ZH = "星河大学团队研制新型柔性传感器\n星河大学材料学院赵明远教授团队在《自然·电子》发表论文。\n"


def _pdf_bytes(*pages: list[str]) -> bytes:
    """A minimal PDF whose pages' text layers hold the given lines (Helvetica, so ASCII only)."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    count = len(pages)
    font = 3 + 2 * count  # objects: catalog, pages, (page, contents) per page, font
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count]
    for i, lines in enumerate(pages):
        ops = ["BT /F1 11 Tf 72 760 Td 14 TL"] + [f"({escape(line)}) Tj T*" for line in lines] + ["ET"]
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R" % (4 + 2 * i)
            + b" /Resources << /Font << /F1 %d 0 R >> >> >>" % font
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: text.encode("utf-8-sig"),
        lambda text: text.encode("utf-16"),  # BOM, native order
        lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
        lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
        lambda text: text.encode("gb18030"),
        lambda text: text.encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-bom", "utf16be-bom", "gb18030", "gbk"],
)
def test_readers_decode_supported_encodings(tmp_path: Path, encode) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes(encode(RELEASE_ZH))
    [item] = read_path(path)
    assert item.title == "星河大学团队研制新型柔性传感器"
    assert "赵明远教授团队在《自然·电子》发表论文。" in item.text


#: a Hong Kong release in traditional characters, as legacy Big5 files and GBK files carry it
RELEASE_HK = (
    "星河大學團隊研製新型柔性感測器\n星河大學化學系趙明遠教授團隊在《自然·電子》發表論文，研究獲研究資助局資助。\n"
)


@pytest.mark.parametrize("codec", ["big5", "big5hkscs", "gb18030"])
def test_readers_decode_traditional_chinese_in_big5_or_gbk(codec: str) -> None:
    # both are legacy double-byte encodings that decode each other's bytes into plausible characters
    assert decode_bytes(RELEASE_HK.encode(codec), "hk.txt") == RELEASE_HK


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text", ["Lakeshore team reports a new catalyst\nThe work appeared in Nature Catalysis.\n", RELEASE_ZH]
)
def test_readers_decode_utf16_without_bom_by_nul_pattern(codec: str, text: str) -> None:
    assert decode_bytes(text.encode(codec), "x.txt") == text


def test_readers_decode_binary_names_file_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"GIF89a\x01\x00\x01\x00\x80\xff\x00")
    with pytest.raises(DecodeError) as info:
        list(read_path(path))
    assert info.value.file == str(path)
    assert info.value.offset == 7  # the first NUL byte
    assert str(path) in str(info.value) and "byte offset 7" in str(info.value)


def test_readers_decode_truncated_utf8_reports_last_character(tmp_path: Path) -> None:
    data = RELEASE_ZH.strip().encode("utf-8")[:-1]  # cut the final 。 (3 bytes) inside its sequence
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    with pytest.raises(DecodeError) as info:
        list(read_path(path))
    assert info.value.offset == len(data) - 2
    assert "truncated" in str(info.value)


def test_readers_decode_bad_byte_inside_utf8_text() -> None:
    good = "新型柔性传感器研制成功".encode()
    with pytest.raises(DecodeError) as info:
        decode_bytes(good + b"\xff" + good, "news.txt")
    assert info.value.offset == len(good)
    assert info.value.file == "news.txt"


def test_readers_decode_truncated_utf16() -> None:
    data = b"\xff\xfe" + "柔性传感器".encode("utf-16-le") + b"\x41"
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, "u16.txt")
    assert info.value.offset == len(data) - 1


def test_readers_file_errors_go_to_on_error(tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 10)
    missing = tmp_path / "missing.txt"
    errors: list[InputError] = []
    assert list(read_path(binary, on_error=errors.append)) == []
    assert list(read_path(missing, on_error=errors.append)) == []
    assert [type(e) for e in errors] == [DecodeError, InputError]
    assert errors[1].file == str(missing)


def test_readers_jsonl_bad_lines_reported_others_read(tmp_path: Path) -> None:
    good = {
        "title": "Harbourview opens a robotics lab",
        "text": "The lab is led by Dr. Ana Ruiz.",
        "date": "2025-03-02",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"title": "", "text": "no title"}),
        json.dumps({"title": "Dated wrongly", "text": "x", "date": 20250101}),
        json.dumps(
            {
                "title": "南湖理工学院新成果",
                "text": "南湖理工学院邵一鸣教授团队发表论文。",
                "url": "https://n.example/1",
            }
        ),
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    items = list(read_path(path, on_error=errors.append))
    assert [item.title for item in items] == ["Harbourview opens a robotics lab", "南湖理工学院新成果"]
    assert items[0].date == "2025-03-02" and items[0].lang == "en"
    assert items[1].url == "https://n.example/1" and items[1].lang == "zh"
    assert [(e.item, e.field) for e in errors] == [("line 2", None), ("line 3", "title"), ("line 4", "date")]
    assert all(e.file == str(path) and f"line {e.details['line']}" in str(e) for e in errors)


def test_readers_jsonl_streams_and_raises_without_on_error(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text(json.dumps({"title": "First", "text": "Body."}) + "\n{broken\n", encoding="utf-8")
    items = read_path(path)
    assert inspect.isgenerator(items)
    assert next(items).title == "First"  # the first line is an item before the second is read
    with pytest.raises(InputError, match="line 2"):
        next(items)


def test_readers_rss_sample_feed() -> None:
    items = list(read_path(SAMPLES / "sample_feed.xml"))
    assert len(items) == 3
    assert [item.date for item in items] == ["2025-04-08", "2025-04-14", "2025-04-25"]
    assert [item.lang for item in items] == ["en", "zh", "en"]
    assert all(item.url and item.url.startswith("https://") for item in items)
    assert "<p>" not in items[0].text and "Harbourview University" in items[0].text
    assert items[1].text.startswith("海港大学团队揭示珊瑚白化的分子开关\n")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Lakeshore News</title>
  <entry>
    <title>Lakeshore physicists cool atoms with sound</title>
    <link href="https://lakeshore.example/sound"/>
    <published>2025-02-11T10:00:00Z</published>
    <summary type="html">&lt;p&gt;Professor Ines Moreau reports it in Physical Review Letters.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <link href="https://lakeshore.example/untitled"/>
    <summary>An entry without a title.</summary>
  </entry>
</feed>
"""


def test_readers_atom_feed_detected_by_content(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"  # the suffix says text, the content says Atom
    path.write_text(ATOM, encoding="utf-8")
    errors: list[InputError] = []
    [item] = read_path(path, on_error=errors.append)
    assert item.title == "Lakeshore physicists cool atoms with sound"
    assert item.date == "2025-02-11" and item.url == "https://lakeshore.example/sound"
    assert item.source == "Lakeshore News"
    assert item.text.endswith("Professor Ines Moreau reports it in Physical Review Letters.")
    assert len(errors) == 1 and errors[0].field == "title" and errors[0].file == str(path)


def test_readers_html_press_release_page() -> None:
    [item] = read_path(SAMPLES / "sample_page.html")
    assert item.title == "北川医学院团队发现肝癌免疫治疗新靶点"
    assert item.date == "2025-04-09"
    assert item.url and item.url.endswith("liver-cancer.html")
    assert item.text.startswith(item.title + "\n近日，北川医学院基础医学院")
    for leftover in ("图为", "责任编辑", "分享", "首页", "版权所有", "发布时间"):
        assert leftover not in item.text


@pytest.mark.parametrize(
    ("name", "title", "date", "leftovers"),
    [
        (
            "sample_press_release_en.txt",
            "Engineers at Westbrook Polytechnic build a self-healing concrete sensor",
            "2025-03-18",
            ("<br>", "Photo:", "Image credit", "By Emily", "Share this", "Back to top", "Home |", "Print"),
        ),
        (
            "sample_press_release_zh.txt",
            "西岭大学团队在钙钛矿发光材料研究中取得新进展",
            "2025-04-16",
            ("图为", "记者", "责任编辑", "【打印】", "返回顶部", "分享到", "<br>", "发布时间"),
        ),
    ],
)
def test_readers_press_release_text_drops_web_leftovers(name: str, title: str, date: str, leftovers) -> None:
    [item] = read_path(SAMPLES / name)
    assert item.title == title and item.date == date
    assert item.text.startswith(title + "\n")
    assert item.id == item_id(item.title, item.text)
    for leftover in leftovers:
        assert leftover not in item.text, leftover
    assert len(item.text) > 300  # the body is kept


def test_readers_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "release.pdf"
    path.write_bytes(
        _pdf_bytes(
            [
                "Riverside Institute maps deep-sea vents",
                "Researchers at the Riverside Institute of Oceanology",
                "report new hydrothermal vents in Nature Geoscience.",
            ]
        )
    )
    [item] = read_path(path)
    assert item.title == "Riverside Institute maps deep-sea vents"
    assert "Oceanology report new hydrothermal vents" in item.text
    assert item.lang == "en" and item.file == str(path)


def test_readers_pdf_without_text_layer_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf_bytes([], []))
    with pytest.raises(InputError, match="no text layer"):
        list(read_path(path))


def test_readers_newsletter_text_file_split(sample_path: Path) -> None:
    items = list(read_path(sample_path))
    assert len(items) > 1
    assert all(item.file == str(sample_path) for item in items)


def test_readers_malformed_feed_keeps_entries_before_the_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Intact entry</title><description>Body.</description></item>"
        "<item><title>Cut off</title><description>Bo",
        encoding="utf-8",
    )
    errors: list[InputError] = []
    items = list(read_path(path, on_error=errors.append))
    assert [item.title for item in items] == ["Intact entry"]
    assert len(errors) == 1 and "malformed feed" in str(errors[0]) and errors[0].file == str(path)


def test_readers_missing_file_raises_input_error_without_on_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        list(read_path(tmp_path / "nowhere.txt"))
    assert info.value.file == str(tmp_path / "nowhere.txt")


def test_readers_saved_page_tail_of_related_links_dropped(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(
        "Skip to main content\nLakeshore chemists make plastic from CO2\n"
        "Chemists at the Lakeshore Institute of Technology report a catalyst in Science.\n\n"
        "Related stories\nLakeshore opens a quantum centre\nLakeshore wins a prize\n",
        encoding="utf-8",
    )
    [item] = read_path(path)
    assert item.title == "Lakeshore chemists make plastic from CO2"
    assert item.text.endswith("report a catalyst in Science.")


def test_readers_gbk_xhtml_page_with_encoding_declaration(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="gbk"?>\n<html><head><title>云山理工学院新闻</title></head><body>'
        "<h1>云山理工学院研制新型催化剂</h1><p>云山理工学院化学系孙雅琴课题组在《自然·催化》发表论文。</p>"
        "</body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk"))
    [item] = read_path(path)
    assert item.title == "云山理工学院研制新型催化剂"
    assert item.text == "云山理工学院研制新型催化剂\n云山理工学院化学系孙雅琴课题组在《自然·催化》发表论文。"


def test_readers_pdf_newsletter_across_pages(tmp_path: Path) -> None:
    page_one = [
        "Campus Science Digest",
        "Issue 3, 2025",
        "",
        "New battery chemistry doubles cell lifetime",
        "Chemists at Lakeshore Institute of Technology report a sodium-ion",
        "cathode that keeps its capacity after 5,000 cycles, in Nature Energy.",
        "(Source: Lakeshore Institute of Technology, March 14)",
        "Telescope survey finds hidden dwarf galaxies",
        "A team at Harbourview University used archival survey data to iden-",
        "",
        "Page 1",
    ]
    page_two = [
        "Campus Science Digest",
        "",
        "tify 40 faint dwarf galaxies around the Milky Way.",
        "(Source: Harbourview University News, March 20)",
        "",
        "Page 2",
    ]
    path = tmp_path / "digest.pdf"
    path.write_bytes(_pdf_bytes(page_one, page_two))
    items = list(read_path(path))
    assert [item.title for item in items] == [
        "New battery chemistry doubles cell lifetime",
        "Telescope survey finds hidden dwarf galaxies",
    ]
    assert [item.date for item in items] == ["2025-03-14", "2025-03-20"]
    assert "used archival survey data to identify 40 faint dwarf galaxies" in items[1].text
    assert all("Campus Science Digest" not in item.text and "Page" not in item.text for item in items)


def test_readers_pdf_prize_list_splits_without_blank_lines(tmp_path: Path) -> None:
    page = [
        "Northbridge Prizes announced",
        "The 2025 Northbridge Prizes were announced on 2 April in two categories.",
        "Chemistry",
        "Professor Helen Zhao of Harbourview University received the prize for her work on",
        "electrocatalysis.",
        "Mathematics",
        "Professor Samuel Adeyemi of Harbourview University was honoured for his work on",
        "random matrices.",
        "(Source: Northbridge Foundation)",
        "Lakeshore opens a quantum sensing centre",
        "The Lakeshore Institute of Technology opened a centre for quantum sensing on 9 April.",
        "(Source: Lakeshore News)",
    ]
    path = tmp_path / "prizes.pdf"
    path.write_bytes(_pdf_bytes(page))
    items = list(read_path(path))  # two articles closed by source lines: detected as an issue
    assert [(item.title, item.parent_title) for item in items] == [
        ("Northbridge Prizes announced", None),
        ("Chemistry", "Northbridge Prizes announced"),
        ("Mathematics", "Northbridge Prizes announced"),
        ("Lakeshore opens a quantum sensing centre", None),
    ]


def test_readers_unknown_kind_is_a_usage_error(sample_path: Path) -> None:
    with pytest.raises(UsageError):
        list(read_path(sample_path, kind="magazine"))  # type: ignore[arg-type]


def test_readers_html_page_dated_by_its_printed_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>新闻网</title></head><body>"
        '<div class="nav"><a href="/">首页</a> | <a href="/news">新闻中心</a></div>'
        "<h1>我校学者在量子计算研究中取得进展</h1>"
        '<div class="meta">发布时间：2026-04-08 来源：物理学院 浏览次数：1024</div>'
        "<p>4月6日，我校物理学院团队在量子计算研究中取得进展。</p></body></html>",
        encoding="utf-8",
    )
    [item] = read_path(page)
    # a CMS prints its date and source as text: no <meta>, no <time>, and the body's 4月6日 has no year
    assert item.date == "2026-04-08"
    assert item.source == "物理学院"
    assert "发布时间" not in item.text


def test_readers_markdown_issue_is_one_item_per_heading_without_markup(tmp_path: Path) -> None:
    path = tmp_path / "lab-notes.md"
    path.write_text(
        "# Lab Notes — October 2026\n\n"
        "## Quantum sensor detects single spins\n\n"
        "Physicists led by **Prof. Hanna Lindgren** at [Chalmers University of Technology](https://example.org) "
        "have built a diamond sensor. The work is published in *Nature Physics*.\n\n"
        "```\nnot text\n```\n\n"
        "## Award\n\n"
        "> Professor Maja Holmberg of Lund University received the 2026 Göran Gustafsson Prize in chemistry.\n",
        encoding="utf-8",
    )
    items = list(read_path(path))
    assert [item.title for item in items] == ["Quantum sensor detects single spins", "Award"]
    assert "**" not in items[0].text and "](" not in items[0].text and "*Nature" not in items[0].text
    assert "Chalmers University of Technology" in items[0].text
    assert "not text" not in items[0].text
    assert "\nProfessor Maja Holmberg of Lund University" in items[1].text


def test_readers_markdown_sections_of_one_report_stay_one_item(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_text(
        "# Eel migration shifts with warming water\n\n"
        "Researchers at the Coastal Institute mapped eel migration.\n\n"
        "## Background\n\nEels cross the basin every spring.\n\n"
        "## Results\n\nDeparture came two weeks earlier.\n",
        encoding="utf-8",
    )
    items = list(read_path(path))
    assert [item.title for item in items] == ["Eel migration shifts with warming water"]
    assert "Departure came two weeks earlier." in items[0].text


DOCX = Path(__file__).parent / "data" / "zh_issue.docx"  # written by python-docx from Word's template


def test_read_docx_issue_gives_its_stories_and_table_rows() -> None:
    items = list(read_path(DOCX))
    assert [i.title for i in items] == ["海洋学院团队揭示深海微生物固碳机制", "我校两位教师获2026年度南屿青年科技奖"]
    assert items[0].source == "南屿大学新闻网"
    # the table's rows stay one line each, so the list of laureates keeps one person per line
    assert "\n冉立川 材料学院\n岑海川 物理学院" in items[1].text


def test_read_docx_that_is_not_a_word_file_or_the_old_format_names_the_file(tmp_path: Path) -> None:
    import zipfile

    broken = tmp_path / "notes.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("readme.txt", "not a document")
    with pytest.raises(InputError, match=r"notes\.docx.*word/document\.xml|word/document\.xml.*notes\.docx"):
        list(read_path(broken))
    garbage = tmp_path / "junk.docx"
    garbage.write_bytes(b"not a zip at all")
    with pytest.raises(InputError, match="junk.docx"):
        list(read_path(garbage))
    old = tmp_path / "issue.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(InputError, match=r"\.docx or PDF"):
        list(read_path(old))


def test_read_wire_release_furniture_is_not_its_headline(tmp_path: Path) -> None:
    release = tmp_path / "release.txt"
    release.write_text(
        "FOR IMMEDIATE RELEASE\n\nContact: Dana Whitcombe, Communications Office, +1 555 0100\n\n"
        "Pinecrest researchers find gene linked to migraine\n\n"
        "PINECREST, Ore. (Oct. 30, 2026) — Scientists at Pinecrest University have identified a gene variant.\n\n###\n",
        encoding="utf-8",
    )
    (item,) = read_path(release)
    assert item.title == "Pinecrest researchers find gene linked to migraine"
    assert "Dana" not in item.text and "###" not in item.text


MAILING = """Harlow Institute News | Issue 18 | November 2026
View this email in your browser

IN THIS ISSUE
- Harlow chemists make plastic from CO2
- Awards round-up

----------------------------------------

HARLOW CHEMISTS MAKE PLASTIC FROM CO2
Researchers in Professor Kofi Mensar's group have turned carbon dioxide into polycarbonate. The work appears in
Nature Catalysis.
Read more >

----------------------------------------

AWARDS ROUND-UP
Professor Kofi Mensar has received the Corday-Morgan Prize.

----------------------------------------
You are receiving this email because you subscribed to Harlow Institute News.
Unsubscribe | Update preferences
"""


def test_read_mailing_gives_one_item_per_story_between_rules(tmp_path: Path) -> None:
    path = tmp_path / "mailing.txt"
    path.write_text(MAILING, encoding="utf-8")
    items = list(read_path(path))
    assert [i.title for i in items] == ["HARLOW CHEMISTS MAKE PLASTIC FROM CO2", "AWARDS ROUND-UP"]
    assert all("Read more" not in i.text and "Unsubscribe" not in i.text for i in items)
    # forced to one item, the file stays one
    assert len(list(read_path(path, kind="item"))) == 1


def test_read_mailing_with_an_issue_line_and_long_headlines_still_splits_at_its_rules(tmp_path: Path) -> None:
    path = tmp_path / "weekly.txt"
    story = "The team, led by Dr. Ada Fenwick, reports a result in Nature. It was funded by the NSF.\n"
    path.write_text(
        "LAB NOTES WEEKLY\nIssue 47 | 14 November 2025\nThree stories from the research world this week.\n\n-----\n"
        "Caltech astronomers catch a white dwarf swallowing the remains of its giant planet\n\n" + story + "\n-----\n"
        "Wellcome backs Ghana–London malaria consortium with £4.2 million for five years\n\n" + story + "\n-----\n"
        "You are receiving Lab Notes Weekly because you subscribed. To unsubscribe, reply with STOP.\n",
        encoding="utf-8",
    )
    titles = [i.title for i in read_path(path)]
    assert titles[-2:] == [
        "Caltech astronomers catch a white dwarf swallowing the remains of its giant planet",
        "Wellcome backs Ghana–London malaria consortium with £4.2 million for five years",
    ]
    assert "-----" not in titles


def test_read_wechat_article_ends_before_its_links_to_earlier_posts(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(
        "我校团队在《自然》发表最新成果\n\n11月20日，我校化学学院骆晨川教授团队在《自然》发表论文。\n\n"
        "编辑 | 詹小川\n\n往期推荐\n我校3项成果入选2026年度中国科学十大进展\n",
        encoding="utf-8",
    )
    (item,) = read_path(path)
    assert "十大进展" not in item.text


def test_read_pipe_table_rows_stay_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "awards.txt"
    path.write_text(
        "我校成果获奖\n\n部分获奖项目如下：\n\n| 序号 | 项目名称 | 主要完成人 |\n| --- | --- | --- |\n"
        "| 1 | 高性能材料 | 戚晓川，柏明川 |\n| 2 | 诊疗体系 | 顾长川 |\n",
        encoding="utf-8",
    )
    (item,) = read_path(path)
    assert "\n| 1 | 高性能材料 | 戚晓川，柏明川 |\n| 2 | 诊疗体系 | 顾长川 |" in item.text


def test_a_folder_is_read_as_the_news_files_under_it_sorted_without_hidden_or_foreign_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.html", "a.txt", "b/1.jsonl", "notes.json", ".git/HEAD.txt", ".draft.md", "c.PDF"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    loose = tmp_path / "release.data"  # a file named on the command line is read whatever its suffix
    assert news_files([loose, tmp_path]) == [
        loose,
        tmp_path / "a.txt",
        tmp_path / "b" / "1.jsonl",
        tmp_path / "b" / "2.html",
        tmp_path / "c.PDF",
    ]


def test_a_folder_without_news_files_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match=f"{tmp_path}: the folder holds no news file"):
        news_files([tmp_path])


def test_release_masthead_block_over_the_headline_is_no_title() -> None:
    """PRESS RELEASE / issuing body / place and date, set off by a blank line: the headline is the line below."""
    text = (
        "Press release\nFenwick Institute for Polar Optics\nHarbourtown, 12 March 2026\n\n"
        "Ice crystals bend light in a new way\n\n"
        "A team led by Dr Ana Ruizo at the Fenwick Institute for Polar Optics reports the effect in Nature Physics.\n"
    )
    [item] = read_text(text, "release.txt", "item")
    assert item.title == "Ice crystals bend light in a new way"
    assert item.date == "2026-03-12"


def test_bold_markers_of_a_copied_post_are_dropped() -> None:
    """A post copied with Markdown bold (**…**) keeps its words, not the stars that would split names from text."""
    text = (
        "北岭大学团队在Cell Reports发表研究成果\n\n"
        "近日，**北岭大学医学院柯明川教授团队**在 **Cell Reports** 发表论文。博士研究生**闻立川**为第一作者。\n"
    )
    [item] = read_text(text, "post.txt", "item")
    assert "**" not in item.text
    assert "博士研究生闻立川为第一作者" in item.text


@pytest.mark.parametrize(
    ("dated", "source"),
    [
        ("2026-03-02  来源：星河大学新闻网", "星河大学新闻网"),
        ("发布时间：2026年3月2日", None),
    ],
)
def test_page_masthead_with_a_date_line_over_a_labelled_headline_is_no_title(dated: str, source: str | None) -> None:
    """The issuer's name over a line dating the page: the headline (column label kept) is the line below it, and
    the date line dates the item."""
    text = (
        f"星河大学\n{dated}\n【科研进展】化学学院柯明川团队在新型催化剂研究中取得新进展\n"
        "化学学院柯明川教授团队在新型催化剂研究方面取得重要进展，相关成果发表在《自然·催化》上。\n"
    )
    [item] = read_text(text, "page.txt", "item")
    assert item.title == "【科研进展】化学学院柯明川团队在新型催化剂研究中取得新进展"
    assert item.date == "2026-03-02"
    assert item.source == source
    assert "星河大学\n" not in item.text


def test_page_masthead_in_english_over_the_headline_is_no_title() -> None:
    text = (
        "Northvale University\nNorthvale News | 2 March 2026\nNew salt battery keeps its charge through winter\n"
        "A team led by Dr Ana Ruizo at Northvale University reports the battery in Joule.\n"
    )
    [item] = read_text(text, "page.txt", "item")
    assert item.title == "New salt battery keeps its charge through winter"
    assert item.date == "2026-03-02"


@pytest.mark.parametrize(
    "text",
    [
        # a headline dated under it, then a paragraph
        "星河大学新实验室揭牌\n2026-04-17  来源：星河大学\n\n　　近日，星河大学新实验室揭牌，柯明川教授出席。\n",
        # a headline dated under it, then a shorter label opening the text
        "深睡眠时大脑清除代谢废物的新机制被揭示\n星河脑科学　2026年03月12日 18:30\n\n【导读】\n"
        "　　人在深睡眠时，大脑是否会清洗掉白天积累的代谢废物？\n",
    ],
)
def test_a_dated_headline_keeps_its_title(text: str) -> None:
    [item] = read_text(text, "page.txt", "item")
    assert item.title == text.split("\n", 1)[0]


def test_magazine_running_heads_are_no_title_and_one_inside_a_sentence_is_cut_out() -> None:
    """A feature extracted from a magazine PDF: the running head with its page number, the season and the section
    label stand over the headline; a running head in mid-sentence is dropped and the sentence joined again."""
    text = (
        "WAVELENGTHS | The Northvale University Research Magazine                    17\n"
        "Autumn 2026\n\nFEATURE\n\nThe singing glacier\nHow a Northvale team listens to ice.\n\n"
        "Dr. Ana Ruizo and her colleagues were co-corresponding\n\n"
        "18                      WAVELENGTHS | Autumn 2026\n\n"
        "authors of the study in Nature Geoscience, working with Dr.\nKofi Mensar of Harlow Institute.\n"
    )
    [item] = read_text(text, "feature.txt", "item")
    assert item.title == "The singing glacier"
    assert "WAVELENGTHS" not in item.text
    assert "co-corresponding authors of the study" in item.text
    assert "Dr. Kofi Mensar" in item.text


def test_a_label_in_capitals_over_the_headline_is_no_title() -> None:
    text = (
        "CASE STUDY\n\nSalt batteries for island grids\n\n"
        "Funder: Northvale Research Council\nPrincipal investigator: Dr Ana Ruizo\n"
    )
    [item] = read_text(text, "case.txt", "item")
    assert item.title == "Salt batteries for island grids"


def test_a_media_contact_block_over_the_headline_is_no_title() -> None:
    text = (
        "EMBARGOED UNTIL 9:00 A.M. ET, MONDAY, MARCH 2, 2026\n\nMedia contact:\nDana Whitcombe\n"
        "Northvale Health Communications\n555.0142 | dana@example.org\n\n"
        "Protein in blood linked to stroke risk, Northvale Health study finds\n\n"
        "NORTHVALE - A protein made in the liver is linked to stroke, according to a study in Stroke.\n"
    )
    [item] = read_text(text, "release.txt", "item")
    assert item.title == "Protein in blood linked to stroke risk, Northvale Health study finds"
    assert "Dana" not in item.text


def test_a_newspaper_page_header_is_no_title() -> None:
    """A newspaper page printed to text opens with its header (date, weekday, paper) and page label."""
    text = (
        "2026年3月6日　星期五　　　　　　　　　　　　北岭日报\n综合新闻　　　　　　　　　　　　　　　　　　5\n\n"
        "我国科学家发现新型超导材料\n\n北岭日报讯 记者5日从北岭大学获悉，柯明川教授团队发现新型超导材料。\n"
    )
    [item] = read_text(text, "page.txt", "item")
    assert item.title == "我国科学家发现新型超导材料"
    assert item.date == "2026-03-06"


def test_a_report_chapter_over_its_section_is_no_title() -> None:
    """A page cut from a report opens inside a chapter (三、年度科研成果) whose numbered section heading below it is
    the story's headline."""
    text = (
        "北岭省科学院2025年度报告                      · 17 ·\n\n三、年度科研成果\n\n"
        "（一）光电研究所研制出新型光纤激光器\n    2025年，光电研究所柯明川研究员团队研制出新型激光器。\n"
    )
    [item] = read_text(text, "report.txt", "item")
    assert item.title == "（一）光电研究所研制出新型光纤激光器"
    assert "三、年度科研成果" not in item.text


def test_read_mail_digest_one_item_per_message_titled_by_its_subject() -> None:
    """A mailing list's digest: its table of topics is no story; each message is an item titled by its subject
    (the list's tag dropped, punctuation kept), without its headers."""
    rule = "-" * 40
    text = (
        "From: REEFNET-L digest <reefnet-l@lists.example.org>\nSubject: REEFNET-L Digest, Vol 12, Issue 3\n\n"
        "Today's Topics:\n   1. New paper: reef sounds (Ana Ruizo)\n   2. Congratulations to Kofi Mensar\n\n"
        f"{rule}\nMessage: 1\nFrom: Ana Ruizo <a.ruizo@northvale.example>\n"
        "Subject: [REEFNET-L] New paper: reef sounds\n\n"
        "Dear colleagues, our paper on reef sounds is now out in Science Advances.\n\n"
        f"{rule}\nMessage: 2\nFrom: REEFNET-L Moderator <owner@lists.example.org>\n"
        "Subject: [REEFNET-L] Re: Congratulations to Kofi Mensar\n\n"
        "Please join us in congratulating Kofi Mensar, who will receive the 2027 Northvale Medal.\n\n"
        f"{rule}\nEnd of REEFNET-L Digest, Vol 12, Issue 3\n"
    )
    items = list(read_text(text, "digest.txt"))
    assert [item.title for item in items] == ["New paper: reef sounds", "Congratulations to Kofi Mensar"]
    assert "Message: 1" not in items[0].text and "From:" not in items[0].text


def test_a_report_section_under_its_decimal_chapter_is_the_title() -> None:
    """3 Research Highlights / 3.2 …: the chapter a report page opens in is furniture, its section the headline."""
    text = (
        "24                                      Northvale Institute Annual Report 2026\n\n3 Research Highlights\n\n"
        "3.2 Reef sounds predict recovery\n\nA team led by Dr. Ana Ruizo has shown that reef sounds predict recovery.\n"
    )
    [item] = read_text(text, "report.txt", "item")
    assert item.title == "3.2 Reef sounds predict recovery"


def test_a_database_record_is_titled_by_its_title_field() -> None:
    """A grant database's page (label | site / Project Number: … / Title: …) is titled by its Title field; a notice
    with its own headline over labelled fields keeps its headline."""
    record = (
        "Project Details | Grant Finder\n\nProject Number: 1R01XX000001\nTitle: Reef sounds as a recovery signal\n"
        "Contact PI: RUIZO, ANA\nOrganization: NORTHVALE UNIVERSITY\n\nAbstract: Reefs make sounds.\n"
    )
    [item] = read_text(record, "record.txt", "item")
    assert item.title == "Reef sounds as a recovery signal"
    notice = "北岭大学2027年博士学位论文答辩公告\n\n答辩人：柯明川\n学号：2022001\n论文题目：单分子荧光成像方法研究\n"
    [item] = read_text(notice, "notice.txt", "item")
    assert item.title == "北岭大学2027年博士学位论文答辩公告"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # an official notice's issuer, letter-spaced over it
        ("北 岭 省 科 学 技 术 厅\n", "关于2027年度省重点研发计划拟立项项目的公示"),
        # a newspaper's edition line (name, date, page)
        ("北岭科学报 2027-04-12 第4版 人物周刊\n", "关于2027年度省重点研发计划拟立项项目的公示"),
        # a site's name over its navigation trail
        ("北岭大学新闻网\n首页 > 新闻动态 > 所内新闻\n", "关于2027年度省重点研发计划拟立项项目的公示"),
    ],
)
def test_page_furniture_over_a_notice_is_no_title(head: str, title: str) -> None:
    text = f"{head}{title}\n\n根据有关规定，经专家评审，拟对31个项目予以立项支持。北岭大学柯明川教授牵头的项目入选。\n"
    [item] = read_text(text, "notice.txt", "item")
    assert item.title == title


def test_a_headline_over_its_navigation_trail_stays_the_title() -> None:
    text = (
        "北岭大学2026年度十佳科研成果网络投票\n首页 > 通知公告 > 正文\n发布时间：2027-01-06 09:00\n\n"
        "为集中展示我校科技创新成效，现将候选成果予以展示。化学系柯明川教授团队的成果入选。\n"
    )
    [item] = read_text(text, "vote.txt", "item")
    assert item.title == "北岭大学2026年度十佳科研成果网络投票"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("NORTHVALE NEWS AND INFORMATION\n", "Q&A: Why the glacier is melting from below"),
        (
            "NEWS RELEASE 14-APR-2027\nEMBARGOED UNTIL 14-APR-2027 11:00 ET\n",
            "Fungi ferry plastics into roots, study finds",
        ),
    ],
)
def test_a_news_desks_label_over_a_title_with_a_colon_or_comma(head: str, title: str) -> None:
    """A desk's label in capitals right above the title, and a wire's dated release label, are no title; the title
    may hold a colon or a comma ("Q&A: …", "…, study finds")."""
    tail = "Peer-Reviewed Publication\nNORTHVALE UNIVERSITY\n\nDr. Ana Ruizo of Northvale University led the study.\n"
    text = f"{head}{title}\n{tail}"
    [item] = read_text(text, "release.txt", "item")
    assert item.title == title


def test_a_page_footer_under_a_rule_does_not_split_a_release() -> None:
    """A rule over a page's footer and its page number (----- / Publisher • site / Page 2 of 2) breaks a page, not
    a mailing into stories: the release stays one item, titled by its two-line headline."""
    text = (
        "Northvale News Release 27-041                         Page 1 of 2\n\n"
        "Northvale launches $30 million centre\nto predict the future of soil carbon\n\n"
        "The Northvale Science Agency has awarded $30 million to a centre led by Dr. Ana Ruizo.\n"
        "The centre will run for five years.\n"
        "--------------------------------------------------------------\n"
        "Northvale Science Agency • www.northvale.example\n                                Page 2 of 2\n\n"
        "Field trials will run on farms of the Northvale Cooperative.\n"
    )
    items = list(read_text(text, "release.txt"))
    assert [item.title for item in items] == [
        "Northvale launches $30 million centre to predict the future of soil carbon"
    ]
    assert "Field trials" in items[0].text


def test_a_wrapped_headline_and_a_rubric_above_a_feature() -> None:
    """A field's rubric over a feature's title (Ocean science / Reef sounds …) under a section label dated in the
    day-first way is furniture; a headline wrapped onto a second line is joined."""
    feature = (
        "RESEARCH BRIEFS | 12 May 2027\n\nOcean science\n\nReefs that sing\n\n"
        "A study of reef sounds shows that they predict recovery.\n\nBy Ana Ruizo\n\nReefs make sounds.\n"
    )
    assert [item.title for item in read_text(feature, "nv.txt", "item")] == ["Reefs that sing"]
    wrapped = (
        "Old specimens reveal a century of mercury in Northvale\nseabirds\n\n"
        "Mercury in Northvale seabirds rose four-fold between 1890 and the 1970s, a study of museum\n"
        "specimens shows. It was led by Dr Ana Ruizo of the Northvale Centre for Ecology.\n"
    )
    [item] = read_text(wrapped, "release.txt", "item")
    assert item.title == "Old specimens reveal a century of mercury in Northvale seabirds"


def test_a_data_export_with_comment_lines_is_no_markdown(tmp_path: Path) -> None:
    """'# …' comment lines of a data export hold sentences: no Markdown headings, so the export's first line stays
    its title."""
    path = tmp_path / "export.txt"
    path.write_text(
        "Northvale Grants: projects export\n# query: reefs | generated 2027-02-11 | 2 records\n"
        'Ref,Title,PI\nNV/1,"Reef sounds",Dr Ana Ruizo\nNV/2,"Coral recovery",Dr Kofi Mensar\n'
        "# Funder codes: NV = Northvale Research Council.\n"
        "# Data supplied under an open licence. Contact: help@nv.example\n",
        encoding="utf-8",
    )
    assert [item.title for item in read_path(path)] == ["Northvale Grants: projects export"]


def test_a_running_head_under_a_rule_continues_the_release() -> None:
    """ENDS / ----- / Press Office   Page 2 of 2 / Notes to editors: the rule breaks a page, the notes stay in the
    release."""
    text = (
        "Reef sounds predict coral recovery\n\nDr. Ana Ruizo of Northvale University led the study of reef sounds.\n"
        "It was published today.\n\nENDS\n" + "-" * 60 + "\nNorthvale University Press Office          Page 2 of 2\n\n"
        "Notes to editors\n1. The research was funded by the Northvale Research Council.\n"
    )
    items = list(read_text(text, "release.txt"))
    assert [item.title for item in items] == ["Reef sounds predict coral recovery"]
    assert "funded by the Northvale Research Council" in items[0].text
