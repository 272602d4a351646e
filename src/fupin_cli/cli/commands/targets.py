"""`fupin targets [TOPIC]`: every figure a document commits to, with its deadline and units."""

from __future__ import annotations

from typing import Annotated

import typer

from ...corpus import load_corpus
from ...i18n import _
from ...query.terms import targets as targets_query
from ...render.view import Column, Format, View
from ..documents import chosen
from ..options import ActorOpt, DataOpt, DocOpt, FormatOpt, NoHeadersOpt, RegionOpt, WideOpt
from ..runtime import command


def unit_columns() -> list[Column]:
    """Who must act: a task's lead, responsible and co-operating units; an article's actors."""
    return [
        Column("lead"),
        Column("responsible"),
        Column("co", "co-operating"),
        Column("actors", "named"),
    ]


COLUMNS = [
    Column("doc", no_wrap=True),
    Column("ref", no_wrap=True),
    Column("subject", ratio=2),
    Column("comparison", no_wrap=True),
    Column("quantity", no_wrap=True),
    Column("value", table=False),
    Column("upper", table=False),
    Column("unit", table=False),
    Column("due", no_wrap=True),
    Column("deadline", table=False),
    *unit_columns(),
    Column("phrase", table=False),
]


@command
def targets(
    topic: Annotated[
        str | None, typer.Argument(help=_("Words of the subject or clause (森林覆盖率)."))
    ] = None,
    actor: ActorOpt = None,
    doc: DocOpt = None,
    region: RegionOpt = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """Every figure a document commits to: what it measures, the comparison, the quantity
    (read through cn2an: 三十万, 1.2万, 百分之十五), its deadline and the units responsible.

    Example: fupin targets 森林覆盖率
    """
    corpus = load_corpus(data)
    docs = chosen(corpus.conn, doc, region)
    rows = targets_query(corpus, topic, actor=actor, doc=docs)
    return View(rows, COLUMNS, terms=[topic] if topic else ())
