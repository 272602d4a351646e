"""`fupin chain [ACTOR]`: the pledge-and-report ladder, or everything above and below an actor."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..query.chain import RELATION_KINDS, ChainLink, UnknownRelation, chain, ladder
from ..render.table import Column, TableSpec
from ..store import load_corpus
from .options import DataOpt, DocOpt, Format, NoHeadersOpt
from .output import Output, emit
from .runtime import exit_with, guarded


class ChainFormat(StrEnum):
    """The shared formats plus two graph languages for drawing the actor graph."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    tsv = "tsv"
    csv = "csv"
    dot = "dot"
    mermaid = "mermaid"


ChainFormatOpt = Annotated[
    ChainFormat,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="table for people; json / jsonl / tsv / csv for programs; dot / mermaid "
        "draw the actor graph.",
    ),
]
RelationOpt = Annotated[
    str | None,
    typer.Option(
        "--relation",
        "-r",
        show_default=False,
        help="Only this relation: " + ", ".join(RELATION_KINDS) + ".",
    ),
]
COLUMNS = ["side", "doc", "ref", "from", "relation", "to", "degree", "phrase", "direction"]


def record(x: ChainLink) -> dict[str, Any]:
    """The JSON contract: the model's own dump, `from` spelled as in the data."""
    return x.model_dump(mode="json", by_alias=True)


def _table(links: Sequence[ChainLink], title: str, with_side: bool) -> TableSpec:
    cols = [
        Column("doc", "doc", no_wrap=True),
        Column("ref", "ref", no_wrap=True),
        Column("from", "from", ratio=2),
        Column("relation", "relation", ratio=2),
        Column("to", "to", ratio=2),
        Column("phrase", "phrase", ratio=4, max_width=60),
    ]
    if with_side:
        cols.insert(0, Column("side", "side", no_wrap=True))
    rows: list[dict[str, Any]] = []
    for x in links:
        arrow = {"up": " ↑", "down": " ↓", "across": " →"}.get(x.direction or "", "")
        rows.append(
            {
                "side": x.side or "",
                "doc": x.doc,
                "ref": x.ref,
                "from": f"{x.from_} ({x.from_level.value})",
                "relation": x.relation + (f" {x.degree}" if x.degree else "") + arrow,
                "to": f"{x.to} ({x.to_level.value})" if x.to and x.to_level else "",
                "phrase": x.phrase,
            }
        )
    return TableSpec(cols, rows, title=title)


def _nodes(links: Sequence[ChainLink]) -> list[tuple[str, str]]:
    """(name, level) of every actor at either end of a link, in first-seen order."""
    seen: dict[str, str] = {}
    for x in links:
        seen.setdefault(x.from_, x.from_level.value)
        if x.to and x.to_level:
            seen.setdefault(x.to, x.to_level.value)
    return list(seen.items())


def to_dot(links: Sequence[ChainLink]) -> str:
    """Graphviz source of the actor graph; relations without a second actor are left out."""

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph chain {", "  rankdir=BT;", "  node [shape=box];"]
    # \n inside a quoted Graphviz label is a line break: add it after escaping the name
    lines += [f'  {q(name)} [label={q(name)[:-1]}\\n{level}"];' for name, level in _nodes(links)]
    for x in links:
        if x.to:
            edge = q(f"{x.relation} {x.doc} {x.ref}")
            lines.append(f"  {q(x.from_)} -> {q(x.to)} [label={edge}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(links: Sequence[ChainLink]) -> str:
    """Mermaid flowchart of the actor graph; node ids are n0, n1 ... in first-seen order."""

    def label(text: str) -> str:
        return text.replace('"', "#quot;")

    ids = {name: f"n{i}" for i, (name, _) in enumerate(_nodes(links))}
    lines = ["flowchart BT"]
    lines += [f'  {ids[name]}["{label(name)} ({level})"]' for name, level in _nodes(links)]
    for x in links:
        if x.to:
            lines.append(f'  {ids[x.from_]} -->|"{x.relation} {x.doc} {label(x.ref)}"| {ids[x.to]}')
    return "\n".join(lines) + "\n"


@guarded
def chain_command(
    actor: Annotated[
        str | None,
        typer.Argument(
            help="Actor name, alias, other script or an unambiguous part; without "
            "it, the pledge-and-report ladder of every document.",
            show_default=False,
        ),
    ] = None,
    relation: RelationOpt = None,
    doc: DocOpt = None,
    fmt: ChainFormatOpt = ChainFormat.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """Who signs pledges and reports to whom, who assesses, inspects and holds whom to account.

    Examples: fupin chain; fupin chain 县级党委和政府; fupin chain --relation assesses -f dot
    """
    if relation is not None and relation not in RELATION_KINDS:
        raise UnknownRelation(relation)
    corpus = load_corpus(data)
    if actor is None:
        links = ladder(corpus, doc=doc, relation=relation)
        title = "Responsibility chain: " + (
            relation or "pledges (signs_pledge_to) and reports (reports_to), top step first"
        )
    else:
        links = chain(corpus, actor, doc=doc, relation=relation)
        name = corpus.registry.resolve(actor)
        title = f"{name}: above it, its own duties, below it"
    if fmt is ChainFormat.dot:
        sys.stdout.write(to_dot(links))
    elif fmt is ChainFormat.mermaid:
        sys.stdout.write(to_mermaid(links))
    else:
        records = [record(x) for x in links]
        columns = COLUMNS if actor is not None else COLUMNS[1:]
        emit(
            Output(
                records, records, columns, lambda: _table(links, title, with_side=actor is not None)
            ),
            Format(fmt.value),
            no_headers,
        )
    exit_with(bool(links))


def register(app: typer.Typer) -> None:
    app.command("chain")(chain_command)
