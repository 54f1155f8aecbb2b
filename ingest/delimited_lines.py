"""Blocks of delimited records in a text: a header row, then one record per line (a CSV or tab-separated export).

A paper list exported from a university's research system or a citation database (序号,论文题目,第一作者,… /
Authors,Title,Year,Source title,…) is pasted as text. Its lines are records, not a wrapped paragraph: the reader keeps
them apart, the extractor reads their cells by the header's column names. These helpers know nothing of items.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence

#: a header row names at least this many columns (fewer is a sentence with a comma or two)
MIN_FIELDS = 4
#: a header's column name is short: longer cells are text, not names of columns
_MAX_HEADER_CELL = 40
_MAX_HEADER_WORDS = 5
#: what a column name never ends with: a sentence's end
_SENTENCE_ENDS = ("。", "！", "？", ". ", "!", "?")


def delimiter_of(line: str) -> str | None:
    """The delimiter a header row is written with (a tab or a comma), or None for a line with too few of either.

    A literal count, so that the common line (prose, no table) costs next to nothing."""
    if line.count("\t") >= MIN_FIELDS - 1:
        return "\t"
    if line.count(",") >= MIN_FIELDS - 1:
        return ","
    return None


def parse(line: str, delimiter: str) -> list[str]:
    """The cells of one line: Python's csv reading for commas (quotes group cells), a plain split for tabs."""
    if delimiter == "\t":
        return line.split("\t")
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return []


#: a word that names a column of an export (one cell at least holds one): a hard-wrapped list of names apart by
#: commas (… Lina Ortsberg, Tom / Lee, Ming Hart, …) is shaped like a header row but names no column
_COLUMN_WORD = re.compile(
    r"(?i)\b(?:title|authors?|year|journal|source|affiliations?|addresses|doi|funding|funders?|name|date|id|no|pi"
    r"|institutions?|organi[sz]ations?|amount|type|status|keywords?|abstract|volume|issue|pages?|ti|au|so|c1|fu)\b"
    r"|序号|题|作者|期刊|单位|年|名称|日期|编号|基金|类别|类型|金额|负责人|状态|机构|来源|刊名|卷|页"
)


def _header_shaped(cells: list[str]) -> bool:
    """Column names: each present, short, a few words, no sentence, and one of them a column's usual word."""
    if not any(_COLUMN_WORD.search(cell) for cell in cells):
        return False
    for cell in cells:
        name = cell.strip().strip('"')
        if not name or len(name) > _MAX_HEADER_CELL or len(name.split()) > _MAX_HEADER_WORDS:
            return False
        if name.endswith(_SENTENCE_ENDS) or any(end in name for end in ("。", ". ")):
            return False
    return True


def record_blocks(lines: Sequence[str], min_records: int = 2) -> list[tuple[int, int]]:
    """(first, end) line indices of each block of delimited records: a header row of ``MIN_FIELDS`` cells or more,
    then at least ``min_records`` lines that parse into as many cells (the block ends at the first line that does
    not). The first index is the header's."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip("\r\n ")
        delimiter = delimiter_of(line)
        if delimiter is None:
            i += 1
            continue
        cells = parse(line, delimiter)
        if len(cells) < MIN_FIELDS or not _header_shaped(cells):
            i += 1
            continue
        end = i + 1
        while end < len(lines) and len(parse(lines[end].strip("\r\n "), delimiter)) == len(cells):
            end += 1
        if end - i - 1 >= min_records:
            out.append((i, end))
            i = end
        else:
            i += 1
    return out


def cell_spans(line: str, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) offsets in ``line`` of each cell's content, a quoted cell without its quotes (a doubled quote
    inside stays as written): the cells' text can then be pointed at exactly."""
    if delimiter == "\t":
        out = []
        pos = 0
        for cell in line.split("\t"):
            a, b = pos, pos + len(cell)
            if b - a >= 2 and line[a] == '"' and line[b - 1] == '"':
                a, b = a + 1, b - 1
            out.append((a, b))
            pos += len(cell) + 1
        return out
    out = []
    pos = 0
    n = len(line)
    while True:
        if pos < n and line[pos] == '"':
            close = pos + 1
            while True:
                close = line.find('"', close)
                if close < 0:
                    close = n
                    break
                if close + 1 < n and line[close + 1] == '"':
                    close += 2  # (a doubled quote is a quote inside the cell)
                    continue
                break
            out.append((pos + 1, close))
            comma = line.find(delimiter, close)
            if comma < 0:
                return out
            pos = comma + 1
        else:
            comma = line.find(delimiter, pos)
            if comma < 0:
                out.append((pos, n))
                return out
            out.append((pos, comma))
            pos = comma + 1


def text_blocks(text: str, min_records: int = 1) -> list[list[tuple[int, int]]]:
    """The record blocks of ``text`` as the (start, end) character offsets of their lines, the header's first."""
    if "," not in text and "\t" not in text:
        return []  # (the common text: nothing to split)
    lines = text.split("\n")
    found = record_blocks(lines, min_records)
    if not found:
        return []
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return [[(starts[k], starts[k] + len(lines[k])) for k in range(a, b)] for a, b in found]
