"""`fupin graph [DOC]` and `fupin lineage DOC`: the hierarchy of rules and one rule's superiors."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..graph import (
    RuleGraph,
    TreeNode,
    build_graph,
    hierarchy,
    lineage,
    neighbourhood,
    resolve_node,
    to_dot,
    to_graphml,
    to_mermaid,
)
from ..render import machine
from ..render.table import Column, TableSpec
from ..store import load_corpus
from .options import DataOpt, Format, FormatOpt, NoHeadersOpt
from .output import Output, emit
from .runtime import ExitCode, guarded, is_terminal, terminal_width


class GraphFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    tsv = "tsv"
    csv = "csv"
    dot = "dot"
    graphml = "graphml"
    mermaid = "mermaid"


EDGE_COLUMNS = ["source", "target", "relation", "eli", "article", "label", "curated", "phrase"]
LINEAGE_COLUMNS = ["depth", "id", "relation", "via", "article", "label", "kind", "title"]


def _line(graph: RuleGraph, node: TreeNode) -> str:
    """`weiyuan  威远县脱贫攻坚责任制实施办法  [implements 第一条]`."""
    info = graph.node(node.id)
    text = f"{info.id}  {info.title}"
    if info.kind == "reference":
        text += "  (reference" + (f", {info.doc_number}" if info.doc_number else "") + ")"
    if node.relation:
        text += f"  [{node.relation}" + (f" {node.label}" if node.label else "") + "]"
    return text


def _plain_tree(graph: RuleGraph, roots: list[TreeNode]) -> str:
    lines: list[str] = []

    def walk(node: TreeNode, depth: int) -> None:
        lines.append("  " * depth + _line(graph, node))
        for child in node.children:
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    return "\n".join(lines) + "\n"


def _rich_tree(graph: RuleGraph, roots: list[TreeNode]) -> None:
    from rich.console import Console
    from rich.text import Text
    from rich.tree import Tree

    no_color = "NO_COLOR" in os.environ
    console = Console(
        file=sys.stdout,
        force_terminal=True,
        no_color=no_color,
        width=terminal_width(),
        highlight=False,
        emoji=False,
    )

    def add(parent: Tree, node: TreeNode) -> None:
        style = "dim" if node.relation == "cites" and not no_color else ""
        branch = parent.add(Text(_line(graph, node), style=style))
        for child in node.children:
            add(branch, child)

    for root in roots:
        tree = Tree(Text(_line(graph, root), style="" if no_color else "bold"))
        for child in root.children:
            add(tree, child)
        console.print(tree)


def _edge_records(graph: RuleGraph) -> list[dict[str, Any]]:
    return [e.model_dump(mode="json") for e in graph.edges]


@guarded
def graph(
    doc: Annotated[
        str | None,
        typer.Argument(
            help="Only this document's neighbourhood (id, alias, or reference id).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        GraphFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="table (a tree), json, jsonl / tsv / csv (edges), dot, graphml, mermaid.",
        ),
    ] = GraphFormat.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """The hierarchy of rules: which document implements, rests on or cites which.

    Example: fupin graph yunnan -f mermaid
    """
    corpus = load_corpus(data)
    full = build_graph(corpus)
    shown = neighbourhood(full, resolve_node(corpus, doc)) if doc else full
    out = sys.stdout
    if fmt is GraphFormat.dot:
        out.write(to_dot(shown))
    elif fmt is GraphFormat.mermaid:
        out.write(to_mermaid(shown))
    elif fmt is GraphFormat.graphml:
        out.write(to_graphml(shown))
    elif fmt is GraphFormat.json:
        machine.write_json(out, shown.model_dump(mode="json"))
    elif fmt is GraphFormat.jsonl:
        machine.write_jsonl(out, _edge_records(shown))
    elif fmt is GraphFormat.tsv:
        machine.write_tsv(out, _edge_records(shown), EDGE_COLUMNS, headers=not no_headers)
    elif fmt is GraphFormat.csv:
        machine.write_csv(out, _edge_records(shown), EDGE_COLUMNS, headers=not no_headers)
    elif is_terminal():
        _rich_tree(shown, hierarchy(shown))
    else:
        out.write(_plain_tree(shown, hierarchy(shown)))


@guarded
def lineage_command(
    doc: Annotated[str, typer.Argument(help="Document id or alias (or a reference id).")],
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """The superior rules of a document up to the top, nearest first, one per line.

    Exit status 1 when the rule has no superior. Example: fupin lineage weiyuan
    """
    corpus = load_corpus(data)
    steps = lineage(build_graph(corpus), resolve_node(corpus, doc))
    records = [s.model_dump(mode="json") for s in steps]

    def table() -> TableSpec:
        cols = [
            Column("id", "id", no_wrap=True),
            Column("depth", "depth", no_wrap=True),
            Column("relation", "relation", no_wrap=True),
            Column("via", "via"),
            Column("label", "article", no_wrap=True),
            Column("title", "title", ratio=3),
        ]
        rows: list[dict[str, Any]] = [
            {**{k: "" if v is None else str(v) for k, v in r.items()}} for r in records
        ]
        return TableSpec(cols, rows)

    emit(Output(records, records, LINEAGE_COLUMNS, table), fmt, no_headers)
    raise typer.Exit(ExitCode.OK if steps else ExitCode.NO_MATCH)


def register(app: typer.Typer) -> None:
    app.command("graph")(graph)
    app.command("lineage")(lineage_command)
