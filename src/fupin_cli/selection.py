"""Which documents a command reads: the one resolver of `--doc`, `--region` and `--level`.

A name given for a document names:
- exactly the document with that id, when it is an id (ids are unique by construction);
- otherwise every document with that alias, and every document of the place it names (云南 is
  an alias of `yunnan` and the region of `yunnan-division`, 云南省).

Where one document is needed (`show`, `diff`, `trace`) a name that names several stops with
the candidates (`AmbiguousDocument`): there is no right guess. Where documents are a filter
(`--doc` on the listing commands) it selects them all and says which: the question "who leads
this in 云南" is asked of every Yunnan document, and leaving one out in silence is how a reader
concludes that nobody leads a task. Filters that leave no document raise `NothingSelected`
rather than answering with an empty list that looks like "no match in the documents".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from .errors import AmbiguousDocument, NothingSelected, UnknownDocument
from .i18n import _
from .normalize import fold


class Selection(NamedTuple):
    """The documents a command reads.

    Attributes:
        ids: the chosen documents in corpus order; None when no filter was given (all).
        named: each `--doc` name that named several documents, with their ids.
    """

    ids: list[str] | None
    named: list[tuple[str, list[str]]]


def _place_matches(conn: sqlite3.Connection, name: str) -> list[str]:
    """The documents of the place `name` names (云南 -> 云南省; 威远 -> 四川省内江市威远县)."""
    from .index.read import document_places

    key = fold(name)
    if len(key) < 2:  # one character (省, 县) names no place
        return []
    return [i for i, _title, _level, region in document_places(conn) if key in fold(region or "")]


def documents_named(conn: sqlite3.Connection, name: str) -> list[str]:
    """Every document `name` names: the one with that id, else by alias and by place.

    Raises:
        UnknownDocument: the name names no document (with the closest ids).
    """
    from .index.read import document_ids, documents_with_key, has_document

    if has_document(conn, name):
        return [name]
    found = documents_with_key(conn, name)
    found += [i for i in _place_matches(conn, name) if i not in found]
    if not found:
        import difflib

        ids = document_ids(conn)
        raise UnknownDocument(name, difflib.get_close_matches(name, ids, n=3, cutoff=0.6))
    order = {doc_id: n for n, doc_id in enumerate(document_ids(conn))}
    return sorted(found, key=order.__getitem__)


def one_document(conn: sqlite3.Connection, name: str) -> str:
    """The id of the one document `name` names.

    Raises:
        UnknownDocument: it names none.
        AmbiguousDocument: it names several (the error lists them with their titles).
    """
    from .index.read import document_places

    found = documents_named(conn, name)
    if len(found) == 1:
        return found[0]
    titles = {i: title for i, title, _level, _region in document_places(conn)}
    raise AmbiguousDocument(name, [(i, titles[i]) for i in found])


def select(
    conn: sqlite3.Connection,
    docs: Sequence[str] | None = None,
    *,
    region: str | None = None,
    level: str | None = None,
) -> Selection:
    """The documents that every filter given admits (each `--doc` name with all it names).

    Raises:
        UnknownDocument: a `--doc` name names no document.
        NothingSelected: the filters together leave no document.
    """
    if not docs and not region and not level:
        return Selection(None, [])
    from .index.read import document_places

    places = document_places(conn)
    chosen = [i for i, *_rest in places]
    named: list[tuple[str, list[str]]] = []
    if docs:
        wanted: set[str] = set()
        for name in docs:
            found = documents_named(conn, name)
            if len(found) > 1:
                named.append((name, found))
            wanted.update(found)
        chosen = [i for i in chosen if i in wanted]
    if region:
        key = fold(region)
        in_region = {i for i, _t, _l, r in places if key in fold(r or "")}
        if not in_region:
            regions = "、".join(dict.fromkeys(r for *_rest, r in places if r))
            raise NothingSelected(
                _("no document is of the region {region} (the regions: {regions})").format(
                    region=region, regions=regions
                )
            )
        chosen = [i for i in chosen if i in in_region]
    if level:
        chosen = [i for i, _t, lv, _r in places if i in chosen and lv == level]
    if not chosen:
        raise NothingSelected(
            _("no document is left by {filters}; nothing to search").format(
                filters=_describe(docs, region, level)
            )
        )
    return Selection(chosen, named)


def _describe(docs: Sequence[str] | None, region: str | None, level: str | None) -> str:
    parts = [f"--doc {','.join(docs)}"] if docs else []
    parts += [f"--region {region}"] if region else []
    parts += [f"--level {level}"] if level else []
    return _(" and ").join(parts)


#: A document filter as the library's verbs take it: a name, several names, or None for all.
DocFilter = str | Sequence[str] | None


def ids_of(conn: sqlite3.Connection, doc: DocFilter) -> list[str] | None:
    """The ids a document filter names (each name with every document it names), or None."""
    if doc is None:
        return None
    names = [doc] if isinstance(doc, str) else list(doc)
    found: list[str] = []
    for name in names:
        found += [i for i in documents_named(conn, name) if i not in found]
    return found
