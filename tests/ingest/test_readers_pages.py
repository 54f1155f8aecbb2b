"""Pages users copy as text whose own lines must not become titles: a site's masthead, menu and trail, a message's
headers, a data export's comments, a narrow-column digest, records of one template, a microblog's posts. All names
are made up."""

from __future__ import annotations

from pathlib import Path

from ingest.readers import read_path
from ingest.readers.text import read_text

WEB_PAGE = """Skip to main content
Northvale Innovation
Menu   Search
Home / Licensing opportunities / Environment / Sensors

LICENSING OPPORTUNITY
Low-cost drone counts seabird nests from the air

Project number: 4471
Technology area: Environmental monitoring

Researchers at Northvale University have built a drone that counts seabird nests on cliffs.
The drone was tested on 12 colonies by Dr Ana Ruizo of the Department of Engineering.
"""

STUDENT_PAPER = """Skip to content
The Eastmoor Ledger
Eastmoor University's Student Newspaper Since 1921
News | Opinion | Features | Arts | Science | Sports

SCIENCE

Second-year student maps a buried river under campus
Undergraduate is first author of a new study in Geology
By Kofi Mensar, Science Editor
Published: March 3, 2027

When Lina Ortsberg joined the geology lab in 2026, she expected to sort samples. Instead she found a river.
"""


def test_a_web_pages_masthead_menu_trail_and_kicker_are_no_title() -> None:
    """Skip link, the site's name, its menu, a trail from Home apart by slashes and a kicker in capitals right above
    the headline: the headline is the title."""
    (item,) = read_text(WEB_PAGE, "page.txt")
    assert item.title == "Low-cost drone counts seabird nests from the air"
    assert "Menu" not in item.text and "Home /" not in item.text


def test_a_site_menu_apart_by_bars_closes_the_masthead_and_a_standfirst_is_no_wrapped_headline() -> None:
    """Site name, tagline, a menu apart by bars, a section label: furniture. The standfirst under the headline is
    closed by a byline, not by a blank line: it is not the headline's second line."""
    (item,) = read_text(STUDENT_PAPER, "ledger.txt")
    assert item.title == "Second-year student maps a buried river under campus"
    assert item.text.split("\n")[1] == "Undergraduate is first author of a new study in Geology"


def test_a_menu_line_inside_a_story_is_kept() -> None:
    """Past the page's head a line of short fields is the story's (a table's row), not a menu."""
    text = (
        "Reef lab wins three grants\n\nThe lab of Dr Ana Ruizo won three grants this year.\n"
        "Projects and funders:\n\nHome reefs   Northvale Trust   2027   News desk\n"
    )
    (item,) = read_text(text, "grants.txt")
    assert "Home reefs Northvale Trust 2027 News desk" in item.text


def test_a_saved_message_is_titled_by_its_subject_and_dated_by_its_headers() -> None:
    """发件人 / 发送时间 / 收件人 / 主题: the subject is the title, the sending day the date, the headers no text."""
    text = (
        "发件人: 林晓风 <lin@example.cn>\n发送时间: 2027年3月16日 星期二 22:47\n收件人: 周明远; 赵明远\n"
        "主题: 【请确认】会议报告题目与单位\n附件: form.docx (48 KB)\n\n各位老师：\n\n"
        "下周研讨会的报告安排如下，请确认单位：林晓风，星河大学物理学院。\n"
    )
    (item,) = read_text(text, "mail.txt")
    assert item.title == "【请确认】会议报告题目与单位"
    assert item.date == "2027-03-16"
    assert "发件人" not in item.text and "收件人" not in item.text


def test_a_notice_with_a_topic_field_is_no_message() -> None:
    """主题：… in a talk's notice is its topic: no sender above it, so the notice keeps its own headline."""
    text = "学术报告通知\n\n主题：深海微生物的能量代谢\n时间：2027年4月2日 14:00\n报告人：周明远研究员\n"
    (item,) = read_text(text, "talk.txt")
    assert item.title == "学术报告通知"


def test_a_data_exports_chinese_comment_lines_are_no_markdown(tmp_path: Path) -> None:
    """'# 数据来源：…；导出时间：…' comment lines with clauses apart by semicolons are no headings."""
    path = tmp_path / "papers.txt"
    path.write_text(
        "星河大学物理学院2027年度学术报告统计表\n# 数据来源：科研管理系统；导出时间：2027-01-09\n"
        '# 统计口径：第一署名单位；“*”为通讯作者\n序号,论文题目,第一作者\n1,"Reef sounds",林晓风\n',
        encoding="utf-8",
    )
    assert [item.title for item in read_path(path)] == ["星河大学物理学院2027年度学术报告统计表"]


