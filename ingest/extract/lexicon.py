"""Word lists the rules use: Chinese surnames (a public list, not a list of people), role cues, stop words.

Roles are what decide whether a person is a Researcher: a researcher cue (教授, 研究员, Professor ...) makes one, an
official cue (书记, 部长, 记者 ...) rules one out, whatever else the sentence says.
"""

from __future__ import annotations

import re


def words_of(text: str) -> tuple[str, ...]:
    """The space-separated words of ``text`` (keeps long word lists compact and readable)."""
    return tuple(text.split())


# The common single-character surnames of the public 百家姓 / census lists, most frequent first.
SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢"
    "安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游"
    "辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应"
    "臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌"
    "奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙"
    "浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣"
    "信展阴昝智幸奉植衡富尧闭由殳"
    # the rest of the 百家姓 single surnames
    "洪傅萧贝伏谈钮滑荀羿汲邴糜松弓牧隗宓蓬郗仰秋暴钭蓟韶怀鄂咸籍赖苍莘贡逄扶堵宰郦却璩濮寿扈郏充习宦鱼慎庾"
    "暨步弘禄蔚夔厍訾毋乜鞠巢蒯竺贲"
    # variant and less common forms the census lists carry
    "阎凤桓郄谯蹇缑庹"
    "酆眭钦畅笪靖郇菅綦仉佴雒"
    # the 百家姓's rarer entries and the census's rare surnames that are no everyday word (the list's other
    # entries, 水 家 山 能 通 红 …, open too many words to start a name on their own)
    "郤郈鬱帖禤蒿茆佀撖郐睢郅琚邗郯禚妫蒉柘邶迮盍祢楮豊仵麹骞剡苻凃"
)
COMPOUND_SURNAMES = frozenset(
    words_of(
        "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 夏侯 轩辕 端木 司徒 申屠 西门 "
        "独孤 南宫 闻人 赫连 澹台 公冶 太史 钟离 宗政 濮阳 淳于 单于 呼延 万俟 第五 "
        # the rest of the 百家姓's compound surnames, but for those that are place words (百里 南门 东门 子车)
        "公羊 太叔 仲孙 鲜于 闾丘 司空 亓官 司寇 颛孙 巫马 公西 漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 东郭 羊舌 "
        "微生 梁丘 左丘 伯赏"
    )
)

