"""The documents a command reads, from its --doc, --region and --level (one resolver for all).

`query.selection` decides; this says on stderr what a name chose when it named several
documents, so that an answer drawn from two documents is never taken for one's.
"""

from __future__ import annotations

import sqlite3

from ..i18n import _
from ..selection import select
from .runtime import note


def split_names(values: list[str] | None) -> list[str] | None:
    """`--doc a --doc b,c` -> [a, b, c]; None when none was given."""
    if not values:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()] or None


def chosen(
    conn: sqlite3.Connection,
    doc: list[str] | None,
    region: str | None = None,
    level: str | None = None,
) -> list[str] | None:
    """The ids the filters admit (None: every document), each wider name noted on stderr.

    Raises:
        UnknownDocument: a --doc name names no document.
        NothingSelected: the filters leave no document (the CLI exits 1 and says so).
    """
    selection = select(conn, split_names(doc), region=region, level=level)
    for name, ids in selection.named:
        note(
            _("--doc {name} names {n} documents: {ids}; the answer covers them all").format(
                name=name, n=len(ids), ids=", ".join(ids)
            )
        )
    return selection.ids
