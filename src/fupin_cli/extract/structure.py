"""Structure tokens: what kind of line a line of a policy text is.

A line may open a chapter (第X章), a section (第X节), an article (第X条), an outline part (一、),
a bracketed part ((一)), a numbered item (1.) or a bracketed item ((1)); or it may be a unit
line of a task table (牵头单位: …). The parser in `ingest.parse` builds the document tree
from these tokens.
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import NamedTuple

from ..normalize import normalize
from ..numerals import parse_int

_CN = "一二三四五六七八九十百零〇两"


class LineKind(IntEnum):
    """Kinds of labelled lines, in outline rank order (a lower value ranks higher)."""

    chapter = 0  # 第X章
    section = 1  # 第X节
    article = 2  # 第X条
    part = 3  # 一、
    paren_part = 4  # (一)
    item = 5  # 1.
    paren_item = 6  # (1)


_LABELS: tuple[tuple[LineKind, re.Pattern[str]], ...] = (
    (LineKind.chapter, re.compile(rf"^(第[ \t]*([{_CN}]+)[ \t]*章)[ \t]*(.*)$")),
    (LineKind.section, re.compile(rf"^(第[ \t]*([{_CN}]+)[ \t]*[节節])[ \t]*(.*)$")),
    (LineKind.article, re.compile(rf"^(第[ \t]*([{_CN}]+)[ \t]*[条條])[ \t]*(.*)$")),
    (LineKind.part, re.compile(rf"^(([{_CN}]+)、)[ \t]*(.*)$")),
    (LineKind.paren_part, re.compile(rf"^([(（]([{_CN}]+)[)）])[ \t]*(.*)$")),
    (LineKind.item, re.compile(r"^((\d{1,3})[.、．](?!\d))[ \t]*(.*)$")),
    (LineKind.paren_item, re.compile(r"^([(（](\d{1,3})[)）])[ \t]*(.*)$")),
)


class Label(NamedTuple):
    """A labelled line: its kind, the label as written, its number and the rest of the line."""

    kind: LineKind
    label: str
    no: int
    rest: str


def classify(line: str) -> Label | None:
    """The label `line` starts with, or None when it starts with none."""
    for kind, pattern in _LABELS:
        m = pattern.match(line)
        if m:
            no = parse_int(m.group(2))
            if no is None or no == 0:
                return None
            return Label(kind, m.group(1), no, m.group(3))
    return None


_UNIT_LINE = re.compile(
    r"^(主要责任单位|主要責任單位|牵头单位|牽頭單位|责任单位|責任單位"
    r"|协同单位|協同單位|配合单位|配合單位|参与单位|參與單位)[ \t]*[:：]?[ \t]*(.*)$"
)
_LEAD_WORDS = {"主要责任单位", "牵头单位", "责任单位"}


class UnitLine(NamedTuple):
    """A line of a task table naming units: the role, the label word as written, the list."""

    role: str  # lead or co
    word: str
    units: str


def unit_line(line: str) -> UnitLine | None:
    """`牵头单位：省水利厅` -> UnitLine('lead', '牵头单位', '省水利厅'); None for other lines."""
    m = _UNIT_LINE.match(line)
    if m is None:
        return None
    role = "lead" if normalize(m.group(1)) in _LEAD_WORDS else "co"
    return UnitLine(role, m.group(1), m.group(2))
