"""Who is responsible: who leads a task, what a unit is responsible for, the load per unit.

Two kinds of evidence answer it: the rows of task tables (牵头单位 / 协同单位) and articles
that assign duties to actors. All matching goes through the one fold (`normalize`), so a
simplified query finds a traditional text and the other way round. Every verb reads only the
rows of its answer from the index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, cast

from pydantic import Field

from ..corpus import Corpus
from ..errors import UnknownActor
from ..levels import Level
from ..models import Actor, Article, Document, Frozen, Task
from ..normalize import normalize

HitKind = Literal["task", "article"]


class Hit(Frozen):
    """One piece of evidence: a task row or an article, with the units it names."""

    doc: str
    kind: HitKind
    ref: str = Field(description="Task path, or the article's label as written.")
    text: str
    lead: tuple[str, ...] = Field(description="Lead units; for an article, its actors.")
    co: tuple[str, ...] = ()
    score: float = Field(default=0.0, description="Share of the text the query covers.")


class Duties(Frozen):
    """Everything one unit (or the historical units a current name covers) is named in."""

    actor: str
    covers: tuple[str, ...] = Field(description="Registry units included (history of a name).")
    lead: tuple[Hit, ...]
    co: tuple[Hit, ...]
    articles: tuple[Hit, ...]


class ActorLoad(Frozen):
    name: str
    aliases: tuple[str, ...]
    level: Level
    kind: str
    lead: int
    co: int
    articles: int
    successors: tuple[str, ...] = ()


def task_hit(doc: Document, task: Task, score: float = 0.0) -> Hit:
    return Hit(
        doc=doc.id,
        kind="task",
        ref=task.path,
        text=task.text,
        lead=task.lead,
        co=task.co,
        score=score,
    )


def article_hit(doc: Document, art: Article, score: float = 0.0) -> Hit:
    return Hit(
        doc=doc.id, kind="article", ref=art.label, text=art.full_text, lead=art.actors, score=score
    )


def row_hit(
    doc: str, kind: str, ref: str, text: str, data: Mapping[str, Any], score: float = 0.0
) -> Hit:
    """The hit of a task or article row of the index (its fields name the units)."""
    if kind == "task":
        lead, co = data.get("lead", ()), data.get("co", ())
    else:
        lead, co = data.get("actors", ()), ()
    # the index holds validated data: no need to validate it again for every hit
    return Hit.model_construct(
        doc=doc,
        kind=cast(HitKind, kind),
        ref=ref,
        text=text,
        lead=tuple(lead),
        co=tuple(co),
        score=score,
    )


def _scope(
    corpus: Corpus, doc: str | None, level: Level | str | None
) -> tuple[list[str] | None, str | None]:
    """The documents (None: all) and the level a query is restricted to."""
    return ([corpus.document_id(doc)] if doc else None), (str(level) if level else None)


def who_leads(
    corpus: Corpus,
    terms: Sequence[str],
    *,
    doc: str | None = None,
    level: Level | None = None,
    kind: HitKind | None = None,
    limit: int | None = None,
) -> list[Hit]:
    """Tasks and duty-assigning articles whose text holds every term, best first.

    Each term matches as written up to the fold, or as a listed regional variant of the whole
    term (see `normalize`). Tasks come before articles; within a kind, hits whose text the
    query covers more come first; ties keep corpus order. Answered from the index: only the
    hits are read.
    """
    from ..index.match import Match, document_ranges, spellings, units_by_coverage
    from ..index.read import codec

    keys = [k for k in dict.fromkeys(normalize(t) for t in terms) if k]
    if not keys:
        return []
    docs, level_name = _scope(corpus, doc, level)
    words = tuple(spellings(corpus.conn, k) for k in keys)
    m = Match(
        words,
        kinds=(kind,) if kind else ("task", "article"),
        ranges=document_ranges(corpus.conn, docs, level_name),
        actors_only=True,
    )
    covered = sum(len(k) for k in keys)
    fields_of = codec(corpus.conn).decode
    return [
        row_hit(
            doc_id, kind_, ref, text, fields_of(fields), round(min(1.0, covered / max(1, flen)), 4)
        )
        for _id, doc_id, kind_, _no, ref, text, flen, _items, fields in units_by_coverage(
            corpus.conn, m, covered, limit
        )
    ]


def spellings_of(corpus: Corpus, terms: Sequence[str]) -> list[str]:
    """Every spelling the terms are looked for in (to mark them in the text): each term
    folded, in its other-script phrase spelling, and its regional variants."""
    from ..index.match import spellings

    keys = [k for k in dict.fromkeys(normalize(t) for t in terms) if k]
    return list(dict.fromkeys(s for k in keys for s in spellings(corpus.conn, k).spellings))


def resolve_covered(corpus: Corpus, query: str) -> tuple[str, list[str]]:
    """(the name to show, registry units it covers): a current name covers its predecessors."""
    registry = corpus.registry
    key = normalize(query)
    exact = registry.canonical(query)
    if exact is None:
        predecessors = sorted(
            {a.name for a in corpus.actors for s in a.successors if normalize(s.name) == key}
        )
        if predecessors:
            name = next(
                s.name for a in corpus.actors for s in a.successors if normalize(s.name) == key
            )
            return name, predecessors
    canon = exact or registry.resolve(query)
    return canon, [canon]


def duties(
    corpus: Corpus, actor: str, *, doc: str | None = None, level: Level | None = None
) -> Duties:
    """What a unit leads, co-operates on and is named in across all documents.

    A task that names the unit as lead and as co-operating unit counts as led. Answered
    from the index's table of roles: only the tasks and articles that name the unit are read.

    Raises:
        UnknownActor / AmbiguousActor: the name does not resolve to one registry unit.
    """
    from ..index.read import units_naming

    name, covers = resolve_covered(corpus, actor)
    docs, level_name = _scope(corpus, doc, level)
    roles: dict[int, tuple[set[str], tuple[str, str, str, str, dict[str, Any]]]] = {}
    for role, (unit_id, doc_id, kind, ref, text, fields) in units_naming(
        corpus.conn, covers, docs=docs, level=level_name
    ):
        roles.setdefault(unit_id, (set(), (doc_id, kind, ref, text, fields)))[0].add(role)
    lead: list[Hit] = []
    co: list[Hit] = []
    articles: list[Hit] = []
    for named, unit in roles.values():
        if "actors" in named:
            articles.append(row_hit(*unit))
        elif "lead" in named:
            lead.append(row_hit(*unit))
        elif "co" in named:
            co.append(row_hit(*unit))
    return Duties(
        actor=name, covers=tuple(covers), lead=tuple(lead), co=tuple(co), articles=tuple(articles)
    )


def actor_loads(corpus: Corpus, *, doc: str | None = None) -> list[ActorLoad]:
    """The registry with how many tasks each unit leads and co-operates on, busiest first."""
    from ..index.read import role_counts

    counts = role_counts(corpus.conn, corpus.document_id(doc) if doc else None)
    rows = []
    for actor in corpus.actors:
        lead, co = counts.get((actor.name, "lead"), 0), counts.get((actor.name, "co"), 0)
        arts = counts.get((actor.name, "actors"), 0)
        if doc and not (lead or co or arts):
            continue
        rows.append(_load(actor, lead, co, arts))
    rows.sort(key=lambda r: (-(r.lead + r.co), -r.lead, -r.articles, r.name))
    return rows


def _load(actor: Actor, lead: int, co: int, articles: int) -> ActorLoad:
    return ActorLoad(
        name=actor.name,
        aliases=tuple(a.name for a in actor.aliases),
        level=actor.level,
        kind=actor.kind.value,
        lead=lead,
        co=co,
        articles=articles,
        successors=tuple(s.name for s in actor.successors),
    )


def responsibility_matrix(
    corpus: Corpus, *, doc: str | None = None
) -> tuple[list[str], list[dict[str, str]]]:
    """Task x unit matrix: one row per task, one column per unit, L (lead) or C (co-operating)."""
    from ..index.read import task_rows

    loads = actor_loads(corpus, doc=doc)
    units = [a.name for a in loads if a.lead or a.co]
    rows = []
    for _id, doc_id, _kind, path, text, data in task_rows(
        corpus.conn, corpus.document_id(doc) if doc else None
    ):
        lead, co = set(data.get("lead", ())), set(data.get("co", ()))
        row = {"doc": doc_id, "task": path, "text": text}
        for unit in units:
            row[unit] = "L" if unit in lead else "C" if unit in co else ""
        rows.append(row)
    return ["doc", "task", "text", *units], rows


def hit_record(hit: Hit, corpus: Corpus | None = None, query: str | None = None) -> dict[str, Any]:
    """The JSON record of a hit: doc, kind, ref, text, lead, co; with `corpus`, today's names
    (lead_current, co_current); with `query`, the query that found it first."""
    record: dict[str, Any] = {} if query is None else {"query": query}
    record.update(
        doc=hit.doc, kind=hit.kind, ref=hit.ref, text=hit.text, lead=list(hit.lead), co=list(hit.co)
    )
    if corpus is not None:
        record["lead_current"] = current_names(corpus, hit.lead)
        record["co_current"] = current_names(corpus, hit.co)
    return record


def current_names(corpus: Corpus, names: Iterable[str]) -> list[str]:
    """Today's names for historical units: the latest recorded successors (or the name itself).

    A unit's successors may record a chain (银监局: 2018 银保监局, then 2023
    金融监管总局云南监管局); the entries of the latest year are today's.
    """
    out: list[str] = []
    for name in names:
        actor = corpus.registry.by_name.get(name)
        if actor is None or not actor.successors:
            current = [name]
        else:
            latest = max(s.year for s in actor.successors)
            current = [s.name for s in actor.successors if s.year == latest]
        out.extend(c for c in current if c not in out)
    return out


__all__ = [
    "ActorLoad",
    "Duties",
    "Hit",
    "UnknownActor",
    "actor_loads",
    "current_names",
    "duties",
    "hit_record",
    "responsibility_matrix",
    "spellings_of",
    "who_leads",
]
