"""Full-text search over the compiled index: every article, item, task, preamble and notice.

All terms must occur in the same unit of text, after normalizing, so a simplified query finds a
traditional text. The index answers one- and two-character terms from a per-character FTS5
table and longer terms from a trigram table (see `fupin_cli.index`); the candidates are then
checked with a plain substring test on the normalized text, so the result is exactly that of a
substring scan.

Ranking: BM25's saturating term frequency, weighted by the length of each term and normalized
by the length of the unit; ties keep corpus order (superior documents first).

The hits are frozen dataclasses rather than pydantic models: this module is on the path of
`fupin search`, which must start fast, and pydantic's model building is the largest part of
the package's import time.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InvalidQuery
from ..index.read import UnitKind as HitKind
from ..index.read import UnitRow, average_unit_length, resolve_document, units_matching
from ..levels import Level
from ..normalize import find_spans, normalize

LEVELS = tuple(level.value for level in Level)
SNIPPET_WIDTH = 60
# BM25 parameters (Robertson's usual values)
K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class SearchHit:
    """One unit of text that holds every term.

    `spans` are the highlighted ranges of `snippet` (not part of the JSON contract).
    """

    doc: str
    kind: HitKind
    ref: str
    snippet: str
    text: str
    score: float = field(default=0.0, compare=False)
    spans: tuple[tuple[int, int], ...] = field(default=(), compare=False)

    def model_dump(self) -> dict[str, Any]:
        """The JSON contract of `fupin search -f json`: doc, kind, ref, snippet, text."""
        return {
            "doc": self.doc,
            "kind": self.kind,
            "ref": self.ref,
            "snippet": self.snippet,
            "text": self.text,
        }


def needles_of(terms: Sequence[str]) -> list[str]:
    """The normalized, distinct terms of a query (arguments are split on whitespace)."""
    out: list[str] = []
    for term in terms:
        for word in term.split():
            needle = normalize(word)
            if needle and needle not in out:
                out.append(needle)
    return out


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _token_chars(text: str) -> bool:
    """True when the character table indexes every character of `text` (see index.DDL)."""
    return all(
        unicodedata.category(ch)[0] in "LNPSM" or unicodedata.category(ch) == "Co" for ch in text
    )


def _fts_queries(needles: Sequence[str]) -> tuple[str | None, str | None]:
    """MATCH expressions for the trigram table (long terms) and the character table (short).

    A short term with a character the character table does not index is left to the
    substring check alone.
    """
    long = [_phrase(n) for n in needles if len(n) >= 3]
    short = [_phrase(" ".join(n)) for n in needles if len(n) < 3 and _token_chars(n)]
    return (" AND ".join(long) or None), (" AND ".join(short) or None)


def search(
    conn: sqlite3.Connection,
    terms: Sequence[str],
    *,
    doc: str | None = None,
    level: str | None = None,
    limit: int | None = None,
    width: int = SNIPPET_WIDTH,
) -> list[SearchHit]:
    """Units of text (articles, items, tasks, preambles ...) holding every term, best first.

    Args:
        conn: an open index (`fupin_cli.index.open_index(...).conn`).
        terms: the query; each is split on whitespace and every word must occur.
        doc: only this document (id or alias).
        level: only documents of this level (central, province, county ...).
        limit: at most this many hits.
        width: about how many characters of text a snippet shows.

    Returns:
        The hits, best first; empty when the query has no words or nothing matched.

    Raises:
        UnknownDocument: `doc` names no document.
        InvalidQuery: `level` is not a level.
    """
    if level is not None and level not in LEVELS:
        raise InvalidQuery(f'unknown level "{level}"; choose one of {", ".join(LEVELS)}')
    needles = needles_of(terms)
    doc_id = resolve_document(conn, doc) if doc is not None else None
    if not needles:
        return []
    tri, uni = _fts_queries(needles)
    rows = units_matching(conn, tri, uni, doc=doc_id, level=level)
    avg = average_unit_length(conn)
    scored: list[tuple[float, int, UnitRow]] = []
    for order, row in enumerate(rows):
        norm = row[4]
        if all(n in norm for n in needles):  # exact: the FTS tables may over-match
            scored.append((-_score(norm, needles, avg), order, row))
    scored.sort(key=lambda s: s[:2])
    if limit:
        scored = scored[:limit]
    return [_hit(row, needles, -neg, width) for neg, _, row in scored]


def _score(norm: str, needles: Sequence[str], avg: float) -> float:
    norm_len = 1 - B + B * len(norm) / avg
    total = 0.0
    for needle in needles:
        tf = norm.count(needle)
        total += len(needle) * tf * (K1 + 1) / (tf + K1 * norm_len)
    return round(total, 4)


def _hit(row: UnitRow, needles: Sequence[str], score: float, width: int) -> SearchHit:
    doc, kind, ref, text, norm, items = row
    first = min(norm.find(n) for n in needles)
    at = _raw_offset(text, norm, first)
    if items:  # a hit inside an item of an article names the item
        starts = json.loads(items)
        inside = [label for start, label in starts if start <= at]
        if inside:
            kind, ref = "item", f"{ref}{inside[-1]}"
    snippet, spans = make_snippet(text, needles, at, width)
    return SearchHit(
        doc=doc, kind=kind, ref=ref, snippet=snippet, text=text, score=score, spans=tuple(spans)
    )


def _raw_offset(text: str, norm: str, offset: int) -> int:
    """Where in the text as written the normalized offset falls.

    Exact when normalizing kept every character's length (the usual case: only whitespace is
    removed); otherwise proportional, which only moves the snippet window a little.
    """
    if len(text) == len(norm):
        return offset
    compact = [m.start() for m in _NON_SPACE.finditer(text)]
    if not compact:
        return 0
    if len(compact) == len(norm):
        return compact[min(offset, len(compact) - 1)]
    return compact[min(len(compact) - 1, offset * len(compact) // max(1, len(norm)))]


_NON_SPACE = re.compile(r"\S")


def spans_of(text: str, needles: Sequence[str]) -> list[tuple[int, int]]:
    """Where each normalized needle occurs in `text` as written, merged and sorted."""
    return find_spans(text, needles)


def make_snippet(
    text: str, needles: Sequence[str], at: int, width: int = SNIPPET_WIDTH
) -> tuple[str, list[tuple[int, int]]]:
    """About `width` characters of `text` around offset `at`, with the spans of the needles.

    Only the window is examined, so a long text costs no more than a short one.
    """
    flat = text.replace("\n", " ")
    if len(flat) <= width:
        start, end = 0, len(flat)
    else:
        start = max(0, min(at - width // 3, len(flat) - width))
        end = min(len(flat), start + width)
    pad = max((len(n) for n in needles), default=0) * 2
    lo, hi = max(0, start - pad), min(len(flat), end + pad)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    spans = []
    for a, b in spans_of(flat[lo:hi], needles):
        a, b = max(a + lo, start), min(b + lo, end)
        if a < b:
            spans.append((a - start + len(prefix), b - start + len(prefix)))
    return prefix + flat[start:end] + suffix, spans
