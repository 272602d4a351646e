"""`fupin docs`: one row per document."""

from __future__ import annotations

from ...corpus import load_corpus
from ...query.documents import document_summaries
from ...render.view import Column, Format, View
from ...render.words import level_word
from ..options import AsOfOpt, DataOpt, FormatOpt, NoHeadersOpt, WideOpt
from ..runtime import command

COLUMNS = [
    Column("id", no_wrap=True),
    Column("title", ratio=3),
    Column("short_title", table=False, machine=False),
    Column("level", show=lambda r: level_word(r["level"])),
    Column("region"),
    Column("doc_number", table=False, machine=False),
    Column("date"),
    Column("script", table=False, machine=False),
    Column("articles"),
    Column("tasks"),
    Column("aliases", table=False, machine=False),
]


AS_OF_COLUMNS = [
    Column("doc", "id", no_wrap=True),
    Column("status", no_wrap=True),
    Column("since", "in force from", no_wrap=True),
    Column("effective", table=False),
    Column("expires", table=False),
    Column("provisional", no_wrap=True),
    Column("title", ratio=2),
    Column("basis", ratio=2, table=False),
    Column("source", no_wrap=True),
]


@command
def docs(
    as_of: AsOfOpt = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """List the documents: id, title, level, region, date, number of articles and tasks.

    --as-of DATE lists the documents in force on that day, and those that had taken effect
    but whose force that day no source tells (status unknown; see `fupin status`).

    Example: fupin docs -f json
    """
    corpus = load_corpus(data)
    if as_of is None:
        return View(document_summaries(corpus), COLUMNS)
    from ...query.terms import in_force

    rows = [s.model_dump(mode="json") for s in in_force(corpus, as_of.date())]
    return View(rows, AS_OF_COLUMNS)
