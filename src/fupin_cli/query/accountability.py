"""Accountability measures (责任追究办法) as data: subjects, triggers, sanctions, procedure.

The structure is read from the articles' text and numbered items, not written down by hand:

- a *subject article* starts with a registry actor and lists, as numbered items, the situations
  (有下列情形之一的) in which that actor is held accountable;
- the *sanctions article* names the ways of holding to account (责任追究方式: ...), one sentence
  per step of the ladder (组织处理, then 党纪政纪处分, then 移送司法机关);
- the *procedure article* goes by the cadre's rank (按照干部管理权限): one clause per group of
  cadres (对…责任追究), saying who proposes (提出), who decides (审定) and who executes (实施).
"""

from __future__ import annotations

import re

from pydantic import Field

from ..corpus import ActorRegistry, Corpus, suggest
from ..errors import AmbiguousActor, FupinError, UnknownActor
from ..levels import Level
from ..models import Article, Document, Frozen
from ..normalize import char_keys, normalize

SANCTIONS_MARK = "责任追究方式"
PROCEDURE_MARK = "干部管理权限"
TRIGGER_MARK = "责任追究"
_NAME_SEPARATORS = ("、", "和", "或", "及")
# words by which a procedure clause names the cadres of a level (对镇一般干部 / 对县直部门…)
LEVEL_WORDS: dict[Level, tuple[str, ...]] = {
    Level.township: ("镇", "乡"),
    Level.county: ("县直", "县级"),
    Level.prefecture: ("市直",),
}


class NoAccountabilityRules(FupinError):
    """The corpus (or the chosen document) holds no accountability measures."""


class Trigger(Frozen):
    no: int
    text: str


class Sanction(Frozen):
    """One step of the ladder of sanctions, in the order the text gives it."""

    no: int
    measure: str
    kind: str | None = Field(default=None, description="The class the text puts it in: 组织处理.")
    condition: str | None = Field(default=None, description="When it applies: 涉嫌犯罪的.")


class Procedure(Frozen):
    """Who proposes, decides and executes accountability for one group of cadres."""

    cadres: str
    proposes: tuple[str, ...] = ()
    decides: tuple[str, ...] = ()
    executes: tuple[str, ...] = ()


class Subject(Frozen):
    subject: str = Field(description="The subject as the article writes it: 各驻村工作组.")
    actor: str = Field(description="Its canonical registry name.")
    level: Level
    article: str
    triggers: tuple[Trigger, ...]


class Accountability(Frozen):
    """One subject's triggers with the sanctions and the procedure that apply to it."""

    doc: str
    subject: str
    actor: str
    article: str
    triggers: tuple[Trigger, ...]
    sanctions: tuple[Sanction, ...]
    procedure: tuple[Procedure, ...]


class Measures(Frozen):
    """A document's whole accountability scheme."""

    doc: str
    subjects: tuple[Subject, ...]
    sanctions: tuple[Sanction, ...]
    procedure: tuple[Procedure, ...]


def leading_actor(text: str, registry: ActorRegistry) -> tuple[str, str] | None:
    """(the name as written, canonical name) of the registry actor `text` starts with."""
    keys = char_keys(text)
    for name in registry.names():
        key = normalize(name)
        if key and keys.startswith(key):
            canon = registry.canonical(name)
            if canon:
                return text[: len(key)], canon
    return None


def split_names(text: str, registry: ActorRegistry) -> list[str]:
    """Split a list of units (X、Y或Z) keeping registry names whole (镇党委、政府).

    A part that is not a registry name runs to the end of the list, so a description such as
    驻威市直管单位的上级业务主管部门或单位 stays one unit.
    """
    out: list[str] = []
    rest = text
    while rest:
        found = leading_actor(rest, registry)
        if found is None or not (
            len(found[0]) == len(rest) or rest[len(found[0])] in "".join(_NAME_SEPARATORS)
        ):
            out.append(rest)
            break
        out.append(found[0])
        rest = rest[len(found[0]) :]
        rest = rest[1:] if rest[:1] in _NAME_SEPARATORS else rest
    return [x for x in out if x]


def parse_sanctions(text: str) -> list[Sanction]:
    """The ladder of sanctions of a 责任追究方式 article, in order.

    >>> [s.measure for s in parse_sanctions("方式:责令作出书面检查、约谈等组织处理。")]
    ['书面检查', '约谈']
    """
    body = re.split(r"[:：]", text, maxsplit=1)[-1]
    out: list[Sanction] = []
    for sentence in filter(None, (s.strip() for s in re.split(r"[。;；]", body))):
        m = re.match(r"(?P<cond>[^,，]+的)[,，](?P<act>.+)$", sentence)
        condition, act = (m["cond"], m["act"]) if m else (None, sentence)
        act = act.split("给予", 1)[1] if "给予" in act else act
        kind = None
        listed = re.match(r"(?P<list>.+)等(?P<kind>[^、]+)$", act)
        if listed:
            act, kind = listed["list"], listed["kind"]
        act = re.sub(r"^责令(?:作出)?", "", act)
        for measure in re.split(r"[、或]", act):
            if measure:
                out.append(
                    Sanction(no=len(out) + 1, measure=measure, kind=kind, condition=condition)
                )
    return out


