"""How wide each column of a terminal table is: the content people read first gets the room.

A table that fits as it is keeps its natural widths. Otherwise the columns that hold the
reading (titles, text, units: those with a `ratio`) are given a share of the line first; then
the short ones (ids, levels, dates, counts) get what they need to stand whole, and the reading
the rest. Short columns give way down to their narrowest readable width: the widest piece of
their text without a break opportunity (an id still breaks after its hyphen, never inside a
word). When even that would not leave the reading its share, the least important short
columns (the rightmost, never the first) are left out and named, so that nothing is cut in
silence; `--wide` shows every column whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len

from .linebreak import HEADER_BREAKS, longest_unit

#: Cells between two columns (rich's SIMPLE_HEAD box without edges).
GAP = 3
#: The share of the line promised to the columns that hold the reading.
SHARE = 0.4
#: The narrowest a wrapping column is made, when its content is wider.
NARROWEST = 4
#: A piece without a break wider than this (a long English word) may be cut in a text column.
WORD = 12


class Fit(NamedTuple):
    """The columns kept (indexes into the table's columns) and the width of each."""

    shown: list[int]
    widths: list[int]


def _natural(texts: Sequence[str]) -> int:
    return max((cell_len(line) for t in texts for line in t.split("\n")), default=0)


def _raise(
    widths: list[int], idx: list[int], caps: list[int], weights: list[int], room: int
) -> int:
    """Widen the columns `idx` toward `caps`, sharing `room` by `weights`; the room left."""
    while room > 0:
        open_ = [i for i in idx if widths[i] < caps[i]]
        if not open_:
            break
        total = sum(weights[i] for i in open_) or len(open_)
        given = 0
        for i in open_:
            share = max(1, room * (weights[i] or 1) // total)
            step = min(share, caps[i] - widths[i], room - given)
            widths[i] += step
            given += step
            if given >= room:
                break
        if given == 0:
            break
        room -= given
    return room


def fit(
    columns: Sequence[Sequence[str]],
    ratios: Sequence[int | None],
    wraps: Sequence[bool],
    total: int,
) -> Fit:
    """The columns to show and their widths on a line of `total` cells.

    Args:
        columns: each column's texts, its header first.
        ratios: a column's importance (None: a short column).
        wraps: whether a column may be cut inside a word when it must (text); a column that
            may not (ids, references) breaks only where a line may break.
        total: the terminal's width.
    """
    n = len(columns)
    natural = [_natural(texts) for texts in columns]
    least = []
    for texts, nat, wrap in zip(columns, natural, wraps, strict=True):
        unit = max((longest_unit(t) for t in texts[1:]), default=0)
        head = longest_unit(texts[0], HEADER_BREAKS) if texts else 0
        if wrap:  # a header's words stay whole; a line holds a few characters at least
            header = cell_len(texts[0]) if cell_len(texts[0]) <= WORD else head
            least.append(min(nat, max(header, min(unit, WORD), 2 * NARROWEST)))
        else:
            least.append(max(unit, head))
    shown = list(range(n))
    while True:
        avail = total - GAP * (len(shown) - 1)
        if sum(natural[i] for i in shown) <= avail:
            return Fit(shown, [natural[i] for i in shown])
        big = [i for i in shown if ratios[i]]
        small = [i for i in shown if not ratios[i]]
        promised = min(sum(natural[i] for i in big), int(avail * SHARE))
        droppable = [i for i in small if i != shown[0]]
        if sum(least[i] for i in small) + promised <= avail or not droppable or not big:
            break
        shown.remove(droppable[-1])
    widths = [least[i] if not ratios[i] else min(natural[i], NARROWEST) for i in range(n)]
    room = avail - sum(widths[i] for i in shown)
    weights = [r or 0 for r in ratios]
    # the reading first, up to its share; then the short columns whole; then the reading whole
    share = [promised * w // max(1, sum(weights)) for w in weights]
    caps = [min(natural[i], max(widths[i], share[i])) for i in range(n)]
    room = _raise(widths, big, caps, weights, room)
    room = _raise(widths, small, natural, [1] * n, room)
    _raise(widths, big, natural, weights, room)
    return Fit(shown, [widths[i] for i in shown])
