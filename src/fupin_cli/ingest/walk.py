"""Blocks -> sections, articles and tasks; and what follows the body (its closing).

The walk decides what each labelled block of `outline.build_tree` is: a heading (第X章, a
一、 that holds items, a Markdown heading) with the paragraphs that belong to no item as its
`text`; an article or numbered item; or one or more tasks, when the block names units (on
lines of their own, inline in brackets, in a table placed there). `take_closing` keeps only
the signature-like end of the last block (signature, date, 抄送, an attachment's title) as
the closing, and hands back the tables printed among those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..corpus import ActorRegistry
from ..extract.assignments import Assignment, split_tasks
from ..extract.dates import date_line, doc_number_line
from ..extract.structure import HEADINGS, LineKind
from ..i18n import _
from .header import is_issuer_like, is_title_like, printed_by
from .outline import Block
from .tables import Table, table_index
from .tasks import Convention, TaskSource

_CLOSING_WORDS = re.compile(
    r"^(?:抄送|抄報|抄报|印发|印發|附件|附表|联系人|聯繫人|联系电话|聯繫電話|电话|電話|邮箱|郵箱"
    r"|地址|邮编|郵編|主送|主题词|主題詞|[(（](?:此件|本件)|[(（]?(?:联系人|聯繫人))"
)
_DATED = re.compile(r"^[(（]?(?P<date>.+?)[)）]?\s*(?:印发|印發|发布|發布|公布|公佈|发|印)$")
_LEAD_IN = re.compile(r"^([^。，,；;：:（）()]{2,14})[:：]")
_TITLE_LEAD = re.compile(r"^([^。，,；;：:]{2,30}[。.])(.+)$", re.S)


# ---------------------------------------------------------------------------------------------
# blocks -> sections, articles, tasks


def join(*parts: str) -> str:
    """The non-empty parts, one per line."""
    return "\n".join(x for x in parts if x)


def _heading_like(text: str) -> bool:
    return bool(text) and len(text) <= 40 and not re.search(r"[。；;！!？?，,：:]", text)


def _split_lead_in(text: str) -> tuple[str | None, str]:
    m = _TITLE_LEAD.match(text)
    return (m.group(1), m.group(2)) if m else (None, text)


@dataclass
class Walk:
    """The walk over one document's blocks; collects sections, articles and tasks."""

    registry: ActorRegistry | None
    tables: list[Table]
    article_mode: bool
    parts_hold_items: bool
    sources: list[TaskSource] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def text_lines(self, lines: list[str], path: tuple[str, ...]) -> list[str]:
        """The lines that are text; each table placeholder adds its rows as tasks here."""
        out = []
        for line in lines:
            n = table_index(line)
            if n is None:
                out.append(line)
            else:
                self.table_tasks(self.tables[n], path)
        return out

    def table_tasks(self, table: Table, path: tuple[str, ...]) -> None:
        for i, row in enumerate(table.rows, 1):
            label = row.label or str(i)
            section = [*path, row.category] if row.category else list(path)
            self.sources.append(
                TaskSource(
                    row.text,
                    label,
                    " ".join([*section, label]),
                    section,
                    [(a, a.written) for a in row.assignments],
                    deadline=row.deadline,
                    extra=row.extra,
                )
            )

    def inline_tasks(self, text: str, path: tuple[str, ...], label: str) -> int:
        """Tasks for the inline assignments of `text` (one per assignment); how many."""
        pieces = [p for p in split_tasks(text) if p.assignments]
        for n, piece in enumerate(pieces, 1):
            own = label
            where = path
            if len(pieces) > 1:
                m = _LEAD_IN.match(piece.text)
                own = m.group(1) if m else f"[{n}]"
                where = (*path, own)
            elif not label:
                m = _LEAD_IN.match(piece.text)
                own = m.group(1) if m else ""
                where = (*path, own) if own else path
            self.sources.append(
                TaskSource(
                    piece.text,
                    own,
                    " ".join(where),
                    list(path if len(pieces) > 1 or not label else path[:-1]),
                    [(a, a.written) for a in piece.assignments],
                    written=piece.written,
                    deadline=piece.deadline,
                    convention=Convention.read(piece.convention, piece.written or "")
                    if piece.convention
                    else None,
                )
            )
        return len(pieces)

    def walk(self, blocks: list[Block], path: tuple[str, ...]) -> list[dict[str, Any]]:
        sections: list[dict[str, Any]] = []
        for block in blocks:
            here = (*path, block.label) if block.label else (*path, block.head[:12])
            lines = self.text_lines(block.lines, here)
            if block.kind == LineKind.article:
                self.article(block, path, lines)
                self.inline_tasks(join(block.head, *lines), (*path, block.label), block.label)
                continue
            if block.units:
                sections += self.unit_line_task(block, path, here)
                continue
            heading = _heading_like(block.head) and (bool(lines) or bool(block.children))
            body = lines if heading else [block.head, *lines]
            found = self.inline_tasks(join(*body), here, "" if heading else block.label)
            leaf = not block.children and not found
            section_level = (
                block.markdown
                or block.kind in (LineKind.heading, *HEADINGS)
                or (block.kind == LineKind.part and self.parts_hold_items)
            )
            if leaf and not section_level:
                self.outline_article(block, path, lines)
                continue
            children = self.walk(block.children, here)
            if found == 1 and not heading and not children and not section_level:
                continue  # one paragraph, one task: no heading of its own
            text = None if found else join(*lines) or None
            title = block.head if heading or not found or section_level else ""
            sections.append(section_data(block, children, title, text))
        return sections

    def article(self, block: Block, path: tuple[str, ...], lines: list[str]) -> None:
        items = []
        for child in block.children:
            child_lines = self.text_lines(child.lines, (*path, block.label, child.label))
            text = join(child.head, *child_lines, *(line for _, line, _ in child.units))
            items.append({"no": child.no, "label": child.label, "text": text})
        self.articles.append(
            {
                "no": block.no,
                "label": block.label,
                "text": join(block.head, *lines, *(line for _, line, _ in block.units)),
                "items": items,
                "section": list(path),
            }
        )
        if block.units:  # 牵头单位 lines under an article: a task too
            pairs = [
                (a, line if len(units) == 1 else a.written)
                for units, line, _ in block.units
                for a in units
            ]
            here = (*path, block.label)
            self.sources.append(
                TaskSource(join(block.head, *lines), block.label, " ".join(here), list(path), pairs)
            )

    def outline_article(self, block: Block, path: tuple[str, ...], lines: list[str]) -> None:
        title: str | None
        if _heading_like(block.head) and lines:
            title, text = block.head, join(*lines)
        else:
            title, text = _split_lead_in(join(block.head, *lines))
        art: dict[str, Any] = {"no": block.no, "label": block.label}
        if title:
            art["title"] = title
        art.update(text=text, items=[], section=list(path))
        self.articles.append(art)

    def unit_line_task(
        self, block: Block, path: tuple[str, ...], here: tuple[str, ...]
    ) -> list[dict[str, Any]]:
        """Tasks whose units follow on lines of their own (牵头单位：… / 协同单位：…).

        Each run of paragraphs followed by unit lines is one task: a heading line with one
        task under it (the division tables), or several labelled paragraphs each with its
        units (金融支持：… / 牵头单位：…). Paragraphs after the last unit line stay the
        heading's text.
        """
        if block.children:
            self.warnings.append(
                _("{where}: a task heading with sub-items").format(where=" ".join(here))
            )
        groups: list[tuple[int, int, list[tuple[list[Assignment], str]]]] = []
        for units, line, pos in block.units:
            if groups and groups[-1][1] == pos:
                groups[-1][2].append((units, line))
            else:
                groups.append((groups[-1][1] if groups else 0, pos, [(units, line)]))
        tail = self.text_lines(block.lines[groups[-1][1] :], here)
        out = []
        for n, (start, end, unit_lines) in enumerate(groups, 1):
            lines = self.text_lines(block.lines[start:end], here)
            pairs = [
                (a, line if len(units) == 1 else a.written)
                for units, line in unit_lines
                for a in units
            ]
            if len(groups) == 1 and lines and _heading_like(block.head):
                # heading line, then the task's text as a paragraph
                out.append(section_data(block, [], block.head, join(*tail) or None))
                text, label, where, section = "\n".join(lines), "", here, here
            elif len(groups) == 1:
                text, label, where, section = join(block.head, *lines), block.label, here, path
                if tail:
                    out.append(section_data(block, [], "", join(*tail)))
            else:
                text = join(*lines) if lines else (block.head if n == 1 else "")
                m = _LEAD_IN.match(text)
                label = m.group(1) if m else f"[{n}]"
                where, section = (*here, label), here
            deadline = next((d for d, pos in block.deadlines if pos == end), None)
            self.sources.append(
                TaskSource(text, label, " ".join(where), list(section), pairs, deadline=deadline)
            )
        if len(groups) > 1:
            head = block.head if _heading_like(block.head) or block.lines[:1] else ""
            out.append(section_data(block, [], head, join(*tail) or None))
        return out