COLUMN_DIGEST = """Research highlights
Selections from the literature

PLANT BIOLOGY
Moss wakes after
a century of ice
Moss buried under a glacier
since 1920 grew again in a
lab dish. Ana Ruizo at Northvale
University grew the shoots.
Plant Biol. 12, 44 (2027)

CHEMISTRY
Salt crystals grown
in zero gravity
Crystals grown on a space
station came out flawless.
Kofi Mensar at Eastmoor
University led the work.
J. Cryst. 3, 12 (2027)

PLANETARY SCIENCE
A comet in old plates
Archive plates from 1931 show
a faint comet. Lina Ortsberg
found it in the scans.
Icarus 9, 101 (2027)
"""


def test_a_narrow_column_digest_splits_at_its_rubrics() -> None:
    """A rubric in capitals over a headline wrapped in lower case and the story run on under it: one item per
    entry, titled by its whole headline."""
    titles = [item.title for item in read_text(COLUMN_DIGEST, "highlights.txt")]
    assert titles[-3:] == [
        "Moss wakes after a century of ice",
        "Salt crystals grown in zero gravity",
        "A comet in old plates",
    ]


def test_capitals_over_contact_lines_are_no_digest() -> None:
    """MEDIA CONTACT / a name / a role: no story under it (no sentence), so a release stays one item."""
    text = (
        "Northvale team maps reef sounds\n\nDr Ana Ruizo of Northvale University led the study of 40 reefs.\n\n"
        "MEDIA CONTACT\nKofi Mensar\nPress Officer\n\nABOUT NORTHVALE\nNorthvale University\nFounded 1890\n"
    )
    assert [item.title for item in read_text(text, "release.txt")] == ["Northvale team maps reef sounds"]


TEMPLATE_RECORDS = """NOSM27-0412, updated on 02 May 2027
https://doi.org/10.0000/nosm27-0412
Northern Ocean Sciences Meeting 2027
(c) Author(s) 2027. This work is distributed under
the Creative Commons Attribution 4.0 License.
Reef sounds predict coral recovery after heatwaves
Ana Ruizo1 and Kofi Mensar2
1Northvale University, Department of Marine Science
2Eastmoor University
We recorded 40 reefs for three years. Louder reefs recovered faster.

NOSM27-0977, updated on 28 Apr 2027
https://doi.org/10.0000/nosm27-0977
Northern Ocean Sciences Meeting 2027
(c) Author(s) 2027. This work is distributed under
the Creative Commons Attribution 4.0 License.
Kelp forests store carbon in winter storms
Lina Ortsberg1
1Eastmoor University, School of Ocean Science
Storms bury kelp in deep sediment. We traced 12 tonnes per kilometre.
"""


def test_records_of_one_template_are_one_item_each() -> None:
    """The block every record repeats (meeting, licence) and its label above are no title: each record is an
    item titled by the line under the block."""
    items = list(read_text(TEMPLATE_RECORDS, "abstracts.txt"))
    assert [item.title for item in items] == [
        "Reef sounds predict coral recovery after heatwaves",
        "Kelp forests store carbon in winter storms",
    ]
    assert "Creative Commons" not in items[1].text


def test_a_running_head_repeated_on_pages_of_one_story_splits_nothing() -> None:
    """One line repeated on every page (the journal's head) is no template block: the story stays one."""
    text = (
        "Reef sounds predict recovery\n\nNORTHVALE SCIENCE REVIEW\nDr Ana Ruizo recorded 40 reefs. Louder reefs "
        "recovered.\n\nNORTHVALE SCIENCE REVIEW\nThe team will record 20 more reefs. Kofi Mensar joins them.\n"
    )
    assert len(list(read_text(text, "story.txt"))) == 1


MICROBLOG = """微博搜索
综合　实时　用户　视频　图片　话题

星河大学
V
3月12日 10:25 来自 微博网页版
【星河大学团队在Nature发文：珊瑚礁会“唱歌”】3月12日，星河大学海洋学院林晓风教授团队在《自然》发表论文。
收起

 转发 236 ｜ 评论 58 ｜ 赞 1021

海岳研究所
V
3月11日 18:02 来自 iPhone客户端
【祝贺！海岳研究所周明远研究员获青年科学家奖】近日，周明远研究员获得2027年度青年科学家奖。

 转发 88 ｜ 评论 41 ｜ 赞 760
"""


