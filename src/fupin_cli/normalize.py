"""The one text normalizer: every match and comparison in fupin goes through `normalize`.

It folds what differs between two printings of the same rule but not its meaning:
traditional and Taiwan forms to simplified mainland forms (OpenCC ``tw2sp``), full-width
punctuation and letters to their half-width forms (NFKC), and all whitespace. Display always
uses the text as the document wrote it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

_WHITESPACE = re.compile(r"\s+")
# NFKC leaves these brackets alone; doc numbers are written with 〔〕 and with [] alike.
_EXTRA_FOLD = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]"})


@functools.cache
def _converter() -> Any:
    import opencc  # imported lazily: only commands that match text pay for it

    return opencc.OpenCC("tw2sp")


@functools.cache
def _plain_converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def fold_width(text: str) -> str:
    """Fold full-width punctuation, digits and letters to half width (，→, （）→() ：→:)."""
    return unicodedata.normalize("NFKC", text).translate(_EXTRA_FOLD)


def to_simplified(text: str) -> str:
    """Convert traditional / Taiwan forms and phrases to mainland simplified (網際網路→互联网)."""
    return str(_converter().convert(text))


def _fold_once(text: str) -> str:
    text = to_simplified(fold_width(_WHITESPACE.sub("", text)))
    return _WHITESPACE.sub("", fold_width(text))


def normalize(text: str) -> str:
    """Return the comparison form of `text`: simplified, half-width, without whitespace.

    Idempotent: ``normalize(normalize(t)) == normalize(t)``. One pass is not always enough (a
    phrase rule and a character rule may overlap; NFKC may leave a combining mark that joins
    its neighbour once a space is gone), so the fold is repeated until nothing changes.
    """
    if not text:
        return ""
    out = _fold_once(text)
    for _ in range(4):
        again = _fold_once(out)
        if again == out:
            break
        out = again
    return out


def readable(text: str) -> str:
    """Like `normalize`, but only traditional -> simplified (OpenCC ``t2s``), no Taiwan phrases.

    For showing a comparison to people (the words of a diff): ``tw2sp`` also rewrites mainland
    words (建立 -> 创建, 支援 -> 支持), which is harmless for matching, since both sides are
    rewritten, but wrong to display. Equality is still decided by `normalize`.
    """
    if not text:
        return ""
    out = text
    for _ in range(5):
        folded = fold_width(_WHITESPACE.sub("", out))
        again = _WHITESPACE.sub("", fold_width(str(_plain_converter().convert(folded))))
        if again == out:
            break
        out = again
    return out


class _CharKeys(dict[int, str]):
    """A str.translate table: each character folded on its own to one character (memoized).

    Whitespace becomes a space. Characters convert with ``t2s`` one by one, so positions map
    back 1:1 to the text as written.
    """

    def __missing__(self, ordinal: int) -> str:
        ch = chr(ordinal)
        key = " " if ch.isspace() else (readable(ch)[:1] or " ")
        self[ordinal] = key
        return key


_CHAR_KEYS = _CharKeys()
_NON_SPACE = re.compile(r"\S")


def char_keys(text: str) -> str:
    """Each character of `text` folded on its own, so positions map back 1:1.

    Used only to place highlights in the text as written; matching uses `normalize`.
    """
    return text.translate(_CHAR_KEYS)


@functools.lru_cache(maxsize=256)
def _needles(terms: tuple[str, ...]) -> frozenset[str]:
    """The forms to look for, computed once per query rather than once per hit."""
    return frozenset(n for term in terms for n in (readable(term), normalize(term)) if n)


def find_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where each term occurs in `text` as written (any script, width), merged and sorted."""
    keys = char_keys(text)
    if " " in keys:  # a match may run across whitespace: search the text without it
        where = [m.start() for m in _NON_SPACE.finditer(keys)]
        hay = keys.replace(" ", "")
    else:
        where, hay = [], keys
    # characters are folded one by one, so look for each term folded by character (t2s) and,
    # for Taiwan phrases such as 網際網路, by phrase (tw2sp)
    needles = _needles(tuple(terms))
    spans: list[tuple[int, int]] = []
    for needle in needles:
        start = hay.find(needle)
        while start != -1:
            end = start + len(needle)
            spans.append((where[start], where[end - 1] + 1) if where else (start, end))
            start = hay.find(needle, end)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def snippet(
    text: str, spans: list[tuple[int, int]], width: int = 60
) -> tuple[str, list[tuple[int, int]]]:
    """Cut `text` to about `width` characters around its first span; shift the spans to match."""
    flat = text.replace("\n", " ")
    if len(flat) <= width:
        return flat, spans
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 3, len(flat) - width))
    end = min(len(flat), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shifted = [
        (a - start + len(prefix), b - start + len(prefix))
        for a, b in spans
        if a >= start and b <= end
    ]
    return prefix + flat[start:end] + suffix, shifted