def section_data(
    block: Block, children: list[dict[str, Any]], title: str, text: str | None
) -> dict[str, Any]:
    kind = {
        LineKind.book: "book",
        LineKind.subbook: "book",
        LineKind.chapter: "chapter",
        LineKind.section: "section",
        LineKind.heading: "heading",
    }.get(block.kind, "part")
    out: dict[str, Any] = {
        "kind": kind,
        "no": block.no,
        "label": block.label,
        "title": title,
        "sections": children,
    }
    if text:
        out["text"] = text
    return out


def number_headings(sections: list[dict[str, Any]]) -> None:
    """Unnumbered headings get their ordinal among their siblings."""
    for i, sec in enumerate(sections, 1):
        if sec["kind"] == "heading":
            sec["no"] = i
        number_headings(sec["sections"])


# ---------------------------------------------------------------------------------------------
# what follows the body


def closing_like(line: str) -> bool:
    """A signature, a date, a document number, 抄送 / 印发 / 附件 and similar lines."""
    dated = _DATED.match(line)
    return bool(
        date_line(line)
        or (dated and date_line(dated.group("date")))
        or doc_number_line(line)
        or printed_by(line)
        or _CLOSING_WORDS.match(line)
        or is_issuer_like(line)
        or (is_title_like(line) and not re.search(r"[。；;]", line))
    )


