"""In force or not, by when, and how much: `status`, `in_force`, `deadlines`, `targets`.

A rule's status on a day is decided, in this order, by: its date of taking effect (before it,
`not_yet_in_force`); a sourced fact of the overlays or a held rule that repeals or replaces it
(`repealed`); a stated period that has ended (`expired`); and a source that it was in force on
that day or later: its own provision on taking effect (for that day), a stated period, a held
rule that implements or rests on it (made on a later day), or a sourced fact (`in_force`).
Past the last day a source vouches for, fupin does not know (`unknown`): a rule's force is
never presumed, and every answer carries the sentence or source that decides it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from pydantic import Field

from ..corpus import Corpus
from ..models import Frozen
from ..normalize import normalize
from ..selection import DocFilter, ids_of
from ..terms import Status, StatusFact, Validity


class Standing(Frozen):
    """A rule's status on a day, with the words or the source that decide it."""

    doc: str
    title: str
    as_of: dt.date
    status: Status
    since: dt.date | None = Field(
        default=None, description="The day it took effect (else was issued or published)."
    )
    effective: dt.date | None = Field(default=None, description="Its stated effective date.")
    expires: dt.date | None = Field(default=None, description="Last day of a stated period.")
    provisional: str | None = Field(default=None, description="暂行 / 试行, as written.")
    basis: str = Field(description="The sentence or fact that decides the status.")
    source: str = Field(description="Where the basis is: DOC ARTICLE, or a URL.")


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


class _Voucher(Frozen):
    until: dt.date
    basis: str
    source: str


def _standing(corpus: Corpus, row: Sequence[Any], as_of: dt.date) -> Standing:
    from ..index.rules import repealed_by, resting_on

    doc_id, title, _level, issued, published, effective, expires, _, fields = row
    validity = Validity.model_validate(json.loads(fields))
    took = _date(effective) or _date(issued) or _date(published)
    ends = _date(expires)
    base = {
        "doc": doc_id,
        "title": title,
        "as_of": as_of,
        "since": took,
        "effective": _date(effective),
        "expires": ends,
        "provisional": validity.provisional,
    }
    own = f"{doc_id} {_label(corpus, doc_id, validity.effective_article)}".strip()
    said = validity.effective_phrase
    if took is None:
        return Standing(
            **base,
            status="unknown",
            basis="the text gives no date of issue or taking effect",
            source=doc_id,
        )
    if as_of < took:
        basis = said or f"issued {took.isoformat()}"
        return Standing(**base, status="not_yet_in_force", basis=basis, source=own)
    facts = sorted((f for f in validity.status if f.date <= as_of), key=lambda f: f.date)
    ended = next((f for f in reversed(facts) if f.status in ("repealed", "expired")), None)
    if ended is not None:
        return Standing(**base, status=ended.status, basis=_fact(ended), source=ended.source)
    for by, relation, label, phrase, by_effective, by_issued in repealed_by(corpus.conn, doc_id):
        when = _date(by_effective) or _date(by_issued)
        if when is not None and when <= as_of:
            return Standing(
                **base,
                status="repealed",
                basis=f"{phrase} ({relation}, from {when.isoformat()})",
                source=f"{by} {label or ''}".strip(),
            )
    if ends is not None and as_of > ends:
        basis = validity.period_phrase or f"in force until {ends.isoformat()}"
        return Standing(**base, status="expired", basis=basis, source=own)
    vouchers = [_Voucher(until=took, basis=said or f"issued {took.isoformat()}", source=own)]
    if ends is not None:
        vouchers.append(_Voucher(until=ends, basis=validity.period_phrase or "", source=own))
    for f in validity.status:
        if f.status == "in_force":
            vouchers.append(_Voucher(until=f.date, basis=_fact(f), source=f.source))
    for by, relation, label, phrase, by_issued, by_effective in resting_on(corpus.conn, doc_id):
        when = _date(by_issued) or _date(by_effective)
        if when is not None:
            words = f"{by} {relation.replace('_', ' ')} it on {when.isoformat()}: {phrase}"
            vouchers.append(_Voucher(until=when, basis=words, source=f"{by} {label or ''}".strip()))
    later = [v for v in vouchers if v.until >= as_of]
    if later:
        best = min(later, key=lambda v: v.until)
        return Standing(**base, status="in_force", basis=best.basis, source=best.source)
    last = max(vouchers, key=lambda v: v.until)
    return Standing(
        **base,
        status="unknown",
        basis=f"in force from {took.isoformat()} ({said or 'issued'}); the last source known "
        f"to fupin is of {last.until.isoformat()}, and none says whether it was repealed since",
        source=last.source,
    )


