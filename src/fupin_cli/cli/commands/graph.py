"""`fupin graph [DOC]`: the hierarchy of rules as a tree, or in a graph language."""

from __future__ import annotations

from typing import Annotated

import typer

from ...corpus import load_corpus
from ...graph import build_graph, neighbourhood, resolve_node
from ...i18n import _
from ...render.graphs import rule_drawing, to_dot, to_graphml, to_mermaid
from ...render.tree import draw_tree
from ...render.view import LISTING_FORMATS, Column, Format, View
from .. import complete
from ..options import DataOpt, NoHeadersOpt, format_option
from ..runtime import command

GraphFormatOpt = Annotated[
    Format,
    format_option(
        (*LISTING_FORMATS, Format.dot, Format.graphml, Format.mermaid),
        _("table (a tree), json, jsonl / tsv / csv (edges), dot, graphml, mermaid."),
    ),
]
EDGE_COLUMNS = [
    Column(key)
    for key in ("source", "target", "relation", "eli", "article", "label", "curated", "phrase")
]


@command
def graph(
    doc: Annotated[
        str | None,
        typer.Argument(
            autocompletion=complete.documents,
            help=_("Only this document's neighbourhood (id, alias, or reference id)."),
            show_default=False,
        ),
    ] = None,
    fmt: GraphFormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> View:
    """The hierarchy of rules: which document implements, rests on or cites which.

    Example: fupin graph yunnan -f mermaid
    """
    corpus = load_corpus(data)
    if doc is None:
        shown = build_graph(corpus)
    else:
        node = resolve_node(corpus, doc)
        shown = neighbourhood(build_graph(corpus, [node], down=True), node)
    return View(
        [e.model_dump(mode="json") for e in shown.edges],
        EDGE_COLUMNS,
        data=shown.model_dump(mode="json"),
        matched=True,
        draw=lambda out, screen: draw_tree(shown, out, screen),
        formats={
            Format.dot: lambda: to_dot(rule_drawing(shown)),
            Format.mermaid: lambda: to_mermaid(rule_drawing(shown)),
            Format.graphml: lambda: to_graphml(shown),
        },
    )
