"""Tables for people: rich on a terminal, plain aligned columns anywhere else.

On a terminal rich draws borders and colour (NO_COLOR turns colour off); when stdout is not a
terminal nothing but text is written, so `| head`, `| grep` and files stay clean. rich is
imported only when a terminal table is actually drawn.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any, NamedTuple, TextIO

from ..normalize import display_width
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
    names: bool = False  # a list of names: a line breaks after 、, never inside a name


class TableSpec(NamedTuple):
    columns: list[Column]
    rows: Iterable[tuple[str | Cell, ...]]  # one cell per column, in column order (read once)
    title: str | None = None
    caption: str | None = None


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


#: A cell of a fitted table shows at most this many lines (then "…"); --wide shows all.
MOST_LINES = 8


def _cell_lines(
    value: str | Cell, width: int | None, colour: bool, breaks: str | None = None
) -> Any:
    """A cell as rich Text: wrapped to `width` where a line may break (None: as it is; with
    `breaks`, only after those characters), cut after MOST_LINES lines, the query's terms
    marked."""
    from rich.text import Text

    text, spans = (value.text, value.spans) if isinstance(value, Cell) else (value, ())
    style = "bold red" if colour else "bold underline"
    if width is None:
        out = Text(text)
        for a, b in spans:
            out.stylize(style, a, b)
        return out
    from .linebreak import wrap

    lines = wrap(text, width, breaks)
    out = Text()
    start = 0
    for n, line in enumerate(lines[:MOST_LINES]):
        start = text.find(line, start) if line else start
        piece = Text(line)
        for a, b in spans:
            lo, hi = max(a - start, 0), min(b - start, len(line))
            if lo < hi:
                piece.stylize(style, lo, hi)
        if n == MOST_LINES - 1 and len(lines) > MOST_LINES:
            piece = piece[: max(len(line) - 1, 0)] + Text("…")
        out.append_text(piece if n == 0 else Text("\n") + piece)
        start += len(line)
    return out


def render_rich(spec: TableSpec, out: TextIO, screen: Screen, headers: bool = True) -> list[str]:
    """A table that fits the terminal (see `layout`), or, with `screen.wide`, every column and
    every cell whole at its natural width. Returns the headers of the columns left out."""
    from rich import box
    from rich.table import Table

    from .layout import GAP, fit

    rows = list(spec.rows)
    heads = [c.header for c in spec.columns]
    columns = [[h, *(_plain(r[i]) for r in rows)] for i, h in enumerate(heads)]
    draw = console(out, screen)
    if screen.wide:
        shown = list(range(len(heads)))
        widths = [max(cell_len_of(t) for t in col) for col in columns]
        draw.width = max(draw.width, sum(widths) + GAP * (len(widths) - 1))
    else:
        shown, widths = fit(
            columns,
            [c.ratio for c in spec.columns],
            [not c.no_wrap for c in spec.columns],
            draw.width,
        )
    table = Table(
        title=spec.title,
        caption=spec.caption,
        box=box.SIMPLE_HEAD,
        show_header=headers,
        header_style="bold",
        expand=False,
        show_edge=False,
        pad_edge=False,
    )
    from .linebreak import HEADER_BREAKS, NAME_BREAKS

    for i, width in zip(shown, widths, strict=True):
        header = _cell_lines(heads[i], None if screen.wide else width, screen.colour, HEADER_BREAKS)
        table.add_column(header, width=width, no_wrap=True, overflow="ignore")
    breaks = [NAME_BREAKS if c.names else None for c in spec.columns]
    for row in rows:
        table.add_row(
            *(
                _cell_lines(row[i], None if screen.wide else w, screen.colour, breaks[i])
                for i, w in zip(shown, widths, strict=True)
            )
        )
    draw.print(table)
    return [heads[i] for i in range(len(heads)) if i not in shown]


def cell_len_of(text: str) -> int:
    """The widest line of `text`, in terminal cells."""
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.split("\n")), default=0)


def render_table(spec: TableSpec, out: TextIO, screen: Screen, headers: bool = True) -> list[str]:
    """Borders and colour on a terminal, plain aligned columns anywhere else (never wrapped).

    Returns the headers of the columns a terminal table left out to fit.
    """
    if screen.terminal:
        return render_rich(spec, out, screen, headers=headers)
    render_plain(spec, out, headers=headers)
    return []
