"""The corpus and its registries: documents by id or alias, articles, tasks, actors.

`load_corpus` is the one way to load a data folder: over the compiled index (`fupin_cli.index`),
which is rebuilt first whenever a data file changed, or, with ``cached=False``, over an index
built in memory and thrown away. A `Corpus` reads what it is asked for from the index.
"""

from __future__ import annotations

import re
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .datafolder import DataFolder
from .errors import AmbiguousActor, UnknownActor, UnknownReference
from .i18n import _
from .normalize import normalize
from .numerals import parse_int

if TYPE_CHECKING:  # the models cost time to import; `docs` and `search` never need them
    from .index import Index
    from .models import Actor, Article, Document, Reference, Task

#: How many documents a corpus keeps in memory once read (a trace walks through many).
LOADED_DOCUMENTS = 64


def suggest(name: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Close matches for a mistyped name, best first."""
    import difflib  # only when a name was mistyped

    return difflib.get_close_matches(name, list(choices), n=n, cutoff=0.6)


@dataclass
class ActorRegistry:
    """Canonical actors and every name they go by, resolved through the normalizer."""

    actors: list[Actor]
    _by_key: dict[str, str] = field(init=False, repr=False)
    _scoped: dict[str, ActorRegistry] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._by_key = {}
        for actor in self.actors:
            for name in (actor.name, *(a.name for a in actor.aliases)):
                self._by_key.setdefault(normalize(name), actor.name)

    @cached_property
    def by_name(self) -> dict[str, Actor]:
        return {a.name: a for a in self.actors}

    def canonical(self, name: str) -> str | None:
        """Canonical name for an exact name or alias (in any script), else None."""
        return self._by_key.get(normalize(name))

    def names(self) -> list[str]:
        """Every known spelling (canonical and aliases), longest first: for splitting lists."""
        return list(self._names)

    @cached_property
    def _names(self) -> tuple[str, ...]:
        out = {a.name for a in self.actors}
        for a in self.actors:
            out.update(al.name for al in a.aliases)
        return tuple(sorted(out, key=lambda s: (-len(s), s)))

    @cached_property
    def folded_names(self) -> tuple[tuple[str, str], ...]:
        """(folded spelling, canonical name) of every spelling, longest spelling first.

        Folding every name once here, not once per text, is what makes matching a corpus of
        thousands of articles affordable.
        """
        out: dict[str, str] = {}
        for name in self._names:
            key = normalize(name)
            if key and key not in out:
                out[key] = self._by_key[key]
        return tuple(sorted(out.items(), key=lambda kv: (-len(kv[0]), kv[0])))

    def within(self, region: str | None) -> ActorRegistry:
        """The actors whose names hold in a document of `region` (四川省成都市).

        An actor recorded for a region (省发展改革委 of 云南) is that region's body: its names
        apply only in a document whose region names it; actors without a region (classes such
        as 县级党委和政府, central bodies) apply everywhere. None keeps every actor.
        """
        if region is None:
            return self
        key = normalize(region)
        if key not in self._scoped:
            kept = [a for a in self.actors if a.region is None or normalize(a.region) in key]
            self._scoped[key] = self if len(kept) == len(self.actors) else ActorRegistry(kept)
        return self._scoped[key]

    def successors_of(self, name: str) -> list[str]:
        actor = self.by_name.get(name)
        return [s.name for s in actor.successors] if actor else []

    def predecessors_of(self, name: str) -> list[str]:
        """Historical units whose successor is `name` (a current unit)."""
        return [a.name for a in self.actors if any(s.name == name for s in a.successors)]

    def resolve(self, query: str) -> str:
        """Resolve a user's actor name: canonical, alias, other script, or an unambiguous part.

        Raises:
            UnknownActor: nothing matches; carries close names as suggestions.
            AmbiguousActor: the part matches several actors.
        """
        exact = self.canonical(query)
        if exact is not None:
            return exact
        key = normalize(query)
        successor_hits = sorted(
            {a.name for a in self.actors for s in a.successors if normalize(s.name) == key}
        )
        if successor_hits:
            return (
                successor_hits[0]
                if len(successor_hits) == 1
                else self._ambiguous(query, successor_hits)
            )
        hits = sorted({canon for k, canon in self._by_key.items() if key and key in k})
        if len(hits) == 1:
            return hits[0]
        if hits:
            return self._ambiguous(query, hits)
        raise UnknownActor(query, suggest(query, [a.name for a in self.actors]))

    @staticmethod
    def _ambiguous(query: str, hits: list[str]) -> str:
        raise AmbiguousActor(query, hits)


class Corpus:
    """A corpus over its compiled index: each method reads only what it is asked for.

    `load_corpus` opens one over a data folder's index. ``Corpus(documents, actors,
    references)`` makes one of models built in code (it indexes them in memory). The
    whole-corpus attributes (`documents`, `by_id`, `all_articles` ...) load every document
    and are kept for library users; queries use `document`, `ids` and the index.
    """

    def __init__(
        self,
        documents: Iterable[Document] = (),
        actors: Sequence[Actor] = (),
        references: Sequence[Reference] = (),
        *,
        index: Index | None = None,
    ) -> None:
        if index is None:
            from .index import Index, memory_connection
            from .index.build import build_from_models

            conn = memory_connection()
            build_from_models(conn, documents, actors, references)
            index = Index(conn, None, Path(), rebuilt=True)
        self.index = index
        self._loaded: OrderedDict[str, Document] = OrderedDict()

    @property
    def conn(self) -> sqlite3.Connection:
        """The open index (read it through `fupin_cli.index.read`)."""
        return self.index.conn

    def close(self) -> None:
        self.index.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fold(self, text: str) -> str:
        """The matching form of `text` (see `normalize.fold`)."""
        return normalize(text)

    # --- what queries ask for ---------------------------------------------------------

    def ids(self) -> list[str]:
        """Every document id, in corpus order (superior documents first)."""
        from .index.read import document_ids

        return document_ids(self.conn)

    def document_id(self, key: str) -> str:
        """The id of the one document `key` names (its id, an alias in any script, or a place
        that only one document is of), without loading it.

        Raises:
            UnknownDocument: with the closest ids as suggestions.
            AmbiguousDocument: the name names several documents (they are listed).
        """
        from .selection import one_document

        return one_document(self.conn, key)

    def has(self, doc_id: str) -> bool:
        from .index.read import has_document

        return doc_id in self._loaded or has_document(self.conn, doc_id)

    def document(self, key: str) -> Document:
        """A document by id or alias (any script), read from the index.

        Raises:
            UnknownDocument: with the closest ids as suggestions.
        """
        doc_id = key if key in self._loaded else self.document_id(key)
        found = self._loaded.get(doc_id)
        if found is None:
            from .index.read import document_data_of
            from .models import Document

            found = Document.model_validate(document_data_of(self.conn, doc_id))
            self._loaded[doc_id] = found
            if len(self._loaded) > LOADED_DOCUMENTS:
                self._loaded.popitem(last=False)
        else:
            self._loaded.move_to_end(doc_id)
        return found

    @cached_property
    def actors(self) -> list[Actor]:
        from .index.read import actors_json
        from .models import Actor

        return [Actor.model_validate_json(js) for js in actors_json(self.conn)]

    @cached_property
    def references(self) -> list[Reference]:
        from .index.read import references_json
        from .models import Reference

        return [Reference.model_validate_json(js) for js in references_json(self.conn)]

    @cached_property
    def registry(self) -> ActorRegistry:
        return ActorRegistry(self.actors)

    @cached_property
    def references_by_id(self) -> dict[str, Reference]:
        return {r.id: r for r in self.references}

    @cached_property
    def paths(self) -> Mapping[str, Path]:
        """The file each document was read from."""
        from .index.read import paths

        return paths(self.conn)

    # --- the whole corpus at once (library users; validate) ----------------------------

    @cached_property
    def documents(self) -> list[Document]:
        """Every document, in corpus order (reads the whole index)."""
        from .index.read import all_document_data
        from .models import Document

        return [Document.model_validate(data) for data in all_document_data(self.conn)]

    @cached_property
    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    def all_articles(self) -> Iterator[tuple[Document, Article]]:
        for doc in self.documents:
            for art in doc.articles:
                yield doc, art

    def all_tasks(self) -> Iterator[tuple[Document, Task]]:
        for doc in self.documents:
            for task in doc.tasks:
                yield doc, task

    # --- one article or task of a document ----------------------------------------------

    def article(self, doc: Document, ref: str) -> Article:
        """An article by `14`, `第十四条`, `十四`, `(十四)` or its label as written."""
        key = normalize(ref)
        for art in doc.articles:
            if normalize(art.label) == key:
                return art
        no = parse_article_ref(ref)
        found = doc.article(no) if no is not None else None
        if found is None:
            labels = [a.label for a in doc.articles]
            raise UnknownReference(
                ref,
                suggest(ref, labels),
                hint=(
                    _("({doc} has {articles} articles and {tasks} tasks)")
                    if doc.tasks
                    else _("({doc} has {articles} articles)")
                ).format(doc=doc.id, articles=len(doc.articles), tasks=len(doc.tasks)),
            )
        return found

    def task(self, doc: Document, ref: str) -> Task:
        """A task by its outline path, the end of it ((一) 3. (2)), or its number in the table."""
        key = normalize(ref)
        exact = [t for t in doc.tasks if normalize(t.path) == key]
        if exact:
            return exact[0]
        ends = [t for t in doc.tasks if normalize(t.path).endswith(key)]
        if len(ends) == 1:
            return ends[0]
        if key.startswith("#") and key[1:].isdigit():
            no = int(key[1:])
            found = [t for t in doc.tasks if t.no == no]
            if found:
                return found[0]
        raise UnknownReference(
            ref,
            suggest(ref, [t.path for t in doc.tasks]),
            hint=_("(a task path such as '(一) 3. (2)' or #N)"),
        )


_ARTICLE_REF = re.compile(r"^第?([0-9零〇一二两三四五六七八九十百千]+)[条條]?$")


def parse_article_ref(ref: str) -> int | None:
    """`14`, `第十四条`, `十四`, `(十四)` -> 14; None when it is not an article number."""
    key = normalize(ref).strip("()")
    m = _ARTICLE_REF.match(key)
    return parse_int(m.group(1)) if m else None


def load_corpus(data: Path | str | DataFolder | None = None, *, cached: bool = True) -> Corpus:
    """The corpus of a data folder (None: $FUPIN_DATA, else the bundled documents).

    The corpus reads its compiled index as it is asked (see `Corpus`); it keeps the index
    open until `close` (or the end of a ``with`` block).

    Args:
        data: a folder of YAML documents (or its scan); registries it lacks come from the
            bundled data.
        cached: read the compiled index in the user cache (built or rebuilt first when a
            file changed); False builds a throw-away index in memory.

    Raises:
        DataError / DataErrors: the folder is missing, or a file is unreadable or invalid
            (every problem of every file is collected first).
    """
    from .index import open_index

    return Corpus(index=open_index(data, cached=cached))
