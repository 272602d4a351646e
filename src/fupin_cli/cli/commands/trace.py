"""`fupin trace DOC REF`: the superior provisions of one article, or (--down) its local versions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ...align import DEFAULT_THRESHOLD
from ...corpus import load_corpus
from ...i18n import _
from ...query.trace import trace as trace_query
from ...render.page import comparison_formats
from ...render.view import Column, Format, View
from .. import complete
from ..options import ComparisonFormatOpt, DataOpt, NoHeadersOpt, OutputOpt, ThresholdOpt, WideOpt
from ..runtime import command

if TYPE_CHECKING:
    from ...render.comparison import Comparison


def _similarity(row: Mapping[str, Any]) -> str:
    return "" if row["similarity"] is None else f"{row['similarity']:.2f}"


COLUMNS = [
    Column("depth", table=False),
    Column("doc", no_wrap=True, show=lambda r: "  " * r["depth"] + r["doc"]),
    Column("no", table=False),
    Column("label", "article", no_wrap=True),
    Column("similarity", no_wrap=True, show=_similarity),
    Column(
        "relation",
        "via",
        no_wrap=True,
        show=lambda r: f"{r['relation']} {r['via']}" if r["relation"] else "",
    ),
    Column("via", table=False),
    Column("text", ratio=4),
]


@command
def trace(
    doc: Annotated[
        str,
        typer.Argument(
            help=_("Document id or alias, e.g. weiyuan."), autocompletion=complete.documents
        ),
    ],
    ref: Annotated[str, typer.Argument(help=_("Article: 9, 第九条, 九 or (九)."))],
    down: Annotated[
        bool, typer.Option("--down", help=_("Walk down to the local rules that implement it."))
    ] = False,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    fmt: ComparisonFormatOpt = Format.table,
    output: OutputOpt = None,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """Where an article comes from: the same provision in each superior rule, up to the top.

    `-f html` shows each step beside the provision it came from, as `fupin diff` does.
    Exit status 1 when no other provision is found. Example: fupin trace weiyuan 9
    """
    corpus = load_corpus(data)
    result = trace_query(corpus, doc, ref, down=down, threshold=threshold)

    def comparison() -> Comparison:
        from ...render.comparison import of_trace

        return of_trace(corpus, result)

    return View(
        [s.model_dump(mode="json") for s in result.chain],
        COLUMNS,
        matched=len(result.chain) > 1,
        formats=comparison_formats(comparison),
    )
