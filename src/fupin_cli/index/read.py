"""Reading the compiled index: the SQL that queries run (the full-text part is in `match`).

Query modules never write SQL; they call these functions with an open connection, and each
reads only the rows its answer needs. Rows come back as plain data (dicts, tuples); the
caller builds models only for what it returns (`rows` knows the layout).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import UnknownDocument
from ..normalize import fold
from .rows import FieldCodec, document_data, relation_data


def codec(conn: sqlite3.Connection) -> FieldCodec:
    """How this index packed its `fields` columns."""
    (dictionary,) = conn.execute(
        "SELECT value FROM meta WHERE key = 'fields_dictionary'"
    ).fetchone()
    return FieldCodec(bytes(dictionary))


def resolve_document(conn: sqlite3.Connection, key: str) -> str:
    """A document id from an id or alias, in any script.

    Raises:
        UnknownDocument: with the closest ids as suggestions.
    """
    row = conn.execute(
        "SELECT doc FROM doc_keys WHERE key = ? ORDER BY rank LIMIT 1", (fold(key),)
    ).fetchone()
    if row is not None:
        return str(row[0])
    import difflib  # only when a name was mistyped

    ids = document_ids(conn)
    raise UnknownDocument(key, difflib.get_close_matches(key, ids, n=3, cutoff=0.6))


def documents_with_key(conn: sqlite3.Connection, key: str) -> list[str]:
    """Every document whose id or alias folds to `key`'s fold, in corpus order."""
    rows = conn.execute(
        "SELECT DISTINCT k.doc FROM doc_keys k JOIN documents d ON d.id = k.doc "
        "WHERE k.key = ? ORDER BY d.ord",
        (fold(key),),
    )
    return [r[0] for r in rows]


