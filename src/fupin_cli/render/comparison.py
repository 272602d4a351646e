"""A comparison as a 对照表 shows it: two aligned columns of articles, one row per pair.

One model serves the page (`render.page`, HTML) and the Markdown table (`render.markdown`),
for `fupin diff` (two documents) and `fupin trace` (one article across the documents that
take it up). It is built from the library's answers (`DocumentDiff`, `Trace`) and the
documents themselves, and holds the texts as the documents wrote them, cut into pieces marked
`equal`, `delete` (left column) or `insert` (right column) by the same character diff the
terminal shows.

Rows follow the left document's order. An article only one side has stands in its place: a
left one where the left document has it, a right one just before the first pair that comes
after it in the right document (a pair that was not moved, see `moved_pairs`). A moved pair
also leaves a placeholder row where its right article stands in the right document, linked
to the pair and back.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ..align import Pair
from ..corpus import Corpus
from ..diff import Change, DiffPair, DocumentDiff, diff_pair
from ..models import Article, Document, Script
from ..normalize import normalize
from ..query.trace import Trace, TraceStep
from .marks import Label, Pieces, labels, mark_pieces, moved_pairs

RowKind = Literal["pair", "left_only", "right_only", "place"]


@dataclass(frozen=True)
class DocInfo:
    """What a reader wants to know of a document before its articles."""

    id: str
    title: str
    issuers: tuple[str, ...]
    doc_number: str | None
    issued: str | None
    effective: str | None
    published: str | None
    region: str
    level: str
    lang: str  # zh-Hans or zh-Hant, so browsers pick the right glyphs

    @classmethod
    def of(cls, doc: Document) -> DocInfo:
        return cls(
            id=doc.id,
            title=doc.title,
            issuers=doc.issuers,
            doc_number=doc.doc_number,
            issued=doc.issued.isoformat() if doc.issued else None,
            effective=doc.effective.isoformat() if doc.effective else None,
            published=doc.published.isoformat() if doc.published else None,
            region=doc.region,
            level=str(doc.level),
            lang=lang_of(doc),
        )


@dataclass(frozen=True)
class Cell:
    """One article in one column: its text as written, cut into marked pieces."""

    doc: str
    no: int
    label: str
    pieces: Pieces
    lang: str
    anchor: str | None = None  # the id of the cell (deep links: #L14, #R15)

    @property
    def text(self) -> str:
        return "".join(piece for _, piece in self.pieces)


@dataclass(frozen=True)
class Row:
    """A row of the table: a pair, an article only one side has, or a moved article's place.

    Attributes:
        link: a moved pair links to its place row; a place row to its pair.
        partner: on a place row, the label of the left article its right article is paired with.
        relation: on a trace, how the right document stands to the left one.
        fold: the normalized texts of both cells, for the page's filter box.
    """

    kind: RowKind
    anchor: str
    left: Cell | None
    right: Cell | None
    similarity: float | None = None
    status: Literal["same", "changed"] | None = None
    changes: tuple[Change, ...] = ()
    moved: bool = False
    link: str | None = None
    partner: str | None = None
    relation: str | None = None
    fold: str = ""

    @property
    def is_change(self) -> bool:
        """What the page's next/previous-change keys stop at: changed pairs, unpaired articles."""
        return self.kind in ("left_only", "right_only") or self.status == "changed"

    @property
    def actor_changed(self) -> bool:
        return any(c.kind == "actor" for c in self.changes)

    @property
    def labels(self) -> tuple[Label, ...]:
        return labels(self.changes)


@dataclass(frozen=True)
class Comparison:
    """Everything the page and the Markdown table show.

    Attributes:
        kind: `diff` (two documents) or `trace` (one article through several).
        heading: the page's title line.
        command: the fupin command that gives the same answer.
        documents: the documents compared, left first.
        relation: how they stand to each other, in a sentence.
        columns: the headings of the left and right columns.
        summary: (what, how many) in the order shown.
        rows: the table.
    """

    kind: Literal["diff", "trace"]
    heading: str
    command: str
    documents: tuple[DocInfo, ...]
    relation: str
    columns: tuple[str, str]
    summary: tuple[tuple[str, int], ...]
    rows: tuple[Row, ...]
    threshold: float

    @property
    def counted(self) -> tuple[Row, ...]:
        """The rows that stand for articles (every row but the places of moved articles)."""
        return tuple(r for r in self.rows if r.kind != "place")

    def status_of(self, row: Row) -> str:
        """`identical`, `changed`, `only in central`, ...: a row's state in words."""
        if row.kind == "left_only":
            return f"only in {self.columns[0]}"
        if row.kind == "right_only":
            return f"only in {self.columns[1]}"
        return "identical" if row.status == "same" else "changed" if row.status else ""


