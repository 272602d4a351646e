"""The index cache: one SQLite database per data folder, rebuilt whenever a file changed.

The YAML files stay the source of truth. The database lives in the user cache directory
(platformdirs; ``$FUPIN_CACHE_DIR`` overrides it) and is keyed by a hash of the data files'
contents and the package version. A rebuild is written to a temporary file and renamed into
place, so a crash or a second process never sees half an index.

Damage is rebuilt, never answered from: a file that is not an index, or whose pages fail
SQLite's `PRAGMA quick_check` (run on open while the file is small enough for it to be cheap),
is rebuilt with a warning; damage SQLite only finds during a query (`sqlite3.DatabaseError`)
makes the CLI boundary call `discard_opened` and run the command once more. A cache that cannot
be written (a read-only folder, a full disk) gives way to an index in memory, with a warning.

The module never prints; notes (a corrupt cache rebuilt, a cache folder that cannot be written)
go to the ``fupin_cli.index`` logger, which the CLI shows on stderr.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import zlib
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ..datafolder import CACHE_ENV, DataFolder, cache_dir, resolve_data_dir, scan
from ..errors import CacheError, os_problem
from ..i18n import _
from .files import (
    FileStat,
    Hashes,
    content_key,
    fingerprint,
    record_stats,
    sha,
    stat_files,
    stats_digest,
    unchanged,
)

if TYPE_CHECKING:  # building imports the loader and the models: only when it happens
    from .build import Progress

__all__ = ["CACHE_ENV", "Index", "cache_dir", "index_path", "open_index"]
log = logging.getLogger("fupin_cli.index")
#: Larger pages than SQLite's default hold long articles with less waste.
PAGE_SIZE = 8192
#: An index file up to this size is checked with `PRAGMA quick_check` each time it is opened
#: (about 2 ms per MB); a larger one is checked only by the queries that read it.
QUICK_CHECK_BYTES = 32 * 1024 * 1024
#: The cache files this process has opened: what `discard_opened` removes.
_OPENED: set[Path] = set()


def _folder(data: Path | str | DataFolder | None) -> DataFolder:
    return data if isinstance(data, DataFolder) else scan(data)


def index_path(data: Path | str | DataFolder | None = None) -> Path:
    """Where the index of a data folder is kept (one database per folder)."""
    root = data.root if isinstance(data, DataFolder) else resolve_data_dir(data)
    key = str(root).encode()
    digest = f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"  # a clash only costs rebuilds
    return cache_dir() / f"index-{digest}.sqlite"


class Index:
    """An open, up-to-date index. `path` is None when it lives in memory only."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, root: Path, rebuilt: bool
    ) -> None:
        self.conn = conn
        self.path = path
        self.root = root
        self.rebuilt = rebuilt

    def close(self) -> None:
        self.conn.close()
        if self.path is not None:
            _OPENED.discard(self.path)

    def __enter__(self) -> Index:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _Stale(Exception):
    """The cache file is missing, out of date, or not ours."""

    def __init__(self, why: str | None = None):
        super().__init__(why)
        self.why = why  # a note for the user when the file was corrupt or foreign


def _check(path: Path, stats: Sequence[FileStat]) -> tuple[sqlite3.Connection, dict[str, str]]:
    """Open `path` if it is an index of exactly these file contents; hashes it had to compute."""
    if not path.exists():
        raise _Stale()
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        raise _Stale(_("cannot open it ({problem})").format(problem=exc)) from None
    try:
        meta = dict(
            conn.execute(
                "SELECT key, value FROM meta WHERE key IN ('fingerprint', 'key', 'stats', 'racy')"
            ).fetchall()
        )
        if meta.get("fingerprint") != fingerprint():
            conn.close()
            raise _Stale()  # an index of another version: rebuilt without a fuss
        damage = _damage(conn, path)
        if damage is not None:
            conn.close()
            raise _Stale(_("it is damaged ({problem})").format(problem=damage))
        if meta.get("racy") == "0" and meta.get("stats") == stats_digest(stats):
            return conn, {}  # no file touched since every file was hashed
        known = {
            row[0]: row[1:]
            for row in conn.execute(
                "SELECT path, size, mtime_ns, ctime_ns, ino, sha, hashed_ns FROM files"
            )
        }
    except (sqlite3.Error, UnicodeDecodeError) as exc:  # text that is not UTF-8: damage too
        conn.close()
        raise _Stale(
            _("it is corrupt or not a fupin index ({problem})").format(problem=exc)
        ) from None
    hashes: dict[str, str] = {}
    rehashed: dict[str, str] = {}
    for st in stats:
        old = known.get(st.path)
        if old is not None and unchanged(old, st):
            hashes[st.path] = old[4]
        else:
            hashes[st.path] = rehashed[st.path] = sha(st.path)
    # without a re-hashed file the key is the one stored, by construction
    if set(known) != set(hashes) or (
        rehashed and content_key(sorted(hashes.items())) != meta.get("key")
    ):
        conn.close()
        raise _Stale()
    return conn, rehashed


