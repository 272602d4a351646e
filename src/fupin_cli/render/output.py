"""The one way out: a `View` written in the format the user asked for, to a stream or a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from ..errors import OutputError, os_problem
from ..i18n import _
from . import machine
from .table import Cell, TableSpec, render_table
from .table import Column as TableColumn
from .view import Column, Format, Screen, View


def write(view: View, fmt: Format, out: TextIO, screen: Screen, headers: bool = True) -> list[str]:
    """Write `view` to `out` as `fmt` (the table format: as `screen` allows).

    Returns the headers of the columns a terminal table left out to fit (for a note).
    """
    own = view.formats.get(fmt)
    if own is not None:
        out.write(own())
    elif fmt is Format.json:
        machine.write_json(out, view.json_data())
    elif fmt is Format.jsonl:
        machine.write_jsonl(out, view.rows)
    elif fmt in (Format.tsv, Format.csv):
        keys = [c.key for c in view.columns if c.machine]
        writer = machine.write_tsv if fmt is Format.tsv else machine.write_csv
        writer(out, view.rows, keys, headers=headers)
    elif fmt is Format.table:
        if view.draw is not None:
            view.draw(out, screen)
        else:
            spec = table_of(view, highlight=screen.terminal, whole=screen.wide)
            first = next(iter(spec.rows), None)
            if first is not None:  # like grep, a query that matched nothing prints nothing
                spec = spec._replace(rows=chain([first], spec.rows))
                return render_table(spec, out, screen, headers=headers)
    else:  # a format the command did not offer: the CLI refuses it before asking
        raise ValueError(f"{fmt} is not a format of this view")
    return []


def write_file(path: Path, text: str) -> None:
    """Write `text` to `path` atomically: a reader sees the old file or the new one, whole.

    Raises:
        OutputError: the folder is missing or not writable, or the path is a folder.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder; give a file name with -o")
    if not target.parent.is_dir():
        problem = "is not a folder" if target.parent.exists() else "does not exist"
        raise OutputError(
            f"cannot write {target}: {target.parent} {problem}; create the folder first"
        )
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise OutputError(
            _("cannot write {path}: {problem}; choose another path with -o").format(
                path=target, problem=os_problem(exc) if exc.strerror else exc
            )
        ) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cell_text(value: Any) -> str:
    """A value as table text: lists joined with 、, None empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return machine.LIST_SEPARATOR.join(cell_text(v) for v in value)
    return str(value)


def _cell(
    column: Column, row: Mapping[str, Any], terms: tuple[str, ...], highlight: bool, whole: bool
) -> str | Cell:
    text = column.show(row) if column.show is not None else cell_text(row.get(column.key))
    around = None if whole else column.around
    if not (column.highlight and terms and highlight) and around is None:
        return text
    from ..normalize import find_spans, snippet

    spans = find_spans(text, terms) if column.highlight and terms else []
    if around is not None:
        text, spans = snippet(text, spans, width=around)
    return Cell(text, spans) if spans and highlight else text


def table_of(view: View, highlight: bool = True, whole: bool = False) -> TableSpec:
    """The table of a view: its table columns with headers in the reader's language, each
    row's cells (the query's terms marked when `highlight`; not cut to a snippet when
    `whole`)."""
    from ..i18n import _

    shown = [c for c in view.columns if c.table]
    terms = tuple(view.terms)
    columns = [TableColumn(c.key, _(c.header or c.key), c.ratio, c.no_wrap, c.names) for c in shown]
    rows = (tuple(_cell(c, row, terms, highlight, whole) for c in shown) for row in view.rows)
    return TableSpec(columns, rows, title=view.title)