def document_places(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """(id, short title or title, level, region) of every document, in corpus order: what a
    selection by region or level reads (no text)."""
    return list(
        conn.execute(
            "SELECT id, coalesce(short_title, title), level, region FROM documents ORDER BY ord"
        )
    )


def document_ids(conn: sqlite3.Connection) -> list[str]:
    """Every document id, in corpus order."""
    return [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY ord")]


def has_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def document_summaries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """One row per document for `fupin docs`, in corpus order (no text is read)."""
    out = []
    for row in conn.execute(
        "SELECT id, title, short_title, level, region, doc_number, date, script, articles, "
        "tasks, aliases FROM documents ORDER BY ord"
    ):
        *head, aliases = row
        record = dict(
            zip(
                (
                    "id",
                    "title",
                    "short_title",
                    "level",
                    "region",
                    "doc_number",
                    "date",
                    "script",
                    "articles",
                    "tasks",
                ),
                head,
                strict=True,
            )
        )
        record["aliases"] = json.loads(aliases) if aliases != "[]" else []
        out.append(record)
    return out


def paths(conn: sqlite3.Connection) -> dict[str, Path]:
    """The file each document was read from."""
    return {i: Path(p) for i, p in conn.execute("SELECT id, path FROM documents ORDER BY ord")}


def _relations_of(conn: sqlite3.Connection, doc_id: str) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for row in conn.execute("SELECT * FROM relations WHERE doc = ? ORDER BY unit, seq", (doc_id,)):
        out.setdefault(row[1], []).append(relation_data(row))
    return out


def document_data_of(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    """The data of one document (validate it with `Document.model_validate`)."""
    fields, first, count = conn.execute(
        "SELECT fields, first_unit, units FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    fields_of = codec(conn).decode
    units = [
        (*row[:-1], fields_of(row[-1]))
        for row in conn.execute(
            "SELECT seq, kind, no, ref, text, fields FROM units WHERE id BETWEEN ? AND ? "
            "ORDER BY id",
            (first, first + count - 1),
        )
    ]
    return document_data(fields_of(fields), units, _relations_of(conn, doc_id))


def all_document_data(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The data of every document, in corpus order."""
    for doc_id in document_ids(conn):
        yield document_data_of(conn, doc_id)


def actors_json(conn: sqlite3.Connection) -> list[str]:
    return [js for (js,) in conn.execute("SELECT json FROM actors ORDER BY rowid")]


def references_json(conn: sqlite3.Connection) -> list[str]:
    return [js for (js,) in conn.execute("SELECT json FROM refs ORDER BY rowid")]


def accountable_document(conn: sqlite3.Connection, doc_ids: Sequence[str] | None) -> str | None:
    """The first document (of `doc_ids`) that holds accountability measures."""
    sql = "SELECT id FROM documents WHERE accountable = 1"
    params: tuple[Any, ...] = ()
    if doc_ids is not None:
        sql += f" AND id IN ({', '.join('?' * len(doc_ids))})"
        params = tuple(doc_ids)
    row = conn.execute(sql + " ORDER BY ord LIMIT 1", params).fetchone()
    return None if row is None else str(row[0])


#: The columns of a unit as the responsibility queries read it (fields decoded).
HIT_COLUMNS = "u.id, u.doc, u.kind, u.ref, u.text, u.fields"
HitRow = tuple[int, str, str, str, str, dict[str, Any]]


def _documents_filter(docs: Sequence[str] | None, level: str | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if docs is not None:
        clauses.append(f"d.id IN ({', '.join('?' * len(docs))})")
        params += list(docs)
    if level is not None:
        clauses.append("d.level = ?")
        params.append(level)
    return "".join(f" AND {c}" for c in clauses), params


def units_naming(
    conn: sqlite3.Connection,
    actors: Sequence[str],
    *,
    docs: Sequence[str] | None = None,
    level: str | None = None,
    written: str | None = None,
) -> Iterator[tuple[str, HitRow]]:
    """(role, unit) for every task or article that names one of the registry units `actors`
    (and, with `written`, a unit kept as written under this folded name), in corpus order;
    a unit naming them in several roles comes once per role."""
    where, params = _documents_filter(docs, level)
    marks = ", ".join("?" * len(actors))
    who, names = f"(n.name IN ({marks}) AND r.held = 0)", list(actors)
    if written is not None:
        who, names = f"({who} OR (n.key = ? AND r.held > 0))", [*names, written]
    sql = (
        f"SELECT r.role, {HIT_COLUMNS} FROM names n JOIN roles r ON r.name = n.id "
        "JOIN units u ON u.id = r.unit JOIN documents d ON d.id = u.doc "
        f"WHERE {who}{where} ORDER BY u.id, r.role"
    )
    fields_of = codec(conn).decode
    for role, *unit in conn.execute(sql, [*names, *params]):
        yield role, (*unit[:-1], fields_of(unit[-1]))


def written_name(conn: sqlite3.Connection, key: str) -> str | None:
    """The name as a document wrote it of a unit kept as written whose folded name is `key`."""
    row = conn.execute(
        "SELECT n.name FROM names n WHERE n.key = ? AND EXISTS "
        "(SELECT 1 FROM roles r WHERE r.name = n.id AND r.held > 0) ORDER BY n.id LIMIT 1",
        (key,),
    ).fetchone()
    return None if row is None else str(row[0])


def _units_of(column: str, doc_ids: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """A clause: `column` is a unit id of one of the documents (their units are numbered in a
    run, so each document is one range of the primary key)."""
    ranges = " OR ".join(
        f"{column} BETWEEN (SELECT first_unit FROM documents WHERE id = ?{n}) AND "
        f"(SELECT first_unit + units - 1 FROM documents WHERE id = ?{n})"
        for n in range(1, len(doc_ids) + 1)
    )
    return f"({ranges or '0'})", tuple(doc_ids)


def role_counts(
    conn: sqlite3.Connection, doc_ids: Sequence[str] | None
) -> dict[tuple[str, str, int], int]:
    """(actor, role, held) -> how many tasks or articles name the actor in that role, where
    held says whether the name is a registry unit's (0), kept as written (1) or generic (2)."""
    sql = "SELECT n.name, r.role, r.held, count(*) FROM roles r JOIN names n ON n.id = r.name"
    params: tuple[Any, ...] = ()
    if doc_ids is not None:
        clause, params = _units_of("r.unit", doc_ids)
        sql += " WHERE " + clause
    rows = conn.execute(sql + " GROUP BY r.name, r.role, r.held", params)
    return {(a, r, h): n for a, r, h, n in rows}


def task_rows(conn: sqlite3.Connection, doc_ids: Sequence[str] | None) -> Iterator[HitRow]:
    """Every task (of these documents), in corpus order."""
    sql = f"SELECT {HIT_COLUMNS} FROM units u WHERE u.kind = 'task'"
    params: tuple[Any, ...] = ()
    if doc_ids is not None:
        clause, params = _units_of("u.id", doc_ids)
        sql += " AND " + clause
    fields_of = codec(conn).decode
    for row in conn.execute(sql + " ORDER BY u.id", params):
        yield (*row[:-1], fields_of(row[-1]))


def relation_rows(
    conn: sqlite3.Connection,
    *,
    doc_ids: Sequence[str] | None = None,
    relation: str | None = None,
    touching: str | None = None,
) -> Iterator[tuple[Any, ...]]:
    """(doc, article label, relation data) of the duty relations, in corpus order.

    Args:
        doc_ids: only these documents'.
        relation: only this kind.
        touching: only the documents in which this actor takes part in a relation.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if doc_ids is not None:
        clauses.append(f"r.doc IN ({', '.join('?' * len(doc_ids))})")
        params += list(doc_ids)
    if relation is not None:
        clauses.append("r.relation = ?")
        params.append(relation)
    if touching is not None:
        clauses.append("r.doc IN (SELECT doc FROM relations WHERE from_ = ? OR to_ = ?)")
        params += [touching, touching]
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    sql = (
        "SELECT r.*, u.ref FROM relations r JOIN documents d ON d.id = r.doc "
        "JOIN units u ON u.id = d.first_unit + r.unit"
        f"{where} ORDER BY d.ord, r.unit, r.seq"
    )
    for row in conn.execute(sql, params):
        yield row[0], row[-1], relation_data(row[:-1])


def document_levels(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    marks = ", ".join("?" * len(ids))
    return dict(conn.execute(f"SELECT id, level FROM documents WHERE id IN ({marks})", list(ids)))


def counts(conn: sqlite3.Connection, tables: Sequence[str] = ("documents", "units")) -> list[int]:
    """Row counts of the named tables (for `fupin index`)."""
    allowed = {"documents", "units", "roles", "relations", "actors", "refs", "edges"}
    out = []
    for table in tables:
        if table not in allowed:
            raise ValueError(f"not a table of the index: {table}")
        (n,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        out.append(int(n))
    return out


# --- time limits and figures ----------------------------------------------------------


def _naming(actors: Sequence[str] | None) -> tuple[str, list[Any]]:
    """A condition on `u.id`: the unit names one of `actors` in some role."""
    if actors is None:
        return "", []
    marks = ", ".join("?" * len(actors))
    return (
        f" AND u.id IN (SELECT r.unit FROM roles r JOIN names n ON n.id = r.name "
        f"WHERE n.name IN ({marks}))",
        list(actors),
    )


def deadline_rows(
    conn: sqlite3.Connection,
    *,
    docs: Sequence[str] | None = None,
    before: str | None = None,
    after: str | None = None,
    actors: Sequence[str] | None = None,
) -> Iterator[tuple[Any, ...]]:
    """(doc, unit kind, ref, kind, start, end, every, phrase, unit text, unit fields) of the
    time limits, in corpus order; `before` / `after` keep those due on or before / after a
    day (ISO), which leaves out limits without a due day."""
    where, params = _documents_filter(docs, None)
    if before is not None:
        where += " AND t.end_ <= ?"
        params.append(before)
    if after is not None:
        where += " AND t.end_ >= ?"
        params.append(after)
    naming, names = _naming(actors)
    sql = (
        "SELECT t.doc, u.kind, u.ref, t.kind, t.start, t.end_, t.every, t.phrase, u.text, "
        "u.fields FROM deadlines t JOIN documents d ON d.id = t.doc "
        f"JOIN units u ON u.id = d.first_unit + t.unit WHERE 1{where}{naming} "
        "ORDER BY d.ord, t.unit, t.seq"
    )
    fields_of = codec(conn).decode
    for row in conn.execute(sql, [*params, *names]):
        yield (*row[:-1], fields_of(row[-1]))


def target_rows(
    conn: sqlite3.Connection,
    *,
    docs: Sequence[str] | None = None,
    topic: str | None = None,
    actors: Sequence[str] | None = None,
) -> Iterator[tuple[Any, ...]]:
    """(doc, unit kind, ref, quantity, value, upper, unit, comparison, subject, phrase, due,
    due phrase, unit fields) of the targets, in corpus order; `topic` (folded) must occur in
    the subject or the clause."""
    where, params = _documents_filter(docs, None)
    if topic is not None:
        where += " AND instr(t.key, ?) > 0"
        params.append(topic)
    naming, names = _naming(actors)
    sql = (
        "SELECT t.doc, u.kind, u.ref, t.quantity, t.value, t.upper, t.measure, t.comparison, "
        "t.subject, t.phrase, t.due, t.due_phrase, u.fields FROM targets t "
        "JOIN documents d ON d.id = t.doc JOIN units u ON u.id = d.first_unit + t.unit "
        f"WHERE 1{where}{naming} ORDER BY d.ord, t.unit, t.seq"
    )
    fields_of = codec(conn).decode
    for row in conn.execute(sql, [*params, *names]):
        yield (*row[:-1], fields_of(row[-1]))
