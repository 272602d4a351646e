"""Structure tokens: what kind of line a line of a policy text is.

A line may open a book (第X编, 第X分编; 第X部分 and 第X篇 of long plans), a chapter (第X章), a
section (第X节), an article (第X条, 第X条之一), an outline part (一、), a bracketed part ((一)),
a numbered item (1.) or a bracketed item ((1)); a Markdown heading (``## 第一章 总则``,
``## 附则``) is read by its label, or as an unnumbered heading. Unit lines of task tables
are read in `assignments`.
The parser in `ingest` builds the document tree from these tokens.
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import NamedTuple

from ..numerals import parse_int
from .assignments import Assignment, is_unit_line, labelled

_CN = "一二三四五六七八九十百千零〇两"


class LineKind(IntEnum):
    """Kinds of labelled lines, in outline rank order (a lower value ranks higher)."""

    book = 0  # 第X编
    subbook = 1  # 第X分编
    chapter = 2  # 第X章
    section = 3  # 第X节
    article = 4  # 第X条
    part = 5  # 一、
    paren_part = 6  # (一)
    item = 7  # 1.
    paren_item = 8  # (1)
    heading = 9  # an unnumbered Markdown heading (## 附则); ranked by its level in the tree


HEADINGS = (LineKind.book, LineKind.subbook, LineKind.chapter, LineKind.section)

_LABELS: tuple[tuple[LineKind, re.Pattern[str]], ...] = (
    (
        LineKind.book,
        re.compile(rf"^(第[ \t]*([{_CN}]+)[ \t]*(?:编|部分|篇))(?![制写辑排号者])[ \t]*(.*)$"),
    ),
    (LineKind.subbook, re.compile(rf"^(第[ \t]*([{_CN}]+)[ \t]*分编)[ \t]*(.*)$")),
    (LineKind.chapter, re.compile(rf"^(第[ \t]*([{_CN}]+)[ \t]*章)[ \t]*(.*)$")),
    (LineKind.section, re.compile(rf"^(第[ \t]*([{_CN}]+)[ \t]*[节節])[ \t]*(.*)$")),
    (
        LineKind.article,
        re.compile(rf"^(第[ \t]*([{_CN}]+)[ \t]*[条條](?:之[{_CN}]+)?)[ \t]*(.*)$"),
    ),
    (LineKind.part, re.compile(rf"^(([{_CN}]+)[、，])[ \t]*(.*)$")),
    (LineKind.paren_part, re.compile(rf"^([(（][ \t]*([{_CN}]+)[ \t]*[)）])[ \t]*(.*)$")),
    (LineKind.item, re.compile(r"^((\d{1,3})[.、．](?!\d))[ \t]*(.*)$")),
    (LineKind.paren_item, re.compile(r"^([(（](\d{1,3})[)）])[ \t]*(.*)$")),
)
# an item whose own text starts with a digit: 11.121人才梯队项目 (read so only in sequence)
_ITEM_BEFORE_DIGIT = re.compile(r"^((\d{1,3})[.．])[ \t]*(\d.*)$")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")
# an article label that another text cites at the start of a sentence: 第三十条规定的…
_CITED_ARTICLE = re.compile(r"^(?:规定|的规定|所称|所列|所指|第[一二三四五六七八九十]+款|中|至)")


class Label(NamedTuple):
    """A labelled line: its kind, the label as written, its number and the rest of the line."""

    kind: LineKind
    label: str
    no: int
    rest: str


def markdown_level(line: str) -> int:
    """How many # a Markdown heading line starts with (0 for any other line)."""
    m = _MARKDOWN_HEADING.match(line)
    return len(m.group(1)) if m else 0


def strip_markdown_heading(line: str) -> str:
    m = _MARKDOWN_HEADING.match(line)
    return m.group(2).strip() if m else line


def classify(line: str, next_item: int | None = None) -> Label | None:
    """The label `line` starts with, or None when it starts with none.

    Args:
        line: a cleaned line.
        next_item: the number the next 1. item would have; an item whose text begins with a
            digit (11.121人才梯队项目) is read as one only when it continues the sequence, so a
            paragraph that starts 1.5亿元 stays text.
    """
    level = markdown_level(line)
    text = strip_markdown_heading(line) if level else line
    for kind, pattern in _LABELS:
        m = pattern.match(text)
        if m:
            if kind == LineKind.part and m.group(1).endswith("，") and not level:
                continue  # 一，… reads as a label only in a heading
            glued = not text[len(m.group(1)) : len(m.group(1)) + 1].isspace()
            if kind == LineKind.article and glued and _CITED_ARTICLE.match(m.group(3)):
                return None
            no = parse_int(m.group(2))
            if no is None or no == 0:
                return None
            return Label(kind, m.group(1), no, m.group(3))
    m = _ITEM_BEFORE_DIGIT.match(text)
    if m and next_item is not None and next_item > 1 and int(m.group(2)) == next_item:
        return Label(LineKind.item, m.group(1), next_item, m.group(3))
    if level >= 2 and text:
        return Label(LineKind.heading, "", 0, text)
    return None


class UnitLine(NamedTuple):
    """A line of a task table naming units: the role, the label word as written, the list."""

    role: str  # lead, responsible or co
    word: str
    units: str


def unit_assignments(line: str) -> list[Assignment] | None:
    """The lists a unit line names (`牵头单位：A  配合单位：B`); None for other lines."""
    if not is_unit_line(line):
        return None
    return labelled(line)


def unit_line(line: str) -> UnitLine | None:
    """`牵头单位：省水利厅` -> UnitLine('lead', '牵头单位', '省水利厅'); None for other lines."""
    found = unit_assignments(line)
    if not found:
        return None
    first = found[0]
    return UnitLine(first.role, first.word, first.units)
