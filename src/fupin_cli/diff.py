"""How one rule became another: aligned articles, their character diff and typed changes.

Built on `align`: for every pair, an inline diff of the (readable-form) texts (diff-match-patch with
semantic clean-up) and the changes a reader looks for first: the duty moved to another actor,
a modal word (应当, 必须, ...) added or dropped, clauses added or dropped. diff_match_patch is
imported inside the functions.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from .align import DEFAULT_THRESHOLD, Pair, align, similarity, unit_text
from .corpus import ActorRegistry, Corpus
from .graph import RelationName, RuleGraph, build_graph, relation_between
from .models import Document, Frozen
from .normalize import normalize, readable
from .terms import Target

ChangeKind = Literal["actor", "modal", "clause_added", "clause_removed", "target"]
OpName = Literal["equal", "delete", "insert"]
Only = Literal["changed", "left", "right", "actor"]

#: Words that set how binding a duty is; longest first so 应当 is not read as something else.
MODALS: tuple[str, ...] = ("有条件的", "应当", "必须", "可以", "鼓励")
_MODAL = re.compile("|".join(MODALS))
_CLAUSE_SPLIT = re.compile(r"[,;。\n]")
#: A clause this similar to one on the other side was edited, not added or removed.
CLAUSE_MATCH = 0.5
_OPS: dict[int, OpName] = {-1: "delete", 0: "equal", 1: "insert"}


class Change(Frozen):
    """One typed change; `left` / `right` hold the words as they stand (readable form)."""

    kind: ChangeKind
    left: str | None = None
    right: str | None = None


class DiffPair(Frozen):
    """Two aligned articles and what changed between them."""

    left: int = Field(description="Article no on the left side.")
    right: int = Field(description="Article no on the right side.")
    left_label: str
    right_label: str
    similarity: float
    status: Literal["same", "changed"]
    changes: tuple[Change, ...] = ()
    ops: tuple[tuple[OpName, str], ...] = Field(
        description="Character diff of the texts (readable form) as [op, text] pairs."
    )


class DocumentDiff(Frozen):
    """The diff of two documents, with how they stand to each other in the graph."""

    left: str
    right: str
    relation: RelationName
    relation_detail: str
    threshold: float
    pairs: tuple[DiffPair, ...]
    left_only: tuple[int, ...]
    right_only: tuple[int, ...]

    @property
    def same(self) -> bool:
        """True when every article is paired with an identical one (after normalization)."""
        return (
            not self.left_only
            and not self.right_only
            and all(p.status == "same" for p in self.pairs)
        )


@functools.cache
def _actor_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    keys = sorted({readable(n) for n in names if readable(n)}, key=lambda k: (-len(k), k))
    return re.compile("|".join(re.escape(k) for k in keys))


def actor_mentions(registry: ActorRegistry, text: str) -> list[tuple[str, str]]:
    """(words as written, canonical actor) for each actor named in normalized `text`, in order."""
    pattern = _actor_pattern(tuple(registry.names()))
    out: list[tuple[str, str]] = []
    for m in pattern.finditer(text):
        canon = registry.canonical(m.group(0))
        if canon is not None:
            out.append((m.group(0), canon))
    return out


def actor_changes(registry: ActorRegistry, left: str, right: str) -> list[Change]:
    """Actors named on one side only; one dropped and one added make a move (left → right)."""
    left_m, right_m = actor_mentions(registry, left), actor_mentions(registry, right)
    right_canon = {c for _, c in right_m}
    left_canon = {c for _, c in left_m}
    removed = list(dict.fromkeys(w for w, c in left_m if c not in right_canon))
    added = list(dict.fromkeys(w for w, c in right_m if c not in left_canon))
    changes = [Change(kind="actor", left=a, right=b) for a, b in zip(removed, added, strict=False)]
    changes += [Change(kind="actor", left=a) for a in removed[len(added) :]]
    changes += [Change(kind="actor", right=b) for b in added[len(removed) :]]
    return changes


def modal_changes(left: str, right: str) -> list[Change]:
    """Modal words that occur more often on one side (added or removed)."""
    lc, rc = Counter(_MODAL.findall(left)), Counter(_MODAL.findall(right))
    changes: list[Change] = []
    for word in MODALS:
        if lc[word] > rc[word]:
            changes.append(Change(kind="modal", left=word))
        elif rc[word] > lc[word]:
            changes.append(Change(kind="modal", right=word))
    return changes


def clauses(text: str) -> list[str]:
    """The clauses of a normalized text, split on ，；。 and line breaks."""
    return [c for c in _CLAUSE_SPLIT.split(text) if c]


def clause_changes(left: str, right: str) -> list[Change]:
    """Clauses with no close counterpart on the other side."""
    lcs, rcs = clauses(left), clauses(right)

    def unmatched(these: list[str], others: list[str]) -> list[str]:
        return [
            c
            for c in these
            if c not in others
            and max((similarity(c, o) for o in others), default=0.0) < CLAUSE_MATCH
        ]

    changes = [Change(kind="clause_removed", left=c) for c in unmatched(lcs, rcs)]
    changes += [Change(kind="clause_added", right=c) for c in unmatched(rcs, lcs)]
    return changes


def target_changes(left: Sequence[Target], right: Sequence[Target]) -> list[Change]:
    """A figure changed (a county raising a provincial target): targets paired by what they
    measure, else in order among those of one unit; one left over is added or dropped."""

    def shown(t: Target) -> str:
        return f"{t.subject or ''} {t.quantity}".strip()

    rest = list(right)
    changes: list[Change] = []
    unpaired: list[Target] = []
    for t in left:
        key = normalize(t.subject) if t.subject else None
        same = [r for r in rest if key and r.subject and normalize(r.subject) == key]
        if not same:
            unpaired.append(t)
            continue
        r = same[0]
        rest.remove(r)
        if (t.value, t.upper, t.unit, t.comparison) != (r.value, r.upper, r.unit, r.comparison):
            changes.append(Change(kind="target", left=shown(t), right=shown(r)))
    for t in unpaired:
        other = next((r for r in rest if r.unit == t.unit), None)
        if other is None:
            changes.append(Change(kind="target", left=shown(t)))
            continue
        rest.remove(other)
        if (t.value, t.upper, t.comparison) != (other.value, other.upper, other.comparison):
            changes.append(Change(kind="target", left=shown(t), right=shown(other)))
    changes += [Change(kind="target", right=shown(r)) for r in rest]
    return changes


def char_diff(left: str, right: str) -> list[tuple[OpName, str]]:
    """Character-level diff with semantic clean-up, as (op, text) pairs."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # articles are short: always the exact diff, never a timed-out one
    ops = dmp.diff_main(left, right)
    dmp.diff_cleanupSemantic(ops)
    return [(_OPS[op], text) for op, text in ops]