def _assigns_units(line: str) -> bool:
    return table_index(line) is None and any(p.assignments for p in split_tasks(line))


def _last_block(blocks: list[Block]) -> Block | None:
    last = blocks[-1] if blocks else None
    while last is not None and last.children:
        last = last.children[-1]
    return last


def take_closing(roots: list[Block], article_mode: bool) -> tuple[list[str], list[tuple[int, str]]]:
    """The lines after the body (the signature-like end of the last block's lines), and the
    tables printed among them (an attachment's 分工表) with the title printed above each."""
    last = _last_block(roots)
    if last is None or not last.lines:
        return [], []
    lines = last.lines
    start = last.units[-1][2] if last.units else 0  # nothing before a unit line is closing
    keep = len(lines)
    while keep > start and (
        closing_like(lines[keep - 1]) or table_index(lines[keep - 1]) is not None
    ):
        keep -= 1
    if keep == len(lines) and article_mode and not last.units:
        ends = [i for i, x in enumerate(lines) if re.search(r"[。；;！!？?：:]$", x)]
        keep = ends[-1] + 1 if ends else 0
    if (
        not article_mode
        and keep
        and not last.units
        and last.kind in (LineKind.paren_part, LineKind.item, LineKind.paren_item)
        and not _heading_like(last.head)
        and last.head
    ):
        keep = 0  # paragraphs after the last complete item: the document's own closing words
    # a paragraph that assigns units is a task of the body, never closing words
    assigning = [i for i in range(keep, len(lines)) if _assigns_units(lines[i])]
    if assigning:
        keep = assigning[-1] + 1
    closing: list[str] = []
    tables: list[tuple[int, str]] = []
    for line in lines[keep:]:
        n = table_index(line)
        if n is None:
            closing.append(line)
        else:
            titles = [x for x in closing if is_title_like(x)]
            tables.append((n, titles[-1] if titles else "附件"))
    last.lines = lines[:keep]
    return closing, tables
