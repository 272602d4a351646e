"""`fupin who-leads QUERY...`: who leads the tasks and articles a query names."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import typer

from ..query.responsibility import who_leads as who_leads_query
from ..store import load_corpus
from .hits import HIT_COLUMNS, hit_record, hits_table
from .options import (
    CurrentOpt,
    DataOpt,
    DocOpt,
    Format,
    FormatOpt,
    LevelOpt,
    LimitOpt,
    NoHeadersOpt,
)
from .output import Output, emit
from .runtime import ExitCode, guarded, read_queries

KindOpt = Annotated[
    str | None,
    typer.Option("--kind", help="Only 'task' rows or only 'article's.", show_default=False),
]


@guarded
def who_leads(
    query: Annotated[
        list[str],
        typer.Argument(
            help="Words that must all occur (any script). '-' reads queries from "
            "stdin, one per line."
        ),
    ],
    doc: DocOpt = None,
    level: LevelOpt = None,
    kind: KindOpt = None,
    limit: LimitOpt = None,
    current: CurrentOpt = False,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """Who leads and co-operates on the tasks (and which actors bear the articles) a query names.

    Example: fupin who-leads 饮水安全
    """
    if kind not in (None, "task", "article"):
        raise typer.BadParameter(f"'{kind}' is not one of task, article", param_hint="--kind")
    the_kind: Literal["task", "article"] | None = kind  # type: ignore[assignment]
    corpus = load_corpus(data)
    from_stdin = query == ["-"]
    queries = read_queries(query)
    if not from_stdin:
        queries = [" ".join(queries)]
    records: list[dict[str, Any]] = []
    all_hits = []
    for q in queries:
        terms = q.split()
        hits = who_leads_query(corpus, terms, doc=doc, level=level, kind=the_kind, limit=limit)
        all_hits.extend(hits)
        records.extend(
            hit_record(h, corpus if current else None, q if from_stdin else None) for h in hits
        )
    terms_all = [t for q in queries for t in q.split()]
    payload = records
    emit(
        Output(
            payload,
            records,
            (["query"] if from_stdin else []) + HIT_COLUMNS,
            lambda: hits_table(all_hits, terms_all, corpus_for_current=corpus if current else None),
        ),
        fmt,
        no_headers,
    )
    raise typer.Exit(ExitCode.OK if all_hits else ExitCode.NO_MATCH)


def register(app: typer.Typer) -> None:
    app.command("who-leads")(who_leads)
