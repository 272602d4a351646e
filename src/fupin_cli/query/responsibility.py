"""Who is responsible: who leads a task, what a unit is responsible for, the load per unit.

Two kinds of evidence answer it: tasks (牵头单位 / 责任单位 / 配合单位, in whatever form the
document printed them) and articles that assign duties to actors. A task's units are
registry names, or names kept as written where the registry does not know them in the
document's region (`Task.unknown`, `Task.generic`); those are found under the name as
written. All matching goes through `normalize`, so a simplified query finds a traditional
text and the other way round.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from pydantic import Field

from ..corpus import Corpus
from ..errors import UnknownActor
from ..levels import Level
from ..models import Actor, Article, Document, Frozen, Task, TaskRole
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
    responsible: tuple[str, ...] = Field(
        default=(), description="Units named 责任单位 without saying who leads."
    )


class Duties(Frozen):
    """Everything one unit (or the historical units a current name covers) is named in."""

    actor: str
    covers: tuple[str, ...] = Field(description="Registry units included (history of a name).")
    lead: tuple[Hit, ...]
    co: tuple[Hit, ...]
    articles: tuple[Hit, ...]
    responsible: tuple[Hit, ...] = ()


class ActorLoad(Frozen):
    """A unit and how many tasks it carries in each role.

    Units kept as written (the registry does not know them) have kind ``unregistered`` or,
    for a class of holders (各有关单位), ``generic``, and level ``unknown``.
    """

    name: str
    aliases: tuple[str, ...]
    level: Level
    kind: str
    lead: int
    co: int
    articles: int
    successors: tuple[str, ...] = ()
    responsible: int = 0


def task_hit(doc: Document, task: Task, score: float = 0.0) -> Hit:
    return Hit(
        doc=doc.id,
        kind="task",
        ref=task.path,
        text=task.text,
        lead=task.lead,
        co=task.co,
        score=score,
        responsible=task.responsible,
    )


ROLES: tuple[TaskRole, ...] = ("lead", "responsible", "co")


def registered_units(task: Task, role: TaskRole) -> list[str]:
    """The units of a role that are registry names (not kept as written)."""
    as_written = set(task.unknown) | set(task.generic)
    return [u for u in task.units(role) if u not in as_written]


def written_units(task: Task, role: TaskRole) -> list[str]:
    """The units of a role kept as written (unknown to the registry, or generic)."""
    as_written = set(task.unknown) | set(task.generic)
    return [u for u in task.units(role) if u in as_written]


def article_hit(doc: Document, art: Article, score: float = 0.0) -> Hit:
    return Hit(
        doc=doc.id, kind="article", ref=art.label, text=art.full_text, lead=art.actors, score=score
    )


def _documents(corpus: Corpus, doc: str | None, level: Level | None) -> list[Document]:
    docs = [corpus.document(doc)] if doc else list(corpus.documents)
    return [d for d in docs if level is None or d.level == level]


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

    Tasks come before articles; within a kind, hits whose text the query covers more come
    first; ties keep corpus order.
    """
    needles = [n for n in (normalize(t) for t in terms) if n]
    if not needles:
        return []
    hits: list[tuple[int, float, int, Hit]] = []
    order = 0
    for document in _documents(corpus, doc, level):
        if kind in (None, "task"):
            for task in document.tasks:
                order += 1
                key = corpus.fold(task.text)
                if all(n in key for n in needles):
                    score = min(1.0, sum(len(n) for n in needles) / max(1, len(key)))
                    hits.append((0, -score, order, task_hit(document, task, round(score, 4))))
        if kind in (None, "article"):
            for art in document.articles:
                order += 1
                if not art.actors:
                    continue
                key = corpus.fold(art.full_text)
                if all(n in key for n in needles):
                    score = min(1.0, sum(len(n) for n in needles) / max(1, len(key)))
                    hits.append((1, -score, order, article_hit(document, art, round(score, 4))))
    hits.sort(key=lambda h: h[:3])
    found = [h[3] for h in hits]
    return found[:limit] if limit else found


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


def _written_names(corpus: Corpus) -> set[str]:
    """The folded names of every unit some task keeps as written."""
    return {
        normalize(u) for d in corpus.documents for t in d.tasks for u in (*t.unknown, *t.generic)
    }


