"""`fupin actors`: the registry with each unit's load; `--matrix` for the task x unit table."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ...corpus import load_corpus
from ...datafolder import scan
from ...i18n import _
from ...query.responsibility import actor_loads, responsibility_matrix
from ...render.view import Column, Format, View
from ...render.words import level_word
from ..documents import chosen
from ..options import DataOpt, DocOpt, FormatOpt, NoHeadersOpt, RegionOpt, WideOpt
from ..runtime import command

COLUMNS = [
    Column("name", ratio=2),
    Column("aliases", ratio=2),
    Column("level", show=lambda r: level_word(r["level"])),
    Column("kind"),
    Column("lead"),
    Column("co"),
    Column("articles"),
    Column("successors", "today", ratio=2),
    Column("responsible"),
]


@command
def actors(
    doc: DocOpt = None,
    region: RegionOpt = None,
    matrix: Annotated[
        bool, typer.Option("--matrix", help=_("Task x unit matrix: L lead, C co."))
    ] = False,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """The units and how many tasks each leads, is responsible for and co-operates on.

    On the bundled data (or a folder with its own actors.yaml) every registry unit is
    listed; on a folder of one's own documents, the units its documents name, those the
    registry does not know as written (kind unregistered or generic). `--matrix` marks
    L lead, R responsible, C co-operating.

    Example: fupin actors --matrix -f csv > matrix.csv
    """
    folder = scan(data)
    corpus = load_corpus(folder)
    docs = chosen(corpus.conn, doc, region)
    if matrix:
        keys, cells = responsibility_matrix(corpus, doc=docs)
        columns = [
            Column("doc", table=False),
            Column("task", no_wrap=True),
            Column("text", table=False),
            *(Column(unit) for unit in keys[3:]),
        ]
        return View(cells, columns)
    rows: list[dict[str, Any]] = [
        {
            "name": a.name,
            "aliases": list(a.aliases),
            "level": a.level.value,
            "kind": a.kind,
            "lead": a.lead,
            "co": a.co,
            "articles": a.articles,
            "successors": list(a.successors),
            "responsible": a.responsible,
        }
        for a in actor_loads(corpus, doc=docs, named_only=folder.actors.parent != folder.root)
    ]
    return View(rows, COLUMNS)
