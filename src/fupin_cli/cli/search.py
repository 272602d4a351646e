"""`fupin search QUERY...`: full-text search across every article, item, task and preamble."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from .options import (
    DataOpt,
    DocOpt,
    Format,
    FormatOpt,
    LevelOpt,
    LimitOpt,
    NoHeadersOpt,
)
from .output import Output, emit
from .runtime import ExitCode, guarded

if TYPE_CHECKING:
    from ..render.table import TableSpec

COLUMNS = ["doc", "kind", "ref", "snippet", "text"]


@guarded
def search(
    query: Annotated[
        list[str],
        typer.Argument(
            help="Words that must all occur in the same article, item, task or "
            "preamble (any script: simplified finds traditional)."
        ),
    ],
    doc: DocOpt = None,
    level: LevelOpt = None,
    limit: LimitOpt = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """Search the text of every document; all words must match. Best hits first.

    Exit status as grep: 0 found, 1 nothing matched, 2 error.

    Example: fupin search 建档立卡 --level county
    """
    from ..index import open_index
    from ..query.search import needles_of
    from ..query.search import search as run_search
    from .index import progress_bar

    if not needles_of(query):
        raise typer.BadParameter("the query has no words to search for", param_hint="QUERY")
    with progress_bar() as progress:
        index = open_index(data, progress=progress)
    try:
        hits = run_search(
            index.conn, query, doc=doc, level=level.value if level else None, limit=limit
        )
    finally:
        index.close()
    records = [h.model_dump() for h in hits]

    def table() -> TableSpec:
        from ..render.table import Cell, Column, TableSpec

        cols = [
            Column("doc", "document", no_wrap=True),
            Column("ref", "ref", no_wrap=True),
            Column("snippet", "text", ratio=1),
        ]
        rows: list[dict[str, str | Cell]] = [
            {"doc": h.doc, "ref": h.ref, "snippet": Cell(h.snippet, list(h.spans))} for h in hits
        ]
        return TableSpec(cols, rows)

    emit(Output(records, records, COLUMNS, table), fmt, no_headers)
    raise typer.Exit(ExitCode.OK if hits else ExitCode.NO_MATCH)


def register(app: typer.Typer) -> None:
    app.command("search")(search)
