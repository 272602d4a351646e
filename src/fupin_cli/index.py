"""The compiled index: the YAML files validated once and kept in one SQLite database.

The YAML files stay the source of truth. The database lives in the user cache directory
(platformdirs; ``$FUPIN_CACHE_DIR`` overrides it) and is keyed by a hash of the data files'
contents and the package version. A cheap check of every file's stat (size, mtime, ctime,
inode) decides whether a file must be hashed again; a file modified within two seconds of its
last hash is always re-hashed ("racy" files, as git does it), so a change of content is never
missed. A rebuild is written to a temporary file and renamed into place, so a crash or a second
process never sees half an index.

Full-text search runs over the normalized text (see `normalize`). Chinese has no spaces and
FTS5's trigram tokenizer cannot answer a query shorter than three characters, while
two-character words are the commonest queries, so there are two FTS5 tables over the same
units of text:

- ``units_tri``: the trigram tokenizer (case-sensitive), for terms of three or more characters;
- ``units_uni``: one token per character (every character is a token character), for terms of
  one or two characters, searched as a phrase of characters.

A phrase of trigrams, or of single characters, matches exactly where the term occurs as a
substring, so the index answers the same as a plain substring scan (tests compare them).

The module never prints; notes (a corrupt cache rebuilt, a cache folder that cannot be written)
go to the ``fupin_cli.index`` logger, which Python writes to stderr when nobody configured it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import DataError
from .normalize import normalize
from .paths import REGISTRY_FILES, bundled_data_dir, resolve_data_dir

if TYPE_CHECKING:  # the models cost a lot to import; the search path never needs them
    from .corpus import Corpus
    from .models import Article, Section

SCHEMA = 1
CACHE_ENV = "FUPIN_CACHE_DIR"
APP_NAME = "fupin"
# A file whose mtime is this close to when it was hashed may change again without its stat
# changing (coarse timestamps): it is hashed again on the next use.
RACY_NS = 2_000_000_000
MANY_FILES = 200

Progress = Callable[[int, int], None]


def _logger() -> Any:
    import logging  # only when there is something to say

    return logging.getLogger(__name__)


# --- where the data and the cache are ------------------------------------------------------


def cache_dir() -> Path:
    """$FUPIN_CACHE_DIR, else the user cache directory of platformdirs."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def index_path(data: Path | str | None = None) -> Path:
    """Where the index of a data folder is kept (one database per folder)."""
    root = resolve_data_dir(data).resolve()
    digest = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    return cache_dir() / f"index-{digest}.sqlite"


@dataclass(frozen=True)
class FileStat:
    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int

    def signature(self) -> tuple[int, int, int, int]:
        return (self.size, self.mtime_ns, self.ctime_ns, self.ino)


@dataclass(frozen=True)
class DataFolder:
    """The files of one data folder, as `loader.list_data_files` finds them."""

    root: Path
    documents: tuple[str, ...]
    actors: str
    references: str

    def all(self) -> tuple[str, ...]:
        return (*self.documents, self.actors, self.references)


