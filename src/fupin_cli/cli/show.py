"""`fupin show DOC [REF]`: a whole document, or one article, numbered item or task."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..models import Article, Document, Section, Task
from ..query.documents import ArticleRef, article_record, lookup, reading_order, task_record
from ..render.table import Column, TableSpec
from ..store import load_corpus
from .options import DataOpt, Format, FormatOpt, NoHeadersOpt
from .output import Output, emit
from .runtime import guarded

COLUMNS = ["doc", "kind", "ref", "text", "lead", "co"]


def _rows(doc: Document) -> list[dict[str, Any]]:
    """The document in reading order as flat rows (for table, jsonl, tsv, csv)."""
    rows: list[dict[str, Any]] = []
    if doc.notice:
        rows.append({"doc": doc.id, "kind": "notice", "ref": "", "text": doc.notice})
    if doc.preamble:
        rows.append({"doc": doc.id, "kind": "preamble", "ref": "", "text": doc.preamble})
    for depth, node in reading_order(doc):
        if isinstance(node, Section):
            rows.append(
                {
                    "doc": doc.id,
                    "kind": node.kind.value,
                    "ref": node.label,
                    "text": node.title,
                    "depth": depth,
                }
            )
        elif isinstance(node, Article):
            rows.append(
                {
                    "doc": doc.id,
                    "kind": "article",
                    "ref": node.label,
                    "text": node.full_text,
                    "lead": list(node.actors),
                    "co": [],
                }
            )
        else:
            assert isinstance(node, Task)
            rows.append(
                {
                    "doc": doc.id,
                    "kind": "task",
                    "ref": node.path,
                    "text": node.text,
                    "lead": list(node.lead),
                    "co": list(node.co),
                }
            )
    if doc.closing:
        rows.append({"doc": doc.id, "kind": "closing", "ref": "", "text": doc.closing})
    return rows


def _table(rows: list[dict[str, Any]], title: str) -> TableSpec:
    cols = [
        Column("ref", "ref", no_wrap=True),
        Column("text", "text", ratio=4),
        Column("lead", "lead / actors", ratio=1),
        Column("co", "co-operating", ratio=1),
    ]
    body = [
        {
            "ref": r["ref"],
            "text": r["text"],
            "lead": "、".join(r.get("lead") or []),
            "co": "、".join(r.get("co") or []),
        }
        for r in rows
    ]
    return TableSpec(cols, body, title=title)


@guarded
def show(
    doc: Annotated[str, typer.Argument(help="Document id or alias, e.g. central or 云南.")],
    ref: Annotated[
        str | None,
        typer.Argument(help="Article (14, 第十四条, 十四, (十四)) or task path ((一) 3. (2))."),
    ] = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """Show a whole document, or one of its articles, numbered items or tasks."""
    corpus = load_corpus(data)
    if ref is None:
        document = corpus.document(doc)
        rows = _rows(document)
        payload = document.model_dump(mode="json", by_alias=True)
        emit(Output(payload, rows, COLUMNS, lambda: _table(rows, document.title)), fmt, no_headers)
        return
    found = lookup(corpus, doc, ref)
    if isinstance(found, ArticleRef):
        record = article_record(found.doc, found.article)
        row = {
            "doc": found.doc.id,
            "kind": "article",
            "ref": found.article.label,
            "text": found.article.full_text,
            "lead": record["actors"],
            "co": [],
        }
    else:
        record = task_record(found.doc, found.task)
        row = {
            "doc": found.doc.id,
            "kind": "task",
            "ref": found.task.path,
            "text": found.task.text,
            "lead": list(found.task.lead),
            "co": list(found.task.co),
        }
    emit(Output(record, [row], COLUMNS, lambda: _table([row], found.doc.title)), fmt, no_headers)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
