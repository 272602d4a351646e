"""Which units of text hold a query: the full-text SQL of search and who-leads.

A query word matches a unit when the folded unit holds the folded word, or one of the word's
regional variants (the `variants` table), as a substring. Each spelling is a phrase of
one-character tokens in `units_fts`, which matches exactly there, except for letter case
(the tokenizer folds it): a query with a cased letter is checked again on the folded text.
Units come in corpus order (their rowids), so a limit stops the scan early.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from ..normalize import fold, script_spellings
from ..normalize import spellings as normalize_spellings

#: The columns of a unit row as `units_in` yields them (`fields` still packed: `read.codec`).
UNIT_COLUMNS = "u.id, u.doc, u.kind, u.no, u.ref, u.text, u.flen, u.items, u.fields"
UnitRow = tuple[int, str, str, int | None, str, str, int, int, bytes | None]


class Word(NamedTuple):
    """One word of a query and every spelling that finds it (its own first)."""

    text: str
    spellings: tuple[str, ...]

    @property
    def cased(self) -> bool:
        """True when the index may over-match it (it folds letter case; the fold does not)."""
        return any(ch.lower() != ch or ch.upper() != ch for s in self.spellings for ch in s)


class Match(NamedTuple):
    """A compiled query: words that must (or, with `any_`, may) occur, words that must not."""

    words: tuple[Word, ...]
    exclude: tuple[Word, ...] = ()
    any_: bool = False
    kinds: tuple[str, ...] = ()  # unit kinds; empty: every kind
    ranges: tuple[tuple[int, int], ...] | None = None  # rowid ranges; None: everywhere
    actors_only: bool = False  # articles only when they name an actor (tasks always do)

    @property
    def checked(self) -> bool:
        """Whether each unit the index returns must be checked on its folded text."""
        return any(w.cased for w in (*self.words, *self.exclude))

    def holds(self, text: str) -> bool:
        """The exact test on a unit's text as written."""
        hay = fold(text)
        found = [any(s in hay for s in w.spellings) for w in self.words]
        if not (any(found) if self.any_ else all(found)):
            return False
        return not any(s in hay for w in self.exclude for s in w.spellings)

    def expression(self) -> str:
        """The FTS5 MATCH expression (exact but for case; cased exclusions are left out)."""
        join = " OR " if self.any_ else " AND "
        positive = join.join(_alternatives(w) for w in self.words)
        negative = [_alternatives(w) for w in self.exclude if not w.cased]
        if not negative:
            return positive
        return f"({positive}) NOT ({' OR '.join(negative)})"


def _phrase(spelling: str) -> str:
    return '"' + " ".join(spelling).replace('"', '""') + '"'


def _alternatives(word: Word) -> str:
    return "(" + " OR ".join(_phrase(s) for s in word.spellings) + ")"


def spellings(conn: sqlite3.Connection, word: str) -> Word:
    """A query word with every spelling it is looked for in (see `normalize.spellings`):
    script phrases written the other way (瞭解 for 了解), regional variants in this corpus
    (网际网路 for 互联网)."""
    key = fold(word)
    script = conn.execute(
        "SELECT simplified, traditional FROM script_pairs "
        "WHERE instr(?1, simplified) > 0 OR instr(?1, traditional) > 0",
        (key,),
    ).fetchall()
    own = [key, *script_spellings(key, script)]
    regional: dict[str, list[str]] = {}
    marks = ", ".join("?" * len(own))
    for spelling, variant in conn.execute(
        f"SELECT spelling, variant FROM variants WHERE spelling IN ({marks}) ORDER BY rowid", own
    ):
        regional.setdefault(spelling, []).append(variant)
    return Word(word, normalize_spellings(word, script, regional))


def _where(m: Match, rowid_range: tuple[int, int] | None) -> tuple[str, list[Any]]:
    clauses = ["units_fts MATCH ?"]
    params: list[Any] = [m.expression()]
    if rowid_range is not None:
        clauses.append("f.rowid BETWEEN ? AND ?")
        params += list(rowid_range)
    if m.kinds:
        clauses.append(f"u.kind IN ({', '.join('?' * len(m.kinds))})")
        params += list(m.kinds)
    if m.actors_only:
        clauses.append("(u.kind != 'article' OR u.actors = 1)")
    return " AND ".join(clauses), params