def lang_of(doc: Document) -> str:
    return "zh-Hant" if doc.script is Script.traditional else "zh-Hans"


def _plain(text: str) -> Pieces:
    return (("equal", text),) if text else ()


def _anchors(prefix: str, doc: Document) -> dict[int, str]:
    """`L14` for article 14; a number the document repeats gets its position too (`L14-15`)."""
    seen: dict[int, int] = {}
    for a in doc.articles:
        seen[a.no] = seen.get(a.no, 0) + 1
    return {
        i: f"{prefix}{a.no}" if seen[a.no] == 1 else f"{prefix}{a.no}-{i + 1}"
        for i, a in enumerate(doc.articles)
    }


def _cell(doc: Document, article: Article, pieces: Pieces, anchor: str | None = None) -> Cell:
    return Cell(doc.id, article.no, article.label, pieces, lang_of(doc), anchor)


def _pair_cells(
    ldoc: Document, rdoc: Document, pair: DiffPair, anchors: tuple[str | None, str | None]
) -> tuple[Cell, Cell]:
    la, ra = ldoc.article(pair.left), rdoc.article(pair.right)
    assert la is not None and ra is not None
    return (
        _cell(ldoc, la, mark_pieces(la.full_text, pair.ops, "left"), anchors[0]),
        _cell(rdoc, ra, mark_pieces(ra.full_text, pair.ops, "right"), anchors[1]),
    )


def _fold(*cells: Cell | None) -> str:
    return "\n".join(normalize(c.text) for c in cells if c is not None)


def of_diff(corpus: Corpus, full: DocumentDiff, shown: DocumentDiff | None = None) -> Comparison:
    """The comparison of two documents.

    Args:
        corpus: the corpus the diff was made on.
        full: the whole diff (the summary, and where moved and unpaired articles stand).
        shown: the part of it to show (`diff.select`), if not all of it.
    """
    ldoc, rdoc = corpus.document(full.left), corpus.document(full.right)
    left_at, right_at = _anchors("L", ldoc), _anchors("R", rdoc)
    right_pos: dict[int, int] = {}
    for j, a in enumerate(rdoc.articles):
        right_pos.setdefault(a.no, j)
    moved = moved_pairs([right_pos[p.right] for p in full.pairs])
    pending = {p.left: (k, p) for k, p in enumerate(full.pairs)}
    left_only = set(full.left_only)
    rows: list[Row] = []
    in_place: list[tuple[int, int]] = []  # (right position, row index) of the pairs not moved
    places: list[tuple[int, Row]] = []  # rows that stand where the right document has them
    for i, article in enumerate(ldoc.articles):
        found = pending.pop(article.no, None)
        if found is None:
            if article.no in left_only:
                cell = _cell(ldoc, article, _plain(article.full_text))
                rows.append(Row("left_only", left_at[i], cell, None, fold=_fold(cell)))
            continue
        k, pair = found
        j = right_pos[pair.right]
        left, right = _pair_cells(ldoc, rdoc, pair, (None, right_at[j]))
        place = f"{right_at[j]}-place"
        row = Row(
            "pair", left_at[i], left, right, pair.similarity, pair.status, pair.changes,
            moved=k in moved, link=place if k in moved else None, fold=_fold(left, right),
        )  # fmt: skip
        if k in moved:
            stub = replace(right, pieces=(), anchor=None)
            places.append((j, Row("place", place, None, stub, link=row.anchor, partner=left.label)))
        else:
            in_place.append((j, len(rows)))
        rows.append(row)
    for j, article in enumerate(rdoc.articles):
        if article.no in full.right_only:
            cell = _cell(rdoc, article, _plain(article.full_text))
            places.append((j, Row("right_only", right_at[j], None, cell, fold=_fold(cell))))
    ordered = _place(rows, in_place, places)
    if shown is not None:
        ordered = _select(ordered, shown)
    n_changed = sum(p.status == "changed" for p in full.pairs)
    command = f"fupin diff {ldoc.id} {rdoc.id}"
    return Comparison(
        kind="diff",
        heading=f"{ldoc.short_title} ↔ {rdoc.short_title}",
        command=command,
        documents=(DocInfo.of(ldoc), DocInfo.of(rdoc)),
        relation=full.relation_detail,
        columns=(ldoc.id, rdoc.id),
        summary=(
            ("paired", len(full.pairs)),
            ("changed", n_changed),
            ("identical", len(full.pairs) - n_changed),
            (f"only in {ldoc.id}", len(full.left_only)),
            (f"only in {rdoc.id}", len(full.right_only)),
            ("moved", len(moved)),
        ),
        rows=tuple(ordered),
        threshold=full.threshold,
    )


