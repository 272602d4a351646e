"""The CLI boundary: streams, exit statuses, and the one place errors become sentences.

Every command is wrapped by `command`: it runs the command, turns the library's typed errors
(and the operating system's: a file that cannot be read, a full disk) into one sentence on
stderr with exit status 2, writes the returned `View` in the format asked for, and exits 0 when
something was found and 1 when nothing was (grep's convention). Anything else is a bug in
fupin: exit 3 and one line asking for a report (`FUPIN_DEBUG=1` shows the traceback). `main`
is the same boundary around the whole program: arguments in any bytes, output the terminal's
encoding cannot hold, a reader that closes the pipe early.
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Any, ParamSpec

import typer

from ..errors import FupinError, NothingSelected, os_problem, shorten
from ..i18n import _
from ..render.view import Format, Screen, View
from .inputs import QUERY, refuse_empty
from .inputs import read_queries as _read_queries

P = ParamSpec("P")

#: Commands whose data folder has at least this many files show a progress bar when indexing.
MANY_FILES = 200


class ExitCode(IntEnum):
    """grep's convention: found, nothing matched, trouble."""

    OK = 0
    NO_MATCH = 1
    ERROR = 2
    BUG = 3


#: Set to 1 to see the traceback of a bug instead of the one line asking for a report.
DEBUG_ENV = "FUPIN_DEBUG"
#: A message longer than this is shortened in the middle (it quotes the user's input).
MESSAGE_LIMIT = 400


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


def _say(line: str) -> None:
    """One line on stderr; a closed or broken stderr is not worth a crash."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(line + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def error(message: str) -> None:
    """One sentence on stderr, never on stdout."""
    _say(_("Error: {message}").format(message=shorten(message, MESSAGE_LIMIT)))


def warn(message: str) -> None:
    _say(_("Warning: {message}").format(message=message))


def note(message: str) -> None:
    _say(message)


def os_error_message(exc: OSError) -> str:
    """An operating-system error as one sentence that names the file (`cannot read x: …`)."""
    what = os_problem(exc) if exc.strerror else str(exc)
    name = exc.filename if exc.filename is not None else None
    where = f"{os.fsdecode(name)}: " if name is not None else ""
    problem = what.lower() if what else _("an operating-system error")
    return where + _("{problem}; check the path and its permissions").format(problem=problem)


def report_bug(exc: BaseException) -> None:
    """A bug in fupin: the traceback under FUPIN_DEBUG=1, else one line asking for a report."""
    if os.environ.get(DEBUG_ENV) == "1":
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    kind = type(exc).__name__
    detail = shorten(str(exc), 120)
    error(
        _(
            "internal error ({kind}); this is a bug in fupin, please report it with the "
            "command you ran ({debug}=1 shows the traceback)"
        ).format(kind=f"{kind}: {detail}" if detail else kind, debug=DEBUG_ENV)
    )


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
            refuse_empty(_labelled(fn, kwargs))
            try:
                found = _answer(fn, args, kwargs)
            except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                # the index cache was damaged in a way its check on opening did not see
                # (SQLite's error, or stored text no longer UTF-8): remove it and answer
                # once more from a fresh one
                from ..index.cache import discard_opened

                if not discard_opened(exc):
                    raise
                found = _answer(fn, args, kwargs)
        except BrokenPipeError:
            # a command that writes its answer itself: the reader has all it wanted
            silence_broken_pipe()
            raise typer.Exit(ExitCode.OK) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except NothingSelected as exc:  # nothing can match: grep's 1, but never in silence
            note(str(exc))
            raise typer.Exit(ExitCode.NO_MATCH) from None
        except FupinError as exc:
            error(str(exc))
            raise typer.Exit(ExitCode.ERROR) from None
        except OSError as exc:
            error(os_error_message(exc))
            raise typer.Exit(ExitCode.ERROR) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug: the one place that may catch everything
            report_bug(exc)
            raise typer.Exit(ExitCode.BUG) from None
        if found is not None:
            raise typer.Exit(ExitCode.OK if found else ExitCode.NO_MATCH)

    return wrapper


def _answer(fn: Callable[..., View | None], args: Any, kwargs: dict[str, Any]) -> bool | None:
    """Run the command and write its View; whether it found something (None: the command
    wrote its answer itself and chose its status)."""
    view = fn(*args, **kwargs)
    if view is None:
        if sys.stdout is not None:
            sys.stdout.flush()
        return None
    for line in view.notes:
        note(line)
    fmt = kwargs.get("fmt", Format.table)
    assert isinstance(fmt, Format)
    try:
        _deliver(
            view,
            fmt,
            kwargs.get("output"),
            headers=not kwargs.get("no_headers", False),
            wide=bool(kwargs.get("wide", False)),
        )
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # `| head` has all it wanted: the status is still the answer's
        silence_broken_pipe()
    return view.found


@functools.cache
def _labels(fn: Callable[..., Any]) -> dict[str, str]:
    """Each parameter of a command by the name the user knows it by: QUERY, --doc."""
    from typing import get_type_hints

    from typer.models import ArgumentInfo, OptionInfo

    out: dict[str, str] = {}
    for name, hint in get_type_hints(fn, include_extras=True).items():
        for info in getattr(hint, "__metadata__", ()):
            if isinstance(info, ArgumentInfo):
                out[name] = (info.metavar or name).upper()
            elif isinstance(info, OptionInfo):
                decls = [d for d in (info.param_decls or ()) if d.startswith("--")]
                out[name] = decls[0] if decls else "--" + name.replace("_", "-")
    return out


def _labelled(fn: Callable[..., Any], values: dict[str, Any]) -> dict[str, object]:
    """The values given, keyed by the names the user knows them by."""
    labels = _labels(fn)
    return {labels.get(k, k): v for k, v in values.items() if v is not None}


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


def read_queries(values: list[str], what: str = QUERY) -> list[str]:
    """`-` stands for stdin, one query per line (blank lines skipped; any bytes, see
    `inputs`); stdin that is empty or closed is an error."""
    return _read_queries(values, note, what)


@contextmanager
def progress_bar(label: str | None = None) -> Iterator[Callable[[int, int], None]]:
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
            state["task"] = bar.add_task(label or _("Indexing"), total=total)
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


def prepare_streams() -> None:
    """Output the terminal's encoding cannot hold (↔ on a GBK console, a file name in bytes
    that are not UTF-8) is written with replacement characters, never a crash."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors=errors)