_FROM = "FROM units_fts f JOIN units u ON u.id = f.rowid"


def units_in(conn: sqlite3.Connection, m: Match) -> Iterator[UnitRow]:
    """The units that hold the query, in corpus order (lazily: stop reading when done)."""
    checked = m.checked
    for rowid_range in m.ranges if m.ranges is not None else [None]:
        where, params = _where(m, rowid_range)
        rows = conn.execute(f"SELECT {UNIT_COLUMNS} {_FROM} WHERE {where} ORDER BY f.rowid", params)
        if not checked:
            yield from rows
            continue
        for row in rows:
            if m.holds(row[5]):
                yield row


def _range_clause(m: Match) -> tuple[str, list[Any]]:
    if m.ranges is None:
        return "", []
    ors = " OR ".join("f.rowid BETWEEN ? AND ?" for _ in m.ranges)
    return f" AND ({ors})", [x for r in m.ranges for x in r]


def units_by_coverage(
    conn: sqlite3.Connection, m: Match, covered: int, limit: int | None = None
) -> Iterator[UnitRow]:
    """The units that hold the query, tasks first, then those the query covers most
    (`covered` folded characters of the unit's), then corpus order."""
    if m.ranges == ():
        return
    checked = m.checked
    where, params = _where(m, None)
    more, extra = _range_clause(m)
    sql = (
        f"SELECT {UNIT_COLUMNS} {_FROM} WHERE {where}{more} "
        "ORDER BY u.kind = 'article', min(1.0, ? * 1.0 / max(1, u.flen)) DESC, u.id"
    )
    args = [*params, *extra, covered]
    if limit is not None and not checked:
        sql += " LIMIT ?"
        args.append(limit)
    found = 0
    for row in conn.execute(sql, args):
        if checked and not m.holds(row[5]):
            continue
        yield row
        found += 1
        if limit is not None and found >= limit:
            return


def count_by_document(conn: sqlite3.Connection, m: Match) -> list[tuple[str, int]]:
    """How many units of each document hold the query, documents in corpus order."""
    if m.checked:
        counts: dict[str, int] = {}
        for row in units_in(conn, m):
            counts[row[1]] = counts.get(row[1], 0) + 1
        return list(counts.items())
    out: list[tuple[str, int]] = []
    for rowid_range in m.ranges if m.ranges is not None else [None]:
        where, params = _where(m, rowid_range)
        out += conn.execute(
            f"SELECT u.doc, count(*) {_FROM} JOIN documents d ON d.id = u.doc WHERE {where} "
            "GROUP BY u.doc ORDER BY min(d.ord)",
            params,
        ).fetchall()
    return out


def count(conn: sqlite3.Connection, m: Match) -> int:
    """How many units hold the query."""
    if m.checked:
        return sum(1 for _ in units_in(conn, m))
    total = 0
    for rowid_range in m.ranges if m.ranges is not None else [None]:
        where, params = _where(m, rowid_range)
        total += conn.execute(f"SELECT count(*) {_FROM} WHERE {where}", params).fetchone()[0]
    return int(total)


def occurs_in_script(conn: sqlite3.Connection, spelling: str, script: str) -> bool:
    """Whether any document written in `script` holds the folded `spelling`."""
    m = Match((Word(spelling, (spelling,)),))
    where, params = _where(m, None)
    rows = conn.execute(
        f"SELECT u.text {_FROM} JOIN documents d ON d.id = u.doc WHERE {where} AND d.script = ?",
        [*params, script],
    )
    return any(not m.checked or m.holds(text) for (text,) in rows)


def document_ranges(
    conn: sqlite3.Connection, docs: Sequence[str] | None, level: str | None
) -> tuple[tuple[int, int], ...] | None:
    """The rowid ranges of the chosen documents (or of a level's), in corpus order."""
    if docs is None and level is None:
        return None
    sql = "SELECT first_unit, first_unit + units - 1 FROM documents WHERE units > 0"
    params: list[Any] = []
    if docs is not None:
        sql += f" AND id IN ({', '.join('?' * len(docs))})"
        params += list(docs)
    if level is not None:
        sql += " AND level = ?"
        params.append(level)
    ranges = [tuple(r) for r in conn.execute(sql + " ORDER BY ord", params)]
    merged: list[tuple[int, int]] = []
    for lo, hi in ranges:
        if merged and lo == merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return tuple(merged)
