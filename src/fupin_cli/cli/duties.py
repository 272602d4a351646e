"""`fupin duties ACTOR`: what a unit leads, co-operates on and is named in."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..query.responsibility import duties as duties_query
from ..store import load_corpus
from .hits import HIT_COLUMNS, hit_record, hits_table
from .options import CurrentOpt, DataOpt, DocOpt, Format, FormatOpt, LevelOpt, NoHeadersOpt
from .output import Output, emit
from .runtime import ExitCode, guarded, note, read_queries


@guarded
def duties(
    actor: Annotated[
        str,
        typer.Argument(
            help="Unit name, alias, today's name, or an unambiguous part (水利厅); '-' reads stdin."
        ),
    ],
    doc: DocOpt = None,
    level: LevelOpt = None,
    current: CurrentOpt = False,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """What a unit leads, co-operates on and is named in, across all documents."""
    corpus = load_corpus(data)
    names = read_queries([actor])
    results = [duties_query(corpus, name, doc=doc, level=level) for name in names]
    records: list[dict[str, Any]] = []
    for res in results:
        for role, hits in (("lead", res.lead), ("co", res.co), ("article", res.articles)):
            for h in hits:
                records.append(
                    {"actor": res.actor, "role": role, **hit_record(h, corpus if current else None)}
                )
    if fmt is Format.json:
        payload: Any = [_payload(r, corpus if current else None) for r in results]
        payload = payload[0] if len(payload) == 1 else payload
    else:
        payload = None

    def table() -> Any:
        res = results[0]
        hits = [*res.lead, *res.co, *res.articles]
        covers = "" if res.covers == (res.actor,) else f" (covers {'、'.join(res.covers)})"
        title = (
            f"{res.actor}{covers}: leads {len(res.lead)}, co-operates on {len(res.co)}, "
            f"named in {len(res.articles)} article(s)"
        )
        roles = ["lead"] * len(res.lead) + ["co"] * len(res.co) + ["article"] * len(res.articles)
        return hits_table(
            hits, [], title=title, corpus_for_current=corpus if current else None, roles=roles
        )

    for res in results:
        if res.covers != (res.actor,):
            note(f"{res.actor} covers the historical unit(s): {'、'.join(res.covers)}")
    emit(Output(payload, records, ["actor", "role", *HIT_COLUMNS], table), fmt, no_headers)
    found = any(r.lead or r.co or r.articles for r in results)
    raise typer.Exit(ExitCode.OK if found else ExitCode.NO_MATCH)


def _payload(res: Any, corpus: Any) -> dict[str, Any]:
    return {
        "actor": res.actor,
        "covers": list(res.covers),
        "counts": {"lead": len(res.lead), "co": len(res.co), "articles": len(res.articles)},
        "lead": [hit_record(h, corpus) for h in res.lead],
        "co": [hit_record(h, corpus) for h in res.co],
        "articles": [hit_record(h, corpus) for h in res.articles],
    }


def register(app: typer.Typer) -> None:
    app.command("duties")(duties)
