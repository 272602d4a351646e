"""Task tables: 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限, in the forms text takes.

- Markdown: ``| 序号 | 重点任务 | 牵头单位 |`` with a ``|---|`` line;
- tab-separated rows (a Word table copied as text): a cell holding several paragraphs goes
  on over the next line, and a row whose cells wrap may continue cell by cell on the next
  line (its empty leading cells keep the columns);
- comma-separated rows (a spreadsheet saved as CSV, quoted cells);
- columns aligned with spaces (a PDF or Word page copied as text): each piece of a line
  belongs to the heading it stands under, so wrapped cells join the right column;
- one cell per line (a Word table pasted as paragraphs): the header words on lines of their
  own, each row opening with its number, the cells told apart by how they read.

A table is found by its header: a row naming a unit column (牵头单位, 责任部门, …) and a task
or number column. Each row becomes a task: its units by column (the heading is the role
word), the deadline column as written, a category column (or a row with only its first cell
filled) as its section. Tables are read from the raw lines, before cleaning strips the
spaces that align them; `replace_tables` leaves one placeholder line per table.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from ..extract.assignments import ROLE_LABEL, Assignment, role_of, units_like
from ..extract.structure import LineKind, classify
from ..normalize import char_keys, display_width

_NO = re.compile(r"^(?:序号|序|编号|编码|no\.?)$", re.I)
_TASK = re.compile(
    r"(?:任务|工作|事项|内容|措施|举措|目标|要点|要求|项目|指标|问题|清单|政策|条款|职责)"
)
_ROLE = re.compile(
    r"(?:牵头|责任|主责|主办|配合|协同|协作|协办|协助|参与|支持)(?:单位|部门|科室|处室)"
    r"|^(?:牵头|责任|配合|协同|参与)(?:\([^()]*\))?$|^(?:责任主体|实施主体|承办单位)$"
)
_DEADLINE = re.compile(r"(?:时限|时间|期限|节点|进度|日期)")
_CATEGORY = re.compile(r"^(?:类别|领域|板块|分类|类型|方面|专项|环节)$")
_DEADLINE_CELL = re.compile(
    r"(?:\d{4}|年底|年内|月底|前|长期|持续|常态|每年|每季|每月|逐年|季度|学期|已完成|完成)"
)
_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_NUMBER = re.compile(r"\d{1,3}")
SENTINEL = "\x00table:"


@dataclass
class Row:
    """One task of a table: its number, category, task text, unit lists, deadline, extras."""

    label: str
    category: str
    text: str
    assignments: list[Assignment]
    deadline: str | None
    extra: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A table found in the text: its lines as read, its header and its rows."""

    raw: list[str]
    header: list[str]
    rows: list[Row]
    form: str


def _kind(cell: str) -> str:
    key = char_keys(cell).replace(" ", "")
    if _NO.match(key):
        return "no"
    if _ROLE.search(key) or ROLE_LABEL.search(key):
        return "role"
    if _CATEGORY.match(key):
        return "category"
    if _DEADLINE.search(key) and len(key) <= 8:
        return "deadline"
    if _TASK.search(key) and len(key) <= 12:
        return "task"
    return "other"


def _is_header(cells: list[str]) -> bool:
    kinds = [_kind(c) for c in cells]
    return (
        len(cells) >= 2
        and "role" in kinds
        and ("task" in kinds or "no" in kinds)
        and all(0 < len(c.strip()) <= 16 for c in cells)
    )


def _positioned(line: str) -> list[tuple[int, str]]:
    """The pieces of an aligned line (separated by two or more spaces) and where each starts
    on screen (a CJK character is two columns wide)."""
    out = []
    for m in re.finditer(r"\S+(?: \S+)*", line.replace("\t", "    ")):
        out.append((display_width(line.replace("\t", "    ")[: m.start()]), m.group(0)))
    return out


def _cells_markdown(line: str) -> list[str]:
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") else text
    return [re.sub(r"<br\s*/?>", "", c).strip() for c in text.split("|")]


def _cells_tab(line: str) -> list[str]:
    return [c.strip() for c in line.strip(" \r\n").split("\t")]


def _cells_csv(line: str) -> list[str]:
    return [c.strip() for c in next(csv.reader([line.strip()]))]