def _fact(fact: StatusFact) -> str:
    return fact.phrase or f"{fact.status} from {fact.date.isoformat()}"


def _label(corpus: Corpus, doc_id: str, no: int | None) -> str:
    if no is None:
        return ""
    from ..index.rules import article_label

    return article_label(corpus.conn, doc_id, no) or str(no)


def status(corpus: Corpus, doc: str, as_of: dt.date | None = None) -> Standing:
    """A rule's status on `as_of` (default today), with the sentence or source that decides.

    Raises:
        UnknownDocument: no document has this id or alias.
    """
    from ..index.rules import validity_rows

    doc_id = corpus.document_id(doc)
    (row,) = validity_rows(corpus.conn, [doc_id])
    return _standing(corpus, row, as_of or dt.date.today())


def in_force(corpus: Corpus, as_of: dt.date) -> list[Standing]:
    """The rules in force on `as_of`, and those that had taken effect but whose force on
    that day no source tells (status `unknown`), in corpus order."""
    from ..index.rules import validity_rows

    out = [_standing(corpus, row, as_of) for row in validity_rows(corpus.conn)]
    return [s for s in out if s.status == "in_force" or (s.status == "unknown" and s.since)]


def _units(fields: dict[str, Any], kind: str) -> dict[str, list[str]]:
    """The units a task assigns by role, or the actors an article gives a duty."""
    if kind == "task":
        return {r: list(fields.get(r, ())) for r in ("lead", "responsible", "co")}
    return {"lead": [], "responsible": [], "co": [], "actors": list(fields.get("actors", ()))}


def _actor_names(corpus: Corpus, actor: str | None) -> list[str] | None:
    if actor is None:
        return None
    from ..index.read import written_name
    from .responsibility import resolve_covered

    written = written_name(corpus.conn, normalize(actor))
    if written is not None and corpus.registry.canonical(actor) is None:
        return [written]
    return resolve_covered(corpus, actor)[1]


def deadlines(
    corpus: Corpus,
    *,
    before: dt.date | None = None,
    after: dt.date | None = None,
    actor: str | None = None,
    doc: DocFilter = None,
) -> list[dict[str, Any]]:
    """Every time limit an article or task sets (due on or before `before`, on or after
    `after`), with the units the task assigns (lead, responsible, co) or the article names.

    Raises:
        UnknownDocument, UnknownActor, AmbiguousActor: a name matches nothing, or too much.
    """
    from ..index.read import deadline_rows

    docs = ids_of(corpus.conn, doc)
    out = []
    for d, kind, ref, dl_kind, start, end, every, phrase, text, fields in deadline_rows(
        corpus.conn,
        docs=docs,
        before=before.isoformat() if before else None,
        after=after.isoformat() if after else None,
        actors=_actor_names(corpus, actor),
    ):
        out.append(
            {
                "doc": d,
                "ref": ref,
                "due": end,
                "kind": dl_kind,
                "start": start,
                "every": every,
                "deadline": phrase,
                **_units(fields, kind),
                "text": text,
            }
        )
    return out


def targets(
    corpus: Corpus,
    topic: str | None = None,
    *,
    actor: str | None = None,
    doc: DocFilter = None,
) -> list[dict[str, Any]]:
    """Every figure an article or task commits to (whose subject or clause holds `topic`),
    with its deadline and the units responsible.

    Raises:
        UnknownDocument, UnknownActor, AmbiguousActor: a name matches nothing, or too much.
    """
    from ..index.read import target_rows

    docs = ids_of(corpus.conn, doc)
    out = []
    for row in target_rows(
        corpus.conn,
        docs=docs,
        topic=normalize(topic) if topic else None,
        actors=_actor_names(corpus, actor),
    ):
        d, kind, ref, quantity, value, upper, unit, comparison, subject, phrase = row[:10]
        due, due_phrase, fields = row[10:]
        out.append(
            {
                "doc": d,
                "ref": ref,
                "subject": subject,
                "comparison": comparison,
                "quantity": quantity,
                "value": value,
                "upper": upper,
                "unit": unit,
                "due": due,
                "deadline": due_phrase,
                **_units(fields, kind),
                "phrase": phrase,
            }
        )
    return out
