"""What every command shares at run time: streams, exit codes and the error boundary."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from typing import Any, ParamSpec, TypeVar

import typer

from ..errors import FupinError

P = ParamSpec("P")
R = TypeVar("R")


class ExitCode(IntEnum):
    """grep's convention: found, nothing matched, trouble."""

    OK = 0
    NO_MATCH = 1
    ERROR = 2


def is_terminal() -> bool:
    """True when stdout is a terminal (FUPIN_TERMINAL=1 forces it, for golden tests)."""
    forced = os.environ.get("FUPIN_TERMINAL")
    if forced is not None:
        return forced == "1"
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_width() -> int | None:
    cols = os.environ.get("COLUMNS")
    return int(cols) if cols and cols.isdigit() else None


def error(message: str) -> None:
    """One sentence on stderr, never on stdout."""
    sys.stderr.write(f"Error: {message}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"Warning: {message}\n")


def note(message: str) -> None:
    sys.stderr.write(f"{message}\n")


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn the library's typed errors into `Error: …` on stderr and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except FupinError as exc:
            error(str(exc))
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def exit_with(found: bool) -> None:
    raise typer.Exit(ExitCode.OK if found else ExitCode.NO_MATCH)


def read_queries(values: list[str]) -> list[str]:
    """`-` stands for stdin, one query per line (blank lines skipped)."""
    out: list[str] = []
    for value in values:
        if value == "-":
            out.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            out.append(value)
    return out


def silence_broken_pipe() -> None:
    """After `| head` closes the pipe: send the rest to /dev/null instead of a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def unused(*_: Any) -> None:
    """Mark parameters a command accepts for uniformity but does not use."""
