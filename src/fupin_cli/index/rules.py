"""Reading the rules as a whole from the index: documents as the nodes of the rule graph,
the edges between them (curated links, resolved citations, repeals), and each rule's validity.

Like `read`, it reads only the rows an answer needs; `graph.py` and `query/terms.py` build
their answers from these rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

#: The label of article `no` of document `d` (a correlated subquery).
_LABEL = (
    "(SELECT u.ref FROM units u WHERE u.id BETWEEN d.first_unit AND d.first_unit + d.units - 1 "
    "AND u.kind = 'article' AND u.no = {no} ORDER BY u.id LIMIT 1)"
)


NODE_COLUMNS = "id, title, short_title, level, region, doc_number"


def document_nodes(
    conn: sqlite3.Connection, ids: Sequence[str] | None = None
) -> list[tuple[Any, ...]]:
    """(id, title, short_title, level, region, doc_number) of documents, in corpus order."""
    if ids is None:
        return conn.execute(f"SELECT {NODE_COLUMNS} FROM documents ORDER BY ord").fetchall()
    marks = ", ".join("?" * len(ids))
    return conn.execute(
        f"SELECT {NODE_COLUMNS} FROM documents WHERE id IN ({marks}) ORDER BY ord", list(ids)
    ).fetchall()


def reference_nodes(
    conn: sqlite3.Connection, ids: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """The registry references (their data), in registry order."""
    sql = "SELECT json FROM refs"
    params: list[Any] = []
    if ids is not None:
        sql += f" WHERE id IN ({', '.join('?' * len(ids))})"
        params = list(ids)
    return [json.loads(js) for (js,) in conn.execute(sql + " ORDER BY rowid", params)]


EDGE_COLUMNS = (
    f"e.source, e.target, e.relation, e.article, {_LABEL.format(no='e.article')}, e.phrase, "
    "e.curated"
)


def edges(
    conn: sqlite3.Connection,
    *,
    sources: Sequence[str] | None = None,
    targets: Sequence[str] | None = None,
) -> list[tuple[Any, ...]]:
    """(source, target, relation, article, label, phrase, curated) of the graph's edges, by
    the source's corpus order (curated links first, then citations in text order); only those
    from `sources` or into `targets` when given (either matches when both are)."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, ids in (("source", sources), ("target", targets)):
        if ids is not None:
            clauses.append(f"e.{column} IN ({', '.join('?' * len(ids))})")
            params += list(ids)
    where = " WHERE " + " OR ".join(clauses) if clauses else ""
    return conn.execute(
        f"SELECT {EDGE_COLUMNS} FROM edges e JOIN documents d ON d.id = e.source{where} "
        "ORDER BY d.ord, e.curated DESC, e.seq",
        params,
    ).fetchall()


def citation_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """(doc, article, label, cited, number, target, phrase) of every citation, in order."""
    return conn.execute(
        "SELECT c.doc, c.article, c.label, c.cited, c.number, c.target, c.phrase "
        "FROM citations c JOIN documents d ON d.id = c.doc ORDER BY d.ord, c.seq"
    ).fetchall()


VALIDITY_COLUMNS = (
    "v.doc, d.title, d.level, v.issued, v.published, v.effective, v.expires, v.provisional, "
    "v.fields"
)


def validity_rows(conn: sqlite3.Connection, ids: Sequence[str] | None = None) -> list[Any]:
    """(doc, title, level, issued, published, effective, expires, provisional, validity
    JSON) of the documents (all, or `ids`), in corpus order."""
    sql = f"SELECT {VALIDITY_COLUMNS} FROM validity v JOIN documents d ON d.id = v.doc"
    params: list[Any] = []
    if ids is not None:
        sql += f" WHERE v.doc IN ({', '.join('?' * len(ids))})"
        params = list(ids)
    return conn.execute(sql + " ORDER BY d.ord", params).fetchall()


def repealed_by(conn: sqlite3.Connection, doc_id: str) -> list[tuple[Any, ...]]:
    """(doc, relation, article label, phrase, its effective date, issued date) of every held
    rule that repeals or replaces `doc_id`."""
    return conn.execute(
        f"SELECT r.doc, r.relation, {_LABEL.format(no='r.article')}, r.phrase, "
        "v.effective, v.issued FROM repeals r JOIN documents d ON d.id = r.doc "
        "JOIN validity v ON v.doc = r.doc WHERE r.target = ? ORDER BY d.ord, r.seq",
        (doc_id,),
    ).fetchall()


def resting_on(conn: sqlite3.Connection, doc_id: str) -> list[tuple[Any, ...]]:
    """(doc, relation, article label, phrase, issued, effective) of the held rules that
    implement or rest on `doc_id`: each says the rule was in force when it was made."""
    return conn.execute(
        f"SELECT e.source, e.relation, {_LABEL.format(no='e.article')}, e.phrase, "
        "v.issued, v.effective FROM edges e JOIN documents d ON d.id = e.source "
        "JOIN validity v ON v.doc = e.source "
        "WHERE e.target = ? AND e.relation IN ('implements', 'based_on') ORDER BY d.ord",
        (doc_id,),
    ).fetchall()


def article_label(conn: sqlite3.Connection, doc_id: str, no: int) -> str | None:
    """The label of one article, as written (第二十九条)."""
    row = conn.execute(
        f"SELECT {_LABEL.format(no='?')} FROM documents d WHERE d.id = ?", (no, doc_id)
    ).fetchone()
    return None if row is None else row[0]
