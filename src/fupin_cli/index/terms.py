"""A document's terms in the index: deadlines, targets, validity and repeals as rows.

The rows are made in the worker that reads a document (`term_rows`), written with the rest of
its rows (`insert`), and the repeals resolved with the citations, once every title is known
(`resolve_repeals`): a resolved repeal is a `repeals` / `replaces` edge of the rule graph, in
place of the plain `cites` edge its 《title》 would make.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..normalize import fold

if TYPE_CHECKING:
    from ..extract.citations import TitleResolver
    from ..models import Article, Document, Task


class TermRows(NamedTuple):
    deadlines: list[tuple[Any, ...]]
    targets: list[tuple[Any, ...]]
    validity: tuple[Any, ...]
    repeals: list[tuple[Any, ...]]


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def term_rows(doc: Document, units: Sequence[tuple[int, Article | Task]]) -> TermRows:
    """The rows of one document's terms; `units` are its articles and tasks with their seq."""
    deadlines: list[tuple[Any, ...]] = []
    targets: list[tuple[Any, ...]] = []
    for seq, part in units:
        for i, d in enumerate(part.deadlines):
            deadlines.append(
                (doc.id, seq, i, d.kind, _iso(d.start), _iso(d.end), d.every, d.phrase)
            )
        for i, t in enumerate(part.targets):
            due = t.deadline
            targets.append(
                (
                    doc.id,
                    seq,
                    i,
                    t.quantity,
                    t.value,
                    t.upper,
                    t.unit,
                    t.comparison,
                    t.subject,
                    t.phrase,
                    _iso(due.end or due.start) if due else None,
                    due.phrase if due else None,
                    fold(f"{t.subject or ''} {t.phrase}"),
                )
            )
    v = doc.validity
    validity = (
        doc.id,
        _iso(doc.issued),
        _iso(doc.published),
        _iso(doc.effective),
        _iso(doc.expires),
        v.provisional if v else None,
        v.model_dump_json(exclude_defaults=True) if v else "{}",
    )
    repeals = [
        (doc.id, i, r.article, r.cited, r.number, r.relation, r.phrase, None)
        for i, r in enumerate(v.repeals if v else ())
    ]
    return TermRows(deadlines, targets, validity, repeals)


def insert(conn: sqlite3.Connection, rows: TermRows) -> None:
    conn.executemany("INSERT INTO deadlines VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.deadlines)
    conn.executemany(
        "INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.targets
    )
    conn.execute("INSERT INTO validity VALUES (?, ?, ?, ?, ?, ?, ?)", rows.validity)
    conn.executemany("INSERT INTO repeals VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.repeals)


def resolve_repeals(conn: sqlite3.Connection, resolver: TitleResolver) -> None:
    """Resolve each repealed or replaced rule exactly (its title, else its number); a
    resolved one becomes an edge, and the plain citation edge of the same pair goes."""
    from ..extract.citations import Found

    resolved: list[tuple[str, int]] = []
    for rowid, doc_id, seq, article, cited, number, relation, phrase in conn.execute(
        "SELECT rowid, doc, seq, article, cited, number, relation, phrase FROM repeals"
    ).fetchall():
        target = resolver.resolve(Found(article, None, cited, number, phrase, True))
        if target is None or target == doc_id:
            continue
        resolved.append((target, rowid))
        conn.execute(
            "DELETE FROM edges WHERE source = ? AND target = ? AND relation = 'cites' "
            "AND curated = 0",
            (doc_id, target),
        )
        conn.execute(
            "INSERT INTO edges VALUES (?, ?, ?, ?, ?, 0, ?)",
            (doc_id, target, relation, article, phrase, 1000 + seq),
        )
    conn.executemany("UPDATE repeals SET target = ? WHERE rowid = ?", resolved)


def validity_data(fields: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(fields)
    return data