def _walk(folder: str, out: list[str]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            _walk(entry.path, out)
        elif (
            entry.name.endswith((".yaml", ".yml"))
            and entry.name not in REGISTRY_FILES
            and entry.is_file()
        ):
            out.append(entry.path)


def scan(root: Path) -> DataFolder:
    """Find the files of `root` without importing the YAML loader (start-up matters here)."""
    found: list[str] = []
    _walk(str(root), found)
    bundled = bundled_data_dir()
    registries = []
    for name in REGISTRY_FILES:
        own = root / name
        registries.append(str(own if own.is_file() else bundled / name))
    return DataFolder(root, tuple(sorted(found)), registries[0], registries[1])


def stat_files(paths: Iterable[str]) -> list[FileStat]:
    out = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            out.append(FileStat(path, -1, -1, -1, -1))
            continue
        out.append(FileStat(path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return out


def _sha(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return "missing"


def content_key(hashes: Sequence[tuple[str, str]]) -> str:
    """The cache key: package version, schema and every file's name and content hash."""
    h = hashlib.sha256(f"fupin {__version__} schema {SCHEMA}\n".encode())
    for path, sha in hashes:
        h.update(f"{path}\0{sha}\n".encode())
    return h.hexdigest()


# --- the schema ----------------------------------------------------------------------------

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,
                    ino INTEGER, sha TEXT NOT NULL, hashed_ns INTEGER NOT NULL);
-- data: the document as JSON (by alias, defaults left out), zlib-compressed
CREATE TABLE documents (id TEXT PRIMARY KEY, ord INTEGER, level TEXT NOT NULL,
                        level_order INTEGER NOT NULL, region TEXT NOT NULL, date TEXT,
                        title TEXT NOT NULL, short_title TEXT NOT NULL, aliases TEXT NOT NULL,
                        path TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE doc_keys (key TEXT NOT NULL, doc TEXT NOT NULL, rank INTEGER NOT NULL);
CREATE TABLE sections (doc TEXT NOT NULL, ord INTEGER NOT NULL, depth INTEGER NOT NULL,
                       kind TEXT NOT NULL, label TEXT NOT NULL, title TEXT NOT NULL);
-- articles and tasks keep their text once, in units (unit = units.id)
CREATE TABLE articles (doc TEXT NOT NULL, no INTEGER NOT NULL, label TEXT NOT NULL,
                       title TEXT, section TEXT NOT NULL, actors TEXT NOT NULL,
                       items TEXT NOT NULL, unit INTEGER NOT NULL);
CREATE TABLE tasks (doc TEXT NOT NULL, no INTEGER NOT NULL, path TEXT NOT NULL,
                    label TEXT NOT NULL, section TEXT NOT NULL, lead TEXT NOT NULL,
                    co TEXT NOT NULL, lead_line TEXT NOT NULL, co_line TEXT,
                    unit INTEGER NOT NULL);
CREATE TABLE actors (name TEXT PRIMARY KEY, level TEXT, kind TEXT, region TEXT,
                     json TEXT NOT NULL);
CREATE TABLE refs (id TEXT PRIMARY KEY, title TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE edges (source TEXT NOT NULL, article INTEGER, kind TEXT NOT NULL,
                    target TEXT, relation TEXT NOT NULL, degree TEXT, phrase TEXT);
-- the searchable units of text: preamble, notice, closing, articles (with items), tasks;
-- items: for an article, [[offset in text, item label], ...]
CREATE TABLE units (id INTEGER PRIMARY KEY, doc TEXT NOT NULL, kind TEXT NOT NULL,
                    ref TEXT NOT NULL, text TEXT NOT NULL, norm TEXT NOT NULL, items TEXT);
CREATE VIRTUAL TABLE units_tri USING fts5(
    norm, content='units', content_rowid='id', tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE units_uni USING fts5(
    chars, content='', tokenize="unicode61 remove_diacritics 0 categories 'L* N* P* S* M* Co'");
"""

POST_DDL = """
CREATE INDEX units_doc ON units(doc);
CREATE INDEX doc_keys_key ON doc_keys(key);
CREATE INDEX articles_doc ON articles(doc, no);
CREATE INDEX tasks_doc ON tasks(doc, no);
CREATE INDEX edges_source ON edges(source);
CREATE INDEX edges_target ON edges(target);
"""


# --- building ------------------------------------------------------------------------------


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
    import zlib

    from .levels import LEVEL_ORDER
    from .loader import load_document

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
    from .errors import DataErrors

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
    from .errors import DataErrors
    from .loader import load_actors, load_references

    started = time.perf_counter()
    conn.executescript(DDL)
    errors: list[DataError] = []
    seen: dict[str, str] = {}
    next_id = 1
    total = len(folder.documents)
    for done, (path, rows) in enumerate(
        zip(folder.documents, _parallel(folder.documents), strict=True), start=1
    ):
        if progress is not None:
            progress(done, total)
        if isinstance(rows, list):
            errors.extend(rows)
            continue
        doc_id = rows.doc[0]
        if doc_id in seen:
            errors.append(
                DataError(
                    path, None, "id", f'duplicate document id "{doc_id}" (also in {seen[doc_id]})'
                )
            )
            continue
        seen[doc_id] = path
        next_id = _insert(conn, rows, next_id)
    try:
        actors = load_actors(Path(folder.actors))
        references = load_references(Path(folder.references))
    except DataErrors as exc:
        raise DataErrors([*errors, *exc.errors]) from None
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
    # corpus order: superior documents first, then by region and date (store._hierarchy_order)
    log = _logger()
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
        version=__version__,
        schema=str(SCHEMA),
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


# --- opening -------------------------------------------------------------------------------


@dataclass
class Index:
    """An open, up-to-date index. `path` is None when it lives in memory only."""

    conn: sqlite3.Connection
    path: Path | None
    root: Path
    rebuilt: bool

    def close(self) -> None:
        self.conn.close()


class _Stale(Exception):
    """The cache file is missing, out of date, or not ours."""

    def __init__(self, why: str | None = None):
        super().__init__(why)
        self.why = why  # a note for the user when the file was corrupt or foreign


def _check(
    path: Path, folder: DataFolder, stats: Sequence[FileStat]
) -> tuple[sqlite3.Connection, dict[str, str]]:
    """Open `path` if it is an index of exactly these file contents; hashes it had to compute."""
    if not path.exists():
        raise _Stale()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _Stale(f"cannot open it ({exc})") from None
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema") != str(SCHEMA) or meta.get("version") != __version__:
            conn.close()
            raise _Stale()  # an index of another version: rebuilt without a fuss
        known = {
            row[0]: row[1:]
            for row in conn.execute(
                "SELECT path, size, mtime_ns, ctime_ns, ino, sha, hashed_ns FROM files"
            )
        }
    except sqlite3.Error as exc:
        conn.close()
        raise _Stale(f"it is corrupt or not a fupin index ({exc})") from None
    hashes: dict[str, str] = {}
    rehashed: dict[str, str] = {}
    for st in stats:
        old = known.get(st.path)
        if old is not None and tuple(old[:4]) == st.signature() and old[2] < old[5] - RACY_NS:
            hashes[st.path] = old[4]
        else:
            hashes[st.path] = rehashed[st.path] = _sha(st.path)
    if set(known) != set(hashes) or content_key(sorted(hashes.items())) != meta.get("key"):
        conn.close()
        raise _Stale()
    return conn, rehashed


def open_index(
    data: Path | str | None = None, *, rebuild: bool = False, progress: Progress | None = None
) -> Index:
    """The index of a data folder, built or rebuilt first when the files changed.

    Args:
        data: the data folder (None: $FUPIN_DATA or the bundled documents).
        rebuild: build even when the cached index is up to date.
        progress: called with (files done, files in all) while building.

    Raises:
        DataError / DataErrors: the folder is missing or a file is invalid.
    """
    root = resolve_data_dir(data)
    folder = scan(root)
    stats = stat_files(folder.all())
    path = index_path(root)
    if not rebuild:
        try:
            conn, rehashed = _check(path, folder, stats)
        except _Stale as stale:
            if stale.why:
                _logger().warning("Note: rebuilding the index %s: %s.", path, stale.why)
        else:
            if rehashed:
                _refresh_stats(path, stats, rehashed)
            return Index(conn, path, root, rebuilt=False)
    hashes = {st.path: _sha(st.path) for st in stats}
    return _build_file(path, root, folder, stats, hashes, progress)


def _refresh_stats(path: Path, stats: Sequence[FileStat], rehashed: dict[str, str]) -> None:
    """Remember the new stat of files whose content was confirmed unchanged (best effort)."""
    try:
        with sqlite3.connect(path, timeout=0.1) as conn:
            now = time.time_ns()
            conn.executemany(
                "UPDATE files SET size=?, mtime_ns=?, ctime_ns=?, ino=?, hashed_ns=? "
                "WHERE path=? AND sha=?",
                [
                    (*s.signature(), now, s.path, rehashed[s.path])
                    for s in stats
                    if s.path in rehashed
                ],
            )
        conn.close()
    except sqlite3.Error:
        pass


def _build_file(
    path: Path,
    root: Path,
    folder: DataFolder,
    stats: Sequence[FileStat],
    hashes: dict[str, str],
    progress: Progress | None,
) -> Index:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=path.stem + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        _logger().warning(
            "Warning: cannot write the index cache in %s (%s); using an in-memory index.",
            path.parent,
            exc.strerror or exc,
        )
        conn = sqlite3.connect(":memory:")
        build(conn, folder, stats, hashes, progress)
        return Index(conn, None, root, rebuilt=True)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        try:
            build(conn, folder, stats, hashes, progress)
        finally:
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return Index(sqlite3.connect(f"file:{path}?mode=ro", uri=True), path, root, rebuilt=True)


# --- reading the corpus back ---------------------------------------------------------------


def read_corpus(conn: sqlite3.Connection) -> Corpus:
    """The Corpus the index was built from, with the normalized text of every unit filled in."""
    import zlib

    from .corpus import Corpus
    from .models import Actor, Document, Reference

    documents = [
        Document.model_validate_json(zlib.decompress(data))
        for (data,) in conn.execute("SELECT data FROM documents ORDER BY ord")
    ]
    actors = [
        Actor.model_validate_json(js)
        for (js,) in conn.execute("SELECT json FROM actors ORDER BY rowid")
    ]
    references = [
        Reference.model_validate_json(js)
        for (js,) in conn.execute("SELECT json FROM refs ORDER BY rowid")
    ]
    corpus = Corpus(documents, actors, references)
    # the hook query/responsibility.py's _norm reads: raw text -> normalized text
    corpus.__dict__["_norm_cache"] = dict(conn.execute("SELECT text, norm FROM units"))
    return corpus
