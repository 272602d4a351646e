"""Article alignment: which article of one document corresponds to which of another.

Every article (or numbered item) of one side is paired with at most one of the other by the
best total similarity over both documents (a maximum-weight bipartite matching), so articles
that moved are still found. Similarity is the Indel ratio of the normalized texts, so script,
punctuation width and whitespace never count as differences. Pairs below a threshold are not
pairs. networkx and rapidfuzz are imported inside the functions.
"""

from __future__ import annotations

from pydantic import Field

from .models import Article, Document, Frozen
from .normalize import normalize

#: Below this similarity two articles are not taken for one another. Chosen by reading the
#: seeds: the weakest true pairs (解释 and 参照本办法 articles) score 0.34-0.37; wrong pairs
#: score up to 0.32 (yunnan 6 / weiyuan 10), documents that share nothing (central /
#: heilongjiang) at most 0.25. Parallel purpose clauses (为…制定本办法) may fall either side.
DEFAULT_THRESHOLD = 0.33


class Pair(Frozen):
    """Two articles taken for versions of one provision."""

    left: int = Field(description="Article no on the left side.")
    right: int = Field(description="Article no on the right side.")
    left_label: str
    right_label: str
    similarity: float = Field(ge=0, le=1, description="Similarity of the normalized texts.")


class Alignment(Frozen):
    """The pairs between two documents and the articles left over on each side."""

    left: str
    right: str
    threshold: float
    pairs: tuple[Pair, ...]
    left_only: tuple[int, ...]
    right_only: tuple[int, ...]

    def partner_of_left(self, no: int) -> Pair | None:
        return next((p for p in self.pairs if p.left == no), None)

    def partner_of_right(self, no: int) -> Pair | None:
        return next((p for p in self.pairs if p.right == no), None)


def unit_text(article: Article) -> str:
    """What is compared: the normalized lead-in, text and items of the article."""
    return normalize(article.full_text)


def similarity(a: str, b: str) -> float:
    """Indel similarity of two (normalized) texts in 0..1; 1 when they are equal."""
    from rapidfuzz import fuzz

    if not a and not b:
        return 1.0
    return float(fuzz.ratio(a, b)) / 100.0


def align(left: Document, right: Document, threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """Pair the articles of two documents one-to-one by the best total similarity.

    Args:
        left: one document (the superior one, when one implements the other).
        right: the other document.
        threshold: pairs scoring below it are dropped (0..1).

    Returns:
        Pairs in the left document's order, then the unpaired article numbers of each side.
    """
    import networkx as nx

    lefts = [unit_text(a) for a in left.articles]
    rights = [unit_text(a) for a in right.articles]
    n, m = max(len(lefts), 1), max(len(rights), 1)
    g = nx.Graph()
    scores: dict[tuple[int, int], float] = {}
    for i, a in enumerate(lefts):
        for j, b in enumerate(rights):
            score = similarity(a, b)
            if score < threshold:
                continue
            scores[i, j] = score
            # between equal scores, prefer the pair at the same place in both documents
            closeness = 1.0 - abs(i / n - j / m)
            g.add_edge(("L", i), ("R", j), weight=score + 1e-6 * closeness)
    matched: dict[int, int] = {}
    for u, v in nx.max_weight_matching(g):
        (_, i), (_, j) = (u, v) if u[0] == "L" else (v, u)
        matched[i] = j
    pairs = tuple(
        Pair(
            left=left.articles[i].no,
            right=right.articles[j].no,
            left_label=left.articles[i].label,
            right_label=right.articles[j].label,
            similarity=round(scores[i, j], 4),
        )
        for i, j in sorted(matched.items())
    )
    used = set(matched.values())
    return Alignment(
        left=left.id,
        right=right.id,
        threshold=threshold,
        pairs=pairs,
        left_only=tuple(a.no for i, a in enumerate(left.articles) if i not in matched),
        right_only=tuple(a.no for j, a in enumerate(right.articles) if j not in used),
    )
