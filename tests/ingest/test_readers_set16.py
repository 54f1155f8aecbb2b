"""Layouts found on the zh16/en16 sets (mainstream news pages), checked on fictional texts: people and units made
up, universities from the public gazetteers."""

from __future__ import annotations

from ingest.readers.text import read_text

DIGEST = (
    "From: Northvale Research News <news@northvale.example>\n"
    "To: reader@example.org\n"
    "Date: Tue, 11 May 2027 08:00:00 +0000\n"
    "Subject: Research this week – 11 May 2027\n\n"
    "View this email in your browser\n\n"
    "RESEARCH THIS WEEK\nNorthvale University | 11 May 2027\n\n"
    "Hello,\n\nTwo stories from across the campus this week.\n\n"
    "*Moss carpets cool the city by two degrees*\n"
    "Rooftop moss lowered street temperatures in a summer trial led by Dr Ilse Varnhagen of the School of "
    "Geography, published in Urban Climate.\n"
    "Read more › https://news.northvale.example/2027/05/moss\n\n"
    "*New centre for quantum sensing opens*\n"
    "Professor Tomas Quill will lead the Centre for Quantum Sensing, which opened on Monday.\n"
    "Read more › https://news.northvale.example/2027/05/quantum\n\n"
    "You are receiving this email because you subscribed.\nUnsubscribe | Privacy\n"
)


def test_a_digests_blurbs_closed_by_read_more_links_are_items_of_their_own() -> None:
    """An e-mail digest whose blurbs each end with a "Read more" link: one item per blurb, titled by its headline
    without the emphasis stars, dated by the message; the masthead, the greeting and the footer are no story."""
    items = list(read_text(DIGEST, "digest.txt"))
    assert [i.title for i in items] == [
        "Moss carpets cool the city by two degrees",
        "New centre for quantum sensing opens",
    ]
    assert {i.date for i in items} == {"2027-05-11"}
    assert "Ilse Varnhagen" in items[0].text and "Tomas Quill" not in items[0].text


SPEAKERS = (
    "Keynote Speakers\nWe are glad to announce the keynote speakers.\n\n"
    "Prof. Ilse Varnhagen\nSchool of Geography, Northvale University\nShe studies urban climates.\nRead more »\n\n"
    "Dr. Tomas Quill\nCentre for Quantum Sensing, Northvale University\nHe builds magnetometers.\nRead more »\n"
)


def test_a_people_page_with_read_more_links_stays_one_item() -> None:
    """Entries opening with a person's title (Prof., Dr.) are a speakers' page, not a digest of stories."""
    assert [i.title for i in read_text(SPEAKERS, "speakers.txt")] == ["Keynote Speakers"]


def test_a_sites_section_and_day_over_the_headline_are_furniture() -> None:
    """``Research news · 14 May 2027``: the page's section and date, the headline under it is the title."""
    text = (
        "Northvale Institute for Polar Research\nHome › News › Research news\n\n"
        "Research news · 14 May 2027\n\nIce algae feed winter bacteria\n\n"
        "Researchers at the institute show that bacteria in sea ice live on algal sugars. The study appears in "
        "Nature Microbiology.\n"
    )
    (item,) = read_text(text, "page.txt")
    assert item.title == "Ice algae feed winter bacteria"


ZH_PAGE = (
    "星河大学新闻网\n首页 | 要闻 | 综合新闻 | 学术动态 | 媒体聚焦\n当前位置：首页 > 学术动态 > 正文\n\n"
    "我校在高原湖泊碳循环研究中取得新进展\n\n"
    "来源：地理学院　作者：林晓风　发布时间：2027-03-02 10:00　点击数：312\n【字体：大 中 小】　【打印】\n\n"
    "近日，我校地理学院周明远教授团队在Nature Geoscience发表论文。\n\n研究得到国家自然科学基金资助。\n\n"
    "（编辑：赵明远　审核：柯岚）\n\n上一篇：我校举办研究生论坛\n下一篇：春季学期教学检查启动\n\n"
    "版权所有 © 星河大学党委宣传部\n"
)


