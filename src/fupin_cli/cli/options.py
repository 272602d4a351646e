"""Options shared by the commands, each defined once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from ..i18n import _
from ..levels import Level
from ..render.view import LISTING_FORMATS, Format
from . import complete


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
            raise typer.BadParameter(
                _("'{value}' is not one of {choices}").format(value=value, choices=", ".join(names))
            )
        return Format(chosen)

    return typer.Option(
        "--format",
        "-f",
        parser=parse,
        autocompletion=lambda: names,
        help=about
        or _("Output format: {people} for people; {programs} for programs.").format(
            people=names[0], programs=", ".join(names[1:])
        ),
    )


FormatOpt = Annotated[Format, format_option()]
#: A comparison (`diff`, `trace`): the listing formats, a page to share, a table for a wiki.
ComparisonFormatOpt = Annotated[
    Format,
    format_option(
        (*LISTING_FORMATS, Format.html, Format.md),
        _(
            "table (a report) for people; json, jsonl, tsv, csv for programs; html (a page to "
            "share, one self-contained file); md (a Markdown table for issues and wikis)."
        ),
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help=_("Write to this file instead of stdout (replaced whole, never half-written)."),
        show_default=False,
        dir_okay=False,
    ),
]
NoHeadersOpt = Annotated[
    bool, typer.Option("--no-headers", help=_("Leave out the header row (table, tsv, csv)."))
]
DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help=_("Folder of YAML documents to use instead of the bundled ones (or set FUPIN_DATA)."),
        show_default=False,
    ),
]
DocOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--doc",
        help=_(
            "Only these documents: an id, or an alias or place that may name several "
            "(云南 is yunnan and yunnan-division); repeat or separate with commas."
        ),
        show_default=False,
        autocompletion=complete.documents,
    ),
]
#: Only the tasks and articles that name this unit (`deadlines`, `targets`).
ActorOpt = Annotated[
    str | None,
    typer.Option(
        "--actor",
        help=_("Only tasks and articles naming this unit."),
        autocompletion=complete.units,
        show_default=False,
    ),
]
RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        help=_("Only the documents of this place (云南, 威远县, 内江市)."),
        show_default=False,
    ),
]
LimitOpt = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, help=_("Show at most this many results."))
]
LevelOpt = Annotated[
    Level | None,
    typer.Option("--level", help=_("Only documents of this level."), show_default=False),
]
CurrentOpt = Annotated[
    bool, typer.Option("--current", help=_("Show today's names beside historical unit names."))
]
ThresholdOpt = Annotated[
    float,
    typer.Option(
        "--threshold",
        "-t",
        min=0.0,
        max=1.0,
        help=_("Least similarity (0..1) for two articles to be paired."),
    ),
]
WideOpt = Annotated[
    bool,
    typer.Option(
        "--wide",
        help=_(
            "On a terminal, show every column and every cell whole instead of fitting the "
            "table to the width."
        ),
    ),
]
AsOfOpt = Annotated[
    datetime | None,
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        help=_("The day asked about, YYYY-MM-DD (default: today)."),
        show_default=False,
    ),
]
