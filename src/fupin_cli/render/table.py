"""Tables for people: rich on a terminal, plain aligned columns anywhere else.

On a terminal rich draws borders and colour (NO_COLOR turns colour off); when stdout is not a
terminal nothing but text is written, so `| head`, `| grep` and files stay clean. rich is
imported only when a terminal table is actually drawn.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any, NamedTuple, TextIO

from .view import Screen

Span = tuple[int, int]


class Cell(NamedTuple):
    text: str
    spans: Sequence[Span] = ()


class Column(NamedTuple):
    key: str
    header: str
    ratio: int | None = None  # share of spare width on a terminal
    no_wrap: bool = False


class TableSpec(NamedTuple):
    columns: list[Column]
    rows: Iterable[tuple[str | Cell, ...]]  # one cell per column, in column order (read once)
    title: str | None = None
    caption: str | None = None


class _ExtraWidth(dict[str, int]):
    """1 for a wide or full-width character (it takes two columns), else 0 (memoized)."""

    def __missing__(self, ch: str) -> int:
        extra = int(ch > "\u10ff" and unicodedata.east_asian_width(ch) in "WF")
        self[ch] = extra
        return extra


_EXTRA_WIDTH = _ExtraWidth()


def display_width(text: str) -> int:
    """Columns a string takes on a terminal (wide and full-width characters take two)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_EXTRA_WIDTH.__getitem__, text))


def _plain(value: str | Cell) -> str:
    text = value.text if isinstance(value, Cell) else value
    return text.replace("\n", " ")


#: A plain table is aligned on its first rows and then written as the rest come, so that a
#: long answer (a search with a million hits, piped to `head`) streams in constant memory.
ALIGN_ROWS = 1000


def render_plain(spec: TableSpec, out: TextIO, headers: bool = True) -> None:
    """Aligned columns separated by two spaces; the last column is never padded.

    The widths are those of the header and the first `ALIGN_ROWS` rows; a later, wider cell
    pushes the rest of its line along rather than being cut.
    """
    cols = spec.columns
    if spec.title and headers:
        out.write(spec.title + "\n")
    rows = (tuple(map(_plain, r)) for r in spec.rows)  # each cell made plain once
    first = list(islice(rows, ALIGN_ROWS))
    body: list[tuple[str, ...]] = first
    if headers:
        body = [tuple(c.header for c in cols), *first]
    # the last column is never padded, so its width is never needed
    widths: list[int] = []
    if body and len(cols) > 1:
        widths = [max(map(_text_width, column)) for column in zip(*body, strict=True)][:-1]
    for r in body:
        out.write(_line(r, widths))
    for r in rows:
        out.write(_line(r, widths))


def _line(row: Sequence[str], widths: Sequence[int]) -> str:
    """One row: every cell but the last padded to its column's width."""
    cells = [v + " " * (w - _text_width(v)) for v, w in zip(row, widths, strict=False)]
    cells += row[len(widths) :]
    return "  ".join(cells).rstrip() + "\n"


@functools.lru_cache(maxsize=8192)
def _text_width(text: str) -> int:
    return display_width(text)  # memoized: ids and labels repeat


def console(out: TextIO, screen: Screen) -> Any:
    """A rich Console drawing on `out` as `screen` allows (imported only when drawing)."""
    from rich.console import Console

    return Console(
        file=out,
        force_terminal=True,
        no_color=not screen.colour,
        width=screen.width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


def render_rich(spec: TableSpec, out: TextIO, screen: Screen, headers: bool = True) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    no_color = not screen.colour
    table = Table(
        title=spec.title,
        caption=spec.caption,
        box=box.SIMPLE_HEAD,
        show_header=headers,
        header_style="bold",
        expand=False,
    )
    for c in spec.columns:
        table.add_column(c.header, ratio=c.ratio, no_wrap=c.no_wrap, overflow="fold")
    for row in spec.rows:
        cells = []
        for value in row:
            if isinstance(value, Cell):
                text = Text(value.text)
                for a, b in value.spans:
                    text.stylize("bold red" if not no_color else "bold underline", a, b)
                cells.append(text)
            else:
                cells.append(Text(value))
        table.add_row(*cells)
    console(out, screen).print(table)


def render_table(spec: TableSpec, out: TextIO, screen: Screen, headers: bool = True) -> None:
    """Borders and colour on a terminal, plain aligned columns anywhere else."""
    if screen.terminal:
        render_rich(spec, out, screen, headers=headers)
    else:
        render_plain(spec, out, headers=headers)