def test_a_microblog_page_is_one_item_per_post() -> None:
    """Posts under their account and a '… 来自 client' line: one item each, titled by the 【】 headline; the
    account's name stays as the post's first line, the counts go."""
    items = list(read_text(MICROBLOG, "weibo.txt"))
    assert [item.title for item in items] == [
        "星河大学团队在Nature发文：珊瑚礁会“唱歌”",
        "祝贺！海岳研究所周明远研究员获青年科学家奖",
    ]
    assert items[1].text.split("\n")[1] == "海岳研究所"
    assert "转发" not in items[0].text and "海岳研究所" not in items[0].text


THESIS_APPENDIX = """致　谢

感谢导师周明远教授多年来的悉心指导。感谢星河大学地理学院各位老师的帮助。

附录1　攻读博士学位期间取得的学术成果

一、学术论文（#为共同第一作者，*为通讯作者）
[1] Lin Xiaofeng#, Zhou Mingyuan*. Glacier retreat on the eastern plateau
    since 1970[J]. Nature Geoscience, 2025, 18(2): 101-109.
[2] 林晓风, 周明远*. 青藏高原东部冰川退缩的遥感监测[J]. 地理
    学报, 2023, 78(5): 1101-1115.

二、授权发明专利
[1] 周明远, 林晓风. 一种冰川测量装置:
    ZL202310000000.0[P]. 2024-09-13.

三、参与的科研项目
[1] 国家自然科学基金项目：高原冰川物质平衡观测，2023—2026，参与。
"""


def test_a_thesis_appendix_stays_in_the_thesis_and_its_references_keep_their_hanging_lines() -> None:
    """一、学术论文 / 二、授权发明专利 / 三、参与的科研项目 list a thesis's outputs, no stories of their own; a
    reference set with a hanging indent is one entry, its full stops (after the authors, after the title) inside."""
    (item,) = read_text(THESIS_APPENDIX, "thesis.txt")
    assert item.title == "致 谢"
    lines = item.text.split("\n")
    assert any(line.startswith("[1] Lin Xiaofeng#") and line.endswith("18(2): 101-109.") for line in lines)
    assert any(line.startswith("[2] 林晓风") and "地理学报" in line for line in lines)


ENCYCLOPEDIA_ENTRY = """百科首页
登录
注册
进入词条
帮助
个人中心
林晓风
播报
讨论
上传视频
星河大学物理学院教授
林晓风，1980年出生，物理学家，星河大学物理学院教授。
"""


def test_an_encyclopedia_entry_is_titled_by_its_name_over_its_buttons() -> None:
    """The site's menu one entry a line, then the entry's name over its buttons (播报 / 讨论 / 上传视频): the name
    is the title, the menu and the buttons no text."""
    (item,) = read_text(ENCYCLOPEDIA_ENTRY, "entry.txt")
    assert item.title == "林晓风"
    assert "登录" not in item.text and "播报" not in item.text


def test_a_wikipedia_copy_is_titled_by_the_line_over_its_tag_line() -> None:
    text = (
        "Main menu\nSearch\nDonate\nLina Ortsberg\nFrom Wikipedia, the free encyclopedia\n"
        "Lina Ortsberg (born 1975) is a Swedish astronomer at Eastmoor University.\n"
    )
    (item,) = read_text(text, "wiki.txt")
    assert item.title == "Lina Ortsberg"


def test_a_discussion_in_a_story_is_no_encyclopedia_button() -> None:
    text = "星河大学举办学术沙龙\n\n讨论\n交流\n与会教师围绕光子芯片展开讨论。\n"
    (item,) = read_text(text, "salon.txt")
    assert item.title == "星河大学举办学术沙龙"


NEWS_LIST = """星河大学物理学院 | 林晓风课题组
首页　 研究方向　 团队成员　 新闻动态　 联系我们

新闻动态  NEWS

15
2026-12
课题组成果在Nature Physics发表
近日，课题组在Nature Physics发表研究论文。林晓风教授为通讯作者。
查看详情 >

28
2026-11
林晓风教授获青年科学家奖
11月26日，林晓风教授获得2026年度青年科学家奖。
查看详情 >
"""


def test_a_news_list_dated_by_day_over_month_blocks() -> None:
    """15 / 2026-12 / headline: a news list's entries dated by a two-line block, one item each, dated so."""
    items = list(read_text(NEWS_LIST, "news.txt"))
    entries = [(item.title, item.date) for item in items if item.date]
    assert entries == [
        ("课题组成果在Nature Physics发表", "2026-12-15"),
        ("林晓风教授获青年科学家奖", "2026-11-28"),
    ]


