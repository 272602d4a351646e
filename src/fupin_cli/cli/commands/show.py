"""`fupin show DOC [REF]`: a whole document, or one article, numbered item or task."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ...corpus import load_corpus
from ...i18n import _
from ...models import Article, Task
from ...query.documents import (
    ArticleRef,
    article_record,
    document_rows,
    lookup,
    node_row,
    task_record,
)
from ...render.view import Column, Format, View
from .. import complete
from ..columns import any_responsible
from ..options import DataOpt, FormatOpt, NoHeadersOpt, WideOpt
from ..runtime import command

COLUMNS = [
    Column("doc", table=False),
    Column("kind", table=False),
    Column("ref", no_wrap=True),
    Column("text", ratio=4),
    Column("lead", "lead / actors", ratio=1),
    Column("co", "co-operating", ratio=1),
]


def _columns(rows: list[dict[str, Any]]) -> list[Column]:
    """The columns, with the responsible units (责任单位) where a task names them."""
    if not any_responsible(rows):
        return COLUMNS
    return [*COLUMNS, Column("responsible", ratio=1)]


@command
def show(
    doc: Annotated[
        str,
        typer.Argument(
            help=_("Document id or alias, e.g. central or 云南实施细则."),
            autocompletion=complete.documents,
        ),
    ],
    ref: Annotated[
        str | None,
        typer.Argument(help=_("Article (14, 第十四条, 十四, (十四)) or task path ((一) 3. (2)).")),
    ] = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """Show a whole document, or one of its articles, numbered items or tasks.

    Example: fupin show central 14
    """
    corpus = load_corpus(data)
    if ref is None:
        document = corpus.document(doc)
        rows = document_rows(document)
        return View(
            rows,
            _columns(rows),
            title=document.title,
            data=document.model_dump(mode="json", by_alias=True),
        )
    found = lookup(corpus, doc, ref)
    if isinstance(found, ArticleRef):
        node: Article | Task = found.article
        record = article_record(found.doc, found.article)
    else:
        node = found.task
        record = task_record(found.doc, found.task)
    rows = [node_row(found.doc, node)]
    return View(rows, _columns(rows), title=found.doc.title, data=record)