def _form(line: str) -> tuple[str, list[str]] | None:
    """Which cell syntax a header line uses, and its cells, if it is a header."""
    candidates = []
    if line.lstrip().startswith("|"):
        candidates.append(("markdown", _cells_markdown(line)))
    if "\t" in line.strip():
        candidates.append(("tab", [c for c in _cells_tab(line) if c]))
    if line.count(",") >= 2 and "\t" not in line and "|" not in line:
        candidates.append(("csv", _cells_csv(line)))
    if re.search(r"\S {2,}\S", line.strip()):
        candidates.append(("spaces", [c for _, c in _positioned(line)]))
    for form, cells in candidates:
        if _is_header(cells):
            return form, cells
    return None


def _ends_table(line: str) -> bool:
    """A line after a table: a note (注：…), or a heading or article of the text."""
    found = classify(line.strip())
    return bool(re.match(r"^\s*(?:注|备注|说明|附件|附表)", line)) or (
        found is not None and found.kind <= LineKind.part
    )


def _markdown_rows(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    rows = []
    if i < len(lines) and _SEPARATOR_ROW.match(lines[i].strip()):
        i += 1
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        rows.append(_cells_markdown(lines[i]))
        i += 1
    return rows, i


def _delimited_rows(
    lines: list[str], i: int, width: int, form: str, numbered: bool
) -> tuple[list[list[str]], int]:
    """Tab or comma rows. A row short of cells goes on over the next line (a cell with
    several paragraphs); a line that opens with empty cells, or without the row number a
    numbered table has, continues the last row cell by cell."""
    split = _cells_tab if form == "tab" else _cells_csv
    sep = "\t" if form == "tab" else ","
    rows: list[list[str]] = []
    while i < len(lines):
        line = lines[i]
        if not line.strip() or (sep not in line and not (rows and len(rows[-1]) < width)):
            break
        cells = split(line)
        if rows and len(rows[-1]) < width:
            rows[-1][-1] += cells[0]
            rows[-1].extend(cells[1:])
        elif rows and (not cells[0] or (numbered and not _NUMBER.fullmatch(cells[0]))):
            for j, cell in enumerate(cells[:width]):
                if cell:
                    rows[-1][j] = rows[-1][j] + cell if j < len(rows[-1]) else cell
        else:
            rows.append(cells)
        i += 1
    return rows, i


def _aligned_rows(
    lines: list[str], i: int, starts: list[int], numbered: bool
) -> tuple[list[list[str]], int]:
    """Rows of a table aligned with spaces: each piece joins the column it stands under."""
    rows: list[list[str]] = []
    blank = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            blank += 1
            if blank > 1:
                break
            i += 1
            continue
        blank = 0
        if _ends_table(line):
            break
        cells = [""] * len(starts)
        for pos, piece in _positioned(line):
            col = min(range(len(starts)), key=lambda j: abs(starts[j] - pos))
            cells[col] += piece
        filled = sum(1 for c in cells if c)
        new_row = (
            _NUMBER.fullmatch(cells[0]) is not None
            if numbered
            else filled >= max(2, len(starts) - 1)
        )
        if new_row:
            rows.append(cells)
        elif rows:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
        else:
            break
        i += 1
    return rows, i


def _one_per_line(lines: list[str], i: int, kinds: list[str]) -> tuple[list[list[str]], int]:
    """Rows of the one-cell-per-line form: each opens with its number; cells by their look."""
    rows: list[list[str]] = []
    current: list[str] | None = None
    expected = 1
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if _NUMBER.fullmatch(line) and int(line) == expected:
            if current is not None:
                rows.append(_place(kinds, current))
            current, expected = [line], expected + 1
        elif current is None or _ends_table(line):
            break
        else:
            current.append(line)
        i += 1
    if current is not None:
        rows.append(_place(kinds, current))
    return rows, i


def _looks_like_units(text: str) -> bool:
    return len(text) <= 120 and not re.search(r"[。；;]", text) and units_like(text)


def _place(kinds: list[str], cells: list[str]) -> list[str]:
    """Put the lines of one row into columns: the number first, the deadline by its look,
    unit lists by theirs (from the end), the task text in what is left."""
    out = [""] * len(kinds)
    rest = list(cells)
    if "no" in kinds and rest:
        out[kinds.index("no")] = rest.pop(0)
    roles = [j for j, k in enumerate(kinds) if k == "role"]
    if "deadline" in kinds and rest and _DEADLINE_CELL.search(rest[-1]) and len(rest[-1]) <= 20:
        out[kinds.index("deadline")] = rest.pop()
    found: list[str] = []
    while rest and len(found) < len(roles) and _looks_like_units(rest[-1]):
        found.insert(0, rest.pop())
    for j, text in zip(roles, found, strict=False):
        out[j] = text
    if "task" in kinds:
        out[kinds.index("task")] = "".join(rest)
    return out


def _row(header: list[str], kinds: list[str], cells: list[str], category: str) -> Row | None:
    cells = [*cells, *[""] * (len(header) - len(cells))][: len(header)]
    if not any(c.strip() for c in cells):
        return None
    values = dict.fromkeys(("no", "task", "category", "deadline"), "")
    assignments: list[Assignment] = []
    extra: list[str] = []
    for head, kind, cell in zip(header, kinds, cells, strict=True):
        cell = cell.strip()
        if kind == "role":
            if cell:
                assignments.append(Assignment(role_of(head), head, cell, cell))
        elif kind in values and not values[kind]:
            values[kind] = cell
        elif cell:
            extra.append(f"{head}：{cell}")
    return Row(
        values["no"],
        values["category"] or category,
        values["task"],
        assignments,
        values["deadline"] or None,
        extra,
    )


def _category_row(cells: list[str]) -> str | None:
    """A row with only its first cell filled that reads as a heading (一、产业扶贫)."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) != 1 or not cells or cells[0].strip() != filled[0]:
        return None
    only = filled[0]
    if classify(only) or (len(only) <= 30 and not re.search(r"[。；;]", only)):
        return only
    return None


def _read(lines: list[str], i: int) -> tuple[list[str], list[list[str]], str, int] | None:
    """(header, raw rows, form, end) of a table whose header is line `i`, or None."""
    found = _form(lines[i])
    if found is not None:
        form, header = found
        kinds = [_kind(h) for h in header]
        numbered = "no" in kinds
        if form == "markdown":
            rows, end = _markdown_rows(lines, i + 1)
        elif form == "spaces":
            starts = [pos for pos, _ in _positioned(lines[i])]
            rows, end = _aligned_rows(lines, i + 1, starts, numbered)
        else:
            rows, end = _delimited_rows(lines, i + 1, len(header), form, numbered)
        return header, rows, form, end
    n = 0
    while i + n < len(lines) and 0 < len(lines[i + n].strip()) <= 12:
        if _kind(lines[i + n].strip()) == "other":
            break
        n += 1
    header = [x.strip() for x in lines[i : i + n]]
    if n < 3 or not _is_header(header):
        return None
    rows, end = _one_per_line(lines, i + n, [_kind(h) for h in header])
    return header, rows, "lines", end


def find_tables(lines: list[str]) -> list[tuple[int, Table]]:
    """Every task table in the raw `lines`, with the line it starts at."""
    tables: list[tuple[int, Table]] = []
    i = 0
    while i < len(lines):
        read = _read(lines, i) if lines[i].strip() else None
        if read is None:
            i += 1
            continue
        header, raw, form, end = read
        kinds = [_kind(h) for h in header]
        rows: list[Row] = []
        category = ""
        for cells in raw:
            heading = _category_row(cells) if "category" not in kinds else None
            if heading:
                category = heading
                continue
            row = _row(header, kinds, cells, category)
            if row is not None:
                category = row.category
                rows.append(row)
        if rows:
            tables.append((i, Table(lines[i:end], header, rows, form)))
            i = end
        else:
            i += 1
    return tables


def replace_tables(lines: list[str]) -> tuple[list[str], list[Table]]:
    """The lines with each table replaced by one placeholder line, and the tables."""
    out: list[str] = []
    tables: list[Table] = []
    pos = 0
    for start, table in find_tables(lines):
        out.extend(lines[pos:start])
        out.append(f"{SENTINEL}{len(tables)}")
        tables.append(table)
        pos = start + len(table.raw)
    out.extend(lines[pos:])
    return out, tables


def table_index(line: str) -> int | None:
    """The table a placeholder line stands for, or None for any other line."""
    return int(line[len(SENTINEL) :]) if line.startswith(SENTINEL) else None
