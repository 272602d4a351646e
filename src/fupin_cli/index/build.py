"""Building the compiled index: every file validated once, its rows written to SQLite.

Documents are parsed in worker processes when there are many; every problem of every file is
collected before anything is raised, so `fupin validate` and the index report the same list.
The corpus order (superior documents first, then by region and date) is decided here, once.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..datafolder import DataFolder
from ..errors import DataError, DataErrors
from ..normalize import normalize
from .files import FileStat, content_key, fingerprint
from .schema import DDL, POST_DDL

if TYPE_CHECKING:  # the models cost a lot to import; the search path never needs them
    from ..models import Article, Section

MANY_FILES = 200

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


def _walk_sections(sections: Sequence[Section], depth: int = 0) -> Iterator[tuple[int, Section]]:
    for sec in sections:
        yield depth, sec
        yield from _walk_sections(sec.sections, depth + 1)


def _item_offsets(art: Article) -> list[tuple[int, str]]:
    """Where each item starts in `full_text`, so a hit inside an item can name it."""
    head = f"{art.title}{art.text}" if art.title else art.text
    pos = len(head) + 1 if head else 0
    out = []
    for item in art.items:
        part = f"{item.label}{item.text}"
        if not part:
            continue
        out.append((pos, item.label))
        pos += len(part) + 1
    return out


@dataclass
class _Rows:
    """Everything one document contributes to the database (built in a worker process).

    Articles and tasks name their unit by its position in `units`; `_insert` turns that into
    the unit's id.
    """

    doc: tuple[Any, ...]
    keys: list[tuple[str, str, int]]
    sections: list[tuple[Any, ...]]
    articles: list[tuple[Any, ...]]
    tasks: list[tuple[Any, ...]]
    edges: list[tuple[Any, ...]]
    units: list[tuple[str, str, str, str, str | None, str]]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _document_rows(path: str) -> _Rows:
    """The rows of one document file (run in a worker process when there are many)."""
    import zlib

    from ..levels import LEVEL_ORDER
    from ..loader import load_document

    doc = load_document(Path(path))
    date = doc.issued or doc.effective or doc.published
    data = zlib.compress(doc.model_dump_json(by_alias=True, exclude_defaults=True).encode())
    row = (
        doc.id,
        doc.level.value,
        LEVEL_ORDER[doc.level],
        doc.region,
        date.isoformat() if date else None,
        doc.title,
        doc.short_title,
        _dumps(list(doc.aliases)),
        path,
        data,
    )
    keys = [(normalize(k), doc.id, rank) for rank, k in enumerate((doc.id, *doc.aliases))]
    sections = [
        (doc.id, i, depth, sec.kind.value, sec.label, sec.title)
        for i, (depth, sec) in enumerate(_walk_sections(doc.sections))
    ]
    units: list[tuple[str, str, str, str, str | None, str]] = []
    articles: list[tuple[Any, ...]] = []
    tasks: list[tuple[Any, ...]] = []

    def unit(kind: str, ref: str, text: str, items: str | None = None) -> int:
        norm = normalize(text)
        units.append((kind, ref, text, norm, items, " ".join(norm)))
        return len(units) - 1

    if doc.notice:
        unit("notice", "", doc.notice)
    if doc.preamble:
        unit("preamble", "", doc.preamble)
    for _depth, sec in _walk_sections(doc.sections):
        if sec.text:  # paragraphs under a heading that belong to no item (一、总体要求 …)
            unit("section", sec.label or sec.title, sec.text)
    for a in doc.articles:
        items = _dumps(_item_offsets(a)) if a.items else None
        at = unit("article", a.label, a.full_text, items)
        articles.append(
            (
                a.no,
                a.label,
                a.title,
                _dumps(list(a.section)),
                _dumps(list(a.actors)),
                _dumps([i.label for i in a.items]),
                at,
            )
        )
    for t in doc.tasks:
        at = unit("task", t.path, t.text)
        tasks.append(
            (
                t.no,
                t.path,
                t.label,
                _dumps(list(t.section)),
                _dumps(list(t.lead)),
                _dumps(list(t.co)),
                t.lead_line,
                t.co_line,
                at,
            )
        )
    if doc.closing:
        unit("closing", "", doc.closing)
    edges: list[tuple[Any, ...]] = [
        (doc.id, link.article, "link", link.target, link.relation, None, link.phrase)
        for link in (*doc.based_on, *doc.cites)
    ]
    for art in doc.articles:
        edges += [
            (
                doc.id,
                art.no,
                "relation",
                f"{rel.from_}\t{rel.to or ''}",
                rel.relation,
                rel.degree,
                rel.phrase,
            )
            for rel in art.relations
        ]
    return _Rows(row, keys, sections, articles, tasks, edges, units)


def _rows_or_error(path: str) -> _Rows | list[DataError]:
    try:
        return _document_rows(path)
    except DataErrors as exc:
        return list(exc.errors)
    except DataError as exc:
        return [exc]


def _parallel(paths: Sequence[str]) -> Iterator[_Rows | list[DataError]]:
    """Parse in worker processes when there are many files and more than one CPU."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < MANY_FILES or workers < 2:
        yield from map(_rows_or_error, paths)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(_rows_or_error, paths, chunksize=16)