def test_a_news_page_under_its_sites_menu_and_trail_is_one_item() -> None:
    """A source line under the headline is the page's metadata even below a site's name, menu and trail (it does
    not close an article of an issue): one item, titled by the headline and dated by the page."""
    (item,) = read_text(ZH_PAGE, "page.txt")
    assert item.title == "我校在高原湖泊碳循环研究中取得新进展"
    assert item.date == "2027-03-02"


ZH_LISTS = (
    "星河科学促进会\nXinghe Science Society\n首页　新闻　通知公告　学会服务　科学普及\n首页 > 新闻 > 学会要闻\n\n"
    "2027年度星河青年科学家奖颁奖典礼举行\n\n"
    "发布时间：2027-09-16 10:20　来源：星河日报　作者：林晓风\n\n"
    "9月15日，2027年度星河青年科学家奖颁奖典礼举行。3位青年科技工作者获奖，2名研究生入选“未来学者计划”。\n\n"
    "2027年度星河青年科学家奖获奖者名单\n（排名不分先后）\n序号　姓名　工作单位　职称\n"
    "1　周明远　南京大学化学化工学院　研究员\n2　赵明远　清华大学物理系　教授\n"
    "3　柯岚　浙江大学医学院　研究员\n\n"
    "2027年度“未来学者计划”入选者名单\n（排名不分先后）\n序号　姓名　学习单位\n"
    "1　林晓风　复旦大学化学系\n2　周一鸣　南京大学物理学院\n\n"
    "【责任编辑：赵明远】\n【打印本页】　【关闭窗口】\n\n版权所有：星河科学促进会　地址：星河市科学路1号\n"
)


def test_a_reports_lists_are_items_titled_by_their_own_titles() -> None:
    """An award report followed by two lists, each under its title and a note (（排名不分先后）, no byline) over a
    table's header row: three items, the report's headline first; the site's frame (masthead, menu, trail, the
    editor's credit, the buttons, the rights line) makes none."""
    titles = [i.title for i in read_text(ZH_LISTS, "lists.txt")]
    assert titles == [
        "2027年度星河青年科学家奖颁奖典礼举行",
        "2027年度星河青年科学家奖获奖者名单",
        "2027年度“未来学者计划”入选者名单",
    ]


BRIEF = (
    "星河大学化学学院简报\n\n2027年第3期（总第40期）\n\n星河大学化学学院办公室　　　　　　　　2027年6月30日\n"
    "─────────────────────────────\n本期要目\n● 我院团队在手性催化研究中取得新进展\n"
    "● 周明远、赵明远获2027年度星河化学会奖项\n● 海岳大学代表团访问我院\n─────────────────────────────\n\n"
    "　　　　我院团队在手性催化研究中取得新进展\n\n"
    "　　近日，我院林晓风教授课题组在手性催化领域取得新进展，相关成果发表于Journal of the American Chemical\n"
    "Society。该工作得到国家自然科学基金的资助，论文第一作者为博士研究生柯岚，林晓风教授为通讯作者。\n\n"
    "　　　　周明远、赵明远获2027年度星河化学会奖项\n\n"
    "　　日前，星河化学会公布2027年度奖项评选结果，我院周明远教授获青年化学奖，赵明远教授获物理化学奖。两位\n"
    "教授长期从事催化与表面化学研究，取得了一系列重要成果。\n\n— 1 —\n\n"
    "化学学院简报　　　　　　　　　　　　　　2027年第3期\n\n"
    "　　　　海岳大学代表团访问我院\n\n"
    "　　6月11日，海岳大学化学系柯岚教授一行访问我院，双方就联合培养研究生等事宜进行了交流。\n\n"
    "　　　　　　　　　　　　　　　　（化学学院办公室　供稿）\n"
)


