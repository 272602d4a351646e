"""The graph of documents and the superior rules they implement, rest on or cite.

Nodes are the held documents and the entries of the reference registry. Edges point from the
local rule to the rule it names, each with the article that names it: the curated `based_on` /
`cites` links of the documents, plus a `cites` edge for every other rule the text cites by its
exact title or document number (`extract_citations`). Matching is exact after `normalize`;
never fuzzy, so a 分工方案 of one decision is never taken for the 分工方案 of another. The
citations are found and resolved when the index is built; the graph reads stored edges, never
the texts, and a question about a few rules reads only their part of the graph (`focus`).

networkx is imported inside the functions that need it, never at import time. The graph is
drawn (DOT, Mermaid, GraphML) by `render.graphs`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field

from .corpus import Corpus, suggest
from .errors import UnknownDocument
from .levels import Level
from .models import Frozen

ELI = "http://data.europa.eu/eli/ontology#"
#: Edge names and the ELI property each stands for.
ELI_PROPERTIES: dict[str, str] = {
    "implements": ELI + "implements",
    "based_on": ELI + "based_on",
    "cites": ELI + "cites",
    "repeals": ELI + "repeals",
    # ELI has no "replaces"; Dublin Core's is the usual term
    "replaces": "http://purl.org/dc/terms/replaces",
}
#: A graph's edges: the links of `models.Link`, and the repeals a text states (原《X》同时废止).
EdgeRelation = Literal["implements", "based_on", "cites", "repeals", "replaces"]
#: Relations that end the target's force (the source takes its place).
ENDS: tuple[str, ...] = ("repeals", "replaces")
_UNDONE_BY: dict[str, Literal["repealed_by", "replaced_by"]] = {
    "repeals": "repealed_by",
    "replaces": "replaced_by",
}
#: Relations that make the target a superior rule of the source.
SUPERIOR: tuple[str, ...] = ("implements", "based_on")


class GraphNode(Frozen):
    """A held document or a rule known from the reference registry."""

    id: str
    kind: Literal["document", "reference"]
    title: str
    short_title: str | None = None
    level: Level | None = None
    region: str | None = None
    doc_number: str | None = None


class GraphEdge(Frozen):
    """`source` names `target` in article `article` (None: in the title or preamble)."""

    source: str
    target: str
    relation: EdgeRelation
    eli: str = Field(description="The ELI property the relation stands for.")
    article: int | None = None
    label: str | None = Field(default=None, description="Label of the article, as written.")
    phrase: str
    curated: bool = Field(description="From the curated links (else found in the text).")


class RuleGraph(Frozen):
    """Nodes and edges in corpus order; `to_networkx` for graph algorithms."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]

    def node(self, node_id: str) -> GraphNode:
        return next(n for n in self.nodes if n.id == node_id)

    def superiors(self, node_id: str) -> list[GraphEdge]:
        """Edges from `node_id` to the rules it implements or rests on."""
        return [e for e in self.edges if e.source == node_id and e.relation in SUPERIOR]

    def inferiors(self, node_id: str) -> list[GraphEdge]:
        """Edges into `node_id` from the rules that implement it or rest on it."""
        return [e for e in self.edges if e.target == node_id and e.relation in SUPERIOR]

    def ancestors(self, node_id: str) -> set[str]:
        """Every rule above `node_id` through implements / based_on edges."""
        return {step.id for step in lineage(self, node_id)}

    def to_networkx(self) -> Any:
        """A networkx MultiDiGraph with the nodes' and edges' fields as attributes."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for n in self.nodes:
            g.add_node(n.id, **_attrs(n.model_dump(mode="json")))
        for e in self.edges:
            g.add_edge(e.source, e.target, **_attrs(e.model_dump(mode="json")))
        return g


def _attrs(record: dict[str, Any]) -> dict[str, Any]:
    """GraphML takes no None: leave empty fields out."""
    return {k: v for k, v in record.items() if v is not None}


@dataclass(frozen=True)
class Citation:
    """A rule named in a document's text: 《title》, a doc number, or both together."""

    doc: str
    article: int | None
    label: str | None
    cited: str  # the title (without 《》) or the number, as written
    number: str | None  # a doc number written after the title, or the cited number itself
    target: str | None  # id of the document or reference it resolves to, else None
    phrase: str  # the citation as written


def extract_citations(corpus: Corpus) -> list[Citation]:
    """Every rule a document cites by 《title》 or doc number, resolved exactly where possible.

    The texts were read and the citations resolved when the index was built
    (`extract.citations`); this reads the stored result. A doc number in brackets right after
    a title belongs to that title; the title decides and the number is used when the title
    alone does not resolve. Self-citations are left out.

    Args:
        corpus: the loaded corpus.

    Returns:
        Citations in document and text order; `target` is None for unresolved ones (short
        forms such as 《决定》).
    """
    from .index.rules import citation_rows

    return [Citation(*row) for row in citation_rows(corpus.conn)]


