"""The hierarchy of rules as an indented tree: rich on a terminal, plain text elsewhere."""

from __future__ import annotations

from typing import TextIO

from ..graph import RuleGraph, TreeNode, hierarchy
from .table import console
from .view import Screen


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
