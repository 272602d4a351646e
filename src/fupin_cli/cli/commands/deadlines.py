"""`fupin deadlines`: every time limit a task or article sets, and who must meet it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from ...corpus import load_corpus
from ...i18n import _
from ...query.terms import deadlines as deadlines_query
from ...render.view import Column, Format, View
from ..documents import chosen
from ..options import ActorOpt, DataOpt, DocOpt, FormatOpt, NoHeadersOpt, RegionOpt, WideOpt
from ..runtime import command
from .targets import unit_columns

DATE = ["%Y-%m-%d"]

COLUMNS = [
    Column("doc", no_wrap=True),
    Column("ref", no_wrap=True),
    Column("due", no_wrap=True),
    Column("kind", no_wrap=True),
    Column("start", table=False),
    Column("every", table=False),
    Column("deadline"),
    *unit_columns(),
    Column("text", ratio=3, around=60),
]


@command
def deadlines(
    before: Annotated[
        datetime | None,
        typer.Option(formats=DATE, help=_("Due on or before YYYY-MM-DD."), show_default=False),
    ] = None,
    after: Annotated[
        datetime | None,
        typer.Option(formats=DATE, help=_("Due on or after YYYY-MM-DD."), show_default=False),
    ] = None,
    actor: ActorOpt = None,
    doc: DocOpt = None,
    region: RegionOpt = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """Every time limit a task or article sets (2016年底前, 到2020年, 每年, 持续推进, a table's
    完成时限), with the units the task assigns: lead, responsible, co-operating.

    --before / --after keep limits with a due day (recurring and ongoing ones have none).
    Example: fupin deadlines --before 2018-01-01
    """
    corpus = load_corpus(data)
    docs = chosen(corpus.conn, doc, region)
    rows = deadlines_query(
        corpus,
        before=before.date() if before else None,
        after=after.date() if after else None,
        actor=actor,
        doc=docs,
    )
    return View(rows, COLUMNS)
