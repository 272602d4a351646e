"""`fupin trace DOC REF`: the superior provisions of one article, or (--down) its local versions."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..align import DEFAULT_THRESHOLD
from ..query.trace import trace as trace_query
from ..render.table import Column, TableSpec
from ..store import load_corpus
from .diff import ThresholdOpt
from .options import DataOpt, Format, FormatOpt, NoHeadersOpt
from .output import Output, emit
from .runtime import ExitCode, guarded

COLUMNS = ["depth", "doc", "no", "label", "similarity", "relation", "via", "text"]


@guarded
def trace(
    doc: Annotated[str, typer.Argument(help="Document id or alias, e.g. weiyuan.")],
    ref: Annotated[str, typer.Argument(help="Article: 9, 第九条, 九 or (九).")],
    down: Annotated[
        bool, typer.Option("--down", help="Walk down to the local rules that implement it.")
    ] = False,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """Where an article comes from: the same provision in each superior rule, up to the top.

    Exit status 1 when no other provision is found. Example: fupin trace weiyuan 9
    """
    corpus = load_corpus(data)
    result = trace_query(corpus, doc, ref, down=down, threshold=threshold)
    records = [s.model_dump(mode="json") for s in result.chain]

    def table() -> TableSpec:
        cols = [
            Column("doc", "doc", no_wrap=True),
            Column("label", "article", no_wrap=True),
            Column("similarity", "similarity", no_wrap=True),
            Column("relation", "via", no_wrap=True),
            Column("text", "text", ratio=4),
        ]
        rows: list[dict[str, Any]] = []
        for s in result.chain:
            rows.append(
                {
                    "doc": "  " * s.depth + s.doc,
                    "label": s.label,
                    "similarity": "" if s.similarity is None else f"{s.similarity:.2f}",
                    "relation": f"{s.relation} {s.via}" if s.relation else "",
                    "text": s.text,
                }
            )
        return TableSpec(cols, rows)

    emit(Output(records, records, COLUMNS, table), fmt, no_headers)
    raise typer.Exit(ExitCode.OK if len(result.chain) > 1 else ExitCode.NO_MATCH)


def register(app: typer.Typer) -> None:
    app.command("trace")(trace)