def run(program: Callable[..., Any], argv: list[str] | None = None) -> int:
    """Run the click `program` on `argv` (default: the process's) inside the boundary and
    return the exit status: arguments decoded (`inputs.decode_argv`), click's own errors and
    a closed pipe kept to their status, a bug turned into exit 3 with a line asking for a report.
    """
    from .inputs import decode_argv

    prepare_streams()
    show_library_notes()
    try:
        args = decode_argv(sys.argv[1:] if argv is None else argv, note)
        result = program(args=args, prog_name="fupin", standalone_mode=False)
        if sys.stdout is not None:
            sys.stdout.flush()
        return result if isinstance(result, int) else ExitCode.OK
    except typer.Exit as exc:
        return exc.exit_code
    except typer.TyperException as exc:  # click's usage errors: in our words, status 2
        from . import usage

        if isinstance(exc, usage.UsageError):
            usage.show(exc, _say)
            return exc.exit_code
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        else:
            error(exc.format_message())
        return int(getattr(exc, "exit_code", ExitCode.ERROR))
    except (typer.Abort, KeyboardInterrupt):
        _say("")
        return 130
    except BrokenPipeError:
        silence_broken_pipe()
        return ExitCode.OK
    except FupinError as exc:
        error(str(exc))
        return ExitCode.ERROR
    except OSError as exc:
        error(os_error_message(exc))
        return ExitCode.ERROR
    except Exception as exc:
        report_bug(exc)
        return ExitCode.BUG
