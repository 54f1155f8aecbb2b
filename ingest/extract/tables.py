"""Tables of award and project lists, as PDF text gives them: a header row names the columns
(``序号 项目名称 主要完成人 奖种``) and each row below holds one entry, its cells apart by spaces.

The cells of a person column (完成人, 获奖人, 负责人 …) name researchers, those of a unit column (完成单位 …) their
institutions and those of a prize column (奖种) the prize the row's people won. Rows are matched to the header by their
number of cells; a lone short line between rows (``二等奖``, ``重大课题``) labels a group and the table goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.lexicon import COMPOUND_SURNAMES, SINGLE_SURNAMES
from ingest.table_lines import PERSON_COLUMNS, cells_of, is_header

# a lone word between rows: a group's label (二等奖) or a wrapped cell's last characters (a title's 育)
_LABEL = re.compile(r"[\u3400-\u9fff]{1,8}")
# a header's units on the line below it (资助经费 over （万元）)
_HEADER_UNITS = re.compile(r"[（(][^（()）]{1,6}[）)]")
_NAME = re.compile(r"[\u3400-\u9fff·]{2,5}")
_NAME_SEPARATORS = re.compile(r"[，、,;；]")
# a name, spaces, and a unit named by its kind (…大学, …研究所): one line of a header-less list
# (and the post held there: 王某 武汉大学化学与分子科学学院教授, as lists of newly elected academicians print them)
_NAME_UNIT = re.compile(
    r"\s*(?P<name>[\u3400-\u9fff]{2,4})[ \t\u3000]+(?P<unit>[\u3400-\u9fff（）()、]{2,30}?"
    r"(?:大学|学院|研究所|研究院|科学院|医院|中心|实验室))"
    r"(?:[\u3400-\u9fff]{0,6}?(?:教授|研究员|工程师|医师|讲师|院士|专家))?\s*"
)
_UNIT_NAME = re.compile(
    r"\s*(?P<unit>[\u3400-\u9fff（）()、]{1,30}?(?:大学|学院|研究所|研究院|科学院|医院|中心|实验室|学系|系))"
    r"[ \t\u3000]+(?P<name>[\u3400-\u9fff]{2,4})\s*"
)
_PEOPLE_HEADER = re.compile(r"主要完成人|完成人|获奖人|获奖者|入选者")
# a line of three or more names apart by commas, and nothing else (a unit may follow the last one on the line)
_NAME_LIST_LINE = re.compile(
    r"(?m)^[ \t\u3000]*(?P<names>[\u4e00-\u9fff]{2,4}(?:[，、][\u4e00-\u9fff]{2,4}){2,})[，、]?[ \t\u3000]*$"
)
_SURNAME_STARTS = SINGLE_SURNAMES | {s[0] for s in COMPOUND_SURNAMES}


@dataclass
class Cell:
    """One cell of a table row: ``text[start:end]`` under the header word ``column``."""

    start: int
    end: int
    column: str


@dataclass
class Row:
    """The cells of one row, and the first and last character of its line."""

    start: int
    end: int
    cells: list[Cell] = field(default_factory=list)

    def of(self, columns: frozenset[str]) -> list[Cell]:
        """The cells under any of ``columns``."""
        return [c for c in self.cells if c.column in columns]


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def find_rows(text: str) -> list[Row]:
    """The rows of every table in ``text`` (the header row itself included, with no person or prize cells), and the
    rows of header-less name lists (see :func:`_name_unit_rows`)."""
    rows = _header_rows(text)
    taken = {row.start for row in rows}
    rows += [row for row in _name_unit_rows(text) if row.start not in taken]
    taken |= {row.start for row in rows}
    rows += [row for row in _name_list_rows(text) if row.start not in taken and not _inside(text, row, rows)]
    return sorted(rows, key=lambda row: row.start)


def _inside(text: str, row: Row, rows: list[Row]) -> bool:
    """Whether ``row`` lies in a row that already names its people (a row whose cells a table printed column after
    column misread names none)."""
    return any(r.start <= row.start < r.end and any(names_in(text, c) for c in r.of(PERSON_COLUMNS)) for r in rows)


def _name_list_rows(text: str) -> list[Row]:
    """A line that is only a list of names (``殷某，柏某，薛某``), in a text whose table or list names its people
    (主要完成人, 获奖人 …): a cell of one row, as a table printed one column after another gives it."""
    if not _PEOPLE_HEADER.search(text):
        return []
    found = []
    for m in _NAME_LIST_LINE.finditer(text):
        names = _NAME_SEPARATORS.split(m.group("names"))
        if all(len(n) >= 2 and n[:1] in _SURNAME_STARTS for n in names):
            found.append(Row(m.start("names"), m.end("names"), [Cell(m.start("names"), m.end("names"), "姓名")]))
    return found


def _name_unit_rows(text: str) -> list[Row]:
    """Lines that print a name and its unit apart by a space (``司徒静怡  复旦大学``), or the unit first
    (``化学学院　　卓一鸣``), two or more in a row, as lists of laureates and selected people do without a header: a
    person cell and a unit cell each."""
    found: list[Row] = []
    run: list[Row] = []
    for start, line in [*_lines(text), (len(text) + 1, "")]:
        m = _NAME_UNIT.fullmatch(line) or _UNIT_NAME.fullmatch(line)
        if m and m.group("name")[:1] in _SURNAME_STARTS:
            run.append(
                Row(
                    start,
                    start + len(line),
                    [
                        Cell(start + m.start("name"), start + m.end("name"), "姓名"),
                        Cell(start + m.start("unit"), start + m.end("unit"), "单位"),
                    ],
                )
            )
            continue
        if len(run) >= 2:
            found += run
        run = []
    return found


def _header_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    header: list[str] | None = None
    # the first line of a row wrapped onto the next (its line start and cells), waiting for the rest
    pending: tuple[int, list[tuple[int, int, str]]] | None = None
    previous = -1  # the start of the last line with cells
    for start, line in _lines(text):
        found = cells_of(start, line)
        if found is None:
            continue
        cells = found
        words = [c[2] for c in cells]
        if not words:
            continue
        last, previous = previous, start
        if is_header(words):
            header, pending = words, None
            rows.append(Row(start, start + len(line)))
            continue
        if header is None:
            continue
        if rows and rows[-1].start == last and all(_HEADER_UNITS.fullmatch(w) for w in words):
            continue  # the header's units: the table goes on
        row_start = start
        if pending is not None:
            merged = _wrapped(text, pending[1], cells, header)
            if merged is not None:
                row_start, cells = pending[0], merged
            pending = None
        if len(cells) == len(header):
            rows.append(
                Row(
                    row_start,
                    start + len(line),
                    [Cell(a, b, column) for (a, b, _), column in zip(cells, header, strict=True)],
                )
            )
        elif len(cells) == 1 and _LABEL.fullmatch(cells[0][2]):
            continue  # a label over a group of rows (二等奖): the table goes on
        elif cells and len(cells) < len(header) and _opens_row(cells, header) and not line.rstrip().endswith("。"):
            pending = (row_start, cells)
        elif cells:
            header = None  # prose again: the table has ended
    return rows


def _opens_row(cells: list[tuple[int, int, str]], header: list[str]) -> bool:
    """Whether a line can be the first line of a row: under a number column (序号), it opens with a number."""
    return header[0] not in {"序号", "编号"} or cells[0][2].isdigit()


def _wrapped(
    text: str, first: list[tuple[int, int, str]], cells: list[tuple[int, int, str]], header: list[str]
) -> list[tuple[int, int, str]] | None:
    """The cells of a row whose line wrapped (``first``, then ``cells`` on the next line), or None when the next
    line is no continuation: it opens a row of its own, or the cells do not add up to the header's.

    A cell cut by the wrap (a list of names ending in ``，``, a long project title) goes on in the next line's first
    cell; otherwise the next line's cells follow the first line's."""
    if header[0] in {"序号", "编号"} and cells[0][2].isdigit():
        return None
    joined = [*first[:-1], (first[-1][0], cells[0][1], text[first[-1][0] : cells[0][1]]), *cells[1:]]
    apart = [*first, *cells]
    if _NAME_SEPARATORS.search(first[-1][2][-1:]) or len(apart) > len(header):
        return joined if len(joined) <= len(header) else None
    return apart


def table_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines that belong to a table: their spaces separate cells and must stay."""
    return [(row.start, row.end) for row in find_rows(text)]


def names_in(text: str, cell: Cell) -> list[tuple[int, int]]:
    """Spans of the person names listed in a person cell (``卢振华，沈梦洁，贺立群``)."""
    out = []
    pos = cell.start
    for part in _NAME_SEPARATORS.split(text[cell.start : cell.end]):
        name = part.strip()  # a cell wrapped onto the next line holds its line break
        if _NAME.fullmatch(name):
            at = pos + part.index(name)
            out.append((at, at + len(name)))
        pos += len(part) + 1
    return out