def _place(
    rows: list[Row], in_place: list[tuple[int, int]], places: list[tuple[int, Row]]
) -> list[Row]:
    """Put each of `places` just before the first pair in place that follows it on the right."""
    starts = [pos for pos, _ in in_place]
    before: dict[int, list[Row]] = {}
    for pos, row in sorted(places, key=lambda item: item[0]):
        at = bisect.bisect_right(starts, pos)
        before.setdefault(in_place[at][1] if at < len(in_place) else len(rows), []).append(row)
    ordered: list[Row] = []
    for index in range(len(rows) + 1):
        ordered += before.get(index, [])
        if index < len(rows):
            ordered.append(rows[index])
    return ordered


def _select(rows: list[Row], shown: DocumentDiff) -> list[Row]:
    """The rows of `shown`, a selection of the diff the rows were built from."""
    pairs = {(p.left, p.right) for p in shown.pairs}

    def wanted(row: Row) -> bool:
        if row.kind == "pair":
            return (
                row.left is not None
                and row.right is not None
                and ((row.left.no, row.right.no) in pairs)
            )
        if row.kind == "left_only":
            return row.left is not None and row.left.no in shown.left_only
        return (
            row.kind == "right_only"
            and row.right is not None
            and (row.right.no in shown.right_only)
        )

    kept = {row.anchor for row in rows if wanted(row)}
    return [row for row in rows if row.anchor in kept or (row.kind == "place" and row.link in kept)]


def of_trace(corpus: Corpus, result: Trace) -> Comparison:
    """One article across the documents a trace reached: a row per step, the superior rule's
    provision on the left and the local one on the right, whichever way the trace walked."""
    steps = result.chain
    start = steps[0]
    docs = {step.doc: corpus.document(step.doc) for step in steps}
    reached = {step.doc: step for step in steps}
    rows: list[Row] = []
    for n, step in enumerate(steps[1:], 1):
        assert step.via is not None and step.relation is not None and step.similarity is not None
        parent = reached[step.via]
        upper, lower = (parent, step) if result.direction == "down" else (step, parent)
        pair = diff_pair(
            corpus.registry,
            docs[upper.doc],
            docs[lower.doc],
            Pair(
                left=upper.no,
                right=lower.no,
                left_label=upper.label,
                right_label=lower.label,
                similarity=step.similarity,
            ),
        )
        left, right = _pair_cells(docs[upper.doc], docs[lower.doc], pair, (None, None))
        rows.append(
            Row(
                "pair",
                f"s{n}",
                left,
                right,
                pair.similarity,
                pair.status,
                pair.changes,
                relation=f"{lower.doc} {step.relation.replace('_', ' ')} {upper.doc}",
                fold=_fold(left, right),
            )
        )
    changed = sum(r.status == "changed" for r in rows)
    down = result.direction == "down"
    return Comparison(
        kind="trace",
        heading=f"{start.doc} {start.label}: "
        + ("where it went" if down else "where it comes from"),
        command=f"fupin trace {start.doc} {start.no}" + (" --down" if down else ""),
        documents=tuple(DocInfo.of(doc) for doc in docs.values()),
        relation=_trace_relation(start, rows, down),
        columns=("superior rule", "local rule"),
        summary=(
            ("version found" if len(rows) == 1 else "versions found", len(rows)),
            ("changed", changed),
            ("identical", len(rows) - changed),
        ),
        rows=tuple(rows),
        threshold=result.threshold,
    )


def _trace_relation(start: TraceStep, rows: Sequence[Row], down: bool) -> str:
    if not rows:
        verb = "takes up" if down else "is the source of"
        return f"no other document {verb} {start.doc} {start.label}"
    return "; ".join(row.relation for row in rows if row.relation)
