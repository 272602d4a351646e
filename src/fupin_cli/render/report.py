"""The diff of two documents as a report people read: `[-deleted-]{+inserted+}`, coloured on a
colour terminal, so that it reads with and without colour."""

from __future__ import annotations

from typing import TextIO

from ..corpus import Corpus
from ..diff import DiffPair, DocumentDiff, describe, inline
from .table import console
from .view import Screen

SNIPPET = 60


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
    doc = corpus.document(doc_id)
    lines = []
    for no in nos:
        art = doc.article(no)
        assert art is not None
        lines.append(f"  {art.label}  {_snippet(art.full_text)}")
    return lines


def _pair_head(p: DiffPair) -> str:
    return f"{p.left_label} ↔ {p.right_label}  similarity {p.similarity:.2f}  {p.status}"


def draw_report(
    corpus: Corpus, result: DocumentDiff, full: DocumentDiff, out: TextIO, screen: Screen
) -> None:
    """The report of `result` (a selection of `full`, whose summary heads it)."""
    head = [
        f"{result.left} ↔ {result.right} [{result.relation}]: {result.relation_detail}",
        summary(full),
        "",
    ]
    if not screen.terminal:
        lines: list[str] = list(head)
        for p in result.pairs:
            lines.append(_pair_head(p))
            lines.append("  " + inline(p.ops))
            lines += [f"  {describe(c)}" for c in p.changes]
            lines.append("")
        for side, nos in ((result.left, result.left_only), (result.right, result.right_only)):
            if nos:
                lines.append(f"only in {side}:")
                lines += _unpaired(corpus, side, nos)
                lines.append("")
        out.write("\n".join(lines).rstrip("\n") + "\n")
        return

    from rich.text import Text

    colour = screen.colour
    draw = console(out, screen)
    for line in head:
        draw.print(Text(line, style="bold" if colour and line == head[0] else ""))
    styles = {"delete": "red strike", "insert": "green underline", "equal": ""}
    bold, cyan = ("bold", "cyan") if colour else ("", "")
    if not colour:
        styles = dict.fromkeys(styles, "")
    for p in result.pairs:
        draw.print(Text(_pair_head(p), style=bold))
        text = Text("  ")
        for op, part in p.ops:
            marked = part if op == "equal" else f"[-{part}-]" if op == "delete" else f"{{+{part}+}}"
            text.append(marked, style=styles[op])
        draw.print(text)
        for c in p.changes:
            draw.print(Text(f"  {describe(c)}", style=cyan))
        draw.print()
    for side, nos in ((result.left, result.left_only), (result.right, result.right_only)):
        if nos:
            draw.print(Text(f"only in {side}:", style=bold))
            for line in _unpaired(corpus, side, nos):
                draw.print(Text(line))
            draw.print()