#: cues after a name that make the person a researcher (longest first matters for the regex)
RESEARCHER_AFTER = tuple(
    words_of(
        # (a chair and a tenured or tenure-track post: 讲席教授, 长聘副教授, 研究助理教授)
        "讲席教授 长聘教授 长聘副教授 预聘副教授 研究助理教授 "
        "特聘研究员 特聘教授 副研究员 研究员 副教授 教授 院士 博士后 博士生 博士 讲师 老师 研究团队 "
        "教授团队 课题组 团队 主任医师 副主任医师 首席科学家 科学家 研究生 硕士生 助理研究员 助理教授 "
        "老师 等人 研究组 课题组长"
    )
)
#: cues before a name that make the person a researcher
RESEARCHER_BEFORE = tuple(
    words_of(
        # (研究馆员: a museum's or a library's research post)
        "研究馆员 副研究馆员 博士研究生 硕士研究生 研究生 博士生 硕士生 本科生 研究人员 研究员 副教授 教授 院士 博士 "
        "科学家 学者 "
        "通讯作者为 第一作者为 通讯作者 第一作者 共同作者 作者 讲师 教师 青年教师 学家 博士后 课题组长 "
        "主任医师 副主任医师 主治医师 医师 领衔人 负责人 主要完成人 完成人 主要完成者 获奖人 获奖者 获奖代表 "
        "正高级工程师 高级工程师 工程师 "
        "博士生导师 导师 "
        # (a defence notice's candidate: 答辩人：X)
        "答辩人 "
        # a research group's or a laboratory's head is its lead scientist (组长 and 主任 alone are officials)
        "研究组组长 课题组组长 研究组长 实验室主任 实验室副主任 "
        # (a hospital's clinical department head treats and researches: 心血管内科主任X, 急诊医学科副主任X; an
        # office's 财务科主任 does not)
        "内科主任 外科主任 医学科主任 儿科主任 妇科主任 产科主任 眼科主任 骨科主任 肿瘤科主任 急诊科主任 "
        "内科副主任 外科副主任 医学科副主任"
    )
)
#: cues that make a person not a researcher (officials, hosts, journalists, staff)
OFFICIAL = tuple(
    words_of(
        "总书记 书记 副校长 校长 副部长 部长 副厅长 厅长 副局长 局长 副处长 处长 司长 副司长 副主任 主任 "
        "副市长 市长 省长 主席 秘书长 总经理 经理 董事长 总裁 记者 编辑 主持人 主持 调研员 总工程师 律师 "
        "供稿 整理 撰稿 摄影 通讯员 委员 总干事 助理 代表 发言人 科长 组长 专员 干部 "
        # the head of a ministry's office speaks for it (教育部科学技术与信息化司负责人某某)
        "司负责人 局负责人 厅负责人 部负责人 委负责人 办负责人 处负责人 有关负责人 相关负责人 "
        # (a mission's diplomats: 总领事馆科技参赞某某)
        "参赞 科技参赞 总领事 副总领事 领事 大使 公使"
    )
)
OFFICIAL_EN = ("Minister", "Secretary", "Mayor", "President", "Governor", "reporter", "editor", "spokesperson")
RESEARCHER_EN_BEFORE = (
    "Professor", "Prof.", "Dr.", "Dr", "Associate Professor", "Assistant Professor", "Assoc Prof", "Asst Prof",
    "researcher", "PhD candidate", "Ph.D. candidate",
    # the lower-case job words press releases put before a name ("graduate student Kevin Liu")
    "professor", "graduate student", "doctoral student", "PhD student", "Ph.D. student", "doctoral candidate",
    "MSc student", "master's student", "undergraduate student", "undergraduate researcher", "undergraduate",
    "research assistant", "staff scientist", "research associate", "student",
    "postdoc", "postdoctoral researcher", "postdoctoral fellow", "research scientist", "research fellow",
    "scientist", "lead author", "first author", "senior author", "co-author", "corresponding author",
    "study author", "principal investigator", "investigator", "physicist", "chemist", "biologist", "astronomer",
    "engineer", "mathematician", "geologist", "ecologist", "neuroscientist", "epidemiologist",
    "statistician", "geneticist", "economist", "psychologist", "oceanographer", "archaeologist", "anthropologist",
    "immunologist", "microbiologist", "virologist", "pathologist", "neurologist", "cardiologist", "oncologist",
    "physician", "clinician", "group leader", "theorist",
    # (a student's supervisor: "his advisor, X"; a government's "science adviser X" is none)
    "his advisor", "her advisor", "their advisor", "doctoral advisor", "PhD advisor", "thesis advisor",
    "his adviser", "her adviser", "doctoral adviser",
)  # fmt: skip
#: the lower-case job words alone ("chemist", "graduate student"): they also sit between an institution and a name
RESEARCHER_EN_JOBS = tuple(w for w in RESEARCHER_EN_BEFORE if w.islower())

#: characters and words that end the left context of a name or an institution
STOP_WORDS = tuple(
    words_of(
        "的 在 于 由 是 为 和 与 及 以及 同 对 向 从 据 经 被 将 等 联合 携手 来自 位于 包括 其中 并 也 "
        "还 该 这 此 本 与其 了 获 获得 荣获 分享 发布 发表 合作 完成 共同 通过 依托 牵头 参与 组织 举办 "
        "指导 带领 领衔 率领 会同 推动 支持 资助 承担 承接 入选 当选 担任 成为 研究团队 团队 课题组 以 即 "
        "如 请 让 使 给 就 到 至 而 但 或 本报讯 成员"
    )
)


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first so the longest cue wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: the English months and weekdays, as names of their own (a date's, never a person's or a journal's)
EN_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
) + ("December",)
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: the months as a regex alternation (a group of their own)
EN_MONTHS = "(?:" + "|".join(EN_MONTH_NAMES) + ")"
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: academic degrees written after an English name ("Jane Holloway, M.D., Ph.D., professor of …")
EN_DEGREES = (
    r"(?:,\s*(?:M\.?\s?D\.?|Ph\.?\s?D\.?|D\.?\s?Phil\.?|Sc\.?\s?D\.?|M\.?P\.?H\.?|Dr\.?\s?PH|Pharm\.?\s?D\.?|M\.?Sc\.?"
    r"|FRS|FMedSci|FREng)(?![A-Za-z]))*"
)
#: Latin capitals and letters with their accented forms (Sandström, Göran, Łukasz, Ørsted), for character classes
LATIN_UPPER = r"A-ZÀ-ÖØ-Þ\u0100-\u017f"
LATIN_LETTER = r"A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f"
_LATIN_WORDS = re.compile(rf"[{LATIN_LETTER}'’.\s-]+")


def latin_written(name: str) -> bool:
    """Whether ``name`` is written in Latin letters, accented or not (Révész, Łęcki): a name whose first and
    last words are its given name and surname."""
    return _LATIN_WORDS.fullmatch(name) is not None
