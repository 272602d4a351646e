"""Options shared by every command, defined once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..levels import Level


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    tsv = "tsv"
    csv = "csv"


FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output format: a table for people, json / jsonl / tsv / csv for programs.",
        case_sensitive=False,
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
