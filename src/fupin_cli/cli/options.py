"""Options shared by the commands, each defined once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from ..levels import Level
from ..render.view import LISTING_FORMATS, Format


def format_option(formats: Sequence[Format] = LISTING_FORMATS, about: str = "") -> Any:
    """The `--format/-f` option of a command that offers `formats`, for `Annotated[Format, …]`.

    A format the command does not offer is refused with the list of those it does.
    """
    names = [f.value for f in formats]

    def parse(value: str | Format) -> Format:
        if isinstance(value, Format):
            return value
        chosen = value.lower()
        if chosen not in names:
            raise typer.BadParameter(f"'{value}' is not one of {', '.join(names)}")
        return Format(chosen)

    return typer.Option(
        "--format",
        "-f",
        parser=parse,
        metavar="FORMAT",
        autocompletion=lambda: names,
        help=about or f"Output format: {names[0]} for people; {', '.join(names[1:])} for programs.",
    )


FormatOpt = Annotated[Format, format_option()]
#: A comparison (`diff`, `trace`): the listing formats, a page to share, a table for a wiki.
ComparisonFormatOpt = Annotated[
    Format,
    format_option(
        (*LISTING_FORMATS, Format.html, Format.md),
        "table (a report) for people; json, jsonl, tsv, csv for programs; html (a page to "
        "share, one self-contained file); md (a Markdown table for issues and wikis).",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of stdout (replaced whole, never half-written).",
        show_default=False,
        dir_okay=False,
    ),
]
NoHeadersOpt = Annotated[
    bool, typer.Option("--no-headers", help="Leave out the header row (table, tsv, csv).")
]
DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Folder of YAML documents to use instead of the bundled ones (or set FUPIN_DATA).",
        show_default=False,
    ),
]
DocOpt = Annotated[
    str | None, typer.Option("--doc", help="Only this document (id or alias).", show_default=False)
]
LimitOpt = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, help="Show at most this many results.")
]
LevelOpt = Annotated[
    Level | None,
    typer.Option("--level", help="Only documents of this level.", show_default=False),
]
CurrentOpt = Annotated[
    bool, typer.Option("--current", help="Show today's names beside historical unit names.")
]
ThresholdOpt = Annotated[
    float,
    typer.Option(
        "--threshold",
        "-t",
        min=0.0,
        max=1.0,
        help="Least similarity (0..1) for two articles to be paired.",
    ),
]
AsOfOpt = Annotated[
    datetime | None,
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        help="The day asked about, YYYY-MM-DD (default: today).",
        show_default=False,
    ),
]
