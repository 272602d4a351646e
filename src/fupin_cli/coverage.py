"""What a document holds and what its reading may have missed, from the document alone.

`fupin ingest` reports these for what it has just parsed and `fupin validate` for any folder,
so a document read from a file nobody curated says where to look: text that names 牵头单位
but made no task, article numbers that skip or repeat, body text kept as the closing, a level
nothing in the text gave, units the registry does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .extract.assignments import ROLE_LABEL
from .i18n import N_, _, ngettext
from .levels import Level
from .models import Article, Document, Section
from .normalize import char_keys
from .numerals import parse_int

#: A passage that assigns units, yet no task was made of it.
NO_TASK = N_("names 牵头单位 / 责任单位 but no task was made of it")
_ARTICLE_NO = re.compile(r"^第\s*([一二三四五六七八九十百千零〇两]+)\s*[条條]\s*$")
_OUTLINE_NO = re.compile(r"^[(（]?\s*([一二三四五六七八九十百千零〇两]+|\d+)\s*[)）、.．]?\s*$")
_ASSIGNING = re.compile(
    rf"(?:^|[(\[,;:。\s])(?:{ROLE_LABEL.pattern})\s*:"
    r"|\([^()]{0,40}(?:牵头|负责)[^()]{0,40}\)"  # （市发改委牵头，…） that made no task
)
_BODY_SENTENCE = re.compile(r"[。；;！!？?]$")
_CLOSING_WORDS = re.compile(r"^(?:抄送|抄报|印发|附件|联系人|联系电话|电话|[(]此件|[(]本件)")


@dataclass(frozen=True)
class Finding:
    """One thing to look at: where in the document (a field path) and what."""

    loc: tuple[int | str, ...]
    message: str


def _sections(
    sections: tuple[Section, ...], loc: tuple[int | str, ...]
) -> Iterator[tuple[tuple[int | str, ...], Section]]:
    for i, sec in enumerate(sections):
        here = (*loc, i)
        yield here, sec
        yield from _sections(sec.sections, (*here, "sections"))


def _heading_paths(
    sections: tuple[Section, ...], path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], Section]]:
    for sec in sections:
        here = (*path, sec.label)
        yield here, sec
        yield from _heading_paths(sec.sections, here)


def _assigns(text: str | None) -> bool:
    return bool(text) and bool(_ASSIGNING.search(char_keys(text or "")))


def _numbers(articles: tuple[Article, ...]) -> list[Finding]:
    """Article numbers (第X条) that skip or repeat; outline items that do so under one heading."""
    out: list[Finding] = []
    last: dict[tuple[str, ...], tuple[int, str]] = {}
    for i, art in enumerate(articles):
        m = _ARTICLE_NO.match(art.label)
        shape = re.sub(r"[一二三四五六七八九十百千零〇两]+|\d+", "N", art.label)
        group: tuple[str, ...] = ("第X条",) if m else (*art.section, shape)
        if m is None:
            m = _OUTLINE_NO.match(art.label)
        if m is None:
            continue
        no = parse_int(m.group(1))
        if no is None:
            continue
        prev = last.get(group)
        if prev is not None and no != prev[0] + 1:
            what = (
                _("{label} repeats after {previous}")
                if no <= prev[0]
                else _("{label} skips after {previous}")
            )
            out.append(
                Finding(("articles", i, "label"), what.format(label=art.label, previous=prev[1]))
            )
        last[group] = (no, art.label)
    return out


def findings(doc: Document) -> list[Finding]:
    """Everything worth a reader's look in `doc`, in field order."""
    out: list[Finding] = []
    if doc.level == Level.unknown:
        out.append(
            Finding(
                ("level",),
                _(
                    "level unknown: no issuer, place or central body is named; "
                    "give --level and --region to fupin ingest"
                ),
            )
        )
    tasked = {t.path.split(" ")[-1] for t in doc.tasks} | {t.label for t in doc.tasks}
    for field in ("notice", "preamble", "closing"):
        if field == "preamble" and doc.tasks:
            continue
        if _assigns(getattr(doc, field)):
            out.append(Finding((field,), _(NO_TASK)))
    for loc, sec in _sections(doc.sections, ("sections",)):
        if _assigns(sec.text) or (_assigns(sec.title) and sec.label not in tasked):
            out.append(Finding((*loc, "text"), _(NO_TASK)))
    for i, art in enumerate(doc.articles):
        if art.label in tasked:
            continue
        if _assigns(art.full_text):
            out.append(Finding(("articles", i, "text"), _(NO_TASK)))
    out += _numbers(doc.articles)
    headings = {path for path, _ in _heading_paths(doc.sections, ())}
    placed: list[tuple[str, int, tuple[str, ...]]] = [
        *(("articles", i, a.section) for i, a in enumerate(doc.articles)),
        *(("tasks", i, tuple(t.section)) for i, t in enumerate(doc.tasks)),
    ]
    for field, i, section in placed:
        if section and section not in headings:
            where = " ".join(section)
            out.append(
                Finding(
                    (field, i, "section"),
                    _("placed under {where}, a heading the outline lacks").format(where=where),
                )
            )
    for i, task in enumerate(doc.tasks):
        if not (task.lead or task.co or task.responsible):
            out.append(Finding(("tasks", i), _("task {path} names no unit").format(path=task.path)))
    if doc.closing:
        body = [
            x
            for x in doc.closing.split("\n")
            if _BODY_SENTENCE.search(x.strip()) and len(x) > 20 and not _CLOSING_WORDS.match(x)
        ]
        if body:
            out.append(
                Finding(
                    ("closing",),
                    _("the closing holds body text: {start}…").format(start=body[0][:30]),
                )
            )
    unknown: list[str] = []
    for task in doc.tasks:
        unknown += [u for u in task.unknown if u not in unknown]
    if unknown:
        out.append(
            Finding(
                ("tasks",),
                _("{n} unit(s) not in the actor registry, kept as written: {units}").format(
                    n=len(unknown), units="、".join(unknown)
                ),
            )
        )
    return out


def summary(doc: Document) -> str:
    """One line: chapters, articles, items, tasks with units, lines of preamble and closing."""

    def count(sections: tuple[Section, ...], kind: str) -> int:
        return sum((s.kind == kind) + count(s.sections, kind) for s in sections)

    items = sum(len(a.items) for a in doc.articles)
    with_units = sum(1 for t in doc.tasks if t.lead or t.co or t.responsible)
    return _(
        "{id}: {level} {region}, {chapters} chapters, {articles} articles, {items} items, "
        "{tasks} tasks ({with_units} with units), preamble {preamble}, closing {closing}"
    ).format(
        id=doc.id,
        level=doc.level.value,
        region=doc.region,
        chapters=count(doc.sections, "chapter"),
        articles=len(doc.articles),
        items=items,
        tasks=len(doc.tasks),
        with_units=with_units,
        preamble=_lines(doc.preamble),
        closing=_lines(doc.closing),
    )


def _lines(text: str | None) -> str:
    n = len(text.split("\n")) if text else 0
    return ngettext("{n} line", "{n} lines", n).format(n=n)
