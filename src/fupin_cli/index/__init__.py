"""The compiled index: the YAML files validated once and kept in one SQLite database.

- `schema`: the tables; `files`: has a folder changed; `build`: files -> rows;
- `cache`: where the database lives, when it is rebuilt, atomic writes;
- `read`: every SQL query the rest of the package runs.
"""

from __future__ import annotations

from .cache import CACHE_ENV, Index, cache_dir, index_path, open_index
from .read import CorpusParts, read_corpus_parts

__all__ = [
    "CACHE_ENV",
    "CorpusParts",
    "Index",
    "cache_dir",
    "index_path",
    "open_index",
    "read_corpus_parts",
]
