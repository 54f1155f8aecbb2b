"""The layout of a table's lines as PDF or Markdown text prints them: the cells of a line and whether it is a header
row (``序号 项目名称 主要完成人 奖种``). Segmentation uses it to tell a table from numbered entries, extraction
(``ingest.extract.tables``) to read the rows."""

from __future__ import annotations

import re


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


PERSON_COLUMNS = frozenset(
    _words("主要完成人 完成人 获奖人 获奖者 负责人 项目负责人 课题负责人 姓名 承接人 主持人 申报人 入选者 人选")
)
UNIT_COLUMNS = frozenset(
    _words(
        "完成单位 主要完成单位 单位 所在单位 工作单位 承接单位 承接人所在单位 依托单位 申报单位 "
        "承担单位 项目承担单位 所属单位 单位名称 学习单位"
    )
)
PRIZE_COLUMNS = frozenset(_words("奖种 奖项 获奖类别 奖励类别 奖励等级 获奖等级"))
_OTHER_COLUMNS = frozenset(
    _words(
        "序号 编号 项目名称 成果名称 课题名称 名称 题目 等级 类别 职称 学院 备注 "
        # (the body that put a selected person forward: 推荐学会 of a talent programme's list)
        "推荐学会 推荐单位 提名单位 研究方向 学科 "
        # (a funding list's money column, its unit on the line below: 资助经费 / （万元）)
        "资助经费 经费 资助金额 金额 资助额度 拟资助经费 财政资助经费 经费预算"
    )
)
_COLUMNS = PERSON_COLUMNS | UNIT_COLUMNS | PRIZE_COLUMNS | _OTHER_COLUMNS
_CELL = re.compile(r"\S+")
_PIPE_ROW = re.compile(r"^\s*\|(?:[^|\n]*\|){2,}\s*$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*$")
_PIPE_CELL = re.compile(r"(?<=\|)([^|\n]*)(?=\|)")


def cells_of(start: int, line: str) -> list[tuple[int, int, str]] | None:
    """The cells of a line: words apart by spaces, or the cells between pipes of a Markdown row (``| 1 | 名称 |``);
    None for a Markdown separator row (``| --- | --- |``), which neither belongs to the table nor ends it."""
    if "|" not in line or not _PIPE_ROW.match(line):
        if "-" in line and _PIPE_SEPARATOR.match(line):
            return None
        return [(start + m.start(), start + m.end(), m.group()) for m in _CELL.finditer(line)]
    if _PIPE_SEPARATOR.match(line):
        return None
    cells = []
    for m in _PIPE_CELL.finditer(line):
        cell = m.group(1)
        lead = len(cell) - len(cell.lstrip())
        body = cell.strip()
        if body:
            a = start + m.start(1) + lead
            cells.append((a, a + len(body), body))
    return cells


def is_header(words: list[str]) -> bool:
    """Whether a line's cells are a header row: two or more column words, all but the first (a label) known."""
    return len(words) >= 2 and sum(w in _COLUMNS for w in words) >= 2 and all(w in _COLUMNS for w in words[1:])


def is_header_line(line: str) -> bool:
    """Whether ``line`` is the header row of a table (``序号 项目名称 主要完成人 主要完成单位``)."""
    cells = cells_of(0, line)
    return cells is not None and is_header([c[2] for c in cells])