def _document_node(row: tuple[Any, ...]) -> GraphNode:
    doc_id, title, short_title, level, region, doc_number = row
    return GraphNode(
        id=doc_id,
        kind="document",
        title=title,
        short_title=short_title,
        level=level,
        region=region,
        doc_number=doc_number,
    )


def _reference_node(data: dict[str, Any]) -> GraphNode:
    return GraphNode(
        id=data["id"],
        kind="reference",
        title=data["title"],
        level=data.get("level"),
        doc_number=data.get("doc_number"),
    )


def _edge(row: tuple[Any, ...]) -> GraphEdge:
    source, target, relation, article, label, phrase, curated = row
    return GraphEdge(
        source=source,
        target=target,
        relation=relation,
        eli=ELI_PROPERTIES[relation],
        article=article,
        label=label,
        phrase=phrase,
        curated=bool(curated),
    )


def _closure(corpus: Corpus, start: Iterable[str], down: bool) -> set[str]:
    """Every rule above (or below) the start rules through implements / based_on edges."""
    from .index.rules import edges

    seen = set(start)
    frontier = list(seen)
    while frontier:
        rows = (
            edges(corpus.conn, targets=frontier) if down else edges(corpus.conn, sources=frontier)
        )
        frontier = []
        for source, target, relation, *_ in rows:
            far = source if down else target
            if relation in SUPERIOR and far not in seen:
                seen.add(far)
                frontier.append(far)
    return seen


def build_graph(
    corpus: Corpus, focus: Iterable[str] | None = None, *, down: bool = False
) -> RuleGraph:
    """The graph of held documents and registry references, from the index's stored edges.

    Curated links come first; a resolved citation adds a `cites` edge only when no curated link
    joins the same two rules (decided when the index was built).

    Args:
        corpus: the loaded corpus.
        focus: only what the graph questions about these rules need: everything above them
            (and, with `down`, below them) through implements / based_on, and every edge
            that touches them. None: the whole graph.
        down: with `focus`, also the rules below.

    Returns:
        The graph; edges in document order.
    """
    from .index.rules import document_nodes, edges, reference_nodes

    if focus is None:
        rows = edges(corpus.conn)
        nodes = [_document_node(r) for r in document_nodes(corpus.conn)]
        nodes += [_reference_node(r) for r in reference_nodes(corpus.conn)]
        return RuleGraph(nodes=tuple(nodes), edges=tuple(_edge(r) for r in rows))
    start = list(dict.fromkeys(focus))
    line = _closure(corpus, start, down=False)
    if down:
        line |= _closure(corpus, start, down=True)
    candidates = edges(corpus.conn, sources=sorted(line), targets=start)
    kept = [
        r
        for r in candidates
        if r[0] in start or r[1] in start or (r[2] in SUPERIOR and r[0] in line and r[1] in line)
    ]
    ids = line | {r[0] for r in kept} | {r[1] for r in kept}
    nodes = [_document_node(r) for r in document_nodes(corpus.conn, sorted(ids))]
    nodes += [_reference_node(r) for r in reference_nodes(corpus.conn, sorted(ids))]
    return RuleGraph(nodes=tuple(nodes), edges=tuple(_edge(r) for r in kept))


def resolve_node(corpus: Corpus, key: str) -> str:
    """A node id for a document id or alias, or a reference's id, title or doc number.

    Raises:
        UnknownDocument: nothing matches; suggests close ids.
    """
    from .normalize import normalize

    try:
        return corpus.document_id(key)
    except UnknownDocument:
        pass
    norm = normalize(key)
    for ref in corpus.references:
        names = (ref.id, ref.title, *ref.aliases, *([ref.doc_number] if ref.doc_number else []))
        if any(normalize(n) == norm for n in names):
            return ref.id
    ids = corpus.ids() + [r.id for r in corpus.references]
    raise UnknownDocument(key, suggest(key, ids))


class LineageStep(Frozen):
    """One superior rule of a document: how far up, and the edge that leads to it."""

    depth: int = Field(description="1 for a direct superior, 2 for its superior, ...")
    id: str
    kind: Literal["document", "reference"]
    title: str
    relation: EdgeRelation | Literal["repealed_by", "replaced_by"]
    via: str = Field(description="The rule that implements or rests on this one.")
    article: int | None = None
    label: str | None = None


