"""`fupin who-leads QUERY...`: who leads the tasks and articles a query names."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import typer

from ...corpus import load_corpus
from ...errors import InvalidQuery
from ...i18n import _
from ...query.responsibility import hit_record, spellings_of
from ...query.responsibility import who_leads as who_leads_query
from ...render.view import Format, View
from ..columns import any_responsible, hit_columns
from ..documents import chosen
from ..options import (
    CurrentOpt,
    DataOpt,
    DocOpt,
    FormatOpt,
    LevelOpt,
    LimitOpt,
    NoHeadersOpt,
    RegionOpt,
    WideOpt,
)
from ..runtime import command, read_queries

KindOpt = Annotated[
    str | None,
    typer.Option("--kind", help=_("Only 'task' rows or only 'article's."), show_default=False),
]


@command
def who_leads(
    query: Annotated[
        list[str],
        typer.Argument(
            help=_(
                "Words that must all occur (any script). '-' reads queries from "
                "stdin, one per line."
            )
        ),
    ],
    doc: DocOpt = None,
    region: RegionOpt = None,
    level: LevelOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    current: CurrentOpt = False,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """Who leads, is responsible for and co-operates on the tasks (and which actors bear the
    articles) a query names.

    Example: fupin who-leads 饮水安全
    """
    if kind not in (None, "task", "article"):
        raise InvalidQuery(f"--kind must be task or article, not '{kind}'")
    the_kind: Literal["task", "article"] | None = kind  # type: ignore[assignment]
    corpus = load_corpus(data)
    docs = chosen(corpus.conn, doc, region, level.value if level else None)
    from_stdin = query == ["-"]
    queries = read_queries(query) if from_stdin else [" ".join(query)]
    rows: list[dict[str, Any]] = []
    for q in queries:
        hits = who_leads_query(corpus, q.split(), doc=docs, level=level, kind=the_kind, limit=limit)
        rows += [
            hit_record(h, corpus if current else None, q if from_stdin else None) for h in hits
        ]
    return View(
        rows,
        hit_columns(
            current=corpus if current else None,
            query=from_stdin,
            several=len(queries) > 1,
            responsible=any_responsible(rows),
        ),
        terms=spellings_of(corpus, [t for q in queries for t in q.split()]),
    )
