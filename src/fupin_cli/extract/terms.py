"""A document's terms in time and numbers, read at ingest and stored in it.

Runs the pure extractors (`deadlines`, `targets`, `validity`) over each article, task and the
parts of the text that state when the rule is in force, and turns what they find into the
models of `terms`. Curated values of the bundled documents replace these in the overlays.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Article, Document, Task
from ..terms import Deadline, RepealLink, Target, Validity
from .deadlines import Found, find_deadlines, parse_deadline_cell
from .targets import find_targets
from .validity import (
    Effective,
    find_effective,
    find_period,
    find_repeals,
    period_end,
    provisional_word,
)


def _deadline(text: str, found: Found) -> Deadline:
    return Deadline(
        phrase=text[found.begin : found.stop],
        kind=found.kind,
        start=found.start,
        end=found.end,
        every=found.every,
    )


def read_text(
    text: str, cell: str | None = None
) -> tuple[tuple[Deadline, ...], tuple[Target, ...]]:
    """The time limits and targets of one text (an article or a task); `cell` is a table's
    完成时限 for the task, the deadline of any target its text gives none."""
    found = find_deadlines(text)
    deadlines = [_deadline(text, f) for f in found]
    extra = None
    if cell and cell.strip():
        read = parse_deadline_cell(cell)
        extra = _deadline(cell, read)
        if extra.phrase not in {d.phrase for d in deadlines}:
            deadlines.append(extra)
    targets = []
    for t in find_targets(text, found):
        targets.append(
            Target(
                phrase=_clause(text, t.begin),
                quantity=t.quantity,
                value=t.value,
                upper=t.upper,
                unit=t.unit,
                comparison=t.comparison,
                subject=t.subject,
                deadline=deadlines[t.deadline] if t.deadline is not None else extra,
            )
        )
    return tuple(deadlines), tuple(targets)


def _clause(text: str, at: int) -> str:
    """The clause around `at`, as written (between ，；。： marks, either width)."""
    marks = ",;。:，；：\n"
    lo = max(text.rfind(ch, 0, at) for ch in marks) + 1
    ends = [i for i in (text.find(ch, at) for ch in marks) if i != -1]
    return text[lo : min(ends, default=len(text))].strip()


def _article(art: Article) -> Article:
    deadlines, targets = read_text(art.full_text)
    return art.model_copy(update={"deadlines": deadlines, "targets": targets})


def _task(task: Task) -> Task:
    deadlines, targets = read_text(task.text, task.deadline)
    return task.model_copy(update={"deadlines": deadlines, "targets": targets})


def _parts(doc: Document) -> Iterator[tuple[int | None, str]]:
    """Where a rule states its force: its articles, then preamble, closing and notice."""
    for art in doc.articles:
        yield art.no, art.full_text
    for text in (doc.preamble, doc.closing, doc.notice):
        if text:
            yield None, text


def read_validity(doc: Document) -> Validity | None:
    """The provisions on a rule's force its text holds (None when it holds none)."""
    best: tuple[int | None, str, Effective] | None = None
    period: str | None = None
    repeals: list[RepealLink] = []
    for no, text in _parts(doc):
        found = find_effective(text)
        # the rule's own provision wins; among equals, the last (the closing article)
        if found is not None and (best is None or found.own or not best[2].own):
            best = (no, text, found)
        stated = find_period(text)
        if stated is not None and period is None:
            period = text[stated.begin : stated.stop]
        for r in find_repeals(text):
            repeals.append(
                RepealLink(
                    cited=r.cited,
                    number=r.number,
                    relation=r.relation,
                    article=no,
                    phrase=text[r.begin : r.stop],
                )
            )
    provisional = provisional_word(doc.title)
    if best is None and period is None and not repeals and provisional is None:
        return None
    return Validity(
        effective_phrase=best[1][best[2].begin : best[2].stop] if best else None,
        effective_article=best[0] if best else None,
        period_phrase=period,
        provisional=provisional,
        repeals=tuple(repeals),
    )


def read_terms(doc: Document) -> Document:
    """`doc` with the deadlines and targets of its articles and tasks, its validity, and the
    last day of a stated period (`expires`) where the text gives one."""
    validity = read_validity(doc)
    expires = doc.expires
    if expires is None:
        for _, text in _parts(doc):
            stated = find_period(text)
            if stated is None:
                continue
            start = doc.effective or doc.issued
            expires = stated.until or (
                period_end(start, stated.years) if start and stated.years else None
            )
            break
    return doc.model_copy(
        update={
            "articles": tuple(_article(a) for a in doc.articles),
            "tasks": tuple(_task(t) for t in doc.tasks),
            "validity": validity,
            "expires": expires,
        }
    )
