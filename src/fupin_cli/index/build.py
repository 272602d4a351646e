"""Building the compiled index: every file validated once, its rows written to SQLite.

Documents are parsed and folded in worker processes (every core, when there are many files);
the main process writes their rows as they come. Every problem of every file is collected
before anything is raised, so `fupin validate` and the index report the same list.

The corpus order (superior documents first, then by region, date and id) is known only when
every document is read, so each document's units wait in a temporary table and are written,
numbered in corpus order, at the end (see `schema`). Citations found in the texts are
resolved then too, against every held title and doc number, and become edges of the graph.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..datafolder import DataFolder
from ..errors import DataError, DataErrors
from ..normalize import fold, regional_pairs, script_pairs, usable_variants
from .files import FileStat, Hashes, content_key, fingerprint, record_stats
from .rows import DocumentRows, FieldCodec, document_rows
from .schema import DDL, POST_DDL, STAGING_DDL
from .terms import insert as insert_terms
from .terms import resolve_repeals

if TYPE_CHECKING:
    from ..models import Actor, Document, Reference

#: From this many files on, documents are parsed in worker processes.
MANY_FILES = 200

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


_CODECS: dict[bytes, FieldCodec] = {}


def _rows_or_error(path: str, dictionary: bytes) -> DocumentRows | list[DataError]:
    """The rows of one document file (run in a worker process when there are many)."""
    from ..loader import load_document

    codec = _CODECS.get(dictionary)
    if codec is None:
        codec = _CODECS[dictionary] = FieldCodec(dictionary)
    try:
        return document_rows(load_document(Path(path)), path, codec)
    except DataErrors as exc:
        return list(exc.errors)
    except DataError as exc:
        return [exc]


def _parallel(paths: Sequence[str], dictionary: bytes) -> Iterator[DocumentRows | list[DataError]]:
    """Parse in worker processes when there are many files and more than one CPU."""
    work = functools.partial(_rows_or_error, dictionary=dictionary)
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < MANY_FILES or workers < 2:
        yield from map(work, paths)
        return
    import multiprocessing

    fold("")  # OpenCC's tables are read once, before the workers start
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(work, paths, chunksize=8)


class _Builder:
    """Writes documents' rows into an empty database, then finishes the index."""

    def __init__(self, conn: sqlite3.Connection, actors: Sequence[Actor]) -> None:
        self.conn = conn
        self.seen: dict[str, str] = {}
        names = [n for a in actors for n in (*(x.name for x in a.aliases), a.name)]
        self.codec = FieldCodec(FieldCodec.primer(names))
        conn.executescript(DDL)
        conn.executescript(STAGING_DDL)
        conn.execute("INSERT INTO meta VALUES ('fields_dictionary', ?)", (self.codec.dictionary,))

    def add(self, rows: DocumentRows, path: str) -> DataError | None:
        if rows.id in self.seen:
            return DataError(
                Path(path),
                None,
                "id",
                f'duplicate document id "{rows.id}" (also in {self.seen[rows.id]})',
            )
        self.seen[rows.id] = path
        c = self.conn
        marks = ", ".join("?" * len(rows.doc))
        c.execute(f"INSERT INTO documents VALUES (?, NULL, NULL, {marks[3:]})", rows.doc)
        c.executemany("INSERT INTO doc_keys VALUES (?, ?, ?)", rows.keys)
        c.executemany(
            "INSERT INTO temp.staged VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rows.id, *u) for u in rows.units],
        )
        c.executemany("INSERT INTO temp.staged_roles VALUES (?, ?, ?, ?, ?)", rows.roles)
        c.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.relations)
        c.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?)", rows.links)
        c.executemany(
            "INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (rows.id, i, f.article, f.label, f.cited, f.number, None, f.phrase, int(f.by_title))
                for i, f in enumerate(rows.citations)
            ],
        )
        insert_terms(c, rows.terms)
        return None

    def registries(self, actors: Sequence[Actor], references: Sequence[Reference]) -> None:
        self.conn.executemany(
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
        self.conn.executemany(
            "INSERT INTO refs VALUES (?, ?, ?, ?)",
            [
                (r.id, r.title, r.doc_number, r.model_dump_json(exclude_defaults=True))
                for r in references
            ],
        )

    def finish(self, meta: dict[str, str]) -> None:
        """Number the units in corpus order, fill the full-text index, resolve citations."""
        c = self.conn
        started = time.perf_counter()
        order = sorted(
            c.execute("SELECT level_order, region, coalesce(date, ''), id, units FROM documents")
        )
        first = 1
        numbered = []
        for n, row in enumerate(order, start=1):
            numbered.append((n, first, row[3]))
            first += row[4]
        c.executemany("UPDATE documents SET ord = ?, first_unit = ? WHERE id = ?", numbered)
        c.execute("CREATE INDEX temp.staged_doc ON staged(doc, seq)")
        in_order = "FROM documents d JOIN temp.staged s ON s.doc = d.id ORDER BY d.ord, s.seq"
        c.execute(
            "INSERT INTO units SELECT d.first_unit + s.seq, s.doc, s.seq, s.kind, s.no, s.ref, "
            f"s.text, s.flen, s.actors, s.items, s.fields {in_order}"
        )
        c.execute(
            f"INSERT INTO units_fts(rowid, chars) SELECT d.first_unit + s.seq, s.chars {in_order}"
        )
        names = [n for (n,) in c.execute("SELECT DISTINCT actor FROM temp.staged_roles")]
        c.executemany("INSERT INTO names(name, key) VALUES (?, ?)", [(n, fold(n)) for n in names])
        c.execute(
            "INSERT OR IGNORE INTO roles SELECT n.id, r.role, d.first_unit + r.seq, r.held "
            "FROM temp.staged_roles r JOIN documents d ON d.id = r.doc "
            "JOIN names n ON n.name = r.actor ORDER BY 1, 2, 3"
        )
        c.execute("DROP TABLE temp.staged")
        c.execute("DROP TABLE temp.staged_roles")
        log.debug("units in corpus order: %.1f s", time.perf_counter() - started)
        c.executescript(POST_DDL)
        log.debug("secondary indexes: %.1f s", time.perf_counter() - started)
        self._resolve_citations()
        log.debug("citations resolved: %.1f s", time.perf_counter() - started)
        self._variants()
        log.debug("variants: %.1f s", time.perf_counter() - started)
        _set_meta(
            c, documents=str(len(self.seen)), built_at=time.strftime("%Y-%m-%dT%H:%M:%S"), **meta
        )
        c.execute("INSERT INTO units_fts(units_fts) VALUES ('optimize')")
        c.commit()
        log.debug("index finished: %.1f s", time.perf_counter() - started)

    def _resolve_citations(self) -> None:
        """Resolve every citation exactly; a resolved one not joined by a curated link becomes
        a `cites` edge (one per pair of rules, the first citation's article and words)."""
        from ..extract.citations import Found, TitleResolver

        c = self.conn
        resolver = TitleResolver()
        for doc_id, title, short_title, number in c.execute(
            "SELECT id, title, short_title, doc_number FROM documents ORDER BY ord"
        ):
            resolver.add(doc_id, (title, short_title), number)
        for ref_id, js in c.execute("SELECT id, json FROM refs ORDER BY rowid"):
            ref = json.loads(js)
            resolver.add(ref_id, (ref["title"], *ref.get("aliases", ())), ref.get("doc_number"))
        joined = {(s, t) for s, t in c.execute("SELECT source, target FROM edges")}
        targets: list[tuple[str | None, int]] = []
        edges: list[tuple[Any, ...]] = []
        for rowid, doc_id, seq, article, label, cited, number, phrase, by_title in c.execute(
            "SELECT c.rowid, c.doc, c.seq, c.article, c.label, c.cited, c.number, c.phrase, "
            "c.by_title FROM citations c JOIN documents d ON d.id = c.doc ORDER BY d.ord, c.seq"
        ):
            target = resolver.resolve(Found(article, label, cited, number, phrase, bool(by_title)))
            if target == doc_id:  # a document naming itself
                targets.append(("", rowid))
                continue
            targets.append((target, rowid))
            if target is not None and (doc_id, target) not in joined:
                joined.add((doc_id, target))
                edges.append((doc_id, target, "cites", article, phrase, 0, seq))
        c.executemany("UPDATE citations SET target = ? WHERE rowid = ?", targets)
        c.execute("DELETE FROM citations WHERE target = ''")
        c.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?)", edges)
        resolve_repeals(c, resolver)

    def _variants(self) -> None:
        """The phrase variants a query of this corpus expands into (see `normalize`)."""
        from .match import occurs_in_script

        usable = usable_variants(
            regional_pairs(), lambda spelling: occurs_in_script(self.conn, spelling, "simplified")
        )
        self.conn.executemany(
            "INSERT INTO variants VALUES (?, ?)",
            [(spelling, v) for spelling, variants in usable.items() for v in variants],
        )
        self.conn.executemany("INSERT INTO script_pairs VALUES (?, ?)", script_pairs())


