"""Who is responsible: who leads a task, what a unit is responsible for, the load per unit.

Two kinds of evidence answer it: tasks (牵头单位 / 责任单位 / 配合单位, in whatever form the
document printed them) and articles that assign duties to actors. A task's units are
registry names, or names kept as written where the registry does not know them in the
document's region (`Task.unknown`, `Task.generic`); those are found under the name as
written. All matching goes through the one fold (`normalize`), so a simplified query finds a
traditional text and the other way round. Every verb reads only the rows of its answer from
the index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, cast

from pydantic import Field

from ..corpus import Corpus
from ..errors import UnknownActor
from ..levels import Level
from ..models import Actor, Article, Document, Frozen, Task, TaskRole
from ..normalize import normalize
from ..selection import DocFilter, ids_of

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


ROLES: tuple[TaskRole, ...] = ("lead", "responsible", "co")


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
        responsible = data.get("responsible", ())
    else:
        lead, co, responsible = data.get("actors", ()), (), ()
    # the index holds validated data: no need to validate it again for every hit
    return Hit.model_construct(
        doc=doc,
        kind=cast(HitKind, kind),
        ref=ref,
        text=text,
        lead=tuple(lead),
        co=tuple(co),
        score=score,
        responsible=tuple(responsible),
    )


def _scope(
    corpus: Corpus, doc: DocFilter, level: Level | str | None
) -> tuple[list[str] | None, str | None]:
    """The documents (None: all) and the level a query is restricted to."""
    return ids_of(corpus.conn, doc), (str(level) if level else None)


def who_leads(
    corpus: Corpus,
    terms: Sequence[str],
    *,
    doc: DocFilter = None,
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
    corpus: Corpus, actor: str, *, doc: DocFilter = None, level: Level | None = None
) -> Duties:
    """What a unit leads, is responsible for, co-operates on and is named in.

    A registry name finds the registry unit (and, for today's name, the units it succeeded);
    a name some document keeps as written (a unit of another region, a generic holder) is
    found as written. A task that names the unit in several roles counts in the first of
    lead, responsible, co. Answered from the index's table of roles: only the tasks and
    articles that name the unit are read.

    Raises:
        UnknownActor / AmbiguousActor: the name is neither a registry unit nor a unit any
            document names.
    """
    from ..index.read import units_naming, written_name

    key = normalize(actor)
    written = written_name(corpus.conn, key)
    if written is not None and corpus.registry.canonical(actor) is None:
        name, covers = written, [written]
    else:
        name, covers = resolve_covered(corpus, actor)
    docs, level_name = _scope(corpus, doc, level)
    roles: dict[int, tuple[set[str], tuple[str, str, str, str, dict[str, Any]]]] = {}
    for role, (unit_id, doc_id, kind, ref, text, fields) in units_naming(
        corpus.conn, covers, docs=docs, level=level_name, written=None if written is None else key
    ):
        roles.setdefault(unit_id, (set(), (doc_id, kind, ref, text, fields)))[0].add(role)
    found: dict[str, list[Hit]] = {"actors": [], **{r: [] for r in ROLES}}
    for named, unit in roles.values():
        role = next(r for r in ("actors", *ROLES) if r in named)
        found[role].append(row_hit(*unit))
    return Duties(
        actor=name,
        covers=tuple(covers),
        lead=tuple(found["lead"]),
        co=tuple(found["co"]),
        articles=tuple(found["actors"]),
        responsible=tuple(found["responsible"]),
    )


def actor_loads(
    corpus: Corpus, *, doc: DocFilter = None, named_only: bool = False
) -> list[ActorLoad]:
    """Every unit with how many tasks it leads, is responsible for and co-operates on,
    busiest first: the registry's units, then those the documents keep as written.

    Args:
        doc: only the units of this document.
        named_only: only units the documents name (for a folder of one's own documents,
            whose registry is the bundled one).
    """
    from ..index.read import role_counts
    from ..index.rows import GENERIC, REGISTERED

    counts = role_counts(corpus.conn, ids_of(corpus.conn, doc))
    rows = []
    for actor in corpus.actors:
        n = actor.name
        lead, responsible, co, arts = (
            counts.get((n, role, REGISTERED), 0) for role in (*ROLES, "actors")
        )
        load = _load(actor, lead, responsible, co, arts)
        if (doc or named_only) and not (lead + responsible + co + arts):
            continue
        rows.append(load)
    written: dict[str, dict[str, int]] = {}
    generic: set[str] = set()
    for (n, role, held), count in counts.items():
        if held != REGISTERED:
            written.setdefault(n, {})[role] = count
            if held == GENERIC:
                generic.add(n)
    for n in sorted(written):
        rows.append(
            ActorLoad(
                name=n,
                aliases=(),
                level=Level.unknown,
                kind="generic" if n in generic else "unregistered",
                lead=written[n].get("lead", 0),
                co=written[n].get("co", 0),
                articles=0,
                responsible=written[n].get("responsible", 0),
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
    corpus: Corpus, *, doc: DocFilter = None
) -> tuple[list[str], list[dict[str, str]]]:
    """Task x unit matrix: one row per task, one column per unit: L lead, R responsible
    (责任单位 without a lead named), C co-operating."""
    from ..index.read import task_rows

    loads = actor_loads(corpus, doc=doc)
    units = list(dict.fromkeys(a.name for a in loads if a.lead or a.responsible or a.co))
    rows = []
    for _id, doc_id, _kind, path, text, data in task_rows(corpus.conn, ids_of(corpus.conn, doc)):
        held = {role: set(data.get(role, ())) for role in ROLES}
        row = {"doc": doc_id, "task": path, "text": text}
        for unit in units:
            row[unit] = next((r[0].upper() for r in ROLES if unit in held[r]), "")
        rows.append(row)
    return ["doc", "task", "text", *units], rows


def hit_record(hit: Hit, corpus: Corpus | None = None, query: str | None = None) -> dict[str, Any]:
    """The JSON record of a hit: doc, kind, ref, text, lead, co, responsible; with
    `corpus`, today's names (lead_current, co_current, responsible_current); with `query`,
    the query that found it first."""
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
    "spellings_of",
    "who_leads",
]
