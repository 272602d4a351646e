"""The `fupin` command: one Typer app, commands registered from one module each."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Annotated

import typer
from typer.models import CommandInfo

from .. import __version__
from .runtime import silence_broken_pipe


class _LazyTyper(typer.Typer):
    """A Typer that imports the command modules when its list of commands is first read.

    `main()` imports only the module of the command on the command line, so `fupin search`
    does not pay for pydantic models, YAML or networkx; `fupin --help`, the tests and anything
    else that reads the commands get every module of COMMAND_MODULES.
    """

    @property
    def registered_commands(self) -> list[CommandInfo]:
        if not self.__dict__.get("_all_loaded") and not self.__dict__.get("_loading"):
            self.load(COMMAND_MODULES)
        commands: list[CommandInfo] = self.__dict__["_commands"]
        return commands

    @registered_commands.setter
    def registered_commands(self, value: list[CommandInfo]) -> None:
        self.__dict__["_commands"] = value

    def load(self, names: Sequence[str]) -> None:
        done: set[str] = self.__dict__.setdefault("_modules", set())
        self.__dict__["_loading"] = True
        try:
            for name in names:
                if name not in done:
                    importlib.import_module(f"{__package__}.{name}").register(self)
                    done.add(name)
        finally:
            self.__dict__["_loading"] = False
        if done >= set(COMMAND_MODULES):
            self.__dict__["_all_loaded"] = True

    def load_for(self, argv: Sequence[str]) -> None:
        """Import only the module of the command `argv` names, when one module defines it."""
        name = next((a for a in argv if not a.startswith("-")), None)
        module = name.replace("-", "_") if name else None
        if module in COMMAND_MODULES:
            self.load([module])
            names = {
                c.name or (c.callback.__name__.replace("_", "-") if c.callback else "")
                for c in self.__dict__["_commands"]
            }
            if name in names:
                self.__dict__["_all_loaded"] = True  # enough for this run
                return
        self.load(COMMAND_MODULES)


app = _LazyTyper(
    name="fupin",
    help=(
        "Query Chinese poverty-alleviation responsibility rules (脱贫攻坚责任制) as data: "
        "who leads a task, what a unit is responsible for, how a local rule differs from the "
        "central one, which superior rule an article comes from."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Each module defines `register(app)`; the order here is the order in `fupin --help`.
COMMAND_MODULES = (
    "docs",
    "show",
    "search",
    "who_leads",
    "duties",
    "actors",
    "validate",
    "index",
    "ingest",
    "graph",
    "diff",
    "trace",
    "chain",
    "accountability",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fupin {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Chinese poverty-alleviation policy documents as structured data."""


# The modules are imported when the commands are first needed (see _LazyTyper).


def main() -> None:
    """Console-script entry point."""
    try:
        app.load_for(sys.argv[1:])
        app()
    except BrokenPipeError:
        silence_broken_pipe()
        sys.exit(0)
