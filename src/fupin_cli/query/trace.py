"""Where an article comes from: the chain of superior provisions, or how local rules took it up.

Up: from the article's document to each held superior document in the graph, the article that
the alignment of the two documents pairs with it, and on up from there. Down: every held
document that implements (or rests on) the document, the article paired with the one asked
about, and on down. References are not held, so a chain stops where the text stops. Only the
documents on the way are read from the index.
"""

from __future__ import annotations

from pydantic import Field

from ..align import DEFAULT_THRESHOLD, align
from ..corpus import Corpus
from ..graph import RuleGraph, build_graph
from ..models import Frozen, LinkRelation


class TraceStep(Frozen):
    """One provision on the way: which document, which article, how close to the one before."""

    doc: str
    no: int
    label: str
    similarity: float | None = Field(
        description="Similarity to the provision it was reached from; None for the start."
    )
    depth: int = Field(description="0 for the start, 1 for one document away, ...")
    relation: LinkRelation | None = Field(
        default=None, description="The graph edge walked to reach this document."
    )
    via: str | None = Field(default=None, description="The document it was reached from.")
    text: str


class Trace(Frozen):
    """The provisions reached from one article, in walking order."""

    direction: str = Field(description="up (superior provisions) or down (local versions).")
    threshold: float
    chain: tuple[TraceStep, ...]


def trace(
    corpus: Corpus,
    doc: str,
    ref: str,
    *,
    down: bool = False,
    threshold: float = DEFAULT_THRESHOLD,
    graph: RuleGraph | None = None,
) -> Trace:
    """The superior provisions of one article (or, with `down`, its local versions).

    Args:
        corpus: the loaded corpus.
        doc: id or alias of the document.
        ref: the article (14, 第十四条, 十四, (十四)).
        down: walk to the rules that implement the document instead of up.
        threshold: minimum similarity of an aligned pair (0..1).
        graph: the rule graph, if already built.

    Returns:
        The chain, starting with the article itself; down, a depth-first walk of the rules
        below.

    Raises:
        UnknownDocument, UnknownReference: the document or article does not exist.
    """
    start_doc = corpus.document(doc)
    graph = graph or build_graph(corpus, [start_doc.id], down=down)
    start = corpus.article(start_doc, ref)
    steps = [
        TraceStep(
            doc=start_doc.id,
            no=start.no,
            label=start.label,
            similarity=None,
            depth=0,
            text=start.full_text,
        )
    ]
    seen = {start_doc.id}

    def walk(doc_id: str, no: int, depth: int) -> None:
        edges = graph.inferiors(doc_id) if down else graph.superiors(doc_id)
        for edge in edges:
            other_id = edge.source if down else edge.target
            if other_id in seen or not corpus.has(other_id):
                continue
            here, other = corpus.document(doc_id), corpus.document(other_id)
            if down:
                pair = align(here, other, threshold).partner_of_left(no)
                other_no = pair.right if pair else None
            else:
                pair = align(other, here, threshold).partner_of_right(no)
                other_no = pair.left if pair else None
            if pair is None or other_no is None:
                continue
            seen.add(other_id)
            art = other.article(other_no)
            assert art is not None
            steps.append(
                TraceStep(
                    doc=other_id,
                    no=art.no,
                    label=art.label,
                    similarity=pair.similarity,
                    depth=depth + 1,
                    relation=edge.relation,
                    via=doc_id,
                    text=art.full_text,
                )
            )
            walk(other_id, art.no, depth + 1)

    walk(start_doc.id, start.no, 0)
    return Trace(direction="down" if down else "up", threshold=threshold, chain=tuple(steps))
