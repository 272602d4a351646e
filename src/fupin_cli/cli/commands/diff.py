"""`fupin diff LEFT RIGHT`: how one rule turned another into its own, article by article."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ...align import DEFAULT_THRESHOLD
from ...corpus import load_corpus
from ...diff import DocumentDiff, describe, diff_documents, inline, select
from ...i18n import _
from ...render.page import comparison_formats
from ...render.report import draw_report
from ...render.view import Column, Format, View
from .. import complete
from ..options import ComparisonFormatOpt, DataOpt, NoHeadersOpt, OutputOpt, ThresholdOpt
from ..runtime import command

if TYPE_CHECKING:
    from ...render.comparison import Comparison

COLUMNS = [
    Column(key)
    for key in (
        "kind",
        "left",
        "right",
        "left_label",
        "right_label",
        "similarity",
        "status",
        "changes",
        "diff",
    )
]


class OnlyChoice(StrEnum):
    changed = "changed"
    left = "left"
    right = "right"
    actor = "actor"


def records(result: DocumentDiff) -> list[dict[str, Any]]:
    """One row per pair, then one per unpaired article (jsonl, tsv, csv)."""
    rows: list[dict[str, Any]] = [
        {
            "kind": "pair",
            "left": p.left,
            "right": p.right,
            "left_label": p.left_label,
            "right_label": p.right_label,
            "similarity": p.similarity,
            "status": p.status,
            "changes": " | ".join(describe(c) for c in p.changes),
            "diff": inline(p.ops),
        }
        for p in result.pairs
    ]
    rows += [{"kind": "left_only", "left": no} for no in result.left_only]
    rows += [{"kind": "right_only", "right": no} for no in result.right_only]
    return rows


@command
def diff(
    left: Annotated[
        str,
        typer.Argument(
            help=_("The superior document (id or alias)."), autocompletion=complete.documents
        ),
    ],
    right: Annotated[
        str,
        typer.Argument(
            help=_("The document to compare with it."), autocompletion=complete.documents
        ),
    ],
    only: Annotated[
        OnlyChoice | None,
        typer.Option(
            "--only",
            case_sensitive=False,
            show_default=False,
            help=_(
                "Show only changed pairs, articles only on the left or right, or "
                "pairs where the duty moved to another actor."
            ),
        ),
    ] = None,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    fmt: ComparisonFormatOpt = Format.table,
    output: OutputOpt = None,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> View:
    """Align two documents article by article and show what changed.

    `-f html -o FILE` writes a page to share (two aligned columns, filters, no network);
    `-f md` a Markdown table. Exit status like diff(1): 0 the same after normalization,
    1 different, 2 trouble. Example: fupin diff central weiyuan -f html -o central-weiyuan.html
    """
    corpus = load_corpus(data)
    full = diff_documents(corpus, left, right, threshold)
    result = select(full, only.value if only else None)

    def comparison() -> Comparison:
        from ...render.comparison import of_diff

        return of_diff(corpus, full, result if only else None)

    return View(
        records(result),
        COLUMNS,
        data=result.model_dump(mode="json"),
        matched=full.same,
        draw=lambda out, screen: draw_report(corpus, result, full, out, screen),
        formats=comparison_formats(comparison),
    )