def duties(
    corpus: Corpus, actor: str, *, doc: str | None = None, level: Level | None = None
) -> Duties:
    """What a unit leads, is responsible for, co-operates on and is named in.

    A registry name finds the registry unit (and, for today's name, the units it succeeded);
    a name some document keeps as written (a unit of another region, a generic holder) is
    found as written too.

    Raises:
        UnknownActor / AmbiguousActor: the name is neither a registry unit nor a unit any
            document names.
    """
    key = normalize(actor)
    written = key in _written_names(corpus)
    if written and corpus.registry.canonical(actor) is None:
        name, covers = actor, [actor]
    else:
        name, covers = resolve_covered(corpus, actor)
    wanted = set(covers)
    found: dict[str, list[Hit]] = {"lead": [], "responsible": [], "co": []}
    articles: list[Hit] = []
    for document in _documents(corpus, doc, level):
        for task in document.tasks:
            for role in ROLES:
                if wanted & set(registered_units(task, role)) or (
                    written and any(normalize(u) == key for u in written_units(task, role))
                ):
                    found[role].append(task_hit(document, task))
                    break
        for art in document.articles:
            if wanted & set(art.actors):
                articles.append(article_hit(document, art))
    return Duties(
        actor=name,
        covers=tuple(covers),
        lead=tuple(found["lead"]),
        co=tuple(found["co"]),
        articles=tuple(articles),
        responsible=tuple(found["responsible"]),
    )


def actor_loads(
    corpus: Corpus, *, doc: str | None = None, named_only: bool = False
) -> list[ActorLoad]:
    """Every unit with how many tasks it leads, is responsible for and co-operates on,
    busiest first: the registry's units, then those the documents keep as written.

    Args:
        doc: only the units of this document.
        named_only: only units the documents name (for a folder of one's own documents,
            whose registry is the bundled one).
    """
    docs = _documents(corpus, doc, None)
    counts: dict[TaskRole, Counter[str]] = {r: Counter() for r in ROLES}
    written: dict[TaskRole, Counter[str]] = {r: Counter() for r in ROLES}
    generic: set[str] = set()
    arts: Counter[str] = Counter()
    for d in docs:
        for task in d.tasks:
            for role in ROLES:
                counts[role].update(registered_units(task, role))
                written[role].update(written_units(task, role))
            generic.update(task.generic)
        for art in d.articles:
            arts.update(art.actors)
    rows = []
    for actor in corpus.actors:
        n = actor.name
        load = _load(actor, counts["lead"][n], counts["responsible"][n], counts["co"][n], arts[n])
        if (doc or named_only) and not (load.lead + load.responsible + load.co + load.articles):
            continue
        rows.append(load)
    names = sorted(set().union(*(written[r] for r in ROLES)))
    for n in names:
        rows.append(
            ActorLoad(
                name=n,
                aliases=(),
                level=Level.unknown,
                kind="generic" if n in generic else "unregistered",
                lead=written["lead"][n],
                co=written["co"][n],
                articles=0,
                responsible=written["responsible"][n],
            )
        )
    rows.sort(key=lambda r: (-(r.lead + r.responsible + r.co), -r.lead, -r.articles, r.name))
    return rows


def _load(actor: Actor, lead: int, responsible: int, co: int, articles: int) -> ActorLoad:
    return ActorLoad(
        name=actor.name,
        aliases=tuple(a.name for a in actor.aliases),
        level=actor.level,
        kind=actor.kind.value,
        lead=lead,
        co=co,
        articles=articles,
        successors=tuple(s.name for s in actor.successors),
        responsible=responsible,
    )


def responsibility_matrix(
    corpus: Corpus, *, doc: str | None = None
) -> tuple[list[str], list[dict[str, str]]]:
    """Task x unit matrix: one row per task, one column per unit: L lead, R responsible
    (责任单位 without a lead named), C co-operating."""
    docs = _documents(corpus, doc, None)
    loads = actor_loads(corpus, doc=doc)
    units = list(dict.fromkeys(a.name for a in loads if a.lead or a.responsible or a.co))
    rows = []
    for d in docs:
        for task in d.tasks:
            row = {"doc": d.id, "task": task.path, "text": task.text}
            for unit in units:
                row[unit] = (
                    "L"
                    if unit in task.lead
                    else "R"
                    if unit in task.responsible
                    else "C"
                    if unit in task.co
                    else ""
                )
            rows.append(row)
    return ["doc", "task", "text", *units], rows


def hit_record(hit: Hit, corpus: Corpus | None = None, query: str | None = None) -> dict[str, Any]:
    """The JSON record of a hit: doc, kind, ref, text, lead, co; with `corpus`, today's names
    (lead_current, co_current); with `query`, the query that found it first."""
    record: dict[str, Any] = {} if query is None else {"query": query}
    record.update(
        doc=hit.doc, kind=hit.kind, ref=hit.ref, text=hit.text, lead=list(hit.lead), co=list(hit.co)
    )
    record["responsible"] = list(hit.responsible)
    if corpus is not None:
        record["lead_current"] = current_names(corpus, hit.lead)
        record["co_current"] = current_names(corpus, hit.co)
        record["responsible_current"] = current_names(corpus, hit.responsible)
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
    "who_leads",
]
