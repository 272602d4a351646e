"""Reading the compiled index: the one home of the SQL that queries run.

Query modules never write SQL; they call these functions with an open connection.
"""

from __future__ import annotations

import difflib
import sqlite3
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import UnknownDocument
from ..normalize import normalize

if TYPE_CHECKING:  # the models cost a lot to import; the search path never needs them
    from ..models import Actor, Document, Reference


@dataclass(frozen=True)
class CorpusParts:
    """What a Corpus is made of, read back from the index."""

    documents: list[Document]
    actors: list[Actor]
    references: list[Reference]
    folded: dict[str, str]  # the text of every unit -> its normalized form
    paths: dict[str, Path]  # document id -> the file it was read from


def read_corpus_parts(conn: sqlite3.Connection) -> CorpusParts:
    """Every document (in corpus order) and both registries, as models."""
    from ..models import Actor, Document, Reference

    documents: list[Document] = []
    paths: dict[str, Path] = {}
    for doc_id, path, data in conn.execute("SELECT id, path, data FROM documents ORDER BY ord"):
        documents.append(Document.model_validate_json(zlib.decompress(data)))
        paths[doc_id] = Path(path)
    actors = [
        Actor.model_validate_json(js)
        for (js,) in conn.execute("SELECT json FROM actors ORDER BY rowid")
    ]
    references = [
        Reference.model_validate_json(js)
        for (js,) in conn.execute("SELECT json FROM refs ORDER BY rowid")
    ]
    folded = dict(conn.execute("SELECT text, norm FROM units"))
    return CorpusParts(documents, actors, references, folded, paths)


def resolve_document(conn: sqlite3.Connection, key: str) -> str:
    """A document id from an id or alias, in any script.

    Raises:
        UnknownDocument: with the closest ids as suggestions.
    """
    row = conn.execute(
        "SELECT doc FROM doc_keys WHERE key = ? ORDER BY rank LIMIT 1", (normalize(key),)
    ).fetchone()
    if row is not None:
        return str(row[0])
    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY ord")]
    raise UnknownDocument(key, difflib.get_close_matches(key, ids, n=3, cutoff=0.6))


UnitKind = Literal["article", "item", "task", "preamble", "notice", "closing", "section"]
UnitRow = tuple[str, UnitKind, str, str, str, str | None]  # doc, kind, ref, text, norm, items


def units_matching(
    conn: sqlite3.Connection,
    trigram_match: str | None,
    char_match: str | None,
    *,
    doc: str | None = None,
    level: str | None = None,
) -> list[UnitRow]:
    """Units of text the FTS tables take for matches, in corpus order.

    Args:
        trigram_match: an FTS5 MATCH expression for the trigram table, or None.
        char_match: an FTS5 MATCH expression for the one-character table, or None.
        doc: only units of this document id.
        level: only units of documents of this level.
    """
    where: list[str] = []
    params: list[Any] = []
    if trigram_match is not None:
        where.append("u.id IN (SELECT rowid FROM units_tri WHERE units_tri MATCH ?)")
        params.append(trigram_match)
    if char_match is not None:
        where.append("u.id IN (SELECT rowid FROM units_uni WHERE units_uni MATCH ?)")
        params.append(char_match)
    if doc is not None:
        where.append("u.doc = ?")
        params.append(doc)
    if level is not None:
        where.append("d.level = ?")
        params.append(level)
    sql = (
        "SELECT u.doc, u.kind, u.ref, u.text, u.norm, u.items FROM units u "
        "JOIN documents d ON d.id = u.doc "
        + ("WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.ord, u.id"
    )
    return conn.execute(sql, params).fetchall()


def average_unit_length(conn: sqlite3.Connection) -> float:
    """The mean length of the normalized units (for BM25's length normalization)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'avg_norm_length'").fetchone()
    return float(row[0]) if row else 100.0


def counts(conn: sqlite3.Connection, tables: Sequence[str] = ("documents", "units")) -> list[int]:
    """Row counts of the named tables (for `fupin index`)."""
    allowed = {"documents", "units", "articles", "tasks", "actors", "refs", "edges"}
    out = []
    for table in tables:
        if table not in allowed:
            raise ValueError(f"not a table of the index: {table}")
        (n,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        out.append(int(n))
    return out
