"""`fupin actors`: the registry with each unit's load; `--matrix` for the task x unit table."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..query.responsibility import actor_loads, responsibility_matrix
from ..render.table import Column, TableSpec
from ..store import load_corpus
from .options import DataOpt, DocOpt, Format, FormatOpt, NoHeadersOpt
from .output import Output, emit
from .runtime import exit_with, guarded

COLUMNS = ["name", "aliases", "level", "kind", "lead", "co", "articles", "successors"]


@guarded
def actors(
    doc: DocOpt = None,
    matrix: Annotated[
        bool, typer.Option("--matrix", help="Task x unit matrix: L lead, C co.")
    ] = False,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """The actor registry: names, aliases, level, kind and how many tasks each unit carries."""
    corpus = load_corpus(data)
    if matrix:
        columns, rows = responsibility_matrix(corpus, doc=doc)

        def mtable() -> TableSpec:
            cols = [Column("task", "task", no_wrap=True)] + [Column(u, u) for u in columns[3:]]
            return TableSpec(cols, [{k: str(v) for k, v in r.items()} for r in rows])

        emit(Output(rows, rows, columns, mtable), fmt, no_headers)
        exit_with(bool(rows))
        return
    loads = actor_loads(corpus, doc=doc)
    records: list[dict[str, Any]] = [
        {
            "name": a.name,
            "aliases": list(a.aliases),
            "level": a.level.value,
            "kind": a.kind,
            "lead": a.lead,
            "co": a.co,
            "articles": a.articles,
            "successors": list(a.successors),
        }
        for a in loads
    ]

    def table() -> TableSpec:
        cols = [
            Column("name", "name", ratio=2),
            Column("aliases", "aliases", ratio=2),
            Column("level", "level"),
            Column("kind", "kind"),
            Column("lead", "lead"),
            Column("co", "co"),
            Column("articles", "articles"),
            Column("successors", "today", ratio=2),
        ]
        return TableSpec(
            cols,
            [
                {k: "、".join(v) if isinstance(v, list) else str(v) for k, v in r.items()}
                for r in records
            ],
        )

    emit(Output(records, records, COLUMNS, table), fmt, no_headers)
    exit_with(bool(records))


def register(app: typer.Typer) -> None:
    app.command("actors")(actors)