def test_a_briefs_articles_under_rules_and_names_listed_in_a_headline() -> None:
    """A faculty brief: its contents between rules (─────), then articles under headlines set in from the margin;
    a headline may list names with 、 (周明远、赵明远获…奖): an item under each headline."""
    titles = [i.title for i in read_text(BRIEF, "brief.txt")]
    assert titles == [
        "我院团队在手性催化研究中取得新进展",
        "周明远、赵明远获2027年度星河化学会奖项",
        "海岳大学代表团访问我院",
    ]


NEWSPAPER = (
    "星河科技报\nXINGHE SCIENCE NEWS\n2027年9月3日　星期五　　　　　　　　今日8版\n第1版　要闻\n\n"
    "　　星河科学院宣布海岳研究所领导班子调整决定\n林晓风任星河科学院海岳研究所所长\n\n"
    "■本报记者 周一鸣\n\n"
    "　　本报讯　9月1日，星河科学院海岳研究所召开干部大会，宣布林晓风任所长。林晓风，1978年生，2001年毕业\n"
    "　　　　　　（下转第2版）\n\n本版责编：赵明远\n\n"
    "2　综合　　　　　　　　　　　　　星河科技报　2027年9月3日　星期五\n\n"
    "（上接第1版）\n于北京大学化学系，2006年获博士学位。\n\n本版责编：柯岚\n"
)


def test_a_newspaper_story_turned_to_another_page_is_one_item_under_its_headline() -> None:
    """A newspaper's front page as PDF text: the paper's masthead and page label over a kicker set in above the
    headline; the story turns to page 2 (下转第2版 … 上接第1版) mid-sentence. One item titled by the headline (the
    kicker is its first line of text), the sentence joined again, the page editors' lines gone."""
    (item,) = read_text(NEWSPAPER, "page.txt")
    assert item.title == "林晓风任星河科学院海岳研究所所长"
    assert item.date == "2027-09-03"
    assert "2001年毕业于北京大学化学系" in item.text
    assert "本版责编" not in item.text and "下转" not in item.text


AWARDS_PAGE = (
    "NORTHVALE UNIVERSITY SCHOOL OF SCIENCES             YEAR IN REVIEW 2027\n\n"
    "Awards and honours\n\n"
    "Our staff were again recognised in 2027. Among the highlights:\n\n"
    "• Dr Mara Quellhorst (School of Ocean and Climate\n"
    "  Sciences) received the 2027 Northvale Society Medal for her work\n"
    "  on deep-sea sediments.\n\n"
    "• Professor Odran Vantreight (School of Chemistry) was elected a\n"
    "  Fellow of the Northvale Academy of Sciences.\n\n"
    "                                                               21\n"
)


def test_bullets_wrapped_with_a_hanging_indent_are_entries_of_one_list() -> None:
    """• Dr X (School of Ocean and / ⎵⎵Climate Sciences) received …: a list's entries, no headings."""
    assert [i.title for i in read_text(AWARDS_PAGE, "report.txt")] == ["Awards and honours"]


BRIEFS = (
    "NEWS IN BRIEF\n\n"
    "Enzyme pair unzips bottles in the cold\n"
    "Two engineered enzymes break down crushed bottles at 25°C. Odran Vantreight and his team at ETH Zurich\n"
    "evolved both enzymes. The work is reported in Nature Catalysis.\n"
    "O Vantreight et al, Nat. Catal., 2027, DOI: 10.1038/s41929-027-\n01422-7\n\n"
    "Solar modules survive a desert summer\n"
    "Perovskite modules kept most of their output after a year outdoors, Mara Quellhorst's group at the\n"
    "University of Toronto reports in Joule.\n"
    "M Quellhorst et al, Joule, 2027, DOI: 10.1016/j.joule.2027.\n101987\n\n"
    "Iron catalyst rivals palladium in cross-coupling reactions today\n"
    "An iron complex joins aryl chlorides to boronic acids, chemists at the University of Toronto report in the\n"
    "Journal of the American Chemical Society.\n"
)


