"""Has a data folder changed since its index was built? File stats, content hashes, the key.

A cheap check of every file's stat (size, mtime, ctime, inode) decides whether a file must be
hashed again; a file modified within two seconds of its last hash is always re-hashed ("racy"
files, as git does it), so a change of content is never missed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from .schema import SCHEMA

# A file whose mtime is this close to when it was hashed may change again without its stat
# changing (coarse timestamps): it is hashed again on the next use.
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class FileStat:
    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int

    def signature(self) -> tuple[int, int, int, int]:
        return (self.size, self.mtime_ns, self.ctime_ns, self.ino)


def stat_files(paths: Iterable[Path]) -> list[FileStat]:
    out = []
    for path in paths:
        name = str(path)
        try:
            st = os.stat(name)
        except OSError:
            out.append(FileStat(name, -1, -1, -1, -1))
            continue
        out.append(FileStat(name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return out


def sha(path: str) -> str:
    """The SHA-256 of a file's bytes, or "missing" when it cannot be read."""
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
    h = hashlib.sha256(f"{fingerprint()}\n".encode())
    for path, digest in hashes:
        h.update(f"{path}\0{digest}\n".encode())
    return h.hexdigest()


def unchanged(old: Sequence[object], st: FileStat) -> bool:
    """Whether a file's recorded (size, mtime, ctime, ino, sha, hashed_ns) still holds."""
    size, mtime, ctime, ino, _sha, hashed_ns = old
    assert isinstance(mtime, int) and isinstance(hashed_ns, int)
    return (size, mtime, ctime, ino) == st.signature() and mtime < hashed_ns - RACY_NS
