"""Guards from the review of the zh16/en16/zh17/en17 rules: ordinary texts each new rule must leave alone (made-up
texts, public universities)."""

from __future__ import annotations

from ingest.extract import extract_item
from ingest.readers.page_turns import join_page_turns
from ingest.readers.text import read_text
from ingest.segment_lines import headline_shaped, join_wrapped
from kg.model import NewsItem


def _names(text: str, lang: str, etype: str) -> set[str]:
    item = NewsItem(id="item-guard", title=text.split("\n", 1)[0], text=text, lang=lang)  # type: ignore[arg-type]
    return {e.name for e in extract_item(item).entities if e.type == etype}


def test_a_release_with_a_box_of_related_stories_stays_one_item() -> None:
    """Two "Read more" links under related-story blurbs do not make the release above them a digest."""
    text = (
        "Northvale team maps deep-sea vents\n\n"
        "Researchers at Northvale University have mapped hydrothermal vents on the Atlantic floor. The survey used "
        "robot submarines. Dr Ilse Varnhagen led the work.\n\nThe team found ten new vent fields.\n\n"
        "Related stories\n\nOcean robots find coral\nA robot found deep corals off Norway last year.\nRead more\n\n"
        "Vent worms survive heat\nTube worms live at 80 degrees, a study found.\nRead more\n"
    )
    assert [i.title for i in read_text(text, "release.txt")] == ["Northvale team maps deep-sea vents"]


def test_a_table_set_one_cell_a_line_is_no_numbered_digest() -> None:
    """序号 / 姓名 / 学院 / 01 / 张某 / 物理学院 / 02 / …: numbers over names, no entries with text."""
    text = (
        "获奖名单\n\n经评审，以下同学获奖，名单如下。\n序号\n姓名\n学院\n"
        "01\n林晓风\n物理学院\n02\n周明远\n化学学院\n03\n赵明远\n生命科学学院\n"
    )
    assert [i.title for i in read_text(text, "list.txt")] == ["获奖名单"]


def test_an_em_dash_rule_around_a_comment_splits_no_release() -> None:
    """—————— around a boxed comment inside one Chinese release: no mailing's rule between stories."""
    text = (
        "星河大学在量子计算领域取得重要进展\n\n近日，星河大学物理学院林晓风教授团队实现了百比特纠缠。相关成果发表于Nature。\n\n"
        "——————————\n专家点评\n周明远院士认为，这项工作意义重大。\n——————————\n\n研究得到国家自然科学基金资助。\n"
    )
    assert len(list(read_text(text, "release.txt"))) == 1


def test_institutions_whose_names_hold_the_clause_words() -> None:
    """内分泌, 内镜 after 市/省, and 得 in a transliteration (得克萨斯) are parts of names."""
    text = "专家来自天津市内分泌研究所、浙江省内镜诊疗中心和得克萨斯大学。\n"
    assert {"天津市内分泌研究所", "浙江省内镜诊疗中心", "得克萨斯大学"} <= _names(text, "zh", "Institution")


def test_a_countrys_ministry_is_no_universitys_unit() -> None:
    """The U.S. Department of Energy beside the University of Sydney (U.S. are no initials of it)."""
    text = "Vent study\nResearchers at the University of Sydney worked with the U.S. Department of Energy on it.\n"
    assert not any("Energy," in name for name in _names(text, "en", "Institution"))


def test_an_offices_section_head_and_a_governments_adviser_are_no_researchers() -> None:
    """财务科主任 heads an office (a clinical 内科主任 is a researcher); a government's science adviser is none."""
    assert "王丽华" not in _names("会议召开\n财务科主任王丽华出席会议。\n", "zh", "Researcher")
    text = "Policy\nGovernment science adviser Mark Thompsen said the plan was good.\n"
    assert "Mark Thompsen" not in _names(text, "en", "Researcher")


def test_a_given_name_that_is_a_word_opens_no_mention() -> None:
    """ "Will the method scale?", "Grant funding came …": the words, not Will X or Grant Y."""
    text = (
        "Cheap cells\nProfessor Will Harpenden of the University of Edinburgh leads the work. Will the method scale? "
        "Dr Grant Lioman of Kyoto University helped. Grant funding came from the Wellcome Trust.\n"
    )
    item = NewsItem(id="item-guard", title="Cheap cells", text=text, lang="en")
    mentions = {m.start for e in extract_item(item).entities for m in e.mentions}
    assert text.index("Will the") not in mentions and text.index("Grant funding") not in mentions


def test_a_centred_headline_over_its_deck_keeps_the_headline() -> None:
    """A headline centred by spaces over a deck (——…) is no kicker over a headline."""
    text = (
        "    Northvale team maps deep-sea vents\nRobots reveal hidden ecosystems\n\n"
        "Researchers at Northvale University mapped the vents. The survey used robots.\n"
    )
    (item,) = read_text(text, "release.txt")
    assert item.title.startswith("Northvale team maps deep-sea vents")


def test_a_line_listing_things_with_dunhao_is_no_headline() -> None:
    """利用冷冻电镜、单分子荧光和…: a line of text; 周明远、赵明远获…奖: a headline listing names."""
    assert not headline_shaped("团队利用冷冻电镜、单分子荧光和分子动力学模拟等手段开展研究")
    assert headline_shaped("周明远、赵明远获2027年度星河化学会奖项")


def test_a_meeting_notices_schedule_rows_stay() -> None:
    """2027年11月6日　星期四　上午　开幕式: a schedule row, no newspaper's page head (the text shows no page)."""
    text = "学术年会通知\n\n会议日程如下。\n2027年11月6日　星期四　　上午　　开幕式及主旨报告\n请各单位准时参加。\n"
    assert "开幕式及主旨报告" in join_page_turns(text)


def test_a_headline_with_one_angle_bracket_is_no_trail() -> None:
    """Tandem cells pass >30% efficiency: one '>' in an issue's headline is no site trail."""
    text = (
        "RESEARCH DIGEST\n— 1 —\n\nTandem cells pass >30% efficiency\nA record for a new design\n\n"
        "A new cell design broke a record. The team of Dr Ilse Varnhagen at Northvale University reports it.\n\n"
        "Ice algae feed winter bacteria\n\nA study of sea ice shows how bacteria live on algal sugars. It appears in "
        "Nature Microbiology.\n\n— 2 —\n"
    )
    titles = [i.title for i in read_text(text, "digest.txt")]
    assert any(title.startswith("Tandem cells pass >30% efficiency") for title in titles)


def test_a_bulleted_entry_wrapped_with_a_hanging_indent_is_one_paragraph() -> None:
    """• Dr X (School of Ocean and / ⎵⎵Climate Sciences) received …: one entry; a paragraph set in by full-width
    spaces under a bullet heading (● 研究背景 / 　　本研究…) stays a paragraph of its own."""
    wrapped = ["• Dr Mara Quell (School of Ocean and", "  Climate Sciences) received the medal.", "• Dr Odran Vant"]
    assert join_wrapped(wrapped).split("\n")[0] == (
        "• Dr Mara Quell (School of Ocean and Climate Sciences) received the medal."
    )
    heading = "● 研究背景：高原湖泊冰封期浮游植物越冬机制的研究进展与未来方向和主要科学问题"
    assert join_wrapped([heading, "　　本研究关注高原湖泊冰下的硅藻。"]).split("\n")[0] == heading
