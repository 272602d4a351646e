"""What the comparison page marks: the character diff on the text as written, moved pairs,
and the labels of typed changes.

Under `render.comparison`: `mark_pieces` lays the diff of the readable forms back onto a
document's own characters (traditional script, full-width punctuation and line breaks kept);
`moved_pairs` says which pairs of an alignment stand out of order; `labels` names the typed
changes of a pair as a row shows them.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from ..diff import Change, OpName
from ..normalize import char_keys

Mark = Literal["equal", "delete", "insert"]
Pieces = tuple[tuple[Mark, str], ...]


def moved_pairs(right_positions: Sequence[int]) -> set[int]:
    """Which pairs moved: indexes of `right_positions` (the right article's position in its
    document, for the pairs in left order) that are not on a longest increasing subsequence.

    The pairs kept in place are a longest subsequence whose right positions increase; every
    other pair is moved. Where several such subsequences are equally long (two blocks that
    swapped places), the one that keeps the earlier pairs of the left document is chosen, so
    the later block is the one marked as moved. O(n log n).
    """
    n = len(right_positions)
    # longest[i]: length of the longest increasing subsequence that starts at pair i
    longest = [0] * n
    tails: list[int] = []  # patience piles over the pairs from the end, on negated positions
    for i in range(n - 1, -1, -1):
        value = -right_positions[i]
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
        else:
            tails[at] = value
        longest[i] = at + 1
    need, last, kept = len(tails), -1, set()
    for i, pos in enumerate(right_positions):
        if need and longest[i] == need and pos > last:
            kept.add(i)
            last, need = pos, need - 1
    return set(range(n)) - kept


def mark_pieces(
    text: str, ops: Iterable[tuple[OpName, str]], side: Literal["left", "right"]
) -> Pieces:
    """`text` as written, cut into pieces marked by the character diff `ops`.

    The diff runs on the readable form (simplified, half-width, no whitespace); each character
    as written is folded on its own (`char_keys`) and laid against that form, so the marks land
    on the document's own characters. Where a fold is not one to one, the two forms are aligned
    and a character takes the mark of the part it is aligned with.
    """
    own: Mark = "delete" if side == "left" else "insert"
    shown: list[str] = []
    shown_marks: list[Mark] = []
    for op, part in ops:
        if op == "equal" or op == own:
            shown.append(part)
            shown_marks += [own if op == own else "equal"] * len(part)
    keys = char_keys(text)
    where = [i for i, k in enumerate(keys) if k != " "]
    hay = "".join(keys[i] for i in where)
    marks: list[Mark] = ["equal"] * len(text)
    wanted = "".join(shown)
    if hay == wanted:
        for k, i in enumerate(where):
            marks[i] = shown_marks[k]
    else:
        matcher = SequenceMatcher(None, hay, wanted, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    marks[where[i1 + k]] = shown_marks[j1 + k]
            elif tag == "replace" and own in shown_marks[j1:j2]:
                for k in range(i1, i2):
                    marks[where[k]] = own
    # whitespace inside a marked run belongs to it
    for a, b in itertools.pairwise(where):
        if b > a + 1 and marks[a] == marks[b] != "equal":
            marks[a + 1 : b] = [marks[a]] * (b - a - 1)
    return _runs(text, marks)


def _runs(text: str, marks: Sequence[Mark]) -> Pieces:
    pieces: list[tuple[Mark, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[start]:
            pieces.append((marks[start], text[start:i]))
            start = i
    return tuple(pieces)


@dataclass(frozen=True)
class Label:
    """A typed change as the row shows it: `actor` `县级党委和政府 → 镇党委、政府`.

    Attributes:
        kind: the change's kind (`actor`, `modal`, `clause_added`, `clause_removed`).
        name: the kind in words.
        detail: what changed, short.
        whole: all of it (the clauses themselves, for a tooltip).
    """

    kind: str
    name: str
    detail: str
    whole: str


def labels(changes: Sequence[Change]) -> tuple[Label, ...]:
    """The labels of a row: one per actor or modal change, one count per kind of clause change.

    Clauses added or removed are already highlighted in the texts; a label per clause would
    bury the actor and modal changes a reader looks for first.
    """
    out: list[Label] = []
    for change in changes:
        if change.kind in ("actor", "modal"):
            if change.left is not None and change.right is not None:
                detail = f"{change.left} → {change.right}"
            else:
                detail = f"−{change.left}" if change.left is not None else f"+{change.right}"
            out.append(Label(change.kind, change.kind, detail, detail))
    for kind, verb in (("clause_removed", "removed"), ("clause_added", "added")):
        clauses = [c.left or c.right or "" for c in changes if c.kind == kind]
        if clauses:
            name = f"{'clause' if len(clauses) == 1 else f'{len(clauses)} clauses'} {verb}"
            out.append(Label(kind, name, "", "；".join(clauses)))
    return tuple(out)