def build(
    conn: sqlite3.Connection,
    folder: DataFolder,
    stats: Sequence[FileStat],
    hashes: Hashes,
    progress: Progress | None = None,
) -> None:
    """Validate every file of `folder` and write the whole index into the empty `conn`.

    Raises:
        DataError / DataErrors: a file is invalid (every problem is collected first).
    """
    from ..loader import load_actors, load_references

    errors: list[DataError] = []
    actors = _registry(load_actors, folder.actors, errors)
    references = _registry(load_references, folder.references, errors)
    builder = _Builder(conn, actors)
    paths = [str(p) for p in folder.documents]
    total = len(paths)
    rows_of = _parallel(paths, builder.codec.dictionary)
    for done, (path, rows) in enumerate(zip(paths, rows_of, strict=True), start=1):
        if progress is not None:
            progress(done, total)
        problem = rows if isinstance(rows, list) else builder.add(rows, path)
        if isinstance(problem, list):
            errors.extend(problem)
        elif problem is not None:
            errors.append(problem)
    if errors:
        raise DataErrors(errors)
    builder.registries(actors, references)
    conn.executemany(
        "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(s.path, *s.signature(), hashes.by_path[s.path], hashes.seen_ns) for s in stats],
    )
    record_stats(conn, stats)
    builder.finish(
        {
            "key": content_key(sorted(hashes.by_path.items())),
            "fingerprint": fingerprint(),
            "root": str(folder.root),
        }
    )


def build_from_models(
    conn: sqlite3.Connection,
    documents: Iterable[Document],
    actors: Sequence[Actor],
    references: Sequence[Reference],
) -> None:
    """Write an index of models that were not read from files (a corpus made in code).

    Raises:
        DataErrors: two documents share an id.
    """
    builder = _Builder(conn, actors)
    errors = [
        problem
        for doc in documents
        if (problem := builder.add(document_rows(doc, "", builder.codec), f"<{doc.id}>"))
        is not None
    ]
    if errors:
        raise DataErrors(errors)
    builder.registries(actors, references)
    builder.finish({"fingerprint": fingerprint(), "root": ""})


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


__all__ = ["MANY_FILES", "Progress", "build", "build_from_models"]
