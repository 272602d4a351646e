"""The `fupin` command: one Typer app, commands registered from one module each."""

from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

from .. import __version__
from .runtime import silence_broken_pipe

app = typer.Typer(
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
    "who_leads",
    "duties",
    "actors",
    "validate",
    "ingest",
    "graph",
    "diff",
    "trace",
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


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__package__}.{_name}").register(app)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:
        silence_broken_pipe()
        sys.exit(0)
