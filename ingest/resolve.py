"""Entity resolution within an item: surface forms of one entity merged, canonical names chosen, ids derived.

- Pairs written side by side (罗安娜（Anna Rossi）, 《自然》（Nature）) are one entity; the Chinese form is canonical
  for people, the English form for journals and papers.
- Short forms: the last part of a transliterated name (罗西 for 阿尔贝托·罗西), a unit written without its parent
  after a sibling that has it (同济大学医学院、附属东方医院), gazetteer aliases (复旦 for 复旦大学).
- Gazetteer hits take the entry's canonical name, labels and identifiers.
- Ids are ``kg.ids.entity_id(type, canonical)``, so the same canonical name gives the same id in every item.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.extract.institutions import _PLACES
from ingest.extract.lexicon import latin_written
from ingest.extract.spans import Span
from ingest.gazetteers import Gazetteer
from kg.ids import entity_id, normalize_name
from kg.model import Entity, Mention

_DOTS = str.maketrans({"•": "·", "・": "·", "‧": "·", "∙": "·"})
_TOP = re.compile(r"(?:大学|科学院|工程院)$")
# (科: a hospital's clinical department, 神经内科)
_UNIT = re.compile(r"(?:学院|研究院|研究所|医院|系|研究中心|中心|科)$")
_SCHOOL = ("学院", "系")


@lru_cache(maxsize=65536)
def _entity_id(etype: str, name: str) -> str:
    return entity_id(etype, name)


@lru_cache(maxsize=65536)
def key(form: str) -> str:
    """The comparison key of a surface form (ids' normalisation, dots unified, spaces next to CJK dropped)."""
    return re.sub(r"\s+(?=[^\sA-Za-z0-9])|(?<=[^\sA-Za-z0-9])\s+", "", normalize_name(form).translate(_DOTS))


@dataclass
class Cluster:
    """The spans of one entity and what resolution decided about it."""

    type: str
    spans: list[Span] = field(default_factory=list)
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    identifiers: dict[str, str] = field(default_factory=dict)
    parent: str | None = None

    @property
    def id(self) -> str:
        """The stable id: ``entity_id(type, canonical name)``."""
        return _entity_id(self.type, self.name)

    @property
    def role(self) -> str | None:
        """``official`` if any mention has an official cue, else ``researcher`` if one has a researcher cue."""
        roles = {s.role for s in self.spans}
        return "official" if "official" in roles else ("researcher" if "researcher" in roles else None)


_SPACE_ON_LINE = re.compile(r"[^\S\n]+")
_SCHOOL_END = re.compile(r"(?:学院|研究院|研究所)$")
_DEPARTMENT_END = re.compile(r"(?:系|教研室|研究室)$")


def complete_units(text: str, institutions: list[Span]) -> None:
    """A unit listed right after a sibling that names its parent takes that parent (同济大学医学院、附属东方医院)."""
    ordered = sorted(institutions, key=lambda s: (s.start, -s.end))
    last_full: Span | None = None
    for span in ordered:
        if span.parent and span.name.startswith(span.parent):
            last_full = span
            continue
        top = _latest_top(ordered, span.start)
        founded = top is not None and re.fullmatch(
            r"(?:成立|组建|设立|建设|建立|牵头建设)了?的?", text[top.end : span.start]
        )
        if (
            span.parent is None
            and top
            and not _TOP.search(span.name)
            and (re.search(r"(?:该校|本校|该院|学校)$", text[: span.start]) or founded)
        ):
            # 该校物理学院, 上海理工大学成立“医工交叉平台”概念验证中心: a unit of that university
            span.meta["surface"] = text[span.start : span.end]
            span.name, span.parent = top.name + span.name, top.name
            continue
        standalone = span.name.startswith(_PLACES) or re.match(r"^.{1,3}[省市县区]", span.name)
        if (
            span.parent is None
            and last_full is not None
            and not standalone
            and not _TOP.search(span.name)
            and _UNIT.search(span.name)
        ):
            gap = text[last_full.end : span.start]
            if re.fullmatch(r"\s*(?:、|和|与|及)\s*", gap) and last_full.parent:
                span.name, span.parent = last_full.parent + span.name, last_full.parent
                span.meta["surface"] = text[span.start : span.end]
                last_full = span
            elif (
                _SPACE_ON_LINE.fullmatch(gap)
                and _SCHOOL_END.search(last_full.name)
                and _DEPARTMENT_END.search(span.name)
            ):
                # 某大学某学院　某系: a department set apart from its school by a space is that school's
                span.name, span.parent = last_full.name + span.name, last_full.name
                span.meta["surface"] = text[span.start : span.end]


# a university speaking of itself: 我校 / 本校
_OWN_VOICE = re.compile(r"我校|本校")
# a school or an affiliated hospital, which has no name of its own without its university
_BARE_SCHOOL = re.compile(r".{2,20}(?<!科学院)(?<!工程院)(?:学院|系)|(?:第[一二三四五六七八九十]+)?附属.{0,10}医院")


def own_units(text: str, institutions: list[Span]) -> None:
    """In an item a university writes about itself (我校 in its body), the schools and affiliated hospitals it names
    bare (化学学院, 第二附属医院) are that university's: the university named before the first 我校 (in the
    dateline, 北岭大学新闻网讯, or the title). The units named inside such a school follow it. Not in an item that
    names one of the university's schools in full: the bare names there are short forms of those."""
    title_end = text.find("\n")
    voice = _OWN_VOICE.search(text, title_end + 1 if title_end >= 0 else 0)
    if voice is None:
        return
    home = next(
        (
            s
            for s in sorted(institutions, key=lambda s: s.start)
            if s.end <= voice.start() and s.parent is None and s.name.endswith("大学")
        ),
        None,
    )
    # (an item that writes its schools in full, 北岭大学生命科学与技术学院, writes them bare as their short forms)
    if home is None or any(
        s.parent == home.name and s.name.startswith(home.name) and _BARE_SCHOOL.fullmatch(s.name[len(home.name) :])
        for s in institutions
    ):
        return
    renamed: dict[str, str] = {}
    for span in institutions:
        # (a name the gazetteer knows whole, 某某理工学院 abroad, is a body of its own, not one of the home's schools)
        if (
            span.parent is None
            and _BARE_SCHOOL.fullmatch(span.name)
            and not span.name.startswith(_PLACES)
            and not span.meta.get("gazetteer")
        ):
            span.meta.setdefault("surface", text[span.start : span.end])
            renamed[span.name] = home.name + span.name
            span.name, span.parent = home.name + span.name, home.name
    for span in institutions:
        if span.parent in renamed and span.name.startswith(span.parent):
            span.meta.setdefault("surface", text[span.start : span.end])
            span.name, span.parent = home.name + span.name, renamed[span.parent]


def _latest_top(spans: list[Span], before: int) -> Span | None:
    """The last university-level institution written before ``before``."""
    tops = [s for s in spans if s.end <= before and s.parent is None and _TOP.search(s.name)]
    return tops[-1] if tops else None


def resolve(text: str, spans: list[Span], gazetteer: Gazetteer) -> list[Cluster]:
    """Group spans into entities of one item and fix their canonical names, aliases and identifiers."""
    clusters: list[Cluster] = []
    index: dict[tuple[str, str], Cluster] = {}
    for span in spans:
        forms = [span.name, *([span.alias] if span.alias else [])]
        entry = None
        surface = span.meta.get("surface")
        if (
            span.type != "Researcher"
            and isinstance(surface, str)
            and surface.endswith(span.name)
            and surface != span.name
        ):
            # 美国西北大学 is Northwestern University, not 西北大学: the form written with its country decides first
            entry = gazetteer.lookup(surface, span.type)
        if entry is None and span.type != "Researcher":
            entry = gazetteer.lookup(span.name, span.type)
        if entry is not None and span.type == "Award" and _category_of(entry.name, span.name):
            # the category a person received is named as written, part of the prize the gazetteer knows
            span.parent, entry = span.parent or entry.name, None
        if entry is None and span.alias and span.type != "Researcher":
            entry = gazetteer.lookup(span.alias, span.type)
        if entry is not None:
            forms = [entry.name, *forms]
        found = next((index[(span.type, key(f))] for f in forms if (span.type, key(f)) in index), None)
        if found is None:
            found = Cluster(span.type)
            clusters.append(found)
        found.spans.append(span)
        if entry is not None:
            found.name = entry.name
            found.labels = dict(entry.labels)
            found.identifiers = dict(entry.identifiers)
            found.parent = found.parent or entry.parent
        elif not found.name:
            found.name = span.name
        found.parent = found.parent or span.parent
        for f in [*forms, span.meta.get("surface")]:
            if isinstance(f, str) and f:
                index.setdefault((span.type, key(f)), found)
                if f not in found.aliases:
                    found.aliases.append(f)
    _short_forms(text, clusters)
    clusters = _merge_unit_short_forms(clusters, max(0, text.find("\n")), text)
    clusters = _merge_programme_short_forms(clusters)
    clusters = _merge_middle_names(clusters)
    for c in clusters:
        c.aliases = [a for a in dict.fromkeys(c.aliases) if key(a) != key(c.name)]
    return clusters


# the words that name a prize's category when written into its name before 奖 (某某科学奖 → 某某科学创新奖)
_CATEGORY_WORDS = re.compile(r"成就|创新|进步|产业化|临床医学|青年|团队")


def _category_of(prize: str, written: str) -> bool:
    """Whether ``written`` is a category of ``prize``: its name with a category word put in before 奖. A gazetteer may
    list such a form as another name of the prize; the person received the category."""
    return (
        prize.endswith("奖")
        and written.endswith("奖")
        and written.startswith(prize[:-1])
        and _CATEGORY_WORDS.fullmatch(written, len(prize) - 1, len(written) - 1) is not None
    )


def _is_subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(c in chars for c in short)


def _merge_unit_short_forms(clusters: list[Cluster], headline: int = 0, text: str = "") -> list[Cluster]:
    """A unit written without its parent (智能科技学院) or abbreviated (智能学院, 材化学院) after its full name
    (上海理工大学智能科技学院) in the same item is that unit: its spans and surface join the full name's cluster.
    ``headline``: where the item's headline ends (a headline may use the short name before the text gives the full
    one). Not a unit the item calls its own (我院心血管内科) and names before the full one: another body's unit of
    the same name."""
    full_units = [c for c in clusters if c.type == "Institution" and c.parent and c.name.startswith(c.parent)]
    big = max((s.end for c in clusters for s in c.spans), default=0) + 1
    kept = []
    for c in clusters:
        if c.type != "Institution" or c.parent or c in full_units or _TOP.search(c.name):
            kept.append(c)
            continue
        suffix = _UNIT.search(c.name)
        target = None
        if suffix:
            body = c.name[: suffix.start()]
            for full in full_units:
                unit = full.name[len(full.parent or "") :]
                if (
                    unit == c.name
                    or (
                        unit.endswith(suffix.group())
                        and len(body) >= 2
                        and _is_subsequence(body, unit[: -len(suffix.group())])
                    )
                ) and not _own_before(text, c, full, headline):
                    target = full
                    break
        if target is None and suffix and suffix.group() in _SCHOOL and len(body := c.name[: suffix.start()]) >= 2:
            # 环境学院 for 环境与资源学院 named in full elsewhere in the item (neither written with its parent): a
            # school's short name keeps the first character of its full name
            longer = [
                f
                for f in clusters
                if f is not c
                and f.type == "Institution"
                and len(f.name) > len(c.name)
                and f.name[0] == c.name[0]
                and f.name.endswith(suffix.group())
                and not _TOP.search(f.name)
                and _is_subsequence(body, f.name[: -len(suffix.group())])
                # 北川医学院 is the parent of 北川医学院基础医学院, not its short name
                and not f.name.startswith(c.name)
                # a short name follows the full one (a headline may use it first): 化学学院 listed before
                # 化学工程学院 is a school of its own
                and min(x.start for x in f.spans) < min((x.start for x in c.spans if x.start > headline), default=big)
            ]
            target = longer[0] if len(longer) == 1 else None
        if target is None:
            kept.append(c)
        else:
            target.spans.extend(c.spans)
            target.aliases.extend(a for a in [c.name, *c.aliases] if a not in target.aliases)
    return kept


# a body speaking of itself right before one of its units: 我院心血管内科, 本所分析测试中心
_OWN_UNIT_VOICE = ("我院", "本院", "我所", "本所", "我校", "本校")


def _own_before(text: str, short: Cluster, full: Cluster, headline: int) -> bool:
    """Whether the item calls the ``short`` unit its own (我院X) and writes it before ``full`` in its body."""
    if not text or not any(text[max(0, s.start - 2) : s.start] in _OWN_UNIT_VOICE for s in short.spans):
        return False
    first_short = min((s.start for s in short.spans if s.start > headline), default=len(text))
    return first_short < min(s.start for s in full.spans)


def _merge_programme_short_forms(clusters: list[Cluster]) -> list[Cluster]:
    """A funding programme written short (重大课题) after its full name (…决策咨询研究重大课题) is that programme; a
    prize written without its giver (高等学校科学研究优秀成果奖) after the full name (教育部高等学校科学研究优秀成果奖)
    is that prize."""
    clusters = _merge_ends(clusters, "Funder", lambda full, short: True)
    # (a short name of five characters or less is a category another prize may hold too: 自然科学奖 of a ministry's
    # prize is not the 国家自然科学奖)
    return _merge_ends(
        clusters,
        "Award",
        lambda full, short: len(short) >= 6 and _AWARD_GIVER.fullmatch(full[: -len(short)]) is not None,
    )


# who gives a prize, written in front of its name: the state, a ministry, a province or a city
_AWARD_GIVER = re.compile(r"国家|中国|教育部|科技部|科学技术部|[\u4e00-\u9fff]{2,3}(?:省|市|自治区)")


def _merge_ends(clusters: list[Cluster], etype: str, fits: Callable[[str, str], bool]) -> list[Cluster]:
    """Clusters of ``etype`` whose name ends another's (and ``fits`` it) folded into that one, as its aliases."""
    same = [c for c in clusters if c.type == etype]
    kept = []
    for c in clusters:
        full = None
        if c.type == etype and not c.identifiers:
            # (the longest such name: it ends no other one, so it is kept, and what folds into it is not lost)
            full = max(
                (
                    f
                    for f in same
                    if f is not c and len(f.name) > len(c.name) and f.name.endswith(c.name) and fits(f.name, c.name)
                ),
                key=lambda f: len(f.name),
                default=None,
            )
        if full is None:
            kept.append(c)
        else:
            full.spans.extend(c.spans)
            full.aliases.extend(a for a in [c.name, *c.aliases] if a not in full.aliases)
    return kept


def _merge_middle_names(clusters: list[Cluster]) -> list[Cluster]:
    """A researcher written once with a middle name (Margaret Ellery Thornbury) and elsewhere without it (Margaret
    Thornbury) is one person, when no other researcher of the item shares that first and last name."""
    people = [c for c in clusters if c.type == "Researcher" and latin_written(c.name) and len(c.name.split()) == 2]
    kept = []
    for c in clusters:
        words = c.name.split()
        short = None
        if c.type == "Researcher" and latin_written(c.name) and len(words) >= 3:
            same = [p for p in people if p.name.split() == [words[0], words[-1]]]
            short = same[0] if len(same) == 1 else None
        if short is None:
            kept.append(c)
        else:
            short.spans = sorted([*short.spans, *c.spans], key=lambda span: span.start)
            short.aliases.extend(a for a in [c.name, *c.aliases] if a not in short.aliases)
    return kept


def _short_forms(text: str, clusters: list[Cluster]) -> None:
    """Mentions of the last part of a transliterated name (罗西) and repeated full names, as extra mentions."""
    for c in clusters:
        if c.type != "Researcher":
            continue
        # the full name first: its later mentions cover their last part (a set's order, which varies from one
        # process to the next with string hashing, made 布朗 inside 戈登·布朗 a mention of its own in some runs)
        forms = [c.name]
        if "·" in c.name:
            last = c.name.rsplit("·", 1)[1]
            if len(last) >= 2 and last != c.name:
                forms.append(last)
        covered = {(s.start, s.end) for s in c.spans}
        for form in forms:
            for m in re.finditer(re.escape(form), text):
                if any(a <= m.start() < b for a, b in covered):
                    continue
                extra = Span(m.start(), m.end(), "Researcher", form, role=c.spans[0].role)
                c.spans.append(extra)
                covered.add((m.start(), m.end()))
                if form != c.name and form not in c.aliases:
                    c.aliases.append(form)


def to_entity(cluster: Cluster, text: str) -> Entity:
    """The model entity of a cluster, with one mention per span (and per paired alias span)."""
    mentions: dict[tuple[int, int], Mention] = {}
    for s in cluster.spans:
        mentions[(s.start, s.end)] = Mention(start=s.start, end=s.end, text=text[s.start : s.end])
        if s.alias_span:
            a, b = s.alias_span
            mentions[(a, b)] = Mention(start=a, end=b, text=text[a:b])
    return Entity(
        id=cluster.id,
        type=cluster.type,
        name=cluster.name,
        aliases=cluster.aliases,
        labels=cluster.labels,
        identifiers=cluster.identifiers,
        mentions=sorted(mentions.values(), key=lambda m: m.start),
    )
