"""Column specs shared by several commands."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..corpus import Corpus
from ..query.responsibility import current_names
from ..render.view import Column
from ..render.words import role_word


def _names(key: str, corpus: Corpus | None) -> Callable[[Mapping[str, Any]], str]:
    """The units of a row as table text; with `corpus`, today's name after a historical one
    (`省卫生计生委（今省卫生健康委）`)."""

    def show(row: Mapping[str, Any]) -> str:
        names = row.get(key) or []
        if corpus is None:
            return "、".join(names)
        out = []
        for name in names:
            now = current_names(corpus, [name])
            out.append(name if now == [name] else f"{name}（今{'、'.join(now)}）")
        return "、".join(out)

    return show


def hit_columns(
    *,
    current: Corpus | None = None,
    role: bool = False,
    query: bool = False,
    several: bool = False,
    responsible: bool = False,
) -> list[Column]:
    """The evidence rows of who-leads and duties: doc, kind, ref, text, lead, co.

    Args:
        current: the corpus whose successions give today's names (`--current`).
        role: add the actor and role columns of `duties`.
        query: add the query column of several queries read from stdin.
        several: the rows answer several units or queries: show which in the table.
        responsible: show the responsible units (责任单位) in the table too (they are always
            in the machine formats, after co).
    """
    cols = [Column("query", table=several)] if query else []
    cols += (
        [
            Column("actor", "unit", table=several),
            Column("role", no_wrap=True, show=lambda r: role_word(r["role"])),
        ]
        if role
        else []
    )
    cols += [
        Column("doc", "document", no_wrap=True),
        Column("kind", table=False),
        Column("ref", no_wrap=True),
        Column("text", ratio=4, highlight=True, around=60),
        Column("lead", "lead / actors", ratio=2, names=True, show=_names("lead", current)),
        Column("co", "co-operating", ratio=2, names=True, show=_names("co", current)),
        Column(
            "responsible",
            table=responsible,
            ratio=2,
            names=True,
            show=_names("responsible", current),
        ),
    ]
    if current is not None:
        cols += [
            Column("lead_current", table=False),
            Column("co_current", table=False),
            Column("responsible_current", table=False),
        ]
    return cols


def any_responsible(rows: list[dict[str, Any]]) -> bool:
    """Whether any row names responsible units (the table then shows the column)."""
    return any(row.get("responsible") for row in rows)
