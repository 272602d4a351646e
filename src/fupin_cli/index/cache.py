"""The index cache: one SQLite database per data folder, rebuilt whenever a file changed.

The YAML files stay the source of truth. The database lives in the user cache directory
(platformdirs; ``$FUPIN_CACHE_DIR`` overrides it) and is keyed by a hash of the data files'
contents and the package version. A rebuild is written to a temporary file and renamed into
place, so a crash or a second process never sees half an index.

The module never prints; notes (a corrupt cache rebuilt, a cache folder that cannot be written)
go to the ``fupin_cli.index`` logger, which the CLI shows on stderr.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ..datafolder import CACHE_ENV, DataFolder, cache_dir, resolve_data_dir, scan
from .build import Progress, build
from .files import FileStat, content_key, fingerprint, sha, stat_files, unchanged

__all__ = ["CACHE_ENV", "Index", "cache_dir", "index_path", "open_index"]
log = logging.getLogger("fupin_cli.index")


def _folder(data: Path | str | DataFolder | None) -> DataFolder:
    return data if isinstance(data, DataFolder) else scan(data)


def index_path(data: Path | str | DataFolder | None = None) -> Path:
    """Where the index of a data folder is kept (one database per folder)."""
    root = data.root if isinstance(data, DataFolder) else resolve_data_dir(data)
    digest = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    return cache_dir() / f"index-{digest}.sqlite"


@dataclass
class Index:
    """An open, up-to-date index. `path` is None when it lives in memory only."""

    conn: sqlite3.Connection
    path: Path | None
    root: Path
    rebuilt: bool

    def close(self) -> None:
        self.conn.close()

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
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _Stale(f"cannot open it ({exc})") from None
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("fingerprint") != fingerprint():
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
        if old is not None and unchanged(old, st):
            hashes[st.path] = old[4]
        else:
            hashes[st.path] = rehashed[st.path] = sha(st.path)
    if set(known) != set(hashes) or content_key(sorted(hashes.items())) != meta.get("key"):
        conn.close()
        raise _Stale()
    return conn, rehashed


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
    stats = stat_files(folder.files())
    if not cached:
        conn = sqlite3.connect(":memory:")
        build(conn, folder, stats, {st.path: sha(st.path) for st in stats}, progress)
        return Index(conn, None, folder.root, rebuilt=True)
    path = index_path(folder)
    if not rebuild:
        try:
            conn, rehashed = _check(path, stats)
        except _Stale as stale:
            if stale.why:
                log.warning("rebuilding the index %s: %s.", path, stale.why)
        else:
            if rehashed:
                _refresh_stats(path, stats, rehashed)
            return Index(conn, path, folder.root, rebuilt=False)
    hashes = {st.path: sha(st.path) for st in stats}
    return _build_file(path, folder, stats, hashes, progress)


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
        log.warning(
            "cannot write the index cache in %s (%s); using an in-memory index.",
            path.parent,
            exc.strerror or exc,
        )
        conn = sqlite3.connect(":memory:")
        build(conn, folder, stats, hashes, progress)
        return Index(conn, None, folder.root, rebuilt=True)
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
    return Index(sqlite3.connect(f"file:{path}?mode=ro", uri=True), path, folder.root, rebuilt=True)
