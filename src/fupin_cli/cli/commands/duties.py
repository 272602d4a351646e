"""`fupin duties UNIT`: what a unit leads, co-operates on and is named in."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ...corpus import Corpus, load_corpus
from ...i18n import _
from ...query.responsibility import Duties, hit_record
from ...query.responsibility import duties as duties_query
from ...render.view import Format, View
from .. import complete
from ..columns import any_responsible, hit_columns
from ..documents import chosen
from ..options import (
    CurrentOpt,
    DataOpt,
    DocOpt,
    FormatOpt,
    LevelOpt,
    NoHeadersOpt,
    RegionOpt,
    WideOpt,
)
from ..runtime import command, read_queries

ROLES = ("lead", "responsible", "co", "articles")


@command
def duties(
    actor: Annotated[
        str,
        typer.Argument(
            autocompletion=complete.units,
            help=_(
                "Unit name, alias, today's name, or an unambiguous part (水利厅); '-' reads "
                "names from stdin, one per line."
            ),
        ),
    ],
    doc: DocOpt = None,
    region: RegionOpt = None,
    level: LevelOpt = None,
    current: CurrentOpt = False,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """What a unit leads, is responsible for, co-operates on and is named in.

    With several units (from stdin) the answer lists each unit's rows in turn; `-f json`
    is always a list with one object per unit.

    Example: fupin duties 省交通厅
    """
    corpus = load_corpus(data)
    docs = chosen(corpus.conn, doc, region, level.value if level else None)
    results = [duties_query(corpus, name, doc=docs, level=level) for name in read_queries([actor])]
    now = corpus if current else None
    rows: list[dict[str, Any]] = [
        {"actor": res.actor, "role": "article" if role == "articles" else role} | hit_record(h, now)
        for res in results
        for role in ROLES
        for h in getattr(res, role)
    ]
    return View(
        rows,
        hit_columns(
            current=now, role=True, several=len(results) > 1, responsible=any_responsible(rows)
        ),
        title="; ".join(_summary(res) for res in results),
        data=[_record(res, now) for res in results],
        notes=[
            _("{unit} covers the historical unit(s): {units}").format(
                unit=res.actor, units="、".join(res.covers)
            )
            for res in results
            if res.covers != (res.actor,)
        ],
    )


def _summary(res: Duties) -> str:
    covers = (
        ""
        if res.covers == (res.actor,)
        else _(" (covers {units})").format(units="、".join(res.covers))
    )
    responsible = (
        _("responsible for {n}, ").format(n=len(res.responsible)) if res.responsible else ""
    )
    return _(
        "{unit}{covers}: leads {lead}, {responsible}co-operates on {co}, "
        "named in {articles} article(s)"
    ).format(
        unit=res.actor,
        covers=covers,
        lead=len(res.lead),
        responsible=responsible,
        co=len(res.co),
        articles=len(res.articles),
    )


def _record(res: Duties, corpus: Corpus | None) -> dict[str, Any]:
    """One unit's JSON object: its name, what it covers, counts, and the rows by role."""
    return {
        "actor": res.actor,
        "covers": list(res.covers),
        "counts": {role: len(getattr(res, role)) for role in ROLES},
        **{role: [hit_record(h, corpus) for h in getattr(res, role)] for role in ROLES},
    }
