"""The `fupin` command: one Typer app whose commands come from `registry.COMMANDS`.

`LazyGroup` is click's documented pattern for lazily loaded subcommands, given to Typer through
its public `cls` parameter: `fupin --help` lists the registry without importing a command
module, and `fupin search` imports only `commands/search.py`.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .. import __version__
from ..i18n import _
from .help import EPILOG, FupinCommand, ReadableHelp, definitions, name_values
from .registry import BY_NAME, COMMANDS, GROUPS
from .runtime import run


def load_command(name: str) -> Any:
    """The click command `name` of the registry (its module imported now), or None."""
    spec = BY_NAME.get(name)
    if spec is None:
        return None
    module, function = spec.target.split(":")
    callback = getattr(importlib.import_module(f"{__package__}.commands.{module}"), function)
    single = typer.Typer(
        add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False
    )
    single.command(
        name,
        cls=FupinCommand,
        help=_(inspect.cleandoc(callback.__doc__ or "")),
        short_help=_(spec.summary),
    )(callback)
    command = typer.main.get_command(single)
    name_values(command)
    return command


class _Commands(MutableMapping[str, Any]):
    """The group's commands: every registry name, each imported on first access."""

    def __init__(self, eager: MutableMapping[str, Any]) -> None:
        self._loaded: dict[str, Any] = dict(eager)

    def __getitem__(self, name: str) -> Any:
        if name not in self._loaded:
            found = load_command(name)
            if found is None:
                raise KeyError(name)
            self._loaded[name] = found
        return self._loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._loaded[name] = command

    def __contains__(self, name: object) -> bool:
        return name in BY_NAME or name in self._loaded

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*BY_NAME, *self._loaded]))

    def __len__(self) -> int:
        return len(set(BY_NAME) | set(self._loaded))


class LazyGroup(ReadableHelp, TyperGroup):
    """A group whose commands are the registry's, imported when first needed (click's
    lazily-loading-subcommands pattern, given to Typer through its `cls` parameter)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _Commands(self.commands)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def usage_pieces(self, ctx: Any) -> list[str]:
        return [_("[OPTIONS]"), _("COMMAND"), _("[ARGS]...")]

    def extra_sections(self, ctx: Any, width: int) -> list[str]:
        """The commands by what people do with them, summaries from the registry."""
        lines: list[str] = []
        for group, title in GROUPS.items():
            rows = [(spec.name, _(spec.summary)) for spec in COMMANDS if spec.group == group]
            lines += ["", _(title), *definitions(rows, width)]
        return lines


app = typer.Typer(
    name="fupin",
    cls=LazyGroup,
    help=_(
        "Query Chinese poverty-alleviation responsibility rules (脱贫攻坚责任制) as data: "
        "who leads a task, what a unit is responsible for, how a local rule differs from the "
        "central one, which superior rule an article comes from."
    ),
    epilog=_(EPILOG),
    invoke_without_command=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fupin {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Print the version.")),
    ] = False,
) -> None:
    """Chinese poverty-alleviation policy documents as structured data."""
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        from .welcome import welcome

        welcome()


def main() -> None:
    """Console-script entry point: the whole program inside the CLI boundary; alone, the
    welcome (without parsing options it does not have)."""
    completing = any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ)
    if len(sys.argv) == 1 and not completing:
        from .welcome import welcome

        sys.exit(run(lambda **_given: welcome()))
    sys.exit(run(app))
