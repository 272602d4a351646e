"""`fupin status DOC [--as-of DATE]`: in force or not, with the sentence or source deciding."""

from __future__ import annotations

from typing import Annotated

import typer

from ...corpus import load_corpus
from ...i18n import _
from ...query.terms import status as status_query
from ...render.view import Column, Format, View
from .. import complete
from ..options import AsOfOpt, DataOpt, FormatOpt, NoHeadersOpt, WideOpt
from ..runtime import command

COLUMNS = [
    Column("doc", no_wrap=True),
    Column("as_of", "as of", no_wrap=True),
    Column("status", no_wrap=True),
    Column("since", "in force from", no_wrap=True),
    Column("effective", table=False),
    Column("expires", table=False),
    Column("provisional", table=False),
    Column("basis", ratio=3),
    Column("source", no_wrap=True),
    Column("title", table=False),
]


@command
def status(
    doc: Annotated[
        str,
        typer.Argument(help=_("Document id or alias."), autocompletion=complete.documents),
    ],
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """Whether a rule is in force (on a day), with the sentence or source that decides it.

    Statuses: in_force, not_yet_in_force, expired, repealed, unknown (past the last day a
    source vouches for, fupin does not presume). Example: fupin status central --as-of 2017-01-01
    """
    found = status_query(load_corpus(data), doc, as_of.date() if as_of else None)
    return View([found.model_dump(mode="json")], COLUMNS, data=found.model_dump(mode="json"))
