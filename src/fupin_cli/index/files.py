"""Has a data folder changed since its index was built? File stats, content hashes, the key.

A cheap check of every file's stat (size, mtime, ctime, inode) decides whether a file must be
hashed again; a file modified within two seconds of its last hash is always re-hashed ("racy"
files, as git does it), so a change of content is never missed. When no file was racy, one
digest of all the stats answers for the whole folder (`stats_digest`), so a folder of 10,000
files costs 10,000 `stat` calls and nothing more.
"""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from .. import __version__
from .schema import SCHEMA

# A file whose mtime is this close to when it was hashed may change again without its stat
# changing (coarse timestamps): it is hashed again on the next use.
RACY_NS = 2_000_000_000


class FileStat(NamedTuple):
    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int
    seen_ns: int = 0  # when the stat was taken (a file changed since may keep its stat)

    def signature(self) -> tuple[int, int, int, int]:
        return (self.size, self.mtime_ns, self.ctime_ns, self.ino)


class Hashes(NamedTuple):
    """Content hashes of files, with when their stats were taken (before hashing)."""

    by_path: dict[str, str]
    seen_ns: int


def stat_files(paths: Iterable[Path | str]) -> list[FileStat]:
    """Every file's stat; `seen_ns` is the time before the first one was taken."""
    seen = time.time_ns()
    out = []
    for path in paths:
        name = path if isinstance(path, str) else str(path)
        try:
            st = os.stat(name)
        except OSError:
            out.append(FileStat(name, -1, -1, -1, -1, seen))
            continue
        out.append(FileStat(name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, seen))
    return out


def record_stats(conn: Any, stats: Sequence[FileStat]) -> None:
    """Store the digest of the files' stats, and whether any file is racy, for the cheap
    check (after the `files` table is up to date)."""
    any_racy = any(racy(m, h) for m, h in conn.execute("SELECT mtime_ns, hashed_ns FROM files"))
    conn.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [("stats", stats_digest(stats)), ("racy", "1" if any_racy else "0")],
    )


def stats_digest(stats: Sequence[FileStat]) -> str:
    """One digest of every file's name and stat: equal digests, no file touched (the cheap
    check; it is trusted only when no file was racy when last hashed, see `racy`)."""
    text = "".join(
        f"{st.path}\0{st.size}\0{st.mtime_ns}\0{st.ctime_ns}\0{st.ino}\n" for st in stats
    ).encode()
    # two 32-bit checksums and the length: hashlib (OpenSSL) costs more to import than this
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text):x}"


def racy(mtime_ns: int, hashed_ns: int) -> bool:
    """Whether a file may have changed again since it was hashed without its stat changing."""
    return mtime_ns >= hashed_ns - RACY_NS


def sha(path: str) -> str:
    """The SHA-256 of a file's bytes, or "missing" when it cannot be read."""
    import hashlib

    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return "missing"


def fingerprint() -> str:
    """What an index must have been built by: this package version, the schema and the fold
    (its rules and OpenCC's dictionary files: a query must fold as the stored text did)."""
    from ..normalize import signature

    return f"fupin {__version__} schema {SCHEMA} {signature()}"


def content_key(hashes: Sequence[tuple[str, str]]) -> str:
    """The cache key: the fingerprint and every file's name and content hash."""
    import hashlib

    h = hashlib.sha256(f"{fingerprint()}\n".encode())
    for path, digest in hashes:
        h.update(f"{path}\0{digest}\n".encode())
    return h.hexdigest()


def unchanged(old: Sequence[object], st: FileStat) -> bool:
    """Whether a file's recorded (size, mtime, ctime, ino, sha, hashed_ns) still holds."""
    size, mtime, ctime, ino, _sha, hashed_ns = old
    assert isinstance(mtime, int) and isinstance(hashed_ns, int)
    return (size, mtime, ctime, ino) == st.signature() and not racy(mtime, hashed_ns)
