"""The framework's usage errors (a missing argument, an unknown option, a bad value) in the
reader's language.

Typer vendors click without a gettext hook: its parser and exceptions write English f-strings.
Each error is a typed exception that keeps its parts (the option's name, the parameter, the
possibilities; for a bad value, pydantic's error with its type and limits), so `show` words
them again from our catalogs at the one boundary (`runtime.run`). A message this module does not
know (a future framework's) is shown as the framework wrote it, never dropped.
"""

from __future__ import annotations

import re
from typing import Any

try:  # typer 0.29 vendors click; earlier versions use click itself, with the same classes
    from typer._click.exceptions import (
        BadOptionUsage,
        BadParameter,
        MissingParameter,
        NoSuchOption,
        UsageError,
    )
except ImportError:  # pragma: no cover
    from click.exceptions import (  # type: ignore[no-redef,import-not-found,unused-ignore]
        BadOptionUsage,
        BadParameter,
        MissingParameter,
        NoSuchOption,
        UsageError,
    )

from ..i18n import _
from .help import USAGE

__all__ = ["UsageError", "message", "show"]


def _value_problem(exc: BadParameter) -> str:
    """Why a value was refused: pydantic's error in our words when we know its type."""
    cause: Any = exc.__cause__
    errors = getattr(cause, "errors", None)
    first = errors()[0] if callable(errors) and errors() else None
    if not first:
        return exc.message
    kind, ctx = first.get("type"), first.get("ctx") or {}
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return _("not a whole number")
    if kind in ("float_parsing", "float_type"):
        return _("not a number")
    if kind == "greater_than_equal":
        return _("must be at least {limit}").format(limit=ctx.get("ge"))
    if kind == "less_than_equal":
        return _("must be at most {limit}").format(limit=ctx.get("le"))
    if kind == "greater_than":
        return _("must be more than {limit}").format(limit=ctx.get("gt"))
    if kind == "less_than":
        return _("must be less than {limit}").format(limit=ctx.get("lt"))
    if kind in ("date_from_datetime_parsing", "date_parsing", "datetime_parsing"):
        return _("not a date (write it as 2020-12-31)")
    return exc.message


def _hint(exc: BadParameter) -> str:
    """The parameter as the user knows it: '--limit' / '-n', or an argument's metavar."""
    if exc.param_hint is not None:
        hints = [exc.param_hint] if isinstance(exc.param_hint, str) else exc.param_hint
        return " / ".join(f"'{h}'" for h in hints)
    param = exc.param
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "argument":
        return f"'{param.metavar or (param.name or '').upper()}'"
    return str(param.get_error_hint())


_NO_COMMAND = re.compile(r"No such command '(?P<name>.*)'\.(?: Did you mean (?P<close>.*)\?)?$")
_EXTRA = re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)$", re.S)


def message(exc: UsageError) -> str:
    """The error's sentence in the reader's language."""
    if isinstance(exc, MissingParameter):
        name = _hint(exc)
        if getattr(exc.param, "param_type_name", "") == "option":
            return _("Missing option {name}.").format(name=name)
        return _("Missing argument {name}.").format(name=name)
    if isinstance(exc, BadParameter):
        name = _hint(exc)
        problem = _value_problem(exc)
        if not name:
            return _("Invalid value: {problem}").format(problem=problem)
        return _("Invalid value for {name}: {problem}").format(name=name, problem=problem)
    if isinstance(exc, NoSuchOption):
        text = _("No such option: {name}").format(name=exc.option_name)
        if exc.possibilities:
            text += _(" (did you mean {names}?)").format(
                names=_(" or ").join(sorted(exc.possibilities))
            )
        return text
    if isinstance(exc, BadOptionUsage):
        if "does not take" in exc.message:
            return _("Option '{name}' takes no value.").format(name=exc.option_name)
        if "requires" in exc.message:
            return _("Option '{name}' needs a value.").format(name=exc.option_name)
        return exc.message
    if found := _NO_COMMAND.match(exc.message):
        text = _("No such command '{name}'.").format(name=found["name"])
        if found["close"]:
            text += _(" Did you mean {names}?").format(names=found["close"])
        return text
    if found := _EXTRA.match(exc.message):
        return _("Unexpected extra argument(s): {args}").format(args=found["args"])
    if exc.message == "Missing command.":
        return _("Missing command.")
    return exc.message


def show(exc: UsageError, say: Any) -> None:
    """The usage line, where to find help, and the error, each through `say` (stderr)."""
    ctx = exc.ctx
    if ctx is not None:
        command = ctx.command
        pieces = getattr(command, "usage_pieces", None)
        if pieces is not None:
            say(_(USAGE).format(usage=f"{ctx.command_path} {' '.join(pieces(ctx))}"))
        else:
            say(ctx.get_usage())
        if command.get_help_option(ctx) is not None:
            say(
                _("Try '{command} {option}' for help.").format(
                    command=ctx.command_path, option=ctx.help_option_names[0]
                )
            )
        say("")
    say(_("Error: {message}").format(message=message(exc)))
