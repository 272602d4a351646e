"""The hierarchy of rules as an indented tree: rich on a terminal, plain text elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from ..graph import SUPERIOR, RuleGraph
from .table import console
from .view import Screen


@dataclass
class TreeNode:
    """One line of the hierarchy: a rule, how it is joined to its parent, its children."""

    id: str
    relation: str | None
    label: str | None
    children: list[TreeNode]


def hierarchy(graph: RuleGraph) -> list[TreeNode]:
    """The graph as trees from the top rules down; a rule under each rule it rests on.

    Rules that only cite hang under the cited rule as leaves (their own place in the tree is
    under their superiors). Rules joined to nothing are left out, unless nothing is joined.
    """
    # a rule shown as the leaf of a rule it cites needs no tree of its own unless it has one
    shown = {e.target for e in graph.edges} | {
        e.source for e in graph.edges if e.relation in SUPERIOR
    }
    roots = [
        n.id
        for n in graph.nodes
        if (n.id in shown or not graph.edges) and not graph.superiors(n.id)
    ]

    def grow(node_id: str, relation: str | None, label: str | None, expand: bool) -> TreeNode:
        children: list[TreeNode] = []
        if expand:
            for e in graph.edges:
                if e.target == node_id:
                    children.append(grow(e.source, e.relation, e.label, e.relation in SUPERIOR))
        return TreeNode(node_id, relation, label, children)

    return [grow(r, None, None, True) for r in roots]


def _line(graph: RuleGraph, node: TreeNode) -> str:
    """`weiyuan  威远县脱贫攻坚责任制实施办法  [implements 第一条]`."""
    info = graph.node(node.id)
    text = f"{info.id}  {info.title}"
    if info.kind == "reference":
        text += "  (reference" + (f", {info.doc_number}" if info.doc_number else "") + ")"
    if node.relation:
        text += f"  [{node.relation}" + (f" {node.label}" if node.label else "") + "]"
    return text


def plain_tree(graph: RuleGraph) -> str:
    lines: list[str] = []

    def walk(node: TreeNode, depth: int) -> None:
        lines.append("  " * depth + _line(graph, node))
        for child in node.children:
            walk(child, depth + 1)

    for root in hierarchy(graph):
        walk(root, 0)
    return "\n".join(lines) + "\n"


def draw_tree(graph: RuleGraph, out: TextIO, screen: Screen) -> None:
    """The tree of `graph` on `out`: citing rules dimmed on a colour terminal."""
    if not screen.terminal:
        out.write(plain_tree(graph))
        return
    from rich.text import Text
    from rich.tree import Tree

    def add(parent: Tree, node: TreeNode) -> None:
        style = "dim" if node.relation == "cites" and screen.colour else ""
        branch = parent.add(Text(_line(graph, node), style=style))
        for child in node.children:
            add(branch, child)

    draw = console(out, screen)
    for root in hierarchy(graph):
        tree = Tree(Text(_line(graph, root), style="bold" if screen.colour else ""))
        for child in root.children:
            add(tree, child)
        draw.print(tree)