def test_minutes_and_a_cv_keep_their_numbered_sections() -> None:
    """一、实验室年度工作报告 二、学术报告 三、委员意见与建议 (minutes) and 一、代表性论著（…） (a CV): sections of one
    document, printed over page numbers; no stories of their own."""
    text = (
        "星河大学光电实验室学术委员会会议纪要\n\n    2026年12月6日，学术委员会会议在星河大学召开。\n\n"
        "    一、实验室年度工作报告\n    林晓风主任报告了实验室年度工作。\n\n    二、学术报告\n"
        "    周明远研究员作了题为《光子芯片》的报告。\n\n    三、委员意见与建议\n    委员们建议加强合作。\n\n"
        "— 1 —\n\n    四、会议决定\n    会议同意新设两个研究方向。\n"
    )
    assert [item.title for item in read_text(text, "minutes.txt")] == ["星河大学光电实验室学术委员会会议纪要"]


def test_a_forms_running_head_on_every_page_is_no_title() -> None:
    """The form's name printed at the top of every page, under the page's footer (第 N 页  版本：…): furniture; the
    heading under it is the title."""
    text = (
        "星河基金申请书                                  2026版\n\n                    个人简历\n\n"
        "林晓风，星河大学物理学院，教授。\n\n一、代表性论著（请注意：投稿阶段的论文不要列出）\n"
        "[1] 林晓风, 周明远*. 光子芯片的片上训练[J]. 物理学报, 2025, 74(1): 1-9.\n\n"
        "                 第 16 页            版本：2601000000\n"
        "星河基金申请书                                  2026版\n\n"
        "二、论著之外的代表性研究成果和学术奖励\n[1] 2024年获星河省自然科学奖一等奖。\n"
    )
    assert [item.title for item in read_text(text, "cv.txt")] == ["个人简历"]


def test_a_posting_line_under_the_headline_puts_the_masthead_above_it() -> None:
    """Issuer's names over the headline, 'Posted On: …' under it: the headline is the title, dated by that line."""
    text = (
        "Northvale Science Bureau\nGovernment of Northvale\nMinistry of Science\n"
        "Northvale team maps a buried river under the capital\nPosted On: 04 JUL 2026 3:41PM by NSB Northvale\n"
        "Geologists at Northvale University led by Dr. Ana Ruizo mapped the river with radar.\n"
    )
    (item,) = read_text(text, "release.txt")
    assert item.title == "Northvale team maps a buried river under the capital"
    assert item.date == "2026-07-04"


CORRECTIONS_PAGE = """CORRECTIONS
PLANT BIOLOGY
Correction for "Moss wakes after a century
under glacier ice," by Ana Ruizo, Kofi
Mensar and Lina Ortsberg, which was first published April 22, 2026.
   The authors note that an affiliation appeared incorrectly. The online version
has been corrected.

GEOLOGY
Correction for "A buried river under the old
town," by Lina
Ortsberg, which was first published May 2, 2026.
   The authors note that a funder was listed in error. The online version has
been corrected.
"""


def test_a_corrections_page_is_one_item_per_notice() -> None:
    """A journal's CORRECTIONS page: each rubric (the first right under the page's label) opens a notice titled by
    its correction line."""
    titles = [item.title for item in read_text(CORRECTIONS_PAGE, "corrections.txt")]
    assert len(titles) == 2
    assert titles[0].startswith('Correction for "Moss wakes after a century under glacier ice,"')
    assert titles[1].startswith('Correction for "A buried river under the old town,"')


REPOSITORY_PAGE = """Skip to content
northvale-lab / ReefNet Public
Notifications  Fork 12  Star 80
Code  Issues 3  Pull requests 1  Actions
main   2 Branches  4 Tags
configs	add presets	5 months ago
reefnet	fix loader	2 months ago
README.md	update README	3 weeks ago
README  MIT license

ReefNet: listening to reefs with self-supervised audio models
English | 简体中文
Ana Ruizo, Kofi Mensar (Northvale University)
ReefNet learns reef sounds from unlabelled recordings. It was trained on 4,000 hours of audio.
"""


def test_a_code_repositorys_page_is_titled_by_its_readme() -> None:
    """'owner / name  Public', the tabs and the file list are the site's; the README's heading is the title."""
    (item,) = read_text(REPOSITORY_PAGE, "repo.txt")
    assert item.title == "ReefNet: listening to reefs with self-supervised audio models"
    assert "Pull requests" not in item.text


