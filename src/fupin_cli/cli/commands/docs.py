"""`fupin docs`: one row per document."""

from __future__ import annotations

from ...corpus import load_corpus
from ...query.documents import document_summaries
from ...render.view import Column, Format, View
from ...render.words import level_word
from ..options import DataOpt, FormatOpt, NoHeadersOpt, WideOpt
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


@command
def docs(
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """List the documents: id, title, level, region, date, number of articles and tasks.

    Example: fupin docs -f json
    """
    return View(document_summaries(load_corpus(data)), COLUMNS)
