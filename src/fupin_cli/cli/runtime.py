"""The CLI boundary: streams, exit statuses, and the one place errors become sentences.

Every command is wrapped by `command`: it runs the command, turns the library's typed errors
into one sentence on stderr with exit status 2, writes the returned `View` in the format asked
for, and exits 0 when something was found and 1 when nothing was (grep's convention).
"""

from __future__ import annotations

import functools
import io
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Any, ParamSpec

import typer

from ..errors import FupinError, NothingSelected
from ..i18n import _
from ..render.view import Format, Screen, View

P = ParamSpec("P")

#: Commands whose data folder has at least this many files show a progress bar when indexing.
MANY_FILES = 200


class ExitCode(IntEnum):
    """grep's convention: found, nothing matched, trouble."""

    OK = 0
    NO_MATCH = 1
    ERROR = 2


def _forced_terminal() -> bool | None:
    forced = os.environ.get("FUPIN_TERMINAL")
    return None if forced is None else forced == "1"


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def is_terminal() -> bool:
    """True when stdout is a terminal (FUPIN_TERMINAL=1 forces it, for golden tests)."""
    forced = _forced_terminal()
    return forced if forced is not None else _isatty(sys.stdout)


def stderr_is_terminal() -> bool:
    forced = _forced_terminal()
    return forced if forced is not None else _isatty(sys.stderr)


def terminal_width() -> int | None:
    cols = os.environ.get("COLUMNS")
    return int(cols) if cols and cols.isdigit() else None


def screen(wide: bool = False) -> Screen:
    """Where tables go now: a terminal with colour unless NO_COLOR is set, or a pipe."""
    terminal = is_terminal()
    return Screen(terminal, terminal_width(), terminal and "NO_COLOR" not in os.environ, wide)


def error(message: str) -> None:
    """One sentence on stderr, never on stdout."""
    sys.stderr.write(_("Error: {message}").format(message=message) + "\n")


def warn(message: str) -> None:
    sys.stderr.write(_("Warning: {message}").format(message=message) + "\n")


def note(message: str) -> None:
    sys.stderr.write(f"{message}\n")


class _StderrNotes(logging.Handler):
    """The library's log records (a cache rebuilt, a cache folder not writable) on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        line = _("Note: {message}") if record.levelno < logging.WARNING else _("Warning: {message}")
        sys.stderr.write(line.format(message=record.getMessage()) + "\n")


def show_library_notes() -> None:
    """Route the `fupin_cli` loggers to stderr (once)."""
    logger = logging.getLogger("fupin_cli")
    if not any(isinstance(h, _StderrNotes) for h in logger.handlers):
        logger.addHandler(_StderrNotes(logging.INFO))
        logger.setLevel(logging.INFO)
        logger.propagate = False


def command(fn: Callable[P, View | None]) -> Callable[P, None]:
    """The boundary around a command: typed errors to exit 2, its View out, status 0/1.

    The command reads `fmt`, `no_headers` and (if it has one) `output` like any option; its
    View goes to stdout, or to the file `output` names (`-` is stdout). A command that writes
    its output itself returns None.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        show_library_notes()
        try:
            view = fn(*args, **kwargs)
            if view is None:
                return
            for line in view.notes:
                note(line)
            fmt = kwargs.get("fmt", Format.table)
            assert isinstance(fmt, Format)
            _deliver(
                view,
                fmt,
                kwargs.get("output"),
                headers=not kwargs.get("no_headers", False),
                wide=bool(kwargs.get("wide", False)),
            )
        except NothingSelected as exc:  # nothing can match: grep's 1, but never in silence
            note(str(exc))
            raise typer.Exit(ExitCode.NO_MATCH) from None
        except FupinError as exc:
            error(str(exc))
            raise typer.Exit(ExitCode.ERROR) from None
        raise typer.Exit(ExitCode.OK if view.found else ExitCode.NO_MATCH)

    return wrapper


def _deliver(view: View, fmt: Format, output: object, headers: bool, wide: bool) -> None:
    """Write `view` to stdout, or to the file `output` (atomically; never a terminal)."""
    from ..render.output import write, write_file

    if output is None or str(output) == "-":
        left_out = write(view, fmt, sys.stdout, screen(wide), headers=headers)
        if left_out:
            note(
                _("(left out to fit the terminal: {names}; --wide shows every column)").format(
                    names=_(", ").join(left_out)
                )
            )
        return
    buffer = io.StringIO()
    write(view, fmt, buffer, Screen(terminal=False), headers=headers)
    write_file(Path(str(output)), buffer.getvalue())


def read_queries(values: list[str]) -> list[str]:
    """`-` stands for stdin, one query per line (blank lines skipped)."""
    out: list[str] = []
    for value in values:
        if value == "-":
            out.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            out.append(value)
    return out


@contextmanager
def progress_bar(label: str = "Indexing") -> Iterator[Callable[[int, int], None]]:
    """A progress callback for `open_index`: a rich bar on stderr when there are many files."""
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < MANY_FILES or not stderr_is_terminal():
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


def silence_broken_pipe() -> None:
    """After `| head` closes the pipe: send the rest to /dev/null instead of a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
