"""Accountability measures (责任追究办法) as data: subjects, triggers, sanctions, procedure.

The rules were read from the articles at ingest (`extract.accountability`) and stored as the
document's `accountability`; this module only looks them up. A subject's triggers are the
numbered items of its article.
"""

from __future__ import annotations

from pydantic import Field

from ..corpus import Corpus, suggest
from ..errors import AmbiguousActor, FupinError, UnknownActor
from ..i18n import _
from ..levels import Level
from ..models import AccountableSubject, Document, Frozen, Procedure, Sanction
from ..selection import DocFilter, ids_of

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


def _subject(corpus: Corpus, doc: Document, stored: AccountableSubject) -> Subject:
    art = doc.article(stored.article)
    actor = corpus.registry.by_name.get(stored.actor)
    return Subject(
        subject=stored.subject,
        actor=stored.actor,
        level=actor.level if actor else doc.level,
        article=art.label if art else str(stored.article),
        triggers=tuple(Trigger(no=i.no, text=i.text) for i in (art.items if art else ())),
    )


def measures(corpus: Corpus, *, doc: DocFilter = None) -> Measures:
    """The accountability scheme of `doc`, or of the first document that has one.

    Raises:
        UnknownDocument: `doc` names no document.
        NoAccountabilityRules: no (such) document lists triggers of accountability.
    """
    from ..index.read import accountable_document

    doc_ids = ids_of(corpus.conn, doc)
    found = accountable_document(corpus.conn, doc_ids)
    if found is not None:
        d = corpus.document(found)
        rules = d.accountability
        assert rules is not None
        return Measures(
            doc=d.id,
            subjects=tuple(_subject(corpus, d, s) for s in rules.subjects),
            sanctions=rules.sanctions,
            procedure=rules.procedure,
        )
    raise NoAccountabilityRules(
        (
            _("document {docs} has no accountability measures")
            if doc_ids
            else _("the corpus has no accountability measures")
        ).format(docs=", ".join(doc_ids or ()))
        + _(" (no article lists the situations in which an actor is held accountable)")
    )


def applies(proc: Procedure, level: Level) -> bool:
    """Whether a procedure clause names the cadres of `level` (镇 for a town ...)."""
    return any(w in proc.cadres for w in LEVEL_WORDS.get(level, ()))


def accountability(corpus: Corpus, subject: str, *, doc: DocFilter = None) -> Accountability:
    """One subject's triggers, the sanctions, and the procedure clauses that apply to it.

    A subject matches by its name as written, its canonical name or a part of either
    (驻村工作组 finds 各驻村工作组), through the fold. The procedure goes by the cadre's
    rank; the clauses naming the subject's level apply, and when none does (a village working
    group is staffed from several levels) all of them do.

    Raises:
        UnknownActor: no subject matches (close subjects suggested).
        AmbiguousActor: the part matches several subjects.
        NoAccountabilityRules / UnknownDocument: as for `measures`.
    """
    scheme = measures(corpus, doc=doc)
    key = corpus.fold(subject)
    hits = [
        s
        for s in scheme.subjects
        if key and (key in corpus.fold(s.subject) or key in corpus.fold(s.actor))
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
]
