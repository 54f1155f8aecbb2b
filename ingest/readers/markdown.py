"""Markdown newsletters (``.md``, or text whose headlines are ``#`` headings) as the plain text the reader expects.

Headings become headline lines set off by blank lines, as a printed newsletter sets them; emphasis, links, images,
code fences and block quotes lose their markup and keep their words. Lists stay as they are: a list is part of the
story it stands in, not a run of headlines.
"""

from __future__ import annotations

import re

from ingest.segment import is_report_section

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
# strong and emphasis around words (not the underscores inside snake_case or the star of a bullet)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def markdown_stories(text: str) -> list[str]:
    """The stories of a Markdown document, each as plain text with its headline on the first line.

    The story level is the shallowest heading level below a lone top heading (the issue's title); deeper headings
    stay inside their story. A document whose story headings are mostly report sections (Background, Results) is
    one story under its title.
    """
    lines = _COMMENT.sub("", text).splitlines()
    heads = [(i, len(m.group(1)), _inline(m.group(2)).strip()) for i, m in _headings(lines)]
    if not heads:
        return [markdown_to_text(text)]
    levels = [level for _, level, _ in heads]
    top = min(levels)
    story = top if levels.count(top) > 1 else min((lv for lv in levels if lv > top), default=top)
    starts = [i for i, level, _ in heads if level <= story]
    story_titles = [title for _, level, title in heads if level == story]
    if len(story_titles) < 2 or 2 * sum(1 for t in story_titles if is_report_section(t)) >= len(story_titles):
        return [markdown_to_text(text)]
    out = []
    for a, b in zip(starts, [*starts[1:], len(lines)], strict=True):
        chunk = markdown_to_text("\n".join(lines[a:b]))
        if len(chunk.strip().splitlines()) > 1:  # a heading with no text under it (the title) is no story
            out.append(chunk)
    return out


def _headings(lines: list[str]) -> list[tuple[int, re.Match[str]]]:
    """The heading lines outside code fences (a ``# comment`` in a code block is no heading)."""
    out = []
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := _HEADING.match(line)):
            out.append((i, m))
    return out


_BOLD = re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*")


def strip_bold(text: str) -> str:
    """Text without Markdown bold markers (``**中山大学某团队**``), as posts copied from a blog or WeChat keep them:
    the words stay, and the lines stay where they were."""
    return _BOLD.sub(r"\1", text) if "**" in text else text


#: a ``#`` line that holds sentences or clauses apart by semicolons is a comment of a data file (``# Data supplied
#: under … . Contact: …``, ``# 数据来源：…；导出时间：…``)
_SENTENCES = re.compile(r"[.!?。！？]\s+\S|[.。]$|[:：][^；;\n]*[；;]")


def looks_like_markdown(text: str) -> bool:
    """Text whose headlines are Markdown headings: two or more ``#`` heading lines that read as headings."""
    return sum(1 for _, m in _headings(text.splitlines()[:400]) if not _SENTENCES.search(m.group(2))) >= 2


def markdown_to_text(text: str) -> str:
    """The text of a Markdown document laid out as a plain-text newsletter (line count may change)."""
    out: list[str] = []
    fenced = False
    for raw in _COMMENT.sub("", text).splitlines():
        if _FENCE.match(raw):
            fenced = not fenced
            continue
        if fenced or _LINK_DEFINITION.match(raw) or _RULE.match(raw):
            continue
        heading = _HEADING.match(raw)
        line = _inline(heading.group(2) if heading else _QUOTE.sub("", raw))
        if heading:
            out.extend(["", line.strip(), ""])
        else:
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REFERENCE_LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    return _EMPHASIS.sub(r"\2", line)