def diff_pair(
    registry: ActorRegistry, left_doc: Document, right_doc: Document, pair: Pair
) -> DiffPair:
    """The diff of one aligned pair."""
    la, ra = left_doc.article(pair.left), right_doc.article(pair.right)
    assert la is not None and ra is not None
    # equality by the matching normalizer; the words shown (ops, changes) in readable form
    lt, rt = readable(la.full_text), readable(ra.full_text)
    if unit_text(la) == unit_text(ra):
        return DiffPair(**pair.model_dump(), status="same", ops=(("equal", lt),))
    changes = [*actor_changes(registry, lt, rt), *modal_changes(lt, rt), *clause_changes(lt, rt)]
    changes += target_changes(la.targets, ra.targets)
    return DiffPair(
        **pair.model_dump(), status="changed", changes=tuple(changes), ops=tuple(char_diff(lt, rt))
    )


def diff_documents(
    corpus: Corpus,
    left: str,
    right: str,
    threshold: float = DEFAULT_THRESHOLD,
    graph: RuleGraph | None = None,
) -> DocumentDiff:
    """Align two documents and describe every change between them.

    Args:
        corpus: the loaded corpus.
        left: id or alias of one document (the superior one, when one implements the other).
        right: id or alias of the other.
        threshold: minimum similarity of a pair (0..1).
        graph: the rule graph, if already built.

    Returns:
        The diff; `same` tells whether the documents are equal after normalization.

    Raises:
        UnknownDocument: a name matches no document.
    """
    ldoc, rdoc = corpus.document(left), corpus.document(right)
    graph = graph or build_graph(corpus, [ldoc.id, rdoc.id])
    relation, detail = relation_between(graph, ldoc.id, rdoc.id)
    alignment = align(ldoc, rdoc, threshold)
    pairs = tuple(diff_pair(corpus.registry, ldoc, rdoc, p) for p in alignment.pairs)
    return DocumentDiff(
        left=ldoc.id,
        right=rdoc.id,
        relation=relation,
        relation_detail=detail,
        threshold=threshold,
        pairs=pairs,
        left_only=alignment.left_only,
        right_only=alignment.right_only,
    )


def select(diff: DocumentDiff, only: Only | None) -> DocumentDiff:
    """Keep only changed pairs, only one side's unpaired articles, or pairs with actor changes."""
    if only is None:
        return diff
    if only == "changed":
        return diff.model_copy(
            update={
                "pairs": tuple(p for p in diff.pairs if p.status == "changed"),
                "left_only": (),
                "right_only": (),
            }
        )
    if only == "actor":
        return diff.model_copy(
            update={
                "pairs": tuple(p for p in diff.pairs if any(c.kind == "actor" for c in p.changes)),
                "left_only": (),
                "right_only": (),
            }
        )
    if only == "left":
        return diff.model_copy(update={"pairs": (), "right_only": ()})
    return diff.model_copy(update={"pairs": (), "left_only": ()})


def inline(ops: tuple[tuple[OpName, str], ...] | list[tuple[OpName, str]]) -> str:
    """The diff as one line that reads without colour: deletions [-…-], insertions {+…+}."""
    out = []
    for op, text in ops:
        out.append(text if op == "equal" else f"[-{text}-]" if op == "delete" else f"{{+{text}+}}")
    return "".join(out)


def describe(change: Change) -> str:
    """`actor: 县级党委和政府 → 镇党委、政府`, `modal: -应当`, `clause_added: +…`."""
    if change.left is not None and change.right is not None:
        return f"{change.kind}: {change.left} → {change.right}"
    if change.left is not None:
        return f"{change.kind}: -{change.left}"
    return f"{change.kind}: +{change.right}"
