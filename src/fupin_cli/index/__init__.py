"""The compiled index: the YAML files validated once and kept in one SQLite database.

- `schema`: the tables (read its docstring first); `rows`: models <-> rows;
- `files`: has a folder changed; `build`: files -> rows, in worker processes;
- `cache`: where the database lives, when it is rebuilt, atomic writes;
- `read` and `match`: every SQL query the rest of the package runs (`match`: full text).
"""

from __future__ import annotations

from .cache import CACHE_ENV, Index, cache_dir, index_path, memory_connection, open_index

__all__ = [
    "CACHE_ENV",
    "Index",
    "cache_dir",
    "index_path",
    "memory_connection",
    "open_index",
]
