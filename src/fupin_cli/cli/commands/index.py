"""`fupin index [--data DIR] [--path]`: build the compiled index and say where it is."""

from __future__ import annotations

import time
from typing import Annotated, TextIO

import typer

from ...errors import CacheError
from ...i18n import _
from ...render.view import Column, Format, Screen, View
from ..options import DataOpt, FormatOpt, NoHeadersOpt
from ..runtime import command, progress_bar

PathOpt = Annotated[
    bool,
    typer.Option(
        "--path",
        help=_("Print only where the index is kept (for sqlite3 and datasette); build nothing."),
    ),
]
COLUMNS = [Column(key) for key in ("path", "documents", "units", "seconds")]


@command
def index(
    path_only: PathOpt = False,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> View:
    """Build the compiled index of the data (SQLite with full-text search) and print its path.

    Query commands build it on first use anyway; this builds it now, from scratch. The
    database is an ordinary SQLite file: open it with sqlite3 or datasette.

    Example: sqlite3 "$(fupin index --path)" 'select id, title from documents'
    """
    from ...index import index_path, open_index
    from ...index.read import counts

    if path_only:
        where = str(index_path(data))

        def draw_path(out: TextIO, _: Screen) -> None:
            out.write(where + "\n")

        return View([{"path": where}], COLUMNS[:1], draw=draw_path)
    started = time.perf_counter()
    with progress_bar() as progress, open_index(data, rebuild=True, progress=progress) as built:
        docs, units = counts(built.conn, ("documents", "units"))
    if built.path is None:
        raise CacheError(
            _(
                "the index could not be written to the cache folder (set FUPIN_CACHE_DIR to a "
                "writable folder)"
            )
        )
    seconds = round(time.perf_counter() - started, 2)
    record = {"path": str(built.path), "documents": docs, "units": units, "seconds": seconds}

    def draw(out: TextIO, _: Screen) -> None:
        out.write(f"{built.path}\n")

    return View(
        [record],
        COLUMNS,
        data=record,
        draw=draw,
        notes=[
            _("Indexed {docs} documents ({units} units of text) in {seconds} s.").format(
                docs=docs, units=units, seconds=seconds
            )
        ],
    )
