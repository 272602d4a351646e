"""Lines -> the tree of labelled blocks: which lines belong to which document and heading.

One small state machine reads the structure tokens of `extract.structure`:

- a file may print several documents; a new one starts where numbering restarts (a second
  第一章, 第一条, or 一、 in an outline document), never at a table of contents;
- a table of contents (目录, or heading lines printed again before the body) is set aside;
- a block is a labelled line with what follows it up to the next label; a label alone on its
  line takes the next line as its text; an item whose text begins with a digit (11.121人才)
  is read as the next item of its sequence; Markdown headings rank by their level.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..extract.assignments import Assignment, deadline_line
from ..extract.structure import (
    HEADINGS,
    Label,
    LineKind,
    classify,
    markdown_level,
    unit_assignments,
)
from ..normalize import normalize
from .header import is_title_like
from .tables import table_index

_CONTENTS = re.compile(r"^(?:#+\s*)?目\s*录$")


@dataclass
class Block:
    """A labelled line with what follows it up to the next label."""

    kind: LineKind
    label: str
    no: int
    head: str
    rank: float
    lines: list[str] = field(default_factory=list)
    # unit lines: (the lists, the line, how many of `lines` came before it)
    units: list[tuple[list[Assignment], str, int]] = field(default_factory=list)
    deadlines: list[tuple[str, int]] = field(default_factory=list)  # 完成时限：… lines
    children: list[Block] = field(default_factory=list)
    markdown: bool = False


@dataclass
class Tree:
    """A document's body as blocks: lines before the first label, the top-level blocks."""

    header: list[str]
    roots: list[Block]
    article_mode: bool


