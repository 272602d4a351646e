"""`fupin accountability [SUBJECT]`: triggers, sanctions and procedure of accountability rules."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ...corpus import load_corpus
from ...i18n import N_, _
from ...models import Procedure, Sanction
from ...query.accountability import Trigger, accountability, measures
from ...render.view import Column, Format, View
from .. import complete
from ..documents import chosen
from ..options import DataOpt, DocOpt, FormatOpt, NoHeadersOpt, RegionOpt, WideOpt
from ..runtime import command

PARTS = {
    "subject": N_("subject"),
    "trigger": N_("trigger"),
    "sanction": N_("sanction"),
    "procedure": N_("procedure"),
}
COLUMNS = [
    Column("part", no_wrap=True, show=lambda r: _(PARTS[r["part"]])),
    Column("no", no_wrap=True),
    Column("text", ratio=1),
]


def _procedure_text(p: Procedure) -> str:
    def names(values: tuple[str, ...]) -> str:
        return "、".join(values) or "-"

    return _("{cadres}: proposes {proposes}; decides {decides}; executes {executes}").format(
        cadres=p.cadres,
        proposes=names(p.proposes),
        decides=names(p.decides),
        executes=names(p.executes),
    )


def _sanction_text(s: Sanction) -> str:
    extra = "; ".join(x for x in (s.kind, s.condition) if x)
    return s.measure + (f" ({extra})" if extra else "")


def _rows(
    triggers: tuple[Trigger, ...] | None,
    subjects: list[str],
    sanctions: tuple[Sanction, ...],
    procedure: tuple[Procedure, ...],
) -> list[dict[str, Any]]:
    """The result as flat rows: part (subject / trigger / sanction / procedure), no, text."""
    rows: list[dict[str, Any]] = [
        {"part": "subject", "no": i, "text": text} for i, text in enumerate(subjects, 1)
    ]
    rows += [{"part": "trigger", "no": t.no, "text": t.text} for t in triggers or ()]
    rows += [{"part": "sanction", "no": s.no, "text": _sanction_text(s)} for s in sanctions]
    rows += [
        {"part": "procedure", "no": i, "text": _procedure_text(p)}
        for i, p in enumerate(procedure, 1)
    ]
    return rows


@command
def accountability_command(
    subject: Annotated[
        str | None,
        typer.Argument(
            autocompletion=complete.units,
            help=_(
                "A subject (各镇, 驻村工作组 ...) or a part of its name; without it, every subject."
            ),
            show_default=False,
        ),
    ] = None,
    doc: DocOpt = None,
    region: RegionOpt = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    wide: WideOpt = False,
    data: DataOpt = None,
) -> View:
    """When an actor is held accountable, with what sanctions, and who decides.

    Example: fupin accountability 驻村工作组
    """
    corpus = load_corpus(data)
    docs = chosen(corpus.conn, doc, region)
    if subject is None:
        scheme = measures(corpus, doc=docs)
        subjects = [
            _("{subject} ({article}): {n} trigger(s)").format(
                subject=s.subject, article=s.article, n=len(s.triggers)
            )
            for s in scheme.subjects
        ]
        return View(
            _rows(None, subjects, scheme.sanctions, scheme.procedure),
            COLUMNS,
            title=_("{doc}: {n} subject(s) of accountability").format(
                doc=scheme.doc, n=len(scheme.subjects)
            ),
            data=scheme.model_dump(mode="json"),
        )
    res = accountability(corpus, subject, doc=docs)
    return View(
        _rows(res.triggers, [], res.sanctions, res.procedure),
        COLUMNS,
        title=f"{res.subject} ({res.actor}), {res.doc} {res.article}",
        data=res.model_dump(mode="json"),
    )
