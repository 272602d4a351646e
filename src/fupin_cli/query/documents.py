"""Queries over whole documents: the list of documents, one document, one article or task."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..corpus import Corpus
from ..errors import UnknownReference

if TYPE_CHECKING:  # `fupin docs` answers from the index without the models
    from ..models import Article, Document, Section, Task


def document_summaries(corpus: Corpus) -> list[dict[str, Any]]:
    """One row per document: id, title, level, region, date, counts (`fupin docs`).

    Read from the index's document rows: no text and no model is loaded.
    """
    from ..index.read import document_summaries as summaries

    return summaries(corpus.conn)


@dataclass(frozen=True)
class ArticleRef:
    doc: Document
    article: Article


@dataclass(frozen=True)
class TaskRef:
    doc: Document
    task: Task


def lookup(corpus: Corpus, doc_key: str, ref: str) -> ArticleRef | TaskRef:
    """An article (14, 第十四条, 十四, (十四)) or, in a division plan, a task path."""
    doc = corpus.document(doc_key)
    try:
        return ArticleRef(doc, corpus.article(doc, ref))
    except UnknownReference as article_error:
        if not doc.tasks:
            raise
        try:
            return TaskRef(doc, corpus.task(doc, ref))
        except UnknownReference:
            raise article_error from None


def article_record(doc: Document, art: Article) -> dict[str, Any]:
    """The JSON contract of `fupin show DOC REF` for an article."""
    return {
        "doc": doc.id,
        "no": art.no,
        "label": art.label,
        "title": art.title,
        "text": art.text,
        "items": [i.model_dump(mode="json") for i in art.items],
        "section": list(art.section),
        "actors": list(art.actors),
        "relations": [r.model_dump(mode="json", by_alias=True) for r in art.relations],
    }


def task_record(doc: Document, task: Task) -> dict[str, Any]:
    return {"doc": doc.id, **task.model_dump(mode="json")}


def reading_order(doc: Document) -> Iterator[tuple[int, Section | Article | Task]]:
    """Headings, articles and tasks in the order a reader meets them, with heading depth."""

    def children_of(path: tuple[str, ...]) -> Iterator[Article | Task]:
        yield from (a for a in doc.articles if a.section == path)
        yield from (t for t in doc.tasks if tuple(t.section) == path)

    def walk(
        sections: tuple[Section, ...], path: tuple[str, ...], depth: int
    ) -> Iterator[tuple[int, Section | Article | Task]]:
        for section in sections:
            here = (*path, section.label)
            yield depth, section
            for child in children_of(here):
                yield depth + 1, child
            yield from walk(section.sections, here, depth + 1)

    shown: set[int] = set()
    for depth, node in (*((0, c) for c in children_of(())), *walk(doc.sections, (), 0)):
        shown.add(id(node))
        yield depth, node
    # an article or task under a heading the outline lacks (validate reports it) still shows
    orphans: list[Article | Task] = [*doc.articles, *doc.tasks]
    for orphan in orphans:
        if id(orphan) not in shown:
            yield 0, orphan


def node_row(doc: Document, node: Section | Article | Task, depth: int = 0) -> dict[str, Any]:
    """One heading, article or task as a flat row: doc, kind, ref, text, lead, co (+ depth)."""
    from ..models import Article, Section

    if isinstance(node, Section):
        return {
            "doc": doc.id,
            "kind": node.kind.value,
            "ref": node.label,
            "text": "\n".join(x for x in (node.title, node.text) if x),
            "depth": depth,
        }
    if isinstance(node, Article):
        return {
            "doc": doc.id,
            "kind": "article",
            "ref": node.label,
            "text": node.full_text,
            "lead": list(node.actors),
            "co": [],
        }
    return {
        "doc": doc.id,
        "kind": "task",
        "ref": node.path,
        "text": node.text,
        "lead": list(node.lead),
        "co": list(node.co),
        "responsible": list(node.responsible),
    }


def document_rows(doc: Document) -> list[dict[str, Any]]:
    """The document in reading order as flat rows (see `node_row`)."""
    rows: list[dict[str, Any]] = []
    if doc.notice:
        rows.append({"doc": doc.id, "kind": "notice", "ref": "", "text": doc.notice})
    if doc.preamble:
        rows.append({"doc": doc.id, "kind": "preamble", "ref": "", "text": doc.preamble})
    rows += [node_row(doc, node, depth) for depth, node in reading_order(doc)]
    if doc.closing:
        rows.append({"doc": doc.id, "kind": "closing", "ref": "", "text": doc.closing})
    return rows