def split_contents(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the table of contents, the other lines): a 目录 line and the entries after it; a run
    of chapter headings with nothing under them that the body prints again; or one heading
    line that lists several chapters (## 第一章 总则 第二章 …)."""
    for i, line in enumerate(lines[: max(40, len(lines) // 3)]):
        if _CONTENTS.match(line.strip()):
            j = i + 1
            while j < len(lines) and _toc_entry(lines[j]) and not _repeats(lines, i + 1, j):
                j += 1
            if j > i + 1:
                return lines[i:j], lines[:i] + lines[j:]
    first_article = next(
        (i for i, x in enumerate(lines) if (c := classify(x)) and c.kind == LineKind.article),
        len(lines),
    )
    for i in range(first_article):
        c = classify(lines[i])
        if c is None or c.kind not in HEADINGS:
            continue
        if _ONE_LINE_CONTENTS.search(c.rest) and _repeats(lines, i, i + 1):
            return lines[i : i + 1], lines[:i] + lines[i + 1 :]
        j = i + 1
        key = _label_key(lines[i])
        same = {c.no}
        while j < first_article and (c2 := classify(lines[j])) and c2.kind in HEADINGS:
            if _label_key(lines[j]) == key:
                break  # the body's own first heading: the contents end before it
            if c2.kind == c.kind:
                same.add(c2.no)
            j += 1
        if len(same) >= 2 and any(_repeats(lines, k, j) for k in range(i, j)):
            return lines[i:j], lines[:i] + lines[j:]
        break
    return [], lines


_ONE_LINE_CONTENTS = re.compile(r"第[一二三四五六七八九十百]+[编章]")


def _toc_entry(line: str) -> bool:
    c = classify(line)
    return (c is not None and c.kind != LineKind.article) or (
        len(line) <= 40 and not re.search(r"[。；;]", line)
    )


def _label_key(line: str) -> str:
    c = classify(line)
    return normalize(c.label if c and c.label else line)


def _repeats(lines: list[str], i: int, j: int) -> bool:
    """Whether the entry at `i` is printed again after line `j` (the body's own heading)."""
    key = _label_key(lines[i])
    return any(_label_key(x) == key for x in lines[j:])


def segments(lines: list[str]) -> list[list[str]]:
    """Split a file into the lines of each document printed in it.

    A new document starts where numbering restarts (a second 第一章, a second 第一条, or a
    second 一、 in an outline document) and takes the title-like lines right before it. A
    new 编 (book) restarts its chapters without starting a document.
    """
    starts = [0]
    seen: set[LineKind] = set()
    for i, line in enumerate(lines):
        c = classify(line)
        if c is None:
            continue
        if c.kind in (LineKind.book, LineKind.subbook):
            seen -= {LineKind.chapter, LineKind.section}
            continue
        if c.kind not in (LineKind.chapter, LineKind.article, LineKind.part):
            continue
        kind = c.kind
        restart = c.no == 1 and kind in seen and "之" not in c.label
        if kind == LineKind.part and (LineKind.chapter in seen or LineKind.article in seen):
            restart = False
        if kind == LineKind.part and markdown_level(line):
            restart = False
        if restart:
            j = i
            while j - 1 > starts[-1] and is_title_like(lines[j - 1]):
                j -= 1
            starts.append(j)
            seen = set()
        seen.add(kind)
    starts.append(len(lines))
    return [lines[a:b] for a, b in itertools.pairwise(starts) if b > a]


def _heading_ranks(body: list[str], article_mode: bool) -> dict[int, float]:
    """The rank of an unnumbered Markdown heading of each level: that of the labelled
    headings printed at the same level (## 第一章 -> a ## 附则 is a chapter's equal)."""
    ranks: dict[int, float] = {}
    for line in body:
        level = markdown_level(line)
        c = classify(line) if level else None
        if c is not None and c.kind != LineKind.heading:
            rank = float(c.kind)
            if article_mode and c.kind > LineKind.article:
                rank = LineKind.article - 0.5
            ranks[level] = min(ranks.get(level, rank), rank)
    return ranks


def _rank(c: Label, line: str, ranks: dict[int, float], article_mode: bool) -> float:
    level = markdown_level(line)
    if c.kind == LineKind.heading:
        if level in ranks:
            return ranks[level]
        above = [r for lv, r in ranks.items() if lv < level]
        return (max(above) + 0.25) if above else LineKind.chapter - 0.25 + level * 0.01
    if level and article_mode and c.kind > LineKind.article:
        return LineKind.article - 0.5  # ## 一、一般规定 among articles: a heading
    return float(c.kind)


def build_tree(body: list[str]) -> Tree:
    """The blocks of one document's body."""
    article_mode = any(
        (found := classify(x)) is not None and found.kind == LineKind.article for x in body
    )
    ranks = _heading_ranks(body, article_mode)
    header: list[str] = []
    roots: list[Block] = []
    stack: list[Block] = []
    last: Block | None = None
    awaiting_head: Block | None = None
    last_item: dict[LineKind, int] = {}
    for line in body:
        if table_index(line) is not None:
            (last.lines if last is not None else header).append(line)
            awaiting_head = None
            continue
        units = unit_assignments(line)
        if units and last is not None:
            last.units.append((units, line, len(last.lines)))
            awaiting_head = None
            continue
        if (
            last is not None
            and last.units
            and last.units[-1][2] == len(last.lines)
            and re.search(r"[、，,；;]$", last.units[-1][1])
            and classify(line) is None
        ):  # a list of units broken after a separator goes on here
            lists, joined, pos = last.units[-1]
            tail = lists[-1]
            merged = Assignment(
                tail.role, tail.word, f"{tail.units}{line}", f"{tail.written}{line}"
            )
            last.units[-1] = ([*lists[:-1], merged], f"{joined}{line}", pos)
            continue
        deadline = deadline_line(line) if last is not None and last.units else None
        if deadline is not None and last is not None:
            last.deadlines.append((deadline, len(last.lines)))
            continue
        c: Label | None = classify(line, next_item=last_item.get(LineKind.item, 0) + 1)
        if c is not None and c.kind == LineKind.heading and not roots and not stack:
            c = None  # a heading before the body: part of the header
        if (
            c is not None
            and article_mode
            and not stack
            and c.kind > LineKind.article
            and not markdown_level(line)
        ):
            c = None  # an outline label before the first article: preamble text
        if c is None:
            if awaiting_head is not None and not awaiting_head.head:
                awaiting_head.head = line
                awaiting_head = None
            elif last is None:
                header.append(line)
            else:
                last.lines.append(line)
            continue
        rank = _rank(c, line, ranks, article_mode)
        block = Block(c.kind, c.label, c.no, c.rest, rank, markdown=bool(markdown_level(line)))
        awaiting_head = block if not c.rest else None
        for kind in list(last_item):
            if kind > c.kind:
                del last_item[kind]
        if c.kind in (LineKind.item, LineKind.paren_item):
            last_item[c.kind] = c.no
        if article_mode and rank > LineKind.article:
            # inside an article every outline label is an item of that article
            owner = next((b for b in reversed(stack) if b.kind == LineKind.article), None)
            if owner is None:
                header.append(line)
                continue
            owner.children.append(block)
            last = block
            continue
        while stack and stack[-1].rank >= rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(block)
        stack.append(block)
        last = block
    return Tree(header, roots, article_mode)