def lineage(graph: RuleGraph, node_id: str) -> list[LineageStep]:
    """The superior rules of `node_id` up to the top, nearest first (each rule once).

    Args:
        graph: the rule graph.
        node_id: a node id (see `resolve_node`).

    Returns:
        Steps in breadth-first order; empty for a rule with no superior.
    """
    seen = {node_id}
    steps: list[LineageStep] = []
    queue: deque[tuple[str, int]] = deque([(node_id, 0)])
    while queue:
        current, depth = queue.popleft()
        for edge in sorted(graph.superiors(current), key=lambda e: SUPERIOR.index(e.relation)):
            if edge.target in seen:
                continue
            seen.add(edge.target)
            node = graph.node(edge.target)
            steps.append(
                LineageStep(
                    depth=depth + 1,
                    id=node.id,
                    kind=node.kind,
                    title=node.title,
                    relation=edge.relation,
                    via=current,
                    article=edge.article,
                    label=edge.label,
                )
            )
            queue.append((edge.target, depth + 1))
    return steps


def succession(graph: RuleGraph, node_id: str) -> list[LineageStep]:
    """The rules `node_id` repeals or replaces, and those that repeal or replace it (depth 1:
    not superiors, but the rules it took the place of, or that took its place)."""
    steps: list[LineageStep] = []
    for edge in graph.edges:
        if edge.relation not in ENDS or node_id not in (edge.source, edge.target):
            continue
        mine = edge.source == node_id
        node = graph.node(edge.target if mine else edge.source)
        steps.append(
            LineageStep(
                depth=1,
                id=node.id,
                kind=node.kind,
                title=node.title,
                relation=edge.relation if mine else _UNDONE_BY[edge.relation],
                via=edge.source,
                article=edge.article,
                label=edge.label,
            )
        )
    return steps


def descendants(graph: RuleGraph, node_id: str) -> set[str]:
    """Every rule below `node_id` through implements / based_on edges."""
    found: set[str] = set()
    stack = [node_id]
    while stack:
        for edge in graph.inferiors(stack.pop()):
            if edge.source not in found:
                found.add(edge.source)
                stack.append(edge.source)
    return found


RelationName = Literal[
    "same", "superior", "inferior", "sibling", "common_ancestor", "cites", "unrelated"
]


def relation_between(graph: RuleGraph, left: str, right: str) -> tuple[RelationName, str]:
    """How `left` stands to `right` in the graph, with a sentence for a header.

    Returns:
        `superior` when left is above right, `inferior` below, `sibling` when both rest on one
        rule directly, `common_ancestor` when they meet higher up, `cites` when one only cites
        the other, else `unrelated`.
    """
    if left == right:
        return "same", f"{left} is {right}"
    right_up = {s.id: s for s in lineage(graph, right)}
    left_up = {s.id: s for s in lineage(graph, left)}
    if left in right_up:
        return "superior", _path(graph, right, left) + f"; {left} is the superior rule"
    if right in left_up:
        return "inferior", _path(graph, left, right) + f"; {left} is the local rule"
    shared_direct = [
        e.target
        for e in graph.superiors(left)
        if e.target in {x.target for x in graph.superiors(right)}
    ]
    if shared_direct:
        return "sibling", f"{left} and {right} both rest on {shared_direct[0]}"
    shared = [s.id for s in lineage(graph, left) if s.id in right_up]
    if shared:
        return "common_ancestor", f"{left} and {right} both lead up to {shared[0]}"
    cite = next((e for e in graph.edges if {e.source, e.target} == {left, right}), None)
    if cite is not None:
        return "cites", f"{cite.source} cites {cite.target}"
    return "unrelated", f"{left} and {right} share no superior rule"


def _path(graph: RuleGraph, lower: str, upper: str) -> str:
    """`weiyuan implements central (第一条)`, through each step from lower up to upper."""
    steps = {s.id: s for s in lineage(graph, lower)}
    chain: list[LineageStep] = []
    at = upper
    while at != lower:
        step = steps[at]
        chain.append(step)
        at = step.via
    parts = [
        f"{s.via} {s.relation.replace('_', ' ')} {s.id}" + (f" ({s.label})" if s.label else "")
        for s in reversed(chain)
    ]
    return ", ".join(parts)


def neighbourhood(graph: RuleGraph, focus: str) -> RuleGraph:
    """The part of the graph around one rule: everything above and below it through
    implements / based_on, and what it cites or is cited by."""
    line = {focus} | graph.ancestors(focus) | descendants(graph, focus)
    edges = tuple(
        e
        for e in graph.edges
        if focus in (e.source, e.target)
        or (e.relation in SUPERIOR and e.source in line and e.target in line)
    )
    keep = line | {e.source for e in edges} | {e.target for e in edges}
    return RuleGraph(nodes=tuple(n for n in graph.nodes if n.id in keep), edges=edges)
