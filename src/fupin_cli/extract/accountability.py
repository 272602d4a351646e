"""Accountability measures (责任追究办法) read from their text: subjects, sanctions, procedure.

The structure is read from the articles' text and numbered items, not written down by hand:

- a *subject article* starts with a registry actor and lists, as numbered items, the situations
  (有下列情形之一的) in which that actor is held accountable;
- the *sanctions article* names the ways of holding to account (责任追究方式: ...), one sentence
  per step of the ladder (组织处理, then 党纪政纪处分, then 移送司法机关);
- the *procedure article* goes by the cadre's rank (按照干部管理权限): one clause per group of
  cadres (对…责任追究), saying who proposes (提出), who decides (审定) and who executes (实施).

It runs at ingest; the result is stored as the document's `accountability`.
"""

from __future__ import annotations

import re

from ..corpus import ActorRegistry
from ..models import AccountabilityRules, AccountableSubject, Article, Document, Procedure, Sanction
from ..normalize import normalize
from .actors import leading_actor, split_names

SANCTIONS_MARK = "责任追究方式"
PROCEDURE_MARK = "干部管理权限"
TRIGGER_MARK = "责任追究"


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


def subject_of(art: Article, registry: ActorRegistry) -> AccountableSubject | None:
    """The subject of a subject article, or None when `art` is not one."""
    if not art.items or TRIGGER_MARK not in normalize(art.text):
        return None
    found = leading_actor(art.text, registry)
    if found is None:
        return None
    return AccountableSubject(article=art.no, subject=found[0], actor=found[1])


def _first(doc: Document, mark: str) -> Article | None:
    return next((a for a in doc.articles if mark in normalize(a.text)), None)


def read_rules(doc: Document, registry: ActorRegistry) -> AccountabilityRules | None:
    """The accountability rules `doc` states, or None when no article lists triggers."""
    subjects = [s for s in (subject_of(a, registry) for a in doc.articles) if s]
    if not subjects:
        return None
    sanctions_art = _first(doc, SANCTIONS_MARK)
    procedure_art = _first(doc, PROCEDURE_MARK)
    return AccountabilityRules(
        subjects=tuple(subjects),
        sanctions=tuple(parse_sanctions(sanctions_art.text)) if sanctions_art else (),
        procedure=tuple(parse_procedure(procedure_art.text, registry)) if procedure_art else (),
    )
