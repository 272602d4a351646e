"""`fupin docs`: one row per document."""

from __future__ import annotations

import typer

from ..query.documents import document_summaries
from ..render.table import Column, TableSpec
from ..store import load_corpus
from .options import DataOpt, Format, FormatOpt, NoHeadersOpt
from .output import Output, emit
from .runtime import exit_with, guarded

COLUMNS = ["id", "title", "level", "region", "date", "articles", "tasks"]


@guarded
def docs(
    fmt: FormatOpt = Format.table, no_headers: NoHeadersOpt = False, data: DataOpt = None
) -> None:
    """List the documents: id, title, level, region, date, number of articles and tasks."""
    rows = document_summaries(load_corpus(data))

    def table() -> TableSpec:
        cols = [
            Column("id", "id", no_wrap=True),
            Column("title", "title", ratio=3),
            Column("level", "level"),
            Column("region", "region"),
            Column("date", "date"),
            Column("articles", "articles"),
            Column("tasks", "tasks"),
        ]
        return TableSpec(
            cols, [{k: str(r[k] if r[k] is not None else "") for k in COLUMNS} for r in rows]
        )

    emit(Output(rows, rows, COLUMNS, table), fmt, no_headers)
    exit_with(bool(rows))


def register(app: typer.Typer) -> None:
    app.command("docs")(docs)