def parse_procedure(text: str, registry: ActorRegistry) -> list[Procedure]:
    """One Procedure per 对…责任追究 clause of a procedure article."""
    out: list[Procedure] = []
    for clause in re.split(r"[。;；]", text):
        m = re.match(r"对(?P<cadres>.+?)责任追究[,，](?P<rest>.+)$", clause.strip())
        if not m:
            continue
        rest = m["rest"]
        proposes = [
            w
            for p in re.finditer(
                r"(?:^|[,，])(?:由)?(?P<who>[^,，由]+?)提出"
                r"(?:责任追究建议|意见)",
                rest,
            )
            for w in split_names(p["who"], registry)
        ]
        reported = [
            split_names(r["who"], registry)
            for r in re.finditer(r"报(?:送)?(?P<who>[^,，]+?)(?:[,，]|$)", rest)
        ]
        decides: list[str] = []
        for d in re.finditer(r"经(?P<who>[^,，]*?)审定", rest):
            decides += (
                split_names(d["who"], registry) if d["who"] else (reported[0] if reported else [])
            )
        if not decides and reported:
            decides = reported[-1]  # sent to superiors outside the county, who decide
        executes = [
            w
            for e in re.finditer(
                r"由(?P<who>[^,，由]+?)(?:按[^,，]*?)?"
                r"(?:实施责任追究|组织实施)",
                rest,
            )
            for w in split_names(e["who"], registry)
        ]
        out.append(
            Procedure(
                cadres=m["cadres"],
                proposes=tuple(dict.fromkeys(proposes)),
                decides=tuple(dict.fromkeys(decides)),
                executes=tuple(dict.fromkeys(executes)),
            )
        )
    return out


def subject_of(art: Article, registry: ActorRegistry) -> Subject | None:
    """The subject article's subject and triggers, or None when `art` is not one."""
    if not art.items or TRIGGER_MARK not in normalize(art.text):
        return None
    found = leading_actor(art.text, registry)
    if found is None:
        return None
    actor = registry.by_name[found[1]]
    return Subject(
        subject=found[0],
        actor=found[1],
        level=actor.level,
        article=art.label,
        triggers=tuple(Trigger(no=i.no, text=i.text) for i in art.items),
    )


def _first(doc: Document, mark: str) -> Article | None:
    return next((a for a in doc.articles if mark in normalize(a.text)), None)


def measures_of(doc: Document, registry: ActorRegistry) -> Measures | None:
    """The scheme of `doc`, or None when it has no subject articles."""
    subjects = [s for s in (subject_of(a, registry) for a in doc.articles) if s]
    if not subjects:
        return None
    sanctions_art = _first(doc, SANCTIONS_MARK)
    procedure_art = _first(doc, PROCEDURE_MARK)
    return Measures(
        doc=doc.id,
        subjects=tuple(subjects),
        sanctions=tuple(parse_sanctions(sanctions_art.text)) if sanctions_art else (),
        procedure=tuple(parse_procedure(procedure_art.text, registry)) if procedure_art else (),
    )


def measures(corpus: Corpus, *, doc: str | None = None) -> Measures:
    """The accountability scheme of `doc`, or of the first document that has one.

    Raises:
        UnknownDocument: `doc` names no document.
        NoAccountabilityRules: no (such) document lists triggers of accountability.
    """
    docs = [corpus.document(doc)] if doc else corpus.documents
    for d in docs:
        found = measures_of(d, corpus.registry)
        if found:
            return found
    where = f"document {docs[0].id}" if doc else "the corpus"
    raise NoAccountabilityRules(
        f"{where} has no accountability measures (no article lists "
        "the situations in which an actor is held accountable)"
    )


def applies(proc: Procedure, level: Level) -> bool:
    """Whether a procedure clause names the cadres of `level` (镇 for a town ...)."""
    return any(w in proc.cadres for w in LEVEL_WORDS.get(level, ()))


def accountability(corpus: Corpus, subject: str, *, doc: str | None = None) -> Accountability:
    """One subject's triggers, the sanctions, and the procedure clauses that apply to it.

    A subject matches by its name as written, its canonical name or a part of either
    (驻村工作组 finds 各驻村工作组), through `normalize`. The procedure goes by the cadre's
    rank; the clauses naming the subject's level apply, and when none does (a village working
    group is staffed from several levels) all of them do.

    Raises:
        UnknownActor: no subject matches (close subjects suggested).
        AmbiguousActor: the part matches several subjects.
        NoAccountabilityRules / UnknownDocument: as for `measures`.
    """
    scheme = measures(corpus, doc=doc)
    key = normalize(subject)
    hits = [
        s
        for s in scheme.subjects
        if key and (key in normalize(s.subject) or key in normalize(s.actor))
    ]
    if not hits:
        try:
            canon = corpus.registry.canonical(subject) or corpus.registry.resolve(subject)
        except FupinError:
            canon = None
        hits = [s for s in scheme.subjects if s.actor == canon]
    if not hits:
        raise UnknownActor(
            subject,
            suggest(subject, [s.subject for s in scheme.subjects]),
            hint="(subjects: " + "、".join(s.subject for s in scheme.subjects) + ")",
        )
    if len(hits) > 1:
        raise AmbiguousActor(subject, [s.subject for s in hits])
    s = hits[0]
    procedure = [p for p in scheme.procedure if applies(p, s.level)] or list(scheme.procedure)
    return Accountability(
        doc=scheme.doc,
        subject=s.subject,
        actor=s.actor,
        article=s.article,
        triggers=s.triggers,
        sanctions=scheme.sanctions,
        procedure=tuple(procedure),
    )


__all__ = [
    "Accountability",
    "Measures",
    "NoAccountabilityRules",
    "Procedure",
    "Sanction",
    "Subject",
    "Trigger",
    "accountability",
    "measures",
    "parse_procedure",
    "parse_sanctions",
    "split_names",
]
