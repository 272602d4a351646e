"""One place that writes a command's result in the format the user asked for."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..render import machine
from ..render.table import TableSpec, render_table
from .options import Format
from .runtime import is_terminal, terminal_width


@dataclass
class Output:
    """A result in every shape: `payload` for json, `records` for jsonl / tsv / csv, a table."""

    payload: Any
    records: Sequence[Mapping[str, Any]]
    columns: Sequence[str]
    table: Callable[[], TableSpec]


def emit(output: Output, fmt: Format, no_headers: bool = False) -> None:
    out = sys.stdout
    if fmt is Format.json:
        machine.write_json(out, output.payload)
    elif fmt is Format.jsonl:
        machine.write_jsonl(out, output.records)
    elif fmt is Format.tsv:
        machine.write_tsv(out, output.records, output.columns, headers=not no_headers)
    elif fmt is Format.csv:
        machine.write_csv(out, output.records, output.columns, headers=not no_headers)
    elif output.records or not isinstance(output.payload, list):
        # like grep, a query that matched nothing prints nothing (its exit status says so)
        render_table(
            output.table(),
            out,
            terminal=is_terminal(),
            headers=not no_headers,
            width=terminal_width(),
        )
