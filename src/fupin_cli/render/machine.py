"""Machine-readable renderers: json, jsonl, tsv, csv. Chinese is written unescaped."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

LIST_SEPARATOR = "、"


def to_json(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str)


def cell(value: Any) -> str:
    """One tsv/csv cell: lists joined with 、, None empty, newlines kept out of tsv."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_json(out: TextIO, payload: Any) -> None:
    """The payload as indented JSON; an iterator of records is written as a list, one record
    at a time (the same text as the whole list, without holding it)."""
    if isinstance(payload, list | tuple | Mapping) or not isinstance(payload, Iterable):
        out.write(to_json(payload) + "\n")
        return
    first = True
    for record in payload:
        out.write("[\n" if first else ",\n")
        out.write("\n".join("  " + line for line in to_json(record).split("\n")))
        first = False
    out.write("[]\n" if first else "\n]\n")


def write_jsonl(out: TextIO, records: Iterable[Any]) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def write_tsv(
    out: TextIO, rows: Iterable[Mapping[str, Any]], columns: Sequence[str], headers: bool = True
) -> None:
    def clean(text: str) -> str:
        return text.replace("\t", " ").replace("\r", " ").replace("\n", "\\n")

    if headers:
        out.write("\t".join(columns) + "\n")
    for row in rows:
        out.write("\t".join(clean(cell(row.get(c))) for c in columns) + "\n")


def write_csv(
    out: TextIO, rows: Iterable[Mapping[str, Any]], columns: Sequence[str], headers: bool = True
) -> None:
    writer = csv.writer(out, lineterminator="\n")
    if headers:
        writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
