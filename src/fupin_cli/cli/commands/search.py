"""`fupin search QUERY...`: full-text search across every article, item, task and preamble."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Annotated, Any, TextIO

import typer

from ...i18n import _
from ...render.view import Column, Format, Screen, View
from ..documents import chosen
from ..options import (
    DataOpt,
    DocOpt,
    FormatOpt,
    LevelOpt,
    LimitOpt,
    NoHeadersOpt,
    RegionOpt,
    WideOpt,
)
from ..runtime import command, is_terminal, progress_bar

#: How many hits a terminal shows when no --limit is given.
SCREENFUL = 50

COLUMNS = [
    Column("doc", "document", no_wrap=True),
    Column("kind", table=False),
    Column("ref", no_wrap=True),
    Column("snippet", "text", ratio=1, highlight=True),
    Column("text", table=False),
]
COUNT_COLUMNS = [Column("doc", "document", no_wrap=True), Column("count", "hits")]

KindOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        help=_(
            "Only hits of this kind: article, item, task, preamble, notice, section, closing "
            "(repeatable)."
        ),
        show_default=False,
    ),
]
NotOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--not", help=_("Leave out hits that hold this word (repeatable)."), show_default=False
    ),
]


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _peek(rows: Iterator[dict[str, Any]]) -> tuple[bool, Iterator[dict[str, Any]]]:
    first = next(rows, None)
    return first is not None, (rows if first is None else chain([first], rows))


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
    region: RegionOpt = None,
    level: LevelOpt = None,
    kind: KindOpt = None,
    exclude: NotOpt = None,
    any_word: Annotated[
        bool, typer.Option("--any", help=_("A hit needs only one of the words."))
    ] = False,
    count: Annotated[
        bool, typer.Option("--count", "-c", help=_("Only how many hits each document has."))
    ] = False,
    files: Annotated[
        bool, typer.Option("--files", "-l", help=_("Only the documents that have hits."))
    ] = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """Search the text of every document; all words must match. Hits in corpus order.

    A word matches as written, in either script and width, or as a listed regional variant
    (互联网 finds 網際網路). On a terminal the first 50 hits are shown (and how many more
    there are); a pipe or -f json gets them all unless --limit is given. Exit status as
    grep: 0 found, 1 nothing matched, 2 error.

    Example: fupin search 建档立卡 --level county
    """
    from ...index import open_index
    from ...query.search import compile_search

    with progress_bar() as progress:
        index = open_index(data, progress=progress)
    conn = index.conn
    docs = chosen(conn, doc, region, level.value if level else None)
    compiled = compile_search(
        conn,
        query,
        doc=docs,
        level=level.value if level else None,
        kind=_split(kind),
        any_=any_word,
        exclude=_split(exclude) or (),
    )
    if count or files:
        per_doc = compiled.per_document(conn)
        if limit:
            per_doc = per_doc[:limit]
        if files:
            ids = [d for d, _ in per_doc]

            def draw_ids(out: TextIO, _: Screen) -> None:
                out.writelines(f"{d}\n" for d in ids)

            return View([{"doc": d} for d in ids], COUNT_COLUMNS[:1], draw=draw_ids)
        return View([{"doc": d, "count": n} for d, n in per_doc], COUNT_COLUMNS)
    notes: list[str] = []
    shown = limit
    if shown is None and fmt is Format.table and is_terminal():
        shown = SCREENFUL
    hits = (h.model_dump() for h in compiled.hits(conn, shown))
    matched, rows = _peek(hits)
    if shown is not None and limit is None:
        rows_list = list(rows)
        if len(rows_list) == shown:
            more = compiled.count(conn) - shown
            if more > 0:
                notes.append(
                    _(
                        "{n} more hit(s) not shown; use --limit N, or pipe the output, to see them."
                    ).format(n=more)
                )
        rows = iter(rows_list)
    return View(rows, COLUMNS, terms=compiled.needles, matched=matched, notes=notes)