def _damage(conn: sqlite3.Connection, path: Path) -> str | None:
    """What SQLite's quick check finds wrong with a small index file, else None."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size > QUICK_CHECK_BYTES:
        return None
    found = [str(row[0]) for row in conn.execute("PRAGMA quick_check(3)")]
    if found == ["ok"]:
        return None
    first = [line for line in found[0].splitlines() if not line.startswith("***")]
    return first[0] if first else found[0]


def discard_opened(exc: BaseException) -> list[Path]:
    """Remove the cache files this process opened, after SQLite found `exc` while reading
    one (a `sqlite3.DatabaseError`, or a `UnicodeDecodeError` of text whose bytes were
    damaged), so that the next `open_index` builds it afresh; the files removed (none: the
    error did not come from a cache file, and running again would not help).

    A process that has the old file open keeps reading it; the rename that installs a new
    index never disturbs it.
    """
    removed = []
    for path in sorted(_OPENED):
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            continue
        removed.append(path)
    _OPENED.clear()
    if removed:
        log.warning(
            "the index cache %s is damaged (%s); rebuilding it.",
            ", ".join(str(p) for p in removed),
            exc,
        )
    return removed


def open_index(
    data: Path | str | DataFolder | None = None,
    *,
    cached: bool = True,
    rebuild: bool = False,
    progress: Progress | None = None,
) -> Index:
    """The index of a data folder, built or rebuilt first when the files changed.

    Args:
        data: the data folder or its scan (None: $FUPIN_DATA or the bundled documents).
        cached: keep the index in the cache folder; False builds one in memory.
        rebuild: build even when the cached index is up to date.
        progress: called with (files done, files in all) while building.

    Raises:
        DataError / DataErrors: the folder is missing or a file is invalid.
    """
    folder = _folder(data)
    stats = stat_files(folder.file_names())
    if not cached:
        from .build import build

        conn = memory_connection()
        build(conn, folder, stats, _hashes(stats), progress)
        return Index(conn, None, folder.root, rebuilt=True)
    path = index_path(folder)
    if not rebuild:
        try:
            conn, rehashed = _check(path, stats)
        except _Stale as stale:
            if stale.why:
                log.warning(
                    _("rebuilding the index {path}: {why}.").format(path=path, why=stale.why)
                )
        else:
            if rehashed:
                _refresh_stats(path, stats, rehashed)
            _OPENED.add(path)
            return Index(conn, path, folder.root, rebuilt=False)
    return _build_file(path, folder, stats, _hashes(stats), progress)


def _hashes(stats: Sequence[FileStat]) -> Hashes:
    """Every file's content hash, and when the files were looked at (for the racy check)."""
    return Hashes({st.path: sha(st.path) for st in stats}, stats[0].seen_ns if stats else 0)


def _refresh_stats(path: Path, stats: Sequence[FileStat], rehashed: dict[str, str]) -> None:
    """Remember the new stat of files whose content was confirmed unchanged (best effort)."""
    try:
        with sqlite3.connect(path, timeout=0.1) as conn:
            seen = stats[0].seen_ns if stats else 0
            conn.executemany(
                "UPDATE files SET size=?, mtime_ns=?, ctime_ns=?, ino=?, hashed_ns=? "
                "WHERE path=? AND sha=?",
                [
                    (*s.signature(), seen, s.path, rehashed[s.path])
                    for s in stats
                    if s.path in rehashed
                ],
            )
            record_stats(conn, stats)
        conn.close()
    except sqlite3.Error:
        pass


def _build_file(
    path: Path,
    folder: DataFolder,
    stats: Sequence[FileStat],
    hashes: Hashes,
    progress: Progress | None,
) -> Index:
    import tempfile

    from .build import build

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=path.stem + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        return _in_memory(folder, stats, hashes, progress, path.parent, os_problem(exc))
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute(f"PRAGMA page_size={PAGE_SIZE}")
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA cache_size=-65536")  # 64 MB while building
            build(conn, folder, stats, hashes, progress)
        finally:
            conn.close()
        os.replace(tmp, path)
    except (sqlite3.OperationalError, OSError) as exc:  # a full disk, a folder gone read-only
        tmp.unlink(missing_ok=True)
        return _in_memory(folder, stats, hashes, progress, path.parent, exc)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _OPENED.add(path)
    return Index(_read_only(path), path, folder.root, rebuilt=True)


def _in_memory(
    folder: DataFolder,
    stats: Sequence[FileStat],
    hashes: Hashes,
    progress: Progress | None,
    where: Path,
    why: object,
) -> Index:
    """The index built in memory when the cache cannot be written (said once, as a warning)."""
    from .build import build

    log.warning(
        _("cannot write the index cache in {folder} ({problem}); using an in-memory index.").format(
            folder=where, problem=why
        )
    )
    conn = memory_connection()
    try:
        build(conn, folder, stats, hashes, progress)
    except sqlite3.OperationalError as exc:
        conn.close()
        raise CacheError(
            _(
                "cannot build the index, not even in memory ({problem}); free some memory or "
                "disk space"
            ).format(problem=exc)
        ) from None
    return Index(conn, None, folder.root, rebuilt=True)


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection (shareable between threads: nothing writes through it)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def memory_connection() -> sqlite3.Connection:
    """An index in memory; its temporary tables too, since the disk may be what failed."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute("PRAGMA temp_store=MEMORY")
    return conn
