"""`fupin accountability [SUBJECT]`: triggers, sanctions and procedure of accountability rules."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..query.accountability import Procedure, Sanction, Trigger, accountability, measures
from ..render.table import Column, TableSpec
from ..store import load_corpus
from .options import DataOpt, DocOpt, Format, FormatOpt, NoHeadersOpt
from .output import Output, emit
from .runtime import exit_with, guarded

COLUMNS = ["part", "no", "text"]


def _procedure_text(p: Procedure) -> str:
    def names(values: tuple[str, ...]) -> str:
        return "、".join(values) or "-"

    return (
        f"{p.cadres}: proposes {names(p.proposes)}; decides {names(p.decides)}; "
        f"executes {names(p.executes)}"
    )


def _sanction_text(s: Sanction) -> str:
    extra = "; ".join(x for x in (s.kind, s.condition) if x)
    return s.measure + (f" ({extra})" if extra else "")


def _rows(
    triggers: tuple[Trigger, ...] | None,
    subjects: list[tuple[str, str]],
    sanctions: tuple[Sanction, ...],
    procedure: tuple[Procedure, ...],
) -> list[dict[str, Any]]:
    """The result as flat rows: part (subject / trigger / sanction / procedure), no, text."""
    rows: list[dict[str, Any]] = [
        {"part": "subject", "no": i, "text": text} for i, (text, _) in enumerate(subjects, 1)
    ]
    rows += [{"part": "trigger", "no": t.no, "text": t.text} for t in triggers or ()]
    rows += [{"part": "sanction", "no": s.no, "text": _sanction_text(s)} for s in sanctions]
    rows += [
        {"part": "procedure", "no": i, "text": _procedure_text(p)}
        for i, p in enumerate(procedure, 1)
    ]
    return rows


def _table(rows: list[dict[str, Any]], title: str) -> TableSpec:
    cols = [
        Column("part", "part", no_wrap=True),
        Column("no", "no", no_wrap=True),
        Column("text", "text", ratio=1),
    ]
    return TableSpec(cols, [{**r, "no": str(r["no"])} for r in rows], title=title)


@guarded
def accountability_command(
    subject: Annotated[
        str | None,
        typer.Argument(
            help="A subject (各镇, 驻村工作组 ...) or a part of its name; without "
            "it, every subject.",
            show_default=False,
        ),
    ] = None,
    doc: DocOpt = None,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """When an actor is held accountable, with what sanctions, and who decides.

    Example: fupin accountability 驻村工作组
    """
    corpus = load_corpus(data)
    payload: dict[str, Any]
    if subject is None:
        scheme = measures(corpus, doc=doc)
        payload = scheme.model_dump(mode="json")
        subjects = [
            (f"{s.subject} ({s.article}): {len(s.triggers)} trigger(s)", s.actor)
            for s in scheme.subjects
        ]
        rows = _rows(None, subjects, scheme.sanctions, scheme.procedure)
        title = f"{scheme.doc}: {len(scheme.subjects)} subject(s) of accountability"
    else:
        res = accountability(corpus, subject, doc=doc)
        payload = res.model_dump(mode="json")
        rows = _rows(res.triggers, [], res.sanctions, res.procedure)
        title = f"{res.subject} ({res.actor}), {res.doc} {res.article}"
    emit(Output(payload, rows, COLUMNS, lambda: _table(rows, title)), fmt, no_headers)
    exit_with(bool(rows))


def register(app: typer.Typer) -> None:
    app.command("accountability")(accountability_command)
