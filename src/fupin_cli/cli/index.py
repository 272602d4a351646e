"""`fupin index [--data DIR] [--path]`: build the compiled index and say where it is."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from .options import DataOpt, Format, FormatOpt, NoHeadersOpt
from .runtime import ExitCode, error, guarded

PathOpt = Annotated[
    bool,
    typer.Option(
        "--path",
        help="Print only where the index is kept (for sqlite3 and datasette); build nothing.",
    ),
]
MANY_FILES = 200


def _stderr_is_terminal() -> bool:
    forced = os.environ.get("FUPIN_TERMINAL")
    if forced is not None:
        return forced == "1"
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress_bar(label: str = "Indexing") -> Iterator[Any]:
    """A progress callback for `open_index`: a rich bar on stderr when there are many files."""
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < MANY_FILES or not _stderr_is_terminal():
            return
        if "bar" not in state:
            from rich.console import Console
            from rich.progress import Progress

            bar = Progress(console=Console(stderr=True), transient=True)
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task(label, total=total)
        state["bar"].update(state["task"], completed=done)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].stop()


@guarded
def index(
    path_only: PathOpt = False,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """Build the compiled index of the data (SQLite with full-text search) and print its path.

    Query commands build it on first use anyway; this builds it now, from scratch. The
    database is an ordinary SQLite file: open it with sqlite3 or datasette.

    Example: sqlite3 "$(fupin index --path)" 'select id, title from documents'
    """
    from ..index import index_path, open_index

    if path_only:
        sys.stdout.write(f"{index_path(data)}\n")
        return
    started = time.perf_counter()
    with progress_bar() as progress:
        built = open_index(data, rebuild=True, progress=progress)
    try:
        (docs,) = built.conn.execute("SELECT count(*) FROM documents").fetchone()
        (units,) = built.conn.execute("SELECT count(*) FROM units").fetchone()
    finally:
        built.close()
    seconds = round(time.perf_counter() - started, 2)
    if built.path is None:
        error(
            "the index could not be written to the cache folder (set FUPIN_CACHE_DIR to a "
            "writable folder)"
        )
        raise typer.Exit(ExitCode.ERROR)
    record = {"path": str(built.path), "documents": docs, "units": units, "seconds": seconds}
    if fmt is Format.table:
        sys.stdout.write(f"{built.path}\n")
        sys.stderr.write(f"Indexed {docs} documents ({units} units of text) in {seconds} s.\n")
        return
    from ..render.table import Column, TableSpec
    from .output import Output, emit

    columns = list(record)
    emit(
        Output(
            record,
            [record],
            columns,
            lambda: TableSpec(
                [Column(c, c) for c in columns], [{c: str(v) for c, v in record.items()}]
            ),
        ),
        fmt,
        no_headers,
    )


def register(app: typer.Typer) -> None:
    app.command("index")(index)
