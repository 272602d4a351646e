"""The responsibility chain: who pledges and reports to whom, who assesses and holds whom to
account.

Every article records the duty relations it states (reviewed data, see `ingest/relations.py`).
This module reads them as a graph per document: a pledge (签署责任书) or a report (报告) goes from
an actor to the one above it; assessing, inspecting, auditing, guiding, commending and holding
to account go from an actor to the one below it. Levels of the registry tell whether a relation
goes up, down or across.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal, NamedTuple, Protocol, get_args

from pydantic import Field

from ..corpus import Corpus
from ..errors import FupinError
from ..i18n import _
from ..levels import LEVEL_ORDER, Level
from ..models import Article, Document, Frozen, Relation, RelationKind
from ..selection import DocFilter, ids_of

RELATION_KINDS: tuple[str, ...] = get_args(RelationKind)
# relations whose `to` stands above their `from`: the ladder people climb
UPWARD: frozenset[str] = frozenset({"signs_pledge_to", "reports_to"})

Direction = Literal["up", "down", "across"]
Side = Literal["above", "own", "below"]


class UnknownRelation(FupinError):
    """A --relation value that is not one of the relation kinds."""

    def __init__(self, value: str):
        self.value = value
        super().__init__(
            _('unknown relation "{value}"; choose one of {choices}').format(
                value=value, choices=", ".join(RELATION_KINDS)
            )
        )


class ChainLink(Frozen):
    """One relation as stated by one article, with the levels of both actors."""

    doc: str
    ref: str = Field(description="Label of the article that states the relation, as written.")
    from_: str = Field(alias="from")
    relation: RelationKind
    to: str | None = None
    degree: str | None = None
    phrase: str
    from_level: Level
    to_level: Level | None = None
    direction: Direction | None = Field(
        default=None, description="up / down / across by the actors' levels; None without `to`."
    )
    side: Side | None = Field(
        default=None,
        description="For an actor's chain: the relation is above it, its own duty, or below it.",
    )


def direction_of(from_level: Level, to_level: Level | None) -> Direction | None:
    """up when `to` is at a higher level than `from`; None when a level is unknown or `any`."""
    if to_level is None or Level.any in (from_level, to_level):
        return None
    a, b = LEVEL_ORDER[from_level], LEVEL_ORDER[to_level]
    return "up" if b < a else "down" if b > a else "across"


def _level(corpus: Corpus, name: str, fallback: Level) -> Level:
    actor = corpus.registry.by_name.get(name)
    return actor.level if actor else fallback


def link(
    corpus: Corpus, doc: Document, art: Article, rel: Relation, side: Side | None = None
) -> ChainLink:
    """A relation of `art` as a ChainLink (levels looked up in the registry)."""
    return _link(corpus, doc.id, doc.level, art.label, rel, side)


def _link(
    corpus: Corpus, doc_id: str, level: Level, label: str, rel: Relation, side: Side | None = None
) -> ChainLink:
    from_level = _level(corpus, rel.from_, level)
    to_level = _level(corpus, rel.to, level) if rel.to else None
    return ChainLink.model_validate(
        {
            "doc": doc_id,
            "ref": label,
            "from": rel.from_,
            "relation": rel.relation,
            "to": rel.to,
            "degree": rel.degree,
            "phrase": rel.phrase,
            "from_level": from_level,
            "to_level": to_level,
            "direction": direction_of(from_level, to_level),
            "side": side,
        }
    )


def check_relation(relation: str | None) -> None:
    """Raises UnknownRelation unless `relation` is None or a relation kind."""
    if relation is not None and relation not in RELATION_KINDS:
        raise UnknownRelation(relation)


class _Row(NamedTuple):
    """A relation as read from the index, before it becomes a ChainLink."""

    doc: str
    label: str
    data: dict[str, Any]

    @property
    def from_(self) -> str:
        return str(self.data["from"])

    @property
    def to(self) -> str | None:
        return self.data.get("to")

    @property
    def relation(self) -> str:
        return str(self.data["relation"])


def _rows(corpus: Corpus, doc: DocFilter, relation: str | None, touching: str | None) -> list[_Row]:
    from ..index.read import relation_rows

    check_relation(relation)
    doc_ids = ids_of(corpus.conn, doc)
    return [
        _Row(*r)
        for r in relation_rows(corpus.conn, doc_ids=doc_ids, relation=relation, touching=touching)
    ]


def _links(corpus: Corpus, rows: Sequence[_Row], sides: Sequence[Side | None]) -> list[ChainLink]:
    from ..index.read import document_levels
    from ..models import Relation

    levels = document_levels(corpus.conn, sorted({r.doc for r in rows}))
    return [
        _link(corpus, r.doc, Level(levels[r.doc]), r.label, Relation.model_validate(r.data), side)
        for r, side in zip(rows, sides, strict=True)
    ]


def all_links(
    corpus: Corpus,
    *,
    doc: DocFilter = None,
    relation: str | None = None,
    touching: str | None = None,
) -> list[ChainLink]:
    """Every shipped relation in corpus order, optionally of one document or one kind, or
    of the documents in which the actor `touching` takes part in a relation.

    Read from the index's table of relations, not from the documents.

    Raises:
        UnknownDocument: `doc` names no document.
        UnknownRelation: `relation` is not a relation kind.
    """
    rows = _rows(corpus, doc, relation, touching)
    return _links(corpus, rows, [None] * len(rows))


def ladder(
    corpus: Corpus, *, doc: DocFilter = None, relation: str | None = None
) -> list[ChainLink]:
    """The pledge-and-report ladder of every document, top step first.

    Within a document the steps go from the highest acting level down (province -> central
    first, village last); ties keep article order. `relation` picks another kind instead.
    """
    links = all_links(corpus, doc=doc, relation=relation)
    if relation is None:
        links = [x for x in links if x.relation in UPWARD]
    order: dict[str, int] = {}
    for x in links:  # the links come in corpus order
        order.setdefault(x.doc, len(order))
    position = {id(x): i for i, x in enumerate(links)}
    return sorted(links, key=lambda x: (order[x.doc], LEVEL_ORDER[x.from_level], position[id(x)]))


def chain(
    corpus: Corpus, actor: str, *, doc: DocFilter = None, relation: str | None = None
) -> list[ChainLink]:
    """Everything above an actor, its own duties, and everything below it.

    Above: whom it pledges and reports to (and, up the same document's ladder, whom they pledge
    and report to), and who assesses, inspects, audits, guides or holds it accountable. Below:
    who pledges and reports to it (and to them, down the ladder), and whom it assesses ...
    Own: relations without another actor (bears 负总责, interprets, commends ...).

    Args:
        corpus: The loaded corpus.
        actor: Name, alias, other script or an unambiguous part (resolved like `duties`).
        doc: Only this document.
        relation: Only this relation kind.

    Raises:
        UnknownActor / AmbiguousActor: the name does not resolve to one registry actor.
        UnknownDocument / UnknownRelation: as for `all_links`.
    """
    check_relation(relation)
    name = corpus.registry.resolve(actor)
    rows = _rows(corpus, doc, None, name)
    sides: dict[int, Side] = {}  # position in rows -> side
    by_doc: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_doc.setdefault(r.doc, []).append(i)
    for positions in by_doc.values():
        for i, side in _walk([rows[p] for p in positions], name):
            sides.setdefault(positions[i], side)
    rank = {"above": 0, "own": 1, "below": 2}
    picked = [p for p in sides if relation is None or rows[p].relation == relation]
    picked.sort(key=lambda p: (rank[sides[p]], p))
    return _links(corpus, [rows[p] for p in picked], [sides[p] for p in picked])


class _Step(Protocol):
    @property
    def from_(self) -> str: ...
    @property
    def to(self) -> str | None: ...
    @property
    def relation(self) -> str: ...


def _walk(links: Sequence[_Step], name: str) -> Iterable[tuple[int, Side]]:
    """(index, side) of the links of one document that concern `name`, directly or up/down
    the pledge-and-report ladder."""
    for i, x in enumerate(links):
        if x.from_ == name and x.to is None:
            yield i, "own"
        elif x.from_ == name:
            yield i, "above" if x.relation in UPWARD else "below"
        elif x.to == name:
            yield i, "below" if x.relation in UPWARD else "above"
    for side in ("above", "below"):
        seen = {name}
        frontier = [name]
        while frontier:
            nxt = []
            for i, x in enumerate(links):
                if x.relation not in UPWARD or x.to is None:
                    continue
                near, far = (x.from_, x.to) if side == "above" else (x.to, x.from_)
                if near in frontier and near != name:
                    yield i, side
                if near in frontier and far not in seen:
                    seen.add(far)
                    nxt.append(far)
            frontier = nxt


__all__ = [
    "RELATION_KINDS",
    "UPWARD",
    "ChainLink",
    "UnknownRelation",
    "all_links",
    "chain",
    "direction_of",
    "ladder",
    "link",
]
