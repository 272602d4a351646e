"""What a command answers with: rows plus a column spec, rendered by `render.output.write`.

A command never shapes its output format by format. It returns a `View`; the one renderer
writes it as a table (for people), json, jsonl, tsv or csv (for programs), or in one of the
command's own formats (a graph language). Keys of the rows are stable English identifiers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple, TextIO


class Format(StrEnum):
    """Every output format fupin writes; each command offers the ones that fit it."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    tsv = "tsv"
    csv = "csv"
    dot = "dot"
    mermaid = "mermaid"
    graphml = "graphml"
    html = "html"
    md = "md"


#: The formats of every listing command.
LISTING_FORMATS: tuple[Format, ...] = (
    Format.table,
    Format.json,
    Format.jsonl,
    Format.tsv,
    Format.csv,
)


class Screen(NamedTuple):
    """Where a table goes: a terminal (borders, colour, a width) or a pipe (plain columns)."""

    terminal: bool
    width: int | None = None
    colour: bool = False
    wide: bool = False  # every column and cell whole, not fitted to the width


class Column(NamedTuple):
    """One field of the rows: how it is written to tsv/csv and shown in the table.

    Attributes:
        key: the row key (also the tsv/csv header and the JSON key).
        header: the table's header (default: the key).
        table: shown in the table.
        machine: written to tsv and csv.
        ratio: share of the spare width on a terminal.
        no_wrap: never wrapped on a terminal.
        names: a list of names joined with 、: on a terminal a line breaks after 、, so that
            a unit's name stays whole where the column allows.
        show: the table's text for a row (default: the value; lists joined with 、).
        highlight: the query's terms are highlighted in this column on a terminal.
        around: cut the table's text to about this many characters around the first term.
    """

    key: str
    header: str | None = None
    table: bool = True
    machine: bool = True
    ratio: int | None = None
    no_wrap: bool = False
    names: bool = False
    show: Callable[[Mapping[str, Any]], str] | None = None
    highlight: bool = False
    around: int | None = None


_ROWS: Any = object()


class View(NamedTuple):
    """A command's answer.

    Attributes:
        rows: one mapping per result (jsonl, tsv, csv, the table; json unless `data` is set);
            an iterator is read once, as it is written (then say `matched`).
        columns: the fields of the rows, in order.
        title: a line above the table.
        data: what `-f json` writes when it is not the list of rows (a document, a diff).
        terms: the query's words, highlighted in `highlight` columns.
        matched: exit status 0 when true, 1 when false (default: whether there are rows).
        draw: draws the table format instead of a table (a tree, a report).
        formats: the command's own formats (dot, mermaid, graphml, html, md) and how to write
            them.
        notes: sentences for stderr (what the answer covers, what it left out).
    """

    rows: Iterable[Mapping[str, Any]]
    columns: Sequence[Column]
    title: str | None = None
    data: Any = _ROWS
    terms: Sequence[str] = ()
    matched: bool | None = None
    draw: Callable[[TextIO, Screen], None] | None = None
    formats: Mapping[Format, Callable[[], str]] = MappingProxyType({})
    notes: Sequence[str] = ()

    @property
    def found(self) -> bool:
        if self.matched is not None:
            return self.matched
        assert isinstance(self.rows, Sequence), "a View of an iterator must say `matched`"
        return bool(self.rows)

    def json_data(self) -> Any:
        if self.data is not _ROWS:
            return self.data
        return list(self.rows) if isinstance(self.rows, Sequence) else self.rows
