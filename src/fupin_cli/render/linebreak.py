"""Lines that fit a width, broken where Chinese (and English) typesetting allows.

Break opportunities follow the Unicode line-breaking algorithm (UAX #14): each character's
class comes from Unicode's own data through the `uniseg` library, not from a hand-made list,
and the pair rules that matter for prose are applied here (see `_may_break`): closing punctuation
(、。，）」》, class CL), non-starters (；：, class NS), `!?` (EX) and infix separators (IS) never
begin a line, opening brackets (（「《, class OP) never end one, and an English word or a date is
never cut while a break between words will do. Widths are terminal cells (rich's `cell_len`),
so a Chinese character counts two.

Only a word wider than the whole line is cut inside; even then, a character that may not begin a
line is kept with the one before it.
"""

from __future__ import annotations

import functools

from rich.cells import cell_len

#: UAX #14 classes that may not begin a line (kinsoku shori: 行頭禁則).
NO_START = frozenset({"CL", "CP", "EX", "IS", "NS"})
#: UAX #14 classes that may not end a line (行末禁則).
NO_END = frozenset({"OP"})


@functools.lru_cache(maxsize=4096)
def _line_break_class(ch: str) -> str:
    from uniseg.linebreak import line_break

    return str(line_break(ch))


def may_start(ch: str) -> bool:
    """Whether `ch` may begin a line."""
    return _line_break_class(ch) not in NO_START


def may_end(ch: str) -> bool:
    """Whether `ch` may end a line."""
    return _line_break_class(ch) not in NO_END


#: Pairs inside a word: letters, digits and the signs that cling to them (LB 23-28).
_WORD = frozenset({"AL", "HL", "NU", "PR", "PO", "CM", "ZWJ"})
#: Classes no break may come before (LB 7-13, 16, 21, 22): spaces, closing punctuation,
#: non-starters, hyphens, ellipses, combining marks, glue.
_NOT_BEFORE = NO_START | {"SP", "BA", "HY", "IN", "CM", "ZWJ", "GL", "SY", "ZW"}
#: Classes no break may come after (LB 11, 12, 14): opening punctuation, glue, joiners.
_NOT_AFTER = NO_END | {"GL", "ZWJ", "WJ"}


def _quote(ch: str) -> str:
    """A quotation mark (QU) as it opens (OP) or closes (CL) by its general category: 「“」
    opens, 」”」 closes in Chinese text."""
    import unicodedata

    return {"Pi": "OP", "Pf": "CL", "Ps": "OP", "Pe": "CL"}.get(unicodedata.category(ch), "QU")


def _class(ch: str) -> str:
    """The UAX #14 class, resolved as the algorithm's first rule (LB 1) says for text with no
    East Asian context given: ambiguous (AI, such as ·) as a letter; quotation marks by the way
    they face, so that a break after a closing ” is allowed, as Chinese typesetting does."""
    found = _line_break_class(ch)
    if found == "QU":
        return _quote(ch)
    return "AL" if found in ("AI", "SG", "XX") else found


def _may_break(before: str, after: str) -> bool:
    """Whether a line may break between two characters of these UAX #14 classes: the pair
    rules of UAX #14 that matter for Chinese and English prose (uniseg's own implementation
    of the whole algorithm is exact but some hundred times slower, too slow for a help page)."""
    if before == "SP":
        return after not in _NOT_BEFORE
    if after in _NOT_BEFORE or before in _NOT_AFTER:
        return False
    if before in ("HY", "BA"):
        return after != "NU"  # 2016-10-11 stays whole; yunnan- / division may break
    if after in _WORD and (before in _WORD or (before == "IS" and after != "NU")):
        return False  # a word, a number, example.org
    if before == "SY" and after == "NU":
        return False  # 1/3
    return not (before == after == "B2")  # —— stays whole


def _units(paragraph: str) -> list[str]:
    """The pieces no line may break inside (UAX #14 break opportunities)."""
    classes = [_class(ch) for ch in paragraph]
    units: list[str] = []
    start = 0
    for i in range(1, len(paragraph)):
        if _may_break(classes[i - 1], classes[i]):
            units.append(paragraph[start:i])
            start = i
    if paragraph:
        units.append(paragraph[start:])
    return units


def _pieces(paragraph: str, breaks: str | None) -> list[str]:
    """The pieces of a paragraph no line may break inside: by UAX #14, or, with `breaks`,
    only after one of those characters (a list of names: a line breaks after 、, never inside
    a name)."""
    if breaks is None:
        return _units(paragraph)
    pieces: list[str] = []
    start = 0
    for i, ch in enumerate(paragraph):
        if ch in breaks and i + 1 < len(paragraph):
            pieces.append(paragraph[start : i + 1])
            start = i + 1
    if paragraph:
        pieces.append(paragraph[start:])
    return pieces


def _cut(unit: str, width: int) -> list[str]:
    """A unit wider than a line, cut into pieces of at most `width` cells; a piece never starts
    with a character that may not begin a line (it moves back to the piece before) and never
    ends with one that may not end it."""
    pieces: list[str] = []
    current = ""
    for ch in unit:
        if current and cell_len(current + ch) > width:
            carried = ch
            # move characters to the next piece until it may start and this one may end
            while len(current) > 1 and not (may_start(carried[0]) and may_end(current[-1])):
                carried = current[-1] + carried
                current = current[:-1]
            pieces.append(current)
            current = carried
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: int, breaks: str | None = None) -> list[str]:
    """`text` as lines of at most `width` terminal cells (newlines kept as breaks).

    A line is cut only where UAX #14 allows (or, with `breaks`, only after one of those
    characters), so no line begins with 、。，；：）」 and none ends with （「; spaces at a break
    are dropped. A word wider than the line is cut inside it.
    """
    width = max(width, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for unit in _pieces(paragraph, breaks):
            if cell_len(line + unit.rstrip()) <= width:
                line += unit
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            unit = unit.lstrip() if lines else unit
            if cell_len(unit.rstrip()) <= width:
                line = unit
                continue
            *whole, line = _cut(unit.rstrip(), width)
            lines.extend(whole)
        lines.append(line.rstrip())
    return lines


def longest_unit(text: str, breaks: str | None = None) -> int:
    """The width of the widest piece `text` cannot be broken inside (a column's least width
    before words are cut)."""
    return max(
        (cell_len(u.rstrip()) for p in text.split("\n") for u in _pieces(p, breaks)), default=0
    )


#: Where a column's header may break: between its words and after a hyphen, never inside a
#: word (牵头单位 / 主体, co-operating).
HEADER_BREAKS = " /-"
#: Where a list of names may break: after the list's separator, never inside a name.
NAME_BREAKS = "、"