def test_a_scholarly_sites_name_over_a_profile_is_no_title() -> None:
    """'Google Scholar' standing alone over the profile it shows: the site's, the scholar's name is the title."""
    text = (
        "Google Scholar\nLina Ortsberg\nProfessor of Geology, Eastmoor University\nVerified email at eastmoor.edu\n"
        "Title\tCited by\tYear\nA buried river under the old town\t12\t2026\n"
    )
    (item,) = read_text(text, "profile.txt")
    assert item.title == "Lina Ortsberg"


# ---------------------------------------------------------------------------------------- what these rules leave alone


def test_news_paragraphs_opening_with_a_date_are_no_microblog_posts() -> None:
    """'3月12日来自全国20余所高校的…' opens a report's paragraph: no post header (a time and a client alone are)."""
    text = (
        "星河大学举办海洋科学论坛\n3月12日来自全国20余所高校的专家齐聚星河大学，讨论海洋观测。\n"
        "3月13日来自海岳研究所的周明远研究员作了报告。\n会议由海洋学院主办，校长致辞。\n"
    )
    (item,) = read_text(text, "forum.txt")
    assert item.title == "星河大学举办海洋科学论坛"
    assert "3月12日来自全国" in item.text and "3月13日来自海岳研究所" in item.text


def test_a_share_bar_above_and_below_a_story_is_no_template() -> None:
    text = (
        "Share this story\nFacebook   Twitter   LinkedIn   Email\n\nNorthvale team maps a buried river\n\n"
        "Geologists at Northvale University mapped a river under the old town. Dr Ana Ruizo led the survey.\n\n"
        "Share this story\nFacebook   Twitter   LinkedIn   Email\n"
    )
    titles = [item.title for item in read_text(text, "story.txt")]
    assert titles == ["Northvale team maps a buried river"]


def test_letters_in_a_features_title_make_no_page_of_pieces() -> None:
    text = (
        "Lost letters reveal how a chemist built her lab\n\nArchivists at Northvale University found 40 letters in a "
        "box under the old chemistry building. They tell how the lab began.\n\n"
        "A lab in a shed\n\nThe first letters describe a shed with one bench and a gas tap. Dr Ana Ruizo read them all "
        "and dated each one.\n\n"
        "Friends abroad\n\nLater letters went to colleagues at Eastmoor. Kofi Mensar kept the replies and lent them to "
        "the archive.\n\n"
        "A last letter\n\nThe final letter was sent in 1931. It names her students and the prize that paid for the "
        "new wing.\n"
    )
    assert len(list(read_text(text, "feature.txt"))) == 1


def test_a_capitals_headline_over_its_deck_stays_the_headline() -> None:
    text = (
        "OCEAN HEAT RECORD\nResearchers at Northvale University say the sea was warmer than any year measured\n\n"
        "The team of Dr Ana Ruizo measured 400 buoys. The record was broken in March.\n"
    )
    (item,) = read_text(text, "record.txt")
    assert item.title == "OCEAN HEAT RECORD"


def test_markdown_headings_with_a_semicolon_stay_headings() -> None:
    from ingest.readers.markdown import looks_like_markdown

    text = "# 一、研究背景；意义\n\n正文一。\n\n# 二、研究方法；数据\n\n正文二。\n"
    assert looks_like_markdown(text)


def test_a_releases_labelled_blocks_are_no_column_digest() -> None:
    """ABOUT THE STUDY / FUNDING / ABOUT NORTHVALE over short lines and sentences: a release's blocks, its text left
    as written."""
    from ingest.readers.rubric_digest import rubric_headlines

    text = (
        "Northvale team maps a buried river\n\nGeologists at Northvale University mapped a river.\n\n"
        "ABOUT THE STUDY\nRadar maps of the old town\nThe survey ran for two years. It covered 4 km.\n\n"
        "FUNDING\nNorthvale Research Council\nThe council paid for the radar. It also paid for two students.\n\n"
        "ABOUT NORTHVALE\nA public university\nNorthvale University was founded in 1890. It has 20,000 students.\n"
    )
    assert rubric_headlines(text) == text


def test_report_sections_are_bare_headings_not_headlines_about_a_talk() -> None:
    from ingest.segment import is_report_section

    assert is_report_section("实验室年度工作报告") and is_report_section("学术报告")
    assert is_report_section("委员意见与建议") and is_report_section("会议决定")
    assert not is_report_section("李明教授来我校作学术报告")
    assert not is_report_section("校长作学校年度工作报告")
