"""Rendering shared by commands that list evidence hits (who-leads, duties)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..corpus import Corpus
from ..normalize import find_spans, snippet
from ..query.responsibility import Hit, current_names
from ..render.table import Cell, Column, TableSpec

HIT_COLUMNS = ["doc", "kind", "ref", "text", "lead", "co"]


def hit_record(hit: Hit, corpus: Corpus | None = None, query: str | None = None) -> dict[str, Any]:
    """The JSON contract: doc, kind, ref, text, lead, co (+ current names, + query)."""
    record: dict[str, Any] = {}
    if query is not None:
        record["query"] = query
    record.update(
        doc=hit.doc, kind=hit.kind, ref=hit.ref, text=hit.text, lead=list(hit.lead), co=list(hit.co)
    )
    if corpus is not None:
        record["lead_current"] = current_names(corpus, hit.lead)
        record["co_current"] = current_names(corpus, hit.co)
    return record


def _with_current(corpus: Corpus | None, names: Sequence[str]) -> str:
    if corpus is None:
        return "、".join(names)
    out = []
    for name in names:
        now = current_names(corpus, [name])
        out.append(name if now == [name] else f"{name}（今{'、'.join(now)}）")
    return "、".join(out)


def hits_table(
    hits: Sequence[Hit],
    terms: Sequence[str],
    *,
    title: str | None = None,
    corpus_for_current: Corpus | None = None,
    width: int = 60,
    roles: Sequence[str] | None = None,
) -> TableSpec:
    """Evidence rows; `roles` (lead / co / article per hit) adds a role column for `duties`."""
    cols = [Column("role", "role", no_wrap=True)] if roles is not None else []
    cols += [
        Column("doc", "document", no_wrap=True),
        Column("ref", "ref", no_wrap=True),
        Column("text", "text", ratio=4),
        Column("lead", "lead / actors", ratio=2),
        Column("co", "co-operating", ratio=2),
    ]
    rows: list[dict[str, str | Cell]] = []
    for i, hit in enumerate(hits):
        spans = find_spans(hit.text, list(terms)) if terms else []
        text, spans = snippet(hit.text, spans, width=width)
        rows.append(
            {
                "role": roles[i] if roles is not None else "",
                "doc": hit.doc,
                "ref": hit.ref,
                "text": Cell(text, spans),
                "lead": _with_current(corpus_for_current, hit.lead),
                "co": _with_current(corpus_for_current, hit.co),
            }
        )
    return TableSpec(cols, rows, title=title)
