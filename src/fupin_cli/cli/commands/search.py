"""`fupin search QUERY...`: full-text search across every article, item, task and preamble."""

from __future__ import annotations

from typing import Annotated

import typer

from ...errors import InvalidQuery
from ...i18n import _
from ...render.view import Column, Format, View
from ..options import DataOpt, DocOpt, FormatOpt, LevelOpt, LimitOpt, NoHeadersOpt
from ..runtime import command, progress_bar

COLUMNS = [
    Column("doc", "document", no_wrap=True),
    Column("kind", table=False),
    Column("ref", no_wrap=True),
    Column("snippet", "text", ratio=1, highlight=True),
    Column("text", table=False),
]


@command
def search(
    query: Annotated[
        list[str],
        typer.Argument(
            help=_(
                "Words that must all occur in the same article, item, task or "
                "preamble (any script: simplified finds traditional)."
            )
        ),
    ],
    doc: DocOpt = None,
    level: LevelOpt = None,
    limit: LimitOpt = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> View:
    """Search the text of every document; all words must match. Best hits first.

    Exit status as grep: 0 found, 1 nothing matched, 2 error.

    Example: fupin search 建档立卡 --level county
    """
    from ...index import open_index
    from ...query.search import needles_of
    from ...query.search import search as run_search

    if not needles_of(query):
        raise InvalidQuery("the query has no words to search for; give at least one word")
    with progress_bar() as progress, open_index(data, progress=progress) as index:
        hits = run_search(
            index.conn, query, doc=doc, level=level.value if level else None, limit=limit
        )
    return View([h.model_dump() for h in hits], COLUMNS, terms=query)
