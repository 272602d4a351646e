"""Graphs drawn in the languages other tools read: Graphviz DOT, Mermaid, GraphML.

Every graph fupin draws (the hierarchy of rules, the actor graph of the responsibility chain)
is first turned into a `Drawing` of boxes and labelled arrows; one writer per language draws
any drawing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..graph import RuleGraph
    from ..query.chain import ChainLink

Shape = Literal["box", "ellipse"]


@dataclass(frozen=True)
class Node:
    id: str
    lines: tuple[str, ...]  # the label, one entry per line
    shape: Shape = "box"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    dashed: bool = False
    attrs: Mapping[str, str] = field(default_factory=dict)  # extra DOT attributes


@dataclass(frozen=True)
class Drawing:
    name: str
    nodes: Sequence[Node]
    edges: Sequence[Edge]


def rule_drawing(graph: RuleGraph) -> Drawing:
    """The hierarchy of rules: documents as boxes, references as ellipses, citations dashed."""
    nodes = [
        Node(n.id, (n.id, n.title), "box" if n.kind == "document" else "ellipse")
        for n in graph.nodes
    ]
    edges = [
        Edge(
            e.source,
            e.target,
            e.relation + (f" {e.label}" if e.label else ""),
            dashed=e.relation == "cites",
            attrs={"eli": e.eli},
        )
        for e in graph.edges
    ]
    return Drawing("fupin", nodes, edges)


def actor_drawing(links: Sequence[ChainLink]) -> Drawing:
    """The actor graph of chain links; relations without a second actor are left out."""
    seen: dict[str, str] = {}
    for x in links:
        seen.setdefault(x.from_, x.from_level.value)
        if x.to and x.to_level:
            seen.setdefault(x.to, x.to_level.value)
    nodes = [Node(name, (name, level)) for name, level in seen.items()]
    edges = [Edge(x.from_, x.to, f"{x.relation} {x.doc} {x.ref}") for x in links if x.to]
    return Drawing("chain", nodes, edges)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(drawing: Drawing) -> str:
    """Graphviz source, lower rules and actors drawn below the ones they point to."""
    lines = [f"digraph {drawing.name} {{", "  rankdir=BT;", '  node [fontname="sans-serif"];']
    for n in drawing.nodes:
        label = "\\n".join(_quote(part)[1:-1] for part in n.lines)  # DOT's own line break
        lines.append(f'  {_quote(n.id)} [label="{label}", shape={n.shape}];')
    for e in drawing.edges:
        attrs = [f"label={_quote(e.label)}"]
        attrs += [f"{k}={_quote(v)}" for k, v in e.attrs.items()]
        attrs += ["style=dashed"] if e.dashed else []
        lines.append(f"  {_quote(e.source)} -> {_quote(e.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


_MERMAID_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_NEEDS_QUOTES = re.compile(r"[()\[\]{}|\"<>]")


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;")


def to_mermaid(drawing: Drawing) -> str:
    """A Mermaid flowchart; ASCII ids are kept (n0, n1 ... stand in for the others)."""
    ids = {
        n.id: n.id.replace("-", "_") if _MERMAID_SAFE_ID.match(n.id) else f"n{i}"
        for i, n in enumerate(drawing.nodes)
    }
    lines = ["flowchart BT"]
    for n in drawing.nodes:
        text = _mermaid_text("<br/>".join(n.lines))
        shape = f'["{text}"]' if n.shape == "box" else f'(["{text}"])'
        lines.append(f"  {ids[n.id]}{shape}")
    for e in drawing.edges:
        arrow = "-.->" if e.dashed else "-->"
        label = e.label
        if _NEEDS_QUOTES.search(label):
            label = f'"{_mermaid_text(label)}"'
        lines.append(f"  {ids[e.source]} {arrow}|{label}| {ids[e.target]}")
    return "\n".join(lines) + "\n"


def to_graphml(graph: RuleGraph) -> str:
    """GraphML through networkx, with every node and edge field as an attribute."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(graph.to_networkx())) + "\n"
