"""`fupin lineage DOC`: a document's superior rules up to the top, nearest first."""

from __future__ import annotations

from typing import Annotated

import typer

from ...corpus import load_corpus
from ...graph import build_graph, lineage, resolve_node, succession
from ...i18n import _
from ...render.view import Column, Format, View
from ...render.words import relation_word
from .. import complete
from ..options import DataOpt, FormatOpt, NoHeadersOpt, WideOpt
from ..runtime import command

# tsv/csv begin with the depth; the table with the id
COLUMNS = [
    Column("depth", table=False),
    Column("id", no_wrap=True),
    Column("depth", no_wrap=True, machine=False),
    Column("relation", no_wrap=True, show=lambda r: relation_word(r["relation"])),
    Column("via"),
    Column("article", table=False),
    Column("label", "article", no_wrap=True),
    Column("kind", table=False),
    Column("title", ratio=3),
]


@command
def lineage_command(
    doc: Annotated[
        str,
        typer.Argument(
            help=_("Document id or alias (or a reference id)."),
            autocompletion=complete.documents,
        ),
    ],
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """The superior rules of a document up to the top, nearest first, one per line; then
    the rules it repeals or replaces (原《X》同时废止), and those that repeal or replace it.

    Exit status 1 when the rule has none of these. Example: fupin lineage weiyuan
    """
    corpus = load_corpus(data)
    node = resolve_node(corpus, doc)
    graph = build_graph(corpus, [node])
    steps = [*lineage(graph, node), *succession(graph, node)]
    return View([s.model_dump(mode="json") for s in steps], COLUMNS)
