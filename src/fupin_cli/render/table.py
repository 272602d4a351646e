"""Tables for people: rich on a terminal, plain aligned columns anywhere else.

On a terminal rich draws borders and colour (NO_COLOR turns colour off); when stdout is not a
terminal nothing but text is written, so `| head`, `| grep` and files stay clean. rich is
imported only when a terminal table is actually drawn.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, TextIO

from .view import Screen

Span = tuple[int, int]


@dataclass
class Cell:
    text: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Column:
    key: str
    header: str
    ratio: int | None = None  # share of spare width on a terminal
    no_wrap: bool = False


@dataclass
class TableSpec:
    columns: list[Column]
    rows: list[dict[str, str | Cell]]
    title: str | None = None
    caption: str | None = None


def display_width(text: str) -> int:
    """Columns a string takes on a terminal (wide and full-width characters take two)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ch > "\u10ff" and _east_asian_width(ch) in "WF")


_east_asian_width = unicodedata.east_asian_width


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _plain(value: str | Cell) -> str:
    text = value.text if isinstance(value, Cell) else value
    return text.replace("\n", " ")


def render_plain(spec: TableSpec, out: TextIO, headers: bool = True) -> None:
    """Aligned columns separated by two spaces; the last column is never padded."""
    cols = spec.columns
    body = [[_plain(row.get(c.key, "")) for c in cols] for row in spec.rows]
    if headers:
        body.insert(0, [c.header for c in cols])
    if spec.title and headers:
        out.write(spec.title + "\n")
    # the last column is never padded, so its width is never needed
    widths = [max((display_width(r[i]) for r in body), default=0) for i in range(len(cols) - 1)]
    for r in body:
        cells = [_pad(v, widths[i]) if i < len(cols) - 1 else v for i, v in enumerate(r)]
        out.write("  ".join(cells).rstrip() + "\n")


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
        for c in spec.columns:
            value = row.get(c.key, "")
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
