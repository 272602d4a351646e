"""`fupin diff LEFT RIGHT`: how one rule turned another into its own, article by article."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..align import DEFAULT_THRESHOLD
from ..corpus import Corpus
from ..diff import DiffPair, DocumentDiff, describe, diff_documents, inline, select
from ..render import machine
from ..store import load_corpus
from .options import DataOpt, Format, FormatOpt, NoHeadersOpt
from .runtime import ExitCode, guarded, is_terminal, terminal_width

COLUMNS = [
    "kind",
    "left",
    "right",
    "left_label",
    "right_label",
    "similarity",
    "status",
    "changes",
    "diff",
]
SNIPPET = 60


class OnlyChoice(StrEnum):
    changed = "changed"
    left = "left"
    right = "right"
    actor = "actor"


ThresholdOpt = Annotated[
    float,
    typer.Option(
        "--threshold",
        "-t",
        min=0.0,
        max=1.0,
        help="Least similarity (0..1) for two articles to be paired.",
    ),
]


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


def summary(result: DocumentDiff) -> str:
    changed = sum(p.status == "changed" for p in result.pairs)
    return (
        f"{len(result.pairs)} paired, of which {changed} changed; "
        f"{len(result.left_only)} only left; {len(result.right_only)} only right"
    )


def _snippet(text: str) -> str:
    flat = text.replace("\n", " ")
    return flat if len(flat) <= SNIPPET else flat[:SNIPPET] + "…"


def _unpaired(corpus: Corpus, doc_id: str, nos: tuple[int, ...]) -> list[str]:
    doc = corpus.by_id[doc_id]
    lines = []
    for no in nos:
        art = doc.article(no)
        assert art is not None
        lines.append(f"  {art.label}  {_snippet(art.full_text)}")
    return lines


def _pair_head(p: DiffPair) -> str:
    return f"{p.left_label} ↔ {p.right_label}  similarity {p.similarity:.2f}  {p.status}"


def render_report(corpus: Corpus, result: DocumentDiff, full: DocumentDiff) -> None:
    """The report for people; insertions and deletions marked [-…-]{+…+} so they read
    without colour, and coloured as well on a colour terminal."""
    terminal = is_terminal()
    colour = terminal and "NO_COLOR" not in os.environ
    head = [
        f"{result.left} ↔ {result.right} [{result.relation}]: {result.relation_detail}",
        summary(full),
        "",
    ]
    if not terminal:
        out: list[str] = list(head)
        for p in result.pairs:
            out.append(_pair_head(p))
            out.append("  " + inline(p.ops))
            out += [f"  {describe(c)}" for c in p.changes]
            out.append("")
        for side, nos in ((result.left, result.left_only), (result.right, result.right_only)):
            if nos:
                out.append(f"only in {side}:")
                out += _unpaired(corpus, side, nos)
                out.append("")
        sys.stdout.write("\n".join(out).rstrip("\n") + "\n")
        return

    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=sys.stdout,
        force_terminal=True,
        no_color=not colour,
        width=terminal_width(),
        highlight=False,
        emoji=False,
    )
    for line in head:
        console.print(Text(line, style="bold" if colour and line == head[0] else ""))
    styles = {"delete": "red strike", "insert": "green underline", "equal": ""}
    bold, cyan = ("bold", "cyan") if colour else ("", "")
    if not colour:
        styles = dict.fromkeys(styles, "")
    for p in result.pairs:
        console.print(Text(_pair_head(p), style=bold))
        text = Text("  ")
        for op, part in p.ops:
            marked = part if op == "equal" else f"[-{part}-]" if op == "delete" else f"{{+{part}+}}"
            text.append(marked, style=styles[op])
        console.print(text)
        for c in p.changes:
            console.print(Text(f"  {describe(c)}", style=cyan))
        console.print()
    for side, nos in ((result.left, result.left_only), (result.right, result.right_only)):
        if nos:
            console.print(Text(f"only in {side}:", style=bold))
            for line in _unpaired(corpus, side, nos):
                console.print(Text(line))
            console.print()


@guarded
def diff(
    left: Annotated[str, typer.Argument(help="The superior document (id or alias).")],
    right: Annotated[str, typer.Argument(help="The document to compare with it.")],
    only: Annotated[
        OnlyChoice | None,
        typer.Option(
            "--only",
            case_sensitive=False,
            show_default=False,
            help="Show only changed pairs, articles only on the left or right, or "
            "pairs where the duty moved to another actor.",
        ),
    ] = None,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    fmt: FormatOpt = Format.table,
    no_headers: NoHeadersOpt = False,
    data: DataOpt = None,
) -> None:
    """Align two documents article by article and show what changed.

    Exit status like diff(1): 0 the same after normalization, 1 different, 2 trouble.
    Example: fupin diff central weiyuan --only actor
    """
    corpus = load_corpus(data)
    full = diff_documents(corpus, left, right, threshold)
    result = select(full, only.value if only else None)
    if fmt is Format.json:
        machine.write_json(sys.stdout, result.model_dump(mode="json"))
    elif fmt is Format.jsonl:
        machine.write_jsonl(sys.stdout, records(result))
    elif fmt is Format.tsv:
        machine.write_tsv(sys.stdout, records(result), COLUMNS, headers=not no_headers)
    elif fmt is Format.csv:
        machine.write_csv(sys.stdout, records(result), COLUMNS, headers=not no_headers)
    else:
        render_report(corpus, result, full)
    raise typer.Exit(ExitCode.OK if full.same else ExitCode.NO_MATCH)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
