"""`fupin chain [ACTOR]`: the pledge-and-report ladder, or everything above and below an actor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import typer

from ...corpus import load_corpus
from ...i18n import N_, _
from ...query.chain import RELATION_KINDS, ChainLink, chain, check_relation, ladder
from ...render.graphs import actor_drawing, to_dot, to_mermaid
from ...render.view import LISTING_FORMATS, Column, Format, View
from ...render.words import level_word, relation_word
from .. import complete
from ..documents import chosen
from ..options import DataOpt, DocOpt, NoHeadersOpt, RegionOpt, WideOpt, format_option
from ..runtime import command

ChainFormatOpt = Annotated[
    Format,
    format_option(
        (*LISTING_FORMATS, Format.dot, Format.mermaid),
        _(
            "table for people; json / jsonl / tsv / csv for programs; dot / mermaid "
            "draw the actor graph."
        ),
    ),
]
RelationOpt = Annotated[
    str | None,
    typer.Option(
        "--relation",
        "-r",
        autocompletion=complete.relations,
        show_default=False,
        help=_("Only this relation: " + ", ".join(RELATION_KINDS) + "."),
    ),
]
SIDES = {"above": N_("above"), "own": N_("own"), "below": N_("below")}
ARROWS = {"up": " ↑", "down": " ↓", "across": " →"}


def _from(row: Mapping[str, Any]) -> str:
    return f"{row['from']} ({level_word(row['from_level'])})"


def _relation(row: Mapping[str, Any]) -> str:
    degree = f" {row['degree']}" if row.get("degree") else ""
    return f"{relation_word(row['relation'])}{degree}{ARROWS.get(row.get('direction') or '', '')}"


def _to(row: Mapping[str, Any]) -> str:
    if row.get("to") and row.get("to_level"):
        return f"{row['to']} ({level_word(row['to_level'])})"
    return ""


def columns(with_side: bool) -> list[Column]:
    cols = [Column("side", no_wrap=True, show=lambda r: _(SIDES[r["side"]]))] if with_side else []
    return [
        *cols,
        Column("doc", no_wrap=True),
        Column("ref", no_wrap=True),
        Column("from", ratio=2, show=_from),
        Column("relation", ratio=2, show=_relation),
        Column("to", ratio=2, show=_to),
        Column("degree", table=False),
        Column("phrase", ratio=4),
        Column("direction", table=False),
    ]


def record(x: ChainLink) -> dict[str, Any]:
    """The JSON contract: the model's own dump, `from` spelled as in the data."""
    return x.model_dump(mode="json", by_alias=True)


@command
def chain_command(
    actor: Annotated[
        str | None,
        typer.Argument(
            autocompletion=complete.units,
            help=_(
                "Actor name, alias, other script or an unambiguous part; without "
                "it, the pledge-and-report ladder of every document."
            ),
            show_default=False,
        ),
    ] = None,
    relation: RelationOpt = None,
    doc: DocOpt = None,
    region: RegionOpt = None,
    fmt: ChainFormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """Who signs pledges and reports to whom, who assesses, inspects and holds whom to account.

    Examples: fupin chain; fupin chain 县级党委和政府; fupin chain --relation assesses -f dot
    """
    check_relation(relation)
    corpus = load_corpus(data)
    docs = chosen(corpus.conn, doc, region)
    if actor is None:
        links = ladder(corpus, doc=docs, relation=relation)
        title = _("Responsibility chain: {what}").format(
            what=relation_word(relation)
            if relation
            else _("pledges (signs_pledge_to) and reports (reports_to), top step first")
        )
    else:
        links = chain(corpus, actor, doc=docs, relation=relation)
        title = _("{actor}: above it, its own duties, below it").format(
            actor=corpus.registry.resolve(actor)
        )
    return View(
        [record(x) for x in links],
        columns(with_side=actor is not None),
        title=title,
        formats={
            Format.dot: lambda: to_dot(actor_drawing(links)),
            Format.mermaid: lambda: to_mermaid(actor_drawing(links)),
        },
    )