def build(
    conn: sqlite3.Connection,
    folder: DataFolder,
    stats: Sequence[FileStat],
    hashes: dict[str, str],
    progress: Progress | None = None,
) -> None:
    """Validate every file of `folder` and write the whole index into the empty `conn`.

    Raises:
        DataError / DataErrors: a file is invalid (every problem is collected first).
    """
    from ..loader import load_actors, load_references

    started = time.perf_counter()
    conn.executescript(DDL)
    errors: list[DataError] = []
    seen: dict[str, str] = {}
    next_id = 1
    paths = [str(p) for p in folder.documents]
    total = len(paths)
    for done, (path, rows) in enumerate(zip(paths, _parallel(paths), strict=True), start=1):
        if progress is not None:
            progress(done, total)
        if isinstance(rows, list):
            errors.extend(rows)
            continue
        doc_id = rows.doc[0]
        if doc_id in seen:
            errors.append(
                DataError(
                    Path(path),
                    None,
                    "id",
                    f'duplicate document id "{doc_id}" (also in {seen[doc_id]})',
                )
            )
            continue
        seen[doc_id] = path
        next_id = _insert(conn, rows, next_id)
    actors = _registry(load_actors, folder.actors, errors)
    references = _registry(load_references, folder.references, errors)
    if errors:
        raise DataErrors(errors)
    conn.executemany(
        "INSERT INTO actors VALUES (?, ?, ?, ?, ?)",
        [
            (
                a.name,
                a.level.value,
                a.kind.value,
                a.region,
                a.model_dump_json(by_alias=True, exclude_defaults=True),
            )
            for a in actors
        ],
    )
    conn.executemany(
        "INSERT INTO refs VALUES (?, ?, ?)",
        [(r.id, r.title, r.model_dump_json(exclude_defaults=True)) for r in references],
    )
    # the corpus order: superior documents first, then by region, date and id
    log.debug("documents inserted: %.1f s", time.perf_counter() - started)
    order = sorted(
        conn.execute("SELECT level_order, region, coalesce(date, ''), id FROM documents")
    )
    conn.executemany(
        "UPDATE documents SET ord = ? WHERE id = ?",
        [(n, row[3]) for n, row in enumerate(order, start=1)],
    )
    conn.executescript(POST_DDL)
    log.debug("secondary indexes: %.1f s", time.perf_counter() - started)
    (avg,) = conn.execute("SELECT coalesce(avg(length(norm)), 0) FROM units").fetchone()
    _set_meta(conn, avg_norm_length=str(avg))
    conn.executemany(
        "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(s.path, *s.signature(), hashes[s.path], time.time_ns()) for s in stats],
    )
    _set_meta(
        conn,
        key=content_key(sorted(hashes.items())),
        fingerprint=fingerprint(),
        root=str(folder.root),
        documents=str(len(seen)),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%S"),
    )
    conn.execute("INSERT INTO units_tri(units_tri) VALUES ('optimize')")
    conn.execute("INSERT INTO units_uni(units_uni) VALUES ('optimize')")
    conn.commit()
    log.debug("full-text indexes optimized: %.1f s", time.perf_counter() - started)


def _insert(conn: sqlite3.Connection, rows: _Rows, first_id: int) -> int:
    """Write one document's rows; its units get ids from `first_id` on. Returns the next id."""
    doc_id = rows.doc[0]
    conn.execute("INSERT INTO documents VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.doc)
    conn.executemany("INSERT INTO doc_keys VALUES (?, ?, ?)", rows.keys)
    conn.executemany("INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?)", rows.sections)
    conn.executemany(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, *a[:-1], first_id + a[-1]) for a in rows.articles],
    )
    conn.executemany(
        "INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, *t[:-1], first_id + t[-1]) for t in rows.tasks],
    )
    conn.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?)", rows.edges)
    ids = range(first_id, first_id + len(rows.units))
    conn.executemany(
        "INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(i, doc_id, *u[:5]) for i, u in zip(ids, rows.units, strict=True)],
    )
    conn.executemany(
        "INSERT INTO units_tri(rowid, norm) VALUES (?, ?)",
        [(i, u[3]) for i, u in zip(ids, rows.units, strict=True)],
    )
    conn.executemany(
        "INSERT INTO units_uni(rowid, chars) VALUES (?, ?)",
        [(i, u[5]) for i, u in zip(ids, rows.units, strict=True)],
    )
    return first_id + len(rows.units)


def _set_meta(conn: sqlite3.Connection, **values: str) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(values.items()))


def _registry(load: Callable[[Path], list[Any]], path: Path, errors: list[DataError]) -> list[Any]:
    """A registry's entries; its problems join `errors` (nothing is raised before all are read)."""
    try:
        return load(path)
    except DataErrors as exc:
        errors.extend(exc.errors)
    except DataError as exc:
        errors.append(exc)
    return []