def test_a_digests_briefs_under_its_label_are_items_however_wide_their_headlines() -> None:
    """NEWS IN BRIEF over briefs, each a headline over its text and a citation whose DOI wraps: an item per brief,
    titled by its headline (the label is the section, no item)."""
    items = list(read_text(BRIEFS, "briefs.txt"))
    assert [i.title for i in items] == [
        "Enzyme pair unzips bottles in the cold",
        "Solar modules survive a desert summer",
        "Iron catalyst rivals palladium in cross-coupling reactions today",
    ]


ROUNDUP = (
    "科研进展 | 化学学院2027年10月科研成果速览\n"
    "原创 化学学院 星河化学 2027年11月03日 17:30 福建\n听全文\n\n"
    "　　10月，化学学院师生在多种期刊发表系列研究成果。本期选取其中两项简要介绍。\n\n"
    "01\n林晓风团队Nature Catalysis：铜锌原子对助力二氧化碳电还原\n\n"
    "　　近日，星河大学化学学院林晓风教授团队在Nature Catalysis发表研究论文。研究团队在氮掺杂碳载体上构筑了原子级"
    "分散的铜锌双原子位点，在工业级电流密度下实现了高选择性制乙醇。\n\n"
    "02\n周明远团队JACS：可见光驱动合成手性叔胺\n\n"
    "　　化学学院周明远教授课题组在Journal of the American Chemical Society发表研究论文。课题组设计了一种光氧化"
    "还原催化剂与手性硫醇协同的体系，将外消旋叔胺一锅转化为单一构型产物。\n\n"
    "— END —\n\n文字 | 赵明远\n"
)


def test_a_posts_entries_under_numbered_markers_are_items() -> None:
    """A WeChat roundup: its account line under the title (no part of the title), then entries each under a marker
    on a line of its own (01, 02): the introduction and one item per entry, dated by the post."""
    items = list(read_text(ROUNDUP, "post.txt"))
    assert [i.title for i in items] == [
        "科研进展 | 化学学院2027年10月科研成果速览",
        "林晓风团队Nature Catalysis：铜锌原子对助力二氧化碳电还原",
        "周明远团队JACS：可见光驱动合成手性叔胺",
    ]
    assert {i.date for i in items} == {"2027-11-03"}


def test_an_official_documents_red_header_is_no_title() -> None:
    """某某大学文件 over 校科〔2027〕12号: the red header; the notice's title, wrapped over two lines, is the title."""
    text = (
        "星河大学文件\n\n校科〔2027〕12号\n\n星河大学关于公布2026年度星河省科学技术奖\n获奖项目的通知\n\n"
        "各院（系）、各部门：\n    日前，星河省人民政府印发奖励决定。我校共有28个项目获奖。\n\n— 1 —\n\n"
        "    其中，物理学院林晓风教授团队完成的项目获星河省自然科学奖一等奖。\n\n— 2 —\n"
    )
    titles = [i.title for i in read_text(text, "notice.txt")]
    assert titles == ["星河大学关于公布2026年度星河省科学技术奖获奖项目的通知"]


def test_a_newspapers_page_heads_are_furniture() -> None:
    """2027年11月6日　星期四　…　星河大学报 / 第4版　人物　…　责任编辑：…: the page's heads, not the story's title."""
    text = (
        "2027年11月6日　星期四　　　　　　　　　　　星河大学报\n"
        "第4版　人物　　　　　　　　　　　　　责任编辑：赵明远\n\n"
        "把论文写在电网里\n——记电气学院教授林晓风\n\n"
        "　　初冬的校园，实验室里依然灯火通明。林晓风教授正在做满载测试。\n\n4\n"
    )
    (item,) = read_text(text, "paper.txt")
    assert item.title == "把论文写在电网里"
