"""Full-text search over the compiled index: every article, item, task, preamble and notice.

A unit of text is a hit when it holds every word of the query (with `any_`, one of them) and
none of the excluded words. A word matches the text as written up to the character fold
(simplified finds traditional, full width finds half width), or as one of its listed
regional variants (互联网 finds 網際網路); never a different word (创建 does not find 建立).
The index answers exactly what a substring scan of the folded texts would (tests compare
them).

Hits come in corpus order: superior documents first, then by region and date, each document
in reading order, the way grep lists the files it is given. So `limit` stops the scan early,
and snippets are cut only for the hits returned.

The hits are named tuples rather than pydantic models: this module is on the path of
`fupin search`, which must start fast.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, Literal, NamedTuple

from ..errors import InvalidQuery
from ..index.match import Match, count, count_by_document, document_ranges, spellings, units_in
from ..index.read import codec
from ..index.rows import item_starts
from ..levels import Level
from ..normalize import find_spans, pattern, words
from ..selection import ids_of

LEVELS = tuple(level.value for level in Level)
HitKind = Literal["article", "item", "task", "preamble", "notice", "section", "closing"]
KINDS: tuple[str, ...] = ("article", "item", "task", "preamble", "notice", "section", "closing")
SNIPPET_WIDTH = 60


class SearchHit(NamedTuple):
    """One unit of text that holds the query.

    `spans` are the highlighted ranges of `snippet` (not part of the JSON contract).
    """

    doc: str
    kind: HitKind
    ref: str
    snippet: str
    text: str
    spans: tuple[tuple[int, int], ...] = ()

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
    """The folded, distinct words of a query (arguments are split on whitespace)."""
    return words(terms)


class Search:
    """A query compiled against one index: what to match and which hits to keep."""

    def __init__(
        self,
        match: Match,
        kinds: frozenset[str],
        needles: tuple[str, ...],
        width: int = SNIPPET_WIDTH,
    ) -> None:
        self.match = match
        self.kinds = kinds  # hit kinds to keep (empty: all)
        self.needles = needles  # every spelling of the words searched for, folded
        self.width = width
        self.pattern = pattern(needles)  # finds them in the text as written
        self.patterns = [pattern((n,)) for n in needles]
        self.pad = max((len(n) for n in needles), default=0) * 2  # room for spaces inside

    @property
    def _python_kinds(self) -> bool:
        """Whether hits must be told apart as article or item in Python."""
        return bool(self.kinds) and len(self.kinds & {"article", "item"}) == 1

    def hits(self, conn: sqlite3.Connection, limit: int | None = None) -> Iterator[SearchHit]:
        """The hits, in corpus order, at most `limit` of them (read lazily)."""
        found = 0
        fields_of = codec(conn).decode
        for _id, doc, kind, _no, ref, text, _flen, items, fields in units_in(conn, self.match):
            starts = item_starts(text, fields_of(fields)) if items else []
            hit = self._hit(doc, kind, ref, text, starts)
            if self.kinds and hit.kind not in self.kinds:
                continue
            yield hit
            found += 1
            if limit is not None and found >= limit:
                return

    def count(self, conn: sqlite3.Connection) -> int:
        """How many hits there are in all."""
        if self._python_kinds:
            return sum(1 for _ in self.hits(conn))
        return count(conn, self.match)

    def per_document(self, conn: sqlite3.Connection) -> list[tuple[str, int]]:
        """(document, hits) for every document with a hit, in corpus order."""
        if not self._python_kinds:
            return count_by_document(conn, self.match)
        counts: dict[str, int] = {}
        for hit in self.hits(conn):
            counts[hit.doc] = counts.get(hit.doc, 0) + 1
        return list(counts.items())

    def _hit(
        self, doc: str, kind: str, ref: str, text: str, item_starts: list[tuple[int, str]]
    ) -> SearchHit:
        """The hit with its snippet; a hit inside an item of an article names the item."""
        first = self.pattern.search(text)
        at = first.start() if first else 0
        inside = [label for start, label in item_starts if start <= at]
        if inside:
            kind, ref = "item", f"{ref}{inside[-1]}"
        snippet, spans = self._snippet(text, at)
        return SearchHit(doc, kind, ref, snippet, text, spans)  # type: ignore[arg-type]

    def _snippet(self, text: str, at: int) -> tuple[str, tuple[tuple[int, int], ...]]:
        """About `width` characters around offset `at`, on one line, with the needles'
        spans; only the window is searched, so a long text costs no more than a short one."""
        n, width = len(text), self.width
        start = 0 if n <= width else max(0, min(at - width // 3, n - width))
        end = min(n, start + width)
        prefix = "…" if start > 0 else ""
        shift = start - len(prefix)
        lo, hi = max(0, start - self.pad), min(n, end + self.pad)
        spans = [
            (max(a, start) - shift, min(b, end) - shift)
            for p in self.patterns
            for a, b in (m.span() for m in p.finditer(text, lo, hi))
            if b > start and a < end
        ]
        if len(self.patterns) > 1:
            spans = _merged(spans)
        window = text[start:end].replace("\n", " ")
        return prefix + window + ("…" if end < n else ""), tuple(spans)


def compile_search(
    conn: sqlite3.Connection,
    terms: Sequence[str],
    *,
    doc: str | Sequence[str] | None = None,
    level: str | None = None,
    kind: str | Sequence[str] | None = None,
    any_: bool = False,
    exclude: Sequence[str] = (),
    width: int = SNIPPET_WIDTH,
) -> Search:
    """Check and compile a query (see `search` for the arguments).

    Raises:
        InvalidQuery: the query has no words, or `level` or `kind` is not one of the choices.
        UnknownDocument: a `doc` names no document.
    """
    if level is not None and level not in LEVELS:
        raise InvalidQuery(f'unknown level "{level}"; choose one of {", ".join(LEVELS)}')
    kinds = frozenset([kind] if isinstance(kind, str) else kind or ())
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise InvalidQuery(f'unknown kind "{unknown[0]}"; choose one of {", ".join(KINDS)}')
    keys = words(terms)
    if not keys:
        raise InvalidQuery("the query has no words to search for; give at least one word")
    docs = ids_of(conn, doc)
    positive = tuple(spellings(conn, k) for k in keys)
    unit_kinds = tuple(sorted({"article" if k == "item" else k for k in kinds}))
    m = Match(
        positive,
        exclude=tuple(spellings(conn, k) for k in words(exclude)),
        any_=any_,
        kinds=unit_kinds,
        ranges=document_ranges(conn, docs, level),
    )
    needles = tuple(dict.fromkeys(s for w in positive for s in w.spellings))
    return Search(m, kinds, needles, width)


def search(
    conn: sqlite3.Connection,
    terms: Sequence[str],
    *,
    doc: str | Sequence[str] | None = None,
    level: str | None = None,
    limit: int | None = None,
    width: int = SNIPPET_WIDTH,
    kind: str | Sequence[str] | None = None,
    any_: bool = False,
    exclude: Sequence[str] = (),
) -> list[SearchHit]:
    """Units of text (articles, items, tasks, preambles ...) holding every term, in corpus order.

    Args:
        conn: an open index (`load_corpus().conn`, or `fupin_cli.index.open_index(...).conn`).
        terms: the query; each is split on whitespace and every word must occur.
        doc: only this document, or these documents (ids or aliases).
        level: only documents of this level (central, province, county ...).
        limit: at most this many hits.
        width: about how many characters of text a snippet shows.
        kind: only hits of this kind (or these): article, item, task, preamble, notice,
            section (a heading's own paragraphs), closing.
        any_: a unit holding any one of the words is a hit.
        exclude: words that a hit must not hold.

    Returns:
        The hits, in corpus order; empty when the query has no words or nothing matched.

    Raises:
        UnknownDocument: a `doc` names no document.
        InvalidQuery: `level` or `kind` is not one of the choices.
    """
    if not words(terms):
        if level is not None and level not in LEVELS:
            raise InvalidQuery(f'unknown level "{level}"; choose one of {", ".join(LEVELS)}')
        ids_of(conn, doc)  # an unknown document is an error even without words
        return []
    compiled = compile_search(
        conn, terms, doc=doc, level=level, kind=kind, any_=any_, exclude=exclude, width=width
    )
    return list(compiled.hits(conn, limit))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def make_snippet(
    text: str, needles: Sequence[str], at: int, width: int = SNIPPET_WIDTH
) -> tuple[str, list[tuple[int, int]]]:
    """About `width` characters of `text` (on one line) around offset `at`, with the spans of
    the needles inside the window.

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
    for a, b in find_spans(flat[lo:hi], needles):
        a, b = max(a + lo, start), min(b + lo, end)
        if a < b:
            spans.append((a - start + len(prefix), b - start + len(prefix)))
    return prefix + flat[start:end] + suffix, spans
