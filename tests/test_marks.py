"""The two algorithms under the page: marks laid back on the text as written, moved pairs."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fupin_cli.diff import char_diff
from fupin_cli.normalize import readable
from fupin_cli.render.marks import mark_pieces, moved_pairs


def marked(text: str, other: str, side: str) -> list[tuple[str, str]]:
    """The pieces of `text` (left side) or `other` (right side) after diffing the two."""
    left, right = (text, other) if side == "left" else (other, text)
    ops = char_diff(readable(left), readable(right))
    return list(mark_pieces(text, ops, side))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "other", "side", "pieces"),
    [
        # the same words: nothing marked, whatever the script and punctuation width
        ("縣級黨委和政府,負責", "县级党委和政府，负责", "left", [("equal", "縣級黨委和政府,負責")]),
        # traditional script: the mark lands on the characters as printed
        (
            "指導鄉(鎮)、村組織",
            "指导乡、村组织",
            "left",
            [("equal", "指導鄉"), ("delete", "(鎮)"), ("equal", "、村組織")],
        ),
        (
            "指導鄉（鎮）、村組織",
            "指导乡、村组织",
            "left",
            [("equal", "指導鄉"), ("delete", "（鎮）"), ("equal", "、村組織")],
        ),
        # whitespace inside a deletion belongs to it; at its edge it does not
        (
            "县级党委\n和政府 承担",
            "政府承担",
            "left",
            [("delete", "县级党委\n和"), ("equal", "政府 承担")],
        ),
        (
            "镇党委、政府",
            "县级党委和政府",
            "right",
            [("insert", "镇"), ("equal", "党委"), ("insert", "、"), ("equal", "政府")],
        ),
        ("", "县级党委", "right", []),
    ],
)
def test_marks_fall_on_the_text_as_written(
    text: str, other: str, side: str, pieces: list[tuple[str, str]]
) -> None:
    assert marked(text, other, side) == pieces


def test_a_diff_of_another_form_of_the_text_is_aligned() -> None:
    # the fold is one character to one: ㈠ is not "(一)" (NFKC would make it three), so it
    # differs from it
    pieces = marked("第㈠项由县负责", "第(一)项由镇负责", "left")
    assert ("delete", "㈠") in pieces and ("delete", "县") in pieces
    # marks from a diff of another form of the text ("(一)" for ㈠) are aligned onto it
    ops = char_diff("第(一)项由县负责", "第(一)项由镇负责")
    pieces = list(mark_pieces("第㈠项由县负责", ops, "left"))
    assert "".join(p for _, p in pieces) == "第㈠项由县负责"
    assert ("delete", "县") in pieces and ("equal", "第㈠项由") in pieces


texts = st.text(alphabet="县级党委和政府縣級黨委镇鎮,，、。 \n()（）㈠", max_size=30)


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_pieces_are_the_text_and_marks_are_the_diff(left: str, right: str) -> None:
    ops = char_diff(readable(left), readable(right))
    for side, text, own in (("left", left, "delete"), ("right", right, "insert")):
        pieces = mark_pieces(text, ops, side)  # type: ignore[arg-type]
        assert "".join(p for _, p in pieces) == text
        assert all(p for _, p in pieces)
        assert {m for m, _ in pieces} <= {"equal", own}
        assert all(a != b for (a, _), (b, _) in itertools.pairwise(pieces))  # runs are merged
        # where folding is one to one, the marked characters fold to the diff's own
        diffed = "".join(t for op, t in ops if op == own)
        if "㈠" not in text:
            assert readable("".join(p for m, p in pieces if m == own)) == readable(diffed)


@pytest.mark.parametrize(
    ("positions", "moved"),
    [
        ([], set()),
        ([0, 1, 2], set()),
        ([5, 9, 12], set()),  # gaps (unpaired articles) are not moves
        ([1, 0], {1}),  # two that swapped: the later one moved
        ([0, 3, 1, 2], {1}),  # one article moved down
        ([3, 0, 1, 2], {0}),
        ([2, 3, 4, 5, 0, 1], {4, 5}),
        ([4, 5, 6, 0, 1, 2, 3], {0, 1, 2}),  # the shorter block moved
        ([2, 3, 0, 1], {2, 3}),  # two equal blocks swapped: the later block moved
    ],
)
def test_moved_pairs(positions: list[int], moved: set[int]) -> None:
    assert moved_pairs(positions) == moved


def _longest(positions: list[int]) -> int:
    best = [1] * len(positions)
    for i in range(len(positions)):
        for j in range(i):
            if positions[j] < positions[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 60), unique=True, max_size=25))
def test_pairs_in_place_are_a_longest_increasing_subsequence(positions: list[int]) -> None:
    moved = moved_pairs(positions)
    kept = [p for i, p in enumerate(positions) if i not in moved]
    assert kept == sorted(kept)
    assert len(kept) == _longest(positions)
