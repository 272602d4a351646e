"""Shell completion of the values that come from the data: documents, units, relations.

Typer's own completion (`fupin --install-completion`, for bash, zsh and fish) calls these with
what the user has typed so far; each reads the index of the data folder in use (`--data` if
given before, else FUPIN_DATA or the bundled documents). A folder that cannot be read completes
nothing rather than printing an error into the shell.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer

from ..errors import FupinError

Candidates = list[tuple[str, str]]


def _corpus(ctx: typer.Context | None) -> Any:
    from ..corpus import load_corpus

    data = (ctx.params.get("data") if ctx is not None else None) or os.environ.get("FUPIN_DATA")
    return load_corpus(Path(data) if data else None)


def _starting(incomplete: str, pairs: list[tuple[str, str]]) -> Candidates:
    """The pairs whose value starts with what was typed (in any script or width)."""
    from ..normalize import normalize

    typed = normalize(incomplete)
    seen: dict[str, str] = {}
    for value, about in pairs:
        if normalize(value).startswith(typed) and value not in seen:
            seen[value] = about
    return list(seen.items())


def documents(ctx: typer.Context, incomplete: str) -> Candidates:
    """Document ids and aliases, each with the document's short title."""
    from ..query.documents import document_summaries

    try:
        rows = document_summaries(_corpus(ctx))
    except (FupinError, OSError):
        return []
    pairs = []
    for row in rows:
        about = row.get("short_title") or row["title"]
        pairs += [(row["id"], about), *((alias, row["id"]) for alias in row.get("aliases") or [])]
    return _starting(incomplete, pairs)


def units(ctx: typer.Context, incomplete: str) -> Candidates:
    """Unit names and their aliases from the actor registry (an alias says whose it is)."""
    try:
        actors = _corpus(ctx).actors
    except (FupinError, OSError):
        return []
    pairs = []
    for actor in actors:
        pairs += [(actor.name, ""), *((a.name, actor.name) for a in actor.aliases)]
    return _starting(incomplete, pairs)


def relations(ctx: typer.Context, incomplete: str) -> Candidates:
    """The relation ids, each with its words in the reader's language."""
    from ..render.words import RELATIONS, relation_word

    return _starting(incomplete, [(r, relation_word(r)) for r in RELATIONS])
